// VerdictBanner: renders a RunResult (DESIGN §6) for people; every text is rebuilt on a language
// or palette change from the stored result.
#include "verdictbanner.h"

#include "cors/reasoncatalog.h"
#include "i18n/languagemanager.h"
#include "thememanager.h"
#include "verdict/codewriter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSyntaxHighlighter>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace corslab::gui {

// Colours a unified diff: added lines green, removed red, hunk headers dimmed.
class DiffHighlighter : public QSyntaxHighlighter {
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

    void setDark(bool dark)
    {
        if (dark == m_dark)
            return;
        m_dark = dark;
        rehighlight();
    }

protected:
    void highlightBlock(const QString &line) override
    {
        QTextCharFormat f;
        if (line.startsWith(QLatin1String("+++")) || line.startsWith(QLatin1String("---"))) {
            f.setFontWeight(QFont::Bold);
        } else if (line.startsWith(QLatin1Char('+'))) {
            f.setForeground(m_dark ? QColor(0x7e, 0xe2, 0xa0) : QColor(0x11, 0x6b, 0x29));
            f.setBackground(m_dark ? QColor(0x1c, 0x3a, 0x26) : QColor(0xe6, 0xf6, 0xea));
        } else if (line.startsWith(QLatin1Char('-'))) {
            f.setForeground(m_dark ? QColor(0xff, 0x9a, 0x92) : QColor(0xa3, 0x1d, 0x16));
            f.setBackground(m_dark ? QColor(0x45, 0x22, 0x22) : QColor(0xfd, 0xe9, 0xe7));
        } else if (line.startsWith(QLatin1String("@@"))) {
            f.setForeground(m_dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0xa8));
        } else {
            return;
        }
        setFormat(0, int(line.size()), f);
    }

private:
    bool m_dark = false;
};

