// ReverseProxy: one Exchange per client connection; requests forwarded one at a time on a fresh
// upstream connection (as nginx does by default), upgrades tunnelled byte for byte.
#include "reverseproxy.h"

#include "http/httprequest.h"
#include "http/httprequestparser.h"
#include "http/httpresponse.h"

#include <QPointer>
#include <QQueue>
#include <QTcpServer>
#include <QTcpSocket>

namespace corslab {

// -----------------------------------------------------------------------------------------------
// HttpResponseReader

void HttpResponseReader::feed(QByteArrayView bytes)
{
    m_buffer.append(bytes);
    parse();
}

void HttpResponseReader::finish()
{
    m_closed = true;
    parse();
    if (!m_complete && m_untilClose) {
        m_bodyEnd = m_buffer.size();
        m_complete = true;
    }
}

QByteArray HttpResponseReader::head() const
{
    return m_headEnd < 0 ? QByteArray() : m_buffer.left(m_headEnd);
}

QByteArray HttpResponseReader::rawBody() const
{
    if (m_headEnd < 0)
        return {};
    const qsizetype end = m_bodyEnd < 0 ? m_buffer.size() : m_bodyEnd;
    return m_buffer.mid(m_headEnd + 4, end - m_headEnd - 4);
}

QByteArray HttpResponseReader::remainder() const
{
    return m_bodyEnd < 0 ? QByteArray() : m_buffer.mid(m_bodyEnd);
}

void HttpResponseReader::parse()
{
    if (m_complete || m_failed)
        return;
    if (m_headEnd < 0) {
        m_headEnd = m_buffer.indexOf("\r\n\r\n");
        if (m_headEnd < 0) {
            if (m_buffer.size() > 64 * 1024)
                m_failed = true;
            return;
        }
        const QByteArray statusLine = m_buffer.left(m_buffer.indexOf("\r\n"));
        if (!statusLine.startsWith("HTTP/1.")) {
            m_failed = true;
            return;
        }
        m_status = statusLine.mid(9, 3).toInt();
    }
    const qsizetype bodyStart = m_headEnd + 4;
    const QList<QByteArray> lines = head().split('\n');
    qint64 length = -1;
    bool chunked = false;
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            chunked = true;
    }
    if (m_status == 101 || m_status == 204 || m_status == 304
        || (m_status >= 100 && m_status < 200)) {
        m_bodyEnd = bodyStart;
        m_complete = true;
        return;
    }
    if (chunked) {
        qsizetype at = bodyStart;
        while (true) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", at);
            if (lineEnd < 0)
                return;
            bool ok = false;
            const qint64 size
                = m_buffer.mid(at, lineEnd - at).split(';').first().trimmed().toLongLong(&ok, 16);
            if (!ok) {
                m_failed = true;
                return;
            }
            if (size == 0) {
                const qsizetype end = m_buffer.indexOf("\r\n\r\n", lineEnd);
                if (end < 0 && m_buffer.mid(lineEnd, 4) != "\r\n\r\n")
                    return;
                m_bodyEnd = (end < 0 ? lineEnd : end) + 4;
                m_complete = true;
                return;
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return;
            at = lineEnd + 2 + qsizetype(size) + 2;
        }
    }
    if (length >= 0) {
        if (m_buffer.size() >= bodyStart + length) {
            m_bodyEnd = bodyStart + qsizetype(length);
            m_complete = true;
        }
        return;
    }
    m_untilClose = true;
}

// -----------------------------------------------------------------------------------------------
// One client connection

class ReverseProxy::Exchange : public QObject {
public:
    Exchange(ReverseProxy *proxy, QTcpSocket *client, quint64 number)
        : QObject(proxy)
        , m_proxy(proxy)
        , m_client(client)
        , m_number(number)
    {
        client->setParent(this);
        m_parser.setMaxBodySize(-1);
        m_parser.setUpgradeHandled(true);
        connect(client, &QTcpSocket::readyRead, this, &Exchange::onClientData);
        connect(client, &QTcpSocket::disconnected, this, &Exchange::onClientGone);
        QMetaObject::invokeMethod(this, &Exchange::onClientData, Qt::QueuedConnection);
    }

private:
    void onClientData()
    {
        if (!m_client)
            return;
        const QByteArray bytes = m_client->readAll();
        if (bytes.isEmpty())
            return;
        if (m_tunnel) {
            if (m_upstream)
                m_upstream->write(bytes);
            return;
        }
        const HttpParseOutput out = m_parser.feed(bytes);
        for (const HttpRequest &r : out.requests)
            m_queue.enqueue(r);
        if (out.error) {
            m_client->write(HttpResponse::nodeClientError(out.error->status));
            m_client->disconnectFromHost();
            return;
        }
        next();
    }

