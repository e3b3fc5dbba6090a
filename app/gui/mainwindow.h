// The main window: a profile's text, its structure at a glance, its diagnostics, and the File menu.
#pragma once

#include "profile/profilereader.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>

class QLabel;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QTimer;
class QTreeWidget;

namespace corslab {

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
    const ProfileLoadResult &current() const { return m_current; }
    bool isExample() const { return m_filePath.startsWith(QLatin1String(":/")); }

    // Asks "save changes?" when modified; true when it is fine to go on (saved or discarded).
    bool maybeSave();
    // Tests answer the unsaved-changes question through this instead of a dialog.
    void setSaveQuestion(std::function<QMessageBox::StandardButton()> ask)
    {
        m_askToSave = std::move(ask);
    }

protected:
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
};

} // namespace corslab
