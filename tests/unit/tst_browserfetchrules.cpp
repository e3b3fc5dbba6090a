// BrowserFetchRules and BrowserOrigin: the Fetch standard's method, header and list rules with
// Chromium's and Firefox's deviations, and origin serialisation, same-origin, trustworthiness and
// address spaces.
#include "cors/browserfetchrules.h"
#include "cors/browserorigin.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(corslab::Browser)
Q_DECLARE_METATYPE(corslab::IpAddressSpace)

class tst_BrowserFetchRules : public QObject {
    Q_OBJECT

private slots:
    void normalizeMethod_data();
    void normalizeMethod();
    void forbiddenRequestHeader_data();
    void forbiddenRequestHeader();
    void safelistedRequestHeader_data();
    void safelistedRequestHeader();
    void mimeTypeEssence_data();
    void mimeTypeEssence();
    void chromiumAllowList_data();
    void chromiumAllowList();
    void firefoxTokens_data();
    void firefoxTokens();
    void combinedValue();
    void originSerialization_data();
    void originSerialization();
    void sameOrigin_data();
    void sameOrigin();
    void trustworthy_data();
    void trustworthy();
    void addressSpace_data();
    void addressSpace();
};

void tst_BrowserFetchRules::normalizeMethod_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<bool>("forbidden");
    QTest::addColumn<bool>("safelisted");

    // Fetch "normalize a method", "forbidden method", "CORS-safelisted method".
    QTest::newRow("get") << u"get"_s << u"GET"_s << false << true;
    QTest::newRow("Post") << u"Post"_s << u"POST"_s << false << true;
    QTest::newRow("head") << u"head"_s << u"HEAD"_s << false << true;
    QTest::newRow("put") << u"put"_s << u"PUT"_s << false << false;
    QTest::newRow("delete") << u"delete"_s << u"DELETE"_s << false << false;
    QTest::newRow("options") << u"options"_s << u"OPTIONS"_s << false << false;
    QTest::newRow("patch keeps its case") << u"patch"_s << u"patch"_s << false << false;
    QTest::newRow("PATCH") << u"PATCH"_s << u"PATCH"_s << false << false;
    QTest::newRow("trace is forbidden") << u"trace"_s << u"trace"_s << true << false;
    QTest::newRow("Connect is forbidden") << u"Connect"_s << u"Connect"_s << true << false;
    QTest::newRow("TRACK is forbidden") << u"TRACK"_s << u"TRACK"_s << true << false;
}

void tst_BrowserFetchRules::normalizeMethod()
{
    QFETCH(QString, method);
    QFETCH(QString, normalized);
    QFETCH(bool, forbidden);
    QFETCH(bool, safelisted);

    QCOMPARE(BrowserFetchRules::normalizeMethod(method), normalized);
    QCOMPARE(BrowserFetchRules::isForbiddenMethod(method), forbidden);
    QCOMPARE(BrowserFetchRules::isCorsSafelistedMethod(normalized), safelisted);
}

void tst_BrowserFetchRules::forbiddenRequestHeader_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("chromium");
    QTest::addColumn<bool>("firefox");

    // Fetch "forbidden request-header"; Chromium net/http/http_util.cc kForbiddenHeaderFields.
    QTest::newRow("Cookie") << u"Cookie"_s << u"a=b"_s << true << true;
    QTest::newRow("cookie2") << u"cookie2"_s << u"x"_s << true << true;
    QTest::newRow("Host") << u"HOST"_s << u"x"_s << true << true;
    QTest::newRow("Origin") << u"Origin"_s << u"x"_s << true << true;
    QTest::newRow("Referer") << u"Referer"_s << u"x"_s << true << true;
    QTest::newRow("Content-Length") << u"Content-Length"_s << u"1"_s << true << true;
    QTest::newRow("Connection") << u"Connection"_s << u"close"_s << true << true;
    QTest::newRow("Access-Control-Request-Headers")
        << u"Access-Control-Request-Headers"_s << u"x"_s << true << true;
    QTest::newRow("Set-Cookie") << u"Set-Cookie"_s << u"x"_s << true << true;
    QTest::newRow("DNT") << u"DNT"_s << u"1"_s << true << true;
    QTest::newRow("Sec-WebSocket-Key") << u"Sec-WebSocket-Key"_s << u"x"_s << true << true;
    QTest::newRow("Proxy-Authorization") << u"Proxy-Authorization"_s << u"x"_s << true << true;
    QTest::newRow("User-Agent: Chromium only") << u"User-Agent"_s << u"bot"_s << true << false;
    QTest::newRow("Authorization is allowed") << u"Authorization"_s << u"x"_s << false << false;
    QTest::newRow("X-Token is allowed") << u"X-Token"_s << u"x"_s << false << false;
    QTest::newRow("X-HTTP-Method with TRACK") << u"X-HTTP-Method"_s << u"track"_s << true << true;
    QTest::newRow("X-Method-Override list with CONNECT")
        << u"X-Method-Override"_s << u"PUT , connect"_s << true << true;
    QTest::newRow("X-HTTP-Method-Override with DELETE")
        << u"X-HTTP-Method-Override"_s << u"DELETE"_s << false << false;
}

