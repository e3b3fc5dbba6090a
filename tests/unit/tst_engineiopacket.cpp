// Engine.IO packet encoding/decoding (EIO=4 and EIO=3) and the JS/Node conversions behind it.
// Expected values come from running engine.io-parser 5.2.3, engine.io 6.6.12 build/parser-v3 and
// Node 20 (Buffer, Number) on the same input.
#include "engineio/engineiopacket.h"

#include "codectestutil.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace corslab;
using namespace corslab::codectest;
using Type = EngineIoPacket::Type;

Q_DECLARE_METATYPE(EngineIoProtocol)
Q_DECLARE_METATYPE(EngineIoPacket)
Q_DECLARE_METATYPE(EngineIoRawData)

class TestEngineIoPacket : public QObject {
    Q_OBJECT

private slots:
    void encode_data();
    void encode();
    void decode_data();
    void decode();
    void decodeTextAndBytesOverloadsAgree();
    void errorPacketSaysWhy();
    void typeNamesAndDigits();
    void base64Decode_data();
    void base64Decode();
    void base64EncodeIsStandard();
    void stringToNumber_data();
    void stringToNumber();
    void numberToString_data();
    void numberToString();
};

void TestEngineIoPacket::encode_data()
{
    QTest::addColumn<EngineIoProtocol>("protocol");
    QTest::addColumn<EngineIoPacket>("packet");
    QTest::addColumn<bool>("supportsBinary");
    QTest::addColumn<EngineIoRawData>("expected");

    QTest::newRow("v4 open")
        << EngineIoProtocol::V4
        << EngineIoPacket(Type::Open,
               str(R"({"sid":"abc","upgrades":["websocket"],"pingInterval":25000,")"
                   R"(pingTimeout":20000,"maxPayload":1000000})"))
        << true
        << EngineIoRawData::fromText(
               str(R"(0{"sid":"abc","upgrades":["websocket"],"pingInterval":25000,)"
                   R"("pingTimeout":20000,"maxPayload":1000000})"));
    QTest::newRow("v4 close") << EngineIoProtocol::V4 << EngineIoPacket(Type::Close) << true
                              << EngineIoRawData::fromText(QStringLiteral("1"));
    QTest::newRow("v4 ping") << EngineIoProtocol::V4 << EngineIoPacket(Type::Ping) << true
                             << EngineIoRawData::fromText(QStringLiteral("2"));
    QTest::newRow("v4 ping probe")
        << EngineIoProtocol::V4 << EngineIoPacket(Type::Ping, QStringLiteral("probe")) << true
        << EngineIoRawData::fromText(QStringLiteral("2probe"));
    QTest::newRow("v4 pong probe")
        << EngineIoProtocol::V4 << EngineIoPacket(Type::Pong, QStringLiteral("probe")) << true
        << EngineIoRawData::fromText(QStringLiteral("3probe"));
    QTest::newRow("v4 message text")
        << EngineIoProtocol::V4 << EngineIoPacket(Type::Message, QStringLiteral("hello")) << true
        << EngineIoRawData::fromText(QStringLiteral("4hello"));
    QTest::newRow("v4 message empty text")
        << EngineIoProtocol::V4 << EngineIoPacket(Type::Message, QStringLiteral("")) << true
        << EngineIoRawData::fromText(QStringLiteral("4"));
    QTest::newRow("v4 message without data")
        << EngineIoProtocol::V4 << EngineIoPacket(Type::Message) << true
        << EngineIoRawData::fromText(QStringLiteral("4"));
    QTest::newRow("v4 message unicode")
        << EngineIoProtocol::V4
        << EngineIoPacket(Type::Message, str(R"(h\u00e9\ud83d\ude00\ud800)")) << true
        << EngineIoRawData::fromText(str(R"(4h\u00e9\ud83d\ude00\ud800)"));
    QTest::newRow("v4 upgrade") << EngineIoProtocol::V4 << EngineIoPacket(Type::Upgrade) << true
                                << EngineIoRawData::fromText(QStringLiteral("5"));
    QTest::newRow("v4 noop") << EngineIoProtocol::V4 << EngineIoPacket(Type::Noop) << true
                             << EngineIoRawData::fromText(QStringLiteral("6"));
    QTest::newRow("v4 binary as frame")
        << EngineIoProtocol::V4 << EngineIoPacket(Type::Message, bin("010203")) << true
        << EngineIoRawData::fromBinary(bin("010203"));
    QTest::newRow("v4 binary as base64")
        << EngineIoProtocol::V4 << EngineIoPacket(Type::Message, bin("010203")) << false
        << EngineIoRawData::fromText(QStringLiteral("bAQID"));
    QTest::newRow("v4 empty binary as base64")
        << EngineIoProtocol::V4 << EngineIoPacket(Type::Message, bin("")) << false
        << EngineIoRawData::fromText(QStringLiteral("b"));
    QTest::newRow("v4 binary ping drops its type")
        << EngineIoProtocol::V4 << EngineIoPacket(Type::Ping, bin("ff")) << false
        << EngineIoRawData::fromText(QStringLiteral("b/w=="));
    QTest::newRow("v3 open") << EngineIoProtocol::V3
                             << EngineIoPacket(Type::Open, str(R"({"sid":"abc"})")) << true
                             << EngineIoRawData::fromText(str(R"(0{"sid":"abc"})"));
    QTest::newRow("v3 ping") << EngineIoProtocol::V3 << EngineIoPacket(Type::Ping) << false
                             << EngineIoRawData::fromText(QStringLiteral("2"));
    QTest::newRow("v3 pong") << EngineIoProtocol::V3 << EngineIoPacket(Type::Pong) << false
                             << EngineIoRawData::fromText(QStringLiteral("3"));
    QTest::newRow("v3 message text")
        << EngineIoProtocol::V3 << EngineIoPacket(Type::Message, QStringLiteral("hello")) << true
        << EngineIoRawData::fromText(QStringLiteral("4hello"));
    QTest::newRow("v3 binary with type byte")
        << EngineIoProtocol::V3 << EngineIoPacket(Type::Message, bin("010203")) << true
        << EngineIoRawData::fromBinary(bin("04010203"));
    QTest::newRow("v3 binary as b4 base64")
        << EngineIoProtocol::V3 << EngineIoPacket(Type::Message, bin("010203")) << false
        << EngineIoRawData::fromText(QStringLiteral("b4AQID"));
    QTest::newRow("v3 empty binary")
        << EngineIoProtocol::V3 << EngineIoPacket(Type::Message, bin("")) << false
        << EngineIoRawData::fromText(QStringLiteral("b4"));
}

