// ReasonCatalog: reads resources/reasons, checks it, renders its templates the way each browser
// fills its own, and turns every template into an anchored regular expression for match().
#include "reasoncatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace corslab {

namespace {

using Piece = ReasonCatalog::Piece;
using Pieces = std::vector<Piece>;

const QString Format = QStringLiteral("corslab-reasons");
constexpr int Version = 1;
const QString ChromiumFile = QStringLiteral("chromium.json");
const QString FirefoxFile = QStringLiteral("firefox.json");
const QString WebSocketFile = QStringLiteral("websocket.json");
const QString SocketIoClientFile = QStringLiteral("socketio-client.json");
const QString ExplanationsFile = QStringLiteral("explanations.json");
const QString NotesFile = QStringLiteral("notes.json");
const QString English = QStringLiteral("en-US");
// nsTextFormatter prints a null string argument like this.
const QString NullArgument = QStringLiteral("(null)");
// KURL::ElidedString: longer URLs are cut to 511 + "..." + 510 characters.
constexpr qsizetype ElideAbove = 1024;

QString firefoxFileName(const QString &language)
{
    return QStringLiteral("firefox.%1.json").arg(language);
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// What a placeholder may match when a template becomes a regular expression. URLs are
// canonical, so they hold no spaces; hints and Firefox's parameters may be empty.
QString placeholderPattern(const QString &name)
{
    static const QMap<QString, QString> patterns = {
        {QStringLiteral("kind"), QStringLiteral("[A-Za-z]+")},
        {QStringLiteral("url"), QStringLiteral("\\S+?")},
        {QStringLiteral("initialUrl"), QStringLiteral("\\S+?")},
        {QStringLiteral("pageUrl"), QStringLiteral("\\S+?")},
        {QStringLiteral("origin"), QStringLiteral("[^']*")},
        {QStringLiteral("hint"), QStringLiteral(".*?")},
        {QStringLiteral("schemes"), QStringLiteral(".+?")},
        {QStringLiteral("targetAddressSpace"), QStringLiteral("[a-z]+")},
        {QStringLiteral("resourceAddressSpace"), QStringLiteral("[a-z]+")},
        // RFC 9110 token
        {QStringLiteral("method"), QStringLiteral("[!#$%&'*+.^_`|~0-9A-Za-z-]+")},
        {QStringLiteral("status"), QStringLiteral("\\d+")},
        {QStringLiteral("statusText"), QStringLiteral("[^()]*")},
        {QStringLiteral("netError"), QStringLiteral("net::[A-Z0-9_]+")},
        {QStringLiteral("serverMessage"), QStringLiteral(".*")},
    };
    return patterns.value(name, QStringLiteral(".*?"));
}

QString firefoxArgumentPattern(const QString &name)
{
    return name == QLatin1String("url") ? QStringLiteral("\\S+?") : QStringLiteral(".*?");
}

// "1-based line:column" of a byte offset in UTF-8 text, for JSON syntax errors.
QString lineColumn(const QByteArray &bytes, int offset)
{
    const QByteArray before = bytes.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int line = int(before.count('\n')) + 1;
    const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

// Collects errors in the house format, naming the file and the JSON path.
class Problems {
public:
    explicit Problems(QStringList &errors)
        : m_errors(errors)
    { }
    void add(const QString &file, const QString &path, const QString &message)
    {
        if (path.isEmpty())
            m_errors << file + QStringLiteral(": ") + message;
        else
            m_errors << file + QStringLiteral(": ") + path + QStringLiteral(": ") + message;
    }

private:
    QStringList &m_errors;
};

std::optional<QJsonObject> readDocument(
    const QString &directory, const QString &name, QStringList &errors)
{
    Problems problems(errors);
    QFile file(directory + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly)) {
        problems.add(name, {}, QStringLiteral("cannot open: ") + file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        errors << name + QLatin1Char(':') + lineColumn(bytes, error.offset) + QStringLiteral(": ")
                + error.errorString();
        return std::nullopt;
    }
    if (!document.isObject()) {
        problems.add(name, {}, QStringLiteral("the top level must be an object"));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != Format) {
        problems.add(name, QStringLiteral("format"), QStringLiteral("must be ") + quoted(Format));
        return std::nullopt;
    }
    const int version = root.value(QLatin1String("version")).toInt(-1);
    if (version != Version) {
        problems.add(name, QStringLiteral("version"),
            QStringLiteral("%1 is not supported; this CorsLab reads version %2")
                .arg(root.value(QLatin1String("version")).toVariant().toString())
                .arg(Version));
        return std::nullopt;
    }
    return root;
}

// "{name}" placeholders among literal text. A brace that does not open a known placeholder is
// an error, so a typo in the data cannot print braces into a browser's text.
std::optional<Pieces> parseTemplate(const QString &text, const QStringList &allowed, QString *error)
{
    Pieces pieces;
    QString literal;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('}')) {
            *error = QStringLiteral("a '}' at %1 closes nothing").arg(i);
            return std::nullopt;
        }
        if (c != QLatin1Char('{')) {
            literal += c;
            continue;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
        if (close < 0) {
            *error = QStringLiteral("the '{' at %1 is not closed").arg(i);
            return std::nullopt;
        }
        const QString name = text.mid(i + 1, close - i - 1);
        if (!allowed.contains(name)) {
            *error = QStringLiteral("unknown placeholder {%1} (known here: %2)")
                         .arg(name, allowed.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        if (!literal.isEmpty())
            pieces.push_back({false, literal});
        literal.clear();
        pieces.push_back({true, name});
        i = close;
    }
    if (!literal.isEmpty())
        pieces.push_back({false, literal});
    return pieces;
}

QStringList placeholders(const Pieces &pieces)
{
    QStringList names;
    for (const Piece &piece : pieces) {
        if (piece.isPlaceholder && !names.contains(piece.text))
            names << piece.text;
    }
    return names;
}

QString render(const Pieces &pieces, const QMap<QString, QString> &values)
{
    QString out;
    for (const Piece &piece : pieces)
        out += piece.isPlaceholder ? values.value(piece.text) : piece.text;
    return out;
}

// The template as a regular expression fragment: literals escaped, each placeholder a named
// group (a repeated one must repeat the same text).
QString toPattern(const Pieces &pieces, QSet<QString> &seen)
{
    QString out;
    for (const Piece &piece : pieces) {
        if (!piece.isPlaceholder) {
            out += QRegularExpression::escape(piece.text);
        } else if (seen.contains(piece.text)) {
            out += QStringLiteral("\\k<") + piece.text + QLatin1Char('>');
        } else {
            seen.insert(piece.text);
            out += QStringLiteral("(?<") + piece.text + QLatin1Char('>')
                + placeholderPattern(piece.text) + QLatin1Char(')');
        }
    }
    return out;
}

QString toPattern(const Pieces &pieces)
{
    QSet<QString> seen;
    return toPattern(pieces, seen);
}

// Blanks at the end of a text are optional when matching: a pasted line rarely keeps them
// (zh-CN CORSInvalidAllowHeader ends with one, so does a WebSocket failure without a reason),
// and every pattern ends in \s* anyway.
Pieces withoutTrailingBlanks(Pieces pieces)
{
    while (!pieces.empty() && !pieces.back().isPlaceholder) {
        QString &last = pieces.back().text;
        while (!last.isEmpty() && last.back().isSpace())
            last.chop(1);
        if (!last.isEmpty())
            break;
        pieces.pop_back();
    }
    return pieces;
}

// A Firefox .properties value split at its arguments: literal pieces, and pieces whose text
// is the 1-based argument number. nsTextFormatter: %N$S positional, %S sequential, %% a '%'.
Pieces parseFirefox(const QString &pattern)
{
    Pieces pieces;
    QString literal;
    int sequential = 0;
    const auto flush = [&]() {
        if (!literal.isEmpty())
            pieces.push_back({false, literal});
        literal.clear();
    };
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c != QLatin1Char('%') || i + 1 >= pattern.size()) {
            literal += c;
            continue;
        }
        const QChar next = pattern.at(i + 1);
        if (next == QLatin1Char('%')) {
            literal += QLatin1Char('%');
            ++i;
            continue;
        }
        if (next == QLatin1Char('S')) {
            flush();
            pieces.push_back({true, QString::number(++sequential)});
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        while (j < pattern.size() && pattern.at(j).isDigit())
            ++j;
        if (j > i + 1 && j + 1 < pattern.size() && pattern.at(j) == QLatin1Char('$')
            && pattern.at(j + 1) == QLatin1Char('S')) {
            flush();
            pieces.push_back({true, QString::number(pattern.mid(i + 1, j - i - 1).toInt())});
            i = j + 1;
            continue;
        }
        literal += c;
    }
    flush();
    return pieces;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        out << item.toString();
    return out;
}

bool isStringList(const QJsonValue &value)
{
    if (!value.isArray())
        return false;
    const QJsonArray array = value.toArray();
    return std::all_of(
        array.begin(), array.end(), [](const QJsonValue &item) { return item.isString(); });
}

QString stripDecorations(QString line, const std::vector<QRegularExpression> &leading,
    const std::vector<QRegularExpression> &trailing)
{
    bool changed = true;
    while (changed && !line.isEmpty()) {
        changed = false;
        for (const QRegularExpression &re : leading) {
            const QRegularExpressionMatch m = re.match(line);
            if (m.hasMatch() && m.capturedStart() == 0 && m.capturedLength() > 0) {
                line = line.mid(m.capturedLength()).trimmed();
                changed = true;
            }
        }
        for (const QRegularExpression &re : trailing) {
            const QRegularExpressionMatch m = re.match(line);
            if (m.hasMatch() && m.capturedEnd() == line.size() && m.capturedLength() > 0) {
                line = line.left(m.capturedStart()).trimmed();
                changed = true;
            }
        }
    }
    return line;
}

} // namespace

const ReasonCatalog &ReasonCatalog::instance()
{
    static const ReasonCatalog catalog = load(QStringLiteral(":/corslab/reasons"));
    return catalog;
}

ReasonCatalog ReasonCatalog::load(const QString &directory)
{
    ReasonCatalog catalog;
    const bool chromium = catalog.loadChromium(directory);
    const bool firefox = catalog.loadFirefox(directory);
    const bool webSocket = catalog.loadWebSocket(directory);
    const bool socketIoClient = catalog.loadSocketIoClient(directory);
    const bool explanations = catalog.loadExplanations(directory);
    const bool notes = catalog.loadNotes(directory);
    // The checks across files below only run between files that loaded, so that one broken
    // file is reported once, not once for every code the others name.
    const bool allCodes = chromium && firefox && webSocket && socketIoClient && notes;

    // Each code names one thing across all sources: explanations share one namespace.
    Problems problems(catalog.m_errors);
    QMap<QString, QString> owner;
    const auto claim = [&](const QStringList &codes, const QString &file) {
        for (const QString &code : codes) {
            if (owner.contains(code) && owner.value(code) != file)
                problems.add(file, code, QStringLiteral("also defined in ") + owner.value(code));
            owner.insert(code, file);
        }
    };
    claim(catalog.chromiumCodes() + catalog.networkCodes() + catalog.chromiumConsoleCodes(),
        ChromiumFile);
    claim(catalog.noteCodes(), NotesFile);
    claim(catalog.webSocketCodes(), WebSocketFile);
    claim(catalog.firefoxKeys(), FirefoxFile);
    claim(catalog.connectErrorCodes(), SocketIoClientFile);

    // Counterparts must exist on the other side.
    const QStringList firefoxKeys = catalog.firefoxKeys();
    for (const ChromiumEntry &entry : catalog.m_chromium) {
        for (const QString &key : entry.reason.firefoxKeys) {
            if (firefox && !firefoxKeys.contains(key))
                problems.add(
                    ChromiumFile, entry.reason.code, QStringLiteral("unknown Firefox key ") + key);
        }
    }
    for (const FirefoxEntry &entry : catalog.m_firefox) {
        for (const QString &code : entry.reason.chromiumCodes) {
            if (chromium && !catalog.chromiumEntry(code) && !catalog.consoleEntry(code))
                problems.add(
                    FirefoxFile, entry.reason.key, QStringLiteral("unknown Chromium code ") + code);
        }
    }
    for (const QString &key : std::as_const(catalog.m_firefoxWebSocketKeys)) {
        if (firefox && !firefoxKeys.contains(key))
            problems.add(WebSocketFile, QStringLiteral("firefox"),
                QStringLiteral("unknown Firefox key ") + key);
    }

    // Every code is explained in every language, and nothing else is.
    const QStringList codes = explanations ? owner.keys() : QStringList();
    for (const QString &code : codes) {
        for (const QString &language : std::as_const(catalog.m_languages)) {
            if (catalog.m_explanations.value(code).value(language).trimmed().isEmpty())
                problems.add(
                    ExplanationsFile, code, QStringLiteral("no explanation in ") + language);
        }
    }
    for (auto it = catalog.m_explanations.cbegin(); it != catalog.m_explanations.cend(); ++it) {
        if (allCodes && !owner.contains(it.key()))
            problems.add(ExplanationsFile, it.key(), QStringLiteral("explains an unknown code"));
        const QStringList languages = it.value().keys();
        for (const QString &language : languages) {
            if (firefox && !catalog.m_languages.contains(language))
                problems.add(
                    ExplanationsFile, it.key(), QStringLiteral("unknown language ") + language);
        }
    }

    // Every note speaks every language.
    for (const NoteEntry &note : catalog.m_notes) {
        for (const QString &language : std::as_const(catalog.m_languages)) {
            if (firefox && !note.texts.contains(language))
                problems.add(NotesFile, note.code, QStringLiteral("no text in ") + language);
        }
    }

    catalog.buildMatchers();
    return catalog;
}

bool ReasonCatalog::loadChromium(const QString &directory)
{
    const std::optional<QJsonObject> root = readDocument(directory, ChromiumFile, m_errors);
    if (!root)
        return false;
    Problems problems(m_errors);
    const auto templ
        = [&](const QString &path, const QJsonValue &value, const QStringList &allowed) -> Pieces {
        if (!value.isString()) {
            problems.add(ChromiumFile, path, QStringLiteral("must be a string"));
            return {};
        }
        QString error;
        std::optional<Pieces> pieces = parseTemplate(value.toString(), allowed, &error);
        if (!pieces) {
            problems.add(ChromiumFile, path, error);
            return {};
        }
        return *pieces;
    };

    const QJsonObject message = root->value(QLatin1String("message")).toObject();
    m_start = templ(QStringLiteral("message.start"), message.value(QLatin1String("start")),
        {QStringLiteral("kind"), QStringLiteral("url")});
    m_redirected = templ(QStringLiteral("message.redirected"),
        message.value(QLatin1String("redirected")), {QStringLiteral("initialUrl")});
    m_blocked = templ(QStringLiteral("message.blocked"), message.value(QLatin1String("blocked")),
        {QStringLiteral("origin")});
    m_preflightPrefix = render(
        templ(QStringLiteral("message.preflight"), message.value(QLatin1String("preflight")), {}),
        {});
    m_issueSummaryPrefix = render(templ(QStringLiteral("message.issueSummary"),
                                      message.value(QLatin1String("issueSummary")), {}),
        {});

    const QMap<QString, ChromiumInitiator> initiators = {
        {QStringLiteral("XmlHttpRequest"), ChromiumInitiator::XmlHttpRequest},
        {QStringLiteral("Fetch"), ChromiumInitiator::Fetch},
    };
    const QJsonObject kinds = root->value(QLatin1String("kinds")).toObject();
    for (auto it = initiators.cbegin(); it != initiators.cend(); ++it) {
        const QString kind = kinds.value(it.key()).toString();
        if (kind.isEmpty())
            problems.add(
                ChromiumFile, QStringLiteral("kinds.") + it.key(), QStringLiteral("is missing"));
        m_kinds.insert(it.value(), kind);
    }

    const QJsonObject suffixes = root->value(QLatin1String("suffixes")).toObject();
    for (auto it = suffixes.begin(); it != suffixes.end(); ++it) {
        const QJsonObject suffix = it.value().toObject();
        const QString initiator = suffix.value(QLatin1String("initiator")).toString();
        const QString text = suffix.value(QLatin1String("text")).toString();
        if (!initiators.contains(initiator) || text.isEmpty()) {
            problems.add(ChromiumFile, QStringLiteral("suffixes.") + it.key(),
                QStringLiteral("needs an initiator (XmlHttpRequest or Fetch) and a text"));
            continue;
        }
        m_suffixes.insert(it.key(), {initiators.value(initiator), text});
    }

    const QJsonObject defaults = root->value(QLatin1String("defaults")).toObject();
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        m_defaults.insert(it.key(), it.value().toString());

    const QStringList reasonNames = {QStringLiteral("hint"), QStringLiteral("schemes"),
        QStringLiteral("targetAddressSpace"), QStringLiteral("resourceAddressSpace")};
    const QJsonArray errors = root->value(QLatin1String("errors")).toArray();
    QSet<QString> seen;
    for (qsizetype i = 0; i < errors.size(); ++i) {
        const QJsonObject error = errors.at(i).toObject();
        ChromiumEntry entry;
        entry.reason.code = error.value(QLatin1String("code")).toString();
        const QString path = QStringLiteral("errors[%1] (%2)").arg(i).arg(entry.reason.code);
        if (entry.reason.code.isEmpty() || seen.contains(entry.reason.code)) {
            problems.add(ChromiumFile, path, QStringLiteral("needs a code of its own"));
            continue;
        }
        seen.insert(entry.reason.code);
        entry.reason.reason = error.value(QLatin1String("reason")).toString();
        entry.pieces = templ(
            path + QStringLiteral(".reason"), error.value(QLatin1String("reason")), reasonNames);
        entry.reason.parameters = placeholders(entry.pieces);
        entry.reason.isPreflight = error.value(QLatin1String("preflight")).toBool();
        entry.reason.isHistoric = error.value(QLatin1String("historic")).toBool();
        entry.reason.aliases = stringList(error.value(QLatin1String("aliases")));
        entry.reason.firefoxKeys = stringList(error.value(QLatin1String("firefox")));
        entry.suffix = error.value(QLatin1String("suffix")).toString();
        entry.legacySuffix = error.value(QLatin1String("legacySuffix")).toString();
        for (const QString &id : {entry.suffix, entry.legacySuffix}) {
            if (!id.isEmpty() && !m_suffixes.contains(id))
                problems.add(ChromiumFile, path, QStringLiteral("unknown suffix ") + id);
        }
        for (const QString &name : std::as_const(entry.reason.parameters)) {
            if (name == QLatin1String("schemes") && m_defaults.value(name).isEmpty())
                problems.add(
                    ChromiumFile, path, QStringLiteral("{schemes} needs defaults.schemes"));
        }
        m_chromium.push_back(entry);
    }

    // Other console lines: one text per page API, or "any".
    const QStringList contexts = {QStringLiteral("XmlHttpRequest"), QStringLiteral("Fetch"),
        QStringLiteral("WebSocket"), QStringLiteral("any")};
    const QStringList consoleNames
        = {QStringLiteral("url"), QStringLiteral("pageUrl"), QStringLiteral("hint")};
    const QJsonArray console = root->value(QLatin1String("console")).toArray();
    for (qsizetype i = 0; i < console.size(); ++i) {
        const QJsonObject line = console.at(i).toObject();
        ConsoleEntry entry;
        entry.reason.code = line.value(QLatin1String("code")).toString();
        const QString path = QStringLiteral("console[%1] (%2)").arg(i).arg(entry.reason.code);
        if (entry.reason.code.isEmpty() || seen.contains(entry.reason.code)) {
            problems.add(ChromiumFile, path, QStringLiteral("needs a code of its own"));
            continue;
        }
        seen.insert(entry.reason.code);
        const QString level = line.value(QLatin1String("level")).toString();
        if (level != QLatin1String("error") && level != QLatin1String("warning"))
            problems.add(ChromiumFile, path + QStringLiteral(".level"),
                QStringLiteral("must be \"error\" or \"warning\""));
        entry.reason.isWarning = level == QLatin1String("warning");
        entry.reason.inIssuesPanel
            = line.value(QLatin1String("panel")).toString() == QLatin1String("issues");
        const QJsonObject texts = line.value(QLatin1String("texts")).toObject();
        if (texts.isEmpty())
            problems.add(ChromiumFile, path, QStringLiteral("needs texts"));
        for (auto it = texts.begin(); it != texts.end(); ++it) {
            if (!contexts.contains(it.key())) {
                problems.add(ChromiumFile, path + QStringLiteral(".texts.") + it.key(),
                    QStringLiteral("unknown page API (known: %1)")
                        .arg(contexts.join(QStringLiteral(", "))));
                continue;
            }
            entry.texts.insert(it.key(),
                templ(path + QStringLiteral(".texts.") + it.key(), it.value(), consoleNames));
        }
        // Mixed content stops the request before it is made; the others only log.
        entry.reason.blocks = !entry.reason.isWarning
            && entry.reason.code != QLatin1String("RefusedToSetUnsafeHeader");
        m_console.push_back(entry);
    }

    const QStringList networkNames = {QStringLiteral("method"), QStringLiteral("url"),
        QStringLiteral("netError"), QStringLiteral("status"), QStringLiteral("statusText")};
    const QJsonArray network = root->value(QLatin1String("network")).toArray();
    for (qsizetype i = 0; i < network.size(); ++i) {
        const QJsonObject line = network.at(i).toObject();
        NetworkEntry entry;
        entry.code = line.value(QLatin1String("code")).toString();
        const QString path = QStringLiteral("network[%1] (%2)").arg(i).arg(entry.code);
        if (entry.code.isEmpty()) {
            problems.add(ChromiumFile, path, QStringLiteral("needs a code"));
            continue;
        }
        entry.console = templ(
            path + QStringLiteral(".console"), line.value(QLatin1String("console")), networkNames);
        const QJsonArray devtools = line.value(QLatin1String("devtools")).toArray();
        for (qsizetype j = 0; j < devtools.size(); ++j)
            entry.devtools.push_back(
                templ(path + QStringLiteral(".devtools[%1]").arg(j), devtools.at(j), networkNames));
        if (entry.devtools.empty())
            problems.add(ChromiumFile, path, QStringLiteral("needs devtools templates"));
        m_network.push_back(entry);
    }

    const QJsonObject statusTexts = root->value(QLatin1String("statusTexts")).toObject();
    for (auto it = statusTexts.begin(); it != statusTexts.end(); ++it) {
        bool ok = false;
        const int status = it.key().toInt(&ok);
        if (!ok)
            problems.add(ChromiumFile, QStringLiteral("statusTexts.") + it.key(),
                QStringLiteral("is not a status code"));
        else
            m_statusTexts.insert(status, it.value().toString());
    }
    addDecorations(ChromiumFile, root->value(QLatin1String("pasteDecorations")));
    return true;
}

bool ReasonCatalog::loadFirefox(const QString &directory)
{
    const std::optional<QJsonObject> root = readDocument(directory, FirefoxFile, m_errors);
    if (!root)
        return false;
    Problems problems(m_errors);
    if (!isStringList(root->value(QLatin1String("languages")))
        || root->value(QLatin1String("languages")).toArray().isEmpty()) {
        problems.add(FirefoxFile, QStringLiteral("languages"),
            QStringLiteral("must list the languages, e.g. [\"en-US\"]"));
        return false;
    }
    m_languages = stringList(root->value(QLatin1String("languages")));

    const QJsonArray keys = root->value(QLatin1String("keys")).toArray();
    QSet<QString> seen;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QJsonObject key = keys.at(i).toObject();
        FirefoxEntry entry;
        entry.reason.key = key.value(QLatin1String("key")).toString();
        const QString path = QStringLiteral("keys[%1] (%2)").arg(i).arg(entry.reason.key);
        if (entry.reason.key.isEmpty() || seen.contains(entry.reason.key)) {
            problems.add(FirefoxFile, path, QStringLiteral("needs a key of its own"));
            continue;
        }
        seen.insert(entry.reason.key);
        entry.reason.file = key.value(QLatin1String("file")).toString();
        if (!isStringList(key.value(QLatin1String("arguments"))))
            problems.add(FirefoxFile, path, QStringLiteral("arguments must be a list of names"));
        entry.reason.arguments = stringList(key.value(QLatin1String("arguments")));
        entry.reason.isWarning = key.value(QLatin1String("warning")).toBool();
        entry.reason.chromiumCodes = stringList(key.value(QLatin1String("chromium")));
        m_firefox.push_back(entry);
    }

    for (const QString &language : std::as_const(m_languages)) {
        const QString file = firefoxFileName(language);
        const std::optional<QJsonObject> texts = readDocument(directory, file, m_errors);
        if (!texts)
            continue;
        if (texts->value(QLatin1String("language")).toString() != language)
            problems.add(file, QStringLiteral("language"), QStringLiteral("must be ") + language);
        const QJsonObject strings = texts->value(QLatin1String("strings")).toObject();
        for (FirefoxEntry &entry : m_firefox) {
            const QString &key = entry.reason.key;
            const QJsonValue value = strings.value(key);
            if (!value.isString()) {
                problems.add(file, QStringLiteral("strings"), key + QStringLiteral(" is missing"));
                continue;
            }
            // The text must use exactly the arguments the key has, so that a pasted line
            // gives all of them back.
            QSet<int> used;
            for (const Piece &piece : parseFirefox(value.toString())) {
                if (piece.isPlaceholder)
                    used.insert(piece.text.toInt());
            }
            for (int n = 1; n <= entry.reason.arguments.size(); ++n) {
                if (!used.contains(n))
                    problems.add(file, QStringLiteral("strings.") + key,
                        QStringLiteral("does not use argument %1").arg(n));
            }
            for (int n : std::as_const(used)) {
                if (n < 1 || n > entry.reason.arguments.size())
                    problems.add(file, QStringLiteral("strings.") + key,
                        QStringLiteral("uses argument %1, which the key does not have").arg(n));
            }
            entry.texts.insert(language, value.toString());
        }
        for (auto it = strings.begin(); it != strings.end(); ++it) {
            if (!seen.contains(it.key()))
                problems.add(file, QStringLiteral("strings"),
                    it.key() + QStringLiteral(" is not in firefox.json"));
        }
    }
    addDecorations(FirefoxFile, root->value(QLatin1String("pasteDecorations")));
    return true;
}

bool ReasonCatalog::loadWebSocket(const QString &directory)
{
    const std::optional<QJsonObject> root = readDocument(directory, WebSocketFile, m_errors);
    if (!root)
        return false;
    Problems problems(m_errors);
    const QJsonObject chromium = root->value(QLatin1String("chromium")).toObject();
    QString error;
    if (const auto prefix = parseTemplate(
            chromium.value(QLatin1String("prefix")).toString(), {QStringLiteral("url")}, &error))
        m_webSocketPrefix = *prefix;
    else
        problems.add(WebSocketFile, QStringLiteral("chromium.prefix"), error);

    const QJsonArray reasons = chromium.value(QLatin1String("reasons")).toArray();
    for (qsizetype i = 0; i < reasons.size(); ++i) {
        const QJsonObject reason = reasons.at(i).toObject();
        WebSocketEntry entry;
        entry.code = reason.value(QLatin1String("code")).toString();
        const QString path = QStringLiteral("chromium.reasons[%1] (%2)").arg(i).arg(entry.code);
        const auto pieces = parseTemplate(reason.value(QLatin1String("reason")).toString(),
            {QStringLiteral("status"), QStringLiteral("netError")}, &error);
        if (entry.code.isEmpty() || !pieces) {
            problems.add(
                WebSocketFile, path, entry.code.isEmpty() ? QStringLiteral("needs a code") : error);
            continue;
        }
        entry.reason = *pieces;
        m_webSocket.push_back(entry);
    }
    m_firefoxWebSocketKeys = stringList(root->value(QLatin1String("firefox")));
    return true;
}

bool ReasonCatalog::loadSocketIoClient(const QString &directory)
{
    const std::optional<QJsonObject> root = readDocument(directory, SocketIoClientFile, m_errors);
    if (!root)
        return false;
    Problems problems(m_errors);
    const QJsonArray errors = root->value(QLatin1String("connectErrors")).toArray();
    QSet<QString> seen;
    for (qsizetype i = 0; i < errors.size(); ++i) {
        const QJsonObject error = errors.at(i).toObject();
        ConnectErrorEntry entry;
        entry.info.code = error.value(QLatin1String("code")).toString();
        entry.info.message = error.value(QLatin1String("message")).toString();
        entry.info.type = error.value(QLatin1String("type")).toString();
        entry.info.description = error.value(QLatin1String("description")).toString();
        const QString path = QStringLiteral("connectErrors[%1] (%2)").arg(i).arg(entry.info.code);
        if (entry.info.code.isEmpty() || seen.contains(entry.info.code)) {
            problems.add(SocketIoClientFile, path, QStringLiteral("needs a code of its own"));
            continue;
        }
        seen.insert(entry.info.code);
        QString problem;
        const auto pieces
            = parseTemplate(entry.info.message, {QStringLiteral("serverMessage")}, &problem);
        if (!pieces || entry.info.message.isEmpty()) {
            problems.add(SocketIoClientFile, path + QStringLiteral(".message"),
                pieces ? QStringLiteral("is empty") : problem);
            continue;
        }
        entry.message = *pieces;
        m_connectErrors.push_back(entry);
    }
    const QJsonObject fetchTypeError = root->value(QLatin1String("fetchTypeError")).toObject();
    for (auto it = fetchTypeError.begin(); it != fetchTypeError.end(); ++it)
        m_fetchTypeErrors.insert(it.key(), it.value().toString());
    addDecorations(SocketIoClientFile, root->value(QLatin1String("pasteDecorations")));
    return true;
}

bool ReasonCatalog::loadExplanations(const QString &directory)
{
    const std::optional<QJsonObject> root = readDocument(directory, ExplanationsFile, m_errors);
    if (!root)
        return false;
    const QJsonObject explanations = root->value(QLatin1String("explanations")).toObject();
    for (auto it = explanations.begin(); it != explanations.end(); ++it) {
        const QJsonObject texts = it.value().toObject();
        for (auto text = texts.begin(); text != texts.end(); ++text)
            m_explanations[it.key()].insert(text.key(), text.value().toString());
    }
    return true;
}

bool ReasonCatalog::loadNotes(const QString &directory)
{
    const std::optional<QJsonObject> root = readDocument(directory, NotesFile, m_errors);
    if (!root)
        return false;
    Problems problems(m_errors);
    const QJsonArray notes = root->value(QLatin1String("notes")).toArray();
    QSet<QString> seen;
    for (qsizetype i = 0; i < notes.size(); ++i) {
        const QJsonObject note = notes.at(i).toObject();
        NoteEntry entry;
        entry.code = note.value(QLatin1String("code")).toString();
        const QString path = QStringLiteral("notes[%1] (%2)").arg(i).arg(entry.code);
        if (entry.code.isEmpty() || seen.contains(entry.code)) {
            problems.add(NotesFile, path, QStringLiteral("needs a code of its own"));
            continue;
        }
        seen.insert(entry.code);
        const QJsonObject texts = note.value(QLatin1String("texts")).toObject();
        for (auto it = texts.begin(); it != texts.end(); ++it) {
            QString error;
            const std::optional<Pieces> pieces
                = parseTemplate(it.value().toString(), {QStringLiteral("hint")}, &error);
            if (!pieces || it.value().toString().trimmed().isEmpty()) {
                problems.add(NotesFile, path + QStringLiteral(".texts.") + it.key(),
                    pieces ? QStringLiteral("is empty") : error);
                continue;
            }
            entry.texts.insert(it.key(), *pieces);
        }
        // A note names its parameter exactly when its text uses it.
        const bool hasHint = note.contains(QLatin1String("hint"));
        for (auto it = entry.texts.cbegin(); it != entry.texts.cend(); ++it) {
            if (placeholders(it.value()).contains(QStringLiteral("hint")) != hasHint)
                problems.add(NotesFile, path + QStringLiteral(".texts.") + it.key(),
                    hasHint ? QStringLiteral("does not use {hint}")
                            : QStringLiteral("uses {hint}, which the note does not describe"));
        }
        m_notes.push_back(entry);
    }
    return true;
}

void ReasonCatalog::addDecorations(const QString &file, const QJsonValue &value)
{
    Problems problems(m_errors);
    const QJsonObject object = value.toObject();
    for (const QString &side : {QStringLiteral("leading"), QStringLiteral("trailing")}) {
        const QStringList patterns = stringList(object.value(side));
        for (const QString &pattern : patterns) {
            QRegularExpression re(pattern);
            if (!re.isValid()) {
                problems.add(file, QStringLiteral("pasteDecorations.") + side,
                    quoted(pattern) + QStringLiteral(": ") + re.errorString());
                continue;
            }
            (side == QLatin1String("leading") ? m_decorations.leading : m_decorations.trailing)
                .push_back(re);
        }
    }
}

void ReasonCatalog::buildMatchers()
{
    Problems problems(m_errors);
    const auto add = [&](Matcher matcher, const QString &pattern, const QString &file) {
        matcher.regex = QRegularExpression(QLatin1Char('^') + pattern + QStringLiteral("\\s*$"));
        if (!matcher.regex.isValid()) {
            problems.add(file, matcher.code,
                QStringLiteral("no regular expression: ") + matcher.regex.errorString());
            return;
        }
        m_matchers.push_back(std::move(matcher));
    };

    // Chromium's CORS line: start, optional redirect, origin, the preflight prefix where the
    // error is a preflight one, the reason and the suffix of its initiator.
    for (const ChromiumEntry &entry : m_chromium) {
        const QString head = toPattern(m_start) + QStringLiteral("(?:") + toPattern(m_redirected)
            + QStringLiteral(")?") + toPattern(m_blocked)
            + (entry.reason.isPreflight ? QRegularExpression::escape(m_preflightPrefix) : QString())
            + toPattern(entry.pieces);
        Matcher current {ReasonSource::ChromiumCors, entry.reason.code, English, {}, {}, false};
        QString suffix;
        if (!entry.suffix.isEmpty())
            suffix = QStringLiteral("(?:")
                + QRegularExpression::escape(m_suffixes.value(entry.suffix).text)
                + QStringLiteral(")?");
        add(current, head + suffix, ChromiumFile);
        if (!entry.legacySuffix.isEmpty() && entry.legacySuffix != entry.suffix) {
            Matcher legacy = current;
            legacy.legacyWording = true;
            add(legacy,
                head + QRegularExpression::escape(m_suffixes.value(entry.legacySuffix).text),
                ChromiumFile);
        }
    }
    for (const ConsoleEntry &entry : m_console) {
        for (const Pieces &pieces : entry.texts) {
            add({ReasonSource::ChromiumConsole, entry.reason.code, English, {}, {}, false},
                toPattern(pieces), ChromiumFile);
        }
    }
    for (const NetworkEntry &entry : m_network) {
        const Matcher matcher {ReasonSource::ChromiumNetwork, entry.code, English, {}, {}, false};
        for (const Pieces &pieces : entry.devtools)
            add(matcher, toPattern(pieces), ChromiumFile);
        add(matcher, toPattern(entry.console), ChromiumFile);
    }
    for (const WebSocketEntry &entry : m_webSocket) {
        const Matcher matcher {ReasonSource::ChromiumWebSocket, entry.code, English, {}, {}, false};
        Pieces pieces = m_webSocketPrefix;
        pieces.insert(pieces.end(), entry.reason.begin(), entry.reason.end());
        add(matcher, toPattern(withoutTrailingBlanks(pieces)), WebSocketFile);
    }
    for (const FirefoxEntry &entry : m_firefox) {
        for (auto it = entry.texts.cbegin(); it != entry.texts.cend(); ++it) {
            QString pattern;
            QSet<int> seen;
            for (const Piece &piece : withoutTrailingBlanks(parseFirefox(it.value()))) {
                if (!piece.isPlaceholder) {
                    pattern += QRegularExpression::escape(piece.text);
                    continue;
                }
                const int n = piece.text.toInt();
                const QString group = QStringLiteral("a") + piece.text;
                if (seen.contains(n)) {
                    pattern += QStringLiteral("\\k<") + group + QLatin1Char('>');
                    continue;
                }
                seen.insert(n);
                pattern += QStringLiteral("(?<") + group + QLatin1Char('>')
                    + firefoxArgumentPattern(entry.reason.arguments.value(n - 1))
                    + QLatin1Char(')');
            }
            add({ReasonSource::Firefox, entry.reason.key, it.key(), {}, entry.reason.arguments,
                    false},
                pattern, firefoxFileName(it.key()));
        }
    }
    for (const ConnectErrorEntry &entry : m_connectErrors) {
        // A message that is nothing but the server's own words matches anything: skip it.
        if (entry.message.size() == 1 && entry.message.front().isPlaceholder)
            continue;
        add({ReasonSource::SocketIoClient, entry.info.code, English, {}, {}, false},
            toPattern(entry.message), SocketIoClientFile);
    }
}

QStringList ReasonCatalog::chromiumCodes() const
{
    QStringList out;
    for (const ChromiumEntry &entry : m_chromium)
        out << entry.reason.code;
    return out;
}

QStringList ReasonCatalog::networkCodes() const
{
    QStringList out;
    for (const NetworkEntry &entry : m_network)
        out << entry.code;
    return out;
}

QStringList ReasonCatalog::webSocketCodes() const
{
    QStringList out;
    for (const WebSocketEntry &entry : m_webSocket)
        out << entry.code;
    return out;
}

QStringList ReasonCatalog::firefoxKeys() const
{
    QStringList out;
    for (const FirefoxEntry &entry : m_firefox)
        out << entry.reason.key;
    return out;
}

QStringList ReasonCatalog::firefoxWebSocketKeys() const
{
    return m_firefoxWebSocketKeys;
}

QStringList ReasonCatalog::connectErrorCodes() const
{
    QStringList out;
    for (const ConnectErrorEntry &entry : m_connectErrors)
        out << entry.info.code;
    return out;
}

QStringList ReasonCatalog::chromiumConsoleCodes() const
{
    QStringList out;
    for (const ConsoleEntry &entry : m_console)
        out << entry.reason.code;
    return out;
}

QStringList ReasonCatalog::noteCodes() const
{
    QStringList out;
    for (const NoteEntry &entry : m_notes)
        out << entry.code;
    return out;
}

const ReasonCatalog::ConsoleEntry *ReasonCatalog::consoleEntry(const QString &code) const
{
    for (const ConsoleEntry &entry : m_console) {
        if (entry.reason.code == code)
            return &entry;
    }
    return nullptr;
}

std::optional<ChromiumConsoleReason> ReasonCatalog::chromiumConsoleReason(const QString &code) const
{
    const ConsoleEntry *entry = consoleEntry(code);
    return entry ? std::optional(entry->reason) : std::nullopt;
}

std::optional<QString> ReasonCatalog::chromiumConsoleMessage(
    const QString &code, const ChromiumConsoleParams &params) const
{
    const ConsoleEntry *entry = consoleEntry(code);
    if (!entry)
        return std::nullopt;
    static const QMap<ChromiumConsoleContext, QString> names = {
        {ChromiumConsoleContext::XmlHttpRequest, QStringLiteral("XmlHttpRequest")},
        {ChromiumConsoleContext::Fetch, QStringLiteral("Fetch")},
        {ChromiumConsoleContext::WebSocket, QStringLiteral("WebSocket")},
    };
    const QString context = names.value(params.context);
    const auto it
        = entry->texts.constFind(entry->texts.contains(context) ? context : QStringLiteral("any"));
    if (it == entry->texts.cend())
        return std::nullopt;
    return render(*it,
        {{QStringLiteral("url"), params.url}, {QStringLiteral("pageUrl"), params.pageUrl},
            {QStringLiteral("hint"), params.hint}});
}

std::optional<QString> ReasonCatalog::noteMessage(
    const QString &code, const QString &language, const QString &hint) const
{
    for (const NoteEntry &entry : m_notes) {
        if (entry.code != code)
            continue;
        if (!entry.texts.contains(language))
            return std::nullopt;
        return render(entry.texts.value(language), {{QStringLiteral("hint"), hint}});
    }
    return std::nullopt;
}

QStringList ReasonCatalog::explainedCodes() const
{
    return m_explanations.keys();
}

const ReasonCatalog::ChromiumEntry *ReasonCatalog::chromiumEntry(const QString &code) const
{
    for (const ChromiumEntry &entry : m_chromium) {
        if (entry.reason.code == code || entry.reason.aliases.contains(code))
            return &entry;
    }
    return nullptr;
}

std::optional<ChromiumReason> ReasonCatalog::chromiumReason(const QString &code) const
{
    const ChromiumEntry *entry = chromiumEntry(code);
    return entry ? std::optional(entry->reason) : std::nullopt;
}

std::optional<FirefoxReason> ReasonCatalog::firefoxReason(const QString &key) const
{
    for (const FirefoxEntry &entry : m_firefox) {
        if (entry.reason.key == key)
            return entry.reason;
    }
    return std::nullopt;
}

std::optional<ConnectErrorInfo> ReasonCatalog::connectError(const QString &code) const
{
    for (const ConnectErrorEntry &entry : m_connectErrors) {
        if (entry.info.code == code)
            return entry.info;
    }
    return std::nullopt;
}

QString ReasonCatalog::chromiumStart(const ChromiumMessageParams &params) const
{
    // cors_error_string.cc: "(redirected from ...)" only when the URL changed
    QString out = render(m_start,
        {{QStringLiteral("kind"), m_kinds.value(params.initiator)},
            {QStringLiteral("url"), params.url}});
    if (!params.initialUrl.isEmpty() && params.initialUrl != params.url)
        out += render(m_redirected, {{QStringLiteral("initialUrl"), params.initialUrl}});
    return out + render(m_blocked, {{QStringLiteral("origin"), params.origin}});
}

QString ReasonCatalog::chromiumReasonText(
    const ChromiumEntry &entry, const ChromiumMessageParams &params) const
{
    const QString schemes
        = params.schemes.isEmpty() ? m_defaults.value(QStringLiteral("schemes")) : params.schemes;
    QString out = render(entry.pieces,
        {{QStringLiteral("hint"), encodeChromiumHint(params.hint)},
            {QStringLiteral("schemes"), schemes},
            {QStringLiteral("targetAddressSpace"), params.targetAddressSpace},
            {QStringLiteral("resourceAddressSpace"), params.resourceAddressSpace}});
    // The withCredentials sentence for XHR, the "valid value" advice for fetch(): each suffix
    // belongs to one initiator (cors_error_string.cc compares initiator_name).
    const QString id = params.legacyWording ? entry.legacySuffix : entry.suffix;
    if (!id.isEmpty() && m_suffixes.value(id).initiator == params.initiator)
        out += m_suffixes.value(id).text;
    return out;
}

std::optional<QString> ReasonCatalog::chromiumMessage(
    const QString &code, const ChromiumMessageParams &params) const
{
    const ChromiumEntry *entry = chromiumEntry(code);
    if (!entry)
        return std::nullopt;
    return chromiumStart(params) + (entry->reason.isPreflight ? m_preflightPrefix : QString())
        + chromiumReasonText(*entry, params);
}

std::optional<QString> ReasonCatalog::chromiumIssueSummary(
    const QString &code, const ChromiumMessageParams &params) const
{
    const ChromiumEntry *entry = chromiumEntry(code);
    if (!entry)
        return std::nullopt;
    return m_issueSummaryPrefix + (entry->reason.isPreflight ? m_preflightPrefix : QString())
        + chromiumReasonText(*entry, params);
}

QString ReasonCatalog::statusTextFor(int status, const QString &statusText) const
{
    // NetworkRequest.getInferredStatusText(): the response's text, else DevTools' table
    if (status == 0)
        return {};
    return statusText.isEmpty() ? m_statusTexts.value(status) : statusText;
}

QString ReasonCatalog::companionLine(const NetworkLineParams &params) const
{
    const QString code
        = params.netError.isEmpty() ? QStringLiteral("HttpError") : QStringLiteral("NetError");
    const QMap<QString, QString> values = {
        {QStringLiteral("method"), params.method},
        {QStringLiteral("url"), params.url},
        {QStringLiteral("netError"), params.netError},
        {QStringLiteral("status"), params.status == 0 ? QString() : QString::number(params.status)},
        {QStringLiteral("statusText"), statusTextFor(params.status, params.statusText)},
    };
    // ConsoleViewMessage.formatAsNetworkRequest: the status only when it is not 0, the status
    // text only when there is one; so the longest template whose values are all there.
    for (const NetworkEntry &entry : m_network) {
        if (entry.code != code)
            continue;
        for (const Pieces &pieces : entry.devtools) {
            const QStringList names = placeholders(pieces);
            if (std::all_of(names.begin(), names.end(),
                    [&](const QString &name) { return !values.value(name).isEmpty(); }))
                return render(pieces, values);
        }
    }
    return {};
}

QString ReasonCatalog::companionConsoleText(const NetworkLineParams &params) const
{
    const QString code
        = params.netError.isEmpty() ? QStringLiteral("HttpError") : QStringLiteral("NetError");
    // FrameConsole prints the response's status text as it is, even when empty.
    const QMap<QString, QString> values = {
        {QStringLiteral("method"), params.method},
        {QStringLiteral("url"), params.url},
        {QStringLiteral("netError"), params.netError},
        {QStringLiteral("status"), QString::number(params.status)},
        {QStringLiteral("statusText"), params.statusText},
    };
    for (const NetworkEntry &entry : m_network) {
        if (entry.code == code)
            return render(entry.console, values);
    }
    return {};
}

std::optional<QString> ReasonCatalog::chromiumWebSocketMessage(
    const QString &code, const WebSocketMessageParams &params) const
{
    for (const WebSocketEntry &entry : m_webSocket) {
        if (entry.code != code)
            continue;
        QString url = params.url;
        if (url.size() > ElideAbove)
            url = url.left(511) + QStringLiteral("...") + url.right(510);
        return render(m_webSocketPrefix, {{QStringLiteral("url"), url}})
            + render(entry.reason,
                {{QStringLiteral("status"), QString::number(params.status)},
                    {QStringLiteral("netError"), params.netError}});
    }
    return std::nullopt;
}

std::optional<QString> ReasonCatalog::firefoxMessage(
    const QString &key, const QString &language, const QStringList &arguments) const
{
    for (const FirefoxEntry &entry : m_firefox) {
        if (entry.reason.key == key) {
            if (!entry.texts.contains(language))
                return std::nullopt;
            return formatFirefox(entry.texts.value(language), arguments);
        }
    }
    return std::nullopt;
}

std::optional<QString> ReasonCatalog::connectErrorMessage(
    const QString &code, const QString &serverMessage) const
{
    for (const ConnectErrorEntry &entry : m_connectErrors) {
        if (entry.info.code == code)
            return render(entry.message, {{QStringLiteral("serverMessage"), serverMessage}});
    }
    return std::nullopt;
}

std::optional<QString> ReasonCatalog::fetchTypeErrorMessage(const QString &browser) const
{
    if (!m_fetchTypeErrors.contains(browser))
        return std::nullopt;
    return m_fetchTypeErrors.value(browser);
}

std::optional<QString> ReasonCatalog::explanation(
    const QString &code, const QString &language) const
{
    QString key = code;
    if (const ChromiumEntry *entry = chromiumEntry(code))
        key = entry->reason.code;
    const QString text = m_explanations.value(key).value(language);
    if (text.isEmpty())
        return std::nullopt;
    return text;
}

std::optional<ReasonMatch> ReasonCatalog::matchExactly(const QString &line) const
{
    for (const Matcher &matcher : m_matchers) {
        const QRegularExpressionMatch m = matcher.regex.match(line);
        if (!m.hasMatch())
            continue;
        ReasonMatch result;
        result.source = matcher.source;
        result.code = matcher.code;
        result.language = matcher.language;
        result.legacyWording = matcher.legacyWording;
        if (matcher.source == ReasonSource::Firefox) {
            // Firefox passes its arguments as an array; what it did not pass printed "(null)".
            bool passed = true;
            for (qsizetype i = 0; i < matcher.argumentNames.size(); ++i) {
                const QString value = m.captured(QStringLiteral("a%1").arg(i + 1));
                passed = passed && value != NullArgument;
                if (!passed)
                    break;
                result.arguments << value;
                result.params.insert(matcher.argumentNames.at(i), value);
            }
        } else {
            const QStringList names = matcher.regex.namedCaptureGroups();
            for (const QString &name : names) {
                if (!name.isEmpty() && m.hasCaptured(name))
                    result.params.insert(name, m.captured(name));
            }
        }
        return result;
    }
    return std::nullopt;
}

std::optional<ReasonMatch> ReasonCatalog::match(const QString &text) const
{
    const QString line = text.trimmed();
    if (line.isEmpty())
        return std::nullopt;
    if (std::optional<ReasonMatch> exact = matchExactly(line))
        return exact;
    const QString bare = stripDecorations(line, m_decorations.leading, m_decorations.trailing);
    if (bare == line || bare.isEmpty())
        return std::nullopt;
    return matchExactly(bare);
}

QList<ReasonMatch> ReasonCatalog::matchLines(const QString &text) const
{
    QList<ReasonMatch> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (std::optional<ReasonMatch> found = match(line))
            out << *found;
    }
    return out;
}

QString ReasonCatalog::encodeChromiumHint(const QString &hint)
{
    // cors_error_string.cc EncodeHint() reads failed_parameter's UTF-8 bytes one by one
    QString out;
    const QByteArray bytes = hint.toUtf8();
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        if (c >= 0x20 && c <= 0x7e)
            out += QLatin1Char(byte);
        else
            out += QStringLiteral("\\u")
                + QString::number(c, 16).rightJustified(4, QLatin1Char('0')).toUpper();
    }
    return out;
}

QString ReasonCatalog::formatFirefox(const QString &pattern, const QStringList &arguments)
{
    QString out;
    for (const Piece &piece : parseFirefox(pattern)) {
        if (!piece.isPlaceholder) {
            out += piece.text;
            continue;
        }
        const qsizetype index = piece.text.toInt() - 1;
        out += index < arguments.size() ? arguments.at(index) : NullArgument;
    }
    return out;
}

} // namespace corslab
