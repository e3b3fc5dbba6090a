// Fuzz target: the Engine.IO packet and payload decoders (EIO=4, EIO=3 text and binary) on
// arbitrary input, with round trips where the encoders promise them.
#include "engineio/engineiopayload.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

using corslab::EngineIoPacket;
using corslab::EngineIoPayload;
using corslab::EngineIoProtocol;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool roundTrips(const std::vector<EngineIoPacket> &packets)
{
    for (const EngineIoPacket &p : packets) {
        if (p.isError() || p.type() == EngineIoPacket::Type::Unknown)
            return false;
    }
    return true;
}

bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (text[i].isSurrogate())
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const auto bytes
        = QByteArrayView(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    // First byte odd: the rest is UTF-16LE code units (lone surrogates reachable); even: UTF-8.
    const QString text = (data[0] & 1)
        ? QString(reinterpret_cast<const QChar *>(bytes.data()), bytes.size() / 2)
        : QString::fromUtf8(bytes);

    // EIO=4: what decodes without error encodes back to the same packets.
    const std::vector<EngineIoPacket> v4 = EngineIoPayload::decodeV4(text);
    check(!v4.empty());
    for (std::size_t i = 0; i + 1 < v4.size(); ++i)
        check(!v4[i].isError());
    if (roundTrips(v4))
        check(EngineIoPayload::decodeV4(EngineIoPayload::encodeV4(v4)) == v4);
    EngineIoPacket::decode(EngineIoProtocol::V4, QStringView(text));
    EngineIoPacket::decode(EngineIoProtocol::V4, bytes);

    // EIO=3 text: same, through the length-prefixed form.
    const std::vector<EngineIoPacket> v3 = EngineIoPayload::decodeV3(QStringView(text));
    if (roundTrips(v3)) {
        const corslab::EngineIoRawData encoded = EngineIoPayload::encodeV3(v3, false);
        check(!encoded.isBinary());
        check(EngineIoPayload::decodeV3(QStringView(encoded.text())) == v3);
    }
    EngineIoPacket::decode(EngineIoProtocol::V3, QStringView(text));
    EngineIoPacket::decode(EngineIoProtocol::V3, bytes);

    // EIO=3 binary framing: same, when the text packets survive UTF-8.
    const std::vector<EngineIoPacket> v3b = EngineIoPayload::decodeV3(bytes);
    if (roundTrips(v3b) && !v3b.empty()) {
        bool utf8Safe = true;
        for (const EngineIoPacket &p : v3b)
            utf8Safe = utf8Safe && !hasLoneSurrogate(p.text());
        std::vector<EngineIoPacket> withBinary = v3b;
        withBinary.push_back(EngineIoPacket(EngineIoPacket::Type::Message, QByteArray("\x01", 1)));
        const corslab::EngineIoRawData encoded = EngineIoPayload::encodeV3(withBinary, true);
        check(encoded.isBinary());
        if (utf8Safe)
            check(EngineIoPayload::decodeV3(QByteArrayView(encoded.bytes())) == withBinary);
    }
    return 0;
}
