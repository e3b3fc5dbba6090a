// HarReader and HarImport: hand-written HAR fixtures (tests/data/har/) judged again in each
// browser, the timeline's order, the inferred profile, errors with their JSON paths and positions,
// and the round trip live run → HarWriter → HarImport giving the same timeline and verdict.
#include "har/harimport.h"
#include "har/harwriter.h"
#include "profile/profilefile.h"
#include "profile/profilereader.h"
#include "profile/profilewriter.h"
#include "run/testrun.h"

#include <QFile>
#include <QTest>
#include <QUrlQuery>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Browser)

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(CORSLAB_SOURCE_DIR "/tests/data/har/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return f.readAll();
}

HarImportResult importFixture(const QString &name, std::optional<Browser> browser = {})
{
    HarImportOptions options;
    options.browser = browser;
    options.sourceName = name;
    return HarImport::fromBytes(fixture(name), options);
}

QString stepKind(const TimelineEvent &e)
{
    return timelineStepName(e.step) + u'/' + timelineKindName(e.kind);
}

// The wire as the timeline shows it: each request (in the order they were sent) with the status
// of its response. A HAR holds one entry per exchange, so the interleaving of concurrent requests
// and responses is not kept; WebSocket control frames (close, ping) are not in it either (DevTools'
// _webSocketMessages carries data frames).
QStringList wire(const RunResult &r)
{
    QStringList out;
    for (const TimelineEvent &e : r.events) {
        if (e.kind != TimelineKind::Request)
            continue;
        int status = -1;
        for (const TimelineEvent &x : r.events) {
            if (x.kind == TimelineKind::Response && x.exchange == e.exchange && x.step == e.step)
                status = x.status;
        }
        QUrl url(e.url);
        url.setPort(-1); // the embedded server's port differs between runs
        QUrlQuery q(url);
        q.removeAllQueryItems(u"t"_s); // engine.io-client's cache buster
        q.removeAllQueryItems(u"sid"_s);
        url.setQuery(q);
        out << u"%1 %2 %3 → %4"_s.arg(timelineStepName(e.step), e.method, url.toString())
                   .arg(status);
    }
    return out;
}

// The Engine.IO and Socket.IO packets the page sent and received (over polling bodies and WebSocket
// messages alike), in order, without the session ids.
QStringList packets(const RunResult &r)
{
    QStringList out;
    for (const TimelineEvent &e : r.events) {
        if (e.kind == TimelineKind::Packet)
            out << timelineStepName(e.step) + u' ' + e.summary.section(u' ', 0, 1);
    }
    return out;
}

RunResult runProfile(const Profile &profile, Browser browser)
{
    RunOptions options;
    options.browser = browser;
    options.proveFix = false;
    return TestRun::runToEnd(profile, options);
}

} // namespace

class TestHarImport : public QObject {
    Q_OBJECT

private slots:
    void verdicts_data();
    void verdicts();
    void eventOrder();
    void websocketFrames();
    void inferredProfile();
    void inferredProfileLoads_data();
    void inferredProfileLoads();
    void statusZeroIsSaidHonestly();
    void errors_data();
    void errors();
    void tooLarge();
    void preflightAndEngineUrls();
    void roundTrip_data();
    void roundTrip();
};

