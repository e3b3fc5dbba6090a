// Engine.IO packets: encode/decode for EIO=4 and EIO=3, and the JS/Node conversions they use.
#include "engineiopacket.h"

#include "profile/jsonnode.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace corslab {

EngineIoRawData EngineIoRawData::fromText(const QString &text)
{
    EngineIoRawData d;
    d.m_text = text;
    return d;
}

EngineIoRawData EngineIoRawData::fromBinary(const QByteArray &bytes)
{
    EngineIoRawData d;
    d.m_binary = true;
    d.m_bytes = bytes;
    return d;
}

EngineIoPacket::EngineIoPacket(Type type)
    : m_type(type)
{ }

EngineIoPacket::EngineIoPacket(Type type, const QString &text)
    : m_type(type)
    , m_dataKind(DataKind::Text)
    , m_text(text)
{ }

EngineIoPacket::EngineIoPacket(Type type, const QByteArray &binary)
    : m_type(type)
    , m_dataKind(DataKind::Binary)
    , m_binary(binary)
{ }

EngineIoPacket EngineIoPacket::parserError(const QString &reason)
{
    // engine.io-parser commons.ts ERROR_PACKET = {type: "error", data: "parser error"}
    EngineIoPacket p(Type::Error, QStringLiteral("parser error"));
    p.m_errorString = reason;
    return p;
}

QString EngineIoPacket::typeName(Type type)
{
    switch (type) {
    case Type::Open:
        return QStringLiteral("open");
    case Type::Close:
        return QStringLiteral("close");
    case Type::Ping:
        return QStringLiteral("ping");
    case Type::Pong:
        return QStringLiteral("pong");
    case Type::Message:
        return QStringLiteral("message");
    case Type::Upgrade:
        return QStringLiteral("upgrade");
    case Type::Noop:
        return QStringLiteral("noop");
    case Type::Error:
        return QStringLiteral("error");
    case Type::Unknown:
        break;
    }
    return QStringLiteral("undefined");
}

namespace {

// The type for '0'..'6' (engine.io-parser PACKET_TYPES_REVERSE, parser-v3 packetslist).
bool typeFromDigit(char16_t c, EngineIoPacket::Type *type)
{
    if (c < u'0' || c > u'6')
        return false;
    *type = static_cast<EngineIoPacket::Type>(c - u'0');
    return true;
}

// parser-v3 `packetslist[byte]` for a binary packet: a byte 0..6 names a type, anything else
// (or no byte at all) is `undefined`.
EngineIoPacket::Type typeFromByte(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return EngineIoPacket::Type::Unknown;
    const auto b = static_cast<unsigned char>(bytes.front());
    return b <= 6 ? static_cast<EngineIoPacket::Type>(b) : EngineIoPacket::Type::Unknown;
}

bool isWireType(EngineIoPacket::Type type)
{
    return type != EngineIoPacket::Type::Error && type != EngineIoPacket::Type::Unknown;
}

QString describeUnit(QChar c)
{
    if (c.unicode() >= 0x20 && c.unicode() < 0x7F)
        return QStringLiteral("'%1'").arg(c);
    return QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
}

// Both revisions: the first character must be a type digit, the rest is the data (engine.io-parser
// decodePacket.ts `PACKET_TYPES_REVERSE[type]`; parser-v3 `Number(type) != type ||
// !packetslist[type]`, which only '0'..'6' pass).
EngineIoPacket decodeTypedText(QStringView text)
{
    if (text.isEmpty())
        return EngineIoPacket::parserError(QStringLiteral("empty packet: no type character"));
    EngineIoPacket::Type type = EngineIoPacket::Type::Unknown;
    if (!typeFromDigit(text.front().unicode(), &type))
        return EngineIoPacket::parserError(
            QStringLiteral("unknown packet type %1 (expected 0-6 or b)")
                .arg(describeUnit(text.front())));
    if (text.size() > 1)
        return EngineIoPacket(type, text.mid(1).toString());
    return EngineIoPacket(type);
}

EngineIoPacket decodeTextV4(QStringView text)
{
    // "b" + base64 is a binary message (the type is not written)
    if (text.startsWith(u'b'))
        return EngineIoPacket(EngineIoPacket::Type::Message, nodejs::base64Decode(text.mid(1)));
    return decodeTypedText(text);
}

EngineIoPacket decodeTextV3(QStringView text)
{
    // parser-v3 decodeBase64Packet: "b" + type digit + base64; a digit naming no type (or none)
    // gives type undefined, not an error
    if (text.startsWith(u'b')) {
        EngineIoPacket::Type type = EngineIoPacket::Type::Unknown;
        if (text.size() > 1)
            typeFromDigit(text[1].unicode(), &type);
        return EngineIoPacket(
            type, nodejs::base64Decode(text.size() > 1 ? text.mid(2) : QStringView()));
    }
    return decodeTypedText(text);
}

} // namespace

