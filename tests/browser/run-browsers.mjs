// The `browser` label: real Chromium and real Firefox ESR run the real socket.io-client 4.8.4 against
// CorsLab's embedded server (`corslab-cli serve`) for every profile, and their outcomes are compared
//   phase 1: with the profile's `expect` (Firefox through the Chromium↔Firefox reason table);
//   phase 2: once `corslab-cli run` exists, with CorsLab's own prediction for that browser.
// One process per browser for the whole run, a fresh context per profile; the two browsers work in
// parallel. Pages are put at the profile's pageOrigin by a forward proxy (proxy.mjs), so no real
// origin port is bound.
//
//   node run-browsers.mjs --cli PATH [--profiles DIR]... [--browser chromium|firefox]... [--only TEXT]
//                         [--write-matrix [FILE]] [--deadline SECONDS] [--chromium PATH] [--firefox PATH]
//                         [--verbose]
//
// Ends with "N passed, M failed"; exit 1 on any failure, 77 (skipped, loudly) when a browser is not
// installed (installer/deps.sh installs Debian's chromium and firefox-esr).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ChromiumDriver } from "./chromium.mjs";
import { compareWithCorsLab, corslabPrediction, corslabRunAvailable, killPredictions } from "./corslab-run.mjs";
import { FirefoxDriver } from "./firefox.mjs";
import { classify, loadCatalog, matchesExpect } from "./outcome.mjs";
import { pageHtml } from "./page.mjs";
import { PAGE_PATH, PageProxy } from "./proxy.mjs";
import { startServer } from "./server.mjs";
import { writeMatrix } from "./matrix.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");

// ---- command line
const argv = process.argv.slice(2);
const values = (flag) => argv.flatMap((a, i) => (a === flag && argv[i + 1] && !argv[i + 1].startsWith("--") ? [argv[i + 1]] : []));
const cli = values("--cli")[0];
if (!cli) {
    console.error("usage: node run-browsers.mjs --cli PATH_TO_corslab-cli [--profiles DIR]... [--browser chromium|firefox]... [--only TEXT] [--write-matrix [FILE]] [--deadline SECONDS] [--chromium PATH] [--firefox PATH] [--verbose]");
    process.exit(2);
}
const profileDirs = values("--profiles").length ? values("--profiles") : [path.join(root, "resources/profiles"), path.join(here, "profiles")];
const browsers = values("--browser").length ? values("--browser") : ["chromium", "firefox"];
const only = values("--only");
const matrixFile = argv.includes("--write-matrix") ? (values("--write-matrix")[0] ?? path.join(root, "docs/browser-matrix.md")) : null;
const deadlineSeconds = Number(values("--deadline")[0] ?? 840);
const verbose = argv.includes("--verbose");
const executables = { chromium: values("--chromium")[0] ?? "/usr/bin/chromium", firefox: values("--firefox")[0] ?? "/usr/bin/firefox-esr" };

// ---- cleanup on every exit path: browsers, servers, proxies and temporary folders
const cleanups = new Set();
const onCleanup = (fn) => (cleanups.add(fn), () => cleanups.delete(fn));
process.on("exit", () => {
    for (const fn of [...cleanups].reverse()) {
        try {
            fn();
        } catch {}
    }
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => process.exit(130));
process.on("uncaughtException", (e) => {
    console.error(`run-browsers: ${e.stack ?? e}`);
    process.exit(1);
});
process.on("unhandledRejection", (e) => {
    console.error(`run-browsers: ${e?.stack ?? e}`);
    process.exit(1);
});
setTimeout(() => {
    console.error(`run-browsers: deadline of ${deadlineSeconds} s reached, stopping`);
    process.exit(1);
}, deadlineSeconds * 1000).unref();

onCleanup(killPredictions);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "corslab-browser-"));
onCleanup(() => fs.rmSync(tmp, { recursive: true, force: true }));

