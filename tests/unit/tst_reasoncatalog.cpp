// ReasonCatalog: every Chromium CorsError, every Firefox key in en-US and zh-CN, the network and
// WebSocket lines and socket.io-client's connect_error messages render exactly as the browsers
// print them, and match() gives every rendered text back with its code and parameters.
//
// The expected texts are pasted from cors.md §3.2/§3.3/§4.2 and firefox-cors-strings.md (whose
// Firefox values were re-read from the firefox-esr 153.7.0esr and firefox-esr-l10n-zh-cn
// packages' .properties files), and from console lines users posted (named in the rows).
#include "cors/browsercors.h"
#include "cors/reasoncatalog.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(corslab::ChromiumMessageParams)
Q_DECLARE_METATYPE(corslab::NetworkLineParams)
Q_DECLARE_METATYPE(corslab::WebSocketMessageParams)
Q_DECLARE_METATYPE(corslab::ReasonSource)

namespace {

// firefox-cors-strings.md "What a user sees": the page and the polling URL.
#define URL "http://localhost:3000/socket.io/?EIO=4&transport=polling&t=lpeh9tkn"
#define ORIGIN "http://localhost:8080"
#define WS_URL "ws://localhost:3000/socket.io/?EIO=4&transport=websocket"

const QString Url = QStringLiteral(URL);
const QString Origin = QStringLiteral(ORIGIN);
const QString WsUrl = QStringLiteral(WS_URL);

// cors.md §3.3 [CR] and [PF].
const QString CR = QStringLiteral("Access to XMLHttpRequest at '" URL "' from origin '" ORIGIN
                                  "' has been blocked by CORS policy: ");
const QString PF = u"Response to preflight request doesn't pass access control check: "_s;
// firefox-cors-strings.md, the start every CORS key but two shares.
const QString FF = QStringLiteral("Cross-Origin Request Blocked: The Same Origin Policy disallows "
                                  "reading the remote resource at " URL ". ");
const QString ZH = QStringLiteral("已拦截跨源请求：同源策略禁止读取位于 " URL " 的远程资源。");

const ReasonCatalog &catalog()
{
    return ReasonCatalog::instance();
}

ChromiumMessageParams xhr(const QString &hint = {})
{
    ChromiumMessageParams p;
    p.url = Url;
    p.origin = Origin;
    p.hint = hint;
    return p;
}

ChromiumMessageParams fetchParams(const QString &hint = {}, bool legacy = false)
{
    ChromiumMessageParams p = xhr(hint);
    p.initiator = ChromiumInitiator::Fetch;
    p.legacyWording = legacy;
    return p;
}

ChromiumMessageParams spaces(const QString &target, const QString &resource = {})
{
    ChromiumMessageParams p = xhr();
    p.targetAddressSpace = target;
    p.resourceAddressSpace = resource;
    return p;
}

struct ChromiumRow {
    const char *name;
    QString code;
    ChromiumMessageParams params;
    QString expected;
};

QList<ChromiumRow> chromiumRows()
{
    ChromiumMessageParams file;
    file.url = u"file:///foo/bar.json"_s;
    file.origin = u"null"_s;
    ChromiumMessageParams redirected = xhr();
    redirected.initialUrl = Url;
    redirected.url = u"http://b.test/socket.io/?EIO=4&transport=polling&t=lpeh9tkn"_s;
    ChromiumMessageParams gatsby;
    gatsby.url = u"http://localhost:52607/socket.io/?EIO=3&transport=polling&t=NAJ9_f9"_s;
    gatsby.origin = u"https://localhost:8000"_s;

    return {
        // cors.md §3.3, one row per situation
        {"row 2: no ACAO", u"MissingAllowOriginHeader"_s, xhr(),
            CR + u"No 'Access-Control-Allow-Origin' header is present on the requested resource."_s},
        {"row 3: ACAO another origin", u"AllowOriginMismatch"_s, xhr(u"http://a.test/"_s),
            CR + u"The 'Access-Control-Allow-Origin' header has a value 'http://a.test/' that is not equal to the supplied origin."_s},
        {"row 4: ACAO null", u"AllowOriginMismatch"_s, xhr(u"null"_s),
            CR + u"The 'Access-Control-Allow-Origin' header has a value 'null' that is not equal to the supplied origin."_s},
        {"row 5: wildcard with credentials", u"WildcardOriginNotAllowed"_s, xhr(),
            CR + u"The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."_s},
        {"row 6: ACAC missing", u"InvalidAllowCredentials"_s, xhr(),
            CR + u"The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."_s},
        {"row 6: ACAC false", u"InvalidAllowCredentials"_s, xhr(u"false"_s),
            CR + u"The value of the 'Access-Control-Allow-Credentials' header in the response is 'false' which must be 'true' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."_s},
        {"row 7: two ACAO lines", u"MultipleAllowOriginValues"_s, xhr(u"v1, v2"_s),
            CR + u"The 'Access-Control-Allow-Origin' header contains multiple values 'v1, v2', but only one is allowed."_s},
        {"row 8: one ACAO line with a comma list", u"MultipleAllowOriginValues"_s,
            xhr(u"http://a.test,http://b.test"_s),
            CR + u"The 'Access-Control-Allow-Origin' header contains multiple values 'http://a.test,http://b.test', but only one is allowed."_s},
        {"row 9: ACAO not a URL", u"InvalidAllowOriginValue"_s, xhr(u"a.test"_s),
            CR + u"The 'Access-Control-Allow-Origin' header contains the invalid value 'a.test'."_s},
        {"row 10: preflight without ACAO", u"PreflightMissingAllowOriginHeader"_s, xhr(),
            CR + PF
                + u"No 'Access-Control-Allow-Origin' header is present on the requested resource."_s},
        {"row 11: preflight ACAO mismatch", u"PreflightAllowOriginMismatch"_s,
            xhr(u"http://a.test/"_s),
            CR + PF
                + u"The 'Access-Control-Allow-Origin' header has a value 'http://a.test/' that is not equal to the supplied origin."_s},
        {"row 11: preflight wildcard with credentials", u"PreflightWildcardOriginNotAllowed"_s,
            xhr(),
            CR + PF
                + u"The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."_s},
        {"row 11: preflight ACAC wrong", u"PreflightInvalidAllowCredentials"_s, xhr(),
            CR + PF
                + u"The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."_s},
        {"preflight ACAO with two values", u"PreflightMultipleAllowOriginValues"_s,
            xhr(u"v1, v2"_s),
            CR + PF
                + u"The 'Access-Control-Allow-Origin' header contains multiple values 'v1, v2', but only one is allowed."_s},
        {"preflight ACAO not a URL", u"PreflightInvalidAllowOriginValue"_s, xhr(u"a.test"_s),
            CR + PF
                + u"The 'Access-Control-Allow-Origin' header contains the invalid value 'a.test'."_s},
        {"row 12: preflight status not ok", u"PreflightInvalidStatus"_s, xhr(),
            CR + PF + u"It does not have HTTP ok status."_s},
        {"row 13: preflight redirected", u"PreflightDisallowedRedirect"_s, xhr(),
            CR + PF + u"Redirect is not allowed for a preflight request."_s},
        {"row 14: ACAM not a token list", u"InvalidAllowMethodsPreflightResponse"_s, xhr(),
            CR + u"Cannot parse Access-Control-Allow-Methods response header field in preflight response."_s},
        {"row 15: ACAH not a token list", u"InvalidAllowHeadersPreflightResponse"_s, xhr(),
            CR + u"Cannot parse Access-Control-Allow-Headers response header field in preflight response."_s},
        {"row 16: method not in ACAM", u"MethodDisallowedByPreflightResponse"_s, xhr(u"PUT"_s),
            CR + u"Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."_s},
        {"row 17: header not in ACAH", u"HeaderDisallowedByPreflightResponse"_s, xhr(u"x-token"_s),
            CR + u"Request header field x-token is not allowed by Access-Control-Allow-Headers in preflight response."_s},
        {"row 19: scheme not http(s)", u"CorsDisabledScheme"_s, file,
            u"Access to XMLHttpRequest at 'file:///foo/bar.json' from origin 'null' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted."_s},
        {"row 20: redirect with user:pass", u"RedirectContainsCredentials"_s,
            xhr(u"http://user:pass@b.test/"_s),
            CR + u"Redirect location 'http://user:pass@b.test/' contains a username and password, which is disallowed for cross-origin requests."_s},
        {"row 21: Local Network Access denied", u"LocalNetworkAccessPermissionDenied"_s,
            spaces(u"loopback"_s),
            CR + u"Permission was denied for this request to access the `loopback` address space."_s},
        {"older name of Local Network Access denied", u"PrivateNetworkAccessPermissionDenied"_s,
            spaces(u"loopback"_s),
            CR + u"Permission was denied for this request to access the `loopback` address space."_s},
        {"target and resource address spaces differ", u"InvalidLocalNetworkAccess"_s,
            spaces(u"local"_s, u"loopback"_s),
            CR + u"Request had a target IP address space of `local` yet the resource is in address space `loopback`."_s},
        {"insecure page to a more private space", u"InsecureLocalNetwork"_s, spaces({}, u"local"_s), CR + u"The request client is not a secure context and the resource is in more-private address space `local`."_s},
        {"request mode forbids CORS", u"DisallowedByMode"_s, xhr(),
            CR + u"Cross origin requests are not allowed by request mode."_s},
        {"invalid response", u"InvalidResponse"_s, xhr(), CR + u"The response is invalid."_s},
        // cors.md §4.4, older mirrors (double space in the original)
        {"PNA preflight without the header", u"PreflightMissingAllowPrivateNetwork"_s,
            spaces(u"local"_s),
            CR + PF
                + u"No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `local` address space."_s},
        {"PNA preflight header not true", u"PreflightInvalidAllowPrivateNetwork"_s,
            [] {
                ChromiumMessageParams p = spaces(u"local"_s);
                p.hint = u"false"_s;
                return p;
            }(),
            CR + PF
                + u"The 'Access-Control-Allow-Private-Network' header in the preflight response for this private network request targeting the `local` address space had a value of 'false',  not 'true'."_s},
        // cors.md §3.2: fetch() in recent builds, and in older ones
        {"fetch: no ACAO", u"MissingAllowOriginHeader"_s, fetchParams(),
            u"Access to fetch at '" URL "' from origin '" ORIGIN
            "' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."_s},
        {"fetch: ACAO another origin", u"AllowOriginMismatch"_s, fetchParams(u"http://a.test/"_s),
            u"Access to fetch at '" URL "' from origin '" ORIGIN
            "' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://a.test/' that is not equal to the supplied origin. Have the server send the header with a valid value."_s},
        {"fetch: wildcard with credentials, no XHR sentence", u"WildcardOriginNotAllowed"_s,
            fetchParams(),
            u"Access to fetch at '" URL "' from origin '" ORIGIN
            "' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."_s},
        {"fetch, older build: no ACAO", u"MissingAllowOriginHeader"_s, fetchParams({}, true),
            u"Access to fetch at '" URL "' from origin '" ORIGIN
            "' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."_s},
        {"fetch, older build: ACAO not a URL", u"PreflightInvalidAllowOriginValue"_s,
            fetchParams(u"a.test"_s, true),
            u"Access to fetch at '" URL "' from origin '" ORIGIN
            "' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header contains the invalid value 'a.test'. Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."_s},
        {"XHR, older build: no 'no-cors' advice", u"MissingAllowOriginHeader"_s,
            [] {
                ChromiumMessageParams p = xhr();
                p.legacyWording = true;
                return p;
            }(),
            CR + u"No 'Access-Control-Allow-Origin' header is present on the requested resource."_s},
        {"redirected request", u"MissingAllowOriginHeader"_s, redirected,
            u"Access to XMLHttpRequest at "
            u"'http://b.test/socket.io/?EIO=4&transport=polling&t=lpeh9tkn' (redirected from '" URL
            "') from origin '" ORIGIN
            "' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."_s},
        // EncodeHint: each non-printable or non-ASCII byte of the UTF-8 as \uXXXX
        {"hint with non-ASCII", u"AllowOriginMismatch"_s, xhr(u"http://\u00e9.test"_s),
            CR + u"The 'Access-Control-Allow-Origin' header has a value 'http://\\u00C3\\u00A9.test' that is not equal to the supplied origin."_s},
        {"hint with a tab", u"HeaderDisallowedByPreflightResponse"_s, xhr(u"x\ty"_s),
            CR + u"Request header field x\\u0009y is not allowed by Access-Control-Allow-Headers in preflight response."_s},
        // socket.io-client polling blocked in Chrome (gatsbyjs/gatsby#24864)
        {
            "posted: gatsby #24864", u"WildcardOriginNotAllowed"_s, gatsby, u"Access to XMLHttpRequest at 'http://localhost:52607/socket.io/?EIO=3&transport=polling&t=NAJ9_f9' from origin 'https://localhost:8000' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."_s},
    };
}

struct FirefoxRow {
    const char *name;
    QString key;
    QString language;
    QStringList arguments;
    QString expected;
};

QList<FirefoxRow> firefoxRows()
{
    const QString en = u"en-US"_s;
    const QString zh = u"zh-CN"_s;
    return {
        {"CORSDisabled", u"CORSDisabled"_s, en, {Url}, FF + u"(Reason: CORS disabled)."_s},
        {"CORSDidNotSucceed2: no status passed", u"CORSDidNotSucceed2"_s, en, {Url},
            FF + u"(Reason: CORS request did not succeed). Status code: (null)."_s},
        {"CORSOriginHeaderNotAdded", u"CORSOriginHeaderNotAdded"_s, en, {Url},
            FF + u"(Reason: CORS header ‘Origin’ cannot be added)."_s},
        {"CORSExternalRedirectNotAllowed", u"CORSExternalRedirectNotAllowed"_s, en, {Url},
            FF + u"(Reason: CORS request external redirect not allowed)."_s},
        {"CORSRequestNotHttp", u"CORSRequestNotHttp"_s, en, {Url},
            FF + u"(Reason: CORS request not http)."_s},
        {"CORSMissingAllowOrigin2: status 200", u"CORSMissingAllowOrigin2"_s, en, {Url, u"200"_s},
            FF + u"(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200."_s},
        {"CORSMissingAllowOrigin2: preflight 204 (row 10)", u"CORSMissingAllowOrigin2"_s, en,
            {Url, u"204"_s},
            FF + u"(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 204."_s},
        {"CORSMultipleAllowOriginNotAllowed", u"CORSMultipleAllowOriginNotAllowed"_s, en, {Url},
            FF + u"(Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)."_s},
        {"CORSAllowOriginNotMatchingOrigin", u"CORSAllowOriginNotMatchingOrigin"_s, en,
            {Url, u"http://a.test/"_s},
            FF + u"(Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘http://a.test/’)."_s},
        {"CORSNotSupportingCredentials: URL in quotes", u"CORSNotSupportingCredentials"_s, en,
            {Url},
            u"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote "
            u"resource at ‘" URL
            "’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’)."_s},
        {"CORSMethodNotFound", u"CORSMethodNotFound"_s, en, {Url},
            FF + u"(Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’)."_s},
        {"CORSMissingAllowCredentials", u"CORSMissingAllowCredentials"_s, en, {Url},
            FF + u"(Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)."_s},
        {"CORSPreflightDidNotSucceed3", u"CORSPreflightDidNotSucceed3"_s, en, {Url, u"400"_s},
            FF + u"(Reason: CORS preflight response did not succeed). Status code: 400."_s},
        {"CORSInvalidAllowMethod", u"CORSInvalidAllowMethod"_s, en, {Url, u"GET POST"_s},
            FF + u"(Reason: invalid token ‘GET POST’ in CORS header ‘Access-Control-Allow-Methods’)."_s},
        {"CORSInvalidAllowHeader", u"CORSInvalidAllowHeader"_s, en, {Url, u"x token"_s},
            FF + u"(Reason: invalid token ‘x token’ in CORS header ‘Access-Control-Allow-Headers’)."_s},
        {"CORSMissingAllowHeaderFromPreflight2", u"CORSMissingAllowHeaderFromPreflight2"_s, en,
            {Url, u"x-token"_s},
            FF + u"(Reason: header ‘x-token’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)."_s},
        {"CORSAllowHeaderFromPreflightDeprecation", u"CORSAllowHeaderFromPreflightDeprecation"_s,
            en, {Url},
            u"Cross-Origin Request Warning: The Same Origin Policy will disallow reading the "
            u"remote resource at " URL
            " soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`)."_s},
        // security.properties, the mixed-content blocker's key
        {"BlockMixedActiveContent", u"BlockMixedActiveContent"_s, en, {Url},
            u"Blocked loading mixed active content “" URL "”"_s},
        {"connectionFailure", u"connectionFailure"_s, en, {WsUrl},
            u"Firefox can’t establish a connection to the server at " WS_URL "."_s},
        {"netInterrupt", u"netInterrupt"_s, en, {WsUrl},
            u"The connection to " WS_URL " was interrupted while the page was loading."_s},

        {"zh-CN CORSDisabled", u"CORSDisabled"_s, zh, {Url}, ZH + u"（原因：CORS 未启用）。"_s},
        {"zh-CN CORSDidNotSucceed2: no status passed", u"CORSDidNotSucceed2"_s, zh, {Url},
            ZH + u"（原因：CORS 请求未能成功）。状态码：(null)。"_s},
        {"zh-CN CORSOriginHeaderNotAdded: mixed quotes", u"CORSOriginHeaderNotAdded"_s, zh, {Url},
            ZH + u"（原因：无法添加 CORS ‘Origin' 头）。"_s},
        {"zh-CN CORSExternalRedirectNotAllowed", u"CORSExternalRedirectNotAllowed"_s, zh, {Url},
            ZH + u"（原因：不允许 CORS 请求外部重定向）。"_s},
        {"zh-CN CORSRequestNotHttp", u"CORSRequestNotHttp"_s, zh, {Url},
            ZH + u"（原因：CORS 请求不是 http）。"_s},
        // firefox-cors-strings.md "What a user sees", as observed
        {"zh-CN CORSMissingAllowOrigin2: observed", u"CORSMissingAllowOrigin2"_s, zh,
            {Url, u"200"_s},
            u"已拦截跨源请求：同源策略禁止读取位于 http://localhost:3000/socket.io/?EIO=4&transport=polling&t=lpeh9tkn 的远程资源。（原因：CORS 头缺少 'Access-Control-Allow-Origin'）。状态码：200。"_s},
        {"zh-CN CORSMultipleAllowOriginNotAllowed", u"CORSMultipleAllowOriginNotAllowed"_s, zh,
            {Url}, ZH + u"（原因：不允许有多个 'Access-Control-Allow-Origin' CORS 头）。"_s},
        {"zh-CN CORSAllowOriginNotMatchingOrigin", u"CORSAllowOriginNotMatchingOrigin"_s, zh,
            {Url, u"http://a.test/"_s},
            ZH + u"（原因：CORS 头 'Access-Control-Allow-Origin' 不匹配 'http://a.test/'）。"_s},
        {"zh-CN CORSNotSupportingCredentials", u"CORSNotSupportingCredentials"_s, zh, {Url},
            u"已拦截跨源请求：同源策略禁止读取位于 ‘" URL
            "’ 的远程资源。（原因：凭据不支持，如果 CORS 头 ‘Access-Control-Allow-Origin’ 为 ‘*’）。"_s},
        {"zh-CN CORSMethodNotFound", u"CORSMethodNotFound"_s, zh, {Url},
            ZH + u"（原因：找不到 CORS 头中的 'Access-Control-Allow-Methods'）。"_s},
        {"zh-CN CORSMissingAllowCredentials", u"CORSMissingAllowCredentials"_s, zh, {Url},
            ZH + u"（原因：CORS 头中的 'Access-Control-Allow-Credentials' 预期为 'true'）。"_s},
        {"zh-CN CORSPreflightDidNotSucceed3", u"CORSPreflightDidNotSucceed3"_s, zh, {Url, u"400"_s},
            ZH + u"（原因：CORS 预检响应未能成功）。状态码：400。"_s},
        {"zh-CN CORSInvalidAllowMethod", u"CORSInvalidAllowMethod"_s, zh, {Url, u"GET POST"_s},
            ZH + u"（原因：CORS 头 'Access-Control-Allow-Methods' 中的令牌 'GET POST' 无效）。"_s},
        {"zh-CN CORSInvalidAllowHeader: ends with a space", u"CORSInvalidAllowHeader"_s, zh,
            {Url, u"x token"_s},
            ZH + u"（原因：CORS 头 'Access-Control-Allow-Headers' 中的令牌 'x token' 无效）。 "_s},
        {"zh-CN CORSMissingAllowHeaderFromPreflight2", u"CORSMissingAllowHeaderFromPreflight2"_s,
            zh, {Url, u"x-token"_s},
            ZH + u"（原因：CORS 预检响应的 'Access-Control-Allow-Headers'，不允许使用头 'x-token'）。"_s},
        {"zh-CN CORSAllowHeaderFromPreflightDeprecation",
            u"CORSAllowHeaderFromPreflightDeprecation"_s, zh, {Url},
            u"跨源请求警告：同源策略即将禁止读取位于 " URL
            " 的远程资源。（原因：当“Access-Control-Allow-Headers”为“*”时，“Authorization”头并未被包含。若要包含“Authorization”头，则须在 CORS 头“Access-Control-Allow-Headers”中明确列出）。"_s},
        {"zh-CN BlockMixedActiveContent", u"BlockMixedActiveContent"_s, zh, {Url},
            u"已阻止加载混合活动内容“" URL "”"_s},
        {"zh-CN connectionFailure", u"connectionFailure"_s, zh, {WsUrl},
            u"Firefox 无法建立到 " WS_URL " 服务器的连接。"_s},
        {"zh-CN netInterrupt", u"netInterrupt"_s, zh, {WsUrl},
            u"加载页面时与 " WS_URL " 的连接中断。"_s},
    };
}

// A sample value for each Firefox argument name, for the round trip.
QString sampleArgument(const QString &name)
{
    if (name == QLatin1String("url"))
        return Url;
    if (name == QLatin1String("status"))
        return u"404"_s;
    if (name == QLatin1String("allowOrigin"))
        return u"http://a.test, http://b.test"_s;
    return u"x-token"_s;
}

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestReasonCatalog : public QObject {
    Q_OBJECT

private slots:
    void bundledCatalogIsValid();
    void everyCodeHasARenderRow();
    void everyBrowserCorsCodeHasTexts();
    void chromiumConsoleMessage_data();
    void chromiumConsoleMessage();
    void noteMessage_data();
    void noteMessage();
    void chromiumMessage_data();
    void chromiumMessage();
    void chromiumIssueSummary();
    void unknownCodes();
    void companionLine_data();
    void companionLine();
    void companionConsoleText_data();
    void companionConsoleText();
    void chromiumWebSocketMessage_data();
    void chromiumWebSocketMessage();
    void webSocketUrlIsElided();
    void firefoxMessage_data();
    void firefoxMessage();
    void formatFirefox_data();
    void formatFirefox();
    void connectErrorMessage_data();
    void connectErrorMessage();
    void explanation_data();
    void explanation();
    void counterparts();
    void roundTrip_data();
    void roundTrip();
    void match_data();
    void match();
    void matchLines();
    void loadErrors_data();
    void loadErrors();
};

void TestReasonCatalog::bundledCatalogIsValid()
{
    const ReasonCatalog &c = catalog();
    QVERIFY2(c.isValid(), qPrintable(c.errors().join(u'\n')));
    QCOMPARE(c.chromiumCodes().size(), 27);
    QCOMPARE(c.networkCodes(), QStringList({u"NetError"_s, u"HttpError"_s}));
    QCOMPARE(c.webSocketCodes().size(), 5);
    // the 16 CORS keys, BlockMixedActiveContent and 2 WebSocket ones
    QCOMPARE(c.firefoxKeys().size(), 19);
    QCOMPARE(c.firefoxKeys().first(), u"CORSDisabled"_s); // security.properties order
    QCOMPARE(c.firefoxWebSocketKeys(), QStringList({u"connectionFailure"_s, u"netInterrupt"_s}));
    QCOMPARE(c.languages(), QStringList({u"en-US"_s, u"zh-CN"_s}));
    QCOMPARE(c.connectErrorCodes().size(), 9);
    QCOMPARE(c.chromiumConsoleCodes(),
        QStringList({u"mixed-content"_s, u"RefusedToSetUnsafeHeader"_s,
            u"AuthorizationCoveredByWildcard"_s}));
    QCOMPARE(c.noteCodes().size(), 7);
    QCOMPARE(c.explainedCodes().size(), 27 + 2 + 5 + 19 + 9 + 3 + 7);
}

void TestReasonCatalog::everyCodeHasARenderRow()
{
    QSet<QString> chromium;
    for (const ChromiumRow &row : chromiumRows())
        chromium.insert(catalog().chromiumReason(row.code)->code);
    for (const QString &code : catalog().chromiumCodes())
        QVERIFY2(chromium.contains(code), qPrintable(code));
    QSet<QString> firefox;
    for (const FirefoxRow &row : firefoxRows())
        firefox.insert(row.language + u' ' + row.key);
    for (const QString &language : catalog().languages()) {
        for (const QString &key : catalog().firefoxKeys())
            QVERIFY2(firefox.contains(language + u' ' + key), qPrintable(language + u' ' + key));
    }
}

// Every code BrowserCors can emit has the browser's text (both languages for Firefox, both
// for a note) and an explanation in every language: a new code without texts fails here.
void TestReasonCatalog::everyBrowserCorsCodeHasTexts()
{
    const ReasonCatalog &c = catalog();
    const QStringList languages = c.languages();
    for (const QString &code : BrowserCors::chromiumCodes()) {
        const bool cors = c.chromiumMessage(code, xhr(u"x"_s)).has_value();
        ChromiumConsoleParams params;
        params.url = u"http://a.test/"_s;
        params.pageUrl = u"https://b.test/"_s;
        params.hint = u"x"_s;
        const bool console = c.chromiumConsoleMessage(code, params).has_value();
        QVERIFY2(cors != console, qPrintable(u"Chromium "_s + code));
        for (const QString &language : languages)
            QVERIFY2(c.explanation(code, language), qPrintable(code + u' ' + language));
    }
    for (const QString &key : BrowserCors::firefoxCodes()) {
        for (const QString &language : languages) {
            QVERIFY2(c.firefoxMessage(key, language, {Url, u"x"_s}),
                qPrintable(u"Firefox "_s + key + u' ' + language));
            QVERIFY2(c.explanation(key, language), qPrintable(key + u' ' + language));
        }
    }
    for (const QString &code : BrowserCors::noteCodes()) {
        for (const QString &language : languages) {
            QVERIFY2(c.noteMessage(code, language, u"local"_s),
                qPrintable(u"note "_s + code + u' ' + language));
            QVERIFY2(c.explanation(code, language), qPrintable(code + u' ' + language));
        }
    }
    QCOMPARE(c.noteCodes(), BrowserCors::noteCodes());
    QVERIFY(c.chromiumConsoleReason(u"AuthorizationCoveredByWildcard"_s)->isWarning);
    QVERIFY(c.chromiumConsoleReason(u"AuthorizationCoveredByWildcard"_s)->inIssuesPanel);
    QVERIFY(c.chromiumConsoleReason(u"mixed-content"_s)->blocks);
    QVERIFY(!c.chromiumConsoleReason(u"RefusedToSetUnsafeHeader"_s)->blocks);
    QVERIFY(!c.chromiumConsoleReason(u"RefusedToSetUnsafeHeader"_s)->isWarning);
    QVERIFY(
        c.firefoxReason(u"BlockMixedActiveContent"_s)->chromiumCodes.contains(u"mixed-content"_s));
}

void TestReasonCatalog::chromiumConsoleMessage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("context");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<QString>("expected");
    // blink MixedContentChecker, as in Chromium's web tests and users' pasted lines
    QTest::newRow("mixed content, XHR")
        << u"mixed-content"_s << int(ChromiumConsoleContext::XmlHttpRequest) << QString()
        << u"Mixed Content: The page at 'https://app.test/chat' was loaded over HTTPS, but "
           u"requested an insecure XMLHttpRequest endpoint '" URL
           "'. This request has been blocked; the content must be served over HTTPS."_s;
    QTest::newRow("mixed content, fetch")
        << u"mixed-content"_s << int(ChromiumConsoleContext::Fetch) << QString()
        << u"Mixed Content: The page at 'https://app.test/chat' was loaded over HTTPS, but "
           u"requested an insecure resource '" URL
           "'. This request has been blocked; the content must be served over HTTPS."_s;
    QTest::newRow("mixed content, WebSocket")
        << u"mixed-content"_s << int(ChromiumConsoleContext::WebSocket) << QString()
        << u"Mixed Content: The page at 'https://app.test/chat' was loaded over HTTPS, but "
           u"attempted to connect to the insecure WebSocket endpoint '" URL
           "'. This request has been blocked; this endpoint must be available over WSS."_s;
    // blink XMLHttpRequest::setRequestHeader
    QTest::newRow("unsafe header")
        << u"RefusedToSetUnsafeHeader"_s << int(ChromiumConsoleContext::XmlHttpRequest)
        << u"Cookie"_s << u"Refused to set unsafe header \"Cookie\""_s;
    // devtools-frontend DeprecationIssue
    QTest::newRow("Authorization deprecation")
        << u"AuthorizationCoveredByWildcard"_s << int(ChromiumConsoleContext::Fetch) << QString()
        << u"Authorization will not be covered by the wildcard symbol (*) in CORS `Access-Control-Allow-Headers` handling."_s;
}

