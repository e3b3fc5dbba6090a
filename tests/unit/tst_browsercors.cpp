// BrowserCors: the request plan (Origin, dropped and CORS-unsafe headers, preflight shape) and the
// Chromium and Firefox verdicts, each browser in its own check order, for preflight, actual and
// redirect responses and for the checks made before any request (mixed content, Local Network
// Access, schemes, methods).
//
// Each row gives the request and the response and expects both browsers' reason codes, written
// "Code 'hint'" (hint in quotes, absent when the message has none), "pass", "n/a" (this browser
// makes no such check for this request), "(net::ERR_…)" / "(SecurityError)" for a failure with no
// CORS message; " then X" for a further line Firefox logs, " warn X" for a warning.
// Responses marked "real" are what socket.io 4.8.4 with cors 2.8.6 sent (Node 20, printed by a
// probe script: status and Access-Control-*/Vary lines as received). Rows marked "seen" were also
// run as XHRs in headless Chromium 156 (CDP corsErrorStatus) and Firefox ESR 153 (BiDi console
// lines) from Debian 12, with the same responses, and gave the codes expected here.
#include "cors/browsercors.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(corslab::BrowserRequest)
Q_DECLARE_METATYPE(corslab::BrowserResponse)
Q_DECLARE_METATYPE(corslab::CorsStage)

namespace {

const QString Page = u"http://a.test"_s;
const QString Url = u"http://api.test:3000/socket.io/?EIO=4&transport=polling&t=abc"_s;
const QString Loopback = u"http://127.0.0.1:3000/socket.io/?EIO=4&transport=polling&t=abc"_s;

QList<BrowserHeader> lines(const QStringList &text)
{
    QList<BrowserHeader> headers;
    for (const QString &line : text) {
        const qsizetype colon = line.indexOf(u':');
        QString value = line.mid(colon + 1);
        if (value.startsWith(u' '))
            value.remove(0, 1);
        headers << BrowserHeader {line.left(colon), value};
    }
    return headers;
}

QStringList text(const QList<BrowserHeader> &headers)
{
    QStringList out;
    for (const BrowserHeader &header : headers)
        out << header.name + u": "_s + header.value;
    return out;
}

// A request written field by field: Req().method(u"PUT"_s).header(u"X-Token"_s, u"a"_s).
struct Req {
    BrowserRequest r;
    Req()
    {
        r.url = Url;
        r.pageOrigin = Page;
    }
    Req &browser(Browser b) { return r.browser = b, *this; }
    Req &api(RequestApi a) { return r.api = a, *this; }
    Req &method(const QString &m) { return r.method = m, *this; }
    Req &url(const QString &u) { return r.url = u, *this; }
    Req &page(const QString &p) { return r.pageOrigin = p, *this; }
    Req &header(const QString &n, const QString &v)
    {
        return r.headers << BrowserHeader {n, v}, *this;
    }
    Req &include() { return r.credentials = CredentialsMode::Include, *this; }
    Req &omit() { return r.credentials = CredentialsMode::Omit, *this; }
    Req &body() { return r.hasBody = true, *this; }
    Req &forcePreflight() { return r.forcePreflight = true, *this; }
    Req &address(const QString &a) { return r.targetAddress = a, *this; }
    Req &pageAddress(const QString &a) { return r.pageAddress = a, *this; }
    Req &denyLocalNetwork()
    {
        return r.localNetworkPermission = LocalNetworkPermission::Denied, *this;
    }
    operator BrowserRequest() const { return r; }
};

// engine.io-client's XHR polling request: extraHeaders, then Accept (and Content-type on POST).
Req token()
{
    return Req().header(u"X-Token"_s, u"abc"_s);
}

BrowserResponse res(int status, const QStringList &headerLines = {})
{
    BrowserResponse response;
    response.status = status;
    response.headers = lines(headerLines);
    return response;
}

QString hinted(const BrowserReason &reason)
{
    return reason.hint ? reason.code + u" '"_s + *reason.hint + u"'"_s : reason.code;
}

QString describe(const BrowserOutcome &outcome)
{
    if (!outcome.applies)
        return u"n/a"_s;
    QString out;
    if (outcome.passed)
        out = u"pass"_s;
    else if (!outcome.reason.code.isEmpty())
        out = hinted(outcome.reason);
    else
        out = u"("_s
            + (!outcome.scriptException.isEmpty()     ? outcome.scriptException
                    : !outcome.networkError.isEmpty() ? outcome.networkError
                                                      : u"failed"_s)
            + u")"_s;
    if (!outcome.possibleHints.isEmpty())
        out += u" (one of "_s + outcome.possibleHints.join(u'|') + u")"_s;
    for (const BrowserReason &also : outcome.alsoLogged)
        out += u" then "_s + hinted(also);
    for (const BrowserReason &warning : outcome.warnings)
        out += u" warn "_s + hinted(warning);
    return out;
}

QStringList noteCodesOf(const CorsCheck &check)
{
    QStringList out;
    for (const BrowserReason &note : check.notes)
        out << hinted(note);
    return out;
}

QString dispositionName(HeaderDisposition disposition)
{
    switch (disposition) {
    case HeaderDisposition::Sent:
        return u"sent"_s;
    case HeaderDisposition::DroppedForbidden:
        return u"dropped"_s;
    case HeaderDisposition::ThrewSyntaxError:
        return u"SyntaxError"_s;
    case HeaderDisposition::ThrewTypeError:
        return u"TypeError"_s;
    case HeaderDisposition::NotSupported:
        return u"unsupported"_s;
    }
    return QString();
}

// 128 bytes of a character, for the 128-byte and 1024-byte rules.
QString bytes(qsizetype n, QChar c = u'1')
{
    return QString(n, c);
}

// Eight headers Chromium safelists, 128 bytes each: exactly 1024 bytes of safelisted values.
Req chromiumSafelistedKilobyte()
{
    return Req()
        .header(u"Accept"_s, bytes(128, u'a'))
        .header(u"Accept-Language"_s, bytes(128, u'a'))
        .header(u"Content-Language"_s, bytes(128, u'a'))
        .header(u"Content-Type"_s, u"text/plain;a="_s + bytes(115, u'b'))
        .header(u"Intervention"_s, bytes(128, u'c'))
        .header(u"DPR"_s, bytes(128))
        .header(u"Width"_s, bytes(128))
        .header(u"Viewport-Width"_s, bytes(128));
}

} // namespace

class tst_BrowserCors : public QObject {
    Q_OBJECT

private slots:
    void requestPlan_data();
    void requestPlan();
    void plannedHeaders_data();
    void plannedHeaders();
    void preflightRequest_data();
    void preflightRequest();
    void beforeRequest_data();
    void beforeRequest();
    void preflightVerdict_data();
    void preflightVerdict();
    void responseVerdict_data();
    void responseVerdict();
    void redirect_data();
    void redirect();
    void networkFailure_data();
    void networkFailure();
    void checkRecord();
    void chromiumNetErrorOnEveryCorsFailure();
    void redirectLimit();
    void taintedOriginStaysNull();
    void preflightAgainAfterRedirect();
    void codesAreListed();
};

