// A forward proxy on 127.0.0.1 that puts the test page at any origin (http://localhost:3000,
// https://example.com, the server's own origin...) without binding that origin's port: the browser
// sends every request through it; requests for the page origin's two test files are answered here
// (https by terminating the CONNECT tunnel with a throw-away certificate), everything else is
// forwarded to the embedded server on loopback. Every other destination is refused (502).
// It records the requests it forwards (method, path, Origin header, WebSocket or not) and the status
// line and body of WebSocket handshakes it tunnels, so a test can check what the server received.
import http from "node:http";
import net from "node:net";
import tls from "node:tls";

export const PAGE_PATH = "/corslab-browser-test.html";
export const CLIENT_PATH = "/corslab-socket.io.min.js";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"]);

// Parses "Origin:" and the request line from the first bytes of a tunnelled HTTP request.
function sniffRequest(buffer) {
    const text = buffer.toString("latin1");
    const end = text.indexOf("\r\n\r\n");
    if (end < 0) return null;
    const lines = text.slice(0, end).split("\r\n");
    const [method, target] = lines[0].split(" ");
    const header = (name) =>
        lines.slice(1).find((l) => l.toLowerCase().startsWith(name + ":"))?.slice(name.length + 1).trim();
    return { method, path: target, origin: header("origin") ?? null, websocket: /websocket/i.test(header("upgrade") ?? "") };
}

// The complete body after `head` (Content-Length or chunked), or null while incomplete.
function bodyOf(head, bytes) {
    if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
        const chunks = [];
        let at = 0;
        for (;;) {
            const lineEnd = bytes.indexOf("\r\n", at);
            if (lineEnd < 0) return null;
            const size = parseInt(bytes.subarray(at, lineEnd).toString("latin1"), 16);
            if (Number.isNaN(size)) return null;
            if (size === 0) return Buffer.concat(chunks).toString("utf8");
            if (bytes.length < lineEnd + 2 + size + 2) return null;
            chunks.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
    }
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    return bytes.length >= length ? bytes.subarray(0, length).toString("utf8") : null;
}

export class PageProxy {
    // tlsCredentials: { key, cert } (PEM) for https page origins.
    constructor({ tlsCredentials, clientScript }) {
        this.tlsCredentials = tlsCredentials;
        this.clientScript = clientScript;
        this.page = null; // { origin: "http://localhost:3000", html, headers }
        this.log = [];
        this.sockets = new Set();
        this.server = http.createServer((req, res) => this.onRequest(req, res, null));
        // Requests arriving inside a terminated TLS tunnel: relative URLs, origin from the tunnel.
        this.tlsServer = http.createServer((req, res) => this.onRequest(req, res, req.socket.corslabOrigin));
        this.server.on("connect", (req, socket, head) => this.onConnect(req, socket, head));
        this.server.on("upgrade", (req, socket, head) => this.onUpgrade(req, socket, head));
        this.server.on("connection", (s) => this.track(s));
    }

