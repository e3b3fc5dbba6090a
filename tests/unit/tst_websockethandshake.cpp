// WebSocketHandshake against the responses of the real ws 8.21 server (and engine.io 6.6.12 with
// cors for the extra headers), captured from node with raw sockets.
#include "websocket/websockethandshake.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

// "Name: value" lines separated by '\n'; values lose leading/trailing spaces and tabs as Node's
// parser does.
WebSocketHeaderList parseHeaders(const QByteArray &block)
{
    WebSocketHeaderList headers;
    for (const QByteArray &line : block.split('\n')) {
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        QByteArray value = line.mid(colon + 1);
        while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove(0, 1);
        while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\t'))
            value.chop(1);
        headers.append({line.left(colon), value});
    }
    return headers;
}

const QByteArray standardHeaders = "Host: x\n"
                                   "Connection: Upgrade\n"
                                   "Upgrade: websocket\n"
                                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\n"
                                   "Sec-WebSocket-Version: 13\n";

// `standardHeaders` with fields replaced ("Name: value"; the first change of a name drops the
// standard field, later ones add more), removed ("Name" alone) or added.
QByteArray with(std::initializer_list<const char *> changes)
{
    WebSocketHeaderList headers = parseHeaders(standardHeaders);
    QList<QByteArray> replaced;
    for (const char *change : changes) {
        const QByteArray line(change);
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = (colon < 0 ? line : line.left(colon)).toLower();
        if (!replaced.contains(name)) {
            headers.removeIf([&](const auto &header) { return header.first.toLower() == name; });
            replaced.append(name);
        }
        if (colon >= 0)
            headers.append(parseHeaders(line).first());
    }
    QByteArray block;
    for (const auto &[name, value] : headers)
        block += name + ": " + value + '\n';
    return block;
}

const QByteArray switching = "HTTP/1.1 101 Switching Protocols\r\n"
                             "Upgrade: websocket\r\n"
                             "Connection: Upgrade\r\n"
                             "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";

QByteArray refusal(const char *statusLine, const char *message, const char *extra = "")
{
    return QByteArray("HTTP/1.1 ") + statusLine
        + "\r\nConnection: close\r\nContent-Type: text/html\r\n" + "Content-Length: "
        + QByteArray::number(qstrlen(message)) + "\r\n" + extra + "\r\n" + message;
}

const QByteArray badMethod = refusal("405 Method Not Allowed", "Invalid HTTP method");
const QByteArray badUpgrade = refusal("400 Bad Request", "Invalid Upgrade header");
const QByteArray badKey = refusal("400 Bad Request", "Missing or invalid Sec-WebSocket-Key header");
const QByteArray badVersion = refusal("400 Bad Request",
    "Missing or invalid Sec-WebSocket-Version header", "Sec-WebSocket-Version: 13, 8\r\n");
const QByteArray badProtocol = refusal("400 Bad Request", "Invalid Sec-WebSocket-Protocol header");

} // namespace

class TestWebSocketHandshake : public QObject {
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void extraHeaders_data();
    void extraHeaders();
    void isUpgradeRequest_data();
    void isUpgradeRequest();
    void abortResponse_data();
    void abortResponse();
    void acceptValue();
};

