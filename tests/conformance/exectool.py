#!/usr/bin/env python3
"""Final-outcome conformance: clawgate's decision and unattended outcome
against what OpenClaw 2026.9's real exec tool does on a gateway host where
nobody answers an approval.

Usage: exectool.py NODE OPENCLAW_DIR DECIDE_CASES [--record DIR]
       exectool.py --replay DIR DECIDE_CASES

Runs, in a scratch HOME under /tmp/clawgate-exectool:
  1. the sandbox of the decision suite (stub executables in two PATH folders,
     a HOME, a work folder), plus the files this layer's cases name;
  2. one approvals document with an agent per policy setting (security x ask x
     askFallback) and allowlist, applied with `openclaw approvals set`;
  3. `openclaw gateway run` on a free loopback port (token auth), so approval
     requests register and, with no approval client connected, settle through
     askFallback the way the package settles them;
  4. exectool.mjs: every case through the package's exec tool;
  5. decide_cases: every case through clawgate's engine, with the PATH the
     exec tool really used (it puts the login shell's PATH in front).
Every case must agree on the outcome (the command ran or not) and on whether
an approval was requested (decision "prompt"). Where clawgate does not
reproduce the package it answers `unknown` with the reason: such cases are
listed by reason and never count as agreement (test and redteam fail on
them). --record writes the reference answers and the file-system answers
clawgate needed to DIR; --replay decides them again offline, against that
snapshot, so the fast and sanitizer stages check them without Node.js.
"""
import collections
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_cases  # noqa: E402  (the shared sandbox)

ROOT = "/tmp/clawgate-exectool"
SANDBOX = f"{ROOT}/sandbox"
HOME = f"{ROOT}/home"

SECURITY = ["deny", "allowlist", "full"]
ASK = ["off", "on-miss", "always"]


def allowlists():
    s = SANDBOX
    return {
        "system": [{"pattern": "/usr/bin/echo"}, {"pattern": "/usr/bin/ls"}, {"pattern": "/usr/bin/cat"},
                   {"pattern": "/usr/bin/python3*"}, {"pattern": f"{s}/bin1/tool"}],
        "shells": [{"pattern": "/usr/bin/sh"}, {"pattern": "/usr/bin/bash"}, {"pattern": "/usr/bin/dash"},
                   {"pattern": "/usr/bin/echo"}, {"pattern": "/usr/bin/ls"}],
        "wildcard": [{"pattern": "*"}],
    }


def commands():
    s = SANDBOX
    return [
        # plain, missing, chains, pipes
        "echo hi", "/usr/bin/echo hi", "ls", "cat data.txt", "tool", f"{s}/bin1/tool --flag", "git status",
        "missing-binary", "echo a && ls", "echo a && git status", "echo a | cat", "echo a; missing-binary",
        # heredocs and here-strings
        "cat <<EOF\nx\nEOF", "cat <<'EOF'\nx\nEOF", "cat <<< hi",
        # expansions, substitutions, redirections
        "echo $HOME", "echo ~", "echo *.txt", "echo $(id)", "echo `id`", "ls > out.txt", "cat < data.txt",
        "ls 2>/dev/null",
        # shell wrappers (the enforced plan) and scripts
        "sh -c 'echo hi'", "bash -c 'echo hi && ls'", "sh -c 'git status'", "sh ./scripts/run.sh",
        "sh ./scripts/missing.sh", "bash -lc 'echo hi'",
        # interpreters and inline evaluation
        "python3 -c 'print(1)'", "python3 ./scripts/run.sh", "python3 missing.py",
        # dispatch wrappers
        "env echo hi", "nice echo hi", "timeout 5 echo hi",
        # the security audit's suppressions
        "echo security.audit.suppressions", "cat security-audit-suppressions.txt",
        # binding: blocked wrappers, sourcing, cwd changes, unresolvable executables behind wrappers
        "sudo ls", "nice missing-binary", ". ./scripts/run.sh", "cd /tmp && ls", "true && echo hi",
        "python3 -c 'print(1)' && ls",
    ]


# Commands of the decision suite that would wait for input or run forever.
LONG_RUNNING = {"watch ls", "echo a | tail -f", "tail -F", "sh", "bash"}