    void onClientGone()
    {
        if (m_upstream)
            m_upstream->abort();
        deleteLater();
    }

    static bool matches(ProxyHeader::When when, bool preflight)
    {
        return when == ProxyHeader::When::All
            || (when == ProxyHeader::When::Preflight) == preflight;
    }

    void next()
    {
        if (m_busy || m_queue.isEmpty() || !m_client)
            return;
        const HttpRequest request = m_queue.dequeue();
        m_busy = true;
        const bool preflight = request.method() == "OPTIONS";
        const ProxyOptions &o = m_proxy->m_options;
        if (o.redirect && matches(o.redirect->on, preflight)) {
            QByteArray response = "HTTP/1.1 " + QByteArray::number(o.redirect->status) + ' '
                + HttpResponse::statusText(o.redirect->status)
                + "\r\nLocation: " + o.redirect->location.toUtf8() + "\r\n";
            response += addedHeaders(preflight);
            response += "Content-Length: 0\r\nConnection: keep-alive\r\n\r\n";
            m_proxy->report(m_number,
                QStringLiteral("proxy answered %1 %2 with a %3 redirect to %4")
                    .arg(QString::fromLatin1(request.method()),
                        QString::fromLatin1(request.target()))
                    .arg(o.redirect->status)
                    .arg(o.redirect->location));
            m_client->write(response);
            m_busy = false;
            QMetaObject::invokeMethod(this, &Exchange::next, Qt::QueuedConnection);
            return;
        }
        const int backend = m_proxy->chooseBackend(request.header("cookie"), request.target());
        QByteArray head = request.rawHead();
        const bool upgrade = request.isUpgrade();
        if (upgrade && o.stripUpgrade) {
            // nginx without `proxy_set_header Upgrade/Connection`: hop-by-hop headers dropped.
            QList<QByteArray> lines = head.split('\n');
            QByteArray rebuilt;
            for (const QByteArray &line : lines) {
                const QByteArray lower = line.trimmed().toLower();
                if (lower.startsWith("upgrade:") || lower.startsWith("connection:"))
                    continue;
                rebuilt += line + '\n';
            }
            rebuilt.chop(1);
            head = rebuilt;
            m_proxy->report(m_number,
                QStringLiteral("proxy dropped the Upgrade and Connection "
                               "headers of %1")
                    .arg(QString::fromLatin1(request.target())));
        }
        m_proxy->report(m_number,
            QStringLiteral("proxy → instance %1: %2 %3")
                .arg(backend + 1)
                .arg(QString::fromLatin1(request.method()), QString::fromLatin1(request.target())));
        m_upstream = new QTcpSocket(this);
        m_reader = HttpResponseReader();
        m_preflight = preflight;
        m_backend = backend;
        m_tunnelAfter = upgrade && !o.stripUpgrade;
        QByteArray payload = head + request.body();
        if (m_tunnelAfter)
            payload += m_parser.takeRemainder();
        connect(m_upstream, &QTcpSocket::connected, this,
            [this, payload] { m_upstream->write(payload); });
        connect(m_upstream, &QTcpSocket::readyRead, this, &Exchange::onUpstreamData);
        connect(m_upstream, &QTcpSocket::disconnected, this, &Exchange::onUpstreamGone);
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            if (m_upstream && m_upstream->state() == QAbstractSocket::UnconnectedState)
                onUpstreamGone();
        });
        m_upstream->connectToHost(QHostAddress::LocalHost, m_proxy->m_backends.value(backend));
    }

    QByteArray addedHeaders(bool preflight) const
    {
        QByteArray out;
        for (const ProxyHeader &h : m_proxy->m_options.addHeaders) {
            if (matches(h.on, preflight))
                out += h.name.toUtf8() + ": " + h.value.toUtf8() + "\r\n";
        }
        return out;
    }

    void onUpstreamData()
    {
        if (!m_upstream || !m_client)
            return;
        const QByteArray bytes = m_upstream->readAll();
        if (m_tunnel) {
            m_client->write(bytes);
            return;
        }
        m_reader.feed(bytes);
        deliverIfComplete();
    }

    void deliverIfComplete()
    {
        if (!m_reader.isComplete() && !m_reader.hasFailed())
            return;
        if (m_reader.hasFailed()) {
            m_client->write(QByteArrayLiteral("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n"
                                              "Connection: close\r\n\r\n"));
            m_client->disconnectFromHost();
            return;
        }
        QByteArray head = m_reader.head();
        const QByteArray added
            = m_reader.status() == 101 ? QByteArray() : addedHeaders(m_preflight);
        learnSession(head);
        if (!added.isEmpty())
            m_proxy->report(m_number,
                QStringLiteral("proxy added to the response:\n%1")
                    .arg(QString::fromUtf8(added.trimmed())));
        m_client->write(head + "\r\n" + added + "\r\n" + m_reader.rawBody());
        if (m_tunnelAfter && m_reader.status() == 101) {
            m_tunnel = true;
            const QByteArray rest = m_reader.remainder();
            if (!rest.isEmpty())
                m_client->write(rest);
            return;
        }
        if (m_upstream) {
            disconnect(m_upstream, nullptr, this, nullptr);
            m_upstream->abort();
            m_upstream->deleteLater();
            m_upstream = nullptr;
        }
        if (m_tunnelAfter || (m_reader.status() != 101 && isUpgradeClosed())) {
            m_client->disconnectFromHost();
            return;
        }
        m_busy = false;
        QMetaObject::invokeMethod(this, &Exchange::next, Qt::QueuedConnection);
    }

    bool isUpgradeClosed() const { return m_parser.isUpgraded(); }

    void learnSession(const QByteArray &head)
    {
        const QByteArray prefix = "set-cookie: " + m_proxy->m_cookieName.toUtf8().toLower() + '=';
        for (const QByteArray &raw : head.split('\n')) {
            const QByteArray line = raw.trimmed();
            if (!line.toLower().startsWith(prefix))
                continue;
            const QByteArray value = line.mid(prefix.size()).split(';').first();
            m_proxy->m_sessionBackend.insert(QString::fromLatin1(value), m_backend);
        }
    }

    void onUpstreamGone()
    {
        if (!m_upstream)
            return;
        if (m_tunnel) {
            if (m_client)
                m_client->disconnectFromHost();
            return;
        }
        m_reader.finish();
        if (m_reader.isComplete() || m_reader.hasFailed()) {
            deliverIfComplete();
        } else if (m_client) {
            m_client->write(QByteArrayLiteral("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n"
                                              "Connection: close\r\n\r\n"));
            m_client->disconnectFromHost();
        }
    }

    ReverseProxy *m_proxy;
    QPointer<QTcpSocket> m_client;
    quint64 m_number;
    HttpRequestParser m_parser;
    QQueue<HttpRequest> m_queue;
    QPointer<QTcpSocket> m_upstream;
    HttpResponseReader m_reader;
    bool m_busy = false;
    bool m_preflight = false;
    bool m_tunnel = false;
    bool m_tunnelAfter = false;
    int m_backend = 0;
};

