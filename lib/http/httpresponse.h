// HTTP/1.1 responses written byte for byte the way Node 20's http.ServerResponse writes them,
// plus the fixed byte strings Node and engine.io write outside of ServerResponse.
#pragma once

#include "httpheaders.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>

namespace corslab {

class HttpRequest;

// What ServerResponse knows about the exchange when it stores the head
// (_http_outgoing.js _storeHeader()).
struct HttpResponseContext {
    // The Date value (httpDate()); empty: no Date header (res.sendDate = false).
    QByteArray date;
    // res.shouldKeepAlive: the request's keepAlive(). A final status sent while the client
    // still waits for "100 Continue" makes Node clear it.
    bool keepAlive = true;
    // res.useChunkedEncodingByDefault: the request is HTTP/1.1, or older with "TE: chunked".
    // Without it, a body of unknown length ends with the connection.
    bool chunkedAllowed = true;
    // A HEAD request: head only, no Content-Length or chunked framing added (res._hasBody).
    bool headRequest = false;
    // server.keepAliveTimeout in ms (Node's default 5000): "Keep-Alive: timeout=<floor(s)>";
    // 0: no Keep-Alive header.
    int keepAliveTimeoutMs = 5000;

    // The context Node derives from this request (_http_server.js ServerResponse(),
    // parserOnIncoming()).
    static HttpResponseContext forRequest(const HttpRequest &request, const QByteArray &date);
};

class HttpResponse {
public:
    // How the handler produced the body, which decides the framing Node adds when the given
    // headers have neither Content-Length nor Transfer-Encoding.
    enum class BodyMode {
        // res.writeHead(...) then res.write()/res.end(body): the head is stored before the
        // length is known → "Transfer-Encoding: chunked" (engine.io's JSON errors, 400/413/500).
        Chunked,
        // res.end(body) without writeHead() first: "Content-Length: <n>" after Node's own
        // headers.
        ContentLength,
    };

    HttpResponse() = default;
    explicit HttpResponse(int statusCode, const HttpHeaders &headers = {},
        const QByteArray &body = {}, BodyMode mode = BodyMode::Chunked);

    int statusCode() const { return m_statusCode; }
    void setStatusCode(int statusCode) { m_statusCode = statusCode; }
    // The given phrase, else Node's STATUS_CODES text, else "unknown" (like writeHead()).
    QByteArray reasonPhrase() const;
    void setReasonPhrase(const QByteArray &phrase) { m_reasonPhrase = phrase; }

    // Written in this order, names as given, duplicates kept.
    const HttpHeaders &headers() const { return m_headers; }
    void setHeaders(const HttpHeaders &headers) { m_headers = headers; }
    void addHeader(const QByteArray &name, const QByteArray &value);

    // The body as the handler wrote it: one piece per res.write()/res.end(data); in chunked
    // framing each non-empty piece is one chunk.
    const QList<QByteArray> &bodyPieces() const { return m_body; }
    QByteArray body() const;
    void setBody(const QByteArray &body);
    void appendBody(const QByteArray &piece) { m_body.append(piece); }

    BodyMode bodyMode() const { return m_bodyMode; }
    void setBodyMode(BodyMode mode) { m_bodyMode = mode; }

    // The exact bytes Node writes: status line, the given headers, then what _storeHeader()
    // adds (Date, Connection, Keep-Alive, Content-Length or Transfer-Encoding), the empty line
    // and the framed body.
    QByteArray serialize(const HttpResponseContext &context) const;
    QByteArray serializeHead(const HttpResponseContext &context) const;
    // Whether Node closes the connection after this response (res._last).
    bool closesConnection(const HttpResponseContext &context) const;
    // Whether the body is sent in chunked framing.
    bool isChunked(const HttpResponseContext &context) const;

    // One chunk in Node's framing: lower-case hex size, CRLF, data, CRLF ("" for no data).
    static QByteArray chunk(QByteArrayView data);
    static QByteArray lastChunk() { return QByteArrayLiteral("0\r\n\r\n"); }

    // Node 20's http.STATUS_CODES text; empty for a code Node does not know.
    static QByteArray statusText(int statusCode);
    // RFC 7231 IMF-fixdate, as Node's utcDate() (Date.prototype.toUTCString()):
    // "Wed, 25 Nov 2026 21:40:15 GMT".
    static QByteArray httpDate(const QDateTime &time);

    // What Node's http server writes before destroying a socket whose bytes it cannot parse
    // (_http_server.js socketOnError(), only when no response has started on the connection):
    // 400 for parse errors, 431 for HPE_HEADER_OVERFLOW, 413 for HPE_CHUNK_EXTENSIONS_OVERFLOW,
    // 408 for the request timeout. E.g. "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".
    static QByteArray nodeClientError(int statusCode);
    // res.writeContinue(), written for "Expect: 100-continue" before 'request' is emitted.
    static QByteArray continueResponse()
    {
        return QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
    }
    // engine.io server.ts abortUpgrade(): written raw to the socket when an upgrade request
    // fails verify() or allowRequest; always 400, the body is the message (UTF-8).
    static QByteArray engineIoUpgradeError(QByteArrayView message);

    friend bool operator==(const HttpResponse &, const HttpResponse &) = default;

private:
    struct Framing;
    Framing framing(const HttpResponseContext &context) const;

    int m_statusCode = 200;
    QByteArray m_reasonPhrase;
    HttpHeaders m_headers;
    QList<QByteArray> m_body;
    BodyMode m_bodyMode = BodyMode::Chunked;
};

} // namespace corslab
