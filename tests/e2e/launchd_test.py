#!/usr/bin/env python3
"""The launchd jobs compile writes, read with a real plist parser (plistlib).

Usage: launchd_test.py BIN_DIR
Every out/<env>/launchd/*.plist of the example policies must parse as an XML
plist 1.0 dictionary; labels come from launchd.label_prefix and name the
environment and job, never shared between environments; programs and paths
are absolute; PATH is the fixed system one; the apply job watches the
environment's inbox, the verify job the approvals store (and runs every five
minutes with --repair), the revert job runs every minute; nothing secret.
"""
import os
import plistlib
import subprocess
import sys
import tempfile

bin_dir = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)


with tempfile.TemporaryDirectory() as work:
    out = os.path.join(work, "out")
    subprocess.run([os.path.join(bin_dir, "clawgate"), "compile", os.path.join(root, "policies"), "--out", out,
                    "--at", "2026-11-22T12:00:00Z"], check=True, capture_output=True)
    labels = set()
    for env in sorted(os.listdir(out)):
        folder = os.path.join(out, env, "launchd")
        jobs = {}
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as f:
                raw = f.read()
            job = plistlib.loads(raw, fmt=plistlib.FMT_XML)
            expect(isinstance(job, dict), f"{name}: not a dictionary")
            label = job["Label"]
            expect(name == label + ".plist", f"{name}: file name is not the label")
            expect(label.startswith("com.example.clawgate." + env + "."), f"{name}: label {label}")
            expect(label not in labels, f"{name}: label {label} used twice")
            labels.add(label)
            args = job["ProgramArguments"]
            expect(args[0] == "/usr/local/bin/clawgate-host", f"{name}: program {args[0]}")
            expect(all(not a.startswith("~") for a in args), f"{name}: a relative path in {args}")
            expect(job["EnvironmentVariables"]["PATH"] == "/usr/bin:/bin:/usr/sbin:/sbin", f"{name}: PATH")
            expect(job["EnvironmentVariables"]["HOME"] == "/Users/agent", f"{name}: HOME")
            for key in ("StandardOutPath", "StandardErrorPath", "WorkingDirectory"):
                expect(job[key].startswith("/"), f"{name}: {key} is not absolute")
            expect(job["RunAtLoad"] is True, f"{name}: RunAtLoad")
            expect(b"token" not in raw.lower() and b"secret" not in raw.lower(), f"{name}: a secret?")
            jobs[label.rsplit(".", 1)[1]] = job
        expect(set(jobs) == {"apply", "verify", "revert"}, f"{env}: jobs {sorted(jobs)}")
        apply, verify, revert = jobs["apply"], jobs["verify"], jobs["revert"]
        inbox = f"/Users/agent/.clawgate/inbox/{env}"
        expect(apply["WatchPaths"] == [inbox], f"{env}: apply watches {apply.get('WatchPaths')}")
        expect(apply["ProgramArguments"][-3:] == ["apply", "--inbox", inbox], f"{env}: apply arguments")
        expect(verify["WatchPaths"] == [f"/Users/agent/.openclaw-{env}"], f"{env}: verify watches")
        expect(verify["StartInterval"] == 300, f"{env}: verify interval")
        expect(verify["ProgramArguments"][-4:] == ["verify", "--env", env, "--repair"], f"{env}: verify arguments")
        expect(revert["StartInterval"] == 60, f"{env}: revert interval")
        expect("StartCalendarInterval" not in revert, f"{env}: revert must not depend on the local time zone")
        expect(revert["ProgramArguments"][-3:] == ["revert", "--env", env], f"{env}: revert arguments")
    expect(len(labels) == 6, f"labels: {sorted(labels)}")

for failure in failures:
    print("FAIL", failure)
print(f"launchd_test: {len(failures)} failures")
sys.exit(1 if failures else 0)
