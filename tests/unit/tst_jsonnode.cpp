// JsonParser positions and string decoding, and JsonWriter's output checked against node's.
#include "profile/jsonnode.h"

#include <QTest>

#include <limits>

// Lets QCOMPARE print positions as "line:column".
namespace corslab {
char *toString(const SourcePosition &position)
{
    return qstrdup(QByteArray::number(position.line) + ':' + QByteArray::number(position.column));
}
} // namespace corslab

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

// Follows keys and array indices ("2") from `root`; nullptr when a step is missing.
const JsonNode *walk(const JsonNode &root, const QStringList &steps)
{
    const JsonNode *node = &root;
    for (const QString &step : steps) {
        bool isIndex = false;
        const int index = step.toInt(&isIndex);
        if (isIndex && node->isArray() && index >= 0 && std::size_t(index) < node->items().size())
            node = &node->items()[std::size_t(index)];
        else if (!isIndex && node->isObject())
            node = node->find(step);
        else
            node = nullptr;
        if (!node)
            return nullptr;
    }
    return node;
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class TestJsonNode : public QObject {
    Q_OBJECT

private slots:
    void positions_data();
    void positions();
    void keyPositions();
    void strings_data();
    void strings();
    void byteOrderMark_data();
    void byteOrderMark();
    void duplicateKeysAreKeptInOrder();
    void depthLimit();
    void formatNumber_data();
    void formatNumber();
    void appendQuoted_data();
    void appendQuoted();
    void writerLayout_data();
    void writerLayout();
};

void TestJsonNode::positions_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("root") << QByteArray("{}") << QStringList() << 1 << 1;
    QTest::newRow("root after blank lines and spaces")
        << QByteArray("\n\n  {}") << QStringList() << 3 << 3;
    QTest::newRow("nested array element")
        << QByteArray("{\n  \"a\": {\n    \"b\": [1, 2, 33]\n  }\n}")
        << QStringList {u"a"_s, u"b"_s, u"2"_s} << 3 << 17;
    QTest::newRow("nested object") << QByteArray("{\n  \"a\": {\n    \"b\": [1, 2, 33]\n  }\n}")
                                   << QStringList {u"a"_s} << 2 << 8;
    QTest::newRow("array in array")
        << QByteArray("[[], [[true]]]") << QStringList {u"1"_s, u"0"_s, u"0"_s} << 1 << 8;
    QTest::newRow("after a two-byte character")
        << QByteArray("{\"\xc3\xa9\": 1, \"b\": 2}") << QStringList {u"b"_s} << 1 << 15;
    QTest::newRow("after three-byte characters")
        << QByteArray("{\"\xe4\xb8\xad\xe6\x96\x87\": \"x\", \"k\": 2}") << QStringList {u"k"_s}
        << 1 << 18;
    QTest::newRow("after a four-byte character")
        << QByteArray("[\"\xf0\x9f\x98\x80\", 1]") << QStringList {u"1"_s} << 1 << 7;
    QTest::newRow("escape counts as written")
        << QByteArray(R"(["\u00e9", 1])") << QStringList {u"1"_s} << 1 << 12;
    QTest::newRow("tab is one column")
        << QByteArray("{\t\"a\":\t1}") << QStringList {u"a"_s} << 1 << 8;
    QTest::newRow("CRLF line ends") << QByteArray("{\r\n\"a\": 1,\r\n\"b\": [null]\r\n}")
                                    << QStringList {u"b"_s, u"0"_s} << 3 << 7;
    QTest::newRow("non-ASCII on an earlier line")
        << QByteArray("{\"\xe4\xb8\xad\": \"\xc3\xa9\xc3\xa9\",\n\"b\": 2}") << QStringList {u"b"_s}
        << 2 << 6;
}

void TestJsonNode::positions()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, steps);
    QFETCH(int, line);
    QFETCH(int, column);

    const JsonParseResult result = JsonParser::parse(input);
    QVERIFY2(!result.error, qPrintable(result.error ? result.error->message : QString()));
    QVERIFY(result.root);
    const JsonNode *node = walk(*result.root, steps);
    QVERIFY(node);
    QCOMPARE(node->position(), (SourcePosition {line, column}));
}

