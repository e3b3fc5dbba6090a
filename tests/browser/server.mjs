// Starts `corslab-cli serve PROFILE --port 0` and resolves { url, origin, port, stop() } once it prints
// `CorsLab serving "NAME" at http://HOST:PORT/PATH` (HOST: the name pages and the client use, localhost;
// it listens on 127.0.0.1). stop() kills it by its PID.
import { spawn } from "node:child_process";

export function startServer(cli, profilePath) {
    return new Promise((resolve, reject) => {
        const child = spawn(cli, ["serve", profilePath, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        let started = false;
        const stop = () => {
            if (child.exitCode === null && child.signalCode === null) {
                try {
                    process.kill(child.pid, "SIGKILL");
                } catch {}
            }
        };
        const timer = setTimeout(() => {
            stop();
            reject(new Error(`corslab-cli serve did not print its URL in 10 s: ${out}${err}`));
        }, 10000);
        child.stdout.on("data", (d) => {
            out += d;
            const m = /CorsLab serving ".*" at (http:\/\/[^\s/:]+:(\d+)\S*)/.exec(out);
            if (m && !started) {
                started = true;
                clearTimeout(timer);
                const url = new URL(m[1]);
                resolve({ url: m[1], origin: url.origin, port: Number(m[2]), stop, output: () => out + err, pid: child.pid });
            }
        });
        child.stderr.on("data", (d) => (err += d));
        child.on("error", (e) => {
            clearTimeout(timer);
            reject(new Error(`corslab-cli serve could not start: ${e.message}`));
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            if (!started) reject(new Error(`corslab-cli serve exited (${code}): ${out}${err}`));
        });
    });
}
