// What one XMLHttpRequest from the page does in the emulated browser: BrowserCors decides the
// Origin header, which headers go, the preflight (or a preflight-cache hit) and judges every
// response; the cookie jar adds and stores cookies; NetworkExchange carries the bytes. Every step
// goes on the run's timeline. The page gets what XHR would give it: a status and text, or status 0.
#pragma once

#include "browsercookiejar.h"
#include "cors/browsercors.h"
#include "cors/browserpreflightcache.h"
#include "networkexchange.h"
#include "timeline/timelineevent.h"

#include <QObject>
#include <QPointer>

namespace corslab {

// One run's browser: who it is, where the page is, its cookie jar and preflight cache.
class BrowserSession {
public:
    BrowserSession(Browser browser, const QString &pageOrigin, TimelineRecorder *recorder);

    Browser browser() const { return m_browser; }
    QString pageOrigin() const { return m_pageOrigin; }
    TimelineRecorder *recorder() const { return m_recorder; }
    BrowserCookieJar &cookies() { return m_cookies; }
    BrowserPreflightCache &preflightCache() { return m_preflightCache; }
    qint64 nowMs() const;
    // The addresses Local Network Access compares: an embedded run puts page and server on the
    // same machine (both loopback); empty means "judge from the host names".
    QString pageAddress;
    QString targetAddress;
    LocalNetworkPermission localNetworkPermission = LocalNetworkPermission::Denied;
    int requestTimeoutMs = 0; // engine.io-client requestTimeout (0: none) — network bound below
    int networkTimeoutMs = 30000;

    QString userAgent() const;
    // The lines the network stack adds to every request (after the page's and CORS's own).
    QList<BrowserHeader> stackHeaders(const QString &url, bool websocket) const;
    // Sec-Fetch-Site for a request from the page to url.
    QString fetchSite(const QString &url) const;

private:
    Browser m_browser;
    QString m_pageOrigin;
    TimelineRecorder *m_recorder;
    BrowserCookieJar m_cookies;
    BrowserPreflightCache m_preflightCache;
};

// The raw bytes of a request head + body.
QByteArray serializeRequest(const QString &method, const QUrl &url,
    const QList<BrowserHeader> &headers, const QByteArray &body);

struct XhrResult {
    int status = 0; // 0: a network error or a CORS failure (the page cannot tell them apart)
    QByteArray body;
    QList<BrowserHeader> headers; // empty when the page may not read them
    int failedCheck = -1; // index of the failing CORS check in the recorder
    QString netError; // "net::ERR_FAILED" for CORS, the connection error otherwise
    QString serverMessage; // a readable JSON error body's "message" ("Transport unknown")
    bool timedOut = false;
};

class BrowserXhr : public QObject {
    Q_OBJECT

public:
    BrowserXhr(BrowserSession *session, TimelineStep step, const QString &method,
        const QString &url, const QList<BrowserHeader> &pageHeaders, bool withCredentials,
        const QByteArray &body, QObject *parent = nullptr);

    void start();
    void abort();
    int exchange() const { return m_exchange; }

signals:
    void finished(const corslab::XhrResult &result);

private:
    void sendPreflight();
    void sendActual();
    void onPreflightResponse(const NetworkResponse &response);
    void onActualResponse(const NetworkResponse &response);
    void onNetworkFailure(CorsStage stage, const QString &netError, const QString &detail);
    void recordRequest(const OutgoingRequest &request, const QByteArray &raw, bool preflight);
    void recordResponse(const NetworkResponse &response, bool preflight);
    int recordCheck(const CorsCheck &check);
    void finishWith(XhrResult result);
    BrowserResponse toBrowserResponse(const NetworkResponse &response) const;

    BrowserSession *m_session;
    TimelineStep m_step;
    BrowserRequest m_request;
    std::optional<BrowserCors> m_cors;
    QByteArray m_body;
    QPointer<NetworkExchange> m_network;
    int m_exchange = 0;
    bool m_done = false;
};

} // namespace corslab
