// One HTTP request and Node 20's view of its headers.
#include "httprequest.h"

#include <QtAlgorithms>

namespace corslab {

namespace {
enum class JoinRule { FirstWins, Comma, Semicolon, Array };

// Node 20 _http_incoming.js matchKnownFields(): which duplicates are dropped or joined how.
JoinRule joinRuleFor(QByteArrayView name)
{
    static const char *const firstWins[] = {
        "age",
        "authorization",
        "content-length",
        "content-type",
        "etag",
        "expires",
        "from",
        "host",
        "if-modified-since",
        "if-unmodified-since",
        "last-modified",
        "location",
        "max-forwards",
        "proxy-authorization",
        "referer",
        "retry-after",
        "server",
        "user-agent",
    };
    for (const char *known : firstWins) {
        if (HttpHeaders::namesEqual(name, QByteArrayView(known)))
            return JoinRule::FirstWins;
    }
    if (HttpHeaders::namesEqual(name, "cookie"))
        return JoinRule::Semicolon;
    if (HttpHeaders::namesEqual(name, "set-cookie"))
        return JoinRule::Array;
    return JoinRule::Comma;
}

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// JavaScript /(?:^|\W)word(?:$|\W)/i on latin1 text.
bool containsDelimitedWord(QByteArrayView text, QByteArrayView word)
{
    for (qsizetype i = 0; i + word.size() <= text.size(); ++i) {
        if (!HttpHeaders::namesEqual(text.sliced(i, word.size()), word))
            continue;
        const bool startOk = i == 0 || !isWordChar(text[i - 1]);
        const qsizetype end = i + word.size();
        const bool endOk = end == text.size() || !isWordChar(text[end]);
        if (startOk && endOk)
            return true;
    }
    return false;
}
} // namespace

QByteArray HttpRequest::path() const
{
    qsizetype end = m_target.size();
    for (qsizetype i = 0; i < m_target.size(); ++i) {
        if (m_target[i] == '?' || m_target[i] == '#') {
            end = i;
            break;
        }
    }
    return m_target.first(end);
}

QByteArray HttpRequest::queryString() const
{
    return QueryMap::queryOf(m_target).toByteArray();
}

void HttpRequest::setVersion(int major, int minor)
{
    m_versionMajor = major;
    m_versionMinor = minor;
}

QByteArray HttpRequest::version() const
{
    return QByteArray::number(m_versionMajor) + '.' + QByteArray::number(m_versionMinor);
}

qsizetype HttpRequest::visibleHeaderCount() const
{
    if (m_visibleHeaderCount < 0)
        return m_headers.size();
    return qMin(m_visibleHeaderCount, m_headers.size());
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    const QList<QByteArray> values = headerValues(name);
    if (values.isEmpty())
        return {};
    switch (joinRuleFor(name)) {
    case JoinRule::FirstWins:
        return values.first();
    case JoinRule::Semicolon:
        return values.join("; ");
    case JoinRule::Comma:
    case JoinRule::Array:
        break;
    }
    return values.join(", ");
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    const qsizetype visible = visibleHeaderCount();
    for (qsizetype i = 0; i < visible; ++i) {
        if (HttpHeaders::namesEqual(m_headers.fields().at(i).name, name))
            return true;
    }
    return false;
}

QList<QByteArray> HttpRequest::headerValues(QByteArrayView name) const
{
    QList<QByteArray> out;
    const qsizetype visible = visibleHeaderCount();
    for (qsizetype i = 0; i < visible; ++i) {
        const HttpHeaderField &field = m_headers.fields().at(i);
        if (HttpHeaders::namesEqual(field.name, name))
            out.append(field.value);
    }
    return out;
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return m_upgrade && m_method == "GET" && hasHeader("upgrade")
        && HttpHeaders::namesEqual(header("upgrade"), "websocket");
}

bool HttpRequest::isMissingHost() const
{
    return m_versionMajor == 1 && m_versionMinor == 1 && !hasHeader("host");
}

bool HttpRequest::expectsContinue() const
{
    return m_versionMajor == 1 && m_versionMinor == 1 && hasHeader("expect")
        && containsDelimitedWord(header("expect"), "100-continue");
}

bool HttpRequest::hasUnmetExpectation() const
{
    return m_versionMajor == 1 && m_versionMinor == 1 && hasHeader("expect") && !expectsContinue();
}

} // namespace corslab
