// The profile: server options, client options, page origin and expectation, as plain value types.
#pragma once

#include "jsonnode.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace corslab {

// Members a file had that this version does not know; written back after the known ones.
using UnknownMembers = std::vector<JsonNode::Member>;

// JavaScript source of a user function, e.g. "(origin, callback) => callback(null, true)".
struct ScriptFunction {
    QString source;
    UnknownMembers unknown;
    friend bool operator==(const ScriptFunction &, const ScriptFunction &) = default;
};

// A JavaScript RegExp: /source/flags.
struct RegexPattern {
    QString source;
    QString flags;
    UnknownMembers unknown;
    friend bool operator==(const RegexPattern &, const RegexPattern &) = default;
};

// cors `methods`, `allowedHeaders`, `exposedHeaders`: the package sends a string verbatim and
// joins an array with ",", so which one the user wrote matters.
using StringOrList = std::variant<QString, QStringList>;
QString corsHeaderValue(const StringOrList &value);

using OriginEntry = std::variant<QString, RegexPattern>;

// cors `origin`: "*", a fixed string, true/false, a RegExp, a list, or a function.
using CorsOrigin = std::variant<bool, QString, RegexPattern, QList<OriginEntry>, ScriptFunction>;

// The npm `cors` package's options, with its defaults.
struct CorsOptions {
    static inline const QString DefaultMethods = QStringLiteral("GET,HEAD,PUT,PATCH,POST,DELETE");

    CorsOrigin origin = QStringLiteral("*");
    StringOrList methods = DefaultMethods;
    std::optional<StringOrList> allowedHeaders; // absent: reflect Access-Control-Request-Headers
    std::optional<StringOrList> exposedHeaders;
    bool credentials = false;
    std::optional<std::variant<qint64, QString>> maxAge;
    bool preflightContinue = false;
    int optionsSuccessStatus = 204;
    UnknownMembers unknown;
    friend bool operator==(const CorsOptions &, const CorsOptions &) = default;
};

// engine.io `cookie` given as an object (the `cookie` package's serialize options).
struct CookieOptions {
    std::optional<QString> name;
    std::optional<std::variant<bool, QString>> path; // false: no Path attribute
    std::optional<QString> domain;
    std::optional<bool> httpOnly;
    std::optional<bool> secure;
    std::optional<std::variant<bool, QString>> sameSite;
    std::optional<qint64> maxAge;
    std::optional<bool> partitioned;
    UnknownMembers unknown;
    friend bool operator==(const CookieOptions &, const CookieOptions &) = default;
};
using CookieSetting = std::variant<bool, CookieOptions>;

struct NamespaceConfig {
    QString name;
    std::optional<ScriptFunction> middleware;
    UnknownMembers unknown;
    friend bool operator==(const NamespaceConfig &, const NamespaceConfig &) = default;
};

// What a reverse proxy or load balancer in front of the server does (CorsLab's own option, not
// Socket.IO's): how CorsLab reproduces failures users meet behind nginx and load balancers.
struct ProxyHeader {
    enum class When { All, Preflight, Other };
    QString name;
    QString value;
    When on = When::All; // OPTIONS requests only, every other request, or both
    UnknownMembers unknown;
    friend bool operator==(const ProxyHeader &, const ProxyHeader &) = default;
};

struct ProxyRedirect {
    int status = 301;
    QString location;
    ProxyHeader::When on = ProxyHeader::When::All;
    UnknownMembers unknown;
    friend bool operator==(const ProxyRedirect &, const ProxyRedirect &) = default;
};

struct ProxyOptions {
    QList<ProxyHeader> addHeaders; // appended to the server's responses
    std::optional<ProxyRedirect> redirect; // answered instead of forwarding
    bool stripUpgrade = false; // Upgrade/Connection not passed on (no WebSocket)
    int instances = 1; // server instances behind the proxy (1 or more)
    bool stickyCookie = false; // route by the engine.io cookie ("sticky": "cookie")
    UnknownMembers unknown;
    friend bool operator==(const ProxyOptions &, const ProxyOptions &) = default;
};