void tst_BrowserCors::requestPlan_data()
{
    QTest::addColumn<BrowserRequest>("request");
    QTest::addColumn<QString>("origin"); // the Origin header, "-" for none
    QTest::addColumn<bool>("cors");
    QTest::addColumn<bool>("preflight");
    QTest::addColumn<QStringList>("unsafe");
    QTest::addColumn<QStringList>("dropped");
    QTest::addColumn<bool>("cookies");

    const QStringList none;
    // Fetch "main fetch" / "append a request Origin header" (cors.md §2.1).
    QTest::newRow("cross-origin GET poll: Origin, no preflight")
        << BrowserRequest(Req()) << Page << true << false << none << none << false;
    QTest::newRow("cross-origin POST with engine.io's text/plain: no preflight") << BrowserRequest(
        Req().method(u"POST"_s).header(u"Content-type"_s, u"text/plain;charset=UTF-8"_s).body())
                                                                                 << Page << true
                                                                                 << false << none
                                                                                 << none << false;
    QTest::newRow("same-origin GET has no Origin")
        << BrowserRequest(Req().page(u"http://api.test:3000"_s)) << u"-"_s << false << false << none
        << none << true;
    QTest::newRow("same-origin POST has an Origin")
        << BrowserRequest(Req().page(u"http://api.test:3000"_s).method(u"POST"_s).body())
        << u"http://api.test:3000"_s << false << false << none << none << true;
    QTest::newRow("same-origin: default port :80 written out")
        << BrowserRequest(Req().page(u"http://api.test:80"_s).url(u"http://api.test/x"_s)) << u"-"_s
        << false << false << none << none << true;
    QTest::newRow("same-origin: https :443 and host case")
        << BrowserRequest(Req().page(u"https://API.test:443"_s).url(u"https://api.test/x"_s))
        << u"-"_s << false << false << none << none << true;
    QTest::newRow("same-origin include sends cookies")
        << BrowserRequest(Req().page(u"http://api.test:3000"_s).include()) << u"-"_s << false
        << false << none << none << true;
    QTest::newRow("localhost and 127.0.0.1 are different origins")
        << BrowserRequest(Req().page(u"http://localhost:3000"_s).url(Loopback))
        << u"http://localhost:3000"_s << true << false << none << none << false;
    QTest::newRow("http and https are different origins")
        << BrowserRequest(Req().page(u"https://api.test:3000"_s)) << u"https://api.test:3000"_s
        << true << false << none << none << false;
    QTest::newRow("page written as a URL with a path")
        << BrowserRequest(Req().page(u"http://a.test/app/index.html"_s)) << Page << true << false
        << none << none << false;
    QTest::newRow("opaque page origin sends null")
        << BrowserRequest(Req().page(u"null"_s)) << u"null"_s << true << false << none << none
        << false;
    QTest::newRow("file: page is opaque")
        << BrowserRequest(Req().page(u"file:///home/me/index.html"_s)) << u"null"_s << true << false
        << none << none << false;
    QTest::newRow("withCredentials sends cookies cross-origin")
        << BrowserRequest(Req().include()) << Page << true << false << none << none << true;
    QTest::newRow("same-origin credentials mode sends none cross-origin")
        << BrowserRequest(Req()) << Page << true << false << none << none << false;
    // Fetch "CORS-unsafe request-header names", sorted lower-case (cors.md §2.2).
    QTest::newRow("extraHeaders Authorization preflights")
        << BrowserRequest(Req().header(u"Authorization"_s, u"Bearer x"_s)) << Page << true << true
        << QStringList {u"authorization"_s} << none << false;
    QTest::newRow("unsafe names lower-cased and sorted")
        << BrowserRequest(Req()
                              .header(u"X-Token"_s, u"a"_s)
                              .header(u"Authorization"_s, u"b"_s)
                              .header(u"x-b"_s, u"c"_s))
        << Page << true << true << QStringList {u"authorization"_s, u"x-b"_s, u"x-token"_s} << none
        << false;
    QTest::newRow("repeated name combined once")
        << BrowserRequest(Req().header(u"X-Token"_s, u"a"_s).header(u"x-token"_s, u"b"_s)) << Page
        << true << true << QStringList {u"x-token"_s} << none << false;
    QTest::newRow("Cookie is forbidden: dropped, no preflight")
        << BrowserRequest(Req().header(u"Cookie"_s, u"io=1"_s)) << Page << true << false << none
        << QStringList {u"Cookie"_s} << false;
    QTest::newRow("Sec- and Proxy- prefixes are forbidden")
        << BrowserRequest(
               Req().header(u"Sec-Token"_s, u"a"_s).header(u"Proxy-Authorization"_s, u"b"_s))
        << Page << true << false << none << QStringList {u"Sec-Token"_s, u"Proxy-Authorization"_s}
        << false;
    QTest::newRow("Origin and Host cannot be set")
        << BrowserRequest(Req().header(u"Origin"_s, u"http://b.test"_s).header(u"Host"_s, u"x"_s))
        << Page << true << false << none << QStringList {u"Origin"_s, u"Host"_s} << false;
    QTest::newRow("Chromium still forbids User-Agent [seen]")
        << BrowserRequest(Req().header(u"User-Agent"_s, u"bot"_s)) << Page << true << false << none
        << QStringList {u"User-Agent"_s} << false;
    QTest::newRow("Firefox lets User-Agent through, unsafe [seen]")
        << BrowserRequest(Req().browser(Browser::Firefox).header(u"User-Agent"_s, u"bot"_s)) << Page
        << true << true << QStringList {u"user-agent"_s} << none << false;
    QTest::newRow("X-HTTP-Method-Override naming TRACE is forbidden")
        << BrowserRequest(Req().header(u"X-HTTP-Method-Override"_s, u"GET, trace"_s)) << Page
        << true << false << none << QStringList {u"X-HTTP-Method-Override"_s} << false;
    QTest::newRow("X-HTTP-Method-Override naming PATCH is merely unsafe")
        << BrowserRequest(Req().header(u"X-HTTP-Method-Override"_s, u"PATCH"_s)) << Page << true
        << true << QStringList {u"x-http-method-override"_s} << none << false;
    QTest::newRow("Content-Type application/json is unsafe")
        << BrowserRequest(Req().method(u"POST"_s).header(u"Content-Type"_s, u"application/json"_s))
        << Page << true << true << QStringList {u"content-type"_s} << none << false;
    QTest::newRow("Content-Type with a quoted charset is unsafe (\")")
        << BrowserRequest(Req().header(u"Content-Type"_s, u"text/plain; charset=\"utf-8\""_s))
        << Page << true << true << QStringList {u"content-type"_s} << none << false;
    QTest::newRow("Content-Type multipart/form-data with boundary is safe")
        << BrowserRequest(Req().header(u"Content-Type"_s, u"multipart/form-data; boundary=x"_s))
        << Page << true << false << none << none << false;
    QTest::newRow("Content-Type urlencoded, upper case, is safe")
        << BrowserRequest(Req().header(u"Content-Type"_s, u"Application/X-WWW-Form-URLEncoded"_s))
        << Page << true << false << none << none << false;
    QTest::newRow("Content-Type that is no MIME type is unsafe")
        << BrowserRequest(Req().header(u"Content-Type"_s, u"text"_s)) << Page << true << true
        << QStringList {u"content-type"_s} << none << false;
    QTest::newRow("Accept of 129 bytes is unsafe")
        << BrowserRequest(Req().header(u"Accept"_s, bytes(129, u'a'))) << Page << true << true
        << QStringList {u"accept"_s} << none << false;
    QTest::newRow("Accept of 128 bytes is safe")
        << BrowserRequest(Req().header(u"Accept"_s, bytes(128, u'a'))) << Page << true << false
        << none << none << false;
    QTest::newRow("Accept with ( is unsafe")
        << BrowserRequest(Req().header(u"Accept"_s, u"text/html(x)"_s)) << Page << true << true
        << QStringList {u"accept"_s} << none << false;
    QTest::newRow("Accept-Language en-US,en;q=0.9 is safe")
        << BrowserRequest(Req().header(u"Accept-Language"_s, u"en-US,en;q=0.9"_s)) << Page << true
        << false << none << none << false;
    QTest::newRow("Content-Language with _ is unsafe")
        << BrowserRequest(Req().header(u"Content-Language"_s, u"en_US"_s)) << Page << true << true
        << QStringList {u"content-language"_s} << none << false;
    QTest::newRow("Range bytes=0- is safe")
        << BrowserRequest(Req().header(u"Range"_s, u"bytes=0-"_s)) << Page << true << false << none
        << none << false;
    QTest::newRow("Range suffix bytes=-5 is unsafe")
        << BrowserRequest(Req().header(u"Range"_s, u"bytes=-5"_s)) << Page << true << true
        << QStringList {u"range"_s} << none << false;
    QTest::newRow("Range with two ranges is unsafe")
        << BrowserRequest(Req().header(u"Range"_s, u"bytes=0-1,3-4"_s)) << Page << true << true
        << QStringList {u"range"_s} << none << false;
    QTest::newRow("Chromium safelists the DPR client hint")
        << BrowserRequest(Req().header(u"DPR"_s, u"2.0"_s)) << Page << true << false << none << none
        << false;
    QTest::newRow("Firefox does not safelist DPR")
        << BrowserRequest(Req().browser(Browser::Firefox).header(u"DPR"_s, u"2.0"_s)) << Page
        << true << true << QStringList {u"dpr"_s} << none << false;
    QTest::newRow("Chromium: safelisted values of exactly 1024 bytes stay safe") << BrowserRequest(
        chromiumSafelistedKilobyte()) << Page << true << false << none << none << false;
    QTest::newRow("Chromium: 1025 bytes make every safelisted header unsafe [seen]")
        << BrowserRequest(chromiumSafelistedKilobyte().header(u"Device-Memory"_s, u"8"_s)) << Page
        << true << true
        << QStringList {u"accept"_s, u"accept-language"_s, u"content-language"_s, u"content-type"_s,
               u"device-memory"_s, u"dpr"_s, u"intervention"_s, u"viewport-width"_s, u"width"_s}
        << none << false;
    QTest::newRow("Firefox has no 1024-byte rule [seen]") << BrowserRequest(
        chromiumSafelistedKilobyte().browser(Browser::Firefox).header(u"Device-Memory"_s, u"8"_s))
                                                          << Page << true << true
                                                          << QStringList {u"device-memory"_s,
                                                                 u"dpr"_s, u"intervention"_s,
                                                                 u"viewport-width"_s, u"width"_s}
                                                          << none << false;
    QTest::newRow("PUT preflights without headers")
        << BrowserRequest(Req().method(u"put"_s)) << Page << true << true << none << none << false;
    QTest::newRow("HEAD is safelisted") << BrowserRequest(Req().method(u"head"_s)) << Page << true
                                        << false << none << none << false;
    QTest::newRow("upload listeners force a preflight")
        << BrowserRequest(Req().method(u"POST"_s).forcePreflight()) << Page << true << true << none
        << none << false;
    QTest::newRow("Node client: no Origin, no CORS, nothing dropped")
        << BrowserRequest(Req().browser(Browser::Node).header(u"Cookie"_s, u"io=1"_s)) << u"-"_s
        << false << false << none << none << false;
    QTest::newRow("WebSocket handshake always has an Origin, same-origin too")
        << BrowserRequest(Req()
                              .api(RequestApi::WebSocket)
                              .page(u"http://api.test:3000"_s)
                              .url(u"ws://api.test:3000/socket.io/?EIO=4&transport=websocket"_s))
        << u"http://api.test:3000"_s << false << false << none << none << true;
}

