#!/bin/sh
# Refreshes data/public_suffix_list.dat (MPL-2.0, header kept intact) from the
# copy shipped inside the PyPI package `publicsuffixlist`, fetched with pip from
# the ordinary package registry. build.rs compiles the file into the lookup
# table on the next cargo build. Usage: scripts/refresh-psl.sh
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" publicsuffixlist
wheel=$(ls "$tmp"/publicsuffixlist-*.whl)
python3 -m zipfile -e "$wheel" "$tmp/unpacked"
dat="$tmp/unpacked/publicsuffixlist/public_suffix_list.dat"

# Refuse anything that does not look like the real list.
grep -q 'Mozilla Public' "$dat"
grep -q '===BEGIN ICANN DOMAINS===' "$dat"
grep -q '===BEGIN PRIVATE DOMAINS===' "$dat"

cp "$dat" "$root/data/public_suffix_list.dat"
echo "data/public_suffix_list.dat <- $(basename "$wheel")"
grep -m1 '^// VERSION:' "$root/data/public_suffix_list.dat" || true
