// BrowserCors: what a browser does with one cross-origin request — the Origin header, dropped and
// CORS-unsafe headers, the preflight, the checks of each response in Chromium's and Firefox's own
// order with the reason code each prints — as I/O-free values. The reason texts live in the reason
// catalog; this class produces the codes and their parameters ("hints").
#pragma once

#include "browserfetchrules.h"
#include "browserorigin.h"
#include "profile/profile.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace corslab {

// Fetch "credentials mode".
enum class CredentialsMode { Omit, SameOrigin, Include };

// Which page API makes the request: the Chromium console names it ("XMLHttpRequest", "fetch"),
// WebSocket handshakes have no CORS at all.
enum class RequestApi { XmlHttpRequest, Fetch, WebSocket };

// The answer to Chromium's Local Network Access prompt (secure pages only; an insecure page is
// blocked without asking). Headless Chromium denies it (seen with Chromium 156): pass Denied to
// model a run in CI.
enum class LocalNetworkPermission { Granted, Denied };

struct BrowserRequest {
    Browser browser = Browser::Chromium; // Node: no CORS at all (engine.io-client in Node)
    RequestApi api = RequestApi::XmlHttpRequest;
    QString method = QStringLiteral("GET"); // as passed to open(); normalised here
    QString url; // absolute
    QString pageOrigin; // "scheme://host[:port]", "null", or the page URL
    QList<BrowserHeader> headers; // setRequestHeader()/Headers calls, in call order
    CredentialsMode credentials = CredentialsMode::SameOrigin;
    bool hasBody = false; // a string body: without an author Content-Type the UA adds one
    bool forcePreflight = false; // Fetch "use-CORS-preflight flag" (xhr.upload listeners, streams)
    QString targetAddress; // the IP the URL's host resolved to; empty: judged from the host
    QString pageAddress; // the IP the page was loaded from; empty: judged from the page's host
    LocalNetworkPermission localNetworkPermission = LocalNetworkPermission::Granted;

    // XHR send(): withCredentials true → "include", otherwise "same-origin" (whatwg/xhr).
    static CredentialsMode xhrCredentials(bool withCredentials);
    // engine.io-client's Fetch transport: "include" if withCredentials else "omit".
    static CredentialsMode fetchTransportCredentials(bool withCredentials);
};

struct BrowserResponse {
    int status = 200;
    QList<BrowserHeader> headers; // every line as received, in order, names in any case

    // A redirect status with a Location line.
    bool isRedirect() const;
    std::optional<QString> header(QStringView name) const; // lines joined with ", "
};

// What became of one header the page set.
enum class HeaderDisposition {
    Sent,
    DroppedForbidden, // Fetch "forbidden request-header": silently ignored by setRequestHeader()
    ThrewSyntaxError, // not a header name / not a header value: setRequestHeader() throws
    ThrewTypeError, // a code unit above 0xFF: ByteString conversion throws
    NotSupported, // WebSocket: the API takes no headers
};

struct PlannedHeader {
    BrowserHeader header; // as sent: value normalised, repeated names combined with ", "
    HeaderDisposition disposition = HeaderDisposition::Sent;
    friend bool operator==(const PlannedHeader &, const PlannedHeader &) = default;
};

// A request as the CORS layer puts it on the wire: its own headers plus the page's. The network
// stack adds Host, Connection, User-Agent, Accept-Encoding, Accept-Language and Sec-Fetch-*.
struct OutgoingRequest {
    QString method;
    QString url;
    QList<BrowserHeader> headers;
    bool sendsCookies = false; // cookies and HTTP auth go with it
};

// A browser's reason: the DevTools CorsError name (Chromium) or the security.properties key
// (Firefox), and its parameter. hint nullopt: the message has none (Firefox prints "(null)").
// Chromium also gets "mixed-content" (DevTools Network.BlockedReason, not a CorsError), and for
// InsecureLocalNetwork / LocalNetworkAccessPermissionDenied the hint is the address space, which
// DevTools reports in CorsIssueDetails.resourceIPAddressSpace (its failedParameter is empty).
struct BrowserReason {
    QString code;
    std::optional<QString> hint;
    friend bool operator==(const BrowserReason &, const BrowserReason &) = default;
};

// One browser's verdict on one check.
struct BrowserOutcome {
    bool applies = true; // false: this browser would not make this check for this request
    bool passed = true;
    BrowserReason reason; // empty code when passed, or for a failure with no CORS message
    QList<BrowserReason> alsoLogged; // Firefox's follow-up lines (CORSDidNotSucceed2, ...)
    // Console lines that do not block: AuthorizationCoveredByWildcard (a DevTools deprecation
    // issue), CORSAllowHeaderFromPreflightDeprecation, RefusedToSetUnsafeHeader (Chromium's
    // 'Refused to set unsafe header "<name>"').
    QList<BrowserReason> warnings;
    // Other hints the browser may print instead of reason.hint. Chromium checks a preflight's
    // header names in the order of Blink's header hash map (neither call order nor sorted: with
    // Chromium 156, X-B + X-A names x-a, foo + bar + baz names baz), so when several are missing
    // reason.hint is the first sorted one and this lists them all.
    QStringList possibleHints;
    QString networkError; // Chromium's net error ("net::ERR_FAILED"); empty for Firefox
    QString scriptException; // thrown by the page API before any request ("SecurityError")
    friend bool operator==(const BrowserOutcome &, const BrowserOutcome &) = default;
};

enum class CorsStage { BeforeRequest, Preflight, Response, Redirect };

