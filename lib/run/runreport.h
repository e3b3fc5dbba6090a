// A run written out: the whole RunResult as JSON (`corslab-cli run --json`), and the readable
// timeline + verdict the CLI prints, in English or Simplified Chinese.
#pragma once

#include "runresult.h"

#include <QJsonObject>
#include <QString>

namespace corslab {

class RunReport {
public:
    static QJsonObject toJson(const RunResult &result);
    // lang: "en" or "zh-CN" (verdict texts, Firefox's messages, notes and the fix).
    static QString toText(const RunResult &result, const QString &lang, bool color = false);
    // The timeline alone, one line per event that crosses the wire or matters to the page.
    static QString timelineText(const RunResult &result, bool color = false);
};

} // namespace corslab
