// WebSocketFrameDecoder and WebSocketFrameEncoder against the bytes and events of the real ws 8.21
// server (captured from node with raw sockets; the limits rows from ws's Receiver fed the same
// chunks).
#include "websocket/websocketframedecoder.h"
#include "websocket/websocketframeencoder.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

// The masking key every captured client frame used.
const quint8 maskKey[4] = {0x37, 0xFA, 0x21, 0x3D};

// A client frame as the capture script built it: first byte, shortest length form, mask, masked
// payload.
QByteArray clientFrame(quint8 firstByte, const QByteArray &payload)
{
    QByteArray out(1, char(firstByte));
    const auto n = quint64(payload.size());
    if (n < 126) {
        out.append(char(0x80 | n));
    } else if (n < 65536) {
        out.append(char(0x80 | 126));
        out.append(char(n >> 8)).append(char(n & 0xFF));
    } else {
        out.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((n >> shift) & 0xFF));
    }
    out.append(reinterpret_cast<const char *>(maskKey), 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(char(quint8(payload[i]) ^ maskKey[i % 4]));
    return out;
}

// One line per event, in the words of the capture script's log.
QString render(const WebSocketEvent &event)
{
    const QString bytes = QString::fromLatin1(event.payload.toHex(' '));
    switch (event.type) {
    case WebSocketEvent::Type::Text:
        return u"text \""_s + QString::fromUtf8(event.payload) + u'"';
    case WebSocketEvent::Type::Binary:
        return u"binary "_s + bytes;
    case WebSocketEvent::Type::Ping:
        return u"ping "_s + bytes;
    case WebSocketEvent::Type::Pong:
        return u"pong "_s + bytes;
    case WebSocketEvent::Type::Close:
        return u"close %1 \""_s.arg(event.closeCode) + QString::fromUtf8(event.payload) + u'"';
    case WebSocketEvent::Type::Error:
        return u"error %1 "_s.arg(event.closeCode)
            + QString::fromLatin1(WebSocketEvent::errorCodeName(event.error)) + u" \""_s
            + event.errorString + u'"';
    }
    return {};
}

QStringList render(const QList<WebSocketEvent> &events)
{
    QStringList lines;
    for (const WebSocketEvent &event : events)
        lines.append(render(event));
    return lines;
}

struct Decoded {
    QList<WebSocketEvent> events;
    WebSocketFrameDecoder::State state;
};

Decoded decodeChunks(const QList<QByteArray> &chunks, const WebSocketFrameDecoder::Limits &limits)
{
    WebSocketFrameDecoder decoder(limits);
    Decoded result;
    for (const QByteArray &chunk : chunks)
        result.events.append(decoder.feed(chunk));
    result.state = decoder.state();
    return result;
}

QList<QByteArray> bytewise(const QByteArray &input)
{
    QList<QByteArray> chunks;
    for (const char c : input)
        chunks.append(QByteArray(1, c));
    return chunks;
}

QString repeatedText(char c, int n)
{
    return u"text \""_s + QString(n, QLatin1Char(c)) + u'"';
}

QByteArray ones(int n)
{
    return QByteArray(n, '\x01');
}

const QString maskMustBeSet
    = u"error 1002 WS_ERR_EXPECTED_MASK \"Invalid WebSocket frame: MASK must be set\""_s;
const QString rsv1MustBeClear
    = u"error 1002 WS_ERR_UNEXPECTED_RSV_1 \"Invalid WebSocket frame: RSV1 must be clear\""_s;
const QString rsv23MustBeClear = u"error 1002 WS_ERR_UNEXPECTED_RSV_2_3 "
                                 u"\"Invalid WebSocket frame: RSV2 and RSV3 must be clear\""_s;
const QString expectedFin
    = u"error 1002 WS_ERR_EXPECTED_FIN \"Invalid WebSocket frame: FIN must be set\""_s;
const QString invalidUtf8
    = u"error 1007 WS_ERR_INVALID_UTF8 \"Invalid WebSocket frame: invalid UTF-8 sequence\""_s;
