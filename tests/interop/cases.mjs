// The differential suite's cases: groups of scripted exchanges, each group run against one server pair
// started from the group's server options. Rows of reference/wire-protocol.md §1–§3 and cors.md §1.5–§1.6.
const O = "http://localhost:3000";
const EVIL = "http://evil.test";
const A = "http://a.test";
const P = "/socket.io/";
const Q = "EIO=4&transport=polling&t=k5j9psx4";
const SID = "EIO=4&transport=polling&t=k5jao2rc&sid=${sid}";

const origin = (o) => (o ? [["Origin", o]] : []);
// Handshake GET (polling), optionally with an Origin and extra headers.
const hs = (o = O, headers = [], query = Q) => ({ http: { path: `${P}?${query}`, headers: [...origin(o), ...headers] } });
const get = (o = O, extra = {}) => ({ http: { path: `${P}?${SID}`, headers: origin(o) }, timeoutMs: 400, ...extra });
const post = (body, o = O, headers = [["Content-type", "text/plain;charset=UTF-8"]]) => ({
    http: { method: "POST", path: `${P}?${SID}`, headers: [...origin(o), ...headers], body },
});
const preflight = (o = O, acrh = "content-type,x-foo", path = `${P}?${Q}`) => ({
    http: {
        method: "OPTIONS",
        path,
        headers: [...origin(o), ["Access-Control-Request-Method", "PUT"], ...(acrh ? [["Access-Control-Request-Headers", acrh]] : [])],
    },
});
const wsOpen = (name, query, headers = origin(O)) => ({ ws: name, open: { path: `${P}?${query}`, headers } });
const connected = (o = O, auth = "") => [hs(o), post(`40${auth}`, o), get(o)];

// Shared case sets ---------------------------------------------------------------------------------

const corsRequestShapes = [
    { name: "handshake from the allowed origin", steps: [hs(O)] },
    { name: "handshake from another origin", steps: [hs(EVIL)] },
    { name: "handshake without Origin", steps: [hs(null)] },
    { name: "handshake with Origin null", steps: [hs("null")] },
    { name: "preflight from the allowed origin", steps: [preflight(O)] },
    { name: "preflight from another origin", steps: [preflight(EVIL)] },
    { name: "preflight without request headers", steps: [preflight(O, null)] },
    { name: "preflight without Origin", steps: [preflight(null)] },
    { name: "preflight with a bogus sid", steps: [preflight(O, "x-token", `${P}?EIO=4&transport=polling&sid=nope`)] },
    { name: "POST and poll carry the CORS headers", steps: [...connected(O)] },
    { name: "WebSocket upgrade gets the CORS headers on the 101", steps: [wsOpen("w", "EIO=4&transport=websocket"), { ws: "w", recv: 1 }] },
];

