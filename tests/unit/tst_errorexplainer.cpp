// ErrorExplainer, the acceptance test: every message of the reason catalogue, in each browser and
// language it has (Chromium's CorsError texts with their variants — request and preflight, the XHR
// withCredentials sentence or not, fetch and its older wording, redirected —, Firefox's keys in
// en-US and zh-CN, WebSocket failures, network lines, console lines, connect_error messages) and
// Engine.IO's own messages, rendered with sample parameters the way the catalogue renders them,
// must be explained: the case identified (reason, URL, origin, header/method), and the profile
// built from it RUN in that browser must show the same reason. Codes no profile can produce are
// listed here, each with its reason; a catalogue code neither reproduced nor listed fails.
#include "explain/errorexplainer.h"
#include "profile/profilereader.h"
#include "profile/profilewriter.h"
#include "run/testrun.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

const QString Url = u"https://api.example.com/socket.io/?EIO=4&transport=polling&t=PxYz12a"_s;
const QString Origin = u"http://localhost:5173"_s;
const QString WsProbeUrl = u"ws://api.example.com/socket.io/?EIO=4&transport=websocket&sid=aB3xY"_s;
const QString WsUrl = u"ws://api.example.com/socket.io/?EIO=4&transport=websocket"_s;
// What the catalogue appends to the XHR texts of the credentials errors; older builds and
// shortened posts leave it out.
const QString WithCredentialsSentence
    = u" The credentials mode of requests initiated by the XMLHttpRequest is controlled by the "
      "withCredentials attribute."_s;

// The fixed, reviewed list: what a Socket.IO connection from a page, run against the embedded
// server, can never show, and why. The explainer must identify each and say so.
const QMap<QString, QString> &notReproducible()
{
    static const QMap<QString, QString> list = {
        {u"MethodDisallowedByPreflightResponse"_s, u"socket.io-client only sends GET and POST"_s},
        {u"CORSMethodNotFound"_s, u"socket.io-client only sends GET and POST"_s},
        {u"CorsDisabledScheme"_s, u"engine.io-client only requests http(s)"_s},
        {u"CORSRequestNotHttp"_s, u"engine.io-client only requests http(s)"_s},
        {u"DisallowedByMode"_s, u"only fetch() mode same-origin / navigations"_s},
        {u"InvalidResponse"_s, u"a service worker's unusable response"_s},
        {u"LocalNetworkAccessPermissionDenied"_s, u"LNA: page and server on one network"_s},
        {u"InvalidLocalNetworkAccess"_s, u"LNA: page and server on one network"_s},
        {u"InsecureLocalNetwork"_s, u"LNA: page and server on one network"_s},
        {u"PreflightMissingAllowPrivateNetwork"_s, u"historic PNA preflight"_s},
        {u"PreflightInvalidAllowPrivateNetwork"_s, u"historic PNA preflight"_s},
        {u"mixed-content"_s, u"the embedded server is on localhost, exempt"_s},
        {u"BlockMixedActiveContent"_s, u"the embedded server is on localhost, exempt"_s},
        {u"CORSDisabled"_s, u"a Firefox setting"_s},
        {u"CORSOriginHeaderNotAdded"_s, u"a Firefox internal failure"_s},
        {u"NetError"_s, u"only says the request failed (or nothing listened)"_s},
        {u"HttpError"_s, u"only a status; the body says which refusal"_s},
        {u"WebSocketConnectionFailed"_s, u"nothing listened; the embedded server always does"_s},
        {u"WebSocketClosedBeforeHandshake"_s, u"engine.io always answers a handshake"_s},
        {u"WebSocketFailedWithoutReason"_s, u"no reason to reproduce"_s},
        {u"WebSocketHandshakeTimedOut"_s, u"socket.io-client's timeout fires first"_s},
        {u"netInterrupt"_s, u"an open WebSocket cut by the network"_s},
        {u"FetchReadError"_s, u"the opt-in Fetch transport; CorsLab runs XHR polling"_s},
        {u"FetchWriteError"_s, u"the opt-in Fetch transport; CorsLab runs XHR polling"_s},
        {u"IncompatibleServer"_s, u"a Socket.IO 2 server"_s},
        {u"Unsupported protocol version"_s, u"a Socket.IO 2 client"_s},
    };
    return list;
}

