#!/usr/bin/env bash
# Evaluation on the development half of the data (backend of `./build.sh eval`).
#
# Builds the release CLI, runs `sagiguard scan` over every row of
# ${SAGIGUARD_DATA:-../shared/data} (relative to the repository root) and prints
# recall per phishing source and lookalike kind, false alarms and `danger` per
# legitimate slice, and throughput; then threat-list lookups and the lookalikes
# dnstwist makes of every brand in the table (scripts/eval-brands.py). Skips
# (exit 0) when the data is absent.
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
echo
# The lookalike generator the data was made with, pinned, in target/ (not the
# system's Python); without the network this part is skipped.
pydeps="$target/eval-pydeps"
if [ ! -d "$pydeps/dnstwist" ] && ! python3 -m pip install --quiet --disable-pip-version-check --target "$pydeps" dnstwist==20250130 >/dev/null 2>&1; then
    echo "eval: lookalikes of every brand skipped: dnstwist (PyPI) could not be installed."
else
    PYTHONPATH="$pydeps" python3 scripts/eval-brands.py "$tmp/sagiguard" "$data"
fi
