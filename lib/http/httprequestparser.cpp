// HTTP/1.1 request parsing with the grammar and error codes of llhttp 9.3.1 as built into
// Node 20 (strict: no lenient flags), plus the limits Node's node_http_parser.cc adds.
#include "httprequestparser.h"

#include "httpresponse.h"

#include <array>
#include <limits>
#include <utility>

namespace corslab {

namespace {

// --- Character classes (llhttp src/llhttp/constants.ts) -------------------------------------

bool isAlpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

int hexDigit(unsigned char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// RFC 7230 tchar.
bool isToken(unsigned char c)
{
    if (isAlpha(c) || isDigit(c))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

// URL_CHAR: printable ASCII except '#' and '?', which end the path or the query.
bool isUrlChar(unsigned char c)
{
    return c >= 0x21 && c <= 0x7E && c != '#' && c != '?';
}

// USERINFO_CHARS plus '[' and ']' (authority of absolute- and authority-form targets).
bool isServerChar(unsigned char c)
{
    if (isAlpha(c) || isDigit(c))
        return true;
    switch (c) {
    case '-':
    case '_':
    case '.':
    case '!':
    case '~':
    case '*':
    case '\'':
    case '(':
    case ')':
    case '%':
    case ';':
    case ':':
    case '&':
    case '=':
    case '+':
    case '$':
    case ',':
    case '[':
    case ']':
        return true;
    default:
        return false;
    }
}

// HTAB / SP / VCHAR / obs-text (RFC 9110 field-vchar and blanks).
bool isHeaderChar(unsigned char c)
{
    return c == '\t' || (c >= 0x20 && c != 0x7F);
}

// CONNECTION_TOKEN_CHARS: header chars except ','.
bool isConnectionTokenChar(unsigned char c)
{
    return isHeaderChar(c) && c != ',';
}

// RFC 9110 qdtext.
bool isQdText(unsigned char c)
{
    return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5B)
        || (c >= 0x5D && c <= 0x7E) || c >= 0x80;
}

unsigned char toLower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c | 0x20) : c;
}

// --- Methods (llhttp METHODS, as Node's allMethods names them) ------------------------------

enum MethodSet : unsigned { Http = 1, Rtsp = 2, Ice = 4 };

struct MethodInfo {
    const char *name;
    unsigned protocols;
};

constexpr std::array<MethodInfo, 47> methods = {{
    {"DELETE", Http},
    {"GET", Http | Rtsp},
    {"HEAD", Http},
    {"POST", Http | Rtsp},
    {"PUT", Http},
    {"CONNECT", Http},
    {"OPTIONS", Http | Rtsp},
    {"TRACE", Http},
    {"COPY", Http},
    {"LOCK", Http},
    {"MKCOL", Http},
    {"MOVE", Http},
    {"PROPFIND", Http},
    {"PROPPATCH", Http},
    {"SEARCH", Http},
    {"UNLOCK", Http},
    {"BIND", Http},
    {"REBIND", Http},
    {"UNBIND", Http},
    {"ACL", Http},
    {"REPORT", Http},
    {"MKACTIVITY", Http},
    {"CHECKOUT", Http},
    {"MERGE", Http},
    {"M-SEARCH", Http},
    {"NOTIFY", Http},
    {"SUBSCRIBE", Http},
    {"UNSUBSCRIBE", Http},
    {"PATCH", Http},
    {"PURGE", Http},
    {"QUERY", Http},
    {"MKCALENDAR", Http},
    {"LINK", Http},
    {"UNLINK", Http},
    {"SOURCE", Http | Ice},
    {"PRI", Http},
    {"DESCRIBE", Rtsp},
    {"ANNOUNCE", Rtsp},
    {"SETUP", Rtsp},
    {"PLAY", Rtsp},
    {"PAUSE", Rtsp},
    {"TEARDOWN", Rtsp},
    {"GET_PARAMETER", Rtsp},
    {"SET_PARAMETER", Rtsp},
    {"REDIRECT", Rtsp},
    {"RECORD", Rtsp},
    {"FLUSH", Rtsp},
}};

bool isMethodPrefix(QByteArrayView text)
{
    for (const MethodInfo &m : methods) {
        if (QByteArrayView(m.name).startsWith(text))
            return true;
    }
    return false;
}

const MethodInfo *findMethod(QByteArrayView text)
{
    for (const MethodInfo &m : methods) {
        if (QByteArrayView(m.name) == text)
            return &m;
    }
    return nullptr;
}

bool isProtocolPrefix(QByteArrayView text)
{
    return QByteArrayView("HTTP").startsWith(text) || QByteArrayView("RTSP").startsWith(text)
        || QByteArrayView("ICE").startsWith(text);
}

constexpr QByteArrayView priPreface("\r\n\r\nSM\r\n\r\n");

bool isSpecial(QByteArrayView name, const char *keyword)
{
    return HttpHeaders::namesEqual(name, QByteArrayView(keyword));
}

} // namespace

QString HttpParseError::toString() const
{
    return QString::fromLatin1(code) + QStringLiteral(" at byte ") + QString::number(offset)
        + QStringLiteral(": ") + QString::fromLatin1(reason) + QStringLiteral(" (Node answers ")
        + QString::number(status) + QLatin1Char(' ')
        + QString::fromLatin1(HttpResponse::statusText(status)) + QLatin1Char(')');
}

void HttpRequestParser::reset()
{
    const qsizetype maxHeaderSize = m_maxHeaderSize;
    const qint64 maxBodySize = m_maxBodySize;
    const bool upgradeHandled = m_upgradeHandled;
    *this = HttpRequestParser();
    m_maxHeaderSize = maxHeaderSize;
    m_maxBodySize = maxBodySize;
    m_upgradeHandled = upgradeHandled;
}