void TestJsonNode::keyPositions()
{
    const JsonParseResult result = JsonParser::parse("{\"\xc3\xa9\": {\n   \"x\" : 1}}");
    QVERIFY(result.root);
    const JsonNode::Member &outer = result.root->members().at(0);
    QCOMPARE(outer.key, u"\u00e9"_s);
    QCOMPARE(outer.keyPosition, (SourcePosition {1, 2}));
    QCOMPARE(outer.value.position(), (SourcePosition {1, 7}));
    const JsonNode::Member &inner = outer.value.members().at(0);
    QCOMPARE(inner.keyPosition, (SourcePosition {2, 4}));
    QCOMPARE(inner.value.position(), (SourcePosition {2, 10}));
}

void TestJsonNode::strings_data()
{
    QTest::addColumn<QByteArray>("input"); // one JSON string literal, as bytes
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QByteArray(R"("abc")") << u"abc"_s;
    QTest::newRow("empty") << QByteArray(R"("")") << QString();
    QTest::newRow("short escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t")") << u"\"\\/\b\f\n\r\t"_s;
    QTest::newRow("unicode escape lower case") << QByteArray(R"("\u00e9")") << u"\u00e9"_s;
    QTest::newRow("unicode escape upper case") << QByteArray(R"("\u4E2D")") << u"\u4e2d"_s;
    QTest::newRow("escaped NUL") << QByteArray(R"("a\u0000b")")
                                 << QStringView(u"a\0b", 3).toString();
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")") << u"\U0001F600"_s;
    QTest::newRow("surrogate pair upper case")
        << QByteArray(R"("\uD83D\uDE00")") << u"\U0001F600"_s;
    QTest::newRow("lone high surrogate") << QByteArray(R"("a\ud800b")")
                                         << QStringView(u"a\xD800"
                                                        u"b")
                                                .toString();
    QTest::newRow("lone low surrogate")
        << QByteArray(R"("\udc00")") << QString(QChar(char16_t(0xDC00)));
    QTest::newRow("reversed pair")
        << QByteArray(R"("\ude00\ud83d")") << QStringView(u"\xDE00\xD83D").toString();
    QTest::newRow("raw two-byte UTF-8") << QByteArray("\"\xc3\xa9\"") << u"\u00e9"_s;
    QTest::newRow("raw three-byte UTF-8") << QByteArray("\"\xe4\xb8\xad\"") << u"\u4e2d"_s;
    QTest::newRow("raw four-byte UTF-8") << QByteArray("\"\xf0\x9f\x98\x80\"") << u"\U0001F600"_s;
    QTest::newRow("raw U+2028") << QByteArray("\"\xe2\x80\xa8\"") << u"\u2028"_s;
    QTest::newRow("raw DEL") << QByteArray("\"\x7f\"") << u"\x7f"_s;
}

void TestJsonNode::strings()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);

    const JsonParseResult result = JsonParser::parse(input);
    QVERIFY2(!result.error, qPrintable(result.error ? result.error->message : QString()));
    QVERIFY(result.root);
    QVERIFY(result.root->isString());
    QCOMPARE(result.root->toString(), expected);
}

void TestJsonNode::byteOrderMark_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column"); // of the root when valid, else of the error
    QTest::addColumn<QString>("error");

    QTest::newRow("BOM before the value")
        << QByteArray("\xef\xbb\xbf{\"a\": 1}") << true << 1 << 1 << QString();
    QTest::newRow("BOM then white space")
        << QByteArray("\xef\xbb\xbf\n  []") << true << 2 << 3 << QString();
    QTest::newRow("BOM only") << QByteArray("\xef\xbb\xbf") << false << 1 << 1
                              << u"the file is empty; expected a JSON object"_s;
    QTest::newRow("two BOMs") << QByteArray("\xef\xbb\xbf\xef\xbb\xbf{}") << false << 1 << 1
                              << u"unexpected byte 0xef; expected a value"_s;
    QTest::newRow("BOM after the value")
        << QByteArray("{}\xef\xbb\xbf") << false << 1 << 3
        << u"unexpected byte 0xef after the end of the JSON value"_s;
}

void TestJsonNode::byteOrderMark()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, valid);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, error);

    const JsonParseResult result = JsonParser::parse(input);
    QCOMPARE(bool(result.root), valid);
    QCOMPARE(bool(result.error), !valid);
    if (valid) {
        QCOMPARE(result.root->position(), (SourcePosition {line, column}));
    } else {
        QCOMPARE(result.error->message, error);
        QCOMPARE(result.error->position, (SourcePosition {line, column}));
    }
}

