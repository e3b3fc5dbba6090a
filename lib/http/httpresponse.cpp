// Node 20 ServerResponse byte layout (_http_outgoing.js _storeHeader(), _http_server.js).
#include "httpresponse.h"

#include "httprequest.h"

#include <QTimeZone>

namespace corslab {

namespace {
bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// JavaScript /(?:^|\W)word(?:$|\W)/i (Node's RE_CONN_CLOSE, RE_TE_CHUNKED).
bool containsDelimitedWord(QByteArrayView text, QByteArrayView word)
{
    for (qsizetype i = 0; i + word.size() <= text.size(); ++i) {
        if (!HttpHeaders::namesEqual(text.sliced(i, word.size()), word))
            continue;
        const qsizetype end = i + word.size();
        if ((i == 0 || !isWordChar(text[i - 1])) && (end == text.size() || !isWordChar(text[end])))
            return true;
    }
    return false;
}

struct StatusText {
    int code;
    const char *text;
};

// Node 20 http.STATUS_CODES, complete.
constexpr StatusText statusTexts[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {102, "Processing"},
    {103, "Early Hints"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {207, "Multi-Status"},
    {208, "Already Reported"},
    {226, "IM Used"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {305, "Use Proxy"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Payload Too Large"},
    {414, "URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {418, "I'm a Teapot"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Entity"},
    {423, "Locked"},
    {424, "Failed Dependency"},
    {425, "Too Early"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
    {506, "Variant Also Negotiates"},
    {507, "Insufficient Storage"},
    {508, "Loop Detected"},
    {509, "Bandwidth Limit Exceeded"},
    {510, "Not Extended"},
    {511, "Network Authentication Required"},
};
} // namespace

// What _storeHeader() decided.
struct HttpResponse::Framing {
    QByteArray head;
    bool chunked = false;
    bool hasBody = true;
    bool last = false;
};

HttpResponseContext HttpResponseContext::forRequest(
    const HttpRequest &request, const QByteArray &date)
{
    HttpResponseContext context;
    context.date = date;
    context.keepAlive = request.keepAlive();
    // ServerResponse(): HTTP/1.0, 0.9 and 2.0 requests (minor < 1) get chunked framing only
    // when they sent "TE: chunked".
    context.chunkedAllowed = !(request.versionMajor() < 1 || request.versionMinor() < 1)
        || (request.hasHeader("te") && containsDelimitedWord(request.header("te"), "chunked"));
    context.headRequest = request.method() == "HEAD";
    return context;
}

HttpResponse::HttpResponse(
    int statusCode, const HttpHeaders &headers, const QByteArray &body, BodyMode mode)
    : m_statusCode(statusCode)
    , m_headers(headers)
    , m_bodyMode(mode)
{
    setBody(body);
}

QByteArray HttpResponse::reasonPhrase() const
{
    if (!m_reasonPhrase.isEmpty())
        return m_reasonPhrase;
    const QByteArray known = statusText(m_statusCode);
    return known.isEmpty() ? QByteArrayLiteral("unknown") : known;
}

void HttpResponse::addHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append(name, value);
}

QByteArray HttpResponse::body() const
{
    QByteArray all;
    for (const QByteArray &piece : m_body)
        all.append(piece);
    return all;
}

void HttpResponse::setBody(const QByteArray &body)
{
    m_body.clear();
    m_body.append(body);
}

HttpResponse::Framing HttpResponse::framing(const HttpResponseContext &context) const
{
    Framing f;
    f.head = "HTTP/1.1 " + QByteArray::number(m_statusCode) + ' ' + reasonPhrase() + "\r\n";
    // writeHead(): 204, 304 and 1xx never carry a body; ServerResponse(): nor does HEAD.
    f.hasBody = !context.headRequest && m_statusCode != 204 && m_statusCode != 304
        && !(m_statusCode >= 100 && m_statusCode <= 199);
    bool shouldKeepAlive = context.keepAlive;
    bool hasConnection = false;
    bool hasContentLength = false;
    bool hasTransferEncoding = false;
    bool hasDate = false;
    bool defaultKeepAlive = true;
    for (const HttpHeaderField &field : m_headers.fields()) {
        f.head += field.name + ": " + field.value + "\r\n";
        // matchHeader().
        if (HttpHeaders::namesEqual(field.name, "connection")) {
            hasConnection = true;
            if (containsDelimitedWord(field.value, "close"))
                f.last = true;
            else
                shouldKeepAlive = true;
        } else if (HttpHeaders::namesEqual(field.name, "transfer-encoding")) {
            hasTransferEncoding = true;
            if (containsDelimitedWord(field.value, "chunked"))
                f.chunked = true;
        } else if (HttpHeaders::namesEqual(field.name, "content-length")) {
            hasContentLength = true;
        } else if (HttpHeaders::namesEqual(field.name, "date")) {
            hasDate = true;
        } else if (HttpHeaders::namesEqual(field.name, "keep-alive")) {
            defaultKeepAlive = false;
        }
    }
    if (!context.date.isEmpty() && !hasDate)
        f.head += "Date: " + context.date + "\r\n";
    // A user-set "Transfer-Encoding: chunked" on 204/304: no zero chunk, connection closed.
    if (f.chunked && (m_statusCode == 204 || m_statusCode == 304)) {
        f.chunked = false;
        shouldKeepAlive = false;
    }
    if (!hasConnection) {
        const bool sendKeepAlive = shouldKeepAlive && (hasContentLength || context.chunkedAllowed);
        if (sendKeepAlive) {
            f.head += "Connection: keep-alive\r\n";
            if (context.keepAliveTimeoutMs != 0 && defaultKeepAlive)
                f.head += "Keep-Alive: timeout="
                    + QByteArray::number(context.keepAliveTimeoutMs / 1000) + "\r\n";
        } else {
            f.last = true;
            f.head += "Connection: close\r\n";
        }
    }
    if (!hasContentLength && !hasTransferEncoding) {
        if (!f.hasBody) {
            f.chunked = false;
        } else if (!context.chunkedAllowed) {
            f.last = true; // the body ends with the connection
        } else if (m_bodyMode == BodyMode::ContentLength) {
            f.head += "Content-Length: " + QByteArray::number(body().size()) + "\r\n";
        } else {
            f.head += "Transfer-Encoding: chunked\r\n";
            f.chunked = true;
        }
    }
    f.head += "\r\n";
    return f;
}

QByteArray HttpResponse::serializeHead(const HttpResponseContext &context) const
{
    return framing(context).head;
}

QByteArray HttpResponse::serialize(const HttpResponseContext &context) const
{
    const Framing f = framing(context);
    QByteArray out = f.head;
    if (!f.hasBody)
        return out;
    for (const QByteArray &piece : m_body)
        out += f.chunked ? chunk(piece) : piece;
    if (f.chunked)
        out += lastChunk();
    return out;
}

bool HttpResponse::closesConnection(const HttpResponseContext &context) const
{
    return framing(context).last;
}

bool HttpResponse::isChunked(const HttpResponseContext &context) const
{
    return framing(context).chunked;
}

QByteArray HttpResponse::chunk(QByteArrayView data)
{
    if (data.isEmpty())
        return {};
    return QByteArray::number(data.size(), 16) + "\r\n" + data.toByteArray() + "\r\n";
}

QByteArray HttpResponse::statusText(int statusCode)
{
    for (const StatusText &s : statusTexts) {
        if (s.code == statusCode)
            return QByteArray(s.text);
    }
    return {};
}

QByteArray HttpResponse::httpDate(const QDateTime &time)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = time.toTimeZone(QTimeZone::utc());
    const QDate d = utc.date();
    const QTime t = utc.time();
    // Locale-independent on purpose: QDateTime's own formats follow the system locale.
    return QByteArray(days[d.dayOfWeek() - 1]) + ", "
        + QByteArray::number(d.day()).rightJustified(2, '0') + ' ' + months[d.month() - 1] + ' '
        + QByteArray::number(d.year()).rightJustified(4, '0') + ' '
        + QByteArray::number(t.hour()).rightJustified(2, '0') + ':'
        + QByteArray::number(t.minute()).rightJustified(2, '0') + ':'
        + QByteArray::number(t.second()).rightJustified(2, '0') + " GMT";
}

QByteArray HttpResponse::nodeClientError(int statusCode)
{
    return "HTTP/1.1 " + QByteArray::number(statusCode) + ' ' + statusText(statusCode)
        + "\r\nConnection: close\r\n\r\n";
}

QByteArray HttpResponse::engineIoUpgradeError(QByteArrayView message)
{
    return "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-type: text/html\r\n"
           "Content-Length: "
        + QByteArray::number(message.size()) + "\r\n\r\n" + message.toByteArray();
}

} // namespace corslab
