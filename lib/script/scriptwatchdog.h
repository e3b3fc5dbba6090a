// A thread that interrupts a QJSEngine whose JavaScript runs too long (the engine's own thread
// is blocked then, so nothing on it, not even a QTimer, can stop it).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

class QJSEngine;

namespace corslab {

// Two guards, both ending in QJSEngine::setInterrupted(true), which is thread-safe:
//  - arm()/disarm() around each call the sandbox makes into JavaScript: interrupt at the
//    deadline;
//  - beat(), called by a QTimer on the engine's thread while it is not inside such a call:
//    when no beat comes for the stall limit, the thread is stuck in JavaScript the sandbox did
//    not start itself (a Promise reaction, which QJSEngine runs from a posted event).
class ScriptWatchdog {
public:
    explicit ScriptWatchdog(QJSEngine *engine);
    ~ScriptWatchdog();
    ScriptWatchdog(const ScriptWatchdog &) = delete;
    ScriptWatchdog &operator=(const ScriptWatchdog &) = delete;

    void arm(std::chrono::milliseconds limit);
    // True when the deadline passed and the engine was interrupted. The caller clears the
    // engine's interrupted flag.
    bool disarm();

    // 0 turns stall detection off.
    void setStallLimit(std::chrono::milliseconds limit);
    // True when a stall interrupt happened since the last beat; the caller clears the flag.
    bool beat();

private:
    void run();

    QJSEngine *m_engine;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_stopping = false;
    bool m_armed = false;
    bool m_fired = false;
    bool m_stallFired = false;
    std::chrono::steady_clock::time_point m_deadline;
    std::chrono::steady_clock::time_point m_lastBeat;
    std::chrono::milliseconds m_stallLimit {0};
    std::thread m_thread; // last: starts once everything above is set up
};

} // namespace corslab
