// Editor of cors `origin`: a mode (one origin, a list, a RegExp, true, false, a function) and the
// editor for that mode, with the warnings a browser's Origin comparison would justify.
#pragma once

#include "cors/originregexp.h"
#include "profile/profile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace corslab::gui {

class JavaScriptEditor;
class RowTable;

// What the brief calls an origin value: profile.h's cors `origin`.
using OriginValue = CorsOrigin;

class OriginEditor : public QWidget {
    Q_OBJECT

public:
    // In the order of the mode combo.
    enum class Mode { String, List, RegExp, Reflect, NoCors, Function };

    explicit OriginEditor(QWidget *parent = nullptr);

    void setValue(const OriginValue &value); // does not emit edited()
    OriginValue value() const;
    Mode mode() const;
    // As if the user picked the mode: the value carries over where it sensibly can.
    void setMode(Mode mode);
    // The origin the RegExp tester tries (the page origin; http://localhost:3000 by default).
    void setTestOrigin(const QString &origin);
    // Focuses the editor of the current mode; `entry` >= 0 picks a row of the list.
    void focusEntry(int entry = -1);

    QComboBox *modeCombo() const { return m_mode; }
    QLineEdit *stringEdit() const { return m_string; }
    RowTable *list() const { return m_list; }
    QLineEdit *regexSourceEdit() const { return m_regexSource; }
    QLineEdit *regexFlagsEdit() const { return m_regexFlags; }
    QLabel *regexTestResult() const { return m_regexResult; }
    JavaScriptEditor *functionEditor() const { return m_function; }
    QLabel *warningLabel() const { return m_warning; }

signals:
    void edited();

private:
    void carryOver(Mode from, Mode to);
    void showMode();
    void updateWarnings();
    void updateRegexTest();
    QList<OriginEntry> listEntries() const;

    QComboBox *m_mode = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLineEdit *m_string = nullptr;
    RowTable *m_list = nullptr;
    QLineEdit *m_regexSource = nullptr;
    QLineEdit *m_regexFlags = nullptr;
    QLineEdit *m_regexTestOrigin = nullptr;
    QLabel *m_regexResult = nullptr;
    JavaScriptEditor *m_function = nullptr;
    QLabel *m_warning = nullptr;
    Mode m_shownMode = Mode::String;
    // What the value was loaded from, for the unknown keys of its regexes and function.
    RegexPattern m_baseRegex;
    ScriptFunction m_baseFunction;
    QList<OriginEntry> m_baseList;
    RegExpCompiler m_compile; // a QJSEngine of its own, made on first use
    bool m_filling = false;
};

} // namespace corslab::gui
