#!/usr/bin/env bash
# One command for a fresh clone: system packages, npm dependencies, production build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
npm ci
npm run build
cat <<MSG

Seller Vault is built.
Load it: chrome://extensions (or edge://extensions) → Developer mode → Load unpacked → $(pwd)/.output/chrome-mv3
Edge package: npm run build:edge → .output/edge-mv3
MSG
