// CodeWriter: the exported server and client code for hand-checked profiles, JavaScript literals,
// the unified diff (checked against GNU diff -u by hand), and — with node — that the code for
// every bundled example parses and that its options object evaluates to the profile's options.
#include "profile/profilefile.h"
#include "profile/profilereader.h"
#include "profile/profilewriter.h"
#include "verdict/codewriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(corslab::Profile)

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

Profile profileFrom(const QString &json)
{
    const ProfileLoadResult result = ProfileReader::read(json.toUtf8());
    if (!result.profile)
        qFatal("test profile does not load: %s", qPrintable(json));
    return *result.profile;
}

Profile withServer(const QString &server,
    const QString &client = u"{ \"pageOrigin\": \"http://localhost:3000\" }"_s)
{
    return profileFrom(u"{ \"format\": \"corslab-profile\", \"version\": 1, \"name\": \"t\", "
                       u"\"server\": "_s
        + server + u", \"client\": "_s + client + u" }"_s);
}

const QString Imports = u"import { createServer } from \"node:http\";\n"
                        u"import { Server } from \"socket.io\";\n\n"_s;
const QString Application
    = u"\n// What CorsLab's server answers: the auth it received, \"message\" echoed as\n"
      u"// \"message-back\", acknowledgements with their own arguments.\n"
      u"const onConnection = (socket) => {\n"
      u"  socket.emit(\"auth\", socket.handshake.auth);\n"
      u"  socket.on(\"message\", (...args) => socket.emit(\"message-back\", ...args));\n"
      u"  socket.onAny((event, ...args) => {\n"
      u"    const ack = args[args.length - 1];\n"
      u"    if (typeof ack === \"function\") ack(...args.slice(0, -1));\n"
      u"  });\n"
      u"};\n\n"_s;
const QString ClientEvents = u"\nsocket.on(\"connect\", () => {\n"
                             u"  console.log(\"connected\", socket.id);\n"
                             u"});\n"
                             u"socket.on(\"connect_error\", (err) => {\n"
                             u"  console.log(err.message, err.description);\n"
                             u"});\n"_s;

QString node()
{
    return QStandardPaths::findExecutable(u"node"_s);
}

struct NodeRun {
    int exitCode = -1;
    QString out;
    QString err;
};

