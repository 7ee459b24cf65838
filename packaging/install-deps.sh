#!/usr/bin/env bash
# Installs the Debian packages the kiosk needs to build, test and run its demo, when they
# are missing: cgo headers for Fyne's GLFW driver and gousb, the CJK font, Xvfb and the
# tools the integration tests drive (ippeveprinter, dbus, socat, poppler-utils).
# Uses sudo when not root. Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(
  gcc pkg-config
  libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
  libusb-1.0-0-dev
  fonts-wqy-microhei
  xvfb xauth xdotool imagemagick
  poppler-utils socat dbus cups-ipp-utils
  locales
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
