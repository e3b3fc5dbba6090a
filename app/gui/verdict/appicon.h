// The application's icons from the embedded resources (:/icons/): the window icon and the icon of a
// *.corslab.json profile. For main(): QApplication::setWindowIcon(corslab::gui::applicationIcon()).
#pragma once

#include <QIcon>

namespace corslab::gui {

QIcon applicationIcon();
QIcon profileFileIcon();

} // namespace corslab::gui
