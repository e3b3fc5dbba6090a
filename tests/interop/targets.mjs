// Starting the servers the interop scripts talk to: "node" (reference-server.mjs: socket.io 4.8.4 +
// cors 2.8.6) or "cli:PATH" (`corslab-cli serve PROFILE --port 0`). Resolves { child, port } once the
// server prints its URL; rejects when it does not start within 10 s, fails to spawn, or exits.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export function startTarget(target, profilePath) {
    const [command, args] =
        target === "node"
            ? [process.execPath, [path.join(here, "reference-server.mjs"), profilePath]]
            : [target.slice(4), ["serve", profilePath, "--port", "0"]];
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        const timer = setTimeout(() => reject(new Error(`${target} did not start: ${out}${err}`)), 10000);
        child.stdout.on("data", (d) => {
            out += d;
            const m = /http:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(out);
            if (m) {
                clearTimeout(timer);
                resolve({ child, port: Number(m[1]) });
            }
        });
        child.stderr.on("data", (d) => (err += d));
        child.on("error", (e) => {
            clearTimeout(timer);
            reject(new Error(`${target} could not start: ${e.message}`));
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`${target} exited (${code}): ${out}${err}`));
        });
    });
}
