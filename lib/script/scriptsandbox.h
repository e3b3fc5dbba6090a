// Runs the JavaScript of a profile (cors `origin` functions, `allowRequest`, namespace
// middleware, RegExp origins) in a QJSEngine with a time limit and no I/O.
#pragma once

#include "profile/profile.h"
#include "scriptcall.h"
#include "scriptvalue.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace corslab {

// One sandbox per server run, living on the thread that runs the server (it needs that
// thread's event loop: timers and Promise callbacks run from it).
//
// What user code sees (DESIGN §4.4, §8 "user scripts run with a time limit and no I/O"): the
// ECMAScript built-ins of QJSEngine 6.4, plus Node's console (recorded, not printed),
// setTimeout/setInterval/setImmediate and their clear* functions, queueMicrotask and
// globalThis. No require, process, Buffer, import(), Qt, print, gc or XMLHttpRequest; only the
// arguments of each call reach the host.
//
// Calls: compile() a function once, then call it any number of times. Every call's `done` runs
// exactly once, from the event loop (never inside the call* function), on the sandbox's
// thread, unless the sandbox is destroyed first (pending calls are then dropped silently).
//
// Time: each piece of JavaScript the sandbox starts (the call itself, each timer callback) is
// interrupted after timeLimit() and the call fails with "did not return within N ms". A call
// that returned without calling its callback ends in NoAnswer after timeLimit(), unless timers
// it set (itself, from its timers or from its Promise callbacks) are pending: then it may
// answer from them until callbackWaitLimit(). JavaScript run by a Promise reaction is
// interrupted too when it blocks the thread for timeLimit() (a heartbeat stops arriving); a
// chain of short reactions that never ends cannot be caught.
//
// Crashes: QJSEngine 6.4 is not a hardened engine. The places where it recurses in C++ without
// a stack check that ordinary code reaches (Array join/toString of cyclic or deep arrays,
// proxy chains, deeply nested RegExp groups in the profile) are guarded; code written to
// crash it (e.g. a deeply nested RegExp built at run time) still can.
class ScriptSandbox : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds DefaultTimeLimit {1000};
    static constexpr std::chrono::milliseconds DefaultCallbackWaitLimit {30000};

    explicit ScriptSandbox(QObject *parent = nullptr);
    ~ScriptSandbox() override;

    std::chrono::milliseconds timeLimit() const;
    void setTimeLimit(std::chrono::milliseconds limit);
    std::chrono::milliseconds callbackWaitLimit() const;
    void setCallbackWaitLimit(std::chrono::milliseconds limit);

    // `name` is what messages call the function: "cors.origin", "allowRequest".
    CompileResult compile(const ScriptFunction &function, const QString &name);

    // cors: origin(req.headers.origin, callback); `origin` absent: the request had none.
    void callOriginFunction(const CompiledFunction &function, const std::optional<QString> &origin,
        std::function<void(const OriginResult &)> done);
    // engine.io: allowRequest(req, callback).
    void callAllowRequest(const CompiledFunction &function, const RequestInput &request,
        std::function<void(const AllowRequestResult &)> done);
    // socket.io: io.of(name).use(middleware) -> middleware(socket, next).
    void callMiddleware(const CompiledFunction &function, const HandshakeInput &handshake,
        std::function<void(const MiddlewareResult &)> done);

    // cors isOriginAllowed(): allowedOrigin.test(origin) with JavaScript's RegExp. One RegExp
    // object per pattern (source and flags) lives as long as the sandbox, so the g and y flags
    // keep lastIndex from one request to the next as they do in Node; a RegExp an origin
    // function returned is that very object. An absent origin is tested as "undefined". False
    // for a pattern regexSyntaxError() refuses.
    bool testRegex(const RegexPattern &pattern, const std::optional<QString> &input);
    // Empty when `new RegExp(source, flags)` works in Node and here; otherwise V8's message
    // ("Invalid regular expression: /(/: Unterminated group") or why CorsLab cannot run it.
    QString regexSyntaxError(const RegexPattern &pattern);

    int pendingCallCount() const;

signals:
    // Every console line of user code and every note of the sandbox, queued. Lines of a call
    // that is still waiting for its answer are also in its result's `log`.
    void logged(const corslab::ScriptLogLine &line);

private:
    class Private;
    friend class SandboxHost;
    std::unique_ptr<Private> d;
};

} // namespace corslab
