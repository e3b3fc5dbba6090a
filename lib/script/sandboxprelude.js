// The prelude of CorsLab's script sandbox: the Node globals user functions may use (console,
// timers, queueMicrotask, globalThis) and the helpers the C++ side calls. It runs once per
// sandbox and keeps the host bridge in this closure only, so user code reaches nothing of the
// host but what these functions do. QJSEngine 6.4 reads ES2016 plus a little: no object spread.
(function (host, preludeFile) {
    "use strict";

    var global = Function("return this")();
    // Taken now, so user code that replaces them cannot change what the helpers do.
    var apply = Reflect.apply;
    var stringify = JSON.stringify;
    var parseJson = JSON.parse;
    var isArray = Array.isArray;
    var hasOwn = Object.prototype.hasOwnProperty;
    var objectToString = Object.prototype.toString;
    var defineProperty = Object.defineProperty;
    var getPrototypeOf = Object.getPrototypeOf;
    var keysOf = Object.keys;
    var NativeRegExp = RegExp;
    var NativeError = Error;
    var NativeString = String;
    var NativeSet = Set;
    var NativeMap = Map;
    var NativeDate = Date;
    var NativePromise = Promise;
    var slice = Array.prototype.slice;

    // ---- util.inspect / util.format, the parts console.log output needs -------------------

    function quote(s) {
        return "'" + s.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n") + "'";
    }

    function keyText(key) {
        return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
    }

    function inspect(value, depth, seen) {
        if (value === null)
            return "null";
        switch (typeof value) {
        case "undefined":
            return "undefined";
        case "string":
            return quote(value);
        case "number":
            return value === 0 && 1 / value < 0 ? "-0" : NativeString(value);
        case "boolean":
            return NativeString(value);
        case "symbol":
            return value.toString();
        case "function":
            return value.name ? "[Function: " + value.name + "]" : "[Function (anonymous)]";
        }
        if (seen.indexOf(value) >= 0)
            return "[Circular *1]";
        if (value instanceof NativeRegExp)
            return NativeString(value);
        if (value instanceof NativeDate)
            return isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
        if (value instanceof NativeError)
            return errorText(value);
        if (depth > 2)
            return isArray(value) ? "[Array]" : "[Object]";
        seen = seen.concat([value]);
        var parts = [];
        if (isArray(value)) {
            for (var i = 0; i < value.length && i < 100; ++i)
                parts.push(inspect(value[i], depth + 1, seen));
            if (value.length > 100)
                parts.push("... " + (value.length - 100) + " more items");
            return parts.length ? "[ " + parts.join(", ") + " ]" : "[]";
        }
        if (value instanceof NativeSet || value instanceof NativeMap) {
            var isMap = value instanceof NativeMap;
            value.forEach(function (v, k) {
                var shown = inspect(v, depth + 1, seen);
                parts.push(isMap ? inspect(k, depth + 1, seen) + " => " + shown : shown);
            });
            var head = (isMap ? "Map(" : "Set(") + value.size + ") ";
            return head + (parts.length ? "{ " + parts.join(", ") + " }" : "{}");
        }
        var keys = keysOf(value);
        for (var j = 0; j < keys.length; ++j)
            parts.push(keyText(keys[j]) + ": " + inspect(value[keys[j]], depth + 1, seen));
        var prefix = getPrototypeOf(value) === null ? "[Object: null prototype] " : "";
        return prefix + (parts.length ? "{ " + parts.join(", ") + " }" : "{}");
    }

    function show(value) {
        return typeof value === "string" ? value : inspect(value, 0, []);
    }

    // Node's util.format(): printf-like substitutions in a first string argument, then the
    // remaining arguments separated by spaces.
    function format(args) {
        var out = "";
        var next = 0;
        if (typeof args[0] === "string" && args.length > 1) {
            var f = args[0];
            next = 1;
            for (var i = 0; i < f.length; ++i) {
                var c = f[i];
                if (c !== "%" || i + 1 === f.length) {
                    out += c;
                    continue;
                }
                var spec = f[i + 1];
                if (spec === "%") {
                    out += "%";
                    ++i;
                    continue;
                }
                if ("sdifjoOc".indexOf(spec) < 0 || next >= args.length) {
                    out += c;
                    continue;
                }
                var a = args[next++];
                ++i;
                if (spec === "s" && typeof a === "object" && a !== null)
                    out += inspect(a, 1, []);
                else if (spec === "s")
                    out += NativeString(a);
                else if (spec === "d")
                    out += typeof a === "object" && a !== null ? "NaN" : NativeString(Number(a));
                else if (spec === "i")
                    out += NativeString(parseInt(a));
                else if (spec === "f")
                    out += NativeString(parseFloat(a));
                else if (spec === "j")
                    out += safeStringify(a);
                else if (spec === "o" || spec === "O")
                    out += inspect(a, 0, []);
            }
        } else if (args.length > 0) {
            out = show(args[0]);
            next = 1;
        }
        for (; next < args.length; ++next)
            out += " " + show(args[next]);
        return out;
    }

    function safeStringify(value) {
        try {
            return stringify(value);
        } catch (e) {
            return "[Circular]";
        }
    }

    function errorText(e) {
        try {
            return NativeString(e);
        } catch (inner) {
            return objectToString.call(e);
        }
    }

    // ---- globals ------------------------------------------------------------------------------

    function setGlobal(name, value) {
        defineProperty(global, name,
                       { value: value, writable: true, configurable: true, enumerable: false });
    }

    var console = {};
    ["log", "info", "debug", "warn", "error", "trace", "dir"].forEach(function (level) {
        console[level] = function () {
            host.log(level, format(arguments));
        };
    });
    setGlobal("console", console);
    setGlobal("globalThis", global);

    // Node's timers (lib/timers.js): a delay outside 1..2^31-1 becomes 1; the handle is an
    // object with ref()/unref()/refresh() that clearTimeout() also accepts as its number.
    var TIMEOUT_MAX = 2147483647;

    function Timeout(id) {
        this._id = id;
    }
    Timeout.prototype.ref = function () { return this; };
    Timeout.prototype.unref = function () { return this; };
    Timeout.prototype.hasRef = function () { return true; };
    Timeout.prototype.refresh = function () { host.refreshTimer(this._id); return this; };
    Timeout.prototype.close = function () { host.removeTimer(this._id); return this; };
    Timeout.prototype[Symbol.toPrimitive] = function () { return this._id; };

    function checkCallback(callback) {
        if (typeof callback !== "function") {
            var e = new TypeError('The "callback" argument must be of type function. Received '
                                  + inspect(callback, 0, []));
            e.code = "ERR_INVALID_ARG_TYPE";
            throw e;
        }
    }

    function addTimer(callback, after, args, repeat) {
        checkCallback(callback);
        after = after * 1;
        if (!(after >= 1 && after <= TIMEOUT_MAX))
            after = 1;
        var timeout = new Timeout(0);
        var id = host.addTimer(callback, after, args, repeat, timeout);
        if (id < 0)
            throw new RangeError("CorsLab's sandbox allows at most 1000 pending timers");
        timeout._id = id;
        return timeout;
    }

    function clearTimer(timer) {
        if (timer === null || timer === undefined)
            return;
        var id = typeof timer === "object" ? timer._id : Number(timer);
        if (typeof id === "number" && id === id)
            host.removeTimer(id);
    }

    setGlobal("setTimeout", function setTimeout(callback, after) {
        return addTimer(callback, after, slice.call(arguments, 2), false);
    });
    setGlobal("setInterval", function setInterval(callback, repeat) {
        return addTimer(callback, repeat, slice.call(arguments, 2), true);
    });
    setGlobal("setImmediate", function setImmediate(callback) {
        return addTimer(callback, 0, slice.call(arguments, 1), false);
    });
    setGlobal("clearTimeout", clearTimer);
    setGlobal("clearInterval", clearTimer);
    setGlobal("clearImmediate", clearTimer);
    setGlobal("queueMicrotask", function queueMicrotask(callback) {
        checkCallback(callback);
        NativePromise.resolve().then(function () {
            try {
                callback();
            } catch (e) {
                host.uncaught(describeError(e));
            }
        });
    });

    // ---- where QJSEngine 6.4 would crash -------------------------------------------------------
    // Its Array.prototype.join and toLocaleString recurse in C++ without a stack check: a
    // cyclic or very deeply nested array brings the process down. These versions recurse
    // through JavaScript, which runs out with a RangeError, and join a cycle as "" like V8.
    // toString() calls join() (ECMA-262 §23.1.3.36), so it is covered too.
    var joining = [];

    function toLength(value) {
        var n = Number(value);
        if (!(n > 0))
            return 0;
        return Math.min(Math.floor(n), 9007199254740991);
    }

    function joinWith(array, separator, convert) {
        if (array === null || array === undefined)
            throw new TypeError("Array.prototype.join called on null or undefined");
        var o = Object(array);
        var length = toLength(o.length);
        var sep = separator === undefined ? "," : `${separator}`;
        if (joining.indexOf(o) >= 0)
            return "";
        joining.push(o);
        try {
            var out = "";
            for (var k = 0; k < length; ++k) {
                if (k > 0)
                    out += sep;
                var element = o[k];
                if (element !== undefined && element !== null)
                    out += convert(element);
            }
            return out;
        } finally {
            joining.pop();
        }
    }

    function replaceMethod(object, name, method) {
        defineProperty(object, name,
                       { value: method, writable: true, configurable: true, enumerable: false });
    }

    replaceMethod(Array.prototype, "join", function join(separator) {
        return joinWith(this, separator, function (element) { return `${element}`; });
    });
    replaceMethod(Array.prototype, "toLocaleString", function toLocaleString() {
        return joinWith(this, ",", function (element) { return `${element.toLocaleString()}`; });
    });

    // Proxies of proxies are followed in C++ without a stack check as well; Node allows deep
    // chains, but no origin check needs more than a few levels.
    var NativeProxy = Proxy;
    var proxyDepth = new WeakMap();
    var MaxProxyDepth = 1000;

    function proxyDepthOf(value) {
        return (value !== null && typeof value === "object") || typeof value === "function"
            ? proxyDepth.get(value) || 0 : 0;
    }

    function makeProxy(target, handler, make) {
        var depth = Math.max(proxyDepthOf(target), proxyDepthOf(handler)) + 1;
        if (depth > MaxProxyDepth)
            throw new RangeError("CorsLab's sandbox allows proxies nested " + MaxProxyDepth
                                 + " deep at most");
        var made = make(target, handler);
        proxyDepth.set(typeof made === "object" && "proxy" in made && "revoke" in made
                           ? made.proxy : made, depth);
        return made;
    }

    var SandboxProxy = function Proxy(target, handler) {
        if (new.target === undefined)
            throw new TypeError("Constructor Proxy requires 'new'");
        return makeProxy(target, handler, function (t, h) { return new NativeProxy(t, h); });
    };
    SandboxProxy.revocable = function revocable(target, handler) {
        return makeProxy(target, handler, NativeProxy.revocable);
    };
    setGlobal("Proxy", SandboxProxy);

    // A Promise callback runs later, from the event loop; it belongs to the call that was
    // running when then() was called, so its timers keep that call waiting and its console
    // lines are that call's.
    var nativeThen = NativePromise.prototype.then;
    function inContext(callback, context) {
        if (typeof callback !== "function")
            return callback;
        return function (value) {
            var previous = host.enter(context);
            try {
                return callback(value);
            } finally {
                host.enter(previous);
            }
        };
    }
    defineProperty(NativePromise.prototype, "then", {
        value: function then(onFulfilled, onRejected) {
            var context = host.current();
            return apply(nativeThen, this,
                         [inContext(onFulfilled, context), inContext(onRejected, context)]);
        },
        writable: true,
        configurable: true,
        enumerable: false
    });

    // ---- errors -------------------------------------------------------------------------------

    // The first stack frame in user code: "name@file:cors.origin:3" -> 3.
    function userLine(e) {
        var stack = NativeString(e.stack || "").split("\n");
        for (var i = 0; i < stack.length; ++i) {
            var frame = stack[i];
            if (!frame || frame.indexOf(preludeFile) >= 0)
                continue;
            var m = /:(\d+)$/.exec(frame);
            if (m)
                return Number(m[1]);
        }
        return 0;
    }

    function describeError(e) {
        if (e instanceof NativeError)
            return { text: errorText(e), line: userLine(e) };
        return { text: inspect(e, 0, []), line: 0 };
    }

    // ---- values handed back -------------------------------------------------------------------

    function typeOf(v) {
        if (v === null)
            return "null";
        var t = typeof v;
        if (t !== "object")
            return t;
        if (isArray(v))
            return "array";
        if (v instanceof NativeRegExp)
            return "regexp";
        if (v instanceof NativeError)
            return "error";
        return "object";
    }

    function snapshot(v) {
        var out = { type: typeOf(v), truthy: !!v, text: "", json: undefined };
        out.text = typeof v === "symbol" ? v.toString() : errorText(v);
        try {
            out.json = stringify(v);
        } catch (e) {
            out.json = undefined;
        }
        return out;
    }

    // QJSEngine's RegExp.prototype.source puts a backslash before every "/", even one that
    // has one (/a\/b/.source is "a\\/b"); without them it is the pattern as written.
    function patternOf(re) {
        return NativeString(re.source).replace(/\\\//g, "/");
    }

    function regexEntry(re) {
        return { kind: "regex", source: patternOf(re), flags: re.flags, object: re };
    }

    // cors isOriginAllowed(): a list is searched in order (nested lists too); a string
    // matches by ===, a RegExp by test(), a String object never, anything else by truthiness.
    // Returns true at an entry that always matches: nothing after it is ever looked at.
    function flatten(list, out) {
        for (var i = 0; i < list.length; ++i) {
            var e = list[i];
            if (typeof e === "string") {
                out.push({ kind: "string", value: e });
            } else if (e instanceof NativeRegExp) {
                out.push(regexEntry(e));
            } else if (isArray(e)) {
                if (flatten(e, out))
                    return true;
            } else if (e instanceof NativeString) {
                continue;
            } else if (e) {
                out.push({ kind: "any" });
                return true;
            }
        }
        return false;
    }

    // cors configureOrigin(): falsy -> no headers, a string (or String object) is sent as it
    // is, a RegExp or an array is matched, anything else reflects the request's Origin.
    function originValue(v) {
        if (!v)
            return { kind: "bool", value: false };
        if (typeof v === "string" || v instanceof NativeString)
            return { kind: "string", value: NativeString(v) };
        if (v instanceof NativeRegExp)
            return regexEntry(v);
        if (isArray(v)) {
            var entries = [];
            flatten(v, entries);
            return { kind: "list", entries: entries };
        }
        return { kind: "bool", value: true };
    }

    var converters = {
        // cors: originCallback(origin, function (err2, origin) { if (err2 || !origin) ... })
        origin: function (args) {
            if (args[0])
                return { error: snapshot(args[0]) };
            return { value: originValue(args[1]) };
        },
        // engine.io verify(): allowRequest(req, (message, success) => { if (!success) ... })
        allowRequest: function (args) {
            return { message: snapshot(args[0]), success: !!args[1] };
        },
        // socket.io namespace run(): fns[i](socket, (err) => ...), then err.message, err.data
        middleware: function (args) {
            var err = args[0];
            if (!err)
                return { allowed: true };
            return {
                error: snapshot(err),
                message: snapshot(err.message),
                data: snapshot(err.data)
            };
        }
    };

    // ---- the objects user code receives -------------------------------------------------------

    // Node's IncomingMessage._addHeaderLine(): names lower-cased; set-cookie collects an
    // array; these keep their first value; cookie joins with "; "; the rest with ", ".
    var firstValueWins = Object.create(null);
    ["age", "authorization", "content-length", "content-type", "etag", "expires", "from", "host",
     "if-modified-since", "if-unmodified-since", "last-modified", "location", "max-forwards",
     "proxy-authorization", "referer", "retry-after", "server", "user-agent"].forEach(
        function (name) {
            firstValueWins[name] = true;
        });

    function nodeHeaders(list) {
        var dest = {};
        for (var i = 0; i < list.length; ++i) {
            var field = NativeString(list[i][0]).toLowerCase();
            var value = list[i][1];
            if (field === "__proto__") {
                // Node assigns it, which sets no property; QJSEngine would throw instead.
                continue;
            } else if (field === "set-cookie") {
                if (dest[field] !== undefined)
                    dest[field].push(value);
                else
                    dest[field] = [value];
            } else if (firstValueWins[field] === true) {
                if (dest[field] === undefined)
                    dest[field] = value;
            } else if (typeof dest[field] === "string") {
                dest[field] += (field === "cookie" ? "; " : ", ") + value;
            } else {
                dest[field] = value;
            }
        }
        return dest;
    }

    // engine.io prepare(): req._query = Object.fromEntries(searchParams): own data properties,
    // the last of repeated names wins.
    function fromEntries(list) {
        var obj = {};
        for (var i = 0; i < list.length; ++i)
            defineProperty(obj, list[i][0], {
                value: list[i][1],
                writable: true,
                enumerable: true,
                configurable: true
            });
        return obj;
    }

    function makeRequest(r) {
        var socket = { remoteAddress: r.remoteAddress, encrypted: r.encrypted ? true : undefined };
        var rawHeaders = [];
        for (var i = 0; i < r.headers.length; ++i)
            rawHeaders.push(r.headers[i][0], r.headers[i][1]);
        var version = NativeString(r.httpVersion).split(".");
        return {
            method: r.method,
            url: r.url,
            httpVersion: r.httpVersion,
            httpVersionMajor: Number(version[0]),
            httpVersionMinor: Number(version[1] || 0),
            headers: nodeHeaders(r.headers),
            rawHeaders: rawHeaders,
            socket: socket,
            connection: socket,
            _query: fromEntries(r.query)
        };
    }

    // socket.io Socket before it connects, with socket.js buildHandshake().
    function makeSocket(h) {
        var req = makeRequest(h.request);
        var now = new NativeDate();
        var conn = {
            id: h.sessionId,
            remoteAddress: req.connection.remoteAddress,
            request: req,
            readyState: "open",
            transport: { name: h.transport }
        };
        return {
            id: h.id,
            nsp: { name: h.nsp },
            data: {},
            connected: false,
            disconnected: true,
            recovered: false,
            rooms: new NativeSet(),
            request: req,
            conn: conn,
            client: { conn: conn, request: req },
            handshake: {
                headers: req.headers,
                time: now + "",
                address: req.connection.remoteAddress,
                xdomain: !!req.headers.origin,
                secure: !!req.connection.encrypted,
                issued: +now,
                url: req.url,
                query: req._query,
                auth: h.auth === undefined ? {} : parseJson(h.auth)
            }
        };
    }

    // ---- what the C++ side calls --------------------------------------------------------------

    return {
        // Calls fn(...args, callback); the callback hands its arguments to host.answer().
        invoke: function (fn, args, callId, kind) {
            var convert = converters[kind];
            args.push(function () {
                var answer;
                try {
                    answer = convert(arguments);
                } catch (e) {
                    host.answerFailed(callId, describeError(e));
                    return;
                }
                host.answer(callId, answer);
            });
            var result;
            try {
                result = apply(fn, undefined, args);
            } catch (e) {
                return { threw: true, error: describeError(e) };
            }
            try {
                if (result !== null && (typeof result === "object" || typeof result === "function")
                    && typeof result.then === "function")
                    result.then(undefined, function (e) {
                        host.rejected(callId, describeError(e));
                    });
            } catch (e) {
                // A thenable whose then() throws: like an unwatched Promise.
            }
            return { threw: false };
        },
        runTimer: function (fn, args, thisObject) {
            try {
                apply(fn, thisObject, args);
            } catch (e) {
                return describeError(e);
            }
            return null;
        },
        newRegExp: function (source, flags) {
            try {
                return { regex: new NativeRegExp(source, flags) };
            } catch (e) {
                return { error: errorText(e) };
            }
        },
        // cors isOriginAllowed(): allowedOrigin.test(origin), origin possibly undefined.
        regexTest: function (re, input) {
            try {
                return { matched: !!re.test(input) };
            } catch (e) {
                return { error: describeError(e) };
            }
        },
        typeOf: typeOf,
        makeRequest: makeRequest,
        makeSocket: makeSocket
    };
})