void tst_BrowserCors::requestPlan()
{
    QFETCH(BrowserRequest, request);
    QFETCH(QString, origin);
    QFETCH(bool, cors);
    QFETCH(bool, preflight);
    QFETCH(QStringList, unsafe);
    QFETCH(QStringList, dropped);
    QFETCH(bool, cookies);

    const BrowserCors cors_(request);
    QCOMPARE(cors_.originHeader().value_or(u"-"_s), origin);
    QCOMPARE(cors_.isCorsRequest(), cors);
    QCOMPARE(cors_.needsPreflight(), preflight);
    QCOMPARE(cors_.unsafeHeaderNames(), unsafe);
    QStringList droppedNames;
    for (const BrowserHeader &header : cors_.droppedHeaders())
        droppedNames << header.name;
    QCOMPARE(droppedNames, dropped);
    QCOMPARE(cors_.sendsCookies(), cookies);
    QCOMPARE(cors_.actualRequest().sendsCookies, cookies);
    const QStringList actual = text(cors_.actualRequest().headers);
    QCOMPARE(actual.contains(u"Origin: "_s + origin), origin != u"-"_s);
}

void tst_BrowserCors::plannedHeaders_data()
{
    QTest::addColumn<BrowserRequest>("request");
    QTest::addColumn<QStringList>("planned"); // "disposition Name: value"

    QTest::newRow("engine.io POST: author order kept, nothing added")
        << BrowserRequest(Req()
                              .method(u"POST"_s)
                              .header(u"X-Token"_s, u"abc"_s)
                              .header(u"Content-type"_s, u"text/plain;charset=UTF-8"_s)
                              .header(u"Accept"_s, u"*/*"_s)
                              .body())
        << QStringList {u"sent X-Token: abc"_s, u"sent Content-type: text/plain;charset=UTF-8"_s,
               u"sent Accept: */*"_s};
    QTest::newRow("string body without Content-Type: the UA adds it, then Accept")
        << BrowserRequest(Req().method(u"POST"_s).body())
        << QStringList {u"sent Content-Type: text/plain;charset=UTF-8"_s, u"sent Accept: */*"_s};
    QTest::newRow("values are trimmed of HTTP whitespace")
        << BrowserRequest(Req().header(u"X-Token"_s, u"  abc\t"_s))
        << QStringList {u"sent X-Token: abc"_s, u"sent Accept: */*"_s};
    QTest::newRow("repeated name: first spelling, values joined")
        << BrowserRequest(Req().header(u"X-Token"_s, u"a"_s).header(u"x-TOKEN"_s, u"b"_s))
        << QStringList {u"sent X-Token: a, b"_s, u"sent Accept: */*"_s};
    QTest::newRow("invalid name throws SyntaxError")
        << BrowserRequest(Req().header(u"X Token"_s, u"a"_s))
        << QStringList {u"SyntaxError X Token: a"_s, u"sent Accept: */*"_s};
    QTest::newRow("value with a newline throws SyntaxError")
        << BrowserRequest(Req().header(u"X-Token"_s, u"a\nb"_s))
        << QStringList {u"SyntaxError X-Token: a\nb"_s, u"sent Accept: */*"_s};
    QTest::newRow("value beyond Latin-1 throws TypeError")
        << BrowserRequest(Req().header(u"X-Name"_s, u"\u4e2d"_s))
        << QStringList {u"TypeError X-Name: \u4e2d"_s, u"sent Accept: */*"_s};
    QTest::newRow("forbidden header dropped silently")
        << BrowserRequest(Req().header(u"Referer"_s, u"http://x"_s))
        << QStringList {u"dropped Referer: http://x"_s, u"sent Accept: */*"_s};
    QTest::newRow("WebSocket takes no headers") << BrowserRequest(
        Req()
            .api(RequestApi::WebSocket)
            .url(u"ws://api.test:3000/"_s)
            .header(u"Authorization"_s, u"x"_s)) << QStringList {u"unsupported Authorization: x"_s};
}

void tst_BrowserCors::plannedHeaders()
{
    QFETCH(BrowserRequest, request);
    QFETCH(QStringList, planned);

    QStringList actual;
    for (const PlannedHeader &header : BrowserCors(request).plannedHeaders())
        actual << dispositionName(header.disposition) + u' ' + header.header.name + u": "_s
                + header.header.value;
    QCOMPARE(actual, planned);
}

void tst_BrowserCors::preflightRequest_data()
{
    QTest::addColumn<BrowserRequest>("request");
    QTest::addColumn<QStringList>("preflight");

    // Fetch "CORS-preflight fetch" steps 1-5; Chromium preflight_controller.cc
    // CreatePreflightRequest; Firefox nsCORSListenerProxy::StartCORSPreflight (cors.md §2.3).
    QTest::newRow("Chromium: Accept, ACRM, sorted ACRH, Origin, Sec-Fetch-Mode")
        << BrowserRequest(Req()
                              .method(u"PUT"_s)
                              .header(u"X-Token"_s, u"a"_s)
                              .header(u"Authorization"_s, u"b"_s))
        << QStringList {u"Accept: */*"_s, u"Access-Control-Request-Method: PUT"_s,
               u"Access-Control-Request-Headers: authorization,x-token"_s,
               u"Origin: http://a.test"_s, u"Sec-Fetch-Mode: cors"_s};
    QTest::newRow("Firefox: the same without Sec-Fetch-Mode")
        << BrowserRequest(Req()
                              .browser(Browser::Firefox)
                              .method(u"PUT"_s)
                              .header(u"X-Token"_s, u"a"_s)
                              .header(u"Authorization"_s, u"b"_s))
        << QStringList {u"Accept: */*"_s, u"Access-Control-Request-Method: PUT"_s,
               u"Access-Control-Request-Headers: authorization,x-token"_s,
               u"Origin: http://a.test"_s};
    QTest::newRow("method only: no ACRH")
        << BrowserRequest(Req().method(u"DELETE"_s))
        << QStringList {u"Accept: */*"_s, u"Access-Control-Request-Method: DELETE"_s,
               u"Origin: http://a.test"_s, u"Sec-Fetch-Mode: cors"_s};
    QTest::newRow("non-normalised method keeps its case")
        << BrowserRequest(Req().method(u"patch"_s))
        << QStringList {u"Accept: */*"_s, u"Access-Control-Request-Method: patch"_s,
               u"Origin: http://a.test"_s, u"Sec-Fetch-Mode: cors"_s};
    QTest::newRow("credentialed request: preflight still without cookies, Origin null page")
        << BrowserRequest(Req().page(u"null"_s).include().header(u"X-Token"_s, u"a"_s))
        << QStringList {u"Accept: */*"_s, u"Access-Control-Request-Method: GET"_s,
               u"Access-Control-Request-Headers: x-token"_s, u"Origin: null"_s,
               u"Sec-Fetch-Mode: cors"_s};
}

void tst_BrowserCors::preflightRequest()
{
    QFETCH(BrowserRequest, request);
    QFETCH(QStringList, preflight);

    const OutgoingRequest outgoing = BrowserCors(request).preflightRequest();
    QCOMPARE(outgoing.method, u"OPTIONS"_s);
    QCOMPARE(outgoing.url, request.url); // the query string (t=) included
    QCOMPARE(outgoing.sendsCookies, false);
    QCOMPARE(text(outgoing.headers), preflight);
}

