// ErrorExplainer: recognises the lines (ReasonCatalog::match plus Engine.IO's messages and
// connect_error logging), picks the line that names the reason, joins the others into the same
// case (Chromium's network line, Firefox's "CORS request did not succeed", a connect_error), and
// builds the smallest profile whose run against the embedded server shows the same reason.
#include "errorexplainer.h"

#include "profile/profilewriter.h"
#include "run/runresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace corslab {

namespace {

const QString English = QStringLiteral("en-US");
const QString Chinese = QStringLiteral("zh-CN");
// Where a page usually runs while developing; used when the text does not name the origin.
const QString AssumedOrigin = QStringLiteral("http://localhost:3000");
const QString OtherAssumedOrigin = QStringLiteral("http://localhost:5173");
const QString PreflightHeader = QStringLiteral("my-custom-header");
const QString DefaultPath = QStringLiteral("/socket.io");

bool zh(const QString &lang)
{
    return lang == Chinese || lang == QLatin1String("zh");
}

// The setups a case can be reproduced with; each is a handful of profile options.
enum class Setup {
    None,
    NoCors, // server without cors: no Access-Control-Allow-Origin at all
    OriginFunctionError, // cors.origin function calling back with an Error: 400 without CORS
    Wildcard, // cors origin "*" + credentials: true, page withCredentials
    OriginValue, // cors.origin sends the quoted value verbatim
    MultipleLines, // the server's value plus a second Access-Control-Allow-Origin from a proxy
    Credentials, // withCredentials without cors credentials: true
    PreflightStatus, // preflightContinue: engine.io answers the OPTIONS 400
    PreflightRedirect, // a proxy redirects the preflight
    InvalidMethods, // cors.methods as one string that is not a token list
    InvalidHeaders, // cors.allowedHeaders as one string that is not a token list
    HeaderNotAllowed, // extraHeaders sends a header cors.allowedHeaders does not list
    RedirectWithCredentials, // a proxy redirects to a URL with user:password@
    WildcardHeaders, // allowedHeaders "*" and an Authorization header
    UnsafeHeader, // extraHeaders with a forbidden header name
    WebSocketRefused, // a proxy that drops Upgrade: engine.io answers the handshake 400
    BigConnectPacket, // the CONNECT POST exceeds maxHttpBufferSize: 413
    AllowRequestSilent, // allowRequest never calls back: the client's timeout
    UnknownNamespace,
    MiddlewareRefusal, // namespace middleware next(new Error(message))
    ServerWebSocketOnly, // server transports ["websocket"], client starts with polling
    Balancer, // two instances, no sticky sessions
    SameOriginBadRequest, // same-origin page, origin function erroring: readable 400
    AllowRequestRefuses, // allowRequest callback(null, false): 403 Forbidden
};

// engine.io server.ts errorMessages, with what each means for a Socket.IO page.
struct EngineIoMessage {
    int code;
    const char *message;
    const char *en;
    const char *zh;
};
constexpr EngineIoMessage EngineIoMessages[] = {
    {0, "Transport unknown",
        "engine.io refused the transport the request named: it is not in the server's transports "
        "(for example transports: [\"websocket\"] while the client starts with polling).",
        "engine.io 拒绝了请求指定的传输方式：它不在服务器的 transports 中（例如 transports: "
        "[\"websocket\"]，而客户端先用轮询）。"},
    {1, "Session ID unknown",
        "The request named an Engine.IO session this server process does not have: several "
        "instances behind a load balancer without sticky sessions, or a restarted server.",
        "请求指定的 Engine.IO 会话在这个服务器进程中不存在：多个实例位于没有粘性会话的负载均衡器"
        "之后，或服务器重启过。"},
    {2, "Bad handshake method",
        "A handshake request (without sid) was not a GET: an OPTIONS preflight reached engine.io "
        "because cors has preflightContinue: true or sits behind it.",
        "握手请求（不带 sid）不是 GET：OPTIONS 预检到达了 engine.io，因为 cors 设置了 "
        "preflightContinue: true 或没有拦在它前面。"},
    {3, "Bad request",
        "engine.io refused the request: most often a cors.origin function called back with an "
        "Error; also a WebSocket request without Upgrade, or a malformed query.",
        "engine.io 拒绝了请求：最常见的是 cors.origin 函数回调了 Error；也可能是没有 Upgrade 的 "
        "WebSocket 请求，或格式错误的查询参数。"},
    {4, "Forbidden", "The server's allowRequest refused the handshake (callback(err, false)).",
        "服务器的 allowRequest 拒绝了握手（callback(err, false)）。"},
    {5, "Unsupported protocol version",
        "The client speaks another Engine.IO protocol (EIO=3, a Socket.IO 2 client) and the "
        "server does not set allowEIO3.",
        "客户端使用另一个 Engine.IO 协议版本（EIO=3，即 Socket.IO 2 客户端），"
        "而服务器没有设置 allowEIO3。"},
};

// What a case's reason means: the catalogue's sentence, or Engine.IO's message explained.
std::optional<QString> reasonExplanation(const ErrorCase &c, const QString &language)
{
    if (c.source == ExplainedSource::EngineIoServer) {
        for (const EngineIoMessage &m : EngineIoMessages) {
            if (c.code == QLatin1String(m.message))
                return QString::fromUtf8(language == Chinese ? m.zh : m.en);
        }
        return std::nullopt;
    }
    return ReasonCatalog::instance().explanation(c.code, language);
}

struct Unreproducible {
    const char *code;
    const char *en;
    const char *zh;
};

// Fixed and reviewed: every code here is recognised, and the sentence says why a Socket.IO
// connection from a page, run against CorsLab's embedded server, cannot show it.
const Unreproducible UnreproducibleList[] = {
    {"MethodDisallowedByPreflightResponse",
        "socket.io-client only sends GET and POST, which are CORS-safelisted methods and never "
        "checked against Access-Control-Allow-Methods; this error comes from another request of "
        "the page (PUT, DELETE, PATCH...).",
        "socket.io-client 只发送 GET 和 POST，这两个方法属于 CORS "
        "安全方法，从不与 Access-Control-Allow-Methods 比较；此错误来自页面的其他请求（PUT、"
        "DELETE、PATCH 等）。"},
    {"CORSMethodNotFound",
        "socket.io-client only sends GET and POST, which are CORS-safelisted methods and never "
        "checked against Access-Control-Allow-Methods; this error comes from another request of "
        "the page (PUT, DELETE, PATCH...).",
        "socket.io-client 只发送 GET 和 POST，这两个方法属于 CORS "
        "安全方法，从不与 Access-Control-Allow-Methods 比较；此错误来自页面的其他请求（PUT、"
        "DELETE、PATCH 等）。"},
    {"CorsDisabledScheme",
        "engine.io-client always requests http: or https: URLs (and ws:/wss:, which CORS does not "
        "cover), so a Socket.IO connection never uses a scheme CORS refuses; the failing request "
        "used file:, data: or a custom scheme.",
        "engine.io-client 只请求 http: 或 https: 地址（以及不受 CORS 约束的 ws:/wss:），"
        "Socket.IO 连接不会用到 CORS 拒绝的协议；失败的请求用的是 file:、data: "
        "或自定义协议。"},
    {"CORSRequestNotHttp",
        "engine.io-client always requests http: or https: URLs (and ws:/wss:, which CORS does not "
        "cover), so a Socket.IO connection never uses a scheme CORS refuses; the failing request "
        "used file:, data: or a custom scheme.",
        "engine.io-client 只请求 http: 或 https: 地址（以及不受 CORS 约束的 ws:/wss:），"
        "Socket.IO 连接不会用到 CORS 拒绝的协议；失败的请求用的是 file:、data: "
        "或自定义协议。"},
    {"DisallowedByMode",
        "Only fetch() with mode 'same-origin' (or a navigation) is refused by request mode; "
        "socket.io-client's XMLHttpRequest and Fetch transports use mode 'cors'.",
        "只有 mode 为 'same-origin' 的 fetch()（或页面导航）会因请求模式被拒绝；socket.io-client "
        "的 XMLHttpRequest 和 Fetch 传输都使用 'cors' 模式。"},
    {"InvalidResponse",
        "Chromium reports an invalid response when a service worker answers a CORS request with "
        "an opaque or otherwise unusable response; the embedded server is reached directly, "
        "without a service worker.",
        "当 Service Worker 用不透明或不可用的响应回答 CORS 请求时，Chromium "
        "报告响应无效；嵌入式服务器是直接访问的，没有 Service Worker。"},
    {"LocalNetworkAccessPermissionDenied",
        "Local Network Access: a public page reached a private or loopback address and the user "
        "denied the permission. CorsLab's runs model the page and the embedded server on one "
        "network, where Local Network Access does not apply.",
        "本地网络访问：公网页面访问了内网或回环地址，而用户拒绝了权限。CorsLab "
        "的运行把页面和嵌入式服务器放在同一网络中，本地网络访问规则不适用。"},
    {"InvalidLocalNetworkAccess",
        "Local Network Access: the address the request resolved to was in another address space "
        "than the one declared. CorsLab's runs model the page and the embedded server on one "
        "network, where Local Network Access does not apply.",
        "本地网络访问：请求解析到的地址与声明的地址空间不符。CorsLab "
        "的运行把页面和嵌入式服务器放在同一网络中，本地网络访问规则不适用。"},
    {"InsecureLocalNetwork",
        "Local Network Access: a page that is not a secure context reached a more private address "
        "space. CorsLab's runs model the page and the embedded server on one network, where Local "
        "Network Access does not apply.",
        "本地网络访问：非安全上下文的页面访问了更私有的地址空间。CorsLab "
        "的运行把页面和嵌入式服务器放在同一网络中，本地网络访问规则不适用。"},
    {"PreflightMissingAllowPrivateNetwork",
        "Private Network Access preflights were printed by older Chromium builds only (now Local "
        "Network Access, a permission); CorsLab's runs model the page and the embedded server on "
        "one network, where neither applies.",
        "私有网络访问预检只在旧版 Chromium 中出现（现为本地网络访问权限）；CorsLab "
        "的运行把页面和嵌入式服务器放在同一网络中，两者都不适用。"},
    {"PreflightInvalidAllowPrivateNetwork",
        "Private Network Access preflights were printed by older Chromium builds only (now Local "
        "Network Access, a permission); CorsLab's runs model the page and the embedded server on "
        "one network, where neither applies.",
        "私有网络访问预检只在旧版 Chromium 中出现（现为本地网络访问权限）；CorsLab "
        "的运行把页面和嵌入式服务器放在同一网络中，两者都不适用。"},
    {"mixed-content",
        "Mixed content: an https page asked for an http or ws URL. The embedded server listens on "
        "localhost, which browsers treat as potentially trustworthy and exempt from the block; "
        "serve the Socket.IO server over https/wss (or the page over http).",
        "混合内容：https 页面请求了 http 或 ws 地址。嵌入式服务器监听在 localhost "
        "上，浏览器视其为可信而不拦截；请用 https/wss 提供 Socket.IO 服务（或用 http "
        "提供页面）。"},
    {"BlockMixedActiveContent",
        "Mixed content: an https page asked for an http or ws URL. The embedded server listens on "
        "localhost, which browsers treat as potentially trustworthy and exempt from the block; "
        "serve the Socket.IO server over https/wss (or the page over http).",
        "混合内容：https 页面请求了 http 或 ws 地址。嵌入式服务器监听在 localhost "
        "上，浏览器视其为可信而不拦截；请用 https/wss 提供 Socket.IO 服务（或用 http "
        "提供页面）。"},
    {"CORSDisabled",
        "Firefox only prints this when CORS is switched off in its settings "
        "(content.cors.disable); no server or client option causes it.",
        "只有在 Firefox 设置中关闭了 CORS（content.cors.disable）时才会出现；"
        "任何服务器或客户端选项都不会导致它。"},
    {"CORSOriginHeaderNotAdded",
        "Firefox could not add the Origin header, an internal failure of the browser; no server "
        "or client option causes it.",
        "Firefox 无法添加 Origin 头，这是浏览器内部的失败；任何服务器或客户端选项都不会导致它。"},
    {"NetError",
        "This line only says that the request failed. For a CORS block (net::ERR_FAILED) the "
        "reason is in the 'Access to XMLHttpRequest ... blocked by CORS policy' line printed with "
        "it: paste both. Other net errors (net::ERR_CONNECTION_REFUSED...) mean nothing answered "
        "at that address, while the embedded server always listens.",
        "这一行只说明请求失败了。若是 CORS 拦截（net::ERR_FAILED），原因在同时打印的 'Access to "
        "XMLHttpRequest ... blocked by CORS policy' 那一行里：请把两行一起粘贴。其他网络错误（"
        "net::ERR_CONNECTION_REFUSED 等）表示该地址没有服务在应答，而嵌入式服务器总是在监听。"},
    {"HttpError",
        "This line only gives the status of a readable response. Engine.IO's answer body "
        "({\"code\":...,\"message\":...}) or the page's connect_error says which refusal it was: "
        "paste that.",
        "这一行只给出了一个可读响应的状态码。Engine.IO 的响应正文（{\"code\":...,\"message\":"
        "...}）或页面的 connect_error 才说明是哪种拒绝：请粘贴它。"},
    {"WebSocketConnectionFailed",
        "Nothing accepted the connection (refused, reset, name not resolved): the server was not "
        "running, listened on another port or was unreachable. The embedded server always listens, "
        "so a run cannot show this; check the URL and that the server is up.",
        "没有任何服务接受连接（被拒绝、被重置或域名无法解析）：服务器未运行、"
        "监听在其他端口或不可达。嵌入式服务器总是在监听，运行无法再现这一点；"
        "请检查地址以及服务器是否已启动。"},
    {"WebSocketClosedBeforeHandshake",
        "Something closed the connection without answering the WebSocket handshake (a proxy, a "
        "load balancer's idle timeout, a crashing server); engine.io always answers, so no "
        "profile makes the embedded server do this.",
        "有东西在未应答 WebSocket 握手的情况下关闭了连接（代理、负载均衡器的空闲超时、"
        "崩溃的服务器）；engine.io 总会作出应答，任何配置都无法让嵌入式服务器这样做。"},
    {"WebSocketFailedWithoutReason",
        "Chromium gave no reason, so there is nothing to reproduce; the lines printed around it "
        "(a connect_error, a network line) usually say more.",
        "Chromium 没有给出原因，因此无从再现；它前后打印的行（connect_error、网络行）"
        "通常信息更多。"},
    {"WebSocketHandshakeTimedOut",
        "Chromium's own opening-handshake timeout; socket.io-client's connection timeout "
        "(20 s by default) fires long before it, so a run shows connect_error \"timeout\" instead "
        "(paste \"timeout\" to reproduce that).",
        "这是 Chromium 自身的 WebSocket 握手超时；socket.io-client 的连接超时（默认 20 "
        "秒）远早于它触发，因此运行只会显示 connect_error \"timeout\"（粘贴 \"timeout\" "
        "可再现它）。"},
    {"netInterrupt",
        "An open WebSocket was cut (network change, proxy idle timeout, server restart); a "
        "profile has no way to cut an established connection.",
        "一个已打开的 WebSocket 被中断（网络变化、代理空闲超时、服务器重启）；"
        "配置无法中断已建立的连接。"},
    {"FetchReadError",
        "This comes from engine.io-client's opt-in Fetch transport; CorsLab's client implements "
        "the XMLHttpRequest polling transport (the default), whose failure is \"xhr poll error\".",
        "它来自 engine.io-client 可选的 Fetch 传输；CorsLab 的客户端实现的是 XMLHttpRequest "
        "轮询传输（默认），其失败消息为 \"xhr poll error\"。"},
    {"FetchWriteError",
        "This comes from engine.io-client's opt-in Fetch transport; CorsLab's client implements "
        "the XMLHttpRequest polling transport (the default), whose failure is \"xhr post error\".",
        "它来自 engine.io-client 可选的 Fetch 传输；CorsLab 的客户端实现的是 XMLHttpRequest "
        "轮询传输（默认），其失败消息为 \"xhr post error\"。"},
    {"IncompatibleServer",
        "The server is a Socket.IO 2.x server; the embedded server is Socket.IO 4.8. Upgrade the "
        "server (or use a 2.x client).",
        "服务器是 Socket.IO 2.x；嵌入式服务器是 Socket.IO 4.8。请升级服务器（或使用 2.x "
        "客户端）。"},
    {"Unsupported protocol version",
        "A Socket.IO 2.x client (Engine.IO protocol 3) reached a Socket.IO 3+ server without "
        "allowEIO3; CorsLab's client is socket.io-client 4.8 (protocol 4). Set allowEIO3: true on "
        "the server or upgrade the client.",
        "Socket.IO 2.x 客户端（Engine.IO 协议 3）连接了未设置 allowEIO3 的 Socket.IO 3+ "
        "服务器；CorsLab 的客户端是 socket.io-client 4.8（协议 4）。请在服务器上设置 "
        "allowEIO3: true，或升级客户端。"},
};

QString sourceLabel(ExplainedSource source, bool chinese)
{
    switch (source) {
    case ExplainedSource::ChromiumCors:
        return chinese ? QStringLiteral("Chromium CORS 错误")
                       : QStringLiteral("Chromium CORS error");
    case ExplainedSource::ChromiumNetwork:
        return chinese ? QStringLiteral("Chromium 网络行")
                       : QStringLiteral("Chromium network line");
    case ExplainedSource::ChromiumWebSocket:
        return chinese ? QStringLiteral("Chromium WebSocket 失败")
                       : QStringLiteral("Chromium WebSocket failure");
    case ExplainedSource::ChromiumConsole:
        return chinese ? QStringLiteral("Chromium 控制台消息")
                       : QStringLiteral("Chromium console message");
    case ExplainedSource::Firefox:
        return chinese ? QStringLiteral("Firefox 控制台消息")
                       : QStringLiteral("Firefox console message");
    case ExplainedSource::SocketIoClient:
        return chinese ? QStringLiteral("socket.io-client connect_error")
                       : QStringLiteral("socket.io-client connect_error");
    case ExplainedSource::EngineIoServer:
        return chinese ? QStringLiteral("Engine.IO 服务器消息")
                       : QStringLiteral("Engine.IO server message");
    }
    return {};
}

ExplainedSource fromReasonSource(ReasonSource source)
{
    switch (source) {
    case ReasonSource::ChromiumCors:
        return ExplainedSource::ChromiumCors;
    case ReasonSource::ChromiumNetwork:
        return ExplainedSource::ChromiumNetwork;
    case ReasonSource::ChromiumWebSocket:
        return ExplainedSource::ChromiumWebSocket;
    case ReasonSource::ChromiumConsole:
        return ExplainedSource::ChromiumConsole;
    case ReasonSource::Firefox:
        return ExplainedSource::Firefox;
    case ReasonSource::SocketIoClient:
        break;
    }
    return ExplainedSource::SocketIoClient;
}

// Chromium's EncodeHint turned each non-printable UTF-8 byte into \uXXXX; undo it.
QString decodeChromiumHint(const QString &hint)
{
    if (!hint.contains(QLatin1String("\\u")))
        return hint;
    QByteArray bytes;
    for (qsizetype i = 0; i < hint.size(); ++i) {
        if (hint.at(i) == u'\\' && i + 5 < hint.size() && hint.at(i + 1) == u'u') {
            bool ok = false;
            const int value = hint.mid(i + 2, 4).toInt(&ok, 16);
            if (ok && value <= 0xff) {
                bytes.append(char(value));
                i += 5;
                continue;
            }
        }
        bytes.append(hint.at(i).toLatin1());
    }
    return QString::fromUtf8(bytes);
}

// A JavaScript string literal (JSON's escaping is valid JavaScript).
QString jsString(const QString &text)
{
    const QByteArray json = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

bool isFirefoxWarning(const QString &key)
{
    const auto reason = ReasonCatalog::instance().firefoxReason(key);
    return reason && reason->isWarning;
}

bool isWarningCode(const ExplainedLine &line)
{
    if (line.source == ExplainedSource::Firefox)
        return isFirefoxWarning(line.code);
    if (line.source == ExplainedSource::ChromiumConsole) {
        const auto reason = ReasonCatalog::instance().chromiumConsoleReason(line.code);
        return reason && !reason->blocks;
    }
    return false;
}

// Lower is more telling: the line that names the reason becomes the case.
int rank(const ExplainedLine &line)
{
    const ReasonCatalog &catalog = ReasonCatalog::instance();
    switch (line.source) {
    case ExplainedSource::ChromiumCors:
        return 0;
    case ExplainedSource::Firefox:
        if (catalog.firefoxWebSocketKeys().contains(line.code))
            return 2;
        if (line.code == QLatin1String("CORSDidNotSucceed2"))
            return 4;
        return isFirefoxWarning(line.code) ? 7 : 1;
    case ExplainedSource::ChromiumWebSocket:
        return 2;
    case ExplainedSource::ChromiumConsole:
        return isWarningCode(line) ? 7 : 3;
    case ExplainedSource::EngineIoServer:
        return 5;
    case ExplainedSource::SocketIoClient:
        return 6;
    case ExplainedSource::ChromiumNetwork:
        return 8;
    }
    return 9;
}

QString originOfUrl(const QString &url)
{
    const QUrl u(url);
    if (!u.isValid() || u.scheme().isEmpty() || u.host().isEmpty())
        return {};
    QString origin = u.scheme() + QStringLiteral("://") + u.host();
    if (u.port() != -1)
        origin += QLatin1Char(':') + QString::number(u.port());
    return origin;
}

struct Builder {
    ErrorCase &c;
    Explanation &e;

    void say(const QString &en, const QString &zhText)
    {
        e.setupEn << en;
        e.setupZh << zhText;
    }

    Setup setupFor() const
    {
        const QString &code = c.code;
        const auto is = [&code](std::initializer_list<const char *> codes) {
            return std::any_of(codes.begin(), codes.end(),
                [&code](const char *x) { return code == QLatin1String(x); });
        };
        switch (c.source) {
        case ExplainedSource::ChromiumCors:
        case ExplainedSource::Firefox:
            if (is({"MissingAllowOriginHeader", "PreflightMissingAllowOriginHeader",
                    "CORSMissingAllowOrigin2"}))
                return c.status == 400 && !c.preflight ? Setup::OriginFunctionError : Setup::NoCors;
            if (is({"WildcardOriginNotAllowed", "PreflightWildcardOriginNotAllowed",
                    "CORSNotSupportingCredentials"}))
                return Setup::Wildcard;
            if (is({"AllowOriginMismatch", "PreflightAllowOriginMismatch",
                    "InvalidAllowOriginValue", "PreflightInvalidAllowOriginValue",
                    "CORSAllowOriginNotMatchingOrigin"}))
                return Setup::OriginValue;
            if (is({"MultipleAllowOriginValues", "PreflightMultipleAllowOriginValues"}))
                return c.allowOrigin.contains(QLatin1String(", ")) ? Setup::MultipleLines
                                                                   : Setup::OriginValue;
            if (is({"CORSMultipleAllowOriginNotAllowed"}))
                return Setup::MultipleLines;
            if (is({"InvalidAllowCredentials", "PreflightInvalidAllowCredentials",
                    "CORSMissingAllowCredentials"}))
                return Setup::Credentials;
            if (is({"PreflightInvalidStatus", "CORSPreflightDidNotSucceed3"}))
                return Setup::PreflightStatus;
            if (is({"PreflightDisallowedRedirect", "CORSExternalRedirectNotAllowed"}))
                return Setup::PreflightRedirect;
            if (is({"InvalidAllowMethodsPreflightResponse", "CORSInvalidAllowMethod"}))
                return Setup::InvalidMethods;
            if (is({"InvalidAllowHeadersPreflightResponse", "CORSInvalidAllowHeader"}))
                return Setup::InvalidHeaders;
            if (is({"HeaderDisallowedByPreflightResponse", "CORSMissingAllowHeaderFromPreflight2"}))
                return Setup::HeaderNotAllowed;
            if (is({"RedirectContainsCredentials", "CORSDidNotSucceed2"}))
                return Setup::RedirectWithCredentials;
            if (is({"CORSAllowHeaderFromPreflightDeprecation"}))
                return Setup::WildcardHeaders;
            if (is({"connectionFailure"}))
                return Setup::WebSocketRefused;
            return Setup::None;
        case ExplainedSource::ChromiumConsole:
            if (is({"RefusedToSetUnsafeHeader"}))
                return Setup::UnsafeHeader;
            if (is({"AuthorizationCoveredByWildcard"}))
                return Setup::WildcardHeaders;
            return Setup::None;
        case ExplainedSource::ChromiumWebSocket:
            if (is({"WebSocketUnexpectedResponseCode"}))
                return Setup::WebSocketRefused;
            return Setup::None;
        case ExplainedSource::SocketIoClient:
            if (is({"XhrPollError"}))
                return Setup::NoCors;
            if (is({"XhrPostError"}))
                return Setup::BigConnectPacket;
            if (is({"WebSocketError"}))
                return Setup::WebSocketRefused;
            if (is({"Timeout"}))
                return Setup::AllowRequestSilent;
            if (is({"InvalidNamespace"}))
                return Setup::UnknownNamespace;
            if (is({"NamespaceRefused"}))
                return Setup::MiddlewareRefusal;
            return Setup::None;
        case ExplainedSource::EngineIoServer:
            if (is({"Transport unknown"}))
                return Setup::ServerWebSocketOnly;
            if (is({"Session ID unknown"}))
                return Setup::Balancer;
            if (is({"Bad handshake method"}))
                return Setup::PreflightStatus;
            if (is({"Bad request"}))
                return Setup::SameOriginBadRequest;
            if (is({"Forbidden"}))
                return Setup::AllowRequestRefuses;
            return Setup::None;
        case ExplainedSource::ChromiumNetwork:
            return Setup::None;
        }
        return Setup::None;
    }

    void corsOrigin(Profile &p) const
    {
        CorsOptions cors;
        cors.origin = c.pageOrigin;
        p.server.cors = cors;
    }

    void forcePreflight(Profile &p, const QString &header)
    {
        const QString name = header.isEmpty() ? PreflightHeader : header;
        const QString value = name.compare(QLatin1String("authorization"), Qt::CaseInsensitive) == 0
            ? QStringLiteral("Bearer abc123")
            : QStringLiteral("abcd");
        p.client.options.extraHeaders.emplace_back(name, value);
        say(QStringLiteral("client.options.extraHeaders sends %1, which is not CORS-safelisted, so "
                           "every polling request is preflighted (OPTIONS)")
                .arg(name),
            QStringLiteral("client.options.extraHeaders 发送 %1，它不是 CORS "
                           "安全头，因此每个轮询请求都要先发预检（OPTIONS）")
                .arg(name));
    }

    static void proxyHeader(
        Profile &p, const QString &name, const QString &value, ProxyHeader::When on)
    {
        if (!p.server.proxy)
            p.server.proxy = ProxyOptions();
        ProxyHeader h;
        h.name = name;
        h.value = value;
        h.on = on;
        p.server.proxy->addHeaders << h;
    }

    QString originFunction() const
    {
        // An allow-list without the page's origin: the callback gets an Error.
        const QString allowed = c.pageOrigin == QLatin1String("https://app.example.com")
            ? QStringLiteral("https://www.example.com")
            : QStringLiteral("https://app.example.com");
        return QStringLiteral("(origin, callback) => { const allowed = [%1]; if (!origin || "
                              "allowed.includes(origin)) { callback(null, true); } else { "
                              "callback(new Error(\"Not allowed by CORS\")); } }")
            .arg(jsString(allowed));
    }

    void blockedExpect(Profile &p)
    {
        p.expect = Expectation {Verdict::Blocked, c.code, {}};
        c.reproduction = {Reproduction::Kind::Reason, c.code, 0};
    }

    std::optional<Profile> build(const QString &path)
    {
        const Setup setup = setupFor();
        if (setup == Setup::None)
            return std::nullopt;
        Profile p;
        p.name = QStringLiteral("Explained: %1").arg(c.code);
        p.client.pageOrigin = c.pageOrigin;
        p.client.browser = c.browser;
        p.server.path = path;
        p.client.options.path = path;
        const bool corsSource
            = c.source == ExplainedSource::ChromiumCors || c.source == ExplainedSource::Firefox;
        if (corsSource && !c.warningOnly)
            blockedExpect(p);
        switch (setup) {
        case Setup::None:
            return std::nullopt;
        case Setup::NoCors:
            say(QStringLiteral("server.cors is absent: since Socket.IO 3 the server then sends no "
                               "Access-Control-Allow-Origin at all"),
                QStringLiteral("server.cors 未设置：自 Socket.IO 3 起，服务器此时根本不发送 "
                               "Access-Control-Allow-Origin"));
            if (c.preflight)
                forcePreflight(p, c.header);
            if (c.source == ExplainedSource::SocketIoClient) {
                p.expect = Expectation {
                    Verdict::Blocked, QStringLiteral("MissingAllowOriginHeader"), {}};
                c.reproduction = {Reproduction::Kind::ConnectError, c.connectError, 0};
                say(QStringLiteral("\"xhr poll error\" alone does not say why the polling request "
                                   "failed; the most common cause, a server without cors, shows "
                                   "it. The browser's console names the real reason: paste that "
                                   "line too"),
                    QStringLiteral("单独的 \"xhr poll error\" "
                                   "并不说明轮询请求为何失败；这里用最常见的原因（服务器没有配置 "
                                   "cors）来再现它。浏览器控制台会给出真正的原因：请把那一行也粘贴"
                                   "进来"));
            }
            break;
        case Setup::OriginFunctionError: {
            CorsOptions cors;
            cors.origin = ScriptFunction {originFunction(), {}};
            p.server.cors = cors;
            say(QStringLiteral("the response had status 400 and no CORS headers: a cors.origin "
                               "function that calls back with an Error makes engine.io answer "
                               "400 \"Bad request\" without them"),
                QStringLiteral("响应状态为 400 且没有 CORS 头：cors.origin 函数回调 Error 时，"
                               "engine.io 会返回不带 CORS 头的 400 \"Bad request\""));
            break;
        }
        case Setup::Wildcard: {
            CorsOptions cors;
            cors.credentials = true;
            p.server.cors = cors;
            p.client.options.withCredentials = true;
            say(QStringLiteral("server.cors has credentials: true with origin left at \"*\", and "
                               "the page sets withCredentials: true"),
                QStringLiteral("server.cors 设置了 credentials: true 而 origin 仍是默认的 "
                               "\"*\"，页面设置了 withCredentials: true"));
            if (c.preflight)
                forcePreflight(p, c.header);
            break;
        }
        case Setup::OriginValue: {
            if (c.allowOrigin.isEmpty()) {
                proxyHeader(p, QStringLiteral("Access-Control-Allow-Origin"), QString(),
                    ProxyHeader::When::All);
                say(QStringLiteral("an empty Access-Control-Allow-Origin is added by a proxy "
                                   "(cors cannot send an empty value)"),
                    QStringLiteral("由代理添加一个空的 Access-Control-Allow-Origin（cors "
                                   "无法发送空值）"));
            } else {
                CorsOptions cors;
                cors.origin = c.allowOrigin;
                p.server.cors = cors;
                say(QStringLiteral("server.cors.origin is the string \"%1\", which cors sends "
                                   "verbatim as Access-Control-Allow-Origin")
                        .arg(c.allowOrigin),
                    QStringLiteral("server.cors.origin 是字符串 \"%1\"，cors 会原样作为 "
                                   "Access-Control-Allow-Origin 发送")
                        .arg(c.allowOrigin));
            }
            if (c.preflight)
                forcePreflight(p, c.header);
            break;
        }
        case Setup::MultipleLines: {
            QStringList values = c.allowOrigin.split(QStringLiteral(", "));
            if (c.allowOrigin.isEmpty())
                values = {c.pageOrigin, QStringLiteral("*")};
            CorsOptions cors;
            cors.origin = values.takeFirst();
            p.server.cors = cors;
            for (const QString &v : values)
                proxyHeader(
                    p, QStringLiteral("Access-Control-Allow-Origin"), v, ProxyHeader::When::All);
            say(QStringLiteral("the server sends Access-Control-Allow-Origin: %1 and a proxy in "
                               "front of it adds a second line (%2), as an nginx add_header does")
                    .arg(std::get<QString>(cors.origin), values.join(QStringLiteral(", "))),
                QStringLiteral("服务器发送 Access-Control-Allow-Origin: %1，"
                               "其前面的代理又添加了第二行（%2），就像 nginx 的 add_header 那样")
                    .arg(std::get<QString>(cors.origin), values.join(QStringLiteral(", "))));
            if (c.preflight)
                forcePreflight(p, c.header);
            break;
        }
        case Setup::Credentials:
            corsOrigin(p);
            p.client.options.withCredentials = true;
            say(QStringLiteral("server.cors.origin is the page's origin but credentials is not "
                               "true, and the page sets withCredentials: true"),
                QStringLiteral("server.cors.origin 是页面的源，但 credentials 不是 "
                               "true，而页面设置了 withCredentials: true"));
            if (!c.allowCredentials.isEmpty()) {
                proxyHeader(p, QStringLiteral("Access-Control-Allow-Credentials"),
                    c.allowCredentials, ProxyHeader::When::All);
                say(QStringLiteral("a proxy adds Access-Control-Allow-Credentials: %1")
                        .arg(c.allowCredentials),
                    QStringLiteral("代理添加了 Access-Control-Allow-Credentials: %1")
                        .arg(c.allowCredentials));
            }
            if (c.preflight)
                forcePreflight(p, c.header);
            break;
        case Setup::PreflightStatus: {
            corsOrigin(p);
            p.server.cors->preflightContinue = true;
            say(QStringLiteral("server.cors has preflightContinue: true, so the OPTIONS request "
                               "reaches engine.io, which answers it 400 \"Bad handshake method\""),
                QStringLiteral("server.cors 设置了 preflightContinue: true，OPTIONS 请求因此到达 "
                               "engine.io，后者以 400 \"Bad handshake method\" 回答"));
            forcePreflight(p, c.header);
            if (c.source == ExplainedSource::EngineIoServer) {
                p.expect
                    = Expectation {Verdict::Blocked, QStringLiteral("PreflightInvalidStatus"), {}};
                c.reproduction = {Reproduction::Kind::ServerMessage, c.code, 0};
            }
            break;
        }
        case Setup::PreflightRedirect: {
            ProxyRedirect redirect;
            redirect.status = 307;
            redirect.location = path + QLatin1Char('/');
            redirect.on = ProxyHeader::When::Preflight;
            p.server.proxy = ProxyOptions();
            p.server.proxy->redirect = redirect;
            const QString header = c.header.isEmpty() ? PreflightHeader : c.header;
            proxyHeader(p, QStringLiteral("Access-Control-Allow-Origin"), c.pageOrigin,
                ProxyHeader::When::Preflight);
            proxyHeader(p, QStringLiteral("Access-Control-Allow-Headers"), header,
                ProxyHeader::When::Preflight);
            say(QStringLiteral("a proxy answers the preflight with a 307 redirect (with CORS "
                               "headers), as an http→https or trailing-slash redirect does"),
                QStringLiteral("代理用 307 重定向（带 CORS 头）回答预检，就像 http→https "
                               "或补斜杠的重定向那样"));
            forcePreflight(p, header);
            break;
        }
        case Setup::InvalidMethods: {
            corsOrigin(p);
            const QString value = c.token.isEmpty() ? QStringLiteral("GET POST") : c.token;
            p.server.cors->methods = value;
            say(QStringLiteral("server.cors.methods is the string \"%1\", which is not a "
                               "comma-separated list of tokens")
                    .arg(value),
                QStringLiteral("server.cors.methods 是字符串 \"%1\"，不是以逗号分隔的令牌列表")
                    .arg(value));
            forcePreflight(p, c.header);
            break;
        }
        case Setup::InvalidHeaders: {
            corsOrigin(p);
            const QString value
                = c.token.isEmpty() ? PreflightHeader + QStringLiteral(":abcd") : c.token;
            p.server.cors->allowedHeaders = StringOrList(value);
            say(QStringLiteral("server.cors.allowedHeaders is the string \"%1\", which is not a "
                               "comma-separated list of header names")
                    .arg(value),
                QStringLiteral("server.cors.allowedHeaders 是字符串 \"%1\"，不是以逗号分隔的"
                               "头名称列表")
                    .arg(value));
            forcePreflight(p, QString());
            break;
        }
        case Setup::HeaderNotAllowed: {
            corsOrigin(p);
            const QString header = c.header.isEmpty() ? PreflightHeader : c.header;
            QStringList allowed;
            if (header.compare(QLatin1String("content-type"), Qt::CaseInsensitive) != 0)
                allowed << QStringLiteral("Content-Type");
            p.server.cors->allowedHeaders = StringOrList(allowed);
            say(QStringLiteral("server.cors.allowedHeaders lists [%1] without %2")
                    .arg(allowed.join(QStringLiteral(", ")), header),
                QStringLiteral("server.cors.allowedHeaders 只列出 [%1]，不含 %2")
                    .arg(allowed.join(QStringLiteral(", ")), header));
            forcePreflight(p, header);
            break;
        }
        case Setup::RedirectWithCredentials: {
            ProxyRedirect redirect;
            redirect.status = 302;
            const QUrl hinted(c.token, QUrl::TolerantMode);
            redirect.location = hinted.isValid() && !hinted.userInfo().isEmpty()
                ? c.token
                : QStringLiteral("http://user:password@localhost") + path + QLatin1Char('/');
            p.server.proxy = ProxyOptions();
            p.server.proxy->redirect = redirect;
            proxyHeader(p, QStringLiteral("Access-Control-Allow-Origin"), c.pageOrigin,
                ProxyHeader::When::All);
            say(QStringLiteral("a proxy redirects the request to %1, a URL with a user name and "
                               "password, which browsers refuse to follow cross-origin")
                    .arg(redirect.location),
                QStringLiteral("代理把请求重定向到 %1，这是一个带用户名和密码的地址，"
                               "浏览器在跨源时拒绝跟随")
                    .arg(redirect.location));
            if (c.code == QLatin1String("CORSDidNotSucceed2"))
                say(QStringLiteral("Firefox prints \"CORS request did not succeed\" alone when the "
                                   "request failed below CORS: most often the server was "
                                   "unreachable (which the always-listening embedded server "
                                   "cannot show), here a redirect Firefox cancels"),
                    QStringLiteral("Firefox 单独打印 \"CORS 请求未能成功\" 表示请求在 CORS "
                                   "之下就失败了：最常见的是服务器不可达（总在监听的嵌入式服务器"
                                   "无法再现），这里用 Firefox 会取消的重定向来再现"));
            break;
        }
        case Setup::WildcardHeaders:
            corsOrigin(p);
            p.server.cors->allowedHeaders = StringOrList(QStringLiteral("*"));
            say(QStringLiteral("server.cors.allowedHeaders is \"*\" and the page sends an "
                               "Authorization header, which the wildcard does not cover"),
                QStringLiteral("server.cors.allowedHeaders 为 \"*\"，而页面发送 Authorization "
                               "头，通配符并不涵盖它"));
            forcePreflight(p, QStringLiteral("Authorization"));
            p.expect = Expectation {Verdict::Connected, {}, {}};
            c.reproduction = {Reproduction::Kind::Warning, c.code, 0};
            break;
        case Setup::UnsafeHeader: {
            corsOrigin(p);
            const QString header = c.header.isEmpty() ? QStringLiteral("Cookie") : c.header;
            p.client.options.extraHeaders.emplace_back(header, QStringLiteral("abcd"));
            say(QStringLiteral("client.options.extraHeaders sets %1, a forbidden header name: "
                               "the browser drops it and the request goes on")
                    .arg(header),
                QStringLiteral("client.options.extraHeaders 设置了 %1，这是被禁止的头名称："
                               "浏览器丢弃它，请求照常进行")
                    .arg(header));
            p.expect = Expectation {Verdict::Connected, {}, {}};
            c.reproduction = {Reproduction::Kind::Warning, c.code, 0};
            break;
        }
        case Setup::WebSocketRefused: {
            const bool probe = c.url.contains(QLatin1String("sid="));
            corsOrigin(p);
            p.server.proxy = ProxyOptions();
            p.server.proxy->stripUpgrade = true;
            say(QStringLiteral("a proxy does not pass the Upgrade header on (nginx without "
                               "proxy_set_header Upgrade), so engine.io answers the WebSocket "
                               "handshake 400"),
                QStringLiteral("代理没有转发 Upgrade 头（nginx 缺少 proxy_set_header "
                               "Upgrade），engine.io 因此以 400 回答 WebSocket 握手"));
            if (probe && c.source != ExplainedSource::SocketIoClient) {
                say(QStringLiteral("the URL has a sid: the WebSocket was the upgrade from "
                                   "polling, so the page stays connected over polling"),
                    QStringLiteral("地址中带有 sid：这是从轮询升级的 WebSocket，"
                                   "页面仍通过轮询保持连接"));
                p.expect = Expectation {Verdict::Connected, {}, {}};
            } else {
                p.client.options.transports = {QStringLiteral("websocket")};
                say(QStringLiteral("client.options.transports is [\"websocket\"], so the "
                                   "handshake's failure is the connection's"),
                    QStringLiteral("client.options.transports 为 [\"websocket\"]，"
                                   "握手失败即连接失败"));
                p.expect = Expectation {Verdict::Refused, QStringLiteral("Bad request"), {}};
            }
            if (c.source == ExplainedSource::SocketIoClient)
                c.reproduction = {Reproduction::Kind::ConnectError, c.connectError, 0};
            else
                c.reproduction = {Reproduction::Kind::WebSocketFailure, c.code, c.status};
            break;
        }
        case Setup::BigConnectPacket: {
            corsOrigin(p);
            p.server.maxHttpBufferSize = 100;
            p.client.options.transports = {QStringLiteral("polling")};
            JsonNode auth = JsonNode::makeObject();
            auth.members().push_back(
                {QStringLiteral("token"), {}, JsonNode::fromString(QString(200, u'x'))});
            p.client.options.auth = auth;
            say(QStringLiteral("the CONNECT packet (auth of 200 characters) is larger than "
                               "server.maxHttpBufferSize (100), so engine.io answers the POST 413; "
                               "the other common cause is a load balancer without sticky "
                               "sessions (\"Session ID unknown\")"),
                QStringLiteral("CONNECT 包（200 字符的 auth）大于 "
                               "server.maxHttpBufferSize（100），engine.io 因此以 413 回答 "
                               "POST；另一个常见原因是没有粘性会话的负载均衡器（\"Session ID "
                               "unknown\"）"));
            p.expect = Expectation {Verdict::Refused, QStringLiteral("HTTP 413"), {}};
            c.reproduction = {Reproduction::Kind::ConnectError, c.connectError, 0};
            break;
        }
        case Setup::AllowRequestSilent:
            corsOrigin(p);
            p.server.allowRequest = ScriptFunction {
                QStringLiteral("(req, callback) => { /* never calls back */ }"), {}};
            p.client.options.timeout = 2000;
            say(QStringLiteral("server.allowRequest never calls its callback, so the handshake "
                               "hangs until the client's timeout (shortened to 2 s for the run; "
                               "20 s by default)"),
                QStringLiteral("server.allowRequest 从不调用回调，握手一直挂起直到客户端超时（"
                               "本次运行缩短为 2 秒；默认 20 秒）"));
            p.expect = Expectation {Verdict::Timeout, {}, {}};
            c.reproduction = {Reproduction::Kind::ConnectError, c.connectError, 0};
            break;
        case Setup::UnknownNamespace:
            corsOrigin(p);
            p.client.namespaceName = QStringLiteral("/admin");
            say(QStringLiteral("the client joins /admin, a namespace the server never created "
                               "(the message does not name the namespace)"),
                QStringLiteral("客户端加入 /admin，服务器从未创建这个命名空间（消息中没有给出"
                               "命名空间名称）"));
            p.expect = Expectation {Verdict::Refused, QStringLiteral("Invalid namespace"), {}};
            c.reproduction = {Reproduction::Kind::ConnectError, c.connectError, 0};
            break;
        case Setup::MiddlewareRefusal: {
            corsOrigin(p);
            NamespaceConfig ns;
            ns.name = QStringLiteral("/");
            ns.middleware
                = ScriptFunction {QStringLiteral("(socket, next) => { next(new Error(%1)); }")
                                      .arg(jsString(c.connectError)),
                    {}};
            p.server.namespaces << ns;
            say(QStringLiteral("a namespace middleware calls next(new Error(\"%1\")): "
                               "connect_error carries the server's own message")
                    .arg(c.connectError),
                QStringLiteral("命名空间中间件调用 next(new Error(\"%1\"))："
                               "connect_error 带的是服务器自己的消息")
                    .arg(c.connectError));
            p.expect = Expectation {Verdict::Refused, c.connectError, {}};
            c.reproduction = {Reproduction::Kind::ConnectError, c.connectError, 0};
            break;
        }
        case Setup::ServerWebSocketOnly:
            corsOrigin(p);
            p.server.transports = {QStringLiteral("websocket")};
            say(QStringLiteral("server.transports is [\"websocket\"] but the client starts with "
                               "polling, so engine.io answers 400 \"Transport unknown\""),
                QStringLiteral("server.transports 为 [\"websocket\"]，而客户端先用轮询，"
                               "engine.io 因此返回 400 \"Transport unknown\""));
            break;
        case Setup::Balancer:
            corsOrigin(p);
            p.server.proxy = ProxyOptions();
            p.server.proxy->instances = 2;
            say(QStringLiteral("two server instances behind a round-robin load balancer without "
                               "sticky sessions: the session lives on one instance and the next "
                               "request reaches the other"),
                QStringLiteral("两个服务器实例位于没有粘性会话的轮询负载均衡器之后：会话只存在于"
                               "一个实例上，下一个请求却到了另一个实例"));
            break;
        case Setup::SameOriginBadRequest: {
            CorsOptions cors;
            cors.origin = ScriptFunction {originFunction(), {}};
            p.server.cors = cors;
            p.client.pageOrigin = ClientOptions::SameOrigin;
            say(QStringLiteral("a same-origin page sends no Origin header, and a cors.origin "
                               "function that calls back with an Error for it makes engine.io "
                               "answer 400 \"Bad request\""),
                QStringLiteral("同源页面不发送 Origin 头，而 cors.origin 函数对它回调 "
                               "Error，engine.io 因此返回 400 \"Bad request\""));
            break;
        }
        case Setup::AllowRequestRefuses:
            corsOrigin(p);
            p.server.allowRequest
                = ScriptFunction {QStringLiteral("(req, callback) => callback(null, false)"), {}};
            say(QStringLiteral("server.allowRequest refuses the handshake (callback(null, false)), "
                               "so engine.io answers 403 \"Forbidden\""),
                QStringLiteral("server.allowRequest 拒绝握手（callback(null, false)），"
                               "engine.io 因此返回 403 \"Forbidden\""));
            break;
        }
        if (c.source == ExplainedSource::EngineIoServer && setup != Setup::PreflightStatus) {
            p.expect = Expectation {Verdict::Refused, c.code, {}};
            c.reproduction = {Reproduction::Kind::ServerMessage, c.code, 0};
        }
        p.description
            = QStringLiteral("Reproduces the pasted %1 \"%2\" against the embedded server "
                             "(made by corslab-cli explain).")
                  .arg(sourceLabel(c.source, false), c.code);
        return p;
    }
};

} // namespace

QString explainedSourceName(ExplainedSource source)
{
    switch (source) {
    case ExplainedSource::ChromiumCors:
        return QStringLiteral("chromium-cors");
    case ExplainedSource::ChromiumNetwork:
        return QStringLiteral("chromium-network");
    case ExplainedSource::ChromiumWebSocket:
        return QStringLiteral("chromium-websocket");
    case ExplainedSource::ChromiumConsole:
        return QStringLiteral("chromium-console");
    case ExplainedSource::Firefox:
        return QStringLiteral("firefox");
    case ExplainedSource::SocketIoClient:
        return QStringLiteral("socket.io-client");
    case ExplainedSource::EngineIoServer:
        return QStringLiteral("engine.io-server");
    }
    return {};
}

QStringList ErrorExplainer::engineIoMessages()
{
    QStringList out;
    for (const EngineIoMessage &m : EngineIoMessages)
        out << QString::fromLatin1(m.message);
    return out;
}

QMap<QString, QString> ErrorExplainer::unreproducibleCodes()
{
    QMap<QString, QString> out;
    for (const Unreproducible &u : UnreproducibleList)
        out.insert(QString::fromLatin1(u.code), QString::fromUtf8(u.en));
    return out;
}

QString ErrorExplainer::whyNotReproducible(const QString &code, const QString &language)
{
    for (const Unreproducible &u : UnreproducibleList) {
        if (code == QLatin1String(u.code))
            return QString::fromUtf8(zh(language) ? u.zh : u.en);
    }
    return {};
}

QString ErrorExplainer::expectedInput(const QString &lang)
{
    if (zh(lang))
        return QStringLiteral(
            "可识别的内容：Chromium 控制台的 CORS 错误（\"Access to XMLHttpRequest at ... has been "
            "blocked by CORS policy: ...\"）及其网络行（\"GET <url> net::ERR_FAILED 200 "
            "(OK)\"）、\"WebSocket connection to '<url>' failed: ...\"、Firefox 的 "
            "\"Cross-Origin Request Blocked: ...\" 或 \"已拦截跨源请求：...\"、socket.io-client "
            "的 connect_error 消息（\"xhr poll error\"、\"websocket error\"、\"timeout\"……，或 "
            "\"connect_error: <消息>\"），以及 Engine.IO 的错误消息（\"Session ID "
            "unknown\"、{\"code\":1,\"message\":\"Session ID unknown\"}……）。每行一条。");
    return QStringLiteral(
        "Expected: a Chromium console CORS error (\"Access to XMLHttpRequest at ... has been "
        "blocked by CORS policy: ...\") and its network line (\"GET <url> net::ERR_FAILED 200 "
        "(OK)\"), \"WebSocket connection to '<url>' failed: ...\", Firefox's \"Cross-Origin "
        "Request Blocked: ...\" (or its Chinese \"已拦截跨源请求：...\"), a socket.io-client "
        "connect_error message (\"xhr poll error\", \"websocket error\", \"timeout\"..., or "
        "\"connect_error: <message>\"), or an Engine.IO error message (\"Session ID unknown\", "
        "{\"code\":1,\"message\":\"Session ID unknown\"}...). One per line.");
}

Explanation ErrorExplainer::explainUtf8(const QByteArray &utf8)
{
    if (utf8.size() > MaxInputBytes) {
        Explanation e;
        e.error = QStringLiteral("the pasted text is %1 bytes; at most %2 bytes (1 MiB) are read: "
                                 "paste the console lines of the error, not the whole log")
                      .arg(utf8.size())
                      .arg(MaxInputBytes);
        return e;
    }
    return explain(QString::fromUtf8(utf8));
}

Explanation ErrorExplainer::explain(const QString &text)
{
    Explanation e;
    // Every UTF-16 unit is at least one UTF-8 byte: a quick refusal before any work.
    const qsizetype bytes = text.size() > MaxInputBytes ? text.size() : text.toUtf8().size();
    if (bytes > MaxInputBytes) {
        e.error = QStringLiteral("the pasted text is %1%2 bytes; at most %3 bytes (1 MiB) are "
                                 "read: paste the console lines of the error, not the whole log")
                      .arg(text.size() > MaxInputBytes ? QStringLiteral("over ") : QString())
                      .arg(bytes)
                      .arg(MaxInputBytes);
        return e;
    }
    const ReasonCatalog &catalog = ReasonCatalog::instance();
    static const QRegularExpression connectErrorPrefix(
        QStringLiteral("^connect[_ ]error\\b\\s*:?\\s*(?:(?:Transport)?Error:\\s*)?(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression engineIoJson(QStringLiteral(
        "^\\{\\s*\"code\"\\s*:\\s*(\\d+)\\s*,\\s*\"message\"\\s*:\\s*\"([^\"]*)\"\\s*"
        "(?:,\\s*\"context\"\\s*:.*)?\\}$"));
    const QStringList engineMessages = engineIoMessages();

    const QStringList rawLines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        const QString line = rawLines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        if (line.size() > MaxLineChars) {
            ++e.unrecognisedLines;
            continue;
        }
        ExplainedLine out;
        out.number = int(i) + 1;
        out.text = line;
        out.language = English;
        if (const std::optional<ReasonMatch> m = catalog.match(line)) {
            out.source = fromReasonSource(m->source);
            out.code = m->code;
            out.language = m->language;
            out.params = m->params;
            out.arguments = m->arguments;
            e.lines << out;
            continue;
        }
        // What a page's console.log("connect_error", err.message) prints.
        const QRegularExpressionMatch prefixed = connectErrorPrefix.match(line);
        if (prefixed.hasMatch() && !prefixed.captured(1).trimmed().isEmpty()) {
            const QString message = prefixed.captured(1).trimmed();
            const std::optional<ReasonMatch> m = catalog.match(message);
            out.source = ExplainedSource::SocketIoClient;
            if (m && m->source == ReasonSource::SocketIoClient) {
                out.code = m->code;
            } else {
                out.code = QStringLiteral("NamespaceRefused");
                out.params.insert(QStringLiteral("serverMessage"), message);
            }
            e.lines << out;
            continue;
        }
        QString message;
        const QRegularExpressionMatch json = engineIoJson.match(line);
        if (json.hasMatch())
            message = json.captured(2);
        else if (line.size() > 2 && line.startsWith(u'"') && line.endsWith(u'"'))
            message = line.mid(1, line.size() - 2);
        else
            message = line;
        if (engineMessages.contains(message)) {
            out.source = ExplainedSource::EngineIoServer;
            out.code = message;
            e.lines << out;
            continue;
        }
        ++e.unrecognisedLines;
    }
    if (e.lines.isEmpty()) {
        e.error = QStringLiteral("nothing in the text was recognised (%1 non-empty line(s)). %2")
                      .arg(e.unrecognisedLines)
                      .arg(expectedInput(English));
        return e;
    }

