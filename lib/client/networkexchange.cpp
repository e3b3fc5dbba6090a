#include "networkexchange.h"

#include "server/reverseproxy.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <zlib.h>

namespace corslab {

QString NetworkResponse::header(const QString &name) const
{
    return headerLines(name).join(QStringLiteral(", "));
}

QStringList NetworkResponse::headerLines(const QString &name) const
{
    QStringList lines;
    for (const BrowserHeader &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            lines << h.value;
    }
    return lines;
}

QString netErrorName(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QStringLiteral("net::ERR_CONNECTION_REFUSED");
    case QAbstractSocket::RemoteHostClosedError:
        return QStringLiteral("net::ERR_EMPTY_RESPONSE");
    case QAbstractSocket::HostNotFoundError:
        return QStringLiteral("net::ERR_NAME_NOT_RESOLVED");
    case QAbstractSocket::SocketTimeoutError:
        return QStringLiteral("net::ERR_TIMED_OUT");
    case QAbstractSocket::NetworkError:
        return QStringLiteral("net::ERR_CONNECTION_RESET");
    case QAbstractSocket::SslHandshakeFailedError:
        return QStringLiteral("net::ERR_SSL_PROTOCOL_ERROR");
    case QAbstractSocket::SslInvalidUserDataError:
    case QAbstractSocket::SslInternalError:
        return QStringLiteral("net::ERR_CERT_INVALID");
    default:
        return QStringLiteral("net::ERR_FAILED");
    }
}

std::optional<QByteArray> decodeContentEncoding(const QByteArray &body, const QString &encoding)
{
    const QString e = encoding.trimmed().toLower();
    if (e.isEmpty() || e == QLatin1String("identity"))
        return body;
    if (e != QLatin1String("gzip") && e != QLatin1String("deflate") && e != QLatin1String("x-gzip"))
        return std::nullopt;
    // gzip: gzip wrapper; deflate: zlib wrapper (RFC 9110), raw deflate tolerated like browsers.
    for (const int windowBits : {15 + 32, -15}) {
        z_stream z {};
        if (inflateInit2(&z, windowBits) != Z_OK)
            return std::nullopt;
        QByteArray out;
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
        z.avail_in = uInt(body.size());
        int rc = Z_OK;
        char chunk[16384];
        while (rc == Z_OK) {
            z.next_out = reinterpret_cast<Bytef *>(chunk);
            z.avail_out = sizeof chunk;
            rc = inflate(&z, Z_NO_FLUSH);
            out.append(chunk, qsizetype(sizeof chunk - z.avail_out));
            if (out.size() > 64 * 1024 * 1024)
                rc = Z_MEM_ERROR;
            if (rc == Z_BUF_ERROR && z.avail_in == 0)
                break;
        }
        inflateEnd(&z);
        if (rc == Z_STREAM_END)
            return out;
    }
    return std::nullopt;
}

QByteArray dechunk(const QByteArray &framed)
{
    QByteArray out;
    qsizetype at = 0;
    while (at < framed.size()) {
        const qsizetype lineEnd = framed.indexOf("\r\n", at);
        if (lineEnd < 0)
            break;
        bool ok = false;
        const qint64 size
            = framed.mid(at, lineEnd - at).split(';').first().trimmed().toLongLong(&ok, 16);
        if (!ok || size <= 0)
            break;
        out += framed.mid(lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
    }
    return out;
}

NetworkExchange::NetworkExchange(
    const QUrl &url, QByteArray rawRequest, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_request(std::move(rawRequest))
    , m_timeoutMs(timeoutMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("net::ERR_TIMED_OUT"),
            QStringLiteral("no complete answer within %1 ms").arg(m_timeoutMs));
    });
}

NetworkExchange::~NetworkExchange()
{
    if (m_socket && !m_upgraded)
        m_socket->abort();
}

