// Server side of the WebSocket opening handshake as ws 8.21's WebSocketServer.handleUpgrade() runs
// it under engine.io: which upgrade requests it refuses and why, and the exact bytes of its 101 or
// refusal.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace corslab {

// Header fields of a request or response, in order: (name, value).
using WebSocketHeaderList = QList<std::pair<QByteArray, QByteArray>>;

// ws handleUpgrade()'s refusals, in the order it checks (the first failing check wins).
enum class WebSocketHandshakeError {
    None,
    InvalidMethod, // 405 "Invalid HTTP method": method is not GET
    InvalidUpgradeHeader, // 400 "Invalid Upgrade header": not "websocket" (ASCII case-insensitive)
    InvalidKey, // 400 "Missing or invalid Sec-WebSocket-Key header": not /^[+/0-9A-Za-z]{22}==$/
    InvalidVersion, // 400 "Missing or invalid Sec-WebSocket-Version header"
                    // (+Sec-WebSocket-Version: 13, 8)
    InvalidProtocolHeader, // 400 "Invalid Sec-WebSocket-Protocol header": not a list of distinct
                           // tokens
};

// What engine.io's ws server does NOT check, and so neither does this class: the path (no `path`
// option), Origin (no `verifyClient`), Sec-WebSocket-Extensions (perMessageDeflate is off, so the
// header is ignored, even when malformed, and never answered). It picks the first offered
// subprotocol (no `handleProtocols`). Whether a request is an upgrade at all is Node's HTTP
// parser's decision: isUpgradeRequest().
class WebSocketHandshake {
public:
    // `method` as on the request line (Node's parser only lets upper-case methods through).
    // `headers` as Node hands them to ws: values without leading/trailing spaces and tabs. Names
    // match case-insensitively; repeated fields are joined with ", " as Node's IncomingMessage does
    // for every header ws reads (so two Sec-WebSocket-Key fields make an invalid key).
    static WebSocketHandshake check(QByteArrayView method, const WebSocketHeaderList &headers);

    bool isValid() const { return m_error == WebSocketHandshakeError::None; }
    WebSocketHandshakeError error() const { return m_error; }
    // ws's message, which is also the refusal's body; empty when valid.
    QString errorString() const;
    // 101 when valid, else the refusal's status (405 or 400).
    int statusCode() const;

    QByteArray key() const { return m_key; }
    // The Sec-WebSocket-Accept value: base64(SHA-1(key + RFC 6455 GUID)); empty when not valid.
    QByteArray acceptValue() const;
    // Offered subprotocols in order, and the one ws answers with (the first; empty when none).
    QList<QByteArray> protocols() const { return m_protocols; }
    QByteArray protocol() const { return m_protocols.value(0); }

    // Valid: "HTTP/1.1 101 Switching Protocols", Upgrade, Connection, Sec-WebSocket-Accept, then
    // Sec-WebSocket-Protocol when one is picked, then `extraHeaders` as "name: value" in order
    // (what engine.io's 'headers' listener pushes: headers set by middlewares such as cors, then by
    // its own "initial_headers"/"headers" handlers), then an empty line. Not valid: the refusal
    // (abortResponse()); `extraHeaders` are not used, as in ws.
    QByteArray response(const WebSocketHeaderList &extraHeaders = {}) const;

    static QByteArray acceptValueFor(QByteArrayView key);

    // ws abortHandshake(): "HTTP/1.1 <status> <reason>", Connection: close, Content-Type:
    // text/html, Content-Length, then `headers` (a header with exactly the same name replaces the
    // value in place, like a JavaScript object spread), empty line, `message` (default: the reason
    // phrase). Reason phrases are Node's for 400, 401, 403, 405, 426, 500 and 503; other codes get
    // none. ws also answers 503 this way when the server is closing (completeUpgrade()).
    static QByteArray abortResponse(
        int statusCode, const QByteArray &message = {}, const WebSocketHeaderList &headers = {});

    // Node's HTTP parser (llhttp) treats a request as an upgrade (server 'upgrade' event, so
    // engine.io handleUpgrade) when an Upgrade field has a non-empty value and a Connection field
    // has the token "upgrade" (comma-separated, ASCII case-insensitive). Otherwise it is a plain
    // request. CONNECT is also an upgrade for llhttp but goes to Node's 'connect' event; not
    // covered here.
    static bool isUpgradeRequest(const WebSocketHeaderList &headers);

    // The value Node gives for `name`: repeated fields joined with ", "; nullopt when absent.
    static std::optional<QByteArray> headerValue(
        const WebSocketHeaderList &headers, QByteArrayView name);

private:
    WebSocketHandshakeError m_error = WebSocketHandshakeError::None;
    QByteArray m_key;
    QList<QByteArray> m_protocols;
};

} // namespace corslab
