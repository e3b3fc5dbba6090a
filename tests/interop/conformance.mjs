// The official Engine.IO / Socket.IO conformance cases (wire-protocol.md §4.4 and §4.5), re-implemented
// over raw HTTP and raw WebSocket and run against the Node reference and/or CorsLab's embedded server.
//
//   node conformance.mjs [--target node] [--target cli:/path/to/corslab-cli] [--filter TEXT]
//
// Without --target both run, each case against both servers at once, and both must pass. The server is
// started from the profile the suites expect (§4.2): pingInterval 300, pingTimeout 200, connectTimeout
// 1000, cors origin *, maxHttpBufferSize 1000000, namespace /custom. The Engine.IO suite wants an echo
// engine.io server at /engine.io/; CorsLab only runs socket.io, so its cases run on /socket.io/ and every
// adapted case says what the original requires and what it does instead.
//
// Timing: no case sleeps to let a server timer fire; each waits for the frame or response that proves it
// (long-poll answers, close frames) with generous timeouts. The only fixed delays are the 100 ms gaps that
// make "A is pending on the server before B arrives" true for two requests on separate connections.
//
// Ends with "N passed, M failed"; exit 1 on any failure.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { buildRequest, httpExchange } from "./wire.mjs";
import { startTarget } from "./targets.mjs";

const require = createRequire(new URL("../node/package.json", import.meta.url));
const WebSocket = require("ws");

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const defaultCli = process.env.CORSLAB_CLI ?? path.resolve(here, "../../build/lead/app/cli/corslab-cli");
const targets = argv.flatMap((a, i) => (a === "--target" ? [argv[i + 1]] : []));
if (!targets.length) targets.push("node", `cli:${defaultCli}`);
const filterIndex = argv.indexOf("--filter");
const filter = filterIndex >= 0 ? argv[filterIndex + 1] : "";

const PING_INTERVAL = 300;
const PING_TIMEOUT = 200;
const P = "/socket.io/";
const RS = "\x1e";
const PH0 = '{"_placeholder":true,"num":0}';
const PH1 = '{"_placeholder":true,"num":1}';

// --- servers -------------------------------------------------------------------------------------

// --- assertions ----------------------------------------------------------------------------------

const show = (v) => JSON.stringify(v);
function fail(message) {
    throw new Error(message);
}
function expectEqual(actual, expected, what) {
    if (show(actual) !== show(expected)) fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}
function expectOneOf(actual, allowed, what) {
    if (!allowed.includes(actual)) fail(`${what}: expected one of ${show(allowed)}, got ${show(actual)}`);
}

// The open packet of §1.2: exactly the five keys, with the values the profile sets.
function checkOpenPacket(text, upgrades) {
    if (!text.startsWith("0")) fail(`open packet: expected "0{...}", got ${show(text)}`);
    let value;
    try {
        value = JSON.parse(text.slice(1));
    } catch {
        fail(`open packet is not JSON: ${show(text)}`);
    }
    expectEqual(Object.keys(value).sort(), ["maxPayload", "pingInterval", "pingTimeout", "sid", "upgrades"], "open packet keys");
    if (typeof value.sid !== "string" || !value.sid) fail(`open packet sid: ${show(value.sid)}`);
    expectEqual(value.upgrades, upgrades, "open packet upgrades");
    expectEqual(value.pingInterval, PING_INTERVAL, "open packet pingInterval");
    expectEqual(value.pingTimeout, PING_TIMEOUT, "open packet pingTimeout");
    expectEqual(value.maxPayload, 1000000, "open packet maxPayload");
    return value;
}

// A Socket.IO CONNECT answer `40[/nsp,]{"sid":"..."}` with `sid` as its only key (suite: all.keys("sid")).
function checkConnectAnswer(text, prefix) {
    if (!text.startsWith(prefix)) fail(`CONNECT answer: expected ${show(prefix + '{"sid":...}')}, got ${show(text)}`);
    let value;
    try {
        value = JSON.parse(text.slice(prefix.length));
    } catch {
        fail(`CONNECT answer payload is not JSON: ${show(text)}`);
    }
    expectEqual(Object.keys(value), ["sid"], "CONNECT answer keys");
    if (typeof value.sid !== "string" || !value.sid) fail(`CONNECT answer sid: ${show(value.sid)}`);
}

// --- raw HTTP ------------------------------------------------------------------------------------

