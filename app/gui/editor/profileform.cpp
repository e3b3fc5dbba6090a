// ProfileForm: builds the header and the two tabs, fills them from a Profile and reads them back
// on top of the profile last set, so whatever the form has no field for survives unchanged.
#include "profileform.h"

#include "fieldwidgets.h"
#include "javascripteditor.h"
#include "origineditor.h"

#include "profile/originsyntax.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <type_traits>

namespace corslab::gui {

namespace {
constexpr qint64 MaxTimer = 2147483647; // setTimeout's limit in Node, as the reader checks

const QString DefaultAllowRequest
    = QStringLiteral("(req, callback) => {\n    callback(null, true);\n}");
const QString DefaultMiddleware = QStringLiteral("(socket, next) => {\n    next();\n}");

QString whenName(ProxyHeader::When when)
{
    switch (when) {
    case ProxyHeader::When::Preflight:
        return QStringLiteral("preflight");
    case ProxyHeader::When::Other:
        return QStringLiteral("other");
    case ProxyHeader::When::All:
        break;
    }
    return QStringLiteral("all");
}

ProxyHeader::When whenFromName(const QString &name)
{
    if (name == QLatin1String("preflight"))
        return ProxyHeader::When::Preflight;
    if (name == QLatin1String("other"))
        return ProxyHeader::When::Other;
    return ProxyHeader::When::All;
}

QStringList whenLabels()
{
    return {ProfileForm::tr("every request"), ProfileForm::tr("preflights (OPTIONS) only"),
        ProfileForm::tr("every request but preflights")};
}

// A combo for an optional boolean: not set, true, false.
QComboBox *optionalBoolCombo()
{
    auto *combo = new QComboBox;
    combo->addItem(ProfileForm::tr("not set"), QString());
    combo->addItem(QStringLiteral("true"), QStringLiteral("true"));
    combo->addItem(QStringLiteral("false"), QStringLiteral("false"));
    return combo;
}

void setOptionalBool(QComboBox *combo, const std::optional<bool> &value)
{
    combo->setCurrentIndex(!value ? 0 : (*value ? 1 : 2));
}

std::optional<bool> optionalBool(const QComboBox *combo)
{
    if (combo->currentIndex() == 0)
        return std::nullopt;
    return combo->currentIndex() == 1;
}

void selectData(QComboBox *combo, const QString &data)
{
    combo->setCurrentIndex(qMax(0, combo->findData(data)));
}

QLabel *noteLabel()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    return label;
}

QLabel *prominentLabel(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    return label;
}

QHBoxLayout *row(std::initializer_list<QWidget *> widgets, bool stretch = true)
{
    auto *layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : widgets)
        layout->addWidget(w);
    if (stretch)
        layout->addStretch();
    return layout;
}

QString unknownKeysText(const QStringList &keys)
{
    return ProfileForm::tr("Kept as written (this version has no field for them): %1")
        .arg(keys.join(QStringLiteral(", ")));
}

QStringList keysOf(const UnknownMembers &members, const QString &prefix = {})
{
    QStringList keys;
    for (const JsonNode::Member &m : members)
        keys << prefix + m.key;
    return keys;
}
} // namespace

// NamespaceListEditor -------------------------------------------------------------------------

NamespaceListEditor::NamespaceListEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout = new QVBoxLayout;
    layout->addLayout(m_rowsLayout);
    auto *add = new QPushButton(tr("Add namespace"));
    add->setAutoDefault(false);
    add->setToolTip(tr("namespaces — declares io.of(name), optionally with a middleware."));
    layout->addLayout(row({add}));
    connect(add, &QPushButton::clicked, this, &NamespaceListEditor::addNamespace);
}

void NamespaceListEditor::appendRow(const NamespaceConfig &ns)
{
    Row r;
    r.base = ns;
    auto *box = new QFrame;
    box->setFrameShape(QFrame::StyledPanel);
    r.box = box;
    r.name = new QLineEdit(ns.name);
    r.name->setPlaceholderText(QStringLiteral("/admin"));
    r.name->setToolTip(tr("namespaces[].name — the namespace clients connect to, such as "
                          "\"/admin\"."));
    r.hasMiddleware = new QCheckBox(tr("Middleware (socket, next)"));
    r.hasMiddleware->setChecked(ns.middleware.has_value());
    r.hasMiddleware->setToolTip(tr("namespaces[].middleware — io.of(name).use(fn): runs before "
                                   "each connection; next(new Error(...)) refuses it."));
    r.middleware = new JavaScriptEditor;
    r.middleware->setVisibleLines(4);
    r.middleware->setPlainText(ns.middleware ? ns.middleware->source : DefaultMiddleware);
    r.middleware->setEnabled(ns.middleware.has_value());
    r.middleware->setToolTip(r.hasMiddleware->toolTip());
    auto *remove = new QPushButton(tr("Remove"));
    remove->setAutoDefault(false);
    remove->setToolTip(tr("Removes this namespace"));

    auto *form = new QFormLayout(box);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(r.name, 1);
    nameRow->addWidget(remove);
    form->addRow(tr("name"), nameRow);
    form->addRow(r.hasMiddleware);
    form->addRow(r.middleware);
    m_rowsLayout->addWidget(box);

    auto changed = [this] {
        if (!m_filling)
            emit edited();
    };
    connect(r.name, &QLineEdit::textChanged, this, changed);
    connect(r.middleware, &QPlainTextEdit::textChanged, this, changed);
    connect(r.hasMiddleware, &QCheckBox::toggled, this, [editor = r.middleware, changed](bool on) {
        editor->setEnabled(on);
        changed();
    });
    connect(remove, &QPushButton::clicked, this, [this, box] {
        for (int i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].box == box)
                removeNamespace(i);
    });
    m_rows << r;
}

void NamespaceListEditor::setNamespaces(const QList<NamespaceConfig> &namespaces)
{
    m_filling = true;
    for (const Row &r : std::as_const(m_rows))
        delete r.box;
    m_rows.clear();
    for (const NamespaceConfig &ns : namespaces)
        appendRow(ns);
    m_filling = false;
}

QList<NamespaceConfig> NamespaceListEditor::namespaces() const
{
    QList<NamespaceConfig> out;
    for (const Row &r : m_rows) {
        NamespaceConfig ns = r.base;
        ns.name = r.name->text();
        if (r.hasMiddleware->isChecked()) {
            ScriptFunction fn = r.base.middleware.value_or(ScriptFunction {});
            fn.source = r.middleware->toPlainText();
            ns.middleware = fn;
        } else {
            ns.middleware.reset();
        }
        out << ns;
    }
    return out;
}

void NamespaceListEditor::addNamespace()
{
    NamespaceConfig ns;
    ns.name = QStringLiteral("/");
    appendRow(ns);
    m_rows.last().name->setFocus(Qt::OtherFocusReason);
    m_rows.last().name->selectAll();
    emit edited();
}

void NamespaceListEditor::removeNamespace(int index)
{
    if (index < 0 || index >= m_rows.size())
        return;
    m_rows[index].box->deleteLater();
    m_rows[index].box->hide();
    m_rows.removeAt(index);
    emit edited();
}

void NamespaceListEditor::focusNamespace(int index)
{
    if (index >= 0 && index < m_rows.size())
        m_rows[index].name->setFocus(Qt::OtherFocusReason);
}

QLineEdit *NamespaceListEditor::nameEdit(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows[index].name : nullptr;
}

JavaScriptEditor *NamespaceListEditor::middlewareEditor(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows[index].middleware : nullptr;
}

// ProfileForm ---------------------------------------------------------------------------------

