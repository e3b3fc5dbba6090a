#include "reportdocument.h"

#include "profile/profilewriter.h"

#include <QRegularExpression>

namespace corslab {

namespace {

// The parts both formats share, in the report's language.
struct Words {
    bool zh = false;
    QString t(const char *en, const char *zhText) const
    {
        return zh ? QString::fromUtf8(zhText) : QString::fromUtf8(en);
    }
};

QString title(const RunResult &r)
{
    return r.profile.name.isEmpty() ? r.profilePath : r.profile.name;
}

QString verdictLine(const RunResult &r)
{
    QString line = verdictName(r.verdict.verdict).toUpper();
    if (!r.verdict.reason.isEmpty())
        line += QStringLiteral(" — ") + r.verdict.reason;
    if (r.verdict.verdict == Verdict::Connected && !r.verdict.transport.isEmpty())
        line += QStringLiteral(" (%1)").arg(r.verdict.transport);
    return line;
}

QString connectErrorLine(const RunResult &r)
{
    if (!r.client.hasConnectError)
        return {};
    QString s = QStringLiteral("message \"%1\"").arg(r.client.errorMessage);
    if (!r.client.errorDescription.isEmpty())
        s += QStringLiteral(", description %1").arg(r.client.errorDescription);
    if (!r.client.errorData.isEmpty())
        s += QStringLiteral(", data %1").arg(r.client.errorData);
    return s;
}

QString timeText(qint64 us)
{
    return QString::number(double(us) / 1000.0, 'f', 1);
}

QString corsMark(const TimelineEvent &e)
{
    if (!e.passed)
        return {};
    return *e.passed ? QStringLiteral("✓") : QStringLiteral("✗");
}

// The events a reader wants in the table: everything but the server's own bookkeeping (which
// stays in the JSON and the app), as the CLI's timeline does.
bool inTable(const TimelineEvent &e)
{
    return e.kind != TimelineKind::ServerEvent || e.layer == QLatin1String("cors");
}

// Requests and responses with their header text, in order, up to the cap.
QList<const TimelineEvent *> exchanges(const RunResult &r, int *leftOut)
{
    QList<const TimelineEvent *> out;
    int skipped = 0;
    for (const TimelineEvent &e : r.events) {
        if ((e.kind != TimelineKind::Request && e.kind != TimelineKind::Response)
            || e.detail.isEmpty())
            continue;
        if (out.size() >= ReportDocument::MaxExchanges * 2)
            ++skipped;
        else
            out << &e;
    }
    *leftOut = skipped;
    return out;
}

// A fence longer than any backtick run inside the text.
QString fence(const QString &text)
{
    static const QRegularExpression ticks(QStringLiteral("`{3,}"));
    int longest = 2;
    auto it = ticks.globalMatch(text);
    while (it.hasNext())
        longest = qMax(longest, int(it.next().capturedLength()));
    return QString(longest + 1, u'`');
}

QString codeBlock(const QString &text, const QString &language)
{
    const QString f = fence(text);
    QString body = text;
    if (!body.endsWith(u'\n'))
        body += u'\n';
    return f + language + u'\n' + body + f + u'\n';
}

QString mdCell(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'|', QStringLiteral("\\|"));
    text.replace(u'\n', u' ');
    text.replace(u'<', QStringLiteral("&lt;"));
    return text;
}

QString exchangeTitle(const TimelineEvent &e)
{
    const QString firstLine = e.detail.section(u'\n', 0, 0);
    return QStringLiteral("#%1 %2").arg(e.seq).arg(firstLine);
}

QString profileJson(const RunResult &r)
{
    return QString::fromUtf8(ProfileWriter::toJson(r.profile));
}

} // namespace

