// corslab-cli from-code and to-code: a profile read out of server and client JavaScript
// (CodeImport), and a profile written as that JavaScript (CodeWriter).
#include "clicommand.h"

#include "codeimport/codeimport.h"
#include "profile/profilefile.h"
#include "profile/profilewriter.h"
#include "verdict/codewriter.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

using namespace corslab;

namespace {

const char *const FromCodeUsage
    = "  from-code [--server FILE] [--client FILE] [--base PROFILE] -o PROFILE [--force]\n"
      "                     Read the options of new Server(...) and io(...) out of JavaScript\n"
      "                     into a profile (FILE - is stdin; -o - prints it); what code cannot\n"
      "                     say (name, expect, browser, page origin, proxy) comes from --base.\n"
      "                     Exit 0 written, 1 code not understood, 2 usage.\n";

const char *const ToCodeUsage
    = "  to-code PROFILE [--esm|--commonjs] [--server-only|--client-only]\n"
      "                     Print the profile as Socket.IO server and client code (ES modules\n"
      "                     unless --commonjs). Exit 0, 1 profile errors, 2 usage.\n";

int usageError(const char *command, const char *usage, const QString &message)
{
    cliErr() << "corslab-cli " << command << ": " << message << "\n\nusage:\n" << usage;
    cliErr().flush();
    return 2;
}

// The whole file (or stdin), refused past a size that cannot be 1 MiB of code.
bool readCode(const QString &path, QString &text, QString &error)
{
    const qint64 maxBytes = qint64(CodeImport::MaxCodeSize) * 4;
    QFile file;
    if (path == u"-") {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot read stdin");
            return false;
        }
    } else {
        file.setFileName(path);
        if (!QFileInfo(path).isFile()) {
            error = QStringLiteral("%1: no such file").arg(path);
            return false;
        }
        if (file.size() > maxBytes) {
            error = QStringLiteral("%1 is %2 bytes; CorsLab reads at most 1 MiB of code")
                        .arg(path)
                        .arg(file.size());
            return false;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return false;
        }
    }
    const QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes) {
        error = QStringLiteral("%1 holds more than 1 MiB of code; CorsLab refuses it")
                    .arg(path == u"-" ? QStringLiteral("stdin") : path);
        return false;
    }
    text = QString::fromUtf8(bytes);
    return true;
}

