// TimelineModel and TimelineFilterModel: QAbstractItemModelTester while streaming, clearing and
// filtering; the filters row by row; the roles; and a real run (credentials with a wildcard
// origin) whose failing check and its request and response share an exchange.
#include "timelinemodel.h"

#include "profile/profilefile.h"
#include "run/testrun.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace corslab;
using namespace corslab::gui;
using namespace Qt::StringLiterals;

namespace {

TimelineEvent ev(int seq, TimelineSide side, const QString &layer, TimelineStep step,
    TimelineKind kind, int exchange, const QString &summary, const QString &detail = {})
{
    TimelineEvent e;
    e.seq = seq;
    e.timeUs = seq * 1000;
    e.side = side;
    e.layer = layer;
    e.step = step;
    e.kind = kind;
    e.exchange = exchange;
    e.summary = summary;
    e.detail = detail;
    return e;
}

// A small blocked run, shaped as corslab-cli prints credentials-with-wildcard-origin, plus one
// passing exchange.
QList<TimelineEvent> sampleEvents()
{
    using S = TimelineSide;
    using T = TimelineStep;
    using K = TimelineKind;
    QList<TimelineEvent> list;
    list << ev(1, S::Page, u"page"_s, T::Setup, K::PageEvent, 0, u"io(\"http://localhost:1\")"_s,
        u"page origin http://localhost:3000"_s);
    TimelineEvent request = ev(2, S::Browser, u"http"_s, T::Handshake, K::Request, 1,
        u"GET /socket.io/?EIO=4&transport=polling"_s,
        u"GET /socket.io/?EIO=4&transport=polling HTTP/1.1\nOrigin: http://localhost:3000"_s);
    request.outgoing = true;
    list << request;
    list << ev(3, S::Server, u"cors"_s, T::Handshake, K::ServerEvent, 0, u"cors set 2 header(s)"_s,
        u"Access-Control-Allow-Origin: * because origin is \"*\""_s);
    TimelineEvent response = ev(4, S::Network, u"http"_s, T::Handshake, K::Response, 1,
        u"200 OK  0{\"sid\":\"a\"}"_s, u"HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *"_s);
    response.status = 200;
    list << response;
    TimelineEvent check = ev(5, S::Browser, u"cors"_s, T::Handshake, K::Check, 1,
        u"CORS response check failed: WildcardOriginNotAllowed"_s);
    check.checkIndex = 0;
    check.passed = false;
    check.status = 200;
    list << check;
    list << ev(6, S::Page, u"page"_s, T::Connect, K::PageEvent, 0,
        u"connect_error: xhr poll error (description: 0)"_s);
    list << ev(7, S::Page, u"engine.io"_s, T::Handshake, K::Packet, 0, u"← open {\"sid\":\"a\"}"_s,
        u"{\"sid\":\"a\"}"_s);
    list << ev(8, S::Page, u"verdict"_s, T::Verdict, K::Note, 0,
        u"verdict: blocked (WildcardOriginNotAllowed)"_s);
    list << ev(9, S::Browser, u"http"_s, T::Poll, K::Request, 2, u"GET /x"_s,
        u"GET /x HTTP/1.1\nOrigin: http://other"_s);
    TimelineEvent ok = ev(10, S::Network, u"http"_s, T::Poll, K::Response, 2, u"200 OK"_s,
        u"HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: http://other"_s);
    ok.status = 200;
    list << ok;
    TimelineEvent pass
        = ev(11, S::Browser, u"cors"_s, T::Poll, K::Check, 2, u"CORS response check passed"_s);
    pass.checkIndex = 1;
    pass.passed = true;
    list << pass;
    return list;
}

RunResult runExample(const QString &name)
{
    const ProfileFileResult loaded = ProfileFile::load(ProfileFile::exampleResourcePath(name));
    if (!loaded.load.profile)
        qFatal("cannot load example %s", qPrintable(name));
    RunOptions options;
    options.proveFix = false;
    return TestRun::runToEnd(*loaded.load.profile, options);
}

QList<int> visibleSeqs(const QAbstractItemModel &m)
{
    QList<int> seqs;
    for (int row = 0; row < m.rowCount(); ++row)
        seqs << m.index(row, TimelineModel::Seq).data().toInt();
    return seqs;
}

} // namespace

class tst_TimelineModel : public QObject {
    Q_OBJECT

private slots:
    void testerWhileStreamingClearingAndFiltering()
    {
        TimelineModel model;
        TimelineFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester modelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::Fatal);