QString ReportDocument::markdown(const QList<RunResult> &runs, const QString &lang)
{
    const Words w {lang == QLatin1String("zh-CN")};
    QString md;
    for (const RunResult &r : runs) {
        if (!md.isEmpty())
            md += QStringLiteral("\n---\n\n");
        md += QStringLiteral("## CorsLab: %1 (%2)\n\n").arg(title(r), browserName(r.browser));
        md += w.t("Page **%1** → server %2\n\n", "页面 **%1** → 服务器 %2\n\n")
                  .arg(r.pageOrigin, r.serverUrl);
        md += w.t("**Verdict: %1**\n\n", "**结论：%1**\n\n").arg(verdictLine(r));
        if (const QString ce = connectErrorLine(r); !ce.isEmpty())
            md += w.t("The page's `connect_error`: %1\n\n", "页面收到的 `connect_error`：%1\n\n")
                      .arg(ce);
        if (r.verdict.messages) {
            const BrowserMessages &m = *r.verdict.messages;
            md += w.t("### What the browsers print\n\n", "### 浏览器打印的内容\n\n");
            md += QStringLiteral("Chromium (`%1`):\n\n").arg(m.chromiumCode);
            md += codeBlock(m.chromiumMessage + u'\n' + m.chromiumNetworkLine, QString());
            md += QStringLiteral("\nFirefox (`%1`):\n\n").arg(m.firefoxCode);
            QStringList ff {w.zh ? m.firefoxMessageZh : m.firefoxMessageEn};
            ff << (w.zh ? m.firefoxFollowUpZh : m.firefoxFollowUpEn);
            md += codeBlock(ff.join(u'\n'), QString());
            md += u'\n';
        }
        if (!r.verdict.notes.isEmpty()) {
            md += w.t("### Notes\n\n", "### 说明\n\n");
            for (const RunNote &n : r.verdict.notes)
                md += QStringLiteral("- %1\n").arg(w.zh ? n.textZh : n.text);
            md += u'\n';
        }
        if (r.fix) {
            md += w.t("### Fix (proven by a re-run: connected)\n\n",
                "### 修复（已重新运行验证：connected）\n\n");
            md += (w.zh ? QStringLiteral("**%1**。%2\n\n") : QStringLiteral("**%1**. %2\n\n"))
                      .arg(w.zh ? r.fix->titleZh : r.fix->title,
                          w.zh ? r.fix->explanationZh : r.fix->explanation);
            md += codeBlock(r.fix->codeDiff, QStringLiteral("diff"));
            md += u'\n';
        } else if (r.verdict.verdict != Verdict::Connected) {
            md += w.t(
                "No fix could be proven by a re-run.\n\n", "没有找到经重新运行验证的修复。\n\n");
        }
        md += w.t("### Timeline\n\n", "### 时间线\n\n");
        md += w.t("| # | ms | step | lane | what | status | CORS |\n",
            "| # | 毫秒 | 步骤 | 泳道 | 内容 | 状态 | CORS |\n");
        md += QStringLiteral("|---:|---:|---|---|---|---:|:---:|\n");
        int rows = 0;
        int leftOut = 0;
        for (const TimelineEvent &e : r.events) {
            if (!inTable(e))
                continue;
            if (rows++ >= MaxTimelineRows) {
                ++leftOut;
                continue;
            }
            md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                      .arg(e.seq)
                      .arg(timeText(e.timeUs), timelineStepName(e.step), timelineSideName(e.side),
                          mdCell(e.summary), e.status ? QString::number(e.status) : QString(),
                          corsMark(e));
        }
        if (leftOut)
            md += w.t("\n(%1 more events left out; the JSON and the app have them all.)\n",
                       "\n（另有 %1 个事件未列出；JSON 和应用中有全部事件。）\n")
                      .arg(leftOut);
        int exchangesLeft = 0;
        const auto list = exchanges(r, &exchangesLeft);
        if (!list.isEmpty()) {
            md += w.t("\n### Headers\n\n", "\n### 头部\n\n");
            for (const TimelineEvent *e : list) {
                md += QStringLiteral("<details><summary>%1</summary>\n\n")
                          .arg(mdCell(exchangeTitle(*e)));
                md += codeBlock(e->detail, QStringLiteral("http"));
                md += QStringLiteral("\n</details>\n");
            }
            if (exchangesLeft)
                md += w.t("\n(%1 more requests and responses left out.)\n",
                           "\n（另有 %1 个请求和响应未列出。）\n")
                          .arg(exchangesLeft);
        }
        md += w.t("\n<details><summary>Profile to reproduce this (save as "
                  "<code>x.corslab.json</code>, run <code>corslab-cli run "
                  "x.corslab.json</code>)</summary>\n\n",
            "\n<details><summary>用于重现的配置文件（保存为 <code>x.corslab.json</code>，运行 "
            "<code>corslab-cli run x.corslab.json</code>）</summary>\n\n");
        md += codeBlock(profileJson(r), QStringLiteral("json"));
        md += QStringLiteral("\n</details>\n");
    }
    return md;
}

