#include "harwriter.h"

#include "profile/jsonnode.h"

#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QNetworkCookie>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace corslab {

namespace {

// ---- HTTP messages as the timeline keeps them (the exact bytes) ----

struct HttpMessage {
    bool parsed = false; // a head ending in an empty line was found
    QString startLine;
    QList<std::pair<QString, QString>> headers; // wire order, names as sent
    QByteArray body; // as on the wire (chunked or compressed bodies stay so)
    qsizetype headersSize = -1; // start line through the empty line
};

// Header bytes are kept one byte per character (Latin-1), as HTTP defines them.
HttpMessage parseHttp(const QByteArray &raw)
{
    HttpMessage m;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return m;
    m.parsed = true;
    m.headersSize = end + 4;
    m.body = raw.mid(end + 4);
    const QList<QByteArray> lines = raw.left(end).split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (i == 0) {
            m.startLine = QString::fromLatin1(line);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) {
            m.headers.append({QString::fromLatin1(line), QString()});
            continue;
        }
        m.headers.append({QString::fromLatin1(line.left(colon)),
            QString::fromLatin1(line.mid(colon + 1)).trimmed()});
    }
    return m;
}

QString headerValue(const HttpMessage &m, QLatin1StringView name)
{
    for (const auto &[n, v] : m.headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QStringList headerValues(const HttpMessage &m, QLatin1StringView name)
{
    QStringList out;
    for (const auto &[n, v] : m.headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            out << v;
    }
    return out;
}

QJsonArray headersJson(const HttpMessage &m)
{
    QJsonArray out;
    for (const auto &[n, v] : m.headers)
        out.append(QJsonObject {{QStringLiteral("name"), n}, {QStringLiteral("value"), v}});
    return out;
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    Q_UNUSED(text)
    return !decoder.hasError();
}

// URLSearchParams-style decoding of the URL's query, in order, duplicates kept.
QJsonArray queryStringJson(const QUrl &url)
{
    QJsonArray out;
    const QString query = url.query(QUrl::FullyEncoded);
    if (query.isEmpty())
        return out;
    const auto decode = [](QString s) {
        s.replace(u'+', u' ');
        return QUrl::fromPercentEncoding(s.toUtf8());
    };
    for (const QString &part : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        out.append(QJsonObject {
            {QStringLiteral("name"), decode(eq < 0 ? part : part.left(eq))},
            {QStringLiteral("value"), eq < 0 ? QString() : decode(part.mid(eq + 1))},
        });
    }
    return out;
}

QJsonArray requestCookiesJson(const HttpMessage &m)
{
    QJsonArray out;
    for (const QString &header : headerValues(m, QLatin1StringView("cookie"))) {
        for (const QString &pair : header.split(u';', Qt::SkipEmptyParts)) {
            const QString p = pair.trimmed();
            const qsizetype eq = p.indexOf(u'=');
            out.append(QJsonObject {
                {QStringLiteral("name"), eq < 0 ? QString() : p.left(eq)},
                {QStringLiteral("value"), eq < 0 ? p : p.mid(eq + 1)},
            });
        }
    }
    return out;
}

QJsonArray responseCookiesJson(const HttpMessage &m)
{
    QJsonArray out;
    for (const QString &header : headerValues(m, QLatin1StringView("set-cookie"))) {
        for (const QNetworkCookie &c : QNetworkCookie::parseCookies(header.toLatin1())) {
            QJsonObject j {
                {QStringLiteral("name"), QString::fromLatin1(c.name())},
                {QStringLiteral("value"), QString::fromLatin1(c.value())},
                {QStringLiteral("httpOnly"), c.isHttpOnly()},
                {QStringLiteral("secure"), c.isSecure()},
            };
            if (!c.path().isEmpty())
                j.insert(QStringLiteral("path"), c.path());
            if (!c.domain().isEmpty())
                j.insert(QStringLiteral("domain"), c.domain());
            if (c.expirationDate().isValid())
                j.insert(QStringLiteral("expires"),
                    c.expirationDate().toUTC().toString(Qt::ISODateWithMs));
            switch (c.sameSitePolicy()) {
            case QNetworkCookie::SameSite::Lax:
                j.insert(QStringLiteral("sameSite"), QStringLiteral("Lax"));
                break;
            case QNetworkCookie::SameSite::Strict:
                j.insert(QStringLiteral("sameSite"), QStringLiteral("Strict"));
                break;
            case QNetworkCookie::SameSite::None:
                j.insert(QStringLiteral("sameSite"), QStringLiteral("None"));
                break;
            case QNetworkCookie::SameSite::Default:
                break;
            }
            out.append(j);
        }
    }
    return out;
}

QString withoutFragment(const QString &url)
{
    const qsizetype hash = url.indexOf(u'#');
    return hash < 0 ? url : url.left(hash);
}

// ---- times ----

QString isoTime(double epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::floor(epochMs)), Qt::UTC)
        .toString(Qt::ISODateWithMs);
}