void TestHarImport::verdicts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("browser"); // "" = the browser that recorded it
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("judgedWith");

    QTest::newRow("connected") << u"chrome-connected.har"_s << QString() << u"connected"_s
                               << QString() << u"chromium"_s;
    QTest::newRow("missing ACAO, chromium")
        << u"chrome-missing-acao.har"_s << QString() << u"blocked"_s
        << u"MissingAllowOriginHeader"_s << u"chromium"_s;
    QTest::newRow("missing ACAO, as firefox")
        << u"chrome-missing-acao.har"_s << u"firefox"_s << u"blocked"_s
        << u"CORSMissingAllowOrigin2"_s << u"firefox"_s;
    QTest::newRow("wildcard + credentials")
        << u"chrome-wildcard-credentials.har"_s << QString() << u"blocked"_s
        << u"WildcardOriginNotAllowed"_s << u"chromium"_s;
    QTest::newRow("wildcard + credentials, as firefox")
        << u"chrome-wildcard-credentials.har"_s << u"firefox"_s << u"blocked"_s
        << u"CORSNotSupportingCredentials"_s << u"firefox"_s;
    QTest::newRow("header not allowed")
        << u"chrome-header-not-allowed.har"_s << QString() << u"blocked"_s
        << u"HeaderDisallowedByPreflightResponse"_s << u"chromium"_s;
    QTest::newRow("header not allowed, as firefox")
        << u"chrome-header-not-allowed.har"_s << u"firefox"_s << u"blocked"_s
        << u"CORSMissingAllowHeaderFromPreflight2"_s << u"firefox"_s;
    QTest::newRow("origin mismatch") << u"chrome-origin-mismatch.har"_s << QString() << u"blocked"_s
                                     << u"AllowOriginMismatch"_s << u"chromium"_s;
    QTest::newRow("origin mismatch, as firefox")
        << u"chrome-origin-mismatch.har"_s << u"firefox"_s << u"blocked"_s
        << u"CORSAllowOriginNotMatchingOrigin"_s << u"firefox"_s;
    QTest::newRow("websocket only") << u"chrome-websocket-only.har"_s << QString() << u"connected"_s
                                    << QString() << u"chromium"_s;
    QTest::newRow("websocket only, as firefox") << u"chrome-websocket-only.har"_s << u"firefox"_s
                                                << u"connected"_s << QString() << u"firefox"_s;
    QTest::newRow("refused by middleware") << u"chrome-refused-auth.har"_s << QString()
                                           << u"refused"_s << u"not authorized"_s << u"chromium"_s;
    QTest::newRow("status 0, no headers")
        << u"chrome-status-zero.har"_s << QString() << u"network-error"_s << u"net::ERR_FAILED"_s
        << u"chromium"_s;
    QTest::newRow("firefox recording") << u"firefox-missing-acao.har"_s << QString() << u"blocked"_s
                                       << u"CORSMissingAllowOrigin2"_s << u"firefox"_s;
    QTest::newRow("firefox recording, as chromium")
        << u"firefox-missing-acao.har"_s << u"chromium"_s << u"blocked"_s
        << u"MissingAllowOriginHeader"_s << u"chromium"_s;
}

void TestHarImport::verdicts()
{
    QFETCH(QString, file);
    QFETCH(QString, browser);
    QFETCH(QString, verdict);
    QFETCH(QString, reason);
    QFETCH(QString, judgedWith);
    const HarImportResult r
        = importFixture(file, browser.isEmpty() ? std::nullopt : browserFromName(browser));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(browserName(r.run.browser), judgedWith);
    QCOMPARE(verdictName(r.run.verdict.verdict), verdict);
    QCOMPARE(r.run.verdict.reason, reason);
    // A blocked verdict points at the failing check, which the timeline shows as failed.
    if (verdict == u"blocked"_s) {
        QVERIFY(r.run.verdict.failedCheck >= 0);
        QVERIFY(r.run.verdict.messages.has_value());
        bool shown = false;
        for (const TimelineEvent &e : r.run.events)
            shown = shown
                || (e.kind == TimelineKind::Check && e.checkIndex == r.run.verdict.failedCheck
                    && e.passed == false);
        QVERIFY(shown);
    }
    QCOMPARE(r.run.events.constLast().step, TimelineStep::Verdict);
    QCOMPARE(r.profile.expect->verdict, r.run.verdict.verdict);
}

