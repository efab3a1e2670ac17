#!/usr/bin/env bash
# Evaluation on the development half of the data (backend of `./build.sh eval`).
#
# Builds the release CLI, runs `sagiguard scan` over every row of
# ${SAGIGUARD_DATA:-../shared/data} (relative to the repository root) and prints
# recall per phishing source and lookalike kind, false alarms and `danger` per
# legitimate slice, and throughput. Skips (exit 0) when the data is absent.
# Extra arguments go to scripts/eval.py (e.g. `--dump /tmp/eval-misses`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${SAGIGUARD_DATA:-../shared/data}"
for f in phish_dev.tsv.gz legit_dev.tsv.gz lookalikes_dev.tsv.gz; do
    if [ ! -f "$data/$f" ]; then
        echo "eval: skipped: evaluation data not found ($data/$f is missing)."
        echo "eval: set SAGIGUARD_DATA to the folder holding phish_dev.tsv.gz, legit_dev.tsv.gz and lookalikes_dev.tsv.gz."
        exit 0
    fi
done
if ! command -v python3 >/dev/null; then
    echo "eval: skipped: python3 is needed to score the results."
    exit 0
fi
cargo build --release --quiet --bin sagiguard
target="${CARGO_TARGET_DIR:-$root/target}"
# Copy the binary at once: a shared CARGO_TARGET_DIR may be rebuilt by others.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$target/release/sagiguard" "$tmp/sagiguard"
python3 scripts/eval.py "$tmp/sagiguard" "$data" "$@"
echo
python3 scripts/eval-lists.py "$tmp/sagiguard" "$data"
