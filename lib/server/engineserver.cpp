// Engine.IO server, transports and sessions, following engine.io 6.6.12 (server.ts, socket.ts,
// transports/polling.ts, transports/websocket.ts) step by step.
#include "engineserver.h"

#include "engineio/engineiopayload.h"
#include "http/httpresponse.h"
#include "profile/jsonnode.h"
#include "server/httpconnection.h"
#include "websocket/websocketevent.h"
#include "websocket/websocketframeencoder.h"
#include "websocket/websockethandshake.h"

#include "http/querymap.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <zlib.h>

namespace corslab {

QString engineErrorMessage(EngineError code)
{
    switch (code) {
    case EngineError::UnknownTransport:
        return QStringLiteral("Transport unknown");
    case EngineError::UnknownSid:
        return QStringLiteral("Session ID unknown");
    case EngineError::BadHandshakeMethod:
        return QStringLiteral("Bad handshake method");
    case EngineError::BadRequest:
        return QStringLiteral("Bad request");
    case EngineError::Forbidden:
        return QStringLiteral("Forbidden");
    case EngineError::UnsupportedProtocolVersion:
        return QStringLiteral("Unsupported protocol version");
    }
    return {};
}

QString EngineRequest::query(const QString &name) const
{
    return http.query().value(name);
}

bool EngineRequest::hasQuery(const QString &name) const
{
    return http.query().contains(name);
}

HttpHeaders mergeHeaders(const HttpHeaders &preset, const HttpHeaders &written)
{
    QList<HttpHeaderField> fields = preset.fields();
    QList<QByteArray> replaced;
    for (const HttpHeaderField &field : written.fields()) {
        bool done = false;
        for (const QByteArray &name : replaced) {
            if (HttpHeaders::namesEqual(name, field.name))
                done = true;
        }
        if (done) {
            fields.append(field); // a second value of a header written in this call (Set-Cookie)
            continue;
        }
        qsizetype at = -1;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (HttpHeaders::namesEqual(fields[i].name, field.name)) {
                if (at < 0)
                    at = i;
            }
        }
        if (at >= 0) {
            // setHeader() on an existing name: the value (and spelling) change in place.
            fields[at] = field;
            for (qsizetype i = fields.size() - 1; i > at; --i) {
                if (HttpHeaders::namesEqual(fields[i].name, field.name))
                    fields.removeAt(i);
            }
        } else {
            fields.append(field);
        }
        replaced.append(field.name);
    }
    HttpHeaders out;
    for (const HttpHeaderField &f : fields)
        out.append(f);
    return out;
}

namespace {

QByteArray jsonError(EngineError code, const QString &message)
{
    QByteArray body = "{\"code\":" + QByteArray::number(int(code)) + ",\"message\":";
    JsonWriter::appendQuoted(body, message);
    body += '}';
    return body;
}

// engine.io server.ts checkInvalidHeaderChar(): tab, printable ASCII and bytes >= 0x80.
bool hasInvalidHeaderChar(const QByteArray &value)
{
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (!(u == 9 || (u >= 32 && u != 127)))
            return true;
    }
    return false;
}

QString contextText(const QJsonObject &context)
{
    return QString::fromUtf8(QJsonDocument(context).toJson(QJsonDocument::Compact));
}

// JavaScript's String(value) for the profile's initialPacket (engine.io sends it as it is).
QString javaScriptString(const JsonNode &v)
{
    switch (v.type()) {
    case JsonNode::Type::String:
        return v.toString();
    case JsonNode::Type::Number:
        return QString::fromLatin1(JsonWriter::formatNumber(v.toDouble()));
    case JsonNode::Type::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case JsonNode::Type::Null:
        return QStringLiteral("null");
    case JsonNode::Type::Array: {
        QStringList parts;
        for (const JsonNode &item : v.items())
            parts << (item.isNull() ? QString() : javaScriptString(item));
        return parts.join(QLatin1Char(','));
    }
    case JsonNode::Type::Object:
        return QStringLiteral("[object Object]");
    }
    return {};
}

bool isTruthy(const JsonNode &v)
{
    switch (v.type()) {
    case JsonNode::Type::Null:
        return false;
    case JsonNode::Type::Bool:
        return v.toBool();
    case JsonNode::Type::Number:
        return v.toDouble() != 0;
    case JsonNode::Type::String:
        return !v.toString().isEmpty();
    default:
        return true;
    }
}

