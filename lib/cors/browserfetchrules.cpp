// BrowserFetchRules: the Fetch standard's byte-level rules with each browser's own deviations.
#include "browserfetchrules.h"

#include <algorithm>

namespace corslab {

namespace {

bool isHttpWhitespace(QChar c)
{
    return c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')
        || c == QLatin1Char(' ');
}

bool isHttpTabOrSpace(QChar c)
{
    return c == QLatin1Char('\t') || c == QLatin1Char(' ');
}

QStringView trimmed(QStringView text, bool (*isSpace)(QChar))
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isSpace(text.at(begin)))
        ++begin;
    while (end > begin && isSpace(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool allDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isAsciiDigit);
}

// Chromium cors.cc IsSimilarToDoubleABNF: 1*DIGIT [ "." 1*DIGIT ].
bool isSimilarToDouble(QStringView text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return allDigits(text);
    return allDigits(text.left(dot)) && allDigits(text.mid(dot + 1));
}

// Fetch "CORS-safelisted request-header", range: "parse a single range header value" with
// allowWhitespace false must succeed with a start (no suffix range). Chromium lower-cases the
// value first, so it also takes "Bytes=0-" (cors.cc: lower_value into ParseRangeHeader).
bool isSimpleRange(QStringView value, bool caseInsensitivePrefix)
{
    const QLatin1String prefix("bytes=");
    if (!value.startsWith(prefix, caseInsensitivePrefix ? Qt::CaseInsensitive : Qt::CaseSensitive))
        return false;
    const QStringView rest = value.mid(prefix.size());
    const qsizetype dash = rest.indexOf(QLatin1Char('-'));
    if (dash <= 0)
        return false; // no "-", or a suffix range "bytes=-5"
    const QStringView start = rest.left(dash);
    const QStringView end = rest.mid(dash + 1);
    if (!allDigits(start) || (!end.isEmpty() && !allDigits(end)))
        return false;
    if (end.isEmpty())
        return true;
    // rangeStart > rangeEnd is a failure. Compare as digit strings to stay clear of overflow.
    auto stripZeros = [](QStringView digits) {
        qsizetype i = 0;
        while (i + 1 < digits.size() && digits.at(i) == QLatin1Char('0'))
            ++i;
        return digits.mid(i);
    };
    const QStringView s = stripZeros(start);
    const QStringView e = stripZeros(end);
    if (s.size() != e.size())
        return s.size() < e.size();
    return s.compare(e) <= 0;
}

bool isLanguageValue(QStringView value)
{
    return std::all_of(value.begin(), value.end(), [](QChar c) {
        return isAsciiDigit(c) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char(' ')
            || c == QLatin1Char('*') || c == QLatin1Char(',') || c == QLatin1Char('-')
            || c == QLatin1Char('.') || c == QLatin1Char(';') || c == QLatin1Char('=');
    });
}

bool hasUnsafeByte(QStringView value)
{
    return std::any_of(value.begin(), value.end(),
        [](QChar c) { return BrowserFetchRules::isCorsUnsafeRequestHeaderByte(c.unicode()); });
}

} // namespace

