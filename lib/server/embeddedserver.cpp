// EmbeddedServer: the listener, the cors middleware in engine.io's place, user code through the
// sandbox, and the engine.io and socket.io servers, wired as socket.io's `new Server(port, opts)`.
#include "embeddedserver.h"

#include "cors/corspolicy.h"
#include "cors/originregexp.h"
#include "http/httpresponse.h"
#include "script/scriptsandbox.h"
#include "server/engineserver.h"
#include "server/httpconnection.h"
#include "server/reverseproxy.h"
#include "server/socketioserver.h"

#include "server/streamsocket.h"

#include <QTcpServer>

namespace corslab {

namespace {

// Hands accepted descriptors to StreamSocket instead of QTcpSocket (half-close, graceful end).
class StreamListener : public QTcpServer {
public:
    using QTcpServer::QTcpServer;
    std::function<void(qintptr)> onAccepted;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (onAccepted)
            onAccepted(descriptor);
    }
};

AllowedOrigin toAllowedOrigin(const OriginValue &value, const RegExpCompiler &compile)
{
    if (const auto *b = std::get_if<bool>(&value))
        return AllowedOrigin::fromBool(*b);
    if (const auto *s = std::get_if<QString>(&value))
        return AllowedOrigin::fromString(*s);
    if (const auto *re = std::get_if<RegexPattern>(&value)) {
        const CompiledRegExp compiled = compile(*re);
        return compiled.regExp ? AllowedOrigin::fromRegExp(compiled.regExp)
                               : AllowedOrigin::fromBool(false);
    }
    std::vector<AllowedOrigin> list;
    for (const OriginEntry &entry : std::get<QList<OriginEntry>>(value)) {
        if (const auto *s = std::get_if<QString>(&entry)) {
            list.push_back(AllowedOrigin::fromString(*s));
        } else {
            const CompiledRegExp compiled = compile(std::get<RegexPattern>(entry));
            if (compiled.regExp)
                list.push_back(AllowedOrigin::fromRegExp(compiled.regExp));
        }
    }
    return AllowedOrigin::fromList(std::move(list));
}

RequestInput requestInput(const HttpRequest &request, const QString &remoteAddress)
{
    RequestInput input;
    input.method = QString::fromLatin1(request.method());
    input.url = QString::fromLatin1(request.target());
    for (const HttpHeaderField &f : request.headers().fields())
        input.headers.emplace_back(QString::fromLatin1(f.name), QString::fromLatin1(f.value));
    input.remoteAddress = remoteAddress;
    input.httpVersion = QString::fromLatin1(request.version());
    return input;
}

QString describe(const ScriptError &error)
{
    return error.message;
}

} // namespace

