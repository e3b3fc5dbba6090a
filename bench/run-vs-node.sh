#!/usr/bin/env bash
# DESIGN §7, one full run: preflight, handshake, connect, upgrade, one event with ack, verdict.
# Prints numbers, asserts nothing (it exits non-zero only when the scenario itself did not happen).
#
#   bench/run-vs-node.sh [BUILD_DIR] [RUNS]
#
# BUILD_DIR defaults to build/release (configured and built, corslab-cli only, with -j1 when missing);
# RUNS (default 10) counted runs of each command after one warm-up.
#
# 1. The scenario: `corslab-cli run bench/profiles/full-run.corslab.json --json --no-fix` must show the
#    preflight, the upgrade and the ack, and bench/node-client-run.mjs must finish (exit 0).
# 2. Whole processes, side by side: A = `corslab-cli run PROFILE --no-fix` (its embedded server and
#    client in one process), B = `node bench/node-client-run.mjs` (the Node reference server and the
#    real socket.io-client 4.8.4 in one process), run in turn A B A B ...; wall, CPU (user + sys) and
#    peak memory from the kernel's accounting of each child (wait4), min / median / max, and the ratio
#    A/B taken pair by pair.
# 3. In-process: `corslab-cli run --json` reports timing.wallUs and timing.cpuUs for the run itself;
#    the protocol's own waits are read from the events (a noop the server sends every 100 ms while an
#    upgrade is pending, a ping on pingInterval: the idle time before the page receives one), and
#    wall − waits is what CorsLab adds (budget: within 5 ms; CPU under 10 ms).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
runs=${2:-10}
cli=$build/app/cli/corslab-cli
profile=$root/bench/profiles/full-run.corslab.json
node_run=$root/bench/node-client-run.mjs

if [[ ! -x $cli ]]; then
    if [[ $build != "$root/build/release" ]]; then
        echo "run-vs-node: no corslab-cli in $build" >&2
        exit 2
    fi
    echo "run-vs-node: building the release preset (corslab-cli, -j1)" >&2
    (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release -j1 --target corslab-cli)
fi

python3 - "$cli" "$profile" "$node_run" "$runs" <<'PY'
import json, os, statistics, subprocess, sys, time

cli, profile, node_run, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
A = [cli, "run", profile, "--no-fix"]
B = ["node", node_run, profile]


def run_json():
    out = subprocess.run(A + ["--json"], capture_output=True, text=True, check=False)
    try:
        return json.loads(out.stdout)["runs"][0]
    except (ValueError, KeyError, IndexError):
        sys.exit(f"run-vs-node: `{' '.join(A)} --json` printed no run (a build without `run`? rebuild it:"
                 f" cmake --build --preset release -j1 --target corslab-cli)\n{out.stderr.strip()[-400:]}")


# --- 1. the scenario happened --------------------------------------------------------------------
r = run_json()
events = r["events"]
has = lambda pred: any(pred(e) for e in events)
checks = {
    "preflight": has(lambda e: e["kind"] == "request" and e["summary"].startswith("OPTIONS ")),
    "upgrade": has(lambda e: e["kind"] == "response" and e["summary"].startswith("101 ")),
    "ack": has(lambda e: e["side"] == "page" and e["summary"].startswith("← ACK")),
    "connected": r["verdict"] == "connected" and r["transport"] == "websocket",
}
print(f"scenario (corslab-cli {os.path.relpath(cli)}): "
      + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in checks.items()))
node_ok = subprocess.run(B, capture_output=True, text=True)
print(f"scenario (Node): exit {node_ok.returncode}{' ' + node_ok.stderr.strip() if node_ok.returncode else ''}")
if not all(checks.values()) or node_ok.returncode:
    sys.exit("run-vs-node: the scenario did not happen as described; no figures")


# --- 2. whole processes, A B A B ...  --------------------------------------------------------------
def measure(cmd):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "user": ru.ru_utime, "sys": ru.ru_stime,
            "peak": ru.ru_maxrss / 1024, "exit": p.returncode}


