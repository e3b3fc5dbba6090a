#include "socketioclient.h"

#include "engineio/engineiopayload.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace corslab {

SocketIoClient::SocketIoClient(BrowserSession *session, const QString &url,
    const QString &namespaceName, const ClientConnectOptions &options, const QList<EmitStep> &emits,
    QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_url(url)
    , m_namespace(namespaceName)
    , m_options(options)
    , m_emits(emits)
{
    m_connectTimer.setSingleShot(true);
    m_pingTimer.setSingleShot(true);
    m_settleTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        // Manager.open(): the connect timeout closes the engine and reports "timeout".
        m_outcome.timedOut = true;
        recordPage(TimelineStep::Close,
            QStringLiteral("timeout: no Engine.IO open packet within %1 ms")
                .arg(m_options.timeout));
        connectError(QStringLiteral("timeout"), QString(), QStringLiteral("Error"));
        stop();
        finish();
    });
    connect(&m_pingTimer, &QTimer::timeout, this,
        [this] { onEngineClose(QStringLiteral("ping timeout")); });
    connect(&m_settleTimer, &QTimer::timeout, this, &SocketIoClient::finish);
}

SocketIoClient::~SocketIoClient() = default;

void SocketIoClient::recordPage(TimelineStep step, const QString &summary, const QString &detail)
{
    TimelineEvent e;
    e.side = TimelineSide::Page;
    e.layer = QStringLiteral("page");
    e.step = step;
    e.kind = TimelineKind::PageEvent;
    e.summary = summary;
    e.detail = detail;
    m_session->recorder()->record(e);
}

void SocketIoClient::recordPacket(bool outgoing, TimelineStep step, const QString &summary,
    const QString &raw, const QString &layer)
{
    TimelineEvent e;
    e.side = outgoing ? TimelineSide::Page : TimelineSide::Page;
    e.layer = layer;
    e.step = step;
    e.kind = TimelineKind::Packet;
    e.outgoing = outgoing;
    e.summary = (outgoing ? QStringLiteral("→ ") : QStringLiteral("← ")) + summary;
    e.detail = raw;
    e.raw = raw.toUtf8();
    m_session->recorder()->record(e);
}

void SocketIoClient::start()
{
    QString error;
    m_endpoint = EngineEndpoint::resolve(m_url, m_namespace, m_options, &error);
    QString call = QStringLiteral("io(\"%1%2\"")
                       .arg(m_url, m_namespace == QLatin1String("/") ? QString() : m_namespace);
    recordPage(TimelineStep::Setup, call + QStringLiteral(", options) — reconnection off"),
        QStringLiteral("page origin %1, browser %2")
            .arg(m_session->pageOrigin(), browserName(m_session->browser())));
    if (!m_endpoint) {
        connectError(error, QString(), QStringLiteral("Error"));
        finish();
        return;
    }
    m_namespace = m_endpoint->namespaceName;
    for (const QString &t : m_options.transports) {
        if (t == QLatin1String("polling") || t == QLatin1String("websocket"))
            m_transports << t;
    }
    for (const auto &item : m_endpoint->userQuery)
        m_query.set(item.first, item.second);
    m_query.set(QStringLiteral("EIO"), QStringLiteral("4"));
    if (m_transports.isEmpty()) {
        // engine.io-client: "No transports available" is emitted as a plain string error.
        connectError(QStringLiteral("No transports available"), QString(), QString());
        finish();
        return;
    }
    if (m_options.timeout > 0)
        m_connectTimer.start(int(qMin<qint64>(m_options.timeout, 600000)));
    openTransport(m_transports.first() == QLatin1String("polling") ? Transport::Polling
                                                                   : Transport::WebSocket);
}

QString SocketIoClient::transportUrl(Transport transport, bool forProbe)
{
    Q_UNUSED(forProbe)
    EngineQuery q;
    for (const auto &item : m_endpoint->userQuery)
        q.set(item.first, item.second);
    q.set(QStringLiteral("EIO"), QStringLiteral("4"));
    if (transport == Transport::Polling) {
        m_query.set(QStringLiteral("transport"), QStringLiteral("polling"));
        m_query.set(QStringLiteral("t"),
            engineRandomString(
                QDateTime::currentMSecsSinceEpoch(), QRandomGenerator::global()->generateDouble()));
        if (m_options.forceBase64 && !m_query.value(QStringLiteral("sid")))
            m_query.set(QStringLiteral("b64"), QStringLiteral("1"));
        return m_endpoint->base(false) + u'?' + m_query.encode();
    }
    q.set(QStringLiteral("transport"), QStringLiteral("websocket"));
    if (!m_sid.isEmpty())
        q.set(QStringLiteral("sid"), m_sid);
    if (m_options.forceBase64)
        q.set(QStringLiteral("b64"), QStringLiteral("1"));
    return m_endpoint->base(true) + u'?' + q.encode();
}

