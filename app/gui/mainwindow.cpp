// MainWindow: file handling (new, open, recent, examples, save, drop, unsaved-changes prompt) and
// views.
#include "mainwindow.h"

#include "profile/profilefile.h"
#include "profile/profilewriter.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
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
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBlock>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace corslab {

namespace {
constexpr int MaxRecent = 8;
const QString RecentKey = QStringLiteral("recentFiles");

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
    resize(1100, 720);

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

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_tree, 1);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_editor);
    right->addWidget(m_diagnostics);
    right->setStretchFactor(0, 4);
    right->setStretchFactor(1, 1);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

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

    createMenus();
    newProfile();
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
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    updateRecentMenu();
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
    m_loading = true;
    m_filePath = path;
    m_editor->setPlainText(QString::fromUtf8(bytes));
    m_editor->document()->setModified(false);
    m_loading = false;
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
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = event->mimeData()->urls().first().toLocalFile();
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
