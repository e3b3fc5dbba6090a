// The real socket.io-client 4.8.4 (Node) against the Node reference and/or CorsLab's embedded server:
// polling-only, websocket-only and default (polling, then upgrade), each through connect + auth, acks,
// message → message-back, binary in events and acks, namespaces (declared, middleware refusal, unknown),
// allowRequest refusal and a client-side disconnect.
//
//   node real-client.mjs [--target node] [--target cli:/path/to/corslab-cli] [--filter TEXT] [--verbose]
//
// Without --target both run and must pass, and what the client observed (events in order, their
// payloads, errors) must be the same on both servers once ids are masked. Expected values are those of
// wire-protocol.md §5.3 (observed with this client against Node).
//
// Ends with "N passed, M failed"; exit 1 on any failure.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startTarget } from "./targets.mjs";

const require = createRequire(new URL("../node/package.json", import.meta.url));
const { Manager } = require("socket.io-client");

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const defaultCli = process.env.CORSLAB_CLI ?? path.resolve(here, "../../build/lead/app/cli/corslab-cli");
const targets = argv.flatMap((a, i) => (a === "--target" ? [argv[i + 1]] : []));
if (!targets.length) targets.push("node", `cli:${defaultCli}`);
const filterIndex = argv.indexOf("--filter");
const filter = filterIndex >= 0 ? argv[filterIndex + 1] : "";
const verbose = argv.includes("--verbose");
const WAIT_MS = 5000;

const MIDDLEWARE = "(socket, next) => { const err = new Error('not authorized'); err.data = { content: 'Please retry later' }; next(err); }";
const profiles = {
    main: {
        namespaces: [{ name: "/custom" }, { name: "/guarded", middleware: { function: MIDDLEWARE } }],
    },
    refusing: {
        allowRequest: { function: "(req, cb) => cb('go away', false)" },
    },
};

// --- servers -------------------------------------------------------------------------------------

// --- observation ---------------------------------------------------------------------------------

const show = (v) => JSON.stringify(v);

// Binary values become {binary: hex} whatever class the client delivered them as (Buffer or
// ArrayBuffer depends on the transport that carried them, which is timing in the default mode).
function plain(value) {
    if (Buffer.isBuffer(value)) return { binary: value.toString("hex") };
    if (value instanceof ArrayBuffer) return { binary: Buffer.from(value).toString("hex") };
    if (ArrayBuffer.isView(value)) return { binary: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex") };
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    return value;
}

function describeError(err) {
    const d = err.description;
    const out = { message: err.message };
    if (err.type !== undefined) out.type = err.type;
    if (d !== undefined) out.description = typeof d === "number" ? d : (d?.message ?? String(d));
    if (err.context?.responseText !== undefined) out.responseText = err.context.responseText;
    if (err.data !== undefined) out.data = plain(err.data);
    return out;
}

// Everything one socket (namespace) reports, in order.
class Recorder {
    constructor(socket) {
        this.socket = socket;
        this.log = [];
        this.waiters = [];
        socket.on("connect", () => this.push(["connect", { idIsString: typeof socket.id === "string" && socket.id.length > 0 }]));
        socket.on("connect_error", (err) => this.push(["connect_error", describeError(err)]));
        socket.on("disconnect", (reason) => this.push(["disconnect", reason]));
        socket.onAny((event, ...args) => this.push([event, plain(args)]));
    }
    push(entry) {
        this.log.push(entry);
        for (const w of this.waiters.splice(0)) w();
    }
    // Waits for the first entry named `name` after position `from`; returns [entry, its index].
    async waitFor(name, from = 0) {
        const deadline = Date.now() + WAIT_MS;
        for (;;) {
            const i = this.log.findIndex((e, index) => index >= from && e[0] === name);
            if (i >= 0) return [this.log[i], i];
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`no "${name}" within ${WAIT_MS} ms; observed ${show(this.log)}`);
            await new Promise((resolve) => {
                this.waiters.push(resolve);
                setTimeout(resolve, left);
            });
        }
    }
}

