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
CORSLAB_TEST_PACKAGES=(xvfb xauth x11-utils imagemagick clang-format chromium firefox-esr openssl
    lintian desktop-file-utils appstream shared-mime-info xdg-utils libfile-mimeinfo-perl dpkg-dev
    file groff-base)

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

# corslab_build PRESET — configures once, then builds incrementally.
corslab_build() {
    local preset=$1
    if [ ! -f "build/$preset/build.ninja" ]; then
        cmake --preset "$preset" >/dev/null
    fi
    cmake --build --preset "$preset"
}
