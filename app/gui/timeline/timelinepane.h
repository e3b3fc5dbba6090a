// The timeline pane: a filter bar (search, layers, status), the sequence diagram and a table of
// the same rows sharing one selection (Ctrl+T switches), and the diagram's legend. Streams while
// a run goes on and follows the newest row unless the user scrolled away from the bottom.
#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QItemSelectionModel;
class QLineEdit;
class QMenu;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace corslab::gui {

class SequenceDiagramView;
class TimelineFilterModel;
class TimelineLegend;
class TimelineModel;

class TimelinePane : public QWidget {
    Q_OBJECT

public:
    explicit TimelinePane(QWidget *parent = nullptr);

    TimelineModel *model() const { return m_model; }
    TimelineFilterModel *filterModel() const { return m_filter; }
    SequenceDiagramView *diagram() const { return m_diagram; }
    QTableView *table() const { return m_table; }
    QItemSelectionModel *selectionModel() const;
    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusCombo() const { return m_status; }
    QAction *toggleViewAction() const { return m_toggle; }

    bool isTableShown() const;
    void setTableShown(bool table);
    // Selects a row of the model (not the filter); false when the filter hides it.
    bool selectSourceRow(int sourceRow);

signals:
    void eventSelected(int sourceRow); // -1 when nothing is selected

private:
    void addLayer(const QString &layer);
    void applyLayers();
    void rowsAboutToArrive();
    void rowsArrived();
    bool isFollowing() const;

    TimelineModel *m_model;
    TimelineFilterModel *m_filter;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QToolButton *m_layersButton;
    QMenu *m_layersMenu;
    QComboBox *m_status;
    QStackedWidget *m_stack;
    SequenceDiagramView *m_diagram;
    QTableView *m_table;
    TimelineLegend *m_legend;
    QAction *m_toggle;
    bool m_follow = true;
    bool m_scrollPending = false;
};

} // namespace corslab::gui
