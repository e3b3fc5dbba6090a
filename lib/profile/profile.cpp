// Small helpers of the profile value types: names of enums, header values, function detection.
#include "profile.h"

namespace corslab {

QString corsHeaderValue(const StringOrList &value)
{
    if (const auto *list = std::get_if<QStringList>(&value))
        return list->join(QLatin1Char(','));
    return std::get<QString>(value);
}

bool Profile::containsFunctions() const
{
    if (server.allowRequest)
        return true;
    if (server.cors && std::holds_alternative<ScriptFunction>(server.cors->origin))
        return true;
    for (const NamespaceConfig &ns : server.namespaces) {
        if (ns.middleware)
            return true;
    }
    return false;
}

namespace {
const QStringList &browserNames()
{
    static const QStringList names
        = {QStringLiteral("chromium"), QStringLiteral("firefox"), QStringLiteral("node")};
    return names;
}
} // namespace

QString browserName(Browser browser)
{
    return browserNames().at(static_cast<int>(browser));
}

std::optional<Browser> browserFromName(QStringView name)
{
    const qsizetype i = browserNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return static_cast<Browser>(i);
}

QStringList verdictNames()
{
    return {QStringLiteral("connected"), QStringLiteral("blocked"), QStringLiteral("refused"),
        QStringLiteral("network-error"), QStringLiteral("timeout")};
}

QString verdictName(Verdict verdict)
{
    return verdictNames().at(static_cast<int>(verdict));
}

std::optional<Verdict> verdictFromName(QStringView name)
{
    const qsizetype i = verdictNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return static_cast<Verdict>(i);
}

} // namespace corslab
