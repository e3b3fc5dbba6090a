#include "harimport.h"

#include "engineio/engineiopacket.h"
#include "engineio/engineiopayload.h"
#include "socketio/socketiopacket.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

namespace corslab {

namespace {

// engine.io-client's own request headers (besides the page's extraHeaders).
const QString EngineContentType = QStringLiteral("text/plain;charset=UTF-8");

QString queryValue(const QUrl &url, const QString &key)
{
    const QUrlQuery q(url);
    return q.hasQueryItem(key) ? q.queryItemValue(key, QUrl::FullyDecoded) : QString();
}

bool hasQueryKey(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).hasQueryItem(key);
}

QString pathAndQuery(const QUrl &url)
{
    return url.path() + (url.hasQuery() ? u'?' + url.query(QUrl::FullyEncoded) : QString());
}

QString headersText(const QList<BrowserHeader> &headers)
{
    QStringList lines;
    for (const BrowserHeader &h : headers)
        lines << h.name + QStringLiteral(": ") + h.value;
    return lines.join(u'\n');
}

QString jsonText(const QString &s)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject {{QStringLiteral("v"), s}}).toJson(QJsonDocument::Compact))
        .mid(5)
        .chopped(1);
}

enum class EntryKind { Preflight, Polling, WebSocket };

struct Item {
    const HarEntry *entry = nullptr;
    EntryKind kind = EntryKind::Polling;
    QUrl url;
    QString sid;
    const HarEntry *preflight = nullptr; // for a polling request: its preflight
};

bool recordedFailure(const HarEntry &e)
{
    return e.status == 0 || !e.error.isEmpty() || !e.corsError.isEmpty();
}

QString displayName(Browser b)
{
    return b == Browser::Firefox ? QStringLiteral("Firefox") : QStringLiteral("Chromium");
}

bool hasResponse(const HarEntry &e)
{
    return e.status > 0 || !e.responseHeaders.isEmpty();
}

class Importer {
public:
    Importer(const HarLog &log, const HarImportOptions &options)
        : m_log(log)
        , m_options(options)
    { }

    HarImportResult run();

private:
    void select();
    void resolvePageOrigin();
    QList<BrowserHeader> pageHeaders(const HarEntry &e) const;
    BrowserRequest xhrRequest(const HarEntry &e, CredentialsMode mode) const;
    BrowserRequest requestFromPreflight(const HarEntry &p, CredentialsMode mode) const;
    CorsCheck judgeXhr(const Item &item, CredentialsMode mode, CorsCheck *preflight) const;
    void inferCredentials();
    void replay();
    void replayInOrder();
    bool replayPolling(const Item &item);
    bool replayWebSocket(const Item &item);
    // Something the page receives later than the request that brought it: a WebSocket message,
    // or the packets of a polling response (at the response's end).
    struct PendingMessage {
        HarWebSocketMessage message;
        bool probe = false;
        int exchange = 0;
        QString url;
        std::optional<QString> pollBody; // set: a polling response's payload
        double atMs = 0; // 0: unknown (replayed before the next request)
    };
    void enqueue(PendingMessage pending);
    // false: the page saw connect_error (unless all, which replays everything left: what the HAR
    // recorded after the failure still belongs on the timeline, the outcome is settled).
    bool flushMessages(double untilMs, bool all = false);
    bool replayMessage(const PendingMessage &pending);
    void incomingPacket(const EngineIoPacket &p);
    void outgoingPacket(const EngineIoPacket &p);
    int record(TimelineEvent e);
    int recordCheck(const CorsCheck &check, TimelineStep step, int exchange, const QString &layer);
    void recordPage(TimelineStep step, const QString &summary, const QString &detail = {});
    void recordPacket(bool outgoing, TimelineStep step, const QString &summary, const QString &raw,
        const QString &layer);
    void connectError(const QString &message, const QString &description, const QString &type);
    void inferProfile();
    void limit(const QString &en, const QString &zh)
    {
        m_result.limits << en;
        m_result.limitsZh << zh;
    }
    void infer(const QString &field, const QString &value, const QString &because)
    {
        m_result.inferences.append({field, value, because});
    }
    TimelineStep stepOf(const Item &item) const;

    const HarLog &m_log;
    HarImportOptions m_options;
    HarImportResult m_result;
    Browser m_browser = Browser::Chromium;
    QList<Item> m_items;
    QString m_pageOrigin; // serialised, or "same-origin"
    QString m_pageOriginWhy;
    QString m_serverOrigin;
    CredentialsMode m_credentials = CredentialsMode::SameOrigin;
    bool m_withCredentials = false;
    QString m_withCredentialsWhy;
    // replay state
    QList<TimelineEvent> m_events;
    QList<CorsCheck> m_checks;
    int m_exchange = 0;
    qint64 m_t0Ms = -1;
    qint64 m_nowUs = 0;
    ClientOutcome m_client;
    QString m_sid;
    QString m_namespace = QStringLiteral("/");
    bool m_socketConnected = false;
    bool m_upgraded = false;
    QString m_transport;
    SocketIoDecoder m_decoder;
    std::optional<JsonNode> m_auth;
    bool m_bodiesMissing = false;
    bool m_postAfterOpen = false;
    bool m_pollAfterPost = false;
    bool m_websocketSeen = false;
    bool m_marksFailures = true; // the recorder writes _error for refused requests (Chrome does)
    bool m_websocketFirst = false;
    int m_eio = 4;
    QList<PendingMessage> m_pending; // WebSocket messages not yet replayed, in time order
    double m_lastPollAtMs = 0;
};

HarImportResult Importer::run()
{
    m_result.totalEntries = int(m_log.entries.size());
    const auto recorded = HarImport::recordingBrowser(m_log);
    m_result.browserKnown = recorded.has_value();
    m_result.recordedBy = recorded.value_or(Browser::Chromium);
    m_browser = m_options.browser.value_or(m_result.recordedBy);
    if (!recorded && !m_options.browser)
        limit(QStringLiteral(
                  "the HAR does not say which browser recorded it (creator \"%1\"): judged with "
                  "Chromium's rules (--browser firefox to judge with Firefox's)")
                  .arg(m_log.creatorName),
            QStringLiteral("HAR 没有说明是哪个浏览器录制的（creator \"%1\"）：按 Chromium "
                           "的规则判定（用 --browser firefox 按 Firefox 的规则判定）")
                .arg(m_log.creatorName));
    m_marksFailures = !m_log.creatorName.contains(QLatin1String("firefox"), Qt::CaseInsensitive);
    select();
    if (!m_result.error.isEmpty())
        return m_result;
    resolvePageOrigin();
    inferCredentials();
    replay();
    inferProfile();
    RunResult &r = m_result.run;
    r.browser = m_browser;
    r.profile = m_result.profile;
    r.profilePath = m_options.sourceName;
    r.serverUrl = m_serverOrigin;
    r.pageOrigin = m_pageOrigin == ClientOptions::SameOrigin ? m_serverOrigin : m_pageOrigin;
    r.events = m_events;
    r.checks = m_checks;
    r.client = m_client;
    if (!m_sid.isEmpty())
        r.serverSessions << m_sid;
    r.verdict = RunJudge::judge(m_client, m_checks, m_browser);
    if (r.verdict.failedCheck >= 0)
        r.verdict.messages
            = RunJudge::messagesFor(m_checks.at(r.verdict.failedCheck), r.pageOrigin);
    r.verdict.notes = RunJudge::notesFor(m_result.profile, r);
    r.verdict.notes.prepend({QStringLiteral("imported-from-har"),
        QStringLiteral("Imported from a HAR recorded by %1: every request was judged again with "
                       "%2's CORS rules; nothing was sent.")
            .arg(
                m_log.creatorName.isEmpty() ? QStringLiteral("an unknown tool") : m_log.creatorName,
                displayName(m_browser)),
        QStringLiteral(
            "从 %1 录制的 HAR 导入：每个请求都按 %2 的 CORS 规则重新判定，没有发送任何请求。")
            .arg(m_log.creatorName.isEmpty() ? QStringLiteral("未知工具") : m_log.creatorName,
                displayName(m_browser))});
    for (qsizetype i = 0; i < m_result.limits.size(); ++i)
        r.verdict.notes.append(
            {QStringLiteral("har-limit"), m_result.limits.at(i), m_result.limitsZh.value(i)});
    r.asExpected = true;
    TimelineEvent v;
    v.side = TimelineSide::Page;
    v.layer = QStringLiteral("verdict");
    v.step = TimelineStep::Verdict;
    v.kind = TimelineKind::Note;
    v.summary = QStringLiteral("verdict: %1%2")
                    .arg(verdictName(r.verdict.verdict),
                        r.verdict.reason.isEmpty() ? QString()
                                                   : QStringLiteral(" (%1)").arg(r.verdict.reason));
    v.timeUs = m_nowUs;
    v.seq = int(m_events.size()) + 1;
    r.events.append(v);
    m_result.profile.expect = Expectation {r.verdict.verdict, r.verdict.reason, {}};
    r.profile = m_result.profile;
    return m_result;
}

