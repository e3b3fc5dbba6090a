// Socket.IO v5 packets: encoder, stateful decoder with binary attachments, and the JSON.parse /
// JSON.stringify equivalents. Expected values come from running socket.io-parser 4.2.7 (Encoder,
// Decoder with its default maxAttachments) and Node 20's JSON on the same input.
#include "socketio/socketiopacket.h"

#include "engineio/engineiopacket.h"

#include "codectestutil.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace corslab;
using namespace corslab::codectest;
using Type = SocketIoPacket::Type;
using Kind = SocketIoDecodeError::Kind;

namespace {

// The payload as JavaScript sees it after reconstructPacket, with each buffer written back as
// its placeholder; *undefined when the node itself is undefined (a placeholder whose num is
// not a whole number).
JsonNode resolved(const JsonNode &node, bool binary, bool *undefined)
{
    *undefined = false;
    if (binary && SocketIoPacket::isPlaceholder(node)) {
        const std::optional<qsizetype> index = SocketIoPacket::attachmentIndex(node);
        if (!index) {
            *undefined = true;
            return {};
        }
        return SocketIoPacket::placeholder(int(*index));
    }
    bool skip = false;
    if (node.isArray()) {
        JsonNode array = JsonNode::makeArray();
        for (const JsonNode &item : node.items()) {
            JsonNode r = resolved(item, binary, &skip);
            array.append(skip ? JsonNode() : r); // JSON.stringify writes undefined items as null
        }
        return array;
    }
    if (node.isObject()) {
        JsonNode object = JsonNode::makeObject();
        for (const JsonNode::Member &m : node.members()) {
            JsonNode r = resolved(m.value, binary, &skip);
            if (!skip)
                object.insert(m.key, r);
        }
        return object;
    }
    return node;
}

// "EVENT /admin id=12 [...] +0102,03", "awaiting" or "error: <message>"
QString describe(const SocketIoDecodeResult &r)
{
    if (r.status == SocketIoDecodeResult::Status::Failed)
        return QStringLiteral("error: ") + r.error->message;
    if (r.status == SocketIoDecodeResult::Status::AwaitingAttachments)
        return QStringLiteral("awaiting");
    const SocketIoPacket &p = *r.packet;
    QString s = SocketIoPacket::typeName(p.type()) + QLatin1Char(' ') + p.nsp();
    if (p.id())
        s += QStringLiteral(" id=") + js::numberToString(*p.id());
    if (p.data()) {
        bool undefined = false;
        s += QLatin1Char(' ')
            + JavaScriptJson::stringify(resolved(*p.data(), !p.attachments().empty(), &undefined));
    }
    if (!p.attachments().empty()) {
        QStringList hex;
        for (const QByteArray &a : p.attachments())
            hex.append(QString::fromLatin1(a.toHex()));
        s += QStringLiteral(" +") + hex.join(QLatin1Char(','));
    }
    return s;
}

// Test data written as JSON text, read by the profile's parser (which keeps member order and
// repeated keys as written, as a profile would hand them over).
JsonNode jsonFromProfileText(const QString &text)
{
    const JsonParseResult r = JsonParser::parse(text.toUtf8());
    if (!r.root)
        qFatal("bad test JSON: %s", qPrintable(text));
    return *r.root;
}

} // namespace

Q_DECLARE_METATYPE(SocketIoPacket::Type)
Q_DECLARE_METATYPE(std::optional<double>)
Q_DECLARE_METATYPE(SocketIoDecodeError::Kind)

class TestSocketIoPacket : public QObject {
    Q_OBJECT

private slots:
    void encode_data();
    void encode();
    void decodeText_data();
    void decodeText();
    void decodeSequence_data();
    void decodeSequence();
    void decodedPacketsEncodeBack_data();
    void decodedPacketsEncodeBack();
    void errorsNameKindAndPlace_data();
    void errorsNameKindAndPlace();
    void maxAttachmentsIsAnOption();
    void awaitingCarriesTheHeader();
    void resetAbandonsReconstruction();
    void placeholders();
    void json_data();
    void json();
    void jsonDepthIsBounded();
    void stringifyFollowsJavaScriptObjectOrder();
};