// Milliseconds with microsecond precision.
double ms(qint64 us)
{
    return double(us) / 1000.0;
}

// ---- one run's entries ----

// One HAR entry in the making: indexes into the run's events.
struct Pending {
    int request = -1; // the Request event; -1 when nothing went on the wire
    int response = -1; // the Response event (or network failure) answering it
    QList<int> checks; // Check events judging it
    int exchange = 0;
    bool websocket = false;
    bool preflight = false;
    QList<int> packets; // Packet events carried by the WebSocket
    // A request the browser never sent because its preflight failed (the check's index).
    int unsentAfterPreflight = -1;
};

// The text of an Engine.IO packet as it went over the WebSocket. SocketIoClient records outgoing
// packets as sent; incoming ones as the page's decoder saw them: Socket.IO packets without the
// Engine.IO "4", other Engine.IO packets without their type digit (its name leads the summary),
// and "3probe" whole.
QString webSocketText(const TimelineEvent &e)
{
    const QString raw = QString::fromUtf8(e.raw);
    if (e.outgoing)
        return raw;
    if (e.layer == QLatin1StringView("socket.io"))
        return u'4' + raw;
    QString label = e.summary;
    if (label.startsWith(QStringLiteral("← ")))
        label = label.mid(2);
    if (label.startsWith(QLatin1StringView("pong probe")))
        return raw;
    static const QStringList engineTypes = {QStringLiteral("open"), QStringLiteral("close"),
        QStringLiteral("ping"), QStringLiteral("pong"), QStringLiteral("message"),
        QStringLiteral("upgrade"), QStringLiteral("noop")};
    const qsizetype type = engineTypes.indexOf(label.section(u' ', 0, 0));
    return type < 0 ? raw : QString::number(type) + raw;
}

bool isBinaryPacket(const TimelineEvent &e)
{
    // The recorder keeps no bytes for a binary packet (its summary says "<N bytes>").
    return e.raw.isEmpty() && e.summary.contains(QLatin1StringView(" bytes>"));
}

