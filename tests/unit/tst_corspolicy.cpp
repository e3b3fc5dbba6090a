// CorsPolicy against the real npm cors 2.8.6: cors.md §1.5 rows 1–32, the §1.6 Socket.IO rows
// that concern headers, Vary merging, RegExp lastIndex and the origin-function hook.
//
// Every expected header list and outcome below was printed by the real cors 2.8.6 (with vary
// 1.1.2) running in Node 20 on a real http.ServerResponse; the §1.6 rows were also checked on
// the wire against socket.io 4.8.4. Headers are listed in the order Node writes them.
#include "cors/corspolicy.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(corslab::CorsOptions)
Q_DECLARE_METATYPE(corslab::CorsRequest)
Q_DECLARE_METATYPE(corslab::OriginFunction)

namespace {

const QString A = u"http://a.test"_s;
const QString Evil = u"http://evil.test"_s;

RegexPattern re(const QString &source, const QString &flags = QString())
{
    RegexPattern p;
    p.source = source;
    p.flags = flags;
    return p;
}

ScriptFunction fn(const QString &source)
{
    ScriptFunction f;
    f.source = source;
    return f;
}

// CorsOptions written field by field, e.g. Opts().origin(true).credentials().
struct Opts {
    CorsOptions o;
    Opts &origin(const CorsOrigin &v) { return o.origin = v, *this; }
    Opts &methods(const StringOrList &v) { return o.methods = v, *this; }
    Opts &allowedHeaders(const StringOrList &v) { return o.allowedHeaders = v, *this; }
    Opts &exposedHeaders(const StringOrList &v) { return o.exposedHeaders = v, *this; }
    Opts &credentials(bool v = true) { return o.credentials = v, *this; }
    Opts &maxAge(const std::variant<qint64, QString> &v) { return o.maxAge = v, *this; }
    Opts &preflightContinue(bool v = true) { return o.preflightContinue = v, *this; }
    Opts &optionsSuccessStatus(int v) { return o.optionsSuccessStatus = v, *this; }
    operator CorsOptions() const { return o; }
};

CorsRequest get(const std::optional<QString> &origin)
{
    CorsRequest r;
    r.method = u"GET"_s;
    r.origin = origin;
    return r;
}

// cors.md "PF": OPTIONS with Origin, Access-Control-Request-Method and -Request-Headers.
CorsRequest preflight(const std::optional<QString> &origin = A,
    const std::optional<QString> &requestHeaders = u"content-type,x-foo"_s)
{
    CorsRequest r;
    r.method = u"OPTIONS"_s;
    r.origin = origin;
    r.requestHeaders = requestHeaders;
    return r;
}

CorsRequest withVary(CorsRequest r, const QString &vary)
{
    r.existingVary = vary;
    return r;
}

OriginFunction answers(const AllowedOrigin &value)
{
    return [value](const std::optional<QString> &, const OriginCallback &callback) {
        callback(OriginFunctionResult::success(value));
    };
}

OriginFunction fails(const QString &message)
{
    return [message](const std::optional<QString> &, const OriginCallback &callback) {
        callback(OriginFunctionResult::failure(message));
    };
}

// cors.md §1.6 "Watch for": (o, cb) => [A].includes(o) ? cb(null, true) : cb(new Error(..)).
OriginFunction allowsOnlyA()
{
    return [](const std::optional<QString> &origin, const OriginCallback &callback) {
        callback(origin == A ? OriginFunctionResult::success(AllowedOrigin::fromBool(true))
                             : OriginFunctionResult::failure(u"origin not allowed"_s));
    };
}

AllowedOrigin compiled(const QString &source, const QString &flags = QString())
{
    static const RegExpCompiler compile = jsRegExpCompiler();
    return AllowedOrigin::fromRegExp(compile(re(source, flags)).regExp);
}

QString outcomeText(const CorsDecision &d)
{
    switch (d.outcome) {
    case CorsOutcome::PassOn:
        return u"next()"_s;
    case CorsOutcome::PreflightEnded:
        return u"end "_s + QString::number(d.status);
    case CorsOutcome::Failed:
        return u"next(err) "_s + d.error;
    }
    return QString();
}

// One request through a policy; fails the test if the decision is not ready synchronously.
std::optional<CorsDecision> decideNow(CorsPolicy &policy, const CorsRequest &request)
{
    std::optional<CorsDecision> result;
    policy.evaluate(request, [&result](const CorsDecision &d) { result = d; });
    return result;
}

const QString DefaultFunction = u"(origin, callback) => callback(null, true)"_s;

} // namespace

class TestCorsPolicy : public QObject {
    Q_OBJECT

private slots:
    void evaluate_data();
    void evaluate();
    void statefulRegExp_data();
    void statefulRegExp();
    void causes_data();
    void causes();
    void regExpCompiler_data();
    void regExpCompiler();
    void originFunctionGetsTheRequestOrigin();
    void originFunctionAnsweringLater();
    void originFunctionAnsweringTwice();
    void invalidRegExpMakesPolicyInvalid();
    void functionWithoutScriptEngineIsInvalid();
};