    // The main line, then everything else joined into its case.
    qsizetype mainIndex = 0;
    for (qsizetype i = 1; i < e.lines.size(); ++i) {
        if (rank(e.lines.at(i)) < rank(e.lines.at(mainIndex)))
            mainIndex = i;
    }
    const ExplainedLine &main = e.lines.at(mainIndex);
    ErrorCase c;
    c.source = main.source;
    c.code = main.code;
    c.language = main.language;
    const auto param
        = [&main](const char *name) { return main.params.value(QString::fromLatin1(name)); };
    c.url = param("url");
    switch (main.source) {
    case ExplainedSource::ChromiumCors: {
        c.browser = Browser::Chromium;
        c.pageOrigin = param("origin");
        c.initialUrl = param("initialUrl");
        c.fetchInitiator = param("kind") == QLatin1String("fetch");
        const QString hint = decodeChromiumHint(param("hint"));
        const std::optional<ChromiumReason> reason = catalog.chromiumReason(main.code);
        const QString code = reason ? reason->code : main.code;
        c.code = code;
        c.preflight = (reason && reason->isPreflight) || code.contains(QLatin1String("Preflight"))
            || code == QLatin1String("HeaderDisallowedByPreflightResponse")
            || code == QLatin1String("MethodDisallowedByPreflightResponse");
        c.credentials = code.contains(QLatin1String("WildcardOriginNotAllowed"))
            || code.contains(QLatin1String("InvalidAllowCredentials"));
        if (code.contains(QLatin1String("AllowOrigin")))
            c.allowOrigin = hint;
        else if (code.contains(QLatin1String("InvalidAllowCredentials")))
            c.allowCredentials = hint;
        else if (code == QLatin1String("HeaderDisallowedByPreflightResponse"))
            c.header = hint;
        else if (code == QLatin1String("MethodDisallowedByPreflightResponse"))
            c.method = hint;
        else if (code == QLatin1String("RedirectContainsCredentials"))
            c.token = hint;
        break;
    }
    case ExplainedSource::Firefox: {
        c.browser = Browser::Firefox;
        const QString key = main.code;
        c.allowOrigin = param("allowOrigin");
        c.token = param("token");
        c.header = param("header");
        c.status = param("status").toInt();
        c.credentials = key == QLatin1String("CORSNotSupportingCredentials")
            || key == QLatin1String("CORSMissingAllowCredentials");
        c.preflight = key == QLatin1String("CORSPreflightDidNotSucceed3")
            || key == QLatin1String("CORSInvalidAllowMethod")
            || key == QLatin1String("CORSInvalidAllowHeader")
            || key == QLatin1String("CORSMissingAllowHeaderFromPreflight2")
            || key == QLatin1String("CORSMethodNotFound")
            || key == QLatin1String("CORSExternalRedirectNotAllowed")
            || key == QLatin1String("CORSAllowHeaderFromPreflightDeprecation");
        c.warningOnly = isFirefoxWarning(key);
        break;
    }
    case ExplainedSource::ChromiumWebSocket:
        c.browser = Browser::Chromium;
        c.status = param("status").toInt();
        c.netError = param("netError");
        break;
    case ExplainedSource::ChromiumConsole: {
        c.browser = Browser::Chromium;
        const QString hint = param("hint");
        if (main.code == QLatin1String("RefusedToSetUnsafeHeader"))
            c.header = hint;
        else if (main.code == QLatin1String("AuthorizationCoveredByWildcard"))
            c.header = QStringLiteral("Authorization");
        if (!param("pageUrl").isEmpty())
            c.pageOrigin = originOfUrl(param("pageUrl"));
        const auto reason = catalog.chromiumConsoleReason(main.code);
        c.warningOnly = reason && !reason->blocks;
        break;
    }
    case ExplainedSource::ChromiumNetwork:
        c.browser = Browser::Chromium;
        c.method = param("method");
        c.status = param("status").toInt();
        c.netError = param("netError");
        break;
    case ExplainedSource::SocketIoClient:
        c.browserKnown = false;
        c.connectError = main.code == QLatin1String("NamespaceRefused")
            ? param("serverMessage")
            : catalog.connectErrorMessage(main.code).value_or(main.code);
        break;
    case ExplainedSource::EngineIoServer:
        c.browserKnown = false;
        c.serverMessage = main.code;
        break;
    }