QList<Pending> collect(const RunResult &run)
{
    QList<Pending> out;
    QHash<int, int> open; // exchange → its latest request's Pending
    QHash<int, QList<int>> earlyChecks; // exchange → checks made before any request was sent
    int webSocket = -1; // the open WebSocket's Pending
    bool probing = false; // that WebSocket is an upgrade probe not yet upgraded
    const QList<TimelineEvent> &events = run.events;
    for (int i = 0; i < events.size(); ++i) {
        const TimelineEvent &e = events.at(i);
        switch (e.kind) {
        case TimelineKind::Request: {
            if (!e.exchange)
                break;
            Pending p;
            p.request = i;
            p.exchange = e.exchange;
            p.websocket = e.layer == QLatin1StringView("websocket");
            p.preflight = e.step == TimelineStep::Preflight
                && e.method.compare(QLatin1StringView("OPTIONS"), Qt::CaseInsensitive) == 0;
            p.checks = earlyChecks.take(e.exchange);
            open.insert(e.exchange, int(out.size()));
            out.append(p);
            break;
        }
        case TimelineKind::Response: {
            const auto it = open.constFind(e.exchange);
            if (!e.exchange || it == open.cend() || out[*it].response >= 0)
                break;
            Pending &p = out[*it];
            p.response = i;
            if (p.websocket && e.status == 101) {
                webSocket = *it;
                // socket.io-client probes with the session's sid; without one the WebSocket is
                // the first and only transport.
                probing
                    = QUrl(events.at(p.request).url).query().contains(QLatin1StringView("sid="));
            }
            break;
        }
        case TimelineKind::Check: {
            if (!e.exchange)
                break;
            const auto it = open.constFind(e.exchange);
            if (it == open.cend())
                earlyChecks[e.exchange].append(i);
            else
                out[*it].checks.append(i);
            break;
        }
        case TimelineKind::Frame:
            // Control frames: after a close frame nothing more goes over that WebSocket.
            if (webSocket >= 0 && e.exchange == out.at(webSocket).exchange
                && e.step == TimelineStep::Close)
                webSocket = -1;
            break;
        case TimelineKind::Packet: {
            if (webSocket < 0 || e.side != TimelineSide::Page)
                break;
            const QString text = webSocketText(e);
            if (probing && text != QLatin1StringView("2probe")
                && text != QLatin1StringView("3probe")
                && !(e.outgoing && text == QLatin1StringView("5")))
                break;
            if (probing && e.outgoing && text == QLatin1StringView("5"))
                probing = false; // the upgrade packet is the first one after the probe
            out[webSocket].packets.append(i);
            break;
        }
        default:
            break;
        }
    }
    // Requests the browser refused before sending anything (mixed content, Local Network Access,
    // a WebSocket refused up front): DevTools lists them as failed entries.
    for (auto it = earlyChecks.cbegin(); it != earlyChecks.cend(); ++it) {
        Pending p;
        p.exchange = it.key();
        p.checks = it.value();
        p.websocket = events.at(p.checks.constFirst()).layer == QLatin1StringView("websocket");
        out.append(p);
    }
    // A failed preflight: Chromium still lists the request it did not send, as a CORS error.
    const qsizetype sent = out.size();
    for (qsizetype k = 0; k < sent; ++k) {
        const Pending &p = out.at(k);
        if (!p.preflight || open.value(p.exchange) != int(k))
            continue; // not a preflight, or the actual request followed it
        for (const int c : p.checks) {
            const int index = events.at(c).checkIndex;
            if (index >= 0 && index < run.checks.size() && !run.checks.at(index).passed()) {
                Pending unsent;
                unsent.exchange = p.exchange;
                unsent.unsentAfterPreflight = c;
                out.append(unsent);
                break;
            }
        }
    }
    return out;
}

QString stageText(CorsStage stage)
{
    switch (stage) {
    case CorsStage::BeforeRequest:
        return QStringLiteral("request");
    case CorsStage::Preflight:
        return QStringLiteral("preflight");
    case CorsStage::Response:
        return QStringLiteral("response");
    case CorsStage::Redirect:
        return QStringLiteral("redirect");
    }
    return {};
}

QString reasonText(const BrowserReason &reason)
{
    return reason.hint ? QStringLiteral("%1 (%2)").arg(reason.code, *reason.hint) : reason.code;
}

// "CORS: passed", "CORS preflight: blocked — HeaderDisallowedByPreflightResponse (authorization)"
QString checkComment(const CorsCheck &check)
{
    const BrowserOutcome outcome = check.outcome();
    const QString stage = check.stage == CorsStage::Response
        ? QStringLiteral("CORS")
        : QStringLiteral("CORS %1").arg(stageText(check.stage));
    if (!outcome.passed)
        return QStringLiteral("%1: blocked — %2")
            .arg(stage,
                outcome.reason.code.isEmpty() ? outcome.networkError : reasonText(outcome.reason));
    if (!outcome.applies || !check.corsApplies)
        return QStringLiteral("%1: not applied (%2)")
            .arg(stage,
                check.crossOrigin ? QStringLiteral("not a CORS request")
                                  : QStringLiteral("same origin"));
    return QStringLiteral("%1: passed").arg(stage);
}

QJsonObject outcomeJson(const BrowserOutcome &o)
{
    QJsonObject j {{QStringLiteral("passed"), o.passed}};
    if (!o.applies)
        j.insert(QStringLiteral("applies"), false);
    if (!o.reason.code.isEmpty())
        j.insert(QStringLiteral("code"), o.reason.code);
    if (o.reason.hint)
        j.insert(QStringLiteral("hint"), *o.reason.hint);
    return j;
}

QJsonObject emptyContent()
{
    return {{QStringLiteral("size"), 0}, {QStringLiteral("mimeType"), QStringLiteral("x-unknown")}};
}

