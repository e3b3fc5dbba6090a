// CodeWriter: a profile as the JavaScript a developer would write — the Socket.IO server with
// `new Server(httpServer, {...})`, the page's `io(url, {...})` — and a unified diff between two
// versions of it (a fix shown as a change of code).
#pragma once

#include "profile/profile.h"

#include <QString>

namespace corslab {

enum class CodeStyle {
    Esm, // import ... from "..."
    CommonJs, // const ... = require("...")
};

class CodeWriter {
public:
    // A runnable server: only the options that differ from Socket.IO's defaults, RegExps as
    // literals, functions as their source, namespace middleware as io.of(ns).use(...), CorsLab's
    // test application, the proxy (not server code) as a comment.
    static QString serverCode(const Profile &profile, CodeStyle style = CodeStyle::Esm);
    // The page's io() call, with its origin as a comment, and the events the profile emits.
    static QString clientCode(const Profile &profile, CodeStyle style = CodeStyle::Esm);

    // The object literal passed to new Server() (empty when every option is a default), as it
    // stands in serverCode(); also what a test evaluates with node.
    static QString serverOptionsLiteral(const Profile &profile);
    static QString clientOptionsLiteral(const Profile &profile);
    // The URL serverCode() listens on and clientCode() connects to for the embedded server.
    static int listenPort(const Profile &profile);

    // A unified diff (3 lines of context, GNU diff's hunk headers) from the longest common
    // subsequence of lines; empty when the texts are equal.
    static QString unifiedDiff(const QString &before, const QString &after, const QString &label);

    // A JavaScript string literal ("..." with JSON escapes) and a RegExp literal (/source/flags,
    // an unescaped "/" escaped as RegExp.prototype.source does).
    static QString stringLiteral(const QString &text);
    static QString regexLiteral(const QString &source, const QString &flags);
};

} // namespace corslab
