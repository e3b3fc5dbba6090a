// JsSourcePlan: a tokenizer good enough to find module statements and function literals, and the
// edits that turn them into script-mode code with tags.
#include "jssourceplan.h"

#include <QSet>
#include <QStringList>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace corslab {

namespace {

struct Token {
    enum class Kind { Identifier, Number, String, Template, RegExp, Punct };
    Kind kind = Kind::Punct;
    qsizetype start = 0;
    qsizetype end = 0;
    bool newlineBefore = false;
    qsizetype match = -1; // the other bracket of ( ) [ ] { }
};

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$' || c == u'\\' || c.unicode() > 0x7f;
}

bool isIdentifierPart(QChar c)
{
    return isIdentifierStart(c) || c.isDigit() || c.unicode() == 0x200c || c.unicode() == 0x200d;
}

bool isLineTerminator(QChar c)
{
    return c == u'\n' || c == u'\r' || c.unicode() == 0x2028 || c.unicode() == 0x2029;
}

// Keywords after which a `/` starts a RegExp (an expression is expected).
bool keywordExpectsExpression(QStringView word)
{
    static const QSet<QString> words = {QStringLiteral("return"), QStringLiteral("typeof"),
        QStringLiteral("case"), QStringLiteral("do"), QStringLiteral("else"), QStringLiteral("in"),
        QStringLiteral("instanceof"), QStringLiteral("new"), QStringLiteral("delete"),
        QStringLiteral("void"), QStringLiteral("throw"), QStringLiteral("yield"),
        QStringLiteral("await"), QStringLiteral("of"), QStringLiteral("export"),
        QStringLiteral("default"), QStringLiteral("extends")};
    return words.contains(word.toString());
}

class Tokenizer {
public:
    explicit Tokenizer(const QString &text)
        : s(text)
    { }

    bool run();
    std::vector<Token> tokens;

private:
    bool regexAllowed() const;
    bool skipSpaceAndComments(bool &newline);
    bool scanString(QChar quote);
    bool scanTemplateChunk(); // after ` or after the } closing a substitution
    bool scanRegExp();
    void push(Token::Kind kind, qsizetype start, bool newline)
    {
        tokens.push_back({kind, start, i, newline, -1});
    }

    const QString &s;
    qsizetype i = 0;
    std::vector<bool> braces; // true: the brace closes a template substitution
};

bool Tokenizer::regexAllowed() const
{
    if (tokens.empty())
        return true;
    const Token &t = tokens.back();
    const QStringView text = QStringView(s).mid(t.start, t.end - t.start);
    switch (t.kind) {
    case Token::Kind::Identifier:
        return keywordExpectsExpression(text);
    case Token::Kind::Number:
    case Token::Kind::String:
    case Token::Kind::RegExp:
        return false;
    case Token::Kind::Template:
        // A chunk ending in "${" expects an expression.
        return text.endsWith(u"${");
    case Token::Kind::Punct:
        break;
    }
    return text != u")" && text != u"]" && text != u"}" && text != u"++" && text != u"--";
}

bool Tokenizer::skipSpaceAndComments(bool &newline)
{
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (isLineTerminator(c)) {
            newline = true;
            ++i;
        } else if (c.isSpace() || c.unicode() == 0xfeff) {
            ++i;
        } else if (c == u'/' && i + 1 < s.size() && s.at(i + 1) == u'/') {
            while (i < s.size() && !isLineTerminator(s.at(i)))
                ++i;
        } else if (c == u'/' && i + 1 < s.size() && s.at(i + 1) == u'*') {
            const qsizetype end = s.indexOf(QStringLiteral("*/"), i + 2);
            if (end < 0)
                return false;
            for (qsizetype k = i; k < end; ++k)
                newline = newline || isLineTerminator(s.at(k));
            i = end + 2;
        } else if (c == u'#' && i == 0 && s.size() > 1 && s.at(1) == u'!') {
            while (i < s.size() && !isLineTerminator(s.at(i)))
                ++i; // #!/usr/bin/env node
        } else {
            return true;
        }
    }
    return true;
}

bool Tokenizer::scanString(QChar quote)
{
    ++i;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c == u'\\') {
            i += 2;
            continue;
        }
        ++i;
        if (c == quote)
            return true;
        if (c == u'\n' || c == u'\r')
            return false;
    }
    return false;
}

