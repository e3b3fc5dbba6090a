// URLSearchParams-compatible query parsing (WHATWG URL §5.1, WHATWG Encoding §9.1.1).
#include "querymap.h"

namespace corslab {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// WHATWG URL "percent-decode" after the '+' → space replacement of the urlencoded parser.
QByteArray formDecode(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '+') {
            out.append(' ');
        } else if (c == '%' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0
            && hexValue(in[i + 2]) >= 0) {
            out.append(char(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2])));
            i += 2;
        } else {
            out.append(c);
        }
    }
    return out;
}
} // namespace

QByteArrayView QueryMap::queryOf(QByteArrayView target)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return {};
    const qsizetype hash = target.indexOf('#');
    if (hash >= 0 && hash < question)
        return {};
    const qsizetype end = hash < 0 ? target.size() : hash;
    return target.sliced(question + 1, end - question - 1);
}

QueryMap QueryMap::parse(QByteArrayView query)
{
    QueryMap map;
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView piece = query.sliced(start, end - start);
        if (!piece.isEmpty()) {
            const qsizetype eq = piece.indexOf('=');
            const QByteArrayView name = eq < 0 ? piece : piece.first(eq);
            const QByteArrayView value = eq < 0 ? QByteArrayView() : piece.sliced(eq + 1);
            map.m_items.append({decodeUtf8(formDecode(name)), decodeUtf8(formDecode(value))});
        }
        start = end + 1;
    }
    return map;
}

bool QueryMap::contains(const QString &key) const
{
    for (const Item &item : m_items) {
        if (item.first == key)
            return true;
    }
    return false;
}

QString QueryMap::value(const QString &key, const QString &defaultValue) const
{
    for (auto it = m_items.crbegin(); it != m_items.crend(); ++it) {
        if (it->first == key)
            return it->second;
    }
    return defaultValue;
}

QStringList QueryMap::values(const QString &key) const
{
    QStringList out;
    for (const Item &item : m_items) {
        if (item.first == key)
            out.append(item.second);
    }
    return out;
}

QString QueryMap::decodeUtf8(QByteArrayView bytes)
{
    // WHATWG Encoding §8.1.1 UTF-8 decoder, state machine verbatim in behaviour.
    QString out;
    out.reserve(bytes.size());
    char32_t codePoint = 0;
    int needed = 0;
    int seen = 0;
    unsigned lower = 0x80;
    unsigned upper = 0xBF;
    constexpr char16_t replacement = 0xFFFD;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const unsigned byte = static_cast<unsigned char>(bytes[i]);
        if (needed == 0) {
            if (byte <= 0x7F) {
                out.append(QChar(char16_t(byte)));
            } else if (byte >= 0xC2 && byte <= 0xDF) {
                needed = 1;
                codePoint = byte & 0x1F;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                if (byte == 0xE0)
                    lower = 0xA0;
                if (byte == 0xED)
                    upper = 0x9F;
                needed = 2;
                codePoint = byte & 0x0F;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                if (byte == 0xF0)
                    lower = 0x90;
                if (byte == 0xF4)
                    upper = 0x8F;
                needed = 3;
                codePoint = byte & 0x07;
            } else {
                out.append(QChar(replacement));
            }
            continue;
        }
        if (byte < lower || byte > upper) {
            // The byte is not part of the sequence: emit one U+FFFD and reprocess the byte.
            codePoint = 0;
            needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            out.append(QChar(replacement));
            --i;
            continue;
        }
        lower = 0x80;
        upper = 0xBF;
        codePoint = (codePoint << 6) | (byte & 0x3F);
        if (++seen != needed)
            continue;
        if (codePoint > 0xFFFF) {
            const char32_t ucs4[1] = {codePoint};
            out.append(QString::fromUcs4(ucs4, 1));
        } else {
            out.append(QChar(char16_t(codePoint)));
        }
        codePoint = 0;
        needed = seen = 0;
    }
    if (needed != 0)
        out.append(QChar(replacement));
    return out;
}

} // namespace corslab