const QString maxPayloadExceeded
    = u"error 1009 WS_ERR_UNSUPPORTED_MESSAGE_LENGTH \"Max payload size exceeded\""_s;

QString invalidOpcode(int opcode)
{
    return u"error 1002 WS_ERR_INVALID_OPCODE \"Invalid WebSocket frame: invalid opcode %1\""_s.arg(
        opcode);
}

QString invalidStatusCode(int code)
{
    return u"error 1002 WS_ERR_INVALID_CLOSE_CODE "
           u"\"Invalid WebSocket frame: invalid status code %1\""_s.arg(code);
}

QString invalidControlLength(int length)
{
    return u"error 1002 WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH "
           u"\"Invalid WebSocket frame: invalid payload length %1\""_s.arg(length);
}

// What ws sends back for each error code (websocket.close(err[kStatusCode])).
const QByteArray close1002 = hex("88 02 03 ea");
const QByteArray close1007 = hex("88 02 03 ef");
const QByteArray close1008 = hex("88 02 03 f0");
const QByteArray close1009 = hex("88 02 03 f1");

constexpr qint64 engineMaxPayload = 1000000; // engine.io maxHttpBufferSize default

} // namespace

class TestWebSocketFrame : public QObject {
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void limits_data();
    void limits();
    void bufferedChunks_data();
    void bufferedChunks();
    void ignoresBytesAfterTheEnd();
    void encode_data();
    void encode();
    void encoderRefusals_data();
    void encoderRefusals();
    void maxPayloadFromOption_data();
    void maxPayloadFromOption();
};

