// A HAR 1.2 recorder over the DevTools protocol: it listens to a page's Network.* events and writes
// what DevTools' own "Save all as HAR" keeps (creator "WebInspector", _resourceType, preflights as
// their own entries, WebSocket handshakes with _webSocketMessages), taking the headers from the
// *ExtraInfo events — the raw lines on the wire, also for a response CORS refused, whose
// responseReceived never comes. A refused request keeps its status and headers and gets
// response._error (the net error) and _corsError/_corsErrorParameter (corsErrorStatus).
//
//   const recorder = new HarRecorder(cdp, { pageUrl });  // before Network.enable
//   ... the page runs ...
//   const har = await recorder.har({ name, version });   // after the page finished

const lines = (headers) => {
    const out = [];
    for (const [name, value] of Object.entries(headers ?? {})) {
        // DevTools joins repeated header lines with "\n".
        for (const v of String(value).split("\n")) out.push({ name, value: v });
    }
    return out;
};

const queryString = (url) => {
    try {
        return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
    } catch {
        return [];
    }
};

const resourceType = (type) => (type ? String(type).toLowerCase() : "other");

export class HarRecorder {
    constructor(cdp, { pageUrl = "" } = {}) {
        this.pageUrl = pageUrl;
        this.requests = new Map(); // requestId → record (a redirect starts a new record)
        this.order = [];
        this.bodies = [];
        this.started = null;
        const get = (id) => this.requests.get(id);
        cdp.on("Network.requestWillBeSent", (e) => {
            const previous = get(e.requestId);
            if (previous && e.redirectResponse) {
                // The redirect's response closes the previous hop; the new hop gets its own entry.
                previous.status = previous.status || e.redirectResponse.status;
                previous.statusText = previous.statusText || e.redirectResponse.statusText;
                if (!previous.responseHeaders) previous.responseHeaders = lines(e.redirectResponse.headers);
                previous.redirectURL = e.request.url;
                previous.done = true;
                this.requests.delete(e.requestId);
            }
            const record = {
                id: e.requestId,
                url: e.request.url,
                method: e.request.method,
                headers: lines(e.request.headers),
                postData: e.request.postData,
                type: resourceType(e.type),
                wallTime: e.wallTime,
                timestamp: e.timestamp,
                status: 0,
                statusText: "",
                responseHeaders: null,
                protocol: "http/1.1",
                messages: [],
            };
            if (e.initiator?.type === "preflight" || e.type === "Preflight") record.type = "preflight";
            if (this.started === null) this.started = e.wallTime;
            this.requests.set(e.requestId, record);
            this.order.push(record);
            // Extra info may come first; it waits in pendingExtra.
            const extra = this.pendingExtra?.get(e.requestId);
            if (extra) {
                this.pendingExtra.delete(e.requestId);
                for (const f of extra) f(record);
            }
        });
        const withRecord = (id, f) => {
            const record = get(id);
            if (record) return f(record);
            this.pendingExtra ??= new Map();
            if (!this.pendingExtra.has(id)) this.pendingExtra.set(id, []);
            this.pendingExtra.get(id).push(f);
        };
        cdp.on("Network.requestWillBeSentExtraInfo", (e) => withRecord(e.requestId, (r) => {
            r.headers = lines(e.headers);
        }));
        cdp.on("Network.responseReceivedExtraInfo", (e) => withRecord(e.requestId, (r) => {
            r.responseHeaders = lines(e.headers);
            r.status = e.statusCode;
            const first = /^HTTP\/[\d.]+ \d+ ?(.*)\r?\n/.exec(e.headersText ?? "");
            if (first && !r.statusText) r.statusText = first[1];
        }));
        cdp.on("Network.responseReceived", (e) => withRecord(e.requestId, (r) => {
            r.status = r.status || e.response.status;
            r.statusText = e.response.statusText || r.statusText;
            if (!r.responseHeaders) r.responseHeaders = lines(e.response.headers);
            r.mimeType = e.response.mimeType;
            r.protocol = e.response.protocol ?? r.protocol;
        }));
        cdp.on("Network.loadingFinished", (e) => {
            const r = get(e.requestId);
            if (!r || r.type === "preflight") return;
            r.done = true;
            this.bodies.push(
                cdp.send("Network.getResponseBody", { requestId: e.requestId })
                    .then((b) => {
                        r.body = b.base64Encoded ? Buffer.from(b.body, "base64").toString("utf8") : b.body;
                    })
                    .catch(() => {}),
            );
        });
        cdp.on("Network.loadingFailed", (e) => {
            const r = get(e.requestId);
            if (!r) return;
            r.error = e.errorText;
            if (e.corsErrorStatus) r.cors = e.corsErrorStatus;
            r.done = true;
        });
        // WebSocket: created → handshake request → 101 (or an error) → frames → closed.
        cdp.on("Network.webSocketCreated", (e) => {
            const record = { id: e.requestId, url: e.url, method: "GET", headers: [], type: "websocket", status: 0, statusText: "", responseHeaders: null, protocol: "http/1.1", messages: [] };
            this.requests.set(e.requestId, record);
            this.order.push(record);
        });
        cdp.on("Network.webSocketWillSendHandshakeRequest", (e) => withRecord(e.requestId, (r) => {
            r.wallTime = e.wallTime;
            r.timestamp = e.timestamp;
            if (this.started === null) this.started = e.wallTime;
            r.headers = lines(e.request.headers);
        }));
        cdp.on("Network.webSocketHandshakeResponseReceived", (e) => withRecord(e.requestId, (r) => {
            r.status = e.response.status;
            r.statusText = e.response.statusText;
            r.responseHeaders = lines(e.response.headers);
        }));
        const frame = (type) => (e) => withRecord(e.requestId, (r) => {
            // Frame timestamps are monotonic seconds; the handshake's wallTime anchors them.
            const time = r.wallTime !== undefined && r.timestamp !== undefined ? r.wallTime + (e.timestamp - r.timestamp) : e.timestamp;
            r.messages.push({ type, time, opcode: e.response.opcode, data: e.response.payloadData });
        });
        cdp.on("Network.webSocketFrameSent", frame("send"));
        cdp.on("Network.webSocketFrameReceived", frame("receive"));
        cdp.on("Network.webSocketFrameError", (e) => withRecord(e.requestId, (r) => {
            r.error = e.errorMessage;
        }));
    }

