// Fuzz target: the WebSocket frame decoder on arbitrary client bytes, cut into arbitrary chunks.
// Input: one configuration byte (low nibble: chunk size, 0 = whole; bits 4-5: limits), then the
// bytes.
#include "websocket/websocketframedecoder.h"
#include "websocket/websocketframeencoder.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace corslab;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

QList<WebSocketEvent> decode(
    QByteArrayView input, qsizetype chunkSize, const WebSocketFrameDecoder::Limits &limits)
{
    WebSocketFrameDecoder decoder(limits);
    QList<WebSocketEvent> events;
    for (qsizetype at = 0; at < input.size(); at += chunkSize)
        events.append(decoder.feed(input.sliced(at, std::min(chunkSize, input.size() - at))));
    // Only the last event may end the connection, and the state says which one did.
    for (qsizetype i = 0; i + 1 < events.size(); ++i)
        check(events[i].type != WebSocketEvent::Type::Close && !events[i].isError());
    const bool ended = !events.isEmpty()
        && (events.last().type == WebSocketEvent::Type::Close || events.last().isError());
    check(decoder.isFinished() == ended);
    return events;
}

// A client frame with a fixed masking key.
QByteArray masked(const QByteArray &serverFrame)
{
    static const quint8 key[4] = {0xA1, 0x00, 0x5C, 0xFF};
    const auto b1 = quint8(serverFrame[1]);
    const int headerSize = (b1 & 0x7F) == 127 ? 10 : (b1 & 0x7F) == 126 ? 4 : 2;
    QByteArray out = serverFrame.first(headerSize);
    out[1] = char(b1 | 0x80);
    out.append(reinterpret_cast<const char *>(key), 4);
    for (qsizetype i = headerSize; i < serverFrame.size(); ++i)
        out.append(char(quint8(serverFrame[i]) ^ key[(i - headerSize) % 4]));
    return out;
}

QByteArray reencode(const WebSocketEvent &event)
{
    switch (event.type) {
    case WebSocketEvent::Type::Text:
        return WebSocketFrameEncoder::text(event.payload);
    case WebSocketEvent::Type::Binary:
        return WebSocketFrameEncoder::binary(event.payload);
    case WebSocketEvent::Type::Ping:
        return WebSocketFrameEncoder::ping(event.payload).value();
    case WebSocketEvent::Type::Pong:
        return WebSocketFrameEncoder::pong(event.payload).value();
    case WebSocketEvent::Type::Close:
        return event.closeCode == 1005
            ? WebSocketFrameEncoder::close()
            : WebSocketFrameEncoder::close(event.closeCode, event.payload).value();
    case WebSocketEvent::Type::Error:
        break;
    }
    return {};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const quint8 config = data[0];
    const auto input
        = QByteArrayView(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    WebSocketFrameDecoder::Limits limits;
    limits.maxBufferedChunks = 0; // chunking must not change anything else
    switch ((config >> 4) & 0x3) {
    case 0:
        limits.maxPayload = 1000000;
        break;
    case 1:
        limits.maxPayload = 64;
        limits.maxFragments = 4;
        break;
    case 2:
        limits.maxPayload = 0;
        limits.maxFragments = 0;
        break;
    default:
        limits.maxPayload = 8;
        limits.maxFragments = 2;
        break;
    }

    const QList<WebSocketEvent> whole = decode(input, qMax<qsizetype>(1, input.size()), limits);
    const qsizetype chunkSize = config & 0x0F;
    if (chunkSize != 0)
        check(decode(input, chunkSize, limits) == whole);

    QByteArray again;
    for (const WebSocketEvent &event : whole) {
        switch (event.type) {
        case WebSocketEvent::Type::Text:
            // ws-valid UTF-8 survives a round trip through QString unchanged.
            check(QString::fromUtf8(event.payload).toUtf8() == event.payload);
            [[fallthrough]];
        case WebSocketEvent::Type::Binary:
            check(limits.maxPayload <= 0 || event.payload.size() <= limits.maxPayload);
            break;
        case WebSocketEvent::Type::Ping:
            check(WebSocketFrameEncoder::automaticReply(event)
                == WebSocketFrameEncoder::pong(event.payload).value());
            break;
        case WebSocketEvent::Type::Pong:
            check(event.payload.size() <= 125);
            break;
        case WebSocketEvent::Type::Close:
            check(!WebSocketFrameEncoder::automaticReply(event).isEmpty());
            break;
        case WebSocketEvent::Type::Error:
            check(WebSocketFrameEncoder::automaticReply(event)
                == WebSocketFrameEncoder::close(event.closeCode).value());
            check(!event.errorString.isEmpty());
            break;
        }
        if (!event.isError())
            again.append(masked(reencode(event)));
    }

    // What was decoded, encoded again as one frame per event, decodes to the same events.
    QList<WebSocketEvent> expected = whole;
    if (!expected.isEmpty() && expected.last().isError())
        expected.removeLast();
    limits.maxFragments = 0;
    check(decode(again, qMax<qsizetype>(1, again.size()), limits) == expected);
    return 0;
}
