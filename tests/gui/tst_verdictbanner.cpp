// VerdictBanner over real runs (TestRun in-process against the embedded server) for every verdict
// kind, its buttons, the switch to Simplified Chinese (Firefox's zh-CN console text, translated
// labels), the embedded .qm and the .ts having no unfinished banner strings, and the themes.
#include "i18n/languagemanager.h"
#include "profile/profilefile.h"
#include "run/testrun.h"
#include "verdict/appicon.h"
#include "verdict/thememanager.h"
#include "verdict/verdictbanner.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QXmlStreamReader>

#include <functional>

using namespace corslab;
using namespace corslab::gui;
using namespace Qt::StringLiterals;

namespace {

using ProfileChange = std::function<void(Profile &)>;

RunResult runProfile(const QString &name, const ProfileChange &change = {}, bool proveFix = true)
{
    const ProfileFileResult loaded = ProfileFile::load(ProfileFile::exampleResourcePath(name));
    if (!loaded.load.profile)
        qFatal("cannot load example %s", qPrintable(name));
    Profile profile = *loaded.load.profile;
    if (change)
        change(profile);
    RunOptions options;
    options.proveFix = proveFix;
    return TestRun::runToEnd(profile, options);
}

// Runs are slow enough to share between tests.
const RunResult &cachedRun(const QString &key)
{
    static QMap<QString, RunResult> cache;
    if (!cache.contains(key)) {
        if (key == u"network-error"_s) {
            // Nothing listens on port 1: the connection is refused before any HTTP.
            cache.insert(key,
                runProfile(
                    u"single-allowed-origin"_s,
                    [](Profile &p) { p.client.url = u"http://127.0.0.1:1"_s; }, false));
        } else if (key == u"timeout"_s) {
            cache.insert(key,
                runProfile(
                    u"allow-request-never-answers"_s,
                    [](Profile &p) { p.client.options.timeout = 800; }, false));
        } else {
            cache.insert(key, runProfile(key));
        }
    }
    return cache[key];
}

template<typename T = QLabel>
T *child(const VerdictBanner &banner, const QString &name)
{
    T *w = banner.findChild<T *>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

QString labelText(const VerdictBanner &banner, const QString &name)
{
    return child(banner, name)->text();
}

bool shown(const VerdictBanner &banner, const QString &name)
{
    return child<QWidget>(banner, name)->isVisibleTo(&banner);
}

// A picture for a person to look at: build/.../screenshots/<name>.png.
void saveScreenshot(QWidget &widget, const QString &name)
{
    QDir().mkpath(QStringLiteral(CORSLAB_SCREENSHOT_DIR));
    // Word-wrapped labels need the height for the width, which adjustSize() does not ask for.
    const int width = 900;
    const int height = widget.heightForWidth(width);
    widget.resize(width, height > 0 ? height : widget.sizeHint().height());
    const QString path = QStringLiteral(CORSLAB_SCREENSHOT_DIR "/") + name + u".png"_s;
    if (!widget.grab().save(path))
        qWarning("could not save %s", qPrintable(path));
}

// The contexts of the .ts whose entries must all be translated.
const QStringList OwnContexts = {u"corslab::gui::VerdictBanner"_s, u"corslab::gui::ThemeManager"_s};

} // namespace

class TestVerdictBanner : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings away from the user's
        QCoreApplication::setOrganizationName(u"CorsLab-test"_s);
        QCoreApplication::setApplicationName(u"tst_verdictbanner"_s);
        LanguageManager::instance()->setLanguage(LanguageManager::Language::English, false);
    }

    void idleAndRunning()
    {
        VerdictBanner banner;
        banner.show();
        QCOMPARE(banner.state(), VerdictBanner::State::Idle);
        QCOMPARE(labelText(banner, u"outcome"_s), u"NO RUN YET"_s);
        QVERIFY(!shown(banner, u"applyFix"_s));
        QVERIFY(!shown(banner, u"detailsToggle"_s));
        banner.showRunning(u"credentials-with-wildcard-origin in Chrome"_s);
        QCOMPARE(banner.state(), VerdictBanner::State::Running);
        QCOMPARE(labelText(banner, u"summary"_s), u"credentials-with-wildcard-origin in Chrome"_s);
        banner.showIdle();
        QVERIFY(!banner.result());
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("run");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("reasonContains");
        QTest::addColumn<QString>("chromiumContains"); // empty: no Chrome section
        QTest::addColumn<QString>("connectErrorContains"); // empty: no connect_error section
        QTest::addColumn<bool>("hasFix");

        QTest::newRow("blocked: credentials with wildcard origin")
            << u"credentials-with-wildcard-origin"_s << u"blocked"_s << u"BLOCKED"_s
            << u"WildcardOriginNotAllowed"_s
            << u"The value of the 'Access-Control-Allow-Origin' header in the response must not "
               "be the wildcard '*' when the request's credentials mode is 'include'."_s
            << u"err.message: \"xhr poll error\"\nerr.description: 0"_s << true;
        QTest::newRow("connected: single allowed origin")
            << u"single-allowed-origin"_s << u"connected"_s << u"CONNECTED"_s << u"over "_s
            << QString() << QString() << false;
        QTest::newRow("refused: unknown namespace")
            << u"unknown-namespace"_s << u"refused"_s << u"REFUSED"_s << u"Invalid namespace"_s
            << QString() << u"err.message: \"Invalid namespace\""_s << true;
        QTest::newRow("refused: namespace middleware")
            << u"namespace-middleware-refusal"_s << u"refused"_s << u"REFUSED"_s
            << u"not authorized"_s << QString()
            << u"err.data: {\"content\":\"Please retry later\"}"_s << false;
        QTest::newRow("network error: nothing listens")
            << u"network-error"_s << u"network-error"_s << u"NETWORK ERROR"_s << u"net::"_s
            << QString() << u"err.message:"_s << false;
        QTest::newRow("timeout: allowRequest never answers")
            << u"timeout"_s << u"timeout"_s << u"TIMEOUT"_s << u"timeout"_s << QString()
            << u"err.message: \"timeout\""_s << false;
    }
    void verdicts()
    {
        QFETCH(QString, run);
        QFETCH(QString, verdict);
        QFETCH(QString, outcome);
        QFETCH(QString, reasonContains);
        QFETCH(QString, chromiumContains);
        QFETCH(QString, connectErrorContains);
        QFETCH(bool, hasFix);

        const RunResult &r = cachedRun(run);
        QCOMPARE(verdictName(r.verdict.verdict), verdict);
        VerdictBanner banner;
        banner.resize(900, 300);
        banner.show();
        banner.showResult(r);
        QCOMPARE(banner.state(), VerdictBanner::State::Result);
        QCOMPARE(labelText(banner, u"outcome"_s), outcome);
        QVERIFY2(labelText(banner, u"reason"_s).contains(reasonContains),
            qPrintable(labelText(banner, u"reason"_s)));
        QVERIFY(!labelText(banner, u"summary"_s).isEmpty());
        if (r.profile.expect && r.asExpected)
            QCOMPARE(labelText(banner, u"expectation"_s), u"✓ as expected"_s);
        else if (r.profile.expect)
            QVERIFY(labelText(banner, u"expectation"_s).startsWith(u"✗ expected"_s));

        // Compact by default; the details open with the toggle.
        QVERIFY(!shown(banner, u"details"_s));
        QVERIFY(!banner.isDetailsExpanded());
        QTest::mouseClick(child<QToolButton>(banner, u"detailsToggle"_s), Qt::LeftButton);
        QVERIFY(banner.isDetailsExpanded());
        QVERIFY(shown(banner, u"details"_s));

        QCOMPARE(shown(banner, u"chromiumMessage"_s), !chromiumContains.isEmpty());
        QCOMPARE(shown(banner, u"firefoxMessage"_s), !chromiumContains.isEmpty());
        if (!chromiumContains.isEmpty()) {
            QCOMPARE(labelText(banner, u"chromiumMessage"_s), r.verdict.messages->chromiumMessage);
            QVERIFY(labelText(banner, u"chromiumMessage"_s).contains(chromiumContains));
            QVERIFY(labelText(banner, u"firefoxMessage"_s)
                        .startsWith(r.verdict.messages->firefoxMessageEn));
            QVERIFY(labelText(banner, u"chromiumNetworkLine"_s).contains(u"net::ERR_FAILED"_s));
            QVERIFY(child(banner, u"chromiumMessage"_s)->textInteractionFlags()
                & Qt::TextSelectableByMouse);
        }
        QCOMPARE(shown(banner, u"connectError"_s), !connectErrorContains.isEmpty());
        if (!connectErrorContains.isEmpty()) {
            QVERIFY2(labelText(banner, u"connectError"_s).contains(connectErrorContains),
                qPrintable(labelText(banner, u"connectError"_s)));
        }
        QCOMPARE(shown(banner, u"notes"_s), !r.verdict.notes.isEmpty());
        for (const RunNote &note : r.verdict.notes)
            QVERIFY(labelText(banner, u"notes"_s).contains(note.text));

        QCOMPARE(r.fix.has_value(), hasFix);
        QCOMPARE(shown(banner, u"applyFix"_s), hasFix);
        QCOMPARE(shown(banner, u"codeDiff"_s), hasFix);
        QVERIFY(shown(banner, u"copyServerCode"_s));
        QVERIFY(shown(banner, u"copyClientCode"_s));
        if (hasFix) {
            QVERIFY(labelText(banner, u"fixTitle"_s).contains(r.fix->title));
            QCOMPARE(labelText(banner, u"fixExplanation"_s), r.fix->explanation);
            QCOMPARE(child<QPlainTextEdit>(banner, u"codeDiff"_s)->toPlainText(), r.fix->codeDiff);
            QVERIFY(banner.serverCode().contains(u"io"_s));
        }
        QVERIFY(!banner.serverCode().isEmpty());
        QVERIFY(!banner.clientCode().isEmpty());
        saveScreenshot(banner, u"verdictbanner-"_s + verdict);
    }

    void setupError()
    {
        RunResult r = cachedRun(u"single-allowed-origin"_s);
        r.setupError = u"the embedded server could not start: address in use"_s;
        VerdictBanner banner;
        banner.show();
        banner.showResult(r);
        QCOMPARE(labelText(banner, u"outcome"_s), u"COULD NOT RUN"_s);
        QCOMPARE(labelText(banner, u"summary"_s), r.setupError);
        QVERIFY(!shown(banner, u"applyFix"_s));
        QVERIFY(!shown(banner, u"detailsToggle"_s));
        QVERIFY(banner.serverCode().isEmpty());
    }

    void buttonsEmit()
    {
        VerdictBanner banner;
        banner.show();
        banner.showResult(cachedRun(u"credentials-with-wildcard-origin"_s));
        QSignalSpy apply(&banner, &VerdictBanner::applyFixRequested);
        QSignalSpy server(&banner, &VerdictBanner::copyServerCodeRequested);
        QSignalSpy client(&banner, &VerdictBanner::copyClientCodeRequested);
        QTest::mouseClick(child<QPushButton>(banner, u"applyFix"_s), Qt::LeftButton);
        QCOMPARE(apply.count(), 1);
        QTest::mouseClick(child<QPushButton>(banner, u"copyServerCode"_s), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(banner, u"copyClientCode"_s), Qt::LeftButton);
        QCOMPARE(server.count(), 1);
        QCOMPARE(client.count(), 1);
        QCOMPARE(apply.count(), 1);
        // The copy buttons stand for the fixed code.
        QVERIFY(banner.serverCode().contains(u"origin: \"http://localhost:3000\""_s));
    }

    void chineseUi()
    {
        const RunResult &r = cachedRun(u"credentials-with-wildcard-origin"_s);
        VerdictBanner banner;
        banner.show();
        banner.showResult(r);
        banner.setDetailsExpanded(true);
        QVERIFY(
            labelText(banner, u"firefoxMessage"_s).startsWith(u"Cross-Origin Request Blocked"_s));

        QSignalSpy changed(LanguageManager::instance(), &LanguageManager::languageChanged);
        QVERIFY(LanguageManager::instance()->setLanguage(
            LanguageManager::Language::SimplifiedChinese, false));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(LanguageManager::currentCode(), u"zh-CN"_s);
        QTRY_VERIFY(labelText(banner, u"firefoxMessage"_s).contains(u"已拦截跨源请求"_s));
        QCOMPARE(labelText(banner, u"firefoxMessage"_s), r.verdict.messages->firefoxMessageZh);
        QCOMPARE(labelText(banner, u"outcome"_s), u"已拦截"_s);
        QCOMPARE(child<QPushButton>(banner, u"applyFix"_s)->text(), u"应用修复(&A)"_s);
        QVERIFY(labelText(banner, u"fixTitle"_s).contains(r.fix->titleZh));
        QCOMPARE(labelText(banner, u"fixExplanation"_s), r.fix->explanationZh);
        QVERIFY(labelText(banner, u"notes"_s).contains(r.verdict.notes.constFirst().textZh));
        // Chromium prints English in every UI language.
        QCOMPARE(labelText(banner, u"chromiumMessage"_s), r.verdict.messages->chromiumMessage);
        QVERIFY(labelText(banner, u"summary"_s).contains(u"浏览器"_s));
        saveScreenshot(banner, u"verdictbanner-zh-CN"_s);

        // A new banner starts in the current language.
        VerdictBanner second;
        second.showResult(r);
        QCOMPARE(labelText(second, u"outcome"_s), u"已拦截"_s);
        QVERIFY(second.isChineseFirefox());

        QVERIFY(
            LanguageManager::instance()->setLanguage(LanguageManager::Language::English, false));
        QTRY_COMPARE(labelText(banner, u"outcome"_s), u"BLOCKED"_s);
        QVERIFY(
            labelText(banner, u"firefoxMessage"_s).startsWith(u"Cross-Origin Request Blocked"_s));

        // Chinese Firefox in an English UI.
        banner.setChineseFirefox(true);
        QVERIFY(labelText(banner, u"firefoxMessage"_s).contains(u"已拦截跨源请求"_s));
        QCOMPARE(labelText(banner, u"outcome"_s), u"BLOCKED"_s);
    }

    void languageIsPersisted()
    {
        LanguageManager *m = LanguageManager::instance();
        QVERIFY(m->setLanguage(LanguageManager::Language::SimplifiedChinese));
        QCOMPARE(LanguageManager::savedLanguage(), LanguageManager::Language::SimplifiedChinese);
        QVERIFY(m->setLanguage(LanguageManager::Language::English));
        QCOMPARE(LanguageManager::savedLanguage(), LanguageManager::Language::English);
        QCOMPARE(LanguageManager::nativeName(LanguageManager::Language::SimplifiedChinese),
            u"简体中文"_s);
    }

    void qmLoads()
    {
        QTranslator translator;
        QVERIFY(translator.load(
            LanguageManager::translationFile(LanguageManager::Language::SimplifiedChinese)));
        QCOMPARE(translator.language(), u"zh_CN"_s);
        QCOMPARE(translator.translate("corslab::gui::VerdictBanner", "BLOCKED"), u"已拦截"_s);
        QCOMPARE(translator.translate("corslab::gui::VerdictBanner", "CONNECTED"), u"已连接"_s);
    }

    void tsHasNoUnfinishedBannerStrings()
    {
        QFile file(QStringLiteral(CORSLAB_SOURCE_DIR "/app/gui/translations/corslab_zh_CN.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        QStringList unfinished;
        int own = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"context") {
                context.clear();
            } else if (xml.name() == u"name" && context.isEmpty()) {
                context = xml.readElementText();
            } else if (xml.name() == u"source") {
                source = xml.readElementText();
            } else if (xml.name() == u"translation" && OwnContexts.contains(context)) {
                ++own;
                const bool isUnfinished
                    = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (isUnfinished || text.trimmed().isEmpty())
                    unfinished << context + u": "_s + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(own >= 40);
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(u'\n')));
    }

    void themes()
    {
        ThemeManager *themes = ThemeManager::instance();
        VerdictBanner banner;
        banner.show();
        banner.showResult(cachedRun(u"credentials-with-wildcard-origin"_s));
        themes->setTheme(ThemeManager::Theme::Dark, false);
        QVERIFY(ThemeManager::isDark(QApplication::palette()));
        QTRY_VERIFY(ThemeManager::isDark(banner.palette()));
        // The outcome stays legible: light red on the dark tint.
        QVERIFY(
            child(banner, u"outcome"_s)->palette().color(QPalette::WindowText).lightness() > 150);
        themes->setTheme(ThemeManager::Theme::Light, false);
        QVERIFY(!ThemeManager::isDark(QApplication::palette()));
        QTRY_VERIFY(
            child(banner, u"outcome"_s)->palette().color(QPalette::WindowText).lightness() < 128);
        themes->setTheme(ThemeManager::Theme::System);
        QCOMPARE(ThemeManager::savedTheme(), ThemeManager::Theme::System);
        QCOMPARE(themes->theme(), ThemeManager::Theme::System);
        // The dark palette's text stands out from its base.
        const QPalette dark = ThemeManager::darkPalette();
        QVERIFY(
            dark.color(QPalette::Text).lightness() - dark.color(QPalette::Base).lightness() > 150);
    }

    void icons()
    {
        QVERIFY(!applicationIcon().isNull());
        QVERIFY(!applicationIcon().pixmap(32, 32).isNull());
        QVERIFY(!profileFileIcon().pixmap(48, 48).isNull());
        QVERIFY(QFile::exists(u":/icons/corslab.svg"_s));
        QVERIFY(QFile::exists(u":/icons/application-x-corslab-profile.svg"_s));
    }
};

QTEST_MAIN(TestVerdictBanner)
#include "tst_verdictbanner.moc"
