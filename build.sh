#!/usr/bin/env bash
# SagiGuard's one build script. Every step installs what it needs first, so a
# fresh machine needs nothing but this file; every install is skipped when the
# right version is already there, so a second run is fast.
#
#   ./build.sh            build the wasm engine and the extension for both browsers
#   ./build.sh test       everything above, then every test: Rust, wasm, Chromium, Firefox
#   ./build.sh eval       measure the engine on ../shared/data (skips when absent)
#   ./build.sh bench      print the budget figures of docs/architecture.md
#   ./build.sh serve      build and serve the public check page (www/) on 127.0.0.1
#   ./build.sh fuzz [S]   run every fuzz target in fuzz/ for S seconds each (default 60)
#   ./build.sh package    build, then only print where the zips are
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

GECKODRIVER_VERSION=0.37.1
WASM_TARGET=wasm32-unknown-unknown
WASM_OUT=${CARGO_TARGET_DIR:-target}/$WASM_TARGET/wasm/sagiguard.wasm

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# --- what the build needs -----------------------------------------------------

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

setup_build() {
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    say "adding Rust target $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
  # The wasm build compiles the standard library itself (see build_wasm).
  if ! rustup component list --installed | grep -qx rust-src; then
    say "adding Rust component rust-src"
    rustup component add rust-src
  fi
  [[ -f Cargo.lock ]] || cargo generate-lockfile
  local want; want=$(wasm_bindgen_version)
  if [[ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]]; then
    say "installing wasm-bindgen-cli $want (once; about two minutes)"
    # Not --locked: its lockfile pins a crate version the registry here lacks.
    cargo install wasm-bindgen-cli --version "$want"
  fi
  if [[ ! -x node_modules/.bin/wasm-opt || package-lock.json -nt node_modules/.package-lock.json ]]; then
    say "installing pinned npm dev tools"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# --- what the tests need --------------------------------------------------------

setup_test() {
  local missing=()
  [[ -x /usr/lib/chromium/chromium ]] || missing+=(chromium)
  [[ -x /usr/lib/firefox-esr/firefox-esr ]] || missing+=(firefox-esr)
  # Japanese glyphs, so the ja screenshots show text rather than empty boxes.
  dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || missing+=(fonts-ipafont-gothic)
  if ((${#missing[@]})); then
    say "installing ${missing[*]} from Debian"
    local sudo=""; [[ $(id -u) == 0 ]] || sudo=sudo
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  if [[ "$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}')" != "$GECKODRIVER_VERSION" ]]; then
    say "installing geckodriver $GECKODRIVER_VERSION (once; about a minute)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
}

# --- build ------------------------------------------------------------------------

build_wasm() {
  say "building the engine for wasm"
  # The standard library is rebuilt for this build, which lets it be made
  # smaller than the prebuilt one (measured on the gzip'd wasm):
  # - the immediate-abort panic strategy: a panic is a bare trap, so no panic
  #   message formatting or unwinding glue ships (191.6 -> 184.6 KB);
  # - -Zlocation-detail=none: no source file names and lines for panics that
  #   can no longer print them (-0.4 KB);
  # - std's optimize_for_size feature: smaller number formatting and sorts,
  #   same results (sort_unstable becomes a heapsort; the crate sorts only
  #   plain integers and strings with it, in list building, so a 1M-entry
  #   feed compiles about 10-15% slower in node: 2.5 -> 2.9 s) (-4.0 KB).
  # These are nightly-only flags; the one stable toolchain here accepts them
  # with RUSTC_BOOTSTRAP=1, set (like RUSTFLAGS) for this one command only, so
  # native builds and tests are untouched. With --target, RUSTFLAGS does not
  # reach build.rs either.
  # The standard library's own hot parts (allocator, hash tables, memory and
  # string routines) stay at opt-level 3, as in the prebuilt std: at the
  # profile's "z" a wasm URL check was about 15% slower (node), for 0.3 KB.
  # Given here rather than in Cargo.toml, where every native build would warn
  # that they match no package.
  local std_opt=()
  for crate in core alloc std hashbrown dlmalloc; do
    std_opt+=(--config "profile.wasm.package.$crate.opt-level=3")
  done
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    cargo build --profile wasm --target "$WASM_TARGET" --lib --no-default-features \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size "${std_opt[@]}"
  rm -rf extension/pkg
  wasm-bindgen --target web --no-typescript --out-dir extension/pkg "$WASM_OUT"
  # The generated glue is mostly doc comments and long local names: terser
  # (pinned in package.json) minifies it to about 40% of its gzip size. Export
  # and property names are kept, so the extension imports it unchanged.
  node_modules/.bin/terser extension/pkg/sagiguard.js --module --compress --mangle -o extension/pkg/sagiguard.js
  # binaryen from npm, never Debian's 108: that one miscompiles wasm-bindgen output.
  # --one-caller-inline-max-function-size=10: -Oz would inline every function
  # that has one caller, whatever its size, into a few huge functions with
  # hundreds of locals; kept apart, the wasm is a little larger raw but about
  # 6 KB smaller gzip'd (measured 194.8 -> 188.6 KB), same behaviour.
  # --low-memory-unused: Rust code never touches the first 1 KB of memory
  # (the bottom of its 1 MB stack, reached only by an overflow that would
  # corrupt memory anyway), so constant addresses can fold into the offsets
  # of loads and stores (-0.3 KB).
  node_modules/.bin/wasm-opt -Oz --converge --one-caller-inline-max-function-size=10 --low-memory-unused --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals \
    extension/pkg/sagiguard_bg.wasm -o extension/pkg/sagiguard_bg.wasm
  node scripts/smoke.mjs extension/pkg
}

build_dist() {
  say "assembling dist/chrome and dist/firefox"
  node scripts/dist.mjs
  rm -rf www/pkg www/shared && cp -r extension/pkg www/pkg
  mkdir -p www/shared && cp extension/shared/dom.js extension/shared/verdict-view.js extension/shared/contact-view.js www/shared/
  (cd dist/chrome && rm -f ../sagiguard-chrome.zip && zip -qr ../sagiguard-chrome.zip .)
  (cd dist/firefox && rm -f ../sagiguard-firefox.zip && zip -qr ../sagiguard-firefox.zip .)
}

build() {
  setup_build
  build_wasm
  build_dist
  say "built: dist/chrome, dist/firefox, dist/sagiguard-{chrome,firefox}.zip, www/"
}

# --- test -------------------------------------------------------------------------

run_tests() {
  build
  setup_test
  say "Rust tests"
  cargo test
  say "fuzz targets compile (./build.sh fuzz runs them)"
  cargo check --quiet --locked --manifest-path fuzz/Cargo.toml
  say "web-ext lint (Firefox build)"
  node_modules/.bin/web-ext lint --source-dir dist/firefox --self-hosted --output text
  say "wasm and end-to-end tests (node, Chromium, Firefox)"
  mkdir -p artifacts
  node --test --test-concurrency=1 tests/wasm/ tests/e2e/
}

case "${1:-build}" in
  build) build ;;
  setup) setup_build; setup_test ;;
  test) run_tests ;;
  eval) setup_build; cargo build --release --quiet; for e in scripts/eval.sh scripts/eval-forms.sh; do [[ -e $e ]] && bash "$e"; done; true ;;
  bench) build; bash scripts/bench.sh ;;
  serve) build; exec node scripts/serve.mjs "${2:-0}" ;;
  fuzz) shift; bash scripts/fuzz.sh "$@" ;;
  package) build; ls -l dist/*.zip ;;
  *) echo "usage: ./build.sh [build|setup|test|eval|bench|serve|fuzz|package]" >&2; exit 2 ;;
esac