void tst_BrowserCors::beforeRequest_data()
{
    QTest::addColumn<BrowserRequest>("request");
    QTest::addColumn<QString>("chromium");
    QTest::addColumn<QString>("firefox");
    QTest::addColumn<QStringList>("notes");

    const QStringList none;
    QTest::newRow("public http page to public http: nothing to block")
        << BrowserRequest(Req()) << u"pass"_s << u"pass"_s << none;
    QTest::newRow("forbidden headers: Chromium logs each, Firefox is silent [seen]")
        << BrowserRequest(Req().header(u"Cookie"_s, u"a=b"_s).header(u"Sec-Foo"_s, u"x"_s))
        << u"pass warn RefusedToSetUnsafeHeader 'Cookie' warn RefusedToSetUnsafeHeader 'Sec-Foo'"_s
        << u"pass"_s << none;
    // Mixed Content: blocked before any request (nsMixedContentBlocker BlockMixedActiveContent;
    // Chromium DevTools blockedReason mixed-content).
    QTest::newRow("https page to http public host: mixed content [seen]")
        << BrowserRequest(Req().page(u"https://a.test"_s)) << u"mixed-content"_s
        << u"BlockMixedActiveContent '"_s + Url + u"'"_s << none;
    QTest::newRow("https page to https: fine")
        << BrowserRequest(Req().page(u"https://a.test"_s).url(u"https://api.test/socket.io/"_s))
        << u"pass"_s << u"pass"_s << none;
    QTest::newRow("https page to ws public host: mixed content, SecurityError")
        << BrowserRequest(Req()
                              .api(RequestApi::WebSocket)
                              .page(u"https://a.test"_s)
                              .url(u"ws://api.test:3000/socket.io/"_s))
        << u"mixed-content"_s << u"BlockMixedActiveContent 'ws://api.test:3000/socket.io/'"_s
        << QStringList {u"WebSocketNotCoveredByCors"_s};
    // Local Network Access (Chromium only; cors.md §4.4, local_network_access_check_result.cc).
    QTest::newRow("https public page to 127.0.0.1: not mixed, LNA prompt (granted)")
        << BrowserRequest(Req().page(u"https://a.test"_s).url(Loopback)) << u"pass"_s << u"pass"_s
        << QStringList {u"LocalNetworkAccessPrompt 'loopback'"_s};
    QTest::newRow("https public page to 127.0.0.1, permission denied [seen]")
        << BrowserRequest(Req().page(u"https://a.test"_s).url(Loopback).denyLocalNetwork())
        << u"LocalNetworkAccessPermissionDenied 'loopback'"_s << u"pass"_s << none;
    QTest::newRow("http public page to 127.0.0.1: insecure context blocked [seen]")
        << BrowserRequest(Req().url(Loopback)) << u"InsecureLocalNetwork 'loopback'"_s << u"pass"_s
        << none;
    QTest::newRow("http public page to 192.168.1.10: insecure, local space")
        << BrowserRequest(Req().url(u"http://192.168.1.10:3000/socket.io/"_s))
        << u"InsecureLocalNetwork 'local'"_s << u"pass"_s << none;
    QTest::newRow("host name resolving to loopback (targetAddress)")
        << BrowserRequest(Req().url(u"http://dev.example.test:3000/x"_s).address(u"127.0.0.1"_s))
        << u"InsecureLocalNetwork 'loopback'"_s << u"pass"_s << none;
    QTest::newRow("https page to http 192.168.1.10: Chromium lets LNA decide, Firefox blocks")
        << BrowserRequest(
               Req().page(u"https://a.test"_s).url(u"http://192.168.1.10:3000/socket.io/"_s))
        << u"pass"_s << u"BlockMixedActiveContent 'http://192.168.1.10:3000/socket.io/'"_s
        << QStringList {u"LocalNetworkAccessPrompt 'local'"_s};
    QTest::newRow("https local page to http 192.168.1.10: no LNA, so mixed content")
        << BrowserRequest(
               Req().page(u"https://192.168.1.5"_s).url(u"http://192.168.1.10:3000/socket.io/"_s))
        << u"mixed-content"_s << u"BlockMixedActiveContent 'http://192.168.1.10:3000/socket.io/'"_s
        << none;
    QTest::newRow("page name served from 127.0.0.1 (pageAddress): loopback to loopback")
        << BrowserRequest(Req().url(Loopback).pageAddress(u"127.0.0.1"_s)) << u"pass"_s << u"pass"_s
        << none;
    QTest::newRow("localhost page to 127.0.0.1: same address space")
        << BrowserRequest(Req().page(u"http://localhost:8080"_s).url(Loopback)) << u"pass"_s
        << u"pass"_s << none;
    QTest::newRow("local page to loopback: exempt for now")
        << BrowserRequest(Req().page(u"http://192.168.1.5:8080"_s).url(Loopback)) << u"pass"_s
        << u"pass"_s << none;
    QTest::newRow("WebSocket from http public page to loopback: net error")
        << BrowserRequest(Req().api(RequestApi::WebSocket).url(u"ws://127.0.0.1:3000/socket.io/"_s))
        << u"(net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS)"_s << u"pass"_s
        << QStringList {u"WebSocketNotCoveredByCors"_s};
    QTest::newRow("WebSocket with extraHeaders: not sent")
        << BrowserRequest(Req()
                              .api(RequestApi::WebSocket)
                              .page(u"http://localhost:8080"_s)
                              .url(u"ws://localhost:3000/"_s)
                              .header(u"Authorization"_s, u"x"_s))
        << u"pass"_s << u"pass"_s
        << QStringList {u"WebSocketNotCoveredByCors"_s, u"WebSocketCannotSendHeaders"_s};
    // open() and fetch() refusals.
    QTest::newRow("XHR open TRACE: SecurityError")
        << BrowserRequest(Req().method(u"trace"_s)) << u"(SecurityError)"_s << u"(SecurityError)"_s
        << none;
    QTest::newRow("fetch CONNECT: TypeError")
        << BrowserRequest(Req().api(RequestApi::Fetch).method(u"CONNECT"_s)) << u"(TypeError)"_s
        << u"(TypeError)"_s << none;
    QTest::newRow("unparsable URL: SyntaxError")
        << BrowserRequest(Req().url(u"http://[::1"_s)) << u"(SyntaxError)"_s << u"(SyntaxError)"_s
        << none;
    QTest::newRow("cross-origin ftp: CORS is http(s) only")
        << BrowserRequest(Req().url(u"ftp://api.test/file"_s)) << u"CorsDisabledScheme"_s
        << u"CORSRequestNotHttp"_s << none;
    QTest::newRow("Node client: no browser checks")
        << BrowserRequest(Req().browser(Browser::Node).page(u"https://a.test"_s)) << u"n/a"_s
        << u"n/a"_s << QStringList {u"NoCorsOutsideBrowser"_s};
}

void tst_BrowserCors::beforeRequest()
{
    QFETCH(BrowserRequest, request);
    QFETCH(QString, chromium);
    QFETCH(QString, firefox);
    QFETCH(QStringList, notes);

    const CorsCheck check = BrowserCors(request).checkBeforeRequest();
    QCOMPARE(check.stage, CorsStage::BeforeRequest);
    QString chromiumText = describe(check.chromium);
    // The WebSocket constructor throws on mixed content; show the code, the exception is checked
    // separately.
    if (!check.chromium.reason.code.isEmpty() && !check.chromium.scriptException.isEmpty())
        QCOMPARE(check.chromium.scriptException, u"SecurityError"_s);
    QCOMPARE(chromiumText, chromium);
    QCOMPARE(describe(check.firefox), firefox);
    QCOMPARE(noteCodesOf(check), notes);
}