// Each row: a request as sent to ws (node 20, ws 8.21.3, no 'wsClientError' listener) and the exact
// bytes ws wrote back.
void TestWebSocketHandshake::check_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<WebSocketHandshakeError>("error");
    QTest::addColumn<QByteArray>("response");

    using Error = WebSocketHandshakeError;
    const QByteArray get = "GET";

    QTest::newRow("valid") << get << standardHeaders << Error::None << switching;
    QTest::newRow("Upgrade: WebSocket (case-insensitive)")
        << get << with({"Upgrade: WebSocket"}) << Error::None << switching;
    QTest::newRow("key with non-zero padding bits")
        << get << with({"Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAB=="}) << Error::None
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
                      "Upgrade\r\nSec-WebSocket-Accept: NRJrplgTSmBqvVaQhF+6peBS1S8=\r\n\r\n");
    QTest::newRow("version 8") << get << with({"Sec-WebSocket-Version: 8"}) << Error::None
                               << switching;
    // `+value` is JavaScript's ToNumber.
    QTest::newRow("version 13.0") << get << with({"Sec-WebSocket-Version: 13.0"}) << Error::None
                                  << switching;
    QTest::newRow("version 0xd") << get << with({"Sec-WebSocket-Version: 0xd"}) << Error::None
                                 << switching;
    QTest::newRow("version 0X0D") << get << with({"Sec-WebSocket-Version: 0X0D"}) << Error::None
                                  << switching;
    QTest::newRow("version 0o15") << get << with({"Sec-WebSocket-Version: 0o15"}) << Error::None
                                  << switching;
    QTest::newRow("version 0b1101")
        << get << with({"Sec-WebSocket-Version: 0b1101"}) << Error::None << switching;
    QTest::newRow("version 1.3e1")
        << get << with({"Sec-WebSocket-Version: 1.3e1"}) << Error::None << switching;
    QTest::newRow("version .13e2")
        << get << with({"Sec-WebSocket-Version: .13e2"}) << Error::None << switching;
    QTest::newRow("version 13e0") << get << with({"Sec-WebSocket-Version: 13e0"}) << Error::None
                                  << switching;
    QTest::newRow("version +13") << get << with({"Sec-WebSocket-Version: +13"}) << Error::None
                                 << switching;
    QTest::newRow("version 013") << get << with({"Sec-WebSocket-Version: 013"}) << Error::None
                                 << switching;
    QTest::newRow("version 8.") << get << with({"Sec-WebSocket-Version: 8."}) << Error::None
                                << switching;
    QTest::newRow("version 13 + no-break space")
        << get << with({"Sec-WebSocket-Version: 13\xa0"}) << Error::None << switching;
    QTest::newRow("version no-break space + 13") << get
                                                 << with({"Sec-WebSocket-Version: \xa0"
                                                          "13"})
                                                 << Error::None << switching;
    QTest::newRow("subprotocols: the first is picked")
        << get << with({"Sec-WebSocket-Protocol: chat, superchat"}) << Error::None
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
                      "Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                      "Sec-WebSocket-Protocol: chat\r\n\r\n");
    QTest::newRow("subprotocols from two fields, in order")
        << get << with({"Sec-WebSocket-Protocol: b", "Sec-WebSocket-Protocol: a"}) << Error::None
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
                      "Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                      "Sec-WebSocket-Protocol: b\r\n\r\n");
    QTest::newRow("subprotocol with every token character")
        << get << with({"Sec-WebSocket-Protocol: x!#$%&'*+-.^_`|~9"}) << Error::None
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
                      "Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                      "Sec-WebSocket-Protocol: x!#$%&'*+-.^_`|~9\r\n\r\n");
    QTest::newRow("subprotocols 'a , b'")
        << get << with({"Sec-WebSocket-Protocol: a , b"}) << Error::None
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
                      "Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                      "Sec-WebSocket-Protocol: a\r\n\r\n");
    QTest::newRow("permessage-deflate offer is ignored")
        << get << with({"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"})
        << Error::None << switching;
    QTest::newRow("malformed extensions are ignored")
        << get << with({"Sec-WebSocket-Extensions: ,,,;;"}) << Error::None << switching;
    QTest::newRow("lower-case header names")
        << get
        << QByteArray("connection: upgrade\nupgrade: websocket\nsec-websocket-key: "
                      "dGhlIHNhbXBsZSBub25jZQ==\nsec-websocket-version: 13\n")
        << Error::None << switching;

    // Refusals, one per reason.
    QTest::newRow("POST") << QByteArray("POST") << standardHeaders << Error::InvalidMethod
                          << badMethod;
    QTest::newRow("HEAD") << QByteArray("HEAD") << standardHeaders << Error::InvalidMethod
                          << badMethod;
    QTest::newRow("Upgrade: foo") << get << with({"Upgrade: foo"}) << Error::InvalidUpgradeHeader
                                  << badUpgrade;
    QTest::newRow("Upgrade: websocket, h2c")
        << get << with({"Upgrade: websocket, h2c"}) << Error::InvalidUpgradeHeader << badUpgrade;
    QTest::newRow("two Upgrade fields") << get << with({"Upgrade: websocket", "Upgrade: websocket"})
                                        << Error::InvalidUpgradeHeader << badUpgrade;
    QTest::newRow("Upgrade: websocket + no-break space")
        << get << with({"Upgrade: websocket\xa0"}) << Error::InvalidUpgradeHeader << badUpgrade;
    QTest::newRow("no Sec-WebSocket-Key")
        << get << with({"Sec-WebSocket-Key"}) << Error::InvalidKey << badKey;
    QTest::newRow("23-character key") << get << with({"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ="})
                                      << Error::InvalidKey << badKey;
    QTest::newRow("two key fields") << get
                                    << with({"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                                           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="})
                                    << Error::InvalidKey << badKey;
    QTest::newRow("no Sec-WebSocket-Version")
        << get << with({"Sec-WebSocket-Version"}) << Error::InvalidVersion << badVersion;
    QTest::newRow("version 12") << get << with({"Sec-WebSocket-Version: 12"})
                                << Error::InvalidVersion << badVersion;
    QTest::newRow("empty version")
        << get << with({"Sec-WebSocket-Version:"}) << Error::InvalidVersion << badVersion;
    QTest::newRow("two version fields")
        << get << with({"Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 13"})
        << Error::InvalidVersion << badVersion;
    QTest::newRow("version 1_3") << get << with({"Sec-WebSocket-Version: 1_3"})
                                 << Error::InvalidVersion << badVersion;
    QTest::newRow("version 0x") << get << with({"Sec-WebSocket-Version: 0x"})
                                << Error::InvalidVersion << badVersion;
    QTest::newRow("version Infinity")
        << get << with({"Sec-WebSocket-Version: Infinity"}) << Error::InvalidVersion << badVersion;
    QTest::newRow("subprotocols 'chat,,x'") << get << with({"Sec-WebSocket-Protocol: chat,,x"})
                                            << Error::InvalidProtocolHeader << badProtocol;
    QTest::newRow("duplicated subprotocol") << get << with({"Sec-WebSocket-Protocol: a, a"})
                                            << Error::InvalidProtocolHeader << badProtocol;
    QTest::newRow("trailing comma") << get << with({"Sec-WebSocket-Protocol: a,"})
                                    << Error::InvalidProtocolHeader << badProtocol;
    QTest::newRow("empty Sec-WebSocket-Protocol")
        << get << with({"Sec-WebSocket-Protocol:"}) << Error::InvalidProtocolHeader << badProtocol;
    QTest::newRow("tab inside a subprotocol list")
        << get << with({"Sec-WebSocket-Protocol: chat\tx"}) << Error::InvalidProtocolHeader
        << badProtocol;
    QTest::newRow("quote in a subprotocol") << get << with({"Sec-WebSocket-Protocol: a\"b"})
                                            << Error::InvalidProtocolHeader << badProtocol;

    // Order of the checks: the first failing one wins.
    QTest::newRow("POST with a bad key: method first")
        << QByteArray("POST") << with({"Sec-WebSocket-Key: x"}) << Error::InvalidMethod
        << badMethod;
    QTest::newRow("bad Upgrade and bad key: Upgrade first")
        << get << with({"Upgrade: x", "Sec-WebSocket-Key: x"}) << Error::InvalidUpgradeHeader
        << badUpgrade;
    QTest::newRow("bad key and bad version: key first")
        << get << with({"Sec-WebSocket-Key: x", "Sec-WebSocket-Version: 1"}) << Error::InvalidKey
        << badKey;
    QTest::newRow("bad version and bad subprotocol: version first")
        << get << with({"Sec-WebSocket-Version: 1", "Sec-WebSocket-Protocol: ,"})
        << Error::InvalidVersion << badVersion;
}