// Columns: the client's bytes after the 101, ws maxPayload, the events ws emitted, the bytes the ws
// server wrote back (pong, close echo, close after an error).
void TestWebSocketFrame::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("maxPayload");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QByteArray>("reply");

    const qint64 mp = engineMaxPayload;

    // Messages.
    QTest::newRow("text 'Hello' (RFC 6455 5.7 example bytes)")
        << hex("81 85 37 fa 21 3d 7f 9f 4d 51 58") << mp << QStringList {u"text \"Hello\""_s}
        << QByteArray();
    QTest::newRow("binary 3 bytes") << hex("82 83 37 fa 21 3d 36 f8 22") << mp
                                    << QStringList {u"binary 01 02 03"_s} << QByteArray();
    QTest::newRow("empty text") << hex("81 80 37 fa 21 3d") << mp << QStringList {u"text \"\""_s}
                                << QByteArray();
    QTest::newRow("all-zero mask")
        << hex("81 82 00 00 00 00 48 69") << mp << QStringList {u"text \"Hi\""_s} << QByteArray();
    QTest::newRow("16-bit length, 126 bytes")
        << clientFrame(0x81, QByteArray(126, 'a')) << mp << QStringList {repeatedText('a', 126)}
        << QByteArray();
    QTest::newRow("64-bit length, 65536 bytes")
        << clientFrame(0x82, QByteArray(65536, '\x07')) << mp
        << QStringList {u"binary "_s + QString::fromLatin1(QByteArray(65536, '\x07').toHex(' '))}
        << QByteArray();
    QTest::newRow("non-minimal 16-bit length accepted")
        << hex("81 fe 00 03 37 fa 21 3d 56 98 42") << mp << QStringList {u"text \"abc\""_s}
        << QByteArray();
    QTest::newRow("non-minimal 64-bit length accepted")
        << hex("81 ff 00 00 00 00 00 00 00 03 37 fa 21 3d 56 98 42") << mp
        << QStringList {u"text \"abc\""_s} << QByteArray();
    QTest::newRow("two messages in one chunk")
        << hex("81 81 37 fa 21 3d 56 82 81 37 fa 21 3d 3e") << mp
        << QStringList {u"text \"a\""_s, u"binary 09"_s} << QByteArray();
    QTest::newRow("4-byte UTF-8") << hex("81 84 37 fa 21 3d c7 65 b9 bd") << mp
                                  << QStringList {u"text \"\U0001F600\""_s} << QByteArray();

    // Fragmentation.
    QTest::newRow("fragmented text 'Hel' + 'lo'")
        << hex("01 83 37 fa 21 3d 7f 9f 4d 80 82 37 fa 21 3d 5b 95") << mp
        << QStringList {u"text \"Hello\""_s} << QByteArray();
    QTest::newRow("ping between fragments")
        << hex("01 83 37 fa 21 3d 7f 9f 4d 89 81 37 fa 21 3d 47 80 82 37 fa 21 3d 5b 95") << mp
        << QStringList {u"ping 70"_s, u"text \"Hello\""_s} << hex("8a 01 70");
    QTest::newRow("empty middle fragment")
        << hex("02 81 37 fa 21 3d 36 00 80 37 fa 21 3d 80 81 37 fa 21 3d 35") << mp
        << QStringList {u"binary 01 02"_s} << QByteArray();
    QTest::newRow("UTF-8 character split across fragments")
        << hex("01 82 37 fa 21 3d d5 78 80 81 37 fa 21 3d 9b") << mp
        << QStringList {u"text \"\u20AC\""_s} << QByteArray();

    // Control frames.
    QTest::newRow("ping is answered with the same data")
        << hex("89 83 37 fa 21 3d 56 98 42") << mp << QStringList {u"ping 61 62 63"_s}
        << hex("8a 03 61 62 63");
    QTest::newRow("empty ping") << hex("89 80 37 fa 21 3d") << mp << QStringList {u"ping "_s}
                                << hex("8a 00");
    QTest::newRow("125-byte ping")
        << clientFrame(0x89, QByteArray(125, 'a')) << mp
        << QStringList {u"ping "_s + QString::fromLatin1(QByteArray(125, 'a').toHex(' '))}
        << hex("8a 7d") + QByteArray(125, 'a');
    QTest::newRow("pong is not answered")
        << hex("8a 81 37 fa 21 3d 4f") << mp << QStringList {u"pong 78"_s} << QByteArray();
    QTest::newRow("close 1000 'bye' is echoed with its reason")
        << hex("88 85 37 fa 21 3d 34 12 43 44 52") << mp << QStringList {u"close 1000 \"bye\""_s}
        << hex("88 05 03 e8 62 79 65");
    QTest::newRow("empty close is 1005, answered with an empty close")
        << hex("88 80 37 fa 21 3d") << mp << QStringList {u"close 1005 \"\""_s} << hex("88 00");
    QTest::newRow("close 3000") << hex("88 82 37 fa 21 3d 3c 42") << mp
                                << QStringList {u"close 3000 \"\""_s} << hex("88 02 0b b8");
    QTest::newRow("close 4999") << hex("88 82 37 fa 21 3d 24 7d") << mp
                                << QStringList {u"close 4999 \"\""_s} << hex("88 02 13 87");
    QTest::newRow("close 1014") << hex("88 82 37 fa 21 3d 34 0c") << mp
                                << QStringList {u"close 1014 \"\""_s} << hex("88 02 03 f6");
    QTest::newRow("data after a close frame is ignored")
        << hex("88 82 37 fa 21 3d 34 13 81 84 37 fa 21 3d 5b 9b 55 58") << mp
        << QStringList {u"close 1001 \"\""_s} << hex("88 02 03 e9");
    QTest::newRow("garbage after a close frame is ignored")
        << hex("88 80 37 fa 21 3d ff ff") << mp << QStringList {u"close 1005 \"\""_s}
        << hex("88 00");

    // Close frame errors.
    QTest::newRow("1-byte close body")
        << hex("88 81 37 fa 21 3d 34") << mp << QStringList {invalidControlLength(1)} << close1002;
    QTest::newRow("close code 1005") << hex("88 82 37 fa 21 3d 34 17") << mp
                                     << QStringList {invalidStatusCode(1005)} << close1002;
    QTest::newRow("close code 1004") << hex("88 82 37 fa 21 3d 34 16") << mp
                                     << QStringList {invalidStatusCode(1004)} << close1002;
    QTest::newRow("close code 1006") << hex("88 82 37 fa 21 3d 34 14") << mp
                                     << QStringList {invalidStatusCode(1006)} << close1002;
    QTest::newRow("close code 999") << hex("88 82 37 fa 21 3d 34 1d") << mp
                                    << QStringList {invalidStatusCode(999)} << close1002;
    QTest::newRow("close code 1015") << hex("88 82 37 fa 21 3d 34 0d") << mp
                                     << QStringList {invalidStatusCode(1015)} << close1002;
    QTest::newRow("close code 2999") << hex("88 82 37 fa 21 3d 3c 4d") << mp
                                     << QStringList {invalidStatusCode(2999)} << close1002;
    QTest::newRow("close code 5000") << hex("88 82 37 fa 21 3d 24 72") << mp
                                     << QStringList {invalidStatusCode(5000)} << close1002;
    QTest::newRow("close reason not UTF-8")
        << hex("88 83 37 fa 21 3d 34 12 de") << mp << QStringList {invalidUtf8} << close1007;

    // Header errors, in ws's order of checks.
    QTest::newRow("unmasked client frame")
        << hex("81 05 48 65 6c 6c 6f") << mp << QStringList {maskMustBeSet} << close1002;
    QTest::newRow("unmasked pong")
        << hex("8a 01 78") << mp << QStringList {maskMustBeSet} << close1002;
    QTest::newRow("RSV1 without permessage-deflate")
        << hex("c1 81 37 fa 21 3d 4f") << mp << QStringList {rsv1MustBeClear} << close1002;
    QTest::newRow("RSV2") << hex("a1 81 37 fa 21 3d 4f") << mp << QStringList {rsv23MustBeClear}
                          << close1002;
    QTest::newRow("RSV3") << hex("91 81 37 fa 21 3d 4f") << mp << QStringList {rsv23MustBeClear}
                          << close1002;
    QTest::newRow("RSV1 checked before MASK")
        << hex("c1 01 78") << mp << QStringList {rsv1MustBeClear} << close1002;
    QTest::newRow("opcode 3") << hex("83 81 37 fa 21 3d 4f") << mp << QStringList {invalidOpcode(3)}
                              << close1002;
    QTest::newRow("opcode 7") << hex("87 80 37 fa 21 3d") << mp << QStringList {invalidOpcode(7)}
                              << close1002;
    QTest::newRow("opcode 11") << hex("8b 80 37 fa 21 3d") << mp << QStringList {invalidOpcode(11)}
                               << close1002;
    QTest::newRow("opcode 15") << hex("8f 80 37 fa 21 3d") << mp << QStringList {invalidOpcode(15)}
                               << close1002;
    QTest::newRow("continuation without a message")
        << hex("80 81 37 fa 21 3d 4f") << mp << QStringList {invalidOpcode(0)} << close1002;
    QTest::newRow("text inside a fragmented message")
        << hex("01 81 37 fa 21 3d 56 81 81 37 fa 21 3d 55") << mp << QStringList {invalidOpcode(1)}
        << close1002;
    QTest::newRow("binary inside a fragmented message")
        << hex("01 81 37 fa 21 3d 56 82 81 37 fa 21 3d 55") << mp << QStringList {invalidOpcode(2)}
        << close1002;
    QTest::newRow("fragmented ping")
        << hex("09 81 37 fa 21 3d 4f") << mp << QStringList {expectedFin} << close1002;
    QTest::newRow("fragmented close")
        << hex("08 80 37 fa 21 3d") << mp << QStringList {expectedFin} << close1002;
    QTest::newRow("126-byte ping") << clientFrame(0x89, QByteArray(126, '\0')) << mp
                                   << QStringList {invalidControlLength(126)} << close1002;
    QTest::newRow("ping with 64-bit length, checked before MASK")
        << hex("89 7f") << mp << QStringList {invalidControlLength(127)} << close1002;
    QTest::newRow("MASK checked before a 64-bit length")
        << hex("82 7f 80 00 00 00 00 00 00 00") << mp << QStringList {maskMustBeSet} << close1002;
    QTest::newRow("message, then an error in the same chunk")
        << hex("81 82 37 fa 21 3d 58 91 83 80") << mp
        << QStringList {u"text \"ok\""_s, invalidOpcode(3)} << close1002;

    // UTF-8 of text messages.
    QTest::newRow("invalid byte 0xff")
        << hex("81 82 37 fa 21 3d 56 05") << mp << QStringList {invalidUtf8} << close1007;
    QTest::newRow("overlong 2-byte form")
        << hex("81 82 37 fa 21 3d f7 55") << mp << QStringList {invalidUtf8} << close1007;
    QTest::newRow("overlong 3-byte form")
        << hex("81 83 37 fa 21 3d d7 7a 8e") << mp << QStringList {invalidUtf8} << close1007;
    QTest::newRow("surrogate U+D800")
        << hex("81 83 37 fa 21 3d da 5a a1") << mp << QStringList {invalidUtf8} << close1007;
    QTest::newRow("above U+10FFFF")
        << hex("81 84 37 fa 21 3d c3 6a a1 bd") << mp << QStringList {invalidUtf8} << close1007;
    QTest::newRow("truncated sequence")
        << hex("81 82 37 fa 21 3d d5 78") << mp << QStringList {invalidUtf8} << close1007;
    QTest::newRow("bad UTF-8 in a first fragment loses to a later RSV1")
        << hex("01 81 37 fa 21 3d c8 c0 81 37 fa 21 3d 4f") << mp << QStringList {rsv1MustBeClear}
        << close1002;

    // maxPayload (checked on the length, before the payload arrives).
    QTest::newRow("11 bytes over maxPayload 10, header only")
        << hex("81 fe 00 0b") << qint64(10) << QStringList {maxPayloadExceeded} << close1009;
    QTest::newRow("exactly maxPayload")
        << hex("82 8a 37 fa 21 3d 36 fb 20 3c 36 fb 20 3c 36 fb") << qint64(10)
        << QStringList {u"binary "_s + QString::fromLatin1(ones(10).toHex(' '))} << QByteArray();
    QTest::newRow("fragments add up over maxPayload")
        << hex("02 86 37 fa 21 3d 37 fa 21 3d 37 fa 80 85") << qint64(10)
        << QStringList {maxPayloadExceeded} << close1009;
    QTest::newRow("control frames do not count")
        << clientFrame(0x02, QByteArray(10, '\0')) + clientFrame(0x89, QByteArray(100, '\0'))
            + clientFrame(0x80, {})
        << qint64(10)
        << QStringList {u"ping "_s + QString::fromLatin1(QByteArray(100, '\0').toHex(' ')),
               u"binary "_s + QString::fromLatin1(QByteArray(10, '\0').toHex(' '))}
        << hex("8a 64") + QByteArray(100, '\0');
    QTest::newRow("64-bit length over 2^53 - 1")
        << hex("82 ff 00 20 00 00 00 00 00 00") << mp
        << QStringList {u"error 1009 WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH "
                        u"\"Unsupported WebSocket frame: payload length > 2^53 - 1\""_s}
        << close1009;
    QTest::newRow("64-bit length 2^53 - 1 over maxPayload")
        << hex("82 ff 00 1f ff ff ff ff ff ff") << qint64(10) << QStringList {maxPayloadExceeded}
        << close1009;
    QTest::newRow("maxPayload 0 is no limit")
        << clientFrame(0x82, QByteArray(20, '\0')) << qint64(0)
        << QStringList {u"binary "_s + QString::fromLatin1(QByteArray(20, '\0').toHex(' '))}
        << QByteArray();
}

