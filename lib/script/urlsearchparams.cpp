// WHATWG URLSearchParams parsing, for req._query.
#include "urlsearchparams.h"

#include <QByteArray>

namespace corslab {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// WHATWG URL §1.3 percent-decode, after replacing "+" with a space (§5.1 step 3.4).
QByteArray formDecode(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0
            && hexValue(in[i + 2]) >= 0) {
            out += char(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

QString UrlSearchParams::decodeUtf8(QByteArrayView bytes)
{
    // WHATWG Encoding §10.1.1 UTF-8 decoder.
    QString out;
    out.reserve(bytes.size());
    char32_t codePoint = 0;
    int needed = 0;
    int seen = 0;
    uchar lower = 0x80;
    uchar upper = 0xBF;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar b = uchar(bytes[i]);
        if (needed == 0) {
            if (b <= 0x7F) {
                out += QChar(char16_t(b));
            } else if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
                codePoint = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                lower = b == 0xE0 ? 0xA0 : 0x80;
                upper = b == 0xED ? 0x9F : 0xBF;
                needed = 2;
                codePoint = b & 0xF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                lower = b == 0xF0 ? 0x90 : 0x80;
                upper = b == 0xF4 ? 0x8F : 0xBF;
                needed = 3;
                codePoint = b & 0x7;
            } else {
                out += QChar(QChar::ReplacementCharacter);
            }
            continue;
        }
        if (b < lower || b > upper) {
            // The byte starts over: decode it again with no sequence pending.
            codePoint = 0;
            needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            out += QChar(QChar::ReplacementCharacter);
            --i;
            continue;
        }
        lower = 0x80;
        upper = 0xBF;
        codePoint = (codePoint << 6) | (b & 0x3F);
        if (++seen == needed) {
            if (QChar::requiresSurrogates(codePoint)) {
                out += QChar(QChar::highSurrogate(codePoint));
                out += QChar(QChar::lowSurrogate(codePoint));
            } else {
                out += QChar(char16_t(codePoint));
            }
            codePoint = 0;
            needed = seen = 0;
        }
    }
    if (needed != 0)
        out += QChar(QChar::ReplacementCharacter);
    return out;
}

QueryEntries UrlSearchParams::parse(QByteArrayView query)
{
    QueryEntries entries;
    for (qsizetype start = 0; start <= query.size();) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView sequence = query.sliced(start, end - start);
        start = end + 1;
        if (sequence.isEmpty())
            continue;
        const qsizetype eq = sequence.indexOf('=');
        const QByteArrayView name = eq < 0 ? sequence : sequence.first(eq);
        const QByteArrayView value = eq < 0 ? QByteArrayView() : sequence.sliced(eq + 1);
        entries.emplace_back(decodeUtf8(formDecode(name)), decodeUtf8(formDecode(value)));
    }
    return entries;
}

QueryEntries UrlSearchParams::fromRequestTarget(const QString &target)
{
    const qsizetype question = target.indexOf(QLatin1Char('?'));
    if (question < 0)
        return {};
    const qsizetype hash = target.indexOf(QLatin1Char('#'), question);
    const QString query = target.mid(question + 1, hash < 0 ? -1 : hash - question - 1);
    // The URL parser percent-encodes what is not ASCII as UTF-8; decoding undoes it.
    return parse(query.toUtf8());
}

} // namespace corslab
