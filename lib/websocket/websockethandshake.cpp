// ws 8.21 WebSocketServer.handleUpgrade()/completeUpgrade()/abortHandshake() and
// lib/subprotocol.js, on plain values.
#include "websocket/websockethandshake.h"

#include <QCryptographicHash>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace corslab {

namespace {

// RFC 6455 §1.3.
constexpr char webSocketGuid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

bool equalsAsciiCaseInsensitive(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

bool isBase64Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
        || c == '/';
}

// ws keyRegex /^[+/0-9A-Za-z]{22}==$/: the shape of 16 bytes in base64, padding bits unchecked.
bool isValidKey(QByteArrayView key)
{
    if (key.size() != 24 || key[22] != '=' || key[23] != '=')
        return false;
    for (qsizetype i = 0; i < 22; ++i) {
        if (!isBase64Char(key[i]))
            return false;
    }
    return true;
}

// ECMAScript StrWhiteSpaceChar among the Latin-1 characters Node decodes header values into.
bool isJsWhiteSpace(char c)
{
    const auto u = quint8(c);
    return u == 0x09 || u == 0x0A || u == 0x0B || u == 0x0C || u == 0x0D || u == 0x20 || u == 0xA0;
}

double nan()
{
    return std::numeric_limits<double>::quiet_NaN();
}

bool isDigits(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// 0x / 0o / 0b literals (no sign allowed in JavaScript).
double radixValue(QByteArrayView digits, int radix)
{
    if (digits.isEmpty())
        return nan();
    double value = 0;
    for (const char c : digits) {
        int d = -1;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        if (d < 0 || d >= radix)
            return nan();
        value = value * radix + d;
    }
    return value;
}

// ECMAScript StringToNumber (what `+req.headers['sec-websocket-version']` computes): whitespace
// trimmed, "" -> 0, 0x/0o/0b literals, decimal with optional sign, fraction and exponent, Infinity;
// anything else (including "_" separators) -> NaN.
double jsStringToNumber(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isJsWhiteSpace(text[begin]))
        ++begin;
    while (end > begin && isJsWhiteSpace(text[end - 1]))
        --end;
    QByteArrayView s = text.sliced(begin, end - begin);
    if (s.isEmpty())
        return 0;

    if (s.size() > 2 && s[0] == '0') {
        const char prefix = s[1];
        if (prefix == 'x' || prefix == 'X')
            return radixValue(s.sliced(2), 16);
        if (prefix == 'o' || prefix == 'O')
            return radixValue(s.sliced(2), 8);
        if (prefix == 'b' || prefix == 'B')
            return radixValue(s.sliced(2), 2);
    }

    bool negative = false;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        s = s.sliced(1);
    }
    if (s == QByteArrayView("Infinity"))
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();

    // StrUnsignedDecimalLiteral: digits [. [digits]] [exp] | . digits [exp].
    qsizetype exponentAt = s.size();
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == 'e' || s[i] == 'E') {
            exponentAt = i;
            break;
        }
    }
    const QByteArrayView mantissa = s.first(exponentAt);
    const qsizetype dot = mantissa.indexOf('.');
    const QByteArrayView intPart = dot < 0 ? mantissa : mantissa.first(dot);
    const QByteArrayView fracPart = dot < 0 ? QByteArrayView() : mantissa.sliced(dot + 1);
    if (!(isDigits(intPart) || intPart.isEmpty()) || !(isDigits(fracPart) || fracPart.isEmpty())
        || (intPart.isEmpty() && fracPart.isEmpty()))
        return nan();
    if (exponentAt < s.size()) {
        QByteArrayView exponent = s.sliced(exponentAt + 1);
        if (!exponent.isEmpty() && (exponent[0] == '+' || exponent[0] == '-'))
            exponent = exponent.sliced(1);
        if (!isDigits(exponent))
            return nan();
    }

    // std::from_chars is correctly rounded, like JavaScript, and ignores the C locale.
    double value = 0;
    const auto result = std::from_chars(s.data(), s.data() + s.size(), value);
    if (result.ec == std::errc::result_out_of_range) {
        // Overflow -> Infinity, underflow -> 0: neither is 8 or 13.
        return std::numeric_limits<double>::infinity();
    }
    if (result.ec != std::errc() || result.ptr != s.data() + s.size())
        return nan();
    return negative ? -value : value;
}

