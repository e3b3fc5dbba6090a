// SequencePainter: the sequence diagram's drawing for the view and for pictures.
#include "sequencepainter.h"

#include "timelinemodel.h"
#include "timelinetext.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QItemSelectionModel>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace corslab::gui {

namespace {

// The view's words keep the view's translation context.
QString viewText(const char *text)
{
    return QCoreApplication::translate("corslab::gui::SequenceDiagramView", text);
}

struct RowData {
    TimelineSide side = TimelineSide::Page;
    TimelineStep step = TimelineStep::Setup;
    TimelineKind kind = TimelineKind::Note;
    int exchange = 0;
    bool outgoing = false;
    QVariant passed;
    QString label;
    QString time;
};

RowData rowData(const QAbstractItemModel *model, int row)
{
    const QModelIndex index = model->index(row, 0);
    RowData d;
    d.side = TimelineSide(index.data(TimelineModel::SideRole).toInt());
    d.step = TimelineStep(index.data(TimelineModel::StepRole).toInt());
    d.kind = TimelineKind(index.data(TimelineModel::KindRole).toInt());
    d.exchange = index.data(TimelineModel::ExchangeRole).toInt();
    d.outgoing = index.data(TimelineModel::OutgoingRole).toBool();
    d.passed = index.data(TimelineModel::PassedRole);
    d.label = index.data(TimelineModel::LabelRole).toString();
    d.time = model->index(row, TimelineModel::Time).data().toString();
    return d;
}

// Where an event's arrow starts and ends; equal lanes: a marker on one lane.
std::pair<TimelineSide, TimelineSide> arrowLanes(const RowData &d)
{
    switch (d.kind) {
    case TimelineKind::Request:
        return {d.side == TimelineSide::Page ? TimelineSide::Page : TimelineSide::Browser,
            TimelineSide::Server};
    case TimelineKind::Response:
        return {TimelineSide::Server, TimelineSide::Browser};
    case TimelineKind::Frame:
        return d.outgoing ? std::pair {TimelineSide::Browser, TimelineSide::Server}
                          : std::pair {TimelineSide::Server, TimelineSide::Browser};
    case TimelineKind::Packet:
        return d.outgoing ? std::pair {TimelineSide::Page, TimelineSide::Browser}
                          : std::pair {TimelineSide::Browser, TimelineSide::Page};
    case TimelineKind::Check:
        return {TimelineSide::Browser, TimelineSide::Browser};
    default:
        return {d.side, d.side};
    }
}

// A check mark or a cross drawn as lines (no font needs the glyph).
void drawMark(
    QPainter &p, const QPointF &centre, qreal radius, bool passed, const TimelineColors &colors)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = passed ? colors.pass : colors.fail;
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(centre, radius, radius);
    QPen pen(colors.base, qMax(1.5, radius / 3.5));
    pen.setCapStyle(Qt::RoundCap);
    p.setPen(pen);
    const qreal r = radius * 0.5;
    if (passed) {
        QPainterPath path;
        path.moveTo(centre + QPointF(-r, 0));
        path.lineTo(centre + QPointF(-r * 0.25, r * 0.7));
        path.lineTo(centre + QPointF(r, -r * 0.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    } else {
        p.drawLine(centre + QPointF(-r, -r), centre + QPointF(r, r));
        p.drawLine(centre + QPointF(-r, r), centre + QPointF(r, -r));
    }
    p.restore();
}

} // namespace

SequencePainter::SequencePainter(
    const QAbstractItemModel *model, const QFont &font, const QPalette &palette)
    : m_model(model)
    , m_font(font)
    , m_palette(palette)
{ }

SequenceGeometry SequencePainter::geometry(int width, int height) const
{
    const QFontMetrics fm(m_font);
    QFont bold = m_font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int bandLabelWidth = 0;
    for (int step = 0; step <= int(TimelineStep::Verdict); ++step)
        bandLabelWidth = qMax(bandLabelWidth,
            boldMetrics.horizontalAdvance(TimelineModel::stepTitle(TimelineStep(step))));
    SequenceGeometry g = SequenceGeometry::forFont(
        fm.height(), fm.averageCharWidth(), bandLabelWidth, width, height);
    // Wide enough for a long time in the UI language ("99999.999 毫秒" is wider than 14
    // characters).
    g.timeWidth
        = qMax(g.timeWidth, fm.horizontalAdvance(formatTime(99999999)) + fm.averageCharWidth() * 2);
    return g;
}

void SequencePainter::paint(QPainter &p, const SequenceGeometry &g, qint64 scroll,
    const QRect &area, const QItemSelectionModel *selection, int currentExchange) const
{

    const TimelineColors colors = TimelineColors::fromPalette(m_palette);
    const QFontMetrics fm(m_font);
    p.setFont(m_font);
    const int rows = m_model ? m_model->rowCount() : 0;
    p.fillRect(area, colors.base);

    // Lane lines under everything.
    p.setPen(QPen(colors.laneLine, 1, Qt::DashLine));
    for (TimelineSide side :
        {TimelineSide::Page, TimelineSide::Browser, TimelineSide::Network, TimelineSide::Server})
        p.drawLine(g.laneX(side), g.headerHeight, g.laneX(side), g.height);

    const int first = g.firstVisibleRow(scroll, rows);
    const int last = g.lastVisibleRow(scroll, rows);
    const int pad = fm.averageCharWidth();
    int previousRelated = -1;
    for (int row = first; row <= last; ++row) {
        const RowData d = rowData(m_model, row);
        const QRect r = g.rowRect(row, scroll);
        const bool selected = selection && selection->isRowSelected(row, {});
        const bool related = currentExchange != 0 && d.exchange == currentExchange;
        const bool bandStart = row == 0
            || TimelineStep(m_model->index(row - 1, 0).data(TimelineModel::StepRole).toInt())
                != d.step;

        // Row background.
        const QRect lanesRect(g.lanesLeft(), r.top(), g.width - g.lanesLeft(), r.height());
        if (selected)
            p.fillRect(lanesRect, colors.selection);
        else if (related)
            p.fillRect(lanesRect, colors.related);
        // Step band column with its label at each band's start and at the top of the view.
        const QRect band(g.timeWidth, r.top(), g.bandWidth, r.height());
        p.fillRect(band, colors.stepBand(d.step));
        if (bandStart) {
            p.setPen(QPen(colors.laneLine, 1));
            p.drawLine(g.timeWidth, r.top(), g.width, r.top());
        }
        if (bandStart || row == first) {
            QFont bold = m_font;
            bold.setBold(true);
            p.setFont(bold);
            p.setPen(colors.text);
            p.drawText(band.adjusted(pad, 0, -pad, 0), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(bold).elidedText(
                    TimelineModel::stepTitle(d.step), Qt::ElideRight, band.width() - 2 * pad));
            p.setFont(m_font);
        }
        // Time axis.
        p.setPen(selected ? colors.text : colors.mutedText);
        p.drawText(QRect(0, r.top(), g.timeWidth - pad, r.height()),
            Qt::AlignRight | Qt::AlignVCenter, d.time);
        // Links between the selected exchange's rows in the gutter (Wireshark's related
        // packets).
        if (related) {
            const int gx = g.timeWidth - pad / 2 - 1;
            p.setPen(QPen(colors.selection, 2));
            p.drawEllipse(QPoint(gx, r.center().y()), 2, 2);
            if (previousRelated >= 0)
                p.drawLine(gx, previousRelated, gx, r.center().y());
            else if (row == first)
                p.drawLine(gx, r.top(), gx, r.center().y());
            previousRelated = r.center().y();
        }

        const QColor text = selected ? colors.selectionText : colors.text;
        const auto [from, to] = arrowLanes(d);
        const QColor colour = d.kind == TimelineKind::Check && d.passed.isValid()
            ? (d.passed.toBool() ? colors.pass : colors.fail)
            : colors.forKind(d.kind, d.side);
        const qreal markRadius = qMax(4.0, fm.height() * 0.32);
        if (from != to) {
            const int x1 = g.laneX(from);
            const int x2 = g.laneX(to);
            const int y = r.bottom() - qMax(3, r.height() / 5);
            QPen pen(colour, qMax(1.5, fm.height() / 9.0));
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(pen);
            p.drawLine(x1, y, x2, y);
            const int dir = x2 > x1 ? 1 : -1;
            const qreal head = qMax(4.0, fm.height() / 3.0);
            QPolygonF arrow;
            arrow << QPointF(x2, y) << QPointF(x2 - dir * head, y - head / 2)
                  << QPointF(x2 - dir * head, y + head / 2);
            p.setBrush(colour);
            p.drawPolygon(arrow);
            p.setBrush(Qt::NoBrush);
            p.setRenderHint(QPainter::Antialiasing, false);
            // The label sits above the arrow, elided to the arrow's length.
            const int left = qMin(x1, x2) + pad;
            const int width = qAbs(x2 - x1) - 2 * pad;
            p.setPen(text);
            p.drawText(QRect(left, r.top(), width, y - r.top()), Qt::AlignHCenter | Qt::AlignBottom,
                fm.elidedText(d.label, Qt::ElideMiddle, width));
            // The CORS verdict on a response, at its head.
            if (d.kind == TimelineKind::Response && d.passed.isValid())
                drawMark(p, QPointF(x2 - dir * (head + markRadius + 2), y - markRadius - 1),
                    markRadius, d.passed.toBool(), colors);
        } else {
            const int x = g.laneX(from);
            const QPointF centre(x, r.center().y());
            if (d.kind == TimelineKind::Check && d.passed.isValid()) {
                drawMark(p, centre, markRadius, d.passed.toBool(), colors);
            } else {
                p.setRenderHint(QPainter::Antialiasing);
                p.setPen(Qt::NoPen);
                p.setBrush(colour);
                p.drawEllipse(centre, markRadius * 0.6, markRadius * 0.6);
                p.setBrush(Qt::NoBrush);
                p.setRenderHint(QPainter::Antialiasing, false);
            }
            // Notes on the server lane read leftwards so they stay in view.
            p.setPen(d.kind == TimelineKind::ServerEvent && !selected ? colors.mutedText : text);
            if (from == TimelineSide::Server) {
                const int width = x - int(markRadius) - 2 * pad - g.lanesLeft();
                p.drawText(QRect(g.lanesLeft() + pad, r.top(), width, r.height()),
                    Qt::AlignRight | Qt::AlignVCenter,
                    fm.elidedText(d.label, Qt::ElideRight, width));
            } else {
                const int left = x + int(markRadius) + pad;
                const int width = g.width - left - pad;
                p.drawText(QRect(left, r.top(), width, r.height()),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(d.label, Qt::ElideRight, width));
            }
        }
    }
    if (previousRelated >= 0 && last + 1 < rows
        && m_model->index(last + 1, 0).data(TimelineModel::ExchangeRole).toInt()
            == currentExchange) {
        const int gx = g.timeWidth - pad / 2 - 1;
        p.setPen(QPen(colors.selection, 2));
        p.drawLine(gx, previousRelated, gx, g.height);
    }

    // Header: lane titles over the scrolled rows.
    const QRect header(0, 0, g.width, g.headerHeight);
    p.fillRect(header, m_palette.color(QPalette::Button));
    p.setPen(colors.laneLine);
    p.drawLine(0, g.headerHeight - 1, g.width, g.headerHeight - 1);
    QFont bold = m_font;
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(m_palette.color(QPalette::ButtonText));
    p.drawText(QRect(0, 0, g.timeWidth - pad, g.headerHeight), Qt::AlignRight | Qt::AlignVCenter,
        viewText(QT_TRANSLATE_NOOP("corslab::gui::SequenceDiagramView", "Time")));
    p.drawText(QRect(g.timeWidth + pad, 0, g.bandWidth - pad, g.headerHeight),
        Qt::AlignLeft | Qt::AlignVCenter,
        viewText(QT_TRANSLATE_NOOP("corslab::gui::SequenceDiagramView", "Step")));
    for (TimelineSide side :
        {TimelineSide::Page, TimelineSide::Browser, TimelineSide::Network, TimelineSide::Server}) {
        const int x = g.laneX(side);
        p.drawText(QRect(x - g.laneWidth() / 2, 0, g.laneWidth(), g.headerHeight), Qt::AlignCenter,
            TimelineModel::sideTitle(side));
    }
    if (rows == 0) {
        p.setFont(m_font);
        p.setPen(colors.mutedText);
        p.drawText(area.adjusted(0, g.headerHeight, 0, 0), Qt::AlignCenter,
            viewText(QT_TRANSLATE_NOOP("corslab::gui::SequenceDiagramView",
                "No events yet: run the profile to see what crosses the wire.")));
    }
}

QList<SequencePainter::LegendEntry> SequencePainter::legend(const TimelineColors &colors)
{
    return {
        {colors.request,
            viewText(QT_TRANSLATE_NOOP("corslab::gui::SequenceDiagramView", "request"))},
        {colors.response,
            viewText(QT_TRANSLATE_NOOP("corslab::gui::SequenceDiagramView", "response"))},
        {colors.frame,
            viewText(QT_TRANSLATE_NOOP("corslab::gui::SequenceDiagramView", "WebSocket frame"))},
        {colors.packet,
            viewText(QT_TRANSLATE_NOOP(
                "corslab::gui::SequenceDiagramView", "Engine.IO / Socket.IO packet"))},
        {colors.pageEvent,
            viewText(QT_TRANSLATE_NOOP("corslab::gui::SequenceDiagramView", "page event"))},
        {colors.server,
            viewText(QT_TRANSLATE_NOOP("corslab::gui::SequenceDiagramView", "server event"))},
        {colors.pass,
            viewText(QT_TRANSLATE_NOOP("corslab::gui::SequenceDiagramView", "CORS check passed"))},
        {colors.fail,
            viewText(QT_TRANSLATE_NOOP("corslab::gui::SequenceDiagramView", "CORS check failed"))},
        {colors.related,
            viewText(QT_TRANSLATE_NOOP(
                "corslab::gui::SequenceDiagramView", "same exchange as the selection"))},
    };
}

int SequencePainter::paintLegend(
    QPainter *painter, int top, int width, const QFont &font, const QPalette &palette)
{
    const QFontMetrics fm(font);
    const TimelineColors colors = TimelineColors::fromPalette(palette);
    const int swatch = fm.height() * 2 / 3;
    const int gap = fm.averageCharWidth() * 2;
    int x = 0;
    int y = 0;
    if (painter)
        painter->setFont(font);
    for (const auto &entry : legend(colors)) {
        const int w = swatch + fm.averageCharWidth() / 2 + fm.horizontalAdvance(entry.text);
        if (x > 0 && x + w > width) {
            x = 0;
            y += fm.height() + 2;
        }
        if (painter) {
            const int swatchTop = top + y + (fm.height() - swatch) / 2;
            painter->fillRect(QRect(x, swatchTop, swatch, swatch), entry.color);
            painter->setPen(colors.laneLine);
            painter->drawRect(QRect(x, swatchTop, swatch - 1, swatch - 1));
            painter->setPen(palette.color(QPalette::WindowText));
            painter->drawText(QRect(x + swatch + fm.averageCharWidth() / 2, top + y,
                                  fm.horizontalAdvance(entry.text) + 1, fm.height()),
                Qt::AlignLeft | Qt::AlignVCenter, entry.text);
        }
        x += w + gap;
    }
    return y + fm.height();
}

QImage SequencePainter::render(const QAbstractItemModel *model, const QString &title, int width,
    const QFont &font, const QPalette &palette, qreal devicePixelRatio)
{
    const SequencePainter painter(model, font, palette);
    const int rows = model ? model->rowCount() : 0;
    const QFontMetrics fm(font);
    const int margin = fm.averageCharWidth();
    QFont titleFont = font;
    titleFont.setBold(true);
    if (font.pointSizeF() > 0)
        titleFont.setPointSizeF(font.pointSizeF() * 1.2);
    SequenceGeometry g = painter.geometry(width, 0);
    // Every row, up to a picture a viewer can still open.
    g.height = int(qMin<qint64>(g.headerHeight + g.contentHeight(qMax(rows, 1)), MaxDiagramHeight));
    const int shown = qMin(rows, (g.height - g.headerHeight) / g.rowHeight);
    const QString fullTitle = shown < rows ? QCoreApplication::translate(
                                  "corslab::gui::SequenceDiagramView", "%1 (first %2 of %3 events)")
                                                 .arg(title)
                                                 .arg(shown)
                                                 .arg(rows)
                                           : title;
    const int titleHeight = fullTitle.isEmpty() ? 0 : QFontMetrics(titleFont).height() + margin;
    const int legendHeight = paintLegend(nullptr, 0, width - 2 * margin, font, palette);
    const int height = titleHeight + g.height + margin + legendHeight + margin;

    QImage image(QSize(width, height) * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(palette.color(QPalette::Window));
    QPainter p(&image);
    if (!fullTitle.isEmpty()) {
        p.setFont(titleFont);
        p.setPen(palette.color(QPalette::WindowText));
        p.drawText(QRect(margin, 0, width - 2 * margin, titleHeight),
            Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(titleFont).elidedText(fullTitle, Qt::ElideRight, width - 2 * margin));
    }
    p.save();
    p.translate(0, titleHeight);
    p.setClipRect(QRect(0, 0, width, g.height));
    painter.paint(p, g, 0, QRect(0, 0, width, g.height), nullptr, 0);
    p.restore();
    p.translate(margin, 0);
    paintLegend(&p, titleHeight + g.height + margin, width - 2 * margin, font, palette);
    p.end();
    return image;
}

} // namespace corslab::gui