struct Row {
    QString name;
    QString text;
    QString source;
    QString code;
    QString url;
    QString origin; // expected pageOrigin ("" = not checked)
    QString field; // "allowOrigin", "header", "method", "token", "status", "connectError"...
    QString value;
    int preflight = -1; // -1: not checked
    QString browser; // expected client.browser
};

const ReasonCatalog &catalog()
{
    return ReasonCatalog::instance();
}

QString chromiumHint(const QString &code)
{
    if (code.contains(u"AllowOriginMismatch"_s))
        return Origin + u'/';
    if (code.contains(u"MultipleAllowOriginValues"_s))
        return Origin + u", *"_s;
    if (code.contains(u"InvalidAllowOriginValue"_s))
        return u"app.example.com"_s;
    if (code == u"HeaderDisallowedByPreflightResponse"_s)
        return u"x-auth-token"_s;
    if (code == u"MethodDisallowedByPreflightResponse"_s)
        return u"PUT"_s;
    if (code == u"PreflightInvalidAllowPrivateNetwork"_s)
        return u"false"_s;
    return {};
}

std::pair<QString, QString> chromiumField(const QString &code)
{
    const QString hint = chromiumHint(code);
    if (code.contains(u"AllowOrigin"_s) && !hint.isEmpty())
        return {u"allowOrigin"_s, hint};
    if (code == u"HeaderDisallowedByPreflightResponse"_s)
        return {u"header"_s, hint};
    if (code == u"MethodDisallowedByPreflightResponse"_s)
        return {u"method"_s, hint};
    return {};
}

