#!/usr/bin/env bash
# The scripts behind ci/workflows/, run against a scratch policy repository
# (the legacy target, so hosts need no OpenClaw) with a bare `origin`, local
# inboxes as delivery targets, and a stand-in for GitHub's REST API on
# loopback (fake_github.py: GitHub is not reachable from test machines).
# Usage: workflows_test.sh BIN_DIR
set -uo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
server=""
trap '[[ -n $server ]] && kill "$server" 2> /dev/null; rm -rf "$work"' EXIT
# shellcheck source=check_lib.sh
source "$root/tests/e2e/check_lib.sh"
# shellcheck source=fleet_lib.sh
source "$root/tests/e2e/fleet_lib.sh"
export CLAWGATE="$bin/clawgate"
export PATH="$bin:$PATH"
ci="$root/ci"

# --- GitHub's API, as far as the scripts use it ------------------------------------------
python3 "$root/tests/e2e/fake_github.py" "$work/port" "$work/api.log" test-token &
server=$!
for _ in $(seq 50); do [[ -s $work/port ]] && break; sleep 0.1; done
GITHUB_API_URL="http://127.0.0.1:$(cat "$work/port")"
export GITHUB_API_URL GITHUB_REPOSITORY=example/policies
api() { python3 -c 'import json,sys; print(eval(sys.argv[2], {"log": [json.loads(l) for l in open(sys.argv[1])]}))' "$work/api.log" "$1"; }

# --- review: a good change, a change that breaks a review rule ---------------------------
cd "$repo" || exit 1
git checkout -q -b add-tool6
printf '  - rule: /usr/bin/tool6\n    why: tool of revision 6\n' >> policies/layers/build.yaml
sed -i 's/^revision: .*/revision: 6/' policies/environments/prod.yaml
git commit -qam "revision 6"
bash "$ci/review.sh" --base main --out "$work/review" --at "$now" > "$work/out" 2> "$work/review.err"
check review-of-a-good-change 0 $?
cp "$work/review/comment.md" "$work/out"
contains review-marker "<!-- clawgate-review -->"
contains review-diff-passed "| review rules (diff) | passed |"
contains review-shows-the-entry "\`/usr/bin/tool6\`"
contains review-red-team "<details><summary>redteam: passed</summary>"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["version"] == "2.1.0", d' "$work/review/lint.sarif"
check review-sarif 0 $?
grep -q "<testsuite" "$work/review/tests.xml"
check review-junit 0 $?

git checkout -q -b no-bump main
printf '  - rule: /usr/bin/tool7\n    why: tool 7\n' >> policies/layers/build.yaml
git commit -qam "tool 7 without a revision bump"
bash "$ci/review.sh" --base main --out "$work/review-bad" --at "$now" > "$work/out" 2>&1
check review-of-a-bad-change 1 $?
cp "$work/review-bad/comment.md" "$work/out"
contains review-bad-verdict "| review rules (diff) | **failed** |"
contains review-bad-rule "CG330"
bash "$ci/review.sh" --out "$work/review-none" > "$work/out" 2>&1
check review-needs-a-base 2 $?
git checkout -q main

# --- pr-comment: posted once, then updated in place --------------------------------------
export GITHUB_TOKEN=test-token CLAWGATE_PR=7
bash "$ci/pr-comment.sh" "$work/review/comment.md" > "$work/out" 2>&1
check comment-posted 0 $?
contains comment-posted-says "posted comment 1000 on #7"
bash "$ci/pr-comment.sh" "$work/review-bad/comment.md" > "$work/out" 2>&1
check comment-updated 0 $?
contains comment-updated-says "updated comment 1000 on #7"
[[ $(api '[r["method"] for r in log if r["method"] != "GET"]') == "['POST', 'PATCH']" ]]
check comment-one-post-one-patch 0 $?
[[ $(api 'all(r["auth_ok"] and r["api_version"] == "2022-11-28" for r in log)') == True ]]
check comment-headers 0 $?
[[ $(api 'log[-1]["body"]["body"].startswith("<!-- clawgate-review -->")') == True ]]
check comment-body 0 $?
! grep -rq test-token "$work/out"
check token-never-printed 0 $?
printf '{"action": "synchronize", "pull_request": {"number": 7}}\n' > "$work/event.json"
CLAWGATE_PR="" GITHUB_EVENT_PATH="$work/event.json" bash "$ci/pr-comment.sh" "$work/review/comment.md" > "$work/out" 2>&1
check comment-pr-from-the-event 0 $?
contains comment-pr-from-the-event-says "updated comment 1000 on #7"
GITHUB_TOKEN=wrong bash "$ci/pr-comment.sh" "$work/review/comment.md" > "$work/out" 2>&1
check comment-bad-token-fails 1 $?
contains comment-bad-token-says "HTTP 401"
CLAWGATE_PR="" GITHUB_EVENT_PATH=/dev/null bash "$ci/pr-comment.sh" "$work/review/comment.md" > "$work/out" 2>&1
check comment-needs-a-pr 2 $?

