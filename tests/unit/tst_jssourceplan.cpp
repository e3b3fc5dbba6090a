// JsSourcePlan: which texts are functions (exactly as written), how module lines are rewritten on
// their own lines, and how positions of the rewritten text map back to the user's.
#include "codeimport/jssourceplan.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

class TestJsSourcePlan : public QObject {
    Q_OBJECT

private slots:
    void functions_data();
    void functions();
    void outerNames_data();
    void outerNames();
    void modules_data();
    void modules();
    void mapping();
    void unreadableText();
};

void TestJsSourcePlan::functions_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("expected"); // each function's text, prefix included
    QTest::newRow("arrow, expression body")
        << u"f(a => a + 1, 2);"_s << QStringList {u"a => a + 1"_s};
    QTest::newRow("arrow, block body") << u"const g = (x, y) => { return { x }; };"_s
                                       << QStringList {u"(x, y) => { return { x }; }"_s};
    QTest::newRow("nested arrows") << u"const h = a => b => a + b\nh(1)(2)"_s
                                   << QStringList {u"a => b => a + b"_s, u"b => a + b"_s};
    QTest::newRow("ternary inside the body")
        << u"o = { origin: (o, cb) => cb(null, o ? o.endsWith(\":3000\") : true), x: 1 };"_s
        << QStringList {u"(o, cb) => cb(null, o ? o.endsWith(\":3000\") : true)"_s};
    QTest::newRow("arrow inside a ternary branch")
        << u"const f = c ? x => 1 : y => 2;"_s << QStringList {u"x => 1"_s, u"y => 2"_s};
    QTest::newRow("body ends at a new statement")
        << u"const f = x => x * 2\nconst g = 1"_s << QStringList {u"x => x * 2"_s};
    QTest::newRow("body goes on on the next line")
        << u"const f = x => x\n  .trim()\nconst g = 1"_s << QStringList {u"x => x\n  .trim()"_s};
    QTest::newRow("regex, division and template")
        << u"const f = (o) => /\\/a}/.test(o) && 4 / 2 && `${o}}` !== \"=>\";"_s
        << QStringList {u"(o) => /\\/a}/.test(o) && 4 / 2 && `${o}}` !== \"=>\""_s};
    QTest::newRow("comments") << u"const f = function (a /* ) { */) { // }\n  return a;\n};"_s
                              << QStringList {u"function (a /* ) { */) { // }\n  return a;\n}"_s};
    QTest::newRow("declaration") << u"function check(req, cb) { cb(null, true); }\nuse(check);"_s
                                 << QStringList {u"function check(req, cb) { cb(null, true); }"_s};
    QTest::newRow("method of an object literal")
        << u"x = { origin(o, cb) { cb(null, true); }, \"my-key\"(a) { return a; } };"_s
        << QStringList {
               u"function origin(o, cb) { cb(null, true); }"_s, u"function (a) { return a; }"_s};
    QTest::newRow("no methods in blocks and classes")
        << u"class A { m(x) { return x; } }\nif (a) { b(1) }\n"_s << QStringList {};
}

void TestJsSourcePlan::functions()
{
    QFETCH(QString, code);
    QFETCH(QStringList, expected);
    const JsSourcePlan plan = JsSourcePlan::make(code, true);
    QVERIFY(!plan.scanFailed());
    QStringList actual;
    for (const FunctionExtent &f : plan.functions())
        actual << f.prefix + code.mid(f.start, f.end - f.start);
    QCOMPARE(actual, expected);
    // Tagging keeps the line count, and tags stand where the functions begin.
    QCOMPARE(plan.rewritten().count(u'\n'), code.count(u'\n'));
    QCOMPARE(plan.rewritten().count(JsSourcePlan::TagObject), expected.size());
}

void TestJsSourcePlan::outerNames_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("names"); // of the first function
    QTest::newRow("top-level const")
        << u"const list = [];\nconst f = (o) => list.includes(o);"_s << QStringList {u"list"_s};
    QTest::newRow("destructured at top level")
        << u"const { a, b: c } = x;\nconst f = () => a + c + b;"_s << QStringList {u"a"_s, u"c"_s};
    QTest::newRow("parameter shadows") << u"const o = 1;\nconst f = (o) => o;"_s << QStringList {};
    QTest::newRow("property and key")
        << u"const k = 1;\nconst f = () => ({ k: x.k });"_s << QStringList {};
    QTest::newRow("Node globals") << u"const f = () => process.env.A + require(\"x\");"_s
                                  << QStringList {u"process"_s, u"require"_s};
    QTest::newRow("declared inside")
        << u"const n = 1;\nconst f = () => { let n = 2; return n; };"_s << QStringList {};
}

