// CodeImport: every bundled example survives profile → CodeWriter (ESM and CommonJS) →
// CodeImport unchanged; the snippets under tests/data/code give their expected profiles; bad
// code (syntax errors, endless loops, huge input, no Socket.IO call, I/O) gets a clear message
// quickly.
#include "codeimport/codeimport.h"
#include "codeimport/jssourceplan.h"
#include "profile/profilefile.h"
#include "profile/profilewriter.h"
#include "verdict/codewriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

const QString DataDir = QStringLiteral(CORSLAB_SOURCE_DIR "/tests/data/code/");

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

QString describe(const CodeImportResult &r)
{
    QStringList lines;
    for (const CodeDiagnostic &d : r.diagnostics)
        lines << d.toString(d.side == CodeSide::Server ? u"server.js"_s : u"client.js"_s);
    return lines.join(u'\n');
}

// What the code cannot carry, kept; everything the code carries set back to defaults.
Profile baseOf(const Profile &p)
{
    Profile base;
    base.schema = p.schema;
    base.name = p.name;
    base.description = p.description;
    base.expect = p.expect;
    base.unknown = p.unknown;
    base.server.host = p.server.host;
    base.server.port = p.server.port;
    base.server.proxy = p.server.proxy;
    base.client.pageOrigin = p.client.pageOrigin;
    base.client.browser = p.client.browser;
    base.client.unknown = p.client.unknown;
    return base;
}

} // namespace

class TestCodeImport : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void snippets_data();
    void snippets();
    void functionSourceIsExact();
    void moduleLinesKeepLineNumbers();
    void syntaxError_data();
    void syntaxError();
    void endlessLoopIsStopped();
    void hugeInputIsRefusedFast();
    void nothingRecognised_data();
    void nothingRecognised();
    void requireFsIsRefused();
    void corsMiddlewareIsANote();
    void environmentDefaults();
    void unknownOptionWarns();
    void outerNamesWarn_data();
    void outerNamesWarn();
};

void TestCodeImport::roundTrip_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("style");
    const QList<ExampleProfile> examples = ProfileFile::examples();
    QVERIFY(examples.size() >= 30);
    for (const ExampleProfile &e : examples) {
        QTest::newRow(qPrintable(e.fileName + u" esm"_s)) << e.resourcePath << int(CodeStyle::Esm);
        QTest::newRow(qPrintable(e.fileName + u" commonjs"_s))
            << e.resourcePath << int(CodeStyle::CommonJs);
    }
}

void TestCodeImport::roundTrip()
{
    QFETCH(QString, path);
    QFETCH(int, style);
    const ProfileFileResult file = ProfileFile::load(path);
    QVERIFY(file.load.profile);
    const Profile &original = *file.load.profile;
    const QString server = CodeWriter::serverCode(original, CodeStyle(style));
    const QString client = CodeWriter::clientCode(original, CodeStyle(style));
    const CodeImportResult r = CodeImport::fromCode(server, client, baseOf(original));
    QVERIFY2(r.profile, qPrintable(describe(r) + u"\n"_s + server + client));
    QCOMPARE(QString::fromUtf8(ProfileWriter::toJson(*r.profile)),
        QString::fromUtf8(ProfileWriter::toJson(original)));
}

