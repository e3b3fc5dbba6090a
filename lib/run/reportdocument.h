// Runs written up for people: a Markdown report to paste into an issue, and a self-contained HTML
// page (no external files; the timeline picture, when given, travels inside as a data: URL). Both
// carry the verdict with each browser's own words, connect_error, the notes, the proven fix with
// its diff, the timeline table, every exchange's headers and the profile to reproduce it.
#pragma once

#include "runresult.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace corslab {

class ReportDocument {
public:
    // lang: "en" or "zh-CN" (Firefox's messages, notes and the fix in that language).
    static QString markdown(const QList<RunResult> &runs, const QString &lang);
    // pictures: a PNG per run (the timeline as drawn), or none.
    static QString html(
        const QList<RunResult> &runs, const QString &lang, const QList<QByteArray> &pictures = {});

    // Reports stay readable: the timeline table and the headers stop after this many rows, and
    // the report says how many it left out.
    static constexpr int MaxTimelineRows = 2000;
    static constexpr int MaxExchanges = 200;
};

} // namespace corslab
