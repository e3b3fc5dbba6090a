#include "browserxhr.h"

#include "profile/jsonnode.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace corslab {

BrowserSession::BrowserSession(
    Browser browser, const QString &pageOrigin, TimelineRecorder *recorder)
    : m_browser(browser)
    , m_pageOrigin(pageOrigin)
    , m_recorder(recorder)
    , m_cookies(browser)
    , m_preflightCache(browser)
{ }

qint64 BrowserSession::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString BrowserSession::userAgent() const
{
    switch (m_browser) {
    case Browser::Chromium:
        return QStringLiteral(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/156.0.0.0 Safari/537.36");
    case Browser::Firefox:
        return QStringLiteral(
            "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0");
    case Browser::Node:
        return QString(); // engine.io-client in Node sends none of its own
    }
    return {};
}

QString BrowserSession::fetchSite(const QString &url) const
{
    const BrowserOrigin page = BrowserOrigin::fromText(m_pageOrigin);
    const BrowserOrigin target = BrowserOrigin::fromUrl(url);
    if (page.isSameOrigin(target))
        return QStringLiteral("same-origin");
    if (BrowserCookieJar::site(m_pageOrigin) == BrowserCookieJar::site(url))
        return QStringLiteral("same-site");
    return QStringLiteral("cross-site");
}

QList<BrowserHeader> BrowserSession::stackHeaders(const QString &url, bool websocket) const
{
    QList<BrowserHeader> h;
    if (m_browser == Browser::Node)
        return h;
    h.append({QStringLiteral("User-Agent"), userAgent()});
    if (!websocket) {
        h.append({QStringLiteral("Sec-Fetch-Site"), fetchSite(url)});
        h.append({QStringLiteral("Sec-Fetch-Mode"), QStringLiteral("cors")});
        h.append({QStringLiteral("Sec-Fetch-Dest"), QStringLiteral("empty")});
    }
    h.append({QStringLiteral("Accept-Encoding"), QStringLiteral("gzip, deflate")});
    h.append({QStringLiteral("Accept-Language"), QStringLiteral("en-US,en;q=0.9")});
    return h;
}

QByteArray serializeRequest(const QString &method, const QUrl &url,
    const QList<BrowserHeader> &headers, const QByteArray &body)
{
    QByteArray out = method.toLatin1() + ' '
        + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (url.path().isEmpty())
        out.insert(method.size() + 1, '/');
    out += " HTTP/1.1\r\n";
    const bool tls = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("wss");
    const int defaultPort = tls ? 443 : 80;
    QString host = url.host();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    if (url.port(defaultPort) != defaultPort)
        host += u':' + QString::number(url.port());
    out += "Host: " + host.toUtf8() + "\r\n";
    for (const BrowserHeader &h : headers)
        out += h.name.toLatin1() + ": " + h.value.toUtf8() + "\r\n";
    if (!body.isEmpty() || method == QLatin1String("POST") || method == QLatin1String("PUT"))
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

BrowserXhr::BrowserXhr(BrowserSession *session, TimelineStep step, const QString &method,
    const QString &url, const QList<BrowserHeader> &pageHeaders, bool withCredentials,
    const QByteArray &body, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_step(step)
    , m_body(body)
{
    m_request.browser = session->browser();
    m_request.api = RequestApi::XmlHttpRequest;
    m_request.method = method;
    m_request.url = url;
    m_request.pageOrigin = session->pageOrigin();
    m_request.headers = pageHeaders;
    m_request.credentials = session->browser() == Browser::Node
        ? CredentialsMode::Include
        : BrowserRequest::xhrCredentials(withCredentials);
    m_request.hasBody = !body.isEmpty();
    m_request.pageAddress = session->pageAddress;
    m_request.targetAddress = session->targetAddress;
    m_request.localNetworkPermission = session->localNetworkPermission;
}

void BrowserXhr::start()
{
    m_exchange = m_session->recorder()->nextExchange();
    m_cors.emplace(m_request);
    const CorsCheck before = m_cors->checkBeforeRequest();
    const BrowserOutcome outcome = before.outcome();
    if (!outcome.passed || !outcome.warnings.isEmpty() || !before.droppedHeaders.isEmpty()) {
        const int index = recordCheck(before);
        if (!outcome.passed) {
            XhrResult r;
            r.failedCheck = index;
            r.netError = outcome.networkError.isEmpty() ? QStringLiteral("net::ERR_FAILED")
                                                        : outcome.networkError;
            finishWith(r);
            return;
        }
    }
    if (m_cors->needsPreflight()) {
        if (m_session->preflightCache().covers(*m_cors, m_session->nowMs())) {
            TimelineEvent e;
            e.side = TimelineSide::Browser;
            e.layer = QStringLiteral("cors");
            e.step = TimelineStep::Preflight;
            e.kind = TimelineKind::Note;
            e.exchange = m_exchange;
            e.url = m_cors->url();
            e.summary = QStringLiteral("preflight cache hit: no OPTIONS request");
            m_session->recorder()->record(e);
        } else {
            sendPreflight();
            return;
        }
    }
    sendActual();
}

void BrowserXhr::abort()
{
    m_done = true;
    if (m_network)
        m_network->abort();
}

void BrowserXhr::recordRequest(
    const OutgoingRequest &request, const QByteArray &raw, bool preflight)
{
    TimelineEvent e;
    e.side = TimelineSide::Browser;
    e.layer = QStringLiteral("http");
    e.step = preflight ? TimelineStep::Preflight : m_step;
    e.kind = TimelineKind::Request;
    e.exchange = m_exchange;
    e.outgoing = true;
    e.method = request.method;
    e.url = request.url;
    const QUrl url(request.url);
    e.summary = request.method + u' ' + url.path()
        + (url.hasQuery() ? u'?' + url.query(QUrl::FullyEncoded) : QString());
    e.detail = QString::fromUtf8(raw.left(raw.indexOf("\r\n\r\n")))
                   .replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    e.raw = raw;
    m_session->recorder()->record(e);
}

void BrowserXhr::recordResponse(const NetworkResponse &response, bool preflight)
{
    TimelineEvent e;
    e.side = TimelineSide::Network;
    e.layer = QStringLiteral("http");
    e.step = preflight ? TimelineStep::Preflight : m_step;
    e.kind = TimelineKind::Response;
    e.exchange = m_exchange;
    e.status = response.status;
    e.url = m_cors ? m_cors->url() : m_request.url;
    QString body = QString::fromUtf8(response.body.left(200));
    if (response.body.size() > 200)
        body += QStringLiteral("…");
    e.summary = QString::number(response.status) + u' ' + response.statusText
        + (response.body.isEmpty() ? QString() : QStringLiteral("  ") + body);
    e.detail = QString::fromLatin1(response.rawHead)
                   .replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
        + QStringLiteral("\n\n") + QString::fromUtf8(response.body);
    e.raw = response.rawHead + "\r\n\r\n" + response.rawBody;
    m_session->recorder()->record(e);
}

int BrowserXhr::recordCheck(const CorsCheck &check)
{
    const int index = m_session->recorder()->addCheck(check);
    const BrowserOutcome outcome = check.outcome();
    TimelineEvent e;
    e.side = TimelineSide::Browser;
    e.layer = QStringLiteral("cors");
    e.step = check.stage == CorsStage::Preflight ? TimelineStep::Preflight : m_step;
    e.kind = TimelineKind::Check;
    e.exchange = m_exchange;
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
    for (const BrowserReason &w : outcome.warnings)
        e.summary += QStringLiteral("; warning %1").arg(w.code);
    for (const BrowserHeader &h : check.droppedHeaders)
        e.summary += QStringLiteral("; %1 dropped (forbidden header)").arg(h.name);
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
    m_session->recorder()->record(e);
    return index;
}

BrowserResponse BrowserXhr::toBrowserResponse(const NetworkResponse &response) const
{
    BrowserResponse r;
    r.status = response.status;
    r.headers = response.headers;
    return r;
}

void BrowserXhr::sendPreflight()
{
    const OutgoingRequest p = m_cors->preflightRequest();
    QList<BrowserHeader> headers = p.headers;
    headers += m_session->stackHeaders(p.url, false);
    for (BrowserHeader &h : headers) {
        if (h.name == QLatin1String("Sec-Fetch-Mode"))
            h.value = QStringLiteral("cors");
    }
    const QByteArray raw = serializeRequest(p.method, QUrl(p.url), headers, {});
    recordRequest(p, raw, true);
    m_network = new NetworkExchange(QUrl(p.url), raw, m_session->networkTimeoutMs, this);
    connect(m_network, &NetworkExchange::finished, this, &BrowserXhr::onPreflightResponse);
    connect(m_network, &NetworkExchange::failed, this,
        [this](const QString &net, const QString &detail) {
            onNetworkFailure(CorsStage::Preflight, net, detail);
        });
    m_network->start();
}

void BrowserXhr::onPreflightResponse(const NetworkResponse &response)
{
    if (m_done)
        return;
    recordResponse(response, true);
    const CorsCheck check = m_cors->checkPreflight(toBrowserResponse(response));
    const int index = recordCheck(check);
    if (!check.passed()) {
        m_session->preflightCache().forgetAfterFailure(*m_cors);
        XhrResult r;
        r.failedCheck = index;
        r.netError = check.outcome().networkError.isEmpty() ? QStringLiteral("net::ERR_FAILED")
                                                            : check.outcome().networkError;
        finishWith(r);
        return;
    }
    m_session->preflightCache().store(*m_cors, toBrowserResponse(response), m_session->nowMs());
    sendActual();
}

void BrowserXhr::sendActual()
{
    const OutgoingRequest a = m_cors->actualRequest();
    QList<BrowserHeader> headers = a.headers;
    QStringList withheld;
    const QString cookie = m_session->cookies().cookieHeader(
        a.url, m_session->pageOrigin(), a.sendsCookies, m_session->nowMs(), &withheld);
    if (!cookie.isEmpty())
        headers.append({QStringLiteral("Cookie"), cookie});
    headers += m_session->stackHeaders(a.url, false);
    const QByteArray raw = serializeRequest(a.method, QUrl(a.url), headers,
        a.method == QLatin1String("GET") || a.method == QLatin1String("HEAD") ? QByteArray()
                                                                              : m_body);
    recordRequest(a, raw, false);
    for (const QString &note : withheld) {
        TimelineEvent e;
        e.side = TimelineSide::Browser;
        e.layer = QStringLiteral("cookies");
        e.step = m_step;
        e.exchange = m_exchange;
        e.summary = note;
        m_session->recorder()->record(e);
    }
    m_network = new NetworkExchange(QUrl(a.url), raw, m_session->networkTimeoutMs, this);
    connect(m_network, &NetworkExchange::finished, this, &BrowserXhr::onActualResponse);
    connect(m_network, &NetworkExchange::failed, this,
        [this](const QString &net, const QString &detail) {
            onNetworkFailure(CorsStage::Response, net, detail);
        });
    m_network->start();
}

void BrowserXhr::onActualResponse(const NetworkResponse &response)
{
    if (m_done)
        return;
    recordResponse(response, false);
    const OutgoingRequest a = m_cors->actualRequest();
    const QStringList setCookies = response.headerLines(QStringLiteral("Set-Cookie"));
    if (!setCookies.isEmpty()) {
        const QStringList notes = m_session->cookies().receive(
            m_cors->url(), m_session->pageOrigin(), a.sendsCookies, setCookies, m_session->nowMs());
        for (const QString &note : notes) {
            TimelineEvent e;
            e.side = TimelineSide::Browser;
            e.layer = QStringLiteral("cookies");
            e.step = m_step;
            e.exchange = m_exchange;
            e.summary = note;
            m_session->recorder()->record(e);
        }
    }
    const BrowserResponse br = toBrowserResponse(response);
    if (br.isRedirect()) {
        const BrowserRedirect hop = m_cors->followRedirect(br);
        const int index = recordCheck(hop.check);
        if (!hop.check.passed() || !hop.next) {
            XhrResult r;
            r.failedCheck = hop.check.passed() ? -1 : index;
            r.netError = QStringLiteral("net::ERR_FAILED");
            finishWith(r);
            return;
        }
        m_cors.emplace(*hop.next);
        if (m_cors->redirectCount() > 20) {
            XhrResult r;
            r.netError = QStringLiteral("net::ERR_TOO_MANY_REDIRECTS");
            finishWith(r);
            return;
        }
        if (m_cors->needsPreflight()
            && !m_session->preflightCache().covers(*m_cors, m_session->nowMs()))
            sendPreflight();
        else
            sendActual();
        return;
    }
    const CorsCheck check = m_cors->checkResponse(br);
    const int index = recordCheck(check);
    XhrResult r;
    if (!check.passed()) {
        m_session->preflightCache().forgetAfterFailure(*m_cors);
        r.failedCheck = index;
        r.netError = check.outcome().networkError.isEmpty() ? QStringLiteral("net::ERR_FAILED")
                                                            : check.outcome().networkError;
        finishWith(r);
        return;
    }
    r.status = response.status;
    r.body = response.body;
    r.headers = response.headers;
    if (response.status >= 400) {
        const QJsonDocument doc = QJsonDocument::fromJson(response.body);
        if (doc.isObject() && doc.object().value(QLatin1String("message")).isString())
            r.serverMessage = doc.object().value(QLatin1String("message")).toString();
    }
    finishWith(r);
}

void BrowserXhr::onNetworkFailure(CorsStage stage, const QString &netError, const QString &detail)
{
    if (m_done)
        return;
    TimelineEvent e;
    e.side = TimelineSide::Network;
    e.layer = QStringLiteral("http");
    e.step = stage == CorsStage::Preflight ? TimelineStep::Preflight : m_step;
    e.kind = TimelineKind::Response;
    e.exchange = m_exchange;
    e.url = m_cors->url();
    e.summary = QStringLiteral("no response: %1").arg(netError);
    e.detail = detail;
    m_session->recorder()->record(e);
    const CorsCheck check = m_cors->checkNetworkFailure(stage, netError);
    XhrResult r;
    r.netError = netError;
    r.timedOut = netError == QLatin1String("net::ERR_TIMED_OUT");
    if (!check.passed() && !check.outcome().reason.code.isEmpty())
        r.failedCheck = recordCheck(check);
    finishWith(r);
}

void BrowserXhr::finishWith(XhrResult result)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(result);
}

} // namespace corslab