void tst_BrowserCors::preflightVerdict_data()
{
    QTest::addColumn<BrowserRequest>("request");
    QTest::addColumn<BrowserResponse>("response");
    QTest::addColumn<QString>("chromium");
    QTest::addColumn<QString>("firefox");

    const QString acao = u"Access-Control-Allow-Origin: http://a.test"_s;
    const QString acac = u"Access-Control-Allow-Credentials: true"_s;
    const QString acam = u"Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE"_s;
    const QString then = u" then CORSDidNotSucceed2"_s;

    QTest::newRow("real: cors reflecting the requested headers")
        << BrowserRequest(token())
        << res(204,
               {acao, u"Vary: Origin, Access-Control-Request-Headers"_s, acam,
                   u"Access-Control-Allow-Headers: x-token"_s})
        << u"pass"_s << u"pass"_s;
    // Chromium runs the CORS check before the status; Firefox's CORS listener does the same but
    // names it CORSMissingAllowOrigin2 with the status (cors.md §2.9).
    QTest::newRow("real: Socket.IO without cors answers 400, no ACAO [seen]")
        << BrowserRequest(token()) << res(400) << u"PreflightMissingAllowOriginHeader"_s
        << u"CORSMissingAllowOrigin2 '400'"_s + then;
    QTest::newRow("real: cors with a disallowed origin answers 204 without ACAO")
        << BrowserRequest(token())
        << res(204,
               {u"Vary: Origin, Access-Control-Request-Headers"_s, acam,
                   u"Access-Control-Allow-Headers: x-token"_s})
        << u"PreflightMissingAllowOriginHeader"_s << u"CORSMissingAllowOrigin2 '204'"_s + then;
    QTest::newRow("server error without ACAO: still the ACAO message")
        << BrowserRequest(token()) << res(500) << u"PreflightMissingAllowOriginHeader"_s
        << u"CORSMissingAllowOrigin2 '500'"_s + then;
    QTest::newRow("real: preflightContinue lets engine.io answer 400 with ACAO")
        << BrowserRequest(token())
        << res(400,
               {acao, u"Vary: Origin, Access-Control-Request-Headers"_s, acam,
                   u"Access-Control-Allow-Headers: x-token"_s})
        << u"PreflightInvalidStatus"_s << u"CORSPreflightDidNotSucceed3 '400'"_s + then;
    QTest::newRow("status 300 without Location is not ok")
        << BrowserRequest(token()) << res(300, {acao, u"Access-Control-Allow-Headers: x-token"_s})
        << u"PreflightInvalidStatus"_s << u"CORSPreflightDidNotSucceed3 '300'"_s + then;
    QTest::newRow("status 200 is as good as 204")
        << BrowserRequest(token()) << res(200, {acao, u"Access-Control-Allow-Headers: x-token"_s})
        << u"pass"_s << u"pass"_s;
    QTest::newRow("real: allowedHeaders [Content-Type], client sends X-Token")
        << BrowserRequest(token())
        << res(204,
               {acao, u"Vary: Origin"_s, acam, u"Access-Control-Allow-Headers: Content-Type"_s})
        << u"HeaderDisallowedByPreflightResponse 'x-token'"_s
        << u"CORSMissingAllowHeaderFromPreflight2 'x-token'"_s + then;
    QTest::newRow("ACAO * with credentials")
        << BrowserRequest(token().include())
        << res(204,
               {u"Access-Control-Allow-Origin: *"_s, acac,
                   u"Access-Control-Allow-Headers: x-token"_s})
        << u"PreflightWildcardOriginNotAllowed"_s << u"CORSNotSupportingCredentials"_s + then;
    QTest::newRow("credentials without ACAC on the preflight [seen]")
        << BrowserRequest(token().include())
        << res(204, {acao, u"Access-Control-Allow-Headers: x-token"_s})
        << u"PreflightInvalidAllowCredentials ''"_s << u"CORSMissingAllowCredentials"_s + then;
    QTest::newRow("ACAC is case-sensitive")
        << BrowserRequest(token().include())
        << res(204,
               {acao, u"Access-Control-Allow-Credentials: TRUE"_s,
                   u"Access-Control-Allow-Headers: x-token"_s})
        << u"PreflightInvalidAllowCredentials 'TRUE'"_s << u"CORSMissingAllowCredentials"_s + then;
    QTest::newRow("two ACAC lines join to 'true, true'")
        << BrowserRequest(token().include())
        << res(204, {acao, acac, acac, u"Access-Control-Allow-Headers: x-token"_s})
        << u"PreflightInvalidAllowCredentials 'true, true'"_s
        << u"CORSMissingAllowCredentials"_s + then;
    QTest::newRow("real: credentials:true, origin:true reflecting authorization")
        << BrowserRequest(Req().include().header(u"Authorization"_s, u"Bearer x"_s))
        << res(204,
               {acao, u"Vary: Origin, Access-Control-Request-Headers"_s, acac, acam,
                   u"Access-Control-Allow-Headers: authorization"_s})
        << u"pass"_s << u"pass"_s;
    QTest::newRow("ACAO another origin")
        << BrowserRequest(token())
        << res(204,
               {u"Access-Control-Allow-Origin: http://b.test"_s,
                   u"Access-Control-Allow-Headers: x-token"_s})
        << u"PreflightAllowOriginMismatch 'http://b.test'"_s
        << u"CORSAllowOriginNotMatchingOrigin 'http://b.test'"_s + then;
    QTest::newRow("two ACAO lines (a proxy adds its own)")
        << BrowserRequest(token())
        << res(204, {acao, acao, u"Access-Control-Allow-Headers: x-token"_s})
        << u"PreflightMultipleAllowOriginValues 'http://a.test, http://a.test'"_s
        << u"CORSMultipleAllowOriginNotAllowed"_s + then;
    QTest::newRow("two ACAO * lines, uncredentialed")
        << BrowserRequest(token())
        << res(204,
               {u"Access-Control-Allow-Origin: *"_s, u"Access-Control-Allow-Origin: *"_s,
                   u"Access-Control-Allow-Headers: x-token"_s})
        << u"PreflightMultipleAllowOriginValues '*, *'"_s
        << u"CORSMultipleAllowOriginNotAllowed"_s + then;
    QTest::newRow("ACAO without a scheme") << BrowserRequest(token())
                                           << res(204,
                                                  {u"Access-Control-Allow-Origin: a.test"_s,
                                                      u"Access-Control-Allow-Headers: x-token"_s})
                                           << u"PreflightInvalidAllowOriginValue 'a.test'"_s
                                           << u"CORSAllowOriginNotMatchingOrigin 'a.test'"_s + then;
    // Redirects: Chromium refuses at once; Firefox's CORS listener checks the 3xx first.
    QTest::newRow("preflight redirected, no CORS headers on the 302 [seen]")
        << BrowserRequest(token()) << res(302, {u"Location: https://api.test/socket.io/"_s})
        << u"PreflightDisallowedRedirect"_s
        << u"CORSMissingAllowOrigin2 '302' then CORSDidNotSucceed2"_s + then;
    QTest::newRow("preflight redirected by a 307 that carries CORS headers [seen]")
        << BrowserRequest(token())
        << res(307,
               {acao, u"Access-Control-Allow-Headers: x-token"_s,
                   u"Location: http://api.test:3000/socket.io/?EIO=4"_s})
        << u"PreflightDisallowedRedirect"_s
        << u"CORSExternalRedirectNotAllowed then CORSPreflightDidNotSucceed3 '307'"_s + then;
    // Access-Control-Allow-Methods / -Headers syntax (Fetch: list of tokens).
    QTest::newRow("ACAM not a token list, PUT")
        << BrowserRequest(Req().method(u"PUT"_s))
        << res(204, {acao, u"Access-Control-Allow-Methods: GET POST PUT"_s})
        << u"InvalidAllowMethodsPreflightResponse"_s
        << u"CORSInvalidAllowMethod 'GET POST PUT'"_s + then;
    QTest::newRow("ACAM not a token list fails a safelisted method too")
        << BrowserRequest(token())
        << res(204,
               {acao, u"Access-Control-Allow-Methods: GET POST"_s,
                   u"Access-Control-Allow-Headers: x-token"_s})
        << u"InvalidAllowMethodsPreflightResponse"_s
        << u"CORSInvalidAllowMethod 'GET POST'"_s + then;
    QTest::newRow("ACAM: the first bad token is named [seen]")
        << BrowserRequest(Req().method(u"PUT"_s))
        << res(204, {acao, u"Access-Control-Allow-Methods: PUT, a;b, c d"_s})
        << u"InvalidAllowMethodsPreflightResponse"_s << u"CORSInvalidAllowMethod 'a;b'"_s + then;
    QTest::newRow("ACAH not a token list")
        << BrowserRequest(token())
        << res(204, {acao, u"Access-Control-Allow-Headers: x-token, X-Foo:bar"_s})
        << u"InvalidAllowHeadersPreflightResponse"_s
        << u"CORSInvalidAllowHeader 'X-Foo:bar'"_s + then;
    QTest::newRow(
        "method missing and ACAH unparsable: Chromium parses first, Firefox checks method [seen]")
        << BrowserRequest(token().method(u"PUT"_s))
        << res(204,
               {acao, u"Access-Control-Allow-Methods: GET,POST"_s,
                   u"Access-Control-Allow-Headers: a;b"_s})
        << u"InvalidAllowHeadersPreflightResponse"_s << u"CORSMethodNotFound"_s + then;
    QTest::newRow("real: methods [GET, POST], client PUT")
        << BrowserRequest(Req().method(u"PUT"_s))
        << res(204,
               {acao, u"Vary: Origin, Access-Control-Request-Headers"_s,
                   u"Access-Control-Allow-Methods: GET,POST"_s})
        << u"MethodDisallowedByPreflightResponse 'PUT'"_s << u"CORSMethodNotFound"_s + then;
    QTest::newRow("no ACAM at all, DELETE")
        << BrowserRequest(Req().method(u"DELETE"_s)) << res(204, {acao})
        << u"MethodDisallowedByPreflightResponse 'DELETE'"_s << u"CORSMethodNotFound"_s + then;
    QTest::newRow("method comparison is case-sensitive (patch vs PATCH) [seen]")
        << BrowserRequest(Req().method(u"patch"_s))
        << res(204, {acao, u"Access-Control-Allow-Methods: PATCH"_s})
        << u"MethodDisallowedByPreflightResponse 'patch'"_s << u"CORSMethodNotFound"_s + then;
    QTest::newRow("ACAM * without credentials covers PUT")
        << BrowserRequest(Req().method(u"PUT"_s))
        << res(204, {acao, u"Access-Control-Allow-Methods: *"_s}) << u"pass"_s << u"pass"_s;
    QTest::newRow("ACAM * is literal with credentials")
        << BrowserRequest(Req().method(u"PUT"_s).include())
        << res(204, {acao, acac, u"Access-Control-Allow-Methods: *"_s})
        << u"MethodDisallowedByPreflightResponse 'PUT'"_s << u"CORSMethodNotFound"_s + then;
    QTest::newRow("ACAH * without credentials covers X-Token")
        << BrowserRequest(token()) << res(204, {acao, u"Access-Control-Allow-Headers: *"_s})
        << u"pass"_s << u"pass"_s;
    QTest::newRow("ACAH * is literal with credentials")
        << BrowserRequest(token().include())
        << res(204, {acao, acac, u"Access-Control-Allow-Headers: *"_s})
        << u"HeaderDisallowedByPreflightResponse 'x-token'"_s
        << u"CORSMissingAllowHeaderFromPreflight2 'x-token'"_s + then;
    // Authorization under "*": allowed today with a deprecation warning (cors.md §2.4 item 5).
    QTest::newRow("Authorization covered by ACAH * with a warning [seen]")
        << BrowserRequest(Req().header(u"Authorization"_s, u"Bearer x"_s))
        << res(204, {acao, u"Access-Control-Allow-Headers: *"_s})
        << u"pass warn AuthorizationCoveredByWildcard"_s
        << u"pass warn CORSAllowHeaderFromPreflightDeprecation"_s;
    QTest::newRow("Authorization listed beside *: no warning")
        << BrowserRequest(
               Req().header(u"Authorization"_s, u"Bearer x"_s).header(u"X-Token"_s, u"a"_s))
        << res(204, {acao, u"Access-Control-Allow-Headers: *, Authorization"_s}) << u"pass"_s
        << u"pass"_s;
    // Chromium 156 named x-a for X-B + X-A, whichever order they were set in.
    QTest::newRow("several missing headers: Chromium's pick is hash order, Firefox sorted [seen]")
        << BrowserRequest(Req().header(u"X-B"_s, u"1"_s).header(u"X-A"_s, u"2"_s))
        << res(204, {acao, u"Access-Control-Allow-Headers: x-c"_s})
        << u"HeaderDisallowedByPreflightResponse 'x-a' (one of x-a|x-b)"_s
        << u"CORSMissingAllowHeaderFromPreflight2 'x-a'"_s + then;
    QTest::newRow("header names compare case-insensitively")
        << BrowserRequest(token()) << res(204, {acao, u"Access-Control-Allow-Headers: X-TOKEN"_s})
        << u"pass"_s << u"pass"_s;
    QTest::newRow("empty list elements are ignored")
        << BrowserRequest(token())
        << res(204, {acao, u"Access-Control-Allow-Headers: , x-token ,, "_s}) << u"pass"_s
        << u"pass"_s;
    QTest::newRow("two ACAH lines are one list")
        << BrowserRequest(token().header(u"X-A"_s, u"1"_s))
        << res(204,
               {acao, u"Access-Control-Allow-Headers: x-a"_s,
                   u"Access-Control-Allow-Headers: x-token"_s})
        << u"pass"_s << u"pass"_s;
    QTest::newRow("User-Agent: only Firefox preflights it [seen]")
        << BrowserRequest(Req().browser(Browser::Firefox).header(u"User-Agent"_s, u"bot"_s))
        << res(204, {acao}) << u"n/a"_s
        << u"CORSMissingAllowHeaderFromPreflight2 'user-agent'"_s + then;
    QTest::newRow("DPR: only Firefox preflights it [seen]")
        << BrowserRequest(Req().browser(Browser::Firefox).header(u"DPR"_s, u"2"_s))
        << res(204, {acao}) << u"n/a"_s << u"CORSMissingAllowHeaderFromPreflight2 'dpr'"_s + then;
    QTest::newRow("Chromium 1025 bytes: safelisted names must be allowed too [seen]")
        << BrowserRequest(chromiumSafelistedKilobyte().header(u"Device-Memory"_s, u"8"_s))
        << res(204,
               {acao,
                   u"Access-Control-Allow-Headers: intervention,dpr,width,viewport-width,"
                   u"device-memory"_s})
        << u"HeaderDisallowedByPreflightResponse 'accept' (one of accept|accept-language|"
           u"content-language|content-type)"_s
        << u"pass"_s;
    QTest::newRow("forced preflight, safelisted request: ACAO is enough")
        << BrowserRequest(Req().method(u"POST"_s).forcePreflight()) << res(204, {acao}) << u"pass"_s
        << u"pass"_s;
    QTest::newRow("null page, ACAO null")
        << BrowserRequest(token().page(u"null"_s))
        << res(204,
               {u"Access-Control-Allow-Origin: null"_s, u"Access-Control-Allow-Headers: x-token"_s})
        << u"pass"_s << u"pass"_s;
}