    static const QStringList firefoxPreflightPairs = {QStringLiteral("CORSMissingAllowOrigin2"),
        QStringLiteral("CORSNotSupportingCredentials"),
        QStringLiteral("CORSAllowOriginNotMatchingOrigin"),
        QStringLiteral("CORSMultipleAllowOriginNotAllowed"),
        QStringLiteral("CORSMissingAllowCredentials")};
    QSet<QString> seenOther;
    for (qsizetype i = 0; i < e.lines.size(); ++i) {
        if (i == mainIndex)
            continue;
        const ExplainedLine &line = e.lines.at(i);
        if (line.source == main.source && line.code == main.code)
            continue; // the same error again (each reconnection attempt logs it)
        const QString id = explainedSourceName(line.source) + QLatin1Char(':') + line.code;
        const bool newCode = !seenOther.contains(id);
        seenOther.insert(id);
        if (!c.browserKnown) {
            if (line.source == ExplainedSource::Firefox) {
                c.browser = Browser::Firefox;
                c.browserKnown = true;
                c.language = line.language;
            } else if (line.source != ExplainedSource::SocketIoClient
                && line.source != ExplainedSource::EngineIoServer) {
                c.browser = Browser::Chromium;
                c.browserKnown = true;
            }
        }
        if (rank(line) <= 3) {
            if (newCode)
                c.otherReasons << line.code;
            continue;
        }
        if (newCode)
            c.otherCodes << line.code;
        if (line.source == ExplainedSource::ChromiumNetwork
            && main.source == ExplainedSource::ChromiumCors) {
            const QString method = line.params.value(QStringLiteral("method"));
            if (c.method.isEmpty())
                c.method = method;
            if (method == QLatin1String("OPTIONS"))
                c.preflight = true;
            if (c.status == 0)
                c.status = line.params.value(QStringLiteral("status")).toInt();
            if (c.netError.isEmpty())
                c.netError = line.params.value(QStringLiteral("netError"));
        } else if (line.source == ExplainedSource::Firefox
            && line.code == QLatin1String("CORSDidNotSucceed2")
            && main.source == ExplainedSource::Firefox) {
            // Firefox follows a failed preflight with "CORS request did not succeed".
            if (firefoxPreflightPairs.contains(main.code))
                c.preflight = true;
            const int status = line.params.value(QStringLiteral("status")).toInt();
            if (c.status == 0 && status > 0)
                c.status = status;
        } else if (line.source == ExplainedSource::SocketIoClient && c.connectError.isEmpty()) {
            c.connectError = line.code == QLatin1String("NamespaceRefused")
                ? line.params.value(QStringLiteral("serverMessage"))
                : catalog.connectErrorMessage(line.code).value_or(line.code);
        } else if (line.source == ExplainedSource::EngineIoServer && c.serverMessage.isEmpty()) {
            c.serverMessage = line.code;
        }
    }
    if (c.pageOrigin.isEmpty()) {
        c.pageOrigin = c.allowOrigin == AssumedOrigin ? OtherAssumedOrigin : AssumedOrigin;
        c.pageOriginAssumed = true;
    }