void TestSocketIoPacket::encode_data()
{
    QTest::addColumn<Type>("type");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<std::optional<double>>("id");
    QTest::addColumn<QString>("data"); // JSON text; null QString = no payload
    QTest::addColumn<QStringList>("attachments"); // hex
    QTest::addColumn<QString>("expected");

    QTest::newRow("connect") << Type::Connect << QStringLiteral("/") << std::optional<double>()
                             << QString() << QStringList {} << QStringLiteral("0");
    QTest::newRow("connect with auth")
        << Type::Connect << QStringLiteral("/") << std::optional<double>()
        << str(R"({"token":"abc"})") << QStringList {} << str(R"(0{"token":"abc"})");
    QTest::newRow("connect namespace")
        << Type::Connect << QStringLiteral("/admin") << std::optional<double>() << QString()
        << QStringList {} << QStringLiteral("0/admin,");
    QTest::newRow("connect namespace with sid")
        << Type::Connect << QStringLiteral("/admin") << std::optional<double>()
        << str(R"({"sid":"ITrUoa4K5hxJCVL0AAAA"})") << QStringList {}
        << str(R"(0/admin,{"sid":"ITrUoa4K5hxJCVL0AAAA"})");
    QTest::newRow("connect empty namespace")
        << Type::Connect << QStringLiteral("") << std::optional<double>() << QString()
        << QStringList {} << QStringLiteral("0");
    QTest::newRow("disconnect") << Type::Disconnect << QStringLiteral("/")
                                << std::optional<double>() << QString() << QStringList {}
                                << QStringLiteral("1");
    QTest::newRow("disconnect namespace")
        << Type::Disconnect << QStringLiteral("/admin") << std::optional<double>() << QString()
        << QStringList {} << QStringLiteral("1/admin,");
    QTest::newRow("event") << Type::Event << QStringLiteral("/") << std::optional<double>()
                           << str(R"(["echo","hi"])") << QStringList {} << str(R"(2["echo","hi"])");
    QTest::newRow("event with ack id 0")
        << Type::Event << QStringLiteral("/") << std::optional<double>(0.0)
        << str(R"(["echo","x"])") << QStringList {} << str(R"(20["echo","x"])");
    QTest::newRow("ack") << Type::Ack << QStringLiteral("/") << std::optional<double>(0.0)
                         << str(R"(["x"])") << QStringList {} << str(R"(30["x"])");
    QTest::newRow("ack namespace")
        << Type::Ack << QStringLiteral("/admin") << std::optional<double>(12.0)
        << QStringLiteral("[]") << QStringList {} << QStringLiteral("3/admin,12[]");
    QTest::newRow("connect error")
        << Type::ConnectError << QStringLiteral("/") << std::optional<double>()
        << str(R"({"message":"not authorized","data":{"reason":"bad token"}})") << QStringList {}
        << str(R"(4{"message":"not authorized","data":{"reason":"bad token"}})");
    QTest::newRow("connect error invalid namespace")
        << Type::ConnectError << QStringLiteral("/nope") << std::optional<double>()
        << str(R"({"message":"Invalid namespace"})") << QStringList {}
        << str(R"(4/nope,{"message":"Invalid namespace"})");
    QTest::newRow("connect error string")
        << Type::ConnectError << QStringLiteral("/") << std::optional<double>()
        << str(R"("not authorized")") << QStringList {} << str(R"(4"not authorized")");
    QTest::newRow("binary event") << Type::Event << QStringLiteral("/") << std::optional<double>()
                                  << str(R"(["welcome","hi",{"_placeholder":true,"num":0}])")
                                  << QStringList {QStringLiteral("010203")}
                                  << str(R"(51-["welcome","hi",{"_placeholder":true,"num":0}])");
    QTest::newRow("binary ack")
        << Type::Ack << QStringLiteral("/admin") << std::optional<double>(789.0)
        << str(R"([{"_placeholder":true,"num":0},{"x":{"_placeholder":true,"nu)"
               R"(m":1}}])")
        << QStringList {QStringLiteral("01"), QStringLiteral("02")}
        << str(R"(62-/admin,789[{"_placeholder":true,"num":0},{"x":{"_placehol)"
               R"(der":true,"num":1}}])");
    QTest::newRow("id NaN") << Type::Event << QStringLiteral("/")
                            << std::optional<double>(std::numeric_limits<double>::quiet_NaN())
                            << str(R"(["a"])") << QStringList {} << str(R"(2NaN["a"])");
    QTest::newRow("id 1e21") << Type::Event << QStringLiteral("/") << std::optional<double>(1e21)
                             << str(R"(["a"])") << QStringList {} << str(R"(21e+21["a"])");
    QTest::newRow("id negative zero")
        << Type::Event << QStringLiteral("/") << std::optional<double>(-0.0) << str(R"(["a"])")
        << QStringList {} << str(R"(20["a"])");
    QTest::newRow("id fraction") << Type::Event << QStringLiteral("/") << std::optional<double>(1.5)
                                 << str(R"(["a"])") << QStringList {} << str(R"(21.5["a"])");
    QTest::newRow("null payload omitted")
        << Type::Event << QStringLiteral("/") << std::optional<double>() << QStringLiteral("null")
        << QStringList {} << QStringLiteral("2");
    QTest::newRow("false payload")
        << Type::Event << QStringLiteral("/") << std::optional<double>() << QStringLiteral("false")
        << QStringList {} << QStringLiteral("2false");
    QTest::newRow("numbers") << Type::Event << QStringLiteral("/") << std::optional<double>()
                             << str(R"(["n",-0,1e21,1e-7,0.1,123456789012345680000,5e-324])")
                             << QStringList {}
                             << str(R"(2["n",0,1e+21,1e-7,0.1,123456789012345680000,5e-324])");
    QTest::newRow("string escapes")
        << Type::Event << QStringLiteral("/") << std::optional<double>()
        << str(R"(["s","\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u2028\\u)"
               R"(d800\\ud83d\\ude00\\udc00"])")
        << QStringList {}
        << str(R"(2["s","\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u2028\\ud)"
               R"(800\ud83d\ude00\\udc00"])");
    QTest::newRow("index keys first")
        << Type::Event << QStringLiteral("/") << std::optional<double>()
        << str(R"(["o",{"b":1,"2":2,"1":3,"a":4,"4294967295":5,"4294967294":6,)"
               R"("01":7}])")
        << QStringList {}
        << str(R"(2["o",{"1":3,"2":2,"4294967294":6,"b":1,"a":4,"4294967295":5)"
               R"(,"01":7}])");
    QTest::newRow("duplicate keys")
        << Type::Event << QStringLiteral("/") << std::optional<double>()
        << str(R"(["o",{"a":1,"b":2,"a":3}])") << QStringList {} << str(R"(2["o",{"a":3,"b":2}])");
    QTest::newRow("nested") << Type::Event << QStringLiteral("/") << std::optional<double>()
                            << str(R"(["o",[[],{},[{"a":[null,true]}]]])") << QStringList {}
                            << str(R"(2["o",[[],{},[{"a":[null,true]}]]])");
}

void TestSocketIoPacket::encode()
{
    QFETCH(Type, type);
    QFETCH(QString, nsp);
    QFETCH(std::optional<double>, id);
    QFETCH(QString, data);
    QFETCH(QStringList, attachments);
    QFETCH(QString, expected);

    SocketIoPacket packet(type, nsp);
    packet.setId(id);
    if (!data.isNull())
        packet.setData(jsonFromProfileText(data));
    std::vector<QByteArray> buffers;
    for (const QString &hex : attachments)
        buffers.push_back(QByteArray::fromHex(hex.toLatin1()));
    packet.setAttachments(buffers);
    QCOMPARE(packet.encode(), expected);
}

