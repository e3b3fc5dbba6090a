// Incremental, bounded, I/O-free HTTP/1.1 request parser that accepts and rejects exactly what
// Node 20's http server (llhttp 9.3.1, no lenient flags) does.
#pragma once

#include "httprequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace corslab {

// Why Node 20 refuses the bytes. Node then writes HttpResponse::nodeClientError(status) (only if
// no response on this connection has started) and destroys the socket.
struct HttpParseError {
    int status = 400; // 431 for HPE_HEADER_OVERFLOW, 413 for HPE_CHUNK_EXTENSIONS_OVERFLOW
    QByteArray code; // Node's error.code, e.g. "HPE_INVALID_METHOD"
    QByteArray reason; // llhttp's reason, e.g. "Invalid method encountered"
    qint64 offset = 0; // position in the connection's byte stream where llhttp stopped

    // "HPE_INVALID_METHOD at byte 0: Invalid method encountered (Node answers 400 Bad Request)"
    QString toString() const;
    friend bool operator==(const HttpParseError &, const HttpParseError &) = default;
};

// What one feed() or finish() produced, in stream order.
struct HttpParseOutput {
    // Requests whose message ended during this call, in order (pipelining). A request whose
    // body went over the cap is here as soon as the cap is crossed, isBodyTooLarge() set; the
    // rest of its body is then read and dropped (Node's req._dump() after engine.io's 413).
    QList<HttpRequest> requests;
    // The head of a request that is still receiving its body at the end of this call, reported
    // once, in the call where its head completed: Node emits 'request' at the end of the head
    // (e.g. to write "100 Continue", or before an HPE_INVALID_TRANSFER_ENCODING error).
    std::optional<HttpRequest> pendingHead;
    // Set once; the parser then stops for good.
    std::optional<HttpParseError> error;
    // The last request of `requests` switched protocols (an Upgrade the server takes, or
    // CONNECT); everything after its head is in takeRemainder().
    bool upgraded = false;
    // Bytes Node silently skips: the rest of the read after an Upgrade request that no
    // 'upgrade' listener takes (see HttpRequestParser::setUpgradeHandled()), and everything
    // after the parser stalled.
    qint64 discardedBytes = 0;
    // A parse error Node swallowed (see HttpRequestParser::isStalled()); for the timeline only.
    std::optional<HttpParseError> ignoredError;
};

// Feed it the bytes of one connection in any chunking (even one byte at a time); the result
// does not depend on the chunking except where Node's does too (header size is checked when a
// field, value or URL ends and at the end of each chunk, like Node's TrackHeader()).
//
// Node 20 behaviour reproduced (llhttp 9.3.1, no lenient flags; checked with raw sockets):
// - request line: a known method (http.METHODS plus llhttp's RTSP/ICE ones, case-sensitive),
//   one or more spaces, an origin-, absolute-, authority- (CONNECT) or asterisk-form target
//   of printable ASCII, spaces, HTTP/1.0, 1.1, 2.0 (or RTSP/x.x, ICE/x.x for their methods),
//   CRLF; a target followed directly by CRLF (or LF) is an HTTP/0.9 request, with headers;
// - empty lines before a request are skipped; bare LF anywhere is a 400 (HPE_CR_EXPECTED,
//   HPE_INVALID_VERSION, HPE_INVALID_HEADER_TOKEN); obs-fold is a 400; space before the colon
//   is a 400;
// - header section: the URL, field names and raw values (with trailing blanks, without the
//   method, version, ": " and CRLFs) add up to at most maxHeaderSize() - 1 bytes: at
//   maxHeaderSize() Node answers 431;
// - Content-Length: digits and trailing spaces only, once; with Transfer-Encoding it is a 400;
//   Transfer-Encoding must end in "chunked"; chunk sizes are hex without blanks; chunk
//   extensions are token[=token|quoted-string] and at most 16384 bytes per chunk (else 413);
//   trailers are parsed like headers and kept apart;
// - after a request that does not keep the connection alive, anything but CR/LF is a 400
//   (HPE_CLOSED_CONNECTION);
// - an upgrade request (see HttpRequest::isUpgrade()) ends HTTP on the connection right after
//   its head: its body, if any, belongs to the new protocol.
class HttpRequestParser {
public:
    static constexpr qsizetype DefaultMaxHeaderSize = 16384; // node --max-http-header-size
    static constexpr qint64 MaxChunkExtensionsSize = 16384; // node_http_parser.cc
    static constexpr qint64 DefaultMaxBodySize = 1000000; // engine.io maxHttpBufferSize (1e6)