    // The profile, or why there is none.
    const QString unreproducible = whyNotReproducible(c.code, English);
    if (!unreproducible.isEmpty()) {
        e.notReproducibleEn = unreproducible;
        e.notReproducibleZh = whyNotReproducible(c.code, Chinese);
    } else if (c.source == ExplainedSource::ChromiumWebSocket
        && c.code == QLatin1String("WebSocketUnexpectedResponseCode") && c.status != 400) {
        e.notReproducibleEn
            = QStringLiteral("engine.io answers a WebSocket handshake it refuses with 400; a %1 "
                             "came from something else at that address (a proxy, another server "
                             "or route), which the embedded server cannot be made to be.")
                  .arg(c.status);
        e.notReproducibleZh = QStringLiteral("engine.io 拒绝 WebSocket 握手时总是返回 400；%1 "
                                             "来自该地址上的其他东西（代理、其他服务器或路由），"
                                             "嵌入式服务器无法扮演它。")
                                  .arg(c.status);
    } else {
        QString path = DefaultPath;
        const QUrl url(c.url);
        const QString urlPath = url.path();
        if (!c.url.isEmpty()) {
            if (urlPath.size() > 1) {
                path = urlPath.endsWith(u'/') ? urlPath.chopped(1) : urlPath;
            }
        }
        Builder builder {c, e};
        e.profile = builder.build(path);
        if (!e.profile) {
            e.notReproducibleEn
                = QStringLiteral("CorsLab knows no setup that produces %1.").arg(c.code);
            e.notReproducibleZh = QStringLiteral("CorsLab 不知道能产生 %1 的配置。").arg(c.code);
        } else {
            if (!c.url.isEmpty()) {
                const QString host = url.host();
                e.setupEn.prepend(
                    QStringLiteral("the server is CorsLab's embedded one: the URL's host (%1) is "
                                   "replaced by it (http://localhost:PORT); the path %2 is kept as "
                                   "server.path")
                        .arg(host.isEmpty() ? c.url : host, path));
                e.setupZh.prepend(
                    QStringLiteral("服务器是 CorsLab 的嵌入式服务器：地址中的主机（%1）"
                                   "被它替换（http://localhost:PORT）；路径 %2 保留为 "
                                   "server.path")
                        .arg(host.isEmpty() ? c.url : host, path));
                if (!c.url.contains(QLatin1String("EIO="))) {
                    e.setupEn << QStringLiteral(
                        "the URL has no EIO= parameter, so it may not be a "
                        "Socket.IO request; the run makes one at that path");
                    e.setupZh << QStringLiteral("地址中没有 EIO= 参数，可能不是 Socket.IO "
                                                "请求；运行时在该路径上发起 Socket.IO 请求");
                }
            } else {
                e.setupEn.prepend(QStringLiteral("the server is CorsLab's embedded one at the "
                                                 "default path %1 (the text names no URL)")
                                      .arg(path));
                e.setupZh.prepend(
                    QStringLiteral("服务器是 CorsLab 的嵌入式服务器，使用默认路径 %1（文本中没有"
                                   "地址）")
                        .arg(path));
            }
            if (c.pageOriginAssumed && e.profile->client.pageOrigin != ClientOptions::SameOrigin) {
                e.setupEn << QStringLiteral("the text does not name the page's origin: %1 is "
                                            "assumed")
                                 .arg(c.pageOrigin);
                e.setupZh << QStringLiteral("文本中没有页面的源：假定为 %1").arg(c.pageOrigin);
            } else if (!c.pageOriginAssumed) {
                e.setupEn << QStringLiteral("client.pageOrigin is %1, from the message")
                                 .arg(c.pageOrigin);
                e.setupZh << QStringLiteral("client.pageOrigin 取自消息：%1").arg(c.pageOrigin);
            }
            e.setupEn << (c.browserKnown
                    ? QStringLiteral("client.browser is %1, whose text it was")
                    : QStringLiteral("client.browser is %1 (assumed: the text does not say which "
                                     "browser)"))
                             .arg(browserName(c.browser));
            e.setupZh << (c.browserKnown
                    ? QStringLiteral("client.browser 为 %1，即消息来自的浏览器")
                    : QStringLiteral("client.browser 为 %1（假定：文本未说明是哪个浏览器）"))
                             .arg(browserName(c.browser));
            if (c.fetchInitiator) {
                e.setupEn << QStringLiteral(
                    "Chromium named fetch(): engine.io-client's Fetch transport (or the page's own "
                    "fetch) follows the same CORS rules as the XMLHttpRequest transport CorsLab "
                    "runs");
                e.setupZh << QStringLiteral(
                    "Chromium 提到的是 fetch()：engine.io-client 的 Fetch "
                    "传输（或页面自己的 fetch）与 CorsLab 运行的 XMLHttpRequest 传输遵循相同的 "
                    "CORS 规则");
            }
            if (!c.initialUrl.isEmpty()) {
                e.setupEn << QStringLiteral("the request was redirected from %1; the run shows "
                                            "the error on the final URL without the redirect")
                                 .arg(c.initialUrl);
                e.setupZh << QStringLiteral("请求是从 %1 重定向来的；运行在最终地址上再现错误，"
                                            "不含重定向")
                                 .arg(c.initialUrl);
            }
        }
    }
    e.errorCase = c;
    return e;
}