void tst_BrowserFetchRules::forbiddenRequestHeader()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, chromium);
    QFETCH(bool, firefox);

    QCOMPARE(BrowserFetchRules::isForbiddenRequestHeader(Browser::Chromium, name, value), chromium);
    QCOMPARE(BrowserFetchRules::isForbiddenRequestHeader(Browser::Firefox, name, value), firefox);
    QCOMPARE(BrowserFetchRules::isForbiddenRequestHeader(Browser::Node, name, value), false);
}

void tst_BrowserFetchRules::safelistedRequestHeader_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("chromium");
    QTest::addColumn<bool>("firefox");

    // Fetch "CORS-safelisted request-header"; Chromium cors.cc IsCorsSafelistedHeader.
    QTest::newRow("Accept */*") << u"Accept"_s << u"*/*"_s << true << true;
    QTest::newRow("Accept with @") << u"Accept"_s << u"a@b"_s << false << false;
    QTest::newRow("Accept with DEL") << u"Accept"_s << u"a\x7f"_s << false << false;
    QTest::newRow("Accept with tab") << u"Accept"_s << u"a\tb"_s << true << true;
    QTest::newRow("Accept 128 bytes") << u"Accept"_s << QString(128, u'a') << true << true;
    QTest::newRow("Accept 129 bytes") << u"Accept"_s << QString(129, u'a') << false << false;
    QTest::newRow("Accept-Language q-values")
        << u"accept-language"_s << u"en;q=0.5, *"_s << true << true;
    QTest::newRow("Accept-Language with /") << u"Accept-Language"_s << u"en/US"_s << false << false;
    QTest::newRow("Content-Language") << u"Content-Language"_s << u"de-DE"_s << true << true;
    QTest::newRow("Content-Type text/plain;charset=UTF-8")
        << u"Content-Type"_s << u"text/plain;charset=UTF-8"_s << true << true;
    QTest::newRow("Content-Type TEXT/PLAIN")
        << u"Content-Type"_s << u"TEXT/PLAIN"_s << true << true;
    QTest::newRow("Content-Type text/html")
        << u"Content-Type"_s << u"text/html"_s << false << false;
    QTest::newRow("Content-Type application/json")
        << u"Content-Type"_s << u"application/json"_s << false << false;
    QTest::newRow("Content-Type quoted charset")
        << u"Content-Type"_s << u"text/plain;charset=\"utf-8\""_s << false << false;
    QTest::newRow("Content-Type with {")
        << u"Content-Type"_s << u"text/plain;{"_s << false << false;
    QTest::newRow("Range bytes=0-99") << u"Range"_s << u"bytes=0-99"_s << true << true;
    QTest::newRow("Range bytes=5-3 is no range") << u"Range"_s << u"bytes=5-3"_s << false << false;
    QTest::newRow("Range with a space") << u"Range"_s << u"bytes= 0-1"_s << false << false;
    QTest::newRow("Range Bytes=0-: Chromium lower-cases first")
        << u"Range"_s << u"Bytes=0-"_s << true << false;
    QTest::newRow("X-Token") << u"X-Token"_s << u"a"_s << false << false;
    QTest::newRow("Authorization") << u"Authorization"_s << u"Bearer x"_s << false << false;
    QTest::newRow("Intervention (Chromium)") << u"Intervention"_s << u"x"_s << true << false;
    QTest::newRow("Save-Data on (Chromium)") << u"Save-Data"_s << u"ON"_s << true << false;
    QTest::newRow("Save-Data off") << u"Save-Data"_s << u"off"_s << false << false;
    QTest::newRow("DPR 2.5 (Chromium)") << u"DPR"_s << u"2.5"_s << true << false;
    QTest::newRow("DPR 2. is no number") << u"DPR"_s << u"2."_s << false << false;
    QTest::newRow("Width 100 (Chromium)") << u"Width"_s << u"100"_s << true << false;
    QTest::newRow("Viewport-Width 1.5 is no integer")
        << u"Viewport-Width"_s << u"1.5"_s << false << false;
    QTest::newRow("ECT 4g (Chromium)") << u"ECT"_s << u"4g"_s << true << false;
    QTest::newRow("ECT 5g") << u"ECT"_s << u"5g"_s << false << false;
}

