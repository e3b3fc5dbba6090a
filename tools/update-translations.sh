#!/usr/bin/env bash
# Refreshes the Qt Linguist sources (app/gui/translations/*.ts) from every tr() in app/gui with
# lupdate: new strings are added as unfinished, vanished ones dropped.
#
# After running it, the new entries MUST be translated (Qt Linguist, or by editing the .ts: fill
# <translation> and remove type="unfinished"); lrelease leaves unfinished entries out of the .qm,
# so they would show in English. tst_verdictbanner fails while the banner's strings are
# unfinished. The build (lrelease) embeds the result as :/i18n/corslab_<lang>.qm.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lupdate="${LUPDATE:-}"
if [[ -z "$lupdate" ]]; then
    for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" \
        "$(command -v lupdate || true)"; do
        if [[ -n "$candidate" && -x "$candidate" ]]; then
            lupdate="$candidate"
            break
        fi
    done
fi
if [[ -z "$lupdate" ]]; then
    echo "update-translations.sh: lupdate not found (install qt6-l10n-tools, or set LUPDATE)" >&2
    exit 1
fi
cd "$root"
for ts in app/gui/translations/*.ts; do
    "$lupdate" -no-obsolete -locations none -extensions cpp,h app/gui -ts "$ts"
done
echo "Now translate the unfinished entries: grep -c 'type=\"unfinished\"' app/gui/translations/*.ts"
