// Raw-socket HTTP and WebSocket exchanges for the differential suite: exact bytes out, parsed bytes in.
import net from "node:net";
import crypto from "node:crypto";

// Sends `raw` (a Buffer or string) on a fresh connection and reads one HTTP response (or until close /
// timeout). Returns { status, reason, headers: [[name, value]], body: Buffer, timedOut, closed, raw }.
export function httpExchange(port, raw, { timeoutMs = 1000, keepOpen = false } = {}) {
    return new Promise((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        let buffer = Buffer.alloc(0);
        let done = false;
        const finish = (extra) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            const parsed = parseResponse(buffer);
            if (!keepOpen) socket.destroy();
            resolve({ ...parsed, ...extra, raw: buffer, socket });
        };
        const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
        socket.on("data", (chunk) => {
            buffer = Buffer.concat([buffer, chunk]);
            const parsed = parseResponse(buffer);
            if (parsed.complete) finish({});
        });
        socket.on("close", () => finish({ closed: true }));
        socket.on("error", () => finish({ closed: true }));
        socket.write(raw);
    });
}

// Parses as much of an HTTP/1.1 response as `buffer` holds.
export function parseResponse(buffer) {
    const headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) return { complete: false, headers: [], body: Buffer.alloc(0) };
    const lines = buffer.subarray(0, headEnd).toString("latin1").split("\r\n");
    const statusLine = lines.shift();
    const m = /^HTTP\/1\.1 (\d{3}) ?(.*)$/.exec(statusLine);
    const headers = lines.map((line) => {
        const i = line.indexOf(":");
        return [line.slice(0, i), line.slice(i + 1).trim()];
    });
    const get = (name) => headers.find(([n]) => n.toLowerCase() === name)?.[1];
    const rest = buffer.subarray(headEnd + 4);
    const status = m ? Number(m[1]) : 0;
    const base = { status, reason: m ? m[2] : statusLine, headers };
    if (status === 101 || status === 204 || status === 304) {
        return { ...base, complete: true, body: Buffer.alloc(0), rest };
    }
    const length = get("content-length");
    if (length !== undefined) {
        const n = Number(length);
        return { ...base, complete: rest.length >= n, body: rest.subarray(0, n) };
    }
    if ((get("transfer-encoding") ?? "").toLowerCase() === "chunked") {
        const chunks = [];
        let offset = 0;
        while (true) {
            const lineEnd = rest.indexOf("\r\n", offset);
            if (lineEnd < 0) return { ...base, complete: false, body: Buffer.concat(chunks) };
            const size = parseInt(rest.subarray(offset, lineEnd).toString("latin1"), 16);
            if (size === 0) return { ...base, complete: true, body: Buffer.concat(chunks) };
            if (rest.length < lineEnd + 2 + size + 2) return { ...base, complete: false, body: Buffer.concat(chunks) };
            chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
            offset = lineEnd + 2 + size + 2;
        }
    }
    return { ...base, complete: false, body: rest };
}

// Builds a request's bytes: request line, headers in the given order, body with Content-Length.
export function buildRequest({ method = "GET", path, headers = [], body }, port) {
    const lines = [`${method} ${path} HTTP/1.1`];
    const names = headers.map(([n]) => n.toLowerCase());
    if (!names.includes("host")) lines.push(`Host: 127.0.0.1:${port}`);
    for (const [name, value] of headers) lines.push(`${name}: ${value}`);
    const bodyBuffer = body === undefined ? undefined : Buffer.from(body, "utf8");
    if (bodyBuffer && !names.includes("content-length") && !names.includes("transfer-encoding")) {
        lines.push(`Content-Length: ${bodyBuffer.length}`);
    }
    const head = Buffer.from(lines.join("\r\n") + "\r\n\r\n", "latin1");
    return bodyBuffer ? Buffer.concat([head, bodyBuffer]) : head;
}

// A client WebSocket frame (masked, as RFC 6455 requires from clients).
export function encodeFrame(opcode, payload) {
    const data = Buffer.isBuffer(payload) ? payload : Buffer.from(payload ?? "", "utf8");
    const mask = crypto.randomBytes(4);
    let header;
    if (data.length < 126) {
        header = Buffer.from([0x80 | opcode, 0x80 | data.length]);
    } else if (data.length < 65536) {
        header = Buffer.alloc(4);
        header[0] = 0x80 | opcode;
        header[1] = 0x80 | 126;
        header.writeUInt16BE(data.length, 2);
    } else {
        header = Buffer.alloc(10);
        header[0] = 0x80 | opcode;
        header[1] = 0x80 | 127;
        header.writeBigUInt64BE(BigInt(data.length), 2);
    }
    const masked = Buffer.from(data);
    for (let i = 0; i < masked.length; i++) masked[i] ^= mask[i % 4];
    return Buffer.concat([header, mask, masked]);
}

