#include "engineurl.h"

#include <QUrl>

#include <algorithm>
#include <cmath>

namespace corslab {

void EngineQuery::set(const QString &key, const QString &value)
{
    for (auto &item : m_items) {
        if (item.first == key) {
            item.second = value;
            return;
        }
    }
    m_items.append({key, value});
}

std::optional<QString> EngineQuery::value(const QString &key) const
{
    for (const auto &item : m_items) {
        if (item.first == key)
            return item.second;
    }
    return std::nullopt;
}

QString encodeUriComponent(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toPercentEncoding(QByteArrayLiteral("!'()*")));
}

QString EngineQuery::encode() const
{
    QString out;
    for (const auto &item : m_items) {
        if (!out.isEmpty())
            out += u'&';
        out += encodeUriComponent(item.first) + u'=' + encodeUriComponent(item.second);
    }
    return out;
}

static QString toBase36(double value)
{
    // Number.prototype.toString(36) for non-negative integers.
    if (value < 1)
        return QStringLiteral("0");
    QString digits;
    while (value >= 1) {
        const int d = int(std::fmod(value, 36.0));
        digits.prepend(QLatin1Char(d < 10 ? char('0' + d) : char('a' + d - 10)));
        value = std::floor(value / 36.0);
    }
    return digits;
}

// The digits after "0." of Number.prototype.toString(36) for a value in [0, 1): V8's
// DoubleToRadixCString — digits until the rest is below half the distance to the next double,
// rounding half to even with carry.
static QString fractionToBase36(double value)
{
    QByteArray digits;
    double fraction = value;
    double delta = 0.5 * (std::nextafter(value, 2.0) - value);
    delta = std::max(std::nextafter(0.0, 1.0), delta);
    if (fraction >= delta) {
        do {
            fraction *= 36;
            delta *= 36;
            const int digit = int(fraction);
            digits.append(digit < 10 ? char('0' + digit) : char('a' + digit - 10));
            fraction -= digit;
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
                if (fraction + delta > 1) {
                    while (!digits.isEmpty()) {
                        const char c = digits.back();
                        digits.chop(1);
                        const int d = c > '9' ? c - 'a' + 10 : c - '0';
                        if (d + 1 < 36) {
                            digits.append(d + 1 < 10 ? char('0' + d + 1) : char('a' + d + 1 - 10));
                            break;
                        }
                    }
                    break;
                }
            }
        } while (fraction >= delta);
    }
    return QString::fromLatin1(digits);
}

QString engineRandomString(qint64 nowMs, double random01)
{
    return toBase36(double(nowMs)).mid(3) + fractionToBase36(random01).left(3);
}

std::optional<EngineEndpoint> EngineEndpoint::resolve(const QString &url,
    const QString &namespaceName, const ClientConnectOptions &options, QString *error)
{
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")
            && scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))) {
        if (error)
            *error
                = QStringLiteral("\"%1\" is not an absolute http, https, ws or wss URL").arg(url);
        return std::nullopt;
    }
    EngineEndpoint e;
    e.secure = scheme == QLatin1String("https") || scheme == QLatin1String("wss");
    e.hostname = parsed.host();
    e.port = parsed.port() > 0 ? QString::number(parsed.port())
                               : (e.secure ? QStringLiteral("443") : QStringLiteral("80"));
    QString path = options.path;
    while (path.endsWith(u'/'))
        path.chop(1);
    e.path = path + u'/';
    const QString urlQuery = parsed.query(QUrl::FullyDecoded);
    if (!urlQuery.isEmpty()) {
        for (const QString &pair : parsed.query(QUrl::FullyEncoded).split(u'&')) {
            const qsizetype eq = pair.indexOf(u'=');
            const QString key = eq < 0 ? pair : pair.left(eq);
            const QString value = eq < 0 ? QString() : pair.mid(eq + 1);
            e.userQuery.append({QUrl::fromPercentEncoding(key.toUtf8()),
                QUrl::fromPercentEncoding(value.toUtf8())});
        }
    }
    // engine.io-client's Socket replaces options.query with the URL's query when the URL has one.
    if (e.userQuery.isEmpty()) {
        e.userQuery.clear();
        for (const auto &item : options.query)
            e.userQuery.append({item.first, item.second});
    }
    const QString urlPath = parsed.path();
    e.namespaceName = namespaceName;
    if (namespaceName == QLatin1String("/") && !urlPath.isEmpty() && urlPath != QLatin1String("/"))
        e.namespaceName = urlPath;
    return e;
}

QString EngineEndpoint::base(bool websocket) const
{
    const QString scheme = websocket ? (secure ? QStringLiteral("wss") : QStringLiteral("ws"))
                                     : (secure ? QStringLiteral("https") : QStringLiteral("http"));
    const QString host = hostname.contains(u':') ? u'[' + hostname + u']' : hostname;
    const bool defaultPort
        = (secure && port == QLatin1String("443")) || (!secure && port == QLatin1String("80"));
    return scheme + QStringLiteral("://") + host + (defaultPort ? QString() : u':' + port) + path;
}

QString EngineEndpoint::origin() const
{
    QString b = base(false);
    return b.left(b.size() - path.size());
}

} // namespace corslab