void TestReasonCatalog::chromiumConsoleMessage()
{
    QFETCH(QString, code);
    QFETCH(int, context);
    QFETCH(QString, hint);
    QFETCH(QString, expected);
    ChromiumConsoleParams params;
    params.url = Url;
    params.pageUrl = u"https://app.test/chat"_s;
    params.hint = hint;
    params.context = ChromiumConsoleContext(context);
    const QString text = catalog().chromiumConsoleMessage(code, params).value_or(u"<none>"_s);
    QCOMPARE(text, expected);
    // A pasted line gives the code back.
    const std::optional<ReasonMatch> found = catalog().match(text);
    QVERIFY(found);
    QCOMPARE(found->source, ReasonSource::ChromiumConsole);
    QCOMPARE(found->code, code);
    QCOMPARE(catalog().chromiumConsoleMessage(u"NoSuchLine"_s, params), std::nullopt);
}

void TestReasonCatalog::noteMessage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<QString>("expected");
    QTest::newRow("WebSocket not covered")
        << u"WebSocketNotCoveredByCors"_s << u"en-US"_s << QString()
        << u"A WebSocket handshake is not covered by CORS: the browser sends Origin but never checks Access-Control-* headers, so only the server can refuse an origin."_s;
    QTest::newRow("Local Network Access, zh-CN")
        << u"LocalNetworkAccessPrompt"_s << u"zh-CN"_s << u"loopback"_s
        << u"公网页面访问 loopback 地址空间之前，Chromium 会请求用户授予“本地网络访问”权限；用户拒绝或未作答时请求会被拦截。"_s;
    QTest::newRow("303 to GET")
        << u"RedirectChangedMethodToGet"_s << u"en-US"_s << u"303"_s
        << u"The 303 redirect turned the POST into a GET without its body, so the packet it carried never reached the server."_s;
    QTest::newRow("unknown language")
        << u"NoCorsOutsideBrowser"_s << u"fr"_s << QString() << u"<none>"_s;
    QTest::newRow("unknown note") << u"NoSuchNote"_s << u"en-US"_s << QString() << u"<none>"_s;
}

