#include "harreader.h"

#include "profile/jsonnode.h"

namespace corslab {

namespace {

QString joinedHeader(const QList<BrowserHeader> &headers, QStringView name, bool *found)
{
    QStringList values;
    for (const BrowserHeader &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            values << h.value;
    }
    *found = !values.isEmpty();
    return values.join(QStringLiteral(", "));
}

// Reads fields with their JSON paths; the first problem wins and stops the reading.
class Walker {
public:
    QString error;

    bool ok() const { return error.isEmpty(); }

    void fail(const QString &path, const JsonNode *node, const QString &what)
    {
        if (!error.isEmpty())
            return;
        const SourcePosition p = node ? node->position() : SourcePosition {};
        error = p.line > 0 ? QStringLiteral("%1 (line %2, column %3): %4")
                                 .arg(path)
                                 .arg(p.line)
                                 .arg(p.column)
                                 .arg(what)
                           : QStringLiteral("%1: %2").arg(path, what);
    }

    // A member of the given type; nullptr (and an error when required) if absent or ill-typed.
    const JsonNode *member(const JsonNode &object, const QString &path, QStringView key,
        JsonNode::Type type, bool required)
    {
        if (!ok())
            return nullptr;
        const JsonNode *value = object.find(key);
        const QString here = path + u'.' + key;
        if (!value || (value->isNull() && !required)) {
            if (required)
                fail(here, &object,
                    QStringLiteral("missing (expected %1)").arg(JsonNode::typeName(type)));
            return nullptr;
        }
        if (value->type() != type) {
            fail(here, value,
                QStringLiteral("expected %1, found %2")
                    .arg(JsonNode::typeName(type), value->typeName()));
            return nullptr;
        }
        return value;
    }

    QString string(const JsonNode &object, const QString &path, QStringView key, bool required)
    {
        const JsonNode *v = member(object, path, key, JsonNode::Type::String, required);
        return v ? v->toString() : QString();
    }

    double number(const JsonNode &object, const QString &path, QStringView key, bool required,
        double fallback = 0)
    {
        const JsonNode *v = member(object, path, key, JsonNode::Type::Number, required);
        return v ? v->toDouble() : fallback;
    }

