// Incremental decoder of client-to-server WebSocket frames that accepts, rejects and reports
// exactly what ws 8.21's Receiver does on an engine.io server (isServer, no extensions, UTF-8
// validation on).
#pragma once

#include "websocket/websocketevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <array>

namespace corslab {

// Feed it the bytes read from the socket after the 101, chunk by chunk; it returns what ws would
// emit for them, in order. Checks and their order follow ws lib/receiver.js:
//   getInfo: RSV2/RSV3 set -> RSV1 set -> opcode (continuation without a message, text/binary
//   inside a fragmented message, control frame without FIN or longer than 125 or a 1-byte close,
//   opcodes 3-7 and 11-15) -> MASK clear; 64-bit length above 2^53 - 1; then the message size (sum
//   of the data frames' payload lengths, control frames not counted) against maxPayload as soon as
//   a length is known, before any payload byte arrives; maxFragments when a data frame's payload is
//   complete; UTF-8 of a text message once its last fragment is in (so a protocol error in a later
//   fragment wins over bad UTF-8 in an earlier one); close code, then close reason UTF-8.
// Non-minimal length encodings are accepted, as ws does. Payload bytes are unmasked as they arrive,
// so memory stays within maxPayload (plus 125 bytes of control payload) whatever the frames claim.
//
// After an Error event or a Close event the decoder is finished and ignores all further bytes (ws
// stops reading: its receiver is errored or ended). See websocketframeencoder.h for what the server
// then sends and when it closes the TCP connection.
class WebSocketFrameDecoder {
public:
    struct Limits {
        // ws `maxPayload`; engine.io passes its `maxHttpBufferSize` (default 1e6). Zero or negative
        // means no limit, as in ws. Convert an option value with maxPayloadFromOption().
        qint64 maxPayload = 100 * 1024 * 1024;
        // ws `maxFragments`: data frames per message; 0 = no limit.
        qint64 maxFragments = 16 * 1024;
        // ws `maxBufferedChunks`: chunks (feed() calls here) that may hold unconsumed bytes of a
        // frame part still incomplete when the next chunk arrives; 0 = no limit. Node's chunks are
        // its socket reads, so this is only byte-exact when feed() gets the same chunks.
        qint64 maxBufferedChunks = 256 * 1024;
    };

    enum class State { Open, CloseReceived, Failed };

    WebSocketFrameDecoder();
    explicit WebSocketFrameDecoder(const Limits &limits);

    // Decodes `chunk`; an empty chunk does nothing.
    QList<WebSocketEvent> feed(QByteArrayView chunk);

    State state() const { return m_state; }
    bool isFinished() const { return m_state != State::Open; }
    const Limits &limits() const { return m_limits; }

    // ws stores `options.maxPayload | 0`: JavaScript ToInt32 of the option (1e6 -> 1000000,
    // 10.9 -> 10, 3e9 -> -1294967296, i.e. no limit). Non-finite values give 0.
    static qint64 maxPayloadFromOption(double value);

private:
    enum class Stage { Info, Length16, Length64, Mask, Data };

    void fail(QList<WebSocketEvent> &events, WebSocketFrameError error, quint16 closeCode,
        const QString &message);
    void processInfo(QList<WebSocketEvent> &events);
    void processLength64(QList<WebSocketEvent> &events);
    void haveLength(QList<WebSocketEvent> &events);
    void processPayload(QList<WebSocketEvent> &events);
    void controlFrame(QList<WebSocketEvent> &events);
    void dataFrame(QList<WebSocketEvent> &events);

    Limits m_limits;
    State m_state = State::Open;
    Stage m_stage = Stage::Info;
    std::array<quint8, 8> m_head {}; // the bytes of the header part being read
    int m_headSize = 0; // how many m_head holds
    bool m_fin = false;
    quint8 m_opcode = 0; // the data opcode for continuation frames, like ws's _opcode
    quint8 m_fragmented = 0; // opcode of the message being assembled, 0 when none
    std::array<quint8, 4> m_mask {};
    quint64 m_payloadLength = 0;
    quint64 m_payloadReceived = 0;
    quint64 m_totalPayloadLength = 0; // ws _totalPayloadLength: data payload of the current message
    qint64 m_numFragments = 0;
    qint64 m_pendingChunks = 0; // ws _buffers.length between writes
    QByteArray m_message; // fragments of the current data message, unmasked
    QByteArray m_control; // the current control frame's payload, unmasked
};

} // namespace corslab
