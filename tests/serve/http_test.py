#!/usr/bin/env python3
"""HTTP-level tests of `cable serve` (issue #24, docs/serve.md): every
endpoint's status and content type, errors as 400 with the message and
position, a missing cable as 404, the security headers, a hostile cable
shown as inert text, a clean stop on SIGTERM; and, with --concurrent, 20
clients asking at once while `cable index` adds cables, every answer
well-formed and the index's growth seen step by step. Always against
127.0.0.1; request loops bounded in count and time.

    http_test.py CABLE_TOOL SOURCE_DIR [--concurrent]
"""
import html.parser
import json
import os
import pathlib
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

HOSTILE = """09PARIS999
<script>document.title='pwned'</script> "><img src=x onerror=alert(2)>
Fri Feb 20 00:00:00 +0100 2009
UNCLASSIFIED
Embassy Paris

UNCLAS PARIS 000999

E.O. 12958: N/A
TAGS: PREL KTIP
SUBJECT: <script>document.title='pwned'</script> "><img src=x onerror=alert(2)> \u202eevil

1. Hostile text: <script>document.title='pwned'</script>, "><img src=x onerror=alert(2)>,
<a href="javascript:alert(3)">a link</a> and an override \u202ereversed\u202c here.
"""

# No proxy: the server is on this machine.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(base, path, method="GET", headers=None):
    req = urllib.request.Request(base + path, method=method, headers=headers or {})
    try:
        with OPENER.open(req, timeout=30) as r:
            return r.status, r.headers, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8")


