// corslab-cli: validate, list and show CorsLab profiles from a terminal or CI (links libcorslab
// only).
#include "profile/profilefile.h"
#include "profile/profilewriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

using namespace corslab;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const char *const Usage = R"(Usage: corslab-cli [--help] [--version] COMMAND [ARGS]

Reproduce, understand and fix Socket.IO CORS and connection problems.

Commands:
  validate FILE...   Check profiles; print errors and warnings as FILE:LINE:COLUMN.
                     Exit 1 when any file has errors, 0 otherwise (warnings allowed).
  examples           List the bundled example profiles with their descriptions.
  show FILE          Print a profile in canonical form (2-space JSON, defaults left out).

FILE is a path, or the name of a bundled example (see `corslab-cli examples`).

Exit codes: 0 success, 1 the profile has errors, 2 usage error.
)";

// A path on disk, else a bundled example of that name.
QString resolve(const QString &arg)
{
    if (QFileInfo::exists(arg))
        return arg;
    const QString example = ProfileFile::exampleResourcePath(arg);
    return example.isEmpty() ? arg : example;
}

QString displayName(const QString &arg, const QString &path)
{
    return path.startsWith(QLatin1String(":/")) ? QStringLiteral("example:") + arg : arg;
}

int validate(const QStringList &files)
{
    if (files.isEmpty()) {
        err() << "corslab-cli validate: no FILE given\n";
        return 2;
    }
    int filesWithErrors = 0;
    for (const QString &arg : files) {
        const QString path = resolve(arg);
        const QString name = displayName(arg, path);
        const ProfileFileResult result = ProfileFile::load(path);
        for (const Diagnostic &d : result.load.diagnostics)
            out() << d.toString(name) << '\n';
        const int errors = errorCount(result.load.diagnostics);
        const int warnings = warningCount(result.load.diagnostics);
        if (errors)
            ++filesWithErrors;
        out() << name << ": "
              << (errors ? QStringLiteral("%1 error(s), %2 warning(s)").arg(errors).arg(warnings)
                         : (warnings ? QStringLiteral("valid, %1 warning(s)").arg(warnings)
                                     : QStringLiteral("valid")))
              << '\n';
    }
    out().flush();
    return filesWithErrors ? 1 : 0;
}

int examples()
{
    for (const ExampleProfile &e : ProfileFile::examples()) {
        out() << e.fileName.chopped(int(qstrlen(".corslab.json"))) << '\n'
              << "    " << e.name << '\n';
        if (!e.description.isEmpty())
            out() << "    " << e.description << '\n';
    }
    return 0;
}

int show(const QStringList &files)
{
    if (files.size() != 1) {
        err() << "corslab-cli show: give exactly one FILE\n";
        return 2;
    }
    const QString path = resolve(files.first());
    const ProfileFileResult result = ProfileFile::load(path);
    for (const Diagnostic &d : result.load.diagnostics)
        err() << d.toString(displayName(files.first(), path)) << '\n';
    err().flush();
    if (!result.load.profile)
        return 1;
    out().flush();
    const QByteArray bytes = ProfileWriter::toJson(*result.load.profile);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("corslab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CORSLAB_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        err() << Usage;
        return 2;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        out() << Usage;
        return 0;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out() << "corslab-cli " << CORSLAB_VERSION << " (Qt " << qVersion() << ")\n";
        return 0;
    }
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        out() << Usage;
        return 0;
    }
    if (command == QLatin1String("validate"))
        return validate(args);
    if (command == QLatin1String("examples"))
        return examples();
    if (command == QLatin1String("show"))
        return show(args);
    err() << "corslab-cli: unknown command \"" << command << "\"\n\n" << Usage;
    return 2;
}