bool HttpRequestParser::isInsideMessage() const
{
    switch (m_state) {
    case State::Start:
    case State::Closed:
    case State::Upgraded:
    case State::Failed:
    case State::Stalled:
        return false;
    default:
        return true;
    }
}

QByteArray HttpRequestParser::takeRemainder()
{
    return std::exchange(m_remainder, QByteArray());
}

void HttpRequestParser::fail(QByteArray code, QByteArray reason, qint64 offset, int status)
{
    HttpParseError error {status, std::move(code), std::move(reason), offset};
    // node_http_parser.cc Execute() reports errors only "if (!parser_.upgrade && ...)", and
    // llhttp keeps that flag from the last upgrade request until the next head is complete.
    if (m_llhttpUpgrade) {
        m_state = State::Stalled;
        m_ignoredError = std::move(error);
        return;
    }
    m_state = State::Failed;
    m_error = std::move(error);
}

void HttpRequestParser::beginMessage(qint64 offset)
{
    // llhttp resets its flags after each message and content_length on restart.
    m_method.clear();
    m_protocol.clear();
    m_target.clear();
    m_fields = HttpHeaders();
    m_trailers = HttpHeaders();
    m_fieldName.clear();
    m_fieldValue.clear();
    m_body.clear();
    m_flags = 0;
    m_length = 0;
    m_fieldKind = FieldKind::General;
    m_valueState = ValueState::General;
    m_versionMajor = m_versionMinor = 0;
    m_priMatched = 0;
    m_extensionBytes = 0;
    m_span = Span::None;
    m_spanPending = 0;
    m_bodyReceived = 0;
    m_bodyReported = false;
    m_upgrade = false;
    m_rawHead.clear();
    m_rawHeadTruncated = false;
    m_messageOffset = offset;
    m_request = HttpRequest();
}

bool HttpRequestParser::trackHeader(qint64 bytes, qint64 offset)
{
    // node_http_parser.cc TrackHeader(): header_nread_ >= max_http_header_size_ → 431.
    m_headerBytes += bytes;
    if (m_headerBytes >= m_maxHeaderSize) {
        fail("HPE_HEADER_OVERFLOW", "Header overflow", offset, 431);
        return false;
    }
    return true;
}

bool HttpRequestParser::flushSpan(qint64 offset)
{
    const qint64 pending = std::exchange(m_spanPending, 0);
    switch (m_span) {
    case Span::Url:
    case Span::Field:
    case Span::Value:
        return trackHeader(pending, offset);
    case Span::ExtensionName:
    case Span::ExtensionValue:
        // node_http_parser.cc on_chunk_extension(): more than 16384 bytes per chunk → 413.
        m_extensionBytes += pending;
        if (m_extensionBytes > MaxChunkExtensionsSize) {
            fail("HPE_CHUNK_EXTENSIONS_OVERFLOW", "Chunk extensions overflow", offset, 413);
            return false;
        }
        return true;
    case Span::None:
        break;
    }
    return true;
}

void HttpRequestParser::endSpan(Span expected, qint64 offset)
{
    Q_ASSERT(m_span == expected);
    Q_UNUSED(expected);
    if (!flushSpan(offset))
        return;
    m_span = Span::None;
}

void HttpRequestParser::appendSpanByte(char c)
{
    ++m_spanPending;
    // Whatever reaches the header limit fails at the end of this span or of this chunk at the
    // latest, so nothing past the limit needs keeping.
    QByteArray *store = nullptr;
    switch (m_span) {
    case Span::Url:
        store = &m_target;
        break;
    case Span::Field:
        store = &m_fieldName;
        break;
    case Span::Value:
        store = &m_fieldValue;
        break;
    default:
        return;
    }
    if (store->size() < m_maxHeaderSize)
        store->append(c);
}

void HttpRequestParser::storeField()
{
    // node_http_parser.cc ToTrimmedString(): trailing SP/HTAB dropped (leading ones never enter
    // the span).
    qsizetype end = m_fieldValue.size();
    while (end > 0 && (m_fieldValue[end - 1] == ' ' || m_fieldValue[end - 1] == '\t'))
        --end;
    HttpHeaders &target = (m_flags & TrailingFlag) ? m_trailers : m_fields;
    target.append(m_fieldName, m_fieldValue.first(end));
    m_fieldName.clear();
    m_fieldValue.clear();
}

void HttpRequestParser::applyValueState()
{
    // llhttp setHeaderFlags().
    switch (m_valueState) {
    case ValueState::KeepAlive:
        m_flags |= KeepAliveFlag;
        m_valueState = ValueState::Connection;
        break;
    case ValueState::Close:
        m_flags |= CloseFlag;
        m_valueState = ValueState::Connection;
        break;
    case ValueState::UpgradeToken:
        m_flags |= ConnectionUpgradeFlag;
        m_valueState = ValueState::Connection;
        break;
    case ValueState::Chunked:
        m_flags |= ChunkedFlag;
        break;
    case ValueState::General:
    case ValueState::Connection:
        break;
    }
}

bool HttpRequestParser::llhttpKeepAlive() const
{
    // llhttp_should_keep_alive(): only 1.1 counts as HTTP/1.1 (2.0 is treated like 1.0).
    if (m_versionMajor > 0 && m_versionMinor > 0)
        return !(m_flags & CloseFlag);
    return (m_flags & KeepAliveFlag) != 0;
}

