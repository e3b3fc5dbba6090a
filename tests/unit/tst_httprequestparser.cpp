// HttpRequestParser and HttpRequest against what Node 20's http server does with the same bytes.
//
// Every expected value was produced by node v20.20.2 (llhttp 9.3.1): an
// http.createServer({requireHostHeader: false}) recording req.method/url/httpVersion/
// rawHeaders/body/rawTrailers/res.shouldKeepAlive, the 'upgrade' head and the clientError
// code, fed the same bytes over a raw net.Socket in the same chunks. A transcript line per
// request, then "error <status> <code>", "ignored <code>" or "remainder=<bytes>".
#include "http/httprequestparser.h"

#include <QRegularExpression>
#include <QTest>

using namespace corslab;

namespace {

QString escaped(QByteArrayView bytes)
{
    QString out;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\t')
            out += QStringLiteral("\\t");
        else if (c == '\\')
            out += QStringLiteral("\\\\");
        else if (u < 0x20 || u >= 0x7F)
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        else
            out += QLatin1Char(c);
    }
    return out;
}

QString describe(const HttpRequest &r)
{
    QString s = escaped(r.method()) + QLatin1Char(' ') + escaped(r.target())
        + QStringLiteral(" HTTP/") + QString::fromLatin1(r.version());
    for (const HttpHeaderField &f : r.headers().fields())
        s += QStringLiteral(" [") + escaped(f.name) + QStringLiteral(": ") + escaped(f.value)
            + QLatin1Char(']');
    if (!r.body().isEmpty())
        s += QStringLiteral(" body=") + escaped(r.body());
    for (const HttpHeaderField &f : r.trailers().fields())
        s += QStringLiteral(" trailer[") + escaped(f.name) + QStringLiteral(": ") + escaped(f.value)
            + QLatin1Char(']');
    if (!r.keepAlive())
        s += QStringLiteral(" close");
    if (r.isUpgrade())
        s += QStringLiteral(" upgrade");
    if (r.isBodyTooLarge())
        s += QStringLiteral(" too-large");
    return s;
}

struct Options {
    bool finish = false; // the peer half-closes after the bytes
    bool chunkingMatters = false; // Node's outcome depends on read boundaries
    bool upgradeHandled = true;
    qint64 maxBodySize = HttpRequestParser::DefaultMaxBodySize;
    qsizetype cut = -1; // feed in two reads split here
};

// Requests in order; a request whose head arrived but whose body never completed (Node emitted
// 'request' for it) shows as "head <request>" where it stands.
QStringList transcript(HttpRequestParser &parser, const QByteArrayList &chunks, bool finish)
{
    QStringList lines;
    qint64 discarded = 0;
    qsizetype pendingLine = -1;
    const auto take = [&](const HttpParseOutput &out) {
        for (const HttpRequest &r : out.requests) {
            if (pendingLine >= 0) {
                lines[pendingLine] = describe(r);
                pendingLine = -1;
            } else {
                lines << describe(r);
            }
        }
        if (out.pendingHead) {
            pendingLine = lines.size();
            lines << QStringLiteral("head ") + describe(*out.pendingHead);
        }
        if (out.error)
            lines << QStringLiteral("error %1 ").arg(out.error->status)
                    + QString::fromLatin1(out.error->code);
        if (out.ignoredError)
            lines << QStringLiteral("ignored ") + QString::fromLatin1(out.ignoredError->code);
        discarded += out.discardedBytes;
    };
    for (const QByteArray &chunk : chunks)
        take(parser.feed(chunk));
    if (finish)
        take(parser.finish());
    if (parser.isUpgraded())
        lines << QStringLiteral("remainder=") + escaped(parser.takeRemainder());
    if (discarded)
        lines << QStringLiteral("discarded=%1").arg(discarded);
    return lines;
}

QByteArray repeated(char c, qsizetype n)
{
    return QByteArray(n, c);
}

// A request whose Node-counted header bytes (URL + names + raw values) are exactly n:
// "/" (1) + "X" (1) + value (n - 2).
QByteArray countedHeaderBytes(qsizetype n)
{
    return "GET / HTTP/1.1\r\nX: " + repeated('a', n - 2) + "\r\n\r\n";
}

// A polling POST with a chunked body, an extension and a trailer, pipelined with a GET.
QByteArray exchangeBytes()
{
    return "POST /socket.io/?EIO=4&transport=polling&sid=abc HTTP/1.1\r\nHost: localhost:3000\r\n"
           "Content-type: text/plain;charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n"
           "4;ext=1\r\n40{}\r\n0\r\nX-T: 1\r\n\r\nGET /x HTTP/1.1\r\nContent-Length: 2\r\n\r\nok";
}

QString expectSized(qsizetype n)
{
    return QStringLiteral("GET / HTTP/1.1 [X: ") + QString(n - 2, QLatin1Char('a'))
        + QLatin1Char(']');
}

} // namespace

class TestHttpRequestParser : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void everySplitPoint_data();
    void everySplitPoint();
    void headerLookup_data();
    void headerLookup();
    void visibleHeaderLimit();
    void query_data();
    void query();
    void pathAndQueryString();
    void rawHeadAndOffsets();
    void pendingHead();
    void requestPredicates_data();
    void requestPredicates();
    void errorDetails();
    void resetKeepsSettings();

private:
    static void row(const char *name, const QByteArray &input, const QStringList &expected,
        Options options = {});
};

