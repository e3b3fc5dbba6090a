// corslab-cli: validate, list, show, serve and run CorsLab profiles from a terminal or CI (links
// libcorslab only).
#include "clicommand.h"
#include "outputs.h"
#include "profile/profilefile.h"
#include "profile/profilewriter.h"
#include "runcommand.h"
#include "server/embeddedserver.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace corslab;

namespace {

const char *const Usage = R"(Usage: corslab-cli [--help] [--version] COMMAND [ARGS]

Reproduce, understand and fix Socket.IO CORS and connection problems.

Commands:
  validate FILE...   Check profiles; print errors and warnings as FILE:LINE:COLUMN.
                     Exit 1 when any file has errors, 0 otherwise (warnings allowed).
  examples           List the bundled example profiles with their descriptions.
  show FILE          Print a profile in canonical form (2-space JSON, defaults left out).
  serve FILE [--host H] [--port N]
                     Run the profile's embedded Socket.IO server until Ctrl+C, print the URL to
                     connect a real web app to, and one line per request, packet and decision.

  run PROFILE... [--browser chromium|firefox|node|both] [--lang en|zh-CN] [--json] [--no-fix]
                 [--har FILE.har] [--report FILE.md|FILE.html] [--png FILE.png]
                     Run each profile with the browser-emulating client: the timeline, the verdict
                     with Chromium's and Firefox's messages, and a fix proven by a re-run.
                     Exit 0 when every verdict equals the profile's expect, 1 when not.
                     --har, --report and --png also write the run as HAR 1.2, a report to
                     paste into an issue, and a picture of the timeline.
  check-url URL --origin ORIGIN [--with-credentials] [-H 'name: value']... [--path P]
            [--transports polling,websocket] [--browser B] [--json] [--har F] [--report F]
            [--png F]
                     Connect to a real server as a page at ORIGIN would. Exit 0 when connected.
%1
FILE is a path, or the name of a bundled example (see `corslab-cli examples`).

Exit codes: 0 success, 1 the profile has errors, 2 usage error.
)";

// The usage text with the self-registered commands' lines in place of %1.
QString usage()
{
    QString extra;
    for (const CliCommand &c : CliCommand::all())
        extra += QString::fromUtf8(c.usage);
    return QString::fromUtf8(Usage).arg(extra);
}

QString displayName(const QString &arg, const QString &path)
{
    return path.startsWith(QLatin1String(":/")) ? QStringLiteral("example:") + arg : arg;
}

int validate(const QStringList &files)
{
    if (files.isEmpty()) {
        cliErr() << "corslab-cli validate: no FILE given\n";
        return 2;
    }
    int filesWithErrors = 0;
    for (const QString &arg : files) {
        const QString path = ProfileFile::resolveArgument(arg);
        const QString name = displayName(arg, path);
        const ProfileFileResult result = ProfileFile::load(path);
        for (const Diagnostic &d : result.load.diagnostics)
            cliOut() << d.toString(name) << '\n';
        const int errors = errorCount(result.load.diagnostics);
        const int warnings = warningCount(result.load.diagnostics);
        if (errors)
            ++filesWithErrors;
        cliOut() << name << ": "
                 << (errors ? QStringLiteral("%1 error(s), %2 warning(s)").arg(errors).arg(warnings)
                            : (warnings ? QStringLiteral("valid, %1 warning(s)").arg(warnings)
                                        : QStringLiteral("valid")))
                 << '\n';
    }
    cliOut().flush();
    return filesWithErrors ? 1 : 0;
}

int examples()
{
    for (const ExampleProfile &e : ProfileFile::examples()) {
        cliOut() << e.fileName.chopped(int(qstrlen(".corslab.json"))) << '\n'
                 << "    " << e.name << '\n';
        if (!e.description.isEmpty())
            cliOut() << "    " << e.description << '\n';
    }
    return 0;
}

int show(const QStringList &files)
{
    if (files.size() != 1) {
        cliErr() << "corslab-cli show: give exactly one FILE\n";
        return 2;
    }
    const QString path = ProfileFile::resolveArgument(files.first());
    const ProfileFileResult result = ProfileFile::load(path);
    for (const Diagnostic &d : result.load.diagnostics)
        cliErr() << d.toString(displayName(files.first(), path)) << '\n';
    cliErr().flush();
    if (!result.load.profile)
        return 1;
    cliOut().flush();
    const QByteArray bytes = ProfileWriter::toJson(*result.load.profile);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    return 0;
}

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

