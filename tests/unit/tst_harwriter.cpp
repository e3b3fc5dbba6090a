// HarWriter: every bundled example run in-process (Chromium's and Firefox's rules, Node profiles in
// their own) written as HAR 1.2 and compared with the run's own timeline: one entry per request
// (each preflight its own), the WebSocket with its messages, request headers exactly as the raw
// request's lines, POST bodies, blocked requests as DevTools shows them, the verdict in
// log.comment, and the same bytes for the same run apart from times. With CORSLAB_HAR_OUT set the
// HAR files are written there (the har_schema test validates them against har-schema).
#include "har/harwriter.h"
#include "profile/profilefile.h"
#include "run/testrun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Browser)

namespace {

RunResult runProfile(const Profile &profile, const QString &path, Browser browser, bool proveFix)
{
    RunOptions options;
    options.browser = browser;
    options.proveFix = proveFix;
    return TestRun::runToEnd(profile, options, path);
}

Profile load(const QString &path)
{
    const ProfileFileResult loaded = ProfileFile::load(path);
    if (!loaded.load.profile)
        qFatal("cannot load %s", qPrintable(path));
    return *loaded.load.profile;
}

const QDateTime &startA()
{
    static const QDateTime t(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    return t;
}

// The raw message's header lines, split here independently of the writer.
QJsonArray rawHeaderLines(const QByteArray &raw)
{
    QJsonArray out;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = raw.left(end).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        out.append(QJsonObject {{u"name"_s, QString::fromLatin1(line.left(colon))},
            {u"value"_s, QString::fromLatin1(line.mid(colon + 1).trimmed())}});
    }
    return out;
}

QByteArray rawBody(const QByteArray &raw)
{
    return raw.mid(raw.indexOf("\r\n\r\n") + 4);
}

QString rawHeader(const QByteArray &raw, const QString &name)
{
    for (const QJsonValue &h : rawHeaderLines(raw)) {
        if (h[u"name"_s].toString().compare(name, Qt::CaseInsensitive) == 0)
            return h[u"value"_s].toString();
    }
    return {};
}

int countEvents(const RunResult &r, const std::function<bool(const TimelineEvent &)> &pred)
{
    return int(std::count_if(r.events.cbegin(), r.events.cend(), pred));
}

QList<QJsonObject> entriesOfType(const QJsonObject &har, const QString &type)
{
    QList<QJsonObject> out;
    for (const QJsonValue &e : har[u"log"_s][u"entries"_s].toArray()) {
        if (e[u"_resourceType"_s].toString() == type)
            out << e.toObject();
    }
    return out;
}

// The HAR without its wall-clock values (entry and page start times, WebSocket message times).
QJsonValue withoutTimes(const QJsonValue &v, bool inMessages = false)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : v.toArray())
            out.append(withoutTimes(item, inMessages));
        return out;
    }
    if (!v.isObject())
        return v;
    QJsonObject out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"startedDateTime"_s || (inMessages && it.key() == u"time"_s))
            continue;
        out.insert(it.key(), withoutTimes(it.value(), it.key() == u"_webSocketMessages"_s));
    }
    return out;
}

// Per entry what must not change between two runs of one profile (ports, sids and times do).
QStringList shape(const QJsonObject &har)
{
    QStringList out;
    for (const QJsonValue &e : har[u"log"_s][u"entries"_s].toArray()) {
        QStringList names;
        for (const QJsonValue &h : e[u"request"_s][u"headers"_s].toArray())
            names << h[u"name"_s].toString();
        out << u"%1 %2 %3 [%4] %5"_s
                   .arg(e[u"_resourceType"_s].toString(), e[u"request"_s][u"method"_s].toString())
                   .arg(e[u"response"_s][u"status"_s].toInt())
                   .arg(names.join(u','), e[u"comment"_s].toString());
    }
    return out;
}

} // namespace

class TestHarWriter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tempDir;
    QString m_outDir;
    QList<RunResult> m_runs; // every example's run, for the several-runs test

    void save(const QString &name, const QByteArray &bytes)
    {
        QSaveFile file(QDir(m_outDir).filePath(name));
        QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
        file.write(bytes);
        QVERIFY2(file.commit(), qPrintable(file.errorString()));
    }

