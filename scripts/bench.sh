#!/usr/bin/env bash
# Prints the figures of the budget table in docs/architecture.md. Called by
# `./build.sh bench` after a build; every part prints tab-separated lines.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== SagiGuard benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores)"
wasm=$(stat -c %s extension/pkg/sagiguard_bg.wasm)
glue=$(stat -c %s extension/pkg/sagiguard.js)
gz=$(( $(gzip -9c extension/pkg/sagiguard_bg.wasm | wc -c) + $(gzip -9c extension/pkg/sagiguard.js | wc -c) ))
echo -e "wasm + glue shipped\twasm_bytes=$wasm\tglue_bytes=$glue\tgzip_total_bytes=$gz\tbudget_gzip=153600"
# Each compiled-in table's share of that (the brand and confusable tables first).
node scripts/bench-size.mjs extension/pkg

# The URL file lives in the build folder (CARGO_TARGET_DIR when set).
urls=${CARGO_TARGET_DIR:-target}/bench-urls.txt
mkdir -p "$(dirname "$urls")"
node scripts/bench-urls.mjs 100000 "$urls"
export BENCH_URLS=$urls
BENCH_LIST_ENTRIES=1000000 cargo bench --quiet --bench check_url 2>/dev/null | grep -v '^$' || BENCH_LIST_ENTRIES=1000000 cargo bench --bench check_url
# The same check counted in instructions: steady under load, unlike the timings.
bash scripts/bench-callgrind.sh "$urls"
echo -e "(budget: native median <= 1.5 us; wasm in Chromium median <= 5 us; wake -> verdict <= 20 ms)"
node scripts/bench-wasm.mjs "$urls"
cargo bench --quiet --bench classify_fields 2>/dev/null | grep -v '^$' || cargo bench --bench classify_fields
echo -e "(budget: classify_fields median <= 1 ms for 100 fields, <= 30 ms for 5,000 fields)"
for part in scripts/bench-*.part.sh; do
  [[ -e $part ]] && bash "$part"
done
exit 0
