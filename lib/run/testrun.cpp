#include "testrun.h"

#include <QEventLoop>

#include "server/embeddedserver.h"
#include "server/serverevent.h"

#include <ctime>

namespace corslab {

static qint64 cpuNowUs()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

TimelineEvent timelineEventFromServer(const ServerEvent &event)
{
    TimelineEvent e;
    e.side = TimelineSide::Server;
    e.layer = event.layer.isEmpty() ? QStringLiteral("server") : event.layer;
    e.kind = TimelineKind::ServerEvent;
    e.step = TimelineStep::Events;
    e.summary = event.summary;
    e.detail = event.detail;
    e.raw = event.bytes;
    return e;
}

TestRun::TestRun(const Profile &profile, const RunOptions &options, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_options(options)
{
    m_result.profile = profile;
    m_result.browser = options.browser.value_or(profile.client.browser);
    m_overall.setSingleShot(true);
    connect(&m_overall, &QTimer::timeout, this, [this] {
        if (m_client) {
            m_result.client = m_client->outcome();
            if (!m_result.client.connected && !m_result.client.hasConnectError)
                m_result.client.timedOut = true;
            m_client->stop();
        }
        conclude();
    });
    m_recorder.onEvent = [this](const TimelineEvent &e) { emit eventRecorded(e); };
}

TestRun::~TestRun()
{
    if (m_client)
        m_client->stop();
}

RunResult TestRun::runToEnd(
    const Profile &profile, const RunOptions &options, const QString &profilePath)
{
    TestRun run(profile, options);
    run.setProfilePath(profilePath);
    QEventLoop loop;
    QObject::connect(&run, &TestRun::finished, &loop, &QEventLoop::quit);
    run.start();
    if (run.isRunning())
        loop.exec();
    return run.result();
}

void TestRun::start()
{
    m_running = true;
    m_cpuStart = cpuNowUs();
    m_recorder.restart();
    const ClientOptions &c = m_profile.client;
    QString url = c.url;
    if (c.url == ClientOptions::EmbeddedUrl) {
        ServerOptions server = m_profile.server;
        m_server = std::make_unique<EmbeddedServer>(server);
        connect(m_server.get(), &EmbeddedServer::eventRecorded, this, &TestRun::onServerEvent);
        QString error;
        if (!m_server->listen(&error)) {
            m_result.setupError
                = QStringLiteral("the embedded server could not start: %1").arg(error);
            m_result.client.hasConnectError = true;
            m_result.client.netError = QStringLiteral("net::ERR_CONNECTION_REFUSED");
            conclude();
            return;
        }
        for (const QString &problem : m_server->setupErrors()) {
            TimelineEvent e;
            e.side = TimelineSide::Server;
            e.layer = QStringLiteral("script");
            e.kind = TimelineKind::ServerEvent;
            e.summary = QStringLiteral("setup warning: %1").arg(problem);
            m_recorder.record(e);
        }
        url = m_server->publicUrl().toString();
    }
    m_result.serverUrl = url;
    QString pageOrigin = c.pageOrigin;
    if (pageOrigin == ClientOptions::SameOrigin)
        pageOrigin = BrowserOrigin::fromUrl(url).serialize();
    m_result.pageOrigin = pageOrigin;
    m_session = std::make_unique<BrowserSession>(m_result.browser, pageOrigin, &m_recorder);
    if (m_server) {
        // The page and the embedded server are modelled on one network (as in a developer's
        // setup, and as the browser tests serve them): Local Network Access does not apply.
        m_session->pageAddress = QStringLiteral("127.0.0.1");
        m_session->targetAddress = QStringLiteral("127.0.0.1");
    } else {
        m_session->localNetworkPermission = LocalNetworkPermission::Granted;
    }
    m_client
        = new SocketIoClient(m_session.get(), url, c.namespaceName, c.options, c.emitSteps, this);
    connect(m_client, &SocketIoClient::finished, this, &TestRun::onClientFinished,
        Qt::QueuedConnection);
    m_overall.start(m_options.overallTimeoutMs);
    m_client->start();
}

void TestRun::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_fixRun)
        m_fixRun->cancel();
    if (m_client) {
        m_result.client = m_client->outcome();
        m_client->stop();
    }
    m_candidates.clear();
    conclude();
}

