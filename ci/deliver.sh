#!/usr/bin/env bash
# Delivery: compiles a policy repository's checkout and copies each
# environment's artifact into the inbox of every host of that environment,
# where the host's launchd apply job verifies it (SHA256SUMS, the signature
# when a key is pinned) and applies it, or refuses it and keeps the policy.
# Usage: deliver.sh --hosts FILE [--policy DIR] [--env E] [--out DIR] [--at T]
#   FILE: one host a line, `ENV DESTINATION` (# starts a comment), where
#   DESTINATION is the environment's inbox as rsync names it:
#   agent@macmini-hk-1.example.internal:.clawgate/inbox/prod, or a folder.
# Env: CLAWGATE (the clawgate binary); CLAWGATE_SIGNING_KEY (the Ed25519
# private key, PEM text: SHA256SUMS is signed); CLAWGATE_SSH_KEY (the
# delivery key, PEM text) and CLAWGATE_KNOWN_HOSTS (known_hosts lines; hosts
# not in it are refused).
# Files are copied with rsync --delay-updates, so an apply job that runs
# mid-delivery sees the old artifact or a mismatched one (refused, nothing
# changes) and the final renames trigger it again.
# Exit: 0 every host has it, 1 some host could not be reached (the others
# still got it), 2 usage, 3 compile or checksum failure (nothing delivered).
set -uo pipefail

hosts="" policy=policies only_env="" out="" at=()
while (($#)); do
  case $1 in
    --hosts) hosts=${2:?}; shift 2 ;;
    --policy) policy=${2:?}; shift 2 ;;
    --env) only_env=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --at) at=(--at "${2:?}"); shift 2 ;;
    -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "deliver: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n $hosts && -f $hosts ]] || { echo "deliver: --hosts FILE is required" >&2; exit 2; }
command -v rsync > /dev/null || { echo "deliver: rsync is not installed" >&2; exit 2; }
clawgate=${CLAWGATE:-clawgate}
secrets=$(mktemp -d)
trap 'rm -rf "$secrets"' EXIT
chmod 700 "$secrets"
[[ -n $out ]] || out="$secrets/out"

# Hosts first: a bad line is a usage error before anything is compiled.
declare -a lines=()
n=0
while IFS= read -r line || [[ -n $line ]]; do
  n=$((n + 1))
  line=${line%%#*}
  read -r env dest extra <<< "$line"
  [[ -z ${env:-} ]] && continue
  if [[ -z ${dest:-} || -n ${extra:-} || ! $env =~ ^[a-z][a-z0-9-]*$ ]]; then
    echo "deliver: $hosts:$n: expected 'ENV DESTINATION'" >&2
    exit 2
  fi
  [[ -n $only_env && $env != "$only_env" ]] && continue
  lines+=("$env $dest")
done < "$hosts"
((${#lines[@]})) || { echo "deliver: no host in $hosts${only_env:+ for $only_env}" >&2; exit 2; }

compile=("$clawgate" compile "$policy" --out "$out" "${at[@]}")
[[ -n $only_env ]] && compile+=(--env "$only_env")
if [[ -n ${CLAWGATE_SIGNING_KEY:-} ]]; then
  (umask 077 && printf '%s\n' "$CLAWGATE_SIGNING_KEY" > "$secrets/signing.pem")
  compile+=(--sign-key "$secrets/signing.pem")
fi
"${compile[@]}" > "$secrets/compile.log" 2>&1 || { cat "$secrets/compile.log" >&2; echo "deliver: compile failed; nothing delivered" >&2; exit 3; }

rsh=(ssh -o BatchMode=yes -o ConnectTimeout=20)
if [[ -n ${CLAWGATE_SSH_KEY:-} ]]; then
  (umask 077 && printf '%s\n' "$CLAWGATE_SSH_KEY" > "$secrets/ssh-key")
  rsh+=(-i "$secrets/ssh-key" -o IdentitiesOnly=yes)
fi
if [[ -n ${CLAWGATE_KNOWN_HOSTS:-} ]]; then
  printf '%s\n' "$CLAWGATE_KNOWN_HOSTS" > "$secrets/known_hosts"
  rsh+=(-o UserKnownHostsFile="$secrets/known_hosts" -o StrictHostKeyChecking=yes)
fi

declare -A checked=()
rc=0
for entry in "${lines[@]}"; do
  env=${entry%% *} dest=${entry#* }
  if [[ -z ${checked[$env]:-} ]]; then
    [[ -d $out/$env ]] || { echo "deliver: $hosts names environment $env, which the policy does not compile" >&2; exit 3; }
    (cd "$out/$env" && sha256sum --quiet --strict -c SHA256SUMS) \
      || { echo "deliver: $out/$env fails its own SHA256SUMS; nothing delivered" >&2; exit 3; }
    checked[$env]=1
  fi
  [[ $dest == *:* ]] || mkdir -p "$dest"
  if rsync -a --delete-after --delay-updates --chmod=Du=rwx,Dgo=,Fu=rw,Fgo= -e "${rsh[*]}" \
      "$out/$env/" "$dest/"; then
    echo "deliver: $env -> $dest"
  else
    echo "deliver: $env -> $dest FAILED" >&2
    rc=1
  fi
done
exit "$rc"