// The parser keeps duplicates for the reader to report; find() answers with the first.
void TestJsonNode::duplicateKeysAreKeptInOrder()
{
    const JsonParseResult result = JsonParser::parse(R"({"a": 1, "b": 2, "a": 3})");
    QVERIFY(result.root);
    const auto &members = result.root->members();
    QCOMPARE(members.size(), std::size_t(3));
    QCOMPARE(members[0].key, u"a"_s);
    QCOMPARE(members[2].key, u"a"_s);
    QCOMPARE(members[2].value.toDouble(), 3.0);
    QCOMPARE(members[2].keyPosition, (SourcePosition {1, 18}));
    QCOMPARE(result.root->find(u"a")->toDouble(), 1.0);
}

// The root is depth 0, so MaxDepth + 1 nested arrays parse and one more does not.
void TestJsonNode::depthLimit()
{
    const int deepest = JsonParser::MaxDepth + 1;
    QVERIFY(JsonParser::parse(nested(deepest)).root);
    const JsonParseResult tooDeep = JsonParser::parse(nested(deepest + 1));
    QVERIFY(!tooDeep.root);
    QVERIFY(tooDeep.error);
    QCOMPARE(tooDeep.error->message, u"values nested deeper than 256 levels"_s);
    QCOMPARE(tooDeep.error->position, (SourcePosition {1, deepest + 1}));
}

void TestJsonNode::formatNumber_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");

    // Expected: node -e 'console.log(String(n))' (JSON.stringify for the non-finite ones).
    QTest::newRow("0") << 0.0 << QByteArray("0");
    QTest::newRow("-0") << -0.0 << QByteArray("0");
    QTest::newRow("1") << 1.0 << QByteArray("1");
    QTest::newRow("-1") << -1.0 << QByteArray("-1");
    QTest::newRow("100") << 100.0 << QByteArray("100");
    QTest::newRow("25000") << 25000.0 << QByteArray("25000");
    QTest::newRow("1e6") << 1e6 << QByteArray("1000000");
    QTest::newRow("2^31") << 2147483648.0 << QByteArray("2147483648");
    QTest::newRow("2^53") << 9007199254740992.0 << QByteArray("9007199254740992");
    QTest::newRow("2^53 + 2") << 9007199254740994.0 << QByteArray("9007199254740994");
    QTest::newRow("-2^63") << -9223372036854775808.0 << QByteArray("-9223372036854776000");
    QTest::newRow("1e20") << 1e20 << QByteArray("100000000000000000000");
    QTest::newRow("1.2345678901234568e20")
        << 1.2345678901234568e20 << QByteArray("123456789012345680000");
    QTest::newRow("9.999999999999999e20")
        << 9.999999999999999e20 << QByteArray("999999999999999900000");
    QTest::newRow("1e21") << 1e21 << QByteArray("1e+21");
    QTest::newRow("1e100") << 1e100 << QByteArray("1e+100");
    QTest::newRow("1.5e300") << 1.5e300 << QByteArray("1.5e+300");
    QTest::newRow("largest double")
        << std::numeric_limits<double>::max() << QByteArray("1.7976931348623157e+308");
    QTest::newRow("1234.5678e10") << 1234.5678e10 << QByteArray("12345678000000");
    QTest::newRow("0.5") << 0.5 << QByteArray("0.5");
    QTest::newRow("2.5") << 2.5 << QByteArray("2.5");
    QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::newRow("0.1 + 0.2") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
    QTest::newRow("1/3") << 1.0 / 3 << QByteArray("0.3333333333333333");
    QTest::newRow("4.35") << 4.35 << QByteArray("4.35");
    QTest::newRow("123.456") << 123.456 << QByteArray("123.456");
    QTest::newRow("0.000001") << 0.000001 << QByteArray("0.000001");
    QTest::newRow("0.000001234") << 0.000001234 << QByteArray("0.000001234");
    QTest::newRow("1e-7") << 1e-7 << QByteArray("1e-7");
    QTest::newRow("-1e-7") << -1e-7 << QByteArray("-1e-7");
    QTest::newRow("123456.7e-12") << 123456.7e-12 << QByteArray("1.234567e-7");
    QTest::newRow("-1.5e-10") << -1.5e-10 << QByteArray("-1.5e-10");
    QTest::newRow("123e-20") << 123e-20 << QByteArray("1.23e-18");
    QTest::newRow("smallest normal")
        << std::numeric_limits<double>::min() << QByteArray("2.2250738585072014e-308");
    QTest::newRow("5e-324") << std::numeric_limits<double>::denorm_min() << QByteArray("5e-324");
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QByteArray("null");
    QTest::newRow("Infinity") << std::numeric_limits<double>::infinity() << QByteArray("null");
    QTest::newRow("-Infinity") << -std::numeric_limits<double>::infinity() << QByteArray("null");
}