int fromCode(const QStringList &input)
{
    if (input.contains(QStringLiteral("--help")) || input.contains(QStringLiteral("-h"))) {
        cliOut() << "usage:\n" << FromCodeUsage;
        return 0;
    }
    QString serverPath;
    QString clientPath;
    QString basePath;
    QString outPath;
    bool force = false;
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QString a = input.at(i);
        QString *target = nullptr;
        if (a == u"--server")
            target = &serverPath;
        else if (a == u"--client")
            target = &clientPath;
        else if (a == u"--base")
            target = &basePath;
        else if (a == u"-o" || a == u"--output")
            target = &outPath;
        else if (a == u"--force") {
            force = true;
            continue;
        } else {
            return usageError(
                "from-code", FromCodeUsage, QStringLiteral("unknown argument \"%1\"").arg(a));
        }
        if (i + 1 >= input.size())
            return usageError("from-code", FromCodeUsage, a + QStringLiteral(" needs a value"));
        *target = input.at(++i);
    }
    if (serverPath.isEmpty() && clientPath.isEmpty())
        return usageError("from-code", FromCodeUsage,
            QStringLiteral("give --server FILE, --client FILE or both"));
    if (serverPath == u"-" && clientPath == u"-")
        return usageError("from-code", FromCodeUsage,
            QStringLiteral("only one of --server and --client can read stdin"));
    if (outPath.isEmpty())
        return usageError("from-code", FromCodeUsage,
            QStringLiteral("-o PROFILE is required (-o - prints the profile)"));
    if (outPath != u"-" && QFileInfo::exists(outPath) && !force) {
        cliErr() << "corslab-cli from-code: " << outPath
                 << " exists; it is left as it is (add --force to replace it)\n";
        return 2;
    }

    std::optional<Profile> base;
    if (!basePath.isEmpty()) {
        const QString resolved = ProfileFile::resolveArgument(basePath);
        const ProfileFileResult loaded = ProfileFile::load(resolved);
        for (const Diagnostic &d : loaded.load.diagnostics) {
            if (d.isError())
                cliErr() << d.toString(basePath) << '\n';
        }
        if (!loaded.load.profile) {
            cliErr() << "corslab-cli from-code: the base profile " << basePath
                     << " cannot be used\n";
            return 2;
        }
        base = loaded.load.profile;
    }

    QString server;
    QString client;
    QString error;
    if (!serverPath.isEmpty() && !readCode(serverPath, server, error)) {
        cliErr() << "corslab-cli from-code: " << error << '\n';
        return 2;
    }
    if (!clientPath.isEmpty() && !readCode(clientPath, client, error)) {
        cliErr() << "corslab-cli from-code: " << error << '\n';
        return 2;
    }
    auto label
        = [](const QString &path) { return path == u"-" ? QStringLiteral("<stdin>") : path; };
    CodeImportResult result;
    if (!serverPath.isEmpty() && server.trimmed().isEmpty()) {
        cliErr() << label(serverPath) << ": error: the server code is empty\n";
        return 1;
    }
    if (!clientPath.isEmpty() && client.trimmed().isEmpty()) {
        cliErr() << label(clientPath) << ": error: the client code is empty\n";
        return 1;
    }
    // QJSEngine's compiler warns about the user's code on stderr ("Variable x is used before
    // its declaration", at positions of the rewritten text); the diagnostics below are ours.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.qml.compiler.warning=false"));
    result = CodeImport::fromCode(server, client, base);
    for (const CodeDiagnostic &d : result.diagnostics) {
        QString file = d.side == CodeSide::Server ? label(serverPath) : label(clientPath);
        if (file.isEmpty())
            file = label(d.side == CodeSide::Server ? clientPath : serverPath);
        cliErr() << d.toString(file) << '\n';
    }
    cliErr().flush();
    if (!result.profile)
        return 1;
    const QByteArray json = ProfileWriter::toJson(*result.profile);
    if (outPath == u"-") {
        cliOut() << QString::fromUtf8(json);
        cliOut().flush();
        return 0;
    }
    const SaveResult saved = ProfileFile::save(outPath, json);
    if (!saved.ok) {
        cliErr() << "corslab-cli from-code: " << saved.error << '\n';
        return 2;
    }
    return 0;
}

int toCode(const QStringList &input)
{
    if (input.contains(QStringLiteral("--help")) || input.contains(QStringLiteral("-h"))) {
        cliOut() << "usage:\n" << ToCodeUsage;
        return 0;
    }
    CodeStyle style = CodeStyle::Esm;
    bool server = true;
    bool client = true;
    QString path;
    for (const QString &a : input) {
        if (a == u"--esm")
            style = CodeStyle::Esm;
        else if (a == u"--commonjs")
            style = CodeStyle::CommonJs;
        else if (a == u"--server-only")
            client = false;
        else if (a == u"--client-only")
            server = false;
        else if (a.startsWith(u'-') && a != u"-")
            return usageError(
                "to-code", ToCodeUsage, QStringLiteral("unknown option \"%1\"").arg(a));
        else if (path.isEmpty())
            path = a;
        else
            return usageError("to-code", ToCodeUsage, QStringLiteral("one PROFILE only"));
    }
    if (path.isEmpty())
        return usageError("to-code", ToCodeUsage, QStringLiteral("PROFILE is missing"));
    if (!server && !client)
        return usageError("to-code", ToCodeUsage,
            QStringLiteral("--server-only and --client-only exclude each other"));
    const ProfileFileResult loaded = ProfileFile::load(ProfileFile::resolveArgument(path));
    for (const Diagnostic &d : loaded.load.diagnostics) {
        if (d.isError())
            cliErr() << d.toString(path) << '\n';
    }
    if (!loaded.load.profile) {
        cliErr().flush();
        return 1;
    }
    if (server && client) {
        cliOut() << "// ---- server (Node) ----\n"
                 << CodeWriter::serverCode(*loaded.load.profile, style)
                 << "\n// ---- client (the page) ----\n"
                 << CodeWriter::clientCode(*loaded.load.profile, style);
    } else if (server) {
        cliOut() << CodeWriter::serverCode(*loaded.load.profile, style);
    } else {
        cliOut() << CodeWriter::clientCode(*loaded.load.profile, style);
    }
    cliOut().flush();
    return 0;
}

const CliCommand::Registration fromCodeRegistration({"from-code", FromCodeUsage, &fromCode});
const CliCommand::Registration toCodeRegistration({"to-code", ToCodeUsage, &toCode});

} // namespace
