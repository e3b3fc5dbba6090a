// Socket.IO v5 packet encoder and decoder (socket.io-parser 4.2.7) and the JSON.parse /
// JSON.stringify equivalents they use.
#include "socketiopacket.h"

#include "engineio/engineiopacket.h"

#include <QHash>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace corslab {

// ---------------------------------------------------------------------------------------------
// JavaScript object semantics

namespace {

// The value JavaScript sees for obj[key]: the last member with that key.
const JsonNode *jsProperty(const JsonNode &object, QStringView key)
{
    const JsonNode *found = nullptr;
    for (const JsonNode::Member &m : object.members()) {
        if (m.key == key)
            found = &m.value;
    }
    return found;
}

quint32 arrayIndexValue(QStringView key)
{
    quint64 v = 0;
    for (QChar c : key)
        v = v * 10 + (c.unicode() - u'0');
    return quint32(v);
}

// The members as a JavaScript object built from them in order would enumerate them: one per
// key (first place, last value), array-index keys first in ascending order.
std::vector<const JsonNode::Member *> jsMemberOrder(const JsonNode &object)
{
    const std::vector<JsonNode::Member> &members = object.members();
    std::vector<const JsonNode::Member *> order;
    order.reserve(members.size());
    bool reordered = false;
    QHash<QString, std::size_t> seen;
    const bool useHash = members.size() > 16;
    for (const JsonNode::Member &m : members) {
        std::size_t at = order.size();
        if (useHash) {
            const auto it = seen.constFind(m.key);
            if (it != seen.constEnd())
                at = *it;
            else
                seen.insert(m.key, order.size());
        } else {
            for (std::size_t i = 0; i < order.size(); ++i) {
                if (order[i]->key == m.key) {
                    at = i;
                    break;
                }
            }
        }
        if (at == order.size())
            order.push_back(&m);
        else
            order[at] = &m; // last value; the place stays the first one
        reordered = reordered || JavaScriptJson::isArrayIndex(m.key);
    }
    if (reordered) {
        std::stable_partition(order.begin(), order.end(),
            [](const JsonNode::Member *m) { return JavaScriptJson::isArrayIndex(m->key); });
        const auto firstNamed = std::find_if(order.begin(), order.end(),
            [](const JsonNode::Member *m) { return !JavaScriptJson::isArrayIndex(m->key); });
        std::stable_sort(
            order.begin(), firstNamed, [](const JsonNode::Member *a, const JsonNode::Member *b) {
                return arrayIndexValue(a->key) < arrayIndexValue(b->key);
            });
    }
    return order;
}

// ---------------------------------------------------------------------------------------------
// JSON.parse

class JsonParse {
public:
    explicit JsonParse(QStringView text)
        : m_text(text)
    { }

    JavaScriptJson::ParseResult run()
    {
        JavaScriptJson::ParseResult result;
        skipSpace();
        JsonNode value = parseValue(0);
        if (m_status == JavaScriptJson::ParseResult::Status::Ok) {
            skipSpace();
            if (m_pos < m_text.size())
                fail(QStringLiteral("unexpected %1 after the JSON value").arg(describeHere()));
        }
        result.status = m_status;
        result.errorString = m_error;
        if (m_status == JavaScriptJson::ParseResult::Status::Ok)
            result.value = std::move(value);
        return result;
    }

private:
    bool ok() const { return m_status == JavaScriptJson::ParseResult::Status::Ok; }
    char16_t peek() const { return m_pos < m_text.size() ? m_text[m_pos].unicode() : 0; }
    bool atEnd() const { return m_pos >= m_text.size(); }

    void fail(const QString &message)
    {
        if (!ok())
            return;
        m_status = JavaScriptJson::ParseResult::Status::SyntaxError;
        m_error = QStringLiteral("offset %1: %2").arg(m_pos).arg(message);
    }

    QString describeHere() const
    {
        if (atEnd())
            return QStringLiteral("end of input");
        const char16_t c = peek();
        if (c >= 0x20 && c < 0x7F)
            return QStringLiteral("'%1'").arg(QChar(c));
        return QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
    }

