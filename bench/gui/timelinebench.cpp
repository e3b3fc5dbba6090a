// timeline-bench: how the timeline views cope with 100,000 events (DESIGN §7: a 100,000-event
// timeline scrolls and filters without a visible stall, model operations under 16 ms). The events
// are a real run (single-allowed-origin against the embedded server) repeated with fresh sequence
// numbers, times and exchange ids. Prints numbers; never fails on them.
//
//   timeline-bench [EVENTS] [PAINTS]      (QT_QPA_PLATFORM=offscreen without a display)
#include "sequencediagramview.h"
#include "timelinemodel.h"
#include "timelinepane.h"

#include "profile/profilefile.h"
#include "run/testrun.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QItemSelectionModel>
#include <QPainter>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>
#include <cstdio>

using namespace corslab;
using namespace corslab::gui;

namespace {

constexpr double budgetMs = 16.0;

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

void line(const char *what, double value, const char *unit = "ms", bool budgeted = true)
{
    std::printf("  %-52s %10.3f %s%s\n", what, value, unit,
        !budgeted ? "" : (value <= budgetMs ? "   (within 16 ms)" : "   (OVER 16 ms)"));
}

QList<TimelineEvent> realRun(QList<CorsCheck> *checks)
{
    const ProfileFileResult loaded = ProfileFile::load(
        ProfileFile::exampleResourcePath(QStringLiteral("single-allowed-origin")));
    if (!loaded.load.profile)
        return {};
    RunOptions options;
    options.proveFix = false;
    const RunResult result = TestRun::runToEnd(*loaded.load.profile, options);
    *checks = result.checks;
    return result.events;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int paints = argc > 2 ? QByteArray(argv[2]).toInt() : 100;

    QList<CorsCheck> checks;
    const QList<TimelineEvent> pattern = realRun(&checks);
    if (pattern.isEmpty()) {
        std::fprintf(stderr, "timeline-bench: the single-allowed-origin run produced no events\n");
        return 1;
    }
    QList<TimelineEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        TimelineEvent e = pattern.at(i % pattern.size());
        const int round = i / int(pattern.size());
        e.seq = i + 1;
        e.timeUs = pattern.last().timeUs * round + e.timeUs;
        if (e.exchange)
            e.exchange += round * 1000;
        // Make one round in fifty fail, so "failures only" has something to find.
        if (round % 50 == 7 && e.kind == TimelineKind::Check)
            e.passed = false;
        events << e;
    }
    qint64 bytes = 0;
    for (const TimelineEvent &e : events)
        bytes += e.detail.size() * 2 + e.summary.size() * 2 + e.raw.size();
    std::printf("timeline-bench: %d events (a %lld-event real run repeated), %.1f MiB of text and "
                "bytes\n",
        count, qlonglong(pattern.size()), double(bytes) / 1048576.0);

    TimelineModel model;
    TimelineFilterModel filter;
    filter.setSourceModel(&model);
    SequenceDiagramView view;
    view.setModel(&filter);
    QItemSelectionModel selection(&filter);
    view.setSelectionModel(&selection);
    view.resize(1280, 800);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.show();
    QApplication::processEvents();

    std::printf("\nInsert\n");
    {
        QElapsedTimer t;
        t.start();
        for (const TimelineEvent &e : events)
            model.append(e);
        const double total = ms(t);
        line("stream: append() one by one, total", total, "ms", false);
        line("stream: append() per event (mean)", total / count * 1000.0, "us", false);
    }
    {
        RunResult r;
        r.events = events;
        r.checks = checks;
        QElapsedTimer t;
        t.start();
        model.setRun(r);
        line("setRun(): 100,000 events at once", ms(t));
    }

    std::printf("\nFilter (the proxy re-evaluates every row)\n");
    const auto timeFilter = [&](const char *what, const std::function<void()> &apply) {
        QElapsedTimer t;
        t.start();
        apply();
        const double elapsed = ms(t);
        char label[128];
        std::snprintf(label, sizeof label, "%s -> %d rows", what, filter.rowCount());
        line(label, elapsed);
    };
    timeFilter("text \"localhost:3000\" (summary+detail)",
        [&] { filter.setText(QStringLiteral("localhost:3000")); });
    timeFilter("text \"no such text\"", [&] { filter.setText(QStringLiteral("no such text")); });
    timeFilter("text cleared", [&] { filter.setText(QString()); });
    timeFilter("failures only",
        [&] { filter.setStatusFilter(TimelineFilterModel::StatusFilter::FailuresOnly); });
    timeFilter(
        "HTTP only", [&] { filter.setStatusFilter(TimelineFilterModel::StatusFilter::HttpOnly); });
    timeFilter("all", [&] { filter.setStatusFilter(TimelineFilterModel::StatusFilter::All); });
    timeFilter("layers {http, cors}", [&] {
        filter.setLayers({QStringLiteral("http"), QStringLiteral("cors")});
    });
    timeFilter("layers cleared", [&] { filter.clearLayers(); });
    {
        // Streaming while a filter is on: each append runs the filter on the new row only.
        filter.setText(QStringLiteral("origin"));
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 1000; ++i)
            model.append(events.at(i));
        line(
            "append() under a text filter, per event (mean)", ms(t) / 1000.0 * 1000.0, "us", false);
        filter.setText(QString());
    }

    std::printf(
        "\nDiagram: one viewport paint at 1280x800 after a scroll step (%d paints)\n", paints);
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    {
        QPainter warmUp(&image); // the first paint fills the glyph cache
        view.viewport()->render(&warmUp);
    }
    QList<double> times;
    QRandomGenerator random(42);
    QScrollBar *bar = view.verticalScrollBar();
    for (int i = 0; i < paints; ++i) {
        const int value = int(random.bounded(bar->maximum() + 1));
        if (i % 10 == 0) // and a selection now and then: the related-rows highlight
            selection.setCurrentIndex(
                filter.index(view.geometryNow().rowAt(100, value, filter.rowCount()), 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        bar->setValue(value);
        QElapsedTimer t;
        t.start();
        QPainter painter(&image);
        view.viewport()->render(&painter);
        painter.end();
        times << ms(t);
    }
    std::sort(times.begin(), times.end());
    line("paint median", times.at(times.size() / 2));
    line("paint p90", times.at(times.size() * 9 / 10));
    line("paint max", times.last());
    {
        QElapsedTimer t;
        t.start();
        bar->setValue(bar->maximum() / 2);
        view.scrollToRow(filter.rowCount() - 1);
        line("scrollToRow() to the end (no paint)", ms(t));
    }

    std::printf("\nThe whole pane (filter bar, diagram, table, legend) streaming a run\n");
    {
        TimelinePane pane;
        pane.resize(1280, 800);
        pane.setAttribute(Qt::WA_DontShowOnScreen);
        pane.show();
        QApplication::processEvents();
        QElapsedTimer t;
        t.start();
        for (const TimelineEvent &e : events)
            pane.model()->append(e);
        QApplication::processEvents();
        const double total = ms(t);
        line("append() one by one into the shown pane, total", total, "ms", false);
        line("append() into the shown pane, per event (mean)", total / count * 1000.0, "us", false);
        QElapsedTimer toggle;
        toggle.start();
        pane.setTableShown(true);
        pane.table()->repaint();
        line("switch to the table and paint it", ms(toggle));
        QElapsedTimer filterTimer;
        filterTimer.start();
        pane.filterModel()->setStatusFilter(TimelineFilterModel::StatusFilter::FailuresOnly);
        line("failures only with the table attached", ms(filterTimer));
    }
    return 0;
}
