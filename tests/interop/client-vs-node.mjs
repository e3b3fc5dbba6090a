// CorsLab's browser-emulating client against the embedded server and against the real Node server
// (reference-server.mjs: socket.io 4.8.4 + cors 2.8.6) started from the same profile: the verdicts must
// be the same. For every bundled example (resources/profiles/*.corslab.json) and every browser
// (chromium and firefox; node as well when the profile's own browser is node):
//
//   1. `corslab-cli run PROFILE --browser B --json --no-fix` → the embedded verdict;
//   2. the Node reference started from PROFILE on a free port, and a temporary copy of PROFILE whose
//      client.url is http://localhost:PORT (everything else kept; a "same-origin" page then means the
//      Node server's own origin, as TestRun takes it from client.url) run the same way → the Node verdict.
//
// runs[0].verdict, .reason, .transport and .connectError.message must be equal. Profiles with
// server.proxy are skipped (the Node reference has no proxy) and listed as skipped.
//
//   node client-vs-node.mjs [--cli PATH] [--filter TEXT] [--jobs N] [--keep]
//
// --keep leaves the temporary directory (the profiles and every run's JSON) for a closer look.
// Prints one row per profile and browser and "N same, M different, K skipped"; exit 1 on any
// difference or a run that gave no verdict.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startTarget } from "./targets.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
};
const cli = option("--cli", process.env.CORSLAB_CLI ?? path.resolve(here, "../../build/lead/app/cli/corslab-cli"));
const filter = option("--filter", "");
const jobs = Math.max(1, Number(option("--jobs", "2")));
const keep = argv.includes("--keep");
const examplesDir = path.resolve(here, "../../resources/profiles");
const RUN_TIMEOUT_MS = 30000;

if (!fs.existsSync(cli)) {
    process.stderr.write(`client-vs-node: no corslab-cli at ${cli} (give --cli PATH)\n`);
    process.exit(2);
}

// --- cleanup on every exit path ----------------------------------------------------------------------

const servers = new Set(); // running Node reference servers (ChildProcess)
const clients = new Set(); // running corslab-cli processes
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "corslab-client-vs-node-"));

function cleanup() {
    for (const child of [...servers, ...clients]) {
        if (child.exitCode === null && child.signalCode === null) {
            try {
                process.kill(child.pid, "SIGKILL");
            } catch {
                // already gone
            }
        }
    }
    servers.clear();
    clients.clear();
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
}
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
        process.stderr.write(`client-vs-node: ${signal}, stopping\n`);
        process.exit(130);
    });
}
process.on("uncaughtException", (err) => {
    process.stderr.write(`client-vs-node: ${err.stack ?? err}\n`);
    process.exit(2);
});
process.on("unhandledRejection", (err) => {
    process.stderr.write(`client-vs-node: ${err?.stack ?? err}\n`);
    process.exit(2);
});

function stopServer(child) {
    servers.delete(child);
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, "SIGTERM");
}

// --- one `corslab-cli run` ---------------------------------------------------------------------------

// Resolves { verdict, reason, transport, message } from runs[0], or { error } when the run printed
// no usable JSON.
function runCli(profilePath, browser, jsonOut) {
    return new Promise((resolve) => {
        const child = spawn(cli, ["run", profilePath, "--browser", browser, "--json", "--no-fix"], {
            stdio: ["ignore", "pipe", "pipe"],
        });
        clients.add(child);
        let out = "";
        let err = "";
        const timer = setTimeout(() => process.kill(child.pid, "SIGKILL"), RUN_TIMEOUT_MS);
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("error", (e) => {
            clearTimeout(timer);
            clients.delete(child);
            resolve({ error: `could not start: ${e.message}` });
        });
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            clients.delete(child);
            fs.writeFileSync(jsonOut, out);
            // Exit 1 only says the verdict differs from the profile's expect (which --browser may
            // change); 2 and signals are failures.
            if (signal || (code !== 0 && code !== 1)) {
                resolve({ error: `exit ${signal ?? code}: ${err.trim().split("\n").slice(-3).join(" | ")}` });
                return;
            }
            try {
                const run = JSON.parse(out).runs[0];
                resolve({
                    verdict: run.verdict ?? null,
                    reason: run.reason ?? null,
                    transport: run.transport ?? null,
                    message: run.connectError?.message ?? null,
                    serverUrl: run.serverUrl,
                    pageOrigin: run.pageOrigin,
                });
            } catch (e) {
                resolve({ error: `no JSON (${e.message}): ${err.trim().split("\n").slice(-3).join(" | ")}` });
            }
        });
    });
}

