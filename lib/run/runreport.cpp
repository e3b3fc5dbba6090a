#include "runreport.h"

#include "profile/profilewriter.h"

#include <QJsonArray>
#include <QUrl>

namespace corslab {

static QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

static QString credentialsName(CredentialsMode mode)
{
    switch (mode) {
    case CredentialsMode::Omit:
        return QStringLiteral("omit");
    case CredentialsMode::SameOrigin:
        return QStringLiteral("same-origin");
    case CredentialsMode::Include:
        return QStringLiteral("include");
    }
    return {};
}

static QString stageName(CorsStage stage)
{
    switch (stage) {
    case CorsStage::BeforeRequest:
        return QStringLiteral("before-request");
    case CorsStage::Preflight:
        return QStringLiteral("preflight");
    case CorsStage::Response:
        return QStringLiteral("response");
    case CorsStage::Redirect:
        return QStringLiteral("redirect");
    }
    return {};
}

static QJsonObject outcomeJson(const BrowserOutcome &o)
{
    QJsonObject j;
    j.insert(QStringLiteral("applies"), o.applies);
    j.insert(QStringLiteral("passed"), o.passed);
    j.insert(QStringLiteral("code"), orNull(o.reason.code));
    j.insert(QStringLiteral("hint"),
        o.reason.hint ? QJsonValue(*o.reason.hint) : QJsonValue(QJsonValue::Null));
    QJsonArray warnings;
    for (const BrowserReason &w : o.warnings)
        warnings.append(w.code);
    j.insert(QStringLiteral("warnings"), warnings);
    QJsonArray also;
    for (const BrowserReason &a : o.alsoLogged)
        also.append(a.code);
    j.insert(QStringLiteral("alsoLogged"), also);
    j.insert(QStringLiteral("netError"), orNull(o.networkError));
    return j;
}

QJsonObject RunReport::toJson(const RunResult &r)
{
    QJsonObject j;
    j.insert(QStringLiteral("profile"), orNull(r.profilePath));
    j.insert(QStringLiteral("name"), r.profile.name);
    j.insert(QStringLiteral("browser"), browserName(r.browser));
    j.insert(QStringLiteral("pageOrigin"), r.pageOrigin);
    j.insert(QStringLiteral("serverUrl"), r.serverUrl);
    j.insert(QStringLiteral("verdict"), verdictName(r.verdict.verdict));
    j.insert(QStringLiteral("reason"), orNull(r.verdict.reason));
    j.insert(QStringLiteral("transport"),
        r.verdict.verdict == Verdict::Connected ? QJsonValue(r.verdict.transport)
                                                : QJsonValue(QJsonValue::Null));
    if (r.client.hasConnectError) {
        QJsonObject ce;
        ce.insert(QStringLiteral("message"), r.client.errorMessage);
        ce.insert(QStringLiteral("description"), orNull(r.client.errorDescription));
        ce.insert(QStringLiteral("type"), orNull(r.client.errorType));
        ce.insert(QStringLiteral("data"), orNull(r.client.errorData));
        j.insert(QStringLiteral("connectError"), ce);
    } else {
        j.insert(QStringLiteral("connectError"), QJsonValue(QJsonValue::Null));
    }
    if (r.verdict.messages) {
        const BrowserMessages &m = *r.verdict.messages;
        QJsonObject blocked;
        blocked.insert(QStringLiteral("url"), r.checks.at(r.verdict.failedCheck).url);
        blocked.insert(
            QStringLiteral("stage"), stageName(r.checks.at(r.verdict.failedCheck).stage));
        QJsonObject chromium;
        chromium.insert(QStringLiteral("code"), m.chromiumCode);
        chromium.insert(QStringLiteral("hint"), orNull(m.chromiumHint));
        chromium.insert(QStringLiteral("message"), m.chromiumMessage);
        chromium.insert(QStringLiteral("networkLine"), m.chromiumNetworkLine);
        QJsonObject firefox;
        firefox.insert(QStringLiteral("code"), m.firefoxCode);
        firefox.insert(QStringLiteral("hint"),
            orNull(r.checks.at(r.verdict.failedCheck).firefox.reason.hint.value_or(QString())));
        QJsonArray en {m.firefoxMessageEn};
        QJsonArray zh {m.firefoxMessageZh};
        for (const QString &s : m.firefoxFollowUpEn)
            en.append(s);
        for (const QString &s : m.firefoxFollowUpZh)
            zh.append(s);
        QJsonObject messages;
        messages.insert(QStringLiteral("en-US"), en);
        messages.insert(QStringLiteral("zh-CN"), zh);
        firefox.insert(QStringLiteral("messages"), messages);
        blocked.insert(QStringLiteral("chromium"), chromium);
        blocked.insert(QStringLiteral("firefox"), firefox);
        j.insert(QStringLiteral("blocked"), blocked);
    } else {
        j.insert(QStringLiteral("blocked"), QJsonValue(QJsonValue::Null));
    }
    if (r.profile.expect) {
        QJsonObject e;
        e.insert(QStringLiteral("verdict"), verdictName(r.profile.expect->verdict));
        e.insert(QStringLiteral("reason"), orNull(r.profile.expect->reason));
        j.insert(QStringLiteral("expect"), e);
    } else {
        j.insert(QStringLiteral("expect"), QJsonValue(QJsonValue::Null));
    }
    j.insert(QStringLiteral("asExpected"), r.asExpected);
    QJsonArray notes;
    for (const RunNote &n : r.verdict.notes)
        notes.append(QJsonObject {{QStringLiteral("code"), n.code}, {QStringLiteral("en"), n.text},
            {QStringLiteral("zh-CN"), n.textZh}});
    j.insert(QStringLiteral("notes"), notes);
    if (r.fix) {
        QJsonObject f;
        f.insert(QStringLiteral("id"), r.fix->id);
        f.insert(QStringLiteral("side"),
            r.fix->clientSide ? QStringLiteral("client") : QStringLiteral("server"));
        f.insert(QStringLiteral("title"), r.fix->title);
        f.insert(QStringLiteral("titleZh"), r.fix->titleZh);
        f.insert(QStringLiteral("explanation"), r.fix->explanation);
        f.insert(QStringLiteral("explanationZh"), r.fix->explanationZh);
        f.insert(QStringLiteral("diff"), r.fix->codeDiff);
        f.insert(QStringLiteral("proven"), true);
        f.insert(QStringLiteral("candidatesTried"), r.fix->candidatesTried);
        f.insert(
            QStringLiteral("profile"), QString::fromUtf8(ProfileWriter::toJson(r.fix->profile)));
        j.insert(QStringLiteral("fix"), f);
    } else {
        j.insert(QStringLiteral("fix"), QJsonValue(QJsonValue::Null));
    }
    QJsonArray attempts;
    for (const QString &a : r.fixAttempts)
        attempts.append(a);
    j.insert(QStringLiteral("fixAttempts"), attempts);
    QJsonArray checks;
    for (const CorsCheck &c : r.checks) {
        QJsonObject cj;
        cj.insert(QStringLiteral("stage"), stageName(c.stage));
        cj.insert(QStringLiteral("url"), c.url);
        cj.insert(QStringLiteral("method"), c.method);
        cj.insert(QStringLiteral("origin"), c.origin);
        cj.insert(QStringLiteral("credentials"), credentialsName(c.credentials));
        cj.insert(QStringLiteral("crossOrigin"), c.crossOrigin);
        cj.insert(QStringLiteral("preflightRequired"), c.preflightRequired);
        cj.insert(QStringLiteral("status"), c.status);
        QJsonObject req;
        req.insert(QStringLiteral("allowOrigin"), orNull(c.required.allowOrigin));
        req.insert(QStringLiteral("wildcardAccepted"), c.required.wildcardOriginAccepted);
        req.insert(QStringLiteral("allowCredentials"), c.required.allowCredentials);
        req.insert(QStringLiteral("allowMethod"), orNull(c.required.allowMethod));
        req.insert(
            QStringLiteral("allowHeaders"), QJsonArray::fromStringList(c.required.allowHeaders));
        cj.insert(QStringLiteral("required"), req);
        QJsonArray received;
        for (const BrowserHeader &h : c.receivedHeaders)
            received.append(QJsonArray {h.name, h.value});
        cj.insert(QStringLiteral("received"), received);
        cj.insert(QStringLiteral("chromium"), outcomeJson(c.chromium));
        cj.insert(QStringLiteral("firefox"), outcomeJson(c.firefox));
        checks.append(cj);
    }
    j.insert(QStringLiteral("checks"), checks);
    QJsonArray events;
    for (const TimelineEvent &e : r.events) {
        QJsonObject ej;
        ej.insert(QStringLiteral("seq"), e.seq);
        ej.insert(QStringLiteral("timeUs"), e.timeUs);
        ej.insert(QStringLiteral("side"), timelineSideName(e.side));
        ej.insert(QStringLiteral("layer"), e.layer);
        ej.insert(QStringLiteral("step"), timelineStepName(e.step));
        ej.insert(QStringLiteral("kind"), timelineKindName(e.kind));
        if (e.exchange)
            ej.insert(QStringLiteral("exchange"), e.exchange);
        if (!e.method.isEmpty())
            ej.insert(QStringLiteral("method"), e.method);
        if (!e.url.isEmpty())
            ej.insert(QStringLiteral("url"), e.url);
        if (e.status)
            ej.insert(QStringLiteral("status"), e.status);
        if (e.passed)
            ej.insert(QStringLiteral("passed"), *e.passed);
        if (e.checkIndex >= 0)
            ej.insert(QStringLiteral("check"), e.checkIndex);
        ej.insert(QStringLiteral("summary"), e.summary);
        if (!e.detail.isEmpty())
            ej.insert(QStringLiteral("detail"), e.detail);
        events.append(ej);
    }
    j.insert(QStringLiteral("events"), events);
    QJsonObject timing;
    timing.insert(QStringLiteral("wallUs"), r.wallUs);
    timing.insert(QStringLiteral("cpuUs"), r.cpuUs);
    j.insert(QStringLiteral("timing"), timing);
    if (!r.setupError.isEmpty())
        j.insert(QStringLiteral("setupError"), r.setupError);
    return j;
}

static QString paint(const QString &text, const char *code, bool color)
{
    if (!color)
        return text;
    return QStringLiteral("\x1b[%1m").arg(QLatin1String(code)) + text + QStringLiteral("\x1b[0m");
}

QString RunReport::timelineText(const RunResult &r, bool color)
{
    QString out;
    for (const TimelineEvent &e : r.events) {
        QString arrow;
        switch (e.kind) {
        case TimelineKind::Request:
            arrow = QStringLiteral("──▶");
            break;
        case TimelineKind::Response:
            arrow = QStringLiteral("◀──");
            break;
        case TimelineKind::Check:
            arrow = e.passed.value_or(true) ? paint(QStringLiteral(" ✓ "), "32", color)
                                            : paint(QStringLiteral(" ✗ "), "31", color);
            break;
        case TimelineKind::Packet:
            arrow = e.outgoing ? QStringLiteral(" ▷ ") : QStringLiteral(" ◁ ");
            break;
        case TimelineKind::PageEvent:
            arrow = QStringLiteral(" ● ");
            break;
        case TimelineKind::ServerEvent:
            arrow = QStringLiteral("   ");
            break;
        default:
            arrow = QStringLiteral(" · ");
        }
        if (e.kind == TimelineKind::ServerEvent && e.layer != QLatin1String("cors")
            && !e.summary.startsWith(QLatin1String("setup")))
            continue; // the server's own record stays in --json and the GUI
        out += QStringLiteral("%1 ms  %2 %3  %4 %5\n")
                   .arg(double(e.timeUs) / 1000.0, 8, 'f', 1)
                   .arg(timelineSideName(e.side), -7)
                   .arg(timelineStepName(e.step), -9)
                   .arg(arrow, e.summary);
    }
    return out;
}

QString RunReport::toText(const RunResult &r, const QString &lang, bool color)
{
    const bool zh = lang == QLatin1String("zh-CN");
    QString out;
    out += QStringLiteral("%1 — %2, page %3 → %4\n\n")
               .arg(r.profile.name.isEmpty() ? r.profilePath : r.profile.name,
                   browserName(r.browser), r.pageOrigin, r.serverUrl);
    out += timelineText(r, color);
    out += u'\n';
    const QString verdict = verdictName(r.verdict.verdict).toUpper();
    const char *verdictColor = r.verdict.verdict == Verdict::Connected ? "1;32" : "1;31";
    out += paint(
        zh ? QStringLiteral("结论：%1").arg(verdict) : QStringLiteral("Verdict: %1").arg(verdict),
        verdictColor, color);
    if (!r.verdict.reason.isEmpty())
        out += QStringLiteral(" — %1").arg(r.verdict.reason);
    if (r.verdict.verdict == Verdict::Connected)
        out += zh ? QStringLiteral("（%1）").arg(r.verdict.transport)
                  : QStringLiteral(" (%1)").arg(r.verdict.transport);
    out += u'\n';
    if (r.client.hasConnectError)
        out += QStringLiteral("  connect_error: message \"%1\"%2%3\n")
                   .arg(r.client.errorMessage,
                       r.client.errorDescription.isEmpty()
                           ? QString()
                           : QStringLiteral(", description %1").arg(r.client.errorDescription),
                       r.client.errorData.isEmpty()
                           ? QString()
                           : QStringLiteral(", data %1").arg(r.client.errorData));
    if (r.verdict.messages) {
        const BrowserMessages &m = *r.verdict.messages;
        out += QStringLiteral("  Chromium (%1):\n    %2\n    %3\n")
                   .arg(m.chromiumCode, m.chromiumMessage, m.chromiumNetworkLine);
        out += QStringLiteral("  Firefox (%1):\n    %2\n")
                   .arg(m.firefoxCode, zh ? m.firefoxMessageZh : m.firefoxMessageEn);
        for (const QString &s : zh ? m.firefoxFollowUpZh : m.firefoxFollowUpEn)
            out += QStringLiteral("    %1\n").arg(s);
    }
    if (!r.verdict.notes.isEmpty()) {
        out += zh ? QStringLiteral("\n说明：\n") : QStringLiteral("\nNotes:\n");
        for (const RunNote &n : r.verdict.notes)
            out += QStringLiteral("  - %1\n").arg(zh ? n.textZh : n.text);
    }
    if (r.fix) {
        out += paint(zh
                ? QStringLiteral("\n修复（已重新运行验证：connected）：%1\n").arg(r.fix->titleZh)
                : QStringLiteral("\nFix (re-run: connected): %1\n").arg(r.fix->title),
            "1", color);
        out += QStringLiteral("  %1\n\n").arg(zh ? r.fix->explanationZh : r.fix->explanation);
        out += r.fix->codeDiff;
        if (!out.endsWith(u'\n'))
            out += u'\n';
    } else if (r.verdict.verdict != Verdict::Connected) {
        out += zh ? QStringLiteral("\n没有找到经重新运行验证的修复。\n")
                  : QStringLiteral("\nNo fix could be proven by a re-run.\n");
        for (const QString &a : r.fixAttempts)
            out += QStringLiteral("  tried: %1\n").arg(a);
    }
    if (r.profile.expect) {
        out += QStringLiteral("\nexpect: %1%2 — %3\n")
                   .arg(verdictName(r.profile.expect->verdict),
                       r.profile.expect->reason.isEmpty()
                           ? QString()
                           : QStringLiteral(" (%1)").arg(r.profile.expect->reason),
                       r.asExpected ? QStringLiteral("as expected")
                                    : QStringLiteral("NOT as expected"));
    }
    return out;
}

} // namespace corslab
