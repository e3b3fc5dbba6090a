// JsonNode, its strict position-tracking parser, and the canonical writer.
#include "jsonnode.h"

#include <QLocale>

#include <cctype>
#include <cmath>

namespace corslab {

JsonNode::JsonNode() = default;
JsonNode::~JsonNode() = default;
JsonNode::JsonNode(const JsonNode &other) = default;
JsonNode::JsonNode(JsonNode &&other) noexcept = default;
JsonNode &JsonNode::operator=(const JsonNode &other) = default;
JsonNode &JsonNode::operator=(JsonNode &&other) noexcept = default;

JsonNode JsonNode::fromBool(bool value)
{
    JsonNode n;
    n.m_type = Type::Bool;
    n.m_bool = value;
    return n;
}

JsonNode JsonNode::fromNumber(double value)
{
    JsonNode n;
    n.m_type = Type::Number;
    n.m_number = value;
    return n;
}

JsonNode JsonNode::fromString(const QString &value)
{
    JsonNode n;
    n.m_type = Type::String;
    n.m_string = value;
    return n;
}

JsonNode JsonNode::makeArray(std::vector<JsonNode> items)
{
    JsonNode n;
    n.m_type = Type::Array;
    n.m_items = std::move(items);
    return n;
}

JsonNode JsonNode::makeObject()
{
    return makeObject(std::vector<Member>());
}

JsonNode JsonNode::makeObject(std::vector<Member> members)
{
    JsonNode n;
    n.m_type = Type::Object;
    n.m_members = std::move(members);
    return n;
}

bool JsonNode::isInteger() const
{
    constexpr double maxExact = 9007199254740992.0; // 2^53
    return m_type == Type::Number && std::trunc(m_number) == m_number
        && std::fabs(m_number) <= maxExact;
}

const JsonNode *JsonNode::find(QStringView key) const
{
    for (const Member &m : m_members) {
        if (m.key == key)
            return &m.value;
    }
    return nullptr;
}

void JsonNode::insert(const QString &key, JsonNode value)
{
    m_members.push_back(Member {key, {}, std::move(value)});
}

QString JsonNode::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("a boolean");
    case Type::Number:
        return QStringLiteral("a number");
    case Type::String:
        return QStringLiteral("a string");
    case Type::Array:
        return QStringLiteral("an array");
    case Type::Object:
        return QStringLiteral("an object");
    }
    return {};
}

