#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer + UndefinedBehaviorSanitizer in
# build-test/, runs every test, then fuzzes each libFuzzer target briefly (scripts/fuzz.sh, about a
# minute in all; ENTENTE_FUZZ_SECONDS sets the seconds per target, 0 skips). Exits non-zero on any
# failure, a fuzzing crash included.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh
entente_install_packages
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DENTENTE_SANITIZE=ON -DENTENTE_WERROR=ON \
    -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" >/dev/null
cmake --build build-test -j "$(entente_jobs)"
export QT_QPA_PLATFORM=offscreen
cd build-test
ctest --output-on-failure -j "$(entente_jobs)" "$@"
cd ..
fuzz_seconds="${ENTENTE_FUZZ_SECONDS:-12}"
if [ "$fuzz_seconds" -gt 0 ]; then
    scripts/fuzz.sh "$fuzz_seconds"
fi
