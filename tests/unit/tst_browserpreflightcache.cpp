// BrowserPreflightCache: Access-Control-Max-Age parsing and cache hits in Chromium
// (services/network/cors/preflight_result.cc, preflight_cache.cc) and Firefox
// (nsCORSListenerProxy.cpp nsPreflightCache), with explicit time (cors.md §2.7).
#include "cors/browserpreflightcache.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(corslab::BrowserRequest)
Q_DECLARE_METATYPE(corslab::BrowserResponse)

namespace {

const QString Page = u"http://a.test"_s;
const QString Url = u"http://api.test:3000/socket.io/?EIO=4&transport=polling&t=abc"_s;

BrowserRequest request(const QString &method = u"GET"_s, const QStringList &headerNames = {},
    bool credentialed = false, const QString &url = Url)
{
    BrowserRequest r;
    r.method = method;
    r.url = url;
    r.pageOrigin = Page;
    for (const QString &name : headerNames)
        r.headers << BrowserHeader {name, u"v"_s};
    if (credentialed)
        r.credentials = CredentialsMode::Include;
    return r;
}

BrowserResponse preflight(const QString &methods, const QString &headers,
    const std::optional<QString> &maxAge = std::nullopt)
{
    BrowserResponse response;
    response.status = 204;
    response.headers << BrowserHeader {u"Access-Control-Allow-Origin"_s, Page};
    response.headers << BrowserHeader {u"Access-Control-Allow-Credentials"_s, u"true"_s};
    if (!methods.isEmpty())
        response.headers << BrowserHeader {u"Access-Control-Allow-Methods"_s, methods};
    if (!headers.isEmpty())
        response.headers << BrowserHeader {u"Access-Control-Allow-Headers"_s, headers};
    if (maxAge)
        response.headers << BrowserHeader {u"Access-Control-Max-Age"_s, *maxAge};
    return response;
}

} // namespace

class tst_BrowserPreflightCache : public QObject {
    Q_OBJECT

private slots:
    void maxAge_data();
    void maxAge();
    void covers_data();
    void covers();
    void chromiumDropsInsufficientEntry();
    void firefoxForgetsAfterFailure();
    void firefoxKeepsHundredEntries();
    void chromiumSkipsLongUrls();
    void socketIoCacheBusterNeverHits();
};

void tst_BrowserPreflightCache::maxAge_data()
{
    QTest::addColumn<QString>("header"); // "<absent>" for none
    QTest::addColumn<QString>("chromium"); // seconds, "-" for not cached
    QTest::addColumn<QString>("firefox");

    QTest::newRow("absent: 5 s") << u"<absent>"_s << u"5"_s << u"5"_s;
    QTest::newRow("600") << u"600"_s << u"600"_s << u"600"_s;
    QTest::newRow("0") << u"0"_s << u"0"_s << u"-"_s;
    QTest::newRow("negative") << u"-1"_s << u"0"_s << u"-"_s;
    QTest::newRow("not a number") << u"abc"_s << u"5"_s << u"-"_s;
    QTest::newRow("plus sign") << u"+30"_s << u"30"_s << u"-"_s;
    QTest::newRow("empty") << u""_s << u"5"_s << u"5"_s;
    QTest::newRow("two lines") << u"5, 10"_s << u"5"_s << u"-"_s;
    QTest::newRow("over Chromium's 2 h cap") << u"10000"_s << u"7200"_s << u"10000"_s;
    QTest::newRow("over both caps") << u"100000"_s << u"7200"_s << u"86400"_s;
    QTest::newRow("huge") << u"99999999999999999999"_s << u"5"_s << u"86400"_s;
}

void tst_BrowserPreflightCache::maxAge()
{
    QFETCH(QString, header);
    QFETCH(QString, chromium);
    QFETCH(QString, firefox);

    const std::optional<QString> value
        = header == u"<absent>"_s ? std::nullopt : std::optional<QString>(header);
    auto text = [](std::optional<qint64> seconds) {
        return seconds ? QString::number(*seconds) : u"-"_s;
    };
    QCOMPARE(text(BrowserPreflightCache::maxAgeSeconds(Browser::Chromium, value)), chromium);
    QCOMPARE(text(BrowserPreflightCache::maxAgeSeconds(Browser::Firefox, value)), firefox);
}