bool operator==(const JsonNode &a, const JsonNode &b)
{
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case JsonNode::Type::Null:
        return true;
    case JsonNode::Type::Bool:
        return a.m_bool == b.m_bool;
    case JsonNode::Type::Number:
        return a.m_number == b.m_number;
    case JsonNode::Type::String:
        return a.m_string == b.m_string;
    case JsonNode::Type::Array:
        return a.m_items == b.m_items;
    case JsonNode::Type::Object:
        return a.m_members == b.m_members;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Parser

namespace {

class Parser {
public:
    explicit Parser(QByteArrayView text)
        : m_text(text)
    { }

    JsonParseResult run()
    {
        JsonParseResult result;
        // A UTF-8 byte order mark is tolerated (RFC 8259 §8.1 allows ignoring it).
        if (m_text.startsWith("\xEF\xBB\xBF"))
            m_offset = 3;
        skipSpace();
        if (atEnd()) {
            fail(QStringLiteral("the file is empty; expected a JSON object"));
        } else {
            JsonNode root = parseValue(0);
            if (!m_error) {
                skipSpace();
                if (!atEnd())
                    fail(QStringLiteral("unexpected %1 after the end of the JSON value")
                             .arg(describeHere()));
            }
            if (!m_error)
                result.root = std::move(root);
        }
        result.error = m_error;
        return result;
    }

private:
    bool atEnd() const { return m_offset >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_offset]; }
    SourcePosition here() const { return {m_line, m_column}; }

    void advance()
    {
        const auto c = static_cast<unsigned char>(m_text[m_offset++]);
        if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++m_column;
        }
    }

    void fail(const QString &message) { fail(message, here()); }
    void fail(const QString &message, SourcePosition at)
    {
        if (!m_error)
            m_error = JsonSyntaxError {message, at};
    }

    // What stands at the cursor, in words: "'x'", "end of file", "a comment".
    QString describeHere() const
    {
        if (atEnd())
            return QStringLiteral("end of file");
        const char c = peek();
        if (c == '/' && m_offset + 1 < m_text.size()
            && (m_text[m_offset + 1] == '/' || m_text[m_offset + 1] == '*'))
            return QStringLiteral("comment (JSON has no comments)");
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7F)
            return QStringLiteral("byte 0x%1").arg(u, 2, 16, QLatin1Char('0'));
        return QStringLiteral("'%1'").arg(QLatin1Char(c));
    }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            advance();
        }
    }

    JsonNode parseValue(int depth)
    {
        if (depth > JsonParser::MaxDepth) {
            fail(QStringLiteral("values nested deeper than %1 levels").arg(JsonParser::MaxDepth));
            return {};
        }
        const SourcePosition start = here();
        JsonNode node;
        switch (peek()) {
        case '{':
            node = parseObject(depth);
            break;
        case '[':
            node = parseArray(depth);
            break;
        case '"':
            node = JsonNode::fromString(parseString());
            break;
        case '-':
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
            node = parseNumber();
            break;
        default:
            node = parseWord();
            break;
        }
        node.setPosition(start);
        return node;
    }

    JsonNode parseWord()
    {
        const SourcePosition start = here();
        const qsizetype begin = m_offset;
        while (!atEnd()) {
            const char c = peek();
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '$'))
                break;
            advance();
        }
        const QByteArrayView word = m_text.sliced(begin, m_offset - begin);
        if (word == "true")
            return JsonNode::fromBool(true);
        if (word == "false")
            return JsonNode::fromBool(false);
        if (word == "null")
            return {};
        if (word.isEmpty()) {
            if (peek() == '\'')
                fail(QStringLiteral("strings are written in double quotes (\"...\"), not single "
                                    "quotes"));
            else
                fail(QStringLiteral("unexpected %1; expected a value").arg(describeHere()));
        } else if (word == "undefined" || word == "NaN" || word == "Infinity") {
            fail(QStringLiteral("%1 is JavaScript, not JSON; leave the key out or use null")
                     .arg(QString::fromLatin1(word)),
                start);
        } else {
            fail(QStringLiteral("unexpected word '%1'; strings are written in double quotes")
                     .arg(QString::fromLatin1(word)),
                start);
        }
        return {};
    }

    JsonNode parseNumber()
    {
        const SourcePosition start = here();
        const qsizetype begin = m_offset;
        auto digits = [this] {
            int n = 0;
            while (!atEnd() && peek() >= '0' && peek() <= '9') {
                advance();
                ++n;
            }
            return n;
        };
        if (peek() == '-')
            advance();
        if (peek() == '0') {
            advance();
            if (peek() >= '0' && peek() <= '9') {
                fail(QStringLiteral("numbers cannot start with 0 (leading zeros are not JSON)"),
                    start);
                return {};
            }
        } else if (digits() == 0) {
            fail(QStringLiteral("'-' must be followed by digits"), start);
            return {};
        }
        if (peek() == '.') {
            advance();
            if (digits() == 0) {
                fail(QStringLiteral("a digit must follow the decimal point"));
                return {};
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            advance();
            if (peek() == '+' || peek() == '-')
                advance();
            if (digits() == 0) {
                fail(QStringLiteral("a digit must follow the exponent"));
                return {};
            }
        }
        const QByteArray text = m_text.sliced(begin, m_offset - begin).toByteArray();
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok || !std::isfinite(value)) {
            fail(QStringLiteral("number %1 is out of range").arg(QString::fromLatin1(text)), start);
            return {};
        }
        return JsonNode::fromNumber(value);
    }

    // Decodes one UTF-8 sequence at the cursor (the lead byte is >= 0x80).
    bool appendUtf8Sequence(QString &out)
    {
        const auto lead = static_cast<unsigned char>(peek());
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((lead & 0xE0) == 0xC0) {
            extra = 1;
            cp = lead & 0x1F;
            min = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2;
            cp = lead & 0x0F;
            min = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3;
            cp = lead & 0x07;
            min = 0x10000;
        } else {
            fail(QStringLiteral("invalid UTF-8 byte 0x%1").arg(lead, 2, 16, QLatin1Char('0')));
            return false;
        }
        if (m_offset + extra >= m_text.size()) {
            fail(QStringLiteral("truncated UTF-8 sequence"));
            return false;
        }
        for (int i = 1; i <= extra; ++i) {
            const auto c = static_cast<unsigned char>(m_text[m_offset + i]);
            if ((c & 0xC0) != 0x80) {
                fail(QStringLiteral("invalid UTF-8 sequence starting with byte 0x%1")
                         .arg(lead, 2, 16, QLatin1Char('0')));
                return false;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            fail(QStringLiteral("invalid UTF-8 sequence starting with byte 0x%1")
                     .arg(lead, 2, 16, QLatin1Char('0')));
            return false;
        }
        for (int i = 0; i <= extra; ++i)
            advance();
        out.append(QString::fromUcs4(&cp, 1));
        return true;
    }

    int hex4()
    {
        int value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = peek();
            int digit = -1;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            if (digit < 0 || atEnd()) {
                fail(QStringLiteral("\\u must be followed by four hex digits"));
                return -1;
            }
            value = value * 16 + digit;
            advance();
        }
        return value;
    }

    QString parseString()
    {
        const SourcePosition start = here();
        advance(); // opening quote
        QString out;
        while (true) {
            if (atEnd()) {
                fail(QStringLiteral("string not closed: the file ends before its closing '\"'"),
                    start);
                return {};
            }
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                advance();
                return out;
            }
            if (c == '\\') {
                advance();
                const char e = peek();
                if (atEnd()) {
                    continue;
                }
                advance();
                switch (e) {
                case '"':
                    out.append(QLatin1Char('"'));
                    break;
                case '\\':
                    out.append(QLatin1Char('\\'));
                    break;
                case '/':
                    out.append(QLatin1Char('/'));
                    break;
                case 'b':
                    out.append(QLatin1Char('\b'));
                    break;
                case 'f':
                    out.append(QLatin1Char('\f'));
                    break;
                case 'n':
                    out.append(QLatin1Char('\n'));
                    break;
                case 'r':
                    out.append(QLatin1Char('\r'));
                    break;
                case 't':
                    out.append(QLatin1Char('\t'));
                    break;
                case 'u': {
                    const int unit = hex4();
                    if (unit < 0)
                        return {};
                    // Lone surrogates are kept as they are, as JavaScript strings keep them.
                    out.append(QChar(static_cast<char16_t>(unit)));
                    break;
                }
                default:
                    fail(QStringLiteral("invalid escape '\\%1' in a string")
                             .arg(e >= 0x20 && e < 0x7F ? QString(QLatin1Char(e))
                                                        : QStringLiteral("?")));
                    return {};
                }
                continue;
            }
            if (c < 0x20) {
                fail(c == '\n' ? QStringLiteral("string not closed before the end of the line "
                                                "(write a line break as \\n)")
                               : QStringLiteral("control character 0x%1 in a string; escape it")
                                     .arg(c, 2, 16, QLatin1Char('0')));
                return {};
            }
            if (c < 0x80) {
                out.append(QLatin1Char(static_cast<char>(c)));
                advance();
            } else if (!appendUtf8Sequence(out)) {
                return {};
            }
        }
    }

    JsonNode parseArray(int depth)
    {
        advance(); // [
        JsonNode array = JsonNode::makeArray();
        skipSpace();
        if (peek() == ']') {
            advance();
            return array;
        }
        while (!m_error) {
            skipSpace();
            if (peek() == ']') {
                fail(QStringLiteral("trailing comma: remove the ',' before ']'"));
                break;
            }
            array.append(parseValue(depth + 1));
            if (m_error)
                break;
            skipSpace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == ']') {
                advance();
                break;
            }
            fail(peek() == '"' || peek() == '{' || peek() == '['
                    ? QStringLiteral("expected ',' or ']' after an array element, found %1 — is "
                                     "a ',' missing?")
                          .arg(describeHere())
                    : QStringLiteral("expected ',' or ']' after an array element, found %1")
                          .arg(describeHere()));
        }
        return array;
    }

    JsonNode parseObject(int depth)
    {
        advance(); // {
        JsonNode object = JsonNode::makeObject();
        skipSpace();
        if (peek() == '}') {
            advance();
            return object;
        }
        while (!m_error) {
            skipSpace();
            if (peek() == '}') {
                fail(QStringLiteral("trailing comma: remove the ',' before '}'"));
                break;
            }
            if (peek() != '"') {
                if (peek() == '\'')
                    fail(QStringLiteral("keys are written in double quotes (\"key\"), not single "
                                        "quotes"));
                else if (std::isalpha(static_cast<unsigned char>(peek())) || peek() == '_')
                    fail(QStringLiteral("keys are written in double quotes: \"key\": value"));
                else
                    fail(QStringLiteral("expected a key in double quotes, found %1")
                             .arg(describeHere()));
                break;
            }
            const SourcePosition keyPosition = here();
            QString key = parseString();
            if (m_error)
                break;
            skipSpace();
            if (peek() != ':') {
                fail(QStringLiteral("expected ':' after the key \"%1\", found %2")
                         .arg(key, describeHere()));
                break;
            }
            advance();
            skipSpace();
            JsonNode value = parseValue(depth + 1);
            if (m_error)
                break;
            object.members().push_back(
                JsonNode::Member {std::move(key), keyPosition, std::move(value)});
            skipSpace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == '}') {
                advance();
                break;
            }
            fail(peek() == '"'
                    ? QStringLiteral("expected ',' or '}' after an object member, found '\"' — "
                                     "is a ',' missing?")
                    : QStringLiteral("expected ',' or '}' after an object member, found %1")
                          .arg(describeHere()));
        }
        return object;
    }

    QByteArrayView m_text;
    qsizetype m_offset = 0;
    int m_line = 1;
    int m_column = 1;
    std::optional<JsonSyntaxError> m_error;
};

} // namespace

