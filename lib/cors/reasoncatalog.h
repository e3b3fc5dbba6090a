// ReasonCatalog: the browsers' own words for a blocked or failed request (Chromium's console texts,
// Firefox's en-US and zh-CN strings), socket.io-client's connect_error messages and CorsLab's
// one-sentence explanations, read from the data in resources/reasons; renders them with the
// parameters filled in as each browser does, and recognises a pasted console line.
#pragma once

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace corslab {

// Who started the request, as Chromium names it in "Access to <kind> at ...".
enum class ChromiumInitiator {
    XmlHttpRequest, // "XMLHttpRequest": socket.io-client's polling transport in a browser
    Fetch, // "fetch": engine.io-client's opt-in Fetch transport
};

// The page API behind a Chromium console line that is not a CORS message (mixed content names it).
enum class ChromiumConsoleContext { XmlHttpRequest, Fetch, WebSocket };

// What Chromium fills into its other console lines: mixed content, refused headers, the
// Authorization deprecation issue.
struct ChromiumConsoleParams {
    QString url; // the request URL
    QString pageUrl; // mixed content: the page's URL (Chromium prints the URL, not the origin)
    QString hint; // RefusedToSetUnsafeHeader: the header name as the page passed it
    ChromiumConsoleContext context = ChromiumConsoleContext::XmlHttpRequest;
};

// A Chromium line outside the CORS messages: "mixed-content" (DevTools blockedReason),
// "RefusedToSetUnsafeHeader", "AuthorizationCoveredByWildcard" (a deprecation issue).
struct ChromiumConsoleReason {
    QString code;
    bool isWarning = false; // logged as a warning; the request goes on
    bool inIssuesPanel = false; // shown in DevTools' Issues panel, not as a console line
    bool blocks = false; // the request is not made
};

// What Chromium fills into a CORS console message (cors_error_string.cc).
struct ChromiumMessageParams {
    QString url; // the last request URL
    QString origin; // the page's serialised origin, "null" for an opaque one
    QString hint; // CorsErrorStatus.failedParameter: the ACAO/ACAC value, method or header name
    QString initialUrl; // before redirects; empty or equal to url: no "(redirected from ...)"
    ChromiumInitiator initiator = ChromiumInitiator::XmlHttpRequest;
    QString targetAddressSpace; // Local Network Access: "loopback", "local", "public", "unknown"
    QString resourceAddressSpace;
    QString schemes; // CorsDisabledScheme's list; empty: the list recent Chrome prints
    // The wording of older builds, which gave fetch() the 'no-cors' advice.
    bool legacyWording = false;
};

// A network line Chromium logs beside a failed request.
struct NetworkLineParams {
    QString method = QStringLiteral("GET");
    QString url;
    int status = 0; // 0: no response reached DevTools (a failed preflight, a refused connection)
    QString statusText; // the response's reason phrase; empty: DevTools' own table is used
    // The net error; empty for HttpError (a readable response with status >= 400).
    QString netError = QStringLiteral("net::ERR_FAILED");
};

// What Chromium fills into "WebSocket connection to '<url>' failed: <reason>".
struct WebSocketMessageParams {
    QString url;
    int status = 0; // WebSocketUnexpectedResponseCode
    QString netError; // WebSocketConnectionFailed, e.g. "net::ERR_CONNECTION_REFUSED"
};

struct ChromiumReason {
    QString code; // the DevTools protocol's CorsError name
    QString reason; // the reason template, "{hint}" etc. still in it
    bool isPreflight = false; // printed after "Response to preflight request doesn't pass ..."
    bool isHistoric = false; // only older Chromium builds print it
    QStringList aliases; // names older Chromium used for the same error
    QStringList parameters; // the placeholders the reason uses: "hint", "schemes", ...
    QStringList firefoxKeys; // what Firefox logs in the same situation
};

struct FirefoxReason {
    QString key; // the .properties key, also the console message's category
    QString file; // "security.properties" or "appstrings.properties"
    QStringList arguments; // names of %1$S, %2$S...: "url", "status", "allowOrigin"...
    bool isWarning = false;
    QStringList chromiumCodes; // what Chromium reports in the same situation
};

struct ConnectErrorInfo {
    QString code;
    QString message; // err.message; "{serverMessage}" for a middleware refusal
    QString type; // err.type: "TransportError"; empty for a plain Error, which has none
    QString description; // what err.description holds, in words
};

enum class ReasonSource {
    ChromiumCors, // "Access to XMLHttpRequest at ... has been blocked by CORS policy: ..."
    ChromiumNetwork, // "GET <url> net::ERR_FAILED 200 (OK)", "Failed to load resource: ..."
    ChromiumWebSocket, // "WebSocket connection to '<url>' failed: ..."
    ChromiumConsole, // "Mixed Content: ...", "Refused to set unsafe header ...", deprecations
    Firefox, // a security.properties or appstrings.properties text, in one of the languages
    SocketIoClient, // a connect_error message
};

// What match() recognised in a pasted line.
struct ReasonMatch {
    ReasonSource source = ReasonSource::ChromiumCors;
    QString code; // CorsError name, network/WebSocket/connect_error code, or Firefox key
    QString language; // "en-US" or "zh-CN"; Chromium's texts are English in every UI language
    QMap<QString, QString> params; // placeholder name -> value as printed (kind, url, hint...)
    QStringList arguments; // Firefox: %1$S, %2$S... as firefoxMessage() takes them
    bool legacyWording = false; // Chromium: the older builds' fetch() suffix
};

class ReasonCatalog {
public:
    // The bundled catalogue (:/corslab/reasons), loaded on first use. Never fails: a broken
    // bundle gives a catalogue whose errors() say what is wrong (tst_reasoncatalog checks none).
    static const ReasonCatalog &instance();
    // Loads the data files from a directory (a ":/" resource or a folder on disk).
    static ReasonCatalog load(const QString &directory);

    bool isValid() const { return m_errors.isEmpty(); }
    // "chromium.json:12:5: ..." or "firefox.zh-CN.json: strings: CORSDisabled is missing".
    const QStringList &errors() const { return m_errors; }

    // Everything the catalogue knows, in data file order.
    QStringList chromiumCodes() const;
    QStringList networkCodes() const; // "NetError", "HttpError"
    QStringList webSocketCodes() const; // Chromium's WebSocket failure reasons
    QStringList firefoxKeys() const; // CORS keys, then the WebSocket (appstrings) keys
    QStringList firefoxWebSocketKeys() const;
    QStringList languages() const { return m_languages; } // "en-US", "zh-CN"
    QStringList connectErrorCodes() const;
    QStringList chromiumConsoleCodes() const; // "mixed-content", "RefusedToSetUnsafeHeader"...
    QStringList noteCodes() const; // CorsLab's teaching notes (BrowserCors::noteCodes())
    QStringList explainedCodes() const;

    // Lookups; a Chromium alias (an older CorsError name) finds the current entry.
    std::optional<ChromiumReason> chromiumReason(const QString &code) const;
    std::optional<FirefoxReason> firefoxReason(const QString &key) const;
    std::optional<ConnectErrorInfo> connectError(const QString &code) const;
    std::optional<ChromiumConsoleReason> chromiumConsoleReason(const QString &code) const;

    // Chromium's console line for a CorsError; nullopt for an unknown code.
    std::optional<QString> chromiumMessage(
        const QString &code, const ChromiumMessageParams &params) const;
    // The same reason as DevTools' Issues panel summarises it ("Access blocked by CORS policy: ").
    std::optional<QString> chromiumIssueSummary(
        const QString &code, const ChromiumMessageParams &params) const;
    // The line the DevTools console shows for the failed request: "GET <url> net::ERR_FAILED 200
    // (OK)"; the status only when a response arrived. HttpError when netError is empty.
    QString companionLine(const NetworkLineParams &params) const;
    // The console message's own text, as CDP and Playwright deliver it:
    // "Failed to load resource: net::ERR_FAILED".
    QString companionConsoleText(const NetworkLineParams &params) const;
    std::optional<QString> chromiumWebSocketMessage(
        const QString &code, const WebSocketMessageParams &params) const;
    // Firefox's text for a key in "en-US" or "zh-CN". arguments fill %1$S, %2$S... (and %S in
    // order); one Firefox does not pass prints "(null)", as in CORSDidNotSucceed2's
    // "Status code: (null)."
    std::optional<QString> firefoxMessage(
        const QString &key, const QString &language, const QStringList &arguments) const;
    // Chromium's other console lines (chromiumConsoleCodes()); nullopt for an unknown code.
    std::optional<QString> chromiumConsoleMessage(
        const QString &code, const ChromiumConsoleParams &params) const;
    // A teaching note in "en-US" or "zh-CN", its parameter (an address space, a status) filled in.
    std::optional<QString> noteMessage(
        const QString &code, const QString &language, const QString &hint = {}) const;
    // err.message of a connect_error; serverMessage fills NamespaceRefused's.
    std::optional<QString> connectErrorMessage(
        const QString &code, const QString &serverMessage = {}) const;
    // What a fetch() TypeError says in "chromium" or "firefox".
    std::optional<QString> fetchTypeErrorMessage(const QString &browser) const;
    // CorsLab's one-sentence explanation of any code or key, in "en-US" or "zh-CN".
    std::optional<QString> explanation(const QString &code, const QString &language) const;

    // Recognises one pasted console line (either browser, either language), with or without
    // what DevTools adds when copying (source location, "Understand this error", "[Learn More]").
    std::optional<ReasonMatch> match(const QString &text) const;
    // match() for each non-empty line of text; lines nothing recognises are left out.
    QList<ReasonMatch> matchLines(const QString &text) const;

    // Chromium's EncodeHint: printable ASCII stays, every other byte of the UTF-8 becomes \uXXXX.
    static QString encodeChromiumHint(const QString &hint);
    // Firefox's nsTextFormatter for .properties values: %N$S, %S, %%; missing -> "(null)".
    static QString formatFirefox(const QString &pattern, const QStringList &arguments);

    // One text shape of the data, as literal pieces and named placeholders (public so the
    // implementation's helpers can use it; not part of the API).
    struct Piece {
        bool isPlaceholder = false;
        QString text; // the literal, or the placeholder's name
    };

private:
    struct ChromiumEntry {
        ChromiumReason reason;
        std::vector<Piece> pieces;
        QString suffix; // id in m_suffixes, or empty
        QString legacySuffix;
    };
    struct Suffix {
        ChromiumInitiator initiator = ChromiumInitiator::XmlHttpRequest;
        QString text;
    };
    struct NetworkEntry {
        QString code;
        std::vector<Piece> console;
        std::vector<std::vector<Piece>> devtools; // longest first
    };
    struct WebSocketEntry {
        QString code;
        std::vector<Piece> reason;
    };
    struct FirefoxEntry {
        FirefoxReason reason;
        QMap<QString, QString> texts; // language -> .properties value
    };
    struct ConsoleEntry {
        ChromiumConsoleReason reason;
        QMap<QString, std::vector<Piece>> texts; // context name ("XmlHttpRequest"...) or "any"
    };
    struct NoteEntry {
        QString code;
        QMap<QString, std::vector<Piece>> texts; // language -> text
    };
    struct ConnectErrorEntry {
        ConnectErrorInfo info;
        std::vector<Piece> message;
    };
    struct Matcher {
        ReasonSource source = ReasonSource::ChromiumCors;
        QString code;
        QString language;
        QRegularExpression regex;
        QStringList argumentNames; // Firefox: group "a1" is arguments[0] and named this
        bool legacyWording = false;
    };
    struct Decorations {
        std::vector<QRegularExpression> leading;
        std::vector<QRegularExpression> trailing;
    };

    bool loadChromium(const QString &directory);
    bool loadFirefox(const QString &directory);
    bool loadWebSocket(const QString &directory);
    bool loadSocketIoClient(const QString &directory);
    bool loadExplanations(const QString &directory);
    bool loadNotes(const QString &directory);
    const ConsoleEntry *consoleEntry(const QString &code) const;
    void buildMatchers();
    void addDecorations(const QString &file, const QJsonValue &value);
    std::optional<ReasonMatch> matchExactly(const QString &line) const;
    const ChromiumEntry *chromiumEntry(const QString &code) const;
    QString chromiumStart(const ChromiumMessageParams &params) const;
    QString chromiumReasonText(
        const ChromiumEntry &entry, const ChromiumMessageParams &params) const;
    QString statusTextFor(int status, const QString &statusText) const;

    QStringList m_errors;
    QStringList m_languages;

    // chromium.json
    std::vector<Piece> m_start;
    std::vector<Piece> m_redirected;
    std::vector<Piece> m_blocked;
    QString m_preflightPrefix;
    QString m_issueSummaryPrefix;
    QMap<ChromiumInitiator, QString> m_kinds;
    QMap<QString, Suffix> m_suffixes;
    QMap<QString, QString> m_defaults;
    std::vector<ChromiumEntry> m_chromium;
    std::vector<NetworkEntry> m_network;
    QMap<int, QString> m_statusTexts;
    std::vector<ConsoleEntry> m_console;

    // websocket.json
    std::vector<Piece> m_webSocketPrefix;
    std::vector<WebSocketEntry> m_webSocket;
    QStringList m_firefoxWebSocketKeys;

    // firefox.json, firefox.<language>.json
    std::vector<FirefoxEntry> m_firefox;

    // socketio-client.json
    std::vector<ConnectErrorEntry> m_connectErrors;
    QMap<QString, QString> m_fetchTypeErrors;

    // notes.json
    std::vector<NoteEntry> m_notes;

    // explanations.json: code -> language -> sentence
    QMap<QString, QMap<QString, QString>> m_explanations;

    std::vector<Matcher> m_matchers;
    Decorations m_decorations;
};

} // namespace corslab
