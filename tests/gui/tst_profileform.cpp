// The profile editor forms, offscreen: every example (and profiles using every field) survives
// setProfile()/profile() unchanged, a user's edit changes exactly one field, diagnostics outline
// and focus their field, OriginEditor keeps values across modes, and JavaScript is highlighted.
#include "editor/fieldwidgets.h"
#include "editor/javascripteditor.h"
#include "editor/javascripthighlighter.h"
#include "editor/origineditor.h"
#include "editor/profileform.h"

#include "profile/profilefile.h"
#include "profile/profilewriter.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include <functional>

using namespace corslab;
using namespace corslab::gui;

using FormEdit = std::function<void(ProfileForm &)>;
using ProfileChange = std::function<void(Profile &)>;
Q_DECLARE_METATYPE(Profile)
Q_DECLARE_METATYPE(FormEdit)
Q_DECLARE_METATYPE(ProfileChange)

namespace {

JsonNode::Member member(const QString &key, JsonNode value)
{
    return JsonNode::Member {key, {}, std::move(value)};
}

// Every field set away from its default, with unknown keys at every level that keeps them.
Profile everyField()
{
    Profile p;
    p.schema = QStringLiteral("https://example.com/corslab-profile.schema.json");
    p.name = QStringLiteral("Every field");
    p.description = QStringLiteral("Nothing left at its default");
    p.unknown.push_back(
        member(QStringLiteral("x-top"), JsonNode::fromString(QStringLiteral("kept"))));

    ServerOptions &s = p.server;
    s.host = QStringLiteral("localhost");
    s.port = 3001;
    s.path = QStringLiteral("/io");
    s.addTrailingSlash = false;
    CorsOptions c;
    RegexPattern re {QStringLiteral("^https://b\\.test$"), QStringLiteral("i"),
        {member(QStringLiteral("x-re"), JsonNode::fromBool(true))}};
    c.origin = QList<OriginEntry> {QStringLiteral("http://a.test"), re};
    c.methods = QStringList {QStringLiteral("GET"), QStringLiteral("POST")};
    c.allowedHeaders = StringOrList(QStringLiteral("x-a, x-b"));
    c.exposedHeaders = StringOrList(QStringList {QStringLiteral("x-c")});
    c.credentials = true;
    c.maxAge = std::variant<qint64, QString>(QStringLiteral("600"));
    c.preflightContinue = true;
    c.optionsSuccessStatus = 200;
    c.unknown.push_back(
        member(QStringLiteral("headers"), JsonNode::fromString(QStringLiteral("x"))));
    s.cors = c;
    s.allowRequest = ScriptFunction {QStringLiteral("(req, callback) => callback(null, false)"),
        {member(QStringLiteral("x-fn"), JsonNode::fromNumber(1))}};
    s.transports = {QStringLiteral("websocket"), QStringLiteral("polling")};
    s.allowUpgrades = false;
    s.pingInterval = 1000;
    s.pingTimeout = 2000;
    s.upgradeTimeout = 3000;
    s.maxHttpBufferSize = MaxSafeInteger;
    s.connectTimeout = 4000;
    CookieOptions co;
    co.name = QStringLiteral("sid");
    co.path = std::variant<bool, QString>(false);
    co.domain = QStringLiteral("a.test");
    co.httpOnly = false;
    co.secure = true;
    co.sameSite = std::variant<bool, QString>(QStringLiteral("none"));
    co.maxAge = -1;
    co.partitioned = true;
    co.unknown.push_back(member(QStringLiteral("x-cookie"), JsonNode::fromBool(false)));
    s.cookie = co;
    s.allowEIO3 = true;
    s.httpCompression = false;
    JsonNode packet = JsonNode::makeObject();
    packet.insert(QStringLiteral("hello"),
        JsonNode::makeArray(
            {JsonNode::fromNumber(1), JsonNode::fromString(QStringLiteral("two")), JsonNode()}));
    s.initialPacket = packet;
    s.namespaces = {
        NamespaceConfig {QStringLiteral("/admin"),
            ScriptFunction {QStringLiteral("(socket, next) => next(new Error(\"no\"))"), {}}, {}},
        NamespaceConfig {QStringLiteral("/open"), std::nullopt,
            {member(QStringLiteral("x-ns"), JsonNode::fromString(QStringLiteral("n")))}}};
    ProxyOptions proxy;
    proxy.addHeaders = {ProxyHeader {QStringLiteral("Access-Control-Allow-Origin"),
        QStringLiteral("*"), ProxyHeader::When::Preflight,
        {member(QStringLiteral("x-h"), JsonNode::fromNumber(2))}}};
    proxy.redirect
        = ProxyRedirect {302, QStringLiteral("https://c.test/"), ProxyHeader::When::Other, {}};
    proxy.stripUpgrade = true;
    proxy.instances = 3;
    proxy.stickyCookie = true;
    s.proxy = proxy;
    s.unknown.push_back(
        member(QStringLiteral("origins"), JsonNode::fromString(QStringLiteral("*"))));

    ClientOptions &cl = p.client;
    cl.pageOrigin = QStringLiteral("http://localhost:3000");
    cl.url = QStringLiteral("https://api.test:8443");
    cl.namespaceName = QStringLiteral("/admin");
    cl.browser = Browser::Firefox;
    ClientConnectOptions &o = cl.options;
    o.path = QStringLiteral("/io");
    o.query
        = {{QStringLiteral("b"), QStringLiteral("2")}, {QStringLiteral("a"), QStringLiteral("1")}};
    JsonNode auth = JsonNode::makeObject();
    auth.insert(QStringLiteral("token"), JsonNode::fromString(QStringLiteral("abc")));
    o.auth = auth;
    o.withCredentials = true;
    o.extraHeaders = {{QStringLiteral("x-b"), QStringLiteral("2")},
        {QStringLiteral("Authorization"), QStringLiteral("Bearer 1")}};
    o.transports = {QStringLiteral("websocket"), QStringLiteral("webtransport")};
    o.upgrade = false;
    o.rememberUpgrade = true;
    o.timeout = 5000;
    o.forceBase64 = true;
    o.unknown.push_back(member(QStringLiteral("headers"), JsonNode::makeObject()));
    cl.emitSteps = {
        EmitStep {QStringLiteral("hello"),
            {JsonNode::fromString(QStringLiteral("world")), JsonNode::fromNumber(1.5)}, true, {}},
        EmitStep {QStringLiteral("bye"), {}, false,
            {member(QStringLiteral("x-emit"), JsonNode::fromBool(true))}}};
    cl.unknown.push_back(member(QStringLiteral("x-client"), JsonNode::fromNumber(7)));
    p.expect = Expectation {Verdict::Blocked, QStringLiteral("MissingAllowOriginHeader"),
        {member(QStringLiteral("x-expect"), JsonNode::fromNumber(3))}};
    return p;
}

// The other alternative of every variant everyField() uses.
Profile otherVariants()
{
    Profile p;
    p.name = QStringLiteral("Other variants");
    CorsOptions c;
    c.origin = ScriptFunction {QStringLiteral("(origin, callback) => callback(null, true)"),
        {member(QStringLiteral("x-fn"), JsonNode::fromBool(true))}};
    c.methods = StringOrList(QStringLiteral("GET"));
    c.maxAge = std::variant<qint64, QString>(qint64(86400));
    p.server.cors = c;
    CookieOptions co;
    co.path = std::variant<bool, QString>(QStringLiteral("/app"));
    co.sameSite = std::variant<bool, QString>(true);
    p.server.cookie = co;
    p.server.proxy = ProxyOptions {};
    p.client.pageOrigin = ClientOptions::SameOrigin;
    p.client.browser = Browser::Node;
    return p;
}

Profile withOrigin(const CorsOrigin &origin)
{
    Profile p;
    p.name = QStringLiteral("Origin variant");
    CorsOptions c;
    c.origin = origin;
    p.server.cors = c;
    p.server.cookie = true;
    p.client.pageOrigin = QStringLiteral("null");
    return p;
}

Profile example(const QString &name)
{
    const ProfileFileResult r = ProfileFile::load(ProfileFile::exampleResourcePath(name));
    return r.load.profile.value_or(Profile {});
}

// Both profiles as canonical JSON, for a readable failure message.
QByteArray describeDifference(const Profile &actual, const Profile &expected)
{
    return "actual:\n" + ProfileWriter::toJson(actual) + "\nexpected:\n"
        + ProfileWriter::toJson(expected);
}

template<typename W>
W *fieldAt(ProfileForm &form, const char *path)
{
    auto *w = qobject_cast<W *>(form.fieldForPath(QString::fromLatin1(path)));
    if (!w)
        qFatal("no field of the expected type at %s", path);
    return w;
}

void typeInto(QLineEdit *edit, const QString &text, bool replace = true)
{
    edit->setFocus();
    if (replace)
        edit->selectAll();
    else
        edit->end(false);
    QTest::keyClicks(edit, text);
}

void typeInto(QAbstractSpinBox *box, const QString &text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
}

// Scrolls the field into view (as the user would) and clicks it.
void click(ProfileForm &form, const char *path, QWidget *target = nullptr)
{
    QVERIFY(form.focusPath(QString::fromLatin1(path)));
    QWidget *w = target ? target : form.fieldForPath(QString::fromLatin1(path));
    // A check box takes clicks on its indicator and text, not on the rest of its row.
    const int x = qobject_cast<QCheckBox *>(w) ? 8 : w->width() / 2;
    QTest::mouseClick(w, Qt::LeftButton, {}, QPoint(x, w->height() / 2));
}

void choose(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

// The formats a highlighter set in `block` at `position`.
QTextCharFormat formatAt(const QTextBlock &block, int position)
{
    for (const QTextLayout::FormatRange &r : block.layout()->formats())
        if (position >= r.start && position < r.start + r.length)
            return r.format;
    return {};
}

} // namespace

class tst_ProfileForm : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<Profile>("profile");
        const QList<ExampleProfile> examples = ProfileFile::examples();
        QVERIFY(examples.size() >= 30);
        for (const ExampleProfile &e : examples) {
            const ProfileFileResult r = ProfileFile::load(e.resourcePath);
            QVERIFY2(r.load.profile.has_value(), qPrintable(e.fileName));
            QTest::newRow(qPrintable(e.fileName)) << *r.load.profile;
        }
        QTest::newRow("every field") << everyField();
        QTest::newRow("other variants") << otherVariants();
        QTest::newRow("default profile") << Profile {};
        QTest::newRow("origin true") << withOrigin(true);
        QTest::newRow("origin false") << withOrigin(false);
        QTest::newRow("origin empty string") << withOrigin(QString());
        QTest::newRow("origin regex with unknown key")
            << withOrigin(RegexPattern {QStringLiteral("^http://a\\.test$"), QString(),
                   {member(QStringLiteral("x"), JsonNode::fromNumber(1))}});
        QTest::newRow("origin empty list") << withOrigin(QList<OriginEntry> {});
    }

    void roundTrip()
    {
        QFETCH(Profile, profile);
        ProfileForm form;
        QSignalSpy edited(&form, &ProfileForm::edited);
        form.setProfile(profile);
        QCOMPARE(edited.count(), 0);
        const Profile shown = form.profile();
        QVERIFY2(shown == profile, describeDifference(shown, profile).constData());
        QCOMPARE(ProfileWriter::toJson(shown), ProfileWriter::toJson(profile));
        // A second round through the same form changes nothing either.
        form.setProfile(shown);
        QVERIFY(form.profile() == profile);
    }

    void editChangesOnlyThatField_data()
    {
        QTest::addColumn<QString>("exampleName");
        QTest::addColumn<FormEdit>("edit");
        QTest::addColumn<ProfileChange>("change");
        const QString custom = QStringLiteral("credentials-with-custom-header");

        QTest::newRow("name") << custom << FormEdit([](ProfileForm &f) {
            typeInto(fieldAt<QLineEdit>(f, "name"), QStringLiteral(" (edited)"), false);
        }) << ProfileChange([](Profile &p) { p.name += QStringLiteral(" (edited)"); });
        QTest::newRow("description") << custom << FormEdit([](ProfileForm &f) {
            typeInto(fieldAt<QLineEdit>(f, "description"), QStringLiteral("New"));
        }) << ProfileChange([](Profile &p) { p.description = QStringLiteral("New"); });
        QTest::newRow("expect: none") << custom << FormEdit([](ProfileForm &f) {
            choose(fieldAt<QComboBox>(f, "expect.verdict"), QString());
        }) << ProfileChange([](Profile &p) { p.expect.reset(); });
        QTest::newRow("expect.reason") << QStringLiteral(
            "missing-allow-origin") << FormEdit([](ProfileForm &f) {
            typeInto(fieldAt<QLineEdit>(f, "expect.reason"), QStringLiteral("Other"));
        }) << ProfileChange([](Profile &p) { p.expect->reason = QStringLiteral("Other"); });
        QTest::newRow("server.cors.credentials toggled")
            << custom << FormEdit([](ProfileForm &f) { click(f, "server.cors.credentials"); })
            << ProfileChange(
                   [](Profile &p) { p.server.cors->credentials = !p.server.cors->credentials; });
        QTest::newRow("server.cors.origin typed")
            << QStringLiteral("single-allowed-origin") << FormEdit([](ProfileForm &f) {
                   typeInto(f.originEditor()->stringEdit(), QStringLiteral("https://x.test"));
               })
            << ProfileChange(
                   [](Profile &p) { p.server.cors->origin = QStringLiteral("https://x.test"); });
        QTest::newRow("server.cors off") << custom << FormEdit([](ProfileForm &f) {
            fieldAt<QGroupBox>(f, "server.cors")->setChecked(false);
        }) << ProfileChange([](Profile &p) { p.server.cors.reset(); });
        QTest::newRow("server.cors.maxAge seconds") << custom << FormEdit([](ProfileForm &f) {
            fieldAt<QComboBox>(f, "server.cors.maxAge")->setCurrentIndex(1);
        }) << ProfileChange([](Profile &p) {
            p.server.cors->maxAge = std::variant<qint64, QString>(qint64(0));
        });
        QTest::newRow("server.pingInterval typed") << custom << FormEdit([](ProfileForm &f) {
            typeInto(fieldAt<LongSpinBox>(f, "server.pingInterval"), QStringLiteral("30000"));
        }) << ProfileChange([](Profile &p) { p.server.pingInterval = 30000; });
        QTest::newRow("server.port typed") << custom << FormEdit([](ProfileForm &f) {
            typeInto(fieldAt<QSpinBox>(f, "server.port"), QStringLiteral("3000"));
        }) << ProfileChange([](Profile &p) { p.server.port = 3000; });
        QTest::newRow("server.transports: polling unchecked")
            << custom << FormEdit([](ProfileForm &f) {
                   QListWidget *list = fieldAt<TransportListEditor>(f, "server.transports")->list();
                   list->findItems(QStringLiteral("polling"), Qt::MatchExactly)
                       .value(0)
                       ->setCheckState(Qt::Unchecked);
               })
            << ProfileChange(
                   [](Profile &p) { p.server.transports = {QStringLiteral("websocket")}; });
        QTest::newRow("server.allowEIO3 toggled")
            << custom << FormEdit([](ProfileForm &f) { click(f, "server.allowEIO3"); })
            << ProfileChange([](Profile &p) { p.server.allowEIO3 = true; });
        QTest::newRow("server.cookie on") << custom << FormEdit([](ProfileForm &f) {
            fieldAt<QComboBox>(f, "server.cookie")->setCurrentIndex(1);
        }) << ProfileChange([](Profile &p) { p.server.cookie = true; });
        QTest::newRow("server.allowRequest on") << custom << FormEdit([](ProfileForm &f) {
            fieldAt<QGroupBox>(f, "server.allowRequest")->setChecked(true);
        }) << ProfileChange([](Profile &p) {
            p.server.allowRequest = ScriptFunction {
                QStringLiteral("(req, callback) => {\n    callback(null, true);\n}"), {}};
        });
        QTest::newRow("server.namespaces: one added") << custom << FormEdit([](ProfileForm &f) {
            auto *ns = fieldAt<NamespaceListEditor>(f, "server.namespaces");
            ns->addNamespace();
            typeInto(ns->nameEdit(0), QStringLiteral("/admin"));
        }) << ProfileChange([](Profile &p) {
            p.server.namespaces = {NamespaceConfig {QStringLiteral("/admin"), {}, {}}};
        });
        QTest::newRow("server.proxy on") << custom << FormEdit([](ProfileForm &f) {
            fieldAt<QGroupBox>(f, "server.proxy")->setChecked(true);
        }) << ProfileChange([](Profile &p) { p.server.proxy = ProxyOptions {}; });
        QTest::newRow("server.proxy.instances typed") << QStringLiteral(
            "load-balancer-with-cookie-stickiness") << FormEdit([](ProfileForm &f) {
            typeInto(fieldAt<QSpinBox>(f, "server.proxy.instances"), QStringLiteral("4"));
        }) << ProfileChange([](Profile &p) { p.server.proxy->instances = 4; });
        QTest::newRow("client.pageOrigin typed") << custom << FormEdit([](ProfileForm &f) {
            typeInto(fieldAt<QComboBox>(f, "client.pageOrigin")->lineEdit(),
                QStringLiteral("http://localhost:5173"));
        }) << ProfileChange([](Profile &p) {
            p.client.pageOrigin = QStringLiteral("http://localhost:5173");
        });
        QTest::newRow("client.pageOrigin same-origin chosen")
            << custom << FormEdit([](ProfileForm &f) {
                   auto *combo = fieldAt<QComboBox>(f, "client.pageOrigin");
                   combo->setCurrentIndex(combo->findText(ClientOptions::SameOrigin));
               })
            << ProfileChange([](Profile &p) { p.client.pageOrigin = ClientOptions::SameOrigin; });
        QTest::newRow("client.url: a URL") << custom << FormEdit([](ProfileForm &f) {
            auto *box = f.fieldForPath(QStringLiteral("client.url"));
            click(f, "client.url", box->findChildren<QRadioButton *>().value(1));
            typeInto(box->findChild<QLineEdit *>(), QStringLiteral("http://localhost:4000"));
        }) << ProfileChange([](Profile &p) {
            p.client.url = QStringLiteral("http://localhost:4000");
        });
        QTest::newRow("client.browser firefox") << custom << FormEdit([](ProfileForm &f) {
            choose(fieldAt<QComboBox>(f, "client.browser"), QStringLiteral("firefox"));
        }) << ProfileChange([](Profile &p) { p.client.browser = Browser::Firefox; });
        QTest::newRow("client.options.withCredentials toggled")
            << custom
            << FormEdit([](ProfileForm &f) { click(f, "client.options.withCredentials"); })
            << ProfileChange([](Profile &p) {
                   p.client.options.withCredentials = !p.client.options.withCredentials;
               });
        QTest::newRow("client.options.extraHeaders: one added")
            << custom << FormEdit([](ProfileForm &f) {
                   auto *table = fieldAt<RowTable>(f, "client.options.extraHeaders");
                   table->addRow();
                   const int r = table->table()->rowCount() - 1;
                   table->table()->item(r, 0)->setText(QStringLiteral("x-later"));
                   table->table()->item(r, 1)->setText(QStringLiteral("v"));
               })
            << ProfileChange([](Profile &p) {
                   p.client.options.extraHeaders.emplace_back(
                       QStringLiteral("x-later"), QStringLiteral("v"));
               });
        QTest::newRow("client.options.auth typed") << custom << FormEdit([](ProfileForm &f) {
            auto *auth = fieldAt<JavaScriptEditor>(f, "client.options.auth");
            auth->setFocus();
            QTest::keyClicks(auth, QStringLiteral("{\"token\": \"t\"}"));
        }) << ProfileChange([](Profile &p) {
            JsonNode auth = JsonNode::makeObject();
            auth.insert(QStringLiteral("token"), JsonNode::fromString(QStringLiteral("t")));
            p.client.options.auth = auth;
        });
        QTest::newRow("client.options.timeout typed") << custom << FormEdit([](ProfileForm &f) {
            typeInto(fieldAt<LongSpinBox>(f, "client.options.timeout"), QStringLiteral("1500"));
        }) << ProfileChange([](Profile &p) { p.client.options.timeout = 1500; });
        QTest::newRow("client.emit: one added") << custom << FormEdit([](ProfileForm &f) {
            auto *table = fieldAt<RowTable>(f, "client.emit");
            table->addRow();
            table->table()->item(0, 1)->setText(QStringLiteral("[1, \"a\"]"));
        }) << ProfileChange([](Profile &p) {
            p.client.emitSteps = {EmitStep {QStringLiteral("hello"),
                {JsonNode::fromNumber(1), JsonNode::fromString(QStringLiteral("a"))}, false, {}}};
        });
    }

    void editChangesOnlyThatField()
    {
        QFETCH(QString, exampleName);
        QFETCH(FormEdit, edit);
        QFETCH(ProfileChange, change);
        const Profile original = example(exampleName);
        QVERIFY(!original.name.isEmpty());
        ProfileForm form;
        form.resize(900, 700);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        form.setProfile(original);
        QSignalSpy edited(&form, &ProfileForm::edited);
        edit(form);
        QVERIFY(edited.count() > 0);
        Profile expected = original;
        change(expected);
        QVERIFY(!(expected == original));
        const Profile actual = form.profile();
        QVERIFY2(actual == expected, describeDifference(actual, expected).constData());
    }

    void diagnosticsOutlineTheirField()
    {
        ProfileForm form;
        form.setProfile(example(QStringLiteral("origin-array")));
        QWidget *origin = form.fieldForPath(QStringLiteral("server.cors.origin"));
        QCOMPARE(origin, form.originEditor());
        QCOMPARE(form.fieldForPath(QStringLiteral("server.cors.origin[1]")), origin);
        const QString baseTip = origin->toolTip();
        QVERIFY(baseTip.startsWith(QStringLiteral("cors.origin — ")));

        Diagnostic warning {Diagnostic::Severity::Warning, {3, 4},
            QStringLiteral("server.cors.origin[1]"), QStringLiteral("ends with \"/\"")};
        Diagnostic error {Diagnostic::Severity::Error, {5, 6},
            QStringLiteral("client.options.extraHeaders.my-header"), QStringLiteral("bad header")};
        form.setDiagnostics({warning, error});
        QCOMPARE(origin->property("diagnosticSeverity").toString(), QStringLiteral("warning"));
        QVERIFY(origin->toolTip().contains(QStringLiteral("ends with \"/\"")));
        QVERIFY(origin->toolTip().contains(baseTip));
        QWidget *headers = form.fieldForPath(QStringLiteral("client.options.extraHeaders"));
        QCOMPARE(headers->property("diagnosticSeverity").toString(), QStringLiteral("error"));

        // An error on the same field outranks the warning; fields no longer named are cleared.
        warning.severity = Diagnostic::Severity::Error;
        form.setDiagnostics({warning});
        QCOMPARE(origin->property("diagnosticSeverity").toString(), QStringLiteral("error"));
        QVERIFY(!headers->property("diagnosticSeverity").isValid());
        form.setDiagnostics({});
        QVERIFY(!origin->property("diagnosticSeverity").isValid());
        QCOMPARE(origin->toolTip(), baseTip);

        // Unknown keys have no field; their warnings land on the "kept as written" note.
        form.setProfile(example(QStringLiteral("v2-origins-option")));
        QWidget *note = form.fieldForPath(QStringLiteral("server.origins"));
        QVERIFY(qobject_cast<QLabel *>(note));
        QVERIFY(qobject_cast<QLabel *>(note)->text().contains(QStringLiteral("origins")));
    }

    void focusPathShowsAndFocusesTheField()
    {
        ProfileForm form;
        form.resize(1280, 800);
        form.show();
        QVERIFY(QTest::qWaitForWindowActive(&form));
        form.setProfile(example(QStringLiteral("origin-array")));
        form.tabs()->setCurrentIndex(1);
        QVERIFY(form.focusPath(QStringLiteral("server.cors.origin")));
        QCOMPARE(form.tabs()->currentIndex(), 0);
        QTRY_VERIFY(QApplication::focusWidget()
            && form.originEditor()->isAncestorOf(QApplication::focusWidget()));

        QVERIFY(form.focusPath(QStringLiteral("client.options.withCredentials")));
        QCOMPARE(form.tabs()->currentIndex(), 1);
        QTRY_COMPARE(QApplication::focusWidget(),
            form.fieldForPath(QStringLiteral("client.options.withCredentials")));

        QVERIFY(form.focusPath(QStringLiteral("server.cors.origin[1]")));
        QTRY_VERIFY(QApplication::focusWidget() == form.originEditor()->list()->table());
        QCOMPARE(form.originEditor()->list()->table()->currentRow(), 1);
        QVERIFY(!form.focusPath(QStringLiteral("nothing.here")));
    }

    void originEditorModeSwitchesKeepValues()
    {
        OriginEditor editor;
        QSignalSpy edited(&editor, &OriginEditor::edited);
        editor.setValue(QStringLiteral("http://a.test"));
        QCOMPARE(edited.count(), 0);
        QCOMPARE(editor.mode(), OriginEditor::Mode::String);

        editor.setMode(OriginEditor::Mode::List);
        QVERIFY(edited.count() > 0);
        QCOMPARE(editor.value(), CorsOrigin(QList<OriginEntry> {QStringLiteral("http://a.test")}));
        editor.setMode(OriginEditor::Mode::String);
        QCOMPARE(editor.value(), CorsOrigin(QStringLiteral("http://a.test")));

        editor.setMode(OriginEditor::Mode::RegExp);
        const RegexPattern re = std::get<RegexPattern>(editor.value());
        QCOMPARE(re.source, QStringLiteral("^http:\\/\\/a\\.test$"));
        QVERIFY(editor.regexTestResult()->text().contains(QStringLiteral("does not match")));
        editor.setTestOrigin(QStringLiteral("http://a.test"));
        QVERIFY(editor.regexTestResult()->text().startsWith(QStringLiteral("✓")));
        typeInto(editor.regexFlagsEdit(), QStringLiteral("i"));
        QCOMPARE(std::get<RegexPattern>(editor.value()).flags, QStringLiteral("i"));

        editor.setMode(OriginEditor::Mode::Reflect);
        QCOMPARE(editor.value(), CorsOrigin(true));
        editor.setMode(OriginEditor::Mode::NoCors);
        QCOMPARE(editor.value(), CorsOrigin(false));
        editor.setMode(OriginEditor::Mode::String);
        QCOMPARE(editor.value(), CorsOrigin(QStringLiteral("http://a.test")));
        editor.setMode(OriginEditor::Mode::Function);
        const ScriptFunction fn = std::get<ScriptFunction>(editor.value());
        QVERIFY2(fn.source.contains(QStringLiteral("origin === \"http://a.test\"")),
            qPrintable(fn.source));
        editor.setMode(OriginEditor::Mode::RegExp);
        QCOMPARE(std::get<RegexPattern>(editor.value()).flags, QStringLiteral("i"));
    }

    void originEditorWarnsAboutStrings_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("warning");
        QTest::newRow("fine") << QStringLiteral("http://localhost:3000") << QString();
        QTest::newRow("wildcard") << QStringLiteral("*") << QString();
        QTest::newRow("trailing slash")
            << QStringLiteral("http://localhost:3000/") << QStringLiteral("ends with \"/\"");
        QTest::newRow("path") << QStringLiteral("https://example.com/app")
                              << QStringLiteral("has a path");
        QTest::newRow("no scheme")
            << QStringLiteral("localhost:3000") << QStringLiteral("has no scheme");
        QTest::newRow("comma list")
            << QStringLiteral("http://a.test,http://b.test") << QStringLiteral("comma-separated");
    }

    void originEditorWarnsAboutStrings()
    {
        QFETCH(QString, origin);
        QFETCH(QString, warning);
        OriginEditor editor;
        editor.show();
        typeInto(editor.stringEdit(), origin);
        QCOMPARE(editor.value(), CorsOrigin(origin));
        QCOMPARE(editor.warningLabel()->isVisibleTo(&editor), !warning.isEmpty());
        QVERIFY2(editor.warningLabel()->text().contains(warning),
            qPrintable(editor.warningLabel()->text()));
    }

    void highlighterFormatsKeywordsStringsAndComments()
    {
        JavaScriptEditor editor;
        editor.setPlainText(QStringLiteral("const s = 'x'; // note\n"
                                           "/* open\n"
                                           "close */ return /ab+c/i.test(`t`) + 42;"));
        const JavaScriptHighlighter *h = editor.highlighter();
        const QTextBlock first = editor.document()->firstBlock();
        using Kind = JavaScriptHighlighter::Kind;
        QCOMPARE(formatAt(first, 0), h->format(Kind::Keyword)); // const
        QCOMPARE(formatAt(first, 6), QTextCharFormat()); // s
        QCOMPARE(formatAt(first, 10), h->format(Kind::String)); // 'x'
        QCOMPARE(formatAt(first, 15), h->format(Kind::Comment)); // // note
        const QTextBlock second = first.next();
        QCOMPARE(formatAt(second, 3), h->format(Kind::Comment));
        const QTextBlock third = second.next();
        QCOMPARE(formatAt(third, 0), h->format(Kind::Comment)); // close */ continues the comment
        QCOMPARE(formatAt(third, 9), h->format(Kind::Keyword)); // return
        QCOMPARE(formatAt(third, 16), h->format(Kind::RegExp)); // /ab+c/i
        QCOMPARE(formatAt(third, 30), h->format(Kind::String)); // `t`
        QCOMPARE(formatAt(third, 37), h->format(Kind::Number)); // 42
        QVERIFY(h->format(Kind::Keyword).fontWeight() == QFont::Bold);

        // A dark palette gets lighter colours.
        QPalette dark;
        dark.setColor(QPalette::Base, Qt::black);
        const QColor lightKeyword = h->format(Kind::Keyword).foreground().color();
        editor.setPalette(dark);
        QVERIFY(
            h->format(Kind::Keyword).foreground().color().lightness() > lightKeyword.lightness());
    }

    void fitsTheWindowAndRendersEverything()
    {
        ProfileForm form;
        form.setProfile(everyField());
        const QSize minimum = form.minimumSizeHint();
        QVERIFY2(minimum.width() <= 1280 && minimum.height() <= 800,
            qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
        form.resize(1280, 800);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QDir().mkpath(QStringLiteral("screenshots"));
        for (int tab = 0; tab < form.tabs()->count(); ++tab) {
            form.tabs()->setCurrentIndex(tab);
            QVERIFY(form.grab().save(QStringLiteral("screenshots/profileform-tab%1.png").arg(tab)));
        }
    }
};

QTEST_MAIN(tst_ProfileForm)
#include "tst_profileform.moc"
