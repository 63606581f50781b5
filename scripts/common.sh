# Shared by run.sh and test.sh: installs the Debian packages Entente needs when they are missing.
# shellcheck shell=bash

ENTENTE_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6sql6-sqlite libqt6svg6 libgl-dev
    libsqlite3-dev sqlite3 libgumbo-dev libigraph-dev libicu-dev libstemmer-dev
    clang libclang-rt-14-dev
    xvfb xauth python3 python3-networkx
)

entente_install_packages() {
    local missing=()
    local p
    for p in "${ENTENTE_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing missing packages: ${missing[*]}"
    local cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
        DEBIAN_FRONTEND=noninteractive "${cmd[@]}"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
        sudo DEBIAN_FRONTEND=noninteractive "${cmd[@]}"
    else
        echo "Entente needs these Debian packages, and this user can neither use apt-get nor sudo." >&2
        echo "Ask an administrator to run:" >&2
        echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
}

entente_jobs() {
    nproc 2>/dev/null || echo 2
}