void Importer::select()
{
    // Entries in the order they started (Chrome writes them so; other tools may not).
    QList<const HarEntry *> ordered;
    for (const HarEntry &e : m_log.entries)
        ordered << &e;
    QHash<const HarEntry *, qint64> starts;
    for (const HarEntry *e : ordered) {
        const QDateTime t = QDateTime::fromString(e->startedDateTime, Qt::ISODateWithMs);
        starts.insert(e, t.isValid() ? t.toMSecsSinceEpoch() : qint64(-1));
    }
    const bool allTimed = std::all_of(
        ordered.begin(), ordered.end(), [&](const HarEntry *e) { return starts.value(e) >= 0; });
    if (allTimed)
        std::stable_sort(ordered.begin(), ordered.end(), [&](const HarEntry *a, const HarEntry *b) {
            return starts.value(a) < starts.value(b);
        });

    QSet<QString> enginePaths;
    for (const HarEntry *e : ordered) {
        if (HarImport::isEngineIoUrl(e->url))
            enginePaths.insert(QUrl(e->url).path());
    }
    if (enginePaths.isEmpty()) {
        m_result.error = QStringLiteral(
            "no Socket.IO requests in this HAR: %1 entries, none with EIO= in the URL")
                             .arg(m_log.entries.size());
        return;
    }
    // Attempts: a handshake (no sid) starts one; only the first is judged.
    QList<Item> all;
    int attempts = 0;
    bool afterFirst = false;
    for (const HarEntry *e : ordered) {
        const QUrl url(e->url);
        const bool options = e->method.compare(QLatin1String("OPTIONS"), Qt::CaseInsensitive) == 0
            || e->resourceType == QLatin1String("preflight");
        if (!HarImport::isEngineIoUrl(e->url) && !(options && enginePaths.contains(url.path())))
            continue;
        Item item;
        item.entry = e;
        item.url = url;
        item.sid = queryValue(url, QStringLiteral("sid"));
        if (options)
            item.kind = EntryKind::Preflight;
        else if (e->resourceType == QLatin1String("websocket") || url.scheme().startsWith(u"ws")
            || queryValue(url, QStringLiteral("transport")) == QLatin1String("websocket"))
            item.kind = EntryKind::WebSocket;
        else
            item.kind = EntryKind::Polling;
        if (item.kind != EntryKind::Preflight && item.sid.isEmpty()) {
            ++attempts;
            if (attempts > 1)
                afterFirst = true;
        }
        if (afterFirst)
            continue;
        all << item;
    }
    m_result.connectionAttempts = attempts;
    if (attempts > 1)
        limit(
            QStringLiteral(
                "the HAR holds %1 connection attempts (socket.io-client reconnects): the first one "
                "is judged")
                .arg(attempts),
            QStringLiteral("HAR 中有 %1 次连接尝试（socket.io-client 会重连）：只判定第一次")
                .arg(attempts));
    // Pair each preflight with the request it was made for (Chrome gives both the same URL; it
    // reports the request before its preflight, CorsLab's export after it).
    QList<bool> paired(all.size(), false);
    QHash<QString, QList<qsizetype>> pollingByUrl; // unpaired polling requests, in order
    for (qsizetype j = 0; j < all.size(); ++j) {
        if (all[j].kind == EntryKind::Polling)
            pollingByUrl[all[j].entry->url].append(j);
    }
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all[i].kind != EntryKind::Preflight)
            continue;
        QList<qsizetype> &candidates = pollingByUrl[all[i].entry->url];
        if (candidates.isEmpty())
            continue;
        // The first one after the preflight, else the last one before it.
        qsizetype pick = candidates.size() - 1;
        for (qsizetype k = 0; k < candidates.size(); ++k) {
            if (candidates.at(k) > i) {
                pick = k;
                break;
            }
        }
        all[candidates.at(pick)].preflight = all[i].entry;
        candidates.removeAt(pick);
        paired[i] = true;
    }
    // An unpaired preflight stands for a request that was never sent.
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (!paired[i])
            m_items << all[i];
    }
    m_result.socketIoEntries = 0;
    for (const Item &item : m_items)
        m_result.socketIoEntries += item.preflight ? 2 : 1;
    const QUrl first = m_items.first().url;
    QUrl origin = first;
    if (origin.scheme() == QLatin1String("ws"))
        origin.setScheme(QStringLiteral("http"));
    else if (origin.scheme() == QLatin1String("wss"))
        origin.setScheme(QStringLiteral("https"));
    m_serverOrigin = BrowserOrigin::fromUrl(origin.toString()).serialize();
    const QString eio = queryValue(first, QStringLiteral("EIO"));
    m_eio = eio == QLatin1String("3") ? 3 : 4;
}

void Importer::resolvePageOrigin()
{
    for (const Item &item : m_items) {
        const HarEntry &e = item.preflight ? *item.preflight : *item.entry;
        if (const auto origin = e.requestHeader(u"Origin"); origin && !origin->isEmpty()) {
            m_pageOrigin = *origin;
            m_pageOriginWhy = QStringLiteral("the Origin header of %1 %2")
                                  .arg(e.method, pathAndQuery(QUrl(e.url)));
            break;
        }
    }
    if (m_pageOrigin.isEmpty()) {
        const QString pageref = m_items.first().entry->pageref;
        for (const HarPage &p : m_log.pages) {
            const QUrl u(p.title);
            if (p.id == pageref && u.isValid() && u.scheme().startsWith(u"http")) {
                m_pageOrigin = BrowserOrigin::fromUrl(p.title).serialize();
                m_pageOriginWhy = QStringLiteral("the page URL in log.pages (%1)").arg(p.title);
                break;
            }
        }
    }
    if (m_pageOrigin.isEmpty()) {
        for (const Item &item : m_items) {
            if (const auto referer = item.entry->requestHeader(u"Referer")) {
                m_pageOrigin = BrowserOrigin::fromUrl(*referer).serialize();
                m_pageOriginWhy = QStringLiteral("the Referer header (%1)").arg(*referer);
                break;
            }
        }
    }
    if (m_pageOrigin.isEmpty()) {
        m_pageOrigin = m_serverOrigin;
        m_pageOriginWhy = QStringLiteral(
            "no Origin, page URL or Referer: browsers send no Origin on a same-origin GET, so "
            "the page is taken to be on the server's origin");
        limit(QStringLiteral(
                  "the page's origin is not in the HAR (no Origin header, page URL or Referer); "
                  "same-origin assumed"),
            QStringLiteral(
                "HAR 中没有页面的源（没有 Origin 头、页面 URL 或 Referer）：假定为同源"));
    }
}

bool browserAddedHeader(QStringView name)
{
    static const QStringList added = {QStringLiteral("host"), QStringLiteral("connection"),
        QStringLiteral("content-length"), QStringLiteral("user-agent"),
        QStringLiteral("accept-encoding"), QStringLiteral("accept-language"),
        QStringLiteral("origin"), QStringLiteral("referer"), QStringLiteral("cookie"),
        QStringLiteral("pragma"), QStringLiteral("cache-control"), QStringLiteral("dnt"),
        QStringLiteral("te"), QStringLiteral("priority"), QStringLiteral("keep-alive"),
        QStringLiteral("upgrade"), QStringLiteral("upgrade-insecure-requests"),
        QStringLiteral("proxy-connection"), QStringLiteral("access-control-request-method"),
        QStringLiteral("access-control-request-headers"),
        QStringLiteral("access-control-request-private-network")};
    const QString lower = name.toString().toLower();
    return added.contains(lower) || lower.startsWith(u"sec-");
}

QList<BrowserHeader> Importer::pageHeaders(const HarEntry &e) const
{
    QList<BrowserHeader> out;
    for (const BrowserHeader &h : e.requestHeaders) {
        if (!browserAddedHeader(h.name))
            out << h;
    }
    return out;
}

BrowserRequest Importer::xhrRequest(const HarEntry &e, CredentialsMode mode) const
{
    BrowserRequest r;
    r.browser = m_browser;
    r.api = RequestApi::XmlHttpRequest;
    r.method = e.method;
    r.url = e.url;
    r.pageOrigin = m_pageOrigin;
    r.headers = pageHeaders(e);
    r.credentials = mode;
    r.hasBody = e.requestBody.has_value() && !e.requestBody->isEmpty();
    // Recorded traffic reached the server: Local Network Access let it through.
    r.pageAddress = QStringLiteral("127.0.0.1");
    r.targetAddress = QStringLiteral("127.0.0.1");
    return r;
}

