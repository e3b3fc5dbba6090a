// CorsPolicy: what the npm cors 2.8.6 middleware does with one request, as a value, without I/O.
#include "corspolicy.h"

namespace corslab {

namespace {

const QString AllowOrigin = QStringLiteral("Access-Control-Allow-Origin");
const QString AllowCredentials = QStringLiteral("Access-Control-Allow-Credentials");
const QString AllowMethods = QStringLiteral("Access-Control-Allow-Methods");
const QString AllowHeaders = QStringLiteral("Access-Control-Allow-Headers");
const QString MaxAge = QStringLiteral("Access-Control-Max-Age");
const QString ExposeHeaders = QStringLiteral("Access-Control-Expose-Headers");
const QString Vary = QStringLiteral("Vary");
const QString VaryOrigin = QStringLiteral("Origin");
const QString VaryRequestHeaders = QStringLiteral("Access-Control-Request-Headers");

QString quoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('"');
}

QString describe(const StringOrList &value)
{
    if (const auto *text = std::get_if<QString>(&value))
        return quoted(*text);
    QStringList items;
    for (const QString &item : std::get<QStringList>(value))
        items << quoted(item);
    return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
}

bool isList(const StringOrList &value)
{
    return std::holds_alternative<QStringList>(value);
}

// The vary package's parse(): split on ",", dropping spaces before a token (not inside it).
QStringList parseVary(const QString &header)
{
    QStringList list;
    qsizetype start = 0;
    qsizetype end = 0;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QChar c = header.at(i);
        if (c == QLatin1Char(' ')) {
            if (start == end)
                start = end = i + 1;
        } else if (c == QLatin1Char(',')) {
            list << header.mid(start, end - start);
            start = end = i + 1;
        } else {
            end = i + 1;
        }
    }
    list << header.mid(start, end - start);
    return list;
}

// The vary package's append() for one valid field name: "*" absorbs everything, a field
// already listed (case-insensitively) is not repeated, a new one is appended after ", ".
QString appendVary(const QString &header, const QString &field)
{
    if (header == QLatin1String("*"))
        return header;
    const QStringList values = parseVary(header.toLower());
    if (values.contains(QLatin1String("*")))
        return QStringLiteral("*");
    if (values.contains(field.toLower()))
        return header;
    return header.isEmpty() ? field : header + QLatin1String(", ") + field;
}

// The response's headers as Node's OutgoingMessage keeps them: one entry per lower-cased
// name, in first-set order; setHeader replaces the name's spelling and value in place.
class ResponseHeaders {
public:
    explicit ResponseHeaders(const std::optional<QString> &existingVary)
    {
        if (existingVary)
            m_entries.push_back({Vary, *existingVary, false});
    }

    QString value(const QString &name) const
    {
        for (const Entry &e : m_entries)
            if (e.name.compare(name, Qt::CaseInsensitive) == 0)
                return e.value;
        return QString();
    }

    void set(const QString &name, const QString &value)
    {
        for (Entry &e : m_entries) {
            if (e.name.compare(name, Qt::CaseInsensitive) == 0) {
                e = {name, value, true};
                return;
            }
        }
        m_entries.push_back({name, value, true});
    }

    QList<CorsHeader> setByCors() const
    {
        QList<CorsHeader> out;
        for (const Entry &e : m_entries)
            if (e.setByCors)
                out.append({e.name, e.value});
        return out;
    }

private:
    struct Entry {
        QString name;
        QString value;
        bool setByCors = false;
    };
    std::vector<Entry> m_entries;
};

QString originArgument(const std::optional<QString> &origin)
{
    return origin ? quoted(*origin) : QStringLiteral("undefined");
}

// cors isOriginAllowed(): entries in order, the first that allows wins. A missing Origin is
// undefined: never === a string, and RegExp.test(undefined) tests the string "undefined".
bool isOriginAllowed(const std::optional<QString> &origin, const AllowedOrigin &allowed,
    QString *matchedBy, std::shared_ptr<OriginRegExp> *statefulRegExp)
{
    switch (allowed.kind()) {
    case AllowedOrigin::Kind::List:
        for (const AllowedOrigin &entry : allowed.list())
            if (isOriginAllowed(origin, entry, matchedBy, statefulRegExp))
                return true;
        return false;
    case AllowedOrigin::Kind::String:
        if (origin && *origin == allowed.string()) {
            *matchedBy = QStringLiteral("equals ") + allowed.describe();
            return true;
        }
        return false;
    case AllowedOrigin::Kind::RegExp: {
        if (!allowed.regExp())
            return false;
        if (allowed.regExp()->isStateful() && !*statefulRegExp)
            *statefulRegExp = allowed.regExp();
        const bool match = allowed.regExp()->test(origin ? *origin : QStringLiteral("undefined"));
        if (match)
            *matchedBy = QStringLiteral("matches ") + allowed.describe();
        return match;
    }
    case AllowedOrigin::Kind::Boolean:
        if (allowed.toBool())
            *matchedBy = QStringLiteral("is allowed by true");
        return allowed.toBool();
    }
    return false;
}

} // namespace

