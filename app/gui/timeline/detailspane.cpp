// DetailsPane.
#include "detailspane.h"

#include "engineio/engineiopacket.h"
#include "socketio/socketiopacket.h"
#include "timelinecolors.h"
#include "timelinemodel.h"
#include "timelinetext.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace corslab::gui {

namespace {

// Translations of the free functions share DetailsPane's context.
class DetailsText {
    Q_DECLARE_TR_FUNCTIONS(corslab::gui::DetailsPane)
};

QStringList receivedValues(const CorsCheck &check, QLatin1String name)
{
    QStringList values;
    for (const BrowserHeader &h : check.receivedHeaders) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            values << h.value;
    }
    return values;
}

QStringList commaList(const QStringList &values)
{
    QStringList items;
    for (const QString &v : values) {
        for (const QString &item : v.split(u',', Qt::SkipEmptyParts))
            items << item.trimmed();
    }
    return items;
}

QString missingOr(const QStringList &values)
{
    return values.isEmpty() ? DetailsText::tr("(missing)") : values.join(QLatin1String(", "));
}

QString stageTitle(CorsStage stage)
{
    switch (stage) {
    case CorsStage::BeforeRequest:
        return DetailsText::tr("before the request");
    case CorsStage::Preflight:
        return DetailsText::tr("preflight");
    case CorsStage::Response:
        return DetailsText::tr("response");
    case CorsStage::Redirect:
        return DetailsText::tr("redirect");
    }
    return {};
}

QString credentialsTitle(CredentialsMode mode)
{
    switch (mode) {
    case CredentialsMode::Omit:
        return QStringLiteral("omit");
    case CredentialsMode::SameOrigin:
        return QStringLiteral("same-origin");
    case CredentialsMode::Include:
        return QStringLiteral("include");
    }
    return {};
}

QString reasonText(const BrowserOutcome &outcome)
{
    if (!outcome.applies)
        return DetailsText::tr("not checked");
    if (outcome.passed)
        return DetailsText::tr("pass");
    QString text = outcome.reason.code.isEmpty() ? DetailsText::tr("blocked") : outcome.reason.code;
    if (outcome.reason.hint && !outcome.reason.hint->isEmpty())
        text += QStringLiteral(" (%1)").arg(*outcome.reason.hint);
    if (!outcome.networkError.isEmpty())
        text += QStringLiteral(" · ") + outcome.networkError;
    return text;
}

void addJson(QTreeWidgetItem *parent, const QString &key, const JsonNode &node)
{
    auto *item = new QTreeWidgetItem(parent, {key});
    switch (node.type()) {
    case JsonNode::Type::Object:
        item->setText(
            1, DetailsText::tr("object, %n member(s)", nullptr, int(node.members().size())));
        for (const JsonNode::Member &m : node.members())
            addJson(item, m.key, m.value);
        item->setExpanded(true);
        break;
    case JsonNode::Type::Array: {
        item->setText(1, DetailsText::tr("array, %n item(s)", nullptr, int(node.items().size())));
        int i = 0;
        for (const JsonNode &child : node.items())
            addJson(item, QStringLiteral("[%1]").arg(i++), child);
        item->setExpanded(true);
        break;
    }
    default:
        item->setText(1, JavaScriptJson::stringify(node));
        break;
    }
}

QString openFieldNote(const QString &key)
{
    if (key == QLatin1String("sid"))
        return DetailsText::tr("the Engine.IO session id; later requests carry it as ?sid=");
    if (key == QLatin1String("upgrades"))
        return DetailsText::tr("transports the client may upgrade to");
    if (key == QLatin1String("pingInterval"))
        return DetailsText::tr("ms between the server's pings");
    if (key == QLatin1String("pingTimeout"))
        return DetailsText::tr("ms the client waits for a ping beyond pingInterval before closing");
    if (key == QLatin1String("maxPayload"))
        return DetailsText::tr("bytes the server accepts in one polling payload");
    return {};
}

