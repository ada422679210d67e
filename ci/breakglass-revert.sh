#!/usr/bin/env bash
# The scheduled break-glass revert of a policy repository: when grants have
# expired on the base branch, clawgate commits their removal on a new branch
# (never touching the working tree), the branch is pushed, and a pull request
# is opened for review. The branch is named after the expired tickets, so a
# proposal already pushed is not made twice; nothing expired is a no-op.
# Hosts revert on their own, on time: this only keeps the repository honest.
# Usage: breakglass-revert.sh [--policy DIR] [--base BRANCH] [--remote NAME]
#                             [--at T] [--no-pr]
# Env: CLAWGATE (the clawgate binary); for the pull request GITHUB_TOKEN,
# GITHUB_REPOSITORY, GITHUB_API_URL (without them, the branch is only pushed).
# Exit: 0 done or nothing to do, 1 push or pull request failed, 2 usage,
# 3 the policy could not be read.
set -euo pipefail
# shellcheck source=github.sh
source "$(dirname "$0")/github.sh"

policy=policies base="" remote=origin at=() open_pr=1
while (($#)); do
  case $1 in
    --policy) policy=${2:?}; shift 2 ;;
    --base) base=${2:?}; shift 2 ;;
    --remote) remote=${2:?}; shift 2 ;;
    --at) at=(--at "${2:?}"); shift 2 ;;
    --no-pr) open_pr=0; shift ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "breakglass-revert: unknown argument $1" >&2; exit 2 ;;
  esac
done
clawgate=${CLAWGATE:-clawgate}
cd "$(git rev-parse --show-toplevel)"
[[ -n $base ]] || base=$(git symbolic-ref --quiet --short HEAD) \
  || { echo "breakglass-revert: detached HEAD: give --base" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rc=0
"$clawgate" breakglass expired --policy "$policy" --ref "$base" "${at[@]}" --format json > "$tmp/expired.json" || rc=$?
((rc == 0)) || { echo "breakglass-revert: clawgate breakglass expired failed (exit $rc)" >&2; exit 3; }
tickets=$(json_get '"-".join(sorted(g["ticket"] for g in d["expired"]))' < "$tmp/expired.json")
if [[ -z $tickets ]]; then
  echo "breakglass-revert: nothing expired on $base"
  exit 0
fi
branch="clawgate/breakglass-revert-$tickets"
if git ls-remote --exit-code --heads "$remote" "refs/heads/$branch" > /dev/null 2>&1; then
  echo "breakglass-revert: $branch is already on $remote (its pull request is under review)"
  exit 0
fi
"$clawgate" breakglass revert --policy "$policy" --ref "$base" --branch "$branch" "${at[@]}" --format json \
  > "$tmp/revert.json" || { echo "breakglass-revert: clawgate breakglass revert failed" >&2; exit 3; }
commit=$(json_get 'd["revert_commit"]' < "$tmp/revert.json")
git push --quiet "$remote" "refs/heads/$branch:refs/heads/$branch" \
  || { echo "breakglass-revert: pushing $branch to $remote failed" >&2; exit 1; }
echo "breakglass-revert: pushed $branch ($commit) to $remote"

if ((!open_pr)); then exit 0; fi
if [[ -z ${GITHUB_TOKEN:-} || -z ${GITHUB_REPOSITORY:-} ]]; then
  echo "breakglass-revert: no GITHUB_TOKEN or GITHUB_REPOSITORY: no pull request opened"
  exit 0
fi
git log -1 --format=%s "$commit" > "$tmp/title"
{
  git log -1 --format=%b "$commit"
  echo
  echo "Opened by the scheduled break-glass revert (clawgate breakglass revert); hosts already left these entries out when they expired."
} > "$tmp/body"
json_object title "@$tmp/title" head "$branch" base "$base" body "@$tmp/body" > "$tmp/pull.json"
github_api POST "/repos/$GITHUB_REPOSITORY/pulls" "$tmp/pull.json" > "$tmp/pr.json" \
  || { echo "breakglass-revert: opening the pull request failed" >&2; exit 1; }
echo "breakglass-revert: opened $(json_get 'd.get("html_url") or d["number"]' < "$tmp/pr.json")"
