// One Engine.IO packet and its encoding for EIO=4 (engine.io-parser 5.2.3) and EIO=3 (engine.io
// 6.6.12 build/parser-v3), plus the JavaScript/Node conversions those parsers lean on.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace corslab {

// The Engine.IO protocol revision of a session: the query's EIO=4 selects V4, anything else V3
// (engine.io transport.ts: `req._query.EIO === "4" ? 4 : 3`).
enum class EngineIoProtocol { V3 = 3, V4 = 4 };

// What travels for one packet or one payload: text (a JS string; a WebSocket text message or a
// text/plain polling body) or bytes (a Buffer; a WebSocket binary message or an
// application/octet-stream polling body). engine.io-parser calls this RawData.
class EngineIoRawData {
public:
    EngineIoRawData() = default;
    static EngineIoRawData fromText(const QString &text);
    static EngineIoRawData fromBinary(const QByteArray &bytes);

    bool isBinary() const { return m_binary; }
    const QString &text() const { return m_text; }
    const QByteArray &bytes() const { return m_bytes; }

    friend bool operator==(const EngineIoRawData &, const EngineIoRawData &) = default;

private:
    bool m_binary = false;
    QString m_text;
    QByteArray m_bytes;
};

class EngineIoPacket {
public:
    // Open..Noop are the protocol's types 0..6. Error is the parsers' ERROR_PACKET
    // ({type: "error", data: "parser error"}); decoders return it, the session closes with
    // "parse error". Unknown is parser-v3's `type: undefined`: a binary packet (b<digit><base64>
    // or a binary frame) whose type digit/byte names no type; the engine.io socket ignores it.
    enum class Type { Open, Close, Ping, Pong, Message, Upgrade, Noop, Error, Unknown };

    // Whether `data` is present (JS: data !== undefined) and which kind it is.
    enum class DataKind { None, Text, Binary };

    EngineIoPacket() = default; // a message without data
    explicit EngineIoPacket(Type type);
    EngineIoPacket(Type type, const QString &text);
    EngineIoPacket(Type type, const QByteArray &binary);
    // engine.io-parser's ERROR_PACKET, with the reason a decoder produced it.
    static EngineIoPacket parserError(const QString &reason);

    Type type() const { return m_type; }
    DataKind dataKind() const { return m_dataKind; }
    bool hasData() const { return m_dataKind != DataKind::None; }
    bool isBinary() const { return m_dataKind == DataKind::Binary; }
    bool isError() const { return m_type == Type::Error; }
    const QString &text() const { return m_text; }
    const QByteArray &binary() const { return m_binary; }
    // Why a decoder returned this Error packet, naming the place. Not part of the wire form and
    // ignored by operator==.
    const QString &errorString() const { return m_errorString; }

    // "open", ..., "noop", "error", "undefined": the `type` string the JS parsers produce.
    static QString typeName(Type type);
    // '0'..'6'; for Error and Unknown "undefined", which is what the JS encoders concatenate.
    static QString typeDigit(Type type);

    // engine.io-parser encodePacket (V4): text = digit + data; binary data = the raw bytes when
    // supportsBinary (WebSocket without b64=1), else "b" + base64 (the type is not written).
    // parser-v3 encodePacket (V3): text = digit + data; binary = type byte + bytes when
    // supportsBinary, else "b" + digit + base64.
    EngineIoRawData encode(EngineIoProtocol protocol, bool supportsBinary) const;

    // engine.io-parser decodePacket (V4) / parser-v3 decodePacket without utf8decode (V3), as
    // the WebSocket transport calls them for each message. Never fails: bad input gives Error.
    static EngineIoPacket decode(EngineIoProtocol protocol, const EngineIoRawData &data);
    static EngineIoPacket decode(EngineIoProtocol protocol, QStringView text);
    static EngineIoPacket decode(EngineIoProtocol protocol, QByteArrayView bytes);

    // Type, kind of data and data; errorString() is not compared.
    friend bool operator==(const EngineIoPacket &a, const EngineIoPacket &b);

private:
    Type m_type = Type::Message;
    DataKind m_dataKind = DataKind::None;
    QString m_text;
    QByteArray m_binary;
    QString m_errorString;
};

// JavaScript semantics the parsers rely on (ECMA-262 as V8 implements it in Node 20).
namespace js {

// StrWhiteSpaceChar: what Number() trims and what `Number(c) == c` accepts besides digits.
bool isWhiteSpace(char16_t c);
// Number(string) (ECMA-262 StringToNumber): trims white space, "" -> 0, "Infinity", decimal
// literals with exponent, 0x/0o/0b integers; anything else NaN. Digits beyond 2^53 in 0x/0o/0b
// literals are approximated (never matters for the integers the parsers check).
double stringToNumber(QStringView text);
// String(number): "NaN", "Infinity", "-Infinity", "0" for -0, else Number::toString.
QString numberToString(double value);

} // namespace js

// Node.js Buffer conversions.
namespace nodejs {

// Buffer.from(string, "base64") in Node 20: standard and URL-safe alphabets, characters outside
// them skipped, decoding stops at "=", a trailing single character dropped; each UTF-16 code
// unit is looked at through its low byte only (Node's two-byte string path).
QByteArray base64Decode(QStringView text);
// buffer.toString("base64"): standard alphabet with padding.
QString base64Encode(QByteArrayView bytes);

} // namespace nodejs

} // namespace corslab