// Splits server frames off `buffer`; returns { frames: [{type, data}], rest }.
export function decodeFrames(buffer) {
    const frames = [];
    let offset = 0;
    while (buffer.length - offset >= 2) {
        const b0 = buffer[offset];
        const b1 = buffer[offset + 1];
        let length = b1 & 0x7f;
        let pos = offset + 2;
        if (length === 126) {
            if (buffer.length < pos + 2) break;
            length = buffer.readUInt16BE(pos);
            pos += 2;
        } else if (length === 127) {
            if (buffer.length < pos + 8) break;
            length = Number(buffer.readBigUInt64BE(pos));
            pos += 8;
        }
        if (b1 & 0x80) pos += 4; // servers do not mask; tolerate it anyway
        if (buffer.length < pos + length) break;
        const data = buffer.subarray(pos, pos + length);
        const opcode = b0 & 0x0f;
        if (opcode === 1) frames.push({ type: "text", data: data.toString("utf8") });
        else if (opcode === 2) frames.push({ type: "binary", data: data.toString("hex") });
        else if (opcode === 8) frames.push({ type: "close", code: data.length >= 2 ? data.readUInt16BE(0) : null, reason: data.subarray(2).toString("utf8") });
        else if (opcode === 9) frames.push({ type: "ping" });
        else if (opcode === 10) frames.push({ type: "pong" });
        else frames.push({ type: `opcode-${opcode}` });
        offset = pos + length;
    }
    return { frames, rest: buffer.subarray(offset) };
}

// A WebSocket conversation on one raw socket: handshake, then scripted sends and receives.
export class RawWebSocket {
    constructor(port) {
        this.port = port;
        this.buffer = Buffer.alloc(0);
        this.frames = [];
        this.closed = false;
        this.waiters = [];
    }

    // Sends the upgrade request; resolves with the parsed handshake response (status 101 or an error).
    open(path, headers = []) {
        return new Promise((resolve) => {
            const socket = net.connect(this.port, "127.0.0.1");
            this.socket = socket;
            let handshakeDone = false;
            const timer = setTimeout(() => {
                if (!handshakeDone) {
                    handshakeDone = true;
                    resolve({ ...parseResponse(this.buffer), timedOut: true });
                }
            }, 1000);
            socket.on("data", (chunk) => {
                this.buffer = Buffer.concat([this.buffer, chunk]);
                if (!handshakeDone) {
                    const parsed = parseResponse(this.buffer);
                    if (!parsed.complete) return;
                    handshakeDone = true;
                    clearTimeout(timer);
                    const headEnd = this.buffer.indexOf("\r\n\r\n") + 4;
                    if (parsed.status === 101) this.buffer = this.buffer.subarray(headEnd);
                    else this.buffer = Buffer.alloc(0);
                    resolve(parsed);
                }
                this.pump();
            });
            const onClose = () => {
                this.closed = true;
                if (!handshakeDone) {
                    handshakeDone = true;
                    clearTimeout(timer);
                    resolve({ ...parseResponse(this.buffer), closed: true });
                }
                this.pump();
            };
            socket.on("close", onClose);
            socket.on("error", () => {});
            const all = [
                ["Host", `127.0.0.1:${this.port}`],
                ["Connection", "Upgrade"],
                ["Upgrade", "websocket"],
                ["Sec-WebSocket-Version", "13"],
                ["Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="],
                ...headers,
            ];
            socket.write(`GET ${path} HTTP/1.1\r\n${all.map(([n, v]) => `${n}: ${v}`).join("\r\n")}\r\n\r\n`);
        });
    }

    pump() {
        const { frames, rest } = decodeFrames(this.buffer);
        this.buffer = rest;
        this.frames.push(...frames);
        for (const w of this.waiters.splice(0)) w();
    }

    send(text) {
        this.socket.write(encodeFrame(1, text));
    }
    sendBinary(hex) {
        this.socket.write(encodeFrame(2, Buffer.from(hex, "hex")));
    }
    sendClose(code) {
        const payload = code === undefined ? Buffer.alloc(0) : Buffer.from([code >> 8, code & 0xff]);
        this.socket.write(encodeFrame(8, payload));
    }

    // Waits until `count` frames have arrived in total (or the socket closed, or the timeout passed).
    async waitFrames(count, timeoutMs = 1000) {
        const deadline = Date.now() + timeoutMs;
        while (this.frames.length < count && !this.closed && Date.now() < deadline) {
            await new Promise((resolve) => {
                this.waiters.push(resolve);
                setTimeout(resolve, Math.max(1, deadline - Date.now()));
            });
        }
        return this.frames.slice();
    }

    destroy() {
        this.socket?.destroy();
    }
}