void TestCorsPolicy::evaluate_data()
{
    QTest::addColumn<CorsOptions>("options");
    QTest::addColumn<OriginFunction>("originFunction");
    QTest::addColumn<CorsRequest>("request");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QStringList>("headers");

    const OriginFunction none;
    const QString acaoAny = u"Access-Control-Allow-Origin: *"_s;
    const QString acaoA = u"Access-Control-Allow-Origin: http://a.test"_s;
    const QString varyOrigin = u"Vary: Origin"_s;
    const QString varyBoth = u"Vary: Origin, Access-Control-Request-Headers"_s;
    const QString varyRequestHeaders = u"Vary: Access-Control-Request-Headers"_s;
    const QString defaultMethods
        = u"Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE"_s;
    const QString reflectedHeaders = u"Access-Control-Allow-Headers: content-type,x-foo"_s;
    const QString lengthZero = u"Content-Length: 0"_s;
    auto row = [](const char *name, const CorsOptions &options, const OriginFunction &f,
                   const CorsRequest &request, const QString &outcome, const QStringList &headers) {
        QTest::newRow(name) << options << f << request << outcome << headers;
    };

    // cors.md §1.5 -------------------------------------------------------------------------------
    row("01 defaults, GET with Origin", {}, none, get(A), u"next()"_s, {acaoAny});
    row("01 defaults, GET without Origin", {}, none, get(std::nullopt), u"next()"_s, {acaoAny});
    row("02 defaults, preflight", {}, none, preflight(), u"end 204"_s,
        {acaoAny, defaultMethods, varyRequestHeaders, reflectedHeaders, lengthZero});
    row("03 defaults, bare OPTIONS", {}, none, preflight(std::nullopt, std::nullopt), u"end 204"_s,
        {acaoAny, defaultMethods, varyRequestHeaders, lengthZero});
    row("04 origin * with credentials, GET", Opts().origin(u"*"_s).credentials(), none, get(A),
        u"next()"_s, {acaoAny, u"Access-Control-Allow-Credentials: true"_s});
    row("05 fixed origin, GET from another origin", Opts().origin(A), none, get(Evil), u"next()"_s,
        {acaoA, varyOrigin});
    row("05 fixed origin, GET without Origin", Opts().origin(A), none, get(std::nullopt),
        u"next()"_s, {acaoA, varyOrigin});
    row("06 fixed origin, preflight from another origin", Opts().origin(A), none, preflight(Evil),
        u"end 204"_s, {acaoA, varyBoth, defaultMethods, reflectedHeaders, lengthZero});
    row("07 fixed origin with a trailing slash, GET", Opts().origin(u"http://a.test/"_s), none,
        get(A), u"next()"_s, {u"Access-Control-Allow-Origin: http://a.test/"_s, varyOrigin});
    row("08 origin true, GET", Opts().origin(true), none, get(A), u"next()"_s, {acaoA, varyOrigin});
    row("09 origin true, GET without Origin", Opts().origin(true), none, get(std::nullopt),
        u"next()"_s, {varyOrigin});
    row("10 origin true, GET with Origin null", Opts().origin(true), none, get(u"null"_s),
        u"next()"_s, {u"Access-Control-Allow-Origin: null"_s, varyOrigin});
    row("11 origin true, OPTIONS without Origin", Opts().origin(true), none,
        preflight(std::nullopt, std::nullopt), u"end 204"_s,
        {varyBoth, defaultMethods, lengthZero});
    row("12 origin false, preflight", Opts().origin(false), none, preflight(), u"next()"_s, {});
    row("12 origin false, GET", Opts().origin(false), none, get(A), u"next()"_s, {});
    row("12 origin empty string, preflight", Opts().origin(u""_s), none, preflight(), u"next()"_s,
        {});
    row("13 RegExp origin, GET from a non-matching origin", Opts().origin(re(u"a\\.test$"_s)), none,
        get(u"http://b.test"_s), u"next()"_s, {varyOrigin});
    row("14 RegExp origin, preflight from a non-matching origin", Opts().origin(re(u"a\\.test$"_s)),
        none, preflight(u"http://b.test"_s), u"end 204"_s,
        {varyBoth, defaultMethods, reflectedHeaders, lengthZero});
    const CorsOptions listWithRegExp = Opts().origin(QList<OriginEntry> {A, re(u"\\.b\\.test$"_s)});
    row("15 array origin, RegExp entry matches", listWithRegExp, none, get(u"http://x.b.test"_s),
        u"next()"_s, {u"Access-Control-Allow-Origin: http://x.b.test"_s, varyOrigin});
    row("16 array origin, upper-case Origin", listWithRegExp, none, get(u"http://A.test"_s),
        u"next()"_s, {varyOrigin});
    row("16 array origin, Origin with a trailing slash", listWithRegExp, none,
        get(u"http://a.test/"_s), u"next()"_s, {varyOrigin});
    row("16 array origin, Origin not listed", listWithRegExp, none, get(u"http://c.test"_s),
        u"next()"_s, {varyOrigin});
    row("17 array with \"*\", GET", Opts().origin(QList<OriginEntry> {u"*"_s}), none, get(A),
        u"next()"_s, {varyOrigin});
    const CorsOptions function = Opts().origin(fn(DefaultFunction));
    const OriginFunction answersTrue = answers(AllowedOrigin::fromBool(true));
    row("18 function answers true, GET", function, answersTrue, get(A), u"next()"_s,
        {acaoA, varyOrigin});
    row("18 function answers true, preflight", function, answersTrue, preflight(), u"end 204"_s,
        {acaoA, varyBoth, defaultMethods, reflectedHeaders, lengthZero});
    const OriginFunction answersFalse = answers(AllowedOrigin::fromBool(false));
    row("19 function answers false, GET", function, answersFalse, get(A), u"next()"_s, {});
    row("19 function answers false, preflight", function, answersFalse, preflight(), u"next()"_s,
        {});
    row("20 function fails, GET", function, fails(u"nope"_s), get(A), u"next(err) nope"_s, {});
    row("20 function fails, preflight", function, fails(u"nope"_s), preflight(),
        u"next(err) nope"_s, {});
    row("21 function answers a fixed string, GET", function,
        answers(AllowedOrigin::fromString(u"http://fixed.test"_s)), get(A), u"next()"_s,
        {u"Access-Control-Allow-Origin: http://fixed.test"_s, varyOrigin});
    const CorsOptions everything = Opts()
                                       .origin(true)
                                       .methods(QStringList {u"GET"_s, u"POST"_s})
                                       .allowedHeaders(QStringList {u"Content-Type"_s, u"X-Foo"_s})
                                       .exposedHeaders(QStringList {u"X-Bar"_s, u"X-Baz"_s})
                                       .credentials()
                                       .maxAge(qint64(600));
    row("22 everything set, GET", everything, none, get(A), u"next()"_s,
        {acaoA, varyOrigin, u"Access-Control-Allow-Credentials: true"_s,
            u"Access-Control-Expose-Headers: X-Bar,X-Baz"_s});
    row("23 everything set, preflight", everything, none, preflight(), u"end 204"_s,
        {acaoA, varyOrigin, u"Access-Control-Allow-Credentials: true"_s,
            u"Access-Control-Allow-Methods: GET,POST"_s,
            u"Access-Control-Allow-Headers: Content-Type,X-Foo"_s, u"Access-Control-Max-Age: 600"_s,
            u"Access-Control-Expose-Headers: X-Bar,X-Baz"_s, lengthZero});
    // Row 24 is cors's "headers" alias; the profile keeps "headers" as an unknown member
    // without effect, so the row is tested as the allowedHeaders string it aliases.
    row("24 allowedHeaders string, preflight", Opts().allowedHeaders(u"X-Legacy"_s), none,
        preflight(), u"end 204"_s,
        {acaoAny, defaultMethods, u"Access-Control-Allow-Headers: X-Legacy"_s, lengthZero});
    row("25 allowedHeaders empty array, preflight", Opts().allowedHeaders(QStringList()), none,
        preflight(), u"end 204"_s, {acaoAny, defaultMethods, lengthZero});
    // `allowedHeaders || headers` makes "" falsy: it reflects, unlike [] (cors.md §1.3 says not).
    row("25 allowedHeaders empty string reflects, preflight", Opts().allowedHeaders(u""_s), none,
        preflight(), u"end 204"_s,
        {acaoAny, defaultMethods, varyRequestHeaders, reflectedHeaders, lengthZero});
    row("26 maxAge 0, preflight", Opts().maxAge(qint64(0)), none, preflight(), u"end 204"_s,
        {acaoAny, defaultMethods, varyRequestHeaders, reflectedHeaders,
            u"Access-Control-Max-Age: 0"_s, lengthZero});
    row("26 maxAge string, preflight", Opts().maxAge(u"86400"_s), none, preflight(), u"end 204"_s,
        {acaoAny, defaultMethods, varyRequestHeaders, reflectedHeaders,
            u"Access-Control-Max-Age: 86400"_s, lengthZero});
    row("26 maxAge empty string, preflight", Opts().maxAge(u""_s), none, preflight(), u"end 204"_s,
        {acaoAny, defaultMethods, varyRequestHeaders, reflectedHeaders, lengthZero});
    // Row 27's credentials: "true" cannot be written in a profile (credentials is a boolean
    // there); cors ignores it, which is credentials false.
    row("27 credentials false, GET", Opts().credentials(false), none, get(A), u"next()"_s,
        {acaoAny});
    row("28 methods empty string, preflight", Opts().methods(u""_s), none, preflight(),
        u"end 204"_s, {acaoAny, varyRequestHeaders, reflectedHeaders, lengthZero});
    row("28 methods empty array, preflight", Opts().methods(QStringList()), none, preflight(),
        u"end 204"_s, {acaoAny, varyRequestHeaders, reflectedHeaders, lengthZero});
    row("29 preflightContinue, preflight", Opts().preflightContinue(), none, preflight(),
        u"next()"_s, {acaoAny, defaultMethods, varyRequestHeaders, reflectedHeaders});
    row("30 optionsSuccessStatus 200, preflight", Opts().optionsSuccessStatus(200), none,
        preflight(), u"end 200"_s,
        {acaoAny, defaultMethods, varyRequestHeaders, reflectedHeaders, lengthZero});
    // Row 31 (methods: undefined → TypeError) cannot be written in a profile: "methods" is a
    // string or an array there. Row 32 (g flag) is in statefulRegExp().

    // cors.md §1.4 curl check and other quirks --------------------------------------------------
    row("good.test array with credentials, preflight from evil",
        Opts()
            .origin(QList<OriginEntry> {u"http://good.test"_s})
            .allowedHeaders(QStringList {u"Authorization"_s})
            .credentials()
            .maxAge(qint64(7200)),
        none, preflight(Evil, u"authorization"_s), u"end 204"_s,
        {varyOrigin, u"Access-Control-Allow-Credentials: true"_s, defaultMethods,
            u"Access-Control-Allow-Headers: Authorization"_s, u"Access-Control-Max-Age: 7200"_s,
            lengthZero});
    CorsRequest lowerCaseOptions = get(A);
    lowerCaseOptions.method = u"options"_s;
    row("lower-case options method is a preflight", {}, none, lowerCaseOptions, u"end 204"_s,
        {acaoAny, defaultMethods, varyRequestHeaders, lengthZero});
    CorsRequest post = get(A);
    post.method = u"POST"_s;
    row("POST is an actual request",
        Opts().origin(true).methods(QStringList {u"GET"_s}).maxAge(qint64(5)), none, post,
        u"next()"_s, {acaoA, varyOrigin});
    row("origin true, empty Origin header", Opts().origin(true), none, get(u""_s), u"next()"_s,
        {varyOrigin});
    row("RegExp origin, missing Origin is tested as \"undefined\"",
        Opts().origin(re(u"undefined"_s)), none, get(std::nullopt), u"next()"_s, {varyOrigin});
    row("RegExp origin with the i flag", Opts().origin(re(u"^http:\\/\\/A\\.TEST$"_s, u"i"_s)),
        none, get(A), u"next()"_s, {acaoA, varyOrigin});
    row("array origin, \"*\" entry matches a literal \"*\" Origin",
        Opts().origin(QList<OriginEntry> {u"*"_s}), none, get(u"*"_s), u"next()"_s,
        {acaoAny, varyOrigin});
    row("fixed origin \"null\"", Opts().origin(u"null"_s), none, get(A), u"next()"_s,
        {u"Access-Control-Allow-Origin: null"_s, varyOrigin});
    row("fixed origin comma list", Opts().origin(u"http://a.test,http://b.test"_s), none, get(A),
        u"next()"_s, {u"Access-Control-Allow-Origin: http://a.test,http://b.test"_s, varyOrigin});
    row("function answers \"*\"", function, answers(AllowedOrigin::fromString(u"*"_s)), get(A),
        u"next()"_s, {acaoAny});
    row("function answers a RegExp", function, answers(compiled(u"^http:\\/\\/a\\.test$"_s)),
        get(A), u"next()"_s, {acaoA, varyOrigin});
    row("function answers an array without the Origin", function,
        answers(AllowedOrigin::fromList({AllowedOrigin::fromString(u"http://b.test"_s)})),
        preflight(), u"end 204"_s, {varyBoth, defaultMethods, reflectedHeaders, lengthZero});
    row("function answers an empty string", function, answers(AllowedOrigin::fromString(u""_s)),
        get(A), u"next()"_s, {});
    row("function answers an empty array", function, answers(AllowedOrigin::fromList({})), get(A),
        u"next()"_s, {varyOrigin});
    row("methods string sent verbatim", Opts().methods(u"get, post"_s), none, preflight(),
        u"end 204"_s,
        {acaoAny, u"Access-Control-Allow-Methods: get, post"_s, varyRequestHeaders,
            reflectedHeaders, lengthZero});
    row("Access-Control-Request-Headers reflected verbatim", {}, none,
        preflight(A, u"Content-Type, X-Foo"_s), u"end 204"_s,
        {acaoAny, defaultMethods, varyRequestHeaders,
            u"Access-Control-Allow-Headers: Content-Type, X-Foo"_s, lengthZero});
    row("exposedHeaders string on a preflight", Opts().exposedHeaders(u"X-Total"_s), none,
        preflight(), u"end 204"_s,
        {acaoAny, defaultMethods, varyRequestHeaders, reflectedHeaders,
            u"Access-Control-Expose-Headers: X-Total"_s, lengthZero});
    row("exposedHeaders empty array", Opts().exposedHeaders(QStringList()), none, get(A),
        u"next()"_s, {acaoAny});
    row("exposedHeaders empty string", Opts().exposedHeaders(u""_s), none, get(A), u"next()"_s,
        {acaoAny});

    // Vary merged like the vary package; a Vary set before cors keeps its (first) place -------
    row("vary: existing value, fixed origin", Opts().origin(A), none,
        withVary(get(A), u"Accept-Encoding"_s), u"next()"_s,
        {u"Vary: Accept-Encoding, Origin"_s, acaoA});
    row("vary: existing Origin in another case is not repeated", Opts().origin(true), none,
        withVary(get(A), u"origin"_s), u"next()"_s, {u"Vary: origin"_s, acaoA});
    row("vary: existing * stays *", Opts().origin(true), none, withVary(preflight(), u"*"_s),
        u"end 204"_s, {u"Vary: *"_s, acaoA, defaultMethods, reflectedHeaders, lengthZero});
    row("vary: existing list with * becomes *", Opts().origin(A), none,
        withVary(get(A), u"Accept, *"_s), u"next()"_s, {u"Vary: *"_s, acaoA});
    row("vary: existing empty value", Opts().origin(A), none, withVary(get(A), u""_s), u"next()"_s,
        {varyOrigin, acaoA});
    row("vary: preflight appends both fields", Opts().origin(true), none,
        withVary(preflight(), u"Accept-Encoding"_s), u"end 204"_s,
        {u"Vary: Accept-Encoding, Origin, Access-Control-Request-Headers"_s, acaoA, defaultMethods,
            reflectedHeaders, lengthZero});
    row("vary: untouched when cors adds no field", {}, none, withVary(get(A), u"Accept-Encoding"_s),
        u"next()"_s, {acaoAny});
    row("vary: spacing kept when nothing is added", Opts().origin(true), none,
        withVary(get(A), u"  Accept ,  origin "_s), u"next()"_s,
        {u"Vary:   Accept ,  origin "_s, acaoA});
    row("vary: spacing kept when a field is added", Opts().origin(true), none,
        withVary(get(A), u"Accept ,, "_s), u"next()"_s, {u"Vary: Accept ,, , Origin"_s, acaoA});

    // cors.md §1.6, the Socket.IO rows about headers (the request cors sees) --------------------
    const CorsOptions fixedWithCredentials = Opts().origin(A).credentials();
    row("sio fixed origin with credentials, handshake GET from evil", fixedWithCredentials, none,
        get(Evil), u"next()"_s, {acaoA, varyOrigin, u"Access-Control-Allow-Credentials: true"_s});
    row("sio fixed origin with credentials, OPTIONS", fixedWithCredentials, none,
        preflight(Evil, u"content-type"_s), u"end 204"_s,
        {acaoA, varyBoth, u"Access-Control-Allow-Credentials: true"_s, defaultMethods,
            u"Access-Control-Allow-Headers: content-type"_s, lengthZero});
    row("sio fixed origin with credentials, WebSocket upgrade", fixedWithCredentials, none,
        get(Evil), u"next()"_s, {acaoA, varyOrigin, u"Access-Control-Allow-Credentials: true"_s});
    const CorsOptions list = Opts().origin(QList<OriginEntry> {A});
    row("sio origin array, handshake GET from evil", list, none, get(Evil), u"next()"_s,
        {varyOrigin});
    row("sio origin array, OPTIONS from evil", list, none, preflight(Evil, u"content-type"_s),
        u"end 204"_s,
        {varyBoth, defaultMethods, u"Access-Control-Allow-Headers: content-type"_s, lengthZero});
    const CorsOptions any = Opts().origin(u"*"_s);
    row("sio origin * with allowRequest, handshake GET from evil", any, none, get(Evil),
        u"next()"_s, {acaoAny});
    row("sio origin * with allowRequest, OPTIONS from evil", any, none,
        preflight(Evil, u"content-type"_s), u"end 204"_s,
        {acaoAny, defaultMethods, varyRequestHeaders,
            u"Access-Control-Allow-Headers: content-type"_s, lengthZero});
    row("sio origin * with allowRequest, WebSocket upgrade from evil", any, none, get(Evil),
        u"next()"_s, {acaoAny});
    row("sio origin function fails, GET from evil", function, allowsOnlyA(), get(Evil),
        u"next(err) origin not allowed"_s, {});
    row("sio origin function fails, OPTIONS from evil", function, allowsOnlyA(),
        preflight(Evil, u"content-type"_s), u"next(err) origin not allowed"_s, {});
    row("sio origin function fails, GET without Origin", function, allowsOnlyA(), get(std::nullopt),
        u"next(err) origin not allowed"_s, {});
    row("sio origin function allows, GET from the listed origin", function, allowsOnlyA(), get(A),
        u"next()"_s, {acaoA, varyOrigin});
    row("sio origin function answers false, GET", function, answersFalse, get(Evil), u"next()"_s,
        {});
    row("sio origin function answers false, OPTIONS", function, answersFalse,
        preflight(Evil, u"content-type"_s), u"next()"_s, {});
    row("sio origin true with preflightContinue, OPTIONS", Opts().origin(true).preflightContinue(),
        none, preflight(Evil, u"content-type"_s), u"next()"_s,
        {u"Access-Control-Allow-Origin: http://evil.test"_s, varyBoth, defaultMethods,
            u"Access-Control-Allow-Headers: content-type"_s});
}

