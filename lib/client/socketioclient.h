// What socket.io-client 4.8 (engine.io-client 6.6) does in the page: io(url + namespace, options)
// with reconnection off — the handshake, the CONNECT with auth, polls and posts, the WebSocket
// probe and upgrade, heartbeat answers, the profile's emits with acks — and what the page's code
// sees: connect, or connect_error with its message and description. Requests go through the
// emulated browser (BrowserXhr / BrowserWebSocket), so CORS decides what the client may read.
#pragma once

#include "browserwebsocket.h"
#include "browserxhr.h"
#include "engineio/engineiopacket.h"
#include "engineurl.h"
#include "profile/jsonnode.h"
#include "socketio/socketiopacket.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>

namespace corslab {

struct ClientAck {
    QString event;
    bool answered = false;
    QString args; // JSON of the ack arguments
};

// What the page observed, and what the emulated browser knows beyond it.
struct ClientOutcome {
    bool connected = false; // the "connect" event fired
    QString transport; // the transport in use when connected / at the end
    QString socketId; // socket.id
    QString engineId; // the Engine.IO sid
    bool hasConnectError = false;
    QString errorMessage; // connect_error err.message
    QString errorDescription; // err.description as the page would print it ("0", "400", ...)
    QString errorData; // err.data (CONNECT_ERROR payload data) as JSON
    QString errorType; // "TransportError", "Error"
    int failedCheck = -1; // the CORS check that made a request fail (recorder index)
    int httpStatus = 0; // the failing response's status, when the page could read it
    QString serverMessage; // the failing response's JSON "message" (read by CorsLab, not the page)
    QString netError;
    bool timedOut = false; // the client's connect timeout fired
    bool upgradeFailed = false;
    QString upgradeError;
    int upgradeFailedCheck = -1;
    QString webSocketConsole; // the browser's console line for a failed WebSocket
    int webSocketStatus = 0;
    QString disconnectReason; // when the connection closed after connecting
    QList<ClientAck> acks;
};

class SocketIoClient : public QObject {
    Q_OBJECT

public:
    // url: absolute server URL; namespaceName: "/" or "/admin".
    SocketIoClient(BrowserSession *session, const QString &url, const QString &namespaceName,
        const ClientConnectOptions &options, const QList<EmitStep> &emits,
        QObject *parent = nullptr);
    ~SocketIoClient() override;

    void start();
    void stop(); // socket.disconnect(): closes everything quietly
    const ClientOutcome &outcome() const { return m_outcome; }
    // How long to wait for an upgrade to settle after connecting before finishing.
    int settleMs = 1500;

signals:
    void finished();

private:
    enum class State { Opening, Open, Closing, Closed };
    enum class Transport { None, Polling, WebSocket };

    // Engine.IO
    void openTransport(Transport transport);
    QString transportUrl(Transport transport, bool forProbe);
    void poll();
    void flush();
    void onEnginePacket(const EngineIoPacket &packet, Transport via);
    void onHandshake(const QString &json);
    void sendEngine(const EngineIoPacket &packet);
    void onTransportError(const QString &message, const QString &description, const XhrResult *xhr,
        int wsStatus, const QString &wsConsole);
    void onEngineClose(const QString &reason);
    void probe();
    void finishUpgrade();
    void onProbeFailed(const QString &error, int failedCheck, const QString &console, int status);

    // Socket.IO
    void onSocketOpen();
    void onSocketPacket(const SocketIoPacket &packet);
    void sendSocket(const SocketIoPacket &packet);
    void emitSteps();
    void recordPage(TimelineStep step, const QString &summary, const QString &detail = {});
    void recordPacket(bool outgoing, TimelineStep step, const QString &summary, const QString &raw,
        const QString &layer);
    void connectError(const QString &message, const QString &description, const QString &type,
        const QString &data = {});
    void maybeFinish();
    void finish();

    BrowserSession *m_session;
    QString m_url;
    QString m_namespace;
    ClientConnectOptions m_options;
    QList<EmitStep> m_emits;
    std::optional<EngineEndpoint> m_endpoint;
    QStringList m_transports;
    EngineQuery m_query; // the polling transport's query object
    State m_state = State::Opening;
    Transport m_transport = Transport::None;
    QString m_sid;
    QStringList m_upgrades;
    qint64 m_pingInterval = 0;
    qint64 m_pingTimeout = 0;
    std::deque<EngineIoPacket> m_writeBuffer;
    int m_prevBufferLen = 0;
    bool m_writable = false;
    bool m_polling = false; // a GET is in flight
    bool m_upgrading = false;
    bool m_upgradeDone = false;
    bool m_probeFailed = false;
    QPointer<BrowserXhr> m_pollXhr;
    QPointer<BrowserXhr> m_postXhr;
    QPointer<BrowserWebSocket> m_ws; // the transport, once upgraded or websocket-only
    QPointer<BrowserWebSocket> m_probeWs;
    QTimer m_connectTimer;
    QTimer m_pingTimer;
    QTimer m_settleTimer;
    SocketIoDecoder m_decoder;
    bool m_socketConnected = false;
    int m_nextAckId = 0;
    QHash<int, int> m_pendingAcks; // id → index in outcome.acks
    ClientOutcome m_outcome;
    bool m_finished = false;
    bool m_emitsDone = false;
};

} // namespace corslab
