// CodeWriter: profile values become a small JavaScript value tree, printed with Prettier-like
// layout (2 spaces, objects one member a line in server code, short arrays inline); the diff is
// an LCS over lines printed in GNU diff's unified format.
#include "codewriter.h"

#include <QRegularExpression>

#include <vector>

using namespace Qt::StringLiterals;

namespace corslab {

namespace {

constexpr int Width = 80;

// JavaScript source of one value: a leaf already written, an array, or an object.
struct JsValue {
    enum class Kind { Raw, Array, Object };
    Kind kind = Kind::Raw;
    QString raw;
    std::vector<JsValue> items;
    // Keys and values side by side: a std::pair holding the incomplete JsValue does not compile
    // with clang's libstdc++ checks.
    std::vector<QString> keys;
    std::vector<JsValue> values;

    static JsValue leaf(const QString &source) { return {Kind::Raw, source, {}, {}, {}}; }
    static JsValue array() { return {Kind::Array, {}, {}, {}, {}}; }
    static JsValue object() { return {Kind::Object, {}, {}, {}, {}}; }
    void add(const QString &key, JsValue value)
    {
        keys.push_back(key);
        values.push_back(std::move(value));
    }
    bool isEmpty() const { return items.empty() && keys.empty(); }
};

JsValue str(const QString &text)
{
    return JsValue::leaf(CodeWriter::stringLiteral(text));
}

JsValue boolean(bool value)
{
    return JsValue::leaf(value ? u"true"_s : u"false"_s);
}

JsValue number(double value)
{
    return JsValue::leaf(QString::fromLatin1(JsonWriter::formatNumber(value)));
}

JsValue strings(const QStringList &list)
{
    JsValue out = JsValue::array();
    for (const QString &s : list)
        out.items.push_back(str(s));
    return out;
}

JsValue stringOrList(const StringOrList &value)
{
    if (const auto *list = std::get_if<QStringList>(&value))
        return strings(*list);
    return str(std::get<QString>(value));
}

JsValue fromJson(const JsonNode &node)
{
    switch (node.type()) {
    case JsonNode::Type::Null:
        return JsValue::leaf(u"null"_s);
    case JsonNode::Type::Bool:
        return boolean(node.toBool());
    case JsonNode::Type::Number:
        return number(node.toDouble());
    case JsonNode::Type::String:
        return str(node.toString());
    case JsonNode::Type::Array: {
        JsValue out = JsValue::array();
        for (const JsonNode &item : node.items())
            out.items.push_back(fromJson(item));
        return out;
    }
    case JsonNode::Type::Object:
        break;
    }
    JsValue out = JsValue::object();
    for (const JsonNode::Member &m : node.members())
        out.add(m.key, fromJson(m.value));
    return out;
}

void addUnknown(JsValue &object, const UnknownMembers &unknown)
{
    for (const JsonNode::Member &m : unknown)
        object.add(m.key, fromJson(m.value));
}

JsValue function(const ScriptFunction &fn)
{
    return JsValue::leaf(fn.source.trimmed());
}

JsValue regex(const RegexPattern &re)
{
    return JsValue::leaf(CodeWriter::regexLiteral(re.source, re.flags));
}

QString key(const QString &name)
{
    static const QRegularExpression identifier(u"^[A-Za-z_$][A-Za-z0-9_$]*$"_s);
    return identifier.match(name).hasMatch() ? name : CodeWriter::stringLiteral(name);
}

// The one-line form, or an empty string when the value cannot be written on one line.
QString inlineForm(const JsValue &v, bool inlineObjects)
{
    switch (v.kind) {
    case JsValue::Kind::Raw:
        return v.raw.contains(u'\n') ? QString() : v.raw;
    case JsValue::Kind::Array: {
        QStringList parts;
        for (const JsValue &item : v.items) {
            const QString part = inlineForm(item, inlineObjects);
            if (part.isEmpty())
                return {};
            parts << part;
        }
        return u"["_s + parts.join(u", "_s) + u"]"_s;
    }
    case JsValue::Kind::Object:
        break;
    }
    if (v.keys.empty())
        return u"{}"_s;
    if (!inlineObjects)
        return {};
    QStringList parts;
    for (size_t i = 0; i < v.keys.size(); ++i) {
        const QString &name = v.keys[i];
        const JsValue &value = v.values[i];
        const QString part = inlineForm(value, inlineObjects);
        if (part.isEmpty())
            return {};
        parts << key(name) + u": "_s + part;
    }
    return u"{ "_s + parts.join(u", "_s) + u" }"_s;
}

// column: where the value starts on its line (for the width check).
QString format(const JsValue &v, int indent, int column, bool inlineObjects)
{
    const QString one = inlineForm(v, inlineObjects);
    if (!one.isEmpty() && (v.kind == JsValue::Kind::Raw || column + one.size() <= Width))
        return one;
    if (v.kind == JsValue::Kind::Raw)
        return v.raw;
    const QString inner(indent + 2, u' ');
    QStringList lines;
    if (v.kind == JsValue::Kind::Array) {
        for (const JsValue &item : v.items)
            lines << inner + format(item, indent + 2, indent + 2, inlineObjects);
        return u"[\n"_s + lines.join(u",\n"_s) + u"\n"_s + QString(indent, u' ') + u"]"_s;
    }
    for (size_t i = 0; i < v.keys.size(); ++i) {
        const QString &name = v.keys[i];
        const JsValue &value = v.values[i];
        const QString head = inner + key(name) + u": "_s;
        lines << head + format(value, indent + 2, int(head.size()), inlineObjects);
    }
    return u"{\n"_s + lines.join(u",\n"_s) + u"\n"_s + QString(indent, u' ') + u"}"_s;
}

JsValue origin(const CorsOrigin &value)
{
    return std::visit(
        [](const auto &v) -> JsValue {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                return boolean(v);
            } else if constexpr (std::is_same_v<T, QString>) {
                return str(v);
            } else if constexpr (std::is_same_v<T, RegexPattern>) {
                return regex(v);
            } else if constexpr (std::is_same_v<T, ScriptFunction>) {
                return function(v);
            } else {
                JsValue out = JsValue::array();
                for (const OriginEntry &entry : v) {
                    if (const auto *s = std::get_if<QString>(&entry))
                        out.items.push_back(str(*s));
                    else
                        out.items.push_back(regex(std::get<RegexPattern>(entry)));
                }
                return out;
            }
        },
        value);
}

template<typename... Ts>
JsValue boolOrString(const std::variant<Ts...> &value)
{
    if (const auto *b = std::get_if<bool>(&value))
        return boolean(*b);
    return str(std::get<QString>(value));
}

JsValue cors(const CorsOptions &c)
{
    const CorsOptions d;
    JsValue out = JsValue::object();
    if (!(c.origin == d.origin))
        out.add(u"origin"_s, origin(c.origin));
    if (!(c.methods == d.methods))
        out.add(u"methods"_s, stringOrList(c.methods));
    if (c.allowedHeaders)
        out.add(u"allowedHeaders"_s, stringOrList(*c.allowedHeaders));
    if (c.exposedHeaders)
        out.add(u"exposedHeaders"_s, stringOrList(*c.exposedHeaders));
    if (c.credentials != d.credentials)
        out.add(u"credentials"_s, boolean(c.credentials));
    if (c.maxAge) {
        if (const auto *n = std::get_if<qint64>(&*c.maxAge))
            out.add(u"maxAge"_s, number(double(*n)));
        else
            out.add(u"maxAge"_s, str(std::get<QString>(*c.maxAge)));
    }
    if (c.preflightContinue != d.preflightContinue)
        out.add(u"preflightContinue"_s, boolean(c.preflightContinue));
    if (c.optionsSuccessStatus != d.optionsSuccessStatus)
        out.add(u"optionsSuccessStatus"_s, number(c.optionsSuccessStatus));
    addUnknown(out, c.unknown);
    return out;
}

JsValue cookie(const CookieSetting &setting)
{
    if (const auto *enabled = std::get_if<bool>(&setting))
        return boolean(*enabled);
    const CookieOptions &c = std::get<CookieOptions>(setting);
    JsValue out = JsValue::object();
    if (c.name)
        out.add(u"name"_s, str(*c.name));
    if (c.path)
        out.add(u"path"_s, boolOrString(*c.path));
    if (c.domain)
        out.add(u"domain"_s, str(*c.domain));
    if (c.httpOnly)
        out.add(u"httpOnly"_s, boolean(*c.httpOnly));
    if (c.secure)
        out.add(u"secure"_s, boolean(*c.secure));
    if (c.sameSite)
        out.add(u"sameSite"_s, boolOrString(*c.sameSite));
    if (c.maxAge)
        out.add(u"maxAge"_s, number(double(*c.maxAge)));
    if (c.partitioned)
        out.add(u"partitioned"_s, boolean(*c.partitioned));
    addUnknown(out, c.unknown);
    return out;
}

// new Server(httpServer, {...}): Socket.IO's own options only (host, port, namespaces and the
// proxy are not options).
JsValue serverOptions(const ServerOptions &s)
{
    const ServerOptions d;
    JsValue out = JsValue::object();
    if (s.path != d.path)
        out.add(u"path"_s, str(s.path));
    if (s.addTrailingSlash != d.addTrailingSlash)
        out.add(u"addTrailingSlash"_s, boolean(s.addTrailingSlash));
    if (s.cors)
        out.add(u"cors"_s, cors(*s.cors));
    if (s.allowRequest)
        out.add(u"allowRequest"_s, function(*s.allowRequest));
    if (s.transports != d.transports)
        out.add(u"transports"_s, strings(s.transports));
    if (s.allowUpgrades != d.allowUpgrades)
        out.add(u"allowUpgrades"_s, boolean(s.allowUpgrades));
    const std::pair<QString, std::pair<qint64, qint64>> numbers[] = {
        {u"pingInterval"_s, {s.pingInterval, d.pingInterval}},
        {u"pingTimeout"_s, {s.pingTimeout, d.pingTimeout}},
        {u"upgradeTimeout"_s, {s.upgradeTimeout, d.upgradeTimeout}},
        {u"maxHttpBufferSize"_s, {s.maxHttpBufferSize, d.maxHttpBufferSize}},
        {u"connectTimeout"_s, {s.connectTimeout, d.connectTimeout}},
    };
    for (const auto &[name, values] : numbers) {
        if (values.first != values.second)
            out.add(name, number(double(values.first)));
    }
    if (!(s.cookie == d.cookie))
        out.add(u"cookie"_s, cookie(s.cookie));
    if (s.allowEIO3 != d.allowEIO3)
        out.add(u"allowEIO3"_s, boolean(s.allowEIO3));
    if (s.httpCompression != d.httpCompression)
        out.add(u"httpCompression"_s, boolean(s.httpCompression));
    if (s.initialPacket)
        out.add(u"initialPacket"_s, fromJson(*s.initialPacket));
    addUnknown(out, s.unknown);
    return out;
}

JsValue clientOptions(const ClientConnectOptions &o)
{
    const ClientConnectOptions d;
    JsValue out = JsValue::object();
    if (o.path != d.path)
        out.add(u"path"_s, str(o.path));
    if (!o.query.empty()) {
        JsValue query = JsValue::object();
        for (const auto &[name, value] : o.query)
            query.add(name, str(value));
        out.add(u"query"_s, query);
    }
    if (o.auth)
        out.add(u"auth"_s, fromJson(*o.auth));
    if (o.withCredentials != d.withCredentials)
        out.add(u"withCredentials"_s, boolean(o.withCredentials));
    if (!o.extraHeaders.empty()) {
        JsValue headers = JsValue::object();
        for (const auto &[name, value] : o.extraHeaders)
            headers.add(name, str(value));
        out.add(u"extraHeaders"_s, headers);
    }
    if (o.transports != d.transports)
        out.add(u"transports"_s, strings(o.transports));
    if (o.upgrade != d.upgrade)
        out.add(u"upgrade"_s, boolean(o.upgrade));
    if (o.rememberUpgrade != d.rememberUpgrade)
        out.add(u"rememberUpgrade"_s, boolean(o.rememberUpgrade));
    if (o.timeout != d.timeout)
        out.add(u"timeout"_s, number(double(o.timeout)));
    if (o.forceBase64 != d.forceBase64)
        out.add(u"forceBase64"_s, boolean(o.forceBase64));
    addUnknown(out, o.unknown);
    return out;
}

QString whenText(ProxyHeader::When when, const QString &all)
{
    switch (when) {
    case ProxyHeader::When::Preflight:
        return u"preflight (OPTIONS) responses"_s;
    case ProxyHeader::When::Other:
        return u"every response but preflights"_s;
    case ProxyHeader::When::All:
        break;
    }
    return all;
}

QStringList proxyComment(const ProxyOptions &proxy)
{
    QStringList lines = {u"// Not server code: a reverse proxy in front of this server that"_s};
    const qsizetype before = lines.size();
    for (const ProxyHeader &h : proxy.addHeaders)
        lines << u"//   adds \""_s + h.name + u": "_s + h.value + u"\" to "_s
                + whenText(h.on, u"every response"_s);
    if (proxy.redirect) {
        QString line = u"//   answers "_s + QString::number(proxy.redirect->status)
            + u" redirecting to "_s + proxy.redirect->location;
        if (proxy.redirect->on != ProxyHeader::When::All)
            line += u" (on "_s + whenText(proxy.redirect->on, {}) + u")"_s;
        lines << line;
    }
    if (proxy.stripUpgrade)
        lines << u"//   does not pass Upgrade and Connection on (no WebSocket)"_s;
    if (proxy.instances > 1)
        lines << u"//   spreads requests round-robin over "_s + QString::number(proxy.instances)
                + u" instances of it, "_s
                + (proxy.stickyCookie ? u"sticky by the engine.io cookie"_s
                                      : u"without sticky sessions"_s);
    if (lines.size() == before)
        lines << u"//   passes requests on unchanged"_s;
    return lines;
}

QString importLine(CodeStyle style, const QString &names, const QString &module)
{
    if (style == CodeStyle::CommonJs)
        return u"const "_s + names + u" = require("_s + CodeWriter::stringLiteral(module) + u");"_s;
    return u"import "_s + names + u" from "_s + CodeWriter::stringLiteral(module) + u";"_s;
}

// One line of a text, with its line end ("\n", or none for an unterminated last line).
using Lines = QStringList;

Lines splitLines(const QString &text)
{
    Lines out;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(u'\n', start);
        if (end < 0) {
            out << text.mid(start);
            break;
        }
        out << text.mid(start, end - start + 1);
        start = end + 1;
    }
    return out;
}

