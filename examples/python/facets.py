"""Index the sample corpus, search it and count cables per year; plot the
counts with matplotlib when it is installed. The tests run it.

    PYTHONPATH=build/python python3 examples/python/facets.py INDEX_DIR CORPUS_DIR [PNG]
"""
import sys

import cable


def main(index_dir, corpus, png=None):
    index = cable.Index(index_dir)
    summary = index.add(corpus)
    print(f"indexed {summary.cables_added} cables ({summary.cables_unchanged} unchanged)")
    results = index.search("trafficking OR harbour", facets=["year", "tag"], limit=5)
    print(f"{results.total} cables match")
    for hit in results:
        print(f"  {hit.cable} ¶{hit.paragraph} {hit.date:%Y-%m-%d}: {hit.snippet[:80]}")
    years = sorted(results.facets["year"])
    for year, count in years:
        print(f"  {year}: {count}")
    if png:
        try:
            import matplotlib
            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError:
            print("matplotlib is not installed: no chart")
            return
        plt.bar([y for y, _ in years], [c for _, c in years])
        plt.title("Cables matching 'trafficking OR harbour', per year")
        plt.savefig(png)
        print(f"chart: {png}")


if __name__ == "__main__":
    main(*sys.argv[1:])
