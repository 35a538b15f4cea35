#!/usr/bin/env python3
"""Crash safety of `cable index` (docs/reliability.md).

    crash_test.py CABLE CORPUS [--trials N] [--rewrite-trials N] [--compact-trials N]
                  [--pages N] [--seed S]

Indexes CORPUS (the 1000 shared cablegate pages, or the first N of them in
path order) once to learn what a finished index holds, then, per trial, starts `cable index` on a fresh index
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
Then, per rewrite trial, a few cables of an index built in bulk (without term
lists) are replaced, which writes their shards anew with term lists
(docs/schema.md), and the run is killed at a random moment of that: the
index must be sound, each cable whole in its old or its new version, and the
same command run again must leave every replaced cable in its new version.
Then, per compact trial, `cable index --compact` of a one-shard and of a
two-shard index is killed at a random moment: the index must be there and
whole, every cable with all its paragraphs; the same command run again must
compact it.
Exits 77 (a skip, for ctest) when CORPUS is absent.
"""
import argparse
import json
import os
import random
import re
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
    shards = [os.path.join(db, d) for d in sorted(os.listdir(db)) if re.fullmatch(r"shard-\d+", d)]
    for shard in shards or [db]:
        r = subprocess.run(["xapian-check", shard], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"xapian-check {shard}: {r.stdout[-500:]}{r.stderr[-500:]}")


def index(cable, db, corpus, extra):
    return subprocess.run([cable, "index", "--db", db] + extra + [corpus], capture_output=True,
                          text=True)


def killed_after(delay, command):
    """Runs `command`, killing it with SIGKILL after `delay` seconds."""
    p = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    p.send_signal(signal.SIGKILL)
    p.wait()


def changed_cable(cable_id):
    """A new version of `cable_id`, in the plain-text form: one paragraph."""
    return (f"{cable_id}\nA CHANGED CABLE\nMon Mar 09 20:15:00 +0100 2009\nUNCLASSIFIED\n"
            f"Embassy Atlantis\n\nUNCLAS ATLANTIS 000001\n\nTAGS: PGOV\n"
            f"SUBJECT: A CHANGED CABLE\n\n1. Gunboats arrived at {cable_id}.\n")


def rewrite_trials(args, rng, work, corpus, expected):
    """Kills during the rewrite of shards built in bulk (see the module's doc)."""
    if args.rewrite_trials == 0:
        return
    bulk = os.path.join(work, "bulk")
    r = index(args.cable, bulk, corpus, [])
    if r.returncode != 0:
        fail(f"the bulk build failed: {r.stderr}")
    changed = os.path.join(work, "changed")
    os.makedirs(changed)
    replaced = rng.sample(sorted(expected), 4)
    for cable_id in replaced:
        with open(os.path.join(changed, f"{cable_id}.txt"), "w") as f:
            f.write(changed_cable(cable_id))
    reference = os.path.join(work, "rewritten")
    shutil.copytree(bulk, reference)
    start = time.monotonic()
    r = index(args.cable, reference, changed, [])
    full = time.monotonic() - start
    if r.returncode != 0 or "shards written anew with term lists" not in r.stdout:
        fail(f"the reference rewrite did not rewrite: {r.stderr}")
    after = check(args.cable, reference)
    if sorted(c for c in after if after[c] != expected[c]) != sorted(replaced):
        fail(f"the reference rewrite changed other cables than {replaced}")
    print(f"rewrite: {len(replaced)} cables replaced, their shards written anew in {full:.1f} s")
    old_seen = new_seen = 0
    for trial in range(args.rewrite_trials):
        db = os.path.join(work, f"rewrite-{trial}")
        shutil.copytree(bulk, db)
        delay = rng.uniform(0.05, full)
        killed_after(delay, [args.cable, "index", "--db", db, changed])
        xapian_check(db)
        partial = check(args.cable, db)
        if set(partial) != set(expected):
            fail(f"rewrite trial {trial}: {len(partial)} cables, not {len(expected)}")
        for cable_id, paragraphs in partial.items():
            if paragraphs not in (expected[cable_id], after[cable_id]):
                fail(f"rewrite trial {trial}: {cable_id} has {paragraphs} paragraphs, "
                     f"neither its old {expected[cable_id]} nor its new {after[cable_id]}")
        new = sum(1 for c in replaced if partial[c] != expected[c])
        old_seen += len(replaced) - new
        new_seen += new
        r = index(args.cable, db, changed, [])
        if r.returncode != 0:
            fail(f"rewrite trial {trial}: the run after the crash failed: {r.stderr}")
        xapian_check(db)
        if check(args.cable, db) != after:
            fail(f"rewrite trial {trial}: after the rerun, not the rewritten index")
        print(f"rewrite trial {trial}: killed after {delay:.2f} s with {new} of the "
              f"{len(replaced)} cables in their new version; the rerun finished them all")
    print(f"{args.rewrite_trials} kills while rewriting: every index sound, the replaced cables "
          f"whole, {old_seen} found old and {new_seen} new; every rerun complete")