QString range(qsizetype start, qsizetype count)
{
    // GNU diff: "l" for one line, "l,n" otherwise; an empty range names the line before it.
    if (count == 1)
        return QString::number(start + 1);
    return QString::number(count == 0 ? start : start + 1) + u',' + QString::number(count);
}

} // namespace

QString CodeWriter::stringLiteral(const QString &text)
{
    QByteArray out;
    JsonWriter::appendQuoted(out, text);
    QString literal = QString::fromUtf8(out);
    // JSON allows the two line separators raw; old JavaScript engines do not.
    literal.replace(QChar(0x2028), u"\\u2028"_s);
    literal.replace(QChar(0x2029), u"\\u2029"_s);
    return literal;
}

QString CodeWriter::regexLiteral(const QString &source, const QString &flags)
{
    if (source.isEmpty())
        return u"/(?:)/"_s + flags;
    QString out;
    bool inClass = false;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        if (c == u'\\' && i + 1 < source.size()) {
            out += c;
            out += source.at(++i);
            continue;
        }
        if (c == u'\n') {
            out += u"\\n"_s;
            continue;
        }
        if (c == u'\r') {
            out += u"\\r"_s;
            continue;
        }
        if (c == u'[')
            inClass = true;
        else if (c == u']')
            inClass = false;
        else if (c == u'/' && !inClass)
            out += u'\\';
        out += c;
    }
    return u'/' + out + u'/' + flags;
}