void TestEngineIoPacket::encode()
{
    QFETCH(EngineIoProtocol, protocol);
    QFETCH(EngineIoPacket, packet);
    QFETCH(bool, supportsBinary);
    QFETCH(EngineIoRawData, expected);

    const EngineIoRawData encoded = packet.encode(protocol, supportsBinary);
    QCOMPARE(encoded.isBinary(), expected.isBinary());
    QCOMPARE(encoded.text(), expected.text());
    QCOMPARE(encoded.bytes().toHex(), expected.bytes().toHex());
}

void TestEngineIoPacket::decode_data()
{
    QTest::addColumn<EngineIoProtocol>("protocol");
    QTest::addColumn<EngineIoRawData>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("v4 open") << EngineIoProtocol::V4
                             << EngineIoRawData::fromText(str(R"(0{"sid":"x"})"))
                             << str(R"(open "{\\"sid\\":\\"x\\"}")");
    QTest::newRow("v4 close") << EngineIoProtocol::V4
                              << EngineIoRawData::fromText(QStringLiteral("1"))
                              << QStringLiteral("close");
    QTest::newRow("v4 ping") << EngineIoProtocol::V4
                             << EngineIoRawData::fromText(QStringLiteral("2"))
                             << QStringLiteral("ping");
    QTest::newRow("v4 ping probe")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(QStringLiteral("2probe"))
        << str(R"(ping "probe")");
    QTest::newRow("v4 pong") << EngineIoProtocol::V4
                             << EngineIoRawData::fromText(QStringLiteral("3"))
                             << QStringLiteral("pong");
    QTest::newRow("v4 message") << EngineIoProtocol::V4
                                << EngineIoRawData::fromText(QStringLiteral("4hello"))
                                << str(R"(message "hello")");
    QTest::newRow("v4 message without data")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(QStringLiteral("4"))
        << QStringLiteral("message");
    QTest::newRow("v4 upgrade") << EngineIoProtocol::V4
                                << EngineIoRawData::fromText(QStringLiteral("5"))
                                << QStringLiteral("upgrade");
    QTest::newRow("v4 noop") << EngineIoProtocol::V4
                             << EngineIoRawData::fromText(QStringLiteral("6"))
                             << QStringLiteral("noop");
    QTest::newRow("v4 message keeps lone surrogate")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(str(R"(4\ud800x)"))
        << str(R"(message "\\ud800x")");
    QTest::newRow("v4 message with separator char")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(str(R"(4a\u001eb)"))
        << str(R"(message "a\\u001eb")");
    QTest::newRow("v4 base64") << EngineIoProtocol::V4
                               << EngineIoRawData::fromText(QStringLiteral("bAQID"))
                               << QStringLiteral("message <010203>");
    QTest::newRow("v4 base64 empty")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(QStringLiteral("b"))
        << QStringLiteral("message <>");
    QTest::newRow("v4 base64 url-safe alphabet")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(QStringLiteral("b-_-_"))
        << QStringLiteral("message <fbffbf>");
    QTest::newRow("v4 base64 skips junk")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(QStringLiteral("bAQ*I D"))
        << QStringLiteral("message <010203>");
    QTest::newRow("v4 base64 stops at =")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(QStringLiteral("bAQ==AQID"))
        << QStringLiteral("message <01>");
    QTest::newRow("v4 base64 single char")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(QStringLiteral("bA"))
        << QStringLiteral("message <>");
    QTest::newRow("v4 base64 low byte of wide char")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(str(R"(b\u0141\u0141\u0141\u0141)"))
        << QStringLiteral("message <000000>");
    QTest::newRow("v4 empty string")
        << EngineIoProtocol::V4 << EngineIoRawData::fromText(QStringLiteral(""))
        << str(R"(error "parser error")");
    QTest::newRow("v4 type 7") << EngineIoProtocol::V4
                               << EngineIoRawData::fromText(QStringLiteral("7"))
                               << str(R"(error "parser error")");
    QTest::newRow("v4 letter") << EngineIoProtocol::V4
                               << EngineIoRawData::fromText(QStringLiteral("abc"))
                               << str(R"(error "parser error")");
    QTest::newRow("v4 space") << EngineIoProtocol::V4
                              << EngineIoRawData::fromText(QStringLiteral(" 4"))
                              << str(R"(error "parser error")");
    QTest::newRow("v4 upper B") << EngineIoProtocol::V4
                                << EngineIoRawData::fromText(QStringLiteral("BAQID"))
                                << str(R"(error "parser error")");
    QTest::newRow("v4 binary frame")
        << EngineIoProtocol::V4 << EngineIoRawData::fromBinary(bin("010203"))
        << QStringLiteral("message <010203>");
    QTest::newRow("v4 empty binary frame")
        << EngineIoProtocol::V4 << EngineIoRawData::fromBinary(bin(""))
        << QStringLiteral("message <>");
    QTest::newRow("v4 binary frame starting 04")
        << EngineIoProtocol::V4 << EngineIoRawData::fromBinary(bin("0401"))
        << QStringLiteral("message <0401>");
    QTest::newRow("v3 ping") << EngineIoProtocol::V3
                             << EngineIoRawData::fromText(QStringLiteral("2"))
                             << QStringLiteral("ping");
    QTest::newRow("v3 ping probe")
        << EngineIoProtocol::V3 << EngineIoRawData::fromText(QStringLiteral("2probe"))
        << str(R"(ping "probe")");
    QTest::newRow("v3 message") << EngineIoProtocol::V3
                                << EngineIoRawData::fromText(QStringLiteral("4hello"))
                                << str(R"(message "hello")");
    QTest::newRow("v3 message without data")
        << EngineIoProtocol::V3 << EngineIoRawData::fromText(QStringLiteral("4"))
        << QStringLiteral("message");
    QTest::newRow("v3 b4 base64") << EngineIoProtocol::V3
                                  << EngineIoRawData::fromText(QStringLiteral("b4AQID"))
                                  << QStringLiteral("message <010203>");
    QTest::newRow("v3 b0 base64") << EngineIoProtocol::V3
                                  << EngineIoRawData::fromText(QStringLiteral("b0AQID"))
                                  << QStringLiteral("open <010203>");
    QTest::newRow("v3 b9 base64 unknown type")
        << EngineIoProtocol::V3 << EngineIoRawData::fromText(QStringLiteral("b9AQID"))
        << QStringLiteral("undefined <010203>");
    QTest::newRow("v3 bx unknown type")
        << EngineIoProtocol::V3 << EngineIoRawData::fromText(QStringLiteral("bxAQID"))
        << QStringLiteral("undefined <010203>");
    QTest::newRow("v3 b alone") << EngineIoProtocol::V3
                                << EngineIoRawData::fromText(QStringLiteral("b"))
                                << QStringLiteral("undefined <>");
    QTest::newRow("v3 b4 alone") << EngineIoProtocol::V3
                                 << EngineIoRawData::fromText(QStringLiteral("b4"))
                                 << QStringLiteral("message <>");
    QTest::newRow("v3 empty string")
        << EngineIoProtocol::V3 << EngineIoRawData::fromText(QStringLiteral(""))
        << str(R"(error "parser error")");
    QTest::newRow("v3 type 7") << EngineIoProtocol::V3
                               << EngineIoRawData::fromText(QStringLiteral("7"))
                               << str(R"(error "parser error")");
    QTest::newRow("v3 letter") << EngineIoProtocol::V3
                               << EngineIoRawData::fromText(QStringLiteral("x"))
                               << str(R"(error "parser error")");
    QTest::newRow("v3 space") << EngineIoProtocol::V3
                              << EngineIoRawData::fromText(QStringLiteral(" "))
                              << str(R"(error "parser error")");
    QTest::newRow("v3 binary frame with type byte")
        << EngineIoProtocol::V3 << EngineIoRawData::fromBinary(bin("04010203"))
        << QStringLiteral("message <010203>");
    QTest::newRow("v3 binary frame type 0")
        << EngineIoProtocol::V3 << EngineIoRawData::fromBinary(bin("00ff"))
        << QStringLiteral("open <ff>");
    QTest::newRow("v3 binary frame type 7")
        << EngineIoProtocol::V3 << EngineIoRawData::fromBinary(bin("0701"))
        << QStringLiteral("undefined <01>");
    QTest::newRow("v3 binary frame ascii 4")
        << EngineIoProtocol::V3 << EngineIoRawData::fromBinary(bin("3401"))
        << QStringLiteral("undefined <01>");
    QTest::newRow("v3 empty binary frame")
        << EngineIoProtocol::V3 << EngineIoRawData::fromBinary(bin(""))
        << QStringLiteral("undefined <>");
}