void TestHarImport::eventOrder()
{
    const HarImportResult r = importFixture(u"chrome-connected.har"_s);
    QStringList got;
    for (const TimelineEvent &e : r.run.events) {
        if (e.kind == TimelineKind::Request || e.kind == TimelineKind::Response
            || e.kind == TimelineKind::Packet || e.kind == TimelineKind::PageEvent)
            got << stepKind(e) + u' ' + e.summary.section(u' ', 0, 1);
    }
    const QStringList expected = {
        u"setup/page-event io(\"http://localhost:4000\", options)"_s,
        u"handshake/request GET /socket.io/?EIO=4&transport=polling&t=pA1x"_s,
        u"handshake/response 200 OK"_s,
        u"handshake/packet ← open"_s,
        u"connect/packet → CONNECT"_s,
        u"connect/request POST /socket.io/?EIO=4&transport=polling&t=pA2y&sid=Q3J4aW5nSGFy"_s,
        u"connect/response 200 OK"_s,
        u"poll/request GET /socket.io/?EIO=4&transport=polling&t=pA3z&sid=Q3J4aW5nSGFy"_s,
        u"poll/response 200 OK"_s,
        u"connect/packet ← CONNECT"_s,
        u"connect/page-event connect (socket.id"_s,
        u"upgrade/request GET /socket.io/?EIO=4&transport=websocket&sid=Q3J4aW5nSGFy"_s,
        u"upgrade/response 101 Switching"_s,
        u"upgrade/packet → ping"_s,
        u"upgrade/packet ← pong"_s,
        u"upgrade/packet → upgrade"_s,
        u"upgrade/page-event upgraded to"_s,
    };
    QCOMPARE(got, expected);
    // Sequence numbers and times never go backwards; checks point into run.checks.
    for (qsizetype i = 1; i < r.run.events.size(); ++i) {
        QCOMPARE(r.run.events.at(i).seq, r.run.events.at(i - 1).seq + 1);
        QVERIFY(r.run.events.at(i).timeUs >= r.run.events.at(i - 1).timeUs);
    }
    for (const TimelineEvent &e : r.run.events) {
        if (e.kind == TimelineKind::Check)
            QVERIFY(e.checkIndex >= 0 && e.checkIndex < r.run.checks.size());
    }
    QCOMPARE(r.run.checks.size(), 3); // one per HTTP request; WebSocket has no CORS check
    QCOMPARE(r.run.verdict.transport, u"polling"_s); // connect came before the upgrade
    QCOMPARE(r.run.client.engineId, u"Q3J4aW5nSGFy"_s);
    QCOMPARE(r.run.client.socketId, u"c29ja2V0LWlk"_s);
}

void TestHarImport::websocketFrames()
{
    const HarImportResult r = importFixture(u"chrome-websocket-only.har"_s);
    QCOMPARE(r.run.checks.size(), 0);
    QCOMPARE(r.run.verdict.transport, u"websocket"_s);
    QCOMPARE(r.run.client.engineId, u"V2ViU29ja2V0"_s);
    QCOMPARE(r.run.events.at(0).step, TimelineStep::Setup);
    QCOMPARE(r.run.events.at(1).kind, TimelineKind::Request);
    QCOMPARE(r.run.events.at(1).layer, u"websocket"_s);
    QCOMPARE(r.run.events.at(1).step, TimelineStep::Handshake);
    QCOMPARE(r.run.events.at(1).side, TimelineSide::Browser);
    QCOMPARE(r.run.events.at(2).side, TimelineSide::Network);
    QCOMPARE(r.run.events.at(2).status, 101);
    QCOMPARE(r.run.events.at(3).summary.left(6), u"← open"_s);
    QCOMPARE(r.run.events.at(4).summary, u"→ CONNECT 0"_s);
    QCOMPARE(r.profile.client.options.transports, QStringList {u"websocket"_s});
    QVERIFY(std::any_of(r.run.verdict.notes.begin(), r.run.verdict.notes.end(),
        [](const RunNote &n) { return n.code == u"websocket-only-hides-cors"_s; }));
}