void tst_BrowserCors::preflightVerdict()
{
    QFETCH(BrowserRequest, request);
    QFETCH(BrowserResponse, response);
    QFETCH(QString, chromium);
    QFETCH(QString, firefox);

    const BrowserCors cors(request);
    QVERIFY(cors.needsPreflight());
    const CorsCheck check = cors.checkPreflight(response);
    QCOMPARE(check.stage, CorsStage::Preflight);
    QCOMPARE(describe(check.chromium), chromium);
    QCOMPARE(describe(check.firefox), firefox);
}

void tst_BrowserCors::responseVerdict_data()
{
    QTest::addColumn<BrowserRequest>("request");
    QTest::addColumn<BrowserResponse>("response");
    QTest::addColumn<QString>("chromium");
    QTest::addColumn<QString>("firefox");

    const QString acao = u"Access-Control-Allow-Origin: http://a.test"_s;
    const QString acac = u"Access-Control-Allow-Credentials: true"_s;

    // Fetch "CORS check"; Chromium cors.cc CheckAccess; Firefox CheckRequestApproved (cors.md §2.5,
    // §2.9, §3.3).
    QTest::newRow("real: Socket.IO without cors, handshake 200") << BrowserRequest(
        Req()) << res(200) << u"MissingAllowOriginHeader"_s << u"CORSMissingAllowOrigin2 '200'"_s;
    QTest::newRow("400 without ACAO names the status in Firefox") << BrowserRequest(
        Req()) << res(400) << u"MissingAllowOriginHeader"_s << u"CORSMissingAllowOrigin2 '400'"_s;
    QTest::newRow("real: origin + credentials:true, withCredentials")
        << BrowserRequest(Req().include()) << res(200, {acao, u"Vary: Origin"_s, acac}) << u"pass"_s
        << u"pass"_s;
    QTest::newRow("real: origin * without credentials")
        << BrowserRequest(Req()) << res(200, {u"Access-Control-Allow-Origin: *"_s}) << u"pass"_s
        << u"pass"_s;
    QTest::newRow("real: origin * + credentials:true, withCredentials [seen]")
        << BrowserRequest(Req().include()) << res(200, {u"Access-Control-Allow-Origin: *"_s, acac})
        << u"WildcardOriginNotAllowed"_s << u"CORSNotSupportingCredentials"_s;
    QTest::newRow("* with credentials and no ACAC: the wildcard is named")
        << BrowserRequest(Req().include()) << res(200, {u"Access-Control-Allow-Origin: *"_s})
        << u"WildcardOriginNotAllowed"_s << u"CORSNotSupportingCredentials"_s;
    QTest::newRow("real: origin 'http://a.test,http://b.test' (one line) [seen]")
        << BrowserRequest(Req())
        << res(200,
               {u"Access-Control-Allow-Origin: http://a.test,http://b.test"_s, u"Vary: Origin"_s})
        << u"MultipleAllowOriginValues 'http://a.test,http://b.test'"_s
        << u"CORSAllowOriginNotMatchingOrigin 'http://a.test,http://b.test'"_s;
    QTest::newRow("one line with a space")
        << BrowserRequest(Req())
        << res(200, {u"Access-Control-Allow-Origin: http://a.test http://b.test"_s})
        << u"MultipleAllowOriginValues 'http://a.test http://b.test'"_s
        << u"CORSAllowOriginNotMatchingOrigin 'http://a.test http://b.test'"_s;
    QTest::newRow("two equal ACAO lines (proxy + server) [seen]")
        << BrowserRequest(Req()) << res(200, {acao, acao})
        << u"MultipleAllowOriginValues 'http://a.test, http://a.test'"_s
        << u"CORSMultipleAllowOriginNotAllowed"_s;
    QTest::newRow("ACAO * and the origin on two lines")
        << BrowserRequest(Req()) << res(200, {u"Access-Control-Allow-Origin: *"_s, acao})
        << u"MultipleAllowOriginValues '*, http://a.test'"_s
        << u"CORSMultipleAllowOriginNotAllowed"_s;
    QTest::newRow("two lines with credentials: Firefox counts lines first")
        << BrowserRequest(Req().include())
        << res(200, {u"Access-Control-Allow-Origin: *"_s, u"Access-Control-Allow-Origin: *"_s})
        << u"MultipleAllowOriginValues '*, *'"_s << u"CORSMultipleAllowOriginNotAllowed"_s;
    QTest::newRow("real: origin 'http://a.test/' (trailing slash)")
        << BrowserRequest(Req())
        << res(200, {u"Access-Control-Allow-Origin: http://a.test/"_s, u"Vary: Origin"_s})
        << u"AllowOriginMismatch 'http://a.test/'"_s
        << u"CORSAllowOriginNotMatchingOrigin 'http://a.test/'"_s;
    QTest::newRow("byte compare: upper case")
        << BrowserRequest(Req()) << res(200, {u"Access-Control-Allow-Origin: HTTP://A.TEST"_s})
        << u"AllowOriginMismatch 'HTTP://A.TEST'"_s
        << u"CORSAllowOriginNotMatchingOrigin 'HTTP://A.TEST'"_s;
    QTest::newRow("byte compare: default port written out")
        << BrowserRequest(Req()) << res(200, {u"Access-Control-Allow-Origin: http://a.test:80"_s})
        << u"AllowOriginMismatch 'http://a.test:80'"_s
        << u"CORSAllowOriginNotMatchingOrigin 'http://a.test:80'"_s;
    QTest::newRow("missing scheme: Chromium calls it invalid [seen]")
        << BrowserRequest(Req()) << res(200, {u"Access-Control-Allow-Origin: a.test"_s})
        << u"InvalidAllowOriginValue 'a.test'"_s << u"CORSAllowOriginNotMatchingOrigin 'a.test'"_s;
    QTest::newRow("'localhost:3000' parses as a URL with scheme localhost [seen]")
        << BrowserRequest(Req().page(u"http://localhost:3000"_s))
        << res(200, {u"Access-Control-Allow-Origin: localhost:3000"_s})
        << u"AllowOriginMismatch 'localhost:3000'"_s
        << u"CORSAllowOriginNotMatchingOrigin 'localhost:3000'"_s;
    QTest::newRow("empty ACAO is present but invalid [seen]")
        << BrowserRequest(Req()) << res(200, {u"Access-Control-Allow-Origin: "_s})
        << u"InvalidAllowOriginValue ''"_s << u"CORSAllowOriginNotMatchingOrigin ''"_s;
    QTest::newRow("ACAO null for a real origin")
        << BrowserRequest(Req()) << res(200, {u"Access-Control-Allow-Origin: null"_s})
        << u"AllowOriginMismatch 'null'"_s << u"CORSAllowOriginNotMatchingOrigin 'null'"_s;
    QTest::newRow("ACAO null for an opaque page passes")
        << BrowserRequest(Req().page(u"null"_s))
        << res(200, {u"Access-Control-Allow-Origin: null"_s}) << u"pass"_s << u"pass"_s;
    QTest::newRow("localhost page, 127.0.0.1 in ACAO")
        << BrowserRequest(Req().page(u"http://localhost:8080"_s))
        << res(200, {u"Access-Control-Allow-Origin: http://127.0.0.1:8080"_s})
        << u"AllowOriginMismatch 'http://127.0.0.1:8080'"_s
        << u"CORSAllowOriginNotMatchingOrigin 'http://127.0.0.1:8080'"_s;
    QTest::newRow("credentials, ACAC missing")
        << BrowserRequest(Req().include()) << res(200, {acao}) << u"InvalidAllowCredentials ''"_s
        << u"CORSMissingAllowCredentials"_s;
    QTest::newRow("credentials, ACAC false")
        << BrowserRequest(Req().include())
        << res(200, {acao, u"Access-Control-Allow-Credentials: false"_s})
        << u"InvalidAllowCredentials 'false'"_s << u"CORSMissingAllowCredentials"_s;
    QTest::newRow("credentials, mismatch and no ACAC: the origin is named first")
        << BrowserRequest(Req().include())
        << res(200, {u"Access-Control-Allow-Origin: http://b.test"_s})
        << u"AllowOriginMismatch 'http://b.test'"_s
        << u"CORSAllowOriginNotMatchingOrigin 'http://b.test'"_s;
    QTest::newRow("no credentials: ACAC false is irrelevant")
        << BrowserRequest(Req()) << res(200, {acao, u"Access-Control-Allow-Credentials: false"_s})
        << u"pass"_s << u"pass"_s;
    QTest::newRow("fetch transport credentials omit with ACAO *")
        << BrowserRequest(Req().api(RequestApi::Fetch).omit())
        << res(200, {u"Access-Control-Allow-Origin: *"_s}) << u"pass"_s << u"pass"_s;
    QTest::newRow("whitespace around the value is not part of it")
        << BrowserRequest(Req()) << res(200, {u"Access-Control-Allow-Origin:   http://a.test  "_s})
        << u"pass"_s << u"pass"_s;
    QTest::newRow("header names are case-insensitive")
        << BrowserRequest(Req().include())
        << res(200,
               {u"access-control-allow-origin: http://a.test"_s,
                   u"ACCESS-CONTROL-ALLOW-CREDENTIALS: true"_s})
        << u"pass"_s << u"pass"_s;
    QTest::newRow("readable error status: CORS passes, the page sees 403")
        << BrowserRequest(Req()) << res(403, {acao}) << u"pass"_s << u"pass"_s;
    QTest::newRow("same-origin: no CORS check")
        << BrowserRequest(Req().page(u"http://api.test:3000"_s)) << res(200) << u"n/a"_s
        << u"n/a"_s;
    QTest::newRow("WebSocket 101: no CORS check")
        << BrowserRequest(Req().api(RequestApi::WebSocket).url(u"ws://api.test:3000/"_s))
        << res(101) << u"n/a"_s << u"n/a"_s;
    QTest::newRow("Node client: no CORS check")
        << BrowserRequest(Req().browser(Browser::Node)) << res(200) << u"n/a"_s << u"n/a"_s;
}

