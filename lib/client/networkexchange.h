// One HTTP/1.1 request on its own TCP (or TLS) connection, with the exact bytes both ways: what the
// browser-emulating client sends and receives. No hidden headers, cookies, redirects or caching:
// the caller writes every header line and gets every response line as received (repeated lines
// stay separate, which Firefox's CORS check tells apart). A WebSocket handshake keeps the socket.
#pragma once

#include "cors/browserfetchrules.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QTcpSocket;

namespace corslab {

struct NetworkResponse {
    int status = 0;
    QString statusText;
    QList<BrowserHeader> headers; // every line, in order
    QByteArray body; // de-chunked and decompressed
    QByteArray rawHead; // status line and header lines as received
    QByteArray rawBody; // as framed on the wire
    QString header(const QString &name) const; // lines joined with ", " ("" when absent)
    QStringList headerLines(const QString &name) const;
};

// Chromium's name for a failure below HTTP ("net::ERR_CONNECTION_REFUSED").
QString netErrorName(QAbstractSocket::SocketError error);

// Decodes a body for its Content-Encoding (gzip, deflate); nullopt when it is corrupt.
std::optional<QByteArray> decodeContentEncoding(const QByteArray &body, const QString &encoding);
// Undoes chunked framing; the input is a complete chunked body.
QByteArray dechunk(const QByteArray &framed);

class NetworkExchange : public QObject {
    Q_OBJECT

public:
    // url: http(s) or ws(s); rawRequest: the request head and body, exactly as sent.
    NetworkExchange(
        const QUrl &url, QByteArray rawRequest, int timeoutMs, QObject *parent = nullptr);
    ~NetworkExchange() override;

    void start();
    void abort();
    // After a 101 answer: the connection, now the caller's, and bytes already read past the head.
    QTcpSocket *takeSocket();
    QByteArray leftover() const { return m_leftover; }
    const QByteArray &rawRequest() const { return m_request; }

signals:
    void finished(const corslab::NetworkResponse &response);
    void failed(const QString &netError, const QString &detail);

private:
    void onReadyRead();
    void onDisconnected();
    void fail(const QString &netError, const QString &detail);
    void complete();

    QUrl m_url;
    QByteArray m_request;
    int m_timeoutMs;
    QPointer<QTcpSocket> m_socket;
    QTimer m_timer;
    QByteArray m_buffer;
    QByteArray m_leftover;
    bool m_done = false;
    bool m_upgraded = false;
};

} // namespace corslab