void addSocketIo(QTreeWidgetItem *parent, const QString &text)
{
    SocketIoDecoder decoder;
    const SocketIoDecodeResult r = decoder.add(text);
    auto *item = new QTreeWidgetItem(parent, {DetailsText::tr("Socket.IO packet"), text});
    item->setExpanded(true);
    if (r.status == SocketIoDecodeResult::Status::Failed) {
        new QTreeWidgetItem(item,
            {DetailsText::tr("error"),
                r.error ? r.error->message + QStringLiteral(": ") + r.error->detail
                        : DetailsText::tr("cannot decode")});
        return;
    }
    if (!r.packet) {
        new QTreeWidgetItem(item,
            {DetailsText::tr("attachments"),
                DetailsText::tr("%n awaited", nullptr, r.missingAttachments)});
        return;
    }
    const SocketIoPacket &p = *r.packet;
    new QTreeWidgetItem(item,
        {DetailsText::tr("type"),
            QStringLiteral("%1 (%2)").arg(SocketIoPacket::typeName(p.type())).arg(int(p.type()))});
    new QTreeWidgetItem(item, {DetailsText::tr("namespace"), p.nsp()});
    if (p.id())
        new QTreeWidgetItem(item, {DetailsText::tr("ack id"), js::numberToString(*p.id())});
    if (p.data())
        addJson(item, DetailsText::tr("data"), *p.data());
}

// One Engine.IO packet (V4 text form) and, for a message, the Socket.IO packet inside.
void addEnginePacket(QTreeWidget *tree, QTreeWidgetItem *parent, const QString &text)
{
    const EngineIoPacket packet = EngineIoPacket::decode(EngineIoProtocol::V4, QStringView(text));
    auto *item = parent ? new QTreeWidgetItem(parent, {DetailsText::tr("Engine.IO packet"), text})
                        : new QTreeWidgetItem(tree, {DetailsText::tr("Engine.IO packet"), text});
    item->setExpanded(true);
    new QTreeWidgetItem(item,
        {DetailsText::tr("type"),
            QStringLiteral("%1 (%2)").arg(EngineIoPacket::typeName(packet.type()),
                EngineIoPacket::typeDigit(packet.type()))});
    if (packet.isError()) {
        new QTreeWidgetItem(item, {DetailsText::tr("error"), packet.errorString()});
        return;
    }
    if (!packet.hasData())
        return;
    if (packet.isBinary()) {
        new QTreeWidgetItem(item,
            {DetailsText::tr("data"),
                DetailsText::tr("%n byte(s) of binary", nullptr, int(packet.binary().size()))});
        return;
    }
    if (packet.type() == EngineIoPacket::Type::Open) {
        const JavaScriptJson::ParseResult json = JavaScriptJson::parse(packet.text());
        if (json.isOk() && json.value.isObject()) {
            auto *open = new QTreeWidgetItem(item, {DetailsText::tr("handshake")});
            open->setExpanded(true);
            for (const JsonNode::Member &m : json.value.members()) {
                new QTreeWidgetItem(
                    open, {m.key, JavaScriptJson::stringify(m.value), openFieldNote(m.key)});
            }
            return;
        }
    }
    if (packet.type() == EngineIoPacket::Type::Message) {
        addSocketIo(item, packet.text());
        return;
    }
    new QTreeWidgetItem(item, {DetailsText::tr("data"), packet.text()});
}

} // namespace