    void skipSpace()
    {
        // ECMA-404 white space only; JSON.parse does not trim the way Number() does
        while (!atEnd()) {
            const char16_t c = peek();
            if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r')
                return;
            ++m_pos;
        }
    }

    JsonNode parseValue(int depth)
    {
        switch (peek()) {
        case u'{':
        case u'[':
            if (depth >= JavaScriptJson::MaxDepth) {
                if (ok()) {
                    m_status = JavaScriptJson::ParseResult::Status::TooDeep;
                    m_error = QStringLiteral("offset %1: nested deeper than %2 levels")
                                  .arg(m_pos)
                                  .arg(JavaScriptJson::MaxDepth);
                }
                return {};
            }
            return peek() == u'{' ? parseObject(depth) : parseArray(depth);
        case u'"':
            return JsonNode::fromString(parseString());
        case u't':
            return parseWord(u"true", JsonNode::fromBool(true));
        case u'f':
            return parseWord(u"false", JsonNode::fromBool(false));
        case u'n':
            return parseWord(u"null", JsonNode());
        default:
            if (peek() == u'-' || (peek() >= u'0' && peek() <= u'9'))
                return parseNumber();
            fail(QStringLiteral("unexpected %1; expected a JSON value").arg(describeHere()));
            return {};
        }
    }

    JsonNode parseWord(QStringView word, JsonNode value)
    {
        if (m_text.sliced(m_pos).startsWith(word)) {
            m_pos += word.size();
            return value;
        }
        fail(QStringLiteral("unexpected %1; expected a JSON value").arg(describeHere()));
        return {};
    }

    bool isDigit() const { return peek() >= u'0' && peek() <= u'9'; }

    JsonNode parseNumber()
    {
        const qsizetype begin = m_pos;
        if (peek() == u'-')
            ++m_pos;
        if (peek() == u'0') {
            ++m_pos;
        } else if (isDigit()) {
            while (isDigit())
                ++m_pos;
        } else {
            fail(QStringLiteral("'-' must be followed by a digit"));
            return {};
        }
        if (peek() == u'.') {
            ++m_pos;
            if (!isDigit()) {
                fail(QStringLiteral("a digit must follow the decimal point"));
                return {};
            }
            while (isDigit())
                ++m_pos;
        }
        if (peek() == u'e' || peek() == u'E') {
            ++m_pos;
            if (peek() == u'+' || peek() == u'-')
                ++m_pos;
            if (!isDigit()) {
                fail(QStringLiteral("a digit must follow the exponent"));
                return {};
            }
            while (isDigit())
                ++m_pos;
        }
        // The grammar above is a subset of StringToNumber's; out-of-range values become
        // +-Infinity or 0 there as in JSON.parse.
        return JsonNode::fromNumber(js::stringToNumber(m_text.sliced(begin, m_pos - begin)));
    }

    int hexDigit(char16_t c) const
    {
        if (c >= u'0' && c <= u'9')
            return c - u'0';
        if (c >= u'a' && c <= u'f')
            return c - u'a' + 10;
        if (c >= u'A' && c <= u'F')
            return c - u'A' + 10;
        return -1;
    }

    QString parseString()
    {
        ++m_pos; // opening quote
        QString out;
        qsizetype runStart = m_pos;
        while (true) {
            if (atEnd()) {
                fail(QStringLiteral("unterminated string"));
                return {};
            }
            const char16_t c = peek();
            if (c == u'"') {
                out.append(m_text.sliced(runStart, m_pos - runStart));
                ++m_pos;
                return out;
            }
            if (c < 0x20) {
                fail(QStringLiteral("control character %1 in a string").arg(describeHere()));
                return {};
            }
            if (c != u'\\') {
                ++m_pos;
                continue;
            }
            out.append(m_text.sliced(runStart, m_pos - runStart));
            ++m_pos;
            const char16_t e = peek();
            switch (e) {
            case u'"':
            case u'\\':
            case u'/':
                out.append(QChar(e));
                break;
            case u'b':
                out.append(QChar(u'\b'));
                break;
            case u'f':
                out.append(QChar(u'\f'));
                break;
            case u'n':
                out.append(QChar(u'\n'));
                break;
            case u'r':
                out.append(QChar(u'\r'));
                break;
            case u't':
                out.append(QChar(u'\t'));
                break;
            case u'u': {
                int unit = 0;
                for (int k = 1; k <= 4; ++k) {
                    const qsizetype at = m_pos + k;
                    const int d = at < m_text.size() ? hexDigit(m_text[at].unicode()) : -1;
                    if (d < 0) {
                        m_pos = at;
                        fail(QStringLiteral("\\u must be followed by four hex digits"));
                        return {};
                    }
                    unit = unit * 16 + d;
                }
                m_pos += 4;
                out.append(QChar(char16_t(unit)));
                break;
            }
            default:
                fail(QStringLiteral("invalid escape %1").arg(describeHere()));
                return {};
            }
            ++m_pos;
            runStart = m_pos;
        }
    }

