// MainWindow: file handling (new, open, recent, examples, save, revert, drop, unsaved-changes
// prompt), the editor views, running (F5, auto re-run, stop), the verdict, serve mode and the View
// menu (language, theme, timeline table).
#include "mainwindow.h"

#include "editor/profileform.h"
#include "i18n/languagemanager.h"
#include "profile/profilefile.h"
#include "profile/profilewriter.h"
#include "run/testrun.h"
#include "server/embeddedserver.h"
#include "server/serverevent.h"
#include "share/shareactions.h"
#include "timeline/detailspane.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepane.h"
#include "verdict/appicon.h"
#include "verdict/codewriter.h"
#include "verdict/thememanager.h"
#include "verdict/verdictbanner.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace corslab {

namespace {
constexpr int MaxRecent = 8;
const QString RecentKey = QStringLiteral("recentFiles");

// What a drop may open: a profile by its MIME type (application/x-corslab-profile+json for
// *.corslab.json, registered by installer/linux when CorsLab is installed), by its name where that
// is not registered, or plain JSON (a profile may be saved as *.json).
bool isProfileFile(const QString &path)
{
    const QMimeType type = QMimeDatabase().mimeTypeForFile(path);
    return path.endsWith(QLatin1String(".corslab.json"), Qt::CaseInsensitive)
        || type.inherits(QStringLiteral("application/x-corslab-profile+json"))
        || type.inherits(QStringLiteral("application/json"));
}

QString droppedProfile(const QMimeData *data)
{
    if (!data->hasUrls() || !data->urls().constFirst().isLocalFile())
        return {};
    const QString path = data->urls().constFirst().toLocalFile();
    return isProfileFile(path) ? path : QString();
}

QString newProfileText()
{
    Profile p;
    p.name = MainWindow::tr("Untitled profile");
    p.description = MainWindow::tr("A page on http://localhost:3000 connecting to the embedded "
                                   "server");
    CorsOptions cors;
    cors.origin = QStringLiteral("http://localhost:3000");
    p.server.cors = cors;
    p.client.pageOrigin = QStringLiteral("http://localhost:3000");
    return QString::fromUtf8(ProfileWriter::toJson(p));
}

// "true", "\"text\"", "[2 items]" for the structure view.
QString summaryOf(const JsonNode &v)
{
    switch (v.type()) {
    case JsonNode::Type::Array:
        return MainWindow::tr("[%n item(s)]", nullptr, int(v.items().size()));
    case JsonNode::Type::Object:
        return {};
    default: {
        QByteArray text = JsonWriter::write(v).trimmed();
        if (text.size() > 120)
            text = text.left(117) + "...";
        return QString::fromUtf8(text);
    }
    }
}

void addNode(QTreeWidgetItem *parent, const QString &key, const JsonNode &value)
{
    auto *item = new QTreeWidgetItem(parent, {key, summaryOf(value)});
    if (value.isObject()) {
        for (const JsonNode::Member &m : value.members())
            addNode(item, m.key, m.value);
    } else if (value.isArray()) {
        for (std::size_t i = 0; i < value.items().size(); ++i) {
            if (value.items()[i].isObject() || value.items()[i].isArray())
                addNode(item, QStringLiteral("[%1]").arg(i), value.items()[i]);
        }
    }
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setAcceptDrops(true);
    resize(1280, 800);
    setWindowIcon(gui::applicationIcon());

    m_editor = new QPlainTextEdit;
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setAcceptDrops(false); // a dropped file opens in the window, not as text
    m_editor->setAccessibleName(tr("Profile text"));

    m_tree = new QTreeWidget;
    m_tree->setHeaderLabels({tr("Option"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Profile structure"));

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMargin(6);

    m_diagnostics = new QListWidget;
    m_diagnostics->setAccessibleName(tr("Problems"));
    connect(m_diagnostics, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int line = item->data(Qt::UserRole).toInt();
        const int column = item->data(Qt::UserRole + 1).toInt();
        if (line <= 0)
            return;
        QTextCursor cursor(m_editor->document()->findBlockByNumber(line - 1));
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMax(0, column - 1));
        m_editor->setTextCursor(cursor);
        m_editor->setFocus();
    });

    auto *structure = new QWidget;
    auto *structureLayout = new QVBoxLayout(structure);
    structureLayout->setContentsMargins(0, 0, 0, 0);
    structureLayout->addWidget(m_summary);
    structureLayout->addWidget(m_tree, 1);

    m_textSplitter = new QSplitter(Qt::Vertical);
    m_textSplitter->addWidget(m_editor);
    m_textSplitter->addWidget(m_diagnostics);
    m_textSplitter->setStretchFactor(0, 4);
    m_textSplitter->setStretchFactor(1, 1);

    m_form = new gui::ProfileForm;
    connect(m_form, &gui::ProfileForm::edited, this, [this] { m_formTimer->start(); });
    m_editorTabs = new QTabWidget;
    m_editorTabs->addTab(m_form, tr("Form"));
    m_editorTabs->addTab(m_textSplitter, tr("Text"));
    m_editorTabs->addTab(structure, tr("Summary"));

    m_timeline = new gui::TimelinePane;
    m_details = new gui::DetailsPane;
    connect(m_timeline, &gui::TimelinePane::eventSelected, this, [this](int row) {
        if (row < 0)
            m_details->clear();
        else
            m_details->showEvent(m_timeline->model(), row);
    });
    m_rightSplitter = new QSplitter(Qt::Vertical);
    m_rightSplitter->addWidget(m_timeline);
    m_rightSplitter->addWidget(m_details);
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 2);

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->addWidget(m_editorTabs);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);