QString EngineIoPacket::typeDigit(Type type)
{
    if (!isWireType(type))
        return QStringLiteral("undefined");
    return QString(QChar(u'0' + static_cast<int>(type)));
}

EngineIoRawData EngineIoPacket::encode(EngineIoProtocol protocol, bool supportsBinary) const
{
    if (m_dataKind == DataKind::Binary) {
        if (protocol == EngineIoProtocol::V4) {
            // engine.io-parser encodePacket.ts: binary data travels without its type
            if (supportsBinary)
                return EngineIoRawData::fromBinary(m_binary);
            return EngineIoRawData::fromText(QLatin1Char('b') + nodejs::base64Encode(m_binary));
        }
        // parser-v3 encodeBuffer / encodeBase64Packet: the type travels as a byte or a digit
        if (supportsBinary) {
            const char typeByte = isWireType(m_type) ? static_cast<char>(m_type) : '\0';
            return EngineIoRawData::fromBinary(typeByte + m_binary);
        }
        return EngineIoRawData::fromText(
            QLatin1Char('b') + typeDigit(m_type) + nodejs::base64Encode(m_binary));
    }
    // V4: PACKET_TYPES[type] + (data || ""); V3: packets[type] + String(data)
    return EngineIoRawData::fromText(typeDigit(m_type) + m_text);
}

EngineIoPacket EngineIoPacket::decode(EngineIoProtocol protocol, const EngineIoRawData &data)
{
    if (data.isBinary())
        return decode(protocol, QByteArrayView(data.bytes()));
    return decode(protocol, QStringView(data.text()));
}

EngineIoPacket EngineIoPacket::decode(EngineIoProtocol protocol, QStringView text)
{
    return protocol == EngineIoProtocol::V4 ? decodeTextV4(text) : decodeTextV3(text);
}

EngineIoPacket EngineIoPacket::decode(EngineIoProtocol protocol, QByteArrayView bytes)
{
    // V4: a binary frame is a message, all of it data. V3: the first byte is the type.
    if (protocol == EngineIoProtocol::V4)
        return EngineIoPacket(Type::Message, bytes.toByteArray());
    return EngineIoPacket(
        typeFromByte(bytes), bytes.isEmpty() ? QByteArray() : bytes.sliced(1).toByteArray());
}

bool operator==(const EngineIoPacket &a, const EngineIoPacket &b)
{
    return a.m_type == b.m_type && a.m_dataKind == b.m_dataKind && a.m_text == b.m_text
        && a.m_binary == b.m_binary;
}

// ---------------------------------------------------------------------------------------------
// JavaScript

