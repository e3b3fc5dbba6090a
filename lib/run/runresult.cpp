#include "runresult.h"

#include "cors/reasoncatalog.h"

namespace corslab {

RunVerdict RunJudge::judge(
    const ClientOutcome &client, const QList<CorsCheck> &checks, Browser browser)
{
    RunVerdict v;
    if (client.connected) {
        v.verdict = Verdict::Connected;
        v.transport = client.transport;
        return v;
    }
    if (client.failedCheck >= 0 && client.failedCheck < checks.size()) {
        const CorsCheck &check = checks.at(client.failedCheck);
        v.verdict = Verdict::Blocked;
        v.failedCheck = client.failedCheck;
        v.chromiumReason = check.chromium.reason.code;
        v.firefoxReason = check.firefox.reason.code;
        const BrowserOutcome own = browser == Browser::Firefox ? check.firefox : check.chromium;
        v.reason = own.reason.code;
        v.hint = own.reason.hint.value_or(QString());
        if (v.reason.isEmpty())
            v.reason = own.networkError;
        return v;
    }
    if (client.timedOut) {
        v.verdict = Verdict::Timeout;
        v.reason = QStringLiteral("timeout");
        return v;
    }
    if (client.hasConnectError && client.errorType == QLatin1String("Error")
        && !client.errorMessage.isEmpty() && client.errorMessage != QLatin1String("timeout")) {
        v.verdict = Verdict::Refused; // CONNECT_ERROR from the server (middleware, namespace)
        v.reason = client.errorMessage;
        return v;
    }
    if (client.httpStatus >= 400 || client.webSocketStatus >= 400) {
        v.verdict = Verdict::Refused;
        v.reason = !client.serverMessage.isEmpty()
            ? client.serverMessage
            : QStringLiteral("HTTP %1").arg(qMax(client.httpStatus, client.webSocketStatus));
        return v;
    }
    if (!client.netError.isEmpty() || client.hasConnectError) {
        v.verdict = Verdict::NetworkError;
        v.reason = !client.netError.isEmpty() ? client.netError : client.errorMessage;
        return v;
    }
    if (!client.disconnectReason.isEmpty()) {
        v.verdict = Verdict::NetworkError;
        v.reason = client.disconnectReason;
        return v;
    }
    v.verdict = Verdict::Timeout;
    v.reason = QStringLiteral("timeout");
    return v;
}

bool RunJudge::meets(const RunVerdict &verdict, const std::optional<Expectation> &expect)
{
    if (!expect)
        return verdict.verdict == Verdict::Connected;
    if (verdict.verdict != expect->verdict)
        return false;
    if (expect->reason.isEmpty())
        return true;
    return expect->reason == verdict.reason || expect->reason == verdict.chromiumReason
        || expect->reason == verdict.firefoxReason;
}

static QStringList firefoxArguments(
    const FirefoxReason &reason, const CorsCheck &check, const BrowserReason &r)
{
    QStringList args;
    for (const QString &name : reason.arguments) {
        if (name == QLatin1String("url"))
            args << check.url;
        else if (name == QLatin1String("status"))
            args << (check.status > 0 ? QString::number(check.status) : QStringLiteral("(null)"));
        else
            args << r.hint.value_or(QStringLiteral("(null)"));
    }
    return args;
}

BrowserMessages RunJudge::messagesFor(const CorsCheck &check, const QString &pageOrigin)
{
    const ReasonCatalog &catalog = ReasonCatalog::instance();
    BrowserMessages m;
    m.chromiumCode = check.chromium.reason.code;
    m.chromiumHint = check.chromium.reason.hint.value_or(QString());
    ChromiumMessageParams params;
    params.url = check.url;
    params.origin = check.origin.isEmpty() ? pageOrigin : check.origin;
    params.hint = m.chromiumHint;
    if (const auto text = catalog.chromiumMessage(m.chromiumCode, params))
        m.chromiumMessage = *text;
    NetworkLineParams line;
    line.method = check.method.isEmpty() ? QStringLiteral("GET") : check.method;
    line.url = check.url;
    line.status = check.stage == CorsStage::Preflight ? 0 : check.status;
    line.netError = check.chromium.networkError.isEmpty() ? QStringLiteral("net::ERR_FAILED")
                                                          : check.chromium.networkError;
    m.chromiumNetworkLine = catalog.companionLine(line);
    m.firefoxCode = check.firefox.reason.code;
    if (const auto reason = catalog.firefoxReason(m.firefoxCode)) {
        const QStringList args = firefoxArguments(*reason, check, check.firefox.reason);
        m.firefoxMessageEn = catalog.firefoxMessage(m.firefoxCode, QStringLiteral("en-US"), args)
                                 .value_or(QString());
        m.firefoxMessageZh = catalog.firefoxMessage(m.firefoxCode, QStringLiteral("zh-CN"), args)
                                 .value_or(QString());
    }
    for (const BrowserReason &also : check.firefox.alsoLogged) {
        if (const auto reason = catalog.firefoxReason(also.code)) {
            const QStringList args = firefoxArguments(*reason, check, also);
            m.firefoxFollowUpEn << catalog.firefoxMessage(also.code, QStringLiteral("en-US"), args)
                                       .value_or(also.code);
            m.firefoxFollowUpZh << catalog.firefoxMessage(also.code, QStringLiteral("zh-CN"), args)
                                       .value_or(also.code);
        }
    }
    return m;
}

QList<RunNote> RunJudge::notesFor(const Profile &profile, const RunResult &result)
{
    QList<RunNote> notes;
    const ClientConnectOptions &o = profile.client.options;
    const bool websocketOnly = !o.transports.isEmpty()
        && o.transports.first() == QLatin1String("websocket")
        && !o.transports.contains(QStringLiteral("polling"));
    bool crossOrigin = false;
    for (const CorsCheck &c : result.checks)
        crossOrigin = crossOrigin || c.crossOrigin;
    const bool pageCrossOrigin = result.pageOrigin != QStringLiteral("same-origin")
        && BrowserOrigin::fromText(result.pageOrigin).serialize()
            != BrowserOrigin::fromUrl(result.serverUrl).serialize();
    if (result.browser != Browser::Node && pageCrossOrigin
        && result.verdict.verdict == Verdict::Connected
        && result.verdict.transport == QLatin1String("websocket") && websocketOnly) {
        notes.append({QStringLiteral("websocket-only-hides-cors"),
            QStringLiteral(
                "The client only used WebSocket, and WebSocket handshakes are not covered by CORS: "
                "no CORS check ran. If WebSocket is unavailable (a proxy, a firewall) there is no "
                "HTTP long-polling fallback, and polling would need the cors option."),
            QStringLiteral("客户端只使用了 WebSocket，而 WebSocket 握手不受 CORS "
                           "约束：没有进行任何 CORS 检查。"
                           "如果 WebSocket 不可用（代理、防火墙），就没有 HTTP "
                           "长轮询作为后备，而长轮询需要 cors 选项。")});
    }
    if (result.verdict.verdict == Verdict::Blocked) {
        const QString sid = !result.client.engineId.isEmpty() ? result.client.engineId
                                                              : result.serverSessions.value(0);
        notes.append({QStringLiteral("cors-is-enforced-by-the-browser"),
            QStringLiteral(
                "The server answered: CORS is enforced by the browser, which refused to hand the "
                "response to the page. The request still reached the server%1.")
                .arg(sid.isEmpty()
                        ? QString()
                        : QStringLiteral(" and created an Engine.IO session (sid %1)").arg(sid)),
            QStringLiteral("服务器已经作出响应：CORS "
                           "由浏览器执行，是浏览器拒绝把响应交给页面。请求仍然到达了服务器%1。")
                .arg(sid.isEmpty()
                        ? QString()
                        : QStringLiteral("并创建了 Engine.IO 会话（sid %1）").arg(sid))});
        if (o.transports.contains(QStringLiteral("websocket")) && !websocketOnly) {
            notes.append({QStringLiteral("websocket-not-covered-by-cors"),
                QStringLiteral("WebSocket is not covered by CORS, but socket.io-client starts with "
                               "HTTP long-polling "
                               "and never reaches the upgrade when polling is blocked."),
                QStringLiteral("WebSocket 不受 CORS 约束，但 socket.io-client 先用 HTTP "
                               "长轮询连接，长轮询被阻止时根本不会走到升级这一步。")});
        }
    }
    if (result.verdict.verdict == Verdict::Refused && profile.server.proxy
        && profile.server.proxy->instances > 1 && !profile.server.proxy->stickyCookie
        && result.verdict.reason == QLatin1String("Session ID unknown")) {
        // socket.io-client sends the CONNECT POST, starts the next poll and opens the WebSocket
        // probe at once; the browser's connection scheduling decides which reaches the balancer
        // first, so the request the other instance refuses varies from run to run.
        notes.append({QStringLiteral("balancer-race"),
            QStringLiteral(
                "After the handshake the page sends the CONNECT POST, the next poll and the "
                "WebSocket probe at once; whichever reaches another instance first is refused, so "
                "from run to run the page sees \"xhr post error\" or \"xhr poll error\". Both "
                "mean the same thing: the session lives on one instance only."),
            QStringLiteral("握手之后，页面同时发出 CONNECT POST、下一次轮询和 WebSocket "
                           "探测；先到达另一个实例的请求会被拒绝，所以每次运行页面看到的可能是 "
                           "\"xhr post error\" 或 \"xhr poll "
                           "error\"。两者含义相同：会话只存在于一个实例上。")});
    }
    if (result.verdict.verdict == Verdict::Connected && result.client.upgradeFailed) {
        notes.append({QStringLiteral("upgrade-failed"),
            QStringLiteral(
                "Connected over HTTP long-polling, but the upgrade to WebSocket failed (%1): every "
                "message pays a request.")
                .arg(result.client.upgradeError),
            QStringLiteral("已通过 HTTP 长轮询连接，但升级到 WebSocket "
                           "失败（%1）：每条消息都要一次 HTTP 请求。")
                .arg(result.client.upgradeError)});
    }
    for (const CorsCheck &c : result.checks) {
        const BrowserOutcome own = c.outcome();
        for (const BrowserReason &w : own.warnings) {
            const auto en = ReasonCatalog::instance().explanation(w.code, QStringLiteral("en-US"));
            const auto zh = ReasonCatalog::instance().explanation(w.code, QStringLiteral("zh-CN"));
            if (std::none_of(notes.cbegin(), notes.cend(),
                    [&w](const RunNote &n) { return n.code == w.code; }))
                notes.append({w.code, en.value_or(w.code), zh.value_or(w.code)});
        }
        for (const BrowserReason &n : c.notes) {
            const auto en = ReasonCatalog::instance().explanation(n.code, QStringLiteral("en-US"));
            const auto zh = ReasonCatalog::instance().explanation(n.code, QStringLiteral("zh-CN"));
            if (std::none_of(notes.cbegin(), notes.cend(),
                    [&n](const RunNote &x) { return x.code == n.code; }))
                notes.append({n.code, en.value_or(n.code), zh.value_or(n.code)});
        }
    }
    return notes;
}

} // namespace corslab