bool ErrorExplainer::reproduces(const ErrorCase &c, const RunResult &run, QString *detail)
{
    const Reproduction &r = c.reproduction;
    const QString got
        = QStringLiteral("the run ended %1%2")
              .arg(verdictName(run.verdict.verdict),
                  run.verdict.reason.isEmpty() ? QString()
                                               : QStringLiteral(" (%1)").arg(run.verdict.reason));
    bool ok = false;
    switch (r.kind) {
    case Reproduction::Kind::Reason:
        ok = run.verdict.verdict == Verdict::Blocked && run.verdict.reason == r.value;
        break;
    case Reproduction::Kind::Warning:
        ok = std::any_of(run.verdict.notes.cbegin(), run.verdict.notes.cend(),
            [&r](const RunNote &n) { return n.code == r.value; });
        break;
    case Reproduction::Kind::ConnectError:
        ok = run.client.errorMessage == r.value
            || (r.value == QLatin1String("timeout") && run.verdict.verdict == Verdict::Timeout);
        break;
    case Reproduction::Kind::WebSocketFailure:
        ok = r.status > 0
            ? run.client.webSocketStatus == r.status
            : run.client.webSocketStatus > 0 || !run.client.webSocketConsole.isEmpty();
        break;
    case Reproduction::Kind::ServerMessage: {
        ok = run.verdict.reason == r.value || run.client.serverMessage == r.value;
        const QByteArray needle = r.value.toUtf8();
        for (qsizetype i = 0; !ok && i < run.events.size(); ++i) {
            const TimelineEvent &ev = run.events.at(i);
            ok = ev.side == TimelineSide::Server && ev.raw.contains(needle);
        }
        break;
    }
    }
    if (detail) {
        QString extra;
        if (!run.client.errorMessage.isEmpty())
            extra += QStringLiteral(", connect_error \"%1\"").arg(run.client.errorMessage);
        if (run.client.webSocketStatus > 0)
            extra += QStringLiteral(", WebSocket handshake answered %1")
                         .arg(run.client.webSocketStatus);
        *detail = got + extra;
    }
    return ok;
}

