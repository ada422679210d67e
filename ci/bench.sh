#!/usr/bin/env bash
# Builds the benchmarks (Release, in build-bench/), runs them, and prints a
# Markdown table with the commit and the machine: time per operation,
# operations per second and each benchmark program's peak memory.
# Then `clawgate replay` end to end on generated events (bench/make_events.py):
# wall time, events per second and peak memory.
# Then bench/history.sh: `clawgate drift` over a generated history of N
# commits and `clawgate diff` between two revisions of a generated tree.
# With --openclaw, bench/compare_openclaw.sh: the real OpenClaw and clawgate
# side by side on one corpus (same answers required), with the ratio.
# Each benchmark runs --repetitions times (default 5): the table shows the
# median and the range, as one run on a shared machine can be slowed by
# its neighbours.
# Usage: bench.sh [--filter REGEX] [--min-time SECONDS] [--repetitions N]
#                 [--replay-events N] [--history-commits N] [--diff-entries N]
#                 [--openclaw]
# (0 skips replay, drift or diff).
# Never part of the test run (speed is shown here, not asserted in tests).
set -euo pipefail
cd "$(dirname "$0")/.."
filter="" min_time=1 repetitions=5 replay_events=1000000 history_commits=2000 diff_entries=10000 openclaw=0
while (($#)); do
  case $1 in
    --filter) filter=${2:?}; shift 2 ;;
    --min-time) min_time=${2:?}; shift 2 ;;
    --repetitions) repetitions=${2:?}; shift 2 ;;
    --replay-events) replay_events=${2:?}; shift 2 ;;
    --history-commits) history_commits=${2:?}; shift 2 ;;
    --diff-entries) diff_entries=${2:?}; shift 2 ;;
    --openclaw) openclaw=1; shift ;;
    -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
bash ci/setup.sh
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/clawgate/ccache}
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLAWGATE_BUILD_TESTS=OFF \
  -DCLAWGATE_BENCHMARKS=ON > /dev/null
cmake --build build-bench --parallel "$(nproc)" --target clawgate_bench_decide clawgate_bench_compile clawgate clawgate_compare_decide clawgate_bench_tree >&2
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
for program in clawgate_bench_decide clawgate_bench_compile; do
  echo "bench: running $program" >&2
  # Peak memory of the whole program (getrusage of the child), beside its JSON.
  python3 - "build-bench/bin/$program" "$results/$program" "$filter" "$min_time" "$repetitions" <<'PY'
import json, resource, subprocess, sys
program, out, filt, min_time, repetitions = sys.argv[1:6]
args = [program, "--benchmark_format=json", "--benchmark_out=" + out + ".json",
        "--benchmark_min_time=%s" % min_time, "--benchmark_repetitions=%s" % repetitions]
if filt:
    args.append("--benchmark_filter=" + filt)
subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
json.dump({"max_rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}, open(out + ".rss", "w"))
PY
done
commit=$(git rev-parse --short=12 HEAD)
git diff --quiet HEAD -- . ':!build-bench' 2> /dev/null || commit+=" (with uncommitted changes)"
python3 - "$results" "$commit" <<'PY'
import glob, json, os, platform, sys
results, commit = sys.argv[1:3]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
print("Commit %s; %s, %d cores, %s %s; Release build." % (commit, cpu, os.cpu_count(), platform.system(), platform.release()))
print()
print("| benchmark | entries | time per operation (median) | range over runs | items per second (median; decisions, entries compiled) | program peak memory |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
def shown(t):
    return "{:,.2f}".format(t) if t < 10 else "{:,.1f}".format(t) if t < 100 else "{:,.0f}".format(t)
for path in sorted(glob.glob(os.path.join(results, "*.json"))):
    if os.path.getsize(path) == 0:
        continue  # --filter matched nothing in this program
    data = json.load(open(path))
    rss = json.load(open(path[:-5] + ".rss"))["max_rss_kib"]
    runs = {}  # run name -> its repetitions, in order
    for b in data["benchmarks"]:
        if b.get("error_occurred"):
            print("| %s | | error: %s | | | |" % (b["name"], b.get("error_message", "")))
            continue
        if b.get("run_type") == "aggregate":
            continue
        runs.setdefault(b["run_name"], []).append(b)
    for name, reps in runs.items():
        unit = reps[0]["time_unit"]
        times = sorted(r["real_time"] for r in reps)
        rates = sorted(r.get("items_per_second", 0) for r in reps)
        median = lambda xs: (xs[(len(xs) - 1) // 2] + xs[len(xs) // 2]) / 2
        entries = int(reps[0].get("entries", 0))
        rate = "{:,.0f}".format(median(rates)) if rates[-1] else ""
        spread = "%s–%s %s" % (shown(times[0]), shown(times[-1]), unit) if len(times) > 1 else ""
        print("| %s | %s | %s %s | %s | %s | %.1f MiB |" % (name.split("/")[0], "{:,}".format(entries), shown(median(times)), unit,
                                                        spread, rate, rss / 1024))
PY

# Replay end to end: the example policy, N generated events, one process.
if ((replay_events > 0)); then
  echo "bench: replay of $replay_events events" >&2
  python3 bench/make_events.py "$replay_events" "$results/events.jsonl"
  python3 - build-bench/bin/clawgate "$results/events.jsonl" "$replay_events" <<'PY'
import resource, subprocess, sys, time
clawgate, events, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for label, extra in (("replay", []), ("replay --against HEAD", ["--against", "HEAD"])):
    start = time.monotonic()
    subprocess.run([clawgate, "replay", "policies", "--events", events, "--at", "2026-11-22T12:00:00Z"] + extra,
                   check=True, stdout=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if label == "replay":
        print()
        print("| command | events | wall time | events per second | peak memory (so far) |")
        print("| --- | ---: | ---: | ---: | ---: |")
    print("| `clawgate %s` | {:,} | %.2f s | {:,.0f} | %.1f MiB |".format(n, n / seconds) % (label, seconds, rss / 1024))
PY
fi

# Drift over a history and diff of two large revisions, end to end.
if ((history_commits > 0 || diff_entries > 0)); then
  echo "bench: drift over $history_commits commits, diff of $diff_entries entries" >&2
  echo
  bash bench/history.sh build-bench/bin "$history_commits" "$diff_entries"
fi

if ((openclaw)); then
  echo "bench: side by side with OpenClaw" >&2
  echo
  bash bench/compare_openclaw.sh build-bench/bin
fi