ProfileForm::ProfileForm(QWidget *parent)
    : QWidget(parent)
{
    m_filling = true; // no edited() while the fields are built; setProfile() ends it
    m_tabs = new QTabWidget;
    m_tabs->addTab(scrolled(buildServerTab()), tr("Server"));
    m_tabs->addTab(scrolled(buildClientTab()), tr("Client"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildHeader());
    layout->addWidget(m_tabs, 1);
    setProfile(Profile {});
}

QScrollArea *ProfileForm::scrolled(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    area->setWidget(page);
    return area;
}

template<typename W>
W *ProfileForm::field(const QString &path, W *widget, const QString &toolTip)
{
    widget->setToolTip(toolTip);
    widget->setAccessibleName(path);
    m_fields.insert(path, FieldEntry {widget, {}});
    if constexpr (std::is_base_of_v<QDoubleSpinBox, W>)
        connect(widget, &QDoubleSpinBox::valueChanged, this, &ProfileForm::onChanged);
    else if constexpr (std::is_base_of_v<QSpinBox, W>)
        connect(widget, &QSpinBox::valueChanged, this, &ProfileForm::onChanged);
    else if constexpr (std::is_base_of_v<QLineEdit, W>)
        connect(widget, &QLineEdit::textChanged, this, &ProfileForm::onChanged);
    else if constexpr (std::is_base_of_v<QPlainTextEdit, W>)
        connect(widget, &QPlainTextEdit::textChanged, this, &ProfileForm::onChanged);
    else if constexpr (std::is_base_of_v<QAbstractButton, W>)
        connect(widget, &QAbstractButton::toggled, this, &ProfileForm::onChanged);
    else if constexpr (std::is_base_of_v<QGroupBox, W>)
        connect(widget, &QGroupBox::toggled, this, &ProfileForm::onChanged);
    else if constexpr (std::is_base_of_v<QComboBox, W>) {
        connect(widget, &QComboBox::currentIndexChanged, this, &ProfileForm::onChanged);
        connect(widget, &QComboBox::editTextChanged, this, &ProfileForm::onChanged);
    } else if constexpr (std::is_base_of_v<QLabel, W> || std::is_same_v<W, QWidget>) {
        // Notes and containers: nothing to edit.
    } else
        connect(widget, &W::edited, this, &ProfileForm::onChanged);
    return widget;
}

void ProfileForm::onChanged()
{
    if (m_filling)
        return;
    updateEnabled();
    emit edited();
}

QWidget *ProfileForm::buildHeader()
{
    auto *header = new QWidget;
    auto *grid = new QGridLayout(header);
    grid->setContentsMargins(0, 0, 0, 4);

    m_name = field(QStringLiteral("name"), new QLineEdit,
        tr("name — what this profile reproduces, shown in the title bar."));
    m_description = field(QStringLiteral("description"), new QLineEdit,
        tr("description — one line saying what happens and why."));
    m_schema = field(QStringLiteral("$schema"), new QLineEdit,
        tr("$schema — the JSON Schema editors use to complete the file; CorsLab only keeps it."));
    m_verdict = field(QStringLiteral("expect.verdict"), new QComboBox,
        tr("expect.verdict — how a run should end; a run that ends otherwise is reported as "
           "unexpected."));
    m_verdict->addItem(tr("no expectation"), QString());
    for (const QString &v : verdictNames())
        m_verdict->addItem(v, v);
    m_fields.insert(QStringLiteral("expect"), FieldEntry {m_verdict, {}});
    m_reason = field(QStringLiteral("expect.reason"), new QLineEdit,
        tr("expect.reason — the browser's CORS error name (such as MissingAllowOriginHeader) or "
           "the server's refusal message; empty accepts any reason."));
    m_reason->setPlaceholderText(tr("any reason"));
    m_profileUnknown = noteLabel();

    grid->addWidget(new QLabel(tr("Name")), 0, 0);
    grid->addWidget(m_name, 0, 1);
    grid->addWidget(new QLabel(tr("Expect")), 0, 2);
    grid->addLayout(row({m_verdict, m_reason}, false), 0, 3);
    grid->addWidget(new QLabel(tr("Description")), 1, 0);
    grid->addWidget(m_description, 1, 1);
    grid->addWidget(new QLabel(QStringLiteral("$schema")), 1, 2);
    grid->addWidget(m_schema, 1, 3);
    grid->addWidget(m_profileUnknown, 2, 0, 1, 4);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(3, 2);
    return header;
}

QWidget *ProfileForm::buildServerTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);

    // Where it listens
    auto *listen = new QGroupBox(tr("Where the server listens"));
    auto *listenForm = new QFormLayout(listen);
    m_host = field(QStringLiteral("server.host"), new QLineEdit,
        tr("host — the interface the embedded server binds; 127.0.0.1 keeps it on this "
           "machine."));
    m_port = field(QStringLiteral("server.port"), new QSpinBox,
        tr("port — the port the embedded server listens on; 0 picks a free one."));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("0 (any free port)"));
    m_serverPath = field(QStringLiteral("server.path"), new QLineEdit,
        tr("path — the HTTP path Socket.IO answers on; the client's path must match it."));
    m_addTrailingSlash = field(QStringLiteral("server.addTrailingSlash"),
        new QCheckBox(tr("Also answer the path with a trailing slash")),
        tr("addTrailingSlash — answers /socket.io/ as well as /socket.io."));
    listenForm->addRow(tr("host"), m_host);
    listenForm->addRow(tr("port"), m_port);
    listenForm->addRow(tr("path"), m_serverPath);
    listenForm->addRow(QString(), m_addTrailingSlash);
    layout->addWidget(listen);

    // CORS
    m_cors = field(QStringLiteral("server.cors"), new QGroupBox(tr("CORS (cors)")),
        tr("cors — the cors package's options; unchecked, the server sends no CORS headers at "
           "all (Socket.IO 3 and later)."));
    m_cors->setCheckable(true);
    auto *corsForm = new QFormLayout(m_cors);
    m_origin = field(QStringLiteral("server.cors.origin"), new OriginEditor,
        tr("cors.origin — which page origins get Access-Control-Allow-Origin, and how the "
           "header is chosen."));
    m_fields[QStringLiteral("server.cors.origin")].focusRest = [this](const QString &rest) {
        m_origin->focusEntry(rest.startsWith(QLatin1Char('['))
                ? rest.mid(1, rest.indexOf(QLatin1Char(']')) - 1).toInt()
                : -1);
    };
    m_methods = field(QStringLiteral("server.cors.methods"), new StringOrListEditor,
        tr("cors.methods — the methods listed in Access-Control-Allow-Methods of preflight "
           "responses."));
    m_allowedHeaders = field(QStringLiteral("server.cors.allowedHeaders"),
        new StringOrListEditor(tr("not set: reflect the requested headers")),
        tr("cors.allowedHeaders — the request headers a preflight allows; not set, the "
           "requested ones are reflected."));
    m_exposedHeaders = field(QStringLiteral("server.cors.exposedHeaders"),
        new StringOrListEditor(tr("not set: expose none")),
        tr("cors.exposedHeaders — response headers the page may read "
           "(Access-Control-Expose-Headers)."));
    m_credentials
        = field(QStringLiteral("server.cors.credentials"), new QCheckBox(tr("Allow credentials")),
            tr("cors.credentials — sends Access-Control-Allow-Credentials: true so the browser "
               "hands credentialed responses to the page."));
    m_maxAgeMode = field(QStringLiteral("server.cors.maxAge"), new QComboBox,
        tr("cors.maxAge — how long a browser may cache a preflight (Access-Control-Max-Age)."));
    m_maxAgeMode->addItem(tr("not set"));
    m_maxAgeMode->addItem(tr("seconds"));
    m_maxAgeMode->addItem(tr("text, sent as written"));
    m_maxAgeSeconds = new LongSpinBox(0, MaxSafeInteger);
    m_maxAgeSeconds->setSuffix(tr(" s"));
    m_maxAgeSeconds->setToolTip(m_maxAgeMode->toolTip());
    connect(m_maxAgeSeconds, &QDoubleSpinBox::valueChanged, this, &ProfileForm::onChanged);
    m_maxAgeText = new QLineEdit;
    m_maxAgeText->setToolTip(m_maxAgeMode->toolTip());
    connect(m_maxAgeText, &QLineEdit::textChanged, this, &ProfileForm::onChanged);
    m_preflightContinue = field(QStringLiteral("server.cors.preflightContinue"),
        new QCheckBox(tr("Pass preflights on to the server")),
        tr("cors.preflightContinue — hands OPTIONS requests to the next handler instead of "
           "answering them (Socket.IO then answers 400)."));
    m_optionsSuccessStatus = field(QStringLiteral("server.cors.optionsSuccessStatus"), new QSpinBox,
        tr("cors.optionsSuccessStatus — the status of a successful preflight response."));
    m_optionsSuccessStatus->setRange(200, 599);
    m_corsUnknown = noteLabel();
    corsForm->addRow(tr("origin"), m_origin);
    corsForm->addRow(tr("methods"), m_methods);
    corsForm->addRow(tr("allowedHeaders"), m_allowedHeaders);
    corsForm->addRow(tr("exposedHeaders"), m_exposedHeaders);
    corsForm->addRow(QString(), m_credentials);
    corsForm->addRow(tr("maxAge"), row({m_maxAgeMode, m_maxAgeSeconds, m_maxAgeText}));
    corsForm->addRow(QString(), m_preflightContinue);
    corsForm->addRow(tr("optionsSuccessStatus"), row({m_optionsSuccessStatus}));
    corsForm->addRow(m_corsUnknown);
    layout->addWidget(m_cors);

    // allowRequest
    m_allowRequest = field(QStringLiteral("server.allowRequest"),
        new QGroupBox(tr("Check each request (allowRequest)")),
        tr("allowRequest — a function (req, callback) that may refuse a handshake or upgrade "
           "before any CORS header is sent."));
    m_allowRequest->setCheckable(true);
    m_allowRequestSource = field(QStringLiteral("server.allowRequest.function"),
        new JavaScriptEditor,
        tr("allowRequest — callback(null, true) lets the request through; callback(\"message\", "
           "false) refuses it with HTTP 403."));
    m_allowRequestSource->setVisibleLines(5);
    auto *allowLayout = new QVBoxLayout(m_allowRequest);
    allowLayout->addWidget(m_allowRequestSource);
    layout->addWidget(m_allowRequest);

    // Engine.IO
    auto *engine = new QGroupBox(tr("Transports and timing"));
    auto *engineForm = new QFormLayout(engine);
    m_serverTransports = field(QStringLiteral("server.transports"),
        new TransportListEditor({QStringLiteral("polling"), QStringLiteral("websocket")}),
        tr("transports — the transports the server accepts; a client asking for another one "
           "gets \"Transport unknown\"."));
    m_allowUpgrades = field(QStringLiteral("server.allowUpgrades"),
        new QCheckBox(tr("Allow upgrading from polling to WebSocket")),
        tr("allowUpgrades — lets a polling connection move to WebSocket."));
    auto msBox = [this](const QString &path, const QString &toolTip) {
        auto *box = field(path, new LongSpinBox(0, MaxTimer), toolTip);
        box->setSuffix(tr(" ms"));
        return box;
    };
    m_pingInterval = msBox(QStringLiteral("server.pingInterval"),
        tr("pingInterval — how often the server sends a ping to check the connection."));
    m_pingTimeout = msBox(QStringLiteral("server.pingTimeout"),
        tr("pingTimeout — how long the server waits for the pong before closing."));
    m_upgradeTimeout = msBox(QStringLiteral("server.upgradeTimeout"),
        tr("upgradeTimeout — how long an unfinished WebSocket upgrade may take."));
    m_connectTimeout = msBox(QStringLiteral("server.connectTimeout"),
        tr("connectTimeout — how long a client may take to join a namespace before it is "
           "closed."));
    m_maxHttpBufferSize
        = field(QStringLiteral("server.maxHttpBufferSize"), new LongSpinBox(0, MaxSafeInteger),
            tr("maxHttpBufferSize — the largest message the server accepts before closing the "
               "connection."));
    m_maxHttpBufferSize->setSuffix(tr(" bytes"));
    m_allowEIO3 = field(QStringLiteral("server.allowEIO3"),
        new QCheckBox(tr("Accept Socket.IO v2 clients (EIO=3)")),
        tr("allowEIO3 — accepts clients that speak the Engine.IO 3 protocol."));
    m_httpCompression = field(QStringLiteral("server.httpCompression"),
        new QCheckBox(tr("Compress polling responses")),
        tr("httpCompression — compresses polling bodies of 1024 bytes or more when the client "
           "accepts it."));
    m_initialPacket = field(QStringLiteral("server.initialPacket"), new JavaScriptEditor,
        tr("initialPacket — JSON sent as a message right after the open packet; empty sends "
           "none."));
    static_cast<JavaScriptEditor *>(m_initialPacket)->setVisibleLines(3);
    m_initialPacketError = noteLabel();
    engineForm->addRow(tr("transports"), m_serverTransports);
    engineForm->addRow(QString(), m_allowUpgrades);
    engineForm->addRow(tr("pingInterval"), row({m_pingInterval}));
    engineForm->addRow(tr("pingTimeout"), row({m_pingTimeout}));
    engineForm->addRow(tr("upgradeTimeout"), row({m_upgradeTimeout}));
    engineForm->addRow(tr("connectTimeout"), row({m_connectTimeout}));
    engineForm->addRow(tr("maxHttpBufferSize"), row({m_maxHttpBufferSize}));
    engineForm->addRow(QString(), m_allowEIO3);
    engineForm->addRow(QString(), m_httpCompression);
    engineForm->addRow(tr("initialPacket"), m_initialPacket);
    engineForm->addRow(QString(), m_initialPacketError);
    layout->addWidget(engine);

    // Cookie
    auto *cookie = new QGroupBox(tr("Session cookie (cookie)"));
    auto *cookieForm = new QFormLayout(cookie);
    m_cookieMode = field(QStringLiteral("server.cookie"), new QComboBox,
        tr("cookie — whether the handshake sets the engine.io session cookie (load balancers use "
           "it for stickiness)."));
    m_cookieMode->addItem(tr("off (false)"));
    m_cookieMode->addItem(tr("on with defaults (true)"));
    m_cookieMode->addItem(tr("on with these options"));
    cookieForm->addRow(tr("cookie"), row({m_cookieMode}));
    m_cookieFields = new QWidget;
    auto *cf = new QFormLayout(m_cookieFields);
    cf->setContentsMargins(0, 0, 0, 0);
    m_cookieNameSet = field(QStringLiteral("server.cookie.name"), new QCheckBox,
        tr("cookie.name — the cookie's name (\"io\" when not set)."));
    m_cookieName = new QLineEdit;
    m_cookieName->setToolTip(m_cookieNameSet->toolTip());
    m_cookieName->setPlaceholderText(QStringLiteral("io"));
    connect(m_cookieName, &QLineEdit::textChanged, this, &ProfileForm::onChanged);
    m_cookiePathMode = field(QStringLiteral("server.cookie.path"), new QComboBox,
        tr("cookie.path — the cookie's Path attribute; false sends none."));
    m_cookiePathMode->addItem(tr("not set (\"/\")"));
    m_cookiePathMode->addItem(tr("false: no Path attribute"));
    m_cookiePathMode->addItem(tr("path"));
    m_cookiePath = new QLineEdit;
    m_cookiePath->setToolTip(m_cookiePathMode->toolTip());
    connect(m_cookiePath, &QLineEdit::textChanged, this, &ProfileForm::onChanged);
    m_cookieDomainSet = field(QStringLiteral("server.cookie.domain"), new QCheckBox,
        tr("cookie.domain — the Domain attribute: which hosts the browser sends the cookie to."));
    m_cookieDomain = new QLineEdit;
    m_cookieDomain->setToolTip(m_cookieDomainSet->toolTip());
    connect(m_cookieDomain, &QLineEdit::textChanged, this, &ProfileForm::onChanged);
    m_cookieHttpOnly = field(QStringLiteral("server.cookie.httpOnly"), optionalBoolCombo(),
        tr("cookie.httpOnly — hides the cookie from the page's JavaScript."));
    m_cookieSecure = field(QStringLiteral("server.cookie.secure"), optionalBoolCombo(),
        tr("cookie.secure — the browser sends the cookie over HTTPS only."));
    m_cookieSameSite = field(QStringLiteral("server.cookie.sameSite"), new QComboBox,
        tr("cookie.sameSite — whether cross-site requests carry the cookie; \"none\" needs "
           "secure."));
    m_cookieSameSite->addItem(tr("not set"), QString());
    for (const char *v : {"lax", "strict", "none", "true", "false"})
        m_cookieSameSite->addItem(QString::fromLatin1(v), QString::fromLatin1(v));
    m_cookieMaxAgeSet = field(QStringLiteral("server.cookie.maxAge"), new QCheckBox,
        tr("cookie.maxAge — seconds until the cookie expires; not set, it lasts the session."));
    m_cookieMaxAge = new LongSpinBox(-MaxSafeInteger, MaxSafeInteger);
    m_cookieMaxAge->setSuffix(tr(" s"));
    m_cookieMaxAge->setToolTip(m_cookieMaxAgeSet->toolTip());
    connect(m_cookieMaxAge, &QDoubleSpinBox::valueChanged, this, &ProfileForm::onChanged);
    m_cookiePartitioned = field(QStringLiteral("server.cookie.partitioned"), optionalBoolCombo(),
        tr("cookie.partitioned — stores the cookie per top-level site (CHIPS)."));
    cf->addRow(tr("name"), row({m_cookieNameSet, m_cookieName}, false));
    cf->addRow(tr("path"), row({m_cookiePathMode, m_cookiePath}, false));
    cf->addRow(tr("domain"), row({m_cookieDomainSet, m_cookieDomain}, false));
    cf->addRow(tr("httpOnly"), row({m_cookieHttpOnly}));
    cf->addRow(tr("secure"), row({m_cookieSecure}));
    cf->addRow(tr("sameSite"), row({m_cookieSameSite}));
    cf->addRow(tr("maxAge"), row({m_cookieMaxAgeSet, m_cookieMaxAge}));
    cf->addRow(tr("partitioned"), row({m_cookiePartitioned}));
    cookieForm->addRow(m_cookieFields);
    layout->addWidget(cookie);

    // Namespaces
    auto *namespaces = new QGroupBox(tr("Namespaces (namespaces)"));
    auto *nsLayout = new QVBoxLayout(namespaces);
    m_namespaces = field(QStringLiteral("server.namespaces"), new NamespaceListEditor,
        tr("namespaces — namespaces besides \"/\" the server declares, each with an optional "
           "middleware."));
    m_fields[QStringLiteral("server.namespaces")].focusRest = [this](const QString &rest) {
        if (rest.startsWith(QLatin1Char('[')))
            m_namespaces->focusNamespace(rest.mid(1, rest.indexOf(QLatin1Char(']')) - 1).toInt());
    };
    nsLayout->addWidget(m_namespaces);
    layout->addWidget(namespaces);

    // Proxy
    m_proxy = field(QStringLiteral("server.proxy"),
        new QGroupBox(tr("Reverse proxy or load balancer in front (proxy, CorsLab's own)")),
        tr("proxy — what nginx or a load balancer between the browser and the server does; "
           "unchecked, the client talks to the server directly."));
    m_proxy->setCheckable(true);
    auto *proxyForm = new QFormLayout(m_proxy);
    m_proxyHeaders = field(QStringLiteral("server.proxy.addHeaders"),
        new RowTable(
            {{tr("Header"), RowTable::ColumnKind::Text, {}, {}, tr("The response header's name")},
                {tr("Value"), RowTable::ColumnKind::Text, {}, {},
                    tr("The response header's value")},
                {tr("On"), RowTable::ColumnKind::Choice,
                    {QStringLiteral("all"), QStringLiteral("preflight"), QStringLiteral("other")},
                    whenLabels(), tr("Which responses get the header")}},
            true),
        tr("proxy.addHeaders — headers the proxy appends to the server's responses (a second "
           "Access-Control-Allow-Origin, say)."));
    m_fields[QStringLiteral("server.proxy.addHeaders")].focusRest = [this](const QString &rest) {
        m_proxyHeaders->focusRow(rest.mid(1, rest.indexOf(QLatin1Char(']')) - 1).toInt());
    };
    m_redirect = field(QStringLiteral("server.proxy.redirect"),
        new QGroupBox(tr("Answer with a redirect (redirect)")),
        tr("proxy.redirect — the proxy answers with a redirect instead of forwarding; browsers "
           "refuse to follow redirects of preflights."));
    m_redirect->setCheckable(true);
    auto *redirectForm = new QFormLayout(m_redirect);
    m_redirectStatus = field(QStringLiteral("server.proxy.redirect.status"), new QSpinBox,
        tr("proxy.redirect.status — the redirect's HTTP status (300 to 399)."));
    m_redirectStatus->setRange(300, 399);
    m_redirectLocation = field(QStringLiteral("server.proxy.redirect.location"), new QLineEdit,
        tr("proxy.redirect.location — where the redirect points (the Location header)."));
    m_redirectOn = field(QStringLiteral("server.proxy.redirect.on"), new QComboBox,
        tr("proxy.redirect.on — which requests are redirected."));
    const QStringList whens
        = {QStringLiteral("all"), QStringLiteral("preflight"), QStringLiteral("other")};
    for (int i = 0; i < whens.size(); ++i)
        m_redirectOn->addItem(whenLabels().value(i), whens[i]);
    redirectForm->addRow(tr("status"), row({m_redirectStatus}));
    redirectForm->addRow(tr("location"), m_redirectLocation);
    redirectForm->addRow(tr("on"), row({m_redirectOn}));
    m_stripUpgrade = field(QStringLiteral("server.proxy.stripUpgrade"),
        new QCheckBox(tr("Drop the Upgrade and Connection headers")),
        tr("proxy.stripUpgrade — the proxy does not pass WebSocket upgrades on (nginx without "
           "proxy_set_header Upgrade)."));
    m_instances = field(QStringLiteral("server.proxy.instances"), new QSpinBox,
        tr("proxy.instances — server instances behind the proxy, taking requests in turn."));
    m_instances->setRange(1, 8);
    m_sticky = field(QStringLiteral("server.proxy.sticky"), new QComboBox,
        tr("proxy.sticky — keeps each session on one instance by the engine.io cookie."));
    m_sticky->addItem(tr("none: every request balanced anew"), QStringLiteral("none"));
    m_sticky->addItem(tr("cookie: by the engine.io cookie"), QStringLiteral("cookie"));
    proxyForm->addRow(tr("addHeaders"), m_proxyHeaders);
    proxyForm->addRow(m_redirect);
    proxyForm->addRow(QString(), m_stripUpgrade);
    proxyForm->addRow(tr("instances"), row({m_instances}));
    proxyForm->addRow(tr("sticky"), row({m_sticky}));
    layout->addWidget(m_proxy);

    m_serverUnknown = noteLabel();
    layout->addWidget(m_serverUnknown);
    layout->addStretch();
    return page;
}

