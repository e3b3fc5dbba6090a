// A plain-text editor for the JavaScript functions in a profile: monospace, no wrapping,
// highlighted.
#pragma once

#include <QPlainTextEdit>

namespace corslab::gui {

class JavaScriptHighlighter;

class JavaScriptEditor : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit JavaScriptEditor(QWidget *parent = nullptr);

    JavaScriptHighlighter *highlighter() const { return m_highlighter; }
    // Roughly `lines` lines of text tall (the default size hint).
    void setVisibleLines(int lines);
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    JavaScriptHighlighter *m_highlighter = nullptr;
    int m_visibleLines = 6;
};

} // namespace corslab::gui