void tst_BrowserPreflightCache::covers_data()
{
    QTest::addColumn<BrowserRequest>("stored");
    QTest::addColumn<BrowserResponse>("response");
    QTest::addColumn<BrowserRequest>("later");
    QTest::addColumn<int>("afterMs");
    QTest::addColumn<bool>("chromium");
    QTest::addColumn<bool>("firefox");

    const BrowserRequest put = request(u"PUT"_s);
    const BrowserRequest token = request(u"GET"_s, {u"X-Token"_s});
    QTest::newRow("same request 1 s later")
        << token << preflight({}, u"x-token"_s) << token << 1000 << true << true;
    QTest::newRow("default 5 s have passed")
        << token << preflight({}, u"x-token"_s) << token << 5000 << false << false;
    QTest::newRow("max-age 600, 300 s later")
        << token << preflight({}, u"x-token"_s, u"600"_s) << token << 300000 << true << true;
    QTest::newRow("max-age 600, 700 s later")
        << token << preflight({}, u"x-token"_s, u"600"_s) << token << 700000 << false << false;
    QTest::newRow("max-age 0") << token << preflight({}, u"x-token"_s, u"0"_s) << token << 0
                               << false << false;
    QTest::newRow("max-age abc: Chromium 5 s, Firefox none")
        << token << preflight({}, u"x-token"_s, u"abc"_s) << token << 1000 << true << false;
    QTest::newRow("credentialed entry, uncredentialed request: Chromium only")
        << request(u"GET"_s, {u"X-Token"_s}, true) << preflight({}, u"x-token"_s) << token << 1000
        << true << false;
    QTest::newRow("uncredentialed entry, credentialed request")
        << token << preflight({}, u"x-token"_s) << request(u"GET"_s, {u"X-Token"_s}, true) << 1000
        << false << false;
    QTest::newRow("method PUT stored")
        << put << preflight(u"PUT"_s, {}) << put << 1000 << true << true;
    QTest::newRow("ACAM *: Chromium honours it, Firefox stores it literally")
        << put << preflight(u"*"_s, {}) << put << 1000 << true << false;
    QTest::newRow("ACAH *: Chromium honours it, Firefox stores it literally")
        << token << preflight({}, u"*"_s) << token << 1000 << true << false;
    QTest::newRow("Authorization under *: never from the cache")
        << request(u"GET"_s, {u"Authorization"_s}) << preflight({}, u"*"_s)
        << request(u"GET"_s, {u"Authorization"_s}) << 1000 << false << false;
    QTest::newRow("header names case-insensitive")
        << token << preflight({}, u"X-TOKEN"_s) << token << 1000 << true << true;
    QTest::newRow("a header the entry does not have")
        << token << preflight({}, u"x-token"_s) << request(u"GET"_s, {u"X-Token"_s, u"X-Other"_s})
        << 1000 << false << false;
    QTest::newRow("HEAD: safelisted in Chromium, looked up in Firefox")
        << token << preflight(u"GET"_s, u"x-token"_s) << request(u"HEAD"_s, {u"X-Token"_s}) << 1000
        << true << false;
    QTest::newRow("POST never looked up as a method")
        << token << preflight({}, u"x-token"_s) << request(u"POST"_s, {u"X-Token"_s}) << 1000
        << true << true;
    QTest::newRow("other URL (query included)")
        << token << preflight({}, u"x-token"_s)
        << request(u"GET"_s, {u"X-Token"_s}, false, Url + u"x"_s) << 1000 << false << false;
}

void tst_BrowserPreflightCache::covers()
{
    QFETCH(BrowserRequest, stored);
    QFETCH(BrowserResponse, response);
    QFETCH(BrowserRequest, later);
    QFETCH(int, afterMs);
    QFETCH(bool, chromium);
    QFETCH(bool, firefox);

    const qint64 start = 1'000'000;
    for (const Browser browser : {Browser::Chromium, Browser::Firefox}) {
        BrowserRequest first = stored;
        first.browser = browser;
        BrowserRequest second = later;
        second.browser = browser;
        const BrowserCors storedCors(first);
        QVERIFY(storedCors.checkPreflight(response).passed());
        BrowserPreflightCache cache(browser);
        QVERIFY(!cache.covers(storedCors, start));
        cache.store(storedCors, response, start);
        QCOMPARE(cache.covers(BrowserCors(second), start + afterMs),
            browser == Browser::Chromium ? chromium : firefox);
    }
}

void tst_BrowserPreflightCache::chromiumDropsInsufficientEntry()
{
    // PreflightCache::CheckIfRequestCanSkipPreflight erases an entry that did not suffice;
    // Firefox keeps it.
    const BrowserCors stored(request(u"GET"_s, {u"X-Token"_s}));
    const BrowserCors other(request(u"PUT"_s));
    BrowserPreflightCache chromium(Browser::Chromium);
    chromium.store(stored, preflight({}, u"x-token"_s), 0);
    QVERIFY(!chromium.covers(other, 10));
    QCOMPARE(chromium.size(), 0);

    BrowserRequest firefoxRequest = request(u"GET"_s, {u"X-Token"_s});
    firefoxRequest.browser = Browser::Firefox;
    BrowserRequest firefoxOther = request(u"PUT"_s);
    firefoxOther.browser = Browser::Firefox;
    BrowserPreflightCache firefox(Browser::Firefox);
    firefox.store(BrowserCors(firefoxRequest), preflight({}, u"x-token"_s), 0);
    QVERIFY(!firefox.covers(BrowserCors(firefoxOther), 10));
    QCOMPARE(firefox.size(), 1);
}