for cmd in (A, B):  # warm-up (page cache, node's compile cache)
    measure(cmd)
a, b = [], []
for _ in range(runs):
    a.append(measure(A))
    b.append(measure(B))

def row(label, values, unit, scale=1.0, fmt="{:.1f}"):
    v = sorted(x * scale for x in values)
    return f"  {label:<12} " + "  ".join(fmt.format(x).rjust(8) for x in (v[0], statistics.median(v), v[-1])) + f"  {unit}"

print(f"\nwhole process, {runs} runs each after 1 warm-up, alternating        min    median       max")
for name, rs in (("A corslab-cli run", a), ("B node client+server", b)):
    exits = sorted({x["exit"] for x in rs})
    print(f" {name} (exit codes {exits})")
    print(row("wall", [x["wall"] for x in rs], "ms", 1000))
    print(row("cpu", [x["cpu"] for x in rs], "ms", 1000))
    print(row("user", [x["user"] for x in rs], "ms", 1000))
    print(row("sys", [x["sys"] for x in rs], "ms", 1000))
    print(row("peak", [x["peak"] for x in rs], "MB"))
print(" ratio A/B, pair by pair")
print(row("wall", [x["wall"] / y["wall"] for x, y in zip(a, b)], "", 1, "{:.3f}"))
print(row("cpu", [x["cpu"] / y["cpu"] for x, y in zip(a, b)], "", 1, "{:.3f}"))
print(f"  medians: corslab-cli {statistics.median(x['wall'] for x in a) * 1000:.1f} ms wall,"
      f" Node {statistics.median(x['wall'] for x in b) * 1000:.1f} ms wall;"
      f" ratio of medians {statistics.median(x['wall'] for x in a) / statistics.median(x['wall'] for x in b):.3f}")


# --- 3. in-process: wall, the protocol's own waits, CPU ---------------------------------------------
def waits_of(events):
    """Idle time before each noop / ping the page receives (the protocol waiting, not CorsLab)."""
    total, found, last = 0, [], None
    for e in events:
        s = e["summary"]
        own = e["side"] == "page" and e["kind"] == "packet" and (s == "← noop" or s.startswith("← ping") and "probe" not in s)
        if own and last is not None:
            total += e["timeUs"] - last
            found.append(f"{s[2:]} after {(e['timeUs'] - last) / 1000:.1f} ms idle")
        if e["side"] != "server" and not own:
            last = e["timeUs"]
    return total, found


def largest_gap(events):
    best = (0, None, None)
    for p, q in zip(events, events[1:]):
        if q["timeUs"] - p["timeUs"] > best[0]:
            best = (q["timeUs"] - p["timeUs"], p, q)
    gap, p, q = best
    return f"{gap / 1000:.1f} ms between {p['side']} \"{p['summary'][:40]}\" and {q['side']} \"{q['summary'][:40]}\""


rows = []
for _ in range(runs):
    r = run_json()
    w, found = waits_of(r["events"])
    rows.append({"wall": r["timing"]["wallUs"], "waits": w, "own": r["timing"]["wallUs"] - w,
                 "cpu": r["timing"]["cpuUs"], "found": found, "gap": largest_gap(r["events"])})
print(f"\nin-process (timing of `corslab-cli run --json`), {runs} runs        min    median       max")
for key, label in (("wall", "wall"), ("waits", "protocol waits"), ("own", "wall - waits"), ("cpu", "cpu")):
    print(row(label, [x[key] for x in rows], "ms", 1 / 1000, "{:.2f}"))
waits_seen = sorted({f for x in rows for f in x["found"]})
print(f"  protocol waits seen: {'; '.join(waits_seen) if waits_seen else 'none (no noop or ping reached the page)'}")
median_run = sorted(rows, key=lambda x: x["own"])[len(rows) // 2]
print(f"  largest gap in the median run: {median_run['gap']}")
PY