void tst_BrowserFetchRules::safelistedRequestHeader()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, chromium);
    QFETCH(bool, firefox);

    QCOMPARE(
        BrowserFetchRules::isCorsSafelistedRequestHeader(Browser::Chromium, name, value), chromium);
    QCOMPARE(
        BrowserFetchRules::isCorsSafelistedRequestHeader(Browser::Firefox, name, value), firefox);
}

void tst_BrowserFetchRules::mimeTypeEssence_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("essence"); // "-" for failure

    // Fetch "parse a MIME type".
    QTest::newRow("plain") << u"text/plain"_s << u"text/plain"_s;
    QTest::newRow("parameters ignored") << u"text/plain; charset=utf-8"_s << u"text/plain"_s;
    QTest::newRow("surrounding whitespace") << u" \ttext/plain \t"_s << u"text/plain"_s;
    QTest::newRow("space before ;") << u"text/plain ;a=b"_s << u"text/plain"_s;
    QTest::newRow("upper case") << u"Multipart/Form-Data"_s << u"multipart/form-data"_s;
    QTest::newRow("no subtype") << u"text/"_s << u"-"_s;
    QTest::newRow("no slash") << u"text"_s << u"-"_s;
    QTest::newRow("empty type") << u"/plain"_s << u"-"_s;
    QTest::newRow("space in type") << u"te xt/plain"_s << u"-"_s;
}

void tst_BrowserFetchRules::mimeTypeEssence()
{
    QFETCH(QString, value);
    QFETCH(QString, essence);
    QCOMPARE(BrowserFetchRules::mimeTypeEssence(value).value_or(u"-"_s), essence);
}

void tst_BrowserFetchRules::chromiumAllowList_data()
{
    QTest::addColumn<QString>("header"); // "<absent>" for no header
    QTest::addColumn<bool>("lowerCase");
    QTest::addColumn<QString>("parsed"); // "|"-joined, "!" for failure

    // preflight_result.cc ParseAccessControlAllowList.
    QTest::newRow("absent") << u"<absent>"_s << false << u""_s;
    QTest::newRow("cors default methods")
        << u"GET,HEAD,PUT,PATCH,POST,DELETE"_s << false << u"GET|HEAD|PUT|PATCH|POST|DELETE"_s;
    QTest::newRow("spaces and empty elements") << u" GET , ,POST,"_s << false << u"GET|POST"_s;
    QTest::newRow("headers lower-cased")
        << u"X-Token, Authorization"_s << true << u"x-token|authorization"_s;
    QTest::newRow("star") << u"*"_s << false << u"*"_s;
    QTest::newRow("space inside an element") << u"GET POST"_s << false << u"!"_s;
    QTest::newRow("semicolon") << u"a;b"_s << true << u"!"_s;
    QTest::newRow("colon") << u"X-Foo:bar"_s << true << u"!"_s;
    QTest::newRow("quoted") << u"\"x\""_s << true << u"!"_s;
}

