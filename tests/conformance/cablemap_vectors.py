#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs cablemap's test vectors through libcable's reader; reports agreement per kind.

    cablemap_vectors.py [--cable PATH] [--vectors PATH] [--verbose] [--json]
                        [--require] [--keep DIR]

The vectors (../shared/corpus/cablemap-vectors/, see its README.md) are snippets
of real cables with what cablemap, a Python reader of the Cablegate release,
returned for them. Each snippet of a reader kind is wrapped into a cable of the
plain-text form (docs/formats.md): five metadata lines, a routing header glued to
the banner, E.O., TAGS, SUBJECT, one paragraph, a signature; the snippet takes
the place it belongs in (a TAGS snippet the TAGS line, a header snippet the
routing header, an ID line 1, a signature snippet the end of the body; lines it
already holds are not added). The cable's ID and date follow the vector's year=,
reference_id= or from_cable=. ONE `cable parse --json DIR` reads them all, then:

  tags, subject, nondisclosure, signers: `tags`, `subject` ("(marking) subject"
      with clean=false), `declassify_on`, [`signature`] equal `expected`
  references: the non-null `id`s, duplicates dropped, in order
  references_typed: {value, kind, bullet} per entry. While libcable's references
      have no `kind`, only cable entries are compared (id, letter) and a vector
      with other entries passes as "partial"; once they have one, all entries
      are (value: the id of a cable, else raw)
  reference_id: the `id` read from line 1; reference_id_equiv (c14n_equal): the
      `id` read for the input equals the one read for the expected ID
  classified_by: libcable keeps the whole "Classified By" text, so the expected
      name must occur in it (case ignored with normalize=true); [] wants it empty
  recipients, info_recipients: the names in `to`/`info`; route, precedence,
      MCN and XMT exclusions too once entries are objects holding them

A file the tool refuses fails with its message. cablemap's own helpers (titlefy,
tag_kind, tags_raw, summary, clean) are not applicable. --keep DIR keeps the
cables (NNNN.txt: vector line NNNN from 0; NNNNe.txt: a reference_id_equiv's
expected ID). --require exits 1 below FLOORS (recipients with info_recipients),
or below the floors given with --floor KIND=PCT instead.
Exit 77 when the vectors file is absent, 2 when the tool cannot run.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KINDS = ["tags", "references", "references_typed", "subject", "nondisclosure",
         "reference_id", "reference_id_equiv", "classified_by", "signers",
         "recipients", "info_recipients"]
NOT_APPLICABLE = ["titlefy", "tag_kind", "tags_raw", "summary", "clean"]
FLOORS = {"tags": 95, "references": 95, "subject": 95, "nondisclosure": 95,
          "reference_id": 95, "reference_id_equiv": 95, "classified_by": 80,
          "signers": 80, "recipients": 80}
ID_RE = re.compile(r"^(\d\d)([A-Z]+)(\d+)$")
HAS_EO = re.compile(r"(?i)(^|\s)E\.?\s?[O0]\.?\s*\d{4}")
HAS_TAGS = re.compile(r"(?im)^\s*(TAGS?|TAS|TGS|TABS)\b|\bTAGS?:")
HAS_SUBJECT = re.compile(r"(?im)^\s*U?(SUBJECT|SUBJ|UBJECT)\b|\bSUBJECT\s*:")
HAS_PARAGRAPH = re.compile(r"(?m)^\s*\u00b6?\d{1,2}\.(\s|\(|$)")
BANNER_START = re.compile(r"^\s*(U\s*N\s*C\s*L\s*A\s*S|C\s*O\s*N\s*F|S\s*E\s*C\s*R\s*E\s*T)"
                          r".*\s0*(\d+)\s*$")


def notes_of(v):
    out = {}
    for part in v.get("notes", "").split("; "):
        key, eq, value = part.partition("=")
        if eq and re.fullmatch(r"\w+", key):
            out[key] = value
    return out


