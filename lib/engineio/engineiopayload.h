// Engine.IO polling payloads (several packets in one HTTP body): EIO=4 record-separated text,
// EIO=3 length-prefixed text and the EIO=3 application/octet-stream binary framing.
#pragma once

#include "engineio/engineiopacket.h"

#include <optional>
#include <vector>

namespace corslab {

class EngineIoPayload {
public:
    // The record separator between v4 packets (engine.io-parser index.ts SEPARATOR).
    static constexpr char16_t Separator = 0x1E;

    // engine.io-parser encodePayload (V4): packets joined by \x1e, binary as "b" + base64,
    // always text (supportsBinary is ignored). parser-v3 encodePayload (V3): with
    // supportsBinary and any binary packet, the octet-stream framing (encodePayloadAsBinary);
    // otherwise "<length>:<packet>" each, length in UTF-16 code units, binary as "b<digit>" +
    // base64, and "0:" for no packets at all.
    static EngineIoRawData encode(
        EngineIoProtocol protocol, const std::vector<EngineIoPacket> &packets, bool supportsBinary);
    static QString encodeV4(const std::vector<EngineIoPacket> &packets);
    static EngineIoRawData encodeV3(
        const std::vector<EngineIoPacket> &packets, bool supportsBinary);

    // The packets the real parser hands to the session, in order. Errors are values: an Error
    // packet (with errorString() saying why and where) stands where the parser produced one.
    //  - V4 text (engine.io-parser decodePayload): split on \x1e, decode each, stop after the
    //    first Error. A binary body gives a single Error: engine.io answers 400 "invalid
    //    content" to an EIO=4 application/octet-stream POST before decoding.
    //  - V3 text (parser-v3 decodePayload): packets are delivered one by one until a bad length
    //    or packet, which appends an Error and stops; "" is an Error; empty packets ("0:") are
    //    skipped. (engine.io's v3 polling stops at a close packet; that is the session's call.)
    //  - V3 binary (decodePayloadAsBinary): framing errors give a single Error and nothing else;
    //    otherwise every packet is decoded (UTF-8 for text packets) and all are returned, Error
    //    or Unknown packets included.
    // Decoding is linear in the input and never fails otherwise.
    static std::vector<EngineIoPacket> decode(
        EngineIoProtocol protocol, const EngineIoRawData &body);
    static std::vector<EngineIoPacket> decodeV4(QStringView text);
    static std::vector<EngineIoPacket> decodeV3(QStringView text);
    static std::vector<EngineIoPacket> decodeV3(QByteArrayView bytes);
};

namespace nodejs {

// utf8.js 2.1.2 as parser-v3 calls it ({strict: false}): lone surrogates become U+FFFD.
QByteArray utf8Encode(QStringView text);
// utf8.js decode ({strict: false}) of bytes; nullopt where it throws (invalid or truncated
// sequences, overlong forms, code points past U+10FFFF). Encoded surrogates become U+FFFD.
std::optional<QString> utf8Decode(QByteArrayView bytes);

} // namespace nodejs

} // namespace corslab
