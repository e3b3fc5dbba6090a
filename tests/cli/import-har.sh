#!/usr/bin/env bash
# corslab-cli import-har: the hand-written HARs in tests/data/har judged again (verdict, reason,
# exit code, in both browsers), bad input (truncated, no Socket.IO, over 50 MB, missing file), the
# inferred profile written with --profile-out (validates, never overwritten without --force) and
# the local reproduction with the embedded server proving the fix.
set -u
cli=$1
src=$2
har=$src/tests/data/har
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

check() { # check NAME EXPECTED_EXIT PATTERN -- COMMAND...
    local name=$1 want=$2 pattern=$3
    shift 4
    local out rc
    out=$("$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        bad "$name: exit $rc, expected $want"; echo "$out" | head -20
    elif [ -n "$pattern" ] && ! grep -qF -- "$pattern" <<<"$out"; then
        bad "$name: output lacks: $pattern"; echo "$out" | head -20
    else
        ok "$name"
    fi
}

verdict() { # verdict NAME FILE BROWSER(or -) EXIT VERDICT REASON
    local name=$1 file=$2 browser=$3 want=$4 v=$5 reason=$6
    local args=(import-har "$har/$file" --json --no-fix)
    [ "$browser" != - ] && args+=(--browser "$browser")
    local out rc got
    out=$("$cli" "${args[@]}" 2>"$tmp/err")
    rc=$?
    got=$(jq -r '.run.verdict + " " + (.run.reason // "")' <<<"$out" 2>/dev/null)
    if [ "$rc" -ne "$want" ] || [ "$got" != "$v $reason" ]; then
        bad "$name: exit $rc (want $want), verdict \"$got\" (want \"$v $reason\")"
        head -5 "$tmp/err"
    else
        ok "$name"
    fi
}

verdict connected chrome-connected.har - 0 connected ""
verdict missing-acao chrome-missing-acao.har - 1 blocked MissingAllowOriginHeader
verdict missing-acao-firefox chrome-missing-acao.har firefox 1 blocked CORSMissingAllowOrigin2
verdict wildcard-credentials chrome-wildcard-credentials.har - 1 blocked WildcardOriginNotAllowed
verdict header-not-allowed chrome-header-not-allowed.har - 1 blocked \
    HeaderDisallowedByPreflightResponse
verdict origin-mismatch chrome-origin-mismatch.har - 1 blocked AllowOriginMismatch
verdict origin-mismatch-firefox chrome-origin-mismatch.har firefox 1 blocked \
    CORSAllowOriginNotMatchingOrigin
verdict websocket-only chrome-websocket-only.har - 0 connected ""
verdict refused chrome-refused-auth.har - 1 refused "not authorized"
verdict status-zero chrome-status-zero.har - 1 network-error net::ERR_FAILED
verdict firefox-recording firefox-missing-acao.har - 1 blocked CORSMissingAllowOrigin2

# The text report: the timeline, the verdict, the inferences and what the HAR does not show.
check text-report 1 "Verdict: BLOCKED — WildcardOriginNotAllowed" -- \
    "$cli" import-har "$har/chrome-wildcard-credentials.har" --no-fix
check text-inference 1 "client.options.withCredentials = true" -- \
    "$cli" import-har "$har/chrome-wildcard-credentials.har" --no-fix
check text-status-zero 1 "not which CORS rule failed" -- \
    "$cli" import-har "$har/chrome-status-zero.har" --no-fix
check text-chinese 1 "推断的配置" -- \
    "$cli" import-har "$har/chrome-missing-acao.har" --no-fix --lang zh-CN

check help 0 "import-har FILE.har [--browser chromium|firefox]" -- "$cli" import-har --help
check global-help 0 "import-har FILE.har" -- "$cli" --help

# Bad input: exit 2 with what and where.
head -c 900 "$har/chrome-connected.har" >"$tmp/truncated.har"
check truncated 2 "truncated.har: line " -- "$cli" import-har "$tmp/truncated.har" --no-fix
check no-socketio 2 "no Socket.IO requests in this HAR: 2 entries, none with EIO= in the URL" -- \
    "$cli" import-har "$har/no-socketio.har" --no-fix
sed 's/"url": "http:\/\/localhost:4000\/socket.io\/?EIO=4&transport=polling&t=qB1x"/"url": 7/' \
    "$har/chrome-missing-acao.har" >"$tmp/ill-typed.har"
check ill-typed-url 2 "log.entries[0].request.url (line" -- \
    "$cli" import-har "$tmp/ill-typed.har" --no-fix
check missing-file 2 "nowhere.har" -- "$cli" import-har "$tmp/nowhere.har"
check no-file 2 "which HAR file?" -- "$cli" import-har
check bad-lang 2 "--lang takes en or zh-CN" -- "$cli" import-har "$har/chrome-connected.har" --lang fr
check unknown-option 2 'unknown option "--frobnicate"' -- \
    "$cli" import-har "$har/chrome-connected.har" --frobnicate
check bad-browser 2 "--browser takes chromium or firefox" -- \
    "$cli" import-har "$har/chrome-connected.har" --browser node
# Over 50 MB: refused from the size, before reading it all.
{ printf '{"log":{"entries":[],"pad":"'; head -c 53000000 /dev/zero | tr '\0' 'a'; printf '"}}'; } \
    >"$tmp/huge.har"
start=$(date +%s)
check too-large 2 "CorsLab reads HAR files up to 50 MB" -- "$cli" import-har "$tmp/huge.har"
[ $(($(date +%s) - start)) -le 10 ] && ok too-large-fast || bad "too-large took too long"
rm -f "$tmp/huge.har"

# --profile-out: the inferred profile validates and loads; never overwritten without --force.
check profile-out 1 "Profile written to $tmp/p.corslab.json" -- \
    "$cli" import-har "$har/chrome-header-not-allowed.har" --no-fix --profile-out "$tmp/p.corslab.json"
check profile-validates 0 "" -- "$cli" validate "$tmp/p.corslab.json"
if jq -e '.client.options.extraHeaders["X-Token"] == "s3cret-42" and .server.cors.allowedHeaders == "content-type"' \
    "$tmp/p.corslab.json" >/dev/null; then ok profile-fields; else
    bad "profile-fields"; cat "$tmp/p.corslab.json"; fi
before=$(md5sum <"$tmp/p.corslab.json")
check profile-not-overwritten 2 "exists; not overwritten" -- \
    "$cli" import-har "$har/chrome-connected.har" --no-fix --profile-out "$tmp/p.corslab.json"
[ "$before" = "$(md5sum <"$tmp/p.corslab.json")" ] && ok profile-kept || bad profile-kept
check profile-force 0 "" -- \
    "$cli" import-har "$har/chrome-connected.har" --no-fix --profile-out "$tmp/p.corslab.json" --force
check profile-forced-validates 0 "" -- "$cli" validate "$tmp/p.corslab.json"
# The written profile runs with `corslab-cli run` to the verdict of the HAR (its expect).
check profile-runs 0 "" -- "$cli" run "$tmp/p.corslab.json" --no-fix

# Without --no-fix: the inferred profile is run locally and the fix proven.
out=$("$cli" import-har "$har/chrome-origin-mismatch.har" --json 2>&1)
if jq -e '.reproduction.agrees == true and .run.fix != null' <<<"$out" >/dev/null; then
    ok reproduction-and-fix
else
    bad reproduction-and-fix; jq '.reproduction, .run.fixAttempts' <<<"$out" | head -20
fi
out=$("$cli" import-har "$har/chrome-refused-auth.har" --json 2>&1)
if jq -e '.reproduction.agrees == true and .reproduction.verdict == "refused"' <<<"$out" >/dev/null; then
    ok refusal-reproduced
else
    bad refusal-reproduced; jq '.reproduction' <<<"$out" | head -10
fi
check reproduction-text 1 "Local reproduction (embedded server): blocked (MissingAllowOriginHeader), as in the HAR" -- \
    "$cli" import-har "$har/chrome-missing-acao.har"

echo "import-har: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
