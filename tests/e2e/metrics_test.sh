#!/usr/bin/env bash
# clawgate-host metrics end to end, and the shipped Prometheus rules:
#   - a generated log with events on every window edge gives the known
#     figures in text, JSON and Prometheus text (promtool check metrics);
#   - exit 1 exactly when an alert fires; malformed lines are reported with
#     their file and line and the rest is still read; a rotated set gives
#     the same answer in any order; unreadable input exits 3;
#   - promtool check rules and the rules' own unit tests pass, and the
#     figures the command exports, fed to Prometheus's rule engine, fire
#     the same alerts the command reports.
# Usage: metrics_test.sh BIN_DIR
set -uo pipefail
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=check_lib.sh
source "$root/tests/e2e/check_lib.sh"
m() { "$bin/clawgate-host" metrics --state-dir "$work/state" --host mini-1 "$@" > "$work/out" 2>&1; }

# T = 2026-11-29T12:00:00Z. Times below are relative to it, in ms.
python3 - "$work" <<'EOF'
import json, pathlib, sys
work = pathlib.Path(sys.argv[1])
T = 1795953600000
MIN, HOUR = 60000, 3600000
def requested(i, at, expires=None):
    p = {"approvalKind": "exec", "id": f"ap-{i}", "createdAtMs": at,
         "request": {"command": "git push", "commandArgv": ["git", "push"], "agentId": "build", "host": "gateway"}}
    if expires is not None:
        p["expiresAtMs"] = expires
    return {"type": "event", "event": "exec.approval.requested", "payload": p, "seq": i}
def resolved(i, at):
    return {"type": "event", "event": "exec.approval.resolved",
            "payload": {"id": f"ap-{i}", "decision": "allow-once", "ts": at, "request": {"command": "git push"}}}
def node(event, at, **extra):
    p = {"sessionKey": "agent:build:main", "runId": f"r{at}", "host": "node", "command": "make"}
    p.update(extra)
    return {"ts": at, "event": event, "payloadJSON": json.dumps(p)}
lines = []
# 39 answered approval requests in (T-1h, T], one exactly at T-1h (out), one after T (out).
for i in range(39):
    at = T - i * MIN
    lines += [requested(i, at - 1000), resolved(i, at)]
lines += [requested(100, T - HOUR), resolved(100, T - HOUR + 1), requested(101, T + 1), resolved(101, T + 2)]
# 6 pending: five over 10 minutes (hours ago), one exactly 10 minutes (the
# 40th request of the hour); one lapsed at T.
for i in range(5):
    lines.append(requested(200 + i, T - 11 * MIN - 2 * HOUR))
lines.append(requested(205, T - 10 * MIN))
lines.append(requested(206, T - 30 * MIN - 2 * HOUR, expires=T))
# 20 attempts over the day, 3 denied (15%); one denial exactly 24 h old (out).
for i in range(17):
    lines.append(node("exec.finished", T - i * HOUR, exitCode=0, timedOut=False, success=True, output=""))
for i in range(3):
    lines.append(node("exec.denied", T - i * 7 * HOUR - 5, reason="approval-required"))
lines.append(node("exec.denied", T - 24 * HOUR, reason="approval-required"))
lines.append({"ts": "2026-11-29T11:00:00Z", "event": "apply", "env": "prod", "revision": 4})
text = [json.dumps(l) for l in lines]
text.insert(3, "this is not json")
(work / "quiet.jsonl").write_text("\n".join(text) + "\n")
# The same log split as a rotated set (oldest in .2).
third = len(text) // 3
rot = work / "rot"
rot.mkdir()
(rot / "events.jsonl.2").write_text("\n".join(text[:third]) + "\n")
(rot / "events.jsonl.1").write_text("\n".join(text[third:2 * third]) + "\n")
(rot / "events.jsonl").write_text("\n".join(text[2 * third:]) + "\n")
# One more of each: 41 requests, 4 of 21 denied, 6 waiting too long.
more = [requested(300, T - 11 * MIN), node("exec.denied", T - 3, reason="approval-required")]
(work / "loud.jsonl").write_text("\n".join(text + [json.dumps(l) for l in more]) + "\n")
EOF
at=2026-11-29T12:00:00Z

m --events "$work/quiet.jsonl" --at "$at"
check quiet-exit-0 0 $?
contains quiet-hour "approval requests, last hour:     40 (alert above 40 on this unattended host) ok"
contains quiet-day "denied exec attempts, last 24 h:  3 of 20 (15.0%, alert above 15%) ok"
contains quiet-backlog "approvals pending:                6, 5 waiting over 10 minutes (alert above 5) ok"
contains quiet-malformed "$work/quiet.jsonl:4: malformed event: not JSON"

m --events "$work/loud.jsonl" --at "$at"
check loud-exit-1 1 $?
contains loud-hour "approval requests, last hour:     41 (alert above 40 on this unattended host) ALERT"
contains loud-day "denied exec attempts, last 24 h:  4 of 21 (19.0%, alert above 15%) ALERT"
contains loud-backlog "approvals pending:                7, 6 waiting over 10 minutes (alert above 5) ALERT"

m --events "$work/loud.jsonl" --at "$at" --attended --format json
check attended-still-alerts 1 $?
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["alerts"]==["denied_share","approval_backlog"], d; assert d["approval_requests_last_hour"]==41; assert d["malformed"]==[{"file":sys.argv[2],"line":4,"message":"not JSON"}], d' \
  "$work/out" "$work/loud.jsonl" > "$work/err" 2>&1
