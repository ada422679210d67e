#!/usr/bin/env bash
# clawgate drift --prometheus against a real Prometheus (Debian's
# `prometheus`), scraping one real node exporter (`prometheus-node-exporter`)
# per simulated host, each with its textfile collector fed by
# `clawgate-host status --format prometheus`; all on loopback ports. A fleet
# at lag 0/1 passes; moving one region back to revision 3 fails.
# Usage: prometheus_drift_test.sh BIN_DIR
set -uo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in prometheus prometheus-node-exporter; do
  command -v "$tool" > /dev/null || { echo "prometheus_drift_test: $tool is not installed (ci/setup.sh installs it)"; exit 1; }
done
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2> /dev/null; done; wait 2> /dev/null; rm -rf "$work"; }
trap cleanup EXIT
# shellcheck source=fleet_lib.sh
source "$root/tests/e2e/fleet_lib.sh"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# hk-1 and hk-2 applied revision 5 while its grant was active; no revert has run.
host_apply hk-1 "$work/out-5/prod" 2026-11-22T09:00:00Z
host_apply hk-2 "$work/out-5/prod" 2026-11-22T09:00:00Z
host_apply jp-1 "$work/out-4/prod"
host_apply jp-old "$work/out-3/prod"
targets=()
publish() {  # host region [as]: the host's textfile, written atomically as node exporter expects
  local dir="$work/textfile/${3:-$1}"
  mkdir -p "$dir"
  HOME="$work/hosts/$1/home" "$bin/clawgate-host" --state-dir "$work/hosts/$1/state" status --region "$2" \
    --host "${3:-$1}" --format prometheus > "$dir/clawgate.prom.tmp" 2> /dev/null
  mv "$dir/clawgate.prom.tmp" "$dir/clawgate.prom"
}
for spec in hk-1:hk hk-2:hk jp-1:jp; do
  name=${spec%%:*}
  publish "$name" "${spec##*:}"
  port=$(free_port)
  prometheus-node-exporter --web.listen-address="127.0.0.1:$port" --collector.disable-defaults \
    --collector.textfile --collector.textfile.directory="$work/textfile/$name" > "$work/$name.log" 2>&1 &
  pids+=($!)
  targets+=("\"127.0.0.1:$port\"")
done
prom_port=$(free_port)
cat > "$work/prometheus.yml" <<YAML
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: clawgate-hosts
    static_configs: [{targets: [$(IFS=,; echo "${targets[*]}")]}]
YAML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" > "$work/prometheus.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$prom_port"

# Wait until Prometheus has scraped every host.
wait_for() {  # expected number of clawgate_policy_info series
  for _ in $(seq 1 120); do
    n=$(python3 - "$url" <<'PY' 2> /dev/null
import json, sys, urllib.request
d = json.load(urllib.request.urlopen(sys.argv[1] + "/api/v1/query?query=clawgate_policy_info", timeout=2))
print(len(d["data"]["result"]))
PY
    )
    [[ $n == "$1" ]] && return 0
    sleep 0.5
  done
  echo "prometheus_drift_test: Prometheus never saw $1 hosts"; tail -5 "$work/prometheus.log"; return 1
}
wait_for 3 || exit 1

failures=0
"$bin/clawgate" drift --repo "$repo" --prometheus "$url" > "$work/out" 2>&1
rc=$?
[[ $rc -eq 0 ]] || { echo "FAIL fleet at lag 0 and 1: exit $rc"; cat "$work/out"; failures=$((failures + 1)); }
grep -qF "prod       jp      4         1    1      ok" "$work/out" || { echo "FAIL jp row"; cat "$work/out"; failures=$((failures + 1)); }

# jp-1 now reports what the host at revision 3 runs: two behind.
publish jp-old jp jp-1
for _ in $(seq 1 120); do
  "$bin/clawgate" drift --repo "$repo" --prometheus "$url" --format json > "$work/out" 2>&1
  rc=$?
  [[ $rc -eq 1 ]] && break
  sleep 0.5
done
[[ $rc -eq 1 ]] || { echo "FAIL lag 2 never failed: exit $rc"; cat "$work/out"; failures=$((failures + 1)); }
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=[x for x in d["regions"] if x["region"]=="jp"][0]; assert r["lag"] == 2 and r["verdict"] == "behind", r' "$work/out" \
  || { echo "FAIL lag 2 verdict"; failures=$((failures + 1)); }

# An unreachable Prometheus is an I/O failure, not a pass.
"$bin/clawgate" drift --repo "$repo" --prometheus "http://127.0.0.1:$(free_port)" > "$work/out" 2>&1
rc=$?
[[ $rc -eq 3 ]] || { echo "FAIL unreachable Prometheus: exit $rc"; cat "$work/out"; failures=$((failures + 1)); }

echo "prometheus_drift_test: $((4 - failures)) of 4 passed"
[[ $failures -eq 0 ]]
