// One row of a run's timeline: who did what, when, at which layer and step, with the full detail.
// Value types only; the recorder stamps times and keeps the order.
#pragma once

#include "cors/browsercors.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <functional>

#include <optional>

namespace corslab {

// The sequence diagram's lanes.
enum class TimelineSide { Page, Browser, Network, Server };

// Which part of the connection an event belongs to (DESIGN §3).
enum class TimelineStep {
    Setup,
    Preflight,
    Handshake,
    Connect,
    Poll,
    Send,
    Upgrade,
    Heartbeat,
    Events,
    Close,
    Verdict
};

enum class TimelineKind {
    Note, // something CorsLab explains (no bytes)
    Request, // an HTTP request or WebSocket handshake leaving the browser
    Response, // its answer as received
    Check, // a CORS check of a response (checkIndex points at it)
    Frame, // a WebSocket frame
    Packet, // an Engine.IO / Socket.IO packet as the page's client sees it
    PageEvent, // what the page's code observes: connect, connect_error, ack
    ServerEvent, // the embedded server's own record of what it did
};

struct TimelineEvent {
    int seq = 0; // position in the run, from 1
    qint64 timeUs = 0; // since the run started
    TimelineSide side = TimelineSide::Page;
    QString layer; // "http", "cors", "websocket", "engine.io", "socket.io", "page", "server"
    TimelineStep step = TimelineStep::Setup;
    TimelineKind kind = TimelineKind::Note;
    int exchange = 0; // groups one request's preflight, request, response and checks (0: none)
    bool outgoing = false; // page/browser → server
    QString method;
    QString url;
    int status = 0;
    QString summary; // one line
    QString detail; // full text: headers, packet, explanation
    QByteArray raw; // the exact bytes, when known
    int checkIndex = -1; // into the run's CORS checks (kind Check)
    std::optional<bool> passed; // kind Check: the request's browser verdict
};

QString timelineSideName(TimelineSide side);
QString timelineStepName(TimelineStep step);
QString timelineKindName(TimelineKind kind);

// Collects a run's events in order with their times, and the CORS checks they refer to.
class TimelineRecorder {
public:
    TimelineRecorder();
    void restart();
    qint64 elapsedUs() const;

    // Stamps seq and time (unless timeUs is already set) and appends; returns the stored event.
    const TimelineEvent &record(TimelineEvent event);
    int addCheck(const CorsCheck &check); // its index
    int nextExchange() { return ++m_exchange; }

    const QList<TimelineEvent> &events() const { return m_events; }
    const QList<CorsCheck> &checks() const { return m_checks; }

    // Called after every record() (the GUI streams from here).
    std::function<void(const TimelineEvent &)> onEvent;

private:
    QElapsedTimer m_clock;
    QList<TimelineEvent> m_events;
    QList<CorsCheck> m_checks;
    int m_exchange = 0;
};

} // namespace corslab
