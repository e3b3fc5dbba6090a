#include "runcommand.h"
#include "clicommand.h"

#include "outputs.h"

#include "profile/profilefile.h"
#include "run/runreport.h"
#include "run/testrun.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <unistd.h>

using namespace corslab;

namespace {

struct CommonOptions {
    QList<Browser> browsers; // empty: the profile's own
    QString lang = QStringLiteral("en");
    bool json = false;
    bool proveFix = true;
    OutputFiles files; // --har, --report, --png
};

// Parses --browser, --lang, --json, --no-fix and the output files; returns false (message
// printed) on a usage error.
bool takeCommon(QStringList &args, CommonOptions &o, const QString &command)
{
    if (!takeOutputFiles(args, o.files, command))
        return false;
    for (qsizetype i = 0; i < args.size();) {
        const QString a = args.at(i);
        auto value = [&](QString *target) {
            if (i + 1 >= args.size()) {
                cliErr() << "corslab-cli " << command << ": " << a << " needs a value\n";
                return false;
            }
            *target = args.at(i + 1);
            args.remove(i, 2);
            return true;
        };
        if (a == QLatin1String("--browser")) {
            QString v;
            if (!value(&v))
                return false;
            if (v == QLatin1String("both"))
                o.browsers = {Browser::Chromium, Browser::Firefox};
            else if (const auto b = browserFromName(v))
                o.browsers = {*b};
            else {
                cliErr() << "corslab-cli " << command
                         << ": --browser takes chromium, firefox, node or both, not \"" << v
                         << "\"\n";
                return false;
            }
        } else if (a == QLatin1String("--lang")) {
            QString v;
            if (!value(&v))
                return false;
            if (v != QLatin1String("en") && v != QLatin1String("zh-CN")) {
                cliErr() << "corslab-cli " << command << ": --lang takes en or zh-CN, not \"" << v
                         << "\"\n";
                return false;
            }
            o.lang = v;
        } else if (a == QLatin1String("--json")) {
            o.json = true;
            args.removeAt(i);
        } else if (a == QLatin1String("--no-fix")) {
            o.proveFix = false;
            args.removeAt(i);
        } else {
            ++i;
        }
    }
    return true;
}

RunResult runOne(
    const Profile &profile, const QString &path, std::optional<Browser> browser, bool proveFix)
{
    RunOptions options;
    options.browser = browser;
    options.proveFix = proveFix;
    return TestRun::runToEnd(profile, options, path);
}

int report(const QList<RunResult> &results, const CommonOptions &o, bool useExpect,
    const QString &command, const QStringList &inputs = {})
{
    bool allGood = true;
    QJsonArray runs;
    for (const RunResult &r : results) {
        const bool good = useExpect ? r.asExpected : r.verdict.verdict == Verdict::Connected;
        allGood = allGood && good;
        if (o.json)
            runs.append(RunReport::toJson(r));
        else
            cliOut() << RunReport::toText(r, o.lang, isatty(STDOUT_FILENO)) << '\n';
    }
    if (o.json) {
        QJsonObject doc;
        doc.insert(QStringLiteral("format"), QStringLiteral("corslab-run"));
        doc.insert(QStringLiteral("version"), 1);
        doc.insert(QStringLiteral("runs"), runs);
        cliOut() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    }
    cliOut().flush();
    if (o.files.any() && !writeOutputFiles(results, o.files, o.lang, command, inputs))
        return 2;
    return allGood ? 0 : 1;
}

} // namespace

int runCommand(const QStringList &input)
{
    QStringList args = input;
    if (args.contains(QStringLiteral("--help"))) {
        cliOut() << "Usage: corslab-cli run PROFILE... [--browser chromium|firefox|node|both] "
                    "[--lang en|zh-CN]\n"
                    "                       [--json] [--no-fix] [--har FILE.har] [--report "
                    "FILE.md|FILE.html]\n"
                    "                       [--png FILE.png]\n"
                    "Runs each profile (embedded server or its client.url) with the "
                    "browser-emulating client,\n"
                    "prints the timeline, the verdict with each browser's message, and a fix "
                    "proven by a re-run.\n"
                    "Exit 0 when every verdict equals the profile's expect (connected without "
                    "one), 1 when not,\n"
                    "2 for usage or profile errors (or an output file that cannot be written).\n"
                    "--har writes the exchanges as HAR 1.2 (as Chrome DevTools does), --report a "
                    "Markdown or\n"
                    "self-contained HTML report, --png the timeline as the app draws it; with "
                    "several runs the\n"
                    "report holds them all and the pictures are FILE.png, FILE-2.png, ...\n";
        return 0;
    }
    CommonOptions o;
    if (!takeCommon(args, o, QStringLiteral("run")))
        return 2;
    for (const QString &a : args) {
        if (a.startsWith(QLatin1String("--"))) {
            cliErr() << "corslab-cli run: unknown option " << a << '\n';
            return 2;
        }
    }
    if (args.isEmpty()) {
        cliErr() << "corslab-cli run: give at least one PROFILE\n";
        return 2;
    }
    QList<std::pair<QString, Profile>> profiles;
    bool bad = false;
    for (const QString &arg : args) {
        const QString path = ProfileFile::resolveArgument(arg);
        const ProfileFileResult loaded = ProfileFile::load(path);
        for (const Diagnostic &d : loaded.load.diagnostics)
            cliErr() << d.toString(arg) << '\n';
        if (!loaded.load.profile) {
            bad = true;
            continue;
        }
        profiles.append({arg, *loaded.load.profile});
    }
    cliErr().flush();
    if (bad)
        return 2;
    QList<RunResult> results;
    for (const auto &[path, profile] : profiles) {
        if (o.browsers.isEmpty())
            results.append(runOne(profile, path, std::nullopt, o.proveFix));
        for (const Browser b : o.browsers)
            results.append(runOne(profile, path, b, o.proveFix));
    }
    QStringList inputs;
    for (const auto &entry : profiles)
        inputs << ProfileFile::resolveArgument(entry.first);
    return report(results, o, true, QStringLiteral("run"), inputs);
}