void HttpRequestParser::captureHead(QByteArrayView data, qsizetype end)
{
    if (m_headStart < 0)
        return;
    const QByteArrayView piece = data.sliced(m_headStart, end - m_headStart);
    const qsizetype room = HttpRequest::MaxRawHeadSize - m_rawHead.size();
    if (piece.size() > room) {
        m_rawHead.append(piece.first(qMax<qsizetype>(room, 0)));
        m_rawHeadTruncated = true;
    } else {
        m_rawHead.append(piece);
    }
    m_headStart = -1;
}

void HttpRequestParser::appendBody(QByteArrayView bytes, HttpParseOutput &out)
{
    m_bodyReceived += bytes.size();
    if (m_bodyReported)
        return;
    const qint64 room = m_maxBodySize - m_body.size();
    if (m_maxBodySize < 0 || bytes.size() <= room) {
        m_body.append(bytes);
        return;
    }
    // engine.io polling.ts onDataRequest(): over maxHttpBufferSize → 413 now, session kept.
    m_body.append(bytes.first(qMax<qint64>(room, 0)));
    m_request.setBody(m_body);
    m_request.setBodyTooLarge(true);
    m_bodyReported = true;
    m_body.clear();
    out.requests.append(m_request);
    out.pendingHead.reset();
}

void HttpRequestParser::headersComplete(QByteArrayView data, qsizetype &i, HttpParseOutput &out)
{
    // i is just past the empty line's LF.
    captureHead(data, i);
    m_headerBytes = 0; // on_headers_complete()
    const bool connect = m_method == "CONNECT";
    // llhttp__before_headers_complete().
    m_upgrade = ((m_flags & UpgradeFlag) && (m_flags & ConnectionUpgradeFlag)) || connect;
    m_llhttpUpgrade = m_upgrade;

    m_request.setMethod(m_method);
    m_request.setTarget(m_target);
    m_request.setVersion(m_versionMajor, m_versionMinor);
    m_request.setHeaders(m_fields);
    m_request.setKeepAlive(llhttpKeepAlive());
    m_request.setUpgrade(m_upgrade);
    m_request.setChunked(m_flags & ChunkedFlag);
    const bool lengthFits = m_length <= quint64(std::numeric_limits<qint64>::max());
    if ((m_flags & ContentLengthFlag) && lengthFits)
        m_request.setContentLength(qint64(m_length));
    m_request.setRawHead(m_rawHead);
    m_request.setRawHeadTruncated(m_rawHeadTruncated);
    m_request.setStreamOffset(m_messageOffset);

    // _http_server.js parserOnIncoming() returns 2 (skip body, upgrade) for CONNECT and, when
    // there is an 'upgrade' listener, for upgrades; llhttp then stops after the head.
    if (m_upgrade && (connect || m_upgradeHandled)) {
        out.requests.append(m_request);
        out.upgraded = true;
        m_state = State::Upgraded;
        m_remainder.append(data.sliced(i));
        i = data.size();
        return;
    }
    // llhttp__after_headers_complete().
    const bool hasBody = (m_flags & ChunkedFlag) || m_length > 0;
    if (m_upgrade && !hasBody) {
        messageComplete(data, i, out);
        return;
    }
    if (m_flags & ChunkedFlag) {
        out.pendingHead = m_request;
        m_state = State::ChunkSizeStart;
        return;
    }
    if (m_flags & TransferEncodingFlag) {
        // RFC 9112 §6.3: a request whose last coding is not chunked cannot be framed. Node has
        // already emitted 'request' for it.
        out.pendingHead = m_request;
        fail("HPE_INVALID_TRANSFER_ENCODING", "Request has invalid `Transfer-Encoding`",
            m_streamBase + i);
        return;
    }
    if (!(m_flags & ContentLengthFlag) || m_length == 0) {
        messageComplete(data, i, out);
        return;
    }
    out.pendingHead = m_request;
    m_state = State::BodyIdentity;
}

void HttpRequestParser::messageComplete(QByteArrayView data, qsizetype &i, HttpParseOutput &out)
{
    if (!m_bodyReported) {
        m_request.setBody(m_body);
        m_request.setTrailers(m_trailers);
        out.requests.append(m_request);
    }
    out.pendingHead.reset();
    // llhttp__after_message_complete(): keep-alive is decided again, trailers included.
    const bool keepAlive = llhttpKeepAlive();
    m_state = keepAlive ? State::Start : State::Closed;
    m_length = 0;
    m_flags = 0;
    if (m_upgrade) {
        // llhttp paused on the upgrade (no listener took it); Node resumes the parser but
        // never feeds it the rest of this read.
        out.discardedBytes += data.size() - i;
        i = data.size();
    }
}

HttpParseOutput HttpRequestParser::finish()
{
    HttpParseOutput out;
    // llhttp_finish(): HTTP_FINISH_UNSAFE inside a message.
    if (isInsideMessage()) {
        fail("HPE_INVALID_EOF_STATE", "Invalid EOF state", m_streamBase);
        if (m_state == State::Failed)
            out.error = m_error;
        else
            out.ignoredError = m_ignoredError;
    }
    return out;
}