// new Server(httpServer, {...}) — Socket.IO 4.8 / engine.io 6.6 defaults.
struct ServerOptions {
    QString host = QStringLiteral("127.0.0.1");
    int port = 0;
    QString path = QStringLiteral("/socket.io");
    bool addTrailingSlash = true;
    std::optional<CorsOptions> cors; // absent: no CORS headers at all
    std::optional<ScriptFunction> allowRequest;
    QStringList transports = {QStringLiteral("polling"), QStringLiteral("websocket")};
    bool allowUpgrades = true;
    qint64 pingInterval = 25000;
    qint64 pingTimeout = 20000;
    qint64 upgradeTimeout = 10000;
    qint64 maxHttpBufferSize = 1000000;
    qint64 connectTimeout = 45000;
    CookieSetting cookie = false;
    bool allowEIO3 = false;
    bool httpCompression = true;
    std::optional<JsonNode> initialPacket;
    QList<NamespaceConfig> namespaces;
    std::optional<ProxyOptions> proxy; // absent: clients talk to the server directly
    UnknownMembers unknown;
    friend bool operator==(const ServerOptions &, const ServerOptions &) = default;
};

enum class Browser { Chromium, Firefox, Node };

// io(url, {...}) — socket.io-client 4.8 defaults.
struct ClientConnectOptions {
    QString path = QStringLiteral("/socket.io");
    std::vector<std::pair<QString, QString>> query;
    std::optional<JsonNode> auth;
    bool withCredentials = false;
    std::vector<std::pair<QString, QString>> extraHeaders; // in insertion order, as sent
    QStringList transports
        = {QStringLiteral("polling"), QStringLiteral("websocket"), QStringLiteral("webtransport")};
    bool upgrade = true;
    bool rememberUpgrade = false;
    qint64 timeout = 20000;
    bool forceBase64 = false;
    UnknownMembers unknown;
    friend bool operator==(const ClientConnectOptions &, const ClientConnectOptions &) = default;
};

// One socket.emit(event, ...args[, ack]) done once connected.
struct EmitStep {
    QString event;
    std::vector<JsonNode> args;
    bool ack = false;
    UnknownMembers unknown;
    friend bool operator==(const EmitStep &, const EmitStep &) = default;
};

struct ClientOptions {
    static inline const QString EmbeddedUrl = QStringLiteral("embedded");
    static inline const QString SameOrigin = QStringLiteral("same-origin");

    QString pageOrigin;
    QString url = EmbeddedUrl;
    QString namespaceName = QStringLiteral("/");
    Browser browser = Browser::Chromium;
    ClientConnectOptions options;
    QList<EmitStep> emitSteps; // "emit" in the file
    UnknownMembers unknown;
    friend bool operator==(const ClientOptions &, const ClientOptions &) = default;
};

enum class Verdict { Connected, Blocked, Refused, NetworkError, Timeout };

struct Expectation {
    Verdict verdict = Verdict::Connected;
    QString reason; // empty: any reason
    UnknownMembers unknown;
    friend bool operator==(const Expectation &, const Expectation &) = default;
};

struct Profile {
    static constexpr int FormatVersion = 1;
    static inline const QString FormatName = QStringLiteral("corslab-profile");

    QString schema; // "$schema", kept for editors
    QString name;
    QString description;
    ServerOptions server;
    ClientOptions client;
    std::optional<Expectation> expect;
    UnknownMembers unknown;
    friend bool operator==(const Profile &, const Profile &) = default;

    // True when any user function would run (the GUI asks before running such a file).
    bool containsFunctions() const;
};

QString browserName(Browser browser);
std::optional<Browser> browserFromName(QStringView name);
QString verdictName(Verdict verdict);
std::optional<Verdict> verdictFromName(QStringView name);
QStringList verdictNames();

} // namespace corslab
