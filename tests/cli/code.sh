#!/usr/bin/env bash
# corslab-cli to-code and from-code: every bundled example written as code (ES modules and
# CommonJS) and read back gives the same profile byte for byte; diagnostics name FILE:LINE:COLUMN;
# nothing a user wrote is overwritten without --force; bad input ends quickly with a message.
set -u
cli=$1
src=$2
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

# ---- the round trip, every example, both module styles --------------------------------------
count=0
for f in "$src"/resources/profiles/*.corslab.json; do
    name=$(basename "$f" .corslab.json)
    for style in esm commonjs; do
        "$cli" to-code "$f" --$style --server-only >"$tmp/s.js" 2>"$tmp/err" &&
            "$cli" to-code "$f" --$style --client-only >"$tmp/c.js" 2>>"$tmp/err"
        if [ $? -ne 0 ]; then
            bad "to-code $name $style"; head -5 "$tmp/err"; continue
        fi
        rm -f "$tmp/out.json"
        if ! "$cli" from-code --server "$tmp/s.js" --client "$tmp/c.js" --base "$f" \
            -o "$tmp/out.json" 2>"$tmp/err"; then
            bad "from-code $name $style"; head -5 "$tmp/err"; continue
        fi
        if cmp -s "$f" "$tmp/out.json"; then
            count=$((count + 1))
        else
            bad "round trip $name $style"; diff "$f" "$tmp/out.json" | head -10
        fi
    done
done
[ "$count" -ge 60 ] && ok "round trip of $count example/style pairs" || bad "only $count round trips"

# to-code prints both parts by default; ES modules unless --commonjs.
check "to-code both parts" 0 '// ---- client (the page) ----' -- "$cli" to-code single-allowed-origin
check "to-code esm" 0 'import { Server } from "socket.io";' -- "$cli" to-code single-allowed-origin
check "to-code commonjs" 0 'const { Server } = require("socket.io");' -- \
    "$cli" to-code single-allowed-origin --commonjs --server-only

# Without --base, stdin: the page origin comes from the comment to-code writes.
"$cli" to-code origin-array --client-only >"$tmp/c.js"
out=$("$cli" to-code origin-array --server-only | "$cli" from-code --server - --client "$tmp/c.js" -o - 2>/dev/null)
if jq -e '.name == "Imported from code" and (.server.cors.origin | length) == 2
    and .client.pageOrigin != null' <<<"$out" >/dev/null; then
    ok "stdin and no base"
else
    bad "stdin and no base"; echo "$out" | head -20
fi

# ---- diagnostics and exit codes --------------------------------------------------------------
printf 'import { Server } from "socket.io";\nconst io = new Server(3000, {\n  cors: { origin: ] }\n});\n' >"$tmp/syntax.js"
check "syntax error: FILE:LINE:COLUMN" 1 "$tmp/syntax.js:3:19: error: line 3, column 19:" -- \
    "$cli" from-code --server "$tmp/syntax.js" -o "$tmp/never.json"
[ ! -e "$tmp/never.json" ] && ok "nothing written on error" || bad "a profile was written on error"

printf 'const x = 1;\n' >"$tmp/plain.js"
check "no Server call" 1 "no new Server(...) or io(...) call found in the server code" -- \
    "$cli" from-code --server "$tmp/plain.js" -o -
check "client code given as server" 1 "is this the client code?" -- \
    "$cli" from-code --server "$src/tests/data/code/missing-cors.client.js" -o -
printf 'const fs = require("fs");\nnew Server({});\n' >"$tmp/fs.js"
check "require(fs)" 1 "$tmp/fs.js:1: error: the code stopped here with Error: require(\"fs\") is not available" -- \
    "$cli" from-code --server "$tmp/fs.js" -o -
printf 'new Server({});\nfor (;;) {}\n' >"$tmp/loop.js"
start=$(date +%s)
check "endless loop" 1 "did not finish within 1000 ms" -- "$cli" from-code --server "$tmp/loop.js" -o -
[ $(($(date +%s) - start)) -le 10 ] && ok "endless loop ends quickly" || bad "endless loop took too long"
check "a note for the express cors middleware" 0 "note: app.use(cors(...)) adds CORS headers to the Express routes only" -- \
    "$cli" from-code --server "$src/tests/data/code/express-cors-middleware.server.js" -o -

head -c 52428800 /dev/zero | tr '\0' 'x' >"$tmp/huge.js"
start=$(date +%s)
check "50 MB file refused" 2 "CorsLab reads at most 1 MiB of code" -- \
    "$cli" from-code --server "$tmp/huge.js" -o -
check "50 MB on stdin refused" 2 "holds more than 1 MiB of code" -- \
    bash -c "\"$cli\" from-code --server - -o - <\"$tmp/huge.js\""
[ $(($(date +%s) - start)) -le 10 ] && ok "huge input refused quickly" || bad "huge input took too long"
head -c 1500000 /dev/zero | tr '\0' 'x' >"$tmp/big.js"
check "1.5 MB of code refused" 1 "CorsLab reads at most 1048576" -- \
    "$cli" from-code --server "$tmp/big.js" -o -

# ---- nothing a user wrote is overwritten without --force --------------------------------------
echo "my own notes" >"$tmp/mine.json"
check "existing output kept" 2 "exists; it is left as it is (add --force to replace it)" -- \
    "$cli" from-code --server "$src/tests/data/code/origin-string.server.js" -o "$tmp/mine.json"
[ "$(cat "$tmp/mine.json")" = "my own notes" ] && ok "existing file untouched" || bad "existing file changed"
check "--force replaces it" 0 "" -- \
    "$cli" from-code --server "$src/tests/data/code/origin-string.server.js" -o "$tmp/mine.json" --force
cmp -s "$tmp/mine.json" "$src/tests/data/code/origin-string.corslab.json" && ok "--force wrote the profile" ||
    bad "--force output differs"

# ---- usage ------------------------------------------------------------------------------------
check "from-code without code" 2 "give --server FILE, --client FILE or both" -- "$cli" from-code -o -
check "from-code without -o" 2 "-o PROFILE is required" -- \
    "$cli" from-code --server "$src/tests/data/code/origin-string.server.js"
check "from-code two stdins" 2 "only one of --server and --client can read stdin" -- \
    "$cli" from-code --server - --client - -o -
check "from-code missing file" 2 "no such file" -- "$cli" from-code --server "$tmp/none.js" -o -
check "from-code bad base" 2 "cannot be used" -- \
    "$cli" from-code --server "$src/tests/data/code/origin-string.server.js" --base "$tmp/mine.js" -o -
check "from-code --help" 0 "from-code [--server FILE]" -- "$cli" from-code --help
check "to-code without profile" 2 "PROFILE is missing" -- "$cli" to-code
check "to-code both onlys" 2 "exclude each other" -- "$cli" to-code origin-array --server-only --client-only
check "to-code unknown option" 2 'unknown option "--typescript"' -- "$cli" to-code origin-array --typescript
echo '{ "format": "corslab-profile" }' >"$tmp/broken.json"
check "to-code broken profile" 1 "error" -- "$cli" to-code "$tmp/broken.json"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
