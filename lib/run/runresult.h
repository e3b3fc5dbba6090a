// The outcome of one run (DESIGN §6) as values: the verdict and its reason in each browser's own
// vocabulary, what connect_error showed the page, the teaching notes, the messages each browser
// prints, and the proven fix. judge() turns what the client saw into the verdict; I/O-free.
#pragma once

#include "client/socketioclient.h"
#include "cors/browsercors.h"
#include "profile/profile.h"
#include "timeline/timelineevent.h"

#include <QList>
#include <QString>

#include <optional>

namespace corslab {

struct RunNote {
    QString code; // "websocket-not-covered-by-cors", ...
    QString text; // English
    QString textZh; // Simplified Chinese
};

// One browser's words for a blocked request.
struct BrowserMessages {
    QString chromiumCode;
    QString chromiumHint;
    QString chromiumMessage; // the console line, URL and origin filled in
    QString chromiumNetworkLine; // "GET <url> net::ERR_FAILED 200 (OK)"
    QString firefoxCode;
    QString firefoxMessageEn; // the first (blocking) line
    QString firefoxMessageZh;
    QStringList firefoxFollowUpEn; // CORSDidNotSucceed2 and the like
    QStringList firefoxFollowUpZh;
};

struct RunVerdict {
    Verdict verdict = Verdict::Connected;
    QString
        reason; // the run browser's code (Chromium CorsError / Firefox key) or the server's message
    QString chromiumReason; // for a block: both browsers' codes (equal to reason in its browser)
    QString firefoxReason;
    QString hint;
    QString transport; // "polling" / "websocket" when connected
    int failedCheck = -1; // index into the run's checks
    std::optional<BrowserMessages> messages;
    QList<RunNote> notes;
};

struct ProvenFix {
    QString id;
    QString title;
    QString titleZh;
    QString explanation;
    QString explanationZh;
    bool clientSide = false;
    Profile profile; // the fixed profile, re-run to connected
    QString codeDiff; // unified diff of the server (or client) code
    int candidatesTried = 0;
};

struct RunResult {
    Profile profile;
    QString profilePath;
    Browser browser = Browser::Chromium;
    QString serverUrl; // what the client connected to
    QString pageOrigin; // resolved ("same-origin" → the server's origin)
    QList<TimelineEvent> events;
    QList<CorsCheck> checks;
    ClientOutcome client;
    RunVerdict verdict;
    bool asExpected = true; // the verdict equals the profile's expect (or connected without one)
    QString setupError; // the run could not start (bad URL, port in use)
    QStringList serverSessions; // Engine.IO sessions the embedded server opened
    std::optional<ProvenFix> fix;
    QStringList fixAttempts; // candidate titles tried that did not turn the run green
    qint64 wallUs = 0;
    qint64 cpuUs = 0;
    qint64 protocolWaitUs = 0; // the protocol's own waits included in wallUs (upgrade settle)
};

// The FixAdvisor's candidates for a failed run, with their code diffs, not yet proven.
QList<ProvenFix> fixCandidates(const Profile &profile, const RunResult &result, int max);

class RunJudge {
public:
    // The verdict from what the client saw; checks are the recorder's.
    static RunVerdict judge(
        const ClientOutcome &client, const QList<CorsCheck> &checks, Browser browser);
    // Whether a verdict meets an expectation: the verdict, and the reason when one is given — a
    // Chromium CorsError name, a Firefox key, or a server message.
    static bool meets(const RunVerdict &verdict, const std::optional<Expectation> &expect);
    // The console texts for a failed check.
    static BrowserMessages messagesFor(const CorsCheck &check, const QString &pageOrigin);
    // Teaching notes from the profile and what happened.
    static QList<RunNote> notesFor(const Profile &profile, const RunResult &result);
};

} // namespace corslab
