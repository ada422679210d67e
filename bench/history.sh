#!/usr/bin/env bash
# Scripted benchmarks of the commands that read git history, each timed as a
# whole process (wall time and peak memory) on generated repositories:
#   - `clawgate drift` over COMMITS commits of the example policies, every
#     commit changing what both environments compile to (the worst case: no
#     two commits share a policy tree, so each is compiled), a fleet of five
#     regions with hosts one revision behind;
#   - `clawgate diff` between two revisions of a generated ENTRIES-entry tree
#     (the compile benchmark's tree, 25 entries per layer and agent): 1% of
#     the entries changed (an argument more), both revisions bumped.
# Prints a Markdown table. Usage: history.sh BIN_DIR [COMMITS] [ENTRIES]
set -euo pipefail
bin=$(cd "${1:?usage: history.sh BIN_DIR [COMMITS] [ENTRIES]}" && pwd)
commits=${2:-2000}
entries=${3:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
at=2026-11-22T12:00:00Z
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

# timed LABEL SIZE CMD...: runs CMD (exit 0 or 1: a finding is not a failure
# here), prints a table row with its wall time and peak memory.
timed() {
  local label=$1 size=$2
  shift 2
  python3 - "$label" "$size" "$@" <<'PY'
import resource, subprocess, sys, time
label, size, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
start = time.monotonic()
run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
seconds = time.monotonic() - start
if run.returncode not in (0, 1):
    sys.exit("history.sh: %s exited %d: %s" % (label, run.returncode, run.stderr.decode()[-2000:]))
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("| `clawgate %s` | %s | %.2f s | %.1f MiB |" % (label, size, seconds, rss / 1024))
PY
}

echo "| command | size | wall time | peak memory |"
echo "| --- | ---: | ---: | ---: |"

# --- drift: COMMITS commits of the example policies -----------------------------
drift_bench() {
  local repo="$work/history"
  git init -q -b main "$repo"
  python3 - "$root/policies" "$commits" <<'PY' | git -C "$repo" fast-import --quiet
import os, re, sys
policies, commits = sys.argv[1], int(sys.argv[2])
files = {}
for folder, _, names in os.walk(policies):
    for name in names:
        path = os.path.join(folder, name)
        files[os.path.relpath(path, os.path.dirname(policies))] = open(path, "rb").read()
build = files["policies/layers/build.yaml"]
envs = {p: t for p, t in files.items() if p.startswith("policies/environments/")}

def blob(path, data):
    return b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)

out = sys.stdout.buffer
for i in range(commits):
    message = b"change %d" % i
    out.write(b"commit refs/heads/main\ncommitter bench <bench@example.com> %d +0000\n" % (1795000000 + i * 60))
    out.write(b"data %d\n%s\n" % (len(message), message))
    if i == 0:
        for path, data in sorted(files.items()):
            out.write(blob(path, data))
        continue
    # A rotating tool in the build layer, and every environment's revision up.
    out.write(blob("policies/layers/build.yaml",
                   build + b"  - rule: /usr/local/bin/rotating-%d\n    why: change %d\n" % (i, i)))
    for path, text in envs.items():
        out.write(blob(path, re.sub(rb"^revision: (\d+)", lambda m: b"revision: %d" % (int(m.group(1)) + i),
                                    text, count=1, flags=re.M)))
PY
  git -C "$repo" reset -q --hard main
  # The fleet: every environment in five regions, three hosts each; hk one
  # revision behind (what the tip's parent compiles to), the rest at the tip.
  for rev in HEAD HEAD~1; do
    mkdir -p "$work/src-$rev"
    git -C "$repo" archive "$rev" policies | tar -x -C "$work/src-$rev"
    "$bin/clawgate" compile "$work/src-$rev/policies" --out "$work/out-$rev" --at "$at" > /dev/null 2> "$work/compile.err" \
      || { cat "$work/compile.err" >&2; exit 1; }
  done
  python3 - "$work" > "$work/fleet.jsonl" <<'PY'
import json, os, re, sys
work = sys.argv[1]
for env in sorted(os.listdir(os.path.join(work, "out-HEAD"))):
    for region in ["hk", "jp", "kr", "sg", "us"]:
        rev = "HEAD~1" if region == "hk" else "HEAD"
        manifest = json.load(open(os.path.join(work, "out-" + rev, env, "manifest.json")))
        source = open(os.path.join(work, "src-" + rev, "policies", "environments", env + ".yaml")).read()
        revision = int(re.search(r"^revision: (\d+)", source, re.M).group(1))
        for n in range(3):
            print(json.dumps({"env": env, "region": region, "host": "%s-%d" % (region, n), "revision": revision,
                              "digest": manifest["policy_digest"], "drift": False,
                              "reported_at": "2026-11-22T11:00:00Z"}))
PY

  timed drift "$(printf "%'d" "$commits") commits" \
    "$bin/clawgate" drift --repo "$repo" --status "$work/fleet.jsonl" --at "$at"
}

# --- diff: two revisions of an ENTRIES-entry tree --------------------------------
diff_bench() {
  local tree="$work/tree"
  git init -q -b main "$tree"
  "$bin/clawgate_bench_tree" "$entries" "$tree/policies"
  git -C "$tree" add -A && git -C "$tree" commit -q -m base
  python3 - "$tree/policies" <<'PY'
import os, re, sys
policies = sys.argv[1]
n = 0
for name in sorted(os.listdir(os.path.join(policies, "layers"))):  # every hundredth entry: one argument more
    path = os.path.join(policies, "layers", name)
    lines = open(path).read().split("\n")
    for i, line in enumerate(lines):
        if line.startswith("  - rule: "):
            if n % 100 == 0:
                lines[i] = line + " --changed"
            n += 1
    open(path, "w").write("\n".join(lines))
for env in ("prod", "staging"):
    path = os.path.join(policies, "environments", env + ".yaml")
    text = open(path).read()
    text = re.sub(r"^revision: (\d+)", lambda m: "revision: %d" % (int(m.group(1)) + 1), text, count=1, flags=re.M)
    open(path, "w").write(text)
PY
  git -C "$tree" add -A && git -C "$tree" commit -q -m head
  timed diff "$(printf "%'d" "$entries") entries" "$bin/clawgate" diff HEAD~1 HEAD --repo "$tree" --at "$at"
  timed "diff --format markdown" "$(printf "%'d" "$entries") entries" \
    "$bin/clawgate" diff HEAD~1 HEAD --repo "$tree" --at "$at" --format markdown
}

if ((commits > 0)); then drift_bench; fi
if ((entries > 0)); then diff_bench; fi