    JsonNode parseArray(int depth)
    {
        ++m_pos; // [
        JsonNode array = JsonNode::makeArray();
        skipSpace();
        if (peek() == u']') {
            ++m_pos;
            return array;
        }
        while (ok()) {
            skipSpace();
            array.append(parseValue(depth + 1));
            if (!ok())
                break;
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            if (peek() == u']') {
                ++m_pos;
                break;
            }
            fail(QStringLiteral("expected ',' or ']', found %1").arg(describeHere()));
        }
        return array;
    }

    JsonNode parseObject(int depth)
    {
        ++m_pos; // {
        std::vector<JsonNode::Member> members;
        QHash<QString, std::size_t> index;
        bool hasArrayIndex = false;
        skipSpace();
        if (peek() == u'}') {
            ++m_pos;
            return JsonNode::makeObject();
        }
        while (ok()) {
            skipSpace();
            if (peek() != u'"') {
                fail(QStringLiteral("expected a key in double quotes, found %1")
                         .arg(describeHere()));
                break;
            }
            QString key = parseString();
            if (!ok())
                break;
            skipSpace();
            if (peek() != u':') {
                fail(QStringLiteral("expected ':' after a key, found %1").arg(describeHere()));
                break;
            }
            ++m_pos;
            skipSpace();
            JsonNode value = parseValue(depth + 1);
            if (!ok())
                break;
            // CreateDataProperty: a repeated key keeps its place and takes the new value
            const auto it = index.constFind(key);
            if (it != index.constEnd()) {
                members[*it].value = std::move(value);
            } else {
                hasArrayIndex = hasArrayIndex || JavaScriptJson::isArrayIndex(key);
                index.insert(key, members.size());
                members.push_back(JsonNode::Member {std::move(key), {}, std::move(value)});
            }
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
                continue;
            }
            if (peek() == u'}') {
                ++m_pos;
                break;
            }
            fail(QStringLiteral("expected ',' or '}', found %1").arg(describeHere()));
        }
        if (!ok())
            return {};
        if (hasArrayIndex) {
            JsonNode unordered = JsonNode::makeObject(std::move(members));
            std::vector<JsonNode::Member> ordered;
            for (const JsonNode::Member *m : jsMemberOrder(unordered))
                ordered.push_back(*m);
            return JsonNode::makeObject(std::move(ordered));
        }
        return JsonNode::makeObject(std::move(members));
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    JavaScriptJson::ParseResult::Status m_status = JavaScriptJson::ParseResult::Status::Ok;
    QString m_error;
};

// ---------------------------------------------------------------------------------------------
// JSON.stringify

void appendHex4(QString &out, char16_t unit)
{
    static const char digits[] = "0123456789abcdef";
    out.append(QLatin1String("\\u"));
    for (int shift = 12; shift >= 0; shift -= 4)
        out.append(QLatin1Char(digits[(unit >> shift) & 0xF]));
}

// ECMA-262 QuoteJSONString (ES2019 well-formed JSON.stringify)
void appendQuoted(QString &out, const QString &text)
{
    out.append(QLatin1Char('"'));
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text[i].unicode();
        switch (c) {
        case u'\b':
            out.append(QLatin1String("\\b"));
            continue;
        case u'\t':
            out.append(QLatin1String("\\t"));
            continue;
        case u'\n':
            out.append(QLatin1String("\\n"));
            continue;
        case u'\f':
            out.append(QLatin1String("\\f"));
            continue;
        case u'\r':
            out.append(QLatin1String("\\r"));
            continue;
        case u'"':
            out.append(QLatin1String("\\\""));
            continue;
        case u'\\':
            out.append(QLatin1String("\\\\"));
            continue;
        default:
            break;
        }
        if (c < 0x20) {
            appendHex4(out, c);
        } else if (QChar::isHighSurrogate(c)) {
            if (i + 1 < size && text[i + 1].isLowSurrogate()) {
                out.append(text[i]);
                out.append(text[i + 1]);
                ++i;
            } else {
                appendHex4(out, c);
            }
        } else if (QChar::isLowSurrogate(c)) {
            appendHex4(out, c);
        } else {
            out.append(QChar(c));
        }
    }
    out.append(QLatin1Char('"'));
}

