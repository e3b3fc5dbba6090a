// The Engine.IO 6.6 server: request verification in engine.io's order, handshake, sessions,
// polling and WebSocket transports, upgrade, heartbeat and every close path.
#pragma once

#include "engineio/engineiopacket.h"
#include "http/httpheaders.h"
#include "http/httprequest.h"
#include "profile/profile.h"
#include "server/base64id.h"
#include "server/serverevent.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace corslab {

class EngineServer;
class EngineSession;
class HttpConnection;
class HttpResponse;
struct WebSocketEvent;

// engine.io's error codes (server.ts Server.errors) and their messages.
enum class EngineError {
    UnknownTransport = 0,
    UnknownSid = 1,
    BadHandshakeMethod = 2,
    BadRequest = 3,
    Forbidden = 4,
    UnsupportedProtocolVersion = 5
};
QString engineErrorMessage(EngineError code);

// One request as engine.io sees it: the HTTP request, the connection it came on, and the headers
// middlewares (cors) already set on its response.
struct EngineRequest {
    HttpRequest http;
    QPointer<HttpConnection> connection;
    HttpHeaders presetHeaders;
    QString query(const QString &name) const;
    bool hasQuery(const QString &name) const;
};

// Builds a response the way Node's res.writeHead(status, headers) does after setHeader() calls:
// preset headers first, a header of the same name (any case) replaced in place.
HttpHeaders mergeHeaders(const HttpHeaders &preset, const HttpHeaders &written);

class EngineTransport : public QObject {
    Q_OBJECT

public:
    EngineTransport(EngineIoProtocol protocol, bool supportsBinary, QObject *parent);
    virtual QString name() const = 0;
    virtual void send(std::vector<EngineIoPacket> packets) = 0;
    void close(std::function<void()> done = {});
    void discard() { m_discarded = true; }
    bool isWritable() const { return m_writable; }
    bool isOpen() const { return m_state == State::Open; }
    EngineIoProtocol protocol() const { return m_protocol; }

signals:
    void packetReceived(const corslab::EngineIoPacket &packet);
    void packetSent(const corslab::EngineIoPacket &packet);
    void ready();
    void drained();
    void failed(const QString &reason);
    void closed();

protected:
    enum class State { Open, Closing, Closed };
    virtual void doClose(std::function<void()> done) = 0;
    void onClose();
    void onData(const EngineIoRawData &data);
    void fail(const QString &reason);

    EngineIoProtocol m_protocol;
    bool m_supportsBinary = true;
    bool m_writable = false;
    bool m_discarded = false;
    State m_state = State::Open;
};

class PollingTransport : public EngineTransport {
    Q_OBJECT

public:
    PollingTransport(
        EngineServer *server, EngineIoProtocol protocol, bool supportsBinary, QObject *parent);
    // transports/polling-jsonp.ts: a handshake with a `j` query parameter polls with JSONP.
    void setJsonpIndex(const QString &j);
    QString name() const override { return QStringLiteral("polling"); }
    void onRequest(const EngineRequest &request);
    void send(std::vector<EngineIoPacket> packets) override;

protected:
    void doClose(std::function<void()> done) override;

private:
    void onPollRequest(const EngineRequest &request);
    void onDataRequest(const EngineRequest &request);
    void onDataComplete(const EngineRequest &request);
    void write(const EngineIoRawData &data, bool compress);
    HttpHeaders pollingHeaders(const EngineRequest &request, HttpHeaders headers);
    void respond(const EngineRequest &request, const HttpResponse &response);

    EngineServer *m_server;
    std::optional<EngineRequest> m_poll; // the pending GET
    QMetaObject::Connection m_pollClosed;
    std::optional<QByteArray> m_jsonpHead; // "___eio[<digits>]("
    std::optional<EngineRequest> m_dataRequest; // a POST whose body is still arriving
    QList<QMetaObject::Connection> m_dataConnections;
    std::function<void()> m_shouldClose;
    QTimer m_closeTimeout;
};

class WebSocketTransport : public EngineTransport {
    Q_OBJECT

public:
    WebSocketTransport(EngineServer *server, HttpConnection *connection, EngineIoProtocol protocol,
        bool supportsBinary, QObject *parent);
    QString name() const override { return QStringLiteral("websocket"); }
    void send(std::vector<EngineIoPacket> packets) override;
    void onWebSocketEvent(const WebSocketEvent &event);

protected:
    void doClose(std::function<void()> done) override;

private:
    EngineServer *m_server;
    QPointer<HttpConnection> m_connection;
};