// Every row gives the same events whole, split in two at every position, and byte by byte.
void TestWebSocketFrame::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, maxPayload);
    QFETCH(QStringList, events);
    QFETCH(QByteArray, reply);

    WebSocketFrameDecoder::Limits limits;
    limits.maxPayload = maxPayload;

    const Decoded whole = decodeChunks({input}, limits);
    QCOMPARE(render(whole.events), events);

    QByteArray replied;
    for (const WebSocketEvent &event : whole.events)
        replied.append(WebSocketFrameEncoder::automaticReply(event));
    QCOMPARE(replied.toHex(' '), reply.toHex(' '));

    const auto expectedState = whole.events.isEmpty() ? WebSocketFrameDecoder::State::Open
        : whole.events.last().type == WebSocketEvent::Type::Close
        ? WebSocketFrameDecoder::State::CloseReceived
        : whole.events.last().type == WebSocketEvent::Type::Error
        ? WebSocketFrameDecoder::State::Failed
        : WebSocketFrameDecoder::State::Open;
    QCOMPARE(whole.state, expectedState);

    const Decoded single = decodeChunks(bytewise(input), limits);
    QCOMPARE(render(single.events), events);
    QCOMPARE(single.state, expectedState);

    // Two chunks split at every position (only the first and last 64 for the big rows).
    for (qsizetype at = 1; at < input.size(); ++at) {
        if (input.size() > 4096 && at > 64 && at < input.size() - 64)
            continue;
        const Decoded split = decodeChunks({input.first(at), input.sliced(at)}, limits);
        if (split.events != whole.events)
            QFAIL(qPrintable(
                u"split at byte %1 gives %2"_s.arg(at).arg(render(split.events).join(u"; "_s))));
    }
}

