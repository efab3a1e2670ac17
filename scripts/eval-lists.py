#!/usr/bin/env python3
"""What a threat list from the past adds to the heuristics (backend of `./build.sh eval`).

Usage: eval-lists.py SAGIGUARD_BINARY DATA_DIR

Time split of the development half: phishing rows dated before 2024 become a
block list, the Tranco rows become a trust list, and the phishing rows dated
2024 are the test. Prints recall per source with the heuristics alone and with
the lists, and false alarms on the legitimate slices that are not in the trust
list. The lists are written to a temporary folder and deleted afterwards.
"""
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

from eval import clean, rows  # the same reading of the data as the main evaluation


def scan(binary, inputs, args, tmp):
    src = os.path.join(tmp, "in.txt")
    with open(src, "w", encoding="utf-8") as f:
        f.write("".join(clean(x) + "\n" for x in inputs))
    with open(src, "rb") as fi:
        out = subprocess.run([binary, "scan", *args], stdin=fi, capture_output=True, check=True).stdout
    return [line.split("\t")[1] if "\t" in line else "invalid" for line in out.decode("utf-8", "replace").split("\n")[: len(inputs)]]


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, data = argv[1], argv[2]
    past, test = [], []  # (input, source)
    for r in rows(os.path.join(data, "phish_dev.tsv.gz")):
        if not r["date"]:
            continue
        (past if r["date"] < "2024-01-01" else test).append((r["url"], r["source"]))
    trust, legit = [], []
    for r in rows(os.path.join(data, "legit_dev.tsv.gz")):
        if r["source"] == "tranco100k":
            trust.append(r["url_or_domain"])
        elif r["source"] == "esdaung2021":
            legit.append((r["url_or_domain"], "esdaung pages"))
        elif r["source"] == "fathom-login-forms" or r["source"].startswith("applepmr:"):
            legit.append((r["url_or_domain"], "login/account urls"))
    with tempfile.TemporaryDirectory() as tmp:
        block_file = os.path.join(tmp, "block.txt")
        trust_file = os.path.join(tmp, "trust.txt")
        with open(block_file, "w", encoding="utf-8") as f:
            f.write("".join(clean(u) + "\n" for u, _ in past))
        with open(trust_file, "w", encoding="utf-8") as f:
            f.write("".join(clean(d) + "\n" for d in trust))
        inputs = [u for u, _ in test] + [u for u, _ in legit]
        plain = scan(binary, inputs, [], tmp)
        listed = scan(binary, inputs, ["--block", block_file, "--allow", trust_file], tmp)
    slices = [s for _, s in test] + [s for _, s in legit]
    stats = defaultdict(Counter)
    for s, a, b in zip(slices, plain, listed):
        c = stats[s]
        c["n"] += 1
        c["plain"] += a in ("caution", "danger")
        c["listed"] += b in ("caution", "danger")
        c["danger"] += b == "danger"

    def pct(a, n):
        return f"{100.0 * a / n:6.2f}%" if n else "     -"

    print(f"lists from the past: block = {len(past)} phishing rows dated before 2024, trust = {len(trust)} Tranco domains")
    print(f"{'test slice (2024 phishing / legitimate)':40} {'rows':>7} {'heuristics':>11} {'+ lists':>9} {'danger':>8}")
    for s in sorted(stats, key=lambda s: (s in ('esdaung pages', 'login/account urls'), s)):
        c = stats[s]
        print(f"{s:40} {c['n']:7} {pct(c['plain'], c['n']):>11} {pct(c['listed'], c['n']):>9} {pct(c['danger'], c['n']):>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