void TestEngineIoPacket::decode()
{
    QFETCH(EngineIoProtocol, protocol);
    QFETCH(EngineIoRawData, input);
    QFETCH(QString, expected);

    const EngineIoPacket packet = EngineIoPacket::decode(protocol, input);
    QCOMPARE(describe(packet), expected);
    QCOMPARE(packet.isError(), !packet.errorString().isEmpty());
}

void TestEngineIoPacket::decodeTextAndBytesOverloadsAgree()
{
    const QString text = QStringLiteral("4hello");
    QCOMPARE(EngineIoPacket::decode(EngineIoProtocol::V4, QStringView(text)),
        EngineIoPacket::decode(EngineIoProtocol::V4, EngineIoRawData::fromText(text)));
    const QByteArray frame = bin("0401");
    QCOMPARE(EngineIoPacket::decode(EngineIoProtocol::V3, QByteArrayView(frame)),
        EngineIoPacket(Type::Message, bin("01")));
}

void TestEngineIoPacket::errorPacketSaysWhy()
{
    const EngineIoPacket p = EngineIoPacket::decode(EngineIoProtocol::V4, QStringView(u"x1"));
    QVERIFY(p.isError());
    QCOMPARE(p.text(), QStringLiteral("parser error"));
    QCOMPARE(p.errorString(), QStringLiteral("unknown packet type 'x' (expected 0-6 or b)"));
    // The reason is not part of the packet's identity.
    QCOMPARE(p, EngineIoPacket::parserError(QStringLiteral("another reason")));
}

