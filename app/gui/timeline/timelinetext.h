// Text the timeline views show, as plain functions: HTTP heads split into lines, Wireshark-style
// hex dumps, what each CORS header did, and the short labels of the sequence diagram's arrows.
#pragma once

#include "timeline/timelineevent.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace corslab::gui {

struct HttpHeaderLine {
    QString name;
    QString value;
};

// An HTTP/1.1 request or response head (as recorded in an event's raw bytes or detail text).
struct HttpHead {
    bool valid = false; // a start line that looks like HTTP was found
    QString startLine;
    QList<HttpHeaderLine> headers;
    QByteArray body; // what follows the blank line
};

// Splits "START\r\nName: value\r\n...\r\n\r\nbody" (CRLF or LF) into its parts.
HttpHead parseHttpHead(const QByteArray &bytes);

// Whether a header is one of CORS's own: Origin and Access-Control-* (and Vary: Origin).
bool isCorsHeader(const QString &name);

// One line on what a CORS header did, translated ("" for other headers).
QString corsHeaderNote(const QString &name, bool inRequest);

// Offset, 16 hex bytes and their printable characters per line (as Wireshark's bytes pane).
// At most maxBytes are dumped; a last line says how many were left out.
QString hexDump(const QByteArray &bytes, qsizetype maxBytes = 256 * 1024);

// The bytes as text: UTF-8, CR and LF kept as line ends, other control bytes as "·".
QString bytesAsText(const QByteArray &bytes, qsizetype maxBytes = 256 * 1024);

// The diagram's short label of an event: "GET /socket.io/?EIO=4…", "200 OK", "open {…}".
QString arrowLabel(const TimelineEvent &event);

// "12.345 ms", or "1.234567 s" from one second on (microseconds in both).
QString formatTime(qint64 timeUs);

} // namespace corslab::gui
