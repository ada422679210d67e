#!/usr/bin/env bash
# Crash safety: SIGKILL `clawgate compile` and `clawgate-host apply` at random
# points, 200 times each (CRASH_ROUNDS), switching between two versions.
# After every kill each output is the complete old or the complete new one:
#   compile: every out/<env> folder is one of the two compiled trees, byte
#            for byte;
#   apply:   the live store (legacy target, a real file) holds one of the two
#            documents, and the pinned artifact is one of the two, intact.
# Usage: crash_test.sh BIN_DIR
set -uo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${CRASH_ROUNDS:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
tree_sum() { (cd "$1" && find . -type f ! -path './.*' | sort | xargs sha256sum | sha256sum | cut -d' ' -f1); }
# A random delay up to 1.5 times $1 microseconds (how long one full run takes
# on this machine, sanitizers and all), so kills land before, during and after.
random_delay() {
  local us=$(( (RANDOM * 32768 + RANDOM) % ($1 * 3 / 2 + 1) ))
  sleep "$((us / 1000000)).$(printf '%06d' $((us % 1000000)))"
}
elapsed_us() {  # elapsed_us CMD...: runs CMD, prints its wall time in microseconds
  local start end
  start=$(date +%s%N); "$@" > /dev/null 2>&1; end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}

# Two versions of the example policies: B adds an entry and bumps revisions.
cp -r "$root/policies" "$work/a"
cp -r "$root/policies" "$work/b"
python3 - "$work/b" <<'PY'
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
for env in (root / "environments").glob("*.yaml"):
    text = env.read_text()
    env.write_text(re.sub(r"revision: (\d+)", lambda m: f"revision: {int(m.group(1)) + 1}", text, count=1))
layer = root / "layers/build.yaml"
layer.write_text(layer.read_text() + "  - rule: /usr/bin/crash-test-marker\n    why: marks version b\n")
PY
at=--at=2026-11-22T12:00:00Z
for v in a b; do
  "$bin/clawgate" compile "$work/$v" --out "$work/ref-$v" "$at" > /dev/null 2>&1 || { echo "cannot compile $v"; exit 1; }
done
envs=$(ls "$work/ref-a")
declare -A want
for env in $envs; do
  want[$env-a]=$(tree_sum "$work/ref-a/$env")
  want[$env-b]=$(tree_sum "$work/ref-b/$env")
  [[ ${want[$env-a]} != "${want[$env-b]}" ]] || { echo "the two versions of $env do not differ"; exit 1; }
done

# --- compile ---------------------------------------------------------------------
cp -r "$work/ref-a" "$work/out"
compile_us=$(elapsed_us "$bin/clawgate" compile "$work/a" --out "$work/timing" "$at")
killed=0
seen_b=0
for ((i = 0; i < rounds; i++)); do
  v=$([[ $((i % 2)) -eq 0 ]] && echo b || echo a)
  "$bin/clawgate" compile "$work/$v" --out "$work/out" "$at" > /dev/null 2>&1 &
  pid=$!
  random_delay "$compile_us"
  kill -9 "$pid" 2> /dev/null && killed=$((killed + 1))
  wait "$pid" 2> /dev/null
  for env in $envs; do
    got=$(tree_sum "$work/out/$env" 2> /dev/null)
    [[ $got == "${want[$env-a]}" || $got == "${want[$env-b]}" ]] || fail "compile round $i: out/$env is neither version"
    [[ $got == "${want[$env-b]}" ]] && seen_b=$((seen_b + 1))
  done
done
echo "compile: $rounds rounds, $killed killed while running, $seen_b folders seen at version b"
# The kills must land on both sides of the swap for the test to mean anything.
[[ $killed -gt 0 && $seen_b -gt 0 ]] || fail "compile: the kills never interrupted a run or never let one finish"

# --- apply (legacy target: the store is a real file) ------------------------------------
# The fixture is compiled from a copy outside this repository, whose CODEOWNERS
# would otherwise govern it (and give its build layer to another owner).
legacy_src="$work/legacy-src"
cp -r "$root/tests/golden/compile/ok-legacy-target/src" "$legacy_src"
for v in a b; do
  "$bin/clawgate" compile "$legacy_src" --out "$work/legacy-$v" "$at" \
    > /dev/null 2>&1
done
# Version b of the legacy artifact: another revision with one more entry.
cp -r "$legacy_src" "$work/legacy-src-b"
sed -i 's/revision: 3/revision: 4/' "$work/legacy-src-b/environments/prod.yaml"
printf '  - rule: /usr/bin/crash-test-marker\n    why: marks version b\n' >> "$work/legacy-src-b/layers/build.yaml"
rm -rf "$work/legacy-b"
"$bin/clawgate" compile "$work/legacy-src-b" --out "$work/legacy-b" "$at" > /dev/null 2>&1 || { echo "legacy b"; exit 1; }
digest_a=$("$bin/policy_digest" "$work/legacy-a/prod/exec-approvals.json")
digest_b=$("$bin/policy_digest" "$work/legacy-b/prod/exec-approvals.json")
pin_a=$(tree_sum "$work/legacy-a/prod")
pin_b=$(tree_sum "$work/legacy-b/prod")
host() { HOME="$work/home" "$bin/clawgate-host" --state-dir "$work/state" --openclaw-home "$work/store" "$@"; }
mkdir -p "$work/home"
host apply "$work/legacy-a/prod" "$at" > /dev/null || { echo "first apply failed"; exit 1; }
apply_us=$(elapsed_us host apply "$work/legacy-a/prod" "$at")
killed=0
for ((i = 0; i < rounds; i++)); do
  v=$([[ $((i % 2)) -eq 0 ]] && echo b || echo a)
  # The binary itself in the background (a shell function would put a
  # subshell between the kill and the process).
  HOME="$work/home" "$bin/clawgate-host" --state-dir "$work/state" --openclaw-home "$work/store" \
    apply "$work/legacy-$v/prod" "$at" > /dev/null 2>&1 &
  pid=$!
  random_delay "$apply_us"
  kill -9 "$pid" 2> /dev/null && killed=$((killed + 1))
  wait "$pid" 2> /dev/null
  live=$("$bin/policy_digest" "$work/store/exec-approvals.json" 2> /dev/null)
  [[ $live == "$digest_a" || $live == "$digest_b" ]] || fail "apply round $i: the store is neither version ($live)"
  pinned=$(tree_sum "$work/state/envs/prod/artifact" 2> /dev/null)
  [[ $pinned == "$pin_a" || $pinned == "$pin_b" ]] || fail "apply round $i: the pin is neither version"
done
echo "apply: $rounds rounds, $killed killed while running"
[[ $killed -gt 0 && $killed -lt $rounds ]] || fail "apply: the kills never interrupted a run or never let one finish"
# Whatever the last kill left, the host still verifies (drift at most, never integrity).
host verify > /dev/null 2>&1
rc=$?
[[ $rc -le 1 ]] || fail "verify after the kills: exit $rc"

# Staging folders the kills left behind are cleared by the next run.
"$bin/clawgate" compile "$work/a" --out "$work/out" "$at" > /dev/null 2>&1
host apply "$work/legacy-a/prod" "$at" > /dev/null 2>&1
left=$(find "$work/out" "$work/state/envs/prod" -maxdepth 1 -name '.*staging*' | wc -l)
[[ $left -eq 0 ]] || fail "$left staging folders left after a clean run"

echo "crash test: $failures failures"
[[ $failures -eq 0 ]]