EmbeddedServer::EmbeddedServer(const ServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    if (options.proxy) {
        // The server the profile describes runs behind the proxy, as one or more instances.
        ServerOptions backend = options;
        backend.proxy.reset();
        backend.host = QStringLiteral("127.0.0.1");
        backend.port = 0;
        for (int i = 0; i < options.proxy->instances; ++i) {
            auto *instance = new EmbeddedServer(backend, this);
            const int number = i + 1;
            connect(instance, &EmbeddedServer::eventRecorded, this, [this, number](ServerEvent e) {
                if (e.kind == ServerEvent::Kind::Listening)
                    return;
                e.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : e.elapsedMs;
                e.layer = QStringLiteral("instance %1 %2").arg(number).arg(e.layer);
                if (m_options.proxy->instances > 1)
                    e.summary = QStringLiteral("[instance %1] ").arg(number) + e.summary;
                emit eventRecorded(e);
            });
            m_instances << instance;
            m_setupErrors << instance->setupErrors();
        }
        m_setupErrors.removeDuplicates();
        QString path = options.path;
        if (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        if (options.addTrailingSlash)
            path += QLatin1Char('/');
        m_enginePath = path;
        return;
    }
    // engine.io attach(): trailing "/" stripped, then added back unless addTrailingSlash is false.
    QString path = options.path;
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (options.addTrailingSlash)
        path += QLatin1Char('/');
    m_enginePath = path;

    // A JavaScript engine only for profiles with user functions: creating one costs more CPU than
    // a whole run without it.
    bool needsScripts = options.allowRequest.has_value()
        || (options.cors && std::holds_alternative<ScriptFunction>(options.cors->origin));
    for (const NamespaceConfig &ns : options.namespaces)
        needsScripts = needsScripts || ns.middleware.has_value();
    if (needsScripts) {
        m_sandbox = new ScriptSandbox(this);
        connect(m_sandbox, &ScriptSandbox::logged, this, [this](const ScriptLogLine &line) {
            record(ServerEvent::Kind::ScriptLog, 0, QStringLiteral("script"),
                (line.function.isEmpty() ? QString() : line.function + QStringLiteral(": "))
                    + line.text);
        });
    }
    m_engine = new EngineServer(options, this);
    m_engine->setClock(&m_clock);
    connect(m_engine, &EngineServer::eventRecorded, this, &EmbeddedServer::eventRecorded);
    m_socketIo = new SocketIoServer(m_engine, options, this);
    setUpScripts();
}

EmbeddedServer::~EmbeddedServer() = default;

void EmbeddedServer::setUpScripts()
{
    const RegExpCompiler compiler = jsRegExpCompiler();
    if (m_options.cors) {
        OriginFunction originFunction;
        if (const auto *fn = std::get_if<ScriptFunction>(&m_options.cors->origin)) {
            const CompileResult compiled = m_sandbox->compile(*fn, QStringLiteral("cors.origin"));
            if (!compiled.isValid()) {
                m_setupErrors << compiled.error->message;
            } else {
                const CompiledFunction handle = compiled.function;
                originFunction = [this, handle, compiler](const std::optional<QString> &origin,
                                     OriginCallback callback) {
                    m_sandbox->callOriginFunction(
                        handle, origin, [this, callback, compiler](const OriginResult &result) {
                            if (result.end != CallEnd::Answered) {
                                const QString why = result.failure ? describe(*result.failure)
                                                                   : QStringLiteral("no answer");
                                record(ServerEvent::Kind::Error, 0, QStringLiteral("script"), why);
                                if (result.end == CallEnd::Failed)
                                    callback(OriginFunctionResult::failure(why));
                                return; // NoAnswer: the request waits, as in Node
                            }
                            if (result.error)
                                callback(OriginFunctionResult::failure(result.error->text));
                            else
                                callback(OriginFunctionResult::success(
                                    toAllowedOrigin(result.value, compiler)));
                        });
                };
            }
        }
        m_cors = std::make_unique<CorsPolicy>(*m_options.cors, originFunction, compiler);
        if (!m_cors->isValid())
            m_setupErrors << m_cors->errorString();
    }
    if (m_options.allowRequest) {
        const CompileResult compiled
            = m_sandbox->compile(*m_options.allowRequest, QStringLiteral("allowRequest"));
        if (!compiled.isValid()) {
            m_setupErrors << compiled.error->message;
        } else {
            const CompiledFunction handle = compiled.function;
            m_engine->setAllowRequest([this, handle](const EngineRequest &request,
                                          std::function<void(QString, bool)> done) {
                const QString address = request.connection ? request.connection->peerAddress()
                                                           : QStringLiteral("127.0.0.1");
                m_sandbox->callAllowRequest(handle, requestInput(request.http, address),
                    [this, done](const AllowRequestResult &result) {
                        if (result.end != CallEnd::Answered) {
                            record(ServerEvent::Kind::Error, 0, QStringLiteral("script"),
                                result.failure ? describe(*result.failure)
                                               : QStringLiteral("allowRequest gave no answer"),
                                QStringLiteral("the request waits for an answer, as it would "
                                               "in Node"));
                            return;
                        }
                        record(ServerEvent::Kind::Decision, 0, QStringLiteral("engine.io"),
                            result.success ? QStringLiteral("allowRequest accepted the handshake")
                                           : QStringLiteral("allowRequest refused the handshake%1")
                                                 .arg(result.message.truthy ? QStringLiteral(": ")
                                                             + result.message.text
                                                                            : QString()));
                        done(result.message.truthy ? result.message.text : QString(),
                            result.success);
                    });
            });
        }
    }
    for (const NamespaceConfig &ns : m_options.namespaces) {
        if (!ns.middleware)
            continue;
        const QString name = ns.name + QStringLiteral(" middleware");
        const CompileResult compiled = m_sandbox->compile(*ns.middleware, name);
        if (!compiled.isValid()) {
            m_setupErrors << compiled.error->message;
            continue;
        }
        const CompiledFunction handle = compiled.function;
        m_socketIo->setMiddleware(ns.name,
            [this, handle](const MiddlewareCall &call, std::function<void(MiddlewareAnswer)> done) {
                HandshakeInput input;
                input.socketId = call.socketId;
                input.sessionId = call.sessionId;
                input.namespaceName = call.namespaceName;
                input.request = requestInput(call.request, call.remoteAddress);
                input.auth = call.auth;
                input.transport = call.transport;
                m_sandbox->callMiddleware(
                    handle, input, [this, done](const MiddlewareResult &result) {
                        if (result.end != CallEnd::Answered) {
                            record(ServerEvent::Kind::Error, 0, QStringLiteral("script"),
                                result.failure ? describe(*result.failure)
                                               : QStringLiteral("the middleware gave no answer"),
                                QStringLiteral(
                                    "the CONNECT stays unanswered, as it would in Node"));
                            return;
                        }
                        MiddlewareAnswer answer;
                        answer.allowed = result.isAllowed();
                        if (!answer.allowed) {
                            answer.message = result.message.text;
                            if (result.data.json && !result.data.isUndefined())
                                answer.data = result.data.json;
                            answer.detail = QStringLiteral("next(%1)")
                                                .arg(result.error ? result.error->text : QString());
                        }
                        done(answer);
                    });
            });
    }
}

bool EmbeddedServer::listen(QString *error)
{
    QHostAddress address;
    if (m_options.host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(m_options.host)) {
        if (error)
            *error = QStringLiteral("\"%1\" is not an IP address to listen on").arg(m_options.host);
        return false;
    }
    if (m_options.proxy) {
        QList<quint16> ports;
        for (EmbeddedServer *instance : std::as_const(m_instances)) {
            if (!instance->listen(error))
                return false;
            ports << instance->port();
        }
        QString cookieName = QStringLiteral("io");
        if (const auto *c = std::get_if<CookieOptions>(&m_options.cookie); c && c->name)
            cookieName = *c->name;
        m_proxy = new ReverseProxy(*m_options.proxy, cookieName, ports, this);
        m_proxy->setClock(&m_clock);
        connect(m_proxy, &ReverseProxy::eventRecorded, this, &EmbeddedServer::eventRecorded);
        QString why;
        if (!m_proxy->listen(address, quint16(m_options.port), &why)) {
            if (error)
                *error = QStringLiteral("cannot listen on %1:%2: %3")
                             .arg(m_options.host)
                             .arg(m_options.port)
                             .arg(why);
            return false;
        }
        m_clock.start();
        record(ServerEvent::Kind::Listening, 0, QStringLiteral("proxy"),
            QStringLiteral("proxy listening on %1 in front of %2 instance(s)")
                .arg(url().toString())
                .arg(m_instances.size()),
            url().toString());
        return true;
    }
    auto *listener = new StreamListener(this);
    listener->onAccepted = [this](qintptr descriptor) { onNewConnection(descriptor); };
    m_listener = listener;
    if (!m_listener->listen(address, quint16(m_options.port))) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(m_options.host)
                         .arg(m_options.port)
                         .arg(m_listener->errorString());
        return false;
    }
    m_listener->setMaxPendingConnections(4096);
    m_clock.start();
    record(ServerEvent::Kind::Listening, 0, QStringLiteral("http"),
        QStringLiteral("listening on %1").arg(url().toString()), url().toString());
    return true;
}

