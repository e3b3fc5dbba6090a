// OriginEditor: one page per kind of cors `origin`, switching modes keeps what was typed.
#include "origineditor.h"

#include "fieldwidgets.h"
#include "javascripteditor.h"

#include "cors/originregexp.h"
#include "profile/originsyntax.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace corslab::gui {

namespace {
const QString KindOrigin = QStringLiteral("origin");
const QString KindRegex = QStringLiteral("regex");

// The source of a RegExp matching exactly `text`.
QString exactRegexSource(const QString &text)
{
    static const QString special = QStringLiteral("\\^$.*+?()[]{}|/");
    QString out = QStringLiteral("^");
    for (QChar c : text) {
        if (special.contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('$');
}

QString jsString(const QString &text)
{
    QByteArray out;
    JsonWriter::appendQuoted(out, text);
    return QString::fromUtf8(out);
}

// Why `origin` never equals what a browser sends in Origin, or empty when it can.
QString originProblem(const QString &origin)
{
    if (origin.isEmpty())
        return OriginEditor::tr("An empty origin turns CORS off: the cors package sends no "
                                "headers at all (choose \"false\" to say so).");
    if (origin == QLatin1String("*") || origin == QLatin1String("null"))
        return {};
    if (origin.contains(QLatin1Char(',')))
        return OriginEditor::tr("A comma-separated list is sent as one header value, which "
                                "browsers reject; use the list mode.");
    const OriginSyntax s = OriginSyntax::check(origin);
    if (s.isSerializedOrigin)
        return {};
    const QString scheme = QStringLiteral("://");
    const qsizetype schemeEnd = origin.indexOf(scheme);
    const qsizetype pathStart
        = schemeEnd < 0 ? -1 : origin.indexOf(QLatin1Char('/'), schemeEnd + scheme.size());
    QString why;
    if (schemeEnd <= 0)
        why = OriginEditor::tr("\"%1\" has no scheme; browsers send \"http://...\" or "
                               "\"https://...\".")
                  .arg(origin);
    else if (pathStart >= 0 && pathStart == origin.size() - 1)
        why = OriginEditor::tr("\"%1\" ends with \"/\"; the Origin header never does.").arg(origin);
    else if (pathStart >= 0)
        why = OriginEditor::tr("\"%1\" has a path; an Origin is only scheme://host[:port].")
                  .arg(origin);
    else
        why = OriginEditor::tr("\"%1\" is not what a browser sends: %2.").arg(origin, s.problem);
    if (!s.suggestion.isEmpty())
        why += QLatin1Char(' ') + OriginEditor::tr("Did you mean \"%1\"?").arg(s.suggestion);
    return why;
}
} // namespace

OriginEditor::OriginEditor(QWidget *parent)
    : QWidget(parent)
{
    m_mode = new QComboBox;
    m_mode->addItem(tr("One origin (string)"));
    m_mode->addItem(tr("List of origins"));
    m_mode->addItem(tr("RegExp"));
    m_mode->addItem(tr("true — reflect the request's Origin"));
    m_mode->addItem(tr("false — no CORS headers"));
    m_mode->addItem(tr("Function (origin, callback)"));
    m_mode->setToolTip(tr("What kind of value cors.origin is: the cors package treats each "
                          "differently."));

    m_string = new QLineEdit;
    m_string->setPlaceholderText(QStringLiteral("https://example.com"));
    m_string->setToolTip(tr("cors.origin as a string — sent as Access-Control-Allow-Origin "
                            "verbatim; \"*\" allows any page without credentials."));

    m_list = new RowTable({{tr("Origin or RegExp source"), RowTable::ColumnKind::Text, {}, {},
                               tr("An origin exactly as the browser sends it, or a RegExp source")},
                              {tr("Kind"), RowTable::ColumnKind::Choice, {KindOrigin, KindRegex},
                                  {tr("origin"), tr("RegExp")},
                                  tr("Whether the entry is compared as a string or tested as a "
                                     "RegExp")},
                              {tr("Flags"), RowTable::ColumnKind::Text, {}, {},
                                  tr("RegExp flags such as i (ignored for origins)")}},
        true);
    m_list->setNewRowCells({QString(), KindOrigin, QString()});
    m_list->setToolTip(tr("cors.origin as an array — the request's Origin is reflected when it "
                          "equals an entry or matches a RegExp entry."));

    auto *regexPage = new QWidget;
    m_regexSource = new QLineEdit;
    m_regexSource->setPlaceholderText(QStringLiteral("^https://(.+\\.)?example\\.com$"));
    m_regexSource->setToolTip(tr("cors.origin.regex — the RegExp source, without the slashes; "
                                 "anchor it with ^ and $."));
    m_regexFlags = new QLineEdit;
    m_regexFlags->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[dgimsuyv]{0,8}")), m_regexFlags));
    m_regexFlags->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("dgimsuyvMM")));
    m_regexFlags->setToolTip(tr("cors.origin.flags — RegExp flags: i ignores case; g and y make "
                                "test() alternate between requests."));
    m_regexTestOrigin = new QLineEdit(QStringLiteral("http://localhost:3000"));
    m_regexTestOrigin->setToolTip(tr("An Origin to try the RegExp on (the page origin)."));
    m_regexResult = new QLabel;
    m_regexResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *regexLayout = new QFormLayout(regexPage);
    regexLayout->setContentsMargins(0, 0, 0, 0);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(new QLabel(QStringLiteral("/")));
    sourceRow->addWidget(m_regexSource, 1);
    sourceRow->addWidget(new QLabel(QStringLiteral("/")));
    sourceRow->addWidget(m_regexFlags);
    regexLayout->addRow(tr("Pattern"), sourceRow);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_regexTestOrigin, 1);
    testRow->addWidget(m_regexResult, 1);
    regexLayout->addRow(tr("Matches?"), testRow);

    auto explanation = [](const QString &text) {
        auto *label = new QLabel(text);
        label->setWordWrap(true);
        return label;
    };

    m_function = new JavaScriptEditor;
    m_function->setToolTip(tr("cors.origin as a function — called with (origin, callback); "
                              "callback(null, true) reflects the Origin, false sends none."));

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_string);
    m_stack->addWidget(m_list);
    m_stack->addWidget(regexPage);
    m_stack->addWidget(explanation(tr("The request's Origin is sent back as "
                                      "Access-Control-Allow-Origin: every page is allowed, "
                                      "with credentials too.")));
    m_stack->addWidget(explanation(tr("The cors package sends no CORS headers at all: "
                                      "browsers block every cross-origin request.")));
    m_stack->addWidget(m_function);

    m_warning = new QLabel;
    m_warning->setWordWrap(true);
    m_warning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode);
    layout->addWidget(m_stack);
    layout->addWidget(m_warning);

    auto changed = [this] {
        updateWarnings();
        updateRegexTest();
        if (!m_filling)
            emit edited();
    };
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this, changed] {
        const Mode to = mode();
        if (!m_filling)
            carryOver(m_shownMode, to);
        showMode();
        changed();
    });
    connect(m_string, &QLineEdit::textChanged, this, changed);
    connect(m_list, &RowTable::edited, this, changed);
    connect(m_regexSource, &QLineEdit::textChanged, this, changed);
    connect(m_regexFlags, &QLineEdit::textChanged, this, changed);
    connect(m_function, &QPlainTextEdit::textChanged, this, changed);
    connect(m_regexTestOrigin, &QLineEdit::textChanged, this, &OriginEditor::updateRegexTest);

    setValue(QStringLiteral("*"));
}

