// JsSourcePlan: what CodeImport changes in user JavaScript before QJSEngine's script mode runs
// it, and how positions in the changed text map back to the user's own lines and columns.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace corslab {

// One replacement of original text [start, end) by `text` (an insertion when start == end).
struct SourceEdit {
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;
};

// A function literal of the original text: where it starts and ends, exactly as written.
struct FunctionExtent {
    qsizetype start = 0;
    qsizetype end = 0;
    // Names it uses that the code declares outside it at the top level (or Node's require,
    // process, module, exports, Buffer, __dirname, __filename): a profile keeps the function
    // alone, so these do not exist where CorsLab runs it.
    QStringList outerNames;
};

// I/O-free. A small JavaScript tokenizer (strings, templates, comments, RegExp literals,
// brackets) finds:
//  - ES module lines (`import ... from "m"`, `export ...`) at the top level, rewritten into
//    require() calls on the same lines (line count kept, so line numbers stay the user's);
//  - every arrow function, function expression and function declaration, tagged so the value
//    CodeImport finds in an option can be traced back to its source text: QJSEngine's
//    Function.prototype.toString() gives "function() { [native code] }", not the source.
// Tag N is `TagObject[N]`, an accessor the prelude defines; arrows get a `TagObject[N]=` prefix
// (an arrow only stands where an assignment expression may), function expressions are wrapped
// in `(TagObject[N]=...)`, declarations get `;TagObject[N]=name;` after their closing brace.
class JsSourcePlan {
public:
    static inline const QString TagObject = QStringLiteral("__corslabTag");
    static inline const QString ModulePrefix = QStringLiteral("__corslabModule");

    // `instrument` false: only the module rewriting (for the syntax check of the user's code).
    static JsSourcePlan make(const QString &original, bool instrument);

    const QString &original() const { return m_original; }
    const QString &rewritten() const { return m_rewritten; }
    const QList<FunctionExtent> &functions() const { return m_functions; }
    // Something the tokenizer could not read (an unterminated string, comment, template or
    // RegExp, brackets that do not pair); the engine's own syntax check reports it. Module
    // lines before it are still rewritten; functions are not tagged.
    bool scanFailed() const { return m_scanFailed; }
    // Module statements it rewrote (for notes): "line 1: import { Server } from \"socket.io\"".
    int moduleStatementCount() const { return m_moduleStatements; }

    // A 1-based line and column of the rewritten text as a 1-based line and column of the
    // original (a position inside inserted text maps to where the insertion stands).
    std::pair<int, int> mapToOriginal(int line, int column) const;
    // A 0-based offset of the original as a 1-based line and column.
    std::pair<int, int> lineColumn(qsizetype offset) const;
    // The original's 0-based offset of a 1-based line's start (size() past the end).
    qsizetype lineStart(int line) const;

private:
    QString m_original;
    QString m_rewritten;
    QList<SourceEdit> m_edits; // sorted, not overlapping
    QList<FunctionExtent> m_functions;
    QList<qsizetype> m_originalLineStarts;
    QList<qsizetype> m_rewrittenLineStarts;
    bool m_scanFailed = false;
    int m_moduleStatements = 0;
};

} // namespace corslab