void TestReasonCatalog::noteMessage()
{
    QFETCH(QString, code);
    QFETCH(QString, language);
    QFETCH(QString, hint);
    QFETCH(QString, expected);
    QCOMPARE(catalog().noteMessage(code, language, hint).value_or(u"<none>"_s), expected);
}

void TestReasonCatalog::chromiumMessage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<ChromiumMessageParams>("params");
    QTest::addColumn<QString>("expected");
    for (const ChromiumRow &row : chromiumRows())
        QTest::newRow(row.name) << row.code << row.params << row.expected;
}

void TestReasonCatalog::chromiumMessage()
{
    QFETCH(QString, code);
    QFETCH(ChromiumMessageParams, params);
    QFETCH(QString, expected);
    QCOMPARE(catalog().chromiumMessage(code, params).value_or(u"<none>"_s), expected);
}

void TestReasonCatalog::chromiumIssueSummary()
{
    // GetErrorStringForIssueSummary: the same reason after "Access blocked by CORS policy: "
    QCOMPARE(catalog().chromiumIssueSummary(u"PreflightInvalidStatus"_s, xhr()),
        u"Access blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status."_s);
    QCOMPARE(
        catalog().chromiumIssueSummary(u"HeaderDisallowedByPreflightResponse"_s, xhr(u"x-token"_s)),
        u"Access blocked by CORS policy: Request header field x-token is not allowed by Access-Control-Allow-Headers in preflight response."_s);
}

