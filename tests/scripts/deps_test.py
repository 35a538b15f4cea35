#!/usr/bin/env python3
"""Each script checks, before it starts, that the programs it calls are there.

For every script that calls `scripts/deps --need WHO PROGRAM...` (the scripts
in scripts/ and bench/run), runs it once for each PROGRAM with a PATH that
lacks just that program, installing nothing (CABLE_DEPS_INSTALL=0), and
expects exit status 1 and the message naming the program's Debian package
before the script does anything else. Also checks that every script in
scripts/ has such a line, that a program of the table in scripts/deps named
in a script's code is in its line, and that a program no package in scripts/deps
provides is refused on every machine.

Usage: deps_test.py SOURCE_DIR
"""
import os
import re
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(sys.argv[1])
DEPS = os.path.join(ROOT, "scripts", "deps")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def needs(path):
    """The WHO and the programs of the script's --need line, or None."""
    text = open(path).read().replace("\\\n", " ")
    m = re.search(r'--need\s+(\S+)\s+([^\n]*)', text)  # a shell line
    if m and not m.group(1).startswith('"'):
        return m.group(1), m.group(2).split()
    m = re.search(r'"--need",\s*"([^"]+)"\]\s*\+\s*needed', text)  # bench/run
    if m:
        listed = re.search(r'needed = \[([^\]]*)\]', text).group(1)
        return m.group(1), re.findall(r'"([^"]+)"', listed)
    return None


def path_without(program, into):
    """A directory of links to every program on PATH but `program`."""
    for d in os.environ["PATH"].split(":"):
        if not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            target = os.path.join(d, name)
            link = os.path.join(into, name)
            if name != program and not os.path.exists(link) and os.access(target, os.X_OK):
                os.symlink(target, link)
    return into


deps_text = open(DEPS).read()
table = {p for entry in re.findall(r'^  "[\w.+-]+:([^"]*)"$', deps_text, re.M)
         for p in entry.split()}
scripts = [os.path.join("scripts", n) for n in sorted(os.listdir(os.path.join(ROOT, "scripts")))
           if n != "deps"] + ["bench/run"]
checked = 0
for script in scripts:
    found = needs(os.path.join(ROOT, script))
    if not found:
        fail(f"{script} has no `scripts/deps --need` line")
        continue
    who, programs = found
    code = [line for line in open(os.path.join(ROOT, script)).read().splitlines()
            if not line.lstrip().startswith("#") and "--need" not in line]
    words = set(re.findall(r'[\w+./-]+', "\n".join(code)))
    for program in sorted((words & table) - set(programs)):
        fail(f"{script} calls {program} but does not check for it")
    for program in programs:
        if program.startswith("/"):
            continue  # called by its absolute path: PATH cannot hide it
        with tempfile.TemporaryDirectory() as bin_dir:
            env = dict(os.environ, PATH=path_without(program, bin_dir), CABLE_DEPS_INSTALL="0")
            # Its own process group: should a check not fire, the script would
            # go on to build, and all it started is ended with it.
            p = subprocess.Popen([os.path.join(ROOT, script)], cwd=ROOT, env=env, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 stdin=subprocess.DEVNULL, start_new_session=True)
            try:
                out, err = p.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                out, err = p.communicate()
                err += "\n(killed after 60 s: the check did not stop it)"
            r = subprocess.CompletedProcess(p.args, p.returncode, out, err)
        m = re.search(re.escape(f"{who}: '{program}' is missing: install the Debian package ")
                      + r"(\S+) ", r.stderr)
        if r.returncode != 1 or not m:
            fail(f"{script} without {program}: status {r.returncode}, stderr {r.stderr[-300:]!r}")
        elif f'"{m.group(1)}:' not in deps_text:
            fail(f"{script} without {program}: names {m.group(1)}, which scripts/deps lacks")
        checked += 1

r = subprocess.run([DEPS, "--need", "tests/x", "no-such-program-anywhere"],
                   capture_output=True, text=True)
if r.returncode != 1 or "'no-such-program-anywhere', which no package in scripts/deps" \
        not in r.stderr:
    fail(f"an unlisted program was not refused: {r.returncode} {r.stderr!r}")

print(f"deps_test: {checked} missing programs named with their package, "
      f"{len(failures)} failures")
sys.exit(1 if failures else 0)
