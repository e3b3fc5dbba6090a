// One TCP connection of the embedded server: HTTP/1.1 requests in (one at a time, as Node answers
// pipelined requests in order), responses out, and after an upgrade WebSocket frames both ways.
#pragma once

#include "http/httprequest.h"
#include "http/httprequestparser.h"
#include "http/httpresponse.h"
#include "websocket/websocketevent.h"
#include "websocket/websocketframedecoder.h"

#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>

#include <optional>

namespace corslab {

class StreamSocket;

class HttpConnection : public QObject {
    Q_OBJECT

public:
    enum class Mode { Http, WebSocket, Closed };

    HttpConnection(StreamSocket *socket, quint64 number, QObject *parent = nullptr);
    ~HttpConnection() override;

    quint64 number() const { return m_number; }
    Mode mode() const { return m_mode; }
    QString peerAddress() const;
    bool isOpen() const { return m_mode != Mode::Closed; }
    // The request being handled was delivered at the end of its head (like Node's 'request'
    // event) and its body is still arriving: requestBodyCompleted() or requestBodyAborted() follow.
    bool isBodyPending() const { return m_bodyPending; }

    void setMaxBodySize(qint64 bytes) { m_parser.setMaxBodySize(bytes); }
    void setUpgradeHandled(bool handled) { m_parser.setUpgradeHandled(handled); }
    // Upgrade requests whose path nobody takes: Node ends such a socket after this long if
    // nothing was written (engine.io attach(): destroyUpgradeTimeout).
    static constexpr int DestroyUpgradeTimeoutMs = 1000;

    // Answers the request being handled (the last one requestReceived() delivered); the next
    // pipelined request is delivered after it.
    void respond(const HttpResponse &response);
    // Writes bytes as they are, then destroys the socket (engine.io abortUpgrade, Node's
    // socketOnError).
    void writeRawAndDestroy(const QByteArray &bytes);
    void destroy();
    // After an upgrade request was let through: writes the 101 (or ws's refusal) and, for a 101,
    // switches to WebSocket framing. The bytes that came after the request head are decoded.
    void acceptWebSocket(const QByteArray &handshakeResponse, qint64 maxPayload);
    void sendWebSocketFrame(const QByteArray &frame, const QString &description);
    // ws's close(): a close frame without a status code, then the socket ends when the peer
    // answers (or after ws's close timeout).
    void closeWebSocket();
    // Ends the socket after DestroyUpgradeTimeoutMs unless something was written (Node's
    // destroyUpgrade for upgrade requests outside the engine's path).
    void endUnlessWrittenSoon();

signals:
    void requestReceived(corslab::HttpConnection *connection, const corslab::HttpRequest &request);
    void requestBodyCompleted(
        corslab::HttpConnection *connection, const corslab::HttpRequest &request);
    // The client went away (or sent FIN) before the body was complete.
    void requestBodyAborted(corslab::HttpConnection *connection);
    void upgradeReceived(corslab::HttpConnection *connection, const corslab::HttpRequest &request);
    void webSocketEvent(corslab::HttpConnection *connection, const corslab::WebSocketEvent &event);
    // The peer went away (or the socket failed) — also while a response was pending.
    void closed(corslab::HttpConnection *connection);
    void bytesWritten(
        corslab::HttpConnection *connection, const QByteArray &bytes, const QString &description);
    void parseFailed(corslab::HttpConnection *connection, const QString &reason);

private:
    void onReadyRead();
    void onReadEnded();
    void onDisconnected();
    void handleParseOutput(const HttpParseOutput &output);
    void deliverNext();
    void write(const QByteArray &bytes);
    void feedWebSocket(const QByteArray &bytes);

    QPointer<StreamSocket> m_socket;
    quint64 m_number = 0;
    Mode m_mode = Mode::Http;
    HttpRequestParser m_parser;
    QQueue<HttpRequest> m_queue;
    std::optional<HttpRequest> m_current; // delivered, not yet answered
    bool m_upgradePending = false;
    bool m_closeAfterResponse = false;
    bool m_anyResponseStarted = false;
    bool m_bodyPending = false;
    bool m_endAfterResponses = false;
    qint64 m_bytesWritten = 0;
    WebSocketFrameDecoder m_frames;
    bool m_closeSent = false;
    QTimer m_closeTimer;
};

} // namespace corslab
