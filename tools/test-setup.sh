#!/usr/bin/env bash
# Installs, from Debian's packages and only when missing, what the browser tests need: Chromium's
# headless shell (playwright-core; the bench drives the full `chromium`, not installed here),
# Firefox ESR (puppeteer over WebDriver BiDi), WebKitGTK's WebDriver and MiniBrowser under Xvfb,
# CJK fonts for the Chinese story, and pdftotext for the print test.
# A no-op (no apt-get at all) when everything is there. Never downloads a browser from elsewhere.
# The same variables as the tests override the paths: CHROME_PATH, FIREFOX_PATH,
# WEBKIT_DRIVER_PATH, MINIBROWSER_PATH, XVFB_PATH.
set -euo pipefail

multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo "$(uname -m)-linux-gnu")

# Prints the Debian packages whose files are missing, one a line.
missing() {
  [ -x "${CHROME_PATH:-/usr/bin/chromium-headless-shell}" ] || echo chromium-headless-shell
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || echo fonts-noto-cjk
  [ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || echo firefox-esr
  # The driver package pulls in libwebkit2gtk-4.1-0, which ships MiniBrowser.
  if [ ! -x "${WEBKIT_DRIVER_PATH:-/usr/bin/WebKitWebDriver}" ] ||
    [ ! -x "${MINIBROWSER_PATH:-/usr/lib/$multiarch/webkit2gtk-4.1/MiniBrowser}" ]; then
    echo webkit2gtk-driver
  fi
  [ -x "${XVFB_PATH:-/usr/bin/Xvfb}" ] || echo xvfb
  command -v pdftotext >/dev/null 2>&1 || echo poppler-utils
}

mapfile -t need < <(missing)
if [ ${#need[@]} -eq 0 ]; then
  echo "test-setup: every browser and tool the tests need is installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "test-setup: missing ${need[*]}, and this is not root and there is no sudo." >&2
  echo "Ask an administrator to run: apt-get update && apt-get install -y ${need[*]}" >&2
  exit 1
fi

echo "test-setup: installing ${need[*]} from Debian's packages"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"

# A path variable pointing elsewhere is not fixed by a package: say so rather than fail later.
mapfile -t still < <(missing)
if [ ${#still[@]} -gt 0 ]; then
  echo "test-setup: still missing after the install: ${still[*]} (check CHROME_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, MINIBROWSER_PATH, XVFB_PATH)" >&2
  exit 1
fi