def broad_commands():
    """Every command of the decision suite, each under a rotation of agents."""
    return [c for c in gen_cases.commands(SANDBOX) if c not in LONG_RUNNING]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    if sys.argv[1] == "--replay":
        sys.exit(replay(sys.argv[2], os.path.abspath(sys.argv[3])))
    node, openclaw_dir, decide = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    record = sys.argv[sys.argv.index("--record") + 1] if "--record" in sys.argv else None
    shutil.rmtree(ROOT, ignore_errors=True)
    os.makedirs(HOME)
    gen_cases.make_sandbox(SANDBOX)
    with open(f"{SANDBOX}/bin2/sudo", "w") as f:  # a stub: runs nothing
        f.write("#!/bin/sh\nexit 0\n")
    os.chmod(f"{SANDBOX}/bin2/sudo", 0o755)
    for name in ("data.txt", "security-audit-suppressions.txt"):
        with open(f"{SANDBOX}/work/{name}", "w") as f:
            f.write("x\n")
    cwd = f"{SANDBOX}/work"
    request_path = f"{SANDBOX}/bin1:{SANDBOX}/bin2:/usr/bin:/bin"
    env = {"HOME": HOME, "PATH": request_path, "SHELL": "/bin/sh", "LANG": "C.UTF-8", "TZ": "UTC",
           "OPENCLAW_GATEWAY_TOKEN": "clawgate-conformance"}
    openclaw = f"{openclaw_dir}/openclaw.mjs"

    agents, documents = {}, {}
    for (name, entries), security, ask, fallback in itertools.product(allowlists().items(), SECURITY, ASK, SECURITY):
        agent = f"{security}.{ask}.{fallback}.{name}"
        agents[agent] = {"security": security, "ask": ask, "askFallback": fallback, "allowlist": entries}
        documents[agent] = {"version": 1, "defaults": {"security": "deny", "ask": "on-miss", "askFallback": "deny"},
                            "agents": {agent: agents[agent]}}
    # A full/off agent with no allowlist tells which PATH the tool really uses.
    agents["probe"] = {"security": "full", "ask": "off"}
    doc = {"version": 1, "defaults": {"security": "deny", "ask": "on-miss", "askFallback": "deny"}, "agents": agents}
    with open(f"{ROOT}/approvals.json", "w") as f:
        json.dump(doc, f)
    subprocess.run([node, openclaw, "approvals", "set", "--file", f"{ROOT}/approvals.json"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)

    port = free_port()
    gateway_log = open(f"{ROOT}/gateway.log", "w")
    gateway = subprocess.Popen([node, openclaw, "gateway", "run", "--allow-unconfigured", "--auth", "token",
                                "--token", env["OPENCLAW_GATEWAY_TOKEN"], "--bind", "loopback", "--port", str(port)],
                               env=env, cwd=ROOT, stdout=gateway_log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    env["OPENCLAW_GATEWAY_PORT"] = str(port)
    try:
        deadline = time.time() + 120
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if gateway.poll() is not None or time.time() > deadline:
                    print(open(f"{ROOT}/gateway.log").read()[-3000:])
                    sys.exit("exectool: the gateway did not start")
                time.sleep(0.5)
        time.sleep(2)  # approval handlers register after the port opens

        probe = subprocess.run([node, os.path.join(os.path.dirname(__file__), "exectool.mjs"), openclaw_dir, "-"],
                               input=json.dumps({"id": 0, "agent": "probe", "command": "printenv PATH", "cwd": cwd,
                                                 "print": True}) + "\n",
                               env=env, capture_output=True, text=True, check=True, cwd=ROOT)
        path = json.loads(probe.stdout.splitlines()[-1])["output"].strip()

        cases = []
        names = [a for a in agents if a != "probe"]
        pairs = list(itertools.product(names, commands()))
        rotation = itertools.count()
        for command in broad_commands():
            pairs += [(names[next(rotation) * 7 % len(names)], command) for _ in range(9)]
        for agent, command in pairs:
            cases.append({"id": len(cases), "agent": agent, "command": command, "cwd": cwd, "path": path,
                          "home": HOME, "document": documents[agent]})
        with open(f"{ROOT}/cases.jsonl", "w") as f:
            f.write("".join(json.dumps(c) + "\n" for c in cases))
        theirs = subprocess.run([node, os.path.join(os.path.dirname(__file__), "exectool.mjs"), openclaw_dir,
                                 f"{ROOT}/cases.jsonl"], env=env, capture_output=True, text=True, cwd=ROOT)
        if theirs.returncode != 0:
            print(theirs.stderr[-3000:])
            sys.exit("exectool: the reference run failed")
        with open(f"{ROOT}/reference.jsonl", "w") as f:
            f.write(theirs.stdout)
    finally:
        os.killpg(gateway.pid, 15)
        gateway.wait(timeout=30)

    fs_args = ["--record-fs", f"{ROOT}/fs.json"] if record else []
    ours = subprocess.run([decide, "openclaw-2026.9", f"{ROOT}/cases.jsonl"] + fs_args, capture_output=True,
                          text=True, check=True, cwd=cwd)
    reference = [json.loads(line) for line in theirs.stdout.splitlines()]
    clawgate = [json.loads(line) for line in ours.stdout.splitlines()]
    if record:
        os.makedirs(record, exist_ok=True)
        with open(f"{record}/answers.jsonl", "w") as f:
            f.write("".join(json.dumps({"id": r["id"], "agent": c["agent"], "command": c["command"],
                                        "outcome": r["outcome"], "prompted": r["prompted"]}) + "\n"
                            for c, r in zip(cases, reference)))
        with open(f"{record}/host.json", "w") as f:
            json.dump({"cwd": cwd, "path": path, "home": HOME}, f, indent=1)
        shutil.copy(f"{ROOT}/fs.json", f"{record}/fs.json")
    sys.exit(compare(cases, reference, clawgate))


def document_of(agent):
    security, ask, fallback, name = agent.split(".")
    policy = {"security": security, "ask": ask, "askFallback": fallback, "allowlist": allowlists()[name]}
    return {"version": 1, "defaults": {"security": "deny", "ask": "on-miss", "askFallback": "deny"},
            "agents": {agent: policy}}


def replay(golden, decide):
    host = json.load(open(f"{golden}/host.json"))
    reference = [json.loads(line) for line in open(f"{golden}/answers.jsonl")]
    cases = [{"id": r["id"], "agent": r["agent"], "command": r["command"], "cwd": host["cwd"], "path": host["path"],
              "home": host["home"], "document": document_of(r["agent"])} for r in reference]
    # A folder of its own: two replays at once (two build trees) must not share files.
    scratch = tempfile.mkdtemp(prefix="clawgate-exectool-replay-")
    path = f"{scratch}/cases.jsonl"
    with open(path, "w") as f:
        f.write("".join(json.dumps(c) + "\n" for c in cases))
    try:
        ours = subprocess.run([decide, "openclaw-2026.9", path, "--fs-snapshot", f"{golden}/fs.json"],
                              capture_output=True, text=True, check=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return compare(cases, reference, [json.loads(line) for line in ours.stdout.splitlines()])


def compare(cases, reference, clawgate):
    agree, unknown, wrong = 0, collections.Counter(), []
    for c, t, o in zip(cases, reference, clawgate):
        if o.get("outcome") not in ("unknown", t["outcome"]):
            wrong.append((c, t, o))  # a known final outcome must agree, even beside an unknown decision
        elif "unknown" in (o.get("decision"), o.get("outcome")):
            unknown[o.get("reason", "").split(" (asked:")[0]] += 1
        elif o.get("outcome") == t["outcome"] and (o.get("decision") == "prompt") == t["prompted"]:
            agree += 1
        else:
            wrong.append((c, t, o))
    total = len(cases)
    dangerous = sum(1 for _, t, o in wrong if t["outcome"] == "allow" and o.get("outcome") != "allow")
    looser = sum(1 for _, t, o in wrong if t["outcome"] != "allow" and o.get("outcome") == "allow")
    print(f"exec tool: {total} cases, {agree} agree, {sum(unknown.values())} unknown, {len(wrong)} differ "
          f"({dangerous} the host runs but clawgate denies, {looser} clawgate allows but the host does not)")
    for reason, count in unknown.most_common():
        print(f"  unknown x{count}: {reason}")
    for c, t, o in wrong[:40]:
        print(f"  FAIL {c['agent']:32} {json.dumps(c['command']):40} host {t['outcome']}"
              f"{' (prompted)' * t['prompted']} clawgate {o.get('decision')}/{o.get('outcome')}: "
              f"{t.get('reason', '')[:100]}")
    return 1 if wrong or len(reference) != total or len(clawgate) != total or total < 5000 else 0


if __name__ == "__main__":
    main()
