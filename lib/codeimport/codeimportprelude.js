// The prelude of CodeImport: the only things user code can reach besides ECMAScript's
// built-ins. require() hands out stubs that record what the code passes to Socket.IO (new
// Server, io.use, io.of().use, io()) and do nothing else: no file, network, process or timer
// ever runs. Returns the recorder the C++ side reads after the user code ran.
(function (userFile) {
    "use strict";

    var global = Function("return this")();
    var defineProperty = Object.defineProperty;
    var records = { servers: [], clients: [], notes: [], implicitServer: null };
    var tags = new Map(); // function -> its index in JsSourcePlan's function list
    var stubs = new WeakSet(); // objects the stubs made (an http server is not an options object)

    // The user's line of the innermost user frame (QJSEngine's stack: "name@file:NAME:LINE").
    function where() {
        var frames = String(new Error().stack || "").split("\n");
        var marker = userFile + ":";
        for (var i = 0; i < frames.length; ++i) {
            var at = frames[i].lastIndexOf(marker);
            if (at >= 0)
                return parseInt(frames[i].slice(at + marker.length), 10) || 0;
        }
        return 0;
    }

    function note(severity, text, line) {
        records.notes.push({ severity: severity, text: text, line: line === undefined ? where() : line });
    }

    // Anything: every property is itself, calling or constructing it gives itself.
    var absorber = new Proxy(function () {}, {
        get: function (target, key) {
            if (typeof key === "symbol" || key === "then")
                return undefined;
            if (key === "toString" || key === "valueOf")
                return function () { return "[CorsLab stub]"; };
            return absorber;
        },
        set: function () { return true; },
        apply: function () { return absorber; },
        construct: function () { return absorber; },
    });
    stubs.add(absorber);

    // Known members as given, anything else the absorber.
    function stub(target) {
        var proxy = new Proxy(target, {
            get: function (t, key) {
                if (key in t || typeof key === "symbol" || key === "then")
                    return t[key];
                return absorber;
            },
        });
        stubs.add(proxy);
        stubs.add(target);
        return proxy;
    }

    // ---- http / https / express / cors ------------------------------------------------------

    function makeHttpServer(kind) {
        var server = stub({
            kind: kind,
            listen: function (port) {
                var line = where();
                if (typeof port === "number" || (typeof port === "string" && /^\d+$/.test(port)))
                    records.listen = records.listen || { port: Number(port), line: line };
                return server;
            },
            on: function () { return server; },
            once: function () { return server; },
            close: function () { return server; },
            address: function () { return { port: records.listen ? records.listen.port : 0 }; },
        });
        return server;
    }

    var httpModule = stub({
        createServer: function () { return makeHttpServer("http"); },
        Server: function () { return makeHttpServer("http"); },
    });

    var corsMiddlewares = new WeakSet();
    function cors(options) {
        note("note", "cors(...) is the npm cors middleware for Express routes, not Socket.IO's " +
            "cors option: Socket.IO answers its own requests with the cors option of " +
            "new Server(..., { cors: {...} }), so this call is not part of the profile");
        var middleware = function (req, res, next) { if (typeof next === "function") next(); };
        corsMiddlewares.add(middleware);
        return middleware;
    }

    function express() {
        var app = stub({
            use: function () {
                for (var i = 0; i < arguments.length; ++i) {
                    if (corsMiddlewares.has(arguments[i]))
                        note("note", "app.use(cors(...)) adds CORS headers to the Express " +
                            "routes only; requests to the Socket.IO path are answered by " +
                            "Socket.IO with its own cors option");
                }
                return app;
            },
            listen: function (port) {
                var server = makeHttpServer("express");
                server.listen(port);
                return server;
            },
            set: function () { return app; },
            get: function () { return app; },
        });
        return app;
    }
    express.static = function () { return absorber; };
    express.json = function () { return absorber; };
    express.urlencoded = function () { return absorber; };
    express.Router = function () { return absorber; };
    express.default = express;

    // ---- socket.io (server) -----------------------------------------------------------------

    function isPort(value) {
        return typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value));
    }

    function Namespace(record, name, line) {
        var entry = null;
        var ns = stub({
            name: name,
            use: function (fn) {
                if (!entry)
                    entry = namespaceEntry(record, name, where());
                entry.middlewares.push({ fn: fn, line: where() });
                return ns;
            },
            on: function () { return ns; },
            once: function () { return ns; },
            emit: function () { return true; },
            to: function () { return ns; },
            in: function () { return ns; },
            except: function () { return ns; },
        });
        if (name !== "/")
            entry = namespaceEntry(record, name, line);
        return ns;
    }

    function namespaceEntry(record, name, line) {
        for (var i = 0; i < record.namespaces.length; ++i) {
            if (record.namespaces[i].name === name)
                return record.namespaces[i];
        }
        var entry = { name: name, line: line, middlewares: [] };
        record.namespaces.push(entry);
        return entry;
    }

    function takeServerArguments(record, srv, opts) {
        if (isPort(srv)) {
            record.port = Number(srv);
        } else if (srv && typeof srv === "object" && !stubs.has(srv) && typeof srv.listen !== "function") {
            opts = srv;
        }
        if (opts !== undefined) {
            if (record.options !== undefined)
                note("warning", "the options given here replace those given before", where());
            record.options = opts;
        }
    }

    function Server(srv, opts) {
        if (!(this instanceof Server))
            return new Server(srv, opts);
        var line = where();
        var record = { line: line, options: undefined, port: undefined, namespaces: [] };
        records.servers.push(record);
        takeServerArguments(record, srv, opts);
        var namespaces = {};
        var self = this;
        function of(name) {
            if (typeof name !== "string") {
                note("warning", "io.of() with a RegExp or function (dynamic namespaces) is not " +
                    "part of a profile; it is left out");
                return new Namespace({ namespaces: [] }, "/", where());
            }
            if (name.charAt(0) !== "/")
                name = "/" + name;
            if (!namespaces[name])
                namespaces[name] = new Namespace(record, name, where());
            return namespaces[name];
        }
        var main = of("/");
        var proxy = null;
        var api = {
            of: of,
            use: function (fn) { main.use(fn); return proxy; },
            on: function () { return proxy; },
            once: function () { return proxy; },
            emit: function () { return true; },
            to: function () { return main; },
            in: function () { return main; },
            except: function () { return main; },
            listen: function (srv, opts) { takeServerArguments(record, srv, opts); return proxy; },
            attach: function (srv, opts) { takeServerArguments(record, srv, opts); return proxy; },
            close: function () {},
            sockets: main,
            engine: absorber,
        };
        proxy = stub(api);
        return proxy;
    }

    var socketIoModule = function (srv, opts) { return new Server(srv, opts); };
    socketIoModule.Server = Server;
    socketIoModule.default = socketIoModule;
    socketIoModule.Namespace = absorber;
    socketIoModule.Socket = absorber;

    // ---- socket.io-client -------------------------------------------------------------------

    function io(uri, opts) {
        var line = where();
        if (uri && typeof uri === "object") {
            opts = uri;
            uri = undefined;
        }
        var record = { line: line, uri: uri, options: opts, connects: [], emits: [] };
        records.clients.push(record);
        var socket;
        function on(event, fn) {
            if (event === "connect" && typeof fn === "function")
                record.connects.push(fn);
            return socket;
        }
        function emit(event) {
            var args = Array.prototype.slice.call(arguments, 1);
            record.emits.push({ event: event, args: args, line: where() });
            return socket;
        }
        socket = stub({
            on: on,
            once: on,
            off: function () { return socket; },
            onAny: function () { return socket; },
            emit: emit,
            emitWithAck: function () {
                emit.apply(null, Array.prototype.slice.call(arguments).concat([function () {}]));
                return new Promise(function () {});
            },
            timeout: function () { return socket; },
            connect: function () { return socket; },
            open: function () { return socket; },
            disconnect: function () { return socket; },
            close: function () { return socket; },
            send: function () { return emit.apply(null, ["message"].concat(Array.prototype.slice.call(arguments))); },
            connected: false,
            disconnected: true,
            id: undefined,
            auth: opts && opts.auth,
            io: absorber,
        });
        record.socket = socket;
        return socket;
    }
    io.io = io;
    io.connect = io;
    io.default = io;
    io.Manager = absorber;
    io.Socket = absorber;

    // ---- Node's globals ---------------------------------------------------------------------

    var ioBuiltins = ["fs", "fs/promises", "child_process", "net", "tls", "dgram", "dns",
        "os", "worker_threads", "cluster", "vm", "module", "process", "readline", "repl",
        "inspector", "v8", "perf_hooks"];
    var quietModules = { path: true, url: true, util: true, events: true, crypto: true,
        dotenv: true, "dotenv/config": true, helmet: true, morgan: true, "body-parser": true,
        "cookie-parser": true, "express-session": true };

    function require(name) {
        var id = String(name);
        if (id.indexOf("node:") === 0)
            id = id.slice(5);
        switch (id) {
        case "socket.io":
            return socketIoModule;
        case "socket.io-client":
            return io;
        case "express":
            return express;
        case "cors":
            return cors;
        case "http":
        case "https":
        case "http2":
            return httpModule;
        }
        if (ioBuiltins.indexOf(id) >= 0)
            throw new Error("require(\"" + name + "\") is not available: CorsLab reads the code " +
                "without running Node and gives it no file, network or process access (only " +
                "socket.io, socket.io-client, express, cors and http/https are stood in for)");
        if (!quietModules[id])
            note("warning", "require(\"" + name + "\"): CorsLab does not know this module and " +
                "stands in an object that does nothing; what it would do is not in the profile");
        return absorber;
    }

    var envNotes = {};
    var env = new Proxy({}, {
        get: function (target, key) {
            if (typeof key === "symbol")
                return undefined;
            if (!envNotes[key]) {
                envNotes[key] = true;
                note("note", "process.env." + key + " is read with an empty environment " +
                    "(undefined), so any default the code gives applies");
            }
            return undefined;
        },
        set: function () { return true; },
        has: function () { return false; },
    });

    var module = { exports: {} };
    var noop = function () {};
    var timerId = 0;
    var timer = function () { return ++timerId; };
    var globals = {
        require: require,
        module: module,
        exports: module.exports,
        process: stub({ env: env, argv: ["node", "server.js"], platform: "linux",
            version: "v20.0.0", versions: { node: "20.0.0" }, cwd: function () { return "/app"; },
            on: function () {}, exit: function () {}, nextTick: noop }),
        console: { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop,
            dir: noop, table: noop },
        setTimeout: timer, setInterval: timer, setImmediate: timer,
        clearTimeout: noop, clearInterval: noop, clearImmediate: noop,
        queueMicrotask: noop,
        __dirname: "/app",
        __filename: "/app/" + userFile,
        global: global,
        globalThis: global,
        // Fragments that use these without importing them still run.
        Server: Server,
        io: io,
        __corslabDefault: function (m) {
            return m && m.default !== undefined ? m.default : m;
        },
        __corslabTag: new Proxy({}, {
            set: function (target, key, value) {
                if (typeof value === "function")
                    tags.set(value, Number(key));
                return true;
            },
        }),
    };
    Object.keys(globals).forEach(function (name) {
        defineProperty(global, name, { value: globals[name], writable: true, configurable: true });
    });
    // Nothing of Qt is installed (no installExtensions()); nothing else to take away.

    return {
        records: records,
        tagOf: function (fn) { return tags.has(fn) ? tags.get(fn) : -1; },
        isStub: function (value) { return (typeof value === "object" || typeof value === "function") && value !== null && stubs.has(value); },
        // What happens once a client is connected: its "connect" handlers run (they may emit).
        connect: function () {
            records.clients.forEach(function (record) {
                record.connects.forEach(function (fn) {
                    try {
                        fn.call(record.socket);
                    } catch (e) {
                        note("warning", "the \"connect\" handler threw " + String(e), record.line);
                    }
                });
            });
        },
    };
})