NodeRun runNode(const QStringList &arguments)
{
    QProcess process;
    process.start(node(), arguments);
    NodeRun run;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        run.err = u"node did not finish"_s;
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCodeWriter : public QObject {
    Q_OBJECT
private slots:
    void serverCode_data();
    void serverCode();
    void commonJs();
    void proxyComment();
    void clientCode_data();
    void clientCode();
    void literals_data();
    void literals();
    void unifiedDiff_data();
    void unifiedDiff();
    void examplesParse();
    void optionsEvaluateToProfile();
};

void TestCodeWriter::serverCode_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no options") << withServer(u"{}"_s)
                                << Imports
            + u"const httpServer = createServer();\n"
              u"const io = new Server(httpServer);\n"_s
            + Application + u"io.on(\"connection\", onConnection);\n\nhttpServer.listen(3001);\n"_s;

    QTest::newRow("DESIGN.md example") << withServer(
        u"{ \"cors\": { \"origin\": \"https://example.com\", \"credentials\": true } }"_s,
        u"{ \"pageOrigin\": \"https://example.com\" }"_s)
                                       << Imports
            + u"const httpServer = createServer();\n"
              u"const io = new Server(httpServer, {\n"
              u"  cors: {\n"
              u"    origin: \"https://example.com\",\n"
              u"    credentials: true\n"
              u"  }\n"
              u"});\n"_s
            + Application + u"io.on(\"connection\", onConnection);\n\nhttpServer.listen(3000);\n"_s;

    QTest::newRow("regex, array, function, numbers, namespaces") << withServer(
        u"{ \"port\": 4000, \"path\": \"/ws\", "
        u"\"cors\": { \"origin\": [\"http://a.test\", { \"regex\": "
        u"\"^https://.*\\\\.b\\\\.test$\", \"flags\": \"i\" }], "
        u"\"allowedHeaders\": [\"x-token\", \"Authorization\"], \"maxAge\": 600 }, "
        u"\"allowRequest\": { \"function\": \"(req, cb) => cb(null, true)\" }, "
        u"\"transports\": [\"websocket\"], \"pingInterval\": 10000, "
        u"\"cookie\": { \"name\": \"io\", \"sameSite\": \"none\", \"secure\": true }, "
        u"\"initialPacket\": { \"hello\": [1, \"two\", null], \"x-y\": false }, "
        u"\"namespaces\": [{ \"name\": \"/\", \"middleware\": { \"function\": "
        u"\"(socket, next) => next()\" } }, { \"name\": \"/admin\", \"middleware\": "
        u"{ \"function\": \"(socket, next) => next(new Error(\\\"no\\\"))\" } }, "
        u"{ \"name\": \"/chat\" }] }"_s)
                                                                 << Imports
            + u"const httpServer = createServer();\n"
              u"const io = new Server(httpServer, {\n"
              u"  path: \"/ws\",\n"
              u"  cors: {\n"
              u"    origin: [\"http://a.test\", /^https:\\/\\/.*\\.b\\.test$/i],\n"
              u"    allowedHeaders: [\"x-token\", \"Authorization\"],\n"
              u"    maxAge: 600\n"
              u"  },\n"
              u"  allowRequest: (req, cb) => cb(null, true),\n"
              u"  transports: [\"websocket\"],\n"
              u"  pingInterval: 10000,\n"
              u"  cookie: {\n"
              u"    name: \"io\",\n"
              u"    secure: true,\n"
              u"    sameSite: \"none\"\n"
              u"  },\n"
              u"  initialPacket: {\n"
              u"    hello: [1, \"two\", null],\n"
              u"    \"x-y\": false\n"
              u"  }\n"
              u"});\n"_s
            + Application
            + u"io.use((socket, next) => next());\n"
              u"io.on(\"connection\", onConnection);\n"
              u"io.of(\"/admin\").use((socket, next) => next(new "
              u"Error(\"no\"))).on(\"connection\", "
              u"onConnection);\n"
              u"io.of(\"/chat\").on(\"connection\", onConnection);\n\n"
              u"httpServer.listen(4000);\n"_s;

    QTest::newRow("long array breaks")
        << withServer(u"{ \"cors\": { \"origin\": [\"http://localhost:3000\", "
                      u"\"http://localhost:8080\", \"https://app.example.com\"] } }"_s)
        << Imports
            + u"const httpServer = createServer();\n"
              u"const io = new Server(httpServer, {\n"
              u"  cors: {\n"
              u"    origin: [\n"
              u"      \"http://localhost:3000\",\n"
              u"      \"http://localhost:8080\",\n"
              u"      \"https://app.example.com\"\n"
              u"    ]\n"
              u"  }\n"
              u"});\n"_s
            + Application + u"io.on(\"connection\", onConnection);\n\nhttpServer.listen(3001);\n"_s;
}

void TestCodeWriter::serverCode()
{
    QFETCH(Profile, profile);
    QFETCH(QString, expected);
    QCOMPARE(CodeWriter::serverCode(profile), expected);
}

void TestCodeWriter::commonJs()
{
    const QString code = CodeWriter::serverCode(withServer(u"{}"_s), CodeStyle::CommonJs);
    QVERIFY(code.startsWith(u"const { createServer } = require(\"node:http\");\n"
                            u"const { Server } = require(\"socket.io\");\n\n"_s));
    QVERIFY(CodeWriter::clientCode(withServer(u"{}"_s), CodeStyle::CommonJs)
                .startsWith(u"const { io } = require(\"socket.io-client\");\n"_s));
}

void TestCodeWriter::proxyComment()
{
    const Profile p = withServer(
        u"{ \"proxy\": { \"addHeaders\": [{ \"name\": \"Access-Control-Allow-Origin\", "
        u"\"value\": \"*\" }, { \"name\": \"X-A\", \"value\": \"1\", \"on\": \"preflight\" }], "
        u"\"redirect\": { \"status\": 308, \"location\": \"https://b.test/socket.io/\", \"on\": "
        u"\"other\" }, \"stripUpgrade\": true, \"instances\": 2, \"sticky\": \"cookie\" } }"_s);
    QCOMPARE(CodeWriter::serverCode(p).section(u"const httpServer"_s, 0, 0),
        Imports
            + u"// Not server code: a reverse proxy in front of this server that\n"
              u"//   adds \"Access-Control-Allow-Origin: *\" to every response\n"
              u"//   adds \"X-A: 1\" to preflight (OPTIONS) responses\n"
              u"//   answers 308 redirecting to https://b.test/socket.io/ (on every response but "
              u"preflights)\n"
              u"//   does not pass Upgrade and Connection on (no WebSocket)\n"
              u"//   spreads requests round-robin over 2 instances of it, sticky by the engine.io "
              u"cookie\n\n"_s);
    QVERIFY(CodeWriter::serverCode(withServer(u"{ \"proxy\": {} }"_s))
                .contains(u"that\n//   passes requests on unchanged\n\n"_s));
}

