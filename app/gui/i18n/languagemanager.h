// LanguageManager: the UI language (English or Simplified Chinese) chosen at runtime. Installs the
// embedded Qt Linguist translation (:/i18n/corslab_zh_CN.qm) and Qt's own when present, remembers
// the choice in QSettings and tells widgets through QEvent::LanguageChange and languageChanged().
//
// Every widget with translated text must handle QEvent::LanguageChange in changeEvent() by calling
// its retranslateUi() (set every tr() text again); texts taken from data files in a language
// (ReasonCatalog explanations, notes, Firefox's zh-CN console lines) follow currentCode().
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QActionGroup;
class QMenu;
class QTranslator;

namespace corslab::gui {

class LanguageManager : public QObject {
    Q_OBJECT

public:
    enum class Language { English, SimplifiedChinese };
    Q_ENUM(Language)

    // The one manager of the application (translators are process-wide), parented to qApp.
    static LanguageManager *instance();

    static QList<Language> languages();
    // "en-US" / "zh-CN": the language code the data files (resources/reasons) use.
    static QString code(Language language);
    // What a menu shows: each language in its own words ("English", "简体中文"), never translated.
    static QString nativeName(Language language);
    // Simplified Chinese for a Chinese system locale, else English.
    static Language systemLanguage();
    // The saved choice, else systemLanguage().
    static Language savedLanguage();
    // The embedded translation of a language; empty for English (the source language).
    static QString translationFile(Language language);

    Language language() const { return m_language; }
    // The language in effect right now (English until a manager installed another one).
    static Language current();
    static QString currentCode() { return code(current()); }

    // Installs (or removes) the translators; false when the translation could not be loaded, in
    // which case the UI stays in English. persist stores the choice in QSettings.
    bool setLanguage(Language language, bool persist = true);
    // At startup: the saved choice, else the system's.
    void applySavedLanguage() { setLanguage(savedLanguage(), false); }
    // Adds a checkable action per language to menu (for the View or Settings menu).
    QActionGroup *addLanguageActions(QMenu *menu);

signals:
    void languageChanged(corslab::gui::LanguageManager::Language language);

private:
    explicit LanguageManager(QObject *parent);
    void removeTranslators();

    Language m_language = Language::English;
    QTranslator *m_appTranslator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
};

} // namespace corslab::gui
