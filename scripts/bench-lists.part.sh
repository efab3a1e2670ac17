#!/usr/bin/env bash
# Threat-list figures (issue 4), picked up by scripts/bench.sh: for 100k and
# 1M entries, build time, bytes per entry, load time of the stored form and
# lookup time, natively (`sagiguard list bench`) and in wasm (node and
# Chromium), beside eth-phishing-detect's linear lookup on the same list.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== threat lists, native (sagiguard list bench; ns per URL)"
cargo build --release --quiet
"${CARGO_TARGET_DIR:-target}/release/sagiguard" list bench --entries 100000 --entries 1000000
echo "== threat lists, wasm (node, Chromium) and eth-phishing-detect on the same lists (µs per URL)"
node scripts/bench-lists.mjs 100000 1000000
echo "(budget: <= 5 bytes per entry, native lookup <= 1 us, stored form loads in <= 10 ms in the browser)"
