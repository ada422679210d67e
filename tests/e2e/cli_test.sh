#!/usr/bin/env bash
# End-to-end checks of the real binaries: argument parsing, exit codes and
# output of `clawgate compile`, and the host binary's linkage.
set -uo pipefail
clawgate=$1
host=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0
check() {  # check NAME EXPECTED_EXIT ACTUAL_EXIT [CONDITION...]
  local name=$1 expected=$2 actual=$3
  if [[ "$expected" != "$actual" ]]; then
    echo "FAIL $name: exit $actual, expected $expected"; failures=$((failures + 1)); return
  fi
  passes=$((passes + 1))
}
contains() {  # contains NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then passes=$((passes + 1)); else echo "FAIL $1: '$3' not in $(cat "$2")"; failures=$((failures + 1)); fi
}

cd "$work" || exit 1
cp -r "$root/policies" policies

"$clawgate" compile policies --out out --at 2026-11-22T12:00:00Z --format text >stdout 2>stderr
check compile-ok 0 $?
contains compile-prints-files stdout "wrote out/prod/exec-approvals.json"
contains compile-prints-digest stdout "prod: revision 8, 2 agents"
contains compile-warns stderr "warning: break-glass 'INC-4790' expired"
(cd out/prod && sha256sum -c --quiet exec-approvals.json.sha256)
check sha256sum-verifies 0 $?

"$clawgate" compile policies --out json-out --at 2026-11-22T12:00:00Z --format json >stdout 2>stderr
check compile-json 0 $?
python3 -c 'import json,sys; d=json.load(open("stdout")); assert d["ok"] and len(d["environments"])==2' 
check compile-json-parses 0 $?

"$clawgate" compile policies --out one --env staging --at 2026-11-22T12:00:00Z >stdout 2>stderr
check compile-one-env 0 $?
[[ -d one/staging && ! -e one/prod ]]
check compile-one-env-only 0 $?

"$clawgate" compile policies --out x --at yesterday >stdout 2>stderr
check bad-at 2 $?
contains bad-at-message stderr "--at: invalid time 'yesterday'"

"$clawgate" compile policies >stdout 2>stderr
check missing-out 2 $?

"$clawgate" compile nowhere --out x >stdout 2>stderr
check not-a-policy-folder 2 $?

"$clawgate" frobnicate >stdout 2>stderr
check unknown-command 2 $?
contains unknown-command-named stderr "clawgate: unknown command 'frobnicate'"

# CLI conventions: text by default even when piped, options before or after
# the command name, --help on every command with its defaults.
"$clawgate" compile policies --out piped --at 2026-11-22T12:00:00Z 2>stderr | cat >stdout
contains piped-compile-is-text stdout "wrote piped/prod/exec-approvals.json"
contains piped-compile-keeps-carets stderr "^"
"$clawgate" --out before --at 2026-11-22T12:00:00Z compile policies >stdout 2>stderr
check options-before-command 0 $?
[[ -f before/prod/manifest.json ]]
check options-before-command-writes 0 $?
"$clawgate" compile --help >stdout 2>stderr
check compile-help 0 $?
contains compile-help-lists-format stdout "--format"
contains compile-help-shows-default stdout "{text,json}=text"
"$clawgate" compile policies --out x --format yaml >stdout 2>stderr
check bad-format 2 $?
"$host" --state-dir "$work/state" status >stdout 2>stderr
check host-options-before 0 $?
"$host" status --state-dir "$work/state" --format json >stdout 2>stderr
check host-options-after 0 $?
for command in apply check status verify; do
  "$host" "$command" --help >stdout 2>stderr
  check "host-$command-help" 0 $?
  contains "host-$command-help-state-dir" stdout "--state-dir"
done
"$host" lint >stdout 2>stderr
check host-unknown-command 2 $?
contains host-unknown-command-named stderr "unknown command 'lint'"

sed -i 's/askFallback: deny, autoAllowSkills: false, layers: \[bootstrap, build\]/askFalback: deny, layers: [bootstrap, build]/' policies/environments/prod.yaml
"$clawgate" compile policies --out bad --at 2026-11-22T12:00:00Z --format text >stdout 2>stderr
check compile-error 1 $?
contains compile-error-location stderr "policies/environments/prod.yaml:8:"
contains compile-error-suggestion stderr "note: did you mean 'askFallback'?"
[[ ! -e bad ]]
check compile-error-writes-nothing 0 $?

chmod 000 policies/layers/build.yaml
if [[ $(id -u) -ne 0 ]]; then
  "$clawgate" compile policies --out unreadable --format text >stdout 2>stderr
  check unreadable-input 3 $?
fi
chmod 644 policies/layers/build.yaml

"$clawgate" --version >stdout
check version 0 $?
"$host" --version >stdout
check host-version 0 $?
[[ "$(cat stdout)" == "clawgate-host $("$clawgate" --version | cut -d' ' -f2)" ]]
check one-version 0 $?
if command -v ldd >/dev/null; then
  ! ldd "$host" | grep -Eq 'yaml-cpp|libgit2|boost'
  check host-links-no-compiler-libraries 0 $?
fi

