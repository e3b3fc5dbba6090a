// The differential suite: the same scripted raw HTTP requests and WebSocket frames go to the Node
// reference (socket.io 4.8.4 + cors 2.8.6) and to CorsLab's embedded server, started from the same
// profile; status, headers (names case-insensitive, order kept) and bodies must be equal once session
// ids and dates are masked.
//
//   node diff.mjs --a node --b cli:/path/to/corslab-cli [--filter TEXT] [--verbose]
//
// A target is "node" (reference-server.mjs) or "cli:PATH" (`corslab-cli serve PROFILE --port 0`).
// Ends with "N passed, M failed"; exit 1 when any case differs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { buildRequest, httpExchange, RawWebSocket } from "./wire.mjs";
import { groups } from "./cases.mjs";
import { startTarget } from "./targets.mjs";

const argv = process.argv.slice(2);
const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
};
const targetA = option("--a", "node");
const targetB = option("--b", "node");
const filter = option("--filter", "");
const verbose = argv.includes("--verbose");

function substitute(text, ctx) {
    if (typeof text !== "string") return text;
    return text.replace(/\$\{(sid\d*)\}/g, (_, name) => {
        const index = name === "sid" ? ctx.sids.length - 1 : Number(name.slice(3)) - 1;
        return ctx.sids[index] ?? "NO-SID";
    });
}