def citing_id(notes, index):
    """The wrapping cable's ID: the one the vector names (reference_id=,
    from_cable=) when of the year=, else a made-up one of that year."""
    ids = [ID_RE.match(notes.get(k, "")) for k in ("reference_id", "from_cable")]
    ids = [m for m in ids if m]
    yy = notes["year"][-2:] if "year" in notes else ids[0].group(1) if ids else "09"
    for m in ids:
        if m.group(1) == yy:
            return m.group(0)
    return "%sTESTVILLE%d" % (yy, 900000 + index)


def wrap(kind, snippet, cable_id, header=None):
    """A plain-text cable around `snippet`, placed where a `kind` snippet belongs."""
    m = re.search(r"^(\d\d)?.*?(\d+)$", cable_id)
    yy = m.group(1) if m and m.group(1) else "09"
    serial = int(m.group(2)) if m else 1
    year = ("19" if int(yy) >= 50 else "20") + yy
    snippet = snippet.rstrip() if snippet else ""
    meta_subject = "" if kind == "subject" else "VECTOR TEST CABLE"
    if header is None:
        header = "P 051200Z JAN %s\nFM AMEMBASSY TESTVILLE\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n" \
                 "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY" % yy
    banner = "UNCLAS TESTVILLE %06d" % serial
    first, _, rest = snippet.lstrip("\n").partition("\n")
    own = BANNER_START.match(first)
    if own and int(own.group(2)) == serial:  # the snippet opens with this cable's banner
        banner, snippet = first.strip(), rest.strip("\n").rstrip()
    lines = [cable_id, meta_subject, "Mon Jan 05 00:00:00 +0100 %s" % year, "UNCLASSIFIED",
             # An ID vector gives the ID alone: no origin to check it against.
             "" if kind.startswith("reference_id") else "Embassy Testville",
             header.rstrip("\n ") + "\n" + banner, " "]
    has = lambda regex: regex.search(snippet)
    body = [snippet if kind == "nondisclosure" else "" if has(HAS_EO) else "E.O. 12958: N/A",
            snippet if kind == "tags" else "" if has(HAS_TAGS) else "TAGS: PREL PGOV",
            snippet if kind == "subject" else "" if has(HAS_SUBJECT) else "SUBJECT: VECTOR TEST CABLE"]
    body = [line for line in body if line]
    if kind == "signers":  # the end of a body, after a blank line
        body += [" ", snippet]
    elif kind in ("references", "references_typed", "classified_by"):
        body.append(snippet)  # as written: a first word may end the SUBJECT
    if kind != "signers" and not has(HAS_PARAGRAPH):
        body += [" ", "1. (U) This paragraph was added around a cablemap test vector."]
    if kind != "signers":
        body += [" ", "TESTER"]
    return "\n".join(lines + body) + "\n"


def ref_cable_ids(refs):
    out = []
    for r in refs:
        if r.get("id") and r.get("kind", "cable") == "cable" and r["id"] not in out:
            out.append(r["id"])
    return out


def compare(kind, v, notes, cable, twin, typed):
    """(passed, got, partial) for one vector against the parsed cable."""
    exp = v["expected"]
    if kind == "tags":
        # cablemap lists a person named in the TAGS line among the tags;
        # libcable keeps the person apart (docs/conformance.md). A person
        # cablemap expects is found in `persons`, in the order written.
        persons = cable.get("persons", [])
        got = cable.get("tags", [])
        exp = [e for e in exp if e not in persons] + [e for e in exp if e in persons]
        got = got + [p for p in persons if p in v["expected"]]
    elif kind == "references":
        got = ref_cable_ids(cable.get("references", []))
    elif kind == "references_typed":
        refs = cable.get("references", [])
        if typed:  # libcable says what each reference is
            # cablemap says "tel" for what libcable calls a "telcon".
            got = [{"value": r["id"] if r["kind"] == "cable" else r["raw"],
                    "kind": {"telcon": "tel"}.get(r["kind"], r["kind"]),
                    "bullet": r.get("letter") or None} for r in refs]
            return got == exp, got, False
        got = [[r["id"], r.get("letter") or None] for r in refs if r.get("id")]
        want = [[e["value"], e["bullet"]] for e in exp if e["kind"] == "cable"]
        return got == want, got, any(e["kind"] != "cable" for e in exp)
    elif kind == "subject":
        got = cable.get("subject", "")
        if notes.get("clean") == "false" and cable.get("subject_marking"):
            got = "(%s) %s" % (cable["subject_marking"], got)
    elif kind == "nondisclosure":
        got = cable.get("declassify_on") or None
    elif kind == "reference_id":
        got = cable.get("id")
    elif kind == "reference_id_equiv":
        got = cable.get("id")
        if twin is None:
            return False, "%s (expected ID refused)" % got, False
        return got == twin.get("id"), got if got == twin.get("id") else \
            "%s vs %s for the expected ID" % (got, twin.get("id")), False
    elif kind == "classified_by":
        got = cable.get("classified_by", "")
        if not exp:
            return got == "", got, False
        fold = (lambda s: s.lower()) if notes.get("normalize") == "true" else (lambda s: s)
        return all(fold(name) in fold(got) for name in exp), got, False
    elif kind == "signers":
        got = [cable["signature"]] if cable.get("signature") else []
    else:
        entries = cable.get("to" if kind == "recipients" else "info", [])
        got = entries
        if entries and all(isinstance(e, dict) for e in entries):
            keys = set(entries[0]) & {"route", "name", "precedence", "mcn", "excluded"}
            return [{k: e.get(k) for k in keys} for e in entries] == \
                [{k: e.get(k) for k in keys} for e in exp], got, False
        return entries == [e["name"] for e in exp], got, False
    return got == exp, got, False