// --- one profile -------------------------------------------------------------------------------------

const FIELDS = [
    ["verdict", "verdict"],
    ["reason", "reason"],
    ["transport", "transport"],
    ["message", "connectError.message"],
];

async function checkProfile(file) {
    const name = path.basename(file, ".corslab.json");
    const profile = JSON.parse(fs.readFileSync(file, "utf8"));
    if (profile.server?.proxy) return [{ name, skipped: "server.proxy (the Node reference has no proxy)" }];
    const browsers = ["chromium", "firefox"];
    if (profile.client?.browser === "node") browsers.push("node");

    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    const embedded = {};
    for (const b of browsers) embedded[b] = await runCli(file, b, path.join(dir, `embedded-${b}.json`));

    let server;
    try {
        server = await startTarget("node", file);
    } catch (e) {
        return browsers.map((b) => ({ name, browser: b, embedded: embedded[b], node: { error: e.message } }));
    }
    servers.add(server.child);
    const rows = [];
    try {
        const copy = structuredClone(profile);
        copy.client.url = `http://localhost:${server.port}`;
        const copyPath = path.join(dir, `${name}.corslab.json`);
        fs.writeFileSync(copyPath, `${JSON.stringify(copy, null, 2)}\n`);
        for (const b of browsers) {
            const node = await runCli(copyPath, b, path.join(dir, `node-${b}.json`));
            rows.push({ name, browser: b, embedded: embedded[b], node });
        }
    } finally {
        stopServer(server.child);
    }
    return rows;
}

// --- all of them ---------------------------------------------------------------------------------------

const files = fs
    .readdirSync(examplesDir)
    .filter((f) => f.endsWith(".corslab.json") && f.includes(filter))
    .sort()
    .map((f) => path.join(examplesDir, f));
if (!files.length) {
    process.stderr.write(`client-vs-node: no example matches "${filter}"\n`);
    process.exit(2);
}

const started = Date.now();
const results = new Array(files.length);
let next = 0;
await Promise.all(
    Array.from({ length: Math.min(jobs, files.length) }, async () => {
        while (next < files.length) {
            const i = next++;
            results[i] = await checkProfile(files[i]);
        }
    }),
);

const show = (v) => (v === null || v === undefined ? "-" : String(v));
const describe = (r) => (r.error ? `ERROR ${r.error}` : `${r.verdict} ${show(r.reason)} ${show(r.transport)} "${show(r.message)}"`);
const rows = results.flat();
const width = Math.max(...rows.map((r) => r.name.length));
let same = 0;
let different = 0;
let skipped = 0;
const differences = [];
process.stdout.write(
    `${"profile".padEnd(width)}  ${"browser".padEnd(8)}  ${"verdict".padEnd(9)}  ${"reason".padEnd(36)}  ${"transport".padEnd(9)}  ${"connect_error".padEnd(16)}  node\n`,
);
for (const r of rows) {
    if (r.skipped) {
        skipped++;
        process.stdout.write(`${r.name.padEnd(width)}  skipped: ${r.skipped}\n`);
        continue;
    }
    const e = r.embedded;
    const n = r.node;
    const diffs = [];
    if (e.error || n.error) {
        if (e.error) diffs.push(`embedded run failed: ${e.error}`);
        if (n.error) diffs.push(`Node run failed: ${n.error}`);
    } else {
        for (const [key, label] of FIELDS) {
            if (e[key] !== n[key]) diffs.push(`${label}: embedded ${JSON.stringify(e[key])}, Node ${JSON.stringify(n[key])}`);
        }
    }
    const cells = e.error
        ? `ERROR`.padEnd(78)
        : `${show(e.verdict).padEnd(9)}  ${show(e.reason).padEnd(36)}  ${show(e.transport).padEnd(9)}  ${show(e.message).padEnd(16)}`;
    process.stdout.write(`${r.name.padEnd(width)}  ${r.browser.padEnd(8)}  ${cells}  ${diffs.length ? "DIFFERENT" : "same"}\n`);
    if (diffs.length) {
        different++;
        differences.push(`DIFFERENCE ${r.name} --browser ${r.browser}: ${diffs.join("; ")}`);
        differences.push(`    embedded: ${describe(e)}`);
        differences.push(`    Node:     ${describe(n)}`);
    } else {
        same++;
    }
}
for (const line of differences) process.stdout.write(`${line}\n`);
if (keep) process.stdout.write(`runs kept in ${tmp}\n`);
process.stdout.write(
    `${same} same, ${different} different, ${skipped} skipped (server.proxy) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
process.exit(different ? 1 : 0);
