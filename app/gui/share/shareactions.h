// File → Import / Export and Help → Explain an error: what a user hands over (HAR, Markdown and
// HTML reports, the timeline as a picture, server and client code) and brings in (a HAR from their
// browser, their code, a console error). Each action has a function tests call directly; the
// menus only ask for a file name first.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

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

    // Tests answer the file dialogs through this: (title, filter, save?) → path or empty.
    void setFileQuestion(std::function<QString(const QString &, const QString &, bool)> ask)
    {
        m_askFile = std::move(ask);
    }

private:
    QString askFile(const QString &title, const QString &filter, bool save);
    void runExport(const QString &title, const QString &filter,
        const std::function<bool(const QString &, QString *)> &work);
    QString language() const;

    MainWindow *m_window;
    std::function<QString(const QString &, const QString &, bool)> m_askFile;
};

} // namespace corslab::gui