void stringifyInto(QString &out, const JsonNode &value)
{
    switch (value.type()) {
    case JsonNode::Type::Null:
        out.append(QLatin1String("null"));
        return;
    case JsonNode::Type::Bool:
        out.append(value.toBool() ? QLatin1String("true") : QLatin1String("false"));
        return;
    case JsonNode::Type::Number:
        out.append(QString::fromLatin1(JsonWriter::formatNumber(value.toDouble())));
        return;
    case JsonNode::Type::String:
        appendQuoted(out, value.toString());
        return;
    case JsonNode::Type::Array: {
        out.append(QLatin1Char('['));
        bool first = true;
        for (const JsonNode &item : value.items()) {
            if (!first)
                out.append(QLatin1Char(','));
            first = false;
            stringifyInto(out, item);
        }
        out.append(QLatin1Char(']'));
        return;
    }
    case JsonNode::Type::Object: {
        out.append(QLatin1Char('{'));
        bool first = true;
        for (const JsonNode::Member *m : jsMemberOrder(value)) {
            if (!first)
                out.append(QLatin1Char(','));
            first = false;
            appendQuoted(out, m->key);
            out.append(QLatin1Char(':'));
            stringifyInto(out, m->value);
        }
        out.append(QLatin1Char('}'));
        return;
    }
    }
}

} // namespace

JavaScriptJson::ParseResult JavaScriptJson::parse(QStringView text)
{
    return JsonParse(text).run();
}

QString JavaScriptJson::stringify(const JsonNode &value)
{
    QString out;
    stringifyInto(out, value);
    return out;
}

bool JavaScriptJson::isArrayIndex(QStringView key)
{
    // CanonicalNumericIndexString with a value below 2^32 - 1
    if (key.isEmpty() || key.size() > 10)
        return false;
    if (key.size() > 1 && key[0] == u'0')
        return false;
    quint64 v = 0;
    for (QChar c : key) {
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c.unicode() - u'0');
    }
    return v <= 4294967294ULL;
}

// ---------------------------------------------------------------------------------------------
// SocketIoPacket

SocketIoPacket::SocketIoPacket(
    Type type, const QString &nsp, std::optional<JsonNode> data, std::optional<double> id)
    : m_type(type)
    , m_nsp(nsp)
    , m_id(id)
    , m_data(std::move(data))
{ }

QString SocketIoPacket::typeName(Type type)
{
    switch (type) {
    case Type::Connect:
        return QStringLiteral("CONNECT");
    case Type::Disconnect:
        return QStringLiteral("DISCONNECT");
    case Type::Event:
        return QStringLiteral("EVENT");
    case Type::Ack:
        return QStringLiteral("ACK");
    case Type::ConnectError:
        return QStringLiteral("CONNECT_ERROR");
    case Type::BinaryEvent:
        return QStringLiteral("BINARY_EVENT");
    case Type::BinaryAck:
        return QStringLiteral("BINARY_ACK");
    }
    return {};
}

