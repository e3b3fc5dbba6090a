// ThemeManager: Fusion light and dark palettes and the way back to the system's look.
#include "thememanager.h"

#include "i18n/languagemanager.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace corslab::gui {

namespace {
const QString SettingsKey = QStringLiteral("ui/theme");
const QString Fusion = QStringLiteral("Fusion");
} // namespace

ThemeManager::ThemeManager(QObject *parent)
    : QObject(parent)
    , m_systemStyle(QApplication::style() ? QApplication::style()->name() : Fusion)
{ }

ThemeManager *ThemeManager::instance()
{
    static ThemeManager *manager = nullptr;
    if (!manager) {
        manager = new ThemeManager(QCoreApplication::instance());
        QObject::connect(manager, &QObject::destroyed, [] { manager = nullptr; });
    }
    return manager;
}

QList<ThemeManager::Theme> ThemeManager::themes()
{
    return {Theme::System, Theme::Light, Theme::Dark};
}

QString ThemeManager::settingsName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

QString ThemeManager::displayName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return tr("&Light");
    case Theme::Dark:
        return tr("&Dark");
    case Theme::System:
        break;
    }
    return tr("&System");
}

ThemeManager::Theme ThemeManager::savedTheme()
{
    const QString saved = QSettings().value(SettingsKey).toString();
    for (const Theme t : themes()) {
        if (saved == settingsName(t))
            return t;
    }
    return Theme::System;
}

QPalette ThemeManager::lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(Fusion));
    return fusion ? fusion->standardPalette() : QPalette(Qt::white);
}

QPalette ThemeManager::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor button(0x3c, 0x3f, 0x41);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x8a, 0x8a, 0x8a);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Light, QColor(0x4e, 0x52, 0x56));
    p.setColor(QPalette::Midlight, QColor(0x43, 0x46, 0x4a));
    p.setColor(QPalette::Mid, QColor(0x34, 0x36, 0x3a));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7c, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc3, 0x9b, 0xe8));
    for (const QPalette::ColorRole role :
        {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabledText);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4e, 0x52, 0x56));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

bool ThemeManager::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

void ThemeManager::setTheme(Theme theme, bool persist)
{
    switch (theme) {
    case Theme::System:
        QApplication::setStyle(m_systemStyle);
        // A palette that sets nothing resolves to the style's and platform's own.
        QApplication::setPalette(QPalette());
        break;
    case Theme::Light:
        QApplication::setStyle(Fusion);
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setStyle(Fusion);
        QApplication::setPalette(darkPalette());
        break;
    }
    if (persist)
        QSettings().setValue(SettingsKey, settingsName(theme));
    if (theme != m_theme) {
        m_theme = theme;
        emit themeChanged(theme);
    }
}

QActionGroup *ThemeManager::addThemeActions(QMenu *menu)
{
    auto *group = new QActionGroup(menu);
    group->setExclusive(true);
    for (const Theme t : themes()) {
        QAction *action = menu->addAction(displayName(t));
        action->setCheckable(true);
        action->setChecked(t == m_theme);
        action->setData(QVariant::fromValue(t));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, t] { setTheme(t); });
    }
    connect(this, &ThemeManager::themeChanged, group, [group](Theme now) {
        for (QAction *a : group->actions())
            a->setChecked(a->data().value<Theme>() == now);
    });
    // The menu itself has no changeEvent of ours; follow the language through the manager.
    connect(LanguageManager::instance(), &LanguageManager::languageChanged, group, [group] {
        for (QAction *a : group->actions())
            a->setText(displayName(a->data().value<Theme>()));
    });
    return group;
}

} // namespace corslab::gui
