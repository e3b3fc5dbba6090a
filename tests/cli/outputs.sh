#!/usr/bin/env bash
# corslab-cli run --report / --png / --har over every bundled example in one go: one Markdown
# report with a section per run, one PNG per run (real PNGs of the drawn timeline), one HAR with a
# page per run; an HTML report with the pictures inside; and the refusals: a report name that is
# neither .md nor .html, a missing value, a path that is one of the input profiles (left untouched),
# a folder that does not exist.
set -u
cli=$1
source_dir=$2
node=${3:-node}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

mapfile -t profiles < <(ls "$source_dir"/resources/profiles/*.corslab.json)
runs=${#profiles[@]}

"$cli" run "${profiles[@]}" --browser chromium --no-fix --report "$tmp/all.md" \
    --png "$tmp/pic.png" --har "$tmp/all.har" > "$tmp/out.txt" 2> "$tmp/err.txt"
rc=$?
if [ "$rc" -le 1 ]; then ok "run of $runs examples with --report/--png/--har (exit $rc)"; else
    fail "run exited $rc"; head -20 "$tmp/err.txt"; fi

sections=$(grep -c '^## CorsLab: ' "$tmp/all.md")
[ "$sections" -eq "$runs" ] && ok "Markdown report: $sections sections" \
    || fail "Markdown report has $sections sections, expected $runs"
grep -q '^\*\*Verdict: BLOCKED — MissingAllowOriginHeader\*\*$' "$tmp/all.md" \
    && ok "Markdown report: a blocked verdict in Chromium's words" || fail "no blocked verdict"

pngs=0
for ((i = 1; i <= runs; i++)); do
    f="$tmp/pic.png"
    [ "$i" -gt 1 ] && f="$tmp/pic-$i.png"
    if [ -s "$f" ] && [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
        pngs=$((pngs + 1))
    fi
done
[ "$pngs" -eq "$runs" ] && ok "$pngs PNG pictures" || fail "$pngs valid PNGs, expected $runs"

if "$node" -e '
    const har = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const runs = Number(process.argv[2]);
    if (har.log.version !== "1.2") throw new Error("version " + har.log.version);
    if (har.log.pages.length !== runs) throw new Error(har.log.pages.length + " pages");
    const pages = new Set(har.log.pages.map((p) => p.id));
    if (!har.log.entries.every((e) => pages.has(e.pageref))) throw new Error("pageref");
    if (!har.log.entries.some((e) => e._resourceType === "preflight")) throw new Error("no preflight");
    if (!har.log.entries.some((e) => e._resourceType === "websocket")) throw new Error("no websocket");
' "$tmp/all.har" "$runs" 2> "$tmp/node.txt"; then
    ok "HAR: a page per run, preflights and WebSockets"
else
    fail "HAR: $(cat "$tmp/node.txt" | head -3)"
fi

"$cli" run credentials-with-wildcard-origin --browser both --report "$tmp/r.html" --png "$tmp/w.png" \
    > /dev/null 2>&1
images=$(grep -o 'src="data:image/png;base64,' "$tmp/r.html" | wc -l)
[ "$images" -eq 2 ] && ok "HTML report carries both runs' pictures" \
    || fail "HTML report has $images pictures, expected 2"
grep -q '<link\|src="http' "$tmp/r.html" && fail "HTML report refers to other files" \
    || ok "HTML report is self-contained"

"$cli" run missing-allow-origin --report "$tmp/r.txt" > /dev/null 2> "$tmp/e1.txt"
rc=$?
[ "$rc" -eq 2 ] && grep -q 'must end in .md' "$tmp/e1.txt" && ok "--report r.txt refused" \
    || fail "--report r.txt: exit $rc $(cat "$tmp/e1.txt")"
"$cli" run missing-allow-origin --png > /dev/null 2> "$tmp/e2.txt"
rc=$?
[ "$rc" -eq 2 ] && grep -q 'needs a file name' "$tmp/e2.txt" && ok "--png without a name refused" \
    || fail "--png without a name: exit $rc $(cat "$tmp/e2.txt")"

cp "$source_dir/resources/profiles/missing-allow-origin.corslab.json" "$tmp/mine.corslab.json"
before=$(md5sum < "$tmp/mine.corslab.json")
"$cli" run "$tmp/mine.corslab.json" --har "$tmp/mine.corslab.json" > /dev/null 2> "$tmp/e3.txt"
rc=$?
after=$(md5sum < "$tmp/mine.corslab.json")
[ "$rc" -eq 2 ] && [ "$before" = "$after" ] && grep -q 'will not write over' "$tmp/e3.txt" \
    && ok "an output onto the input profile is refused, the profile untouched" \
    || fail "output onto the input: exit $rc $(cat "$tmp/e3.txt")"
"$cli" run missing-allow-origin --report "$tmp/no/such/dir/r.md" > /dev/null 2> "$tmp/e4.txt"
rc=$?
[ "$rc" -eq 2 ] && grep -q 'cannot write' "$tmp/e4.txt" && ok "an unwritable report path says so" \
    || fail "unwritable path: exit $rc $(cat "$tmp/e4.txt")"

echo "passed $passed, failed $failed"
[ "$failed" -eq 0 ]