static QList<BrowserHeader> pageHeaders(const ClientConnectOptions &options)
{
    QList<BrowserHeader> h;
    for (const auto &item : options.extraHeaders)
        h.append({item.first, item.second});
    return h;
}

void SocketIoClient::openTransport(Transport transport)
{
    m_transport = transport;
    if (transport == Transport::Polling) {
        m_writable = false;
        poll(); // the handshake GET
        return;
    }
    const QString url = transportUrl(Transport::WebSocket, false);
    m_ws = new BrowserWebSocket(m_session, TimelineStep::Handshake, url,
        m_session->browser() == Browser::Node ? pageHeaders(m_options) : QList<BrowserHeader>(),
        this);
    connect(m_ws, &BrowserWebSocket::opened, this, [this] { m_writable = true; });
    connect(m_ws, &BrowserWebSocket::message, this, [this](const QByteArray &payload, bool binary) {
        const EngineIoPacket packet = binary
            ? EngineIoPacket::decode(EngineIoProtocol::V4, QByteArrayView(payload))
            : EngineIoPacket::decode(EngineIoProtocol::V4, QString::fromUtf8(payload));
        onEnginePacket(packet, Transport::WebSocket);
    });
    connect(m_ws, &BrowserWebSocket::failed, this, [this](const QString &console, int status) {
        if (m_ws)
            m_outcome.serverMessage = m_ws->serverMessage();
        onTransportError(QStringLiteral("websocket error"), QStringLiteral("[object Event]"),
            nullptr, status, console);
    });
    connect(m_ws, &BrowserWebSocket::closed, this, [this](int code, const QString &) {
        if (m_transport == Transport::WebSocket)
            onEngineClose(QStringLiteral("transport close (websocket closed, code %1)").arg(code));
    });
    m_ws->open();
}

void SocketIoClient::poll()
{
    if (m_state == State::Closed || m_upgrading || m_upgradeDone)
        return;
    const bool handshake = m_sid.isEmpty();
    QList<BrowserHeader> headers = pageHeaders(m_options);
    headers.append({QStringLiteral("Accept"), QStringLiteral("*/*")});
    m_polling = true;
    auto *xhr = new BrowserXhr(m_session, handshake ? TimelineStep::Handshake : TimelineStep::Poll,
        QStringLiteral("GET"), transportUrl(Transport::Polling, false), headers,
        m_options.withCredentials, {}, this);
    m_pollXhr = xhr;
    connect(xhr, &BrowserXhr::finished, this, [this, xhr](const XhrResult &r) {
        xhr->deleteLater();
        m_polling = false;
        if (m_state == State::Closed)
            return;
        if (r.status != 200) {
            onTransportError(
                QStringLiteral("xhr poll error"), QString::number(r.status), &r, 0, {});
            return;
        }
        const auto packets = EngineIoPayload::decodeV4(QString::fromUtf8(r.body));
        for (const EngineIoPacket &p : packets) {
            if (m_state == State::Closed)
                return;
            if (p.type() == EngineIoPacket::Type::Close) {
                onEngineClose(QStringLiteral("transport close (transport closed by the server)"));
                return;
            }
            onEnginePacket(p, Transport::Polling);
        }
        if (m_state == State::Closed)
            return;
        if (m_upgrading) {
            finishUpgrade();
            return;
        }
        if (m_transport == Transport::Polling && m_state == State::Open && !m_upgradeDone)
            poll();
    });
    xhr->start();
}

void SocketIoClient::sendEngine(const EngineIoPacket &packet)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    m_writeBuffer.push_back(packet);
    flush();
}