BrowserRequest Importer::requestFromPreflight(const HarEntry &p, CredentialsMode mode) const
{
    BrowserRequest r = xhrRequest(p, mode);
    r.method = p.requestHeader(u"Access-Control-Request-Method").value_or(QStringLiteral("GET"));
    r.headers.clear();
    const QStringList names = p.requestHeader(u"Access-Control-Request-Headers")
                                  .value_or(QString())
                                  .split(u',', Qt::SkipEmptyParts);
    for (const QString &raw : names) {
        const QString name = raw.trimmed();
        // The preflight lists the names only; a listed name was CORS-unsafe, whatever its value.
        r.headers.append({name,
            name.compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0
                ? QStringLiteral("application/json")
                : QStringLiteral("x")});
    }
    r.hasBody = r.method != QLatin1String("GET") && r.method != QLatin1String("HEAD");
    return r;
}

BrowserResponse toResponse(const HarEntry &e)
{
    BrowserResponse r;
    r.status = e.status;
    r.headers = e.responseHeaders;
    return r;
}

// The check of the request in mode; *preflight gets the preflight's check when there was one.
CorsCheck Importer::judgeXhr(const Item &item, CredentialsMode mode, CorsCheck *preflight) const
{
    const HarEntry &e = *item.entry;
    const bool onlyPreflight = item.kind == EntryKind::Preflight;
    const BrowserCors cors(onlyPreflight ? requestFromPreflight(e, mode) : xhrRequest(e, mode));
    const HarEntry *p = onlyPreflight ? &e : item.preflight;
    if (p) {
        // A preflight is judged against what it asked for (its Access-Control-Request-*).
        const CorsCheck check
            = BrowserCors(requestFromPreflight(*p, mode)).checkPreflight(toResponse(*p));
        if (preflight)
            *preflight = check;
        if (!check.passed() || onlyPreflight)
            return check;
    }
    return cors.checkResponse(toResponse(e));
}

void Importer::inferCredentials()
{
    const bool crossOrigin = BrowserOrigin::fromText(m_pageOrigin).serialize() != m_serverOrigin;
    m_credentials = BrowserRequest::xhrCredentials(false);
    if (!crossOrigin) {
        m_withCredentialsWhy = QStringLiteral(
            "the page is on the server's origin: cookies go with every request either way");
        return;
    }
    for (const Item &item : m_items) {
        if (item.kind == EntryKind::Polling && item.entry->requestHeader(u"Cookie")) {
            m_withCredentials = true;
            m_withCredentialsWhy = QStringLiteral(
                "%1 %2 carried cookies to another origin, which XMLHttpRequest does only with "
                "withCredentials")
                                       .arg(item.entry->method, pathAndQuery(item.url));
            m_credentials = CredentialsMode::Include;
            return;
        }
    }
    // No cookies: the mode under which the re-judgement agrees with what the browser recorded.
    if (!m_marksFailures) {
        m_withCredentialsWhy = QStringLiteral(
            "no cookies went with the cross-origin requests, and %1's HAR does not mark which "
            "requests CORS refused: false (socket.io-client's default)")
                                   .arg(m_log.creatorName);
        limit(QStringLiteral(
                  "withCredentials cannot be told from this HAR (no cookies sent, failures not "
                  "marked): judged as false"),
            QStringLiteral("无法从这个 HAR 判断 withCredentials（没有发送 "
                           "Cookie，浏览器也没有标记失败）：按 false 判定"));
        return;
    }
    for (const Item &item : m_items) {
        if (item.kind == EntryKind::WebSocket)
            continue;
        const HarEntry &e
            = item.preflight && recordedFailure(*item.preflight) ? *item.preflight : *item.entry;
        if (!hasResponse(e))
            continue;
        const bool omitPasses
            = judgeXhr(item, BrowserRequest::xhrCredentials(false), nullptr).passed();
        const bool includePasses = judgeXhr(item, CredentialsMode::Include, nullptr).passed();
        if (omitPasses == includePasses)
            continue;
        const bool failed = recordedFailure(e);
        if (includePasses != failed && omitPasses == failed) {
            m_withCredentials = true;
            m_credentials = CredentialsMode::Include;
            m_withCredentialsWhy = QStringLiteral(
                "no cookies were sent, but the browser refused %1 %2, which passes without "
                "credentials and fails with them: the request was credentialed")
                                       .arg(e.method, pathAndQuery(item.url));
        } else {
            m_withCredentialsWhy = QStringLiteral(
                "the browser accepted %1 %2, which fails with credentials: the request was not "
                "credentialed")
                                       .arg(e.method, pathAndQuery(item.url));
        }
        return;
    }
    m_withCredentialsWhy = QStringLiteral(
        "no cookies went with the cross-origin requests and the recorded outcomes do not depend "
        "on it: false (socket.io-client's default)");
}

TimelineStep Importer::stepOf(const Item &item) const
{
    if (item.kind == EntryKind::Preflight)
        return TimelineStep::Preflight;
    if (item.kind == EntryKind::WebSocket)
        return item.sid.isEmpty() ? TimelineStep::Handshake : TimelineStep::Upgrade;
    if (item.sid.isEmpty())
        return TimelineStep::Handshake;
    if (item.entry->method.compare(QLatin1String("POST"), Qt::CaseInsensitive) == 0)
        return m_socketConnected ? TimelineStep::Send : TimelineStep::Connect;
    return TimelineStep::Poll;
}

int Importer::record(TimelineEvent e)
{
    e.seq = int(m_events.size()) + 1;
    if (e.timeUs == 0)
        e.timeUs = m_nowUs;
    m_nowUs = qMax(m_nowUs, e.timeUs);
    m_events.append(e);
    return e.seq;
}

void Importer::recordPage(TimelineStep step, const QString &summary, const QString &detail)
{
    TimelineEvent e;
    e.side = TimelineSide::Page;
    e.layer = QStringLiteral("page");
    e.step = step;
    e.kind = TimelineKind::PageEvent;
    e.summary = summary;
    e.detail = detail;
    record(e);
}

void Importer::recordPacket(bool outgoing, TimelineStep step, const QString &summary,
    const QString &raw, const QString &layer)
{
    TimelineEvent e;
    e.side = TimelineSide::Page;
    e.layer = layer;
    e.step = step;
    e.kind = TimelineKind::Packet;
    e.outgoing = outgoing;
    e.summary = (outgoing ? QStringLiteral("→ ") : QStringLiteral("← ")) + summary;
    e.detail = raw;
    e.raw = raw.toUtf8();
    record(e);
}

int Importer::recordCheck(
    const CorsCheck &check, TimelineStep step, int exchange, const QString &layer)
{
    const int index = int(m_checks.size());
    m_checks.append(check);
    const BrowserOutcome outcome = check.outcome();
    TimelineEvent e;
    e.side = TimelineSide::Browser;
    e.layer = layer;
    e.step = step;
    e.kind = TimelineKind::Check;
    e.exchange = exchange;
    e.url = check.url;
    e.method = check.method;
    e.status = check.status;
    e.checkIndex = index;
    e.passed = outcome.passed;
    const QString stage = check.stage == CorsStage::Preflight ? QStringLiteral("preflight")
        : check.stage == CorsStage::Redirect                  ? QStringLiteral("redirect")
        : check.stage == CorsStage::BeforeRequest             ? QStringLiteral("request")
                                                              : QStringLiteral("response");
    if (!outcome.applies || (!check.corsApplies && outcome.passed))
        e.summary = QStringLiteral("%1: no CORS check (%2)")
                        .arg(stage,
                            check.crossOrigin ? QStringLiteral("not a CORS request")
                                              : QStringLiteral("same origin"));
    else if (outcome.passed)
        e.summary = QStringLiteral("CORS %1 check passed").arg(stage);
    else
        e.summary = QStringLiteral("CORS %1 check failed: %2%3")
                        .arg(stage, outcome.reason.code,
                            outcome.reason.hint ? QStringLiteral(" (%1)").arg(*outcome.reason.hint)
                                                : QString());
    QStringList detail;
    detail << QStringLiteral("origin: %1").arg(check.origin)
           << QStringLiteral("credentials: %1")
                  .arg(check.credentials == CredentialsMode::Include ? QStringLiteral("include")
                          : check.credentials == CredentialsMode::Omit
                          ? QStringLiteral("omit")
                          : QStringLiteral("same-origin"));
    if (!check.required.allowOrigin.isEmpty())
        detail << QStringLiteral("required Access-Control-Allow-Origin: %1%2")
                      .arg(check.required.allowOrigin,
                          check.required.wildcardOriginAccepted ? QStringLiteral(" or *")
                                                                : QString());
    if (check.required.allowCredentials)
        detail << QStringLiteral("required Access-Control-Allow-Credentials: true");
    if (!check.required.allowMethod.isEmpty())
        detail << QStringLiteral("required method allowed: %1").arg(check.required.allowMethod);
    if (!check.required.allowHeaders.isEmpty())
        detail << QStringLiteral("required headers allowed: %1")
                      .arg(check.required.allowHeaders.join(QStringLiteral(", ")));
    for (const BrowserHeader &h : check.receivedHeaders)
        detail << QStringLiteral("received %1: %2").arg(h.name, h.value);
    detail << QStringLiteral("Chromium: %1")
                  .arg(check.chromium.passed ? QStringLiteral("pass") : check.chromium.reason.code)
           << QStringLiteral("Firefox: %1")
                  .arg(check.firefox.passed ? QStringLiteral("pass") : check.firefox.reason.code);
    e.detail = detail.join(u'\n');
    record(e);
    return index;
}

