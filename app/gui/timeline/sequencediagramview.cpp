// SequenceDiagramView and TimelineLegend.
#include "sequencediagramview.h"

#include "timelinemodel.h"
#include "timelinetext.h"

#include <QAbstractItemModel>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>

#include <climits>
#include <cmath>

namespace corslab::gui {

namespace {

struct RowData {
    TimelineSide side = TimelineSide::Page;
    TimelineStep step = TimelineStep::Setup;
    TimelineKind kind = TimelineKind::Note;
    int exchange = 0;
    bool outgoing = false;
    QVariant passed;
    QString label;
    QString time;
};

RowData rowData(const QAbstractItemModel *model, int row)
{
    const QModelIndex index = model->index(row, 0);
    RowData d;
    d.side = TimelineSide(index.data(TimelineModel::SideRole).toInt());
    d.step = TimelineStep(index.data(TimelineModel::StepRole).toInt());
    d.kind = TimelineKind(index.data(TimelineModel::KindRole).toInt());
    d.exchange = index.data(TimelineModel::ExchangeRole).toInt();
    d.outgoing = index.data(TimelineModel::OutgoingRole).toBool();
    d.passed = index.data(TimelineModel::PassedRole);
    d.label = index.data(TimelineModel::LabelRole).toString();
    d.time = model->index(row, TimelineModel::Time).data().toString();
    return d;
}

// Where an event's arrow starts and ends; equal lanes: a marker on one lane.
std::pair<TimelineSide, TimelineSide> arrowLanes(const RowData &d)
{
    switch (d.kind) {
    case TimelineKind::Request:
        return {d.side == TimelineSide::Page ? TimelineSide::Page : TimelineSide::Browser,
            TimelineSide::Server};
    case TimelineKind::Response:
        return {TimelineSide::Server, TimelineSide::Browser};
    case TimelineKind::Frame:
        return d.outgoing ? std::pair {TimelineSide::Browser, TimelineSide::Server}
                          : std::pair {TimelineSide::Server, TimelineSide::Browser};
    case TimelineKind::Packet:
        return d.outgoing ? std::pair {TimelineSide::Page, TimelineSide::Browser}
                          : std::pair {TimelineSide::Browser, TimelineSide::Page};
    case TimelineKind::Check:
        return {TimelineSide::Browser, TimelineSide::Browser};
    default:
        return {d.side, d.side};
    }
}

// A check mark or a cross drawn as lines (no font needs the glyph).
void drawMark(
    QPainter &p, const QPointF &centre, qreal radius, bool passed, const TimelineColors &colors)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = passed ? colors.pass : colors.fail;
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(centre, radius, radius);
    QPen pen(colors.base, qMax(1.5, radius / 3.5));
    pen.setCapStyle(Qt::RoundCap);
    p.setPen(pen);
    const qreal r = radius * 0.5;
    if (passed) {
        QPainterPath path;
        path.moveTo(centre + QPointF(-r, 0));
        path.lineTo(centre + QPointF(-r * 0.25, r * 0.7));
        path.lineTo(centre + QPointF(r, -r * 0.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    } else {
        p.drawLine(centre + QPointF(-r, -r), centre + QPointF(r, r));
        p.drawLine(centre + QPointF(-r, r), centre + QPointF(r, -r));
    }
    p.restore();
}

} // namespace

SequenceDiagramView::SequenceDiagramView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setMouseTracking(false);
    setAccessibleName(tr("Sequence diagram"));
}

void SequenceDiagramView::setModel(QAbstractItemModel *m)
{
    for (const auto &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_model = m;
    if (m) {
        const auto changed = [this] {
            updateScrollBars();
            viewport()->update();
        };
        m_modelConnections << connect(m, &QAbstractItemModel::rowsInserted, this, changed)
                           << connect(m, &QAbstractItemModel::rowsRemoved, this, changed)
                           << connect(m, &QAbstractItemModel::modelReset, this, changed)
                           << connect(m, &QAbstractItemModel::layoutChanged, this, changed)
                           << connect(m, &QAbstractItemModel::dataChanged, viewport(),
                                  qOverload<>(&QWidget::update));
    }
    updateScrollBars();
    viewport()->update();
}

void SequenceDiagramView::setSelectionModel(QItemSelectionModel *s)
{
    for (const auto &c : std::as_const(m_selectionConnections))
        disconnect(c);
    m_selectionConnections.clear();
    m_selection = s;
    if (s) {
        m_selectionConnections << connect(
            s, &QItemSelectionModel::currentChanged, this, &SequenceDiagramView::onCurrentChanged)
                               << connect(s, &QItemSelectionModel::selectionChanged, viewport(),
                                      qOverload<>(&QWidget::update));
    }
    onCurrentChanged();
}

SequenceGeometry SequenceDiagramView::geometryNow() const
{
    const QFontMetrics fm = fontMetrics();
    if (m_bandLabelWidth < 0) {
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics boldMetrics(bold);
        for (int step = 0; step <= int(TimelineStep::Verdict); ++step)
            m_bandLabelWidth = qMax(m_bandLabelWidth,
                boldMetrics.horizontalAdvance(TimelineModel::stepTitle(TimelineStep(step))));
    }
    SequenceGeometry g = SequenceGeometry::forFont(fm.height(), fm.averageCharWidth(),
        m_bandLabelWidth, viewport()->width(), viewport()->height());
    // Wide enough for a long time in the UI language ("99999.999 毫秒" is wider than 14
    // characters).
    g.timeWidth
        = qMax(g.timeWidth, fm.horizontalAdvance(formatTime(99999999)) + fm.averageCharWidth() * 2);
    return g;
}

int SequenceDiagramView::currentRow() const
{
    return m_selection && m_selection->currentIndex().isValid() ? m_selection->currentIndex().row()
                                                                : -1;
}

int SequenceDiagramView::rowAt(const QPoint &pos) const
{
    if (!m_model)
        return -1;
    return geometryNow().rowAt(pos.y(), scrollOffset(), m_model->rowCount());
}

qint64 SequenceDiagramView::scrollOffset() const
{
    return verticalScrollBar()->value();
}

void SequenceDiagramView::scrollToRow(int row)
{
    if (!m_model || row < 0)
        return;
    const SequenceGeometry g = geometryNow();
    verticalScrollBar()->setValue(int(g.scrollToShow(row, scrollOffset(), m_model->rowCount())));
}

bool SequenceDiagramView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum();
}

void SequenceDiagramView::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

QSize SequenceDiagramView::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {fm.averageCharWidth() * 120, fm.height() * 30};
}

