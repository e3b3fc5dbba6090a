// corslab: the desktop app. Opens the profile named on the command line, else a new one.
#include "mainwindow.h"

#include "profile/profilefile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CorsLab"));
    QApplication::setApplicationName(QStringLiteral("CorsLab"));
    QApplication::setApplicationVersion(QStringLiteral(CORSLAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.corslab.CorsLab"));

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
        QString path = parser.positionalArguments().constFirst();
        if (!QFileInfo::exists(path) && !corslab::ProfileFile::exampleResourcePath(path).isEmpty())
            path = corslab::ProfileFile::exampleResourcePath(path);
        window.openFile(path);
    }
    window.show();
    return app.exec();
}