OriginEditor::Mode OriginEditor::mode() const
{
    return Mode(qMax(0, m_mode->currentIndex()));
}

void OriginEditor::setMode(Mode mode)
{
    m_mode->setCurrentIndex(int(mode));
}

void OriginEditor::showMode()
{
    m_shownMode = mode();
    m_stack->setCurrentIndex(int(m_shownMode));
    switch (m_shownMode) {
    case Mode::String:
        setFocusProxy(m_string);
        break;
    case Mode::List:
        setFocusProxy(m_list);
        break;
    case Mode::RegExp:
        setFocusProxy(m_regexSource);
        break;
    case Mode::Function:
        setFocusProxy(m_function);
        break;
    default:
        setFocusProxy(m_mode);
        break;
    }
}

void OriginEditor::carryOver(Mode from, Mode to)
{
    const QString text = m_string->text();
    const QList<OriginEntry> entries = listEntries();
    m_filling = true;
    if (to == Mode::List && entries.isEmpty() && !text.isEmpty() && text != QLatin1String("*")) {
        m_list->setRows({RowTable::Row {{text, KindOrigin, QString()}}});
    } else if (to == Mode::String && from == Mode::List
        && (text.isEmpty() || text == QLatin1String("*"))) {
        for (const OriginEntry &e : entries)
            if (const auto *s = std::get_if<QString>(&e)) {
                m_string->setText(*s);
                break;
            }
    } else if (to == Mode::RegExp && m_regexSource->text().isEmpty()) {
        if (from == Mode::String && !text.isEmpty() && text != QLatin1String("*"))
            m_regexSource->setText(exactRegexSource(text));
        for (const OriginEntry &e : entries) {
            if (from != Mode::List || !m_regexSource->text().isEmpty())
                break;
            if (const auto *re = std::get_if<RegexPattern>(&e)) {
                m_regexSource->setText(re->source);
                m_regexFlags->setText(re->flags);
            } else {
                m_regexSource->setText(exactRegexSource(std::get<QString>(e)));
            }
        }
    } else if (to == Mode::Function && m_function->toPlainText().trimmed().isEmpty()) {
        QString check = QStringLiteral("true");
        if (from == Mode::String && !text.isEmpty() && text != QLatin1String("*")) {
            check = QStringLiteral("origin === ") + jsString(text);
        } else if (from == Mode::RegExp && !m_regexSource->text().isEmpty()) {
            check = QStringLiteral("new RegExp(%1, %2).test(origin)")
                        .arg(jsString(m_regexSource->text()), jsString(m_regexFlags->text()));
        } else if (from == Mode::List && !entries.isEmpty()) {
            QStringList quoted;
            for (const OriginEntry &e : entries)
                if (const auto *s = std::get_if<QString>(&e))
                    quoted << jsString(*s);
            check = QStringLiteral("[%1].includes(origin)").arg(quoted.join(QStringLiteral(", ")));
        }
        m_function->setPlainText(
            QStringLiteral("(origin, callback) => {\n    callback(null, %1);\n}").arg(check));
    }
    m_filling = false;
}