// ws Receiver with maxFragments / maxPayload, fed whole.
void TestWebSocketFrame::limits_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("maxFragments");
    QTest::addColumn<QStringList>("events");

    const auto fragments = [](int count) {
        QByteArray out = clientFrame(0x01, {});
        for (int i = 0; i < count - 2; ++i)
            out.append(clientFrame(0x00, {}));
        out.append(clientFrame(0x80, {}));
        return out;
    };
    const QString tooMany
        = u"error 1008 WS_ERR_TOO_MANY_BUFFERED_PARTS \"Too many message fragments\""_s;

    QTest::newRow("16384 fragments, ws default")
        << fragments(16384) << qint64(16384) << QStringList {u"text \"\""_s};
    QTest::newRow("16385 fragments, ws default")
        << fragments(16385) << qint64(16384) << QStringList {tooMany};
    QTest::newRow("3 fragments, maxFragments 2")
        << fragments(3) << qint64(2) << QStringList {tooMany};
    QTest::newRow("2 fragments, maxFragments 2")
        << fragments(2) << qint64(2) << QStringList {u"text \"\""_s};
    QTest::newRow("a ping between 2 fragments is not a fragment")
        << clientFrame(0x01, {}) + clientFrame(0x89, {}) + clientFrame(0x80, {}) << qint64(2)
        << QStringList {u"ping "_s, u"text \"\""_s};
    QTest::newRow("maxFragments 0 is no limit")
        << fragments(20000) << qint64(0) << QStringList {u"text \"\""_s};
}