QList<CorsRuleRow> corsRules(const CorsCheck &check)
{
    QList<CorsRuleRow> rows;
    const BrowserOutcome outcome = check.outcome();
    if (check.stage == CorsStage::BeforeRequest) {
        rows.append(
            {DetailsText::tr("Checks before sending (URL, method, mixed content, local network)"),
                QStringLiteral("—"), outcome.passed ? DetailsText::tr("ok") : outcome.reason.code,
                outcome.passed, DetailsText::tr("Fetch §4.1 main fetch"), {}});
    } else if (!check.corsApplies) {
        rows.append({DetailsText::tr("No CORS check: %1")
                         .arg(check.crossOrigin ? DetailsText::tr("not a CORS request")
                                                : DetailsText::tr("same origin")),
            QStringLiteral("—"), QStringLiteral("—"), std::nullopt,
            DetailsText::tr("Fetch §4.1 main fetch, step 12"), {}});
    } else {
        const bool credentialed = check.credentials == CredentialsMode::Include;
        if (check.stage == CorsStage::Preflight) {
            rows.append({DetailsText::tr("Preflight status is OK"), QStringLiteral("200–299"),
                check.status ? QString::number(check.status) : DetailsText::tr("(no response)"),
                check.status >= 200 && check.status <= 299,
                DetailsText::tr("Fetch §4.8 CORS-preflight fetch, step 7"), {}});
        }
        const QStringList origins
            = receivedValues(check, QLatin1String("Access-Control-Allow-Origin"));
        const bool single = origins.size() == 1 && !origins.first().contains(u',');
        rows.append({DetailsText::tr("Access-Control-Allow-Origin present, one value"),
            DetailsText::tr("one value"), missingOr(origins), single,
            DetailsText::tr("Fetch §4.9 CORS check, steps 1–2"),
            QStringLiteral("access-control-allow-origin")});
        if (single && origins.first().trimmed() == QLatin1String("*")) {
            rows.append({DetailsText::tr("Wildcard \"*\" accepted"),
                check.required.wildcardOriginAccepted
                    ? DetailsText::tr("\"*\" allowed: no credentials")
                    : DetailsText::tr("not \"*\": credentials mode is include"),
                QStringLiteral("*"), check.required.wildcardOriginAccepted,
                DetailsText::tr("Fetch §4.9 CORS check, step 3"),
                QStringLiteral("access-control-allow-origin")});
        } else {
            rows.append({DetailsText::tr("Allowed origin equals the request's origin"),
                check.required.allowOrigin, missingOr(origins),
                single ? std::optional<bool>(origins.first() == check.required.allowOrigin)
                       : std::nullopt,
                DetailsText::tr("Fetch §4.9 CORS check, step 4"),
                QStringLiteral("access-control-allow-origin")});
        }
        if (check.required.allowCredentials || credentialed) {
            const QStringList values
                = receivedValues(check, QLatin1String("Access-Control-Allow-Credentials"));
            rows.append({DetailsText::tr("Access-Control-Allow-Credentials is \"true\""),
                QStringLiteral("true"), missingOr(values),
                values.size() == 1 && values.first() == QLatin1String("true"),
                DetailsText::tr("Fetch §4.9 CORS check, step 7"),
                QStringLiteral("access-control-allow-credentials")});
        }
        if (check.stage == CorsStage::Preflight && !check.required.allowMethod.isEmpty()) {
            const QStringList values
                = receivedValues(check, QLatin1String("Access-Control-Allow-Methods"));
            const QStringList methods = commaList(values);
            rows.append(
                {DetailsText::tr("Method allowed"), check.required.allowMethod, missingOr(values),
                    methods.contains(check.required.allowMethod)
                        || (!credentialed && methods.contains(QStringLiteral("*"))),
                    DetailsText::tr("Fetch §4.8 CORS-preflight fetch, step 7.5"),
                    QStringLiteral("access-control-allow-methods")});
        }
        if (check.stage == CorsStage::Preflight) {
            const QStringList values
                = receivedValues(check, QLatin1String("Access-Control-Allow-Headers"));
            const QStringList names = commaList(values);
            for (const QString &name : check.required.allowHeaders) {
                const bool listed = names.contains(name, Qt::CaseInsensitive);
                const bool wildcard = !credentialed && names.contains(QStringLiteral("*"))
                    && name.compare(QLatin1String("authorization"), Qt::CaseInsensitive) != 0;
                rows.append({DetailsText::tr("Request header %1 allowed").arg(name), name,
                    missingOr(values), listed || wildcard,
                    DetailsText::tr("Fetch §4.8 CORS-preflight fetch, step 7.7"),
                    QStringLiteral("access-control-allow-headers")});
            }
        }
    }
    rows.append({DetailsText::tr("Browser verdict (%1)").arg(browserName(check.browser)),
        DetailsText::tr("pass"), reasonText(outcome),
        outcome.applies ? std::optional<bool>(outcome.passed) : std::nullopt,
        DetailsText::tr("Chromium / Firefox check order"), {}});
    return rows;
}

