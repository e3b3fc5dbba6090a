// The profile as forms: a header (name, description, expectation) and "Server" and "Client" tabs
// with a field for every option in profile.h, each with a tooltip naming the Socket.IO option.
#pragma once

#include "profile/diagnostic.h"
#include "profile/profile.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QScrollArea;
class QSpinBox;
class QTabWidget;
class QVBoxLayout;

namespace corslab::gui {

class JavaScriptEditor;
class LongSpinBox;
class NamespaceListEditor;
class OriginEditor;
class RowTable;
class StringOrListEditor;
class TransportListEditor;

class ProfileForm : public QWidget {
    Q_OBJECT

public:
    explicit ProfileForm(QWidget *parent = nullptr);

    // Fills every field from `profile` without emitting edited().
    void setProfile(const Profile &profile);
    // The profile as the form shows it; what the form has no field for (unknown keys) is kept
    // from the profile last set.
    Profile profile() const;

    // Outlines each field a diagnostic's JSON path names (red for errors, amber for warnings)
    // and puts the message in its tooltip; fields no diagnostic names are cleared.
    void setDiagnostics(const QList<Diagnostic> &diagnostics);
    // Shows the tab holding the field of `jsonPath` (or of its nearest parent), scrolls to it and
    // focuses it. False when no field matches.
    bool focusPath(const QString &jsonPath);
    // The field that shows `jsonPath` (or its nearest parent with a field); nullptr for none.
    QWidget *fieldForPath(const QString &jsonPath) const;

    QTabWidget *tabs() const { return m_tabs; }
    OriginEditor *originEditor() const { return m_origin; }

signals:
    void edited(); // any change the user makes (debouncing is the caller's job)

private:
    struct FieldEntry {
        QWidget *widget = nullptr;
        // Focuses the part of the field a longer path names ("[2]", ".my-header").
        std::function<void(const QString &rest)> focusRest;
    };

    QWidget *buildHeader();
    QWidget *buildServerTab();
    QWidget *buildClientTab();
    QScrollArea *scrolled(QWidget *page);
    // Registers `widget` as the field of `path`, with its tooltip, and connects its changes.
    template<typename W>
    W *field(const QString &path, W *widget, const QString &toolTip);
    QString matchPath(const QString &jsonPath, QString *rest) const;
    void onChanged();
    void updateEnabled();
    void updateUnknownLabels();

    Profile m_base;
    QHash<QString, FieldEntry> m_fields;
    QList<QWidget *> m_marked;
    bool m_filling = false;

    QTabWidget *m_tabs = nullptr;

    // Header
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_verdict = nullptr;
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_schema = nullptr;
    QLabel *m_profileUnknown = nullptr;

