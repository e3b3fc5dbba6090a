// Phase 2 of the browser label: what CorsLab itself predicts for a profile in a given browser
// (`corslab-cli run PROFILE --browser chromium|firefox --json`), and whether a real browser agrees.
// Kept small and apart so it follows the final shape of the corslab-run JSON easily.
import { spawn, spawnSync } from "node:child_process";

// `run` exists once the CLI no longer calls it an unknown command. (`run --help` alone is not
// enough: --help is a global option and exits 0 whatever the command.)
export function corslabRunAvailable(cli) {
    const bare = spawnSync(cli, ["run"], { encoding: "utf8", timeout: 10000 });
    if (/unknown command/i.test(`${bare.stdout}${bare.stderr}`)) return false;
    const help = spawnSync(cli, ["run", "--help"], { encoding: "utf8", timeout: 10000 });
    return help.status === 0;
}

const running = new Set();

// Kills the `corslab-cli run` processes still running (for the caller's exit path).
export function killPredictions() {
    for (const child of running) {
        try {
            process.kill(child.pid, "SIGKILL");
        } catch {}
    }
}

// Resolves { verdict, reason, transport, connectErrorMessage } for that browser, or { error }.
export function corslabPrediction(cli, profilePath, browser) {
    return new Promise((resolve) => {
        const child = spawn(cli, ["run", profilePath, "--browser", browser, "--json"], { stdio: ["ignore", "pipe", "pipe"] });
        running.add(child);
        child.on("exit", () => running.delete(child));
        let out = "";
        let err = "";
        const timer = setTimeout(() => {
            try {
                process.kill(child.pid, "SIGKILL");
            } catch {}
        }, 60000);
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("error", (e) => {
            clearTimeout(timer);
            resolve({ error: e.message });
        });
        child.on("close", (code) => {
            clearTimeout(timer);
            let json;
            try {
                json = JSON.parse(out);
            } catch {
                resolve({ error: `corslab-cli run exited ${code} without JSON: ${(out + err).slice(0, 500)}` });
                return;
            }
            const run = json.runs?.find((r) => r.browser === browser) ?? json.runs?.[0];
            if (!run) {
                resolve({ error: `no run in corslab-cli output: ${out.slice(0, 500)}` });
                return;
            }
            resolve({
                verdict: run.verdict ?? null,
                reason: run.reason ?? null,
                transport: run.transport ?? null,
                connectErrorMessage: run.connectError?.message ?? null,
                notes: (run.notes ?? []).map((n) => n.code),
            });
        });
    });
}

const BALANCER_RACE_MESSAGES = ["xhr post error", "xhr poll error"];

// The rule: same verdict, same reason code (this browser's own vocabulary: CorsError name, Firefox
// key, or the server's message), and the page's err.message equals CorsLab's connectError.message.
// Returns a list of differences (empty when they agree).
export function compareWithCorsLab(real, predicted) {
    if (predicted.error) return [predicted.error];
    const differences = [];
    if (real.verdict !== predicted.verdict) differences.push(`verdict ${predicted.verdict} ≠ real ${real.verdict}`);
    if ((real.reason ?? null) !== (predicted.reason ?? null)) differences.push(`reason ${predicted.reason} ≠ real ${real.reason}`);
    const realMessage = real.connectError?.message ?? null;
    // One race is real and CorsLab says so (note "balancer-race"): behind a balancer without
    // sticky sessions, which of the page's simultaneous requests lands on the other instance
    // depends on the browser's connection scheduling. Only then may the two polling messages differ.
    const raced = predicted.notes?.includes("balancer-race")
        && BALANCER_RACE_MESSAGES.includes(realMessage)
        && BALANCER_RACE_MESSAGES.includes(predicted.connectErrorMessage);
    if (realMessage !== null && realMessage !== predicted.connectErrorMessage && !raced) {
        differences.push(`connectError.message ${JSON.stringify(predicted.connectErrorMessage)} ≠ real ${JSON.stringify(realMessage)}`);
    }
    return differences;
}
