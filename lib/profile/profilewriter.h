// Writes a Profile in the canonical JSON v1 form (stable order, defaults omitted, unknown keys
// kept).
#pragma once

#include "profile.h"

#include <QByteArray>

namespace corslab {

class ProfileWriter {
public:
    static JsonNode toJsonNode(const Profile &profile);
    static QByteArray toJson(const Profile &profile);
};

} // namespace corslab
