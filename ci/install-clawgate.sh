#!/usr/bin/env bash
# Builds clawgate and clawgate-host (Release) from this checkout and installs
# them into PREFIX/bin, for the workflows in ci/workflows/. Installs the build
# packages first (root, Debian 12). In GitHub Actions, PREFIX/bin is added to
# the job's PATH. Usage: install-clawgate.sh PREFIX
set -euo pipefail
prefix=${1:?usage: install-clawgate.sh PREFIX}
cd "$(dirname "$0")/.."
bash ci/setup.sh build
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/clawgate/ccache}
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLAWGATE_BUILD_TESTS=OFF > /dev/null
cmake --build build-release --parallel "$(nproc)" --target clawgate clawgate-host
install -d "$prefix/bin"
install -m 0755 build-release/bin/clawgate build-release/bin/clawgate-host "$prefix/bin/"
"$prefix/bin/clawgate" --version
[[ -z ${GITHUB_PATH:-} ]] || echo "$prefix/bin" >> "$GITHUB_PATH"
