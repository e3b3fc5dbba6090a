// Checks the profile JSON Schema against the shipped examples and the test data, and optionally
// that corslab-cli's loader agrees with the schema (docs/profile-format.md: "the schema test checks
// the two agree").
//
//   node schema-check.mjs --schema FILE [--examples DIR] [--invalid DIR] [--valid DIR] [--cli PATH]
//
// Prints one line per check ("ok   ..." or "FAIL ...: reason") and ends with "N passed, M failed".
// Exit status: 0 when every check passed, 1 when one failed, 2 on a usage error.

import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import Ajv from "ajv";

const USAGE =
    "usage: node schema-check.mjs --schema FILE [--examples DIR] [--invalid DIR] [--valid DIR] [--cli PATH]";

function parseArgs(argv) {
    const known = new Set(["--schema", "--examples", "--invalid", "--valid", "--cli"]);
    const args = {};
    for (let i = 0; i < argv.length; i += 2) {
        const flag = argv[i];
        const value = argv[i + 1];
        if (!known.has(flag) || value === undefined || value.startsWith("--")) {
            return { error: `bad argument ${JSON.stringify(flag)}` };
        }
        args[flag.slice(2)] = value;
    }
    if (!args.schema) return { error: "--schema is required" };
    return { args };
}

let passed = 0;
let failed = 0;
function ok(label) {
    passed++;
    console.log(`ok   ${label}`);
}
function fail(label, reason) {
    failed++;
    console.log(`FAIL ${label}: ${reason}`);
}

function profileFiles(dir) {
    return fs
        .readdirSync(dir)
        .filter((name) => name.endsWith(".corslab.json"))
        .sort()
        .map((name) => path.join(dir, name));
}

function readJson(file) {
    const text = fs.readFileSync(file, "utf8");
    return { text, value: JSON.parse(text) };
}

function schemaErrors(validate) {
    return validate.errors
        .slice(0, 3)
        .map((e) => `${e.instancePath || "/"} ${e.message}`)
        .join("; ");
}

// --- Canonical form (docs/profile-format.md "Canonical form") -----------------------------------

// Known keys per object kind, in table order.
const ORDER = {
    top: ["$schema", "format", "version", "name", "description", "server", "client", "expect"],
    server: ["host", "port", "path", "addTrailingSlash", "cors", "allowRequest", "transports",
        "allowUpgrades", "pingInterval", "pingTimeout", "upgradeTimeout", "maxHttpBufferSize",
        "connectTimeout", "cookie", "allowEIO3", "httpCompression", "initialPacket", "namespaces"],
    cors: ["origin", "methods", "allowedHeaders", "exposedHeaders", "credentials", "maxAge",
        "preflightContinue", "optionsSuccessStatus"],
    cookie: ["name", "path", "domain", "httpOnly", "secure", "sameSite", "maxAge", "partitioned"],
    namespace: ["name", "middleware"],
    client: ["pageOrigin", "url", "namespace", "browser", "options", "emit"],
    options: ["path", "query", "auth", "withCredentials", "extraHeaders", "transports", "upgrade",
        "rememberUpgrade", "timeout", "forceBase64"],
    emit: ["event", "args", "ack"],
    expect: ["verdict", "reason"],
    function: ["function"],
    regex: ["regex", "flags"],
};

// Socket.IO's defaults: a known key holding one of these values is omitted in canonical form.
const DEFAULTS = {
    top: { server: {} },
    server: {
        host: "127.0.0.1", port: 0, path: "/socket.io", addTrailingSlash: true,
        transports: ["polling", "websocket"], allowUpgrades: true, pingInterval: 25000,
        pingTimeout: 20000, upgradeTimeout: 10000, maxHttpBufferSize: 1000000, connectTimeout: 45000,
        cookie: false, allowEIO3: false, httpCompression: true, namespaces: [],
    },
    cors: {
        origin: "*", methods: "GET,HEAD,PUT,PATCH,POST,DELETE", credentials: false,
        preflightContinue: false, optionsSuccessStatus: 204,
    },
    client: { url: "embedded", namespace: "/", browser: "chromium", options: {}, emit: [] },
    options: {
        path: "/socket.io", query: {}, withCredentials: false, extraHeaders: {},
        transports: ["polling", "websocket", "webtransport"], upgrade: true, rememberUpgrade: false,
        timeout: 20000, forceBase64: false,
    },
    emit: { args: [], ack: false },
};

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function deepEqual(a, b) {
    if (Array.isArray(a) && Array.isArray(b)) {
        return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    }
    if (isObject(a) && isObject(b)) {
        const ka = Object.keys(a);
        return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
    }
    return a === b;
}