QString ReportDocument::html(
    const QList<RunResult> &runs, const QString &lang, const QList<QByteArray> &pictures)
{
    const Words w {lang == QLatin1String("zh-CN")};
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString body;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const RunResult &r = runs.at(i);
        const bool ok = r.verdict.verdict == Verdict::Connected;
        body += QStringLiteral("<section>\n<h1>%1 <small>%2</small></h1>\n")
                    .arg(esc(title(r)), esc(browserName(r.browser)));
        if (!r.profile.description.isEmpty())
            body += QStringLiteral("<p>%1</p>\n").arg(esc(r.profile.description));
        body += QStringLiteral("<p class=\"where\">%1</p>\n")
                    .arg(w.t("Page <b>%1</b> → server <b>%2</b>",
                              "页面 <b>%1</b> → 服务器 <b>%2</b>")
                             .arg(esc(r.pageOrigin), esc(r.serverUrl)));
        body += QStringLiteral("<div class=\"banner %1\"><div class=\"verdict\">%2</div>\n")
                    .arg(ok ? QStringLiteral("ok") : QStringLiteral("bad"), esc(verdictLine(r)));
        if (const QString ce = connectErrorLine(r); !ce.isEmpty())
            body += QStringLiteral("<p>%1 <code>%2</code></p>\n")
                        .arg(w.t("The page's connect_error:", "页面收到的 connect_error："),
                            esc(ce));
        if (r.verdict.messages) {
            const BrowserMessages &m = *r.verdict.messages;
            QStringList ff {w.zh ? m.firefoxMessageZh : m.firefoxMessageEn};
            ff << (w.zh ? m.firefoxFollowUpZh : m.firefoxFollowUpEn);
            body += QStringLiteral("<h3>%1 <code>%2</code></h3><pre>%3\n%4</pre>\n")
                        .arg(w.t("Chrome says", "Chrome 显示"), esc(m.chromiumCode),
                            esc(m.chromiumMessage), esc(m.chromiumNetworkLine));
            body += QStringLiteral("<h3>%1 <code>%2</code></h3><pre>%3</pre>\n")
                        .arg(w.t("Firefox says", "Firefox 显示"), esc(m.firefoxCode),
                            esc(ff.join(u'\n')));
        }
        body += QStringLiteral("</div>\n");
        if (!r.verdict.notes.isEmpty()) {
            body += QStringLiteral("<h2>%1</h2><ul>\n").arg(w.t("Notes", "说明"));
            for (const RunNote &n : r.verdict.notes)
                body += QStringLiteral("<li>%1</li>\n").arg(esc(w.zh ? n.textZh : n.text));
            body += QStringLiteral("</ul>\n");
        }
        if (r.fix) {
            body += QStringLiteral("<h2>%1</h2><p><b>%2</b>. %3</p>\n<pre class=\"diff\">")
                        .arg(w.t("Fix (proven by a re-run: connected)",
                                 "修复（已重新运行验证：connected）"),
                            esc(w.zh ? r.fix->titleZh : r.fix->title),
                            esc(w.zh ? r.fix->explanationZh : r.fix->explanation));
            for (const QString &line : r.fix->codeDiff.split(u'\n')) {
                const QString cls = line.startsWith(u'+') && !line.startsWith(QLatin1String("+++"))
                    ? QStringLiteral("add")
                    : line.startsWith(u'-') && !line.startsWith(QLatin1String("---"))
                    ? QStringLiteral("del")
                    : QString();
                body += cls.isEmpty()
                    ? esc(line) + u'\n'
                    : QStringLiteral("<span class=\"%1\">%2</span>\n").arg(cls, esc(line));
            }
            body += QStringLiteral("</pre>\n");
        } else if (!ok) {
            body += QStringLiteral("<p>%1</p>\n")
                        .arg(w.t("No fix could be proven by a re-run.",
                            "没有找到经重新运行验证的修复。"));
        }
        if (i < pictures.size() && !pictures.at(i).isEmpty())
            body += QStringLiteral("<h2>%1</h2><img class=\"diagram\" alt=\"%2\" "
                                   "src=\"data:image/png;base64,%3\">\n")
                        .arg(w.t("Sequence diagram", "时序图"), w.t("timeline", "时间线"),
                            QString::fromLatin1(pictures.at(i).toBase64()));
        body += QStringLiteral("<h2>%1</h2>\n<table>\n<tr><th>#</th><th>%2</th><th>%3</th>"
                               "<th>%4</th><th>%5</th><th>%6</th><th>CORS</th></tr>\n")
                    .arg(w.t("Timeline", "时间线"), w.t("ms", "毫秒"), w.t("step", "步骤"),
                        w.t("lane", "泳道"), w.t("what", "内容"), w.t("status", "状态"));
        int rows = 0;
        int leftOut = 0;
        for (const TimelineEvent &e : r.events) {
            if (!inTable(e))
                continue;
            if (rows++ >= MaxTimelineRows) {
                ++leftOut;
                continue;
            }
            const QString mark = corsMark(e);
            body += QStringLiteral("<tr class=\"%1\"><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                                   "<td>%6</td><td>%7</td><td class=\"%8\">%9</td></tr>\n")
                        .arg(timelineKindName(e.kind))
                        .arg(e.seq)
                        .arg(timeText(e.timeUs), timelineStepName(e.step), timelineSideName(e.side),
                            esc(e.summary), e.status ? QString::number(e.status) : QString(),
                            e.passed ? (*e.passed ? QStringLiteral("pass") : QStringLiteral("fail"))
                                     : QString(),
                            mark);
        }
        body += QStringLiteral("</table>\n");
        if (leftOut)
            body += QStringLiteral("<p>%1</p>\n")
                        .arg(w.t("%1 more events left out; the JSON and the app have them all.",
                                  "另有 %1 个事件未列出；JSON 和应用中有全部事件。")
                                 .arg(leftOut));
        int exchangesLeft = 0;
        const auto list = exchanges(r, &exchangesLeft);
        if (!list.isEmpty()) {
            body += QStringLiteral("<h2>%1</h2>\n").arg(w.t("Headers", "头部"));
            for (const TimelineEvent *e : list)
                body += QStringLiteral("<details><summary>%1</summary><pre>%2</pre></details>\n")
                            .arg(esc(exchangeTitle(*e)), esc(e->detail));
            if (exchangesLeft)
                body += QStringLiteral("<p>%1</p>\n")
                            .arg(w.t("%1 more requests and responses left out.",
                                      "另有 %1 个请求和响应未列出。")
                                     .arg(exchangesLeft));
        }
        body
            += QStringLiteral("<details><summary>%1</summary><pre>%2</pre></details>\n</section>\n")
                   .arg(
                       w.t("Profile to reproduce this (save as x.corslab.json, run corslab-cli run "
                           "x.corslab.json)",
                           "用于重现的配置文件（保存为 x.corslab.json，运行 corslab-cli run "
                           "x.corslab.json）"),
                       esc(profileJson(r)));
    }
    const QString pageTitle = runs.isEmpty()
        ? QStringLiteral("CorsLab")
        : QStringLiteral("CorsLab: %1").arg(esc(title(runs.constFirst())));
    return QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"CorsLab %2\">\n<title>%3</title>\n<style>\n"
        ":root { color-scheme: light dark; --ok: #1a7f37; --bad: #cf222e; --muted: #6e7781; }\n"
        "body { font: 15px/1.45 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; "
        "padding: 0 1rem; }\n"
        "h1 small { font-weight: normal; color: var(--muted); }\n"
        ".banner { border-left: 6px solid; padding: .5rem 1rem; margin: 1rem 0; }\n"
        ".banner.ok { border-color: var(--ok); } .banner.bad { border-color: var(--bad); }\n"
        ".verdict { font-size: 1.6rem; font-weight: bold; }\n"
        ".ok .verdict { color: var(--ok); } .bad .verdict { color: var(--bad); }\n"
        "pre { background: rgba(127,127,127,.12); padding: .6rem; overflow-x: auto; "
        "white-space: pre-wrap; word-break: break-all; }\n"
        ".add { color: var(--ok); } .del { color: var(--bad); }\n"
        "table { border-collapse: collapse; width: 100%; font-size: 13px; }\n"
        "td, th { border-bottom: 1px solid rgba(127,127,127,.3); padding: 2px 6px; "
        "text-align: left; vertical-align: top; }\n"
        "td.pass { color: var(--ok); } td.fail { color: var(--bad); font-weight: bold; }\n"
        "tr.server-event td { color: var(--muted); }\n"
        "img.diagram { max-width: 100%; border: 1px solid rgba(127,127,127,.3); }\n"
        "</style>\n</head>\n<body>\n%4<footer><p><small>CorsLab %2</small></p></footer>\n"
        "</body>\n</html>\n")
        .arg(w.zh ? QStringLiteral("zh-CN") : QStringLiteral("en"), QStringLiteral(CORSLAB_VERSION),
            pageTitle, body);
}

} // namespace corslab
