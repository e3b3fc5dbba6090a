#!/usr/bin/env bash
# corslab-cli explain as a user meets it: a Chrome console error as an argument, a Firefox zh-CN
# error on stdin, garbage, a 50 MB paste (refused fast), --json, --profile-out without and with
# --force (an existing file is never overwritten silently), and an error no profile can reproduce.
set -u
cli=$1
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

check() { # check NAME EXPECTED_EXIT PATTERN -- COMMAND...
    local name=$1 want=$2 pattern=$3
    shift 4
    local out rc
    out=$("$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "$name: exit $rc, expected $want"; echo "$out" | head -20
    elif [ -n "$pattern" ] && ! grep -qF -- "$pattern" <<<"$out"; then
        fail "$name: output lacks: $pattern"; echo "$out" | head -20
    else
        ok "$name"
    fi
}

url='https://chat.example.org/ws/socket.io/?EIO=4&transport=polling&t=OqTa1'
chrome="Access to XMLHttpRequest at '$url' from origin 'https://app.example.org' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."
network="GET $url net::ERR_FAILED 200 (OK)"
firefox_zh="已拦截跨源请求：同源策略禁止读取位于 $url 的远程资源。（原因：CORS 头 'Access-Control-Allow-Origin' 不匹配 'http://localhost:3000/'）。"

check help 0 "explain [TEXT | -]" -- "$cli" explain --help
check general-help-lists-explain 0 "explain [TEXT | -]" -- "$cli" --help
check chrome-argument 0 "Reproduced: the run shows the pasted MissingAllowOriginHeader." -- "$cli" explain "$chrome"
check chrome-names-the-host 0 "the URL's host (chat.example.org) is replaced" -- "$cli" explain --no-run "$chrome"
check chrome-keeps-the-path 0 "the path /ws/socket.io is kept" -- "$cli" explain --no-run "$chrome"
check chrome-shows-the-fix 0 "Fix (re-run: connected)" -- "$cli" explain "$chrome"
check chrome-with-network-line 0 "NetError" -- "$cli" explain "$chrome
$network"
check firefox-zh-stdin 0 "已再现：运行显示了粘贴的 CORSAllowOriginNotMatchingOrigin" -- bash -c "printf '%s\n' \"\$1\" | \"\$2\" explain --lang zh-CN" _ "$firefox_zh" "$cli"
check firefox-zh-answers-in-chinese 0 "已再现" -- bash -c "printf '%s\n' \"\$1\" | \"\$2\" explain" _ "$firefox_zh" "$cli"
check firefox-zh-stdin-dash 0 "Firefox 控制台消息 · CORSAllowOriginNotMatchingOrigin (zh-CN)" -- bash -c "printf '%s\n' \"\$1\" | \"\$2\" explain - --lang zh-CN --no-run" _ "$firefox_zh" "$cli"
check connect-error 0 "Reproduced: the run shows the pasted Session ID unknown." -- "$cli" explain "Session ID unknown"
check garbage 2 "nothing in the text was recognised" -- "$cli" explain "my socket does not work, help"
check garbage-says-what-is-expected 2 "Cross-Origin Request Blocked" -- "$cli" explain "hello"
check empty-stdin 2 "nothing in the text was recognised" -- bash -c "\"\$1\" explain </dev/null" _ "$cli"
check not-reproducible 1 "No profile can reproduce it" -- "$cli" explain "Mixed Content: The page at 'https://app.example.org/' was loaded over HTTPS, but requested an insecure XMLHttpRequest endpoint 'http://api.example.org/socket.io/?EIO=4&transport=polling&t=a1'. This request has been blocked; the content must be served over HTTPS."
check bad-lang 2 "--lang takes en or zh-CN" -- "$cli" explain --lang fr "$chrome"
check unknown-option 2 'unknown option "--frobnicate"' -- "$cli" explain --frobnicate "$chrome"
check both-text-and-stdin 2 "not both" -- "$cli" explain - "$chrome"

# 50 MB on stdin: refused after reading just over 1 MiB, well within a second or two.
start=$(date +%s%N)
out=$(head -c 52428800 /dev/zero | tr '\0' 'a' | "$cli" explain 2>&1)
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [ "$rc" -eq 2 ] && grep -qF "larger than 1048576 bytes" <<<"$out" && [ "$ms" -lt 5000 ]; then
    ok "50MB-paste-refused-fast (${ms} ms)"
else
    fail "50MB-paste-refused-fast: exit $rc in ${ms} ms: $out"
fi

# --json: the case and the corslab-run document.
json=$("$cli" explain --json "$chrome" 2>/dev/null)
rc=$?
if [ "$rc" -eq 0 ] && grep -qF '"format": "corslab-explain"' <<<"$json" \
    && grep -qF '"code": "MissingAllowOriginHeader"' <<<"$json" \
    && grep -qF '"format": "corslab-run"' <<<"$json" && grep -qF '"reproduced": true' <<<"$json"; then
    ok "json"
else
    fail "json: exit $rc"; echo "$json" | head -20
fi

# --profile-out: written, valid, and never overwritten without --force.
profile="$tmp/explained.corslab.json"
check profile-out-written 0 "Profile written to $profile" -- "$cli" explain --no-run --profile-out "$profile" "$chrome"
check profile-out-validates 0 "" -- "$cli" validate "$profile"
echo '{"mine": "do not lose me"}' >"$profile"
cp "$profile" "$tmp/before"
check profile-out-no-overwrite 2 "exists; not overwritten (--force to replace it)" -- "$cli" explain --profile-out "$profile" "$chrome"
if cmp -s "$profile" "$tmp/before"; then ok "profile-out-file-unchanged"; else fail "profile-out-file-unchanged"; fi
check profile-out-force 0 "Profile written to $profile" -- "$cli" explain --no-run --force --profile-out "$profile" "$chrome"
check profile-out-forced-validates 0 "" -- "$cli" validate "$profile"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