int CodeWriter::listenPort(const Profile &profile)
{
    if (profile.server.port != 0)
        return profile.server.port;
    // A page on localhost:3000 is the usual dev server; keep the exported server off its port.
    return profile.client.pageOrigin.endsWith(u":3000"_s) ? 3001 : 3000;
}

QString CodeWriter::serverOptionsLiteral(const Profile &profile)
{
    const JsValue options = serverOptions(profile.server);
    return options.isEmpty() ? QString() : format(options, 0, 0, false);
}

QString CodeWriter::clientOptionsLiteral(const Profile &profile)
{
    const JsValue options = clientOptions(profile.client.options);
    return options.isEmpty() ? QString() : format(options, 0, 0, true);
}

QString CodeWriter::serverCode(const Profile &profile, CodeStyle style)
{
    const ServerOptions &s = profile.server;
    QStringList lines = {importLine(style, u"{ createServer }"_s, u"node:http"_s),
        importLine(style, u"{ Server }"_s, u"socket.io"_s), QString()};
    if (s.proxy)
        lines << proxyComment(*s.proxy) << QString();
    lines << u"const httpServer = createServer();"_s;
    const QString options = serverOptionsLiteral(profile);
    if (options.isEmpty())
        lines << u"const io = new Server(httpServer);"_s;
    else
        lines << u"const io = new Server(httpServer, "_s + options + u");"_s;
    lines << QString()
          << u"// What CorsLab's server answers: the auth it received, \"message\" echoed as"_s
          << u"// \"message-back\", acknowledgements with their own arguments."_s
          << u"const onConnection = (socket) => {"_s
          << u"  socket.emit(\"auth\", socket.handshake.auth);"_s
          << u"  socket.on(\"message\", (...args) => socket.emit(\"message-back\", ...args));"_s
          << u"  socket.onAny((event, ...args) => {"_s
          << u"    const ack = args[args.length - 1];"_s
          << u"    if (typeof ack === \"function\") ack(...args.slice(0, -1));"_s << u"  });"_s
          << u"};"_s << QString();
    // Middleware of the main namespace goes on io itself; other namespaces get the application.
    for (const NamespaceConfig &ns : s.namespaces) {
        if (ns.name == u"/"_s && ns.middleware)
            lines << u"io.use("_s + ns.middleware->source.trimmed() + u");"_s;
    }
    lines << u"io.on(\"connection\", onConnection);"_s;
    for (const NamespaceConfig &ns : s.namespaces) {
        if (ns.name == u"/"_s)
            continue;
        QString line = u"io.of("_s + stringLiteral(ns.name) + u")"_s;
        if (ns.middleware)
            line += u".use("_s + ns.middleware->source.trimmed() + u")"_s;
        lines << line + u".on(\"connection\", onConnection);"_s;
    }
    lines << QString() << u"httpServer.listen("_s + QString::number(listenPort(profile)) + u");"_s;
    return lines.join(u'\n') + u'\n';
}