bool Tokenizer::scanTemplateChunk()
{
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (c == u'\\') {
            i += 2;
            continue;
        }
        if (c == u'`') {
            ++i;
            return true;
        }
        if (c == u'$' && i + 1 < s.size() && s.at(i + 1) == u'{') {
            i += 2;
            braces.push_back(true);
            return true;
        }
        ++i;
    }
    return false;
}

bool Tokenizer::scanRegExp()
{
    ++i;
    bool inClass = false;
    while (i < s.size()) {
        const QChar c = s.at(i);
        if (isLineTerminator(c))
            return false;
        if (c == u'\\') {
            i += 2;
            continue;
        }
        ++i;
        if (c == u'[')
            inClass = true;
        else if (c == u']')
            inClass = false;
        else if (c == u'/' && !inClass)
            break;
        if (i >= s.size())
            return false;
    }
    while (i < s.size() && isIdentifierPart(s.at(i)))
        ++i; // flags
    return true;
}

bool Tokenizer::run()
{
    static const QStringList puncts = {QStringLiteral(">>>="), QStringLiteral("..."),
        QStringLiteral("==="), QStringLiteral("!=="), QStringLiteral("**="), QStringLiteral("<<="),
        QStringLiteral(">>="), QStringLiteral(">>>"), QStringLiteral("&&="), QStringLiteral("||="),
        QStringLiteral("?\?="), QStringLiteral("=>"), QStringLiteral("=="), QStringLiteral("!="),
        QStringLiteral("<="), QStringLiteral(">="), QStringLiteral("&&"), QStringLiteral("||"),
        QStringLiteral("?\?"), QStringLiteral("?."), QStringLiteral("++"), QStringLiteral("--"),
        QStringLiteral("+="), QStringLiteral("-="), QStringLiteral("*="), QStringLiteral("/="),
        QStringLiteral("%="), QStringLiteral("&="), QStringLiteral("|="), QStringLiteral("^="),
        QStringLiteral("<<"), QStringLiteral(">>"), QStringLiteral("**")};
    while (true) {
        bool newline = false;
        if (!skipSpaceAndComments(newline))
            return false;
        if (i >= s.size())
            return braces.empty();
        const qsizetype start = i;
        const QChar c = s.at(i);
        if (isIdentifierStart(c)) {
            while (i < s.size() && isIdentifierPart(s.at(i)))
                ++i;
            push(Token::Kind::Identifier, start, newline);
        } else if (c.isDigit() || (c == u'.' && i + 1 < s.size() && s.at(i + 1).isDigit())) {
            while (i < s.size()
                && (s.at(i).isLetterOrNumber() || s.at(i) == u'.' || s.at(i) == u'_'
                    || ((s.at(i) == u'+' || s.at(i) == u'-')
                        && (s.at(i - 1) == u'e' || s.at(i - 1) == u'E'))))
                ++i;
            push(Token::Kind::Number, start, newline);
        } else if (c == u'"' || c == u'\'') {
            if (!scanString(c))
                return false;
            push(Token::Kind::String, start, newline);
        } else if (c == u'`') {
            ++i;
            if (!scanTemplateChunk())
                return false;
            push(Token::Kind::Template, start, newline);
        } else if (c == u'/' && regexAllowed()) {
            if (!scanRegExp())
                return false;
            push(Token::Kind::RegExp, start, newline);
        } else if (c == u'}' && !braces.empty() && braces.back()) {
            braces.pop_back();
            ++i;
            if (!scanTemplateChunk())
                return false;
            push(Token::Kind::Template, start, newline);
        } else {
            qsizetype length = 1;
            for (const QString &p : puncts) {
                if (QStringView(s).mid(i, p.size()) == p) {
                    length = p.size();
                    break;
                }
            }
            // "?." followed by a digit is "?" then a number.
            if (length == 2 && s.at(i) == u'?' && s.at(i + 1) == u'.' && i + 2 < s.size()
                && s.at(i + 2).isDigit())
                length = 1;
            if (c == u'{')
                braces.push_back(false);
            else if (c == u'}') {
                if (braces.empty())
                    return false;
                braces.pop_back();
            }
            i += length;
            push(Token::Kind::Punct, start, newline);
        }
    }
}