void TestCodeImport::snippets_data()
{
    QTest::addColumn<QString>("name");
    const QDir dir(DataDir);
    const QStringList expected = dir.entryList({u"*.corslab.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(expected.size() >= 10);
    for (const QString &f : expected) {
        const QString name = f.chopped(QStringLiteral(".corslab.json").size());
        QTest::newRow(qPrintable(name)) << name;
    }
}

// NAME.server.js and/or NAME.client.js give NAME.corslab.json; NAME.diagnostics (optional)
// lists lines every one of which some diagnostic must contain ("server.js:3:13: note: ...").
void TestCodeImport::snippets()
{
    QFETCH(QString, name);
    const QString server = readText(DataDir + name + u".server.js"_s);
    const QString client = readText(DataDir + name + u".client.js"_s);
    QVERIFY(!server.isEmpty() || !client.isEmpty());
    const CodeImportResult r = CodeImport::fromCode(server, client);
    QVERIFY2(r.profile, qPrintable(describe(r)));
    QCOMPARE(QString::fromUtf8(ProfileWriter::toJson(*r.profile)),
        readText(DataDir + name + u".corslab.json"_s));
    const QString all = describe(r);
    const QString wanted = readText(DataDir + name + u".diagnostics"_s);
    for (const QString &line : wanted.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(all.contains(line), qPrintable(u"missing: "_s + line + u"\ngot:\n"_s + all));
}

void TestCodeImport::functionSourceIsExact()
{
    const QString fn = u"function (origin, callback) {\n  // a comment, \"quotes\", `tpl ${1}`\n"
                       u"  callback(null, /x\\/y/.test(origin) || origin === \"}\");\n}"_s;
    const QString code = u"const { Server } = require(\"socket.io\");\nconst check = "_s + fn
        + u";\nnew Server(3000, { cors: { origin: check } });\nio.use((s, next) => next());\n"_s;
    CodeImportResult r = CodeImport::fromServerCode(code);
    QVERIFY2(r.profile, qPrintable(describe(r)));
    const auto *origin = std::get_if<ScriptFunction>(&r.profile->server.cors->origin);
    QVERIFY(origin);
    QCOMPARE(origin->source, fn);

    // A function declaration, referenced before it stands in the text.
    r = CodeImport::fromServerCode(u"new Server({ allowRequest: allow });\n"
                                   u"function allow(req, callback) { callback(null, true); }\n"_s);
    QVERIFY2(r.profile, qPrintable(describe(r)));
    QCOMPARE(r.profile->server.allowRequest->source,
        u"function allow(req, callback) { callback(null, true); }"_s);

    // A method cannot be traced back: a clear error.
    r = CodeImport::fromServerCode(
        u"new Server({ cors: { origin(o, cb) { cb(null, true); } } });"_s);
    QVERIFY(!r.profile);
    QVERIFY2(describe(r).contains(u"options.cors.origin is a function whose source"_s),
        qPrintable(describe(r)));
}

void TestCodeImport::moduleLinesKeepLineNumbers()
{
    const QString code
        = u"import {\n  Server\n} from \"socket.io\";\nimport express from \"express\";\n"
          u"export const io = new Server(3000, { path: \"/x\" });\n"_s;
    const JsSourcePlan plan = JsSourcePlan::make(code, false);
    QCOMPARE(plan.moduleStatementCount(), 3);
    QCOMPARE(plan.rewritten().count(u'\n'), code.count(u'\n'));
    QVERIFY(!plan.rewritten().contains(u"import"_s));
    const CodeImportResult r = CodeImport::fromServerCode(code);
    QVERIFY2(r.profile, qPrintable(describe(r)));
    QCOMPARE(r.profile->server.path, u"/x"_s);
}

void TestCodeImport::syntaxError_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("bracket") << u"const io = new Server(3000, {\n  cors: { origin: ] }\n});\n"_s
                             << 2 << 19;
    QTest::newRow("after import")
        << u"import { Server } from \"socket.io\";\nconst x = {\n  a: 1,,\n};\n"_s << 3 << 8;
    QTest::newRow("unclosed") << u"new Server({\n  cors: {\n"_s << 3 << 0;
    QTest::newRow("object spread") << u"const base = {};\nnew Server({ ...base });\n"_s << 2 << 14;
}

void TestCodeImport::syntaxError()
{
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const CodeImportResult r = CodeImport::fromServerCode(code);
    QVERIFY(!r.profile);
    QVERIFY(r.hasErrors());
    const CodeDiagnostic &d = r.diagnostics.first();
    QVERIFY2(d.isError(), qPrintable(describe(r)));
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QVERIFY2(d.message.startsWith(u"line %1"_s.arg(line)), qPrintable(d.message));
}

void TestCodeImport::endlessLoopIsStopped()
{
    QElapsedTimer clock;
    clock.start();
    const CodeImportResult r = CodeImport::fromCode(
        u"new Server({});\nwhile (true) {}\n"_s, {}, std::nullopt, std::chrono::milliseconds(300));
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY(!r.profile);
    QVERIFY2(describe(r).contains(u"did not finish within 300 ms"_s), qPrintable(describe(r)));
}

void TestCodeImport::hugeInputIsRefusedFast()
{
    const QString huge(50 * 1024 * 1024, u'x');
    QElapsedTimer clock;
    clock.start();
    const CodeImportResult r = CodeImport::fromServerCode(huge);
    QVERIFY(clock.elapsed() < 1000);
    QVERIFY(!r.profile);
    QVERIFY2(describe(r).contains(u"at most 1048576"_s), qPrintable(describe(r)));
}

void TestCodeImport::nothingRecognised_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("message");
    QTest::newRow("plain code") << u"const x = 1 + 2;\n"_s << QString()
                                << u"no new Server(...) or io(...) call found in the server code"_s;
    QTest::newRow("client as server") << u"const socket = io(\"https://a.example\");\n"_s
                                      << QString() << u"(only io(...): is this the client code?)"_s;
    QTest::newRow("nothing") << QString() << QString() << u"no code given"_s;
}

void TestCodeImport::nothingRecognised()
{
    QFETCH(QString, server);
    QFETCH(QString, client);
    QFETCH(QString, message);
    const CodeImportResult r = CodeImport::fromCode(server, client);
    QVERIFY(!r.profile);
    QVERIFY2(describe(r).contains(message), qPrintable(describe(r)));
}

void TestCodeImport::requireFsIsRefused()
{
    const CodeImportResult r = CodeImport::fromServerCode(
        u"const fs = require(\"fs\");\nconst key = fs.readFileSync(\"key.pem\");\n"
        u"new Server({});\n"_s);
    QVERIFY(!r.profile);
    QVERIFY2(describe(r).contains(u"server.js:1: error: the code stopped here with Error: "
                                  u"require(\"fs\") is not available"_s),
        qPrintable(describe(r)));
}

void TestCodeImport::corsMiddlewareIsANote()
{
    const CodeImportResult r = CodeImport::fromServerCode(
        u"const express = require(\"express\");\nconst cors = require(\"cors\");\n"
        u"const app = express();\napp.use(cors({ origin: \"https://a.example\" }));\n"
        u"const server = require(\"http\").createServer(app);\n"
        u"const io = require(\"socket.io\")(server);\nserver.listen(3000);\n"_s);
    QVERIFY2(r.profile, qPrintable(describe(r)));
    QVERIFY(!r.profile->server.cors); // the express middleware is not Socket.IO's option
    QVERIFY2(describe(r).contains(u"server.js:4: note: app.use(cors(...)) adds CORS headers to "
                                  u"the Express routes only"_s),
        qPrintable(describe(r)));
}

void TestCodeImport::environmentDefaults()
{
    const CodeImportResult r = CodeImport::fromServerCode(
        u"const origin = process.env.CLIENT_ORIGIN || \"https://app.example.com\";\n"
        u"new Server(8080, { cors: { origin } });\n"_s);
    QVERIFY2(r.profile, qPrintable(describe(r)));
    QCOMPARE(std::get<QString>(r.profile->server.cors->origin), u"https://app.example.com"_s);
    QVERIFY2(describe(r).contains(u"server.js:1: note: process.env.CLIENT_ORIGIN is read with an "
                                  u"empty environment"_s),
        qPrintable(describe(r)));
}

void TestCodeImport::unknownOptionWarns()
{
    const CodeImportResult r = CodeImport::fromServerCode(
        u"\nnew Server({ serveClient: false, pingInterval: 1e4 });\n"_s);
    QVERIFY2(r.profile, qPrintable(describe(r)));
    QCOMPARE(r.profile->server.pingInterval, 10000);
    QCOMPARE(r.profile->server.unknown.size(), size_t(1));
    QVERIFY2(describe(r).contains(u"server.js:2:1: warning: server.serveClient"_s),
        qPrintable(describe(r)));
}

void TestCodeImport::outerNamesWarn_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("warning"); // empty: no such warning
    QTest::newRow("top-level list")
        << u"const allowed = [\"https://a.example\"];\nnew Server({ cors: { origin: (o, cb) => "
           u"cb(null, allowed.includes(o)) } });\n"_s
        << u"server.js:2:30: warning: options.cors.origin uses allowed from outside the "
           u"function"_s;
    QTest::newRow("parameter shadows")
        << u"const origin = 1;\nnew Server({ cors: { origin: (origin, cb) => cb(null, "
           u"!!origin) } });\n"_s
        << QString();
    QTest::newRow("local const and key")
        << u"const list = 1;\nnew Server({ allowRequest: (req, cb) => { const list = { list: "
           u"2 }; cb(null, list.list === 2); } });\n"_s
        << QString();
    QTest::newRow("node globals")
        << u"const io = new Server();\n"
           u"io.use((socket, next) => next(process.env.X ? null : new Error(\"x\")));\n"_s
        << u"server.js:2:8: warning: the middleware of / uses process from outside"_s;
}

void TestCodeImport::outerNamesWarn()
{
    QFETCH(QString, code);
    QFETCH(QString, warning);
    const CodeImportResult r = CodeImport::fromServerCode(code);
    const QString all = describe(r);
    if (warning.isEmpty())
        QVERIFY2(!all.contains(u"from outside the function"_s), qPrintable(all));
    else
        QVERIFY2(all.contains(warning), qPrintable(all));
}

QTEST_GUILESS_MAIN(TestCodeImport)
#include "tst_codeimport.moc"