void tst_BrowserCors::responseVerdict()
{
    QFETCH(BrowserRequest, request);
    QFETCH(BrowserResponse, response);
    QFETCH(QString, chromium);
    QFETCH(QString, firefox);

    const CorsCheck check = BrowserCors(request).checkResponse(response);
    QCOMPARE(check.stage, CorsStage::Response);
    QCOMPARE(describe(check.chromium), chromium);
    QCOMPARE(describe(check.firefox), firefox);
}

void tst_BrowserCors::redirect_data()
{
    QTest::addColumn<BrowserRequest>("request");
    QTest::addColumn<BrowserResponse>("response");
    QTest::addColumn<QString>("chromium");
    QTest::addColumn<QString>("firefox");
    QTest::addColumn<QString>("next"); // "METHOD url Origin-header", "-" when not followed
    QTest::addColumn<QStringList>("notes");

    const QString acao = u"Access-Control-Allow-Origin: http://a.test"_s;
    const QStringList none;

    // Fetch "HTTP-redirect fetch"; Chromium cors_url_loader.cc OnReceiveRedirect; Firefox
    // nsCORSListenerProxy::AsyncOnChannelRedirect (cors.md §2.8).
    QTest::newRow("cross-origin request redirected within its origin")
        << BrowserRequest(Req()) << res(302, {acao, u"Location: /other"_s}) << u"pass"_s
        << u"pass"_s << u"GET http://api.test:3000/other http://a.test"_s << none;
    QTest::newRow("redirect to a third origin: the origin becomes null [seen]")
        << BrowserRequest(Req()) << res(302, {acao, u"Location: http://b.test/x"_s}) << u"pass"_s
        << u"pass"_s << u"GET http://b.test/x null"_s << QStringList {u"OriginNullAfterRedirect"_s};
    QTest::newRow("the redirect response itself needs ACAO")
        << BrowserRequest(Req()) << res(301, {u"Location: http://b.test/x"_s})
        << u"MissingAllowOriginHeader"_s
        << u"CORSMissingAllowOrigin2 '301' then CORSDidNotSucceed2"_s << u"-"_s << none;
    QTest::newRow("credentialed redirect with ACAO *")
        << BrowserRequest(Req().include())
        << res(302, {u"Access-Control-Allow-Origin: *"_s, u"Location: http://b.test/x"_s})
        << u"WildcardOriginNotAllowed"_s
        << u"CORSNotSupportingCredentials then CORSDidNotSucceed2"_s << u"-"_s << none;
    QTest::newRow("same-origin request redirected cross-origin: no check on the 302")
        << BrowserRequest(Req().page(u"http://api.test:3000"_s))
        << res(302, {u"Location: http://b.test/x"_s}) << u"pass"_s << u"pass"_s
        << u"GET http://b.test/x http://api.test:3000"_s << none;
    QTest::newRow("Location with user:pass@ [seen]")
        << BrowserRequest(Req()) << res(302, {acao, u"Location: http://u:p@b.test/x"_s})
        << u"RedirectContainsCredentials ''"_s << u"CORSDidNotSucceed2"_s << u"-"_s << none;
    QTest::newRow("POST 302 becomes GET, body headers dropped")
        << BrowserRequest(Req()
                              .method(u"POST"_s)
                              .header(u"Content-type"_s, u"text/plain;charset=UTF-8"_s)
                              .body())
        << res(302, {acao, u"Location: /next"_s}) << u"pass"_s << u"pass"_s
        << u"GET http://api.test:3000/next http://a.test"_s
        << QStringList {u"RedirectChangedMethodToGet '302'"_s};
    QTest::newRow("PUT 307 keeps its method")
        << BrowserRequest(Req().method(u"PUT"_s)) << res(307, {acao, u"Location: /next"_s})
        << u"pass"_s << u"pass"_s << u"PUT http://api.test:3000/next http://a.test"_s << none;
    QTest::newRow("DELETE 303 becomes GET")
        << BrowserRequest(Req().method(u"DELETE"_s)) << res(303, {acao, u"Location: /next"_s})
        << u"pass"_s << u"pass"_s << u"GET http://api.test:3000/next http://a.test"_s
        << QStringList {u"RedirectChangedMethodToGet '303'"_s};
    QTest::newRow("cross-origin redirect drops Authorization")
        << BrowserRequest(Req().header(u"Authorization"_s, u"Bearer x"_s))
        << res(302, {acao, u"Location: http://b.test/x"_s}) << u"pass"_s << u"pass"_s
        << u"GET http://b.test/x null"_s
        << QStringList {u"OriginNullAfterRedirect"_s, u"AuthorizationDroppedOnRedirect"_s};
    QTest::newRow("https page redirected to http: mixed content")
        << BrowserRequest(Req().page(u"https://a.test"_s).url(u"https://api.test/socket.io/"_s))
        << res(302,
               {u"Access-Control-Allow-Origin: https://a.test"_s,
                   u"Location: http://api.test/socket.io/"_s})
        << u"mixed-content"_s << u"BlockMixedActiveContent 'http://api.test/socket.io/'"_s << u"-"_s
        << none;
    QTest::newRow("redirect to ftp")
        << BrowserRequest(Req()) << res(302, {acao, u"Location: ftp://b.test/x"_s})
        << u"(net::ERR_UNSAFE_REDIRECT)"_s << u"CORSRequestNotHttp"_s << u"-"_s << none;
    QTest::newRow("a WebSocket handshake is never redirected")
        << BrowserRequest(Req().api(RequestApi::WebSocket).url(u"ws://api.test:3000/"_s))
        << res(302, {u"Location: ws://b.test/"_s}) << u"n/a"_s << u"n/a"_s << u"-"_s << none;
    QTest::newRow("302 without Location is a final response")
        << BrowserRequest(Req()) << res(302, {acao}) << u"pass"_s << u"pass"_s << u"-"_s << none;
}

void tst_BrowserCors::redirect()
{
    QFETCH(BrowserRequest, request);
    QFETCH(BrowserResponse, response);
    QFETCH(QString, chromium);
    QFETCH(QString, firefox);
    QFETCH(QString, next);
    QFETCH(QStringList, notes);

    const BrowserRedirect hop = BrowserCors(request).followRedirect(response);
    QCOMPARE(describe(hop.check.chromium), chromium);
    QCOMPARE(describe(hop.check.firefox), firefox);
    QCOMPARE(noteCodesOf(hop.check), notes);
    QString actualNext = u"-"_s;
    if (hop.next) {
        actualNext = hop.next->method() + u' ' + hop.next->url() + u' '
            + hop.next->originHeader().value_or(u"(none)"_s);
        QCOMPARE(hop.next->redirectCount(), 1);
        QCOMPARE(hop.next->initialUrl(), request.url);
        if (notes.contains(u"AuthorizationDroppedOnRedirect"_s)) {
            QVERIFY(
                !text(hop.next->actualRequest().headers).join(u'\n').contains(u"Authorization"_s));
            QVERIFY(!hop.next->needsPreflight());
        }
    }
    QCOMPARE(actualNext, next);
}