void SequenceDiagramView::updateScrollBars()
{
    const SequenceGeometry g = geometryNow();
    const int rows = m_model ? m_model->rowCount() : 0;
    QScrollBar *bar = verticalScrollBar();
    bar->setSingleStep(g.rowHeight);
    bar->setPageStep(qMax(g.rowHeight, g.visibleContentHeight()));
    bar->setRange(0, int(qMin<qint64>(g.maxScroll(rows), INT_MAX)));
}

void SequenceDiagramView::onCurrentChanged()
{
    const int row = currentRow();
    m_currentExchange = row >= 0 && m_model
        ? m_model->index(row, 0).data(TimelineModel::ExchangeRole).toInt()
        : 0;
    if (row >= 0)
        scrollToRow(row);
    viewport()->update();
}

void SequenceDiagramView::selectRow(int row, bool extend)
{
    if (!m_model || !m_selection || row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, 0);
    if (extend && m_anchorRow >= 0 && m_anchorRow < m_model->rowCount()) {
        const int first = qMin(m_anchorRow, row);
        const int last = qMax(m_anchorRow, row);
        const QItemSelection range(
            m_model->index(first, 0), m_model->index(last, m_model->columnCount() - 1));
        m_selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        m_selection->select(range, QItemSelectionModel::ClearAndSelect);
    } else {
        m_anchorRow = row;
        m_selection->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    scrollToRow(row);
}

void SequenceDiagramView::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (row >= 0 && event->button() == Qt::LeftButton)
        selectRow(row, event->modifiers().testFlag(Qt::ShiftModifier));
    QAbstractScrollArea::mousePressEvent(event);
}