void TestWebSocketHandshake::check()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, headers);
    QFETCH(WebSocketHandshakeError, error);
    QFETCH(QByteArray, response);

    const WebSocketHandshake handshake = WebSocketHandshake::check(method, parseHeaders(headers));
    QCOMPARE(handshake.error(), error);
    QCOMPARE(handshake.isValid(), error == WebSocketHandshakeError::None);
    QCOMPARE(handshake.response(), response);
    // The status line carries statusCode(); a refusal's body is errorString().
    QVERIFY(response.startsWith("HTTP/1.1 " + QByteArray::number(handshake.statusCode()) + ' '));
    if (!handshake.isValid())
        QVERIFY(response.endsWith("\r\n\r\n" + handshake.errorString().toUtf8()));
    else
        QVERIFY(handshake.errorString().isEmpty());
}

// engine.io 6.6.12 with the cors option: the middleware's headers come after ws's own (and after
// Sec-WebSocket-Protocol), in the order cors set them, then those of engine.io 'headers' listeners.
void TestWebSocketHandshake::extraHeaders_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<WebSocketHeaderList>("extra");
    QTest::addColumn<QByteArray>("response");

    QTest::newRow("cors {origin: true, credentials: true}")
        << with({"Origin: https://a.example"})
        << WebSocketHeaderList {{"Access-Control-Allow-Origin", "https://a.example"},
               {"Vary", "Origin"}, {"Access-Control-Allow-Credentials", "true"}}
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
                      "Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                      "Access-Control-Allow-Origin: https://a.example\r\nVary: Origin\r\n"
                      "Access-Control-Allow-Credentials: true\r\n\r\n");
    QTest::newRow("cors {origin: '*'} with subprotocols")
        << with({"Origin: https://a.example", "Sec-WebSocket-Protocol: p1, p2"})
        << WebSocketHeaderList {{"Access-Control-Allow-Origin", "*"}}
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
                      "Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                      "Sec-WebSocket-Protocol: p1\r\nAccess-Control-Allow-Origin: *\r\n\r\n");
    QTest::newRow("cors exposedHeaders, then 'headers' listener fields")
        << with({"Origin: https://a.example"})
        << WebSocketHeaderList {{"Access-Control-Allow-Origin", "https://a.example"},
               {"Vary", "Origin"}, {"Access-Control-Expose-Headers", "X-A,X-B"}, {"X-Arr", "a,b"},
               {"set-cookie", "c=1"}}
        << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
                      "Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                      "Access-Control-Allow-Origin: https://a.example\r\nVary: Origin\r\n"
                      "Access-Control-Expose-Headers: X-A,X-B\r\nX-Arr: a,b\r\nset-cookie: "
                      "c=1\r\n\r\n");
    QTest::newRow("extra headers are not used on a refusal")
        << with({"Upgrade: foo"}) << WebSocketHeaderList {{"Access-Control-Allow-Origin", "*"}}
        << badUpgrade;
}