    HttpRequestParser() = default;

    void setMaxHeaderSize(qsizetype bytes) { m_maxHeaderSize = bytes; }
    qsizetype maxHeaderSize() const { return m_maxHeaderSize; }
    // Bodies over this many bytes are reported with isBodyTooLarge() instead of being kept
    // (negative: no cap). Not an error: engine.io answers 413 and keeps both the session and
    // the connection. Counts raw body bytes, as engine.io 6.6.12 does (polling.js onData():
    // contentLength += Buffer.byteLength(chunk); 413 once it is over maxHttpBufferSize).
    void setMaxBodySize(qint64 bytes) { m_maxBodySize = bytes; }
    qint64 maxBodySize() const { return m_maxBodySize; }
    // Does the server take Upgrade requests (Node: an 'upgrade' listener, which engine.io adds
    // only when "websocket" is in its transports)? If not, Node treats an upgrade request as a
    // plain one, keeps the connection, and drops the rest of that read (llhttp pauses on the
    // upgrade and Node does not feed it the remaining bytes). CONNECT always ends HTTP.
    // Until the next head is complete, Node then ignores parse errors (it only reports them
    // when llhttp's upgrade flag is clear): the parser stalls (isStalled()).
    void setUpgradeHandled(bool handled) { m_upgradeHandled = handled; }
    bool isUpgradeHandled() const { return m_upgradeHandled; }

    // The next bytes from the peer.
    HttpParseOutput feed(QByteArrayView bytes);
    // The peer closed its sending side (Node: socket 'end' → parser.finish()): a request cut off
    // half-way is a 400 (HPE_INVALID_EOF_STATE); between requests it is not an error.
    HttpParseOutput finish();

    // After an upgrade: the bytes that followed the head (and everything fed since).
    QByteArray takeRemainder();

    bool isUpgraded() const { return m_state == State::Upgraded; }
    bool hasFailed() const { return m_state == State::Failed; }
    // Node hit a parse error it does not report (after an upgrade request nobody took): no
    // 400, no close; every later byte is ignored until the connection times out or closes.
    bool isStalled() const { return m_state == State::Stalled; }
    std::optional<HttpParseError> error() const { return m_error; }
    // Inside a request (finish() now would be an error).
    bool isInsideMessage() const;
    qint64 bytesFed() const { return m_streamBase; }

    // Back to the state of a new connection (settings kept).
    void reset();

private:
    enum class State {
        Start,
        Method,
        AfterMethod,
        SpacesBeforeUrl,
        UrlStart,
        UrlSchema,
        UrlSchemaSlash1,
        UrlSchemaSlash2,
        UrlServer,
        UrlServerWithAt,
        UrlPath,
        UrlQuery,
        UrlFragment,
        UrlCr,
        UrlDone,
        SpacesBeforeProtocol,
        Protocol,
        ProtocolSlash,
        VersionMajor,
        VersionDot,
        VersionMinor,
        VersionEnd,
        VersionLf,
        PriPreface,
        HeadersStart,
        FieldStart,
        Field,
        ValueDiscardWs,
        ValueDiscardWsCr,
        ValueDiscardLws,
        ValueStart,
        TeChunked,
        TeChunkedLast,
        TeToken,
        TeTokenOws,
        ContentLength,
        ContentLengthWs,
        Connection,
        ConnectionWord,
        ConnectionWs,
        ConnectionToken,
        Value,
        ValueOtherwise,
        ValueCr,
        ValueLws,
        HeadersCr,
        BodyIdentity,
        ChunkSizeStart,
        ChunkSize,
        ChunkExtensions,
        ChunkExtensionName,
        ChunkExtensionValue,
        ChunkExtensionQuoted,
        ChunkExtensionQuotedPair,
        ChunkExtensionQuotedDone,
        ChunkSizeCr,
        ChunkData,
        ChunkDataCr,
        ChunkDataLf,
        Closed,
        Upgraded,
        Failed,
        Stalled,
    };
    // What llhttp remembers about the field being read (its header_state).
    enum class FieldKind { General, Connection, ContentLength, TransferEncoding, Upgrade };
    enum class ValueState {
        General,
        Connection,
        KeepAlive,
        Close,
        UpgradeToken,
        Chunked,
    };
    // llhttp's F_* flags that matter for requests (bits of m_flags).
    static constexpr unsigned KeepAliveFlag = 1u << 0;
    static constexpr unsigned CloseFlag = 1u << 1;
    static constexpr unsigned ConnectionUpgradeFlag = 1u << 2;
    static constexpr unsigned ChunkedFlag = 1u << 3;
    static constexpr unsigned UpgradeFlag = 1u << 4;
    static constexpr unsigned ContentLengthFlag = 1u << 5;
    static constexpr unsigned TrailingFlag = 1u << 6;
    static constexpr unsigned TransferEncodingFlag = 1u << 7;
    enum class Span { None, Url, Field, Value, ExtensionName, ExtensionValue };

