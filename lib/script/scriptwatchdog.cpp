// The watchdog thread of the script sandbox.
#include "scriptwatchdog.h"

#include <QJSEngine>

#include <utility>

namespace corslab {

using Clock = std::chrono::steady_clock;

ScriptWatchdog::ScriptWatchdog(QJSEngine *engine)
    : m_engine(engine)
    , m_lastBeat(Clock::now())
    , m_thread([this] { run(); })
{ }

ScriptWatchdog::~ScriptWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ScriptWatchdog::arm(std::chrono::milliseconds limit)
{
    {
        std::lock_guard lock(m_mutex);
        m_armed = true;
        m_fired = false;
        m_deadline = Clock::now() + limit;
    }
    m_changed.notify_all();
}

bool ScriptWatchdog::disarm()
{
    bool fired = false;
    {
        std::lock_guard lock(m_mutex);
        m_armed = false;
        // Time spent in an armed call is not a stall.
        m_lastBeat = Clock::now();
        fired = std::exchange(m_fired, false);
    }
    // After firing, the thread waits without a deadline; wake it to watch for stalls again.
    if (fired)
        m_changed.notify_all();
    return fired;
}

void ScriptWatchdog::setStallLimit(std::chrono::milliseconds limit)
{
    {
        std::lock_guard lock(m_mutex);
        m_stallLimit = limit;
        m_lastBeat = Clock::now();
    }
    m_changed.notify_all();
}

bool ScriptWatchdog::beat()
{
    bool fired = false;
    {
        std::lock_guard lock(m_mutex);
        m_lastBeat = Clock::now();
        fired = std::exchange(m_stallFired, false);
    }
    if (fired)
        m_changed.notify_all();
    return fired;
}

void ScriptWatchdog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const auto now = Clock::now();
        if (m_armed && !m_fired && now >= m_deadline) {
            m_engine->setInterrupted(true);
            m_fired = true;
        } else if (!m_armed && !m_stallFired && m_stallLimit.count() > 0
            && now - m_lastBeat >= m_stallLimit) {
            m_engine->setInterrupted(true);
            m_stallFired = true;
        }
        if (m_armed && !m_fired)
            m_changed.wait_until(lock, m_deadline);
        else if (!m_armed && !m_stallFired && m_stallLimit.count() > 0)
            m_changed.wait_until(lock, m_lastBeat + m_stallLimit);
        else
            m_changed.wait(lock);
    }
}

} // namespace corslab
