// Where socket.io-client 4.8 / engine.io-client 6.6 send their requests: the URL parsing of io(url)
// and the query each transport builds (user query, EIO, transport, then t and sid in the order the
// client's query object acquires them). I/O-free.
#pragma once

#include "profile/profile.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace corslab {

using QueryItems = QList<std::pair<QString, QString>>;

// The client's query object: keys keep the position of their first assignment (a JS object).
class EngineQuery {
public:
    void set(const QString &key, const QString &value);
    std::optional<QString> value(const QString &key) const;
    const QueryItems &items() const { return m_items; }
    // engine.io-client parseqs.encode(): encodeURIComponent(key)=encodeURIComponent(value) joined
    // by &.
    QString encode() const;

private:
    QueryItems m_items;
};

QString encodeUriComponent(const QString &text);

// engine.io-client util.randomString(): Date.now() in base 36 without its first 3 digits, then 3
// base-36 digits of Math.random() — 8 characters today.
QString engineRandomString(qint64 nowMs, double random01);

struct EngineEndpoint {
    bool secure = false;
    QString hostname; // without brackets
    QString port; // always set ("80"/"443" by default), as engine.io-client keeps it
    QString path = QStringLiteral("/socket.io/"); // trailing slash added (addTrailingSlash)
    QueryItems userQuery; // from the URL, then options.query
    QString namespaceName = QStringLiteral("/");

    // io(url, options): socket.io-client url() + Manager + engine.io-client Socket. The URL must be
    // absolute (http, https, ws, wss); error says what is wrong otherwise.
    static std::optional<EngineEndpoint> resolve(const QString &url, const QString &namespaceName,
        const ClientConnectOptions &options, QString *error);

    // The first part of every transport URL: scheme://host[:port]path (port omitted when default).
    QString base(bool websocket) const;
    // The origin of the server ("http://localhost:3000").
    QString origin() const;
};

} // namespace corslab
