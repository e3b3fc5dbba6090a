// The building blocks of ProfileForm and OriginEditor (see fieldwidgets.h).
#include "fieldwidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace corslab::gui {

namespace {
const char *const OutlineProperty = "corslabOutline";
const char *const BaseToolTipProperty = "corslabBaseToolTip";
const char *const MarkedProperty = "corslabMarked";
const char *const SeverityProperty = "diagnosticSeverity";

// Drawn over a field's frame; transparent for the mouse. Status accents: a red and an amber that
// stay visible on light and dark palettes alike.
class FieldOutline : public QWidget {
public:
    explicit FieldOutline(QWidget *field)
        : QWidget(field->parentWidget())
        , m_field(field)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setFocusPolicy(Qt::NoFocus);
        field->installEventFilter(this);
        follow();
    }

    void setMark(Mark mark)
    {
        m_mark = mark;
        follow();
        update();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_field) {
            switch (event->type()) {
            case QEvent::Move:
            case QEvent::Resize:
            case QEvent::Show:
            case QEvent::Hide:
                follow();
                break;
            default:
                break;
            }
        }
        return false;
    }

    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor colour
            = m_mark == Mark::Error ? QColor(0xe5, 0x39, 0x35) : QColor(0xf5, 0xa6, 0x23);
        p.setPen(QPen(colour, 2));
        p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 3, 3);
    }

private:
    void follow()
    {
        if (!m_field)
            return;
        setGeometry(m_field->geometry().adjusted(-2, -2, 2, 2));
        setVisible(m_mark != Mark::None && m_field->isVisibleTo(parentWidget()));
        raise();
    }

    QPointer<QWidget> m_field;
    Mark m_mark = Mark::None;
};

QPushButton *smallButton(const QString &text, const QString &toolTip)
{
    auto *b = new QPushButton(text);
    b->setToolTip(toolTip);
    b->setAutoDefault(false);
    return b;
}
} // namespace

// LongSpinBox ---------------------------------------------------------------------------------

LongSpinBox::LongSpinBox(qint64 minimum, qint64 maximum, QWidget *parent)
    : QDoubleSpinBox(parent)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::OmitGroupSeparator);
    setLocale(c);
    setDecimals(0);
    setRange(double(minimum), double(maximum));
    setAlignment(Qt::AlignRight);
}

// RowTable ------------------------------------------------------------------------------------

RowTable::RowTable(const QList<Column> &columns, bool ordered, QWidget *parent)
    : QWidget(parent)
    , m_columns(columns)
{
    m_table = new QTableWidget(0, int(columns.size()));
    QStringList titles;
    for (int c = 0; c < columns.size(); ++c) {
        titles << columns[c].title;
        m_newRow << (columns[c].kind == ColumnKind::Check
                ? QStringLiteral("false")
                : (columns[c].kind == ColumnKind::Choice ? columns[c].choices.value(0)
                                                         : QString()));
    }
    m_table->setHorizontalHeaderLabels(titles);
    for (int c = 0; c < columns.size(); ++c)
        if (!columns[c].toolTip.isEmpty())
            m_table->horizontalHeaderItem(c)->setToolTip(columns[c].toolTip);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    auto *add = smallButton(tr("Add"), tr("Adds a row"));
    m_remove = smallButton(tr("Remove"), tr("Removes the selected row"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    if (ordered) {
        m_up = smallButton(tr("Up"), tr("Moves the selected row up (the order is kept)"));
        m_down = smallButton(tr("Down"), tr("Moves the selected row down (the order is kept)"));
        buttons->addWidget(m_up);
        buttons->addWidget(m_down);
        connect(m_up, &QPushButton::clicked, this, [this] {
            const int r = m_table->currentRow();
            moveRow(r, r - 1);
        });
        connect(m_down, &QPushButton::clicked, this, [this] {
            const int r = m_table->currentRow();
            moveRow(r, r + 1);
        });
    }
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_table);

    connect(add, &QPushButton::clicked, this, &RowTable::addRow);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeRow(m_table->currentRow()); });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            emit edited();
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, &RowTable::updateButtons);
    updateHeight();
    updateButtons();
}

