// Engine.IO polling payloads: EIO=4 record-separated, EIO=3 length-prefixed and EIO=3 binary.
// Expected values come from running engine.io-parser 5.2.3 encodePayload/decodePayload and
// engine.io 6.6.12 build/parser-v3 on the same input (the v3 decoder's callback packets in order).
#include "engineio/engineiopayload.h"

#include "codectestutil.h"

#include <QTest>

using namespace corslab;
using namespace corslab::codectest;
using Type = EngineIoPacket::Type;
using Packets = std::vector<EngineIoPacket>;

namespace {

using codectest::describe; // beside the overload for packet lists below

QString describe(const Packets &packets)
{
    QStringList parts;
    for (const EngineIoPacket &p : packets)
        parts.append(describe(p));
    return parts.join(QLatin1String(" | "));
}

} // namespace

Q_DECLARE_METATYPE(EngineIoRawData)
Q_DECLARE_METATYPE(Packets)

class TestEngineIoPayload : public QObject {
    Q_OBJECT

private slots:
    void encodeV4_data();
    void encodeV4();
    void encodeV3_data();
    void encodeV3();
    void decodeV4_data();
    void decodeV4();
    void decodeV3Text_data();
    void decodeV3Text();
    void decodeV3Binary_data();
    void decodeV3Binary();
    void decodeDispatchesOnProtocolAndKind();
    void errorsSayWhereAndWhy_data();
    void errorsSayWhereAndWhy();
    void roundTripsThroughEveryForm();
    void largePayloadsDecodeInLinearTime();
    void utf8Encode_data();
    void utf8Encode();
};

void TestEngineIoPayload::encodeV4_data()
{
    QTest::addColumn<Packets>("packets");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one text") << Packets {EngineIoPacket(Type::Message, QStringLiteral("hello"))}
                              << QStringLiteral("4hello");
    QTest::newRow("several") << Packets {EngineIoPacket(Type::Message, QStringLiteral("hello")),
        EngineIoPacket(Type::Ping), EngineIoPacket(Type::Message, QStringLiteral("world"))}
                             << str(R"(4hello\u001e2\u001e4world)");
    QTest::newRow("open then message")
        << Packets {EngineIoPacket(Type::Open, str(R"({"sid":"x"})")),
               EngineIoPacket(Type::Message, QStringLiteral("hello"))}
        << str(R"(0{"sid":"x"}\u001e4hello)");
    QTest::newRow("binary as base64") << Packets {
        EngineIoPacket(Type::Message, str(R"(451-["welcome",{"_placeholder":true,"num":0}])")),
        EngineIoPacket(Type::Message,
            bin("010203"))} << str(R"(4451-["welcome",{"_placeholder":true,"num":0}]\u001ebAQID)");
    QTest::newRow("empty binary") << Packets {EngineIoPacket(Type::Message, bin(""))}
                                  << QStringLiteral("b");
    QTest::newRow("noop") << Packets {EngineIoPacket(Type::Noop)} << QStringLiteral("6");
    QTest::newRow("close") << Packets {EngineIoPacket(Type::Close)} << QStringLiteral("1");
    QTest::newRow("unicode") << Packets {EngineIoPacket(
        Type::Message, str(R"(\u00e9\ud83d\ude00)"))}
                             << str(R"(4\u00e9\ud83d\ude00)");
}

void TestEngineIoPayload::encodeV4()
{
    QFETCH(Packets, packets);
    QFETCH(QString, expected);
    QCOMPARE(EngineIoPayload::encodeV4(packets), expected);
    // supportsBinary changes nothing in v4 polling: binary is always base64
    QCOMPARE(EngineIoPayload::encode(EngineIoProtocol::V4, packets, true).text(), expected);
}