void TestSocketIoPacket::decodeText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("connect") << QStringLiteral("0") << QStringLiteral("CONNECT /");
    QTest::newRow("connect with auth")
        << str(R"(0{"token":"abc"})") << str(R"(CONNECT / {"token":"abc"})");
    QTest::newRow("connect namespace")
        << QStringLiteral("0/admin,") << QStringLiteral("CONNECT /admin");
    QTest::newRow("connect namespace without comma")
        << QStringLiteral("0/admin") << QStringLiteral("CONNECT /admin");
    QTest::newRow("connect namespace with auth")
        << str(R"(0/admin,{"a":1})") << str(R"(CONNECT /admin {"a":1})");
    QTest::newRow("connect namespace with query")
        << QStringLiteral("0/x?token=1,") << QStringLiteral("CONNECT /x?token=1");
    QTest::newRow("empty string is connect") << QStringLiteral("") << QStringLiteral("CONNECT /");
    QTest::newRow("space is connect") << QStringLiteral(" ") << QStringLiteral("CONNECT /");
    QTest::newRow("connect array payload")
        << QStringLiteral("0[]") << QStringLiteral("error: invalid payload");
    QTest::newRow("connect string payload")
        << str(R"(0"x")") << QStringLiteral("error: invalid payload");
    QTest::newRow("connect null payload")
        << QStringLiteral("0null") << QStringLiteral("error: invalid payload");
    QTest::newRow("connect with id") << QStringLiteral("012") << QStringLiteral("CONNECT / id=12");
    QTest::newRow("disconnect") << QStringLiteral("1") << QStringLiteral("DISCONNECT /");
    QTest::newRow("disconnect namespace")
        << QStringLiteral("1/admin,") << QStringLiteral("DISCONNECT /admin");
    QTest::newRow("disconnect with payload")
        << QStringLiteral("1{}") << QStringLiteral("error: invalid payload");
    QTest::newRow("disconnect with null")
        << QStringLiteral("1null") << QStringLiteral("error: invalid payload");
    QTest::newRow("event") << str(R"(2["a"])") << str(R"(EVENT / ["a"])");
    QTest::newRow("event two args") << str(R"(2["echo","hi"])") << str(R"(EVENT / ["echo","hi"])");
    QTest::newRow("event without payload") << QStringLiteral("2") << QStringLiteral("EVENT /");
    QTest::newRow("event empty array")
        << QStringLiteral("2[]") << QStringLiteral("error: invalid payload");
    QTest::newRow("event number name") << QStringLiteral("2[1]") << QStringLiteral("EVENT / [1]");
    QTest::newRow("event null name")
        << QStringLiteral("2[null]") << QStringLiteral("error: invalid payload");
    QTest::newRow("event reserved connect")
        << str(R"(2["connect"])") << QStringLiteral("error: invalid payload");
    QTest::newRow("event reserved disconnecting")
        << str(R"(2["disconnecting"])") << QStringLiteral("error: invalid payload");
    QTest::newRow("event reserved newListener")
        << str(R"(2["newListener"])") << QStringLiteral("error: invalid payload");
    QTest::newRow("event object payload")
        << QStringLiteral("2{}") << QStringLiteral("error: invalid payload");
    QTest::newRow("event string payload")
        << str(R"(2"a")") << QStringLiteral("error: invalid payload");
    QTest::newRow("event with id") << str(R"(212["a"])") << str(R"(EVENT / id=12 ["a"])");
    QTest::newRow("event namespace and id")
        << str(R"(2/admin,12["a"])") << str(R"(EVENT /admin id=12 ["a"])");
    QTest::newRow("event id zero from space") << str(R"(2 ["a"])") << str(R"(EVENT / id=0 ["a"])");
    QTest::newRow("event id NaN") << str(R"(2 1 2["a"])") << str(R"(EVENT / id=NaN ["a"])");
    QTest::newRow("event id from nbsp") << str(R"(2\u00a0["a"])") << str(R"(EVENT / id=0 ["a"])");
    QTest::newRow("event id from BOM") << str(R"(2\ufeff["a"])") << str(R"(EVENT / id=0 ["a"])");
    QTest::newRow("event id leading zeros") << str(R"(2007["a"])") << str(R"(EVENT / id=7 ["a"])");
    QTest::newRow("event id beyond 2^53") << str(R"(2123456789012345678901["a"])")
                                          << str(R"(EVENT / id=123456789012345680000 ["a"])");
    QTest::newRow("event id without payload")
        << QStringLiteral("212") << QStringLiteral("EVENT / id=12");
    QTest::newRow("event junk payload")
        << QStringLiteral("2abc") << QStringLiteral("error: invalid payload");
    QTest::newRow("event namespace only")
        << QStringLiteral("2/admin") << QStringLiteral("EVENT /admin");
    QTest::newRow("event namespace then payload")
        << str(R"(2/admin,["a"])") << str(R"(EVENT /admin ["a"])");
    QTest::newRow("event nested namespace") << str(R"(2/a/b,["a"])") << str(R"(EVENT /a/b ["a"])");
    QTest::newRow("event namespace not first")
        << str(R"(2a/b,["a"])") << QStringLiteral("error: invalid payload");
    QTest::newRow("event trailing JSON space") << str(R"(2["a"] )") << str(R"(EVENT / ["a"])");
    QTest::newRow("event trailing junk")
        << str(R"(2["a"]x)") << QStringLiteral("error: invalid payload");
    QTest::newRow("event trailing comma")
        << str(R"(2["a",])") << QStringLiteral("error: invalid payload");
    QTest::newRow("event nbsp in JSON")
        << str(R"(2["a"\u00a0])") << QStringLiteral("error: invalid payload");
    QTest::newRow("event huge number") << str(R"(2["a",1e400])") << str(R"(EVENT / ["a",null])");
    QTest::newRow("event index keys first")
        << str(R"(2["a",{"b":1,"2":2,"1":3}])") << str(R"(EVENT / ["a",{"1":3,"2":2,"b":1}])");
    QTest::newRow("event duplicate keys")
        << str(R"(2["a",{"a":1,"b":2,"a":3}])") << str(R"(EVENT / ["a",{"a":3,"b":2}])");
    QTest::newRow("event lone surrogate")
        << str(R"(2["\\ud800"])") << str(R"(EVENT / ["\\ud800"])");
    QTest::newRow("event proto key")
        << str(R"(2["a",{"__proto__":1}])") << str(R"(EVENT / ["a",{"__proto__":1}])");
    QTest::newRow("event negative zero") << str(R"(2["a",-0])") << str(R"(EVENT / ["a",0])");
    QTest::newRow("ack") << QStringLiteral("3[]") << QStringLiteral("ACK / []");
    QTest::newRow("ack with id") << str(R"(31["x"])") << str(R"(ACK / id=1 ["x"])");
    QTest::newRow("ack object") << QStringLiteral("3{}")
                                << QStringLiteral("error: invalid payload");
    QTest::newRow("ack without payload") << QStringLiteral("3") << QStringLiteral("ACK /");
    QTest::newRow("connect error object")
        << str(R"(4{"message":"x"})") << str(R"(CONNECT_ERROR / {"message":"x"})");
    QTest::newRow("connect error string")
        << str(R"(4"not authorized")") << str(R"(CONNECT_ERROR / "not authorized")");
    QTest::newRow("connect error array")
        << QStringLiteral("4[]") << QStringLiteral("error: invalid payload");
    QTest::newRow("connect error id only")
        << QStringLiteral("41") << QStringLiteral("CONNECT_ERROR / id=1");
    QTest::newRow("type 7") << QStringLiteral("7")
                            << QStringLiteral("error: unknown packet type 7");
    QTest::newRow("type letter") << QStringLiteral("x")
                                 << QStringLiteral("error: unknown packet type NaN");
    QTest::newRow("type 9 with payload")
        << QStringLiteral("9[]") << QStringLiteral("error: unknown packet type 9");
    QTest::newRow("binary no count")
        << QStringLiteral("5") << QStringLiteral("error: Illegal attachments");
    QTest::newRow("binary no digits")
        << str(R"(5-["a"])") << QStringLiteral("error: Illegal attachments");
    QTest::newRow("binary zero") << str(R"(50-["a"])")
                                 << QStringLiteral("error: Illegal attachments");
    QTest::newRow("binary no dash")
        << str(R"(51["a"])") << QStringLiteral("error: Illegal attachments");
    QTest::newRow("binary eleven")
        << str(R"(511-["a"])") << QStringLiteral("error: too many attachments");
    QTest::newRow("binary ten") << str(R"(510-["a"])") << QStringLiteral("awaiting");
    QTest::newRow("binary padded count") << str(R"(5 1-["a"])") << QStringLiteral("awaiting");
    QTest::newRow("binary count 1.0") << str(R"(51.0-["a"])") << QStringLiteral("awaiting");
    QTest::newRow("binary count 1.5")
        << str(R"(51.5-["a"])") << QStringLiteral("error: Illegal attachments");
    QTest::newRow("binary hex count") << str(R"(50x1-["a"])") << QStringLiteral("awaiting");
    QTest::newRow("binary exponent count") << str(R"(51e1-["a"])") << QStringLiteral("awaiting");
    QTest::newRow("binary Infinity count")
        << str(R"(5Infinity-["a"])") << QStringLiteral("error: Illegal attachments");
    QTest::newRow("binary without payload") << QStringLiteral("51-") << QStringLiteral("awaiting");
    QTest::newRow("binary empty array")
        << QStringLiteral("51-[]") << QStringLiteral("error: invalid payload");
    QTest::newRow("binary ack empty array")
        << QStringLiteral("61-[]") << QStringLiteral("awaiting");
    QTest::newRow("binary reserved name")
        << str(R"(51-["connect"])") << QStringLiteral("error: invalid payload");
    QTest::newRow("binary namespace id")
        << str(R"(62-/admin,789["a"])") << QStringLiteral("awaiting");
}