async function request(port, method, query, body, timeoutMs = 3000) {
    const bytes = buildRequest({ method, path: `${P}?${query}`, body }, port);
    const r = await httpExchange(port, bytes, { timeoutMs });
    return {
        status: r.status,
        body: r.body.toString("utf8"),
        complete: r.complete === true,
        describe: () => (r.status ? `${r.status} ${show(r.body.toString("utf8"))}` : `no response (${r.timedOut ? "timeout" : "closed"}) raw ${show(r.raw.toString("latin1"))}`),
    };
}

function expectResponse(r, status, body, what) {
    if (r.status !== status || (body !== undefined && r.body !== body)) {
        fail(`${what}: expected ${status}${body !== undefined ? ` ${show(body)}` : ""}, got ${r.describe()}`);
    }
}

// One polling session: the raw requests of §1.3 on their own connections, as the suites' fetch() does.
class Polling {
    constructor(port) {
        this.port = port;
    }
    async open() {
        const r = await request(this.port, "GET", "EIO=4&transport=polling");
        expectResponse(r, 200, undefined, "handshake GET");
        this.handshake = checkOpenPacket(r.body, ["websocket"]);
        this.sid = this.handshake.sid;
        return this;
    }
    get query() {
        return `EIO=4&transport=polling&sid=${this.sid}`;
    }
    get(timeoutMs = 3000) {
        return request(this.port, "GET", this.query, undefined, timeoutMs);
    }
    post(body) {
        return request(this.port, "POST", this.query, body);
    }
    async postOk(body, what = `POST ${show(body)}`) {
        expectResponse(await this.post(body), 200, "ok", what);
    }
    // GETs until a body holds something besides pings and returns that body's packets without the pings;
    // every ping is answered with POST 3 so the session lives as long as the case needs it.
    async packets(what = "GET") {
        for (let attempt = 0; attempt < 10; attempt++) {
            const r = await this.get();
            expectResponse(r, 200, undefined, what);
            const packets = r.body.split(RS);
            for (const p of packets) if (p === "2") await this.postOk("3", "pong POST");
            const rest = packets.filter((p) => p !== "2");
            if (rest.length) return rest;
        }
        fail(`${what}: only pings for 10 polls`);
    }
    // Socket.IO CONNECT to `/` over polling: POST 40, then the GETs that carry 40{"sid"} and the auth event.
    async connect() {
        await this.postOk("40", "CONNECT POST");
        const got = [];
        while (got.length < 2) got.push(...(await this.packets("GET after CONNECT")));
        expectEqual(got.length, 2, "packets after CONNECT");
        checkConnectAnswer(got[0], "40");
        expectEqual(got[1], '42["auth",{}]', "auth event");
        return this;
    }
}

// --- WebSocket (the ws package, as the suites use) -----------------------------------------------

// Queues every frame, so frames that arrive in one TCP read are never lost (the suites' one-shot
// listeners are racy with ws ≥ 8.17, see §4.3). Pings "2" are answered with "3" unless autoPong is off.
class Ws {
    constructor(port, query, { autoPong = true } = {}) {
        this.queue = [];
        this.seen = [];
        this.errors = [];
        this.waiters = [];
        this.opened = false;
        this.closed = null;
        this.autoPong = autoPong;
        this.ws = new WebSocket(`ws://127.0.0.1:${port}${P}?${query}`);
        this.ws.on("open", () => {
            this.opened = true;
            this.wake();
        });
        this.ws.on("message", (data, isBinary) => {
            const frame = isBinary ? { binary: Buffer.from(data).toString("hex") } : { text: data.toString("utf8") };
            this.seen.push(frame);
            if (this.autoPong && frame.text === "2") this.ws.send("3");
            this.queue.push(frame);
            this.wake();
        });
        this.ws.on("error", (e) => {
            this.errors.push(e.message);
            this.wake();
        });
        this.ws.on("close", (code, reason) => {
            this.closed = { code, reason: reason.toString() };
            this.wake();
        });
    }
    wake() {
        for (const w of this.waiters.splice(0)) w();
    }
    async until(predicate, timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        while (!predicate()) {
            const left = deadline - Date.now();
            if (left <= 0) return false;
            await new Promise((resolve) => {
                this.waiters.push(resolve);
                setTimeout(resolve, left);
            });
        }
        return true;
    }
    describe() {
        const frames = this.seen.map((f) => (f.text !== undefined ? show(f.text) : `<binary ${f.binary}>`)).join(" ");
        const state = this.closed ? `closed (code ${this.closed.code})` : this.opened ? "open" : "not open";
        return `frames seen: [${frames}], ${state}${this.errors.length ? `, errors: ${this.errors.join("; ")}` : ""}`;
    }
    async waitOpen(timeoutMs = 3000) {
        await this.until(() => this.opened || this.closed, timeoutMs);
        if (!this.opened) fail(`WebSocket did not open: ${this.describe()}`);
    }
    // The next frame; pings are skipped (and answered) unless skipPings is false.
    async next({ skipPings = true, timeoutMs = 3000 } = {}) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            await this.until(() => this.queue.length || this.closed, deadline - Date.now());
            if (!this.queue.length) {
                fail(this.closed ? `closed before the expected frame; ${this.describe()}` : `no frame within ${timeoutMs} ms; ${this.describe()}`);
            }
            const frame = this.queue.shift();
            if (skipPings && frame.text === "2") continue;
            return frame;
        }
    }
    async nextText(what, options) {
        const frame = await this.next(options);
        if (frame.text === undefined) fail(`${what}: expected a text frame, got binary ${frame.binary}; ${this.describe()}`);
        return frame.text;
    }
    async expectText(expected, what, options) {
        const text = await this.nextText(what, options);
        if (text !== expected) fail(`${what}: expected ${show(expected)}, got ${show(text)}; ${this.describe()}`);
    }
    async expectBinary(hex, what) {
        const frame = await this.next();
        if (frame.binary !== hex) fail(`${what}: expected binary ${hex}; ${this.describe()}`);
    }
    async waitClose(timeoutMs, what) {
        await this.until(() => this.closed, timeoutMs);
        if (!this.closed) fail(`${what}: not closed within ${timeoutMs} ms; ${this.describe()}`);
        return this.closed;
    }
    send(data) {
        this.ws.send(data);
    }
    destroy() {
        this.ws.terminate();
    }
}