QList<OriginEntry> OriginEditor::listEntries() const
{
    QList<OriginEntry> entries;
    for (const RowTable::Row &row : m_list->rows()) {
        if (row.cells.value(1) == KindRegex) {
            RegexPattern re;
            if (row.tag >= 0 && row.tag < m_baseList.size())
                if (const auto *base = std::get_if<RegexPattern>(&m_baseList[row.tag]))
                    re.unknown = base->unknown;
            re.source = row.cells.value(0);
            re.flags = row.cells.value(2);
            entries << re;
        } else {
            entries << row.cells.value(0);
        }
    }
    return entries;
}

void OriginEditor::setValue(const OriginValue &value)
{
    m_filling = true;
    m_baseRegex = {};
    m_baseFunction = {};
    m_baseList.clear();
    m_string->clear();
    m_list->setRows({});
    m_regexSource->clear();
    m_regexFlags->clear();
    m_function->clear();
    Mode mode = Mode::String;
    if (const auto *b = std::get_if<bool>(&value)) {
        mode = *b ? Mode::Reflect : Mode::NoCors;
    } else if (const auto *s = std::get_if<QString>(&value)) {
        m_string->setText(*s);
    } else if (const auto *re = std::get_if<RegexPattern>(&value)) {
        mode = Mode::RegExp;
        m_baseRegex = *re;
        m_regexSource->setText(re->source);
        m_regexFlags->setText(re->flags);
    } else if (const auto *list = std::get_if<QList<OriginEntry>>(&value)) {
        mode = Mode::List;
        m_baseList = *list;
        QList<RowTable::Row> rows;
        for (int i = 0; i < list->size(); ++i) {
            if (const auto *str = std::get_if<QString>(&(*list)[i]))
                rows << RowTable::Row {{*str, KindOrigin, QString()}, i};
            else {
                const auto &r = std::get<RegexPattern>((*list)[i]);
                rows << RowTable::Row {{r.source, KindRegex, r.flags}, i};
            }
        }
        m_list->setRows(rows);
    } else {
        mode = Mode::Function;
        m_baseFunction = std::get<ScriptFunction>(value);
        m_function->setPlainText(m_baseFunction.source);
    }
    m_mode->setCurrentIndex(int(mode));
    showMode();
    updateWarnings();
    updateRegexTest();
    m_filling = false;
}