void TestEngineIoPayload::encodeV3_data()
{
    QTest::addColumn<Packets>("packets");
    QTest::addColumn<bool>("supportsBinary");
    QTest::addColumn<EngineIoRawData>("expected");

    QTest::newRow("no packets") << Packets {} << false
                                << EngineIoRawData::fromText(QStringLiteral("0:"));
    QTest::newRow("no packets binary allowed")
        << Packets {} << true << EngineIoRawData::fromText(QStringLiteral("0:"));
    QTest::newRow("one text") << Packets {EngineIoPacket(Type::Message, QStringLiteral("hello"))}
                              << false << EngineIoRawData::fromText(QStringLiteral("6:4hello"));
    QTest::newRow("open") << Packets {EngineIoPacket(Type::Open, str(R"({"sid":"x"})"))} << true
                          << EngineIoRawData::fromText(str(R"(12:0{"sid":"x"})"));
    QTest::newRow("several") << Packets {EngineIoPacket(Type::Message, QStringLiteral("40")),
        EngineIoPacket(Type::Pong), EngineIoPacket(Type::Message, str(R"(42["a"])"))}
                             << true << EngineIoRawData::fromText(str(R"(3:4401:38:442["a"])"));
    QTest::newRow("length counts UTF-16 units")
        << Packets {EngineIoPacket(Type::Message, str(R"(\u00e9\ud83d\ude00)"))} << false
        << EngineIoRawData::fromText(str(R"(4:4\u00e9\ud83d\ude00)"));
    QTest::newRow("message without data") << Packets {EngineIoPacket(Type::Message)} << false
                                          << EngineIoRawData::fromText(QStringLiteral("1:4"));
    QTest::newRow("binary as b4 base64")
        << Packets {EngineIoPacket(Type::Message, bin("010203"))} << false
        << EngineIoRawData::fromText(QStringLiteral("6:b4AQID"));
    QTest::newRow("binary as b4 base64 mixed")
        << Packets {EngineIoPacket(Type::Message, QStringLiteral("451-[]")),
               EngineIoPacket(Type::Message, bin("0102"))}
        << false << EngineIoRawData::fromText(QStringLiteral("7:4451-[]6:b4AQI="));
    QTest::newRow("binary framing") << Packets {EngineIoPacket(Type::Message, bin("010203"))}
                                    << true << EngineIoRawData::fromBinary(bin("0104ff04010203"));
    QTest::newRow("binary framing mixed")
        << Packets {EngineIoPacket(
                        Type::Message, str(R"(451-["a",{"_placeholder":true,"num":0}])")),
               EngineIoPacket(Type::Message, bin("0102"))}
        << true
        << EngineIoRawData::fromBinary(bin("000400ff343435312d5b2261222c7b225f706c616365686f6c64657"
                                           "2223a747275652c226e756d223a307d5d0103ff040102"));
    QTest::newRow("binary framing utf8 text")
        << Packets {EngineIoPacket(Type::Message, str(R"(\u00e9\ud83d\ude00\ud800)")),
               EngineIoPacket(Type::Message, bin(""))}
        << true << EngineIoRawData::fromBinary(bin("000100ff34c3a9f09f9880efbfbd0101ff04"));
    QTest::newRow("binary framing long length")
        << Packets {EngineIoPacket(Type::Message, QStringLiteral("xxxxxxxxxxx")),
               EngineIoPacket(Type::Message, bin("ff"))}
        << true << EngineIoRawData::fromBinary(bin("000102ff3478787878787878787878780102ff04ff"));
    QTest::newRow("binary framing ping")
        << Packets {EngineIoPacket(Type::Ping), EngineIoPacket(Type::Message, bin("00"))} << true
        << EngineIoRawData::fromBinary(bin("0001ff320102ff0400"));
}

void TestEngineIoPayload::encodeV3()
{
    QFETCH(Packets, packets);
    QFETCH(bool, supportsBinary);
    QFETCH(EngineIoRawData, expected);
    const EngineIoRawData encoded = EngineIoPayload::encodeV3(packets, supportsBinary);
    QCOMPARE(encoded.isBinary(), expected.isBinary());
    QCOMPARE(encoded.text(), expected.text());
    QCOMPARE(encoded.bytes().toHex(), expected.bytes().toHex());
}