void TestJsSourcePlan::outerNames()
{
    QFETCH(QString, code);
    QFETCH(QStringList, names);
    const JsSourcePlan plan = JsSourcePlan::make(code, true);
    QVERIFY(!plan.functions().isEmpty());
    QCOMPARE(plan.functions().first().outerNames, names);
}

void TestJsSourcePlan::modules_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("rewritten");
    QTest::newRow("named")
        << u"import { Server, Namespace as N } from \"socket.io\";"_s
        << u"const __corslabModule1 = require(\"socket.io\"), { Server, Namespace: N } = "
           u"__corslabModule1;"_s;
    QTest::newRow("default and named")
        << u"import express, { json } from 'express'"_s
        << u"const __corslabModule1 = require('express'), express = "
           u"__corslabDefault(__corslabModule1), { json } = __corslabModule1;"_s;
    QTest::newRow("namespace") << u"import * as http from \"node:http\";"_s
                               << u"const __corslabModule1 = require(\"node:http\"), http = "
                                  u"__corslabModule1;"_s;
    QTest::newRow("side effect") << u"import \"dotenv/config\";"_s
                                 << u"require(\"dotenv/config\");"_s;
    QTest::newRow("over lines")
        << u"import {\n  io\n} from \"socket.io-client\";\nio();"_s
        << u"const __corslabModule1 = require(\"socket.io-client\"), { io } "
           u"= __corslabModule1;\n\n\nio();"_s;
    QTest::newRow("export declaration") << u"export const a = 1;"_s << u"const a = 1;"_s;
    QTest::newRow("export default") << u"export default io;"_s << u"module.exports.default = io;"_s;
    QTest::newRow("export list") << u"export { a, b as c };"_s << u";"_s;
    QTest::newRow("not at the top level")
        << u"function f() { import(\"x\"); }"_s << u"function f() { import(\"x\"); }"_s;
}

void TestJsSourcePlan::modules()
{
    QFETCH(QString, code);
    QFETCH(QString, rewritten);
    QCOMPARE(JsSourcePlan::make(code, false).rewritten(), rewritten);
}

void TestJsSourcePlan::mapping()
{
    const QString code = u"import { Server } from \"socket.io\";\nconst f = (a) => a; g(]);\n"_s;
    const JsSourcePlan plan = JsSourcePlan::make(code, false);
    // Line 2 is unchanged: the same column.
    QCOMPARE(plan.mapToOriginal(2, 24), std::make_pair(2, 24));
    // Inside the rewritten import: its start.
    QCOMPARE(plan.mapToOriginal(1, 30), std::make_pair(1, 1));
    // After tagging, columns behind a tag move back to the user's.
    const QString tagged = u"const f = (a) => a; g(1);"_s;
    const JsSourcePlan withTags = JsSourcePlan::make(tagged, true);
    const qsizetype g = withTags.rewritten().indexOf(u"g(1)"_s);
    QVERIFY(g > tagged.indexOf(u"g(1)"_s));
    QCOMPARE(withTags.mapToOriginal(1, int(g) + 1),
        std::make_pair(1, int(tagged.indexOf(u"g(1)"_s)) + 1));
    QCOMPARE(withTags.lineColumn(tagged.indexOf(u"(a)"_s)), std::make_pair(1, 11));
}

void TestJsSourcePlan::unreadableText()
{
    // Unterminated string: nothing tagged, module lines before it still rewritten.
    const JsSourcePlan plan = JsSourcePlan::make(
        u"import { io } from \"socket.io-client\";\nconst s = \"abc\n"_s, true);
    QVERIFY(plan.scanFailed());
    QVERIFY(plan.functions().isEmpty());
    QVERIFY(plan.rewritten().startsWith(u"const __corslabModule1"_s));
}

QTEST_GUILESS_MAIN(TestJsSourcePlan)
#include "tst_jssourceplan.moc"
