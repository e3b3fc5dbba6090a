#include "shareactions.h"

#include "i18n/languagemanager.h"
#include "mainwindow.h"
#include "run/reportdocument.h"
#include "timeline/sequencepainter.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepane.h"
#include "verdict/codewriter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSaveFile>
#include <QStatusBar>

#if __has_include("har/harwriter.h")
#include "har/harwriter.h"
#define CORSLAB_HAVE_HAR 1
#endif

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

void ShareActions::addHelpActions(QMenu *) { }

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
#ifdef CORSLAB_HAVE_HAR
    return saveBytes(path, HarWriter::toBytes({*m_window->lastResult()}), error);
#else
    Q_UNUSED(path);
    *error = tr("This build cannot write HAR files");
    return false;
#endif
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
