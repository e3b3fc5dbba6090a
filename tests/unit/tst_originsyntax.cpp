// OriginSyntax::check: which strings are origins as browsers send them, and why the others are not.
#include "profile/originsyntax.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

const QString NoScheme = u"has no scheme; browsers send \"http://...\" or \"https://...\""_s;
const QString NotAnOrigin = u"is not a URL origin (scheme://host[:port])"_s;
const QString TrailingSlash = u"ends with \"/\"; the Origin header never does"_s;
const QString HasPath = u"has a path; an Origin is only scheme://host[:port]"_s;
const QString HasQuery = u"has a query; an Origin is only scheme://host[:port]"_s;
const QString HasFragment = u"has a fragment; an Origin is only scheme://host[:port]"_s;
const QString UserName = u"contains a user name; an Origin never does"_s;
const QString UpperCase
    = u"has upper-case letters; browsers send the scheme and host in lower case"_s;

QString defaultPort(int port)
{
    return u"names the default port %1, which browsers leave out"_s.arg(port);
}

} // namespace

class TestOriginSyntax : public QObject {
    Q_OBJECT

private slots:
    void serializedOrigins_data();
    void serializedOrigins();
    void problems_data();
    void problems();
    void unicodeHostIsNotCalledUpperCase();
    void noSchemeSuggestions_data();
    void noSchemeSuggestions();
};

void TestOriginSyntax::serializedOrigins_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("http host") << u"http://localhost"_s;
    QTest::newRow("http host and port") << u"http://localhost:3000"_s;
    QTest::newRow("https host") << u"https://example.com"_s;
    QTest::newRow("https non-default port") << u"https://example.com:8443"_s;
    QTest::newRow("http on port 443") << u"http://localhost:443"_s;
    QTest::newRow("https on port 80") << u"https://localhost:80"_s;
    QTest::newRow("lowest port") << u"http://localhost:1"_s;
    QTest::newRow("highest port") << u"http://localhost:65535"_s;
    QTest::newRow("IPv4") << u"http://127.0.0.1:8080"_s;
    QTest::newRow("IPv4 default port") << u"http://192.168.1.10"_s;
    QTest::newRow("IPv6 loopback") << u"http://[::1]:3000"_s;
    QTest::newRow("IPv6 default port") << u"https://[2001:db8::1]"_s;
    QTest::newRow("punycode host") << u"http://xn--bcher-kva.de"_s;
    QTest::newRow("punycode subdomain") << u"https://xn--nxasmq6b.example.com:4443"_s;
    QTest::newRow("deep subdomain") << u"https://a.b.example.co.uk"_s;
    QTest::newRow("hyphenated host") << u"http://my-app.localhost:5173"_s;
    QTest::newRow("ws") << u"ws://localhost:3000"_s;
    QTest::newRow("wss") << u"wss://example.com"_s;
}

void TestOriginSyntax::serializedOrigins()
{
    QFETCH(QString, text);

    const OriginSyntax result = OriginSyntax::check(text);
    // HTML serialises an IPv6 host in brackets; QUrl::host() returns it without them, so check()
    // compares against "http://::1:3000", blames upper-case letters and suggests that non-URL.
    QVERIFY2(result.isSerializedOrigin, qPrintable(result.problem));
    QCOMPARE(result.problem, QString());
    QCOMPARE(result.suggestion, QString());
}

