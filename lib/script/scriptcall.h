// The three ways the server calls user code (cors `origin`, engine.io `allowRequest`, a
// namespace middleware): what goes in and what comes out, as plain values.
#pragma once

#include "profile/profile.h"
#include "scriptvalue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>
#include <vector>

namespace corslab {

// A function compiled into one ScriptSandbox; meaningless to any other.
struct CompiledFunction {
    int id = 0;
    QString name; // what messages call it: "cors.origin", "allowRequest", "/admin middleware"
    bool isValid() const { return id > 0; }
    friend bool operator==(const CompiledFunction &, const CompiledFunction &) = default;
};

struct CompileResult {
    CompiledFunction function; // valid when error is empty
    std::optional<ScriptError> error;
    // The source uses something QJSEngine 6.4 runs differently from Node (lookbehind, \p{..}).
    QStringList warnings;
    bool isValid() const { return !error.has_value(); }
};

// The HTTP request as Node's IncomingMessage shows it to user code (`req` of allowRequest,
// `socket.request` and `socket.handshake` of a middleware).
struct RequestInput {
    QString method = QStringLiteral("GET");
    QString url; // the request target as received: "/socket.io/?EIO=4&transport=polling&t=P1"
    std::vector<std::pair<QString, QString>> headers; // as received, in order, names in any case
    QString remoteAddress = QStringLiteral("127.0.0.1");
    QString httpVersion = QStringLiteral("1.1");
    bool encrypted = false; // TLS: req.connection.encrypted, socket.handshake.secure
};

// What socket.io knows when a client asks to join a namespace (socket.js buildHandshake()).
struct HandshakeInput {
    QString socketId; // socket.id
    QString sessionId; // the engine.io session: socket.conn.id
    QString namespaceName = QStringLiteral("/");
    RequestInput request; // the engine.io handshake request
    std::optional<JsonNode> auth; // the CONNECT packet's payload; absent: {} (client.js connect())
    QString transport = QStringLiteral("polling"); // socket.conn.transport.name
};

// How a call into user code ended.
enum class CallEnd {
    Answered, // called its callback (the first call counts)
    Failed, // threw, was interrupted, or its Promise was rejected, before answering
    NoAnswer // never called its callback within the time limit; Node would wait forever
};

// What every call reports besides its answer.
struct CallReport {
    CallEnd end = CallEnd::NoAnswer;
    std::optional<ScriptError> failure; // when end is Failed or NoAnswer: what and why
    QList<ScriptLogLine> log; // console lines and sandbox notes of this call, in order
    qint64 elapsedMs = 0; // from the call to its answer, or to giving up
};

// What cors 2.8 takes as `origin` after the callback (index.js middlewareWrapper, then
// configureOrigin): false (no CORS headers), true (reflect the request's Origin), a string ("*"
// or a fixed value, sent as it is), a RegExp or a list. A list is flattened (nested arrays
// are searched in order) and ends at its first entry that always matches (any other truthy
// value), which becomes the RegExp /(?:)/; entries that never match are left out.
using OriginValue = std::variant<bool, QString, RegexPattern, QList<OriginEntry>>;

struct OriginResult : CallReport {
    // callback(err, ...) with a truthy err: cors calls next(err) (engine.io answers 400).
    std::optional<ScriptValue> error;
    // callback(null, origin) otherwise; a falsy origin is false.
    OriginValue value = false;
};

struct AllowRequestResult : CallReport {
    ScriptValue message; // callback(message, success): engine.io sends it when truthy
    bool success = false; // !!success
};

struct MiddlewareResult : CallReport {
    std::optional<ScriptValue> error; // next(err) with a truthy err: the connection is refused
    ScriptValue message; // err.message (CONNECT_ERROR payload's "message")
    ScriptValue data; // err.data (its "data")
    bool isAllowed() const { return end == CallEnd::Answered && !error; }
};

} // namespace corslab