void TestWebSocketHandshake::extraHeaders()
{
    QFETCH(QByteArray, headers);
    QFETCH(WebSocketHeaderList, extra);
    QFETCH(QByteArray, response);
    QCOMPARE(WebSocketHandshake::check("GET", parseHeaders(headers)).response(extra), response);
}

// Node 20's HTTP server: 'upgrade' event (ws answers) or 'request' event (plain handler).
void TestWebSocketHandshake::isUpgradeRequest_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<bool>("upgrade");

    QTest::newRow("Connection: upgrade") << with({"Connection: upgrade"}) << true;
    QTest::newRow("Connection: UPGRADE") << with({"Connection: UPGRADE"}) << true;
    QTest::newRow("Connection: keep-alive, Upgrade")
        << with({"Connection: keep-alive, Upgrade"}) << true;
    QTest::newRow("Connection: upgrade , close") << with({"Connection: upgrade , close"}) << true;
    QTest::newRow("Connection: close,upgrade") << with({"Connection: close,upgrade"}) << true;
    QTest::newRow("Connection: ,upgrade,") << with({"Connection: ,upgrade,"}) << true;
    QTest::newRow("two Connection fields")
        << with({"Connection: keep-alive", "Connection: upgrade"}) << true;
    QTest::newRow("Upgrade: foo is still an upgrade") << with({"Upgrade: foo"}) << true;
    QTest::newRow("no Connection") << with({"Connection"}) << false;
    QTest::newRow("Connection: close") << with({"Connection: close"}) << false;
    QTest::newRow("Connection: Upgrade2") << with({"Connection: Upgrade2"}) << false;
    QTest::newRow("Connection: xupgrade") << with({"Connection: xupgrade"}) << false;
    QTest::newRow("Connection: up grade") << with({"Connection: up grade"}) << false;
    QTest::newRow("Connection: upgrade;x") << with({"Connection: upgrade;x"}) << false;
    QTest::newRow("Connection: \"upgrade\"") << with({"Connection: \"upgrade\""}) << false;
    QTest::newRow("no Upgrade") << with({"Upgrade"}) << false;
    QTest::newRow("empty Upgrade") << with({"Upgrade:"}) << false;
}

