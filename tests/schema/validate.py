#!/usr/bin/env python3
"""Validates policy sources and compiled outputs against schemas/ with a real
JSON Schema 2020-12 validator (Debian's python3-jsonschema).

Checked: the example policies/ and the sources of every golden case whose
compile succeeds; every golden expected output; a fresh compile of policies/;
event lines in every form the reader takes.
Known-bad documents must be rejected, so the check cannot pass vacuously.
Usage: validate.py CLAWGATE_BINARY
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
KINDS = {
    "clawgate.yaml": "clawgate.schema.json",
    "layers": "layer.schema.json",
    "environments": "environment.schema.json",
    "break-glass": "break-glass.schema.json",
    "hosts": "host-profile.schema.json",
    "tests": "policy-tests.schema.json",
}


class StringTimestampLoader(yaml.SafeLoader):
    """SafeLoader that reads scalars as clawgate does."""


# clawgate reads YAML the 1.2 way: only true/false are booleans (`ask: off` is
# the string "off"), and timestamps stay strings.
StringTimestampLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers
          if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StringTimestampLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load_schemas():
    store = {}
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        store[schema["$id"]] = schema
    return store


STORE = load_schemas()


def validator(name):
    schema = json.loads((SCHEMAS / name).read_text())
    resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=STORE)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def errors_of(schema_name, document):
    return [f"{'/'.join(map(str, e.absolute_path)) or '/'}: {e.message}"
            for e in validator(schema_name).iter_errors(document)]


def source_documents(policy_root):
    yield policy_root / "clawgate.yaml", KINDS["clawgate.yaml"]
    for folder in ("layers", "environments", "break-glass", "tests"):
        for path in sorted((policy_root / folder).glob("*.yaml")):
            yield path, KINDS[folder]


def main():
    clawgate = sys.argv[1]
    failures, checked = [], 0

    def check(path, schema_name, document):
        nonlocal checked
        checked += 1
        for error in errors_of(schema_name, document):
            failures.append(f"{path}: {error}")

    golden = ROOT / "tests/golden/compile"
    roots = [ROOT / "policies"] + [case / "src" for case in sorted(golden.iterdir())
                                   if (case / "expected.exit").read_text().strip() == "0"]
    for root in roots:
        for path, schema_name in source_documents(root):
            if path.exists():
                check(path, schema_name, yaml.load(path.read_text(), Loader=StringTimestampLoader))

    outputs = list(golden.glob("*/expected/*/exec-approvals.json")) + list(golden.glob("*/expected/*/manifest.json"))
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([clawgate, "compile", str(ROOT / "policies"), "--out", out, "--format", "json",
                        "--at", "2026-11-22T12:00:00Z"], check=True, stdout=subprocess.DEVNULL)
        outputs += list(pathlib.Path(out).glob("*/exec-approvals.json")) + list(pathlib.Path(out).glob("*/manifest.json"))
        for path in outputs:
            schema_name = "exec-approvals.schema.json" if path.name == "exec-approvals.json" else "manifest.schema.json"
            check(path, schema_name, json.loads(path.read_text()))

    # Event lines in every recorded form (the event_lines fuzz seeds), each a
    # line the reader accepts; mixed-log holds the malformed ones.
    for path in sorted((ROOT / "tests/fuzz/corpus/event_lines").iterdir()):
        if path.name == "mixed-log":
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            check(f"{path}:{number}", "events.schema.json", json.loads(line))

    # The schemas must reject what the compiler rejects.
    must_fail = [
        ("layer.schema.json", {"layer": "build", "owner": "@o", "entries": [{"rule": "/bin/x", "whyy": "typo"}]}),
        ("environment.schema.json", {"environment": "prod", "revision": "7", "unattended": True,
                                     "state_dir": "~/.x", "agents": {}}),
        ("break-glass.schema.json", {"break_glass": "X", "environment": "prod", "agents": ["a"], "owner": "@o",
                                     "reason": "r", "created": "2026-11-21T09:00:00+01:00",
                                     "expires": "2026-11-22T09:00:00Z", "entries": [{"rule": "/bin/x", "why": "w"}]}),
        ("exec-approvals.schema.json", {"version": 1, "defaults": {"security": "Allowlist"}, "agents": {}}),
        ("manifest.schema.json", {"manifest_version": 1}),
        # The event reader's malformed lines.
        ("events.schema.json", {"event": "exec.denied", "payload": {}}),
        ("events.schema.json", {"ts": "2026-11-29T11:00:00Z", "event": "exec.denied", "command": "ls"}),
        ("events.schema.json", {"ts": "2026-11-29 11:00:00", "event": "apply"}),
        ("events.schema.json", {"ts": 1, "event": "exec.approval.resolved", "payload": {"decision": "deny"}}),
        ("events.schema.json", {"ts": 1, "event": "exec.approval.resolved", "payload": {"id": "a", "decision": "maybe"}}),
    ]
    for schema_name, document in must_fail:
        if not errors_of(schema_name, document):
            failures.append(f"{schema_name} accepted a document it must reject: {document}")

    for failure in failures:
        print("FAIL", failure)
    print(f"schemas: {checked + len(must_fail) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures or checked < 10 else 0


if __name__ == "__main__":
    sys.exit(main())
