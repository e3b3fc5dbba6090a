// Helpers shared by the codec tests: test text with \uXXXX escapes, hex bytes, and packets spelled
// the way the expected values spell them.
#pragma once

#include "engineio/engineiopacket.h"

#include <QByteArray>
#include <QString>

namespace corslab::codectest {

// Test text: "\uXXXX" stands for that UTF-16 code unit (lone surrogates included), "\\" for a
// backslash; everything else is taken literally.
inline QString str(const char *escaped)
{
    QString out;
    for (const char *p = escaped; *p; ++p) {
        if (p[0] == '\\' && p[1] == 'u') {
            out.append(QChar(char16_t(QByteArray(p + 2, 4).toUInt(nullptr, 16))));
            p += 5;
        } else if (p[0] == '\\' && p[1] == '\\') {
            out.append(QLatin1Char('\\'));
            ++p;
        } else {
            out.append(QLatin1Char(*p));
        }
    }
    return out;
}

inline QByteArray bin(const char *hex)
{
    return QByteArray::fromHex(hex);
}

// The inverse of str() for printable output: ASCII as is, other code units as \uXXXX.
inline QString escaped(const QString &text)
{
    QString out;
    for (QChar c : text) {
        if (c == u'\\')
            out.append(QLatin1String("\\\\"));
        else if (c.unicode() >= 0x20 && c.unicode() < 0x7F)
            out.append(c);
        else
            out.append(QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')));
    }
    return out;
}

// A packet as the expected values spell it: type name, then "text" or <hex bytes>.
inline QString describe(const EngineIoPacket &p)
{
    QString s = EngineIoPacket::typeName(p.type());
    if (p.isBinary())
        s += QStringLiteral(" <%1>").arg(QString::fromLatin1(p.binary().toHex()));
    else if (p.hasData())
        s += QStringLiteral(" \"%1\"").arg(
            escaped(p.text()).replace(QLatin1Char('"'), QLatin1String("\\\"")));
    return s;
}

} // namespace corslab::codectest
