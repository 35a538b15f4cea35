#!/usr/bin/env python3
"""Invariants of `cable parse --json` over the cablegate website pages.

Runs CABLE parse --json CORPUS/cablegate-html once and checks, per cable:
  1. no page header ("PARIS 00000741 002.2 OF 004", "PAGE 02 ROME 03067 211833Z",
     "XXXXXXXXXXXX 002 OF 002") survives in paragraphs, subject, references,
     captions, handling or the other text fields;
  2. the subject begins with the site's <h3> subject (its first line; markings
     and XXXX redactions aside) and holds no REF/Classified By/E.O./TAGS/
     DERIVED FROM/ruler/page header;
  3. every REF entry that names a cable yields its canonical ID, checked
     against a simple oracle built here from the site's body text;
  4. tags are [A-Z0-9]+ codes, or a free-text phrase of the TAGS line as written
     ("ITALIAN POLITICS": words of letters, in the line in that order); unique;
     not words of a parenthesised person name or of an inline "Subject:" on the
     TAGS line (long or stop-word tags: suspicious);
  5. the cable ID is canonical (^\\d{2}[A-Z]+\\d+$, no leading zero, no SECTION).
Also prints, as a sanity line, how often the site's tags appear in order in ours.

Usage: invariants.py [--cable BIN] [--corpus DIR] [--verbose] [--require] [--json]
Exit: 0 (or 1 with --require when an invariant is broken), 2 when the program
fails, 77 (skip) when the corpus is absent. Python 3 standard library only.
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the checkout
EXAMPLES = 15

# --- 1. page headers ------------------------------------------------------
# Modern: ORIGIN SERIAL PP[.V] OF NN [DTG]; the zero-padded serial (5-8 digits)
# before a 3-digit page number is what prose ("ranked 104 of 159") never has.
# Redacted: the origin and serial replaced by XXXX. Residue: "002 OF 004" alone
# (both sides zero-padded 3-digit numbers). 1970s: "PAGE 02 ROME 03067 211833Z",
# "PAGE 02 CAPE T 00097 01 OF 03 182017Z", "PAGE 02 RUEHFRA0170 S E C R E T".
HEADER_RES = [
    re.compile(r"\b\d{5,8}\s{1,3}\d{3}(?:\.\d)?\s{1,3}(?:OF|of)\s{1,3}\d{3}\b"),
    re.compile(r"X{4,}\s{1,3}\d{3}(?:\.\d)?\s{1,3}(?:OF|of)\s{1,3}\d{3}\b"),
    re.compile(r"\b0\d\d(?:\.\d)?\s{1,2}(?:OF|of)\s{1,2}0\d\d\b"),
    re.compile(r"\bPAGE\s+\d\d\s+(?:[A-Z]+\s+){1,3}\d{4,6}\s+(?:\d\d\s+OF\s+\d\d\s+)?\d{6}Z"),
    re.compile(r"\bPAGE\s+\d\d\s+RUE[A-Z]{4}\d+"),
]


HEADER_WITH_ORIGIN = re.compile(r"(?:\b[A-Z][A-Za-z]+\s+){1,3}" + HEADER_RES[0].pattern[2:])


def find_header(text):
    return next((m for m in (rx.search(text or "") for rx in HEADER_RES) if m), None)


def snippet(text, m, width=40):
    a, b = max(0, m.start() - width), min(len(text), m.end() + width)
    return "…"[:a] + " ".join(text[a:b].split()) + "…"[:len(text) - b]


def text_fields(c):
    """(field name, text) for every free-text field of a parsed cable."""
    for k in ("subject", "signature", "eo", "classified_by"):
        yield k, c.get(k, "")
    for k in ("captions", "handling"):
        yield from (("%s[%d]" % (k, i), t) for i, t in enumerate(c.get(k) or []))
    for r in c.get("references") or []:
        yield "ref %s raw" % r.get("letter", ""), r.get("raw", "")
        yield "ref %s id" % r.get("letter", ""), r.get("id") or ""
    for p in c.get("paragraphs") or []:
        yield "para %s" % p.get("number", ""), p.get("text", "")
        for it in p.get("items") or []:
            yield "para %s item %s" % (p.get("number", ""), it.get("label", "")), it.get("text", "")


# --- 2. subject -----------------------------------------------------------
MARKING = r"\(\s*(?:U|C|S|TS|SBU|FOUO|N/SF)\b[A-Z/ ,.-]{0,24}\)"
LEAD_MARKING = re.compile(r"^\s*" + MARKING.replace("\\(", "\\(?", 1), re.I)  # the site drops the "("
SUBJECT_BANNED = [
    ("REF", re.compile(r"REFS?\s*:|\bREFS\b|\bREFTELS?\b", re.I)),  # also "PRIMEREF:"
    ("Classified By", re.compile(r"\bClassified\s+By\b", re.I)),
    ("E.O.", re.compile(r"\bE\.\s?O\.(?:\s|$)|\b12958\b")),
    ("TAGS", re.compile(r"\bTAGS\b|\bTags:")),
    ("DERIVED FROM", re.compile(r"\bDERIVED\s+FROM\b", re.I)),
    ("ruler", re.compile(r"-{5,}")),
]


def norm_subject(s):
    """Markings, redactions (XXXX, ███) and punctuation aside (the site drops a
    leading quote or "(", libcable repairs "BRAZIL,S" to "BRAZIL’S"), folded."""
    s = HEADER_WITH_ORIGIN.sub(" ", html.unescape(s or ""))  # the site's <h3> can hold one
    # The site's <h3> also holds what follows an unwrapped SUBJECT on its line
    # (a REF, "Classified By") and, once, the keyword itself: that is no subject.
    s = re.split(r"(?:REF(?:S|\(S\)|TEL)?:|CLASSIFIED BY\b)", s, flags=re.I)[0]
    s = re.sub(r"^\s*SUBJECT\s*:", "", s, flags=re.I)
    s = re.sub(MARKING, " ", LEAD_MARKING.sub(" ", s), flags=re.I)
    s = re.sub(r"X{3,}|█+|[^\w\s]|_", " ", s, flags=re.I)
    return " ".join(s.split()).casefold()


# --- 3. references: the oracle ---------------------------------------------
# Limits, on purpose: the REF block is the REF line plus the lines after it up
# to a blank line not followed by a lettered item, or a line that opens
# something else (Classified By, a paragraph, SUMMARY, a ruler...). Within it
# every number of 1-7 digits preceded by 1-3 letter-only words (walking back,
# stopping at a stop word) is a cable citation, with a 2-digit/19xx/20xx year
# just before the origin ("(08) SAO PAULO 581" too), or "(08)" right after the
# number. It does not know real origins: "MADRID SP 0307" gives 05MADRIDSP307,
# "PORT OF SPAIN 12" gives ..SPAIN12, "EMBASSY VIENNA 1450" gives ..VIENNA1450; a
# prose line taken as a continuation ("met MONDAY 12") could give an ID; it
# misses origins not all letters ("USUN-NY 12"), a REF glued to a word
# ("PRIMEREF:") and wrapped numbers on lines it does not take. It expects every
# cable of an entry ("ALGIERS 110 AND ALGIERS 140"): libcable keeps one ID each.
REF_LINE = re.compile(r"^\s*(?:(?:REFERENCES?|REFTELS?|REFS?|REF\(S\))\s*[:.]|(?:REFTELS?|REFS?)\s+(?=[A-Z0-9(]))",
                      re.I)
# "SUBJECT: ... REF: MOSCOW 00079" on one line; glued in 08LONDON1991 ("PRIMEREF:")
INLINE_REF = re.compile(r"(?:\s|(?<=[A-Z]))REF(?:S|TEL)?\s*:")
ITEM_LINE = re.compile(r"^\s*(?:¶\s*)?(?:\([A-Za-z]\)|[A-Za-z][.)])(?:\s|$)")
STOP_LINE = re.compile(r"^\s*(?:Classified|CLASSIFIED|Derived|DERIVED|¶\s*\d|\d{1,2}\s*[.)]|\(?[A-Z/]{0,6}\)?\s*SUMMARY|"
                       r"Summary|-{3,}|- - -|E\.\s?O\.|TAGS|SUBJ|SIPDIS|NOFORN|SENSITIVE|BEGIN|Begin|"
                       r"\((?:U|C|S|SBU|S/NF|C/NF)\))")
MONTHS = set("JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC JANUARY FEBRUARY MARCH APRIL JUNE "
             "JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER".split())
STOP = MONTHS | set("REF REFS REFTEL REFTELS AND OR OF THE SEE ALSO PREVIOUS PARA PARAS PARAGRAPH NO NUMBER "
                    "EMAIL MAIL TELCON IN ON AT TO FROM FOR DATED BY WITH TELEGRAM CABLE NOTAL "
                    "EMBASSY AMEMBASSY".split())
NOT_CABLES = set("IIR TD OSC CPP DTG FBIS MEMO LETTER REPORT NOTE DIPNOTE FAX DIA FAM".split())
# No post of the release sends cables under these names: "USDEL 00007" (a
# delegation's message, 06ABUDHABI1725), "WHITE HOUSE 853" (09BAGHDAD1104).
NOT_CABLES |= {"USDEL", "WHITE"}
NON_CABLE_ID = re.compile(r"^\d\d(?:IIR|TD|OSC|DTG|CPP)")


def ref_block(body):
    """The text of the REF block of a raw body, or None."""
    lines = body.split("\n")
    for i, ln in enumerate(lines[:120]):
        if re.match(r"^\s*¶\s*\d", ln):
            return None  # the paragraphs began: no REF block in the preamble
        m = REF_LINE.match(ln) or (re.match(r"\s*SUBJ", ln, re.I) and INLINE_REF.search(ln))
        if not m:
            continue
        out, j = [ln[m.end():]], i + 1
        while j < len(lines):
            s = lines[j]
            if not s.strip():
                k = j
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if k < len(lines) and ITEM_LINE.match(lines[k]):
                    j = k
                    continue
                break
            if (h := find_header(s)) and h.start() < 3:  # a page header line: skip it
                j += 1
                continue
            if STOP_LINE.match(s) and not ITEM_LINE.match(s):
                break
            out.append(s)
            j += 1
        return re.split(r"Classified\s+By", " ".join(out), flags=re.I)[0]
    return None


def year_serial(cable_id):
    """("09", "268") for 09PARIS268."""
    m = re.fullmatch(r"(\d\d)[A-Z]+(\d+)", cable_id)
    return (m.group(1), m.group(2)) if m else (cable_id, "")


def oracle_ids(block, citing_year):
    text = block.replace("¶", " ")
    for rx in HEADER_RES:
        text = rx.sub(" ", text)
    # Glued forms: "ASHGABAT687", "09DHAHRAN 201", "00830--05/DEC/2008".
    text = re.sub(r"\b([A-Z]{3,})(\d{2,7})\b", r"\1 \2", text)
    text = re.sub(r"\b(\d\d)([A-Z]{3,})\b", r"\1 \2", text)
    text = re.sub(r"\b(\d{1,7})--\S+", r"\1", text)
    text = re.sub(r"\(([A-Za-z])\)(?=\S)", r"(\1) ", text)
    toks = text.split()
    ids, used = [], set()
    for k, t in enumerate(toks):
        num = t.rstrip(".,;:")
        if not re.fullmatch(r"\d{1,7}", num):
            continue
        ends = t[len(num):] != ""  # "ABUJA 207; FEB 24 ...": the entry ended
        nxt = toks[k + 1].strip(".,;:()").upper() if k + 1 < len(toks) and not ends else ""
        if nxt in MONTHS:
            continue  # "20 SEPTEMBER 2007": a date
        words, j = [], k - 1
        while j >= 0 and len(words) < 3 and re.fullmatch(r"[A-Za-z]+", toks[j]) and toks[j].upper() not in STOP:
            words.insert(0, toks[j].upper())
            j -= 1
        if not words or set(words) & NOT_CABLES or words[0].startswith("XXX") or (
                j >= 0 and toks[j].upper() in MONTHS):
            continue  # not a cable, a redacted origin, or "FEBRUARY 17"
        year = citing_year
        if j >= 0 and j not in used and re.fullmatch(r"\d\d|(?:19|20)\d\d|\(\d\d\)", toks[j]):
            year = toks[j].strip("()")[-2:]
        # "(08)" after a serial is its year unless an origin follows it, whose
        # year it then is ("BRASILIA 709 (08) SAO PAULO 542": 09SAOPAULO653
        # cites the same two as "BRASILIA 709 2008 SAO PAULO 542").
        if not ends and k + 1 < len(toks) and re.fullmatch(r"\((\d\d)\)[.,;]?", toks[k + 1]) and not (
                k + 2 < len(toks) and re.fullmatch(r"[A-Za-z]+", toks[k + 2])):
            year = toks[k + 1][1:3]
        used.add(k)
        ids.append(year + re.sub(r"^SECSTATE$", "STATE", "".join(words)) + str(int(num)))
    return ids


# --- 4. tags ----------------------------------------------------------------
TAGS_LINE = re.compile(r"^\s*(?:TAGS?|TAS|TABS|TGS)\b\s*:?", re.I)
SUSPICIOUS_WORDS = set("SUBJECT SUBJ THE A AND OF FOR REF REFS TAGS TAG E O EO".split())  # not IN, TO


def raw_tags_line(body):
    lines = body.split("\n")
    for i, ln in enumerate(lines[:80]):
        if TAGS_LINE.match(ln):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            wrapped = re.fullmatch(r"\s*[A-Za-z0-9]{2,6}(?:\s*[,;]?\s*[A-Za-z0-9]{2,6})*\s*,?\s*", nxt)
            return ln + (" " + nxt if wrapped and nxt.strip() else "")
    return ""


def read_body(cable, row):
    """The site's body text: the truth file's, else the page's second <pre>."""
    if row.get("body") is not None:
        return row["body"]
    with open(cable.get("source", {}).get("file", ""), encoding="utf-8") as f:
        pres = re.findall(r"<pre[^>]*>(.*?)</pre>", f.read(), re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", pres[1])) if len(pres) > 1 else ""


class Invariant:
    def __init__(self, n, title):
        self.n, self.title, self.pages = n, title, {}  # ID -> [what is wrong]

    def fail(self, cid, what):
        self.pages.setdefault(cid, []).append(what)

    def examples(self, verbose):
        """Per page its first problem (+ how many more), or all with verbose."""
        for cid, whats in list(self.pages.items())[:None if verbose else EXAMPLES]:
            more = "" if verbose or len(whats) < 2 else "  (+%d more)" % (len(whats) - 1)
            yield from ("%s: %s%s" % (cid, w, more) for w in (whats if verbose else whats[:1]))


def check(cables, truth):
    inv = {n: Invariant(n, t) for n, t in [
        (1, "no page header in any text field"),
        (2, "subject starts with the site's subject, holds no preamble"),
        (3, "REF entries naming a cable yield its ID (oracle)"),
        (4, "tags are [A-Z0-9]+, unique, no person-name/subject words"),
        (5, "cable ID is canonical")]}
    suspicious, tags_ok, tags_cmp, refs_none = [], 0, 0, []
    for c in cables:
        cid = c.get("id", "?")
        row = truth.get(cid, {})
        body = read_body(c, row)
        # 1
        for field, t in text_fields(c):
            if m := find_header(t):
                inv[1].fail(cid, "%s: %r" % (field, snippet(t, m)))
        # 2
        subj = c.get("subject", "")
        site = norm_subject(row.get("subject", ""))
        ours = norm_subject(subj)
        if site and not (ours.startswith(site) or (site.endswith("-") and ours.startswith(site[:-1]))):
            inv[2].fail(cid, "site %r / ours %r" % (row.get("subject", "")[:70], subj[:90]))
        if re.match(r"\s*" + MARKING, subj, re.I):
            inv[2].fail(cid, "opens with a marking: %r" % subj[:60])
        for name, rx in SUBJECT_BANNED + [("page header", HEADER_RES[0])]:
            if m := rx.search(subj):
                inv[2].fail(cid, "holds %s: %r" % (name, snippet(subj, m, 30)))
        # 3
        block = ref_block(body) if body else None
        want = oracle_ids(block, cid[:2]) if block else []
        got = [r.get("id") for r in c.get("references") or [] if r.get("id")]
        # Compared by year and serial: how an origin is spelled ("RIO",
        # "CASA", "UNVIE") is the station table's business, not this oracle's.
        want_keys, got_keys = {year_serial(x) for x in want}, {year_serial(x) for x in got}
        missing = [x for x in dict.fromkeys(want) if year_serial(x) not in got_keys]
        invented = [x for x in dict.fromkeys(got)
                    if year_serial(x) not in want_keys or NON_CABLE_ID.match(x)]
        if want and not want_keys & got_keys:
            refs_none.append(cid)
        if missing or invented:
            inv[3].fail(cid, "REF %r%s%s" % (" ".join((block or "").split())[:110],
                                             "\n      missing %s" % missing if missing else "",
                                             "\n      invented %s" % invented if invented else ""))
        # 4
        tags = c.get("tags") or []
        raw = raw_tags_line(body)
        m = re.search(r"\bSUBJ(?:ECT)?\b\s*:?(.*)", raw, re.I)
        tag_part, subj_part = (raw[:m.start()], m.group(1)) if m else (raw, "")
        paren = " ".join(re.findall(r"\(([^)]*)\)", tag_part))
        bare = set(re.findall(r"[A-Z0-9]+", re.sub(r"\([^)]*\)", " ", tag_part).upper()))
        paren_w = set(re.findall(r"[A-Z0-9]+", paren.upper())) - bare
        subj_w = set(re.findall(r"[A-Z0-9]+", subj_part.upper())) - bare
        raw_words = " " + " ".join(re.findall(r"[A-Z0-9]+", tag_part.upper())) + " "
        for k, t in enumerate(tags):
            # A code as written: letters and digits, and the hyphen of the
            # African Union's AU-1 (09BEIJING1582); or a phrase of the line.
            code = re.fullmatch(r"[A-Z0-9]+(?:-[0-9])?", t)
            phrase = re.fullmatch(r"[A-Z]+(?: [A-Z]+)+", t) and " %s " % t in raw_words \
                and not ({t.split()[0], t.split()[-1]} & SUSPICIOUS_WORDS)
            why = [w for w, bad in [("not a code or phrase of the line", not code and not phrase),
                                    ("duplicate", t in tags[:k]), ("stop word", t in SUSPICIOUS_WORDS),
                                    ("word of a name in parentheses %r" % paren, set(t.split()) & paren_w),
                                    ("word of the inline subject", set(t.split()) & subj_w)] if bad]
            if why:
                inv[4].fail(cid, "tag %r: %s (raw %r)" % (t, ", ".join(why), " ".join(raw.split())[:90]))
            elif len(t) > 6 and not phrase:
                suspicious.append("%s: tag %r longer than 6 (raw %r)" % (cid, t, " ".join(raw.split())[:80]))
        site_tags = list(dict.fromkeys(row.get("tags") or []))  # 4 pages list them twice
        if site_tags:
            tags_cmp += 1
            it = iter([w for t in tags for w in t.split()])  # the site links each word of a phrase
            if all(any(t == u for u in it) for t in site_tags):
                tags_ok += 1
            else:
                suspicious.append("%s: site tags %s not in order in ours %s" % (cid, site_tags, tags))
        # 5
        if not re.fullmatch(r"\d{2}[A-Z]+[1-9]\d*", cid) or "ECTION" in cid:
            inv[5].fail(cid, "id %r" % cid)
    return inv, suspicious, (tags_ok, tags_cmp), refs_none


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cable", default=os.environ.get("CABLE", os.path.join(ROOT, "build", "bin", "cable")))
    ap.add_argument("--corpus", default=os.environ.get("CABLE_SHARED_CORPUS",
                                                       os.path.join(os.path.dirname(ROOT), "shared", "corpus")))
    ap.add_argument("--verbose", action="store_true", help="print every example, not the first 15")
    ap.add_argument("--require", action="store_true", help="exit 1 when an invariant is broken")
    ap.add_argument("--json", action="store_true", help="print a JSON summary instead")
    a = ap.parse_args()
    pages = os.path.join(a.corpus, "cablegate-html")
    if not os.path.isdir(pages):
        print("SKIP: %s is absent" % pages, file=sys.stderr)
        return 77
    if not os.access(a.cable, os.X_OK):
        print("error: no program %s (--cable)" % a.cable, file=sys.stderr)
        return 2
    tf, truth = os.path.join(a.corpus, "cablegate-html.truth.jsonl"), {}
    if os.path.exists(tf):  # without it: no site subjects or tags; bodies from the pages
        with open(tf, encoding="utf-8") as f:
            truth = {r["id"]: r for r in map(json.loads, f)}
    p = subprocess.run([a.cable, "parse", "--json", pages], capture_output=True, text=True)
    cables = [json.loads(ln) for ln in p.stdout.splitlines() if ln.strip()]
    if not cables:
        print("error: %s parse gave no cables (exit %d): %s" % (a.cable, p.returncode, p.stderr[:500]),
              file=sys.stderr)
        return 2
    inv, suspicious, (tags_ok, tags_cmp), refs_none = check(cables, truth)
    n = len(cables)
    failed = sum(1 for i in inv.values() if i.pages)
    if a.json:
        print(json.dumps({"pages": n, "parse_exit": p.returncode, "failed": failed, "passed": len(inv) - failed,
                          "invariants": {str(k): {"title": i.title, "broken": len(i.pages), "pages": i.pages}
                                         for k, i in inv.items()},
                          "refs_named_but_none_found": refs_none, "suspicious": suspicious,
                          "site_tags_in_order": [tags_ok, tags_cmp]}, indent=1))
    else:
        if p.returncode:
            print("note: parse exited %d: %s" % (p.returncode, p.stderr.strip()[:300]))
        for k, i in inv.items():
            print("inv %d: broken on %d of %d pages (%s)" % (k, len(i.pages), n, i.title))
            for e in i.examples(a.verbose):
                print("   " + e)
            if not a.verbose and len(i.pages) > EXAMPLES:
                print("   … %d more pages (--verbose)" % (len(i.pages) - EXAMPLES))
            if k == 3:
                print("   REF names a cable but none of its IDs came out: %d pages %s" %
                      (len(refs_none), " ".join(refs_none[:EXAMPLES if not a.verbose else None])))
        print("suspicious (not counted): %d" % len(suspicious))
        for e in suspicious if a.verbose else suspicious[:EXAMPLES]:
            print("   " + e)
        print("sanity: site tags appear in order in ours on %d of %d pages with site tags" % (tags_ok, tags_cmp))
        print("%d passed, %d failed" % (len(inv) - failed, failed))
    return 1 if a.require and failed else 0


if __name__ == "__main__":
    sys.exit(main())
