// ws's error codes for the receiver errors.
#include "websocket/websocketevent.h"

namespace corslab {

QByteArray WebSocketEvent::errorCodeName(WebSocketFrameError error)
{
    switch (error) {
    case WebSocketFrameError::None:
        return {};
    case WebSocketFrameError::UnexpectedRsv23:
        return QByteArrayLiteral("WS_ERR_UNEXPECTED_RSV_2_3");
    case WebSocketFrameError::UnexpectedRsv1:
        return QByteArrayLiteral("WS_ERR_UNEXPECTED_RSV_1");
    case WebSocketFrameError::InvalidOpcode:
        return QByteArrayLiteral("WS_ERR_INVALID_OPCODE");
    case WebSocketFrameError::ExpectedFin:
        return QByteArrayLiteral("WS_ERR_EXPECTED_FIN");
    case WebSocketFrameError::InvalidControlPayloadLength:
        return QByteArrayLiteral("WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH");
    case WebSocketFrameError::ExpectedMask:
        return QByteArrayLiteral("WS_ERR_EXPECTED_MASK");
    case WebSocketFrameError::UnsupportedDataPayloadLength:
        return QByteArrayLiteral("WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH");
    case WebSocketFrameError::UnsupportedMessageLength:
        return QByteArrayLiteral("WS_ERR_UNSUPPORTED_MESSAGE_LENGTH");
    // ws uses the same code for both limits.
    case WebSocketFrameError::TooManyFragments:
    case WebSocketFrameError::TooManyBufferedChunks:
        return QByteArrayLiteral("WS_ERR_TOO_MANY_BUFFERED_PARTS");
    case WebSocketFrameError::InvalidCloseCode:
        return QByteArrayLiteral("WS_ERR_INVALID_CLOSE_CODE");
    case WebSocketFrameError::InvalidUtf8:
        return QByteArrayLiteral("WS_ERR_INVALID_UTF8");
    }
    return {};
}

} // namespace corslab