namespace {

QFont monospaceFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

QString browserTitle(Browser b)
{
    switch (b) {
    case Browser::Firefox:
        return QStringLiteral("Firefox");
    case Browser::Node:
        return QStringLiteral("Node.js");
    case Browser::Chromium:
        break;
    }
    return QStringLiteral("Chrome");
}

// CorsLab's explanation of the first code the catalogue knows, in the UI language.
QString explanationOf(const QStringList &codes, const QString &language)
{
    for (const QString &code : codes) {
        if (code.isEmpty())
            continue;
        if (const std::optional<QString> text
            = ReasonCatalog::instance().explanation(code, language)) {
            return *text;
        }
    }
    return {};
}

// The catalogue's codes that explain a verdict: the browsers' codes for a block, the kind of
// refusal for a server's message, the network error, the timeout.
QStringList explanationCodes(const RunResult &r)
{
    const RunVerdict &v = r.verdict;
    switch (v.verdict) {
    case Verdict::Blocked:
        return {v.reason, v.chromiumReason, v.firefoxReason};
    case Verdict::Refused:
        if (r.client.hasConnectError && r.client.errorType == QLatin1String("Error")) {
            return {v.reason,
                v.reason == QLatin1String("Invalid namespace")
                    ? QStringLiteral("InvalidNamespace")
                    : QStringLiteral("NamespaceRefused")};
        }
        return {v.reason, QStringLiteral("HttpError")};
    case Verdict::NetworkError:
        if (v.reason.startsWith(QLatin1String("net::")))
            return {v.reason, QStringLiteral("NetError")};
        return {v.reason, QStringLiteral("XhrPollError")};
    case Verdict::Timeout:
        return {QStringLiteral("Timeout")};
    case Verdict::Connected:
        break;
    }
    return {};
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

VerdictBanner::VerdictBanner(QWidget *parent)
    : QWidget(parent)
    , m_chineseFirefox(LanguageManager::current() == LanguageManager::Language::SimplifiedChinese)
{
    setObjectName(QStringLiteral("verdictBanner"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(14, 8, 10, 8); // room for the accent bar on the left
    outer->setSpacing(4);

    // Header: OUTCOME  reason ........ expectation  [Details]
    auto *header = new QHBoxLayout;
    header->setSpacing(10);
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("outcome"));
    QFont big = m_outcome->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_outcome->setFont(big);
    header->addWidget(m_outcome, 0, Qt::AlignVCenter);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason->setWordWrap(true);
    header->addWidget(m_reason, 1, Qt::AlignVCenter);
    m_expect = new QLabel(this);
    m_expect->setObjectName(QStringLiteral("expectation"));
    header->addWidget(m_expect, 0, Qt::AlignVCenter);
    m_detailsToggle = new QToolButton(this);
    m_detailsToggle->setObjectName(QStringLiteral("detailsToggle"));
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsToggle->setArrowType(Qt::RightArrow);
    m_detailsToggle->setAutoRaise(true);
    header->addWidget(m_detailsToggle, 0, Qt::AlignVCenter);
    outer->addLayout(header);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_summary);

    // The fix in one line, with its buttons.
    m_fixRow = new QWidget(this);
    auto *fixRow = new QHBoxLayout(m_fixRow);
    fixRow->setContentsMargins(0, 2, 0, 2);
    m_fixTitle = new QLabel(m_fixRow);
    m_fixTitle->setObjectName(QStringLiteral("fixTitle"));
    m_fixTitle->setWordWrap(true);
    m_fixTitle->setTextFormat(Qt::PlainText);
    m_fixTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_fixTitle->font();
    bold.setBold(true);
    m_fixTitle->setFont(bold);
    fixRow->addWidget(m_fixTitle, 1);
    m_applyFix = new QPushButton(m_fixRow);
    m_applyFix->setObjectName(QStringLiteral("applyFix"));
    fixRow->addWidget(m_applyFix);
    m_copyServer = new QPushButton(m_fixRow);
    m_copyServer->setObjectName(QStringLiteral("copyServerCode"));
    fixRow->addWidget(m_copyServer);
    m_copyClient = new QPushButton(m_fixRow);
    m_copyClient->setObjectName(QStringLiteral("copyClientCode"));
    fixRow->addWidget(m_copyClient);
    outer->addWidget(m_fixRow);

    // Details, folded.
    m_details = new QWidget(this);
    m_details->setObjectName(QStringLiteral("details"));
    auto *details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 4, 0, 0);
    details->setSpacing(3);
    m_chromeTitle = addSection(details, QStringLiteral("chromiumTitle"));
    m_chromeText = addText(details, QStringLiteral("chromiumMessage"), false);
    m_chromeNetwork = addText(details, QStringLiteral("chromiumNetworkLine"), true);
    m_firefoxTitle = addSection(details, QStringLiteral("firefoxTitle"));
    m_firefoxText = addText(details, QStringLiteral("firefoxMessage"), false);
    m_consoleTitle = addSection(details, QStringLiteral("consoleTitle"));
    m_consoleText = addText(details, QStringLiteral("consoleMessage"), false);
    m_connectErrorTitle = addSection(details, QStringLiteral("connectErrorTitle"));
    m_connectError = addText(details, QStringLiteral("connectError"), true);
    m_notesTitle = addSection(details, QStringLiteral("notesTitle"));
    m_notes = addText(details, QStringLiteral("notes"), false);
    m_fixSectionTitle = addSection(details, QStringLiteral("fixSectionTitle"));
    m_fixExplanation = addText(details, QStringLiteral("fixExplanation"), false);
    m_diff = new QPlainTextEdit(m_details);
    m_diff->setObjectName(QStringLiteral("codeDiff"));
    m_diff->setReadOnly(true);
    m_diff->setFont(monospaceFont());
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diffHighlighter = new DiffHighlighter(m_diff->document());
    details->addWidget(m_diff);
    m_fixAttempts = addText(details, QStringLiteral("fixAttempts"), false);
    outer->addWidget(m_details);
    m_details->setVisible(false);

    connect(m_detailsToggle, &QToolButton::toggled, this, &VerdictBanner::setDetailsExpanded);
    connect(m_applyFix, &QPushButton::clicked, this, &VerdictBanner::applyFixRequested);
    connect(m_copyServer, &QPushButton::clicked, this, &VerdictBanner::copyServerCodeRequested);
    connect(m_copyClient, &QPushButton::clicked, this, &VerdictBanner::copyClientCodeRequested);

    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    updateColors();
    render();
}

QLabel *VerdictBanner::addSection(QBoxLayout *layout, const QString &objectName)
{
    auto *label = new QLabel(m_details);
    label->setObjectName(objectName);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    label->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(label);
    return label;
}

QLabel *VerdictBanner::addText(QBoxLayout *layout, const QString &objectName, bool monospace)
{
    auto *label = new QLabel(m_details);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // browser texts hold quotes and angle brackets
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setContentsMargins(12, 0, 0, 0);
    if (monospace)
        label->setFont(monospaceFont());
    layout->addWidget(label);
    return label;
}

void VerdictBanner::showIdle()
{
    m_state = State::Idle;
    m_result.reset();
    m_runningWhat.clear();
    render();
}

void VerdictBanner::showRunning(const QString &what)
{
    m_state = State::Running;
    m_result.reset();
    m_runningWhat = what;
    render();
}

void VerdictBanner::showResult(const RunResult &r)
{
    m_state = State::Result;
    m_result = r;
    render();
}

void VerdictBanner::setChineseFirefox(bool zh)
{
    if (zh == m_chineseFirefox)
        return;
    m_chineseFirefox = zh;
    render();
}

void VerdictBanner::setDetailsExpanded(bool expanded)
{
    m_details->setVisible(expanded);
    m_detailsToggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    if (m_detailsToggle->isChecked() != expanded)
        m_detailsToggle->setChecked(expanded);
    updateGeometry();
}

bool VerdictBanner::isDetailsExpanded() const
{
    return m_detailsToggle->isChecked();
}

QString VerdictBanner::serverCode() const
{
    if (!m_result || !m_result->setupError.isEmpty())
        return {};
    return CodeWriter::serverCode(m_result->fix ? m_result->fix->profile : m_result->profile);
}

QString VerdictBanner::clientCode() const
{
    if (!m_result || !m_result->setupError.isEmpty())
        return {};
    return CodeWriter::clientCode(m_result->fix ? m_result->fix->profile : m_result->profile);
}

void VerdictBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_chineseFirefox
            = LanguageManager::current() == LanguageManager::Language::SimplifiedChinese;
        retranslateUi();
    } else if (event->type() == QEvent::PaletteChange) {
        updateColors();
    }
    QWidget::changeEvent(event);
}

