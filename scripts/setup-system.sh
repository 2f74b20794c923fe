#!/usr/bin/env bash
# Install the Debian packages archivist needs, only those that are missing, so that
# `make run` / `make test` are fast when everything is already there.
set -euo pipefail
PKGS=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd
      default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java
      icc-profiles-free fonts-liberation2 fonts-dejavu-core poppler-utils jbig2dec postgresql python3-venv libreoffice-calc-nogui
      chromium)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing missing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
