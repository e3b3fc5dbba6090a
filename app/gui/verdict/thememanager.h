// ThemeManager: the application's colours — the system's own style and palette, or Fusion with a
// light or a dark palette — chosen in the View menu and remembered in QSettings. Widgets that pick
// their own colours (the verdict banner) ask isDark() and repaint on QEvent::PaletteChange.
#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

class QActionGroup;
class QMenu;

namespace corslab::gui {

class ThemeManager : public QObject {
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    // The one manager of the application, parented to qApp; remembers the system's style and
    // palette the first time it is asked for.
    static ThemeManager *instance();

    static QList<Theme> themes();
    static QString settingsName(Theme theme); // "system", "light", "dark"
    static QString displayName(Theme theme); // translated, for menus
    static Theme savedTheme(); // System when nothing is saved
    static QPalette lightPalette();
    // Fusion's roles on dark greys; text/background contrast above 10:1, disabled text still 4.5:1.
    static QPalette darkPalette();
    // Whether a palette draws light text on a dark window.
    static bool isDark(const QPalette &palette);

    Theme theme() const { return m_theme; }
    void setTheme(Theme theme, bool persist = true);
    void applySavedTheme() { setTheme(savedTheme(), false); }
    // Adds a checkable action per theme to menu; their texts follow the UI language.
    QActionGroup *addThemeActions(QMenu *menu);

signals:
    void themeChanged(corslab::gui::ThemeManager::Theme theme);

private:
    explicit ThemeManager(QObject *parent);

    Theme m_theme = Theme::System;
    QString m_systemStyle;
};

} // namespace corslab::gui
