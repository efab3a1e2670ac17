#!/usr/bin/env python3
"""Scores `sagiguard scan` on the evaluation data (development half).

Usage: eval.py SAGIGUARD_BINARY DATA_DIR [--dump DIR]

Reads phish_dev.tsv.gz, legit_dev.tsv.gz and lookalikes_dev.tsv.gz from DATA_DIR,
runs every row through one `sagiguard scan` process, and prints:
  - recall (caution or danger) per phishing source (JPCERT/CC's also per
    half-year, since the held-back half is later) and per lookalike kind/fuzzer,
  - false alarms (caution or danger) and `danger` per legitimate slice,
  - throughput of the scan in URLs per second.
With --dump DIR, writes one file per slice into DIR (outside the repository!) with
the rows that were missed (phishing) or flagged (legitimate), with their codes,
for error analysis. The data's rows are never written into the repository.
"""

import gzip
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict

# (slice, target) pairs: recall targets are minimums, false-alarm targets maximums.
RECALL_TARGETS = {
    "jpcert": 0.80,
    "openphish": 0.75,
    "lookalike homoglyph": 0.95,
    "lookalike homoglyph-idn": 0.95,
    "lookalike typosquat": 0.85,
    "lookalike brand-in-subdomain": 0.90,
    "lookalike combosquat": 0.80,
}
FP_TARGETS = {
    "tranco top 10k": 0.005,
    "tranco 10k-100k": 0.02,
    "esdaung pages": 0.02,
    "login/account urls": 0.02,
}
DANGER_TARGETS = {"tranco top 10k": 0.0005, "esdaung pages": 0.001}
# Phishing sources whose rows span years: their recall is also printed per half-year.
DATED_SOURCES = ("jpcert",)


