// The query of a request target read the way engine.io reads it: Node's
// new URL(req.url, base).searchParams, then Object.fromEntries() (last duplicate wins).
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace corslab {

class QueryMap {
public:
    using Item = std::pair<QString, QString>;

    QueryMap() = default;
    // WHATWG URL "application/x-www-form-urlencoded parser" on the bytes after '?' (without any
    // "#fragment"): split on '&', drop empty pieces, split at the first '=', '+' is a space,
    // percent-decode, then UTF-8 decode with U+FFFD for malformed sequences.
    static QueryMap parse(QByteArrayView query);
    // The query part of a request-target: the bytes between the first '?' and the first '#'
    // after it ('#' before any '?' means no query).
    static QByteArrayView queryOf(QByteArrayView target);
    static QueryMap fromTarget(QByteArrayView target) { return parse(queryOf(target)); }

    // Object.fromEntries(searchParams.entries()): the last value of a repeated key wins.
    bool contains(const QString &key) const;
    QString value(const QString &key, const QString &defaultValue = QString()) const;
    // Every value of this key, in order (searchParams.getAll()).
    QStringList values(const QString &key) const;
    // Every pair, in order, duplicates included.
    const QList<Item> &items() const { return m_items; }
    qsizetype size() const { return m_items.size(); }
    bool isEmpty() const { return m_items.isEmpty(); }

    // WHATWG Encoding "UTF-8 decode without BOM": one U+FFFD per maximal invalid subpart.
    static QString decodeUtf8(QByteArrayView bytes);

    friend bool operator==(const QueryMap &, const QueryMap &) = default;

private:
    QList<Item> m_items;
};

} // namespace corslab
