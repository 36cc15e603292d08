#!/usr/bin/env bash
# Debian packages the tests use: Chromium (never a downloaded browser), poppler (pdftotext,
# pdftoppm) and zbar (zbarimg) as independent checkers of exported files, and CJK fonts so the
# print view renders every script. Installs only what is missing; needs root or sudo for apt.
#
# `--test-tools` (used by .ci/run, not by `npm run setup`) adds what only the tests need:
# LibreOffice Calc, headless without a GUI toolkit (libreoffice-calc-nogui), which opens the
# exported CSV files as a real spreadsheet engine would (issue 14). It is large (~300 MB), so a
# seller's set-up does not pull it in.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
if [ "${1:-}" = "--test-tools" ]; then
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
fi

if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "installing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