void RowTable::insertRow(int at, const Row &row)
{
    const bool wasFilling = m_filling;
    m_filling = true;
    m_table->insertRow(at);
    for (int c = 0; c < m_columns.size(); ++c) {
        const Column &col = m_columns[c];
        const QString cell = row.cells.value(c);
        auto *item = new QTableWidgetItem;
        if (col.kind == ColumnKind::Text) {
            item->setText(cell);
        } else if (col.kind == ColumnKind::Check) {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(cell == QLatin1String("true") ? Qt::Checked : Qt::Unchecked);
        } else {
            auto *combo = new QComboBox;
            for (int i = 0; i < col.choices.size(); ++i)
                combo->addItem(col.choiceLabels.value(i, col.choices[i]), col.choices[i]);
            combo->setCurrentIndex(qMax(0, int(col.choices.indexOf(cell))));
            if (!col.toolTip.isEmpty())
                combo->setToolTip(col.toolTip);
            connect(combo, &QComboBox::currentIndexChanged, this, [this] {
                if (!m_filling)
                    emit edited();
            });
            m_table->setCellWidget(at, c, combo);
        }
        if (c == 0)
            item->setData(Qt::UserRole + 1, row.tag);
        m_table->setItem(at, c, item);
    }
    m_filling = wasFilling;
}

void RowTable::setRows(const QList<Row> &rows)
{
    m_filling = true;
    m_table->setRowCount(0);
    for (const Row &row : rows)
        insertRow(m_table->rowCount(), row);
    m_filling = false;
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    updateHeight();
    updateButtons();
}

QList<RowTable::Row> RowTable::rows() const
{
    QList<Row> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        Row row;
        for (int c = 0; c < m_columns.size(); ++c) {
            const QTableWidgetItem *item = m_table->item(r, c);
            switch (m_columns[c].kind) {
            case ColumnKind::Text:
                row.cells << (item ? item->text() : QString());
                break;
            case ColumnKind::Check:
                row.cells << (item && item->checkState() == Qt::Checked ? QStringLiteral("true")
                                                                        : QStringLiteral("false"));
                break;
            case ColumnKind::Choice: {
                const auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(r, c));
                row.cells << (combo ? combo->currentData().toString() : QString());
                break;
            }
            }
        }
        const QTableWidgetItem *first = m_table->item(r, 0);
        row.tag = first ? first->data(Qt::UserRole + 1).toInt() : -1;
        out << row;
    }
    return out;
}

void RowTable::addRow()
{
    const int at = m_table->rowCount();
    insertRow(at, Row {m_newRow, -1});
    updateHeight();
    m_table->setCurrentCell(at, 0);
    if (m_columns.value(0).kind == ColumnKind::Text)
        m_table->editItem(m_table->item(at, 0));
    updateButtons();
    emit edited();
}

void RowTable::removeRow(int row)
{
    if (row < 0 || row >= m_table->rowCount())
        return;
    m_table->removeRow(row);
    updateHeight();
    updateButtons();
    emit edited();
}

void RowTable::moveRow(int from, int to)
{
    if (from < 0 || to < 0 || from >= m_table->rowCount() || to >= m_table->rowCount())
        return;
    QList<Row> all = rows();
    all.move(from, to);
    setRows(all);
    m_table->setCurrentCell(to, 0);
    emit edited();
}

void RowTable::focusRow(int row)
{
    if (row >= 0 && row < m_table->rowCount())
        m_table->setCurrentCell(row, 0);
    m_table->setFocus(Qt::OtherFocusReason);
}

void RowTable::updateHeight()
{
    // Tall enough for every row up to eight, so the page scrolls rather than the table.
    const int rowsShown = qBound(2, m_table->rowCount(), 8);
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    const int height = m_table->horizontalHeader()->sizeHint().height() + rowsShown * rowHeight
        + 2 * m_table->frameWidth() + 2;
    m_table->setFixedHeight(height);
}

