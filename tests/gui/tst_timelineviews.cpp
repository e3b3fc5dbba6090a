// The timeline views offscreen: the diagram and the table share one selection, the keyboard
// moves it, the details pane shows the selected exchange (headers with Origin highlighted, hex,
// the CORS check with its failing rule), the layout math, and the diagram renders at 1280×800
// with 0, 1 and 10,000 rows (a PNG lands in screenshots/ for a person to look at).
#include "detailspane.h"
#include "sequencediagramview.h"
#include "sequencepainter.h"
#include "timelinemodel.h"
#include "timelinepane.h"

#include "profile/profilefile.h"
#include "run/testrun.h"

#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace corslab;
using namespace corslab::gui;
using namespace Qt::StringLiterals;

namespace {

RunResult runExample(const QString &name)
{
    const ProfileFileResult loaded = ProfileFile::load(ProfileFile::exampleResourcePath(name));
    if (!loaded.load.profile)
        qFatal("cannot load example %s", qPrintable(name));
    RunOptions options;
    options.proveFix = false;
    return TestRun::runToEnd(*loaded.load.profile, options);
}

int findRow(const TimelineModel &model, const std::function<bool(const TimelineEvent &)> &pred)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (pred(model.event(row)))
            return row;
    }
    return -1;
}

QTreeWidgetItem *child(QTreeWidgetItem *parent, const QString &name)
{
    for (int i = 0; parent && i < parent->childCount(); ++i) {
        if (parent->child(i)->text(0) == name)
            return parent->child(i);
    }
    return nullptr;
}

QTreeWidgetItem *findItem(QTreeWidget *tree, const QString &name)
{
    const QList<QTreeWidgetItem *> found
        = tree->findItems(name, Qt::MatchExactly | Qt::MatchRecursive, 0);
    return found.isEmpty() ? nullptr : found.first();
}

QList<TimelineEvent> manyEvents(int count, const QList<TimelineEvent> &pattern)
{
    QList<TimelineEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        TimelineEvent e = pattern.at(i % pattern.size());
        e.seq = i + 1;
        e.timeUs = qint64(i) * 250;
        if (e.exchange)
            e.exchange += int(i / pattern.size()) * 100;
        events << e;
    }
    return events;
}

} // namespace

class tst_TimelineViews : public QObject {
    Q_OBJECT

    RunResult m_blocked;
    RunResult m_connected;

private slots:
    void initTestCase()
    {
        m_blocked = runExample(u"credentials-with-wildcard-origin"_s);
        m_connected = runExample(u"single-allowed-origin"_s);
        QCOMPARE(verdictName(m_blocked.verdict.verdict), u"blocked"_s);
        QCOMPARE(verdictName(m_connected.verdict.verdict), u"connected"_s);
    }

    void geometry_data()
    {
        QTest::addColumn<int>("y");
        QTest::addColumn<int>("scroll");
        QTest::addColumn<int>("row");
        QTest::newRow("header") << 10 << 0 << -1;
        QTest::newRow("first row") << 30 << 0 << 0;
        QTest::newRow("second row") << 28 + 24 << 0 << 1;
        QTest::newRow("scrolled") << 30 << 240 << 10;
        QTest::newRow("past the end") << 28 + 24 * 200 << 0 << -1;
    }
    void geometry()
    {
        QFETCH(int, y);
        QFETCH(int, scroll);
        QFETCH(int, row);
        SequenceGeometry g; // rows 24, header 28
        g.height = 28 + 24 * 10;
        QCOMPARE(g.rowAt(y, scroll, 100), row);
        QCOMPARE(g.maxScroll(100), qint64(24 * 90));
        QCOMPARE(g.firstVisibleRow(scroll, 100), scroll / 24);
        QCOMPARE(g.lastVisibleRow(0, 100), 9);
        QCOMPARE(g.scrollToShow(50, 0, 100), qint64(24 * 41));
        QCOMPARE(g.scrollToShow(2, 24 * 41, 100), qint64(48));
        QCOMPARE(g.scrollToShow(5, 24 * 3, 100), qint64(24 * 3)); // already visible
        QVERIFY(g.laneX(TimelineSide::Page) < g.laneX(TimelineSide::Browser));
        QVERIFY(g.laneX(TimelineSide::Network) < g.laneX(TimelineSide::Server));
    }

