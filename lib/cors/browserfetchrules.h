// BrowserFetchRules: the Fetch standard's byte-level rules (methods, header names and values, the
// Access-Control-Allow-* list syntax) with each browser's own deviations, as pure functions.
#pragma once

#include "profile/profile.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace corslab {

// One header field: a request header as the page sets it, or a response header line as received.
// Header values are byte strings; each QChar stands for one byte (ISO-8859-1), as ByteString does.
struct BrowserHeader {
    QString name;
    QString value;
    friend bool operator==(const BrowserHeader &, const BrowserHeader &) = default;
};

class BrowserFetchRules {
public:
    // XMLHttpRequest open() / Request(): DELETE GET HEAD OPTIONS POST PUT are upper-cased when
    // they match case-insensitively; any other method keeps its case (Fetch "normalize a method").
    static QString normalizeMethod(const QString &method);
    // CONNECT, TRACE, TRACK (any case): open() throws a SecurityError (Fetch "forbidden method").
    static bool isForbiddenMethod(QStringView method);
    // GET, HEAD, POST (Fetch "CORS-safelisted method"; both browsers compare the normalised
    // method).
    static bool isCorsSafelistedMethod(QStringView method);
    // RFC 9110 token: 1*tchar.
    static bool isHttpToken(QStringView text);
    // setRequestHeader() value rules (Fetch "header value"): no NUL, CR or LF, no leading or
    // trailing HTTP whitespace; and ByteString: every code unit <= 0xFF.
    static bool isHeaderValue(QStringView value);
    static bool isByteString(QStringView value);
    // Fetch "normalize": strip leading and trailing HTTP whitespace (tab, LF, CR, space).
    static QString normalizeHeaderValue(const QString &value);

    // Fetch "forbidden request-header", per browser. Chromium still forbids User-Agent
    // (net/http/http_util.cc kForbiddenHeaderFields, crbug.com/571722); Firefox follows the
    // current standard and lets pages set it.
    static bool isForbiddenRequestHeader(Browser browser, QStringView name, QStringView value);
    // Fetch "CORS-safelisted request-header", per browser (value <= 128 bytes first). Chromium
    // also safelists Intervention, Save-Data and the client hints DPR, Width, Viewport-Width,
    // Device-Memory, RTT, Downlink, ECT with their value syntax (services/network/public/cpp/cors/
    // cors.cc IsCorsSafelistedHeader); Firefox only the standard five
    // (nsContentUtils::IsCORSSafelistedRequestHeader).
    static bool isCorsSafelistedRequestHeader(Browser browser, QStringView name, QStringView value);
    // Fetch "CORS-unsafe request-header byte".
    static bool isCorsUnsafeRequestHeaderByte(char16_t c);
    // Fetch "parse a MIME type", essence only (lower-cased "type/subtype"); nullopt on failure.
    static std::optional<QString> mimeTypeEssence(QStringView value);

    // The request's CORS-unsafe header names, lower-cased:
    // - Chromium (cors.cc CorsUnsafeNotForbiddenRequestHeaderNames): the unsafe headers in list
    //   order, then, when the safelisted values add up to more than 1024 bytes, the safelisted
    //   ones too. (Blink hands over its headers in hash-map order, so the order in which Chromium
    //   checks them is not this one; see BrowserOutcome::possibleHints.)
    // - Firefox (RequestHeaders::GetCORSUnsafeHeaders, then sorted as nsCORSPreflightListener
    //   checks them): unsafe headers one by one; no 1024-byte total rule.
    // Forbidden headers are skipped (the page cannot have set them).
    static QStringList corsUnsafeRequestHeaderNames(
        Browser browser, const QList<BrowserHeader> &headers);
    // Lower-cased, de-duplicated, sorted byte-wise: the Access-Control-Request-Headers list.
    static QStringList sortedLowerCaseNames(const QStringList &names);

    // Chromium PreflightResult::Parse (net::HttpUtil::ValuesIterator, ignore empty values):
    // comma-separated, elements trimmed of spaces and tabs, every element a token. nullopt when
    // one is not; an absent header is an empty list. lowerCase: ACAH is kept lower-cased.
    static std::optional<QStringList> parseChromiumAllowList(
        const std::optional<QString> &header, bool lowerCase);
    // Firefox nsCCharSeparatedTokenizer(value, ','): elements trimmed of whitespace, empty ones
    // skipped, no validation (the caller checks each token in its own loop).
    static QStringList firefoxTokens(const QString &header);

    // Combined value of every line of this name (case-insensitive), each trimmed, joined with
    // ", " as net::HttpResponseHeaders::GetNormalizedHeader does; nullopt when there is none.
    static std::optional<QString> combinedValue(
        const QList<BrowserHeader> &headers, QStringView name);
    static qsizetype lineCount(const QList<BrowserHeader> &headers, QStringView name);
    // Fetch "redirect status": 301, 302, 303, 307, 308.
    static bool isRedirectStatus(int status);
};

} // namespace corslab
