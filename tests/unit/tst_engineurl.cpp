// EngineEndpoint / EngineQuery / engineRandomString: the URLs socket.io-client 4.8 builds. Expected
// values were printed by engine.io-client 6.6 itself (parseqs.encode, util.randomString) in node.
#include "client/engineurl.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

class TestEngineUrl : public QObject {
    Q_OBJECT

private slots:
    void randomString_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<double>("random");
        QTest::addColumn<QString>("expected");
        QTest::newRow("2023") << qint64(1700000000000) << 0.123456789 << u"w3v284fz"_s;
        QTest::newRow("2025") << qint64(1764028800000) << 0.987654321 << u"t79c0zk0"_s;
        QTest::newRow("small random") << qint64(1799999999999) << 0.000123 << u"piwvz005"_s;
        QTest::newRow("short base-36 fraction") << qint64(1764028812345) << 0.5 << u"t7iuxi"_s;
    }
    void randomString()
    {
        QFETCH(qint64, now);
        QFETCH(double, random);
        QFETCH(QString, expected);
        QCOMPARE(engineRandomString(now, random), expected);
    }

    void encode()
    {
        EngineQuery q;
        q.set(u"a b"_s, u"x/y?z&"_s);
        q.set(u"é"_s, u"!*()~'-_."_s);
        q.set(u"EIO"_s, u"4"_s);
        QCOMPARE(q.encode(), u"a%20b=x%2Fy%3Fz%26&%C3%A9=!*()~'-_.&EIO=4"_s);
        // A key keeps its first position when it is set again (t stays before sid).
        q.set(u"t"_s, u"aaaaaaaa"_s);
        q.set(u"sid"_s, u"S"_s);
        q.set(u"t"_s, u"bbbbbbbb"_s);
        QCOMPARE(q.encode(), u"a%20b=x%2Fy%3Fz%26&%C3%A9=!*()~'-_.&EIO=4&t=bbbbbbbb&sid=S"_s);
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("pollingBase");
        QTest::addColumn<QString>("wsBase");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("nsp");
        QTest::newRow("default port dropped")
            << u"http://localhost"_s << u"/socket.io"_s << u"http://localhost/socket.io/"_s
            << u"ws://localhost/socket.io/"_s << u"http://localhost"_s << u"/"_s;
        QTest::newRow("port kept")
            << u"http://localhost:3000"_s << u"/socket.io"_s
            << u"http://localhost:3000/socket.io/"_s << u"ws://localhost:3000/socket.io/"_s
            << u"http://localhost:3000"_s << u"/"_s;
        QTest::newRow("https 443")
            << u"https://example.com:443"_s << u"/socket.io"_s
            << u"https://example.com/socket.io/"_s << u"wss://example.com/socket.io/"_s
            << u"https://example.com"_s << u"/"_s;
        QTest::newRow("wss URL polls over https")
            << u"wss://example.com:8443"_s << u"/socket.io"_s
            << u"https://example.com:8443/socket.io/"_s << u"wss://example.com:8443/socket.io/"_s
            << u"https://example.com:8443"_s << u"/"_s;
        QTest::newRow("trailing slashes trimmed, one added")
            << u"http://a.test"_s << u"/my/path//"_s << u"http://a.test/my/path/"_s
            << u"ws://a.test/my/path/"_s << u"http://a.test"_s << u"/"_s;
        QTest::newRow("namespace from the URL path")
            << u"http://a.test/admin"_s << u"/socket.io"_s << u"http://a.test/socket.io/"_s
            << u"ws://a.test/socket.io/"_s << u"http://a.test"_s << u"/admin"_s;
        QTest::newRow("IPv6") << u"http://[::1]:3000"_s << u"/socket.io"_s
                              << u"http://[::1]:3000/socket.io/"_s
                              << u"ws://[::1]:3000/socket.io/"_s << u"http://[::1]:3000"_s
                              << u"/"_s;
    }
    void resolve()
    {
        QFETCH(QString, url);
        QFETCH(QString, path);
        QFETCH(QString, pollingBase);
        QFETCH(QString, wsBase);
        QFETCH(QString, origin);
        QFETCH(QString, nsp);
        ClientConnectOptions options;
        options.path = path;
        QString error;
        const auto e = EngineEndpoint::resolve(url, u"/"_s, options, &error);
        QVERIFY2(e, qPrintable(error));
        QCOMPARE(e->base(false), pollingBase);
        QCOMPARE(e->base(true), wsBase);
        QCOMPARE(e->origin(), origin);
        QCOMPARE(e->namespaceName, nsp);
    }

    void queryFromUrlWins()
    {
        ClientConnectOptions options;
        options.query = {{u"from"_s, u"options"_s}};
        QString error;
        auto e = EngineEndpoint::resolve(u"http://a.test/?x=1&y=a%20b"_s, u"/"_s, options, &error);
        QVERIFY(e);
        QCOMPARE(e->userQuery.size(), 2);
        QCOMPARE(e->userQuery.at(1).second, u"a b"_s);
        e = EngineEndpoint::resolve(u"http://a.test"_s, u"/"_s, options, &error);
        QCOMPARE(e->userQuery.size(), 1);
        QCOMPARE(e->userQuery.at(0).first, u"from"_s);
    }

    void badUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("relative") << u"/socket.io"_s;
        QTest::newRow("ftp") << u"ftp://a.test"_s;
        QTest::newRow("no host") << u"http://"_s;
        QTest::newRow("words") << u"not a url"_s;
    }
    void badUrls()
    {
        QFETCH(QString, url);
        QString error;
        QVERIFY(!EngineEndpoint::resolve(url, u"/"_s, {}, &error));
        QVERIFY(error.contains(u"is not an absolute http, https, ws or wss URL"_s));
    }
};

QTEST_GUILESS_MAIN(TestEngineUrl)
#include "tst_engineurl.moc"