    m_banner = new gui::VerdictBanner;
    connect(m_banner, &gui::VerdictBanner::applyFixRequested, this, &MainWindow::applyFix);
    connect(m_banner, &gui::VerdictBanner::copyServerCodeRequested, this, [this] {
        const Profile p = m_lastResult && m_lastResult->fix ? m_lastResult->fix->profile
            : m_current.profile                             ? *m_current.profile
                                                            : Profile();
        QApplication::clipboard()->setText(CodeWriter::serverCode(p));
        statusBar()->showMessage(tr("Server code copied"), 3000);
    });
    connect(m_banner, &gui::VerdictBanner::copyClientCodeRequested, this, [this] {
        const Profile p = m_lastResult && m_lastResult->fix ? m_lastResult->fix->profile
            : m_current.profile                             ? *m_current.profile
                                                            : Profile();
        QApplication::clipboard()->setText(CodeWriter::clientCode(p));
        statusBar()->showMessage(tr("Client code copied"), 3000);
    });
    m_banner->setChineseFirefox(gui::LanguageManager::currentCode() == QLatin1String("zh-CN"));

    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(4, 4, 4, 4);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);

    m_statusLabel = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 10);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_statusLabel);
    statusBar()->addPermanentWidget(m_progress);

    m_formTimer = new QTimer(this);
    m_formTimer->setSingleShot(true);
    m_formTimer->setInterval(300);
    connect(m_formTimer, &QTimer::timeout, this, &MainWindow::onFormEdited);
    m_autoRunTimer = new QTimer(this);
    m_autoRunTimer->setSingleShot(true);
    m_autoRunTimer->setInterval(600);
    connect(m_autoRunTimer, &QTimer::timeout, this, [this] {
        if (m_autoRun && m_current.profile && !isRunning())
            runNow();
    });

    m_reparseTimer = new QTimer(this);
    m_reparseTimer->setSingleShot(true);
    m_reparseTimer->setInterval(250);
    connect(m_reparseTimer, &QTimer::timeout, this, &MainWindow::reparse);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            m_reparseTimer->start();
    });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this,
        &MainWindow::setWindowModified);
    connect(gui::LanguageManager::instance(), &gui::LanguageManager::languageChanged, this, [this] {
        m_banner->setChineseFirefox(gui::LanguageManager::currentCode() == QLatin1String("zh-CN"));
    });

    m_share = new gui::ShareActions(this);
    createMenus();
    newProfile();
    restoreLayout();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, [this] {
        if (maybeSave())
            newProfile();
    });
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::openDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QMenu *examples = file->addMenu(tr("Open &Example"));
    for (const ExampleProfile &e : ProfileFile::examples()) {
        QAction *a = examples->addAction(e.name.isEmpty() ? e.fileName : e.name);
        a->setToolTip(e.description);
        a->setStatusTip(e.description);
        connect(a, &QAction::triggered, this, [this, path = e.resourcePath] {
            if (maybeSave())
                openFile(path);
        });
    }
    examples->setToolTipsVisible(true);
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As..."), QKeySequence::SaveAs, this, &MainWindow::saveAsDialog);
    file->addAction(tr("Re&vert"), this, &MainWindow::revert);
    file->addSeparator();
    m_share->addFileActions(file);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    updateRecentMenu();

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    m_runAction = run->addAction(tr("&Run"), QKeySequence(Qt::Key_F5), this, &MainWindow::runNow);
    m_runAction->setToolTip(tr("Run the profile: start the server, connect the page, judge (F5)"));
    m_stopAction = run->addAction(
        tr("&Stop"), QKeySequence(Qt::SHIFT | Qt::Key_F5), this, &MainWindow::stopRun);
    m_stopAction->setEnabled(isRunning());
    m_autoRunAction = run->addAction(tr("Re-run after &edits"));
    m_autoRunAction->setCheckable(true);
    m_autoRunAction->setChecked(m_autoRun);
    connect(m_autoRunAction, &QAction::toggled, this, &MainWindow::setAutoRun);
    run->addSeparator();
    m_serveAction = run->addAction(tr("&Keep server running"));
    m_serveAction->setCheckable(true);
    m_serveAction->setChecked(m_serveServer != nullptr);
    m_serveAction->setToolTip(
        tr("Serve the profile's server for a real web app and show its traffic"));
    connect(m_serveAction, &QAction::toggled, this, [this](bool on) {
        if (!setServing(on))
            m_serveAction->setChecked(false);
    });
    run->addAction(tr("&Apply fix"), this, &MainWindow::applyFix);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    if (m_timeline)
        view->addAction(m_timeline->toggleViewAction());
    QMenu *language = view->addMenu(tr("&Language"));
    gui::LanguageManager::instance()->addLanguageActions(language);
    QMenu *theme = view->addMenu(tr("&Theme"));
    gui::ThemeManager::instance()->addThemeActions(theme);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_share->addHelpActions(help);

    if (!m_toolBar) {
        m_toolBar = addToolBar(tr("Run"));
        m_toolBar->setObjectName(QStringLiteral("runToolBar"));
    }
    m_toolBar->clear();
    m_toolBar->setWindowTitle(tr("Run"));
    m_toolBar->addAction(m_runAction);
    m_toolBar->addAction(m_stopAction);
    m_toolBar->addAction(m_autoRunAction);
    m_toolBar->addAction(m_serveAction);
}