class Server:
    def __init__(self, cable, db):
        self.proc = subprocess.Popen([cable, "serve", "--db", db, "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        port = line.split("127.0.0.1:")[1].split("/")[0]
        self.base = "http://127.0.0.1:" + port

    def stop(self):
        """Stops the server; its exit status. What it wrote to stderr (a
        sanitizer's report) is printed."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=10)
        err = "".join(line for line in self.proc.stderr
                      if not line.startswith("cable: stopped serving"))
        if err.strip():
            print("cable serve wrote:\n" + err[-4000:])
        return code


failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def endpoints(base, cable, db):
    q = urllib.parse.quote
    status, headers, body = get(base, "/")
    check(status == 200 and headers["Content-Type"].startswith("text/html"), "/ is an HTML page")
    csp = headers.get("Content-Security-Policy", "")
    check("default-src 'none'" in csp and "frame-ancestors 'none'" in csp, "CSP header: " + csp)
    check(headers.get("X-Content-Type-Options") == "nosniff", "nosniff")
    status, _, body = get(base, "/search?q=trafficking")
    check(status == 200 and "09PARIS268" in body and "<mark>" in body, "a search finds 09PARIS268")
    status, _, body = get(base, "/search?q=" + q('tag:"trafficking in persons"'))
    check(status == 200 and "Trafficking in Persons" in body, "a tag by its meaning, shown")
    status, headers, body = get(base, "/search?q=" + q('"unclosed'))
    check(status == 400 and "never closed" in body and headers["Content-Type"].startswith("text/html"),
          "a malformed query is 400 with its message")
    status, headers, body = get(base, "/api/search?q=" + q('"unclosed'))
    data = json.loads(body)
    check(status == 400 and data.get("position") == 0 and "never closed" in data["error"],
          "the API's 400 gives the message and position")
    status, headers, body = get(base, "/api/search?q=trafficking&facets=tag&limit=5")
    cli = subprocess.run([cable, "search", "--db", db, "--json", "--facets", "tag", "--limit", "5",
                          "trafficking"], capture_output=True, text=True, check=True).stdout
    check(status == 200 and headers["Content-Type"] == "application/json" and
          json.loads(body) == json.loads(cli), "/api/search answers as `cable search --json`")
    status, _, body = get(base, "/api/cable/09PARIS268")
    check(status == 200 and json.loads(body)["id"] == "09PARIS268", "/api/cable/ID")
    status, _, body = get(base, "/api/cable/99NOWHERE1")
    check(status == 404 and "error" in json.loads(body), "/api/cable of a missing cable is 404")
    status, _, body = get(base, "/cable/09PARIS268")
    check(status == 200 and 'id="p3"' in body and "Trafficking in Persons" in body,
          "a cable page has paragraph anchors and tag meanings")
    status, _, _ = get(base, "/cable/99NOWHERE1")
    check(status == 404, "a missing cable is 404")
    status, headers, body = get(base, "/export.csv?q=trafficking")
    check(status == 200 and headers["Content-Type"].startswith("text/csv") and
          body.startswith("cable,paragraph,") and "09PARIS268" in body, "CSV export")
    status, headers, body = get(base, "/export.ndjson?q=trafficking")
    lines = [json.loads(line) for line in body.splitlines()]
    check(status == 200 and lines and lines[0]["cable"], "NDJSON export")
    for path, want in [("/browse", 200), ("/browse/tag", 200), ("/browse/origin", 200),
                       ("/browse/date", 200), ("/browse/class", 200), ("/browse/nope", 404),
                       ("/help", 200), ("/nothing", 404), ("/search?q=x&page=0", 400),
                       ("/search?q=x&sort=bogus", 400), ("/search?q=" + "x" * 1001, 400),
                       ("/api/search?q=x&facets=colour", 400), ("/api/search?q=x&limit=-1", 400)]:
        status, headers, _ = get(base, path)
        check(status == want, "%s is %d (got %d)" % (path[:60], want, status))
    status, headers, _ = get(base, "/assets/style.css")
    check(status == 200 and headers["Content-Type"].startswith("text/css"), "the stylesheet")
    status, _, _ = get(base, "/", headers={"Host": "rebound.example:80"})
    check(status == 421, "a request for another host is refused (DNS rebinding): %d" % status)
    status, _, _ = get(base, "/", headers={"Host": "localhost"})
    check(status == 200, "localhost is this host")
    status, _, _ = get(base, "/", method="POST")
    check(status in (404, 405), "read-only: POST is refused (%d)" % status)


class Elements(html.parser.HTMLParser):
    """What a page's markup holds that no page of the site makes: a script,
    an image, an event handler, a javascript: link."""

    def __init__(self):
        super().__init__()
        self.injected = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe", "object", "embed"):
            self.injected.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.injected.append("%s %s=%s" % (tag, name, value))


def hostile(base):
    for path in ["/cable/09PARIS999", "/search?q=hostile", "/search?q=" +
                 urllib.parse.quote("subject:evil")]:
        status, _, body = get(base, path)
        check(status == 200, path + " answers")
        elements = Elements()
        elements.feed(body)
        check(not elements.injected, path + ": no markup of the cable's own: %s" % elements.injected)
        check("&lt;script&gt;" in body and "[U+202E]" in body and "\u202e" not in body,
              path + ": the hostile text is shown inert")


COUNT = "/api/search?q=the&limit=0"  # nearly every cable holds "the"


def concurrent(base, cable, source, tmp):
    """20 clients while `cable index` adds 300 cables in five runs. After each
    run the test waits until the server answers with the new total, so the
    clients are seen to be served while the index grows, not only after it
    (one run of 300 cables ends within a refresh of the server's searchers)."""
    synth = os.path.join(tmp, "synth")
    subprocess.run([cable, "synth", "--from", os.path.join(source, "corpus"), "--out", synth,
                    "--cables", "300", "--form", "text", "--seed", "7"], check=True,
                   capture_output=True)
    files = sorted(pathlib.Path(synth).rglob("*.txt"))
    batches = [os.path.join(tmp, "batch%d" % b) for b in range(5)]
    for k, f in enumerate(files):
        os.makedirs(batches[k % 5], exist_ok=True)
        f.rename(os.path.join(batches[k % 5], f.name))
    paths = [COUNT, "/search?q=trafficking", "/api/search?q=harbour&facets=tag,year",
             "/api/search?q=tag:KTIP", "/cable/09PARIS268", "/browse/tag", "/search?q=the&page=2"]
    bad = []
    seen = set()  # the totals of COUNT the clients were answered
    lock = threading.Lock()
    done = threading.Event()
    deadline = time.time() + 180

    def client(k):
        for i in range(2000):
            if done.is_set() or time.time() > deadline:
                return
            path = paths[(k + i) % len(paths)]
            status, headers, body = get(base, path)
            ok = status == 200 and (json.loads(body) is not None if "/api/" in path
                                    else body.rstrip().endswith("</html>"))
            with lock:
                if not ok:
                    bad.append((path, status, body[:200]))
                elif path == COUNT:
                    seen.add(json.loads(body)["total"])

    threads = [threading.Thread(target=client, args=(k,)) for k in range(20)]
    for t in threads:
        t.start()
    codes = []
    totals = []
    for batch in batches:
        codes.append(subprocess.run([cable, "index", "--db", os.path.join(tmp, "db"),
                                     "--commit-every", "20", batch],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    timeout=120).returncode)
        final = json.loads(subprocess.run([cable, "search", "--db", os.path.join(tmp, "db"),
                                           "--json", "--limit", "0", "the"], check=True,
                                          capture_output=True, text=True).stdout)["total"]
        totals.append(final)
        while time.time() < deadline:
            with lock:
                if final in seen:
                    break
            time.sleep(0.1)
    done.set()
    for t in threads:
        t.join()
    check(not bad, "every answer well-formed while indexing: %s" % bad[:3])
    check(codes == [0] * 5, "`cable index` succeeded alongside the server: %s" % codes)
    check(all(t in seen for t in totals),
          "the clients were answered at each step of the index's growth: totals %s, seen %s"
          % (totals, sorted(seen)))


def main():
    cable, source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="serve-") as tmp:
        db = os.path.join(tmp, "db")
        extra = os.path.join(tmp, "extra")
        os.makedirs(extra)
        pathlib.Path(extra, "09PARIS999.txt").write_text(HOSTILE, encoding="utf-8")
        subprocess.run([cable, "index", "--db", db, os.path.join(source, "corpus"), extra],
                       check=True, capture_output=True)
        server = Server(cable, db)
        try:
            if "--concurrent" in sys.argv:
                concurrent(server.base, cable, source, tmp)
            else:
                endpoints(server.base, cable, db)
                hostile(server.base)
        finally:
            code = server.stop()
        check(code == 0, "SIGTERM stops the server cleanly (exit %s)" % code)
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
