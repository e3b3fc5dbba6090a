// RegexTranslation: what an ES2018+ pattern becomes for QJSEngine 6.4, and what it refuses.
// What the rewritten patterns match is checked against Node in tst_scriptsandbox.
#include "script/regextranslation.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

class TestRegexTranslation : public QObject {
    Q_OBJECT

private slots:
    void translates_data();
    void translates();
    void refuses_data();
    void refuses();
    void display_data();
    void display();
};

void TestRegexTranslation::translates_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<QString>("translatedSource");
    QTest::addColumn<QString>("translatedFlags");

    QTest::newRow("plain pattern is kept")
        << u"^https://a\\.example$"_s << u"gi"_s << u"^https://a\\.example$"_s << u"gi"_s;
    QTest::newRow("s flag: dots outside classes and escapes")
        << u"a.b[.]\\.c"_s << u"gs"_s << u"a[^]b[.]\\.c"_s << u"g"_s;
    QTest::newRow("s flag: dot after a class with ] first")
        << u"[]].[^].x"_s << u"s"_s << u"[]][^][^][^]x"_s << QString();
    QTest::newRow("d flag is dropped") << u"a"_s << u"dgimuy"_s << u"a"_s << u"gimuy"_s;
    QTest::newRow("\\p{ASCII}") << u"^\\p{ASCII}+$"_s << u"u"_s << u"^[\\u{0}-\\u{7F}]+$"_s
                                << u"u"_s;
    QTest::newRow("\\P{ASCII} in a class")
        << u"[\\P{ASCII}a]"_s << u"u"_s << u"[\\u{80}-\\u{10FFFF}a]"_s << u"u"_s;
    QTest::newRow("\\P{Any} matches nothing") << u"\\P{Any}"_s << u"u"_s << u"[]"_s << u"u"_s;
    // Node 20: code points of /\p{Lt}/u.
    QTest::newRow("\\p{Lt}")
        << u"\\p{Lt}"_s << u"u"_s
        << u"[\\u{1C5}\\u{1C8}\\u{1CB}\\u{1F2}\\u{1F88}-\\u{1F8F}\\u{1F98}-\\u{1F9F}"
           u"\\u{1FA8}-\\u{1FAF}\\u{1FBC}\\u{1FCC}\\u{1FFC}]"_s
        << u"u"_s;
    QTest::newRow("\\p{gc=Titlecase_Letter} is the same")
        << u"\\p{gc=Titlecase_Letter}"_s << u"u"_s
        << u"[\\u{1C5}\\u{1C8}\\u{1CB}\\u{1F2}\\u{1F88}-\\u{1F8F}\\u{1F98}-\\u{1F9F}"
           u"\\u{1FA8}-\\u{1FAF}\\u{1FBC}\\u{1FCC}\\u{1FFC}]"_s
        << u"u"_s;
    QTest::newRow("\\p{Zl}") << u"\\p{Zl}"_s << u"u"_s << u"[\\u{2028}]"_s << u"u"_s;
    QTest::newRow("\\P{Zl} is the complement, not a negated class")
        << u"\\P{Zl}"_s << u"iu"_s << u"[\\u{0}-\\u{2027}\\u{2029}-\\u{10FFFF}]"_s << u"iu"_s;
    QTest::newRow("\\p{Join_C}") << u"\\p{Join_C}"_s << u"u"_s << u"[\\u{200C}-\\u{200D}]"_s
                                 << u"u"_s;
    QTest::newRow("without u, \\p is the letter p")
        << u"\\p{L}"_s << QString() << u"\\p{L}"_s << QString();
    QTest::newRow("without u or named groups, \\k is the letter k")
        << u"\\k<a>"_s << QString() << u"\\k<a>"_s << QString();
    QTest::newRow("named group and its reference") << u"(?<host>[a-z]+)\\.\\k<host>"_s << QString()
                                                   << u"(?<host>[a-z]+)\\.\\k<host>"_s << QString();
    QTest::newRow("quantifier braces with u")
        << u"a{2}b{1,}c{1,3}"_s << u"u"_s << u"a{2}b{1,}c{1,3}"_s << u"u"_s;
    QTest::newRow("lone braces without u")
        << u"a{,2}}]"_s << QString() << u"a{,2}}]"_s << QString();
    QTest::newRow("groups nested 1000 deep")
        << QString(u"("_s.repeated(1000) + u")"_s.repeated(1000)) << QString()
        << QString(u"("_s.repeated(1000) + u")"_s.repeated(1000)) << QString();
    QTest::newRow("lookahead is fine")
        << u"a(?=b)(?!c)"_s << QString() << u"a(?=b)(?!c)"_s << QString();
}