void TestHttpRequestParser::row(
    const char *name, const QByteArray &input, const QStringList &expected, Options options)
{
    QTest::newRow(name) << input << expected << options.finish << options.chunkingMatters
                        << options.upgradeHandled << options.maxBodySize << options.cut;
}

void TestHttpRequestParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("finish");
    QTest::addColumn<bool>("chunkingMatters");
    QTest::addColumn<bool>("upgradeHandled");
    QTest::addColumn<qint64>("maxBodySize");
    QTest::addColumn<qsizetype>("cut");

    // --- Request line ---------------------------------------------------------------------
    row("polling handshake GET",
        "GET /socket.io/?EIO=4&transport=polling&t=k5j9psx4 HTTP/1.1\r\nHost: localhost:3000\r\n"
        "Accept: */*\r\n\r\n",
        {QStringLiteral("GET /socket.io/?EIO=4&transport=polling&t=k5j9psx4 HTTP/1.1 "
                        "[Host: localhost:3000] [Accept: */*]")});
    row("leading empty lines are skipped", "\r\n\n\r\nGET / HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET / HTTP/1.1")});
    row("several spaces before and after the target", "GET   /a   HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET /a HTTP/1.1")});
    row("asterisk-form", "OPTIONS * HTTP/1.1\r\n\r\n", {QStringLiteral("OPTIONS * HTTP/1.1")});
    row("absolute-form with query and fragment", "GET http://a/b?c#d HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET http://a/b?c#d HTTP/1.1")});
    row("user@host@host in the authority is accepted", "GET http://u@v@a/ HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET http://u@v@a/ HTTP/1.1")});
    row("double @ is refused", "GET http://u@@a/ HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_URL")});
    row("target chars llhttp allows", "GET /\"<>\\^`{|}?a?b#c?# HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET /\"<>\\\\^`{|}?a?b#c?# HTTP/1.1")});
    row("tab in the target", "GET /a\tb HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_URL")});
    row("TAB right after the space that ends the target", "GET /a \tHTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_URL")});
    row("TAB after two spaces", "GET /a  \tHTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_CONSTANT")});
    row("non-ASCII byte in the target", "GET /a\x80 HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_URL")});
    row("HTTP/0.9 request line (no version)", "GET /x\r\nA: b\r\n\r\n",
        {QStringLiteral("GET /x HTTP/0.9 [A: b] close")});
    row("HTTP/2.0 is parsed like 1.0", "GET / HTTP/2.0\r\n\r\n",
        {QStringLiteral("GET / HTTP/2.0 close")});
    row("HTTP/1.2", "GET / HTTP/1.2\r\n\r\n", {QStringLiteral("error 400 HPE_INVALID_VERSION")});
    row("lower-case http", "GET / http/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_CONSTANT")});
    row("space after the version", "GET / HTTP/1.1 \r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_VERSION")});
    row("PRI preface (HTTP/2 prior knowledge)", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        {QStringLiteral("error 400 HPE_PAUSED_H2_UPGRADE")});

    // --- Methods --------------------------------------------------------------------------
    row("lower-case method", "get / HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_METHOD")});
    row("unknown method", "FOO / HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_METHOD")});
    row("prefix of GET_PARAMETER", "GET_ / HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_METHOD")});
    row("M-SEARCH", "M-SEARCH * HTTP/1.1\r\n\r\n", {QStringLiteral("M-SEARCH * HTTP/1.1")});
    row("QUERY", "QUERY / HTTP/1.1\r\n\r\n", {QStringLiteral("QUERY / HTTP/1.1")});
    row("RTSP method with RTSP/1.0", "DESCRIBE / RTSP/1.0\r\n\r\n",
        {QStringLiteral("DESCRIBE / HTTP/1.0 close")});
    row("RTSP method with HTTP/1.1", "DESCRIBE / HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_CONSTANT")});
    row("space before the method", " GET / HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_METHOD")});

    // --- Line endings ---------------------------------------------------------------------
    row("bare LF after the request line", "GET / HTTP/1.1\nHost: a\n\n",
        {QStringLiteral("error 400 HPE_INVALID_VERSION")});
    row("bare LF after a header value", "GET / HTTP/1.1\r\nHost: a\n\r\n",
        {QStringLiteral("error 400 HPE_CR_EXPECTED")});
    row("bare LF ending the header section", "GET / HTTP/1.1\r\nHost: a\r\n\n",
        {QStringLiteral("error 400 HPE_INVALID_HEADER_TOKEN")});
    row("CR without LF in a value", "GET / HTTP/1.1\r\nA: b\rX\r\n\r\n",
        {QStringLiteral("error 400 HPE_LF_EXPECTED")});

    // --- Header fields --------------------------------------------------------------------
    row("values trimmed, empty value kept, names as received",
        "GET / HTTP/1.1\r\nx-Empty:\r\nX-Pad: \t v  w \t \r\nX-Obs: caf\xe9\r\n\r\n",
        {QStringLiteral("GET / HTTP/1.1 [x-Empty: ] [X-Pad: v  w] [X-Obs: caf\\xe9]")});
    row("obs-fold", "GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_HEADER_TOKEN")});
    row("space before the colon", "GET / HTTP/1.1\r\nX-A : b\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_HEADER_TOKEN")});
    row("space before the colon of Content-Length", "GET / HTTP/1.1\r\nContent-Length : 0\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_HEADER_TOKEN")});
    row("empty field name", "GET / HTTP/1.1\r\n: b\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_HEADER_TOKEN")});
    row("space at the start of the header section", "GET / HTTP/1.1\r\n X: b\r\n\r\n",
        {QStringLiteral("error 400 HPE_UNEXPECTED_SPACE")});
    row("control character in a value",
        "GET / HTTP/1.1\r\nX: a\x01"
        "b\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_HEADER_TOKEN")});
    row("DEL in a value", "GET / HTTP/1.1\r\nX: a\x7f\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_HEADER_TOKEN")});
    row("non-token byte in a name", "GET / HTTP/1.1\r\nX(: b\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_HEADER_TOKEN")});

    // --- Keep-alive and pipelining -----------------------------------------------------------
    row("three pipelined requests in one read",
        "GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nabGET /3 "
        "HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET /1 HTTP/1.1"),
            QStringLiteral("POST /2 HTTP/1.1 [Content-Length: 2] body=ab"),
            QStringLiteral("GET /3 HTTP/1.1")});
    row("empty lines between pipelined requests",
        "GET /1 HTTP/1.1\r\n\r\n\r\n\r\nGET /2 HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET /1 HTTP/1.1"), QStringLiteral("GET /2 HTTP/1.1")});
    row("data after Connection: close",
        "GET /1 HTTP/1.1\r\nConnection: close\r\n\r\nGET /2 HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET /1 HTTP/1.1 [Connection: close] close"),
            QStringLiteral("error 400 HPE_CLOSED_CONNECTION")});
    row("only empty lines after Connection: close",
        "GET /1 HTTP/1.1\r\nConnection: close\r\n\r\n\r\n\n\r",
        {QStringLiteral("GET /1 HTTP/1.1 [Connection: close] close")}, {.finish = true});
    row("Proxy-Connection counts as Connection",
        "GET /1 HTTP/1.1\r\nProxy-Connection: close\r\n\r\nG",
        {QStringLiteral("GET /1 HTTP/1.1 [Proxy-Connection: close] close"),
            QStringLiteral("error 400 HPE_CLOSED_CONNECTION")});
    row("close needs its own token (closed, close\\t)",
        "GET / HTTP/1.1\r\nConnection: closed\r\nConnection: close\t\r\n\r\n",
        {QStringLiteral("GET / HTTP/1.1 [Connection: closed] [Connection: close]")});
    row("HTTP/1.0 closes after one request", "GET /1 HTTP/1.0\r\n\r\nGET /2 HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET /1 HTTP/1.0 close"),
            QStringLiteral("error 400 HPE_CLOSED_CONNECTION")});
    row("HTTP/1.0 with keep-alive",
        "GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /2 HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET /1 HTTP/1.0 [Connection: keep-alive]"),
            QStringLiteral("GET /2 HTTP/1.1")});

    // --- Content-Length -------------------------------------------------------------------
    row("Content-Length with leading zeros and trailing spaces",
        "POST / HTTP/1.1\r\nContent-Length: 003  \r\n\r\nabc",
        {QStringLiteral("POST / HTTP/1.1 [Content-Length: 003] body=abc")});
    row("GET with a body", "GET / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /2 HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET / HTTP/1.1 [Content-Length: 3] body=abc"),
            QStringLiteral("GET /2 HTTP/1.1")});
    row("Content-Length with a tab", "POST / HTTP/1.1\r\nContent-Length: 3\t\r\n\r\nabc",
        {QStringLiteral("error 400 HPE_INVALID_CONTENT_LENGTH")});
    row("Content-Length with a sign", "POST / HTTP/1.1\r\nContent-Length: +3\r\n\r\nabc",
        {QStringLiteral("error 400 HPE_INVALID_CONTENT_LENGTH")});
    row("empty Content-Length", "POST / HTTP/1.1\r\nContent-Length:\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_CONTENT_LENGTH")});
    row("Content-Length twice, same value",
        "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
        {QStringLiteral("error 400 HPE_UNEXPECTED_CONTENT_LENGTH")});
    row("Content-Length over 2^64-1",
        "POST / HTTP/1.1\r\nContent-Length: 18446744073709551616\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_CONTENT_LENGTH")});
    row("Content-Length 2^64-1 waits for its body",
        "POST / HTTP/1.1\r\nContent-Length: 18446744073709551615\r\n\r\nabc",
        {QStringLiteral("head POST / HTTP/1.1 [Content-Length: 18446744073709551615]"),
            QStringLiteral("error 400 HPE_INVALID_EOF_STATE")},
        {.finish = true});
    row("Content-Length then Transfer-Encoding",
        "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_TRANSFER_ENCODING")});
    row("Transfer-Encoding then Content-Length",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_CONTENT_LENGTH")});

    // --- Transfer-Encoding and chunked bodies ------------------------------------------------
    const QByteArray chunkedHead = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    const QString chunkedLine = QStringLiteral("POST / HTTP/1.1 [Transfer-Encoding: chunked]");
    row("chunked body, extensions and trailers",
        chunkedHead + "4;a=1;b=\"x\\\"y\";c\r\n40{}\r\nA\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n",
        {chunkedLine + QStringLiteral(" body=40{}0123456789 trailer[X-T: 1]")});
    row("chunk sizes in upper case with zeros", chunkedHead + "00A\r\n0123456789\r\n0\r\n\r\n",
        {chunkedLine + QStringLiteral(" body=0123456789")});
    row("gzip, chunked", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        {QStringLiteral("POST / HTTP/1.1 [Transfer-Encoding: gzip, chunked]")});
    row("chunked, gzip", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_TRANSFER_ENCODING")});
    row("gzip without chunked (Node emitted the request first)",
        "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nabc",
        {QStringLiteral("head POST / HTTP/1.1 [Transfer-Encoding: gzip]"),
            QStringLiteral("error 400 HPE_INVALID_TRANSFER_ENCODING")});
    row("chunked twice",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: "
        "chunked\r\n\r\n0\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_TRANSFER_ENCODING")});
    row("space after the chunk size", chunkedHead + "3 \r\nabc\r\n0\r\n\r\n",
        {QStringLiteral("head ") + chunkedLine,
            QStringLiteral("error 400 HPE_INVALID_CHUNK_SIZE")});
    row("bare LF after the chunk size", chunkedHead + "3\nabc\r\n0\r\n\r\n",
        {QStringLiteral("head ") + chunkedLine, QStringLiteral("error 400 HPE_CR_EXPECTED")});
    row("chunk data longer than its size", chunkedHead + "3\r\nabcX\r\n0\r\n\r\n",
        {QStringLiteral("head ") + chunkedLine, QStringLiteral("error 400 HPE_STRICT")});
    row("space in a chunk extension", chunkedHead + "3; a=b\r\nabc\r\n0\r\n\r\n",
        {QStringLiteral("head ") + chunkedLine, QStringLiteral("error 400 HPE_STRICT")});
    row("chunk size over 2^64-1", chunkedHead + "10000000000000000\r\n",
        {QStringLiteral("head ") + chunkedLine,
            QStringLiteral("error 400 HPE_INVALID_CHUNK_SIZE")});
    row("Content-Length in the trailers", chunkedHead + "0\r\nContent-Length: 1\r\n\r\n",
        {QStringLiteral("head ") + chunkedLine,
            QStringLiteral("error 400 HPE_INVALID_CONTENT_LENGTH")});
    row("Connection: close in the trailers ends the connection",
        chunkedHead + "1\r\na\r\n0\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n",
        {chunkedLine + QStringLiteral(" body=a trailer[Connection: close]"),
            QStringLiteral("error 400 HPE_CLOSED_CONNECTION")});

    // --- Upgrades -------------------------------------------------------------------------
    const QByteArray wsHead = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nUpgrade: "
                              "websocket\r\nConnection: keep-alive, Upgrade\r\n\r\n";
    const QString wsLine = QStringLiteral("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1 "
                                          "[Upgrade: websocket] [Connection: keep-alive, Upgrade]");
    row("WebSocket upgrade hands over the rest",
        wsHead
            + "\x81\x80"
              "abcdGET / HTTP/1.1\r\n\r\n",
        {wsLine + QStringLiteral(" upgrade"),
            QStringLiteral("remainder=\\x81\\x80abcdGET / HTTP/1.1\\r\\n\\r\\n")});
    row("upgrade with a body: the body belongs to the new protocol",
        "POST / HTTP/1.1\r\nUpgrade: x\r\nConnection: upgrade\r\nContent-Length: 2\r\n\r\nabcd",
        {QStringLiteral("POST / HTTP/1.1 [Upgrade: x] [Connection: upgrade] [Content-Length: 2] "
                        "upgrade"),
            QStringLiteral("remainder=abcd")});
    row("CONNECT always ends HTTP", "CONNECT a:443 HTTP/1.1\r\n\r\nxyz",
        {QStringLiteral("CONNECT a:443 HTTP/1.1 upgrade"), QStringLiteral("remainder=xyz")},
        {.upgradeHandled = false});
    row("Upgrade without Connection: upgrade is a plain request",
        "GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\nGET /2 HTTP/1.1\r\n\r\n",
        {QStringLiteral("GET / HTTP/1.1 [Upgrade: websocket]"), QStringLiteral("GET /2 HTTP/1.1")});
    row("no upgrade listener: the rest of that read is dropped", wsHead + "GET /2 HTTP/1.1\r\n\r\n",
        {wsLine + QStringLiteral(" upgrade"), QStringLiteral("discarded=19")},
        {.chunkingMatters = true, .upgradeHandled = false});
    row("no upgrade listener: the next read is parsed", wsHead + "GET /2 HTTP/1.1\r\n\r\n",
        {wsLine + QStringLiteral(" upgrade"), QStringLiteral("GET /2 HTTP/1.1")},
        {.chunkingMatters = true, .upgradeHandled = false, .cut = wsHead.size()});
    row("no upgrade listener: a later parse error is swallowed",
        wsHead + "GET" + " /2 HTTP/1.1\r\n\r\n",
        {wsLine + QStringLiteral(" upgrade"), QStringLiteral("ignored HPE_INVALID_METHOD"),
            QStringLiteral("discarded=19")},
        {.chunkingMatters = true, .upgradeHandled = false, .cut = wsHead.size() + 3});

    // --- Header size (node --max-http-header-size=16384) -----------------------------------
    row("16383 counted header bytes", countedHeaderBytes(16383), {expectSized(16383)});
    row("16384 counted header bytes", countedHeaderBytes(16384),
        {QStringLiteral("error 431 HPE_HEADER_OVERFLOW")});
    row("16384 counted bytes in the target", "GET /" + repeated('u', 16383) + " HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 431 HPE_HEADER_OVERFLOW")});
    row("trailing blanks of a value count",
        "GET / HTTP/1.1\r\nX: " + repeated('a', 16372) + " \t \t \t \t \t\r\n\r\n",
        {QStringLiteral("error 431 HPE_HEADER_OVERFLOW")});
    row("blanks around values and the method do not count",
        "GET" + repeated(' ', 20000) + "/ HTTP/1.1\r\nX:" + repeated(' ', 20000) + "v\r\n\r\n",
        {QStringLiteral("GET / HTTP/1.1 [X: v]")});
    row("a pipelined request has its own budget",
        "GET / HTTP/1.1\r\nX: " + repeated('a', 10000) + "\r\n\r\n" + countedHeaderBytes(16383),
        {QStringLiteral("GET / HTTP/1.1 [X: ") + QString(10000, QLatin1Char('a'))
                + QLatin1Char(']'),
            expectSized(16383)});
    row("trailers have their own budget",
        chunkedHead + "0\r\nT: " + repeated('a', 16384) + "\r\n\r\n",
        {QStringLiteral("head ") + chunkedLine, QStringLiteral("error 431 HPE_HEADER_OVERFLOW")});
    row("oversized target then a bad byte, one read",
        "GET /" + repeated('u', 17000) + "\x01 HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 400 HPE_INVALID_URL")}, {.chunkingMatters = true});
    row("oversized target then a bad byte, first read over the limit",
        "GET /" + repeated('u', 17000) + "\x01 HTTP/1.1\r\n\r\n",
        {QStringLiteral("error 431 HPE_HEADER_OVERFLOW")}, {.chunkingMatters = true, .cut = 16500});

    // --- Chunk extensions (16384 bytes per chunk) -------------------------------------------
    row("16384 bytes of chunk extension",
        chunkedHead + "1;" + repeated('e', 16384) + "\r\nx\r\n0\r\n\r\n",
        {chunkedLine + QStringLiteral(" body=x")});
    row("16385 bytes of chunk extension",
        chunkedHead + "1;" + repeated('e', 16385) + "\r\nx\r\n0\r\n\r\n",
        {QStringLiteral("head ") + chunkedLine,
            QStringLiteral("error 413 HPE_CHUNK_EXTENSIONS_OVERFLOW")});

    // --- Body cap (engine.io maxHttpBufferSize) ---------------------------------------------
    row("body over the cap is reported, the connection goes on",
        "POST /a HTTP/1.1\r\nContent-Length: 6\r\n\r\nabcdefGET /b HTTP/1.1\r\n\r\n",
        {QStringLiteral("POST /a HTTP/1.1 [Content-Length: 6] body=abcd too-large"),
            QStringLiteral("GET /b HTTP/1.1")},
        {.maxBodySize = 4});
    row("chunked body over the cap",
        chunkedHead + "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\nGET /b HTTP/1.1\r\n\r\n",
        {chunkedLine + QStringLiteral(" body=abcd too-large"), QStringLiteral("GET /b HTTP/1.1")},
        {.maxBodySize = 4});
    row("body exactly at the cap", "POST /a HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcd",
        {QStringLiteral("POST /a HTTP/1.1 [Content-Length: 4] body=abcd")}, {.maxBodySize = 4});

    // --- End of stream ------------------------------------------------------------------------
    row("peer closes inside a request", "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab",
        {QStringLiteral("head POST / HTTP/1.1 [Content-Length: 5]"),
            QStringLiteral("error 400 HPE_INVALID_EOF_STATE")},
        {.finish = true});
    row("peer closes between requests", "GET / HTTP/1.1\r\n\r\n\r\n",
        {QStringLiteral("GET / HTTP/1.1")}, {.finish = true});
}

void TestHttpRequestParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QFETCH(bool, finish);
    QFETCH(bool, chunkingMatters);
    QFETCH(bool, upgradeHandled);
    QFETCH(qint64, maxBodySize);
    QFETCH(qsizetype, cut);

    const auto run = [&](const QByteArrayList &chunks) {
        HttpRequestParser parser;
        parser.setUpgradeHandled(upgradeHandled);
        parser.setMaxBodySize(maxBodySize);
        return transcript(parser, chunks, finish);
    };
    const QByteArrayList asFed
        = cut < 0 ? QByteArrayList {input} : QByteArrayList {input.first(cut), input.sliced(cut)};
    QCOMPARE(run(asFed), expected);
    if (chunkingMatters)
        return;
    // Node reaches the same outcome whatever the read boundaries: two reads split anywhere,
    // then one byte per read.
    const qsizetype step = input.size() > 2048 ? 509 : 1;
    for (qsizetype at = 1; at < input.size(); at += step) {
        const QStringList split = run({input.first(at), input.sliced(at)});
        if (split != expected)
            QFAIL(qPrintable(QStringLiteral("split at %1: %2").arg(at).arg(split.join(u'\n'))));
    }
    if (input.size() <= 4096) {
        QByteArrayList bytes;
        for (const char c : input)
            bytes << QByteArray(1, c);
        QCOMPARE(run(bytes), expected);
    }
}