void NetworkExchange::start()
{
    const QString scheme = m_url.scheme();
    const bool tls = scheme == QLatin1String("https") || scheme == QLatin1String("wss");
    const quint16 port = quint16(m_url.port(tls ? 443 : 80));
    if (tls) {
        auto *ssl = new QSslSocket(this);
        m_socket = ssl;
        connect(ssl, &QSslSocket::encrypted, this, [this] { m_socket->write(m_request); });
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            QStringList texts;
            for (const QSslError &e : errors)
                texts << e.errorString();
            fail(QStringLiteral("net::ERR_CERT_AUTHORITY_INVALID"),
                texts.join(QStringLiteral("; ")));
        });
        ssl->connectToHostEncrypted(m_url.host(), port);
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, [this] { m_socket->write(m_request); });
        m_socket->connectToHost(m_url.host(), port);
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // browsers set TCP_NODELAY
    connect(m_socket, &QTcpSocket::readyRead, this, &NetworkExchange::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &NetworkExchange::onDisconnected);
    connect(
        m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::RemoteHostClosedError) {
                onDisconnected();
                return;
            }
            fail(netErrorName(e), m_socket ? m_socket->errorString() : QString());
        });
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
}

void NetworkExchange::abort()
{
    m_done = true;
    m_timer.stop();
    if (m_socket)
        m_socket->abort();
}

QTcpSocket *NetworkExchange::takeSocket()
{
    if (!m_upgraded || !m_socket)
        return nullptr;
    QTcpSocket *socket = m_socket;
    socket->disconnect(this);
    socket->setParent(nullptr);
    m_socket = nullptr;
    return socket;
}

void NetworkExchange::onReadyRead()
{
    if (m_done || !m_socket)
        return;
    m_buffer += m_socket->readAll();
    HttpResponseReader reader;
    reader.feed(m_buffer);
    if (reader.hasFailed()) {
        fail(QStringLiteral("net::ERR_INVALID_HTTP_RESPONSE"),
            QStringLiteral("not an HTTP/1.1 response"));
        return;
    }
    if (reader.isComplete() || (reader.hasHead() && reader.status() == 101))
        complete();
}

void NetworkExchange::onDisconnected()
{
    if (m_done)
        return;
    HttpResponseReader reader;
    reader.feed(m_buffer);
    reader.finish();
    if (reader.isComplete() && !reader.hasFailed()) {
        complete();
        return;
    }
    fail(m_buffer.isEmpty() ? QStringLiteral("net::ERR_EMPTY_RESPONSE")
                            : QStringLiteral("net::ERR_CONNECTION_CLOSED"),
        QStringLiteral("the server closed the connection after %1 bytes").arg(m_buffer.size()));
}

void NetworkExchange::fail(const QString &netError, const QString &detail)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    if (m_socket)
        m_socket->abort();
    emit failed(netError, detail);
}

void NetworkExchange::complete()
{
    m_done = true;
    m_timer.stop();
    HttpResponseReader reader;
    reader.feed(m_buffer);
    if (!reader.isComplete())
        reader.finish();
    NetworkResponse r;
    r.status = reader.status();
    r.rawHead = reader.head();
    r.rawBody = reader.rawBody();
    const QList<QByteArray> lines = r.rawHead.split('\n');
    if (!lines.isEmpty()) {
        const QByteArray statusLine = lines.first().trimmed();
        r.statusText = QString::fromLatin1(statusLine.mid(13));
    }
    bool chunked = false;
    QString encoding;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        BrowserHeader h {QString::fromLatin1(line.left(colon).trimmed()),
            QString::fromLatin1(line.mid(colon + 1).trimmed())};
        if (h.name.compare(QLatin1String("transfer-encoding"), Qt::CaseInsensitive) == 0
            && h.value.contains(QLatin1String("chunked"), Qt::CaseInsensitive))
            chunked = true;
        if (h.name.compare(QLatin1String("content-encoding"), Qt::CaseInsensitive) == 0)
            encoding = h.value;
        r.headers.append(h);
    }
    QByteArray body = chunked ? dechunk(r.rawBody) : r.rawBody;
    if (const auto decoded = decodeContentEncoding(body, encoding))
        body = *decoded;
    r.body = body;
    if (r.status == 101) {
        m_upgraded = true;
        m_leftover = reader.remainder();
    } else if (m_socket) {
        m_socket->disconnectFromHost();
    }
    emit finished(r);
}

} // namespace corslab
