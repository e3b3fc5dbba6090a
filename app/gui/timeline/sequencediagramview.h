// The run as a sequence diagram: lanes Page · Browser · Network · Server, one row per event of
// the (filtered) timeline model, arrows for requests, responses, frames and packets, CORS check
// marks, step bands, a time axis, and the related rows of the selected exchange. Only the rows in
// view are painted, so 100,000 rows scroll as smoothly as ten.
#pragma once

#include "sequencegeometry.h"
#include "timelinecolors.h"

#include <QAbstractScrollArea>
#include <QItemSelectionModel>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;

namespace corslab::gui {

class SequenceDiagramView : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit SequenceDiagramView(QWidget *parent = nullptr);

    // Any model with TimelineModel's roles (TimelineModel or a proxy of it).
    void setModel(QAbstractItemModel *m);
    QAbstractItemModel *model() const { return m_model; }
    // Shared with the table; must be over the same model.
    void setSelectionModel(QItemSelectionModel *s);
    QItemSelectionModel *selectionModel() const { return m_selection; }

    SequenceGeometry geometryNow() const;
    int currentRow() const;
    int rowAt(const QPoint &viewportPos) const;
    void scrollToRow(int row);
    bool isAtBottom() const;
    void scrollToBottom();

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void updateScrollBars();
    void onCurrentChanged();
    void selectRow(int row, bool extend);
    qint64 scrollOffset() const;

    QPointer<QAbstractItemModel> m_model;
    QPointer<QItemSelectionModel> m_selection;
    QList<QMetaObject::Connection> m_modelConnections;
    QList<QMetaObject::Connection> m_selectionConnections;
    int m_currentExchange = 0;
    int m_anchorRow = -1;
};

// The diagram's colours and what they mean, in a line (wraps when narrow).
class TimelineLegend : public QWidget {
    Q_OBJECT

public:
    explicit TimelineLegend(QWidget *parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int layoutEntries(int width, QPainter *painter) const;
};

} // namespace corslab::gui
