// CodeImport ("code in"): the server's `new Server(...)` and the page's `io(...)` read out of
// JavaScript into a Profile — the reverse of CodeWriter.
#pragma once

#include "profile/diagnostic.h"
#include "profile/profile.h"

#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace corslab {

// Which of the two texts a diagnostic is about.
enum class CodeSide { Server, Client };

struct CodeDiagnostic {
    enum class Severity { Error, Warning, Note };

    Severity severity = Severity::Error;
    CodeSide side = CodeSide::Server;
    int line = 0; // 1-based in the user's text; 0: the text as a whole
    int column = 0; // 1-based; 0 when only the line is known
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // "server.js:12:5: error: message" (GCC style); "server.js: error: ..." without a line.
    QString toString(const QString &fileName) const;
    friend bool operator==(const CodeDiagnostic &, const CodeDiagnostic &) = default;
};

struct CodeImportResult {
    std::optional<Profile> profile; // set unless there are errors
    QList<CodeDiagnostic> diagnostics; // server's first, each side in line order
    bool hasErrors() const;
};

// How: each text runs once in its own QJSEngine with no Qt extensions and no I/O; require(),
// module, exports, process (empty env), console (silent), timers (never fire) and the stubs of
// socket.io, socket.io-client, express, cors and http/https are the prelude's
// (codeimportprelude.js). The stubs record the arguments of new Server(...) /
// require("socket.io")(...) / io.attach / io.listen, io.use(), io.of(name).use(), the listen
// port, io(url, opts) and the client's emits (its "connect" handlers run once at the end). ES
// module lines become require() calls on the same lines (JsSourcePlan), so line numbers stay the
// user's. A watchdog interrupts the code after timeLimit. Functions keep their exact source
// text (found by position: QJSEngine cannot print a function's source), RegExps their source
// and flags. The options then go through ProfileReader like a profile file would, so every
// check of the format applies; unknown options are kept with a warning.
//
// What the code cannot carry comes from `base` (or a fresh profile when there is none):
// name, description, $schema, expect and unknown top-level keys; server.host, server.port
// (the embedded server's own address; the code's listen port only decides whether the client
// connects to it) and server.proxy (infrastructure, a comment in to-code output); client.browser,
// client.unknown, and client.pageOrigin — unless io() has no URL or a path only (then the page
// is on the server: "same-origin") or the client code has a line comment
// "// The page's origin: ORIGIN" (what CodeWriter writes).
class CodeImport {
public:
    static constexpr qsizetype MaxCodeSize = 1024 * 1024; // characters per text
    static constexpr std::chrono::milliseconds DefaultTimeLimit {1000};

    // Server code only; the client comes from an io() call in the same text, else defaults
    // (page on http://localhost:3000).
    static CodeImportResult fromServerCode(const QString &code);
    // Client code only; the server comes from a new Server() in the same text, else defaults.
    static CodeImportResult fromClientCode(const QString &code);
    // Either text may be empty (that side comes from `base`), not both.
    static CodeImportResult fromCode(const QString &serverCode, const QString &clientCode,
        const std::optional<Profile> &base = std::nullopt,
        std::chrono::milliseconds timeLimit = DefaultTimeLimit);
};

} // namespace corslab
