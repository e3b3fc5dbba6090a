// File → Import / Export and Help → Explain an error, driven offscreen: a blocked run exported as
// Markdown, HTML, a picture and HAR; that HAR imported back (same verdict and reason) and turned
// into a profile; server code imported into the profile (and a syntax error reported with its
// line); a console error explained, reproduced and given its fix; bad files refused with a message.
#include "editor/javascripteditor.h"
#include "mainwindow.h"
#include "profile/profilewriter.h"
#include "share/shareactions.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

bool waitForRun(MainWindow &w, int timeoutMs = 30000)
{
    QSignalSpy finished(&w, &MainWindow::runFinished);
    if (!w.isRunning())
        w.runNow();
    return finished.wait(timeoutMs);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_Share : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"CorsLabTests"_s);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void exportThenImportHar()
    {
        MainWindow w;
        w.setAutoRun(false);
        w.setSaveQuestion([] { return QMessageBox::Discard; });
        QVERIFY(w.openFile(u":/corslab/profiles/missing-allow-origin.corslab.json"_s));
        QString error;
        QVERIFY(!w.share()->exportReport(path(u"early.md"_s), &error)); // nothing run yet
        QVERIFY(error.contains(u"run the profile first"_s));
        QVERIFY(waitForRun(w));
        const RunResult blocked = *w.lastResult();
        QCOMPARE(verdictName(blocked.verdict.verdict), u"blocked"_s);

        QVERIFY2(w.share()->exportReport(path(u"r.md"_s), &error), qPrintable(error));
        QVERIFY(QString::fromUtf8(readAll(path(u"r.md"_s)))
                    .contains(u"**Verdict: BLOCKED — "_s + blocked.verdict.reason));
        QVERIFY2(w.share()->exportReport(path(u"r.html"_s), &error), qPrintable(error));
        const QString html = QString::fromUtf8(readAll(path(u"r.html"_s)));
        QVERIFY(html.contains(u"data:image/png;base64,"_s));
        QVERIFY(!w.share()->exportReport(path(u"r.txt"_s), &error));
        QVERIFY2(w.share()->exportPicture(path(u"t.png"_s), &error), qPrintable(error));
        const QImage picture(path(u"t.png"_s));
        QVERIFY(!picture.isNull());
        QVERIFY(picture.height() > picture.width() / 10);
        QVERIFY2(w.share()->exportCode(
                     path(u"server.mjs"_s), gui::ShareActions::Code::ServerEsm, &error),
            qPrintable(error));
        QVERIFY(readAll(path(u"server.mjs"_s)).contains("new Server("));

        QVERIFY2(w.share()->exportHar(path(u"run.har"_s), &error), qPrintable(error));
        const QJsonObject har = QJsonDocument::fromJson(readAll(path(u"run.har"_s))).object();
        QCOMPARE(har.value(u"log"_s).toObject().value(u"version"_s).toString(), u"1.2"_s);

        // The exported HAR comes back as the same verdict, in the same browser's words.
        QVERIFY2(w.share()->importHarNow(path(u"run.har"_s), &error), qPrintable(error));
        QVERIFY(w.lastResult());
        QCOMPARE(verdictName(w.lastResult()->verdict.verdict), u"blocked"_s);
        QCOMPARE(w.lastResult()->verdict.reason, blocked.verdict.reason);
        QVERIFY(w.share()->lastHarImport());

        // ...and becomes a profile that reproduces it.
        QVERIFY2(w.share()->createProfileFromHar(&error), qPrintable(error));
        QVERIFY(w.filePath().isEmpty());
        QVERIFY(w.current().profile);
        QCOMPARE(w.current().profile->client.pageOrigin, blocked.profile.client.pageOrigin);
        QVERIFY(waitForRun(w));
        QCOMPARE(w.lastResult()->verdict.reason, blocked.verdict.reason);
        QVERIFY(w.lastResult()->fix);
    }

    void badHarFilesAreRefused()
    {
        MainWindow w;
        w.setAutoRun(false);
        QString error;
        QFile truncated(path(u"truncated.har"_s));
        QVERIFY(truncated.open(QIODevice::WriteOnly));
        truncated.write("{\"log\": {\"version\": \"1.2\", \"entries\": [");
        truncated.close();
        QVERIFY(!w.share()->importHarNow(path(u"truncated.har"_s), &error));
        QVERIFY2(error.contains(u"line"_s), qPrintable(error));
        QVERIFY(!w.lastResult());

        QFile notSocketIo(path(u"page.har"_s));
        QVERIFY(notSocketIo.open(QIODevice::WriteOnly));
        notSocketIo.write("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"WebInspector\","
                          "\"version\":\"537.36\"},\"pages\":[],\"entries\":[{\"startedDateTime\":"
                          "\"2026-11-26T00:00:00.000Z\",\"time\":1,\"request\":{\"method\":\"GET\","
                          "\"url\":\"https://example.test/app.js\",\"httpVersion\":\"HTTP/1.1\","
                          "\"headers\":[],\"queryString\":[],\"cookies\":[],\"headersSize\":-1,"
                          "\"bodySize\":0},\"response\":{\"status\":200,\"statusText\":\"OK\","
                          "\"httpVersion\":\"HTTP/1.1\",\"headers\":[],\"cookies\":[],\"content\":"
                          "{\"size\":0,\"mimeType\":\"text/javascript\"},\"redirectURL\":\"\","
                          "\"headersSize\":-1,\"bodySize\":0},\"cache\":{},\"timings\":{\"send\":0,"
                          "\"wait\":1,\"receive\":0}}]}}");
        notSocketIo.close();
        QVERIFY(!w.share()->importHarNow(path(u"page.har"_s), &error));
        QVERIFY2(error.contains(u"Socket.IO"_s), qPrintable(error));

        // 60 MB (sparse): refused by its size, without reading it.
        QFile huge(path(u"huge.har"_s));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(60LL * 1024 * 1024));
        huge.close();
        QVERIFY(!w.share()->importHarNow(path(u"huge.har"_s), &error));
        QVERIFY2(error.contains(u"MB"_s), qPrintable(error));
        QVERIFY(!w.share()->importHarNow(path(u"missing.har"_s), &error));
        QVERIFY(error.contains(u"Cannot read"_s));
    }

    void importCode()
    {
        MainWindow w;
        w.setAutoRun(false);
        QVERIFY(w.openFile(u":/corslab/profiles/missing-allow-origin.corslab.json"_s));
        const QString server
            = u"import { createServer } from \"node:http\";\n"
              "import { Server } from \"socket.io\";\n"
              "const httpServer = createServer();\n"
              "const io = new Server(httpServer, {\n"
              "  cors: { origin: [\"http://localhost:3000\", /\\.example\\.com$/], "
              "credentials: true }\n"
              "});\n"
              "httpServer.listen(3001);\n"_s;
        QStringList diagnostics;
        QVERIFY2(w.share()->importCode(server, QString(), &diagnostics),
            qPrintable(diagnostics.join(u'\n')));
        QVERIFY(w.current().profile);
        QVERIFY(w.current().profile->server.cors && w.current().profile->server.cors->credentials);
        QVERIFY(w.text().contains(u"\\\\.example\\\\.com$"_s));
        // The name and the expectation came from the profile that was there.
        QCOMPARE(w.current().profile->name, u"No CORS configured"_s);

        const QString before = w.text();
        QVERIFY(!w.share()->importCode(
            u"const io = new Server(httpServer, {\n  cors: {\n"_s, QString(), &diagnostics));
        QVERIFY2(!diagnostics.isEmpty() && diagnostics.first().startsWith(u"server.js:"_s),
            qPrintable(diagnostics.join(u'\n')));
        QCOMPARE(w.text(), before); // nothing the user wrote is lost
        QVERIFY(!w.share()->importCode(QString(), QString(), &diagnostics));
    }

    void explainAConsoleError()
    {
        MainWindow w;
        w.setAutoRun(false);
        w.setSaveQuestion([] { return QMessageBox::Discard; });
        QVERIFY(w.openFile(u":/corslab/profiles/credentials-with-wildcard-origin.corslab.json"_s));
        QVERIFY(waitForRun(w));
        const QString pasted = w.lastResult()->verdict.messages->chromiumMessage + u'\n'
            + w.lastResult()->verdict.messages->chromiumNetworkLine;
        const QString reason = w.lastResult()->verdict.reason;

        w.newProfile();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        const Explanation e = w.share()->explain(pasted, true);
        QVERIFY2(e.recognised(), qPrintable(e.error));
        QVERIFY(e.profile);
        QVERIFY(finished.wait(30000));
        QCOMPARE(w.lastResult()->verdict.reason, reason);
        QVERIFY(w.lastResult()->fix);

        const Explanation nothing = w.share()->explain(u"hello world"_s, false);
        QVERIFY(!nothing.recognised());
        QVERIFY(!nothing.error.isEmpty());
        const Explanation huge
            = w.share()->explain(QString(2 * 1024 * 1024, u'x'), false); // a 2 MB paste
        QVERIFY(!huge.recognised());
        QVERIFY(!huge.error.isEmpty());
    }

    // The dialogs as a user meets them, through the menus: Help → Explain an error (paste,
    // Explain, read the case) and File → Import → Server and client code (edit, Import). Pictures
    // of both land in the build tree.
    void dialogsFromTheMenus()
    {
        MainWindow w;
        w.setAutoRun(false);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(u":/corslab/profiles/missing-allow-origin.corslab.json"_s));
        QVERIFY(waitForRun(w));
        const QString pasted = w.lastResult()->verdict.messages->firefoxMessageZh;
        QDir().mkpath(u"screenshots"_s);

        QString shown;
        bool reproducible = false;
        QTimer::singleShot(0, this, [&] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            const auto closeAnyway = qScopeGuard([dialog] { dialog->close(); });
            const auto edits = dialog->findChildren<QPlainTextEdit *>();
            QCOMPARE(edits.size(), 2);
            edits.at(0)->setPlainText(pasted);
            button(dialog, u"Explain"_s)->click();
            shown = edits.at(1)->toPlainText();
            reproducible = button(dialog, u"Reproduce and find the fix"_s)->isEnabled();
            dialog->grab().save(u"screenshots/explain-dialog.png"_s);
            button(dialog, u"Close"_s)->click();
        });
        action(w, u"&Explain an error..."_s)->trigger();
        QVERIFY2(shown.contains(u"CORSMissingAllowOrigin2"_s), qPrintable(shown));
        QVERIFY(reproducible);

        bool imported = false;
        QTimer::singleShot(0, this, [&] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            const auto closeAnyway = qScopeGuard([dialog] { dialog->close(); });
            auto *server = dialog->findChild<gui::JavaScriptEditor *>(u"serverCode"_s);
            auto *client = dialog->findChild<gui::JavaScriptEditor *>(u"clientCode"_s);
            QVERIFY(server && client);
            // Prefilled with the profile as code; the user adds the cors option.
            QVERIFY(server->toPlainText().contains(u"new Server("_s));
            QVERIFY(client->toPlainText().contains(u"io("_s));
            server->setPlainText(u"const { Server } = require(\"socket.io\");\n"
                                 "const io = new Server(3001, {\n"
                                 "  cors: { origin: \"http://localhost:3000\" }\n"
                                 "});\n"_s);
            dialog->grab().save(u"screenshots/code-import-dialog.png"_s);
            button(dialog, u"Import into the profile"_s)->click();
            // Imported: the dialog closes, or stays open to show warnings and notes.
            QStringList problems;
            for (const QListWidget *list : dialog->findChildren<QListWidget *>())
                for (int i = 0; i < list->count(); ++i)
                    problems << list->item(i)->text();
            imported = !dialog->isVisible()
                || std::none_of(problems.cbegin(), problems.cend(),
                    [](const QString &p) { return p.contains(u": error: "_s); });
        });
        action(w, u"Server and client &code..."_s)->trigger();
        QVERIFY(imported);
        QVERIFY(w.current().profile && w.current().profile->server.cors);
        QVERIFY(waitForRun(w));
        QCOMPARE(verdictName(w.lastResult()->verdict.verdict), u"connected"_s);
    }

private:
    static QPushButton *button(QWidget *dialog, const QString &text)
    {
        for (QPushButton *b : dialog->findChildren<QPushButton *>())
            if (b->text().remove(u'&') == text)
                return b;
        qFatal("no button %s", qPrintable(text));
    }
    static QAction *action(MainWindow &w, const QString &text)
    {
        for (QAction *a : w.menuBar()->findChildren<QAction *>())
            if (a->text() == text)
                return a;
        qFatal("no action %s", qPrintable(text));
    }
};

QTEST_MAIN(tst_Share)
#include "tst_share.moc"
