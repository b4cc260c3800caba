#!/usr/bin/python3
"""The plain load anchor: what loading an htkp/1 file costs SQLite alone.

    bench/anchor.py FILE.json DB

Loads the records of FILE (an htkp/1 JSON document, as bench/gen.py writes
it) into a new DB with db/schema.sql, the kiosk's own schema: the three
record tables, proceedings, the laws a case applied, the facets and their
counts, and the three full-text indexes, optimized, in one transaction,
with the settings htkp-import uses (no journal, no sync, a 64 MB cache,
its page size). Every step is SQL over SQLite's JSON functions, one parse
of the file into a staging table, then each record's JSON.

What it leaves out is what htkp-import adds: no checks of any kind (types,
required fields, dates, ids, links, sizes), no trimming, no keyword
vocabularies or merged spellings, rowids in file order instead of newest
first, no `added` days, no meta table. bench/queries.sh times htkp-import
against it on the same file: the ratio is what checking and shaping the
data costs over the bare load. Prints the wall time in seconds.
Standard library only (the sqlite3 module is the system's SQLite).
"""
import os
import sqlite3
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Keep in step with htkp-import (src/import/import_stage.c).
SETUP = """
PRAGMA page_size = 8192;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -65536;
"""

# The facets: one json_tree() walk of each record, its texts matched to
# their field by path (a list element's path is its list's).
FACETS = {
    "c": ("cases", {"country": "country", "court": "court",
                    "legal_system": "legal_system", "outcome": "outcome",
                    "acts": "act", "means": "means", "purposes": "purpose",
                    "sectors": "sector", "cooperation": "cooperation",
                    "countries_involved": "country_involved",
                    "victims.gender": "victim_gender",
                    "victims.nationalities": "victim_nationality",
                    "defendants.gender": "defendant_gender",
                    "defendants.nationalities": "defendant_nationality"}),
    "l": ("legislation", {"country": "country", "topics": "topic"}),
    "b": ("bibliography", {"authors": "author", "type": "type",
                           "countries": "country", "keywords": "keyword",
                           "methods": "method", "language": "language"}),
}


def facets(table):
    db, paths = FACETS[table]
    rows = ", ".join("('$.%s', '%s')" % kv for kv in paths.items())
    return f"""
CREATE TEMP TABLE map_{table} (path TEXT PRIMARY KEY, field TEXT) WITHOUT ROWID;
INSERT INTO temp.map_{table} VALUES {rows};
INSERT OR IGNORE INTO temp.facet_all (db, field, value, rec, seq)
SELECT '{db}', m.field, t.atom, r.key + 1,
  CASE WHEN typeof(t.key) = 'integer' THEN t.key ELSE 0 END
FROM temp.{table} AS r CROSS JOIN json_tree(r.value) AS t
  CROSS JOIN temp.map_{table} AS m
WHERE t.type = 'text' AND m.path =
  CASE WHEN typeof(t.key) = 'integer' THEN t.path ELSE t.fullkey END;"""


def body(table, leave_out):
    keys = ", ".join("'$.%s'" % k for k in leave_out)
    return f"""(SELECT group_concat(t.atom, char(10)) FROM json_tree(r.value) AS t
       WHERE t.type = 'text' AND t.fullkey NOT IN ({keys}))"""