void SocketIoClient::flush()
{
    if (m_state == State::Closed || !m_writable || m_upgrading || m_writeBuffer.empty())
        return;
    std::vector<EngineIoPacket> packets(m_writeBuffer.begin(), m_writeBuffer.end());
    m_writeBuffer.clear();
    if (m_transport == Transport::WebSocket && m_ws) {
        for (const EngineIoPacket &p : packets) {
            const EngineIoRawData raw = p.encode(EngineIoProtocol::V4, true);
            if (raw.isBinary())
                m_ws->sendBinary(raw.bytes());
            else
                m_ws->sendText(raw.text().toUtf8());
        }
        return;
    }
    m_writable = false;
    QList<BrowserHeader> headers = pageHeaders(m_options);
    headers.append({QStringLiteral("Content-type"), QStringLiteral("text/plain;charset=UTF-8")});
    headers.append({QStringLiteral("Accept"), QStringLiteral("*/*")});
    const QByteArray body = EngineIoPayload::encodeV4(packets).toUtf8();
    auto *xhr = new BrowserXhr(m_session,
        m_socketConnected ? TimelineStep::Send : TimelineStep::Connect, QStringLiteral("POST"),
        transportUrl(Transport::Polling, false), headers, m_options.withCredentials, body, this);
    m_postXhr = xhr;
    connect(xhr, &BrowserXhr::finished, this, [this, xhr](const XhrResult &r) {
        xhr->deleteLater();
        if (m_state == State::Closed)
            return;
        if (r.status != 200) {
            onTransportError(
                QStringLiteral("xhr post error"), QString::number(r.status), &r, 0, {});
            return;
        }
        m_writable = true;
        if (m_upgrading) {
            finishUpgrade();
            return;
        }
        flush();
    });
    xhr->start();
}

static QString packetLabel(const EngineIoPacket &p)
{
    QString text = EngineIoPacket::typeName(p.type());
    if (p.hasData())
        text += u' '
            + (p.isBinary() ? QStringLiteral("<%1 bytes>").arg(p.binary().size())
                            : p.text().left(300));
    return text;
}

void SocketIoClient::onEnginePacket(const EngineIoPacket &packet, Transport via)
{
    Q_UNUSED(via)
    const bool isMessage = packet.type() == EngineIoPacket::Type::Message;
    if (!isMessage) {
        recordPacket(false,
            packet.type() == EngineIoPacket::Type::Open       ? TimelineStep::Handshake
                : packet.type() == EngineIoPacket::Type::Ping ? TimelineStep::Heartbeat
                : packet.type() == EngineIoPacket::Type::Noop ? TimelineStep::Upgrade
                                                              : TimelineStep::Close,
            packetLabel(packet), packet.isBinary() ? QString() : packet.text(),
            QStringLiteral("engine.io"));
    }
    switch (packet.type()) {
    case EngineIoPacket::Type::Open:
        onHandshake(packet.text());
        break;
    case EngineIoPacket::Type::Ping:
        sendEngine(EngineIoPacket(EngineIoPacket::Type::Pong));
        recordPacket(true, TimelineStep::Heartbeat, QStringLiteral("pong"), QStringLiteral("3"),
            QStringLiteral("engine.io"));
        if (m_pingInterval + m_pingTimeout > 0)
            m_pingTimer.start(int(qMin<qint64>(m_pingInterval + m_pingTimeout, 600000)));
        break;
    case EngineIoPacket::Type::Error:
        onTransportError(QStringLiteral("server error"), QString(), nullptr, 0, {});
        break;
    case EngineIoPacket::Type::Message: {
        const SocketIoDecodeResult r
            = packet.isBinary() ? m_decoder.add(packet.binary()) : m_decoder.add(packet.text());
        if (r.status == SocketIoDecodeResult::Status::Failed) {
            recordPage(TimelineStep::Events,
                QStringLiteral("Socket.IO decode error: %1")
                    .arg(r.error ? r.error->detail : QString()));
        } else if (r.status == SocketIoDecodeResult::Status::Decoded && r.packet) {
            recordPacket(false, m_socketConnected ? TimelineStep::Events : TimelineStep::Connect,
                SocketIoPacket::typeName(r.packet->type()) + u' ' + r.packet->encode().left(300),
                packet.isBinary() ? QString() : packet.text(), QStringLiteral("socket.io"));
            onSocketPacket(*r.packet);
        }
        break;
    }
    default:
        break;
    }
}

