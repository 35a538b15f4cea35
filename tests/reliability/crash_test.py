#!/usr/bin/env python3
"""Crash safety of `cable index` (docs/reliability.md).

    crash_test.py CABLE CORPUS [--trials N] [--seed S]

Indexes CORPUS (the 1000 shared cablegate pages) once to learn what a
finished index holds, then, per trial, starts `cable index` on a fresh index
and kills it with SIGKILL at a random moment (fixed seed). After each kill:
every shard passes `xapian-check`, `cable check` finds the index sound, and
every cable in it is complete (all its paragraphs) or absent. Then the same
command runs again and must finish with exactly the cables of a finished
index: nothing lost, nothing twice. Odd trials commit every 20 cables per
shard, so that kills land in and around many more commits. A bulk build into
an empty index writes segments, whose cables become visible all at once at
the merge (docs/schema.md): every fourth trial (from the third) writes them
as the tool does by default, every fourth (from the fourth) segments of 60
cables, so that kills land in segments and merges; the others write without
segments, so that kills land among commits of cables already visible.
Exits 77 (a skip, for ctest) when CORPUS is absent.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def fail(msg):
    print(f"FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def check(cable, db):
    """`cable check --json --list`: the paragraphs per cable; fails on a problem."""
    r = subprocess.run([cable, "check", "--json", "--list", "--db", db], capture_output=True,
                       text=True)
    if r.returncode != 0:
        fail(f"cable check {db}: {r.stdout}{r.stderr}")
    report = json.loads(r.stdout)
    return report["paragraphs"]


def xapian_check(db):
    shards = [os.path.join(db, d) for d in sorted(os.listdir(db)) if d.startswith("shard-")]
    for shard in shards or [db]:
        r = subprocess.run(["xapian-check", shard], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"xapian-check {shard}: {r.stdout[-500:]}{r.stderr[-500:]}")


def index(cable, db, corpus, extra):
    return subprocess.run([cable, "index", "--db", db] + extra + [corpus], capture_output=True,
                          text=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cable")
    ap.add_argument("corpus")
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    corpus = os.path.join(args.corpus, "cablegate-html")
    if not os.path.isdir(corpus):
        print(f"skipped: {corpus} is absent")
        return 77
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="cable-crash-")
    try:
        reference = os.path.join(work, "reference")
        start = time.monotonic()
        r = index(args.cable, reference, corpus, [])
        full = time.monotonic() - start
        if r.returncode != 0:
            fail(f"the reference run failed: {r.stderr}")
        expected = check(args.cable, reference)
        print(f"reference: {len(expected)} cables, "
              f"{sum(expected.values())} paragraphs in {full:.1f} s")
        partial_total = 0
        for trial in range(args.trials):
            db = os.path.join(work, f"trial-{trial}")
            extra = ["--commit-every", "20"] if trial % 2 else []
            if trial % 4 == 3:  # segments merged at the end (docs/schema.md)
                extra += ["--segment-cables", "60"]
            elif trial % 4 != 2:
                extra += ["--segment-cables", "0"]
            delay = rng.uniform(0.05, full)
            p = subprocess.Popen([args.cable, "index", "--db", db] + extra + [corpus],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait()
            partial = {}
            if os.path.exists(db) and os.listdir(db):
                xapian_check(db)
                partial = check(args.cable, db)
                for cable_id, paragraphs in partial.items():
                    if cable_id not in expected:
                        fail(f"trial {trial}: {cable_id} is not a cable of the corpus")
                    if paragraphs != expected[cable_id]:
                        fail(f"trial {trial}: {cable_id} has {paragraphs} paragraphs, "
                             f"not {expected[cable_id]}")
            partial_total += len(partial)
            r = index(args.cable, db, corpus, extra)
            if r.returncode != 0:
                fail(f"trial {trial}: the run after the crash failed: {r.stderr}")
            xapian_check(db)
            after = check(args.cable, db)
            if after != expected:
                lost = sorted(set(expected) - set(after))
                fail(f"trial {trial}: after the rerun {len(after)} cables, lost {lost[:5]}")
            print(f"trial {trial:2}: killed after {delay:.2f} s with {len(partial)} whole "
                  f"cables; the rerun finished with all {len(after)}")
        print(f"{args.trials} kills: every index sound, {partial_total} cables found whole "
              f"after the kills, none partial; every rerun complete")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
