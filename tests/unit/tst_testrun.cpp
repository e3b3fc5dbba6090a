// TestRun end to end in-process: every bundled example against the embedded server, in Chromium's
// and Firefox's rules (Node profiles in their own), must meet its expect; blocked and refused runs
// must come with a fix proven by a re-run, and the timeline must show what the browser did.
#include "profile/profilefile.h"
#include "run/testrun.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Browser)

namespace {

RunResult runProfile(const Profile &profile, std::optional<Browser> browser, bool proveFix)
{
    RunOptions options;
    options.browser = browser;
    options.proveFix = proveFix;
    return TestRun::runToEnd(profile, options);
}

Profile load(const QString &path)
{
    const ProfileFileResult loaded = ProfileFile::load(path);
    if (!loaded.load.profile)
        qFatal("cannot load %s", qPrintable(path));
    return *loaded.load.profile;
}

bool hasEvent(const RunResult &r, TimelineStep step, TimelineKind kind)
{
    return std::any_of(r.events.cbegin(), r.events.cend(),
        [&](const TimelineEvent &e) { return e.step == step && e.kind == kind; });
}

QStringList shape(const RunResult &r)
{
    QStringList out;
    for (const TimelineEvent &e : r.events) {
        if (e.side == TimelineSide::Server)
            continue;
        out << u"%1 %2 %3 %4 %5 %6"_s
                   .arg(timelineSideName(e.side), timelineStepName(e.step),
                       timelineKindName(e.kind), e.layer, e.method)
                   .arg(e.exchange);
    }
    return out;
}

} // namespace