void TestEngineIoPacket::typeNamesAndDigits()
{
    QCOMPARE(EngineIoPacket::typeName(Type::Open), QStringLiteral("open"));
    QCOMPARE(EngineIoPacket::typeName(Type::Noop), QStringLiteral("noop"));
    QCOMPARE(EngineIoPacket::typeName(Type::Error), QStringLiteral("error"));
    QCOMPARE(EngineIoPacket::typeName(Type::Unknown), QStringLiteral("undefined"));
    QCOMPARE(EngineIoPacket::typeDigit(Type::Message), QStringLiteral("4"));
    QCOMPARE(EngineIoPacket::typeDigit(Type::Unknown), QStringLiteral("undefined"));
    // engine.io-parser: PACKET_TYPES["error"] is undefined, so the JS encoder writes that word
    QCOMPARE(EngineIoPacket::parserError({}).encode(EngineIoProtocol::V4, true).text(),
        QStringLiteral("undefinedparser error"));
}

void TestEngineIoPacket::base64Decode_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QStringLiteral("") << bin("");
    QTest::newRow("one group") << QStringLiteral("QUJD") << bin("414243");
    QTest::newRow("padding ==") << QStringLiteral("QQ==") << bin("41");
    QTest::newRow("padding =") << QStringLiteral("QUI=") << bin("4142");
    QTest::newRow("no padding") << QStringLiteral("QUI") << bin("4142");
    QTest::newRow("single char dropped") << QStringLiteral("Q") << bin("");
    QTest::newRow("five chars") << QStringLiteral("QUJDR") << bin("414243");
    QTest::newRow("url-safe") << QStringLiteral("-_-_") << bin("fbffbf");
    QTest::newRow("standard") << QStringLiteral("+/+/") << bin("fbffbf");
    QTest::newRow("whitespace skipped") << str(R"(Q\u000aU\u0009J D)") << bin("414243");
    QTest::newRow("junk skipped") << QStringLiteral("QUJD*RA") << bin("41424344");
    QTest::newRow("stops at =") << QStringLiteral("QQ==QUJD") << bin("41");
    QTest::newRow("= in the middle") << QStringLiteral("QU=JD") << bin("41");
    QTest::newRow("leading =") << QStringLiteral("=QUJD") << bin("");
    QTest::newRow("nul skipped") << str(R"(QUJD\u0000RA)") << bin("41424344");
    QTest::newRow("low byte of U+0141 is A") << str(R"(\u0141\u0141\u0141\u0141)") << bin("000000");
    QTest::newRow("low byte of U+013D is =") << str(R"(QUJD\u013dQUJD)") << bin("414243");
    QTest::newRow("non-latin ignored") << str(R"(QUJ\u00e9D)") << bin("414243");
    QTest::newRow("lone surrogate low byte 00") << str(R"(QU\ud800JD)") << bin("414243");
    QTest::newRow("partial bits kept") << QStringLiteral("QR") << bin("41");
}