# --- drift gate: from status files -------------------------------------------------------
host_apply hk-1 "$work/out-5/prod" 2026-11-22T09:00:00Z
host_apply jp-1 "$work/out-4/prod"
{ host_status hk-1 hk json; host_status jp-1 jp json; } > "$work/fleet.jsonl"
GITHUB_STEP_SUMMARY="$work/summary.md" bash "$ci/drift-gate.sh" --at "$now" --status "$work/fleet.jsonl" > "$work/out" 2>&1
check drift-in-step 0 $?
cp "$work/summary.md" "$work/out"
contains drift-summary "## clawgate drift: every region in step"
host_apply jp-2 "$work/out-3/prod"
host_status jp-2 jp json > "$work/jp-2.jsonl"
bash "$ci/drift-gate.sh" --at "$now" --status "$work/fleet.jsonl" "$work/jp-2.jsonl" > "$work/out" 2>&1
check drift-behind 1 $?
env -u CLAWGATE_PROMETHEUS_URL bash "$ci/drift-gate.sh" --at "$now" > "$work/out" 2>&1
check drift-needs-a-source 2 $?

# --- break-glass revert: INC-5 expired; a branch is pushed and a pull request opened ------
git init -q --bare "$work/origin.git"
git remote add origin "$work/origin.git" && git push -q origin main
before=$(git rev-parse main)
git status --porcelain > "$work/status-before"
bash "$ci/breakglass-revert.sh" --base main --at "$now" > "$work/out" 2>&1
check revert-pushed 0 $?
contains revert-branch "pushed clawgate/breakglass-revert-INC-5"
contains revert-pr "opened http://127.0.0.1/pull/1"
git --git-dir="$work/origin.git" rev-parse -q --verify refs/heads/clawgate/breakglass-revert-INC-5 > /dev/null
check revert-branch-on-origin 0 $?
[[ -z $(git --git-dir="$work/origin.git" ls-tree -r --name-only clawgate/breakglass-revert-INC-5 -- policies/break-glass) ]]
check revert-branch-drops-the-grant 0 $?
[[ $(git rev-parse main) == "$before" ]] && git status --porcelain | cmp -s - "$work/status-before"
check revert-leaves-main-and-worktree 0 $?
[[ $(api '[(r["body"]["head"], r["body"]["base"]) for r in log if r["path"].endswith("/pulls")]') \
  == "[('clawgate/breakglass-revert-INC-5', 'main')]" ]]
check revert-pr-request 0 $?
[[ $(api '[r for r in log if r["path"].endswith("/pulls")][0]["body"]["title"]') == "Revert expired break-glass INC-5" ]]
check revert-pr-title 0 $?
bash "$ci/breakglass-revert.sh" --base main --at "$now" > "$work/out" 2>&1
check revert-again 0 $?
contains revert-once-per-tickets "is already on origin"
[[ $(api 'len([r for r in log if r["path"].endswith("/pulls")])') == 1 ]]
check revert-one-pr-only 0 $?
bash "$ci/breakglass-revert.sh" --base main --at 2026-11-22T09:00:00Z > "$work/out" 2>&1
check revert-nothing-expired 0 $?
contains revert-nothing-says "nothing expired on main"

# --- delivery: into two hosts' inboxes, applied there by the apply job's command ---------
openssl genpkey -algorithm ed25519 -out "$work/signing.pem" 2> /dev/null
openssl pkey -in "$work/signing.pem" -pubout -out "$work/signing.pub" 2> /dev/null
for h in hk-9 jp-9; do mkdir -p "$work/hosts/$h/home"; done
printf '# env destination\nprod %s  # hk-9\nprod %s\n' "$work/hosts/hk-9/inbox/prod" "$work/hosts/jp-9/inbox/prod" \
  > "$work/hosts.txt"
CLAWGATE_SIGNING_KEY=$(cat "$work/signing.pem") \
  bash "$ci/deliver.sh" --hosts "$work/hosts.txt" --at "$now" --out "$work/delivered" > "$work/out" 2>&1
check deliver 0 $?
contains deliver-hk "deliver: prod -> $work/hosts/hk-9/inbox/prod"
openssl pkeyutl -verify -pubin -inkey "$work/signing.pub" -rawin -in "$work/hosts/jp-9/inbox/prod/SHA256SUMS" \
  -sigfile "$work/hosts/jp-9/inbox/prod/SHA256SUMS.sig" > /dev/null 2>&1
check deliver-signed 0 $?
for h in hk-9 jp-9; do
  HOME="$work/hosts/$h/home" "$bin/clawgate-host" --state-dir "$work/hosts/$h/state" apply \
    --inbox "$work/hosts/$h/inbox/prod" --at "$now" > "$work/out" 2>&1
  check "inbox-applies-on-$h" 0 $?
  contains "inbox-revision-on-$h" "applied prod revision 5"
done
stat -c %a "$work/hosts/hk-9/inbox/prod/manifest.json" > "$work/out"
contains deliver-private-files "600"
printf 'prod\n' > "$work/bad-hosts.txt"
bash "$ci/deliver.sh" --hosts "$work/bad-hosts.txt" > "$work/out" 2>&1
check deliver-bad-hosts-line 2 $?
contains deliver-names-the-line "bad-hosts.txt:1: expected 'ENV DESTINATION'"
printf 'qa %s\n' "$work/hosts/qa" > "$work/qa-hosts.txt"
bash "$ci/deliver.sh" --hosts "$work/qa-hosts.txt" --at "$now" > "$work/out" 2>&1
check deliver-unknown-environment 3 $?
[[ ! -e $work/hosts/qa ]] || [[ -z $(ls -A "$work/hosts/qa") ]]
check deliver-nothing-for-unknown 0 $?

echo "workflows_end_to_end: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
