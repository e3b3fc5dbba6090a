// Origin serialisation check (HTML Standard, "serialization of an origin").
#include "originsyntax.h"

#include <QRegularExpression>
#include <QUrl>

namespace corslab {

OriginSyntax OriginSyntax::check(const QString &text)
{
    OriginSyntax result;
    const qsizetype schemeEnd = text.indexOf(QStringLiteral("://"));
    if (schemeEnd <= 0) {
        result.problem = QStringLiteral("has no scheme; browsers send \"http://...\" or "
                                        "\"https://...\"");
        // Suggest only what plainly is a host: "localhost:3000", not "*" nor "http:localhost".
        static const QRegularExpression hostLike(
            QStringLiteral(R"(^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$)"));
        static const QRegularExpression schemeNoSlashes(QStringLiteral(R"(^(https?):/*([^/]+)$)"));
        if (hostLike.match(text).hasMatch() && !text.startsWith(QLatin1String("http:"))
            && !text.startsWith(QLatin1String("https:")))
            result.suggestion = QStringLiteral("http://") + text.toLower();
        else if (const auto m = schemeNoSlashes.match(text); m.hasMatch())
            result.suggestion = m.captured(1) + QStringLiteral("://") + m.captured(2).toLower();
        return result;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        result.problem = QStringLiteral("is not a URL origin (scheme://host[:port])");
        return result;
    }
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == QLatin1String("https") || scheme == QLatin1String("wss")
        ? 443
        : (scheme == QLatin1String("http") || scheme == QLatin1String("ws") ? 80 : -1);
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']'); // IPv6 literals keep their brackets
    QString serialized = scheme + QStringLiteral("://") + host;
    if (url.port() != -1 && url.port() != defaultPort)
        serialized += QLatin1Char(':') + QString::number(url.port());
    result.suggestion = serialized;
    if (serialized == text) {
        result.isSerializedOrigin = true;
        result.suggestion.clear();
        return result;
    }
    const QString writtenHost = url.host(QUrl::FullyDecoded);
    bool nonAscii = false;
    for (QChar c : writtenHost)
        nonAscii = nonAscii || c.unicode() >= 0x80;
    if (!url.userInfo().isEmpty())
        result.problem = QStringLiteral("contains a user name; an Origin never does");
    else if (url.path() == QLatin1String("/") && !url.hasQuery() && !url.hasFragment())
        result.problem = QStringLiteral("ends with \"/\"; the Origin header never does");
    else if (!url.path().isEmpty())
        result.problem = QStringLiteral("has a path; an Origin is only scheme://host[:port]");
    else if (url.hasQuery())
        result.problem = QStringLiteral("has a query; an Origin is only scheme://host[:port]");
    else if (url.hasFragment())
        result.problem = QStringLiteral("has a fragment; an Origin is only scheme://host[:port]");
    else if (url.port() == defaultPort)
        result.problem = QStringLiteral("names the default port %1, which browsers leave out")
                             .arg(defaultPort);
    else if (nonAscii)
        result.problem = QStringLiteral("has a non-ASCII host name; browsers send it in its "
                                        "punycode form");
    else
        result.problem = QStringLiteral("has upper-case letters; browsers send the scheme and "
                                        "host in lower case");
    return result;
}

} // namespace corslab