void TestWebSocketHandshake::isUpgradeRequest()
{
    QFETCH(QByteArray, headers);
    QFETCH(bool, upgrade);
    QCOMPARE(WebSocketHandshake::isUpgradeRequest(parseHeaders(headers)), upgrade);
}

void TestWebSocketHandshake::abortResponse_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QByteArray>("expected");

    // ws completeUpgrade() on a closed WebSocketServer (engine.io close()).
    QTest::newRow("503 while closing")
        << WebSocketHandshake::abortResponse(503)
        << QByteArray("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: "
                      "text/html\r\nContent-Length: 19\r\n\r\nService Unavailable");
    QTest::newRow("400 without a message")
        << WebSocketHandshake::abortResponse(400)
        << QByteArray("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: "
                      "text/html\r\nContent-Length: 11\r\n\r\nBad Request");
    QTest::newRow("a header with the same name replaces in place")
        << WebSocketHandshake::abortResponse(
               401, "no", {{"Content-Type", "text/plain"}, {"X", "1"}})
        << QByteArray("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Type: "
                      "text/plain\r\nContent-Length: 2\r\nX: 1\r\n\r\nno");
}

void TestWebSocketHandshake::abortResponse()
{
    QFETCH(QByteArray, response);
    QFETCH(QByteArray, expected);
    QCOMPARE(response, expected);
}

void TestWebSocketHandshake::acceptValue()
{
    // RFC 6455 §1.3 example.
    QCOMPARE(WebSocketHandshake::acceptValueFor("dGhlIHNhbXBsZSBub25jZQ=="),
        QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    const WebSocketHandshake handshake
        = WebSocketHandshake::check("GET", parseHeaders(with({"Sec-WebSocket-Protocol: a,b"})));
    QCOMPARE(handshake.protocols(), (QList<QByteArray> {"a", "b"}));
    QCOMPARE(handshake.protocol(), QByteArray("a"));
    QCOMPARE(handshake.key(), QByteArray("dGhlIHNhbXBsZSBub25jZQ=="));
    QCOMPARE(handshake.statusCode(), 101);
}

QTEST_GUILESS_MAIN(TestWebSocketHandshake)
#include "tst_websockethandshake.moc"
