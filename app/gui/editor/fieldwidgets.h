// Small editors the profile forms are built from: whole-number spin boxes as wide as JSON's safe
// integers, an editable table of rows, "string or list" and transport-list editors, JSON text
// helpers, and the outline that marks a field with a diagnostic.
#pragma once

#include "profile/profile.h"

#include <QDoubleSpinBox>
#include <QWidget>

#include <optional>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace corslab::gui {

constexpr qint64 MaxSafeInteger = 9007199254740991; // Number.MAX_SAFE_INTEGER

// A spin box for qint64 values up to 2^53 (a double holds those exactly), written without group
// separators so "1000000" reads as it does in the file.
class LongSpinBox : public QDoubleSpinBox {
    Q_OBJECT

public:
    explicit LongSpinBox(qint64 minimum, qint64 maximum, QWidget *parent = nullptr);
    void setLongValue(qint64 value) { setValue(double(value)); }
    qint64 longValue() const { return qint64(value()); }
};

// An editable table with Add / Remove (and, when order matters, Up / Down) buttons. Each row
// carries a tag, so a caller can find what the row was loaded from (and keep its unknown keys).
class RowTable : public QWidget {
    Q_OBJECT

public:
    enum class ColumnKind { Text, Check, Choice };
    struct Column {
        QString title;
        ColumnKind kind = ColumnKind::Text;
        QStringList choices; // Choice: the values
        QStringList choiceLabels; // Choice: what the user sees (defaults to the values)
        QString toolTip;
    };
    static Column textColumn(const QString &title)
    {
        Column c;
        c.title = title;
        return c;
    }
    struct Row {
        QStringList cells; // Text: the text; Check: "true"/"false"; Choice: the value
        int tag = -1; // -1: added in the form
    };

    RowTable(const QList<Column> &columns, bool ordered, QWidget *parent = nullptr);

    void setRows(const QList<Row> &rows);
    QList<Row> rows() const;
    // The cells a row gets when the user presses Add.
    void setNewRowCells(const QStringList &cells) { m_newRow = cells; }
    // What "Add" does: appends a new row and starts editing its first cell.
    void addRow();
    void removeRow(int row);
    void moveRow(int from, int to);
    void focusRow(int row);
    QTableWidget *table() const { return m_table; }

signals:
    void edited();

private:
    void insertRow(int at, const Row &row);
    void updateHeight();
    void updateButtons();

    QList<Column> m_columns;
    QStringList m_newRow;
    QTableWidget *m_table = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    bool m_filling = false;
};

// cors `methods`, `allowedHeaders`, `exposedHeaders`: a string sent verbatim or a list joined
// with "," — the mode says which; optional ones also have "not set".
class StringOrListEditor : public QWidget {
    Q_OBJECT

public:
    // `unsetLabel` non-empty: the value is optional and this is what "not set" means.
    explicit StringOrListEditor(const QString &unsetLabel = {}, QWidget *parent = nullptr);

    void setValue(const std::optional<StringOrList> &value);
    std::optional<StringOrList> value() const;
    QComboBox *modeCombo() const { return m_mode; }
    QLineEdit *textEdit() const { return m_text; }
    RowTable *list() const { return m_list; }

signals:
    void edited();

private:
    void showMode();

    bool m_optional = false;
    QComboBox *m_mode = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLineEdit *m_text = nullptr;
    RowTable *m_list = nullptr;
};

// An ordered transports list: check the ones in use, order them with Up / Down (the client tries
// them in order).
class TransportListEditor : public QWidget {
    Q_OBJECT

public:
    explicit TransportListEditor(const QStringList &available, QWidget *parent = nullptr);
    void setTransports(const QStringList &transports);
    QStringList transports() const;
    QListWidget *list() const { return m_list; }

signals:
    void edited();

private:
    void move(int delta);

    QStringList m_available;
    QListWidget *m_list = nullptr;
    bool m_filling = false;
};

// JSON text for a value: `compact` puts it on one line (tables), otherwise the file's layout.
QString jsonText(const JsonNode &value, bool compact);
// Parses JSON text; nullopt with `error` set when it is not valid JSON.
std::optional<JsonNode> parseJsonText(const QString &text, QString *error = nullptr);

// Outlines `field` in the severity's colour (an overlay, so the native style stays) and puts the
// message in front of its tooltip; `message` empty clears both.
enum class Mark { None, Warning, Error };
void markField(QWidget *field, Mark mark, const QString &message);

} // namespace corslab::gui
