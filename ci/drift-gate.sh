#!/usr/bin/env bash
# The fleet drift gate, from a policy repository's checkout (full history:
# the revision index compiles every policy tree of the branch): each region's
# revision and lag from the fleet's Prometheus or from host status files.
# Usage: drift-gate.sh [--policy DIR] [--ref REF] [--max-age D] [--at T]
#                      [--prometheus URL | --status FILE...]
# Env: CLAWGATE (the clawgate binary), CLAWGATE_PROMETHEUS_URL (the default
# for --prometheus); in GitHub Actions the report also goes to the job summary.
# Exit: clawgate drift's (0 in step, 1 a region behind, stale or unknown,
# 2 usage, 3 unreadable input).
set -uo pipefail

args=() source_given=0
while (($#)); do
  case $1 in
    --policy | --ref | --max-age | --at) args+=("$1" "${2:?}"); shift 2 ;;
    --prometheus) args+=("$1" "${2:?}"); source_given=1; shift 2 ;;
    --status)
      shift
      while (($#)) && [[ $1 != --* ]]; do args+=(--status "$1"); shift; done
      source_given=1 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "drift-gate: unknown argument $1" >&2; exit 2 ;;
  esac
done
if ((!source_given)); then
  [[ -n ${CLAWGATE_PROMETHEUS_URL:-} ]] \
    || { echo "drift-gate: give --prometheus URL, --status FILE... or CLAWGATE_PROMETHEUS_URL" >&2; exit 2; }
  args+=(--prometheus "$CLAWGATE_PROMETHEUS_URL")
fi
clawgate=${CLAWGATE:-clawgate}
report=$(mktemp)
trap 'rm -f "$report"' EXIT
"$clawgate" drift --repo . "${args[@]}" > "$report"
rc=$?
cat "$report"
if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
  {
    echo "## clawgate drift: $([[ $rc -eq 0 ]] && echo "every region in step" || echo "exit $rc")"
    echo
    echo '```text'
    cat "$report"
    echo '```'
  } >> "$GITHUB_STEP_SUMMARY"
fi
exit "$rc"