void TestCodeWriter::clientCode_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<QString>("expected");
    const QString import = u"import { io } from \"socket.io-client\";\n\n"_s;

    QTest::newRow("defaults") << withServer(u"{}"_s)
                              << import
            + u"// The page's origin: http://localhost:3000\n"
              u"const socket = io(\"http://localhost:3001\");\n"_s
            + ClientEvents;
    QTest::newRow("options too long for one line") << withServer(u"{ \"port\": 4000 }"_s,
        u"{ \"pageOrigin\": \"https://app.test\", \"namespace\": \"/chat\", \"options\": "
        u"{ \"withCredentials\": true, \"extraHeaders\": { \"x-token\": \"abcd\" } } }"_s)
                                                   << import
            + u"// The page's origin: https://app.test\n"
              u"const socket = io(\"http://localhost:4000/chat\", {\n"
              u"  withCredentials: true,\n"
              u"  extraHeaders: { \"x-token\": \"abcd\" }\n"
              u"});\n"_s
            + ClientEvents;
    QTest::newRow("external url, long options, emits, same origin") << withServer(u"{}"_s,
        u"{ \"pageOrigin\": \"same-origin\", \"url\": \"https://api.example.com/\", "
        u"\"options\": { \"auth\": { \"token\": \"abc\" }, \"transports\": [\"websocket\"], "
        u"\"query\": { \"room\": \"one\" }, \"timeout\": 5000 }, \"emit\": [{ \"event\": "
        u"\"hello\", \"args\": [\"world\", { \"n\": 1 }], \"ack\": true }, { \"event\": "
        u"\"bye\" }] }"_s)
                                                                    << import
            + u"// The page is served by the Socket.IO server itself (same origin).\n"
              u"const socket = io(\"https://api.example.com/\", {\n"
              u"  query: { room: \"one\" },\n"
              u"  auth: { token: \"abc\" },\n"
              u"  transports: [\"websocket\"],\n"
              u"  timeout: 5000\n"
              u"});\n\n"
              u"socket.on(\"connect\", () => {\n"
              u"  console.log(\"connected\", socket.id);\n"
              u"  socket.emit(\"hello\", \"world\", { n: 1 }, (...response) => "
              u"console.log(\"ack\", ...response));\n"
              u"  socket.emit(\"bye\");\n"
              u"});\n"
              u"socket.on(\"connect_error\", (err) => {\n"
              u"  console.log(err.message, err.description);\n"
              u"});\n"_s;
    QTest::newRow("same-origin embedded namespace")
        << withServer(u"{}"_s, u"{ \"pageOrigin\": \"same-origin\", \"namespace\": \"/admin\" }"_s)
        << import
            + u"// The page is served by the Socket.IO server itself (same origin).\n"
              u"const socket = io(\"/admin\");\n"_s
            + ClientEvents;
}

void TestCodeWriter::clientCode()
{
    QFETCH(Profile, profile);
    QFETCH(QString, expected);
    QCOMPARE(CodeWriter::clientCode(profile), expected);
}

void TestCodeWriter::literals_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain string") << u"string"_s << u"abc"_s << QString() << u"\"abc\""_s;
    QTest::newRow("quotes, backslash, newline")
        << u"string"_s << u"a\"b\\c\nd"_s << QString() << u"\"a\\\"b\\\\c\\nd\""_s;
    QTest::newRow("line separator")
        << u"string"_s << u"a\u2028b"_s << QString() << u"\"a\\u2028b\""_s;
    QTest::newRow("regex slashes escaped")
        << u"regex"_s << u"^https://a\\.test$"_s << u"i"_s << u"/^https:\\/\\/a\\.test$/i"_s;
    QTest::newRow("regex escaped slash kept")
        << u"regex"_s << u"a\\/b"_s << QString() << u"/a\\/b/"_s;
    QTest::newRow("regex slash in class") << u"regex"_s << u"[/]x"_s << u"g"_s << u"/[/]x/g"_s;
    QTest::newRow("regex empty") << u"regex"_s << QString() << QString() << u"/(?:)/"_s;
}

