// corslab: the desktop app. Opens the profile named on the command line, else a new one.
#include "i18n/languagemanager.h"
#include "mainwindow.h"
#include "verdict/appicon.h"
#include "verdict/thememanager.h"

#include "profile/profilefile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>
#include <cstdio>

namespace {

// CORSLAB_QUIT_WHEN_SHOWN=1: print how long after main() the window was first painted, then quit
// (bench/gui-launch.sh times launch to window shown with it).
class ShownProbe : public QObject {
public:
    explicit ShownProbe(const QElapsedTimer &clock)
        : m_clock(clock)
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            const qint64 ms = m_clock.nsecsElapsed() / 1000;
            QTimer::singleShot(0, qApp, [ms] {
                QFile status(QStringLiteral("/proc/self/status"));
                QByteArray rss;
                if (status.open(QIODevice::ReadOnly))
                    for (const QByteArray &line : status.readAll().split('\n'))
                        if (line.startsWith("VmRSS:"))
                            rss = line.mid(6).trimmed();
                fprintf(stderr, "window shown %lld us after main(); resident %s\n",
                    static_cast<long long>(ms), rss.constData());
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
    bool m_done = false;
};

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CorsLab"));
    QApplication::setApplicationName(QStringLiteral("CorsLab"));
    QApplication::setApplicationVersion(QStringLiteral(CORSLAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.corslab.CorsLab"));

    QApplication::setWindowIcon(corslab::gui::applicationIcon());
    corslab::gui::LanguageManager::instance()->applySavedLanguage();
    corslab::gui::ThemeManager::instance()->applySavedTheme();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Reproduce, understand and fix Socket.IO CORS problems."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("profile"),
        QApplication::translate(
            "main", "A *.corslab.json profile, or the name of a bundled example."));
    parser.process(app);

    corslab::MainWindow window;
    if (!parser.positionalArguments().isEmpty()) {
        // A path, else the name of a bundled example ("single-allowed-origin").
        window.openFile(
            corslab::ProfileFile::resolveArgument(parser.positionalArguments().constFirst()));
    }
    ShownProbe probe(sinceMain);
    if (qEnvironmentVariableIsSet("CORSLAB_QUIT_WHEN_SHOWN"))
        window.installEventFilter(&probe);
    window.show();
    return app.exec();
}
