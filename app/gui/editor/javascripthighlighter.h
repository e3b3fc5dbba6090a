// Syntax colours for the JavaScript in profiles (cors.origin, allowRequest and middleware
// functions): keywords, strings, template literals, numbers, comments and regex literals.
#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace corslab::gui {

class JavaScriptHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    enum class Kind { Keyword, Literal, String, Number, Comment, RegExp };

    explicit JavaScriptHighlighter(QTextDocument *document);

    // Picks the colour set that reads well on this palette's base colour (light or dark).
    void setPalette(const QPalette &palette);
    QTextCharFormat format(Kind kind) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    // Block states: what the end of a line leaves open.
    enum State { Normal = -1, InBlockComment = 1, InTemplate = 2 };

    QTextCharFormat m_formats[6];
};

} // namespace corslab::gui