DetailsPane::DetailsPane(QWidget *parent)
    : QTabWidget(parent)
    , m_headers(new QTreeWidget(this))
    , m_rawInfo(new QLabel(this))
    , m_rawText(new QPlainTextEdit(this))
    , m_rawHex(new QPlainTextEdit(this))
    , m_decoded(new QTreeWidget(this))
    , m_checkSummary(new QLabel(this))
    , m_checkTable(new QTableWidget(this))
    , m_browserCodes(new QLabel(this))
{
    m_headers->setColumnCount(3);
    m_headers->setHeaderLabels({tr("Name"), tr("Value"), tr("What it did")});
    m_headers->setRootIsDecorated(true);
    m_headers->setUniformRowHeights(true);
    m_headers->setWordWrap(false);
    addTab(m_headers, tr("Headers"));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *raw = new QWidget(this);
    auto *rawLayout = new QVBoxLayout(raw);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(Qt::Horizontal, raw);
    for (QPlainTextEdit *edit : {m_rawText, m_rawHex}) {
        edit->setReadOnly(true);
        edit->setFont(fixed);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        split->addWidget(edit);
    }
    m_rawText->setAccessibleName(tr("Bytes as text"));
    m_rawHex->setAccessibleName(tr("Bytes as hex"));
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    rawLayout->addWidget(m_rawInfo);
    rawLayout->addWidget(split, 1);
    addTab(raw, tr("Raw"));

    m_decoded->setColumnCount(3);
    m_decoded->setHeaderLabels({tr("Field"), tr("Value"), tr("Meaning")});
    m_decoded->setUniformRowHeights(true);
    addTab(m_decoded, tr("Decoded"));

    auto *cors = new QWidget(this);
    auto *corsLayout = new QVBoxLayout(cors);
    corsLayout->setContentsMargins(0, 0, 0, 0);
    m_checkSummary->setWordWrap(true);
    m_checkSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_browserCodes->setWordWrap(true);
    m_browserCodes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_checkTable->setColumnCount(5);
    m_checkTable->setHorizontalHeaderLabels(
        {tr("Rule"), tr("Required"), tr("Got"), tr("Result"), tr("Spec step")});
    m_checkTable->verticalHeader()->hide();
    m_checkTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checkTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checkTable->setWordWrap(false);
    m_checkTable->horizontalHeader()->setStretchLastSection(true);
    corsLayout->addWidget(m_checkSummary);
    corsLayout->addWidget(m_checkTable, 1);
    corsLayout->addWidget(m_browserCodes);
    addTab(cors, tr("CORS check"));
    clear();
}

void DetailsPane::clear()
{
    m_model = nullptr;
    m_row = -1;
    m_headers->clear();
    m_rawInfo->setText(tr("Select an event to see its bytes."));
    m_rawText->clear();
    m_rawHex->clear();
    m_decoded->clear();
    m_checkSummary->setText(tr("Select a request, response or check to see its CORS check."));
    m_checkTable->setRowCount(0);
    m_browserCodes->clear();
}

void DetailsPane::showEvent(const TimelineModel *model, int sourceRow)
{
    if (!model || sourceRow < 0 || sourceRow >= model->rowCount()) {
        clear();
        return;
    }
    m_model = model;
    m_row = sourceRow;
    const int checkRow = model->checkRowFor(sourceRow);
    const CorsCheck *check
        = checkRow >= 0 ? model->check(model->event(checkRow).checkIndex) : nullptr;
    fillHeaders(model, sourceRow, check);
    fillRaw(model, sourceRow);
    fillDecoded(model, sourceRow);
    fillCheck(check);
}

