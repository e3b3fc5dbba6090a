// BrowserPreflightCache: one browser's CORS-preflight cache as a value, with the time passed in,
// so a run can show which requests skipped their OPTIONS and why socket.io's t= never hits.
#pragma once

#include "browsercors.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace corslab {

class BrowserPreflightCache {
public:
    explicit BrowserPreflightCache(Browser browser);

    Browser browser() const { return m_browser; }

    // Access-Control-Max-Age (lines joined with ", ") → seconds an entry lives; nullopt: the
    // preflight is not cached at all.
    // - Chromium preflight_result.cc ParseAccessControlMaxAge: absent or not an integer → 5
    //   (kDefaultTimeout), negative → 0 (stored, already expired), capped at 7200 (kMaxTimeout).
    // - Firefox nsCORSPreflightListener::AddResultToCache: absent or empty → 5, any non-digit →
    //   not cached, 0 → not cached, capped at 86400.
    static std::optional<qint64> maxAgeSeconds(
        Browser browser, const std::optional<QString> &header);

    // May this request (one that needsPreflight()) skip its preflight at nowMs? Entries are keyed
    // by the page origin and the full URL (query included), and — in Firefox only — by the
    // credentials flag.
    // - Chromium PreflightCache::CheckIfRequestCanSkipPreflight / PreflightResult::
    //   EnsureAllowedRequest: a credentialed entry also serves uncredentialed requests; "*"
    //   covers methods and headers of uncredentialed entries, never Authorization; an entry found
    //   stale or insufficient is dropped.
    // - Firefox nsPreflightCache::CacheEntry::CheckRequest: expired tokens are purged; a method
    //   other than GET and POST must be stored literally ("*" is not special, and HEAD is looked
    //   up too); every unsafe header name must be stored (case-insensitively).
    bool covers(const BrowserCors &request, qint64 nowMs);
    // Records a preflight that passed (checkPreflight(response).passed()).
    // - Chromium: replaces the entry; URLs of 1024 characters or more are not cached.
    // - Firefox: adds or refreshes each ACAM/ACAH token with its own expiry; at most 100 entries
    //   (expired ones purged first, then the least recently used dropped).
    void store(const BrowserCors &request, const BrowserResponse &preflight, qint64 nowMs);
    // After a CORS failure of the request: Firefox removes the entries for its origin and URL,
    // both credential variants (nsCORSListenerProxy::OnStartRequest RemoveEntries); Chromium keeps
    // them.
    void forgetAfterFailure(const BrowserCors &request);

    qsizetype size() const;
    void clear();

private:
    struct Token {
        QString value;
        qint64 expiresAtMs = 0;
    };
    struct Entry {
        bool credentialed = false;
        QStringList methods; // Chromium
        QStringList headers; // Chromium, lower-cased
        qint64 expiresAtMs = 0; // Chromium
        QList<Token> methodTokens; // Firefox
        QList<Token> headerTokens; // Firefox
    };

    QString keyFor(const BrowserCors &request, bool credentialed) const;
    void touch(const QString &key);

    Browser m_browser;
    QHash<QString, Entry> m_entries;
    QStringList m_recentlyUsed; // Firefox LRU order, most recent first
};

} // namespace corslab
