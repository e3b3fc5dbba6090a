// A TCP connection on a native socket, with the two behaviours of Node's net.Socket that QTcpSocket
// lacks: writing after the peer's FIN (half-close), and end() — flush, FIN, read and discard until
// the peer closes — instead of closing with unread input (which sends an RST and can destroy the
// last bytes written).
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

class QSocketNotifier;

namespace corslab {

class StreamSocket : public QObject {
    Q_OBJECT

public:
    // Takes ownership of a connected socket descriptor (QTcpServer::incomingConnection()).
    explicit StreamSocket(qintptr descriptor, QObject *parent = nullptr);
    ~StreamSocket() override;

    QByteArray readAll();
    qsizetype bytesAvailable() const { return m_input.size(); }
    void write(const QByteArray &bytes);
    // Node's socket.end(): pending writes go out, then FIN; input is read and dropped until the
    // peer closes too (or after a grace period).
    void end();
    // Node's socket.destroy(): pending writes are flushed as far as the kernel takes them, then the
    // descriptor is closed.
    void destroy();

    bool isReadEnded() const { return m_readEnded; }
    bool isClosed() const { return m_descriptor < 0; }
    QString peerAddress() const { return m_peerAddress; }
    qint64 bytesWrittenTotal() const { return m_written; }

signals:
    void readyRead();
    void readEnded(); // the peer sent FIN; writing is still possible
    void closed(); // the descriptor is closed (peer reset, error, or both sides done)

private:
    void onReadable();
    void onWritable();
    void flush();
    void closeNow();

    int m_descriptor = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_input;
    QByteArray m_output;
    bool m_readEnded = false;
    bool m_ending = false;
    bool m_writeShut = false;
    qint64 m_written = 0;
    QString m_peerAddress;
    QTimer m_lingerTimer;
};

} // namespace corslab
