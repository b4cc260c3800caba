#!/usr/bin/python3
"""The pages of the byte walk (tests/bytes/cases.keys) as a static web
site, for lynx and w3m to show what htkp shows: the home menu, the Case
Law page with its search form, the results of a search (one page, as a
web site would have it) and a record. Same database, same words, same
record: every result links to the record htkp's walk opens (the 11th,
--record), so a browser shows that page whichever link its keys reach.
Standard library only.

    bench/site.py [--db db/htkp.db] [--words "forced labour"] [--record 11] OUTDIR

bench/browsers.sh serves OUTDIR over HTTP on loopback (the form's GET
goes to results.html whatever was typed) and drives the browsers through
tests/bytes/meter.py.
"""
import argparse
import html
import os
import re
import sqlite3

HOME_ITEMS = ["Welcome", "Definition: article 3 of the Protocol", "Case Law Database",
              "Database of Legislation", "Bibliographic Database", "Help", "About", "Marked"]
CASE_ITEMS = ["Browse by country", "Browse by keyword", "Filters", "All %d cases, newest first",
              "Recently added", "Statistics"]
# The record's keyword sections and the facet fields that make them.
KEYWORDS = [("Acts", "act"), ("Means", "means"), ("Purpose of exploitation", "purpose"),
            ("Sectors", "sector"), ("Cross-cutting issues", "cross_cutting")]
FIELDS = [("Country", "country"), ("Court", "court"), ("Decision date", "decision_date"),
          ("Verdict", "verdict"), ("Sentence", "sentence")]


def page(title, body):
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>%s</title></head><body>\n%s\n</body></html>\n" % (html.escape(title), body))


def esc(s):
    return html.escape(s or "")


def snippet(text, words, width=68):
    """Text around the first of the words, as a list row shows it."""
    low = (text or "").lower()
    hits = [low.find(w) for w in words if low.find(w) >= 0]
    if not hits:
        return ""
    start = max(0, min(hits) - 25)
    return "..." + " ".join(text[start:start + width].split())


def facets(db, rec, field):
    return [v for (v,) in db.execute(
        "SELECT value FROM facet WHERE db='cases' AND rec=? AND field=? ORDER BY seq", (rec, field))]


def home(db):
    n = {t: db.execute("SELECT count(*) FROM %s" % t).fetchone()[0]
         for t in ("cases", "legislation", "bibliography")}
    items = []
    for i, name in enumerate(HOME_ITEMS):
        extra = {2: " (%d cases)" % n["cases"], 3: " (%d laws)" % n["legislation"],
                 4: " (%d publications)" % n["bibliography"]}.get(i, "")
        href = "cases.html" if i == 2 else "#"
        items.append('<li><a href="%s">%s</a>%s</li>' % (href, esc(name), extra))
    return page("Human Trafficking Knowledge Portal",
                "<h1>Human Trafficking Knowledge Portal</h1>\n<ol>\n%s\n</ol>\n"
                "<p>To search, open 3-5.</p>" % "\n".join(items))


def cases_page(db):
    n = db.execute("SELECT count(*) FROM cases").fetchone()[0]
    links = "\n".join('<li><a href="#">%s</a></li>' % esc(t.replace("%d", str(n)))
                      for t in CASE_ITEMS)
    return page("Case Law Database",
                "<h1>Case Law Database</h1>\n"
                "<form method=\"get\" action=\"results.html\">Search: "
                "<input type=\"text\" name=\"q\" size=\"40\"> "
                "<input type=\"submit\" value=\"Search\"></form>\n"
                "<p>%d cases</p>\n<ul>\n%s\n</ul>" % (n, links))


def results(db, words, href):
    rows = db.execute(
        "SELECT c.rowid, c.id, c.title, c.country, c.year, c.outcome, c.summary, c.commentary "
        "FROM cases_fts f JOIN cases c ON c.rowid = f.rowid "
        "WHERE cases_fts MATCH ? ORDER BY rank", (words,)).fetchall()
    terms = [w.strip('"').lower() for w in words.split()]
    items = []
    for rowid, cid, title, country, year, outcome, summary, commentary in rows:
        snip = snippet(summary, terms) or snippet(commentary, terms) or \
            "Purpose of exploitation: " + "; ".join(facets(db, rowid, "purpose"))
        items.append('<li><a href="%s">%s</a> %s %s %s<br>%s</li>'
                     % (href, esc(title), esc(country), year or "", esc(outcome), esc(snip)))
    body = ("<h1>Case Law Database: results</h1>\n<p>Search: %s<br>Results 1-%d of %d, "
            "by relevance</p>\n<ol>\n%s\n</ol>" % (esc(words), len(rows), len(rows), "\n".join(items)))
    return page("Case Law Database: results", body), rows


def record(db, rowid):
    r = db.execute("SELECT id, title, summary, commentary, %s FROM cases WHERE rowid=?"
                   % ", ".join(col for _, col in FIELDS), (rowid,)).fetchone()
    cid, title, summary, commentary = r[:4]
    parts = ["<h1>%s</h1>" % esc(title), "<p>Case Law %s</p>" % esc(cid), "<p>"]
    parts += ["%s: %s<br>" % (label, esc(v)) for (label, _), v in zip(FIELDS, r[4:]) if v]
    parts.append("</p>")
    for head, text in (("Fact Summary", summary), ("Commentary", commentary)):
        if text:
            parts.append("<h2>%s</h2>\n<p>%s</p>" % (head, esc(text)))
    kw = ["%s: %s<br>" % (label, esc("; ".join(facets(db, rowid, f))))
          for label, f in KEYWORDS if facets(db, rowid, f)]
    if kw:
        parts.append("<h2>Keywords</h2>\n<p>%s</p>" % "\n".join(kw))
    return cid, page("Case Law: " + cid, "\n".join(parts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default="db/htkp.db")
    ap.add_argument("--words", default="forced labour")
    ap.add_argument("--record", type=int, default=11, metavar="N",
                    help="the result whose record every result links to (default 11)")
    ap.add_argument("outdir")
    a = ap.parse_args()
    db = sqlite3.connect("file:%s?mode=ro" % a.db, uri=True)
    os.makedirs(a.outdir, exist_ok=True)
    pages = {"index.html": home(db), "cases.html": cases_page(db)}
    pages["results.html"], rows = results(db, a.words, "record.html")
    if not 1 <= a.record <= len(rows):
        raise SystemExit("site.py: --record %d: the search has %d results" % (a.record, len(rows)))
    cid, pages["record.html"] = record(db, rows[a.record - 1][0])
    for name, text in pages.items():
        if not re.fullmatch(r"[A-Za-z0-9._-]+", name):
            raise SystemExit("site.py: unexpected page name %r" % name)
        with open(os.path.join(a.outdir, name), "w", encoding="utf-8") as f:
            f.write(text)
    print("site.py: %d pages in %s (%d results for %s; the record: %s)"
          % (len(pages), a.outdir, len(rows), a.words, cid))


if __name__ == "__main__":
    main()