void TestCorsPolicy::evaluate()
{
    QFETCH(CorsOptions, options);
    QFETCH(OriginFunction, originFunction);
    QFETCH(CorsRequest, request);
    QFETCH(QString, outcome);
    QFETCH(QStringList, headers);

    CorsPolicy policy(options, originFunction);
    QVERIFY2(policy.isValid(), qPrintable(policy.errorString()));
    const std::optional<CorsDecision> d = decideNow(policy, request);
    QVERIFY(d);
    QCOMPARE(outcomeText(*d), outcome);
    QCOMPARE(d->headerLines(), headers);
    // Off, or failed in the origin function: cors never reached its OPTIONS branch.
    QCOMPARE(d->isPreflight, request.method.toUpper() == u"OPTIONS"_s && !headers.isEmpty());
    QVERIFY(!d->causes.isEmpty());
}

void TestCorsPolicy::statefulRegExp_data()
{
    QTest::addColumn<CorsOptions>("options");
    QTest::addColumn<QList<CorsRequest>>("requests");
    QTest::addColumn<QStringList>("results"); // per request: outcome | header | header ...

    const QString allowed = u"next() | Access-Control-Allow-Origin: http://a.test | Vary: Origin"_s;
    const QString refused = u"next() | Vary: Origin"_s;
    const QString preflightAllowed = u"end 204 | Access-Control-Allow-Origin: http://a.test | "
                                     "Vary: Origin, Access-Control-Request-Headers | "
                                     "Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE "
                                     "| Access-Control-Allow-Headers: content-type,x-foo | "
                                     "Content-Length: 0"_s;

    QTest::newRow("32 RegExp with the g flag alternates")
        << CorsOptions(Opts().origin(re(u"a\\.test$"_s, u"g"_s)))
        << QList<CorsRequest> {get(A), get(A), get(A), get(A)}
        << QStringList {allowed, refused, allowed, refused};
    QTest::newRow("RegExp with the y flag alternates when anchored at 0")
        << CorsOptions(Opts().origin(re(u"^http:\\/\\/a\\.test$"_s, u"y"_s)))
        << QList<CorsRequest> {get(A), get(A), get(A)} << QStringList {allowed, refused, allowed};
    QTest::newRow("RegExp with the y flag never matches past index 0")
        << CorsOptions(Opts().origin(re(u"a\\.test$"_s, u"y"_s)))
        << QList<CorsRequest> {get(A), get(A)} << QStringList {refused, refused};
    QTest::newRow("RegExp without g is stable")
        << CorsOptions(Opts().origin(re(u"a\\.test$"_s)))
        << QList<CorsRequest> {get(A), get(A), get(A)} << QStringList {allowed, allowed, allowed};
    QTest::newRow("g RegExp in an array alternates")
        << CorsOptions(
               Opts().origin(QList<OriginEntry> {u"http://b.test"_s, re(u"a\\.test$"_s, u"g"_s)}))
        << QList<CorsRequest> {get(A), get(A), get(A)} << QStringList {allowed, refused, allowed};
    QTest::newRow("g RegExp state is shared by preflight and GET")
        << CorsOptions(Opts().origin(re(u"a\\.test$"_s, u"g"_s)))
        << QList<CorsRequest> {preflight(), get(A), preflight()}
        << QStringList {preflightAllowed, refused, preflightAllowed};
    // test("undefined") matches at 0..9, so the next test starts at index 9 of the Origin.
    QTest::newRow("g RegExp state advances on a missing Origin")
        << CorsOptions(Opts().origin(re(u"undefined|a\\.test"_s, u"g"_s)))
        << QList<CorsRequest> {get(std::nullopt), get(A), get(A)}
        << QStringList {refused, refused, allowed};
    QTest::newRow("same g RegExp twice in an array keeps separate states")
        << CorsOptions(Opts().origin(
               QList<OriginEntry> {re(u"a\\.test$"_s, u"g"_s), re(u"a\\.test$"_s, u"g"_s)}))
        << QList<CorsRequest> {get(A), get(A), get(A), get(A)}
        << QStringList {allowed, allowed, allowed, refused};
}

