// The timeline of a run as a table model (one row per TimelineEvent, in run order) that streams
// while a run goes on, and the filter the timeline pane puts in front of it. Rows keep their
// relations (exchange members, the check that judged a response, failure) computed on insertion,
// so data() does no searching: the views stay fast at 100,000 rows.
#pragma once

#include "cors/browsercors.h"
#include "timeline/timelineevent.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QStringMatcher>

#include <optional>

namespace corslab {
struct RunResult;
}

Q_DECLARE_METATYPE(corslab::TimelineEvent)

namespace corslab::gui {

class TimelineModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Seq, Time, Side, Step, Layer, Summary, Status, Cors, ColumnCount };
    enum Role {
        EventRole = Qt::UserRole + 1, // the TimelineEvent (a copy; prefer event(row))
        ExchangeRole, // int, 0 for none
        SideRole, // int(TimelineSide)
        StepRole, // int(TimelineStep)
        KindRole, // int(TimelineKind)
        PassedRole, // bool for a check and for a response a check judged; invalid otherwise
        LayerRole, // QString
        TimeUsRole, // qint64
        OutgoingRole, // bool
        LabelRole, // the diagram's short label
        FailureRole, // bool: a failed check, a refused response, an error the page saw
        StatusCodeRole, // int HTTP status, 0 for none
        CheckIndexRole, // int, -1 for none
        SourceRowRole, // int: the row in this model (also through proxies)
    };
    Q_ENUM(Role)

    explicit TimelineModel(QObject *parent = nullptr);

    void clear();
    void append(const TimelineEvent &e);
    void append(const QList<TimelineEvent> &events); // one insertion for the lot
    void setChecks(const QList<CorsCheck> &checks);
    void setRun(const RunResult &r); // replaces everything

    const TimelineEvent &event(int row) const { return m_events.at(row); }
    const CorsCheck *check(int checkIndex) const;
    const QList<CorsCheck> &checks() const { return m_checks; }
    // The rows of one exchange in run order (empty for exchange 0).
    QList<int> exchangeRows(int exchange) const;
    // The CORS check row that judged this row (the row itself for a check), or -1. For a request
    // or response, the check of the same stage (preflight or actual).
    int checkRowFor(int row) const;
    // The request and response rows that go with a row, -1 when there is none.
    int requestRowFor(int row) const;
    int responseRowFor(int row) const;
    // Layers seen so far, in the order they first appeared.
    const QStringList &layers() const { return m_layers; }

    static QString sideTitle(TimelineSide side);
    static QString stepTitle(TimelineStep step);
    static QString kindTitle(TimelineKind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void layerAdded(const QString &layer);
    void checksChanged();

private:
    // What data() cannot derive from the event alone. Display text (time, arrow label) is
    // formatted on demand: only the rows in view ask for it, and inserting stays cheap.
    struct RowCache {
        std::optional<bool> judged; // a response: what its CORS check said
        bool failure = false;
    };
    void indexRow(int row);
    bool isSameStage(int a, int b) const;
    bool isFailure(int row) const;

    QList<TimelineEvent> m_events;
    QList<RowCache> m_cache;
    QList<CorsCheck> m_checks;
    QHash<int, QList<int>> m_exchangeRows;
    QSet<int> m_failedExchanges;
    QStringList m_layers;
};

class TimelineFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class StatusFilter { All, FailuresOnly, HideServerEvents, HttpOnly };
    Q_ENUM(StatusFilter)

    explicit TimelineFilterModel(QObject *parent = nullptr);

    // Case-insensitive substring of the summary or the detail; empty: no text filter.
    void setText(const QString &text);
    QString text() const { return m_matcher.pattern(); }
    // Only rows of these layers (an empty set shows nothing); clearLayers() shows all layers.
    void setLayers(const QSet<QString> &layers);
    void clearLayers();
    std::optional<QSet<QString>> layers() const { return m_layers; }
    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_status; }

    static QString statusFilterTitle(StatusFilter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const TimelineModel *timeline() const;
    void refilter();

    QStringMatcher m_matcher;
    std::optional<QSet<QString>> m_layers;
    StatusFilter m_status = StatusFilter::All;
};

} // namespace corslab::gui