void TestHarImport::inferredProfile()
{
    {
        const HarImportResult r = importFixture(u"chrome-connected.har"_s);
        const Profile &p = r.profile;
        QCOMPARE(p.server.path, u"/socket.io"_s);
        QVERIFY(p.server.addTrailingSlash);
        QVERIFY(p.server.cors.has_value());
        QCOMPARE(std::get<QString>(p.server.cors->origin), u"http://localhost:3000"_s);
        QVERIFY(!p.server.cors->credentials);
        QCOMPARE(p.client.pageOrigin, u"http://localhost:3000"_s);
        QCOMPARE(p.client.browser, Browser::Chromium);
        QVERIFY(!p.client.options.withCredentials);
        QVERIFY(p.client.options.extraHeaders.empty());
        QCOMPARE(p.client.url, ClientOptions::EmbeddedUrl);
    }
    {
        const HarImportResult r = importFixture(u"chrome-missing-acao.har"_s);
        QVERIFY(!r.profile.server.cors.has_value());
    }
    {
        const HarImportResult r = importFixture(u"chrome-wildcard-credentials.har"_s);
        QCOMPARE(std::get<QString>(r.profile.server.cors->origin), u"*"_s);
        QVERIFY(r.profile.server.cors->credentials);
        QVERIFY(r.profile.client.options.withCredentials);
        bool explained = false;
        for (const HarInference &i : r.inferences)
            explained = explained
                || (i.field == u"client.options.withCredentials"_s
                    && i.because.contains(u"fails with them"_s));
        QVERIFY(explained);
    }
    {
        const HarImportResult r = importFixture(u"chrome-header-not-allowed.har"_s);
        const CorsOptions &c = *r.profile.server.cors;
        QCOMPARE(std::get<QString>(c.methods), u"GET,POST"_s);
        QCOMPARE(std::get<QString>(*c.allowedHeaders), u"content-type"_s);
        QCOMPARE(r.profile.client.options.extraHeaders.size(), size_t(1));
        QCOMPARE(r.profile.client.options.extraHeaders.at(0).first, u"X-Token"_s);
        QCOMPARE(r.profile.client.options.extraHeaders.at(0).second, u"s3cret-42"_s);
        // Chrome lists the request before its preflight: the two are still one exchange.
        QCOMPARE(r.run.events.at(1).kind, TimelineKind::Request);
        QCOMPARE(r.run.events.at(1).method, u"OPTIONS"_s);
        QCOMPARE(r.socketIoEntries, 2);
    }
    {
        // Only the preflight was recorded (and by a tool that names no browser): the header names
        // come from Access-Control-Request-Headers, their values are unknown.
        const HarImportResult r = importFixture(u"preflight-only-unknown-recorder.har"_s);
        QVERIFY(!r.browserKnown);
        QCOMPARE(r.run.verdict.reason, u"HeaderDisallowedByPreflightResponse"_s);
        QCOMPARE(r.profile.client.options.extraHeaders.size(), size_t(1));
        QCOMPARE(r.profile.client.options.extraHeaders.at(0).first, u"x-token"_s);
        QCOMPARE(r.profile.client.options.extraHeaders.at(0).second, u"x"_s);
        QVERIFY(std::any_of(r.limits.begin(), r.limits.end(),
            [](const QString &l) { return l.contains(u"does not say which browser"_s); }));
    }
    {
        const HarImportResult r = importFixture(u"chrome-refused-auth.har"_s);
        const Profile &p = r.profile;
        QCOMPARE(p.server.path, u"/chat"_s);
        QCOMPARE(p.client.options.path, u"/chat"_s);
        QCOMPARE(p.client.options.query.size(), size_t(1));
        QCOMPARE(p.client.options.query.at(0).first, u"room"_s);
        QCOMPARE(p.client.options.query.at(0).second, u"blue"_s);
        QVERIFY(p.client.options.auth.has_value());
        QCOMPARE(JavaScriptJson::stringify(*p.client.options.auth), u"{\"token\":\"wrong\"}"_s);
        QCOMPARE(p.expect->verdict, Verdict::Refused);
        // The refusal's reason is in the server's code: a stand-in middleware answers the same.
        QCOMPARE(p.server.namespaces.size(), 1);
        QCOMPARE(p.server.namespaces.at(0).name, u"/"_s);
        QVERIFY(p.server.namespaces.at(0).middleware.has_value());
        QVERIFY(p.server.namespaces.at(0).middleware->source.contains(u"\"not authorized\""_s));
        QVERIFY(p.containsFunctions());
    }
    {
        // EIO=3 (socket.io-client 2.x) in Firefox, namespace /admin: the server's unasked
        // CONNECT for "/" is not the page's connect.
        const HarImportResult r = importFixture(u"firefox-eio3-namespace.har"_s);
        QCOMPARE(r.run.browser, Browser::Firefox);
        QVERIFY(r.profile.server.allowEIO3);
        QCOMPARE(r.profile.client.namespaceName, u"/admin"_s);
        QCOMPARE(r.profile.server.namespaces.size(), 1);
        QVERIFY(r.profile.server.cors->credentials);
        QCOMPARE(verdictName(r.run.verdict.verdict), u"connected"_s);
        QStringList connects;
        for (const TimelineEvent &e : r.run.events) {
            if (e.kind == TimelineKind::PageEvent && e.step != TimelineStep::Setup)
                connects << e.summary.section(u' ', 0, 0);
            if (e.kind == TimelineKind::Packet && e.summary.contains(u"CONNECT 0/admin"_s))
                QCOMPARE(e.step, TimelineStep::Connect);
        }
        QCOMPARE(connects, QStringList {u"connect"_s});
        QCOMPARE(r.run.events.at(r.run.events.size() - 2).kind, TimelineKind::PageEvent);
    }
    {
        const HarImportResult r = importFixture(u"firefox-missing-acao.har"_s);
        QCOMPARE(r.profile.client.browser, Browser::Firefox);
        QVERIFY(r.browserKnown);
        QCOMPARE(r.recordedBy, Browser::Firefox);
    }
}