        for (int round = 0; round < 3; ++round) {
            for (const TimelineEvent &e : sampleEvents())
                model.append(e);
            filter.setText(u"origin"_s);
            filter.setStatusFilter(TimelineFilterModel::StatusFilter::FailuresOnly);
            for (const TimelineEvent &e : sampleEvents())
                model.append(e); // streaming with the filters on
            filter.setLayers({u"http"_s});
            filter.clearLayers();
            filter.setStatusFilter(TimelineFilterModel::StatusFilter::HttpOnly);
            filter.setText({});
            model.append(sampleEvents());
            model.setChecks({CorsCheck(), CorsCheck()});
            QCOMPARE(model.rowCount(), 33);
            model.clear();
            QCOMPARE(filter.rowCount(), 0);
            filter.setStatusFilter(TimelineFilterModel::StatusFilter::All);
        }
        RunResult r;
        r.events = sampleEvents();
        model.setRun(r);
        QCOMPARE(filter.rowCount(), 11);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("layers"); // "*": all layers
        QTest::addColumn<TimelineFilterModel::StatusFilter>("status");
        QTest::addColumn<QList<int>>("seqs");
        using F = TimelineFilterModel::StatusFilter;
        const QStringList all {u"*"_s};
        QTest::newRow("nothing filtered")
            << QString() << all << F::All << QList<int> {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        QTest::newRow("text in summary or detail")
            << u"origin"_s << all << F::All << QList<int> {1, 2, 3, 4, 5, 8, 9, 10};
        QTest::newRow("text is case-insensitive")
            << u"WILDCARD"_s << all << F::All << QList<int> {5, 8};
        QTest::newRow("text matches nothing")
            << u"no such thing"_s << all << F::All << QList<int>();
        QTest::newRow("layer cors")
            << QString() << QStringList {u"cors"_s} << F::All << QList<int> {3, 5, 11};
        QTest::newRow("layers http and cors") << QString() << QStringList {u"http"_s, u"cors"_s}
                                              << F::All << QList<int> {2, 3, 4, 5, 9, 10, 11};
        QTest::newRow("no layer") << QString() << QStringList() << F::All << QList<int>();
        QTest::newRow("failures only: the failing exchange, connect_error and the verdict")
            << QString() << all << F::FailuresOnly << QList<int> {2, 4, 5, 6, 8};
        QTest::newRow("hide server events") << QString() << all << F::HideServerEvents
                                            << QList<int> {1, 2, 4, 5, 6, 7, 8, 9, 10, 11};
        QTest::newRow("http only")
            << QString() << all << F::HttpOnly << QList<int> {2, 4, 5, 9, 10, 11};
        QTest::newRow("text and failures only")
            << u"origin"_s << all << F::FailuresOnly << QList<int> {2, 4, 5, 8};
        QTest::newRow("layer and http only")
            << QString() << QStringList {u"cors"_s} << F::HttpOnly << QList<int> {5, 11};
    }
    void filters()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, layers);
        QFETCH(TimelineFilterModel::StatusFilter, status);
        QFETCH(QList<int>, seqs);
        TimelineModel model;
        TimelineFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.append(sampleEvents());
        filter.setText(text);
        if (layers != QStringList {u"*"_s})
            filter.setLayers(QSet<QString>(layers.cbegin(), layers.cend()));
        filter.setStatusFilter(status);
        QCOMPARE(visibleSeqs(filter), seqs);

        // The same rows when the events stream in one by one under the filter.
        TimelineModel streamed;
        TimelineFilterModel streamedFilter;
        streamedFilter.setSourceModel(&streamed);
        streamedFilter.setText(text);
        if (layers != QStringList {u"*"_s})
            streamedFilter.setLayers(QSet<QString>(layers.cbegin(), layers.cend()));
        streamedFilter.setStatusFilter(status);
        for (const TimelineEvent &e : sampleEvents())
            streamed.append(e);
        QCOMPARE(visibleSeqs(streamedFilter), seqs);
    }

    void roles()
    {
        TimelineModel model;
        model.append(sampleEvents());
        const auto at = [&](int row, int role) { return model.index(row, 0).data(role); };
        // The failing check, the response it judged and the request share the exchange.
        QCOMPARE(at(4, TimelineModel::PassedRole), QVariant(false));
        QCOMPARE(at(3, TimelineModel::PassedRole), QVariant(false));
        QVERIFY(!at(1, TimelineModel::PassedRole).isValid());
        QCOMPARE(at(1, TimelineModel::ExchangeRole).toInt(), 1);
        QCOMPARE(at(3, TimelineModel::ExchangeRole).toInt(), 1);
        QCOMPARE(at(10, TimelineModel::PassedRole), QVariant(true));
        QCOMPARE(at(9, TimelineModel::PassedRole), QVariant(true));
        QCOMPARE(at(4, TimelineModel::SideRole).toInt(), int(TimelineSide::Browser));
        QCOMPARE(at(4, TimelineModel::StepRole).toInt(), int(TimelineStep::Handshake));
        QCOMPARE(at(4, TimelineModel::KindRole).toInt(), int(TimelineKind::Check));
        QCOMPARE(at(2, TimelineModel::LayerRole).toString(), u"cors"_s);
        QCOMPARE(at(3, TimelineModel::LabelRole).toString(), u"200 OK"_s);
        QCOMPARE(at(6, TimelineModel::LabelRole).toString(), u"open {\"sid\":\"a\"}"_s);
        QCOMPARE(at(1, TimelineModel::OutgoingRole), QVariant(true));
        QCOMPARE(
            at(1, TimelineModel::EventRole).value<TimelineEvent>().summary, model.event(1).summary);
        QCOMPARE(at(3, TimelineModel::StatusCodeRole).toInt(), 200);
        QVERIFY(at(1, TimelineModel::FailureRole).toBool()); // its exchange failed
        QVERIFY(!at(8, TimelineModel::FailureRole).toBool());
        QCOMPARE(model.index(4, TimelineModel::Cors).data().toString(), u"✗ fail"_s);
        QCOMPARE(model.index(10, TimelineModel::Cors).data().toString(), u"✓ pass"_s);
        QCOMPARE(model.index(3, TimelineModel::Status).data().toInt(), 200);
        QCOMPARE(model.index(0, TimelineModel::Time).data().toString(), u"1.000 ms"_s);
        QCOMPARE(model.exchangeRows(1), (QList<int> {1, 3, 4}));
        QCOMPARE(model.checkRowFor(1), 4);
        QCOMPARE(model.requestRowFor(4), 1);
        QCOMPARE(model.responseRowFor(1), 3);
        QCOMPARE(model.responseRowFor(4), 3);
        QCOMPARE(model.layers(),
            (QStringList {u"page"_s, u"http"_s, u"cors"_s, u"engine.io"_s, u"verdict"_s}));
        QVERIFY(!model.check(0)); // no checks given yet
        model.setChecks({CorsCheck()});
        QVERIFY(model.check(0));
        QVERIFY(!model.check(1));
    }

    // A check arriving after its request and response changes them: the Cors column and what
    // "failures only" shows.
    void lateCheckUpdatesEarlierRows()
    {
        TimelineModel model;
        TimelineFilterModel filter;
        filter.setSourceModel(&model);
        filter.setStatusFilter(TimelineFilterModel::StatusFilter::FailuresOnly);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QList<TimelineEvent> events = sampleEvents();
        for (int i = 0; i < 4; ++i)
            model.append(events.at(i));
        QCOMPARE(filter.rowCount(), 0);
        model.append(events.at(4));
        QVERIFY(changed.count() >= 2);
        QCOMPARE(visibleSeqs(filter), (QList<int> {2, 4, 5}));
    }

    void realRunCredentialsWithWildcardOrigin()
    {
        const RunResult r = runExample(u"credentials-with-wildcard-origin"_s);
        QCOMPARE(verdictName(r.verdict.verdict), u"blocked"_s);
        TimelineModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setRun(r);
        QCOMPARE(model.rowCount(), r.events.size());
        int failing = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QVariant passed = model.index(row, 0).data(TimelineModel::PassedRole);
            if (model.event(row).kind == TimelineKind::Check && passed == QVariant(false))
                failing = row;
        }
        QVERIFY(failing >= 0);
        const int exchange = model.index(failing, 0).data(TimelineModel::ExchangeRole).toInt();
        QVERIFY(exchange > 0);
        const int request = model.requestRowFor(failing);
        const int response = model.responseRowFor(failing);
        QVERIFY(request >= 0 && response >= 0);
        QCOMPARE(model.index(request, 0).data(TimelineModel::ExchangeRole).toInt(), exchange);
        QCOMPARE(model.index(response, 0).data(TimelineModel::ExchangeRole).toInt(), exchange);
        QCOMPARE(model.index(response, 0).data(TimelineModel::PassedRole), QVariant(false));
        QCOMPARE(model.event(request).kind, TimelineKind::Request);
        QVERIFY(!model.event(request).raw.isEmpty());
        const CorsCheck *check = model.check(model.event(failing).checkIndex);
        QVERIFY(check);
        QVERIFY(!check->passed());
        QCOMPARE(check->chromium.reason.code, u"WildcardOriginNotAllowed"_s);

        TimelineFilterModel filter;
        filter.setSourceModel(&model);
        filter.setStatusFilter(TimelineFilterModel::StatusFilter::FailuresOnly);
        QVERIFY(filter.mapFromSource(model.index(failing, 0)).isValid());
        QVERIFY(filter.mapFromSource(model.index(request, 0)).isValid());
        QVERIFY(filter.rowCount() < model.rowCount());
    }
};

QTEST_MAIN(tst_TimelineModel)
#include "tst_timelinemodel.moc"
