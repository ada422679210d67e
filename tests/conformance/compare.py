#!/usr/bin/env python3
"""Compares clawgate's decisions with the reference package's.

Usage: compare.py TARGET CASES.jsonl REFERENCE.jsonl CLAWGATE.jsonl

A case agrees when decision and unattended outcome are equal; for
openclaw-2026.9, whose final outcome the exec-tool suite (exectool.py)
compares, when the allowlist layer agrees (analysisOk, allowlistSatisfied).
There are no
accepted differences: a stricter answer is as wrong as a looser one, and an
`unknown` (a construct clawgate does not reproduce, with the reason) is no
answer either: it is listed by reason and fails the run. Exit 0 when every
case agrees and there are at least 2,000 of them.
"""
import collections
import json
import sys

MAX_UNKNOWN_SHARE = 0.0


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    target, cases_path, ref_path, ours_path = sys.argv[1:5]
    cases = load(cases_path)
    ref = {r["id"]: r for r in load(ref_path)}
    ours = {r["id"]: r for r in load(ours_path)}
    agreed = 0
    unknown = collections.Counter()
    failures = []
    for case in cases:
        r, o = ref.get(case["id"]), ours.get(case["id"])
        if r is None or o is None or "error" in r or "error" in o:
            failures.append(f"case {case['id']} {case['command']!r}: missing or failed result "
                            f"(reference={r}, clawgate={o})")
            continue
        keys = ("analysisOk", "allowlistSatisfied") if target == "openclaw-2026.9" else ("decision", "outcome")
        if all(r.get(k) == o.get(k) for k in keys):
            agreed += 1
            continue
        if "unknown" in [o.get(k) for k in keys]:
            unknown[o.get("reason", "")] += 1
            continue
        failures.append(f"{case['command']!r} allowlist={case['allowlist']} "
                        f"reference={'/'.join(str(r.get(k)) for k in keys)} "
                        f"clawgate={'/'.join(str(o.get(k)) for k in keys)} ({o.get('reason', '')})")
    for failure in failures[:200]:
        print("FAIL", failure)
    for reason, count in unknown.most_common():
        print(f"  unknown x{count}: {reason}")
    total = len(cases)
    unknowns = sum(unknown.values())
    print(f"{target}: {total} cases, {agreed} agree, {unknowns} unknown, {len(failures)} differ")
    too_many_unknown = unknowns > MAX_UNKNOWN_SHARE * total
    if too_many_unknown:
        print("FAIL unknown answers")
    ok = not failures and not too_many_unknown and total >= 2000
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
