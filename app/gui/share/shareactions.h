// File → Import / Export and Help → Explain an error: what a user hands over (HAR, Markdown and
// HTML reports, the timeline as a picture, server and client code) and brings in (a HAR from their
// browser, their code, a console error). Each action has a function tests call directly; the
// menus only ask for a file name first.
#pragma once

#include "explain/errorexplainer.h"
#include "har/harimport.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QMenu;

namespace corslab {
class MainWindow;
}

namespace corslab::gui {

class ShareActions : public QObject {
    Q_OBJECT

public:
    explicit ShareActions(MainWindow *window);

    // Adds Import and Export submenus to File, and Explain an error to Help (menus are rebuilt
    // on a language change, so these are called again).
    void addFileActions(QMenu *file);
    void addHelpActions(QMenu *help);

    enum class Code { ServerEsm, ServerCommonJs, Client };

    // The last run (or imported HAR) written out; false with *error set when there is none or the
    // file cannot be written. A report is Markdown or HTML by the file's suffix.
    bool exportReport(const QString &path, QString *error);
    bool exportPicture(const QString &path, QString *error);
    bool exportHar(const QString &path, QString *error);
    // The current profile as code.
    bool exportCode(const QString &path, Code code, QString *error);

    // A HAR from the user's browser: its Socket.IO exchanges judged again, shown as the last
    // run; false with *error set (bad file, no Socket.IO in it). The import runs off the UI
    // thread; finished is emitted when it is shown. lastHarImport() keeps what was inferred.
    void importHar(const QString &path);
    bool importHarNow(const QString &path, QString *error); // the same, blocking (tests)
    const HarImportResult *lastHarImport() const { return m_harImport.get(); }
    // The profile inferred from the last imported HAR becomes a new, unsaved document.
    bool createProfileFromHar(QString *error);
    // Server and/or client code → the current profile's fields (one undoable edit); the
    // diagnostics (line, column, message) come back in *diagnostics.
    bool importCode(const QString &serverCode, const QString &clientCode, QStringList *diagnostics);
    // A pasted console error explained; with run set, its reproducing profile becomes a new
    // document and runs (the banner then shows the verdict and the proven fix).
    Explanation explain(const QString &text, bool run);

    // Tests answer the file dialogs through this: (title, filter, save?) → path or empty.
    void setFileQuestion(std::function<QString(const QString &, const QString &, bool)> ask)
    {
        m_askFile = std::move(ask);
    }

signals:
    void harImported(bool ok, const QString &message);

private:
    void addImportActions(QMenu *file);
    void showHarImport(const HarImportResult &result);
    void codeDialog();
    void explainDialog();
    QString askFile(const QString &title, const QString &filter, bool save);
    void runExport(const QString &title, const QString &filter,
        const std::function<bool(const QString &, QString *)> &work);
    QString language() const;

    MainWindow *m_window;
    std::shared_ptr<HarImportResult> m_harImport;
    bool m_importing = false;
    std::function<QString(const QString &, const QString &, bool)> m_askFile;
};

} // namespace corslab::gui