void TestReasonCatalog::unknownCodes()
{
    QCOMPARE(catalog().chromiumMessage(u"NoSuchError"_s, xhr()), std::nullopt);
    QCOMPARE(catalog().firefoxMessage(u"CORSNoSuchKey"_s, u"en-US"_s, {Url}), std::nullopt);
    QCOMPARE(catalog().firefoxMessage(u"CORSDisabled"_s, u"de"_s, {Url}), std::nullopt);
    QCOMPARE(catalog().chromiumWebSocketMessage(u"NoSuchReason"_s, {}), std::nullopt);
    QCOMPARE(catalog().connectErrorMessage(u"NoSuchError"_s), std::nullopt);
    QCOMPARE(catalog().explanation(u"NoSuchError"_s, u"en-US"_s), std::nullopt);
    QCOMPARE(catalog().explanation(u"MissingAllowOriginHeader"_s, u"fr"_s), std::nullopt);
    QCOMPARE(catalog().chromiumReason(u"NoSuchError"_s), std::nullopt);
    QCOMPARE(catalog().firefoxReason(u"NoSuchKey"_s), std::nullopt);
}

void TestReasonCatalog::companionLine_data()
{
    QTest::addColumn<NetworkLineParams>("params");
    QTest::addColumn<QString>("expected");
    const auto line = [](const QString &method, int status, const QString &statusText,
                          const QString &netError = u"net::ERR_FAILED"_s) {
        NetworkLineParams p;
        p.method = method;
        p.url = Url;
        p.status = status;
        p.statusText = statusText;
        p.netError = netError;
        return p;
    };
    // devtools-frontend formatAsNetworkRequest: method, URL, net error, the status when not 0,
    // the status text (the response's, else DevTools' table) in parentheses.
    QTest::newRow("CORS block of a 200: status text from DevTools' table")
        << line(u"GET"_s, 200, {}) << u"GET " URL " net::ERR_FAILED 200 (OK)"_s;
    QTest::newRow("CORS block of a 400 with the server's status text") << line(
        u"POST"_s, 400, u"Bad Request"_s) << u"POST " URL " net::ERR_FAILED 400 (Bad Request)"_s;
    QTest::newRow("Node's text wins over DevTools' table") << line(u"POST"_s, 413,
        u"Payload Too Large"_s) << u"POST " URL " net::ERR_FAILED 413 (Payload Too Large)"_s;
    QTest::newRow("status without a known text")
        << line(u"GET"_s, 299, {}) << u"GET " URL " net::ERR_FAILED 299"_s;
    QTest::newRow("failed preflight: no response, no status")
        << line(u"GET"_s, 0, {}) << u"GET " URL " net::ERR_FAILED"_s;
    QTest::newRow("connection refused: no CORS line, only this") << line(u"GET"_s, 0, {},
        u"net::ERR_CONNECTION_REFUSED"_s) << u"GET " URL " net::ERR_CONNECTION_REFUSED"_s;
    QTest::newRow("readable error response (HttpError)")
        << line(u"GET"_s, 403, u"Forbidden"_s, {}) << u"GET " URL " 403 (Forbidden)"_s;
}