void TestOriginSyntax::problems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("suggestion");

    // No "://"
    QTest::newRow("empty") << QString() << NoScheme << QString();
    QTest::newRow("host and port only")
        << u"localhost:3000"_s << NoScheme << u"http://localhost:3000"_s;
    QTest::newRow("host only") << u"example.com"_s << NoScheme << u"http://example.com"_s;
    QTest::newRow("host and path") << u"localhost:3000/app"_s << NoScheme << QString();
    QTest::newRow("scheme-relative") << u"//localhost:3000"_s << NoScheme << QString();
    QTest::newRow("empty scheme") << u"://localhost"_s << NoScheme << QString();

    // Not a URL with a host
    QTest::newRow("scheme only") << u"http://"_s << NotAnOrigin << QString();
    QTest::newRow("space in host") << u"http://local host"_s << NotAnOrigin << QString();
    QTest::newRow("port out of range") << u"http://localhost:65536"_s << NotAnOrigin << QString();
    QTest::newRow("file URL") << u"file:///home/me/index.html"_s << NotAnOrigin << QString();

    // A URL, but not as the Origin header carries it
    QTest::newRow("trailing slash")
        << u"http://localhost:3000/"_s << TrailingSlash << u"http://localhost:3000"_s;
    QTest::newRow("trailing slash and default port")
        << u"https://example.com:443/"_s << TrailingSlash << u"https://example.com"_s;
    QTest::newRow("path") << u"http://localhost:3000/app"_s << HasPath
                          << u"http://localhost:3000"_s;
    QTest::newRow("path ending in slash")
        << u"https://example.com/app/"_s << HasPath << u"https://example.com"_s;
    QTest::newRow("query") << u"http://localhost:3000?x=1"_s << HasQuery
                           << u"http://localhost:3000"_s;
    QTest::newRow("fragment") << u"http://localhost:3000#top"_s << HasFragment
                              << u"http://localhost:3000"_s;
    QTest::newRow("slash and query")
        << u"http://localhost:3000/?x=1"_s << HasPath << u"http://localhost:3000"_s;
    QTest::newRow("user name") << u"http://me@localhost:3000"_s << UserName
                               << u"http://localhost:3000"_s;
    QTest::newRow("user name and password")
        << u"https://me:secret@example.com"_s << UserName << u"https://example.com"_s;
    QTest::newRow("http default port")
        << u"http://localhost:80"_s << defaultPort(80) << u"http://localhost"_s;
    QTest::newRow("https default port")
        << u"https://example.com:443"_s << defaultPort(443) << u"https://example.com"_s;
    QTest::newRow("ws default port")
        << u"ws://localhost:80"_s << defaultPort(80) << u"ws://localhost"_s;
    QTest::newRow("wss default port")
        << u"wss://example.com:443"_s << defaultPort(443) << u"wss://example.com"_s;
    QTest::newRow("upper-case host")
        << u"http://LocalHost:3000"_s << UpperCase << u"http://localhost:3000"_s;
    QTest::newRow("upper-case scheme")
        << u"HTTPS://example.com"_s << UpperCase << u"https://example.com"_s;
}

void TestOriginSyntax::problems()
{
    QFETCH(QString, text);
    QFETCH(QString, problem);
    QFETCH(QString, suggestion);

    const OriginSyntax result = OriginSyntax::check(text);
    QVERIFY(!result.isSerializedOrigin);
    QCOMPARE(result.problem, problem);
    QCOMPARE(result.suggestion, suggestion);
}

// Browsers send a Unicode host in its punycode form, which is what check() suggests, and the
// reason says so rather than blaming upper-case letters "bücher" does not have.
void TestOriginSyntax::unicodeHostIsNotCalledUpperCase()
{
    const OriginSyntax result = OriginSyntax::check(u"http://b\u00fccher.de"_s);
    QVERIFY(!result.isSerializedOrigin);
    QCOMPARE(result.suggestion, u"http://xn--bcher-kva.de"_s);
    QCOMPARE(result.problem.contains(u"upper-case"_s), false);
}

void TestOriginSyntax::noSchemeSuggestions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("suggestion");

    QTest::newRow("wildcard") << u"*"_s << QString();
    QTest::newRow("scheme without slashes") << u"http:localhost"_s << u"http://localhost"_s;
}

// Without "://" check() suggests "http://" only for what plainly is a host; "*" gets no
// suggestion and "http:localhost" gets its missing slashes.
void TestOriginSyntax::noSchemeSuggestions()
{
    QFETCH(QString, text);
    QFETCH(QString, suggestion);

    const OriginSyntax result = OriginSyntax::check(text);
    QVERIFY(!result.isSerializedOrigin);
    QCOMPARE(result.problem, NoScheme);
    QCOMPARE(result.suggestion, suggestion);
}

QTEST_GUILESS_MAIN(TestOriginSyntax)
#include "tst_originsyntax.moc"
