// FixAdvisor: for each failure it handles, the candidates in their order, and for one of them the
// whole changed profile (compared as canonical JSON, so any change beyond the title shows) and
// its titles; the explanations' exact words for some, and their shape for all.
#include "profile/profilereader.h"
#include "profile/profilewriter.h"
#include "verdict/fixadvisor.h"

#include <QRegularExpression>
#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

Profile profileFrom(const QString &server, const QString &client)
{
    const QString json = u"{ \"format\": \"corslab-profile\", \"version\": 1, \"name\": \"t\", "
                         u"\"server\": "_s
        + server + u", \"client\": "_s + client + u" }"_s;
    const ProfileLoadResult result = ProfileReader::read(json.toUtf8());
    if (!result.profile)
        qFatal("test profile does not load: %s", qPrintable(json));
    return *result.profile;
}

const QString Page = u"{ \"pageOrigin\": \"http://localhost:3000\" }"_s;
const QString PageWithCredentials
    = u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"withCredentials\": true } }"_s;
const QString Origin = u"http://localhost:3000"_s;

struct Row {
    const char *name;
    QString server;
    QString client;
    QString verdict;
    QString reason;
    QString transport;
    QStringList allowHeaders; // the failing check's required names (empty: no check)
    QString allowMethod;
    QStringList ids;
    int checked = 0; // which candidate's profile and titles the row checks
    QString expectedServer;
    QString expectedClient;
    QString title;
    QString titleZh;
};

