// Ordered HTTP header fields with case-insensitive lookup.
#include "httpheaders.h"

namespace corslab {

namespace {
char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
}
} // namespace

HttpHeaders::HttpHeaders(std::initializer_list<HttpHeaderField> fields)
    : m_fields(fields)
{ }

void HttpHeaders::append(const QByteArray &name, const QByteArray &value)
{
    m_fields.append(HttpHeaderField {name, value});
}

void HttpHeaders::remove(QByteArrayView name)
{
    m_fields.removeIf([name](const HttpHeaderField &f) { return namesEqual(f.name, name); });
}

bool HttpHeaders::contains(QByteArrayView name) const
{
    for (const HttpHeaderField &f : m_fields) {
        if (namesEqual(f.name, name))
            return true;
    }
    return false;
}

QList<QByteArray> HttpHeaders::values(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const HttpHeaderField &f : m_fields) {
        if (namesEqual(f.name, name))
            out.append(f.value);
    }
    return out;
}

QByteArray HttpHeaders::first(QByteArrayView name) const
{
    for (const HttpHeaderField &f : m_fields) {
        if (namesEqual(f.name, name))
            return f.value;
    }
    return {};
}

bool HttpHeaders::namesEqual(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    }
    return true;
}

} // namespace corslab
