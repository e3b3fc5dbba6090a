// RunJudge: the verdict and reason from what the client saw, and whether it meets an expect.
#include "run/runresult.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Browser)
Q_DECLARE_METATYPE(Verdict)

namespace {

CorsCheck failedCheck(const QString &chromium, const QString &firefox)
{
    CorsCheck c;
    c.stage = CorsStage::Response;
    c.chromium.passed = false;
    c.chromium.reason = {chromium, u"*"_s};
    c.firefox.passed = false;
    c.firefox.reason = {firefox, std::nullopt};
    return c;
}

} // namespace

class TestRunJudge : public QObject {
    Q_OBJECT

private slots:
    void judge_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<Browser>("browser");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<QString>("reason");
        QTest::newRow("connected") << 0 << Browser::Chromium << Verdict::Connected << QString();
        QTest::newRow("blocked, Chromium's code")
            << 1 << Browser::Chromium << Verdict::Blocked << u"WildcardOriginNotAllowed"_s;
        QTest::newRow("blocked, Firefox's key")
            << 1 << Browser::Firefox << Verdict::Blocked << u"CORSNotSupportingCredentials"_s;
        QTest::newRow("readable 400: the server's message")
            << 2 << Browser::Chromium << Verdict::Refused << u"Transport unknown"_s;
        QTest::newRow("403 without a JSON body")
            << 3 << Browser::Chromium << Verdict::Refused << u"HTTP 403"_s;
        QTest::newRow("CONNECT_ERROR from middleware")
            << 4 << Browser::Firefox << Verdict::Refused << u"not authorized"_s;
        QTest::newRow("connect timeout")
            << 5 << Browser::Chromium << Verdict::Timeout << u"timeout"_s;
        QTest::newRow("connection refused")
            << 6 << Browser::Chromium << Verdict::NetworkError << u"net::ERR_CONNECTION_REFUSED"_s;
        QTest::newRow("websocket-only refused handshake")
            << 7 << Browser::Chromium << Verdict::Refused << u"Forbidden"_s;
    }
    void judge()
    {
        QFETCH(int, scenario);
        QFETCH(Browser, browser);
        QFETCH(Verdict, verdict);
        QFETCH(QString, reason);
        ClientOutcome c;
        QList<CorsCheck> checks {
            failedCheck(u"WildcardOriginNotAllowed"_s, u"CORSNotSupportingCredentials"_s)};
        switch (scenario) {
        case 0:
            c.connected = true;
            c.transport = u"websocket"_s;
            break;
        case 1:
            c.hasConnectError = true;
            c.errorMessage = u"xhr poll error"_s;
            c.errorDescription = u"0"_s;
            c.errorType = u"TransportError"_s;
            c.failedCheck = 0;
            break;
        case 2:
            c.hasConnectError = true;
            c.errorMessage = u"xhr poll error"_s;
            c.errorType = u"TransportError"_s;
            c.httpStatus = 400;
            c.serverMessage = u"Transport unknown"_s;
            break;
        case 3:
            c.hasConnectError = true;
            c.errorType = u"TransportError"_s;
            c.httpStatus = 403;
            break;
        case 4:
            c.hasConnectError = true;
            c.errorMessage = u"not authorized"_s;
            c.errorType = u"Error"_s;
            break;
        case 5:
            c.hasConnectError = true;
            c.errorMessage = u"timeout"_s;
            c.errorType = u"Error"_s;
            c.timedOut = true;
            break;
        case 6:
            c.hasConnectError = true;
            c.errorMessage = u"xhr poll error"_s;
            c.errorType = u"TransportError"_s;
            c.netError = u"net::ERR_CONNECTION_REFUSED"_s;
            break;
        case 7:
            c.hasConnectError = true;
            c.errorMessage = u"websocket error"_s;
            c.errorType = u"TransportError"_s;
            c.webSocketStatus = 403;
            c.serverMessage = u"Forbidden"_s;
            break;
        }
        const RunVerdict v = RunJudge::judge(c, checks, browser);
        QCOMPARE(v.verdict, verdict);
        QCOMPARE(v.reason, reason);
        if (verdict == Verdict::Blocked) {
            QCOMPARE(v.chromiumReason, u"WildcardOriginNotAllowed"_s);
            QCOMPARE(v.firefoxReason, u"CORSNotSupportingCredentials"_s);
            QCOMPARE(v.failedCheck, 0);
        }
    }

    void meets_data()
    {
        QTest::addColumn<QString>("expectVerdict");
        QTest::addColumn<QString>("expectReason");
        QTest::addColumn<bool>("meets");
        QTest::newRow("verdict alone") << u"blocked"_s << QString() << true;
        QTest::newRow("Chromium name in a Firefox run")
            << u"blocked"_s << u"MissingAllowOriginHeader"_s << true;
        QTest::newRow("Firefox key") << u"blocked"_s << u"CORSMissingAllowOrigin2"_s << true;
        QTest::newRow("other reason") << u"blocked"_s << u"AllowOriginMismatch"_s << false;
        QTest::newRow("other verdict") << u"refused"_s << QString() << false;
        QTest::newRow("no expect means connected") << QString() << QString() << false;
    }
    void meets()
    {
        QFETCH(QString, expectVerdict);
        QFETCH(QString, expectReason);
        QFETCH(bool, meets);
        RunVerdict v;
        v.verdict = Verdict::Blocked;
        v.reason = u"CORSMissingAllowOrigin2"_s;
        v.chromiumReason = u"MissingAllowOriginHeader"_s;
        v.firefoxReason = u"CORSMissingAllowOrigin2"_s;
        std::optional<Expectation> expect;
        if (!expectVerdict.isEmpty()) {
            expect = Expectation {};
            expect->verdict = *verdictFromName(expectVerdict);
            expect->reason = expectReason;
        }
        QCOMPARE(RunJudge::meets(v, expect), meets);
    }
};

QTEST_GUILESS_MAIN(TestRunJudge)
#include "tst_runjudge.moc"