QList<Row> rows()
{
    const QString blocked = u"blocked"_s;
    const QString refused = u"refused"_s;
    return {
        // MissingAllowOriginHeader
        {"no cors option", u"{}"_s, Page, blocked, u"MissingAllowOriginHeader"_s, u"polling"_s, {},
            {}, {u"add-cors"_s}, 0, u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s,
            Page, u"Add cors: { origin: \"http://localhost:3000\" } to the server options"_s,
            u"在服务器选项中添加 cors: { origin: \"http://localhost:3000\" }"_s},
        {"no cors option, credentials", u"{}"_s, PageWithCredentials, blocked,
            u"MissingAllowOriginHeader"_s, u"polling"_s, {}, {}, {u"add-cors"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"credentials\": true } }"_s,
            PageWithCredentials,
            u"Add cors: { origin: \"http://localhost:3000\", credentials: true } to the server "
            u"options"_s,
            u"在服务器选项中添加 cors: { origin: \"http://localhost:3000\", credentials: true }"_s},
        {"Firefox key, preflight", u"{}"_s, Page, blocked, u"CORSMissingAllowOrigin2"_s,
            u"polling"_s, {}, {}, {u"add-cors"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s, Page,
            u"Add cors: { origin: \"http://localhost:3000\" } to the server options"_s,
            u"在服务器选项中添加 cors: { origin: \"http://localhost:3000\" }"_s},
        {"array without the origin", u"{ \"cors\": { \"origin\": [\"http://localhost:8080\"] } }"_s,
            Page, blocked, u"MissingAllowOriginHeader"_s, u"polling"_s, {}, {}, {u"add-origin"_s},
            0,
            u"{ \"cors\": { \"origin\": [\"http://localhost:8080\", \"http://localhost:3000\"] } }"_s,
            Page, u"Add http://localhost:3000 to cors.origin"_s,
            u"把 http://localhost:3000 加入 cors.origin"_s},
        {"array without the origin, credentials",
            u"{ \"cors\": { \"origin\": [\"http://localhost:8080\"] } }"_s, PageWithCredentials,
            blocked, u"PreflightMissingAllowOriginHeader"_s, u"polling"_s, {}, {},
            {u"add-origin"_s}, 0,
            u"{ \"cors\": { \"origin\": [\"http://localhost:8080\", \"http://localhost:3000\"], "
            u"\"credentials\": true } }"_s,
            PageWithCredentials,
            u"Add http://localhost:3000 to cors.origin and set cors.credentials to true"_s,
            u"把 http://localhost:3000 加入 cors.origin，并把 cors.credentials 设为 true"_s},
        {"regex not matching",
            u"{ \"cors\": { \"origin\": { \"regex\": \"^https://a\\\\.test$\" } } }"_s, Page,
            blocked, u"MissingAllowOriginHeader"_s, u"polling"_s, {}, {}, {u"add-origin"_s}, 0,
            u"{ \"cors\": { \"origin\": [{ \"regex\": \"^https://a\\\\.test$\" }, "
            u"\"http://localhost:3000\"] } }"_s,
            Page, u"Add http://localhost:3000 to cors.origin"_s,
            u"把 http://localhost:3000 加入 cors.origin"_s},
        {"origin false", u"{ \"cors\": { \"origin\": false } }"_s, Page, blocked,
            u"MissingAllowOriginHeader"_s, u"polling"_s, {}, {}, {u"add-origin"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s, Page,
            u"Set cors.origin to \"http://localhost:3000\""_s,
            u"把 cors.origin 设为 \"http://localhost:3000\""_s},
        {"array entry with a trailing slash",
            u"{ \"cors\": { \"origin\": [\"http://localhost:3000/\", \"http://a.test\"] } }"_s,
            Page, blocked, u"MissingAllowOriginHeader"_s, u"polling"_s, {}, {},
            {u"drop-trailing-slash"_s}, 0,
            u"{ \"cors\": { \"origin\": [\"http://localhost:3000\", \"http://a.test\"] } }"_s, Page,
            u"Remove the trailing slash from \"http://localhost:3000/\" in cors.origin"_s,
            u"去掉 cors.origin 中 \"http://localhost:3000/\" 末尾的斜杠"_s},
        {"origin function refusing",
            u"{ \"cors\": { \"origin\": { \"function\": \"(o, cb) => cb(null, false)\" } } }"_s,
            Page, blocked, u"MissingAllowOriginHeader"_s, u"polling"_s, {}, {},
            {u"allow-origin-in-function"_s}, 0,
            u"{ \"cors\": { \"origin\": { \"function\": \"(origin, callback) => { if (origin === "
            u"\\\"http://localhost:3000\\\") { callback(null, true); return; } ((o, cb) => "
            u"cb(null, false))(origin, callback); }\" } } }"_s,
            Page, u"Let http://localhost:3000 through before the cors.origin function runs"_s,
            u"在 cors.origin 函数运行之前先放行 http://localhost:3000"_s},
        {"origin already allowed: no change", u"{ \"cors\": { \"origin\": true } }"_s, Page,
            blocked, u"MissingAllowOriginHeader"_s, u"polling"_s, {}, {}, {}, 0, {}, {}, {}, {}},

        // AllowOriginMismatch
        {"string origin: localhost vs 127.0.0.1",
            u"{ \"cors\": { \"origin\": \"http://127.0.0.1:3000\" } }"_s, Page, blocked,
            u"AllowOriginMismatch"_s, u"polling"_s, {}, {}, {u"add-origin"_s}, 0,
            u"{ \"cors\": { \"origin\": [\"http://127.0.0.1:3000\", \"http://localhost:3000\"] } }"_s,
            Page, u"Add http://localhost:3000 to cors.origin"_s,
            u"把 http://localhost:3000 加入 cors.origin"_s},
        {"string origin with a trailing slash",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000/\" } }"_s, Page, blocked,
            u"AllowOriginMismatch"_s, u"polling"_s, {}, {}, {u"drop-trailing-slash"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s, Page,
            u"Remove the trailing slash from \"http://localhost:3000/\" in cors.origin"_s,
            u"去掉 cors.origin 中 \"http://localhost:3000/\" 末尾的斜杠"_s},

        // MultipleAllowOriginValues
        {"comma-separated origins",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000,http://localhost:8080\" } }"_s,
            Page, blocked, u"MultipleAllowOriginValues"_s, u"polling"_s, {}, {},
            {u"split-origin-list"_s}, 0,
            u"{ \"cors\": { \"origin\": [\"http://localhost:3000\", \"http://localhost:8080\"] } }"_s,
            Page,
            u"Write cors.origin as an array: [\"http://localhost:3000\", \"http://localhost:8080\"]"_s,
            u"把 cors.origin 写成数组：[\"http://localhost:3000\", \"http://localhost:8080\"]"_s},
        {"proxy adds a second header",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"proxy\": { \"addHeaders\": "
            u"[{ \"name\": \"Access-Control-Allow-Origin\", \"value\": \"*\" }, { \"name\": "
            u"\"X-Served-By\", \"value\": \"edge\" }] } }"_s,
            Page, blocked, u"PreflightMultipleAllowOriginValues"_s, u"polling"_s, {}, {},
            {u"remove-duplicate-allow-origin"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"proxy\": { \"addHeaders\": "
            u"[{ \"name\": \"X-Served-By\", \"value\": \"edge\" }] } }"_s,
            Page, u"Remove the proxy's own Access-Control-Allow-Origin header"_s,
            u"删除代理自行添加的 Access-Control-Allow-Origin 头"_s},

        // InvalidAllowOriginValue
        {"origin without a scheme", u"{ \"cors\": { \"origin\": \"localhost:3000\" } }"_s, Page,
            blocked, u"InvalidAllowOriginValue"_s, u"polling"_s, {}, {}, {u"fix-origin-value"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s, Page,
            u"Write cors.origin as \"http://localhost:3000\", with its scheme"_s,
            u"把 cors.origin 写成带协议的 \"http://localhost:3000\""_s},

        // WildcardOriginNotAllowed
        {"wildcard with credentials", u"{ \"cors\": {} }"_s, PageWithCredentials, blocked,
            u"WildcardOriginNotAllowed"_s, u"polling"_s, {}, {},
            {u"replace-wildcard-with-origin"_s, u"disable-with-credentials"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"credentials\": true } }"_s,
            PageWithCredentials,
            u"Replace \"*\" with \"http://localhost:3000\" in cors.origin and set "
            u"cors.credentials to true"_s,
            u"把 cors.origin 中的 \"*\" 换成 \"http://localhost:3000\"，并把 cors.credentials 设为 "
            u"true"_s},
        {"preflight wildcard, credentials already on",
            u"{ \"cors\": { \"origin\": \"*\", \"credentials\": true } }"_s, PageWithCredentials,
            blocked, u"PreflightWildcardOriginNotAllowed"_s, u"polling"_s, {}, {},
            {u"replace-wildcard-with-origin"_s, u"disable-with-credentials"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"credentials\": true } }"_s,
            PageWithCredentials, u"Replace \"*\" with \"http://localhost:3000\" in cors.origin"_s,
            u"把 cors.origin 中的 \"*\" 换成 \"http://localhost:3000\""_s},
        {"wildcard: the client-side alternative",
            u"{ \"cors\": { \"origin\": \"*\", \"credentials\": true } }"_s, PageWithCredentials,
            blocked, u"WildcardOriginNotAllowed"_s, u"polling"_s, {}, {},
            {u"replace-wildcard-with-origin"_s, u"disable-with-credentials"_s}, 1,
            u"{ \"cors\": { \"origin\": \"*\", \"credentials\": true } }"_s, Page,
            u"Set withCredentials: false in io() if the connection needs no cookies"_s,
            u"如果连接不需要 Cookie，在 io() 中设置 withCredentials: false"_s},

        // InvalidAllowCredentials
        {"credentials flag missing", u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s,
            PageWithCredentials, blocked, u"InvalidAllowCredentials"_s, u"polling"_s, {}, {},
            {u"enable-credentials"_s, u"disable-with-credentials"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"credentials\": true } }"_s,
            PageWithCredentials, u"Set cors.credentials to true"_s,
            u"把 cors.credentials 设为 true"_s},
        {"credentials: sticky cookie keeps withCredentials",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"cookie\": true, \"proxy\": "
            u"{ \"instances\": 2, \"sticky\": \"cookie\" } }"_s,
            PageWithCredentials, blocked, u"PreflightInvalidAllowCredentials"_s, u"polling"_s, {},
            {}, {u"enable-credentials"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"credentials\": true }, "
            u"\"cookie\": true, \"proxy\": { \"instances\": 2, \"sticky\": \"cookie\" } }"_s,
            PageWithCredentials, u"Set cors.credentials to true"_s,
            u"把 cors.credentials 设为 true"_s},

        // HeaderDisallowedByPreflightResponse
        {"custom header",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", "
            u"\"allowedHeaders\": [\"Content-Type\"] } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"extraHeaders\": { "
            u"\"my-custom-header\": \"abcd\" } } }"_s,
            blocked, u"HeaderDisallowedByPreflightResponse"_s, u"polling"_s,
            {u"my-custom-header"_s}, {}, {u"allow-header"_s, u"move-header-to-auth"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"allowedHeaders\": "
            u"[\"Content-Type\", \"my-custom-header\"] } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"extraHeaders\": { "
            u"\"my-custom-header\": \"abcd\" } } }"_s,
            u"Add my-custom-header to cors.allowedHeaders"_s,
            u"把 my-custom-header 加入 cors.allowedHeaders"_s},
        {"Authorization: auth first",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", "
            u"\"allowedHeaders\": [\"Content-Type\"] } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"extraHeaders\": { "
            u"\"Authorization\": \"Bearer abc123\", \"x-trace\": \"1\" } } }"_s,
            blocked, u"HeaderDisallowedByPreflightResponse"_s, u"polling"_s, {u"authorization"_s},
            {}, {u"move-header-to-auth"_s, u"allow-header"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"allowedHeaders\": "
            u"[\"Content-Type\"] } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"auth\": { \"token\": "
            u"\"Bearer abc123\" }, \"extraHeaders\": { \"x-trace\": \"1\" } } }"_s,
            u"Send Authorization as auth.token instead of extraHeaders"_s,
            u"改用 auth.token 发送 Authorization，不再放在 extraHeaders 中"_s},
        {"token headers, string allowedHeaders, auth kept",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"allowedHeaders\": "
            u"\"Content-Type\" } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"auth\": { \"room\": "
            u"\"a\" }, \"extraHeaders\": { \"X-Auth-Token\": \"t\", \"x-api-key\": \"k\" } } }"_s,
            blocked, u"CORSMissingAllowHeaderFromPreflight2"_s, u"polling"_s, {}, {},
            {u"move-header-to-auth"_s, u"allow-header"_s}, 1,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"allowedHeaders\": "
            u"\"Content-Type,X-Auth-Token,x-api-key\" } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"auth\": { \"room\": "
            u"\"a\" }, \"extraHeaders\": { \"X-Auth-Token\": \"t\", \"x-api-key\": \"k\" } } }"_s,
            u"Add X-Auth-Token, x-api-key to cors.allowedHeaders"_s,
            u"把 X-Auth-Token, x-api-key 加入 cors.allowedHeaders"_s},
        {"token headers moved into the existing auth",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"allowedHeaders\": "
            u"\"Content-Type\" } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"auth\": { \"room\": "
            u"\"a\" }, \"extraHeaders\": { \"X-Auth-Token\": \"t\", \"x-api-key\": \"k\" } } }"_s,
            blocked, u"HeaderDisallowedByPreflightResponse"_s, u"polling"_s,
            {u"x-api-key"_s, u"x-auth-token"_s}, {}, {u"move-header-to-auth"_s, u"allow-header"_s},
            0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"allowedHeaders\": "
            u"\"Content-Type\" } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"auth\": { \"room\": "
            u"\"a\", \"apiKey\": \"k\", \"authToken\": \"t\" } } }"_s,
            u"Send x-api-key, X-Auth-Token as auth.apiKey, auth.authToken instead of "
            u"extraHeaders"_s,
            u"改用 auth.apiKey, auth.authToken 发送 x-api-key, X-Auth-Token，不再放在 extraHeaders "
            u"中"_s},

        // MethodDisallowedByPreflightResponse
        {"method not allowed",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"methods\": [\"GET\", "
            u"\"POST\"] } }"_s,
            Page, blocked, u"MethodDisallowedByPreflightResponse"_s, u"polling"_s, {}, u"PUT"_s,
            {u"allow-method"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"methods\": [\"GET\", "
            u"\"POST\", \"PUT\"] } }"_s,
            Page, u"Add PUT to cors.methods"_s, u"把 PUT 加入 cors.methods"_s},

        // PreflightInvalidStatus
        {"preflightContinue",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"preflightContinue\": true } }"_s,
            Page, blocked, u"PreflightInvalidStatus"_s, u"polling"_s, {}, {},
            {u"disable-preflight-continue"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s, Page,
            u"Set cors.preflightContinue to false"_s, u"把 cors.preflightContinue 设为 false"_s},
        {"optionsSuccessStatus 404",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"optionsSuccessStatus\": 404 "
            u"} }"_s,
            Page, blocked, u"CORSPreflightDidNotSucceed3"_s, u"polling"_s, {}, {},
            {u"reset-options-success-status"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s, Page,
            u"Remove cors.optionsSuccessStatus 404 (back to 204)"_s,
            u"删除 cors.optionsSuccessStatus 404（恢复为 204）"_s},

        // Redirects
        {"proxy redirects the preflight",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"proxy\": { \"redirect\": { "
            u"\"location\": \"https://b.test/socket.io/\" }, \"instances\": 2 } }"_s,
            Page, blocked, u"PreflightDisallowedRedirect"_s, u"polling"_s, {}, {},
            {u"remove-redirect"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"proxy\": { \"instances\": 2 "
            u"} }"_s,
            Page, u"Remove the proxy's redirect"_s, u"删除代理的重定向"_s},

        // Refusals
        {"Session ID unknown: sticky",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, "
            u"\"proxy\": { \"instances\": 2 } }"_s,
            Page, refused, u"Session ID unknown"_s, u"polling"_s, {}, {},
            {u"sticky-sessions"_s, u"websocket-only"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\", \"credentials\": true }, "
            u"\"cookie\": true, \"proxy\": { \"instances\": 2, \"sticky\": \"cookie\" } }"_s,
            PageWithCredentials,
            u"Make the load balancer sticky: proxy sticky \"cookie\", cookie: true, "
            u"withCredentials: true, cors.credentials: true"_s,
            u"让负载均衡器保持会话粘性：proxy sticky \"cookie\"，cookie: true，withCredentials: "
            u"true，cors.credentials: true"_s},
        {"Session ID unknown: WebSocket only",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"proxy\": { \"instances\": 2 "
            u"} }"_s,
            Page, refused, u"Session ID unknown"_s, u"polling"_s, {}, {},
            {u"sticky-sessions"_s, u"websocket-only"_s}, 1,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"proxy\": { \"instances\": 2 "
            u"} }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"transports\": "
            u"[\"websocket\"] } }"_s,
            u"Use transports: [\"websocket\"] in io()"_s,
            u"在 io() 中使用 transports: [\"websocket\"]"_s},
        {"Session ID unknown, same origin: only the proxy",
            u"{ \"cookie\": true, \"proxy\": { \"instances\": 3 } }"_s,
            u"{ \"pageOrigin\": \"same-origin\", \"options\": { \"transports\": [\"websocket\"] } "
            u"}"_s,
            refused, u"Session ID unknown"_s, u"websocket"_s, {}, {}, {u"sticky-sessions"_s}, 0,
            u"{ \"cookie\": true, \"proxy\": { \"instances\": 3, \"sticky\": \"cookie\" } }"_s,
            u"{ \"pageOrigin\": \"same-origin\", \"options\": { \"transports\": [\"websocket\"] } "
            u"}"_s,
            u"Make the load balancer sticky: proxy sticky \"cookie\""_s,
            u"让负载均衡器保持会话粘性：proxy sticky \"cookie\""_s},
        {"Transport unknown: server adds polling",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"transports\": "
            u"[\"websocket\"] }"_s,
            Page, refused, u"Transport unknown"_s, u"polling"_s, {}, {},
            {u"add-polling-transport"_s, u"match-server-transports"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s, Page,
            u"Add \"polling\" to the server's transports"_s,
            u"把 \"polling\" 加入服务器的 transports"_s},
        {"Transport unknown: client follows the server",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"transports\": "
            u"[\"websocket\"] }"_s,
            Page, refused, u"Transport unknown"_s, u"polling"_s, {}, {},
            {u"add-polling-transport"_s, u"match-server-transports"_s}, 1,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"transports\": "
            u"[\"websocket\"] }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"transports\": "
            u"[\"websocket\"] } }"_s,
            u"Use transports: [\"websocket\"] in io()"_s,
            u"在 io() 中使用 transports: [\"websocket\"]"_s},
        {"Transport unknown: server adds websocket", u"{ \"transports\": [\"polling\"] }"_s,
            u"{ \"pageOrigin\": \"same-origin\", \"options\": { \"transports\": [\"websocket\"] } "
            u"}"_s,
            refused, u"Transport unknown"_s, u"websocket"_s, {}, {},
            {u"add-websocket-transport"_s, u"match-server-transports"_s}, 0, u"{}"_s,
            u"{ \"pageOrigin\": \"same-origin\", \"options\": { \"transports\": [\"websocket\"] } "
            u"}"_s,
            u"Add \"websocket\" to the server's transports"_s,
            u"把 \"websocket\" 加入服务器的 transports"_s},
        {"Invalid namespace: add it", u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"namespace\": \"/chat\" }"_s, refused,
            u"Invalid namespace"_s, u"polling"_s, {}, {},
            {u"add-namespace"_s, u"use-main-namespace"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"namespaces\": [{ \"name\": "
            u"\"/chat\" }] }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"namespace\": \"/chat\" }"_s,
            u"Add the namespace /chat to the server (io.of(\"/chat\"))"_s,
            u"在服务器上添加命名空间 /chat（io.of(\"/chat\")）"_s},
        {"Invalid namespace: main namespace",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"namespace\": \"/chat\" }"_s, refused,
            u"Invalid namespace"_s, u"polling"_s, {}, {},
            {u"add-namespace"_s, u"use-main-namespace"_s}, 1,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" } }"_s, Page,
            u"Connect to the main namespace \"/\" instead of /chat"_s,
            u"改为连接主命名空间 \"/\"，而不是 /chat"_s},
        {"allowRequest deciding by origin",
            u"{ \"cors\": { \"origin\": true }, \"allowRequest\": { \"function\": \"(req, cb) => "
            u"cb(\\\"origin not allowed\\\", req.headers.origin === \\\"http://a.test\\\")\" } }"_s,
            Page, refused, u"origin not allowed"_s, u"polling"_s, {}, {},
            {u"allow-origin-in-allow-request"_s}, 0,
            u"{ \"cors\": { \"origin\": true }, \"allowRequest\": { \"function\": \"(req, "
            u"callback) => { if (req.headers.origin === \\\"http://localhost:3000\\\") { "
            u"callback(null, true); return; } ((req, cb) => cb(\\\"origin not allowed\\\", "
            u"req.headers.origin === \\\"http://a.test\\\"))(req, callback); }\" } }"_s,
            Page, u"Let http://localhost:3000 through before the allowRequest function runs"_s,
            u"在 allowRequest 函数运行之前先放行 http://localhost:3000"_s},
        {"allowRequest checking a token: nothing safe",
            u"{ \"cors\": { \"origin\": true }, \"allowRequest\": { \"function\": \"(req, cb) => "
            u"cb(null, req.headers[\\\"x-token\\\"] === \\\"s\\\")\" } }"_s,
            Page, refused, u"Forbidden"_s, u"polling"_s, {}, {}, {}, 0, {}, {}, {}, {}},
        {"middleware refusal: nothing to change", u"{ \"cors\": { \"origin\": true } }"_s, Page,
            refused, u"not authorized"_s, u"polling"_s, {}, {}, {}, 0, {}, {}, {}, {}},

        // Network errors and timeouts
        {"proxy strips Upgrade",
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"proxy\": { "
            u"\"stripUpgrade\": true } }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"transports\": "
            u"[\"websocket\"] } }"_s,
            u"network-error"_s, QString(), u"websocket"_s, {}, {}, {u"pass-upgrade-headers"_s}, 0,
            u"{ \"cors\": { \"origin\": \"http://localhost:3000\" }, \"proxy\": {} }"_s,
            u"{ \"pageOrigin\": \"http://localhost:3000\", \"options\": { \"transports\": "
            u"[\"websocket\"] } }"_s,
            u"Let the proxy pass the Upgrade and Connection headers"_s,
            u"让代理转发 Upgrade 和 Connection 头"_s},
        {"timeout without a proxy: nothing", u"{ \"cors\": { \"origin\": true } }"_s, Page,
            u"timeout"_s, QString(), u"polling"_s, {}, {}, {}, 0, {}, {}, {}, {}},
    };
}

RunFailure failureOf(const Row &row)
{
    RunFailure failure;
    failure.verdict = row.verdict;
    failure.reason = row.reason;
    failure.requestOrigin = Origin;
    failure.transport = row.transport;
    if (!row.allowHeaders.isEmpty() || !row.allowMethod.isEmpty()) {
        CorsCheck check;
        check.stage = CorsStage::Preflight;
        check.origin = Origin;
        check.required.allowHeaders = row.allowHeaders;
        check.required.allowMethod = row.allowMethod;
        failure.check = check;
    }
    return failure;
}

QList<FixCandidate> allCandidates()
{
    QList<FixCandidate> out;
    for (const Row &row : rows())
        out << FixAdvisor::candidates(profileFrom(row.server, row.client), failureOf(row));
    return out;
}

QStringList ids(const QList<FixCandidate> &candidates)
{
    QStringList out;
    for (const FixCandidate &c : candidates)
        out << c.id;
    return out;
}

} // namespace

class TestFixAdvisor : public QObject {
    Q_OBJECT
private slots:
    void candidates_data();
    void candidates();
    void everyIdHasARow();
    void explanations_data();
    void explanations();
    void explanationShape();
    void normalisedReason_data();
    void normalisedReason();
    void originFallsBackToThePage();
};

void TestFixAdvisor::candidates_data()
{
    QTest::addColumn<int>("index");
    const QList<Row> all = rows();
    for (int i = 0; i < all.size(); ++i)
        QTest::newRow(all.at(i).name) << i;
}

void TestFixAdvisor::candidates()
{
    QFETCH(int, index);
    const Row row = rows().at(index);
    const Profile before = profileFrom(row.server, row.client);
    const QList<FixCandidate> result = FixAdvisor::candidates(before, failureOf(row));
    QCOMPARE(ids(result), row.ids);
    if (row.ids.isEmpty())
        return;
    const FixCandidate &c = result.at(row.checked);
    const Profile expected = profileFrom(row.expectedServer, row.expectedClient);
    QCOMPARE(QString::fromUtf8(ProfileWriter::toJson(c.profile)),
        QString::fromUtf8(ProfileWriter::toJson(expected)));
    QCOMPARE(c.title, row.title);
    QCOMPARE(c.titleZh, row.titleZh);
    // Client-side candidates leave the server alone.
    for (const FixCandidate &candidate : result) {
        if (candidate.clientSide)
            QVERIFY2(candidate.profile.server == before.server, qPrintable(candidate.id));
        QVERIFY2(!(candidate.profile == before), qPrintable(candidate.id));
    }
}

void TestFixAdvisor::everyIdHasARow()
{
    const QStringList documented = {u"add-cors"_s, u"add-origin"_s, u"drop-trailing-slash"_s,
        u"split-origin-list"_s, u"fix-origin-value"_s, u"allow-origin-in-function"_s,
        u"replace-wildcard-with-origin"_s, u"enable-credentials"_s, u"disable-with-credentials"_s,
        u"allow-header"_s, u"move-header-to-auth"_s, u"allow-method"_s,
        u"remove-duplicate-allow-origin"_s, u"disable-preflight-continue"_s,
        u"reset-options-success-status"_s, u"remove-redirect"_s, u"sticky-sessions"_s,
        u"websocket-only"_s, u"add-polling-transport"_s, u"add-websocket-transport"_s,
        u"match-server-transports"_s, u"allow-origin-in-allow-request"_s, u"add-namespace"_s,
        u"use-main-namespace"_s, u"pass-upgrade-headers"_s};
    QSet<QString> checked;
    for (const Row &row : rows()) {
        if (!row.ids.isEmpty())
            checked.insert(row.ids.at(row.checked));
    }
    for (const QString &id : documented)
        QVERIFY2(checked.contains(id), qPrintable(id));
    for (const QString &id : ids(allCandidates()))
        QVERIFY2(documented.contains(id), qPrintable(id));
}

void TestFixAdvisor::explanations_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("explanation");
    QTest::addColumn<QString>("explanationZh");
    const QList<Row> all = rows();
    const auto rowNamed = [&all](const char *name) {
        for (int i = 0; i < all.size(); ++i) {
            if (qstrcmp(all.at(i).name, name) == 0)
                return i;
        }
        qFatal("no row %s", name);
    };
    QTest::newRow("add-cors")
        << rowNamed("no cors option")
        << u"Since Socket.IO 3 the server sends no CORS headers unless the cors option is set, so "
           u"the browser hides every response from a page on http://localhost:3000. Naming the "
           u"page's origin makes it answer Access-Control-Allow-Origin: http://localhost:3000."_s
        << u"从 Socket.IO 3 起，除非设置了 cors 选项，服务器不会发送任何 CORS 头，所以浏览器对来自 "
           u"http://localhost:3000 的页面隐藏了所有响应。写明页面的源后，服务器会返回 "
           u"Access-Control-Allow-Origin: http://localhost:3000。"_s;
    QTest::newRow("add-origin with credentials")
        << rowNamed("array without the origin, credentials")
        << u"The cors package only answers with an origin it was given, and http://localhost:3000 "
           u"is not one of them; listing it makes cors echo it in Access-Control-Allow-Origin. "
           u"The page sends credentials (withCredentials: true), so the server must also answer "
           u"Access-Control-Allow-Credentials: true."_s
        << u"cors 包只会返回配置中给出的源，而 http://localhost:3000 不在其中；把它列出后，cors "
           u"会在 "
           u"Access-Control-Allow-Origin 中返回它。页面发送凭据（withCredentials: "
           u"true），因此服务器"
           u"还必须返回 Access-Control-Allow-Credentials: true。"_s;
    QTest::newRow("drop-trailing-slash")
        << rowNamed("string origin with a trailing slash")
        << u"An origin is scheme, host and port with no path: the browser sends Origin: "
           u"http://localhost:3000 and compares Access-Control-Allow-Origin character by "
           u"character, so the trailing slash makes them differ."_s
        << u"源只由协议、主机和端口组成，不带路径：浏览器发送 Origin: "
           u"http://localhost:3000，并逐字符"
           u"比较 Access-Control-Allow-Origin，末尾的斜杠使两者不同。"_s;
    QTest::newRow("move-header-to-auth")
        << rowNamed("Authorization: auth first")
        << u"socket.io-client sends auth inside its CONNECT packet, not as an HTTP header, so no "
           u"preflight is needed. Read it on the server as socket.handshake.auth.token."_s
        << u"socket.io-client 把 auth 放在 CONNECT 数据包里发送，而不是作为 HTTP "
           u"头，因此不需要预检。"
           u"服务器端用 socket.handshake.auth.token 读取它。"_s;
    QTest::newRow("allow-header")
        << rowNamed("custom header")
        << u"The page sends my-custom-header through extraHeaders, so the browser asks the "
           u"preflight to allow it, and cors.allowedHeaders does not list it."_s
        << u"页面通过 extraHeaders 发送了 my-custom-header，浏览器会在预检请求中申请使用，而 "
           u"cors.allowedHeaders 没有列出。"_s;
    QTest::newRow("sticky-sessions")
        << rowNamed("Session ID unknown: sticky")
        << u"Every request of a polling session must reach the instance that created it; with the "
           u"engine.io cookie the proxy can route each request back to it. The cookie only "
           u"travels on cross-origin requests with credentials."_s
        << u"一个轮询会话的所有请求都必须到达创建它的实例；有了 engine.io 的 Cookie，代理就能把每个"
           u"请求路由回该实例。跨源请求只有携带凭据时才会带上这个 Cookie。"_s;
}

void TestFixAdvisor::explanations()
{
    QFETCH(int, index);
    QFETCH(QString, explanation);
    QFETCH(QString, explanationZh);
    const Row row = rows().at(index);
    const FixCandidate c
        = FixAdvisor::candidates(profileFrom(row.server, row.client), failureOf(row))
              .at(row.checked);
    QCOMPARE(c.explanation, explanation);
    QCOMPARE(c.explanationZh, explanationZh);
}

// One line each, English ending with a full stop in one to three sentences, Chinese with "。".
void TestFixAdvisor::explanationShape()
{
    for (const FixCandidate &c : allCandidates()) {
        QVERIFY2(!c.title.isEmpty() && !c.title.contains(u'\n'), qPrintable(c.id));
        QVERIFY2(!c.titleZh.isEmpty() && !c.titleZh.contains(u'\n'), qPrintable(c.id));
        QVERIFY2(c.explanation.endsWith(u'.'), qPrintable(c.id + u": "_s + c.explanation));
        const qsizetype sentences
            = c.explanation.count(QRegularExpression(u"[.!?]( [A-Za-z]|$)"_s));
        QVERIFY2(sentences >= 1 && sentences <= 3, qPrintable(c.id + u": "_s + c.explanation));
        QVERIFY2(c.explanationZh.endsWith(u'。'), qPrintable(c.id + u": "_s + c.explanationZh));
        QVERIFY2(c.explanationZh.count(u'。') <= 3, qPrintable(c.id));
    }
}

void TestFixAdvisor::normalisedReason_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Chromium code")
        << u"MissingAllowOriginHeader"_s << u"MissingAllowOriginHeader"_s;
    QTest::newRow("preflight variant")
        << u"PreflightAllowOriginMismatch"_s << u"AllowOriginMismatch"_s;
    QTest::newRow("PreflightInvalidStatus stays")
        << u"PreflightInvalidStatus"_s << u"PreflightInvalidStatus"_s;
    QTest::newRow("Firefox key") << u"CORSNotSupportingCredentials"_s
                                 << u"WildcardOriginNotAllowed"_s;
    QTest::newRow("server message") << u"Forbidden"_s << u"Forbidden"_s;
}

void TestFixAdvisor::normalisedReason()
{
    QFETCH(QString, reason);
    QFETCH(QString, expected);
    QCOMPARE(FixAdvisor::normalisedReason(reason), expected);
}

// Without the Origin the browser sent, the check's origin, then the page's, is the one to allow.
void TestFixAdvisor::originFallsBackToThePage()
{
    RunFailure failure;
    failure.verdict = u"blocked"_s;
    failure.reason = u"MissingAllowOriginHeader"_s;
    const Profile p = profileFrom(u"{}"_s, u"{ \"pageOrigin\": \"https://app.test\" }"_s);
    QCOMPARE(FixAdvisor::candidates(p, failure).value(0).title,
        u"Add cors: { origin: \"https://app.test\" } to the server options"_s);
    CorsCheck check;
    check.origin = u"null"_s;
    failure.check = check;
    QCOMPARE(FixAdvisor::candidates(p, failure).value(0).title,
        u"Add cors: { origin: \"null\" } to the server options"_s);
}

QTEST_GUILESS_MAIN(TestFixAdvisor)
#include "tst_fixadvisor.moc"