QWidget *ProfileForm::buildClientTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);

    // The page and its io() call: what decides the outcome most often, so it is on top.
    auto *top = new QGroupBox(tr("The page and its io() call"));
    auto *topForm = new QFormLayout(top);
    m_pageOrigin = field(QStringLiteral("client.pageOrigin"), new QComboBox,
        tr("pageOrigin — the origin of the page that calls io(); \"same-origin\" means the "
           "server itself serves the page."));
    m_pageOrigin->setEditable(true);
    m_pageOrigin->setInsertPolicy(QComboBox::NoInsert);
    m_pageOrigin->addItem(ClientOptions::SameOrigin);
    m_pageOrigin->addItem(QStringLiteral("http://localhost:3000"));
    m_pageOrigin->addItem(QStringLiteral("null"));
    m_pageOriginWarning = noteLabel();
    auto *urlBox = new QWidget;
    m_urlEmbedded = new QRadioButton(tr("The embedded server"));
    m_urlCustom = new QRadioButton(tr("URL:"));
    auto *urlGroup = new QButtonGroup(urlBox);
    urlGroup->addButton(m_urlEmbedded);
    urlGroup->addButton(m_urlCustom);
    m_url = new QLineEdit;
    m_url->setPlaceholderText(QStringLiteral("https://api.example.com"));
    auto *urlLayout = new QHBoxLayout(urlBox);
    urlLayout->setContentsMargins(0, 0, 0, 0);
    urlLayout->addWidget(m_urlEmbedded);
    urlLayout->addWidget(m_urlCustom);
    urlLayout->addWidget(m_url, 1);
    const QString urlTip = tr("url — the server io() connects to: the embedded server, or an "
                              "http, https, ws or wss URL.");
    field(QStringLiteral("client.url"), urlBox, urlTip);
    for (QWidget *w : {static_cast<QWidget *>(m_urlEmbedded), static_cast<QWidget *>(m_urlCustom),
             static_cast<QWidget *>(m_url)})
        w->setToolTip(urlTip);
    urlBox->setFocusProxy(m_url);
    connect(m_urlCustom, &QRadioButton::toggled, this, &ProfileForm::onChanged);
    connect(m_url, &QLineEdit::textChanged, this, &ProfileForm::onChanged);
    m_browser = field(QStringLiteral("client.browser"), new QComboBox,
        tr("browser — whose CORS rules and error messages apply; the Node client has no CORS."));
    m_browser->addItem(tr("Chromium"), browserName(Browser::Chromium));
    m_browser->addItem(tr("Firefox"), browserName(Browser::Firefox));
    m_browser->addItem(tr("Node.js client (no CORS)"), browserName(Browser::Node));
    m_namespace = field(QStringLiteral("client.namespace"), new QLineEdit,
        tr("namespace — the namespace in io(url + namespace), \"/\" for the main one."));
    topForm->addRow(prominentLabel(tr("Page origin")), m_pageOrigin);
    topForm->addRow(QString(), m_pageOriginWarning);
    topForm->addRow(prominentLabel(tr("Connects to")), urlBox);
    topForm->addRow(prominentLabel(tr("Browser")), row({m_browser}));
    topForm->addRow(tr("namespace"), m_namespace);
    layout->addWidget(top);

    // io() options
    auto *options = new QGroupBox(tr("io() options"));
    auto *optionsForm = new QFormLayout(options);
    m_clientPath = field(QStringLiteral("client.options.path"), new QLineEdit,
        tr("path — the HTTP path the client requests; it must match the server's path."));
    m_query = field(QStringLiteral("client.options.query"),
        new RowTable({RowTable::textColumn(tr("Name")), RowTable::textColumn(tr("Value"))}, true),
        tr("query — extra query parameters sent with every request."));
    m_auth = field(QStringLiteral("client.options.auth"), new JavaScriptEditor,
        tr("auth — a JSON object sent in the CONNECT packet; empty sends none."));
    m_auth->setVisibleLines(3);
    m_authError = noteLabel();
    m_withCredentials = field(QStringLiteral("client.options.withCredentials"),
        new QCheckBox(tr("Send cookies and credentials cross-origin")),
        tr("withCredentials — makes cross-origin requests carry cookies; the server must then "
           "allow credentials."));
    m_extraHeaders = field(QStringLiteral("client.options.extraHeaders"),
        new RowTable({RowTable::textColumn(tr("Header")), RowTable::textColumn(tr("Value"))}, true),
        tr("extraHeaders — headers added to polling requests, in this order; any of them "
           "triggers a preflight."));
    auto focusKey = [](RowTable *table) {
        return [table](const QString &rest) {
            const QString key = rest.mid(1);
            const QList<RowTable::Row> rows = table->rows();
            for (int i = 0; i < rows.size(); ++i)
                if (rows[i].cells.value(0) == key)
                    return table->focusRow(i);
            table->focusRow(-1);
        };
    };
    m_fields[QStringLiteral("client.options.query")].focusRest = focusKey(m_query);
    m_fields[QStringLiteral("client.options.extraHeaders")].focusRest = focusKey(m_extraHeaders);
    m_clientTransports = field(QStringLiteral("client.options.transports"),
        new TransportListEditor({QStringLiteral("polling"), QStringLiteral("websocket"),
            QStringLiteral("webtransport")}),
        tr("transports — the transports the client tries, in this order."));
    m_upgrade = field(QStringLiteral("client.options.upgrade"),
        new QCheckBox(tr("Upgrade to WebSocket after polling")),
        tr("upgrade — moves the connection from polling to a better transport when it can."));
    m_rememberUpgrade = field(QStringLiteral("client.options.rememberUpgrade"),
        new QCheckBox(tr("Start with WebSocket if it worked last time")),
        tr("rememberUpgrade — skips polling when a previous WebSocket connection succeeded."));
    m_timeout = field(QStringLiteral("client.options.timeout"), new LongSpinBox(0, MaxTimer),
        tr("timeout — how long the client waits for the connection before connect_error."));
    m_timeout->setSuffix(tr(" ms"));
    m_forceBase64 = field(QStringLiteral("client.options.forceBase64"),
        new QCheckBox(tr("Send binary data as base64")),
        tr("forceBase64 — encodes binary packets as base64 text."));
    optionsForm->addRow(tr("path"), m_clientPath);
    optionsForm->addRow(tr("query"), m_query);
    optionsForm->addRow(tr("auth"), m_auth);
    optionsForm->addRow(QString(), m_authError);
    optionsForm->addRow(QString(), m_withCredentials);
    optionsForm->addRow(tr("extraHeaders"), m_extraHeaders);
    optionsForm->addRow(tr("transports"), m_clientTransports);
    optionsForm->addRow(QString(), m_upgrade);
    optionsForm->addRow(QString(), m_rememberUpgrade);
    optionsForm->addRow(tr("timeout"), row({m_timeout}));
    optionsForm->addRow(QString(), m_forceBase64);
    layout->addWidget(options);

    // Emit steps
    auto *emitBox = new QGroupBox(tr("Events sent once connected (emit)"));
    auto *emitLayout = new QVBoxLayout(emitBox);
    m_emit = field(QStringLiteral("client.emit"),
        new RowTable({{tr("Event"), RowTable::ColumnKind::Text, {}, {},
                          tr("The event name passed to socket.emit()")},
                         {tr("Arguments (JSON array)"), RowTable::ColumnKind::Text, {}, {},
                             tr("The arguments after the event name, as a JSON array")},
                         {tr("Ack"), RowTable::ColumnKind::Check, {}, {},
                             tr("Pass an acknowledgement callback and wait for it")}},
            true),
        tr("emit — socket.emit(event, ...args) calls made in order once connected."));
    m_emit->setNewRowCells(
        {QStringLiteral("hello"), QStringLiteral("[]"), QStringLiteral("false")});
    m_fields[QStringLiteral("client.emit")].focusRest = [this](const QString &rest) {
        m_emit->focusRow(rest.mid(1, rest.indexOf(QLatin1Char(']')) - 1).toInt());
    };
    m_emitError = noteLabel();
    emitLayout->addWidget(m_emit);
    emitLayout->addWidget(m_emitError);
    layout->addWidget(emitBox);

    m_clientUnknown = noteLabel();
    layout->addWidget(m_clientUnknown);
    layout->addStretch();
    return page;
}

