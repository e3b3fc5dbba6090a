#include "browsercookiejar.h"

#include <QHostAddress>
#include <QUrl>

namespace corslab {

BrowserCookieJar::BrowserCookieJar(Browser browser)
    : m_browser(browser)
{ }

QString BrowserCookieJar::site(const QString &originOrUrl)
{
    const QUrl url(originOrUrl);
    QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("ws"))
        scheme = QStringLiteral("http");
    else if (scheme == QLatin1String("wss"))
        scheme = QStringLiteral("https");
    const QString host = url.host().toLower();
    if (host.isEmpty())
        return QStringLiteral("null");
    QHostAddress address;
    if (address.setAddress(host) || !host.contains(u'.'))
        return scheme + QStringLiteral("://") + host;
    const QStringList labels = host.split(u'.');
    return scheme + QStringLiteral("://") + labels.mid(labels.size() - 2).join(u'.');
}

static QString defaultPath(const QString &urlPath)
{
    if (!urlPath.startsWith(u'/'))
        return QStringLiteral("/");
    const qsizetype slash = urlPath.lastIndexOf(u'/');
    return slash <= 0 ? QStringLiteral("/") : urlPath.left(slash);
}

static bool pathMatches(const QString &requestPath, const QString &cookiePath)
{
    if (requestPath == cookiePath)
        return true;
    if (!requestPath.startsWith(cookiePath))
        return false;
    return cookiePath.endsWith(u'/') || requestPath.at(cookiePath.size()) == u'/';
}

static bool domainMatches(const QString &host, const StoredCookie &c)
{
    if (c.hostOnly)
        return host == c.domain;
    return host == c.domain || host.endsWith(u'.' + c.domain);
}

QString BrowserCookieJar::effectiveSameSite(const StoredCookie &cookie) const
{
    if (!cookie.sameSite.isEmpty())
        return cookie.sameSite;
    // Chromium: "Lax by default" since M80; Firefox keeps None
    // (network.cookie.sameSite.laxByDefault).
    return m_browser == Browser::Chromium ? QStringLiteral("lax") : QStringLiteral("none");
}

QStringList BrowserCookieJar::receive(const QString &requestUrl, const QString &pageOrigin,
    bool credentialsAllowed, const QStringList &setCookieLines, qint64 nowMs)
{
    QStringList notes;
    const QUrl url(requestUrl);
    const QString host = url.host().toLower();
    const bool crossSite = m_browser != Browser::Node && site(pageOrigin) != site(requestUrl);
    const bool secureUrl
        = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("wss");
    for (const QString &line : setCookieLines) {
        const QStringList parts = line.split(u';');
        const QString pair = parts.first().trimmed();
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            notes << QStringLiteral("Set-Cookie \"%1\" ignored: no name=value").arg(line);
            continue;
        }
        StoredCookie c;
        c.name = pair.left(eq).trimmed();
        c.value = pair.mid(eq + 1).trimmed();
        c.domain = host;
        c.path = defaultPath(url.path());
        bool badDomain = false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString attr = parts.at(i).trimmed();
            const qsizetype aeq = attr.indexOf(u'=');
            const QString key = (aeq < 0 ? attr : attr.left(aeq)).trimmed().toLower();
            const QString value = aeq < 0 ? QString() : attr.mid(aeq + 1).trimmed();
            if (key == QLatin1String("path") && value.startsWith(u'/'))
                c.path = value;
            else if (key == QLatin1String("domain") && !value.isEmpty()) {
                QString d = value.toLower();
                if (d.startsWith(u'.'))
                    d.remove(0, 1);
                if (host != d && !host.endsWith(u'.' + d))
                    badDomain = true;
                c.domain = d;
                c.hostOnly = false;
            } else if (key == QLatin1String("secure"))
                c.secure = true;
            else if (key == QLatin1String("httponly"))
                c.httpOnly = true;
            else if (key == QLatin1String("samesite"))
                c.sameSite = value.toLower();
            else if (key == QLatin1String("max-age")) {
                bool ok = false;
                const qint64 seconds = value.toLongLong(&ok);
                if (ok)
                    c.expiresAtMs = seconds <= 0 ? 0 : nowMs + seconds * 1000;
            }
        }
        const QString label = QStringLiteral("cookie %1").arg(c.name);
        if (m_browser == Browser::Node) {
            // socket.io-client in Node keeps cookies only with withCredentials (its own jar).
            if (!credentialsAllowed) {
                notes << label
                        + QStringLiteral(
                            " ignored: the Node client keeps cookies only with withCredentials");
                continue;
            }
        } else if (!credentialsAllowed) {
            notes << label
                    + QStringLiteral(" not stored: the request's credentials mode does not let "
                                     "it use cookies (withCredentials is false)");
            continue;
        }
        if (badDomain) {
            notes << label
                    + QStringLiteral(" rejected: Domain=%1 does not match %2").arg(c.domain, host);
            continue;
        }
        if (c.secure && !secureUrl && m_browser != Browser::Node) {
            notes << label + QStringLiteral(" rejected: Secure cookies are only set over https");
            continue;
        }
        const QString sameSite = effectiveSameSite(c);
        if (m_browser == Browser::Chromium && sameSite == QLatin1String("none") && !c.secure) {
            notes << label + QStringLiteral(" rejected: SameSite=None requires Secure");
            continue;
        }
        if (crossSite && sameSite != QLatin1String("none")) {
            notes << label
                    + QStringLiteral(" blocked: SameSite=%1%2 and the response is cross-site "
                                     "(page %3, server %4)")
                          .arg(sameSite,
                              c.sameSite.isEmpty() ? QStringLiteral(" (Chromium's default)")
                                                   : QString(),
                              site(pageOrigin), site(requestUrl));
            continue;
        }
        m_cookies.removeIf([&c](const StoredCookie &o) {
            return o.name == c.name && o.domain == c.domain && o.path == c.path;
        });
        if (c.expiresAtMs == 0) {
            notes << label + QStringLiteral(" deleted (Max-Age <= 0)");
            continue;
        }
        m_cookies.append(c);
        notes << label + QStringLiteral(" stored for %1%2").arg(c.domain, c.path);
    }
    return notes;
}

QString BrowserCookieJar::cookieHeader(const QString &requestUrl, const QString &pageOrigin,
    bool credentialsAllowed, qint64 nowMs, QStringList *withheld) const
{
    const QUrl url(requestUrl);
    const QString host = url.host().toLower();
    const bool secureUrl
        = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("wss");
    const bool crossSite = m_browser != Browser::Node && site(pageOrigin) != site(requestUrl);
    QStringList sent;
    for (const StoredCookie &c : m_cookies) {
        if (c.expiresAtMs >= 0 && c.expiresAtMs <= nowMs)
            continue;
        if (!domainMatches(host, c) || !pathMatches(url.path(), c.path))
            continue;
        const QString label = QStringLiteral("cookie %1").arg(c.name);
        if (!credentialsAllowed) {
            if (withheld)
                *withheld << label + QStringLiteral(" not sent: credentials are not included");
            continue;
        }
        if (c.secure && !secureUrl) {
            if (withheld)
                *withheld << label + QStringLiteral(" not sent: Secure, and the URL is not https");
            continue;
        }
        if (crossSite && effectiveSameSite(c) != QLatin1String("none")) {
            if (withheld)
                *withheld << label
                        + QStringLiteral(" not sent: SameSite=%1 on a cross-site request")
                              .arg(effectiveSameSite(c));
            continue;
        }
        sent << c.name + u'=' + c.value;
    }
    return sent.join(QStringLiteral("; "));
}

} // namespace corslab