int serve(QStringList args)
{
    QString host;
    int port = -1;
    QStringList files;
    while (!args.isEmpty()) {
        const QString arg = args.takeFirst();
        if ((arg == QLatin1String("--host") || arg == QLatin1String("--port")) && args.isEmpty()) {
            cliErr() << "corslab-cli serve: " << arg << " needs a value\n";
            return 2;
        }
        if (arg == QLatin1String("--host")) {
            host = args.takeFirst();
        } else if (arg == QLatin1String("--port")) {
            bool ok = false;
            port = args.takeFirst().toInt(&ok);
            if (!ok || port < 0 || port > 65535) {
                cliErr() << "corslab-cli serve: --port needs a number from 0 to 65535\n";
                return 2;
            }
        } else if (arg.startsWith(QLatin1String("--"))) {
            cliErr() << "corslab-cli serve: unknown option " << arg << "\n";
            return 2;
        } else {
            files << arg;
        }
    }
    if (files.size() != 1) {
        cliErr() << "corslab-cli serve: give exactly one FILE\n";
        return 2;
    }
    const QString path = ProfileFile::resolveArgument(files.first());
    const ProfileFileResult loaded = ProfileFile::load(path);
    for (const Diagnostic &d : loaded.load.diagnostics)
        cliErr() << d.toString(displayName(files.first(), path)) << '\n';
    cliErr().flush();
    if (!loaded.load.profile)
        return 2;
    ServerOptions options = loaded.load.profile->server;
    if (!host.isEmpty())
        options.host = host;
    if (port >= 0)
        options.port = port;
    EmbeddedServer server(options);
    for (const QString &problem : server.setupErrors())
        cliErr() << "warning: " << problem << '\n';
    QString error;
    if (!server.listen(&error)) {
        cliErr() << "corslab-cli serve: " << error << '\n';
        return 1;
    }
    QObject::connect(&server, &EmbeddedServer::eventRecorded, [](const ServerEvent &e) {
        if (e.kind == ServerEvent::Kind::Listening)
            return;
        cliOut() << QStringLiteral("%1 ms").arg(e.elapsedMs, 7) << "  "
                 << (e.connection ? QStringLiteral("#%1").arg(e.connection, -4)
                                  : QStringLiteral("     "))
                 << QStringLiteral("%1 ").arg(ServerEvent::kindName(e.kind), -12) << e.summary;
        if (!e.sessionId.isEmpty() && !e.summary.contains(e.sessionId))
            cliOut() << "  [" << e.sessionId << ']';
        cliOut() << '\n';
        if (!e.detail.isEmpty() && e.kind != ServerEvent::Kind::Listening) {
            for (const QString &line : e.detail.split(QLatin1Char('\n')))
                cliOut() << "                 " << line << '\n';
        }
        cliOut().flush();
    });
    const QString url = server.publicUrl().toString();
    cliOut() << "CorsLab serving \"" << loaded.load.profile->name << "\" at " << url
             << server.enginePath() << " (listening on " << server.url().toString() << ")\n"
             << "Connect with io(\"" << url << "\""
             << (server.enginePath() == QLatin1String("/socket.io/")
                        ? QString()
                        : QStringLiteral(", { path: \"%1\" }").arg(options.path))
             << "). Stop with Ctrl+C.\n";
    cliOut().flush();

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [&server] {
        char byte;
        [[maybe_unused]] const auto n = ::read(signalPipe[0], &byte, 1);
        cliOut() << "Stopping.\n";
        cliOut().flush();
        server.close();
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    // Pictures (--png) need Qt GUI: then a QGuiApplication on the offscreen platform, so no
    // display is needed; every other command stays a plain QCoreApplication.
    bool wantsPictures = false;
    for (int i = 2; i < argc; ++i)
        wantsPictures = wantsPictures || qstrcmp(argv[i], "--png") == 0;
    const std::unique_ptr<QCoreApplication> application
        = makeApplication(argc, argv, wantsPictures);
    QCoreApplication::setApplicationName(QStringLiteral("corslab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CORSLAB_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        cliErr() << usage();
        return 2;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        cliOut() << usage();
        return 0;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        cliOut() << "corslab-cli " << CORSLAB_VERSION << " (Qt " << qVersion() << ")\n";
        return 0;
    }
    // run and check-url print their own help; the other commands share the general usage.
    const CliCommand *registered = CliCommand::find(command);
    const bool ownHelp = command == QLatin1String("run") || command == QLatin1String("check-url")
        || (registered && registered->ownHelp);
    if (!ownHelp
        && (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h")))) {
        cliOut() << usage();
        return 0;
    }
    if (command == QLatin1String("validate"))
        return validate(args);
    if (command == QLatin1String("examples"))
        return examples();
    if (command == QLatin1String("show"))
        return show(args);
    if (command == QLatin1String("run"))
        return runCommand(args);
    if (command == QLatin1String("check-url"))
        return checkUrlCommand(args);
    if (command == QLatin1String("serve"))
        return serve(args);
    if (registered)
        return registered->run(args);
    cliErr() << "corslab-cli: unknown command \"" << command << "\"\n\n" << usage();
    return 2;
}