void MainWindow::retranslateUi()
{
    menuBar()->clear();
    createMenus();
    m_editorTabs->setTabText(0, tr("Form"));
    m_editorTabs->setTabText(1, tr("Text"));
    m_editorTabs->setTabText(2, tr("Summary"));
    m_tree->setHeaderLabels({tr("Option"), tr("Value")});
    reparse();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_editorTabs)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    if (settings.contains(QStringLiteral("geometry")))
        restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("mainSplitter")).toByteArray());
    m_rightSplitter->restoreState(settings.value(QStringLiteral("rightSplitter")).toByteArray());
    m_textSplitter->restoreState(settings.value(QStringLiteral("textSplitter")).toByteArray());
    m_editorTabs->setCurrentIndex(settings.value(QStringLiteral("editorTab"), 0).toInt());
    m_timeline->setTableShown(settings.value(QStringLiteral("timelineTable"), false).toBool());
    setAutoRun(settings.value(QStringLiteral("autoRun"), true).toBool());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("rightSplitter"), m_rightSplitter->saveState());
    settings.setValue(QStringLiteral("textSplitter"), m_textSplitter->saveState());
    settings.setValue(QStringLiteral("editorTab"), m_editorTabs->currentIndex());
    settings.setValue(QStringLiteral("timelineTable"), m_timeline->isTableShown());
    settings.setValue(QStringLiteral("autoRun"), m_autoRun);
}

