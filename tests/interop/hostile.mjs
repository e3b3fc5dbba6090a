// Hostile clients against CorsLab's embedded server (`corslab-cli serve`): garbage, oversized headers and
// bodies, slow and half-closed and aborting senders, 1,000 idle connections, invalid WebSocket frames.
// After every step the server must still be alive and answer a fresh handshake correctly.
//
//   node hostile.mjs [--target cli:/path/to/corslab-cli] [--target node] [--filter TEXT]
//
// Default target: the CLI only (the Node reference can be run with --target node to see what it does).
// Needs about 1,200 open files per process; when the soft limit is lower the script re-runs itself under
// `ulimit -n` raised to the hard limit (or run it from a shell after `ulimit -n 4096`).
//
// Ends with "N passed, M failed"; exit 1 on any failure.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildRequest, encodeFrame, decodeFrames, httpExchange, parseResponse } from "./wire.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);

// --- open-files limit ----------------------------------------------------------------------------

const IDLE_CONNECTIONS = 1000;
const FILES_NEEDED = IDLE_CONNECTIONS + 200; // per process: this one holds the client ends, the server the others
function openFilesLimit() {
    try {
        const line = fs.readFileSync("/proc/self/limits", "utf8").split("\n").find((l) => l.startsWith("Max open files"));
        const [soft, hard] = line.trim().split(/\s+/).slice(3, 5).map((v) => (v === "unlimited" ? Infinity : Number(v)));
        return { soft, hard };
    } catch {
        return { soft: Infinity, hard: Infinity };
    }
}
{
    const { soft, hard } = openFilesLimit();
    if (soft < FILES_NEEDED && !process.env.CORSLAB_HOSTILE_REEXEC) {
        const limit = hard === Infinity ? 65536 : hard;
        if (limit >= FILES_NEEDED) {
            const script = 'ulimit -n "$0" && exec "$@"';
            const r = spawnSync("/bin/sh", ["-c", script, String(limit), process.execPath, fileURLToPath(import.meta.url), ...argv], {
                stdio: "inherit",
                env: { ...process.env, CORSLAB_HOSTILE_REEXEC: "1" },
            });
            process.exit(r.status ?? 1);
        }
        console.log(`# open-files limit ${soft} (hard ${hard}) is below ${FILES_NEEDED}: the idle-connections step may fail; run with ulimit -n 4096`);
    }
}

const defaultCli = process.env.CORSLAB_CLI ?? path.resolve(here, "../../build/lead/app/cli/corslab-cli");
const targets = argv.flatMap((a, i) => (a === "--target" ? [argv[i + 1]] : []));
if (!targets.length) targets.push(`cli:${defaultCli}`);
const filterIndex = argv.indexOf("--filter");
const filter = filterIndex >= 0 ? argv[filterIndex + 1] : "";

const P = "/socket.io/";
const RS = "\x1e";
const show = (v) => JSON.stringify(v);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const clip = (text, n = 200) => (text.length > n ? `${text.slice(0, n)}…(${text.length} bytes)` : text);

// --- server --------------------------------------------------------------------------------------

function startTarget(target, profilePath) {
    const [command, args] =
        target === "node"
            ? [process.execPath, [path.join(here, "reference-server.mjs"), profilePath]]
            : [target.slice(4), ["serve", profilePath, "--port", "0"]];
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
        const server = { child, output: "", exit: null };
        const timer = setTimeout(() => reject(new Error(`${target} did not start: ${server.output}`)), 10000);
        child.stdout.on("data", (d) => {
            server.output += d;
            const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(server.output);
            if (m && !server.port) {
                clearTimeout(timer);
                server.port = Number(m[1]);
                resolve(server);
            }
        });
        child.stderr.on("data", (d) => (server.output += d));
        child.on("error", (e) => reject(e));
        child.on("exit", (code, signal) => {
            clearTimeout(timer);
            server.exit = signal ?? code;
            reject(new Error(`${target} exited (${signal ?? code}): ${server.output}`));
        });
    });
}

// --- raw connections -----------------------------------------------------------------------------

