// ws 8.21 lib/receiver.js (server mode, no extensions) as an incremental, bounded decoder.
#include "websocket/websocketframedecoder.h"

#include "websocket/websocketframeencoder.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace corslab {

namespace {

// ws lib/validation.js _isValidUTF8() (Markus Kuhn's utf8_check): no overlong forms, no surrogates,
// nothing above U+10FFFF. Node's buffer.isUtf8(), used for 24 bytes and more, agrees.
bool isValidUtf8(QByteArrayView bytes)
{
    const auto *s = reinterpret_cast<const quint8 *>(bytes.data());
    const qsizetype len = bytes.size();
    qsizetype i = 0;
    while (i < len) {
        const quint8 c = s[i];
        if ((c & 0x80) == 0) {
            ++i;
        } else if ((c & 0xE0) == 0xC0) {
            if (i + 1 == len || (s[i + 1] & 0xC0) != 0x80 || (c & 0xFE) == 0xC0)
                return false;
            i += 2;
        } else if ((c & 0xF0) == 0xE0) {
            if (i + 2 >= len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80
                || (c == 0xE0 && (s[i + 1] & 0xE0) == 0x80)
                || (c == 0xED && (s[i + 1] & 0xE0) == 0xA0))
                return false;
            i += 3;
        } else if ((c & 0xF8) == 0xF0) {
            if (i + 3 >= len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80
                || (s[i + 3] & 0xC0) != 0x80 || (c == 0xF0 && (s[i + 1] & 0xF0) == 0x80)
                || (c == 0xF4 && s[i + 1] > 0x8F) || c > 0xF4)
                return false;
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

// ws createError(..., prefix = true).
QString frameMessage(const QString &detail)
{
    return QStringLiteral("Invalid WebSocket frame: ") + detail;
}

} // namespace

WebSocketFrameDecoder::WebSocketFrameDecoder() = default;

WebSocketFrameDecoder::WebSocketFrameDecoder(const Limits &limits)
    : m_limits(limits)
{ }

qint64 WebSocketFrameDecoder::maxPayloadFromOption(double value)
{
    // ECMAScript ToInt32: truncate, wrap modulo 2^32, reinterpret as signed.
    if (!std::isfinite(value))
        return 0;
    const double truncated = std::trunc(value);
    double wrapped = std::fmod(truncated, 4294967296.0);
    if (wrapped < 0)
        wrapped += 4294967296.0;
    const auto bits = quint32(wrapped);
    return qint64(qint32(bits));
}

QList<WebSocketEvent> WebSocketFrameDecoder::feed(QByteArrayView chunk)
{
    QList<WebSocketEvent> events;
    // ws Receiver._write(): after a close frame every later chunk is dropped; after an error the
    // stream accepts nothing.
    if (m_state != State::Open || chunk.isEmpty())
        return events;

    // ws Receiver._write(): the limit is checked before the chunk is buffered, against the chunks
    // still holding unconsumed bytes.
    if (m_limits.maxBufferedChunks > 0 && m_pendingChunks >= m_limits.maxBufferedChunks) {
        fail(events, WebSocketFrameError::TooManyBufferedChunks, 1008,
            QStringLiteral("Too many buffered chunks"));
        return events;
    }
    ++m_pendingChunks;

    const auto *bytes = reinterpret_cast<const quint8 *>(chunk.data());
    const qsizetype size = chunk.size();
    qsizetype pos = 0;

    // A frame part (header bytes, or the whole payload: ws consumes a payload in one go) is done;
    // ws keeps at most the rest of this chunk buffered.
    const auto partConsumed = [&] { m_pendingChunks = pos < size ? 1 : 0; };

    while (m_state == State::Open) {
        if (m_stage == Stage::Data) {
            const quint64 missing = m_payloadLength - m_payloadReceived;
            if (missing > 0) {
                if (pos == size)
                    break;
                const auto take = qsizetype(std::min<quint64>(missing, quint64(size - pos)));
                QByteArray &target = m_opcode >= 0x08 ? m_control : m_message;
                const qsizetype start = target.size();
                target.resize(start + take);
                char *out = target.data() + start;
                for (qsizetype i = 0; i < take; ++i) {
                    const quint8 key = m_mask[std::size_t((m_payloadReceived + quint64(i)) % 4)];
                    out[i] = char(bytes[pos + i] ^ key);
                }
                pos += take;
                m_payloadReceived += quint64(take);
                if (m_payloadReceived < m_payloadLength)
                    break;
                partConsumed();
            }
            processPayload(events);
            continue;
        }

        const int needed = m_stage == Stage::Info ? 2
            : m_stage == Stage::Length16          ? 2
            : m_stage == Stage::Length64          ? 8
                                                  : 4;
        if (pos == size)
            break;
        const auto take = int(std::min<qsizetype>(needed - m_headSize, size - pos));
        std::copy_n(bytes + pos, take, m_head.begin() + m_headSize);
        m_headSize += take;
        pos += take;
        if (m_headSize < needed)
            break;
        m_headSize = 0;
        partConsumed();

        switch (m_stage) {
        case Stage::Info:
            processInfo(events);
            break;
        case Stage::Length16:
            m_payloadLength = quint64(m_head[0]) << 8 | m_head[1];
            haveLength(events);
            break;
        case Stage::Length64:
            processLength64(events);
            break;
        case Stage::Mask:
            std::copy_n(m_head.begin(), 4, m_mask.begin());
            m_payloadReceived = 0;
            m_stage = Stage::Data;
            break;
        case Stage::Data:
            break;
        }
    }
    return events;
}

void WebSocketFrameDecoder::fail(QList<WebSocketEvent> &events, WebSocketFrameError error,
    quint16 closeCode, const QString &message)
{
    WebSocketEvent event;
    event.type = WebSocketEvent::Type::Error;
    event.error = error;
    event.closeCode = closeCode;
    event.errorString = message;
    events.append(event);
    m_state = State::Failed;
    m_message.clear();
    m_control.clear();
}

// ws Receiver.getInfo().
void WebSocketFrameDecoder::processInfo(QList<WebSocketEvent> &events)
{
    const quint8 b0 = m_head[0];
    const quint8 b1 = m_head[1];

    if ((b0 & 0x30) != 0) {
        fail(events, WebSocketFrameError::UnexpectedRsv23, 1002,
            frameMessage(QStringLiteral("RSV2 and RSV3 must be clear")));
        return;
    }
    // RSV1 means "compressed"; permessage-deflate is never negotiated (engine.io's default), so it
    // is an error whatever the opcode.
    if ((b0 & 0x40) != 0) {
        fail(events, WebSocketFrameError::UnexpectedRsv1, 1002,
            frameMessage(QStringLiteral("RSV1 must be clear")));
        return;
    }

    m_fin = (b0 & 0x80) != 0;
    m_opcode = b0 & 0x0F;
    m_payloadLength = b1 & 0x7F;

    const auto invalidOpcode = [&](int opcode) {
        fail(events, WebSocketFrameError::InvalidOpcode, 1002,
            frameMessage(QStringLiteral("invalid opcode %1").arg(opcode)));
    };

    if (m_opcode == 0x00) {
        if (!m_fragmented) {
            invalidOpcode(0);
            return;
        }
        m_opcode = m_fragmented;
    } else if (m_opcode == 0x01 || m_opcode == 0x02) {
        if (m_fragmented) {
            invalidOpcode(m_opcode);
            return;
        }
    } else if (m_opcode > 0x07 && m_opcode < 0x0B) {
        if (!m_fin) {
            fail(events, WebSocketFrameError::ExpectedFin, 1002,
                frameMessage(QStringLiteral("FIN must be set")));
            return;
        }
        // RFC 6455 §5.5: control payloads are at most 125 bytes; §5.5.1: a close body is empty or
        // starts with a 2-byte code. ws reports the 7-bit length field (126/127 included).
        if (m_payloadLength > 0x7D || (m_opcode == 0x08 && m_payloadLength == 1)) {
            fail(events, WebSocketFrameError::InvalidControlPayloadLength, 1002,
                frameMessage(QStringLiteral("invalid payload length %1").arg(m_payloadLength)));
            return;
        }
    } else {
        invalidOpcode(m_opcode);
        return;
    }

    if (!m_fin && !m_fragmented)
        m_fragmented = m_opcode;

    // RFC 6455 §5.1: a server must close the connection on an unmasked client frame.
    if ((b1 & 0x80) == 0) {
        fail(events, WebSocketFrameError::ExpectedMask, 1002,
            frameMessage(QStringLiteral("MASK must be set")));
        return;
    }

    if (m_payloadLength == 126)
        m_stage = Stage::Length16;
    else if (m_payloadLength == 127)
        m_stage = Stage::Length64;
    else
        haveLength(events);
}

// ws Receiver.getPayloadLength64(): JavaScript numbers are exact only up to 2^53 - 1.
void WebSocketFrameDecoder::processLength64(QList<WebSocketEvent> &events)
{
    quint64 value = 0;
    for (const quint8 byte : m_head)
        value = value << 8 | byte;
    if ((value >> 32) > (quint64(1) << 21) - 1) {
        fail(events, WebSocketFrameError::UnsupportedDataPayloadLength, 1009,
            QStringLiteral("Unsupported WebSocket frame: payload length > 2^53 - 1"));
        return;
    }
    m_payloadLength = value;
    haveLength(events);
}

// ws Receiver.haveLength(): the message size is checked as soon as a data frame's length is known.
void WebSocketFrameDecoder::haveLength(QList<WebSocketEvent> &events)
{
    if (m_payloadLength && m_opcode < 0x08) {
        m_totalPayloadLength += m_payloadLength;
        if (m_limits.maxPayload > 0 && m_totalPayloadLength > quint64(m_limits.maxPayload)) {
            fail(events, WebSocketFrameError::UnsupportedMessageLength, 1009,
                QStringLiteral("Max payload size exceeded"));
            return;
        }
    }
    m_stage = Stage::Mask; // every client frame is masked (checked in processInfo)
}

// ws Receiver.getData(): the whole payload is in.
void WebSocketFrameDecoder::processPayload(QList<WebSocketEvent> &events)
{
    m_stage = Stage::Info;
    if (m_opcode > 0x07)
        controlFrame(events);
    else
        dataFrame(events);
}

// ws Receiver.controlMessage().
void WebSocketFrameDecoder::controlFrame(QList<WebSocketEvent> &events)
{
    const QByteArray data = std::exchange(m_control, QByteArray());
    WebSocketEvent event;
    if (m_opcode == 0x08) {
        event.type = WebSocketEvent::Type::Close;
        if (data.isEmpty()) {
            event.closeCode = 1005; // RFC 6455 §7.1.5: no status code was present
        } else {
            const auto code = quint16(quint8(data[0]) << 8 | quint8(data[1]));
            if (!WebSocketFrameEncoder::isValidCloseCode(code)) {
                fail(events, WebSocketFrameError::InvalidCloseCode, 1002,
                    frameMessage(QStringLiteral("invalid status code %1").arg(code)));
                return;
            }
            const QByteArray reason = data.mid(2);
            if (!isValidUtf8(reason)) {
                fail(events, WebSocketFrameError::InvalidUtf8, 1007,
                    frameMessage(QStringLiteral("invalid UTF-8 sequence")));
                return;
            }
            event.closeCode = code;
            event.payload = reason;
        }
        events.append(event);
        m_state = State::CloseReceived;
        m_message.clear();
        return;
    }
    event.type = m_opcode == 0x09 ? WebSocketEvent::Type::Ping : WebSocketEvent::Type::Pong;
    event.payload = data;
    events.append(event);
}

// ws Receiver.getData() for data frames, then dataMessage().
void WebSocketFrameDecoder::dataFrame(QList<WebSocketEvent> &events)
{
    if (m_limits.maxFragments > 0 && ++m_numFragments > m_limits.maxFragments) {
        fail(events, WebSocketFrameError::TooManyFragments, 1008,
            QStringLiteral("Too many message fragments"));
        return;
    }
    if (!m_fin)
        return;

    const QByteArray message = std::exchange(m_message, QByteArray());
    m_totalPayloadLength = 0;
    m_fragmented = 0;
    m_numFragments = 0;

    WebSocketEvent event;
    if (m_opcode == 0x02) {
        event.type = WebSocketEvent::Type::Binary;
    } else {
        if (!isValidUtf8(message)) {
            fail(events, WebSocketFrameError::InvalidUtf8, 1007,
                frameMessage(QStringLiteral("invalid UTF-8 sequence")));
            return;
        }
        event.type = WebSocketEvent::Type::Text;
    }
    event.payload = message;
    events.append(event);
}

} // namespace corslab
