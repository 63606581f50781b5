#!/usr/bin/env bash
# Installs what is missing, builds a Release build in build/, and starts Entente on the per-user
# database (or the one given with --db PATH). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh
entente_install_packages
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DENTENTE_BUILD_TESTS=OFF >/dev/null
cmake --build build -j "$(entente_jobs)"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found; starting under xvfb-run." >&2
    exec xvfb-run -a ./build/app/entente "$@"
fi
exec ./build/app/entente "$@"
