// TimelineModel and TimelineFilterModel.
#include "timelinemodel.h"

#include "run/runresult.h"
#include "timelinecolors.h"
#include "timelinetext.h"

#include <QGuiApplication>

namespace corslab::gui {

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TimelineModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_cache.clear();
    m_checks.clear();
    m_exchangeRows.clear();
    m_failedExchanges.clear();
    endResetModel();
    emit checksChanged();
}

void TimelineModel::append(const TimelineEvent &e)
{
    const int row = int(m_events.size());
    beginInsertRows({}, row, row);
    m_events.append(e);
    indexRow(row);
    endInsertRows();
    // A check judges the response before it, and a failure marks the exchange's earlier rows:
    // they change (the Cors column, and what "failures only" shows).
    if (e.kind == TimelineKind::Check && e.exchange != 0) {
        const QList<int> &rows = m_exchangeRows.value(e.exchange);
        for (int other : rows) {
            if (other != row)
                emit dataChanged(index(other, 0), index(other, ColumnCount - 1));
        }
    }
}

void TimelineModel::append(const QList<TimelineEvent> &events)
{
    if (events.isEmpty())
        return;
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(events.size()) - 1);
    m_events.append(events);
    for (int row = first; row < m_events.size(); ++row)
        indexRow(row);
    endInsertRows();
    if (first > 0)
        emit dataChanged(index(0, 0), index(first - 1, ColumnCount - 1));
}

void TimelineModel::setChecks(const QList<CorsCheck> &checks)
{
    m_checks = checks;
    if (!m_events.isEmpty())
        emit dataChanged(index(0, Cors), index(rowCount() - 1, Cors));
    emit checksChanged();
}

void TimelineModel::setRun(const RunResult &r)
{
    beginResetModel();
    m_events.clear();
    m_cache.clear();
    m_exchangeRows.clear();
    m_failedExchanges.clear();
    m_checks = r.checks;
    m_events = r.events; // shared with the run's list, not copied
    for (int row = 0; row < m_events.size(); ++row)
        indexRow(row);
    endResetModel();
    emit checksChanged();
}

const CorsCheck *TimelineModel::check(int checkIndex) const
{
    if (checkIndex < 0 || checkIndex >= m_checks.size())
        return nullptr;
    return &m_checks.at(checkIndex);
}

QList<int> TimelineModel::exchangeRows(int exchange) const
{
    return exchange == 0 ? QList<int>() : m_exchangeRows.value(exchange);
}

bool TimelineModel::isSameStage(int a, int b) const
{
    const bool preflightA = m_events.at(a).step == TimelineStep::Preflight;
    return preflightA == (m_events.at(b).step == TimelineStep::Preflight);
}

int TimelineModel::checkRowFor(int row) const
{
    const TimelineEvent &e = m_events.at(row);
    if (e.kind == TimelineKind::Check)
        return row;
    int found = -1;
    for (int other : exchangeRows(e.exchange)) {
        if (m_events.at(other).kind != TimelineKind::Check || !isSameStage(row, other))
            continue;
        // A check before the request (mixed content, forbidden method) or the response check
        // after it; the last one is the verdict on this stage.
        found = other;
    }
    return found;
}

int TimelineModel::requestRowFor(int row) const
{
    const TimelineEvent &e = m_events.at(row);
    if (e.kind == TimelineKind::Request)
        return row;
    int found = -1;
    for (int other : exchangeRows(e.exchange)) {
        if (m_events.at(other).kind == TimelineKind::Request && isSameStage(row, other)
            && (other <= row || found < 0))
            found = other;
    }
    return found;
}

int TimelineModel::responseRowFor(int row) const
{
    const TimelineEvent &e = m_events.at(row);
    if (e.kind == TimelineKind::Response)
        return row;
    int found = -1;
    for (int other : exchangeRows(e.exchange)) {
        if (m_events.at(other).kind != TimelineKind::Response || !isSameStage(row, other))
            continue;
        if (e.kind == TimelineKind::Check && other > row)
            continue; // the response a check judged comes before it
        found = other;
        if (e.kind == TimelineKind::Request && other > row)
            break;
    }
    return found;
}