void TestReasonCatalog::companionLine()
{
    QFETCH(NetworkLineParams, params);
    QFETCH(QString, expected);
    QCOMPARE(catalog().companionLine(params), expected);
}

void TestReasonCatalog::companionConsoleText_data()
{
    QTest::addColumn<NetworkLineParams>("params");
    QTest::addColumn<QString>("expected");
    NetworkLineParams blocked;
    blocked.url = Url;
    blocked.status = 200;
    // browsers-in-tests.md: "each blocked XHR also logs Failed to load resource: net::ERR_FAILED"
    QTest::newRow("blocked XHR") << blocked << u"Failed to load resource: net::ERR_FAILED"_s;
    NetworkLineParams refused = blocked;
    refused.status = 0;
    refused.netError = u"net::ERR_CONNECTION_REFUSED"_s;
    QTest::newRow("refused") << refused
                             << u"Failed to load resource: net::ERR_CONNECTION_REFUSED"_s;
    NetworkLineParams notFound = blocked;
    notFound.status = 404;
    notFound.statusText = u"Not Found"_s;
    notFound.netError.clear();
    // blink FrameConsole::ReportResourceResponseReceived
    QTest::newRow("readable 404")
        << notFound
        << u"Failed to load resource: the server responded with a status of 404 (Not Found)"_s;
}

void TestReasonCatalog::companionConsoleText()
{
    QFETCH(NetworkLineParams, params);
    QFETCH(QString, expected);
    QCOMPARE(catalog().companionConsoleText(params), expected);
}

void TestReasonCatalog::chromiumWebSocketMessage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<WebSocketMessageParams>("params");
    QTest::addColumn<QString>("expected");
    WebSocketMessageParams p;
    p.url = WsUrl;
    p.status = 400;
    // cors.md §4.2 (allowRequest refusal), browsers-in-tests.md (Chromium 156)
    QTest::newRow("allowRequest refused: 400")
        << u"WebSocketUnexpectedResponseCode"_s << p
        << u"WebSocket connection to '" WS_URL
           "' failed: Error during WebSocket handshake: Unexpected response code: 400"_s;
    p.netError = u"net::ERR_CONNECTION_REFUSED"_s;
    QTest::newRow("nothing listening")
        << u"WebSocketConnectionFailed"_s << p
        << u"WebSocket connection to '" WS_URL
           "' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED"_s;
    QTest::newRow("closed before the handshake")
        << u"WebSocketClosedBeforeHandshake"_s << p
        << u"WebSocket connection to '" WS_URL
           "' failed: Connection closed before receiving a handshake response"_s;
    QTest::newRow("no reason given") << u"WebSocketFailedWithoutReason"_s << p
                                     << u"WebSocket connection to '" WS_URL "' failed: "_s;
    QTest::newRow("handshake timed out")
        << u"WebSocketHandshakeTimedOut"_s << p
        << u"WebSocket connection to '" WS_URL "' failed: WebSocket opening handshake timed out"_s;
}

void TestReasonCatalog::chromiumWebSocketMessage()
{
    QFETCH(QString, code);
    QFETCH(WebSocketMessageParams, params);
    QFETCH(QString, expected);
    QCOMPARE(catalog().chromiumWebSocketMessage(code, params).value_or(u"<none>"_s), expected);
}

void TestReasonCatalog::webSocketUrlIsElided()
{
    // KURL::ElidedString(): above 1024 characters, the first 511, "..." and the last 510
    WebSocketMessageParams p;
    p.url = u"ws://localhost:3000/socket.io/?EIO=4&transport=websocket&token="_s
        + QString(1000, u'a') + QString(20, u'z');
    p.status = 400;
    const QString elided = p.url.left(511) + u"..."_s + p.url.right(510);
    QCOMPARE(catalog().chromiumWebSocketMessage(u"WebSocketUnexpectedResponseCode"_s, p),
        u"WebSocket connection to '"_s + elided
            + u"' failed: Error during WebSocket handshake: Unexpected response code: 400"_s);
    p.url = p.url.left(1024);
    QVERIFY(catalog()
                .chromiumWebSocketMessage(u"WebSocketUnexpectedResponseCode"_s, p)
                ->contains(p.url));
}

void TestReasonCatalog::firefoxMessage_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    for (const FirefoxRow &row : firefoxRows())
        QTest::newRow(row.name) << row.key << row.language << row.arguments << row.expected;
}

void TestReasonCatalog::firefoxMessage()
{
    QFETCH(QString, key);
    QFETCH(QString, language);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QCOMPARE(catalog().firefoxMessage(key, language, arguments).value_or(u"<none>"_s), expected);
}

void TestReasonCatalog::formatFirefox_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("positional") << u"%2$S then %1$S"_s << QStringList {u"a"_s, u"b"_s}
                                << u"b then a"_s;
    QTest::newRow("sequential") << u"%S and %S"_s << QStringList {u"a"_s, u"b"_s} << u"a and b"_s;
    QTest::newRow("missing argument prints (null)")
        << u"%1$S: %2$S."_s << QStringList {u"a"_s} << u"a: (null)."_s;
    QTest::newRow("no arguments at all") << u"at %1$S."_s << QStringList {} << u"at (null)."_s;
    QTest::newRow("percent sign") << u"100%% at %1$S"_s << QStringList {u"a"_s} << u"100% at a"_s;
    QTest::newRow("a lone percent stays")
        << u"50% %1$S %"_s << QStringList {u"a"_s} << u"50% a %"_s;
    QTest::newRow("argument text is not reformatted")
        << u"%1$S"_s << QStringList {u"%2$S"_s} << u"%2$S"_s;
}

void TestReasonCatalog::formatFirefox()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QCOMPARE(ReasonCatalog::formatFirefox(pattern, arguments), expected);
}

void TestReasonCatalog::connectErrorMessage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("serverMessage");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("type");
    // engine.io-client 6.6.8 / socket.io-client 4.8.4 as installed in tests/node/node_modules
    QTest::newRow("xhr poll error")
        << u"XhrPollError"_s << QString() << u"xhr poll error"_s << u"TransportError"_s;
    QTest::newRow("xhr post error")
        << u"XhrPostError"_s << QString() << u"xhr post error"_s << u"TransportError"_s;
    QTest::newRow("fetch read error")
        << u"FetchReadError"_s << QString() << u"fetch read error"_s << u"TransportError"_s;
    QTest::newRow("fetch write error")
        << u"FetchWriteError"_s << QString() << u"fetch write error"_s << u"TransportError"_s;
    QTest::newRow("websocket error")
        << u"WebSocketError"_s << QString() << u"websocket error"_s << u"TransportError"_s;
    QTest::newRow("timeout") << u"Timeout"_s << QString() << u"timeout"_s << QString();
    QTest::newRow("v2 server")
        << u"IncompatibleServer"_s << QString()
        << u"It seems you are trying to reach a Socket.IO server in v2.x with a v3.x client, but they are not compatible (more information here: https://socket.io/docs/v3/migrating-from-2-x-to-3-0/)"_s
        << QString();
    QTest::newRow("unknown namespace")
        << u"InvalidNamespace"_s << QString() << u"Invalid namespace"_s << QString();
    QTest::newRow("middleware refusal")
        << u"NamespaceRefused"_s << u"not authorized"_s << u"not authorized"_s << QString();
}

