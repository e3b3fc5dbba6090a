#!/usr/bin/env bash
# The har_schema test: tst_harwriter writes the HAR of every bundled example (Chromium and Firefox
# rules, Node profiles in their own) into a temporary directory, then har-check.mjs checks itself
# (--self-test: a valid HAR passes, broken ones fail) and validates every file against the pinned
# har-schema; a broken file on the command line must make it exit 1.
#
#   har-schema-test.sh TST_HARWRITER [NODE]
set -u
if [ $# -lt 1 ] || [ ! -x "$1" ]; then
    echo "usage: har-schema-test.sh TST_HARWRITER [NODE] (the tst_harwriter executable)" >&2
    exit 2
fi
tst=$1
node=${2:-node}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}

if ! CORSLAB_HAR_OUT="$out/har" QT_QPA_PLATFORM=offscreen "$tst" -silent; then
    fail "tst_harwriter (writing the HAR files) failed"
fi
count=$(find "$out/har" -maxdepth 1 -name '*.har' 2>/dev/null | wc -l)
examples=$(find "$here/../../resources/profiles" -maxdepth 1 -name '*.corslab.json' | wc -l)
# One file per example and browser (Node profiles run once) plus all-examples.har.
if [ "$count" -le "$examples" ]; then
    fail "only $count HAR files for $examples examples in $out/har"
fi

"$node" "$here/har-check.mjs" --self-test || fail "har-check.mjs --self-test"
"$node" "$here/har-check.mjs" "$out/har" || fail "har-check.mjs on the examples' HAR files"

printf '{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[{"time":"1"}]}}\n' \
    > "$out/broken.json"
"$node" "$here/har-check.mjs" "$out/broken.json" > "$out/broken.log"
status=$?
if [ "$status" -ne 1 ] || ! grep -q '/log/entries/0/time' "$out/broken.log"; then
    fail "a broken HAR was not rejected (exit $status): $(cat "$out/broken.log")"
fi

if [ "$failures" -ne 0 ]; then
    echo "har_schema: $failures failed"
    exit 1
fi
echo "har_schema: $count HAR files valid, the checker rejects a broken one"
