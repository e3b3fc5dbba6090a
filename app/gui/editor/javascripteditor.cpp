// JavaScriptEditor: fixed-pitch font, four-space tab stops, colours that follow the palette.
#include "javascripteditor.h"

#include "javascripthighlighter.h"

#include <QEvent>
#include <QFontDatabase>

namespace corslab::gui {

JavaScriptEditor::JavaScriptEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(4 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    setTabChangesFocus(false);
    m_highlighter = new JavaScriptHighlighter(document());
    m_highlighter->setPalette(palette());
}

void JavaScriptEditor::setVisibleLines(int lines)
{
    m_visibleLines = lines;
    updateGeometry();
}

QSize JavaScriptEditor::sizeHint() const
{
    const QSize base = QPlainTextEdit::sizeHint();
    const int height = fontMetrics().lineSpacing() * m_visibleLines
        + 2 * (frameWidth() + int(document()->documentMargin())) + 2;
    return {base.width(), height};
}

void JavaScriptEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette());
}

} // namespace corslab::gui
