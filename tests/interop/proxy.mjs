// The infrastructure simulation (profile `server.proxy`) as a user meets it: a second
// Access-Control-Allow-Origin added by a proxy, redirects, a proxy that drops Upgrade, and two
// instances behind a balancer with and without cookie stickiness.
//
//   node proxy.mjs --cli PATH_TO_corslab-cli
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildRequest, httpExchange, RawWebSocket } from "./wire.mjs";

const argv = process.argv.slice(2);
const cli = argv[argv.indexOf("--cli") + 1];
if (!cli || argv.indexOf("--cli") < 0) {
    console.error("usage: node proxy.mjs --cli PATH_TO_corslab-cli");
    process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corslab-proxy-"));
let passed = 0;
let failed = 0;
function check(name, condition, detail) {
    if (condition) {
        passed++;
        console.log(`ok ${name}`);
    } else {
        failed++;
        console.log(`not ok ${name}: ${detail}`);
    }
}

function serve(server) {
    const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.corslab.json`);
    fs.writeFileSync(file, JSON.stringify({ format: "corslab-profile", version: 1, name: "proxy", server, client: { pageOrigin: "http://a.test" } }));
    return new Promise((resolve, reject) => {
        const child = spawn(cli, ["serve", file, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        const timer = setTimeout(() => reject(new Error(`no URL: ${out}`)), 10000);
        child.stdout.on("data", (d) => {
            out += d;
            const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
            if (m) {
                clearTimeout(timer);
                resolve({ child, port: Number(m[1]) });
            }
        });
    });
}

const Q = "/socket.io/?EIO=4&transport=polling&t=abc";
const headerValues = (r, name) => r.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
const request = (port, req) => httpExchange(port, buildRequest(req, port), { timeoutMs: 1500 });
const sidOf = (r) => /"sid":"([^"]+)"/.exec(r.body.toString())?.[1];

{
    const s = await serve({ cors: { origin: "http://a.test" }, proxy: { addHeaders: [{ name: "Access-Control-Allow-Origin", value: "*" }] } });
    const r = await request(s.port, { path: Q, headers: [["Origin", "http://a.test"]] });
    check("a proxy header is added beside the server's: two Access-Control-Allow-Origin lines",
        JSON.stringify(headerValues(r, "access-control-allow-origin")) === JSON.stringify(["http://a.test", "*"]),
        JSON.stringify(r.headers));
    check("the session still opens behind the proxy", r.status === 200 && !!sidOf(r), r.body.toString());
    s.child.kill();
}
{
    const s = await serve({ cors: {}, proxy: { addHeaders: [{ name: "X-Proxy", value: "preflight", on: "preflight" }, { name: "X-Other", value: "1", on: "other" }] } });
    const pf = await request(s.port, { method: "OPTIONS", path: Q, headers: [["Origin", "http://a.test"], ["Access-Control-Request-Method", "GET"]] });
    const get = await request(s.port, { path: Q, headers: [["Origin", "http://a.test"]] });
    check("\"on\": \"preflight\" headers only on OPTIONS", headerValues(pf, "x-proxy").length === 1 && headerValues(get, "x-proxy").length === 0, JSON.stringify([pf.headers, get.headers]));
    check("\"on\": \"other\" headers only on other requests", headerValues(pf, "x-other").length === 0 && headerValues(get, "x-other").length === 1, JSON.stringify([pf.headers, get.headers]));
    check("the preflight is still answered by cors (204)", pf.status === 204, pf.status);
    s.child.kill();
}
{
    const s = await serve({ proxy: { redirect: { status: 308, location: "https://api.example.com/socket.io/" } } });
    const r = await request(s.port, { path: Q, headers: [["Origin", "http://a.test"]] });
    check("a redirect is answered by the proxy", r.status === 308 && headerValues(r, "location")[0] === "https://api.example.com/socket.io/", `${r.status} ${JSON.stringify(r.headers)}`);
    s.child.kill();
}
{
    const s = await serve({ proxy: { stripUpgrade: true } });
    const ws = new RawWebSocket(s.port);
    const r = await ws.open("/socket.io/?EIO=4&transport=websocket", [["Origin", "http://a.test"]]);
    check("without Upgrade the WebSocket handshake reaches engine.io as a plain GET: 400 code 3",
        r.status === 400 && r.body.toString() === '{"code":3,"message":"Bad request"}', `${r.status} ${r.body}`);
    ws.destroy();
    const polling = await request(s.port, { path: Q });
    check("polling still works through that proxy", polling.status === 200, polling.status);
    s.child.kill();
}
{
    const s = await serve({ proxy: {} });
    const ws = new RawWebSocket(s.port);
    const r = await ws.open("/socket.io/?EIO=4&transport=websocket", [["Origin", "http://a.test"]]);
    const frames = await ws.waitFrames(1);
    check("WebSocket is tunnelled when Upgrade is passed on", r.status === 101 && frames[0]?.data?.startsWith("0{"), `${r.status} ${JSON.stringify(frames)}`);
    ws.send("40");
    const more = await ws.waitFrames(3);
    check("packets flow through the tunnel", more.some((f) => f.data?.startsWith("40{")), JSON.stringify(more));
    ws.destroy();
    s.child.kill();
}
{
    const s = await serve({ proxy: { instances: 2 } });
    const hs = await request(s.port, { path: Q });
    const sid = sidOf(hs);
    const post = await request(s.port, { method: "POST", path: `/socket.io/?EIO=4&transport=polling&sid=${sid}`, headers: [["Content-type", "text/plain;charset=UTF-8"]], body: "40" });
    check("two instances without sticky sessions: the next request lands on the other one (Session ID unknown)",
        post.status === 400 && post.body.toString() === '{"code":1,"message":"Session ID unknown"}', `${post.status} ${post.body}`);
    s.child.kill();
}
{
    const s = await serve({ cookie: true, proxy: { instances: 2, sticky: "cookie" } });
    const hs = await request(s.port, { path: Q });
    const sid = sidOf(hs);
    const cookie = headerValues(hs, "set-cookie")[0]?.split(";")[0];
    let ok = true;
    let detail = "";
    for (let i = 0; i < 4; i++) {
        const r = await request(s.port, { method: "POST", path: `/socket.io/?EIO=4&transport=polling&sid=${sid}`, headers: [["Content-type", "text/plain;charset=UTF-8"], ["Cookie", cookie]], body: i === 0 ? "40" : "3" });
        if (r.status !== 200) {
            ok = false;
            detail = `${r.status} ${r.body}`;
        }
    }
    check("cookie stickiness keeps a session on its instance", !!cookie && ok, detail || `cookie ${cookie}`);
    const noCookie = await request(s.port, { method: "POST", path: `/socket.io/?EIO=4&transport=polling&sid=${sid}`, headers: [["Content-type", "text/plain;charset=UTF-8"]], body: "3" });
    const noCookie2 = await request(s.port, { method: "POST", path: `/socket.io/?EIO=4&transport=polling&sid=${sid}`, headers: [["Content-type", "text/plain;charset=UTF-8"]], body: "3" });
    check("a request without the cookie (withCredentials false) is balanced anew",
        [noCookie.status, noCookie2.status].includes(400), `${noCookie.status} ${noCookie2.status}`);
    s.child.kill();
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
