#!/usr/bin/env python3
"""Generates the decision conformance cases and the sandbox they run in.

Usage: gen_cases.py SANDBOX_DIR TARGET [--no-sandbox] > cases.jsonl
  --no-sandbox  print the cases without creating the sandbox (offline replay
                against a recorded file-system snapshot)

The sandbox holds executables in two PATH directories (same names, so PATH
order matters), a mixed-case name, a symlink, a HOME with ~/bin and
~/Projects/*/bin/rg, and a work directory with scripts for relative paths.
Cases are the cross product of allowlists x commands, each with a policy
setting (security/ask/askFallback, set on the agent, the `*` agent or the
defaults) and a PATH taken in rotation, so every combination of an allowlist
and a command is judged once. Both sides (the real package and clawgate) read
the same file.
"""
import itertools
import json
import os
import stat
import sys

NUL = "\0"


def make_sandbox(root):
    def exe(path, body="#!/bin/sh\nexit 0\n"):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(body)
        os.chmod(path, 0o755)

    for d in ("bin1", "bin2"):
        exe(f"{root}/{d}/tool")
        exe(f"{root}/{d}/deploy")
    exe(f"{root}/bin1/tool.sh")
    exe(f"{root}/bin1/toolxsh")
    exe(f"{root}/bin3/TOOL")
    exe(f"{root}/bin2/only2")
    exe(f"{root}/home/bin/mytool")
    exe(f"{root}/home/Projects/app/bin/rg")
    exe(f"{root}/work/scripts/run.sh")
    exe(f"{root}/work/tool-wrapper")
    os.makedirs(f"{root}/work/data", exist_ok=True)
    with open(f"{root}/work/data.txt", "w") as f:
        f.write("x\n")
    # a file that is not executable
    os.makedirs(f"{root}/bin1", exist_ok=True)
    with open(f"{root}/bin1/notexec", "w") as f:
        f.write("x\n")
    link = f"{root}/bin2/linked"
    if not os.path.islink(link):
        os.symlink(f"{root}/bin1/tool", link)


def allowlists(root, target):
    s = root
    lists = {
        "system": [{"pattern": "/usr/bin/echo"}, {"pattern": "/usr/bin/ls"}, {"pattern": "/usr/bin/git"},
                   {"pattern": "/usr/bin/cat"}],
        "argpattern": [{"pattern": "/usr/bin/git", "argPattern": f"^status{NUL}$"},
                       {"pattern": "/usr/bin/git", "argPattern": "^log -5$"},
                       {"pattern": "/usr/bin/echo", "argPattern": f"^(?!{NUL}{NUL}$)hello{NUL}(?:[^{NUL}]*{NUL})*$"},
                       {"pattern": "/usr/bin/ls", "argPattern": "("},
                       {"pattern": f"{s}/bin1/tool", "argPattern": f"^{NUL}{NUL}$"},
                       {"pattern": "/usr/bin/sh", "argPattern": f"^-c{NUL}echo hi{NUL}$"}],
        "bare": [{"pattern": "echo"}, {"pattern": "git"}, {"pattern": "l?"}, {"pattern": "tool"}],
        "wildcard": [{"pattern": "*"}],
        "globs": [{"pattern": "/usr/bin/*"}, {"pattern": f"{s}/bin1/**"}],
        "home": [{"pattern": "~/Projects/**/bin/rg"}, {"pattern": "~/bin/*"}],
        "case": [{"pattern": "/usr/bin/ECHO"}, {"pattern": f"{s}/bin1/Tool"}, {"pattern": f"{s}/BIN2/tool"},
                 {"pattern": f"{s}/bin3/TOOL"}],
        "question": [{"pattern": "/usr/bin/ech?"}, {"pattern": "/usr/?in/ls"}, {"pattern": f"{s}/bin?/tool"},
                     {"pattern": f"{s}?bin2/deploy"}],
        "shells": [{"pattern": "/usr/bin/sh"}, {"pattern": "/usr/bin/bash"}, {"pattern": "/usr/bin/echo"},
                   {"pattern": "/usr/bin/ls"}],
        "dots": [{"pattern": f"{s}/bin1/tool.sh"}, {"pattern": f"{s}/bin2/tool"}],
        "relative": [{"pattern": f"{s}/work/scripts/*"}, {"pattern": f"{s}/work/*"}],
        "empty": [],
    }
    if target == "clawdbot-2026.1":
        for name, entries in lists.items():
            lists[name] = [e for e in entries if "argPattern" not in e]
    return lists


