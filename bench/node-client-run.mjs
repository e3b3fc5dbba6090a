// The DESIGN §7 one-run scenario done by the real Node packages, as the yardstick for `corslab-cli run`:
// the Node reference server (tests/interop/reference-server.mjs: socket.io 4.8.4 + cors 2.8.6) started
// in this process from the profile, the real socket.io-client 4.8.4 connecting with the profile's
// client options (extraHeaders, withCredentials; Node has no CORS), waiting for the upgrade to
// WebSocket, emitting the profile's events with their acks, disconnecting and exiting — the same
// work one `corslab-cli run PROFILE --no-fix` process does (its server and client in one process).
//
//   node bench/node-client-run.mjs [PROFILE] [--verbose]
//
// PROFILE defaults to bench/profiles/full-run.corslab.json. Exit 0 when connected, upgraded and every
// ack came back; 1 otherwise (with the reason on stderr).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const verbose = argv.includes("--verbose");
const profilePath = path.resolve(argv.find((a) => !a.startsWith("--")) ?? path.join(here, "profiles/full-run.corslab.json"));
const profile = JSON.parse(fs.readFileSync(profilePath, "utf8"));
const require = createRequire(path.join(here, "../tests/node/package.json"));
const { io } = require("socket.io-client");
const started = process.hrtime.bigint();
const log = (line) => verbose && process.stderr.write(`${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1).padStart(7)} ms  ${line}\n`);

function fail(message) {
    process.stderr.write(`node-client-run: ${message}\n`);
    process.exit(1);
}
setTimeout(() => fail("no result within 10 s"), 10000).unref();

// The reference server is a script (argv in, "listening http://127.0.0.1:PORT" out); run it in this
// process the way `node reference-server.mjs PROFILE --port 0` would, and take the port from its line.
const port = await new Promise((resolve, reject) => {
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk, ...rest) => {
        const m = /listening http:\/\/[^:]+:(\d+)/.exec(String(chunk));
        if (m) {
            process.stdout.write = write;
            resolve(Number(m[1]));
            return true;
        }
        return write(chunk, ...rest);
    };
    process.argv = [process.argv[0], "reference-server.mjs", profilePath, "--port", "0"];
    import("../tests/interop/reference-server.mjs").catch(reject);
});
log(`server listening on ${port}`);

const c = profile.client ?? {};
const url = `http://localhost:${port}${c.namespace && c.namespace !== "/" ? c.namespace : ""}`;
const socket = io(url, { ...(c.options ?? {}), reconnection: false });
const upgraded = new Promise((resolve) => {
    socket.io.on("open", () => {
        const engine = socket.io.engine;
        if (engine.transport.name === "websocket") resolve();
        engine.on("upgrade", (transport) => {
            log(`upgraded to ${transport.name}`);
            resolve();
        });
    });
});
socket.on("connect_error", (err) => fail(`connect_error: ${err.message}`));
socket.on("disconnect", (reason) => reason !== "io client disconnect" && fail(`disconnect: ${reason}`));
await new Promise((resolve) => socket.on("connect", resolve));
log(`connected (${socket.io.engine.transport.name})`);
await upgraded;
for (const step of c.emit ?? []) {
    const args = step.args ?? [];
    if (step.ack) {
        const reply = await new Promise((resolve) => socket.emit(step.event, ...args, (...r) => resolve(r)));
        log(`ack for ${step.event}: ${JSON.stringify(reply)}`);
    } else {
        socket.emit(step.event, ...args);
    }
}
socket.disconnect();
log("disconnected");
process.exit(0);
