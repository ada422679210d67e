#!/usr/bin/env python3
"""Writes the seed corpora under tests/fuzz/corpus/ from the repository's own
inputs: the example policies and the compile goldens (as "### path" archives),
their rules, their artifacts, and the conformance commands. Re-run after the
goldens change; crashes found by ci/fuzz.sh are added beside these by hand."""
import hashlib
import json
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parents[2]
out = root / "tests/fuzz/corpus"


def write(kind, data):
    d = out / kind
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha256(data).hexdigest()[:16]).write_bytes(data)


def archive(folder):
    parts = []
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        parts.append(b"### " + str(f.relative_to(folder)).encode() + b"\n" + f.read_bytes())
    return b"".join(parts)


trees = [root / "policies"] + sorted(p for p in (root / "tests/golden/compile").glob("*/src") if p.is_dir())
for tree in trees:
    write("compile", archive(tree))
    for f in tree.rglob("*.yaml"):
        for m in re.finditer(r"rule:\s*(.+)", f.read_text(errors="replace")):
            write("rule", m.group(1).strip().strip("'\"").encode())
for profile in sorted((root / "tests/golden/compile").glob("*/src/hosts/*.yaml")):
    write("host_profile", profile.read_bytes())
write("host_profile", b"host_profile: fuzz\nplatform: darwin\nhome: /Users/agent\npath: [/bin, /usr/bin]\n"
                      b"executables:\n  - /bin -> usr/bin\n  - /usr/bin/git -> /bin/git\n  - /usr/bin/ls\n")
for expected in sorted((root / "tests/golden/compile").glob("*/expected/*")):
    if (expected / "SHA256SUMS").exists():
        write("artifact", archive(expected))
gen = subprocess.run([sys.executable, str(root / "tests/conformance/gen_cases.py"), "/tmp/clawgate-conformance/sandbox",
                      "openclaw-2026.9", "--no-sandbox"], capture_output=True, text=True, check=True).stdout
for command in sorted({json.loads(line)["command"] for line in gen.splitlines()}):
    write("shell", command.encode())
for pattern, subject in [("^(?!\0\0$)(?:[^\0]*\0)*$", "status\0"), ("^a+$", "aaa"), ("i ^/usr/bin/[^/]*$", "/USR/bin/ls"),
                         ("^(a|ab)(c|bcd)(d*)$", "abcd"), ("(?<n>x)\\k<n>(?=y)(?!z)", "xxy"), ("[\\d-z]{1,3}?\\b", "1-z")]:
    write("js_regex", (pattern + "\n" + subject).encode())