// ---- a throw-away certificate for https page origins (the browsers are told to accept it)
function makeCertificate() {
    const key = path.join(tmp, "key.pem");
    const cert = path.join(tmp, "cert.pem");
    const r = spawnSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=corslab-browser-test"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`openssl could not make a certificate: ${r.error?.message ?? r.stderr}`);
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

// ---- profiles
function loadProfiles() {
    const list = [];
    for (const dir of profileDirs) {
        for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".corslab.json")).sort()) {
            const id = file.replace(/\.corslab\.json$/, "");
            if (only.length && !only.some((o) => id.includes(o))) continue;
            const filePath = path.join(dir, file);
            list.push({ id, path: filePath, bundled: path.resolve(dir) === path.join(root, "resources/profiles"), profile: JSON.parse(fs.readFileSync(filePath, "utf8")) });
        }
    }
    return list;
}

// Where the page runs: "same-origin" (or a fixed server.port with the matching pageOrigin) is the
// server's own origin; "null" is an opaque origin, made with a sandboxing CSP on an http page.
function pagePlacement(profile, server) {
    const pageOrigin = profile.client.pageOrigin;
    const fixedPort = profile.server?.port;
    if (pageOrigin === "same-origin" || (fixedPort && [`http://localhost:${fixedPort}`, `http://127.0.0.1:${fixedPort}`].includes(pageOrigin))) {
        return { urlOrigin: server.origin, expectedOrigin: server.origin, headers: {} };
    }
    if (pageOrigin === "null") {
        return { urlOrigin: "http://localhost:3000", expectedOrigin: "null", headers: { "Content-Security-Policy": "sandbox allow-scripts" } };
    }
    return { urlOrigin: pageOrigin, expectedOrigin: pageOrigin, headers: {} };
}

function pageConfig(profile, server) {
    const client = profile.client;
    if (client.url && client.url !== "embedded") throw new Error(`client.url ${client.url} is not supported here (only "embedded")`);
    const options = { ...(client.options ?? {}) };
    return {
        url: server.origin + (client.namespace ?? "/"),
        options,
        emit: client.emit ?? [],
        // The client's own timeout fires first when the profile sets one.
        timeoutMs: options.timeout !== undefined ? options.timeout + 1000 : 5000,
        settleMs: 300,
        upgradeWaitMs: 3000,
    };
}

// What the harness itself must have achieved for a run to count: the page at the right origin,
// the server receiving that origin, and no Local Network Access involvement.
function harnessProblems(run, proxyLog, placement, server) {
    const serverPort = server.port;
    const problems = [];
    if (run.result.pageOrigin !== placement.expectedOrigin) problems.push(`page origin is ${run.result.pageOrigin}, wanted ${placement.expectedOrigin}`);
    const toServer = proxyLog.filter((e) => e.port === serverPort && !e.page && !e.refused);
    for (const e of toServer) {
        if (e.origin !== null && e.origin !== placement.expectedOrigin) problems.push(`the server got Origin: ${e.origin} on ${e.method} ${e.path}`);
    }
    if (placement.expectedOrigin !== server.origin && toServer.length && toServer[0].origin !== placement.expectedOrigin) problems.push(`the first request to the server carried no Origin ${placement.expectedOrigin}`);
    const lna = [...(run.lna ?? []), ...(run.cors ?? []).filter((c) => /LocalNetwork|PrivateNetwork/.test(c.corsError)).map((c) => c.corsError)];
    if (lna.length) problems.push(`Local Network Access got involved: ${lna.join(", ")}`);
    return problems;
}

const describe = (o) => [o.verdict, o.reason, o.transport ? `(${o.transport})` : ""].filter(Boolean).join(" ");
const describeExpect = (e) => (e ? [e.verdict, e.reason].filter(Boolean).join(" ") : "—");