void TestHarImport::inferredProfileLoads_data()
{
    QTest::addColumn<QString>("file");
    for (const char *f : {"chrome-connected.har", "chrome-missing-acao.har",
             "chrome-wildcard-credentials.har", "chrome-header-not-allowed.har",
             "chrome-origin-mismatch.har", "chrome-websocket-only.har", "chrome-refused-auth.har",
             "chrome-status-zero.har", "firefox-missing-acao.har",
             "preflight-only-unknown-recorder.har", "firefox-eio3-namespace.har"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestHarImport::inferredProfileLoads()
{
    QFETCH(QString, file);
    const HarImportResult r = importFixture(file);
    const QByteArray bytes = ProfileWriter::toJson(r.profile);
    const ProfileLoadResult loaded = ProfileReader::read(bytes);
    QVERIFY2(!loaded.hasErrors(), bytes.constData());
    QVERIFY(loaded.profile.has_value());
    QCOMPARE(ProfileWriter::toJson(*loaded.profile), bytes);
}

void TestHarImport::statusZeroIsSaidHonestly()
{
    const HarImportResult r = importFixture(u"chrome-status-zero.har"_s);
    QCOMPARE(r.run.verdict.failedCheck, -1); // no rule is named: the headers are not there
    QVERIFY(std::any_of(r.limits.begin(), r.limits.end(),
        [](const QString &l) { return l.contains(u"not which CORS rule failed"_s); }));
    QVERIFY(std::any_of(r.inferences.begin(), r.inferences.end(), [](const HarInference &i) {
        return i.field == u"server.cors"_s && i.because.contains(u"no HTTP response"_s);
    }));
}

void TestHarImport::errors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");

    const QByteArray connected = fixture(u"chrome-connected.har"_s);
    QTest::newRow("truncated") << connected.left(700) << u"line "_s;
    QTest::newRow("empty") << QByteArray("  \n") << u"the file is empty"_s;
    QTest::newRow("not JSON") << QByteArray("HTTP/1.1 200 OK\r\n") << u"line 1, column 1: "_s;
    QTest::newRow("no log") << QByteArray("{\"entries\": []}") << u"log: missing"_s;
    QTest::newRow("entries not an array")
        << QByteArray("{\"log\": {\"entries\": {}}}")
        << u"log.entries (line 1, column 21): expected an array, found an object"_s;
    QTest::newRow("url missing")
        << QByteArray(
               "{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\", \"headers\": []}, "
               "\"response\": {\"status\": 200, \"headers\": []}}]}}")
        << u"log.entries[0].request.url (line 1, column 34): missing (expected a string)"_s;
    QTest::newRow("status a string")
        << QByteArray("{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\", \"url\": "
                      "\"http://a/?EIO=4&transport=polling\", \"headers\": []},\n\"response\": "
                      "{\"status\": \"200\", \"headers\": []}}]}}")
        << u"log.entries[0].response.status (line 2, column 24): expected a number, found a string"_s;
    QTest::newRow("header without value") << QByteArray(
        "{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\", \"url\": \"x\", "
        "\"headers\": [{\"name\": \"Origin\"}]}, \"response\": {\"status\": 0, "
        "\"headers\": []}}]}}") << u"log.entries[0].request.headers[0].value"_s;
    QTest::newRow("bad websocket message type") << QByteArray(
        "{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\", \"url\": \"x\", "
        "\"headers\": []}, \"response\": {\"status\": 101, \"headers\": []}, "
        "\"_webSocketMessages\": [{\"type\": \"incoming\", \"data\": \"2\"}]}]}}")
                                                << u"log.entries[0]._webSocketMessages[0].type"_s;
    QTest::newRow("no socket.io") << fixture(u"no-socketio.har"_s)
                                  << u"no Socket.IO requests in this HAR: 2 entries, none with "
                                     "EIO= in the URL"_s;
}

void TestHarImport::errors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const HarImportResult r = HarImport::fromBytes(bytes, {});
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
    QVERIFY(r.run.events.isEmpty());
}

void TestHarImport::tooLarge()
{
    QByteArray big(HarReader::MaxBytes + 1, ' ');
    const HarReadResult r = HarReader::read(big);
    QVERIFY(!r.log);
    QVERIFY2(r.error.contains(u"up to 50 MB"_s), qPrintable(r.error));
}

void TestHarImport::preflightAndEngineUrls()
{
    QVERIFY(HarImport::isEngineIoUrl(u"https://a.example/socket.io/?EIO=4&transport=polling"_s));
    QVERIFY(HarImport::isEngineIoUrl(u"wss://a.example/any/path?transport=websocket&EIO=3"_s));
    QVERIFY(!HarImport::isEngineIoUrl(u"https://a.example/socket.io/?EIO=4"_s));
    QVERIFY(!HarImport::isEngineIoUrl(u"https://a.example/api?transport=polling"_s));
    QVERIFY(HarImport::isBrowserAddedHeader(u"Sec-Fetch-Mode"));
    QVERIFY(HarImport::isBrowserAddedHeader(u"cookie"));
    QVERIFY(!HarImport::isBrowserAddedHeader(u"X-Token"));
    QVERIFY(!HarImport::isBrowserAddedHeader(u"Authorization"));
}

void TestHarImport::roundTrip_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<Browser>("browser");
    for (const char *name : {"single-allowed-origin", "missing-allow-origin",
             "custom-header-not-allowed", "credentials-with-wildcard-origin",
             "websocket-only-hides-cors", "namespace-middleware-refusal"}) {
        QTest::newRow((QByteArray(name) + " chromium").constData())
            << QString::fromLatin1(name) << Browser::Chromium;
        QTest::newRow((QByteArray(name) + " firefox").constData())
            << QString::fromLatin1(name) << Browser::Firefox;
    }
}

