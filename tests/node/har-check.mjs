// Validates HAR files against the HAR 1.2 JSON Schema of the pinned npm package har-schema,
// compiled with the pinned ajv 8 (har-schema is draft-06: its meta-schema is added, every $ref
// resolved through the schemas' own $ids, and the formats it uses checked — see `formats`).
//
//   node har-check.mjs [--self-test] [FILE|DIR ...]
//
// A DIR stands for the *.har files in it (there must be at least one). Every schema error is
// printed with the file and the JSON path of the value ("FAIL x.har /log/entries/3/time: must be
// number"); besides the schema, page ids must be unique and every pageref must name a page.
// --self-test first checks the checker: a small valid HAR must pass and each deliberately broken
// one must fail for the reason it was broken for.
// Exit status: 0 when everything passed, 1 when something failed, 2 on a usage error.

import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import Ajv from "ajv";

const require = createRequire(import.meta.url);
const harSchemas = require("har-schema");
const draft06 = require("ajv/dist/refs/json-schema-draft-06.json");

const USAGE = "usage: node har-check.mjs [--self-test] [FILE|DIR ...]";
const MAX_BYTES = 50 * 1024 * 1024;

// ---- the validator ----

// RFC 3339 date-time (the HAR spec's ISO 8601 form, e.g. 2009-07-24T19:20:30.45+01:00), with the
// calendar checked.
function isDateTime(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/.exec(
        text,
    );
    if (!m) return false;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return false;
    if (hour > 23 || minute > 59 || second > 60) return false;
    if (m[10] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return false;
    return true;
}

// An absolute URI: a scheme, then something the WHATWG URL parser accepts.
function isUri(text) {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) return false;
    try {
        new URL(text);
        return true;
    } catch {
        return false;
    }
}

function makeValidator() {
    const ajv = new Ajv({
        allErrors: true,
        strict: true,
        // har-schema 2.0.0 puts object keywords where ajv's strictTypes refuses them: timings and
        // cache have "properties"/"required" without "type": "object", and postData.params has
        // them directly on its "type": "array". Those keywords still validate the objects they
        // apply to; strictTypes would only refuse to compile the schema.
        strictTypes: false,
        // Formats through ajv's own option (no extra package); every format har-schema uses is
        // listed, so an unknown one still fails to compile (strict).
        formats: {
            "date-time": isDateTime,
            uri: isUri,
            ipv4: (s) => net.isIPv4(s),
            ipv6: (s) => net.isIPv6(s),
        },
    });
    ajv.addMetaSchema(draft06);
    // har-schema's own keywords: "min" is a lower bound (timings use -1 for "not known"),
    // "optional" and "unique" are annotations ("unique" on page ids is checked below).
    ajv.addKeyword({
        keyword: "min",
        type: "number",
        schemaType: "number",
        validate: function min(limit, value) {
            if (value >= limit) return true;
            min.errors = [{ keyword: "min", message: `must be >= ${limit}`, params: { limit } }];
            return false;
        },
        errors: true,
    });
    ajv.addKeyword({ keyword: "optional", schemaType: "boolean" });
    ajv.addKeyword({ keyword: "unique", schemaType: "boolean" });
    for (const [name, schema] of Object.entries(harSchemas)) {
        if (!schema.$id) throw new Error(`har-schema's ${name} has no $id`);
        ajv.addSchema(schema);
    }
    return ajv.getSchema("har.json#") ?? ajv.getSchema("har.json");
}

const validateHar = makeValidator();
if (!validateHar) {
    console.log("FAIL har-schema: har.json is not among its schemas");
    process.exit(1);
}