void RowTable::updateButtons()
{
    const int r = m_table->currentRow();
    m_remove->setEnabled(r >= 0);
    if (m_up) {
        m_up->setEnabled(r > 0);
        m_down->setEnabled(r >= 0 && r + 1 < m_table->rowCount());
    }
}

// StringOrListEditor --------------------------------------------------------------------------

StringOrListEditor::StringOrListEditor(const QString &unsetLabel, QWidget *parent)
    : QWidget(parent)
    , m_optional(!unsetLabel.isEmpty())
{
    m_mode = new QComboBox;
    if (m_optional)
        m_mode->addItem(unsetLabel);
    m_mode->addItem(tr("text, sent as written"));
    m_mode->addItem(tr("list, joined with \",\""));
    m_text = new QLineEdit;
    m_list = new RowTable({RowTable::textColumn(tr("Value"))}, true);
    m_stack = new QStackedWidget;
    m_stack->addWidget(new QWidget);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_list);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode);
    layout->addWidget(m_stack);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        // Carry the value over: "a,b" becomes the rows a and b, and back.
        const int page = m_mode->currentIndex() + (m_optional ? 0 : 1);
        if (page == 2 && m_list->rows().isEmpty() && !m_text->text().isEmpty()) {
            QList<RowTable::Row> rows;
            for (const QString &part : m_text->text().split(QLatin1Char(',')))
                rows << RowTable::Row {{part.trimmed()}};
            m_list->setRows(rows);
        } else if (page == 1 && m_text->text().isEmpty()) {
            QStringList parts;
            for (const RowTable::Row &row : m_list->rows())
                parts << row.cells.value(0);
            m_text->setText(parts.join(QLatin1Char(',')));
        }
        showMode();
        emit edited();
    });
    connect(m_text, &QLineEdit::textEdited, this, &StringOrListEditor::edited);
    connect(m_list, &RowTable::edited, this, &StringOrListEditor::edited);
    showMode();
}

void StringOrListEditor::showMode()
{
    const int page = m_mode->currentIndex() + (m_optional ? 0 : 1);
    m_stack->setCurrentIndex(page);
    m_stack->setVisible(page != 0);
    setFocusProxy(page == 2 ? static_cast<QWidget *>(m_list)
                            : (page == 1 ? static_cast<QWidget *>(m_text) : m_mode));
}

void StringOrListEditor::setValue(const std::optional<StringOrList> &value)
{
    const QSignalBlocker blocker(m_mode);
    int page = 0;
    m_text->clear();
    m_list->setRows({});
    if (value) {
        if (const auto *s = std::get_if<QString>(&*value)) {
            m_text->setText(*s);
            page = 1;
        } else {
            QList<RowTable::Row> rows;
            for (const QString &item : std::get<QStringList>(*value))
                rows << RowTable::Row {{item}};
            m_list->setRows(rows);
            page = 2;
        }
    }
    m_mode->setCurrentIndex(qMax(0, page - (m_optional ? 0 : 1)));
    showMode();
}

std::optional<StringOrList> StringOrListEditor::value() const
{
    const int page = m_mode->currentIndex() + (m_optional ? 0 : 1);
    if (page == 1)
        return StringOrList(m_text->text());
    if (page == 2) {
        QStringList items;
        for (const RowTable::Row &row : m_list->rows())
            items << row.cells.value(0);
        return StringOrList(items);
    }
    return std::nullopt;
}

// TransportListEditor -------------------------------------------------------------------------