void ProfileForm::setProfile(const Profile &p)
{
    m_filling = true;
    m_base = p;

    m_name->setText(p.name);
    m_description->setText(p.description);
    m_schema->setText(p.schema);
    selectData(m_verdict, p.expect ? verdictName(p.expect->verdict) : QString());
    m_reason->setText(p.expect ? p.expect->reason : QString());

    const ServerOptions &s = p.server;
    m_host->setText(s.host);
    m_port->setValue(s.port);
    m_serverPath->setText(s.path);
    m_addTrailingSlash->setChecked(s.addTrailingSlash);
    m_cors->setChecked(s.cors.has_value());
    const CorsOptions cors = s.cors.value_or(CorsOptions {});
    m_origin->setValue(cors.origin);
    m_methods->setValue(cors.methods);
    m_allowedHeaders->setValue(cors.allowedHeaders);
    m_exposedHeaders->setValue(cors.exposedHeaders);
    m_credentials->setChecked(cors.credentials);
    m_maxAgeSeconds->setLongValue(0);
    m_maxAgeText->clear();
    if (!cors.maxAge) {
        m_maxAgeMode->setCurrentIndex(0);
    } else if (const auto *n = std::get_if<qint64>(&*cors.maxAge)) {
        m_maxAgeMode->setCurrentIndex(1);
        m_maxAgeSeconds->setLongValue(*n);
    } else {
        m_maxAgeMode->setCurrentIndex(2);
        m_maxAgeText->setText(std::get<QString>(*cors.maxAge));
    }
    m_preflightContinue->setChecked(cors.preflightContinue);
    m_optionsSuccessStatus->setValue(cors.optionsSuccessStatus);

    m_allowRequest->setChecked(s.allowRequest.has_value());
    m_allowRequestSource->setPlainText(
        s.allowRequest ? s.allowRequest->source : DefaultAllowRequest);
    m_serverTransports->setTransports(s.transports);
    m_allowUpgrades->setChecked(s.allowUpgrades);
    m_pingInterval->setLongValue(s.pingInterval);
    m_pingTimeout->setLongValue(s.pingTimeout);
    m_upgradeTimeout->setLongValue(s.upgradeTimeout);
    m_maxHttpBufferSize->setLongValue(s.maxHttpBufferSize);
    m_connectTimeout->setLongValue(s.connectTimeout);
    m_allowEIO3->setChecked(s.allowEIO3);
    m_httpCompression->setChecked(s.httpCompression);
    m_initialPacket->setPlainText(s.initialPacket ? jsonText(*s.initialPacket, false) : QString());

    const auto *cookieOptions = std::get_if<CookieOptions>(&s.cookie);
    m_cookieMode->setCurrentIndex(cookieOptions ? 2 : (std::get<bool>(s.cookie) ? 1 : 0));
    const CookieOptions c = cookieOptions ? *cookieOptions : CookieOptions {};
    m_cookieNameSet->setChecked(c.name.has_value());
    m_cookieName->setText(c.name.value_or(QString()));
    m_cookiePath->clear();
    if (!c.path)
        m_cookiePathMode->setCurrentIndex(0);
    else if (const auto *text = std::get_if<QString>(&*c.path)) {
        m_cookiePathMode->setCurrentIndex(2);
        m_cookiePath->setText(*text);
    } else
        m_cookiePathMode->setCurrentIndex(1);
    m_cookieDomainSet->setChecked(c.domain.has_value());
    m_cookieDomain->setText(c.domain.value_or(QString()));
    setOptionalBool(m_cookieHttpOnly, c.httpOnly);
    setOptionalBool(m_cookieSecure, c.secure);
    if (!c.sameSite)
        m_cookieSameSite->setCurrentIndex(0);
    else if (const auto *b = std::get_if<bool>(&*c.sameSite))
        selectData(m_cookieSameSite, *b ? QStringLiteral("true") : QStringLiteral("false"));
    else
        selectData(m_cookieSameSite, std::get<QString>(*c.sameSite));
    m_cookieMaxAgeSet->setChecked(c.maxAge.has_value());
    m_cookieMaxAge->setLongValue(c.maxAge.value_or(0));
    setOptionalBool(m_cookiePartitioned, c.partitioned);

    m_namespaces->setNamespaces(s.namespaces);

    m_proxy->setChecked(s.proxy.has_value());
    const ProxyOptions proxy = s.proxy.value_or(ProxyOptions {});
    QList<RowTable::Row> headerRows;
    for (int i = 0; i < proxy.addHeaders.size(); ++i) {
        const ProxyHeader &h = proxy.addHeaders[i];
        headerRows << RowTable::Row {{h.name, h.value, whenName(h.on)}, i};
    }
    m_proxyHeaders->setRows(headerRows);
    m_redirect->setChecked(proxy.redirect.has_value());
    const ProxyRedirect redirect = proxy.redirect.value_or(ProxyRedirect {});
    m_redirectStatus->setValue(redirect.status);
    m_redirectLocation->setText(redirect.location);
    selectData(m_redirectOn, whenName(redirect.on));
    m_stripUpgrade->setChecked(proxy.stripUpgrade);
    m_instances->setValue(proxy.instances);
    selectData(m_sticky, proxy.stickyCookie ? QStringLiteral("cookie") : QStringLiteral("none"));

    const ClientOptions &cl = p.client;
    m_pageOrigin->setCurrentIndex(m_pageOrigin->findText(cl.pageOrigin));
    m_pageOrigin->setEditText(cl.pageOrigin);
    const bool embedded = cl.url == ClientOptions::EmbeddedUrl;
    m_urlEmbedded->setChecked(embedded);
    m_urlCustom->setChecked(!embedded);
    m_url->setText(embedded ? QString() : cl.url);
    selectData(m_browser, browserName(cl.browser));
    m_namespace->setText(cl.namespaceName);
    const ClientConnectOptions &o = cl.options;
    m_clientPath->setText(o.path);
    QList<RowTable::Row> queryRows;
    for (const auto &[key, value] : o.query)
        queryRows << RowTable::Row {{key, value}};
    m_query->setRows(queryRows);
    m_auth->setPlainText(o.auth ? jsonText(*o.auth, false) : QString());
    m_withCredentials->setChecked(o.withCredentials);
    QList<RowTable::Row> headers;
    for (const auto &[key, value] : o.extraHeaders)
        headers << RowTable::Row {{key, value}};
    m_extraHeaders->setRows(headers);
    m_clientTransports->setTransports(o.transports);
    m_upgrade->setChecked(o.upgrade);
    m_rememberUpgrade->setChecked(o.rememberUpgrade);
    m_timeout->setLongValue(o.timeout);
    m_forceBase64->setChecked(o.forceBase64);
    QList<RowTable::Row> steps;
    for (int i = 0; i < cl.emitSteps.size(); ++i) {
        const EmitStep &step = cl.emitSteps[i];
        steps << RowTable::Row {{step.event, jsonText(JsonNode::makeArray(step.args), true),
                                    step.ack ? QStringLiteral("true") : QStringLiteral("false")},
            i};
    }
    m_emit->setRows(steps);

    updateUnknownLabels();
    updateEnabled();
    m_filling = false;
}

