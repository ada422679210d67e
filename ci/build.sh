#!/usr/bin/env bash
# Installs what is needed, builds both binaries into build/bin/ and compiles
# the example policies in policies/ into out/, printing what was written.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAWGATE_BUILD_TESTS=OFF >/dev/null
cmake --build build --parallel "$(nproc)" --target clawgate clawgate-host
./build/bin/clawgate compile policies --out out --format text
