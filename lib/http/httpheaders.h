// Ordered HTTP header fields, names kept exactly as received or given, looked up without regard
// to case.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <initializer_list>

namespace corslab {

struct HttpHeaderField {
    QByteArray name; // as received or as given: "Content-type" stays "Content-type"
    QByteArray value; // raw bytes; Node decodes them as latin1
    friend bool operator==(const HttpHeaderField &, const HttpHeaderField &) = default;
};

// A list, not a map: order and multiplicity are part of the wire bytes (RFC 9110 §5.3), e.g. two
// Access-Control-Allow-Origin lines or a repeated Set-Cookie.
class HttpHeaders {
public:
    HttpHeaders() = default;
    HttpHeaders(std::initializer_list<HttpHeaderField> fields);

    void append(const QByteArray &name, const QByteArray &value);
    void append(const HttpHeaderField &field) { m_fields.append(field); }
    // Drops every field with this name (any case).
    void remove(QByteArrayView name);

    const QList<HttpHeaderField> &fields() const { return m_fields; }
    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }

    bool contains(QByteArrayView name) const;
    // Every value of this name, in order.
    QList<QByteArray> values(QByteArrayView name) const;
    // The first value of this name, or an empty array.
    QByteArray first(QByteArrayView name) const;

    // RFC 9110 §5.1: field names are case-insensitive (ASCII only).
    static bool namesEqual(QByteArrayView a, QByteArrayView b);

    friend bool operator==(const HttpHeaders &, const HttpHeaders &) = default;

private:
    QList<HttpHeaderField> m_fields;
};

} // namespace corslab
