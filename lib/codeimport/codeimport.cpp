// CodeImport: runs the user's JavaScript with recording stubs, then reads what was recorded into
// the profile format and through ProfileReader.
#include "codeimport.h"

#include "jssourceplan.h"
#include "profile/profilereader.h"
#include "profile/profilewriter.h"
#include "script/scriptwatchdog.h"
#include "verdict/codewriter.h"

#include <QFile>
#include <QJSEngine>
#include <QJSValue>
#include <QJSValueIterator>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace corslab {

namespace {

const QString PreludeResource = u":/corslab/codeimport/codeimportprelude.js"_s;
const QString PreludeFile = u"corslab-codeimport-prelude.js"_s;
const QString UserFile = u"corslab-user-code.js"_s;
constexpr int MaxDepth = 32;
constexpr int MaxNodes = 20000;

CodeDiagnostic diag(
    CodeDiagnostic::Severity severity, CodeSide side, int line, int column, const QString &message)
{
    return {severity, side, line, column, message};
}

struct NamespaceFound {
    QString name;
    int line = 0;
    int column = 0;
    std::optional<JsonNode> middleware; // {"function": ...}
};

struct ServerFound {
    int line = 0;
    int column = 0;
    std::optional<JsonNode> options;
    std::vector<NamespaceFound> namespaces;
};

struct ClientFound {
    int line = 0;
    int column = 0;
    std::optional<QString> uri; // absent: io() or io(opts)
    std::optional<JsonNode> options;
    std::vector<JsonNode> emits; // profile "emit" entries
};

// What one text gave.
struct Extract {
    CodeSide side = CodeSide::Server;
    bool failed = false; // syntax error, time limit, refused: nothing usable
    std::vector<ServerFound> servers;
    std::vector<ClientFound> clients;
    std::optional<int> listenPort;
    std::optional<QString> pageOriginComment;
    QList<CodeDiagnostic> diagnostics;
};

int lineOfStack(const QString &stack)
{
    // "name@file:corslab-user-code.js:12" frames, innermost first.
    const QString marker = UserFile + u':';
    for (const QString &frame : stack.split(u'\n')) {
        const qsizetype at = frame.lastIndexOf(marker);
        if (at >= 0)
            return frame.mid(at + marker.size()).toInt();
    }
    return 0;
}

// Evaluates one text and reads what its stubs recorded.
class Evaluator {
public:
    Evaluator(CodeSide side, const QString &code, std::chrono::milliseconds limit)
        : m_code(code)
        , m_limit(limit)
    {
        m_out.side = side;
    }

    Extract run();

private:
    void add(CodeDiagnostic::Severity severity, int line, int column, const QString &message)
    {
        m_out.diagnostics.append(diag(severity, m_out.side, line, column, message));
    }
    void error(int line, int column, const QString &message)
    {
        add(CodeDiagnostic::Severity::Error, line, column, message);
    }
    bool syntaxCheck();
    QJSValue guarded(const std::function<QJSValue()> &body, bool &timedOut);
    int columnOf(int line, const QRegularExpression &re) const;
    std::optional<JsonNode> toJson(const QJSValue &value, const QString &path, int line, int depth);
    void readRecords();

