// The main window as a user sees it, rendered offscreen at 1280×800 for three examples (connected;
// blocked, Access-Control-Allow-Origin missing; blocked, header not allowed) in the light and dark
// palettes and in Chinese. The PNGs land in CORSLAB_SCREENSHOT_DIR; docs/screenshots keeps the
// current ones (copied by hand after looking at them).
#include "i18n/languagemanager.h"
#include "mainwindow.h"
#include "profile/profilefile.h"
#include "verdict/thememanager.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

class tst_Screenshots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CorsLabTests"_s);
        QSettings().clear();
        QDir().mkpath(QStringLiteral(CORSLAB_SCREENSHOT_DIR));
    }

    void render_data()
    {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("verdict");
        for (const auto &[example, verdict] :
            {std::pair {u"single-allowed-origin"_s, u"connected"_s},
                std::pair {u"missing-allow-origin"_s, u"blocked"_s},
                std::pair {u"custom-header-not-allowed"_s, u"blocked"_s}}) {
            for (const QString &variant : {u"light"_s, u"dark"_s, u"zh-CN"_s})
                QTest::addRow("%s %s", qPrintable(example), qPrintable(variant))
                    << example << variant << verdict;
        }
    }
    void render()
    {
        QFETCH(QString, example);
        QFETCH(QString, variant);
        QFETCH(QString, verdict);
        gui::ThemeManager::instance()->setTheme(
            variant == u"dark"_s ? gui::ThemeManager::Theme::Dark : gui::ThemeManager::Theme::Light,
            false);
        gui::LanguageManager::instance()->setLanguage(variant == u"zh-CN"_s
                ? gui::LanguageManager::Language::SimplifiedChinese
                : gui::LanguageManager::Language::English,
            false);
        MainWindow w;
        w.setAutoRun(false);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(ProfileFile::exampleResourcePath(example)));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.runNow();
        QVERIFY(finished.wait(20000));
        QCOMPARE(verdictName(w.lastResult()->verdict.verdict), verdict);
        QTest::qWait(100);
        const QImage image = w.grab().toImage();
        QCOMPARE(image.size(), QSize(1280, 800) * w.devicePixelRatio());
        const QString file
            = QStringLiteral(CORSLAB_SCREENSHOT_DIR "/%1-%2.png").arg(example, variant);
        QVERIFY2(image.save(file), qPrintable(file));
        gui::LanguageManager::instance()->setLanguage(
            gui::LanguageManager::Language::English, false);
        gui::ThemeManager::instance()->setTheme(gui::ThemeManager::Theme::Light, false);
    }
};

QTEST_MAIN(tst_Screenshots)
#include "tst_screenshots.moc"