void TestReasonCatalog::connectErrorMessage()
{
    QFETCH(QString, code);
    QFETCH(QString, serverMessage);
    QFETCH(QString, expected);
    QFETCH(QString, type);
    QCOMPARE(catalog().connectErrorMessage(code, serverMessage).value_or(u"<none>"_s), expected);
    QCOMPARE(catalog().connectError(code)->type, type);
    QCOMPARE(catalog().fetchTypeErrorMessage(u"chromium"_s), u"Failed to fetch"_s);
    QCOMPARE(catalog().fetchTypeErrorMessage(u"firefox"_s),
        u"NetworkError when attempting to fetch resource."_s);
}

void TestReasonCatalog::explanation_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("language");
    const QStringList codes = catalog().chromiumCodes() + catalog().networkCodes()
        + catalog().webSocketCodes() + catalog().firefoxKeys() + catalog().connectErrorCodes()
        + catalog().chromiumConsoleCodes() + catalog().noteCodes();
    for (const QString &code : codes) {
        for (const QString &language : catalog().languages())
            QTest::addRow("%s %s", qPrintable(code), qPrintable(language)) << code << language;
    }
}

void TestReasonCatalog::explanation()
{
    QFETCH(QString, code);
    QFETCH(QString, language);
    const std::optional<QString> text = catalog().explanation(code, language);
    QVERIFY(text);
    QVERIFY(!text->contains(u'\n'));
    // One sentence: it ends with a full stop and has no other.
    if (language == QLatin1String("zh-CN")) {
        QVERIFY2(text->endsWith(u'。'), qPrintable(*text));
        QCOMPARE(text->count(u'。'), 1);
    } else {
        QVERIFY2(text->endsWith(u'.'), qPrintable(*text));
        QVERIFY2(
            !text->chopped(1).contains(QRegularExpression(u"[.!?] [A-Z]"_s)), qPrintable(*text));
    }
    if (code == QLatin1String("MissingAllowOriginHeader") && language == QLatin1String("en-US"))
        QCOMPARE(*text,
            u"The server's response had no Access-Control-Allow-Origin header, so the browser hid it from the page."_s);
}

void TestReasonCatalog::counterparts()
{
    // browsers-in-tests.md "Same failure, two vocabularies"
    const QList<QPair<QString, QString>> pairs = {
        {u"MissingAllowOriginHeader"_s, u"CORSMissingAllowOrigin2"_s},
        {u"WildcardOriginNotAllowed"_s, u"CORSNotSupportingCredentials"_s},
        {u"InvalidAllowCredentials"_s, u"CORSMissingAllowCredentials"_s},
        {u"HeaderDisallowedByPreflightResponse"_s, u"CORSMissingAllowHeaderFromPreflight2"_s},
        {u"AllowOriginMismatch"_s, u"CORSAllowOriginNotMatchingOrigin"_s},
        {u"MultipleAllowOriginValues"_s, u"CORSMultipleAllowOriginNotAllowed"_s},
        {u"MethodDisallowedByPreflightResponse"_s, u"CORSMethodNotFound"_s},
        {u"PreflightInvalidStatus"_s, u"CORSPreflightDidNotSucceed3"_s},
        {u"PreflightDisallowedRedirect"_s, u"CORSExternalRedirectNotAllowed"_s},
        {u"CorsDisabledScheme"_s, u"CORSRequestNotHttp"_s},
    };
    for (const auto &[code, key] : pairs) {
        QVERIFY2(catalog().chromiumReason(code)->firefoxKeys.contains(key), qPrintable(code));
        QVERIFY2(catalog().firefoxReason(key)->chromiumCodes.contains(code), qPrintable(key));
    }
    QVERIFY(catalog().chromiumReason(u"PreflightInvalidStatus"_s)->isPreflight);
    QVERIFY(!catalog().chromiumReason(u"HeaderDisallowedByPreflightResponse"_s)->isPreflight);
    QCOMPARE(
        catalog().chromiumReason(u"InsecurePrivateNetwork"_s)->code, u"InsecureLocalNetwork"_s);
    QCOMPARE(catalog().firefoxReason(u"CORSMissingAllowOrigin2"_s)->arguments,
        QStringList({u"url"_s, u"status"_s}));
    QVERIFY(catalog().firefoxReason(u"CORSAllowHeaderFromPreflightDeprecation"_s)->isWarning);
}

void TestReasonCatalog::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ReasonSource>("source");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QVariantMap>("params");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("legacyWording");

    const ReasonCatalog &c = catalog();
    // A hint with quotes and spaces, as a header value can be.
    const QString hint = u"a'b, c"_s;
    for (const QString &code : c.chromiumCodes()) {
        const ChromiumReason reason = *c.chromiumReason(code);
        for (const ChromiumInitiator initiator :
            {ChromiumInitiator::XmlHttpRequest, ChromiumInitiator::Fetch}) {
            for (const bool redirect : {false, true}) {
                for (const bool legacy : {false, true}) {
                    ChromiumMessageParams p = xhr();
                    p.initiator = initiator;
                    p.legacyWording = legacy;
                    QVariantMap params {{u"url"_s, Url}, {u"origin"_s, Origin}};
                    params.insert(u"kind"_s,
                        initiator == ChromiumInitiator::Fetch ? u"fetch"_s : u"XMLHttpRequest"_s);
                    if (redirect) {
                        p.initialUrl = Url;
                        p.url = u"http://b.test/socket.io/?EIO=4"_s;
                        params.insert(u"url"_s, p.url);
                        params.insert(u"initialUrl"_s, Url);
                    }
                    for (const QString &name : reason.parameters) {
                        if (name == QLatin1String("hint")) {
                            p.hint = hint;
                            params.insert(name, hint);
                        } else if (name == QLatin1String("schemes")) {
                            p.schemes = u"http, https"_s;
                            params.insert(name, p.schemes);
                        } else {
                            p.targetAddressSpace = u"loopback"_s;
                            p.resourceAddressSpace = u"local"_s;
                            params.insert(name,
                                name == QLatin1String("targetAddressSpace") ? u"loopback"_s
                                                                            : u"local"_s);
                        }
                    }
                    ChromiumMessageParams current = p;
                    current.legacyWording = false;
                    const QString text = *c.chromiumMessage(code, p);
                    const bool differs = text != *c.chromiumMessage(code, current);
                    if (legacy && !differs)
                        continue;
                    QTest::addRow("chromium %s %s%s%s", qPrintable(code),
                        initiator == ChromiumInitiator::Fetch ? "fetch" : "xhr",
                        redirect ? " redirected" : "", legacy ? " legacy" : "")
                        << text << ReasonSource::ChromiumCors << code << u"en-US"_s << params
                        << QStringList() << legacy;
                }
            }
        }
    }

    for (const QString &language : c.languages()) {
        for (const QString &key : c.firefoxKeys()) {
            const FirefoxReason reason = *c.firefoxReason(key);
            QStringList arguments;
            QVariantMap params;
            for (const QString &name : reason.arguments) {
                arguments << sampleArgument(name);
                params.insert(name, sampleArgument(name));
            }
            QTest::addRow("firefox %s %s", qPrintable(language), qPrintable(key))
                << *c.firefoxMessage(key, language, arguments) << ReasonSource::Firefox << key
                << language << params << arguments << false;
        }
        // CORSDidNotSucceed2 as Firefox logs it: without the status, "(null)" in the text.
        QTest::addRow("firefox %s CORSDidNotSucceed2 (null)", qPrintable(language))
            << *c.firefoxMessage(u"CORSDidNotSucceed2"_s, language, {Url}) << ReasonSource::Firefox
            << u"CORSDidNotSucceed2"_s << language << QVariantMap {{u"url"_s, Url}}
            << QStringList {Url} << false;
    }

    NetworkLineParams n;
    n.method = u"POST"_s;
    n.url = Url;
    for (const int status : {200, 0}) {
        n.status = status;
        QVariantMap params {
            {u"method"_s, u"POST"_s}, {u"url"_s, Url}, {u"netError"_s, u"net::ERR_FAILED"_s}};
        if (status) {
            params.insert(u"status"_s, u"200"_s);
            params.insert(u"statusText"_s, u"OK"_s);
        }
        QTest::addRow("network devtools status %d", status)
            << c.companionLine(n) << ReasonSource::ChromiumNetwork << u"NetError"_s << u"en-US"_s
            << params << QStringList() << false;
    }
    QTest::newRow("network console")
        << c.companionConsoleText(n) << ReasonSource::ChromiumNetwork << u"NetError"_s << u"en-US"_s
        << QVariantMap {{u"netError"_s, u"net::ERR_FAILED"_s}} << QStringList() << false;
    n.netError.clear();
    n.status = 403;
    n.statusText = u"Forbidden"_s;
    const QVariantMap httpError {{u"status"_s, u"403"_s}, {u"statusText"_s, u"Forbidden"_s}};
    QVariantMap httpErrorLine = httpError;
    httpErrorLine.insert(u"method"_s, u"POST"_s);
    httpErrorLine.insert(u"url"_s, Url);
    QTest::newRow("network devtools http error")
        << c.companionLine(n) << ReasonSource::ChromiumNetwork << u"HttpError"_s << u"en-US"_s
        << httpErrorLine << QStringList() << false;
    QTest::newRow("network console http error")
        << c.companionConsoleText(n) << ReasonSource::ChromiumNetwork << u"HttpError"_s
        << u"en-US"_s << httpError << QStringList() << false;

    for (const QString &code : c.webSocketCodes()) {
        WebSocketMessageParams w;
        w.url = WsUrl;
        w.status = 400;
        w.netError = u"net::ERR_CONNECTION_RESET"_s;
        QVariantMap params {{u"url"_s, WsUrl}};
        const QString text = *c.chromiumWebSocketMessage(code, w);
        if (text.contains(u"code: 400"_s))
            params.insert(u"status"_s, u"400"_s);
        if (text.contains(w.netError))
            params.insert(u"netError"_s, w.netError);
        QTest::addRow("websocket %s", qPrintable(code))
            << text << ReasonSource::ChromiumWebSocket << code << u"en-US"_s << params
            << QStringList() << false;
    }

    for (const QString &code : c.connectErrorCodes()) {
        if (code == QLatin1String("NamespaceRefused")) // the server's words: anything at all
            continue;
        QTest::addRow("socket.io %s", qPrintable(code))
            << *c.connectErrorMessage(code) << ReasonSource::SocketIoClient << code << u"en-US"_s
            << QVariantMap() << QStringList() << false;
    }
}

