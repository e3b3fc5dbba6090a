// Turns a JavaScript RegExp (as Node 20 reads it) into one QJSEngine 6.4 runs the same way, or
// says why it cannot.
#pragma once

#include <QString>

namespace corslab {

// QJSEngine 6.4 (Qt's V4 with JavaScriptCore's Yarr) implements ES2017 RegExps. Node 20 (V8)
// adds the ES2018+ parts, and RegExp.prototype.test() only needs a yes/no, so most of them can
// be rewritten into what Yarr runs with the same result:
//   - the s (dotAll) flag: every `.` outside a class becomes `[^]`;
//   - the d (hasIndices) flag: dropped, it changes exec()'s result only;
//   - \p{...} / \P{...} with the u flag: General_Category values and the binary properties
//     with fixed code point lists become explicit classes of ranges (Qt's Unicode tables);
//   - V8's early errors Yarr misses with the u flag (lone `{`, `}`, `]`; \k<name> to a group
//     that does not exist) are reported with V8's message.
// What cannot be rewritten is refused with a message that says so: lookbehind ((?<=, (?<!),
// the v flag, \p{Script=...}, and binary properties Qt has no table for.
struct RegexTranslation {
    QString source; // the pattern to hand to QJSEngine's RegExp constructor
    QString flags; // its flags
    QString error; // empty: translated; otherwise V8's SyntaxError text or why it is unsupported
    bool unsupported = false; // error is "Node accepts this, CorsLab's engine cannot"

    bool isValid() const { return error.isEmpty(); }

    static RegexTranslation translate(const QString &source, const QString &flags);
    // "/source/flags" as V8 writes it in messages (RegExp.prototype.toString()).
    static QString display(const QString &source, const QString &flags);
};

} // namespace corslab
