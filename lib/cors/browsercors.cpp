// BrowserCors: the Fetch standard's CORS rules in Chromium's and Firefox's own check order.
//
// Sources, cited below by file name:
// - Chromium: services/network/public/cpp/cors/cors.cc (CheckAccess), services/network/cors/
//   preflight_controller.cc (CreatePreflightRequest, CheckPreflightAccess), preflight_result.cc
//   (Parse, EnsureAllowedCrossOriginMethod/Headers), cors_url_loader.cc (StartRequest,
//   OnReceiveRedirect, CheckRedirectLocation, CheckTainted), local_network_access_check_result.cc.
// - Firefox: netwerk/protocol/http/nsCORSListenerProxy.cpp (CheckRequestApproved,
//   AsyncOnChannelRedirect, nsCORSPreflightListener::CheckPreflightRequestApproved,
//   StartCORSPreflight), dom/security/nsMixedContentBlocker.cpp.
#include "browsercors.h"

#include <QUrl>

namespace corslab {

namespace {

constexpr QStringView AllowOrigin = u"Access-Control-Allow-Origin";
constexpr QStringView AllowCredentials = u"Access-Control-Allow-Credentials";
constexpr QStringView AllowMethods = u"Access-Control-Allow-Methods";
constexpr QStringView AllowHeaders = u"Access-Control-Allow-Headers";

BrowserReason reason(const QString &code)
{
    return BrowserReason {code, std::nullopt};
}

BrowserReason reason(const QString &code, const QString &hint)
{
    return BrowserReason {code, hint};
}

void fail(BrowserOutcome &outcome, const BrowserReason &why, const QString &networkError = {})
{
    outcome.passed = false;
    outcome.reason = why;
    outcome.networkError = networkError;
}

void notApplicable(BrowserOutcome &outcome)
{
    outcome = BrowserOutcome();
    outcome.applies = false;
}

bool containsCaseInsensitive(const QStringList &list, const QString &value)
{
    return list.contains(value, Qt::CaseInsensitive);
}

bool hasHeader(const QList<BrowserHeader> &headers, QStringView name)
{
    return BrowserFetchRules::lineCount(headers, name) > 0;
}

// A rough GURL validity test, used only to tell InvalidAllowOriginValue from AllowOriginMismatch:
// a scheme followed by ":"; for the special schemes a non-empty host without forbidden host code
// points and a numeric port. Other schemes ("localhost:3000" parses as scheme "localhost") pass.
bool isValidUrlForChromium(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || !text.at(0).isLetter() || text.at(0).unicode() > 0x7F)
        return false;
    for (qsizetype i = 1; i < colon; ++i) {
        const QChar c = text.at(i);
        const bool ok = (c.unicode() < 0x80 && c.isLetterOrNumber()) || c == QLatin1Char('+')
            || c == QLatin1Char('-') || c == QLatin1Char('.');
        if (!ok)
            return false;
    }
    const QString scheme = text.left(colon).toLower();
    const bool special = scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || scheme == QLatin1String("ws") || scheme == QLatin1String("wss")
        || scheme == QLatin1String("ftp");
    if (!special)
        return true;
    QStringView rest = QStringView(text).mid(colon + 1);
    while (
        !rest.isEmpty() && (rest.front() == QLatin1Char('/') || rest.front() == QLatin1Char('\\')))
        rest = rest.mid(1);
    qsizetype end = 0;
    while (end < rest.size() && rest.at(end) != QLatin1Char('/')
        && rest.at(end) != QLatin1Char('\\') && rest.at(end) != QLatin1Char('?')
        && rest.at(end) != QLatin1Char('#'))
        ++end;
    QStringView authority = rest.left(end);
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at >= 0)
        authority = authority.mid(at + 1);
    QStringView host = authority;
    QStringView port;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        host = authority.left(close + 1);
        const QStringView after = authority.mid(close + 1);
        if (!after.isEmpty()) {
            if (after.front() != QLatin1Char(':'))
                return false;
            port = after.mid(1);
        }
    } else if (const qsizetype portColon = authority.lastIndexOf(QLatin1Char(':'));
               portColon >= 0) {
        host = authority.left(portColon);
        port = authority.mid(portColon + 1);
    }
    if (host.isEmpty())
        return false;
    if (!host.startsWith(QLatin1Char('['))) {
        constexpr QStringView forbidden = u" #%/:<>?@[\\]^|";
        for (const QChar c : host) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7F || forbidden.contains(c))
                return false;
        }
    }
    bool ok = true;
    if (!port.isEmpty()) {
        const uint value = port.toUInt(&ok);
        ok = ok && value <= 65535;
    }
    return ok;
}

// Chromium cors.cc CheckAccess (Fetch "CORS check"): ACAO and ACAC read with their lines joined
// by ", ". nullopt: passed.
std::optional<BrowserReason> chromiumCheckAccess(
    const BrowserResponse &response, bool credentialed, const QString &origin)
{
    const std::optional<QString> allowOrigin = response.header(AllowOrigin);
    if (allowOrigin == QLatin1String("*")) {
        // A wildcard cannot be used with credentials, even with ACAC: true; ACAC is not read.
        if (credentialed)
            return reason(QStringLiteral("WildcardOriginNotAllowed"));
        return std::nullopt;
    }
    if (!allowOrigin)
        return reason(QStringLiteral("MissingAllowOriginHeader"));
    if (*allowOrigin != origin) {
        if (allowOrigin->contains(QLatin1Char(' ')) || allowOrigin->contains(QLatin1Char(',')))
            return reason(QStringLiteral("MultipleAllowOriginValues"), *allowOrigin);
        if (*allowOrigin == QLatin1String("null"))
            return reason(QStringLiteral("AllowOriginMismatch"), *allowOrigin);
        if (!isValidUrlForChromium(*allowOrigin))
            return reason(QStringLiteral("InvalidAllowOriginValue"), *allowOrigin);
        return reason(QStringLiteral("AllowOriginMismatch"), *allowOrigin);
    }
    if (credentialed) {
        // Case-sensitive, and an absent header is reported as the empty string.
        const std::optional<QString> allowCredentials = response.header(AllowCredentials);
        if (allowCredentials != QLatin1String("true"))
            return reason(
                QStringLiteral("InvalidAllowCredentials"), allowCredentials.value_or(QString()));
    }
    return std::nullopt;
}

