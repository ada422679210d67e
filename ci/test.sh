#!/usr/bin/env bash
# Installs what is needed, builds, and runs the whole test suite:
#   1. the fast suite (unit, golden, schema, end-to-end, recorded conformance
#      replayed offline) on a normal build;
#   2. ci/lint.sh: clang-format and clang-tidy;
#   3. conformance with the real OpenClaw package (cached under ~/.cache);
#   4. the fast suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
# Build trees live in build-test/ and build-asan/; ccache (under ~/.cache)
# keeps rebuilds quick. CI and developers run exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/clawgate/ccache}
# Paths relative to the checkout, so every clone of a commit shares the cache
# (debug information then names the first clone's folder).
export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
jobs=$(nproc)

echo "== stage 1: build and fast tests"
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAWGATE_WERROR=ON >/dev/null
cmake --build build-test --parallel "$jobs"
(cd build-test && ctest --parallel "$jobs" --output-on-failure -LE conformance)

echo "== stage 2: lint (clang-format, clang-tidy)"
bash ci/lint.sh build-test

echo "== stage 3: conformance with the real OpenClaw"
(cd build-test && ctest --output-on-failure -L conformance)

echo "== stage 4: sanitizers (ASan + UBSan)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCLAWGATE_SANITIZE=ON >/dev/null
cmake --build build-asan --parallel "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --parallel "$jobs" --output-on-failure -LE conformance)