void SocketIoClient::onHandshake(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    m_sid = o.value(QLatin1String("sid")).toString();
    m_outcome.engineId = m_sid;
    m_query.set(QStringLiteral("sid"), m_sid);
    m_upgrades.clear();
    for (const QJsonValue &u : o.value(QLatin1String("upgrades")).toArray()) {
        if (m_transports.contains(u.toString()))
            m_upgrades << u.toString();
    }
    m_pingInterval = qint64(o.value(QLatin1String("pingInterval")).toDouble());
    m_pingTimeout = qint64(o.value(QLatin1String("pingTimeout")).toDouble());
    m_state = State::Open;
    m_writable = true;
    if (m_pingInterval + m_pingTimeout > 0)
        m_pingTimer.start(int(qMin<qint64>(m_pingInterval + m_pingTimeout, 600000)));
    // Manager "open" → Socket.onopen → CONNECT; then Socket.flush(); then the upgrade probes.
    onSocketOpen();
    flush();
    if (m_state == State::Open && m_options.upgrade && m_transport == Transport::Polling
        && m_upgrades.contains(QStringLiteral("websocket")))
        probe();
}

void SocketIoClient::probe()
{
    const QString url = transportUrl(Transport::WebSocket, true);
    m_probeWs = new BrowserWebSocket(m_session, TimelineStep::Upgrade, url,
        m_session->browser() == Browser::Node ? pageHeaders(m_options) : QList<BrowserHeader>(),
        this);
    BrowserWebSocket *ws = m_probeWs;
    connect(ws, &BrowserWebSocket::opened, this, [this, ws] {
        recordPacket(true, TimelineStep::Upgrade, QStringLiteral("ping probe"),
            QStringLiteral("2probe"), QStringLiteral("engine.io"));
        ws->sendText("2probe");
    });
    connect(
        ws, &BrowserWebSocket::message, this, [this, ws](const QByteArray &payload, bool binary) {
            if (m_transport == Transport::WebSocket && m_ws == ws) {
                const EngineIoPacket packet = binary
                    ? EngineIoPacket::decode(EngineIoProtocol::V4, QByteArrayView(payload))
                    : EngineIoPacket::decode(EngineIoProtocol::V4, QString::fromUtf8(payload));
                onEnginePacket(packet, Transport::WebSocket);
                return;
            }
            if (!binary && payload == "3probe") {
                recordPacket(false, TimelineStep::Upgrade, QStringLiteral("pong probe"),
                    QStringLiteral("3probe"), QStringLiteral("engine.io"));
                m_upgrading = true;
                // Polling.pause(): wait for the poll in flight and for the write in flight.
                if (!m_polling && m_writable)
                    finishUpgrade();
            } else {
                onProbeFailed(QStringLiteral("probe error"), -1, QString(), 0);
            }
        });
    connect(ws, &BrowserWebSocket::failed, this, [this](const QString &console, int status) {
        onProbeFailed(QStringLiteral("probe error: websocket error"), -1, console, status);
    });
    connect(ws, &BrowserWebSocket::closed, this, [this, ws](int code, const QString &) {
        if (m_ws == ws && m_transport == Transport::WebSocket)
            onEngineClose(QStringLiteral("transport close (websocket closed, code %1)").arg(code));
        else if (!m_upgradeDone)
            onProbeFailed(QStringLiteral("probe error: transport closed"), -1, QString(), 0);
    });
    ws->open();
}

void SocketIoClient::finishUpgrade()
{
    if (!m_upgrading || m_polling || !m_writable || !m_probeWs)
        return;
    m_upgrading = false;
    m_upgradeDone = true;
    m_ws = m_probeWs;
    m_transport = Transport::WebSocket;
    m_ws->setStep(TimelineStep::Events);
    recordPacket(true, TimelineStep::Upgrade, QStringLiteral("upgrade"), QStringLiteral("5"),
        QStringLiteral("engine.io"));
    m_ws->sendText("5");
    m_outcome.transport = QStringLiteral("websocket");
    m_writable = true;
    flush();
    maybeFinish();
}

