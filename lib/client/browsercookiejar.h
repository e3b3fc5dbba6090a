// The cookie jar of one run's browser, deciding like the browser would whether a Set-Cookie is
// stored and whether a cookie goes with a request: credentials, SameSite (Chromium treats a cookie
// without SameSite as Lax; Firefox as None), Secure, Domain, Path, Max-Age. I/O-free; every
// decision comes back as a sentence for the timeline.
#pragma once

#include "profile/profile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace corslab {

struct StoredCookie {
    QString name;
    QString value;
    QString domain; // lower-case host or domain
    bool hostOnly = true;
    QString path = QStringLiteral("/");
    bool secure = false;
    bool httpOnly = false;
    QString sameSite; // "strict", "lax", "none" or empty (not given)
    qint64 expiresAtMs = -1; // -1: session cookie
};

class BrowserCookieJar {
public:
    explicit BrowserCookieJar(Browser browser);

    // A response's Set-Cookie lines. credentialsAllowed: the request's credentials mode lets the
    // browser use cookies (include, or same-origin on a same-origin request). Returns one sentence
    // per line saying what happened to it.
    QStringList receive(const QString &requestUrl, const QString &pageOrigin,
        bool credentialsAllowed, const QStringList &setCookieLines, qint64 nowMs);
    // The Cookie header value for a request ("" when none); withheld gets a sentence per cookie
    // that matched the URL but was not sent.
    QString cookieHeader(const QString &requestUrl, const QString &pageOrigin,
        bool credentialsAllowed, qint64 nowMs, QStringList *withheld = nullptr) const;

    const QList<StoredCookie> &cookies() const { return m_cookies; }
    void clear() { m_cookies.clear(); }

    // "Schemeful site" of an origin or URL: scheme plus the registrable domain, approximated by the
    // last two labels of a name (no public suffix list), the whole host for IPs and localhost.
    static QString site(const QString &originOrUrl);

private:
    QString effectiveSameSite(const StoredCookie &cookie) const;

    Browser m_browser;
    QList<StoredCookie> m_cookies;
};

} // namespace corslab