Profile ProfileForm::profile() const
{
    Profile p = m_base;
    p.name = m_name->text();
    p.description = m_description->text();
    p.schema = m_schema->text();
    const QString verdict = m_verdict->currentData().toString();
    if (verdict.isEmpty()) {
        p.expect.reset();
    } else {
        Expectation e = m_base.expect.value_or(Expectation {});
        e.verdict = verdictFromName(verdict).value_or(Verdict::Connected);
        e.reason = m_reason->text();
        p.expect = e;
    }

    ServerOptions &s = p.server;
    s.host = m_host->text();
    s.port = m_port->value();
    s.path = m_serverPath->text();
    s.addTrailingSlash = m_addTrailingSlash->isChecked();
    if (m_cors->isChecked()) {
        CorsOptions c = m_base.server.cors.value_or(CorsOptions {});
        c.origin = m_origin->value();
        c.methods = m_methods->value().value_or(StringOrList(CorsOptions::DefaultMethods));
        c.allowedHeaders = m_allowedHeaders->value();
        c.exposedHeaders = m_exposedHeaders->value();
        c.credentials = m_credentials->isChecked();
        switch (m_maxAgeMode->currentIndex()) {
        case 1:
            c.maxAge = std::variant<qint64, QString>(m_maxAgeSeconds->longValue());
            break;
        case 2:
            c.maxAge = std::variant<qint64, QString>(m_maxAgeText->text());
            break;
        default:
            c.maxAge.reset();
            break;
        }
        c.preflightContinue = m_preflightContinue->isChecked();
        c.optionsSuccessStatus = m_optionsSuccessStatus->value();
        s.cors = c;
    } else {
        s.cors.reset();
    }
    if (m_allowRequest->isChecked()) {
        ScriptFunction fn = m_base.server.allowRequest.value_or(ScriptFunction {});
        fn.source = m_allowRequestSource->toPlainText();
        s.allowRequest = fn;
    } else {
        s.allowRequest.reset();
    }
    s.transports = m_serverTransports->transports();
    s.allowUpgrades = m_allowUpgrades->isChecked();
    s.pingInterval = m_pingInterval->longValue();
    s.pingTimeout = m_pingTimeout->longValue();
    s.upgradeTimeout = m_upgradeTimeout->longValue();
    s.maxHttpBufferSize = m_maxHttpBufferSize->longValue();
    s.connectTimeout = m_connectTimeout->longValue();
    s.allowEIO3 = m_allowEIO3->isChecked();
    s.httpCompression = m_httpCompression->isChecked();
    const QString packet = m_initialPacket->toPlainText();
    if (packet.trimmed().isEmpty())
        s.initialPacket.reset();
    else if (auto node = parseJsonText(packet))
        s.initialPacket = *node;

    if (m_cookieMode->currentIndex() == 2) {
        const auto *base = std::get_if<CookieOptions>(&m_base.server.cookie);
        CookieOptions c = base ? *base : CookieOptions {};
        c.name = m_cookieNameSet->isChecked() ? std::optional(m_cookieName->text()) : std::nullopt;
        if (m_cookiePathMode->currentIndex() == 1)
            c.path = std::variant<bool, QString>(false);
        else if (m_cookiePathMode->currentIndex() == 2)
            c.path = std::variant<bool, QString>(m_cookiePath->text());
        else
            c.path.reset();
        c.domain
            = m_cookieDomainSet->isChecked() ? std::optional(m_cookieDomain->text()) : std::nullopt;
        c.httpOnly = optionalBool(m_cookieHttpOnly);
        c.secure = optionalBool(m_cookieSecure);
        const QString sameSite = m_cookieSameSite->currentData().toString();
        if (sameSite.isEmpty())
            c.sameSite.reset();
        else if (sameSite == QLatin1String("true") || sameSite == QLatin1String("false"))
            c.sameSite = std::variant<bool, QString>(sameSite == QLatin1String("true"));
        else
            c.sameSite = std::variant<bool, QString>(sameSite);
        c.maxAge = m_cookieMaxAgeSet->isChecked() ? std::optional(m_cookieMaxAge->longValue())
                                                  : std::nullopt;
        c.partitioned = optionalBool(m_cookiePartitioned);
        s.cookie = c;
    } else {
        s.cookie = m_cookieMode->currentIndex() == 1;
    }
    s.namespaces = m_namespaces->namespaces();

    if (m_proxy->isChecked()) {
        const ProxyOptions base = m_base.server.proxy.value_or(ProxyOptions {});
        ProxyOptions proxy = base;
        proxy.addHeaders.clear();
        for (const RowTable::Row &r : m_proxyHeaders->rows()) {
            ProxyHeader h = r.tag >= 0 && r.tag < base.addHeaders.size() ? base.addHeaders[r.tag]
                                                                         : ProxyHeader {};
            h.name = r.cells.value(0);
            h.value = r.cells.value(1);
            h.on = whenFromName(r.cells.value(2));
            proxy.addHeaders << h;
        }
        if (m_redirect->isChecked()) {
            ProxyRedirect redirect = base.redirect.value_or(ProxyRedirect {});
            redirect.status = m_redirectStatus->value();
            redirect.location = m_redirectLocation->text();
            redirect.on = whenFromName(m_redirectOn->currentData().toString());
            proxy.redirect = redirect;
        } else {
            proxy.redirect.reset();
        }
        proxy.stripUpgrade = m_stripUpgrade->isChecked();
        proxy.instances = m_instances->value();
        proxy.stickyCookie = m_sticky->currentData().toString() == QLatin1String("cookie");
        s.proxy = proxy;
    } else {
        s.proxy.reset();
    }

    ClientOptions &cl = p.client;
    cl.pageOrigin = m_pageOrigin->currentText();
    cl.url = m_urlEmbedded->isChecked() ? ClientOptions::EmbeddedUrl : m_url->text();
    cl.browser = browserFromName(m_browser->currentData().toString()).value_or(Browser::Chromium);
    cl.namespaceName = m_namespace->text();
    ClientConnectOptions &o = cl.options;
    o.path = m_clientPath->text();
    o.query.clear();
    for (const RowTable::Row &r : m_query->rows())
        o.query.emplace_back(r.cells.value(0), r.cells.value(1));
    const QString auth = m_auth->toPlainText();
    if (auth.trimmed().isEmpty())
        o.auth.reset();
    else if (auto node = parseJsonText(auth))
        o.auth = *node;
    o.withCredentials = m_withCredentials->isChecked();
    o.extraHeaders.clear();
    for (const RowTable::Row &r : m_extraHeaders->rows())
        o.extraHeaders.emplace_back(r.cells.value(0), r.cells.value(1));
    o.transports = m_clientTransports->transports();
    o.upgrade = m_upgrade->isChecked();
    o.rememberUpgrade = m_rememberUpgrade->isChecked();
    o.timeout = m_timeout->longValue();
    o.forceBase64 = m_forceBase64->isChecked();
    cl.emitSteps.clear();
    for (const RowTable::Row &r : m_emit->rows()) {
        EmitStep step = r.tag >= 0 && r.tag < m_base.client.emitSteps.size()
            ? m_base.client.emitSteps[r.tag]
            : EmitStep {};
        step.event = r.cells.value(0);
        const QString args = r.cells.value(1).trimmed();
        if (args.isEmpty())
            step.args.clear();
        else if (auto node = parseJsonText(args); node && node->isArray())
            step.args = node->items();
        step.ack = r.cells.value(2) == QLatin1String("true");
        cl.emitSteps << step;
    }
    return p;
}