// The edits and extents, from the tokens.
class Planner {
public:
    Planner(const QString &text, std::vector<Token> &tokens)
        : s(text)
        , t(tokens)
    { }

    bool matchBrackets();
    void modules(QList<SourceEdit> &edits, int &count);
    void functions(QList<SourceEdit> &edits, QList<FunctionExtent> &extents);
    void outerNames(QList<FunctionExtent> &extents) const;

private:
    QStringView text(qsizetype k) const
    {
        if (k < 0 || k >= qsizetype(t.size()))
            return {};
        return QStringView(s).mid(t[size_t(k)].start, t[size_t(k)].end - t[size_t(k)].start);
    }
    bool is(qsizetype k, QStringView word) const { return text(k) == word; }
    const Token &tok(qsizetype k) const { return t[size_t(k)]; }
    qsizetype size() const { return qsizetype(t.size()); }
    QString newlinesIn(qsizetype from, qsizetype to) const
    {
        return QString(s.mid(from, to - from).count(u'\n'), u'\n');
    }
    bool endsExpression(qsizetype k) const;
    bool functionIsDeclaration(qsizetype k) const;
    qsizetype arrowBodyEnd(qsizetype first) const; // index of the body's last token
    bool moduleStatement(qsizetype k, QList<SourceEdit> &edits, int number);

    const QString &s;
    std::vector<Token> &t;
};

// Pairs what nests properly; false when something does not (a closer without its opener, or
// an opener never closed) — the pairs found before are kept.
bool Planner::matchBrackets()
{
    std::vector<qsizetype> open;
    bool ok = true;
    for (qsizetype k = 0; k < size(); ++k) {
        if (tok(k).kind != Token::Kind::Punct)
            continue;
        const QStringView p = text(k);
        if (p == u"(" || p == u"[" || p == u"{") {
            open.push_back(k);
        } else if (p == u")" || p == u"]" || p == u"}") {
            const QChar expected = p == u")" ? u'(' : p == u"]" ? u'[' : u'{';
            if (open.empty() || text(open.back()).at(0) != expected) {
                ok = false;
                continue;
            }
            const qsizetype o = open.back();
            open.pop_back();
            t[size_t(o)].match = k;
            t[size_t(k)].match = o;
        }
    }
    return ok && open.empty();
}

bool Planner::endsExpression(qsizetype k) const
{
    const Token &x = tok(k);
    switch (x.kind) {
    case Token::Kind::Identifier:
        return !keywordExpectsExpression(text(k));
    case Token::Kind::Number:
    case Token::Kind::String:
    case Token::Kind::RegExp:
        return true;
    case Token::Kind::Template:
        return text(k).endsWith(u'`') && text(k).size() > 1;
    case Token::Kind::Punct:
        break;
    }
    const QStringView p = text(k);
    return p == u")" || p == u"]" || p == u"}" || p == u"++" || p == u"--";
}

bool Planner::functionIsDeclaration(qsizetype k) const
{
    qsizetype prev = k - 1;
    if (is(prev, u"async"))
        --prev;
    if (prev < 0)
        return true;
    const QStringView p = text(prev);
    if (p == u";" || p == u"{" || p == u"}" || p == u"export")
        return true;
    if (p == u"default")
        return false; // export default function ... becomes an expression
    return tok(prev + 1).newlineBefore && endsExpression(prev);
}

qsizetype Planner::arrowBodyEnd(qsizetype first) const
{
    qsizetype k = first;
    qsizetype last = first;
    int questions = 0;
    while (k < size()) {
        const Token &x = tok(k);
        const QStringView p = text(k);
        if (k > first && x.newlineBefore && endsExpression(k - 1)
            && (x.kind == Token::Kind::Identifier || x.kind == Token::Kind::Number
                || x.kind == Token::Kind::String || x.kind == Token::Kind::Template)
            && p != u"in" && p != u"instanceof")
            break;
        if (x.kind == Token::Kind::Punct) {
            if (p == u"(" || p == u"[" || p == u"{") {
                if (x.match < 0)
                    return size() - 1;
                last = x.match;
                k = x.match + 1;
                continue;
            }
            if (p == u")" || p == u"]" || p == u"}" || p == u"," || p == u";")
                break;
            if (p == u"?")
                ++questions;
            if (p == u":") {
                if (questions == 0)
                    break;
                --questions;
            }
        }
        // A template with substitutions: its chunks are tokens, its expressions in between.
        last = k;
        ++k;
    }
    return last;
}

