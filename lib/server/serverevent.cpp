// Names of server event kinds, for `corslab-cli serve` and the timeline.
#include "serverevent.h"

namespace corslab {

QString ServerEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Listening:
        return QStringLiteral("listening");
    case Kind::Connected:
        return QStringLiteral("connected");
    case Kind::Disconnected:
        return QStringLiteral("disconnected");
    case Kind::RequestReceived:
        return QStringLiteral("request");
    case Kind::ResponseSent:
        return QStringLiteral("response");
    case Kind::FrameReceived:
        return QStringLiteral("frame in");
    case Kind::FrameSent:
        return QStringLiteral("frame out");
    case Kind::EnginePacketReceived:
        return QStringLiteral("eio in");
    case Kind::EnginePacketSent:
        return QStringLiteral("eio out");
    case Kind::SocketPacketReceived:
        return QStringLiteral("sio in");
    case Kind::SocketPacketSent:
        return QStringLiteral("sio out");
    case Kind::Decision:
        return QStringLiteral("decision");
    case Kind::ScriptLog:
        return QStringLiteral("script");
    case Kind::SessionOpened:
        return QStringLiteral("session");
    case Kind::SessionClosed:
        return QStringLiteral("closed");
    case Kind::Error:
        return QStringLiteral("error");
    }
    return {};
}

} // namespace corslab
