#!/usr/bin/env bash
# Launch to window shown (DESIGN §7: within 500 ms) and resident memory once shown (idle budget
# 80 MB): runs `corslab single-allowed-origin` N times on one Xvfb with CORSLAB_QUIT_WHEN_SHOWN=1,
# which prints the time from main() to the window's first paint and VmRSS, then quits. Also prints
# each whole process's wall time (loader and Qt start-up included). Numbers only, no verdict.
#   bench/gui-launch.sh [BUILD_DIR] [RUNS]      (BUILD_DIR default build/release, RUNS 10)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-build/release}
runs=${2:-10}
app=$build/app/gui/corslab
[ -x "$app" ] || { echo "no $app: build it first (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
shown=() walls=() rss=()
for i in $(seq 0 "$runs"); do
    start=$(date +%s%N)
    line=$(DISPLAY=$display CORSLAB_QUIT_WHEN_SHOWN=1 "$app" single-allowed-origin 2>&1 | grep "window shown")
    end=$(date +%s%N)
    [ "$i" -eq 0 ] && continue # warm-up
    shown+=("$(sed -E 's/window shown ([0-9]+) us.*/\1/' <<<"$line")")
    rss+=("$(sed -E 's/.*resident ([0-9]+) kB.*/\1/' <<<"$line")")
    walls+=("$(((end - start) / 1000))")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf 'runs: %d (after one warm-up)\n' "$runs"
printf 'main() to window painted: median %.1f ms (min %.1f, max %.1f)\n' \
    "$(bc -l <<<"$(median "${shown[@]}")/1000")" "$(bc -l <<<"$(printf '%s\n' "${shown[@]}" | sort -n | head -1)/1000")" \
    "$(bc -l <<<"$(printf '%s\n' "${shown[@]}" | sort -n | tail -1)/1000")"
printf 'whole process (exec to exit after the first paint): median %.1f ms\n' "$(bc -l <<<"$(median "${walls[@]}")/1000")"
printf 'resident memory when shown: median %.1f MiB\n' "$(bc -l <<<"$(median "${rss[@]}")/1024")"
