// UrlSearchParams: engine.io's req._query entries for request targets; every expected list
// was printed by Node 20: [...new URL(target, "https://socket.io").searchParams.entries()].
#include "script/urlsearchparams.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(corslab::QueryEntries)

class TestUrlSearchParams : public QObject {
    Q_OBJECT

private slots:
    void fromRequestTarget_data();
    void fromRequestTarget();
};

void TestUrlSearchParams::fromRequestTarget_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QueryEntries>("entries");

    QTest::newRow("engine.io handshake")
        << u"/socket.io/?EIO=4&transport=polling&t=P1"_s
        << QueryEntries {{u"EIO"_s, u"4"_s}, {u"transport"_s, u"polling"_s}, {u"t"_s, u"P1"_s}};
    QTest::newRow("no query") << u"/socket.io/"_s << QueryEntries {};
    QTest::newRow("empty query") << u"?"_s << QueryEntries {};
    QTest::newRow("fragment ends the query") << u"?#a=b"_s << QueryEntries {};
    QTest::newRow("plus and percent")
        << u"?a+b=c+d&%2B=%2b"_s << QueryEntries {{u"a b"_s, u"c d"_s}, {u"+"_s, u"+"_s}};
    QTest::newRow("empty sequences, first = splits, bad escapes kept")
        << u"?%zz=1&&&=&a==b&c=d=e"_s
        << QueryEntries {
               {u"%zz"_s, u"1"_s}, {QString(), QString()}, {u"a"_s, u"=b"_s}, {u"c"_s, u"d=e"_s}};
    QTest::newRow("second question mark is data")
        << u"/p?x=1?y=2"_s << QueryEntries {{u"x"_s, u"1?y=2"_s}};
    QTest::newRow("repeated names are all kept, in order")
        << u"?b=1&a=2&b=3"_s << QueryEntries {{u"b"_s, u"1"_s}, {u"a"_s, u"2"_s}, {u"b"_s, u"3"_s}};
    QTest::newRow("name without value") << u"?flag"_s << QueryEntries {{u"flag"_s, QString()}};
    QTest::newRow("UTF-8 escapes") << u"?e=%E2%82%AC"_s << QueryEntries {{u"e"_s, u"€"_s}};
    QTest::newRow("raw bytes as Node hands them over (latin1) stay mojibake")
        << u"?x=caf\u00C3\u00A9"_s << QueryEntries {{u"x"_s, u"caf\u00C3\u00A9"_s}};
    QTest::newRow("BOM is kept; each invalid subpart is one U+FFFD")
        << u"?a=%EF%BB%BFx%C3(%F0%9F%98"_s << QueryEntries {{u"a"_s, u"\uFEFFx\uFFFD(\uFFFD"_s}};
    QTest::newRow("truncated sequence") << u"?a=%e2%82"_s << QueryEntries {{u"a"_s, u"\uFFFD"_s}};
    QTest::newRow("encoded surrogate")
        << u"?a=%ED%A0%80"_s << QueryEntries {{u"a"_s, u"\uFFFD\uFFFD\uFFFD"_s}};
    QTest::newRow("overlong encoding")
        << u"?a=%C0%AF"_s << QueryEntries {{u"a"_s, u"\uFFFD\uFFFD"_s}};
    QTest::newRow("beyond U+10FFFF")
        << u"?a=%F4%90%80%80"_s << QueryEntries {{u"a"_s, u"\uFFFD\uFFFD\uFFFD\uFFFD"_s}};
    QTest::newRow("astral code point")
        << u"?a=%F0%9F%98%80"_s << QueryEntries {{u"a"_s, u"\U0001F600"_s}};
}

void TestUrlSearchParams::fromRequestTarget()
{
    QFETCH(QString, target);
    QFETCH(QueryEntries, entries);
    QCOMPARE(UrlSearchParams::fromRequestTarget(target), entries);
}

QTEST_GUILESS_MAIN(TestUrlSearchParams)
#include "tst_urlsearchparams.moc"