void TestHarImport::roundTrip()
{
    QFETCH(QString, example);
    QFETCH(Browser, browser);
    const ProfileFileResult loaded
        = ProfileFile::load(ProfileFile::exampleResourcePath(example + u".corslab.json"_s));
    QVERIFY(loaded.load.profile.has_value());
    const RunResult live = runProfile(*loaded.load.profile, browser);
    const QByteArray har = HarWriter::toBytes({live});
    if (const QString dir = qEnvironmentVariable("CORSLAB_HAR_IMPORT_KEEP"); !dir.isEmpty()) {
        QFile kept(dir + u'/' + QString::fromLatin1(QTest::currentDataTag()) + u".har"_s);
        if (kept.open(QIODevice::WriteOnly))
            kept.write(har);
    }
    const HarImportResult imported = HarImport::fromBytes(har, {});
    QVERIFY2(imported.error.isEmpty(), qPrintable(imported.error));
    QCOMPARE(imported.run.browser, browser);
    if (wire(imported.run) != wire(live)) {
        qDebug().noquote() << "live:\n " << wire(live).join(u"\n  "_s);
        qDebug().noquote() << "imported:\n " << wire(imported.run).join(u"\n  "_s);
    }
    QCOMPARE(wire(imported.run), wire(live));
    // The packets: the same ones with the same steps. Their order across concurrent polling and
    // WebSocket traffic is not compared: it varies between live runs, and HAR times have 1 ms
    // steps.
    QStringList importedPackets = packets(imported.run);
    QStringList livePackets = packets(live);
    if (importedPackets != livePackets) {
        qDebug().noquote() << "live packets:\n " << livePackets.join(u"\n  "_s);
        qDebug().noquote() << "imported packets:\n " << importedPackets.join(u"\n  "_s);
    }
    importedPackets.sort();
    livePackets.sort();
    QCOMPARE(importedPackets, livePackets);
    QCOMPARE(verdictName(imported.run.verdict.verdict), verdictName(live.verdict.verdict));
    QCOMPARE(imported.run.verdict.reason, live.verdict.reason);
}

QTEST_GUILESS_MAIN(TestHarImport)
#include "tst_harimport.moc"
