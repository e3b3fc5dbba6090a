// Server-to-client WebSocket frames byte for byte as ws 8.21's Sender writes them, and what the
// server sends back on its own (pong, close echo, close after an error).
#pragma once

#include "websocket/websocketevent.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace corslab {

// ws lib/constants.js CLOSE_TIMEOUT: how long the server waits for the closing handshake.
inline constexpr int WebSocketCloseTimeoutMs = 30000;

// The closing handshake on the server side, as ws 8.21 lib/websocket.js runs it under engine.io
// (verified against the real server with raw sockets):
//
// 1. The server closes (engine.io transport doClose(): ping timeout, socket.disconnect(true),
//    connectTimeout, a failed upgrade probe, ...): ws.close() without a code sends close() below,
//    the empty close frame 88 00; the client then sees 1005. The connection is now CLOSING and a
//    timer of WebSocketCloseTimeoutMs starts.
//    - While CLOSING, messages from the client are still decoded and delivered to engine.io, but
//      pings are NOT answered (ws pong() on a non-OPEN socket sends nothing).
//    - When the client's close frame arrives (WebSocketEvent::Type::Close), the server sends
//    nothing
//      more and ends the TCP connection (FIN, socket.end()); bytes after that close frame are
//      ignored.
//    - If no close frame comes within 30 s, the timer destroys the socket (observed: FIN at 30 035
//    ms
//      with the client silent). The 'close' event then reports 1006.
// 2. The client closes first (WebSocketEvent::Type::Close from the decoder): ws echoes it with
//    automaticReply() (1005 -> 88 00; otherwise the same code AND the same reason bytes), then ends
//    the TCP connection right after the frame is written. The 30 s timer is armed too but is
//    cleared when the socket closes.
// 3. The decoder reports an error (WebSocketEvent::Type::Error): ws sends a close frame with the
//    error's code and no reason (automaticReply(): e.g. 88 02 03 EA for 1002, 88 02 03 F1 for
//    1009), then ends the TCP connection at once (the receiver has errored, so ws does not wait for
//    the client's close frame). Nothing more is read. The 'close' event reports 1006.
// 4. The client ends the TCP connection without a close frame: ws ends its side too, sends no close
//    frame, and the 'close' event reports 1006.
// In every case the server's 'close' event (engine.io transport "close") comes when the TCP socket
// is closed, not when the close frame is sent.
class WebSocketFrameEncoder {
public:
    // One unmasked frame: FIN/opcode byte, the shortest length form (7-bit up to 125, 16-bit up to
    // 65535, then 64-bit), payload. RSV bits are never set (no permessage-deflate).
    static QByteArray frame(WebSocketOpcode opcode, QByteArrayView payload, bool fin = true);

    // ws.send(string) / ws.send(Buffer): one final text or binary frame. engine.io sends every
    // packet this way (text packets as text frames, binary packets as binary frames).
    static QByteArray text(QByteArrayView utf8) { return frame(WebSocketOpcode::Text, utf8); }
    static QByteArray binary(QByteArrayView data) { return frame(WebSocketOpcode::Binary, data); }

    // ws.ping(data) / ws.pong(data); nullopt where ws throws RangeError (more than 125 bytes).
    static std::optional<QByteArray> ping(QByteArrayView data = {});
    static std::optional<QByteArray> pong(QByteArrayView data = {});

    // ws.close() without a code: a close frame with an empty body (88 00).
    static QByteArray close();
    // ws.close(code, reason): code, then the reason when it is not empty. nullopt where ws throws:
    // a code that is not valid in a close frame (validation.js isValidStatusCode: 1000-1014 except
    // 1004-1006, or 3000-4999) or a reason over 123 bytes.
    static std::optional<QByteArray> close(quint16 code, QByteArrayView reason = {});

    // What ws sends by itself in reply to a decoder event while the connection is OPEN: the pong
    // for a ping (autoPong, same data), the echo of a close frame, the close frame after an error;
    // empty for messages and pongs. See the closing handshake above for what happens after a close
    // frame.
    static QByteArray automaticReply(const WebSocketEvent &event);

    // ws lib/validation.js isValidStatusCode().
    static bool isValidCloseCode(quint16 code);
};

} // namespace corslab