    // Server
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_serverPath = nullptr;
    QCheckBox *m_addTrailingSlash = nullptr;
    QGroupBox *m_cors = nullptr;
    OriginEditor *m_origin = nullptr;
    StringOrListEditor *m_methods = nullptr;
    StringOrListEditor *m_allowedHeaders = nullptr;
    StringOrListEditor *m_exposedHeaders = nullptr;
    QCheckBox *m_credentials = nullptr;
    QComboBox *m_maxAgeMode = nullptr;
    LongSpinBox *m_maxAgeSeconds = nullptr;
    QLineEdit *m_maxAgeText = nullptr;
    QCheckBox *m_preflightContinue = nullptr;
    QSpinBox *m_optionsSuccessStatus = nullptr;
    QLabel *m_corsUnknown = nullptr;
    QGroupBox *m_allowRequest = nullptr;
    JavaScriptEditor *m_allowRequestSource = nullptr;
    TransportListEditor *m_serverTransports = nullptr;
    QCheckBox *m_allowUpgrades = nullptr;
    LongSpinBox *m_pingInterval = nullptr;
    LongSpinBox *m_pingTimeout = nullptr;
    LongSpinBox *m_upgradeTimeout = nullptr;
    LongSpinBox *m_maxHttpBufferSize = nullptr;
    LongSpinBox *m_connectTimeout = nullptr;
    QCheckBox *m_allowEIO3 = nullptr;
    QCheckBox *m_httpCompression = nullptr;
    QComboBox *m_cookieMode = nullptr;
    QWidget *m_cookieFields = nullptr;
    QCheckBox *m_cookieNameSet = nullptr;
    QLineEdit *m_cookieName = nullptr;
    QComboBox *m_cookiePathMode = nullptr;
    QLineEdit *m_cookiePath = nullptr;
    QCheckBox *m_cookieDomainSet = nullptr;
    QLineEdit *m_cookieDomain = nullptr;
    QComboBox *m_cookieHttpOnly = nullptr;
    QComboBox *m_cookieSecure = nullptr;
    QComboBox *m_cookieSameSite = nullptr;
    QCheckBox *m_cookieMaxAgeSet = nullptr;
    LongSpinBox *m_cookieMaxAge = nullptr;
    QComboBox *m_cookiePartitioned = nullptr;
    QPlainTextEdit *m_initialPacket = nullptr;
    QLabel *m_initialPacketError = nullptr;
    NamespaceListEditor *m_namespaces = nullptr;
    QGroupBox *m_proxy = nullptr;
    RowTable *m_proxyHeaders = nullptr;
    QGroupBox *m_redirect = nullptr;
    QSpinBox *m_redirectStatus = nullptr;
    QLineEdit *m_redirectLocation = nullptr;
    QComboBox *m_redirectOn = nullptr;
    QCheckBox *m_stripUpgrade = nullptr;
    QSpinBox *m_instances = nullptr;
    QComboBox *m_sticky = nullptr;
    QLabel *m_serverUnknown = nullptr;

    // Client
    QComboBox *m_pageOrigin = nullptr;
    QLabel *m_pageOriginWarning = nullptr;
    QRadioButton *m_urlEmbedded = nullptr;
    QRadioButton *m_urlCustom = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_browser = nullptr;
    QLineEdit *m_namespace = nullptr;
    QLineEdit *m_clientPath = nullptr;
    RowTable *m_query = nullptr;
    JavaScriptEditor *m_auth = nullptr;
    QLabel *m_authError = nullptr;
    QCheckBox *m_withCredentials = nullptr;
    RowTable *m_extraHeaders = nullptr;
    TransportListEditor *m_clientTransports = nullptr;
    QCheckBox *m_upgrade = nullptr;
    QCheckBox *m_rememberUpgrade = nullptr;
    LongSpinBox *m_timeout = nullptr;
    QCheckBox *m_forceBase64 = nullptr;
    RowTable *m_emit = nullptr;
    QLabel *m_emitError = nullptr;
    QLabel *m_clientUnknown = nullptr;
};

// server.namespaces: one box per namespace with its name and optional middleware function.
class NamespaceListEditor : public QWidget {
    Q_OBJECT

public:
    explicit NamespaceListEditor(QWidget *parent = nullptr);
    void setNamespaces(const QList<NamespaceConfig> &namespaces);
    QList<NamespaceConfig> namespaces() const;
    void addNamespace(); // what the "Add namespace" button does
    void removeNamespace(int index);
    void focusNamespace(int index);
    int count() const { return int(m_rows.size()); }
    QLineEdit *nameEdit(int index) const;
    JavaScriptEditor *middlewareEditor(int index) const;

signals:
    void edited();

private:
    struct Row {
        QWidget *box = nullptr;
        QLineEdit *name = nullptr;
        QCheckBox *hasMiddleware = nullptr;
        JavaScriptEditor *middleware = nullptr;
        NamespaceConfig base;
    };
    void appendRow(const NamespaceConfig &ns);

    QVBoxLayout *m_rowsLayout = nullptr;
    QList<Row> m_rows;
    bool m_filling = false;
};

} // namespace corslab::gui
