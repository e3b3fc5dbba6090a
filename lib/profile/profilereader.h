// Reads a profile (JSON v1) from bytes into a Profile, collecting every error and warning on the
// way.
#pragma once

#include "diagnostic.h"
#include "profile.h"

#include <QByteArrayView>

#include <optional>

namespace corslab {

struct ProfileLoadResult {
    std::optional<Profile> profile; // set unless there are errors
    Diagnostics diagnostics; // in file order
    bool hasErrors() const { return errorCount(diagnostics) > 0; }
};

class ProfileReader {
public:
    static constexpr qsizetype MaxFileSize = 4 * 1024 * 1024;

    // I/O-free: bytes in, profile and diagnostics out.
    static ProfileLoadResult read(QByteArrayView utf8);
};

} // namespace corslab
