// ScriptSandbox: the QJSEngine, its prelude, the calls waiting for callbacks, the timers of user
// code and the watchdog that interrupts it.
#include "scriptsandbox.h"

#include "regextranslation.h"
#include "scriptwatchdog.h"
#include "urlsearchparams.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJSEngine>
#include <QJSValue>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <map>

namespace corslab {

namespace {

const QString PreludeResource = QStringLiteral(":/corslab/script/sandboxprelude.js");
const QString PreludeFile = QStringLiteral("corslab-sandbox-prelude.js");
constexpr std::size_t MaxTimers = 1000; // the prelude's RangeError says the same number
constexpr int MaxLogLinesPerCall = 200;
constexpr int MaxLogLineLength = 4000;
constexpr int LogLinesPerHeartbeat = 1000;
constexpr qsizetype MaxRegexObjects = 1000;
// After a call's last timer is gone, how long a Promise it started may still take to answer.
constexpr int TimerGraceMs = 20;

enum class CallKind { Origin, AllowRequest, Middleware };

QString kindKey(CallKind kind)
{
    switch (kind) {
    case CallKind::Origin:
        return QStringLiteral("origin");
    case CallKind::AllowRequest:
        return QStringLiteral("allowRequest");
    case CallKind::Middleware:
        return QStringLiteral("middleware");
    }
    return {};
}

QString regexKey(const RegexPattern &pattern)
{
    return pattern.flags + QLatin1Char('/') + pattern.source;
}

ScriptLogLine::Level levelFromName(const QString &name)
{
    if (name == QLatin1String("info"))
        return ScriptLogLine::Level::Info;
    if (name == QLatin1String("debug"))
        return ScriptLogLine::Level::Debug;
    if (name == QLatin1String("warn") || name == QLatin1String("trace"))
        return ScriptLogLine::Level::Warn;
    if (name == QLatin1String("error"))
        return ScriptLogLine::Level::Error;
    return ScriptLogLine::Level::Log;
}

ScriptValue::Type valueTypeFromName(const QString &name)
{
    static const QHash<QString, ScriptValue::Type> types = {
        {QStringLiteral("undefined"), ScriptValue::Type::Undefined},
        {QStringLiteral("null"), ScriptValue::Type::Null},
        {QStringLiteral("boolean"), ScriptValue::Type::Boolean},
        {QStringLiteral("number"), ScriptValue::Type::Number},
        {QStringLiteral("string"), ScriptValue::Type::String},
        {QStringLiteral("symbol"), ScriptValue::Type::Symbol},
        {QStringLiteral("function"), ScriptValue::Type::Function},
        {QStringLiteral("array"), ScriptValue::Type::Array},
        {QStringLiteral("regexp"), ScriptValue::Type::RegExp},
        {QStringLiteral("error"), ScriptValue::Type::Error},
    };
    return types.value(name, ScriptValue::Type::Object);
}

QString withLine(const QString &text, int line)
{
    return line > 0 ? text + QStringLiteral(" (line %1)").arg(line) : text;
}

// What to add to a syntax error when the source uses something QJSEngine 6.4 does not parse.
QString syntaxHint(const QString &source, const QString &message)
{
    static const QRegularExpression asyncKeyword(QStringLiteral("\\b(async|await)\\b"));
    if (message.contains(QLatin1String("flag 's'")))
        return QStringLiteral("; QJSEngine 6.4 has no s flag: write [^] for a dot that also "
                              "matches line breaks");
    if (asyncKeyword.match(source).hasMatch())
        return QStringLiteral("; QJSEngine 6.4 has no async functions: call the callback from "
                              "a Promise's then() instead");
    if (source.contains(QLatin1String("...")))
        return QStringLiteral("; QJSEngine 6.4 has no ... in object literals or object "
                              "destructuring: use Object.assign()");
    return {};
}

// Things that compile but run differently in QJSEngine 6.4 than in Node.
QStringList sourceWarnings(const QString &source)
{
    QStringList warnings;
    if (source.contains(QLatin1String("(?<=")) || source.contains(QLatin1String("(?<!")))
        warnings << QStringLiteral(
            "uses a RegExp lookbehind, which CorsLab's JavaScript engine (QJSEngine 6.4) cannot "
            "run: a literal like /(?<=a)b/ never matches here and new RegExp() throws; Node "
            "supports it");
    if (source.contains(QLatin1String("\\p{")) || source.contains(QLatin1String("\\P{")))
        warnings << QStringLiteral(
            "uses \\p{...} in a RegExp, which QJSEngine 6.4 does not understand in regular "
            "expressions written in code (RegExp origins in the profile are fine)");
    if (source.contains(QLatin1String(".groups")))
        warnings << QStringLiteral("reads .groups of a RegExp match, which QJSEngine 6.4 leaves "
                                   "undefined; use the group's number");
    return warnings;
}

} // namespace

// The object the prelude receives as `host`. Only the prelude's closures hold it.
class SandboxHost : public QObject {
    Q_OBJECT

public:
    explicit SandboxHost(ScriptSandbox::Private *d)
        : m_d(d)
    { }

