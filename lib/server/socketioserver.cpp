// Socket.IO server behaviour of socket.io 4.8.4 (client.ts, namespace.ts, socket.ts), with the test
// application every CorsLab server runs: "auth" on connect, "message" → "message-back", acks echo.
#include "socketioserver.h"

#include "engineio/engineiopacket.h"
#include "server/engineserver.h"
#include "server/httpconnection.h"

#include <QUrl>
#include <QUrlQuery>

namespace corslab {

namespace {

// socket.io-parser's deconstructPacket() over data that may hold placeholders of `attachments`:
// placeholders are renumbered in traversal order and their buffers collected in that order.
JsonNode renumber(
    const JsonNode &node, const std::vector<QByteArray> &attachments, std::vector<QByteArray> &out)
{
    if (const auto index = SocketIoPacket::attachmentIndex(node)) {
        if (*index >= 0 && std::size_t(*index) < attachments.size()) {
            out.push_back(attachments[std::size_t(*index)]);
            return SocketIoPacket::placeholder(int(out.size() - 1));
        }
        return node;
    }
    if (node.isArray()) {
        std::vector<JsonNode> items;
        for (const JsonNode &item : node.items())
            items.push_back(renumber(item, attachments, out));
        return JsonNode::makeArray(std::move(items));
    }
    if (node.isObject()) {
        std::vector<JsonNode::Member> members;
        for (const JsonNode::Member &m : node.members())
            members.push_back({m.key, {}, renumber(m.value, attachments, out)});
        return JsonNode::makeObject(std::move(members));
    }
    return node;
}

} // namespace

class SocketIoServer::Client : public QObject {
public:
    struct Socket {
        QString id;
        QString nsp;
        std::optional<JsonNode> auth;
        double nextAckId = 0;
    };

    Client(SocketIoServer *server, EngineSession *session)
        : QObject(session)
        , m_server(server)
        , m_session(session)
        , m_v3(session->protocol() == EngineIoProtocol::V3)
    {
        connect(session, &EngineSession::messageReceived, this, &Client::onMessage);
        connect(session, &EngineSession::closed, this, [this](const QString &reason) {
            m_connectTimeout.stop();
            for (const Socket &s : std::as_const(m_sockets))
                m_server->m_engine->report(ServerEvent::Kind::Decision, m_session->id(),
                    QStringLiteral("socket %1 on %2 disconnected: %3").arg(s.id, s.nsp, reason));
            m_sockets.clear();
        });
        m_connectTimeout.setSingleShot(true);
        connect(&m_connectTimeout, &QTimer::timeout, this, [this] {
            if (m_sockets.isEmpty()) {
                m_server->m_engine->report(ServerEvent::Kind::Decision, m_session->id(),
                    QStringLiteral("no namespace joined within "
                                   "connectTimeout (%1 ms): closing")
                        .arg(m_server->m_options.connectTimeout));
                close();
            }
        });
        m_connectTimeout.start(int(server->m_options.connectTimeout));
        if (m_v3)
            connectNamespace(QStringLiteral("/"), std::nullopt);
    }

private:
    void report(const QString &summary, const QString &detail = {})
    {
        m_server->m_engine->report(ServerEvent::Kind::Decision, m_session->id(), summary, detail);
    }

    void onMessage(const EngineIoPacket &packet)
    {
        if (!packet.hasData()) {
            // decoder.add(undefined) throws in socket.io-parser: the connection is closed.
            onError(QStringLiteral("a message packet without data"));
            return;
        }
        const SocketIoDecodeResult result
            = packet.isBinary() ? m_decoder.add(packet.binary()) : m_decoder.add(packet.text());
        switch (result.status) {
        case SocketIoDecodeResult::Status::Decoded:
            m_server->m_engine->report(ServerEvent::Kind::SocketPacketReceived, m_session->id(),
                SocketIoPacket::typeName(result.packet->type()) + QStringLiteral(" ")
                    + result.packet->nsp() + QStringLiteral(" ")
                    + (result.packet->data()
                            ? JavaScriptJson::stringify(*result.packet->data()).left(200)
                            : QString()));
            onDecoded(*result.packet);
            break;
        case SocketIoDecodeResult::Status::AwaitingAttachments:
            break;
        case SocketIoDecodeResult::Status::Failed:
            onError(result.error
                    ? result.error->message + QStringLiteral(": ") + result.error->detail
                    : QStringLiteral("undecodable packet"));
            break;
        }
    }

