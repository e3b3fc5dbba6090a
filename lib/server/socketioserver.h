// The Socket.IO 4.8 server on top of engine.io sessions: namespaces, CONNECT with auth and
// middleware, CONNECT_ERROR, connectTimeout, events and acks, and CorsLab's test application.
#pragma once

#include "http/httprequest.h"
#include "profile/jsonnode.h"
#include "profile/profile.h"
#include "server/base64id.h"
#include "socketio/socketiopacket.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace corslab {

class EngineServer;
class EngineSession;

// What a namespace middleware answered: allowed, or refused with err.message and err.data.
struct MiddlewareAnswer {
    bool allowed = true;
    QString message;
    std::optional<JsonNode> data;
    QString detail; // for the timeline: what the code did (threw, timed out, ...)
};

struct MiddlewareCall {
    QString namespaceName;
    QString socketId;
    QString sessionId;
    std::optional<JsonNode> auth;
    QString transport;
    HttpRequest request; // the engine.io handshake request (socket.handshake)
    QString remoteAddress;
};

class SocketIoServer : public QObject {
    Q_OBJECT

public:
    // (namespace, call, done) — nullptr for namespaces without middleware.
    using Middleware
        = std::function<void(const MiddlewareCall &, std::function<void(MiddlewareAnswer)>)>;

    SocketIoServer(EngineServer *engine, const ServerOptions &options, QObject *parent = nullptr);
    void setMiddleware(const QString &namespaceName, Middleware middleware);

private:
    class Client;
    void onSession(EngineSession *session);
    QString generateId();

    EngineServer *m_engine;
    ServerOptions m_options;
    QStringList m_namespaces; // "/" and the declared ones
    QHash<QString, Middleware> m_middlewares;
    Base64Id m_ids;
};

} // namespace corslab
