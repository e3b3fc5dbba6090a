// Debian's Firefox ESR driven over WebDriver BiDi (a small client of our own, because the reason key
// needs a chrome-scope script, which puppeteer does not expose): one browser process for the whole
// run, a fresh user context (own cookies, own preflight cache) per profile. Console lines come from
// log.entryAdded; the security.properties key of each CORS line from the console service's message
// category, read in the browser's chrome scope (--remote-allow-system-access).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(new URL("../node/package.json", import.meta.url));

// Off the network: no updates, telemetry, studies, captive portal, Safe Browsing, remote settings,
// DoH or prefetch; every request through the test proxy, loopback included; http stays http.
function prefs(proxyPort) {
    return {
        "network.proxy.type": 1,
        "network.proxy.http": "127.0.0.1",
        "network.proxy.http_port": proxyPort,
        "network.proxy.ssl": "127.0.0.1",
        "network.proxy.ssl_port": proxyPort,
        "network.proxy.no_proxies_on": "",
        "network.proxy.allow_hijacking_localhost": true,
        "network.proxy.share_proxy_settings": false,
        "dom.security.https_first": false,
        "dom.security.https_first_pbm": false,
        "dom.security.https_only_mode": false,
        "browser.shell.checkDefaultBrowser": false,
        "browser.startup.page": 0,
        "browser.startup.homepage_override.mstone": "ignore",
        "browser.newtabpage.enabled": false,
        "datareporting.policy.dataSubmissionEnabled": false,
        "datareporting.healthreport.uploadEnabled": false,
        "toolkit.telemetry.enabled": false,
        "toolkit.telemetry.reportingpolicy.firstRun": false,
        "app.update.auto": false,
        "app.update.enabled": false,
        "app.shield.optoutstudies.enabled": false,
        "app.normandy.enabled": false,
        "network.captive-portal-service.enabled": false,
        "network.connectivity-service.enabled": false,
        "browser.safebrowsing.malware.enabled": false,
        "browser.safebrowsing.phishing.enabled": false,
        "browser.safebrowsing.downloads.enabled": false,
        "browser.safebrowsing.blockedURIs.enabled": false,
        "extensions.update.enabled": false,
        "extensions.getAddons.cache.enabled": false,
        "extensions.systemAddon.update.enabled": false,
        "network.dns.disablePrefetch": true,
        "network.prefetch-next": false,
        "network.predictor.enabled": false,
        "services.settings.server": "http://127.0.0.1:9/",
        "browser.region.network.url": "",
        "browser.search.geoip.url": "",
        "network.trr.mode": 5,
        "security.OCSP.enabled": 0,
        "intl.locale.requested": "en-US",
    };
}

class BidiConnection {
    constructor(ws) {
        this.ws = ws;
        this.nextId = 1;
        this.pending = new Map();
        this.listeners = [];
        ws.on("message", (data) => {
            const msg = JSON.parse(data);
            if (msg.id !== undefined && this.pending.has(msg.id)) {
                const { resolve, reject, method } = this.pending.get(msg.id);
                this.pending.delete(msg.id);
                if (msg.type === "error" || msg.error) reject(new Error(`${method}: ${msg.error} ${msg.message ?? ""}`));
                else resolve(msg.result);
            } else if (msg.method) {
                for (const l of this.listeners) l(msg);
            }
        });
        ws.on("close", () => {
            for (const { reject, method } of this.pending.values()) reject(new Error(`${method}: connection closed`));
            this.pending.clear();
        });
    }

    send(method, params = {}, timeoutMs = 30000) {
        return new Promise((resolve, reject) => {
            const id = this.nextId++;
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new Error(`${method}: no answer in ${timeoutMs} ms`));
            }, timeoutMs);
            this.pending.set(id, {
                method,
                resolve: (v) => (clearTimeout(timer), resolve(v)),
                reject: (e) => (clearTimeout(timer), reject(e)),
            });
            this.ws.send(JSON.stringify({ id, method, params }));
        });
    }
}

// Runs in the browser's chrome scope: collects every console message with its category.
const consoleListener = `(() => {
    if (!globalThis.corslabConsole) {
        globalThis.corslabConsole = [];
        Services.console.registerListener((message) => {
            let category = null, text = message.message;
            try {
                const error = message.QueryInterface(Ci.nsIScriptError);
                category = error.category;
                text = error.errorMessage;
            } catch (e) {}
            globalThis.corslabConsole.push({ category, text });
        });
    }
    return true;
})()`;
const drainConsole = "JSON.stringify(globalThis.corslabConsole.splice(0))";

