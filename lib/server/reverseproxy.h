// A reverse proxy / load balancer in front of embedded server instances (profile `server.proxy`):
// adds response headers, answers with redirects, strips Upgrade, balances with or without cookie
// stickiness — the infrastructure between a browser and a Node server that breaks Socket.IO.
#pragma once

#include "profile/profile.h"
#include "server/serverevent.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

class QTcpServer;
class QTcpSocket;

namespace corslab {

// Reads one HTTP/1.1 response from a byte stream (I/O-free): head, then a body framed by
// Content-Length, chunked encoding, or the end of the stream.
class HttpResponseReader {
public:
    void feed(QByteArrayView bytes);
    void finish(); // the peer closed: a body read "until close" is complete
    bool isComplete() const { return m_complete; }
    bool hasHead() const { return m_headEnd >= 0; }
    bool hasFailed() const { return m_failed; }
    int status() const { return m_status; }
    QByteArray head() const; // status line and header lines, without the empty line
    QByteArray rawBody() const; // the body as framed on the wire
    QByteArray remainder() const; // bytes after the response (a following one, or frames)

private:
    void parse();
    QByteArray m_buffer;
    qsizetype m_headEnd = -1; // index of the empty line's CRLF CRLF
    qsizetype m_bodyEnd = -1;
    int m_status = 0;
    bool m_complete = false;
    bool m_failed = false;
    bool m_untilClose = false;
    bool m_closed = false;
};

class ReverseProxy : public QObject {
    Q_OBJECT

public:
    ReverseProxy(const ProxyOptions &options, const QString &cookieName,
        const QList<quint16> &backendPorts, QObject *parent = nullptr);
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    QHostAddress address() const;
    void setClock(const QElapsedTimer *clock) { m_clock = clock; }

signals:
    void eventRecorded(const corslab::ServerEvent &event);

private:
    class Exchange;
    void onNewConnection();
    int chooseBackend(const QByteArray &cookieHeader, const QByteArray &target);
    void report(quint64 connection, const QString &summary, const QString &detail = {});

    ProxyOptions m_options;
    QString m_cookieName;
    QList<quint16> m_backends;
    QTcpServer *m_listener = nullptr;
    int m_next = 0;
    quint64 m_connections = 0;
    QHash<QString, int> m_sessionBackend; // sid → backend, learnt from Set-Cookie
    const QElapsedTimer *m_clock = nullptr;
};

} // namespace corslab
