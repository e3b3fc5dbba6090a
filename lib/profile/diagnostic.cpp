// Diagnostic formatting and the "did you mean" search.
#include "diagnostic.h"

#include <QStringList>

#include <algorithm>
#include <vector>

namespace corslab {

QString Diagnostic::toString(const QString &fileName) const
{
    QString out = fileName;
    if (position.line > 0)
        out += QStringLiteral(":%1:%2").arg(position.line).arg(position.column);
    out += isError() ? QStringLiteral(": error: ") : QStringLiteral(": warning: ");
    if (!path.isEmpty())
        out += path + QStringLiteral(": ");
    return out + message;
}

int errorCount(const Diagnostics &diagnostics)
{
    return int(std::count_if(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.isError(); }));
}

int warningCount(const Diagnostics &diagnostics)
{
    return int(diagnostics.size()) - errorCount(diagnostics);
}

namespace {
int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}
} // namespace

QString closestMatch(const QString &text, const QStringList &candidates)
{
    if (text.isEmpty())
        return {};
    const QString lower = text.toLower();
    QString best;
    int bestDistance = std::max<int>(2, int(text.size()) / 3) + 1;
    for (const QString &candidate : candidates) {
        const QString c = candidate.toLower();
        int d = editDistance(lower, c);
        // "websockets" for "websocket", "long-polling" for "polling", "chrome" for "chromium":
        // plainly the same word.
        qsizetype common = 0;
        while (common < lower.size() && common < c.size() && lower[common] == c[common])
            ++common;
        if (lower == c || (c.size() >= 4 && lower.contains(c))
            || (lower.size() >= 4 && c.contains(lower)) || common >= 5)
            d = std::min(d, 1);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

} // namespace corslab