void SequenceDiagramView::keyPressEvent(QKeyEvent *event)
{
    if (!m_model || m_model->rowCount() == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const int rows = m_model->rowCount();
    const int current = currentRow();
    const int page = geometryNow().rowsPerPage();
    int next = -1;
    switch (event->key()) {
    case Qt::Key_Up:
        next = current < 0 ? 0 : qMax(0, current - 1);
        break;
    case Qt::Key_Down:
        next = current < 0 ? 0 : qMin(rows - 1, current + 1);
        break;
    case Qt::Key_PageUp:
        next = qMax(0, current - page);
        break;
    case Qt::Key_PageDown:
        next = qMin(rows - 1, qMax(0, current) + page);
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = rows - 1;
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    selectRow(next, event->modifiers().testFlag(Qt::ShiftModifier));
    event->accept();
}

void SequenceDiagramView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void SequenceDiagramView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void SequenceDiagramView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
        || event->type() == QEvent::LanguageChange) {
        m_bandLabelWidth = -1;
        updateScrollBars();
        viewport()->update();
    }
}

bool SequenceDiagramView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0) {
            QToolTip::showText(help->globalPos(),
                m_model->index(row, TimelineModel::Summary).data().toString(), viewport());
            return true;
        }
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void SequenceDiagramView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const TimelineColors colors = TimelineColors::fromPalette(palette());
    const SequenceGeometry g = geometryNow();
    const QFontMetrics fm = fontMetrics();
    const int rows = m_model ? m_model->rowCount() : 0;
    const qint64 scroll = scrollOffset();
    p.fillRect(viewport()->rect(), colors.base);

    // Lane lines under everything.
    p.setPen(QPen(colors.laneLine, 1, Qt::DashLine));
    for (TimelineSide side :
        {TimelineSide::Page, TimelineSide::Browser, TimelineSide::Network, TimelineSide::Server})
        p.drawLine(g.laneX(side), g.headerHeight, g.laneX(side), g.height);

    const int first = g.firstVisibleRow(scroll, rows);
    const int last = g.lastVisibleRow(scroll, rows);
    const int pad = fm.averageCharWidth();
    int previousRelated = -1;
    for (int row = first; row <= last; ++row) {
        const RowData d = rowData(m_model, row);
        const QRect r = g.rowRect(row, scroll);
        const bool selected = m_selection && m_selection->isRowSelected(row, {});
        const bool related = m_currentExchange != 0 && d.exchange == m_currentExchange;
        const bool bandStart = row == 0
            || TimelineStep(m_model->index(row - 1, 0).data(TimelineModel::StepRole).toInt())
                != d.step;

        // Row background.
        const QRect lanesRect(g.lanesLeft(), r.top(), g.width - g.lanesLeft(), r.height());
        if (selected)
            p.fillRect(lanesRect, colors.selection);
        else if (related)
            p.fillRect(lanesRect, colors.related);
        // Step band column with its label at each band's start and at the top of the view.
        const QRect band(g.timeWidth, r.top(), g.bandWidth, r.height());
        p.fillRect(band, colors.stepBand(d.step));
        if (bandStart) {
            p.setPen(QPen(colors.laneLine, 1));
            p.drawLine(g.timeWidth, r.top(), g.width, r.top());
        }
        if (bandStart || row == first) {
            QFont bold = font();
            bold.setBold(true);
            p.setFont(bold);
            p.setPen(colors.text);
            p.drawText(band.adjusted(pad, 0, -pad, 0), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(bold).elidedText(
                    TimelineModel::stepTitle(d.step), Qt::ElideRight, band.width() - 2 * pad));
            p.setFont(font());
        }
        // Time axis.
        p.setPen(selected ? colors.text : colors.mutedText);
        p.drawText(QRect(0, r.top(), g.timeWidth - pad, r.height()),
            Qt::AlignRight | Qt::AlignVCenter, d.time);
        // Links between the selected exchange's rows in the gutter (Wireshark's related
        // packets).
        if (related) {
            const int gx = g.timeWidth - pad / 2 - 1;
            p.setPen(QPen(colors.selection, 2));
            p.drawEllipse(QPoint(gx, r.center().y()), 2, 2);
            if (previousRelated >= 0)
                p.drawLine(gx, previousRelated, gx, r.center().y());
            else if (row == first)
                p.drawLine(gx, r.top(), gx, r.center().y());
            previousRelated = r.center().y();
        }

        const QColor text = selected ? colors.selectionText : colors.text;
        const auto [from, to] = arrowLanes(d);
        const QColor colour = d.kind == TimelineKind::Check && d.passed.isValid()
            ? (d.passed.toBool() ? colors.pass : colors.fail)
            : colors.forKind(d.kind, d.side);
        const qreal markRadius = qMax(4.0, fm.height() * 0.32);
        if (from != to) {
            const int x1 = g.laneX(from);
            const int x2 = g.laneX(to);
            const int y = r.bottom() - qMax(3, r.height() / 5);
            QPen pen(colour, qMax(1.5, fm.height() / 9.0));
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(pen);
            p.drawLine(x1, y, x2, y);
            const int dir = x2 > x1 ? 1 : -1;
            const qreal head = qMax(4.0, fm.height() / 3.0);
            QPolygonF arrow;
            arrow << QPointF(x2, y) << QPointF(x2 - dir * head, y - head / 2)
                  << QPointF(x2 - dir * head, y + head / 2);
            p.setBrush(colour);
            p.drawPolygon(arrow);
            p.setBrush(Qt::NoBrush);
            p.setRenderHint(QPainter::Antialiasing, false);
            // The label sits above the arrow, elided to the arrow's length.
            const int left = qMin(x1, x2) + pad;
            const int width = qAbs(x2 - x1) - 2 * pad;
            p.setPen(text);
            p.drawText(QRect(left, r.top(), width, y - r.top()), Qt::AlignHCenter | Qt::AlignBottom,
                fm.elidedText(d.label, Qt::ElideMiddle, width));
            // The CORS verdict on a response, at its head.
            if (d.kind == TimelineKind::Response && d.passed.isValid())
                drawMark(p, QPointF(x2 - dir * (head + markRadius + 2), y - markRadius - 1),
                    markRadius, d.passed.toBool(), colors);
        } else {
            const int x = g.laneX(from);
            const QPointF centre(x, r.center().y());
            if (d.kind == TimelineKind::Check && d.passed.isValid()) {
                drawMark(p, centre, markRadius, d.passed.toBool(), colors);
            } else {
                p.setRenderHint(QPainter::Antialiasing);
                p.setPen(Qt::NoPen);
                p.setBrush(colour);
                p.drawEllipse(centre, markRadius * 0.6, markRadius * 0.6);
                p.setBrush(Qt::NoBrush);
                p.setRenderHint(QPainter::Antialiasing, false);
            }
            // Notes on the server lane read leftwards so they stay in view.
            p.setPen(d.kind == TimelineKind::ServerEvent && !selected ? colors.mutedText : text);
            if (from == TimelineSide::Server) {
                const int width = x - int(markRadius) - 2 * pad - g.lanesLeft();
                p.drawText(QRect(g.lanesLeft() + pad, r.top(), width, r.height()),
                    Qt::AlignRight | Qt::AlignVCenter,
                    fm.elidedText(d.label, Qt::ElideRight, width));
            } else {
                const int left = x + int(markRadius) + pad;
                const int width = g.width - left - pad;
                p.drawText(QRect(left, r.top(), width, r.height()),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(d.label, Qt::ElideRight, width));
            }
        }
    }
    if (previousRelated >= 0 && last + 1 < rows
        && m_model->index(last + 1, 0).data(TimelineModel::ExchangeRole).toInt()
            == m_currentExchange) {
        const int gx = g.timeWidth - pad / 2 - 1;
        p.setPen(QPen(colors.selection, 2));
        p.drawLine(gx, previousRelated, gx, g.height);
    }

    // Header: lane titles over the scrolled rows.
    const QRect header(0, 0, g.width, g.headerHeight);
    p.fillRect(header, palette().color(QPalette::Button));
    p.setPen(colors.laneLine);
    p.drawLine(0, g.headerHeight - 1, g.width, g.headerHeight - 1);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::ButtonText));
    p.drawText(QRect(0, 0, g.timeWidth - pad, g.headerHeight), Qt::AlignRight | Qt::AlignVCenter,
        tr("Time"));
    p.drawText(QRect(g.timeWidth + pad, 0, g.bandWidth - pad, g.headerHeight),
        Qt::AlignLeft | Qt::AlignVCenter, tr("Step"));
    for (TimelineSide side :
        {TimelineSide::Page, TimelineSide::Browser, TimelineSide::Network, TimelineSide::Server}) {
        const int x = g.laneX(side);
        p.drawText(QRect(x - g.laneWidth() / 2, 0, g.laneWidth(), g.headerHeight), Qt::AlignCenter,
            TimelineModel::sideTitle(side));
    }
    if (rows == 0) {
        p.setFont(font());
        p.setPen(colors.mutedText);
        p.drawText(viewport()->rect().adjusted(0, g.headerHeight, 0, 0), Qt::AlignCenter,
            tr("No events yet: run the profile to see what crosses the wire."));
    }
}

