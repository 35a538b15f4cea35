#!/usr/bin/env python3
"""`cable index` on a full disk and on a read-only index (docs/reliability.md).

    disk_test.py CABLE CORPUS

Mounts small tmpfs file systems of its own (skips, exit 77, where the
machine does not allow mounting, or CORPUS is absent) and checks:
- disk full: `cable index` of the 1000 shared pages into 6 MB, with segments
  (the default) and without, stops with a one-line error naming the index
  and "No space left on device" and a non-zero status, never ending the
  process (store/database.hpp, kRoomToCommit); the index is left sound
  (`cable check`), its cables whole; once there is room, the same command
  finishes with every cable;
- read-only: an index on a file system remounted read-only refuses a
  writer with a message naming the index and the reason (not "locked"),
  stays sound and unchanged, and still answers searches.
"""
import json
import os
import subprocess
import sys
import tempfile


def fail(msg):
    print(f"FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def run(*cmd):
    return subprocess.run(list(cmd), capture_output=True, text=True)


def mount(point, options):
    return run("mount", "-t", "tmpfs", "-o", options, "tmpfs", point).returncode == 0


def check(cable, db):
    r = run(cable, "check", "--json", "--list", "--db", db)
    report = json.loads(r.stdout) if r.stdout else {}
    if r.returncode != 0 or not report.get("ok"):
        fail(f"cable check {db}: {r.stdout}{r.stderr}")
    return report["paragraphs"]


def errors(stderr):
    return [l for l in stderr.splitlines() if l.startswith("cable: ")]


def main():
    cable, corpus = sys.argv[1], os.path.join(sys.argv[2], "cablegate-html")
    if not os.path.isdir(corpus):
        print(f"skipped: {corpus} is absent")
        return 77
    work = tempfile.mkdtemp(prefix="cable-disk-")
    if not mount(work, "size=6m"):
        os.rmdir(work)
        print("skipped: this machine does not let the test mount a tmpfs (needs root)")
        return 77
    try:
        db = os.path.join(work, "segments.db")
        r = run(cable, "index", "--db", db, "--commit-every", "20", corpus)
        lines = errors(r.stderr)
        if r.returncode == 0 or len(lines) != 1 or db not in lines[0] or \
                "No space left on device" not in lines[0]:
            fail(f"disk full, segments: status {r.returncode}, messages {lines}, "
                 f"stderr: {r.stderr[-3000:]}")
        print(f"disk full, segments: status {r.returncode}: {lines[0]}")
        check(cable, db)
        run("rm", "-rf", db)
        db = os.path.join(work, "full.db")
        r = run(cable, "index", "--db", db, "--commit-every", "20", "--segment-cables", "0",
                corpus)
        lines = errors(r.stderr)
        if r.returncode == 0 or len(lines) != 1 or db not in lines[0] or \
                "No space left on device" not in lines[0]:
            fail(f"disk full: status {r.returncode}, messages {lines}, stderr: {r.stderr[-3000:]}")
        print(f"disk full: status {r.returncode}: {lines[0]}")
        partial = check(cable, db)
        print(f"disk full: the index is sound with {len(partial)} whole cables")
        run("mount", "-o", "remount,size=200m", work)
        r = run(cable, "index", "--db", db, corpus)
        after = check(cable, db)
        if r.returncode != 0 or len(after) != 1000:
            fail(f"disk full: with room again, status {r.returncode}, {len(after)} cables: "
                 f"{r.stderr[-300:]}")
        if any(after[c] != n for c, n in partial.items()):
            fail("disk full: a cable changed between the partial and the finished index")
        print("disk full: with room again the same command finished with all 1000 cables")

        db = os.path.join(work, "ro.db")
        some = os.path.join(corpus, "cable", "2010", "01")
        if run(cable, "index", "--db", db, some).returncode != 0:
            fail("read-only: could not build the index")
        before = check(cable, db)
        run("mount", "-o", "remount,ro", work)
        r = run(cable, "index", "--db", db, corpus)
        lines = errors(r.stderr)
        if r.returncode == 0 or len(lines) != 1 or db not in lines[0] or \
                "Read-only file system" not in lines[0] or "locked" in lines[0]:
            fail(f"read-only: status {r.returncode}, messages {lines}, stderr: {r.stderr[-3000:]}")
        print(f"read-only: status {r.returncode}: {lines[0]}")
        if check(cable, db) != before:
            fail("read-only: the index changed")
        r = run(cable, "search", "--db", db, "--json", "embassy")
        if r.returncode != 0:
            fail(f"read-only: search failed: {r.stderr}")
        print(f"read-only: the index is unchanged ({len(before)} cables) and answers searches")
        return 0
    finally:
        run("umount", work)
        os.rmdir(work)


if __name__ == "__main__":
    sys.exit(main())