// What DevTools writes for a request that got no usable response.
QJsonObject failedResponse(const QString &error)
{
    return {
        {QStringLiteral("status"), 0},
        {QStringLiteral("statusText"), QString()},
        {QStringLiteral("httpVersion"), QString()},
        {QStringLiteral("headers"), QJsonArray()},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("content"), emptyContent()},
        {QStringLiteral("redirectURL"), QString()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), -1},
        {QStringLiteral("_transferSize"), 0},
        {QStringLiteral("_error"), error},
    };
}

QJsonObject responseJson(const TimelineEvent &e)
{
    if (e.raw.isEmpty()) {
        // A network failure: the summary is "no response: net::ERR_…".
        const QString prefix = QStringLiteral("no response: ");
        return failedResponse(
            e.summary.startsWith(prefix) ? e.summary.mid(prefix.size()) : e.summary);
    }
    const HttpMessage m = parseHttp(e.raw);
    const QStringList status = m.startLine.split(u' ');
    QJsonObject content;
    const QString mime = headerValue(m, QLatin1StringView("content-type"));
    const bool encoded = headerValue(m, QLatin1StringView("transfer-encoding"))
                             .contains(QLatin1StringView("chunked"), Qt::CaseInsensitive)
        || (!headerValue(m, QLatin1StringView("content-encoding")).isEmpty()
            && headerValue(m, QLatin1StringView("content-encoding"))
                    .compare(QLatin1StringView("identity"), Qt::CaseInsensitive)
                != 0);
    qint64 size = m.body.size();
    if (encoded) {
        // The client decoded the body (chunks, gzip, deflate); the event's detail keeps the
        // decoded text after the head and an empty line.
        const qsizetype blank = e.detail.indexOf(QStringLiteral("\n\n"));
        const QString text = blank < 0 ? QString() : e.detail.mid(blank + 2);
        size = text.toUtf8().size();
        content.insert(QStringLiteral("text"), text);
        content.insert(QStringLiteral("compression"), size - m.body.size());
    } else if (!m.body.isEmpty()) {
        if (isUtf8(m.body)) {
            content.insert(QStringLiteral("text"), QString::fromUtf8(m.body));
        } else {
            content.insert(QStringLiteral("text"), QString::fromLatin1(m.body.toBase64()));
            content.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
        }
    }
    content.insert(QStringLiteral("size"), size);
    content.insert(QStringLiteral("mimeType"), mime.isEmpty() ? QStringLiteral("x-unknown") : mime);
    return {
        {QStringLiteral("status"), e.status ? e.status : status.value(1).toInt()},
        {QStringLiteral("statusText"), m.startLine.section(u' ', 2)},
        {QStringLiteral("httpVersion"), status.value(0)},
        {QStringLiteral("headers"), headersJson(m)},
        {QStringLiteral("cookies"), responseCookiesJson(m)},
        {QStringLiteral("content"), content},
        {QStringLiteral("redirectURL"), headerValue(m, QLatin1StringView("location"))},
        {QStringLiteral("headersSize"), m.headersSize},
        {QStringLiteral("bodySize"), m.body.size()},
        {QStringLiteral("_transferSize"), e.raw.size()},
    };
}

QJsonObject requestJson(const TimelineEvent &e)
{
    const HttpMessage m = parseHttp(e.raw);
    const QStringList line = m.startLine.split(u' ');
    const QUrl url(e.url);
    QJsonObject j {
        {QStringLiteral("method"), e.method.isEmpty() ? line.value(0) : e.method},
        {QStringLiteral("url"), withoutFragment(e.url)},
        {QStringLiteral("httpVersion"), m.parsed ? line.value(2) : QString()},
        {QStringLiteral("headers"), headersJson(m)},
        {QStringLiteral("queryString"), queryStringJson(url)},
        {QStringLiteral("cookies"), requestCookiesJson(m)},
        {QStringLiteral("headersSize"), m.headersSize},
        {QStringLiteral("bodySize"), m.body.size()},
    };
    if (!m.body.isEmpty()) {
        j.insert(QStringLiteral("postData"),
            QJsonObject {
                {QStringLiteral("mimeType"), headerValue(m, QLatin1StringView("content-type"))},
                {QStringLiteral("text"), QString::fromUtf8(m.body)},
            });
    }
    return j;
}