void TestSocketIoPacket::decodeText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    SocketIoDecoder decoder;
    QCOMPARE(describe(decoder.add(QStringView(input))), expected);
}

void TestSocketIoPacket::decodeSequence_data()
{
    QTest::addColumn<QList<QVariant>>("messages"); // QString = text, QByteArray = binary
    QTest::addColumn<QString>("expected");

    QTest::newRow("one attachment")
        << QList<QVariant> {QVariant(str(R"(51-["a",{"_placeholder":true,"num":0}])")),
               QVariant(bin("010203"))}
        << str(R"(awaiting | EVENT / ["a",{"_placeholder":true,"num":0}] +0102)"
               R"(03)");
    QTest::newRow("two attachments")
        << QList<QVariant> {QVariant(str(
                                R"(52-["a",{"_placeholder":true,"num":0},{"_placeholder":true,")"
                                R"(num":1}])")),
               QVariant(bin("01")), QVariant(bin("0203"))}
        << str(R"(awaiting | awaiting | EVENT / ["a",{"_placeholder":true,"num)"
               R"(":0},{"_placeholder":true,"num":1}] +01,0203)");
    QTest::newRow("binary ack namespace id")
        << QList<QVariant> {QVariant(str(
                                R"(62-/admin,789[{"_placeholder":true,"num":1},{"_placeholder":)"
                                R"(true,"num":0}])")),
               QVariant(bin("aa")), QVariant(bin("bb"))}
        << str(R"(awaiting | awaiting | ACK /admin id=789 [{"_placeholder":tru)"
               R"(e,"num":1},{"_placeholder":true,"num":0}] +aa,bb)");
    QTest::newRow("nested placeholder")
        << QList<QVariant> {QVariant(str(R"(51-["a",{"x":[{"_placeholder":true,"num":0}]}])")),
               QVariant(bin("ff"))}
        << str(R"(awaiting | EVENT / ["a",{"x":[{"_placeholder":true,"num":0}])"
               R"(}] +ff)");
    QTest::newRow("empty attachment") << QList<QVariant> {
        QVariant(str(R"(51-["a",{"_placeholder":true,"num":0}])")),
        QVariant(bin(""))} << str(R"(awaiting | EVENT / ["a",{"_placeholder":true,"num":0}] +)");
    QTest::newRow("placeholder out of range")
        << QList<QVariant> {QVariant(str(R"(51-["a",{"_placeholder":true,"num":1}])")),
               QVariant(bin("01")), QVariant(bin("02")), QVariant(str(R"(2["b"])"))}
        << QStringLiteral("awaiting | error: illegal attachments | awaiting | error: got plaintext "
                          "data when reconstructing a packet");
    QTest::newRow("placeholder negative") << QList<QVariant> {
        QVariant(str(R"(51-["a",{"_placeholder":true,"num":-1}])")),
        QVariant(bin("01"))} << QStringLiteral("awaiting | error: illegal attachments");
    QTest::newRow("placeholder num string") << QList<QVariant> {
        QVariant(str(R"(51-["a",{"_placeholder":true,"num":"0"}])")),
        QVariant(bin("01"))} << QStringLiteral("awaiting | error: illegal attachments");
    QTest::newRow("placeholder num missing")
        << QList<QVariant> {QVariant(str(R"(51-["a",{"_placeholder":true}])")), QVariant(bin("01"))}
        << QStringLiteral("awaiting | error: illegal attachments");
    QTest::newRow("placeholder fractional num") << QList<QVariant> {
        QVariant(str(R"(51-["a",{"_placeholder":true,"num":0.5}])")),
        QVariant(bin("01"))} << str(R"(awaiting | EVENT / ["a",null] +01)");
    QTest::newRow("placeholder negative zero")
        << QList<QVariant> {QVariant(str(R"(51-["a",{"_placeholder":true,"num":-0}])")),
               QVariant(bin("01"))}
        << str(R"(awaiting | EVENT / ["a",{"_placeholder":true,"num":0}] +01)");
    QTest::newRow("placeholder flag as string")
        << QList<QVariant> {QVariant(str(R"(51-["a",{"_placeholder":"true","num":0}])")),
               QVariant(bin("01"))}
        << str(R"(awaiting | EVENT / ["a",{"_placeholder":"true","num":0}] +01)");
    QTest::newRow("placeholder inside placeholder") << QList<QVariant> {
        QVariant(str(R"(51-["a",{"_placeholder":true,"num":0,"x":{"_placeholder":tru)"
                     R"(e,"num":9}}])")),
        QVariant(
            bin("01"))} << str(R"(awaiting | EVENT / ["a",{"_placeholder":true,"num":0}] +01)");
    QTest::newRow("placeholder duplicate flag") << QList<QVariant> {
        QVariant(str(R"(51-["a",{"_placeholder":true,"num":5,"_placeholder":false}])")),
        QVariant(
            bin("01"))} << str(R"(awaiting | EVENT / ["a",{"_placeholder":false,"num":5}] +01)");
    QTest::newRow("unused attachment")
        << QList<QVariant> {QVariant(str(R"(52-["a",{"_placeholder":true,"num":1}])")),
               QVariant(bin("01")), QVariant(bin("02"))}
        << str(R"(awaiting | awaiting | EVENT / ["a",{"_placeholder":true,"num)"
               R"(":1}] +01,02)");
    QTest::newRow("text while reconstructing")
        << QList<QVariant> {QVariant(str(R"(51-["a"])")), QVariant(str(R"(2["b"])")),
               QVariant(bin("01"))}
        << str(R"(awaiting | error: got plaintext data when reconstructing a p)"
               R"(acket | EVENT / ["a"] +01)");
    QTest::newRow("binary when not reconstructing")
        << QList<QVariant> {QVariant(bin("01")), QVariant(str(R"(2["b"])"))}
        << str(R"(error: got binary data when not reconstructing a packet | EV)"
               R"(ENT / ["b"])");
    QTest::newRow("placeholder in plain event")
        << QList<QVariant> {QVariant(str(R"(2["a",{"_placeholder":true,"num":0}])"))}
        << str(R"(EVENT / ["a",{"_placeholder":true,"num":0}])");
    QTest::newRow("binary without payload") << QList<QVariant> {QVariant(QStringLiteral("51-")),
        QVariant(bin("01"))} << QStringLiteral("awaiting | EVENT / +01");
    QTest::newRow("invalid header starts nothing")
        << QList<QVariant> {QVariant(QStringLiteral("51-[]")), QVariant(bin("01"))}
        << QStringLiteral(
               "error: invalid payload | error: got binary data when not reconstructing a packet");
    QTest::newRow("ten attachments")
        << QList<QVariant> {QVariant(str(R"(510-["a"])")), QVariant(bin("00")), QVariant(bin("01")),
               QVariant(bin("02")), QVariant(bin("03")), QVariant(bin("04")), QVariant(bin("05")),
               QVariant(bin("06")), QVariant(bin("07")), QVariant(bin("08")), QVariant(bin("09"))}
        << str(R"(awaiting | awaiting | awaiting | awaiting | awaiting | await)"
               R"(ing | awaiting | awaiting | awaiting | awaiting | EVENT / [")"
               R"(a"] +00,01,02,03,04,05,06,07,08,09)");
    QTest::newRow("two packets in a row")
        << QList<QVariant> {QVariant(str(R"(51-["a",{"_placeholder":true,"num":0}])")),
               QVariant(bin("01")), QVariant(str(R"(2["b"])")),
               QVariant(str(R"(51-["c",{"_placeholder":true,"num":0}])")), QVariant(bin("02"))}
        << str(R"(awaiting | EVENT / ["a",{"_placeholder":true,"num":0}] +01 |)"
               R"( EVENT / ["b"] | awaiting | EVENT / ["c",{"_placeholder":tru)"
               R"(e,"num":0}] +02)");
}