    Q_INVOKABLE int addTimer(const QJSValue &callback, double delay, const QJSValue &args,
        bool repeat, const QJSValue &thisObject);
    Q_INVOKABLE void removeTimer(int id);
    Q_INVOKABLE void refreshTimer(int id);
    Q_INVOKABLE void answer(int callId, const QJSValue &answer);
    Q_INVOKABLE void answerFailed(int callId, const QJSValue &error);
    Q_INVOKABLE void rejected(int callId, const QJSValue &error);
    Q_INVOKABLE void uncaught(const QJSValue &error);
    Q_INVOKABLE void log(const QString &level, const QString &text);
    Q_INVOKABLE int current() const;
    Q_INVOKABLE int enter(int callId);

private:
    ScriptSandbox::Private *m_d;
};

class ScriptSandbox::Private {
public:
    struct Call {
        int id = 0;
        QString name;
        QElapsedTimer clock;
        bool inFirstRun = true; // answers are kept until the first run returns
        bool answered = false;
        bool stalled = false; // a stall interrupt happened while it waited
        std::optional<ScriptError> failure;
        QList<ScriptLogLine> log;
        int droppedLines = 0;
        QTimer *deadline = nullptr;
        std::function<void(const QJSValue &)> fill; // reads the callback's arguments
        std::function<void(CallReport)> deliver; // completes the result and queues done()
    };

    struct Timer {
        QTimer *timer = nullptr;
        QJSValue callback;
        QJSValue args;
        QJSValue thisObject;
        bool repeat = false;
        int owner = 0; // the call that was running when it was set; 0: none
    };

    struct Guarded {
        QJSValue value;
        bool timedOut = false;
    };

    struct Function {
        QJSValue value;
        QString name;
    };

    explicit Private(ScriptSandbox *sandbox);
    ~Private();

    Guarded run(int callId, const std::function<QJSValue()> &body);
    QJSValue helper(const char *name) const { return m_helpers.property(QLatin1String(name)); }

    template<class Result>
    void start(const CompiledFunction &function, CallKind kind,
        std::function<QJSValueList()> makeArgs, std::function<void(const Result &)> done,
        std::function<void(Result &, const QJSValue &)> fill);
    void afterFirstRun(int id, const Guarded &guarded);
    void deadlinePassed(int id);
    void finish(Call *call, CallEnd end);
    void fail(Call *call, ScriptError::Kind kind, const QString &message, int line = 0);
    Call *findCall(int id) const;
    QString callName(int id) const;
    bool keepsWaiting(const Call *call) const;
    void recheckSoon(int owner);

    int addTimer(const QJSValue &callback, double delay, const QJSValue &args, bool repeat,
        const QJSValue &thisObject);
    void removeTimer(int id);
    void fireTimer(int id);

    void answer(int callId, const QJSValue &answer);
    void answerFailed(int callId, const QJSValue &error);
    void rejected(int callId, const QJSValue &error);
    void note(int callId, const QString &text);
    void log(int callId, ScriptLogLine::Level level, QString text);
    void heartbeat();

    ScriptValue toScriptValue(const QJSValue &snapshot) const;
    RegexPattern registerRegex(const QJSValue &entry);
    OriginValue toOriginValue(const QJSValue &value);
    QJSValue requestData(const RequestInput &request) const;
    QJSValue regexObject(const RegexPattern &pattern);