void EmbeddedServer::close()
{
    for (EmbeddedServer *instance : std::as_const(m_instances))
        instance->close();
    if (!m_engine)
        return;
    m_engine->closeAll();
    if (m_listener)
        m_listener->close();
}

bool EmbeddedServer::isListening() const
{
    return m_proxy ? m_proxy->port() != 0 : (m_listener && m_listener->isListening());
}

quint16 EmbeddedServer::port() const
{
    if (m_proxy)
        return m_proxy->port();
    return m_listener ? m_listener->serverPort() : 0;
}

QUrl EmbeddedServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    if (m_proxy)
        url.setHost(m_proxy->address().toString());
    else
        url.setHost(m_listener ? m_listener->serverAddress().toString() : m_options.host);
    url.setPort(port());
    return url;
}

QUrl EmbeddedServer::publicUrl() const
{
    QUrl result = url();
    if (result.host() == QLatin1String("127.0.0.1"))
        result.setHost(QStringLiteral("localhost"));
    return result;
}

void EmbeddedServer::record(ServerEvent::Kind kind, quint64 connection, const QString &layer,
    const QString &summary, const QString &detail, const QByteArray &bytes)
{
    ServerEvent e;
    e.kind = kind;
    e.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    e.connection = connection;
    e.layer = layer;
    e.summary = summary;
    e.detail = detail;
    e.bytes = bytes.left(ServerEvent::MaxBytes);
    emit eventRecorded(e);
}