void TimelineModel::indexRow(int row)
{
    const TimelineEvent &e = m_events.at(row);
    RowCache cache;
    switch (e.kind) {
    case TimelineKind::Check:
        cache.failure = e.passed.has_value() && !*e.passed;
        break;
    case TimelineKind::Response:
        cache.failure = e.status >= 400 || e.status == 0;
        break;
    case TimelineKind::PageEvent:
        cache.failure = e.summary.startsWith(QLatin1String("connect_error"))
            || e.summary.contains(QLatin1String("error:"));
        break;
    case TimelineKind::Note:
        cache.failure = e.step == TimelineStep::Verdict
            && !e.summary.startsWith(QLatin1String("verdict: connected"));
        break;
    default:
        break;
    }
    m_cache.append(cache);
    if (e.exchange != 0) {
        m_exchangeRows[e.exchange].append(row);
        if (e.kind == TimelineKind::Check && e.passed.has_value()) {
            const int response = responseRowFor(row);
            if (response >= 0)
                m_cache[response].judged = e.passed;
        }
        if (cache.failure)
            m_failedExchanges.insert(e.exchange);
    }
    if (!e.layer.isEmpty() && !m_layers.contains(e.layer)) {
        m_layers.append(e.layer);
        emit layerAdded(e.layer);
    }
}

bool TimelineModel::isFailure(int row) const
{
    const int exchange = m_events.at(row).exchange;
    return m_cache.at(row).failure || (exchange != 0 && m_failedExchanges.contains(exchange));
}

QString TimelineModel::sideTitle(TimelineSide side)
{
    switch (side) {
    case TimelineSide::Page:
        return tr("Page");
    case TimelineSide::Browser:
        return tr("Browser");
    case TimelineSide::Network:
        return tr("Network");
    case TimelineSide::Server:
        return tr("Server");
    }
    return {};
}

QString TimelineModel::stepTitle(TimelineStep step)
{
    switch (step) {
    case TimelineStep::Setup:
        return tr("setup");
    case TimelineStep::Preflight:
        return tr("preflight");
    case TimelineStep::Handshake:
        return tr("handshake");
    case TimelineStep::Connect:
        return tr("connect");
    case TimelineStep::Poll:
        return tr("poll");
    case TimelineStep::Send:
        return tr("send");
    case TimelineStep::Upgrade:
        return tr("upgrade");
    case TimelineStep::Heartbeat:
        return tr("heartbeat");
    case TimelineStep::Events:
        return tr("events");
    case TimelineStep::Close:
        return tr("close");
    case TimelineStep::Verdict:
        return tr("verdict");
    }
    return {};
}

QString TimelineModel::kindTitle(TimelineKind kind)
{
    switch (kind) {
    case TimelineKind::Note:
        return tr("note");
    case TimelineKind::Request:
        return tr("request");
    case TimelineKind::Response:
        return tr("response");
    case TimelineKind::Check:
        return tr("CORS check");
    case TimelineKind::Frame:
        return tr("WebSocket frame");
    case TimelineKind::Packet:
        return tr("packet");
    case TimelineKind::PageEvent:
        return tr("page event");
    case TimelineKind::ServerEvent:
        return tr("server event");
    }
    return {};
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const TimelineEvent &e = m_events.at(row);
    const RowCache &cache = m_cache.at(row);
    const std::optional<bool> passed = e.kind == TimelineKind::Check ? e.passed : cache.judged;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Seq:
            return e.seq;
        case Time:
            return formatTime(e.timeUs);
        case Side:
            return sideTitle(e.side);
        case Step:
            return stepTitle(e.step);
        case Layer:
            return e.layer;
        case Summary:
            return e.summary;
        case Status:
            return e.status != 0 ? QVariant(e.status) : QVariant();
        case Cors:
            if (!passed)
                return {};
            return *passed ? tr("✓ pass") : tr("✗ fail");
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Summary)
            return e.summary;
        if (index.column() == Cors && passed) {
            const int checkRow = checkRowFor(row);
            const CorsCheck *c = checkRow >= 0 ? check(m_events.at(checkRow).checkIndex) : nullptr;
            if (c && !c->passed())
                return tr("Chromium: %1 · Firefox: %2")
                    .arg(c->chromium.reason.code, c->firefox.reason.code);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Cors && passed) {
            const TimelineColors colors = TimelineColors::fromPalette(QGuiApplication::palette());
            return *passed ? colors.pass : colors.fail;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Seq || index.column() == Time || index.column() == Status)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case EventRole:
        return QVariant::fromValue(e);
    case ExchangeRole:
        return e.exchange;
    case SideRole:
        return int(e.side);
    case StepRole:
        return int(e.step);
    case KindRole:
        return int(e.kind);
    case PassedRole:
        return passed ? QVariant(*passed) : QVariant();
    case LayerRole:
        return e.layer;
    case TimeUsRole:
        return e.timeUs;
    case OutgoingRole:
        return e.outgoing;
    case LabelRole:
        return arrowLabel(e);
    case FailureRole:
        return isFailure(row);
    case StatusCodeRole:
        return e.status;
    case CheckIndexRole:
        return e.checkIndex;
    case SourceRowRole:
        return row;
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Seq:
        return tr("#");
    case Time:
        return tr("Time");
    case Side:
        return tr("Side");
    case Step:
        return tr("Step");
    case Layer:
        return tr("Layer");
    case Summary:
        return tr("Summary");
    case Status:
        return tr("Status");
    case Cors:
        return tr("CORS");
    default:
        return {};
    }
}

