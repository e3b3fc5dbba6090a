// TimelinePane.
#include "timelinepane.h"

#include "sequencediagramview.h"
#include "timelinemodel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace corslab::gui {

TimelinePane::TimelinePane(QWidget *parent)
    : QWidget(parent)
    , m_model(new TimelineModel(this))
    , m_filter(new TimelineFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_layersButton(new QToolButton(this))
    , m_layersMenu(new QMenu(this))
    , m_status(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_diagram(new SequenceDiagramView(this))
    , m_table(new QTableView(this))
    , m_legend(new TimelineLegend(this))
    , m_toggle(new QAction(this))
{
    m_filter->setSourceModel(m_model);

    // Filter bar.
    m_search->setPlaceholderText(tr("Filter: text in summary or headers"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Shows the events whose summary or detail contains this text "
                            "(case-insensitive)."));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_filter->setText(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        m_filter->setText(m_search->text());
    });

    m_layersButton->setText(tr("Layers"));
    m_layersButton->setToolTip(tr("Which protocol layers to show"));
    m_layersButton->setPopupMode(QToolButton::InstantPopup);
    m_layersButton->setMenu(m_layersMenu);
    for (const char *layer :
        {"http", "cors", "websocket", "engine.io", "socket.io", "page", "server", "verdict"})
        addLayer(QString::fromLatin1(layer));
    connect(m_model, &TimelineModel::layerAdded, this, &TimelinePane::addLayer);

    for (auto f :
        {TimelineFilterModel::StatusFilter::All, TimelineFilterModel::StatusFilter::FailuresOnly,
            TimelineFilterModel::StatusFilter::HideServerEvents,
            TimelineFilterModel::StatusFilter::HttpOnly})
        m_status->addItem(TimelineFilterModel::statusFilterTitle(f), QVariant::fromValue(f));
    m_status->setToolTip(tr("Failures only: failed CORS checks, refused responses and errors, "
                            "with the rest of their exchange. HTTP only: requests, responses "
                            "and their CORS checks."));
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStatusFilter(
            m_status->currentData().value<TimelineFilterModel::StatusFilter>());
    });

    auto *viewButton = new QToolButton(this);
    m_toggle->setText(tr("Table"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_toggle->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_toggle->setToolTip(tr("Show the events as a table instead of a diagram (Ctrl+T)"));
    connect(m_toggle, &QAction::toggled, this, &TimelinePane::setTableShown);
    addAction(m_toggle);
    viewButton->setDefaultAction(m_toggle);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_layersButton);
    auto *statusLabel = new QLabel(tr("Show:"), this);
    statusLabel->setBuddy(m_status);
    bar->addWidget(statusLabel);
    bar->addWidget(m_status);
    bar->addWidget(viewButton);

    // The table: fixed row heights and column widths from the font, no per-row sizing (100,000
    // rows).
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    const QFontMetrics fm = fontMetrics();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fm.height() + fm.height() / 3);
    QHeaderView *header = m_table->horizontalHeader();
    const int ch = fm.averageCharWidth();
    header->resizeSection(TimelineModel::Seq, ch * 7);
    header->resizeSection(TimelineModel::Time, ch * 12);
    header->resizeSection(TimelineModel::Side, ch * 10);
    header->resizeSection(TimelineModel::Step, ch * 11);
    header->resizeSection(TimelineModel::Layer, ch * 10);
    header->resizeSection(TimelineModel::Summary, ch * 60);
    header->resizeSection(TimelineModel::Status, ch * 7);
    header->setStretchLastSection(true);

    m_diagram->setModel(m_filter);
    m_diagram->setSelectionModel(m_table->selectionModel());
    m_stack->addWidget(m_diagram);
    m_stack->addWidget(m_table);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_legend);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            emit eventSelected(current.isValid() ? m_filter->mapToSource(current).row() : -1);
        });
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this,
        &TimelinePane::rowsAboutToArrive);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &TimelinePane::rowsArrived);
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] { m_follow = true; });
}

QItemSelectionModel *TimelinePane::selectionModel() const
{
    return m_table->selectionModel();
}

bool TimelinePane::isTableShown() const
{
    return m_stack->currentWidget() == m_table;
}

void TimelinePane::setTableShown(bool table)
{
    m_stack->setCurrentWidget(table ? static_cast<QWidget *>(m_table) : m_diagram);
    if (m_toggle->isChecked() != table)
        m_toggle->setChecked(table);
    const QModelIndex current = selectionModel()->currentIndex();
    if (table && current.isValid())
        m_table->scrollTo(current);
    else if (!table && current.isValid())
        m_diagram->scrollToRow(current.row());
}

bool TimelinePane::selectSourceRow(int sourceRow)
{
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void TimelinePane::addLayer(const QString &layer)
{
    for (QAction *action : m_layersMenu->actions()) {
        if (action->data().toString() == layer)
            return;
    }
    QAction *action = m_layersMenu->addAction(layer);
    action->setData(layer);
    action->setCheckable(true);
    action->setChecked(true);
    connect(action, &QAction::toggled, this, &TimelinePane::applyLayers);
}

void TimelinePane::applyLayers()
{
    QSet<QString> shown;
    bool all = true;
    for (QAction *action : m_layersMenu->actions()) {
        if (action->isChecked())
            shown.insert(action->data().toString());
        else
            all = false;
    }
    if (all)
        m_filter->clearLayers();
    else
        m_filter->setLayers(shown);
    m_layersButton->setText(all ? tr("Layers") : tr("Layers (%1)").arg(shown.size()));
}

bool TimelinePane::isFollowing() const
{
    if (isTableShown()) {
        const QScrollBar *bar = m_table->verticalScrollBar();
        return bar->value() >= bar->maximum();
    }
    return m_diagram->isAtBottom();
}

void TimelinePane::rowsAboutToArrive()
{
    if (!m_scrollPending)
        m_follow = isFollowing();
}

void TimelinePane::rowsArrived()
{
    // Coalesced: a burst of events scrolls once.
    if (!m_follow || m_scrollPending)
        return;
    m_scrollPending = true;
    QTimer::singleShot(0, this, [this] {
        m_scrollPending = false;
        if (isTableShown())
            m_table->scrollToBottom();
        else
            m_diagram->scrollToBottom();
    });
}

} // namespace corslab::gui
