// Colours of the timeline views, derived from the widget palette so they read on light and dark
// themes alike: hues are fixed, lightness follows the palette's base colour.
#pragma once

#include "timeline/timelineevent.h"

#include <QColor>
#include <QPalette>

namespace corslab::gui {

struct TimelineColors {
    QColor text;
    QColor mutedText; // server events, lane titles
    QColor base;
    QColor laneLine;
    QColor request; // page/browser → server
    QColor response; // server → browser
    QColor frame; // WebSocket frames
    QColor packet; // Engine.IO / Socket.IO packets between page and browser
    QColor pageEvent;
    QColor server;
    QColor pass; // green
    QColor fail; // red
    QColor warn; // amber
    QColor selection; // selected row background
    QColor selectionText;
    QColor related; // rows of the selected row's exchange
    QColor corsHeader; // background of Origin / Access-Control-* header lines

    bool isDark = false;

    static TimelineColors fromPalette(const QPalette &palette);
    // The colour of an event's arrow or marker.
    QColor forKind(TimelineKind kind, TimelineSide side) const;
    // A faint tint per step for the band column, distinct from its neighbours.
    QColor stepBand(TimelineStep step) const;
};

} // namespace corslab::gui
