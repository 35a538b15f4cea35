#!/usr/bin/env python3
"""What a bulk build holds on disk at most (issue #25, docs/reliability.md).

    peak_test.py CABLE CORPUS

`cable index` of the 1000 shared pages in segments of 100 cables, committed
every 20 (a segment closes at a commit), so that each shard has five, as at
full size it has seven; its index directory's allocated
blocks read every few milliseconds: the most it held must be at most twice
the size of the index it made. Segments are written unsynced and in place
and merged one shard at a time, each shard's segments removed once merged
(write/segments.hpp). Sampling misses peaks rather than invents them: a
file is counted once however many names it has during a walk; only a file
removed early in a walk and one made late in it could add up, a margin
far below the limit's. Exits 77, a skip, without CORPUS.
"""
import os
import subprocess
import sys
import tempfile
import threading


def allocated(path):
    """What the files under `path` take on the file system, in bytes. Each
    file counts once: a merged shard renamed into place while the walk goes
    on is met under both of its names."""
    seen = {}
    for root, _, files in os.walk(path):
        for f in files:
            try:
                st = os.stat(os.path.join(root, f))
            except FileNotFoundError:  # removed meanwhile
                continue
            seen[(st.st_dev, st.st_ino)] = st.st_blocks * 512
    return sum(seen.values())


def main():
    cable, corpus = sys.argv[1], os.path.join(sys.argv[2], "cablegate-html")
    if not os.path.isdir(corpus):
        print(f"skipped: {corpus} is absent")
        return 77
    with tempfile.TemporaryDirectory(prefix="cable-peak-") as work:
        db = os.path.join(work, "db")
        peak = [0]
        done = threading.Event()

        def sample():
            while not done.wait(0.005):
                peak[0] = max(peak[0], allocated(db))
        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            r = subprocess.run([cable, "index", "--db", db, "--shards", "2", "--segment-cables",
                                "100", "--commit-every", "20", corpus],
                               capture_output=True, text=True)
        finally:
            done.set()
            sampler.join()
        if r.returncode != 0:
            print(f"FAIL: cable index: status {r.returncode}: {r.stderr[-300:]}")
            return 1
        final = allocated(db)
        ratio = peak[0] / final
        print(f"the build held at most {peak[0] / 2**20:.1f} MiB on disk for an index of "
              f"{final / 2**20:.1f} MiB: {ratio:.2f} times")
        if ratio > 2:
            print("FAIL: more than twice the index it made (issue #25 asks for at most 2)")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
