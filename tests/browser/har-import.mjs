// HAR import against real Chromium: for a few profiles the real socket.io-client runs in Debian's
// Chromium against `corslab-cli serve`, har-recorder.mjs records the page's traffic over the DevTools
// protocol as a HAR, and `corslab-cli import-har FILE --json` must judge that HAR to the same verdict
// and reason as the browser's own outcome (outcome.mjs classify()); the profile it infers must
// reproduce that verdict with the embedded server, and a blocked run must come with a proven fix.
//
//   node har-import.mjs --cli PATH [--chromium PATH] [--keep DIR] [--deadline SECONDS]
//
// Ends with "N passed, M failed"; exit 1 on any failure, 77 (skipped) when Chromium is missing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ChromiumDriver } from "./chromium.mjs";
import { HarRecorder } from "./har-recorder.mjs";
import { classify, loadCatalog } from "./outcome.mjs";
import { pageHtml } from "./page.mjs";
import { PAGE_PATH, PageProxy } from "./proxy.mjs";
import { startServer } from "./server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const argv = process.argv.slice(2);
const value = (flag) => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : null;
};
const cli = value("--cli");
if (!cli) {
    console.error("usage: node har-import.mjs --cli PATH_TO_corslab-cli [--chromium PATH] [--keep DIR] [--deadline SECONDS]");
    process.exit(2);
}
const chromiumPath = value("--chromium") ?? "/usr/bin/chromium";
const keep = value("--keep");
const deadline = Number(value("--deadline") ?? 150);

// The cases: connected, missing ACAO, wildcard + credentials, header not allowed, origin mismatch,
// WebSocket only
const profiles = [
    "resources/profiles/single-allowed-origin.corslab.json",
    "resources/profiles/missing-allow-origin.corslab.json",
    "resources/profiles/credentials-with-wildcard-origin.corslab.json",
    "resources/profiles/custom-header-not-allowed.corslab.json",
    "tests/browser/profiles/origin-other-port.corslab.json",
    "resources/profiles/websocket-only-hides-cors.corslab.json",
    // and a refusal by the server's own code (CONNECT_ERROR from namespace middleware)
    "resources/profiles/namespace-middleware-refusal.corslab.json",
].map((p) => path.join(root, p));

const cleanups = [];
process.on("exit", () => {
    for (const f of cleanups.reverse()) {
        try {
            f();
        } catch {}
    }
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => process.exit(130));
process.on("unhandledRejection", (e) => {
    console.error(`har-import: ${e?.stack ?? e}`);
    process.exit(1);
});
setTimeout(() => {
    console.error(`har-import: deadline of ${deadline} s reached, stopping`);
    process.exit(1);
}, deadline * 1000).unref();

if (!fs.existsSync(chromiumPath)) {
    console.log(`SKIPPED: ${chromiumPath} not installed; the browser label needs Debian's chromium (installer/deps.sh)`);
    process.exit(77);
}

// Chromium as chromium.mjs drives it, with a HAR recorder on the page's DevTools session.
class RecordingChromium extends ChromiumDriver {
    async recordRun(pageUrl, config) {
        const context = await this.browser.createBrowserContext();
        const events = { cors: [], console: [], failures: [], lna: [] };
        try {
            const page = await context.newPage();
            const cdp = await page.createCDPSession();
            const recorder = new HarRecorder(cdp, { pageUrl });
            const requests = new Map();
            cdp.on("Network.requestWillBeSent", (e) => requests.set(e.requestId, { url: e.request.url, method: e.request.method }));
            cdp.on("Network.loadingFailed", (e) => {
                const request = requests.get(e.requestId) ?? {};
                events.failures.push({ url: request.url, method: request.method, errorText: e.errorText, blockedReason: e.blockedReason ?? null, cors: e.corsErrorStatus ?? null });
                if (e.corsErrorStatus) events.cors.push({ ...e.corsErrorStatus, url: request.url ?? null, method: request.method ?? null });
            });
            cdp.on("Log.entryAdded", (e) => events.console.push({ text: e.entry.text, url: e.entry.url ?? null }));
            await Promise.all(["Network.enable", "Log.enable"].map((m) => cdp.send(m)));
            await page.goto(pageUrl, { waitUntil: "load", timeout: 15000 });
            const result = await page.evaluate((c) => window.corslabRun(c), config);
            await new Promise((r) => setTimeout(r, result.outcome === "connect" ? 100 : 300));
            const har = await recorder.har({ name: "WebInspector", version: this.version });
            return { run: { result, ...events }, har };
        } finally {
            await context.close().catch(() => {});
        }
    }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "corslab-har-"));
cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
const outDir = keep ?? tmp;
fs.mkdirSync(outDir, { recursive: true });
const catalog = loadCatalog(path.join(root, "resources"));
const clientScript = fs.readFileSync(path.join(root, "tests/node/node_modules/socket.io-client/dist/socket.io.min.js"));
const proxy = new PageProxy({ clientScript });
await proxy.listen();
cleanups.push(() => proxy.close());
const driver = new RecordingChromium({ proxyPort: proxy.port, executablePath: chromiumPath });
cleanups.push(() => driver.kill());
await driver.start();
console.log(`# chromium ${driver.version}: ${profiles.length} profiles recorded as HAR and imported`);

let passed = 0;
let failed = 0;
for (const file of profiles) {
    const id = path.basename(file, ".corslab.json");
    const profile = JSON.parse(fs.readFileSync(file, "utf8"));
    let server;
    try {
        server = await startServer(cli, file);
        cleanups.push(server.stop);
        const pageOrigin = profile.client.pageOrigin;
        proxy.setPage(pageOrigin, pageHtml(), { headers: {}, serverPort: server.port });
        const options = { ...(profile.client.options ?? {}) };
        const config = { url: server.origin + (profile.client.namespace ?? "/"), options, emit: profile.client.emit ?? [], timeoutMs: 5000, settleMs: 300, upgradeWaitMs: 3000 };
        const { run, har } = await driver.recordRun(pageOrigin + PAGE_PATH, config);
        const browser = classify("chromium", run, proxy.log.slice(), server.port, catalog);
        const harFile = path.join(outDir, `${id}.har`);
        fs.writeFileSync(harFile, JSON.stringify(har, null, 2) + "\n");
        const imported = spawnSync(cli, ["import-har", harFile, "--json"], { encoding: "utf8", timeout: 60000 });
        let judged = null;
        let report = null;
        try {
            report = JSON.parse(imported.stdout);
            judged = report.run;
        } catch {}
        const problems = [];
        if (!judged) problems.push(`import-har exited ${imported.status}: ${imported.stderr.trim()}`);
        else {
            if (judged.verdict !== browser.verdict) problems.push(`verdict: Chromium ${browser.verdict}, import-har ${judged.verdict}`);
            if ((judged.reason || null) !== (browser.reason || null)) problems.push(`reason: Chromium ${browser.reason}, import-har ${judged.reason}`);
            const wantExit = judged.verdict === "connected" ? 0 : 1;
            if (imported.status !== wantExit) problems.push(`exit ${imported.status}, expected ${wantExit}`);
            const local = report.reproduction;
            if (!local?.agrees) problems.push(`the inferred profile ran to ${local?.verdict} ${local?.reason ?? ""}, not the HAR's verdict`);
            if (judged.verdict === "blocked" && !judged.fix) problems.push("no fix proven for the blocked run");
        }
        const entries = har.log.entries.filter((e) => /[?&]EIO=/.test(e.request.url)).length;
        if (problems.length) {
            failed++;
            console.log(`not ok ${id}: ${problems.join("; ")} (${entries} Socket.IO entries)`);
        } else {
            passed++;
            console.log(`ok ${id}: Chromium and import-har agree: ${browser.verdict}${browser.reason ? ` ${browser.reason}` : ""} (${entries} Socket.IO entries; reproduced${judged.fix ? `, fix: ${judged.fix.title}` : ""})`);
        }
    } catch (e) {
        failed++;
        console.log(`not ok ${id}: harness: ${e.message}`);
    } finally {
        server?.stop();
    }
}
await driver.stop();
proxy.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
