// The main window: the profile (form, text, structure, diagnostics), the verdict banner, the run's
// timeline and the details of the selected event; File, Run and View menus.
#pragma once

#include "profile/profilereader.h"
#include "run/runresult.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QTimer;
class QTreeWidget;
class QTabWidget;
class QSplitter;
class QAction;
class QProgressBar;
class QToolBar;

namespace corslab {

class TestRun;
class EmbeddedServer;
struct ServerEvent;

namespace gui {
class DetailsPane;
class ProfileForm;
class ShareActions;
class TimelinePane;
class VerdictBanner;
} // namespace gui

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens a profile file or a ":/" example; false (with a message in the status bar) on failure.
    bool openFile(const QString &path);
    void newProfile();
    bool save();
    bool saveAs(const QString &path);

    QString filePath() const { return m_filePath; }
    QString text() const;
    void setText(const QString &text); // as if the user typed it: marks the window modified
    // Replaces the whole profile text as one undoable edit (Edit → Undo restores it).
    void replaceProfileText(const QString &text)
    {
        replaceText(text);
        reparse();
    }
    const ProfileLoadResult &current() const { return m_current; }
    bool isExample() const { return m_filePath.startsWith(QLatin1String(":/")); }

    // Asks "save changes?" when modified; true when it is fine to go on (saved or discarded).
    bool maybeSave();
    // Tests answer the unsaved-changes question through this instead of a dialog.
    void setSaveQuestion(std::function<QMessageBox::StandardButton()> ask)
    {
        m_askToSave = std::move(ask);
    }

    // Running: the current profile through TestRun; the timeline streams, the banner concludes.
    void runNow();
    void stopRun();
    bool isRunning() const;
    const std::optional<RunResult> &lastResult() const { return m_lastResult; }
    // Shows a run (live, or imported from a HAR) on the timeline and the banner, as the last
    // result. streamed: its events are already in the timeline (a live run's).
    void showResult(const RunResult &result, bool streamed = false);
    // Replaces the profile with the last run's proven fix (one undoable edit) and runs again.
    bool applyFix();
    void setAutoRun(bool on);
    bool autoRun() const { return m_autoRun; }
    // Serve mode: the profile's server stays up for a real web app; its traffic streams in.
    bool setServing(bool on);
    QString servingUrl() const;
    // Tests answer "run this file's code?" through this instead of a dialog.
    void setFunctionQuestion(std::function<bool(const QString &code)> ask)
    {
        m_askToRunFunctions = std::move(ask);
    }
    gui::VerdictBanner *banner() const { return m_banner; }
    gui::TimelinePane *timeline() const { return m_timeline; }
    gui::DetailsPane *details() const { return m_details; }
    gui::ProfileForm *form() const { return m_form; }
    gui::ShareActions *share() const { return m_share; }
    QTabWidget *editorTabs() const { return m_editorTabs; }

signals:
    void runFinished();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void reparse();
    void updateTitle();
    void updateRecentMenu();
    void addRecent(const QString &path);
    void loadBytes(const QByteArray &bytes, const QString &path);
    void showProfileTree();
    void openDialog();
    bool saveAsDialog();
    void revert();
    void replaceText(const QString &text); // one undoable edit of the whole document
    void onFormEdited();
    void onRunFinished();
    bool mayRunFunctions(const Profile &profile);
    void onServeEvent(const ServerEvent &event);
    void retranslateUi();
    void restoreLayout();
    void saveLayout();

    QPlainTextEdit *m_editor = nullptr;
    QTreeWidget *m_tree = nullptr;
    QListWidget *m_diagnostics = nullptr;
    QLabel *m_summary = nullptr;
    QMenu *m_recentMenu = nullptr;
    QTimer *m_reparseTimer = nullptr;
    QString m_filePath;
    ProfileLoadResult m_current;
    bool m_loading = false;
    std::function<QMessageBox::StandardButton()> m_askToSave;
    std::function<bool(const QString &)> m_askToRunFunctions;

    gui::ShareActions *m_share = nullptr;
    gui::VerdictBanner *m_banner = nullptr;
    gui::TimelinePane *m_timeline = nullptr;
    gui::DetailsPane *m_details = nullptr;
    gui::ProfileForm *m_form = nullptr;
    QTabWidget *m_editorTabs = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QSplitter *m_textSplitter = nullptr;
    QTimer *m_formTimer = nullptr;
    QTimer *m_autoRunTimer = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_autoRunAction = nullptr;
    QAction *m_serveAction = nullptr;
    QToolBar *m_toolBar = nullptr;
    TestRun *m_run = nullptr;
    std::optional<RunResult> m_lastResult;
    QByteArray m_lastRunProfile; // canonical JSON of the profile last run (auto re-run skips equal)
    bool m_autoRun = true;
    bool m_fromForm = false;
    bool m_functionsTrusted = true; // false for a file with functions until the user agrees
    EmbeddedServer *m_serveServer = nullptr;
};

} // namespace corslab
