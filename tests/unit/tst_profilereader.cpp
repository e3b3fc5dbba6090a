// ProfileReader: the exact error or warning (message, JSON path, line, column) for bad profiles.
#include "profile/profilefile.h"
#include "profile/profilereader.h"
#include "profile/profilewriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

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

// A minimal valid profile in pieces; a row replaces one piece to break exactly one thing.
struct Parts {
    QByteArray head = R"("format": "corslab-profile", "version": 1, "name": "t")";
    QByteArray server = {}; // members of "server"
    QByteArray client = {}; // members of "client", written before "pageOrigin"
    QByteArray pageOrigin = R"("pageOrigin": "http://localhost:3000")";
    QByteArray expect = {}; // members of "expect"; no "expect" when empty
};

// One piece a line, so a row's line says which piece it is, and its column counts from the
// piece's start (head members start at column 2, server, client and expect members at 12):
//   1 {"format": "corslab-profile", "version": 1, "name": "t",
//   2 "server": {SERVER},
//   3 "client": {CLIENT, "pageOrigin": "http://localhost:3000"},
//   4 "expect": {EXPECT}
//   5 }
QByteArray profile(const Parts &parts)
{
    QByteArray client = parts.client;
    if (!client.isEmpty() && !parts.pageOrigin.isEmpty())
        client += ", ";
    client += parts.pageOrigin;
    QByteArray out = "{" + parts.head + ",\n";
    out += "\"server\": {" + parts.server + "},\n";
    out += "\"client\": {" + client + "}" + (parts.expect.isEmpty() ? "" : ",") + "\n";
    if (!parts.expect.isEmpty())
        out += "\"expect\": {" + parts.expect + "}";
    out += "\n}\n";
    return out;
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

void addRow(const char *name, const QByteArray &input, int line, int column, const QString &path,
    const QString &message)
{
    QTest::newRow(name) << input << line << column << path << message;
}

bool sortedByPosition(const Diagnostics &diagnostics)
{
    return std::is_sorted(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
            return std::pair(a.position.line, a.position.column)
                < std::pair(b.position.line, b.position.column);
        });
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString(u"t.json"_s);
    return lines.join(u'\n');
}

} // namespace

class TestProfileReader : public QObject {
    Q_OBJECT

private slots:
    void minimalProfileIsValid();
    void badInput_data();
    void badInput();
    void warnings_data();
    void warnings();
    void emptyOriginWarnsThatCorsIsOff();
    void ipv6PageOriginIsAccepted();
    void unknownKeysAreKept_data();
    void unknownKeysAreKept();
    void diagnosticsAreSortedByPosition();
    void examplesHaveSortedDiagnostics();
    void oversizedFileIsRefusedWithoutParsing();
    void fileOfExactlyMaxSizeIsRead();
    void oversizedFileOnDiskIsRefused();
};

void TestProfileReader::minimalProfileIsValid()
{
    const ProfileLoadResult result = ProfileReader::read(profile({}));
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(describe(result.diagnostics)));
    QVERIFY(result.profile);
    QCOMPARE(result.profile->client.pageOrigin, u"http://localhost:3000"_s);
}