function withTimeout(promise, what) {
    let timer;
    return Promise.race([
        promise,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing within ${WAIT_MS} ms`)), WAIT_MS))),
    ]).finally(() => clearTimeout(timer));
}

function emitWithAckArgs(socket, event, ...args) {
    return withTimeout(new Promise((resolve) => socket.emit(event, ...args, (...ackArgs) => resolve(plain(ackArgs)))), `ack for "${event}"`);
}

function expectEqual(actual, expected, what) {
    if (show(actual) !== show(expected)) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

// --- the scenario --------------------------------------------------------------------------------

const modes = {
    polling: { transports: ["polling"], finalTransport: "polling" },
    websocket: { transports: ["websocket"], finalTransport: "websocket" },
    default: { transports: undefined, finalTransport: "websocket" },
};

// Steps of one mode, run in order against one server pair; each returns what it observed (compared
// across servers) and throws when an expectation fails. A failed step makes the later ones of the same
// mode fail too ("skipped: an earlier step failed").
function steps(modeName) {
    const mode = modes[modeName];
    const options = (extra = {}) => ({
        reconnection: false,
        timeout: WAIT_MS,
        ...(mode.transports ? { transports: mode.transports } : {}),
        ...extra,
    });
    return [
        ["connect to / with auth, auth event echoes it", async (ctx) => {
            ctx.manager = new Manager(`http://127.0.0.1:${ctx.ports.main}`, options());
            ctx.upgraded = new Promise((resolve) => ctx.manager.once("open", () => ctx.manager.engine.once("upgrade", () => resolve(ctx.manager.engine.transport.name))));
            ctx.main = new Recorder(ctx.manager.socket("/", { auth: { token: "abc", n: 1 } }));
            const [connect] = await ctx.main.waitFor("connect");
            const [auth] = await ctx.main.waitFor("auth");
            expectEqual(connect, ["connect", { idIsString: true }], "connect");
            expectEqual(auth, ["auth", [{ token: "abc", n: 1 }]], "auth event");
            return ctx.main.log.slice();
        }],
        ["emit with ack gets its own args back", async (ctx) => {
            const args = await emitWithAckArgs(ctx.main.socket, "ack-me", 1, "two", { three: [3, null, true] });
            expectEqual(args, [1, "two", { three: [3, null, true] }], "ack args");
            return args;
        }],
        ["message is re-emitted as message-back", async (ctx) => {
            const from = ctx.main.log.length;
            ctx.main.socket.emit("message", "hello", [1, 2], { a: null, "é": "ü" });
            const [entry] = await ctx.main.waitFor("message-back", from);
            expectEqual(entry, ["message-back", ["hello", [1, 2], { a: null, "é": "ü" }]], "message-back");
            return entry;
        }],
        ["binary payloads round trip in an event", async (ctx) => {
            const from = ctx.main.log.length;
            ctx.main.socket.emit("message", Buffer.from([1, 2, 3]), { nested: Buffer.from([0, 255]), s: "x" }, Buffer.alloc(0));
            const [entry] = await ctx.main.waitFor("message-back", from);
            expectEqual(entry, ["message-back", [{ binary: "010203" }, { nested: { binary: "00ff" }, s: "x" }, { binary: "" }]], "binary message-back");
            return entry;
        }],
        ["binary payloads round trip in an ack", async (ctx) => {
            const args = await emitWithAckArgs(ctx.main.socket, "bin-ack", Buffer.from([9, 8, 7]), "t", [Buffer.from("hi")]);
            expectEqual(args, [{ binary: "090807" }, "t", [{ binary: "6869" }]], "binary ack args");
            return args;
        }],
        [`transport is ${mode.finalTransport}${modeName === "default" ? " after the upgrade event" : ""}`, async (ctx) => {
            if (modeName === "default") {
                const name = await withTimeout(ctx.upgraded, "upgrade event");
                expectEqual(name, "websocket", "transport name in the upgrade event");
                const args = await emitWithAckArgs(ctx.main.socket, "after-upgrade", "over ws");
                expectEqual(args, ["over ws"], "ack over the upgraded transport");
            }
            expectEqual(ctx.manager.engine.transport.name, mode.finalTransport, "engine transport");
            return ctx.manager.engine.transport.name;
        }],
        ["custom namespace /custom connects on the same connection", async (ctx) => {
            ctx.custom = new Recorder(ctx.manager.socket("/custom", { auth: { ns: "custom" } }));
            await ctx.custom.waitFor("connect");
            const [auth] = await ctx.custom.waitFor("auth");
            expectEqual(auth, ["auth", [{ ns: "custom" }]], "auth event on /custom");
            const args = await emitWithAckArgs(ctx.custom.socket, "ack-me", "on custom");
            expectEqual(args, ["on custom"], "ack on /custom");
            const from = ctx.custom.log.length;
            ctx.custom.socket.emit("message", "custom hello");
            await ctx.custom.waitFor("message-back", from);
            return ctx.custom.log.slice();
        }],
        ["namespace middleware refusal is a connect_error with message and data", async (ctx) => {
            const guarded = new Recorder(ctx.manager.socket("/guarded"));
            const [entry] = await guarded.waitFor("connect_error");
            expectEqual(entry, ["connect_error", { message: "not authorized", data: { content: "Please retry later" } }], "connect_error");
            expectEqual(guarded.socket.connected, false, "guarded socket connected");
            return guarded.log.slice();
        }],
        ["unknown namespace is a connect_error 'Invalid namespace'", async (ctx) => {
            const unknown = new Recorder(ctx.manager.socket("/nope"));
            const [entry] = await unknown.waitFor("connect_error");
            expectEqual(entry, ["connect_error", { message: "Invalid namespace" }], "connect_error");
            // The refusals leave the shared connection usable.
            const args = await emitWithAckArgs(ctx.main.socket, "ack-me", "still there");
            expectEqual(args, ["still there"], "ack on / after the refusals");
            return unknown.log.slice();
        }],
        ["client-side disconnect", async (ctx) => {
            const engineClosed = new Promise((resolve) => ctx.manager.engine.once("close", (reason) => resolve(reason)));
            const mainFrom = ctx.main.log.length;
            const customFrom = ctx.custom.log.length;
            ctx.custom.socket.disconnect();
            ctx.main.socket.disconnect();
            const [mainEntry] = await ctx.main.waitFor("disconnect", mainFrom);
            const [customEntry] = await ctx.custom.waitFor("disconnect", customFrom);
            expectEqual(mainEntry, ["disconnect", "io client disconnect"], "disconnect on /");
            expectEqual(customEntry, ["disconnect", "io client disconnect"], "disconnect on /custom");
            // With no socket left the manager closes the Engine.IO connection itself.
            const reason = await withTimeout(engineClosed, "engine close");
            expectEqual(reason, "forced close", "engine close reason");
            expectEqual([ctx.main.socket.connected, ctx.custom.socket.connected], [false, false], "connected flags");
            // The whole of what / and /custom reported, so a stray event anywhere shows in the comparison.
            return [ctx.main.log, ctx.custom.log, reason];
        }],
        ["allowRequest refusal is a connect_error", async (ctx) => {
            const manager = new Manager(`http://127.0.0.1:${ctx.ports.refusing}`, options());
            ctx.refusingManager = manager;
            const refused = new Recorder(manager.socket("/"));
            const [entry] = await refused.waitFor("connect_error");
            const expected =
                modeName === "websocket"
                    ? { message: "websocket error", type: "TransportError", description: "Unexpected server response: 400" }
                    : { message: "xhr poll error", type: "TransportError", description: 403, responseText: '{"code":4,"message":"go away"}' };
            expectEqual(entry, ["connect_error", expected], "connect_error");
            return refused.log.slice();
        }],
    ];
}

