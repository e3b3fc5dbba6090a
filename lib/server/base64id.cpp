// Base64Id: random prefix from the system generator, sequence number last.
#include "base64id.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace corslab {

QString Base64Id::next()
{
    QByteArray bytes(15, Qt::Uninitialized);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < 12; ++i)
        bytes[i] = char(rng->bounded(256));
    bytes[12] = char((m_sequence >> 16) & 0xFF);
    bytes[13] = char((m_sequence >> 8) & 0xFF);
    bytes[14] = char(m_sequence & 0xFF);
    ++m_sequence;
    return QString::fromLatin1(bytes.toBase64().replace('/', '_').replace('+', '-'));
}

} // namespace corslab