void TestWebSocketFrame::limits()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, maxFragments);
    QFETCH(QStringList, events);

    WebSocketFrameDecoder::Limits limits;
    limits.maxFragments = maxFragments;
    QCOMPARE(render(decodeChunks({input}, limits).events), events);
    if (events.last().startsWith(u"error"_s))
        QCOMPARE(WebSocketFrameEncoder::automaticReply(decodeChunks({input}, limits).events.last()),
            close1008);
}

// ws Receiver._write() with maxBufferedChunks, fed the same chunks.
void TestWebSocketFrame::bufferedChunks_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<qint64>("maxBufferedChunks");
    QTest::addColumn<QStringList>("events");

    const QByteArray hello = hex("81 85 37 fa 21 3d 7f 9f 4d 51 58");
    const QString tooMany
        = u"error 1008 WS_ERR_TOO_MANY_BUFFERED_PARTS \"Too many buffered chunks\""_s;
    const QString text = u"text \"Hello\""_s;

    QTest::newRow("byte by byte, limit 3: the 4th mask byte")
        << bytewise(hello) << qint64(3) << QStringList {tooMany};
    QTest::newRow("byte by byte, limit 5") << bytewise(hello) << qint64(5) << QStringList {text};
    QTest::newRow("byte by byte, limit 6") << bytewise(hello) << qint64(6) << QStringList {text};
    QTest::newRow("header chunk ends on a boundary, limit 1")
        << QList<QByteArray> {hello.first(2), hello.sliced(2)} << qint64(1) << QStringList {text};
    QTest::newRow("1 byte then the rest, limit 1") << QList<QByteArray> {hello.first(1),
        hello.sliced(1)} << qint64(1) << QStringList {tooMany};
    QTest::newRow("3 bytes then the rest, limit 1") << QList<QByteArray> {hello.first(3),
        hello.sliced(3)} << qint64(1) << QStringList {tooMany};
}

