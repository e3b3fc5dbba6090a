// BrowserOrigin: web origins as browsers compute, compare and serialise them.
#include "browserorigin.h"

#include <QUrl>

#include <array>
#include <optional>

namespace corslab {

namespace {

QString withoutBrackets(const QString &host)
{
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        return host.mid(1, host.size() - 2);
    return host;
}

// Dotted-quad IPv4 literal, four decimal parts 0-255.
std::optional<std::array<int, 4>> parseIpv4(QStringView text)
{
    const QList<QStringView> parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    std::array<int, 4> bytes {};
    for (int i = 0; i < 4; ++i) {
        const QStringView part = parts.at(i);
        if (part.isEmpty() || part.size() > 3)
            return std::nullopt;
        int value = 0;
        for (const QChar c : part) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return std::nullopt;
            value = value * 10 + (c.unicode() - u'0');
        }
        if (value > 255)
            return std::nullopt;
        bytes[static_cast<size_t>(i)] = value;
    }
    return bytes;
}

IpAddressSpace ipv4Space(const std::array<int, 4> &b)
{
    if (b[0] == 127)
        return IpAddressSpace::Loopback;
    if (b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127))
        return IpAddressSpace::Local;
    return IpAddressSpace::Public;
}

// IPv6 literal (as QUrl canonicalises it: lower case, compressed); nullopt when it is none.
std::optional<IpAddressSpace> ipv6Space(const QString &host)
{
    if (!host.contains(QLatin1Char(':')))
        return std::nullopt;
    if (host == QLatin1String("::1"))
        return IpAddressSpace::Loopback;
    const QLatin1String mapped("::ffff:");
    if (host.startsWith(mapped)) {
        if (const auto v4 = parseIpv4(QStringView(host).mid(mapped.size())))
            return ipv4Space(*v4);
    }
    bool ok = false;
    const uint first = host.startsWith(QLatin1String("::"))
        ? 0
        : host.section(QLatin1Char(':'), 0, 0).toUInt(&ok, 16);
    if ((first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80)
        return IpAddressSpace::Local;
    return IpAddressSpace::Public;
}

bool isTupleScheme(const QString &scheme)
{
    return scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || scheme == QLatin1String("ws") || scheme == QLatin1String("wss")
        || scheme == QLatin1String("ftp");
}

} // namespace

QString ipAddressSpaceName(IpAddressSpace space)
{
    switch (space) {
    case IpAddressSpace::Unknown:
        return QStringLiteral("unknown");
    case IpAddressSpace::Public:
        return QStringLiteral("public");
    case IpAddressSpace::Local:
        return QStringLiteral("local");
    case IpAddressSpace::Loopback:
        return QStringLiteral("loopback");
    }
    return QString();
}

int BrowserOrigin::defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws"))
        return 80;
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return 443;
    if (scheme == QLatin1String("ftp"))
        return 21;
    return -1;
}

BrowserOrigin BrowserOrigin::fromUrl(const QString &text)
{
    BrowserOrigin origin;
    const QUrl url(text.trimmed(), QUrl::TolerantMode);
    if (!url.isValid())
        return origin;
    const QString scheme = url.scheme().toLower();
    // FullyEncoded: an IDN host in its punycode form, as browsers serialise it.
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    if (!isTupleScheme(scheme) || host.isEmpty())
        return origin;
    origin.m_opaque = false;
    origin.m_scheme = scheme;
    origin.m_host = host;
    origin.m_port = url.port(defaultPort(scheme));
    return origin;
}

BrowserOrigin BrowserOrigin::fromText(const QString &text)
{
    if (text.trimmed() == QLatin1String("null"))
        return BrowserOrigin();
    return fromUrl(text);
}

QString BrowserOrigin::serialize() const
{
    if (m_opaque)
        return QStringLiteral("null");
    QString text = m_scheme + QLatin1String("://");
    text += m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']')
                                              : m_host;
    if (m_port != defaultPort(m_scheme))
        text += QLatin1Char(':') + QString::number(m_port);
    return text;
}

bool BrowserOrigin::isSameOrigin(const BrowserOrigin &other) const
{
    return !m_opaque && !other.m_opaque && m_scheme == other.m_scheme && m_host == other.m_host
        && m_port == other.m_port;
}

bool BrowserOrigin::isPotentiallyTrustworthy() const
{
    if (m_opaque)
        return false;
    return m_scheme == QLatin1String("https") || m_scheme == QLatin1String("wss")
        || isLoopbackHost(m_host);
}

bool isLoopbackHost(const QString &host)
{
    const QString h = withoutBrackets(host).toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    return addressSpaceOfHost(h) == IpAddressSpace::Loopback;
}

IpAddressSpace addressSpaceOfHost(const QString &host)
{
    const QString h = withoutBrackets(host).toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return IpAddressSpace::Loopback;
    if (const auto v4 = parseIpv4(h))
        return ipv4Space(*v4);
    if (const auto v6 = ipv6Space(h))
        return *v6;
    return IpAddressSpace::Public;
}

bool isRecognisablyLocalHost(const QString &host)
{
    const QString h = withoutBrackets(host).toLower();
    if (h.endsWith(QLatin1String(".local")))
        return true;
    const bool literal = parseIpv4(h).has_value() || h.contains(QLatin1Char(':'));
    return literal && addressSpaceOfHost(h) == IpAddressSpace::Local;
}

} // namespace corslab