export const groups = [
    {
        name: "defaults, no cors",
        server: {},
        cases: [
            { name: "handshake GET with Origin", steps: [hs(O)] },
            { name: "handshake GET without Origin", steps: [hs(null)] },
            { name: "handshake, CONNECT, poll", steps: connected() },
            { name: "CONNECT with auth, auth event echoed", steps: connected(O, '{"token":"abc","n":1}') },
            { name: "OPTIONS without sid is a bad handshake method", steps: [preflight(O)] },
            { name: "OPTIONS with sid answers 500", steps: [hs(), { http: { method: "OPTIONS", path: `${P}?${SID}`, headers: origin(O) } }] },
            { name: "POST handshake is a bad handshake method", steps: [{ http: { method: "POST", path: `${P}?${Q}`, headers: origin(O), body: "40" } }] },
            { name: "HEAD handshake", steps: [{ http: { method: "HEAD", path: `${P}?${Q}` } }] },
            { name: "PUT with sid answers 500, session kept", steps: [hs(), { http: { method: "PUT", path: `${P}?${SID}`, body: "x" } }, post("40"), get()] },
            { name: "unknown transport", steps: [hs(O, [], "EIO=4&transport=flash")] },
            { name: "missing transport", steps: [hs(O, [], "EIO=4")] },
            { name: "no query at all", steps: [hs(O, [], "")] },
            { name: "websocket transport without Upgrade", steps: [hs(O, [], "EIO=4&transport=websocket")] },
            { name: "unknown sid", steps: [hs(O, [], "EIO=4&transport=polling&sid=AAAAAAAAAAAAAAAAAAAA")] },
            { name: "EIO=3 without allowEIO3", steps: [hs(O, [], "EIO=3&transport=polling")] },
            { name: "EIO missing", steps: [hs(O, [], "transport=polling")] },
            { name: "EIO=abc", steps: [hs(O, [], "EIO=abc&transport=polling")] },
            { name: "transport checked before EIO", steps: [hs(O, [], "EIO=abc&transport=abc")] },
            { name: "duplicate query parameters: last wins", steps: [hs(O, [], "EIO=3&EIO=4&transport=websocket&transport=polling")] },
            { name: "user query before EIO", steps: [hs(O, [], "foo=bar&EIO=4&transport=polling&t=abc")] },
            { name: "path without trailing slash is not Socket.IO", steps: [{ http: { path: `/socket.io?${Q}` } }] },
            { name: "another path answers 404", steps: [{ http: { path: "/index.html" } }] },
            { name: "prefix match: /socket.io/anything", steps: [{ http: { path: `/socket.io/anything?${Q}` } }] },
            { name: "POST octet-stream closes the session", steps: [hs(), post("40", O, [["Content-Type", "application/octet-stream"]]), get()] },
            { name: "POST over maxHttpBufferSize is 413 and keeps the session", steps: [hs(), post("4" + "x".repeat(1000001)), post("40"), get()] },
            { name: "overlapping GET", steps: [hs(), { ...get(O), as: "first" }, { wait: 50 }, get(), { await: "first" }] },
            { name: "POST 1 closes the session", steps: [hs(), post("1"), get()] },
            { name: "pending GET gets 6 when the client closes", steps: [hs(), { ...get(O), as: "poll" }, { wait: 50 }, post("1"), { await: "poll" }] },
            { name: "undecodable packet closes the session", steps: [hs(), post("abc"), get()] },
            { name: "v4 client ping is an invalid heartbeat direction", steps: [hs(), post("2"), get()] },
            { name: "several packets in one POST", steps: [hs(), post('40\x1e42["message","a"]\x1e421["x",1]'), get(), get()] },
            { name: "event with ack on main namespace", steps: [...connected(), post('423["message-with-ack",1,"two",{"three":3}]'), get()] },
            { name: "message re-emitted as message-back", steps: [...connected(), post('42["message","hello",[1,2]]'), get()] },
            { name: "binary event over polling", steps: [...connected(), post('451-["message",{"_placeholder":true,"num":0}]\x1ebAQID'), get()] },
            { name: "binary ack over polling", steps: [...connected(), post('4517-["ping",{"_placeholder":true,"num":0}]\x1ebAQID'), get()] },
            { name: "unknown namespace", steps: [hs(), post("40/nope,"), get()] },
            { name: "CONNECT with a non-object payload", steps: [hs(), post("40[1]"), get()] },
            { name: "invalid Socket.IO packet", steps: [...connected(), post("4x"), get()] },
            { name: "EVENT before CONNECT", steps: [hs(), post('42["message","early"]'), get()] },
            { name: "DISCONNECT from the client", steps: [...connected(), post("41"), get()] },
            { name: "second CONNECT to the same namespace", steps: [...connected(), post("40"), get()] },
            { name: "WebSocket-only handshake", steps: [wsOpen("w", "EIO=4&transport=websocket"), { ws: "w", recv: 1 }, { ws: "w", send: "40" }, { ws: "w", recv: 2 }] },
            { name: "WebSocket event and ack", steps: [wsOpen("w", "EIO=4&transport=websocket"), { ws: "w", recv: 1 }, { ws: "w", send: '40{"a":1}' }, { ws: "w", recv: 2 }, { ws: "w", send: '425["message-with-ack","x"]' }, { ws: "w", recv: 1 }] },
            { name: "WebSocket binary event", steps: [wsOpen("w", "EIO=4&transport=websocket"), { ws: "w", recv: 1 }, { ws: "w", send: "40" }, { ws: "w", recv: 2 }, { ws: "w", send: '451-["message",{"_placeholder":true,"num":0}]' }, { ws: "w", sendBinary: "010203" }, { ws: "w", recv: 2 }] },
            { name: "WebSocket with unknown sid", steps: [wsOpen("w", "EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA")] },
            { name: "WebSocket with unknown transport", steps: [wsOpen("w", "EIO=4&transport=flash")] },
            { name: "WebSocket EIO=3 without allowEIO3: 101 then a 400 inside", steps: [wsOpen("w", "EIO=3&transport=websocket"), { ws: "w", recv: 1, timeoutMs: 400 }] },
            { name: "WebSocket undecodable packet closes", steps: [wsOpen("w", "EIO=4&transport=websocket"), { ws: "w", recv: 1 }, { ws: "w", send: "abc" }, { ws: "w", recv: 1, timeoutMs: 400 }] },
            { name: "WebSocket close packet from the client is ignored", steps: [wsOpen("w", "EIO=4&transport=websocket"), { ws: "w", recv: 1 }, { ws: "w", send: "1" }, { ws: "w", send: "40" }, { ws: "w", recv: 2, timeoutMs: 400 }] },
            { name: "WebSocket frame over maxHttpBufferSize closes 1009", steps: [wsOpen("w", "EIO=4&transport=websocket"), { ws: "w", recv: 1 }, { ws: "w", send: "4" + "y".repeat(1000001) }, { ws: "w", recv: 1, timeoutMs: 1000 }] },
            {
                name: "upgrade: probe, noop, upgrade, then polling is refused",
                steps: [
                    ...connected(),
                    wsOpen("u", "EIO=4&transport=websocket&sid=${sid}"),
                    { ws: "u", send: "2probe" },
                    { ws: "u", recv: 1 },
                    { ...get(O), as: "poll" },
                    { await: "poll" },
                    { ws: "u", send: "5" },
                    { ws: "u", send: '42["message","after"]' },
                    { ws: "u", recv: 1 },
                    get(),
                ],
            },
            { name: "upgrade: packets other than probe before 5 close the probe", steps: [hs(), wsOpen("u", "EIO=4&transport=websocket&sid=${sid}"), { ws: "u", send: "40" }, { ws: "u", recv: 1, timeoutMs: 400 }, post("40"), get()] },
            { name: "second upgrade after upgrading", steps: [hs(), wsOpen("u", "EIO=4&transport=websocket&sid=${sid}"), { ws: "u", send: "2probe" }, { ws: "u", recv: 1 }, { ws: "u", send: "5" }, { wait: 50 }, wsOpen("v", "EIO=4&transport=websocket&sid=${sid}"), { ws: "v", recv: 1, timeoutMs: 400 }] },
            { name: "Internet Explorer user agent gets X-XSS-Protection", steps: [hs(O, [["User-Agent", "Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko"]]), post("40", O, [["Content-type", "text/plain;charset=UTF-8"], ["User-Agent", "Mozilla/5.0 (compatible;MSIE 10.0)"]])] },
            { name: "b64=1 WebSocket sends binary as base64 text", steps: [wsOpen("w", "EIO=4&transport=websocket&b64=1"), { ws: "w", recv: 1 }, { ws: "w", send: "40" }, { ws: "w", recv: 2 }, { ws: "w", send: '451-["message",{"_placeholder":true,"num":0}]' }, { ws: "w", sendBinary: "0a0b" }, { ws: "w", recv: 2 }] },
            { name: "HEAD with sid answers 500", steps: [hs(), { http: { method: "HEAD", path: `${P}?${SID}` } }] },
            { name: "empty sid is a handshake", steps: [hs(O, [], "EIO=4&transport=polling&sid=")] },
            { name: "malformed request line", steps: [{ raw: "NONSENSE\r\n\r\n" }] },
            { name: "garbage bytes", steps: [{ raw: "\x00\x01\x02\x03 HTTP/1.1\r\n\r\n" }] },
            { name: "header section over 16 KiB", steps: [{ raw: `GET ${P}?${Q} HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(17000)}\r\n\r\n` }] },
            { name: "invalid character in a header value", steps: [{ raw: `GET ${P}?${Q} HTTP/1.1\r\nHost: x\r\nOrigin: http://a\x01b\r\n\r\n` }] },
            { name: "Origin with a tab inside", steps: [hs("http://a\tb")] },
        ],
    },
    {
        name: "cors origin fixed string",
        server: { cors: { origin: O } },
        cases: corsRequestShapes,
    },
    {
        name: "cors defaults (origin *)",
        server: { cors: {} },
        cases: [
            ...corsRequestShapes,
            { name: "bare OPTIONS without CORS headers", steps: [{ http: { method: "OPTIONS", path: `${P}?${Q}` } }] },
            { name: "error responses keep CORS headers", steps: [hs(O, [], "EIO=4&transport=flash"), hs(O, [], "EIO=4&transport=polling&sid=nope")] },
        ],
    },
    {
        name: "cors * with credentials",
        server: { cors: { origin: "*", credentials: true } },
        cases: corsRequestShapes.slice(0, 6),
    },
    {
        name: "cors origin true (reflect)",
        server: { cors: { origin: true } },
        cases: [
            ...corsRequestShapes,
            { name: "OPTIONS with ACRM only, no Origin", steps: [{ http: { method: "OPTIONS", path: `${P}?${Q}`, headers: [["Access-Control-Request-Method", "GET"]] } }] },
        ],
    },
    {
        name: "cors origin false (disabled)",
        server: { cors: { origin: false } },
        cases: [{ name: "handshake", steps: [hs(O)] }, { name: "preflight falls through to engine.io", steps: [preflight(O)] }],
    },
    {
        name: "cors origin empty string (disabled)",
        server: { cors: { origin: "" } },
        cases: [{ name: "handshake", steps: [hs(O)] }, { name: "preflight", steps: [preflight(O)] }],
    },
    {
        name: "cors origin with trailing slash",
        server: { cors: { origin: `${O}/` } },
        cases: [{ name: "handshake sends it verbatim", steps: [hs(O)] }],
    },
    {
        name: "cors origin comma list",
        server: { cors: { origin: `${A},http://b.test` } },
        cases: [{ name: "handshake sends one value", steps: [hs(A)] }],
    },
    {
        name: "cors origin regex",
        server: { cors: { origin: { regex: "a\\.test$" } } },
        cases: [
            { name: "matching origin", steps: [hs(A)] },
            { name: "other origin", steps: [hs("http://b.test")] },
            { name: "preflight from other origin", steps: [preflight("http://b.test")] },
            { name: "no Origin", steps: [hs(null)] },
        ],
    },
    {
        name: "cors origin regex with g flag alternates",
        server: { cors: { origin: { regex: "a\\.test$", flags: "g" } } },
        cases: [{ name: "same origin three times", steps: [hs(A), hs(A), hs(A)] }],
    },
    {
        name: "cors origin array",
        server: { cors: { origin: [A, { regex: "\\.b\\.test$" }] } },
        cases: [
            { name: "listed string", steps: [hs(A)] },
            { name: "regex entry", steps: [hs("http://x.b.test")] },
            { name: "case differs", steps: [hs("http://A.test")] },
            { name: "trailing slash differs", steps: [hs("http://a.test/")] },
            { name: "unlisted", steps: [hs("http://c.test")] },
            { name: "preflight unlisted", steps: [preflight("http://c.test")] },
        ],
    },
    {
        name: "cors origin array with *",
        server: { cors: { origin: ["*"] } },
        cases: [{ name: "\"*\" is a literal string", steps: [hs(A), hs("*")] }],
    },
    {
        name: "cors origin function allowing",
        server: { cors: { origin: { function: "(origin, callback) => callback(null, true)" } } },
        cases: [{ name: "handshake", steps: [hs(A)] }, { name: "preflight", steps: [preflight(A)] }],
    },
    {
        name: "cors origin function refusing with false",
        server: { cors: { origin: { function: "(origin, callback) => callback(null, false)" } } },
        cases: [{ name: "handshake", steps: [hs(A)] }, { name: "preflight reaches engine.io", steps: [preflight(A)] }],
    },
    {
        name: "cors origin function erroring",
        server: { cors: { origin: { function: "(origin, callback) => ['http://a.test'].includes(origin) ? callback(null, true) : callback(new Error('Not allowed by CORS'))" } } },
        cases: [
            { name: "allowed origin", steps: [hs(A)] },
            { name: "other origin is a middleware failure", steps: [hs(EVIL)] },
            { name: "no Origin is a middleware failure too", steps: [hs(null)] },
            { name: "preflight from other origin", steps: [preflight(EVIL)] },
            { name: "WebSocket from other origin", steps: [wsOpen("w", "EIO=4&transport=websocket", origin(EVIL)), { ws: "w", recv: 1, timeoutMs: 300 }] },
        ],
    },
    {
        name: "cors origin function returning a fixed string",
        server: { cors: { origin: { function: "(origin, callback) => callback(null, 'http://fixed.test')" } } },
        cases: [{ name: "handshake", steps: [hs(A)] }],
    },
    {
        name: "cors all options",
        server: { cors: { origin: true, methods: ["GET", "POST"], allowedHeaders: ["Content-Type", "X-Foo"], exposedHeaders: ["X-Bar", "X-Baz"], credentials: true, maxAge: 600 } },
        cases: [{ name: "handshake", steps: [hs(A)] }, { name: "preflight", steps: [preflight(A)] }],
    },
    {
        name: "cors string options",
        server: { cors: { methods: "GET, POST", allowedHeaders: "X-Legacy", exposedHeaders: "X-One", maxAge: "86400" } },
        cases: [{ name: "preflight", steps: [preflight(A)] }, { name: "handshake", steps: [hs(A)] }],
    },
    {
        name: "cors empty allowedHeaders and methods",
        server: { cors: { allowedHeaders: [], methods: "" } },
        cases: [{ name: "preflight", steps: [preflight(A)] }],
    },
    {
        name: "cors maxAge 0",
        server: { cors: { maxAge: 0 } },
        cases: [{ name: "preflight", steps: [preflight(A)] }],
    },
    {
        name: "cors preflightContinue",
        server: { cors: { origin: true, preflightContinue: true } },
        cases: [{ name: "preflight reaches engine.io", steps: [preflight(A)] }, { name: "preflight with sid", steps: [hs(A), preflight(A, "x-a", `${P}?${SID}`)] }],
    },
    {
        name: "cors optionsSuccessStatus 200",
        server: { cors: { optionsSuccessStatus: 200 } },
        cases: [{ name: "preflight", steps: [preflight(A)] }],
    },
    {
        name: "allowRequest refusing other origins",
        server: {
            cors: { origin: "*" },
            allowRequest: { function: "(req, callback) => { const ok = req.headers.origin === 'http://a.test'; callback(ok ? null : 'origin not allowed', ok); }" },
        },
        cases: [
            { name: "allowed", steps: [hs(A)] },
            { name: "refused with a message (403, ACAO present)", steps: [hs(EVIL)] },
            { name: "preflight is not consulted", steps: [preflight(EVIL)] },
            { name: "WebSocket refusal is a raw 400", steps: [wsOpen("w", "EIO=4&transport=websocket", origin(EVIL))] },
            { name: "requests with a sid are not consulted", steps: [hs(A), get(EVIL)] },
        ],
    },
    {
        name: "allowRequest refusing without a message",
        server: { allowRequest: { function: "(req, callback) => callback(null, req.headers.origin !== undefined)" } },
        cases: [
            { name: "with Origin", steps: [hs(A)] },
            { name: "without Origin: Forbidden", steps: [hs(null)] },
            { name: "WebSocket without Origin", steps: [wsOpen("w", "EIO=4&transport=websocket", [])] },
        ],
    },
    {
        name: "allowRequest answering later",
        server: { allowRequest: { function: "(req, callback) => setTimeout(() => callback(null, true), 50)" } },
        cases: [{ name: "handshake waits", steps: [hs(A)] }],
    },
    {
        name: "transports polling only",
        server: { transports: ["polling"] },
        cases: [
            { name: "handshake advertises no upgrade", steps: [hs(A)] },
            { name: "WebSocket is an unknown transport", steps: [wsOpen("w", "EIO=4&transport=websocket")] },
        ],
    },
    {
        name: "transports websocket only",
        server: { transports: ["websocket"] },
        cases: [
            { name: "polling handshake is an unknown transport", steps: [hs(A)] },
            { name: "WebSocket handshake", steps: [wsOpen("w", "EIO=4&transport=websocket"), { ws: "w", recv: 1 }] },
        ],
    },
    {
        name: "allowUpgrades false",
        server: { allowUpgrades: false },
        cases: [
            { name: "no upgrades advertised", steps: [hs(A)] },
            { name: "an upgrade is still accepted", steps: [hs(A), wsOpen("u", "EIO=4&transport=websocket&sid=${sid}"), { ws: "u", send: "2probe" }, { ws: "u", recv: 1 }] },
        ],
    },
    {
        name: "custom path",
        server: { path: "/realtime" },
        cases: [
            { name: "handshake on the custom path", steps: [{ http: { path: `/realtime/?${Q}`, headers: origin(A) } }] },
            { name: "default path is 404", steps: [hs(A)] },
        ],
    },
    {
        name: "addTrailingSlash false",
        server: { addTrailingSlash: false },
        cases: [
            { name: "path without slash matches", steps: [{ http: { path: `/socket.io?${Q}` } }] },
            { name: "path with slash matches", steps: [hs(A)] },
            { name: "prefix quirk: /socket.iofoo", steps: [{ http: { path: `/socket.iofoo?${Q}` } }] },
        ],
    },
    {
        name: "small maxHttpBufferSize",
        server: { maxHttpBufferSize: 100 },
        cases: [
            { name: "open packet advertises maxPayload", steps: [hs(A)] },
            { name: "POST at the limit", steps: [hs(A), post("4" + "z".repeat(99)), get()] },
            { name: "POST one byte over", steps: [hs(A), post("4" + "z".repeat(100)), post("40"), get()] },
        ],
    },
    {
        name: "initialPacket",
        server: { initialPacket: "hello" },
        cases: [
            { name: "polling handshake carries it", steps: [hs(A)] },
            { name: "WebSocket handshake sends it as a second frame", steps: [wsOpen("w", "EIO=4&transport=websocket"), { ws: "w", recv: 2 }] },
        ],
    },
    {
        name: "cookie true",
        server: { cookie: true },
        cases: [
            { name: "Set-Cookie on the polling handshake", steps: [hs(A)] },
            { name: "not on later requests", steps: [hs(A), post("40")] },
            { name: "not on a WebSocket handshake", steps: [wsOpen("w", "EIO=4&transport=websocket"), { ws: "w", recv: 1 }] },
        ],
    },
    {
        name: "cookie object",
        server: { cookie: { name: "SRV", maxAge: 86400 } },
        cases: [{ name: "Set-Cookie attributes", steps: [hs(A)] }],
    },
    {
        name: "cookie cross-site",
        server: { cookie: { name: "io", path: false, httpOnly: false, sameSite: "none", secure: true, domain: "example.com" } },
        cases: [{ name: "Set-Cookie attributes", steps: [hs(A)] }],
    },
    {
        name: "connectTimeout",
        server: { connectTimeout: 300 },
        cases: [{ name: "no CONNECT: the session is closed", steps: [hs(A), { ...get(A), timeoutMs: 800 }, get(A)] }],
    },
    {
        name: "heartbeat",
        server: { pingInterval: 300, pingTimeout: 200 },
        cases: [
            { name: "ping after pingInterval", steps: [...connected(A), { ...get(A), timeoutMs: 800 }] },
            { name: "pong keeps the session", steps: [...connected(A), { ...get(A), timeoutMs: 800 }, post("3", A), { ...get(A), timeoutMs: 800 }] },
            { name: "no pong: ping timeout", steps: [...connected(A), { ...get(A), timeoutMs: 800 }, { wait: 300 }, get(A)] },
        ],
    },
    {
        name: "httpCompression",
        server: {},
        cases: [
            { name: "large poll compressed with gzip", steps: [hs(A), post(`40{"big":"${"x".repeat(2000)}"}`, A), { http: { path: `${P}?${SID}`, headers: [...origin(A), ["Accept-Encoding", "gzip, deflate"]] }, timeoutMs: 400 }] },
            { name: "large poll with deflate only", steps: [hs(A), post(`40{"big":"${"x".repeat(2000)}"}`, A), { http: { path: `${P}?${SID}`, headers: [...origin(A), ["Accept-Encoding", "deflate"]] }, timeoutMs: 400 }] },
            { name: "small poll not compressed", steps: [hs(A), post("40", A), { http: { path: `${P}?${SID}`, headers: [...origin(A), ["Accept-Encoding", "gzip"]] }, timeoutMs: 400 }] },
        ],
    },
    {
        name: "httpCompression off",
        server: { httpCompression: false },
        cases: [{ name: "large poll not compressed", steps: [hs(A), post(`40{"big":"${"x".repeat(2000)}"}`, A), { http: { path: `${P}?${SID}`, headers: [...origin(A), ["Accept-Encoding", "gzip"]] }, timeoutMs: 400 }] }],
    },
    {
        name: "allowEIO3",
        server: { allowEIO3: true },
        cases: [
            { name: "v3 polling handshake", steps: [hs(A, [], "EIO=3&transport=polling&t=abc")] },
            { name: "v3 client ping answered", steps: [hs(A, [], "EIO=3&transport=polling&t=abc"), { http: { method: "POST", path: `${P}?EIO=3&transport=polling&sid=\${sid}`, headers: [["Content-type", "text/plain;charset=UTF-8"]], body: "1:2" } }, { http: { path: `${P}?EIO=3&transport=polling&sid=\${sid}` }, timeoutMs: 400 }] },
            { name: "v3 event", steps: [hs(A, [], "EIO=3&transport=polling&t=abc"), { http: { path: `${P}?EIO=3&transport=polling&sid=\${sid}` }, timeoutMs: 400 }, { http: { method: "POST", path: `${P}?EIO=3&transport=polling&sid=\${sid}`, headers: [["Content-type", "text/plain;charset=UTF-8"]], body: '21:42["message","v3"]' } }, { http: { path: `${P}?EIO=3&transport=polling&sid=\${sid}` }, timeoutMs: 400 }] },
            { name: "v3 binary over polling with b64", steps: [hs(A, [], "EIO=3&transport=polling&b64=1"), { http: { path: `${P}?EIO=3&transport=polling&b64=1&sid=\${sid}` }, timeoutMs: 400 }, { http: { method: "POST", path: `${P}?EIO=3&transport=polling&b64=1&sid=\${sid}`, headers: [["Content-type", "text/plain;charset=UTF-8"]], body: '46:451-["message",{"_placeholder":true,"num":0}]6:b4AQID' } }, { http: { path: `${P}?EIO=3&transport=polling&b64=1&sid=\${sid}` }, timeoutMs: 400 }] },
            { name: "v3 WebSocket", steps: [wsOpen("w", "EIO=3&transport=websocket"), { ws: "w", recv: 3 }, { ws: "w", send: "2" }, { ws: "w", recv: 1 }] },
            { name: "v4 still works", steps: [hs(A)] },
            { name: "protocol mismatch on a v4 session", steps: [hs(A), { http: { path: `${P}?EIO=3&transport=polling&sid=\${sid}` }, timeoutMs: 300 }] },
        ],
    },
    {
        name: "JSONP polling",
        server: {},
        cases: [
            { name: "handshake with j= answers a JavaScript call", steps: [hs(A, [], "EIO=4&transport=polling&j=3")] },
            { name: "j with non-digits keeps the digits only", steps: [hs(A, [], "EIO=4&transport=polling&j=a1b2")] },
            {
                name: "POST d= form with escaped newlines, then poll",
                steps: [
                    hs(A, [], "EIO=4&transport=polling&j=0"),
                    { http: { method: "POST", path: `${P}?EIO=4&transport=polling&j=0&sid=\${sid}`, headers: [["Content-Type", "application/x-www-form-urlencoded"]], body: "d=40%1E42%5B%22message%22%2C%22a%5C%5Cnb%5Cnc%22%5D" } },
                    { http: { path: `${P}?EIO=4&transport=polling&j=0&sid=\${sid}` }, timeoutMs: 400 },
                ],
            },
            { name: "POST without d", steps: [hs(A, [], "EIO=4&transport=polling&j=0"), { http: { method: "POST", path: `${P}?EIO=4&transport=polling&j=0&sid=\${sid}`, body: "x=1" } }] },
            { name: "v3 JSONP handshake", steps: [hs(A, [], "EIO=3&transport=polling&j=1")] },
        ],
    },
    {
        name: "namespaces with middleware",
        server: {
            namespaces: [
                { name: "/admin", middleware: { function: "(socket, next) => { const err = new Error('not authorized'); err.data = { content: 'Please retry later' }; next(err); }" } },
                { name: "/chat", middleware: { function: "(socket, next) => socket.handshake.auth.token === 'abc' ? next() : next(new Error('bad token'))" } },
                { name: "/open" },
            ],
        },
        cases: [
            { name: "middleware refusal with data", steps: [hs(A), post("40/admin,"), get(A)] },
            { name: "auth accepted by middleware", steps: [hs(A), post('40/chat,{"token":"abc"}'), get(A)] },
            { name: "auth refused by middleware", steps: [hs(A), post('40/chat,{"token":"x"}'), get(A)] },
            { name: "namespace without middleware", steps: [hs(A), post("40/open,"), get(A), post('42/open,["message","hi"]'), get(A)] },
            { name: "main and custom namespace on one session", steps: [hs(A), post("40\x1e40/open,"), get(A)] },
        ],
    },
];