void TestSocketIoPacket::decodeSequence()
{
    QFETCH(QList<QVariant>, messages);
    QFETCH(QString, expected);
    SocketIoDecoder decoder;
    QStringList results;
    for (const QVariant &m : messages) {
        if (m.typeId() == QMetaType::QByteArray)
            results.append(describe(decoder.add(m.toByteArray())));
        else
            results.append(describe(decoder.add(QStringView(m.toString()))));
    }
    QCOMPARE(results.join(QLatin1String(" | ")), expected);
}

void TestSocketIoPacket::decodedPacketsEncodeBack_data()
{
    QTest::addColumn<QString>("wire");

    QTest::newRow("connect") << QStringLiteral("0");
    QTest::newRow("connect namespace auth") << str(R"(0/admin,{"token":"abc"})");
    QTest::newRow("disconnect namespace") << QStringLiteral("1/admin,");
    QTest::newRow("event with id") << str(R"(2/chat,42["msg",{"a":[1,2.5,null,true]}])");
    QTest::newRow("ack") << str(R"(312["ok"])");
    QTest::newRow("connect error") << str(R"(4{"message":"nope","data":{"x":1}})");
    QTest::newRow("binary event") << str(R"(51-["a",{"_placeholder":true,"num":0}])");
    QTest::newRow("binary ack") << str(
        R"(62-/x,7[{"_placeholder":true,"num":0},{"_placeholder":true,")"
        R"(num":1}])");
}

