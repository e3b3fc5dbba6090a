#include "browserwebsocket.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>

namespace corslab {

QByteArray ClientFrameCodec::encode(int opcode, QByteArrayView payload, quint32 maskKey)
{
    QByteArray out;
    out.append(char(0x80 | (opcode & 0x0f)));
    const qsizetype n = payload.size();
    if (n < 126) {
        out.append(char(0x80 | n));
    } else if (n < 65536) {
        out.append(char(0x80 | 126));
        out.append(char((n >> 8) & 0xff));
        out.append(char(n & 0xff));
    } else {
        out.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            out.append(char((quint64(n) >> (8 * i)) & 0xff));
    }
    const char mask[4]
        = {char(maskKey >> 24), char(maskKey >> 16), char(maskKey >> 8), char(maskKey)};
    out.append(mask, 4);
    for (qsizetype i = 0; i < n; ++i)
        out.append(char(payload[i] ^ mask[i % 4]));
    return out;
}

QList<ClientFrameCodec::Message> ClientFrameCodec::feed(QByteArrayView bytes, QString *error)
{
    m_buffer.append(bytes.data(), bytes.size());
    QList<Message> out;
    while (m_buffer.size() >= 2) {
        const auto b0 = quint8(m_buffer.at(0));
        const auto b1 = quint8(m_buffer.at(1));
        if (b1 & 0x80) {
            *error = QStringLiteral("the server sent a masked frame");
            return out;
        }
        qsizetype header = 2;
        quint64 length = b1 & 0x7f;
        if (length == 126) {
            if (m_buffer.size() < 4)
                break;
            length = (quint64(quint8(m_buffer.at(2))) << 8) | quint8(m_buffer.at(3));
            header = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | quint8(m_buffer.at(2 + i));
            header = 10;
        }
        if (length > 256ull * 1024 * 1024) {
            *error = QStringLiteral("frame too large");
            return out;
        }
        if (quint64(m_buffer.size() - header) < length)
            break;
        const QByteArray payload = m_buffer.mid(header, qsizetype(length));
        m_buffer.remove(0, header + qsizetype(length));
        const int opcode = b0 & 0x0f;
        const bool fin = b0 & 0x80;
        if (opcode >= 8) {
            out.append({opcode, payload});
            continue;
        }
        if (opcode != 0) {
            m_fragmentOpcode = opcode;
            m_fragments = payload;
        } else {
            m_fragments += payload;
        }
        if (fin) {
            out.append({m_fragmentOpcode, m_fragments});
            m_fragments.clear();
        }
    }
    return out;
}

BrowserWebSocket::BrowserWebSocket(BrowserSession *session, TimelineStep step, const QString &url,
    const QList<BrowserHeader> &nodeHeaders, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_step(step)
    , m_url(url)
    , m_nodeHeaders(nodeHeaders)
{ }

BrowserWebSocket::~BrowserWebSocket()
{
    if (m_socket) {
        m_socket->abort();
        delete m_socket;
    }
}

void BrowserWebSocket::open()
{
    m_exchange = m_session->recorder()->nextExchange();
    QByteArray nonce(16, Qt::Uninitialized);
    for (char &c : nonce)
        c = char(QRandomGenerator::global()->bounded(256));
    m_key = nonce.toBase64();
    const Browser browser = m_session->browser();
    QList<BrowserHeader> headers;
    headers.append({QStringLiteral("Connection"), QStringLiteral("Upgrade")});
    headers.append({QStringLiteral("Upgrade"), QStringLiteral("websocket")});
    headers.append({QStringLiteral("Sec-WebSocket-Version"), QStringLiteral("13")});
    headers.append({QStringLiteral("Sec-WebSocket-Key"), QString::fromLatin1(m_key)});
    BrowserRequest request;
    request.browser = browser;
    request.api = RequestApi::WebSocket;
    request.url = m_url;
    request.pageOrigin = m_session->pageOrigin();
    request.pageAddress = m_session->pageAddress;
    request.targetAddress = m_session->targetAddress;
    request.localNetworkPermission = m_session->localNetworkPermission;
    request.credentials = CredentialsMode::Include;
    const BrowserCors cors(request);
    const CorsCheck before = cors.checkBeforeRequest();
    if (!before.passed()) {
        const int index = m_session->recorder()->addCheck(before);
        TimelineEvent e;
        e.side = TimelineSide::Browser;
        e.layer = QStringLiteral("websocket");
        e.step = m_step;
        e.kind = TimelineKind::Check;
        e.exchange = m_exchange;
        e.url = m_url;
        e.checkIndex = index;
        e.passed = false;
        e.summary = QStringLiteral("WebSocket refused before connecting: %1")
                        .arg(before.outcome().reason.code);
        m_session->recorder()->record(e);
        fail(QStringLiteral("blocked before connecting (%1)").arg(before.outcome().reason.code), 0);
        return;
    }
    if (browser == Browser::Node) {
        headers += m_nodeHeaders; // ws: options.headers
    } else {
        if (const auto origin = cors.originHeader())
            headers.append({QStringLiteral("Origin"), *origin});
        QStringList withheld;
        const QString cookie = m_session->cookies().cookieHeader(
            m_url, m_session->pageOrigin(), true, m_session->nowMs(), &withheld);
        if (!cookie.isEmpty())
            headers.append({QStringLiteral("Cookie"), cookie});
        headers += m_session->stackHeaders(m_url, true);
    }
    const QByteArray raw = serializeRequest(QStringLiteral("GET"), QUrl(m_url), headers, {});
    TimelineEvent e;
    e.side = TimelineSide::Browser;
    e.layer = QStringLiteral("websocket");
    e.step = m_step;
    e.kind = TimelineKind::Request;
    e.exchange = m_exchange;
    e.outgoing = true;
    e.method = QStringLiteral("GET");
    e.url = m_url;
    const QUrl url(m_url);
    e.summary = QStringLiteral("GET %1?%2 (WebSocket handshake)")
                    .arg(url.path(), url.query(QUrl::FullyEncoded));
    e.detail
        = QString::fromUtf8(raw.trimmed()).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    e.raw = raw;
    m_session->recorder()->record(e);
    m_handshake = new NetworkExchange(url, raw, m_session->networkTimeoutMs, this);
    connect(m_handshake, &NetworkExchange::finished, this, &BrowserWebSocket::onHandshake);
    connect(m_handshake, &NetworkExchange::failed, this,
        [this](const QString &net, const QString &detail) {
            TimelineEvent f;
            f.side = TimelineSide::Network;
            f.layer = QStringLiteral("websocket");
            f.step = m_step;
            f.kind = TimelineKind::Response;
            f.exchange = m_exchange;
            f.url = m_url;
            f.summary = QStringLiteral("no response: %1").arg(net);
            f.detail = detail;
            m_session->recorder()->record(f);
            fail(QStringLiteral("Error in connection establishment: %1").arg(net), 0);
        });
    m_handshake->start();
}

void BrowserWebSocket::onHandshake(const NetworkResponse &response)
{
    TimelineEvent e;
    e.side = TimelineSide::Network;
    e.layer = QStringLiteral("websocket");
    e.step = m_step;
    e.kind = TimelineKind::Response;
    e.exchange = m_exchange;
    e.url = m_url;
    e.status = response.status;
    e.summary = QString::number(response.status) + u' ' + response.statusText
        + (response.body.isEmpty()
                ? QString()
                : QStringLiteral("  ") + QString::fromUtf8(response.body.left(200)));
    e.detail = QString::fromLatin1(response.rawHead)
                   .replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
        + QStringLiteral("\n\n") + QString::fromUtf8(response.body);
    e.raw = response.rawHead + "\r\n\r\n" + response.rawBody;
    m_session->recorder()->record(e);
    if (response.status != 101) {
        const QJsonDocument doc = QJsonDocument::fromJson(response.body);
        if (doc.isObject())
            m_serverMessage = doc.object().value(QLatin1String("message")).toString();
        else if (response.body.size() <= 200 && !response.body.contains('\n'))
            m_serverMessage
                = QString::fromUtf8(response.body).trimmed(); // ws abortHandshake: plain text
        fail(QStringLiteral("Error during WebSocket handshake: Unexpected response code: %1")
                 .arg(response.status),
            response.status);
        return;
    }
    const QByteArray expected = QCryptographicHash::hash(
        QByteArray(m_key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"), QCryptographicHash::Sha1)
                                    .toBase64();
    if (response.header(QStringLiteral("Sec-WebSocket-Accept")).toLatin1() != expected) {
        fail(QStringLiteral(
                 "Error during WebSocket handshake: Incorrect 'Sec-WebSocket-Accept' header value"),
            101);
        return;
    }
    m_socket = m_handshake->takeSocket();
    const QByteArray leftover = m_handshake->leftover();
    m_handshake->deleteLater();
    connect(m_socket, &QTcpSocket::readyRead, this, &BrowserWebSocket::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_closed) {
            m_closed = true;
            m_open = false;
            emit closed(1006, QString());
        }
    });
    m_open = true;
    emit opened();
    if (!leftover.isEmpty()) {
        QString error;
        for (const auto &m : m_codec.feed(leftover, &error)) {
            recordFrame(false, m.opcode, m.payload);
            if (m.opcode == 1 || m.opcode == 2)
                emit message(m.payload, m.opcode == 2);
        }
    }
}

void BrowserWebSocket::onReadyRead()
{
    if (!m_socket)
        return;
    QString error;
    const auto messages = m_codec.feed(m_socket->readAll(), &error);
    for (const auto &m : messages) {
        if (m_closed)
            return;
        recordFrame(false, m.opcode, m.payload);
        if (m.opcode == 1 || m.opcode == 2) {
            emit message(m.payload, m.opcode == 2);
        } else if (m.opcode == 9) {
            send(10, m.payload);
        } else if (m.opcode == 8) {
            int code = 1005;
            if (m.payload.size() >= 2)
                code = (quint8(m.payload.at(0)) << 8) | quint8(m.payload.at(1));
            send(8, m.payload.left(2));
            m_closed = true;
            m_open = false;
            m_socket->disconnectFromHost();
            emit closed(code, QString::fromUtf8(m.payload.mid(2)));
            return;
        }
    }
    if (!error.isEmpty()) {
        m_closed = true;
        m_open = false;
        m_socket->abort();
        emit closed(1002, error);
    }
}

void BrowserWebSocket::send(int opcode, const QByteArray &payload)
{
    if (!m_socket || (m_closed && opcode != 8))
        return;
    recordFrame(true, opcode, payload);
    m_socket->write(
        ClientFrameCodec::encode(opcode, payload, QRandomGenerator::global()->generate()));
}

void BrowserWebSocket::sendText(const QByteArray &utf8)
{
    send(1, utf8);
}

void BrowserWebSocket::sendBinary(const QByteArray &data)
{
    send(2, data);
}

void BrowserWebSocket::close()
{
    if (m_handshake) {
        m_handshake->abort();
        m_closed = true;
        return;
    }
    if (!m_socket || m_closed)
        return;
    send(8, QByteArray("\x03\xe8", 2));
    m_closed = true;
    m_open = false;
    m_socket->disconnectFromHost();
}

void BrowserWebSocket::recordFrame(bool outgoing, int opcode, const QByteArray &payload)
{
    if (opcode == 1 || opcode == 2)
        return; // the engine layer records its packets; frames of control opcodes go here
    TimelineEvent e;
    e.side = outgoing ? TimelineSide::Browser : TimelineSide::Network;
    e.layer = QStringLiteral("websocket");
    e.step = opcode == 8 ? TimelineStep::Close : TimelineStep::Heartbeat;
    e.kind = TimelineKind::Frame;
    e.exchange = m_exchange;
    e.outgoing = outgoing;
    e.url = m_url;
    e.summary = QStringLiteral("%1 %2 frame%3")
                    .arg(outgoing ? QStringLiteral("→") : QStringLiteral("←"),
                        opcode == 8       ? QStringLiteral("close")
                            : opcode == 9 ? QStringLiteral("ping")
                                          : QStringLiteral("pong"),
                        payload.isEmpty() ? QString()
                                          : QStringLiteral(" (%1 bytes)").arg(payload.size()));
    e.raw = payload;
    m_session->recorder()->record(e);
}

void BrowserWebSocket::fail(const QString &text, int status)
{
    if (m_closed)
        return;
    m_closed = true;
    m_open = false;
    emit failed(QStringLiteral("WebSocket connection to '%1' failed: %2").arg(m_url, text), status);
}

} // namespace corslab