// Problems with key order, explicit defaults, function sources and regexes below `value`.
function canonicalProblems(value, kind, where, problems) {
    if (!isObject(value)) return;
    const order = ORDER[kind];
    let lastKnown = -1;
    let sawUnknown = false;
    for (const key of Object.keys(value)) {
        const index = order.indexOf(key);
        if (index < 0) {
            sawUnknown = true;
            continue;
        }
        if (sawUnknown || index < lastKnown) {
            problems.push(`${where}.${key}: out of order (expected ${order.join(", ")}, then unknown keys)`);
        }
        lastKnown = Math.max(lastKnown, index);
        const defaults = DEFAULTS[kind];
        if (defaults && key in defaults && deepEqual(value[key], defaults[key])) {
            problems.push(`${where}.${key}: equals the default ${JSON.stringify(defaults[key])}, omit it`);
        }
    }

    const at = (key) => `${where}.${key}`;
    const callable = (v, w) => {
        if (isObject(v) && "function" in v) {
            canonicalProblems(v, "function", w, problems);
            checkFunctionSource(v.function, w, problems);
        } else if (isObject(v) && "regex" in v) {
            canonicalProblems(v, "regex", w, problems);
            checkRegex(v, w, problems);
        }
    };
    switch (kind) {
    case "top":
        canonicalProblems(value.server, "server", at("server"), problems);
        canonicalProblems(value.client, "client", at("client"), problems);
        canonicalProblems(value.expect, "expect", at("expect"), problems);
        break;
    case "server":
        canonicalProblems(value.cors, "cors", at("cors"), problems);
        canonicalProblems(value.cookie, "cookie", at("cookie"), problems);
        callable(value.allowRequest, at("allowRequest"));
        (Array.isArray(value.namespaces) ? value.namespaces : []).forEach((ns, i) => {
            canonicalProblems(ns, "namespace", `${at("namespaces")}[${i}]`, problems);
            if (isObject(ns)) callable(ns.middleware, `${at("namespaces")}[${i}].middleware`);
        });
        break;
    case "cors":
        if (Array.isArray(value.origin)) {
            value.origin.forEach((o, i) => callable(o, `${at("origin")}[${i}]`));
        } else {
            callable(value.origin, at("origin"));
        }
        break;
    case "client":
        canonicalProblems(value.options, "options", at("options"), problems);
        (Array.isArray(value.emit) ? value.emit : []).forEach((e, i) =>
            canonicalProblems(e, "emit", `${at("emit")}[${i}]`, problems));
        break;
    }
}

