#!/usr/bin/env bash
# Everything `npm test` needs on a fresh machine: Debian's Chromium (the stories run in it;
# Playwright may not download a browser of its own here) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium
fi
npm ci --no-audit --no-fund
