#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the browser tests (PagesIT) when they are missing.
# The build runs this before the integration tests; it needs root, or sudo without a password.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi

as_root=()
if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null || ! sudo -n true 2>/dev/null; then
        echo "The browser tests need Debian's chromium and chromium-driver packages; install them as root:" >&2
        echo "  apt-get install -y chromium chromium-driver" >&2
        exit 1
    fi
    as_root=(sudo -n)
fi

export DEBIAN_FRONTEND=noninteractive
echo "Installing chromium and chromium-driver for the browser tests"
if ! "${as_root[@]}" apt-get install -y --no-install-recommends chromium chromium-driver; then
    "${as_root[@]}" apt-get update
    "${as_root[@]}" apt-get install -y --no-install-recommends chromium chromium-driver
fi
/usr/bin/chromium --version
/usr/bin/chromedriver --version