JsonParseResult JsonParser::parse(QByteArrayView utf8)
{
    return Parser(utf8).run();
}

// ---------------------------------------------------------------------------------------------
// Writer

QByteArray JsonWriter::formatNumber(double value)
{
    if (!std::isfinite(value))
        return QByteArrayLiteral("null"); // what JSON.stringify writes
    if (value == 0)
        return QByteArrayLiteral("0"); // also for -0, as JavaScript prints it
    // Shortest round-trip digits, then ECMA-262 Number::toString's layout.
    const QByteArray e = QByteArray::number(value, 'e', QLocale::FloatingPointShortest);
    const bool negative = e.startsWith('-');
    const qsizetype ePos = e.indexOf('e');
    QByteArray digits = e.mid(negative ? 1 : 0, ePos - (negative ? 1 : 0));
    digits.replace(".", "");
    const int exponent = e.mid(ePos + 1).toInt();
    const int k = int(digits.size());
    const int n = exponent + 1;
    QByteArray out = negative ? QByteArrayLiteral("-") : QByteArray();
    if (k <= n && n <= 21) {
        out += digits + QByteArray(n - k, '0');
    } else if (0 < n && n <= 21) {
        out += digits.left(n) + '.' + digits.mid(n);
    } else if (-6 < n && n <= 0) {
        out += "0." + QByteArray(-n, '0') + digits;
    } else {
        out += digits.left(1);
        if (k > 1)
            out += '.' + digits.mid(1);
        out += 'e';
        out += (n - 1 >= 0 ? "+" : "-") + QByteArray::number(std::abs(n - 1));
    }
    return out;
}

