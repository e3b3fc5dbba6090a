#!/usr/bin/env bash
# Shared by ./run.sh and ./test.sh: the system packages CorsLab needs, and their installation.
# Debian 12 and Ubuntu 24.04 (apt); elsewhere it prints the list and stops.

CORSLAB_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-websockets-dev qt6-declarative-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev zlib1g-dev
)
CORSLAB_RUN_PACKAGES=(qt6-qpa-plugins fonts-dejavu-core)
# chromium and firefox-esr: the browser label drives them (never a browser downloaded by npm);
# openssl makes its throw-away certificate for https page origins. The package label
# (tests/package): dpkg-dev and file for cpack's dpkg-shlibdeps, lintian, the desktop, AppStream and
# MIME tools, libfile-mimeinfo-perl (xdg-mime's file type query without a desktop), groff-base.
CORSLAB_TEST_PACKAGES=(xvfb xauth x11-utils imagemagick clang-format openssl
    lintian desktop-file-utils appstream shared-mime-info xdg-utils libfile-mimeinfo-perl dpkg-dev
    file groff-base)

# The real browsers of the `browser` label. Debian 12 ships both as debs; Ubuntu 24.04 has Chromium
# and Firefox only as snaps and no firefox-esr, so each is installed when apt has a package of it and
# the browser test reports itself skipped (exit 77) when one is missing.
CORSLAB_BROWSER_PACKAGES=(chromium firefox-esr)

# corslab_install_packages PKG... — installs what is missing; returns non-zero when it cannot.
corslab_install_packages() {
    local wanted=("$@")
    if ! command -v node >/dev/null 2>&1 && [[ " ${wanted[*]} " == *" clang-format "* ]]; then
        wanted+=(nodejs npm) # the tests need Node.js; a system that already has one keeps it
    fi
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        echo "This system has no apt. Install these packages (Debian/Ubuntu names) and re-run:" >&2
        echo "  ${wanted[*]}" >&2
        return 1
    fi
    local missing=() pkg
    for pkg in "${wanted[@]}"; do
        if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "Missing packages, and no sudo to install them as root:" >&2
            echo "  apt-get install ${missing[*]}" >&2
            return 1
        fi
        sudo=(sudo)
    fi
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
}

# corslab_install_available_packages PKG... — installs those apt has a candidate for (after
# corslab_install_packages, which refreshes the lists when anything was missing); never fails.
corslab_install_available_packages() {
    command -v apt-cache >/dev/null 2>&1 || return 0
    local available=() pkg
    for pkg in "$@"; do
        [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" = "install ok installed" ] && continue
        if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
            available+=("$pkg")
        else
            echo "Not installing $pkg: apt has no package of it here; the tests that need it are skipped" >&2
        fi
    done
    [ ${#available[@]} -eq 0 ] && return 0
    corslab_install_packages "${available[@]}" ||
        echo "warning: could not install ${available[*]}; the tests that need them are skipped" >&2
    return 0
}

# corslab_build PRESET — configures once, then builds incrementally.
corslab_build() {
    local preset=$1
    if [ ! -f "build/$preset/build.ninja" ]; then
        cmake --preset "$preset" >/dev/null
    fi
    cmake --build --preset "$preset"
}
