// LanguageManager: installs and removes the QTranslators for the chosen UI language.
#include "languagemanager.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTranslator>

namespace corslab::gui {

namespace {
const QString SettingsKey = QStringLiteral("ui/language");
LanguageManager::Language s_current = LanguageManager::Language::English;
} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{ }

LanguageManager *LanguageManager::instance()
{
    static LanguageManager *manager = nullptr;
    if (!manager) {
        manager = new LanguageManager(QCoreApplication::instance());
        // The application outlives every user of the manager; forget it if it goes first.
        QObject::connect(manager, &QObject::destroyed, [] { manager = nullptr; });
    }
    return manager;
}

QList<LanguageManager::Language> LanguageManager::languages()
{
    return {Language::English, Language::SimplifiedChinese};
}

QString LanguageManager::code(Language language)
{
    return language == Language::SimplifiedChinese ? QStringLiteral("zh-CN")
                                                   : QStringLiteral("en-US");
}

QString LanguageManager::nativeName(Language language)
{
    return language == Language::SimplifiedChinese ? QStringLiteral("简体中文")
                                                   : QStringLiteral("English");
}

LanguageManager::Language LanguageManager::systemLanguage()
{
    // Traditional Chinese readers get Simplified Chinese too: closer to them than English.
    return QLocale::system().language() == QLocale::Chinese ? Language::SimplifiedChinese
                                                            : Language::English;
}

LanguageManager::Language LanguageManager::savedLanguage()
{
    const QString saved = QSettings().value(SettingsKey).toString();
    for (const Language l : languages()) {
        if (saved == code(l))
            return l;
    }
    return systemLanguage();
}

QString LanguageManager::translationFile(Language language)
{
    return language == Language::SimplifiedChinese ? QStringLiteral(":/i18n/corslab_zh_CN.qm")
                                                   : QString();
}

LanguageManager::Language LanguageManager::current()
{
    return s_current;
}

void LanguageManager::removeTranslators()
{
    for (QTranslator **t : {&m_appTranslator, &m_qtTranslator}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}

bool LanguageManager::setLanguage(Language language, bool persist)
{
    // Load first, so a missing translation leaves the UI as it was.
    QTranslator *app = nullptr;
    QTranslator *qt = nullptr;
    if (language != Language::English) {
        app = new QTranslator(this);
        if (!app->load(translationFile(language))) {
            delete app;
            return false;
        }
        // Qt's own texts (QMessageBox buttons, QFileDialog), when the system has them.
        qt = new QTranslator(this);
        if (!qt->load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"),
                QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            delete qt;
            qt = nullptr;
        }
    }
    const Language before = s_current;
    // Set before the translators change: their LanguageChange events make widgets ask current().
    m_language = language;
    s_current = language;
    const bool hadTranslators = m_appTranslator || m_qtTranslator;
    removeTranslators();
    m_appTranslator = app;
    m_qtTranslator = qt;
    if (app)
        QCoreApplication::installTranslator(app);
    if (qt)
        QCoreApplication::installTranslator(qt);
    if (persist)
        QSettings().setValue(SettingsKey, code(language));
    // Installing or removing a translator sends QEvent::LanguageChange; a change with neither
    // (nothing was installed yet) still has to reach the widgets.
    if (before != language) {
        if (!app && !hadTranslators) {
            QEvent event(QEvent::LanguageChange);
            QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
        }
        emit languageChanged(language);
    }
    return true;
}

QActionGroup *LanguageManager::addLanguageActions(QMenu *menu)
{
    auto *group = new QActionGroup(menu);
    group->setExclusive(true);
    for (const Language l : languages()) {
        QAction *action = menu->addAction(nativeName(l));
        action->setCheckable(true);
        action->setChecked(l == m_language);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, l] { setLanguage(l); });
    }
    connect(this, &LanguageManager::languageChanged, group, [group](Language now) {
        const QList<QAction *> actions = group->actions();
        for (qsizetype i = 0; i < actions.size(); ++i)
            actions.at(i)->setChecked(languages().at(i) == now);
    });
    return group;
}

} // namespace corslab::gui