// A request that never reached the wire: what the check knew about it.
QJsonObject unsentRequestJson(const QString &method, const QString &url)
{
    return {
        {QStringLiteral("method"), method},
        {QStringLiteral("url"), withoutFragment(url)},
        {QStringLiteral("httpVersion"), QString()},
        {QStringLiteral("headers"), QJsonArray()},
        {QStringLiteral("queryString"), queryStringJson(QUrl(url))},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), 0},
    };
}

QJsonObject timingsJson(double waitMs)
{
    // Each request is one exchange on its own connection; the timeline knows when the request
    // left and when its answer was complete, not the phases in between.
    return {
        {QStringLiteral("blocked"), -1},
        {QStringLiteral("dns"), -1},
        {QStringLiteral("connect"), -1},
        {QStringLiteral("ssl"), -1},
        {QStringLiteral("send"), 0},
        {QStringLiteral("wait"), waitMs},
        {QStringLiteral("receive"), 0},
    };
}

struct BuiltEntry {
    double startMs = 0; // epoch
    int seq = 0;
    QJsonObject json;
};

QString profileName(const RunResult &run)
{
    if (!run.profile.name.isEmpty())
        return run.profile.name;
    const QString file = QFileInfo(run.profilePath).fileName();
    return file.isEmpty() ? QStringLiteral("profile") : file;
}

