// Engine.IO polling payloads: EIO=4 (engine.io-parser 5.2.3) and EIO=3 (engine.io 6.6.12
// build/parser-v3) encoders and decoders.
#include "engineiopayload.h"

#include <cmath>
#include <limits>

namespace corslab {

namespace {

EngineIoPacket errorAt(const QString &where, const EngineIoPacket &error)
{
    return EngineIoPacket::parserError(where + QStringLiteral(": ") + error.errorString());
}

QString quoted(QStringView text)
{
    constexpr qsizetype shown = 24;
    QString s = text.left(shown).toString();
    for (QChar &c : s) {
        if (c.unicode() < 0x20)
            c = QChar(u'?');
    }
    return QLatin1Char('"') + s
        + (text.size() > shown ? QStringLiteral("...\"") : QStringLiteral("\""));
}

// Node's Buffer.prototype.slice(start, end) bounds for non-negative or NaN arguments.
QByteArrayView sliceBytes(QByteArrayView bytes, double start, double end)
{
    const auto clamp = [&](double v) -> qsizetype {
        if (std::isnan(v) || v <= 0)
            return 0;
        return v >= double(bytes.size()) ? bytes.size() : qsizetype(v);
    };
    const qsizetype s = clamp(start);
    const qsizetype e = clamp(end);
    return e > s ? bytes.sliced(s, e - s) : QByteArrayView();
}

// parseInt(text, 10) for a string of decimal digits possibly followed by "undefined" (what
// decodePayloadAsBinary builds). Values too large to matter saturate.
double parseIntDecimal(QByteArrayView text)
{
    qsizetype digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    if (digits == 0)
        return std::numeric_limits<double>::quiet_NaN();
    qsizetype first = 0;
    while (first < digits - 1 && text[first] == '0')
        ++first;
    if (digits - first > 15)
        return std::numeric_limits<double>::infinity();
    double value = 0;
    for (qsizetype i = first; i < digits; ++i)
        value = value * 10 + (text[i] - '0');
    return value;
}

// parser-v3 decodePacket(data, binaryType, utf8decode = true) for a string packet of a binary
// payload: the bytes are a Latin-1 "binary string" that utf8.js decodes, except b64 packets.
EngineIoPacket decodeBinaryPayloadString(QByteArrayView bytes)
{
    const QString latin1 = QString::fromLatin1(bytes);
    if (latin1.startsWith(u'b'))
        return EngineIoPacket::decode(EngineIoProtocol::V3, QStringView(latin1));
    const std::optional<QString> decoded = nodejs::utf8Decode(bytes);
    if (!decoded)
        return EngineIoPacket::parserError(QStringLiteral("invalid UTF-8"));
    return EngineIoPacket::decode(EngineIoProtocol::V3, QStringView(*decoded));
}

bool hasBinary(const std::vector<EngineIoPacket> &packets)
{
    for (const EngineIoPacket &p : packets) {
        if (p.isBinary())
            return true;
    }
    return false;
}

// parser-v3 encodePayloadAsBinary: per packet <0 = string | 1 = binary><decimal digits of the
// length, one byte each><255><bytes>; strings are UTF-8 encoded first.
QByteArray encodeBinaryPayload(const std::vector<EngineIoPacket> &packets)
{
    QByteArray out;
    for (const EngineIoPacket &p : packets) {
        QByteArray body;
        char flag = 0;
        if (p.isBinary()) {
            flag = 1;
            body = p.encode(EngineIoProtocol::V3, true).bytes();
        } else {
            body = EngineIoPacket::typeDigit(p.type()).toLatin1()
                + nodejs::utf8Encode(QStringView(p.text()));
        }
        out.append(flag);
        for (char digit : QByteArray::number(body.size()))
            out.append(char(digit - '0'));
        out.append(char(0xFF));
        out.append(body);
    }
    return out;
}

} // namespace

EngineIoRawData EngineIoPayload::encode(
    EngineIoProtocol protocol, const std::vector<EngineIoPacket> &packets, bool supportsBinary)
{
    if (protocol == EngineIoProtocol::V4)
        return EngineIoRawData::fromText(encodeV4(packets));
    return encodeV3(packets, supportsBinary);
}

QString EngineIoPayload::encodeV4(const std::vector<EngineIoPacket> &packets)
{
    QString out;
    for (std::size_t i = 0; i < packets.size(); ++i) {
        if (i > 0)
            out.append(QChar(Separator));
        // encodePayload forces base64 for binary packets (supportsBinary = false)
        out.append(packets[i].encode(EngineIoProtocol::V4, false).text());
    }
    return out;
}

EngineIoRawData EngineIoPayload::encodeV3(
    const std::vector<EngineIoPacket> &packets, bool supportsBinary)
{
    if (supportsBinary && hasBinary(packets))
        return EngineIoRawData::fromBinary(encodeBinaryPayload(packets));
    if (packets.empty())
        return EngineIoRawData::fromText(QStringLiteral("0:"));
    QString out;
    for (const EngineIoPacket &p : packets) {
        const QString message = p.encode(EngineIoProtocol::V3, supportsBinary).text();
        out.append(QString::number(message.size()) + QLatin1Char(':') + message);
    }
    return EngineIoRawData::fromText(out);
}

std::vector<EngineIoPacket> EngineIoPayload::decode(
    EngineIoProtocol protocol, const EngineIoRawData &body)
{
    if (protocol == EngineIoProtocol::V4) {
        if (body.isBinary())
            return {EngineIoPacket::parserError(
                QStringLiteral("EIO=4 payloads are text; engine.io refuses an "
                               "application/octet-stream body with 400 \"invalid content\""))};
        return decodeV4(body.text());
    }
    if (body.isBinary())
        return decodeV3(QByteArrayView(body.bytes()));
    return decodeV3(QStringView(body.text()));
}

std::vector<EngineIoPacket> EngineIoPayload::decodeV4(QStringView text)
{
    // engine.io-parser decodePayload: split on the separator, stop after the first error
    std::vector<EngineIoPacket> packets;
    qsizetype start = 0;
    int index = 0;
    while (true) {
        qsizetype end = text.indexOf(QChar(Separator), start);
        if (end < 0)
            end = text.size();
        EngineIoPacket packet
            = EngineIoPacket::decode(EngineIoProtocol::V4, text.sliced(start, end - start));
        if (packet.isError()) {
            packets.push_back(
                errorAt(QStringLiteral("packet %1 at offset %2").arg(index).arg(start), packet));
            break;
        }
        packets.push_back(std::move(packet));
        if (end == text.size())
            break;
        start = end + 1;
        ++index;
    }
    return packets;
}

std::vector<EngineIoPacket> EngineIoPayload::decodeV3(QStringView text)
{
    // parser-v3 decodePayload (string): "<length>:<packet>" repeated
    std::vector<EngineIoPacket> packets;
    if (text.isEmpty()) {
        packets.push_back(EngineIoPacket::parserError(QStringLiteral("empty payload")));
        return packets;
    }
    const qsizetype size = text.size();
    qsizetype lengthStart = 0;
    for (qsizetype i = 0; i < size; ++i) {
        if (text[i] != u':')
            continue;
        const QStringView lengthText = text.sliced(lengthStart, i - lengthStart);
        // `length === '' || length != Number(length)`: only NaN fails the loose comparison
        const double n = lengthText.isEmpty() ? std::numeric_limits<double>::quiet_NaN()
                                              : js::stringToNumber(lengthText);
        if (std::isnan(n)) {
            packets.push_back(
                EngineIoPacket::parserError(QStringLiteral("length %1 at offset %2 is not a number")
                                                .arg(quoted(lengthText))
                                                .arg(lengthStart)));
            return packets;
        }
        // msg = data.slice(i + 1, i + 1 + n) must be n characters long
        const qsizetype available = size - (i + 1);
        if (!(n >= 0 && std::floor(n) == n && n <= double(available))) {
            const QString why = n >= 0 && std::floor(n) == n
                ? QStringLiteral("only %1 characters follow").arg(available)
                : QStringLiteral("it is not a whole number of characters");
            packets.push_back(EngineIoPacket::parserError(
                QStringLiteral("length %1 at offset %2 announces %3 characters but %4")
                    .arg(quoted(lengthText))
                    .arg(lengthStart)
                    .arg(js::numberToString(n), why)));
            return packets;
        }
        const auto length = qsizetype(n);
        if (length > 0) {
            EngineIoPacket packet
                = EngineIoPacket::decode(EngineIoProtocol::V3, text.sliced(i + 1, length));
            if (packet.isError()) {
                packets.push_back(
                    errorAt(QStringLiteral("packet at offset %1").arg(i + 1), packet));
                return packets;
            }
            packets.push_back(std::move(packet));
        }
        i += length;
        lengthStart = i + 1;
    }
    if (lengthStart < size)
        packets.push_back(
            EngineIoPacket::parserError(QStringLiteral("%1 at offset %2 is not followed by ':'")
                                            .arg(quoted(text.sliced(lengthStart)))
                                            .arg(lengthStart)));
    return packets;
}

std::vector<EngineIoPacket> EngineIoPayload::decodeV3(QByteArrayView bytes)
{
    // parser-v3 decodePayloadAsBinary: split into raw packets first (any framing error yields
    // only the error), then decode them all.
    struct RawPacket {
        bool isString;
        QByteArrayView bytes;
    };
    std::vector<RawPacket> raw;
    QByteArrayView tail = bytes;
    while (!tail.isEmpty()) {
        const bool isString = tail[0] == 0;
        // The length digits are bytes; JS concatenates their decimal values (and "undefined"
        // past the end) until a 255 byte, giving up beyond 310 characters.
        QByteArray lengthText;
        for (qsizetype i = 1;; ++i) {
            if (i < tail.size() && static_cast<unsigned char>(tail[i]) == 0xFF)
                break;
            if (lengthText.size() > 310)
                return {EngineIoPacket::parserError(
                    QStringLiteral("packet %1 at byte %2: no 255 byte ends its length")
                        .arg(raw.size())
                        .arg(bytes.size() - tail.size()))};
            if (i < tail.size())
                lengthText.append(QByteArray::number(static_cast<unsigned char>(tail[i])));
            else
                lengthText.append("undefined");
        }
        // JS skips as many bytes as the *text* has characters, then one for the flag byte.
        tail = sliceBytes(tail, double(lengthText.size()) + 1, double(tail.size()));
        const double length = parseIntDecimal(lengthText);
        raw.push_back(RawPacket {isString, sliceBytes(tail, 1, length + 1)});
        if (!std::isnan(length))
            tail = sliceBytes(tail, length + 1, double(tail.size()));
    }
    std::vector<EngineIoPacket> packets;
    packets.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        EngineIoPacket packet = raw[i].isString
            ? decodeBinaryPayloadString(raw[i].bytes)
            : EngineIoPacket::decode(EngineIoProtocol::V3, raw[i].bytes);
        if (packet.isError())
            packet = errorAt(QStringLiteral("packet %1").arg(i), packet);
        packets.push_back(std::move(packet));
    }
    return packets;
}