// What the response had to carry.
struct CorsRequirement {
    QString allowOrigin; // Access-Control-Allow-Origin must be exactly this ("null" if tainted)
    bool wildcardOriginAccepted = false; // "*" also passes: the request is not credentialed
    bool allowCredentials = false; // Access-Control-Allow-Credentials must be exactly "true"
    bool okStatus = false; // preflight: 200-299
    QString allowMethod; // preflight: a non-safelisted method that must be allowed
    QStringList allowHeaders; // preflight: the CORS-unsafe names that must be allowed
    friend bool operator==(const CorsRequirement &, const CorsRequirement &) = default;
};

// One CORS check of one request: what was required, what came back, and each browser's verdict.
struct CorsCheck {
    CorsStage stage = CorsStage::BeforeRequest;
    Browser browser = Browser::Chromium;
    QString url;
    QString method;
    QString origin; // the serialised request origin the check used
    CredentialsMode credentials = CredentialsMode::SameOrigin;
    bool crossOrigin = false;
    bool corsApplies = false; // the CORS flag: response tainting "cors"
    bool preflightRequired = false;
    QStringList unsafeHeaderNames; // lower-cased, sorted, de-duplicated (the request's browser)
    QList<BrowserHeader> droppedHeaders; // forbidden headers setRequestHeader() ignored
    CorsRequirement required;
    int status = 0; // the response's status (0 before any response)
    QList<BrowserHeader> receivedHeaders; // the response's Access-Control-* lines as received
    BrowserOutcome chromium;
    BrowserOutcome firefox;
    QList<BrowserReason> notes; // CorsLab teaching notes, codes in BrowserCors::noteCodes()

    // The verdict of the request's own browser (Node: always passed).
    BrowserOutcome outcome() const;
    bool passed() const { return outcome().passed; }
};

struct BrowserRedirect;

class BrowserCors {
public:
    explicit BrowserCors(const BrowserRequest &request);

    const BrowserRequest &request() const { return m_request; }
    QString method() const { return m_method; } // normalised; GET after a 303
    QString url() const { return m_url; } // the current URL (after redirects)
    QString initialUrl() const { return m_initialUrl; }
    int redirectCount() const { return m_redirectCount; }
    const BrowserOrigin &pageOrigin() const { return m_pageOrigin; }
    bool isCrossOrigin() const; // the current URL against the page origin
    bool isCorsRequest() const; // the CORS flag (sticky once a hop went cross-origin)
    bool isTainted() const { return m_tainted; } // the origin is "null" after a redirect
    QString requestOrigin() const; // serialised; "null" when tainted or opaque
    // The Origin header of the actual request; nullopt when none is sent (Fetch "append a
    // request Origin header": CORS requests, WebSocket handshakes, same-origin non-GET/HEAD).
    std::optional<QString> originHeader() const;

    // The page's headers as the request's browser treats them, in order (UA defaults appended).
    QList<PlannedHeader> plannedHeaders() const;
    QList<BrowserHeader> droppedHeaders() const;
    // Lower-cased, sorted, de-duplicated CORS-unsafe names (for the request's browser, or another).
    QStringList unsafeHeaderNames() const;
    QStringList unsafeHeaderNames(Browser browser) const;
    bool needsPreflight() const;
    bool needsPreflight(Browser browser) const;
    bool sendsCookies() const; // credentials go with the actual request

    // Checks made before anything goes on the wire (forbidden method, bad URL, mixed content,
    // non-HTTP scheme, Local Network Access). passed() false: no request is made.
    CorsCheck checkBeforeRequest() const;
    // The CORS-preflight request (meaningful when needsPreflight()).
    OutgoingRequest preflightRequest() const;
    OutgoingRequest actualRequest() const;
    // Fetch "CORS-preflight fetch" validation of the answer to preflightRequest(); a redirect
    // answer is a failure in both browsers.
    CorsCheck checkPreflight(const BrowserResponse &response) const;
    // Fetch "CORS check" of the final (non-redirect) response to actualRequest().
    CorsCheck checkResponse(const BrowserResponse &response) const;
    // The request (stage Preflight: its preflight) got no response at all; netError is what
    // Chromium reports ("net::ERR_CONNECTION_REFUSED").
    CorsCheck checkNetworkFailure(CorsStage stage, const QString &netError) const;

    // Fetch "HTTP-redirect fetch" for a redirect answer to actualRequest(): the CORS check of the
    // redirect response, the Location rules, then the next hop (next is nullopt when the redirect
    // is refused). A response that is not a redirect is checked as the final response; a WebSocket
    // handshake is never redirected (next nullopt, no CORS verdict).
    BrowserRedirect followRedirect(const BrowserResponse &response) const;

    // Every code this class can put in a BrowserOutcome or a note, for the reason catalog.
    static QStringList chromiumCodes();
    static QStringList firefoxCodes();
    static QStringList noteCodes();

private:
    CorsCheck baseCheck(CorsStage stage) const;
    QList<PlannedHeader> plan(Browser browser) const;
    QList<BrowserHeader> sentHeaders(Browser browser) const;
    QStringList checkOrderUnsafeNames(Browser browser) const;
    bool isCredentialed() const { return m_request.credentials == CredentialsMode::Include; }

    BrowserRequest m_request;
    BrowserOrigin m_pageOrigin;
    QString m_method;
    QString m_url;
    QString m_initialUrl;
    QList<BrowserHeader> m_headers; // the page's headers for this hop (redirects remove some)
    bool m_hasBody = false;
    bool m_corsFlag = false;
    bool m_tainted = false;
    int m_redirectCount = 0;
};

// One redirect hop: its check, and the request for the next hop (nullopt: not followed).
struct BrowserRedirect {
    CorsCheck check;
    std::optional<BrowserCors> next;
};

} // namespace corslab
