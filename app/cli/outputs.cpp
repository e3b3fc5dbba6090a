#include "outputs.h"
#include "clicommand.h"

#include "har/harwriter.h"
#include "run/reportdocument.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

using namespace corslab;

namespace {

bool save(const QString &path, const QByteArray &bytes, const QString &command)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        cliErr() << "corslab-cli " << command << ": cannot write " << path << ": "
                 << file.errorString() << '\n';
        cliErr().flush();
        return false;
    }
    return true;
}

// FILE for one run; FILE-2, FILE-3... (before the extension) for the next ones.
QString numbered(const QString &path, qsizetype index)
{
    if (index == 0)
        return path;
    const QFileInfo info(path);
    const QString suffix = info.completeSuffix();
    const QString base = suffix.isEmpty() ? path : path.left(path.size() - suffix.size() - 1);
    return base + QStringLiteral("-%1").arg(index + 1)
        + (suffix.isEmpty() ? QString() : u'.' + suffix);
}

} // namespace

bool takeOutputFiles(QStringList &args, OutputFiles &files, const QString &command)
{
    for (qsizetype i = 0; i < args.size();) {
        const QString a = args.at(i);
        QString *target = a == QLatin1String("--har") ? &files.har
            : a == QLatin1String("--report")          ? &files.report
            : a == QLatin1String("--png")             ? &files.png
                                                      : nullptr;
        if (!target) {
            ++i;
            continue;
        }
        if (i + 1 >= args.size() || args.at(i + 1).isEmpty()) {
            cliErr() << "corslab-cli " << command << ": " << a << " needs a file name\n";
            cliErr().flush();
            return false;
        }
        *target = args.at(i + 1);
        args.remove(i, 2);
    }
    const QString reportSuffix = QFileInfo(files.report).suffix().toLower();
    if (!files.report.isEmpty() && reportSuffix != QLatin1String("md")
        && reportSuffix != QLatin1String("markdown") && reportSuffix != QLatin1String("html")
        && reportSuffix != QLatin1String("htm")) {
        cliErr() << "corslab-cli " << command << ": --report " << files.report
                 << ": the name must end in .md (Markdown) or .html (a self-contained page)\n";
        cliErr().flush();
        return false;
    }
    if (!files.png.isEmpty() && !picturesAvailable()) {
        cliErr() << "corslab-cli " << command
                 << ": --png: this corslab-cli was built without Qt GUI and cannot draw\n";
        cliErr().flush();
        return false;
    }
    return true;
}

bool writeOutputFiles(const QList<RunResult> &runs, const OutputFiles &files, const QString &lang,
    const QString &command, const QStringList &protect)
{
    // Never write over something the user wrote: the profiles this command read.
    for (const QString *path : {&files.har, &files.report, &files.png}) {
        if (path->isEmpty())
            continue;
        for (const QString &p : protect) {
            if (QFileInfo(*path).absoluteFilePath() == QFileInfo(p).absoluteFilePath()) {
                cliErr() << "corslab-cli " << command << ": will not write over " << p
                         << ", which this command read\n";
                cliErr().flush();
                return false;
            }
        }
    }
    bool ok = true;
    QList<QByteArray> pictures;
    if (!files.png.isEmpty()) {
        for (qsizetype i = 0; i < runs.size(); ++i) {
            QString error;
            const QByteArray png = timelinePng(runs.at(i), &error);
            if (png.isEmpty()) {
                cliErr() << "corslab-cli " << command << ": --png: " << error << '\n';
                ok = false;
                pictures << QByteArray();
                continue;
            }
            pictures << png;
            ok = save(numbered(files.png, i), png, command) && ok;
        }
    }
    if (!files.report.isEmpty()) {
        const QString suffix = QFileInfo(files.report).suffix().toLower();
        const QString text = suffix.startsWith(QLatin1String("htm"))
            ? ReportDocument::html(runs, lang, pictures)
            : ReportDocument::markdown(runs, lang);
        ok = save(files.report, text.toUtf8(), command) && ok;
    }
    if (!files.har.isEmpty())
        ok = save(files.har, HarWriter::toBytes(runs), command) && ok;
    cliErr().flush();
    return ok;
}

#ifndef CORSLAB_CLI_PNG
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv, bool)
{
    return std::make_unique<QCoreApplication>(argc, argv);
}

bool picturesAvailable()
{
    return false;
}

QByteArray timelinePng(const RunResult &, QString *error)
{
    *error = QStringLiteral("this corslab-cli was built without Qt GUI");
    return {};
}
#endif
