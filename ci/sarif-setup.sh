#!/usr/bin/env bash
# Installs Microsoft's SARIF multitool (npm @microsoft/sarif-multitool, with
# its self-contained Linux build) into a cache folder outside the repository
# (default ~/.cache/clawgate/sarif). The tests validate clawgate's SARIF with
# it. Idempotent and quiet when present. Prints the path of the tool.
set -euo pipefail

SARIF_MULTITOOL_VERSION=${SARIF_MULTITOOL_VERSION:-5.7.0}
cache=${CLAWGATE_SARIF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/clawgate/sarif}
stamp="sarif-multitool-$SARIF_MULTITOOL_VERSION"
tool="$cache/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

# shellcheck source=npm-cache.sh
source "$(dirname "$0")/npm-cache.sh"
npm_cache_install "$cache" "$stamp" clawgate-sarif "@microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION"
# --ignore-scripts skips the package's own chmod.
chmod +x "$tool"
echo "$tool"
