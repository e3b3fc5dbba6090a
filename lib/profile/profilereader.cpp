// Profile JSON v1 → Profile: type checks with positions and paths, then the "probably a mistake"
// warnings.
#include "profilereader.h"

#include "originsyntax.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace corslab {

namespace {

constexpr qint64 MaxTimer = 2147483647; // setTimeout's limit in Node
constexpr qint64 MaxSafeInteger = 9007199254740991;

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

// "a", "b" or "c"
QString alternatives(const QStringList &values)
{
    QStringList q;
    for (const QString &v : values)
        q << quoted(v);
    if (q.size() <= 1)
        return q.join(QString());
    return q.mid(0, q.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + q.last();
}

// How a value looks in a message: strings quoted (shortened), numbers as written, else its type.
QString shown(const JsonNode &v)
{
    switch (v.type()) {
    case JsonNode::Type::String: {
        QString s = v.toString();
        if (s.size() > 40)
            s = s.left(37) + QStringLiteral("...");
        return quoted(s) + QStringLiteral(" (a string)");
    }
    case JsonNode::Type::Number:
        return QString::fromLatin1(JsonWriter::formatNumber(v.toDouble()));
    case JsonNode::Type::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case JsonNode::Type::Null:
        return QStringLiteral("null");
    default:
        return v.typeName();
    }
}

bool isToken(const QString &s)
{
    static const QString extra = QStringLiteral("!#$%&'*+-.^_`|~");
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && !extra.contains(c))
            return false;
    }
    return true;
}

// Fetch "forbidden request-header" names: browsers drop them silently from XHR.
bool isForbiddenHeader(const QString &name)
{
    static const QStringList names = {QStringLiteral("accept-charset"),
        QStringLiteral("accept-encoding"), QStringLiteral("access-control-request-headers"),
        QStringLiteral("access-control-request-method"), QStringLiteral("connection"),
        QStringLiteral("content-length"), QStringLiteral("cookie"), QStringLiteral("cookie2"),
        QStringLiteral("date"), QStringLiteral("dnt"), QStringLiteral("expect"),
        QStringLiteral("host"), QStringLiteral("keep-alive"), QStringLiteral("origin"),
        QStringLiteral("referer"), QStringLiteral("set-cookie"), QStringLiteral("te"),
        QStringLiteral("trailer"), QStringLiteral("transfer-encoding"), QStringLiteral("upgrade"),
        QStringLiteral("via")};
    const QString lower = name.toLower();
    return names.contains(lower) || lower.startsWith(QLatin1String("proxy-"))
        || lower.startsWith(QLatin1String("sec-"));
}

// One key of an object: where it is, and its value.
struct Field {
    const JsonNode *value = nullptr;
    QString path;
    QString key;
    explicit operator bool() const { return value != nullptr; }
};

class Reader {
public:
    ProfileLoadResult run(QByteArrayView utf8)
    {
        ProfileLoadResult result;
        if (utf8.size() > ProfileReader::MaxFileSize) {
            error({}, {},
                QStringLiteral("the file is %1 bytes; a profile is at most %2 bytes")
                    .arg(utf8.size())
                    .arg(ProfileReader::MaxFileSize));
            result.diagnostics = m_diagnostics;
            return result;
        }
        const JsonParseResult parsed = JsonParser::parse(utf8);
        if (parsed.error) {
            error(parsed.error->position, {}, parsed.error->message);
            result.diagnostics = m_diagnostics;
            return result;
        }
        Profile profile = readProfile(*parsed.root);
        std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
            [](const Diagnostic &a, const Diagnostic &b) {
                return std::pair(a.position.line, a.position.column)
                    < std::pair(b.position.line, b.position.column);
            });
        result.diagnostics = m_diagnostics;
        if (!result.hasErrors())
            result.profile = std::move(profile);
        return result;
    }

