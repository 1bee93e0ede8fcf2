#!/usr/bin/env bash
# End-to-end tests drive the system Chromium (Playwright cannot download browsers here).
# Installs Debian's chromium when it is missing and we are allowed to.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the end-to-end tests (apt-get install chromium)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium at /usr/bin/chromium: install it (e.g. 'sudo apt-get install chromium')." >&2
exit 1
