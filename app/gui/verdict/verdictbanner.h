// VerdictBanner: a run's verdict at a glance — the outcome in large coloured words, the reason and
// what it means, the proven fix with Apply and Copy buttons — and, folded away, what Chrome and
// Firefox print, what the page's connect_error holds, the teaching notes and the fix as a code
// diff.
#pragma once

#include "run/runresult.h"

#include <QWidget>

#include <optional>

class QBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace corslab::gui {

class DiffHighlighter;

class VerdictBanner : public QWidget {
    Q_OBJECT

public:
    enum class State { Idle, Running, Result };

    explicit VerdictBanner(QWidget *parent = nullptr);

    void showIdle();
    // what: the run in the user's words ("credentials-with-wildcard-origin in Chromium").
    void showRunning(const QString &what);
    void showResult(const RunResult &r);

    // Firefox's console text in Simplified Chinese (as a zh-CN Firefox prints it) instead of
    // English. Follows the UI language; this overrides it until the language changes again.
    void setChineseFirefox(bool zh);
    bool isChineseFirefox() const { return m_chineseFirefox; }

    // The details (browser messages, connect_error, notes, diff) are folded by default.
    void setDetailsExpanded(bool expanded);
    bool isDetailsExpanded() const;

    State state() const { return m_state; }
    const std::optional<RunResult> &result() const { return m_result; }
    // What the Copy buttons stand for: the code of the fixed profile when a fix was proven, else
    // of the profile that ran; empty without a result.
    QString serverCode() const;
    QString clientCode() const;

signals:
    void applyFixRequested();
    void copyServerCodeRequested();
    void copyClientCodeRequested();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    struct Colors {
        QColor text;
        QColor background;
        QColor accent;
    };
    Colors colors() const;
    void retranslateUi();
    void render();
    void renderResult(const RunResult &r);
    void updateColors();
    QLabel *addSection(QBoxLayout *layout, const QString &objectName);
    QLabel *addText(QBoxLayout *layout, const QString &objectName, bool monospace);

    State m_state = State::Idle;
    QString m_runningWhat;
    std::optional<RunResult> m_result;
    bool m_chineseFirefox = false;

    QLabel *m_outcome = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_expect = nullptr;
    QLabel *m_summary = nullptr;
    QToolButton *m_detailsToggle = nullptr;
    QWidget *m_fixRow = nullptr;
    QLabel *m_fixTitle = nullptr;
    QPushButton *m_applyFix = nullptr;
    QPushButton *m_copyServer = nullptr;
    QPushButton *m_copyClient = nullptr;

    QWidget *m_details = nullptr;
    QLabel *m_chromeTitle = nullptr;
    QLabel *m_chromeText = nullptr;
    QLabel *m_chromeNetwork = nullptr;
    QLabel *m_firefoxTitle = nullptr;
    QLabel *m_firefoxText = nullptr;
    QLabel *m_consoleTitle = nullptr;
    QLabel *m_consoleText = nullptr;
    QLabel *m_connectErrorTitle = nullptr;
    QLabel *m_connectError = nullptr;
    QLabel *m_notesTitle = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_fixSectionTitle = nullptr;
    QLabel *m_fixExplanation = nullptr;
    QPlainTextEdit *m_diff = nullptr;
    DiffHighlighter *m_diffHighlighter = nullptr;
    QLabel *m_fixAttempts = nullptr;
};

} // namespace corslab::gui
