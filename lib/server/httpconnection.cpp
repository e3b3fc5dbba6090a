// HttpConnection: socket I/O around the I/O-free HttpRequestParser and WebSocket frame codec.
#include "httpconnection.h"

#include "websocket/websocketframeencoder.h"

#include <QDateTime>
#include <QHostAddress>

namespace corslab {

HttpConnection::HttpConnection(QTcpSocket *socket, quint64 number, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_number(number)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError && m_socket
            && m_socket->bytesAvailable() > 0)
            onReadyRead();
        if (m_mode != Mode::Closed && m_socket
            && m_socket->state() != QAbstractSocket::ConnectedState)
            onDisconnected();
    });
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, &HttpConnection::destroy);
    // Bytes that arrived before the connection was taken raise no further readyRead().
    QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

QString HttpConnection::peerAddress() const
{
    return m_socket ? m_socket->peerAddress().toString() : QString();
}

void HttpConnection::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    if (m_mode == Mode::WebSocket) {
        feedWebSocket(bytes);
        return;
    }
    if (m_mode != Mode::Http || m_upgradePending)
        return;
    handleParseOutput(m_parser.feed(bytes));
}

void HttpConnection::handleParseOutput(const HttpParseOutput &output)
{
    for (const HttpRequest &request : output.requests)
        m_queue.enqueue(request);
    if (output.error) {
        emit parseFailed(this, output.error->toString());
        // Node answers only when no response has started on this connection, then destroys.
        if (!m_anyResponseStarted && !m_current)
            writeRawAndDestroy(HttpResponse::nodeClientError(output.error->status));
        else
            destroy();
        return;
    }
    deliverNext();
}

void HttpConnection::deliverNext()
{
    while (!m_current && !m_queue.isEmpty() && m_mode == Mode::Http) {
        HttpRequest request = m_queue.dequeue();
        // Node's own answers, before any 'request' event (_http_server.js parserOnIncoming).
        if (request.isMissingHost()) {
            m_anyResponseStarted = true;
            writeRawAndDestroy(
                QByteArrayLiteral("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"));
            return;
        }
        if (request.hasUnmetExpectation()) {
            HttpResponse refusal(417);
            respond(refusal);
            continue;
        }
        if (request.expectsContinue())
            write(HttpResponse::continueResponse());
        m_current = request;
        if (request.isUpgrade() && m_parser.isUpgradeHandled()) {
            m_upgradePending = true;
            emit upgradeReceived(this, request);
        } else {
            emit requestReceived(this, request);
        }
    }
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (!m_current || m_mode != Mode::Http) {
        return;
    }
    const HttpRequest request = *m_current;
    m_current.reset();
    const HttpResponseContext context = HttpResponseContext::forRequest(
        request, HttpResponse::httpDate(QDateTime::currentDateTimeUtc()));
    m_anyResponseStarted = true;
    const QByteArray bytes = response.serialize(context);
    write(bytes);
    emit bytesWritten(this, bytes, QString());
    if (response.closesConnection(context)) {
        if (m_socket)
            m_socket->disconnectFromHost();
        m_mode = Mode::Closed;
        return;
    }
    // A queued request is delivered on the next turn of the event loop, as Node does.
    QMetaObject::invokeMethod(this, &HttpConnection::deliverNext, Qt::QueuedConnection);
}

void HttpConnection::write(const QByteArray &bytes)
{
    if (!m_socket || bytes.isEmpty())
        return;
    m_bytesWritten += bytes.size();
    m_socket->write(bytes);
}

void HttpConnection::writeRawAndDestroy(const QByteArray &bytes)
{
    write(bytes);
    emit bytesWritten(this, bytes, QString());
    destroy();
}

void HttpConnection::destroy()
{
    if (m_mode == Mode::Closed && !m_socket)
        return;
    m_mode = Mode::Closed;
    m_current.reset();
    m_queue.clear();
    if (m_socket) {
        m_socket->flush();
        m_socket->disconnectFromHost();
    }
}

void HttpConnection::onDisconnected()
{
    if (m_mode == Mode::Closed && m_closeSent == false && !m_socket)
        return;
    const bool wasOpen = m_mode != Mode::Closed || m_current.has_value();
    m_mode = Mode::Closed;
    m_closeTimer.stop();
    if (wasOpen || true)
        emit closed(this);
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    deleteLater();
}

void HttpConnection::acceptWebSocket(const QByteArray &handshakeResponse, qint64 maxPayload)
{
    m_upgradePending = false;
    m_current.reset();
    write(handshakeResponse);
    emit bytesWritten(this, handshakeResponse, QString());
    if (!handshakeResponse.startsWith("HTTP/1.1 101")) {
        destroy();
        return;
    }
    m_mode = Mode::WebSocket;
    WebSocketFrameDecoder::Limits limits;
    limits.maxPayload = maxPayload;
    m_frames = WebSocketFrameDecoder(limits);
    const QByteArray rest = m_parser.takeRemainder();
    if (!rest.isEmpty())
        feedWebSocket(rest);
    if (m_socket && m_socket->bytesAvailable())
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::feedWebSocket(const QByteArray &bytes)
{
    const QList<WebSocketEvent> events = m_frames.feed(bytes);
    for (const WebSocketEvent &event : events) {
        if (m_mode != Mode::WebSocket)
            return;
        switch (event.type) {
        case WebSocketEvent::Type::Ping:
            // ws answers pings automatically, except once it has sent its own close frame.
            if (!m_closeSent)
                sendWebSocketFrame(WebSocketFrameEncoder::automaticReply(event), QString());
            emit webSocketEvent(this, event);
            break;
        case WebSocketEvent::Type::Close:
        case WebSocketEvent::Type::Error:
            // ws echoes a close (or sends one with the error's code) before it tells its user,
            // and then ends the socket.
            if (!m_closeSent)
                sendWebSocketFrame(WebSocketFrameEncoder::automaticReply(event), QString());
            m_closeSent = true;
            emit webSocketEvent(this, event);
            if (m_socket)
                m_socket->disconnectFromHost();
            return;
        default:
            emit webSocketEvent(this, event);
            break;
        }
    }
}

void HttpConnection::sendWebSocketFrame(const QByteArray &frame, const QString &description)
{
    if (m_mode != Mode::WebSocket || frame.isEmpty())
        return;
    write(frame);
    emit bytesWritten(this, frame, description);
}

void HttpConnection::closeWebSocket()
{
    if (m_mode != Mode::WebSocket || m_closeSent)
        return;
    sendWebSocketFrame(WebSocketFrameEncoder::close(), QString());
    m_closeSent = true;
    m_closeTimer.start(WebSocketCloseTimeoutMs);
}

void HttpConnection::endUnlessWrittenSoon()
{
    m_upgradePending = true; // no more HTTP on this socket
    QTimer::singleShot(DestroyUpgradeTimeoutMs, this, [this] {
        if (m_bytesWritten == 0 && m_socket)
            m_socket->disconnectFromHost();
    });
}

} // namespace corslab
