// Debian's Chromium driven by puppeteer-core over the DevTools protocol: one browser process for the
// whole run, a fresh browser context (own cookies, own preflight cache) per profile. The CORS reason
// comes from Network.loadingFailed's corsErrorStatus; console lines from Log.entryAdded.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(new URL("../node/package.json", import.meta.url));

export class ChromiumDriver {
    constructor({ executablePath = "/usr/bin/chromium", proxyPort }) {
        this.name = "chromium";
        this.executablePath = executablePath;
        this.proxyPort = proxyPort;
    }

    async start() {
        const puppeteer = require("puppeteer-core");
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "corslab-chromium-"));
        this.browser = await puppeteer.launch({
            executablePath: this.executablePath,
            headless: true,
            userDataDir: this.dir,
            acceptInsecureCerts: true,
            handleSIGINT: false,
            handleSIGTERM: false,
            handleSIGHUP: false,
            protocolTimeout: 60000,
            args: [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-default-browser-check",
                `--proxy-server=http://127.0.0.1:${this.proxyPort}`,
                // "<-loopback>" removes the implicit bypass of localhost and 127.0.0.1.
                "--proxy-bypass-list=<-loopback>",
                "--ignore-certificate-errors",
                // Keep http page origins http (no automatic https upgrade of navigations).
                "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable",
            ],
        });
        this.pid = this.browser.process()?.pid;
        this.version = await this.browser.version();
    }

    // Opens pageUrl in a fresh context, runs corslabRun(config) there and returns
    // { result, cors: [{corsError, failedParameter, url}], console: [{text, url}], failures: [...] }.
    async run(pageUrl, config) {
        const context = await this.browser.createBrowserContext();
        const events = { cors: [], console: [], failures: [], lna: [] };
        try {
            const page = await context.newPage();
            const cdp = await page.createCDPSession();
            const requests = new Map();
            cdp.on("Network.requestWillBeSent", (e) => requests.set(e.requestId, { url: e.request.url, method: e.request.method, type: e.initiator?.type }));
            cdp.on("Network.loadingFailed", (e) => {
                const request = requests.get(e.requestId) ?? {};
                events.failures.push({ url: request.url, method: request.method, errorText: e.errorText, blockedReason: e.blockedReason ?? null, cors: e.corsErrorStatus ?? null });
                if (e.corsErrorStatus) events.cors.push({ ...e.corsErrorStatus, url: request.url ?? null, method: request.method ?? null });
            });
            cdp.on("Log.entryAdded", (e) => events.console.push({ text: e.entry.text, url: e.entry.url ?? null }));
            cdp.on("Runtime.consoleAPICalled", (e) => events.console.push({ text: e.args.map((a) => a.value ?? a.description ?? "").join(" "), url: null }));
            cdp.on("Runtime.exceptionThrown", (e) => events.console.push({ text: "exception: " + (e.exceptionDetails.exception?.description ?? e.exceptionDetails.text), url: null }));
            cdp.on("Audits.issueAdded", (e) => {
                if (/LocalNetwork|PrivateNetwork/i.test(e.issue.code)) events.lna.push(e.issue.code);
            });
            await Promise.all(["Network.enable", "Log.enable", "Runtime.enable", "Audits.enable"].map((m) => cdp.send(m)));
            await page.goto(pageUrl, { waitUntil: "load", timeout: 15000 });
            const result = await page.evaluate((c) => window.corslabRun(c), config);
            // Console lines and loadingFailed arrive a moment after the page saw the error.
            await new Promise((r) => setTimeout(r, result.outcome === "connect" ? 50 : 250));
            return { result, ...events };
        } finally {
            await context.close().catch(() => {});
        }
    }

    isAlive() {
        return !!this.browser?.connected;
    }

    async stop() {
        try {
            await Promise.race([this.browser?.close(), new Promise((r) => setTimeout(r, 5000))]);
        } catch {}
        this.kill();
    }

    // Last resort on every exit path: the process by its PID, then the profile folder.
    kill() {
        if (this.pid) {
            // puppeteer starts Chromium as a process group leader: the group takes its helpers too.
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