QStringList CorsDecision::headerLines() const
{
    QStringList lines;
    for (const CorsHeader &h : headers)
        lines << h.name + QLatin1String(": ") + h.value;
    return lines;
}

AllowedOrigin AllowedOrigin::fromBool(bool value)
{
    AllowedOrigin a;
    a.m_kind = Kind::Boolean;
    a.m_bool = value;
    return a;
}

AllowedOrigin AllowedOrigin::fromString(const QString &value)
{
    AllowedOrigin a;
    a.m_kind = Kind::String;
    a.m_string = value;
    return a;
}

AllowedOrigin AllowedOrigin::fromRegExp(std::shared_ptr<OriginRegExp> regExp)
{
    AllowedOrigin a;
    a.m_kind = Kind::RegExp;
    a.m_regExp = std::move(regExp);
    return a;
}

AllowedOrigin AllowedOrigin::fromList(std::vector<AllowedOrigin> entries)
{
    AllowedOrigin a;
    a.m_kind = Kind::List;
    a.m_list = std::move(entries);
    return a;
}

bool AllowedOrigin::isTruthy() const
{
    switch (m_kind) {
    case Kind::Boolean:
        return m_bool;
    case Kind::String:
        return !m_string.isEmpty();
    case Kind::RegExp:
    case Kind::List:
        return true;
    }
    return false;
}