void VerdictBanner::retranslateUi()
{
    render();
}

VerdictBanner::Colors VerdictBanner::colors() const
{
    const bool dark = ThemeManager::isDark(palette());
    if (m_state == State::Result && m_result && m_result->setupError.isEmpty()) {
        switch (m_result->verdict.verdict) {
        case Verdict::Connected:
            return dark ? Colors {{0x7e, 0xe2, 0xa0}, {0x1c, 0x33, 0x25}, {0x3f, 0xb8, 0x65}}
                        : Colors {{0x13, 0x6b, 0x2b}, {0xe6, 0xf4, 0xea}, {0x2e, 0x9d, 0x47}};
        case Verdict::Blocked:
            return dark ? Colors {{0xff, 0x9a, 0x92}, {0x3d, 0x1f, 0x1f}, {0xf0, 0x55, 0x45}}
                        : Colors {{0xb3, 0x26, 0x1e}, {0xfc, 0xe8, 0xe6}, {0xd9, 0x30, 0x25}};
        case Verdict::Refused:
            return dark ? Colors {{0xff, 0xc8, 0x70}, {0x3b, 0x2e, 0x14}, {0xf0, 0xa8, 0x30}}
                        : Colors {{0x85, 0x4d, 0x00}, {0xfe, 0xf3, 0xe0}, {0xe8, 0xa1, 0x00}};
        case Verdict::NetworkError:
        case Verdict::Timeout:
            break;
        }
    }
    if (m_state == State::Result) // network error, timeout, a run that could not start
        return dark ? Colors {{0xb8, 0xc7, 0xd0}, {0x2c, 0x32, 0x36}, {0x8a, 0x9b, 0xa5}}
                    : Colors {{0x3e, 0x4c, 0x56}, {0xec, 0xef, 0xf1}, {0x78, 0x90, 0x9c}};
    return {palette().color(QPalette::WindowText), palette().color(QPalette::AlternateBase),
        palette().color(QPalette::Mid)};
}

