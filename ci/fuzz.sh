#!/usr/bin/env bash
# Runs every fuzz target (tests/fuzz) with libFuzzer for a set time each:
#   FUZZ_SECONDS (default 60) per target, seeded with its corpus and
#   dictionary; new inputs go to a scratch corpus under build-fuzz/, crashes
#   to build-fuzz/crashes/<target>/ (turn each into a seed in
#   tests/fuzz/corpus/<target>/ and a regression test).
# Builds with clang, libFuzzer, ASan and UBSan in build-fuzz/. Prints, per
# target, executions and findings; exits 1 when any target crashed.
# Usage: ci/fuzz.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/clawgate/ccache}
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(compile rule approvals manifest artifact openclaw_shell clawdbot_shell js_regex host_profile codeowners lint status_lines prometheus_text event_lines)
declare -A dict=([compile]=yaml [rule]=rule [approvals]=json [manifest]=json [artifact]=json
                 [openclaw_shell]=shell [clawdbot_shell]=shell [js_regex]=regex [host_profile]=yaml [codeowners]=codeowners [lint]=yaml [status_lines]=json [prometheus_text]=json [event_lines]=json)
declare -A seeds=([approvals]=tests/golden/compile [manifest]=tests/golden/compile
                  [openclaw_shell]=tests/fuzz/corpus/shell [clawdbot_shell]=tests/fuzz/corpus/shell)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAWGATE_FUZZ=ON > /dev/null
cmake --build build-fuzz --parallel "$(nproc)" --target "${targets[@]/%/_fuzzer}"

status=0
echo "| target | seconds | executions | crashes |"
echo "| --- | --- | --- | --- |"
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t
  crashes=build-fuzz/crashes/$t
  mkdir -p "$work" "$crashes"
  seed=${seeds[$t]:-tests/fuzz/corpus/$t}
  log=build-fuzz/$t.log
  set +e
  "build-fuzz/bin/${t}_fuzzer" "$work" "$seed" -dict="tests/fuzz/dict/${dict[$t]}.dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$crashes/" > "$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -oE 'Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' || echo "?")
  found=$(find "$crashes" -type f | wc -l)
  echo "| $t | $seconds | $runs | $found |"
  if [[ $rc -ne 0 || $found -gt 0 ]]; then status=1; tail -20 "$log" >&2; fi
done
exit $status
