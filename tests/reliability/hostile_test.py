#!/usr/bin/env python3
"""`cable index` on broken and hostile inputs (docs/reliability.md).

    hostile_test.py CABLE SOURCE_DIR [--big]

Writes each bad input into a directory of its own beside one good cable
(corpus/09PARIS268.txt) and runs `cable index` on that directory, bounded in
time (120 s a case plus 2.5 s per MB of input) and memory. For each case: no
crash and no hang; the good cable and every readable cable of the bad input
are indexed; each failure is one line on stderr naming the file (and the row
or line, where there is one) and the reason; the exit status is 1 when something could not be read, 0 when all
could; the peak RSS stays under 1 GiB. --big adds the large cases (a 50 MB
single line, alone and in a cable; a 200 MB CSV with a broken quote in the
middle).
"""
import argparse
import json
import os
import pathlib
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

GOOD = "09PARIS268"
TIME_LIMIT = 120  # seconds per case, plus SECONDS_PER_MB of its input
SECONDS_PER_MB = 2.5  # a wide margin over the indexing rate of docs/benchmarks.md: 620 s for 200 MB
RSS_LIMIT_MB = 1024  # peak resident memory per case
HEAP_LIMIT = 2 << 30  # bytes: beyond this, allocations fail (see limit())
LIMIT_HEAP = False


