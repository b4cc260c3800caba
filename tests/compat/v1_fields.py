#!/usr/bin/env python3
"""Every field of every record of htkp/1 files, found where the record
view shows it after an import by today's htkp-import: `htkp show` prints
what the kiosk's record view draws (both walk src/store/recordfmt.c).

usage: v1_fields.py HTKP DB FILE...   prints TAP lines, exits 1 on a miss.
Keyword values may be shown in the Protocol's wording: a v1 value matches
a shown value holding all its words ("abuse of a position of
vulnerability" in "Abuse of power or of a position of vulnerability"), or
"Other: <value>"."""
import json
import re
import subprocess
import sys

STOP = {"a", "an", "of", "or", "the", "to", "and", "other", "forms"}


def words(s):
    return {w for w in re.findall(r"\w+", s.lower()) if w not in STOP}


def show(htkp, db, dbname, rid):
    out = subprocess.run([htkp, "--db", db, "show", dbname, rid],
                         capture_output=True, text=True)
    return out.returncode, out.stdout.split("\n")


def norm(s):
    return " ".join(str(s).split())


def label_values(lines, label):
    """The values of every "label: v1; v2" line (indented or not), and
    each line's whole text (a single value may hold "; " itself)."""
    got = []
    for ln in lines:
        m = re.match(r"^\s*" + re.escape(label) + r": (.*)$", ln)
        if m:
            got += [m.group(1)] + [v.strip() for v in m.group(1).split("; ")]
    return got


class Checker:
    def __init__(self):
        self.failed = 0

    def check(self, ok, what):
        print(("ok - " if ok else "not ok - ") + what)
        if not ok:
            self.failed = 1

    def has_line(self, lines, want, what):
        self.check(norm(want) in {norm(x) for x in lines}, what + ": " + want[:60])

    def has_value(self, lines, label, value, what, keyword=False):
        shown = label_values(lines, label)
        value = norm(value)
        ok = any(norm(v).lower() == value.lower() for v in shown)
        if keyword and not ok:
            ok = any(words(value) <= words(v) or norm(v) == "Other: " + value
                     for v in shown)
        self.check(ok, "%s: %s: %s" % (what, label, value[:50]))


def check_case(c, r, lines):
    rid = r["id"]
    c.check(lines and norm(lines[0]) == norm(r["title"]), rid + ": title")
    simple = [("country", "Country"), ("decision_date", "Decision date"),
              ("verdict", "Verdict as given"), ("sentence", "Sentence"),
              ("court", "Name"), ("legal_system", "Legal System")]
    for key, label in simple:
        if r.get(key):
            c.has_value(lines, label, r[key], rid)
    for key in ("summary", "commentary", "source"):
        if r.get(key):
            c.has_line(lines, r[key], rid + ": " + key)
    for key, label in (("acts", "Acts"), ("means", "Means"),
                       ("purposes", "Purpose of exploitation")):
        for v in r.get(key) or []:
            c.has_value(lines, label, v, rid, keyword=True)
    for key, label in (("sectors", "Sector in which exploitation takes place"),
                       ("cooperation", "International cooperation")):
        for v in r.get(key) or []:
            c.has_value(lines, label, v, rid)
    if "cross_border" in r:
        c.has_value(lines, "Form of trafficking",
                    "Transnational" if r["cross_border"] else "Internal", rid)
    if r.get("countries_involved"):
        shown = [v for ln in lines for v in ln.split("; ")]
        for v in r["countries_involved"]:
            c.check(norm(v) in {norm(x) for x in shown}, rid + ": involved " + v)
    for i, p in enumerate(r.get("proceedings") or []):
        n = i + 1
        label = "%d%s Instance" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n, "th"))
        if p.get("court"):
            c.has_value(lines, label, p["court"], rid)
        for key, lab in (("date", "Date"), ("decision", "Decision"),
                         ("outcome", "Outcome"), ("sentence", "Sentence")):
            if p.get(key):
                c.has_value(lines, lab, p[key], rid)
    v = r.get("victims") or {}
    d = r.get("defendants") or {}
    for obj, section in ((v, "Victims"), (d, "Defendants")):
        try:
            start = lines.index(section)
        except ValueError:
            if obj:
                c.check(False, rid + ": section " + section)
            continue
        part = lines[start:]
        if "count" in obj:
            c.has_value(part, "Number", str(obj["count"]), rid + " " + section)
        for g in obj.get("gender") or []:
            c.has_value(part, "Gender", g, rid + " " + section)
        for n in obj.get("nationalities") or []:
            c.has_value(part, "Nationality", n, rid + " " + section)
        if "children" in obj:
            c.has_value(part, "Children", "yes" if obj["children"] else "no",
                        rid + " " + section)
    for law in r.get("legislation") or []:
        c.check(any(ln.startswith("  " + law + ": ") for ln in lines),
                rid + ": links to " + law)


def check_law(c, r, lines):
    rid = r["id"]
    c.check(lines and norm(lines[0]) == norm(r["title"]), rid + ": title")
    for key, label in (("country", "Country"), ("year", "Year"), ("url", "Full text")):
        if r.get(key):
            c.has_value(lines, label, str(r[key]), rid)
    for t in r.get("topics") or []:
        c.has_value(lines, "Topics", t, rid)
    if r.get("summary"):
        c.has_line(lines, r["summary"], rid + ": summary")


def check_publication(c, r, lines):
    rid = r["id"]
    c.check(lines and norm(lines[0]) == norm(r["title"]), rid + ": title")
    for key, label in (("year", "Year"), ("type", "Type"), ("publisher", "Publisher"),
                       ("language", "Language"), ("method", "Research method"),
                       ("url", "Link"), ("doi", "DOI"), ("isbn", "ISBN")):
        if r.get(key):
            c.has_value(lines, label, str(r[key]), rid)
    for key, label in (("authors", "Authors"), ("countries", "Countries covered"),
                       ("keywords", "Keywords"), ("methods", "Method categories")):
        for v in r.get(key) or []:
            c.has_value(lines, label, v, rid)
    if r.get("abstract"):
        c.has_line(lines, r["abstract"], rid + ": synopsis")
        c.check("Synopsis" in lines, rid + ": the abstract is under Synopsis")


def main():
    htkp, db, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    c = Checker()
    kinds = (("cases", check_case), ("legislation", check_law),
             ("bibliography", check_publication))
    for f in files:
        data = json.load(open(f, encoding="utf-8-sig"))
        for dbname, fn in kinds:
            for r in data.get(dbname) or []:
                rc, lines = show(htkp, db, dbname, r["id"].strip())
                c.check(rc == 0, "%s: show %s %s" % (f, dbname, r["id"]))
                fn(c, r, lines)
    sys.exit(c.failed)


main()
