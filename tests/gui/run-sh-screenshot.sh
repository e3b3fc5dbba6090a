#!/usr/bin/env bash
# ./run.sh as a user runs it: under Xvfb the CorsLab window appears (screenshot taken with ImageMagick's
# import from the X server); with no display it says so and prints the example through corslab-cli.
set -u
src=$1
png=$2
mkdir -p "$(dirname "$png")"
rm -f "$png"
export CORSLAB_PRESET=ci # the tree ./test.sh just built; run.sh only checks it is up to date
passed=0
failed=0
pass() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

log=$(mktemp)
windows=$(mktemp)
trap 'rm -f "$log" "$windows"' EXIT
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    "$1/run.sh" >"$2" 2>&1 &
    app=$!
    for _ in $(seq 1 150); do
        xwininfo -root -tree 2>/dev/null | grep -F "— CorsLab" >"$3" && break
        sleep 0.2
    done
    sleep 1 # let it paint
    import -window root "$4"
    kill "$app" 2>/dev/null
    wait "$app" 2>/dev/null
    true' _ "$src" "$log" "$windows" "$png"

if grep -qF "Single allowed origin (example) — CorsLab" "$windows"; then
    pass "window titled with the profile name: $(grep -oF 'Single allowed origin (example) — CorsLab' "$windows" | head -1)"
else
    fail "no CorsLab window titled \"Single allowed origin (example)\" appeared; run.sh said:"
    cat "$log"
fi
if [ -s "$png" ] && [ "$(identify -format '%k' "$png")" -gt 20 ]; then
    pass "screenshot $png ($(identify -format '%wx%h, %k colours' "$png"))"
else
    fail "screenshot missing or blank: $png"
fi

out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$src/run.sh" 2>&1)
if grep -qF "No display" <<<"$out" && grep -qF '"name": "Single allowed origin"' <<<"$out"; then
    pass "no display: falls back to corslab-cli"
else
    fail "no-display fallback; run.sh said:"
    echo "$out"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
