// Palette-derived colours for the timeline views.
#include "timelinecolors.h"

namespace corslab::gui {

namespace {

// A hue at a lightness that contrasts with the base colour: darker on light themes, lighter on
// dark ones (WCAG-ish contrast against both white and #1e1e1e backgrounds).
QColor tone(int hue, int saturation, bool dark)
{
    return QColor::fromHsl(hue, saturation, dark ? 170 : 95);
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
        float(a.greenF() * (1 - t) + b.greenF() * t), float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

TimelineColors TimelineColors::fromPalette(const QPalette &palette)
{
    TimelineColors c;
    c.base = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.isDark = c.base.lightness() < 128;
    c.mutedText = mix(c.text, c.base, 0.4);
    c.laneLine = mix(c.text, c.base, 0.75);
    c.request = tone(210, 200, c.isDark);
    c.response = tone(280, 120, c.isDark);
    c.frame = tone(180, 170, c.isDark);
    c.packet = tone(30, 60, c.isDark);
    c.pageEvent = tone(320, 120, c.isDark);
    c.server = c.mutedText;
    c.pass = tone(125, 170, c.isDark);
    c.fail = tone(2, 200, c.isDark);
    c.warn = QColor::fromHsl(38, 230, c.isDark ? 150 : 85);
    c.selection = palette.color(QPalette::Highlight);
    c.selectionText = palette.color(QPalette::HighlightedText);
    c.related = mix(c.base, c.selection, 0.22);
    c.corsHeader = mix(c.base, c.warn, 0.22);
    return c;
}

QColor TimelineColors::forKind(TimelineKind kind, TimelineSide side) const
{
    switch (kind) {
    case TimelineKind::Request:
        return request;
    case TimelineKind::Response:
        return response;
    case TimelineKind::Frame:
        return frame;
    case TimelineKind::Packet:
        return packet;
    case TimelineKind::PageEvent:
        return pageEvent;
    case TimelineKind::Check:
        return warn;
    case TimelineKind::ServerEvent:
        return server;
    case TimelineKind::Note:
        return side == TimelineSide::Server ? server : text;
    }
    return text;
}

QColor TimelineColors::stepBand(TimelineStep step) const
{
    static constexpr int hues[] = {0, 40, 200, 120, 260, 170, 300, 60, 220, 340, 90};
    const int index = int(step);
    return mix(base, QColor::fromHsl(hues[index % 11], 140, 128), isDark ? 0.16 : 0.10);
}

} // namespace corslab::gui