void TestEngineIoPacket::base64Decode()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(nodejs::base64Decode(input).toHex(), expected.toHex());
}

void TestEngineIoPacket::base64EncodeIsStandard()
{
    QCOMPARE(nodejs::base64Encode(bin("fbffbf01")), QStringLiteral("+/+/AQ=="));
    QCOMPARE(nodejs::base64Encode(QByteArrayView()), QString());
}

void TestEngineIoPacket::stringToNumber_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // String(Number(input)), "-0" for negative zero

    QTest::newRow("empty") << QStringLiteral("") << QStringLiteral("0");
    QTest::newRow("spaces") << QStringLiteral("  ") << QStringLiteral("0");
    QTest::newRow("integer") << QStringLiteral("12") << QStringLiteral("12");
    QTest::newRow("negative zero") << QStringLiteral("-0") << QStringLiteral("-0");
    QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("1");
    QTest::newRow("hex") << QStringLiteral("0x1F") << QStringLiteral("31");
    QTest::newRow("hex upper") << QStringLiteral("0X1f") << QStringLiteral("31");
    QTest::newRow("hex with sign") << QStringLiteral("-0x10") << QStringLiteral("NaN");
    QTest::newRow("octal") << QStringLiteral("0o17") << QStringLiteral("15");
    QTest::newRow("binary") << QStringLiteral("0b101") << QStringLiteral("5");
    QTest::newRow("binary bad digit") << QStringLiteral("0b2") << QStringLiteral("NaN");
    QTest::newRow("hex without digits") << QStringLiteral("0x") << QStringLiteral("NaN");
    QTest::newRow("exponent") << QStringLiteral("1e3") << QStringLiteral("1000");
    QTest::newRow("exponent sign") << QStringLiteral("1E+3") << QStringLiteral("1000");
    QTest::newRow("trailing dot") << QStringLiteral("1.") << QStringLiteral("1");
    QTest::newRow("leading dot") << QStringLiteral(".5") << QStringLiteral("0.5");
    QTest::newRow("dot alone") << QStringLiteral(".") << QStringLiteral("NaN");
    QTest::newRow("dangling exponent") << QStringLiteral("1e") << QStringLiteral("NaN");
    QTest::newRow("Infinity") << QStringLiteral("Infinity") << QStringLiteral("Infinity");
    QTest::newRow("minus Infinity") << QStringLiteral("-Infinity") << QStringLiteral("-Infinity");
    QTest::newRow("lowercase infinity") << QStringLiteral("infinity") << QStringLiteral("NaN");
    QTest::newRow("separator") << QStringLiteral("1_0") << QStringLiteral("NaN");
    QTest::newRow("leading zeros") << QStringLiteral("00012") << QStringLiteral("12");
    QTest::newRow("overflow") << QStringLiteral("1e400") << QStringLiteral("Infinity");
    QTest::newRow("negative overflow") << QStringLiteral("-1e400") << QStringLiteral("-Infinity");
    QTest::newRow("underflow") << QStringLiteral("1e-400") << QStringLiteral("0");
    QTest::newRow("nbsp and line separator trimmed")
        << str(R"(\u00a01\u2028)") << QStringLiteral("1");
    QTest::newRow("inner space") << QStringLiteral("1 1") << QStringLiteral("NaN");
    QTest::newRow("mongolian vowel separator") << str(R"(\u180e1)") << QStringLiteral("NaN");
    QTest::newRow("BOM trimmed") << str(R"(\ufeff7)") << QStringLiteral("7");
    QTest::newRow("above 2^53") << QStringLiteral("9007199254740993")
                                << QStringLiteral("9007199254740992");
    QTest::newRow("many digits") << QStringLiteral("123456789012345678901234567890")
                                 << QStringLiteral("1.2345678901234568e+29");
    QTest::newRow("smallest denormal") << QStringLiteral("5e-324") << QStringLiteral("5e-324");
    QTest::newRow("half denormal rounds up")
        << QStringLiteral("2.4703282292062328e-324") << QStringLiteral("5e-324");
    QTest::newRow("max double") << QStringLiteral("1.7976931348623157e308")
                                << QStringLiteral("1.7976931348623157e+308");
    QTest::newRow("rounds to infinity")
        << QStringLiteral("1.7976931348623159e308") << QStringLiteral("Infinity");
    QTest::newRow("double sign") << QStringLiteral("+-1") << QStringLiteral("NaN");
    QTest::newRow("fraction") << QStringLiteral("-.5e-3") << QStringLiteral("-0.0005");
    QTest::newRow("tab") << str(R"(\u00093\u0009)") << QStringLiteral("3");
    QTest::newRow("arabic digit") << str(R"(\u0661)") << QStringLiteral("NaN");
}