void TestCorsPolicy::statefulRegExp()
{
    QFETCH(CorsOptions, options);
    QFETCH(QList<CorsRequest>, requests);
    QFETCH(QStringList, results);

    CorsPolicy policy(options);
    QVERIFY2(policy.isValid(), qPrintable(policy.errorString()));
    QStringList actual;
    for (const CorsRequest &request : requests) {
        const std::optional<CorsDecision> d = decideNow(policy, request);
        QVERIFY(d);
        actual << (QStringList {outcomeText(*d)} + d->headerLines()).join(u" | "_s);
    }
    QCOMPARE(actual, results);
}

void TestCorsPolicy::causes_data()
{
    QTest::addColumn<CorsOptions>("options");
    QTest::addColumn<OriginFunction>("originFunction");
    QTest::addColumn<CorsRequest>("request");
    QTest::addColumn<QStringList>("causes");

    const OriginFunction none;
    QTest::newRow("origin false, preflight")
        << CorsOptions(Opts().origin(false)) << none << preflight()
        << QStringList {u"CORS is off: origin is false, so cors sets no headers and calls next(), "
                        "not even on this OPTIONS request, which goes on to the next handler"_s};
    QTest::newRow("origin array, GET from evil")
        << CorsOptions(Opts().origin(QList<OriginEntry> {A})) << none << get(Evil)
        << QStringList {
               u"GET: an actual request for cors, so no Access-Control-Allow-Methods, "
               "-Allow-Headers or -Max-Age"_s,
               u"Access-Control-Allow-Origin omitted: origin \"http://evil.test\" is not in the "
               "origin array"_s,
               u"Vary: Origin because origin makes the answer depend on the request's Origin"_s,
               u"Access-Control-Allow-Credentials omitted: credentials is not true"_s,
               u"cors calls next(): the next handler answers"_s,
           };
    QTest::newRow("everything set, preflight")
        << CorsOptions(Opts()
                           .origin(QList<OriginEntry> {u"http://b.test"_s, re(u"^http:\\/\\/a"_s)})
                           .methods(QStringList {u"GET"_s, u"POST"_s})
                           .allowedHeaders(QStringList {u"Content-Type"_s})
                           .exposedHeaders(u"X-Bar"_s)
                           .credentials()
                           .maxAge(qint64(600)))
        << none << withVary(preflight(), u"Accept-Encoding"_s)
        << QStringList {
               u"OPTIONS: cors treats every OPTIONS request as a preflight (it does not look at "
               "Access-Control-Request-Method)"_s,
               u"Access-Control-Allow-Origin: http://a.test because origin \"http://a.test\" "
               "matches /^http:\\/\\/a/ in the origin array"_s,
               u"Vary: Accept-Encoding, Origin (Origin appended) because origin makes the answer "
               "depend on the request's Origin"_s,
               u"Access-Control-Allow-Credentials: true because credentials is true"_s,
               u"Access-Control-Allow-Methods: GET,POST from methods [\"GET\",\"POST\"] joined "
               "with \",\""_s,
               u"Access-Control-Allow-Headers: Content-Type from allowedHeaders "
               "[\"Content-Type\"] joined with \",\""_s,
               u"Access-Control-Max-Age: 600 from maxAge 600"_s,
               u"Access-Control-Expose-Headers: X-Bar from exposedHeaders \"X-Bar\""_s,
               u"cors ends the preflight with status 204 (optionsSuccessStatus) and "
               "Content-Length: 0 because preflightContinue is false; the next handler never "
               "sees it"_s,
           };
    QTest::newRow("defaults, preflight without request headers")
        << CorsOptions {} << none << preflight(A, std::nullopt)
        << QStringList {
               u"OPTIONS: cors treats every OPTIONS request as a preflight (it does not look at "
               "Access-Control-Request-Method)"_s,
               u"Access-Control-Allow-Origin: * because origin is \"*\" (and so no Vary: "
               "Origin)"_s,
               u"Access-Control-Allow-Credentials omitted: credentials is not true"_s,
               u"Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE from methods "
               "\"GET,HEAD,PUT,PATCH,POST,DELETE\" (the default)"_s,
               u"Vary: Access-Control-Request-Headers because allowedHeaders is not set, so "
               "Access-Control-Allow-Headers echoes the request"_s,
               u"Access-Control-Allow-Headers omitted: allowedHeaders is not set and the request "
               "has no Access-Control-Request-Headers"_s,
               u"cors ends the preflight with status 204 (optionsSuccessStatus) and "
               "Content-Length: 0 because preflightContinue is false; the next handler never "
               "sees it"_s,
           };
    QTest::newRow("g RegExp, GET without Origin")
        << CorsOptions(Opts().origin(re(u"a"_s, u"g"_s)).preflightContinue()) << none
        << get(std::nullopt)
        << QStringList {
               u"GET: an actual request for cors, so no Access-Control-Allow-Methods, "
               "-Allow-Headers or -Max-Age"_s,
               u"Access-Control-Allow-Origin omitted: the request has no Origin header, and cors "
               "would echo undefined"_s,
               u"Vary: Origin because origin makes the answer depend on the request's Origin"_s,
               u"Access-Control-Allow-Credentials omitted: credentials is not true"_s,
               u"cors calls next(): the next handler answers"_s,
           };
    QTest::newRow("g RegExp refuses")
        << CorsOptions(Opts().origin(re(u"b"_s, u"g"_s))) << none << get(A)
        << QStringList {
               u"GET: an actual request for cors, so no Access-Control-Allow-Methods, "
               "-Allow-Headers or -Max-Age"_s,
               u"Access-Control-Allow-Origin omitted: origin \"http://a.test\" does not match /b/g "
               "(/b/g has the g flag: test() starts at lastIndex, so the same Origin is allowed "
               "and refused in turn)"_s,
               u"Vary: Origin because origin makes the answer depend on the request's Origin"_s,
               u"Access-Control-Allow-Credentials omitted: credentials is not true"_s,
               u"cors calls next(): the next handler answers"_s,
           };
    QTest::newRow("fixed origin, existing Vary *")
        << CorsOptions(Opts().origin(A).credentials()) << none << withVary(get(Evil), u"*"_s)
        << QStringList {
               u"GET: an actual request for cors, so no Access-Control-Allow-Methods, "
               "-Allow-Headers or -Max-Age"_s,
               u"Access-Control-Allow-Origin: http://a.test because origin is the fixed string "
               "\"http://a.test\", sent whatever the request's Origin"_s,
               u"Vary: * unchanged (* covers Origin) because origin is a fixed string other than "
               "\"*\""_s,
               u"Access-Control-Allow-Credentials: true because credentials is true"_s,
               u"cors calls next(): the next handler answers"_s,
           };
    QTest::newRow("allowedHeaders empty string, preflightContinue")
        << CorsOptions(Opts()
                           .methods(u""_s)
                           .allowedHeaders(u""_s)
                           .exposedHeaders(QStringList())
                           .maxAge(u""_s)
                           .preflightContinue())
        << none << preflight(A, u"x-foo"_s)
        << QStringList {
               u"OPTIONS: cors treats every OPTIONS request as a preflight (it does not look at "
               "Access-Control-Request-Method)"_s,
               u"Access-Control-Allow-Origin: * because origin is \"*\" (and so no Vary: "
               "Origin)"_s,
               u"Access-Control-Allow-Credentials omitted: credentials is not true"_s,
               u"Access-Control-Allow-Methods omitted: methods is \"\""_s,
               u"Vary: Access-Control-Request-Headers because allowedHeaders is \"\", which cors "
               "treats as not set, so Access-Control-Allow-Headers echoes the request"_s,
               u"Access-Control-Allow-Headers: x-foo echoes the request's "
               "Access-Control-Request-Headers because allowedHeaders is \"\", which cors treats "
               "as not set"_s,
               u"Access-Control-Max-Age omitted: maxAge is \"\""_s,
               u"Access-Control-Expose-Headers omitted: exposedHeaders is []"_s,
               u"preflightContinue is true: cors calls next() after setting the preflight "
               "headers, so the next handler answers this OPTIONS request"_s,
           };
    const CorsOptions function = Opts().origin(fn(DefaultFunction));
    QTest::newRow("function fails without Origin")
        << function << allowsOnlyA() << get(std::nullopt)
        << QStringList {
               u"origin function called with undefined (the request has no Origin header)"_s,
               u"the origin function failed with \"origin not allowed\": cors calls next(err) and "
               "sets no headers (engine.io then answers 400 {\"code\":3,\"message\":\"Bad "
               "request\"})"_s,
           };
    QTest::newRow("function answers false")
        << function << answers(AllowedOrigin::fromBool(false)) << get(A)
        << QStringList {
               u"origin function called with \"http://a.test\""_s,
               u"the origin function answered false: cors sets no headers and calls next()"_s,
           };
    QTest::newRow("function answers an array")
        << function
        << answers(AllowedOrigin::fromList(
               {AllowedOrigin::fromString(u"http://b.test"_s), AllowedOrigin::fromString(A)}))
        << get(A)
        << QStringList {
               u"origin function called with \"http://a.test\""_s,
               u"the origin function answered [\"http://b.test\",\"http://a.test\"]"_s,
               u"GET: an actual request for cors, so no Access-Control-Allow-Methods, "
               "-Allow-Headers or -Max-Age"_s,
               u"Access-Control-Allow-Origin: http://a.test because origin \"http://a.test\" "
               "equals \"http://a.test\" in the origin function's array"_s,
               u"Vary: Origin because the origin function's value makes the answer depend on "
               "the request's Origin"_s,
               u"Access-Control-Allow-Credentials omitted: credentials is not true"_s,
               u"cors calls next(): the next handler answers"_s,
           };
}

