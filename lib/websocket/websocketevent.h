// What the server-side WebSocket receiver reports: a message, a ping, a pong, the peer's close
// frame, or the protocol error that ends the connection (with the close code ws sends back).
#pragma once

#include <QByteArray>
#include <QString>

namespace corslab {

// RFC 6455 §5.2 opcodes.
enum class WebSocketOpcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// The errors ws 8.21 lib/receiver.js raises, in the order its checks run.
enum class WebSocketFrameError {
    None,
    UnexpectedRsv23, // WS_ERR_UNEXPECTED_RSV_2_3, 1002
    UnexpectedRsv1, // WS_ERR_UNEXPECTED_RSV_1, 1002 (no extension is ever negotiated)
    InvalidOpcode, // WS_ERR_INVALID_OPCODE, 1002
    ExpectedFin, // WS_ERR_EXPECTED_FIN, 1002 (fragmented control frame)
    InvalidControlPayloadLength, // WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH, 1002
    ExpectedMask, // WS_ERR_EXPECTED_MASK, 1002 (client frames must be masked)
    UnsupportedDataPayloadLength, // WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH, 1009 (length > 2^53 -
                                  // 1)
    UnsupportedMessageLength, // WS_ERR_UNSUPPORTED_MESSAGE_LENGTH, 1009 (over maxPayload)
    TooManyFragments, // WS_ERR_TOO_MANY_BUFFERED_PARTS, 1008 (over maxFragments)
    TooManyBufferedChunks, // WS_ERR_TOO_MANY_BUFFERED_PARTS, 1008 (over maxBufferedChunks)
    InvalidCloseCode, // WS_ERR_INVALID_CLOSE_CODE, 1002
    InvalidUtf8, // WS_ERR_INVALID_UTF8, 1007 (text message or close reason)
};

struct WebSocketEvent {
    enum class Type { Text, Binary, Ping, Pong, Close, Error };

    Type type = Type::Text;
    // Text: the UTF-8 bytes (validated); Binary: the bytes; Ping/Pong: the application data;
    // Close: the reason bytes (UTF-8, validated).
    QByteArray payload;
    // Close: the peer's status code, 1005 when its close frame had no body (ws 'conclude').
    // Error: the status code ws puts in the close frame it sends back.
    quint16 closeCode = 0;
    WebSocketFrameError error = WebSocketFrameError::None;
    // Error: ws's err.message, e.g. "Invalid WebSocket frame: MASK must be set".
    QString errorString;

    // ws's err.code for `error`, e.g. "WS_ERR_EXPECTED_MASK"; empty for None.
    static QByteArray errorCodeName(WebSocketFrameError error);

    bool isError() const { return type == Type::Error; }
    friend bool operator==(const WebSocketEvent &, const WebSocketEvent &) = default;
};

} // namespace corslab