QList<BuiltEntry> entriesFor(const RunResult &run, const QString &pageId, double baseMs)
{
    QList<BuiltEntry> out;
    const QList<TimelineEvent> &events = run.events;
    const QList<Pending> pending = collect(run);
    int connection = 0;
    for (const Pending &p : pending) {
        const TimelineEvent *request = p.request >= 0 ? &events.at(p.request) : nullptr;
        const TimelineEvent *response = p.response >= 0 ? &events.at(p.response) : nullptr;
        const int firstCheck = p.unsentAfterPreflight >= 0 ? p.unsentAfterPreflight
            : p.checks.isEmpty()                           ? -1
                                                           : p.checks.constFirst();
        const TimelineEvent &lead = request ? *request : events.at(firstCheck);

        QJsonObject entry;
        entry.insert(QStringLiteral("pageref"), pageId);
        const double startMs = baseMs + ms(lead.timeUs);
        entry.insert(QStringLiteral("startedDateTime"), isoTime(startMs));
        const double waitMs = response ? ms(response->timeUs - lead.timeUs) : 0.0;
        entry.insert(QStringLiteral("time"), waitMs);
        entry.insert(QStringLiteral("timings"), timingsJson(waitMs));
        entry.insert(QStringLiteral("cache"), QJsonObject());

        // The checks: the failing one (in the run's browser) decides how the response looks.
        QStringList comments;
        QJsonArray checksJson;
        const CorsCheck *failed = nullptr;
        const QList<int> checkEvents
            = p.unsentAfterPreflight >= 0 ? QList<int> {p.unsentAfterPreflight} : p.checks;
        for (const int c : checkEvents) {
            const int index = events.at(c).checkIndex;
            if (index < 0 || index >= run.checks.size())
                continue;
            const CorsCheck &check = run.checks.at(index);
            comments << checkComment(check);
            checksJson.append(QJsonObject {
                {QStringLiteral("index"), index},
                {QStringLiteral("stage"), stageText(check.stage)},
                {QStringLiteral("chromium"), outcomeJson(check.chromium)},
                {QStringLiteral("firefox"), outcomeJson(check.firefox)},
            });
            if (!failed && !check.passed())
                failed = &check;
        }

        const QString resourceType = p.websocket ? QStringLiteral("websocket")
            : p.preflight                        ? QStringLiteral("preflight")
                                                 : QStringLiteral("xhr");
        if (request) {
            entry.insert(QStringLiteral("request"), requestJson(*request));
            const QUrl url(request->url);
            if (QHostAddress(url.host()).isNull() == false)
                entry.insert(QStringLiteral("serverIPAddress"), url.host());
            if (url.port() > 0)
                entry.insert(QStringLiteral("_serverPort"), url.port());
            // Every NetworkExchange and WebSocket opens its own TCP connection.
            entry.insert(QStringLiteral("connection"), QString::number(++connection));
        } else if (p.unsentAfterPreflight >= 0 && failed) {
            entry.insert(QStringLiteral("request"), unsentRequestJson(failed->method, failed->url));
        } else {
            const TimelineEvent &check = events.at(firstCheck);
            entry.insert(QStringLiteral("request"),
                unsentRequestJson(
                    check.method.isEmpty() ? QStringLiteral("GET") : check.method, check.url));
        }

        // The response. A CORS failure in Chromium: the network service drops the response
        // before the page (and DevTools' HAR export) gets it, so DevTools writes status 0, no
        // headers and `_error` "net::ERR_FAILED" — we write the same, and keep what the server
        // really answered (CorsLab saw it) in `response._corslabReceived`. Firefox's network
        // monitor records the response before its CORS check, so a Firefox run keeps the real
        // response in the standard fields. Either way entry.comment names the failed check.
        QJsonObject responseObject;
        const bool chromiumLike = run.browser != Browser::Firefox;
        if (!request) {
            const BrowserOutcome outcome = failed ? failed->outcome() : BrowserOutcome {};
            responseObject
                = failedResponse(outcome.networkError.isEmpty() ? QStringLiteral("net::ERR_FAILED")
                                                                : outcome.networkError);
        } else if (!response) {
            // Still pending when the run ended (the client stopped): DevTools shows it aborted.
            responseObject = failedResponse(QStringLiteral("net::ERR_ABORTED"));
        } else if (failed && failed->stage != CorsStage::Preflight && chromiumLike
            && !response->raw.isEmpty()) {
            const BrowserOutcome outcome = failed->outcome();
            responseObject
                = failedResponse(outcome.networkError.isEmpty() ? QStringLiteral("net::ERR_FAILED")
                                                                : outcome.networkError);
            responseObject.insert(QStringLiteral("_corslabReceived"), responseJson(*response));
        } else {
            responseObject = responseJson(*response);
        }
        entry.insert(QStringLiteral("response"), responseObject);

        entry.insert(QStringLiteral("_resourceType"), resourceType);
        if (p.preflight && request) {
            // DevTools names the request a preflight was made for.
            entry.insert(QStringLiteral("_initiator"),
                QJsonObject {{QStringLiteral("type"), QStringLiteral("preflight")},
                    {QStringLiteral("url"), withoutFragment(request->url)}});
        }
        if (p.websocket) {
            QJsonArray messages;
            for (const int k : p.packets) {
                const TimelineEvent &packet = events.at(k);
                const bool binary = isBinaryPacket(packet);
                messages.append(QJsonObject {
                    {QStringLiteral("type"),
                        packet.outgoing ? QStringLiteral("send") : QStringLiteral("receive")},
                    {QStringLiteral("time"), (baseMs + ms(packet.timeUs)) / 1000.0},
                    {QStringLiteral("opcode"), binary ? 2 : 1},
                    {QStringLiteral("data"), binary ? QString() : webSocketText(packet)},
                });
            }
            entry.insert(QStringLiteral("_webSocketMessages"), messages);
        }
        if (p.websocket && checkEvents.isEmpty())
            comments << QStringLiteral("CORS: not applied (a WebSocket handshake is not a CORS "
                                       "request; the server alone decides on its Origin)");
        else if (checkEvents.isEmpty())
            comments << (response ? QStringLiteral("CORS: no check recorded")
                                  : QStringLiteral("CORS: no check (no response before the run "
                                                   "ended)"));
        if (p.unsentAfterPreflight >= 0)
            comments << QStringLiteral("not sent: its preflight failed");
        else if (!request)
            comments << QStringLiteral("not sent: refused before the request");
        if (!comments.isEmpty())
            entry.insert(QStringLiteral("comment"), comments.join(QStringLiteral("; ")));

        QJsonObject corslab {
            {QStringLiteral("exchange"), p.exchange},
            {QStringLiteral("checks"), checksJson},
        };
        if (request)
            corslab.insert(QStringLiteral("requestSeq"), request->seq);
        if (response)
            corslab.insert(QStringLiteral("responseSeq"), response->seq);
        if (failed) {
            const BrowserOutcome outcome = failed->outcome();
            corslab.insert(QStringLiteral("blocked"),
                QJsonObject {
                    {QStringLiteral("browser"), browserName(run.browser)},
                    {QStringLiteral("stage"), stageText(failed->stage)},
                    {QStringLiteral("code"), outcome.reason.code},
                    {QStringLiteral("hint"), outcome.reason.hint.value_or(QString())},
                });
        }
        entry.insert(QStringLiteral("_corslab"), corslab);

        out.append({startMs, request ? request->seq : lead.seq, entry});
    }
    std::stable_sort(out.begin(), out.end(), [](const BuiltEntry &a, const BuiltEntry &b) {
        return a.startMs != b.startMs ? a.startMs < b.startMs : a.seq < b.seq;
    });
    return out;
}

