// Fuzz target: HttpRequestParser (and the request/response value types) on arbitrary bytes and
// arbitrary read boundaries.
#include "http/httprequestparser.h"
#include "http/httpresponse.h"

#include <QStringList>

#include <cstdint>
#include <cstdlib>

using namespace corslab;

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort();
}

// Everything observable about one run, to compare chunkings.
QByteArrayList outcome(const QByteArray &input, const QList<qsizetype> &cuts, bool upgradeHandled,
    qsizetype maxHeaderSize)
{
    HttpRequestParser parser;
    parser.setUpgradeHandled(upgradeHandled);
    parser.setMaxHeaderSize(maxHeaderSize);
    parser.setMaxBodySize(64);
    QByteArrayList lines;
    qsizetype start = 0;
    QList<qsizetype> bounds = cuts;
    bounds.append(input.size());
    const auto take = [&](const HttpParseOutput &out) {
        for (const HttpRequest &r : out.requests) {
            QByteArray line = r.method() + ' ' + r.target() + ' ' + r.version();
            for (const HttpHeaderField &f : r.headers().fields())
                line += '|' + f.name + ':' + f.value;
            line += "|body=" + r.body() + (r.isBodyTooLarge() ? "|too-large" : "");
            for (const HttpHeaderField &f : r.trailers().fields())
                line += "|trailer " + f.name + ':' + f.value;
            line += r.keepAlive() ? "|keep-alive" : "|close";
            line += r.isUpgrade() ? "|upgrade" : "";
            lines << line;
            // The head is the bytes of the stream where the request started.
            check(r.streamOffset() >= 0 && r.streamOffset() <= input.size());
            if (!r.isRawHeadTruncated())
                check(input.sliced(r.streamOffset()).startsWith(r.rawHead()));
            check(r.body().size() <= 64);
            // Exercise the value types on whatever was accepted.
            const QueryMap query = r.query();
            for (const QueryMap::Item &item : query.items())
                check(query.contains(item.first));
            const HttpResponseContext context = HttpResponseContext::forRequest(r, "date");
            HttpResponse response(r.isBodyTooLarge() ? 413 : 200, r.headers(), r.body());
            check(response.serializeHead(context).endsWith("\r\n\r\n"));
            (void)r.isWebSocketUpgrade();
            (void)r.expectsContinue();
            (void)r.header("origin");
        }
        if (out.error) {
            check(out.error->offset >= 0 && out.error->offset <= input.size() + 1);
            check(!out.error->code.isEmpty());
            lines << "error " + out.error->code;
        }
        if (out.ignoredError)
            lines << "ignored";
    };
    for (const qsizetype end : bounds) {
        take(parser.feed(QByteArrayView(input).sliced(start, end - start)));
        start = end;
    }
    take(parser.finish());
    check(parser.bytesFed() == input.size());
    if (parser.hasFailed()) {
        // A failed parser stays failed and quiet.
        const HttpParseOutput after = parser.feed("GET / HTTP/1.1\r\n\r\n");
        check(after.requests.isEmpty() && !after.error);
    }
    if (parser.isUpgraded())
        lines << "remainder " + parser.takeRemainder();
    return lines;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    if (input.size() > 64 * 1024)
        return 0;
    // Node's outcome does not depend on read boundaries while neither the header limit (only
    // checked at span ends and read ends) nor an unlistened upgrade (the rest of its read is
    // dropped) is involved: compare one read, two reads and one byte per read.
    const qsizetype noLimit = qsizetype(1) << 40;
    const QByteArrayList whole = outcome(input, {}, true, noLimit);
    if (input.size() < HttpRequestParser::MaxChunkExtensionsSize) {
        QList<qsizetype> bytewise;
        for (qsizetype i = 1; i < input.size() && i < 4096; ++i)
            bytewise.append(i);
        if (input.size() <= 4096)
            check(outcome(input, bytewise, true, noLimit) == whole);
        if (input.size() > 1)
            check(outcome(input, {input.size() / 2}, true, noLimit) == whole);
    }
    // Node's own limits and the no-listener path: only that nothing breaks.
    outcome(input, {}, false, HttpRequestParser::DefaultMaxHeaderSize);
    if (input.size() > 2)
        outcome(input, {1, input.size() / 3}, false, 32);
    return 0;
}