// ws lib/validation.js tokenChars: RFC 7230 tchar.
bool isTokenChar(quint8 c)
{
    if (c <= 32 || c >= 127)
        return false;
    switch (c) {
    case '"':
    case '(':
    case ')':
    case ',':
    case '/':
    case ':':
    case ';':
    case '<':
    case '=':
    case '>':
    case '?':
    case '@':
    case '[':
    case '\\':
    case ']':
    case '{':
    case '}':
        return false;
    default:
        return true;
    }
}

// ws lib/subprotocol.js parse(): comma-separated tokens, whitespace only after a token or a comma
// (never at index 0), no empty element, no duplicate. nullopt where ws throws SyntaxError.
std::optional<QList<QByteArray>> parseSubprotocols(QByteArrayView header)
{
    QList<QByteArray> protocols;
    qsizetype start = -1;
    qsizetype end = -1;
    qsizetype i = 0;
    const auto add = [&](QByteArrayView protocol) {
        const QByteArray value = protocol.toByteArray();
        if (protocols.contains(value))
            return false;
        protocols.append(value);
        return true;
    };
    for (; i < header.size(); ++i) {
        const auto code = quint8(header[i]);
        if (end == -1 && isTokenChar(code)) {
            if (start == -1)
                start = i;
        } else if (i != 0 && (code == 0x20 || code == 0x09)) {
            if (end == -1 && start != -1)
                end = i;
        } else if (code == 0x2C) {
            if (start == -1)
                return std::nullopt;
            if (end == -1)
                end = i;
            if (!add(header.sliced(start, end - start)))
                return std::nullopt;
            start = end = -1;
        } else {
            return std::nullopt;
        }
    }
    if (start == -1 || end != -1)
        return std::nullopt;
    if (!add(header.sliced(start, i - start)))
        return std::nullopt;
    return protocols;
}

// Node's http.STATUS_CODES for the statuses ws and engine.io answer upgrades with.
QByteArray reasonPhrase(int statusCode)
{
    switch (statusCode) {
    case 101:
        return QByteArrayLiteral("Switching Protocols");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 426:
        return QByteArrayLiteral("Upgrade Required");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return {};
    }
}

void appendHeader(QByteArray &out, QByteArrayView name, QByteArrayView value)
{
    out.append(name);
    out.append(": ");
    out.append(value);
    out.append("\r\n");
}

} // namespace

std::optional<QByteArray> WebSocketHandshake::headerValue(
    const WebSocketHeaderList &headers, QByteArrayView name)
{
    std::optional<QByteArray> value;
    for (const auto &[fieldName, fieldValue] : headers) {
        if (!equalsAsciiCaseInsensitive(fieldName, name))
            continue;
        if (value)
            value->append(", ").append(fieldValue);
        else
            value = fieldValue;
    }
    return value;
}

WebSocketHandshake WebSocketHandshake::check(
    QByteArrayView method, const WebSocketHeaderList &headers)
{
    WebSocketHandshake handshake;
    const auto fail = [&](WebSocketHandshakeError error) {
        handshake.m_error = error;
        handshake.m_key.clear();
        handshake.m_protocols.clear();
        return handshake;
    };

    if (method != QByteArrayView("GET"))
        return fail(WebSocketHandshakeError::InvalidMethod);

    // ws: `upgrade.toLowerCase() !== 'websocket'`; no Latin-1 letter lower-cases into ASCII.
    const std::optional<QByteArray> upgrade = headerValue(headers, "upgrade");
    if (!upgrade || !equalsAsciiCaseInsensitive(*upgrade, "websocket"))
        return fail(WebSocketHandshakeError::InvalidUpgradeHeader);

    const std::optional<QByteArray> key = headerValue(headers, "sec-websocket-key");
    if (!key || !isValidKey(*key))
        return fail(WebSocketHandshakeError::InvalidKey);
    handshake.m_key = *key;

    // ws: `+req.headers['sec-websocket-version']`, then 13 or 8 (RFC 6455 §4.4 and hybi-08).
    const std::optional<QByteArray> version = headerValue(headers, "sec-websocket-version");
    const double versionNumber = version ? jsStringToNumber(*version) : nan();
    if (versionNumber != 13 && versionNumber != 8)
        return fail(WebSocketHandshakeError::InvalidVersion);

    if (const std::optional<QByteArray> protocol = headerValue(headers, "sec-websocket-protocol")) {
        std::optional<QList<QByteArray>> protocols = parseSubprotocols(*protocol);
        if (!protocols)
            return fail(WebSocketHandshakeError::InvalidProtocolHeader);
        handshake.m_protocols = *protocols;
    }
    return handshake;
}