    QString m_code;
    std::chrono::milliseconds m_limit;
    Extract m_out;
    JsSourcePlan m_plan;
    QJSEngine *m_engine = nullptr;
    QJSValue m_api;
    int m_nodes = 0;
};

bool Evaluator::syntaxCheck()
{
    // Compiled inside a function expression that is never called: QJSEngine compiles the whole
    // text (nested functions too) and runs none of it. The wrapper's first line is line 0.
    const JsSourcePlan plan = JsSourcePlan::make(m_code, false);
    QJSEngine engine;
    QStringList trace;
    const QJSValue result = engine.evaluate(
        u"(function () {\n"_s + plan.rewritten() + u"\n})"_s, UserFile, 0, &trace);
    if (!result.isError())
        return true;
    int line = result.property(u"lineNumber"_s).toInt();
    int column = 0;
    // The trace of a syntax error: ":LINE:COLUMN:file".
    static const QRegularExpression position(u"^[^:]*:(-?\\d+):(-?\\d+):"_s);
    for (const QString &frame : trace) {
        const auto m = position.match(frame);
        if (m.hasMatch()) {
            line = m.captured(1).toInt();
            column = std::max(0, m.captured(2).toInt());
            break;
        }
    }
    QString message = result.toString();
    if (line > plan.original().count(u'\n') + 1) {
        line = plan.original().count(u'\n') + 1; // the wrapper's closing line: end of text
        column = 0;
        message += u" (at the end of the code: something is not closed)"_s;
    }
    const auto [l, c] = plan.mapToOriginal(line, column > 0 ? column : 1);
    if (message.contains(u"Expected token `}'"_s) && m_code.contains(u"..."_s))
        message += u"; QJSEngine 6.4 has no ... in object literals: use Object.assign()"_s;
    static const QRegularExpression asyncKeyword(u"\\b(async|await)\\b"_s);
    if (asyncKeyword.match(m_code).hasMatch())
        message += u"; QJSEngine 6.4 has no async functions (Node does)"_s;
    error(l, column > 0 ? c : 0,
        u"line %1%2: %3"_s.arg(l).arg(column > 0 ? u", column %1"_s.arg(c) : QString(), message));
    return false;
}

QJSValue Evaluator::guarded(const std::function<QJSValue()> &body, bool &timedOut)
{
    ScriptWatchdog watchdog(m_engine);
    m_engine->setInterrupted(false);
    watchdog.arm(m_limit);
    QJSValue value = body();
    timedOut = watchdog.disarm();
    m_engine->setInterrupted(false);
    return value;
}

int Evaluator::columnOf(int line, const QRegularExpression &re) const
{
    if (line <= 0)
        return 0;
    const qsizetype start = m_plan.lineStart(line);
    qsizetype end = m_code.indexOf(u'\n', start);
    if (end < 0)
        end = m_code.size();
    const auto m = re.match(QStringView(m_code).mid(start, end - start));
    return m.hasMatch() ? int(m.capturedStart()) + 1 : 1;
}

std::optional<JsonNode> Evaluator::toJson(
    const QJSValue &value, const QString &path, int line, int depth)
{
    if (++m_nodes > MaxNodes || depth > MaxDepth) {
        if (m_nodes == MaxNodes + 1 || depth == MaxDepth + 1)
            error(line, 0,
                u"%1 is too large or too deeply nested to be part of a profile"_s.arg(path));
        return std::nullopt;
    }
    if (value.isUndefined())
        return std::nullopt;
    if (value.isNull())
        return JsonNode();
    if (value.isBool())
        return JsonNode::fromBool(value.toBool());
    if (value.isNumber()) {
        const double n = value.toNumber();
        if (!std::isfinite(n)) {
            error(line, 0, u"%1 is %2, which JSON cannot hold"_s.arg(path, value.toString()));
            return std::nullopt;
        }
        return JsonNode::fromNumber(n);
    }
    if (value.isString())
        return JsonNode::fromString(value.toString());
    if (value.isCallable()) {
        if (m_api.property(u"isStub"_s).call({value}).toBool()) {
            error(line, 0,
                u"%1 is a stand-in CorsLab made for a module, not a value of the code"_s.arg(path));
            return std::nullopt;
        }
        const int tag = m_api.property(u"tagOf"_s).call({value}).toInt();
        if (tag < 0 || tag >= m_plan.functions().size()) {
            error(line, 0,
                u"%1 is a function whose source CorsLab cannot find (a method, a bound or "
                "built-in function, or one made at run time); write it as an arrow function or "
                "a function expression"_s.arg(path));
            return std::nullopt;
        }
        const FunctionExtent &extent = m_plan.functions().at(tag);
        if (!extent.outerNames.isEmpty()) {
            const auto [fnLine, fnColumn] = m_plan.lineColumn(extent.start);
            add(CodeDiagnostic::Severity::Warning, fnLine, fnColumn,
                u"%1 uses %2 from outside the function; a profile keeps only the function, "
                "so where CorsLab runs it %2 %3 undefined (define %4 inside the function)"_s.arg(
                    path, extent.outerNames.join(u", "_s),
                    extent.outerNames.size() == 1 ? u"is"_s : u"are"_s,
                    extent.outerNames.size() == 1 ? u"it"_s : u"them"_s));
        }
        JsonNode node = JsonNode::makeObject();
        node.insert(u"function"_s,
            JsonNode::fromString(m_code.mid(extent.start, extent.end - extent.start)));
        return node;
    }
    if (value.isRegExp()) {
        JsonNode node = JsonNode::makeObject();
        // QJSEngine 6.4's `source` puts a backslash before every "/" (also before one the
        // literal escaped already: /a\/b/ gives "a\\/b"); undo that, then drop the
        // literal's own \/ escapes: the profile holds the pattern as new RegExp() takes it
        // (CodeWriter escapes the slashes again).
        QString source = value.property(u"source"_s).toString();
        source.replace(u"\\/"_s, u"/"_s);
        QString pattern;
        for (qsizetype i = 0; i < source.size(); ++i) {
            if (source.at(i) == u'\\' && i + 1 < source.size()) {
                if (source.at(i + 1) != u'/')
                    pattern += source.at(i);
                pattern += source.at(++i);
                continue;
            }
            pattern += source.at(i);
        }
        node.insert(u"regex"_s, JsonNode::fromString(pattern == u"(?:)"_s ? QString() : pattern));
        const QString flags = value.property(u"flags"_s).toString();
        if (!flags.isEmpty())
            node.insert(u"flags"_s, JsonNode::fromString(flags));
        return node;
    }
    if (value.isArray()) {
        JsonNode array = JsonNode::makeArray();
        const quint32 length = value.property(u"length"_s).toUInt();
        for (quint32 i = 0; i < length && m_nodes <= MaxNodes; ++i) {
            auto item = toJson(value.property(i), u"%1[%2]"_s.arg(path).arg(i), line, depth + 1);
            array.append(item ? std::move(*item) : JsonNode());
        }
        return array;
    }
    if (value.isObject()) {
        if (m_api.property(u"isStub"_s).call({value}).toBool()) {
            error(line, 0,
                u"%1 is a stand-in CorsLab made for a module, not a value of the code"_s.arg(path));
            return std::nullopt;
        }
        if (value.isDate()) {
            error(line, 0, u"%1 is a Date, which a profile cannot hold"_s.arg(path));
            return std::nullopt;
        }
        JsonNode object = JsonNode::makeObject();
        QJSValueIterator it(value);
        while (it.hasNext() && m_nodes <= MaxNodes) {
            it.next();
            const QString key = it.name();
            auto member = toJson(it.value(), path + u'.' + key, line, depth + 1);
            if (member)
                object.insert(key, std::move(*member));
        }
        return object;
    }
    error(line, 0, u"%1 is %2, which a profile cannot hold"_s.arg(path, value.toString()));
    return std::nullopt;
}

void Evaluator::readRecords()
{
    static const QRegularExpression serverCall(
        u"new\\s+Server\\b|\\bServer\\s*\\(|require\\s*\\(|\\.attach\\s*\\(|\\.listen\\s*\\("_s);
    static const QRegularExpression clientCall(
        u"\\bio\\s*(\\.connect\\s*)?\\(|\\bconnect\\s*\\("_s);
    static const QRegularExpression useCall(u"\\.(use|of)\\s*\\("_s);
    static const QRegularExpression emitCall(u"\\.(emit|emitWithAck|send)\\s*\\("_s);
    const QJSValue records = m_api.property(u"records"_s);

    const QJSValue servers = records.property(u"servers"_s);
    const quint32 serverCount = servers.property(u"length"_s).toUInt();
    for (quint32 i = 0; i < serverCount; ++i) {
        const QJSValue r = servers.property(i);
        ServerFound found;
        found.line = r.property(u"line"_s).toInt();
        found.column = columnOf(found.line, serverCall);
        const QJSValue options = r.property(u"options"_s);
        if (!options.isUndefined()) {
            if (!options.isObject() || options.isArray() || options.isCallable()) {
                error(found.line, found.column,
                    u"the options of new Server() are %1, not an object"_s.arg(options.toString()));
            } else {
                found.options = toJson(options, u"options"_s, found.line, 0);
            }
        }
        const QJSValue port = r.property(u"port"_s);
        if (port.isNumber() && !m_out.listenPort)
            m_out.listenPort = port.toInt();
        const QJSValue namespaces = r.property(u"namespaces"_s);
        const quint32 nsCount = namespaces.property(u"length"_s).toUInt();
        for (quint32 n = 0; n < nsCount; ++n) {
            const QJSValue entry = namespaces.property(n);
            NamespaceFound ns;
            ns.name = entry.property(u"name"_s).toString();
            ns.line = entry.property(u"line"_s).toInt();
            ns.column = columnOf(ns.line, useCall);
            const QJSValue middlewares = entry.property(u"middlewares"_s);
            const quint32 count = middlewares.property(u"length"_s).toUInt();
            for (quint32 m = 0; m < count; ++m) {
                const QJSValue use = middlewares.property(m);
                const int line = use.property(u"line"_s).toInt();
                if (m > 0) {
                    add(CodeDiagnostic::Severity::Warning, line, columnOf(line, useCall),
                        u"a profile holds one middleware per namespace; this further "
                        "middleware of %1 is left out"_s.arg(ns.name));
                    continue;
                }
                const QJSValue fn = use.property(u"fn"_s);
                if (!fn.isCallable()) {
                    error(line, columnOf(line, useCall),
                        u"the middleware of %1 is not a function"_s.arg(ns.name));
                    continue;
                }
                ns.middleware = toJson(fn, u"the middleware of "_s + ns.name, line, 0);
            }
            found.namespaces.push_back(std::move(ns));
        }
        m_out.servers.push_back(std::move(found));
    }

    const QJSValue listen = records.property(u"listen"_s);
    if (listen.isObject() && !m_out.listenPort)
        m_out.listenPort = listen.property(u"port"_s).toInt();

    const QJSValue clients = records.property(u"clients"_s);
    const quint32 clientCount = clients.property(u"length"_s).toUInt();
    for (quint32 i = 0; i < clientCount; ++i) {
        const QJSValue r = clients.property(i);
        ClientFound found;
        found.line = r.property(u"line"_s).toInt();
        found.column = columnOf(found.line, clientCall);
        const QJSValue uri = r.property(u"uri"_s);
        if (uri.isString())
            found.uri = uri.toString();
        else if (!uri.isUndefined() && !uri.isNull())
            error(found.line, found.column,
                u"the URL given to io() is %1, not a string"_s.arg(uri.toString()));
        const QJSValue options = r.property(u"options"_s);
        if (!options.isUndefined()) {
            if (!options.isObject() || options.isArray() || options.isCallable())
                error(found.line, found.column,
                    u"the options of io() are %1, not an object"_s.arg(options.toString()));
            else
                found.options = toJson(options, u"options"_s, found.line, 0);
        }
        const QJSValue emits = r.property(u"emits"_s);
        const quint32 emitCount = emits.property(u"length"_s).toUInt();
        for (quint32 e = 0; e < emitCount; ++e) {
            const QJSValue emitted = emits.property(e);
            const int line = emitted.property(u"line"_s).toInt();
            const QJSValue event = emitted.property(u"event"_s);
            if (!event.isString()) {
                error(line, columnOf(line, emitCall), u"socket.emit() needs an event name"_s);
                continue;
            }
            JsonNode step = JsonNode::makeObject();
            step.insert(u"event"_s, JsonNode::fromString(event.toString()));
            const QJSValue args = emitted.property(u"args"_s);
            quint32 argCount = args.property(u"length"_s).toUInt();
            bool ack = false;
            if (argCount > 0 && args.property(argCount - 1).isCallable()) {
                ack = true;
                --argCount;
            }
            JsonNode list = JsonNode::makeArray();
            for (quint32 a = 0; a < argCount; ++a) {
                auto arg = toJson(args.property(a),
                    u"argument %1 of emit(\"%2\")"_s.arg(a + 1).arg(event.toString()), line, 0);
                list.append(arg ? std::move(*arg) : JsonNode());
            }
            if (argCount > 0)
                step.insert(u"args"_s, std::move(list));
            if (ack)
                step.insert(u"ack"_s, JsonNode::fromBool(true));
            found.emits.push_back(std::move(step));
        }
        m_out.clients.push_back(std::move(found));
    }

    const QJSValue notes = records.property(u"notes"_s);
    const quint32 noteCount = notes.property(u"length"_s).toUInt();
    for (quint32 i = 0; i < noteCount; ++i) {
        const QJSValue n = notes.property(i);
        const QString severity = n.property(u"severity"_s).toString();
        add(severity == u"warning"_s ? CodeDiagnostic::Severity::Warning
                                     : CodeDiagnostic::Severity::Note,
            n.property(u"line"_s).toInt(), 0, n.property(u"text"_s).toString());
    }
}

Extract Evaluator::run()
{
    if (m_code.size() > CodeImport::MaxCodeSize) {
        m_out.failed = true;
        error(0, 0,
            u"the code is %1 characters long; CorsLab reads at most %2 (1 MiB) of code"_s
                .arg(m_code.size())
                .arg(CodeImport::MaxCodeSize));
        return m_out;
    }
    static const QRegularExpression pageOrigin(
        u"^[ \\t]*//[ \\t]*The page's origin:[ \\t]*(\\S+)[ \\t]*$"_s,
        QRegularExpression::MultilineOption);
    if (const auto m = pageOrigin.match(m_code); m.hasMatch())
        m_out.pageOriginComment = m.captured(1);

    if (!syntaxCheck()) {
        m_out.failed = true;
        return m_out;
    }
    m_plan = JsSourcePlan::make(m_code, true);

    QJSEngine engine; // no installExtensions(): nothing of Qt, no print, no gc
    m_engine = &engine;
    QFile file(PreludeResource);
    if (!file.open(QIODevice::ReadOnly)) {
        m_out.failed = true;
        error(0, 0, u"CodeImport could not read its prelude (%1)"_s.arg(PreludeResource));
        return m_out;
    }
    const QJSValue factory = engine.evaluate(QString::fromUtf8(file.readAll()), PreludeFile, 1);
    m_api = factory.isCallable() ? factory.call({UserFile}) : factory;
    if (!m_api.isObject() || m_api.isError()) {
        m_out.failed = true;
        error(0, 0, u"CodeImport's prelude failed: %1"_s.arg(m_api.toString()));
        return m_out;
    }

    bool timedOut = false;
    QStringList trace;
    QJSValue result = guarded(
        [&] { return engine.evaluate(m_plan.rewritten(), UserFile, 1, &trace); }, timedOut);
    if (!timedOut && result.isError() && result.property(u"name"_s).toString() == u"SyntaxError"_s
        && trace.isEmpty() == false && !m_plan.functions().isEmpty()) {
        // The tags broke code the engine accepted without them: run it untagged (functions
        // then have no source to show).
        add(CodeDiagnostic::Severity::Warning, 0, 0,
            u"CodeImport could not mark the functions of this code (%1); their source cannot be "
            "recovered"_s.arg(result.toString()));
        m_plan = JsSourcePlan::make(m_code, false);
        QJSEngine *keep = m_engine;
        Q_UNUSED(keep);
        result = guarded(
            [&] { return engine.evaluate(m_plan.rewritten(), UserFile, 1, &trace); }, timedOut);
    }
    if (timedOut) {
        m_out.failed = true;
        const int line = lineOfStack(result.property(u"stack"_s).toString());
        error(line, 0,
            u"the code did not finish within %1 ms and was stopped (an endless loop?); CodeImport "
            "runs the code's top level once and needs it to end"_s.arg(m_limit.count()));
        return m_out;
    }
    const bool threw = result.isError() || engine.hasError();
    QString thrownText;
    int thrownLine = 0;
    if (threw) {
        const QJSValue error = result.isError() ? result : engine.catchError();
        thrownText = error.toString();
        thrownLine = lineOfStack(error.property(u"stack"_s).toString());
        if (thrownLine == 0)
            thrownLine = error.property(u"lineNumber"_s).toInt();
    }

    // A connected client runs its "connect" handlers (they may emit).
    guarded([&] { return m_api.property(u"connect"_s).call(); }, timedOut);
    if (timedOut) {
        m_out.failed = true;
        error(0, 0,
            u"a \"connect\" handler did not finish within %1 ms and was stopped"_s.arg(
                m_limit.count()));
        return m_out;
    }
    // Reading the values may run getters and Proxy traps of the code: also under the watchdog.
    guarded(
        [&] {
            readRecords();
            return QJSValue();
        },
        timedOut);
    if (timedOut) {
        m_out.failed = true;
        error(0, 0,
            u"reading the options ran code that did not finish within %1 ms"_s.arg(
                m_limit.count()));
        return m_out;
    }
    if (threw) {
        const bool found = !m_out.servers.empty() || !m_out.clients.empty();
        add(found ? CodeDiagnostic::Severity::Warning : CodeDiagnostic::Severity::Error, thrownLine,
            0,
            found ? u"the code stopped here with %1; what it set up before is imported"_s.arg(
                thrownText)
                  : u"the code stopped here with %1"_s.arg(thrownText));
        if (!found)
            m_out.failed = true;
    }
    if (engine.hasError())
        engine.catchError();
    return m_out;
}

// ---- from what was found to a profile -----------------------------------------------------

Profile defaultBase()
{
    Profile p;
    p.name = u"Imported from code"_s;
    p.client.pageOrigin = u"http://localhost:3000"_s;
    return p;
}

JsonNode *member(JsonNode &object, QStringView key)
{
    for (JsonNode::Member &m : object.members()) {
        if (m.key == key)
            return &m.value;
    }
    return nullptr;
}

void setMember(JsonNode &object, const QString &key, JsonNode value)
{
    if (JsonNode *existing = member(object, key))
        *existing = std::move(value);
    else
        object.insert(key, std::move(value));
}

void keepOnly(JsonNode &object, const QStringList &keys)
{
    auto &members = object.members();
    members.erase(std::remove_if(members.begin(), members.end(),
                      [&](const JsonNode::Member &m) { return !keys.contains(m.key); }),
        members.end());
}

void removeKeys(JsonNode &object, const QStringList &keys)
{
    auto &members = object.members();
    members.erase(std::remove_if(members.begin(), members.end(),
                      [&](const JsonNode::Member &m) { return keys.contains(m.key); }),
        members.end());
}

struct Position {
    CodeSide side = CodeSide::Server;
    int line = 0;
    int column = 0;
};

} // namespace