namespace js {

bool isWhiteSpace(char16_t c)
{
    // ECMA-262 WhiteSpace (incl. every Zs character) and LineTerminator, as V8 classifies them
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

namespace {

bool isDecimalDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

int digitValue(QChar c, int radix)
{
    int v = -1;
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        v = u - u'0';
    else if (u >= u'a' && u <= u'z')
        v = u - u'a' + 10;
    else if (u >= u'A' && u <= u'Z')
        v = u - u'A' + 10;
    return v >= 0 && v < radix ? v : -1;
}

// A decimal digit sequence with an optional fraction and exponent, correctly rounded; overflow
// gives infinity and underflow zero, as in JavaScript.
double decimalToDouble(QStringView intDigits, QStringView fracDigits, qint64 exponent)
{
    QByteArray text;
    text.reserve(intDigits.size() + fracDigits.size() + 24);
    for (QChar c : intDigits)
        text.append(char(c.unicode()));
    if (text.isEmpty())
        text.append('0');
    text.append('.');
    for (QChar c : fracDigits)
        text.append(char(c.unicode()));
    text.append('0');
    text.append('e');
    text.append(QByteArray::number(exponent));
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text.constData(), text.constData() + text.size(), value);
    Q_UNUSED(ptr);
    if (ec == std::errc::result_out_of_range) {
        // Where does the first significant digit stand? At or above 10^0 means overflow.
        qsizetype first = 0;
        while (first < intDigits.size() && intDigits[first] == u'0')
            ++first;
        qint64 magnitude = 0;
        if (first < intDigits.size()) {
            magnitude = intDigits.size() - first - 1 + exponent;
        } else {
            qsizetype f = 0;
            while (f < fracDigits.size() && fracDigits[f] == u'0')
                ++f;
            magnitude = -f - 1 + exponent;
        }
        return magnitude >= 0 ? std::numeric_limits<double>::infinity() : 0.0;
    }
    if (ec != std::errc())
        return std::numeric_limits<double>::quiet_NaN();
    return value;
}

} // namespace

double stringToNumber(QStringView text)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isWhiteSpace(text[begin].unicode()))
        ++begin;
    while (end > begin && isWhiteSpace(text[end - 1].unicode()))
        --end;
    QStringView s = text.sliced(begin, end - begin);
    if (s.isEmpty())
        return 0;

    // NonDecimalIntegerLiteral: 0x / 0o / 0b, unsigned
    if (s.size() > 1 && s[0] == u'0') {
        int radix = 0;
        const char16_t p = s[1].unicode();
        if (p == u'x' || p == u'X')
            radix = 16;
        else if (p == u'o' || p == u'O')
            radix = 8;
        else if (p == u'b' || p == u'B')
            radix = 2;
        if (radix != 0) {
            if (s.size() == 2)
                return nan;
            double value = 0;
            for (qsizetype i = 2; i < s.size(); ++i) {
                const int d = digitValue(s[i], radix);
                if (d < 0)
                    return nan;
                value = value * radix + d;
            }
            return value;
        }
    }

    bool negative = false;
    if (s[0] == u'+' || s[0] == u'-') {
        negative = s[0] == u'-';
        s = s.mid(1);
    }
    if (s == u"Infinity")
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();

    qsizetype i = 0;
    const qsizetype intBegin = i;
    while (i < s.size() && isDecimalDigit(s[i]))
        ++i;
    const QStringView intDigits = s.sliced(intBegin, i - intBegin);
    QStringView fracDigits;
    if (i < s.size() && s[i] == u'.') {
        ++i;
        const qsizetype fracBegin = i;
        while (i < s.size() && isDecimalDigit(s[i]))
            ++i;
        fracDigits = s.sliced(fracBegin, i - fracBegin);
    }
    if (intDigits.isEmpty() && fracDigits.isEmpty())
        return nan;
    qint64 exponent = 0;
    if (i < s.size() && (s[i] == u'e' || s[i] == u'E')) {
        ++i;
        bool expNegative = false;
        if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
            expNegative = s[i] == u'-';
            ++i;
        }
        const qsizetype expBegin = i;
        while (i < s.size() && isDecimalDigit(s[i])) {
            // Saturate: beyond a million the result is 0 or infinity whatever the digits.
            if (exponent < 1'000'000'000)
                exponent = exponent * 10 + (s[i].unicode() - u'0');
            ++i;
        }
        if (i == expBegin)
            return nan;
        if (expNegative)
            exponent = -exponent;
    }
    if (i != s.size())
        return nan;
    const double value = decimalToDouble(intDigits, fracDigits, exponent);
    return negative ? -value : value;
}

QString numberToString(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return QString::fromLatin1(JsonWriter::formatNumber(value));
}

} // namespace js

// ---------------------------------------------------------------------------------------------
// Node.js

namespace nodejs {

namespace {

// The value of a base64 character (both alphabets, as Node's unbase64 table), or -1.
int base64Value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

} // namespace

QByteArray base64Decode(QStringView text)
{
    // Node's decoder works in groups of four valid characters: invalid ones are skipped, "="
    // ends the input, the 2nd, 3rd and 4th character of a group each complete one byte.
    QByteArray out;
    out.reserve(text.size() / 4 * 3 + 3);
    int inGroup = 0;
    unsigned previous = 0;
    for (QChar ch : text) {
        const auto c = static_cast<unsigned char>(ch.unicode() & 0xFF);
        const int v = base64Value(c);
        if (v < 0) {
            if (c == '=')
                break;
            continue;
        }
        const auto value = static_cast<unsigned>(v);
        switch (inGroup) {
        case 1:
            out.append(char(((previous & 0x3F) << 2) | ((value & 0x30) >> 4)));
            break;
        case 2:
            out.append(char(((previous & 0x0F) << 4) | ((value & 0x3C) >> 2)));
            break;
        case 3:
            out.append(char(((previous & 0x03) << 6) | (value & 0x3F)));
            break;
        default:
            break;
        }
        previous = value;
        inGroup = (inGroup + 1) % 4;
    }
    return out;
}

QString base64Encode(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toBase64());
}

} // namespace nodejs

} // namespace corslab