void TestReasonCatalog::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(ReasonSource, source);
    QFETCH(QString, code);
    QFETCH(QString, language);
    QFETCH(QVariantMap, params);
    QFETCH(QStringList, arguments);
    QFETCH(bool, legacyWording);

    const std::optional<ReasonMatch> found = catalog().match(text);
    QVERIFY2(found, qPrintable(text));
    QCOMPARE(found->source, source);
    QCOMPARE(found->code, code);
    QCOMPARE(found->language, language);
    QVariantMap got;
    for (auto it = found->params.cbegin(); it != found->params.cend(); ++it)
        got.insert(it.key(), it.value());
    QCOMPARE(got, params);
    QCOMPARE(found->arguments, arguments);
    QCOMPARE(found->legacyWording, legacyWording);
    if (source == ReasonSource::Firefox)
        QCOMPARE(catalog().firefoxMessage(code, language, found->arguments), text);
}

void TestReasonCatalog::match_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code"); // empty: nothing matches
    QTest::addColumn<QString>("language");
    QTest::addColumn<QVariantMap>("params"); // these at least

    // Lines as users pasted them, DevTools' additions included.
    QTest::newRow("Chromium XHR, gatsby #24864")
        << u"Access to XMLHttpRequest at 'http://localhost:52607/socket.io/?EIO=3&transport=polling&t=NAJ9_f9' from origin 'https://localhost:8000' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."_s
        << u"WildcardOriginNotAllowed"_s << u"en-US"_s
        << QVariantMap {
               {u"url"_s, u"http://localhost:52607/socket.io/?EIO=3&transport=polling&t=NAJ9_f9"_s},
               {u"origin"_s, u"https://localhost:8000"_s}, {u"kind"_s, u"XMLHttpRequest"_s}};
    QTest::newRow("Chromium companion with its source location, gatsby #24864")
        << u"polling-xhr.js:268 GET http://localhost:52607/socket.io/?EIO=3&transport=polling&t=NAJ9_f9 net::ERR_FAILED"_s
        << u"NetError"_s << u"en-US"_s
        << QVariantMap {{u"method"_s, u"GET"_s}, {u"netError"_s, u"net::ERR_FAILED"_s}};
    QTest::newRow("Chromium companion with status, spaces after the location")
        << u"main.js:2     GET http://127.0.0.1:5000/generate_content net::ERR_FAILED 200 (OK)"_s
        << u"NetError"_s << u"en-US"_s
        << QVariantMap {{u"url"_s, u"http://127.0.0.1:5000/generate_content"_s},
               {u"status"_s, u"200"_s}, {u"statusText"_s, u"OK"_s}};
    QTest::newRow("Chromium fetch, older wording")
        << u"Access to fetch at 'http://127.0.0.1:5000/generate_content' from origin 'http://127.0.0.1:5500' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled."_s
        << u"MissingAllowOriginHeader"_s << u"en-US"_s
        << QVariantMap {{u"kind"_s, u"fetch"_s}, {u"origin"_s, u"http://127.0.0.1:5500"_s}};
    QTest::newRow("Chromium with 'Understand this error' glued on")
        << CR
            + u"No 'Access-Control-Allow-Origin' header is present on the requested resource.Understand this error"_s
        << u"MissingAllowOriginHeader"_s << u"en-US"_s << QVariantMap {{u"url"_s, Url}};
    QTest::newRow("Chromium preflight status, charlieysx/myblogapi#2")
        << u"Access to XMLHttpRequest at 'http://test.blogapi.com/index.php/a/sys/log?page=0&pageSize=8' from origin 'http://test.blog.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status."_s
        << u"PreflightInvalidStatus"_s << u"en-US"_s
        << QVariantMap {{u"origin"_s, u"http://test.blog.com"_s}};
    QTest::newRow("Chromium script from file:")
        << u"Access to script at 'file:///foo/bar.js' from origin 'null' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted."_s
        << u"CorsDisabledScheme"_s << u"en-US"_s
        << QVariantMap {{u"kind"_s, u"script"_s},
               {u"schemes"_s,
                   u"http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted"_s}};
    QTest::newRow("Chromium readable 404")
        << u"Failed to load resource: the server responded with a status of 404 (Not Found)"_s
        << u"HttpError"_s << u"en-US"_s
        << QVariantMap {{u"status"_s, u"404"_s}, {u"statusText"_s, u"Not Found"_s}};
    QTest::newRow("Chromium WebSocket refused")
        << u"WebSocket connection to 'ws://127.0.0.1:50005/socket.io/?EIO=3&transport=websocket' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED"_s
        << u"WebSocketConnectionFailed"_s << u"en-US"_s
        << QVariantMap {{u"netError"_s, u"net::ERR_CONNECTION_REFUSED"_s}};
    QTest::newRow("Chromium WebSocket without a reason, trailing space lost")
        << u"WebSocket connection to 'ws://localhost:3000/socket.io/?EIO=4&transport=websocket' failed:"_s
        << u"WebSocketFailedWithoutReason"_s << u"en-US"_s
        << QVariantMap {{u"url"_s, u"ws://localhost:3000/socket.io/?EIO=4&transport=websocket"_s}};
    QTest::newRow("Firefox en-US, network failure")
        << u"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://localhost:3000/events. (Reason: CORS request did not succeed). Status code: (null)."_s
        << u"CORSDidNotSucceed2"_s << u"en-US"_s
        << QVariantMap {{u"url"_s, u"http://localhost:3000/events"_s}};
    QTest::newRow("Firefox en-US with [Learn More]")
        << FF
            + u"(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200. [Learn More]"_s
        << u"CORSMissingAllowOrigin2"_s << u"en-US"_s
        << QVariantMap {{u"url"_s, Url}, {u"status"_s, u"200"_s}};
    QTest::newRow("Firefox zh-CN, as observed")
        << u"已拦截跨源请求：同源策略禁止读取位于 http://localhost:3000/socket.io/?EIO=4&transport=polling&t=lpeh9tkn 的远程资源。（原因：CORS 头缺少 'Access-Control-Allow-Origin'）。状态码：200。"_s
        << u"CORSMissingAllowOrigin2"_s << u"zh-CN"_s
        << QVariantMap {{u"url"_s, Url}, {u"status"_s, u"200"_s}};
    QTest::newRow("Firefox zh-CN with 详细了解")
        << ZH + u"（原因：CORS 请求未能成功）。状态码：(null)。 [详细了解]"_s
        << u"CORSDidNotSucceed2"_s << u"zh-CN"_s << QVariantMap {{u"url"_s, Url}};
    QTest::newRow("Firefox zh-CN, trailing space trimmed by the paste")
        << ZH + u"（原因：CORS 头 'Access-Control-Allow-Headers' 中的令牌 'x token' 无效）。"_s
        << u"CORSInvalidAllowHeader"_s << u"zh-CN"_s << QVariantMap {{u"token"_s, u"x token"_s}};
    QTest::newRow("Firefox WebSocket")
        << u"Firefox can’t establish a connection to the server at ws://localhost:7000/."_s
        << u"connectionFailure"_s << u"en-US"_s
        << QVariantMap {{u"url"_s, u"ws://localhost:7000/"_s}};
    QTest::newRow("Firefox WebSocket with the source location")
        << u"Firefox can’t establish a connection to the server at http://localhost:3000/events. localhost:3001:90:24"_s
        << u"connectionFailure"_s << u"en-US"_s
        << QVariantMap {{u"url"_s, u"http://localhost:3000/events"_s}};
    QTest::newRow("socket.io connect_error printed as an Error")
        << u"Error: xhr poll error"_s << u"XhrPollError"_s << u"en-US"_s << QVariantMap();
    // Not recognised: other errors, and pre-2018 Chrome wordings (cors.md §3.2 "Historic").
    QTest::newRow("unrelated error")
        << u"Uncaught TypeError: io is not a function"_s << QString() << QString() << QVariantMap();
    QTest::newRow("historic Chrome wording")
        << u"XMLHttpRequest cannot load http://a.test/. No 'Access-Control-Allow-Origin' header is present on the requested resource. Origin 'http://b.test' is therefore not allowed access."_s
        << QString() << QString() << QVariantMap();
    QTest::newRow("empty") << u"  "_s << QString() << QString() << QVariantMap();
}

