// The sequence diagram's layout math as a value type: the columns (time axis, step band, four
// lanes), row positions under a scroll offset, hit tests and the visible row range. No painting,
// no widgets: tested on its own.
#pragma once

#include "timeline/timelineevent.h"

#include <QRect>

namespace corslab::gui {

struct SequenceGeometry {
    int rowHeight = 24;
    int headerHeight = 28; // lane titles, fixed at the top
    int timeWidth = 90; // the time axis column
    int bandWidth = 90; // the step band column
    int width = 800; // the viewport's width
    int height = 600; // the viewport's height

    // From the font's metrics: rows fit a line of text with some air, columns fit their text.
    // bandLabelWidth: the widest step title as painted.
    static SequenceGeometry forFont(
        int lineHeight, int averageCharWidth, int bandLabelWidth, int width, int height);

    int lanesLeft() const { return timeWidth + bandWidth; }
    int laneWidth() const { return qMax(1, (width - lanesLeft()) / 4); }
    // The x of a lane's line (its centre).
    int laneX(TimelineSide side) const;
    // Scrolling is in pixels; content height is rows × rowHeight.
    qint64 contentHeight(int rowCount) const { return qint64(rowCount) * rowHeight; }
    int visibleContentHeight() const { return qMax(0, height - headerHeight); }
    qint64 maxScroll(int rowCount) const;
    // The row's rectangle in viewport coordinates (may be off screen).
    QRect rowRect(int row, qint64 scroll) const;
    // The row under a viewport y, or -1 (header, past the end).
    int rowAt(int y, qint64 scroll, int rowCount) const;
    // First and last rows (inclusive) that intersect the viewport; last < first when none.
    int firstVisibleRow(qint64 scroll, int rowCount) const;
    int lastVisibleRow(qint64 scroll, int rowCount) const;
    // The scroll offset that makes row fully visible with the least movement.
    qint64 scrollToShow(int row, qint64 scroll, int rowCount) const;
    // Rows a PageUp/PageDown moves.
    int rowsPerPage() const { return qMax(1, visibleContentHeight() / rowHeight - 1); }
};

} // namespace corslab::gui