class EngineSession : public QObject {
    Q_OBJECT

public:
    EngineSession(const QString &id, EngineServer *server, EngineTransport *transport,
        const EngineRequest &request, EngineIoProtocol protocol);
    ~EngineSession() override;

    QString id() const { return m_id; }
    EngineIoProtocol protocol() const { return m_protocol; }
    EngineTransport *transport() const { return m_transport; }
    const EngineRequest &request() const { return m_request; }
    bool isOpen() const { return m_state == State::Open; }
    bool isUpgrading() const { return m_upgrading; }
    bool isUpgraded() const { return m_upgraded; }

    void start(); // sends the open packet (and initialPacket), starts the heartbeat
    void sendMessage(const EngineIoPacket &packet);
    void close(); // socket.close(): after the write buffer drains
    void maybeUpgrade(EngineTransport *transport);

signals:
    void messageReceived(const corslab::EngineIoPacket &packet);
    void closed(const QString &reason, const QString &description);

private:
    enum class State { Opening, Open, Closing, Closed };
    void setTransport(EngineTransport *transport);
    void clearTransport();
    void onPacket(const EngineIoPacket &packet);
    void sendPacket(const EngineIoPacket &packet);
    void flush();
    void schedulePing();
    void resetPingTimeout();
    void onClose(const QString &reason, const QString &description = {});
    QStringList availableUpgrades() const;

    QString m_id;
    EngineServer *m_server;
    QPointer<EngineTransport> m_transport;
    EngineRequest m_request;
    EngineIoProtocol m_protocol;
    State m_state = State::Opening;
    bool m_upgrading = false;
    bool m_upgraded = false;
    std::vector<EngineIoPacket> m_writeBuffer;
    QTimer m_pingInterval;
    QTimer m_pingTimeout;
    bool m_hasRefreshedPingTimeout = false;
    QList<QMetaObject::Connection> m_transportConnections;
    std::function<void()> m_afterDrain;
};

class EngineServer : public QObject {
    Q_OBJECT

public:
    // allowRequest(req, callback): answers (message, success); nullptr when not configured.
    using AllowRequest
        = std::function<void(const EngineRequest &, std::function<void(QString, bool)>)>;

    EngineServer(const ServerOptions &options, QObject *parent = nullptr);
    const ServerOptions &options() const { return m_options; }
    void setAllowRequest(AllowRequest allowRequest) { m_allowRequest = std::move(allowRequest); }

    // After the middlewares: verify, then hand to a session's transport or handshake.
    void handleRequest(const EngineRequest &request);
    void handleUpgrade(const EngineRequest &request);
    // A middleware failed (cors origin function erred): 400 code 3.
    void abortRequest(const EngineRequest &request, EngineError code, const QJsonObject &context);
    void abortUpgrade(const EngineRequest &request, EngineError code, const QJsonObject &context);

    EngineSession *session(const QString &id) const { return m_sessions.value(id); }
    int sessionCount() const { return int(m_sessions.size()); }
    void closeAll();

    // Observability: every packet, decision and close goes through here.
    void report(ServerEvent::Kind kind, const QString &sessionId, const QString &summary,
        const QString &detail = {}, const QByteArray &bytes = {}, quint64 connection = 0);
    void setClock(const QElapsedTimer *clock) { m_clock = clock; }
    // Writes a response and reports it (the shared path of every HTTP answer).
    void respond(
        const EngineRequest &request, const HttpResponse &response, const QString &sessionId = {});

signals:
    void sessionOpened(corslab::EngineSession *session);
    void eventRecorded(const corslab::ServerEvent &event);

private:
    using VerifyDone = std::function<void(std::optional<EngineError>, QJsonObject)>;
    void verify(const EngineRequest &request, bool upgrade, VerifyDone done);
    void handshake(const QString &transportName, const EngineRequest &request,
        std::function<void(EngineError)> closeConnection);
    void onWebSocket(const EngineRequest &request);
    QString generateId();
    EngineIoProtocol protocolOf(const EngineRequest &request) const;

    ServerOptions m_options;
    AllowRequest m_allowRequest;
    QHash<QString, EngineSession *> m_sessions;
    Base64Id m_ids;
    const QElapsedTimer *m_clock = nullptr;
};

} // namespace corslab