QString BrowserFetchRules::normalizeMethod(const QString &method)
{
    static const QStringList normalised
        = {QStringLiteral("DELETE"), QStringLiteral("GET"), QStringLiteral("HEAD"),
            QStringLiteral("OPTIONS"), QStringLiteral("POST"), QStringLiteral("PUT")};
    for (const QString &candidate : normalised) {
        if (method.compare(candidate, Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return method;
}

bool BrowserFetchRules::isForbiddenMethod(QStringView method)
{
    return method.compare(QLatin1String("CONNECT"), Qt::CaseInsensitive) == 0
        || method.compare(QLatin1String("TRACE"), Qt::CaseInsensitive) == 0
        || method.compare(QLatin1String("TRACK"), Qt::CaseInsensitive) == 0;
}

bool BrowserFetchRules::isCorsSafelistedMethod(QStringView method)
{
    return method == QLatin1String("GET") || method == QLatin1String("HEAD")
        || method == QLatin1String("POST");
}

bool BrowserFetchRules::isHttpToken(QStringView text)
{
    if (text.isEmpty())
        return false;
    static constexpr QStringView punctuation = u"!#$%&'*+-.^_`|~";
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return isAsciiDigit(c) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || punctuation.contains(c);
    });
}

bool BrowserFetchRules::isByteString(QStringView value)
{
    return std::all_of(value.begin(), value.end(), [](QChar c) { return c.unicode() <= 0xFF; });
}

bool BrowserFetchRules::isHeaderValue(QStringView value)
{
    if (!value.isEmpty() && (isHttpTabOrSpace(value.front()) || isHttpTabOrSpace(value.back())))
        return false;
    return std::none_of(value.begin(), value.end(),
        [](QChar c) { return c == QChar(0) || c == QLatin1Char('\r') || c == QLatin1Char('\n'); });
}

QString BrowserFetchRules::normalizeHeaderValue(const QString &value)
{
    return trimmed(value, isHttpWhitespace).toString();
}

bool BrowserFetchRules::isForbiddenRequestHeader(
    Browser browser, QStringView name, QStringView value)
{
    if (browser == Browser::Node)
        return false; // engine.io-client turns xmlhttprequest-ssl's header check off
    const QString lower = name.toString().toLower();
    // Fetch "forbidden request-header": the name list, then the Proxy- and Sec- prefixes.
    static const QStringList forbiddenNames = {QStringLiteral("accept-charset"),
        QStringLiteral("accept-encoding"), QStringLiteral("access-control-request-headers"),
        QStringLiteral("access-control-request-method"), QStringLiteral("connection"),
        QStringLiteral("content-length"), QStringLiteral("cookie"), QStringLiteral("cookie2"),
        QStringLiteral("date"), QStringLiteral("dnt"), QStringLiteral("expect"),
        QStringLiteral("host"), QStringLiteral("keep-alive"), QStringLiteral("origin"),
        QStringLiteral("referer"), QStringLiteral("set-cookie"), QStringLiteral("te"),
        QStringLiteral("trailer"), QStringLiteral("transfer-encoding"), QStringLiteral("upgrade"),
        QStringLiteral("via")};
    if (forbiddenNames.contains(lower) || lower.startsWith(QLatin1String("proxy-"))
        || lower.startsWith(QLatin1String("sec-")))
        return true;
    if (browser == Browser::Chromium && lower == QLatin1String("user-agent"))
        return true;
    // X-HTTP-Method, X-HTTP-Method-Override, X-Method-Override naming a forbidden method.
    if (lower == QLatin1String("x-http-method") || lower == QLatin1String("x-http-method-override")
        || lower == QLatin1String("x-method-override")) {
        for (const QStringView item : value.split(QLatin1Char(','))) {
            if (isForbiddenMethod(trimmed(item, isHttpTabOrSpace)))
                return true;
        }
    }
    return false;
}

bool BrowserFetchRules::isCorsUnsafeRequestHeaderByte(char16_t c)
{
    return (c < 0x20 && c != 0x09) || c == 0x22 || c == 0x28 || c == 0x29 || c == 0x3A || c == 0x3C
        || c == 0x3E || c == 0x3F || c == 0x40 || c == 0x5B || c == 0x5C || c == 0x5D || c == 0x7B
        || c == 0x7D || c == 0x7F;
}

std::optional<QString> BrowserFetchRules::mimeTypeEssence(QStringView value)
{
    const QStringView input = trimmed(value, isHttpWhitespace);
    const qsizetype slash = input.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return std::nullopt;
    const QStringView type = input.left(slash);
    QStringView subtype = input.mid(slash + 1);
    const qsizetype semicolon = subtype.indexOf(QLatin1Char(';'));
    if (semicolon >= 0)
        subtype = subtype.left(semicolon);
    subtype = trimmed(subtype, isHttpWhitespace);
    if (!isHttpToken(type) || !isHttpToken(subtype))
        return std::nullopt;
    return (type.toString() + QLatin1Char('/') + subtype.toString()).toLower();
}

bool BrowserFetchRules::isCorsSafelistedRequestHeader(
    Browser browser, QStringView name, QStringView value)
{
    if (value.size() > 128)
        return false;
    const QString lower = name.toString().toLower();
    if (lower == QLatin1String("accept"))
        return !hasUnsafeByte(value);
    if (lower == QLatin1String("accept-language") || lower == QLatin1String("content-language"))
        return isLanguageValue(value);
    if (lower == QLatin1String("content-type")) {
        if (hasUnsafeByte(value))
            return false;
        const std::optional<QString> essence = mimeTypeEssence(value);
        return essence
            && (*essence == QLatin1String("application/x-www-form-urlencoded")
                || *essence == QLatin1String("multipart/form-data")
                || *essence == QLatin1String("text/plain"));
    }
    if (lower == QLatin1String("range"))
        return isSimpleRange(value, browser == Browser::Chromium);
    if (browser != Browser::Chromium)
        return false;
    // Chromium-only names (services/network/public/cpp/cors/cors.cc, safe_names).
    if (lower == QLatin1String("intervention"))
        return true;
    if (lower == QLatin1String("save-data"))
        return value.compare(QLatin1String("on"), Qt::CaseInsensitive) == 0;
    if (lower == QLatin1String("device-memory") || lower == QLatin1String("dpr")
        || lower == QLatin1String("downlink"))
        return isSimilarToDouble(value);
    if (lower == QLatin1String("width") || lower == QLatin1String("viewport-width")
        || lower == QLatin1String("rtt"))
        return allDigits(value);
    if (lower == QLatin1String("ect")) {
        return value == QLatin1String("slow-2g") || value == QLatin1String("2g")
            || value == QLatin1String("3g") || value == QLatin1String("4g");
    }
    return false;
}

QStringList BrowserFetchRules::corsUnsafeRequestHeaderNames(
    Browser browser, const QList<BrowserHeader> &headers)
{
    QStringList unsafe;
    if (browser == Browser::Node)
        return unsafe;
    QStringList safelisted;
    qsizetype safelistedBytes = 0;
    for (const BrowserHeader &header : headers) {
        if (isForbiddenRequestHeader(browser, header.name, header.value))
            continue;
        const QString lower = header.name.toLower();
        if (!isCorsSafelistedRequestHeader(browser, header.name, header.value)) {
            unsafe << lower;
        } else {
            safelisted << lower;
            safelistedBytes += header.value.size();
        }
    }
    if (browser == Browser::Firefox) {
        std::sort(unsafe.begin(), unsafe.end());
        return unsafe;
    }
    // Fetch "CORS-unsafe request-header names" step 3: more than 1024 bytes of safelisted values
    // makes them all unsafe (Chromium kSafeListValueSizeMax).
    if (safelistedBytes > 1024)
        unsafe << safelisted;
    return unsafe;
}

QStringList BrowserFetchRules::sortedLowerCaseNames(const QStringList &names)
{
    QStringList lower;
    for (const QString &name : names)
        lower << name.toLower();
    std::sort(lower.begin(), lower.end());
    lower.erase(std::unique(lower.begin(), lower.end()), lower.end());
    return lower;
}

std::optional<QStringList> BrowserFetchRules::parseChromiumAllowList(
    const std::optional<QString> &header, bool lowerCase)
{
    QStringList list;
    if (!header)
        return list;
    for (const QStringView item : QStringView(*header).split(QLatin1Char(','))) {
        const QStringView element = trimmed(item, isHttpTabOrSpace);
        if (element.isEmpty())
            continue;
        if (!isHttpToken(element))
            return std::nullopt;
        list << (lowerCase ? element.toString().toLower() : element.toString());
    }
    return list;
}

QStringList BrowserFetchRules::firefoxTokens(const QString &header)
{
    QStringList tokens;
    for (const QStringView item : QStringView(header).split(QLatin1Char(','))) {
        const QStringView token = trimmed(item, isHttpWhitespace);
        if (!token.isEmpty())
            tokens << token.toString();
    }
    return tokens;
}

std::optional<QString> BrowserFetchRules::combinedValue(
    const QList<BrowserHeader> &headers, QStringView name)
{
    std::optional<QString> combined;
    for (const BrowserHeader &header : headers) {
        if (header.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        const QString value = trimmed(header.value, isHttpTabOrSpace).toString();
        combined = combined ? *combined + QLatin1String(", ") + value : value;
    }
    return combined;
}

qsizetype BrowserFetchRules::lineCount(const QList<BrowserHeader> &headers, QStringView name)
{
    return std::count_if(headers.begin(), headers.end(), [name](const BrowserHeader &header) {
        return header.name.compare(name, Qt::CaseInsensitive) == 0;
    });
}

bool BrowserFetchRules::isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace corslab
