// Plain text helpers of the timeline views.
#include "timelinetext.h"

#include <QCoreApplication>

namespace corslab::gui {

namespace {
// Header notes are shown by the details pane: its translation context.
class DetailsText {
    Q_DECLARE_TR_FUNCTIONS(corslab::gui::DetailsPane)
};
} // namespace

HttpHead parseHttpHead(const QByteArray &bytes)
{
    HttpHead head;
    qsizetype end = bytes.indexOf("\r\n\r\n");
    qsizetype bodyStart = end < 0 ? -1 : end + 4;
    const qsizetype lfEnd = bytes.indexOf("\n\n");
    if (lfEnd >= 0 && (end < 0 || lfEnd < end)) {
        end = lfEnd;
        bodyStart = lfEnd + 2;
    }
    const QByteArray headBytes = end < 0 ? bytes : bytes.left(end);
    if (bodyStart >= 0)
        head.body = bytes.mid(bodyStart);
    const QList<QByteArray> lines = headBytes.split('\n');
    if (lines.isEmpty())
        return head;
    // Header bytes are Latin-1 on the wire (Node writes them so).
    head.startLine = QString::fromLatin1(lines.first()).trimmed();
    head.valid = head.startLine.startsWith(QLatin1String("HTTP/"))
        || head.startLine.endsWith(QLatin1String(" HTTP/1.1"))
        || head.startLine.endsWith(QLatin1String(" HTTP/1.0"));
    if (!head.valid)
        return head;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = QString::fromLatin1(lines.at(i)).trimmed();
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        head.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return head;
}

bool isCorsHeader(const QString &name)
{
    return name.compare(QLatin1String("Origin"), Qt::CaseInsensitive) == 0
        || name.startsWith(QLatin1String("Access-Control-"), Qt::CaseInsensitive);
}

QString corsHeaderNote(const QString &name, bool inRequest)
{
    const QString n = name.toLower();
    if (n == QLatin1String("origin"))
        return inRequest ? DetailsText::tr(
                   "The page's origin: the browser adds it and the server's cors options decide "
                   "whether to allow it.")
                         : QString();
    if (n == QLatin1String("access-control-request-method"))
        return DetailsText::tr("Preflight: asks whether the actual request may use this method.");
    if (n == QLatin1String("access-control-request-headers"))
        return DetailsText::tr(
            "Preflight: asks whether the actual request may carry these headers.");
    if (n == QLatin1String("access-control-allow-origin"))
        return DetailsText::tr(
            "Which origin may read the response: compared with the request's Origin "
            "(Fetch §4.9 CORS check, steps 2–4).");
    if (n == QLatin1String("access-control-allow-credentials"))
        return DetailsText::tr(
            "Must be exactly \"true\" for a request with credentials (Fetch §4.9 CORS "
            "check, step 7).");
    if (n == QLatin1String("access-control-allow-methods"))
        return DetailsText::tr(
            "Preflight answer: the methods the actual request may use (Fetch §4.8, step "
            "7.5).");
    if (n == QLatin1String("access-control-allow-headers"))
        return DetailsText::tr(
            "Preflight answer: the request headers the actual request may carry (Fetch "
            "§4.8, step 7.7).");
    if (n == QLatin1String("access-control-max-age"))
        return DetailsText::tr("How long the browser may cache this preflight answer.");
    if (n == QLatin1String("access-control-expose-headers"))
        return DetailsText::tr(
            "Response headers the page's script may read beyond the safelisted ones.");
    if (n == QLatin1String("access-control-allow-private-network"))
        return DetailsText::tr(
            "Private Network Access: the server agrees to a request from a less private "
            "network.");
    if (n.startsWith(QLatin1String("access-control-")))
        return DetailsText::tr("A CORS header this browser does not use for this request.");
    return {};
}

QString hexDump(const QByteArray &bytes, qsizetype maxBytes)
{
    const qsizetype n = qMin(bytes.size(), maxBytes);
    QString out;
    out.reserve(n / 16 * 78 + 80);
    static const char digits[] = "0123456789abcdef";
    for (qsizetype offset = 0; offset < n; offset += 16) {
        out += QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = 0; i < 16; ++i) {
            if (offset + i < n) {
                const auto byte = static_cast<unsigned char>(bytes.at(offset + i));
                out += QLatin1Char(digits[byte >> 4]);
                out += QLatin1Char(digits[byte & 15]);
                out += QLatin1Char(' ');
                ascii += byte >= 0x20 && byte < 0x7f ? QLatin1Char(char(byte)) : QLatin1Char('.');
            } else {
                out += QLatin1String("   ");
            }
            if (i == 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1Char(' ') + ascii + QLatin1Char('\n');
    }
    if (bytes.size() > n)
        out += QCoreApplication::translate(
            "corslab::gui::DetailsPane", "… %n more byte(s)", nullptr, int(bytes.size() - n));
    return out;
}

QString bytesAsText(const QByteArray &bytes, qsizetype maxBytes)
{
    QString text = QString::fromUtf8(bytes.left(maxBytes));
    for (QChar &c : text) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\t' && c != u'\r')
            c = QChar(0x00b7);
    }
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    if (bytes.size() > maxBytes)
        text += u'\n'
            + QCoreApplication::translate("corslab::gui::DetailsPane", "… %n more byte(s)", nullptr,
                int(bytes.size() - maxBytes));
    return text;
}

QString arrowLabel(const TimelineEvent &event)
{
    QString s = event.summary;
    if (event.kind == TimelineKind::Response) {
        // "200 OK  <body>": the status line part only.
        const qsizetype gap = s.indexOf(QLatin1String("  "));
        if (gap > 0)
            s.truncate(gap);
    } else if (event.kind == TimelineKind::Packet || event.kind == TimelineKind::Frame) {
        if (s.startsWith(QStringLiteral("→ ")) || s.startsWith(QStringLiteral("← ")))
            s.remove(0, 2);
    }
    return s;
}

QString formatTime(qint64 timeUs)
{
    if (timeUs >= 1'000'000)
        return QCoreApplication::translate("corslab::gui::TimelineModel", "%1 s")
            .arg(double(timeUs) / 1e6, 0, 'f', 6);
    return QCoreApplication::translate("corslab::gui::TimelineModel", "%1 ms")
        .arg(double(timeUs) / 1e3, 0, 'f', 3);
}

} // namespace corslab::gui
