// ErrorExplainer: "explain a console error". Text pasted from Chromium's or Firefox's console (one
// line or a whole paste, English or Chinese), socket.io-client's connect_error message or an
// Engine.IO server message → the recognised lines, the case they describe (browser, reason, URL,
// page origin, header or method, credentials...) and a Profile that reproduces it against
// CorsLab's embedded server, or an honest sentence saying why no profile can. I/O-free: the caller
// runs the profile (TestRun) and asks reproduces() whether the run showed the pasted reason.
#pragma once

#include "cors/reasoncatalog.h"
#include "profile/profile.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace corslab {

struct RunResult;

// Where a recognised line comes from: the catalogue's sources plus Engine.IO's own error messages
// ("Session ID unknown", or the JSON body {"code":1,"message":"Session ID unknown"}).
enum class ExplainedSource {
    ChromiumCors,
    ChromiumNetwork,
    ChromiumWebSocket,
    ChromiumConsole,
    Firefox,
    SocketIoClient,
    EngineIoServer,
};
QString explainedSourceName(ExplainedSource source); // "chromium-cors", ..., "engine.io-server"

struct ExplainedLine {
    int number = 0; // 1-based line of the pasted text
    QString text; // the line, trimmed
    ExplainedSource source = ExplainedSource::ChromiumCors;
    QString code; // CorsError name, Firefox key, network/WebSocket/connect_error code, message
    QString language; // "en-US" or "zh-CN"
    QMap<QString, QString> params; // url, origin, hint, method, status, netError, header...
    QStringList arguments; // Firefox's %1$S, %2$S...
};

// What a run must show for the pasted text to count as reproduced.
struct Reproduction {
    enum class Kind {
        Reason, // a blocked run whose reason (in the run browser's vocabulary) is `value`
        Warning, // the run connects, and its notes carry the warning code `value`
        ConnectError, // the page's connect_error message is `value`
        WebSocketFailure, // a WebSocket handshake failed (with `status` when it is not 0)
        ServerMessage, // Engine.IO answered with the message `value`
    };
    Kind kind = Kind::Reason;
    QString value;
    int status = 0;
};

// The case the pasted lines describe, as far as they say it.
struct ErrorCase {
    ExplainedSource source = ExplainedSource::ChromiumCors; // of the main line
    QString code; // the main line's code
    Browser browser = Browser::Chromium; // whose text it was (connect_error/server: Chromium)
    bool browserKnown = true; // false for connect_error and server messages
    QString language = QStringLiteral("en-US");
    QString url; // the request URL as printed
    QString initialUrl; // Chromium: "(redirected from ...)"
    QString pageOrigin; // from the message, or assumed (pageOriginAssumed)
    bool pageOriginAssumed = false;
    QString allowOrigin; // the Access-Control-Allow-Origin value the browser quoted
    QString allowCredentials; // the Access-Control-Allow-Credentials value quoted
    QString header; // the request header named in the message
    QString method; // the request method (a method hint or the network line's)
    QString token; // an invalid Access-Control-Allow-Methods/-Headers token
    int status = 0; // HTTP status from the message or its companion line
    QString netError; // "net::ERR_FAILED"...
    bool preflight = false; // the failing request was the preflight (OPTIONS)
    bool credentials = false; // credentials mode 'include' (withCredentials: true)
    bool fetchInitiator = false; // Chromium said "Access to fetch at"
    bool warningOnly = false; // the browser only warned; the request went on
    QString connectError; // a pasted connect_error message
    QString serverMessage; // a pasted Engine.IO error message
    QStringList otherCodes; // codes of the other recognised lines joined into this case
    QStringList otherReasons; // other main reasons found in the paste (not this case)
    Reproduction reproduction;
};

struct Explanation {
    // Non-empty when the text was refused (too large) or nothing in it was recognised; the
    // message says what was expected. errorCase is then absent.
    QString error;
    QList<ExplainedLine> lines;
    int unrecognisedLines = 0; // non-empty lines nothing recognised
    std::optional<ErrorCase> errorCase;
    std::optional<Profile> profile; // the reproducing profile; absent when none can be built
    QString notReproducibleEn; // why there is no profile (set exactly when profile is absent)
    QString notReproducibleZh;
    QStringList setupEn; // how the profile was derived from the text, one sentence each
    QStringList setupZh;

    bool recognised() const { return errorCase.has_value(); }
    // The CLI's and the GUI's text in "en" or "zh-CN": the recognised lines, the case, what the
    // reason means, and the profile's derivation (or why there is none).
    QString toText(const QString &lang) const;
    // One line for a banner or a status bar: the source, the reason and what it means (or why
    // it cannot be reproduced, or the error).
    QString headline(const QString &lang) const;
    QJsonObject toJson() const;
};

class ErrorExplainer {
public:
    static constexpr qsizetype MaxInputBytes = 1024 * 1024; // larger pastes are refused
    static constexpr qsizetype MaxLineChars = 64 * 1024; // longer lines are not console lines

    // The whole analysis; never fails, never blocks on I/O. An input over MaxInputBytes (UTF-8)
    // is refused at once with a message.
    static Explanation explain(const QString &text);
    // The same for raw bytes (stdin, a file): the size is checked before decoding.
    static Explanation explainUtf8(const QByteArray &utf8);

    // Whether a run of the explanation's profile showed the pasted reason; detail says what the
    // run showed instead (or what matched).
    static bool reproduces(const ErrorCase &errorCase, const RunResult &run, QString *detail);

    // Codes whose text is recognised but that no profile run against the embedded server can
    // produce, with the reason (English; zh-CN with the second overload). Fixed and reviewed:
    // tst_errorexplainer checks it against the catalogue.
    static QMap<QString, QString> unreproducibleCodes();
    static QString whyNotReproducible(const QString &code, const QString &language);

    // What explain() recognises, for the "nothing recognised" message.
    static QString expectedInput(const QString &lang);
    // Engine.IO's error messages (server.ts errorMessages) that explain() recognises.
    static QStringList engineIoMessages();
};

} // namespace corslab