def rows(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (len(header) - len(cols))
            yield dict(zip(header, cols))


def clean(s):
    """One line per input: scan reads lines, so no newline may hide inside."""
    return s.replace("\r", " ").replace("\n", " ")


def legit_slice(r):
    src, rank = r["source"], r["rank"]
    if src == "tranco100k":
        return "tranco top 10k" if rank and int(rank) <= 10000 else "tranco 10k-100k"
    if src == "esdaung2021":
        return "esdaung pages"
    if src == "fathom-login-forms" or src.startswith("applepmr:"):
        return "login/account urls"
    if src == "ethphishdetect:whitelist":
        return "ethphishdetect whitelist"
    if src in ("moz-top500", "tippy-top-sites"):
        return "moz/tippy top sites"
    return None


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, data = argv[1], argv[2]
    dump = argv[argv.index("--dump") + 1] if "--dump" in argv else None

    inputs = []  # (input, kind "phish"/"legit", [slices])
    for r in rows(os.path.join(data, "phish_dev.tsv.gz")):
        slices = [r["source"]]
        # The held-back half is later than this one: recall per half-year shows
        # how it holds up on the newest rows.
        if r["source"] in DATED_SOURCES and len(r["date"]) >= 7:
            slices.append(f"  {r['source']} {r['date'][:4]}H{1 if r['date'][5:7] <= '06' else 2}")
        inputs.append((clean(r["url"]), "phish", slices))
    for r in rows(os.path.join(data, "legit_dev.tsv.gz")):
        s = legit_slice(r)
        if s:
            inputs.append((clean(r["url_or_domain"]), "legit", [s]))
    for r in rows(os.path.join(data, "lookalikes_dev.tsv.gz")):
        if r["tranco100k_rank"]:
            inputs.append((clean(r["domain"]), "legit", ["popular lookalike-looking sites"]))
        else:
            origin = "observed" if r["source"].startswith("observed") else "generated"
            inputs.append((clean(r["domain"]), "phish",
                           ["lookalike " + r["kind"], f"  {r['kind']}/{r['fuzzer']} ({origin})"]))

    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.txt")
        out = os.path.join(tmp, "out.txt")
        with open(src, "w", encoding="utf-8") as f:
            for text, _, _ in inputs:
                f.write(text + "\n")
        start = time.perf_counter()
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(src, "rb") as fi, open(out, "wb") as fo:
            subprocess.run([binary, "scan"], stdin=fi, stdout=fo, check=True)
        elapsed = time.perf_counter() - start
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
        with open(out, encoding="utf-8", errors="replace") as f:
            results = [line.rstrip("\n").split("\t") for line in f]
    if len(results) != len(inputs):
        print(f"scan wrote {len(results)} lines for {len(inputs)} inputs", file=sys.stderr)
        return 1

    stats = defaultdict(Counter)  # slice -> counts
    order = {"phish": [], "legit": []}
    dumps = defaultdict(list)
    for (text, kind, slices), res in zip(inputs, results):
        level = res[1] if len(res) > 1 else "invalid"
        codes = res[3] if len(res) > 3 else ""
        flagged = level in ("caution", "danger")
        for s in slices:
            if s not in stats:
                order[kind].append(s)
            c = stats[s]
            c["n"] += 1
            c["flagged"] += flagged
            c["danger"] += level == "danger"
            c["invalid"] += level == "invalid"
            if dump and ((kind == "phish" and not flagged) or (kind == "legit" and flagged)):
                dumps[s].append(f"{text}\t{level}\t{codes}")

    def pct(a, b):
        return f"{100.0 * a / b:6.2f}%" if b else "     -"

    print(f"{'phishing: recall (caution or danger)':44} {'rows':>7} {'recall':>8} {'danger':>8} {'invalid':>8}  target")
    phish_order = [s for s in order["phish"] if not s.startswith("lookalike") and not s.startswith("  ")]
    look_order = sorted(s for s in order["phish"] if s.startswith("lookalike"))
    for s in phish_order + look_order:
        c = stats[s]
        t = RECALL_TARGETS.get(s)
        mark = "" if t is None else (f">= {t:.0%} " + ("ok" if c["flagged"] >= t * c["n"] else "MISS"))
        print(f"{s:44} {c['n']:7} {pct(c['flagged'], c['n'])} {pct(c['danger'], c['n'])} {pct(c['invalid'], c['n'])}  {mark}")
        for sub in sorted(x for x in order["phish"] if x.startswith(f"  {s} ")):
            c = stats[sub]
            print(f"{sub:44} {c['n']:7} {pct(c['flagged'], c['n'])} {pct(c['danger'], c['n'])} {pct(c['invalid'], c['n'])}")
        if s.startswith("lookalike"):
            kind = s[len("lookalike "):]
            for sub in sorted(x for x in order["phish"] if x.startswith(f"  {kind}/")):
                c = stats[sub]
                print(f"{sub:44} {c['n']:7} {pct(c['flagged'], c['n'])} {pct(c['danger'], c['n'])} {pct(c['invalid'], c['n'])}")
    print()
    print(f"{'legitimate: false alarms':44} {'rows':>7} {'flagged':>8} {'danger':>8} {'invalid':>8}  target")
    for s in order["legit"]:
        c = stats[s]
        marks = []
        t = FP_TARGETS.get(s)
        if t is not None:
            marks.append(f"flag <= {t:.1%} " + ("ok" if c["flagged"] <= t * c["n"] else "MISS"))
        t = DANGER_TARGETS.get(s)
        if t is not None:
            marks.append(f"danger <= {t:.2%} " + ("ok" if c["danger"] <= t * c["n"] else "MISS"))
        print(f"{s:44} {c['n']:7} {pct(c['flagged'], c['n'])} {pct(c['danger'], c['n'])} {pct(c['invalid'], c['n'])}  {'; '.join(marks)}")
    print()
    print(f"throughput: {len(inputs)} inputs in {elapsed:.2f} s wall, {cpu:.2f} s CPU = "
          f"{len(inputs) / max(cpu, 1e-9):,.0f} URLs/s per core (one scan process, incl. start-up and I/O)")

    if dump:
        os.makedirs(dump, exist_ok=True)
        for s, lines in dumps.items():
            name = s.strip().replace(" ", "_").replace("/", "_").replace("(", "").replace(")", "")
            with open(os.path.join(dump, name + ".tsv"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        print(f"misses and false alarms written to {dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