void TestCorsPolicy::causes()
{
    QFETCH(CorsOptions, options);
    QFETCH(OriginFunction, originFunction);
    QFETCH(CorsRequest, request);
    QFETCH(QStringList, causes);

    CorsPolicy policy(options, originFunction);
    const std::optional<CorsDecision> d = decideNow(policy, request);
    QVERIFY(d);
    QCOMPARE(d->causes, causes);
}

// jsRegExpCompiler() against Node's RegExp: every result was checked with new RegExp() in Node.
void TestCorsPolicy::regExpCompiler_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<QList<bool>>("results"); // successive test() calls on one object

    QTest::newRow("plain") << u"^http:\\/\\/a\\.test$"_s << QString()
                           << QStringList {A, u"http://a.test.evil"_s} << QList<bool> {true, false};
    QTest::newRow("i flag") << u"^HTTP://A"_s << u"i"_s << QStringList {A} << QList<bool> {true};
    QTest::newRow("g flag keeps lastIndex")
        << u"a"_s << u"g"_s << QStringList {u"aa"_s, u"aa"_s, u"aa"_s}
        << QList<bool> {true, true, false};
    QTest::newRow("d flag has no effect on test")
        << u"a\\.test$"_s << u"d"_s << QStringList {A, A} << QList<bool> {true, true};
    QTest::newRow("s flag lets . match a line break")
        << u"^a.b$"_s << u"s"_s << QStringList {u"a\nb"_s, u"a\rb"_s} << QList<bool> {true, true};
    QTest::newRow("s flag leaves escaped and bracketed dots alone")
        << u"^a\\.[.]b$"_s << u"s"_s << QStringList {u"a..b"_s, u"a\n.b"_s, u"a.\nb"_s}
        << QList<bool> {true, false, false};
    QTest::newRow("no s flag, . stops at a line break")
        << u"^a.b$"_s << QString() << QStringList {u"a\nb"_s} << QList<bool> {false};
    QTest::newRow("u flag, . matches a code point")
        << u"^a.b$"_s << u"u"_s << QStringList {u"a\U0001F600b"_s} << QList<bool> {true};
    QTest::newRow("s and u flags, . matches a code point")
        << u"^a.b$"_s << u"su"_s << QStringList {u"a\U0001F600b"_s} << QList<bool> {true};
    QTest::newRow("missing Origin is the string undefined")
        << u"^undefined$"_s << QString() << QStringList {u"undefined"_s} << QList<bool> {true};
}

