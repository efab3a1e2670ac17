#!/usr/bin/env bash
# Content-script cost (issue 5), picked up by scripts/bench.sh: main-thread time
# and longest task of the form guard in Chromium on a typical login page and on
# a page with 5,000 inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== content script in Chromium (budget: <= 2 ms per typical page; no task over 50 ms with 5,000 inputs)"
node scripts/bench-content.mjs
echo "== content script in Firefox ESR (the guard's slices only: Firefox gives no trace of script evaluation here)"
node scripts/bench-content-firefox.mjs 3