void TestCodeWriter::literals()
{
    QFETCH(QString, kind);
    QFETCH(QString, source);
    QFETCH(QString, flags);
    QFETCH(QString, expected);
    QCOMPARE(kind == u"regex"_s ? CodeWriter::regexLiteral(source, flags)
                                : CodeWriter::stringLiteral(source),
        expected);
}

void TestCodeWriter::unifiedDiff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");
    const QString head = u"--- a/server.js\n+++ b/server.js\n"_s;
    const QString ten = u"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"_s;

    QTest::newRow("both empty") << QString() << QString() << QString();
    QTest::newRow("identical") << ten << ten << QString();
    QTest::newRow("from empty") << QString() << u"a\nb\n"_s
                                << head + u"@@ -0,0 +1,2 @@\n+a\n+b\n"_s;
    QTest::newRow("to empty") << u"a\n"_s << QString() << head + u"@@ -1 +0,0 @@\n-a\n"_s;
    QTest::newRow("change at start") << ten << u"one\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"_s
                                     << head + u"@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n"_s;
    QTest::newRow("change at end") << ten << u"1\n2\n3\n4\n5\n6\n7\n8\n9\nten\n"_s
                                   << head + u"@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+ten\n"_s;
    QTest::newRow("insert in the middle")
        << ten << u"1\n2\n3\n4\n5\nnew\n6\n7\n8\n9\n10\n"_s
        << head + u"@@ -3,6 +3,7 @@\n 3\n 4\n 5\n+new\n 6\n 7\n 8\n"_s;
    QTest::newRow("two changes six lines apart: one hunk")
        << ten << u"x\n2\n3\n4\n5\n6\n7\ny\n9\n10\n"_s
        << head + u"@@ -1,10 +1,10 @@\n-1\n+x\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+y\n 9\n 10\n"_s;
    QTest::newRow("two changes seven lines apart: two hunks")
        << ten + u"11\n"_s << u"x\n2\n3\n4\n5\n6\n7\n8\ny\n10\n11\n"_s
        << head
            + u"@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n@@ -6,6 +6,6 @@\n 6\n 7\n 8\n-9\n+y\n 10\n 11\n"_s;
    QTest::newRow("no newline at end")
        << u"a\nb"_s << u"a\nb\n"_s
        << head + u"@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"_s;
    QTest::newRow("cors credentials added")
        << u"const io = new Server(httpServer, {\n  cors: {\n    origin: \"*\"\n  }\n});\n"_s
        << u"const io = new Server(httpServer, {\n  cors: {\n    origin: \"https://a.test\",\n    credentials: true\n  }\n});\n"_s
        << head
            + u"@@ -1,5 +1,6 @@\n const io = new Server(httpServer, {\n   cors: {\n-    origin: \"*\"\n+    origin: \"https://a.test\",\n+    credentials: true\n   }\n });\n"_s;
}

void TestCodeWriter::unifiedDiff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    QCOMPARE(CodeWriter::unifiedDiff(before, after, u"server.js"_s), expected);
}