QList<SequenceDiagramView::LegendEntry> SequenceDiagramView::legend(const TimelineColors &colors)
{
    return {
        {colors.request, tr("request")},
        {colors.response, tr("response")},
        {colors.frame, tr("WebSocket frame")},
        {colors.packet, tr("Engine.IO / Socket.IO packet")},
        {colors.pageEvent, tr("page event")},
        {colors.server, tr("server event")},
        {colors.pass, tr("CORS check passed")},
        {colors.fail, tr("CORS check failed")},
        {colors.related, tr("same exchange as the selection")},
    };
}

// --- TimelineLegend ---

TimelineLegend::TimelineLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
}

int TimelineLegend::layoutEntries(int width, QPainter *painter) const
{
    const QFontMetrics fm = fontMetrics();
    const TimelineColors colors = TimelineColors::fromPalette(palette());
    const int swatch = fm.height() * 2 / 3;
    const int gap = fm.averageCharWidth() * 2;
    int x = 0;
    int y = 0;
    for (const auto &entry : SequenceDiagramView::legend(colors)) {
        const int w = swatch + fm.averageCharWidth() / 2 + fm.horizontalAdvance(entry.text);
        if (x > 0 && x + w > width) {
            x = 0;
            y += fm.height() + 2;
        }
        if (painter) {
            const int top = y + (fm.height() - swatch) / 2;
            painter->fillRect(QRect(x, top, swatch, swatch), entry.color);
            painter->setPen(colors.laneLine);
            painter->drawRect(QRect(x, top, swatch - 1, swatch - 1));
            painter->setPen(palette().color(QPalette::WindowText));
            painter->drawText(QRect(x + swatch + fm.averageCharWidth() / 2, y,
                                  fm.horizontalAdvance(entry.text) + 1, fm.height()),
                Qt::AlignLeft | Qt::AlignVCenter, entry.text);
        }
        x += w + gap;
    }
    return y + fm.height();
}

QSize TimelineLegend::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 100, heightForWidth(width() > 0 ? width() : 800)};
}

QSize TimelineLegend::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 20, fontMetrics().height()};
}

int TimelineLegend::heightForWidth(int w) const
{
    return layoutEntries(w, nullptr);
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    layoutEntries(width(), &p);
}

} // namespace corslab::gui
