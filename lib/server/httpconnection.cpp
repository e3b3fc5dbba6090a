// HttpConnection: socket I/O around the I/O-free HttpRequestParser and WebSocket frame codec.
#include "httpconnection.h"

#include "server/streamsocket.h"
#include "websocket/websocketframeencoder.h"

#include <QDateTime>

namespace corslab {

HttpConnection::HttpConnection(StreamSocket *socket, quint64 number, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_number(number)
{
    socket->setParent(this);
    connect(socket, &StreamSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &StreamSocket::readEnded, this, &HttpConnection::onReadEnded);
    connect(socket, &StreamSocket::closed, this, &HttpConnection::onDisconnected);
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, &HttpConnection::destroy);
}

HttpConnection::~HttpConnection() = default;

QString HttpConnection::peerAddress() const
{
    return m_socket ? m_socket->peerAddress() : QString();
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

void HttpConnection::onReadEnded()
{
    if (m_mode == Mode::WebSocket) {
        // ws: the peer went away without a close frame (1006); the socket is ended.
        if (m_socket)
            m_socket->end();
        return;
    }
    if (m_mode != Mode::Http || m_upgradePending) {
        if (m_socket)
            m_socket->end();
        return;
    }
    // Node: parser.finish() (a half-sent request is a 400), then socket.end() since the http
    // server does not allow half-open sockets; a response not yet written is lost.
    const HttpParseOutput output = m_parser.finish();
    if (output.error) {
        handleParseOutput(output);
        return;
    }
    handleParseOutput(output);
    if (m_socket)
        m_socket->end();
}

void HttpConnection::handleParseOutput(const HttpParseOutput &output)
{
    for (const HttpRequest &request : output.requests) {
        if (m_bodyPending && m_current) {
            // The body of the request delivered at the end of its head is complete.
            m_bodyPending = false;
            m_current = request;
            emit requestBodyCompleted(this, request);
            continue;
        }
        m_queue.enqueue(request);
    }
    if (output.error) {
        emit parseFailed(this, output.error->toString());
        if (m_bodyPending) {
            m_bodyPending = false;
            emit requestBodyAborted(this);
        }
        // Node answers only when no response has started on this connection, then destroys.
        if (!m_anyResponseStarted) // Node 20 socketOnError(): bytesWritten === 0
            writeRawAndDestroy(HttpResponse::nodeClientError(output.error->status));
        else
            destroy();
        return;
    }
    deliverNext();
    // Node emits 'request' at the end of the head: a POST whose body is still arriving is handled
    // now (engine.io then reads the body as it comes, or answers 413 or 400 without it).
    if (output.pendingHead && !m_current && m_queue.isEmpty() && m_mode == Mode::Http
        && output.pendingHead->method() == "POST" && !output.pendingHead->isUpgrade()) {
        m_bodyPending = true;
        m_current = *output.pendingHead;
        emit requestReceived(this, *output.pendingHead);
    }
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
    m_bodyPending = false; // answered before its body ended (413, 400): the rest is dropped
    const HttpResponseContext context = HttpResponseContext::forRequest(
        request, HttpResponse::httpDate(QDateTime::currentDateTimeUtc()));
    m_anyResponseStarted = true;
    const QByteArray bytes = response.serialize(context);
    write(bytes);
    emit bytesWritten(this, bytes, QString());
    if (response.closesConnection(context)) {
        if (m_socket)
            m_socket->end();
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
    if (m_socket)
        m_socket->destroy();
}

void HttpConnection::onDisconnected()
{
    m_mode = Mode::Closed;
    m_closeTimer.stop();
    if (m_bodyPending) {
        m_bodyPending = false;
        emit requestBodyAborted(this);
    }
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
    if (m_socket && (m_socket->bytesAvailable() || m_socket->isReadEnded()))
        QMetaObject::invokeMethod(
            this,
            [this] {
                onReadyRead();
                if (m_socket && m_socket->isReadEnded())
                    onReadEnded();
            },
            Qt::QueuedConnection);
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
            // ws ends the socket and reads what is left, so nothing is reset.
            if (m_socket)
                m_socket->end();
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
            m_socket->end();
    });
}

} // namespace corslab