QList<Row> rows()
{
    QList<Row> out;
    // Chromium's CORS texts, each variant.
    for (const QString &code : catalog().chromiumCodes()) {
        const ChromiumReason reason = *catalog().chromiumReason(code);
        const bool preflight = reason.isPreflight || code.contains(u"PreflightResponse"_s);
        ChromiumMessageParams p;
        p.url = Url;
        p.origin = Origin;
        p.hint = chromiumHint(code);
        p.targetAddressSpace = u"local"_s;
        p.resourceAddressSpace = u"loopback"_s;
        const auto [field, value] = chromiumField(code);
        const auto add = [&](const QString &variant, const QString &text, int pf = -1) {
            out << Row {u"chromium %1 %2"_s.arg(code, variant), text, u"chromium-cors"_s, code, Url,
                Origin, field, value, pf == -1 ? int(preflight) : pf, u"chromium"_s};
        };
        const QString xhrText = *catalog().chromiumMessage(code, p);
        add(u"xhr"_s, xhrText);
        if (xhrText.endsWith(WithCredentialsSentence))
            add(u"xhr without the withCredentials sentence"_s,
                xhrText.chopped(WithCredentialsSentence.size()));
        ChromiumMessageParams f = p;
        f.initiator = ChromiumInitiator::Fetch;
        add(u"fetch"_s, *catalog().chromiumMessage(code, f));
        f.legacyWording = true;
        add(u"fetch, older wording"_s, *catalog().chromiumMessage(code, f));
        ChromiumMessageParams r = p;
        r.initialUrl = u"http://api.example.com/socket.io/?EIO=4&transport=polling&t=PxYz12a"_s;
        add(u"redirected"_s, *catalog().chromiumMessage(code, r));
        // As DevTools copies it, with the network line Chromium prints beside it.
        NetworkLineParams line;
        line.url = Url;
        line.status = preflight ? 0 : 200;
        add(u"with its network line"_s,
            u"index.js:12 "_s + xhrText + u" Understand this error\n"_s
                + catalog().companionLine(line));
    }
    // Firefox, every key in every language; the arguments a sample run would print.
    const QMap<QString, QString> firefoxArgs = {
        {u"url"_s, Url},
        {u"status"_s, u"200"_s},
        {u"allowOrigin"_s, Origin + u'/'},
        {u"header"_s, u"x-auth-token"_s},
    };
    const QStringList webSocketKeys = catalog().firefoxWebSocketKeys();
    for (const QString &key : catalog().firefoxKeys()) {
        const FirefoxReason reason = *catalog().firefoxReason(key);
        for (const QString &language : catalog().languages()) {
            QStringList args;
            QString field;
            QString value;
            for (const QString &name : reason.arguments) {
                QString arg = firefoxArgs.value(name);
                if (name == u"url"_s && webSocketKeys.contains(key))
                    arg = WsProbeUrl;
                if (name == u"url"_s && key == u"BlockMixedActiveContent"_s)
                    arg = u"http://api.example.com/socket.io/?EIO=4&transport=polling&t=PxYz12a"_s;
                if (name == u"token"_s)
                    arg = key == u"CORSInvalidAllowMethod"_s ? u"GET POST"_s
                                                             : u"x-auth-token:abc"_s;
                if (name == u"status"_s && key == u"CORSDidNotSucceed2"_s)
                    break; // alone: a network-level failure, "Status code: (null)."
                if (name == u"status"_s && key == u"CORSPreflightDidNotSucceed3"_s)
                    arg = u"400"_s;
                if (name != u"url"_s) {
                    field = name;
                    value = arg;
                }
                args << arg;
            }
            const QString text = *catalog().firefoxMessage(key, language, args);
            const QString url = args.value(0);
            out << Row {u"firefox %1 %2"_s.arg(key, language), text, u"firefox"_s, key, url, {},
                field, value, -1, u"firefox"_s};
            if (webSocketKeys.contains(key)) // a websocket-only client: no sid in the URL
                out << Row {u"firefox %1 %2 websocket-only"_s.arg(key, language),
                    *catalog().firefoxMessage(key, language, {WsUrl}), u"firefox"_s, key, WsUrl, {},
                    {}, {}, -1, u"firefox"_s};
        }
    }
    // Firefox's blocking line followed by "CORS request did not succeed": a preflight.
    for (const QString &key : {u"CORSMissingAllowOrigin2"_s, u"CORSNotSupportingCredentials"_s,
             u"CORSAllowOriginNotMatchingOrigin"_s, u"CORSMultipleAllowOriginNotAllowed"_s,
             u"CORSMissingAllowCredentials"_s}) {
        for (const QString &language : catalog().languages()) {
            QStringList args {Url};
            if (key == u"CORSMissingAllowOrigin2"_s)
                args << u"400"_s;
            if (key == u"CORSAllowOriginNotMatchingOrigin"_s)
                args << Origin + u'/';
            const QString text = *catalog().firefoxMessage(key, language, args) + u'\n'
                + *catalog().firefoxMessage(u"CORSDidNotSucceed2"_s, language, {Url, u"400"_s});
            out << Row {u"firefox %1 + CORSDidNotSucceed2 %2"_s.arg(key, language), text,
                u"firefox"_s, key, Url, {}, u"status"_s, u"400"_s, 1, u"firefox"_s};
        }
    }
    // Chromium's WebSocket failures: the upgrade probe (sid) and a websocket-only client.
    for (const QString &code : catalog().webSocketCodes()) {
        for (const QString &url : {WsProbeUrl, WsUrl}) {
            WebSocketMessageParams p;
            p.url = url;
            p.status = 400;
            p.netError = u"net::ERR_CONNECTION_REFUSED"_s;
            const QString text = *catalog().chromiumWebSocketMessage(code, p);
            out << Row {u"chromium %1 %2"_s.arg(
                            code, url == WsUrl ? u"websocket-only"_s : u"upgrade probe"_s),
                text, u"chromium-websocket"_s, code, url, {},
                code == u"WebSocketUnexpectedResponseCode"_s ? u"status"_s : QString(), u"400"_s,
                -1, u"chromium"_s};
        }
    }
    // Chromium's other console lines.
    for (const QString &code : catalog().chromiumConsoleCodes()) {
        ChromiumConsoleParams p;
        p.url = u"http://api.example.com/socket.io/?EIO=4&transport=polling&t=PxYz12a"_s;
        p.pageUrl = u"https://app.example.com/chat"_s;
        p.hint = u"Cookie"_s;
        const QString text = *catalog().chromiumConsoleMessage(code, p);
        const bool mixed = code == u"mixed-content"_s;
        out << Row {u"chromium console %1"_s.arg(code), text, u"chromium-console"_s, code,
            mixed ? p.url : QString(), mixed ? u"https://app.example.com"_s : QString(),
            code == u"RefusedToSetUnsafeHeader"_s ? u"header"_s : QString(), p.hint, -1,
            u"chromium"_s};
    }
    // The network lines alone.
    for (const QString &code : catalog().networkCodes()) {
        NetworkLineParams p;
        p.url = Url;
        p.status = code == u"HttpError"_s ? 400 : 200;
        if (code == u"HttpError"_s)
            p.netError.clear();
        out << Row {u"chromium network %1 devtools"_s.arg(code), catalog().companionLine(p),
            u"chromium-network"_s, code, Url, {}, u"status"_s, QString::number(p.status), -1,
            u"chromium"_s};
        out << Row {u"chromium network %1 console"_s.arg(code), catalog().companionConsoleText(p),
            u"chromium-network"_s, code, {}, {}, {}, {}, -1, u"chromium"_s};
    }
    // connect_error as the page logs it.
    for (const QString &code : catalog().connectErrorCodes()) {
        const QString message = *catalog().connectErrorMessage(code, u"not authorized"_s);
        const QString text
            = code == u"NamespaceRefused"_s ? u"connect_error: "_s + message : message;
        out << Row {u"connect_error %1"_s.arg(code), text, u"socket.io-client"_s, code, {}, {},
            u"connectError"_s, message, -1, u"chromium"_s};
    }
    // Engine.IO's messages, bare and as the response body.
    for (const QString &message : ErrorExplainer::engineIoMessages()) {
        out << Row {u"engine.io %1"_s.arg(message), message, u"engine.io-server"_s, message, {}, {},
            u"serverMessage"_s, message, -1, u"chromium"_s};
    }
    out << Row {u"engine.io Session ID unknown as JSON"_s,
        u"{\"code\":1,\"message\":\"Session ID unknown\"}"_s, u"engine.io-server"_s,
        u"Session ID unknown"_s, {}, {}, u"serverMessage"_s, u"Session ID unknown"_s, -1,
        u"chromium"_s};
    return out;
}

