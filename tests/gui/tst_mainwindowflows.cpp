// The main window's real flows, offscreen: open an example → Run → the banner says why → Apply fix
// → connected; edit the origin in the form → auto re-run → new verdict; filter the timeline; switch
// to Chinese and see Firefox's zh-CN text; a file with code asks before running; serve mode.
#include "editor/origineditor.h"
#include "editor/profileform.h"
#include "i18n/languagemanager.h"
#include "mainwindow.h"
#include "profile/profilefile.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepane.h"
#include "verdict/verdictbanner.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QUrl>

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

// Every text the banner shows (labels, text views), joined.
QString bannerText(const QWidget *banner)
{
    QStringList parts;
    for (const QLabel *l : banner->findChildren<QLabel *>())
        parts << l->text();
    for (const QWidget *w : banner->findChildren<QWidget *>()) {
        if (const auto *edit = qobject_cast<const QPlainTextEdit *>(w))
            parts << edit->toPlainText();
        else if (const auto *text = qobject_cast<const QTextEdit *>(w))
            parts << text->toPlainText();
    }
    return parts.join(u'\n');
}

bool waitForRun(MainWindow &w, int timeoutMs = 20000)
{
    QSignalSpy finished(&w, &MainWindow::runFinished);
    if (!w.isRunning())
        w.runNow();
    return finished.wait(timeoutMs);
}

} // namespace

class tst_MainWindowFlows : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CorsLabTests"_s);
        QSettings().clear();
        gui::LanguageManager::instance()->setLanguage(
            gui::LanguageManager::Language::English, false);
    }

    void runBlockedThenApplyFix()
    {
        MainWindow w;
        w.setAutoRun(false);
        QVERIFY(
            w.openFile(ProfileFile::exampleResourcePath(u"credentials-with-wildcard-origin"_s)));
        QVERIFY(waitForRun(w));
        QVERIFY(w.lastResult());
        QCOMPARE(w.lastResult()->verdict.verdict, Verdict::Blocked);
        QCOMPARE(w.lastResult()->verdict.reason, u"WildcardOriginNotAllowed"_s);
        const QString shown = bannerText(w.banner());
        QVERIFY2(
            shown.contains(
                u"must not be the wildcard '*' when the request's credentials mode is 'include'"_s),
            qPrintable(shown));
        QVERIFY(w.timeline()->model()->rowCount() > 5);
        // Apply fix through the banner's button, as a user would.
        QPushButton *apply = nullptr;
        for (QPushButton *b : w.banner()->findChildren<QPushButton *>())
            if (b->text().contains(u"Apply"_s))
                apply = b;
        QVERIFY(apply);
        QVERIFY(apply->isVisible() || apply->isVisibleTo(w.banner()));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(w.lastResult()->verdict.verdict, Verdict::Connected);
        QVERIFY(w.text().contains(u"\"origin\": \"http://localhost:3000\""_s));
        QVERIFY(w.isWindowModified());
    }

    void editOriginInFormReRuns()
    {
        MainWindow w;
        w.setAutoRun(true);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QVERIFY(w.openFile(ProfileFile::exampleResourcePath(u"single-allowed-origin"_s)));
        QVERIFY(finished.wait(20000)); // examples run at once when auto re-run is on
        QCOMPARE(w.lastResult()->verdict.verdict, Verdict::Connected);
        auto *origin = w.form()->findChild<gui::OriginEditor *>();
        QVERIFY(origin);
        QLineEdit *field = nullptr;
        for (QLineEdit *e : origin->findChildren<QLineEdit *>())
            if (e->text() == u"http://localhost:3000"_s)
                field = e;
        QVERIFY(field);
        field->setFocus();
        field->end(false);
        QTest::keyClicks(field, u"1"_s); // http://localhost:30001: no longer the page's origin
        QVERIFY(finished.wait(20000));
        QCOMPARE(w.lastResult()->verdict.verdict, Verdict::Blocked);
        QCOMPARE(w.lastResult()->verdict.reason, u"AllowOriginMismatch"_s);
        QVERIFY(w.text().contains(u"http://localhost:30001"_s));
    }

    void filterTheTimeline()
    {
        MainWindow w;
        w.setAutoRun(false);
        QVERIFY(w.openFile(ProfileFile::exampleResourcePath(u"credentials-with-custom-header"_s)));
        QVERIFY(waitForRun(w));
        const int all = w.timeline()->filterModel()->rowCount();
        QVERIFY(all > 10);
        QTest::keyClicks(w.timeline()->searchField(), u"OPTIONS"_s);
        QTRY_VERIFY(w.timeline()->filterModel()->rowCount() < all);
        QVERIFY(w.timeline()->filterModel()->rowCount() > 0);
        w.timeline()->searchField()->clear();
        QTRY_COMPARE(w.timeline()->filterModel()->rowCount(), all);
    }

    void chineseShowsFirefoxZhText()
    {
        MainWindow w;
        w.setAutoRun(false);
        QVERIFY(w.openFile(ProfileFile::exampleResourcePath(u"missing-allow-origin"_s)));
        QVERIFY(waitForRun(w));
        QVERIFY(gui::LanguageManager::instance()->setLanguage(
            gui::LanguageManager::Language::SimplifiedChinese, false));
        QCoreApplication::processEvents();
        const QString shown = bannerText(w.banner());
        gui::LanguageManager::instance()->setLanguage(
            gui::LanguageManager::Language::English, false);
        QVERIFY2(shown.contains(u"已拦截跨源请求"_s), qPrintable(shown));
    }

    void codeFromElsewhereAsksFirst()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"code.corslab.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\":\"corslab-profile\",\"version\":1,\"name\":\"code\",\n"
                "\"server\":{\"allowRequest\":{\"function\":\"(req, cb) => cb(null, true)\"}},\n"
                "\"client\":{\"pageOrigin\":\"same-origin\"}}\n");
        f.close();
        MainWindow w;
        QString asked;
        w.setFunctionQuestion([&asked](const QString &code) {
            asked = code;
            return false;
        });
        QVERIFY(w.openFile(path));
        w.runNow();
        QVERIFY(asked.contains(u"allowRequest = (req, cb) => cb(null, true)"_s));
        QVERIFY(!w.isRunning());
        QVERIFY(!w.lastResult());
        w.setFunctionQuestion([](const QString &) { return true; });
        QVERIFY(waitForRun(w));
        QCOMPARE(w.lastResult()->verdict.verdict, Verdict::Connected);
    }

    void serveModeStreamsTraffic()
    {
        MainWindow w;
        w.setAutoRun(false);
        QVERIFY(w.openFile(ProfileFile::exampleResourcePath(u"single-allowed-origin"_s)));
        QVERIFY(w.setServing(true));
        const QUrl url(w.servingUrl());
        QVERIFY(url.port() > 0);
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, quint16(url.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(
            "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: localhost\r\nOrigin: "
            "http://localhost:3000\r\n\r\n");
        QTRY_VERIFY(w.timeline()->model()->rowCount() >= 3);
        QVERIFY(w.setServing(false));
    }
};

QTEST_MAIN(tst_MainWindowFlows)
#include "tst_mainwindowflows.moc"