void TestWebSocketFrame::bufferedChunks()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(qint64, maxBufferedChunks);
    QFETCH(QStringList, events);

    WebSocketFrameDecoder::Limits limits;
    limits.maxBufferedChunks = maxBufferedChunks;
    QCOMPARE(render(decodeChunks(chunks, limits).events), events);
}

void TestWebSocketFrame::ignoresBytesAfterTheEnd()
{
    WebSocketFrameDecoder decoder;
    QCOMPARE(decoder.feed(hex("81 05 48 65 6c 6c 6f")).size(), 1);
    QCOMPARE(decoder.state(), WebSocketFrameDecoder::State::Failed);
    QVERIFY(decoder.feed(hex("81 81 37 fa 21 3d 56")).isEmpty());
    QVERIFY(decoder.isFinished());

    WebSocketFrameDecoder closed;
    QCOMPARE(render(closed.feed(hex("88 80 37 fa 21 3d"))), QStringList {u"close 1005 \"\""_s});
    QVERIFY(closed.feed(hex("81 81 37 fa 21 3d 56")).isEmpty());
    QCOMPARE(closed.state(), WebSocketFrameDecoder::State::CloseReceived);
}

// Bytes the ws server wrote for ws.send()/ping()/pong()/close().
void TestWebSocketFrame::encode_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QByteArray>("expected");

    using E = WebSocketFrameEncoder;
    QTest::newRow("send('4hello')") << E::text("4hello") << hex("81 06 34 68 65 6c 6c 6f");
    QTest::newRow("send('')") << E::text({}) << hex("81 00");
    QTest::newRow("send('\u00e9\u20ac')")
        << E::text("\xc3\xa9\xe2\x82\xac") << hex("81 05 c3 a9 e2 82 ac");
    QTest::newRow("send(Buffer [1,2,3])") << E::binary(hex("010203")) << hex("82 03 01 02 03");
    QTest::newRow("send(125 x)") << E::text(QByteArray(125, 'x'))
                                 << hex("81 7d") + QByteArray(125, 'x');
    QTest::newRow("send(126 x)") << E::text(QByteArray(126, 'x'))
                                 << hex("81 7e 00 7e") + QByteArray(126, 'x');
    QTest::newRow("send(65535 bytes)")
        << E::binary(QByteArray(65535, '\xab')) << hex("82 7e ff ff") + QByteArray(65535, '\xab');
    QTest::newRow("send(65536 bytes)")
        << E::binary(QByteArray(65536, '\xab'))
        << hex("82 7f 00 00 00 00 00 01 00 00") + QByteArray(65536, '\xab');
    QTest::newRow("ping()") << E::ping().value() << hex("89 00");
    QTest::newRow("ping('hi')") << E::ping("hi").value() << hex("89 02 68 69");
    QTest::newRow("pong('hi')") << E::pong("hi").value() << hex("8a 02 68 69");
    QTest::newRow("close()") << E::close() << hex("88 00");
    QTest::newRow("close(1000)") << E::close(1000).value() << hex("88 02 03 e8");
    QTest::newRow("close(1000, 'bye')")
        << E::close(1000, "bye").value() << hex("88 05 03 e8 62 79 65");
    QTest::newRow("close(4000, '')") << E::close(4000, "").value() << hex("88 02 0f a0");
    QTest::newRow("close(1000, 123 bytes)") << E::close(1000, QByteArray(123, 'r')).value()
                                            << hex("88 7d 03 e8") + QByteArray(123, 'r');
    QTest::newRow("send('ab', {fin: false}); send('cd')")
        << E::frame(WebSocketOpcode::Text, "ab", false)
            + E::frame(WebSocketOpcode::Continuation, "cd")
        << hex("01 02 61 62 80 02 63 64");
}