QString WebSocketHandshake::errorString() const
{
    switch (m_error) {
    case WebSocketHandshakeError::None:
        return {};
    case WebSocketHandshakeError::InvalidMethod:
        return QStringLiteral("Invalid HTTP method");
    case WebSocketHandshakeError::InvalidUpgradeHeader:
        return QStringLiteral("Invalid Upgrade header");
    case WebSocketHandshakeError::InvalidKey:
        return QStringLiteral("Missing or invalid Sec-WebSocket-Key header");
    case WebSocketHandshakeError::InvalidVersion:
        return QStringLiteral("Missing or invalid Sec-WebSocket-Version header");
    case WebSocketHandshakeError::InvalidProtocolHeader:
        return QStringLiteral("Invalid Sec-WebSocket-Protocol header");
    }
    return {};
}

int WebSocketHandshake::statusCode() const
{
    switch (m_error) {
    case WebSocketHandshakeError::None:
        return 101;
    case WebSocketHandshakeError::InvalidMethod:
        return 405;
    default:
        return 400;
    }
}

QByteArray WebSocketHandshake::acceptValue() const
{
    return isValid() ? acceptValueFor(m_key) : QByteArray();
}

QByteArray WebSocketHandshake::acceptValueFor(QByteArrayView key)
{
    QByteArray input = key.toByteArray();
    input.append(webSocketGuid);
    return QCryptographicHash::hash(input, QCryptographicHash::Sha1).toBase64();
}

QByteArray WebSocketHandshake::response(const WebSocketHeaderList &extraHeaders) const
{
    if (!isValid()) {
        WebSocketHeaderList headers;
        if (m_error == WebSocketHandshakeError::InvalidVersion)
            headers.append(
                {QByteArrayLiteral("Sec-WebSocket-Version"), QByteArrayLiteral("13, 8")});
        return abortResponse(statusCode(), errorString().toUtf8(), headers);
    }

    // ws completeUpgrade(): its own four lines, the subprotocol, then whatever 'headers' listeners
    // pushed; lines joined with CRLF plus a final empty line.
    QByteArray out = QByteArrayLiteral("HTTP/1.1 101 Switching Protocols\r\n"
                                       "Upgrade: websocket\r\n"
                                       "Connection: Upgrade\r\n");
    appendHeader(out, "Sec-WebSocket-Accept", acceptValue());
    if (!m_protocols.isEmpty())
        appendHeader(out, "Sec-WebSocket-Protocol", m_protocols.first());
    for (const auto &[name, value] : extraHeaders)
        appendHeader(out, name, value);
    out.append("\r\n");
    return out;
}

QByteArray WebSocketHandshake::abortResponse(
    int statusCode, const QByteArray &message, const WebSocketHeaderList &headers)
{
    const QByteArray reason = reasonPhrase(statusCode);
    const QByteArray body = message.isEmpty() ? reason : message;

    WebSocketHeaderList fields {
        {QByteArrayLiteral("Connection"), QByteArrayLiteral("close")},
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html")},
        {QByteArrayLiteral("Content-Length"), QByteArray::number(body.size())},
    };
    for (const auto &header : headers) {
        auto existing = std::find_if(fields.begin(), fields.end(),
            [&](const auto &field) { return field.first == header.first; });
        if (existing != fields.end())
            existing->second = header.second;
        else
            fields.append(header);
    }

    QByteArray out = "HTTP/1.1 " + QByteArray::number(statusCode) + ' ' + reason + "\r\n";
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out.append("\r\n");
        out.append(fields[i].first).append(": ").append(fields[i].second);
    }
    out.append("\r\n\r\n");
    out.append(body);
    return out;
}

bool WebSocketHandshake::isUpgradeRequest(const WebSocketHeaderList &headers)
{
    bool hasUpgrade = false;
    bool connectionUpgrade = false;
    for (const auto &[name, value] : headers) {
        if (equalsAsciiCaseInsensitive(name, "upgrade") && !value.isEmpty())
            hasUpgrade = true;
        if (!equalsAsciiCaseInsensitive(name, "connection"))
            continue;
        for (const QByteArray &token : value.split(',')) {
            if (equalsAsciiCaseInsensitive(token.trimmed(), "upgrade"))
                connectionUpgrade = true;
        }
    }
    return hasUpgrade && connectionUpgrade;
}

} // namespace corslab
