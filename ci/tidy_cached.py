#!/usr/bin/env python3
"""clang-tidy over a build's translation units, remembering clean results.

A translation unit found clean is not checked again while nothing it is made
of changes: the key is the SHA-256 of clang-tidy's version, .clang-tidy, the
file's path in the repository, its compile flags and its preprocessed text
(every header it includes, generated ones too), with the checkout's location
taken out so another clone of the same commit finds the same keys. Only clean
results are remembered; a unit with findings is checked every time.

Usage: tidy_cached.py BUILD_DIR FILE_REGEX [--cache DIR] [--jobs N] [--log FILE]
Exit: 0 clean, 1 findings, 2 a unit could not be preprocessed or checked.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys


def compile_argv(entry):
    if "arguments" in entry:
        return list(entry["arguments"])
    return shlex.split(entry["command"])


def preprocess_argv(argv):
    """The compile command turned into one that writes the preprocessed text."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "-o":
            skip = True
            continue
        if arg == "-c" or arg.startswith("-o"):
            continue
        out.append(arg)
    return out + ["-E", "-P", "-o", "-"]


def unit_key(entry, root, build, fixed):
    argv = compile_argv(entry)
    pre = subprocess.run(preprocess_argv(argv), cwd=entry["directory"], capture_output=True)
    if pre.returncode != 0:
        return None, pre.stderr.decode(errors="replace")
    def neutral(data):
        return data.replace(build.encode(), b"@BUILD@").replace(root.encode(), b"@ROOT@")
    digest = hashlib.sha256(fixed)
    digest.update(neutral(os.path.relpath(entry["file"], root).encode()) + b"\0")
    flags = [a for a in argv if a.startswith(("-I", "-D", "-std", "-f", "-W", "-O", "-g", "-m"))]
    digest.update(neutral("\0".join(flags).encode()) + b"\0")
    digest.update(neutral(pre.stdout))
    return digest.hexdigest(), ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build")
    parser.add_argument("pattern")
    parser.add_argument("--cache", default=os.path.expanduser("~/.cache/clawgate/clang-tidy"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--log")
    args = parser.parse_args()

    root = os.getcwd()
    build = os.path.realpath(args.build)
    entries = [e for e in json.loads(pathlib.Path(build, "compile_commands.json").read_text())
               if re.search(args.pattern, e["file"])]
    version = subprocess.run(["clang-tidy", "--version"], capture_output=True, check=True).stdout
    fixed = version + b"\0" + pathlib.Path(root, ".clang-tidy").read_bytes() + b"\0"
    cache = pathlib.Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)

    def check(entry):
        key, error = unit_key(entry, root, build, fixed)
        if key is None:
            return entry["file"], "error", "cannot preprocess:\n" + error
        marker = cache / key[:2] / key
        if marker.exists():
            return entry["file"], "cached", ""
        run = subprocess.run(["clang-tidy", "-p", build, "--quiet", entry["file"]],
                             capture_output=True)
        text = (run.stdout + run.stderr).decode(errors="replace")
        findings = re.search(r"(warning|error):", text)
        if run.returncode == 0 and not findings:
            marker.parent.mkdir(exist_ok=True)
            marker.touch()
            return entry["file"], "clean", text
        return entry["file"], "findings", text

    counts = {"cached": 0, "clean": 0, "findings": 0, "error": 0}
    log = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for path, outcome, text in pool.map(check, entries):
            counts[outcome] += 1
            if text.strip():
                log.append(f"== {os.path.relpath(path, root)}: {outcome}\n{text}")
    if args.log:
        pathlib.Path(args.log).write_text("\n".join(log))
    print(f"clang-tidy: {len(entries)} units, {counts['cached']} unchanged since a clean check, "
          f"{counts['clean']} checked clean, {counts['findings']} with findings, "
          f"{counts['error']} not checked")
    if counts["error"]:
        sys.stderr.write("\n".join(t for t in log if t.split("\n", 1)[0].endswith(": error")))
        return 2
    return 1 if counts["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