void ProfileForm::updateEnabled()
{
    m_reason->setEnabled(!m_verdict->currentData().toString().isEmpty());
    m_maxAgeSeconds->setVisible(m_maxAgeMode->currentIndex() == 1);
    m_maxAgeText->setVisible(m_maxAgeMode->currentIndex() == 2);
    m_cookieFields->setVisible(m_cookieMode->currentIndex() == 2);
    m_cookieName->setEnabled(m_cookieNameSet->isChecked());
    m_cookiePath->setEnabled(m_cookiePathMode->currentIndex() == 2);
    m_cookieDomain->setEnabled(m_cookieDomainSet->isChecked());
    m_cookieMaxAge->setEnabled(m_cookieMaxAgeSet->isChecked());
    m_url->setEnabled(m_urlCustom->isChecked());

    // Inline notes: JSON that does not parse keeps its last good value until it does.
    auto showError = [](QLabel *label, const QString &text) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
    };
    QString error;
    const QString packet = m_initialPacket->toPlainText();
    showError(m_initialPacketError,
        packet.trimmed().isEmpty() || parseJsonText(packet, &error)
            ? QString()
            : tr("Not valid JSON (%1); the last valid value is kept.").arg(error));
    const QString auth = m_auth->toPlainText();
    std::optional<JsonNode> authNode;
    if (!auth.trimmed().isEmpty())
        authNode = parseJsonText(auth, &error);
    showError(m_authError,
        auth.trimmed().isEmpty() || (authNode && authNode->isObject())
            ? QString()
            : (authNode ? tr("auth must be a JSON object.")
                        : tr("Not valid JSON (%1); the last valid value is kept.").arg(error)));
    QStringList badSteps;
    const QList<RowTable::Row> steps = m_emit->rows();
    for (int i = 0; i < steps.size(); ++i) {
        const QString args = steps[i].cells.value(1).trimmed();
        if (args.isEmpty())
            continue;
        const auto node = parseJsonText(args);
        if (!node || !node->isArray())
            badSteps << QString::number(i + 1);
    }
    showError(m_emitError,
        badSteps.isEmpty() ? QString()
                           : tr("The arguments of row %1 are not a JSON array; the last valid "
                                "value is kept.")
                                 .arg(badSteps.join(QStringLiteral(", "))));

    const QString page = m_pageOrigin->currentText();
    QString warning;
    if (page != ClientOptions::SameOrigin && page != QLatin1String("null")) {
        const OriginSyntax syntax = OriginSyntax::check(page);
        if (!syntax.isSerializedOrigin)
            warning = tr("\"%1\" is not an origin a browser would send (%2)%3")
                          .arg(page, syntax.problem,
                              syntax.suggestion.isEmpty()
                                  ? QString()
                                  : tr(" — did you mean \"%1\"?").arg(syntax.suggestion));
        else
            m_origin->setTestOrigin(page);
    }
    showError(m_pageOriginWarning, warning.isEmpty() ? QString() : QStringLiteral("⚠ ") + warning);
}