// The `cookie` package's serialize(name, value, options) with engine.io's defaults merged in.
QByteArray serializeCookie(const CookieSetting &setting, const QString &value)
{
    CookieOptions c;
    if (const auto *options = std::get_if<CookieOptions>(&setting))
        c = *options;
    const QString name = c.name.value_or(QStringLiteral("io"));
    QString out = name + QLatin1Char('=') + value;
    if (c.maxAge)
        out += QStringLiteral("; Max-Age=") + QString::number(*c.maxAge);
    if (c.domain && !c.domain->isEmpty())
        out += QStringLiteral("; Domain=") + *c.domain;
    const std::variant<bool, QString> path = c.path.value_or(QStringLiteral("/"));
    if (const auto *p = std::get_if<QString>(&path); p && !p->isEmpty())
        out += QStringLiteral("; Path=") + *p;
    if (c.httpOnly.value_or(true))
        out += QStringLiteral("; HttpOnly");
    if (c.secure.value_or(false))
        out += QStringLiteral("; Secure");
    if (c.partitioned.value_or(false))
        out += QStringLiteral("; Partitioned");
    const std::variant<bool, QString> sameSite = c.sameSite.value_or(QStringLiteral("lax"));
    if (const auto *b = std::get_if<bool>(&sameSite)) {
        if (*b)
            out += QStringLiteral("; SameSite=Strict");
    } else {
        const QString s = std::get<QString>(sameSite).toLower();
        if (s == QLatin1String("lax"))
            out += QStringLiteral("; SameSite=Lax");
        else if (s == QLatin1String("strict"))
            out += QStringLiteral("; SameSite=Strict");
        else if (s == QLatin1String("none"))
            out += QStringLiteral("; SameSite=None");
    }
    return out.toUtf8();
}

// accepts(req).encodings(["gzip", "deflate"]) (the `negotiator` package): the best of the two by
// quality, then specificity, then order in the header; none without an Accept-Encoding header.
QByteArray negotiateEncoding(const QByteArray &acceptEncoding)
{
    if (acceptEncoding.isEmpty())
        return {};
    struct Spec {
        QByteArray name;
        double q;
        int order;
    };
    QList<Spec> specs;
    const QList<QByteArray> parts = acceptEncoding.split(',');
    for (int i = 0; i < parts.size(); ++i) {
        const QList<QByteArray> params = parts[i].trimmed().split(';');
        Spec s {params.value(0).trimmed().toLower(), 1.0, i};
        for (int p = 1; p < params.size(); ++p) {
            const QByteArray param = params[p].trimmed();
            if (param.startsWith("q="))
                s.q = param.mid(2).toDouble();
        }
        if (!s.name.isEmpty())
            specs << s;
    }
    QByteArray best;
    double bestQ = 0;
    int bestS = -1;
    int bestO = 0;
    int index = 0;
    for (const QByteArray &candidate : {QByteArrayLiteral("gzip"), QByteArrayLiteral("deflate")}) {
        double q = 0;
        int s = -1;
        int o = 0;
        for (const Spec &spec : specs) {
            int specificity = -1;
            if (spec.name == candidate)
                specificity = 1;
            else if (spec.name == "*")
                specificity = 0;
            if (specificity < 0)
                continue;
            if (specificity > s || (specificity == s && spec.q > q)) {
                q = spec.q;
                s = specificity;
                o = spec.order;
            }
        }
        if (q > 0
            && (best.isEmpty() || q > bestQ || (q == bestQ && s > bestS)
                || (q == bestQ && s == bestS && o < bestO))) {
            best = candidate;
            bestQ = q;
            bestS = s;
            bestO = o;
        }
        ++index;
    }
    return best;
}