// One TCP connection whose every byte in and every state change can be awaited.
class Conn {
    constructor(port) {
        this.data = Buffer.alloc(0);
        this.connected = false;
        this.ended = false; // the server sent FIN
        this.closed = false;
        this.error = null;
        this.waiters = [];
        this.socket = net.connect(port, "127.0.0.1");
        this.socket.on("connect", () => this.update(() => (this.connected = true)));
        this.socket.on("data", (chunk) => this.update(() => (this.data = Buffer.concat([this.data, chunk]))));
        this.socket.on("end", () => this.update(() => (this.ended = true)));
        this.socket.on("error", (e) => this.update(() => (this.error = e.code ?? e.message)));
        this.socket.on("close", () => this.update(() => (this.closed = true)));
    }
    update(change) {
        change();
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
    // The server is done with this connection: it closed it, or sent FIN.
    get finished() {
        return this.closed || this.ended;
    }
    response() {
        return parseResponse(this.data);
    }
    write(bytes) {
        return new Promise((resolve) => this.socket.write(bytes, () => resolve()));
    }
    describe() {
        return `received ${show(clip(this.data.toString("latin1")))}${this.finished ? ", connection closed by the server" : ", connection still open"}${this.error ? ` (${this.error})` : ""}`;
    }
    destroy() {
        this.socket.destroy();
    }
}

function fail(message) {
    throw new Error(message);
}

function expectStatus(conn, status, what) {
    // A response without Content-Length (Node's "400 Bad Request" + Connection: close) ends with the connection.
    const r = conn.response();
    const complete = r.complete || (r.status !== 0 && conn.finished);
    if (!complete || r.status !== status) fail(`${what}: expected a complete ${status} response, ${conn.describe()}`);
    return r;
}

// --- Engine.IO / Socket.IO helpers -------------------------------------------------------------

async function request(port, method, query, body, timeoutMs = 5000) {
    const r = await httpExchange(port, buildRequest({ method, path: `${P}?${query}`, body }, port), { timeoutMs });
    return { ...r, text: r.body.toString("utf8"), describe: () => (r.status ? `${r.status} ${show(clip(r.body.toString("utf8")))}` : `no response (${r.timedOut ? "timeout" : "closed"})`) };
}

function checkOpenPacket(text) {
    const m = /^0(\{.*\})$/.exec(text);
    if (!m) fail(`handshake body: expected 0{...}, got ${show(clip(text))}`);
    const value = JSON.parse(m[1]);
    const expected = { upgrades: ["websocket"], pingInterval: 25000, pingTimeout: 20000, maxPayload: 1000000 };
    if (!/^[A-Za-z0-9_-]{20}$/.test(value.sid ?? "")) fail(`handshake sid ${show(value.sid)}`);
    const { sid, ...rest } = value;
    if (show(rest) !== show(expected)) fail(`handshake open packet ${show(text)}`);
    return sid;
}

async function handshake(port) {
    const r = await request(port, "GET", "EIO=4&transport=polling");
    if (r.status !== 200) fail(`handshake: expected 200, got ${r.describe()}`);
    return checkOpenPacket(r.text);
}

// Handshake, CONNECT, an event and its answer, all over polling; returns the elapsed milliseconds.
async function roundTrip(port) {
    const started = Date.now();
    const sid = await handshake(port);
    const q = `EIO=4&transport=polling&sid=${sid}`;
    const expectOk = (r, what) => {
        if (r.status !== 200 || r.text !== "ok") fail(`${what}: expected 200 "ok", got ${r.describe()}`);
    };
    expectOk(await request(port, "POST", q, "40"), "POST 40");
    const connected = await request(port, "GET", q);
    const packets = connected.text.split(RS);
    if (connected.status !== 200 || !/^40\{"sid":"[A-Za-z0-9_-]{20}"\}$/.test(packets[0]) || packets[1] !== '42["auth",{}]') {
        fail(`GET after CONNECT: got ${connected.describe()}`);
    }
    expectOk(await request(port, "POST", q, '42["message","round trip"]'), "POST event");
    const answer = await request(port, "GET", q);
    if (answer.status !== 200 || answer.text !== '42["message-back","round trip"]') fail(`GET after the event: got ${answer.describe()}`);
    return Date.now() - started;
}

// A raw WebSocket-only session: 101, then the open packet frame; optionally joined to "/".
async function rawWebSocket(port, join) {
    const c = new Conn(port);
    await c.until(() => c.connected || c.finished, 5000);
    await c.write(
        `GET ${P}?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
    );
    await c.until(() => c.data.includes("\r\n\r\n") || c.finished, 5000);
    const head = c.response();
    if (head.status !== 101) fail(`WebSocket handshake: expected 101, ${c.describe()}`);
    c.data = c.data.subarray(c.data.indexOf("\r\n\r\n") + 4);
    c.frames = [];
    const pump = () => {
        const { frames, rest } = decodeFrames(c.data);
        c.frames.push(...frames);
        c.data = rest;
    };
    c.socket.on("data", () => pump());
    pump();
    c.nextFrame = async (what, timeoutMs = 5000) => {
        await c.until(() => c.frames.length || c.finished, timeoutMs);
        if (!c.frames.length) fail(`${what}: no frame; frames so far none, ${c.finished ? "connection closed" : "connection open"}`);
        return c.frames.shift();
    };
    const open = await c.nextFrame("open packet");
    if (open.type !== "text" || !open.data.startsWith('0{"sid":')) fail(`open packet: got ${show(open)}`);
    if (join) {
        await c.write(encodeFrame(1, "40"));
        const connected = await c.nextFrame("CONNECT answer");
        const auth = await c.nextFrame("auth event");
        if (!connected.data?.startsWith('40{"sid":') || auth.data !== '42["auth",{}]') fail(`CONNECT: got ${show([connected, auth])}`);
    }
    return c;
}

async function wsRoundTrip(c, text) {
    await c.write(encodeFrame(1, `42["message",${show(text)}]`));
    for (;;) {
        const f = await c.nextFrame("message-back on the bystander WebSocket");
        if (f.type === "text" && f.data === "2") continue;
        if (f.type !== "text" || f.data !== `42["message-back",${show(text)}]`) fail(`bystander WebSocket: got ${show(f)}`);
        return;
    }
}

// --- steps ---------------------------------------------------------------------------------------

// Each step: [title, async (ctx) => void] — throws with what was seen when the server misbehaves.
// ctx = { port, server, sub(title, fn) } where sub() reports an extra check inside the step.
const steps = [];
const step = (title, run) => steps.push({ title, run });

async function sendAndWatch(port, bytes, timeoutMs = 5000) {
    const c = new Conn(port);
    await c.until(() => c.connected || c.finished, 5000);
    c.socket.write(bytes);
    await c.until(() => c.finished, timeoutMs);
    return c;
}

// Node's http parser answers bytes it cannot parse with "400 Bad Request" + Connection: close at once.
for (const [name, bytes] of [
    ["binary noise with CRLFs", Buffer.from("\x00\x01\x02\x03\xff\xfe HTTP/1.1\r\n\r\n", "latin1")],
    ["4 KiB of pseudo-random bytes without a line end", (() => {
        const b = Buffer.alloc(4096);
        let x = 12345;
        for (let i = 0; i < b.length; i++) {
            x = (x * 1103515245 + 12345) & 0x7fffffff;
            b[i] = (x >> 16) & 0xff;
            if (b[i] === 10 || b[i] === 13) b[i] = 0;
        }
        return b;
    })()],
    ["a TLS ClientHello on the plain-HTTP port", Buffer.from("16030100a5010000a10303" + "00".repeat(32) + "000002c02f01000076", "hex")],
    ["a header line without a colon", Buffer.from(`GET ${P}?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n`, "latin1")],
    ["a method with a separator character", Buffer.from(`G(T ${P}?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n`, "latin1")],
    ["a NUL byte in the request target", Buffer.from(`GET ${P}\x00?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n`, "latin1")],
    ["HTTP version 9.9", Buffer.from(`GET ${P}?EIO=4&transport=polling HTTP/9.9\r\nHost: x\r\n\r\n`, "latin1")],
    ["a non-numeric Content-Length", Buffer.from(`POST ${P}?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`, "latin1")],
    ["Content-Length together with Transfer-Encoding (smuggling shape)", Buffer.from(`POST ${P}?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, "latin1")],
]) {
    step(`garbage bytes: ${name} → 400 and close`, async ({ port }) => {
        const c = await sendAndWatch(port, bytes);
        c.destroy();
        if (!c.finished) fail(`connection not closed within 5 s; ${c.describe()}`);
        expectStatus(c, 400, "answer");
    });
}