private:
    void error(SourcePosition at, const QString &path, const QString &message)
    {
        m_diagnostics.append({Diagnostic::Severity::Error, at, path, message});
    }
    void warning(SourcePosition at, const QString &path, const QString &message)
    {
        m_diagnostics.append({Diagnostic::Severity::Warning, at, path, message});
    }
    void error(const Field &f, const QString &message)
    {
        error(f.value->position(), f.path, message);
    }
    void warning(const Field &f, const QString &message)
    {
        warning(f.value->position(), f.path, message);
    }
    void typeError(const Field &f, const QString &expected)
    {
        const QString subject = f.path.endsWith(QLatin1Char(']'))
            ? QStringLiteral("\"%1\" entry").arg(f.key)
            : QStringLiteral("\"%1\"").arg(f.key);
        error(f, QStringLiteral("%1 %2: expected %3").arg(subject, shown(*f.value), expected));
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
    static QString index(const QString &path, std::size_t i)
    {
        return path + QStringLiteral("[%1]").arg(i);
    }

    // Checks `object` is an object, reports duplicate keys, keeps and reports unknown keys, and
    // returns a lookup of the known ones.
    bool members(const Field &object, const QStringList &known, UnknownMembers &unknown,
        const QHash<QString, QString> &specialWarnings = {})
    {
        if (!object.value->isObject()) {
            typeError(object, QStringLiteral("an object"));
            return false;
        }
        QHash<QString, SourcePosition> seen;
        for (const JsonNode::Member &m : object.value->members()) {
            const QString path = join(object.path, m.key);
            if (seen.contains(m.key)) {
                const SourcePosition first = seen.value(m.key);
                error(m.keyPosition, path,
                    QStringLiteral("duplicate key \"%1\" (first at line %2, column %3); JSON "
                                   "readers would silently keep only one")
                        .arg(m.key)
                        .arg(first.line)
                        .arg(first.column));
                continue;
            }
            seen.insert(m.key, m.keyPosition);
            if (known.contains(m.key))
                continue;
            unknown.push_back(m);
            if (specialWarnings.contains(m.key)) {
                warning(m.keyPosition, path, specialWarnings.value(m.key));
                continue;
            }
            const QString guess = closestMatch(m.key, known);
            warning(m.keyPosition, path,
                QStringLiteral("unknown key \"%1\" is kept but has no effect%2")
                    .arg(m.key,
                        guess.isEmpty() ? QString()
                                        : QStringLiteral(" — did you mean \"%1\"?").arg(guess)));
        }
        return true;
    }

    void duplicateKey(const JsonNode::Member &m, const QString &path, SourcePosition first)
    {
        error(m.keyPosition, path,
            QStringLiteral("duplicate key \"%1\" (first at line %2, column %3); JSON readers "
                           "would silently keep only one")
                .arg(m.key)
                .arg(first.line)
                .arg(first.column));
    }

    static Field field(const Field &object, const QString &key)
    {
        return Field {object.value->find(key), join(object.path, key), key};
    }
    static Field item(const Field &array, std::size_t i)
    {
        return Field {&array.value->items()[i], index(array.path, i), array.key};
    }

    // Scalars -------------------------------------------------------------------------------

    std::optional<QString> string(const Field &f, bool allowEmpty = true)
    {
        if (!f.value->isString()) {
            typeError(f, QStringLiteral("a string"));
            return std::nullopt;
        }
        if (!allowEmpty && f.value->toString().isEmpty()) {
            error(f, QStringLiteral("\"%1\" is empty").arg(f.key));
            return std::nullopt;
        }
        return f.value->toString();
    }

    void readString(const Field &f, QString &target, bool allowEmpty = true)
    {
        if (f) {
            if (auto v = string(f, allowEmpty))
                target = *v;
        }
    }

    void readBool(const Field &f, bool &target, const QString &hint = {})
    {
        if (!f)
            return;
        if (!f.value->isBool()) {
            typeError(f, QStringLiteral("true or false") + hint);
            return;
        }
        target = f.value->toBool();
    }

    std::optional<qint64> integer(const Field &f, qint64 min, qint64 max, const QString &what)
    {
        if (!f.value->isInteger() || f.value->toInteger() < min || f.value->toInteger() > max) {
            typeError(f, what);
            return std::nullopt;
        }
        return f.value->toInteger();
    }

    template<typename T>
    void readInteger(const Field &f, T &target, qint64 min, qint64 max, const QString &what)
    {
        if (f) {
            if (auto v = integer(f, min, max, what))
                target = static_cast<T>(*v);
        }
    }

    void readMilliseconds(const Field &f, qint64 &target)
    {
        readInteger(f, target, 0, MaxTimer,
            QStringLiteral("a whole number of milliseconds from 0 to %1").arg(MaxTimer));
    }

    // A string that must be one of `allowed`; `entry` says it sits in an array.
    std::optional<QString> enumValue(const Field &f, const QStringList &allowed, bool entry = false)
    {
        const QString subject = entry ? QStringLiteral("\"%1\" entry").arg(f.key)
                                      : QStringLiteral("\"%1\"").arg(f.key);
        if (!f.value->isString()) {
            error(f,
                QStringLiteral("%1 %2: expected %3")
                    .arg(subject, shown(*f.value), alternatives(allowed)));
            return std::nullopt;
        }
        const QString v = f.value->toString();
        if (allowed.contains(v))
            return v;
        const QString guess = closestMatch(v, allowed);
        error(f,
            QStringLiteral("%1 %2: expected %3%4")
                .arg(subject, quoted(v), alternatives(allowed),
                    guess.isEmpty() ? QString()
                                    : QStringLiteral(" — did you mean \"%1\"?").arg(guess)));
        return std::nullopt;
    }

    void readPath(const Field &f, QString &target)
    {
        if (!f)
            return;
        if (auto v = string(f)) {
            if (!v->startsWith(QLatin1Char('/')))
                error(f,
                    QStringLiteral("\"%1\" %2: expected a path starting with \"/\" — did you "
                                   "mean \"/%3\"?")
                        .arg(f.key, quoted(*v), *v));
            else
                target = *v;
        }
    }

    std::optional<QStringList> transports(const Field &f, const QStringList &allowed)
    {
        if (!f.value->isArray()) {
            typeError(f, QStringLiteral("an array such as [\"polling\", \"websocket\"]"));
            return std::nullopt;
        }
        if (f.value->items().empty()) {
            error(
                f, QStringLiteral("\"%1\" is empty; at least one transport is needed").arg(f.key));
            return std::nullopt;
        }
        QStringList out;
        bool ok = true;
        for (std::size_t i = 0; i < f.value->items().size(); ++i) {
            const Field entry = item(f, i);
            if (auto v = enumValue(entry, allowed, true)) {
                if (out.contains(*v))
                    warning(entry, QStringLiteral("\"%1\" is listed twice").arg(*v));
                out << *v;
            } else {
                ok = false;
            }
        }
        return ok ? std::optional(out) : std::nullopt;
    }

    std::optional<StringOrList> stringOrList(const Field &f)
    {
        if (f.value->isString())
            return StringOrList(f.value->toString());
        if (!f.value->isArray()) {
            typeError(f, QStringLiteral("a string or an array of strings"));
            return std::nullopt;
        }
        QStringList out;
        bool ok = true;
        for (std::size_t i = 0; i < f.value->items().size(); ++i) {
            const Field entry = item(f, i);
            if (!entry.value->isString()) {
                error(entry,
                    QStringLiteral("\"%1\" entry %2: expected a string")
                        .arg(f.key, shown(*entry.value)));
                ok = false;
                continue;
            }
            out << entry.value->toString();
        }
        return ok ? std::optional(StringOrList(out)) : std::nullopt;
    }

    // Ordered string → string object (query, extraHeaders).
    std::optional<std::vector<std::pair<QString, QString>>> stringMap(
        const Field &f, const QString &why)
    {
        if (!f.value->isObject()) {
            typeError(f, QStringLiteral("an object of strings"));
            return std::nullopt;
        }
        std::vector<std::pair<QString, QString>> out;
        bool ok = true;
        QStringList seen;
        for (const JsonNode::Member &m : f.value->members()) {
            const Field entry {&m.value, join(f.path, m.key), m.key};
            if (seen.contains(m.key)) {
                error(m.keyPosition, entry.path, QStringLiteral("duplicate key \"%1\"").arg(m.key));
                ok = false;
                continue;
            }
            seen << m.key;
            if (!m.value.isString()) {
                error(entry,
                    QStringLiteral("\"%1\" %2: expected a string (%3)")
                        .arg(m.key, shown(m.value), why));
                ok = false;
                continue;
            }
            out.emplace_back(m.key, m.value.toString());
        }
        return ok ? std::optional(out) : std::nullopt;
    }

    // Functions and regular expressions ------------------------------------------------------

    std::optional<ScriptFunction> function(const Field &f, const QString &signature)
    {
        ScriptFunction fn;
        if (!f.value->isObject() || !f.value->find(QStringLiteral("function"))) {
            error(f,
                QStringLiteral("\"%1\": expected a function written as {\"function\": \"%2 "
                               "=> ...\"}, found %3")
                    .arg(f.key, signature, shown(*f.value)));
            return std::nullopt;
        }
        UnknownMembers unknown;
        if (!members(f, {QStringLiteral("function")}, unknown))
            return std::nullopt;
        const Field src = field(f, QStringLiteral("function"));
        auto source = string(src, false);
        if (!source)
            return std::nullopt;
        static const QRegularExpression looksLikeFunction(
            QStringLiteral(R"(^\s*(async\s+)?(function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>))"));
        if (!looksLikeFunction.match(*source).hasMatch())
            warning(src,
                QStringLiteral("does not look like a function expression; write it as "
                               "\"%1 => ...\" or \"function %1 { ... }\"")
                    .arg(signature));
        fn.source = *source;
        fn.unknown = std::move(unknown);
        return fn;
    }

    std::optional<RegexPattern> regex(const Field &f)
    {
        RegexPattern re;
        if (!members(f, {QStringLiteral("regex"), QStringLiteral("flags")}, re.unknown))
            return std::nullopt;
        const Field src = field(f, QStringLiteral("regex"));
        auto source = string(src);
        if (!source)
            return std::nullopt;
        re.source = *source;
        const Field flags = field(f, QStringLiteral("flags"));
        if (flags) {
            auto v = string(flags);
            if (!v)
                return std::nullopt;
            static const QString allowed = QStringLiteral("dgimsuyv");
            for (qsizetype i = 0; i < v->size(); ++i) {
                const QChar c = v->at(i);
                if (!allowed.contains(c) || v->indexOf(c) != i) {
                    error(flags,
                        QStringLiteral("\"flags\" %1: each flag is one of d, g, i, m, s, "
                                       "u, v, y, at most once")
                            .arg(quoted(*v)));
                    return std::nullopt;
                }
            }
            if (v->contains(QLatin1Char('u')) && v->contains(QLatin1Char('v'))) {
                error(flags,
                    QStringLiteral("\"flags\" %1: the u and v flags cannot be combined")
                        .arg(quoted(*v)));
                return std::nullopt;
            }
            re.flags = *v;
            if (v->contains(QLatin1Char('g')) || v->contains(QLatin1Char('y')))
                warning(flags,
                    QStringLiteral("the %1 flag makes RegExp.test() remember lastIndex: "
                                   "cors then allows and refuses the same origin on "
                                   "alternate requests")
                        .arg(v->contains(QLatin1Char('g')) ? QStringLiteral("g")
                                                           : QStringLiteral("y")));
        }
        if (!re.source.startsWith(QLatin1Char('^')) || !re.source.endsWith(QLatin1Char('$')))
            warning(src,
                QStringLiteral("not anchored with ^ and $: it also matches origins that "
                               "merely contain it, such as "
                               "\"https://example.com.attacker.test\""));
        return re;
    }

    // cors.origin -------------------------------------------------------------------------------

    void checkOriginString(const Field &f, const QString &origin)
    {
        if (origin.isEmpty() || origin == QLatin1String("*") || origin == QLatin1String("null"))
            return;
        if (origin.contains(QLatin1Char(','))) {
            warning(f,
                QStringLiteral("a comma-separated list is sent as one header value, which "
                               "browsers reject; list the origins in an array"));
            return;
        }
        const OriginSyntax s = OriginSyntax::check(origin);
        if (s.isSerializedOrigin)
            return;
        warning(f,
            QStringLiteral("%1 %2, so it never equals a browser's Origin%3")
                .arg(quoted(origin), s.problem,
                    s.suggestion.isEmpty()
                        ? QString()
                        : QStringLiteral(" — did you mean \"%1\"?").arg(s.suggestion)));
    }

    std::optional<CorsOrigin> origin(const Field &f)
    {
        const JsonNode &v = *f.value;
        switch (v.type()) {
        case JsonNode::Type::Bool:
            return CorsOrigin(v.toBool());
        case JsonNode::Type::String:
            if (v.toString().isEmpty())
                warning(f,
                    QStringLiteral("an empty origin turns CORS off: the cors package then "
                                   "sends no headers at all (write false to say so)"));
            checkOriginString(f, v.toString());
            return CorsOrigin(v.toString());
        case JsonNode::Type::Object:
            if (v.find(QStringLiteral("function"))) {
                if (auto fn = function(f, QStringLiteral("(origin, callback)")))
                    return CorsOrigin(*fn);
                return std::nullopt;
            }
            if (v.find(QStringLiteral("regex"))) {
                if (auto re = regex(f))
                    return CorsOrigin(*re);
                return std::nullopt;
            }
            break;
        case JsonNode::Type::Array: {
            QList<OriginEntry> entries;
            bool ok = true;
            for (std::size_t i = 0; i < v.items().size(); ++i) {
                const Field entry = item(f, i);
                if (entry.value->isString()) {
                    if (entry.value->toString() == QLatin1String("*"))
                        warning(entry,
                            QStringLiteral("\"*\" inside an array is a literal string: "
                                           "it matches no browser's Origin (write "
                                           "\"origin\": \"*\" to allow every origin)"));
                    else
                        checkOriginString(entry, entry.value->toString());
                    entries << entry.value->toString();
                } else if (entry.value->isObject() && entry.value->find(QStringLiteral("regex"))) {
                    if (auto re = regex(entry))
                        entries << *re;
                    else
                        ok = false;
                } else {
                    error(entry,
                        QStringLiteral("\"origin\" entry %1: expected an origin string or "
                                       "{\"regex\": \"...\"}")
                            .arg(shown(*entry.value)));
                    ok = false;
                }
            }
            if (ok)
                return CorsOrigin(entries);
            return std::nullopt;
        }
        default:
            break;
        }
        typeError(f,
            QStringLiteral("a string, true or false, an array, {\"regex\": \"...\"} or "
                           "{\"function\": \"...\"}"));
        return std::nullopt;
    }

    // Sections ----------------------------------------------------------------------------------

    void readCors(const Field &f, ServerOptions &server)
    {
        // `cors: true` is what the cors package reads as "all defaults".
        if (f.value->isBool()) {
            if (f.value->toBool())
                server.cors = CorsOptions {};
            return;
        }
        if (!f.value->isObject()) {
            typeError(f, QStringLiteral("an object of cors options, or true"));
            return;
        }
        CorsOptions cors;
        const QStringList known = {QStringLiteral("origin"), QStringLiteral("methods"),
            QStringLiteral("allowedHeaders"), QStringLiteral("exposedHeaders"),
            QStringLiteral("credentials"), QStringLiteral("maxAge"),
            QStringLiteral("preflightContinue"), QStringLiteral("optionsSuccessStatus")};
        const QHash<QString, QString> special = {{QStringLiteral("headers"),
            QStringLiteral("\"headers\" is the cors package's old alias of \"allowedHeaders\"; "
                           "CorsLab reads only \"allowedHeaders\", so this is kept but has no "
                           "effect")}};
        if (!members(f, known, cors.unknown, special))
            return;
        if (const Field o = field(f, QStringLiteral("origin")))
            if (auto v = origin(o))
                cors.origin = *v;
        if (const Field m = field(f, QStringLiteral("methods")))
            if (auto v = stringOrList(m))
                cors.methods = *v;
        if (const Field h = field(f, QStringLiteral("allowedHeaders")))
            cors.allowedHeaders = stringOrList(h);
        if (const Field h = field(f, QStringLiteral("exposedHeaders")))
            cors.exposedHeaders = stringOrList(h);
        readBool(field(f, QStringLiteral("credentials")), cors.credentials,
            QStringLiteral(" (the cors package ignores anything but the boolean true)"));
        if (const Field m = field(f, QStringLiteral("maxAge"))) {
            if (m.value->isString())
                cors.maxAge = std::variant<qint64, QString>(m.value->toString());
            else if (auto v = integer(m, 0, MaxSafeInteger,
                         QStringLiteral("a whole number of seconds or a string")))
                cors.maxAge = std::variant<qint64, QString>(*v);
        }
        readBool(field(f, QStringLiteral("preflightContinue")), cors.preflightContinue);
        readInteger(field(f, QStringLiteral("optionsSuccessStatus")), cors.optionsSuccessStatus,
            200, 599, QStringLiteral("an HTTP status from 200 to 599"));

        if (cors.credentials) {
            const auto *s = std::get_if<QString>(&cors.origin);
            if (s && *s == QLatin1String("*"))
                warning(field(f, QStringLiteral("credentials")).value->position(),
                    join(f.path, QStringLiteral("credentials")),
                    QStringLiteral("credentials with origin \"*\": browsers refuse "
                                   "credentialed responses whose Access-Control-Allow-Origin "
                                   "is \"*\"; name the page origin instead"));
        }
        server.cors = std::move(cors);
    }

    void readCookie(const Field &f, ServerOptions &server)
    {
        if (f.value->isBool()) {
            server.cookie = f.value->toBool();
            return;
        }
        CookieOptions c;
        const QStringList known = {QStringLiteral("name"), QStringLiteral("path"),
            QStringLiteral("domain"), QStringLiteral("httpOnly"), QStringLiteral("secure"),
            QStringLiteral("sameSite"), QStringLiteral("maxAge"), QStringLiteral("partitioned")};
        if (!f.value->isObject()) {
            typeError(f, QStringLiteral("true, false or an object of cookie options"));
            return;
        }
        if (!members(f, known, c.unknown))
            return;
        if (const Field n = field(f, QStringLiteral("name")))
            if (auto v = string(n, false)) {
                if (isToken(*v))
                    c.name = *v;
                else
                    error(n,
                        QStringLiteral("\"name\" %1: a cookie name is a token (letters, "
                                       "digits and !#$%&'*+-.^_`|~)")
                            .arg(quoted(*v)));
            }
        if (const Field p = field(f, QStringLiteral("path"))) {
            if (p.value->isBool() && !p.value->toBool())
                c.path = std::variant<bool, QString>(false);
            else if (p.value->isString() && p.value->toString().startsWith(QLatin1Char('/')))
                c.path = std::variant<bool, QString>(p.value->toString());
            else
                typeError(p, QStringLiteral("a path starting with \"/\", or false"));
        }
        if (const Field d = field(f, QStringLiteral("domain")))
            if (auto v = string(d, false))
                c.domain = *v;
        bool b = false;
        if (const Field h = field(f, QStringLiteral("httpOnly"))) {
            readBool(h, b);
            if (h.value->isBool())
                c.httpOnly = b;
        }
        if (const Field s = field(f, QStringLiteral("secure"))) {
            readBool(s, b);
            if (s.value->isBool())
                c.secure = b;
        }
        if (const Field s = field(f, QStringLiteral("sameSite"))) {
            if (s.value->isBool()) {
                c.sameSite = std::variant<bool, QString>(s.value->toBool());
            } else if (auto v
                = enumValue(
                    s, {QStringLiteral("lax"), QStringLiteral("strict"), QStringLiteral("none")})) {
                c.sameSite = std::variant<bool, QString>(*v);
                if (*v == QLatin1String("none") && !c.secure.value_or(false))
                    warning(s,
                        QStringLiteral("browsers drop a SameSite=None cookie that is not "
                                       "also \"secure\": true"));
            }
        }
        if (const Field m = field(f, QStringLiteral("maxAge")))
            if (auto v = integer(m, -MaxSafeInteger, MaxSafeInteger,
                    QStringLiteral("a whole number of seconds")))
                c.maxAge = *v;
        if (const Field p = field(f, QStringLiteral("partitioned"))) {
            readBool(p, b);
            if (p.value->isBool())
                c.partitioned = b;
        }
        server.cookie = std::move(c);
    }

    void readNamespaces(const Field &f, ServerOptions &server)
    {
        if (!f.value->isArray()) {
            typeError(f, QStringLiteral("an array of {\"name\": \"/...\"} objects"));
            return;
        }
        QHash<QString, SourcePosition> seen;
        for (std::size_t i = 0; i < f.value->items().size(); ++i) {
            const Field entry = item(f, i);
            NamespaceConfig ns;
            if (!members(entry, {QStringLiteral("name"), QStringLiteral("middleware")}, ns.unknown))
                continue;
            const Field name = field(entry, QStringLiteral("name"));
            if (!name) {
                error(entry, QStringLiteral("a namespace needs a \"name\", such as \"/admin\""));
                continue;
            }
            readPath(name, ns.name);
            if (ns.name.isEmpty())
                continue;
            if (seen.contains(ns.name)) {
                error(name, QStringLiteral("namespace \"%1\" is declared twice").arg(ns.name));
                continue;
            }
            seen.insert(ns.name, name.value->position());
            if (const Field mw = field(entry, QStringLiteral("middleware")))
                ns.middleware = function(mw, QStringLiteral("(socket, next)"));
            server.namespaces << ns;
        }
    }

    void readServer(const Field &f, ServerOptions &server)
    {
        const QStringList known = {QStringLiteral("host"), QStringLiteral("port"),
            QStringLiteral("path"), QStringLiteral("addTrailingSlash"), QStringLiteral("cors"),
            QStringLiteral("allowRequest"), QStringLiteral("transports"),
            QStringLiteral("allowUpgrades"), QStringLiteral("pingInterval"),
            QStringLiteral("pingTimeout"), QStringLiteral("upgradeTimeout"),
            QStringLiteral("maxHttpBufferSize"), QStringLiteral("connectTimeout"),
            QStringLiteral("cookie"), QStringLiteral("allowEIO3"),
            QStringLiteral("httpCompression"), QStringLiteral("initialPacket"),
            QStringLiteral("namespaces"), QStringLiteral("proxy")};
        const QHash<QString, QString> special
            = {{QStringLiteral("origins"),
                   QStringLiteral("\"origins\" was removed in Socket.IO 3 and does nothing; use "
                                  "\"cors\": {\"origin\": ...}")},
                {QStringLiteral("handlePreflightRequest"),
                    QStringLiteral("\"handlePreflightRequest\" was removed in Socket.IO 3 and does "
                                   "nothing; use \"cors\": {...}")},
                {QStringLiteral("maxPayload"),
                    QStringLiteral(
                        "\"maxPayload\" is what the open packet calls it; the server option is "
                        "\"maxHttpBufferSize\"")}};
        if (!members(f, known, server.unknown, special))
            return;
        if (const Field h = field(f, QStringLiteral("host"))) {
            readString(h, server.host, false);
            static const QStringList loopback
                = {QStringLiteral("127.0.0.1"), QStringLiteral("localhost"), QStringLiteral("::1")};
            if (h.value->isString() && !h.value->toString().isEmpty()
                && !loopback.contains(h.value->toString()))
                warning(h,
                    QStringLiteral("the embedded server will listen on %1, reachable from "
                                   "other machines; the default 127.0.0.1 is not")
                        .arg(quoted(h.value->toString())));
        }
        readInteger(field(f, QStringLiteral("port")), server.port, 0, 65535,
            QStringLiteral("a port from 0 to 65535 (0 picks a free port)"));
        readPath(field(f, QStringLiteral("path")), server.path);
        readBool(field(f, QStringLiteral("addTrailingSlash")), server.addTrailingSlash);
        if (const Field c = field(f, QStringLiteral("cors")))
            readCors(c, server);
        if (const Field a = field(f, QStringLiteral("allowRequest")))
            server.allowRequest = function(a, QStringLiteral("(req, callback)"));
        if (const Field t = field(f, QStringLiteral("transports"))) {
            const bool webTransport = t.value->isArray()
                && std::any_of(
                    t.value->items().begin(), t.value->items().end(), [](const JsonNode &n) {
                        return n.isString() && n.toString() == QLatin1String("webtransport");
                    });
            if (webTransport)
                error(t,
                    QStringLiteral("\"webtransport\" needs an HTTP/3 server, which the "
                                   "embedded server is not; use \"polling\" and "
                                   "\"websocket\""));
            else if (auto v
                = transports(t, {QStringLiteral("polling"), QStringLiteral("websocket")}))
                server.transports = *v;
        }
        readBool(field(f, QStringLiteral("allowUpgrades")), server.allowUpgrades);
        readMilliseconds(field(f, QStringLiteral("pingInterval")), server.pingInterval);
        readMilliseconds(field(f, QStringLiteral("pingTimeout")), server.pingTimeout);
        readMilliseconds(field(f, QStringLiteral("upgradeTimeout")), server.upgradeTimeout);
        readInteger(field(f, QStringLiteral("maxHttpBufferSize")), server.maxHttpBufferSize, 0,
            MaxSafeInteger, QStringLiteral("a whole number of bytes"));
        readMilliseconds(field(f, QStringLiteral("connectTimeout")), server.connectTimeout);
        if (const Field c = field(f, QStringLiteral("cookie")))
            readCookie(c, server);
        readBool(field(f, QStringLiteral("allowEIO3")), server.allowEIO3);
        readBool(field(f, QStringLiteral("httpCompression")), server.httpCompression);
        if (const Field p = field(f, QStringLiteral("initialPacket")))
            server.initialPacket = *p.value;
        if (const Field n = field(f, QStringLiteral("namespaces")))
            readNamespaces(n, server);
        if (const Field p = field(f, QStringLiteral("proxy")))
            readProxy(p, server);
    }

    std::optional<ProxyHeader::When> when(const Field &f)
    {
        const auto v = enumValue(
            f, {QStringLiteral("all"), QStringLiteral("preflight"), QStringLiteral("other")});
        if (!v)
            return std::nullopt;
        if (*v == QLatin1String("preflight"))
            return ProxyHeader::When::Preflight;
        if (*v == QLatin1String("other"))
            return ProxyHeader::When::Other;
        return ProxyHeader::When::All;
    }

    void readProxy(const Field &f, ServerOptions &server)
    {
        ProxyOptions proxy;
        const QStringList known = {QStringLiteral("addHeaders"), QStringLiteral("redirect"),
            QStringLiteral("stripUpgrade"), QStringLiteral("instances"), QStringLiteral("sticky")};
        if (!members(f, known, proxy.unknown))
            return;
        if (const Field h = field(f, QStringLiteral("addHeaders"))) {
            if (!h.value->isArray()) {
                typeError(h, QStringLiteral("an array of {\"name\": ..., \"value\": ...}"));
            } else {
                for (std::size_t i = 0; i < h.value->items().size(); ++i) {
                    const Field entry = item(h, i);
                    ProxyHeader header;
                    if (!members(entry,
                            {QStringLiteral("name"), QStringLiteral("value"), QStringLiteral("on")},
                            header.unknown))
                        continue;
                    const Field name = field(entry, QStringLiteral("name"));
                    const Field value = field(entry, QStringLiteral("value"));
                    if (!name || !value) {
                        error(entry, QStringLiteral("a header needs a \"name\" and a \"value\""));
                        continue;
                    }
                    const auto n = string(name, false);
                    const auto v = string(value);
                    if (!n || !v)
                        continue;
                    if (!isToken(*n)) {
                        error(name, QStringLiteral("\"%1\" is not a valid header name").arg(*n));
                        continue;
                    }
                    if (v->contains(QLatin1Char('\r')) || v->contains(QLatin1Char('\n'))
                        || v->contains(QChar(0))) {
                        error(value,
                            QStringLiteral("a header value cannot contain a line break or NUL"));
                        continue;
                    }
                    header.name = *n;
                    header.value = *v;
                    if (const Field on = field(entry, QStringLiteral("on"))) {
                        if (const auto w = when(on))
                            header.on = *w;
                        else
                            continue;
                    }
                    proxy.addHeaders << header;
                }
            }
        }
        if (const Field r = field(f, QStringLiteral("redirect"))) {
            ProxyRedirect redirect;
            if (members(r,
                    {QStringLiteral("status"), QStringLiteral("location"), QStringLiteral("on")},
                    redirect.unknown)) {
                readInteger(field(r, QStringLiteral("status")), redirect.status, 300, 399,
                    QStringLiteral("a redirect status from 300 to 399"));
                if (const Field l = field(r, QStringLiteral("location"))) {
                    readString(l, redirect.location, false);
                    if (redirect.location.contains(QLatin1Char('\r'))
                        || redirect.location.contains(QLatin1Char('\n'))
                        || redirect.location.contains(QChar(0))) {
                        error(l,
                            QStringLiteral("\"location\" contains a line break or NUL, which "
                                           "no HTTP header may"));
                        redirect.location.clear();
                    }
                } else
                    error(r, QStringLiteral("a redirect needs a \"location\""));
                if (const Field on = field(r, QStringLiteral("on")))
                    if (const auto w = when(on))
                        redirect.on = *w;
                proxy.redirect = redirect;
            }
        }
        readBool(field(f, QStringLiteral("stripUpgrade")), proxy.stripUpgrade);
        readInteger(field(f, QStringLiteral("instances")), proxy.instances, 1, 8,
            QStringLiteral("a number of server instances from 1 to 8"));
        if (const Field st = field(f, QStringLiteral("sticky")))
            if (const auto v = enumValue(st, {QStringLiteral("none"), QStringLiteral("cookie")}))
                proxy.stickyCookie = *v == QLatin1String("cookie");
        if (proxy.stickyCookie) {
            const bool cookieOn = std::holds_alternative<CookieOptions>(server.cookie)
                || std::get<bool>(server.cookie);
            if (!cookieOn)
                warning(field(f, QStringLiteral("sticky")),
                    QStringLiteral("cookie stickiness needs the engine.io cookie: set "
                                   "\"cookie\": true, or every request is balanced anew"));
        }
        server.proxy = proxy;
    }

    void readClientOptions(const Field &f, ClientConnectOptions &o, Browser browser)
    {
        const QStringList known = {QStringLiteral("path"), QStringLiteral("query"),
            QStringLiteral("auth"), QStringLiteral("withCredentials"),
            QStringLiteral("extraHeaders"), QStringLiteral("transports"), QStringLiteral("upgrade"),
            QStringLiteral("rememberUpgrade"), QStringLiteral("timeout"),
            QStringLiteral("forceBase64")};
        const QHash<QString, QString> special = {
            {QStringLiteral("headers"),
                QStringLiteral("socket.io-client has no \"headers\" option; custom headers go in "
                               "\"extraHeaders\"")},
            {QStringLiteral("credentials"),
                QStringLiteral("socket.io-client has no \"credentials\" option; use "
                               "\"withCredentials\": true")}};
        if (!members(f, known, o.unknown, special))
            return;
        readPath(field(f, QStringLiteral("path")), o.path);
        if (const Field q = field(f, QStringLiteral("query")))
            if (auto v = stringMap(q, QStringLiteral("query values are sent as text")))
                o.query = *v;
        if (const Field a = field(f, QStringLiteral("auth"))) {
            if (a.value->isObject())
                o.auth = *a.value;
            else
                typeError(a, QStringLiteral("an object (sent in the CONNECT packet)"));
        }
        readBool(field(f, QStringLiteral("withCredentials")), o.withCredentials);
        if (const Field h = field(f, QStringLiteral("extraHeaders"))) {
            if (auto v = stringMap(h, QStringLiteral("header values are text"))) {
                o.extraHeaders = *v;
                QStringList lowerNames;
                for (const JsonNode::Member &m : h.value->members()) {
                    const Field entry {&m.value, join(h.path, m.key), m.key};
                    if (!isToken(m.key)) {
                        error(m.keyPosition, entry.path,
                            QStringLiteral("\"%1\" is not a valid header name (letters, digits "
                                           "and !#$%&'*+-.^_`|~ only)")
                                .arg(m.key));
                        continue;
                    }
                    const QString value = m.value.toString();
                    if (value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'))
                        || value.contains(QChar(0))) {
                        error(entry,
                            QStringLiteral("the value of \"%1\" contains a line break or "
                                           "NUL, which no HTTP header may")
                                .arg(m.key));
                        continue;
                    }
                    if (lowerNames.contains(m.key.toLower()))
                        warning(m.keyPosition, entry.path,
                            QStringLiteral("\"%1\" is set twice (header names ignore case); "
                                           "XHR sends both values joined with \", \"")
                                .arg(m.key));
                    lowerNames << m.key.toLower();
                    if (browser != Browser::Node && isForbiddenHeader(m.key))
                        warning(m.keyPosition, entry.path,
                            QStringLiteral("\"%1\" is a forbidden request header: browsers "
                                           "drop it silently")
                                .arg(m.key));
                }
            }
        }
        if (const Field t = field(f, QStringLiteral("transports")))
            if (auto v = transports(t,
                    {QStringLiteral("polling"), QStringLiteral("websocket"),
                        QStringLiteral("webtransport")}))
                o.transports = *v;
        readBool(field(f, QStringLiteral("upgrade")), o.upgrade);
        readBool(field(f, QStringLiteral("rememberUpgrade")), o.rememberUpgrade);
        readMilliseconds(field(f, QStringLiteral("timeout")), o.timeout);
        readBool(field(f, QStringLiteral("forceBase64")), o.forceBase64);
    }

    void readEmit(const Field &f, ClientOptions &client)
    {
        if (!f.value->isArray()) {
            typeError(f, QStringLiteral("an array of {\"event\": \"...\"} objects"));
            return;
        }
        static const QStringList reserved
            = {QStringLiteral("connect"), QStringLiteral("connect_error"),
                QStringLiteral("disconnect"), QStringLiteral("disconnecting"),
                QStringLiteral("newListener"), QStringLiteral("removeListener")};
        for (std::size_t i = 0; i < f.value->items().size(); ++i) {
            const Field entry = item(f, i);
            EmitStep step;
            if (!members(entry,
                    {QStringLiteral("event"), QStringLiteral("args"), QStringLiteral("ack")},
                    step.unknown))
                continue;
            const Field ev = field(entry, QStringLiteral("event"));
            if (!ev) {
                error(entry, QStringLiteral("an emit step needs an \"event\" name"));
                continue;
            }
            if (auto name = string(ev, false)) {
                if (reserved.contains(*name)) {
                    error(ev,
                        QStringLiteral("\"%1\" is a reserved event name: socket.io-client "
                                       "throws instead of sending it")
                            .arg(*name));
                    continue;
                }
                step.event = *name;
            } else {
                continue;
            }
            if (const Field args = field(entry, QStringLiteral("args"))) {
                if (args.value->isArray())
                    step.args = args.value->items();
                else
                    typeError(args, QStringLiteral("an array of arguments"));
            }
            readBool(field(entry, QStringLiteral("ack")), step.ack);
            client.emitSteps << step;
        }
    }

    void readPageOrigin(const Field &f, ClientOptions &client)
    {
        auto v = string(f, false);
        if (!v)
            return;
        if (*v == ClientOptions::SameOrigin || *v == QLatin1String("null")) {
            client.pageOrigin = *v;
            return;
        }
        const OriginSyntax s = OriginSyntax::check(*v);
        const bool httpScheme = v->startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
            || v->startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
        if (s.isSerializedOrigin && httpScheme) {
            client.pageOrigin = *v;
            return;
        }
        if (!httpScheme && v->contains(QLatin1String("://")))
            error(f,
                QStringLiteral("\"pageOrigin\" %1: a page origin is http:// or https://; a "
                               "page opened from a file or a sandbox has the origin \"null\"")
                    .arg(quoted(*v)));
        else
            error(f,
                QStringLiteral("\"pageOrigin\" %1 %2%3")
                    .arg(quoted(*v), s.problem,
                        s.suggestion.isEmpty()
                            ? QString()
                            : QStringLiteral(" — did you mean \"%1\"?").arg(s.suggestion)));
    }

    void readClient(const Field &f, ClientOptions &client)
    {
        const QStringList known
            = {QStringLiteral("pageOrigin"), QStringLiteral("url"), QStringLiteral("namespace"),
                QStringLiteral("browser"), QStringLiteral("options"), QStringLiteral("emit")};
        if (!members(f, known, client.unknown))
            return;
        if (const Field p = field(f, QStringLiteral("pageOrigin")))
            readPageOrigin(p, client);
        else
            error(f,
                QStringLiteral("\"pageOrigin\" is missing: the origin the page runs on, "
                               "such as \"http://localhost:3000\""));
        if (const Field u = field(f, QStringLiteral("url"))) {
            if (auto v = string(u, false)) {
                const QUrl url(*v, QUrl::StrictMode);
                static const QStringList schemes = {QStringLiteral("http"), QStringLiteral("https"),
                    QStringLiteral("ws"), QStringLiteral("wss")};
                if (*v == ClientOptions::EmbeddedUrl) {
                    client.url = *v;
                } else if (!url.isValid() || !schemes.contains(url.scheme())
                    || url.host().isEmpty()) {
                    error(u,
                        QStringLiteral("\"url\" %1: expected \"embedded\" or an http, https, "
                                       "ws or wss URL such as \"https://api.example.com\"")
                            .arg(quoted(*v)));
                } else {
                    client.url = *v;
                    if (url.path().size() > 1)
                        warning(u,
                            QStringLiteral("in io(url) the path part \"%1\" names the "
                                           "namespace, not the HTTP path; put it in "
                                           "\"namespace\" (the HTTP path is "
                                           "\"options.path\")")
                                .arg(url.path()));
                }
            }
        }
        if (const Field n = field(f, QStringLiteral("namespace")))
            readPath(n, client.namespaceName);
        if (const Field b = field(f, QStringLiteral("browser")))
            if (auto v = enumValue(b,
                    {QStringLiteral("chromium"), QStringLiteral("firefox"),
                        QStringLiteral("node")}))
                client.browser = *browserFromName(*v);
        if (const Field o = field(f, QStringLiteral("options")))
            readClientOptions(o, client.options, client.browser);
        if (const Field e = field(f, QStringLiteral("emit")))
            readEmit(e, client);
    }

    void readExpect(const Field &f, Profile &profile)
    {
        Expectation e;
        if (!members(f, {QStringLiteral("verdict"), QStringLiteral("reason")}, e.unknown))
            return;
        const Field v = field(f, QStringLiteral("verdict"));
        if (!v) {
            error(f,
                QStringLiteral("\"verdict\" is missing: one of %1")
                    .arg(alternatives(verdictNames())));
            return;
        }
        auto name = enumValue(v, verdictNames());
        if (!name)
            return;
        e.verdict = *verdictFromName(*name);
        if (const Field r = field(f, QStringLiteral("reason"))) {
            readString(r, e.reason, false);
            if (e.verdict == Verdict::Connected)
                warning(r,
                    QStringLiteral("a reason only means something for a verdict other than "
                                   "\"connected\""));
        }
        profile.expect = std::move(e);
    }

    static QString normalizedPath(QString p)
    {
        while (p.endsWith(QLatin1Char('/')))
            p.chop(1);
        return p;
    }

    Profile readProfile(const JsonNode &root)
    {
        Profile profile;
        const Field top {&root, QString(), QString()};
        if (!root.isObject()) {
            error(root.position(), {},
                QStringLiteral("a profile is a JSON object ({ ... }), found %1")
                    .arg(root.typeName()));
            return profile;
        }
        const QStringList known = {QStringLiteral("$schema"), QStringLiteral("format"),
            QStringLiteral("version"), QStringLiteral("name"), QStringLiteral("description"),
            QStringLiteral("server"), QStringLiteral("client"), QStringLiteral("expect")};
        members(top, known, profile.unknown);

        const Field format = field(top, QStringLiteral("format"));
        if (!format)
            error(root.position(), {},
                QStringLiteral("\"format\": \"corslab-profile\" is missing; is this a CorsLab "
                               "profile?"));
        else if (!format.value->isString() || format.value->toString() != Profile::FormatName)
            error(format,
                QStringLiteral("\"format\" %1: expected \"corslab-profile\"; is this a "
                               "CorsLab profile?")
                    .arg(shown(*format.value)));

        const Field version = field(top, QStringLiteral("version"));
        if (!version) {
            error(root.position(), {}, QStringLiteral("\"version\": 1 is missing"));
        } else if (!version.value->isInteger() || version.value->toInteger() < 1) {
            typeError(version, QStringLiteral("the format version, 1"));
        } else if (version.value->toInteger() > Profile::FormatVersion) {
            error(version,
                QStringLiteral("this profile has format version %1, written by a newer "
                               "CorsLab; this one reads version %2 — update CorsLab to "
                               "open it")
                    .arg(version.value->toInteger())
                    .arg(Profile::FormatVersion));
            return profile; // the rest may mean something else in a newer version
        }

        readString(field(top, QStringLiteral("$schema")), profile.schema);
        if (const Field n = field(top, QStringLiteral("name")))
            readString(n, profile.name, false);
        else
            error(root.position(), {},
                QStringLiteral("\"name\" is missing: a short title for this profile"));
        readString(field(top, QStringLiteral("description")), profile.description);
        if (const Field s = field(top, QStringLiteral("server")))
            readServer(s, profile.server);
        if (const Field c = field(top, QStringLiteral("client")))
            readClient(c, profile.client);
        else
            error(root.position(), {},
                QStringLiteral("\"client\" is missing: at least {\"pageOrigin\": \"...\"}"));
        if (const Field e = field(top, QStringLiteral("expect")))
            readExpect(e, profile);

        // Cross-field: an embedded run where client and server disagree on the HTTP path.
        if (profile.client.url == ClientOptions::EmbeddedUrl
            && normalizedPath(profile.client.options.path) != normalizedPath(profile.server.path)) {
            const JsonNode *clientNode = root.find(QStringLiteral("client"));
            const JsonNode *optionsNode = clientNode && clientNode->isObject()
                ? clientNode->find(QStringLiteral("options"))
                : nullptr;
            const JsonNode *pathNode = optionsNode && optionsNode->isObject()
                ? optionsNode->find(QStringLiteral("path"))
                : nullptr;
            const JsonNode *serverNode = root.find(QStringLiteral("server"));
            const JsonNode *at = pathNode
                ? pathNode
                : (serverNode && serverNode->isObject() ? serverNode->find(QStringLiteral("path"))
                                                        : nullptr);
            warning(at ? at->position() : root.position(),
                pathNode ? QStringLiteral("client.options.path") : QStringLiteral("server.path"),
                QStringLiteral("the client connects to path \"%1\" but the server listens on "
                               "\"%2\": every request will miss the server")
                    .arg(profile.client.options.path, profile.server.path));
        }
        return profile;
    }

    Diagnostics m_diagnostics;
};

} // namespace

ProfileLoadResult ProfileReader::read(QByteArrayView utf8)
{
    return Reader().run(utf8);
}

} // namespace corslab
