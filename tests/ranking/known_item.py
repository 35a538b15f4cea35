#!/usr/bin/env python3
"""Known-item search over the 1000 real pages of ../shared/corpus (issue #23):
a reader remembers three words of middling rarity from one paragraph of a
cable and searches for them; the cable should come back among the first ten.

For each of QUERIES paragraphs drawn with a fixed seed, the query is three
distinct words of that paragraph, each in MIN_ROWS to MAX_ROWS of the
corpus's paragraphs (and subjects). Both engines answer it over the same
text, parsed once by libcable:

- libcable (the Python package): the default search, over whole cables;
- SQLite FTS5 (Python's sqlite3, tokenizer "porter unicode61", BM25): one
  row per paragraph and per subject, the three words in one row, each cable
  ranked by its best row — FTS5's natural way of answering with cables.

It prints each engine's mean reciprocal rank (1/rank of the cable within the
first ten, else 0); FTS5 over whole cables (one row per cable) is printed too,
for comparison. Issue #23 asks for libcable's to be at least FTS5's (best
paragraph): the test fails when libcable falls more than --max-gap (0 unless
told) below FTS5, and says by how much it trails. Exits 77, a skip, without
the shared corpus.

    known_item.py CORPUS_DIR [--max-gap G] [--queries-out FILE]
        (PYTHONPATH must reach `cable`)

--queries-out writes the queries, one JSON object a line ({"cable", "words"}),
for bench/run to ask the other peers the same.
"""
import argparse
import collections
import json
import pathlib
import random
import re
import sqlite3
import sys
import tempfile

QUERIES = 1000
SEED = 23
MIN_ROWS = 5      # a word in fewer paragraphs is rare, not middling
MAX_ROWS = 120    # about 1 % of the paragraphs and subjects
# Words as a reader types them: "wouldn't" and "d'affaires" are not drawn
# (neither "wouldn" nor "affaires"), words of four letters or more are.
TOKEN = re.compile(r"[a-z]+(?:['\u2019][a-z]+)*")
WORD = re.compile(r"[a-z]{4,}")


def words_of(text):
    return [t for t in TOKEN.findall(text.lower()) if WORD.fullmatch(t)]


def rows_of(cables):
    """(cable, text) per subject and paragraph, as libcable indexes them."""
    for c in cables:
        if c.subject:
            yield c.id, c.subject
        for p in c.paragraphs:
            yield c.id, p["text"]


def draw_queries(rows):
    rows_with = collections.Counter()
    for _, text in rows:
        rows_with.update(set(words_of(text)))
    rng = random.Random(SEED)
    order = list(range(len(rows)))
    rng.shuffle(order)
    queries = []
    for k in order:
        cable, text = rows[k]
        words = sorted(w for w in set(words_of(text))
                       if MIN_ROWS <= rows_with[w] <= MAX_ROWS)
        if len(words) >= 3:
            queries.append((cable, rng.sample(words, 3)))
        if len(queries) == QUERIES:
            break
    return queries


def reciprocal_rank(ranked, cable):
    ranked = list(ranked)[:10]
    return 1.0 / (ranked.index(cable) + 1) if cable in ranked else 0.0


def fts5(rows, by_cable):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(cable UNINDEXED, text, "
               "tokenize='porter unicode61')")
    if by_cable:
        whole = collections.defaultdict(list)
        for cable, text in rows:
            whole[cable].append(text)
        rows = [(cable, "\n".join(texts)) for cable, texts in whole.items()]
    db.executemany("INSERT INTO t VALUES (?, ?)", rows)

    def ranked(words):
        match = " ".join(f'"{w}"' for w in words)
        return [r[0] for r in db.execute(
            "SELECT cable FROM t WHERE t MATCH ? GROUP BY cable ORDER BY min(rank) LIMIT 10",
            (match,))]
    return ranked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--max-gap", type=float, default=0.0)
    ap.add_argument("--queries-out")
    args = ap.parse_args()
    corpus = pathlib.Path(args.corpus) / "cablegate-html"
    if not corpus.is_dir():
        print(f"{corpus} is absent: skipped")
        return 77
    import cable

    cables = cable.parse(corpus)
    rows = list(rows_of(cables))
    queries = draw_queries(rows)
    if args.queries_out:
        with open(args.queries_out, "w") as f:
            for c, words in queries:
                f.write(json.dumps({"cable": c, "words": words}) + "\n")
    with tempfile.TemporaryDirectory(prefix="known-item-") as tmp:
        index = cable.Index(pathlib.Path(tmp) / "db")
        index.add(corpus)
        engines = {
            "libcable": lambda words: [h.cable for h in index.search(" ".join(words)).hits],
            "FTS5, best paragraph": fts5(rows, by_cable=False),
            "FTS5, whole cables": fts5(rows, by_cable=True),
        }
        mrr = {}
        for name, ranked in engines.items():
            rr = [reciprocal_rank(ranked(words), c) for c, words in queries]
            mrr[name] = sum(rr) / len(rr)
            top10 = sum(1 for r in rr if r > 0)
            print(f"{name:22} MRR {mrr[name]:.3f}, in the first ten {top10}/{len(rr)}")
        index.close()
    print(f"{len(queries)} queries of three words, each in {MIN_ROWS}-{MAX_ROWS} of "
          f"{len(rows)} paragraphs and subjects of {len(cables)} cables (seed {SEED})")
    gap = mrr["FTS5, best paragraph"] - mrr["libcable"]
    if gap > 0:
        print(f"libcable's MRR is {gap:.3f} below FTS5's (issue #23 asks for none)")
    if gap > args.max_gap:
        print(f"FAIL: more than {args.max_gap} below FTS5")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