    track(socket) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {});
    }

    listen() {
        return new Promise((resolve) =>
            this.server.listen(0, "127.0.0.1", () => resolve((this.port = this.server.address().port))));
    }

    // The page the next navigation to `origin` gets, and the only loopback port requests are
    // forwarded to (the embedded server's); clears the request log.
    setPage(origin, html, { headers = {}, serverPort }) {
        this.page = { origin, html, headers, serverPort };
        this.log = [];
    }

    forwardable(hostname, port) {
        return LOOPBACK.has(hostname) && this.page && Number(port) === this.page.serverPort;
    }

    close() {
        for (const s of this.sockets) s.destroy();
        this.server.close();
        this.tlsServer.close();
    }

    onRequest(req, res, tunnelOrigin) {
        let url;
        try {
            url = new URL(tunnelOrigin ? tunnelOrigin + req.url : req.url);
        } catch {
            res.writeHead(400).end();
            return;
        }
        if (this.page && url.origin === this.page.origin && (url.pathname === PAGE_PATH || url.pathname === CLIENT_PATH)) {
            this.log.push({ method: req.method, path: url.pathname, origin: req.headers.origin ?? null, page: true });
            const isPage = url.pathname === PAGE_PATH;
            res.writeHead(200, {
                "Content-Type": isPage ? "text/html; charset=utf-8" : "application/javascript; charset=utf-8",
                "Cache-Control": "no-store",
                ...(isPage ? this.page.headers : {}),
            });
            res.end(isPage ? this.page.html : this.clientScript);
            return;
        }
        if (url.protocol !== "http:" || !this.forwardable(url.hostname, url.port)) {
            this.log.push({ method: req.method, path: url.href, origin: req.headers.origin ?? null, refused: true });
            res.writeHead(502, { "Content-Type": "text/plain" }).end("corslab test proxy: no route to " + url.host);
            return;
        }
        this.log.push({ method: req.method, path: url.pathname + url.search, origin: req.headers.origin ?? null, port: Number(url.port) });
        const headers = [];
        for (let i = 0; i < req.rawHeaders.length; i += 2) {
            if (!HOP_BY_HOP.has(req.rawHeaders[i].toLowerCase())) headers.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
        }
        const upstream = http.request(
            { host: "127.0.0.1", port: url.port || 80, method: req.method, path: url.pathname + url.search, headers, agent: false },
            (up) => {
                // Raw header lines, so repeated headers (two Access-Control-Allow-Origin) stay two lines.
                const lines = [];
                for (let i = 0; i < up.rawHeaders.length; i += 2) {
                    if (!HOP_BY_HOP.has(up.rawHeaders[i].toLowerCase())) lines.push([up.rawHeaders[i], up.rawHeaders[i + 1]]);
                }
                res.writeHead(up.statusCode, up.statusMessage, lines.flat());
                up.pipe(res);
            });
        upstream.on("error", () => {
            if (!res.headersSent) res.writeHead(502).end();
            else res.destroy();
        });
        req.pipe(upstream);
    }

    onConnect(req, socket, head) {
        const [host, portText] = req.url.startsWith("[") ? [req.url.slice(0, req.url.indexOf("]") + 1), req.url.split("]:")[1]] : req.url.split(":");
        const port = Number(portText);
        const origin = `https://${host}${port === 443 ? "" : ":" + port}`;
        if (this.page && this.page.origin === origin) {
            socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
            const secure = new tls.TLSSocket(socket, { isServer: true, ...this.tlsCredentials });
            secure.corslabOrigin = origin;
            secure.on("error", () => socket.destroy());
            if (head.length) socket.unshift(head);
            this.tlsServer.emit("connection", secure);
            return;
        }
        if (!this.forwardable(host, port)) {
            this.log.push({ method: "CONNECT", path: req.url, refused: true });
            socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
            return;
        }
        // A plain tunnel to loopback: ws:// (both browsers tunnel WebSockets through CONNECT).
        this.tunnel(socket, port, head, () => socket.write("HTTP/1.1 200 Connection Established\r\n\r\n"));
    }

    // ws:// requests a browser sends to the proxy as plain HTTP with Upgrade (not used by current
    // browsers, handled in case): forwarded byte for byte.
    onUpgrade(req, socket, head) {
        const url = new URL(req.url);
        if (!this.forwardable(url.hostname, url.port)) {
            socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
            return;
        }
        let raw = `${req.method} ${url.pathname}${url.search} HTTP/1.1\r\n`;
        for (let i = 0; i < req.rawHeaders.length; i += 2) {
            if (req.rawHeaders[i].toLowerCase() !== "proxy-connection") raw += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
        }
        this.tunnel(socket, Number(url.port) || 80, Buffer.concat([Buffer.from(raw + "\r\n"), head]), () => {});
    }

    tunnel(socket, port, head, onOpen) {
        const entry = { method: "?", path: "", origin: null, port, tunnel: true };
        this.log.push(entry);
        let requestBytes = Buffer.from(head);
        let responseBytes = Buffer.alloc(0);
        const onRequestData = (d) => {
            requestBytes = Buffer.concat([requestBytes, d]);
            const r = sniffRequest(requestBytes);
            if (r || requestBytes.length > 16384) {
                socket.off("data", onRequestData);
                Object.assign(entry, r ?? {});
            }
        };
        const onResponseData = (d) => {
            responseBytes = Buffer.concat([responseBytes, d]);
            const text = responseBytes.toString("latin1");
            const end = text.indexOf("\r\n\r\n");
            if (end < 0 && responseBytes.length <= 16384) return;
            entry.status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]) || null;
            if (entry.status === 101 || end < 0) {
                upstream.off("data", onResponseData);
                return;
            }
            // The body of a refused handshake: engine.io's error message, as text (upgrade refused)
            // or as its JSON error (a request without a usable Upgrade, answered as plain HTTP).
            const body = bodyOf(text.slice(0, end), responseBytes.subarray(end + 4));
            if (body !== null || responseBytes.length > 16384) {
                entry.body = body;
                upstream.off("data", onResponseData);
            }
        };
        const upstream = net.connect(port, "127.0.0.1", () => {
            onOpen();
            if (head.length) {
                upstream.write(head);
                onRequestData(Buffer.alloc(0));
            }
            if (!sniffRequest(requestBytes)) socket.on("data", onRequestData);
            upstream.on("data", onResponseData);
            socket.pipe(upstream);
            upstream.pipe(socket);
        });
        this.track(upstream);
        upstream.on("error", () => socket.destroy());
        socket.on("error", () => upstream.destroy());
        socket.on("close", () => upstream.destroy());
        upstream.on("close", () => socket.destroy());
    }
}
