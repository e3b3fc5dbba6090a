// Is a string an origin as browsers serialise it (scheme://host[:port])? If not, why, and what is
// meant.
#pragma once

#include <QString>

namespace corslab {

struct OriginSyntax {
    bool isSerializedOrigin = false; // exactly what a browser would put in the Origin header
    QString problem; // why not, in words ("ends with "/" ...")
    QString suggestion; // the origin probably meant, when there is one

    // HTML "serialization of an origin": lower-case scheme and host, no default port, no path.
    static OriginSyntax check(const QString &text);
};

} // namespace corslab
