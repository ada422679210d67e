#!/usr/bin/env python3
"""clawgate's JavaScript regex engine against V8 (the reference Node.js).

Generates patterns from a grammar of the constructs argPatterns and clawdbot
globs use (classes, escapes, groups, lookahead, backreferences, every
quantifier, Annex B literals) and subjects over a small alphabet, then asks
Node (`new RegExp(p, f).test(s)`, a throw meaning a syntax error) and
clawgate's regex_cases the same questions. Every answer clawgate gives must be
V8's: a syntax error where V8 throws, match and no match as V8 says. clawgate
may answer "unknown" (an unsupported construct, or the budget), never a wrong
answer. Usage: js_regex.py NODE REGEX_CASES
"""
import json
import random
import subprocess
import sys

node, tool = sys.argv[1], sys.argv[2]
rng = random.Random(20261122)

ATOMS = ["a", "b", "A", ".", "-", "/", " ", "é", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\.", "\\/",
         "[ab]", "[^a]", "[a-c]", "[^/]", "[\\d-]", "[\\w.]", "[A-Z]", "[é]", "\\x61", "\\u0062", "\\t",
         "]", "}", "{", "a{", "\\0", "\\cJ", "\\k", "\\e", "\\xZ"]
QUANTS = ["", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,2}", "{0,}", "{1,2}?", "{,2}"]


def pattern(depth=0):
    parts = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if depth < 3 and r < 0.15:
            opener = rng.choice(["(", "(?:", "(?=", "(?!", "(?<n" + str(depth) + str(len(parts)) + ">"])
            inner = pattern(depth + 1)
            if rng.random() < 0.3:
                inner += "|" + pattern(depth + 1)
            atom = opener + inner + ")"
            quant = rng.choice(QUANTS) if opener in ("(", "(?:") or opener.startswith("(?<") else ""
            parts.append(atom + quant)
        elif r < 0.2:
            parts.append(rng.choice(["^", "$", "\\b", "\\B", "\\1", "\\2"]))
        else:
            parts.append(rng.choice(ATOMS) + rng.choice(QUANTS))
    if rng.random() < 0.02:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(["(", ")", "*", "[b-a]"]))
    return "".join(parts)


def subject():
    return "".join(rng.choice("aabbA -/.1é_\nc") for _ in range(rng.randint(0, 8)))


cases = []
for _ in range(4000):
    p = pattern()
    flags = "i" if rng.random() < 0.25 else ""
    for _ in range(5):
        cases.append({"pattern": p, "flags": flags, "subject": subject()})
# Long subjects and the compiler's own argPattern shapes.
nul = "\0"
for n in (1000, 30000):
    cases.append({"pattern": "^(?!" + nul * 2 + "$)(?:[^" + nul + "]*" + nul + ")*$", "flags": "",
                  "subject": ("a" * n + nul)})
    cases.append({"pattern": "^(a|b)*$", "flags": "", "subject": "ab" * n})

text = "".join(json.dumps(c) + "\n" for c in cases)
script = """
const lines = require('fs').readFileSync(0, 'utf8').split('\\n').filter(Boolean);
const out = [];
for (const line of lines) {
  const c = JSON.parse(line);
  let r;
  try { r = new RegExp(c.pattern, c.flags).test(c.subject) ? 'match' : 'no match'; }
  catch (e) { r = 'syntax'; }
  out.push(r);
}
process.stdout.write(out.join('\\n') + '\\n');
"""
v8 = subprocess.run([node, "-e", script], input=text, capture_output=True, text=True, check=True).stdout.split("\n")
ours = subprocess.run([tool], input=text, capture_output=True, text=True, check=True).stdout.split("\n")

agree = unknown = 0
wrong = []
for c, theirs, mine in zip(cases, v8, ours):
    m = json.loads(mine)
    if m["status"] == "unsupported" or m["result"] == "unknown":
        unknown += 1
        continue
    answer = "syntax" if m["status"] == "syntax" else m["result"]
    if answer == theirs:
        agree += 1
    else:
        wrong.append((c, theirs, answer))
print(f"js_regex: {len(cases)} cases, {agree} agree with V8, {unknown} unknown, {len(wrong)} wrong")
for c, theirs, answer in wrong[:25]:
    print(f"  /{c['pattern']}/{c['flags']} on {c['subject']!r}: V8 {theirs}, clawgate {answer}")
sys.exit(1 if wrong else 0)