QString AllowedOrigin::describe() const
{
    switch (m_kind) {
    case Kind::Boolean:
        return m_bool ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::String:
        return quoted(m_string);
    case Kind::RegExp:
        return m_regExp ? m_regExp->toString() : QStringLiteral("/(?:)/");
    case Kind::List: {
        QStringList items;
        for (const AllowedOrigin &entry : m_list)
            items << entry.describe();
        return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    }
    return QString();
}

OriginFunctionResult OriginFunctionResult::failure(const QString &message)
{
    return {message, AllowedOrigin::fromBool(false)};
}

OriginFunctionResult OriginFunctionResult::success(AllowedOrigin value)
{
    return {std::nullopt, std::move(value)};
}

struct CorsPolicy::State : std::enable_shared_from_this<State> {
    CorsOptions options;
    OriginFunction originFunction;
    AllowedOrigin origin; // the options' origin, unless it is a function
    bool originIsFunction = false;
    QString error;

    void evaluate(const CorsRequest &request, const DecisionCallback &done);
    void answer(const CorsRequest &request, const OriginFunctionResult &result, QStringList causes,
        const DecisionCallback &done);
    CorsDecision decide(const CorsRequest &request, const AllowedOrigin &allowed, bool fromFunction,
        QStringList causes);
};

CorsPolicy::CorsPolicy(
    const CorsOptions &options, OriginFunction originFunction, RegExpCompiler compileRegExp)
    : m_state(std::make_shared<State>())
{
    State &s = *m_state;
    s.options = options;
    s.originFunction = std::move(originFunction);
    if (!compileRegExp)
        compileRegExp = jsRegExpCompiler();
    // Each RegExp becomes its own object, as each /.../ literal is in the options.
    auto compile = [&](const RegexPattern &pattern) {
        CompiledRegExp c = compileRegExp(pattern);
        if (!c.regExp && s.error.isEmpty())
            s.error = QStringLiteral("origin RegExp /%1/%2 does not compile: %3")
                          .arg(pattern.source, pattern.flags, c.error);
        return AllowedOrigin::fromRegExp(std::move(c.regExp));
    };
    if (const auto *b = std::get_if<bool>(&options.origin)) {
        s.origin = AllowedOrigin::fromBool(*b);
    } else if (const auto *text = std::get_if<QString>(&options.origin)) {
        s.origin = AllowedOrigin::fromString(*text);
    } else if (const auto *pattern = std::get_if<RegexPattern>(&options.origin)) {
        s.origin = compile(*pattern);
    } else if (const auto *entries = std::get_if<QList<OriginEntry>>(&options.origin)) {
        std::vector<AllowedOrigin> list;
        for (const OriginEntry &entry : *entries) {
            if (const auto *entryText = std::get_if<QString>(&entry))
                list.push_back(AllowedOrigin::fromString(*entryText));
            else
                list.push_back(compile(std::get<RegexPattern>(entry)));
        }
        s.origin = AllowedOrigin::fromList(std::move(list));
    } else {
        s.originIsFunction = true;
        if (!s.originFunction)
            s.error = QStringLiteral("origin is a function, but no script engine was given to "
                                     "run it");
    }
}

bool CorsPolicy::isValid() const
{
    return m_state->error.isEmpty();
}

QString CorsPolicy::errorString() const
{
    return m_state->error;
}

const CorsOptions &CorsPolicy::options() const
{
    return m_state->options;
}

bool CorsPolicy::hasOriginFunction() const
{
    return m_state->originIsFunction;
}

void CorsPolicy::evaluate(const CorsRequest &request, DecisionCallback done)
{
    m_state->evaluate(request, done);
}

// cors middlewareWrapper(): a falsy origin turns cors off; a function origin is asked first.
void CorsPolicy::State::evaluate(const CorsRequest &request, const DecisionCallback &done)
{
    const bool isOptions = request.method.toUpper() == QLatin1String("OPTIONS");
    const QString offTail = isOptions
        ? QStringLiteral(", not even on this OPTIONS request, which goes on to the next handler")
        : QString();
    if (!error.isEmpty()) {
        CorsDecision d;
        d.outcome = CorsOutcome::Failed;
        d.error = error;
        d.causes << QStringLiteral("cors is not set up: ") + error;
        done(d);
        return;
    }
    if (!originIsFunction) {
        if (!origin.isTruthy()) {
            CorsDecision d;
            d.causes << QStringLiteral("CORS is off: origin is %1%2, so cors sets no headers and "
                                       "calls next()%3")
                            .arg(origin.describe(),
                                origin.kind() == AllowedOrigin::Kind::String
                                    ? QStringLiteral(" (falsy)")
                                    : QString(),
                                offTail);
            done(d);
            return;
        }
        done(decide(request, origin, false, {}));
        return;
    }
    QStringList causes;
    causes << QStringLiteral("origin function called with %1%2")
                  .arg(originArgument(request.origin),
                      request.origin ? QString()
                                     : QStringLiteral(" (the request has no Origin header)"));
    auto answered = std::make_shared<bool>(false);
    auto self = shared_from_this();
    originFunction(request.origin,
        [self, request, done, answered, causes, offTail](const OriginFunctionResult &result) {
            if (*answered)
                return;
            *answered = true;
            QStringList c = causes;
            if (result.error) {
                CorsDecision d;
                d.outcome = CorsOutcome::Failed;
                d.error = *result.error;
                d.causes = c;
                d.causes << QStringLiteral("the origin function failed with %1: cors calls "
                                           "next(err) and sets no headers (engine.io then "
                                           "answers 400 {\"code\":3,\"message\":\"Bad request\"})")
                                .arg(quoted(*result.error));
                done(d);
                return;
            }
            if (!result.value.isTruthy()) {
                CorsDecision d;
                d.causes = c;
                d.causes << QStringLiteral("the origin function answered %1: cors sets no headers "
                                           "and calls next()%2")
                                .arg(result.value.describe(), offTail);
                done(d);
                return;
            }
            c << QStringLiteral("the origin function answered ") + result.value.describe();
            done(self->decide(request, result.value, true, c));
        });
}

// cors(): configureOrigin, configureCredentials, then configureMethods, configureAllowedHeaders
// and configureMaxAge for OPTIONS only, then configureExposedHeaders; applyHeaders skips falsy
// values; every OPTIONS is a preflight (req.method.toUpperCase() === "OPTIONS").
CorsDecision CorsPolicy::State::decide(
    const CorsRequest &request, const AllowedOrigin &allowed, bool fromFunction, QStringList causes)
{
    const CorsOptions &o = options;
    CorsDecision d;
    d.isPreflight = request.method.toUpper() == QLatin1String("OPTIONS");
    ResponseHeaders headers(request.existingVary);
    const QString subject
        = fromFunction ? QStringLiteral("the origin function's value") : QStringLiteral("origin");

    if (d.isPreflight)
        causes << QStringLiteral("%1: cors treats every OPTIONS request as a preflight (it does "
                                 "not look at Access-Control-Request-Method)")
                      .arg(request.method);
    else
        causes << QStringLiteral("%1: an actual request for cors, so no "
                                 "Access-Control-Allow-Methods, -Allow-Headers or -Max-Age")
                      .arg(request.method);

    // vary(res, field), with a cause saying what happened to the header.
    auto vary = [&](const QString &field, const QString &reason) {
        const QString before = headers.value(Vary);
        const QString after = appendVary(before, field);
        headers.set(Vary, after);
        QString how;
        if (after == before)
            how = after == QLatin1String("*")
                ? QStringLiteral(" unchanged (* covers %1)").arg(field)
                : QStringLiteral(" unchanged (it already lists %1)").arg(field);
        else if (after == QLatin1String("*"))
            how = QStringLiteral(" (the existing Vary lists *)");
        else if (!before.isEmpty())
            how = QStringLiteral(" (%1 appended)").arg(field);
        causes << QStringLiteral("Vary: %1%2 because %3").arg(after, how, reason);
    };

    // configureOrigin
    if (allowed.kind() == AllowedOrigin::Kind::String && allowed.string() == QLatin1String("*")) {
        headers.set(AllowOrigin, allowed.string());
        causes << QStringLiteral("Access-Control-Allow-Origin: * because %1 is \"*\" (and so no "
                                 "Vary: Origin)")
                      .arg(subject);
    } else if (allowed.kind() == AllowedOrigin::Kind::String) {
        headers.set(AllowOrigin, allowed.string());
        causes << QStringLiteral("Access-Control-Allow-Origin: %1 because %2 is the fixed string "
                                 "%3, sent whatever the request's Origin")
                      .arg(allowed.string(), subject, allowed.describe());
        vary(VaryOrigin, QStringLiteral("%1 is a fixed string other than \"*\"").arg(subject));
    } else {
        QString matchedBy;
        std::shared_ptr<OriginRegExp> stateful;
        const bool isAllowed = isOriginAllowed(request.origin, allowed, &matchedBy, &stateful);
        const QString requestOrigin = originArgument(request.origin);
        const QString arrayName = fromFunction ? QStringLiteral("the origin function's array")
                                               : QStringLiteral("the origin array");
        QString why;
        if (allowed.kind() == AllowedOrigin::Kind::Boolean)
            why = QStringLiteral("%1 is true, which reflects any Origin").arg(subject);
        else if (allowed.kind() == AllowedOrigin::Kind::RegExp)
            why = QStringLiteral("origin %1 %2 %3")
                      .arg(requestOrigin,
                          isAllowed ? QStringLiteral("matches") : QStringLiteral("does not match"),
                          allowed.describe());
        else if (isAllowed)
            why = QStringLiteral("origin %1 %2 in %3").arg(requestOrigin, matchedBy, arrayName);
        else
            why = QStringLiteral("origin %1 is not in %2").arg(requestOrigin, arrayName);
        if (stateful)
            why += QStringLiteral(" (%1 has the %2 flag: test() starts at lastIndex, so the same "
                                  "Origin is allowed and refused in turn)")
                       .arg(stateful->toString(),
                           stateful->flags().contains(QLatin1Char('g')) ? QStringLiteral("g")
                                                                        : QStringLiteral("y"));
        if (!request.origin)
            causes << QStringLiteral("Access-Control-Allow-Origin omitted: the request has no "
                                     "Origin header, and cors would echo undefined");
        else if (isAllowed && request.origin->isEmpty())
            causes << QStringLiteral("Access-Control-Allow-Origin omitted: the request's Origin "
                                     "header is empty, and cors skips empty values");
        else if (isAllowed)
            causes << QStringLiteral("Access-Control-Allow-Origin: %1 because %2")
                          .arg(*request.origin, why);
        else
            causes << QStringLiteral("Access-Control-Allow-Origin omitted: ") + why;
        if (isAllowed && request.origin && !request.origin->isEmpty())
            headers.set(AllowOrigin, *request.origin);
        vary(VaryOrigin,
            QStringLiteral("%1 makes the answer depend on the request's Origin").arg(subject));
    }

    // configureCredentials: only the boolean true counts.
    if (o.credentials) {
        headers.set(AllowCredentials, QStringLiteral("true"));
        causes << QStringLiteral("Access-Control-Allow-Credentials: true because credentials is "
                                 "true");
    } else {
        causes << QStringLiteral("Access-Control-Allow-Credentials omitted: credentials is not "
                                 "true");
    }

    // configureExposedHeaders: an array is joined with ","; "" or [] gives no header.
    auto exposeHeaders = [&] {
        if (!o.exposedHeaders)
            return;
        const QString value = corsHeaderValue(*o.exposedHeaders);
        if (value.isEmpty()) {
            causes << QStringLiteral("Access-Control-Expose-Headers omitted: exposedHeaders is ")
                    + describe(*o.exposedHeaders);
            return;
        }
        headers.set(ExposeHeaders, value);
        causes << QStringLiteral("Access-Control-Expose-Headers: %1 from exposedHeaders %2%3")
                      .arg(value, describe(*o.exposedHeaders),
                          isList(*o.exposedHeaders) ? QStringLiteral(" joined with \",\"")
                                                    : QString());
    };

    if (d.isPreflight) {
        // configureMethods
        const QString methods = corsHeaderValue(o.methods);
        if (methods.isEmpty()) {
            causes << QStringLiteral("Access-Control-Allow-Methods omitted: methods is ")
                    + describe(o.methods);
        } else {
            headers.set(AllowMethods, methods);
            causes << QStringLiteral("Access-Control-Allow-Methods: %1 from methods %2%3%4")
                          .arg(methods, describe(o.methods),
                              isList(o.methods) ? QStringLiteral(" joined with \",\"") : QString(),
                              o.methods == StringOrList(CorsOptions::DefaultMethods)
                                  ? QStringLiteral(" (the default)")
                                  : QString());
        }

        // configureAllowedHeaders: a falsy allowedHeaders (unset or "") reflects the request's
        // Access-Control-Request-Headers and always adds Vary; [] joins to "" and adds nothing.
        const bool reflect = !o.allowedHeaders
            || (!isList(*o.allowedHeaders) && std::get<QString>(*o.allowedHeaders).isEmpty());
        if (reflect) {
            const QString unset = o.allowedHeaders
                ? QStringLiteral("allowedHeaders is \"\", which cors treats as not set")
                : QStringLiteral("allowedHeaders is not set");
            vary(VaryRequestHeaders,
                unset + QStringLiteral(", so Access-Control-Allow-Headers echoes the request"));
            const QString requested = request.requestHeaders.value_or(QString());
            if (requested.isEmpty()) {
                causes << QStringLiteral("Access-Control-Allow-Headers omitted: %1 and the request "
                                         "has %2 Access-Control-Request-Headers")
                              .arg(unset,
                                  request.requestHeaders ? QStringLiteral("an empty")
                                                         : QStringLiteral("no"));
            } else {
                headers.set(AllowHeaders, requested);
                causes << QStringLiteral("Access-Control-Allow-Headers: %1 echoes the request's "
                                         "Access-Control-Request-Headers because %2")
                              .arg(requested, unset);
            }
        } else {
            const QString value = corsHeaderValue(*o.allowedHeaders);
            if (value.isEmpty()) {
                causes << QStringLiteral("Access-Control-Allow-Headers omitted: allowedHeaders is ")
                        + describe(*o.allowedHeaders);
            } else {
                headers.set(AllowHeaders, value);
                causes << QStringLiteral(
                    "Access-Control-Allow-Headers: %1 from allowedHeaders %2%3")
                              .arg(value, describe(*o.allowedHeaders),
                                  isList(*o.allowedHeaders) ? QStringLiteral(" joined with \",\"")
                                                            : QString());
            }
        }

        // configureMaxAge: a number (0 included) or a non-empty string, through String().
        if (o.maxAge) {
            if (const auto *seconds = std::get_if<qint64>(&*o.maxAge)) {
                const QString value = QString::number(*seconds);
                headers.set(MaxAge, value);
                causes << QStringLiteral("Access-Control-Max-Age: %1 from maxAge %1").arg(value);
            } else if (const QString &text = std::get<QString>(*o.maxAge); text.isEmpty()) {
                causes << QStringLiteral("Access-Control-Max-Age omitted: maxAge is \"\"");
            } else {
                headers.set(MaxAge, text);
                causes << QStringLiteral("Access-Control-Max-Age: %1 from maxAge %2")
                              .arg(text, quoted(text));
            }
        }
        exposeHeaders();

        if (o.preflightContinue) {
            causes << QStringLiteral("preflightContinue is true: cors calls next() after setting "
                                     "the preflight headers, so the next handler answers this "
                                     "OPTIONS request");
        } else {
            // "Safari (and potentially other browsers) need content-length 0" (cors lib/index.js)
            d.outcome = CorsOutcome::PreflightEnded;
            d.status = o.optionsSuccessStatus;
            headers.set(QStringLiteral("Content-Length"), QStringLiteral("0"));
            causes << QStringLiteral(
                "cors ends the preflight with status %1 (optionsSuccessStatus) "
                "and Content-Length: 0 because preflightContinue is false; "
                "the next handler never sees it")
                          .arg(d.status);
        }
    } else {
        exposeHeaders();
        causes << QStringLiteral("cors calls next(): the next handler answers");
    }

    d.headers = headers.setByCors();
    d.causes = causes;
    return d;
}

} // namespace corslab
