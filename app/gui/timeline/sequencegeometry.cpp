// SequenceGeometry: the diagram's layout math.
#include "sequencegeometry.h"

#include <algorithm>

namespace corslab::gui {

SequenceGeometry SequenceGeometry::forFont(
    int lineHeight, int averageCharWidth, int bandLabelWidth, int viewWidth, int viewHeight)
{
    SequenceGeometry g;
    g.rowHeight = lineHeight + qMax(6, lineHeight / 2);
    g.headerHeight = lineHeight + qMax(8, lineHeight / 2);
    g.timeWidth = averageCharWidth * 14;
    g.bandWidth = bandLabelWidth + averageCharWidth * 3;
    g.width = viewWidth;
    g.height = viewHeight;
    return g;
}

int SequenceGeometry::laneX(TimelineSide side) const
{
    return lanesLeft() + laneWidth() * int(side) + laneWidth() / 2;
}

qint64 SequenceGeometry::maxScroll(int rowCount) const
{
    return std::max<qint64>(0, contentHeight(rowCount) - visibleContentHeight());
}

QRect SequenceGeometry::rowRect(int row, qint64 scroll) const
{
    const qint64 top = headerHeight + qint64(row) * rowHeight - scroll;
    return QRect(
        0, int(std::clamp<qint64>(top, -rowHeight * 2, height + rowHeight * 2)), width, rowHeight);
}

int SequenceGeometry::rowAt(int y, qint64 scroll, int rowCount) const
{
    if (y < headerHeight || rowHeight <= 0)
        return -1;
    const qint64 row = (qint64(y) - headerHeight + scroll) / rowHeight;
    return row < rowCount ? int(row) : -1;
}

int SequenceGeometry::firstVisibleRow(qint64 scroll, int rowCount) const
{
    if (rowCount <= 0 || rowHeight <= 0)
        return 0;
    return int(std::clamp<qint64>(scroll / rowHeight, 0, rowCount - 1));
}

int SequenceGeometry::lastVisibleRow(qint64 scroll, int rowCount) const
{
    if (rowCount <= 0 || rowHeight <= 0)
        return -1;
    const qint64 bottom = scroll + visibleContentHeight() - 1;
    return int(std::clamp<qint64>(bottom / rowHeight, 0, rowCount - 1));
}

qint64 SequenceGeometry::scrollToShow(int row, qint64 scroll, int rowCount) const
{
    const qint64 top = qint64(row) * rowHeight;
    const qint64 bottom = top + rowHeight;
    qint64 next = scroll;
    if (top < scroll)
        next = top;
    else if (bottom > scroll + visibleContentHeight())
        next = bottom - visibleContentHeight();
    return std::clamp<qint64>(next, 0, maxScroll(rowCount));
}

} // namespace corslab::gui
