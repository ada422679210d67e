#!/usr/bin/env bash
# Installs the Debian packages that building and testing clawgate need
# (`setup.sh build`: only what building it and running the ci/ workflow
# scripts need). Idempotent: quiet and quick when everything is present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache git pkg-config
  libyaml-cpp-dev nlohmann-json3-dev libboost-dev libgit2-dev libssl-dev
  libcli11-dev
  python3 curl rsync openssh-client ca-certificates
)
if [[ ${1:-all} != build ]]; then
  packages+=(
    libgtest-dev libgmock-dev libbenchmark-dev
    clang-format clang-tidy shellcheck
    python3-jsonschema python3-yaml
    prometheus prometheus-node-exporter
  )
  # npm fetches the reference OpenClaw packages for the conformance tests. A
  # machine that already has node and npm (from any source) keeps them.
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "ci/setup.sh: missing packages: ${missing[*]} (run as root to install them)" >&2
  exit 2
fi
echo "ci/setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