void Importer::connectError(const QString &message, const QString &description, const QString &type)
{
    if (m_client.hasConnectError || m_socketConnected)
        return;
    m_client.hasConnectError = true;
    m_client.errorMessage = message;
    m_client.errorDescription = description;
    m_client.errorType = type;
    recordPage(TimelineStep::Connect,
        QStringLiteral("connect_error: %1%2")
            .arg(message,
                description.isEmpty() ? QString()
                                      : QStringLiteral(" (description: %1)").arg(description)));
}

static QString packetLabel(const EngineIoPacket &p)
{
    QString text = EngineIoPacket::typeName(p.type());
    if (p.hasData())
        text += u' '
            + (p.isBinary() ? QStringLiteral("<%1 bytes>").arg(p.binary().size())
                            : p.text().left(300));
    return text;
}

void Importer::outgoingPacket(const EngineIoPacket &p)
{
    if (p.type() != EngineIoPacket::Type::Message) {
        const TimelineStep step = p.type() == EngineIoPacket::Type::Pong ? TimelineStep::Heartbeat
            : p.type() == EngineIoPacket::Type::Upgrade || p.type() == EngineIoPacket::Type::Ping
            ? TimelineStep::Upgrade
            : TimelineStep::Close;
        recordPacket(true, step, packetLabel(p),
            p.isBinary() ? QString() : EngineIoPacket::typeDigit(p.type()) + p.text(),
            QStringLiteral("engine.io"));
        return;
    }
    if (p.isBinary())
        return;
    SocketIoDecoder decoder;
    const SocketIoDecodeResult r = decoder.add(p.text());
    if (r.status != SocketIoDecodeResult::Status::Decoded || !r.packet)
        return;
    if (r.packet->type() == SocketIoPacket::Type::Connect) {
        m_namespace = r.packet->nsp();
        if (r.packet->data())
            m_auth = r.packet->data();
    }
    recordPacket(true, m_socketConnected ? TimelineStep::Events : TimelineStep::Connect,
        SocketIoPacket::typeName(r.packet->type()) + u' ' + r.packet->encode().left(300),
        u'4' + p.text(), QStringLiteral("socket.io"));
}

void Importer::incomingPacket(const EngineIoPacket &p)
{
    const bool isMessage = p.type() == EngineIoPacket::Type::Message;
    if (!isMessage) {
        recordPacket(false,
            p.type() == EngineIoPacket::Type::Open       ? TimelineStep::Handshake
                : p.type() == EngineIoPacket::Type::Ping ? TimelineStep::Heartbeat
                : p.type() == EngineIoPacket::Type::Noop || p.type() == EngineIoPacket::Type::Pong
                ? TimelineStep::Upgrade
                : TimelineStep::Close,
            packetLabel(p), p.isBinary() ? QString() : p.text(), QStringLiteral("engine.io"));
    }
    switch (p.type()) {
    case EngineIoPacket::Type::Open: {
        const QJsonDocument doc = QJsonDocument::fromJson(p.text().toUtf8());
        const QString sid = doc.object().value(QLatin1String("sid")).toString();
        if (!sid.isEmpty()) {
            m_sid = sid;
            m_client.engineId = sid;
        }
        if (m_transport.isEmpty())
            m_transport = QStringLiteral("polling");
        break;
    }
    case EngineIoPacket::Type::Close:
        if (m_socketConnected)
            m_client.disconnectReason = QStringLiteral("transport close");
        break;
    case EngineIoPacket::Type::Message: {
        const SocketIoDecodeResult r
            = p.isBinary() ? m_decoder.add(p.binary()) : m_decoder.add(p.text());
        if (r.status == SocketIoDecodeResult::Status::Failed) {
            recordPage(TimelineStep::Events,
                QStringLiteral("Socket.IO decode error: %1")
                    .arg(r.error ? r.error->detail : QString()));
            break;
        }
        if (r.status != SocketIoDecodeResult::Status::Decoded || !r.packet)
            break;
        const SocketIoPacket &s = *r.packet;
        recordPacket(false, m_socketConnected ? TimelineStep::Events : TimelineStep::Connect,
            SocketIoPacket::typeName(s.type()) + u' ' + s.encode().left(300),
            p.isBinary() ? QString() : p.text(), QStringLiteral("socket.io"));
        if (s.nsp() != m_namespace)
            break;
        if (s.type() == SocketIoPacket::Type::Connect && !m_socketConnected
            && !m_client.hasConnectError) {
            m_socketConnected = true;
            m_client.connected = true;
            if (s.data() && s.data()->isObject()) {
                if (const JsonNode *id = s.data()->find(u"sid"))
                    m_client.socketId = id->toString();
            }
            m_client.transport = m_transport;
            recordPage(TimelineStep::Connect,
                QStringLiteral("connect (socket.id %1, transport %2)")
                    .arg(m_client.socketId, m_client.transport));
        } else if (s.type() == SocketIoPacket::Type::ConnectError) {
            QString message;
            if (s.data() && s.data()->isObject()) {
                if (const JsonNode *m = s.data()->find(u"message"))
                    message = m->toString();
            }
            m_client.serverMessage = message;
            if (s.data() && s.data()->isObject()) {
                if (const JsonNode *d = s.data()->find(u"data"))
                    m_client.errorData = JavaScriptJson::stringify(*d);
            }
            connectError(message, QString(), QStringLiteral("Error"));
        } else if (s.type() == SocketIoPacket::Type::Disconnect && m_socketConnected) {
            m_client.disconnectReason = QStringLiteral("io server disconnect");
            recordPage(TimelineStep::Close, QStringLiteral("disconnect (io server disconnect)"));
        }
        break;
    }
    default:
        break;
    }
}

void Importer::replay()
{
    // The page's namespace from its CONNECT packet (an EIO=3 server also says CONNECT for "/"
    // unasked, which is not the page's connect when it asked for another namespace).
    for (const Item &item : std::as_const(m_items)) {
        QStringList sent;
        if (item.kind == EntryKind::Polling && item.entry->requestBody) {
            const auto packets = m_eio == 3 ? EngineIoPayload::decodeV3(*item.entry->requestBody)
                                            : EngineIoPayload::decodeV4(*item.entry->requestBody);
            for (const EngineIoPacket &p : packets) {
                if (p.type() == EngineIoPacket::Type::Message && !p.isBinary())
                    sent << p.text();
            }
        }
        for (const HarWebSocketMessage &m : item.entry->webSocketMessages) {
            if (m.outgoing && m.opcode == 1 && m.data.startsWith(u'4'))
                sent << m.data.mid(1);
        }
        for (const QString &text : std::as_const(sent)) {
            SocketIoDecoder decoder;
            const SocketIoDecodeResult r = decoder.add(text);
            if (r.status == SocketIoDecodeResult::Status::Decoded && r.packet
                && r.packet->type() == SocketIoPacket::Type::Connect) {
                m_namespace = r.packet->nsp();
                if (r.packet->data())
                    m_auth = r.packet->data();
                return replayInOrder();
            }
        }
    }
    replayInOrder();
}

