// One run of a profile: the embedded server (or the external URL), the browser-emulating client,
// the ordered timeline, the verdict, and — when the run is not green — the proven fix (each
// candidate of the FixAdvisor re-run until one connects). Asynchronous on the caller's event loop:
// never blocks it, bounded by timeouts, cancellable.
#pragma once

#include "runresult.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace corslab {

class EmbeddedServer;
struct ServerEvent;

// A ServerEvent as a timeline row (side Server, kind ServerEvent, step Events, the server's own
// layer, summary, detail and bytes); the caller sets seq, time and step when it knows better.
TimelineEvent timelineEventFromServer(const ServerEvent &event);

struct RunOptions {
    std::optional<Browser> browser; // overrides the profile's client.browser
    bool proveFix = true; // look for a fix that re-runs green when the run is not connected
    int maxFixCandidates = 8;
    int overallTimeoutMs = 60000; // the whole run, fix search excluded
};

class TestRun : public QObject {
    Q_OBJECT

public:
    TestRun(const Profile &profile, const RunOptions &options, QObject *parent = nullptr);
    ~TestRun() override;

    // The whole run on a local event loop, for callers that wait for the verdict (the CLI, tests);
    // the app uses start() and finished() so its window stays live.
    static RunResult runToEnd(
        const Profile &profile, const RunOptions &options, const QString &profilePath = {});

    void setProfilePath(const QString &path) { m_result.profilePath = path; }
    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const RunResult &result() const { return m_result; }

signals:
    void eventRecorded(const corslab::TimelineEvent &event);
    void finished();

private:
    void onServerEvent(const ServerEvent &event);
    void onClientFinished();
    void conclude();
    void tryNextFix();
    void done();

    Profile m_profile;
    RunOptions m_options;
    RunResult m_result;
    TimelineRecorder m_recorder;
    std::unique_ptr<BrowserSession> m_session;
    std::unique_ptr<EmbeddedServer> m_server;
    QPointer<SocketIoClient> m_client;
    QTimer m_overall;
    bool m_running = false;
    bool m_cancelled = false;
    qint64 m_cpuStart = 0;
    // The fix search
    QList<ProvenFix> m_candidates; // not yet proven
    QPointer<TestRun> m_fixRun;
    int m_nextCandidate = 0;
};

} // namespace corslab
