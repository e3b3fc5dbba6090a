#!/usr/bin/env bash
# Installs build and test dependencies, runs the libFuzzer targets for a bounded time where clang
# can build them, builds the ci preset, and runs every CTest label (unit, gui, cli, schema, interop,
# browser — real Chromium and Firefox —, fuzz, format, package — the .deb installed with dpkg and
# removed again, so root or passwordless sudo). Ends with ctest's summary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source installer/deps.sh

corslab_install_packages "${CORSLAB_BUILD_PACKAGES[@]}" "${CORSLAB_RUN_PACKAGES[@]}" \
    "${CORSLAB_TEST_PACKAGES[@]}"
corslab_install_available_packages "${CORSLAB_BROWSER_PACKAGES[@]}"

# The npm packages the tests pin (tests/node/package-lock.json), installed only when it changed.
stamp=tests/node/node_modules/.corslab-lock-sha
lock_sha=$(sha256sum tests/node/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sha" ]; then
    (cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_sha" > "$stamp"
fi

# Coverage-guided fuzzing with libFuzzer where clang and its fuzzer runtime are installed
# (Debian: clang, libclang-rt-*-dev); the ci build below replays the same corpora either way.
if command -v clang++ >/dev/null 2>&1 &&
    echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long){return 0;}' |
    clang++ -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
    corslab_build fuzz
    ctest --preset fuzz
else
    echo "libFuzzer not available (clang++ with -fsanitize=fuzzer): skipping the fuzz preset"
fi

corslab_build ci
ctest --preset ci
