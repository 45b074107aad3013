#!/usr/bin/env bash
# Installs Chromium and its chromedriver (Debian's chromium and chromium-driver), which the web app's browser tests
# drive through Selenium, if they are missing. Idempotent. With CI=true the browser tests fail without them.
set -euo pipefail

have_browser() {
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

if have_browser && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium already installed: $(chromedriver --version)"
    exit 0
fi

. "$(dirname "$0")/apt.sh"
apt_install chromium chromium-driver
echo "chromium installed: $(chromedriver --version)"
