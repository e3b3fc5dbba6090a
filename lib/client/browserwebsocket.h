// The page's `new WebSocket(url)` in the emulated browser: the handshake (Origin always sent, no
// page headers — the browser API takes none —, cookies as the jar allows; the Node client sends
// extraHeaders and no Origin), the RFC 6455 checks of the answer, then masked client frames and
// the server's frames. Not covered by CORS: a 101 is accepted whatever the origin.
#pragma once

#include "browserxhr.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace corslab {

// RFC 6455 frames as a client writes them (masked) and reads them (unmasked). I/O-free.
class ClientFrameCodec {
public:
    struct Message {
        int opcode = 1; // 1 text, 2 binary, 8 close, 9 ping, 10 pong
        QByteArray payload;
    };
    static QByteArray encode(int opcode, QByteArrayView payload, quint32 maskKey);
    // Appends bytes; returns complete messages (fragments joined). Sets error on a protocol error.
    QList<Message> feed(QByteArrayView bytes, QString *error);

private:
    QByteArray m_buffer;
    QByteArray m_fragments;
    int m_fragmentOpcode = 0;
};

class BrowserWebSocket : public QObject {
    Q_OBJECT

public:
    BrowserWebSocket(BrowserSession *session, TimelineStep step, const QString &url,
        const QList<BrowserHeader> &nodeHeaders, QObject *parent = nullptr);
    ~BrowserWebSocket() override;

    void open();
    void sendText(const QByteArray &utf8);
    void sendBinary(const QByteArray &data);
    void close();
    bool isOpen() const { return m_open; }
    int exchange() const { return m_exchange; }
    void setStep(TimelineStep step) { m_step = step; }
    // A refused handshake's JSON "message" (engine.io's error body), for CorsLab's verdict.
    QString serverMessage() const { return m_serverMessage; }

signals:
    void opened();
    void message(const QByteArray &payload, bool binary);
    // errorText is what the browser's console prints; the page itself only gets an Event.
    void failed(const QString &errorText, int status);
    void closed(int code, const QString &reason);

private:
    void onHandshake(const NetworkResponse &response);
    void onReadyRead();
    void send(int opcode, const QByteArray &payload);
    void recordFrame(bool outgoing, int opcode, const QByteArray &payload);
    void fail(const QString &text, int status);

    BrowserSession *m_session;
    TimelineStep m_step;
    QString m_url;
    QList<BrowserHeader> m_nodeHeaders;
    QByteArray m_key;
    QPointer<NetworkExchange> m_handshake;
    QTcpSocket *m_socket = nullptr;
    ClientFrameCodec m_codec;
    int m_exchange = 0;
    bool m_open = false;
    bool m_closed = false;
    QString m_serverMessage;
};

} // namespace corslab
