#!/usr/bin/env python3
"""Compares clawgate's decisions with the reference package's.

Usage: compare.py TARGET CASES.jsonl REFERENCE.jsonl CLAWGATE.jsonl KNOWN.json

A case agrees when decision and unattended outcome are equal. A difference
passes only when KNOWN.json lists it (target + command + allowlist name, with a
reason) and it is in the safe direction: clawgate is never more permissive
(allow > prompt > deny) than the reference. Exit 0 when every case passes and
there are at least 2,000 of them.
"""
import json
import sys

RANK = {"deny": 0, "prompt": 1, "allow": 2}


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    target, cases_path, ref_path, ours_path, known_path = sys.argv[1:6]
    cases = load(cases_path)
    ref = {r["id"]: r for r in load(ref_path)}
    ours = {r["id"]: r for r in load(ours_path)}
    with open(known_path) as f:
        known = json.load(f)
    listed = {(k["target"], k["command"], k["allowlist"]): k for k in known["differences"]}
    used = set()
    agreed = accepted = 0
    failures = []
    for case in cases:
        r, o = ref.get(case["id"]), ours.get(case["id"])
        if r is None or o is None or "error" in r or "error" in o:
            failures.append(f"case {case['id']} {case['command']!r}: missing or failed result "
                            f"(reference={r}, clawgate={o})")
            continue
        if (r["decision"], r["outcome"]) == (o["decision"], o["outcome"]):
            agreed += 1
            continue
        key = (target, case["command"], case["allowlist"])
        safe = RANK[o["decision"]] <= RANK[r["decision"]] and RANK[o["outcome"]] <= RANK[r["outcome"]]
        line = (f"{case['command']!r} allowlist={case['allowlist']} "
                f"reference={r['decision']}/{r['outcome']} clawgate={o['decision']}/{o['outcome']} "
                f"({o.get('reason', '')})")
        if key in listed and safe:
            accepted += 1
            used.add(key)
            continue
        failures.append(("UNSAFE " if not safe else "") + line)
    stale = [k for k in listed if k[0] == target and k not in used]
    for failure in failures[:200]:
        print("FAIL", failure)
    for key in stale:
        print("STALE known difference (no longer differs):", key)
    total = len(cases)
    print(f"{target}: {total} cases, {agreed} agree, {accepted} reviewed safe-direction differences, "
          f"{len(failures)} failures")
    ok = not failures and not stale and total >= 2000
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
