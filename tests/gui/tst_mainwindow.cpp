// The main window's file handling, driven offscreen: open, title, edit, save, reopen, unsaved
// prompt, drop.
#include "mainwindow.h"

#include "profile/profilefile.h"

#include <QFile>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace corslab;

class tst_MainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CorsLabTests"));
        QSettings().clear();
    }

    void newWindowHasAValidUntitledProfile()
    {
        MainWindow w;
        QVERIFY(w.current().profile.has_value());
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("Untitled profile")));
    }

    void openExampleTitlesWindowWithProfileName()
    {
        MainWindow w;
        QVERIFY(
            w.openFile(ProfileFile::exampleResourcePath(QStringLiteral("missing-allow-origin"))));
        QVERIFY(w.current().profile.has_value());
        QCOMPARE(
            w.windowTitle(), w.current().profile->name + QStringLiteral(" (example)[*] — CorsLab"));
        QVERIFY(!w.isWindowModified());
    }

    void editSaveReopenIsIdentical()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.corslab.json"));
        MainWindow w;
        w.setSaveQuestion([] { return QMessageBox::Cancel; });
        QVERIFY(w.openFile(ProfileFile::exampleResourcePath(QStringLiteral("origin-array"))));
        QString text = w.text();
        text.replace(QStringLiteral("\"name\": \""), QStringLiteral("\"name\": \"Edited: "));
        w.setText(text);
        QVERIFY(w.isWindowModified());
        QVERIFY(w.current().profile->name.startsWith(QStringLiteral("Edited: ")));
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("Edited: ")));

        QVERIFY(w.saveAs(path));
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.windowTitle().contains(QStringLiteral("(mine.corslab.json)")));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), text);

        MainWindow again;
        QVERIFY(again.openFile(path));
        QCOMPARE(again.text(), text);
        QCOMPARE(again.current().profile, w.current().profile);
        QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0), path);
    }

    void invalidTextIsSavedAsWrittenWithDiagnostics()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.corslab.json"));
        MainWindow w;
        w.setSaveQuestion([] { return QMessageBox::Cancel; });
        const QString broken
            = QStringLiteral("{\"format\": \"corslab-profile\", \"version\": 1,,}");
        w.setText(broken);
        QVERIFY(!w.current().profile.has_value());
        QCOMPARE(w.current().diagnostics.size(), 1);
        QCOMPARE(w.current().diagnostics.first().position.column, 44); // the second ","
        QVERIFY(w.saveAs(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), broken); // nothing the user wrote is lost
    }

    void unsavedChangesPrompt_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<bool>("mayProceed");
        QTest::newRow("cancel keeps the edits") << int(QMessageBox::Cancel) << false;
        QTest::newRow("discard drops them") << int(QMessageBox::Discard) << true;
    }

    void unsavedChangesPrompt()
    {
        QFETCH(int, answer);
        QFETCH(bool, mayProceed);
        MainWindow w;
        int asked = 0;
        w.setSaveQuestion([&asked, answer] {
            ++asked;
            return QMessageBox::StandardButton(answer);
        });
        QVERIFY(w.maybeSave()); // unmodified: no question
        QCOMPARE(asked, 0);
        w.setText(w.text() + QStringLiteral(" "));
        QCOMPARE(w.maybeSave(), mayProceed);
        QCOMPARE(asked, 1);
        QCOMPARE(w.close(), mayProceed);
        QCOMPARE(asked, 2);
    }

    void saveAnswerWritesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.corslab.json"));
        MainWindow w;
        w.setSaveQuestion([] { return QMessageBox::Save; });
        QVERIFY(w.saveAs(path));
        w.setText(w.text().replace(QStringLiteral("Untitled"), QStringLiteral("Renamed")));
        QVERIFY(w.maybeSave());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("Renamed"));
    }

    void droppedFileOpens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dropped.corslab.json"));
        QFile source(ProfileFile::exampleResourcePath(QStringLiteral("polling-only")));
        QVERIFY(source.copy(path));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(&w, &drop);
        QCOMPARE(w.filePath(), path);
        QVERIFY(w.windowTitle().contains(QStringLiteral("dropped.corslab.json")));
    }

    // Only profiles (QMimeDatabase type or *.corslab.json) and JSON open on a drop.
    void droppedNonProfileIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("picture.png"));
        QVERIFY(QFile::copy(QStringLiteral(":/icons/png/corslab-16.png"), path));
        MainWindow w;
        const QString before = w.filePath();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(&w, &enter);
        QVERIFY(!enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(&w, &drop);
        QCOMPARE(w.filePath(), before);
    }

    void openMissingFileFailsWithoutLosingTheCurrentOne()
    {
        MainWindow w;
        w.setSaveQuestion([] { return QMessageBox::Cancel; });
        const QString before = w.text();
        QVERIFY(!w.openFile(QStringLiteral("/nonexistent/x.corslab.json")));
        QCOMPARE(w.text(), before);
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
