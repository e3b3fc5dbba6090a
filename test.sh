#!/usr/bin/env bash
# Installs build and test dependencies, builds the ci preset, and runs every CTest label
# (unit, gui, schema, format). Ends with ctest's summary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source installer/deps.sh

corslab_install_packages "${CORSLAB_BUILD_PACKAGES[@]}" "${CORSLAB_RUN_PACKAGES[@]}" \
    "${CORSLAB_TEST_PACKAGES[@]}"

# The npm packages the tests pin (tests/node/package-lock.json), installed only when it changed.
stamp=tests/node/node_modules/.corslab-lock-sha
lock_sha=$(sha256sum tests/node/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sha" ]; then
    (cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_sha" > "$stamp"
fi

corslab_build ci
ctest --preset ci