int checkUrlCommand(const QStringList &input)
{
    QStringList args = input;
    if (args.contains(QStringLiteral("--help"))) {
        cliOut() << "Usage: corslab-cli check-url URL --origin ORIGIN [--with-credentials] [-H "
                    "'name: value']...\n"
                    "                             [--path P] [--transports polling,websocket] "
                    "[--namespace NSP]\n"
                    "                             [--browser chromium|firefox|node|both] [--lang "
                    "en|zh-CN] [--json]\n"
                    "                             [--har FILE.har] [--report FILE.md|FILE.html] "
                    "[--png FILE.png]\n"
                    "Connects to a real Socket.IO server as a page at ORIGIN would, and says "
                    "whether the browser\n"
                    "lets it connect. Exit 0 when connected, 1 when not, 2 for usage errors.\n";
        return 0;
    }
    CommonOptions o;
    if (!takeCommon(args, o, QStringLiteral("check-url")))
        return 2;
    Profile profile;
    profile.name = QStringLiteral("check-url");
    profile.client.pageOrigin.clear();
    QString url;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if ((a == QLatin1String("--origin") || a == QLatin1String("-H")
                || a == QLatin1String("--header") || a == QLatin1String("--path")
                || a == QLatin1String("--transports") || a == QLatin1String("--namespace"))
            && !hasValue) {
            cliErr() << "corslab-cli check-url: " << a << " needs a value\n";
            return 2;
        }
        if (a == QLatin1String("--origin")) {
            profile.client.pageOrigin = args.at(++i);
        } else if (a == QLatin1String("--with-credentials")) {
            profile.client.options.withCredentials = true;
        } else if (a == QLatin1String("-H") || a == QLatin1String("--header")) {
            const QString h = args.at(++i);
            const qsizetype colon = h.indexOf(u':');
            if (colon <= 0) {
                cliErr() << "corslab-cli check-url: -H takes 'name: value', not \"" << h << "\"\n";
                return 2;
            }
            profile.client.options.extraHeaders.emplace_back(
                h.left(colon).trimmed(), h.mid(colon + 1).trimmed());
        } else if (a == QLatin1String("--path")) {
            profile.client.options.path = args.at(++i);
        } else if (a == QLatin1String("--namespace")) {
            profile.client.namespaceName = args.at(++i);
        } else if (a == QLatin1String("--transports")) {
            profile.client.options.transports = args.at(++i).split(u',', Qt::SkipEmptyParts);
            for (const QString &t : profile.client.options.transports) {
                if (t != QLatin1String("polling") && t != QLatin1String("websocket")) {
                    cliErr() << "corslab-cli check-url: --transports takes polling and/or "
                                "websocket, not \""
                             << t << "\"\n";
                    return 2;
                }
            }
        } else if (a.startsWith(QLatin1String("-"))) {
            cliErr() << "corslab-cli check-url: unknown option " << a << '\n';
            return 2;
        } else if (url.isEmpty()) {
            url = a;
        } else {
            cliErr() << "corslab-cli check-url: give one URL (got \"" << url << "\" and \"" << a
                     << "\")\n";
            return 2;
        }
    }
    if (url.isEmpty() || profile.client.pageOrigin.isEmpty()) {
        cliErr() << "corslab-cli check-url: give a URL and --origin ORIGIN\n";
        return 2;
    }
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty()
        || !QStringList {QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("ws"),
            QStringLiteral("wss")}
                .contains(parsed.scheme())) {
        cliErr() << "corslab-cli check-url: \"" << url
                 << "\" is not an http, https, ws or wss URL\n";
        return 2;
    }
    profile.client.url = url;
    QList<RunResult> results;
    const QList<std::optional<Browser>> browsers
        = o.browsers.isEmpty() ? QList<std::optional<Browser>> {std::nullopt} : [&o] {
              QList<std::optional<Browser>> l;
              for (Browser b : o.browsers)
                  l << b;
              return l;
          }();
    for (const auto &b : browsers)
        results.append(runOne(profile, url, b, false));
    return report(results, o, false, QStringLiteral("check-url"));
}