    QList<BrowserHeader> headers(const JsonNode &object, const QString &path)
    {
        QList<BrowserHeader> out;
        const JsonNode *list = member(object, path, u"headers", JsonNode::Type::Array, true);
        if (!list)
            return out;
        int i = 0;
        for (const JsonNode &item : list->items()) {
            const QString here = QStringLiteral("%1.headers[%2]").arg(path).arg(i++);
            if (!item.isObject()) {
                fail(here, &item,
                    QStringLiteral("expected an object, found %1").arg(item.typeName()));
                return out;
            }
            BrowserHeader h;
            h.name = string(item, here, u"name", true);
            h.value = string(item, here, u"value", true);
            if (!ok())
                return out;
            // HTTP/2 pseudo-headers (":authority") are not header lines of the request.
            if (!h.name.startsWith(u':'))
                out.append(h);
        }
        return out;
    }
};

HarEntry readEntry(Walker &w, const JsonNode &node, int index)
{
    HarEntry e;
    e.index = index;
    const QString path = QStringLiteral("log.entries[%1]").arg(index);
    if (!node.isObject()) {
        w.fail(path, &node, QStringLiteral("expected an object, found %1").arg(node.typeName()));
        return e;
    }
    e.pageref = w.string(node, path, u"pageref", false);
    e.startedDateTime = w.string(node, path, u"startedDateTime", false);
    e.timeMs = w.number(node, path, u"time", false);
    e.resourceType = w.string(node, path, u"_resourceType", false);
    e.error = w.string(node, path, u"_error", false);
    e.corsError = w.string(node, path, u"_corsError", false);
    e.corsErrorParameter = w.string(node, path, u"_corsErrorParameter", false);
    // CorsLab's export names the check that refused the request.
    if (const JsonNode *own = node.find(u"_corslab"); own && own->isObject()) {
        if (const JsonNode *blocked = own->find(u"blocked"); blocked && blocked->isObject()) {
            if (const JsonNode *code = blocked->find(u"code"); code && code->isString())
                e.corsError = code->toString();
        }
    }

    const QString rq = path + QStringLiteral(".request");
    if (const JsonNode *request = w.member(node, path, u"request", JsonNode::Type::Object, true)) {
        e.method = w.string(*request, rq, u"method", true);
        e.url = w.string(*request, rq, u"url", true);
        e.httpVersion = w.string(*request, rq, u"httpVersion", false);
        e.requestHeaders = w.headers(*request, rq);
        if (const JsonNode *post
            = w.member(*request, rq, u"postData", JsonNode::Type::Object, false)) {
            if (const JsonNode *text = w.member(*post, rq + QStringLiteral(".postData"), u"text",
                    JsonNode::Type::String, false))
                e.requestBody = text->toString();
        }
    }
    const QString rs = path + QStringLiteral(".response");
    if (const JsonNode *response
        = w.member(node, path, u"response", JsonNode::Type::Object, true)) {
        const JsonNode *status = w.member(*response, rs, u"status", JsonNode::Type::Number, true);
        if (status) {
            if (!status->isInteger() || status->toDouble() < 0 || status->toDouble() > 999)
                w.fail(rs + QStringLiteral(".status"), status,
                    QStringLiteral("expected an HTTP status (0 to 999)"));
            else
                e.status = int(status->toInteger());
        }
        const QString error = w.string(*response, rs, u"_error", false);
        if (!error.isEmpty())
            e.error = error;
        const QString rp = rs + QStringLiteral("._corslabReceived");
        const JsonNode *received
            = w.member(*response, rs, u"_corslabReceived", JsonNode::Type::Object, false);
        if (received) {
            e.fromCorsLabReceived = true;
            const JsonNode *s2 = w.member(*received, rp, u"status", JsonNode::Type::Number, true);
            if (s2)
                e.status = int(s2->toInteger());
        }
        const JsonNode &answer = received ? *received : *response;
        const QString ap = received ? rp : rs;
        e.statusText = w.string(answer, ap, u"statusText", false);
        e.responseHeaders = w.headers(answer, ap);
        if (const JsonNode *content
            = w.member(answer, ap, u"content", JsonNode::Type::Object, false)) {
            const QString cp = ap + QStringLiteral(".content");
            if (const JsonNode *text
                = w.member(*content, cp, u"text", JsonNode::Type::String, false)) {
                e.responseBodyRecorded = true;
                e.responseBody = text->toString();
                if (w.string(*content, cp, u"encoding", false) == QLatin1String("base64")) {
                    const auto decoded = QByteArray::fromBase64Encoding(
                        e.responseBody.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                    if (!decoded)
                        w.fail(cp + QStringLiteral(".text"), text,
                            QStringLiteral("encoding is base64 but the text is not base64"));
                    else
                        e.responseBody = QString::fromUtf8(*decoded);
                }
            }
        }
    }
    if (const JsonNode *messages
        = w.member(node, path, u"_webSocketMessages", JsonNode::Type::Array, false)) {
        int i = 0;
        for (const JsonNode &m : messages->items()) {
            const QString mp = QStringLiteral("%1._webSocketMessages[%2]").arg(path).arg(i++);
            if (!m.isObject()) {
                w.fail(mp, &m, QStringLiteral("expected an object, found %1").arg(m.typeName()));
                break;
            }
            HarWebSocketMessage msg;
            const QString type = w.string(m, mp, u"type", true);
            if (w.ok() && type != QLatin1String("send") && type != QLatin1String("receive"))
                w.fail(mp + QStringLiteral(".type"), m.find(u"type"),
                    QStringLiteral("expected \"send\" or \"receive\", found \"%1\"").arg(type));
            msg.outgoing = type == QLatin1String("send");
            msg.time = w.number(m, mp, u"time", false);
            msg.opcode = int(w.number(m, mp, u"opcode", false, 1));
            msg.data = w.string(m, mp, u"data", true);
            if (!w.ok())
                break;
            e.webSocketMessages.append(msg);
        }
    }
    return e;
}

} // namespace

std::optional<QString> HarEntry::requestHeader(QStringView name) const
{
    bool found = false;
    const QString v = joinedHeader(requestHeaders, name, &found);
    return found ? std::optional<QString>(v) : std::nullopt;
}

std::optional<QString> HarEntry::responseHeader(QStringView name) const
{
    bool found = false;
    const QString v = joinedHeader(responseHeaders, name, &found);
    return found ? std::optional<QString>(v) : std::nullopt;
}

QString HarReader::tooLargeMessage(qint64 size)
{
    return QStringLiteral("the HAR is %1 MB; CorsLab reads HAR files up to %2 MB (save only the "
                          "Socket.IO requests, e.g. filter the Network panel by EIO= first)")
        .arg(QString::number(double(size) / (1024 * 1024), 'f', 1))
        .arg(MaxBytes / (1024 * 1024));
}

HarReadResult HarReader::read(QByteArrayView bytes)
{
    HarReadResult result;
    if (bytes.size() > MaxBytes) {
        result.error = tooLargeMessage(bytes.size());
        return result;
    }
    if (bytes.trimmed().isEmpty()) {
        result.error = QStringLiteral("the file is empty (a HAR is a JSON object with a \"log\")");
        return result;
    }
    const JsonParseResult parsed = JsonParser::parse(bytes);
    if (parsed.error) {
        result.error = QStringLiteral("line %1, column %2: %3")
                           .arg(parsed.error->position.line)
                           .arg(parsed.error->position.column)
                           .arg(parsed.error->message);
        return result;
    }
    const JsonNode &root = *parsed.root;
    Walker w;
    if (!root.isObject()) {
        w.fail(QStringLiteral("(the document)"), &root,
            QStringLiteral("expected an object with a \"log\", found %1").arg(root.typeName()));
        result.error = w.error;
        return result;
    }
    const JsonNode *log = root.find(u"log");
    if (!log) {
        result.error = QStringLiteral("log: missing — this JSON is not a HAR (an HTTP Archive has "
                                      "a top-level \"log\" object)");
        return result;
    }
    HarLog out;
    const QString lp = QStringLiteral("log");
    if (!log->isObject()) {
        w.fail(lp, log, QStringLiteral("expected an object, found %1").arg(log->typeName()));
    } else {
        if (const JsonNode *creator
            = w.member(*log, lp, u"creator", JsonNode::Type::Object, false)) {
            out.creatorName = w.string(*creator, QStringLiteral("log.creator"), u"name", false);
            out.creatorVersion
                = w.string(*creator, QStringLiteral("log.creator"), u"version", false);
        }
        if (const JsonNode *browser
            = w.member(*log, lp, u"browser", JsonNode::Type::Object, false)) {
            out.browserName = w.string(*browser, QStringLiteral("log.browser"), u"name", false);
            out.browserVersion
                = w.string(*browser, QStringLiteral("log.browser"), u"version", false);
        }
        if (const JsonNode *pages = w.member(*log, lp, u"pages", JsonNode::Type::Array, false)) {
            int i = 0;
            for (const JsonNode &p : pages->items()) {
                const QString pp = QStringLiteral("log.pages[%1]").arg(i++);
                if (!p.isObject()) {
                    w.fail(
                        pp, &p, QStringLiteral("expected an object, found %1").arg(p.typeName()));
                    break;
                }
                HarPage page;
                page.id = w.string(p, pp, u"id", false);
                page.title = w.string(p, pp, u"title", false);
                page.startedDateTime = w.string(p, pp, u"startedDateTime", false);
                if (const JsonNode *own = p.find(u"_corslab"); own && own->isObject())
                    page.corslabBrowser
                        = w.string(*own, pp + QStringLiteral("._corslab"), u"browser", false);
                out.pages.append(page);
            }
        }
        if (const JsonNode *entries = w.member(*log, lp, u"entries", JsonNode::Type::Array, true)) {
            int i = 0;
            for (const JsonNode &e : entries->items()) {
                HarEntry entry = readEntry(w, e, i++);
                if (!w.ok())
                    break;
                out.entries.append(std::move(entry));
            }
        }
    }
    if (!w.ok()) {
        result.error = w.error;
        return result;
    }
    result.log = std::move(out);
    return result;
}

} // namespace corslab
