#!/usr/bin/env bash
# Installs SoftHSM2 (the PKCS#11 module the HSM master-key tests run against) if it is missing. Idempotent.
set -euo pipefail

have_module() {
    for lib in /usr/lib/softhsm/libsofthsm2.so /usr/lib/*/softhsm/libsofthsm2.so /usr/local/lib/softhsm/libsofthsm2.so; do
        [ -r "$lib" ] && return 0
    done
    return 1
}

if command -v softhsm2-util >/dev/null 2>&1 && have_module; then
    echo "softhsm2 already installed: $(softhsm2-util --version)"
    exit 0
fi

. "$(dirname "$0")/apt.sh"
apt_install softhsm2
echo "softhsm2 installed: $(softhsm2-util --version)"