void tst_BrowserFetchRules::chromiumAllowList()
{
    QFETCH(QString, header);
    QFETCH(bool, lowerCase);
    QFETCH(QString, parsed);

    const std::optional<QString> value
        = header == u"<absent>"_s ? std::nullopt : std::optional<QString>(header);
    const auto list = BrowserFetchRules::parseChromiumAllowList(value, lowerCase);
    QCOMPARE(list ? list->join(u'|') : u"!"_s, parsed);
}

void tst_BrowserFetchRules::firefoxTokens_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QStringList>("tokens");

    // nsCCharSeparatedTokenizer(value, ','): trimmed, empty tokens skipped, not validated.
    QTest::newRow("empty") << u""_s << QStringList {};
    QTest::newRow("list") << u"GET, POST"_s << QStringList {u"GET"_s, u"POST"_s};
    QTest::newRow("empties") << u" , x ,,"_s << QStringList {u"x"_s};
    QTest::newRow("inner space kept") << u"GET POST"_s << QStringList {u"GET POST"_s};
}

void tst_BrowserFetchRules::firefoxTokens()
{
    QFETCH(QString, header);
    QFETCH(QStringList, tokens);
    QCOMPARE(BrowserFetchRules::firefoxTokens(header), tokens);
}

void tst_BrowserFetchRules::combinedValue()
{
    const QList<BrowserHeader> headers = {{u"Access-Control-Allow-Origin"_s, u" http://a.test "_s},
        {u"Vary"_s, u"Origin"_s}, {u"access-control-allow-origin"_s, u"*"_s}};
    QCOMPARE(BrowserFetchRules::combinedValue(headers, u"Access-Control-Allow-Origin"),
        std::optional<QString>(u"http://a.test, *"_s));
    QCOMPARE(BrowserFetchRules::lineCount(headers, u"ACCESS-CONTROL-ALLOW-ORIGIN"), 2);
    QCOMPARE(BrowserFetchRules::combinedValue(headers, u"Access-Control-Allow-Credentials"),
        std::nullopt);
}

void tst_BrowserFetchRules::originSerialization_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("serialized");

    // HTML "serialization of an origin" of the URL's origin.
    QTest::newRow("origin") << u"http://a.test"_s << u"http://a.test"_s;
    QTest::newRow("page URL") << u"http://a.test/app/index.html?x=1#y"_s << u"http://a.test"_s;
    QTest::newRow("default port dropped") << u"http://a.test:80/"_s << u"http://a.test"_s;
    QTest::newRow("https default port") << u"https://a.test:443"_s << u"https://a.test"_s;
    QTest::newRow("other port kept") << u"https://a.test:8443"_s << u"https://a.test:8443"_s;
    QTest::newRow("case folded") << u"HTTP://A.Test:3000"_s << u"http://a.test:3000"_s;
    QTest::newRow("IPv6 in brackets") << u"http://[::1]:3000/"_s << u"http://[::1]:3000"_s;
    QTest::newRow("IDN in punycode")
        << u"http://b\u00fccher.test/"_s << u"http://xn--bcher-kva.test"_s;
    QTest::newRow("user info dropped") << u"http://u:p@a.test/"_s << u"http://a.test"_s;
    QTest::newRow("ws default port") << u"ws://a.test:80/"_s << u"ws://a.test"_s;
    QTest::newRow("null") << u"null"_s << u"null"_s;
    QTest::newRow("file: is opaque") << u"file:///tmp/index.html"_s << u"null"_s;
    QTest::newRow("data: is opaque") << u"data:text/html,hi"_s << u"null"_s;
    QTest::newRow("no URL") << u"a.test"_s << u"null"_s;
}

void tst_BrowserFetchRules::originSerialization()
{
    QFETCH(QString, text);
    QFETCH(QString, serialized);
    QCOMPARE(BrowserOrigin::fromText(text).serialize(), serialized);
}

