// ReportDocument: the Markdown and HTML reports of real in-process runs (a blocked example with its
// proven fix, a connected one), their escaping, their language, and their bounds.
#include "profile/profilefile.h"
#include "run/reportdocument.h"
#include "run/testrun.h"

#include <QRegularExpression>
#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

RunResult runExample(const QString &name, Browser browser, bool proveFix = true)
{
    const ProfileFileResult loaded = ProfileFile::load(ProfileFile::resolveArgument(name));
    if (!loaded.load.profile)
        qFatal("cannot load %s", qPrintable(name));
    RunOptions options;
    options.browser = browser;
    options.proveFix = proveFix;
    return TestRun::runToEnd(*loaded.load.profile, options);
}

int tableRows(const QString &markdown)
{
    static const QRegularExpression row(u"^\\| \\d+ \\| "_s, QRegularExpression::MultilineOption);
    int n = 0;
    for (auto it = row.globalMatch(markdown); it.hasNext(); it.next())
        ++n;
    return n;
}

} // namespace

class TestReportDocument : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        blocked = runExample(u"missing-allow-origin"_s, Browser::Chromium);
        QCOMPARE(verdictName(blocked.verdict.verdict), u"blocked"_s);
        QVERIFY(blocked.fix);
        connected = runExample(u"origin-array"_s, Browser::Firefox, false);
        QCOMPARE(verdictName(connected.verdict.verdict), u"connected"_s);
    }

    void markdownCarriesTheVerdictAndTheFix()
    {
        const QString md = ReportDocument::markdown({blocked}, u"en"_s);
        QVERIFY(md.contains(u"**Verdict: BLOCKED — MissingAllowOriginHeader**"_s));
        QVERIFY(md.contains(blocked.verdict.messages->chromiumMessage));
        QVERIFY(md.contains(blocked.verdict.messages->chromiumNetworkLine));
        QVERIFY(md.contains(blocked.verdict.messages->firefoxMessageEn));
        QVERIFY(md.contains(u"`connect_error`: message \"xhr poll error\", description 0"_s));
        QVERIFY(md.contains(u"```diff\n"_s + blocked.fix->codeDiff));
        QVERIFY(md.contains(blocked.fix->title));
        // One table row per event a reader sees (the server's bookkeeping stays out).
        int expected = 0;
        for (const TimelineEvent &e : blocked.events)
            expected += e.kind != TimelineKind::ServerEvent || e.layer == u"cors"_s;
        QCOMPARE(tableRows(md), expected);
        // The request's headers, and the profile to reproduce it.
        QVERIFY(md.contains(u"Origin: "_s + blocked.pageOrigin));
        QVERIFY(md.contains(u"\"format\": \"corslab-profile\""_s));
    }

    void markdownInChinese()
    {
        const QString md = ReportDocument::markdown({blocked}, u"zh-CN"_s);
        QVERIFY(md.contains(u"**结论：BLOCKED"_s));
        QVERIFY(md.contains(blocked.verdict.messages->firefoxMessageZh));
        QVERIFY(!md.contains(blocked.verdict.messages->firefoxMessageEn));
        QVERIFY(md.contains(blocked.fix->titleZh));
    }

    void markdownEscapesTableCellsAndFences()
    {
        RunResult r = connected;
        TimelineEvent e;
        e.seq = 999;
        e.kind = TimelineKind::Note;
        e.summary = u"a | b\nc"_s;
        r.events.append(e);
        r.profile.description = QString();
        const QString md = ReportDocument::markdown({r}, u"en"_s);
        QVERIFY(md.contains(u"| a \\| b c |"_s));
        // A diff holding a fence gets a longer fence.
        RunResult f = blocked;
        f.fix->codeDiff = u"+ const s = \"```\";\n"_s;
        QVERIFY(ReportDocument::markdown({f}, u"en"_s).contains(u"````diff\n"_s));
    }

    void htmlIsSelfContainedAndEscaped()
    {
        RunResult r = blocked;
        r.profile.name = u"<script>alert(1)</script>"_s;
        const QByteArray png("\x89PNG\r\n\x1a\nfake", 12);
        const QString html = ReportDocument::html({r, connected}, u"en"_s, {png, QByteArray()});
        QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(!html.contains(u"<script>"_s));
        QVERIFY(html.contains(u"&lt;script&gt;alert(1)&lt;/script&gt;"_s));
        // Nothing is fetched from elsewhere: every src is a data: URL, no stylesheet links.
        static const QRegularExpression src(u"\\bsrc=\"([^\"]*)\""_s);
        int sources = 0;
        for (auto it = src.globalMatch(html); it.hasNext();) {
            QVERIFY(it.next().captured(1).startsWith(u"data:image/png;base64,"_s));
            ++sources;
        }
        QCOMPARE(sources, 1); // the second run had no picture
        QVERIFY(!html.contains(u"<link"_s));
        QCOMPARE(html.count(u"<section>"_s), 2);
        QVERIFY(html.contains(u"class=\"banner bad\""_s));
        QVERIFY(html.contains(u"class=\"banner ok\""_s));
        QVERIFY(html.contains(blocked.verdict.messages->chromiumMessage.toHtmlEscaped()));
        QVERIFY(html.contains(u"<span class=\"add\">"_s));
        QCOMPARE(html.count(u"<tr"_s) - 2,
            tableRows(ReportDocument::markdown({r}, u"en"_s))
                + tableRows(ReportDocument::markdown({connected}, u"en"_s)));
    }

    void longRunsAreCut()
    {
        RunResult r = connected;
        const TimelineEvent last = r.events.constLast();
        for (int i = 0; i < ReportDocument::MaxTimelineRows + 500; ++i) {
            TimelineEvent e = last;
            e.seq = 10000 + i;
            e.kind = TimelineKind::Frame;
            e.summary = u"frame %1"_s.arg(i);
            r.events.append(e);
        }
        const QString md = ReportDocument::markdown({r}, u"en"_s);
        QCOMPARE(tableRows(md), ReportDocument::MaxTimelineRows);
        QVERIFY(md.contains(u"more events left out"_s));
    }

private:
    RunResult blocked;
    RunResult connected;
};

QTEST_GUILESS_MAIN(TestReportDocument)
#include "tst_reportdocument.moc"
