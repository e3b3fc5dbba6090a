// The name/value pairs of a URL's query as WHATWG URLSearchParams reads them (what engine.io
// puts in req._query and socket.io in socket.handshake.query).
#pragma once

#include <QByteArrayView>
#include <QString>

#include <utility>
#include <vector>

namespace corslab {

using QueryEntries = std::vector<std::pair<QString, QString>>;

struct UrlSearchParams {
    // engine.io prepare(): new URL(req.url, "https://socket.io").searchParams, for a request
    // target as Node hands it over (each byte of the request line one character).
    static QueryEntries fromRequestTarget(const QString &target);
    // WHATWG URL §5.1 application/x-www-form-urlencoded parsing.
    static QueryEntries parse(QByteArrayView query);
    // WHATWG Encoding "UTF-8 decode without BOM": a BOM is kept, each maximal invalid subpart
    // becomes one U+FFFD.
    static QString decodeUtf8(QByteArrayView bytes);
};

} // namespace corslab