const sessions = [];
function ws(port, query, options) {
    const s = new Ws(port, query, options);
    sessions.push(s);
    return s;
}
const wsOnly = "EIO=4&transport=websocket";

// WebSocket-only session that has joined `/` (the Socket.IO suite's initSocketIOConnection()).
async function socketIoSession(port) {
    const s = ws(port, wsOnly);
    checkOpenPacket(await s.nextText("open packet"), []);
    s.send("40");
    checkConnectAnswer(await s.nextText("CONNECT answer"), "40");
    await s.expectText('42["auth",{}]', "auth event");
    return s;
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- shared case bodies --------------------------------------------------------------------------

async function pollingOpens(port) {
    await new Polling(port).open();
}
async function pollingBadEio(port) {
    expectResponse(await request(port, "GET", "transport=polling"), 400, undefined, "GET without EIO");
    expectResponse(await request(port, "GET", "EIO=abc&transport=polling"), 400, undefined, "GET with EIO=abc");
}
async function pollingBadTransport(port) {
    expectResponse(await request(port, "GET", "EIO=4"), 400, undefined, "GET without transport");
    expectResponse(await request(port, "GET", "EIO=4&transport=abc"), 400, undefined, "GET with transport=abc");
}
async function pollingBadMethod(port) {
    // fetch() sends these with an empty body (Content-Length: 0).
    expectResponse(await request(port, "POST", "EIO=4&transport=polling", ""), 400, undefined, "POST handshake");
    expectResponse(await request(port, "PUT", "EIO=4&transport=polling", ""), 400, undefined, "PUT handshake");
}
async function wsOpens(port) {
    const s = ws(port, wsOnly);
    checkOpenPacket(await s.nextText("first frame"), []);
}
// The suites start these two WebSockets without awaiting anything, so the originals cannot fail; here
// each must end (refused upgrade, or 101 then close) within 3 s without ever sending an open packet.
async function wsRefused(port, queries) {
    for (const query of queries) {
        const s = ws(port, query, { autoPong: false });
        await s.waitClose(3000, `WebSocket ?${query}`);
        if (s.seen.some((f) => f.text?.startsWith("0"))) fail(`WebSocket ?${query} got an open packet; ${s.describe()}`);
    }
}
async function pollingHeartbeat(port, joinFirst) {
    const s = await new Polling(port).open();
    if (joinFirst) await s.connect();
    for (let i = 0; i < 3; i++) {
        expectResponse(await s.get(), 200, "2", `GET #${i + 1}`);
        expectResponse(await s.post("3"), 200, "ok", `POST 3 #${i + 1}`);
    }
}
// The suites sleep pingInterval + pingTimeout and then expect GET → 400. Here the GETs prove each step:
// the ping arrives (not answered), the next GET stays pending until the session closes (Node answers it
// with the close packet "1", §1.7), and only then is the sid refused.
async function pollingPingTimeout(port, joinFirst) {
    const s = await new Polling(port).open();
    if (joinFirst) await s.connect();
    expectResponse(await s.get(), 200, "2", "GET (ping)");
    expectResponse(await s.get(), 200, "1", "pending GET when the ping times out");
    expectResponse(await s.get(), 400, undefined, "GET after the ping timeout");
}
async function wsHeartbeat(port, joinFirst) {
    const s = ws(port, wsOnly, { autoPong: false });
    checkOpenPacket(await s.nextText("open packet"), []);
    if (joinFirst) {
        s.send("40");
        checkConnectAnswer(await s.nextText("CONNECT answer", { skipPings: false }), "40");
        await s.expectText('42["auth",{}]', "auth event", { skipPings: false });
    }
    for (let i = 0; i < 3; i++) {
        await s.expectText("2", `frame #${i + 1}`, { skipPings: false });
        s.send("3");
    }
}
async function wsPingTimeout(port, joinFirst) {
    const s = ws(port, wsOnly, { autoPong: false });
    checkOpenPacket(await s.nextText("open packet"), []);
    if (joinFirst) {
        s.send("40");
        checkConnectAnswer(await s.nextText("CONNECT answer", { skipPings: false }), "40");
        await s.expectText('42["auth",{}]', "auth event", { skipPings: false });
    }
    await s.expectText("2", "ping", { skipPings: false });
    await s.waitClose(3000, "WebSocket after an unanswered ping");
}
async function pollingForcedClose(port) {
    const s = await new Polling(port).open();
    const poll = s.get();
    await delay(100); // the GET must be pending before the close arrives
    expectResponse(await s.post("1"), 200, "ok", "POST 1");
    expectResponse(await poll, 200, "6", "pending GET");
    expectResponse(await s.get(), 400, undefined, "GET after close");
}
async function wsForcedClose(port) {
    // Node ignores "1" over WebSocket (§1.1) and passes through the ping timeout; both are fine.
    const s = ws(port, wsOnly, { autoPong: false });
    checkOpenPacket(await s.nextText("open packet"), []);
    s.send("1");
    await s.waitClose(2000, "WebSocket after 1");
}
async function wsProbe(port, sid) {
    const s = ws(port, `EIO=4&transport=websocket&sid=${sid}`);
    await s.waitOpen();
    s.send("2probe");
    await s.expectText("3probe", "probe answer", { skipPings: false });
    return s;
}
// Upgrade, then prove it completed: frames on one connection are handled in order, so the answer to a
// CONNECT sent right after "5" can only come once the server switched the session to this WebSocket.
async function upgradeAndJoin(port) {
    const s = await new Polling(port).open();
    const u = await wsProbe(port, s.sid);
    u.send("5");
    u.send("40");
    checkConnectAnswer(await u.nextText("CONNECT answer on the upgraded WebSocket"), "40");
    await u.expectText('42["auth",{}]', "auth event on the upgraded WebSocket");
    return { s, u };
}

// --- the cases -----------------------------------------------------------------------------------

const cases = [];
const add = (id, title, run) => cases.push({ id, title, run });
const E = "§4.4";
const S = "§4.5";

// §4.4 Engine.IO suite (originally against an echo engine.io server at /engine.io/).
add(`${E} #1`, "handshake / HTTP long-polling / successfully opens a session", pollingOpens);
add(`${E} #2`, "handshake / HTTP long-polling / fails with an invalid 'EIO' query parameter", pollingBadEio);
add(`${E} #3`, "handshake / HTTP long-polling / fails with an invalid 'transport' query parameter", pollingBadTransport);
add(`${E} #4`, "handshake / HTTP long-polling / fails with an invalid request method", pollingBadMethod);
add(`${E} #5`, "handshake / WebSocket / successfully opens a session", wsOpens);
add(`${E} #6`, "handshake / WebSocket / fails with an invalid 'EIO' query parameter", (port) =>
    wsRefused(port, ["transport=websocket", "EIO=abc&transport=websocket"]));
add(`${E} #7`, "handshake / WebSocket / fails with an invalid 'transport' query parameter", (port) =>
    wsRefused(port, ["EIO=4", "EIO=4&transport=abc"]));
// Original: POST "4hello" → "ok"; GET → "4hello" (echo). Adapted: join "/" first, then POST the EVENT
// 42["message","hello"] → "ok"; the next GET carries exactly 42["message-back","hello"].
add(`${E} #8`, "message / HTTP long-polling / sends and receives a payload containing one plain text packet", async (port) => {
    const s = await (await new Polling(port).open()).connect();
    await s.postOk('42["message","hello"]');
    expectEqual(await s.packets(), ['42["message-back","hello"]'], "GET after the event");
});
// Original: POST "4test1\x1e4test2\x1e4test3" → GET returns the same three packets in one body. Adapted:
// three EVENTs in one POST; one GET must carry the three message-back EVENTs, in order.
add(`${E} #9`, "message / HTTP long-polling / sends and receives a payload containing several plain text packets", async (port) => {
    const s = await (await new Polling(port).open()).connect();
    await s.postOk(['42["message","test1"]', '42["message","test2"]', '42["message","test3"]'].join(RS));
    expectEqual(await s.packets(), ['42["message-back","test1"]', '42["message-back","test2"]', '42["message-back","test3"]'], "GET after the events");
});
// Original: POST "4hello\x1ebAQIDBA==" echoed identically. Adapted: a text EVENT plus a BINARY_EVENT whose
// attachment travels as the base64 packet "bAQIDBA=="; the GET carries both answers and the same "bAQIDBA==".
add(`${E} #10`, "message / HTTP long-polling / sends and receives a payload containing plain text and binary packets", async (port) => {
    const s = await (await new Polling(port).open()).connect();
    await s.postOk(['42["message","hello"]', `451-["message",${PH0}]`, "bAQIDBA=="].join(RS));
    expectEqual(await s.packets(), ['42["message-back","hello"]', `451-["message-back",${PH0}]`, "bAQIDBA=="], "GET after the events");
});
// Not adapted: "abc" is not an Engine.IO packet on any server. The POST may answer anything (the suite
// tolerates 400 or an abort; Node 6.6.12 answers 200 ok); the session must be gone.
add(`${E} #11`, "message / HTTP long-polling / closes the session upon invalid packet format", async (port) => {
    const s = await new Polling(port).open();
    const r = await s.post("abc");
    expectResponse(await s.get(), 400, undefined, `GET after POST abc (answered ${r.describe()})`);
});
// Not adapted. The suite starts the second GET 5 ms after the first; 100 ms here so the first is surely
// pending. First → 200 "1", second → 400 or 500, then the sid is unknown.
add(`${E} #12`, "message / HTTP long-polling / closes the session upon duplicate poll requests", async (port) => {
    const s = await new Polling(port).open();
    const first = s.get();
    await delay(100);
    const second = await request(port, "GET", `${s.query}&t=burst`);
    expectResponse(await first, 200, "1", "first GET");
    expectOneOf(second.status, [400, 500], `second GET (${second.describe()})`);
    expectResponse(await s.get(), 400, undefined, "GET afterwards");
});
// Original: "4hello" echoed over WebSocket. Adapted: join "/", send 42["message","hello"], expect
// 42["message-back","hello"].
add(`${E} #13`, "message / WebSocket / sends and receives a plain text packet", async (port) => {
    const s = await socketIoSession(port);
    s.send('42["message","hello"]');
    await s.expectText('42["message-back","hello"]', "answer");
});
// Original: binary frame 01020304 echoed as a binary frame. Adapted: join "/", send the BINARY_EVENT
// header 451-["message",<ph0>] and the binary frame 01020304; expect the message-back header and the
// same binary frame.
add(`${E} #14`, "message / WebSocket / sends and receives a binary packet", async (port) => {
    const s = await socketIoSession(port);
    s.send(`451-["message",${PH0}]`);
    s.send(Buffer.from([1, 2, 3, 4]));
    await s.expectText(`451-["message-back",${PH0}]`, "answer header");
    await s.expectBinary("01020304", "answer attachment");
});
// Not adapted: "abc" closes the WebSocket on any server.
add(`${E} #15`, "message / WebSocket / closes the session upon invalid packet format", async (port) => {
    const s = ws(port, wsOnly);
    checkOpenPacket(await s.nextText("open packet"), []);
    s.send("abc");
    await s.waitClose(3000, "WebSocket after abc");
});
// Original: three times GET → "2", POST "3" → 200 on an echo server, which has no connectTimeout.
// Adapted: join "/" first, so the socket.io connectTimeout (1000 ms) cannot end the session mid-case.
add(`${E} #16`, "heartbeat / HTTP long-polling / sends ping/pong packets", (port) => pollingHeartbeat(port, true));
// Original: sleep 500 ms, GET → 400. Adapted: join "/" first (so the ping timeout, not connectTimeout,
// ends the session) and wait on the GETs instead of sleeping (see pollingPingTimeout).
add(`${E} #17`, "heartbeat / HTTP long-polling / closes the session upon ping timeout", (port) => pollingPingTimeout(port, true));
// Original: after the open packet, three frames "2", each answered "3". Adapted: join "/" first (the
// CONNECT answer and the auth event come before the pings).
add(`${E} #18`, "heartbeat / WebSocket / sends ping/pong packets", (port) => wsHeartbeat(port, true));
// Original: the WebSocket closes (no pong). Adapted: join "/" first so the close is the ping timeout's,
// and require the ping to have been seen before the close.
add(`${E} #19`, "heartbeat / WebSocket / closes the session upon ping timeout", (port) => wsPingTimeout(port, true));
// Not adapted (100 ms gap instead of concurrent fetches, see pollingForcedClose).
add(`${E} #20`, "close / HTTP long-polling / forcefully closes the session", pollingForcedClose);
add(`${E} #21`, "close / WebSocket / forcefully closes the session", wsForcedClose);
// Original: 2probe → 3probe; a GET → "6"; send "5" and "4hello"; "4hello" echoed on the WebSocket.
// Adapted: join "/" over polling before the upgrade (CONNECT answer and auth drained by GETs); after "5"
// send 42["message","hello"] and expect 42["message-back","hello"] on the WebSocket.
add(`${E} #22`, "upgrade / successfully upgrades from HTTP long-polling to WebSocket", async (port) => {
    const s = await (await new Polling(port).open()).connect();
    const u = await wsProbe(port, s.sid);
    expectEqual(await s.packets("GET during the upgrade"), ["6"], "GET during the upgrade");
    u.send("5");
    u.send('42["message","hello"]');
    await u.expectText('42["message-back","hello"]', "answer on the WebSocket");
});
// Original: 2probe, 5, then GET → 400 and "4hello" echoed on the WebSocket. Adapted: POST 40 before the
// upgrade without polling, so the CONNECT answer and auth event wait in the session's buffer; after "5"
// they must arrive on the WebSocket (proof the upgrade is done); then GET → 400 and an EVENT round trip
// on the WebSocket.
add(`${E} #23`, "upgrade / ignores HTTP requests with same sid after upgrade", async (port) => {
    const s = await new Polling(port).open();
    await s.postOk("40", "CONNECT POST");
    const u = await wsProbe(port, s.sid);
    u.send("5");
    checkConnectAnswer(await u.nextText("buffered CONNECT answer flushed to the WebSocket"), "40");
    await u.expectText('42["auth",{}]', "buffered auth event flushed to the WebSocket");
    expectResponse(await s.get(), 400, undefined, "polling GET after the upgrade");
    u.send('42["message","hello"]');
    await u.expectText('42["message-back","hello"]', "answer on the WebSocket");
});
// Original: 2probe, 5; a second WebSocket with the sid is closed; "4hello" still echoed on the first.
// Adapted: upgrade proven by a CONNECT round trip on the first WebSocket (upgradeAndJoin), then the
// second WebSocket must close, then an EVENT round trip on the first.
add(`${E} #24`, "upgrade / ignores WebSocket connection with same sid after upgrade", async (port) => {
    const { s, u } = await upgradeAndJoin(port);
    const second = ws(port, `EIO=4&transport=websocket&sid=${s.sid}`);
    await second.waitClose(3000, "second WebSocket with the sid");
    u.send('42["message","hello"]');
    await u.expectText('42["message-back","hello"]', "answer on the first WebSocket");
});

// §4.5 Socket.IO suite, Engine.IO part (same server as the suite expects; nothing adapted).
add(`${S} #1`, "Engine.IO protocol / handshake / HTTP long-polling / should successfully open a session", pollingOpens);
add(`${S} #2`, "Engine.IO protocol / handshake / HTTP long-polling / should fail with an invalid 'EIO' query parameter", pollingBadEio);
add(`${S} #3`, "Engine.IO protocol / handshake / HTTP long-polling / should fail with an invalid 'transport' query parameter", pollingBadTransport);
add(`${S} #4`, "Engine.IO protocol / handshake / HTTP long-polling / should fail with an invalid request method", pollingBadMethod);
add(`${S} #5`, "Engine.IO protocol / handshake / WebSocket / should successfully open a session", wsOpens);
add(`${S} #6`, "Engine.IO protocol / handshake / WebSocket / should fail with an invalid 'EIO' query parameter", (port) =>
    wsRefused(port, ["transport=websocket", "EIO=abc&transport=websocket"]));
add(`${S} #7`, "Engine.IO protocol / handshake / WebSocket / should fail with an invalid 'transport' query parameter", (port) =>
    wsRefused(port, ["EIO=4", "EIO=4&transport=abc"]));
add(`${S} #8`, "Engine.IO protocol / heartbeat / HTTP long-polling / should send ping/pong packets", (port) => pollingHeartbeat(port, false));
add(`${S} #9`, "Engine.IO protocol / heartbeat / HTTP long-polling / should close the session upon ping timeout", (port) => pollingPingTimeout(port, false));
add(`${S} #10`, "Engine.IO protocol / heartbeat / WebSocket / should send ping/pong packets", (port) => wsHeartbeat(port, false));
add(`${S} #11`, "Engine.IO protocol / heartbeat / WebSocket / should close the session upon ping timeout", (port) => wsPingTimeout(port, false));
add(`${S} #12`, "Engine.IO protocol / close / HTTP long-polling / should forcefully close the session", pollingForcedClose);
add(`${S} #13`, "Engine.IO protocol / close / WebSocket / should forcefully close the session", wsForcedClose);
// The suite sends "5" and stops; here a CONNECT on the WebSocket right after "5" proves the upgrade.
add(`${S} #14`, "Engine.IO protocol / upgrade / should successfully upgrade from HTTP long-polling to WebSocket", async (port) => {
    await upgradeAndJoin(port);
});
add(`${S} #15`, "Engine.IO protocol / upgrade / should ignore HTTP requests with same sid after upgrade", async (port) => {
    const { s } = await upgradeAndJoin(port);
    expectResponse(await s.get(), 400, undefined, "polling GET after the upgrade");
});
add(`${S} #16`, "Engine.IO protocol / upgrade / should ignore WebSocket connection with same sid after upgrade", async (port) => {
    const { s } = await upgradeAndJoin(port);
    const second = ws(port, `EIO=4&transport=websocket&sid=${s.sid}`);
    await second.waitClose(3000, "second WebSocket with the sid");
});

// §4.5 Socket.IO suite, Socket.IO part.
const joinCase = (connect, prefix, authEvent) => async (port) => {
    const s = ws(port, wsOnly);
    checkOpenPacket(await s.nextText("open packet"), []);
    s.send(connect);
    checkConnectAnswer(await s.nextText("CONNECT answer"), prefix);
    await s.expectText(authEvent, "auth event");
};
add(`${S} #17`, "Socket.IO protocol / connect / should allow connection to the main namespace", joinCase("40", "40", '42["auth",{}]'));
add(`${S} #18`, "Socket.IO protocol / connect / should allow connection to the main namespace with a payload",
    joinCase('40{"token":"123"}', "40", '42["auth",{"token":"123"}]'));
add(`${S} #19`, "Socket.IO protocol / connect / should allow connection to a custom namespace",
    joinCase("40/custom,", "40/custom,", '42/custom,["auth",{}]'));
add(`${S} #20`, "Socket.IO protocol / connect / should allow connection to a custom namespace with a payload",
    joinCase('40/custom,{"token":"abc"}', "40/custom,", '42/custom,["auth",{"token":"abc"}]'));
add(`${S} #21`, "Socket.IO protocol / connect / should disallow connection to an unknown namespace", async (port) => {
    const s = ws(port, wsOnly);
    checkOpenPacket(await s.nextText("open packet"), []);
    s.send("40/random");
    await s.expectText('44/random,{"message":"Invalid namespace"}', "CONNECT_ERROR");
});
add(`${S} #22`, "Socket.IO protocol / connect / should disallow connection with an invalid handshake", async (port) => {
    const s = ws(port, wsOnly);
    checkOpenPacket(await s.nextText("open packet"), []);
    s.send("4abc");
    await s.waitClose(3000, "WebSocket after 4abc");
});
// The suite does not answer pings, so its ping timeout (500 ms) would pass this too; pings are answered
// here so that only connectTimeout (1000 ms) can close it.
add(`${S} #23`, "Socket.IO protocol / connect / should close the connection if no handshake is received", async (port) => {
    const s = ws(port, wsOnly, { autoPong: true });
    await s.waitClose(3000, "WebSocket without CONNECT");
});
add(`${S} #24`, "Socket.IO protocol / disconnect / should disconnect from the main namespace", async (port) => {
    const s = await socketIoSession(port);
    s.send("41");
    await s.expectText("2", "next frame after 41", { skipPings: false });
});
add(`${S} #25`, "Socket.IO protocol / disconnect / should connect then disconnect from a custom namespace", async (port) => {
    const s = await socketIoSession(port);
    await s.expectText("2", "ping", { skipPings: false });
    s.send("40/custom");
    checkConnectAnswer(await s.nextText("CONNECT answer"), "40/custom,");
    await s.expectText('42/custom,["auth",{}]', "auth event");
    s.send("41/custom");
    s.send('42["message","message to main namespace"]');
    await s.expectText('42["message-back","message to main namespace"]', "answer on /");
});
add(`${S} #26`, "Socket.IO protocol / message / should send a plain-text packet", async (port) => {
    const s = await socketIoSession(port);
    s.send('42["message",1,"2",{"3":[true]}]');
    await s.expectText('42["message-back",1,"2",{"3":[true]}]', "answer");
});
add(`${S} #27`, "Socket.IO protocol / message / should send a packet with binary attachments", async (port) => {
    const s = await socketIoSession(port);
    s.send(`452-["message",${PH0},${PH1}]`);
    s.send(Buffer.from([1, 2, 3]));
    s.send(Buffer.from([4, 5, 6]));
    await s.expectText(`452-["message-back",${PH0},${PH1}]`, "answer header");
    await s.expectBinary("010203", "first attachment");
    await s.expectBinary("040506", "second attachment");
});
add(`${S} #28`, "Socket.IO protocol / message / should send a plain-text packet with an ack", async (port) => {
    const s = await socketIoSession(port);
    s.send('42456["message-with-ack",1,"2",{"3":[false]}]');
    await s.expectText('43456[1,"2",{"3":[false]}]', "ack");
});
add(`${S} #29`, "Socket.IO protocol / message / should send a packet with binary attachments and an ack", async (port) => {
    const s = await socketIoSession(port);
    s.send(`452-789["message-with-ack",${PH0},${PH1}]`);
    s.send(Buffer.from([1, 2, 3]));
    s.send(Buffer.from([4, 5, 6]));
    await s.expectText(`462-789[${PH0},${PH1}]`, "ack header");
    await s.expectBinary("010203", "first attachment");
    await s.expectBinary("040506", "second attachment");
});
for (const [n, kind, packet] of [
    [30, "unknown packet type", "4abc"],
    [31, "invalid payload format", "42{}"],
    [32, "invalid ack id", '42abc["message-with-ack",1,"2",{"3":[false]}]'],
]) {
    add(`${S} #${n}`, `Socket.IO protocol / message / should close the connection upon invalid format (${kind})`, async (port) => {
        const s = await socketIoSession(port);
        s.send(packet);
        await s.waitClose(3000, `WebSocket after ${show(packet)}`);
    });
}

// --- runner --------------------------------------------------------------------------------------

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corslab-conformance-"));
const profilePath = path.join(dir, "conformance.corslab.json");
fs.writeFileSync(
    profilePath,
    JSON.stringify({
        format: "corslab-profile",
        version: 1,
        name: "conformance suites",
        server: {
            pingInterval: PING_INTERVAL,
            pingTimeout: PING_TIMEOUT,
            connectTimeout: 1000,
            cors: { origin: "*" },
            maxHttpBufferSize: 1000000,
            namespaces: [{ name: "/custom" }],
        },
        client: { pageOrigin: "http://localhost:3000" },
    }, null, 2) + "\n",
);

const label = (target) => (target === "node" ? "node" : "cli");
let passed = 0;
let failed = 0;
const servers = new Map();
for (const target of targets) {
    try {
        servers.set(target, await startTarget(target, profilePath));
    } catch (e) {
        servers.set(target, { error: e.message.split("\n")[0] });
    }
}

process.on("exit", () => {
    for (const server of servers.values()) server.child?.kill("SIGTERM");
});

async function runCase(target, c) {
    const server = servers.get(target);
    if (server.error) return server.error;
    if (server.child.exitCode !== null || server.child.signalCode !== null) return `server process is gone (${server.child.exitCode ?? server.child.signalCode})`;
    let timer;
    try {
        await Promise.race([
            c.run(server.port),
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("case took longer than 10 s")), 10000))),
        ]);
        return null;
    } catch (e) {
        return e.message;
    } finally {
        clearTimeout(timer);
    }
}

for (const c of cases) {
    const name = `${c.id} ${c.title}`;
    if (filter && !name.includes(filter)) continue;
    const results = await Promise.all(targets.map((t) => runCase(t, c)));
    for (const s of sessions.splice(0)) s.destroy();
    targets.forEach((t, i) => {
        if (results[i] === null) {
            passed++;
            console.log(`ok ${label(t)} ${name}`);
        } else {
            failed++;
            console.log(`not ok ${label(t)} ${name}: ${results[i]}`);
        }
    });
}
for (const server of servers.values()) server.child?.kill("SIGTERM");
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