// preflight_controller.cc CheckPreflightAccess: the same checks, reported as the Preflight* code.
BrowserReason chromiumPreflightVariant(const BrowserReason &actual)
{
    return BrowserReason {QLatin1String("Preflight") + actual.code, actual.hint};
}

// nsCORSListenerProxy::CheckRequestApproved, from the header-line count on (the pref
// content.cors.disable and channel failures are handled by the callers). nullopt: passed.
std::optional<BrowserReason> firefoxCheckRequestApproved(
    const BrowserResponse &response, bool credentialed, const QString &origin)
{
    // CheckOriginHeader counts the original response header lines.
    if (BrowserFetchRules::lineCount(response.headers, AllowOrigin) > 1)
        return reason(QStringLiteral("CORSMultipleAllowOriginNotAllowed"));
    const std::optional<QString> allowOrigin = response.header(AllowOrigin);
    if (!allowOrigin)
        return reason(QStringLiteral("CORSMissingAllowOrigin2"), QString::number(response.status));
    // Bug 1210985: "*" with credentials is named before the general mismatch.
    if (credentialed && *allowOrigin == QLatin1String("*"))
        return reason(QStringLiteral("CORSNotSupportingCredentials"));
    if ((credentialed || *allowOrigin != QLatin1String("*")) && *allowOrigin != origin)
        return reason(QStringLiteral("CORSAllowOriginNotMatchingOrigin"), *allowOrigin);
    if (credentialed && response.header(AllowCredentials) != QLatin1String("true"))
        return reason(QStringLiteral("CORSMissingAllowCredentials"));
    return std::nullopt;
}

QString hostOf(const QString &url)
{
    return QUrl(url).host(QUrl::FullyEncoded).toLower();
}

QString schemeOf(const QString &url)
{
    return QUrl(url).scheme().toLower();
}

bool isHttpScheme(const QString &scheme)
{
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

// Mixed Content: an https page may not load http:/ws: content, except from a potentially
// trustworthy (loopback) host.
bool isMixedContent(const BrowserOrigin &page, const QString &url)
{
    if (page.isOpaque()
        || (page.scheme() != QLatin1String("https") && page.scheme() != QLatin1String("wss")))
        return false;
    const QString scheme = schemeOf(url);
    if (scheme != QLatin1String("http") && scheme != QLatin1String("ws"))
        return false;
    return !isLoopbackHost(hostOf(url));
}

QList<BrowserHeader> accessControlLines(const BrowserResponse &response)
{
    QList<BrowserHeader> lines;
    for (const BrowserHeader &header : response.headers) {
        if (header.name.startsWith(QLatin1String("access-control-"), Qt::CaseInsensitive))
            lines << header;
    }
    return lines;
}

} // namespace

CredentialsMode BrowserRequest::xhrCredentials(bool withCredentials)
{
    return withCredentials ? CredentialsMode::Include : CredentialsMode::SameOrigin;
}

CredentialsMode BrowserRequest::fetchTransportCredentials(bool withCredentials)
{
    return withCredentials ? CredentialsMode::Include : CredentialsMode::Omit;
}

bool BrowserResponse::isRedirect() const
{
    return BrowserFetchRules::isRedirectStatus(status) && hasHeader(headers, u"Location");
}

std::optional<QString> BrowserResponse::header(QStringView name) const
{
    return BrowserFetchRules::combinedValue(headers, name);
}

BrowserOutcome CorsCheck::outcome() const
{
    switch (browser) {
    case Browser::Chromium:
        return chromium;
    case Browser::Firefox:
        return firefox;
    case Browser::Node:
        break;
    }
    BrowserOutcome none;
    none.applies = false;
    return none;
}

BrowserCors::BrowserCors(const BrowserRequest &request)
    : m_request(request)
    , m_pageOrigin(BrowserOrigin::fromText(request.pageOrigin))
    , m_method(BrowserFetchRules::normalizeMethod(request.method))
    , m_url(request.url)
    , m_initialUrl(request.url)
    , m_headers(request.headers)
    , m_hasBody(request.hasBody)
{
    // Fetch "main fetch": the CORS flag for a cors-mode request to another origin. WebSocket
    // handshakes have no CORS; engine.io-client in Node has no CORS either.
    m_corsFlag = request.browser != Browser::Node && request.api != RequestApi::WebSocket
        && isCrossOrigin();
}

bool BrowserCors::isCrossOrigin() const
{
    return !m_pageOrigin.isSameOrigin(BrowserOrigin::fromUrl(m_url));
}

bool BrowserCors::isCorsRequest() const
{
    return m_corsFlag;
}

QString BrowserCors::requestOrigin() const
{
    return m_tainted ? QStringLiteral("null") : m_pageOrigin.serialize();
}

std::optional<QString> BrowserCors::originHeader() const
{
    if (m_request.browser == Browser::Node)
        return std::nullopt;
    // Fetch "append a request Origin header": response tainting "cors" or a WebSocket handshake,
    // or any method but GET and HEAD (cors_url_loader.cc should_include_origin_header).
    if (m_corsFlag || m_request.api == RequestApi::WebSocket
        || (m_method != QLatin1String("GET") && m_method != QLatin1String("HEAD")))
        return requestOrigin();
    return std::nullopt;
}