void tst_BrowserFetchRules::sameOrigin_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");

    QTest::newRow("same") << u"http://a.test"_s << u"http://a.test/x?y"_s << true;
    QTest::newRow("default port") << u"http://a.test:80"_s << u"http://a.test/"_s << true;
    QTest::newRow("scheme") << u"http://a.test"_s << u"https://a.test"_s << false;
    QTest::newRow("port") << u"http://a.test"_s << u"http://a.test:8080"_s << false;
    QTest::newRow("localhost vs 127.0.0.1")
        << u"http://localhost:3000"_s << u"http://127.0.0.1:3000"_s << false;
    QTest::newRow("subdomain") << u"http://a.test"_s << u"http://api.a.test"_s << false;
    QTest::newRow("opaque never") << u"null"_s << u"null"_s << false;
}

void tst_BrowserFetchRules::sameOrigin()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(BrowserOrigin::fromText(a).isSameOrigin(BrowserOrigin::fromText(b)), same);
}

void tst_BrowserFetchRules::trustworthy_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("trustworthy");

    // Secure Contexts "potentially trustworthy origin".
    QTest::newRow("https") << u"https://a.test"_s << true;
    QTest::newRow("http") << u"http://a.test"_s << false;
    QTest::newRow("http localhost") << u"http://localhost:8080"_s << true;
    QTest::newRow("http app.localhost") << u"http://app.localhost"_s << true;
    QTest::newRow("http 127.0.0.2") << u"http://127.0.0.2"_s << true;
    QTest::newRow("http [::1]") << u"http://[::1]:3000"_s << true;
    QTest::newRow("http 192.168.1.1") << u"http://192.168.1.1"_s << false;
    QTest::newRow("null") << u"null"_s << false;
}

void tst_BrowserFetchRules::trustworthy()
{
    QFETCH(QString, origin);
    QFETCH(bool, trustworthy);
    QCOMPARE(BrowserOrigin::fromText(origin).isPotentiallyTrustworthy(), trustworthy);
}

void tst_BrowserFetchRules::addressSpace_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<IpAddressSpace>("space");
    QTest::addColumn<bool>("recognisablyLocal");

    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << IpAddressSpace::Loopback << false;
    QTest::newRow("localhost") << u"localhost"_s << IpAddressSpace::Loopback << false;
    QTest::newRow("::1") << u"[::1]"_s << IpAddressSpace::Loopback << false;
    QTest::newRow("10.0.0.5") << u"10.0.0.5"_s << IpAddressSpace::Local << true;
    QTest::newRow("172.16.0.1") << u"172.16.0.1"_s << IpAddressSpace::Local << true;
    QTest::newRow("172.32.0.1 is public") << u"172.32.0.1"_s << IpAddressSpace::Public << false;
    QTest::newRow("192.168.1.10") << u"192.168.1.10"_s << IpAddressSpace::Local << true;
    QTest::newRow("169.254.1.1") << u"169.254.1.1"_s << IpAddressSpace::Local << true;
    QTest::newRow("100.64.0.1 (CGNAT)") << u"100.64.0.1"_s << IpAddressSpace::Local << true;
    QTest::newRow("fd00::1") << u"fd00::1"_s << IpAddressSpace::Local << true;
    QTest::newRow("fe80::1") << u"fe80::1"_s << IpAddressSpace::Local << true;
    QTest::newRow("::ffff:127.0.0.1") << u"::ffff:127.0.0.1"_s << IpAddressSpace::Loopback << false;
    QTest::newRow("8.8.8.8") << u"8.8.8.8"_s << IpAddressSpace::Public << false;
    QTest::newRow("2001:db8::1") << u"2001:db8::1"_s << IpAddressSpace::Public << false;
    QTest::newRow("printer.local") << u"printer.local"_s << IpAddressSpace::Public << true;
    QTest::newRow("example.com") << u"example.com"_s << IpAddressSpace::Public << false;
}

void tst_BrowserFetchRules::addressSpace()
{
    QFETCH(QString, host);
    QFETCH(IpAddressSpace, space);
    QFETCH(bool, recognisablyLocal);
    QCOMPARE(addressSpaceOfHost(host), space);
    QCOMPARE(isRecognisablyLocalHost(host), recognisablyLocal);
}

QTEST_GUILESS_MAIN(tst_BrowserFetchRules)
#include "tst_browserfetchrules.moc"