void TestJsonNode::formatNumber()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);

    QCOMPARE(JsonWriter::formatNumber(value), expected);
}

void TestJsonNode::appendQuoted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    // Expected: the UTF-8 bytes of node's JSON.stringify(text).
    QTest::newRow("empty") << QString() << QByteArray(R"("")");
    QTest::newRow("plain ASCII") << u"abc"_s << QByteArray(R"("abc")");
    QTest::newRow("quote and backslash") << u"a\"b\\c"_s << QByteArray(R"("a\"b\\c")");
    QTest::newRow("slash not escaped") << u"</script>"_s << QByteArray(R"("</script>")");
    QTest::newRow("short escapes") << u"\b\f\n\r\t"_s << QByteArray(R"("\b\f\n\r\t")");
    QTest::newRow("NUL and other C0 controls")
        << QStringView(u"\x0000\x0001\x000b\x001f", 4).toString()
        << QByteArray(R"("\u0000\u0001\u000b\u001f")");
    QTest::newRow("DEL not escaped") << u"\x7f"_s << QByteArray("\"\x7f\"");
    QTest::newRow("Latin-1 and CJK") << u"\u00e9\u4e2d"_s << QByteArray("\"\xc3\xa9\xe4\xb8\xad\"");
    QTest::newRow("U+2028 and U+2029 raw")
        << u"\u2028\u2029"_s << QByteArray("\"\xe2\x80\xa8\xe2\x80\xa9\"");
    QTest::newRow("emoji as UTF-8") << u"\U0001F600"_s << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("lone high surrogate") << QStringView(u"a\xD800"
                                                        u"b")
                                                .toString()
                                         << QByteArray(R"("a\ud800b")");
    QTest::newRow("lone low surrogate")
        << QString(QChar(char16_t(0xDC00))) << QByteArray(R"("\udc00")");
    QTest::newRow("high surrogate at the end")
        << QStringView(u"x\xD83D").toString() << QByteArray(R"("x\ud83d")");
    QTest::newRow("reversed pair")
        << QStringView(u"\xDE00\xD83D").toString() << QByteArray(R"("\ude00\ud83d")");
}

void TestJsonNode::appendQuoted()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);

    QByteArray out("prefix:");
    JsonWriter::appendQuoted(out, text);
    QCOMPARE(out, "prefix:" + expected);
}

void TestJsonNode::writerLayout_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    // Expected: node -e 'console.log(JSON.stringify(JSON.parse(input), null, 2))'.
    QTest::newRow("nested object and array")
        << QByteArray(R"({"a":[1,{"b":[],"c":{}},"x"],"d":{"e":null,"f":true,"g":-0.5}})")
        << QByteArray(R"({
  "a": [
    1,
    {
      "b": [],
      "c": {}
    },
    "x"
  ],
  "d": {
    "e": null,
    "f": true,
    "g": -0.5
  }
}
)");
    QTest::newRow("nested empty arrays") << QByteArray("[[[]]]") << QByteArray(R"([
  [
    []
  ]
]
)");
    QTest::newRow("empty array") << QByteArray("[ ]") << QByteArray("[]\n");
    QTest::newRow("empty object") << QByteArray("{ }") << QByteArray("{}\n");
    QTest::newRow("string") << QByteArray(R"("s")") << QByteArray("\"s\"\n");
    QTest::newRow("number") << QByteArray("1E3") << QByteArray("1000\n");
    QTest::newRow("null") << QByteArray("null") << QByteArray("null\n");
    QTest::newRow("keys escaped") << QByteArray(R"({"a\"b":{"\u00e9\n":false}})")
                                  << QByteArray("{\n"
                                                "  \"a\\\"b\": {\n"
                                                "    \"\xc3\xa9\\n\": false\n"
                                                "  }\n"
                                                "}\n");
}

void TestJsonNode::writerLayout()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    const JsonParseResult result = JsonParser::parse(input);
    QVERIFY(result.root);
    QCOMPARE(JsonWriter::write(*result.root), expected);
}

QTEST_GUILESS_MAIN(TestJsonNode)
#include "tst_jsonnode.moc"