void EmbeddedServer::onNewConnection(qintptr descriptor)
{
    {
        auto *connection = new HttpConnection(new StreamSocket(descriptor), ++m_connections, this);
        connection->setMaxBodySize(m_options.maxHttpBufferSize);
        // engine.io adds an 'upgrade' listener only when websocket is one of its transports.
        connection->setUpgradeHandled(m_options.transports.contains(QStringLiteral("websocket")));
        const quint64 number = connection->number();
        connect(connection, &HttpConnection::requestReceived, this, &EmbeddedServer::onRequest);
        connect(connection, &HttpConnection::upgradeReceived, this, &EmbeddedServer::onUpgrade);
        connect(connection, &HttpConnection::bytesWritten, this,
            [this, number](HttpConnection *, const QByteArray &bytes, const QString &what) {
                const qsizetype lineEnd = bytes.indexOf("\r\n");
                const bool http = bytes.startsWith("HTTP/");
                record(http ? ServerEvent::Kind::ResponseSent : ServerEvent::Kind::FrameSent,
                    number, http ? QStringLiteral("http") : QStringLiteral("websocket"),
                    http ? QString::fromLatin1(bytes.left(lineEnd))
                         : (what.isEmpty() ? QStringLiteral("frame, %1 bytes").arg(bytes.size())
                                           : what),
                    {}, bytes);
            });
        connect(connection, &HttpConnection::webSocketEvent, this,
            [this, number](HttpConnection *, const WebSocketEvent &event) {
                record(ServerEvent::Kind::FrameReceived, number, QStringLiteral("websocket"),
                    event.isError() ? event.errorString
                                    : QStringLiteral("frame, %1 bytes").arg(event.payload.size()),
                    {}, event.payload);
            });
        connect(connection, &HttpConnection::parseFailed, this,
            [this, number](HttpConnection *, const QString &why) {
                record(ServerEvent::Kind::Decision, number, QStringLiteral("http"),
                    QStringLiteral("malformed request: %1").arg(why));
            });
        connect(connection, &HttpConnection::closed, this, [this, number](HttpConnection *) {
            record(ServerEvent::Kind::Disconnected, number, QStringLiteral("http"),
                QStringLiteral("connection %1 closed").arg(number));
        });
        record(ServerEvent::Kind::Connected, number, QStringLiteral("http"),
            QStringLiteral("connection %1 from %2").arg(number).arg(connection->peerAddress()));
    }
}

