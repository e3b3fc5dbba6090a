// The test page: loads the real socket.io-client 4.8.4 bundle and defines corslabRun(config), which
// calls io(url + namespace, options) exactly as the profile says (plus reconnection: false, so a
// failure ends the run), emits the profile's events once connected and resolves with what the page
// saw: connect (and the transport once an upgrade settled), the first connect_error, or a timeout.
import { CLIENT_PATH } from "./proxy.mjs";

const runSource = `
window.corslabRun = (config) => new Promise((resolve) => {
    const started = Date.now();
    let finished = false;
    let socket;
    const finish = (result) => {
        if (finished) return;
        finished = true;
        clearTimeout(guard);
        result.ms = Date.now() - started;
        result.pageOrigin = self.origin;
        resolve(result);
        try { socket.disconnect(); } catch (e) {}
    };
    const plain = (value) => {
        if (value === undefined || value === null) return null;
        if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
        if (typeof Event !== "undefined" && value instanceof Event) return String(value);
        try { return JSON.parse(JSON.stringify(value)); } catch (e) { return String(value); }
    };
    const guard = setTimeout(() => finish({ outcome: "timeout" }), config.timeoutMs);
    try {
        socket = io(config.url, Object.assign({}, config.options, { reconnection: false }));
    } catch (e) {
        finish({ outcome: "exception", message: String(e) });
        return;
    }
    // The upgrade probe may end before or after connect: remember how it ended.
    // (The bundle mangles underscore members such as engine._upgrades: public events only.)
    let upgradeSettled = false;
    let upgrade = null;
    let offered = [];
    const engineAtStart = socket.io.engine;
    if (engineAtStart) {
        engineAtStart.on("handshake", (data) => { offered = (data && data.upgrades) || []; });
        engineAtStart.on("upgrade", () => { upgradeSettled = true; upgrade = "upgraded"; });
        engineAtStart.on("upgradeError", (e) => { upgradeSettled = true; upgrade = "upgradeError: " + (e && e.message); });
    }
    let disconnectReason = null;
    socket.on("disconnect", (reason) => { disconnectReason = reason; });
    socket.on("connect", () => {
        clearTimeout(guard); // connected: only the transport is left to learn
        for (const e of config.emit) {
            const args = e.args || [];
            if (e.ack) socket.emit(e.event, ...args, () => {});
            else socket.emit(e.event, ...args);
        }
        // The transport once the upgrade settled: wait for the probe's end (upgrade or
        // upgradeError) when one may still run, then a little longer.
        const engine = socket.io.engine;
        const report = () => setTimeout(() => {
            const transport = engine && engine.transport ? engine.transport.name : null;
            finish({ outcome: "connect", transport, upgrade, disconnectReason });
        }, config.settleMs);
        const clientTransports = config.options.transports || ["polling", "websocket", "webtransport"];
        const pending = !upgradeSettled && config.options.upgrade !== false && engine && engine.transport &&
            engine.transport.name === "polling" && offered.some((t) => clientTransports.includes(t));
        if (!pending) {
            report();
            return;
        }
        let reported = false;
        const once = () => { if (!reported) { reported = true; report(); } };
        engine.once("upgrade", once);
        engine.once("upgradeError", once);
        setTimeout(once, config.upgradeWaitMs);
    });
    socket.on("connect_error", (err) => {
        const xhr = err && err.context && typeof err.context.status === "number" ? err.context : null;
        let responseText = null;
        try { responseText = xhr ? String(xhr.responseText).slice(0, 1000) : null; } catch (e) {}
        finish({
            outcome: "connect_error",
            message: err && err.message !== undefined ? String(err.message) : String(err),
            description: plain(err && err.description),
            data: plain(err && err.data),
            status: xhr ? xhr.status : null,
            responseText,
        });
    });
});
`;

export function pageHtml() {
    return `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>CorsLab browser test</title>
<script src="${CLIENT_PATH}"></script>
<script>${runSource}</script>
</head><body><p>CorsLab browser test page</p></body></html>
`;
}