def compact_trials(args, rng, work, corpus, expected):
    """Kills during `cable index --compact` of a one-shard and a two-shard index: after each
    kill the index is whole (every cable, whole), old or new, and a rerun compacts it."""
    if args.compact_trials == 0:
        return
    nothing = os.path.join(work, "nothing")  # no input: the run only compacts
    os.makedirs(nothing)
    for shards in (1, 2):
        base = os.path.join(work, f"compact-base-{shards}")
        r = index(args.cable, base, corpus, ["--shards", str(shards), "--segment-cables", "0"])
        if r.returncode != 0:
            fail(f"the {shards}-shard build failed: {r.stderr}")
        probe = os.path.join(work, f"compact-probe-{shards}")
        shutil.copytree(base, probe)
        start = time.monotonic()
        r = index(args.cable, probe, nothing, ["--compact"])
        full = time.monotonic() - start
        if r.returncode != 0 or check(args.cable, probe) != expected:
            fail(f"compacting the {shards}-shard index failed: {r.stderr}")
        for trial in range(args.compact_trials):
            db = os.path.join(work, f"compact-{shards}-{trial}")
            shutil.copytree(base, db)
            delay = rng.uniform(0.0, full)
            killed_after(delay, [args.cable, "index", "--db", db, "--compact", nothing])
            if not os.path.isdir(db):
                fail(f"compact trial {trial} ({shards} shards): the index is gone")
            xapian_check(db)
            if check(args.cable, db) != expected:
                fail(f"compact trial {trial} ({shards} shards): not every cable is whole")
            r = index(args.cable, db, nothing, ["--compact"])
            if r.returncode != 0 or check(args.cable, db) != expected:
                fail(f"compact trial {trial} ({shards} shards): the rerun failed: {r.stderr}")
        print(f"compaction, {shards} shard(s), {full:.2f} s: {args.compact_trials} kills, "
              f"the index whole after each; every rerun compacted it")


def first_pages(corpus, n, out):
    """A copy in `out` of the first `n` pages of `corpus`, in path order."""
    pages = sorted(os.path.join(root, f) for root, _, files in os.walk(corpus) for f in files
                   if f.endswith(".html"))
    for page in pages[:n]:
        target = os.path.join(out, os.path.relpath(page, corpus))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(page, target)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cable")
    ap.add_argument("corpus")
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--rewrite-trials", type=int, default=4)
    ap.add_argument("--compact-trials", type=int, default=6)
    ap.add_argument("--pages", type=int, default=0, help="the first N pages only (0: all)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    corpus = os.path.join(args.corpus, "cablegate-html")
    if not os.path.isdir(corpus):
        print(f"skipped: {corpus} is absent")
        return 77
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="cable-crash-")
    try:
        if args.pages:
            corpus = first_pages(corpus, args.pages, os.path.join(work, "pages"))
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
            killed_after(delay, [args.cable, "index", "--db", db] + extra + [corpus])
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
        rewrite_trials(args, rng, work, corpus, expected)
        compact_trials(args, rng, work, corpus, expected)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