void TestWebSocketFrame::encode()
{
    QFETCH(QByteArray, frame);
    QFETCH(QByteArray, expected);
    QCOMPARE(frame.size(), expected.size());
    QCOMPARE(frame.first(std::min<qsizetype>(frame.size(), 200)).toHex(' '),
        expected.first(std::min<qsizetype>(expected.size(), 200)).toHex(' '));
    QVERIFY(frame == expected);
}

// Where ws's Sender throws (TypeError / RangeError), the encoder gives nothing.
void TestWebSocketFrame::encoderRefusals_data()
{
    QTest::addColumn<bool>("refused");
    QTest::addColumn<bool>("expected");

    using E = WebSocketFrameEncoder;
    QTest::newRow("ping with 126 bytes") << !E::ping(QByteArray(126, 'p')).has_value() << true;
    QTest::newRow("pong with 126 bytes") << !E::pong(QByteArray(126, 'p')).has_value() << true;
    QTest::newRow("close(1005)") << !E::close(1005).has_value() << true;
    QTest::newRow("close(999)") << !E::close(999).has_value() << true;
    QTest::newRow("close(5000)") << !E::close(5000).has_value() << true;
    QTest::newRow("close(1000, 124 bytes)")
        << !E::close(1000, QByteArray(124, 'r')).has_value() << true;
    QTest::newRow("close(3000) is fine") << !E::close(3000).has_value() << false;
}

void TestWebSocketFrame::encoderRefusals()
{
    QFETCH(bool, refused);
    QFETCH(bool, expected);
    QCOMPARE(refused, expected);
}

// node -e 'console.log(x | 0)'
void TestWebSocketFrame::maxPayloadFromOption_data()
{
    QTest::addColumn<double>("option");
    QTest::addColumn<qint64>("maxPayload");

    QTest::newRow("1e6 (engine.io default)") << 1e6 << qint64(1000000);
    QTest::newRow("10.9") << 10.9 << qint64(10);
    QTest::newRow("1.5e6 + 0.7") << 1.5e6 + 0.7 << qint64(1500000);
    QTest::newRow("3e9 wraps negative (no limit)") << 3e9 << qint64(-1294967296);
    QTest::newRow("4294967297") << 4294967297.0 << qint64(1);
    QTest::newRow("2^31") << 2147483648.0 << qint64(-2147483648LL);
    QTest::newRow("-5") << -5.0 << qint64(-5);
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << qint64(0);
    QTest::newRow("Infinity") << std::numeric_limits<double>::infinity() << qint64(0);
}

void TestWebSocketFrame::maxPayloadFromOption()
{
    QFETCH(double, option);
    QFETCH(qint64, maxPayload);
    QCOMPARE(WebSocketFrameDecoder::maxPayloadFromOption(option), maxPayload);
}

QTEST_GUILESS_MAIN(TestWebSocketFrame)
#include "tst_websocketframe.moc"