QList<PlannedHeader> BrowserCors::plan(Browser browser) const
{
    QList<PlannedHeader> planned;
    if (m_request.api == RequestApi::WebSocket) {
        // new WebSocket(url, protocols): no way to pass headers.
        for (const BrowserHeader &header : m_headers)
            planned << PlannedHeader {header, HeaderDisposition::NotSupported};
        return planned;
    }
    if (browser == Browser::Node) {
        for (const BrowserHeader &header : m_headers)
            planned << PlannedHeader {header, HeaderDisposition::Sent};
        return planned;
    }
    for (const BrowserHeader &header : m_headers) {
        // WebIDL ByteString conversion runs before setRequestHeader()'s own steps.
        if (!BrowserFetchRules::isByteString(header.name)
            || !BrowserFetchRules::isByteString(header.value)) {
            planned << PlannedHeader {header, HeaderDisposition::ThrewTypeError};
            continue;
        }
        const QString value = BrowserFetchRules::normalizeHeaderValue(header.value);
        if (!BrowserFetchRules::isHttpToken(header.name)
            || !BrowserFetchRules::isHeaderValue(value)) {
            planned << PlannedHeader {header, HeaderDisposition::ThrewSyntaxError};
            continue;
        }
        if (BrowserFetchRules::isForbiddenRequestHeader(browser, header.name, value)) {
            planned << PlannedHeader {
                BrowserHeader {header.name, value}, HeaderDisposition::DroppedForbidden};
            continue;
        }
        // XHR setRequestHeader() "combine": a repeated name (any case) appends ", value" to the
        // first one, which keeps its spelling and place.
        bool combined = false;
        for (PlannedHeader &existing : planned) {
            if (existing.disposition == HeaderDisposition::Sent
                && existing.header.name.compare(header.name, Qt::CaseInsensitive) == 0) {
                existing.header.value += QLatin1String(", ") + value;
                combined = true;
                break;
            }
        }
        if (!combined)
            planned << PlannedHeader {BrowserHeader {header.name, value}, HeaderDisposition::Sent};
    }
    auto hasSent = [&planned](QStringView name) {
        return std::any_of(planned.begin(), planned.end(), [name](const PlannedHeader &p) {
            return p.disposition == HeaderDisposition::Sent
                && p.header.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    // XHR send() with a string body: Content-Type text/plain;charset=UTF-8 unless the page set
    // one; then Accept: */* unless the page set one (whatwg/xhr send(); fetch adds the same).
    if (m_hasBody && !hasSent(u"Content-Type"))
        planned << PlannedHeader {BrowserHeader {QStringLiteral("Content-Type"),
                                      QStringLiteral("text/plain;charset=UTF-8")},
            HeaderDisposition::Sent};
    if (!hasSent(u"Accept"))
        planned << PlannedHeader {BrowserHeader {QStringLiteral("Accept"), QStringLiteral("*/*")},
            HeaderDisposition::Sent};
    return planned;
}

QList<BrowserHeader> BrowserCors::sentHeaders(Browser browser) const
{
    QList<BrowserHeader> sent;
    for (const PlannedHeader &planned : plan(browser)) {
        if (planned.disposition == HeaderDisposition::Sent)
            sent << planned.header;
    }
    return sent;
}

QList<PlannedHeader> BrowserCors::plannedHeaders() const
{
    return plan(m_request.browser);
}

QList<BrowserHeader> BrowserCors::droppedHeaders() const
{
    QList<BrowserHeader> dropped;
    for (const PlannedHeader &planned : plan(m_request.browser)) {
        if (planned.disposition == HeaderDisposition::DroppedForbidden)
            dropped << planned.header;
    }
    return dropped;
}

QStringList BrowserCors::checkOrderUnsafeNames(Browser browser) const
{
    return BrowserFetchRules::corsUnsafeRequestHeaderNames(browser, sentHeaders(browser));
}

QStringList BrowserCors::unsafeHeaderNames(Browser browser) const
{
    if (m_request.api == RequestApi::WebSocket)
        return {};
    return BrowserFetchRules::sortedLowerCaseNames(checkOrderUnsafeNames(browser));
}

QStringList BrowserCors::unsafeHeaderNames() const
{
    return unsafeHeaderNames(m_request.browser);
}

bool BrowserCors::needsPreflight(Browser browser) const
{
    // Fetch "main fetch": a CORS request whose method is not safelisted, that has CORS-unsafe
    // headers, or whose use-CORS-preflight flag is set.
    if (!m_corsFlag || browser == Browser::Node)
        return false;
    return m_request.forcePreflight || !BrowserFetchRules::isCorsSafelistedMethod(m_method)
        || !checkOrderUnsafeNames(browser).isEmpty();
}

bool BrowserCors::needsPreflight() const
{
    return needsPreflight(m_request.browser);
}

bool BrowserCors::sendsCookies() const
{
    // A WebSocket handshake carries the host's cookies whatever withCredentials says (cors.md
    // §4.2); engine.io-client in Node has no cookie store unless given one.
    if (m_request.api == RequestApi::WebSocket)
        return true;
    if (m_request.browser == Browser::Node)
        return m_request.credentials == CredentialsMode::Include;
    // Fetch "credentials flag": "include", or "same-origin" with basic response tainting.
    switch (m_request.credentials) {
    case CredentialsMode::Include:
        return true;
    case CredentialsMode::SameOrigin:
        return !m_corsFlag && !m_tainted;
    case CredentialsMode::Omit:
        return false;
    }
    return false;
}

CorsCheck BrowserCors::baseCheck(CorsStage stage) const
{
    CorsCheck check;
    check.stage = stage;
    check.browser = m_request.browser;
    check.url = m_url;
    check.method = m_method;
    check.origin = requestOrigin();
    check.credentials = m_request.credentials;
    check.crossOrigin = isCrossOrigin();
    check.corsApplies = m_corsFlag;
    check.preflightRequired = needsPreflight();
    check.unsafeHeaderNames = unsafeHeaderNames();
    check.droppedHeaders = droppedHeaders();
    check.required.allowOrigin = requestOrigin();
    check.required.wildcardOriginAccepted = !isCredentialed();
    check.required.allowCredentials = isCredentialed();
    if (stage == CorsStage::Preflight) {
        check.required.okStatus = true;
        if (!BrowserFetchRules::isCorsSafelistedMethod(m_method))
            check.required.allowMethod = m_method;
        check.required.allowHeaders = check.unsafeHeaderNames;
    }
    if (m_request.browser == Browser::Node || m_request.api == RequestApi::WebSocket) {
        notApplicable(check.chromium);
        notApplicable(check.firefox);
    }
    return check;
}

CorsCheck BrowserCors::checkBeforeRequest() const
{
    CorsCheck check = baseCheck(CorsStage::BeforeRequest);
    if (m_request.browser == Browser::Node) {
        check.notes << reason(QStringLiteral("NoCorsOutsideBrowser"));
        return check;
    }
    const bool webSocket = m_request.api == RequestApi::WebSocket;
    if (webSocket) {
        check.chromium = BrowserOutcome();
        check.firefox = BrowserOutcome();
        check.notes << reason(QStringLiteral("WebSocketNotCoveredByCors"));
        if (!m_headers.isEmpty())
            check.notes << reason(QStringLiteral("WebSocketCannotSendHeaders"));
    }
    // setRequestHeader() with a forbidden name: Chromium logs 'Refused to set unsafe header
    // "<name>"' (console error) for each; Firefox ignores it silently.
    if (!webSocket) {
        for (const PlannedHeader &planned : plan(Browser::Chromium)) {
            if (planned.disposition == HeaderDisposition::DroppedForbidden)
                check.chromium.warnings
                    << reason(QStringLiteral("RefusedToSetUnsafeHeader"), planned.header.name);
        }
    }
    const QUrl url(m_url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const QString host = url.host(QUrl::FullyEncoded);
    // Chromium Local Network Access (Chrome 142 for fetch/XHR, 147 for WebSocket): a page in the
    // public address space reaching a local or loopback address. Local → loopback is exempt for
    // now. The address space is the resolved IP's; without one, the host's.
    const IpAddressSpace pageSpace = !m_request.pageAddress.isEmpty()
        ? addressSpaceOfHost(m_request.pageAddress)
        : m_pageOrigin.isOpaque() ? IpAddressSpace::Unknown
                                  : addressSpaceOfHost(m_pageOrigin.host());
    const IpAddressSpace targetSpace
        = addressSpaceOfHost(m_request.targetAddress.isEmpty() ? host : m_request.targetAddress);
    const bool localNetworkGated = pageSpace == IpAddressSpace::Public
        && (targetSpace == IpAddressSpace::Local || targetSpace == IpAddressSpace::Loopback);
    for (BrowserOutcome *outcome : {&check.chromium, &check.firefox}) {
        const bool chromium = outcome == &check.chromium;
        // open(): an unparsable URL is a SyntaxError (fetch(): TypeError).
        const bool urlOk = url.isValid() && !scheme.isEmpty() && !url.isRelative()
            && (!webSocket || scheme == QLatin1String("ws") || scheme == QLatin1String("wss")
                || isHttpScheme(scheme));
        if (!urlOk) {
            outcome->passed = false;
            outcome->scriptException = m_request.api == RequestApi::Fetch
                ? QStringLiteral("TypeError")
                : QStringLiteral("SyntaxError");
            continue;
        }
        // open(): a forbidden method is a SecurityError (fetch(): TypeError).
        if (!webSocket && BrowserFetchRules::isForbiddenMethod(m_method)) {
            outcome->passed = false;
            outcome->scriptException = m_request.api == RequestApi::Fetch
                ? QStringLiteral("TypeError")
                : QStringLiteral("SecurityError");
            continue;
        }
        // Mixed content is blocked before any request. Chromium: DevTools blockedReason
        // "mixed-content", except for the private-IP and .local targets the LNA permission may
        // open (developer.chrome.com/blog/local-network-access). Firefox: nsMixedContentBlocker
        // logs BlockMixedActiveContent with the URL. A WebSocket constructor throws a
        // SecurityError in both.
        const bool lnaInstead = chromium && localNetworkGated && isRecognisablyLocalHost(host);
        if (isMixedContent(m_pageOrigin, m_url) && !lnaInstead) {
            outcome->passed = false;
            outcome->reason = chromium ? reason(QStringLiteral("mixed-content"))
                                       : reason(QStringLiteral("BlockMixedActiveContent"), m_url);
            if (webSocket)
                outcome->scriptException = QStringLiteral("SecurityError");
            continue;
        }
        // Only HTTP(S) can be fetched cross-origin: Chromium cors_url_loader.cc StartRequest
        // (CorsDisabledScheme); Firefox CheckPreflightNeeded/CheckRequestApproved
        // (CORSRequestNotHttp).
        if (m_corsFlag && !isHttpScheme(scheme)) {
            if (chromium)
                fail(*outcome, reason(QStringLiteral("CorsDisabledScheme")),
                    QStringLiteral("net::ERR_FAILED"));
            else
                fail(*outcome, reason(QStringLiteral("CORSRequestNotHttp")));
            continue;
        }
        if (!chromium || !localNetworkGated)
            continue;
        // An insecure page is blocked outright (policy kBlock → kBlockedByPolicyBlock → CorsError
        // kInsecureLocalNetwork); a secure page gets a permission prompt (kLNAPermissionRequired
        // → kLocalNetworkAccessPermissionDenied when refused). The hint is the target's address
        // space. A WebSocket fails with the net error only.
        const QString space = ipAddressSpaceName(targetSpace);
        const QString webSocketError
            = QStringLiteral("net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS");
        if (!m_pageOrigin.isPotentiallyTrustworthy()) {
            if (webSocket)
                fail(*outcome, BrowserReason(), webSocketError);
            else
                fail(*outcome, reason(QStringLiteral("InsecureLocalNetwork"), space),
                    QStringLiteral("net::ERR_FAILED"));
        } else if (m_request.localNetworkPermission == LocalNetworkPermission::Denied) {
            if (webSocket)
                fail(*outcome, BrowserReason(), webSocketError);
            else
                fail(*outcome, reason(QStringLiteral("LocalNetworkAccessPermissionDenied"), space),
                    QStringLiteral("net::ERR_FAILED"));
        } else {
            check.notes << reason(QStringLiteral("LocalNetworkAccessPrompt"), space);
        }
    }
    return check;
}

OutgoingRequest BrowserCors::preflightRequest() const
{
    // Fetch "CORS-preflight fetch": OPTIONS to the same URL, never with credentials.
    OutgoingRequest preflight;
    preflight.method = QStringLiteral("OPTIONS");
    preflight.url = m_url;
    preflight.headers << BrowserHeader {QStringLiteral("Accept"), QStringLiteral("*/*")};
    preflight.headers << BrowserHeader {QStringLiteral("Access-Control-Request-Method"), m_method};
    const QStringList names = unsafeHeaderNames();
    if (!names.isEmpty())
        preflight.headers << BrowserHeader {
            QStringLiteral("Access-Control-Request-Headers"), names.join(QLatin1Char(','))};
    preflight.headers << BrowserHeader {QStringLiteral("Origin"), requestOrigin()};
    // preflight_controller.cc CreatePreflightRequest adds Sec-Fetch-Mode itself.
    if (m_request.browser == Browser::Chromium)
        preflight.headers << BrowserHeader {
            QStringLiteral("Sec-Fetch-Mode"), QStringLiteral("cors")};
    return preflight;
}

OutgoingRequest BrowserCors::actualRequest() const
{
    OutgoingRequest actual;
    actual.method = m_request.api == RequestApi::WebSocket ? QStringLiteral("GET") : m_method;
    actual.url = m_url;
    if (m_request.api != RequestApi::WebSocket)
        actual.headers = sentHeaders(m_request.browser);
    if (const std::optional<QString> origin = originHeader())
        actual.headers << BrowserHeader {QStringLiteral("Origin"), *origin};
    actual.sendsCookies = sendsCookies();
    return actual;
}

CorsCheck BrowserCors::checkPreflight(const BrowserResponse &response) const
{
    CorsCheck check = baseCheck(CorsStage::Preflight);
    check.status = response.status;
    check.receivedHeaders = accessControlLines(response);
    if (m_request.browser == Browser::Node || m_request.api == RequestApi::WebSocket)
        return check;
    const bool credentialed = isCredentialed();
    const QString origin = requestOrigin();
    const bool okStatus = response.status >= 200 && response.status <= 299;

    // Chromium: preflight_controller.cc — a redirect fails at once (HandleRedirect); then
    // CheckPreflightAccess (CORS check first, then the status); then PreflightResult::Parse
    // (ACAM, then ACAH); then the method; then the headers in the request's own order.
    BrowserOutcome &chromium = check.chromium;
    if (!needsPreflight(Browser::Chromium)) {
        notApplicable(chromium);
    } else if (response.isRedirect()) {
        fail(chromium, reason(QStringLiteral("PreflightDisallowedRedirect")),
            QStringLiteral("net::ERR_FAILED"));
    } else if (const auto access = chromiumCheckAccess(response, credentialed, origin)) {
        fail(chromium, chromiumPreflightVariant(*access), QStringLiteral("net::ERR_FAILED"));
    } else if (!okStatus) {
        fail(chromium, reason(QStringLiteral("PreflightInvalidStatus")),
            QStringLiteral("net::ERR_FAILED"));
    } else {
        const auto methods
            = BrowserFetchRules::parseChromiumAllowList(response.header(AllowMethods), false);
        const auto headers
            = BrowserFetchRules::parseChromiumAllowList(response.header(AllowHeaders), true);
        if (!methods) {
            fail(chromium, reason(QStringLiteral("InvalidAllowMethodsPreflightResponse")),
                QStringLiteral("net::ERR_FAILED"));
        } else if (!headers) {
            fail(chromium, reason(QStringLiteral("InvalidAllowHeadersPreflightResponse")),
                QStringLiteral("net::ERR_FAILED"));
        } else if (!methods->contains(m_method)
            && !BrowserFetchRules::isCorsSafelistedMethod(m_method)
            && !(!credentialed && methods->contains(QStringLiteral("*")))) {
            // EnsureAllowedCrossOriginMethod: case-sensitive (ACAM spec-conformant pref on).
            fail(chromium, reason(QStringLiteral("MethodDisallowedByPreflightResponse"), m_method),
                QStringLiteral("net::ERR_FAILED"));
        } else if (!credentialed && headers->contains(QStringLiteral("*"))) {
            // EnsureAllowedCrossOriginHeaders: "*" covers every name. Authorization too while the
            // CorsNonWildcardRequestHeadersSupport feature stays disabled by default; the page
            // then gets the AuthorizationCoveredByWildcard deprecation warning.
            if (hasHeader(sentHeaders(Browser::Chromium), u"Authorization")
                && !headers->contains(QStringLiteral("authorization")))
                chromium.warnings << reason(QStringLiteral("AuthorizationCoveredByWildcard"));
        } else {
            // EnsureAllowedCrossOriginHeaders walks the request's header list, which Blink builds
            // from a hash map: the first missing name is not predictable here (possibleHints).
            QStringList missing;
            for (const QString &name : unsafeHeaderNames(Browser::Chromium)) {
                if (!headers->contains(name))
                    missing << name;
            }
            if (!missing.isEmpty()) {
                fail(chromium,
                    reason(QStringLiteral("HeaderDisallowedByPreflightResponse"), missing.first()),
                    QStringLiteral("net::ERR_FAILED"));
                if (missing.size() > 1)
                    chromium.possibleHints = missing;
            }
        }
    }

    // Firefox: the preflight channel is wrapped by nsCORSListenerProxy, so CheckRequestApproved
    // runs first — on a redirect too, before nsCORSPreflightListener refuses it; then
    // CheckPreflightRequestApproved: status, ACAM tokens and method, ACAH tokens and headers
    // (sorted lower-case names). The cancelled actual request then logs CORSDidNotSucceed2.
    BrowserOutcome &firefox = check.firefox;
    if (!needsPreflight(Browser::Firefox)) {
        notApplicable(firefox);
    } else if (const auto access = firefoxCheckRequestApproved(response, credentialed, origin)) {
        fail(firefox, *access);
        // A refused redirect cancels the preflight channel, whose own OnStartRequest logs
        // CORSDidNotSucceed2 before the actual request does (seen in Firefox ESR 153).
        if (response.isRedirect())
            firefox.alsoLogged << reason(QStringLiteral("CORSDidNotSucceed2"));
    } else if (response.isRedirect()) {
        // The vetoed redirect leaves the 3xx as the preflight's response, which
        // CheckPreflightRequestApproved then reports too (seen in Firefox ESR 153).
        fail(firefox, reason(QStringLiteral("CORSExternalRedirectNotAllowed")));
        firefox.alsoLogged << reason(
            QStringLiteral("CORSPreflightDidNotSucceed3"), QString::number(response.status));
    } else if (!okStatus) {
        fail(firefox,
            reason(
                QStringLiteral("CORSPreflightDidNotSucceed3"), QString::number(response.status)));
    } else {
        bool methodFound = BrowserFetchRules::isCorsSafelistedMethod(m_method);
        for (const QString &token :
            BrowserFetchRules::firefoxTokens(response.header(AllowMethods).value_or(QString()))) {
            if (!BrowserFetchRules::isHttpToken(token)) {
                fail(firefox, reason(QStringLiteral("CORSInvalidAllowMethod"), token));
                break;
            }
            if (token == QLatin1String("*") && !credentialed)
                methodFound = true;
            else
                methodFound = methodFound || token == m_method;
        }
        if (firefox.passed && !methodFound)
            fail(firefox, reason(QStringLiteral("CORSMethodNotFound")));
        QStringList allowed;
        bool wildcard = false;
        bool listsAuthorization = false;
        if (firefox.passed) {
            for (const QString &token : BrowserFetchRules::firefoxTokens(
                     response.header(AllowHeaders).value_or(QString()))) {
                if (!BrowserFetchRules::isHttpToken(token)) {
                    fail(firefox, reason(QStringLiteral("CORSInvalidAllowHeader"), token));
                    break;
                }
                if (token == QLatin1String("*") && !credentialed)
                    wildcard = true;
                else
                    allowed << token;
                listsAuthorization = listsAuthorization
                    || token.compare(QLatin1String("authorization"), Qt::CaseInsensitive) == 0;
            }
        }
        if (firefox.passed) {
            for (const QString &name : checkOrderUnsafeNames(Browser::Firefox)) {
                const bool isAuthorization = name == QLatin1String("authorization");
                if (wildcard && !isAuthorization)
                    continue;
                // Pref network.cors_preflight.authorization_covered_by_wildcard (default true).
                if (wildcard && !listsAuthorization) {
                    firefox.warnings
                        << reason(QStringLiteral("CORSAllowHeaderFromPreflightDeprecation"));
                    continue;
                }
                if (!containsCaseInsensitive(allowed, name)) {
                    fail(firefox,
                        reason(QStringLiteral("CORSMissingAllowHeaderFromPreflight2"), name));
                    break;
                }
            }
        }
    }
    if (firefox.applies && !firefox.passed)
        firefox.alsoLogged << reason(QStringLiteral("CORSDidNotSucceed2"));
    return check;
}

CorsCheck BrowserCors::checkResponse(const BrowserResponse &response) const
{
    CorsCheck check = baseCheck(CorsStage::Response);
    check.status = response.status;
    check.receivedHeaders = accessControlLines(response);
    if (m_request.api == RequestApi::WebSocket) {
        check.notes << reason(QStringLiteral("WebSocketNotCoveredByCors"));
        return check;
    }
    if (m_request.browser == Browser::Node)
        return check;
    if (!m_corsFlag) {
        // Same-origin: response tainting "basic", nothing to check.
        notApplicable(check.chromium);
        notApplicable(check.firefox);
        return check;
    }
    const bool credentialed = isCredentialed();
    if (const auto access = chromiumCheckAccess(response, credentialed, requestOrigin()))
        fail(check.chromium, *access, QStringLiteral("net::ERR_FAILED"));
    if (const auto access = firefoxCheckRequestApproved(response, credentialed, requestOrigin()))
        fail(check.firefox, *access);
    return check;
}

CorsCheck BrowserCors::checkNetworkFailure(CorsStage stage, const QString &netError) const
{
    // No response at all (refused, reset, DNS): Chromium prints no CORS line, only the net error
    // (cors.md §3.3 row 1). Firefox's CORS listener sees the failed channel and logs
    // CORSDidNotSucceed2 without a status ("(null)") once the request is cross-origin; for a
    // failed preflight the cancelled actual request logs it a second time.
    CorsCheck check = baseCheck(stage);
    check.chromium = BrowserOutcome();
    check.firefox = BrowserOutcome();
    fail(check.chromium, BrowserReason(), netError);
    fail(
        check.firefox, m_corsFlag ? reason(QStringLiteral("CORSDidNotSucceed2")) : BrowserReason());
    if (m_corsFlag && stage == CorsStage::Preflight)
        check.firefox.alsoLogged << reason(QStringLiteral("CORSDidNotSucceed2"));
    return check;
}

BrowserRedirect BrowserCors::followRedirect(const BrowserResponse &response) const
{
    BrowserRedirect result;
    if (!response.isRedirect()) {
        result.check = checkResponse(response);
        return result;
    }
    if (m_request.api == RequestApi::WebSocket) {
        // A WebSocket handshake answered with anything but 101 fails; it is never redirected.
        result.check = baseCheck(CorsStage::Redirect);
        result.check.status = response.status;
        return result;
    }
    CorsCheck check = baseCheck(CorsStage::Redirect);
    check.status = response.status;
    check.receivedHeaders = accessControlLines(response);
    const bool credentialed = isCredentialed();
    const QUrl current(m_url);
    const QString location = BrowserFetchRules::normalizeHeaderValue(
        BrowserFetchRules::combinedValue(response.headers, u"Location")
            .value_or(QString())
            .section(QLatin1String(", "), 0, 0));
    const QUrl target = current.resolved(QUrl(location, QUrl::TolerantMode));
    const bool targetValid = target.isValid() && !target.host().isEmpty();
    const QString targetUrl = target.toString(QUrl::FullyEncoded);
    const BrowserOrigin targetOrigin = BrowserOrigin::fromUrl(targetUrl);
    const BrowserOrigin currentOrigin = BrowserOrigin::fromUrl(m_url);
    const bool hasUserInfo = !target.userInfo().isEmpty();
    const bool tooMany = m_redirectCount >= 20; // Fetch: the 21st redirect is a network error
    const bool targetIsHttp = targetValid && isHttpScheme(target.scheme().toLower());
    const bool crossesOrigin = !targetOrigin.isSameOrigin(currentOrigin);

    if (m_request.browser != Browser::Node && m_request.api != RequestApi::WebSocket) {
        // Chromium cors_url_loader.cc OnReceiveRedirect: the CORS check of the redirect response
        // (with the CORS flag), the redirect count, then CheckRedirectLocation. //net refuses an
        // unparsable or non-HTTP(S) Location before the CORS layer sees the redirect.
        BrowserOutcome &chromium = check.chromium;
        if (!targetValid) {
            fail(chromium, BrowserReason(), QStringLiteral("net::ERR_INVALID_REDIRECT"));
        } else if (!targetIsHttp) {
            fail(chromium, BrowserReason(), QStringLiteral("net::ERR_UNSAFE_REDIRECT"));
        } else if (const auto access = m_corsFlag
                ? chromiumCheckAccess(response, credentialed, requestOrigin())
                : std::nullopt) {
            fail(chromium, *access, QStringLiteral("net::ERR_FAILED"));
        } else if (tooMany) {
            fail(chromium, BrowserReason(), QStringLiteral("net::ERR_TOO_MANY_REDIRECTS"));
        } else if (hasUserInfo
            && (m_corsFlag || m_tainted || !m_pageOrigin.isSameOrigin(targetOrigin))) {
            // CheckRedirectLocation builds the status without a failed parameter: Chromium 156
            // prints "Redirect location ''".
            fail(chromium, reason(QStringLiteral("RedirectContainsCredentials"), QString()),
                QStringLiteral("net::ERR_FAILED"));
        } else if (isMixedContent(m_pageOrigin, targetUrl)
            && !isRecognisablyLocalHost(target.host(QUrl::FullyEncoded))) {
            fail(chromium, reason(QStringLiteral("mixed-content")));
        }

        // Firefox: nsHttpChannel's redirect limit comes first; then nsCORSListenerProxy::
        // AsyncOnChannelRedirect runs CheckRequestApproved on the redirect response; then the
        // mixed-content blocker's redirect check; then UpdateChannel on the new URL (user:pass@
        // refused). A channel cancelled there logs CORSDidNotSucceed2 from its OnStartRequest
        // once it had gone cross-origin.
        BrowserOutcome &firefox = check.firefox;
        const auto cancelled = [&firefox, this] {
            firefox.passed = false;
            if (m_corsFlag)
                firefox.reason = reason(QStringLiteral("CORSDidNotSucceed2"));
        };
        if (!targetValid || tooMany) {
            cancelled();
        } else if (const auto access = m_corsFlag
                ? firefoxCheckRequestApproved(response, credentialed, requestOrigin())
                : std::nullopt) {
            fail(firefox, *access);
            firefox.alsoLogged << reason(QStringLiteral("CORSDidNotSucceed2"));
        } else if (isMixedContent(m_pageOrigin, targetUrl)) {
            fail(firefox, reason(QStringLiteral("BlockMixedActiveContent"), targetUrl));
        } else if (!targetIsHttp && (m_corsFlag || !m_pageOrigin.isSameOrigin(targetOrigin))) {
            fail(firefox, reason(QStringLiteral("CORSRequestNotHttp")));
        } else if (hasUserInfo && (m_corsFlag || !m_pageOrigin.isSameOrigin(targetOrigin))) {
            firefox.passed = false;
            firefox.reason = reason(QStringLiteral("CORSDidNotSucceed2"));
        }
    }

    result.check = check;
    if (!check.passed() || !targetValid)
        return result;

    // Fetch "HTTP-redirect fetch": the next hop.
    BrowserCors next = *this;
    next.m_url = targetUrl;
    next.m_redirectCount = m_redirectCount + 1;
    // Step 14: the origin becomes opaque when the redirect leaves an origin that was already
    // cross-origin to the page (cors_url_loader.cc CheckTainted; Firefox resets
    // mOriginHeaderPrincipal to a null principal the same way once cross-site).
    if (crossesOrigin && !m_pageOrigin.isSameOrigin(currentOrigin))
        next.m_tainted = true;
    if (next.m_tainted && !m_tainted)
        result.check.notes << reason(QStringLiteral("OriginNullAfterRedirect"));
    // Step 12: 301/302 turn POST into GET, 303 turns everything but GET/HEAD into GET; the body
    // and its headers go.
    const bool toGet
        = ((response.status == 301 || response.status == 302) && m_method == QLatin1String("POST"))
        || (response.status == 303 && m_method != QLatin1String("GET")
            && m_method != QLatin1String("HEAD"));
    if (toGet) {
        next.m_method = QStringLiteral("GET");
        next.m_hasBody = false;
        next.m_headers.removeIf([](const BrowserHeader &header) {
            static const QStringList bodyHeaders
                = {QStringLiteral("content-encoding"), QStringLiteral("content-language"),
                    QStringLiteral("content-location"), QStringLiteral("content-type")};
            return bodyHeaders.contains(header.name.toLower());
        });
        result.check.notes << reason(
            QStringLiteral("RedirectChangedMethodToGet"), QString::number(response.status));
    }
    // Step 13: a cross-origin redirect drops Authorization (Firefox bug 1874132; Chromium
    // net::RedirectUtil).
    if (crossesOrigin && hasHeader(next.m_headers, u"Authorization")) {
        next.m_headers.removeIf([](const BrowserHeader &header) {
            return header.name.compare(QLatin1String("authorization"), Qt::CaseInsensitive) == 0;
        });
        result.check.notes << reason(QStringLiteral("AuthorizationDroppedOnRedirect"));
    }
    next.m_corsFlag = m_corsFlag
        || (m_request.browser != Browser::Node && m_request.api != RequestApi::WebSocket
            && next.isCrossOrigin());
    result.next = next;
    return result;
}

QStringList BrowserCors::chromiumCodes()
{
    return {QStringLiteral("MissingAllowOriginHeader"), QStringLiteral("WildcardOriginNotAllowed"),
        QStringLiteral("MultipleAllowOriginValues"), QStringLiteral("InvalidAllowOriginValue"),
        QStringLiteral("AllowOriginMismatch"), QStringLiteral("InvalidAllowCredentials"),
        QStringLiteral("PreflightMissingAllowOriginHeader"),
        QStringLiteral("PreflightWildcardOriginNotAllowed"),
        QStringLiteral("PreflightMultipleAllowOriginValues"),
        QStringLiteral("PreflightInvalidAllowOriginValue"),
        QStringLiteral("PreflightAllowOriginMismatch"),
        QStringLiteral("PreflightInvalidAllowCredentials"),
        QStringLiteral("PreflightInvalidStatus"), QStringLiteral("PreflightDisallowedRedirect"),
        QStringLiteral("InvalidAllowMethodsPreflightResponse"),
        QStringLiteral("InvalidAllowHeadersPreflightResponse"),
        QStringLiteral("MethodDisallowedByPreflightResponse"),
        QStringLiteral("HeaderDisallowedByPreflightResponse"),
        QStringLiteral("RedirectContainsCredentials"), QStringLiteral("CorsDisabledScheme"),
        QStringLiteral("InsecureLocalNetwork"),
        QStringLiteral("LocalNetworkAccessPermissionDenied"), QStringLiteral("mixed-content"),
        QStringLiteral("AuthorizationCoveredByWildcard"),
        QStringLiteral("RefusedToSetUnsafeHeader")};
}

QStringList BrowserCors::firefoxCodes()
{
    return {QStringLiteral("CORSMissingAllowOrigin2"),
        QStringLiteral("CORSNotSupportingCredentials"),
        QStringLiteral("CORSAllowOriginNotMatchingOrigin"),
        QStringLiteral("CORSMissingAllowCredentials"),
        QStringLiteral("CORSMultipleAllowOriginNotAllowed"),
        QStringLiteral("CORSPreflightDidNotSucceed3"), QStringLiteral("CORSInvalidAllowMethod"),
        QStringLiteral("CORSMethodNotFound"), QStringLiteral("CORSInvalidAllowHeader"),
        QStringLiteral("CORSMissingAllowHeaderFromPreflight2"),
        QStringLiteral("CORSExternalRedirectNotAllowed"), QStringLiteral("CORSDidNotSucceed2"),
        QStringLiteral("CORSRequestNotHttp"), QStringLiteral("BlockMixedActiveContent"),
        QStringLiteral("CORSAllowHeaderFromPreflightDeprecation")};
}

QStringList BrowserCors::noteCodes()
{
    return {QStringLiteral("NoCorsOutsideBrowser"), QStringLiteral("WebSocketNotCoveredByCors"),
        QStringLiteral("WebSocketCannotSendHeaders"), QStringLiteral("LocalNetworkAccessPrompt"),
        QStringLiteral("OriginNullAfterRedirect"), QStringLiteral("RedirectChangedMethodToGet"),
        QStringLiteral("AuthorizationDroppedOnRedirect")};
}

} // namespace corslab
