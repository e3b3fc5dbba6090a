// Origin serialisation check (HTML Standard, "serialization of an origin").
#include "originsyntax.h"

#include <QUrl>

namespace corslab {

OriginSyntax OriginSyntax::check(const QString &text)
{
    OriginSyntax result;
    const qsizetype schemeEnd = text.indexOf(QStringLiteral("://"));
    if (schemeEnd <= 0) {
        result.problem = QStringLiteral("has no scheme; browsers send \"http://...\" or "
                                        "\"https://...\"");
        if (!text.isEmpty() && !text.contains(QLatin1Char('/')))
            result.suggestion = QStringLiteral("http://") + text;
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
    QString serialized = scheme + QStringLiteral("://") + url.host(QUrl::FullyEncoded).toLower();
    if (url.port() != -1 && url.port() != defaultPort)
        serialized += QLatin1Char(':') + QString::number(url.port());
    result.suggestion = serialized;
    if (serialized == text) {
        result.isSerializedOrigin = true;
        result.suggestion.clear();
        return result;
    }
    if (!url.userInfo().isEmpty())
        result.problem = QStringLiteral("contains a user name; an Origin never does");
    else if (url.path() == QLatin1String("/") && !url.hasQuery() && !url.hasFragment())
        result.problem = QStringLiteral("ends with \"/\"; the Origin header never does");
    else if (!url.path().isEmpty() || url.hasQuery() || url.hasFragment())
        result.problem = QStringLiteral("has a path; an Origin is only scheme://host[:port]");
    else if (url.port() == defaultPort)
        result.problem = QStringLiteral("names the default port %1, which browsers leave out")
                             .arg(defaultPort);
    else
        result.problem = QStringLiteral("has upper-case letters; browsers send the scheme and "
                                        "host in lower case");
    return result;
}

} // namespace corslab
