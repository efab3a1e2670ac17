#!/usr/bin/env bash
# Native cost of one URL check in instructions (valgrind's callgrind), which,
# unlike the timings, does not move when other work shares the machine:
# steady-state instructions per check_url over 20,000 bench URLs, and the
# extra cost of the first check (the tables built on first use). Picked up
# by scripts/bench.sh; prints a note and skips when valgrind is missing.
# Usage: bash scripts/bench-callgrind.sh [URLFILE]
set -euo pipefail
cd "$(dirname "$0")/.."

urls=${1:-${BENCH_URLS:-${CARGO_TARGET_DIR:-target}/bench-urls.txt}}
if ! command -v valgrind >/dev/null; then
  echo -e "native check_url callgrind\tskipped (no valgrind; apt-get install valgrind)"
  exit 0
fi
[[ -s $urls ]] || { mkdir -p "$(dirname "$urls")"; node scripts/bench-urls.mjs 100000 "$urls"; }
# The bench binary's path, from cargo's build messages (one JSON object a line).
exe=$(cargo bench --quiet --bench check_url --no-run --message-format=json 2>/dev/null \
  | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      for (const line of s.split("\n")) {
        try { const m = JSON.parse(line); if (m.executable && m.target?.name === "check_url") console.log(m.executable); } catch {}
      }
    })' || true)
[[ -x $exe ]] || { echo -e "native check_url callgrind\tskipped (bench binary not built)"; exit 0; }

# Instructions of a bench run that checks the first N URLs (N of them twice:
# N <= 5,000 are the warm-up, then N are timed).
count() {
  BENCH_URLS=$urls BENCH_LIMIT=$1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$exe" 2>&1 >/dev/null \
    | awk '/Collected :/ { print $NF }'
}
none=$(count 0)
one=$(count 1)
many=$(count 20000)
# 20,000 URLs: 5,000 warm-up checks + 20,000 timed; 1 URL: 2 checks.
per=$(( (many - one) / (25000 - 2) ))
first=$(( one - none - 2 * per ))
echo -e "native check_url callgrind\turls=20000\tinstructions_per_check=$per\tfirst_check_extra_instructions=$first"
