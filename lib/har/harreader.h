// HarReader: the bytes of an HTTP Archive (HAR 1.2) as values — pages, entries with their request
// and response headers, bodies and Chrome's WebSocket messages — without any I/O. It accepts what
// Chrome's DevTools ("Save all as HAR", creator WebInspector), Firefox and CorsLab's own export
// write; a syntax error names its line and column, a missing or ill-typed field its JSON path.
#pragma once

#include "cors/browserfetchrules.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace corslab {

// One message of a WebSocket connection (Chrome's `_webSocketMessages`).
struct HarWebSocketMessage {
    bool outgoing = false; // "send" (page → server) or "receive"
    double time = 0; // seconds since the epoch, as Chrome writes it
    int opcode = 1; // 1 text, 2 binary (data is base64), 8 close, 9 ping, 10 pong
    QString data;
};

struct HarEntry {
    int index = 0; // position in log.entries
    QString pageref;
    QString startedDateTime;
    double timeMs = 0;
    QString
        resourceType; // Chrome's `_resourceType` ("xhr", "fetch", "preflight", "websocket", ...)
    // request
    QString method;
    QString url;
    QString httpVersion;
    QList<BrowserHeader> requestHeaders; // in order, as recorded
    std::optional<QString> requestBody; // postData.text
    // response
    int status = 0; // 0: the browser recorded no response (blocked, failed, aborted)
    QString statusText;
    QList<BrowserHeader> responseHeaders;
    QString responseBody; // content.text decoded when it was base64
    bool responseBodyRecorded = false; // content.text was present
    QString error; // Chrome's response._error ("net::ERR_FAILED"), CorsLab's _corsError, ...
    // CorsLab's own export keeps what the server answered to a request Chromium refused (the
    // standard fields then say status 0, like DevTools) in response._corslabReceived; the fields
    // above hold that answer and this is true.
    bool fromCorsLabReceived = false;
    QString corsError; // `_corsError` (a Chromium CorsError name) when the recorder knew it
    QString corsErrorParameter;
    QList<HarWebSocketMessage> webSocketMessages;

    std::optional<QString> requestHeader(QStringView name) const; // lines joined with ", "
    std::optional<QString> responseHeader(QStringView name) const;
};

struct HarPage {
    QString id;
    QString title; // Chrome and Firefox put the page URL here
    QString startedDateTime;
    QString corslabBrowser; // CorsLab's export: pages[]._corslab.browser
};

struct HarLog {
    QString creatorName; // "WebInspector", "Firefox", "CorsLab", ...
    QString creatorVersion;
    QString browserName; // log.browser.name, when present
    QString browserVersion;
    QList<HarPage> pages;
    QList<HarEntry> entries;
};

struct HarReadResult {
    std::optional<HarLog> log;
    QString error; // "line 3, column 7: ..." or "log.entries[3].request.url: ..."
};

class HarReader {
public:
    static constexpr qsizetype MaxBytes = 50 * 1024 * 1024;
    static HarReadResult read(QByteArrayView bytes);
    // The message for an input over MaxBytes (the caller checks the file size first).
    static QString tooLargeMessage(qint64 size);
};

} // namespace corslab
