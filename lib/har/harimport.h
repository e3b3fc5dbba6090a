// HarImport: a browser's recorded Socket.IO traffic (a HAR) judged again as a CorsLab run. It picks
// out the Engine.IO requests (EIO= and transport= in the query) and their preflights, turns them
// into the timeline a live run records (same steps, kinds and lanes; packets decoded with the lib's
// codecs), applies BrowserCors to every request in the browser that recorded it, concludes with
// RunJudge, and infers a Profile that reproduces the exchange with the embedded server. I/O-free.
#pragma once

#include "harreader.h"
#include "run/runresult.h"

#include <QStringList>

#include <optional>

namespace corslab {

struct HarImportOptions {
    std::optional<Browser> browser; // overrides the browser that recorded the HAR
    QString sourceName; // the file name, for the inferred profile's description
};

// One conclusion about the profile, and why.
struct HarInference {
    QString field; // "client.options.withCredentials"
    QString value; // as JSON text
    QString because;
};

struct HarImportResult {
    QString error; // non-empty: nothing could be imported (and the rest is empty)
    Browser recordedBy = Browser::Chromium; // from log.creator / log.browser
    bool browserKnown = false; // the HAR said which browser recorded it
    int totalEntries = 0;
    int socketIoEntries = 0; // the Engine.IO requests and preflights judged
    int connectionAttempts = 0; // handshakes in the HAR (only the first is judged)
    RunResult run; // events, checks, client outcome and verdict as a live run has them
    Profile profile; // inferred; also run.profile
    QList<HarInference> inferences;
    QStringList limits; // what the HAR does not show and so could not be judged (English)
    QStringList limitsZh; // the same in Simplified Chinese
};

class HarImport {
public:
    static HarImportResult fromLog(const HarLog &log, const HarImportOptions &options);
    // HarReader::read, then fromLog; a read error becomes result.error.
    static HarImportResult fromBytes(QByteArrayView bytes, const HarImportOptions &options);
    // Whether a URL is an Engine.IO request: EIO= and transport= in its query, any path.
    static bool isEngineIoUrl(const QString &url);
    // The browser a HAR's creator or log.browser names; nullopt when it names none we know.
    static std::optional<Browser> recordingBrowser(const HarLog &log);
    // Request headers a page cannot set or does not set itself: the browser and its network
    // stack add them (Host, Cookie, Origin, Sec-Fetch-*, ...).
    static bool isBrowserAddedHeader(QStringView name);
};

} // namespace corslab