void MainWindow::setAutoRun(bool on)
{
    m_autoRun = on;
    if (m_autoRunAction && m_autoRunAction->isChecked() != on)
        m_autoRunAction->setChecked(on);
    if (!on)
        m_autoRunTimer->stop();
}

bool MainWindow::isRunning() const
{
    return m_run && m_run->isRunning();
}

bool MainWindow::mayRunFunctions(const Profile &profile)
{
    if (m_functionsTrusted || !profile.containsFunctions())
        return true;
    // The code that would run, shown before it runs (DESIGN §5).
    QStringList code;
    if (profile.server.cors)
        if (const auto *fn = std::get_if<ScriptFunction>(&profile.server.cors->origin))
            code << QStringLiteral("cors.origin = ") + fn->source;
    if (profile.server.allowRequest)
        code << QStringLiteral("allowRequest = ") + profile.server.allowRequest->source;
    for (const NamespaceConfig &ns : profile.server.namespaces)
        if (ns.middleware)
            code << QStringLiteral("io.of(\"%1\").use(%2)").arg(ns.name, ns.middleware->source);
    const QString all = code.join(QStringLiteral("\n\n"));
    bool yes = false;
    if (m_askToRunFunctions) {
        yes = m_askToRunFunctions(all);
    } else {
        QMessageBox box(QMessageBox::Question, tr("Run this profile's code?"),
            tr("This profile contains JavaScript that CorsLab will run in its sandbox (no file or "
               "network access, 1 s time limit). Look at it before running it."),
            QMessageBox::Yes | QMessageBox::No, this);
        box.setDetailedText(all);
        box.setDefaultButton(QMessageBox::No);
        yes = box.exec() == QMessageBox::Yes;
    }
    m_functionsTrusted = yes;
    return yes;
}

void MainWindow::runNow()
{
    m_autoRunTimer->stop();
    if (!m_current.profile) {
        statusBar()->showMessage(tr("The profile has errors: fix them before running"), 5000);
        return;
    }
    const Profile profile = *m_current.profile;
    if (!mayRunFunctions(profile)) {
        statusBar()->showMessage(tr("Not run: the profile's code was not accepted"), 5000);
        return;
    }
    stopRun();
    m_lastRunProfile = ProfileWriter::toJson(profile);
    m_timeline->model()->clear();
    m_details->clear();
    m_banner->showRunning(profile.name);
    m_progress->show();
    m_statusLabel->setText(tr("Running…"));
    m_run = new TestRun(profile, RunOptions {}, this);
    m_run->setProfilePath(m_filePath);
    connect(m_run, &TestRun::eventRecorded, this,
        [this](const TimelineEvent &e) { m_timeline->model()->append(e); });
    connect(m_run, &TestRun::finished, this, &MainWindow::onRunFinished);
    m_stopAction->setEnabled(true);
    m_run->start();
}

void MainWindow::stopRun()
{
    if (!m_run)
        return;
    TestRun *run = m_run;
    m_run = nullptr;
    run->disconnect(this);
    if (run->isRunning())
        run->cancel();
    run->deleteLater();
    m_progress->hide();
    m_stopAction->setEnabled(false);
    m_statusLabel->setText(tr("Stopped"));
    if (!m_lastResult)
        m_banner->showIdle();
}

void MainWindow::onRunFinished()
{
    if (!m_run)
        return;
    const RunResult result = m_run->result();
    m_run->deleteLater();
    m_run = nullptr;
    showResult(result, true);
    m_statusLabel->setText(
        tr("%1 in %2 ms").arg(verdictName(result.verdict.verdict)).arg(result.wallUs / 1000));
    emit runFinished();
}

