// What the embedded server reports as it works: one value per request, response, frame, packet and
// decision. The timeline and `corslab-cli serve` are built from these.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace corslab {

struct ServerEvent {
    enum class Kind {
        Listening, // detail: the URL
        Connected, // a TCP connection was accepted
        Disconnected, // a TCP connection ended
        RequestReceived, // bytes: the request as received (head, then body up to a cap)
        ResponseSent, // bytes: the response as written (up to a cap)
        FrameReceived, // a WebSocket frame from the client
        FrameSent, // a WebSocket frame to the client
        EnginePacketReceived,
        EnginePacketSent,
        SocketPacketReceived,
        SocketPacketSent,
        Decision, // a choice the server made and why: cors, verify, allowRequest, middleware
        ScriptLog, // a console line or a sandbox note from user code
        SessionOpened,
        SessionClosed, // detail: engine.io's close reason ("ping timeout", "transport close"...)
        Error, // something the server could not do (e.g. user code threw)
    };

    Kind kind = Kind::Decision;
    qint64 elapsedMs = 0; // since the server started listening
    quint64 connection = 0; // TCP connection number (1, 2, ...); 0 when none applies
    QString sessionId; // engine.io sid, when known
    QString layer; // "http", "cors", "engine.io", "socket.io", "script", "websocket"
    QString summary; // one line for a person: "GET /socket.io/?EIO=4&transport=polling → 200"
    QString detail; // more lines: causes, error context, ...
    QByteArray bytes; // exact bytes where they apply

    static constexpr qsizetype MaxBytes = 64 * 1024;
    static QString kindName(Kind kind);
};

} // namespace corslab

Q_DECLARE_METATYPE(corslab::ServerEvent)
