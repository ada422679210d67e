#!/usr/bin/env bash
# Break-glass on a host (the legacy target, whose store is a file): an
# expired grant never matches in check, from the second it expires, whether
# or not revert has run; in any TZ; a clock set back revives nothing; revert
# takes the entries out of the live document, writes its record, and is
# idempotent; a failed install leaves everything as it was; verify and status
# then know the reverted digest as legitimate.
# Usage: revert_test.sh BIN_DIR
set -uo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=check_lib.sh
source "$root/tests/e2e/check_lib.sh"
# shellcheck source=fleet_lib.sh
source "$root/tests/e2e/fleet_lib.sh"
# INC-5 (revision 5) runs from 2026-11-21T12:00:00Z to 2026-11-22T10:00:00Z.
host_apply mini "$work/out-5/prod" 2026-11-22T09:00:00Z
h() { HOME="$work/hosts/mini/home" "$bin/clawgate-host" --state-dir "$work/hosts/mini/state" "$@" > "$work/out" 2>&1; }

h check --env prod --agent main --at 2026-11-22T09:59:59Z -- /usr/bin/scp a b:c
check grant-active-one-second-before 0 $?
h check --env prod --agent main --at 2026-11-22T10:00:00Z -- /usr/bin/scp a b:c
check grant-expired-at-its-second 1 $?
TZ=Pacific/Chatham h check --env prod --agent main --at 2026-11-22T09:59:59Z -- /usr/bin/scp a b:c
check tz-changes-nothing-before 0 $?
TZ=Etc/GMT+12 h check --env prod --agent main --at 2026-11-22T10:00:01Z -- /usr/bin/scp a b:c
check tz-changes-nothing-after 1 $?
h check --env prod --agent main --at 2026-11-22T10:00:01+00:00 -- /usr/bin/scp a b:c
check non-z-offset-refused 2 $?

# Before the revert has run: verify sees the expired entries as drift.
h verify --at 2026-11-22T11:00:00Z
check verify-before-revert-drifts 1 $?
contains verify-names-the-grant "INC-5"

# A failing install in the middle of a revert: the store has been replaced by a
# symlink, which the host never writes through. The revert exits 3 and leaves
# the live document, the applied record and the revert records as they were.
store="$work/hosts/mini/home/.openclaw-prod/exec-approvals.json"
state="$work/hosts/mini/state"
cp "$store" "$work/live-before.json"
cp "$state/envs/prod/applied.json" "$work/applied-before.json"
mv "$store" "$work/live-target.json" && ln -s "$work/live-target.json" "$store"
h revert --at 2026-11-22T11:00:00Z
check revert-fails-when-the-install-fails 3 $?
contains revert-failure-is-reported "prod: revert failed"
cmp -s "$work/live-target.json" "$work/live-before.json"
check failed-revert-leaves-the-live-document 0 $?
[[ -L $store ]]
check failed-revert-leaves-the-store-alone 0 $?
cmp -s "$state/envs/prod/applied.json" "$work/applied-before.json"
check failed-revert-leaves-the-applied-record 0 $?
[[ ! -e $state/envs/prod/reverts ]]
check failed-revert-writes-no-record 0 $?
grep -q '"event":"revert.failed"' "$state/events.jsonl"
check failed-revert-is-logged 0 $?
rm "$store" && mv "$work/live-target.json" "$store"

h revert --at 2026-11-22T11:00:00Z --format json
check revert 0 $?
python3 - "$work/out" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r["action"] == "reverted" and r["expired_grants"] == ["INC-5"], r
rec = r["record"]
assert rec["tickets"] == ["INC-5"] and rec["expired_at"] == "2026-11-22T10:00:00Z", rec
assert rec["reverted_at"] == "2026-11-22T11:00:00Z" and rec["digest_before"] != rec["digest_after"], rec
assert {"agent": "main", "pattern": "/usr/bin/scp"} in rec["entries"], rec
PY
check revert-record 0 $?
ls "$work/hosts/mini/state/envs/prod/reverts/"*.json > /dev/null 2>&1
check revert-record-file 0 $?
grep -q '"event":"breakglass.reverted"' "$work/hosts/mini/state/events.jsonl"
check revert-event 0 $?

h revert --at 2026-11-22T11:05:00Z
check revert-again 0 $?
contains revert-is-idempotent "prod: already reverted (INC-5)"
[[ $(find "$work/hosts/mini/state/envs/prod/reverts/" -name "*.json" | wc -l) -eq 1 ]]
check one-record-only 0 $?

h verify --at 2026-11-22T11:10:00Z
check verify-after-revert 0 $?
h status --at 2026-11-22T11:10:00Z --format json
contains status-no-drift '"drift":false'

# The clock set back to when the grant was active revives nothing.
h check --env prod --agent main --at 2026-11-22T09:30:00Z -- /usr/bin/scp a b:c
check clock-back-check 1 $?
h verify --at 2026-11-22T09:30:00Z
check clock-back-verify 0 $?
contains clock-back-reported "before the last recorded event"

# The apply job's inbox: a newer revision is applied, the same one again is
# left alone, an older one or a damaged one is refused and the policy stays.
inbox="$work/hosts/mini/inbox"
mkdir -p "$inbox"
deliver() { rm -rf "$inbox/prod" && cp -r "$1" "$inbox/prod"; }
h status --at 2026-11-22T11:20:00Z --format json
before=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["revision"])' "$work/out")
deliver "$work/out-3/prod"
h apply --inbox "$inbox" --at 2026-11-22T11:20:00Z
check inbox-refuses-older 1 $?
contains inbox-says-why "revision 3 is older than the applied revision 5"
deliver "$work/out-5/prod"
h apply --inbox "$inbox" --at 2026-11-22T11:21:00Z
check inbox-same-revision 0 $?
contains inbox-already-applied "revision 5 is already applied"
printf '  - rule: /usr/bin/tool6\n    why: tool of revision 6\n' >> "$work/src-5/policies/layers/build.yaml"
sed -i 's/^revision: .*/revision: 6/' "$work/src-5/policies/environments/prod.yaml"
"$bin/clawgate" compile "$work/src-5/policies" --out "$work/out-6" --at 2026-11-22T11:00:00Z > /dev/null 2>&1
cp -r "$work/out-6/prod" "$work/damaged" && echo tamper >> "$work/damaged/exec-approvals.json"
deliver "$work/damaged"
h apply --inbox "$inbox" --at 2026-11-22T11:22:00Z
check inbox-refuses-damaged 3 $?
h status --at 2026-11-22T11:22:00Z --format json
contains inbox-policy-stays "\"revision\":$before"
deliver "$work/out-6/prod"
h apply --inbox "$inbox/prod" --at 2026-11-22T11:23:00Z
check inbox-applies-newer 0 $?
h status --at 2026-11-22T11:23:00Z --format json
contains inbox-now-at-6 '"revision":6'
deliver "$work/out-3/prod"
h apply --inbox "$inbox" --force --at 2026-11-22T11:24:00Z
check inbox-force-rolls-back 0 $?

echo "revert_end_to_end: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