    void diagramAndTableShareTheSelection()
    {
        TimelinePane pane;
        pane.resize(1280, 800);
        pane.model()->setRun(m_connected);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QCOMPARE(pane.diagram()->selectionModel(), pane.table()->selectionModel());
        QCOMPARE(pane.diagram()->model(), pane.table()->model());
        QSignalSpy selected(&pane, &TimelinePane::eventSelected);

        pane.table()->selectRow(3);
        QCOMPARE(pane.diagram()->currentRow(), 3);
        QCOMPARE(selected.constLast().at(0).toInt(), 3);

        pane.diagram()->setFocus();
        QTest::keyClick(pane.diagram(), Qt::Key_Down);
        QCOMPARE(pane.diagram()->currentRow(), 4);
        QVERIFY(pane.table()->selectionModel()->isRowSelected(4, {}));
        QVERIFY(!pane.table()->selectionModel()->isRowSelected(3, {}));
        QCOMPARE(selected.constLast().at(0).toInt(), 4);
        QTest::keyClick(pane.diagram(), Qt::Key_Up);
        QCOMPARE(pane.table()->currentIndex().row(), 3);
        QTest::keyClick(pane.diagram(), Qt::Key_End);
        QCOMPARE(pane.diagram()->currentRow(), pane.model()->rowCount() - 1);
        QTest::keyClick(pane.diagram(), Qt::Key_Home);
        QCOMPARE(pane.diagram()->currentRow(), 0);
        QTest::keyClick(pane.diagram(), Qt::Key_PageDown);
        const int page = pane.diagram()->geometryNow().rowsPerPage();
        QCOMPARE(pane.diagram()->currentRow(), qMin(page, pane.model()->rowCount() - 1));
        QTest::keyClick(pane.diagram(), Qt::Key_PageUp);
        QCOMPARE(pane.diagram()->currentRow(), 0);

        // A click on a row in the diagram selects it in the table too.
        const QRect second = pane.diagram()->geometryNow().rowRect(2, 0);
        QTest::mouseClick(pane.diagram()->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(pane.table()->currentIndex().row(), 2);

        // Ctrl+T shows the table with the same current row, and back.
        QVERIFY(!pane.isTableShown());
        QTest::keyClick(pane.diagram(), Qt::Key_T, Qt::ControlModifier);
        QVERIFY(pane.isTableShown());
        QCOMPARE(pane.table()->currentIndex().row(), 2);
        QTest::keyClick(pane.table(), Qt::Key_T, Qt::ControlModifier);
        QVERIFY(!pane.isTableShown());

        // Filtering keeps the views on the same rows; selectSourceRow maps through the filter.
        pane.filterModel()->setStatusFilter(TimelineFilterModel::StatusFilter::HttpOnly);
        const int response = findRow(
            *pane.model(), [](const TimelineEvent &e) { return e.kind == TimelineKind::Response; });
        QVERIFY(pane.selectSourceRow(response));
        QCOMPARE(selected.constLast().at(0).toInt(), response);
        QCOMPARE(pane.diagram()->currentRow(), pane.table()->currentIndex().row());
        const int server = findRow(*pane.model(),
            [](const TimelineEvent &e) { return e.kind == TimelineKind::ServerEvent; });
        QVERIFY(!pane.selectSourceRow(server));
    }

    void streamingFollowsTheBottom()
    {
        TimelinePane pane;
        pane.resize(1280, 400);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        const QList<TimelineEvent> events = manyEvents(400, m_connected.events);
        for (const TimelineEvent &e : events)
            pane.model()->append(e);
        QTRY_VERIFY(pane.diagram()->isAtBottom());
        QVERIFY(pane.diagram()->geometryNow().firstVisibleRow(
                    pane.diagram()->verticalScrollBar()->value(), 400)
            > 300);
        // Scrolled up by the user: new rows do not pull the view down.
        pane.diagram()->verticalScrollBar()->setValue(0);
        for (const TimelineEvent &e : manyEvents(50, m_connected.events))
            pane.model()->append(e);
        QTest::qWait(20);
        QCOMPARE(pane.diagram()->verticalScrollBar()->value(), 0);
    }

    void detailsOfTheFailingExchange()
    {
        TimelinePane pane;
        pane.model()->setRun(m_blocked);
        DetailsPane details;
        details.resize(1000, 600);
        connect(&pane, &TimelinePane::eventSelected, &details,
            [&](int row) { details.showEvent(pane.model(), row); });
        const TimelineModel &model = *pane.model();
        const int request = findRow(model, [](const TimelineEvent &e) {
            return e.kind == TimelineKind::Request && e.exchange > 0;
        });
        QVERIFY(request >= 0);
        QVERIFY(pane.selectSourceRow(request));
        QCOMPARE(details.shownRow(), request);

        // Headers: the request with Origin highlighted and explained, the response with the
        // wildcard Access-Control-Allow-Origin marked as the rule that failed.
        QTreeWidget *headers = details.headersTree();
        QCOMPARE(headers->topLevelItemCount(), 2);
        QTreeWidgetItem *req = headers->topLevelItem(0);
        QVERIFY(req->text(1).startsWith(u"GET /socket.io/"_s));
        QTreeWidgetItem *origin = child(req, u"Origin"_s);
        QVERIFY(origin);
        QCOMPARE(origin->text(1), m_blocked.pageOrigin);
        QVERIFY(origin->data(0, DetailsPane::CorsHeaderRole).toBool());
        QVERIFY(origin->background(0).style() != Qt::NoBrush);
        QVERIFY(!origin->text(2).isEmpty());
        QTreeWidgetItem *host = child(req, u"Host"_s);
        QVERIFY(host);
        QVERIFY(!host->data(0, DetailsPane::CorsHeaderRole).toBool());
        QTreeWidgetItem *allow = child(headers->topLevelItem(1), u"Access-Control-Allow-Origin"_s);
        QVERIFY(allow);
        QCOMPARE(allow->text(1), u"*"_s);
        QCOMPARE(allow->data(0, DetailsPane::PassedRole), QVariant(false));
        QVERIFY(allow->text(2).startsWith(u"✗"_s));

        // Raw: the exact bytes as text and as a hex dump.
        QVERIFY(details.rawText()->toPlainText().startsWith(u"GET /socket.io/"_s));
        QVERIFY2(details.rawHex()->toPlainText().startsWith(u"00000000  47 45 54 20"_s),
            qPrintable(details.rawHex()->toPlainText().left(80)));

        // The CORS check, rule by rule: the wildcard rule fails, the verdict names the codes.
        QTableWidget *rules = details.checkTable();
        QVERIFY(rules->rowCount() >= 3);
        int failed = -1;
        for (int row = 0; row < rules->rowCount(); ++row) {
            if (rules->item(row, 3)->text() == u"✗"_s && failed < 0)
                failed = row;
        }
        QVERIFY(failed >= 0);
        QVERIFY2(rules->item(failed, 0)->text().contains(u"Wildcard"_s),
            qPrintable(rules->item(failed, 0)->text()));
        QCOMPARE(rules->item(failed, 4)->text(), u"Fetch §4.9 CORS check, step 3"_s);
        QCOMPARE(rules->item(failed, 3)->data(DetailsPane::PassedRole), QVariant(false));
        const int last = rules->rowCount() - 1;
        QVERIFY(rules->item(last, 2)->text().contains(u"WildcardOriginNotAllowed"_s));
        QCOMPARE(rules->item(0, 3)->text(), u"✓"_s);

        details.clear();
        QCOMPARE(details.headersTree()->topLevelItemCount(), 0);
        QCOMPARE(details.checkTable()->rowCount(), 0);
    }

    void decodedOpenPacket()
    {
        TimelineModel model;
        model.setRun(m_connected);
        DetailsPane details;
        const int open = findRow(model, [](const TimelineEvent &e) {
            return e.kind == TimelineKind::Packet && e.summary.startsWith(u"← open"_s);
        });
        QVERIFY(open >= 0);
        details.showEvent(&model, open);
        QTreeWidget *tree = details.decodedTree();
        for (const char *field : {"sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload"})
            QVERIFY2(findItem(tree, QString::fromLatin1(field)), field);
        QCOMPARE(findItem(tree, u"pingInterval"_s)->text(1), u"25000"_s);
        QVERIFY(!findItem(tree, u"sid"_s)->text(2).isEmpty());

        // A Socket.IO packet the page received: its type, namespace and data.
        const int connect = findRow(model, [](const TimelineEvent &e) {
            return e.kind == TimelineKind::Packet && e.summary.startsWith(u"← CONNECT"_s);
        });
        QVERIFY(connect >= 0);
        details.showEvent(&model, connect);
        QTreeWidgetItem *sio = findItem(details.decodedTree(), u"Socket.IO packet"_s);
        QVERIFY(sio);
        QVERIFY(child(sio, u"type"_s)->text(1).startsWith(u"CONNECT"_s));
        QCOMPARE(child(sio, u"namespace"_s)->text(1), u"/"_s);
    }

    void renders_data()
    {
        QTest::addColumn<int>("rows");
        QTest::newRow("empty") << 0;
        QTest::newRow("one row") << 1;
        QTest::newRow("10,000 rows") << 10000;
    }
    void renders()
    {
        QFETCH(int, rows);
        TimelineModel model;
        model.setChecks(m_blocked.checks);
        model.append(manyEvents(rows, m_blocked.events));
        TimelineFilterModel filter;
        filter.setSourceModel(&model);
        SequenceDiagramView view;
        view.setModel(&filter);
        QItemSelectionModel selection(&filter);
        view.setSelectionModel(&selection);
        view.resize(1280, 800);
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.show();
        if (rows > 2)
            selection.setCurrentIndex(filter.index(rows / 2, 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        for (const QPalette &palette : {QPalette(Qt::white), QPalette(QColor(0x1e, 0x1e, 0x1e))}) {
            view.setPalette(palette);
            const QImage image = view.grab().toImage();
            QCOMPARE(image.size() / image.devicePixelRatio(), QSize(1280, 800));
            QVERIFY(!image.isNull());
            if (rows == 10000) {
                QDir().mkpath(u"screenshots"_s);
                image.save(palette.color(QPalette::Base).lightness() > 128
                        ? u"screenshots/timeline-diagram-light.png"_s
                        : u"screenshots/timeline-diagram-dark.png"_s);
            }
        }
        view.scrollToBottom();
        QVERIFY(!view.grab().isNull());
    }

    // The picture (File → Export, `corslab-cli run --png`) is the diagram the view paints: every
    // row under a title, then the legend; a 30,000-row run stops at the height limit and says so.
    void picture_data()
    {
        QTest::addColumn<int>("rows");
        QTest::newRow("the blocked run") << -1;
        QTest::newRow("30,000 rows") << 30000;
    }
    void picture()
    {
        QFETCH(int, rows);
        TimelineModel model;
        if (rows < 0) {
            model.setRun(m_blocked);
        } else {
            model.setChecks(m_blocked.checks);
            model.append(manyEvents(rows, m_blocked.events));
        }
        const QFont font = QApplication::font();
        const QPalette palette(Qt::white);
        const QImage image = SequencePainter::render(&model, u"title"_s, 1280, font, palette, 1.0);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 1280);
        const SequenceGeometry g = SequencePainter(&model, font, palette).geometry(1280, 0);
        const int diagram = int(qMin<qint64>(
            g.headerHeight + g.contentHeight(model.rowCount()), SequencePainter::MaxDiagramHeight));
        QVERIFY2(image.height() > diagram, qPrintable(QString::number(image.height())));
        QVERIFY(image.height() < diagram + 20 * QFontMetrics(font).height());
        // The rows are drawn: the band of the first row is not the window colour, and somewhere
        // in the lanes a failing check's red appears for the blocked run.
        QDir().mkpath(u"screenshots"_s);
        image.save(rows < 0 ? u"screenshots/timeline-picture.png"_s
                            : u"screenshots/timeline-picture-long.png"_s);
        const QColor fail = TimelineColors::fromPalette(palette).fail;
        const auto near = [&fail](const QColor &c) {
            return qAbs(c.red() - fail.red()) + qAbs(c.green() - fail.green())
                + qAbs(c.blue() - fail.blue())
                < 24;
        };
        bool sawFail = false;
        for (int y = 0; y < image.height() && !sawFail; ++y)
            for (int x = g.lanesLeft(); x < image.width() && !sawFail; ++x)
                sawFail = near(image.pixelColor(x, y));
        QVERIFY(sawFail);
    }
};

QTEST_MAIN(tst_TimelineViews)
#include "tst_timelineviews.moc"