// --- TimelineFilterModel ---

TimelineFilterModel::TimelineFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    m_matcher.setCaseSensitivity(Qt::CaseInsensitive);
}

void TimelineFilterModel::setText(const QString &text)
{
    if (text == m_matcher.pattern())
        return;
    m_matcher.setPattern(text);
    refilter();
}

void TimelineFilterModel::setLayers(const QSet<QString> &layers)
{
    if (m_layers == layers)
        return;
    m_layers = layers;
    refilter();
}

void TimelineFilterModel::clearLayers()
{
    if (!m_layers)
        return;
    m_layers.reset();
    refilter();
}

void TimelineFilterModel::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    m_status = filter;
    refilter();
}

void TimelineFilterModel::refilter()
{
    // invalidateFilter() diffs the old and new row sets and emits one removal or insertion per
    // contiguous run: with 100,000 rows and a scattered match that is thousands of signals, each
    // moving the proxy's mapping (seconds, measured by bench/gui/timeline-bench). invalidate()
    // drops the mapping and rebuilds it in one pass under a single layout change; the selection
    // survives through its persistent indexes.
    invalidate();
}

QString TimelineFilterModel::statusFilterTitle(StatusFilter filter)
{
    switch (filter) {
    case StatusFilter::All:
        return tr("All");
    case StatusFilter::FailuresOnly:
        return tr("Failures only");
    case StatusFilter::HideServerEvents:
        return tr("Hide server events");
    case StatusFilter::HttpOnly:
        return tr("HTTP only");
    }
    return {};
}

const TimelineModel *TimelineFilterModel::timeline() const
{
    return qobject_cast<const TimelineModel *>(sourceModel());
}

bool TimelineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const TimelineModel *model = timeline();
    if (!model)
        return true;
    const TimelineEvent &e = model->event(sourceRow);
    switch (m_status) {
    case StatusFilter::All:
        break;
    case StatusFilter::FailuresOnly:
        if (!model->data(model->index(sourceRow, 0), TimelineModel::FailureRole).toBool())
            return false;
        break;
    case StatusFilter::HideServerEvents:
        if (e.side == TimelineSide::Server)
            return false;
        break;
    case StatusFilter::HttpOnly:
        if (e.kind != TimelineKind::Request && e.kind != TimelineKind::Response
            && e.kind != TimelineKind::Check)
            return false;
        break;
    }
    if (m_layers && !m_layers->contains(e.layer))
        return false;
    if (!m_matcher.pattern().isEmpty()) {
        if (m_matcher.indexIn(e.summary) < 0 && m_matcher.indexIn(e.detail) < 0)
            return false;
    }
    return true;
}

} // namespace corslab::gui