void TestEngineIoPayload::decodeV4_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one packet") << QStringLiteral("4hello") << str(R"(message "hello")");
    QTest::newRow("three packets") << str(R"(4hello\u001e2\u001e4world)")
                                   << str(R"(message "hello" | ping | message "world")");
    QTest::newRow("handshake and message") << str(
        R"(0{"sid":"x"}\u001e4hello)") << str(R"(open "{\\"sid\\":\\"x\\"}" | message "hello")");
    QTest::newRow("base64 binary")
        << str(R"(451-["a",{"_placeholder":true,"num":0}]\u001ebAQID)")
        << str(R"(message "51-[\\"a\\",{\\"_placeholder\\":true,\\"num\\":0}]")"
               R"( | message <010203>)");
    QTest::newRow("empty body") << QStringLiteral("") << str(R"(error "parser error")");
    QTest::newRow("trailing separator")
        << str(R"(4a\u001e)") << str(R"(message "a" | error "parser error")");
    QTest::newRow("leading separator") << str(R"(\u001e4a)") << str(R"(error "parser error")");
    QTest::newRow("two separators")
        << str(R"(4a\u001e\u001e4b)") << str(R"(message "a" | error "parser error")");
    QTest::newRow("unknown type stops")
        << str(R"(4a\u001eabc\u001e4b)") << str(R"(message "a" | error "parser error")");
    QTest::newRow("unknown type first") << str(R"(abc\u001e4a)") << str(R"(error "parser error")");
    QTest::newRow("close in the middle")
        << str(R"(4a\u001e1\u001e4b)") << str(R"(message "a" | close | message "b")");
    QTest::newRow("type without data") << str(R"(4\u001e6)") << QStringLiteral("message | noop");
    QTest::newRow("lone surrogate") << str(R"(4\ud800)") << str(R"(message "\\ud800")");
}

void TestEngineIoPayload::decodeV4()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(describe(EngineIoPayload::decodeV4(input)), expected);
}

void TestEngineIoPayload::decodeV3Text_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one packet") << QStringLiteral("6:4hello") << str(R"(message "hello")");
    QTest::newRow("handshake") << str(R"(14:0{"sid":"abc"})")
                               << str(R"(open "{\\"sid\\":\\"abc\\"}")");
    QTest::newRow("two packets") << QStringLiteral("2:403:2ab")
                                 << str(R"(message "0" | ping "ab")");
    QTest::newRow("empty payload") << QStringLiteral("0:") << QStringLiteral("");
    QTest::newRow("empty body") << QStringLiteral("") << str(R"(error "parser error")");
    QTest::newRow("utf16 length") << str(R"(3:4\u00e9\ud83d\ude00)")
                                  << str(R"(message "\\u00e9\\ud83d" | error "parser error")");
    QTest::newRow("length too long")
        << QStringLiteral("7:4hello") << str(R"(error "parser error")");
    QTest::newRow("length too short")
        << QStringLiteral("5:4hello") << str(R"(message "hell" | error "parser error")");
    QTest::newRow("length not a number")
        << QStringLiteral("x:4hello") << str(R"(error "parser error")");
    QTest::newRow("empty length") << QStringLiteral(":4hello") << str(R"(error "parser error")");
    QTest::newRow("no colon") << QStringLiteral("4hello") << str(R"(error "parser error")");
    QTest::newRow("trailing garbage")
        << QStringLiteral("2:4a12") << str(R"(message "a" | error "parser error")");
    QTest::newRow("bad packet stops")
        << QStringLiteral("2:4a1:x2:4b") << str(R"(message "a" | error "parser error")");
    QTest::newRow("bad packet after good ones") << QStringLiteral(
        "2:4a2:4b1:9") << str(R"(message "a" | message "b" | error "parser error")");
    QTest::newRow("zero length packets skipped")
        << QStringLiteral("0:2:4a0:") << str(R"(message "a")");
    QTest::newRow("hex length") << QStringLiteral("0x6:4hello") << str(R"(message "hello")");
    QTest::newRow("padded length") << QStringLiteral(" 6 :4hello") << str(R"(message "hello")");
    QTest::newRow("exponent length") << QStringLiteral("6e0:4hello") << str(R"(message "hello")");
    QTest::newRow("plus length") << QStringLiteral("+6:4hello") << str(R"(message "hello")");
    QTest::newRow("fractional length") << QStringLiteral("6.0:4hello") << str(R"(message "hello")");
    QTest::newRow("half length") << QStringLiteral("1.5:4hello") << str(R"(error "parser error")");
    QTest::newRow("negative zero length") << QStringLiteral("-0:2:4a") << str(R"(message "a")");
    QTest::newRow("negative length") << QStringLiteral("-1:4") << str(R"(error "parser error")");
    QTest::newRow("Infinity length")
        << QStringLiteral("Infinity:4") << str(R"(error "parser error")");
    QTest::newRow("nbsp length") << str(R"(\u00a02:4a)") << str(R"(message "a")");
    QTest::newRow("b4 base64 packet")
        << QStringLiteral("6:b4AQID") << QStringLiteral("message <010203>");
    QTest::newRow("b9 unknown type")
        << QStringLiteral("6:b9AQID") << QStringLiteral("undefined <010203>");
    QTest::newRow("b alone") << QStringLiteral("1:b") << QStringLiteral("undefined <>");
    QTest::newRow("close packet") << QStringLiteral("1:12:4a") << str(R"(close | message "a")");
    QTest::newRow("ping") << QStringLiteral("1:2") << QStringLiteral("ping");
    QTest::newRow("colon in packet") << QStringLiteral("3:4::") << str(R"(message "::")");
    QTest::newRow("whitespace length") << QStringLiteral(" :2:4a") << str(R"(message "a")");
    QTest::newRow("binary octal length") << QStringLiteral("0b10:4a") << str(R"(message "a")");
}