QString fieldOf(const ErrorCase &c, const QString &field)
{
    if (field == u"allowOrigin"_s)
        return c.allowOrigin;
    if (field == u"header"_s)
        return c.header;
    if (field == u"method"_s)
        return c.method;
    if (field == u"token"_s)
        return c.token;
    if (field == u"status"_s)
        return QString::number(c.status);
    if (field == u"connectError"_s)
        return c.connectError;
    if (field == u"serverMessage"_s)
        return c.serverMessage;
    return u"(unknown field %1)"_s.arg(field);
}

// Runs are in-process; the same profile runs once.
RunResult run(const Profile &profile, bool proveFix = false)
{
    static QHash<QByteArray, RunResult> cache;
    const QByteArray key = ProfileWriter::toJson(profile);
    if (!proveFix && cache.contains(key))
        return cache.value(key);
    RunOptions options;
    options.proveFix = proveFix;
    const RunResult result = TestRun::runToEnd(profile, options);
    if (!proveFix)
        cache.insert(key, result);
    return result;
}

} // namespace

class TestErrorExplainer : public QObject {
    Q_OBJECT

private slots:
    void catalogMessage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("preflight");
        QTest::addColumn<QString>("browser");
        for (const Row &r : rows())
            QTest::newRow(qPrintable(r.name)) << r.text << r.source << r.code << r.url << r.origin
                                              << r.field << r.value << r.preflight << r.browser;
    }

    void catalogMessage()
    {
        QFETCH(QString, text);
        QFETCH(QString, source);
        QFETCH(QString, code);
        QFETCH(QString, url);
        QFETCH(QString, origin);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(int, preflight);
        QFETCH(QString, browser);

        const Explanation e = ErrorExplainer::explain(text);
        QVERIFY2(e.recognised(), qPrintable(e.error));
        const ErrorCase &c = *e.errorCase;
        QCOMPARE(explainedSourceName(c.source), source);
        QCOMPARE(c.code, code);
        if (!url.isEmpty())
            QCOMPARE(c.url, url);
        if (!origin.isEmpty()) {
            QCOMPARE(c.pageOrigin, origin);
            QVERIFY(!c.pageOriginAssumed);
        }
        if (!field.isEmpty())
            QCOMPARE(fieldOf(c, field), value);
        if (preflight != -1)
            QCOMPARE(c.preflight, bool(preflight));
        QCOMPARE(browserName(c.browser), browser);
        QVERIFY(!e.toText(u"en"_s).isEmpty());
        QVERIFY(!e.toText(u"zh-CN"_s).isEmpty());

        if (notReproducible().contains(code)) {
            QVERIFY2(!e.profile, "a listed code got a profile: take it off the list");
            QCOMPARE(e.notReproducibleEn, ErrorExplainer::whyNotReproducible(code, u"en-US"_s));
            QVERIFY(!e.notReproducibleEn.isEmpty());
            QVERIFY(!e.notReproducibleZh.isEmpty());
            QVERIFY(e.toText(u"en"_s).contains(e.notReproducibleEn));
            return;
        }
        QVERIFY2(e.profile, qPrintable(e.notReproducibleEn));
        const Profile &profile = *e.profile;
        QCOMPARE(browserName(profile.client.browser), browser);
        QVERIFY(profile.expect.has_value());
        // The profile is a valid file: written and read back unchanged, without errors.
        const ProfileLoadResult again = ProfileReader::read(ProfileWriter::toJson(profile));
        QVERIFY(!again.hasErrors());
        QVERIFY(again.profile == profile);

        const RunResult r = run(profile);
        QString detail;
        QVERIFY2(ErrorExplainer::reproduces(c, r, &detail),
            qPrintable(u"%1 not reproduced: %2"_s.arg(code, detail)));
        if (c.reproduction.kind == Reproduction::Kind::Reason) {
            // The heart: the run browser's own reason is the pasted one.
            QCOMPARE(verdictName(r.verdict.verdict), u"blocked"_s);
            QCOMPARE(r.verdict.reason, code);
        }
        QVERIFY2(r.asExpected,
            qPrintable(u"expect %1 %2, got %3 %4"_s.arg(verdictName(profile.expect->verdict),
                profile.expect->reason, verdictName(r.verdict.verdict), r.verdict.reason)));
    }

    // Every code of the catalogue is reproduced by a run of some row or is on the reviewed
    // list, and the list is the explainer's. (The runs are cached: after catalogMessage this
    // costs nothing.)
    void everyCodeReproducedOrListed()
    {
        QSet<QString> reproduced;
        for (const Row &row : rows()) {
            const Explanation e = ErrorExplainer::explain(row.text);
            if (!e.errorCase || !e.profile || e.errorCase->code != row.code)
                continue;
            if (ErrorExplainer::reproduces(*e.errorCase, run(*e.profile), nullptr))
                reproduced.insert(row.code);
        }
        QStringList all;
        all << catalog().chromiumCodes() << catalog().networkCodes() << catalog().webSocketCodes()
            << catalog().firefoxKeys() << catalog().connectErrorCodes()
            << catalog().chromiumConsoleCodes() << ErrorExplainer::engineIoMessages();
        QStringList missing;
        for (const QString &code : all) {
            if (!reproduced.contains(code) && !notReproducible().contains(code))
                missing << code;
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(u"neither reproduced nor listed: "_s + missing.join(u", "_s)));
        for (const QString &code : notReproducible().keys()) {
            QVERIFY2(all.contains(code), qPrintable(u"listed but unknown: "_s + code));
            QVERIFY2(!reproduced.contains(code), qPrintable(code));
        }
        QCOMPARE(ErrorExplainer::unreproducibleCodes().keys(), notReproducible().keys());
    }

    // A Chromium paste: the CORS line and its network line are one case; the fix is proven.
    void chromiumPasteIsOneCaseWithAProvenFix()
    {
        const QString text = u"Access to XMLHttpRequest at 'https://chat.example.org/ws/socket.io/"
                             "?EIO=4&transport=polling&t=OqTa1' from origin "
                             "'https://app.example.org' has been blocked by CORS policy: No "
                             "'Access-Control-Allow-Origin' header is present on the requested "
                             "resource.\nGET https://chat.example.org/ws/socket.io/?EIO=4&"
                             "transport=polling&t=OqTa1 net::ERR_FAILED 200 (OK)\n"_s;
        const Explanation e = ErrorExplainer::explain(text);
        QCOMPARE(e.lines.size(), 2);
        QVERIFY(e.errorCase);
        QCOMPARE(e.errorCase->code, u"MissingAllowOriginHeader"_s);
        QCOMPARE(e.errorCase->otherCodes, QStringList {u"NetError"_s});
        QCOMPARE(e.errorCase->method, u"GET"_s);
        QCOMPARE(e.errorCase->status, 200);
        QCOMPARE(e.errorCase->pageOrigin, u"https://app.example.org"_s);
        QVERIFY(e.profile);
        QCOMPARE(e.profile->server.path, u"/ws/socket.io"_s);
        QCOMPARE(e.profile->client.options.path, u"/ws/socket.io"_s);
        QVERIFY(!e.profile->server.cors);
        QVERIFY(e.toText(u"en"_s).contains(u"chat.example.org"_s));
        const RunResult r = run(*e.profile, true);
        QCOMPARE(r.verdict.reason, u"MissingAllowOriginHeader"_s);
        QVERIFY(r.fix);
        const RunResult fixed = run(r.fix->profile);
        QCOMPARE(verdictName(fixed.verdict.verdict), u"connected"_s);
    }

    // The same reason with status 400 beside it: an origin function that errors.
    void status400MeansTheOriginFunction()
    {
        ChromiumMessageParams p;
        p.url = Url;
        p.origin = Origin;
        NetworkLineParams line;
        line.url = Url;
        line.status = 400;
        const Explanation e
            = ErrorExplainer::explain(*catalog().chromiumMessage(u"MissingAllowOriginHeader"_s, p)
                + u'\n' + catalog().companionLine(line));
        QVERIFY(e.profile && e.profile->server.cors);
        QVERIFY(std::holds_alternative<ScriptFunction>(e.profile->server.cors->origin));
        const RunResult r = run(*e.profile);
        QCOMPARE(r.verdict.reason, u"MissingAllowOriginHeader"_s);
        QVERIFY(r.checks.value(r.verdict.failedCheck).status == 400);
    }

    // A 404 without CORS headers: the client's path is not the server's.
    void status404MeansAnotherPath_data()
    {
        QTest::addColumn<QString>("text");
        ChromiumMessageParams p;
        p.url = Url;
        p.origin = Origin;
        NetworkLineParams line;
        line.url = Url;
        line.status = 404;
        QTest::newRow("chromium") << *catalog().chromiumMessage(u"MissingAllowOriginHeader"_s, p)
                + u'\n' + catalog().companionLine(line);
        for (const QString &language : catalog().languages())
            QTest::newRow(qPrintable(u"firefox "_s + language)) << *catalog().firefoxMessage(
                u"CORSMissingAllowOrigin2"_s, language,
                {u"https://x.example/api/socket.io/?EIO=4&transport=polling&t=1"_s, u"404"_s});
    }
    void status404MeansAnotherPath()
    {
        QFETCH(QString, text);
        const Explanation e = ErrorExplainer::explain(text);
        QVERIFY(e.profile);
        QCOMPARE(e.errorCase->status, 404);
        QVERIFY(e.profile->server.path != e.profile->client.options.path);
        QVERIFY(e.profile->server.cors);
        const RunResult r = run(*e.profile);
        QString detail;
        QVERIFY2(ErrorExplainer::reproduces(*e.errorCase, r, &detail), qPrintable(detail));
        QCOMPARE(r.checks.value(r.verdict.failedCheck).status, 404);
    }

    // Firefox's blocking line and "CORS request did not succeed" make a preflight case.
    void firefoxPairIsAPreflight()
    {
        const QString text = u"已拦截跨源请求：同源策略禁止读取位于 "_s + Url
            + u" 的远程资源。（原因：CORS 头缺少 'Access-Control-Allow-Origin'）。状态码：400。\n"
              "已拦截跨源请求：同源策略禁止读取位于 "_s
            + Url + u" 的远程资源。（原因：CORS 请求未能成功）。状态码：400。"_s;
        const Explanation e = ErrorExplainer::explain(text);
        QVERIFY(e.errorCase);
        QCOMPARE(e.errorCase->code, u"CORSMissingAllowOrigin2"_s);
        QCOMPARE(e.errorCase->language, u"zh-CN"_s);
        QCOMPARE(e.errorCase->otherCodes, QStringList {u"CORSDidNotSucceed2"_s});
        QVERIFY(e.errorCase->preflight);
        QVERIFY(e.errorCase->pageOriginAssumed);
        QVERIFY(e.profile);
        QCOMPARE(e.profile->client.options.extraHeaders.size(), size_t(1));
        QVERIFY(e.toText(u"zh-CN"_s).contains(u"假定"_s));
    }

    // A whole console paste: unrelated lines are counted, repeats are one case, a different
    // reason is named.
    void wholeConsolePaste()
    {
        ChromiumMessageParams p;
        p.url = Url;
        p.origin = Origin;
        const QString cors = *catalog().chromiumMessage(u"MissingAllowOriginHeader"_s, p);
        ChromiumConsoleParams unsafe;
        unsafe.hint = u"Cookie"_s;
        const QString text = u"[vite] connected.\n"_s + cors + u"\n\n"_s + cors
            + u"\nDownload the React DevTools for a better development experience\n"_s
            + *catalog().chromiumConsoleMessage(u"RefusedToSetUnsafeHeader"_s, unsafe)
            + u"\nxhr poll error\n"_s;
        const Explanation e = ErrorExplainer::explain(text);
        QVERIFY(e.errorCase);
        QCOMPARE(e.errorCase->code, u"MissingAllowOriginHeader"_s);
        QCOMPARE(e.unrecognisedLines, 2);
        QCOMPARE(e.lines.size(), 4);
        QCOMPARE(e.errorCase->otherCodes,
            (QStringList {u"RefusedToSetUnsafeHeader"_s, u"XhrPollError"_s}));
        QCOMPARE(e.errorCase->connectError, u"xhr poll error"_s);
        QVERIFY(e.errorCase->otherReasons.isEmpty());
    }

    // Engine.IO refuses a WebSocket handshake with 400; another status came from elsewhere.
    void otherWebSocketStatusIsNotReproducible()
    {
        WebSocketMessageParams p;
        p.url = WsUrl;
        p.status = 502;
        const Explanation e = ErrorExplainer::explain(
            *catalog().chromiumWebSocketMessage(u"WebSocketUnexpectedResponseCode"_s, p));
        QVERIFY(e.errorCase);
        QCOMPARE(e.errorCase->status, 502);
        QVERIFY(!e.profile);
        QVERIFY(e.notReproducibleEn.contains(u"a 502 came from something else"_s));
        QVERIFY(!e.notReproducibleZh.isEmpty());
    }

    // reproduces() says no, and what happened instead, when a run shows something else.
    void anotherOutcomeIsNotAReproduction()
    {
        ChromiumMessageParams p;
        p.url = Url;
        p.origin = Origin;
        p.hint = Origin + u'/';
        const Explanation mismatch
            = ErrorExplainer::explain(*catalog().chromiumMessage(u"AllowOriginMismatch"_s, p));
        QVERIFY(mismatch.profile);
        Profile fixed = *mismatch.profile;
        fixed.server.cors->origin = Origin;
        QString detail;
        QVERIFY(!ErrorExplainer::reproduces(*mismatch.errorCase, run(fixed), &detail));
        QCOMPARE(detail, u"the run ended connected"_s);
        // Another block is not this block.
        Profile other = *mismatch.profile;
        other.server.cors.reset();
        QVERIFY(!ErrorExplainer::reproduces(*mismatch.errorCase, run(other), &detail));
        QVERIFY(detail.contains(u"MissingAllowOriginHeader"_s));
        // A connect_error case wants that connect_error.
        const Explanation post = ErrorExplainer::explain(u"xhr post error"_s);
        QVERIFY(post.profile);
        QVERIFY(!ErrorExplainer::reproduces(*post.errorCase, run(other), &detail));
        QVERIFY(detail.contains(u"xhr poll error"_s));
    }

    void garbageSaysWhatWasExpected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank lines") << u"\n \n\t\n"_s;
        QTest::newRow("prose") << u"my socket does not work, help"_s;
        QTest::newRow("almost Chromium") << u"Access to XMLHttpRequest at 'x' was fine"_s;
        QTest::newRow("an engine.io message inside prose") << u"got Session ID unknown again"_s;
        QTest::newRow("binary") << QString::fromLatin1("\x01\x02\xff\xfe", 4);
    }
    void garbageSaysWhatWasExpected()
    {
        QFETCH(QString, text);
        const Explanation e = ErrorExplainer::explain(text);
        QVERIFY(!e.recognised());
        QVERIFY(!e.profile);
        QVERIFY(e.error.contains(u"nothing in the text was recognised"_s));
        QVERIFY(e.error.contains(u"Access to XMLHttpRequest"_s));
        QVERIFY(e.error.contains(u"Cross-Origin Request Blocked"_s));
        QVERIFY(e.toJson().contains(u"error"_s));
    }

    // Bounded: more than 1 MiB is refused at once, in characters or bytes; long lines are
    // skipped, not matched.
    void largeInputIsRefusedFast()
    {
        QElapsedTimer timer;
        timer.start();
        const QByteArray huge(50 * 1024 * 1024, 'a');
        const Explanation bytes = ErrorExplainer::explainUtf8(huge);
        QVERIFY(bytes.error.contains(u"at most 1048576 bytes"_s));
        const Explanation chars = ErrorExplainer::explain(QString(2 * 1024 * 1024, u'x'));
        QVERIFY(chars.error.contains(u"at most 1048576 bytes"_s));
        // Just over the limit only in UTF-8 (three bytes per character).
        const Explanation wide = ErrorExplainer::explain(QString(400 * 1024, QChar(0x4e2d)));
        QVERIFY(wide.error.contains(u"1228800 bytes"_s));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));

        ChromiumMessageParams p;
        p.url = Url;
        p.origin = Origin;
        timer.restart();
        const QString longLine = QString(ErrorExplainer::MaxLineChars + 1, u'a');
        QString text;
        for (int i = 0; i < 12; ++i)
            text += longLine.left(70000) + u'\n';
        text += *catalog().chromiumMessage(u"MissingAllowOriginHeader"_s, p);
        const Explanation mixed = ErrorExplainer::explain(text);
        QVERIFY(mixed.recognised());
        QCOMPARE(mixed.unrecognisedLines, 12);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void jsonHasTheCaseAndTheProfile()
    {
        const Explanation e = ErrorExplainer::explain(u"Session ID unknown"_s);
        const QJsonObject o = e.toJson();
        QCOMPARE(o.value(u"format"_s).toString(), u"corslab-explain"_s);
        QCOMPARE(
            o.value(u"case"_s).toObject().value(u"code"_s).toString(), u"Session ID unknown"_s);
        QCOMPARE(o.value(u"profile"_s)
                     .toObject()
                     .value(u"server"_s)
                     .toObject()
                     .value(u"proxy"_s)
                     .toObject()
                     .value(u"instances"_s)
                     .toInt(),
            2);
        QVERIFY(o.value(u"case"_s)
                    .toObject()
                    .value(u"explanation"_s)
                    .toObject()
                    .value(u"zh-CN"_s)
                    .toString()
                    .contains(u"负载均衡器"_s));
        QVERIFY(
            e.headline(u"en"_s).startsWith(u"Engine.IO server message · Session ID unknown: "_s));
        const QJsonObject none = ErrorExplainer::explain(u"netInterrupt"_s).toJson();
        QVERIFY(none.contains(u"error"_s));
        QCOMPARE(ErrorExplainer::explain(u"netInterrupt"_s).headline(u"en"_s),
            none.value(u"error"_s).toString());
        const Explanation mixed = ErrorExplainer::explain(
            u"Blocked loading mixed active content “http://api.example.com/socket.io/?EIO=4&transport=polling&t=1”"_s);
        QVERIFY(mixed.headline(u"zh-CN"_s).contains(u"无法用配置再现"_s));
    }
};

QTEST_GUILESS_MAIN(TestErrorExplainer)
#include "tst_errorexplainer.moc"