class TestTestRun : public QObject {
    Q_OBJECT

private slots:
    void examples_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<Browser>("browser");
        const QDir dir(QStringLiteral(CORSLAB_SOURCE_DIR "/resources/profiles"));
        for (const QString &name : dir.entryList({u"*.corslab.json"_s}, QDir::Files, QDir::Name)) {
            const Profile p = load(dir.filePath(name));
            const QList<Browser> browsers = p.client.browser == Browser::Node
                ? QList<Browser> {Browser::Node}
                : QList<Browser> {Browser::Chromium, Browser::Firefox};
            for (const Browser b : browsers)
                QTest::addRow("%s %s", qPrintable(name), qPrintable(browserName(b)))
                    << dir.filePath(name) << b;
        }
    }
    void examples()
    {
        QFETCH(QString, path);
        QFETCH(Browser, browser);
        const Profile profile = load(path);
        const RunResult r = runProfile(profile, browser, true);
        QVERIFY2(r.asExpected,
            qPrintable(u"got %1 %2, expected %3 %4"_s.arg(verdictName(r.verdict.verdict),
                r.verdict.reason, verdictName(profile.expect->verdict), profile.expect->reason)));
        QVERIFY(!r.events.isEmpty());
        QCOMPARE(r.events.constLast().step, TimelineStep::Verdict);
        for (qsizetype i = 1; i < r.events.size(); ++i) {
            QCOMPARE(r.events.at(i).seq, r.events.at(i - 1).seq + 1);
            QVERIFY(r.events.at(i).timeUs >= r.events.at(i - 1).timeUs);
        }
        if (r.verdict.verdict == Verdict::Blocked) {
            QVERIFY(r.verdict.messages);
            QVERIFY2(!r.verdict.messages->chromiumMessage.isEmpty(),
                qPrintable(r.verdict.chromiumReason));
            QVERIFY2(!r.verdict.messages->firefoxMessageEn.isEmpty(),
                qPrintable(r.verdict.firefoxReason));
            QVERIFY(!r.verdict.messages->firefoxMessageZh.isEmpty());
            QCOMPARE(r.client.errorMessage, u"xhr poll error"_s);
            QCOMPARE(r.client.errorDescription, u"0"_s);
            QVERIFY(hasEvent(r,
                r.checks.at(r.verdict.failedCheck).stage == CorsStage::Preflight
                    ? TimelineStep::Preflight
                    : TimelineStep::Handshake,
                TimelineKind::Check));
        }
        if (r.verdict.verdict == Verdict::Connected) {
            QVERIFY(hasEvent(r, TimelineStep::Connect, TimelineKind::PageEvent));
            if (!profile.client.options.extraHeaders.empty() && browser != Browser::Node)
                QVERIFY(hasEvent(r, TimelineStep::Preflight, TimelineKind::Request));
        }
        // Same profile, same events in the same order (timestamps, ids and the server's own
        // records, which interleave by arrival, aside).
        const RunResult second = runProfile(profile, browser, false);
        QCOMPARE(shape(second), shape(r));
        // A fix is offered only when a re-run of it connected.
        if (r.fix) {
            const RunResult again = runProfile(r.fix->profile, browser, false);
            QCOMPARE(verdictName(again.verdict.verdict), u"connected"_s);
            QVERIFY(!r.fix->codeDiff.isEmpty());
        }
    }

    // Behind a balancer without stickiness the page's error message is a race between requests;
    // the run says so (the browser test accepts either message only with this note).
    void balancerRaceIsNamed()
    {
        const QString dir = QStringLiteral(CORSLAB_SOURCE_DIR "/resources/profiles/");
        const RunResult refused
            = runProfile(load(dir + u"load-balancer-without-sticky-sessions.corslab.json"_s),
                Browser::Firefox, false);
        QCOMPARE(refused.verdict.reason, u"Session ID unknown"_s);
        const auto hasRaceNote = [](const RunResult &r) {
            return std::any_of(r.verdict.notes.cbegin(), r.verdict.notes.cend(),
                [](const RunNote &n) { return n.code == u"balancer-race"_s; });
        };
        QVERIFY(hasRaceNote(refused));
        QVERIFY(refused.client.errorMessage == u"xhr post error"_s
            || refused.client.errorMessage == u"xhr poll error"_s);
        const RunResult sticky
            = runProfile(load(dir + u"load-balancer-with-cookie-stickiness.corslab.json"_s),
                Browser::Firefox, false);
        QCOMPARE(verdictName(sticky.verdict.verdict), u"connected"_s);
        QVERIFY(!hasRaceNote(sticky));
    }

    // Every blocked example gets a proven fix (the refusals by user code may not).
    void blockedExamplesHaveFixes()
    {
        const QDir dir(QStringLiteral(CORSLAB_SOURCE_DIR "/resources/profiles"));
        QStringList missing;
        for (const QString &name : dir.entryList({u"*.corslab.json"_s}, QDir::Files, QDir::Name)) {
            const Profile p = load(dir.filePath(name));
            if (!p.expect || p.expect->verdict != Verdict::Blocked)
                continue;
            const RunResult r = runProfile(p, std::nullopt, true);
            if (!r.fix)
                missing << name + u": "_s + r.fixAttempts.join(u"; "_s);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
    }

    void cancelStopsARun()
    {
        Profile p = load(QStringLiteral(
            CORSLAB_SOURCE_DIR "/resources/profiles/allow-request-never-answers.corslab.json"));
        TestRun run(p, {});
        QSignalSpy finished(&run, &TestRun::finished);
        run.start();
        QTest::qWait(50);
        QVERIFY(run.isRunning());
        run.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!run.isRunning());
    }

    void unreachableServer()
    {
        Profile p;
        p.client.pageOrigin = u"http://localhost:3000"_s;
        p.client.url = u"http://127.0.0.1:1"_s;
        const RunResult r = runProfile(p, Browser::Chromium, false);
        QCOMPARE(r.verdict.verdict, Verdict::NetworkError);
        QCOMPARE(r.verdict.reason, u"net::ERR_CONNECTION_REFUSED"_s);
        QCOMPARE(r.client.errorMessage, u"xhr poll error"_s);
        QCOMPARE(r.client.errorDescription, u"0"_s);
    }
};

QTEST_GUILESS_MAIN(TestTestRun)
#include "tst_testrun.moc"