void JsonWriter::appendQuoted(QByteArray &out, const QString &text)
{
    static const char hexDigits[] = "0123456789abcdef";
    out += '"';
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = text[i].unicode();
        switch (u) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\b':
            out += "\\b";
            continue;
        case '\f':
            out += "\\f";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case '\t':
            out += "\\t";
            continue;
        default:
            break;
        }
        const bool high = QChar::isHighSurrogate(u);
        const bool low = QChar::isLowSurrogate(u);
        if (u < 0x20 || (high && (i + 1 >= size || !text[i + 1].isLowSurrogate()))
            || (low && (i == 0 || !text[i - 1].isHighSurrogate()))) {
            // Control characters and lone surrogates, as well-formed JSON.stringify writes them.
            out += "\\u";
            out += hexDigits[(u >> 12) & 0xF];
            out += hexDigits[(u >> 8) & 0xF];
            out += hexDigits[(u >> 4) & 0xF];
            out += hexDigits[u & 0xF];
        } else if (high) {
            out += QStringView(text).mid(i, 2).toUtf8();
            ++i;
        } else {
            out += QStringView(text).mid(i, 1).toUtf8();
        }
    }
    out += '"';
}

namespace {

void writeNode(QByteArray &out, const JsonNode &node, int indent)
{
    const auto newline = [&out](int level) {
        out += '\n';
        out += QByteArray(level * 2, ' ');
    };
    switch (node.type()) {
    case JsonNode::Type::Null:
        out += "null";
        return;
    case JsonNode::Type::Bool:
        out += node.toBool() ? "true" : "false";
        return;
    case JsonNode::Type::Number:
        out += JsonWriter::formatNumber(node.toDouble());
        return;
    case JsonNode::Type::String:
        JsonWriter::appendQuoted(out, node.toString());
        return;
    case JsonNode::Type::Array:
        if (node.items().empty()) {
            out += "[]";
            return;
        }
        out += '[';
        for (std::size_t i = 0; i < node.items().size(); ++i) {
            if (i)
                out += ',';
            newline(indent + 1);
            writeNode(out, node.items()[i], indent + 1);
        }
        newline(indent);
        out += ']';
        return;
    case JsonNode::Type::Object:
        if (node.members().empty()) {
            out += "{}";
            return;
        }
        out += '{';
        for (std::size_t i = 0; i < node.members().size(); ++i) {
            if (i)
                out += ',';
            newline(indent + 1);
            JsonWriter::appendQuoted(out, node.members()[i].key);
            out += ": ";
            writeNode(out, node.members()[i].value, indent + 1);
        }
        newline(indent);
        out += '}';
        return;
    }
}

} // namespace

QByteArray JsonWriter::write(const JsonNode &root)
{
    QByteArray out;
    writeNode(out, root, 0);
    out += '\n';
    return out;
}

} // namespace corslab