void TestEngineIoPayload::decodeV3Text()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(describe(EngineIoPayload::decodeV3(QStringView(input))), expected);
}

void TestEngineIoPayload::decodeV3Binary_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one string packet") << bin("0006ff3468656c6c6f") << str(R"(message "hello")");
    QTest::newRow("string and binary")
        << bin("0002ff34610104ff04010203") << str(R"(message "a" | message <010203>)");
    QTest::newRow("empty body") << bin("") << QStringLiteral("");
    QTest::newRow("utf8 decoded") << bin("0003ff34c3a9") << str(R"(message "\\u00e9")");
    QTest::newRow("utf8 4 bytes") << bin("0005ff34f09f9880") << str(R"(message "\\ud83d\\ude00")");
    QTest::newRow("utf8 surrogate becomes fffd")
        << bin("0004ff34eda080") << str(R"(message "\\ufffd")");
    QTest::newRow("invalid utf8 is an error")
        << bin("0002ff34ff0002ff3461") << str(R"(error "parser error" | message "a")");
    QTest::newRow("overlong utf8 is an error")
        << bin("0003ff34c080") << str(R"(error "parser error")");
    QTest::newRow("truncated utf8 is an error")
        << bin("0003ff34e282") << str(R"(error "parser error")");
    QTest::newRow("b64 string packet")
        << bin("0006ff6234415149") << QStringLiteral("message <0102>");
    QTest::newRow("binary type 7 unknown") << bin("0102ff0701") << QStringLiteral("undefined <01>");
    QTest::newRow("binary empty body") << bin("0100ff") << QStringLiteral("undefined <>");
    QTest::newRow("no 255 byte") << bin("000101") << str(R"(error "parser error")");
    QTest::newRow("two digit length")
        << bin("000101ff3461616161616161616161") << str(R"(message "aaaaaaaaaa")");
    QTest::newRow("length byte 12 misaligns")
        << bin("000cff3461616161616161616161616161") << str(R"(error "parser error")");
    QTest::newRow("length digits missing") << bin("00ff3461") << str(R"(error "parser error")");
    QTest::newRow("string type 9 is an error") << bin("0001ff39") << str(R"(error "parser error")");
    QTest::newRow("ping string") << bin("0001ff32") << QStringLiteral("ping");
    QTest::newRow("flag 2 counts as binary") << bin("0202ff0401") << QStringLiteral("message <01>");
    QTest::newRow("length past the end") << bin("0009ff3461") << str(R"(message "a")");
    QTest::newRow("trailing flag byte") << bin("0002ff346100") << str(R"(error "parser error")");
    QTest::newRow("empty string packet") << bin("0000ff") << str(R"(error "parser error")");
}