QByteArray compress(const QByteArray &data, bool gzip)
{
    z_stream stream {};
    if (deflateInit2(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzip ? 31 : 15, 8, Z_DEFAULT_STRATEGY)
        != Z_OK)
        return data;
    QByteArray out(int(deflateBound(&stream, uLong(data.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

} // namespace

// -----------------------------------------------------------------------------------------------
// Transports

EngineTransport::EngineTransport(EngineIoProtocol protocol, bool supportsBinary, QObject *parent)
    : QObject(parent)
    , m_protocol(protocol)
    , m_supportsBinary(supportsBinary)
{ }

void EngineTransport::close(std::function<void()> done)
{
    if (m_state != State::Open)
        return;
    m_state = State::Closing;
    doClose(done ? std::move(done) : [] {});
}

void EngineTransport::onClose()
{
    m_state = State::Closed;
    emit closed();
}

void EngineTransport::onData(const EngineIoRawData &data)
{
    emit packetReceived(EngineIoPacket::decode(m_protocol, data));
}

void EngineTransport::fail(const QString &reason)
{
    emit failed(reason);
}

PollingTransport::PollingTransport(
    EngineServer *server, EngineIoProtocol protocol, bool supportsBinary, QObject *parent)
    : EngineTransport(protocol, supportsBinary, parent)
    , m_server(server)
{
    m_closeTimeout.setSingleShot(true);
    m_closeTimeout.setInterval(30 * 1000);
}

void PollingTransport::setJsonpIndex(const QString &j)
{
    QByteArray digits;
    for (QChar c : j) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits += char(c.unicode());
    }
    m_jsonpHead = "___eio[" + digits + "](";
}

void PollingTransport::onRequest(const EngineRequest &request)
{
    const QByteArray method = request.http.method();
    if (method == "GET") {
        onPollRequest(request);
    } else if (method == "POST") {
        onDataRequest(request);
    } else {
        respond(request, HttpResponse(500));
    }
}

void PollingTransport::onPollRequest(const EngineRequest &request)
{
    if (m_poll) {
        fail(QStringLiteral("overlap from client"));
        respond(request, HttpResponse(400));
        return;
    }
    m_poll = request;
    if (request.connection) {
        m_pollClosed = connect(request.connection, &HttpConnection::closed, this, [this] {
            m_poll.reset();
            m_writable = false;
            fail(QStringLiteral("poll connection closed prematurely"));
        });
    }
    m_writable = true;
    emit ready();
    if (m_writable && m_shouldClose)
        send({EngineIoPacket(EngineIoPacket::Type::Noop)});
}

void PollingTransport::onDataRequest(const EngineRequest &request)
{
    if (m_dataRequest) {
        fail(QStringLiteral("data request overlap from client"));
        respond(request, HttpResponse(400));
        return;
    }
    const bool isBinary = request.http.header("content-type") == "application/octet-stream";
    if (isBinary && m_protocol == EngineIoProtocol::V4) {
        fail(QStringLiteral("invalid content"));
        respond(request, HttpResponse(400));
        return;
    }
    if (request.connection && request.connection->isBodyPending()) {
        // polling.ts onDataRequest(): the body is read as it arrives; a connection that goes away
        // first closes the session.
        m_dataRequest = request;
        m_dataConnections
            << connect(request.connection, &HttpConnection::requestBodyCompleted, this,
                   [this](HttpConnection *, const HttpRequest &full) {
                       EngineRequest complete = *m_dataRequest;
                       complete.http = full;
                       for (const QMetaObject::Connection &c : std::as_const(m_dataConnections))
                           disconnect(c);
                       m_dataConnections.clear();
                       m_dataRequest.reset();
                       onDataComplete(complete);
                   })
            << connect(request.connection, &HttpConnection::requestBodyAborted, this,
                   [this](HttpConnection *) {
                       for (const QMetaObject::Connection &c : std::as_const(m_dataConnections))
                           disconnect(c);
                       m_dataConnections.clear();
                       m_dataRequest.reset();
                       fail(QStringLiteral("data request connection closed prematurely"));
                   });
        return;
    }
    onDataComplete(request);
}

void PollingTransport::onDataComplete(const EngineRequest &request)
{
    const bool isBinary = request.http.header("content-type") == "application/octet-stream";
    if (request.http.isBodyTooLarge()) {
        // Over maxHttpBufferSize: 413, and the session lives on (polling.ts onData()).
        respond(request, HttpResponse(413));
        return;
    }
    const EngineIoRawData data = isBinary
        ? EngineIoRawData::fromBinary(request.http.body())
        : EngineIoRawData::fromText(QString::fromUtf8(request.http.body()));
    std::vector<EngineIoPacket> packets;
    if (m_jsonpHead) {
        // polling-jsonp.ts onData(): the payload is the form field "d"; "\n" written as
        // backslash-n becomes a newline, and an escaped backslash-n stays.
        const QueryMap form = QueryMap::parse(request.http.body());
        if (form.contains(QStringLiteral("d"))) {
            const QString d = form.value(QStringLiteral("d"));
            QString unescaped;
            for (qsizetype i = 0; i < d.size(); ++i) {
                if (d[i] == QLatin1Char('\\') && i + 2 < d.size() && d[i + 1] == QLatin1Char('\\')
                    && d[i + 2] == QLatin1Char('n')) {
                    unescaped += QStringLiteral("\\n"); // rDoubleSlashes: \\n → \n (escaped)
                    i += 2;
                } else if (d[i] == QLatin1Char('\\') && i + 1 < d.size()
                    && d[i + 1] == QLatin1Char('n')) {
                    unescaped += QLatin1Char('\n'); // rSlashes: \n → newline
                    i += 1;
                } else {
                    unescaped += d[i];
                }
            }
            packets = EngineIoPayload::decode(m_protocol, EngineIoRawData::fromText(unescaped));
        }
    } else {
        packets = EngineIoPayload::decode(m_protocol, data);
    }
    for (const EngineIoPacket &packet : packets) {
        if (packet.type() == EngineIoPacket::Type::Close) {
            emit packetReceived(packet);
            if (m_writable)
                send({EngineIoPacket(EngineIoPacket::Type::Noop)});
            onClose();
            break;
        }
        emit packetReceived(packet);
        if (m_state == State::Closed)
            break;
    }
    HttpHeaders headers;
    headers.append("Content-Type", "text/html");
    headers.append("Content-Length", "2");
    HttpResponse ok(200, mergeHeaders(request.presetHeaders, pollingHeaders(request, headers)),
        QByteArrayLiteral("ok"));
    m_server->respond(request, ok, QString());
}

HttpHeaders PollingTransport::pollingHeaders(const EngineRequest &request, HttpHeaders headers)
{
    const QByteArray ua = request.http.header("user-agent");
    if (ua.contains(";MSIE") || ua.contains("Trident/"))
        headers.append("X-XSS-Protection", "0");
    headers.append("cache-control", "no-store");
    // server.ts handshake(): the cookie goes on the initial request's response only.
    const bool initial = request.query(QStringLiteral("sid")).isEmpty();
    const CookieSetting &cookie = m_server->options().cookie;
    const bool cookieOn = std::holds_alternative<CookieOptions>(cookie) || std::get<bool>(cookie);
    if (initial && cookieOn) {
        const QString sid = parent() ? static_cast<EngineSession *>(parent())->id() : QString();
        headers.append("Set-Cookie", serializeCookie(cookie, sid));
    }
    return headers;
}

void PollingTransport::send(std::vector<EngineIoPacket> packets)
{
    m_writable = false;
    if (m_shouldClose) {
        packets.emplace_back(EngineIoPacket::Type::Close);
        auto shouldClose = std::move(m_shouldClose);
        m_shouldClose = nullptr;
        // polling.ts send(): the close callback runs before the payload is written.
        const EngineIoRawData data = EngineIoPayload::encode(m_protocol, packets, m_supportsBinary);
        for (const EngineIoPacket &p : packets)
            emit packetSent(p);
        shouldClose();
        write(data, true);
        return;
    }
    for (const EngineIoPacket &p : packets)
        emit packetSent(p);
    write(EngineIoPayload::encode(m_protocol, packets, m_supportsBinary), true);
}

void PollingTransport::write(const EngineIoRawData &data, bool compress)
{
    if (!m_poll)
        return;
    const EngineRequest request = *m_poll;
    m_poll.reset();
    disconnect(m_pollClosed);
    QByteArray body = data.isBinary() ? data.bytes() : data.text().toUtf8();
    if (m_jsonpHead && !data.isBinary()) {
        // polling-jsonp.ts doWrite(): valid JavaScript, so U+2028 and U+2029 are escaped too.
        QByteArray js;
        JsonWriter::appendQuoted(js, data.text());
        js.replace("\xE2\x80\xA8", "\\u2028").replace("\xE2\x80\xA9", "\\u2029");
        body = *m_jsonpHead + js + ");";
    }
    HttpHeaders headers;
    headers.append("Content-Type",
        data.isBinary() ? QByteArrayLiteral("application/octet-stream")
                        : QByteArrayLiteral("text/plain; charset=UTF-8"));
    const bool compression = m_server->options().httpCompression && compress;
    const QByteArray encoding = compression && body.size() >= 1024
        ? negotiateEncoding(request.http.header("accept-encoding"))
        : QByteArray();
    if (encoding.isEmpty()) {
        headers.append("Content-Length", QByteArray::number(body.size()));
        HttpResponse response(
            200, mergeHeaders(request.presetHeaders, pollingHeaders(request, headers)), body);
        m_server->respond(request, response, QString());
    } else {
        headers.append("Content-Encoding", encoding);
        HttpResponse response(200,
            mergeHeaders(request.presetHeaders, pollingHeaders(request, headers)),
            ::corslab::compress(body, encoding == "gzip"), HttpResponse::BodyMode::Chunked);
        m_server->respond(request, response, QString());
    }
    emit drained();
}

void PollingTransport::respond(const EngineRequest &request, const HttpResponse &response)
{
    HttpResponse merged = response;
    merged.setHeaders(mergeHeaders(request.presetHeaders, response.headers()));
    m_server->respond(request, merged);
}

void PollingTransport::doClose(std::function<void()> done)
{
    auto onClosed = [this, done] {
        m_closeTimeout.stop();
        done();
        onClose();
    };
    if (m_dataRequest && m_dataRequest->connection)
        m_dataRequest->connection->destroy(); // polling.ts doClose(): this.dataReq.destroy()
    if (m_writable) {
        send({EngineIoPacket(EngineIoPacket::Type::Close)});
        onClosed();
    } else if (m_discarded) {
        onClosed();
    } else {
        m_shouldClose = onClosed;
        disconnect(&m_closeTimeout, nullptr, this, nullptr);
        connect(&m_closeTimeout, &QTimer::timeout, this, [this] {
            if (m_shouldClose) {
                auto f = std::move(m_shouldClose);
                m_shouldClose = nullptr;
                f();
            }
        });
        m_closeTimeout.start();
    }
}

WebSocketTransport::WebSocketTransport(EngineServer *server, HttpConnection *connection,
    EngineIoProtocol protocol, bool supportsBinary, QObject *parent)
    : EngineTransport(protocol, supportsBinary, parent)
    , m_server(server)
    , m_connection(connection)
{
    m_writable = true;
    connect(connection, &HttpConnection::webSocketEvent, this,
        [this](HttpConnection *, const WebSocketEvent &event) { onWebSocketEvent(event); });
    connect(connection, &HttpConnection::closed, this, [this] {
        if (m_state != State::Closed)
            onClose();
    });
}

void WebSocketTransport::onWebSocketEvent(const WebSocketEvent &event)
{
    switch (event.type) {
    case WebSocketEvent::Type::Text:
        onData(EngineIoRawData::fromText(QString::fromUtf8(event.payload)));
        break;
    case WebSocketEvent::Type::Binary:
        onData(EngineIoRawData::fromBinary(event.payload));
        break;
    case WebSocketEvent::Type::Error:
        fail(event.errorString);
        break;
    default:
        break;
    }
}

void WebSocketTransport::send(std::vector<EngineIoPacket> packets)
{
    m_writable = false;
    for (const EngineIoPacket &packet : packets) {
        const EngineIoRawData data = packet.encode(m_protocol, m_supportsBinary);
        emit packetSent(packet);
        if (m_connection) {
            m_connection->sendWebSocketFrame(data.isBinary()
                    ? WebSocketFrameEncoder::binary(data.bytes())
                    : WebSocketFrameEncoder::text(data.text().toUtf8()),
                EngineIoPacket::typeName(packet.type()));
        }
    }
    // ws calls back once the last frame is written: drain, then writable and ready again.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state != State::Open)
                return;
            emit drained();
            m_writable = true;
            emit ready();
        },
        Qt::QueuedConnection);
}

void WebSocketTransport::doClose(std::function<void()> done)
{
    if (m_connection)
        m_connection->closeWebSocket();
    if (done)
        done();
}

// -----------------------------------------------------------------------------------------------
// Session (engine.io socket.ts)

EngineSession::EngineSession(const QString &id, EngineServer *server, EngineTransport *transport,
    const EngineRequest &request, EngineIoProtocol protocol)
    : QObject(server)
    , m_id(id)
    , m_server(server)
    , m_request(request)
    , m_protocol(protocol)
{
    m_pingInterval.setSingleShot(true);
    m_pingTimeout.setSingleShot(true);
    connect(&m_pingInterval, &QTimer::timeout, this, [this] {
        m_hasRefreshedPingTimeout = false;
        sendPacket(EngineIoPacket(EngineIoPacket::Type::Ping));
        resetPingTimeout();
    });
    connect(&m_pingTimeout, &QTimer::timeout, this, [this] {
        if (m_state != State::Closed)
            onClose(QStringLiteral("ping timeout"));
    });
    transport->setParent(this);
    setTransport(transport);
}

EngineSession::~EngineSession() = default;

void EngineSession::start()
{
    m_state = State::Open;
    QByteArray open = "{\"sid\":";
    JsonWriter::appendQuoted(open, m_id);
    open += ",\"upgrades\":[";
    const QStringList upgrades = availableUpgrades();
    for (int i = 0; i < upgrades.size(); ++i) {
        if (i)
            open += ',';
        JsonWriter::appendQuoted(open, upgrades[i]);
    }
    const ServerOptions &o = m_server->options();
    open += "],\"pingInterval\":" + QByteArray::number(o.pingInterval)
        + ",\"pingTimeout\":" + QByteArray::number(o.pingTimeout)
        + ",\"maxPayload\":" + QByteArray::number(o.maxHttpBufferSize) + '}';
    sendPacket(EngineIoPacket(EngineIoPacket::Type::Open, QString::fromUtf8(open)));
    if (o.initialPacket && isTruthy(*o.initialPacket))
        sendPacket(
            EngineIoPacket(EngineIoPacket::Type::Message, javaScriptString(*o.initialPacket)));
    if (m_protocol == EngineIoProtocol::V3)
        resetPingTimeout();
    else
        schedulePing();
}

QStringList EngineSession::availableUpgrades() const
{
    const ServerOptions &o = m_server->options();
    if (!o.allowUpgrades || !m_transport || m_transport->name() != QLatin1String("polling"))
        return {};
    if (!o.transports.contains(QStringLiteral("websocket")))
        return {};
    return {QStringLiteral("websocket")};
}

void EngineSession::schedulePing()
{
    m_pingInterval.start(int(m_server->options().pingInterval));
}

void EngineSession::resetPingTimeout()
{
    const ServerOptions &o = m_server->options();
    m_pingTimeout.start(
        int(m_protocol == EngineIoProtocol::V3 ? o.pingInterval + o.pingTimeout : o.pingTimeout));
}

void EngineSession::setTransport(EngineTransport *transport)
{
    m_transport = transport;
    m_transportConnections
        << connect(transport, &EngineTransport::failed, this,
               [this](
                   const QString &reason) { onClose(QStringLiteral("transport error"), reason); })
        << connect(transport, &EngineTransport::ready, this, &EngineSession::flush)
        << connect(transport, &EngineTransport::packetReceived, this, &EngineSession::onPacket)
        << connect(transport, &EngineTransport::drained, this,
               [this] {
                   if (m_afterDrain) {
                       auto f = std::move(m_afterDrain);
                       m_afterDrain = nullptr;
                       f();
                   }
               })
        << connect(transport, &EngineTransport::closed, this,
               [this] { onClose(QStringLiteral("transport close")); })
        << connect(transport, &EngineTransport::packetSent, this, [this](const EngineIoPacket &p) {
               m_server->report(ServerEvent::Kind::EnginePacketSent, m_id,
                   EngineIoPacket::typeName(p.type())
                       + (p.hasData() ? QStringLiteral(" ")
                                   + (p.isBinary()
                                           ? QStringLiteral("<%1 bytes>").arg(p.binary().size())
                                           : p.text().left(200))
                                      : QString()));
           });
}

void EngineSession::clearTransport()
{
    for (const QMetaObject::Connection &c : std::as_const(m_transportConnections))
        disconnect(c);
    m_transportConnections.clear();
    if (m_transport)
        m_transport->close();
    m_pingTimeout.stop();
}

void EngineSession::onPacket(const EngineIoPacket &packet)
{
    m_server->report(ServerEvent::Kind::EnginePacketReceived, m_id,
        EngineIoPacket::typeName(packet.type())
            + (packet.hasData() ? QStringLiteral(" ")
                        + (packet.isBinary()
                                ? QStringLiteral("<%1 bytes>").arg(packet.binary().size())
                                : packet.text().left(200))
                                : QString()));
    if (m_state != State::Open)
        return;
    // engine.io 6.6.12: the first non-pong packet while a pong is awaited re-arms the timeout.
    if (m_protocol != EngineIoProtocol::V3 && m_pingTimeout.isActive() && !m_hasRefreshedPingTimeout
        && packet.type() != EngineIoPacket::Type::Pong) {
        m_pingTimeout.start();
        m_hasRefreshedPingTimeout = true;
    }
    switch (packet.type()) {
    case EngineIoPacket::Type::Ping:
        if (m_protocol != EngineIoProtocol::V3) {
            onClose(
                QStringLiteral("transport error"), QStringLiteral("invalid heartbeat direction"));
            return;
        }
        m_pingTimeout.start();
        sendPacket(EngineIoPacket(EngineIoPacket::Type::Pong));
        break;
    case EngineIoPacket::Type::Pong:
        if (m_protocol == EngineIoProtocol::V3) {
            onClose(
                QStringLiteral("transport error"), QStringLiteral("invalid heartbeat direction"));
            return;
        }
        m_pingTimeout.stop();
        m_pingInterval.start(int(m_server->options().pingInterval));
        break;
    case EngineIoPacket::Type::Error:
        onClose(QStringLiteral("parse error"));
        break;
    case EngineIoPacket::Type::Message:
        emit messageReceived(packet);
        break;
    default:
        break;
    }
}

void EngineSession::sendPacket(const EngineIoPacket &packet)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    m_writeBuffer.push_back(packet);
    flush();
}

