#!/usr/bin/env python3
"""Live-document conformance: documents whose settings are invalid,
mis-cased, padded, empty or of the wrong type, some with the legacy agent id
`default` (merged into `main`), resolved per agent by the real packages
(resolve.mjs) and by clawgate (resolve_cases). Every setting and the
effective allowlist (pattern, argPattern) must agree. Usage: resolve.py NODE OPENCLAW_DIR CLAWDBOT_DIR RESOLVE_CASES"""
import json
import random
import subprocess
import sys
import tempfile

node, openclaw_dir, clawdbot_dir, tool = sys.argv[1:5]
rng = random.Random(8)
SECURITY = ["deny", "allowlist", "full", "Allowlist", "FULL", " deny ", "allowlist\n", "bogus", "", 5, True, None,
            ["deny"], {}]
ASK = ["off", "on-miss", "always", "On-Miss", " always", "never", "", 0, False, None]
SKILLS = [True, False, "yes", "", 0, 1, None, []]
PATTERNS = ["/bin/ls", "/BIN/LS", " /bin/ls ", "/usr/bin/git", "/usr/bin/Git", "/opt/homebrew/bin/*", "/bin/echo"]
ARGS = [None, "^status$", " ^status$ ", "^log", "^STATUS$"]


def entry():
    if rng.random() < 0.1:
        return rng.choice(PATTERNS)  # a plain-string entry
    if rng.random() < 0.05:
        return rng.choice(["", "  ", 5, [], {"pattern": ""}, {"pattern": " "}, {"argPattern": "^x$"}, {"pattern": None}])
    out = {"pattern": rng.choice(PATTERNS)}
    arg = rng.choice(ARGS)
    if arg is not None:
        out["argPattern"] = arg
    return out


def settings(allowlist=False):
    out = {}
    for key, pool in (("security", SECURITY), ("ask", ASK), ("askFallback", SECURITY), ("autoAllowSkills", SKILLS)):
        if rng.random() < 0.6:
            out[key] = rng.choice(pool)
    if allowlist and rng.random() < 0.7:
        out["allowlist"] = [entry() for _ in range(rng.randrange(0, 5))]
    if allowlist and rng.random() < 0.1:
        out["extra"] = "kept by openclaw, dropped by clawdbot"
    return out


cases = []
for _ in range(1500):
    document = {"version": 1, "defaults": settings(), "agents": {}}
    for agent in ("main", "*", "default"):
        if rng.random() < (0.3 if agent == "default" else 0.7):
            document["agents"][agent] = settings(allowlist=True)
    for agent in ("main", "*"):
        if agent in document["agents"] and rng.random() < 0.05:
            document["agents"][agent] = rng.choice([False, 0, "x", []])
    if "default" in document["agents"] and rng.random() < 0.1:
        document["agents"]["default"] = rng.choice([{}, False, 0, "x", []])
    for target in ("openclaw-2026.9", "clawdbot-2026.1"):
        for agent in ("main", "other"):
            cases.append({"id": len(cases), "target": target, "document": document, "agent": agent})

with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    f.write("".join(json.dumps(c) + "\n" for c in cases))
    path = f.name
theirs = subprocess.run([node, sys.argv[0].replace("resolve.py", "resolve.mjs"), openclaw_dir, clawdbot_dir, path],
                        capture_output=True, text=True, check=True).stdout.splitlines()
ours = subprocess.run([tool], stdin=open(path), capture_output=True, text=True, check=True).stdout.splitlines()
wrong = []
for c, t, o in zip(cases, theirs, ours):
    t, o = json.loads(t), json.loads(o)
    if t != o:
        wrong.append((c, t, o))
print(f"resolve: {len(cases)} cases, {len(cases) - len(wrong)} agree, {len(wrong)} differ")
for c, t, o in wrong[:10]:
    print(f"  {c['target']} agent {c['agent']} {json.dumps(c['document'])}\n    reference {t}\n    clawgate  {o}")
sys.exit(1 if wrong or len(theirs) != len(cases) else 0)
