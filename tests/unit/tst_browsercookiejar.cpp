// BrowserCookieJar: which Set-Cookie lines a browser keeps and which cookies go with a request.
#include "client/browsercookiejar.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Browser)

class TestBrowserCookieJar : public QObject {
    Q_OBJECT

private slots:
    void site_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("site");
        QTest::newRow("localhost any port") << u"http://localhost:3000"_s << u"http://localhost"_s;
        QTest::newRow("ip") << u"http://127.0.0.1:8080/x"_s << u"http://127.0.0.1"_s;
        QTest::newRow("registrable domain")
            << u"https://api.example.com"_s << u"https://example.com"_s;
        QTest::newRow("ws counts as http")
            << u"ws://localhost:1/socket.io/"_s << u"http://localhost"_s;
        QTest::newRow("wss counts as https")
            << u"wss://a.example.com"_s << u"https://example.com"_s;
    }
    void site()
    {
        QFETCH(QString, url);
        QFETCH(QString, site);
        QCOMPARE(BrowserCookieJar::site(url), site);
    }

    void storeAndSend_data()
    {
        QTest::addColumn<Browser>("browser");
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("credentials");
        QTest::addColumn<QString>("setCookie");
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("cookieHeader");
        const QString server = u"http://localhost:4000/socket.io/?EIO=4"_s;
        QTest::newRow("same-site Lax stored and sent")
            << Browser::Chromium << u"http://localhost:3000"_s << server << true
            << u"io=abc; Path=/; HttpOnly; SameSite=Lax"_s << u"cookie io stored for localhost/"_s
            << u"io=abc"_s;
        QTest::newRow("no credentials: not stored")
            << Browser::Chromium << u"http://localhost:3000"_s << server << false
            << u"io=abc; Path=/"_s
            << u"cookie io not stored: the request's credentials mode does not let it use cookies (withCredentials is false)"_s
            << QString();
        QTest::newRow("cross-site Lax blocked")
            << Browser::Chromium << u"http://localhost:3000"_s
            << u"http://127.0.0.1:4000/socket.io/"_s << true << u"io=abc; Path=/; SameSite=Lax"_s
            << u"cookie io blocked: SameSite=lax and the response is cross-site (page http://localhost, server http://127.0.0.1)"_s
            << QString();
        QTest::newRow("cross-site no SameSite: Chromium defaults to Lax")
            << Browser::Chromium << u"http://localhost:3000"_s
            << u"http://127.0.0.1:4000/socket.io/"_s << true << u"io=abc; Path=/"_s
            << u"cookie io blocked: SameSite=lax (Chromium's default) and the response is cross-site (page http://localhost, server http://127.0.0.1)"_s
            << QString();
        QTest::newRow("cross-site no SameSite: Firefox keeps None")
            << Browser::Firefox << u"http://localhost:3000"_s
            << u"http://127.0.0.1:4000/socket.io/"_s << true << u"io=abc; Path=/"_s
            << u"cookie io stored for 127.0.0.1/"_s << u"io=abc"_s;
        QTest::newRow("SameSite=None without Secure rejected by Chromium")
            << Browser::Chromium << u"http://localhost:3000"_s << server << true
            << u"io=abc; SameSite=None"_s << u"cookie io rejected: SameSite=None requires Secure"_s
            << QString();
        QTest::newRow("Secure over http rejected")
            << Browser::Firefox << u"http://localhost:3000"_s << server << true
            << u"io=abc; Secure"_s
            << u"cookie io rejected: Secure cookies are only set over https"_s << QString();
        QTest::newRow("foreign Domain rejected")
            << Browser::Chromium << u"https://example.com"_s
            << u"https://api.example.com/socket.io/"_s << true << u"io=abc; Domain=other.com"_s
            << u"cookie io rejected: Domain=other.com does not match api.example.com"_s
            << QString();
        QTest::newRow("default path is the request's directory")
            << Browser::Firefox << u"http://localhost:3000"_s
            << u"http://localhost:4000/socket.io/x"_s << true << u"io=abc"_s
            << u"cookie io stored for localhost/socket.io"_s << u"io=abc"_s;
        QTest::newRow("Max-Age=0 deletes")
            << Browser::Chromium << u"http://localhost:3000"_s << server << true
            << u"io=abc; Max-Age=0"_s << u"cookie io deleted (Max-Age <= 0)"_s << QString();
    }
    void storeAndSend()
    {
        QFETCH(Browser, browser);
        QFETCH(QString, page);
        QFETCH(QString, url);
        QFETCH(bool, credentials);
        QFETCH(QString, setCookie);
        QFETCH(QString, note);
        QFETCH(QString, cookieHeader);
        BrowserCookieJar jar(browser);
        const QStringList notes = jar.receive(url, page, credentials, {setCookie}, 1000);
        QCOMPARE(notes, QStringList {note});
        QCOMPARE(jar.cookieHeader(url, page, true, 2000), cookieHeader);
    }

    void withheldWithoutCredentials()
    {
        BrowserCookieJar jar(Browser::Chromium);
        jar.receive(u"http://localhost:4000/socket.io/"_s, u"http://localhost:3000"_s, true,
            {u"io=abc; Path=/"_s}, 0);
        QStringList withheld;
        QCOMPARE(jar.cookieHeader(u"http://localhost:4000/socket.io/"_s, u"http://localhost:3000"_s,
                     false, 1, &withheld),
            QString());
        QCOMPARE(withheld, QStringList {u"cookie io not sent: credentials are not included"_s});
        QCOMPARE(
            jar.cookieHeader(u"http://localhost:4000/other"_s, u"http://localhost:3000"_s, true, 1),
            u"io=abc"_s);
        QCOMPARE(jar.cookieHeader(
                     u"http://localhost:4000/"_s, u"http://127.0.0.1:3000"_s, true, 1, &withheld),
            QString());
        QCOMPARE(withheld.last(), u"cookie io not sent: SameSite=lax on a cross-site request"_s);
    }
};

QTEST_GUILESS_MAIN(TestBrowserCookieJar)
#include "tst_browsercookiejar.moc"
