// JavaScriptHighlighter: a small hand-written scanner (not a parser) that colours one block at a
// time, carrying /* */ comments and `template literals` over line ends through the block state.
#include "javascripthighlighter.h"

#include <QGuiApplication>
#include <QSet>

namespace corslab::gui {

namespace {

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

bool isIdentifierPart(QChar c)
{
    return isIdentifierStart(c) || c.isDigit();
}

const QSet<QString> &keywords()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w : {"async", "await", "break", "case", "catch", "class", "const",
                 "continue", "debugger", "default", "delete", "do", "else", "export", "extends",
                 "finally", "for", "function", "if", "import", "in", "instanceof", "let", "new",
                 "of", "return", "static", "super", "switch", "this", "throw", "try", "typeof",
                 "var", "void", "while", "with", "yield"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

const QSet<QString> &literals()
{
    static const QSet<QString> words
        = {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null"),
            QStringLiteral("undefined"), QStringLiteral("NaN"), QStringLiteral("Infinity")};
    return words;
}

// Keywords after which a "/" starts a regex literal rather than a division.
const QSet<QString> &regexPrecedingKeywords()
{
    static const QSet<QString> words = {QStringLiteral("return"), QStringLiteral("typeof"),
        QStringLiteral("case"), QStringLiteral("do"), QStringLiteral("else"), QStringLiteral("in"),
        QStringLiteral("of"), QStringLiteral("new"), QStringLiteral("delete"),
        QStringLiteral("void"), QStringLiteral("throw"), QStringLiteral("yield"),
        QStringLiteral("await"), QStringLiteral("instanceof")};
    return words;
}

// Index just past the closing `quote` (skipping backslash escapes), or -1 when the line ends
// first.
qsizetype endOfQuoted(const QString &text, qsizetype from, QChar quote)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\'))
            ++i;
        else if (text.at(i) == quote)
            return i + 1;
    }
    return -1;
}

} // namespace

JavaScriptHighlighter::JavaScriptHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void JavaScriptHighlighter::setPalette(const QPalette &palette)
{
    // Two hand-picked sets: a dark base needs light, less saturated colours to stay legible.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    auto make = [](const QColor &colour, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(colour);
        if (bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        return f;
    };
    m_formats[int(Kind::Keyword)]
        = make(dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x00, 0x33, 0xb3), true);
    m_formats[int(Kind::Literal)]
        = make(dark ? QColor(0xc7, 0x92, 0xea) : QColor(0x87, 0x10, 0x94));
    m_formats[int(Kind::String)] = make(dark ? QColor(0xc3, 0xe8, 0x8d) : QColor(0x06, 0x7d, 0x17));
    m_formats[int(Kind::Number)] = make(dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0x17, 0x50, 0xeb));
    m_formats[int(Kind::Comment)]
        = make(dark ? QColor(0x8a, 0x93, 0xa8) : QColor(0x6a, 0x73, 0x7d), false, true);
    m_formats[int(Kind::RegExp)] = make(dark ? QColor(0x89, 0xdd, 0xff) : QColor(0x26, 0x4e, 0xff));
    rehighlight();
}

QTextCharFormat JavaScriptHighlighter::format(Kind kind) const
{
    return m_formats[int(kind)];
}

void JavaScriptHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(Normal);
    qsizetype i = 0;
    const qsizetype n = text.size();
    // Whether the last significant token ends an expression (then "/" divides).
    bool afterOperand = false;

    if (previousBlockState() == InBlockComment) {
        const qsizetype end = text.indexOf(QLatin1String("*/"));
        if (end < 0) {
            setFormat(0, int(n), m_formats[int(Kind::Comment)]);
            setCurrentBlockState(InBlockComment);
            return;
        }
        setFormat(0, int(end + 2), m_formats[int(Kind::Comment)]);
        i = end + 2;
    } else if (previousBlockState() == InTemplate) {
        const qsizetype end = endOfQuoted(text, 0, QLatin1Char('`'));
        if (end < 0) {
            setFormat(0, int(n), m_formats[int(Kind::String)]);
            setCurrentBlockState(InTemplate);
            return;
        }
        setFormat(0, int(end), m_formats[int(Kind::String)]);
        i = end;
        afterOperand = true;
    }

    while (i < n) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('/')) {
            setFormat(int(i), int(n - i), m_formats[int(Kind::Comment)]);
            return;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype end = text.indexOf(QLatin1String("*/"), i + 2);
            if (end < 0) {
                setFormat(int(i), int(n - i), m_formats[int(Kind::Comment)]);
                setCurrentBlockState(InBlockComment);
                return;
            }
            setFormat(int(i), int(end + 2 - i), m_formats[int(Kind::Comment)]);
            i = end + 2;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            qsizetype end = endOfQuoted(text, i + 1, c);
            if (end < 0)
                end = n;
            setFormat(int(i), int(end - i), m_formats[int(Kind::String)]);
            i = end;
            afterOperand = true;
        } else if (c == QLatin1Char('`')) {
            const qsizetype end = endOfQuoted(text, i + 1, c);
            if (end < 0) {
                setFormat(int(i), int(n - i), m_formats[int(Kind::String)]);
                setCurrentBlockState(InTemplate);
                return;
            }
            setFormat(int(i), int(end - i), m_formats[int(Kind::String)]);
            i = end;
            afterOperand = true;
        } else if (c.isDigit() || (c == QLatin1Char('.') && next.isDigit())) {
            qsizetype end = i + 1;
            while (end < n
                && (text.at(end).isLetterOrNumber() || text.at(end) == QLatin1Char('.')
                    || text.at(end) == QLatin1Char('_')
                    || ((text.at(end) == QLatin1Char('+') || text.at(end) == QLatin1Char('-'))
                        && (text.at(end - 1) == QLatin1Char('e')
                            || text.at(end - 1) == QLatin1Char('E')))))
                ++end;
            setFormat(int(i), int(end - i), m_formats[int(Kind::Number)]);
            i = end;
            afterOperand = true;
        } else if (isIdentifierStart(c)) {
            qsizetype end = i + 1;
            while (end < n && isIdentifierPart(text.at(end)))
                ++end;
            const QString word = text.mid(i, end - i);
            const bool member = i > 0 && text.at(i - 1) == QLatin1Char('.');
            if (!member && keywords().contains(word))
                setFormat(int(i), int(end - i), m_formats[int(Kind::Keyword)]);
            else if (!member && literals().contains(word))
                setFormat(int(i), int(end - i), m_formats[int(Kind::Literal)]);
            afterOperand = member || !regexPrecedingKeywords().contains(word);
            i = end;
        } else if (c == QLatin1Char('/') && !afterOperand) {
            // A regex literal, roughly: up to the next unescaped "/" outside a [class].
            qsizetype end = i + 1;
            bool inClass = false;
            bool closed = false;
            for (; end < n; ++end) {
                const QChar r = text.at(end);
                if (r == QLatin1Char('\\')) {
                    ++end;
                } else if (r == QLatin1Char('[')) {
                    inClass = true;
                } else if (r == QLatin1Char(']')) {
                    inClass = false;
                } else if (r == QLatin1Char('/') && !inClass) {
                    closed = true;
                    ++end;
                    break;
                }
            }
            if (!closed) {
                ++i; // not a regex after all: a lone "/"
                afterOperand = false;
                continue;
            }
            while (end < n && text.at(end).isLetter())
                ++end;
            setFormat(int(i), int(end - i), m_formats[int(Kind::RegExp)]);
            i = end;
            afterOperand = true;
        } else {
            afterOperand = c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}');
            ++i;
        }
    }
}

} // namespace corslab::gui