void TestProfileReader::badInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    // JSON syntax
    addRow("syntax: empty file", "", 1, 1, {}, u"the file is empty; expected a JSON object"_s);
    addRow("syntax: only white space", " \n\t\n", 3, 1, {},
        u"the file is empty; expected a JSON object"_s);
    addRow("syntax: trailing comma in an object", profile({.server = R"("port": 1,)"}), 2, 22, {},
        u"trailing comma: remove the ',' before '}'"_s);
    addRow("syntax: trailing comma in an array",
        profile({.server = R"("transports": ["polling",])"}), 2, 37, {},
        u"trailing comma: remove the ',' before ']'"_s);
    addRow("syntax: single-quoted string", profile({.server = R"("host": 'localhost')"}), 2, 20, {},
        uR"(strings are written in double quotes ("..."), not single quotes)"_s);
    addRow("syntax: single-quoted key", profile({.server = R"('port': 1)"}), 2, 12, {},
        uR"(keys are written in double quotes ("key"), not single quotes)"_s);
    addRow("syntax: unquoted key", profile({.server = R"(port: 1)"}), 2, 12, {},
        uR"(keys are written in double quotes: "key": value)"_s);
    addRow("syntax: line comment", profile({.server = R"("port": 1 // a free port)"}), 2, 22, {},
        u"expected ',' or '}' after an object member, found comment (JSON has no comments)"_s);
    addRow("syntax: block comment before a key",
        profile({.server = R"(/* a free port */ "port": 1)"}), 2, 12, {},
        u"expected a key in double quotes, found comment (JSON has no comments)"_s);
    addRow("syntax: missing colon", profile({.server = R"("port" 1)"}), 2, 19, {},
        uR"(expected ':' after the key "port", found '1')"_s);
    addRow("syntax: missing comma", profile({.server = R"("port": 1 "host": "localhost")"}), 2, 22,
        {}, uR"(expected ',' or '}' after an object member, found '"' — is a ',' missing?)"_s);
    addRow("syntax: truncated after a member",
        R"({"format": "corslab-profile", "version": 1, "name": "t")", 1, 56, {},
        u"expected ',' or '}' after an object member, found end of file"_s);
    addRow("syntax: truncated inside a string", R"({"format": "corslab-prof)", 1, 12, {},
        uR"(string not closed: the file ends before its closing '"')"_s);
    addRow("syntax: truncated after a backslash", R"({"format": "corslab-profile\)", 1, 12, {},
        uR"(string not closed: the file ends before its closing '"')"_s);
    addRow("syntax: bad escape", profile({.server = R"("host": "local\host")"}), 2, 28, {},
        uR"(invalid escape '\h' in a string)"_s);
    addRow("syntax: short unicode escape", profile({.server = R"("host": "\u12G4")"}), 2, 25, {},
        uR"(\u must be followed by four hex digits)"_s);
    addRow("syntax: tab in a string", profile({.server = "\"host\": \"local\thost\""}), 2, 26, {},
        u"control character 0x09 in a string; escape it"_s);
    addRow("syntax: line break in a string", profile({.server = "\"host\": \"local\nhost\""}), 2,
        26, {}, uR"(string not closed before the end of the line (write a line break as \n))"_s);
    addRow("syntax: leading zero", profile({.server = R"("port": 0800)"}), 2, 20, {},
        u"numbers cannot start with 0 (leading zeros are not JSON)"_s);
    addRow("syntax: minus without digits", profile({.server = R"("port": -)"}), 2, 20, {},
        u"'-' must be followed by digits"_s);
    addRow("syntax: point without digits", profile({.server = R"("port": 1.)"}), 2, 22, {},
        u"a digit must follow the decimal point"_s);
    addRow("syntax: exponent without digits", profile({.server = R"("port": 1e)"}), 2, 22, {},
        u"a digit must follow the exponent"_s);
    addRow("syntax: number out of range", profile({.server = R"("port": 1e400)"}), 2, 20, {},
        u"number 1e400 is out of range"_s);
    addRow("syntax: undefined", profile({.server = R"("initialPacket": undefined)"}), 2, 29, {},
        u"undefined is JavaScript, not JSON; leave the key out or use null"_s);
    addRow("syntax: NaN", profile({.server = R"("pingInterval": NaN)"}), 2, 28, {},
        u"NaN is JavaScript, not JSON; leave the key out or use null"_s);
    addRow("syntax: Infinity", profile({.server = R"("pingInterval": Infinity)"}), 2, 28, {},
        u"Infinity is JavaScript, not JSON; leave the key out or use null"_s);
    addRow("syntax: capitalised True", profile({.server = R"("allowEIO3": True)"}), 2, 25, {},
        u"unexpected word 'True'; strings are written in double quotes"_s);
    addRow("syntax: invalid UTF-8 byte in a string", profile({.server = "\"host\": \"\xff\""}), 2,
        21, {}, u"invalid UTF-8 byte 0xff"_s);
    addRow("syntax: overlong UTF-8", profile({.server = "\"host\": \"\xc0\xaf\""}), 2, 21, {},
        u"invalid UTF-8 sequence starting with byte 0xc0"_s);
    addRow("syntax: UTF-8 encoded surrogate", profile({.server = "\"host\": \"\xed\xa0\x80\""}), 2,
        21, {}, u"invalid UTF-8 sequence starting with byte 0xed"_s);
    addRow("syntax: UTF-8 continuation byte missing", profile({.server = "\"host\": \"\xc3(\""}), 2,
        21, {}, u"invalid UTF-8 sequence starting with byte 0xc3"_s);
    addRow("syntax: non-ASCII byte outside a string", profile({.server = "\"port\": 1, \xc3\xa9"}),
        2, 23, {}, u"expected a key in double quotes, found byte 0xc3"_s);
    addRow("syntax: content after the value", profile({}) + "{}", 6, 1, {},
        u"unexpected '{' after the end of the JSON value"_s);
    addRow("syntax: too deep nesting", profile({.server = "\"initialPacket\": " + nested(300)}), 2,
        284, {}, u"values nested deeper than 256 levels"_s);

    // Top level
    addRow("top: array instead of object", "[]", 1, 1, {},
        u"a profile is a JSON object ({ ... }), found an array"_s);
    addRow("top: format missing", profile({.head = R"("version": 1, "name": "t")"}), 1, 1, {},
        uR"("format": "corslab-profile" is missing; is this a CorsLab profile?)"_s);
    addRow("top: format misspelt",
        profile({.head = R"("format": "corslab", "version": 1, "name": "t")"}), 1, 12, u"format"_s,
        uR"("format" "corslab" (a string): expected "corslab-profile"; is this a CorsLab )"
        uR"(profile?)"_s);
    addRow("top: format a number", profile({.head = R"("format": 1, "version": 1, "name": "t")"}),
        1, 12, u"format"_s,
        uR"("format" 1: expected "corslab-profile"; is this a CorsLab profile?)"_s);
    addRow("top: version missing", profile({.head = R"("format": "corslab-profile", "name": "t")"}),
        1, 1, {}, uR"("version": 1 is missing)"_s);
    addRow("top: version a string",
        profile({.head = R"("format": "corslab-profile", "version": "1", "name": "t")"}), 1, 42,
        u"version"_s, uR"("version" "1" (a string): expected the format version, 1)"_s);
    addRow("top: version 0",
        profile({.head = R"("format": "corslab-profile", "version": 0, "name": "t")"}), 1, 42,
        u"version"_s, uR"("version" 0: expected the format version, 1)"_s);
    addRow("top: version 1.5",
        profile({.head = R"("format": "corslab-profile", "version": 1.5, "name": "t")"}), 1, 42,
        u"version"_s, uR"("version" 1.5: expected the format version, 1)"_s);
    addRow("top: version newer",
        profile({.head = R"("format": "corslab-profile", "version": 2, "name": "t")"}), 1, 42,
        u"version"_s,
        u"this profile has format version 2, written by a newer CorsLab; this one reads version "
        u"1 — update CorsLab to open it"_s);
    addRow("top: name missing", profile({.head = R"("format": "corslab-profile", "version": 1)"}),
        1, 1, {}, uR"("name" is missing: a short title for this profile)"_s);
    addRow("top: name empty",
        profile({.head = R"("format": "corslab-profile", "version": 1, "name": "")"}), 1, 53,
        u"name"_s, uR"("name" is empty)"_s);
    addRow("top: name a number",
        profile({.head = R"("format": "corslab-profile", "version": 1, "name": 7)"}), 1, 53,
        u"name"_s, uR"("name" 7: expected a string)"_s);
    addRow("top: description an array",
        profile({.head = R"("format": "corslab-profile", "version": 1, "name": "t", )"
                         R"("description": ["a"])"}),
        1, 73, u"description"_s, uR"("description" an array: expected a string)"_s);
    addRow("top: $schema a number",
        profile({.head = R"("$schema": 1, "format": "corslab-profile", "version": 1, )"
                         R"("name": "t")"}),
        1, 13, u"$schema"_s, uR"("$schema" 1: expected a string)"_s);
    addRow("top: duplicate key",
        profile({.head = R"("format": "corslab-profile", "version": 1, "name": "t", )"
                         R"("name": "u")"}),
        1, 58, u"name"_s,
        uR"(duplicate key "name" (first at line 1, column 45); JSON readers would silently )"
        uR"(keep only one)"_s);
    addRow("top: client missing",
        R"({"format": "corslab-profile", "version": 1, "name": "t", "server": {}})", 1, 1, {},
        uR"("client" is missing: at least {"pageOrigin": "..."})"_s);
    addRow("top: client an array",
        R"({"format": "corslab-profile", "version": 1, "name": "t", "client": []})", 1, 68,
        u"client"_s, uR"("client" an array: expected an object)"_s);
    addRow("top: server a string",
        R"({"format": "corslab-profile", "version": 1, "name": "t", "server": "local",)"
        "\n"
        R"("client": {"pageOrigin": "http://localhost:3000"}})",
        1, 68, u"server"_s, uR"("server" "local" (a string): expected an object)"_s);
    addRow("top: expect a string", profile({}).replace("\n}\n", ", \"expect\": \"connected\"}\n"),
        4, 13, u"expect"_s, uR"("expect" "connected" (a string): expected an object)"_s);

    // server
    addRow("server: duplicate key", profile({.server = R"("port": 1, "port": 2)"}), 2, 23,
        u"server.port"_s,
        uR"(duplicate key "port" (first at line 2, column 12); JSON readers would silently )"
        uR"(keep only one)"_s);
    addRow("server: host a number", profile({.server = R"("host": 127)"}), 2, 20, u"server.host"_s,
        uR"("host" 127: expected a string)"_s);
    addRow("server: host empty", profile({.server = R"("host": "")"}), 2, 20, u"server.host"_s,
        uR"("host" is empty)"_s);
    addRow("server: port negative", profile({.server = R"("port": -1)"}), 2, 20, u"server.port"_s,
        uR"("port" -1: expected a port from 0 to 65535 (0 picks a free port))"_s);
    addRow("server: port too large", profile({.server = R"("port": 65536)"}), 2, 20,
        u"server.port"_s,
        uR"("port" 65536: expected a port from 0 to 65535 (0 picks a free port))"_s);
    addRow("server: port fractional", profile({.server = R"("port": 80.5)"}), 2, 20,
        u"server.port"_s,
        uR"("port" 80.5: expected a port from 0 to 65535 (0 picks a free port))"_s);
    addRow("server: port a string", profile({.server = R"("port": "3000")"}), 2, 20,
        u"server.port"_s,
        uR"("port" "3000" (a string): expected a port from 0 to 65535 (0 picks a free port))"_s);
    addRow("server: path without slash", profile({.server = R"("path": "socket.io")"}), 2, 20,
        u"server.path"_s,
        uR"("path" "socket.io": expected a path starting with "/" — did you mean "/socket.io"?)"_s);
    addRow("server: path a boolean", profile({.server = R"("path": true)"}), 2, 20,
        u"server.path"_s, uR"("path" true: expected a string)"_s);
    addRow("server: addTrailingSlash a string", profile({.server = R"("addTrailingSlash": "yes")"}),
        2, 32, u"server.addTrailingSlash"_s,
        uR"("addTrailingSlash" "yes" (a string): expected true or false)"_s);
    addRow("server: transports a string", profile({.server = R"("transports": "websocket")"}), 2,
        26, u"server.transports"_s,
        uR"("transports" "websocket" (a string): expected an array such as ["polling", )"
        uR"("websocket"])"_s);
    addRow("server: transports empty", profile({.server = R"("transports": [])"}), 2, 26,
        u"server.transports"_s, uR"("transports" is empty; at least one transport is needed)"_s);
    addRow("server: transports typo",
        profile({.server = R"("transports": ["polling", "websockets"])"}), 2, 38,
        u"server.transports[1]"_s,
        uR"("transports" entry "websockets": expected "polling" or "websocket" — did you mean )"
        uR"("websocket"?)"_s);
    addRow("server: transports webtransport",
        profile({.server = R"("transports": ["webtransport"])"}), 2, 26, u"server.transports"_s,
        uR"("webtransport" needs an HTTP/3 server, which the embedded server is not; use )"
        uR"("polling" and "websocket")"_s);
    addRow("server: transports entry a number", profile({.server = R"("transports": [1])"}), 2, 27,
        u"server.transports[0]"_s, uR"("transports" entry 1: expected "polling" or "websocket")"_s);
    addRow("server: allowUpgrades a number", profile({.server = R"("allowUpgrades": 1)"}), 2, 29,
        u"server.allowUpgrades"_s, uR"("allowUpgrades" 1: expected true or false)"_s);
    addRow("server: pingInterval negative", profile({.server = R"("pingInterval": -1)"}), 2, 28,
        u"server.pingInterval"_s,
        uR"("pingInterval" -1: expected a whole number of milliseconds from 0 to 2147483647)"_s);
    addRow("server: pingTimeout above setTimeout's limit",
        profile({.server = R"("pingTimeout": 2147483648)"}), 2, 27, u"server.pingTimeout"_s,
        uR"("pingTimeout" 2147483648: expected a whole number of milliseconds from 0 to )"
        uR"(2147483647)"_s);
    addRow("server: upgradeTimeout a string", profile({.server = R"("upgradeTimeout": "10s")"}), 2,
        30, u"server.upgradeTimeout"_s,
        uR"("upgradeTimeout" "10s" (a string): expected a whole number of milliseconds from 0 )"
        uR"(to 2147483647)"_s);
    addRow("server: connectTimeout null", profile({.server = R"("connectTimeout": null)"}), 2, 30,
        u"server.connectTimeout"_s,
        uR"("connectTimeout" null: expected a whole number of milliseconds )"
        uR"(from 0 to 2147483647)"_s);
    addRow("server: maxHttpBufferSize fractional",
        profile({.server = R"("maxHttpBufferSize": 1.5)"}), 2, 33, u"server.maxHttpBufferSize"_s,
        uR"("maxHttpBufferSize" 1.5: expected a whole number of bytes)"_s);
    addRow("server: maxHttpBufferSize beyond 2^53",
        profile({.server = R"("maxHttpBufferSize": 1e16)"}), 2, 33, u"server.maxHttpBufferSize"_s,
        uR"("maxHttpBufferSize" 10000000000000000: expected a whole number of bytes)"_s);
    addRow("server: allowEIO3 a string", profile({.server = R"("allowEIO3": "false")"}), 2, 25,
        u"server.allowEIO3"_s, uR"("allowEIO3" "false" (a string): expected true or false)"_s);
    addRow("server: httpCompression a number", profile({.server = R"("httpCompression": 0)"}), 2,
        31, u"server.httpCompression"_s, uR"("httpCompression" 0: expected true or false)"_s);
    addRow("server: allowRequest a string",
        profile({.server = R"x("allowRequest": "(req, cb) => cb(null, true)")x"}), 2, 28,
        u"server.allowRequest"_s,
        u"\"allowRequest\": expected a function written as {\"function\": \"(req, callback) => "
        u"...\"}, found \"(req, cb) => cb(null, true)\" (a string)"_s);
    addRow("server: allowRequest function empty",
        profile({.server = R"("allowRequest": {"function": ""})"}), 2, 41,
        u"server.allowRequest.function"_s, uR"("function" is empty)"_s);
    addRow("server: allowRequest function a number",
        profile({.server = R"("allowRequest": {"function": 1})"}), 2, 41,
        u"server.allowRequest.function"_s, uR"("function" 1: expected a string)"_s);
    addRow("server: namespaces an object", profile({.server = R"("namespaces": {})"}), 2, 26,
        u"server.namespaces"_s,
        uR"("namespaces" an object: expected an array of {"name": "/..."} objects)"_s);
    addRow("server: namespaces entry a string", profile({.server = R"("namespaces": ["/a"])"}), 2,
        27, u"server.namespaces[0]"_s,
        uR"("namespaces" entry "/a" (a string): expected an object)"_s);
    addRow("server: namespace without name", profile({.server = R"("namespaces": [{}])"}), 2, 27,
        u"server.namespaces[0]"_s, uR"(a namespace needs a "name", such as "/admin")"_s);
    addRow("server: namespace name without slash",
        profile({.server = R"("namespaces": [{"name": "admin"}])"}), 2, 36,
        u"server.namespaces[0].name"_s,
        uR"("name" "admin": expected a path starting with "/" — did you mean "/admin"?)"_s);
    addRow("server: namespace declared twice",
        profile({.server = R"("namespaces": [{"name": "/a"}, {"name": "/a"}])"}), 2, 52,
        u"server.namespaces[1].name"_s, uR"(namespace "/a" is declared twice)"_s);
    addRow("server: namespace middleware a string",
        profile({.server = R"x("namespaces": [{"name": "/a", "middleware": "next()"}])x"}), 2, 56,
        u"server.namespaces[0].middleware"_s,
        u"\"middleware\": expected a function written as {\"function\": \"(socket, next) => "
        u"...\"}, found \"next()\" (a string)"_s);

    // server.cookie
    addRow("cookie: a string", profile({.server = R"("cookie": "io")"}), 2, 22, u"server.cookie"_s,
        uR"("cookie" "io" (a string): expected true, false or an object of cookie options)"_s);
    addRow("cookie: name not a token", profile({.server = R"("cookie": {"name": "my id"})"}), 2, 31,
        u"server.cookie.name"_s,
        uR"("name" "my id": a cookie name is a token (letters, digits and !#$%&'*+-.^_`|~))"_s);
    addRow("cookie: name empty", profile({.server = R"("cookie": {"name": ""})"}), 2, 31,
        u"server.cookie.name"_s, uR"("name" is empty)"_s);
    addRow("cookie: path without slash", profile({.server = R"("cookie": {"path": "x"})"}), 2, 31,
        u"server.cookie.path"_s,
        uR"("path" "x" (a string): expected a path starting with "/", or false)"_s);
    addRow("cookie: path true", profile({.server = R"("cookie": {"path": true})"}), 2, 31,
        u"server.cookie.path"_s, uR"("path" true: expected a path starting with "/", or false)"_s);
    addRow("cookie: domain a number", profile({.server = R"("cookie": {"domain": 1})"}), 2, 33,
        u"server.cookie.domain"_s, uR"("domain" 1: expected a string)"_s);
    addRow("cookie: httpOnly a string", profile({.server = R"("cookie": {"httpOnly": "yes"})"}), 2,
        35, u"server.cookie.httpOnly"_s,
        uR"("httpOnly" "yes" (a string): expected true or false)"_s);
    addRow("cookie: secure a number", profile({.server = R"("cookie": {"secure": 1})"}), 2, 33,
        u"server.cookie.secure"_s, uR"("secure" 1: expected true or false)"_s);
    addRow("cookie: sameSite capitalised", profile({.server = R"("cookie": {"sameSite": "Lax"})"}),
        2, 35, u"server.cookie.sameSite"_s,
        uR"("sameSite" "Lax": expected "lax", "strict" or "none" — did you mean "lax"?)"_s);
    addRow("cookie: sameSite a number", profile({.server = R"("cookie": {"sameSite": 1})"}), 2, 35,
        u"server.cookie.sameSite"_s, uR"("sameSite" 1: expected "lax", "strict" or "none")"_s);
    addRow("cookie: maxAge fractional", profile({.server = R"("cookie": {"maxAge": 1.5})"}), 2, 33,
        u"server.cookie.maxAge"_s, uR"("maxAge" 1.5: expected a whole number of seconds)"_s);
    addRow("cookie: partitioned a string",
        profile({.server = R"("cookie": {"partitioned": "true"})"}), 2, 38,
        u"server.cookie.partitioned"_s,
        uR"("partitioned" "true" (a string): expected true or false)"_s);
    addRow("cookie: duplicate key",
        profile({.server = R"("cookie": {"secure": true, "secure": false})"}), 2, 39,
        u"server.cookie.secure"_s,
        uR"(duplicate key "secure" (first at line 2, column 23); JSON readers would silently )"
        uR"(keep only one)"_s);

    // server.cors
    addRow("cors: a string", profile({.server = R"("cors": "*")"}), 2, 20, u"server.cors"_s,
        uR"("cors" "*" (a string): expected an object of cors options, or true)"_s);
    addRow("cors: origin a number", profile({.server = R"("cors": {"origin": 3000})"}), 2, 31,
        u"server.cors.origin"_s,
        uR"("origin" 3000: expected a string, true or false, an array, {"regex": "..."} or )"
        uR"({"function": "..."})"_s);
    addRow("cors: origin null", profile({.server = R"("cors": {"origin": null})"}), 2, 31,
        u"server.cors.origin"_s,
        uR"("origin" null: expected a string, true or false, an array, {"regex": "..."} or )"
        uR"({"function": "..."})"_s);
    addRow("cors: origin object without regex or function",
        profile({.server = R"("cors": {"origin": {"url": "http://a.test"}})"}), 2, 31,
        u"server.cors.origin"_s,
        uR"("origin" an object: expected a string, true or false, an array, {"regex": "..."} )"
        uR"(or {"function": "..."})"_s);
    addRow("cors: origin array entry a number",
        profile({.server = R"("cors": {"origin": ["http://a.test", 1]})"}), 2, 49,
        u"server.cors.origin[1]"_s,
        uR"("origin" entry 1: expected an origin string or {"regex": "..."})"_s);
    addRow("cors: regex source a number",
        profile({.server = R"("cors": {"origin": {"regex": 1}})"}), 2, 41,
        u"server.cors.origin.regex"_s, uR"("regex" 1: expected a string)"_s);
    addRow("cors: regex flag unknown",
        profile({.server = R"("cors": {"origin": {"regex": "^a$", "flags": "x"}})"}), 2, 57,
        u"server.cors.origin.flags"_s,
        uR"("flags" "x": each flag is one of d, g, i, m, s, u, v, y, at most once)"_s);
    addRow("cors: regex flag twice",
        profile({.server = R"("cors": {"origin": {"regex": "^a$", "flags": "ii"}})"}), 2, 57,
        u"server.cors.origin.flags"_s,
        uR"("flags" "ii": each flag is one of d, g, i, m, s, u, v, y, at most once)"_s);
    addRow("cors: regex flags u and v",
        profile({.server = R"("cors": {"origin": {"regex": "^a$", "flags": "uv"}})"}), 2, 57,
        u"server.cors.origin.flags"_s, uR"("flags" "uv": the u and v flags cannot be combined)"_s);
    addRow("cors: regex flags a number",
        profile({.server = R"("cors": {"origin": {"regex": "^a$", "flags": 1}})"}), 2, 57,
        u"server.cors.origin.flags"_s, uR"("flags" 1: expected a string)"_s);
    addRow("cors: regex in an array with a bad flag",
        profile({.server = R"("cors": {"origin": [{"regex": "^a$", "flags": "I"}]})"}), 2, 58,
        u"server.cors.origin[0].flags"_s,
        uR"("flags" "I": each flag is one of d, g, i, m, s, u, v, y, at most once)"_s);
    addRow("cors: origin function source a number",
        profile({.server = R"("cors": {"origin": {"function": 1}})"}), 2, 44,
        u"server.cors.origin.function"_s, uR"("function" 1: expected a string)"_s);
    addRow("cors: methods a number", profile({.server = R"("cors": {"methods": 1})"}), 2, 32,
        u"server.cors.methods"_s, uR"("methods" 1: expected a string or an array of strings)"_s);
    addRow("cors: methods entry a number",
        profile({.server = R"("cors": {"methods": ["GET", 1]})"}), 2, 40,
        u"server.cors.methods[1]"_s, uR"("methods" entry 1: expected a string)"_s);
    addRow("cors: allowedHeaders an object",
        profile({.server = R"("cors": {"allowedHeaders": {}})"}), 2, 39,
        u"server.cors.allowedHeaders"_s,
        uR"("allowedHeaders" an object: expected a string or an array of strings)"_s);
    addRow("cors: exposedHeaders entry a boolean",
        profile({.server = R"("cors": {"exposedHeaders": [true]})"}), 2, 40,
        u"server.cors.exposedHeaders[0]"_s, uR"("exposedHeaders" entry true: expected a string)"_s);
    addRow("cors: credentials a string", profile({.server = R"("cors": {"credentials": "true"})"}),
        2, 36, u"server.cors.credentials"_s,
        uR"("credentials" "true" (a string): expected true or false (the cors package ignores )"
        uR"(anything but the boolean true))"_s);
    addRow("cors: maxAge negative", profile({.server = R"("cors": {"maxAge": -1})"}), 2, 31,
        u"server.cors.maxAge"_s,
        uR"("maxAge" -1: expected a whole number of seconds or a string)"_s);
    addRow("cors: maxAge a boolean", profile({.server = R"("cors": {"maxAge": true})"}), 2, 31,
        u"server.cors.maxAge"_s,
        uR"("maxAge" true: expected a whole number of seconds or a string)"_s);
    addRow("cors: preflightContinue a number",
        profile({.server = R"("cors": {"preflightContinue": 1})"}), 2, 42,
        u"server.cors.preflightContinue"_s, uR"("preflightContinue" 1: expected true or false)"_s);
    addRow("cors: optionsSuccessStatus below 200",
        profile({.server = R"("cors": {"optionsSuccessStatus": 199})"}), 2, 45,
        u"server.cors.optionsSuccessStatus"_s,
        uR"("optionsSuccessStatus" 199: expected an HTTP status from 200 to 599)"_s);
    addRow("cors: optionsSuccessStatus above 599",
        profile({.server = R"("cors": {"optionsSuccessStatus": 600})"}), 2, 45,
        u"server.cors.optionsSuccessStatus"_s,
        uR"("optionsSuccessStatus" 600: expected an HTTP status from 200 to 599)"_s);
    addRow("cors: duplicate origin",
        profile({.server = R"("cors": {"origin": "http://a.test", "origin": true})"}), 2, 48,
        u"server.cors.origin"_s,
        uR"(duplicate key "origin" (first at line 2, column 21); JSON readers would silently )"
        uR"(keep only one)"_s);

    // server.proxy
    addRow("proxy: a string", profile({.server = R"("proxy": "nginx")"}), 2, 21, u"server.proxy"_s,
        uR"("proxy" "nginx" (a string): expected an object)"_s);
    addRow("proxy: an array", profile({.server = R"("proxy": [])"}), 2, 21, u"server.proxy"_s,
        uR"("proxy" an array: expected an object)"_s);
    addRow("proxy: addHeaders an object",
        profile({.server = R"("proxy": {"addHeaders": {"name": "X-A", "value": "1"}})"}), 2, 36,
        u"server.proxy.addHeaders"_s,
        uR"("addHeaders" an object: expected an array of {"name": ..., "value": ...})"_s);
    addRow("proxy: addHeaders entry a string",
        profile({.server = R"("proxy": {"addHeaders": ["X-A: 1"]})"}), 2, 37,
        u"server.proxy.addHeaders[0]"_s,
        uR"("addHeaders" entry "X-A: 1" (a string): expected an object)"_s);
    addRow("proxy: header without value",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X-A"}]})"}), 2, 37,
        u"server.proxy.addHeaders[0]"_s, uR"(a header needs a "name" and a "value")"_s);
    addRow("proxy: header without name",
        profile({.server = R"("proxy": {"addHeaders": [{"value": "1"}]})"}), 2, 37,
        u"server.proxy.addHeaders[0]"_s, uR"(a header needs a "name" and a "value")"_s);
    addRow("proxy: header name with a space",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X A", "value": "1"}]})"}), 2, 46,
        u"server.proxy.addHeaders[0].name"_s, uR"("X A" is not a valid header name)"_s);
    addRow("proxy: header name with a colon",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X-A:", "value": "1"}]})"}), 2, 46,
        u"server.proxy.addHeaders[0].name"_s, uR"("X-A:" is not a valid header name)"_s);
    addRow("proxy: header name empty",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "", "value": "1"}]})"}), 2, 46,
        u"server.proxy.addHeaders[0].name"_s, uR"("name" is empty)"_s);
    addRow("proxy: header name a number",
        profile({.server = R"("proxy": {"addHeaders": [{"name": 1, "value": "1"}]})"}), 2, 46,
        u"server.proxy.addHeaders[0].name"_s, uR"("name" 1: expected a string)"_s);
    addRow("proxy: header value a number",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X-A", "value": 1}]})"}), 2, 62,
        u"server.proxy.addHeaders[0].value"_s, uR"("value" 1: expected a string)"_s);
    addRow("proxy: header value with a line break",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X-A", )"
                           R"("value": "a\r\nB: c"}]})"}),
        2, 62, u"server.proxy.addHeaders[0].value"_s,
        u"a header value cannot contain a line break or NUL"_s);
    addRow("proxy: header value with a bare LF",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X-A", "value": "a\nb"}]})"}), 2,
        62, u"server.proxy.addHeaders[0].value"_s,
        u"a header value cannot contain a line break or NUL"_s);
    addRow("proxy: header on misspelt",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X-A", "value": "1", )"
                           R"("on": "preflights"}]})"}),
        2, 73, u"server.proxy.addHeaders[0].on"_s,
        uR"("on" "preflights": expected "all", "preflight" or "other" — did you mean )"
        uR"("preflight"?)"_s);
    addRow("proxy: header on capitalised",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X-A", "value": "1", )"
                           R"("on": "All"}]})"}),
        2, 73, u"server.proxy.addHeaders[0].on"_s,
        uR"("on" "All": expected "all", "preflight" or "other" — did you mean "all"?)"_s);
    addRow("proxy: header on the method name",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X-A", "value": "1", )"
                           R"("on": "options"}]})"}),
        2, 73, u"server.proxy.addHeaders[0].on"_s,
        uR"("on" "options": expected "all", "preflight" or "other")"_s);
    addRow("proxy: header on a boolean",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X-A", "value": "1", )"
                           R"("on": true}]})"}),
        2, 73, u"server.proxy.addHeaders[0].on"_s,
        uR"("on" true: expected "all", "preflight" or "other")"_s);
    addRow("proxy: redirect a string",
        profile({.server = R"("proxy": {"redirect": "https://a.test"})"}), 2, 34,
        u"server.proxy.redirect"_s,
        uR"("redirect" "https://a.test" (a string): expected an object)"_s);
    addRow("proxy: redirect status below 300",
        profile({.server = R"("proxy": {"redirect": {"status": 200, )"
                           R"("location": "https://a.test"}})"}),
        2, 45, u"server.proxy.redirect.status"_s,
        uR"("status" 200: expected a redirect status from 300 to 399)"_s);
    addRow("proxy: redirect status above 399",
        profile({.server = R"("proxy": {"redirect": {"status": 400, )"
                           R"("location": "https://a.test"}})"}),
        2, 45, u"server.proxy.redirect.status"_s,
        uR"("status" 400: expected a redirect status from 300 to 399)"_s);
    addRow("proxy: redirect status fractional",
        profile({.server = R"("proxy": {"redirect": {"status": 301.5, "location": "/a"}})"}), 2, 45,
        u"server.proxy.redirect.status"_s,
        uR"("status" 301.5: expected a redirect status from 300 to 399)"_s);
    addRow("proxy: redirect status a string",
        profile({.server = R"("proxy": {"redirect": {"status": "301", "location": "/a"}})"}), 2, 45,
        u"server.proxy.redirect.status"_s,
        uR"("status" "301" (a string): expected a redirect status from 300 to 399)"_s);
    addRow("proxy: redirect without location",
        profile({.server = R"("proxy": {"redirect": {"status": 302}})"}), 2, 34,
        u"server.proxy.redirect"_s, uR"(a redirect needs a "location")"_s);
    addRow("proxy: redirect empty", profile({.server = R"("proxy": {"redirect": {}})"}), 2, 34,
        u"server.proxy.redirect"_s, uR"(a redirect needs a "location")"_s);
    addRow("proxy: redirect location empty",
        profile({.server = R"("proxy": {"redirect": {"location": ""}})"}), 2, 47,
        u"server.proxy.redirect.location"_s, uR"("location" is empty)"_s);
    addRow("proxy: redirect location a number",
        profile({.server = R"("proxy": {"redirect": {"location": 1}})"}), 2, 47,
        u"server.proxy.redirect.location"_s, uR"("location" 1: expected a string)"_s);
    addRow("proxy: redirect on misspelt",
        profile({.server = R"("proxy": {"redirect": {"location": "https://a.test", )"
                           R"("on": "preflite"}})"}),
        2, 71, u"server.proxy.redirect.on"_s,
        uR"("on" "preflite": expected "all", "preflight" or "other" — did you mean )"
        uR"("preflight"?)"_s);
    addRow("proxy: instances 0", profile({.server = R"("proxy": {"instances": 0})"}), 2, 35,
        u"server.proxy.instances"_s,
        uR"("instances" 0: expected a number of server instances from 1 to 8)"_s);
    addRow("proxy: instances 9", profile({.server = R"("proxy": {"instances": 9})"}), 2, 35,
        u"server.proxy.instances"_s,
        uR"("instances" 9: expected a number of server instances from 1 to 8)"_s);
    addRow("proxy: instances fractional", profile({.server = R"("proxy": {"instances": 2.5})"}), 2,
        35, u"server.proxy.instances"_s,
        uR"("instances" 2.5: expected a number of server instances from 1 to 8)"_s);
    addRow("proxy: instances a string", profile({.server = R"("proxy": {"instances": "2"})"}), 2,
        35, u"server.proxy.instances"_s,
        uR"("instances" "2" (a string): expected a number of server instances from 1 to 8)"_s);
    addRow("proxy: sticky misspelt", profile({.server = R"("proxy": {"sticky": "cookies"})"}), 2,
        32, u"server.proxy.sticky"_s,
        uR"("sticky" "cookies": expected "none" or "cookie" — did you mean "cookie"?)"_s);
    addRow("proxy: sticky ip", profile({.server = R"("proxy": {"sticky": "ip"})"}), 2, 32,
        u"server.proxy.sticky"_s, uR"("sticky" "ip": expected "none" or "cookie")"_s);
    addRow("proxy: sticky a boolean", profile({.server = R"("proxy": {"sticky": true})"}), 2, 32,
        u"server.proxy.sticky"_s, uR"("sticky" true: expected "none" or "cookie")"_s);
    addRow("proxy: stripUpgrade a string",
        profile({.server = R"("proxy": {"stripUpgrade": "yes"})"}), 2, 38,
        u"server.proxy.stripUpgrade"_s,
        uR"("stripUpgrade" "yes" (a string): expected true or false)"_s);
    addRow("proxy: stripUpgrade a number", profile({.server = R"("proxy": {"stripUpgrade": 1})"}),
        2, 38, u"server.proxy.stripUpgrade"_s, uR"("stripUpgrade" 1: expected true or false)"_s);
    addRow("proxy: duplicate key",
        profile({.server = R"("proxy": {"instances": 2, "instances": 3})"}), 2, 38,
        u"server.proxy.instances"_s,
        uR"(duplicate key "instances" (first at line 2, column 22); JSON readers would silently )"
        uR"(keep only one)"_s);

    // client
    addRow("client: pageOrigin missing", profile({.pageOrigin = {}}), 3, 11, u"client"_s,
        uR"("pageOrigin" is missing: the origin the page runs on, such as )"
        uR"("http://localhost:3000")"_s);
    addRow("client: pageOrigin empty", profile({.pageOrigin = R"("pageOrigin": "")"}), 3, 26,
        u"client.pageOrigin"_s, uR"("pageOrigin" is empty)"_s);
    addRow("client: pageOrigin a number", profile({.pageOrigin = R"("pageOrigin": 3000)"}), 3, 26,
        u"client.pageOrigin"_s, uR"("pageOrigin" 3000: expected a string)"_s);
    addRow("client: pageOrigin without scheme",
        profile({.pageOrigin = R"("pageOrigin": "localhost:3000")"}), 3, 26, u"client.pageOrigin"_s,
        uR"("pageOrigin" "localhost:3000" has no scheme; browsers send "http://..." or )"
        uR"("https://..." — did you mean "http://localhost:3000"?)"_s);
    addRow("client: pageOrigin with trailing slash",
        profile({.pageOrigin = R"("pageOrigin": "http://localhost:3000/")"}), 3, 26,
        u"client.pageOrigin"_s,
        uR"("pageOrigin" "http://localhost:3000/" ends with "/"; the Origin header never does )"
        uR"(— did you mean "http://localhost:3000"?)"_s);
    addRow("client: pageOrigin with a path",
        profile({.pageOrigin = R"("pageOrigin": "http://localhost:3000/app.html")"}), 3, 26,
        u"client.pageOrigin"_s,
        uR"("pageOrigin" "http://localhost:3000/app.html" has a path; an Origin is only )"
        uR"(scheme://host[:port] — did you mean "http://localhost:3000"?)"_s);
    addRow("client: pageOrigin with the default port",
        profile({.pageOrigin = R"("pageOrigin": "https://example.com:443")"}), 3, 26,
        u"client.pageOrigin"_s,
        uR"("pageOrigin" "https://example.com:443" names the default port 443, which browsers )"
        uR"(leave out — did you mean "https://example.com"?)"_s);
    addRow("client: pageOrigin upper case",
        profile({.pageOrigin = R"("pageOrigin": "http://LocalHost:3000")"}), 3, 26,
        u"client.pageOrigin"_s,
        uR"("pageOrigin" "http://LocalHost:3000" has upper-case letters; browsers send the )"
        uR"(scheme and host in lower case — did you mean "http://localhost:3000"?)"_s);
    addRow("client: pageOrigin file URL",
        profile({.pageOrigin = R"("pageOrigin": "file:///home/me/index.html")"}), 3, 26,
        u"client.pageOrigin"_s,
        uR"("pageOrigin" "file:///home/me/index.html": a page origin is http:// or https://; a )"
        uR"(page opened from a file or a sandbox has the origin "null")"_s);
    addRow("client: pageOrigin ws scheme",
        profile({.pageOrigin = R"("pageOrigin": "ws://localhost:3000")"}), 3, 26,
        u"client.pageOrigin"_s,
        uR"("pageOrigin" "ws://localhost:3000": a page origin is http:// or https://; a page )"
        uR"(opened from a file or a sandbox has the origin "null")"_s);
    addRow("client: pageOrigin wildcard", profile({.pageOrigin = R"("pageOrigin": "*")"}), 3, 26,
        u"client.pageOrigin"_s,
        uR"("pageOrigin" "*" has no scheme; browsers send "http://..." or "https://...")"_s);
    addRow("client: url not a URL", profile({.client = R"("url": "localhost:3000")"}), 3, 19,
        u"client.url"_s,
        uR"("url" "localhost:3000": expected "embedded" or an http, https, ws or wss URL such )"
        uR"(as "https://api.example.com")"_s);
    addRow("client: url ftp", profile({.client = R"("url": "ftp://example.com")"}), 3, 19,
        u"client.url"_s,
        uR"("url" "ftp://example.com": expected "embedded" or an http, https, ws or wss URL )"
        uR"(such as "https://api.example.com")"_s);
    addRow("client: url empty", profile({.client = R"("url": "")"}), 3, 19, u"client.url"_s,
        uR"("url" is empty)"_s);
    addRow("client: url a number", profile({.client = R"("url": 3000)"}), 3, 19, u"client.url"_s,
        uR"("url" 3000: expected a string)"_s);
    addRow("client: namespace without slash", profile({.client = R"("namespace": "admin")"}), 3, 25,
        u"client.namespace"_s,
        uR"("namespace" "admin": expected a path starting with "/" — did you mean "/admin"?)"_s);
    addRow("client: browser capitalised", profile({.client = R"("browser": "Firefox")"}), 3, 23,
        u"client.browser"_s,
        uR"("browser" "Firefox": expected "chromium", "firefox" or "node" — did you mean )"
        uR"("firefox"?)"_s);
    addRow("client: browser chrome", profile({.client = R"("browser": "chrome")"}), 3, 23,
        u"client.browser"_s,
        uR"("browser" "chrome": expected "chromium", "firefox" or "node" — did you mean "chromium"?)"_s);
    addRow("client: browser a boolean", profile({.client = R"("browser": true)"}), 3, 23,
        u"client.browser"_s, uR"("browser" true: expected "chromium", "firefox" or "node")"_s);
    addRow("client: duplicate key", profile({.client = R"("url": "embedded", "url": "embedded")"}),
        3, 31, u"client.url"_s,
        uR"(duplicate key "url" (first at line 3, column 12); JSON readers would silently keep )"
        uR"(only one)"_s);

    // client.options
    addRow("options: a string", profile({.client = R"("options": "polling")"}), 3, 23,
        u"client.options"_s, uR"("options" "polling" (a string): expected an object)"_s);
    addRow("options: path without slash",
        profile({.client = R"("options": {"path": "socket.io"})"}), 3, 32, u"client.options.path"_s,
        uR"("path" "socket.io": expected a path starting with "/" — did you mean "/socket.io"?)"_s);
    addRow("options: query an array", profile({.client = R"("options": {"query": []})"}), 3, 33,
        u"client.options.query"_s, uR"("query" an array: expected an object of strings)"_s);
    addRow("options: query value a number",
        profile({.client = R"("options": {"query": {"token": 1}})"}), 3, 43,
        u"client.options.query.token"_s,
        uR"("token" 1: expected a string (query values are sent as text))"_s);
    addRow("options: query duplicate key",
        profile({.client = R"("options": {"query": {"a": "1", "a": "2"}})"}), 3, 44,
        u"client.options.query.a"_s, uR"(duplicate key "a")"_s);
    addRow("options: auth a string", profile({.client = R"("options": {"auth": "secret"})"}), 3, 32,
        u"client.options.auth"_s,
        uR"("auth" "secret" (a string): expected an object (sent in the CONNECT packet))"_s);
    addRow("options: withCredentials a string",
        profile({.client = R"("options": {"withCredentials": "true"})"}), 3, 43,
        u"client.options.withCredentials"_s,
        uR"("withCredentials" "true" (a string): expected true or false)"_s);
    addRow("options: extraHeaders an array",
        profile({.client = R"("options": {"extraHeaders": ["X-A: 1"]})"}), 3, 40,
        u"client.options.extraHeaders"_s,
        uR"("extraHeaders" an array: expected an object of strings)"_s);
    addRow("options: header name with a space",
        profile({.client = R"("options": {"extraHeaders": {"X Token": "1"}})"}), 3, 41,
        u"client.options.extraHeaders.X Token"_s,
        uR"("X Token" is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only))"_s);
    addRow("options: header name with a colon",
        profile({.client = R"("options": {"extraHeaders": {"X-Token:": "1"}})"}), 3, 41,
        u"client.options.extraHeaders.X-Token:"_s,
        uR"("X-Token:" is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only))"_s);
    addRow("options: header name empty",
        profile({.client = R"("options": {"extraHeaders": {"": "1"}})"}), 3, 41,
        u"client.options.extraHeaders."_s,
        uR"("" is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only))"_s);
    addRow("options: header value a number",
        profile({.client = R"("options": {"extraHeaders": {"X-Token": 1}})"}), 3, 52,
        u"client.options.extraHeaders.X-Token"_s,
        uR"("X-Token" 1: expected a string (header values are text))"_s);
    addRow("options: header value with a line break",
        profile({.client = R"("options": {"extraHeaders": {"X-Token": "a\r\nB: c"}})"}), 3, 52,
        u"client.options.extraHeaders.X-Token"_s,
        uR"(the value of "X-Token" contains a line break or NUL, which no HTTP header may)"_s);
    addRow("options: header duplicate key",
        profile({.client = R"("options": {"extraHeaders": {"X-A": "1", "X-A": "2"}})"}), 3, 53,
        u"client.options.extraHeaders.X-A"_s, uR"(duplicate key "X-A")"_s);
    addRow("options: transports typo",
        profile({.client = R"("options": {"transports": ["polling", "websockets"]})"}), 3, 50,
        u"client.options.transports[1]"_s,
        uR"("transports" entry "websockets": expected "polling", "websocket" or "webtransport" )"
        uR"(— did you mean "websocket"?)"_s);
    addRow("options: transports long-polling",
        profile({.client = R"("options": {"transports": ["long-polling"]})"}), 3, 39,
        u"client.options.transports[0]"_s,
        uR"("transports" entry "long-polling": expected "polling", "websocket" or )"
        uR"("webtransport" — did you mean "polling"?)"_s);
    addRow("options: transports a string",
        profile({.client = R"("options": {"transports": "polling"})"}), 3, 38,
        u"client.options.transports"_s,
        uR"("transports" "polling" (a string): expected an array such as ["polling", )"
        uR"("websocket"])"_s);
    addRow("options: upgrade a string", profile({.client = R"("options": {"upgrade": "no"})"}), 3,
        35, u"client.options.upgrade"_s, uR"("upgrade" "no" (a string): expected true or false)"_s);
    addRow("options: rememberUpgrade a number",
        profile({.client = R"("options": {"rememberUpgrade": 0})"}), 3, 43,
        u"client.options.rememberUpgrade"_s, uR"("rememberUpgrade" 0: expected true or false)"_s);
    addRow("options: timeout negative", profile({.client = R"("options": {"timeout": -5})"}), 3, 35,
        u"client.options.timeout"_s,
        uR"("timeout" -5: expected a whole number of milliseconds from 0 to 2147483647)"_s);
    addRow("options: forceBase64 null", profile({.client = R"("options": {"forceBase64": null})"}),
        3, 39, u"client.options.forceBase64"_s, uR"("forceBase64" null: expected true or false)"_s);

    // client.emit
    addRow("emit: an object", profile({.client = R"("emit": {"event": "hello"})"}), 3, 20,
        u"client.emit"_s, uR"("emit" an object: expected an array of {"event": "..."} objects)"_s);
    addRow("emit: entry a string", profile({.client = R"("emit": ["hello"])"}), 3, 21,
        u"client.emit[0]"_s, uR"("emit" entry "hello" (a string): expected an object)"_s);
    addRow("emit: event missing", profile({.client = R"("emit": [{"args": [1]}])"}), 3, 21,
        u"client.emit[0]"_s, uR"(an emit step needs an "event" name)"_s);
    addRow("emit: event empty", profile({.client = R"("emit": [{"event": ""}])"}), 3, 31,
        u"client.emit[0].event"_s, uR"("event" is empty)"_s);
    addRow("emit: event a number", profile({.client = R"("emit": [{"event": 1}])"}), 3, 31,
        u"client.emit[0].event"_s, uR"("event" 1: expected a string)"_s);
    addRow("emit: reserved connect", profile({.client = R"("emit": [{"event": "connect"}])"}), 3,
        31, u"client.emit[0].event"_s,
        uR"("connect" is a reserved event name: socket.io-client throws instead of sending it)"_s);
    addRow("emit: reserved disconnecting",
        profile({.client = R"("emit": [{"event": "disconnecting"}])"}), 3, 31,
        u"client.emit[0].event"_s,
        uR"("disconnecting" is a reserved event name: socket.io-client throws instead of )"
        uR"(sending it)"_s);
    addRow("emit: reserved newListener",
        profile({.client = R"("emit": [{"event": "newListener"}])"}), 3, 31,
        u"client.emit[0].event"_s,
        uR"("newListener" is a reserved event name: socket.io-client throws instead of sending )"
        uR"(it)"_s);
    addRow("emit: args an object",
        profile({.client = R"("emit": [{"event": "hello", "args": {"a": 1}}])"}), 3, 48,
        u"client.emit[0].args"_s, uR"("args" an object: expected an array of arguments)"_s);
    addRow("emit: ack a string",
        profile({.client = R"("emit": [{"event": "hello", "ack": "yes"}])"}), 3, 47,
        u"client.emit[0].ack"_s, uR"("ack" "yes" (a string): expected true or false)"_s);

    // expect
    addRow("expect: verdict missing", profile({.expect = R"("reason": "x")"}), 4, 11, u"expect"_s,
        uR"("verdict" is missing: one of "connected", "blocked", "refused", "network-error" or )"
        uR"("timeout")"_s);
    addRow("expect: verdict typo", profile({.expect = R"("verdict": "conected")"}), 4, 23,
        u"expect.verdict"_s,
        uR"("verdict" "conected": expected "connected", "blocked", "refused", "network-error" )"
        uR"(or "timeout" — did you mean "connected"?)"_s);
    addRow("expect: verdict capitalised", profile({.expect = R"("verdict": "Blocked")"}), 4, 23,
        u"expect.verdict"_s,
        uR"("verdict" "Blocked": expected "connected", "blocked", "refused", "network-error" )"
        uR"(or "timeout" — did you mean "blocked"?)"_s);
    addRow("expect: verdict unknown", profile({.expect = R"("verdict": "ok")"}), 4, 23,
        u"expect.verdict"_s,
        uR"("verdict" "ok": expected "connected", "blocked", "refused", "network-error" or )"
        uR"("timeout")"_s);
    addRow("expect: verdict a boolean", profile({.expect = R"("verdict": true)"}), 4, 23,
        u"expect.verdict"_s,
        uR"("verdict" true: expected "connected", "blocked", "refused", "network-error" or )"
        uR"("timeout")"_s);
    addRow("expect: reason empty", profile({.expect = R"("verdict": "blocked", "reason": "")"}), 4,
        44, u"expect.reason"_s, uR"("reason" is empty)"_s);
    addRow("expect: reason a number", profile({.expect = R"("verdict": "refused", "reason": 403)"}),
        4, 44, u"expect.reason"_s, uR"("reason" 403: expected a string)"_s);
}

void TestProfileReader::badInput()
{
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, path);
    QFETCH(QString, message);

    const ProfileLoadResult result = ProfileReader::read(input);
    QVERIFY(!result.profile);
    QVERIFY(result.hasErrors());
    QVERIFY2(sortedByPosition(result.diagnostics), qPrintable(describe(result.diagnostics)));
    const auto first = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
        [](const Diagnostic &d) { return d.isError(); });
    QCOMPARE(first->message, message);
    QCOMPARE(first->path, path);
    QCOMPARE(first->position.line, line);
    QCOMPARE(first->position.column, column);
}

void TestProfileReader::warnings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    // cors.origin strings that no browser sends
    addRow("origin with trailing slash",
        profile({.server = R"("cors": {"origin": "http://localhost:3000/"})"}), 2, 31,
        u"server.cors.origin"_s,
        uR"("http://localhost:3000/" ends with "/"; the Origin header never does, so it never )"
        uR"(equals a browser's Origin — did you mean "http://localhost:3000"?)"_s);
    addRow("origin with a path",
        profile({.server = R"("cors": {"origin": "http://localhost:3000/app"})"}), 2, 31,
        u"server.cors.origin"_s,
        uR"("http://localhost:3000/app" has a path; an Origin is only scheme://host[:port], so )"
        uR"(it never equals a browser's Origin — did you mean "http://localhost:3000"?)"_s);
    addRow("origin without scheme", profile({.server = R"("cors": {"origin": "localhost:3000"})"}),
        2, 31, u"server.cors.origin"_s,
        uR"("localhost:3000" has no scheme; browsers send "http://..." or "https://...", so it )"
        uR"(never equals a browser's Origin — did you mean "http://localhost:3000"?)"_s);
    addRow("origin with upper-case host",
        profile({.server = R"("cors": {"origin": "http://LOCALHOST:3000"})"}), 2, 31,
        u"server.cors.origin"_s,
        uR"("http://LOCALHOST:3000" has upper-case letters; browsers send the scheme and host )"
        uR"(in lower case, so it never equals a browser's Origin — did you mean )"
        uR"("http://localhost:3000"?)"_s);
    addRow("origin with default http port",
        profile({.server = R"("cors": {"origin": "http://localhost:80"})"}), 2, 31,
        u"server.cors.origin"_s,
        uR"("http://localhost:80" names the default port 80, which browsers leave out, so it )"
        uR"(never equals a browser's Origin — did you mean "http://localhost"?)"_s);
    addRow("origin with default https port",
        profile({.server = R"("cors": {"origin": "https://example.com:443"})"}), 2, 31,
        u"server.cors.origin"_s,
        uR"("https://example.com:443" names the default port 443, which browsers leave out, so )"
        uR"(it never equals a browser's Origin — did you mean "https://example.com"?)"_s);
    addRow("origin comma list",
        profile({.server = R"("cors": {"origin": "http://a.test,http://b.test"})"}), 2, 31,
        u"server.cors.origin"_s,
        u"a comma-separated list is sent as one header value, which browsers reject; list the "
        u"origins in an array"_s);
    addRow("origin array with star", profile({.server = R"("cors": {"origin": ["*"]})"}), 2, 32,
        u"server.cors.origin[0]"_s,
        uR"("*" inside an array is a literal string: it matches no browser's Origin (write )"
        uR"("origin": "*" to allow every origin))"_s);
    addRow("origin array entry with trailing slash",
        profile({.server = R"("cors": {"origin": ["http://a.test", "http://b.test/"]})"}), 2, 49,
        u"server.cors.origin[1]"_s,
        uR"("http://b.test/" ends with "/"; the Origin header never does, so it never equals a )"
        uR"(browser's Origin — did you mean "http://b.test"?)"_s);
    addRow("star with credentials",
        profile({.server = R"("cors": {"origin": "*", "credentials": true})"}), 2, 51,
        u"server.cors.credentials"_s,
        uR"(credentials with origin "*": browsers refuse credentialed responses whose )"
        uR"(Access-Control-Allow-Origin is "*"; name the page origin instead)"_s);
    addRow("default star with credentials", profile({.server = R"("cors": {"credentials": true})"}),
        2, 36, u"server.cors.credentials"_s,
        uR"(credentials with origin "*": browsers refuse credentialed responses whose )"
        uR"(Access-Control-Allow-Origin is "*"; name the page origin instead)"_s);

    // regular expressions
    addRow("regex unanchored", profile({.server = R"("cors": {"origin": {"regex": "localhost"}})"}),
        2, 41, u"server.cors.origin.regex"_s,
        uR"(not anchored with ^ and $: it also matches origins that merely contain it, such as )"
        uR"("https://example.com.attacker.test")"_s);
    addRow("regex without end anchor",
        profile({.server = R"("cors": {"origin": {"regex": "^http://localhost"}})"}), 2, 41,
        u"server.cors.origin.regex"_s,
        uR"(not anchored with ^ and $: it also matches origins that merely contain it, such as )"
        uR"("https://example.com.attacker.test")"_s);
    addRow("regex g flag",
        profile({.server = R"("cors": {"origin": {"regex": "^a$", "flags": "gi"}})"}), 2, 57,
        u"server.cors.origin.flags"_s,
        u"the g flag makes RegExp.test() remember lastIndex: cors then allows and refuses the "
        u"same origin on alternate requests"_s);
    addRow("regex y flag",
        profile({.server = R"("cors": {"origin": {"regex": "^a$", "flags": "y"}})"}), 2, 57,
        u"server.cors.origin.flags"_s,
        u"the y flag makes RegExp.test() remember lastIndex: cors then allows and refuses the "
        u"same origin on alternate requests"_s);
    addRow("regex in an array unanchored",
        profile({.server = R"("cors": {"origin": [{"regex": "\\.test$"}]})"}), 2, 42,
        u"server.cors.origin[0].regex"_s,
        uR"(not anchored with ^ and $: it also matches origins that merely contain it, such as )"
        uR"("https://example.com.attacker.test")"_s);

    // unknown and outdated keys
    addRow("unknown top key with suggestion",
        profile({.head = R"("format": "corslab-profile", "version": 1, "name": "t", )"
                         R"("descripton": "x")"}),
        1, 58, u"descripton"_s,
        uR"(unknown key "descripton" is kept but has no effect — did you mean "description"?)"_s);
    addRow("unknown server key with suggestion", profile({.server = R"("pingIntervall": 1000)"}), 2,
        12, u"server.pingIntervall"_s,
        uR"(unknown key "pingIntervall" is kept but has no effect — did you mean )"
        uR"("pingInterval"?)"_s);
    addRow("unknown server key without suggestion", profile({.server = R"("color": "red")"}), 2, 12,
        u"server.color"_s, uR"(unknown key "color" is kept but has no effect)"_s);
    addRow("unknown cors key with suggestion",
        profile({.server = R"("cors": {"credential": true})"}), 2, 21, u"server.cors.credential"_s,
        uR"(unknown key "credential" is kept but has no effect — did you mean "credentials"?)"_s);
    addRow("unknown client key in other case", profile({.client = R"("PageOrigin": "x")"}), 3, 12,
        u"client.PageOrigin"_s,
        uR"(unknown key "PageOrigin" is kept but has no effect — did you mean "pageOrigin"?)"_s);
    addRow("unknown expect key", profile({.expect = R"("verdict": "connected", "why": "x")"}), 4,
        36, u"expect.why"_s, uR"(unknown key "why" is kept but has no effect)"_s);
    addRow("unknown emit key", profile({.client = R"("emit": [{"event": "a", "acks": true}])"}), 3,
        36, u"client.emit[0].acks"_s,
        uR"(unknown key "acks" is kept but has no effect — did you mean "ack"?)"_s);
    addRow("unknown regex key",
        profile({.server = R"("cors": {"origin": {"regex": "^a$", "flag": "i"}})"}), 2, 48,
        u"server.cors.origin.flag"_s,
        uR"(unknown key "flag" is kept but has no effect — did you mean "flags"?)"_s);
    addRow("v2 origins", profile({.server = R"("origins": ["http://localhost:3000"])"}), 2, 12,
        u"server.origins"_s,
        uR"("origins" was removed in Socket.IO 3 and does nothing; use "cors": {"origin": ...})"_s);
    addRow("v2 handlePreflightRequest",
        profile({.server = R"("handlePreflightRequest": {"function": "(req, res) => {}"})"}), 2, 12,
        u"server.handlePreflightRequest"_s,
        uR"("handlePreflightRequest" was removed in Socket.IO 3 and does nothing; use "cors": )"
        uR"({...})"_s);
    addRow("maxPayload", profile({.server = R"("maxPayload": 1000)"}), 2, 12,
        u"server.maxPayload"_s,
        uR"("maxPayload" is what the open packet calls it; the server option is )"
        uR"("maxHttpBufferSize")"_s);
    addRow("cors headers alias", profile({.server = R"("cors": {"headers": ["X-Token"]})"}), 2, 21,
        u"server.cors.headers"_s,
        uR"("headers" is the cors package's old alias of "allowedHeaders"; CorsLab reads only )"
        uR"("allowedHeaders", so this is kept but has no effect)"_s);
    addRow("client headers option",
        profile({.client = R"("options": {"headers": {"X-Token": "1"}})"}), 3, 24,
        u"client.options.headers"_s,
        uR"(socket.io-client has no "headers" option; custom headers go in "extraHeaders")"_s);
    addRow("client credentials option", profile({.client = R"("options": {"credentials": true})"}),
        3, 24, u"client.options.credentials"_s,
        uR"(socket.io-client has no "credentials" option; use "withCredentials": true)"_s);
    addRow("unknown proxy key with suggestion", profile({.server = R"("proxy": {"instance": 2})"}),
        2, 22, u"server.proxy.instance"_s,
        uR"(unknown key "instance" is kept but has no effect — did you mean "instances"?)"_s);
    addRow("unknown proxy key headers", profile({.server = R"("proxy": {"headers": []})"}), 2, 22,
        u"server.proxy.headers"_s,
        uR"(unknown key "headers" is kept but has no effect — did you mean "addHeaders"?)"_s);
    addRow("unknown proxy header key",
        profile({.server = R"("proxy": {"addHeaders": [{"name": "X-A", "value": "1", )"
                           R"("when": "all"}]})"}),
        2, 67, u"server.proxy.addHeaders[0].when"_s,
        uR"(unknown key "when" is kept but has no effect)"_s);
    addRow("unknown proxy redirect key",
        profile({.server = R"("proxy": {"redirect": {"location": "https://a.test", )"
                           R"("code": 302}})"}),
        2, 65, u"server.proxy.redirect.code"_s,
        uR"(unknown key "code" is kept but has no effect)"_s);

    // combinations that are valid but probably wrong
    addRow("server path differs from client", profile({.server = R"("path": "/ws")"}), 2, 20,
        u"server.path"_s,
        uR"(the client connects to path "/socket.io" but the server listens on "/ws": every )"
        uR"(request will miss the server)"_s);
    addRow("client path differs from server",
        profile({.client = R"("options": {"path": "/api/socket.io"})"}), 3, 32,
        u"client.options.path"_s,
        uR"(the client connects to path "/api/socket.io" but the server listens on )"
        uR"("/socket.io": every request will miss the server)"_s);
    addRow("forbidden extra header",
        profile({.client = R"("options": {"extraHeaders": {"Origin": "http://a.test"}})"}), 3, 41,
        u"client.options.extraHeaders.Origin"_s,
        uR"("Origin" is a forbidden request header: browsers drop it silently)"_s);
    addRow("forbidden sec- extra header",
        profile({.client = R"("options": {"extraHeaders": {"Sec-Fetch-Mode": "cors"}})"}), 3, 41,
        u"client.options.extraHeaders.Sec-Fetch-Mode"_s,
        uR"("Sec-Fetch-Mode" is a forbidden request header: browsers drop it silently)"_s);
    addRow("extra header twice",
        profile({.client = R"("options": {"extraHeaders": {"X-A": "1", "x-a": "2"}})"}), 3, 53,
        u"client.options.extraHeaders.x-a"_s,
        uR"("x-a" is set twice (header names ignore case); XHR sends both values joined with )"
        uR"(", ")"_s);
    addRow("host not loopback", profile({.server = R"("host": "0.0.0.0")"}), 2, 20,
        u"server.host"_s,
        uR"(the embedded server will listen on "0.0.0.0", reachable from other machines; the )"
        uR"(default 127.0.0.1 is not)"_s);
    addRow("url with a path", profile({.client = R"("url": "http://localhost:3000/admin")"}), 3, 19,
        u"client.url"_s,
        uR"(in io(url) the path part "/admin" names the namespace, not the HTTP path; put it )"
        uR"(in "namespace" (the HTTP path is "options.path"))"_s);
    addRow("transport listed twice", profile({.server = R"("transports": ["polling", "polling"])"}),
        2, 38, u"server.transports[1]"_s, uR"("polling" is listed twice)"_s);
    addRow("sameSite none without secure", profile({.server = R"("cookie": {"sameSite": "none"})"}),
        2, 35, u"server.cookie.sameSite"_s,
        uR"(browsers drop a SameSite=None cookie that is not also "secure": true)"_s);
    addRow("reason with verdict connected",
        profile({.expect = R"("verdict": "connected", "reason": "x")"}), 4, 46, u"expect.reason"_s,
        uR"(a reason only means something for a verdict other than "connected")"_s);
    addRow("function that is not a function expression",
        profile({.server = R"("allowRequest": {"function": "return true"})"}), 2, 41,
        u"server.allowRequest.function"_s,
        uR"(does not look like a function expression; write it as "(req, callback) => ..." or )"
        uR"("function (req, callback) { ... }")"_s);
    addRow("sticky cookie without the engine.io cookie",
        profile({.server = R"("proxy": {"instances": 2, "sticky": "cookie"})"}), 2, 48,
        u"server.proxy.sticky"_s,
        uR"(cookie stickiness needs the engine.io cookie: set "cookie": true, or every request )"
        uR"(is balanced anew)"_s);
    addRow("sticky cookie with cookie false",
        profile({.server = R"("cookie": false, "proxy": {"instances": 2, "sticky": "cookie"})"}), 2,
        65, u"server.proxy.sticky"_s,
        uR"(cookie stickiness needs the engine.io cookie: set "cookie": true, or every request )"
        uR"(is balanced anew)"_s);
}

void TestProfileReader::warnings()
{
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, path);
    QFETCH(QString, message);

    const ProfileLoadResult result = ProfileReader::read(input);
    QVERIFY2(result.profile, qPrintable(describe(result.diagnostics)));
    QVERIFY(!result.hasErrors());
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &warning = result.diagnostics.first();
    QCOMPARE(warning.severity, Diagnostic::Severity::Warning);
    QCOMPARE(warning.message, message);
    QCOMPARE(warning.path, path);
    QCOMPARE(warning.position.line, line);
    QCOMPARE(warning.position.column, column);
}

// Besides "turns CORS off", the empty string also gets the "has no scheme" origin warning.
void TestProfileReader::emptyOriginWarnsThatCorsIsOff()
{
    const ProfileLoadResult result
        = ProfileReader::read(profile({.server = R"("cors": {"origin": ""})"}));
    QVERIFY(result.profile);
    QVERIFY(!result.hasErrors());
    QVERIFY(!result.diagnostics.isEmpty());
    const Diagnostic &first = result.diagnostics.first();
    QCOMPARE(first.path, u"server.cors.origin"_s);
    QCOMPARE(first.position, (SourcePosition {2, 31}));
    QCOMPARE(first.message,
        u"an empty origin turns CORS off: the cors package then sends no headers at all "
        u"(write false to say so)"_s);
}

// Browsers serialise an IPv6 origin with brackets ("http://[::1]:3000"), as Qt's
// QUrl::host() does not, so the page origin check compares against "http://::1:3000".
void TestProfileReader::ipv6PageOriginIsAccepted()
{
    const ProfileLoadResult result
        = ProfileReader::read(profile({.pageOrigin = R"("pageOrigin": "http://[::1]:3000")"}));
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(describe(result.diagnostics)));
    QVERIFY(result.profile);
}

void TestProfileReader::unknownKeysAreKept_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("object"); // keys and array indices leading to the object
    QTest::addColumn<QString>("key"); // the unknown key
    QTest::addColumn<QByteArray>("value"); // and its value

    QTest::newRow("top level") << profile(
        {.head = R"("x-note": {"b": [1, "2"]}, "format": "corslab-profile", )"
                 R"("version": 1, "name": "t")"})
                               << QStringList() << u"x-note"_s << QByteArray(R"({"b": [1, "2"]})");
    QTest::newRow("server") << profile({.server = R"("x-note": true, "port": 8080)"})
                            << QStringList {u"server"_s} << u"x-note"_s << QByteArray("true");
    QTest::newRow("server, removed option")
        << profile({.server = R"("origins": ["http://a.test"], "port": 8080)"})
        << QStringList {u"server"_s} << u"origins"_s << QByteArray(R"(["http://a.test"])");
    QTest::newRow("cors") << profile(
        {.server = R"("cors": {"x-note": null, "origin": "http://a.test"})"})
                          << QStringList {u"server"_s, u"cors"_s} << u"x-note"_s
                          << QByteArray("null");
    QTest::newRow("cookie") << profile({.server = R"("cookie": {"x-note": 1, "name": "io"})"})
                            << QStringList {u"server"_s, u"cookie"_s} << u"x-note"_s
                            << QByteArray("1");
    QTest::newRow("function object") << profile(
        {.server = R"x("allowRequest": {"x-note": 2, "function": "(req, cb) => cb(null, true)"})x"})
                                     << QStringList {u"server"_s, u"allowRequest"_s} << u"x-note"_s
                                     << QByteArray("2");
    QTest::newRow("regex object") << profile(
        {.server = R"("cors": {"origin": {"x-note": "n", "regex": "^a$"}})"})
                                  << QStringList {u"server"_s, u"cors"_s, u"origin"_s}
                                  << u"x-note"_s << QByteArray(R"("n")");
    QTest::newRow("namespace entry")
        << profile({.server = R"("namespaces": [{"x-note": [], "name": "/a"}])"})
        << QStringList {u"server"_s, u"namespaces"_s, u"0"_s} << u"x-note"_s << QByteArray("[]");
    QTest::newRow("proxy") << profile({.server = R"("proxy": {"x-note": 6, "instances": 2})"})
                           << QStringList {u"server"_s, u"proxy"_s} << u"x-note"_s
                           << QByteArray("6");
    QTest::newRow("proxy header entry")
        << profile({.server = R"("proxy": {"addHeaders": [{"x-note": 7, "name": "X-A", )"
                              R"("value": "1"}]})"})
        << QStringList {u"server"_s, u"proxy"_s, u"addHeaders"_s, u"0"_s} << u"x-note"_s
        << QByteArray("7");
    QTest::newRow("proxy redirect")
        << profile({.server = R"("proxy": {"redirect": {"x-note": [8], "location": "/a"}})"})
        << QStringList {u"server"_s, u"proxy"_s, u"redirect"_s} << u"x-note"_s << QByteArray("[8]");
    QTest::newRow("client") << profile({.client = R"("x-note": {}, "browser": "firefox")"})
                            << QStringList {u"client"_s} << u"x-note"_s << QByteArray("{}");
    QTest::newRow("client options")
        << profile({.client = R"("options": {"x-note": 3, "withCredentials": true})"})
        << QStringList {u"client"_s, u"options"_s} << u"x-note"_s << QByteArray("3");
    QTest::newRow("emit entry") << profile(
        {.client = R"("emit": [{"x-note": 4, "event": "hello", "ack": true}])"})
                                << QStringList {u"client"_s, u"emit"_s, u"0"_s} << u"x-note"_s
                                << QByteArray("4");
    QTest::newRow("expect") << profile({.expect = R"("x-note": 5, "verdict": "blocked")"})
                            << QStringList {u"expect"_s} << u"x-note"_s << QByteArray("5");
}

// Unknown keys survive a load and save, after the known keys of their object.
void TestProfileReader::unknownKeysAreKept()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, object);
    QFETCH(QString, key);
    QFETCH(QByteArray, value);

    const ProfileLoadResult result = ProfileReader::read(input);
    QVERIFY2(result.profile, qPrintable(describe(result.diagnostics)));
    const JsonNode written = ProfileWriter::toJsonNode(*result.profile);
    const JsonNode *node = &written;
    for (const QString &step : object) {
        bool isIndex = false;
        const int index = step.toInt(&isIndex);
        node = isIndex ? &node->items().at(std::size_t(index)) : node->find(step);
        QVERIFY2(node, qPrintable(step));
    }
    QVERIFY(node->isObject());
    QVERIFY(node->members().size() >= 2);
    const JsonNode::Member &last = node->members().back();
    QCOMPARE(last.key, key);
    const JsonParseResult expected = JsonParser::parse(value);
    QVERIFY(expected.root);
    QVERIFY(last.value == *expected.root);
}

// Diagnostics are found section by section, then reported in file order.
void TestProfileReader::diagnosticsAreSortedByPosition()
{
    // Found first: the unknown top-level key on line 5; found last: the path mismatch on line 2.
    const QByteArray input = profile({.server = R"("path": "/ws", "port": -1)",
                                         .client = R"("browser": "edge")",
                                         .expect = R"("verdict": "connected", "reason": "x")"})
                                 .replace("\n}\n", ",\n\"x-note\": 1}\n");
    const ProfileLoadResult result = ProfileReader::read(input);
    QVERIFY(!result.profile);
    QStringList actual;
    for (const Diagnostic &d : result.diagnostics)
        actual << d.toString(u"t"_s);
    const QStringList expected = {
        uR"(t:2:20: warning: server.path: the client connects to path "/socket.io" but the )"
        uR"(server listens on "/ws": every request will miss the server)"_s,
        uR"(t:2:35: error: server.port: "port" -1: expected a port from 0 to 65535 (0 picks a )"
        uR"(free port))"_s,
        uR"(t:3:23: error: client.browser: "browser" "edge": expected "chromium", "firefox" or )"
        uR"("node")"_s,
        uR"(t:4:46: warning: expect.reason: a reason only means something for a verdict other )"
        uR"(than "connected")"_s,
        uR"(t:5:1: warning: x-note: unknown key "x-note" is kept but has no effect)"_s,
    };
    QCOMPARE(actual, expected);
}

void TestProfileReader::examplesHaveSortedDiagnostics()
{
    const QList<ExampleProfile> examples = ProfileFile::examples();
    QVERIFY(!examples.isEmpty());
    for (const ExampleProfile &example : examples) {
        const ProfileFileResult loaded = ProfileFile::load(example.resourcePath);
        QVERIFY2(sortedByPosition(loaded.load.diagnostics), qPrintable(example.fileName));
    }
}

// The size is checked before the parser sees a byte: this content is not even JSON.
void TestProfileReader::oversizedFileIsRefusedWithoutParsing()
{
    const QByteArray input(ProfileReader::MaxFileSize + 1, 'x');
    const ProfileLoadResult result = ProfileReader::read(input);
    QVERIFY(!result.profile);
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &d = result.diagnostics.first();
    QVERIFY(d.isError());
    QCOMPARE(d.position, SourcePosition());
    QCOMPARE(d.path, QString());
    QCOMPARE(d.message, u"the file is 4194305 bytes; a profile is at most 4194304 bytes"_s);
}

void TestProfileReader::fileOfExactlyMaxSizeIsRead()
{
    QByteArray input = profile({});
    input += QByteArray(ProfileReader::MaxFileSize - input.size(), ' ');
    QCOMPARE(input.size(), ProfileReader::MaxFileSize);
    const ProfileLoadResult result = ProfileReader::read(input);
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(describe(result.diagnostics)));
    QVERIFY(result.profile);
}

void TestProfileReader::oversizedFileOnDiskIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"big.corslab.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(ProfileReader::MaxFileSize + 1));
    file.close();
    const ProfileFileResult result = ProfileFile::load(path);
    QVERIFY(!result.load.profile);
    QVERIFY(result.bytes.isEmpty());
    QCOMPARE(result.load.diagnostics.size(), 1);
    QCOMPARE(result.load.diagnostics.first().message,
        u"the file is 4194305 bytes; a profile is at most 4194304 bytes"_s);
}

QTEST_GUILESS_MAIN(TestProfileReader)
#include "tst_profilereader.moc"
