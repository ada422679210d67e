# shellcheck shell=bash disable=SC2154  # $work, $root and $bin come from the script that sources this
# Shared by the drift tests: a scratch repository of the legacy target
# (whose store is a file, so no OpenClaw is needed) at revisions 3, 4 and 5
# (5 with a break-glass grant that expired at 2026-11-22T10:00:00Z), each
# revision's artifacts, and simulated hosts. Expects $bin, $root, $work.
now=2026-11-22T12:00:00Z
repo="$work/repo"
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q -b main . && git config user.email ci@example.com && git config user.name "CI"
cp -r "$root/tests/golden/compile/ok-legacy-target/src" policies
sed -i 's/^regions: .*/regions: [hk, jp]/' policies/clawgate.yaml
git add -A && git commit -q -m "revision 3"
# Revisions 4 and 5, each with one more entry; 5 also grants a break-glass
# entry that expires at 2026-11-22T10:00:00Z.
for r in 4 5; do
  printf '  - rule: /usr/bin/tool%s\n    why: tool of revision %s\n' "$r" "$r" >> policies/layers/build.yaml
  sed -i "s/^revision: .*/revision: $r/" policies/environments/prod.yaml
  if [[ $r == 5 ]]; then
    mkdir -p policies/break-glass
    printf 'break_glass: INC-5\nenvironment: prod\nagents: [main]\nowner: "@example/sre"\nreason: hotfix\ncreated: 2026-11-21T12:00:00Z\nexpires: 2026-11-22T10:00:00Z\nentries:\n  - rule: /usr/bin/scp\n    why: copy the hotfix\n' > policies/break-glass/INC-5.yaml
  fi
  git add -A && git commit -q -m "revision $r"
done

# Artifacts of each revision, compiled from its commit (grants active then).
for r in 3 4 5; do
  rev=$(git log --format=%H --grep="^revision $r\$")
  mkdir -p "$work/src-$r" && git archive "$rev" policies | tar -x -C "$work/src-$r"
  "$bin/clawgate" compile "$work/src-$r/policies" --out "$work/out-$r" --at 2026-11-21T13:00:00Z > /dev/null 2>&1 \
    || { echo "compile of revision $r failed"; exit 1; }
done
# Revision 5 compiled after its grant expired: what a revert leaves.
"$bin/clawgate" compile "$work/src-5/policies" --out "$work/out-5-reverted" --at "$now" > /dev/null 2>&1

# A host: its own HOME and state; apply one artifact; report.
host_apply() {  # name artifact [time]
  mkdir -p "$work/hosts/$1/home"
  HOME="$work/hosts/$1/home" "$bin/clawgate-host" --state-dir "$work/hosts/$1/state" apply "$2" --at "${3:-$now}" > /dev/null 2>&1 \
    || { echo "apply on $1 failed"; exit 1; }
}
host_status() {  # name region format
  HOME="$work/hosts/$1/home" "$bin/clawgate-host" --state-dir "$work/hosts/$1/state" status --region "$2" --host "$1" \
    --at "$now" --format "$3" 2>/dev/null
}
