#!/usr/bin/env bash
# Installs Debian's `chromium` for the HTML export test (tests/export_chromium.rs) when it is
# missing. Needs root and apt-get; otherwise it says why and exits 0, and the test skips.
set -uo pipefail
if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "install-chromium: not root or no apt-get; cannot install chromium" >&2
    exit 0
fi
echo "install-chromium: installing Debian's chromium (once)..." >&2
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/tmp/margent-install-chromium.log 2>&1; then
    echo "install-chromium: apt-get failed; see /tmp/margent-install-chromium.log" >&2
fi
exit 0