TransportListEditor::TransportListEditor(const QStringList &available, QWidget *parent)
    : QWidget(parent)
    , m_available(available)
{
    m_list = new QListWidget;
    m_list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *up = smallButton(tr("Up"), tr("Tried earlier"));
    auto *down = smallButton(tr("Down"), tr("Tried later"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(up);
    buttons->addWidget(down);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_list);
    connect(up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(down, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            emit edited();
    });
    setTransports(available);
}

void TransportListEditor::setTransports(const QStringList &transports)
{
    m_filling = true;
    m_list->clear();
    QStringList order = transports;
    order.removeDuplicates();
    for (const QString &t : m_available)
        if (!order.contains(t))
            order << t;
    for (const QString &t : order) {
        auto *item = new QListWidgetItem(t, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(transports.contains(t) ? Qt::Checked : Qt::Unchecked);
    }
    const int rowHeight = qMax(m_list->sizeHintForRow(0), fontMetrics().height() + 4);
    m_list->setFixedHeight(rowHeight * int(order.size()) + 2 * m_list->frameWidth() + 4);
    m_filling = false;
}

QStringList TransportListEditor::transports() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            out << m_list->item(i)->text();
    return out;
}

void TransportListEditor::move(int delta)
{
    const int from = m_list->currentRow();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_list->count())
        return;
    m_filling = true;
    QListWidgetItem *item = m_list->takeItem(from);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
    m_filling = false;
    emit edited();
}

// JSON text -----------------------------------------------------------------------------------

namespace {
void writeCompact(QByteArray &out, const JsonNode &v)
{
    switch (v.type()) {
    case JsonNode::Type::Array: {
        out += '[';
        bool first = true;
        for (const JsonNode &item : v.items()) {
            if (!first)
                out += ", ";
            first = false;
            writeCompact(out, item);
        }
        out += ']';
        break;
    }
    case JsonNode::Type::Object: {
        out += '{';
        bool first = true;
        for (const JsonNode::Member &m : v.members()) {
            if (!first)
                out += ", ";
            first = false;
            JsonWriter::appendQuoted(out, m.key);
            out += ": ";
            writeCompact(out, m.value);
        }
        out += '}';
        break;
    }
    default:
        out += JsonWriter::write(v).trimmed();
        break;
    }
}
} // namespace

QString jsonText(const JsonNode &value, bool compact)
{
    if (!compact)
        return QString::fromUtf8(JsonWriter::write(value)).trimmed();
    QByteArray out;
    writeCompact(out, value);
    return QString::fromUtf8(out);
}

std::optional<JsonNode> parseJsonText(const QString &text, QString *error)
{
    const JsonParseResult r = JsonParser::parse(text.toUtf8());
    if (r.root)
        return r.root;
    if (error && r.error)
        *error = QStringLiteral("%1:%2: %3")
                     .arg(r.error->position.line)
                     .arg(r.error->position.column)
                     .arg(r.error->message);
    return std::nullopt;
}

// Marks ---------------------------------------------------------------------------------------

void markField(QWidget *field, Mark mark, const QString &message)
{
    if (!field)
        return;
    if (!field->property(MarkedProperty).toBool()) {
        if (mark == Mark::None)
            return;
        field->setProperty(BaseToolTipProperty, field->toolTip());
        field->setProperty(MarkedProperty, true);
    }
    const QString base = field->property(BaseToolTipProperty).toString();
    auto *outline = qobject_cast<QWidget *>(field->property(OutlineProperty).value<QObject *>());
    if (!outline && mark != Mark::None && field->parentWidget()) {
        outline = new FieldOutline(field);
        field->setProperty(OutlineProperty, QVariant::fromValue<QObject *>(outline));
    }
    if (outline)
        static_cast<FieldOutline *>(outline)->setMark(mark);
    if (mark == Mark::None) {
        field->setToolTip(base);
        field->setProperty(SeverityProperty, QVariant());
        field->setProperty(MarkedProperty, false);
        return;
    }
    field->setToolTip(base.isEmpty() ? message : message + QStringLiteral("\n\n") + base);
    field->setProperty(SeverityProperty,
        mark == Mark::Error ? QStringLiteral("error") : QStringLiteral("warning"));
}

} // namespace corslab::gui
