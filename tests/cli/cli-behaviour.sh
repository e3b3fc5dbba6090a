#!/usr/bin/env bash
# corslab-cli as a user meets it: help, version, validate (exit codes, FILE:LINE:COLUMN), examples, show,
# run and check-url.
set -u
cli=$1
src=$2
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # check NAME EXPECTED_EXIT PATTERN -- COMMAND...
    local name=$1 want=$2 pattern=$3
    shift 4
    local out rc
    out=$("$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL $name: exit $rc, expected $want"; echo "$out" | head -20; failed=$((failed + 1))
    elif [ -n "$pattern" ] && ! grep -qF -- "$pattern" <<<"$out"; then
        echo "FAIL $name: output lacks: $pattern"; echo "$out" | head -20; failed=$((failed + 1))
    else
        echo "ok   $name"; passed=$((passed + 1))
    fi
}

check help 0 "validate FILE..." -- "$cli" --help
check version 0 "corslab-cli 0." -- "$cli" --version
check no-arguments 2 "Usage: corslab-cli" -- "$cli"
check unknown-command 2 'unknown command "frobnicate"' -- "$cli" frobnicate
check validate-without-file 2 "no FILE given" -- "$cli" validate
check validate-examples 0 "" -- "$cli" validate "$src"/resources/profiles/*.corslab.json
check validate-example-by-name 0 "example:single-allowed-origin: valid" -- "$cli" validate single-allowed-origin
check validate-invalid-data 1 "error:" -- "$cli" validate "$src"/tests/data/invalid/*.corslab.json
check validate-valid-with-warnings 0 "warning:" -- "$cli" validate "$src"/tests/data/valid/*.corslab.json
check validate-missing-file 1 "cannot open the file" -- "$cli" validate "$tmp/nope.corslab.json"

cat >"$tmp/typo.corslab.json" <<'JSON'
{
  "format": "corslab-profile",
  "version": 1,
  "name": "typo",
  "server": {
    "transports": ["polling", "websockets"]
  },
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
JSON
check validate-location 1 "typo.corslab.json:6:31: error: server.transports[1]: \"transports\" entry \"websockets\": expected \"polling\" or \"websocket\" — did you mean \"websocket\"?" -- "$cli" validate "$tmp/typo.corslab.json"
check validate-mixed-exit 1 "1 error(s)" -- "$cli" validate single-allowed-origin "$tmp/typo.corslab.json"
check show-refuses-invalid 1 "did you mean" -- "$cli" show "$tmp/typo.corslab.json"
check examples-list 0 "missing-allow-origin" -- "$cli" examples

count=$("$cli" examples | grep -c '^[a-z0-9-]*$')
if [ "$count" -ge 16 ]; then echo "ok   at-least-16-examples ($count)"; passed=$((passed + 1)); else
    echo "FAIL at-least-16-examples: $count"; failed=$((failed + 1)); fi

# show prints the canonical form: for a canonical example, exactly the file's bytes.
for f in "$src"/resources/profiles/*.corslab.json; do
    if "$cli" show "$f" 2>/dev/null | cmp -s - "$f"; then passed=$((passed + 1)); else
        echo "FAIL show-canonical $(basename "$f")"; failed=$((failed + 1)); fi
done
echo "ok   show-canonical (every example)"

# Non-canonical input is canonicalised: defaults dropped, keys ordered, numbers as JavaScript prints them.
cat >"$tmp/loose.corslab.json" <<'JSON'
{"client": {"browser": "chromium", "pageOrigin": "http://localhost:3000", "url": "embedded"},
 "server": {"pingInterval": 25000, "maxHttpBufferSize": 2e6, "cors": {"origin": "http://localhost:3000"}},
 "name": "loose", "version": 1, "format": "corslab-profile"}
JSON
cat >"$tmp/loose.expected" <<'JSON'
{
  "format": "corslab-profile",
  "version": 1,
  "name": "loose",
  "server": {
    "cors": {
      "origin": "http://localhost:3000"
    },
    "maxHttpBufferSize": 2000000
  },
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
JSON
if "$cli" show "$tmp/loose.corslab.json" | cmp -s - "$tmp/loose.expected"; then
    echo "ok   show-canonicalises"; passed=$((passed + 1)); else
    echo "FAIL show-canonicalises"; "$cli" show "$tmp/loose.corslab.json" | diff - "$tmp/loose.expected"; failed=$((failed + 1)); fi

# run and check-url: exit 0 when the verdict meets expect (connected without one), 1 when not, 2 usage.
check run-help 0 "Usage: corslab-cli run PROFILE..." -- "$cli" run --help
check check-url-help 0 "Usage: corslab-cli check-url URL --origin ORIGIN" -- "$cli" check-url --help
check run-connected 0 "Verdict: CONNECTED" -- "$cli" run single-allowed-origin --no-fix
check run-blocked-as-expected 0 "WildcardOriginNotAllowed" -- "$cli" run credentials-with-wildcard-origin --no-fix
check run-fix-proven 0 'Fix (re-run: connected): Replace "*" with "http://localhost:3000" in cors.origin' -- \
    "$cli" run credentials-with-wildcard-origin
check run-firefox-zh 0 "已拦截跨源请求" -- "$cli" run missing-allow-origin --browser firefox --lang zh-CN --no-fix
check run-both-browsers 0 "CORSMissingAllowOrigin2" -- "$cli" run missing-allow-origin --browser both --json --no-fix
check run-unmet-expect 1 "NOT as expected" -- "$cli" run node-client-no-cors --browser chromium --no-fix
check run-bad-browser 2 'takes chromium, firefox, node or both, not "safari"' -- "$cli" run single-allowed-origin --browser safari
check run-no-profile 2 "give at least one PROFILE" -- "$cli" run
check run-invalid-profile 2 "error:" -- "$cli" run "$src"/tests/data/invalid/*.corslab.json
check check-url-needs-origin 2 "give a URL and --origin ORIGIN" -- "$cli" check-url http://localhost:1
check check-url-bad-scheme 2 'is not an http, https, ws or wss URL' -- "$cli" check-url ftp://x --origin http://a
check check-url-refused 1 "net::ERR_CONNECTION_REFUSED" -- "$cli" check-url http://127.0.0.1:1 --origin http://localhost:3000 --no-fix
json=$("$cli" run missing-allow-origin --browser both --json --no-fix)
if node -e 'const d=JSON.parse(require("fs").readFileSync(0,"utf8")); const [c,f]=d.runs;
  if (d.format!=="corslab-run"||c.verdict!=="blocked"||c.reason!=="MissingAllowOriginHeader"||f.reason!=="CORSMissingAllowOrigin2"
      ||c.connectError.message!=="xhr poll error"||!c.events.length||!c.checks.length) process.exit(1)' <<<"$json"; then
    echo "ok   run-json-shape"; passed=$((passed + 1)); else
    echo "FAIL run-json-shape"; echo "$json" | head -30; failed=$((failed + 1)); fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