void ProfileForm::updateUnknownLabels()
{
    // Unknown keys have no field of their own: their diagnostics land on these notes.
    for (auto it = m_fields.begin(); it != m_fields.end();) {
        if (it->widget == m_profileUnknown || it->widget == m_serverUnknown
            || it->widget == m_corsUnknown || it->widget == m_clientUnknown)
            it = m_fields.erase(it);
        else
            ++it;
    }
    auto show = [this](QLabel *label, const QStringList &keys, const QString &prefix) {
        label->setText(keys.isEmpty() ? QString() : unknownKeysText(keys));
        label->setVisible(!keys.isEmpty());
        for (const QString &key : keys)
            m_fields.insert(prefix + key, FieldEntry {label, {}});
    };
    show(m_profileUnknown, keysOf(m_base.unknown), QString());
    show(m_serverUnknown, keysOf(m_base.server.unknown), QStringLiteral("server."));
    show(m_corsUnknown, m_base.server.cors ? keysOf(m_base.server.cors->unknown) : QStringList(),
        QStringLiteral("server.cors."));
    show(m_clientUnknown,
        keysOf(m_base.client.unknown)
            + keysOf(m_base.client.options.unknown, QStringLiteral("options.")),
        QStringLiteral("client."));
}

QString ProfileForm::matchPath(const QString &jsonPath, QString *rest) const
{
    // The longest registered prefix that ends at a "." or "[" boundary.
    QString candidate = jsonPath;
    while (!candidate.isEmpty()) {
        if (m_fields.contains(candidate)) {
            if (rest)
                *rest = jsonPath.mid(candidate.size());
            return candidate;
        }
        const qsizetype cut = qMax(
            candidate.lastIndexOf(QLatin1Char('.')), candidate.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0)
            break;
        candidate.truncate(cut);
    }
    return {};
}