step("header section over 16 KiB (one big header) → 431 and close", async ({ port }) => {
    const c = await sendAndWatch(port, `GET ${P}?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(17000)}\r\n\r\n`);
    c.destroy();
    if (!c.finished) fail(`connection not closed within 5 s; ${c.describe()}`);
    expectStatus(c, 431, "answer");
});
step("header section over 16 KiB (400 small headers) → 431 and close", async ({ port }) => {
    const headers = Array.from({ length: 400 }, (_, i) => `X-H${i}: ${"v".repeat(40)}\r\n`).join("");
    const c = await sendAndWatch(port, `GET ${P}?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n${headers}\r\n`);
    c.destroy();
    if (!c.finished) fail(`connection not closed within 5 s; ${c.describe()}`);
    expectStatus(c, 431, "answer");
});
step("header section that never ends, 20 KiB so far → 431 and close without waiting for the end", async ({ port }) => {
    const c = await sendAndWatch(port, `GET ${P}?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nX-Endless: ${"a".repeat(20000)}`);
    c.destroy();
    if (!c.finished) fail(`connection not closed within 5 s; ${c.describe()}`);
    expectStatus(c, 431, "answer");
});

step("oversized POST body on a session → 413, session kept", async ({ port, sub }) => {
    const sid = await handshake(port);
    const q = `EIO=4&transport=polling&sid=${sid}`;
    const big = await request(port, "POST", q, "4" + "x".repeat(1000001), 10000);
    if (big.status !== 413) fail(`POST of 1000002 bytes: expected 413, got ${big.describe()}`);
    await sub("the session still works after the 413", async () => {
        const post = await request(port, "POST", q, "40");
        if (post.status !== 200 || post.text !== "ok") fail(`POST 40: got ${post.describe()}`);
        const get = await request(port, "GET", q);
        if (get.status !== 200 || !get.text.startsWith('40{"sid":')) fail(`GET: got ${get.describe()}`);
    });
});