bool Planner::moduleStatement(qsizetype k, QList<SourceEdit> &edits, int number)
{
    const Token &first = tok(k);
    auto statementEnd
        = [&](qsizetype last) { return is(last + 1, u";") ? tok(last + 1).end : tok(last).end; };
    auto replace = [&](qsizetype endOffset, const QString &text) {
        edits.append({first.start, endOffset, text + newlinesIn(first.start, endOffset)});
        return true;
    };
    auto spec = [&](qsizetype j) { return text(j).toString(); };
    const bool isString = k + 1 < size() && tok(k + 1).kind == Token::Kind::String;

    if (is(k, u"import")) {
        if (isString)
            return replace(statementEnd(k + 1), u"require("_s + spec(k + 1) + u");"_s);
        qsizetype j = k + 1;
        QString defaultName;
        QString namespaceName;
        QStringList named;
        bool hasNamed = false;
        if (j < size() && tok(j).kind == Token::Kind::Identifier && !is(j, u"from")) {
            defaultName = text(j).toString();
            ++j;
            if (is(j, u","))
                ++j;
        }
        if (is(j, u"*")) {
            if (!is(j + 1, u"as") || j + 2 >= size())
                return false;
            namespaceName = text(j + 2).toString();
            j += 3;
        } else if (is(j, u"{")) {
            const qsizetype close = tok(j).match;
            if (close < 0)
                return false;
            hasNamed = true;
            for (qsizetype m = j + 1; m < close; ++m) {
                if (is(m, u","))
                    continue;
                const QString imported = text(m).toString();
                if (is(m + 1, u"as") && m + 2 < close) {
                    named << imported + u": "_s + text(m + 2).toString();
                    m += 2;
                } else {
                    named << imported;
                }
            }
            j = close + 1;
        }
        if (!is(j, u"from") || j + 1 >= size() || tok(j + 1).kind != Token::Kind::String)
            return false;
        const QString module = JsSourcePlan::ModulePrefix + QString::number(number);
        QString out = u"const "_s + module + u" = require("_s + spec(j + 1) + u")"_s;
        if (!defaultName.isEmpty())
            out += u", "_s + defaultName + u" = __corslabDefault("_s + module + u")"_s;
        if (!namespaceName.isEmpty())
            out += u", "_s + namespaceName + u" = "_s + module;
        if (hasNamed)
            out += u", { "_s + named.join(u", "_s) + u" } = "_s + module;
        return replace(statementEnd(j + 1), out + u';');
    }

    // export ...
    if (is(k + 1, u"default"))
        return replace(tok(k + 1).end, u"module.exports.default ="_s);
    if (is(k + 1, u"{") || is(k + 1, u"*")) {
        qsizetype j = is(k + 1, u"{") ? tok(k + 1).match : k + 1;
        if (j < 0)
            return false;
        if (is(j + 1, u"as"))
            j += 2; // export * as name from "m"
        if (is(j + 1, u"from") && j + 2 < size() && tok(j + 2).kind == Token::Kind::String)
            return replace(statementEnd(j + 2), u"require("_s + spec(j + 2) + u");"_s);
        return replace(statementEnd(j), u";"_s);
    }
    // export const / let / var / function / class / async function: the declaration stays.
    edits.append({first.start, tok(k + 1).start, newlinesIn(first.start, tok(k + 1).start)});
    return true;
}

void Planner::modules(QList<SourceEdit> &edits, int &count)
{
    int depth = 0;
    for (qsizetype k = 0; k < size(); ++k) {
        const QStringView p = text(k);
        if (tok(k).kind == Token::Kind::Punct) {
            if (p == u"(" || p == u"[" || p == u"{")
                ++depth;
            else if (p == u")" || p == u"]" || p == u"}")
                --depth;
            continue;
        }
        if (depth != 0 || tok(k).kind != Token::Kind::Identifier)
            continue;
        if (p != u"import" && p != u"export")
            continue;
        if (is(k + 1, u"(") || is(k + 1, u".") || (k > 0 && is(k - 1, u".")))
            continue; // import("m"), import.meta, x.import
        if (moduleStatement(k, edits, count + 1))
            ++count;
    }
}