// ---------------------------------------------------------------------------------------------
// utf8.js

namespace nodejs {

QByteArray utf8Encode(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() * 3);
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t cp = text[i].unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text[i].unicode(), text[i + 1].unicode());
            ++i;
        } else if (QChar::isSurrogate(cp)) {
            cp = 0xFFFD; // {strict: false}
        }
        if (cp < 0x80) {
            out.append(char(cp));
        } else if (cp < 0x800) {
            out.append(char(0xC0 | (cp >> 6)));
            out.append(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.append(char(0xE0 | (cp >> 12)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
            out.append(char(0x80 | (cp & 0x3F)));
        } else {
            out.append(char(0xF0 | (cp >> 18)));
            out.append(char(0x80 | ((cp >> 12) & 0x3F)));
            out.append(char(0x80 | ((cp >> 6) & 0x3F)));
            out.append(char(0x80 | (cp & 0x3F)));
        }
    }
    return out;
}

std::optional<QString> utf8Decode(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    qsizetype i = 0;
    const auto continuation = [&](char32_t *cp) {
        if (i >= bytes.size())
            return false;
        const auto c = static_cast<unsigned char>(bytes[i++]);
        if ((c & 0xC0) != 0x80)
            return false;
        *cp = (*cp << 6) | (c & 0x3F);
        return true;
    };
    while (i < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[i++]);
        char32_t cp = 0;
        if (lead < 0x80) {
            out.append(QChar(char16_t(lead)));
            continue;
        }
        if ((lead & 0xE0) == 0xC0) {
            cp = lead & 0x1F;
            if (!continuation(&cp) || cp < 0x80)
                return std::nullopt;
        } else if ((lead & 0xF0) == 0xE0) {
            cp = lead & 0x0F;
            if (!continuation(&cp) || !continuation(&cp) || cp < 0x800)
                return std::nullopt;
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD;
        } else if ((lead & 0xF8) == 0xF0) {
            cp = lead & 0x07;
            if (!continuation(&cp) || !continuation(&cp) || !continuation(&cp) || cp < 0x10000
                || cp > 0x10FFFF)
                return std::nullopt;
        } else {
            return std::nullopt;
        }
        out.append(QString::fromUcs4(&cp, 1));
    }
    return out;
}

} // namespace nodejs

} // namespace corslab