void TestRun::onServerEvent(const ServerEvent &event)
{
    if (event.kind == ServerEvent::Kind::Listening)
        return;
    if (event.kind == ServerEvent::Kind::SessionOpened && !event.sessionId.isEmpty())
        m_result.serverSessions << event.sessionId;
    TimelineEvent e = timelineEventFromServer(event);
    // The step of the client's last event is the one the server is answering.
    if (!m_recorder.events().isEmpty())
        e.step = m_recorder.events().constLast().step;
    m_recorder.record(e);
}

void TestRun::onClientFinished()
{
    if (!m_running || !m_client)
        return;
    m_result.client = m_client->outcome();
    m_client->stop();
    conclude();
}

void TestRun::conclude()
{
    if (!m_running)
        return;
    m_overall.stop();
    if (m_client)
        m_client->disconnect(this);
    if (m_server) {
        m_server->disconnect(this);
        m_server->close();
    }
    m_result.events = m_recorder.events();
    m_result.checks = m_recorder.checks();
    m_result.verdict = RunJudge::judge(m_result.client, m_result.checks, m_result.browser);
    if (!m_result.setupError.isEmpty() && m_result.verdict.reason.isEmpty())
        m_result.verdict.reason = m_result.setupError;
    if (m_result.verdict.failedCheck >= 0)
        m_result.verdict.messages = RunJudge::messagesFor(
            m_result.checks.at(m_result.verdict.failedCheck), m_result.pageOrigin);
    m_result.verdict.notes = RunJudge::notesFor(m_profile, m_result);
    m_result.asExpected = RunJudge::meets(m_result.verdict, m_profile.expect);
    m_result.wallUs = m_recorder.elapsedUs();
    m_result.cpuUs = cpuNowUs() - m_cpuStart;
    TimelineEvent e;
    e.side = TimelineSide::Page;
    e.layer = QStringLiteral("verdict");
    e.step = TimelineStep::Verdict;
    e.kind = TimelineKind::Note;
    e.summary = QStringLiteral("verdict: %1%2")
                    .arg(verdictName(m_result.verdict.verdict),
                        m_result.verdict.reason.isEmpty()
                            ? QString()
                            : QStringLiteral(" (%1)").arg(m_result.verdict.reason));
    m_recorder.record(e);
    m_result.events = m_recorder.events();
    if (!m_cancelled && m_options.proveFix && m_result.verdict.verdict != Verdict::Connected)
        m_candidates = fixCandidates(m_profile, m_result, m_options.maxFixCandidates);
    tryNextFix();
}

void TestRun::tryNextFix()
{
    if (m_cancelled || m_candidates.isEmpty()) {
        done();
        return;
    }
    const ProvenFix candidate = m_candidates.takeFirst();
    RunOptions options = m_options;
    options.proveFix = false;
    m_fixRun = new TestRun(candidate.profile, options, this);
    connect(
        m_fixRun, &TestRun::finished, this,
        [this, candidate] {
            TestRun *run = m_fixRun;
            const bool green = run->result().verdict.verdict == Verdict::Connected;
            run->deleteLater();
            if (green) {
                m_result.fix = candidate;
                m_result.fix->candidatesTried = int(m_result.fixAttempts.size()) + 1;
                m_candidates.clear();
                done();
                return;
            }
            m_result.fixAttempts << QStringLiteral("%1 → %2 %3")
                                        .arg(candidate.title,
                                            verdictName(run->result().verdict.verdict),
                                            run->result().verdict.reason);
            tryNextFix();
        },
        Qt::QueuedConnection);
    m_fixRun->start();
}

void TestRun::done()
{
    if (!m_running)
        return;
    m_running = false;
    emit finished();
}

} // namespace corslab
