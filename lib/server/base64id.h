// Session and socket ids as the `base64id` helper of engine.io and socket.io makes them.
#pragma once

#include <QString>

namespace corslab {

// 12 random bytes and a 24-bit sequence number, base64 with "/" → "_" and "+" → "-": 20 characters,
// consecutive ids ending in "AAAA", "AAAB", ...
class Base64Id {
public:
    QString next();

private:
    quint32 m_sequence = 0;
};

} // namespace corslab
