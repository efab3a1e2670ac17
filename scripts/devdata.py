"""Shared helpers for the training scripts: reading the evaluation data's
development half and taking hosts apart. Only the dev half is ever read."""

import gzip
import os
import re

DATA = os.environ.get("SAGIGUARD_DATA") or os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
PHISH = "phish_dev.tsv.gz"
LEGIT = "legit_dev.tsv.gz"

# Second-level labels under which country-code TLDs register names (example.co.jp).
SECOND_LEVELS = {"co", "ne", "or", "ac", "go", "com", "net", "org", "gov", "edu", "gr", "lg", "ed"}


def rows(name):
    """Yields each row of a data file as a dict keyed by the header."""
    with gzip.open(os.path.join(DATA, name), "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (len(header) - len(cols))
            yield dict(zip(header, cols))


def host(url):
    """The lower-case host of a URL or bare domain ('' when there is none)."""
    u = url.strip()
    m = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", u)
    if m:
        u = u[m.end():]
    u = re.split(r"[/?#\\]", u, 1)[0].rsplit("@", 1)[-1]
    if not u.startswith("["):
        u = u.split(":")[0]
    return u.lower().strip(".")


def is_ip(h):
    return h.startswith("[") or re.fullmatch(r"[0-9.]+", h) is not None


def site(h):
    """An approximation of the registrable domain, good enough for counting sites."""
    labels = h.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVELS:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def phish_hosts():
    return {h for h in (host(r["url"]) for r in rows(PHISH)) if h and not is_ip(h)}


def legit_hosts():
    return {h for h in (host(r["url_or_domain"]) for r in rows(LEGIT)) if h and not is_ip(h)}


def icann_suffixes():
    """The ICANN section of the repository's public suffix list, as a set of rules
    (`co.jp`, `*.kawasaki.jp`, `!city.kawasaki.jp`)."""
    path = os.path.join(os.path.dirname(__file__), "..", "data", "public_suffix_list.dat")
    rules = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if "===BEGIN PRIVATE DOMAINS===" in line:
                break
            if line and not line.startswith("//"):
                rules.add(line)
    return rules


def public_suffix(h, rules):
    """The longest ICANN public suffix of host `h` under `rules` (the PSL algorithm:
    exceptions, wildcards, and the last label when no rule matches)."""
    labels = h.split(".")
    for i in range(len(labels)):
        rest = ".".join(labels[i:])
        if "!" + rest in rules:
            return ".".join(labels[i + 1:])
        if rest in rules or (i + 1 < len(labels) and "*." + ".".join(labels[i + 1:]) in rules):
            return rest
    return labels[-1]
