// What comes back out of the script sandbox: JavaScript values as the server code sees them,
// errors of user code, and the lines it logged.
#pragma once

#include "profile/jsonnode.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace corslab {

// A JavaScript value user code handed to a callback, captured the ways the Node packages use
// it: truthiness (`if (err)`), String() (messages) and JSON.stringify() (what goes on the wire).
struct ScriptValue {
    enum class Type {
        Undefined,
        Null,
        Boolean,
        Number,
        String,
        Symbol,
        Function,
        Array,
        RegExp,
        Error,
        Object
    };

    Type type = Type::Undefined;
    bool truthy = false; // !!value
    QString text = QStringLiteral("undefined"); // String(value): "Error: not allowed", "42"
    // JSON.parse(JSON.stringify(value)); nullopt when that is undefined (undefined, functions,
    // symbols) or throws (cycles).
    std::optional<JsonNode> json;

    bool isUndefined() const { return type == Type::Undefined; }
    bool isString() const { return type == Type::String; }

    static ScriptValue fromString(const QString &text);
    // "undefined", "null", "boolean", ..., "regexp", "error", "object".
    static QString typeName(Type type);
    friend bool operator==(const ScriptValue &, const ScriptValue &) = default;
};

// Why user code gave no answer. `message` is a whole sentence that names the function:
//   cors.origin threw TypeError: Cannot read property 'split' of undefined (line 2)
//   allowRequest did not return within 1000 ms
struct ScriptError {
    enum class Kind {
        Syntax, // the source does not compile
        NotAFunction, // it compiles to something else
        Thrown, // it (or a timer it set) threw
        Rejected, // the Promise it returned was rejected
        TimedOut, // it ran longer than the time limit and was interrupted
        NoAnswer, // it never called its callback
        Unavailable // no such compiled function, or the sandbox could not start
    };

    Kind kind = Kind::Thrown;
    QString message;
    int line = 0; // 1-based, relative to the function's source; 0 when unknown
    int column = 0; // 1-based; QJSEngine knows columns for syntax errors only; 0 when unknown
    friend bool operator==(const ScriptError &, const ScriptError &) = default;
};

// One console.* line of user code, or something the sandbox noticed about it (level Note:
// "called its callback twice", "answered after the time limit", ...).
struct ScriptLogLine {
    enum class Level { Log, Info, Debug, Warn, Error, Note };

    QString function; // "cors.origin"; empty when no call was running
    int callId = 0; // the call it belongs to; 0 when unknown
    Level level = Level::Log;
    QString text;
    friend bool operator==(const ScriptLogLine &, const ScriptLogLine &) = default;
};

} // namespace corslab

Q_DECLARE_METATYPE(corslab::ScriptLogLine)
