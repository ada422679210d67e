#!/usr/bin/env bash
# clawgate drift on a scratch repository and simulated hosts (the legacy
# target, whose store is a file, so no OpenClaw is needed): fleets at lag 0,
# 1 and 2, an unknown digest (a tampered store), hosts of one region that
# disagree at one revision, a revision minus its expired grant (known), a
# stale region, JSON lines and Prometheus text, malformed lines skipped.
# Usage: drift_test.sh BIN_DIR
set -uo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=check_lib.sh
source "$root/tests/e2e/check_lib.sh"
# shellcheck source=fleet_lib.sh
source "$root/tests/e2e/fleet_lib.sh"
drift() { "$bin/clawgate" drift --repo "$repo" --at "$now" "$@" > "$work/out" 2>&1; }

# hk-1 and hk-2 applied revision 5 while its grant was active; no revert has run.
host_apply hk-1 "$work/out-5/prod" 2026-11-22T09:00:00Z
host_apply hk-2 "$work/out-5/prod" 2026-11-22T09:00:00Z
host_apply jp-1 "$work/out-4/prod"
{ host_status hk-1 hk json; host_status hk-2 hk json; host_status jp-1 jp json; } > "$work/fleet.jsonl"

drift --status "$work/fleet.jsonl"
check lag-0-and-1 0 $?
contains lag-table-hk "prod       hk      5         0    2      ok"
contains lag-table-jp "prod       jp      4         1    1      ok"

# Prometheus text of the same hosts (what node exporters serve).
{ host_status hk-1 hk prometheus; host_status hk-2 hk prometheus; host_status jp-1 jp prometheus; } > "$work/fleet.prom"
drift --status "$work/fleet.prom" --format json
check prometheus-text 0 $?
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [r["verdict"] for r in d["regions"]] == ["ok", "ok"], d' "$work/out"
check prometheus-text-verdicts 0 $?

# Lag 2: jp on revision 3.
host_apply jp-2 "$work/out-3/prod"
host_status jp-2 jp json > "$work/jp-2.jsonl"
drift --status "$work/fleet.jsonl" "$work/jp-2.jsonl"
check lag-2 1 $?
contains lag-2-reason "revision 3 is 2 behind 5 (at most 1 allowed)"

# A revision minus its expired grant is known; beside a host that still has
# the grant, the region disagrees at revision 5.
host_apply hk-3 "$work/out-5-reverted/prod"
host_status hk-3 hk json > "$work/hk-3.jsonl"
drift --status "$work/hk-3.jsonl" "$work/fleet.jsonl"
check disagree 1 $?
contains disagree-reason "2 different digests among the hosts at revision 5"
host_status jp-1 jp json > "$work/jp-1.jsonl"
drift --status "$work/hk-3.jsonl" "$work/jp-1.jsonl" --format json
check reverted-is-known 0 $?

# A tampered store: a digest no revision produced.
store=$(find "$work/hosts/hk-2/home" -name exec-approvals.json | head -1)
python3 - "$store" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["agents"]["main"]["allowlist"].append({"pattern": "/bin/sh"})
json.dump(d, open(sys.argv[1], "w"))
PY
{ host_status hk-1 hk json; host_status hk-2 hk json; host_status jp-1 jp json; } > "$work/tampered.jsonl"
drift --status "$work/tampered.jsonl"
check unknown-digest 1 $?
contains unknown-digest-reason "host hk-2 runs digest"

# Stale: the same reports judged two days later; a region nobody reports for.
"$bin/clawgate" drift --repo "$repo" --at 2026-11-24T12:00:00Z --status "$work/fleet.jsonl" > "$work/out" 2>&1
check stale 1 $?
contains stale-verdict "stale"
host_status hk-1 hk json > "$work/hk-1.jsonl"
drift --status "$work/hk-1.jsonl"
check missing-region 1 $?
contains missing-region-verdict "no report"

# Malformed lines are reported with their line number; the rest still counts.
{ cat "$work/fleet.jsonl"; echo '{"env": "prod", broken'; } > "$work/partly.jsonl"
drift --status "$work/partly.jsonl"
check malformed-line 0 $?
contains malformed-line-named "partly.jsonl:4: warning: not a JSON object (line skipped)"

# A longer history, compiled on more than one thread: 40 more revisions, each
# its own policy tree; a host still on revision 10 (deep in the older half)
# and one on the tip are both known, with the right revisions.
cp policies/layers/build.yaml "$work/build-5.yaml"
for r in $(seq 6 45); do
  { cat "$work/build-5.yaml"; printf '  - rule: /usr/bin/tool%s\n    why: tool of revision %s\n' "$r" "$r"; } \
    > policies/layers/build.yaml
  sed -i "s/^revision: .*/revision: $r/" policies/environments/prod.yaml
  git add -A && git commit -q -m "revision $r"
done
for r in 10 45; do
  rev=$(git log --format=%H --grep="^revision $r\$")
  mkdir -p "$work/src-$r" && git archive "$rev" policies | tar -x -C "$work/src-$r"
  "$bin/clawgate" compile "$work/src-$r/policies" --out "$work/out-$r" --at "$now" > /dev/null 2>&1 \
    || { echo "compile of revision $r failed"; exit 1; }
done
host_apply jp-10 "$work/out-10/prod"
host_apply hk-45 "$work/out-45/prod"
{ host_status jp-10 jp json; host_status hk-45 hk json; } > "$work/long.jsonl"
drift --status "$work/long.jsonl"
check long-history 1 $?
contains long-history-trees "43 commits, 43 policy trees"
drift --status "$work/long.jsonl" --format json
python3 - "$work/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
got = {r["region"]: (r["revision"], r["lag"], r["verdict"]) for r in d["regions"]}
assert got == {"hk": (45, 0, "ok"), "jp": (10, 35, "behind")}, got
PY
check long-history-revisions 0 $?

# Usage errors.
"$bin/clawgate" drift --repo "$repo" > "$work/out" 2>&1
check no-input 2 $?
"$bin/clawgate" drift --repo "$repo" --status "$work/fleet.jsonl" --max-age forever > "$work/out" 2>&1
check bad-max-age 2 $?

echo "drift_end_to_end: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