step("slow sender: handshake request dribbled 1 byte every 20 ms is answered", async ({ port }) => {
    const c = new Conn(port);
    await c.until(() => c.connected || c.finished, 5000);
    for (const byte of Buffer.from(`GET ${P}?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, "latin1")) {
        if (c.finished) break;
        await c.write(Buffer.from([byte]));
        await delay(20);
    }
    await c.until(() => c.response().complete || c.finished, 5000);
    c.destroy();
    expectStatus(c, 200, "answer");
    checkOpenPacket(c.response().body.toString("utf8"));
});
step("slow sender: POST 40 (headers and body) dribbled 1 byte every 20 ms is answered and acted on", async ({ port }) => {
    const sid = await handshake(port);
    const q = `EIO=4&transport=polling&sid=${sid}`;
    const c = new Conn(port);
    await c.until(() => c.connected || c.finished, 5000);
    for (const byte of buildRequest({ method: "POST", path: `${P}?${q}`, headers: [["Content-Type", "text/plain;charset=UTF-8"]], body: "40" }, port)) {
        if (c.finished) break;
        await c.write(Buffer.from([byte]));
        await delay(20);
    }
    await c.until(() => c.response().complete || c.finished, 5000);
    c.destroy();
    expectStatus(c, 200, "answer");
    const get = await request(port, "GET", q);
    if (get.status !== 200 || !get.text.startsWith('40{"sid":')) fail(`GET after the slow POST: got ${get.describe()}`);
});

// The request and the client's FIN usually arrive together; whether the server has answered by the time
// it reads the FIN is a race inside the server, so each shape is tried HALF_CLOSE_TRIES times and every
// try must be answered (Node's http server keeps writing to a half-closed socket: allowHalfOpen).
const HALF_CLOSE_TRIES = 20;
async function halfClosed(port, bytes) {
    const c = new Conn(port);
    await c.until(() => c.connected || c.finished, 5000);
    c.socket.end(bytes);
    await c.until(() => c.response().complete || c.closed, 5000);
    c.destroy();
    return c;
}
step(`half-closed socket: handshake GET then FIN, the response still arrives (${HALF_CLOSE_TRIES} tries)`, async ({ port }) => {
    const failures = [];
    for (let i = 0; i < HALF_CLOSE_TRIES; i++) {
        const c = await halfClosed(port, `GET ${P}?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
        try {
            expectStatus(c, 200, "answer");
            checkOpenPacket(c.response().body.toString("utf8"));
        } catch (e) {
            failures.push(e.message);
        }
    }
    if (failures.length) fail(`${failures.length} of ${HALF_CLOSE_TRIES} tries failed, first: ${failures[0]}`);
});
step(`half-closed socket: POST 40 then FIN, the response still arrives and the CONNECT is processed (${HALF_CLOSE_TRIES} tries)`, async ({ port }) => {
    const failures = [];
    for (let i = 0; i < HALF_CLOSE_TRIES; i++) {
        const sid = await handshake(port);
        const q = `EIO=4&transport=polling&sid=${sid}`;
        const c = await halfClosed(port, buildRequest({ method: "POST", path: `${P}?${q}`, body: "40" }, port));
        try {
            expectStatus(c, 200, "answer");
            const get = await request(port, "GET", q);
            if (get.status !== 200 || !get.text.startsWith('40{"sid":')) fail(`GET after the half-closed POST: got ${get.describe()}`);
        } catch (e) {
            failures.push(e.message);
        }
    }
    if (failures.length) fail(`${failures.length} of ${HALF_CLOSE_TRIES} tries failed, first: ${failures[0]}`);
});

// Waits until the session is gone without touching it: OPTIONS with a sid (no cors configured) answers
// 500 while the session exists and 400 {"code":1,...} once it is gone (engine.io verify(), §1.3).
async function waitSessionGone(port, sid, what) {
    const deadline = Date.now() + 5000;
    let last;
    while (Date.now() < deadline) {
        last = await request(port, "OPTIONS", `EIO=4&transport=polling&sid=${sid}`);
        if (last.status === 400 && last.text === '{"code":1,"message":"Session ID unknown"}') return;
        await delay(50);
    }
    fail(`${what}: the session still exists 5 s later (OPTIONS answered ${last.describe()})`);
}

async function startPost(port, sid, { contentLength = 1000, body = "4" + "z".repeat(99) } = {}) {
    const c = new Conn(port);
    await c.until(() => c.connected || c.finished, 5000);
    const head = `POST ${P}?EIO=4&transport=polling&sid=${sid} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: ${contentLength}\r\n\r\n`;
    await c.write(Buffer.concat([Buffer.from(head, "latin1"), Buffer.from(body)]));
    return c;
}

// engine.io polling onDataRequest: a request closed before its body ended is a transport error
// ("data request connection closed prematurely") → the session closes. A pending GET sees it as "1".
step("client aborts mid-body: POST announcing 1000 bytes, 100 sent, then reset", async ({ port, sub }) => {
    const sid = await handshake(port);
    const pending = request(port, "GET", `EIO=4&transport=polling&sid=${sid}`, undefined, 5000);
    await delay(100); // the GET must be pending before the POST starts
    const c = await startPost(port, sid);
    await delay(100); // the body must be under way on the server before the reset
    c.socket.resetAndDestroy();
    await sub("the session is closed, as Node closes it: the pending GET gets the close packet", async () => {
        const r = await pending;
        if (r.status !== 200 || r.text !== "1") fail(`pending GET: expected 200 "1", got ${r.describe()}`);
        await waitSessionGone(port, sid, "after the reset");
    });
});
step("client aborts mid-body: POST announcing 1000 bytes, 100 sent, then FIN", async ({ port, sub }) => {
    const sid = await handshake(port);
    const c = await startPost(port, sid);
    await delay(100);
    c.socket.end();
    await c.until(() => c.finished, 5000);
    c.destroy();
    await sub("the server answers the truncated request 400 + close, as Node's http parser does", async () => {
        expectStatus(c, 400, "answer on the truncated POST");
    });
    await sub("the session is closed, as Node closes it", () => waitSessionGone(port, sid, "after the FIN"));
});
step("slow POST body: a second POST on the sid while the first body is still arriving → 400, session closed", async ({ port, sub }) => {
    const sid = await handshake(port);
    const first = await startPost(port, sid);
    await delay(100);
    const second = await request(port, "POST", `EIO=4&transport=polling&sid=${sid}`, "40");
    first.destroy();
    if (second.status !== 400) fail(`second POST: expected 400 (engine.io "data request overlap from client"), got ${second.describe()}`);
    await sub("the session is closed", () => waitSessionGone(port, sid, "after the overlapping POST"));
});
step("client aborts a pending long-poll GET → session closed", async ({ port }) => {
    const sid = await handshake(port);
    const c = new Conn(port);
    await c.until(() => c.connected || c.finished, 5000);
    await c.write(buildRequest({ path: `${P}?EIO=4&transport=polling&sid=${sid}` }, port));
    await delay(100);
    c.destroy();
    await waitSessionGone(port, sid, "after the aborted GET");
});

step(`${IDLE_CONNECTIONS} idle TCP connections held open while another client does handshake + CONNECT + event in < 2 s`, async ({ port, sub }) => {
    const idle = [];
    try {
        for (let batch = 0; batch < IDLE_CONNECTIONS; batch += 100) {
            const group = Array.from({ length: 100 }, () => new Conn(port));
            idle.push(...group);
            await Promise.all(group.map((c) => c.until(() => c.connected || c.finished || c.error, 10000)));
        }
        const notConnected = idle.filter((c) => !c.connected).length;
        if (notConnected) fail(`${notConnected} of ${IDLE_CONNECTIONS} idle connections did not connect (${idle.find((c) => !c.connected)?.error ?? "timeout"})`);
        const elapsed = await roundTrip(port);
        if (elapsed >= 2000) fail(`round trip took ${elapsed} ms`);
        await sub(`round trip took ${elapsed} ms`, async () => {});
        await sub(`the ${IDLE_CONNECTIONS} idle connections were still open after the round trip`, async () => {
            const gone = idle.filter((c) => c.finished).length;
            if (gone) fail(`${gone} idle connections were closed by the server`);
        });
    } finally {
        for (const c of idle) c.destroy();
    }
    await delay(200);
});

// Invalid WebSocket frames (RFC 6455 §5.2, §7.4.1; what ws 8 does inside Node): the server sends a close
// frame with the code, and a bystander session on the same server keeps working.
const maskedHeader = (b0, length) => {
    const mask = Buffer.from([1, 2, 3, 4]);
    if (length < 126) return Buffer.concat([Buffer.from([b0, 0x80 | length]), mask]);
    if (length < 65536) {
        const h = Buffer.from([b0, 0x80 | 126, 0, 0]);
        h.writeUInt16BE(length, 2);
        return Buffer.concat([h, mask]);
    }
    const h = Buffer.alloc(10);
    h[0] = b0;
    h[1] = 0x80 | 127;
    h.writeBigUInt64BE(BigInt(length), 2);
    return Buffer.concat([h, mask]);
};
// The last element is how many times the frame is tried: the full oversize frame is still arriving when
// the server gives up on it, and a server that then closes without draining its input resets the
// connection, which can destroy its own close frame on the way out (ws drains and ends cleanly).
for (const [name, bytes, code, tries = 1] of [
    ["unmasked text frame", Buffer.concat([Buffer.from([0x81, 2]), Buffer.from("40")]), 1002],
    ["reserved data opcode 0x3", encodeFrame(3, "40"), 1002],
    ["reserved control opcode 0xB", encodeFrame(0xb, ""), 1002],
    ["RSV1 set without an extension", (() => {
        const f = encodeFrame(1, "40");
        f[0] |= 0x40;
        return f;
    })(), 1002],
    ["continuation frame with nothing to continue", encodeFrame(0, "40"), 1002],
    ["ping with a 126-byte payload", encodeFrame(9, "p".repeat(126)), 1002],
    ["fragmented close frame", (() => {
        const f = encodeFrame(8, Buffer.from([0x03, 0xe8]));
        f[0] &= 0x7f;
        return f;
    })(), 1002],
    ["text frame with invalid UTF-8", encodeFrame(1, Buffer.from([0x34, 0xff, 0xfe])), 1007],
    ["oversize frame: header announces 2,000,000 bytes, 1,000 sent", Buffer.concat([maskedHeader(0x81, 2000000), Buffer.alloc(1000, 0x41)]), 1009],
    ["oversize frame: 1,000,002 bytes sent in full", encodeFrame(1, "4" + "y".repeat(1000001)), 1009, 10],
]) {
    const title = `invalid WebSocket frame: ${name} → close ${code}${tries > 1 ? ` (${tries} tries)` : ""}, others still served`;
    step(title, async ({ port, sub }) => {
        const bystander = await rawWebSocket(port, true);
        const problems = { close: [], end: [] };
        try {
            for (let i = 0; i < tries; i++) {
                const c = await rawWebSocket(port, false);
                try {
                    c.socket.write(bytes);
                    const deadline = Date.now() + 5000;
                    let close;
                    try {
                        while (!close && Date.now() < deadline) {
                            const f = await c.nextFrame(`close frame ${code}`, Math.max(1, deadline - Date.now()));
                            if (f.type === "close") close = f;
                            else if (f.type !== "text" || f.data !== "2") fail(`expected a close frame ${code}, got ${show(f)}`);
                        }
                        if (!close) fail(`no close frame within 5 s`);
                        if (close.code !== code) fail(`expected close code ${code}, got ${show(close)}`);
                    } catch (e) {
                        problems.close.push(`${e.message}${c.error ? ` (socket error ${c.error})` : ""}`);
                        continue;
                    }
                    c.socket.write(encodeFrame(8, Buffer.from([close.code >> 8, close.code & 0xff])));
                    if (!(await c.until(() => c.finished, 5000))) problems.end.push("TCP connection still open 5 s after the close handshake");
                    else if (c.error) problems.end.push(`the connection ended with ${c.error}`);
                } finally {
                    c.destroy();
                }
            }
            const summary = (list) => `${list.length} of ${tries} tries: ${list[0]}`;
            if (problems.close.length) fail(summary(problems.close));
            await sub("the connection then ends cleanly (FIN, no reset)", async () => {
                if (problems.end.length) fail(summary(problems.end));
            });
            await sub("a bystander WebSocket session still round-trips an event", () => wsRoundTrip(bystander, `after ${name}`));
        } finally {
            bystander.destroy();
        }
    });
}

// --- runner --------------------------------------------------------------------------------------

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corslab-hostile-"));
const profilePath = path.join(dir, "hostile.corslab.json");
fs.writeFileSync(
    profilePath,
    JSON.stringify({ format: "corslab-profile", version: 1, name: "hostile clients", server: {}, client: { pageOrigin: "http://localhost:3000" } }, null, 2) + "\n",
);

let passed = 0;
let failed = 0;
const report = (ok, text, why) => {
    if (ok) passed++;
    else failed++;
    console.log(ok ? `ok ${text}` : `not ok ${text}: ${why}`);
};

async function withTimeout(promise, ms, what) {
    let timer;
    try {
        return await Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)))]);
    } finally {
        clearTimeout(timer);
    }
}

