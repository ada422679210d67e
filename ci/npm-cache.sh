# shellcheck shell=bash
# Sourced by the installers of npm tools the tests use: npm packages into a
# cache folder outside the repository, replaced as a whole, marked by a stamp.

# npm_cache_install CACHE STAMP NAME PACKAGE...: unless CACHE/.stamp reads
# STAMP, installs PACKAGE... (npm install --ignore-scripts) in a temporary
# folder beside CACHE, then moves node_modules and the package files into
# CACHE and writes the stamp. Non-zero when npm fails (CACHE is left as it was).
npm_cache_install() {
  local cache=$1 stamp=$2 name=$3
  shift 3
  [[ -f "$cache/.stamp" && "$(cat "$cache/.stamp")" == "$stamp" ]] && return 0
  mkdir -p "$cache"
  local work
  work=$(mktemp -d "$cache/.install.XXXXXX")
  echo "clawgate: installing $stamp into $cache" >&2
  if ! (
    cd "$work" || exit 1
    printf '{"name":"%s","private":true}\n' "$name" > package.json
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "$@" >&2
  ); then
    rm -rf "$work"
    return 1
  fi
  rm -rf "$cache/node_modules" "$cache/package.json" "$cache/package-lock.json" "$cache/.stamp"
  mv "$work/node_modules" "$work/package.json" "$cache/"
  [[ -f "$work/package-lock.json" ]] && mv "$work/package-lock.json" "$cache/"
  rm -rf "$work"
  echo "$stamp" > "$cache/.stamp"
}