QString SocketIoPacket::encode() const
{
    // Encoder.encode: EVENT/ACK carrying binary go out as BINARY_EVENT/BINARY_ACK
    Type type = m_type;
    if (!m_attachments.empty() && type == Type::Event)
        type = Type::BinaryEvent;
    else if (!m_attachments.empty() && type == Type::Ack)
        type = Type::BinaryAck;

    // Encoder.encodeAsString: <type>[<attachments>-][<nsp>,][<id>][<json>]
    QString out = QString::number(static_cast<int>(type));
    if (type == Type::BinaryEvent || type == Type::BinaryAck)
        out += QString::number(m_attachments.size()) + QLatin1Char('-');
    if (!m_nsp.isEmpty() && m_nsp != u"/")
        out += m_nsp + QLatin1Char(',');
    if (m_id)
        out += js::numberToString(*m_id);
    if (m_data && !m_data->isNull()) // `null != obj.data`: a null payload is not written
        out += JavaScriptJson::stringify(*m_data);
    return out;
}

JsonNode SocketIoPacket::placeholder(int num)
{
    // binary.ts deconstructPacket: { _placeholder: true, num: buffers.length }
    JsonNode node = JsonNode::makeObject();
    node.insert(QStringLiteral("_placeholder"), JsonNode::fromBool(true));
    node.insert(QStringLiteral("num"), JsonNode::fromNumber(num));
    return node;
}

bool SocketIoPacket::isPlaceholder(const JsonNode &node)
{
    if (!node.isObject())
        return false;
    const JsonNode *flag = jsProperty(node, u"_placeholder");
    return flag && flag->isBool() && flag->toBool();
}

std::optional<qsizetype> SocketIoPacket::attachmentIndex(const JsonNode &node)
{
    if (!isPlaceholder(node))
        return std::nullopt;
    const JsonNode *num = jsProperty(node, u"num");
    if (!num || !num->isNumber())
        return std::nullopt;
    const double n = num->toDouble();
    if (!(n >= 0) || std::floor(n) != n || n > double(std::numeric_limits<int>::max()))
        return std::nullopt;
    return qsizetype(n);
}

bool operator==(const SocketIoPacket &a, const SocketIoPacket &b)
{
    const bool sameId = a.m_id.has_value() == b.m_id.has_value()
        && (!a.m_id || *a.m_id == *b.m_id || (std::isnan(*a.m_id) && std::isnan(*b.m_id)));
    return a.m_type == b.m_type && a.m_nsp == b.m_nsp && sameId && a.m_data == b.m_data
        && a.m_attachments == b.m_attachments;
}

// ---------------------------------------------------------------------------------------------
// SocketIoDecoder