void Importer::replayInOrder()
{
    const QString ns = m_namespace == QLatin1String("/") ? QString() : m_namespace;
    recordPage(TimelineStep::Setup,
        QStringLiteral("io(\"%1%2\", options) — as the HAR recorded it").arg(m_serverOrigin, ns),
        QStringLiteral("page origin %1, browser %2, recorded by %3")
            .arg(m_pageOrigin, browserName(m_browser),
                m_log.creatorName.isEmpty() ? QStringLiteral("an unknown tool")
                                            : m_log.creatorName));
    for (const Item &item : std::as_const(m_items)) {
        const HarEntry &first = item.preflight ? *item.preflight : *item.entry;
        const QDateTime t = QDateTime::fromString(first.startedDateTime, Qt::ISODateWithMs);
        if (!flushMessages(t.isValid() ? double(t.toMSecsSinceEpoch()) : 0.0))
            break;
        if (t.isValid()) {
            if (m_t0Ms < 0)
                m_t0Ms = t.toMSecsSinceEpoch();
            m_nowUs = qMax(m_nowUs, (t.toMSecsSinceEpoch() - m_t0Ms) * 1000);
        }
        const bool go
            = item.kind == EntryKind::WebSocket ? replayWebSocket(item) : replayPolling(item);
        if (!go || m_client.hasConnectError)
            break;
    }
    flushMessages(std::numeric_limits<double>::infinity(), true);
    if (!m_socketConnected && !m_client.hasConnectError && m_bodiesMissing && m_postAfterOpen
        && m_pollAfterPost) {
        // Without bodies the CONNECT answer is not visible; the page went on polling after
        // sending it, which socket.io-client does once the handshake succeeded.
        m_client.connected = true;
        m_client.transport = m_upgraded ? QStringLiteral("websocket") : QStringLiteral("polling");
        limit(QStringLiteral(
                  "the HAR has no response bodies: the CONNECT answer is not visible; connected is "
                  "concluded from the page polling on after sending it"),
            QStringLiteral(
                "HAR 中没有响应体：看不到 CONNECT 的应答；根据页面发送之后继续轮询判定为已连接"));
    }
    if (!m_socketConnected && !m_client.hasConnectError && !m_client.connected) {
        limit(QStringLiteral(
                  "the HAR ends before the page connected or failed: the verdict is a timeout"),
            QStringLiteral("HAR 在页面连接成功或失败之前就结束了：判定为超时"));
    }
}

bool Importer::replayPolling(const Item &item)
{
    const HarEntry &e = *item.entry;
    const TimelineStep step = stepOf(item);
    const int exchange = ++m_exchange;
    const bool post = e.method.compare(QLatin1String("POST"), Qt::CaseInsensitive) == 0;
    if (post && e.requestBody) {
        const auto packets = m_eio == 3 ? EngineIoPayload::decodeV3(*e.requestBody)
                                        : EngineIoPayload::decodeV4(*e.requestBody);
        for (const EngineIoPacket &p : packets)
            outgoingPacket(p);
    }
    const BrowserCors cors(item.kind == EntryKind::Preflight
            ? requestFromPreflight(e, m_credentials)
            : xhrRequest(e, m_credentials));
    const CorsCheck before = cors.checkBeforeRequest();
    if (!before.passed()) {
        const int index = recordCheck(before, step, exchange, QStringLiteral("cors"));
        m_client.failedCheck = index;
        m_client.netError = before.outcome().networkError.isEmpty()
            ? QStringLiteral("net::ERR_FAILED")
            : before.outcome().networkError;
        connectError(post ? QStringLiteral("xhr post error") : QStringLiteral("xhr poll error"),
            QStringLiteral("0"), QStringLiteral("TransportError"));
        return false;
    }
    auto requestEvent = [&](const HarEntry &r, TimelineStep s) {
        TimelineEvent ev;
        ev.side = TimelineSide::Browser;
        ev.layer = QStringLiteral("http");
        ev.step = s;
        ev.kind = TimelineKind::Request;
        ev.exchange = exchange;
        ev.outgoing = true;
        ev.method = r.method;
        ev.url = r.url;
        ev.summary = r.method + u' ' + pathAndQuery(QUrl(r.url));
        ev.detail = r.method + u' ' + pathAndQuery(QUrl(r.url)) + u' '
            + (r.httpVersion.isEmpty() ? QStringLiteral("HTTP/1.1") : r.httpVersion.toUpper())
            + u'\n' + headersText(r.requestHeaders);
        if (r.requestBody)
            ev.detail += QStringLiteral("\n\n") + *r.requestBody;
        record(ev);
    };
    auto responseEvent = [&](const HarEntry &r, TimelineStep s) {
        TimelineEvent ev;
        ev.side = TimelineSide::Network;
        ev.layer = QStringLiteral("http");
        ev.step = s;
        ev.kind = TimelineKind::Response;
        ev.exchange = exchange;
        ev.status = r.status;
        ev.url = r.url;
        if (!hasResponse(r)) {
            ev.summary
                = QStringLiteral("no response in the HAR%1")
                      .arg(r.error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.error));
            ev.detail = QStringLiteral("The browser recorded status 0 and no headers.");
        } else {
            QString body = r.responseBody.left(200);
            if (r.responseBody.size() > 200)
                body += QStringLiteral("…");
            ev.summary = QString::number(r.status) + u' ' + r.statusText
                + (body.isEmpty() ? QString() : QStringLiteral("  ") + body);
            ev.detail = QStringLiteral("HTTP/1.1 %1 %2\n").arg(r.status).arg(r.statusText)
                + headersText(r.responseHeaders) + QStringLiteral("\n\n") + r.responseBody;
            if (!r.error.isEmpty())
                ev.detail
                    += QStringLiteral("\n\nThe browser recorded: %1%2")
                           .arg(r.error,
                               r.corsError.isEmpty() ? QString()
                                                     : QStringLiteral(" (%1 %2)")
                                                           .arg(r.corsError, r.corsErrorParameter));
        }
        record(ev);
    };
    auto noResponse = [&](const HarEntry &r) {
        m_client.netError = r.error.isEmpty() ? QStringLiteral("net::ERR_FAILED") : r.error;
        limit(QStringLiteral(
                  "%1 %2 has status 0 and no headers in the HAR (the browser refused or lost it): "
                  "CorsLab can tell that it failed (%3) but not which CORS rule failed")
                  .arg(r.method, pathAndQuery(QUrl(r.url)), m_client.netError),
            QStringLiteral(
                "%1 %2 在 HAR 中状态为 0 且没有响应头（浏览器拒绝了它或它丢失了）：CorsLab "
                "能看出它失败了（%3），但看不出是哪条 CORS 规则失败")
                .arg(r.method, pathAndQuery(QUrl(r.url)), m_client.netError));
        connectError(post ? QStringLiteral("xhr post error") : QStringLiteral("xhr poll error"),
            QStringLiteral("0"), QStringLiteral("TransportError"));
    };
    auto disagree = [&](const HarEntry &r, bool passed) {
        // Only a failure the browser marked is evidence (Firefox marks none in its HARs).
        if (!hasResponse(r) || (r.error.isEmpty() && r.corsError.isEmpty()) || !m_marksFailures)
            return;
        if (passed)
            limit(
                QStringLiteral("%1 %2: the browser recorded %3, CorsLab's re-judgement says it %4")
                    .arg(r.method, pathAndQuery(QUrl(r.url)),
                        recordedFailure(r) ? QStringLiteral("a failure (%1)")
                                                 .arg(r.error.isEmpty() ? r.corsError : r.error)
                                           : QStringLiteral("success"),
                        passed ? QStringLiteral("passes") : QStringLiteral("fails")),
                QStringLiteral("%1 %2：浏览器记录的是%3，CorsLab 重新判定的结果是%4")
                    .arg(r.method, pathAndQuery(QUrl(r.url)),
                        recordedFailure(r) ? QStringLiteral("失败（%1）")
                                                 .arg(r.error.isEmpty() ? r.corsError : r.error)
                                           : QStringLiteral("成功"),
                        passed ? QStringLiteral("通过") : QStringLiteral("失败")));
    };
    const HarEntry *p = item.kind == EntryKind::Preflight ? &e : item.preflight;
    if (p) {
        requestEvent(*p, TimelineStep::Preflight);
        responseEvent(*p, TimelineStep::Preflight);
        if (!hasResponse(*p)) {
            noResponse(*p);
            return false;
        }
        // A preflight is judged against what it asked for (its Access-Control-Request-*).
        const CorsCheck check
            = BrowserCors(requestFromPreflight(*p, m_credentials)).checkPreflight(toResponse(*p));
        const int index
            = recordCheck(check, TimelineStep::Preflight, exchange, QStringLiteral("cors"));
        disagree(*p, check.passed());
        if (!check.passed()) {
            m_client.failedCheck = index;
            m_client.netError = check.outcome().networkError.isEmpty()
                ? QStringLiteral("net::ERR_FAILED")
                : check.outcome().networkError;
            connectError(post ? QStringLiteral("xhr post error") : QStringLiteral("xhr poll error"),
                QStringLiteral("0"), QStringLiteral("TransportError"));
            return false;
        }
        if (item.kind == EntryKind::Preflight) {
            limit(QStringLiteral("the request after the preflight for %1 is not in the HAR")
                      .arg(pathAndQuery(QUrl(e.url))),
                QStringLiteral("HAR 中没有 %1 的预检之后的请求").arg(pathAndQuery(QUrl(e.url))));
            return true;
        }
    }
    requestEvent(e, step);
    responseEvent(e, step);
    if (!hasResponse(e)) {
        noResponse(e);
        return false;
    }
    const BrowserResponse response = toResponse(e);
    if (response.isRedirect()) {
        const BrowserRedirect hop = cors.followRedirect(response);
        const int index = recordCheck(hop.check, step, exchange, QStringLiteral("cors"));
        if (!hop.check.passed() || !hop.next) {
            m_client.failedCheck = hop.check.passed() ? -1 : index;
            m_client.netError = QStringLiteral("net::ERR_FAILED");
            connectError(post ? QStringLiteral("xhr post error") : QStringLiteral("xhr poll error"),
                QStringLiteral("0"), QStringLiteral("TransportError"));
            return false;
        }
        limit(QStringLiteral("%1 was redirected to %2: the next hop is judged as its own request")
                  .arg(pathAndQuery(item.url), hop.next->url()),
            QStringLiteral("%1 被重定向到 %2：下一跳作为单独的请求判定")
                .arg(pathAndQuery(item.url), hop.next->url()));
        return true;
    }
    const CorsCheck check = cors.checkResponse(response);
    const int index = recordCheck(check, step, exchange, QStringLiteral("cors"));
    disagree(e, check.passed());
    if (!check.passed()) {
        m_client.failedCheck = index;
        m_client.netError = check.outcome().networkError.isEmpty()
            ? QStringLiteral("net::ERR_FAILED")
            : check.outcome().networkError;
        connectError(post ? QStringLiteral("xhr post error") : QStringLiteral("xhr poll error"),
            QStringLiteral("0"), QStringLiteral("TransportError"));
        return false;
    }
    if (e.status != 200) {
        m_client.httpStatus = e.status;
        const QJsonDocument doc = QJsonDocument::fromJson(e.responseBody.toUtf8());
        if (doc.isObject() && doc.object().value(QLatin1String("message")).isString())
            m_client.serverMessage = doc.object().value(QLatin1String("message")).toString();
        if (m_socketConnected) {
            m_client.disconnectReason = QStringLiteral("transport error (HTTP %1)").arg(e.status);
            return false;
        }
        connectError(post ? QStringLiteral("xhr post error") : QStringLiteral("xhr poll error"),
            QString::number(e.status), QStringLiteral("TransportError"));
        return false;
    }
    if (post) {
        if (!m_sid.isEmpty() || !item.sid.isEmpty())
            m_postAfterOpen = true;
        return true;
    }
    if (!e.responseBodyRecorded) {
        m_bodiesMissing = true;
        if (m_postAfterOpen)
            m_pollAfterPost = true;
        if (item.sid.isEmpty())
            m_transport = QStringLiteral("polling");
        return true;
    }
    const QDateTime started = QDateTime::fromString(e.startedDateTime, Qt::ISODateWithMs);
    PendingMessage pending;
    pending.pollBody = e.responseBody;
    pending.atMs
        = started.isValid() ? double(started.toMSecsSinceEpoch()) + qMax(0.0, e.timeMs) : 0;
    // socket.io-client has one GET in flight at a time: answers come in the order of the requests
    // (HAR start times are whole milliseconds, which could swap two quick polls).
    if (pending.atMs > 0) {
        pending.atMs = qMax(pending.atMs, m_lastPollAtMs);
        m_lastPollAtMs = pending.atMs;
    }
    enqueue(pending);
    return true;
}