void Planner::functions(QList<SourceEdit> &edits, QList<FunctionExtent> &extents)
{
    for (qsizetype k = 0; k < size(); ++k) {
        const QStringView p = text(k);
        const QString tag
            = JsSourcePlan::TagObject + u'[' + QString::number(extents.size()) + u"]="_s;
        if (p == u"=>" && tok(k).kind == Token::Kind::Punct && k > 0) {
            qsizetype start = k - 1;
            if (is(start, u")")) {
                start = tok(start).match;
                if (start < 0)
                    continue;
            } else if (tok(start).kind != Token::Kind::Identifier) {
                continue;
            }
            if (start > 0 && is(start - 1, u"async") && !tok(start).newlineBefore)
                --start;
            if (k + 1 >= size())
                continue;
            const qsizetype last
                = is(k + 1, u"{") && tok(k + 1).match > 0 ? tok(k + 1).match : arrowBodyEnd(k + 1);
            extents.append({tok(start).start, tok(last).end, {}});
            edits.append({tok(start).start, tok(start).start, tag});
        } else if (p == u"function" && tok(k).kind == Token::Kind::Identifier
            && !(k > 0 && is(k - 1, u"."))) {
            qsizetype j = k + 1;
            if (is(j, u"*"))
                ++j;
            QString name;
            if (j < size() && tok(j).kind == Token::Kind::Identifier) {
                name = text(j).toString();
                ++j;
            }
            if (!is(j, u"(") || tok(j).match < 0)
                continue;
            const qsizetype body = tok(j).match + 1;
            if (!is(body, u"{") || tok(body).match < 0)
                continue;
            const qsizetype close = tok(body).match;
            const qsizetype start = k > 0 && is(k - 1, u"async") ? k - 1 : k;
            const qsizetype from = tok(start).start;
            const qsizetype to = tok(close).end;
            if (functionIsDeclaration(start)) {
                if (name.isEmpty())
                    continue;
                extents.append({from, to, {}});
                edits.append({to, to, u';' + tag + name + u';'});
            } else {
                extents.append({from, to, {}});
                edits.append({from, from, u'(' + tag});
                edits.append({to, to, u")"_s});
            }
        }
    }
}

void Planner::outerNames(QList<FunctionExtent> &extents) const
{
    static const QSet<QString> nodeOnly = {u"require"_s, u"process"_s, u"module"_s, u"exports"_s,
        u"Buffer"_s, u"__dirname"_s, u"__filename"_s};
    auto declares = [](QStringView word) {
        return word == u"const" || word == u"let" || word == u"var" || word == u"function"
            || word == u"class";
    };
    // Top-level declarations: `const a`, `const { a, b: c }`, `function f`, `class C`.
    QSet<QString> topLevel;
    int depth = 0;
    for (qsizetype k = 0; k < size(); ++k) {
        const QStringView p = text(k);
        if (tok(k).kind == Token::Kind::Punct) {
            if (p == u"(" || p == u"[" || p == u"{")
                ++depth;
            else if (p == u")" || p == u"]" || p == u"}")
                --depth;
            continue;
        }
        if (depth != 0 || !declares(p) || k + 1 >= size())
            continue;
        if (tok(k + 1).kind == Token::Kind::Identifier) {
            topLevel.insert(text(k + 1).toString());
        } else if ((is(k + 1, u"{") || is(k + 1, u"[")) && tok(k + 1).match > 0) {
            for (qsizetype m = k + 2; m < tok(k + 1).match; ++m) {
                if (tok(m).kind == Token::Kind::Identifier && !is(m + 1, u":"))
                    topLevel.insert(text(m).toString());
            }
        }
    }
    for (FunctionExtent &extent : extents) {
        qsizetype first = 0;
        while (first < size() && tok(first).start < extent.start)
            ++first;
        qsizetype last = first;
        while (last < size() && tok(last).end <= extent.end)
            ++last;
        // Declared inside: parameters (every name before the body's `{` or the arrow), and
        // names after const/let/var/function/class.
        QSet<QString> inside;
        qsizetype body = first;
        while (body < last && !is(body, u"=>") && !is(body, u"{"))
            ++body;
        for (qsizetype m = first; m < last; ++m) {
            if (tok(m).kind != Token::Kind::Identifier)
                continue;
            if (m < body || (m > first && declares(text(m - 1))))
                inside.insert(text(m).toString());
        }
        // Destructuring declarations inside: const { a, b } = ...
        for (qsizetype m = first; m + 1 < last; ++m) {
            if (declares(text(m)) && (is(m + 1, u"{") || is(m + 1, u"[")) && tok(m + 1).match > 0) {
                for (qsizetype n = m + 2; n < tok(m + 1).match; ++n) {
                    if (tok(n).kind == Token::Kind::Identifier && !is(n + 1, u":"))
                        inside.insert(text(n).toString());
                }
            }
        }
        QStringList names;
        for (qsizetype m = body; m < last; ++m) {
            if (tok(m).kind != Token::Kind::Identifier)
                continue;
            const QString name = text(m).toString();
            if (inside.contains(name) || names.contains(name))
                continue;
            if (m > 0 && (is(m - 1, u".") || is(m - 1, u"?.")))
                continue; // a property: x.name
            if (is(m + 1, u":") && m > 0 && (is(m - 1, u"{") || is(m - 1, u",")))
                continue; // a key: { name: ... }
            if (topLevel.contains(name) || nodeOnly.contains(name))
                names << name;
        }
        extent.outerNames = names;
    }
}