QString Explanation::toText(const QString &lang) const
{
    const bool chinese = zh(lang);
    const QString language = chinese ? Chinese : English;
    QString out;
    if (!error.isEmpty())
        return error + u'\n';
    out += chinese ? QStringLiteral("识别出 %1 行").arg(lines.size())
                   : QStringLiteral("Recognised %1 line(s)").arg(lines.size());
    if (unrecognisedLines > 0)
        out += chinese
            ? QStringLiteral("（另有 %1 行未识别）").arg(unrecognisedLines)
            : QStringLiteral(" (%1 other line(s) not recognised)").arg(unrecognisedLines);
    out += QStringLiteral(":\n");
    for (const ExplainedLine &l : lines) {
        out += QStringLiteral("  %1: %2 · %3%4\n")
                   .arg(l.number)
                   .arg(sourceLabel(l.source, chinese), l.code,
                       l.language == English ? QString() : QStringLiteral(" (%1)").arg(l.language));
    }
    if (!errorCase)
        return out;
    const ErrorCase &c = *errorCase;
    const auto row = [&out](const QString &label, const QString &value) {
        if (!value.isEmpty())
            out += QStringLiteral("  %1: %2\n").arg(label, value);
    };
    out += chinese ? QStringLiteral("情况:\n") : QStringLiteral("Case:\n");
    row(chinese ? QStringLiteral("浏览器") : QStringLiteral("Browser"),
        browserName(c.browser)
            + (c.browserKnown
                    ? QString()
                    : (chinese ? QStringLiteral("（假定）") : QStringLiteral(" (assumed)"))));
    row(chinese ? QStringLiteral("原因") : QStringLiteral("Reason"), c.code);
    const auto explained = reasonExplanation(c, language);
    if (explained)
        out += QStringLiteral("    %1\n").arg(*explained);
    row(QStringLiteral("URL"), c.url);
    row(chinese ? QStringLiteral("重定向自") : QStringLiteral("Redirected from"), c.initialUrl);
    row(chinese ? QStringLiteral("页面的源") : QStringLiteral("Page origin"),
        c.pageOrigin
            + (c.pageOriginAssumed
                    ? (chinese ? QStringLiteral("（假定：消息中没有）")
                               : QStringLiteral(" (assumed: the message does not name it)"))
                    : QString()));
    row(chinese ? QStringLiteral("请求") : QStringLiteral("Request"),
        c.preflight
            ? (chinese ? QStringLiteral("预检（OPTIONS）") : QStringLiteral("preflight (OPTIONS)"))
            : c.method);
    if (c.code.contains(QLatin1String("AllowOrigin")) || !c.allowOrigin.isEmpty())
        row(QStringLiteral("Access-Control-Allow-Origin"),
            c.allowOrigin.isEmpty() ? QString() : QStringLiteral("'%1'").arg(c.allowOrigin));
    row(QStringLiteral("Access-Control-Allow-Credentials"),
        c.allowCredentials.isEmpty() ? QString() : QStringLiteral("'%1'").arg(c.allowCredentials));
    row(chinese ? QStringLiteral("请求头") : QStringLiteral("Header"), c.header);
    row(chinese ? QStringLiteral("无效令牌") : QStringLiteral("Invalid token"), c.token);
    row(chinese ? QStringLiteral("状态码") : QStringLiteral("Status"),
        c.status > 0 ? QString::number(c.status) : QString());
    row(chinese ? QStringLiteral("网络错误") : QStringLiteral("Net error"), c.netError);
    if (c.credentials)
        row(chinese ? QStringLiteral("凭据") : QStringLiteral("Credentials"),
            chinese ? QStringLiteral("withCredentials: true（凭据模式 'include'）")
                    : QStringLiteral("withCredentials: true (credentials mode 'include')"));
    row(QStringLiteral("connect_error"), c.connectError);
    row(chinese ? QStringLiteral("服务器消息") : QStringLiteral("Server message"), c.serverMessage);
    row(chinese ? QStringLiteral("同一情况的其他行") : QStringLiteral("Joined lines"),
        c.otherCodes.join(QStringLiteral(", ")));
    row(chinese ? QStringLiteral("粘贴中的其他原因") : QStringLiteral("Other reasons in the paste"),
        c.otherReasons.join(QStringLiteral(", ")));
    if (profile) {
        out += chinese ? QStringLiteral("再现用的配置:\n")
                       : QStringLiteral("Reproducing profile:\n");
        for (const QString &s : chinese ? setupZh : setupEn)
            out += QStringLiteral("  - %1\n").arg(s);
    } else {
        out += chinese
            ? QStringLiteral("无法用配置再现:\n  %1\n").arg(notReproducibleZh)
            : QStringLiteral("No profile can reproduce it:\n  %1\n").arg(notReproducibleEn);
    }
    return out;
}