// -----------------------------------------------------------------------------------------------

ReverseProxy::ReverseProxy(const ProxyOptions &options, const QString &cookieName,
    const QList<quint16> &backendPorts, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_cookieName(cookieName)
    , m_backends(backendPorts)
{ }

bool ReverseProxy::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_listener = new QTcpServer(this);
    if (!m_listener->listen(address, port)) {
        if (error)
            *error = m_listener->errorString();
        return false;
    }
    connect(m_listener, &QTcpServer::newConnection, this, &ReverseProxy::onNewConnection);
    return true;
}

quint16 ReverseProxy::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QHostAddress ReverseProxy::address() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

void ReverseProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection())
        new Exchange(this, socket, ++m_connections);
}

int ReverseProxy::chooseBackend(const QByteArray &cookieHeader, const QByteArray &target)
{
    Q_UNUSED(target)
    if (m_backends.size() <= 1)
        return 0;
    if (m_options.stickyCookie) {
        for (const QByteArray &part : cookieHeader.split(';')) {
            const QByteArray pair = part.trimmed();
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0 && pair.left(eq) == m_cookieName.toUtf8()) {
                const QString sid = QString::fromLatin1(pair.mid(eq + 1));
                if (m_sessionBackend.contains(sid))
                    return m_sessionBackend.value(sid);
            }
        }
    }
    const int chosen = m_next;
    m_next = (m_next + 1) % int(m_backends.size());
    return chosen;
}

void ReverseProxy::report(quint64 connection, const QString &summary, const QString &detail)
{
    ServerEvent e;
    e.kind = ServerEvent::Kind::Decision;
    e.elapsedMs = m_clock ? m_clock->elapsed() : 0;
    e.connection = connection;
    e.layer = QStringLiteral("proxy");
    e.summary = summary;
    e.detail = detail;
    emit eventRecorded(e);
}

} // namespace corslab
