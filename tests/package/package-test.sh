#!/usr/bin/env bash
# The packages as a user gets them: cpack builds the .deb and the .tar.gz from BUILD_DIR; the .deb
# passes lintian (no errors; warnings listed), desktop-file-validate and appstreamcli, installs with
# dpkg, runs from /usr (corslab-cli --version and run, the window under Xvfb with a screenshot),
# registers *.corslab.json (xdg-mime) and is removed without leaving files; the .tar.gz runs from
# any folder. dpkg needs root: run as root or with passwordless sudo. The package is removed on
# every exit path (a run killed with SIGKILL leaves it installed; the next run removes it first).
#
# Usage: package-test.sh BUILD_DIR SOURCE_DIR
set -u
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
profiles=/usr/share/corslab/profiles
contact="The CorsLab developers <developers@corslab.example>" # installer/cpack.cmake
passed=0
failed=0
pass() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
section() { echo "--- $1 ($SECONDS s)"; }

tmp=$(mktemp -d)
installed=0
sudo=()
cleanup() {
    trap '' PIPE INT TERM HUP # finish even when the reader of our output is gone
    if [ "$installed" -eq 1 ]; then
        echo "--- cleanup: removing the corslab package" 2>/dev/null
        "${sudo[@]}" dpkg -r corslab >/dev/null 2>&1 || echo "cleanup: dpkg -r corslab failed" >&2 2>/dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP PIPE

# Root for dpkg: root, or sudo without a password.
can_install=1
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo=(sudo -n)
    else
        can_install=0
        echo "note: not root and no passwordless sudo: the package is built and checked, but installing it will fail"
    fi
fi

# ---------------------------------------------------------------- build the packages
section "cpack -G DEB;TGZ in $build"
out="$build/packages"
rm -rf "$out"
if (cd "$build" && cpack -G "DEB;TGZ" -B "$out") >"$tmp/cpack.log" 2>&1; then
    pass "cpack built $(cd "$out" && echo *.deb *.tar.gz)"
else
    fail "cpack:"
    cat "$tmp/cpack.log"
    echo "$passed passed, $failed failed"
    exit 1
fi
deb=$(ls "$out"/corslab_"$version"_*.deb 2>/dev/null | head -1)
tgz=$(ls "$out"/corslab-"$version"-Linux.tar.gz 2>/dev/null | head -1)
[ -n "$deb" ] && pass "deb: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)" || fail "no corslab_${version}_*.deb in $out"
[ -n "$tgz" ] && pass "tgz: $(basename "$tgz") ($(du -k "$tgz" | cut -f1) KiB)" || fail "no corslab-$version-Linux.tar.gz in $out"

expected_paths=(
    bin/corslab bin/corslab-cli
    share/applications/org.corslab.CorsLab.desktop
    share/metainfo/org.corslab.CorsLab.metainfo.xml
    share/mime/packages/org.corslab.CorsLab.xml
    share/icons/hicolor/scalable/apps/org.corslab.CorsLab.svg
    share/icons/hicolor/48x48/apps/org.corslab.CorsLab.png
    share/icons/hicolor/256x256/apps/org.corslab.CorsLab.png
    share/icons/hicolor/scalable/mimetypes/application-x-corslab-profile.svg
    share/icons/hicolor/16x16/mimetypes/application-x-corslab-profile.png
    share/corslab/profiles/single-allowed-origin.corslab.json
    share/corslab/schema/corslab-profile.schema.json
    share/man/man1/corslab.1.gz share/man/man1/corslab-cli.1.gz
    share/doc/corslab/copyright share/doc/corslab/changelog.gz
)

if [ -n "$deb" ]; then
    section "the .deb's control data and contents"
    info=$(dpkg-deb --info "$deb")
    depends=$(sed -n 's/^ Depends: //p' <<<"$info")
    if grep -q "libqt6core6" <<<"$depends" && grep -q "libc6" <<<"$depends" &&
        grep -q "qt6-qpa-plugins" <<<"$depends"; then
        pass "Depends (dpkg-shlibdeps + qt6-qpa-plugins): $depends"
    else
        fail "Depends lacks the shared libraries or qt6-qpa-plugins: $depends"
    fi
    dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./usr/||' >"$tmp/deb-files"
    missing=()
    for p in "${expected_paths[@]}"; do grep -qxF "$p" "$tmp/deb-files" || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && pass "the .deb holds the layout (${#expected_paths[@]} paths checked, $(grep -c . "$tmp/deb-files") entries)" ||
        fail "the .deb lacks: ${missing[*]}"

    section "lintian"
    lintian --tag-display-limit 0 --display-info "$deb" >"$tmp/lintian" 2>&1
    if grep -q '^E: ' "$tmp/lintian"; then
        fail "lintian errors:"
        grep '^E: ' "$tmp/lintian"
    else
        pass "lintian: no errors, $(grep -c '^W: ' "$tmp/lintian") warning(s), $(grep -c '^I: ' "$tmp/lintian") info tag(s)"
    fi
    grep -E '^(W|I|N): ' "$tmp/lintian" | sed 's/^/     /'
fi

# ---------------------------------------------------------------- the .tar.gz from any folder
if [ -n "$tgz" ]; then
    section "the .tar.gz unpacked elsewhere"
    mkdir -p "$tmp/unpacked" "$tmp/elsewhere"
    tar -xzf "$tgz" -C "$tmp/unpacked"
    root="$tmp/unpacked/corslab-$version-Linux"
    missing=()
    for p in "${expected_paths[@]}"; do [ -e "$root/$p" ] || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && pass "the .tar.gz holds the layout under corslab-$version-Linux/" ||
        fail "the .tar.gz lacks: ${missing[*]}"
    cd "$tmp/elsewhere"
    v=$("$root/bin/corslab-cli" --version 2>&1)
    grep -qF "corslab-cli $version" <<<"$v" && pass "unpacked corslab-cli --version: $v" || fail "unpacked --version: $v"
    # The profiles next to the binary (bin/../share/corslab/profiles), and a bundled one by name.
    if "$root/bin/corslab-cli" run --no-fix "$root/bin/../share/corslab/profiles/missing-allow-origin.corslab.json" >"$tmp/run" 2>&1; then
        pass "unpacked corslab-cli run bin/../share/corslab/profiles/missing-allow-origin.corslab.json: exit 0 ($(grep -m1 '^Verdict' "$tmp/run"))"
    else
        fail "unpacked corslab-cli run by path:"; cat "$tmp/run"
    fi
    "$root/bin/corslab-cli" run --no-fix single-allowed-origin >"$tmp/run" 2>&1 &&
        pass "unpacked corslab-cli run single-allowed-origin (bundled): exit 0" ||
        { fail "unpacked corslab-cli run by name:"; cat "$tmp/run"; }
    cd "$tmp"
fi

# ---------------------------------------------------------------- install with dpkg
if [ "$can_install" -eq 0 ]; then
    fail "installing the .deb needs root: run as root or give this user passwordless sudo (dpkg -i, dpkg -r)"
    echo "$passed passed, $failed failed"
    exit 1
fi
[ -n "$deb" ] || { echo "$passed passed, $failed failed"; exit 1; }

status=$(dpkg-query -W -f='${Status}|${Maintainer}' corslab 2>/dev/null)
if [[ "$status" == "install ok installed|$contact" ]]; then
    echo "note: corslab $(dpkg-query -W -f='${Version}' corslab) is installed (left by an earlier run?): removing it first"
    "${sudo[@]}" dpkg -r corslab >/dev/null
elif [[ "$status" == "install ok installed"* ]]; then
    fail "a package named corslab that is not ours is installed; not touching it"
    echo "$passed passed, $failed failed"
    exit 1
fi

section "dpkg -i"
installed=1 # from here on, cleanup removes it
if "${sudo[@]}" dpkg -i "$deb" >"$tmp/dpkg" 2>&1; then
    pass "dpkg -i $(basename "$deb")"
else
    fail "dpkg -i:"
    cat "$tmp/dpkg"
    echo "$passed passed, $failed failed"
    exit 1
fi
missing=()
for p in "${expected_paths[@]}"; do [ -e "/usr/$p" ] || missing+=("/usr/$p"); done
[ ${#missing[@]} -eq 0 ] && pass "installed under /usr: ${#expected_paths[@]} paths checked" || fail "not installed: ${missing[*]}"

section "metadata validators"
desktop-file-validate /usr/share/applications/org.corslab.CorsLab.desktop >"$tmp/v" 2>&1 &&
    pass "desktop-file-validate org.corslab.CorsLab.desktop$( [ -s "$tmp/v" ] && echo ": $(tr '\n' ' ' <"$tmp/v")")" ||
    { fail "desktop-file-validate:"; cat "$tmp/v"; }
appstreamcli validate --no-net /usr/share/metainfo/org.corslab.CorsLab.metainfo.xml >"$tmp/v" 2>&1 &&
    pass "appstreamcli validate --no-net: $(tail -1 "$tmp/v")" || { fail "appstreamcli validate --no-net:"; cat "$tmp/v"; }
for page in corslab corslab-cli; do
    if zcat "/usr/share/man/man1/$page.1.gz" | groff -man -Tutf8 -ww -z >"$tmp/v" 2>&1 && [ ! -s "$tmp/v" ]; then
        pass "man page $page(1) formats without warnings"
    else
        fail "man page $page(1):"; cat "$tmp/v"
    fi
done

section "the installed corslab-cli"
v=$(/usr/bin/corslab-cli --version 2>&1)
grep -qF "corslab-cli $version" <<<"$v" && pass "corslab-cli --version: $v" || fail "corslab-cli --version: $v"
for profile in single-allowed-origin missing-allow-origin; do
    if /usr/bin/corslab-cli run --no-fix "$profiles/$profile.corslab.json" >"$tmp/run" 2>&1; then
        pass "corslab-cli run $profiles/$profile.corslab.json: exit 0, $(grep -m1 '^Verdict' "$tmp/run")"
    else
        fail "corslab-cli run $profiles/$profile.corslab.json:"; cat "$tmp/run"
    fi
done
# The same profile with an expect it does not meet: exit 1.
sed 's/"verdict": "blocked"/"verdict": "connected"/' "$profiles/missing-allow-origin.corslab.json" >"$tmp/unmet.corslab.json"
/usr/bin/corslab-cli run --no-fix "$tmp/unmet.corslab.json" >"$tmp/run" 2>&1
rc=$?
[ "$rc" -eq 1 ] && pass "corslab-cli run with an unmet expect: exit 1" || { fail "unmet expect: exit $rc"; cat "$tmp/run"; }

section "MIME type and default application"
# A clean user: no desktop environment, no mimeapps.list of the caller's.
xdg_env=(env -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION -u KDE_FULL_SESSION -u GNOME_DESKTOP_SESSION_ID
    HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
    XDG_DATA_DIRS=/usr/local/share:/usr/share XDG_CONFIG_DIRS=/etc/xdg)
mkdir -p "$tmp/home"
"${sudo[@]}" update-mime-database /usr/share/mime
command -v update-desktop-database >/dev/null && "${sudo[@]}" update-desktop-database -q /usr/share/applications
cp "$profiles/single-allowed-origin.corslab.json" "$tmp/x.corslab.json"
t=$("${xdg_env[@]}" xdg-mime query filetype "$tmp/x.corslab.json" 2>&1)
[ "$t" = "application/x-corslab-profile+json" ] && pass "xdg-mime query filetype x.corslab.json: $t" || fail "xdg-mime query filetype x.corslab.json: $t"
t=$("${xdg_env[@]}" xdg-mime query filetype "$profiles/origin-array.corslab.json" 2>&1)
[ "$t" = "application/x-corslab-profile+json" ] && pass "xdg-mime query filetype (an installed example): $t" || fail "installed example's type: $t"
grep -q 'sub-class-of type="application/json"' /usr/share/mime/application/x-corslab-profile+json.xml 2>/dev/null &&
    pass "the MIME database has application/x-corslab-profile+json as a sub-class of application/json" ||
    fail "/usr/share/mime/application/x-corslab-profile+json.xml missing or not a sub-class of application/json"
d=$("${xdg_env[@]}" xdg-mime query default application/x-corslab-profile+json 2>&1)
[ "$d" = "org.corslab.CorsLab.desktop" ] && pass "xdg-mime query default application/x-corslab-profile+json: $d" || fail "xdg-mime query default: $d"

section "the installed corslab under Xvfb"
png="$build/screenshots/package-installed-window.png"
mkdir -p "$(dirname "$png")"
rm -f "$png"
title="Single allowed origin (single-allowed-origin.corslab.json) — CorsLab"
"${xdg_env[@]}" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    /usr/bin/corslab "$1" >"$2" 2>&1 &
    app=$!
    for _ in $(seq 1 150); do
        xwininfo -root -tree 2>/dev/null | grep -F "$5" >"$3" && break
        sleep 0.2
    done
    sleep 1 # let it paint
    import -window root "$4"
    kill "$app" 2>/dev/null
    wait "$app" 2>/dev/null
    true' _ "$profiles/single-allowed-origin.corslab.json" "$tmp/gui.log" "$tmp/windows" "$png" "$title"
if grep -qF "$title" "$tmp/windows"; then
    pass "window shown: \"$title\""
else
    fail "no window titled \"$title\"; corslab said:"; cat "$tmp/gui.log"
fi
if [ -s "$png" ] && [ "$(identify -format '%k' "$png")" -gt 20 ]; then
    pass "screenshot $png ($(identify -format '%wx%h, %k colours' "$png"))"
else
    fail "screenshot missing or blank: $png"
fi

# ---------------------------------------------------------------- remove
section "dpkg -r"
if "${sudo[@]}" dpkg -r corslab >"$tmp/dpkg" 2>&1; then
    installed=0
    pass "dpkg -r corslab"
else
    fail "dpkg -r corslab:"; cat "$tmp/dpkg"
fi
st=$(dpkg-query -W -f='${Status}' corslab 2>/dev/null)
[[ "$st" != *installed* || "$st" == *not-installed* ]] && pass "dpkg status afterwards: ${st:-unknown package}" || fail "dpkg status afterwards: $st"
left=$(ls -d /usr/share/corslab /usr/bin/corslab* /usr/share/applications/org.corslab.CorsLab.desktop \
    /usr/share/metainfo/org.corslab.CorsLab.metainfo.xml /usr/share/mime/packages/org.corslab.CorsLab.xml \
    /usr/share/icons/hicolor/*/*/org.corslab.CorsLab.* /usr/share/icons/hicolor/*/*/application-x-corslab-profile.* \
    /usr/share/man/man1/corslab*.1.gz /usr/share/doc/corslab 2>/dev/null)
[ -z "$left" ] && pass "no files left (/usr/share/corslab, /usr/bin/corslab*, desktop, metainfo, mime, icons, man, doc)" ||
    fail "left behind: $left"
"${sudo[@]}" update-mime-database /usr/share/mime
t=$("${xdg_env[@]}" xdg-mime query filetype "$tmp/x.corslab.json" 2>&1)
[ "$t" != "application/x-corslab-profile+json" ] && pass "after removal x.corslab.json is $t again" || fail "the MIME type outlived the package"

echo "$passed passed, $failed failed (${SECONDS} s)"
[ "$failed" -eq 0 ]