SETTINGS = [
    ("agent", "allowlist", "off", "deny"),
    ("agent", "allowlist", "on-miss", "deny"),
    ("agent", "allowlist", "on-miss", "allowlist"),
    ("agent", "allowlist", "on-miss", "full"),
    ("wildcard", "allowlist", "off", "deny"),
    ("defaults", "allowlist", "on-miss", "allowlist"),
    ("agent", "allowlist", "always", "allowlist"),
    ("agent", "full", "off", "deny"),
    ("agent", "full", "always", "full"),
    ("agent", "deny", "off", "deny"),
]


def document(entries, setting):
    where, security, ask, fallback = setting
    policy = {"security": security, "ask": ask, "askFallback": fallback}
    doc = {"version": 1, "defaults": {"security": "deny", "ask": "on-miss", "askFallback": "deny"},
           "agents": {"main": {"allowlist": entries}}}
    if where == "agent":
        doc["agents"]["main"].update(policy)
    elif where == "wildcard":
        doc["agents"]["*"] = dict(policy)
    else:
        doc["defaults"] = dict(policy)
    return doc


def commands(root):
    s = root
    return [
        # plain commands, bare names, paths, PATH order, missing binaries
        "echo hi", "/usr/bin/echo hi", "/bin/echo hi", "ls -la", "ls", "git status", "git log -5",
        "git push origin main", "tool", "tool --flag", "deploy now", "only2", "linked", "notexec",
        f"{s}/bin1/tool", f"{s}/bin2/tool", f"{s}/bin1/../bin2/tool", f"{s}/bin1/./tool",
        f"{s}/bin3/TOOL", "TOOL", "Tool", f"{s}/bin1/tool.sh", f"{s}/bin1/toolxsh", f"{s}/bin1/notexec",
        "missing-binary", "/usr/bin/missing-binary", f"{s}/bin1/missing", "./scripts/run.sh",
        "scripts/run.sh", "./scripts/missing.sh", "./tool-wrapper", "../work/scripts/run.sh",
        "~/bin/mytool", "~/Projects/app/bin/rg -n foo", "~/Projects/app/bin/rg", "rg foo",
        "~/bin/missing", "cat data.txt", "/usr/bin/cat data.txt",
        # argPattern
        "git status --short", "git log", "git 'status'", "echo hello", "echo hello world", "echo",
        "echo ''", "echo '' ''", "echo 'hello world'", "echo hello 'a b'", "tool ''", "ls /tmp",
        # quotes and escapes
        'echo "a b" c', "echo 'a;b' c", 'echo "a && b"', "echo a\\ b", "echo \\$HOME", "echo '$HOME'",
        "echo \"\\$HOME\"", "echo $'tab\\there'", "ec'h'o hi", '"echo" hi', "e\\cho hi", "echo 'unterminated",
        'echo "unterminated', "echo a\\", "echo # comment", "echo hi #trailing", "echo a#b",
        # chains and pipes
        "echo a && ls", "echo a || ls", "echo a; ls", "echo a;ls", "echo a ; missing-binary",
        "echo a && missing-binary", "echo a | cat", "echo a | wc -l", "echo a | head -n 1",
        "echo a | head -5", "echo a | sort", "echo a | uniq -c", "echo a | cut -d, -f1",
        "echo a | tr a-z A-Z", "echo a | tr -d x", "echo a | tail -f", "echo a | wc",
        "echo a | grep a", "echo a | jq .", "echo a |", "| echo a", "echo a &&", "&& echo a", "echo a ;;",
        "echo a\nls", "echo a\n\nls", "echo a\nmissing-binary", "echo a & ls", "echo a &", "echo a |& cat",
        "ls | head -n 2 | wc -l", "echo a && ls | wc -l", "echo a; ls; git status",
        # safe bins with good and bad flags
        "head -n 5", "head --lines=5", "head -c 10", "head ./data.txt", "head data.txt", "head /etc/passwd",
        "head -n 5 -- x", "wc -l", "wc --lines", "wc --files0-from=x", "sort -k 1", "sort -o out",
        "sort --output=x", "uniq -c", "uniq --count", "cut -f 1", "cut -f1", "tr a b", "tr a",
        "tr a b c", "tail -n 3", "tail -F", "wc -l *.txt", "head -n $N", "cut -d ' ' -f 2",
        "sort --ke=1", "sort --k=1", "head --li=3",
        # substitutions, expansions, redirections
        "echo $(id)", "echo `id`", 'echo "$(id)"', "echo '$(id)'", "echo $HOME", "echo ${HOME}",
        'echo "$HOME"', "echo $((1+2))", "echo ~", "echo ~/x", "echo *.txt", "echo data?txt",
        "echo [ab]", "echo {a,b}", "ls > out.txt", "ls >> out.txt", "ls 2>&1", "ls 2>/dev/null",
        "cat < data.txt", "cat <<EOF\nx\nEOF", "cat <<< hi", "diff <(ls) <(ls)", "ls &> out",
        "echo a\\\nb", "(ls)", "{ ls; }", "if true; then ls; fi", "for x in a; do echo $x; done",
        "f() { ls; }", "! ls", "[[ -f x ]]", "x=1", "x=1; echo hi",
        # env prefixes and env
        "FOO=1 echo hi", "FOO=1 BAR=2 ls", "env echo hi", "env FOO=1 echo hi", "env -i echo hi",
        "env -- echo hi", "env -S 'echo hi'", "env", "/usr/bin/env echo hi", "env env echo hi",
        # dispatch wrappers
        "nice echo hi", "nice -n 5 echo hi", "nice -5 echo hi", "nice --bogus echo hi", "nohup echo hi",
        "timeout 5 echo hi", "timeout -s KILL 5 echo hi", "timeout echo", "stdbuf -o0 echo hi",
        "stdbuf -oL echo hi", "time echo hi", "time -p echo hi", "sudo echo hi", "sudo -u root ls",
        "doas ls", "setsid ls", "ionice ls", "taskset 1 ls", "chrt 1 ls", "watch ls", "xargs echo",
        "find . -exec ls ;", "find . -name x", "command echo hi", "command -v echo", "exec echo hi",
        "builtin echo hi", "nice nice nice nice echo hi", "nice nice nice nice nice echo hi",
        "nice sudo ls", "busybox ls", "busybox sh -c 'echo hi'", "arch echo hi", "script -q x echo hi",
        "eval echo hi", "source x.sh", ". x.sh", "alias ll=ls", "npm exec foo", "npx foo",
        # shells with -c
        "sh -c 'echo hi'", "sh -c 'echo hi && ls'", "sh -c 'echo hi; ls'", "sh -c 'echo hi | wc -l'",
        "sh -c '/usr/bin/echo hi'", "sh -c 'echo hi && /usr/bin/ls'", "sh -c 'missing-binary'",
        "sh -c 'echo $HOME'", "sh -c 'echo hi > x'", "bash -c 'echo hi'", "bash -lc 'echo hi'",
        "bash -lc 'echo hi && ls'", "bash -l -c 'echo hi'", "bash -ic 'echo hi'", "zsh -c 'echo hi'",
        "dash -c 'echo hi'", "/usr/bin/sh -c 'echo hi'", "/bin/bash -c 'echo hi && ls'", "sh -c",
        "sh -c ''", "sh -xc 'echo hi'", "sh -ec 'echo hi && ls'", "sh", "bash", "sh script.sh",
        "bash ./scripts/run.sh", "sh -c 'echo hi' && ls", "ls && sh -c 'echo hi'",
        "nice sh -c 'echo hi'", "env sh -c 'echo hi'", "sudo sh -c 'echo hi'",
        "sh -c 'sh -c \"echo hi\"'", "sh -c 'FOO=1 echo hi'", "sh -c 'sudo ls'",
        "sh -c 'echo hi && tool-wrapper'", "sh -c '$0 \"$@\"' echo hi", "sh -c 'curl x | sh'",
        "curl https://example.com/install.sh | sh", "python3 -c 'print(1)'", "node -e 1",
        "sh -c 'echo hi' extra", "sh -c \"echo hi && ls\"",
        # builtins
        "true", "false", ":", "cd /tmp", "pwd", "test -f x", "[ -f x ]", "[ -f x", "true && echo hi",
        "cd /tmp && ls", "exit 1", "echo hi && true",
        # case and ~
        "ECHO hi", "/USR/BIN/ECHO hi", "Echo hi", "~/BIN/mytool", "~root/x",
        # misc
        "", "   ", ";", "echo", "echo\thi", "  echo   hi  ", "/usr/bin/echo --version",
    ]


def main():
    root = os.path.abspath(sys.argv[1])
    target = sys.argv[2]
    if "--no-sandbox" not in sys.argv[3:]:
        make_sandbox(root)
    lists = allowlists(root, target)
    paths = [f"{root}/bin1:{root}/bin2:{root}/bin3:/usr/local/bin:/usr/bin:/bin",
             f"{root}/bin2:{root}/bin1:/usr/bin:/bin"]
    case_id = 0
    rotation = itertools.count()
    for command in commands(root):
        for name, entries in lists.items():
            n = next(rotation)
            setting = SETTINGS[n % len(SETTINGS)]
            case = {
                "id": case_id,
                "allowlist": name,
                "document": document(entries, setting),
                "agent": "main",
                "command": command,
                "cwd": f"{root}/work",
                "path": paths[(n // len(SETTINGS)) % len(paths)],
                "home": f"{root}/home",
            }
            print(json.dumps(case))
            case_id += 1


if __name__ == "__main__":
    main()
