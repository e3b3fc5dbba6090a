// What a real browser run ended in, in DESIGN §6's vocabulary: connected, blocked (with the browser's
// own reason code: Chromium's CorsError name, Firefox's security.properties key), refused (with the
// server's message), network-error or timeout; and the two browsers' reason vocabularies, read from
// CorsLab's reason catalog (resources/reasons).
import fs from "node:fs";
import path from "node:path";

export function loadCatalog(resourcesDir) {
    const read = (name) => JSON.parse(fs.readFileSync(path.join(resourcesDir, "reasons", name), "utf8"));
    const chromium = read("chromium.json");
    const firefox = read("firefox.json");
    const firefoxText = read("firefox.en-US.json");
    // Chromium code → every Firefox key the catalog pairs with it (both directions of the catalog).
    const toFirefox = new Map();
    const add = (code, key) => {
        if (!toFirefox.has(code)) toFirefox.set(code, new Set());
        toFirefox.get(code).add(key);
    };
    for (const e of chromium.errors) for (const key of e.firefox ?? []) add(e.code, key);
    for (const k of firefox.keys) for (const code of k.chromium ?? []) add(code, k.key);
    const corsKeys = new Set(firefox.keys.filter((k) => k.file === "security.properties").map((k) => k.key));
    // en-US text → key, for a console line that came without its category.
    const textPatterns = Object.entries(firefoxText.strings)
        .filter(([key]) => corsKeys.has(key))
        .map(([key, text]) => {
            const parts = text.split(/%\d\$S/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
            return { key, regex: new RegExp("^" + parts.join("(.*?)") + "$") };
        });
    return {
        chromiumCodes: new Set(chromium.errors.map((e) => e.code)),
        corsKeys,
        firefoxKeysFor: (code) => [...(toFirefox.get(code) ?? [])],
        chromiumCodesFor: (key) => [...toFirefox.entries()].filter(([, keys]) => keys.has(key)).map(([code]) => code),
        firefoxKeyOfText: (text) => textPatterns.find((p) => p.regex.test(text))?.key ?? null,
    };
}

// The server's own words for a refusal the page could read: engine.io's JSON error body
// ({"code":4,"message":"Forbidden"}), or the text body of a refused WebSocket handshake.
function serverMessage(text) {
    if (!text) return null;
    try {
        const body = JSON.parse(text);
        if (typeof body.message === "string") return body.message;
    } catch {}
    return text.trim() || null;
}

const relevant = (serverPort) => (text) => !!text && text.includes(`:${serverPort}/`);

// browser: "chromium" | "firefox"; run: what the driver returned; proxyLog: what the proxy forwarded.
// Returns { verdict, reason, transport, connectError, console: [lines about the server] }.
export function classify(browser, run, proxyLog, serverPort, catalog) {
    const r = run.result;
    // Firefox's console service has every level (BiDi's log only errors), so its texts are preferred.
    const consoleLines = browser === "firefox" && run.categories.length ? run.categories : run.console;
    const lines = consoleLines.filter((l) => relevant(serverPort)(l.text) || relevant(serverPort)(l.url)).map((l) => l.text);
    const outcome = { verdict: null, reason: null, transport: null, connectError: null, console: lines, detail: "" };
    if (r.outcome === "connect_error") outcome.connectError = { message: r.message, description: r.description, data: r.data };

    let corsReason = null;
    if (browser === "chromium") {
        const failure = run.cors.find((c) => !c.url || relevant(serverPort)(c.url));
        if (failure) {
            corsReason = failure.corsError;
            outcome.detail = failure.failedParameter ? `failedParameter: ${failure.failedParameter}` : "";
        }
    } else {
        // Category (= key) when the console service gave one, else the key whose en-US text matches.
        const keys = run.categories
            .filter((c) => relevant(serverPort)(c.text))
            .map((c) => (catalog.corsKeys.has(c.category) ? c.category : catalog.firefoxKeyOfText(c.text)))
            .filter(Boolean);
        if (!keys.length) for (const line of lines) if (catalog.firefoxKeyOfText(line)) keys.push(catalog.firefoxKeyOfText(line));
        // After a failed preflight Firefox adds CORSDidNotSucceed2; alone it means the request itself
        // failed (no connection), which is a network error, not a CORS refusal.
        const specific = keys.find((k) => k !== "CORSDidNotSucceed2");
        if (specific) corsReason = specific;
        else if (keys.length) outcome.detail = "CORSDidNotSucceed2";
    }

    if (r.outcome === "connect") {
        outcome.verdict = "connected";
        outcome.transport = r.transport;
    } else if (r.outcome === "timeout" || (r.outcome === "connect_error" && r.message === "timeout")) {
        // The client's own connect_error says "timeout"; the page's guard (when the profile leaves
        // the client's 20 s default) stands in for it.
        outcome.verdict = "timeout";
        outcome.reason = "timeout";
    } else if (r.outcome !== "connect_error") {
        outcome.verdict = "network-error";
        outcome.detail = r.message ?? r.outcome;
    } else if (corsReason) {
        outcome.verdict = "blocked";
        outcome.reason = corsReason;
    } else if (/^xhr (poll|post) error$/.test(r.message)) {
        // The response was readable (no CORS error): an HTTP error status is the server saying no.
        if (typeof r.description === "number" && r.description >= 300) {
            outcome.verdict = "refused";
            outcome.reason = serverMessage(r.responseText) ?? `HTTP ${r.description}`;
        } else {
            outcome.verdict = "network-error";
        }
    } else if (r.message === "websocket error") {
        // The page cannot read a refused WebSocket handshake; the proxy saw the status and body.
        const handshake = [...proxyLog].reverse().find((e) => e.websocket && e.status);
        if (handshake && handshake.status !== 101) {
            outcome.verdict = "refused";
            outcome.reason = serverMessage(handshake.body) ?? `HTTP ${handshake.status}`;
        } else {
            outcome.verdict = "network-error";
        }
    } else {
        // A CONNECT_ERROR packet: unknown namespace or a middleware's next(err).
        outcome.verdict = "refused";
        outcome.reason = r.message;
    }
    return outcome;
}

// Phase 1: does a browser's outcome match the profile's `expect`? Reasons in profiles are Chromium
// CorsError names (or Firefox keys) for blocks and the server's message for refusals; a Firefox
// outcome matches a Chromium name through the catalog, and the other way round.
export function matchesExpect(browser, outcome, expect, catalog) {
    if (!expect) return { ok: true, skipped: "no expect" };
    if (outcome.verdict !== expect.verdict) return { ok: false };
    if (!expect.reason) return { ok: true };
    if (outcome.verdict !== "blocked") return { ok: outcome.reason === expect.reason };
    const expectIsFirefoxKey = catalog.corsKeys.has(expect.reason);
    if (browser === "chromium") {
        return { ok: expectIsFirefoxKey ? catalog.chromiumCodesFor(expect.reason).includes(outcome.reason) : outcome.reason === expect.reason };
    }
    return { ok: expectIsFirefoxKey ? outcome.reason === expect.reason : catalog.firefoxKeysFor(expect.reason).includes(outcome.reason) };
}