QString CodeWriter::clientCode(const Profile &profile, CodeStyle style)
{
    const ClientOptions &c = profile.client;
    QStringList lines = {importLine(style, u"{ io }"_s, u"socket.io-client"_s), QString()};
    const bool sameOrigin = c.pageOrigin == ClientOptions::SameOrigin;
    if (sameOrigin)
        lines << u"// The page is served by the Socket.IO server itself (same origin)."_s;
    else
        lines << u"// The page's origin: "_s + c.pageOrigin;

    QString url;
    if (c.url == ClientOptions::EmbeddedUrl)
        url = sameOrigin ? QString()
                         : u"http://localhost:"_s + QString::number(listenPort(profile));
    else
        url = c.url;
    if (c.namespaceName != u"/"_s) {
        if (url.endsWith(u'/'))
            url.chop(1);
        url += c.namespaceName;
    }
    QStringList arguments;
    if (!url.isEmpty())
        arguments << stringLiteral(url);
    const JsValue options = clientOptions(c.options);
    const QString head = u"const socket = io("_s;
    if (!options.isEmpty()) {
        const int column = int(head.size() + (url.isEmpty() ? 0 : stringLiteral(url).size() + 2));
        arguments << format(options, 0, column, true);
    }
    lines << head + arguments.join(u", "_s) + u");"_s << QString();

    lines << u"socket.on(\"connect\", () => {"_s;
    lines << u"  console.log(\"connected\", socket.id);"_s;
    for (const EmitStep &step : c.emitSteps) {
        QStringList args = {stringLiteral(step.event)};
        for (const JsonNode &arg : step.args)
            args << format(fromJson(arg), 2, 2, true);
        if (step.ack)
            args << u"(...response) => console.log(\"ack\", ...response)"_s;
        lines << u"  socket.emit("_s + args.join(u", "_s) + u");"_s;
    }
    lines << u"});"_s;
    lines << u"socket.on(\"connect_error\", (err) => {"_s
          << u"  console.log(err.message, err.description);"_s << u"});"_s;
    return lines.join(u'\n') + u'\n';
}