// --- runner --------------------------------------------------------------------------------------

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corslab-real-client-"));
const profilePaths = {};
for (const [name, server] of Object.entries(profiles)) {
    profilePaths[name] = path.join(dir, `${name}.corslab.json`);
    const profile = { format: "corslab-profile", version: 1, name: `real client ${name}`, server, client: { pageOrigin: "http://localhost:3000" } };
    fs.writeFileSync(profilePaths[name], JSON.stringify(profile, null, 2) + "\n");
}

const label = (target) => (target === "node" ? "node" : "cli");
const servers = new Map();
for (const target of targets) {
    const started = {};
    try {
        for (const name of Object.keys(profiles)) started[name] = await startTarget(target, profilePaths[name]);
        servers.set(target, { ports: Object.fromEntries(Object.entries(started).map(([n, s]) => [n, s.port])), children: Object.values(started).map((s) => s.child) });
    } catch (e) {
        for (const s of Object.values(started)) s.child.kill("SIGTERM");
        servers.set(target, { error: e.message.split("\n")[0], children: [] });
    }
}

process.on("exit", () => {
    for (const server of servers.values()) for (const child of server.children) child.kill("SIGTERM");
});

let passed = 0;
let failed = 0;
const report = (ok, text, why) => {
    if (ok) passed++;
    else failed++;
    console.log(ok ? `ok ${text}` : `not ok ${text}: ${why}`);
};

for (const modeName of Object.keys(modes)) {
    const list = steps(modeName);
    const contexts = targets.map((t) => ({ ports: servers.get(t).ports, error: servers.get(t).error }));
    for (const [title, run] of list) {
        const name = `${modeName} / ${title}`;
        const selected = !filter || name.includes(filter);
        const results = await Promise.all(
            contexts.map(async (ctx) => {
                if (ctx.error) return { error: ctx.error };
                if (ctx.broken) return { error: "skipped: an earlier step of this mode failed" };
                try {
                    return { observed: await run(ctx) };
                } catch (e) {
                    ctx.broken = true;
                    return { error: e.message };
                }
            }),
        );
        if (!selected) continue;
        targets.forEach((t, i) => {
            report(!results[i].error, `${label(t)} ${name}`, results[i].error);
            if (verbose && !results[i].error) console.log(`# ${label(t)} observed ${show(results[i].observed)}`);
        });
        if (targets.length === 2 && results.every((r) => !r.error)) {
            const [a, b] = results.map((r) => show(r.observed));
            report(a === b, `node = cli ${name}`, `node observed ${a}\n      cli observed ${b}`);
        }
    }
    for (const ctx of contexts) {
        ctx.manager?._close?.();
        ctx.refusingManager?._close?.();
    }
}

for (const server of servers.values()) for (const child of server.children) child.kill("SIGTERM");
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
