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

if [[ -f "$cache/.stamp" && "$(cat "$cache/.stamp")" == "$stamp" && -x "$tool" ]]; then
  echo "$tool"
  exit 0
fi

mkdir -p "$cache"
work=$(mktemp -d "$cache/.install.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "clawgate: installing $stamp into $cache" >&2
(
  cd "$work"
  echo '{"name":"clawgate-sarif","private":true}' > package.json
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
    "@microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION" >&2
)
# --ignore-scripts skips the package's own chmod.
chmod +x "$work/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
rm -rf "$cache/node_modules" "$cache/package.json" "$cache/package-lock.json"
mv "$work/node_modules" "$work/package.json" "$cache/"
[[ -f "$work/package-lock.json" ]] && mv "$work/package-lock.json" "$cache/"
echo "$stamp" > "$cache/.stamp"
echo "$tool"
