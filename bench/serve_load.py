"""The load leg of bench/run (issue #24): 50 clients at once against
`cable serve` on 127.0.0.1, each asking the benchmark's query classes as
pages a reader opens — the search page, its JSON twin with facets, and a
cable page — with every loop bounded in count and in time. It gives p50 and
p99 latency per page type, the throughput, and the errors (there must be
none).

    load(cable, db, queries_jsonl) -> {"search": {"p50": ms, "p99": ms, "n": N}, …,
                                       "requests_s": …, "errors": […]}

Alone, on an index bench/run built and its queries:

    python3 bench/serve_load.py build-bench/bin/cable build-bench/synthetic/libcable.db \
        build-bench/synthetic/queries.jsonl
"""
import json
import sys
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

CLIENTS = 50
PER_CLIENT = 40      # requests per client
DEADLINE_S = 300     # for the whole leg
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def query_text(q):
    """A query of bench's query set (libcable_bench queries) as a reader types it."""
    words = " ".join(q["words"])
    parts = ['"%s"' % words if q.get("phrase") else words]
    if q.get("tag"):
        parts.append("tag:" + q["tag"])
    if q.get("from") or q.get("to"):
        parts.append("date:%s..%s" % (q.get("from", ""), q.get("to", "")))
    return " ".join(p for p in parts if p)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] if values else 0.0


def fetch(base, path):
    start = time.perf_counter()
    with OPENER.open(base + path, timeout=60) as r:
        body = r.read()
        status = r.status
    return (time.perf_counter() - start) * 1000, status, body


def load(cable, db, queries_jsonl):
    with open(queries_jsonl, encoding="utf-8") as f:
        queries = [json.loads(line) for line in f if line.strip()]
    server = subprocess.Popen([cable, "serve", "--db", db, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        base = "http://127.0.0.1:" + server.stdout.readline().split("127.0.0.1:")[1].split("/")[0]
        # Cables to open: the first hit of each query.
        cables = []
        for q in queries:
            _, _, body = fetch(base, "/api/search?limit=1&q=" + urllib.parse.quote(query_text(q)))
            cables += [h["cable"] for h in json.loads(body)["hits"]]
        pages = []
        for k, q in enumerate(queries):
            text = urllib.parse.quote(query_text(q))
            pages.append(("search", "/search?q=" + text))
            facets = "&facets=tag,year,origin" if q["kind"] == "facets" else ""
            pages.append(("api", "/api/search?q=" + text + facets))
            if cables:
                pages.append(("cable", "/cable/" + cables[k % len(cables)]))
        times = {"search": [], "api": [], "cable": []}
        errors = []
        lock = threading.Lock()
        deadline = time.time() + DEADLINE_S

        def client(c):
            for i in range(PER_CLIENT):
                if time.time() > deadline:
                    return
                kind, path = pages[(c * PER_CLIENT + i) % len(pages)]
                try:
                    ms, status, _ = fetch(base, path)
                    with lock:
                        times[kind].append(ms)
                except (urllib.error.URLError, OSError) as e:
                    with lock:
                        errors.append("%s: %s" % (path[:80], e))

        threads = [threading.Thread(target=client, args=(c,)) for c in range(CLIENTS)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
    out = {kind: {"p50": round(percentile(v, 50), 2), "p99": round(percentile(v, 99), 2),
                  "n": len(v)} for kind, v in times.items()}
    out["clients"] = CLIENTS
    out["requests_s"] = round(sum(len(v) for v in times.values()) / wall, 1)
    out["errors"] = errors[:10]
    out["error_count"] = len(errors)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: serve_load.py CABLE DB QUERIES_JSONL")
    print(json.dumps(load(*sys.argv[1:]), indent=1))