void tst_BrowserPreflightCache::firefoxForgetsAfterFailure()
{
    // nsCORSListenerProxy::OnStartRequest removes both credential variants after a CORS failure.
    BrowserRequest plain = request(u"GET"_s, {u"X-Token"_s});
    plain.browser = Browser::Firefox;
    BrowserRequest credentialed = request(u"GET"_s, {u"X-Token"_s}, true);
    credentialed.browser = Browser::Firefox;
    BrowserPreflightCache firefox(Browser::Firefox);
    firefox.store(BrowserCors(plain), preflight({}, u"x-token"_s), 0);
    firefox.store(BrowserCors(credentialed), preflight({}, u"x-token"_s), 0);
    QCOMPARE(firefox.size(), 2);
    firefox.forgetAfterFailure(BrowserCors(plain));
    QCOMPARE(firefox.size(), 0);

    BrowserPreflightCache chromium(Browser::Chromium);
    const BrowserCors chromiumRequest(request(u"GET"_s, {u"X-Token"_s}));
    chromium.store(chromiumRequest, preflight({}, u"x-token"_s), 0);
    chromium.forgetAfterFailure(chromiumRequest);
    QVERIFY(chromium.covers(chromiumRequest, 1));
}

void tst_BrowserPreflightCache::firefoxKeepsHundredEntries()
{
    // PREFLIGHT_CACHE_SIZE 100: the least recently used entry goes first.
    BrowserPreflightCache firefox(Browser::Firefox);
    auto at = [](int i) {
        BrowserRequest r = request(u"GET"_s, {u"X-Token"_s}, false,
            u"http://api.test:3000/socket.io/?t="_s + QString::number(i));
        r.browser = Browser::Firefox;
        return BrowserCors(r);
    };
    for (int i = 0; i < 100; ++i)
        firefox.store(at(i), preflight({}, u"x-token"_s, u"600"_s), 0);
    QCOMPARE(firefox.size(), 100);
    QVERIFY(firefox.covers(at(0), 1)); // entry 0 is now the most recently used
    firefox.store(at(100), preflight({}, u"x-token"_s, u"600"_s), 2);
    QCOMPARE(firefox.size(), 100);
    QVERIFY(firefox.covers(at(0), 3));
    QVERIFY(!firefox.covers(at(1), 3));
    QVERIFY(firefox.covers(at(100), 3));
}

void tst_BrowserPreflightCache::chromiumSkipsLongUrls()
{
    // preflight_cache.cc kMaxKeyLength: URLs of 1024 characters or more are not cached.
    const QString longUrl = u"http://api.test/"_s + QString(1008, u'x');
    QCOMPARE(longUrl.size(), 1024);
    const BrowserCors cors(request(u"GET"_s, {u"X-Token"_s}, false, longUrl));
    BrowserPreflightCache chromium(Browser::Chromium);
    chromium.store(cors, preflight({}, u"x-token"_s), 0);
    QCOMPARE(chromium.size(), 0);
}

void tst_BrowserPreflightCache::socketIoCacheBusterNeverHits()
{
    // engine.io-client puts a fresh t= on every poll: each request has its own cache key, so every
    // poll with extraHeaders gets its own OPTIONS however long max-age is (cors.md §2.7).
    for (const Browser browser : {Browser::Chromium, Browser::Firefox}) {
        BrowserPreflightCache cache(browser);
        int preflights = 0;
        for (int poll = 0; poll < 5; ++poll) {
            BrowserRequest r = request(u"GET"_s, {u"Authorization"_s}, false,
                u"http://api.test:3000/socket.io/?EIO=4&transport=polling&t=P"_s
                    + QString::number(poll));
            r.browser = browser;
            const BrowserCors cors(r);
            if (!cache.covers(cors, poll * 100)) {
                ++preflights;
                cache.store(cors, preflight({}, u"authorization"_s, u"7200"_s), poll * 100);
            }
        }
        QCOMPARE(preflights, 5);
    }
}

QTEST_GUILESS_MAIN(tst_BrowserPreflightCache)
#include "tst_browserpreflightcache.moc"