void TestHttpRequestParser::everySplitPoint_data()
{
    QTest::addColumn<qsizetype>("at");
    const QByteArray exchange = exchangeBytes();
    for (qsizetype at = 0; at <= exchange.size(); ++at)
        QTest::addRow("split at %lld", static_cast<long long>(at)) << at;
}

void TestHttpRequestParser::everySplitPoint()
{
    // A polling POST with a chunked body, extension and trailer, pipelined with a GET: the
    // same two requests whichever byte the first read ends at.
    QFETCH(qsizetype, at);
    const QByteArray exchange = exchangeBytes();
    HttpRequestParser parser;
    const QStringList result = transcript(parser, {exchange.first(at), exchange.sliced(at)}, true);
    QCOMPARE(result,
        QStringList(
            {QStringLiteral("POST /socket.io/?EIO=4&transport=polling&sid=abc HTTP/1.1 "
                            "[Host: localhost:3000] [Content-type: text/plain;charset=UTF-8] "
                            "[Transfer-Encoding: chunked] body=40{} trailer[X-T: 1]"),
                QStringLiteral("GET /x HTTP/1.1 [Content-Length: 2] body=ok")}));
}

void TestHttpRequestParser::headerLookup_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QByteArray>("value");

    // req.headers[name] in node v20.20.2 for the same header lines.
    QTest::newRow("host: first wins")
        << QByteArray("Host: a\r\nHost: b\r\n") << QByteArray("host") << true << QByteArray("a");
    QTest::newRow("content-type: first wins")
        << QByteArray("Content-Type: t1\r\ncontent-type: t2\r\n") << QByteArray("Content-Type")
        << true << QByteArray("t1");
    QTest::newRow("user-agent: first wins") << QByteArray("User-Agent: u1\r\nUSER-AGENT: u2\r\n")
                                            << QByteArray("user-agent") << true << QByteArray("u1");
    QTest::newRow("authorization: first wins")
        << QByteArray("Authorization: a1\r\nAuthorization: a2\r\n") << QByteArray("authorization")
        << true << QByteArray("a1");
    QTest::newRow("origin: joined with comma")
        << QByteArray("Origin: o1\r\nOrigin: o2\r\n") << QByteArray("origin") << true
        << QByteArray("o1, o2");
    QTest::newRow("cookie: joined with semicolon")
        << QByteArray("Cookie: k1\r\nCookie: k2\r\n") << QByteArray("cookie") << true
        << QByteArray("k1; k2");
    QTest::newRow("set-cookie: array, joined here")
        << QByteArray("Set-Cookie: c1\r\nSet-Cookie: c2\r\n") << QByteArray("set-cookie") << true
        << QByteArray("c1, c2");
    QTest::newRow("x-custom: joined with comma")
        << QByteArray("X-A: 1\r\nx-a: 2\r\n") << QByteArray("x-a") << true << QByteArray("1, 2");
    QTest::newRow("upgrade: joined with comma")
        << QByteArray("Upgrade: websocket\r\nUpgrade: h2c\r\n") << QByteArray("upgrade") << true
        << QByteArray("websocket, h2c");
    QTest::newRow("referer: first wins") << QByteArray("Referer: r1\r\nReferer: r2\r\n")
                                         << QByteArray("referer") << true << QByteArray("r1");
    QTest::newRow("content-disposition: joined (not in Node 20's list)")
        << QByteArray("Content-Disposition: a\r\nContent-Disposition: b\r\n")
        << QByteArray("content-disposition") << true << QByteArray("a, b");
    QTest::newRow("empty value is present")
        << QByteArray("X-Empty:\r\n") << QByteArray("x-empty") << true << QByteArray();
    QTest::newRow("absent") << QByteArray("X: 1\r\n") << QByteArray("origin") << false
                            << QByteArray();
}