    void beginMessage(qint64 offset);
    void fail(QByteArray code, QByteArray reason, qint64 offset, int status = 400);
    // Node's TrackHeader(): false (and failed) at maxHeaderSize.
    bool trackHeader(qint64 bytes, qint64 offset);
    // Ends or flushes the counted span; false if that was one byte too many.
    bool flushSpan(qint64 offset);
    void endSpan(Span expected, qint64 offset);
    void appendSpanByte(char c);
    void storeField();
    void applyValueState();
    void headersComplete(QByteArrayView data, qsizetype &i, HttpParseOutput &out);
    void messageComplete(QByteArrayView data, qsizetype &i, HttpParseOutput &out);
    void appendBody(QByteArrayView bytes, HttpParseOutput &out);
    bool llhttpKeepAlive() const;
    void captureHead(QByteArrayView data, qsizetype end);

    // Settings.
    qsizetype m_maxHeaderSize = DefaultMaxHeaderSize;
    qint64 m_maxBodySize = DefaultMaxBodySize;
    bool m_upgradeHandled = true;

    // Connection.
    State m_state = State::Start;
    qint64 m_streamBase = 0; // bytes fed before the current chunk
    std::optional<HttpParseError> m_error;
    std::optional<HttpParseError> m_ignoredError;
    QByteArray m_remainder;
    // llhttp's parser->upgrade: computed at each end of head and kept until the next one.
    bool m_llhttpUpgrade = false;

    // Current message (llhttp's parser fields, then what Node collects).
    HttpRequest m_request;
    QByteArray m_method;
    QByteArray m_protocol;
    QByteArray m_target;
    HttpHeaders m_fields;
    HttpHeaders m_trailers;
    QByteArray m_fieldName;
    QByteArray m_fieldValue;
    QByteArray m_body;
    unsigned m_flags = 0;
    quint64 m_length = 0; // content_length: Content-Length, then each chunk's size
    FieldKind m_fieldKind = FieldKind::General;
    ValueState m_valueState = ValueState::General;
    int m_wordIndex = 0; // position inside "chunked" / "close" / "upgrade" / "keep-alive"
    const char *m_word = nullptr;
    int m_versionMajor = 0;
    int m_versionMinor = 0;
    bool m_http09 = false; // the target ended the line
    qsizetype m_priMatched = 0;
    qint64 m_headerBytes = 0; // Node's header_nread_
    qint64 m_extensionBytes = 0; // Node's chunk_extensions_nread_
    Span m_span = Span::None;
    qint64 m_spanPending = 0; // counted bytes of the open span not yet passed to TrackHeader()
    qint64 m_bodyReceived = 0;
    bool m_bodyReported = false; // already handed out as too large
    bool m_upgrade = false;
    qsizetype m_headStart = -1; // where the head began in the current chunk, -1 outside a head
    QByteArray m_rawHead;
    bool m_rawHeadTruncated = false;
    qint64 m_messageOffset = 0;
};

} // namespace corslab