    async har({ name = "WebInspector", version = "" } = {}) {
        await Promise.all(this.bodies);
        const started = this.started ?? Date.now() / 1000;
        const entries = this.order
            .filter((r) => r.wallTime !== undefined)
            .sort((a, b) => a.wallTime - b.wallTime)
            .map((r) => {
                const body = r.body ?? "";
                const entry = {
                    _resourceType: r.type,
                    pageref: "page_1",
                    startedDateTime: new Date(r.wallTime * 1000).toISOString(),
                    time: 0,
                    request: {
                        method: r.method,
                        url: r.url,
                        httpVersion: r.protocol === "h2" ? "http/2.0" : "HTTP/1.1",
                        headers: r.headers,
                        queryString: queryString(r.url),
                        cookies: [],
                        headersSize: -1,
                        bodySize: r.postData ? Buffer.byteLength(r.postData) : 0,
                    },
                    response: {
                        status: r.status,
                        statusText: r.statusText,
                        httpVersion: "HTTP/1.1",
                        headers: r.responseHeaders ?? [],
                        cookies: [],
                        content: { size: Buffer.byteLength(body), mimeType: r.mimeType ?? "x-unknown", ...(r.body !== undefined ? { text: body } : {}) },
                        redirectURL: r.redirectURL ?? "",
                        headersSize: -1,
                        bodySize: -1,
                    },
                    cache: {},
                    timings: { send: 0, wait: 0, receive: 0 },
                };
                if (r.postData !== undefined) entry.request.postData = { mimeType: "text/plain;charset=UTF-8", text: r.postData };
                if (r.error) entry.response._error = r.error;
                if (r.cors) {
                    entry._corsError = r.cors.corsError;
                    entry._corsErrorParameter = r.cors.failedParameter ?? "";
                }
                if (r.type === "websocket") entry._webSocketMessages = r.messages;
                return entry;
            });
        return {
            log: {
                version: "1.2",
                creator: { name, version },
                pages: [{ startedDateTime: new Date(started * 1000).toISOString(), id: "page_1", title: this.pageUrl, pageTimings: {} }],
                entries,
            },
        };
    }
}