void DetailsPane::changeEvent(QEvent *event)
{
    QTabWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_model && m_row >= 0)
        showEvent(m_model, m_row);
}

void DetailsPane::fillHeaders(const TimelineModel *model, int row, const CorsCheck *check)
{
    m_headers->clear();
    const TimelineColors colors = TimelineColors::fromPalette(palette());
    QHash<QString, CorsRuleRow> ruleByHeader;
    if (check) {
        for (const CorsRuleRow &rule : corsRules(*check)) {
            if (!rule.header.isEmpty() && rule.passed
                && (!*rule.passed || !ruleByHeader.contains(rule.header)))
                ruleByHeader.insert(rule.header, rule);
        }
    }
    const auto addMessage = [&](int messageRow, bool request) {
        const TimelineEvent &e = model->event(messageRow);
        const HttpHead head = parseHttpHead(e.raw.isEmpty() ? e.detail.toUtf8() : e.raw);
        if (!head.valid)
            return;
        auto *top = new QTreeWidgetItem(
            m_headers, {request ? tr("Request") : tr("Response"), head.startLine});
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        top->setExpanded(true);
        for (const HttpHeaderLine &h : head.headers) {
            auto *item = new QTreeWidgetItem(top, {h.name, h.value});
            if (!isCorsHeader(h.name))
                continue;
            QString note = corsHeaderNote(h.name, request);
            const auto rule = ruleByHeader.constFind(h.name.toLower());
            if (!request && rule != ruleByHeader.cend())
                note = (*rule->passed ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + rule->rule
                    + QStringLiteral(" — ") + note;
            item->setText(2, note);
            item->setToolTip(2, note);
            item->setData(0, CorsHeaderRole, true);
            if (!request && rule != ruleByHeader.cend())
                item->setData(0, PassedRole, *rule->passed);
            item->setFont(0, bold);
            for (int column = 0; column < 3; ++column)
                item->setBackground(column, colors.corsHeader);
            if (!request && rule != ruleByHeader.cend())
                item->setForeground(2, *rule->passed ? colors.pass : colors.fail);
        }
    };
    const int request = model->requestRowFor(row);
    const int response = model->responseRowFor(row);
    if (request >= 0)
        addMessage(request, true);
    if (response >= 0)
        addMessage(response, false);
    if (request < 0 && response < 0) {
        // Server records of requests and responses carry their own bytes.
        const TimelineEvent &e = model->event(row);
        const HttpHead head = parseHttpHead(e.raw.isEmpty() ? e.detail.toUtf8() : e.raw);
        if (head.valid)
            addMessage(row, !head.startLine.startsWith(QLatin1String("HTTP/")));
    }
    if (m_headers->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_headers, {tr("(no HTTP headers for this event)")});
    m_headers->resizeColumnToContents(0);
}

void DetailsPane::fillRaw(const TimelineModel *model, int row)
{
    const TimelineEvent &e = model->event(row);
    const bool recorded = !e.raw.isEmpty();
    const QByteArray bytes = recorded ? e.raw : e.detail.toUtf8();
    m_rawInfo->setText(recorded
            ? tr("%n byte(s) as they crossed the wire", nullptr, int(bytes.size()))
            : tr("No bytes recorded for this event: its text, %n byte(s) in UTF-8", nullptr,
                int(bytes.size())));
    m_rawText->setPlainText(bytesAsText(bytes));
    m_rawHex->setPlainText(hexDump(bytes));
}

void DetailsPane::fillDecoded(const TimelineModel *model, int row)
{
    m_decoded->clear();
    const TimelineEvent &e = model->event(row);
    if (e.kind == TimelineKind::Packet) {
        if (e.layer == QLatin1String("socket.io")) {
            // Outgoing packets are recorded with their Engine.IO "4" (message), incoming ones
            // without it.
            addEnginePacket(m_decoded, nullptr, e.outgoing ? e.detail : QString(u'4' + e.detail));
        } else if (e.outgoing) {
            addEnginePacket(m_decoded, nullptr, e.detail);
        } else {
            // Incoming Engine.IO packets are recorded as their data, the type in the summary
            // ("← open {...}", "← pong probe").
            const QString label = model->index(row, 0).data(TimelineModel::LabelRole).toString();
            const QString name = label.section(u' ', 0, 0);
            QString digit;
            for (int type = 0; type <= int(EngineIoPacket::Type::Noop); ++type) {
                if (EngineIoPacket::typeName(EngineIoPacket::Type(type)) == name)
                    digit = EngineIoPacket::typeDigit(EngineIoPacket::Type(type));
            }
            addEnginePacket(m_decoded, nullptr, digit + e.detail);
        }
    } else if ((e.kind == TimelineKind::Response || e.kind == TimelineKind::Request)
        && e.url.contains(QLatin1String("transport=polling"))) {
        // A polling body: Engine.IO packets separated by the record separator (0x1e).
        const HttpHead head = parseHttpHead(e.raw.isEmpty() ? e.detail.toUtf8() : e.raw);
        const QString body = QString::fromUtf8(head.body);
        if (!body.isEmpty()) {
            auto *payload = new QTreeWidgetItem(m_decoded, {tr("Polling payload"), body.left(200)});
            payload->setExpanded(true);
            for (const QString &packet : body.split(QChar(0x1e)))
                addEnginePacket(m_decoded, payload, packet);
        }
    }
    if (m_decoded->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_decoded, {tr("(no Engine.IO or Socket.IO packet in this event)")});
    m_decoded->resizeColumnToContents(0);
}

void DetailsPane::fillCheck(const CorsCheck *check)
{
    m_checkTable->setRowCount(0);
    if (!check) {
        m_checkSummary->setText(tr("No CORS check goes with this event."));
        m_browserCodes->clear();
        return;
    }
    m_checkSummary->setText(tr("%1 check of %2 %3 — origin %4, credentials %5")
                                .arg(stageTitle(check->stage), check->method, check->url,
                                    check->origin, credentialsTitle(check->credentials)));
    const TimelineColors colors = TimelineColors::fromPalette(palette());
    const QList<CorsRuleRow> rules = corsRules(*check);
    m_checkTable->setRowCount(int(rules.size()));
    for (int i = 0; i < rules.size(); ++i) {
        const CorsRuleRow &rule = rules.at(i);
        const QString result = !rule.passed ? QStringLiteral("—")
            : *rule.passed                  ? QStringLiteral("✓")
                                            : QStringLiteral("✗");
        const QStringList cells {rule.rule, rule.required, rule.got, result, rule.spec};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (column == 3) {
                item->setTextAlignment(Qt::AlignCenter);
                if (rule.passed) {
                    item->setForeground(*rule.passed ? colors.pass : colors.fail);
                    item->setData(PassedRole, *rule.passed);
                }
            }
            m_checkTable->setItem(i, column, item);
        }
    }
    m_checkTable->resizeColumnsToContents();
    QStringList lines;
    lines << tr("Chromium: %1").arg(reasonText(check->chromium).toHtmlEscaped())
          << tr("Firefox: %1").arg(reasonText(check->firefox).toHtmlEscaped());
    for (const BrowserReason &w : check->chromium.warnings)
        lines << tr("Chromium warning: %1").arg(w.code.toHtmlEscaped());
    for (const BrowserReason &w : check->firefox.warnings)
        lines << tr("Firefox warning: %1").arg(w.code.toHtmlEscaped());
    m_browserCodes->setText(lines.join(QLatin1String("<br>")));
}

} // namespace corslab::gui