void TestEngineIoPacket::stringToNumber()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const double value = js::stringToNumber(input);
    const QString got
        = value == 0 && std::signbit(value) ? QStringLiteral("-0") : js::numberToString(value);
    QCOMPARE(got, expected);
}

void TestEngineIoPacket::numberToString_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("NaN") << double(std::numeric_limits<double>::quiet_NaN())
                         << QStringLiteral("NaN");
    QTest::newRow("Infinity") << double(std::numeric_limits<double>::infinity())
                              << QStringLiteral("Infinity");
    QTest::newRow("minus Infinity")
        << double(-std::numeric_limits<double>::infinity()) << QStringLiteral("-Infinity");
    QTest::newRow("negative zero") << double(-0.0) << QStringLiteral("0");
    QTest::newRow("integer") << double(42.0) << QStringLiteral("42");
    QTest::newRow("large integer") << double(1e21) << QStringLiteral("1e+21");
    QTest::newRow("below 1e21") << double(1e20) << QStringLiteral("100000000000000000000");
    QTest::newRow("small") << double(1e-7) << QStringLiteral("1e-7");
    QTest::newRow("0.000001") << double(0.000001) << QStringLiteral("0.000001");
    QTest::newRow("fraction") << double(0.1) << QStringLiteral("0.1");
    QTest::newRow("2^53 + 2") << double(9007199254740994.0) << QStringLiteral("9007199254740994");
}

void TestEngineIoPacket::numberToString()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(js::numberToString(value), expected);
}

QTEST_GUILESS_MAIN(TestEngineIoPacket)
#include "tst_engineiopacket.moc"