QList<qsizetype> lineStarts(const QString &text)
{
    QList<qsizetype> starts = {0};
    for (qsizetype k = 0; k < text.size(); ++k) {
        if (text.at(k) == u'\n')
            starts.append(k + 1);
    }
    return starts;
}

} // namespace

JsSourcePlan JsSourcePlan::make(const QString &original, bool instrument)
{
    JsSourcePlan plan;
    plan.m_original = original;
    plan.m_originalLineStarts = lineStarts(original);
    Tokenizer tokenizer(original);
    bool ok = tokenizer.run();
    Planner planner(original, tokenizer.tokens);
    ok = planner.matchBrackets() && ok;
    // Module lines are rewritten even in text the tokenizer could not read to the end, so the
    // engine's syntax error points at the real mistake, not at an `import` line.
    plan.m_scanFailed = !ok;
    QList<SourceEdit> edits;
    planner.modules(edits, plan.m_moduleStatements);
    if (instrument && ok) {
        planner.functions(edits, plan.m_functions);
        planner.outerNames(plan.m_functions);
    }
    std::stable_sort(edits.begin(), edits.end(),
        [](const SourceEdit &a, const SourceEdit &b) { return a.start < b.start; });
    qsizetype at = 0;
    for (const SourceEdit &e : edits) {
        if (e.start < at)
            continue; // overlaps the one before: keep the first
        plan.m_rewritten += QStringView(original).mid(at, e.start - at);
        plan.m_rewritten += e.text;
        plan.m_edits.append(e);
        at = e.end;
    }
    plan.m_rewritten += QStringView(original).mid(at);
    plan.m_rewrittenLineStarts = lineStarts(plan.m_rewritten);
    return plan;
}

qsizetype JsSourcePlan::lineStart(int line) const
{
    if (line < 1)
        return 0;
    if (line > m_originalLineStarts.size())
        return m_original.size();
    return m_originalLineStarts.at(line - 1);
}

std::pair<int, int> JsSourcePlan::lineColumn(qsizetype offset) const
{
    const auto it
        = std::upper_bound(m_originalLineStarts.begin(), m_originalLineStarts.end(), offset);
    const qsizetype index = std::max<qsizetype>(0, (it - m_originalLineStarts.begin()) - 1);
    return {int(index + 1), int(offset - m_originalLineStarts.at(index) + 1)};
}

std::pair<int, int> JsSourcePlan::mapToOriginal(int line, int column) const
{
    if (line < 1 || line > m_rewrittenLineStarts.size())
        return {line, column};
    const qsizetype rewritten = m_rewrittenLineStarts.at(line - 1) + std::max(0, column - 1);
    // Walk the edits in order, tracking where each lands in the rewritten text.
    qsizetype delta = 0; // rewritten - original, before the current edit
    for (const SourceEdit &e : m_edits) {
        const qsizetype rewrittenStart = e.start + delta;
        if (rewritten < rewrittenStart)
            break;
        if (rewritten < rewrittenStart + e.text.size())
            return lineColumn(e.start);
        delta += e.text.size() - (e.end - e.start);
    }
    return lineColumn(std::min<qsizetype>(m_original.size(), rewritten - delta));
}

} // namespace corslab
