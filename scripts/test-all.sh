#!/usr/bin/env bash
# The whole test suite, as the README's `npm test`: typecheck, lint, unit/integration, build, e2e in Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
step() { echo "=== $1 ($(date +%T))"; }
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json

step "system packages"
bash scripts/ensure-system-packages.sh || exit 1

step "typecheck"
npx next typegen >/dev/null && npx tsc --noEmit || exit 1

step "lint"
npx eslint . --max-warnings=0 || exit 1

step "unit and integration tests (vitest)"
vitest_rc=0
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || vitest_rc=$?

step "production build"
npx next build || exit 1

step "end-to-end tests (playwright, Debian chromium)"
pw_rc=0
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test --reporter=list,json || pw_rc=$?

step "summary"
summary_rc=0
node scripts/ci-summary.mjs || summary_rc=$?
exit $(( vitest_rc || pw_rc || summary_rc ))
