#include "shareactions.h"

#include "har/harwriter.h"
#include "i18n/languagemanager.h"
#include "mainwindow.h"
#include "run/reportdocument.h"
#include "timeline/sequencepainter.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepane.h"
#include "verdict/codewriter.h"

#include "codeimport/codeimport.h"
#include "editor/javascripteditor.h"
#include "profile/profilewriter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QThread>
#include <QVBoxLayout>

namespace corslab::gui {

namespace {

bool saveBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QCoreApplication::translate("corslab::gui::ShareActions", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

ShareActions::ShareActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{ }

QString ShareActions::language() const
{
    return LanguageManager::current() == LanguageManager::Language::SimplifiedChinese
        ? QStringLiteral("zh-CN")
        : QStringLiteral("en");
}

QString ShareActions::askFile(const QString &title, const QString &filter, bool save)
{
    if (m_askFile)
        return m_askFile(title, filter, save);
    return save ? QFileDialog::getSaveFileName(m_window, title, QString(), filter)
                : QFileDialog::getOpenFileName(m_window, title, QString(), filter);
}

void ShareActions::runExport(const QString &title, const QString &filter,
    const std::function<bool(const QString &, QString *)> &work)
{
    const QString path = askFile(title, filter, true);
    if (path.isEmpty())
        return;
    QString error;
    if (work(path, &error))
        m_window->statusBar()->showMessage(
            tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    else
        m_window->statusBar()->showMessage(error, 10000);
}

void ShareActions::addFileActions(QMenu *file)
{
    addImportActions(file);
    QMenu *exportMenu = file->addMenu(tr("E&xport"));
    exportMenu->addAction(tr("Report as &Markdown..."), this, [this] {
        runExport(tr("Export a Markdown report"), tr("Markdown (*.md)"),
            [this](const QString &p, QString *e) { return exportReport(p, e); });
    });
    exportMenu->addAction(tr("Report as &HTML page..."), this, [this] {
        runExport(tr("Export an HTML report"), tr("HTML page (*.html)"),
            [this](const QString &p, QString *e) { return exportReport(p, e); });
    });
    exportMenu->addAction(tr("Timeline as &picture (PNG)..."), this, [this] {
        runExport(tr("Export the timeline as a picture"), tr("PNG image (*.png)"),
            [this](const QString &p, QString *e) { return exportPicture(p, e); });
    });
    exportMenu->addAction(tr("&HAR (HTTP Archive)..."), this, [this] {
        runExport(tr("Export the exchanges as HAR"), tr("HTTP Archive (*.har)"),
            [this](const QString &p, QString *e) { return exportHar(p, e); });
    });
    exportMenu->addSeparator();
    exportMenu->addAction(tr("&Server code (ES module)..."), this, [this] {
        runExport(tr("Export the server code"), tr("JavaScript (*.mjs *.js)"),
            [this](const QString &p, QString *e) { return exportCode(p, Code::ServerEsm, e); });
    });
    exportMenu->addAction(tr("Server code (&CommonJS)..."), this, [this] {
        runExport(tr("Export the server code"), tr("JavaScript (*.cjs *.js)"),
            [this](
                const QString &p, QString *e) { return exportCode(p, Code::ServerCommonJs, e); });
    });
    exportMenu->addAction(tr("C&lient code..."), this, [this] {
        runExport(tr("Export the client code"), tr("JavaScript (*.js *.mjs)"),
            [this](const QString &p, QString *e) { return exportCode(p, Code::Client, e); });
    });
}

void ShareActions::addHelpActions(QMenu *help)
{
    help->addAction(tr("&Explain an error..."), this, &ShareActions::explainDialog)
        ->setToolTip(tr("Paste a CORS error from Chrome's or Firefox's console: CorsLab says what "
                        "it means, reproduces it and finds the fix"));
}

void ShareActions::addImportActions(QMenu *file)
{
    QMenu *importMenu = file->addMenu(tr("&Import"));
    importMenu->addAction(tr("&HAR from your browser..."), this, [this] {
        const QString path = askFile(tr("Import a HAR (Save all as HAR in Chrome or Firefox)"),
            tr("HTTP Archive (*.har *.json)"), false);
        if (!path.isEmpty())
            importHar(path);
    });
    QAction *create = importMenu->addAction(tr("&Profile from the imported HAR"), this, [this] {
        QString error;
        if (!createProfileFromHar(&error) && !error.isEmpty())
            m_window->statusBar()->showMessage(error, 8000);
    });
    create->setEnabled(m_harImport != nullptr);
    connect(this, &ShareActions::harImported, create, [create](bool ok) {
        if (ok)
            create->setEnabled(true);
    });
    importMenu->addAction(tr("Server and client &code..."), this, &ShareActions::codeDialog);
}

void ShareActions::importHar(const QString &path)
{
    if (m_importing) {
        m_window->statusBar()->showMessage(tr("A HAR is being imported already"), 4000);
        return;
    }
    // Never read a huge file whole: the reader refuses more than it can judge anyway.
    const QFileInfo info(path);
    if (info.size() > HarReader::MaxBytes) {
        const QString message = tr("%1 is %2 MB; a HAR larger than %3 MB is not imported")
                                    .arg(QDir::toNativeSeparators(path))
                                    .arg(info.size() / (1024 * 1024))
                                    .arg(HarReader::MaxBytes / (1024 * 1024));
        m_window->statusBar()->showMessage(message, 10000);
        emit harImported(false, message);
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString message
            = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        m_window->statusBar()->showMessage(message, 10000);
        emit harImported(false, message);
        return;
    }
    const QByteArray bytes = file.readAll();
    HarImportOptions options;
    options.sourceName = info.fileName();
    m_importing = true;
    m_window->statusBar()->showMessage(tr("Importing %1...").arg(info.fileName()));
    // Parsing and judging a large HAR takes a while: off the UI thread, which stays responsive.
    auto result = std::make_shared<HarImportResult>();
    QThread *worker = QThread::create(
        [bytes, options, result] { *result = HarImport::fromBytes(bytes, options); });
    connect(worker, &QThread::finished, this, [this, worker, result] {
        worker->deleteLater();
        m_importing = false;
        if (result->error.isEmpty())
            m_harImport = result;
        showHarImport(*result);
    });
    worker->start();
}

bool ShareActions::importHarNow(const QString &path, QString *error)
{
    bool ok = false;
    QEventLoop loop;
    const auto c = connect(
        this, &ShareActions::harImported, &loop, [&](bool success, const QString &message) {
            ok = success;
            *error = message;
            loop.quit();
        });
    importHar(path);
    if (m_importing)
        loop.exec();
    disconnect(c);
    return ok;
}

void ShareActions::showHarImport(const HarImportResult &result)
{
    if (!result.error.isEmpty()) {
        m_window->statusBar()->showMessage(result.error, 10000);
        emit harImported(false, result.error);
        return;
    }
    m_window->showResult(result.run);
    const QString message
        = tr("Imported %1 Socket.IO requests of %2 entries, judged in %3's rules: %4")
              .arg(result.socketIoEntries)
              .arg(result.totalEntries)
              .arg(browserName(result.run.browser), verdictName(result.run.verdict.verdict));
    m_window->statusBar()->showMessage(message, 10000);
    emit harImported(true, message);
}

bool ShareActions::createProfileFromHar(QString *error)
{
    if (!m_harImport) {
        *error = tr("Import a HAR first (File → Import → HAR from your browser)");
        return false;
    }
    if (!m_window->maybeSave()) {
        error->clear();
        return false;
    }
    m_window->newProfile();
    m_window->setText(QString::fromUtf8(ProfileWriter::toJson(m_harImport->profile)));
    m_window->statusBar()->showMessage(
        tr("Profile inferred from the HAR: run it (F5) to reproduce the problem and prove a fix"),
        8000);
    return true;
}

bool ShareActions::importCode(
    const QString &serverCode, const QString &clientCode, QStringList *diagnostics)
{
    diagnostics->clear();
    if (serverCode.trimmed().isEmpty() && clientCode.trimmed().isEmpty()) {
        *diagnostics << tr("Paste server code, client code or both");
        return false;
    }
    const CodeImportResult r
        = CodeImport::fromCode(serverCode, clientCode, m_window->current().profile);
    for (const CodeDiagnostic &d : r.diagnostics)
        *diagnostics << d.toString(
            d.side == CodeSide::Server ? QStringLiteral("server.js") : QStringLiteral("client.js"));
    if (!r.profile)
        return false;
    m_window->replaceProfileText(QString::fromUtf8(ProfileWriter::toJson(*r.profile)));
    m_window->statusBar()->showMessage(
        tr("Profile updated from the code (Edit → Undo in the text restores it)"), 8000);
    return true;
}

void ShareActions::codeDialog()
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Import server and client code"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(tr("Paste the code that creates your Socket.IO server (new "
                                "Server(httpServer, {...}), require(\"socket.io\")(server, "
                                "{...}), io.use(...)) and the code that connects the page "
                                "(io(\"https://...\", {...})). It is evaluated in a sandbox "
                                "without network or files; functions are kept as source."),
        &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *splitter = new QSplitter(Qt::Horizontal, &dialog);
    const auto pane = [splitter](const QString &title, const QString &code) {
        auto *box = new QWidget(splitter);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->addWidget(new QLabel(title, box));
        auto *editor = new JavaScriptEditor(box);
        editor->setPlainText(code);
        editor->setVisibleLines(18);
        v->addWidget(editor);
        return editor;
    };
    const std::optional<Profile> &current = m_window->current().profile;
    JavaScriptEditor *server
        = pane(tr("Server code"), current ? CodeWriter::serverCode(*current) : QString());
    server->setObjectName(QStringLiteral("serverCode"));
    JavaScriptEditor *client
        = pane(tr("Client code"), current ? CodeWriter::clientCode(*current) : QString());
    client->setObjectName(QStringLiteral("clientCode"));
    layout->addWidget(splitter, 1);
    auto *problems = new QListWidget(&dialog);
    problems->setMaximumHeight(problems->fontMetrics().height() * 6);
    problems->hide();
    layout->addWidget(problems);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton *importButton
        = buttons->addButton(tr("Import into the profile"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(importButton, &QPushButton::clicked, &dialog, [&] {
        QStringList diagnostics;
        const bool ok = importCode(server->toPlainText(), client->toPlainText(), &diagnostics);
        problems->clear();
        problems->addItems(diagnostics);
        problems->setVisible(!diagnostics.isEmpty());
        if (ok && diagnostics.isEmpty())
            dialog.accept();
        else if (ok)
            buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    });
    dialog.resize(m_window->size() * 0.8);
    dialog.exec();
}

Explanation ShareActions::explain(const QString &text, bool run)
{
    Explanation e = ErrorExplainer::explain(text);
    if (run && e.profile && m_window->maybeSave()) {
        m_window->newProfile();
        m_window->setText(QString::fromUtf8(ProfileWriter::toJson(*e.profile)));
        m_window->runNow();
    }
    return e;
}

void ShareActions::explainDialog()
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Explain an error"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *input = new QPlainTextEdit(&dialog);
    input->setPlaceholderText(tr("Paste what Chrome's or Firefox's console printed (English or "
                                 "Chinese), or the connect_error message your page logged"));
    layout->addWidget(input, 1);
    auto *output = new QPlainTextEdit(&dialog);
    output->setReadOnly(true);
    layout->addWidget(output, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QPushButton *explainButton = buttons->addButton(tr("Explain"), QDialogButtonBox::ActionRole);
    QPushButton *reproduce
        = buttons->addButton(tr("Reproduce and find the fix"), QDialogButtonBox::AcceptRole);
    reproduce->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(explainButton, &QPushButton::clicked, &dialog, [&] {
        const Explanation e = explain(input->toPlainText(), false);
        output->setPlainText(e.error.isEmpty() ? e.toText(language()) : e.error);
        reproduce->setEnabled(e.profile.has_value());
    });
    connect(reproduce, &QPushButton::clicked, &dialog, [&] {
        dialog.accept();
        explain(input->toPlainText(), true);
    });
    dialog.resize(m_window->size() * 0.7);
    dialog.exec();
}

bool ShareActions::exportReport(const QString &path, QString *error)
{
    if (!m_window->lastResult()) {
        *error = tr("Nothing to export yet: run the profile first");
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    QString text;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        QList<QByteArray> pictures;
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        const QImage image = SequencePainter::render(m_window->timeline()->model(), QString(), 1280,
            m_window->font(), m_window->palette(), 1.0);
        if (image.save(&buffer, "PNG"))
            pictures << png;
        text = ReportDocument::html({*m_window->lastResult()}, language(), pictures);
    } else if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown")) {
        text = ReportDocument::markdown({*m_window->lastResult()}, language());
    } else {
        *error = tr("A report's name ends in .md (Markdown) or .html (a page)");
        return false;
    }
    return saveBytes(path, text.toUtf8(), error);
}

bool ShareActions::exportPicture(const QString &path, QString *error)
{
    if (!m_window->lastResult()) {
        *error = tr("Nothing to export yet: run the profile first");
        return false;
    }
    const RunResult &r = *m_window->lastResult();
    const QString title
        = QStringLiteral("%1 — %2 — %3%4")
              .arg(r.profile.name.isEmpty() ? r.profilePath : r.profile.name,
                  browserName(r.browser), verdictName(r.verdict.verdict).toUpper(),
                  r.verdict.reason.isEmpty() ? QString()
                                             : QStringLiteral(" (%1)").arg(r.verdict.reason));
    // The whole run as the timeline draws it, at the screen's sharpness.
    const QImage image = SequencePainter::render(m_window->timeline()->model(), title,
        qMax(960, m_window->timeline()->width()), m_window->font(), m_window->palette(),
        m_window->devicePixelRatioF());
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG")) {
        *error = tr("The picture could not be drawn");
        return false;
    }
    return saveBytes(path, png, error);
}

bool ShareActions::exportHar(const QString &path, QString *error)
{
    if (!m_window->lastResult()) {
        *error = tr("Nothing to export yet: run the profile first");
        return false;
    }
    return saveBytes(path, HarWriter::toBytes({*m_window->lastResult()}), error);
}

bool ShareActions::exportCode(const QString &path, Code code, QString *error)
{
    if (!m_window->current().profile) {
        *error = tr("The profile has errors: fix them before exporting code");
        return false;
    }
    const Profile &p = *m_window->current().profile;
    const QString text = code == Code::Client ? CodeWriter::clientCode(p)
        : code == Code::ServerCommonJs        ? CodeWriter::serverCode(p, CodeStyle::CommonJs)
                                              : CodeWriter::serverCode(p, CodeStyle::Esm);
    return saveBytes(path, text.toUtf8(), error);
}

} // namespace corslab::gui