void TestEngineIoPayload::decodeV3Binary()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(describe(EngineIoPayload::decodeV3(QByteArrayView(input))), expected);
}

void TestEngineIoPayload::decodeDispatchesOnProtocolAndKind()
{
    const auto text = EngineIoRawData::fromText(QStringLiteral("6:4hello"));
    QCOMPARE(describe(EngineIoPayload::decode(EngineIoProtocol::V3, text)),
        QStringLiteral("message \"hello\""));
    // the same text read as v4 is a noop carrying ":4hello"
    QCOMPARE(describe(EngineIoPayload::decode(EngineIoProtocol::V4, text)),
        QStringLiteral("noop \":4hello\""));
    const auto binary = EngineIoRawData::fromBinary(bin("0002ff3461"));
    QCOMPARE(describe(EngineIoPayload::decode(EngineIoProtocol::V3, binary)),
        QStringLiteral("message \"a\""));
    // engine.io answers 400 "invalid content" to an EIO=4 octet-stream body
    const Packets refused = EngineIoPayload::decode(EngineIoProtocol::V4, binary);
    QCOMPARE(refused.size(), std::size_t(1));
    QVERIFY(refused.front().isError());
    QVERIFY(refused.front().errorString().contains(QLatin1String("invalid content")));
}

void TestEngineIoPayload::errorsSayWhereAndWhy_data()
{
    QTest::addColumn<EngineIoProtocol>("protocol");
    QTest::addColumn<EngineIoRawData>("input");
    QTest::addColumn<QString>("errorString");

    QTest::newRow("v4 unknown type")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(str(R"(4a\u001eabc)"))
        << QStringLiteral("packet 1 at offset 3: unknown packet type 'a' (expected 0-6 or b)");
    QTest::newRow("v4 empty packet")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(str(R"(4a\u001e)"))
        << QStringLiteral("packet 1 at offset 3: empty packet: no type character");
    QTest::newRow("v3 empty body") << EngineIoProtocol::V3 << EngineIoRawData::fromText(QString())
                                   << QStringLiteral("empty payload");
    QTest::newRow("v3 length not a number")
        << EngineIoProtocol::V3 << EngineIoRawData::fromText(QStringLiteral("2:4ax:4b"))
        << QStringLiteral("length \"x\" at offset 4 is not a number");
    QTest::newRow("v3 length too long")
        << EngineIoProtocol::V3 << EngineIoRawData::fromText(QStringLiteral("9:4a"))
        << QStringLiteral(
               "length \"9\" at offset 0 announces 9 characters but only 2 characters follow");
    QTest::newRow("v3 fractional length")
        << EngineIoProtocol::V3 << EngineIoRawData::fromText(QStringLiteral("1.5:4a"))
        << QStringLiteral("length \"1.5\" at offset 0 announces 1.5 characters but it is not a "
                          "whole number of characters");
    QTest::newRow("v3 bad packet")
        << EngineIoProtocol::V3 << EngineIoRawData::fromText(QStringLiteral("2:4a1:9"))
        << QStringLiteral("packet at offset 6: unknown packet type '9' (expected 0-6 or b)");
    QTest::newRow("v3 trailing") << EngineIoProtocol::V3
                                 << EngineIoRawData::fromText(QStringLiteral("2:4a12"))
                                 << QStringLiteral("\"12\" at offset 4 is not followed by ':'");
    QTest::newRow("v3 binary without 255")
        << EngineIoProtocol::V3 << EngineIoRawData::fromBinary(bin("0002ff3461000101"))
        << QStringLiteral("packet 1 at byte 5: no 255 byte ends its length");
    QTest::newRow("v3 binary invalid utf8")
        << EngineIoProtocol::V3 << EngineIoRawData::fromBinary(bin("0002ff34ff"))
        << QStringLiteral("packet 0: invalid UTF-8");
}

