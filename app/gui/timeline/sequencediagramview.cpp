// SequenceDiagramView and TimelineLegend.
#include "sequencediagramview.h"

#include "sequencepainter.h"
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
    return SequencePainter(m_model, font(), palette())
        .geometry(viewport()->width(), viewport()->height());
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
    SequencePainter(m_model, font(), palette())
        .paint(
            p, geometryNow(), scrollOffset(), viewport()->rect(), m_selection, m_currentExchange);
}

// --- TimelineLegend ---

TimelineLegend::TimelineLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
}

int TimelineLegend::layoutEntries(int width, QPainter *painter) const
{
    return SequencePainter::paintLegend(painter, 0, width, font(), palette());
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