namespace {

// index.ts RESERVED_EVENTS
bool isReservedEvent(const QString &name)
{
    static const QStringView reserved[] = {u"connect", u"connect_error", u"disconnect",
        u"disconnecting", u"newListener", u"removeListener"};
    return std::any_of(
        std::begin(reserved), std::end(reserved), [&](QStringView r) { return r == name; });
}

// Decoder.isPayloadValid; empty when valid, else what the type requires.
QString payloadProblem(SocketIoPacket::Type type, const JsonNode &payload)
{
    using Type = SocketIoPacket::Type;
    switch (type) {
    case Type::Connect:
        if (payload.isObject())
            return {};
        return QStringLiteral("a CONNECT payload must be an object, not %1")
            .arg(payload.typeName());
    case Type::Disconnect:
        return QStringLiteral("a DISCONNECT packet carries no payload");
    case Type::ConnectError:
        if (payload.isString() || payload.isObject())
            return {};
        return QStringLiteral("a CONNECT_ERROR payload must be a string or an object, not %1")
            .arg(payload.typeName());
    case Type::Event:
    case Type::BinaryEvent: {
        if (!payload.isArray())
            return QStringLiteral("an EVENT payload must be an array, not %1")
                .arg(payload.typeName());
        if (payload.items().empty())
            return QStringLiteral("an EVENT payload must start with the event name; the array "
                                  "is empty");
        const JsonNode &name = payload.items().front();
        if (name.isNumber())
            return {};
        if (!name.isString())
            return QStringLiteral("an event name must be a string or a number, not %1")
                .arg(name.typeName());
        if (isReservedEvent(name.toString()))
            return QStringLiteral("\"%1\" is a reserved event name").arg(name.toString());
        return {};
    }
    case Type::Ack:
    case Type::BinaryAck:
        if (payload.isArray())
            return {};
        return QStringLiteral("an ACK payload must be an array, not %1").arg(payload.typeName());
    }
    return {};
}

// binary.ts _reconstructPacket's check: every placeholder reachable (not inside another) must
// have a numeric num in [0, count).
bool placeholdersValid(const JsonNode &node, qsizetype count, QString *problem)
{
    if (node.isObject()) {
        if (SocketIoPacket::isPlaceholder(node)) {
            const JsonNode *num = jsProperty(node, u"num");
            if (num && num->isNumber() && num->toDouble() >= 0 && num->toDouble() < double(count))
                return true;
            *problem = QStringLiteral("placeholder %1 does not name one of the %2 attachments")
                           .arg(JavaScriptJson::stringify(node))
                           .arg(count);
            return false;
        }
        for (const JsonNode::Member &m : node.members()) {
            if (!placeholdersValid(m.value, count, problem))
                return false;
        }
    } else if (node.isArray()) {
        for (const JsonNode &item : node.items()) {
            if (!placeholdersValid(item, count, problem))
                return false;
        }
    }
    return true;
}

SocketIoDecodeResult failure(
    SocketIoDecodeError::Kind kind, const QString &message, const QString &detail)
{
    SocketIoDecodeResult r;
    r.status = SocketIoDecodeResult::Status::Failed;
    r.error = SocketIoDecodeError {kind, message, detail};
    return r;
}

bool isIdCharacter(QChar c)
{
    // `Number(c) == c` holds for digits and for white space (Number(" ") is 0)
    return (c >= u'0' && c <= u'9') || js::isWhiteSpace(c.unicode());
}

// Decoder.decodeString. On success the packet keeps its BINARY_* type; *attachments is the
// announced count (0 for other types).
SocketIoDecodeResult decodeString(QStringView str, int maxAttachments, int *attachments)
{
    using Kind = SocketIoDecodeError::Kind;
    *attachments = 0;
    const qsizetype size = str.size();

    // type: Number(str.charAt(0)), which is 0 for "" and for white space
    const double typeNumber = js::stringToNumber(str.left(1));
    if (!(typeNumber >= 0 && typeNumber <= 6))
        return failure(Kind::UnknownPacketType,
            QStringLiteral("unknown packet type ") + js::numberToString(typeNumber),
            QStringLiteral("the first character must be a packet type 0-6"));
    SocketIoPacket packet(static_cast<SocketIoPacket::Type>(int(typeNumber)));
    qsizetype i = 0;

    // attachments: "<n>-" after BINARY_EVENT / BINARY_ACK
    if (packet.type() == SocketIoPacket::Type::BinaryEvent
        || packet.type() == SocketIoPacket::Type::BinaryAck) {
        i = 1;
        while (i < size && str[i] != u'-')
            ++i;
        const QStringView count = str.sliced(1, i - 1);
        const double n = js::stringToNumber(count);
        if (std::isnan(n) || i >= size || !(n >= 1) || std::floor(n) != n || std::isinf(n))
            return failure(Kind::IllegalAttachments, QStringLiteral("Illegal attachments"),
                i >= size ? QStringLiteral("the attachment count is not followed by '-'")
                          : QStringLiteral("attachment count \"%1\" is not a whole "
                                           "number of at least 1")
                                .arg(count));
        if (n > maxAttachments)
            return failure(Kind::TooManyAttachments, QStringLiteral("too many attachments"),
                QStringLiteral("%1 attachments announced; the decoder accepts at most %2")
                    .arg(js::numberToString(n))
                    .arg(maxAttachments));
        *attachments = int(n);
    }

    // namespace: from "/" to "," or the end
    qsizetype next = i + 1;
    if (next < size && str[next] == u'/') {
        qsizetype end = str.indexOf(u',', next + 1);
        if (end < 0) {
            packet.setNsp(str.sliced(next).toString());
            next = size; // charAt() past the end: no id, no data
        } else {
            packet.setNsp(str.sliced(next, end - next).toString());
            next = end + 1;
        }
    }

    // ack id: the run of digits and white space, taken with Number()
    if (next < size && isIdCharacter(str[next])) {
        qsizetype end = next;
        while (end < size && isIdCharacter(str[end]))
            ++end;
        packet.setId(js::stringToNumber(str.sliced(next, end - next)));
        next = end;
    }

    // JSON payload: the rest, through JSON.parse and isPayloadValid
    if (next < size) {
        const JavaScriptJson::ParseResult parsed = JavaScriptJson::parse(str.sliced(next));
        if (parsed.status == JavaScriptJson::ParseResult::Status::TooDeep)
            return failure(Kind::JsonTooDeep,
                QStringLiteral("JSON nested deeper than %1 levels").arg(JavaScriptJson::MaxDepth),
                QStringLiteral("payload at offset %1: %2").arg(next).arg(parsed.errorString));
        if (!parsed.isOk())
            return failure(Kind::InvalidPayload, QStringLiteral("invalid payload"),
                QStringLiteral("payload at offset %1 is not JSON: %2")
                    .arg(next)
                    .arg(parsed.errorString));
        const QString problem = payloadProblem(packet.type(), parsed.value);
        if (!problem.isEmpty())
            return failure(Kind::InvalidPayload, QStringLiteral("invalid payload"), problem);
        packet.setData(parsed.value);
    }

    SocketIoDecodeResult r;
    r.status = SocketIoDecodeResult::Status::Decoded;
    r.packet = std::move(packet);
    return r;
}

} // namespace