    ScriptSandbox *q;
    QJSEngine *m_engine;
    SandboxHost m_host;
    std::unique_ptr<ScriptWatchdog> m_watchdog;
    QJSValue m_helpers;
    QString m_startError; // why the prelude did not load; empty when it did
    QTimer *m_heartbeat;
    std::chrono::milliseconds m_limit = ScriptSandbox::DefaultTimeLimit;
    std::chrono::milliseconds m_waitLimit = ScriptSandbox::DefaultCallbackWaitLimit;
    std::map<int, Function> m_functions;
    std::map<int, std::unique_ptr<Call>> m_calls;
    std::map<int, Timer> m_timers;
    QHash<QString, QJSValue> m_regexes;
    QSet<QString> m_reportedRegexes;
    QHash<int, QString> m_finishedCalls; // id -> function name, for what happens after
    int m_nextId = 0;
    int m_currentCall = 0;
    int m_depth = 0;
    int m_logBudget = LogLinesPerHeartbeat;
    int m_droppedLogLines = 0;
};

ScriptSandbox::Private::Private(ScriptSandbox *sandbox)
    : q(sandbox)
    , m_engine(new QJSEngine(sandbox))
    , m_host(this)
    , m_watchdog(std::make_unique<ScriptWatchdog>(m_engine))
    , m_heartbeat(new QTimer(sandbox))
{
    // No installExtensions(): no console/print, gc, qsTr or Qt object from Qt; the prelude
    // brings the Node globals.
    QJSEngine::setObjectOwnership(&m_host, QJSEngine::CppOwnership);
    QFile file(PreludeResource);
    if (!file.open(QIODevice::ReadOnly)) {
        m_startError = QStringLiteral("the script sandbox could not read its prelude (%1)")
                           .arg(PreludeResource);
        return;
    }
    QStringList trace;
    const QJSValue factory
        = m_engine->evaluate(QString::fromUtf8(file.readAll()), PreludeFile, 1, &trace);
    if (trace.isEmpty())
        m_helpers = factory.call({m_engine->newQObject(&m_host), PreludeFile});
    if (!trace.isEmpty() || m_helpers.isError() || !m_helpers.isObject()) {
        m_startError = QStringLiteral("the script sandbox's prelude failed: %1")
                           .arg((trace.isEmpty() ? m_helpers : factory).toString());
        m_helpers = QJSValue();
    }
    m_heartbeat->setTimerType(Qt::PreciseTimer);
    QObject::connect(m_heartbeat, &QTimer::timeout, q, [this] { heartbeat(); });
}

ScriptSandbox::Private::~Private()
{
    m_heartbeat->stop();
    for (auto &[id, call] : m_calls)
        delete call->deadline;
    m_calls.clear();
    for (auto &[id, timer] : m_timers)
        delete timer.timer;
    m_timers.clear();
    m_regexes.clear();
    m_functions.clear();
    m_helpers = QJSValue();
    m_watchdog.reset(); // joins the thread that points at the engine
    delete m_engine;
}

// Runs JavaScript with the watchdog armed (only the outermost of nested runs arms it).
ScriptSandbox::Private::Guarded ScriptSandbox::Private::run(
    int callId, const std::function<QJSValue()> &body)
{
    const int previous = std::exchange(m_currentCall, callId);
    if (m_depth++ == 0) {
        m_watchdog->arm(m_limit);
        // A stall interrupt that found no JavaScript to stop must not stop this run.
        m_engine->setInterrupted(false);
    }
    Guarded guarded {body(), false};
    if (--m_depth == 0 && m_watchdog->disarm()) {
        m_engine->setInterrupted(false);
        guarded.timedOut = true;
    }
    m_currentCall = previous;
    return guarded;
}

ScriptSandbox::Private::Call *ScriptSandbox::Private::findCall(int id) const
{
    const auto it = m_calls.find(id);
    return it == m_calls.end() ? nullptr : it->second.get();
}

QString ScriptSandbox::Private::callName(int id) const
{
    if (const Call *call = findCall(id))
        return call->name;
    return m_finishedCalls.value(id);
}

template<class Result>
void ScriptSandbox::Private::start(const CompiledFunction &function, CallKind kind,
    std::function<QJSValueList()> makeArgs, std::function<void(const Result &)> done,
    std::function<void(Result &, const QJSValue &)> fill)
{
    Q_ASSERT(QThread::currentThread() == q->thread());
    auto result = std::make_shared<Result>();
    auto call = std::make_unique<Call>();
    call->id = ++m_nextId;
    call->name = function.name.isEmpty() ? QStringLiteral("the function") : function.name;
    call->clock.start();
    call->fill = [result, fill](const QJSValue &answer) { fill(*result, answer); };
    call->deliver = [sandbox = q, result, done](CallReport report) {
        static_cast<CallReport &>(*result) = std::move(report);
        QMetaObject::invokeMethod(
            sandbox, [done, result] { done(*result); }, Qt::QueuedConnection);
    };
    call->deadline = new QTimer(q);
    call->deadline->setSingleShot(true);
    call->deadline->setTimerType(Qt::PreciseTimer);
    const int id = call->id;
    QObject::connect(call->deadline, &QTimer::timeout, q, [this, id] { deadlinePassed(id); });
    Call *c = call.get();
    m_calls.emplace(id, std::move(call));

    const auto fn = m_functions.find(function.id);
    if (!m_startError.isEmpty() || fn == m_functions.end()) {
        c->inFirstRun = false;
        fail(c, ScriptError::Kind::Unavailable,
            m_startError.isEmpty()
                ? QStringLiteral("%1 was not compiled in this sandbox").arg(c->name)
                : m_startError);
        return;
    }
    const QJSValue callable = fn->second.value;
    const Guarded guarded = run(id, [&] {
        const QJSValueList args = makeArgs();
        QJSValue array = m_engine->newArray(uint(args.size()));
        for (qsizetype i = 0; i < args.size(); ++i)
            array.setProperty(quint32(i), args.at(i));
        return helper("invoke").call({callable, array, id, kindKey(kind)});
    });
    afterFirstRun(id, guarded);
}

void ScriptSandbox::Private::afterFirstRun(int id, const Guarded &guarded)
{
    Call *c = findCall(id);
    if (!c)
        return;
    c->inFirstRun = false;
    if (guarded.timedOut) {
        // Node would be stuck in this loop for good, answered or not.
        if (c->answered)
            note(id, QStringLiteral("%1 had called its callback before it got stuck").arg(c->name));
        c->answered = false;
        fail(c, ScriptError::Kind::TimedOut,
            QStringLiteral("%1 did not return within %2 ms").arg(c->name).arg(m_limit.count()));
        return;
    }
    const QJSValue &value = guarded.value;
    if (value.isError() || value.property(QStringLiteral("threw")).toBool()) {
        const QJSValue error
            = value.isError() ? QJSValue() : value.property(QStringLiteral("error"));
        const QString text = value.isError() ? value.toString()
                                             : error.property(QStringLiteral("text")).toString();
        const int line = error.property(QStringLiteral("line")).toInt();
        if (c->answered || c->failure) {
            note(id,
                withLine(
                    QStringLiteral("%1 threw %2 after calling its callback").arg(c->name, text),
                    line));
        } else {
            fail(c, ScriptError::Kind::Thrown,
                withLine(QStringLiteral("%1 threw %2").arg(c->name, text), line), line);
            return;
        }
    }
    if (c->failure)
        finish(c, CallEnd::Failed);
    else if (c->answered)
        finish(c, CallEnd::Answered);
    else
        c->deadline->start(int(std::max<qint64>(0, m_limit.count() - c->clock.elapsed())));
}

// Timers a call set (itself, from its timers or from its Promise callbacks) may still answer.
bool ScriptSandbox::Private::keepsWaiting(const Call *call) const
{
    return std::any_of(m_timers.begin(), m_timers.end(),
        [&](const auto &entry) { return entry.second.owner == call->id; });
}

// A call past its time limit whose last timer has gone ends soon, once Promise callbacks that
// timer started have had their turn.
void ScriptSandbox::Private::recheckSoon(int owner)
{
    Call *c = findCall(owner);
    if (c && !c->inFirstRun && c->clock.elapsed() >= m_limit.count() && !keepsWaiting(c))
        c->deadline->start(TimerGraceMs);
}

void ScriptSandbox::Private::deadlinePassed(int id)
{
    Call *c = findCall(id);
    if (!c)
        return;
    const qint64 elapsed = c->clock.elapsed();
    if (keepsWaiting(c) && elapsed < m_waitLimit.count()) {
        c->deadline->start(int(m_waitLimit.count() - elapsed));
        return;
    }
    QString message = keepsWaiting(c)
        ? QStringLiteral("%1 never called its callback; its timers were still pending after %2 ms")
              .arg(c->name)
              .arg(elapsed)
        : QStringLiteral("%1 never called its callback within %2 ms")
              .arg(c->name)
              .arg(m_limit.count());
    if (c->stalled)
        message += QStringLiteral(" (JavaScript run from a Promise callback was interrupted after "
                                  "blocking for %1 ms)")
                       .arg(m_limit.count());
    c->failure = ScriptError {ScriptError::Kind::NoAnswer, message, 0, 0};
    finish(c, CallEnd::NoAnswer);
}

void ScriptSandbox::Private::fail(
    Call *call, ScriptError::Kind kind, const QString &message, int line)
{
    call->failure = ScriptError {kind, message, line, 0};
    if (!call->inFirstRun)
        finish(call, CallEnd::Failed);
}

void ScriptSandbox::Private::finish(Call *call, CallEnd end)
{
    CallReport report;
    report.end = end;
    if (end != CallEnd::Answered)
        report.failure = call->failure;
    report.log = call->log;
    if (call->droppedLines > 0)
        report.log.append({call->name, call->id, ScriptLogLine::Level::Note,
            QStringLiteral("%1 more lines not kept").arg(call->droppedLines)});
    report.elapsedMs = call->clock.elapsed();
    if (m_finishedCalls.size() > 10000)
        m_finishedCalls.clear();
    m_finishedCalls.insert(call->id, call->name);
    call->deadline->stop();
    call->deadline->deleteLater(); // finish() may run inside its timeout()
    auto deliver = std::move(call->deliver);
    m_calls.erase(call->id);
    deliver(std::move(report));
}

int ScriptSandbox::Private::addTimer(const QJSValue &callback, double delay, const QJSValue &args,
    bool repeat, const QJSValue &thisObject)
{
    if (m_timers.size() >= MaxTimers)
        return -1;
    const int id = ++m_nextId;
    auto *timer = new QTimer(q);
    timer->setSingleShot(!repeat);
    timer->setTimerType(Qt::PreciseTimer);
    timer->setInterval(int(std::clamp(delay, 1.0, 2147483647.0)));
    QObject::connect(timer, &QTimer::timeout, q, [this, id] { fireTimer(id); });
    timer->start();
    m_timers.emplace(id, Timer {timer, callback, args, thisObject, repeat, m_currentCall});
    return id;
}

void ScriptSandbox::Private::removeTimer(int id)
{
    const auto it = m_timers.find(id);
    if (it == m_timers.end())
        return;
    const int owner = it->second.owner;
    it->second.timer->stop();
    it->second.timer->deleteLater(); // clearInterval() may run inside its own timeout()
    m_timers.erase(it);
    recheckSoon(owner);
}

void ScriptSandbox::Private::fireTimer(int id)
{
    const auto it = m_timers.find(id);
    if (it == m_timers.end())
        return;
    const Timer timer = it->second;
    if (!timer.repeat) {
        timer.timer->deleteLater();
        m_timers.erase(it);
    }
    const Guarded guarded = run(timer.owner, [&] {
        return helper("runTimer").call({timer.callback, timer.args, timer.thisObject});
    });
    const QString name = callName(timer.owner);
    const QString owner = name.isEmpty() ? QString() : QStringLiteral(" of ") + name;
    Call *c = findCall(timer.owner);
    if (guarded.timedOut) {
        removeTimer(id); // an interval would get stuck again
        const QString message = QStringLiteral("a timer callback%1 did not return within %2 ms")
                                    .arg(owner)
                                    .arg(m_limit.count());
        if (c && !c->answered)
            fail(c, ScriptError::Kind::TimedOut, message);
        else
            note(timer.owner, message);
    } else if (guarded.value.isObject()) {
        const int line = guarded.value.property(QStringLiteral("line")).toInt();
        const QString text = guarded.value.isError()
            ? guarded.value.toString()
            : guarded.value.property(QStringLiteral("text")).toString();
        const QString message
            = withLine(QStringLiteral("a timer callback%1 threw %2").arg(owner, text), line);
        if (c && !c->answered)
            fail(c, ScriptError::Kind::Thrown, message, line);
        else
            note(timer.owner, message + QStringLiteral(" (Node would crash)"));
    }
    recheckSoon(timer.owner);
}

void ScriptSandbox::Private::answer(int callId, const QJSValue &value)
{
    Call *c = findCall(callId);
    if (!c) {
        note(callId,
            QStringLiteral("%1 called its callback after it had been reported "
                           "(too late, or a second time); ignored")
                .arg(callName(callId)));
        return;
    }
    if (c->answered || c->failure) {
        note(callId,
            QStringLiteral("%1 called its callback again; only the first call counts")
                .arg(c->name));
        return;
    }
    c->answered = true;
    c->fill(value);
    if (!c->inFirstRun)
        finish(c, CallEnd::Answered);
}

void ScriptSandbox::Private::answerFailed(int callId, const QJSValue &error)
{
    Call *c = findCall(callId);
    const QString text = error.property(QStringLiteral("text")).toString();
    const int line = error.property(QStringLiteral("line")).toInt();
    const QString message
        = withLine(QStringLiteral("%1 called its callback with a value that cannot be read: %2")
                       .arg(callName(callId), text),
            line);
    if (c && !c->answered && !c->failure)
        fail(c, ScriptError::Kind::Thrown, message, line);
    else
        note(callId, message);
}

void ScriptSandbox::Private::rejected(int callId, const QJSValue &error)
{
    Call *c = findCall(callId);
    const QString text = error.property(QStringLiteral("text")).toString();
    const int line = error.property(QStringLiteral("line")).toInt();
    const QString message
        = withLine(QStringLiteral("the Promise returned by %1 was rejected with %2")
                       .arg(callName(callId), text),
            line);
    if (c && !c->answered && !c->failure)
        fail(c, ScriptError::Kind::Rejected, message, line);
    else
        note(callId, message + QStringLiteral(" (Node would crash: unhandled rejection)"));
}

void ScriptSandbox::Private::note(int callId, const QString &text)
{
    log(callId, ScriptLogLine::Level::Note, text);
}

void ScriptSandbox::Private::log(int callId, ScriptLogLine::Level level, QString text)
{
    if (text.size() > MaxLogLineLength)
        text = text.left(MaxLogLineLength) + QStringLiteral("…");
    const ScriptLogLine line {callName(callId), callId, level, text};
    if (Call *c = findCall(callId)) {
        if (c->log.size() < MaxLogLinesPerCall)
            c->log.append(line);
        else
            ++c->droppedLines;
    }
    if (m_logBudget <= 0) {
        ++m_droppedLogLines;
        return;
    }
    --m_logBudget;
    QMetaObject::invokeMethod(
        q, [sandbox = q, line] { emit sandbox->logged(line); }, Qt::QueuedConnection);
}

void ScriptSandbox::Private::heartbeat()
{
    // No JavaScript runs now; a call still current is one whose Promise callback was
    // interrupted before it could leave.
    const int stuck = m_depth == 0 ? std::exchange(m_currentCall, 0) : 0;
    if (m_watchdog->beat()) {
        m_engine->setInterrupted(false);
        if (Call *c = findCall(stuck)) {
            c->stalled = true;
        } else {
            for (auto &[id, call] : m_calls)
                call->stalled = true;
        }
        note(stuck,
            QStringLiteral("JavaScript run from a Promise callback blocked the thread for "
                           "more than %1 ms and was interrupted")
                .arg(m_limit.count()));
    }
    m_logBudget = LogLinesPerHeartbeat;
    if (m_droppedLogLines > 0) {
        const int dropped = std::exchange(m_droppedLogLines, 0);
        note(0, QStringLiteral("%1 console lines were not shown (too many)").arg(dropped));
    }
}

ScriptValue ScriptSandbox::Private::toScriptValue(const QJSValue &snapshot) const
{
    ScriptValue value;
    value.type = valueTypeFromName(snapshot.property(QStringLiteral("type")).toString());
    value.truthy = snapshot.property(QStringLiteral("truthy")).toBool();
    value.text = snapshot.property(QStringLiteral("text")).toString();
    const QJSValue json = snapshot.property(QStringLiteral("json"));
    if (json.isString()) {
        JsonParseResult parsed = JsonParser::parse(json.toString().toUtf8());
        if (parsed.root)
            value.json = std::move(*parsed.root);
    }
    return value;
}

RegexPattern ScriptSandbox::Private::registerRegex(const QJSValue &entry)
{
    RegexPattern pattern;
    pattern.source = entry.property(QStringLiteral("source")).toString();
    pattern.flags = entry.property(QStringLiteral("flags")).toString();
    const RegexTranslation translation = RegexTranslation::translate(pattern.source, pattern.flags);
    // QJSEngine accepts some literals it cannot run (/(?<=a)b/); testRegex() refuses those.
    if (translation.isValid()) {
        if (m_regexes.size() >= MaxRegexObjects)
            m_regexes.clear();
        m_regexes.insert(regexKey(pattern), entry.property(QStringLiteral("object")));
    }
    return pattern;
}

OriginValue ScriptSandbox::Private::toOriginValue(const QJSValue &value)
{
    const QString kind = value.property(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("string"))
        return value.property(QStringLiteral("value")).toString();
    if (kind == QLatin1String("regex"))
        return registerRegex(value);
    if (kind == QLatin1String("list")) {
        QList<OriginEntry> list;
        const QJSValue entries = value.property(QStringLiteral("entries"));
        const quint32 length = entries.property(QStringLiteral("length")).toUInt();
        for (quint32 i = 0; i < length; ++i) {
            const QJSValue entry = entries.property(i);
            const QString entryKind = entry.property(QStringLiteral("kind")).toString();
            if (entryKind == QLatin1String("string"))
                list.append(entry.property(QStringLiteral("value")).toString());
            else if (entryKind == QLatin1String("regex"))
                list.append(registerRegex(entry));
            else
                list.append(RegexPattern {QStringLiteral("(?:)"), {}, {}});
        }
        return list;
    }
    return value.property(QStringLiteral("value")).toBool();
}

QJSValue ScriptSandbox::Private::requestData(const RequestInput &request) const
{
    auto pairs = [this](const std::vector<std::pair<QString, QString>> &list) {
        QJSValue array = m_engine->newArray(uint(list.size()));
        for (std::size_t i = 0; i < list.size(); ++i) {
            QJSValue pair = m_engine->newArray(2);
            pair.setProperty(0, list[i].first);
            pair.setProperty(1, list[i].second);
            array.setProperty(quint32(i), pair);
        }
        return array;
    };
    QJSValue data = m_engine->newObject();
    data.setProperty(QStringLiteral("method"), request.method);
    data.setProperty(QStringLiteral("url"), request.url);
    data.setProperty(QStringLiteral("httpVersion"), request.httpVersion);
    data.setProperty(QStringLiteral("remoteAddress"), request.remoteAddress);
    data.setProperty(QStringLiteral("encrypted"), request.encrypted);
    data.setProperty(QStringLiteral("headers"), pairs(request.headers));
    data.setProperty(
        QStringLiteral("query"), pairs(UrlSearchParams::fromRequestTarget(request.url)));
    return data;
}

QJSValue ScriptSandbox::Private::regexObject(const RegexPattern &pattern)
{
    const QString key = regexKey(pattern);
    const auto it = m_regexes.constFind(key);
    if (it != m_regexes.constEnd())
        return *it;
    const RegexTranslation translation = RegexTranslation::translate(pattern.source, pattern.flags);
    QString error = translation.error;
    QJSValue regex;
    if (error.isEmpty() && m_startError.isEmpty()) {
        const Guarded made = run(m_currentCall, [&] {
            return helper("newRegExp").call({translation.source, translation.flags});
        });
        regex = made.value.property(QStringLiteral("regex"));
        if (!regex.isObject())
            error = made.value.property(QStringLiteral("error")).toString();
    } else if (error.isEmpty()) {
        error = m_startError;
    }
    if (!error.isEmpty()) {
        if (!m_reportedRegexes.contains(key)) {
            m_reportedRegexes.insert(key);
            note(m_currentCall,
                QStringLiteral("%1 never matches here: %2")
                    .arg(RegexTranslation::display(pattern.source, pattern.flags), error));
        }
        return {};
    }
    if (m_regexes.size() >= MaxRegexObjects)
        m_regexes.clear();
    m_regexes.insert(key, regex);
    return regex;
}

// ---- SandboxHost ------------------------------------------------------------------------------

int SandboxHost::addTimer(const QJSValue &callback, double delay, const QJSValue &args, bool repeat,
    const QJSValue &thisObject)
{
    return m_d->addTimer(callback, delay, args, repeat, thisObject);
}

void SandboxHost::removeTimer(int id)
{
    m_d->removeTimer(id);
}

void SandboxHost::refreshTimer(int id)
{
    const auto it = m_d->m_timers.find(id);
    if (it != m_d->m_timers.end())
        it->second.timer->start();
}

void SandboxHost::answer(int callId, const QJSValue &answer)
{
    m_d->answer(callId, answer);
}

void SandboxHost::answerFailed(int callId, const QJSValue &error)
{
    m_d->answerFailed(callId, error);
}

void SandboxHost::rejected(int callId, const QJSValue &error)
{
    m_d->rejected(callId, error);
}

void SandboxHost::uncaught(const QJSValue &error)
{
    m_d->note(m_d->m_currentCall,
        withLine(QStringLiteral("a queueMicrotask callback threw %1 (Node would crash)")
                     .arg(error.property(QStringLiteral("text")).toString()),
            error.property(QStringLiteral("line")).toInt()));
}

void SandboxHost::log(const QString &level, const QString &text)
{
    m_d->log(m_d->m_currentCall, levelFromName(level), text);
}

int SandboxHost::current() const
{
    return m_d->m_currentCall;
}

int SandboxHost::enter(int callId)
{
    return std::exchange(m_d->m_currentCall, callId);
}

// ---- ScriptSandbox ----------------------------------------------------------------------------

ScriptSandbox::ScriptSandbox(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{ }

ScriptSandbox::~ScriptSandbox() = default;

std::chrono::milliseconds ScriptSandbox::timeLimit() const
{
    return d->m_limit;
}

void ScriptSandbox::setTimeLimit(std::chrono::milliseconds limit)
{
    d->m_limit = std::max(limit, std::chrono::milliseconds(1));
    if (d->m_heartbeat->isActive()) {
        d->m_heartbeat->start(int(std::max<qint64>(10, d->m_limit.count() / 4)));
        d->m_watchdog->setStallLimit(d->m_limit);
    }
}

std::chrono::milliseconds ScriptSandbox::callbackWaitLimit() const
{
    return d->m_waitLimit;
}

void ScriptSandbox::setCallbackWaitLimit(std::chrono::milliseconds limit)
{
    d->m_waitLimit = limit;
}

int ScriptSandbox::pendingCallCount() const
{
    return int(d->m_calls.size());
}

CompileResult ScriptSandbox::compile(const ScriptFunction &function, const QString &name)
{
    Q_ASSERT(QThread::currentThread() == thread());
    CompileResult result;
    auto failed
        = [&](ScriptError::Kind kind, const QString &message, int line = 0, int column = 0) {
              result.error = ScriptError {kind, message, line, column};
              return result;
          };
    if (!d->m_startError.isEmpty())
        return failed(ScriptError::Kind::Unavailable, d->m_startError);

    // "x => y;" is a statement; as the expression the profile holds, it is "x => y".
    QString source = function.source;
    while (!source.isEmpty() && (source.back().isSpace() || source.back() == QLatin1Char(';')))
        source.chop(1);
    if (source.trimmed().isEmpty())
        return failed(ScriptError::Kind::Syntax, QStringLiteral("%1 is empty").arg(name));
    result.warnings = sourceWarnings(source);

    // Parenthesised so that "function (a, b) {...}" is an expression; on its own line so that a
    // trailing // comment does not swallow the parenthesis. Line numbers stay the source's.
    QStringList trace;
    const Private::Guarded guarded = d->run(0, [&] {
        return d->m_engine->evaluate(
            QLatin1Char('(') + source + QStringLiteral("\n)"), name, 1, &trace);
    });
    if (guarded.timedOut)
        return failed(ScriptError::Kind::TimedOut,
            QStringLiteral("evaluating %1 did not finish within %2 ms")
                .arg(name)
                .arg(d->m_limit.count()));
    const QJSValue &value = guarded.value;
    if (!trace.isEmpty()) {
        // "function:line:column:file" of the innermost frame.
        const QStringList frame = trace.first().split(QLatin1Char(':'));
        int line = frame.value(1).toInt();
        int column = frame.value(2).toInt();
        const int lines = int(source.count(QLatin1Char('\n'))) + 1;
        if (value.isError()
            && value.property(QStringLiteral("name")).toString() == QLatin1String("SyntaxError")) {
            if (line > lines) { // the closing parenthesis CorsLab added
                line = lines;
                column = int(source.size() - source.lastIndexOf(QLatin1Char('\n')));
            } else if (line == 1 && column > 1) {
                --column; // the opening parenthesis
            }
            const QString message = value.toString();
            QString position = QStringLiteral("line %1").arg(line);
            if (column > 0)
                position += QStringLiteral(", column %1").arg(column);
            return failed(ScriptError::Kind::Syntax,
                QStringLiteral("%1: %2 (%3)").arg(name, message, position)
                    + syntaxHint(source, message),
                line, std::max(column, 0));
        }
        line = std::min(std::max(line, 0), lines);
        return failed(ScriptError::Kind::Thrown,
            withLine(
                QStringLiteral("%1 threw %2 while being evaluated").arg(name, value.toString()),
                line),
            line);
    }
    if (!value.isCallable()) {
        const QString type = d->helper("typeOf").call({value}).toString();
        return failed(ScriptError::Kind::NotAFunction,
            QStringLiteral("%1 is not a function but %2 %3")
                .arg(name,
                    QStringLiteral("aeiou").contains(type.left(1)) ? QStringLiteral("an")
                                                                   : QStringLiteral("a"),
                    type));
    }
    result.function = CompiledFunction {++d->m_nextId, name};
    d->m_functions.emplace(result.function.id, Private::Function {value, name});
    if (!d->m_heartbeat->isActive()) {
        d->m_heartbeat->start(int(std::max<qint64>(10, d->m_limit.count() / 4)));
        d->m_watchdog->setStallLimit(d->m_limit);
    }
    return result;
}

void ScriptSandbox::callOriginFunction(const CompiledFunction &function,
    const std::optional<QString> &origin, std::function<void(const OriginResult &)> done)
{
    d->start<OriginResult>(
        function, CallKind::Origin,
        [&] {
            return QJSValueList {origin ? QJSValue(*origin) : QJSValue(QJSValue::UndefinedValue)};
        },
        std::move(done),
        [this](OriginResult &result, const QJSValue &answer) {
            const QJSValue error = answer.property(QStringLiteral("error"));
            if (error.isObject())
                result.error = d->toScriptValue(error);
            else
                result.value = d->toOriginValue(answer.property(QStringLiteral("value")));
        });
}

void ScriptSandbox::callAllowRequest(const CompiledFunction &function, const RequestInput &request,
    std::function<void(const AllowRequestResult &)> done)
{
    d->start<AllowRequestResult>(
        function, CallKind::AllowRequest,
        [&] { return QJSValueList {d->helper("makeRequest").call({d->requestData(request)})}; },
        std::move(done),
        [this](AllowRequestResult &result, const QJSValue &answer) {
            result.message = d->toScriptValue(answer.property(QStringLiteral("message")));
            result.success = answer.property(QStringLiteral("success")).toBool();
        });
}

void ScriptSandbox::callMiddleware(const CompiledFunction &function,
    const HandshakeInput &handshake, std::function<void(const MiddlewareResult &)> done)
{
    d->start<MiddlewareResult>(
        function, CallKind::Middleware,
        [&] {
            QJSValue data = d->m_engine->newObject();
            data.setProperty(QStringLiteral("id"), handshake.socketId);
            data.setProperty(QStringLiteral("sessionId"), handshake.sessionId);
            data.setProperty(QStringLiteral("nsp"), handshake.namespaceName);
            data.setProperty(QStringLiteral("transport"), handshake.transport);
            data.setProperty(QStringLiteral("request"), d->requestData(handshake.request));
            if (handshake.auth)
                data.setProperty(
                    QStringLiteral("auth"), QString::fromUtf8(JsonWriter::write(*handshake.auth)));
            return QJSValueList {d->helper("makeSocket").call({data})};
        },
        std::move(done),
        [this](MiddlewareResult &result, const QJSValue &answer) {
            if (answer.property(QStringLiteral("allowed")).toBool())
                return;
            result.error = d->toScriptValue(answer.property(QStringLiteral("error")));
            result.message = d->toScriptValue(answer.property(QStringLiteral("message")));
            result.data = d->toScriptValue(answer.property(QStringLiteral("data")));
        });
}

bool ScriptSandbox::testRegex(const RegexPattern &pattern, const std::optional<QString> &input)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const QJSValue regex = d->regexObject(pattern);
    if (!regex.isObject())
        return false;
    const Private::Guarded guarded = d->run(d->m_currentCall, [&] {
        return d->helper("regexTest")
            .call({regex, input ? QJSValue(*input) : QJSValue(QJSValue::UndefinedValue)});
    });
    const QString display = RegexTranslation::display(pattern.source, pattern.flags);
    if (guarded.timedOut) {
        d->note(d->m_currentCall,
            QStringLiteral("%1.test() did not return within %2 ms")
                .arg(display)
                .arg(d->m_limit.count()));
        return false;
    }
    const QJSValue error = guarded.value.property(QStringLiteral("error"));
    if (error.isObject()) {
        d->note(d->m_currentCall,
            QStringLiteral("%1.test() threw %2")
                .arg(display, error.property(QStringLiteral("text")).toString()));
        return false;
    }
    return guarded.value.property(QStringLiteral("matched")).toBool();
}

QString ScriptSandbox::regexSyntaxError(const RegexPattern &pattern)
{
    const RegexTranslation translation = RegexTranslation::translate(pattern.source, pattern.flags);
    if (!translation.isValid())
        return translation.error;
    if (!d->m_startError.isEmpty())
        return d->m_startError;
    const Private::Guarded made = d->run(d->m_currentCall, [&] {
        return d->helper("newRegExp").call({translation.source, translation.flags});
    });
    if (made.value.property(QStringLiteral("regex")).isObject())
        return {};
    // QJSEngine says only "Invalid regular expression"; V8 would also say what is wrong.
    return QStringLiteral("Invalid regular expression: %1")
        .arg(RegexTranslation::display(pattern.source, pattern.flags));
}

} // namespace corslab

#include "scriptsandbox.moc"
