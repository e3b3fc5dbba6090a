// Fuzz target: the Socket.IO decoder (and JSON.parse equivalent) on arbitrary message sequences.
// Input: messages separated by NUL bytes; a message starting with 'B' is binary (the rest), any
// other is text (UTF-8, or UTF-16LE code units after a leading 'U').
#include "socketio/socketiopacket.h"

#include <cstdint>
#include <cstdlib>

using corslab::JavaScriptJson;
using corslab::SocketIoDecoder;
using corslab::SocketIoDecodeResult;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

// JSON.stringify output parses back and stringifies to itself.
void checkStringifyStable(const corslab::JsonNode &value)
{
    const QString once = JavaScriptJson::stringify(value);
    const JavaScriptJson::ParseResult again = JavaScriptJson::parse(once);
    check(again.isOk());
    check(JavaScriptJson::stringify(again.value) == once);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto input = QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
    SocketIoDecoder decoder;
    qsizetype start = 0;
    while (start <= input.size()) {
        qsizetype end = input.indexOf('\0', start);
        if (end < 0)
            end = input.size();
        const QByteArrayView message = input.sliced(start, end - start);
        SocketIoDecodeResult r;
        if (message.startsWith('B')) {
            r = decoder.add(message.sliced(1).toByteArray());
        } else {
            const QByteArrayView body = message.startsWith('U') ? message.sliced(1) : message;
            const QString text = message.startsWith('U')
                ? QString(reinterpret_cast<const QChar *>(body.data()), body.size() / 2)
                : QString::fromUtf8(body);
            r = decoder.add(QStringView(text));
            const JavaScriptJson::ParseResult parsed = JavaScriptJson::parse(text);
            if (parsed.isOk())
                checkStringifyStable(parsed.value);
        }
        check((r.status == SocketIoDecodeResult::Status::Failed) == r.error.has_value());
        if (r.status == SocketIoDecodeResult::Status::Decoded) {
            check(r.packet.has_value());
            if (r.packet->data())
                checkStringifyStable(*r.packet->data());
            r.packet->encode();
        }
        start = end + 1;
    }
    return 0;
}
