// --png: the run's timeline drawn by the app's own SequencePainter (Qt GUI, no Widgets), on the
// offscreen platform main() selects when a command is given --png.
#include "outputs.h"

#ifdef CORSLAB_CLI_PNG
#include "sequencepainter.h"
#include "timelinemodel.h"

#include <QBuffer>
#include <QGuiApplication>

using namespace corslab;

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv, bool pictures)
{
    if (!pictures)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The offscreen platform needs no runtime directory; Qt's warning about a missing one would
    // only be noise on a CI log.
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (!message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
                previous(type, context, message);
        });
    return std::make_unique<QGuiApplication>(argc, argv);
}

bool picturesAvailable()
{
    return true;
}

QByteArray timelinePng(const RunResult &run, QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = QStringLiteral("no GUI application to draw with");
        return {};
    }
    gui::TimelineModel model;
    model.setRun(run);
    const QString title
        = QStringLiteral("%1 — %2 — %3%4")
              .arg(run.profile.name.isEmpty() ? run.profilePath : run.profile.name,
                  browserName(run.browser), verdictName(run.verdict.verdict).toUpper(),
                  run.verdict.reason.isEmpty() ? QString()
                                               : QStringLiteral(" (%1)").arg(run.verdict.reason));
    const QImage image = gui::SequencePainter::render(
        &model, title, 1280, QGuiApplication::font(), QGuiApplication::palette(), 1.0);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG")) {
        *error = QStringLiteral("the picture could not be encoded");
        return {};
    }
    return bytes;
}
#endif
