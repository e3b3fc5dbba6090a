// A run's network traffic as an HTTP Archive (HAR 1.2) in the shape Chrome DevTools writes and
// reads: one page per run, one entry per HTTP exchange (each CORS preflight its own entry), the
// WebSocket as one entry with its messages, the verdict in log.comment and each entry's CORS check
// in entry.comment. CorsLab's own fields start with "_corslab". I/O-free.
#pragma once

#include "run/runresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace corslab {

class HarWriter {
public:
    // The runs as one HAR log. The runs are placed one after the other so that the last one ends
    // now (a RunResult keeps times relative to its start, not the wall clock).
    static QJsonObject toHar(const QList<RunResult> &runs);
    // Same, with the first run starting at startedAt (UTC); later runs follow after each one's
    // wall time. Same runs and same startedAt give the same object.
    static QJsonObject toHar(const QList<RunResult> &runs, const QDateTime &startedAt);

    // UTF-8 JSON indented by two spaces, HAR members in the specification's order, with a final
    // newline.
    static QByteArray toBytes(const QList<RunResult> &runs);
    static QByteArray toBytes(const QList<RunResult> &runs, const QDateTime &startedAt);
    // Any HAR object (or other JSON object) written the same way.
    static QByteArray write(const QJsonObject &har);
};

} // namespace corslab
