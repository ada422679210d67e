#!/usr/bin/env bash
# clawgate replay on a scratch repository with two revisions of the example
# policy (the second allows `git push origin *` for main and drops the swift
# entry): counts per environment and agent, the deny share, events whose
# environment or agent comes from the flags, what flips against the first
# revision grouped by executable and subcommand (most frequent first), runs
# recorded twice counted once, commands recorded differently, malformed
# lines, exit codes; and clawgate diff --events showing the same flips.
# Usage: replay_test.sh BIN_DIR
set -uo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=check_lib.sh
source "$root/tests/e2e/check_lib.sh"
at=(--at 2026-11-22T12:00:00Z)
replay() { "$bin/clawgate" replay "$work/repo/policies" "$@" "${at[@]}" > "$work/out" 2> "$work/err"; }

mkdir -p "$work/repo" && cd "$work/repo" || exit 1
git init -q -b main . && git config user.email ci@example.com && git config user.name "CI"
cp -r "$root/policies" policies && cp "$root/CODEOWNERS" CODEOWNERS
git add -A && git commit -q -m base
python3 - policies/layers/build.yaml <<'EOF'
import sys
path = sys.argv[1]
text = open(path).read()
start = text.index("  - rule: /usr/bin/swift")
end = text.index("\n  - rule:", start + 1) + 1 if "\n  - rule:" in text[start + 1:] else len(text)
text = text[:start] + text[end:]
text += "  - rule: /opt/homebrew/bin/git push origin *\n    why: publish branches\n    agents: [main]\n"
open(path, "w").write(text)
EOF
sed -i 's/^revision: \([0-9]*\)/revision: 99/' policies/environments/prod.yaml policies/environments/staging.yaml
git add -A && git commit -q -m "allow git push, drop swift"

# 30 pushes (denied before, allowed now), 10 swift builds (the reverse), 50
# git status (no change); every run recorded as the node host reports it.
python3 - "$work" <<'EOF'
import json, pathlib, sys
work = pathlib.Path(sys.argv[1])
lines, n = [], 0
def node(event, command, agent="main", env="prod", **extra):
    global n
    n += 1
    p = {"sessionKey": f"agent:{agent}:main", "runId": f"r{n}", "host": "node", "command": command}
    p.update(extra)
    line = {"ts": 1795950000000 + n, "event": event, "payload": p}
    if env:
        line["env"] = env
    return line
for i in range(30):
    lines.append(node("exec.denied", f"git push origin feature-{i}", reason="approval-required"))
for i in range(10):
    lines.append(node("exec.finished", "swift build", exitCode=0))
for i in range(50):
    lines.append(node("exec.finished", "git status", exitCode=0))
# The same run reported twice (requested, then finished): counted once.
dup = node("exec.finished", "git status", exitCode=0)
lines.append(dup)
lines.append(dict(dup))
# No environment on the line: --env fills it in, or it is skipped.
lines.append(node("exec.finished", "git log -5", env=None, exitCode=0))
# Recorded as run, though this policy stops it unattended.
lines.append(node("exec.finished", "rm -rf /", exitCode=0))
text = [json.dumps(l) for l in lines]
text.insert(5, "{broken")
(work / "events.jsonl").write_text("\n".join(text) + "\n")
EOF

replay --events "$work/events.jsonl"
check replay-exit-0 0 $?
contains summary "replayed 92 commands from 1 file (1 repeated events of one run; 1 malformed line; 1 skipped: no environment (give --env))"
contains scope "  prod/main: 92 (allow 81, deny 0, prompt 11); final allow 81, deny 11, prompt 0"
contains share "final outcome: allow 81, deny 11, prompt 0; deny share 12.0%"
# The record was made under the first revision: the pushes it denied run now,
# the swift builds it ran are stopped now, and so is `rm -rf /`.
contains disagreement "41 commands were recorded differently than this policy decides:"
contains disagreement-example "  prod/main: git push origin feature-0 (recorded denied, now allow)"
if grep -qF "events.jsonl:6: malformed event: not JSON" "$work/err"; then passes=$((passes + 1)); else
  failures=$((failures + 1)); echo "FAIL malformed line not reported:"; cat "$work/err"; fi

replay --events "$work/events.jsonl" --env prod --against HEAD~1
check against-exit-0 0 $?
contains against "against HEAD~1 ("
contains flip-count "40 commands flip its final outcome"
contains flip-push "      30  git push: deny -> allow (e.g. git push origin feature-0)"
contains flip-swift "      10  swift build: allow -> deny (e.g. swift build)"
# Most frequent first.
[[ $(grep -n "git push: deny" "$work/out" | cut -d: -f1) -lt $(grep -n "swift build: allow" "$work/out" | cut -d: -f1) ]]
check most-frequent-first 0 $?
contains env-from-flag "replayed 93 commands"

replay --events "$work/events.jsonl" --env prod --against HEAD~1 --fail-on-flip
check fail-on-flip 1 $?
replay --events "$work/events.jsonl" --env prod --against HEAD --fail-on-flip
check nothing-flips-against-itself 0 $?
contains no-flip "against HEAD ("
contains no-flip-count "0 commands flip its final outcome"

replay --events "$work/events.jsonl" --env prod --against HEAD~1 --format json
check json 0 $?
python3 - "$work/out" > "$work/err" 2>&1 <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["commands"] == 93, d["commands"]
assert d["flipped"] == 40, d["flipped"]
assert d["flips"][0] == {"group": "git push", "from": "deny", "to": "allow", "count": 30,
                         "example": "git push origin feature-0"}, d["flips"][0]
assert d["flips"][1]["group"] == "swift build" and d["flips"][1]["count"] == 10
assert d["malformed"] == [{"file": d["files"][0], "line": 6, "message": "not JSON"}], d["malformed"]
assert d["final"]["deny"] == 11 and abs(d["deny_share"] - 11 / 93) < 1e-9
assert d["disagreements"] == 41
assert len(d["disagreement_examples"]) == 20
EOF
check json-figures 0 $?

# Options before the command name.
"$bin/clawgate" --format json "${at[@]}" replay --env prod "$work/repo/policies" --events "$work/events.jsonl" > "$work/out" 2>&1
check options-before-the-command 0 $?

replay --events "$work/nonexistent.jsonl"
check unreadable-events 3 $?
replay --events "$work/events.jsonl" --env nope
check unknown-env 2 $?
replay --events "$work/events.jsonl" --against no-such-revision
check unknown-revision 2 $?
"$bin/clawgate" replay --help > "$work/out" 2>&1
check help 0 $?
contains help-against "--against"

# clawgate diff --events: the same flips, between BASE and HEAD.
"$bin/clawgate" diff --repo "$work/repo" HEAD~1 HEAD --events "$work/events.jsonl" --replay-env prod "${at[@]}" \
  > "$work/out" 2>&1
contains diff-replay "recorded commands: 40 of 93 flip their final outcome"
contains diff-flip "      30  git push: deny -> allow (e.g. git push origin feature-0)"
"$bin/clawgate" diff --repo "$work/repo" HEAD~1 HEAD --events "$work/events.jsonl" --replay-env prod "${at[@]}" \
  --format markdown > "$work/out" 2>&1
contains diff-markdown "| 30 | \`git push\` | deny → allow | \`git push origin feature-0\` |"

echo "replay_end_to_end: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
