// FixAdvisor: from a profile and what went wrong in its run, the candidate fixes — each one
// precise, minimal profile change with its title and explanation in English and Chinese — smallest
// first. The runner re-runs each candidate and offers the first that turns the run green, so a
// candidate may be speculative, but it must change exactly what its title says and nothing else.
#pragma once

#include "cors/browsercors.h"
#include "profile/profile.h"

#include <QList>
#include <QString>

#include <optional>

namespace corslab {

// What went wrong in one run (DESIGN.md §6 vocabulary).
struct RunFailure {
    QString verdict; // "blocked", "refused", "network-error", "timeout"
    // Chromium's CorsError name (or Firefox's key) for blocked; the server's message for refused.
    QString reason;
    std::optional<CorsCheck> check; // the failing CORS check (blocked runs), from BrowserCors
    QString requestOrigin; // the serialised Origin the browser sent ("null" possible)
    QString transport; // transport of the failing request: "polling" or "websocket"
};

struct FixCandidate {
    // Stable: "add-cors", "add-origin", "drop-trailing-slash", "split-origin-list",
    // "fix-origin-value", "allow-origin-in-function", "replace-wildcard-with-origin",
    // "enable-credentials", "disable-with-credentials", "allow-header", "move-header-to-auth",
    // "allow-method", "remove-duplicate-allow-origin", "disable-preflight-continue",
    // "reset-options-success-status", "remove-redirect", "sticky-sessions", "websocket-only",
    // "add-polling-transport", "add-websocket-transport", "match-server-transports",
    // "allow-origin-in-allow-request", "add-namespace", "use-main-namespace",
    // "pass-upgrade-headers".
    QString id;
    bool clientSide = false; // the change is in io() or the page, not the server
    QString title; // English, one line: "Add http://localhost:3000 to cors.origin"
    QString titleZh; // Simplified Chinese
    QString explanation; // English, 1-3 sentences: why this is the fix
    QString explanationZh;
    Profile profile; // the whole profile after the change
};

class FixAdvisor {
public:
    static QList<FixCandidate> candidates(const Profile &profile, const RunFailure &failure);

    // The Chromium CorsError name a Firefox key or a Preflight* code is handled as
    // ("CORSMissingAllowOrigin2" and "PreflightMissingAllowOriginHeader" →
    // "MissingAllowOriginHeader"); other codes unchanged.
    static QString normalisedReason(const QString &reason);
};

} // namespace corslab