# explain: the decision against the environment's host profile, with provenance.
rm -rf policies && cp -r "$root/policies" policies
"$clawgate" explain policies --env prod --agent main --at 2026-11-22T12:00:00Z -- /opt/homebrew/bin/git status >stdout 2>stderr
check explain-allows 0 $?
contains explain-names-entry stdout "from layers/build.yaml:5 (layer build, @example/build-eng)"
contains explain-names-host stdout "host built-in macOS"
"$clawgate" --format json explain --env prod --agent main policies --shell 'git push' >stdout 2>stderr
check explain-options-anywhere 1 $?
python3 -c 'import json; d=json.load(open("stdout")); assert d["decision"] == "prompt" and d["outcome"] == "deny", d'
check explain-json 0 $?
"$clawgate" explain policies --env prod --agent main >stdout 2>stderr
check explain-needs-a-command 2 $?
"$clawgate" explain --help >stdout 2>stderr
check explain-help 0 $?
contains explain-help-text stdout "host profile"

# test: the example policies' tests and examples all pass on their hosts.
rm -rf policies && cp -r "$root/policies" policies
"$clawgate" test policies --at 2026-11-22T12:00:00Z >stdout 2>stderr
check test-passes 0 $?
contains test-summary stdout " passed, 0 failed"
printf 'tests:\n  - {name: push runs, environment: prod, agent: main, command: git push, decision: allow}\n' \
  > policies/tests/wrong.yaml
"$clawgate" --format json test policies --at 2026-11-22T12:00:00Z >stdout 2>stderr
check test-fails 1 $?
python3 -c 'import json; d=json.load(open("stdout")); assert d["failed"] == 1, d'
check test-json 0 $?
rm policies/tests/wrong.yaml
# redteam: the example policies stop the built-in corpus everywhere; a user corpus adds to it.
"$clawgate" redteam policies --at 2026-11-22T12:00:00Z >stdout 2>stderr
check redteam-passes 0 $?
contains redteam-summary stdout " 0 failed"
printf '# a command the deploy layer allows\nscp x.tar.gz deploy@artifacts.example.internal:/srv/releases/\n' > corpus.txt
"$clawgate" redteam policies --corpus corpus.txt --format json --at 2026-11-22T12:00:00Z >stdout 2>stderr
check redteam-user-corpus-fails 1 $?
python3 -c 'import json; d=json.load(open("stdout")); assert all(f["source"] == "corpus.txt:2" for f in d["failures"]) and d["failures"], d'
check redteam-json 0 $?
# lint: the example policies are clean but for a warning about an expired grant;
# --strict makes that fail; a weak change fails in every format.
"$clawgate" lint policies --at 2026-11-22T12:00:00Z >stdout 2>stderr
check lint-passes 0 $?
contains lint-warns-expired-grant stdout "warning: break-glass 'INC-4790' expired"
"$clawgate" --strict lint policies --at 2026-11-22T12:00:00Z >stdout 2>stderr
check lint-strict-fails-on-warnings 1 $?
cp -r policies weak
printf '  - rule: /bin/bash -lc *\n    why: run anything\n' >> weak/layers/build.yaml
"$clawgate" lint weak --at 2026-11-22T12:00:00Z >stdout 2>stderr
check lint-weak-fails 1 $?
contains lint-text-quotes-the-rule stdout "  - rule: /bin/bash -lc *"
"$clawgate" lint weak --format github --at 2026-11-22T12:00:00Z >stdout 2>stderr
check lint-github 1 $?
contains lint-github-command stdout "::error file=weak/layers/build.yaml,line="
"$clawgate" lint weak --format json --at 2026-11-22T12:00:00Z >stdout 2>stderr
python3 -c 'import json; d=json.load(open("stdout")); assert not d["ok"] and any(x["code"] == "CG310" for x in d["diagnostics"]), d'
check lint-json 0 $?
"$clawgate" compile weak --out weak-out --at 2026-11-22T12:00:00Z >stdout 2>stderr
check compile-refuses-lint-errors 1 $?
[[ ! -e weak-out ]]
check compile-refusal-writes-nothing 0 $?
# A flag before the command name is a flag, not an option taking the command as its value.
"$clawgate" --unattended explain policies --env prod --agent main --at 2026-11-22T12:00:00Z -- git status >stdout 2>stderr
check flag-before-command 0 $?
# inventory -> a host profile CI decides against: this machine's /usr/bin.
"$host" inventory --name ci-host --path /usr/bin:/bin --state-dir "$work/no-state" >policies/hosts-ci.yaml 2>stderr
check inventory-yaml 0 $?
mkdir -p policies/hosts && mv policies/hosts-ci.yaml policies/hosts/ci-host.yaml
sed -i 's|^state_dir: ~/.openclaw-prod$|state_dir: ~/.openclaw-prod\nhost: ci-host|' policies/environments/prod.yaml
# This Linux machine has no Homebrew: the entries' own examples fail on its
# profile, and compile refuses to write artifacts for it (CG315).
"$clawgate" compile policies --out with-host --at 2026-11-22T12:00:00Z >stdout 2>stderr
check inventory-profile-examples-fail 1 $?
contains inventory-profile-names-examples stderr "example 'git status' of '/opt/homebrew/bin/git"
[[ ! -e with-host ]]
check inventory-profile-writes-nothing 0 $?
"$clawgate" explain policies --env prod --agent main -- uptime >stdout 2>stderr
check explain-on-inventoried-host 0 $?
contains explain-resolves-on-that-host stdout "host ci-host"
"$host" inventory --format json --name ci-host --path /usr/bin --state-dir "$work/no-state" >stdout 2>stderr
python3 -c 'import json; d=json.load(open("stdout")); assert d["host_profile"] == "ci-host" and d["executables"], d'
check inventory-json 0 $?
"$host" inventory --name Not_Valid --state-dir "$work/no-state" >stdout 2>stderr
check inventory-bad-name 2 $?

echo "cli_end_to_end: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