// node --check for every example's server and client code, ESM and CommonJS, in one node
// process (vm.Script for CommonJS, vm.SourceTextModule for modules: both only compile).
void TestCodeWriter::examplesParse()
{
    if (node().isEmpty())
        QSKIP("NODE NOT FOUND: the exported code is not checked with node");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList files;
    QMap<QString, QString> codes;
    for (const ExampleProfile &example : ProfileFile::examples()) {
        const ProfileFileResult loaded = ProfileFile::load(example.resourcePath);
        QVERIFY2(loaded.load.profile, qPrintable(example.fileName));
        const Profile &profile = *loaded.load.profile;
        const QString base = example.fileName.section(u'.', 0, 0);
        const QList<std::pair<QString, QString>> generated = {
            {base + u".server.mjs"_s, CodeWriter::serverCode(profile, CodeStyle::Esm)},
            {base + u".server.cjs"_s, CodeWriter::serverCode(profile, CodeStyle::CommonJs)},
            {base + u".client.mjs"_s, CodeWriter::clientCode(profile, CodeStyle::Esm)},
            {base + u".client.cjs"_s, CodeWriter::clientCode(profile, CodeStyle::CommonJs)},
        };
        for (const auto &[name, code] : generated) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(code.toUtf8());
            files << file.fileName();
            codes.insert(file.fileName(), code);
        }
    }
    const QString script = u"const vm = require(\"node:vm\"), fs = require(\"node:fs\");"
                           u"const out = {};"
                           u"for (const f of process.argv.slice(1)) {"
                           u"  const code = fs.readFileSync(f, \"utf8\");"
                           u"  try {"
                           u"    if (f.endsWith(\".mjs\")) new vm.SourceTextModule(code);"
                           u"    else new vm.Script(code, { filename: f });"
                           u"    out[f] = null;"
                           u"  } catch (e) { out[f] = String(e); }"
                           u"}"
                           u"process.stdout.write(JSON.stringify(out));"_s;
    const NodeRun run = runNode(
        QStringList {u"--experimental-vm-modules"_s, u"--no-warnings"_s, u"-e"_s, script} + files);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject results = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(results.size(), files.size());
    for (const QString &file : std::as_const(files)) {
        const QJsonValue error = results.value(file);
        QVERIFY2(error.isNull(),
            qPrintable(file + u": "_s + error.toString() + u"\n"_s + codes.value(file)));
    }
    // The checker itself rejects bad code.
    QFile bad(dir.filePath(u"bad.mjs"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("const io = new Server(httpServer, { cors: { origin: /a/b/c/ } });\n");
    bad.close();
    const NodeRun badRun = runNode(
        {u"--experimental-vm-modules"_s, u"--no-warnings"_s, u"-e"_s, script, bad.fileName()});
    QVERIFY(!QJsonDocument::fromJson(badRun.out.toUtf8()).object().value(bad.fileName()).isNull());
}

// The options object of every example, evaluated by node and turned into JSON, is the profile's
// server options (without CorsLab's own host, port, namespaces and proxy); RegExps and functions
// go back to the profile's { regex, flags } and { function } objects (RegExp.prototype.source
// escapes "/", which the profile's source need not).
void TestCodeWriter::optionsEvaluateToProfile()
{
    if (node().isEmpty())
        QSKIP("NODE NOT FOUND: the exported options are not evaluated");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList files;
    QMap<QString, QString> expected;
    for (const ExampleProfile &example : ProfileFile::examples()) {
        const ProfileFileResult loaded = ProfileFile::load(example.resourcePath);
        QVERIFY2(loaded.load.profile, qPrintable(example.fileName));
        const Profile &profile = *loaded.load.profile;
        const JsonNode root = ProfileWriter::toJsonNode(profile);
        JsonNode options = JsonNode::makeObject();
        if (const JsonNode *server = root.find(u"server")) {
            for (const JsonNode::Member &m : server->members()) {
                static const QStringList notOptions
                    = {u"host"_s, u"port"_s, u"namespaces"_s, u"proxy"_s};
                if (!notOptions.contains(m.key))
                    options.insert(m.key, m.value);
            }
        }
        const QString literal = CodeWriter::serverOptionsLiteral(profile);
        QFile file(dir.filePath(example.fileName + u".js"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(u"("_s.toUtf8() + (literal.isEmpty() ? u"{}"_s : literal).toUtf8() + ")");
        files << file.fileName();
        expected.insert(file.fileName(), QString::fromUtf8(JsonWriter::write(options)));
    }
    const QString script
        = u"const fs = require(\"node:fs\"); const out = {};"
          u"const replacer = (key, v) => v instanceof RegExp"
          u"  ? Object.assign({ regex: v.source.replace(/\\\\\\//g, \"/\") },"
          u"      v.flags ? { flags: v.flags } : {})"
          u"  : typeof v === \"function\" ? { function: v.toString() } : v;"
          u"for (const f of process.argv.slice(1))"
          u"  out[f] = JSON.stringify((0, eval)(fs.readFileSync(f, \"utf8\")), replacer, 2) + "
          u"\"\\n\";"
          u"process.stdout.write(JSON.stringify(out));"_s;
    const NodeRun run = runNode(QStringList {u"-e"_s, script} + files);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject results = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(results.size(), files.size());
    for (const QString &file : std::as_const(files))
        QCOMPARE(results.value(file).toString(), expected.value(file));
}

QTEST_GUILESS_MAIN(TestCodeWriter)
#include "tst_codewriter.moc"