async function runBrowser(name, profiles, catalog, tlsCredentials, clientScript, phase2) {
    const proxy = new PageProxy({ tlsCredentials, clientScript });
    await proxy.listen();
    onCleanup(() => proxy.close());
    const Driver = name === "chromium" ? ChromiumDriver : FirefoxDriver;
    const driver = new Driver({ proxyPort: proxy.port, executablePath: executables[name] });
    onCleanup(() => driver.kill());
    const started = Date.now();
    await driver.start();
    console.log(`# ${name}: ${driver.version} started in ${Date.now() - started} ms`);
    const rows = [];
    for (const entry of profiles) {
        const { profile } = entry;
        const row = { id: entry.id, name: profile.name, browser: name, expect: profile.expect ?? null, bundled: entry.bundled, nodeClient: profile.client?.browser === "node", problems: [] };
        rows.push(row);
        let server;
        let removeServer = () => {};
        const runStarted = Date.now();
        try {
            const prediction = phase2 ? corslabPrediction(cli, entry.path, name) : null;
            server = await startServer(cli, entry.path);
            removeServer = onCleanup(server.stop);
            const placement = pagePlacement(profile, server);
            proxy.setPage(placement.urlOrigin, pageHtml(), { headers: placement.headers, serverPort: server.port });
            const run = await driver.run(placement.urlOrigin + PAGE_PATH, pageConfig(profile, server));
            const proxyLog = proxy.log.slice();
            row.outcome = classify(name, run, proxyLog, server.port, catalog);
            row.serverPort = server.port;
            row.problems.push(...harnessProblems(run, proxyLog, placement, server).map((p) => `harness: ${p}`));
            if (row.nodeClient) {
                row.expectMatch = { ok: true, skipped: "expect is for the Node client" };
            } else {
                row.expectMatch = matchesExpect(name, row.outcome, profile.expect, catalog);
                if (!row.expectMatch.ok) row.problems.push(`expected ${describeExpect(profile.expect)}, got ${describe(row.outcome)}`);
            }
            if (prediction) {
                row.corslab = await prediction;
                row.corslabDifferences = compareWithCorsLab(row.outcome, row.corslab);
                row.problems.push(...row.corslabDifferences.map((d) => `CorsLab: ${d}`));
            }
            if (verbose) console.log(JSON.stringify({ id: entry.id, browser: name, run, proxyLog }, null, 1));
        } catch (e) {
            row.problems.push(`harness: ${e.message}`);
            if (!driver.isAlive()) {
                console.log(`# ${name} died; starting it again`);
                driver.kill();
                await driver.start();
            }
        } finally {
            server?.stop();
            removeServer();
        }
        row.ms = Date.now() - runStarted;
        const consoleText = row.outcome?.console.join(" | ") ?? "";
        if (row.problems.length) {
            console.log(`not ok ${entry.id} [${name}]: ${row.problems.join("; ")}${consoleText ? `\n    console: ${consoleText}` : ""}`);
        } else {
            console.log(`ok ${entry.id} [${name}]: ${describe(row.outcome)}${row.expectMatch?.skipped ? ` (${row.expectMatch.skipped})` : ""} ${row.ms} ms`);
        }
    }
    await driver.stop();
    proxy.close();
    return { name, version: driver.version, rows };
}

// ---- main
const started = Date.now();
const catalog = loadCatalog(path.join(root, "resources"));
const profiles = loadProfiles();
if (!profiles.length) {
    console.error("run-browsers: no profiles selected");
    process.exit(1);
}
const ownProfiles = profiles.filter((p) => !p.bundled).map((p) => p.path);
if (ownProfiles.length) {
    const v = spawnSync(cli, ["validate", ...ownProfiles], { encoding: "utf8" });
    if (v.status !== 0) {
        console.error(`run-browsers: corslab-cli validate failed (${v.status}):\n${v.stdout}${v.stderr}`);
        process.exit(1);
    }
}
const missing = browsers.filter((b) => !fs.existsSync(executables[b]));
if (missing.length) {
    console.log(`SKIPPED: ${missing.map((b) => executables[b]).join(", ")} not installed; the browser label needs Debian's chromium and firefox-esr (installer/deps.sh)`);
    process.exit(77);
}
const phase2 = corslabRunAvailable(cli);
console.log(`# ${profiles.length} profiles × ${browsers.join(", ")}; compared with ${phase2 ? "corslab-cli run and expect" : "expect (corslab-cli run not available yet)"}`);
const tlsCredentials = makeCertificate();
const clientScript = fs.readFileSync(path.join(root, "tests/node/node_modules/socket.io-client/dist/socket.io.min.js"));
const results = await Promise.all(browsers.map((b) => runBrowser(b, profiles, catalog, tlsCredentials, clientScript, phase2)));

const rows = results.flatMap((r) => r.rows);
const failed = rows.filter((r) => r.problems.length);
if (matrixFile) {
    writeMatrix(matrixFile, { results, phase2, profiles });
    console.log(`# wrote ${path.relative(process.cwd(), matrixFile)}`);
}
console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${rows.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