void VerdictBanner::updateColors()
{
    const Colors c = colors();
    QPalette p = m_outcome->palette();
    p.setColor(QPalette::WindowText, c.text);
    m_outcome->setPalette(p);
    m_diffHighlighter->setDark(ThemeManager::isDark(palette()));
    update();
}

void VerdictBanner::paintEvent(QPaintEvent *)
{
    const Colors c = colors();
    QPainter painter(this);
    painter.fillRect(rect(), c.background);
    painter.fillRect(QRect(0, 0, 5, height()), c.accent);
}

void VerdictBanner::render()
{
    m_detailsToggle->setText(tr("Details"));
    m_detailsToggle->setToolTip(tr("Show what each browser prints, what the page's "
                                   "connect_error holds, the notes and the fix as code"));
    m_applyFix->setText(tr("&Apply fix"));
    m_applyFix->setToolTip(tr("Change the profile as the fix says and run it again"));
    m_copyServer->setText(tr("Copy &server code"));
    m_copyServer->setToolTip(tr("Copy the Socket.IO server's JavaScript (with the fix, when "
                                "there is one) to the clipboard"));
    m_copyClient->setText(tr("Copy &client code"));
    m_copyClient->setToolTip(tr("Copy the page's io() call (with the fix, when there is one) "
                                "to the clipboard"));

    if (m_state == State::Result && m_result) {
        renderResult(*m_result);
    } else {
        m_outcome->setText(m_state == State::Running ? tr("RUNNING…") : tr("NO RUN YET"));
        m_reason->clear();
        m_expect->clear();
        m_summary->setText(m_state == State::Running
                ? m_runningWhat
                : tr("Run the profile to see whether a browser would let the page connect, and "
                     "why not."));
        m_detailsToggle->setVisible(false);
        m_fixRow->setVisible(false);
        m_details->setVisible(false);
    }
    updateColors();
}

