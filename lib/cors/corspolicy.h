// CorsPolicy: what the npm cors 2.8.6 middleware does with one request, as a value, without I/O.
#pragma once

#include "originregexp.h"
#include "profile/profile.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace corslab {

// One response header as cors sets it (res.setHeader name spelling and value).
struct CorsHeader {
    QString name;
    QString value;
    friend bool operator==(const CorsHeader &, const CorsHeader &) = default;
};

// What cors reads from a request, plus the response's Vary value if a handler set one earlier.
struct CorsRequest {
    QString method;
    std::optional<QString> origin; // Origin; absent is JavaScript undefined
    std::optional<QString> requestHeaders; // Access-Control-Request-Headers
    std::optional<QString> existingVary; // Vary already on the response before cors ran
};

enum class CorsOutcome {
    PassOn, // next(): the next handler (engine.io) answers
    PreflightEnded, // cors answered: status optionsSuccessStatus, Content-Length: 0, no body
    Failed, // next(err): engine.io answers 400 {"code":3,"message":"Bad request"}
};

// The result for one request. headers is the order in which Node writes them: each header at the
// place cors first set it (setHeader on an existing name replaces the value in place), and a Vary
// the response already had (CorsRequest::existingVary) first, holding the merged value. Apply
// them with setHeader semantics: replace an existing header of that name in place, else append.
struct CorsDecision {
    CorsOutcome outcome = CorsOutcome::PassOn;
    bool isPreflight = false; // cors took its OPTIONS branch
    int status = 0; // PreflightEnded: the status cors set
    QString error; // Failed: the error's message
    QList<CorsHeader> headers;
    QStringList causes; // which option produced or omitted which header, for the timeline

    // "Name: value" lines.
    QStringList headerLines() const;
};

// A value cors compares a request's Origin with (cors isOriginAllowed()): a string by ===, a
// RegExp by test(), a list by any entry (lists may nest), anything else by its truthiness.
class AllowedOrigin {
public:
    enum class Kind { Boolean, String, RegExp, List };

    static AllowedOrigin fromBool(bool value);
    static AllowedOrigin fromString(const QString &value);
    static AllowedOrigin fromRegExp(std::shared_ptr<OriginRegExp> regExp);
    static AllowedOrigin fromList(std::vector<AllowedOrigin> entries);

    Kind kind() const { return m_kind; }
    bool toBool() const { return m_bool; }
    const QString &string() const { return m_string; }
    const std::shared_ptr<OriginRegExp> &regExp() const { return m_regExp; }
    const std::vector<AllowedOrigin> &list() const { return m_list; }

    // JavaScript truthiness: false and "" are falsy; a RegExp or a list (even empty) is truthy.
    bool isTruthy() const;
    // As JavaScript source: true, "http://a.test", /a\.test$/g, ["http://a.test",/b/].
    QString describe() const;

private:
    Kind m_kind = Kind::Boolean;
    bool m_bool = false;
    QString m_string;
    std::shared_ptr<OriginRegExp> m_regExp;
    std::vector<AllowedOrigin> m_list;
};

// What a user origin function passed to callback(err, value). The script layer maps the
// JavaScript value: a string or String → fromString, a RegExp → fromRegExp wrapping that very
// object (so its lastIndex is the function's), an array → fromList, anything else → fromBool of
// its truthiness. A truthy err, or a function that throws (engine.io's runMiddleware catches it),
// → failure(String(err)).
struct OriginFunctionResult {
    std::optional<QString> error;
    AllowedOrigin value;

    static OriginFunctionResult failure(const QString &message);
    static OriginFunctionResult success(AllowedOrigin value);
};
using OriginCallback = std::function<void(const OriginFunctionResult &result)>;
// Runs the profile's origin function with the request's Origin (absent: undefined). It may call
// the callback at once or later; CorsPolicy honours the first call only.
using OriginFunction
    = std::function<void(const std::optional<QString> &requestOrigin, OriginCallback callback)>;

// The cors middleware built from one CorsOptions: cors(options). Keep one per server, like the
// middleware instance, because RegExp origins with the g or y flag carry lastIndex from request
// to request (cors.md §1.5 row 32). Each RegExp in the options is its own object, even when two
// are spelled alike. Copies share that state, as two references to one middleware would. Not
// thread-safe: use it on the thread that built it (the default RegExps live in a QJSEngine).
class CorsPolicy {
public:
    using DecisionCallback = std::function<void(const CorsDecision &decision)>;

    // originFunction runs a ScriptFunction origin; compileRegExp defaults to jsRegExpCompiler().
    explicit CorsPolicy(const CorsOptions &options, OriginFunction originFunction = {},
        RegExpCompiler compileRegExp = {});

    // False when a RegExp does not compile (Node would not have started) or the origin is a
    // function and no originFunction was given. evaluate() then answers Failed, errorString().
    bool isValid() const;
    QString errorString() const;
    const CorsOptions &options() const;
    bool hasOriginFunction() const;

    // Calls done once the decision is known: synchronously, unless the origin function answers
    // later (never, if it never answers). A pending callback keeps the policy's state alive, so
    // the policy may be destroyed meanwhile.
    void evaluate(const CorsRequest &request, DecisionCallback done);

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace corslab
