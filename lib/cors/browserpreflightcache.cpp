// BrowserPreflightCache: Chromium's and Firefox's CORS-preflight caches, with explicit time.
#include "browserpreflightcache.h"

#include <algorithm>
#include <limits>

namespace corslab {

namespace {

constexpr QStringView MaxAge = u"Access-Control-Max-Age";
constexpr qsizetype FirefoxCapacity = 100; // PREFLIGHT_CACHE_SIZE
constexpr qsizetype ChromiumMaxKeyLength = 1024; // preflight_cache.cc kMaxKeyLength

// base::StringToInt64: an optional sign and digits only, within range.
std::optional<qint64> parseInt64(const QString &text)
{
    QStringView digits(text);
    bool negative = false;
    if (!digits.isEmpty()
        && (digits.front() == QLatin1Char('-') || digits.front() == QLatin1Char('+'))) {
        negative = digits.front() == QLatin1Char('-');
        digits = digits.mid(1);
    }
    if (digits.isEmpty())
        return std::nullopt;
    qint64 value = 0;
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        const int digit = c.unicode() - u'0';
        if (value > (std::numeric_limits<qint64>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return negative ? -value : value;
}

} // namespace

BrowserPreflightCache::BrowserPreflightCache(Browser browser)
    : m_browser(browser)
{ }

std::optional<qint64> BrowserPreflightCache::maxAgeSeconds(
    Browser browser, const std::optional<QString> &header)
{
    if (browser == Browser::Firefox) {
        if (!header || header->isEmpty())
            return 5; // PREFLIGHT_DEFAULT_EXPIRY_SECONDS, "compatible with Chromium"
        qint64 age = 0;
        for (const QChar c : *header) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return std::nullopt;
            age = std::min<qint64>(age * 10 + (c.unicode() - u'0'), 86400);
        }
        if (age == 0)
            return std::nullopt;
        return age;
    }
    if (!header)
        return 5;
    const std::optional<qint64> seconds = parseInt64(*header);
    if (!seconds)
        return 5;
    if (*seconds < 0)
        return 0;
    return std::min<qint64>(*seconds, 7200);
}

QString BrowserPreflightCache::keyFor(const BrowserCors &request, bool credentialed) const
{
    // The cache is keyed by the page's origin even after a tainting redirect
    // (PreflightController::AppendToCache uses request_initiator; Firefox the loading principal).
    QString key = request.pageOrigin().serialize() + QLatin1Char('\n') + request.url();
    if (m_browser == Browser::Firefox)
        key += credentialed ? QLatin1String("\ncredentialed") : QLatin1String("\nanonymous");
    return key;
}

void BrowserPreflightCache::touch(const QString &key)
{
    m_recentlyUsed.removeAll(key);
    m_recentlyUsed.prepend(key);
}

bool BrowserPreflightCache::covers(const BrowserCors &request, qint64 nowMs)
{
    if (m_browser == Browser::Node || !request.needsPreflight())
        return false;
    const bool credentialed = request.request().credentials == CredentialsMode::Include;
    const QString method = request.method();
    const QStringList unsafe = request.unsafeHeaderNames(m_browser);
    const QString key = keyFor(request, credentialed);
    const auto found = m_entries.find(key);
    if (found == m_entries.end())
        return false;

    if (m_browser == Browser::Firefox) {
        touch(key);
        Entry &entry = found.value();
        auto expired = [nowMs](const Token &token) { return nowMs >= token.expiresAtMs; };
        entry.methodTokens.removeIf(expired);
        entry.headerTokens.removeIf(expired);
        if (method != QLatin1String("GET") && method != QLatin1String("POST")) {
            const bool stored = std::any_of(entry.methodTokens.begin(), entry.methodTokens.end(),
                [&method](const Token &token) { return token.value == method; });
            if (!stored)
                return false;
        }
        return std::all_of(unsafe.begin(), unsafe.end(), [&entry](const QString &name) {
            return std::any_of(
                entry.headerTokens.begin(), entry.headerTokens.end(), [&name](const Token &token) {
                    return token.value.compare(name, Qt::CaseInsensitive) == 0;
                });
        });
    }

    const Entry &entry = found.value();
    bool allowed = entry.expiresAtMs > nowMs;
    if (allowed && !entry.credentialed && credentialed)
        allowed = false;
    if (allowed) {
        allowed = entry.methods.contains(method)
            || BrowserFetchRules::isCorsSafelistedMethod(method)
            || (!entry.credentialed && entry.methods.contains(QStringLiteral("*")));
    }
    if (allowed) {
        if (!entry.credentialed && entry.headers.contains(QStringLiteral("*"))) {
            // The cache always asks for Authorization to be listed
            // (NonWildcardRequestHeadersSupport true), so a request with Authorization under "*" is
            // preflighted every time.
            allowed = !unsafe.contains(QStringLiteral("authorization"))
                || entry.headers.contains(QStringLiteral("authorization"));
        } else {
            allowed = std::all_of(unsafe.begin(), unsafe.end(),
                [&entry](const QString &name) { return entry.headers.contains(name); });
        }
    }
    if (!allowed)
        m_entries.erase(found);
    return allowed;
}

void BrowserPreflightCache::store(
    const BrowserCors &request, const BrowserResponse &preflight, qint64 nowMs)
{
    if (m_browser == Browser::Node)
        return;
    const bool credentialed = request.request().credentials == CredentialsMode::Include;
    const std::optional<qint64> age = maxAgeSeconds(m_browser, preflight.header(MaxAge));
    const QString key = keyFor(request, credentialed);

    if (m_browser == Browser::Chromium) {
        if (request.url().size() >= ChromiumMaxKeyLength)
            return;
        Entry entry;
        entry.credentialed = credentialed;
        entry.methods = BrowserFetchRules::parseChromiumAllowList(
            preflight.header(u"Access-Control-Allow-Methods"), false)
                            .value_or(QStringList());
        entry.headers = BrowserFetchRules::parseChromiumAllowList(
            preflight.header(u"Access-Control-Allow-Headers"), true)
                            .value_or(QStringList());
        entry.expiresAtMs = nowMs + *age * 1000;
        m_entries.insert(key, entry);
        return;
    }

    if (!age)
        return;
    if (!m_entries.contains(key) && m_entries.size() >= FirefoxCapacity) {
        // Kick out expired entries first, then the least recently used one.
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            auto expired = [nowMs](const Token &token) { return nowMs >= token.expiresAtMs; };
            it->methodTokens.removeIf(expired);
            it->headerTokens.removeIf(expired);
            if (it->methodTokens.isEmpty() && it->headerTokens.isEmpty()) {
                m_recentlyUsed.removeAll(it.key());
                it = m_entries.erase(it);
            } else {
                ++it;
            }
        }
        if (m_entries.size() >= FirefoxCapacity && !m_recentlyUsed.isEmpty())
            m_entries.remove(m_recentlyUsed.takeLast());
    }
    Entry &entry = m_entries[key];
    entry.credentialed = credentialed;
    touch(key);
    const qint64 expiresAtMs = nowMs + *age * 1000;
    auto addTokens = [expiresAtMs](QList<Token> &tokens, const QString &header) {
        for (const QString &value : BrowserFetchRules::firefoxTokens(header)) {
            const auto same = std::find_if(tokens.begin(), tokens.end(),
                [&value](const Token &token) { return token.value == value; });
            if (same != tokens.end())
                same->expiresAtMs = expiresAtMs;
            else
                tokens << Token {value, expiresAtMs};
        }
    };
    addTokens(
        entry.methodTokens, preflight.header(u"Access-Control-Allow-Methods").value_or(QString()));
    addTokens(
        entry.headerTokens, preflight.header(u"Access-Control-Allow-Headers").value_or(QString()));
}

void BrowserPreflightCache::forgetAfterFailure(const BrowserCors &request)
{
    if (m_browser != Browser::Firefox)
        return;
    for (const bool credentialed : {true, false}) {
        const QString key = keyFor(request, credentialed);
        m_entries.remove(key);
        m_recentlyUsed.removeAll(key);
    }
}

qsizetype BrowserPreflightCache::size() const
{
    return m_entries.size();
}

void BrowserPreflightCache::clear()
{
    m_entries.clear();
    m_recentlyUsed.clear();
}

} // namespace corslab