void SocketIoClient::onProbeFailed(
    const QString &error, int failedCheck, const QString &console, int status)
{
    if (m_upgradeDone || m_probeFailed)
        return;
    m_probeFailed = true;
    m_upgrading = false;
    m_outcome.upgradeFailed = true;
    m_outcome.upgradeError = error;
    m_outcome.upgradeFailedCheck = failedCheck;
    m_outcome.webSocketConsole = console;
    m_outcome.webSocketStatus = status;
    recordPage(TimelineStep::Upgrade,
        QStringLiteral("upgrade failed (%1): the client stays on polling").arg(error), console);
    if (m_probeWs)
        m_probeWs->close();
    if (m_state == State::Open && m_transport == Transport::Polling && !m_polling)
        poll();
    maybeFinish();
}

void SocketIoClient::onTransportError(const QString &message, const QString &description,
    const XhrResult *xhr, int wsStatus, const QString &wsConsole)
{
    if (m_state == State::Closed)
        return;
    if (xhr) {
        if (xhr->failedCheck >= 0 && m_outcome.failedCheck < 0)
            m_outcome.failedCheck = xhr->failedCheck;
        m_outcome.httpStatus = xhr->status;
        m_outcome.serverMessage = xhr->serverMessage;
        m_outcome.netError = xhr->netError;
        recordPage(m_socketConnected ? TimelineStep::Events : TimelineStep::Connect,
            QStringLiteral("XMLHttpRequest error: status %1%2")
                .arg(xhr->status)
                .arg(xhr->status == 0 ? QStringLiteral(" (the page cannot read the response)")
                                      : QString()),
            xhr->netError);
    }
    if (!wsConsole.isEmpty()) {
        m_outcome.webSocketConsole = wsConsole;
        m_outcome.webSocketStatus = wsStatus;
        m_outcome.httpStatus = wsStatus;
        recordPage(TimelineStep::Handshake, QStringLiteral("WebSocket error event"), wsConsole);
    }
    if (!m_socketConnected)
        connectError(message, description, QStringLiteral("TransportError"));
    else
        m_outcome.disconnectReason = QStringLiteral("transport error (%1)").arg(message);
    onEngineClose(QStringLiteral("transport error"));
}

void SocketIoClient::onEngineClose(const QString &reason)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_pingTimer.stop();
    m_connectTimer.stop();
    if (m_socketConnected && m_outcome.disconnectReason.isEmpty())
        m_outcome.disconnectReason = reason;
    recordPage(TimelineStep::Close, QStringLiteral("engine closed: %1").arg(reason));
    if (m_pollXhr)
        m_pollXhr->abort();
    if (m_postXhr)
        m_postXhr->abort();
    if (m_ws)
        m_ws->close();
    if (m_probeWs)
        m_probeWs->close();
    finish();
}

// ---- Socket.IO ----

void SocketIoClient::onSocketOpen()
{
    SocketIoPacket connectPacket(SocketIoPacket::Type::Connect, m_namespace, m_options.auth);
    sendSocket(connectPacket);
}

void SocketIoClient::sendSocket(const SocketIoPacket &packet)
{
    const QString text = packet.encode();
    recordPacket(true, m_socketConnected ? TimelineStep::Events : TimelineStep::Connect,
        SocketIoPacket::typeName(packet.type()) + u' ' + text.left(300), u'4' + text,
        QStringLiteral("socket.io"));
    sendEngine(EngineIoPacket(EngineIoPacket::Type::Message, text));
}

