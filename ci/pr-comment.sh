#!/usr/bin/env bash
# Posts FILE as the pull request's clawgate comment, or updates the one that
# is already there (the comment whose first line equals FILE's first line, a
# marker such as <!-- clawgate-review -->), so a pull request carries one
# review comment however often it is pushed to.
# Usage: pr-comment.sh FILE
# Env: GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL, and the pull request
# number in CLAWGATE_PR or in the event payload at GITHUB_EVENT_PATH.
set -euo pipefail
# shellcheck source=github.sh
source "$(dirname "$0")/github.sh"

file=${1:?usage: pr-comment.sh FILE}
[[ -f $file ]] || { echo "pr-comment: no file $file" >&2; exit 2; }
: "${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}"
pr=${CLAWGATE_PR:-}
if [[ -z $pr && -s ${GITHUB_EVENT_PATH:-} ]]; then
  pr=$(json_get 'd.get("pull_request", {}).get("number")' < "$GITHUB_EVENT_PATH" 2> /dev/null) || pr=""
fi
[[ $pr =~ ^[0-9]+$ ]] || { echo "pr-comment: no pull request number (CLAWGATE_PR or a pull_request event)" >&2; exit 2; }
marker=$(head -n 1 "$file")
[[ -n $marker ]] || { echo "pr-comment: $file must start with a marker line" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
json_object body "@$file" > "$tmp/body.json"

# The existing comment, page by page (100 a page).
existing=""
page=1
while :; do
  github_api GET "/repos/$GITHUB_REPOSITORY/issues/$pr/comments?per_page=100&page=$page" > "$tmp/page.json"
  existing=$(MARKER="$marker" json_get \
    'next((str(c["id"]) for c in d if c.get("body", "").split("\n", 1)[0] == __import__("os").environ["MARKER"]), "")' \
    < "$tmp/page.json")
  count=$(json_get 'len(d)' < "$tmp/page.json")
  [[ -n $existing || $count -lt 100 ]] && break
  page=$((page + 1))
done

if [[ -n $existing ]]; then
  github_api PATCH "/repos/$GITHUB_REPOSITORY/issues/comments/$existing" "$tmp/body.json" > "$tmp/out.json"
  echo "pr-comment: updated comment $existing on #$pr"
else
  github_api POST "/repos/$GITHUB_REPOSITORY/issues/$pr/comments" "$tmp/body.json" > "$tmp/out.json"
  echo "pr-comment: posted comment $(json_get 'd["id"]' < "$tmp/out.json") on #$pr"
fi