OriginValue OriginEditor::value() const
{
    switch (mode()) {
    case Mode::String:
        return m_string->text();
    case Mode::List:
        return listEntries();
    case Mode::RegExp: {
        RegexPattern re = m_baseRegex;
        re.source = m_regexSource->text();
        re.flags = m_regexFlags->text();
        return re;
    }
    case Mode::Reflect:
        return true;
    case Mode::NoCors:
        return false;
    case Mode::Function: {
        ScriptFunction fn = m_baseFunction;
        fn.source = m_function->toPlainText();
        return fn;
    }
    }
    return QStringLiteral("*");
}

void OriginEditor::setTestOrigin(const QString &origin)
{
    if (origin.contains(QLatin1String("://")))
        m_regexTestOrigin->setText(origin);
}

void OriginEditor::focusEntry(int entry)
{
    if (mode() == Mode::List && entry >= 0)
        m_list->focusRow(entry);
    else
        setFocus(Qt::OtherFocusReason);
}

void OriginEditor::updateWarnings()
{
    QStringList problems;
    if (mode() == Mode::String) {
        problems << originProblem(m_string->text());
    } else if (mode() == Mode::List) {
        const QList<RowTable::Row> rows = m_list->rows();
        for (int i = 0; i < rows.size(); ++i) {
            if (rows[i].cells.value(1) == KindRegex)
                continue;
            const QString origin = rows[i].cells.value(0);
            QString problem = origin == QLatin1String("*")
                ? tr("\"*\" inside a list is a literal string that matches no Origin.")
                : originProblem(origin);
            if (!problem.isEmpty())
                problems << tr("Entry %1: %2").arg(i + 1).arg(problem);
        }
    } else if (mode() == Mode::RegExp) {
        const QString source = m_regexSource->text();
        if (!source.startsWith(QLatin1Char('^')) || !source.endsWith(QLatin1Char('$')))
            problems << tr("Not anchored with ^ and $: it also matches origins that merely "
                           "contain it, such as \"https://example.com.attacker.test\".");
        if (m_regexFlags->text().contains(QLatin1Char('g'))
            || m_regexFlags->text().contains(QLatin1Char('y')))
            problems << tr("The g and y flags make RegExp.test() remember lastIndex: the same "
                           "origin is allowed and refused on alternate requests.");
    }
    problems.removeAll(QString());
    m_warning->setText(problems.isEmpty()
            ? QString()
            : QStringLiteral("⚠ ") + problems.join(QStringLiteral("\n⚠ ")));
    m_warning->setVisible(!problems.isEmpty());
}

void OriginEditor::updateRegexTest()
{
    if (mode() != Mode::RegExp)
        return;
    if (!m_compile)
        m_compile = jsRegExpCompiler();
    RegexPattern pattern;
    pattern.source = m_regexSource->text();
    pattern.flags = m_regexFlags->text();
    const CompiledRegExp compiled = m_compile(pattern);
    const QString origin = m_regexTestOrigin->text();
    if (!compiled.regExp)
        m_regexResult->setText(tr("✗ invalid: %1").arg(compiled.error));
    else if (compiled.regExp->test(origin))
        m_regexResult->setText(tr("✓ matches %1").arg(origin));
    else
        m_regexResult->setText(tr("✗ does not match %1").arg(origin));
}

} // namespace corslab::gui