void MainWindow::showResult(const RunResult &result, bool streamed)
{
    m_lastResult = result;
    // The events streamed in while the run went on; only the checks they point at are new (a reset
    // of the whole model would cost a 100,000-event run its selection and ~40 ms).
    if (streamed && m_timeline->model()->rowCount() == m_lastResult->events.size())
        m_timeline->model()->setChecks(m_lastResult->checks);
    else
        m_timeline->model()->setRun(*m_lastResult);
    m_banner->showResult(*m_lastResult);
    // Show the details of what decided the verdict: the failing CORS check, else the last page
    // event.
    int focus = -1;
    const QList<TimelineEvent> &events = m_lastResult->events;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const TimelineEvent &e = events.at(i);
        if (m_lastResult->verdict.failedCheck >= 0 && e.kind == TimelineKind::Check
            && e.checkIndex == m_lastResult->verdict.failedCheck)
            focus = int(i);
        else if (m_lastResult->verdict.failedCheck < 0 && e.kind == TimelineKind::PageEvent
            && (focus < 0 || e.step == TimelineStep::Connect))
            focus = int(i);
    }
    if (focus >= 0)
        m_timeline->selectSourceRow(focus);
    m_progress->hide();
    m_stopAction->setEnabled(false);
}

bool MainWindow::applyFix()
{
    if (!m_lastResult || !m_lastResult->fix) {
        statusBar()->showMessage(tr("No proven fix to apply"), 4000);
        return false;
    }
    Profile fixed = m_lastResult->fix->profile;
    // The profile described the problem; with the fix it is expected to connect.
    if (fixed.expect) {
        fixed.expect->verdict = Verdict::Connected;
        fixed.expect->reason.clear();
    }
    replaceText(QString::fromUtf8(ProfileWriter::toJson(fixed)));
    reparse();
    statusBar()->showMessage(tr("Fix applied: %1 (Edit → Undo in the text restores it)")
                                 .arg(gui::LanguageManager::currentCode() == QLatin1String("zh-CN")
                                         ? m_lastResult->fix->titleZh
                                         : m_lastResult->fix->title),
        8000);
    runNow();
    return true;
}

void MainWindow::replaceText(const QString &text)
{
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
}

void MainWindow::onFormEdited()
{
    if (!m_current.profile && m_current.hasErrors())
        return;
    const QString text = QString::fromUtf8(ProfileWriter::toJson(m_form->profile()));
    if (text == this->text())
        return;
    m_fromForm = true;
    replaceText(text);
    reparse();
    m_fromForm = false;
}