    void onError(const QString &why)
    {
        report(QStringLiteral("socket.io could not decode a packet: closing the connection"), why);
        m_session->close();
    }

    void onDecoded(const SocketIoPacket &packet)
    {
        QString nsp = packet.nsp();
        std::optional<JsonNode> auth = packet.data();
        if (m_v3) {
            // v3 clients put the handshake query in the namespace: "/admin?token=1".
            const QUrl url(QStringLiteral("https://socket.io") + nsp);
            nsp = url.path().isEmpty() ? QStringLiteral("/") : url.path();
            JsonNode query = JsonNode::makeObject();
            for (const auto &[k, v] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
                query.insert(k, JsonNode::fromString(v));
            auth = query;
        }
        const bool connected = m_sockets.contains(nsp);
        if (!connected && packet.type() == SocketIoPacket::Type::Connect) {
            connectNamespace(nsp, auth);
        } else if (connected && packet.type() != SocketIoPacket::Type::Connect
            && packet.type() != SocketIoPacket::Type::ConnectError) {
            QMetaObject::invokeMethod(
                this, [this, nsp, packet] { onSocketPacket(nsp, packet); }, Qt::QueuedConnection);
        } else {
            report(QStringLiteral("unexpected %1 packet for %2: closing")
                       .arg(SocketIoPacket::typeName(packet.type()), nsp));
            close();
        }
    }

    void close()
    {
        if (m_session->isOpen())
            m_session->close();
    }

    void send(const SocketIoPacket &packet)
    {
        if (!m_session->isOpen())
            return;
        m_server->m_engine->report(ServerEvent::Kind::SocketPacketSent, m_session->id(),
            SocketIoPacket::typeName(packet.type()) + QStringLiteral(" ") + packet.nsp()
                + QStringLiteral(" ")
                + (packet.data() ? JavaScriptJson::stringify(*packet.data()).left(200)
                                 : QString()));
        m_session->sendMessage(EngineIoPacket(EngineIoPacket::Type::Message, packet.encode()));
        for (const QByteArray &attachment : packet.attachments())
            m_session->sendMessage(EngineIoPacket(EngineIoPacket::Type::Message, attachment));
    }

    void connectNamespace(const QString &nsp, std::optional<JsonNode> auth)
    {
        if (!m_server->m_namespaces.contains(nsp)) {
            report(QStringLiteral("CONNECT to %1 refused: Invalid namespace").arg(nsp),
                QStringLiteral("the server declares: %1")
                    .arg(m_server->m_namespaces.join(QStringLiteral(", "))));
            JsonNode data = JsonNode::makeObject();
            data.insert(QStringLiteral("message"),
                JsonNode::fromString(QStringLiteral("Invalid namespace")));
            send(SocketIoPacket(SocketIoPacket::Type::ConnectError, nsp, data));
            return;
        }
        Socket socket;
        socket.nsp = nsp;
        socket.auth = auth ? *auth : JsonNode::makeObject();
        socket.id = m_v3 ? (nsp == QLatin1String("/") ? m_session->id()
                                                      : nsp + QLatin1Char('#') + m_session->id())
                         : m_server->generateId();
        const Middleware middleware = m_server->m_middlewares.value(nsp);
        auto finish = [this, socket](const MiddlewareAnswer &answer) {
            QMetaObject::invokeMethod(
                this, [this, socket, answer] { afterMiddleware(socket, answer); },
                Qt::QueuedConnection);
        };
        if (!middleware) {
            finish(MiddlewareAnswer {});
            return;
        }
        MiddlewareCall call {nsp, socket.id, m_session->id(), socket.auth,
            m_session->transport() ? m_session->transport()->name() : QString(),
            m_session->request().http,
            m_session->request().connection ? m_session->request().connection->peerAddress()
                                            : QStringLiteral("127.0.0.1")};
        middleware(call, finish);
    }

    void afterMiddleware(const Socket &socket, const MiddlewareAnswer &answer)
    {
        if (!m_session->isOpen())
            return;
        if (!answer.allowed) {
            report(QStringLiteral("middleware of %1 refused the connection: %2")
                       .arg(socket.nsp, answer.message),
                answer.detail);
            std::optional<JsonNode> data;
            if (m_v3) {
                data = answer.data ? *answer.data : JsonNode::fromString(answer.message);
            } else {
                JsonNode error = JsonNode::makeObject();
                error.insert(QStringLiteral("message"), JsonNode::fromString(answer.message));
                if (answer.data)
                    error.insert(QStringLiteral("data"), *answer.data);
                data = error;
            }
            send(SocketIoPacket(SocketIoPacket::Type::ConnectError, socket.nsp, data));
            return;
        }
        m_sockets.insert(socket.nsp, socket);
        m_connectTimeout.stop();
        report(QStringLiteral("socket %1 connected to %2").arg(socket.id, socket.nsp));
        if (m_v3) {
            send(SocketIoPacket(SocketIoPacket::Type::Connect, socket.nsp));
        } else {
            JsonNode data = JsonNode::makeObject();
            data.insert(QStringLiteral("sid"), JsonNode::fromString(socket.id));
            send(SocketIoPacket(SocketIoPacket::Type::Connect, socket.nsp, data));
        }
        // The test application: tell the page what auth the server received.
        JsonNode args = JsonNode::makeArray();
        args.append(JsonNode::fromString(QStringLiteral("auth")));
        args.append(*socket.auth);
        emitEvent(socket.nsp, args, {}, false);
    }

    void emitEvent(
        const QString &nsp, const JsonNode &data, const std::vector<QByteArray> &from, bool withAck)
    {
        auto it = m_sockets.find(nsp);
        if (it == m_sockets.end())
            return;
        std::vector<QByteArray> attachments;
        const JsonNode renumbered = renumber(data, from, attachments);
        std::optional<double> id;
        if (withAck)
            id = it->nextAckId++;
        SocketIoPacket packet(
            attachments.empty() ? SocketIoPacket::Type::Event : SocketIoPacket::Type::BinaryEvent,
            nsp, renumbered, id);
        packet.setAttachments(attachments);
        send(packet);
    }

    void onSocketPacket(const QString &nsp, const SocketIoPacket &packet)
    {
        if (!m_sockets.contains(nsp))
            return;
        switch (packet.type()) {
        case SocketIoPacket::Type::Event:
        case SocketIoPacket::Type::BinaryEvent: {
            const JsonNode data = packet.data() ? *packet.data() : JsonNode::makeArray();
            if (!data.isArray() || data.items().empty())
                return;
            const QString event
                = data.items().front().isString() ? data.items().front().toString() : QString();
            std::vector<JsonNode> args(data.items().begin() + 1, data.items().end());
            // socket.onAny(): every event with an ack id is acknowledged with its own arguments.
            if (packet.id()) {
                std::vector<QByteArray> attachments;
                const JsonNode ackData
                    = renumber(JsonNode::makeArray(args), packet.attachments(), attachments);
                SocketIoPacket ack(attachments.empty() ? SocketIoPacket::Type::Ack
                                                       : SocketIoPacket::Type::BinaryAck,
                    nsp, ackData, packet.id());
                ack.setAttachments(attachments);
                send(ack);
            }
            // socket.on("message"): re-emitted as "message-back" (with the ack function as the
            // last argument when there was one, which makes socket.io ask for an ack too).
            if (event == QLatin1String("message")) {
                JsonNode back = JsonNode::makeArray();
                back.append(JsonNode::fromString(QStringLiteral("message-back")));
                for (const JsonNode &a : args)
                    back.append(a);
                emitEvent(nsp, back, packet.attachments(), packet.id().has_value());
            }
            break;
        }
        case SocketIoPacket::Type::Disconnect:
            report(
                QStringLiteral("socket on %1 disconnected: client namespace disconnect").arg(nsp));
            m_sockets.remove(nsp);
            break;
        default:
            break;
        }
    }

    SocketIoServer *m_server;
    EngineSession *m_session;
    bool m_v3;
    SocketIoDecoder m_decoder;
    QHash<QString, Socket> m_sockets; // by namespace
    QTimer m_connectTimeout;
};

SocketIoServer::SocketIoServer(EngineServer *engine, const ServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_options(options)
{
    m_namespaces << QStringLiteral("/");
    for (const NamespaceConfig &ns : options.namespaces) {
        if (!m_namespaces.contains(ns.name))
            m_namespaces << ns.name;
    }
    connect(engine, &EngineServer::sessionOpened, this, &SocketIoServer::onSession);
}

void SocketIoServer::setMiddleware(const QString &namespaceName, Middleware middleware)
{
    m_middlewares.insert(namespaceName, std::move(middleware));
}

void SocketIoServer::onSession(EngineSession *session)
{
    new Client(this, session);
}

QString SocketIoServer::generateId()
{
    return m_ids.next();
}

} // namespace corslab
