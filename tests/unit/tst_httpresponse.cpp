// HttpResponse against the bytes Node 20's http.ServerResponse (and engine.io 6.6.12) really write.
//
// Every expected byte string below was captured from node v20.20.2 with a raw net.Socket: a
// http.createServer() handler doing the same writeHead()/setHeader()/write()/end() calls, or a
// real engine.io 6.6.12 server for the engine.io rows. Node's Date value is injected back as the
// context date, so the comparison is exact.
#include "http/httprequestparser.h"
#include "http/httpresponse.h"

#include <QTest>
#include <QTimeZone>

using namespace corslab;

class TestHttpResponse : public QObject {
    Q_OBJECT

private slots:
    void serialize_data();
    void serialize();
    void statusText_data();
    void statusText();
    void reasonPhrase();
    void httpDate_data();
    void httpDate();
    void nodeClientError_data();
    void nodeClientError();
    void engineIoUpgradeError_data();
    void engineIoUpgradeError();
    void continueResponse();
    void chunk_data();
    void chunk();
    void contextForRequest_data();
    void contextForRequest();
};

void TestHttpResponse::serialize_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<QByteArrayList>("pieces");
    QTest::addColumn<bool>("endOnly"); // res.end(body) without writeHead() first
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("closes");

    QTest::newRow("JSON error: writeHead() then end() is chunked")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 400 << QByteArray() << QByteArrayList {"Content-Type: application/json"}
        << QByteArrayList {QByteArray("{\"code\":1,\"message\":\"Session ID unknown\"}")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:32 GMT")
        << QByteArray("HTTP/1.1 400 Bad Request\r\n"
                      "Content-Type: application/json\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:32 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "29\r\n"
                      "{\"code\":1,\"message\":\"Session ID unknown\"}\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("Content-Length given by the handler")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 200 << QByteArray()
        << QByteArrayList {"Content-Type: text/plain; charset=UTF-8", "Content-Length: 32",
               "cache-control: no-store"}
        << QByteArrayList {QByteArray("40{\"sid\":\"gLGv_3SrA_YGNsTdAAAA\"}")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:32 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Content-Type: text/plain; charset=UTF-8\r\n"
                      "Content-Length: 32\r\n"
                      "cache-control: no-store\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:32 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n"
                      "40{\"sid\":\"gLGv_3SrA_YGNsTdAAAA\"}")
        << false;
    QTest::newRow("polling POST ok")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 200 << QByteArray()
        << QByteArrayList {"Content-Type: text/html", "Content-Length: 2",
               "cache-control: no-store"}
        << QByteArrayList {QByteArray("ok")} << false << QByteArray("Wed, 25 Nov 2026 22:18:32 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 2\r\n"
                      "cache-control: no-store\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:32 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n"
                      "ok")
        << false;
    QTest::newRow("writeHead(413).end(): empty chunked body")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 413 << QByteArray() << QByteArrayList {} << QByteArrayList {QByteArray("")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:32 GMT")
        << QByteArray("HTTP/1.1 413 Payload Too Large\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:32 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("writeHead(500); end()")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 500 << QByteArray() << QByteArrayList {} << QByteArrayList {QByteArray("")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:33 GMT")
        << QByteArray("HTTP/1.1 500 Internal Server Error\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:33 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("cors preflight: 204 with Content-Length: 0")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 204 << QByteArray()
        << QByteArrayList {"Access-Control-Allow-Origin: *",
               "Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE",
               "Vary: Access-Control-Request-Headers", "Content-Length: 0"}
        << QByteArrayList {QByteArray("")} << true << QByteArray("Wed, 25 Nov 2026 22:18:33 GMT")
        << QByteArray("HTTP/1.1 204 No Content\r\n"
                      "Access-Control-Allow-Origin: *\r\n"
                      "Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE\r\n"
                      "Vary: Access-Control-Request-Headers\r\n"
                      "Content-Length: 0\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:33 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n")
        << false;
    QTest::newRow("two Access-Control-Allow-Origin lines")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 200 << QByteArray()
        << QByteArrayList {"Access-Control-Allow-Origin: a", "Access-Control-Allow-Origin: b",
               "Content-Length: 1"}
        << QByteArrayList {QByteArray("x")} << false << QByteArray("Wed, 25 Nov 2026 22:18:33 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Access-Control-Allow-Origin: a\r\n"
                      "Access-Control-Allow-Origin: b\r\n"
                      "Content-Length: 1\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:33 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n"
                      "x")
        << false;
    QTest::newRow("end(body) alone: Content-Length after Keep-Alive")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {} << QByteArrayList {QByteArray("hello")} << true
        << QByteArray("Wed, 25 Nov 2026 22:18:34 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:34 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello")
        << false;
    QTest::newRow("end() alone: Content-Length: 0")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {} << QByteArrayList {QByteArray("")} << true
        << QByteArray("Wed, 25 Nov 2026 22:18:34 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:34 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("204 never has framing")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 204 << QByteArray() << QByteArrayList {"Content-Type: text/plain"}
        << QByteArrayList {QByteArray("")} << false << QByteArray("Wed, 25 Nov 2026 22:18:34 GMT")
        << QByteArray("HTTP/1.1 204 No Content\r\n"
                      "Content-Type: text/plain\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:34 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n")
        << false;
    QTest::newRow("304 never has framing")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 304 << QByteArray() << QByteArrayList {} << QByteArrayList {QByteArray("")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:35 GMT")
        << QByteArray("HTTP/1.1 304 Not Modified\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:35 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n")
        << false;
    QTest::newRow("each write() is a chunk, empty writes vanish")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {"Content-Type: text/plain"}
        << QByteArrayList {QByteArray("ab"), QByteArray(""), QByteArray("cdefghijklmnopq")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:35 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Content-Type: text/plain\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:35 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "2\r\n"
                      "ab\r\n"
                      "f\r\n"
                      "cdefghijklmnopq\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("status Node has no text for")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 599 << QByteArray() << QByteArrayList {} << QByteArrayList {QByteArray("")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:35 GMT")
        << QByteArray("HTTP/1.1 599 unknown\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:35 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("custom reason phrase")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 418 << QByteArray("Whatever Reason") << QByteArrayList {"X: y"}
        << QByteArrayList {QByteArray("")} << false << QByteArray("Wed, 25 Nov 2026 22:18:35 GMT")
        << QByteArray("HTTP/1.1 418 Whatever Reason\r\n"
                      "X: y\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:35 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("request asked to close")
        << QByteArray("GET /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "Connection: close\r\n"
                      "\r\n")
        << 400 << QByteArray() << QByteArrayList {"Content-Type: application/json"}
        << QByteArrayList {QByteArray("{\"code\":1,\"message\":\"Session ID unknown\"}")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:36 GMT")
        << QByteArray("HTTP/1.1 400 Bad Request\r\n"
                      "Content-Type: application/json\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:36 GMT\r\n"
                      "Connection: close\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "29\r\n"
                      "{\"code\":1,\"message\":\"Session ID unknown\"}\r\n"
                      "0\r\n"
                      "\r\n")
        << true;
    QTest::newRow("HTTP/1.0: no chunks, the body ends with the connection")
        << QByteArray("GET /json400 HTTP/1.0\r\n"
                      "\r\n")
        << 400 << QByteArray() << QByteArrayList {"Content-Type: application/json"}
        << QByteArrayList {QByteArray("{\"code\":1,\"message\":\"Session ID unknown\"}")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:36 GMT")
        << QByteArray("HTTP/1.1 400 Bad Request\r\n"
                      "Content-Type: application/json\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:36 GMT\r\n"
                      "Connection: close\r\n"
                      "\r\n"
                      "{\"code\":1,\"message\":\"Session ID unknown\"}")
        << true;
    QTest::newRow("HTTP/0.9 is answered like 1.0")
        << QByteArray("GET /json400\r\n"
                      "\r\n")
        << 400 << QByteArray() << QByteArrayList {"Content-Type: application/json"}
        << QByteArrayList {QByteArray("{\"code\":1,\"message\":\"Session ID unknown\"}")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:36 GMT")
        << QByteArray("HTTP/1.1 400 Bad Request\r\n"
                      "Content-Type: application/json\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:36 GMT\r\n"
                      "Connection: close\r\n"
                      "\r\n"
                      "{\"code\":1,\"message\":\"Session ID unknown\"}")
        << true;
    QTest::newRow("HEAD: head only, no framing")
        << QByteArray("HEAD /json400 HTTP/1.1\r\n"
                      "Host: x\r\n"
                      "\r\n")
        << 400 << QByteArray() << QByteArrayList {"Content-Type: application/json"}
        << QByteArrayList {QByteArray("{\"code\":1,\"message\":\"Session ID unknown\"}")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:36 GMT")
        << QByteArray("HTTP/1.1 400 Bad Request\r\n"
                      "Content-Type: application/json\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:36 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n")
        << false;
    QTest::newRow("HTTP/1.0 keep-alive with Content-Length stays open")
        << QByteArray("GET / HTTP/1.0\r\n"
                      "Connection: keep-alive\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {"Content-Type: text/html", "Content-Length: 2"}
        << QByteArrayList {QByteArray("ok")} << false << QByteArray("Wed, 25 Nov 2026 22:12:45 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 2\r\n"
                      "Date: Wed, 25 Nov 2026 22:12:45 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n"
                      "ok")
        << false;
    QTest::newRow("HTTP/1.0 keep-alive without a length closes")
        << QByteArray("GET / HTTP/1.0\r\n"
                      "Connection: keep-alive\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {} << QByteArrayList {QByteArray("ok")} << true
        << QByteArray("Wed, 25 Nov 2026 22:12:44 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Date: Wed, 25 Nov 2026 22:12:44 GMT\r\n"
                      "Connection: close\r\n"
                      "\r\n"
                      "ok")
        << true;
    QTest::newRow("HTTP/1.0 with TE: chunked gets chunks")
        << QByteArray("GET / HTTP/1.0\r\n"
                      "TE: chunked\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {}
        << QByteArrayList {QByteArray("ab"), QByteArray(""), QByteArray("cdefghijklmnopqrstu")}
        << false << QByteArray("Wed, 25 Nov 2026 22:12:53 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Date: Wed, 25 Nov 2026 22:12:53 GMT\r\n"
                      "Connection: close\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "2\r\n"
                      "ab\r\n"
                      "13\r\n"
                      "cdefghijklmnopqrstu\r\n"
                      "0\r\n"
                      "\r\n")
        << true;
    QTest::newRow("HEAD over HTTP/1.0 keep-alive")
        << QByteArray("HEAD / HTTP/1.0\r\n"
                      "Connection: keep-alive\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {"Content-Type: text/html", "Content-Length: 2"}
        << QByteArrayList {QByteArray("ok")} << false << QByteArray("Wed, 25 Nov 2026 22:13:08 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 2\r\n"
                      "Date: Wed, 25 Nov 2026 22:13:08 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n")
        << false;
    QTest::newRow("handler Transfer-Encoding: chunked on a 204 closes")
        << QByteArray("GET / HTTP/1.1\r\n"
                      "Host: h\r\n"
                      "\r\n")
        << 204 << QByteArray() << QByteArrayList {"Transfer-Encoding: chunked"}
        << QByteArrayList {QByteArray("{\"code\":1,\"message\":\"Session ID unknown\"}")} << false
        << QByteArray("Wed, 25 Nov 2026 22:11:17 GMT")
        << QByteArray("HTTP/1.1 204 No Content\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "Date: Wed, 25 Nov 2026 22:11:17 GMT\r\n"
                      "Connection: close\r\n"
                      "\r\n")
        << true;
    QTest::newRow("handler Transfer-Encoding: chunked frames the body")
        << QByteArray("GET / HTTP/1.1\r\n"
                      "Host: h\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {"Transfer-Encoding: chunked"}
        << QByteArrayList {QByteArray("{\"code\":1,\"message\":\"Session ID unknown\"}")} << false
        << QByteArray("Wed, 25 Nov 2026 22:11:17 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "Date: Wed, 25 Nov 2026 22:11:17 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n"
                      "29\r\n"
                      "{\"code\":1,\"message\":\"Session ID unknown\"}\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("handler Transfer-Encoding: gzip sends the body as is")
        << QByteArray("GET / HTTP/1.1\r\n"
                      "Host: h\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {"Transfer-Encoding: gzip"}
        << QByteArrayList {QByteArray("ok")} << false << QByteArray("Wed, 25 Nov 2026 22:11:20 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Transfer-Encoding: gzip\r\n"
                      "Date: Wed, 25 Nov 2026 22:11:20 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n"
                      "ok")
        << false;
    QTest::newRow("handler Keep-Alive replaces Node's")
        << QByteArray("GET / HTTP/1.1\r\n"
                      "Host: h\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {"Keep-Alive: timeout=9"}
        << QByteArrayList {QByteArray("ok")} << true << QByteArray("Wed, 25 Nov 2026 22:11:30 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Keep-Alive: timeout=9\r\n"
                      "Date: Wed, 25 Nov 2026 22:11:30 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Content-Length: 2\r\n"
                      "\r\n"
                      "ok")
        << false;
    QTest::newRow("handler Date is kept")
        << QByteArray("GET / HTTP/1.1\r\n"
                      "Host: h\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {"Date: Thu, 01 Jan 1970 00:00:00 GMT"}
        << QByteArrayList {QByteArray("ok")} << false << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "2\r\n"
                      "ok\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("handler Connection: Close closes")
        << QByteArray("GET / HTTP/1.1\r\n"
                      "Host: h\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {"Content-Length: 2", "connection: Close"}
        << QByteArrayList {QByteArray("ok")} << false << QByteArray("Wed, 25 Nov 2026 22:11:37 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Content-Length: 2\r\n"
                      "connection: Close\r\n"
                      "Date: Wed, 25 Nov 2026 22:11:37 GMT\r\n"
                      "\r\n"
                      "ok")
        << true;
    QTest::newRow("handler Connection without close keeps the connection")
        << QByteArray("GET / HTTP/1.0\r\n"
                      "\r\n")
        << 200 << QByteArray() << QByteArrayList {"Connection: not-closed"}
        << QByteArrayList {QByteArray("ok")} << false << QByteArray("Wed, 25 Nov 2026 22:12:42 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Connection: not-closed\r\n"
                      "Date: Wed, 25 Nov 2026 22:12:42 GMT\r\n"
                      "\r\n"
                      "ok")
        << true;
    QTest::newRow("engine.io 400 Transport unknown with cors")
        << QByteArray("GET /engine.io/?EIO=4&transport=abc HTTP/1.1\r\n"
                      "Host: h\r\n"
                      "Origin: http://localhost:8080\r\n"
                      "\r\n")
        << 400 << QByteArray()
        << QByteArrayList {"Access-Control-Allow-Origin: http://localhost:8080", "Vary: Origin",
               "Content-Type: application/json"}
        << QByteArrayList {QByteArray("{\"code\":0,\"message\":\"Transport unknown\"}")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:30 GMT")
        << QByteArray("HTTP/1.1 400 Bad Request\r\n"
                      "Access-Control-Allow-Origin: http://localhost:8080\r\n"
                      "Vary: Origin\r\n"
                      "Content-Type: application/json\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:30 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "28\r\n"
                      "{\"code\":0,\"message\":\"Transport unknown\"}\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("engine.io polling handshake")
        << QByteArray("GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\n"
                      "Host: h\r\n"
                      "\r\n")
        << 200 << QByteArray()
        << QByteArrayList {"Access-Control-Allow-Origin: http://localhost:8080", "Vary: Origin",
               "Content-Type: text/plain; charset=UTF-8", "Content-Length: 118",
               "cache-control: no-store"}
        << QByteArrayList {QByteArray(
               "0{\"sid\":\"SID_FIXED_0000000001\",\"upgrades\":[\"websocket\"],\"pingInterval\":"
               "25000,\"pingTimeout\":20000,\"maxPayload\":1000000}")}
        << false << QByteArray("Wed, 25 Nov 2026 22:18:30 GMT")
        << QByteArray("HTTP/1.1 200 OK\r\n"
                      "Access-Control-Allow-Origin: http://localhost:8080\r\n"
                      "Vary: Origin\r\n"
                      "Content-Type: text/plain; charset=UTF-8\r\n"
                      "Content-Length: 118\r\n"
                      "cache-control: no-store\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:30 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n"
                      "0{\"sid\":\"SID_FIXED_0000000001\",\"upgrades\":[\"websocket\"],"
                      "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}")
        << false;
    QTest::newRow("engine.io 413 keeps the connection")
        << QByteArray(
               "POST /engine.io/?EIO=4&transport=polling&sid=SID_FIXED_0000000001 HTTP/1.1\r\n"
               "Host: h\r\n"
               "Content-Type: text/plain\r\n"
               "Content-Length: 1000001\r\n"
               "\r\n")
        << 413 << QByteArray()
        << QByteArrayList {"Access-Control-Allow-Origin: http://localhost:8080", "Vary: Origin"}
        << QByteArrayList {QByteArray("")} << false << QByteArray("Wed, 25 Nov 2026 22:18:31 GMT")
        << QByteArray("HTTP/1.1 413 Payload Too Large\r\n"
                      "Access-Control-Allow-Origin: http://localhost:8080\r\n"
                      "Vary: Origin\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:31 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
    QTest::newRow("engine.io cors preflight")
        << QByteArray("OPTIONS /engine.io/?EIO=4&transport=polling HTTP/1.1\r\n"
                      "Host: h\r\n"
                      "Origin: http://localhost:8080\r\n"
                      "\r\n")
        << 204 << QByteArray()
        << QByteArrayList {"Access-Control-Allow-Origin: http://localhost:8080",
               "Vary: Origin, Access-Control-Request-Headers",
               "Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE",
               "Access-Control-Allow-Headers: content-type", "Content-Length: 0"}
        << QByteArrayList {QByteArray("")} << true << QByteArray("Wed, 25 Nov 2026 22:18:31 GMT")
        << QByteArray("HTTP/1.1 204 No Content\r\n"
                      "Access-Control-Allow-Origin: http://localhost:8080\r\n"
                      "Vary: Origin, Access-Control-Request-Headers\r\n"
                      "Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE\r\n"
                      "Access-Control-Allow-Headers: content-type\r\n"
                      "Content-Length: 0\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:31 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "\r\n")
        << false;
    QTest::newRow("Node answers a missing Host")
        << QByteArray("GET / HTTP/1.1\r\n"
                      "\r\n")
        << 400 << QByteArray() << QByteArrayList {"Connection: close"}
        << QByteArrayList {QByteArray("")} << false << QByteArray("Wed, 25 Nov 2026 22:18:30 GMT")
        << QByteArray("HTTP/1.1 400 Bad Request\r\n"
                      "Connection: close\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:30 GMT\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n")
        << true;
    QTest::newRow("Node answers a missing Host on HEAD")
        << QByteArray("HEAD / HTTP/1.1\r\n"
                      "\r\n")
        << 400 << QByteArray() << QByteArrayList {"Connection: close"}
        << QByteArrayList {QByteArray("")} << false << QByteArray("Wed, 25 Nov 2026 22:18:30 GMT")
        << QByteArray("HTTP/1.1 400 Bad Request\r\n"
                      "Connection: close\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:30 GMT\r\n"
                      "\r\n")
        << true;
    QTest::newRow("Node answers an unmet Expect")
        << QByteArray("GET / HTTP/1.1\r\n"
                      "Host: h\r\n"
                      "Expect: something\r\n"
                      "\r\n")
        << 417 << QByteArray() << QByteArrayList {} << QByteArrayList {QByteArray("")} << false
        << QByteArray("Wed, 25 Nov 2026 22:18:30 GMT")
        << QByteArray("HTTP/1.1 417 Expectation Failed\r\n"
                      "Date: Wed, 25 Nov 2026 22:18:30 GMT\r\n"
                      "Connection: keep-alive\r\n"
                      "Keep-Alive: timeout=5\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n")
        << false;
}

void TestHttpResponse::serialize()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArrayList, headers);
    QFETCH(QByteArrayList, pieces);
    QFETCH(bool, endOnly);
    QFETCH(QByteArray, date);
    QFETCH(QByteArray, expected);
    QFETCH(bool, closes);

    HttpRequestParser parser;
    const HttpParseOutput parsed = parser.feed(request);
    QVERIFY(!parsed.error);
    const HttpRequest req
        = parsed.requests.isEmpty() ? *parsed.pendingHead : parsed.requests.first();

    HttpResponse response(status);
    response.setReasonPhrase(reason);
    for (const QByteArray &line : headers) {
        const qsizetype colon = line.indexOf(": ");
        response.addHeader(line.first(colon), line.sliced(colon + 2));
    }
    response.setBody(pieces.first());
    for (qsizetype i = 1; i < pieces.size(); ++i)
        response.appendBody(pieces.at(i));
    response.setBodyMode(
        endOnly ? HttpResponse::BodyMode::ContentLength : HttpResponse::BodyMode::Chunked);

    const HttpResponseContext context = HttpResponseContext::forRequest(req, date);
    QCOMPARE(response.serialize(context), expected);
    QCOMPARE(response.serializeHead(context), expected.first(expected.indexOf("\r\n\r\n") + 4));
    QCOMPARE(response.closesConnection(context), closes);
}

void TestHttpResponse::statusText_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("text");

    // require('http').STATUS_CODES in node v20.20.2, complete.
    QTest::addRow("%d", 100) << 100 << QByteArray("Continue");
    QTest::addRow("%d", 101) << 101 << QByteArray("Switching Protocols");
    QTest::addRow("%d", 102) << 102 << QByteArray("Processing");
    QTest::addRow("%d", 103) << 103 << QByteArray("Early Hints");
    QTest::addRow("%d", 200) << 200 << QByteArray("OK");
    QTest::addRow("%d", 201) << 201 << QByteArray("Created");
    QTest::addRow("%d", 202) << 202 << QByteArray("Accepted");
    QTest::addRow("%d", 203) << 203 << QByteArray("Non-Authoritative Information");
    QTest::addRow("%d", 204) << 204 << QByteArray("No Content");
    QTest::addRow("%d", 205) << 205 << QByteArray("Reset Content");
    QTest::addRow("%d", 206) << 206 << QByteArray("Partial Content");
    QTest::addRow("%d", 207) << 207 << QByteArray("Multi-Status");
    QTest::addRow("%d", 208) << 208 << QByteArray("Already Reported");
    QTest::addRow("%d", 226) << 226 << QByteArray("IM Used");
    QTest::addRow("%d", 300) << 300 << QByteArray("Multiple Choices");
    QTest::addRow("%d", 301) << 301 << QByteArray("Moved Permanently");
    QTest::addRow("%d", 302) << 302 << QByteArray("Found");
    QTest::addRow("%d", 303) << 303 << QByteArray("See Other");
    QTest::addRow("%d", 304) << 304 << QByteArray("Not Modified");
    QTest::addRow("%d", 305) << 305 << QByteArray("Use Proxy");
    QTest::addRow("%d", 307) << 307 << QByteArray("Temporary Redirect");
    QTest::addRow("%d", 308) << 308 << QByteArray("Permanent Redirect");
    QTest::addRow("%d", 400) << 400 << QByteArray("Bad Request");
    QTest::addRow("%d", 401) << 401 << QByteArray("Unauthorized");
    QTest::addRow("%d", 402) << 402 << QByteArray("Payment Required");
    QTest::addRow("%d", 403) << 403 << QByteArray("Forbidden");
    QTest::addRow("%d", 404) << 404 << QByteArray("Not Found");
    QTest::addRow("%d", 405) << 405 << QByteArray("Method Not Allowed");
    QTest::addRow("%d", 406) << 406 << QByteArray("Not Acceptable");
    QTest::addRow("%d", 407) << 407 << QByteArray("Proxy Authentication Required");
    QTest::addRow("%d", 408) << 408 << QByteArray("Request Timeout");
    QTest::addRow("%d", 409) << 409 << QByteArray("Conflict");
    QTest::addRow("%d", 410) << 410 << QByteArray("Gone");
    QTest::addRow("%d", 411) << 411 << QByteArray("Length Required");
    QTest::addRow("%d", 412) << 412 << QByteArray("Precondition Failed");
    QTest::addRow("%d", 413) << 413 << QByteArray("Payload Too Large");
    QTest::addRow("%d", 414) << 414 << QByteArray("URI Too Long");
    QTest::addRow("%d", 415) << 415 << QByteArray("Unsupported Media Type");
    QTest::addRow("%d", 416) << 416 << QByteArray("Range Not Satisfiable");
    QTest::addRow("%d", 417) << 417 << QByteArray("Expectation Failed");
    QTest::addRow("%d", 418) << 418 << QByteArray("I'm a Teapot");
    QTest::addRow("%d", 421) << 421 << QByteArray("Misdirected Request");
    QTest::addRow("%d", 422) << 422 << QByteArray("Unprocessable Entity");
    QTest::addRow("%d", 423) << 423 << QByteArray("Locked");
    QTest::addRow("%d", 424) << 424 << QByteArray("Failed Dependency");
    QTest::addRow("%d", 425) << 425 << QByteArray("Too Early");
    QTest::addRow("%d", 426) << 426 << QByteArray("Upgrade Required");
    QTest::addRow("%d", 428) << 428 << QByteArray("Precondition Required");
    QTest::addRow("%d", 429) << 429 << QByteArray("Too Many Requests");
    QTest::addRow("%d", 431) << 431 << QByteArray("Request Header Fields Too Large");
    QTest::addRow("%d", 451) << 451 << QByteArray("Unavailable For Legal Reasons");
    QTest::addRow("%d", 500) << 500 << QByteArray("Internal Server Error");
    QTest::addRow("%d", 501) << 501 << QByteArray("Not Implemented");
    QTest::addRow("%d", 502) << 502 << QByteArray("Bad Gateway");
    QTest::addRow("%d", 503) << 503 << QByteArray("Service Unavailable");
    QTest::addRow("%d", 504) << 504 << QByteArray("Gateway Timeout");
    QTest::addRow("%d", 505) << 505 << QByteArray("HTTP Version Not Supported");
    QTest::addRow("%d", 506) << 506 << QByteArray("Variant Also Negotiates");
    QTest::addRow("%d", 507) << 507 << QByteArray("Insufficient Storage");
    QTest::addRow("%d", 508) << 508 << QByteArray("Loop Detected");
    QTest::addRow("%d", 509) << 509 << QByteArray("Bandwidth Limit Exceeded");
    QTest::addRow("%d", 510) << 510 << QByteArray("Not Extended");
    QTest::addRow("%d", 511) << 511 << QByteArray("Network Authentication Required");
    QTest::newRow("299 unknown to Node") << 299 << QByteArray();
    QTest::newRow("599 unknown to Node") << 599 << QByteArray();
}

void TestHttpResponse::statusText()
{
    QFETCH(int, code);
    QFETCH(QByteArray, text);
    QCOMPARE(HttpResponse::statusText(code), text);
}

void TestHttpResponse::reasonPhrase()
{
    // writeHead(): statusMessage || STATUS_CODES[code] || 'unknown'.
    HttpResponse response(404);
    QCOMPARE(response.reasonPhrase(), QByteArray("Not Found"));
    response.setStatusCode(599);
    QCOMPARE(response.reasonPhrase(), QByteArray("unknown"));
    response.setReasonPhrase("Custom");
    QCOMPARE(response.reasonPhrase(), QByteArray("Custom"));
}

void TestHttpResponse::httpDate_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");

    // new Date(ms).toUTCString() in node.
    const QTimeZone utc = QTimeZone::utc();
    QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, utc)
                           << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT");
    QTest::newRow("captured Date") << QDateTime(QDate(2026, 11, 25), QTime(21, 40, 15), utc)
                                   << QByteArray("Wed, 25 Nov 2026 21:40:15 GMT");
    QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), utc)
                              << QByteArray("Thu, 29 Feb 2024 23:59:59 GMT");
    QTest::newRow("single digits padded") << QDateTime(QDate(2000, 1, 2), QTime(3, 4, 5), utc)
                                          << QByteArray("Sun, 02 Jan 2000 03:04:05 GMT");
    QTest::newRow("three-digit year padded") << QDateTime(QDate(999, 1, 1), QTime(0, 0), utc)
                                             << QByteArray("Tue, 01 Jan 0999 00:00:00 GMT");
    QTest::newRow("offset converted to GMT") << QDateTime(QDate(2026, 11, 26), QTime(0, 40, 15),
        QTimeZone(3 * 3600)) << QByteArray("Wed, 25 Nov 2026 21:40:15 GMT");
}

void TestHttpResponse::httpDate()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);
    QCOMPARE(HttpResponse::httpDate(time), expected);
}

void TestHttpResponse::nodeClientError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");

    // _http_server.js socketOnError(); 400, 431 and 413 captured from the socket.
    QTest::newRow("400 parse error")
        << 400 << QByteArray("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    QTest::newRow("431 header overflow")
        << 431
        << QByteArray("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n");
    QTest::newRow("413 chunk extensions overflow")
        << 413 << QByteArray("HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n");
    QTest::newRow("408 request timeout")
        << 408 << QByteArray("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n");
}

void TestHttpResponse::nodeClientError()
{
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    QCOMPARE(HttpResponse::nodeClientError(status), expected);
}

void TestHttpResponse::engineIoUpgradeError_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expected");

    // engine.io build/server.js abortUpgrade(): captured for an unknown sid.
    QTest::newRow("Session ID unknown")
        << QByteArray("Session ID unknown")
        << QByteArray("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-type: text/html\r\n"
                      "Content-Length: 18\r\n\r\nSession ID unknown");
    QTest::newRow("allowRequest refusal")
        << QByteArray("Forbidden")
        << QByteArray("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-type: text/html\r\n"
                      "Content-Length: 9\r\n\r\nForbidden");
    QTest::newRow("Buffer.byteLength counts UTF-8 bytes")
        << QByteArray("\xc3\xa9")
        << QByteArray("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-type: text/html\r\n"
                      "Content-Length: 2\r\n\r\n\xc3\xa9");
}

void TestHttpResponse::engineIoUpgradeError()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expected);
    QCOMPARE(HttpResponse::engineIoUpgradeError(message), expected);
}

void TestHttpResponse::continueResponse()
{
    // ServerResponse.writeContinue(), captured for "Expect: 100-continue".
    QCOMPARE(HttpResponse::continueResponse(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
}

void TestHttpResponse::chunk_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty write sends nothing") << QByteArray() << QByteArray();
    QTest::newRow("two bytes") << QByteArray("ab") << QByteArray("2\r\nab\r\n");
    QTest::newRow("lower-case hex")
        << QByteArray(31, 'x') << QByteArray("1f\r\n" + QByteArray(31, 'x') + "\r\n");
    QTest::newRow("4096 bytes") << QByteArray(4096, 'y')
                                << QByteArray("1000\r\n" + QByteArray(4096, 'y') + "\r\n");
}

void TestHttpResponse::chunk()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expected);
    QCOMPARE(HttpResponse::chunk(data), expected);
    QCOMPARE(HttpResponse::lastChunk(), QByteArray("0\r\n\r\n"));
}

void TestHttpResponse::contextForRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("chunkedAllowed");
    QTest::addColumn<bool>("headRequest");

    // _http_server.js: ServerResponse() and parserOnIncoming().
    QTest::newRow("HTTP/1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true << true << false;
    QTest::newRow("HTTP/1.1 close")
        << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\n\r\n") << false << true << false;
    QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false << false << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true << false << false;
    QTest::newRow("HTTP/1.0 TE: trailers, chunked")
        << QByteArray("GET / HTTP/1.0\r\nTE: trailers, chunked\r\n\r\n") << false << true << false;
    QTest::newRow("HTTP/2.0 is not 1.1")
        << QByteArray("GET / HTTP/2.0\r\n\r\n") << false << false << false;
    QTest::newRow("HEAD") << QByteArray("HEAD / HTTP/1.1\r\n\r\n") << true << true << true;
}

void TestHttpResponse::contextForRequest()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, keepAlive);
    QFETCH(bool, chunkedAllowed);
    QFETCH(bool, headRequest);

    HttpRequestParser parser;
    const HttpParseOutput parsed = parser.feed(request);
    QCOMPARE(parsed.requests.size(), 1);
    const HttpResponseContext context
        = HttpResponseContext::forRequest(parsed.requests.first(), "Thu, 01 Jan 1970 00:00:00 GMT");
    QCOMPARE(context.keepAlive, keepAlive);
    QCOMPARE(context.chunkedAllowed, chunkedAllowed);
    QCOMPARE(context.headRequest, headRequest);
    QCOMPARE(context.date, QByteArray("Thu, 01 Jan 1970 00:00:00 GMT"));
    QCOMPARE(context.keepAliveTimeoutMs, 5000);
}

QTEST_GUILESS_MAIN(TestHttpResponse)
#include "tst_httpresponse.moc"