QString CodeDiagnostic::toString(const QString &fileName) const
{
    QString out = fileName;
    if (line > 0) {
        out += u':' + QString::number(line);
        if (column > 0)
            out += u':' + QString::number(column);
    }
    switch (severity) {
    case Severity::Error:
        out += u": error: "_s;
        break;
    case Severity::Warning:
        out += u": warning: "_s;
        break;
    case Severity::Note:
        out += u": note: "_s;
        break;
    }
    return out + message;
}

bool CodeImportResult::hasErrors() const
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
        [](const CodeDiagnostic &d) { return d.isError(); });
}

namespace {

CodeImportResult importCode(const std::optional<QString> &serverText,
    const std::optional<QString> &clientText, const std::optional<Profile> &givenBase,
    std::chrono::milliseconds limit)
{
    CodeImportResult result;
    if (!serverText && !clientText) {
        result.diagnostics.append(diag(CodeDiagnostic::Severity::Error, CodeSide::Server, 0, 0,
            u"no code given: neither server code nor client code"_s));
        return result;
    }
    std::optional<Extract> server;
    std::optional<Extract> client;
    if (serverText)
        server = Evaluator(CodeSide::Server, *serverText, limit).run();
    if (clientText)
        client = Evaluator(CodeSide::Client, *clientText, limit).run();
    for (const auto *x : {&server, &client}) {
        if (*x)
            result.diagnostics += (*x)->diagnostics;
    }
    if ((server && server->failed) || (client && client->failed))
        return result;

    auto nothingFound = [&](const Extract &x, const QString &wanted, const QString &other) {
        const bool hasOther = x.side == CodeSide::Server ? !x.clients.empty() : !x.servers.empty();
        result.diagnostics.append(diag(CodeDiagnostic::Severity::Error, x.side, 0, 0,
            hasOther ? u"no %1 call found in the %2 code (only %3: is this the %4 code?)"_s.arg(
                wanted, x.side == CodeSide::Server ? u"server"_s : u"client"_s, other,
                x.side == CodeSide::Server ? u"client"_s : u"server"_s)
                     : u"no new Server(...) or io(...) call found in the %1 code"_s.arg(
                         x.side == CodeSide::Server ? u"server"_s : u"client"_s)));
    };
    if (server && server->servers.empty())
        nothingFound(*server, u"new Server(...)"_s, u"io(...)"_s);
    if (client && client->clients.empty())
        nothingFound(*client, u"io(...)"_s, u"new Server(...)"_s);
    if (result.hasErrors())
        return result;

    // The records used: the server from the server text (else one in the client text), the
    // client from the client text (else one in the server text).
    const ServerFound *serverFound = nullptr;
    const ClientFound *clientFound = nullptr;
    Position serverAt;
    Position clientAt;
    std::optional<int> listenPort;
    std::optional<QString> pageOriginComment;
    for (const auto *x : {&server, &client}) {
        if (!*x)
            continue;
        const Extract &e = **x;
        if (!serverFound && !e.servers.empty()) {
            serverFound = &e.servers.front();
            serverAt = {e.side, serverFound->line, serverFound->column};
            listenPort = e.listenPort;
            if (e.servers.size() > 1)
                result.diagnostics.append(diag(CodeDiagnostic::Severity::Warning, e.side,
                    e.servers[1].line, e.servers[1].column,
                    u"a second Socket.IO server: only the first one (line %1) is imported"_s.arg(
                        serverFound->line)));
        }
    }
    for (const auto *x : {&client, &server}) {
        if (!*x)
            continue;
        const Extract &e = **x;
        if (!clientFound && !e.clients.empty()) {
            clientFound = &e.clients.front();
            clientAt = {e.side, clientFound->line, clientFound->column};
            pageOriginComment = e.pageOriginComment;
            if (e.clients.size() > 1)
                result.diagnostics.append(diag(CodeDiagnostic::Severity::Warning, e.side,
                    e.clients[1].line, e.clients[1].column,
                    u"a second io() call: only the first one (line %1) is imported"_s.arg(
                        clientFound->line)));
        }
    }

    const Profile base = givenBase ? *givenBase : defaultBase();
    JsonNode document = ProfileWriter::toJsonNode(base);
    auto note = [&](const Position &at, const QString &text) {
        result.diagnostics.append(
            diag(CodeDiagnostic::Severity::Note, at.side, at.line, at.column, text));
    };

    if (serverFound) {
        JsonNode serverNode
            = member(document, u"server") ? *member(document, u"server") : JsonNode::makeObject();
        keepOnly(serverNode, {u"host"_s, u"port"_s, u"proxy"_s});
        if (serverFound->options) {
            for (const JsonNode::Member &m : serverFound->options->members()) {
                if (m.key == u"host"_s || m.key == u"port"_s || m.key == u"namespaces"_s
                    || m.key == u"proxy"_s) {
                    result.diagnostics.append(diag(CodeDiagnostic::Severity::Warning, serverAt.side,
                        serverAt.line, serverAt.column,
                        u"\"%1\" is not an option of new Server() (Socket.IO ignores it); "
                        "left out"_s.arg(m.key)));
                    continue;
                }
                serverNode.insert(m.key, m.value);
            }
        }
        JsonNode namespaces = JsonNode::makeArray();
        for (const NamespaceFound &ns : serverFound->namespaces) {
            JsonNode entry = JsonNode::makeObject();
            entry.insert(u"name"_s, JsonNode::fromString(ns.name));
            if (ns.middleware)
                entry.insert(u"middleware"_s, *ns.middleware);
            namespaces.append(std::move(entry));
        }
        if (!namespaces.items().empty())
            serverNode.insert(u"namespaces"_s, std::move(namespaces));
        setMember(document, u"server"_s, std::move(serverNode));
    }

    if (clientFound) {
        JsonNode clientNode
            = member(document, u"client") ? *member(document, u"client") : JsonNode::makeObject();
        removeKeys(clientNode, {u"url"_s, u"namespace"_s, u"options"_s, u"emit"_s});
        QString url = ClientOptions::EmbeddedUrl;
        QString namespaceName = u"/"_s;
        bool sameOrigin = false;
        const QString uri = clientFound->uri.value_or(QString());
        if (uri.isEmpty()) {
            sameOrigin = true;
        } else if (uri.startsWith(u'/') && !uri.startsWith(u"//"_s)) {
            sameOrigin = true;
            namespaceName = uri.section(u'?', 0, 0);
        } else {
            const qsizetype scheme = uri.indexOf(u"://"_s);
            const qsizetype pathStart = scheme < 0 ? -1 : uri.indexOf(u'/', scheme + 3);
            QString originPart = pathStart < 0 ? uri : uri.left(pathStart);
            const QString path = pathStart < 0 ? QString() : uri.mid(pathStart).section(u'?', 0, 0);
            if (!path.isEmpty() && path != u"/"_s)
                namespaceName = path;
            else if (path == u"/"_s)
                originPart += u'/';
            url = originPart;
            const int port = listenPort ? *listenPort : CodeWriter::listenPort(base);
            const QUrl parsed(originPart);
            if (parsed.scheme() == u"http"_s && parsed.host() == u"localhost"_s
                && parsed.port() == port && (path.isEmpty() || path != u"/"_s)) {
                url = ClientOptions::EmbeddedUrl;
                note(clientAt,
                    u"io(\"%1\") connects to the server of this code (port %2): the profile "
                    "uses CorsLab's embedded server"_s.arg(uri)
                        .arg(port));
            }
        }
        if (url != ClientOptions::EmbeddedUrl)
            clientNode.insert(u"url"_s, JsonNode::fromString(url));
        if (namespaceName != u"/"_s)
            clientNode.insert(u"namespace"_s, JsonNode::fromString(namespaceName));
        if (clientFound->options)
            clientNode.insert(u"options"_s, *clientFound->options);
        if (!clientFound->emits.empty())
            clientNode.insert(u"emit"_s, JsonNode::makeArray(clientFound->emits));

        QString pageOrigin;
        if (sameOrigin) {
            pageOrigin = ClientOptions::SameOrigin;
        } else if (pageOriginComment) {
            pageOrigin = *pageOriginComment;
        } else if (givenBase && givenBase->client.pageOrigin != ClientOptions::SameOrigin
            && !givenBase->client.pageOrigin.isEmpty()) {
            pageOrigin = givenBase->client.pageOrigin;
        } else {
            pageOrigin = u"http://localhost:3000"_s;
            note(clientAt,
                u"the code does not say the page's origin; http://localhost:3000 is assumed "
                "(a line \"// The page's origin: ORIGIN\" in the client code, or a base "
                "profile, sets it)"_s);
        }
        setMember(clientNode, u"pageOrigin"_s, JsonNode::fromString(pageOrigin));
        setMember(document, u"client"_s, std::move(clientNode));
    }

    // The profile format's own checks, on what the code gave.
    const ProfileLoadResult load = ProfileReader::read(JsonWriter::write(document));
    for (const Diagnostic &d : load.diagnostics) {
        Position at;
        if (d.path.startsWith(u"server"_s))
            at = serverFound ? serverAt : Position {};
        else if (d.path.startsWith(u"client"_s))
            at = clientFound ? clientAt : Position {CodeSide::Client, 0, 0};
        // Paths say where in the profile; in code terms server.cors is new Server's cors option.
        QString message = d.message;
        if (!d.path.isEmpty())
            message = d.path + u": "_s + message;
        result.diagnostics.append(
            diag(d.isError() ? CodeDiagnostic::Severity::Error : CodeDiagnostic::Severity::Warning,
                at.side, at.line, at.column, message));
    }
    if (!load.hasErrors() && load.profile)
        result.profile = load.profile;
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
        [](const CodeDiagnostic &a, const CodeDiagnostic &b) {
            if (a.side != b.side)
                return a.side == CodeSide::Server;
            return a.line < b.line;
        });
    return result;
}

} // namespace

CodeImportResult CodeImport::fromServerCode(const QString &code)
{
    return importCode(code, std::nullopt, std::nullopt, DefaultTimeLimit);
}

CodeImportResult CodeImport::fromClientCode(const QString &code)
{
    return importCode(std::nullopt, code, std::nullopt, DefaultTimeLimit);
}

CodeImportResult CodeImport::fromCode(const QString &serverCode, const QString &clientCode,
    const std::optional<Profile> &base, std::chrono::milliseconds timeLimit)
{
    auto given = [](const QString &text) {
        return text.trimmed().isEmpty() ? std::optional<QString>() : std::optional<QString>(text);
    };
    return importCode(given(serverCode), given(clientCode), base, timeLimit);
}

} // namespace corslab
