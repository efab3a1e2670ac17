#!/usr/bin/env bash
# Form-guard evaluation: runs `sagiguard forms` over the saved pages in
# ${SAGIGUARD_DATA:-../shared/data}/html_dev/ and reports, per page label, how
# often a sensitive form was found where the page's features say so, plus
# field-kind counts, and the page verdict the extension would give: each page at
# its own address, or a page without one (the phishing kits) at an address of an
# unknown site with no warning signs of its own, so only what the page claims
# counts. Skips (exit 0) when the data is absent.
#
# usage: scripts/eval-forms.sh [path/to/sagiguard]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${SAGIGUARD_DATA:-../shared/data}"
pages="$data/html_dev"
if [[ ! -f "$pages/index.tsv" ]]; then
    echo "eval-forms: no evaluation data at $pages (set SAGIGUARD_DATA); skipped"
    exit 0
fi
bin="${1:-}"
if [[ -z "$bin" ]]; then
    export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
    cargo build --quiet --release --bin sagiguard
    bin="$CARGO_TARGET_DIR/release/sagiguard"
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
tail -n +2 "$pages/index.tsv" | while IFS=$'\t' read -r path label source url rest; do
    args=(forms "$pages/$path" --url "${url:-https://www.unlisted-site.example/index.html}")
    name="$(printf '%s' "$path" | tr '/' '_')"
    "$bin" "${args[@]}" >"$out/$name.json" 2>"$out/$name.err" || true
done
python3 scripts/eval-forms.py "$pages/index.tsv" "$out"
