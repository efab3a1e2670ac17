#!/usr/bin/env python3
"""Scores `sagiguard forms` output against html_dev/index.tsv (stdlib only).

Page level: a page with the `password-input` feature must get a password
field; one with `card-fields` a card field; a `legit-nonlogin-form` page
without a password input must not be read as asking for credentials.
Field level (proxy truth from the markup itself): every `type=password` input
should be classified as a secret, and the text box just before the first
password of a form as username/email.
Verdict (the page check as the extension runs it, `verdict` in the output):
phishing pages should come out `caution` or `danger` although the address
alone shows nothing; legitimate pages at their own address should not.
"""
import json
import os
import sys
from collections import Counter

SECRET = {"password", "pin", "otp", "card-cvc"}
CARD = {"card-number", "card-expiry", "card-cvc", "card-holder"}


def main(index_path, out_dir):
    rows = []
    with open(index_path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    kinds = Counter()
    page_checks = Counter()  # (check, ok) -> n
    misses = []
    pw_fields = [0, 0]
    user_fields = [0, 0]
    failed = 0
    for r in rows:
        name = r["path"].replace("/", "_")
        try:
            with open(os.path.join(out_dir, name + ".json"), encoding="utf-8") as f:
                d = json.load(f)
        except (OSError, ValueError):
            failed += 1
            continue
        feats = set(filter(None, r.get("features", "").split(",")))
        found = {f["kind"] for f in d["fields"]}
        for f in d["fields"]:
            kinds[f["kind"]] += 1
        # field-level proxies
        for f in d["fields"]:
            if f.get("type") == "password":
                pw_fields[1] += 1
                pw_fields[0] += f["kind"] in SECRET
        by_form = {}
        for f in d["fields"]:
            by_form.setdefault(f["form"], []).append(f)
        for fields in by_form.values():
            idx = next((i for i, f in enumerate(fields) if f.get("type") == "password"), None)
            if idx is None:
                continue
            prev = [f for f in fields[:idx] if f.get("tag") == "input" and f.get("type") in ("text", "email", "tel")]
            if prev:
                user_fields[1] += 1
                user_fields[0] += prev[-1]["kind"] in ("username", "email")
        label = r["label"]
        if "password-input" in feats:
            ok = "password" in found
            page_checks[("password page -> password field", ok)] += 1
            if not ok:
                misses.append(("no password found", r["path"]))
        if "card-fields" in feats:
            ok = bool(found & CARD)
            page_checks[("card page -> card field", ok)] += 1
            if not ok:
                misses.append(("no card field found", r["path"]))
        if label == "legit-nonlogin-form" and "password-input" not in feats:
            ok = "password" not in found
            page_checks[("legit non-login, no password input -> no credentials asked", ok)] += 1
            if not ok:
                misses.append(("credentials asked on non-login page", r["path"]))
        if label != "phish" and "card-fields" not in feats:
            ok = not (found & CARD)
            page_checks[("page without card fields -> no card field", ok)] += 1
            if not ok:
                misses.append(("card field on page without card fields", r["path"]))
        level = d.get("verdict", {}).get("level", "invalid")
        flagged = level in ("caution", "danger")
        if label == "phish":
            page_checks[("phish page at an unknown address -> caution or danger", flagged)] += 1
            page_checks[("phish page at an unknown address -> danger", level == "danger")] += 1
            if not flagged:
                misses.append(("phish page not flagged", r["path"]))
        else:
            page_checks[(f"{label} at its own address -> no warning", not flagged)] += 1
            if flagged:
                codes = ",".join(x["code"] for x in d["verdict"].get("reasons", []))
                misses.append((f"{label} flagged {level} ({codes})", r["path"]))
        sens = d.get("sensitive", False)
        page_checks[(f"{label}: sensitive form found", sens)] += 1

    print(f"pages: {len(rows)} (unreadable output: {failed})")
    checks = sorted({c for c, _ in page_checks})
    for c in checks:
        good, bad = page_checks[(c, True)], page_checks[(c, False)]
        total = good + bad
        print(f"  {c}: {good}/{total} = {100.0 * good / total:.1f}%")
    if pw_fields[1]:
        print(f"fields: type=password classified as a secret: {pw_fields[0]}/{pw_fields[1]} = {100.0 * pw_fields[0] / pw_fields[1]:.1f}%")
    if user_fields[1]:
        print(f"fields: text box before a password classified username/email: {user_fields[0]}/{user_fields[1]} = {100.0 * user_fields[0] / user_fields[1]:.1f}%")
    print("field kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    for why, path in misses:
        print(f"  miss: {why}: {path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: eval-forms.py INDEX.tsv OUTPUT_DIR")
    main(sys.argv[1], sys.argv[2])
