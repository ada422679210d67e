#!/usr/bin/env bash
# Style and static checks, part of the test command:
#   1. clang-format (.clang-format) over every C++ file: any difference fails;
#   2. clang-tidy (.clang-tidy, a curated set, every finding an error) over
#      every translation unit of the compiler, the runtime and the tests
#      (ci/tidy_cached.py: a unit found clean is not checked again until its
#      preprocessed text, flags or the configuration change);
#   3. shellcheck over the ci/ and bench/ scripts and the end-to-end test scripts.
# Usage: lint.sh BUILD_DIR   (a configured build with compile_commands.json)
# CLAWGATE_LINT_FIX=1 rewrites files with clang-format instead of failing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-test}
mapfile -t files < <(git ls-files '*.cc' '*.h' '*.h.in' | grep -v '^tests/golden/')

echo "-- clang-format: ${#files[@]} files"
if [[ ${CLAWGATE_LINT_FIX:-} == 1 ]]; then
  clang-format -i "${files[@]}"
elif ! clang-format --dry-run -Werror "${files[@]}"; then
  echo "ci/lint.sh: clang-format differences (run CLAWGATE_LINT_FIX=1 ci/lint.sh)" >&2
  exit 1
fi

echo "-- clang-tidy"
[[ -f $build/compile_commands.json ]] || { echo "ci/lint.sh: no $build/compile_commands.json" >&2; exit 2; }
root=$(pwd)
python3 ci/tidy_cached.py "$build" "^$root/(compiler|runtime|tests)/.*\\.cc$" --jobs "$(nproc)" \
  --log "$build/clang-tidy.log" || {
  grep -E "(warning|error):" "$build/clang-tidy.log" | sort -u | head -100
  echo "ci/lint.sh: clang-tidy findings (full log: $build/clang-tidy.log)" >&2
  exit 1
}
echo "-- shellcheck"
mapfile -t scripts < <(git ls-files 'ci/*.sh' 'tests/e2e/*.sh' 'bench/*.sh')
shellcheck -x -P SCRIPTDIR "${scripts[@]}" || { echo "ci/lint.sh: shellcheck findings" >&2; exit 1; }
echo "ci/lint.sh: clean"