void TestHttpRequestParser::headerLookup()
{
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, name);
    QFETCH(bool, present);
    QFETCH(QByteArray, value);

    HttpRequestParser parser;
    const HttpParseOutput out = parser.feed("GET / HTTP/1.1\r\n" + headers + "\r\n");
    QCOMPARE(out.requests.size(), 1);
    const HttpRequest &request = out.requests.first();
    QCOMPARE(request.hasHeader(name), present);
    QCOMPARE(request.header(name), value);
}

void TestHttpRequestParser::visibleHeaderLimit()
{
    // Node keeps 2000 rawHeaders entries in req.headers: with 999 fields before it, Origin is
    // the 1001st field and engine.io never sees it (node v20.20.2: origin undefined).
    QByteArray head = "GET / HTTP/1.1\r\nHost: h\r\n";
    for (int i = 0; i < 999; ++i)
        head += 'h' + QByteArray::number(i) + ": v\r\n";
    HttpRequestParser parser;
    HttpParseOutput out = parser.feed(head + "Origin: last\r\n\r\n");
    QCOMPARE(out.requests.size(), 1);
    QCOMPARE(out.requests.first().headers().size(), 1001);
    QVERIFY(!out.requests.first().hasHeader("origin"));
    QCOMPARE(out.requests.first().headers().first("origin"), QByteArray("last"));

    parser.reset();
    head = "GET / HTTP/1.1\r\nHost: h\r\n";
    for (int i = 0; i < 998; ++i)
        head += 'h' + QByteArray::number(i) + ": v\r\n";
    out = parser.feed(head + "Origin: last\r\n\r\n");
    QCOMPARE(out.requests.first().header("origin"), QByteArray("last"));
}