void MainWindow::revert()
{
    if (m_filePath.isEmpty())
        return;
    if (m_editor->document()->isModified()) {
        const auto answer = m_askToSave ? QMessageBox::Discard
                                        : QMessageBox::question(this, tr("Revert"),
                                            tr("Discard your changes and reload the file?"),
                                            QMessageBox::Discard | QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    openFile(m_filePath);
}

bool MainWindow::setServing(bool on)
{
    if (!on) {
        if (m_serveServer) {
            m_serveServer->close();
            m_serveServer->deleteLater();
            m_serveServer = nullptr;
        }
        m_statusLabel->setText(tr("Server stopped"));
        return true;
    }
    if (!m_current.profile) {
        statusBar()->showMessage(tr("The profile has errors: fix them before serving"), 5000);
        return false;
    }
    if (!mayRunFunctions(*m_current.profile))
        return false;
    setServing(false);
    m_serveServer = new EmbeddedServer(m_current.profile->server, this);
    connect(m_serveServer, &EmbeddedServer::eventRecorded, this, &MainWindow::onServeEvent);
    QString error;
    if (!m_serveServer->listen(&error)) {
        statusBar()->showMessage(tr("The server could not start: %1").arg(error), 8000);
        delete m_serveServer;
        m_serveServer = nullptr;
        return false;
    }
    m_timeline->model()->clear();
    m_statusLabel->setText(
        tr("Serving at %1 — connect a real page with io(\"%1\")").arg(servingUrl()));
    return true;
}

QString MainWindow::servingUrl() const
{
    return m_serveServer ? m_serveServer->publicUrl().toString() : QString();
}

void MainWindow::onServeEvent(const ServerEvent &event)
{
    if (event.kind == ServerEvent::Kind::Listening)
        return;
    TimelineEvent e = timelineEventFromServer(event);
    e.seq = m_timeline->model()->rowCount() + 1;
    e.timeUs = event.elapsedMs * 1000;
    m_timeline->model()->append(e);
}

QString MainWindow::text() const
{
    return m_editor->toPlainText();
}

void MainWindow::setText(const QString &text)
{
    m_editor->setPlainText(text);
    m_editor->document()->setModified(true);
    reparse();
}

void MainWindow::loadBytes(const QByteArray &bytes, const QString &path)
{
    if (m_run)
        stopRun();
    m_lastResult.reset();
    m_lastRunProfile.clear();
    if (m_banner) {
        m_banner->showIdle();
        m_timeline->model()->clear();
        m_details->clear();
    }
    m_loading = true;
    m_filePath = path;
    m_editor->setPlainText(QString::fromUtf8(bytes));
    m_editor->document()->setModified(false);
    m_loading = false;
    // Examples and new profiles run at once; a file from elsewhere with functions shows its code
    // and runs only when the user agrees.
    const ProfileLoadResult parsed = ProfileReader::read(bytes);
    m_functionsTrusted = path.isEmpty() || path.startsWith(QLatin1String(":/")) || !parsed.profile
        || !parsed.profile->containsFunctions();
    reparse();
}

void MainWindow::newProfile()
{
    loadBytes(newProfileText().toUtf8(), QString());
}

bool MainWindow::openFile(const QString &path)
{
    const ProfileFileResult result = ProfileFile::load(path);
    if (result.bytes.isEmpty() && result.load.hasErrors()) {
        const QString message = result.load.diagnostics.first().toString(path);
        statusBar()->showMessage(message);
        if (!m_askToSave)
            QMessageBox::warning(this, tr("Cannot open profile"), message);
        return false;
    }
    loadBytes(result.bytes, path);
    if (!isExample())
        addRecent(path);
    statusBar()->showMessage(isExample() ? tr("Opened the example %1; Save As keeps your own copy")
                                               .arg(QFileInfo(path).fileName())
                                         : tr("Opened %1").arg(QDir::toNativeSeparators(path)),
        6000);
    return true;
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open profile"), QString(),
        tr("CorsLab profiles (*.corslab.json);;JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    if (m_filePath.isEmpty() || isExample())
        return saveAsDialog();
    return saveAs(m_filePath);
}

bool MainWindow::saveAs(const QString &path)
{
    // What the user wrote is saved as written, even while it has errors: nothing typed is lost.
    const SaveResult result = ProfileFile::save(path, text().toUtf8());
    if (!result.ok) {
        statusBar()->showMessage(result.error);
        if (!m_askToSave)
            QMessageBox::warning(this, tr("Cannot save profile"), result.error);
        return false;
    }
    m_filePath = path;
    m_editor->document()->setModified(false);
    addRecent(path);
    updateTitle();
    const int errors = errorCount(m_current.diagnostics);
    statusBar()->showMessage(errors ? tr("Saved %1 (it still has %n error(s))", nullptr, errors)
                                          .arg(QDir::toNativeSeparators(path))
                                    : tr("Saved %1").arg(QDir::toNativeSeparators(path)),
        4000);
    return true;
}

bool MainWindow::saveAsDialog()
{
    QString suggested = m_filePath;
    if (suggested.isEmpty() || isExample()) {
        const QString base = isExample() ? QFileInfo(m_filePath).fileName()
                                         : QStringLiteral("profile.corslab.json");
        suggested = QDir::home().filePath(base);
    }
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save profile"), suggested, tr("CorsLab profiles (*.corslab.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QStringLiteral(".corslab.json");
    return saveAs(path);
}

bool MainWindow::maybeSave()
{
    if (!m_editor->document()->isModified())
        return true;
    const QMessageBox::StandardButton answer = m_askToSave
        ? m_askToSave()
        : QMessageBox::warning(this, tr("Unsaved changes"),
            tr("The profile has been modified.\nDo you want to save your "
               "changes?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave()) {
        saveLayout();
        stopRun();
        setServing(false);
        event->accept();
    } else
        event->ignore();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedProfile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedProfile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    if (maybeSave())
        openFile(path);
}

void MainWindow::reparse()
{
    m_current = ProfileReader::read(text().toUtf8());
    m_diagnostics->clear();
    const QString name = m_filePath.isEmpty() ? tr("untitled") : QFileInfo(m_filePath).fileName();
    for (const Diagnostic &d : m_current.diagnostics) {
        auto *item = new QListWidgetItem(d.toString(name), m_diagnostics);
        item->setIcon(style()->standardIcon(
            d.isError() ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
        item->setData(Qt::UserRole, d.position.line);
        item->setData(Qt::UserRole + 1, d.position.column);
    }
    if (m_current.diagnostics.isEmpty())
        new QListWidgetItem(tr("No problems found."), m_diagnostics);
    showProfileTree();
    updateTitle();
    if (m_current.profile && !m_fromForm)
        m_form->setProfile(*m_current.profile);
    m_form->setEnabled(m_current.profile.has_value());
    m_form->setDiagnostics(m_current.diagnostics);
    // Auto re-run after an edit that changed what would run.
    if (m_autoRun && m_current.profile && !m_loading
        && ProfileWriter::toJson(*m_current.profile) != m_lastRunProfile
        && (m_functionsTrusted || !m_current.profile->containsFunctions()))
        m_autoRunTimer->start();
}

void MainWindow::showProfileTree()
{
    m_tree->clear();
    if (!m_current.profile) {
        m_summary->setText(tr("<b>This profile has %n error(s).</b> Fix them in the text on the "
                              "right; the list below it says where.",
            nullptr, errorCount(m_current.diagnostics)));
        return;
    }
    const Profile &p = *m_current.profile;
    const QString browser = browserName(p.client.browser);
    QString summary = QStringLiteral("<b>%1</b>").arg(p.name.toHtmlEscaped());
    if (!p.description.isEmpty())
        summary += QStringLiteral("<br>%1").arg(p.description.toHtmlEscaped());
    summary += QStringLiteral("<br>")
        + tr("Page %1 → %2 server, as %3")
              .arg(p.client.pageOrigin.toHtmlEscaped(), p.client.url.toHtmlEscaped(), browser);
    if (p.expect)
        summary += QStringLiteral("<br>")
            + tr("Expected: %1")
                  .arg(verdictName(p.expect->verdict)
                      + (p.expect->reason.isEmpty() ? QString()
                                                    : QStringLiteral(" (")
                                  + p.expect->reason.toHtmlEscaped() + QLatin1Char(')')));
    m_summary->setText(summary);
    const JsonNode root = ProfileWriter::toJsonNode(p);
    for (const char *section : {"server", "client", "expect"}) {
        const QString key = QString::fromLatin1(section);
        auto *item = new QTreeWidgetItem(m_tree, {key});
        if (const JsonNode *v = root.find(key))
            for (const JsonNode::Member &m : v->members())
                addNode(item, m.key, m.value);
        if (key == QLatin1String("server") && item->childCount() == 0)
            item->setText(1, tr("all Socket.IO defaults (no CORS headers)"));
        item->setExpanded(true);
    }
    m_tree->expandAll();
}

void MainWindow::updateTitle()
{
    QString name = m_current.profile ? m_current.profile->name : QString();
    if (name.isEmpty())
        name = m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
    QString title = name;
    if (!m_filePath.isEmpty() && !isExample())
        title += QStringLiteral(" (%1)").arg(QFileInfo(m_filePath).fileName());
    else if (isExample())
        title += tr(" (example)");
    setWindowTitle(title + QStringLiteral("[*] — CorsLab"));
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(RecentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecent)
        recent.removeLast();
    settings.setValue(RecentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(RecentKey).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace corslab