void VerdictBanner::renderResult(const RunResult &r)
{
    const QString lang = LanguageManager::currentCode();
    const bool zh = lang == QLatin1String("zh-CN");
    const RunVerdict &v = r.verdict;
    const QString separator = QStringLiteral(" · ");

    if (!r.setupError.isEmpty()) {
        m_outcome->setText(tr("COULD NOT RUN"));
        m_reason->clear();
        m_expect->clear();
        m_summary->setText(r.setupError);
        m_detailsToggle->setVisible(false);
        m_fixRow->setVisible(false);
        m_details->setVisible(false);
        return;
    }

    // Header.
    switch (v.verdict) {
    case Verdict::Connected:
        m_outcome->setText(tr("CONNECTED"));
        break;
    case Verdict::Blocked:
        m_outcome->setText(tr("BLOCKED"));
        break;
    case Verdict::Refused:
        m_outcome->setText(tr("REFUSED"));
        break;
    case Verdict::NetworkError:
        m_outcome->setText(tr("NETWORK ERROR"));
        break;
    case Verdict::Timeout:
        m_outcome->setText(tr("TIMEOUT"));
        break;
    }
    m_outcome->setToolTip(
        tr("Verdict \"%1\" in %2's rules").arg(verdictName(v.verdict), browserTitle(r.browser)));
    QString reason;
    if (v.verdict == Verdict::Connected) {
        reason = tr("over %1").arg(v.transport.isEmpty() ? r.client.transport : v.transport);
    } else if (v.verdict == Verdict::Blocked && !v.chromiumReason.isEmpty()
        && !v.firefoxReason.isEmpty()) {
        reason = QStringLiteral("Chrome: ") + v.chromiumReason + separator
            + QStringLiteral("Firefox: ") + v.firefoxReason;
    } else {
        reason = v.reason;
    }
    m_reason->setText(reason);
    m_reason->setFont(v.verdict == Verdict::Connected ? font() : monospaceFont());
    if (r.profile.expect) {
        const QString expected = r.profile.expect->reason.isEmpty()
            ? verdictName(r.profile.expect->verdict)
            : verdictName(r.profile.expect->verdict) + QStringLiteral(" (")
                + r.profile.expect->reason + QLatin1Char(')');
        m_expect->setText(r.asExpected ? tr("✓ as expected") : tr("✗ expected %1").arg(expected));
        m_expect->setToolTip(tr("The profile expects: %1").arg(expected));
    } else {
        m_expect->setText(r.asExpected ? QString() : tr("✗ expected to connect"));
        m_expect->setToolTip({});
    }

    // What happened, then CorsLab's explanation of the reason.
    QString summary;
    switch (v.verdict) {
    case Verdict::Connected:
        summary = tr("The page connected: the browser let every response through and the "
                     "server accepted the client.");
        break;
    case Verdict::Blocked:
        summary = tr("The server answered, but %1's CORS check refused to hand the response to "
                     "the page.")
                      .arg(browserTitle(r.browser));
        break;
    case Verdict::Refused:
        summary = tr("The browser let the response through, but the server said no: \"%1\".")
                      .arg(v.reason);
        break;
    case Verdict::NetworkError:
        summary
            = tr("The connection failed without an answer the page could read (%1).").arg(v.reason);
        break;
    case Verdict::Timeout:
        summary = tr("Nothing settled the connection before the client's timeout.");
        break;
    }
    const QString explanation = explanationOf(explanationCodes(r), lang);
    if (!explanation.isEmpty())
        summary += (zh ? QString() : QStringLiteral(" ")) + explanation;
    if (v.verdict != Verdict::Connected && !r.fix)
        summary += QLatin1Char('\n')
            + (r.fixAttempts.isEmpty()
                    ? tr("CorsLab has no profile change to suggest for this.")
                    : tr("None of the %n profile change(s) CorsLab tried turned this run green.",
                        nullptr, int(r.fixAttempts.size())));
    m_summary->setText(summary);

    // The fix, in one line.
    m_fixRow->setVisible(true);
    m_applyFix->setVisible(r.fix.has_value());
    if (r.fix) {
        const QString title = zh && !r.fix->titleZh.isEmpty() ? r.fix->titleZh : r.fix->title;
        m_fixTitle->setText(
            (r.fix->clientSide ? tr("Fix (client side): %1") : tr("Fix (server side): %1"))
                .arg(title));
    } else {
        m_fixTitle->clear();
    }

    // Details: the browsers' own words.
    const std::optional<BrowserMessages> &m = v.messages;
    const bool hasChrome = m && !m->chromiumMessage.isEmpty();
    m_chromeTitle->setVisible(hasChrome);
    m_chromeText->setVisible(hasChrome);
    m_chromeNetwork->setVisible(hasChrome && !m->chromiumNetworkLine.isEmpty());
    if (hasChrome) {
        m_chromeTitle->setText(tr("Chrome says (%1):").arg(m->chromiumCode));
        m_chromeText->setText(m->chromiumMessage);
        m_chromeNetwork->setText(m->chromiumNetworkLine);
    }
    const bool hasFirefox = m && !m->firefoxMessageEn.isEmpty();
    m_firefoxTitle->setVisible(hasFirefox);
    m_firefoxText->setVisible(hasFirefox);
    if (hasFirefox) {
        const bool ffZh = m_chineseFirefox && !m->firefoxMessageZh.isEmpty();
        m_firefoxTitle->setText((ffZh ? tr("Firefox (zh-CN) says (%1):") : tr("Firefox says (%1):"))
                                    .arg(m->firefoxCode));
        QStringList lines {ffZh ? m->firefoxMessageZh : m->firefoxMessageEn};
        lines += ffZh ? m->firefoxFollowUpZh : m->firefoxFollowUpEn;
        m_firefoxText->setText(lines.join(QLatin1Char('\n')));
    }
    // A failed WebSocket has the run browser's console line only.
    const bool hasConsole = !hasChrome && !r.client.webSocketConsole.isEmpty();
    m_consoleTitle->setVisible(hasConsole);
    m_consoleText->setVisible(hasConsole);
    if (hasConsole) {
        m_consoleTitle->setText(tr("%1's console says:").arg(browserTitle(r.browser)));
        m_consoleText->setText(r.client.webSocketConsole);
    }

    // What the page's code sees.
    const bool hasConnectError = r.client.hasConnectError;
    m_connectErrorTitle->setVisible(hasConnectError);
    m_connectError->setVisible(hasConnectError);
    if (hasConnectError) {
        m_connectErrorTitle->setText(tr("The page's connect_error handler gets:"));
        QStringList lines {QStringLiteral("err.message: ") + quoted(r.client.errorMessage)};
        if (!r.client.errorDescription.isEmpty())
            lines << QStringLiteral("err.description: ") + r.client.errorDescription;
        if (!r.client.errorType.isEmpty() && r.client.errorType != QLatin1String("Error"))
            lines << QStringLiteral("err.type: ") + quoted(r.client.errorType);
        if (!r.client.errorData.isEmpty())
            lines << QStringLiteral("err.data: ") + r.client.errorData;
        m_connectError->setText(lines.join(QLatin1Char('\n')));
    }

    // Teaching notes in the UI language.
    m_notesTitle->setVisible(!v.notes.isEmpty());
    m_notes->setVisible(!v.notes.isEmpty());
    if (!v.notes.isEmpty()) {
        m_notesTitle->setText(tr("Notes:"));
        QStringList lines;
        for (const RunNote &note : v.notes)
            lines << QStringLiteral("• ")
                    + (zh && !note.textZh.isEmpty() ? note.textZh : note.text);
        m_notes->setText(lines.join(QLatin1Char('\n')));
    }

    // The fix as code.
    const bool hasFix = r.fix.has_value();
    m_fixSectionTitle->setVisible(hasFix);
    m_fixExplanation->setVisible(hasFix);
    m_diff->setVisible(hasFix && !r.fix->codeDiff.isEmpty());
    if (hasFix) {
        m_fixSectionTitle->setText(r.fix->clientSide
                ? tr("The fix, proven by a re-run that connected (client code):")
                : tr("The fix, proven by a re-run that connected (server code):"));
        m_fixExplanation->setText(
            zh && !r.fix->explanationZh.isEmpty() ? r.fix->explanationZh : r.fix->explanation);
        if (m_diff->toPlainText() != r.fix->codeDiff)
            m_diff->setPlainText(r.fix->codeDiff);
        const int lines = qBound(3, int(r.fix->codeDiff.count(QLatin1Char('\n'))) + 1, 18);
        m_diff->setFixedHeight(m_diff->fontMetrics().lineSpacing() * lines
            + 2 * (m_diff->frameWidth() + int(m_diff->document()->documentMargin()))
            + m_diff->horizontalScrollBar()->sizeHint().height());
    }
    m_fixAttempts->setVisible(!r.fixAttempts.isEmpty());
    if (!r.fixAttempts.isEmpty())
        m_fixAttempts->setText(
            tr("Tried without success: %1").arg(r.fixAttempts.join(QStringLiteral("; "))));

    m_detailsToggle->setVisible(true);
    m_details->setVisible(m_detailsToggle->isChecked());
}

} // namespace corslab::gui