void EngineSession::sendMessage(const EngineIoPacket &packet)
{
    sendPacket(packet);
}

void EngineSession::flush()
{
    if (m_state == State::Closed || !m_transport || !m_transport->isWritable()
        || m_writeBuffer.empty())
        return;
    std::vector<EngineIoPacket> buffer;
    buffer.swap(m_writeBuffer);
    m_transport->send(std::move(buffer));
}

void EngineSession::close()
{
    if (m_state != State::Open)
        return;
    m_state = State::Closing;
    auto closeTransport = [this] {
        if (m_transport)
            m_transport->close([this] { onClose(QStringLiteral("forced close")); });
    };
    if (!m_writeBuffer.empty())
        m_afterDrain = closeTransport;
    else
        closeTransport();
}

void EngineSession::maybeUpgrade(EngineTransport *transport)
{
    m_upgrading = true;
    transport->setParent(this);
    auto *upgradeTimeout = new QTimer(transport);
    upgradeTimeout->setSingleShot(true);
    auto *check = new QTimer(transport);
    auto connections = std::make_shared<QList<QMetaObject::Connection>>();
    QPointer<EngineTransport> probe(transport);
    auto cleanup = [this, upgradeTimeout, check, connections] {
        m_upgrading = false;
        check->stop();
        upgradeTimeout->stop();
        for (const QMetaObject::Connection &c : std::as_const(*connections))
            disconnect(c);
        connections->clear();
    };
    connect(upgradeTimeout, &QTimer::timeout, transport, [cleanup, probe] {
        cleanup();
        if (probe && probe->isOpen())
            probe->close();
    });
    upgradeTimeout->start(int(m_server->options().upgradeTimeout));
    connect(check, &QTimer::timeout, this, [this] {
        // Force a polling cycle so the client's pending GET returns and it can send "5".
        if (m_transport && m_transport->name() == QLatin1String("polling")
            && m_transport->isWritable())
            m_transport->send({EngineIoPacket(EngineIoPacket::Type::Noop)});
    });
    *connections << connect(transport, &EngineTransport::packetReceived, this,
        [this, probe, check, cleanup](const EngineIoPacket &packet) {
            m_server->report(ServerEvent::Kind::EnginePacketReceived, m_id,
                EngineIoPacket::typeName(packet.type())
                    + (packet.hasData() ? QStringLiteral(" ") + packet.text() : QString())
                    + QStringLiteral(" (upgrade probe)"));
            if (packet.type() == EngineIoPacket::Type::Ping
                && packet.text() == QLatin1String("probe")) {
                probe->send({EngineIoPacket(EngineIoPacket::Type::Pong, QStringLiteral("probe"))});
                check->start(100);
            } else if (packet.type() == EngineIoPacket::Type::Upgrade && m_state != State::Closed) {
                cleanup();
                if (m_transport)
                    m_transport->discard();
                m_upgraded = true;
                clearTransport();
                setTransport(probe);
                m_server->report(
                    ServerEvent::Kind::Decision, m_id, QStringLiteral("upgraded to websocket"));
                flush();
                if (m_state == State::Closing && probe)
                    probe->close([this] { onClose(QStringLiteral("forced close")); });
            } else {
                cleanup();
                if (probe)
                    probe->close();
            }
        });
    auto onError = [cleanup, probe] {
        cleanup();
        if (probe)
            probe->close();
    };
    *connections << connect(transport, &EngineTransport::closed, this, onError);
    *connections << connect(transport, &EngineTransport::failed, this, onError);
    *connections << connect(this, &EngineSession::closed, transport, onError);
}