void TestSocketIoPacket::decodedPacketsEncodeBack()
{
    QFETCH(QString, wire);
    SocketIoDecoder decoder;
    SocketIoDecodeResult r = decoder.add(QStringView(wire));
    while (r.status == SocketIoDecodeResult::Status::AwaitingAttachments)
        r = decoder.add(QByteArray("\x01\x02", 2));
    QCOMPARE(r.status, SocketIoDecodeResult::Status::Decoded);
    QCOMPARE(r.packet->encode(), wire);
}

void TestSocketIoPacket::errorsNameKindAndPlace_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("detail");

    QTest::newRow("unknown type") << QStringLiteral("8") << Kind::UnknownPacketType
                                  << QStringLiteral(
                                         "the first character must be a packet type 0-6");
    QTest::newRow("no dash") << QStringLiteral("51") << Kind::IllegalAttachments
                             << QStringLiteral("the attachment count is not followed by '-'");
    QTest::newRow("zero attachments")
        << QStringLiteral("50-") << Kind::IllegalAttachments
        << QStringLiteral("attachment count \"0\" is not a whole number of at least 1");
    QTest::newRow("too many") << QStringLiteral("512-") << Kind::TooManyAttachments
                              << QStringLiteral("12 attachments announced; the decoder accepts at "
                                                "most 10");
    QTest::newRow("not JSON") << QStringLiteral("2[x]") << Kind::InvalidPayload
                              << QStringLiteral("payload at offset 1 is not JSON: offset 1: "
                                                "unexpected 'x'; expected a JSON value");
    QTest::newRow("connect array") << QStringLiteral("0[]") << Kind::InvalidPayload
                                   << QStringLiteral("a CONNECT payload must be an object, not an "
                                                     "array");
    QTest::newRow("disconnect payload") << QStringLiteral("1{}") << Kind::InvalidPayload
                                        << QStringLiteral("a DISCONNECT packet carries no payload");
    QTest::newRow("empty event") << QStringLiteral("2[]") << Kind::InvalidPayload
                                 << QStringLiteral("an EVENT payload must start with the event "
                                                   "name; the array is empty");
    QTest::newRow("reserved event") << str(R"(2["disconnect"])") << Kind::InvalidPayload
                                    << QStringLiteral("\"disconnect\" is a reserved event name");
    QTest::newRow("event name object")
        << str(R"(2[{}])") << Kind::InvalidPayload
        << QStringLiteral("an event name must be a string or a number, not an object");
    QTest::newRow("ack object") << QStringLiteral("3{}") << Kind::InvalidPayload
                                << QStringLiteral("an ACK payload must be an array, not an object");
    QTest::newRow("connect error number")
        << QStringLiteral("41[]") << Kind::InvalidPayload
        << QStringLiteral("a CONNECT_ERROR payload must be a string or an object, not an array");
}

void TestSocketIoPacket::errorsNameKindAndPlace()
{
    QFETCH(QString, input);
    QFETCH(Kind, kind);
    QFETCH(QString, detail);
    SocketIoDecoder decoder;
    const SocketIoDecodeResult r = decoder.add(QStringView(input));
    QCOMPARE(r.status, SocketIoDecodeResult::Status::Failed);
    QVERIFY(!r.packet);
    QCOMPARE(r.error->kind, kind);
    QCOMPARE(r.error->detail, detail);
}

void TestSocketIoPacket::maxAttachmentsIsAnOption()
{
    SocketIoDecoder strict(1);
    QCOMPARE(strict.add(QStringView(u"52-")).error->kind, Kind::TooManyAttachments);
    SocketIoDecoder generous(100);
    QCOMPARE(generous.add(QStringView(u"550-")).status,
        SocketIoDecodeResult::Status::AwaitingAttachments);
}

