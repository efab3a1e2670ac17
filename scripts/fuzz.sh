#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ (cargo-fuzz, libFuzzer) for SECONDS each
# (default 60), starting from the seeds in fuzz/seeds/ (and, for the stored
# list, a list compiled by the CLI here). Backend of `./build.sh fuzz`.
# A crash stops the run; its input is left in fuzz/artifacts/<target>/.
# cargo-fuzz asks for nightly compiler flags; the one stable toolchain here
# accepts them with RUSTC_BOOTSTRAP=1, set for these builds only.
# Usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(check_url feed stored_list check_page forms_html pasted)

if [[ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]]; then
  echo "==> installing cargo-fuzz $CARGO_FUZZ_VERSION (once; about two minutes)" >&2
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

# The stored-list target starts from a real compiled list.
mkdir -p fuzz/corpus/stored_list
cargo build --release --quiet --bin sagiguard
"${CARGO_TARGET_DIR:-target}/release/sagiguard" list compile fuzz/seeds/feed/urls.txt -o fuzz/corpus/stored_list/list.bin >/dev/null
# The target reads its first byte as a mode (odd: renew the checksum).
for mode in '\x00' '\x01'; do
  { printf "$mode"; cat fuzz/corpus/stored_list/list.bin; } > "fuzz/corpus/stored_list/compiled-$(printf "$mode" | od -An -tx1 | tr -d ' ').bin"
done
rm fuzz/corpus/stored_list/list.bin

for t in "${targets[@]}"; do
  echo "==> fuzzing $t for ${seconds}s" >&2
  mkdir -p "fuzz/corpus/$t"
  seeds=()
  [[ -d fuzz/seeds/$t ]] && seeds=("fuzz/seeds/$t")
  RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
    -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 2>&1 | tail -n 12
  # `tail` would hide a crash's exit code.
  [[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "fuzz: $t crashed; input in fuzz/artifacts/$t/" >&2; exit 1; }
done
