#include "timelineevent.h"

namespace corslab {

QString timelineSideName(TimelineSide side)
{
    switch (side) {
    case TimelineSide::Page:
        return QStringLiteral("page");
    case TimelineSide::Browser:
        return QStringLiteral("browser");
    case TimelineSide::Network:
        return QStringLiteral("network");
    case TimelineSide::Server:
        return QStringLiteral("server");
    }
    return {};
}

QString timelineStepName(TimelineStep step)
{
    switch (step) {
    case TimelineStep::Setup:
        return QStringLiteral("setup");
    case TimelineStep::Preflight:
        return QStringLiteral("preflight");
    case TimelineStep::Handshake:
        return QStringLiteral("handshake");
    case TimelineStep::Connect:
        return QStringLiteral("connect");
    case TimelineStep::Poll:
        return QStringLiteral("poll");
    case TimelineStep::Send:
        return QStringLiteral("send");
    case TimelineStep::Upgrade:
        return QStringLiteral("upgrade");
    case TimelineStep::Heartbeat:
        return QStringLiteral("heartbeat");
    case TimelineStep::Events:
        return QStringLiteral("events");
    case TimelineStep::Close:
        return QStringLiteral("close");
    case TimelineStep::Verdict:
        return QStringLiteral("verdict");
    }
    return {};
}

QString timelineKindName(TimelineKind kind)
{
    switch (kind) {
    case TimelineKind::Note:
        return QStringLiteral("note");
    case TimelineKind::Request:
        return QStringLiteral("request");
    case TimelineKind::Response:
        return QStringLiteral("response");
    case TimelineKind::Check:
        return QStringLiteral("cors-check");
    case TimelineKind::Frame:
        return QStringLiteral("frame");
    case TimelineKind::Packet:
        return QStringLiteral("packet");
    case TimelineKind::PageEvent:
        return QStringLiteral("page-event");
    case TimelineKind::ServerEvent:
        return QStringLiteral("server");
    }
    return {};
}

TimelineRecorder::TimelineRecorder()
{
    m_clock.start();
}

void TimelineRecorder::restart()
{
    m_events.clear();
    m_checks.clear();
    m_exchange = 0;
    m_clock.restart();
}

qint64 TimelineRecorder::elapsedUs() const
{
    return m_clock.nsecsElapsed() / 1000;
}

const TimelineEvent &TimelineRecorder::record(TimelineEvent event)
{
    event.seq = int(m_events.size()) + 1;
    if (event.timeUs == 0)
        event.timeUs = elapsedUs();
    m_events.append(std::move(event));
    if (onEvent)
        onEvent(m_events.constLast());
    return m_events.constLast();
}

int TimelineRecorder::addCheck(const CorsCheck &check)
{
    m_checks.append(check);
    return int(m_checks.size()) - 1;
}

} // namespace corslab