QString CodeWriter::unifiedDiff(const QString &before, const QString &after, const QString &label)
{
    const Lines a = splitLines(before);
    const Lines b = splitLines(after);
    if (a == b)
        return {};
    const qsizetype n = a.size();
    const qsizetype m = b.size();

    // Longest common subsequence lengths of every pair of suffixes.
    std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
    const auto at = [m](qsizetype i, qsizetype j) { return size_t(i * (m + 1) + j); };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[at(i, j)] = a.at(i) == b.at(j) ? lcs[at(i + 1, j + 1)] + 1
                                               : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
    }
    enum class Op { Same, Removed, Added };
    struct Step {
        Op op;
        qsizetype ai; // index in a before this step
        qsizetype bi;
    };
    std::vector<Step> steps;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j))
            steps.push_back({Op::Same, i++, j++});
        else if (i < n && (j == m || lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]))
            steps.push_back({Op::Removed, i++, j}); // removals first, as diff prints them
        else
            steps.push_back({Op::Added, i, j++});
    }

    constexpr qsizetype Context = 3;
    QString out = u"--- a/"_s + label + u"\n+++ b/"_s + label + u'\n';
    const qsizetype total = qsizetype(steps.size());
    qsizetype k = 0;
    while (k < total) {
        if (steps[size_t(k)].op == Op::Same) {
            ++k;
            continue;
        }
        // A hunk: context before, changes joined while fewer than 2 * Context lines separate
        // them, context after.
        const qsizetype first = std::max<qsizetype>(0, k - Context);
        qsizetype last = k; // last changed step
        qsizetype scan = k + 1;
        while (scan < total) {
            if (steps[size_t(scan)].op != Op::Same) {
                last = scan;
            } else if (scan - last > 2 * Context) {
                break;
            }
            ++scan;
        }
        const qsizetype end = std::min(total, last + Context + 1);
        qsizetype aCount = 0;
        qsizetype bCount = 0;
        QString body;
        for (qsizetype s = first; s < end; ++s) {
            const Step &step = steps[size_t(s)];
            QString line;
            if (step.op == Op::Same) {
                line = u' ' + a.at(step.ai);
                ++aCount;
                ++bCount;
            } else if (step.op == Op::Removed) {
                line = u'-' + a.at(step.ai);
                ++aCount;
            } else {
                line = u'+' + b.at(step.bi);
                ++bCount;
            }
            if (!line.endsWith(u'\n'))
                line += u"\n\\ No newline at end of file\n"_s;
            body += line;
        }
        const Step &start = steps[size_t(first)];
        out += u"@@ -"_s + range(start.ai, aCount) + u" +"_s + range(start.bi, bCount) + u" @@\n"_s
            + body;
        k = end;
    }
    return out;
}

} // namespace corslab
