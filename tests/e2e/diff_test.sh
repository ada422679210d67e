#!/usr/bin/env bash
# clawgate diff on scratch repositories built here: a widening and a narrowing
# change, a reordered alternation and a renamed layer (neutral), a missing
# bump, a bump without a change, a frozen-layer edit, a lint error at HEAD;
# history read through libgit2 while the working tree and index stay as they
# were. Usage: diff_test.sh BIN_DIR
set -uo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=check_lib.sh
source "$root/tests/e2e/check_lib.sh"
at=(--at 2026-11-22T12:00:00Z)
diff() { "$bin/clawgate" diff --repo "$work/repo" "$@" "${at[@]}" > "$work/out" 2>&1; }
commit() { git -C "$work/repo" add -A && git -C "$work/repo" commit -q -m "$1"; }
bump() {  # env
  local f="$work/repo/policies/environments/$1.yaml"
  local r; r=$(sed -n 's/^revision: \([0-9]*\).*/\1/p' "$f")
  sed -i "s/^revision: $r/revision: $((r + 1))/" "$f"
}

mkdir -p "$work/repo" && cd "$work/repo" || exit 1
git init -q -b main . && git config user.email ci@example.com && git config user.name "CI"
cp -r "$root/policies" policies && cp "$root/CODEOWNERS" CODEOWNERS
commit "base"

# A widening change: a new entry for deployer (both environments take deploy).
cat >> policies/layers/deploy.yaml <<'YAML'
  - rule: /usr/bin/ssh deploy@web-hk.example.internal uptime
    why: check the web host is up
YAML
bump prod && bump staging && commit "widen"
diff HEAD~1 HEAD --format markdown
check widening 0 $?
contains widening-summary "**prod: 1 widening · staging: 1 widening**"
contains widening-row "| \`deployer\` | entry added |  | \`/usr/bin/ssh deploy@web-hk.example.internal uptime\` | **widening** | a new entry | \`$(git -C "$work/repo" rev-parse --short=12 HEAD)\` CI |"
# Every policy test passes: one line, no block folding away nothing.
grep -qE '^Policy tests at HEAD: [0-9]+ passed, 0 failed\.$' "$work/out"
check tests-one-line 0 $?

# A narrowing change: the same entry's argument pinned further is a "changed"
# entry; dropping git's log subcommand narrows main.
sed -i 's|/opt/homebrew/bin/git {status,diff,log,show} \*\*|/opt/homebrew/bin/git {status,diff,show} **|' policies/layers/build.yaml
sed -i 's/"git log -5"//; s/\["git status", \]/["git status"]/' policies/layers/build.yaml
bump prod && bump staging && commit "narrow"
diff HEAD~1 HEAD
rc=$?
check narrowing 0 $rc
contains narrowing-provenance "    added in $(git -C "$work/repo" rev-parse --short=12 HEAD) by CI, "
contains narrowing-line "narrowing  main: entry changed  - /opt/homebrew/bin/git {status,diff,log,show} **  + /opt/homebrew/bin/git {status,diff,show} **  (narrower arguments"

# Neutral: a reordered alternation means the same (its artifact's bytes differ,
# so the revisions go up); a renamed layer compiles to the same document, so
# nothing changes at all and the revisions stay.
sed -i 's|{status,diff,show}|{show,status,diff}|' policies/layers/build.yaml
bump prod && bump staging && commit "reorder"
diff HEAD~1 HEAD --format json
check reordered 0 $?
python3 - "$work/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for env in d["environments"]:
    assert env["widening"] == 0 and env["narrowing"] == 0 and env["neutral"] == 1, env
    assert env["changes"][0]["kind"] == "entry rewritten", env