QWidget *ProfileForm::fieldForPath(const QString &jsonPath) const
{
    const QString match = matchPath(jsonPath, nullptr);
    return match.isEmpty() ? nullptr : m_fields.value(match).widget;
}

void ProfileForm::setDiagnostics(const QList<Diagnostic> &diagnostics)
{
    struct Found {
        Mark mark = Mark::None;
        QStringList messages;
    };
    QHash<QWidget *, Found> found;
    QList<QWidget *> order;
    for (const Diagnostic &d : diagnostics) {
        QWidget *w = fieldForPath(d.path);
        if (!w)
            continue;
        if (!found.contains(w))
            order << w;
        Found &f = found[w];
        if (d.isError())
            f.mark = Mark::Error;
        else if (f.mark == Mark::None)
            f.mark = Mark::Warning;
        f.messages << (d.isError() ? tr("Error: %1") : tr("Warning: %1")).arg(d.message);
    }
    for (QWidget *w : std::as_const(m_marked))
        if (!found.contains(w))
            markField(w, Mark::None, {});
    m_marked = order;
    for (QWidget *w : std::as_const(order))
        markField(w, found[w].mark, found[w].messages.join(QLatin1Char('\n')));
}

bool ProfileForm::focusPath(const QString &jsonPath)
{
    QString rest;
    const QString match = matchPath(jsonPath, &rest);
    if (match.isEmpty())
        return false;
    const FieldEntry entry = m_fields.value(match);
    QWidget *w = entry.widget;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->isAncestorOf(w)) {
            m_tabs->setCurrentIndex(i);
            if (auto *area = qobject_cast<QScrollArea *>(m_tabs->widget(i)))
                area->ensureWidgetVisible(w, 20, 40);
        }
    }
    if (entry.focusRest && !rest.isEmpty())
        entry.focusRest(rest);
    else
        w->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace corslab::gui