void tst_BrowserCors::networkFailure_data()
{
    QTest::addColumn<BrowserRequest>("request");
    QTest::addColumn<CorsStage>("stage");
    QTest::addColumn<QString>("chromium");
    QTest::addColumn<QString>("firefox");

    // cors.md §3.3 row 1: no CORS line in Chromium, CORSDidNotSucceed2 "(null)" in Firefox.
    QTest::newRow("cross-origin poll, connection refused [seen]")
        << BrowserRequest(Req()) << CorsStage::Response << u"(net::ERR_CONNECTION_REFUSED)"_s
        << u"CORSDidNotSucceed2"_s;
    QTest::newRow("preflight refused: Firefox logs it for both channels [seen]")
        << BrowserRequest(token()) << CorsStage::Preflight << u"(net::ERR_CONNECTION_REFUSED)"_s
        << u"CORSDidNotSucceed2 then CORSDidNotSucceed2"_s;
    QTest::newRow("same-origin: no CORS line in either")
        << BrowserRequest(Req().page(u"http://api.test:3000"_s)) << CorsStage::Response
        << u"(net::ERR_CONNECTION_REFUSED)"_s << u"(failed)"_s;
}

void tst_BrowserCors::networkFailure()
{
    QFETCH(BrowserRequest, request);
    QFETCH(CorsStage, stage);
    QFETCH(QString, chromium);
    QFETCH(QString, firefox);

    const CorsCheck check
        = BrowserCors(request).checkNetworkFailure(stage, u"net::ERR_CONNECTION_REFUSED"_s);
    QCOMPARE(check.stage, stage);
    QCOMPARE(describe(check.chromium), chromium);
    QCOMPARE(describe(check.firefox), firefox);
    QVERIFY(!check.passed());
}

void tst_BrowserCors::checkRecord()
{
    // One CorsCheck carries what was required and what came back, for the timeline.
    const BrowserCors cors(
        Req().include().method(u"PUT"_s).header(u"X-Token"_s, u"a"_s).header(u"Cookie"_s, u"c"_s));
    const CorsCheck check = cors.checkPreflight(res(204,
        {u"Access-Control-Allow-Origin: http://a.test"_s, u"Vary: Origin"_s,
            u"Access-Control-Allow-Methods: PUT"_s}));
    QCOMPARE(check.url, Url);
    QCOMPARE(check.method, u"PUT"_s);
    QCOMPARE(check.origin, Page);
    QCOMPARE(check.credentials, CredentialsMode::Include);
    QVERIFY(check.crossOrigin);
    QVERIFY(check.corsApplies);
    QVERIFY(check.preflightRequired);
    QCOMPARE(check.unsafeHeaderNames, QStringList {u"x-token"_s});
    QCOMPARE(text(check.droppedHeaders), QStringList {u"Cookie: c"_s});
    QCOMPARE(check.required.allowOrigin, Page);
    QCOMPARE(check.required.wildcardOriginAccepted, false);
    QCOMPARE(check.required.allowCredentials, true);
    QCOMPARE(check.required.okStatus, true);
    QCOMPARE(check.required.allowMethod, u"PUT"_s);
    QCOMPARE(check.required.allowHeaders, QStringList {u"x-token"_s});
    QCOMPARE(check.status, 204);
    QCOMPARE(text(check.receivedHeaders),
        (QStringList {u"Access-Control-Allow-Origin: http://a.test"_s,
            u"Access-Control-Allow-Methods: PUT"_s}));
    QVERIFY(!check.passed());
    QCOMPARE(describe(check.outcome()), u"PreflightInvalidAllowCredentials ''"_s);

    BrowserRequest firefox = Req().include().method(u"PUT"_s);
    firefox.browser = Browser::Firefox;
    const CorsCheck firefoxCheck = BrowserCors(firefox).checkPreflight(
        res(204, {u"Access-Control-Allow-Origin: http://a.test"_s}));
    QCOMPARE(
        describe(firefoxCheck.outcome()), u"CORSMissingAllowCredentials then CORSDidNotSucceed2"_s);
}

void tst_BrowserCors::chromiumNetErrorOnEveryCorsFailure()
{
    // Chromium logs "net::ERR_FAILED" beside every CORS message (browsers-in-tests.md).
    const CorsCheck response = BrowserCors(Req()).checkResponse(res(200));
    QCOMPARE(response.chromium.networkError, u"net::ERR_FAILED"_s);
    QVERIFY(response.firefox.networkError.isEmpty());
    const CorsCheck preflight = BrowserCors(token()).checkPreflight(res(400));
    QCOMPARE(preflight.chromium.networkError, u"net::ERR_FAILED"_s);
    const CorsCheck passed
        = BrowserCors(Req()).checkResponse(res(200, {u"Access-Control-Allow-Origin: *"_s}));
    QVERIFY(passed.chromium.networkError.isEmpty());
}

void tst_BrowserCors::redirectLimit()
{
    // Fetch: a request's 21st redirect is a network error. Chromium checks the CORS headers of
    // the redirect first, then the count (net::ERR_TOO_MANY_REDIRECTS, no CORS message); Firefox's
    // channel fails and the CORS listener logs CORSDidNotSucceed2.
    std::optional<BrowserCors> hop = BrowserCors(Req());
    const BrowserResponse again
        = res(302, {u"Access-Control-Allow-Origin: http://a.test"_s, u"Location: /again"_s});
    for (int i = 0; i < 20; ++i) {
        const BrowserRedirect step = hop->followRedirect(again);
        QVERIFY2(step.check.passed(), qPrintable(QString::number(i)));
        hop = step.next;
    }
    QCOMPARE(hop->redirectCount(), 20);
    const BrowserRedirect last = hop->followRedirect(again);
    QCOMPARE(describe(last.check.chromium), u"(net::ERR_TOO_MANY_REDIRECTS)"_s);
    QCOMPARE(describe(last.check.firefox), u"CORSDidNotSucceed2"_s);
    QVERIFY(!last.next);
}

void tst_BrowserCors::taintedOriginStaysNull()
{
    // page a.test → api.test → b.test (origin now null) → back to a.test: still null, still CORS,
    // so ACAO "http://a.test" no longer matches (cors_url_loader.cc CheckTainted).
    const BrowserResponse toB = res(
        302, {u"Access-Control-Allow-Origin: http://a.test"_s, u"Location: http://b.test/"_s});
    const BrowserRedirect first = BrowserCors(Req()).followRedirect(toB);
    QVERIFY(first.next && first.next->isTainted());
    const BrowserResponse toA
        = res(302, {u"Access-Control-Allow-Origin: null"_s, u"Location: http://a.test/api"_s});
    const BrowserRedirect second = first.next->followRedirect(toA);
    QVERIFY(second.next);
    QVERIFY(second.next->isTainted());
    QVERIFY(second.next->isCorsRequest());
    QVERIFY(!second.next->isCrossOrigin());
    QCOMPARE(second.next->originHeader(), std::optional<QString>(u"null"_s));
    const CorsCheck final
        = second.next->checkResponse(res(200, {u"Access-Control-Allow-Origin: http://a.test"_s}));
    QCOMPARE(describe(final.chromium), u"AllowOriginMismatch 'http://a.test'"_s);
    QCOMPARE(describe(final.firefox), u"CORSAllowOriginNotMatchingOrigin 'http://a.test'"_s);
    QCOMPARE(final.required.allowOrigin, u"null"_s);
    // A redirect that stays within the first cross-origin server does not taint.
    const BrowserRedirect within = BrowserCors(Req()).followRedirect(
        res(302, {u"Access-Control-Allow-Origin: http://a.test"_s, u"Location: /b"_s}));
    QVERIFY(within.next && !within.next->isTainted());
}

void tst_BrowserCors::preflightAgainAfterRedirect()
{
    // A redirected request that still needs a preflight gets a new one, to the new URL, from the
    // (possibly null) origin (cors_url_loader.cc FollowRedirect → StartRequest).
    const BrowserRedirect hop = BrowserCors(token().method(u"PUT"_s))
                                    .followRedirect(res(307,
                                        {u"Access-Control-Allow-Origin: http://a.test"_s,
                                            u"Location: http://b.test/io"_s}));
    QVERIFY(hop.next);
    QVERIFY(hop.next->needsPreflight());
    QCOMPARE(text(hop.next->preflightRequest().headers),
        (QStringList {u"Accept: */*"_s, u"Access-Control-Request-Method: PUT"_s,
            u"Access-Control-Request-Headers: x-token"_s, u"Origin: null"_s,
            u"Sec-Fetch-Mode: cors"_s}));
    QCOMPARE(hop.next->preflightRequest().url, u"http://b.test/io"_s);
}

void tst_BrowserCors::codesAreListed()
{
    // Every code a check can produce is in the lists the reason catalog is checked against.
    QCOMPARE(BrowserCors::chromiumCodes().size(), 25);
    QCOMPARE(BrowserCors::firefoxCodes().size(), 15);
    QVERIFY(BrowserCors::chromiumCodes().contains(u"PreflightDisallowedRedirect"_s));
    QVERIFY(BrowserCors::firefoxCodes().contains(u"CORSExternalRedirectNotAllowed"_s));
    QVERIFY(BrowserCors::noteCodes().contains(u"LocalNetworkAccessPrompt"_s));
}

QTEST_GUILESS_MAIN(tst_BrowserCors)
#include "tst_browsercors.moc"