void TestRegexTranslation::translates()
{
    QFETCH(QString, source);
    QFETCH(QString, flags);
    QFETCH(QString, translatedSource);
    QFETCH(QString, translatedFlags);
    const RegexTranslation t = RegexTranslation::translate(source, flags);
    QVERIFY2(t.isValid(), qPrintable(t.error));
    QCOMPARE(t.source, translatedSource);
    QCOMPARE(t.flags, translatedFlags);
    QVERIFY(!t.unsupported);
}

// Errors are V8's (Node 20: `new RegExp(source, flags)`); "unsupported" ones are valid in Node.
void TestRegexTranslation::refuses_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("unsupported");

    QTest::newRow("lookbehind")
        << u"(?<=a)b"_s << QString()
        << u"Invalid regular expression: /(?<=a)b/: lookbehind assertions ((?<=...) and "
           u"(?<!...)) are not supported by CorsLab's JavaScript engine (QJSEngine 6.4); Node "
           u"supports them"_s
        << true;
    QTest::newRow("negative lookbehind")
        << u"(?<!evil\\.)example"_s << u"i"_s
        << u"Invalid regular expression: /(?<!evil\\.)example/i: lookbehind assertions ((?<=...) "
           u"and (?<!...)) are not supported by CorsLab's JavaScript engine (QJSEngine 6.4); Node "
           u"supports them"_s
        << true;
    QTest::newRow("binary property without a table")
        << u"\\p{Emoji}"_s << u"u"_s
        << u"Invalid regular expression: /\\p{Emoji}/u: \\p{Emoji} is not supported by CorsLab's "
           u"JavaScript engine (QJSEngine 6.4); Node supports it"_s
        << true;
    QTest::newRow("Script_Extensions")
        << u"\\p{scx=Latn}"_s << u"u"_s
        << u"Invalid regular expression: /\\p{scx=Latn}/u: \\p{scx=Latn} (Unicode scripts) is not "
           u"supported by CorsLab's JavaScript engine (QJSEngine 6.4); Node supports it"_s
        << true;
    QTest::newRow("property names are exact")
        << u"\\p{letter}"_s << u"u"_s
        << u"Invalid regular expression: /\\p{letter}/u: Invalid property name"_s << false;
    QTest::newRow("binary property with a value")
        << u"\\p{ASCII=Yes}"_s << u"u"_s
        << u"Invalid regular expression: /\\p{ASCII=Yes}/u: Invalid property name"_s << false;
    QTest::newRow("unterminated property")
        << u"\\p{L"_s << u"u"_s << u"Invalid regular expression: /\\p{L/u: Invalid property name"_s
        << false;
    QTest::newRow("named reference without a name")
        << u"(?<a>x)\\k"_s << QString()
        << u"Invalid regular expression: /(?<a>x)\\k/: Invalid named reference"_s << false;
    QTest::newRow("lone closing brace with u")
        << u"a}"_s << u"u"_s << u"Invalid regular expression: /a}/u: Lone quantifier brackets"_s
        << false;
    QTest::newRow("groups nested too deep for QJSEngine")
        << QString(u"("_s.repeated(1001) + u")"_s.repeated(1001)) << QString()
        << u"Invalid regular expression: /"_s + u"("_s.repeated(1001) + u")"_s.repeated(1001)
            + u"/: groups nested more than 1000 deep are not supported by CorsLab's JavaScript "
              u"engine (QJSEngine 6.4)"_s
        << true;
    QTest::newRow("duplicate flag")
        << u"a"_s << u"ii"_s << u"Invalid flags supplied to RegExp constructor 'ii'"_s << false;
}

void TestRegexTranslation::refuses()
{
    QFETCH(QString, source);
    QFETCH(QString, flags);
    QFETCH(QString, error);
    QFETCH(bool, unsupported);
    const RegexTranslation t = RegexTranslation::translate(source, flags);
    QVERIFY(!t.isValid());
    QCOMPARE(t.error, error);
    QCOMPARE(t.unsupported, unsupported);
    QVERIFY(t.source.isEmpty());
}

// String(new RegExp(source, flags)) in Node 20.
void TestRegexTranslation::display_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<QString>("shown");

    QTest::newRow("empty") << QString() << QString() << u"/(?:)/"_s;
    QTest::newRow("slashes") << u"https://a/b"_s << u"i"_s << u"/https:\\/\\/a\\/b/i"_s;
    QTest::newRow("escaped slash stays") << u"a\\/b"_s << QString() << u"/a\\/b/"_s;
    QTest::newRow("slash in a class") << u"[/]"_s << QString() << u"/[/]/"_s;
    QTest::newRow("line break") << u"a\nb"_s << QString() << u"/a\\nb/"_s;
}

void TestRegexTranslation::display()
{
    QFETCH(QString, source);
    QFETCH(QString, flags);
    QFETCH(QString, shown);
    QCOMPARE(RegexTranslation::display(source, flags), shown);
}

QTEST_GUILESS_MAIN(TestRegexTranslation)
#include "tst_regextranslation.moc"