void TestHttpRequestParser::query_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QStringList>("pairs");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    // new URL(target, "https://socket.io").searchParams and Object.fromEntries() in node.
    const QString replacement(QChar(0xFFFD));
    QTest::newRow("last duplicate wins")
        << QByteArray("/?a=1&b=2&a=3")
        << QStringList {QStringLiteral("a=1"), QStringLiteral("b=2"), QStringLiteral("a=3")}
        << QStringLiteral("a") << QStringLiteral("3");
    QTest::newRow("plus and %20 are spaces")
        << QByteArray("/?x=a+b%20c") << QStringList {QStringLiteral("x=a b c")}
        << QStringLiteral("x") << QStringLiteral("a b c");
    QTest::newRow("bad escapes stay")
        << QByteArray("/?k=%zz%4") << QStringList {QStringLiteral("k=%zz%4")} << QStringLiteral("k")
        << QStringLiteral("%zz%4");
    QTest::newRow("lone %E9 is U+FFFD")
        << QByteArray("/?k=%E9") << QStringList {QStringLiteral("k=") + replacement}
        << QStringLiteral("k") << replacement;
    QTest::newRow("UTF-8 escapes") << QByteArray("/?k=%C3%A9%F0%9F%98%80")
                                   << QStringList {QStringLiteral("k=\u00e9\U0001F600")}
                                   << QStringLiteral("k") << QStringLiteral("\u00e9\U0001F600");
    QTest::newRow("overlong is two U+FFFD")
        << QByteArray("/?k=%C0%80")
        << QStringList {QStringLiteral("k=") + replacement + replacement} << QStringLiteral("k")
        << replacement + replacement;
    QTest::newRow("surrogate is three U+FFFD")
        << QByteArray("/?k=%ED%A0%80")
        << QStringList {QStringLiteral("k=") + replacement + replacement + replacement}
        << QStringLiteral("k") << replacement + replacement + replacement;
    QTest::newRow("truncated sequence is one U+FFFD")
        << QByteArray("/?k=%E2%82x")
        << QStringList {QStringLiteral("k=") + replacement + QStringLiteral("x")}
        << QStringLiteral("k") << replacement + QStringLiteral("x");
    QTest::newRow("empty pieces dropped, empty names kept")
        << QByteArray("/?&&a&=b&c=")
        << QStringList {QStringLiteral("a="), QStringLiteral("=b"), QStringLiteral("c=")}
        << QString() << QStringLiteral("b");
    QTest::newRow("split at the first =")
        << QByteArray("/?a=b=c") << QStringList {QStringLiteral("a=b=c")} << QStringLiteral("a")
        << QStringLiteral("b=c");
    QTest::newRow("fragment before ?")
        << QByteArray("/p#x?a=1") << QStringList {} << QStringLiteral("a") << QString();
    QTest::newRow("fragment after the query")
        << QByteArray("/p?a=1#b=2") << QStringList {QStringLiteral("a=1")} << QStringLiteral("a")
        << QStringLiteral("1");
    QTest::newRow("escaped separators")
        << QByteArray("/p?a=%2B%26%3D") << QStringList {QStringLiteral("a=+&=")}
        << QStringLiteral("a") << QStringLiteral("+&=");
    QTest::newRow("escaped name") << QByteArray("/?%61=1") << QStringList {QStringLiteral("a=1")}
                                  << QStringLiteral("a") << QStringLiteral("1");
    QTest::newRow("empty sid is present but empty")
        << QByteArray("/socket.io/?EIO=4&transport=polling&sid=")
        << QStringList {QStringLiteral("EIO=4"), QStringLiteral("transport=polling"),
               QStringLiteral("sid=")}
        << QStringLiteral("sid") << QString();
}

