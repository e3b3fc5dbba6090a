// What one timeline event holds, decoded on selection (Wireshark's details and bytes panes,
// DevTools' Headers tab): request and response headers with the CORS ones explained, the exact
// bytes as text and hex, the Engine.IO / Socket.IO packet tree, and the related CORS check rule
// by rule.
#pragma once

#include "cors/browsercors.h"

#include <QTabWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTreeWidget;

namespace corslab::gui {

class TimelineModel;

// One rule of a CORS check: what the browser required, what came back, and the spec step.
struct CorsRuleRow {
    QString rule;
    QString required;
    QString got;
    std::optional<bool> passed; // nullopt: did not apply
    QString spec;
    QString header; // the response header the rule reads (lower case), if any
};

// The rules of a check in the order Fetch runs them, evaluated from its required and received
// values, ending with the browser's own verdict.
QList<CorsRuleRow> corsRules(const CorsCheck &check);

class DetailsPane : public QTabWidget {
    Q_OBJECT

public:
    enum ItemRole { CorsHeaderRole = Qt::UserRole + 1, PassedRole };
    enum Tab { HeadersTab, RawTab, DecodedTab, CorsTab };

    explicit DetailsPane(QWidget *parent = nullptr);

    void showEvent(const TimelineModel *model, int sourceRow);
    void clear();
    int shownRow() const { return m_row; }

    QTreeWidget *headersTree() const { return m_headers; }
    QPlainTextEdit *rawText() const { return m_rawText; }
    QPlainTextEdit *rawHex() const { return m_rawHex; }
    QTreeWidget *decodedTree() const { return m_decoded; }
    QTableWidget *checkTable() const { return m_checkTable; }

protected:
    using QTabWidget::showEvent;
    void changeEvent(QEvent *event) override;

private:
    void fillHeaders(const TimelineModel *model, int row, const CorsCheck *check);
    void fillRaw(const TimelineModel *model, int row);
    void fillDecoded(const TimelineModel *model, int row);
    void fillCheck(const CorsCheck *check);

    QTreeWidget *m_headers;
    QLabel *m_rawInfo;
    QPlainTextEdit *m_rawText;
    QPlainTextEdit *m_rawHex;
    QTreeWidget *m_decoded;
    QLabel *m_checkSummary;
    QTableWidget *m_checkTable;
    QLabel *m_browserCodes;
    const TimelineModel *m_model = nullptr;
    int m_row = -1;
};

} // namespace corslab::gui