def short(x, n=160):
    s = x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
    s = s.replace("\n", "\u23ce")
    return s if len(s) <= n else s[:n - 1] + "\u2026"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cable", default=os.environ.get("CABLE", os.path.join(ROOT, "build", "bin", "cable")))
    ap.add_argument("--vectors", default=os.path.join(
        ROOT, "..", "shared", "corpus", "cablemap-vectors", "vectors.jsonl"))
    ap.add_argument("--verbose", action="store_true", help="print each failing vector")
    ap.add_argument("--json", action="store_true", help="print a JSON summary instead")
    ap.add_argument("--require", action="store_true", help="exit 1 below the floors")
    ap.add_argument("--floor", action="append", default=[], metavar="KIND=PCT",
                    help="another floor for KIND with --require (ctest keeps the level reached "
                         "where it is below the aim in FLOORS: docs/conformance.md)")
    ap.add_argument("--keep", metavar="DIR", help="write the wrapped cables to DIR and keep them")
    args = ap.parse_args()
    if not os.path.exists(args.vectors):
        print("skipped: %s is absent" % args.vectors)
        return 77
    if not os.access(args.cable, os.X_OK):
        print("cablemap_vectors: no cable tool at %s (use --cable)" % args.cable, file=sys.stderr)
        return 2
    with open(args.vectors, encoding="utf-8") as f:
        vectors = [json.loads(line) for line in f if line.strip()]

    os.makedirs(args.keep or ".", exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cablemap-vectors-") as tmp:
        tmp = args.keep or tmp
        jobs = []
        for i, v in enumerate(vectors):
            if v["kind"] not in KINDS:
                continue
            notes = notes_of(v)
            kind, name = v["kind"], "%04d" % i
            if kind in ("reference_id", "reference_id_equiv"):
                text = wrap(kind, "", v["input"])
                if kind == "reference_id_equiv":
                    with open(os.path.join(tmp, name + "e.txt"), "w", encoding="utf-8") as f:
                        f.write(wrap(kind, "", v["expected"]))
            elif kind in ("recipients", "info_recipients"):
                text = wrap(kind, "", citing_id(notes, i), header=v["input"])
            else:
                text = wrap(kind, v["input"], citing_id(notes, i))
            with open(os.path.join(tmp, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
            jobs.append((i, v, notes, name))
        run = subprocess.run([args.cable, "parse", "--json", tmp], capture_output=True,
                             text=True, encoding="utf-8", errors="replace")
    if run.returncode not in (0, 1):
        print("cablemap_vectors: `cable parse` failed (%d): %s" % (run.returncode, run.stderr.strip()),
              file=sys.stderr)
        return 2
    parsed, errors = {}, {}
    for line in run.stdout.splitlines():
        if line.strip():
            c = json.loads(line)
            parsed[os.path.basename(c["source"]["file"])[:-4]] = c
    for line in run.stderr.splitlines():
        m = re.search(r"(\d{4}e?)\.txt\S*\s+(.*)", line)
        if m:
            errors[m.group(1)] = m.group(2)

    typed = any("kind" in r for c in parsed.values() for r in c.get("references", []))
    stats = {k: [0, 0, 0] for k in KINDS}  # passed, total, partial
    failures = []
    for i, v, notes, name in jobs:
        kind = v["kind"]
        stats[kind][1] += 1
        cable = parsed.get(name)
        if cable is None:
            ok, got, partial = False, "refused: " + errors.get(name, "no output for the file"), False
        else:
            ok, got, partial = compare(kind, v, notes, cable, parsed.get(name + "e"), typed)
        stats[kind][0] += ok
        stats[kind][2] += ok and partial
        if not ok:
            failures.append({"index": i, "kind": kind, "src": notes.get("src", "?"),
                             "from_cable": notes.get("from_cable"), "input": v["input"],
                             "expected": v["expected"], "got": got,
                             "warnings": [w for w in (cable or {}).get("warnings", [])
                                          if w != "no body text"]})
    na = {k: sum(1 for v in vectors if v["kind"] == k) for k in NOT_APPLICABLE}
    other = sorted({v["kind"] for v in vectors} - set(KINDS) - set(NOT_APPLICABLE))
    na.update({k: sum(1 for v in vectors if v["kind"] == k) for k in other})
    pct = lambda p, t: 100.0 * p / t if t else 100.0
    merged = dict(stats)
    merged["recipients"] = [stats["recipients"][j] + stats["info_recipients"][j] for j in range(3)]
    for f in args.floor:
        kind, _, value = f.partition("=")
        FLOORS[kind] = float(value)
    below = [k for k, floor in FLOORS.items() if merged[k][1] and pct(*merged[k][:2]) < floor]
    passed = sum(s[0] for s in stats.values())
    failed = sum(s[1] for s in stats.values()) - passed

    if args.json:
        print(json.dumps({"kinds": {k: {"passed": s[0], "total": s[1], "pct": round(pct(*s[:2]), 2),
                                        "partial": s[2]} for k, s in stats.items()},
                          "not_applicable": na, "floors": FLOORS, "below_floor": below,
                          "passed": passed, "failed": failed, "failures": failures},
                         ensure_ascii=False, indent=1))
        return 1 if args.require and below else 0
    for k in KINDS:
        p, t, partial = stats[k]
        extra = ""
        if k == "references_typed" and partial:
            extra = "  (%d of them partial: cable ids and letters only, libcable gives no " \
                    "reference kind)" % partial
        elif k in FLOORS and k != "recipients":
            extra = "  (floor %g%%)" % FLOORS[k]
        print("%s: %d/%d = %.1f%%%s" % (k, p, t, pct(p, t), extra))
    print("recipients + info_recipients: %d/%d = %.1f%%  (floor 80%%; names only)"
          % (merged["recipients"][0], merged["recipients"][1], pct(*merged["recipients"][:2])))
    print("not applicable (cablemap's own helpers): " +
          ", ".join("%s %d" % (k, n) for k, n in na.items()))
    if args.verbose and failures:
        print("\nfailing vectors:")
        for fl in failures:
            print("- %s [%s]%s" % (fl["kind"], fl["src"],
                                   " from_cable=" + fl["from_cable"] if fl["from_cable"] else ""))
            print("    input:    " + short(fl["input"]))
            print("    expected: " + short(fl["expected"]))
            print("    got:      " + short(fl["got"]))
            exp, got = fl["expected"], fl["got"]
            if isinstance(got, list) and isinstance(exp, list) and all(isinstance(x, str) for x in exp + got):
                missing, extra = [x for x in exp if x not in got], [x for x in got if x not in exp]
                print("    missing:  %s  extra: %s" % (short(missing, 70), short(extra, 70)))
            if fl["warnings"]:
                print("    warnings: " + short("; ".join(fl["warnings"])))
    if args.require and below:
        print("below the floor: " + ", ".join(below))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if args.require and below else 0


if __name__ == "__main__":
    sys.exit(main())
