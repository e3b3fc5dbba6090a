// corslab: the desktop app. Opens the profile named on the command line, else a new one.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

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
                                 QApplication::translate("main", "A *.corslab.json profile to open."));
    parser.process(app);

    corslab::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    window.show();
    return app.exec();
}
