#!/usr/bin/env bash
# `clawgate lint --format sarif` checked by a real validator: Microsoft's SARIF
# multitool (npm, installed by ci/sarif-setup.sh into ~/.cache). A policy
# with findings of several rules, a non-ASCII line (columns in UTF-16 units)
# and a whole-file diagnostic must validate with no error and no warning but
# the one about a missing home page (clawgate has no public one to name).
# Usage: sarif_test.sh BIN_DIR
set -uo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
tool=$(bash "$root/ci/sarif-setup.sh") || { echo "sarif_test: cannot install the SARIF multitool"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
cp -r "$root/policies" policies
cat >> policies/layers/build.yaml <<'YAML'
  - rule: /bin/sh -c *
    why: "run the build — any script"
  - rule: /tmp/tools/lint
    why: TODO
YAML
"$bin/clawgate" lint policies --format sarif --at 2026-11-22T12:00:00Z > lint.sarif
rc=$?
[[ $rc -eq 1 ]] || { echo "sarif_test: lint exit $rc, expected 1"; exit 1; }
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
"$tool" validate lint.sarif --output validation.sarif --log ForceOverwrite > validation.log 2>&1
rc=$?
[[ $rc -eq 0 ]] || { cat validation.log; echo "sarif_test: the validator failed (exit $rc)"; exit 1; }
python3 - <<'PY'
import json, sys
log = json.load(open("lint.sarif"))
results = log["runs"][0]["results"]
rules = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
codes = {r["ruleId"] for r in results}
assert {"CG310", "CG312", "CG301", "CG303"} <= codes, codes
assert codes <= rules, codes - rules
validation = json.load(open("validation.sarif"))
problems = [
    (r["ruleId"], r.get("level", "warning"), r["message"].get("id", ""))
    for run in validation["runs"] for r in run.get("results", [])
]
unexpected = [p for p in problems if p != ("SARIF2005", "warning", "Warning_ProvideToolnformationUri")]
if unexpected:
    print("sarif_test: the validator reported", unexpected)
    sys.exit(1)
print(f"sarif_test: {len(results)} results, rules {sorted(codes)}, validator: {len(problems)} expected warning(s)")
PY