bool Importer::replayWebSocket(const Item &item)
{
    const HarEntry &e = *item.entry;
    const TimelineStep step = stepOf(item);
    const int exchange = ++m_exchange;
    const bool probe = !item.sid.isEmpty();
    m_websocketSeen = true;
    if (!probe && m_sid.isEmpty())
        m_websocketFirst = true;
    BrowserRequest request;
    request.browser = m_browser;
    request.api = RequestApi::WebSocket;
    request.url = e.url;
    request.pageOrigin = m_pageOrigin;
    request.credentials = CredentialsMode::Include;
    request.pageAddress = QStringLiteral("127.0.0.1");
    request.targetAddress = QStringLiteral("127.0.0.1");
    const BrowserCors cors(request);
    const CorsCheck before = cors.checkBeforeRequest();
    if (!before.passed()) {
        const int index = recordCheck(before, step, exchange, QStringLiteral("websocket"));
        if (probe) {
            m_client.upgradeFailed = true;
            m_client.upgradeFailedCheck = index;
            m_client.upgradeError = before.outcome().reason.code;
            return true;
        }
        m_client.failedCheck = index;
        connectError(QStringLiteral("websocket error"), QStringLiteral("[object Event]"),
            QStringLiteral("TransportError"));
        return false;
    }
    TimelineEvent ev;
    ev.side = TimelineSide::Browser;
    ev.layer = QStringLiteral("websocket");
    ev.step = step;
    ev.kind = TimelineKind::Request;
    ev.exchange = exchange;
    ev.outgoing = true;
    ev.method = QStringLiteral("GET");
    ev.url = e.url;
    ev.summary = QStringLiteral("GET %1?%2 (WebSocket handshake)")
                     .arg(item.url.path(), item.url.query(QUrl::FullyEncoded));
    ev.detail = QStringLiteral("GET %1 HTTP/1.1\n").arg(pathAndQuery(item.url))
        + headersText(e.requestHeaders);
    record(ev);
    TimelineEvent rs;
    rs.side = TimelineSide::Network;
    rs.layer = QStringLiteral("websocket");
    rs.step = step;
    rs.kind = TimelineKind::Response;
    rs.exchange = exchange;
    rs.url = e.url;
    rs.status = e.status;
    rs.summary = hasResponse(e)
        ? QString::number(e.status) + u' ' + e.statusText
            + (e.responseBody.isEmpty() ? QString()
                                        : QStringLiteral("  ") + e.responseBody.left(200))
        : QStringLiteral("no response in the HAR%1")
              .arg(e.error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.error));
    rs.detail = QStringLiteral("HTTP/1.1 %1 %2\n").arg(e.status).arg(e.statusText)
        + headersText(e.responseHeaders) + QStringLiteral("\n\n") + e.responseBody;
    record(rs);
    if (e.status != 101) {
        const QString console
            = QStringLiteral("WebSocket connection to '%1' failed: %2")
                  .arg(e.url,
                      e.status > 0
                          ? QStringLiteral("Error during WebSocket handshake: Unexpected response "
                                           "code: %1")
                                .arg(e.status)
                          : (e.error.isEmpty() ? QStringLiteral("no response") : e.error));
        if (probe) {
            m_client.upgradeFailed = true;
            m_client.upgradeError = QStringLiteral("probe error");
            recordPage(
                TimelineStep::Upgrade, QStringLiteral("upgrade failed: probe error"), console);
            return true;
        }
        m_client.webSocketConsole = console;
        m_client.webSocketStatus = e.status;
        const QJsonDocument doc = QJsonDocument::fromJson(e.responseBody.toUtf8());
        if (doc.isObject())
            m_client.serverMessage = doc.object().value(QLatin1String("message")).toString();
        else if (e.responseBody.size() <= 200 && !e.responseBody.contains(u'\n'))
            m_client.serverMessage = e.responseBody.trimmed();
        if (e.status == 0) {
            limit(QStringLiteral(
                      "the WebSocket handshake %1 has no response in the HAR: why it failed is not "
                      "recorded")
                      .arg(pathAndQuery(item.url)),
                QStringLiteral("HAR 中 WebSocket 握手 %1 没有响应：没有记录失败的原因")
                    .arg(pathAndQuery(item.url)));
        }
        recordPage(TimelineStep::Handshake, QStringLiteral("WebSocket error event"), console);
        connectError(QStringLiteral("websocket error"), QStringLiteral("[object Event]"),
            QStringLiteral("TransportError"));
        return false;
    }
    if (!probe)
        m_transport = QStringLiteral("websocket");
    if (e.webSocketMessages.isEmpty() && !probe) {
        limit(QStringLiteral(
                  "the WebSocket %1 has no messages in the HAR (Chrome's _webSocketMessages): the "
                  "packets are not visible")
                  .arg(pathAndQuery(item.url)),
            QStringLiteral(
                "HAR 中 WebSocket %1 没有消息（Chrome 的 _webSocketMessages）：看不到数据包")
                .arg(pathAndQuery(item.url)));
    }
    // The messages happen at their own times, interleaved with the polling requests in flight.
    for (const HarWebSocketMessage &m : e.webSocketMessages)
        enqueue({m, probe, exchange, e.url, std::nullopt, m.time > 0 ? m.time * 1000.0 : 0.0});
    return true;
}

