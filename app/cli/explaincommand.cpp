// corslab-cli explain: a pasted console error (argument or stdin) → what was recognised, the case,
// the profile that reproduces it run against the embedded server (RunReport's text or JSON) with
// the proven fix, and whether the run showed the pasted reason.
#include "clicommand.h"

#include "explain/errorexplainer.h"
#include "profile/profilefile.h"
#include "profile/profilereader.h"
#include "profile/profilewriter.h"
#include "run/runreport.h"
#include "run/testrun.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cerrno>
#include <unistd.h>

using namespace corslab;

namespace {

const char *const Usage
    = "  explain [TEXT | -] [--lang en|zh-CN] [--json] [--profile-out PROFILE [--force]]\n"
      "          [--no-run]\n"
      "                     Explain a pasted Chromium/Firefox console error, connect_error or\n"
      "                     Engine.IO message (TEXT, or stdin when absent or -): the case, a\n"
      "                     profile reproducing it, its run and the proven fix (--lang: the\n"
      "                     text's own language unless given). Exit 0 reproduced, 1 not\n"
      "                     reproduced, 2 unrecognised or usage.\n";

int usageError(const QString &message)
{
    cliErr() << "corslab-cli explain: " << message << "\n\nusage:\n" << Usage;
    return 2;
}

int explain(const QStringList &args)
{
    QString lang; // default: the pasted text's language
    bool json = false;
    bool run = true;
    bool force = false;
    bool fromStdin = false;
    QString profileOut;
    QStringList texts;
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
        } else if (a == QLatin1String("--lang")) {
            if (!value(&lang))
                return usageError(QStringLiteral("--lang needs a value"));
            if (lang != QLatin1String("en") && lang != QLatin1String("zh-CN"))
                return usageError(QStringLiteral("--lang takes en or zh-CN, not \"%1\"").arg(lang));
        } else if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--no-run")) {
            run = false;
        } else if (a == QLatin1String("--force")) {
            force = true;
        } else if (a == QLatin1String("--profile-out")) {
            if (!value(&profileOut) || profileOut.isEmpty())
                return usageError(QStringLiteral("--profile-out needs a file name"));
        } else if (a == QLatin1String("-")) {
            fromStdin = true;
        } else if (a.startsWith(QLatin1String("--"))) {
            return usageError(QStringLiteral("unknown option \"%1\"").arg(a));
        } else {
            texts << a;
        }
    }
    if (fromStdin && !texts.isEmpty())
        return usageError(QStringLiteral("give the text as an argument or on stdin (-), not both"));
    // Nothing a user wrote is lost: an existing file stays unless --force.
    if (!profileOut.isEmpty() && QFileInfo::exists(profileOut) && !force) {
        cliErr() << "corslab-cli explain: " << profileOut
                 << " exists; not overwritten (--force to replace it)\n";
        return 2;
    }

    Explanation e;
    if (texts.isEmpty()) {
        // At most one byte more than the limit is read: a huge paste is refused without reading
        // it all.
        QByteArray bytes;
        char buffer[65536];
        while (bytes.size() <= ErrorExplainer::MaxInputBytes) {
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                cliErr() << "corslab-cli explain: cannot read stdin: " << qt_error_string(errno)
                         << '\n';
                return 2;
            }
            if (n == 0)
                break;
            bytes.append(buffer, n);
        }
        if (bytes.size() > ErrorExplainer::MaxInputBytes) {
            cliErr() << "corslab-cli explain: stdin: the pasted text is larger than "
                     << ErrorExplainer::MaxInputBytes
                     << " bytes (1 MiB); paste the console lines of the error, not the whole log\n";
            return 2;
        }
        e = ErrorExplainer::explainUtf8(bytes);
    } else {
        e = ErrorExplainer::explain(texts.join(u'\n'));
    }
    if (lang.isEmpty())
        lang = e.errorCase && e.errorCase->language == QLatin1String("zh-CN")
            ? QStringLiteral("zh-CN")
            : QStringLiteral("en");
    if (!e.error.isEmpty()) {
        const bool zh = lang == QLatin1String("zh-CN");
        cliErr() << "corslab-cli explain: " << e.error << '\n';
        if (zh && e.lines.isEmpty() && !e.error.startsWith(QLatin1String("the pasted text is")))
            cliErr() << ErrorExplainer::expectedInput(lang) << '\n';
        if (json)
            cliOut() << QJsonDocument(e.toJson()).toJson(QJsonDocument::Indented);
        cliOut().flush();
        return 2;
    }

    QByteArray profileBytes;
    if (e.profile) {
        profileBytes = ProfileWriter::toJson(*e.profile);
        const ProfileLoadResult reloaded = ProfileReader::read(profileBytes);
        if (!reloaded.profile || reloaded.hasErrors()) {
            cliErr() << "corslab-cli explain: the built profile does not load again (a bug):\n"
                     << profileBytes;
            return 2;
        }
    }
    const bool zh = lang == QLatin1String("zh-CN");
    QString profileNote;
    if (!profileOut.isEmpty()) {
        if (e.profile) {
            const SaveResult saved = ProfileFile::save(profileOut, profileBytes);
            if (!saved.ok) {
                cliErr() << "corslab-cli explain: " << profileOut << ": " << saved.error << '\n';
                return 2;
            }
            profileNote = zh ? QStringLiteral("配置已写入 %1").arg(profileOut)
                             : QStringLiteral("Profile written to %1").arg(profileOut);
        } else {
            cliErr() << "corslab-cli explain: no profile to write to " << profileOut
                     << ": this error cannot be reproduced\n";
        }
    }

    std::optional<RunResult> result;
    QString detail;
    bool reproduced = false;
    if (e.profile && run) {
        result = TestRun::runToEnd(*e.profile, RunOptions {});
        reproduced = ErrorExplainer::reproduces(*e.errorCase, *result, &detail);
    }

    if (json) {
        QJsonObject doc = e.toJson();
        if (!profileOut.isEmpty() && e.profile)
            doc.insert(QStringLiteral("profileOut"), profileOut);
        if (result) {
            QJsonObject runDoc;
            runDoc.insert(QStringLiteral("format"), QStringLiteral("corslab-run"));
            runDoc.insert(QStringLiteral("version"), 1);
            runDoc.insert(QStringLiteral("runs"), QJsonArray {RunReport::toJson(*result)});
            doc.insert(QStringLiteral("run"), runDoc);
            doc.insert(QStringLiteral("reproduced"), reproduced);
            doc.insert(QStringLiteral("runDetail"), detail);
        } else {
            doc.insert(QStringLiteral("run"), QJsonValue(QJsonValue::Null));
        }
        cliOut() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        cliOut() << e.toText(lang);
        if (!profileNote.isEmpty())
            cliOut() << profileNote << '\n';
        if (result) {
            cliOut() << '\n' << RunReport::toText(*result, lang, isatty(STDOUT_FILENO)) << '\n';
            const QString code = e.errorCase->reproduction.value;
            if (reproduced)
                cliOut() << (zh ? QStringLiteral("已再现：运行显示了粘贴的 %1。\n")
                                : QStringLiteral("Reproduced: the run shows the pasted %1.\n"))
                                .arg(code);
            else
                cliOut() << (zh ? QStringLiteral("未能再现 %1：%2。\n")
                                : QStringLiteral("Not reproduced (%1): %2.\n"))
                                .arg(code, detail);
        } else if (e.profile) {
            cliOut() << (zh ? QStringLiteral("（--no-run：未运行配置）\n")
                            : QStringLiteral("(--no-run: the profile was not run)\n"));
        }
    }
    cliOut().flush();
    if (!e.profile)
        return 1;
    if (!run)
        return 0;
    return reproduced ? 0 : 1;
}

const CliCommand::Registration reg({"explain", Usage, &explain});

} // namespace
