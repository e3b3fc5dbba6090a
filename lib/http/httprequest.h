// One HTTP request as Node 20's http server hands it to engine.io: line, headers, body, and the
// exact head bytes for the timeline.
#pragma once

#include "httpheaders.h"
#include "querymap.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace corslab {

class HttpRequest {
public:
    // Node's http MAX_HEADER_PAIRS (2000 array entries): req.headers holds the first 1000 fields.
    static constexpr qsizetype NodeVisibleHeaderLimit = 1000;

    QByteArray method() const { return m_method; } // req.method: "GET", "M-SEARCH", ...
    void setMethod(const QByteArray &method) { m_method = method; }

    // The request-target exactly as received (req.url), e.g. "/socket.io/?EIO=4&transport=polling".
    QByteArray target() const { return m_target; }
    void setTarget(const QByteArray &target) { m_target = target; }
    // The target up to the first '?' or '#', not decoded: engine.io matches its path on the raw
    // req.url (server.ts attach(): a string prefix test).
    QByteArray path() const;
    // The bytes between '?' and '#', not decoded.
    QByteArray queryString() const;
    // Parsed like new URL(req.url, base).searchParams (engine.io server.ts prepare()).
    QueryMap query() const { return QueryMap::fromTarget(m_target); }

    int versionMajor() const { return m_versionMajor; }
    int versionMinor() const { return m_versionMinor; }
    void setVersion(int major, int minor);
    QByteArray version() const; // req.httpVersion: "1.1", "1.0", "0.9"

    // Every field line as received, in order, names in their received case, values without
    // surrounding whitespace (Node's rawHeaders, but never truncated).
    const HttpHeaders &headers() const { return m_headers; }
    void setHeaders(const HttpHeaders &headers) { m_headers = headers; }
    // How many of headers() Node puts in req.headers (the rest are invisible to engine.io).
    qsizetype visibleHeaderCount() const;
    void setVisibleHeaderCount(qsizetype count) { m_visibleHeaderCount = count; }

    // req.headers[name] (Node 20 _http_incoming.js _addHeaderLine()), over the visible fields:
    // - age, authorization, content-length, content-type, etag, expires, from, host,
    //   if-modified-since, if-unmodified-since, last-modified, location, max-forwards,
    //   proxy-authorization, referer, retry-after, server, user-agent: the FIRST value, later
    //   duplicates dropped;
    // - cookie: values joined with "; ";
    // - set-cookie: an array in Node; here joined with ", " (headerValues() gives the array);
    // - every other name (origin, accept, upgrade, connection, x-*...): joined with ", ".
    // Checked against node v20.20.2 with a raw socket (see tst_httprequestparser).
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const; // req.headers[name] !== undefined
    QList<QByteArray> headerValues(QByteArrayView name) const; // req.headersDistinct[name]

    // Trailer fields of a chunked body (req.rawTrailers). Nothing in engine.io reads them.
    const HttpHeaders &trailers() const { return m_trailers; }
    void setTrailers(const HttpHeaders &trailers) { m_trailers = trailers; }

    // The body bytes; for a request over the body cap, only the first maxBodySize bytes.
    const QByteArray &body() const { return m_body; }
    void setBody(const QByteArray &body) { m_body = body; }
    // The body went over the parser's cap (engine.io polling.ts onDataRequest: 413, session kept).
    bool isBodyTooLarge() const { return m_bodyTooLarge; }
    void setBodyTooLarge(bool tooLarge) { m_bodyTooLarge = tooLarge; }
    bool isChunked() const { return m_chunked; } // Transfer-Encoding ends in "chunked"
    void setChunked(bool chunked) { m_chunked = chunked; }
    // The Content-Length value, -1 without one (or with a chunked body).
    qint64 contentLength() const { return m_contentLength; }
    void setContentLength(qint64 length) { m_contentLength = length; }

    // llhttp_should_keep_alive() at the end of the head: HTTP/1.1 unless "Connection: close",
    // HTTP/1.0 and 0.9 only with "Connection: keep-alive" (res.shouldKeepAlive in Node).
    bool keepAlive() const { return m_keepAlive; }
    void setKeepAlive(bool keepAlive) { m_keepAlive = keepAlive; }
    // llhttp's upgrade flag: an Upgrade header (any value) plus a Connection token "upgrade", or
    // the CONNECT method. Node then stops parsing HTTP on this connection.
    bool isUpgrade() const { return m_upgrade; }
    void setUpgrade(bool upgrade) { m_upgrade = upgrade; }
    // isUpgrade(), GET, and req.headers.upgrade equal to "websocket" in any case: the first two
    // checks of ws websocket-server.js handleUpgrade() (405, 400); Sec-WebSocket-Key and
    // -Version are checked by the WebSocket layer.
    bool isWebSocketUpgrade() const;

    // HTTP/1.1 without a Host field that Node can see: Node 20 answers
    // writeHead(400, ['Connection', 'close']) and never emits 'request' (requireHostHeader).
    bool isMissingHost() const;
    // HTTP/1.1 with Expect matching /(?:^|\W)100-continue(?:$|\W)/i: Node writes
    // "HTTP/1.1 100 Continue\r\n\r\n" before emitting 'request'.
    bool expectsContinue() const;
    // HTTP/1.1 with any other Expect value: Node answers 417 and never emits 'request'.
    bool hasUnmetExpectation() const;

    // The exact bytes from the first byte of the request line to the end of the empty line
    // (leading empty lines skipped). Capped at MaxRawHeadSize; see isRawHeadTruncated().
    static constexpr qsizetype MaxRawHeadSize = 128 * 1024;
    const QByteArray &rawHead() const { return m_rawHead; }
    void setRawHead(const QByteArray &head) { m_rawHead = head; }
    bool isRawHeadTruncated() const { return m_rawHeadTruncated; }
    void setRawHeadTruncated(bool truncated) { m_rawHeadTruncated = truncated; }
    // Where the request line starts in the connection's byte stream.
    qint64 streamOffset() const { return m_streamOffset; }
    void setStreamOffset(qint64 offset) { m_streamOffset = offset; }

    friend bool operator==(const HttpRequest &, const HttpRequest &) = default;

private:
    QByteArray m_method;
    QByteArray m_target;
    int m_versionMajor = 1;
    int m_versionMinor = 1;
    HttpHeaders m_headers;
    qsizetype m_visibleHeaderCount = NodeVisibleHeaderLimit;
    HttpHeaders m_trailers;
    QByteArray m_body;
    bool m_bodyTooLarge = false;
    bool m_chunked = false;
    qint64 m_contentLength = -1;
    bool m_keepAlive = true;
    bool m_upgrade = false;
    QByteArray m_rawHead;
    bool m_rawHeadTruncated = false;
    qint64 m_streamOffset = 0;
};

} // namespace corslab
