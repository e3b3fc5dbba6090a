// BrowserOrigin: a web origin (scheme, host, port) as browsers compute, compare and serialise it,
// plus the host classifications mixed content and Chromium's Local Network Access rely on.
#pragma once

#include <QString>

namespace corslab {

// Chromium's IP address spaces in the Local Network Access naming
// (services/network/public/mojom/ip_address_space.mojom; cors_error_string.cc ShortAddressSpace).
enum class IpAddressSpace { Unknown, Public, Local, Loopback };

// "unknown", "public", "local", "loopback": the word Chromium prints between backticks.
QString ipAddressSpaceName(IpAddressSpace space);

class BrowserOrigin {
public:
    // An opaque origin (serialises as "null").
    BrowserOrigin() = default;

    // URL standard "origin" of a URL: a tuple for http, https, ws, wss and ftp URLs (scheme and
    // host lower-cased, IDN hosts in punycode, the default port dropped); opaque for anything
    // else (file:, data:, a string that is no URL).
    static BrowserOrigin fromUrl(const QString &url);
    // A page origin as a profile writes it: "null" (opaque), "scheme://host[:port]", or the whole
    // page URL.
    static BrowserOrigin fromText(const QString &text);

    bool isOpaque() const { return m_opaque; }
    const QString &scheme() const { return m_scheme; }
    const QString &host() const { return m_host; } // IPv6 without brackets
    int port() const { return m_port; } // the effective port (default ports filled in)

    // HTML "serialization of an origin": "null", or scheme://host[:port] with the port only when
    // it is not the scheme's default.
    QString serialize() const;
    // HTML "same origin": tuples equal; an opaque origin is same origin with no tuple origin.
    bool isSameOrigin(const BrowserOrigin &other) const;
    // Secure Contexts "potentially trustworthy origin": https/wss, or a loopback host
    // (localhost, *.localhost, 127.0.0.0/8, ::1) on any scheme. A page with such an origin is a
    // secure context.
    bool isPotentiallyTrustworthy() const;

    static int defaultPort(const QString &scheme);

    friend bool operator==(const BrowserOrigin &, const BrowserOrigin &) = default;

private:
    bool m_opaque = true;
    QString m_scheme;
    QString m_host;
    int m_port = -1;
};

// localhost, *.localhost, 127.0.0.0/8, ::1 (both browsers' "potentially trustworthy" loopback).
bool isLoopbackHost(const QString &host);
// A host's address space as Chromium classifies the IP it connects to: literal IPv4/IPv6
// addresses by range (127/8 and ::1 loopback; 10/8, 172.16/12, 192.168/16, 169.254/16,
// 100.64/10, 0/8, fc00::/7, fe80::/10 local; the rest public), localhost names loopback, and any
// other name public (its resolved address is not known here; pass the address instead).
IpAddressSpace addressSpaceOfHost(const QString &host);
// True for a private-range IP literal or a ".local" name: the targets Chromium can tell are
// local before connecting, for which it relaxes mixed-content blocking in favour of the LNA
// permission (developer.chrome.com/blog/local-network-access).
bool isRecognisablyLocalHost(const QString &host);

} // namespace corslab