for (const target of targets) {
    const label = target === "node" ? "node" : "cli";
    let server;
    try {
        server = await startTarget(target, profilePath);
    } catch (e) {
        report(false, `${label} server starts`, e.message.split("\n")[0]);
        continue;
    }
    process.on("exit", () => server.child.kill("SIGTERM")); // also when this script dies half-way
    server.child.removeAllListeners("exit");
    server.child.on("exit", (code, signal) => (server.exit = signal ?? code));
    const alive = () => server.exit === null && server.child.exitCode === null && server.child.signalCode === null;
    await (async () => {
        try {
            await handshake(server.port);
            report(true, `${label} baseline: fresh handshake answered`);
        } catch (e) {
            report(false, `${label} baseline: fresh handshake answered`, e.message);
        }
    })();
    for (const s of steps) {
        if (filter && !s.title.includes(filter)) continue;
        const subs = [];
        const sub = async (title, fn) => {
            try {
                await fn();
                subs.push([true, title]);
            } catch (e) {
                subs.push([false, title, e.message]);
            }
        };
        try {
            await withTimeout(s.run({ port: server.port, server, sub }), 30000, "step");
            report(true, `${label} ${s.title}`);
        } catch (e) {
            report(false, `${label} ${s.title}`, e.message);
        }
        for (const [ok, title, why] of subs) report(ok, `${label} ${s.title} / ${title}`, why);
        const exitNote = () => `server process exited (${server.exit ?? server.child.exitCode ?? server.child.signalCode}); output: ${clip(server.output, 2000)}`;
        try {
            if (!alive()) fail(exitNote());
            try {
                await handshake(server.port);
            } catch (e) {
                // A refused connection may be the crash whose exit notification has not arrived yet.
                if (alive()) {
                    await new Promise((resolve) => {
                        server.child.once("exit", resolve);
                        setTimeout(resolve, 1000);
                    });
                }
                fail(alive() ? e.message : exitNote());
            }
            report(true, `${label} ${s.title} / afterwards: process alive, fresh handshake answered`);
        } catch (e) {
            report(false, `${label} ${s.title} / afterwards: process alive, fresh handshake answered`, e.message);
            if (!alive()) break;
        }
    }
    server.child.kill("SIGTERM");
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
