#!/usr/bin/env bash
# Pull-request review of a policy repository, run from its checkout (the
# working tree is HEAD): lint (GitHub annotations on stdout, SARIF for code
# scanning), the policy tests (JUnit), the red-team corpus, and the semantic
# diff against the base, gathered into one Markdown comment.
# Usage: review.sh --base REV [--head REV] [--policy DIR] [--out DIR] [--at T]
#   --policy  the policy folder, relative to the repository root (policies)
#   --out     where the reports go (clawgate-review): comment.md, diff.md,
#             lint.sarif, tests.xml, lint.txt, tests.txt, redteam.txt
# Env: CLAWGATE (the clawgate binary; default: clawgate on PATH).
# Exit: the worst step's code (0 clean, 1 a finding, 2 usage, 3 integrity);
# the comment is written whatever the outcome.
set -uo pipefail

base="" head=HEAD policy=policies out=clawgate-review at=()
while (($#)); do
  case $1 in
    --base) base=${2:?}; shift 2 ;;
    --head) head=${2:?}; shift 2 ;;
    --policy) policy=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --at) at=(--at "${2:?}"); shift 2 ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "review: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n $base ]] || { echo "review: --base is required" >&2; exit 2; }
clawgate=${CLAWGATE:-clawgate}
command -v "$clawgate" > /dev/null || { echo "review: $clawgate not found" >&2; exit 2; }
root=$(git rev-parse --show-toplevel 2> /dev/null) || { echo "review: not inside a git repository" >&2; exit 2; }
mkdir -p "$out" && out=$(cd "$out" && pwd)
cd "$root" || exit 2
[[ -d $policy ]] || { echo "review: no policy folder $policy in $root" >&2; exit 2; }

worst=0
declare -A result
step() {  # step NAME OUTFILE CMD...: runs CMD, stdout to OUTFILE, records the exit code
  local name=$1 file=$2
  shift 2
  "$@" > "$file" 2> "$out/$name.err"
  local rc=$?
  result[$name]=$rc
  ((rc > worst)) && worst=$rc
  return 0
}
step lint "$out/lint.txt" "$clawgate" lint "$policy" "${at[@]}"
"$clawgate" lint "$policy" "${at[@]}" --format github || true  # annotations on the pull request
"$clawgate" lint "$policy" "${at[@]}" --format sarif > "$out/lint.sarif" 2> /dev/null || true
step tests "$out/tests.txt" "$clawgate" test "$policy" "${at[@]}"
"$clawgate" test "$policy" "${at[@]}" --format junit > "$out/tests.xml" 2> /dev/null || true
step redteam "$out/redteam.txt" "$clawgate" redteam "$policy" "${at[@]}"
step diff "$out/diff.md" "$clawgate" diff --repo . --policy "$policy" "${at[@]}" --format markdown "$base" "$head"

verdict() {
  case $1 in
    0) echo "passed" ;;
    1) echo "**failed**" ;;
    *) echo "**error** (exit $1)" ;;
  esac
}
# At most N bytes of a report, fenced; GitHub refuses comments over 65,536 characters.
fenced() {
  local file=$1 limit=$2
  echo '```text'
  head -c "$limit" "$file"
  (($(wc -c < "$file") > limit)) && printf '\n[... cut: the whole report is an artifact of this run]'
  echo
  echo '```'
}
{
  echo '<!-- clawgate-review -->'
  echo '## clawgate policy review'
  echo
  echo "Base \`$(git rev-parse --short "$base" 2> /dev/null || echo "$base")\`, head \`$(git rev-parse --short "$head" 2> /dev/null || echo "$head")\`."
  echo
  echo '| step | result |'
  echo '| --- | --- |'
  echo "| lint | $(verdict "${result[lint]}") |"
  echo "| policy tests | $(verdict "${result[tests]}") |"
  echo "| red team | $(verdict "${result[redteam]}") |"
  echo "| review rules (diff) | $(verdict "${result[diff]}") |"
  echo
  # The diff's own sections carry lint and the tests at HEAD; without it, they come here.
  sections=(redteam)
  if [[ -s $out/diff.md ]]; then
    head -c 30000 "$out/diff.md"
  else
    echo 'The diff could not be computed:'
    fenced "$out/diff.err" 4000
    sections=(lint tests redteam)
  fi
  echo
  for name in "${sections[@]}"; do
    echo "<details><summary>$name: $(verdict "${result[$name]}" | tr -d '*')</summary>"
    echo
    cat "$out/$name.txt" "$out/$name.err" > "$out/$name.all"
    fenced "$out/$name.all" 8000
    echo
    echo '</details>'
  done
} > "$out/comment.md"
rm -f "$out"/*.all
echo "review: lint $(verdict "${result[lint]}"), tests $(verdict "${result[tests]}"), redteam $(verdict "${result[redteam]}"), diff $(verdict "${result[diff]}"); comment in $out/comment.md" | tr -d '*' >&2
exit "$worst"