QString runComment(const RunResult &run)
{
    QStringList lines;
    const RunVerdict &v = run.verdict;
    QString head = QStringLiteral("%1 in %2: %3")
                       .arg(profileName(run), browserName(run.browser), verdictName(v.verdict));
    if (!v.reason.isEmpty())
        head += QStringLiteral(" — ") + v.reason;
    if (!v.hint.isEmpty())
        head += QStringLiteral(" (%1)").arg(v.hint);
    lines << head;
    if (!run.setupError.isEmpty())
        lines << QStringLiteral("Setup: ") + run.setupError;
    if (v.messages) {
        if (!v.messages->chromiumMessage.isEmpty())
            lines << QStringLiteral("Chromium: ") + v.messages->chromiumMessage;
        if (!v.messages->firefoxMessageEn.isEmpty())
            lines << QStringLiteral("Firefox: ") + v.messages->firefoxMessageEn;
    }
    if (run.fix)
        lines << QStringLiteral("Fix: ") + run.fix->title;
    return lines.join(u'\n');
}

QJsonObject pageJson(const RunResult &run, const QString &id, double baseMs)
{
    const RunVerdict &v = run.verdict;
    QJsonObject corslab {
        {QStringLiteral("profileName"), profileName(run)},
        {QStringLiteral("browser"), browserName(run.browser)},
        {QStringLiteral("verdict"), verdictName(v.verdict)},
        {QStringLiteral("reason"), v.reason},
        {QStringLiteral("chromiumReason"), v.chromiumReason},
        {QStringLiteral("firefoxReason"), v.firefoxReason},
        {QStringLiteral("transport"), v.transport},
        {QStringLiteral("asExpected"), run.asExpected},
        {QStringLiteral("serverUrl"), run.serverUrl},
        {QStringLiteral("pageOrigin"), run.pageOrigin},
    };
    if (!run.profilePath.isEmpty())
        corslab.insert(QStringLiteral("profileFile"), QFileInfo(run.profilePath).fileName());
    if (run.profile.expect)
        corslab.insert(QStringLiteral("expect"),
            QJsonObject {{QStringLiteral("verdict"), verdictName(run.profile.expect->verdict)},
                {QStringLiteral("reason"), run.profile.expect->reason}});
    if (run.fix)
        corslab.insert(QStringLiteral("fix"),
            QJsonObject {
                {QStringLiteral("id"), run.fix->id}, {QStringLiteral("title"), run.fix->title}});
    if (!run.setupError.isEmpty())
        corslab.insert(QStringLiteral("setupError"), run.setupError);
    const QString title = run.pageOrigin.isEmpty() ? run.serverUrl : run.pageOrigin;
    return {
        {QStringLiteral("startedDateTime"), isoTime(baseMs)},
        {QStringLiteral("id"), id},
        {QStringLiteral("title"), title},
        {QStringLiteral("pageTimings"),
            QJsonObject {{QStringLiteral("onContentLoad"), -1}, {QStringLiteral("onLoad"), -1}}},
        {QStringLiteral("comment"), run.profile.description},
        {QStringLiteral("_corslab"), corslab},
    };
}

// ---- the writer: JSON.stringify(har, null, 2) with HAR's member order ----