void TestHttpRequestParser::query()
{
    QFETCH(QByteArray, target);
    QFETCH(QStringList, pairs);
    QFETCH(QString, key);
    QFETCH(QString, value);

    HttpRequestParser parser;
    const HttpParseOutput out = parser.feed("GET " + target + " HTTP/1.1\r\n\r\n");
    QCOMPARE(out.requests.size(), 1);
    const QueryMap query = out.requests.first().query();
    QStringList actual;
    for (const QueryMap::Item &item : query.items())
        actual << item.first + QLatin1Char('=') + item.second;
    QCOMPARE(actual, pairs);
    QCOMPARE(query.value(key), value);
    QCOMPARE(query.contains(key),
        !pairs
             .filter(QRegularExpression(
                 QLatin1Char('^') + QRegularExpression::escape(key) + QLatin1Char('=')))
             .isEmpty());
}

void TestHttpRequestParser::pathAndQueryString()
{
    HttpRequest request;
    request.setTarget("/socket.io/?EIO=4&transport=polling#frag");
    QCOMPARE(request.path(), QByteArray("/socket.io/"));
    QCOMPARE(request.queryString(), QByteArray("EIO=4&transport=polling"));
    request.setTarget("/a%2Fb#x?y");
    QCOMPARE(request.path(), QByteArray("/a%2Fb"));
    QCOMPARE(request.queryString(), QByteArray());
    QVERIFY(request.query().isEmpty());
}

void TestHttpRequestParser::rawHeadAndOffsets()
{
    const QByteArray first = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n";
    const QByteArray second = "POST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\n";
    const QByteArray all = "\r\n" + first + second + "ok";
    HttpRequestParser parser;
    QList<HttpRequest> requests;
    for (const char c : all)
        requests += parser.feed(QByteArrayView(&c, 1)).requests;
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].rawHead(), first);
    QCOMPARE(requests[0].streamOffset(), 2);
    QCOMPARE(requests[1].rawHead(), second);
    QCOMPARE(requests[1].streamOffset(), 2 + first.size());
    QCOMPARE(requests[1].contentLength(), 2);
    QVERIFY(!requests[1].isRawHeadTruncated());
    QCOMPARE(parser.bytesFed(), all.size());
}

