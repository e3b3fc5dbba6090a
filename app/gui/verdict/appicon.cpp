// The icons as PNG sizes rendered from resources/icons/*.svg (resources/icons/render-png.sh), so
// they show without Qt's SVG plugins; the SVG is added too, for the sizes in between where it can
// be drawn.
#include "appicon.h"

#include <QImageReader>

namespace corslab::gui {

namespace {
QIcon iconFrom(const QString &name)
{
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256}) {
        icon.addFile(
            QStringLiteral(":/icons/png/%1-%2.png").arg(name).arg(size), QSize(size, size));
    }
    if (QImageReader::supportedImageFormats().contains("svg"))
        icon.addFile(QStringLiteral(":/icons/%1.svg").arg(name));
    return icon;
}
} // namespace

QIcon applicationIcon()
{
    return iconFrom(QStringLiteral("corslab"));
}

QIcon profileFileIcon()
{
    return iconFrom(QStringLiteral("application-x-corslab-profile"));
}

} // namespace corslab::gui