HttpParseOutput HttpRequestParser::feed(QByteArrayView data)
{
    HttpParseOutput out;
    if (m_state == State::Failed) {
        m_streamBase += data.size();
        return out;
    }
    if (m_state == State::Stalled) {
        out.discardedBytes = data.size();
        m_streamBase += data.size();
        return out;
    }
    if (m_state == State::Upgraded) {
        m_remainder.append(data);
        m_streamBase += data.size();
        return out;
    }
    const qsizetype n = data.size();
    qsizetype i = 0;
    if (m_headStart >= 0)
        m_headStart = 0;

    // Offsets of llhttp's error position: the current byte, or the next one where llhttp
    // consumes the byte before failing ("skipTo").
    const auto at = [&](qsizetype k) { return m_streamBase + k; };

    while (i < n && m_state != State::Failed && m_state != State::Upgraded
        && m_state != State::Stalled) {
        const auto c = static_cast<unsigned char>(data[i]);
        switch (m_state) {
        // --- Request line ---------------------------------------------------------------------
        case State::Start:
            if (c == '\r' || c == '\n') {
                ++i;
                break;
            }
            beginMessage(at(i));
            m_headStart = i;
            m_state = State::Method;
            break;
        case State::Method: {
            QByteArray candidate = m_method;
            candidate.append(char(c));
            if (isMethodPrefix(candidate)) {
                m_method = candidate;
                ++i;
            } else if (findMethod(m_method)) {
                m_state = State::AfterMethod;
            } else {
                fail("HPE_INVALID_METHOD", "Invalid method encountered", at(i));
            }
            break;
        }
        case State::AfterMethod:
            if (c != ' ') {
                fail("HPE_INVALID_METHOD", "Expected space after method", at(i));
                break;
            }
            ++i;
            m_state = State::SpacesBeforeUrl;
            break;
        case State::SpacesBeforeUrl:
            if (c == ' ') {
                ++i;
                break;
            }
            m_span = Span::Url;
            m_state = m_method == "CONNECT" ? State::UrlServer : State::UrlStart;
            break;
        case State::UrlStart:
            if (c == '/' || c == '*') {
                m_state = State::UrlPath;
            } else if (isAlpha(c)) {
                m_state = State::UrlSchema;
            } else if (c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f') {
                fail("HPE_INVALID_URL", "Invalid characters in url", at(i + 1));
            } else {
                fail("HPE_INVALID_URL", "Unexpected start char in url", at(i));
            }
            break;
        case State::UrlSchema:
            if (isAlpha(c)) {
                appendSpanByte(char(c));
                ++i;
            } else if (c == ':') {
                appendSpanByte(char(c));
                ++i;
                m_state = State::UrlSchemaSlash1;
            } else if (c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f') {
                fail("HPE_INVALID_URL", "Invalid characters in url", at(i + 1));
            } else {
                fail("HPE_INVALID_URL", "Unexpected char in url schema", at(i));
            }
            break;
        case State::UrlSchemaSlash1:
        case State::UrlSchemaSlash2:
            if (c == '/') {
                appendSpanByte(char(c));
                ++i;
                m_state
                    = m_state == State::UrlSchemaSlash1 ? State::UrlSchemaSlash2 : State::UrlServer;
            } else if (m_state == State::UrlSchemaSlash1
                && (c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f')) {
                fail("HPE_INVALID_URL", "Invalid characters in url", at(i + 1));
            } else {
                fail("HPE_INVALID_URL", "Unexpected char in url schema", at(i));
            }
            break;
        case State::UrlServer:
        case State::UrlServerWithAt:
        case State::UrlPath:
        case State::UrlQuery:
        case State::UrlFragment: {
            // The URL ends at SP (version follows), CRLF or LF (HTTP/0.9).
            if (c == ' ' || c == '\r' || c == '\n') {
                endSpan(Span::Url, at(i));
                if (m_state == State::Failed)
                    break;
                ++i;
                if (c == '\r') {
                    m_state = State::UrlCr;
                } else {
                    m_http09 = c == '\n';
                    m_state = State::UrlDone;
                }
                break;
            }
            if (c == '\t' || c == '\f') {
                fail("HPE_INVALID_URL", "Invalid characters in url", at(i + 1));
                break;
            }
            bool ok = true;
            State next = m_state;
            switch (m_state) {
            case State::UrlServer:
            case State::UrlServerWithAt:
                if (c == '/') {
                    next = State::UrlPath;
                } else if (c == '?') {
                    next = State::UrlQuery;
                } else if (isServerChar(c)) {
                    next = State::UrlServer;
                } else if (c == '@') {
                    if (m_state == State::UrlServerWithAt) {
                        fail("HPE_INVALID_URL", "Double @ in url", at(i + 1));
                        ok = false;
                    }
                    next = State::UrlServerWithAt;
                } else {
                    fail("HPE_INVALID_URL", "Unexpected char in url server", at(i));
                    ok = false;
                }
                break;
            case State::UrlPath:
                if (c == '?')
                    next = State::UrlQuery;
                else if (c == '#')
                    next = State::UrlFragment;
                else if (!isUrlChar(c)) {
                    fail("HPE_INVALID_URL", "Invalid char in url path", at(i));
                    ok = false;
                }
                break;
            case State::UrlQuery:
                if (c == '#')
                    next = State::UrlFragment;
                else if (!isUrlChar(c) && c != '?') {
                    fail("HPE_INVALID_URL", "Invalid char in url query", at(i));
                    ok = false;
                }
                break;
            default: // UrlFragment
                if (!isUrlChar(c) && c != '?' && c != '#') {
                    fail("HPE_INVALID_URL", "Invalid char in url fragment start", at(i));
                    ok = false;
                }
                break;
            }
            if (!ok)
                break;
            appendSpanByte(char(c));
            ++i;
            m_state = next;
            break;
        }
        case State::UrlCr:
            if (c != '\n') {
                fail("HPE_INVALID_URL", "Expected CRLF", at(i));
                break;
            }
            ++i;
            m_http09 = true;
            m_state = State::UrlDone;
            break;
        case State::UrlDone:
            // llhttp's url "to_http" nodes still refuse TAB and FF right after the terminator.
            if (c == '\t' || c == '\f') {
                fail("HPE_INVALID_URL", "Invalid characters in url", at(i + 1));
                break;
            }
            if (m_http09) {
                m_versionMajor = 0;
                m_versionMinor = 9;
                m_state = State::HeadersStart;
            } else {
                m_state = State::SpacesBeforeProtocol;
            }
            break;
        case State::SpacesBeforeProtocol:
            if (c == ' ') {
                ++i;
                break;
            }
            m_state = State::Protocol;
            break;
        case State::Protocol: {
            QByteArray candidate = m_protocol;
            candidate.append(char(c));
            if (!isProtocolPrefix(candidate)) {
                fail("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/", at(i));
                break;
            }
            m_protocol = candidate;
            ++i;
            const MethodInfo *method = findMethod(m_method);
            if (m_protocol == "HTTP") {
                if (!(method->protocols & Http)) {
                    fail("HPE_INVALID_CONSTANT", "Invalid method for HTTP/x.x request", at(i));
                    break;
                }
            } else if (m_protocol == "RTSP") {
                if (!(method->protocols & Rtsp)) {
                    fail("HPE_INVALID_CONSTANT", "Invalid method for RTSP/x.x request", at(i));
                    break;
                }
            } else if (m_protocol == "ICE") {
                if (!(method->protocols & Ice)) {
                    fail("HPE_INVALID_CONSTANT", "Expected SOURCE method for ICE/x.x request",
                        at(i));
                    break;
                }
            } else {
                break;
            }
            m_state = State::ProtocolSlash;
            break;
        }
        case State::ProtocolSlash:
            if (c != '/') {
                fail("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/", at(i));
                break;
            }
            ++i;
            m_state = State::VersionMajor;
            break;
        case State::VersionMajor:
            if (!isDigit(c)) {
                fail("HPE_INVALID_VERSION", "Invalid major version", at(i));
                break;
            }
            m_versionMajor = c - '0';
            ++i;
            m_state = State::VersionDot;
            break;
        case State::VersionDot:
            if (c != '.') {
                fail("HPE_INVALID_VERSION", "Expected dot", at(i));
                break;
            }
            ++i;
            m_state = State::VersionMinor;
            break;
        case State::VersionMinor: {
            if (!isDigit(c)) {
                fail("HPE_INVALID_VERSION", "Invalid minor version", at(i));
                break;
            }
            m_versionMinor = c - '0';
            ++i;
            // llhttp checkVersion(): 0.9, 1.0, 1.1 and 2.0 only.
            const int v = m_versionMajor * 10 + m_versionMinor;
            if (v != 9 && v != 10 && v != 11 && v != 20) {
                fail("HPE_INVALID_VERSION", "Invalid HTTP version", at(i));
                break;
            }
            m_state = m_method == "PRI" ? State::PriPreface : State::VersionEnd;
            break;
        }
        case State::PriPreface:
            if (c != static_cast<unsigned char>(priPreface[m_priMatched])) {
                fail("HPE_INVALID_VERSION", "Expected HTTP/2 Connection Preface", at(i));
                break;
            }
            ++i;
            if (++m_priMatched == priPreface.size())
                fail("HPE_PAUSED_H2_UPGRADE", "Pause on PRI/Upgrade", at(i));
            break;
        case State::VersionEnd:
            if (c != '\r') {
                fail("HPE_INVALID_VERSION", "Expected CRLF after version",
                    at(c == '\n' ? i + 1 : i));
                break;
            }
            ++i;
            m_state = State::VersionLf;
            break;
        case State::VersionLf:
            if (c != '\n') {
                fail("HPE_STRICT", "Expected CRLF after version", at(i));
                break;
            }
            ++i;
            m_state = State::HeadersStart;
            break;

        // --- Header fields (and trailers) ---------------------------------------------------
        case State::HeadersStart:
            if (c == ' ') {
                fail("HPE_UNEXPECTED_SPACE", "Unexpected space after start line", at(i + 1));
                break;
            }
            m_state = State::FieldStart;
            break;
        case State::FieldStart:
            if (c == '\r') {
                ++i;
                m_state = State::HeadersCr;
            } else if (c == '\n') {
                fail("HPE_INVALID_HEADER_TOKEN", "Invalid header field char", at(i + 1));
            } else if (c == ':') {
                fail("HPE_INVALID_HEADER_TOKEN", "Invalid header token", at(i));
            } else {
                m_span = Span::Field;
                m_state = State::Field;
            }
            break;
        case State::Field:
            if (isToken(c)) {
                appendSpanByte(char(c));
                ++i;
                break;
            }
            if (c == ':') {
                endSpan(Span::Field, at(i + 1));
                if (m_state == State::Failed)
                    break;
                // on_header_field_complete: which special field, then RFC 9112 §6.3 (a
                // request with both Content-Length and Transfer-Encoding is an error).
                if (isSpecial(m_fieldName, "connection")
                    || isSpecial(m_fieldName, "proxy-connection"))
                    m_fieldKind = FieldKind::Connection;
                else if (isSpecial(m_fieldName, "content-length"))
                    m_fieldKind = FieldKind::ContentLength;
                else if (isSpecial(m_fieldName, "transfer-encoding"))
                    m_fieldKind = FieldKind::TransferEncoding;
                else if (isSpecial(m_fieldName, "upgrade"))
                    m_fieldKind = FieldKind::Upgrade;
                else
                    m_fieldKind = FieldKind::General;
                m_valueState = m_fieldKind == FieldKind::Connection ? ValueState::Connection
                                                                    : ValueState::General;
                if (m_fieldKind == FieldKind::TransferEncoding && (m_flags & ContentLengthFlag)) {
                    fail("HPE_INVALID_TRANSFER_ENCODING",
                        "Transfer-Encoding can't be present with Content-Length", at(i + 1));
                    break;
                }
                if (m_fieldKind == FieldKind::ContentLength && (m_flags & TransferEncodingFlag)) {
                    fail("HPE_INVALID_CONTENT_LENGTH",
                        "Content-Length can't be present with Transfer-Encoding", at(i + 1));
                    break;
                }
                ++i;
                m_state = State::ValueDiscardWs;
                break;
            }
            // A space right after one of llhttp's special names is reported at the span end.
            if (c == ' '
                && (isSpecial(m_fieldName, "connection")
                    || isSpecial(m_fieldName, "proxy-connection")
                    || isSpecial(m_fieldName, "content-length")
                    || isSpecial(m_fieldName, "transfer-encoding")
                    || isSpecial(m_fieldName, "upgrade"))) {
                endSpan(Span::Field, at(i + 1));
                if (m_state != State::Failed)
                    fail("HPE_INVALID_HEADER_TOKEN", "Invalid header field char", at(i + 1));
                break;
            }
            fail("HPE_INVALID_HEADER_TOKEN", "Invalid header token", at(i));
            break;
        case State::ValueDiscardWs:
            if (c == ' ' || c == '\t') {
                ++i;
            } else if (c == '\r') {
                ++i;
                m_state = State::ValueDiscardWsCr;
            } else if (c == '\n') {
                fail("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", at(i + 1));
            } else {
                m_span = Span::Value;
                m_state = State::ValueStart;
            }
            break;
        case State::ValueDiscardWsCr:
            if (c != '\n') {
                fail("HPE_STRICT", "Expected LF after CR", at(i));
                break;
            }
            ++i;
            m_state = State::ValueDiscardLws;
            break;
        case State::ValueDiscardLws:
            // An empty value, unless the next line is an obs-fold.
            if (c == ' ' || c == '\t') {
                fail("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", at(i + 1));
                break;
            }
            if (m_fieldKind == FieldKind::ContentLength) {
                fail("HPE_INVALID_CONTENT_LENGTH", "Empty Content-Length", at(i));
                break;
            }
            applyValueState();
            m_span = Span::Value;
            endSpan(Span::Value, at(i));
            if (m_state == State::Failed)
                break;
            storeField();
            m_state = State::FieldStart;
            break;
        case State::ValueStart:
            switch (m_fieldKind) {
            case FieldKind::Upgrade:
                m_flags |= UpgradeFlag;
                m_valueState = ValueState::General;
                m_state = State::Value;
                break;
            case FieldKind::TransferEncoding:
                // RFC 9112 §6.1: nothing may follow "chunked" in a request.
                if (m_flags & ChunkedFlag) {
                    endSpan(Span::Value, at(i + 1));
                    if (m_state != State::Failed)
                        fail("HPE_INVALID_TRANSFER_ENCODING",
                            "Invalid `Transfer-Encoding` header value", at(i + 1));
                    break;
                }
                m_flags |= TransferEncodingFlag;
                m_flags &= ~ChunkedFlag;
                m_wordIndex = 0;
                m_state = State::TeChunked;
                break;
            case FieldKind::ContentLength:
                if (m_flags & ContentLengthFlag) {
                    fail("HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", at(i));
                    break;
                }
                m_state = State::ContentLength;
                break;
            case FieldKind::Connection:
                m_state = State::Connection;
                break;
            case FieldKind::General:
                m_state = State::Value;
                break;
            }
            break;
        case State::TeChunked: {
            static constexpr QByteArrayView chunked("chunked");
            // llhttp toLowerUnsafe: c | 0x20.
            if ((c | 0x20) == static_cast<unsigned char>(chunked[m_wordIndex])) {
                appendSpanByte(char(c));
                ++i;
                if (++m_wordIndex == chunked.size())
                    m_state = State::TeChunkedLast;
            } else {
                m_state = State::TeToken;
            }
            break;
        }
        case State::TeChunkedLast:
            if (c == ' ') {
                appendSpanByte(char(c));
                ++i;
            } else if (c == '\r' || c == '\n') {
                m_valueState = ValueState::Chunked;
                m_state = State::ValueOtherwise;
            } else if (c == ',') {
                endSpan(Span::Value, at(i + 1));
                if (m_state != State::Failed)
                    fail("HPE_INVALID_TRANSFER_ENCODING",
                        "Invalid `Transfer-Encoding` header value", at(i + 1));
            } else {
                m_state = State::TeToken;
            }
            break;
        case State::TeToken:
            if (c == ',') {
                appendSpanByte(char(c));
                ++i;
                m_state = State::TeTokenOws;
            } else if (isConnectionTokenChar(c)) {
                appendSpanByte(char(c));
                ++i;
            } else {
                m_valueState = ValueState::General;
                m_state = State::Value;
            }
            break;
        case State::TeTokenOws:
            if (c == ' ' || c == '\t') {
                appendSpanByte(char(c));
                ++i;
            } else {
                m_wordIndex = 0;
                m_state = State::TeChunked;
            }
            break;
        case State::ContentLength:
            if (isDigit(c)) {
                const quint64 digit = c - '0';
                constexpr quint64 max = std::numeric_limits<quint64>::max();
                if (m_length > (max - digit) / 10) {
                    appendSpanByte(char(c));
                    ++i;
                    endSpan(Span::Value, at(i));
                    if (m_state != State::Failed)
                        fail("HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow", at(i));
                    break;
                }
                m_length = m_length * 10 + digit;
                appendSpanByte(char(c));
                ++i;
            } else {
                m_state = State::ContentLengthWs;
            }
            break;
        case State::ContentLengthWs:
            if (c == ' ') {
                appendSpanByte(char(c));
                ++i;
            } else if (c == '\r' || c == '\n') {
                m_flags |= ContentLengthFlag;
                m_state = State::ValueOtherwise;
            } else {
                endSpan(Span::Value, at(i));
                if (m_state != State::Failed)
                    fail(
                        "HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length", at(i));
            }
            break;
        case State::Connection: {
            const unsigned char lower = toLower(c);
            if (c == ' ' || c == '\t') {
                appendSpanByte(char(c));
                ++i;
                break;
            }
            m_word = lower == 'c' ? "close"
                : lower == 'u'    ? "upgrade"
                : lower == 'k'    ? "keep-alive"
                                  : nullptr;
            if (!m_word) {
                m_state = State::ConnectionToken;
                break;
            }
            m_wordIndex = 0;
            m_state = State::ConnectionWord;
            break;
        }
        case State::ConnectionWord: {
            const QByteArrayView word(m_word);
            if (toLower(c) != static_cast<unsigned char>(word[m_wordIndex])) {
                m_state = State::ConnectionToken;
                break;
            }
            appendSpanByte(char(c));
            ++i;
            if (++m_wordIndex < word.size())
                break;
            m_valueState = word == "close" ? ValueState::Close
                : word == "upgrade"        ? ValueState::UpgradeToken
                                           : ValueState::KeepAlive;
            m_state = State::ConnectionWs;
            break;
        }
        case State::ConnectionWs:
            if (c == ',') {
                applyValueState();
                appendSpanByte(char(c));
                ++i;
                m_state = State::Connection;
            } else if (c == ' ') {
                appendSpanByte(char(c));
                ++i;
            } else if (c == '\r' || c == '\n') {
                m_state = State::ValueOtherwise;
            } else {
                m_valueState = ValueState::General;
                m_state = State::ConnectionToken;
            }
            break;
        case State::ConnectionToken:
            if (c == ',') {
                appendSpanByte(char(c));
                ++i;
                m_state = State::Connection;
            } else if (isConnectionTokenChar(c)) {
                appendSpanByte(char(c));
                ++i;
            } else {
                m_state = State::ValueOtherwise;
            }
            break;
        case State::Value: {
            // The fast path: the run of ordinary value bytes.
            qsizetype j = i;
            while (j < n && isHeaderChar(static_cast<unsigned char>(data[j])))
                ++j;
            const qsizetype run = j - i;
            m_spanPending += run;
            const qsizetype room = m_maxHeaderSize - m_fieldValue.size();
            m_fieldValue.append(data.sliced(i, qMin(run, qMax<qsizetype>(room, 0))));
            i = j;
            if (i < n)
                m_state = State::ValueOtherwise;
            break;
        }
        case State::ValueOtherwise:
            endSpan(Span::Value, at(c == '\r' ? i + 1 : i));
            if (m_state == State::Failed)
                break;
            if (c == '\r') {
                ++i;
                m_state = State::ValueCr;
            } else if (c == '\n') {
                fail("HPE_CR_EXPECTED", "Missing expected CR after header value", at(i));
            } else {
                fail("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", at(i));
            }
            break;
        case State::ValueCr:
            if (c != '\n') {
                fail("HPE_LF_EXPECTED", "Missing expected LF after header value", at(i));
                break;
            }
            ++i;
            m_state = State::ValueLws;
            break;
        case State::ValueLws:
            // RFC 9112 §5.2: obs-fold is rejected.
            if (c == ' ' || c == '\t') {
                fail("HPE_INVALID_HEADER_TOKEN", "Unexpected whitespace after header value", at(i));
                break;
            }
            applyValueState();
            storeField();
            m_state = State::FieldStart;
            break;
        case State::HeadersCr:
            if (c != '\n') {
                fail("HPE_STRICT", "Expected LF after headers", at(i));
                break;
            }
            ++i;
            if (m_flags & TrailingFlag) {
                m_headerBytes = 0; // on_chunk_complete()
                messageComplete(data, i, out);
            } else {
                headersComplete(data, i, out);
            }
            break;

        // --- Body -------------------------------------------------------------------------------
        case State::BodyIdentity: {
            const qint64 take = qint64(qMin<quint64>(m_length, quint64(n - i)));
            appendBody(data.sliced(i, take), out);
            i += take;
            m_length -= quint64(take);
            if (m_length == 0)
                messageComplete(data, i, out);
            break;
        }
        case State::ChunkSizeStart: {
            m_length = 0;
            const int digit = hexDigit(c);
            if (digit < 0) {
                fail("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", at(i));
                break;
            }
            m_length = quint64(digit);
            ++i;
            m_state = State::ChunkSize;
            break;
        }
        case State::ChunkSize: {
            const int digit = hexDigit(c);
            if (digit >= 0) {
                constexpr quint64 max = std::numeric_limits<quint64>::max();
                ++i;
                if (m_length > (max - quint64(digit)) / 16) {
                    fail("HPE_INVALID_CHUNK_SIZE", "Chunk size overflow", at(i));
                    break;
                }
                m_length = m_length * 16 + quint64(digit);
            } else if (c == '\r') {
                ++i;
                m_state = State::ChunkSizeCr;
            } else if (c == '\n') {
                fail("HPE_CR_EXPECTED", "Missing expected CR after chunk size", at(i + 1));
            } else if (c == ';') {
                ++i;
                m_state = State::ChunkExtensions;
            } else {
                const bool blank = c == ' ' || c == '\t';
                fail("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size",
                    at(blank ? i + 1 : i));
            }
            break;
        }
        case State::ChunkExtensions:
            if (c == ' ' || c == '\r') {
                fail("HPE_STRICT", "Invalid character in chunk extensions", at(i + 1));
                break;
            }
            m_span = Span::ExtensionName;
            m_state = State::ChunkExtensionName;
            break;
        case State::ChunkExtensionName:
            if (isToken(c)) {
                appendSpanByte(char(c));
                ++i;
                break;
            }
            endSpan(Span::ExtensionName, at(c == '\n' ? i : i + 1));
            if (m_state == State::Failed)
                break;
            if (c == '=') {
                ++i;
                m_span = Span::ExtensionValue;
                m_state = State::ChunkExtensionValue;
            } else if (c == ';') {
                ++i;
                m_state = State::ChunkExtensions;
            } else if (c == '\r') {
                ++i;
                m_state = State::ChunkSizeCr;
            } else if (c == '\n') {
                fail("HPE_CR_EXPECTED", "Missing expected CR after chunk extension name", at(i));
            } else {
                fail("HPE_STRICT", "Invalid character in chunk extensions name", at(i + 1));
            }
            break;
        case State::ChunkExtensionValue:
            if (c == '"') {
                appendSpanByte(char(c));
                ++i;
                m_state = State::ChunkExtensionQuoted;
                break;
            }
            if (isToken(c)) {
                appendSpanByte(char(c));
                ++i;
                break;
            }
            endSpan(Span::ExtensionValue, at(c == '\n' ? i : i + 1));
            if (m_state == State::Failed)
                break;
            if (c == ';') {
                ++i;
                m_state = State::ChunkExtensions;
            } else if (c == '\r') {
                ++i;
                m_state = State::ChunkSizeCr;
            } else if (c == '\n') {
                fail("HPE_CR_EXPECTED", "Missing expected CR after chunk extension value", at(i));
            } else {
                fail("HPE_STRICT", "Invalid character in chunk extensions value", at(i + 1));
            }
            break;
        case State::ChunkExtensionQuoted:
            if (isQdText(c)) {
                appendSpanByte(char(c));
                ++i;
            } else if (c == '"') {
                appendSpanByte(char(c));
                ++i;
                endSpan(Span::ExtensionValue, at(i));
                if (m_state != State::Failed)
                    m_state = State::ChunkExtensionQuotedDone;
            } else if (c == '\\') {
                appendSpanByte(char(c));
                ++i;
                m_state = State::ChunkExtensionQuotedPair;
            } else {
                endSpan(Span::ExtensionValue, at(i + 1));
                if (m_state != State::Failed)
                    fail("HPE_STRICT", "Invalid character in chunk extensions quoted value",
                        at(i + 1));
            }
            break;
        case State::ChunkExtensionQuotedPair:
            if (isHeaderChar(c)) {
                appendSpanByte(char(c));
                ++i;
                m_state = State::ChunkExtensionQuoted;
            } else {
                endSpan(Span::ExtensionValue, at(i + 1));
                if (m_state != State::Failed)
                    fail("HPE_STRICT", "Invalid quoted-pair in chunk extensions quoted value",
                        at(i + 1));
            }
            break;
        case State::ChunkExtensionQuotedDone:
            if (c == ';') {
                ++i;
                m_state = State::ChunkExtensions;
            } else if (c == '\r') {
                ++i;
                m_state = State::ChunkSizeCr;
            } else if (c == '\n') {
                fail("HPE_CR_EXPECTED", "Missing expected CR after chunk extension value", at(i));
            } else {
                fail("HPE_STRICT", "Invalid character in chunk extensions quote value", at(i));
            }
            break;
        case State::ChunkSizeCr:
            if (c != '\n') {
                fail("HPE_STRICT", "Expected LF after chunk size", at(i));
                break;
            }
            ++i;
            // on_chunk_header(): both counters start again.
            m_headerBytes = 0;
            m_extensionBytes = 0;
            if (m_length == 0) {
                m_flags |= TrailingFlag;
                m_state = State::FieldStart;
            } else {
                m_state = State::ChunkData;
            }
            break;
        case State::ChunkData: {
            const qint64 take = qint64(qMin<quint64>(m_length, quint64(n - i)));
            appendBody(data.sliced(i, take), out);
            i += take;
            m_length -= quint64(take);
            if (m_length == 0)
                m_state = State::ChunkDataCr;
            break;
        }
        case State::ChunkDataCr:
            if (c == '\r') {
                ++i;
                m_state = State::ChunkDataLf;
            } else if (c == '\n') {
                fail("HPE_CR_EXPECTED", "Missing expected CR after chunk data", at(i + 1));
            } else {
                fail("HPE_STRICT", "Expected LF after chunk data", at(i));
            }
            break;
        case State::ChunkDataLf:
            if (c != '\n') {
                fail("HPE_STRICT", "Expected LF after chunk data", at(i));
                break;
            }
            ++i;
            m_headerBytes = 0; // on_chunk_complete()
            m_state = State::ChunkSizeStart;
            break;

        // --- Between messages -------------------------------------------------------------------
        case State::Closed:
            if (c == '\r' || c == '\n') {
                ++i;
                break;
            }
            fail("HPE_CLOSED_CONNECTION", "Data after `Connection: close`", at(i + 1));
            break;
        case State::Upgraded:
        case State::Failed:
        case State::Stalled:
            break;
        }
    }

    // End of this read: llhttp hands the open span to its callback, so Node's header and chunk
    // extension limits are checked here too.
    if (isInsideMessage() && m_span != Span::None)
        flushSpan(at(n));
    if (m_headStart >= 0 && isInsideMessage()) {
        captureHead(data, n);
        m_headStart = 0; // the head goes on in the next chunk
    }
    if (m_state == State::Failed) {
        out.error = m_error;
        m_headStart = -1;
    } else if (m_state == State::Stalled) {
        out.ignoredError = m_ignoredError;
        out.discardedBytes += n - i;
        m_headStart = -1;
    }
    m_streamBase += n;
    return out;
}

} // namespace corslab