void TestSocketIoPacket::awaitingCarriesTheHeader()
{
    SocketIoDecoder decoder;
    SocketIoDecodeResult r = decoder.add(QStringView(u"62-/x,7[]"));
    QCOMPARE(r.status, SocketIoDecodeResult::Status::AwaitingAttachments);
    QVERIFY(decoder.isReconstructing());
    QCOMPARE(r.missingAttachments, 2);
    QCOMPARE(r.packet->type(), Type::Ack); // socket.io-parser turns BINARY_ACK into ACK at once
    QCOMPARE(r.packet->nsp(), QStringLiteral("/x"));
    QCOMPARE(r.packet->id(), std::optional<double>(7));
    r = decoder.add(QByteArray("a"));
    QCOMPARE(r.missingAttachments, 1);
    r = decoder.add(QByteArray("b"));
    QCOMPARE(r.status, SocketIoDecodeResult::Status::Decoded);
    QCOMPARE(r.packet->attachments(), (std::vector<QByteArray> {"a", "b"}));
    QVERIFY(!decoder.isReconstructing());
}

void TestSocketIoPacket::resetAbandonsReconstruction()
{
    SocketIoDecoder decoder;
    decoder.add(QStringView(u"51-[\"a\",{\"_placeholder\":true,\"num\":3}]"));
    QCOMPARE(decoder.add(QByteArray("x")).error->kind, Kind::IllegalPlaceholder);
    // like socket.io-parser, the decoder stays stuck after a bad placeholder...
    QVERIFY(decoder.isReconstructing());
    QCOMPARE(decoder.add(QStringView(u"2[\"b\"]")).error->kind, Kind::PlaintextWhileReconstructing);
    // ...until Decoder.destroy()
    decoder.reset();
    QVERIFY(!decoder.isReconstructing());
    QCOMPARE(describe(decoder.add(QStringView(u"2[\"b\"]"))), QStringLiteral("EVENT / [\"b\"]"));
}

void TestSocketIoPacket::placeholders()
{
    const JsonNode p = SocketIoPacket::placeholder(2);
    QCOMPARE(JavaScriptJson::stringify(p), QStringLiteral("{\"_placeholder\":true,\"num\":2}"));
    QVERIFY(SocketIoPacket::isPlaceholder(p));
    QCOMPARE(SocketIoPacket::attachmentIndex(p), std::optional<qsizetype>(2));
    const auto parse
        = [](const char *text) { return JavaScriptJson::parse(QString::fromLatin1(text)).value; };
    QVERIFY(!SocketIoPacket::isPlaceholder(parse("{\"_placeholder\":1,\"num\":0}")));
    QVERIFY(!SocketIoPacket::isPlaceholder(parse("[true]")));
    QCOMPARE(SocketIoPacket::attachmentIndex(parse("{\"_placeholder\":true,\"num\":0.5}")),
        std::nullopt);
    QCOMPARE(SocketIoPacket::attachmentIndex(parse("{\"_placeholder\":true,\"num\":-0}")),
        std::optional<qsizetype>(0));
    // JavaScript reads the last of repeated keys
    JsonNode repeated = SocketIoPacket::placeholder(0);
    repeated.insert(QStringLiteral("_placeholder"), JsonNode::fromBool(false));
    QVERIFY(!SocketIoPacket::isPlaceholder(repeated));
}

void TestSocketIoPacket::json_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // JSON.stringify(JSON.parse(input)) or SyntaxError

    QTest::newRow("empty") << QStringLiteral("") << QStringLiteral("SyntaxError");
    QTest::newRow("space only") << QStringLiteral(" ") << QStringLiteral("SyntaxError");
    QTest::newRow("null") << QStringLiteral("null") << QStringLiteral("null");
    QTest::newRow("true") << QStringLiteral("true") << QStringLiteral("true");
    QTest::newRow("number") << QStringLiteral("-12.5e3") << QStringLiteral("-12500");
    QTest::newRow("string") << str(R"("a")") << str(R"("a")");
    QTest::newRow("surrounding white space")
        << str(R"( \u0009\u000d\u000a[1] \u000a)") << QStringLiteral("[1]");
    QTest::newRow("BOM is not white space") << str(R"(\ufeff[])") << QStringLiteral("SyntaxError");
    QTest::newRow("nbsp is not white space") << str(R"(\u00a0[])") << QStringLiteral("SyntaxError");
    QTest::newRow("vertical tab") << str(R"([\u000b])") << QStringLiteral("SyntaxError");
    QTest::newRow("trailing comma array")
        << QStringLiteral("[1,]") << QStringLiteral("SyntaxError");
    QTest::newRow("trailing comma object") << str(R"({"a":1,})") << QStringLiteral("SyntaxError");
    QTest::newRow("leading zero") << QStringLiteral("[01]") << QStringLiteral("SyntaxError");
    QTest::newRow("minus zero") << QStringLiteral("-0") << QStringLiteral("0");
    QTest::newRow("trailing dot") << QStringLiteral("[1.]") << QStringLiteral("SyntaxError");
    QTest::newRow("leading dot") << QStringLiteral("[.1]") << QStringLiteral("SyntaxError");
    QTest::newRow("plus sign") << QStringLiteral("[+1]") << QStringLiteral("SyntaxError");
    QTest::newRow("exponent without digits")
        << QStringLiteral("[1e]") << QStringLiteral("SyntaxError");
    QTest::newRow("capital exponent") << QStringLiteral("[1E+2]") << QStringLiteral("[100]");
    QTest::newRow("overflow to Infinity")
        << QStringLiteral("[1e400,-1e400]") << QStringLiteral("[null,null]");
    QTest::newRow("underflow") << QStringLiteral("[1e-400]") << QStringLiteral("[0]");
    QTest::newRow("precision") << QStringLiteral("[0.1,1e21,1e-7,123456789012345678901]")
                               << QStringLiteral("[0.1,1e+21,1e-7,123456789012345680000]");
    QTest::newRow("tab in string") << str(R"(["\u0009"])") << QStringLiteral("SyntaxError");
    QTest::newRow("escapes") << str(R"(["\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00"])")
                             << str(R"(["\\"\\\\/\\b\\f\\n\\r\\t\u00e9\ud83d\ude00"])");
    QTest::newRow("lone surrogate escape") << str(R"(["\\ud800"])") << str(R"(["\\ud800"])");
    QTest::newRow("raw lone surrogate") << str(R"(["\ud800"])") << str(R"(["\\ud800"])");
    QTest::newRow("bad escape") << str(R"(["\\x"])") << QStringLiteral("SyntaxError");
    QTest::newRow("short unicode escape") << str(R"(["\\u12"])") << QStringLiteral("SyntaxError");
    QTest::newRow("unterminated string") << str(R"(["a)") << QStringLiteral("SyntaxError");
    QTest::newRow("single quotes") << QStringLiteral("['a']") << QStringLiteral("SyntaxError");
    QTest::newRow("unquoted key") << QStringLiteral("{a:1}") << QStringLiteral("SyntaxError");
    QTest::newRow("missing colon") << str(R"({"a" 1})") << QStringLiteral("SyntaxError");
    QTest::newRow("missing comma") << QStringLiteral("[1 2]") << QStringLiteral("SyntaxError");
    QTest::newRow("word prefix") << QStringLiteral("nul") << QStringLiteral("SyntaxError");
    QTest::newRow("word suffix") << QStringLiteral("truex") << QStringLiteral("SyntaxError");
    QTest::newRow("NaN") << QStringLiteral("NaN") << QStringLiteral("SyntaxError");
    QTest::newRow("Infinity") << QStringLiteral("Infinity") << QStringLiteral("SyntaxError");
    QTest::newRow("duplicate keys") << str(R"({"a":1,"b":2,"a":3})") << str(R"({"a":3,"b":2})");
    QTest::newRow("index keys")
        << str(R"({"b":1,"10":2,"2":3,"a":4,"-1":5,"01":6,"4294967294":7,"4294)"
               R"(967295":8})")
        << str(R"({"2":3,"10":2,"4294967294":7,"b":1,"a":4,"-1":5,"01":6,"4294)"
               R"(967295":8})");
    QTest::newRow("proto key") << str(R"({"__proto__":{"x":1}})")
                               << str(R"({"__proto__":{"x":1}})");
    QTest::newRow("empty key") << str(R"({"":1})") << str(R"({"":1})");
    QTest::newRow("nested empty") << QStringLiteral("[[],{},[{}]]")
                                  << QStringLiteral("[[],{},[{}]]");
    QTest::newRow("two values") << QStringLiteral("1 2") << QStringLiteral("SyntaxError");
    QTest::newRow("comment") << QStringLiteral("[1]//") << QStringLiteral("SyntaxError");
    QTest::newRow("U+2028 in string") << str(R"(["\u2028"])") << str(R"(["\u2028"])");
    QTest::newRow("DEL in string") << str(R"(["\u007f"])") << str(R"(["\u007f"])");
    QTest::newRow("control escapes out")
        << str(R"(["\\u0001\\u001f"])") << str(R"(["\\u0001\\u001f"])");
}