QString Explanation::headline(const QString &lang) const
{
    if (!error.isEmpty() || !errorCase)
        return error;
    const bool chinese = zh(lang);
    const ErrorCase &c = *errorCase;
    QString out = sourceLabel(c.source, chinese) + QStringLiteral(" · ") + c.code;
    if (const auto explained = reasonExplanation(c, chinese ? Chinese : English))
        out += (chinese ? QStringLiteral("：") : QStringLiteral(": ")) + *explained;
    if (!profile)
        out += (chinese ? QStringLiteral(" 无法用配置再现：")
                        : QStringLiteral(" No profile can reproduce it: "))
            + (chinese ? notReproducibleZh : notReproducibleEn);
    return out;
}

QJsonObject Explanation::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QStringLiteral("corslab-explain"));
    o.insert(QStringLiteral("version"), 1);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    QJsonArray ls;
    for (const ExplainedLine &l : lines) {
        QJsonObject lo;
        lo.insert(QStringLiteral("line"), l.number);
        lo.insert(QStringLiteral("source"), explainedSourceName(l.source));
        lo.insert(QStringLiteral("code"), l.code);
        lo.insert(QStringLiteral("language"), l.language);
        QJsonObject params;
        for (auto it = l.params.cbegin(); it != l.params.cend(); ++it)
            params.insert(it.key(), it.value());
        lo.insert(QStringLiteral("params"), params);
        if (!l.arguments.isEmpty())
            lo.insert(QStringLiteral("arguments"), QJsonArray::fromStringList(l.arguments));
        lo.insert(QStringLiteral("text"), l.text);
        ls.append(lo);
    }
    o.insert(QStringLiteral("lines"), ls);
    o.insert(QStringLiteral("unrecognisedLines"), unrecognisedLines);
    if (errorCase) {
        const ErrorCase &c = *errorCase;
        QJsonObject co;
        co.insert(QStringLiteral("source"), explainedSourceName(c.source));
        co.insert(QStringLiteral("code"), c.code);
        co.insert(QStringLiteral("browser"), browserName(c.browser));
        co.insert(QStringLiteral("browserKnown"), c.browserKnown);
        co.insert(QStringLiteral("language"), c.language);
        const auto put = [&co](const char *key, const QString &value) {
            if (!value.isEmpty())
                co.insert(QString::fromLatin1(key), value);
        };
        put("url", c.url);
        put("initialUrl", c.initialUrl);
        co.insert(QStringLiteral("pageOrigin"), c.pageOrigin);
        co.insert(QStringLiteral("pageOriginAssumed"), c.pageOriginAssumed);
        put("allowOrigin", c.allowOrigin);
        put("allowCredentials", c.allowCredentials);
        put("header", c.header);
        put("method", c.method);
        put("token", c.token);
        if (c.status > 0)
            co.insert(QStringLiteral("status"), c.status);
        put("netError", c.netError);
        co.insert(QStringLiteral("preflight"), c.preflight);
        co.insert(QStringLiteral("credentials"), c.credentials);
        co.insert(QStringLiteral("warningOnly"), c.warningOnly);
        put("connectError", c.connectError);
        put("serverMessage", c.serverMessage);
        QJsonObject meaning;
        meaning.insert(QStringLiteral("en"), reasonExplanation(c, English).value_or(QString()));
        meaning.insert(QStringLiteral("zh-CN"), reasonExplanation(c, Chinese).value_or(QString()));
        co.insert(QStringLiteral("explanation"), meaning);
        co.insert(QStringLiteral("joinedCodes"), QJsonArray::fromStringList(c.otherCodes));
        co.insert(QStringLiteral("otherReasons"), QJsonArray::fromStringList(c.otherReasons));
        if (profile) {
            static const char *const kinds[]
                = {"reason", "warning", "connect-error", "websocket-failure", "server-message"};
            QJsonObject rep;
            rep.insert(QStringLiteral("kind"),
                QString::fromLatin1(kinds[static_cast<int>(c.reproduction.kind)]));
            rep.insert(QStringLiteral("value"), c.reproduction.value);
            if (c.reproduction.status > 0)
                rep.insert(QStringLiteral("status"), c.reproduction.status);
            co.insert(QStringLiteral("reproducedWhen"), rep);
        }
        o.insert(QStringLiteral("case"), co);
    }
    if (profile) {
        o.insert(QStringLiteral("profile"),
            QJsonDocument::fromJson(ProfileWriter::toJson(*profile)).object());
        QJsonObject setup;
        setup.insert(QStringLiteral("en"), QJsonArray::fromStringList(setupEn));
        setup.insert(QStringLiteral("zh-CN"), QJsonArray::fromStringList(setupZh));
        o.insert(QStringLiteral("setup"), setup);
    } else if (errorCase) {
        QJsonObject why;
        why.insert(QStringLiteral("en"), notReproducibleEn);
        why.insert(QStringLiteral("zh-CN"), notReproducibleZh);
        o.insert(QStringLiteral("notReproducible"), why);
    }
    return o;
}

} // namespace corslab
