// The Node reference: socket.io 4.8.4 (+ cors 2.8.6) started from a CorsLab profile, with the same test
// application the embedded server runs. Prints "listening http://127.0.0.1:PORT" once ready.
//
//   node reference-server.mjs PROFILE.corslab.json [--port N]
//
// The profile's options are translated the way a user would write them in JavaScript: {"regex": s,
// "flags": f} becomes new RegExp(s, f), {"function": src} becomes the function itself.
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";

// The pinned npm packages live in tests/node (one lockfile for every Node-side test).
const require = createRequire(new URL("../node/package.json", import.meta.url));
const { Server } = require("socket.io");

function fail(message) {
    process.stderr.write(`reference-server: ${message}\n`);
    process.exit(2);
}

const args = process.argv.slice(2);
if (args.length < 1) fail("usage: node reference-server.mjs PROFILE [--port N]");
const profile = JSON.parse(fs.readFileSync(args[0], "utf8"));
const portIndex = args.indexOf("--port");
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 0;

function toFunction(value) {
    // The user's own source, evaluated as an expression in the global scope.
    return (0, eval)(`(${value.function})`);
}

function toOrigin(value) {
    if (Array.isArray(value)) return value.map(toOrigin);
    if (value && typeof value === "object") {
        if ("regex" in value) return new RegExp(value.regex, value.flags ?? "");
        if ("function" in value) return toFunction(value);
    }
    return value;
}

const s = profile.server ?? {};
const options = { serveClient: false };
for (const key of [
    "path", "addTrailingSlash", "transports", "allowUpgrades", "pingInterval", "pingTimeout",
    "upgradeTimeout", "maxHttpBufferSize", "connectTimeout", "cookie", "allowEIO3", "initialPacket",
]) {
    if (key in s) options[key] = s[key];
}
if (s.httpCompression === false) options.httpCompression = false;
if ("cors" in s) {
    if (typeof s.cors === "boolean") {
        options.cors = s.cors;
    } else {
        options.cors = { ...s.cors };
        if ("origin" in s.cors) options.cors.origin = toOrigin(s.cors.origin);
    }
}
if (s.allowRequest) options.allowRequest = toFunction(s.allowRequest);

// What `new Server(port)` does for requests outside the Socket.IO path.
const httpServer = http.createServer((req, res) => {
    res.writeHead(404);
    res.end();
});
const io = new Server(httpServer, options);

function testApplication(nsp) {
    nsp.on("connection", (socket) => {
        socket.emit("auth", socket.handshake.auth);
        socket.on("message", (...eventArgs) => socket.emit("message-back", ...eventArgs));
        socket.onAny((event, ...eventArgs) => {
            const ack = eventArgs[eventArgs.length - 1];
            if (typeof ack === "function") ack(...eventArgs.slice(0, -1));
        });
    });
}

testApplication(io.of("/"));
for (const ns of s.namespaces ?? []) {
    const nsp = io.of(ns.name);
    if (ns.middleware) nsp.use(toFunction(ns.middleware));
    if (ns.name !== "/") testApplication(nsp);
}

httpServer.listen(port, s.host ?? "127.0.0.1", () => {
    process.stdout.write(`listening http://${s.host ?? "127.0.0.1"}:${httpServer.address().port}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
        io.close();
        process.exit(0);
    });
}
