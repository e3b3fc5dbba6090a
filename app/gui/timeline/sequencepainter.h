// The sequence diagram's drawing, apart from any widget: SequenceDiagramView paints the rows in
// view through it, and the PNG export (the app's File → Export and `corslab-cli run --png`) paints
// every row of a run through the same code, so the picture is the timeline as drawn. Qt GUI only.
#pragma once

#include "sequencegeometry.h"
#include "timelinecolors.h"

#include <QFont>
#include <QImage>
#include <QPalette>

class QAbstractItemModel;
class QItemSelectionModel;
class QPainter;

namespace corslab::gui {

class SequencePainter {
public:
    struct LegendEntry {
        QColor color;
        QString text;
    };

    // model: any model with TimelineModel's roles. font and palette: the view's.
    SequencePainter(const QAbstractItemModel *model, const QFont &font, const QPalette &palette);

    // The geometry for a viewport of that size (columns fit the font and the UI language).
    SequenceGeometry geometry(int width, int height) const;

    // Paints rows first..last (inclusive) under the scroll offset, the lanes and the header into
    // area (the viewport's rectangle). selection may be null; currentExchange highlights one
    // exchange's rows (0: none).
    void paint(QPainter &p, const SequenceGeometry &g, qint64 scroll, const QRect &area,
        const QItemSelectionModel *selection, int currentExchange) const;

    // The colour legend, as the view shows it under the diagram.
    static QList<LegendEntry> legend(const TimelineColors &colors);
    // Lays the legend out in width (and paints it when painter is set at top); returns its height.
    static int paintLegend(
        QPainter *painter, int top, int width, const QFont &font, const QPalette &palette);

    // A picture's diagram stops at this height (about 1,300 rows); the title says so.
    static constexpr int MaxDiagramHeight = 32000;

    // Every row of the model as one picture: an optional title line, the diagram, the legend.
    // devicePixelRatio > 1 draws a sharper picture of the same layout.
    static QImage render(const QAbstractItemModel *model, const QString &title, int width,
        const QFont &font, const QPalette &palette, qreal devicePixelRatio = 1.0);

private:
    const QAbstractItemModel *m_model;
    QFont m_font;
    QPalette m_palette;
};

} // namespace corslab::gui
