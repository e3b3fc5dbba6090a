// corslab-cli import-har: a browser's HAR judged again as a run (the same timeline and verdict as
// `run` prints), the inferred profile written on request, and — unless --no-fix — that profile run
// with the embedded server to reproduce the problem and prove the fix.
#include "clicommand.h"

#include "har/harimport.h"
#include "profile/profilefile.h"
#include "profile/profilereader.h"
#include "profile/profilewriter.h"
#include "run/runreport.h"
#include "run/testrun.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <unistd.h>

using namespace corslab;

namespace {

const char *const Usage
    = "  import-har FILE.har [--browser chromium|firefox] [--lang en|zh-CN] [--json]\n"
      "             [--profile-out PROFILE.corslab.json [--force]] [--no-fix]\n"
      "                     Judge a browser's recorded Socket.IO traffic again (in the rules\n"
      "                     of the browser that recorded it, unless --browser), infer a profile\n"
      "                     that reproduces it and run that to prove the fix. Exit 0 connected,\n"
      "                     1 not connected (blocked, refused, network error, timeout), 2 bad\n"
      "                     input.\n";

int usageError(const QString &message)
{
    cliErr() << "corslab-cli import-har: " << message << "\n\nusage:\n" << Usage;
    return 2;
}

int importHar(const QStringList &input)
{
    QStringList args = input;
    std::optional<Browser> browser;
    QString lang = QStringLiteral("en");
    bool json = false;
    bool proveFix = true;
    bool force = false;
    QString profileOut;
    QStringList files;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString a = args.at(i);
        auto value = [&](QString *target) {
            if (i + 1 >= args.size())
                return false;
            *target = args.at(++i);
            return true;
        };
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            cliOut() << "usage: corslab-cli\n" << Usage;
            return 0;
        } else if (a == QLatin1String("--browser")) {
            QString v;
            if (!value(&v))
                return usageError(QStringLiteral("--browser needs a value"));
            const auto b = browserFromName(v);
            if (!b || *b == Browser::Node)
                return usageError(
                    QStringLiteral("--browser takes chromium or firefox, not \"%1\"").arg(v));
            browser = b;
        } else if (a == QLatin1String("--lang")) {
            if (!value(&lang))
                return usageError(QStringLiteral("--lang needs a value"));
            if (lang != QLatin1String("en") && lang != QLatin1String("zh-CN"))
                return usageError(QStringLiteral("--lang takes en or zh-CN, not \"%1\"").arg(lang));
        } else if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--no-fix")) {
            proveFix = false;
        } else if (a == QLatin1String("--force")) {
            force = true;
        } else if (a == QLatin1String("--profile-out")) {
            if (!value(&profileOut))
                return usageError(QStringLiteral("--profile-out needs a file name"));
        } else if (a.startsWith(u'-') && a.size() > 1) {
            return usageError(QStringLiteral("unknown option \"%1\"").arg(a));
        } else {
            files << a;
        }
    }
    if (files.size() != 1)
        return usageError(files.isEmpty() ? QStringLiteral("which HAR file?")
                                          : QStringLiteral("one HAR file at a time"));
    const QString path = files.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        cliErr() << "corslab-cli import-har: " << path << ": " << file.errorString() << '\n';
        return 2;
    }
    if (file.size() > HarReader::MaxBytes) {
        cliErr() << "corslab-cli import-har: " << path << ": "
                 << HarReader::tooLargeMessage(file.size()) << '\n';
        return 2;
    }
    const QByteArray bytes = file.read(HarReader::MaxBytes + 1);
    if (!profileOut.isEmpty() && QFileInfo::exists(profileOut) && !force) {
        cliErr() << "corslab-cli import-har: " << profileOut
                 << " exists; not overwritten (--force to replace it)\n";
        return 2;
    }
    HarImportOptions options;
    options.browser = browser;
    options.sourceName = QFileInfo(path).fileName();
    HarImportResult imported = HarImport::fromBytes(bytes, options);
    if (!imported.error.isEmpty()) {
        cliErr() << "corslab-cli import-har: " << path << ": " << imported.error << '\n';
        return 2;
    }
    const QByteArray profileBytes = ProfileWriter::toJson(imported.profile);
    const ProfileLoadResult reloaded = ProfileReader::read(profileBytes);
    if (!reloaded.profile || reloaded.hasErrors()) {
        cliErr() << "corslab-cli import-har: the inferred profile does not load again (a bug):\n"
                 << profileBytes;
        return 2;
    }
    if (!profileOut.isEmpty()) {
        const SaveResult saved = ProfileFile::save(profileOut, profileBytes);
        if (!saved.ok) {
            cliErr() << "corslab-cli import-har: " << profileOut << ": " << saved.error << '\n';
            return 2;
        }
    }
    std::optional<RunResult> local;
    if (proveFix) {
        RunOptions runOptions;
        runOptions.browser = imported.run.browser;
        runOptions.proveFix = true;
        local = TestRun::runToEnd(*reloaded.profile, runOptions);
        imported.run.fix = local->fix;
        imported.run.fixAttempts = local->fixAttempts;
    }
    const RunResult &r = imported.run;
    const bool zh = lang == QLatin1String("zh-CN");
    if (json) {
        QJsonObject doc;
        doc.insert(QStringLiteral("format"), QStringLiteral("corslab-har-import"));
        doc.insert(QStringLiteral("version"), 1);
        doc.insert(QStringLiteral("file"), path);
        doc.insert(QStringLiteral("recordedBy"),
            imported.browserKnown ? browserName(imported.recordedBy) : QString());
        doc.insert(QStringLiteral("entries"), imported.totalEntries);
        doc.insert(QStringLiteral("socketIoEntries"), imported.socketIoEntries);
        doc.insert(QStringLiteral("connectionAttempts"), imported.connectionAttempts);
        doc.insert(QStringLiteral("run"), RunReport::toJson(r));
        QJsonArray inferences;
        for (const HarInference &i : imported.inferences)
            inferences.append(QJsonObject {{QStringLiteral("field"), i.field},
                {QStringLiteral("value"), i.value}, {QStringLiteral("because"), i.because}});
        doc.insert(QStringLiteral("inferences"), inferences);
        doc.insert(QStringLiteral("limits"), QJsonArray::fromStringList(imported.limits));
        doc.insert(QStringLiteral("profile"), QString::fromUtf8(profileBytes));
        if (!profileOut.isEmpty())
            doc.insert(QStringLiteral("profileOut"), profileOut);
        if (local) {
            doc.insert(QStringLiteral("reproduction"),
                QJsonObject {{QStringLiteral("verdict"), verdictName(local->verdict.verdict)},
                    {QStringLiteral("reason"), local->verdict.reason},
                    {QStringLiteral("agrees"),
                        local->verdict.verdict == r.verdict.verdict
                            && local->verdict.reason == r.verdict.reason}});
        } else {
            doc.insert(QStringLiteral("reproduction"), QJsonValue(QJsonValue::Null));
        }
        cliOut() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        cliOut() << (zh ? QStringLiteral("HAR %1：%2 个条目，其中 %3 个 Socket.IO 请求\n")
                        : QStringLiteral("HAR %1: %2 entries, %3 Socket.IO requests judged\n"))
                        .arg(path)
                        .arg(imported.totalEntries)
                        .arg(imported.socketIoEntries);
        cliOut() << RunReport::toText(r, lang, isatty(STDOUT_FILENO)) << '\n';
        cliOut() << (zh ? QStringLiteral("推断的配置：\n") : QStringLiteral("Inferred profile:\n"));
        for (const HarInference &i : imported.inferences)
            cliOut() << "  " << i.field << " = " << i.value << "  — " << i.because << '\n';
        if (!profileOut.isEmpty())
            cliOut() << (zh ? QStringLiteral("配置已写入 %1\n")
                            : QStringLiteral("Profile written to %1\n"))
                            .arg(profileOut);
        if (local) {
            const bool agrees = local->verdict.verdict == r.verdict.verdict
                && local->verdict.reason == r.verdict.reason;
            cliOut() << (zh ? QStringLiteral("本地重现（嵌入式服务器）：%1%2%3\n")
                            : QStringLiteral("Local reproduction (embedded server): %1%2%3\n"))
                            .arg(verdictName(local->verdict.verdict),
                                local->verdict.reason.isEmpty()
                                    ? QString()
                                    : QStringLiteral(" (%1)").arg(local->verdict.reason),
                                agrees ? (zh ? QStringLiteral("，与 HAR 一致")
                                             : QStringLiteral(", as in the HAR"))
                                       : (zh ? QStringLiteral("，与 HAR 不同")
                                             : QStringLiteral(", unlike the HAR")));
        }
    }
    cliOut().flush();
    switch (r.verdict.verdict) {
    case Verdict::Connected:
        return 0;
    default:
        return 1;
    }
}

const CliCommand::Registration reg({"import-har", Usage, &importHar});

} // namespace