function remember(ctx, text) {
    // Plain JSON, or JSON inside a JSONP string ("___eio[0](\"0{\\\"sid\\\":...").
    for (const m of text.matchAll(/\\?"sid\\?":\\?"([A-Za-z0-9_-]+)\\?"/g)) {
        if (!ctx.allIds.includes(m[1])) ctx.allIds.push(m[1]);
    }
    const open =
        /^0\{"sid":"([A-Za-z0-9_-]+)"/.exec(text) ??
        /\d+:0\{"sid":"([A-Za-z0-9_-]+)"/.exec(text) ??
        /^___eio\[\d*\]\("\d*:?0\{\\"sid\\":\\"([A-Za-z0-9_-]+)\\"/.exec(text);
    if (open && !ctx.sids.includes(open[1])) ctx.sids.push(open[1]);
}

function describeResponse(r, ctx) {
    if (r.status === 0 && !r.headers.length) {
        return { noResponse: r.timedOut ? "timeout" : "closed", bytes: r.raw.toString("latin1") };
    }
    let body = r.body;
    const encoding = r.headers.find(([n]) => n.toLowerCase() === "content-encoding")?.[1];
    if (encoding === "gzip") body = zlib.gunzipSync(body);
    else if (encoding === "deflate") body = zlib.inflateSync(body);
    const text = body.toString("utf8");
    remember(ctx, text);
    const entry = {
        status: r.status,
        reason: r.reason,
        headers: r.headers.map(([n, v]) => [n.toLowerCase(), v]),
        body: text,
    };
    if (!r.complete) entry.incomplete = r.timedOut ? "timeout" : "closed";
    return entry;
}

async function runSteps(port, steps) {
    const ctx = { sids: [], allIds: [], pending: new Map(), sockets: new Map() };
    const transcript = [];
    const record = (label, value) => transcript.push([label, value]);
    for (const step of steps) {
        if (step.wait) {
            await new Promise((r) => setTimeout(r, step.wait));
        } else if (step.http) {
            const req = { ...step.http, path: substitute(step.http.path, ctx), body: substitute(step.http.body, ctx) };
            const bytes = buildRequest(req, port);
            const promise = httpExchange(port, bytes, { timeoutMs: step.timeoutMs ?? 1000 });
            if (step.as) ctx.pending.set(step.as, promise);
            else record(`${req.method ?? "GET"} ${step.http.path}`, describeResponse(await promise, ctx));
        } else if (step.raw !== undefined) {
            const r = await httpExchange(port, Buffer.from(substitute(step.raw, ctx), "latin1"), { timeoutMs: step.timeoutMs ?? 1000 });
            record(`raw ${JSON.stringify(step.raw.slice(0, 40))}`, describeResponse(r, ctx));
        } else if (step.await) {
            record(`await ${step.await}`, describeResponse(await ctx.pending.get(step.await), ctx));
        } else if (step.ws) {
            let ws = ctx.sockets.get(step.ws);
            if (step.open) {
                ws = new RawWebSocket(port);
                ctx.sockets.set(step.ws, ws);
                const r = await ws.open(substitute(step.open.path, ctx), step.open.headers ?? []);
                record(`ws ${step.ws} open ${step.open.path}`, describeResponse({ ...r, raw: Buffer.alloc(0), complete: true }, ctx));
                ws.seen = 0;
            }
            if (step.send !== undefined) ws.send(substitute(step.send, ctx));
            if (step.sendBinary !== undefined) ws.sendBinary(step.sendBinary);
            if (step.sendClose !== undefined) ws.sendClose(step.sendClose === true ? undefined : step.sendClose);
            if (step.recv !== undefined) {
                const frames = await ws.waitFrames(ws.seen + step.recv, step.timeoutMs ?? 1000);
                const fresh = frames.slice(ws.seen);
                ws.seen = frames.length;
                for (const f of fresh) if (f.type === "text") remember(ctx, f.data);
                record(`ws ${step.ws} frames`, { frames: fresh, closed: ws.closed });
            }
        }
    }
    for (const ws of ctx.sockets.values()) ws.destroy();
    return mask(transcript, ctx);
}

function mask(transcript, ctx) {
    let json = JSON.stringify(transcript);
    ctx.allIds.forEach((id, i) => {
        json = json.split(id).join(`<id${i + 1}>`);
    });
    json = json.replace(/"date","[^"]*"/g, '"date","<date>"');
    return JSON.parse(json);
}

function writeProfile(dir, group) {
    const file = path.join(dir, `${group.name.replace(/[^a-z0-9]+/gi, "-")}.corslab.json`);
    const profile = {
        format: "corslab-profile",
        version: 1,
        name: group.name,
        server: group.server ?? {},
        client: { pageOrigin: "http://localhost:3000" },
    };
    fs.writeFileSync(file, JSON.stringify(profile, null, 2) + "\n");
    return file;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corslab-diff-"));
let passed = 0;
let failed = 0;
for (const group of groups) {
    const cases = group.cases.filter((c) => `${group.name} ${c.name}`.includes(filter));
    if (!cases.length) continue;
    const profilePath = writeProfile(dir, group);
    const started = await Promise.allSettled([startTarget(targetA, profilePath), startTarget(targetB, profilePath)]);
    const failure = started.find((r) => r.status === "rejected");
    if (failure) {
        // Stop whichever server did start, so no process outlives the run.
        for (const r of started) if (r.status === "fulfilled") r.value.child.kill("SIGTERM");
        for (const c of cases) {
            console.log(`not ok ${group.name} / ${c.name}: ${failure.reason.message.split("\n")[0]}`);
            failed++;
        }
        continue;
    }
    const [a, b] = started.map((r) => r.value);
    for (const c of cases) {
        const label = `${group.name} / ${c.name}`;
        const [ta, tb] = await Promise.all([runSteps(a.port, c.steps), runSteps(b.port, c.steps)]);
        const ja = JSON.stringify(ta, null, 1);
        const jb = JSON.stringify(tb, null, 1);
        if (ja === jb) {
            passed++;
            console.log(`ok ${label}`);
            if (verbose) console.log(ja);
        } else {
            failed++;
            console.log(`not ok ${label}`);
            const la = ja.split("\n");
            const lb = jb.split("\n");
            for (let i = 0; i < Math.max(la.length, lb.length); i++) {
                if (la[i] !== lb[i]) console.log(`   ${i}: ${targetA}: ${la[i]}\n   ${i}: ${targetB}: ${lb[i]}`);
            }
        }
    }
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