int memberRank(const QString &key)
{
    // One order for every HAR object (the specification's, as DevTools writes it); each object
    // uses the names it has. Other names follow, custom "_" names last, each group sorted.
    static const QStringList order = {QStringLiteral("name"), QStringLiteral("value"),
        QStringLiteral("version"), QStringLiteral("creator"), QStringLiteral("browser"),
        QStringLiteral("pages"), QStringLiteral("entries"), QStringLiteral("path"),
        QStringLiteral("domain"), QStringLiteral("expires"), QStringLiteral("httpOnly"),
        QStringLiteral("secure"), QStringLiteral("sameSite"), QStringLiteral("pageref"),
        QStringLiteral("startedDateTime"), QStringLiteral("id"), QStringLiteral("title"),
        QStringLiteral("pageTimings"), QStringLiteral("onContentLoad"), QStringLiteral("onLoad"),
        QStringLiteral("type"), QStringLiteral("time"), QStringLiteral("opcode"),
        QStringLiteral("data"), QStringLiteral("request"), QStringLiteral("response"),
        QStringLiteral("cache"), QStringLiteral("timings"), QStringLiteral("method"),
        QStringLiteral("url"), QStringLiteral("status"), QStringLiteral("statusText"),
        QStringLiteral("httpVersion"), QStringLiteral("cookies"), QStringLiteral("headers"),
        QStringLiteral("queryString"), QStringLiteral("postData"), QStringLiteral("content"),
        QStringLiteral("size"), QStringLiteral("compression"), QStringLiteral("mimeType"),
        QStringLiteral("params"), QStringLiteral("text"), QStringLiteral("encoding"),
        QStringLiteral("redirectURL"), QStringLiteral("headersSize"), QStringLiteral("bodySize"),
        QStringLiteral("blocked"), QStringLiteral("dns"), QStringLiteral("connect"),
        QStringLiteral("send"), QStringLiteral("wait"), QStringLiteral("receive"),
        QStringLiteral("ssl"), QStringLiteral("serverIPAddress"), QStringLiteral("connection"),
        QStringLiteral("comment")};
    const qsizetype i = order.indexOf(key);
    if (i >= 0)
        return int(i);
    return key.startsWith(u'_') ? int(order.size()) + 1 : int(order.size());
}

void writeValue(QByteArray &out, const QJsonValue &value, int depth)
{
    const QByteArray indent(2 * (depth + 1), ' ');
    const QByteArray closing(2 * depth, ' ');
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double:
        out += JsonWriter::formatNumber(value.toDouble());
        return;
    case QJsonValue::String:
        JsonWriter::appendQuoted(out, value.toString());
        return;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += indent;
            writeValue(out, array.at(i), depth + 1);
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        out += closing + ']';
        return;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            return;
        }
        QStringList keys = object.keys();
        std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            const int ra = memberRank(a);
            const int rb = memberRank(b);
            return ra != rb ? ra < rb : a < b;
        });
        out += "{\n";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out += indent;
            JsonWriter::appendQuoted(out, keys.at(i));
            out += ": ";
            writeValue(out, object.value(keys.at(i)), depth + 1);
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        out += closing + '}';
        return;
    }
    }
}

} // namespace

QJsonObject HarWriter::toHar(const QList<RunResult> &runs)
{
    qint64 totalUs = 0;
    for (const RunResult &run : runs)
        totalUs += run.wallUs;
    return toHar(runs, QDateTime::currentDateTimeUtc().addMSecs(-(totalUs / 1000)));
}

QJsonObject HarWriter::toHar(const QList<RunResult> &runs, const QDateTime &startedAt)
{
    QJsonArray pages;
    QJsonArray entries;
    QStringList comments;
    double baseMs = double(startedAt.toMSecsSinceEpoch());
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const RunResult &run = runs.at(i);
        const QString id = QStringLiteral("page_%1").arg(i + 1);
        pages.append(pageJson(run, id, baseMs));
        for (const BuiltEntry &e : entriesFor(run, id, baseMs))
            entries.append(e.json);
        comments << runComment(run);
        // The next run starts after this one's last event (and its wall time).
        qint64 lastUs = run.wallUs;
        if (!run.events.isEmpty())
            lastUs = std::max(lastUs, run.events.constLast().timeUs);
        baseMs += ms(lastUs);
    }
    QJsonObject log {
        {QStringLiteral("version"), QStringLiteral("1.2")},
        {QStringLiteral("creator"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("CorsLab")},
                {QStringLiteral("version"), QStringLiteral(CORSLAB_VERSION)}}},
        {QStringLiteral("pages"), pages},
        {QStringLiteral("entries"), entries},
        {QStringLiteral("comment"), comments.join(QStringLiteral("\n\n"))},
    };
    return {{QStringLiteral("log"), log}};
}

QByteArray HarWriter::toBytes(const QList<RunResult> &runs)
{
    return write(toHar(runs));
}

QByteArray HarWriter::toBytes(const QList<RunResult> &runs, const QDateTime &startedAt)
{
    return write(toHar(runs, startedAt));
}

QByteArray HarWriter::write(const QJsonObject &har)
{
    QByteArray out;
    writeValue(out, har, 0);
    out += '\n';
    return out;
}

} // namespace corslab