check json-figures 0 $?

# Options before the command name, like every command.
"$bin/clawgate-host" --format json --at "$at" --state-dir "$work/state" metrics --events "$work/quiet.jsonl" > "$work/a.json"
check options-before-the-command 0 $?
m --format json --at "$at" --events "$work/rot/events.jsonl" "$work/rot/events.jsonl.1" "$work/rot/events.jsonl.2"
check rotated-set 0 $?
python3 - "$work/a.json" "$work/out" > "$work/err" 2>&1 <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for d in (a, b):
    d.pop("malformed")
assert a == b, (a, b)
EOF
check rotated-set-same-figures 0 $?

m --events "$work/loud.jsonl" --at "$at" --format prometheus
check prometheus-exit 1 $?
grep -v '^[^#].*malformed event' "$work/out" | promtool check metrics > "$work/err" 2>&1
check promtool-check-metrics 0 $?

m --events "$work/nonexistent.jsonl" --at "$at"
check unreadable-exit-3 3 $?
m --at "$at"
check events-required 2 $?
"$bin/clawgate-host" metrics --help > "$work/out" 2>&1
check help 0 $?
contains help-names-events "--events"

# The rules: syntax, their own unit tests, then the command's figures at two
# instants (quiet, then loud) through Prometheus's rule engine.
promtool check rules "$root/prometheus/clawgate-alerts.yml" > "$work/out" 2>&1
check promtool-check-rules 0 $?
promtool test rules "$root/prometheus/clawgate-alerts.test.yml" > "$work/out" 2>&1
check promtool-test-rules 0 $?
"$bin/clawgate-host" metrics --state-dir "$work/state" --host mini-1 --events "$work/quiet.jsonl" --at "$at" \
  --format prometheus > "$work/quiet.prom" 2> /dev/null
"$bin/clawgate-host" metrics --state-dir "$work/state" --host mini-1 --events "$work/loud.jsonl" --at "$at" \
  --format prometheus > "$work/loud.prom" 2> /dev/null
python3 - "$work" "$root/prometheus/clawgate-alerts.yml" <<'EOF' > "$work/out" 2>&1
import pathlib, re, sys
work, rules = pathlib.Path(sys.argv[1]), sys.argv[2]
def samples(path):
    out = {}
    for line in (work / path).read_text().splitlines():
        if line and not line.startswith("#"):
            m = re.fullmatch(r'(\w+)\{host="([^"]*)"\} (\S+)', line)
            out[m.group(1)] = m.group(3)
    return out
quiet, loud = samples("quiet.prom"), samples("loud.prom")
series = []
for name in quiet:
    # A quiet minute, then the loud log; the timestamp metric stays fresh.
    if name == "clawgate_metrics_timestamp_seconds":
        values = "0 60"
    else:
        values = f"{quiet[name]} {loud[name]}"
    series.append(f"      - series: '{name}{{host=\"mini-1\",instance=\"mini-1:9100\",job=\"node\"}}'\n        values: \"{values}\"")
tests = []
for alert in ("ClawgateApprovalRequestsHigh", "ClawgateExecDenialsHigh", "ClawgateApprovalBacklog"):
    tests.append(f"      - eval_time: 0m\n        alertname: {alert}\n        exp_alerts: []")
(work / "bridge.test.yml").write_text(
    f"rule_files:\n  - {rules}\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n"
    + "\n".join(series) + "\n    alert_rule_test:\n" + "\n".join(tests) + "\n")
EOF
check bridge-generated 0 $?
promtool test rules "$work/bridge.test.yml" > "$work/out" 2>&1
check bridge-quiet-fires-nothing 0 $?
# And at the loud minute, each of the three fires: expected alerts with their labels.
python3 - "$work/bridge.test.yml" <<'EOF' > "$work/out" 2>&1
import sys
path = sys.argv[1]
text = open(path).read()
for alert in ("ClawgateApprovalRequestsHigh", "ClawgateExecDenialsHigh", "ClawgateApprovalBacklog"):
    text = text.replace(
        f"      - eval_time: 0m\n        alertname: {alert}\n        exp_alerts: []",
        f"      - eval_time: 1m\n        alertname: {alert}\n        exp_alerts:\n"
        f"          - exp_labels: {{severity: page, host: mini-1, instance: \"mini-1:9100\", job: node}}")
open(path.replace(".test.yml", "-loud.test.yml"), "w").write(text)
EOF
# promtool compares annotations too; only the labels are asserted here, so
# annotations are dropped from a copy of the rules.
python3 - "$root/prometheus/clawgate-alerts.yml" "$work/rules-bare.yml" <<'EOF'
import sys, yaml
rules = yaml.safe_load(open(sys.argv[1]))
for group in rules["groups"]:
    for rule in group["rules"]:
        rule.pop("annotations", None)
yaml.safe_dump(rules, open(sys.argv[2], "w"))
EOF
sed -i "s|  - $root/prometheus/clawgate-alerts.yml|  - $work/rules-bare.yml|" "$work/bridge-loud.test.yml"
promtool test rules "$work/bridge-loud.test.yml" > "$work/out" 2>&1
check bridge-loud-fires-all-three 0 $?

echo "metrics_end_to_end: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