def fail(msg):
    print(f"FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def limit():
    # A run that tried to hold a big input whole fails instead of swapping.
    resource.setrlimit(resource.RLIMIT_DATA, (HEAP_LIMIT, HEAP_LIMIT))


def text_cable(sample, cable_id, inject=b"", encoding=None):
    """The sample cable under another ID, with `inject` put into its first
    paragraph; re-encoded from UTF-8 when `encoding` is given."""
    data = cable_id + sample[sample.index(b"\n"):]
    data = data.replace(b"SUMMARY:  ", b"SUMMARY:  " + inject, 1)
    return data.decode("utf-8").encode(encoding) if encoding else data


def cases(source, big):
    sample = open(os.path.join(source, "corpus", "09PARIS268.txt"), "rb").read()
    html = open(os.path.join(source, "corpus", "fixtures", "10ATLANTIS5.html"), "rb").read()
    csv = open(os.path.join(source, "corpus", "fixtures", "cables.csv"), "rb").read()
    out = {
        # name: (files {name: bytes}, cables expected from the bad input, error lines
        # expected; each a number, a range or None for any)
        "empty file": ({"empty.txt": b""}, 0, 1),
        "binary garbage": ({"garbage.bin": bytes((i * 7919 + 13) % 256 for i in range(65536))},
                           0, 1),
        "invalid UTF-8": ({"bad-utf8.txt": text_cable(
            sample, b"09PARIS901", b"broken bytes \xc3\x28 \xa0\xa1 \xf0\x28\x8c\x28 here ")},
            1, 0),
        "Windows-1252": ({"cp1252.txt": text_cable(
            sample, b"09PARIS902", "the minister\u2019s \u201cfinal\u201d word ".encode(),
            encoding="cp1252")}, 1, 0),
        "NUL bytes": ({"nul.txt": text_cable(sample, b"09PARIS903", b"before\0after " +
                                             b"\0" * 100)}, 1, 0),
        "truncated HTML": ({"truncated.html": html[:len(html) * 2 // 3]}, None, None),
        "HTML that is not a cable page": ({"page.html": b"<!DOCTYPE html><html><head><title>"
                                           b"Hello</title></head><body><p>Hi</p></body></html>"},
                                          0, 1),
        "a cable missing every header line": ({"headless.txt": sample[sample.find(b"\n\n") + 2:]
                                               .split(b"SUBJECT:", 1)[1]}, 0, 1),
        "two files, one cable ID, different text": ({
            "dup-a.txt": text_cable(sample, b"09PARIS904", b"zanzibarfirst "),
            "dup-b.txt": text_cable(sample, b"09PARIS904", b"zanzibarsecond ")}, 1, 0),
        "CSV cut off in a record": ({"cut.csv": csv[:len(csv) // 2]}, None, None),
    }
    if big:
        out["a 50 MB single line"] = ({"line.txt": lambda path: open(path, "wb").write(
            b"word " * (10 << 20))}, 0, 1)
        out["a cable with a 50 MB line"] = ({"long.txt": lambda path: open(path, "wb").write(
            text_cable(sample, b"09PARIS905", b"word " * (10 << 20)))}, 1, 0)
        rows = len(re.findall(rb'(?m)^"\d+","', csv))
        rows = (200 << 20) // len(csv) * rows
        # The open quote swallows what follows up to the next quote; the
        # reader then resynchronizes at the next record.
        out["a 200 MB CSV with a broken quote in the middle"] = (
            {"big.csv": lambda path: big_csv(csv, path)}, range(rows - 3, rows), range(1, 3))
    return out


def big_csv(seed, path):
    """Writes about 200 MB of CSV records to `path` (the fixture's records
    under new IDs), with the closing quote of the middle record's last field
    dropped. Returns the number of records."""
    records = re.findall(rb'(?ms)^"\d+","[^"]*","[^"]*",.*?(?=^"\d+","|\Z)', seed)
    if not records:
        fail("the CSV fixture has no records")
    size = sum(len(r) for r in records)
    rows = (200 << 20) // size * len(records)
    with open(path, "wb") as f:
        for n in range(1, rows + 1):
            rec = records[n % len(records)]
            rec = re.sub(rb'^"\d+"', b'"%d"' % n, rec)
            rec = re.sub(rb'ATLANTIS\d+', b"ATLANTIS%d" % (100000 + n), rec, count=1)
            if n == rows // 2:
                rec = rec.rstrip(b"\n")[:-1] + b"\n"
            f.write(rec)
    return rows


def indexed(cable, db):
    r = subprocess.run([cable, "check", "--json", "--list", "--db", db], capture_output=True,
                       text=True)
    report = json.loads(r.stdout) if r.stdout.strip() else {}
    if r.returncode != 0 or not report.get("ok"):
        fail(f"cable check {db}: {r.stdout}{r.stderr}")
    return report["paragraphs"]


class Run:
    """A finished child: its status, output and peak RSS in MB."""

    def __init__(self, cmd, timeout):
        out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        p = subprocess.Popen(cmd, stdout=out, stderr=err,
                             preexec_fn=limit if LIMIT_HEAP else None)
        deadline = time.monotonic() + timeout
        while True:  # os.wait4, not p.wait(): it gives this child's own peak RSS
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                p.kill()
                p.wait()
                fail(f"{cmd}: still running after {timeout} s")
            time.sleep(0.02)
        self.returncode = os.waitstatus_to_exitcode(status)
        self.rss_mb = usage.ru_maxrss // 1024
        out.seek(0)
        err.seek(0)
        self.stdout = out.read().decode(errors="replace")
        self.stderr = err.read().decode(errors="replace")


def run_case(cable, name, directory, db, want_cables, want_failures):
    start = time.monotonic()
    megabytes = sum(f.stat().st_size for f in pathlib.Path(directory).iterdir()
                    if f.is_file()) / 1e6
    r = Run([cable, "index", "--db", db, directory], TIME_LIMIT + SECONDS_PER_MB * megabytes)
    seconds = time.monotonic() - start
    if r.returncode < 0 or r.returncode > 1:
        fail(f"{name}: status {r.returncode}: {r.stderr[-500:]}")
    lines = [l for l in r.stderr.splitlines() if l.startswith("cable: ")]
    cables = indexed(cable, db)
    if GOOD not in cables:
        fail(f"{name}: the good cable was not indexed")
    others = len(cables) - 1
    if isinstance(want_cables, int):
        want_cables = range(want_cables, want_cables + 1)
    if isinstance(want_failures, int):
        want_failures = range(want_failures, want_failures + 1)
    if want_cables is not None and others not in want_cables:
        fail(f"{name}: {others} cables indexed from the bad input, not {want_cables}")
    if want_failures is not None and len(lines) not in want_failures:
        fail(f"{name}: {len(lines)} error lines, not {want_failures}: {lines}")
    if (r.returncode == 1) != bool(lines):
        fail(f"{name}: status {r.returncode} with {len(lines)} error lines")
    for line in lines:
        if directory not in line:
            fail(f"{name}: a message that names no file: {line}")
    if r.rss_mb > RSS_LIMIT_MB:
        fail(f"{name}: peak RSS {r.rss_mb} MB")
    shown = lines[0][len("cable: "):].replace(directory + "/", "") if lines else "no error"
    print(f"{name}: {others} cables from it, status {r.returncode}, {seconds:.1f} s "
          f"peak RSS {r.rss_mb} MB: {shown[:160]}")
    return cables


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cable")
    ap.add_argument("source")
    ap.add_argument("--big", action="store_true")
    ap.add_argument("--limit-heap", action="store_true",
                    help="cap each run's heap (not under sanitizers, whose shadow memory counts)")
    args = ap.parse_args()
    global LIMIT_HEAP
    LIMIT_HEAP = args.limit_heap
    work = tempfile.mkdtemp(prefix="cable-hostile-")
    sample = os.path.join(args.source, "corpus", "09PARIS268.txt")
    try:
        for k, (name, (files, want_cables, want_failures)) in enumerate(
                cases(args.source, args.big).items()):
            directory = os.path.join(work, f"case-{k}")
            os.makedirs(directory)
            shutil.copy(sample, directory)
            for file, data in files.items():
                if callable(data):  # large: written without holding it here
                    data(os.path.join(directory, file))
                    continue
                with open(os.path.join(directory, file), "wb") as f:
                    f.write(data)
            cables = run_case(args.cable, name, directory, os.path.join(work, f"case-{k}.db"),
                              want_cables, want_failures)
            if name.startswith("two files"):
                r = subprocess.run([args.cable, "search", "--json", "--db",
                                    os.path.join(work, f"case-{k}.db"), "zanzibarsecond"],
                                   capture_output=True, text=True)
                if "09PARIS904" not in r.stdout:
                    fail("two files: the file read last (dup-b.txt) did not win")

        # A directory with things that are not regular files.
        directory = os.path.join(work, "odd")
        os.makedirs(directory)
        shutil.copy(sample, directory)
        os.symlink("loop", os.path.join(directory, "loop"))
        os.mkfifo(os.path.join(directory, "fifo.txt"))
        os.makedirs(os.path.join(directory, "sub"))
        os.symlink("..", os.path.join(directory, "sub", "up"))  # a directory loop
        unreadable = os.path.join(directory, "unreadable.txt")
        shutil.copy(sample, unreadable)
        os.chmod(unreadable, 0)
        as_root = os.geteuid() == 0  # root reads it anyway
        cables = run_case(args.cable, "symlink loop, FIFO, directory loop, unreadable file",
                          directory, os.path.join(work, "odd.db"), 0, 2 if as_root else 3)
        if as_root:
            print("  (running as root: the unreadable file was readable; its case is untested)")
        # The FIFO given by name is refused too, without waiting for a writer.
        r = subprocess.run([args.cable, "parse", os.path.join(directory, "fifo.txt")],
                           capture_output=True, text=True, timeout=30)
        if r.returncode != 1 or "fifo.txt" not in r.stderr:
            fail(f"a FIFO given by name: status {r.returncode}: {r.stderr}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