void EmbeddedServer::onRequest(HttpConnection *connection, const HttpRequest &request)
{
    record(ServerEvent::Kind::RequestReceived, connection->number(), QStringLiteral("http"),
        QString::fromLatin1(request.method() + ' ' + request.target()), {},
        request.rawHead() + request.body().left(ServerEvent::MaxBytes));
    // engine.io attach(): a string prefix test on the raw URL.
    if (!request.target().startsWith(m_enginePath.toUtf8())) {
        connection->respond(HttpResponse(404)); // new Server(port)'s own handler
        return;
    }
    dispatch(connection, request, false);
}

void EmbeddedServer::onUpgrade(HttpConnection *connection, const HttpRequest &request)
{
    record(ServerEvent::Kind::RequestReceived, connection->number(), QStringLiteral("http"),
        QString::fromLatin1(request.method() + ' ' + request.target())
            + QStringLiteral(" (upgrade)"),
        {}, request.rawHead());
    if (!request.target().startsWith(m_enginePath.toUtf8())) {
        connection->endUnlessWrittenSoon(); // engine.io attach(): destroyUpgrade
        return;
    }
    dispatch(connection, request, true);
}

void EmbeddedServer::dispatch(HttpConnection *connection, const HttpRequest &request, bool upgrade)
{
    const EngineRequest engineRequest {request, connection, {}};
    const auto pass = [this, upgrade](const EngineRequest &r) {
        if (upgrade)
            m_engine->handleUpgrade(r);
        else
            m_engine->handleRequest(r);
    };
    if (!m_cors) {
        pass(engineRequest);
        return;
    }
    // cors is engine.io's first middleware, for upgrades too (against a fake response whose
    // headers go on the 101).
    CorsRequest corsRequest;
    corsRequest.method = QString::fromLatin1(request.method());
    if (request.hasHeader("origin"))
        corsRequest.origin = QString::fromLatin1(request.header("origin"));
    if (request.hasHeader("access-control-request-headers"))
        corsRequest.requestHeaders
            = QString::fromLatin1(request.header("access-control-request-headers"));
    QPointer<HttpConnection> alive(connection);
    m_cors->evaluate(
        corsRequest, [this, engineRequest, alive, upgrade, pass](const CorsDecision &decision) {
            QString summary;
            if (decision.outcome == CorsOutcome::PreflightEnded)
                summary = QStringLiteral("cors answered the preflight (%1)").arg(decision.status);
            else if (decision.outcome == CorsOutcome::Failed)
                summary = QStringLiteral("cors failed: %1").arg(decision.error);
            else
                summary = QStringLiteral("cors set %1 header(s)%2")
                              .arg(decision.headers.size())
                              .arg(upgrade ? QStringLiteral(" for the 101") : QString());
            record(ServerEvent::Kind::Decision, alive ? alive->number() : 0, QStringLiteral("cors"),
                summary, decision.causes.join(QLatin1Char('\n')));
            if (!alive)
                return;
            HttpHeaders preset;
            for (const CorsHeader &h : decision.headers)
                preset.append(h.name.toLatin1(), h.value.toLatin1());
            switch (decision.outcome) {
            case CorsOutcome::PreflightEnded:
                if (upgrade)
                    alive->destroy(); // ending engine.io's fake response destroys the socket
                else
                    alive->respond(HttpResponse(
                        decision.status, preset, {}, HttpResponse::BodyMode::ContentLength));
                return;
            case CorsOutcome::Failed: {
                const QJsonObject context {
                    {QStringLiteral("name"), QStringLiteral("MIDDLEWARE_FAILURE")}};
                if (upgrade)
                    m_engine->abortUpgrade(engineRequest, EngineError::BadRequest, context);
                else
                    m_engine->abortRequest(engineRequest, EngineError::BadRequest, context);
                return;
            }
            case CorsOutcome::PassOn: {
                EngineRequest withHeaders = engineRequest;
                withHeaders.presetHeaders = preset;
                pass(withHeaders);
                return;
            }
            }
        });
}

} // namespace corslab