void TestHttpRequestParser::pendingHead()
{
    // Node emits 'request' at the end of the head: the head is reported once, in the read
    // where it completed, and the request again when its body is complete.
    HttpRequestParser parser;
    HttpParseOutput out = parser.feed("POST /p HTTP/1.1\r\nExpect: 100-continue\r\n"
                                      "Host: h\r\nContent-Length: 4\r\n\r\nab");
    QVERIFY(out.requests.isEmpty());
    QVERIFY(out.pendingHead);
    QVERIFY(out.pendingHead->expectsContinue());
    QCOMPARE(out.pendingHead->target(), QByteArray("/p"));
    QVERIFY(parser.isInsideMessage());
    out = parser.feed("c");
    QVERIFY(!out.pendingHead);
    QVERIFY(out.requests.isEmpty());
    out = parser.feed("dGET / HTTP/1.1\r\n\r\n");
    QVERIFY(!out.pendingHead);
    QCOMPARE(out.requests.size(), 2);
    QCOMPARE(out.requests[0].body(), QByteArray("abcd"));
    QVERIFY(!parser.isInsideMessage());
}

void TestHttpRequestParser::requestPredicates_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("webSocket");
    QTest::addColumn<bool>("missingHost");
    QTest::addColumn<bool>("expectsContinue");
    QTest::addColumn<bool>("unmetExpectation");

    QTest::newRow("plain HTTP/1.1 with Host")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n\r\n") << false << false << false << false;
    // _http_server.js: req.headers.host === undefined → 400; an empty Host is fine.
    QTest::newRow("HTTP/1.1 without Host")
        << QByteArray("GET / HTTP/1.1\r\n\r\n") << false << true << false << false;
    QTest::newRow("HTTP/1.1 with empty Host")
        << QByteArray("GET / HTTP/1.1\r\nHost:\r\n\r\n") << false << false << false << false;
    QTest::newRow("HTTP/1.0 without Host")
        << QByteArray("GET / HTTP/1.0\r\n\r\n") << false << false << false << false;
    QTest::newRow("websocket upgrade, any case") << QByteArray(
        "GET / HTTP/1.1\r\nHost: h\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n\r\n")
                                                 << true << false << false << false;
    QTest::newRow("h2c upgrade is not websocket")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n")
        << false << false << false << false;
    QTest::newRow("Expect: 100-continue (any case, in a list)")
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nExpect: foo, 100-Continue\r\n\r\n") << false
        << false << true << false;
    QTest::newRow("other Expect is answered 417")
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continued\r\n\r\n") << false
        << false << false << true;
    QTest::newRow("Expect on HTTP/1.0 is ignored")
        << QByteArray("POST / HTTP/1.0\r\nExpect: x\r\n\r\n") << false << false << false << false;
}

void TestHttpRequestParser::requestPredicates()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, webSocket);
    QFETCH(bool, missingHost);
    QFETCH(bool, expectsContinue);
    QFETCH(bool, unmetExpectation);

    HttpRequestParser parser;
    const HttpParseOutput out = parser.feed(head);
    QCOMPARE(out.requests.size(), 1);
    const HttpRequest &request = out.requests.first();
    QCOMPARE(request.isWebSocketUpgrade(), webSocket);
    QCOMPARE(request.isMissingHost(), missingHost);
    QCOMPARE(request.expectsContinue(), expectsContinue);
    QCOMPARE(request.hasUnmetExpectation(), unmetExpectation);
}

void TestHttpRequestParser::errorDetails()
{
    // Node's error.code, error.reason and error.bytesParsed for "GET_ / HTTP/1.1".
    HttpRequestParser parser;
    const HttpParseOutput out = parser.feed("GET_ / HTTP/1.1\r\n\r\n");
    QVERIFY(out.error);
    QCOMPARE(out.error->code, QByteArray("HPE_INVALID_METHOD"));
    QCOMPARE(out.error->reason, QByteArray("Invalid method encountered"));
    QCOMPARE(out.error->offset, 4);
    QCOMPARE(out.error->toString(),
        QStringLiteral("HPE_INVALID_METHOD at byte 4: Invalid method encountered "
                       "(Node answers 400 Bad Request)"));
    QVERIFY(parser.hasFailed());
    QCOMPARE(parser.error(), out.error);
    // Nothing more is parsed, nothing is reported twice.
    const HttpParseOutput later = parser.feed("GET / HTTP/1.1\r\n\r\n");
    QVERIFY(later.requests.isEmpty());
    QVERIFY(!later.error);
    QVERIFY(!parser.finish().error);
}

void TestHttpRequestParser::resetKeepsSettings()
{
    HttpRequestParser parser;
    parser.setMaxHeaderSize(100);
    parser.setMaxBodySize(3);
    parser.setUpgradeHandled(false);
    QVERIFY(parser.feed("XXX").error);
    parser.reset();
    QVERIFY(!parser.hasFailed());
    QCOMPARE(parser.maxHeaderSize(), 100);
    QCOMPARE(parser.maxBodySize(), 3);
    QVERIFY(!parser.isUpgradeHandled());
    QCOMPARE(parser.bytesFed(), 0);
    const HttpParseOutput out = parser.feed("GET /" + QByteArray(100, 'a') + " HTTP/1.1\r\n\r\n");
    QVERIFY(out.error);
    QCOMPARE(out.error->status, 431);
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