void Importer::enqueue(PendingMessage pending)
{
    // Stable by time: after everything due at the same moment or earlier.
    qsizetype at = m_pending.size();
    while (pending.atMs > 0 && at > 0 && m_pending.at(at - 1).atMs > pending.atMs)
        --at;
    m_pending.insert(at, std::move(pending));
}

bool Importer::flushMessages(double untilMs, bool all)
{
    while (!m_pending.isEmpty()) {
        const PendingMessage &next = m_pending.constFirst();
        // HAR times have millisecond steps: a response ending within 1 ms of the next request's
        // start is taken to have come first (socket.io-client sends in answer to what it got).
        if (next.atMs > 0 && next.atMs > untilMs + (next.pollBody ? 1.0 : 0.0))
            return true;
        const PendingMessage pending = m_pending.takeFirst();
        if (pending.pollBody) {
            if (m_t0Ms >= 0 && pending.atMs > 0)
                m_nowUs = qMax(m_nowUs, qint64(pending.atMs - double(m_t0Ms)) * 1000);
            const auto packets = m_eio == 3 ? EngineIoPayload::decodeV3(*pending.pollBody)
                                            : EngineIoPayload::decodeV4(*pending.pollBody);
            for (const EngineIoPacket &packet : packets) {
                incomingPacket(packet);
                if (m_client.hasConnectError && !all)
                    return false;
            }
            continue;
        }
        if (!replayMessage(pending) && !all)
            return false;
    }
    return true;
}

bool Importer::replayMessage(const PendingMessage &pending)
{
    const HarWebSocketMessage &m = pending.message;
    const bool probe = pending.probe;
    if (m_t0Ms >= 0 && m.time > 0)
        m_nowUs = qMax(m_nowUs, qint64(m.time * 1000.0 - double(m_t0Ms)) * 1000);
    if (m.opcode == 1 || m.opcode == 2) {
        const EngineIoPacket p = m.opcode == 2
            ? EngineIoPacket::decode(m_eio == 3 ? EngineIoProtocol::V3 : EngineIoProtocol::V4,
                QByteArrayView(QByteArray::fromBase64(m.data.toLatin1())))
            : EngineIoPacket::decode(
                m_eio == 3 ? EngineIoProtocol::V3 : EngineIoProtocol::V4, QStringView(m.data));
        if (m.outgoing) {
            outgoingPacket(p);
            if (p.type() == EngineIoPacket::Type::Upgrade && probe) {
                m_upgraded = true;
                m_transport = QStringLiteral("websocket");
                recordPage(TimelineStep::Upgrade, QStringLiteral("upgraded to websocket"));
            }
        } else {
            incomingPacket(p);
        }
        return !m_client.hasConnectError;
    }
    TimelineEvent f;
    f.side = m.outgoing ? TimelineSide::Browser : TimelineSide::Network;
    f.layer = QStringLiteral("websocket");
    f.step = m.opcode == 8 ? TimelineStep::Close : TimelineStep::Heartbeat;
    f.kind = TimelineKind::Frame;
    f.exchange = pending.exchange;
    f.outgoing = m.outgoing;
    f.url = pending.url;
    f.summary = QStringLiteral("%1 %2 frame")
                    .arg(m.outgoing ? QStringLiteral("→") : QStringLiteral("←"),
                        m.opcode == 8       ? QStringLiteral("close")
                            : m.opcode == 9 ? QStringLiteral("ping")
                                            : QStringLiteral("pong"));
    f.raw = m.data.toUtf8();
    record(f);
    return true;
}

std::vector<std::pair<QString, QString>> userQuery(const QUrl &url)
{
    std::vector<std::pair<QString, QString>> out;
    const QStringList engineKeys = {QStringLiteral("EIO"), QStringLiteral("transport"),
        QStringLiteral("t"), QStringLiteral("sid"), QStringLiteral("b64")};
    for (const auto &item : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (!engineKeys.contains(item.first))
            out.emplace_back(item.first, item.second);
    }
    return out;
}