void TestCorsPolicy::regExpCompiler()
{
    QFETCH(QString, source);
    QFETCH(QString, flags);
    QFETCH(QStringList, inputs);
    QFETCH(QList<bool>, results);

    const CompiledRegExp c = jsRegExpCompiler()(re(source, flags));
    QVERIFY2(c.regExp, qPrintable(c.error));
    QCOMPARE(c.regExp->toString(), u"/"_s + source + u"/"_s + flags);
    QList<bool> actual;
    for (const QString &input : inputs)
        actual << c.regExp->test(input);
    QCOMPARE(actual, results);
}

void TestCorsPolicy::originFunctionGetsTheRequestOrigin()
{
    QList<std::optional<QString>> seen;
    CorsPolicy policy(Opts().origin(fn(DefaultFunction)),
        [&seen](const std::optional<QString> &origin, const OriginCallback &callback) {
            seen << origin;
            callback(OriginFunctionResult::success(AllowedOrigin::fromBool(true)));
        });
    QVERIFY(decideNow(policy, get(A)));
    QVERIFY(decideNow(policy, get(std::nullopt)));
    QVERIFY(decideNow(policy, get(u""_s)));
    QCOMPARE(seen, (QList<std::optional<QString>> {A, std::nullopt, u""_s}));
}

