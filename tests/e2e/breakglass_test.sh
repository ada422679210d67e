#!/usr/bin/env bash
# clawgate breakglass expired|revert on a scratch repository: the expired
# grants are listed; revert writes one commit on a new branch through
# libgit2 that deletes them (tickets in the subject, entries in the body),
# never touching the working tree, index or HEAD; the branch passes
# clawgate diff (no revision moves: the output did not change); nothing
# expired means no branch. Usage: breakglass_test.sh BIN_DIR
set -uo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=check_lib.sh
source "$root/tests/e2e/check_lib.sh"
mkdir -p "$work/repo" && cd "$work/repo" || exit 1
git init -q -b main . && git config user.email sre@example.com && git config user.name "SRE bot"
cp -r "$root/policies" policies && cp "$root/CODEOWNERS" CODEOWNERS
git add -A && git commit -q -m "policies"
bg() { "$bin/clawgate" breakglass --repo "$work/repo" "$@" > "$work/out" 2>&1; }

# At 2026-11-22T12:00:00Z only INC-4790 has expired; INC-4821 runs until the 23rd.
bg expired --at 2026-11-22T12:00:00Z
check expired 0 $?
contains expired-lists-4790 "INC-4790  staging  @example/sre  expired 2026-11-11T14:00:00Z  policies/break-glass/INC-4790.yaml"
grep -q "INC-4821" "$work/out" && { failures=$((failures + 1)); echo "FAIL INC-4821 listed before it expired"; }

echo "local edit" >> policies/layers/build.yaml
before=$(git status --porcelain=v1 && git rev-parse HEAD && git symbolic-ref HEAD)
bg revert --at 2026-11-24T00:00:00Z --branch revert-test
check revert 0 $?
contains revert-names-branch "on branch revert-test"
after=$(git status --porcelain=v1 && git rev-parse HEAD && git symbolic-ref HEAD)
[[ "$before" == "$after" ]]
check worktree-index-head-untouched 0 $?
git checkout -q -- policies/layers/build.yaml
git log -1 --format=%s revert-test > "$work/out"
contains subject-names-tickets "Revert expired break-glass INC-4790, INC-4821"
git log -1 --format=%b revert-test > "$work/out"
contains body-names-entries "  - /usr/bin/scp ** recovery@bastion.example.internal:/srv/** (copy the hotfix build)"
git diff --name-status main revert-test > "$work/out"
contains deletes-4790 "D	policies/break-glass/INC-4790.yaml"
contains deletes-4821 "D	policies/break-glass/INC-4821.yaml"
[[ $(wc -l < "$work/out") -eq 2 ]]
check only-the-grants-change 0 $?

"$bin/clawgate" diff --repo "$work/repo" main revert-test --at 2026-11-24T00:00:00Z > "$work/out" 2>&1
check diff-passes 0 $?
contains diff-neutral "prod: 1 neutral · staging: 1 neutral"

bg revert --ref revert-test --at 2026-11-24T00:00:00Z
check nothing-expired 0 $?
contains nothing-expired-text "nothing expired: no branch written"
bg revert --at 2026-11-24T00:00:00Z --branch revert-test
check existing-branch-refused 3 $?

echo "breakglass_end_to_end: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
