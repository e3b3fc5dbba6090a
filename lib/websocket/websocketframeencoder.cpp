// ws 8.21 lib/sender.js Sender.frame()/close()/ping()/pong() for a server (never masked).
#include "websocket/websocketframeencoder.h"

namespace corslab {

QByteArray WebSocketFrameEncoder::frame(WebSocketOpcode opcode, QByteArrayView payload, bool fin)
{
    const auto length = quint64(payload.size());
    QByteArray out;
    out.reserve(payload.size() + 10);
    out.append(char((fin ? 0x80 : 0x00) | quint8(opcode)));
    // ws Sender.frame(): 126 marks a 16-bit length, 127 a 64-bit one (written as 2 zero bytes and a
    // 48-bit value, the same bytes for any length a QByteArray can hold).
    if (length >= 65536) {
        out.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((length >> shift) & 0xFF));
    } else if (length > 125) {
        out.append(char(126));
        out.append(char(length >> 8));
        out.append(char(length & 0xFF));
    } else {
        out.append(char(length));
    }
    out.append(payload);
    return out;
}

std::optional<QByteArray> WebSocketFrameEncoder::ping(QByteArrayView data)
{
    if (data.size() > 125)
        return std::nullopt;
    return frame(WebSocketOpcode::Ping, data);
}

std::optional<QByteArray> WebSocketFrameEncoder::pong(QByteArrayView data)
{
    if (data.size() > 125)
        return std::nullopt;
    return frame(WebSocketOpcode::Pong, data);
}

QByteArray WebSocketFrameEncoder::close()
{
    return frame(WebSocketOpcode::Close, {});
}

std::optional<QByteArray> WebSocketFrameEncoder::close(quint16 code, QByteArrayView reason)
{
    if (!isValidCloseCode(code) || reason.size() > 123)
        return std::nullopt;
    QByteArray body;
    body.append(char(code >> 8));
    body.append(char(code & 0xFF));
    body.append(reason);
    return frame(WebSocketOpcode::Close, body);
}

QByteArray WebSocketFrameEncoder::automaticReply(const WebSocketEvent &event)
{
    switch (event.type) {
    case WebSocketEvent::Type::Ping:
        // ws receiverOnPing(): autoPong is on by default and engine.io leaves it on.
        return pong(event.payload).value_or(QByteArray());
    case WebSocketEvent::Type::Close:
        // ws receiverOnConclude(): 1005 -> close(); otherwise close(code, reason).
        if (event.closeCode == 1005)
            return close();
        return close(event.closeCode, event.payload).value_or(QByteArray());
    case WebSocketEvent::Type::Error:
        // ws receiverOnError(): websocket.close(err[kStatusCode]), no reason.
        return close(event.closeCode).value_or(QByteArray());
    case WebSocketEvent::Type::Text:
    case WebSocketEvent::Type::Binary:
    case WebSocketEvent::Type::Pong:
        break;
    }
    return {};
}

bool WebSocketFrameEncoder::isValidCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006)
        || (code >= 3000 && code <= 4999);
}

} // namespace corslab