SocketIoDecoder::SocketIoDecoder(int maxAttachments)
    : m_maxAttachments(maxAttachments)
{ }

SocketIoDecodeResult SocketIoDecoder::add(QStringView text)
{
    if (m_reconstructing)
        return failure(SocketIoDecodeError::Kind::PlaintextWhileReconstructing,
            QStringLiteral("got plaintext data when reconstructing a packet"),
            QStringLiteral("a text packet arrived while %1 attachment(s) were still "
                           "expected")
                .arg(std::max<qsizetype>(0, m_expected - qsizetype(m_buffers.size()))));
    int attachments = 0;
    SocketIoDecodeResult r = decodeString(text, m_maxAttachments, &attachments);
    if (r.status != SocketIoDecodeResult::Status::Decoded || attachments == 0)
        return r;
    // Decoder.add: the binary packet's header; its type becomes EVENT / ACK right away
    SocketIoPacket &packet = *r.packet;
    packet.setType(packet.type() == SocketIoPacket::Type::BinaryEvent ? SocketIoPacket::Type::Event
                                                                      : SocketIoPacket::Type::Ack);
    m_reconstructing = true;
    m_expected = attachments;
    m_pending = packet;
    m_buffers.clear();
    r.status = SocketIoDecodeResult::Status::AwaitingAttachments;
    r.missingAttachments = attachments;
    return r;
}

SocketIoDecodeResult SocketIoDecoder::add(const QByteArray &binary)
{
    if (!m_reconstructing)
        return failure(SocketIoDecodeError::Kind::BinaryWhileNotReconstructing,
            QStringLiteral("got binary data when not reconstructing a packet"),
            QStringLiteral("a binary message arrived without a BINARY_EVENT or "
                           "BINARY_ACK packet announcing it"));
    m_buffers.push_back(binary);
    SocketIoDecodeResult r;
    if (qsizetype(m_buffers.size()) != m_expected) {
        // More to come (or, after a bad placeholder, never: the real decoder is stuck too).
        r.status = SocketIoDecodeResult::Status::AwaitingAttachments;
        r.packet = m_pending;
        r.missingAttachments
            = int(std::max<qsizetype>(0, m_expected - qsizetype(m_buffers.size())));
        return r;
    }
    if (m_pending.data()) {
        QString problem;
        if (!placeholdersValid(*m_pending.data(), m_expected, &problem))
            return failure(SocketIoDecodeError::Kind::IllegalPlaceholder,
                QStringLiteral("illegal attachments"), problem);
    }
    SocketIoPacket packet = m_pending;
    packet.setAttachments(std::move(m_buffers));
    reset();
    r.status = SocketIoDecodeResult::Status::Decoded;
    r.packet = std::move(packet);
    return r;
}

void SocketIoDecoder::reset()
{
    m_reconstructing = false;
    m_expected = 0;
    m_pending = SocketIoPacket();
    m_buffers.clear();
}

} // namespace corslab