// The source must be an arrow function or a function expression that compiles. It is only
// compiled, never run.
function checkFunctionSource(source, where, problems) {
    if (typeof source !== "string") return;
    if (!/^\s*(async\s+)?(function\b|\(|[A-Za-z_$][\w$]*\s*=>)/.test(source)) {
        problems.push(`${where}: not an arrow function or function expression`);
        return;
    }
    try {
        new Function(`"use strict"; return (${source});`);
    } catch (e) {
        problems.push(`${where}: JavaScript does not compile: ${e.message}`);
    }
}

function checkRegex(value, where, problems) {
    try {
        new RegExp(value.regex, value.flags ?? "");
    } catch (e) {
        problems.push(`${where}: RegExp does not compile: ${e.message}`);
    }
}

// Conventions for shipped examples on top of the schema: canonical bytes, kebab-case file name,
// a description and an expected verdict.
function exampleProblems(file, text, value) {
    const problems = [];
    if (!/^[a-z0-9]+(-[a-z0-9]+)*\.corslab\.json$/.test(path.basename(file))) {
        problems.push("file name is not kebab-case *.corslab.json");
    }
    if (text !== JSON.stringify(value, null, 2) + "\n") {
        problems.push("layout differs from JSON.stringify(value, null, 2) plus a trailing newline");
    }
    if (typeof value.description !== "string" || value.description === "" || value.description.includes("\n")) {
        problems.push("description must be one non-empty line");
    }
    if (!isObject(value.expect) || typeof value.expect.verdict !== "string") {
        problems.push("expect.verdict is missing");
    } else if (["blocked", "refused"].includes(value.expect.verdict) && !value.expect.reason) {
        problems.push(`expect.reason is missing for verdict ${value.expect.verdict}`);
    }
    canonicalProblems(value, "top", "$", problems);
    return problems;
}

// --- Checks ------------------------------------------------------------------------------------

function checkSchemaOnDir(validate, dir, role, mustValidate, extra) {
    let files;
    try {
        files = profileFiles(dir);
    } catch (e) {
        fail(`${role}/`, `cannot read ${dir}: ${e.message}`);
        return [];
    }
    if (files.length === 0) {
        fail(`${role}/`, `no *.corslab.json files in ${dir}`);
        return [];
    }
    for (const file of files) {
        const label = `${role}/${path.basename(file)}`;
        let parsed;
        try {
            parsed = readJson(file);
        } catch (e) {
            fail(label, `not JSON: ${e.message}`);
            continue;
        }
        const valid = validate(parsed.value);
        if (mustValidate && !valid) fail(label, `rejected by the schema: ${schemaErrors(validate)}`);
        else if (!mustValidate && valid) fail(label, "accepted by the schema but should be rejected");
        else ok(label);
        if (extra) extra(file, parsed);
    }
    return files;
}

function checkCli(cli, files, role, expectedStatus) {
    for (const file of files) {
        const label = `cli validate ${role}/${path.basename(file)}`;
        const run = spawnSync(cli, ["validate", file], { encoding: "utf8", timeout: 30000 });
        if (run.error) {
            fail(label, `cannot run ${cli}: ${run.error.message}`);
        } else if (run.status !== expectedStatus) {
            const said = `${run.stdout}${run.stderr}`.trim().split("\n")[0] ?? "";
            fail(label, `exit status ${run.status ?? run.signal}, expected ${expectedStatus}${said ? ` (${said})` : ""}`);
        } else {
            ok(label);
        }
    }
}

function main() {
    const { args, error } = parseArgs(process.argv.slice(2));
    if (error) {
        console.error(`${error}\n${USAGE}`);
        process.exit(2);
    }

    let validate;
    try {
        const schema = JSON.parse(fs.readFileSync(args.schema, "utf8"));
        const ajv = new Ajv({ strict: true, allErrors: true });
        validate = ajv.compile(schema);
        ok(`schema ${path.basename(args.schema)} compiles (strict)`);
    } catch (e) {
        fail(`schema ${path.basename(args.schema)}`, e.message);
    }

    if (validate) {
        const examples = args.examples
            ? checkSchemaOnDir(validate, args.examples, "examples", true, (file, { text, value }) => {
                const problems = exampleProblems(file, text, value);
                const label = `canonical examples/${path.basename(file)}`;
                if (problems.length) fail(label, problems.join("; "));
                else ok(label);
            })
            : [];
        const valid = args.valid ? checkSchemaOnDir(validate, args.valid, "valid", true) : [];
        const invalid = args.invalid ? checkSchemaOnDir(validate, args.invalid, "invalid", false) : [];

        if (args.cli) {
            checkCli(args.cli, examples, "examples", 0);
            checkCli(args.cli, valid, "valid", 0);
            checkCli(args.cli, invalid, "invalid", 1);
        }
    }

    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
}

main();