export class FirefoxDriver {
    constructor({ executablePath = "/usr/bin/firefox-esr", proxyPort }) {
        this.name = "firefox";
        this.executablePath = executablePath;
        this.proxyPort = proxyPort;
        this.logEntries = [];
    }

    async start() {
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "corslab-firefox-"));
        const userJs = Object.entries(prefs(this.proxyPort)).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
        fs.writeFileSync(path.join(this.dir, "user.js"), userJs.join("\n") + "\n");
        this.process = spawn(this.executablePath,
            ["--headless", "--no-remote", "--profile", this.dir, "--remote-debugging-port=0", "--remote-allow-system-access", "about:blank"],
            { stdio: ["ignore", "ignore", "pipe"], detached: true, env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: "1" } });
        this.pid = this.process.pid;
        const url = await new Promise((resolve, reject) => {
            let err = "";
            const timer = setTimeout(() => reject(new Error(`firefox did not start: ${err.slice(-2000)}`)), 30000);
            this.process.stderr.on("data", (d) => {
                err += d;
                const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(err);
                if (m) {
                    clearTimeout(timer);
                    resolve(m[1]);
                }
            });
            this.process.on("exit", (code) => {
                clearTimeout(timer);
                reject(new Error(`firefox exited (${code}): ${err.slice(-2000)}`));
            });
        });
        const WebSocket = require("ws");
        const ws = new WebSocket(url.replace(/\/?$/, "/session"));
        await new Promise((resolve, reject) => {
            ws.once("open", resolve);
            ws.once("error", reject);
        });
        this.bidi = new BidiConnection(ws);
        const session = await this.bidi.send("session.new", { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
        this.version = `${session.capabilities.browserName} ${session.capabilities.browserVersion}`;
        this.bidi.listeners.push((msg) => {
            if (msg.method === "log.entryAdded") this.logEntries.push(msg.params);
        });
        await this.bidi.send("session.subscribe", { events: ["log.entryAdded"] });
        const chrome = await this.bidi.send("browsingContext.getTree", { "moz:scope": "chrome" });
        this.chromeContext = chrome.contexts[0]?.context;
        await this.chromeEval(consoleListener);
    }

    async chromeEval(expression) {
        const r = await this.bidi.send("script.evaluate", { expression, target: { context: this.chromeContext }, awaitPromise: false });
        if (r.type === "exception") throw new Error(`chrome script: ${r.exceptionDetails.text}`);
        return r.result.value;
    }

    // Opens pageUrl in a fresh user context, runs corslabRun(config) there and returns
    // { result, console: [{text, url}], categories: [{category, text}] }.
    async run(pageUrl, config) {
        await this.chromeEval(drainConsole);
        this.logEntries = [];
        const { userContext } = await this.bidi.send("browser.createUserContext", {});
        try {
            const { context } = await this.bidi.send("browsingContext.create", { type: "tab", userContext });
            await this.bidi.send("browsingContext.navigate", { context, url: pageUrl, wait: "complete" });
            const expression = `window.corslabRun(${JSON.stringify(config)}).then((r) => JSON.stringify(r))`;
            const r = await this.bidi.send("script.evaluate", { expression, target: { context }, awaitPromise: true }, config.timeoutMs + 20000);
            if (r.type === "exception") throw new Error(`page script: ${r.exceptionDetails.text}`);
            const result = JSON.parse(r.result.value);
            await new Promise((resolve) => setTimeout(resolve, result.outcome === "connect" ? 50 : 300));
            const categories = JSON.parse(await this.chromeEval(drainConsole));
            const lines = this.logEntries.filter((e) => e.source?.context === context).map((e) => ({ text: e.text, url: null }));
            return { result, console: lines, categories };
        } finally {
            await this.bidi.send("browser.removeUserContext", { userContext }).catch(() => {});
        }
    }

    isAlive() {
        return !!this.process && this.process.exitCode === null && this.process.signalCode === null && this.bidi?.ws.readyState === 1;
    }

    async stop() {
        if (this.bidi) {
            await Promise.race([this.bidi.send("browser.close", {}).catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
            this.bidi.ws.close();
        }
        await new Promise((r) => setTimeout(r, 300));
        this.kill();
    }

    // Last resort on every exit path: the process group Firefox leads (content processes included).
    kill() {
        if (this.pid) {
            for (const target of [-this.pid, this.pid]) {
                try {
                    process.kill(target, "SIGKILL");
                } catch {}
            }
            this.pid = null;
        }
        if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
    }
}