void TestReasonCatalog::match()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(QString, language);
    QFETCH(QVariantMap, params);
    const std::optional<ReasonMatch> found = catalog().match(text);
    if (code.isEmpty()) {
        QVERIFY2(!found, qPrintable(found ? found->code : QString()));
        return;
    }
    QVERIFY(found);
    QCOMPARE(found->code, code);
    QCOMPARE(found->language, language);
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        QCOMPARE(found->params.value(it.key()), it.value().toString());
}

void TestReasonCatalog::matchLines()
{
    // The pair Chromium logs for one blocked poll, as copied from the console.
    const QString pasted = CR
        + u"No 'Access-Control-Allow-Origin' header is present on the requested resource.\n"
          u"polling.js:298 GET " URL " net::ERR_FAILED 200 (OK)\n"
          u"some other line\n"_s;
    const QList<ReasonMatch> found = catalog().matchLines(pasted);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).code, u"MissingAllowOriginHeader"_s);
    QCOMPARE(found.at(1).code, u"NetError"_s);
    QCOMPARE(found.at(1).params.value(u"status"_s), u"200"_s);
}

void TestReasonCatalog::loadErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("error"); // a regular expression one of errors() must match

    QTest::newRow("JSON syntax error")
        << u"chromium.json"_s << u"\"format\": \"corslab-reasons\","_s << u"\"format\": ,"_s
        << u"^chromium\\.json:2:\\d+: "_s;
    QTest::newRow("newer version")
        << u"websocket.json"_s << u"\"version\": 1,"_s << u"\"version\": 2,"_s
        << u"^websocket\\.json: version: 2 is not supported; this CorsLab reads version 1$"_s;
    QTest::newRow("zh-CN key missing")
        << u"firefox.zh-CN.json"_s << u"\"CORSDisabled\":"_s << u"\"CORSDisabledX\":"_s
        << u"^firefox\\.zh-CN\\.json: strings: CORSDisabled is missing$"_s;
    QTest::newRow("zh-CN key unknown")
        << u"firefox.zh-CN.json"_s << u"\"CORSDisabled\":"_s << u"\"CORSDisabledX\":"_s
        << u"^firefox\\.zh-CN\\.json: strings: CORSDisabledX is not in firefox\\.json$"_s;
    QTest::newRow("translation drops the status")
        << u"firefox.zh-CN.json"_s
        << u"状态码：%2$S。\",\n    \"CORSMultipleAllowOriginNotAllowed"_s
        << u"\",\n    \"CORSMultipleAllowOriginNotAllowed"_s
        << u"^firefox\\.zh-CN\\.json: strings\\.CORSMissingAllowOrigin2: does not use argument 2$"_s;
    QTest::newRow("unknown placeholder")
        << u"chromium.json"_s << u"multiple values '{hint}', but"_s
        << u"multiple values '{hnit}', but"_s
        << u"^chromium\\.json: errors\\[3\\] \\(MultipleAllowOriginValues\\)\\.reason: unknown placeholder \\{hnit\\}"_s;
    QTest::newRow("explanation missing")
        << u"explanations.json"_s
        << u"\"zh-CN\": \"连接没有在客户端的 timeout 选项（默认 20 秒）内建立。\""_s
        << u"\"zh\": \"连接没有在客户端的 timeout 选项（默认 20 秒）内建立。\""_s
        << u"^explanations\\.json: Timeout: no explanation in zh-CN$"_s;
    QTest::newRow("counterpart unknown")
        << u"chromium.json"_s << u"\"firefox\": [\"CORSRequestNotHttp\"]"_s
        << u"\"firefox\": [\"CORSRequestIsNotHttp\"]"_s
        << u"^chromium\\.json: CorsDisabledScheme: unknown Firefox key CORSRequestIsNotHttp$"_s;
    QTest::newRow("note without a language")
        << u"notes.json"_s
        << u"\"zh-CN\": \"重定向指向了另一个源，因此浏览器从请求中删除了 Authorization 头。\""_s
        << u"\"fr\": \"x\""_s
        << u"^notes\\.json: AuthorizationDroppedOnRedirect: no text in zh-CN$"_s;
    QTest::newRow("note using an undescribed hint")
        << u"notes.json"_s << u"so the browser removed the Authorization header from the request."_s
        << u"so {hint} removed it."_s
        << u"^notes\\.json: notes\\[6\\] \\(AuthorizationDroppedOnRedirect\\)\\.texts\\.en-US: uses \\{hint\\}, which the note does not describe$"_s;
    QTest::newRow("console text for an unknown page API")
        << u"chromium.json"_s << u"\"any\": \"Refused to set"_s << u"\"Beacon\": \"Refused to set"_s
        << u"^chromium\\.json: console\\[1\\] \\(RefusedToSetUnsafeHeader\\)\\.texts\\.Beacon: unknown page API"_s;
    QTest::newRow("notes missing")
        << u"notes.json"_s << QString() << QString() << u"^notes\\.json: cannot open: "_s;
    QTest::newRow("file missing") << u"socketio-client.json"_s << QString() << QString()
                                  << u"^socketio-client\\.json: cannot open: "_s;
}

void TestReasonCatalog::loadErrors()
{
    QFETCH(QString, file);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList names = QDir(u":/corslab/reasons"_s).entryList(QDir::Files);
    QCOMPARE(names.size(), 8);
    for (const QString &name : names) {
        QString text = readFile(u":/corslab/reasons/"_s + name);
        if (name == file) {
            if (from.isEmpty())
                continue; // the file is left out
            QVERIFY2(text.contains(from), qPrintable(from));
            text.replace(from, to);
        }
        QFile out(dir.filePath(name));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
    }
    const ReasonCatalog broken = ReasonCatalog::load(dir.path());
    QVERIFY(!broken.isValid());
    const QRegularExpression expected(error);
    const bool found = std::any_of(broken.errors().begin(), broken.errors().end(),
        [&](const QString &e) { return expected.match(e).hasMatch(); });
    QVERIFY2(found, qPrintable(broken.errors().join(u'\n')));

    // The same files unchanged load cleanly.
    if (!from.isEmpty()) {
        QFile restore(dir.filePath(file));
        QVERIFY(restore.open(QIODevice::WriteOnly));
        restore.write(readFile(u":/corslab/reasons/"_s + file).toUtf8());
        restore.close();
        const ReasonCatalog fixed = ReasonCatalog::load(dir.path());
        QVERIFY2(fixed.isValid(), qPrintable(fixed.errors().join(u'\n')));
    }
}

QTEST_GUILESS_MAIN(TestReasonCatalog)
#include "tst_reasoncatalog.moc"