void Importer::inferProfile()
{
    Profile &p = m_result.profile;
    const QUrl first = m_items.first().url;
    p.name
        = QStringLiteral("Imported from %1")
              .arg(m_options.sourceName.isEmpty() ? QStringLiteral("a HAR") : m_options.sourceName);
    p.description
        = QStringLiteral(
            "Inferred by corslab-cli import-har from traffic recorded by %1 against %2, page "
            "origin %3. "
            "Runs against the embedded server; each inference is listed by import-har.")
              .arg(m_log.creatorName.isEmpty() ? QStringLiteral("a browser") : m_log.creatorName,
                  m_serverOrigin + first.path(), m_pageOrigin);

    // The path: engine.io matches "<path>/" when the client adds the trailing slash.
    QString path = first.path();
    const bool trailing = path.endsWith(u'/') && path.size() > 1;
    if (trailing)
        path.chop(1);
    p.server.path = path.isEmpty() ? QStringLiteral("/") : path;
    p.client.options.path = p.server.path;
    if (!trailing) {
        p.server.addTrailingSlash = false;
        infer(QStringLiteral("server.addTrailingSlash"), QStringLiteral("false"),
            QStringLiteral("the requests went to %1 without a trailing slash").arg(first.path()));
    }
    infer(QStringLiteral("server.path"), jsonText(p.server.path),
        QStringLiteral("the Engine.IO requests went to %1").arg(first.path()));

    // CORS: what the server's answers carried.
    const HarEntry *preflight = nullptr;
    const HarEntry *answered = nullptr;
    for (const Item &item : m_items) {
        if (!preflight && item.preflight && hasResponse(*item.preflight))
            preflight = item.preflight;
        if (!preflight && item.kind == EntryKind::Preflight && hasResponse(*item.entry))
            preflight = item.entry;
        if (!answered && item.kind == EntryKind::Polling && hasResponse(*item.entry))
            answered = item.entry;
    }
    const HarEntry *withAcao = nullptr;
    for (const HarEntry *e : {answered, preflight}) {
        if (e && e->responseHeader(u"Access-Control-Allow-Origin")) {
            withAcao = e;
            break;
        }
    }
    if (!withAcao) {
        p.server.cors.reset();
        infer(QStringLiteral("server.cors"), QStringLiteral("(absent)"),
            answered || preflight
                ? QStringLiteral("no response carried Access-Control-Allow-Origin")
                : QStringLiteral("no HTTP response was recorded (CORS cannot be inferred)"));
    } else {
        CorsOptions cors;
        const QString acao = *withAcao->responseHeader(u"Access-Control-Allow-Origin");
        cors.origin = acao;
        infer(QStringLiteral("server.cors.origin"), jsonText(acao),
            QStringLiteral("Access-Control-Allow-Origin: %1 on %2 %3")
                .arg(acao, withAcao->method, pathAndQuery(QUrl(withAcao->url))));
        const auto acac = withAcao->responseHeader(u"Access-Control-Allow-Credentials");
        cors.credentials = acac && acac->trimmed() == QLatin1String("true");
        infer(QStringLiteral("server.cors.credentials"),
            cors.credentials ? QStringLiteral("true") : QStringLiteral("false"),
            acac ? QStringLiteral("Access-Control-Allow-Credentials: %1").arg(*acac)
                 : QStringLiteral("no Access-Control-Allow-Credentials"));
        if (preflight) {
            if (const auto m = preflight->responseHeader(u"Access-Control-Allow-Methods")) {
                cors.methods = *m;
                infer(QStringLiteral("server.cors.methods"), jsonText(*m),
                    QStringLiteral("the preflight's Access-Control-Allow-Methods"));
            }
            const auto acah = preflight->responseHeader(u"Access-Control-Allow-Headers");
            const auto acrh = preflight->requestHeader(u"Access-Control-Request-Headers");
            if (acah && (!acrh || acah->compare(*acrh, Qt::CaseInsensitive) != 0)) {
                cors.allowedHeaders = *acah;
                infer(QStringLiteral("server.cors.allowedHeaders"), jsonText(*acah),
                    QStringLiteral("the preflight's Access-Control-Allow-Headers"));
            } else if (!acah && acrh) {
                cors.allowedHeaders = QString();
                infer(QStringLiteral("server.cors.allowedHeaders"), QStringLiteral("\"\""),
                    QStringLiteral("the preflight asked for %1 and the answer allowed no headers")
                        .arg(*acrh));
            } else if (acah) {
                infer(QStringLiteral("server.cors.allowedHeaders"), QStringLiteral("(default)"),
                    QStringLiteral("the preflight's answer repeated the requested headers, as "
                                   "cors does by default"));
            }
            if (const auto maxAge = preflight->responseHeader(u"Access-Control-Max-Age")) {
                bool ok = false;
                const qint64 n = maxAge->trimmed().toLongLong(&ok);
                if (ok)
                    cors.maxAge = n;
                else
                    cors.maxAge = *maxAge;
                infer(QStringLiteral("server.cors.maxAge"), *maxAge,
                    QStringLiteral("the preflight's Access-Control-Max-Age"));
            }
        }
        if (answered) {
            if (const auto expose = answered->responseHeader(u"Access-Control-Expose-Headers")) {
                cors.exposedHeaders = *expose;
                infer(QStringLiteral("server.cors.exposedHeaders"), jsonText(*expose),
                    QStringLiteral("Access-Control-Expose-Headers on %1 %2")
                        .arg(answered->method, pathAndQuery(QUrl(answered->url))));
            }
        }
        p.server.cors = cors;
    }
    if (m_eio == 3) {
        p.server.allowEIO3 = true;
        infer(QStringLiteral("server.allowEIO3"), QStringLiteral("true"),
            QStringLiteral("the page spoke EIO=3 (socket.io-client 2.x); CorsLab's client speaks "
                           "EIO=4, so the local run differs there"));
    }

    // The client.
    p.client.browser = m_browser;
    p.client.pageOrigin = m_pageOrigin == m_serverOrigin ? ClientOptions::SameOrigin : m_pageOrigin;
    infer(QStringLiteral("client.pageOrigin"), jsonText(p.client.pageOrigin), m_pageOriginWhy);
    ClientConnectOptions &o = p.client.options;
    if (m_websocketFirst) {
        o.transports = {QStringLiteral("websocket")};
        infer(QStringLiteral("client.options.transports"), QStringLiteral("[\"websocket\"]"),
            QStringLiteral("the first Engine.IO request was a WebSocket handshake"));
    } else if (!m_websocketSeen && m_client.connected) {
        o.transports = {QStringLiteral("polling")};
        infer(QStringLiteral("client.options.transports"), QStringLiteral("[\"polling\"]"),
            QStringLiteral("the page connected over polling and never tried a WebSocket"));
    } else {
        infer(QStringLiteral("client.options.transports"), QStringLiteral("(default)"),
            m_websocketSeen ? QStringLiteral("polling first, then a WebSocket upgrade")
                            : QStringLiteral("polling first; the HAR stops before any upgrade"));
    }
    o.withCredentials = m_withCredentials;
    infer(QStringLiteral("client.options.withCredentials"),
        m_withCredentials ? QStringLiteral("true") : QStringLiteral("false"), m_withCredentialsWhy);
    o.query = userQuery(first);
    if (!o.query.empty())
        infer(QStringLiteral("client.options.query"),
            QStringLiteral("%1 parameter(s)").arg(o.query.size()),
            QStringLiteral("the Engine.IO URL's query beyond EIO, transport, t and sid"));
    // extraHeaders: what the page set on its polling requests beyond engine.io-client's own.
    for (const Item &item : m_items) {
        if (item.kind != EntryKind::Polling && item.kind != EntryKind::Preflight)
            continue;
        if (item.kind == EntryKind::Preflight)
            continue;
        for (const BrowserHeader &h : pageHeaders(*item.entry)) {
            const QString lower = h.name.toLower();
            if (lower == QLatin1String("accept")
                || (lower == QLatin1String("content-type") && h.value == EngineContentType))
                continue;
            o.extraHeaders.emplace_back(h.name, h.value);
        }
        break;
    }
    if (o.extraHeaders.empty()) {
        // Blocked at the preflight: the names it asked for are the page's headers.
        for (const Item &item : m_items) {
            const HarEntry *pre = item.kind == EntryKind::Preflight ? item.entry : item.preflight;
            if (!pre || item.kind != EntryKind::Preflight)
                continue;
            const QStringList names = pre->requestHeader(u"Access-Control-Request-Headers")
                                          .value_or(QString())
                                          .split(u',', Qt::SkipEmptyParts);
            for (const QString &n : names) {
                if (n.trimmed().compare(QLatin1String("content-type"), Qt::CaseInsensitive) != 0)
                    o.extraHeaders.emplace_back(n.trimmed(), QStringLiteral("x"));
            }
            if (!o.extraHeaders.empty())
                infer(QStringLiteral("client.options.extraHeaders"),
                    QStringLiteral("%1 header(s)").arg(o.extraHeaders.size()),
                    QStringLiteral("the preflight asked for them; their values are not in the "
                                   "HAR (\"x\" stands in)"));
            break;
        }
    } else {
        QStringList names;
        for (const auto &h : o.extraHeaders)
            names << h.first;
        infer(QStringLiteral("client.options.extraHeaders"), names.join(QStringLiteral(", ")),
            QStringLiteral("request headers the page set (a browser does not add these itself)"));
    }
    // A refusal by the server's own code: the HAR shows what it answered, not why. A stand-in
    // that answers the same lets the local run show the same timeline.
    std::optional<ScriptFunction> middleware;
    if (m_client.hasConnectError && m_client.errorType == QLatin1String("Error")
        && !m_client.errorMessage.isEmpty()) {
        QString body
            = QStringLiteral("const err = new Error(%1); ")
                  .arg(JavaScriptJson::stringify(JsonNode::fromString(m_client.errorMessage)));
        if (!m_client.errorData.isEmpty())
            body += QStringLiteral("err.data = %1; ").arg(m_client.errorData);
        middleware
            = ScriptFunction {QStringLiteral("(socket, next) => { %1next(err); }").arg(body), {}};
        infer(QStringLiteral("server.namespaces[\"%1\"].middleware").arg(m_namespace),
            QStringLiteral("a stand-in refusing with \"%1\"").arg(m_client.errorMessage),
            QStringLiteral("the server answered CONNECT with CONNECT_ERROR \"%1\"; why is in "
                           "the server's code, which a HAR does not show")
                .arg(m_client.errorMessage));
    }
    if (m_namespace != QLatin1String("/") || middleware) {
        if (m_namespace != QLatin1String("/")) {
            p.client.namespaceName = m_namespace;
            infer(QStringLiteral("client.namespace"), jsonText(m_namespace),
                QStringLiteral("the CONNECT packet's namespace"));
        }
        p.server.namespaces.append(NamespaceConfig {m_namespace, middleware, {}});
    }
    if ((m_client.httpStatus == 403 || m_client.webSocketStatus == 403)
        && m_client.serverMessage == QLatin1String("Forbidden") && !m_client.connected) {
        p.server.allowRequest
            = ScriptFunction {QStringLiteral("(req, callback) => { callback(null, false); }"), {}};
        infer(QStringLiteral("server.allowRequest"), QStringLiteral("a stand-in refusing"),
            QStringLiteral("the server answered 403 {\"code\":4,\"message\":\"Forbidden\"}, "
                           "engine.io's answer when allowRequest refuses; why is in the "
                           "server's code, which a HAR does not show"));
    }
    if (m_auth) {
        o.auth = m_auth;
        infer(QStringLiteral("client.options.auth"), JavaScriptJson::stringify(*m_auth),
            QStringLiteral("the CONNECT packet's payload"));
    }
}

} // namespace

bool HarImport::isBrowserAddedHeader(QStringView name)
{
    return browserAddedHeader(name);
}

bool HarImport::isEngineIoUrl(const QString &url)
{
    const QUrl u(url);
    return u.isValid() && hasQueryKey(u, QStringLiteral("EIO"))
        && hasQueryKey(u, QStringLiteral("transport"));
}

std::optional<Browser> HarImport::recordingBrowser(const HarLog &log)
{
    const QString own = log.pages.isEmpty() ? QString() : log.pages.first().corslabBrowser;
    for (const QString &name : {own, log.browserName, log.creatorName}) {
        if (name.contains(QLatin1String("firefox"), Qt::CaseInsensitive))
            return Browser::Firefox;
        if (name.contains(QLatin1String("chrom"), Qt::CaseInsensitive)
            || name == QLatin1String("WebInspector")
            || name.contains(QLatin1String("edge"), Qt::CaseInsensitive))
            return Browser::Chromium;
    }
    return std::nullopt;
}

HarImportResult HarImport::fromLog(const HarLog &log, const HarImportOptions &options)
{
    return Importer(log, options).run();
}

HarImportResult HarImport::fromBytes(QByteArrayView bytes, const HarImportOptions &options)
{
    const HarReadResult read = HarReader::read(bytes);
    if (!read.log) {
        HarImportResult r;
        r.error = read.error;
        return r;
    }
    return fromLog(*read.log, options);
}

} // namespace corslab