void TestCorsPolicy::originFunctionAnsweringLater()
{
    OriginCallback pending;
    auto policy = std::make_unique<CorsPolicy>(Opts().origin(fn(DefaultFunction)),
        [&pending](const std::optional<QString> &, const OriginCallback &callback) {
            pending = callback;
        });
    std::optional<CorsDecision> decision;
    policy->evaluate(preflight(), [&decision](const CorsDecision &d) { decision = d; });
    QVERIFY(!decision);
    QVERIFY(pending);
    policy.reset(); // the pending answer keeps what it needs alive
    pending(OriginFunctionResult::success(AllowedOrigin::fromString(A)));
    QVERIFY(decision);
    QCOMPARE(decision->outcome, CorsOutcome::PreflightEnded);
    QCOMPARE(decision->headerLines(),
        (QStringList {u"Access-Control-Allow-Origin: http://a.test"_s,
            u"Vary: Origin, Access-Control-Request-Headers"_s,
            u"Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE"_s,
            u"Access-Control-Allow-Headers: content-type,x-foo"_s, u"Content-Length: 0"_s}));
}

// engine.io's runMiddleware ignores a second next(); CorsPolicy ignores a second answer.
void TestCorsPolicy::originFunctionAnsweringTwice()
{
    CorsPolicy policy(Opts().origin(fn(DefaultFunction)),
        [](const std::optional<QString> &, const OriginCallback &callback) {
            callback(OriginFunctionResult::failure(u"first"_s));
            callback(OriginFunctionResult::success(AllowedOrigin::fromBool(true)));
        });
    int calls = 0;
    CorsDecision last;
    policy.evaluate(get(A), [&](const CorsDecision &d) {
        ++calls;
        last = d;
    });
    QCOMPARE(calls, 1);
    QCOMPARE(last.outcome, CorsOutcome::Failed);
    QCOMPARE(last.error, u"first"_s);
}

void TestCorsPolicy::invalidRegExpMakesPolicyInvalid()
{
    CorsPolicy policy(Opts().origin(QList<OriginEntry> {A, re(u"(?<=x)a"_s)}));
    QVERIFY(!policy.isValid());
    QVERIFY2(policy.errorString().startsWith(u"origin RegExp /(?<=x)a/ does not compile: "_s),
        qPrintable(policy.errorString()));
    const std::optional<CorsDecision> d = decideNow(policy, get(A));
    QVERIFY(d);
    QCOMPARE(d->outcome, CorsOutcome::Failed);
    QCOMPARE(d->error, policy.errorString());
    QVERIFY(d->headers.isEmpty());
}

void TestCorsPolicy::functionWithoutScriptEngineIsInvalid()
{
    CorsPolicy policy(Opts().origin(fn(DefaultFunction)));
    QVERIFY(policy.hasOriginFunction());
    QVERIFY(!policy.isValid());
    QCOMPARE(
        policy.errorString(), u"origin is a function, but no script engine was given to run it"_s);
}

QTEST_GUILESS_MAIN(TestCorsPolicy)
#include "tst_corspolicy.moc"
