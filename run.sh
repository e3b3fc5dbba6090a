#!/usr/bin/env bash
# Builds CorsLab (Release) and starts the desktop app on the default example profile.
# With no display it runs corslab-cli on the same example instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source installer/deps.sh

preset=${CORSLAB_PRESET:-release}
corslab_install_packages "${CORSLAB_BUILD_PACKAGES[@]}" "${CORSLAB_RUN_PACKAGES[@]}"
corslab_build "$preset" | grep -v '^ninja: no work to do' || true

example=single-allowed-origin
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "build/$preset/app/gui/corslab" "$example" "$@"
fi
echo "No display (DISPLAY and WAYLAND_DISPLAY are empty): running corslab-cli on the default example instead."
echo "\$ corslab-cli validate $example && corslab-cli show $example"
"build/$preset/app/cli/corslab-cli" validate "$example"
exec "build/$preset/app/cli/corslab-cli" show "$example"