void EngineSession::onClose(const QString &reason, const QString &description)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_pingInterval.stop();
    m_pingTimeout.stop();
    m_writeBuffer.clear();
    clearTransport();
    m_server->report(ServerEvent::Kind::SessionClosed, m_id,
        QStringLiteral("session closed: %1").arg(reason), description);
    emit closed(reason, description);
}

// -----------------------------------------------------------------------------------------------
// Server (engine.io server.ts)

EngineServer::EngineServer(const ServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{ }

EngineIoProtocol EngineServer::protocolOf(const EngineRequest &request) const
{
    return request.query(QStringLiteral("EIO")) == QLatin1String("4") ? EngineIoProtocol::V4
                                                                      : EngineIoProtocol::V3;
}

void EngineServer::report(ServerEvent::Kind kind, const QString &sessionId, const QString &summary,
    const QString &detail, const QByteArray &bytes, quint64 connection)
{
    ServerEvent e;
    e.kind = kind;
    e.elapsedMs = m_clock ? m_clock->elapsed() : 0;
    e.connection = connection;
    e.sessionId = sessionId;
    e.layer = QStringLiteral("engine.io");
    e.summary = summary;
    e.detail = detail;
    e.bytes = bytes.left(ServerEvent::MaxBytes);
    emit eventRecorded(e);
}

void EngineServer::respond(
    const EngineRequest &request, const HttpResponse &response, const QString &sessionId)
{
    if (request.connection)
        request.connection->respond(response);
    Q_UNUSED(sessionId)
}

void EngineServer::verify(const EngineRequest &request, bool upgrade, VerifyDone done)
{
    const QString transport = request.query(QStringLiteral("transport"));
    const bool hasTransport = request.hasQuery(QStringLiteral("transport"));
    if (!hasTransport || !m_options.transports.contains(transport)
        || transport == QLatin1String("webtransport")) {
        QJsonObject context;
        if (hasTransport)
            context.insert(QStringLiteral("transport"), transport);
        return done(EngineError::UnknownTransport, context);
    }
    if (request.http.hasHeader("origin") && hasInvalidHeaderChar(request.http.header("origin")))
        return done(
            EngineError::BadRequest, {{QStringLiteral("name"), QStringLiteral("INVALID_ORIGIN")}});
    const QString sid = request.query(QStringLiteral("sid"));
    if (!sid.isEmpty()) {
        EngineSession *session = m_sessions.value(sid);
        if (!session)
            return done(EngineError::UnknownSid, {{QStringLiteral("sid"), sid}});
        const QString previous = session->transport() ? session->transport()->name() : QString();
        if (!upgrade && previous != transport)
            return done(EngineError::BadRequest,
                {{QStringLiteral("name"), QStringLiteral("TRANSPORT_MISMATCH")},
                    {QStringLiteral("transport"), transport},
                    {QStringLiteral("previousTransport"), previous}});
        if (protocolOf(request) != session->protocol())
            return done(EngineError::BadRequest,
                {{QStringLiteral("name"), QStringLiteral("PROTOCOL_MISMATCH")},
                    {QStringLiteral("protocol"), int(protocolOf(request))},
                    {QStringLiteral("previousProtocol"), int(session->protocol())}});
        return done(std::nullopt, {});
    }
    if (request.http.method() != "GET")
        return done(EngineError::BadHandshakeMethod,
            {{QStringLiteral("method"), QString::fromLatin1(request.http.method())}});
    if (transport == QLatin1String("websocket") && !upgrade)
        return done(EngineError::BadRequest,
            {{QStringLiteral("name"), QStringLiteral("TRANSPORT_HANDSHAKE_ERROR")}});
    if (!m_allowRequest)
        return done(std::nullopt, {});
    m_allowRequest(request, [done](const QString &message, bool success) {
        if (!success) {
            QJsonObject context;
            if (!message.isEmpty())
                context.insert(QStringLiteral("message"), message);
            done(EngineError::Forbidden, context);
            return;
        }
        done(std::nullopt, {});
    });
}

void EngineServer::abortRequest(
    const EngineRequest &request, EngineError code, const QJsonObject &context)
{
    report(ServerEvent::Kind::Decision, {},
        QStringLiteral("engine.io refused the request: %1 (code %2)")
            .arg(engineErrorMessage(code))
            .arg(int(code)),
        QStringLiteral("connection_error context: ") + contextText(context));
    const int status = code == EngineError::Forbidden ? 403 : 400;
    const QString message = context.value(QStringLiteral("message")).toString().isEmpty()
        ? engineErrorMessage(code)
        : context.value(QStringLiteral("message")).toString();
    HttpHeaders headers;
    headers.append("Content-Type", "application/json");
    HttpResponse response(status, mergeHeaders(request.presetHeaders, headers),
        jsonError(code, message), HttpResponse::BodyMode::Chunked);
    respond(request, response);
}

void EngineServer::abortUpgrade(
    const EngineRequest &request, EngineError code, const QJsonObject &context)
{
    report(ServerEvent::Kind::Decision, {},
        QStringLiteral("engine.io refused the WebSocket upgrade: %1 (code %2)")
            .arg(engineErrorMessage(code))
            .arg(int(code)),
        QStringLiteral("connection_error context: ") + contextText(context));
    const QString message = context.value(QStringLiteral("message")).toString().isEmpty()
        ? engineErrorMessage(code)
        : context.value(QStringLiteral("message")).toString();
    if (request.connection)
        request.connection->writeRawAndDestroy(
            HttpResponse::engineIoUpgradeError(message.toUtf8()));
}

void EngineServer::handleRequest(const EngineRequest &request)
{
    verify(request, false, [this, request](std::optional<EngineError> error, QJsonObject context) {
        if (error) {
            abortRequest(request, *error, context);
            return;
        }
        const QString sid = request.query(QStringLiteral("sid"));
        if (!sid.isEmpty()) {
            EngineSession *session = m_sessions.value(sid);
            if (auto *polling
                = qobject_cast<PollingTransport *>(session ? session->transport() : nullptr))
                polling->onRequest(request);
            return;
        }
        handshake(request.query(QStringLiteral("transport")), request,
            [this, request](EngineError code) { abortRequest(request, code, {}); });
    });
}

void EngineServer::handleUpgrade(const EngineRequest &request)
{
    verify(request, true, [this, request](std::optional<EngineError> error, QJsonObject context) {
        if (error) {
            abortUpgrade(request, *error, context);
            return;
        }
        if (!request.connection)
            return;
        // ws handleUpgrade(): its own checks, then the 101 with the middlewares' headers.
        QList<std::pair<QByteArray, QByteArray>> headerList;
        for (const HttpHeaderField &f : request.http.headers().fields())
            headerList.append({f.name, f.value});
        const WebSocketHandshake handshake
            = WebSocketHandshake::check(request.http.method(), headerList);
        QList<std::pair<QByteArray, QByteArray>> extra;
        for (const HttpHeaderField &f : request.presetHeaders.fields())
            extra.append({f.name, f.value});
        const QByteArray bytes = handshake.isValid()
            ? handshake.response(extra)
            : WebSocketHandshake::abortResponse(
                handshake.statusCode(), handshake.errorString().toUtf8());
        request.connection->acceptWebSocket(bytes,
            WebSocketFrameDecoder::maxPayloadFromOption(double(m_options.maxHttpBufferSize)));
        if (handshake.isValid())
            onWebSocket(request);
    });
}

void EngineServer::onWebSocket(const EngineRequest &request)
{
    const QString transportName = request.query(QStringLiteral("transport"));
    if (transportName != QLatin1String("websocket")) {
        // A transport that does not take upgrades (polling): ws.close().
        request.connection->closeWebSocket();
        return;
    }
    const QString sid = request.query(QStringLiteral("sid"));
    if (!sid.isEmpty()) {
        EngineSession *session = m_sessions.value(sid);
        if (!session || session->isUpgrading() || session->isUpgraded()) {
            request.connection->closeWebSocket();
            return;
        }
        auto *transport = new WebSocketTransport(this, request.connection, protocolOf(request),
            !request.hasQuery(QStringLiteral("b64")), session);
        session->maybeUpgrade(transport);
        return;
    }
    handshake(transportName, request, [this, request](EngineError code) {
        // After the 101 the refusal goes into the stream as raw HTTP (engine.io quirk).
        if (request.connection)
            request.connection->writeRawAndDestroy(
                HttpResponse::engineIoUpgradeError(engineErrorMessage(code).toUtf8()));
    });
}

QString EngineServer::generateId()
{
    return m_ids.next();
}

void EngineServer::handshake(const QString &transportName, const EngineRequest &request,
    std::function<void(EngineError)> closeConnection)
{
    const EngineIoProtocol protocol = protocolOf(request);
    if (protocol == EngineIoProtocol::V3 && !m_options.allowEIO3) {
        report(ServerEvent::Kind::Decision, {},
            QStringLiteral("engine.io refused the handshake: Unsupported protocol version "
                           "(code 5)"),
            QStringLiteral("connection_error context: {\"protocol\":3}"));
        closeConnection(EngineError::UnsupportedProtocolVersion);
        return;
    }
    const QString id = generateId();
    const bool supportsBinary = !request.hasQuery(QStringLiteral("b64"));
    EngineTransport *transport = nullptr;
    if (transportName == QLatin1String("polling")) {
        auto *polling = new PollingTransport(this, protocol, supportsBinary, nullptr);
        if (request.hasQuery(QStringLiteral("j")))
            polling->setJsonpIndex(request.query(QStringLiteral("j")));
        transport = polling;
    } else
        transport
            = new WebSocketTransport(this, request.connection, protocol, supportsBinary, nullptr);
    auto *session = new EngineSession(id, this, transport, request, protocol);
    m_sessions.insert(id, session);
    connect(session, &EngineSession::closed, this, [this, id, session] {
        m_sessions.remove(id);
        session->deleteLater();
    });
    report(ServerEvent::Kind::SessionOpened, id,
        QStringLiteral("session %1 opened on %2 (EIO=%3)")
            .arg(id, transportName)
            .arg(int(protocol)));
    session->start();
    if (auto *polling = qobject_cast<PollingTransport *>(transport))
        polling->onRequest(request);
    emit sessionOpened(session);
}

void EngineServer::closeAll()
{
    const auto sessions = m_sessions.values();
    for (EngineSession *s : sessions)
        s->close();
}

} // namespace corslab