function pointer(parts) {
    return parts.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

// Problems with one HAR value: [{path, message}].
function harProblems(har) {
    const problems = [];
    if (!validateHar(har)) {
        for (const e of validateHar.errors) {
            let message = e.message;
            if (e.keyword === "additionalProperties") message += ` (${e.params.additionalProperty})`;
            if (e.keyword === "format") message = `must match format "${e.params.format}"`;
            problems.push({ path: e.instancePath || "/", message });
        }
    }
    const log = har && typeof har === "object" ? har.log : undefined;
    if (log && Array.isArray(log.pages)) {
        const ids = new Set();
        log.pages.forEach((page, i) => {
            if (!page || typeof page.id !== "string") return;
            if (ids.has(page.id))
                problems.push({ path: pointer(["log", "pages", i, "id"]), message: `duplicate page id "${page.id}"` });
            ids.add(page.id);
        });
        if (Array.isArray(log.entries)) {
            log.entries.forEach((entry, i) => {
                if (entry && typeof entry.pageref === "string" && !ids.has(entry.pageref))
                    problems.push({
                        path: pointer(["log", "entries", i, "pageref"]),
                        message: `names no page ("${entry.pageref}")`,
                    });
            });
        }
    }
    return problems;
}

// ---- files ----

let passed = 0;
let failed = 0;

function checkFile(file) {
    let text;
    try {
        const size = fs.statSync(file).size;
        if (size > MAX_BYTES) {
            failed++;
            console.log(`FAIL ${file}: ${size} bytes, more than the ${MAX_BYTES} this check reads`);
            return;
        }
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        failed++;
        console.log(`FAIL ${file}: cannot read it: ${err.message}`);
        return;
    }
    let har;
    try {
        har = JSON.parse(text);
    } catch (err) {
        failed++;
        console.log(`FAIL ${file}: not JSON: ${err.message}`);
        return;
    }
    const problems = harProblems(har);
    if (problems.length === 0) {
        passed++;
        const entries = Array.isArray(har.log.entries) ? har.log.entries.length : 0;
        console.log(`ok   ${file} (${entries} entries)`);
        return;
    }
    failed++;
    for (const p of problems) console.log(`FAIL ${file} ${p.path}: ${p.message}`);
}

function filesOf(arg) {
    let stat;
    try {
        stat = fs.statSync(arg);
    } catch (err) {
        failed++;
        console.log(`FAIL ${arg}: ${err.code === "ENOENT" ? "no such file or directory" : err.message}`);
        return [];
    }
    if (!stat.isDirectory()) return [arg];
    const files = fs
        .readdirSync(arg)
        .filter((name) => name.endsWith(".har"))
        .sort()
        .map((name) => path.join(arg, name));
    if (files.length === 0) {
        failed++;
        console.log(`FAIL ${arg}: no .har files in this directory`);
    }
    return files;
}

// ---- the self-test ----

function validHar() {
    return {
        log: {
            version: "1.2",
            creator: { name: "self-test", version: "1" },
            pages: [
                {
                    startedDateTime: "2026-01-02T03:04:05.678Z",
                    id: "page_1",
                    title: "http://localhost:3000",
                    pageTimings: { onContentLoad: -1, onLoad: -1 },
                },
            ],
            entries: [
                {
                    pageref: "page_1",
                    startedDateTime: "2026-01-02T03:04:05.700+01:00",
                    time: 1.5,
                    request: {
                        method: "GET",
                        url: "http://localhost:4000/socket.io/?EIO=4&transport=polling",
                        httpVersion: "HTTP/1.1",
                        cookies: [],
                        headers: [{ name: "Host", value: "localhost:4000" }],
                        queryString: [{ name: "EIO", value: "4" }],
                        headersSize: 40,
                        bodySize: 0,
                    },
                    response: {
                        status: 0,
                        statusText: "",
                        httpVersion: "",
                        cookies: [],
                        headers: [],
                        content: { size: 0, mimeType: "x-unknown" },
                        redirectURL: "",
                        headersSize: -1,
                        bodySize: -1,
                        _error: "net::ERR_FAILED",
                    },
                    cache: {},
                    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 1.5, receive: 0 },
                    serverIPAddress: "127.0.0.1",
                    _resourceType: "xhr",
                },
            ],
        },
    };
}

// Each breaks one rule; the expected problem's path and a word of its message.
const BROKEN = [
    ["no creator", (h) => delete h.log.creator, "/log", "creator"],
    ["time as text", (h) => (h.log.entries[0].time = "1.5"), "/log/entries/0/time", "number"],
    ["no such month", (h) => (h.log.entries[0].startedDateTime = "2026-13-02T03:04:05Z"), "/log/entries/0/startedDateTime", "date-time"],
    ["date without zone", (h) => (h.log.pages[0].startedDateTime = "2026-01-02T03:04:05"), "/log/pages/0/startedDateTime", "date-time"],
    ["relative URL", (h) => (h.log.entries[0].request.url = "/socket.io/"), "/log/entries/0/request/url", "uri"],
    ["wait below -1", (h) => (h.log.entries[0].timings.wait = -2), "/log/entries/0/timings/wait", ">= -1"],
    ["status as text", (h) => (h.log.entries[0].response.status = "0"), "/log/entries/0/response/status", "integer"],
    ["header without value", (h) => delete h.log.entries[0].request.headers[0].value, "/log/entries/0/request/headers/0", "value"],
    ["content without mimeType", (h) => delete h.log.entries[0].response.content.mimeType, "/log/entries/0/response/content", "mimeType"],
    ["host name as IP address", (h) => (h.log.entries[0].serverIPAddress = "localhost"), "/log/entries/0/serverIPAddress", ""],
    ["cookie expires not a date", (h) => (h.log.entries[0].request.cookies = [{ name: "a", value: "b", expires: "soon" }]), "/log/entries/0/request/cookies/0/expires", "date-time"],
    ["duplicate page id", (h) => h.log.pages.push({ ...h.log.pages[0] }), "/log/pages/1/id", "duplicate"],
    ["pageref to no page", (h) => (h.log.entries[0].pageref = "page_9"), "/log/entries/0/pageref", "names no page"],
];

function selfTest() {
    const good = harProblems(validHar());
    if (good.length === 0) {
        passed++;
        console.log("ok   self-test: a valid HAR passes");
    } else {
        failed++;
        for (const p of good) console.log(`FAIL self-test: the valid HAR fails at ${p.path}: ${p.message}`);
    }
    for (const [label, breakIt, where, word] of BROKEN) {
        const har = validHar();
        breakIt(har);
        const problems = harProblems(har);
        const hit = problems.find((p) => p.path === where && p.message.includes(word));
        if (hit) {
            passed++;
            console.log(`ok   self-test: rejects ${label} (${hit.path}: ${hit.message})`);
        } else {
            failed++;
            const got = problems.map((p) => `${p.path}: ${p.message}`).join("; ") || "accepted";
            console.log(`FAIL self-test: ${label} should fail at ${where} (${word}); got ${got}`);
        }
    }
}

// ---- main ----

const args = process.argv.slice(2);
const selfTesting = args.includes("--self-test");
const inputs = args.filter((a) => a !== "--self-test");
const unknown = inputs.find((a) => a.startsWith("--"));
if (unknown || (!selfTesting && inputs.length === 0)) {
    console.error(unknown ? `har-check: unknown option ${unknown}\n${USAGE}` : USAGE);
    process.exit(2);
}
if (selfTesting) selfTest();
for (const arg of inputs) for (const file of filesOf(arg)) checkFile(file);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