private slots:
    void initTestCase()
    {
        m_outDir = qEnvironmentVariable("CORSLAB_HAR_OUT");
        if (m_outDir.isEmpty()) {
            QVERIFY(m_tempDir.isValid());
            m_outDir = m_tempDir.path();
        }
        QVERIFY2(QDir().mkpath(m_outDir), qPrintable(m_outDir));
    }

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
        const RunResult r = runProfile(profile, path, browser, true);
        QVERIFY2(r.setupError.isEmpty(), qPrintable(r.setupError));
        m_runs << r;

        const QJsonObject har = HarWriter::toHar({r}, startA());
        const QByteArray bytes = HarWriter::toBytes({r}, startA());
        // The writer's text is the object, as JSON.
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.object(), har);
        QVERIFY(bytes.endsWith("}\n"));
        QVERIFY(bytes.startsWith("{\n  \"log\": {\n    \"version\": \"1.2\",\n"));

        const QJsonObject log = har[u"log"_s].toObject();
        QCOMPARE(log[u"creator"_s][u"name"_s].toString(), u"CorsLab"_s);
        const QJsonArray pages = log[u"pages"_s].toArray();
        QCOMPARE(pages.size(), 1);
        QCOMPARE(pages.at(0)[u"id"_s].toString(), u"page_1"_s);
        QCOMPARE(pages.at(0)[u"startedDateTime"_s].toString(), u"2026-01-02T03:04:05.678Z"_s);
        QCOMPARE(pages.at(0)[u"title"_s].toString(),
            r.pageOrigin.isEmpty() ? r.serverUrl : r.pageOrigin);
        const QJsonObject pageCorslab = pages.at(0)[u"_corslab"_s].toObject();
        QCOMPARE(pageCorslab[u"verdict"_s].toString(), verdictName(r.verdict.verdict));
        QCOMPARE(pageCorslab[u"browser"_s].toString(), browserName(browser));
        QCOMPARE(pageCorslab[u"profileFile"_s].toString(), QFileInfo(path).fileName());

        // The verdict, both browsers' messages and the fix in log.comment.
        const QString comment = log[u"comment"_s].toString();
        QVERIFY2(comment.contains(verdictName(r.verdict.verdict)), qPrintable(comment));
        QVERIFY2(comment.contains(r.verdict.reason), qPrintable(comment));
        if (r.verdict.messages) {
            QVERIFY(comment.contains(r.verdict.messages->chromiumMessage));
            QVERIFY(comment.contains(r.verdict.messages->firefoxMessageEn));
        }
        if (r.fix)
            QVERIFY2(comment.contains(u"Fix: "_s + r.fix->title), qPrintable(comment));

        const QJsonArray entries = log[u"entries"_s].toArray();
        QVERIFY(!entries.isEmpty());
        QString previous;
        for (const QJsonValue &e : entries) {
            QCOMPARE(e[u"pageref"_s].toString(), u"page_1"_s);
            const QString started = e[u"startedDateTime"_s].toString();
            QVERIFY2(started >= previous, qPrintable(started)); // ISO 8601 UTC sorts as text
            previous = started;
            QVERIFY(e[u"time"_s].toDouble() >= 0);
            QCOMPARE(e[u"timings"_s][u"wait"_s].toDouble(), e[u"time"_s].toDouble());
            // Each entry says what CORS made of it.
            QVERIFY2(e[u"comment"_s].toString().startsWith(u"CORS"_s),
                qPrintable(e[u"request"_s][u"url"_s].toString()));
        }

        // Every request on the wire is one entry; preflights exactly when the run had them.
        const auto isPreflight = [](const TimelineEvent &e) {
            return e.kind == TimelineKind::Request && e.step == TimelineStep::Preflight
                && e.method == u"OPTIONS"_s;
        };
        const int preflights = countEvents(r, isPreflight);
        QCOMPARE(int(entriesOfType(har, u"preflight"_s).size()), preflights);
        const int xhrs = countEvents(r, [&](const TimelineEvent &e) {
            return e.kind == TimelineKind::Request && e.layer == u"http"_s && !isPreflight(e);
        });
        const int sockets = countEvents(r, [](const TimelineEvent &e) {
            return e.kind == TimelineKind::Request && e.layer == u"websocket"_s;
        });
        int sentEntries = 0;
        for (const QJsonValue &e : entries) {
            if (!e[u"_corslab"_s][u"requestSeq"_s].isUndefined())
                ++sentEntries;
        }
        QCOMPARE(sentEntries, preflights + xhrs + sockets);
        for (const QJsonObject &e : entriesOfType(har, u"preflight"_s)) {
            QCOMPARE(e[u"request"_s][u"method"_s].toString(), u"OPTIONS"_s);
            QCOMPARE(e[u"_initiator"_s][u"type"_s].toString(), u"preflight"_s);
            QCOMPARE(e[u"_initiator"_s][u"url"_s].toString(), e[u"request"_s][u"url"_s].toString());
        }

        // Request line, headers in wire order, POST bodies: as the raw request has them.
        int posts = 0;
        for (const QJsonValue &e : entries) {
            const QJsonValue seq = e[u"_corslab"_s][u"requestSeq"_s];
            if (seq.isUndefined())
                continue;
            const TimelineEvent &ev = r.events.at(seq.toInt() - 1);
            QCOMPARE(ev.seq, seq.toInt());
            QCOMPARE(ev.kind, TimelineKind::Request);
            const QJsonObject request = e[u"request"_s].toObject();
            QCOMPARE(request[u"url"_s].toString(), ev.url);
            QCOMPARE(request[u"method"_s].toString(),
                QString::fromLatin1(ev.raw.left(ev.raw.indexOf(' '))));
            QCOMPARE(request[u"httpVersion"_s].toString(), u"HTTP/1.1"_s);
            QCOMPARE(request[u"headers"_s].toArray(), rawHeaderLines(ev.raw));
            QCOMPARE(request[u"headersSize"_s].toInt(), int(ev.raw.indexOf("\r\n\r\n") + 4));
            const QByteArray body = rawBody(ev.raw);
            QCOMPARE(request[u"bodySize"_s].toInt(), int(body.size()));
            if (ev.method == u"POST"_s) {
                ++posts;
                QCOMPARE(request[u"postData"_s][u"text"_s].toString(), QString::fromUtf8(body));
                QCOMPARE(request[u"postData"_s][u"mimeType"_s].toString(),
                    rawHeader(ev.raw, u"content-type"_s));
            } else {
                QVERIFY(request[u"postData"_s].isUndefined());
            }
            const QString cookie = rawHeader(ev.raw, u"cookie"_s);
            QCOMPARE(request[u"cookies"_s].toArray().size(),
                cookie.isEmpty() ? 0 : cookie.count(u';') + 1);
        }
        QCOMPARE(posts, countEvents(r, [](const TimelineEvent &e) {
            return e.kind == TimelineKind::Request && e.method == u"POST"_s;
        }));

        // The WebSocket: GET with Upgrade, 101 and the messages when the run upgraded.
        const QList<QJsonObject> ws = entriesOfType(har, u"websocket"_s);
        QCOMPARE(ws.size() > 0, sockets > 0);
        for (const QJsonObject &e : ws) {
            if (e[u"_corslab"_s][u"requestSeq"_s].isUndefined())
                continue; // refused before connecting
            QCOMPARE(e[u"request"_s][u"method"_s].toString(), u"GET"_s);
            bool upgrade = false;
            for (const QJsonValue &h : e[u"request"_s][u"headers"_s].toArray())
                upgrade = upgrade
                    || (h[u"name"_s].toString().compare(u"upgrade"_s, Qt::CaseInsensitive) == 0
                        && h[u"value"_s].toString() == u"websocket"_s);
            QVERIFY(upgrade);
            const QJsonArray messages = e[u"_webSocketMessages"_s].toArray();
            if (e[u"response"_s][u"status"_s].toInt() != 101) {
                QVERIFY(messages.isEmpty());
                continue;
            }
            for (const QJsonValue &m : messages) {
                QVERIFY(m[u"type"_s] == u"send"_s || m[u"type"_s] == u"receive"_s);
                QVERIFY(m[u"opcode"_s].toInt() == 1 || m[u"opcode"_s].toInt() == 2);
                const double t = m[u"time"_s].toDouble() * 1000.0;
                QVERIFY(t >= double(startA().toMSecsSinceEpoch()));
                QVERIFY(t <= double(startA().toMSecsSinceEpoch()) + double(r.wallUs) / 1000 + 1);
            }
            const bool probe = e[u"request"_s][u"url"_s].toString().contains(u"sid="_s);
            if (probe) {
                QVERIFY2(!messages.isEmpty(), "a probe sends 2probe");
                QCOMPARE(messages.at(0)[u"data"_s].toString(), u"2probe"_s);
                QCOMPARE(messages.at(0)[u"type"_s].toString(), u"send"_s);
            }
            if (r.verdict.verdict == Verdict::Connected && r.verdict.transport == u"websocket"_s) {
                const bool sawUpgradeOrConnect
                    = std::any_of(messages.begin(), messages.end(), [&](const QJsonValue &m) {
                          const QString data = m[u"data"_s].toString();
                          return m[u"type"_s] == u"send"_s
                              && (probe ? data == u"5"_s : data.startsWith(u"40"_s));
                      });
                QVERIFY(sawUpgradeOrConnect);
            }
        }

        // The blocked request: DevTools' shape, the failed check named in its comment.
        if (r.verdict.verdict == Verdict::Blocked && r.verdict.failedCheck >= 0) {
            const CorsCheck &check = r.checks.at(r.verdict.failedCheck);
            const QString code = check.outcome().reason.code;
            bool found = false;
            for (const QJsonValue &e : entries) {
                bool names = false;
                for (const QJsonValue &c : e[u"_corslab"_s][u"checks"_s].toArray())
                    names = names || c[u"index"_s].toInt() == r.verdict.failedCheck;
                if (!names)
                    continue;
                found = true;
                const QString entryComment = e[u"comment"_s].toString();
                QVERIFY2(entryComment.contains(u"blocked — "_s + code), qPrintable(entryComment));
                const QJsonObject response = e[u"response"_s].toObject();
                if (e[u"_corslab"_s][u"requestSeq"_s].isUndefined()) {
                    QCOMPARE(response[u"status"_s].toInt(), 0); // never sent
                } else if (check.stage == CorsStage::Preflight) {
                    QCOMPARE(response[u"status"_s].toInt(), check.status);
                } else if (check.stage != CorsStage::BeforeRequest) {
                    if (browser == Browser::Firefox) {
                        QCOMPARE(response[u"status"_s].toInt(), check.status);
                    } else {
                        QCOMPARE(response[u"status"_s].toInt(), 0);
                        QVERIFY(!response[u"_error"_s].toString().isEmpty());
                        QCOMPARE(
                            response[u"_corslabReceived"_s][u"status"_s].toInt(), check.status);
                    }
                }
            }
            QVERIFY2(found, "the failed check belongs to an entry");
            if (check.stage == CorsStage::Preflight) {
                const bool unsent
                    = std::any_of(entries.begin(), entries.end(), [](const QJsonValue &e) {
                          return e[u"comment"_s].toString().contains(u"its preflight failed"_s)
                              && e[u"response"_s][u"status"_s].toInt() == 0;
                      });
                QVERIFY2(unsent, "the request a failed preflight stopped is listed");
            }
        }

        // Deterministic: the same run gives the same bytes; another start time changes times only.
        QCOMPARE(HarWriter::toBytes({r}, startA()), bytes);
        const QJsonObject later = HarWriter::toHar({r}, startA().addSecs(3600));
        QVERIFY(later != har);
        QCOMPARE(withoutTimes(later), withoutTimes(har));
        // A second run of the profile: the same entries (ports, sids and times aside).
        const RunResult second = runProfile(profile, path, browser, false);
        QCOMPARE(shape(HarWriter::toHar({second}, startA())), shape(har));

        const QString base = QFileInfo(path).fileName().remove(u".corslab.json"_s);
        save(u"%1-%2.har"_s.arg(base, browserName(browser)), HarWriter::toBytes({r}));
    }

    // Several runs: one page each, in order, entries pointing at their own page.
    void severalRuns()
    {
        QVERIFY(m_runs.size() > 2);
        const QJsonObject har = HarWriter::toHar(m_runs, startA());
        const QJsonArray pages = har[u"log"_s][u"pages"_s].toArray();
        QCOMPARE(pages.size(), m_runs.size());
        QString previous;
        for (qsizetype i = 0; i < pages.size(); ++i) {
            QCOMPARE(pages.at(i)[u"id"_s].toString(), u"page_%1"_s.arg(i + 1));
            QVERIFY(pages.at(i)[u"startedDateTime"_s].toString() >= previous);
            previous = pages.at(i)[u"startedDateTime"_s].toString();
        }
        int page = 1;
        for (const QJsonValue &e : har[u"log"_s][u"entries"_s].toArray()) {
            const int ref = e[u"pageref"_s].toString().mid(5).toInt();
            QVERIFY(ref >= page); // entries stay in run order
            page = ref;
        }
        QCOMPARE(har[u"log"_s][u"comment"_s].toString().count(u"\n\n"_s), m_runs.size() - 1);
        save(u"all-examples.har"_s, HarWriter::toBytes(m_runs));
    }

    // A run made by hand (no network): the exact fields for a blocked response with cookies, a
    // query with escapes, a chunked body and Latin-1 header bytes.
    void handMadeRun()
    {
        RunResult r;
        r.browser = Browser::Chromium;
        r.pageOrigin = u"http://localhost:3000"_s;
        r.serverUrl = u"http://127.0.0.1:4000"_s;
        r.profile.name = u"hand"_s;
        r.verdict.verdict = Verdict::Blocked;
        r.verdict.reason = u"MissingAllowOriginHeader"_s;
        r.wallUs = 9000;
        CorsCheck check;
        check.stage = CorsStage::Response;
        check.browser = Browser::Chromium;
        check.method = u"GET"_s;
        check.url = u"http://127.0.0.1:4000/socket.io/?EIO=4&q=a%20b+c"_s;
        check.corsApplies = true;
        check.crossOrigin = true;
        check.status = 200;
        check.chromium.passed = false;
        check.chromium.reason.code = u"MissingAllowOriginHeader"_s;
        check.chromium.networkError = u"net::ERR_FAILED"_s;
        r.checks << check;
        r.verdict.failedCheck = 0;

        TimelineEvent request;
        request.seq = 1;
        request.timeUs = 1000;
        request.side = TimelineSide::Browser;
        request.layer = u"http"_s;
        request.step = TimelineStep::Handshake;
        request.kind = TimelineKind::Request;
        request.exchange = 1;
        request.outgoing = true;
        request.method = u"GET"_s;
        request.url = check.url;
        request.raw = "GET /socket.io/?EIO=4&q=a%20b+c HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n"
                      "Cookie: a=1; b=2\r\nX-L: caf\xe9\r\n\r\n";
        TimelineEvent response;
        response.seq = 2;
        response.timeUs = 3500;
        response.side = TimelineSide::Network;
        response.layer = u"http"_s;
        response.step = TimelineStep::Handshake;
        response.kind = TimelineKind::Response;
        response.exchange = 1;
        response.status = 200;
        response.url = check.url;
        response.raw = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                       "Set-Cookie: io=x1; Path=/; HttpOnly; SameSite=Lax\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        response.detail = u"HTTP/1.1 200 OK\nContent-Type: text/plain; charset=UTF-8\n"
                          "Set-Cookie: io=x1; Path=/; HttpOnly; SameSite=Lax\n"
                          "Transfer-Encoding: chunked\n\nhello"_s;
        TimelineEvent checkEvent;
        checkEvent.seq = 3;
        checkEvent.timeUs = 3600;
        checkEvent.side = TimelineSide::Browser;
        checkEvent.layer = u"cors"_s;
        checkEvent.kind = TimelineKind::Check;
        checkEvent.exchange = 1;
        checkEvent.checkIndex = 0;
        checkEvent.passed = false;
        r.events << request << response << checkEvent;

        const QJsonObject har = HarWriter::toHar({r}, startA());
        const QJsonArray entries = har[u"log"_s][u"entries"_s].toArray();
        QCOMPARE(entries.size(), 1);
        const QJsonObject e = entries.at(0).toObject();
        QCOMPARE(e[u"startedDateTime"_s].toString(), u"2026-01-02T03:04:05.679Z"_s);
        QCOMPARE(e[u"time"_s].toDouble(), 2.5);
        QCOMPARE(e[u"serverIPAddress"_s].toString(), u"127.0.0.1"_s);
        QCOMPARE(e[u"_serverPort"_s].toInt(), 4000);
        QCOMPARE(e[u"_resourceType"_s].toString(), u"xhr"_s);
        QCOMPARE(e[u"comment"_s].toString(), u"CORS: blocked — MissingAllowOriginHeader"_s);
        const QJsonObject req = e[u"request"_s].toObject();
        QCOMPARE(req[u"headers"_s].toArray().at(2)[u"value"_s].toString(), u"caf\u00e9"_s);
        const QJsonArray query = req[u"queryString"_s].toArray();
        QCOMPARE(query.size(), 2);
        QCOMPARE(query.at(1)[u"name"_s].toString(), u"q"_s);
        QCOMPARE(query.at(1)[u"value"_s].toString(), u"a b c"_s);
        QCOMPARE(req[u"cookies"_s].toArray().at(1)[u"value"_s].toString(), u"2"_s);
        const QJsonObject resp = e[u"response"_s].toObject();
        QCOMPARE(resp[u"status"_s].toInt(), 0);
        QCOMPARE(resp[u"_error"_s].toString(), u"net::ERR_FAILED"_s);
        QCOMPARE(resp[u"headers"_s].toArray().size(), 0);
        const QJsonObject got = resp[u"_corslabReceived"_s].toObject();
        QCOMPARE(got[u"status"_s].toInt(), 200);
        QCOMPARE(got[u"statusText"_s].toString(), u"OK"_s);
        QCOMPARE(got[u"content"_s][u"text"_s].toString(), u"hello"_s);
        QCOMPARE(got[u"content"_s][u"size"_s].toInt(), 5);
        QCOMPARE(got[u"bodySize"_s].toInt(), 15);
        QCOMPARE(got[u"content"_s][u"mimeType"_s].toString(), u"text/plain; charset=UTF-8"_s);
        const QJsonObject cookie = got[u"cookies"_s].toArray().at(0).toObject();
        QCOMPARE(cookie[u"name"_s].toString(), u"io"_s);
        QCOMPARE(cookie[u"httpOnly"_s].toBool(), true);
        QCOMPARE(cookie[u"sameSite"_s].toString(), u"Lax"_s);

        // Firefox keeps the response it received in the standard fields.
        r.browser = Browser::Firefox;
        r.checks[0].browser = Browser::Firefox;
        r.checks[0].firefox.passed = false;
        r.checks[0].firefox.reason.code = u"CORSMissingAllowOrigin"_s;
        const QJsonObject ff
            = HarWriter::toHar({r}, startA())[u"log"_s][u"entries"_s][0].toObject();
        QCOMPARE(ff[u"response"_s][u"status"_s].toInt(), 200);
        QCOMPARE(ff[u"comment"_s].toString(), u"CORS: blocked — CORSMissingAllowOrigin"_s);

        // The writer's layout: two spaces, HAR member order, a final newline.
        const QByteArray bytes = HarWriter::write(QJsonObject {{u"log"_s,
            QJsonObject {{u"entries"_s, QJsonArray()}, {u"version"_s, u"1.2"_s}, {u"_x"_s, 1.5},
                {u"creator"_s, QJsonObject {{u"version"_s, u"1"_s}, {u"name"_s, u"n\u00e9"_s}}}}}});
        QCOMPARE(bytes,
            QByteArray("{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"creator\": {\n"
                       "      \"name\": \"n\xc3\xa9\",\n      \"version\": \"1\"\n    },\n"
                       "    \"entries\": [],\n    \"_x\": 1.5\n  }\n}\n"));
    }
};

QTEST_GUILESS_MAIN(TestHarWriter)
#include "tst_harwriter.moc"
