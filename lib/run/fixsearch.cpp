// The FixAdvisor's candidates for a run, as fixes still to prove (TestRun re-runs each).
#include "runresult.h"
#include "verdict/codewriter.h"
#include "verdict/fixadvisor.h"

namespace corslab {

QList<ProvenFix> fixCandidates(const Profile &profile, const RunResult &result, int max)
{
    RunFailure failure;
    failure.verdict = verdictName(result.verdict.verdict);
    failure.reason = result.verdict.chromiumReason.isEmpty() ? result.verdict.reason
                                                             : result.verdict.chromiumReason;
    if (result.verdict.failedCheck >= 0 && result.verdict.failedCheck < result.checks.size()) {
        failure.check = result.checks.at(result.verdict.failedCheck);
        failure.requestOrigin = failure.check->origin;
    } else {
        failure.requestOrigin = result.pageOrigin;
    }
    failure.transport
        = result.client.transport.isEmpty() ? QStringLiteral("polling") : result.client.transport;
    QList<ProvenFix> out;
    for (const FixCandidate &c : FixAdvisor::candidates(profile, failure)) {
        if (out.size() >= max)
            break;
        ProvenFix fix;
        fix.id = c.id;
        fix.title = c.title;
        fix.titleZh = c.titleZh;
        fix.explanation = c.explanation;
        fix.explanationZh = c.explanationZh;
        fix.clientSide = c.clientSide;
        fix.profile = c.profile;
        // Both sides' code when the change touches both (sticky sessions also need
        // withCredentials).
        const QString serverBefore = CodeWriter::serverCode(profile);
        const QString serverAfter = CodeWriter::serverCode(c.profile);
        const QString clientBefore = CodeWriter::clientCode(profile);
        const QString clientAfter = CodeWriter::clientCode(c.profile);
        if (serverBefore != serverAfter)
            fix.codeDiff
                += CodeWriter::unifiedDiff(serverBefore, serverAfter, QStringLiteral("server.js"));
        if (clientBefore != clientAfter)
            fix.codeDiff
                += CodeWriter::unifiedDiff(clientBefore, clientAfter, QStringLiteral("client.js"));
        out.append(fix);
    }
    return out;
}

} // namespace corslab
