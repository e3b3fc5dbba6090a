// Profile → canonical JSON. Key order here is the format's key order (docs/profile-format.md).
#include "profilewriter.h"

namespace corslab {

namespace {

// Builds one JSON object member by member, leaving out values equal to their defaults.
class ObjectBuilder {
public:
    void add(const QString &key, JsonNode value) { m_node.insert(key, std::move(value)); }
    void add(const QString &key, const QString &value) { add(key, JsonNode::fromString(value)); }
    void add(const QString &key, bool value) { add(key, JsonNode::fromBool(value)); }
    void add(const QString &key, qint64 value)
    {
        add(key, JsonNode::fromNumber(static_cast<double>(value)));
    }

    template<typename T>
    void addUnlessDefault(const QString &key, const T &value, const T &defaultValue)
    {
        if (!(value == defaultValue))
            add(key, value);
    }
    void addUnlessEmpty(const QString &key, const QString &value)
    {
        if (!value.isEmpty())
            add(key, value);
    }
    void addUnknown(const UnknownMembers &unknown)
    {
        for (const JsonNode::Member &m : unknown)
            m_node.insert(m.key, m.value);
    }
    bool isEmpty() const { return m_node.members().empty(); }
    JsonNode take() { return std::move(m_node); }

private:
    JsonNode m_node = JsonNode::makeObject();
};

JsonNode stringList(const QStringList &list)
{
    JsonNode array = JsonNode::makeArray();
    for (const QString &s : list)
        array.append(JsonNode::fromString(s));
    return array;
}

JsonNode stringOrList(const StringOrList &value)
{
    if (const auto *list = std::get_if<QStringList>(&value))
        return stringList(*list);
    return JsonNode::fromString(std::get<QString>(value));
}

JsonNode stringMap(const std::vector<std::pair<QString, QString>> &map)
{
    JsonNode object = JsonNode::makeObject();
    for (const auto &[key, value] : map)
        object.insert(key, JsonNode::fromString(value));
    return object;
}

JsonNode function(const ScriptFunction &fn)
{
    ObjectBuilder b;
    b.add(QStringLiteral("function"), fn.source);
    b.addUnknown(fn.unknown);
    return b.take();
}

JsonNode regex(const RegexPattern &re)
{
    ObjectBuilder b;
    b.add(QStringLiteral("regex"), re.source);
    b.addUnlessEmpty(QStringLiteral("flags"), re.flags);
    b.addUnknown(re.unknown);
    return b.take();
}

JsonNode origin(const CorsOrigin &value)
{
    return std::visit(
        [](const auto &v) -> JsonNode {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                return JsonNode::fromBool(v);
            } else if constexpr (std::is_same_v<T, QString>) {
                return JsonNode::fromString(v);
            } else if constexpr (std::is_same_v<T, RegexPattern>) {
                return regex(v);
            } else if constexpr (std::is_same_v<T, ScriptFunction>) {
                return function(v);
            } else {
                JsonNode array = JsonNode::makeArray();
                for (const OriginEntry &entry : v) {
                    if (const auto *s = std::get_if<QString>(&entry))
                        array.append(JsonNode::fromString(*s));
                    else
                        array.append(regex(std::get<RegexPattern>(entry)));
                }
                return array;
            }
        },
        value);
}

template<typename... Ts>
JsonNode boolOrString(const std::variant<Ts...> &value)
{
    if (const auto *b = std::get_if<bool>(&value))
        return JsonNode::fromBool(*b);
    return JsonNode::fromString(std::get<QString>(value));
}

JsonNode cors(const CorsOptions &c)
{
    const CorsOptions defaults;
    ObjectBuilder b;
    if (!(c.origin == defaults.origin))
        b.add(QStringLiteral("origin"), origin(c.origin));
    if (!(c.methods == defaults.methods))
        b.add(QStringLiteral("methods"), stringOrList(c.methods));
    if (c.allowedHeaders)
        b.add(QStringLiteral("allowedHeaders"), stringOrList(*c.allowedHeaders));
    if (c.exposedHeaders)
        b.add(QStringLiteral("exposedHeaders"), stringOrList(*c.exposedHeaders));
    b.addUnlessDefault(QStringLiteral("credentials"), c.credentials, defaults.credentials);
    if (c.maxAge) {
        if (const auto *n = std::get_if<qint64>(&*c.maxAge))
            b.add(QStringLiteral("maxAge"), *n);
        else
            b.add(QStringLiteral("maxAge"), std::get<QString>(*c.maxAge));
    }
    b.addUnlessDefault(
        QStringLiteral("preflightContinue"), c.preflightContinue, defaults.preflightContinue);
    b.addUnlessDefault(QStringLiteral("optionsSuccessStatus"), qint64(c.optionsSuccessStatus),
        qint64(defaults.optionsSuccessStatus));
    b.addUnknown(c.unknown);
    return b.take();
}

JsonNode cookie(const CookieSetting &setting)
{
    if (const auto *enabled = std::get_if<bool>(&setting))
        return JsonNode::fromBool(*enabled);
    const CookieOptions &c = std::get<CookieOptions>(setting);
    ObjectBuilder b;
    if (c.name)
        b.add(QStringLiteral("name"), *c.name);
    if (c.path)
        b.add(QStringLiteral("path"), boolOrString(*c.path));
    if (c.domain)
        b.add(QStringLiteral("domain"), *c.domain);
    if (c.httpOnly)
        b.add(QStringLiteral("httpOnly"), *c.httpOnly);
    if (c.secure)
        b.add(QStringLiteral("secure"), *c.secure);
    if (c.sameSite)
        b.add(QStringLiteral("sameSite"), boolOrString(*c.sameSite));
    if (c.maxAge)
        b.add(QStringLiteral("maxAge"), *c.maxAge);
    if (c.partitioned)
        b.add(QStringLiteral("partitioned"), *c.partitioned);
    b.addUnknown(c.unknown);
    return b.take();
}

QString whenName(ProxyHeader::When when)
{
    switch (when) {
    case ProxyHeader::When::Preflight:
        return QStringLiteral("preflight");
    case ProxyHeader::When::Other:
        return QStringLiteral("other");
    case ProxyHeader::When::All:
        break;
    }
    return QStringLiteral("all");
}

JsonNode proxy(const ProxyOptions &p)
{
    const ProxyOptions d;
    ObjectBuilder b;
    if (!p.addHeaders.isEmpty()) {
        JsonNode array = JsonNode::makeArray();
        for (const ProxyHeader &h : p.addHeaders) {
            ObjectBuilder hb;
            hb.add(QStringLiteral("name"), h.name);
            hb.add(QStringLiteral("value"), h.value);
            if (h.on != ProxyHeader::When::All)
                hb.add(QStringLiteral("on"), whenName(h.on));
            hb.addUnknown(h.unknown);
            array.append(hb.take());
        }
        b.add(QStringLiteral("addHeaders"), array);
    }
    if (p.redirect) {
        ObjectBuilder rb;
        rb.addUnlessDefault(QStringLiteral("status"), qint64(p.redirect->status), qint64(301));
        rb.add(QStringLiteral("location"), p.redirect->location);
        if (p.redirect->on != ProxyHeader::When::All)
            rb.add(QStringLiteral("on"), whenName(p.redirect->on));
        rb.addUnknown(p.redirect->unknown);
        b.add(QStringLiteral("redirect"), rb.take());
    }
    b.addUnlessDefault(QStringLiteral("stripUpgrade"), p.stripUpgrade, d.stripUpgrade);
    b.addUnlessDefault(QStringLiteral("instances"), qint64(p.instances), qint64(d.instances));
    if (p.stickyCookie)
        b.add(QStringLiteral("sticky"), QStringLiteral("cookie"));
    b.addUnknown(p.unknown);
    return b.take();
}

JsonNode server(const ServerOptions &s)
{
    const ServerOptions d;
    ObjectBuilder b;
    b.addUnlessDefault(QStringLiteral("host"), s.host, d.host);
    b.addUnlessDefault(QStringLiteral("port"), qint64(s.port), qint64(d.port));
    b.addUnlessDefault(QStringLiteral("path"), s.path, d.path);
    b.addUnlessDefault(QStringLiteral("addTrailingSlash"), s.addTrailingSlash, d.addTrailingSlash);
    if (s.cors)
        b.add(QStringLiteral("cors"), cors(*s.cors));
    if (s.allowRequest)
        b.add(QStringLiteral("allowRequest"), function(*s.allowRequest));
    if (s.transports != d.transports)
        b.add(QStringLiteral("transports"), stringList(s.transports));
    b.addUnlessDefault(QStringLiteral("allowUpgrades"), s.allowUpgrades, d.allowUpgrades);
    b.addUnlessDefault(QStringLiteral("pingInterval"), s.pingInterval, d.pingInterval);
    b.addUnlessDefault(QStringLiteral("pingTimeout"), s.pingTimeout, d.pingTimeout);
    b.addUnlessDefault(QStringLiteral("upgradeTimeout"), s.upgradeTimeout, d.upgradeTimeout);
    b.addUnlessDefault(
        QStringLiteral("maxHttpBufferSize"), s.maxHttpBufferSize, d.maxHttpBufferSize);
    b.addUnlessDefault(QStringLiteral("connectTimeout"), s.connectTimeout, d.connectTimeout);
    if (!(s.cookie == d.cookie))
        b.add(QStringLiteral("cookie"), cookie(s.cookie));
    b.addUnlessDefault(QStringLiteral("allowEIO3"), s.allowEIO3, d.allowEIO3);
    b.addUnlessDefault(QStringLiteral("httpCompression"), s.httpCompression, d.httpCompression);
    if (s.initialPacket)
        b.add(QStringLiteral("initialPacket"), *s.initialPacket);
    if (!s.namespaces.isEmpty()) {
        JsonNode array = JsonNode::makeArray();
        for (const NamespaceConfig &ns : s.namespaces) {
            ObjectBuilder nb;
            nb.add(QStringLiteral("name"), ns.name);
            if (ns.middleware)
                nb.add(QStringLiteral("middleware"), function(*ns.middleware));
            nb.addUnknown(ns.unknown);
            array.append(nb.take());
        }
        b.add(QStringLiteral("namespaces"), array);
    }
    if (s.proxy)
        b.add(QStringLiteral("proxy"), proxy(*s.proxy));
    b.addUnknown(s.unknown);
    return b.take();
}

JsonNode clientOptions(const ClientConnectOptions &o)
{
    const ClientConnectOptions d;
    ObjectBuilder b;
    b.addUnlessDefault(QStringLiteral("path"), o.path, d.path);
    if (!o.query.empty())
        b.add(QStringLiteral("query"), stringMap(o.query));
    if (o.auth)
        b.add(QStringLiteral("auth"), *o.auth);
    b.addUnlessDefault(QStringLiteral("withCredentials"), o.withCredentials, d.withCredentials);
    if (!o.extraHeaders.empty())
        b.add(QStringLiteral("extraHeaders"), stringMap(o.extraHeaders));
    if (o.transports != d.transports)
        b.add(QStringLiteral("transports"), stringList(o.transports));
    b.addUnlessDefault(QStringLiteral("upgrade"), o.upgrade, d.upgrade);
    b.addUnlessDefault(QStringLiteral("rememberUpgrade"), o.rememberUpgrade, d.rememberUpgrade);
    b.addUnlessDefault(QStringLiteral("timeout"), o.timeout, d.timeout);
    b.addUnlessDefault(QStringLiteral("forceBase64"), o.forceBase64, d.forceBase64);
    b.addUnknown(o.unknown);
    return b.take();
}

JsonNode client(const ClientOptions &c)
{
    const ClientOptions d;
    ObjectBuilder b;
    b.add(QStringLiteral("pageOrigin"), c.pageOrigin);
    b.addUnlessDefault(QStringLiteral("url"), c.url, d.url);
    b.addUnlessDefault(QStringLiteral("namespace"), c.namespaceName, d.namespaceName);
    if (c.browser != d.browser)
        b.add(QStringLiteral("browser"), browserName(c.browser));
    JsonNode options = clientOptions(c.options);
    if (!options.members().empty())
        b.add(QStringLiteral("options"), std::move(options));
    if (!c.emitSteps.isEmpty()) {
        JsonNode array = JsonNode::makeArray();
        for (const EmitStep &step : c.emitSteps) {
            ObjectBuilder eb;
            eb.add(QStringLiteral("event"), step.event);
            if (!step.args.empty())
                eb.add(QStringLiteral("args"), JsonNode::makeArray(step.args));
            eb.addUnlessDefault(QStringLiteral("ack"), step.ack, false);
            eb.addUnknown(step.unknown);
            array.append(eb.take());
        }
        b.add(QStringLiteral("emit"), array);
    }
    b.addUnknown(c.unknown);
    return b.take();
}

} // namespace

JsonNode ProfileWriter::toJsonNode(const Profile &p)
{
    ObjectBuilder b;
    b.addUnlessEmpty(QStringLiteral("$schema"), p.schema);
    b.add(QStringLiteral("format"), Profile::FormatName);
    b.add(QStringLiteral("version"), qint64(Profile::FormatVersion));
    b.add(QStringLiteral("name"), p.name);
    b.addUnlessEmpty(QStringLiteral("description"), p.description);
    JsonNode serverNode = server(p.server);
    if (!serverNode.members().empty())
        b.add(QStringLiteral("server"), std::move(serverNode));
    b.add(QStringLiteral("client"), client(p.client));
    if (p.expect) {
        ObjectBuilder eb;
        eb.add(QStringLiteral("verdict"), verdictName(p.expect->verdict));
        eb.addUnlessEmpty(QStringLiteral("reason"), p.expect->reason);
        eb.addUnknown(p.expect->unknown);
        b.add(QStringLiteral("expect"), eb.take());
    }
    b.addUnknown(p.unknown);
    return b.take();
}

QByteArray ProfileWriter::toJson(const Profile &profile)
{
    return JsonWriter::write(toJsonNode(profile));
}

} // namespace corslab