LOAD = f"""
CREATE TEMP TABLE c AS SELECT key, value FROM json_each(:json, '$.cases');
CREATE TEMP TABLE l AS SELECT key, value FROM json_each(:json, '$.legislation');
CREATE TEMP TABLE b AS SELECT key, value FROM json_each(:json, '$.bibliography');
CREATE TEMP TABLE facet_all (db TEXT, field TEXT, value TEXT, rec INTEGER,
  seq INTEGER, PRIMARY KEY (db, field, value, rec)) WITHOUT ROWID;

INSERT INTO legislation (rowid, id, title, country, year, summary, url)
SELECT key + 1, json_extract(value, '$.id'), json_extract(value, '$.title'),
  json_extract(value, '$.country'), json_extract(value, '$.year'),
  json_extract(value, '$.summary'), json_extract(value, '$.url')
FROM temp.l;

INSERT INTO cases (rowid, id, title, country, court, decision_date, year,
  verdict, outcome, sentence, summary, commentary, cross_border, legal_system,
  victims_count, victims_children, defendants_count, source)
SELECT key + 1, json_extract(value, '$.id'), json_extract(value, '$.title'),
  json_extract(value, '$.country'), json_extract(value, '$.court'),
  json_extract(value, '$.decision_date'),
  CAST(substr(json_extract(value, '$.decision_date'), 1, 4) AS INTEGER),
  json_extract(value, '$.verdict'), json_extract(value, '$.outcome'),
  json_extract(value, '$.sentence'), json_extract(value, '$.summary'),
  json_extract(value, '$.commentary'), json_extract(value, '$.cross_border'),
  json_extract(value, '$.legal_system'), json_extract(value, '$.victims.count'),
  json_extract(value, '$.victims.children'),
  json_extract(value, '$.defendants.count'), json_extract(value, '$.source')
FROM temp.c;

INSERT INTO bibliography (rowid, id, title, year, type, publisher, method,
  abstract, language, url, doi, isbn)
SELECT key + 1, json_extract(value, '$.id'), json_extract(value, '$.title'),
  json_extract(value, '$.year'), json_extract(value, '$.type'),
  json_extract(value, '$.publisher'), json_extract(value, '$.method'),
  json_extract(value, '$.abstract'), json_extract(value, '$.language'),
  json_extract(value, '$.url'), json_extract(value, '$.doi'),
  json_extract(value, '$.isbn')
FROM temp.b;

INSERT INTO proceedings (case_rowid, seq, court, date, decision, outcome, sentence)
SELECT r.key + 1, p.key, json_extract(p.value, '$.court'),
  json_extract(p.value, '$.date'), json_extract(p.value, '$.decision'),
  json_extract(p.value, '$.outcome'), json_extract(p.value, '$.sentence')
FROM temp.c AS r, json_each(r.value, '$.proceedings') AS p;

CREATE INDEX temp.l_id ON l (json_extract(value, '$.id'));
INSERT OR IGNORE INTO case_law (case_rowid, law_rowid, seq)
SELECT r.key + 1, l.key + 1, j.key
FROM temp.c AS r, json_each(r.value, '$.legislation') AS j
  JOIN temp.l AS l ON json_extract(l.value, '$.id') = j.value;
{facets('c')}
{facets('l')}
{facets('b')}
INSERT OR IGNORE INTO temp.facet_all (db, field, value, rec, seq)
SELECT 'cases', 'year', CAST(year AS TEXT), rowid, 0 FROM cases WHERE year IS NOT NULL
UNION ALL SELECT 'cases', 'children', CASE victims_children WHEN 1 THEN 'yes' ELSE 'no' END,
  rowid, 0 FROM cases WHERE victims_children IS NOT NULL
UNION ALL SELECT 'cases', 'form', CASE cross_border WHEN 1 THEN 'Transnational' ELSE 'Internal' END,
  rowid, 0 FROM cases WHERE cross_border IS NOT NULL
UNION ALL SELECT 'cases', 'law', l.id, c.case_rowid, c.seq
  FROM case_law AS c JOIN legislation AS l ON l.rowid = c.law_rowid
UNION ALL SELECT 'legislation', 'year', CAST(year AS TEXT), rowid, 0
  FROM legislation WHERE year IS NOT NULL
UNION ALL SELECT 'bibliography', 'year', CAST(year AS TEXT), rowid, 0
  FROM bibliography WHERE year IS NOT NULL;
INSERT INTO facet_value (id, db, field, value, n)
SELECT row_number() OVER (ORDER BY db, field, value), db, field, value, count(*)
FROM temp.facet_all GROUP BY db, field, value;
INSERT INTO facet_rec (value_id, rec, seq)
SELECT v.id, f.rec, f.seq FROM temp.facet_all AS f JOIN facet_value AS v
  ON v.db = f.db AND v.field = f.field AND v.value = f.value ORDER BY v.id, f.rec;

INSERT INTO cases_fts (rowid, title, body, names)
SELECT r.key + 1, json_extract(r.value, '$.title'),
  {body('cases', ['id', 'title', 'decision_date', 'outcome', 'source', 'legal_system'])},
  json_extract(r.value, '$.id') || coalesce(char(10) || (SELECT group_concat(
    o.id || ' ' || o.title, char(10)) FROM case_law AS k JOIN legislation AS o
    ON o.rowid = k.law_rowid WHERE k.case_rowid = r.key + 1), '')
FROM temp.c AS r;
INSERT INTO legislation_fts (rowid, title, body, names)
SELECT r.key + 1, json_extract(r.value, '$.title'),
  {body('legislation', ['id', 'title', 'url'])}, json_extract(r.value, '$.id')
FROM temp.l AS r;
INSERT INTO bibliography_fts (rowid, title, body, names)
SELECT r.key + 1, json_extract(r.value, '$.title'),
  {body('bibliography', ['id', 'title', 'url', 'doi', 'isbn', 'type', 'language'])},
  json_extract(r.value, '$.id')
FROM temp.b AS r;
INSERT INTO cases_fts (cases_fts) VALUES ('optimize');
INSERT INTO legislation_fts (legislation_fts) VALUES ('optimize');
INSERT INTO bibliography_fts (bibliography_fts) VALUES ('optimize');
"""


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bench/anchor.py FILE.json DB")
    src, out = sys.argv[1:]
    schema = open(os.path.join(ROOT, "db", "schema.sql"), encoding="utf-8").read()
    for path in (out, out + "-journal"):
        if os.path.exists(path):
            os.remove(path)
    start = time.monotonic()
    with open(src, encoding="utf-8") as f:
        text = f.read()
    con = sqlite3.connect(out, isolation_level=None)
    con.executescript(SETUP)
    con.executescript("BEGIN;\n" + schema)
    # executescript takes no parameters: one statement at a time.
    for stmt in LOAD.split(";\n"):
        if stmt.strip():
            con.execute(stmt, {"json": text} if ":json" in stmt else {})
    con.execute("COMMIT")
    con.close()
    print("%.1f" % (time.monotonic() - start))


if __name__ == "__main__":
    main()
