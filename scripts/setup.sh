#!/usr/bin/env bash
# Everything `npm test` needs on a fresh machine: Debian's Chromium (the stories run in it;
# Playwright may not download a browser of its own here), PostgreSQL (the unit tests start a
# throwaway cluster of it: test/setup/postgres.ts) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi
npm ci --no-audit --no-fund
