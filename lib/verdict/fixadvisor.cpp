// FixAdvisor: one rule per failure, each turning the profile into the few profiles that would
// answer it. Texts are built here, not in resources: they quote the profile's own values.
#include "fixadvisor.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace corslab {

namespace {

// A JavaScript/JSON string literal: "text" with " and \ escaped.
QString quoted(const QString &text)
{
    QString out = u"\""_s;
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'"';
}

QString quotedList(const QStringList &items)
{
    QStringList parts;
    for (const QString &item : items)
        parts << quoted(item);
    return u"["_s + parts.join(u", "_s) + u"]"_s;
}

QStringList splitList(const QString &text)
{
    QStringList out;
    const QStringList parts = text.split(u',');
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

QStringList listOf(const StringOrList &value)
{
    if (const auto *list = std::get_if<QStringList>(&value))
        return *list;
    return splitList(std::get<QString>(value));
}

// The form the user chose stays: a string grows by ",name", a list by an element.
StringOrList appended(const StringOrList &value, const QStringList &names)
{
    if (const auto *list = std::get_if<QStringList>(&value))
        return *list + names;
    const QString text = std::get<QString>(value);
    return text.trimmed().isEmpty() ? names.join(u',') : text + u',' + names.join(u',');
}

QString joinedNames(const QStringList &names)
{
    return names.join(u", "_s);
}

// Messages engine.io and socket.io send themselves; anything else from a refusal came from user
// code (allowRequest's first argument, a middleware's Error).
bool isLibraryMessage(const QString &reason)
{
    static const QStringList messages
        = {u"Transport unknown"_s, u"Session ID unknown"_s, u"Bad handshake method"_s,
            u"Bad request"_s, u"Unsupported protocol version"_s, u"Invalid namespace"_s};
    return messages.contains(reason);
}

// Header names that carry a credential: better sent in socket.io's auth payload than as a header
// that needs a preflight.
bool looksLikeToken(const QString &name)
{
    const QString lower = name.toLower();
    return lower == u"authorization"_s || lower.contains(u"token"_s) || lower.contains(u"api-key"_s)
        || lower.contains(u"apikey"_s) || lower.contains(u"auth"_s) || lower.contains(u"secret"_s)
        || lower.contains(u"session"_s);
}

// The auth key a header becomes: Authorization → token, x-api-key → apiKey, X-Auth-Token →
// authToken.
QString authKeyFor(const QString &header)
{
    QString lower = header.toLower();
    if (lower == u"authorization"_s)
        return u"token"_s;
    if (lower.startsWith(u"x-"_s))
        lower = lower.mid(2);
    QString out;
    bool upper = false;
    for (const QChar c : std::as_const(lower)) {
        if (c == u'-' || c == u'_') {
            upper = !out.isEmpty();
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out.isEmpty() ? u"token"_s : out;
}

class Advisor {
public:
    Advisor(const Profile &profile, const RunFailure &failure)
        : p(profile)
        , f(failure)
        , code(FixAdvisor::normalisedReason(failure.reason))
    {
        origin = f.requestOrigin;
        if (origin.isEmpty() && f.check)
            origin = f.check->origin;
        if (origin.isEmpty() && p.client.pageOrigin != ClientOptions::SameOrigin)
            origin = p.client.pageOrigin;
    }

    QList<FixCandidate> run();

private:
    FixCandidate make(const QString &id, bool clientSide, const Profile &changed) const
    {
        FixCandidate c;
        c.id = id;
        c.clientSide = clientSide;
        c.profile = changed;
        return c;
    }
    void add(FixCandidate c, const QString &title, const QString &titleZh,
        const QString &explanation, const QString &explanationZh)
    {
        c.title = title;
        c.titleZh = titleZh;
        c.explanation = explanation;
        c.explanationZh = explanationZh;
        for (const FixCandidate &existing : std::as_const(out)) {
            if (existing.id == c.id && existing.profile == c.profile)
                return;
        }
        out << c;
    }

    // The page and the server are one origin: CORS and cookie rules do not apply (profile-format
    // "same-origin", or a fixed port the page origin names).
    bool isSameOrigin() const
    {
        if (p.client.pageOrigin == ClientOptions::SameOrigin)
            return true;
        if (p.client.url != ClientOptions::EmbeddedUrl || p.server.port == 0)
            return false;
        const QString port = QString::number(p.server.port);
        return p.client.pageOrigin == u"http://localhost:"_s + port
            || p.client.pageOrigin == u"http://127.0.0.1:"_s + port;
    }
    // Credentialed cross-origin requests also need Access-Control-Allow-Credentials: true.
    bool needsCredentials() const
    {
        return p.client.options.withCredentials && !isSameOrigin()
            && (!p.server.cors || !p.server.cors->credentials);
    }
    std::optional<QString> hint() const
    {
        if (!f.check)
            return std::nullopt;
        return f.check->outcome().reason.hint;
    }

    // Adds ", credentials: true" when the request carries credentials, so the candidate is
    // complete: an origin fix alone would only move the run on to InvalidAllowCredentials.
    void withCredentialsIfNeeded(Profile &changed, QString &title, QString &titleZh,
        QString &explanation, QString &explanationZh) const
    {
        if (!needsCredentials())
            return;
        changed.server.cors->credentials = true;
        title += u" and set cors.credentials to true"_s;
        titleZh += u"，并把 cors.credentials 设为 true"_s;
        explanation += u" The page sends credentials (withCredentials: true), so the server must "
                       u"also answer Access-Control-Allow-Credentials: true."_s;
        explanationZh += u"页面发送凭据（withCredentials: true），因此服务器还必须返回 "
                         u"Access-Control-Allow-Credentials: true。"_s;
    }

    void originNotAllowed();
    void addCors();
    void wildcard();
    void credentials();
    void disableWithCredentials();
    void headers();
    void method();
    void multipleValues();
    void invalidValue();
    void preflightStatus();
    void redirect();
    void sessionUnknown();
    void transportUnknown();
    void invalidNamespace();
    void allowRequestRefusal();
    void upgradeStripped();

    const Profile &p;
    const RunFailure &f;
    QString code;
    QString origin;
    QList<FixCandidate> out;
};

QList<FixCandidate> Advisor::run()
{
    if (f.verdict == u"blocked"_s) {
        // A redirect the proxy answers breaks CORS whatever the server sends: remove it first.
        if (p.server.proxy && p.server.proxy->redirect
            && (code == u"PreflightDisallowedRedirect"_s
                || (f.check && f.check->stage == CorsStage::Redirect)))
            redirect();
        if (code == u"MissingAllowOriginHeader"_s || code == u"AllowOriginMismatch"_s)
            originNotAllowed();
        else if (code == u"WildcardOriginNotAllowed"_s)
            wildcard();
        else if (code == u"InvalidAllowCredentials"_s)
            credentials();
        else if (code == u"HeaderDisallowedByPreflightResponse"_s)
            headers();
        else if (code == u"MethodDisallowedByPreflightResponse"_s)
            method();
        else if (code == u"MultipleAllowOriginValues"_s)
            multipleValues();
        else if (code == u"InvalidAllowOriginValue"_s)
            invalidValue();
        else if (code == u"PreflightInvalidStatus"_s)
            preflightStatus();
        else if (code == u"PreflightDisallowedRedirect"_s && p.server.proxy
            && p.server.proxy->redirect)
            redirect();
    } else if (f.verdict == u"refused"_s) {
        if (f.reason == u"Session ID unknown"_s)
            sessionUnknown();
        else if (f.reason == u"Transport unknown"_s)
            transportUnknown();
        else if (f.reason == u"Invalid namespace"_s)
            invalidNamespace();
        else if (p.server.allowRequest && !isLibraryMessage(f.reason))
            allowRequestRefusal();
    } else if (f.verdict == u"network-error"_s || f.verdict == u"timeout"_s) {
        upgradeStripped();
    }
    return out;
}

void Advisor::addCors()
{
    Profile changed = p;
    changed.server.cors = CorsOptions();
    changed.server.cors->origin = origin;
    QString title = u"Add cors: { origin: "_s + quoted(origin);
    QString titleZh = u"在服务器选项中添加 cors: { origin: "_s + quoted(origin);
    QString explanation = u"Since Socket.IO 3 the server sends no CORS headers unless the cors "
                          u"option is set, so the browser hides every response from a page on "_s
        + origin + u". Naming the page's origin makes it answer Access-Control-Allow-Origin: "_s
        + origin + u"."_s;
    QString explanationZh = u"从 Socket.IO 3 起，除非设置了 cors 选项，服务器不会发送任何 CORS "
                            u"头，所以浏览器对来自 "_s
        + origin
        + u" 的页面隐藏了所有响应。写明页面的源后，服务器会返回 "
          u"Access-Control-Allow-Origin: "_s
        + origin + u"。"_s;
    if (p.client.options.withCredentials && !isSameOrigin()) {
        changed.server.cors->credentials = true;
        title += u", credentials: true"_s;
        titleZh += u", credentials: true"_s;
        explanation += u" The page sends credentials (withCredentials: true), so credentials: "
                       u"true is needed as well."_s;
        explanationZh += u"页面发送凭据（withCredentials: true），所以还需要 credentials: true。"_s;
    }
    title += u" } to the server options"_s;
    titleZh += u" }"_s;
    add(make(u"add-cors"_s, false, changed), title, titleZh, explanation, explanationZh);
}

void Advisor::originNotAllowed()
{
    if (origin.isEmpty())
        return;
    if (!p.server.cors) {
        addCors();
        return;
    }
    const CorsOptions &cors = *p.server.cors;
    const QString withSlash = origin + u'/';
    Profile changed = p;
    CorsOrigin &value = changed.server.cors->origin;

    if (const auto *text = std::get_if<QString>(&cors.origin)) {
        if (*text == u"*"_s)
            return; // "*" matches every origin; nothing to add
        if (text->contains(u',')) {
            // cors sends a string verbatim: "a,b" is one (invalid) value, never a list.
            const QStringList parts = splitList(*text);
            QList<OriginEntry> list;
            for (const QString &part : parts)
                list << OriginEntry(part);
            if (!parts.contains(origin))
                list << OriginEntry(origin);
            value = list;
            QStringList shown = parts;
            if (!parts.contains(origin))
                shown << origin;
            QString title = u"Write cors.origin as an array: "_s + quotedList(shown);
            QString titleZh = u"把 cors.origin 写成数组："_s + quotedList(shown);
            QString explanation = u"The cors package sends a string origin verbatim, so "_s
                + quoted(*text)
                + u" reaches the browser as one value that matches no page. An array makes cors "
                  u"check each entry and answer with the one that matches."_s;
            QString explanationZh = u"cors 包会原样发送字符串形式的 origin，所以 "_s + quoted(*text)
                + u" 作为一个整体到达浏览器，与任何页面都不匹配。写成数组后，cors "
                  u"会逐项检查，只返回匹配的那一项。"_s;
            withCredentialsIfNeeded(changed, title, titleZh, explanation, explanationZh);
            add(make(u"split-origin-list"_s, false, changed), title, titleZh, explanation,
                explanationZh);
            return;
        }
        if (*text == withSlash) {
            value = origin;
            QString title
                = u"Remove the trailing slash from "_s + quoted(*text) + u" in cors.origin"_s;
            QString titleZh = u"去掉 cors.origin 中 "_s + quoted(*text) + u" 末尾的斜杠"_s;
            QString explanation = u"An origin is scheme, host and port with no path: the browser "
                                  u"sends Origin: "_s
                + origin
                + u" and compares Access-Control-Allow-Origin character by character, "
                  u"so the trailing slash makes them differ."_s;
            QString explanationZh = u"源只由协议、主机和端口组成，不带路径：浏览器发送 Origin: "_s
                + origin + u"，并逐字符比较 Access-Control-Allow-Origin，末尾的斜杠使两者不同。"_s;
            withCredentialsIfNeeded(changed, title, titleZh, explanation, explanationZh);
            add(make(u"drop-trailing-slash"_s, false, changed), title, titleZh, explanation,
                explanationZh);
            return;
        }
        if (*text == origin && !needsCredentials())
            return;
        if (*text != origin)
            value = QList<OriginEntry> {OriginEntry(*text), OriginEntry(origin)};
    } else if (const auto *list = std::get_if<QList<OriginEntry>>(&cors.origin)) {
        QList<OriginEntry> entries = *list;
        if (entries.contains(OriginEntry(withSlash)) && !entries.contains(OriginEntry(origin))) {
            entries[entries.indexOf(OriginEntry(withSlash))] = origin;
            value = entries;
            QString title
                = u"Remove the trailing slash from "_s + quoted(withSlash) + u" in cors.origin"_s;
            QString titleZh = u"去掉 cors.origin 中 "_s + quoted(withSlash) + u" 末尾的斜杠"_s;
            QString explanation = u"The cors package compares each entry with the Origin header "
                                  u"exactly, and the browser sends "_s
                + origin
                + u" without a slash, so no entry matched and no "
                  u"Access-Control-Allow-Origin was sent."_s;
            QString explanationZh = u"cors 包把每一项与 Origin 头逐字比较，而浏览器发送的 "_s
                + origin
                + u" 不带斜杠，所以没有一项匹配，也就没有发送 Access-Control-Allow-Origin。"_s;
            withCredentialsIfNeeded(changed, title, titleZh, explanation, explanationZh);
            add(make(u"drop-trailing-slash"_s, false, changed), title, titleZh, explanation,
                explanationZh);
            return;
        }
        if (entries.contains(OriginEntry(origin)) && !needsCredentials())
            return;
        if (!entries.contains(OriginEntry(origin)))
            entries << OriginEntry(origin);
        value = entries;
    } else if (const auto *regex = std::get_if<RegexPattern>(&cors.origin)) {
        // Widening a user's RegExp is guesswork; an exact entry beside it is not.
        value = QList<OriginEntry> {OriginEntry(*regex), OriginEntry(origin)};
    } else if (const auto *enabled = std::get_if<bool>(&cors.origin)) {
        if (*enabled && !needsCredentials())
            return;
        if (!*enabled) {
            value = origin;
            QString title = u"Set cors.origin to "_s + quoted(origin);
            QString titleZh = u"把 cors.origin 设为 "_s + quoted(origin);
            QString explanation = u"origin: false switches CORS off in the cors package, so no "
                                  u"Access-Control-Allow-Origin is ever sent. Naming the page's "
                                  u"origin allows exactly that page."_s;
            QString explanationZh = u"origin: false 会关闭 cors 包的 CORS 功能，因此永远不会发送 "
                                    u"Access-Control-Allow-Origin。写明页面的源就只允许该页面。"_s;
            withCredentialsIfNeeded(changed, title, titleZh, explanation, explanationZh);
            add(make(u"add-origin"_s, false, changed), title, titleZh, explanation, explanationZh);
            return;
        }
    } else if (const auto *fn = std::get_if<ScriptFunction>(&cors.origin)) {
        // A function is the user's code: let the origin through first and leave the rest to it.
        value = ScriptFunction {u"(origin, callback) => { if (origin === "_s + quoted(origin)
                + u") { callback(null, true); return; } ("_s + fn->source
                + u")(origin, callback); }"_s,
            fn->unknown};
        QString title = u"Let "_s + origin + u" through before the cors.origin function runs"_s;
        QString titleZh = u"在 cors.origin 函数运行之前先放行 "_s + origin;
        QString explanation = u"The origin function did not allow "_s + origin
            + u", so cors sent no Access-Control-Allow-Origin. Wrapping it with an exact check "
              u"for that origin keeps your function's decision for every other origin."_s;
        QString explanationZh = u"origin 函数没有允许 "_s + origin
            + u"，所以 cors 没有发送 Access-Control-Allow-Origin。在外面包一层对该源的精确判断，"
              u"其他源仍由你的函数决定。"_s;
        withCredentialsIfNeeded(changed, title, titleZh, explanation, explanationZh);
        add(make(u"allow-origin-in-function"_s, false, changed), title, titleZh, explanation,
            explanationZh);
        return;
    }

    if (value == cors.origin) {
        // The origin is already allowed: only the credentials flag is missing.
        if (needsCredentials())
            credentials();
        return;
    }
    QString title = u"Add "_s + origin + u" to cors.origin"_s;
    QString titleZh = u"把 "_s + origin + u" 加入 cors.origin"_s;
    QString explanation = u"The cors package only answers with an origin it was given, and "_s
        + origin
        + u" is not one of them; listing it makes cors echo it in Access-Control-Allow-Origin."_s;
    QString explanationZh = u"cors 包只会返回配置中给出的源，而 "_s + origin
        + u" 不在其中；把它列出后，cors 会在 Access-Control-Allow-Origin 中返回它。"_s;
    withCredentialsIfNeeded(changed, title, titleZh, explanation, explanationZh);
    add(make(u"add-origin"_s, false, changed), title, titleZh, explanation, explanationZh);
}

void Advisor::wildcard()
{
    if (p.server.cors && p.server.cors->origin == CorsOrigin(u"*"_s) && !origin.isEmpty()
        && origin != u"null"_s) {
        Profile changed = p;
        changed.server.cors->origin = origin;
        QString title = u"Replace \"*\" with "_s + quoted(origin) + u" in cors.origin"_s;
        QString titleZh = u"把 cors.origin 中的 \"*\" 换成 "_s + quoted(origin);
        QString explanation = u"Browsers never accept Access-Control-Allow-Origin: * for a "
                              u"request with credentials; the server has to name the page's "
                              u"origin instead."_s;
        QString explanationZh = u"对携带凭据的请求，浏览器从不接受 Access-Control-Allow-Origin: "
                                u"*；服务器必须改为写明页面的源。"_s;
        withCredentialsIfNeeded(changed, title, titleZh, explanation, explanationZh);
        add(make(u"replace-wildcard-with-origin"_s, false, changed), title, titleZh, explanation,
            explanationZh);
    }
    disableWithCredentials();
}

void Advisor::credentials()
{
    if (p.server.cors && !p.server.cors->credentials) {
        Profile changed = p;
        changed.server.cors->credentials = true;
        add(make(u"enable-credentials"_s, false, changed), u"Set cors.credentials to true"_s,
            u"把 cors.credentials 设为 true"_s,
            u"The page sends credentials (withCredentials: true), and the browser only hands "
            u"such a response to it when Access-Control-Allow-Credentials is exactly true."_s,
            u"页面发送了凭据（withCredentials: true），只有当 Access-Control-Allow-Credentials "
            u"恰好为 true 时，浏览器才会把这样的响应交给页面。"_s);
    }
    disableWithCredentials();
}

void Advisor::disableWithCredentials()
{
    if (!p.client.options.withCredentials)
        return;
    // Cookie-based sticky sessions need the cookie on every request: then credentials are needed.
    if (p.server.proxy && p.server.proxy->stickyCookie)
        return;
    Profile changed = p;
    changed.client.options.withCredentials = false;
    add(make(u"disable-with-credentials"_s, true, changed),
        u"Set withCredentials: false in io() if the connection needs no cookies"_s,
        u"如果连接不需要 Cookie，在 io() 中设置 withCredentials: false"_s,
        u"Without withCredentials the polling requests carry no cookies, and the browser accepts "
        u"the server's answer without Access-Control-Allow-Credentials. Only do this when "
        u"authentication does not rely on cookies."_s,
        u"不设置 withCredentials 时，轮询请求不携带 Cookie，浏览器也不要求服务器返回 "
        u"Access-Control-Allow-Credentials。只有在身份验证不依赖 Cookie 时才这样做。"_s);
}

void Advisor::headers()
{
    if (!p.server.cors)
        return;
    const CorsOptions &cors = *p.server.cors;
    const bool credentialed = p.client.options.withCredentials;

    // The names the preflight asked for (lower-cased), else the extraHeaders the page sets.
    QStringList required;
    if (f.check)
        required = f.check->required.allowHeaders;
    if (required.isEmpty()) {
        static const QStringList safelisted
            = {u"accept"_s, u"accept-language"_s, u"content-language"_s, u"content-type"_s};
        for (const auto &[name, value] : p.client.options.extraHeaders) {
            if (!safelisted.contains(name.toLower()) && !required.contains(name.toLower()))
                required << name.toLower();
        }
    }
    QStringList allowed;
    if (cors.allowedHeaders) {
        for (const QString &name : listOf(*cors.allowedHeaders))
            allowed << name.toLower();
    }
    // Shown as the page wrote them.
    QMap<QString, QString> written;
    for (const auto &[name, value] : p.client.options.extraHeaders)
        written.insert(name.toLower(), name);
    QStringList missing;
    for (const QString &name : std::as_const(required)) {
        const bool wildcard
            = allowed.contains(u"*"_s) && !credentialed && name != u"authorization"_s;
        if (!allowed.contains(name) && !wildcard)
            missing << written.value(name, name);
    }
    if (missing.isEmpty())
        return;

    Profile allowHeader = p;
    allowHeader.server.cors->allowedHeaders
        = cors.allowedHeaders ? appended(*cors.allowedHeaders, missing) : StringOrList(missing);
    const QString names = joinedNames(missing);
    const bool several = missing.size() > 1;
    FixCandidate serverFix = make(u"allow-header"_s, false, allowHeader);
    serverFix.title = u"Add "_s + names + u" to cors.allowedHeaders"_s;
    serverFix.titleZh = u"把 "_s + names + u" 加入 cors.allowedHeaders"_s;
    const QString them = several ? u"them"_s : u"it"_s;
    serverFix.explanation = u"The page sends "_s + names
        + u" through extraHeaders, so the browser asks the preflight to allow "_s + them
        + u", and cors.allowedHeaders does not list "_s + them + u"."_s;
    serverFix.explanationZh = u"页面通过 extraHeaders 发送了 "_s + names
        + u"，浏览器会在预检请求中申请使用，而 cors.allowedHeaders 没有列出。"_s;

    // Socket.IO's own channel for credentials: auth travels in the CONNECT packet, no header.
    FixCandidate clientFix;
    bool clientOk = false;
    const std::optional<JsonNode> &auth = p.client.options.auth;
    if (!auth || auth->isObject()) {
        Profile moved = p;
        JsonNode node = auth ? *auth : JsonNode::makeObject();
        QStringList keys;
        auto &headersList = moved.client.options.extraHeaders;
        for (const QString &name : std::as_const(missing)) {
            const auto it = std::find_if(headersList.begin(), headersList.end(),
                [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
            if (it == headersList.end())
                continue;
            const QString key = authKeyFor(it->first);
            if (node.find(key))
                continue;
            node.insert(key, JsonNode::fromString(it->second));
            keys << key;
            headersList.erase(it);
        }
        if (keys.size() == missing.size()) {
            moved.client.options.auth = node;
            clientOk = true;
            clientFix = make(u"move-header-to-auth"_s, true, moved);
            QStringList shownKeys;
            for (const QString &key : std::as_const(keys))
                shownKeys << u"auth."_s + key;
            const QString where = joinedNames(shownKeys);
            clientFix.title
                = u"Send "_s + names + u" as "_s + where + u" instead of extraHeaders"_s;
            clientFix.titleZh
                = u"改用 "_s + where + u" 发送 "_s + names + u"，不再放在 extraHeaders 中"_s;
            clientFix.explanation = u"socket.io-client sends auth inside its CONNECT packet, not "
                                    u"as an HTTP header, so no preflight is needed. Read it on the "
                                    u"server as socket.handshake."_s
                + shownKeys.first() + u"."_s;
            clientFix.explanationZh
                = u"socket.io-client 把 auth 放在 CONNECT 数据包里发送，而不是作为 "
                  u"HTTP 头，因此不需要预检。服务器端用 socket.handshake."_s
                + shownKeys.first() + u" 读取它。"_s;
        }
    }
    const bool tokens = std::all_of(missing.begin(), missing.end(), looksLikeToken);
    if (clientOk && tokens)
        add(clientFix, clientFix.title, clientFix.titleZh, clientFix.explanation,
            clientFix.explanationZh);
    add(serverFix, serverFix.title, serverFix.titleZh, serverFix.explanation,
        serverFix.explanationZh);
    if (clientOk && !tokens)
        add(clientFix, clientFix.title, clientFix.titleZh, clientFix.explanation,
            clientFix.explanationZh);
}

void Advisor::method()
{
    if (!p.server.cors)
        return;
    QString name;
    if (f.check)
        name = f.check->required.allowMethod;
    if (name.isEmpty())
        name = hint().value_or(QString());
    if (name.isEmpty() || listOf(p.server.cors->methods).contains(name))
        return;
    Profile changed = p;
    changed.server.cors->methods = appended(p.server.cors->methods, {name});
    add(make(u"allow-method"_s, false, changed), u"Add "_s + name + u" to cors.methods"_s,
        u"把 "_s + name + u" 加入 cors.methods"_s,
        u"The request uses the method "_s + name
            + u", which is not CORS-safelisted, so the preflight answer must list it in "
              u"Access-Control-Allow-Methods."_s,
        u"请求使用了 "_s + name
            + u" 方法，它不属于 CORS 安全方法，所以预检响应必须在 Access-Control-Allow-Methods "
              u"中列出它。"_s);
}

void Advisor::multipleValues()
{
    // The server and a proxy in front of it both add the header.
    if (p.server.proxy && p.server.cors) {
        Profile changed = p;
        auto &added = changed.server.proxy->addHeaders;
        const auto isAllowOrigin = [](const ProxyHeader &h) {
            return h.name.compare(u"Access-Control-Allow-Origin"_s, Qt::CaseInsensitive) == 0;
        };
        if (std::any_of(added.begin(), added.end(), isAllowOrigin)) {
            added.removeIf(isAllowOrigin);
            add(make(u"remove-duplicate-allow-origin"_s, false, changed),
                u"Remove the proxy's own Access-Control-Allow-Origin header"_s,
                u"删除代理自行添加的 Access-Control-Allow-Origin 头"_s,
                u"The server's cors option already sends Access-Control-Allow-Origin, and the "
                u"proxy adds a second one; the browser accepts exactly one value. Let the "
                u"Socket.IO server alone handle CORS."_s,
                u"服务器的 cors 选项已经发送了 Access-Control-Allow-Origin，代理又加了一个；"
                u"浏览器只接受一个值。请只让 Socket.IO 服务器处理 CORS。"_s);
        }
    }
    // "a,b" as one string: cors sends it verbatim.
    if (p.server.cors) {
        if (const auto *text = std::get_if<QString>(&p.server.cors->origin);
            text && text->contains(u','))
            originNotAllowed();
    }
}

void Advisor::invalidValue()
{
    if (!p.server.cors || origin.isEmpty())
        return;
    const auto *text = std::get_if<QString>(&p.server.cors->origin);
    if (!text || text->contains(u"://"_s) || !origin.endsWith(u"//"_s + *text))
        return;
    Profile changed = p;
    changed.server.cors->origin = origin;
    QString title = u"Write cors.origin as "_s + quoted(origin) + u", with its scheme"_s;
    QString titleZh = u"把 cors.origin 写成带协议的 "_s + quoted(origin);
    QString explanation = u"An origin starts with its scheme: "_s + quoted(*text)
        + u" is not a valid Access-Control-Allow-Origin value, "_s + quoted(origin) + u" is."_s;
    QString explanationZh = u"源必须以协议开头："_s + quoted(*text)
        + u" 不是有效的 Access-Control-Allow-Origin 值，"_s + quoted(origin) + u" 才是。"_s;
    withCredentialsIfNeeded(changed, title, titleZh, explanation, explanationZh);
    add(make(u"fix-origin-value"_s, false, changed), title, titleZh, explanation, explanationZh);
}

void Advisor::preflightStatus()
{
    if (!p.server.cors) {
        // No cors: the OPTIONS reaches engine.io, which answers 400.
        addCors();
        return;
    }
    if (p.server.cors->preflightContinue) {
        Profile changed = p;
        changed.server.cors->preflightContinue = false;
        add(make(u"disable-preflight-continue"_s, false, changed),
            u"Set cors.preflightContinue to false"_s, u"把 cors.preflightContinue 设为 false"_s,
            u"With preflightContinue the cors package passes the OPTIONS preflight on to "
            u"engine.io, which answers 400 \"Bad handshake method\". Without it cors answers the "
            u"preflight itself with 204."_s,
            u"设置 preflightContinue 后，cors 包会把 OPTIONS 预检请求交给 engine.io，而 engine.io "
            u"返回 400 \"Bad handshake method\"。去掉它后，cors 会自己用 204 响应预检。"_s);
    }
    const int status = p.server.cors->optionsSuccessStatus;
    if (status < 200 || status > 299) {
        Profile changed = p;
        changed.server.cors->optionsSuccessStatus = CorsOptions().optionsSuccessStatus;
        add(make(u"reset-options-success-status"_s, false, changed),
            u"Remove cors.optionsSuccessStatus "_s + QString::number(status) + u" (back to 204)"_s,
            u"删除 cors.optionsSuccessStatus "_s + QString::number(status) + u"（恢复为 204）"_s,
            u"A preflight only passes with a status from 200 to 299, and "_s
                + QString::number(status) + u" is not one."_s,
            u"预检响应的状态码必须在 200 到 299 之间，而 "_s + QString::number(status)
                + u" 不在此范围内。"_s);
    }
}

void Advisor::redirect()
{
    Profile changed = p;
    changed.server.proxy->redirect.reset();
    add(make(u"remove-redirect"_s, false, changed), u"Remove the proxy's redirect"_s,
        u"删除代理的重定向"_s,
        u"Browsers never follow a redirect for a preflight, and a redirected cross-origin "
        u"request must pass CORS at every hop. Let the proxy pass Socket.IO requests straight "
        u"to the server."_s,
        u"浏览器从不为预检请求跟随重定向，而被重定向的跨源请求在每一跳都必须通过 CORS 检查。"
        u"请让代理把 Socket.IO 请求直接转发给服务器。"_s);
}

void Advisor::sessionUnknown()
{
    if (!p.server.proxy || p.server.proxy->instances < 2)
        return;
    Profile changed = p;
    QStringList changes;
    QStringList changesZh;
    if (!p.server.proxy->stickyCookie) {
        changed.server.proxy->stickyCookie = true;
        changes << u"proxy sticky \"cookie\""_s;
    }
    if (p.server.cookie == CookieSetting(false)) {
        changed.server.cookie = true;
        changes << u"cookie: true"_s;
    }
    if (!isSameOrigin()) {
        // The engine.io cookie only comes back on cross-origin requests with credentials.
        if (!p.client.options.withCredentials) {
            changed.client.options.withCredentials = true;
            changes << u"withCredentials: true"_s;
        }
        if (p.server.cors) {
            if (!p.server.cors->credentials) {
                changed.server.cors->credentials = true;
                changes << u"cors.credentials: true"_s;
            }
            if (p.server.cors->origin == CorsOrigin(u"*"_s) && !origin.isEmpty()) {
                changed.server.cors->origin = origin;
                changes << u"cors.origin: "_s + quoted(origin);
            }
        }
    }
    if (!changes.isEmpty()) {
        add(make(u"sticky-sessions"_s, false, changed),
            u"Make the load balancer sticky: "_s + changes.join(u", "_s),
            u"让负载均衡器保持会话粘性："_s + changes.join(u"，"_s),
            u"Every request of a polling session must reach the instance that created it; with "
            u"the engine.io cookie the proxy can route each request back to it. The cookie "
            u"only travels on cross-origin requests with credentials."_s,
            u"一个轮询会话的所有请求都必须到达创建它的实例；有了 engine.io 的 Cookie，"
            u"代理就能把每个请求路由回该实例。跨源请求只有携带凭据时才会带上这个 Cookie。"_s);
    }
    if (p.client.options.transports != QStringList {u"websocket"_s}) {
        Profile wsOnly = p;
        wsOnly.client.options.transports = {u"websocket"_s};
        add(make(u"websocket-only"_s, true, wsOnly), u"Use transports: [\"websocket\"] in io()"_s,
            u"在 io() 中使用 transports: [\"websocket\"]"_s,
            u"A WebSocket session is one connection, which stays on the instance it reached, so "
            u"no request can land on another instance. The client loses the polling fallback."_s,
            u"WebSocket 会话只有一条连接，会一直留在它到达的实例上，所以不会有请求落到其他实例。"
            u"代价是客户端失去了轮询这一后备方案。"_s);
    }
}

void Advisor::transportUnknown()
{
    const QString transport
        = f.transport.isEmpty() ? p.client.options.transports.value(0, u"polling"_s) : f.transport;
    if (!p.server.transports.contains(transport)
        && (transport == u"polling"_s || transport == u"websocket"_s)) {
        Profile changed = p;
        // The order engine.io lists them by default.
        QStringList transports;
        for (const QString &t : {u"polling"_s, u"websocket"_s}) {
            if (p.server.transports.contains(t) || t == transport)
                transports << t;
        }
        changed.server.transports = transports;
        add(make(u"add-"_s + transport + u"-transport"_s, false, changed),
            u"Add \""_s + transport + u"\" to the server's transports"_s,
            u"把 \""_s + transport + u"\" 加入服务器的 transports"_s,
            u"The client opens its session with "_s + transport
                + u", which the server's transports option does not accept, so engine.io "
                  u"answers \"Transport unknown\"."_s,
            u"客户端用 "_s + transport
                + u" 建立会话，而服务器的 transports 选项不接受它，所以 engine.io 返回 "
                  u"\"Transport unknown\"。"_s);
    }
    if (!p.server.transports.isEmpty() && p.client.options.transports != p.server.transports) {
        Profile changed = p;
        changed.client.options.transports = p.server.transports;
        const QString list = quotedList(p.server.transports);
        add(make(u"match-server-transports"_s, true, changed),
            u"Use transports: "_s + list + u" in io()"_s, u"在 io() 中使用 transports: "_s + list,
            u"The client's transports must include one the server accepts, and it starts with "
            u"the first in its list."_s,
            u"客户端的 transports 必须包含服务器接受的传输方式，且客户端会从列表中的第一个开始连接。"_s);
    }
}

void Advisor::invalidNamespace()
{
    const QString ns = p.client.namespaceName;
    if (ns == u"/"_s)
        return;
    Profile changed = p;
    NamespaceConfig config;
    config.name = ns;
    changed.server.namespaces << config;
    add(make(u"add-namespace"_s, false, changed),
        u"Add the namespace "_s + ns + u" to the server (io.of("_s + quoted(ns) + u"))"_s,
        u"在服务器上添加命名空间 "_s + ns + u"（io.of("_s + quoted(ns) + u")）"_s,
        u"A namespace exists on the server only once io.of() created it; the client asked for "_s
            + ns + u", which the server does not have."_s,
        u"命名空间只有在服务器调用 io.of() 创建之后才存在；客户端请求了 "_s + ns
            + u"，而服务器上没有它。"_s);
    Profile main = p;
    main.client.namespaceName = u"/"_s;
    add(make(u"use-main-namespace"_s, true, main),
        u"Connect to the main namespace \"/\" instead of "_s + ns,
        u"改为连接主命名空间 \"/\"，而不是 "_s + ns,
        u"The main namespace always exists, so the client can connect to it when "_s + ns
            + u" was never meant to be a separate namespace."_s,
        u"主命名空间总是存在；如果 "_s + ns
            + u" 本来就不需要是单独的命名空间，客户端可以连接它。"_s);
}

void Advisor::allowRequestRefusal()
{
    // Only an allowRequest that decides by origin can be answered with an origin; otherwise it
    // checks something CorsLab cannot know (a token, a header), and rewriting it is unsafe.
    const ScriptFunction &fn = *p.server.allowRequest;
    if (!fn.source.contains(u"origin"_s) || origin.isEmpty() || origin == u"null"_s)
        return;
    Profile changed = p;
    changed.server.allowRequest
        = ScriptFunction {u"(req, callback) => { if (req.headers.origin === "_s + quoted(origin)
                + u") { callback(null, true); return; } ("_s + fn.source + u")(req, callback); }"_s,
            fn.unknown};
    add(make(u"allow-origin-in-allow-request"_s, false, changed),
        u"Let "_s + origin + u" through before the allowRequest function runs"_s,
        u"在 allowRequest 函数运行之前先放行 "_s + origin,
        u"The allowRequest function refused requests from "_s + origin
            + u". Wrapping it with an exact check for that origin keeps your function's decision "
              u"for everything else."_s,
        u"allowRequest 函数拒绝了来自 "_s + origin
            + u" 的请求。在外面包一层对该源的精确判断，其他请求仍由你的函数决定。"_s);
}

void Advisor::upgradeStripped()
{
    if (!p.server.proxy || !p.server.proxy->stripUpgrade)
        return;
    if (f.transport != u"websocket"_s
        && p.client.options.transports != QStringList {u"websocket"_s})
        return;
    Profile changed = p;
    changed.server.proxy->stripUpgrade = false;
    add(make(u"pass-upgrade-headers"_s, false, changed),
        u"Let the proxy pass the Upgrade and Connection headers"_s,
        u"让代理转发 Upgrade 和 Connection 头"_s,
        u"A WebSocket starts as an HTTP request with Upgrade: websocket; a proxy that drops the "
        u"header turns it into a plain request the server cannot upgrade (nginx needs "
        u"proxy_set_header Upgrade and Connection)."_s,
        u"WebSocket 以带有 Upgrade: websocket 的 HTTP 请求开始；代理丢掉这个头后，它就变成了服务器"
        u"无法升级的普通请求（nginx 需要设置 proxy_set_header Upgrade 和 Connection）。"_s);
}

} // namespace

QString FixAdvisor::normalisedReason(const QString &reason)
{
    static const QMap<QString, QString> firefox = {
        {u"CORSMissingAllowOrigin2"_s, u"MissingAllowOriginHeader"_s},
        {u"CORSNotSupportingCredentials"_s, u"WildcardOriginNotAllowed"_s},
        {u"CORSAllowOriginNotMatchingOrigin"_s, u"AllowOriginMismatch"_s},
        {u"CORSMissingAllowCredentials"_s, u"InvalidAllowCredentials"_s},
        {u"CORSMultipleAllowOriginNotAllowed"_s, u"MultipleAllowOriginValues"_s},
        {u"CORSPreflightDidNotSucceed3"_s, u"PreflightInvalidStatus"_s},
        {u"CORSMethodNotFound"_s, u"MethodDisallowedByPreflightResponse"_s},
        {u"CORSMissingAllowHeaderFromPreflight2"_s, u"HeaderDisallowedByPreflightResponse"_s},
        {u"CORSExternalRedirectNotAllowed"_s, u"PreflightDisallowedRedirect"_s},
    };
    if (firefox.contains(reason))
        return firefox.value(reason);
    // The preflight variants of the origin and credentials checks have the same fixes.
    static const QStringList preflightVariants
        = {u"PreflightMissingAllowOriginHeader"_s, u"PreflightWildcardOriginNotAllowed"_s,
            u"PreflightAllowOriginMismatch"_s, u"PreflightMultipleAllowOriginValues"_s,
            u"PreflightInvalidAllowOriginValue"_s, u"PreflightInvalidAllowCredentials"_s};
    if (preflightVariants.contains(reason))
        return reason.mid(int(qstrlen("Preflight")));
    return reason;
}

QList<FixCandidate> FixAdvisor::candidates(const Profile &profile, const RunFailure &failure)
{
    return Advisor(profile, failure).run();
}

} // namespace corslab