void TestSocketIoPacket::json()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const JavaScriptJson::ParseResult r = JavaScriptJson::parse(input);
    if (expected == u"SyntaxError") {
        QCOMPARE(r.status, JavaScriptJson::ParseResult::Status::SyntaxError);
        QVERIFY(r.errorString.startsWith(QLatin1String("offset ")));
    } else {
        QVERIFY2(r.isOk(), qPrintable(r.errorString));
        QCOMPARE(JavaScriptJson::stringify(r.value), expected);
    }
}

void TestSocketIoPacket::jsonDepthIsBounded()
{
    const int max = JavaScriptJson::MaxDepth;
    const QString deepest = QString(max, u'[') + QString(max, u']');
    QVERIFY(JavaScriptJson::parse(deepest).isOk());
    const QString tooDeep = QString(max + 1, u'[') + QString(max + 1, u']');
    QCOMPARE(JavaScriptJson::parse(tooDeep).status, JavaScriptJson::ParseResult::Status::TooDeep);
    SocketIoDecoder decoder;
    const SocketIoDecodeResult r
        = decoder.add(QStringView(QStringLiteral("2[\"a\",") + tooDeep + QLatin1Char(']')));
    QCOMPARE(r.error->kind, Kind::JsonTooDeep);
    // a million unclosed brackets fail fast, without deep recursion
    QCOMPARE(JavaScriptJson::parse(QString(1000000, u'[')).status,
        JavaScriptJson::ParseResult::Status::TooDeep);
}

void TestSocketIoPacket::stringifyFollowsJavaScriptObjectOrder()
{
    // Built member by member, as a profile hands data over: repeated keys and index keys are
    // written the way a JavaScript object built in this order would be.
    JsonNode object = JsonNode::makeObject();
    object.insert(QStringLiteral("b"), JsonNode::fromNumber(1));
    object.insert(QStringLiteral("7"), JsonNode::fromNumber(2));
    object.insert(QStringLiteral("b"), JsonNode::fromNumber(3));
    object.insert(QStringLiteral("0"), JsonNode::fromNumber(4));
    QCOMPARE(JavaScriptJson::stringify(object), QStringLiteral("{\"0\":4,\"7\":2,\"b\":3}"));
    QVERIFY(JavaScriptJson::isArrayIndex(u"4294967294"));
    QVERIFY(!JavaScriptJson::isArrayIndex(u"4294967295"));
    QVERIFY(!JavaScriptJson::isArrayIndex(u"01"));
    QVERIFY(!JavaScriptJson::isArrayIndex(u""));
    // many keys take the hashed path
    JsonNode wide = JsonNode::makeObject();
    for (int i = 40; i >= 0; --i)
        wide.insert(QStringLiteral("k%1").arg(i % 20), JsonNode::fromNumber(i));
    const QString text = JavaScriptJson::stringify(wide);
    QVERIFY(text.startsWith(QLatin1String("{\"k0\":0,\"k19\":19,")));
    QCOMPARE(text.count(QLatin1Char(':')), 20);
}

QTEST_GUILESS_MAIN(TestSocketIoPacket)
#include "tst_socketiopacket.moc"