void SocketIoClient::onSocketPacket(const SocketIoPacket &packet)
{
    if (packet.nsp() != m_namespace)
        return;
    switch (packet.type()) {
    case SocketIoPacket::Type::Connect: {
        m_connectTimer.stop();
        m_socketConnected = true;
        m_outcome.connected = true;
        if (packet.data() && packet.data()->isObject()) {
            if (const JsonNode *sid = packet.data()->find(u"sid"))
                m_outcome.socketId = sid->toString();
        }
        m_outcome.transport = m_transport == Transport::WebSocket ? QStringLiteral("websocket")
                                                                  : QStringLiteral("polling");
        recordPage(TimelineStep::Connect,
            QStringLiteral("connect (socket.id %1, transport %2)")
                .arg(m_outcome.socketId, m_outcome.transport));
        emitSteps();
        break;
    }
    case SocketIoPacket::Type::ConnectError: {
        m_connectTimer.stop();
        QString message;
        QString data;
        if (packet.data() && packet.data()->isObject()) {
            if (const JsonNode *m = packet.data()->find(u"message"))
                message = m->toString();
            if (const JsonNode *d = packet.data()->find(u"data"))
                data = JavaScriptJson::stringify(*d);
        }
        m_outcome.serverMessage = message;
        connectError(message, QString(), QStringLiteral("Error"), data);
        stop();
        finish();
        break;
    }
    case SocketIoPacket::Type::Disconnect:
        m_outcome.disconnectReason = QStringLiteral("io server disconnect");
        recordPage(TimelineStep::Close, QStringLiteral("disconnect (io server disconnect)"));
        stop();
        finish();
        break;
    case SocketIoPacket::Type::Ack:
    case SocketIoPacket::Type::BinaryAck: {
        const int id = packet.id() ? int(*packet.id()) : -1;
        if (m_pendingAcks.contains(id)) {
            ClientAck &ack = m_outcome.acks[m_pendingAcks.take(id)];
            ack.answered = true;
            ack.args
                = packet.data() ? JavaScriptJson::stringify(*packet.data()) : QStringLiteral("[]");
            recordPage(TimelineStep::Events,
                QStringLiteral("ack for \"%1\": %2").arg(ack.event, ack.args));
        }
        maybeFinish();
        break;
    }
    case SocketIoPacket::Type::Event:
    case SocketIoPacket::Type::BinaryEvent:
        recordPage(TimelineStep::Events,
            QStringLiteral("event %1")
                .arg(packet.data() ? JavaScriptJson::stringify(*packet.data()) : QString()));
        break;
    }
}

void SocketIoClient::emitSteps()
{
    for (const EmitStep &step : m_emits) {
        JsonNode array = JsonNode::makeArray();
        array.append(JsonNode::fromString(step.event));
        for (const JsonNode &arg : step.args)
            array.append(arg);
        std::optional<double> id;
        if (step.ack) {
            id = m_nextAckId;
            m_pendingAcks.insert(m_nextAckId, int(m_outcome.acks.size()));
            m_outcome.acks.append({step.event, false, {}});
            ++m_nextAckId;
        }
        sendSocket(SocketIoPacket(SocketIoPacket::Type::Event, m_namespace, array, id));
    }
    m_emitsDone = true;
    maybeFinish();
}

void SocketIoClient::connectError(
    const QString &message, const QString &description, const QString &type, const QString &data)
{
    if (m_outcome.hasConnectError || m_socketConnected)
        return;
    m_outcome.hasConnectError = true;
    m_outcome.errorMessage = message;
    m_outcome.errorDescription = description;
    m_outcome.errorType = type;
    m_outcome.errorData = data;
    recordPage(TimelineStep::Connect,
        QStringLiteral("connect_error: %1%2")
            .arg(message,
                description.isEmpty() ? QString()
                                      : QStringLiteral(" (description: %1)").arg(description)),
        data.isEmpty() ? QString() : QStringLiteral("err.data = %1").arg(data));
}

void SocketIoClient::maybeFinish()
{
    if (m_finished || !m_socketConnected || !m_emitsDone)
        return;
    if (!m_pendingAcks.isEmpty()) {
        if (!m_settleTimer.isActive())
            m_settleTimer.start(5000); // acks that never come end the run here
        return;
    }
    const bool upgradeSettled = !m_options.upgrade || m_transport == Transport::WebSocket
        || !m_upgrades.contains(QStringLiteral("websocket")) || m_probeFailed || m_upgradeDone;
    if (upgradeSettled) {
        m_settleTimer.stop();
        QTimer::singleShot(0, this, &SocketIoClient::finish);
    } else if (!m_settleTimer.isActive()) {
        m_settleTimer.start(settleMs);
    }
}

void SocketIoClient::stop()
{
    if (m_state == State::Closed)
        return;
    if (m_socketConnected && m_state == State::Open) {
        sendSocket(SocketIoPacket(SocketIoPacket::Type::Disconnect, m_namespace));
    }
    m_state = State::Closed;
    m_pingTimer.stop();
    m_connectTimer.stop();
    if (m_pollXhr)
        m_pollXhr->abort();
    if (m_ws)
        m_ws->close();
    if (m_probeWs && m_probeWs != m_ws)
        m_probeWs->close();
}

void SocketIoClient::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_settleTimer.stop();
    if (m_outcome.transport.isEmpty() && m_transport != Transport::None)
        m_outcome.transport = m_transport == Transport::WebSocket ? QStringLiteral("websocket")
                                                                  : QStringLiteral("polling");
    emit finished();
}

} // namespace corslab
