#!/usr/bin/env bash
# Offline conformance: replays the reference packages' recorded answers
# (tests/golden/decide/<target>/) against clawgate, deciding against the file
# system recorded when the answers were taken, so the fast and sanitizer
# stages check conformance without Node.js or the packages.
#
# Usage: replay.sh BUILD_BIN_DIR
# The golden is written by run.sh with CLAWGATE_REGENERATE_GOLDEN=1.
set -euo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
golden="$root/tests/golden/decide"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for target in openclaw-2026.9 clawdbot-2026.1; do
  dir="$golden/$target"
  sandbox=$(cat "$dir/sandbox")
  python3 "$root/tests/conformance/gen_cases.py" "$sandbox" "$target" --no-sandbox > "$work/cases"
  if [[ $(sha256sum < "$work/cases" | cut -d' ' -f1) != $(cat "$dir/cases.sha256") ]]; then
    echo "FAIL $target: the generated cases differ from the recorded ones (regenerate tests/golden/decide with run.sh)"
    failed=1
    continue
  fi
  "$bin/decide_cases" "$target" "$work/cases" --fs-snapshot "$dir/fs.json" > "$work/clawgate"
  python3 "$root/tests/conformance/compare.py" "$target" "$work/cases" "$dir/answers.jsonl" "$work/clawgate" \
    || failed=1
done
exit $failed