assert d["ok"] and not d["violations"], d
PY
check reordered-is-neutral 0 $?
git mv policies/layers/deploy.yaml policies/layers/release.yaml
sed -i 's/^layer: deploy/layer: release/' policies/layers/release.yaml
sed -i 's/layers: \[bootstrap, deploy\]/layers: [bootstrap, release]/' policies/environments/*.yaml
sed -i 's|/policies/layers/deploy.yaml|/policies/layers/release.yaml|' CODEOWNERS
commit "rename"
diff HEAD~1 HEAD
check renamed-layer 0 $?
contains renamed-layer-no-change "prod: no change · staging: no change"

# A change without a bump.
printf '  - rule: /usr/bin/cal\n    why: calendar for release dates\n' >> policies/layers/build.yaml
commit "no bump"
diff HEAD~1 HEAD
check missing-bump 1 $?
contains missing-bump-code "so its revision must go from 11 to 12, not 11 [CG330]"
bump prod && bump staging && commit "bump"

# A bump without a change.
bump staging && commit "empty bump"
diff HEAD~1 HEAD
check bump-without-change 1 $?
contains bump-without-change-code "revision of staging changed from 17 to 18, but what it compiles to did not [CG331]"
git -C "$work/repo" revert --no-edit HEAD > /dev/null

# A freeze: editing build fails, editing bootstrap does not.
printf 'freeze: {layers: [build, release], reason: INC-4821, until: 2026-11-23T00:00:00Z}\n' >> policies/clawgate.yaml
commit "freeze"
base=$(git rev-parse HEAD)
printf '  - rule: /usr/bin/whoami\n    why: identity check\n' >> policies/layers/build.yaml
bump prod && bump staging && commit "edit during freeze"
diff "$base" HEAD
check frozen-layer 1 $?
contains frozen-layer-code "layer 'build' changed during the freeze for INC-4821 (until 2026-11-23T00:00:00Z) [CG332]"
git -C "$work/repo" reset -q --hard "$base"
printf '  - rule: /usr/bin/whoami\n    why: identity check\n' >> policies/layers/bootstrap.yaml
bump prod && bump staging && commit "bootstrap during freeze"
diff "$base" HEAD
check bootstrap-during-freeze 0 $?

# A lint error at HEAD fails the diff.
printf '  - rule: /bin/sh -c *\n    why: run anything\n' >> policies/layers/bootstrap.yaml
bump prod && bump staging && commit "open shell"
diff HEAD~1 HEAD --format markdown
check lint-error 1 $?
contains lint-error-listed "[CG310]"
contains lint-error-folded "<details><summary>Lint at HEAD: 1 error"

# The working tree and index are never touched: dirty them, diff, compare.
echo "# local edit" >> policies/layers/build.yaml
echo "staged" > staged.txt && git add staged.txt
before=$(git status --porcelain=v1 && git diff && git diff --cached)
diff HEAD~2 HEAD > /dev/null
after=$(git status --porcelain=v1 && git diff && git diff --cached)
[[ "$before" == "$after" ]]
check worktree-untouched 0 $?

# explain names the commit that added the rule line, or that it is not committed.
"$bin/clawgate" explain policies --env prod --agent main "${at[@]}" -- /usr/bin/cal > "$work/out" 2>&1
contains explain-commit "      added in $(git -C "$work/repo" log -1 --format=%h --abbrev=12 -- policies/layers/build.yaml) by CI, "
printf '  - rule: /usr/bin/nslookup\n    why: name lookups\n' >> policies/layers/build.yaml
"$bin/clawgate" explain policies --env prod --agent main "${at[@]}" --format json -- /usr/bin/nslookup > "$work/out" 2>&1
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); p=d["segments"][0]["entry"]["provenance"][0]; assert p["commit"] is None, p' "$work/out"
check explain-uncommitted 0 $?

# Usage errors.
diff no-such-revision HEAD
check unknown-revision 2 $?
"$bin/clawgate" diff --repo "$work" HEAD~1 HEAD > "$work/out" 2>&1
check no-repository 2 $?

echo "diff_end_to_end: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
