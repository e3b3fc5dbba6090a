// A problem found in a profile: where (line, column, JSON path), how bad, and what was expected.
#pragma once

#include "jsonnode.h"

#include <QList>
#include <QString>

namespace corslab {

struct Diagnostic {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    SourcePosition position;
    QString path; // JSON path, e.g. server.cors.origin[2]; empty for the whole file
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // "file:12:5: error: server.transports[1]: message" (GCC style, so editors can jump to it).
    QString toString(const QString &fileName) const;
    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = QList<Diagnostic>;

int errorCount(const Diagnostics &diagnostics);
int warningCount(const Diagnostics &diagnostics);

// The closest of `candidates` to `text` when it is close enough to be a likely typo.
QString closestMatch(const QString &text, const QStringList &candidates);

} // namespace corslab