void TestEngineIoPayload::errorsSayWhereAndWhy()
{
    QFETCH(EngineIoProtocol, protocol);
    QFETCH(EngineIoRawData, input);
    QFETCH(QString, errorString);
    const Packets packets = EngineIoPayload::decode(protocol, input);
    QVERIFY(!packets.empty());
    QVERIFY(packets.back().isError());
    QCOMPARE(packets.back().errorString(), errorString);
}

void TestEngineIoPayload::roundTripsThroughEveryForm()
{
    const Packets packets {EngineIoPacket(Type::Open, QStringLiteral("{\"sid\":\"x\"}")),
        EngineIoPacket(Type::Message, str(R"(h\u00e9\ud83d\ude00 :)")),
        EngineIoPacket(Type::Message, bin("00ff10")), EngineIoPacket(Type::Message),
        EngineIoPacket(Type::Noop)};
    QCOMPARE(EngineIoPayload::decodeV4(EngineIoPayload::encodeV4(packets)), packets);
    const EngineIoRawData text = EngineIoPayload::encodeV3(packets, false);
    QVERIFY(!text.isBinary());
    QCOMPARE(EngineIoPayload::decodeV3(QStringView(text.text())), packets);
    const EngineIoRawData binary = EngineIoPayload::encodeV3(packets, true);
    QVERIFY(binary.isBinary());
    QCOMPARE(EngineIoPayload::decodeV3(QByteArrayView(binary.bytes())), packets);
}

void TestEngineIoPayload::largePayloadsDecodeInLinearTime()
{
    // 1 MB (maxHttpBufferSize) of tiny packets, in each form
    Packets many(200000, EngineIoPacket(Type::Message, QStringLiteral("x")));
    QCOMPARE(EngineIoPayload::decodeV4(EngineIoPayload::encodeV4(many)).size(), many.size());
    const EngineIoRawData text = EngineIoPayload::encodeV3(many, false);
    QCOMPARE(EngineIoPayload::decodeV3(QStringView(text.text())).size(), many.size());
    many.push_back(EngineIoPacket(Type::Message, bin("01")));
    const EngineIoRawData binary = EngineIoPayload::encodeV3(many, true);
    QCOMPARE(EngineIoPayload::decodeV3(QByteArrayView(binary.bytes())).size(), many.size());
    // a binary payload whose lengths never end gives up after 310 characters
    QCOMPARE(EngineIoPayload::decodeV3(QByteArrayView(QByteArray(1000000, '\x09'))).size(),
        std::size_t(1));
}

void TestEngineIoPayload::utf8Encode_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("ascii") << QStringLiteral("abc") << bin("616263");
    QTest::newRow("two bytes") << str(R"(\u00e9)") << bin("c3a9");
    QTest::newRow("three bytes") << str(R"(\u20ac)") << bin("e282ac");
    QTest::newRow("surrogate pair") << str(R"(\ud83d\ude00)") << bin("f09f9880");
    QTest::newRow("lone high surrogate") << str(R"(\ud800a)") << bin("efbfbd61");
    QTest::newRow("lone low surrogate") << str(R"(\udc00)") << bin("efbfbd");
    QTest::newRow("reversed pair") << str(R"(\ude00\ud83d)") << bin("efbfbdefbfbd");
}

void TestEngineIoPayload::utf8Encode()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(nodejs::utf8Encode(input).toHex(), expected.toHex());
    if (!expected.contains(bin("efbfbd")))
        QCOMPARE(nodejs::utf8Decode(expected), std::optional<QString>(input));
}

QTEST_GUILESS_MAIN(TestEngineIoPayload)
#include "tst_engineiopayload.moc"
