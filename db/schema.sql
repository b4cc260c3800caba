-- htkp database schema. PRAGMA user_version is the schema version: the
-- kiosk refuses a file whose version it does not know (src/store/store.c).
-- Version 2 added the names column of the full-text indexes; version 3 the
-- full case brief of htkp/2 (defendants and their charges, procedure,
-- court), legislation by provision, and the bibliography's synopsis label;
-- version 4 stores each facet value once (facet_value) and its records by
-- the value's number (facet_rec), the views facet and facet_count reading
-- as the tables of those names did: a third of the file was the same
-- database, field and value names written again in every row and index;
-- it also added rank_top (the best-ranked records of frequent words),
-- facet_recs (each value's records in one row) and added_count; version 5
-- added vocab (every word of the full-text indexes) and word_counts (the
-- counts of the words in many records). The kiosk reads version 4 too,
-- searching a prefix, and a word in many records within filters, the
-- slower way.
-- Each record's added column is the day it first joined the data: the
-- record's own `added`, else the day the previous file gave it, else the
-- import's day (src/import/import_added.c).
-- htkp-import creates this schema in a fresh file, then loads the records.
--
-- Rowids are assigned newest first at import (cases by decision date,
-- legislation and publications by year), so rowid order is the cheap
-- "newest" sort and the default for a list without a search.
-- htkp-import writes the file with 8 KB pages: a case's row (~2.3 KB) left
-- 40% of a 4 KB page empty.

PRAGMA user_version = 5;

-- What was imported, when, from which files.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE cases (
  rowid            INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL,
  country          TEXT NOT NULL,
  court            TEXT,
  decision_date    TEXT,              -- YYYY, YYYY-MM or YYYY-MM-DD
  year             INTEGER,           -- from decision_date, for ranges
  verdict          TEXT,              -- htkp/1: free text, as the court put it
  outcome          TEXT,              -- the verdict for lists and filters:
                                      -- from the charges (htkp/2) or the
                                      -- htkp/1 outcome (src/import)
  sentence         TEXT,
  summary          TEXT,
  commentary       TEXT,
  cross_border     INTEGER,           -- 1, 0, NULL when unknown
  legal_system     TEXT,
  victims_count    INTEGER,
  victims_children INTEGER,           -- 1, 0, NULL when unknown
  defendants_count INTEGER,
  source           TEXT,              -- sources, one a line
  crime_type       TEXT,
  case_number      TEXT,              -- the portal's case number
  sentence_date    TEXT,
  author           TEXT,
  latest_ruling    TEXT,
  proceeding_type  TEXT,
  court_location   TEXT,
  court_type       TEXT,
  victims_age      TEXT,
  decision_url     TEXT,
  added            TEXT               -- YYYY-MM-DD the record joined the data
);

-- htkp/2: each defendant of a case, in the order given.
CREATE TABLE defendants (
  case_rowid  INTEGER NOT NULL REFERENCES cases(rowid),
  seq         INTEGER NOT NULL,
  name        TEXT,
  gender      TEXT,
  nationality TEXT,
  age         TEXT,
  PRIMARY KEY (case_rowid, seq)
) WITHOUT ROWID;

-- Each defendant's charges, claims or decisions, in order. law_rowid and
-- article point at the provision the statute names, when the import gave
-- one; a law record lists under each provision the cases that applied it.
CREATE TABLE charges (
  case_rowid    INTEGER NOT NULL REFERENCES cases(rowid),
  defendant_seq INTEGER NOT NULL,
  seq           INTEGER NOT NULL,
  charge        TEXT NOT NULL,
  statute       TEXT,
  law_rowid     INTEGER REFERENCES legislation(rowid),
  article       TEXT,
  verdict       TEXT,               -- convicted, acquitted, violation found,
                                    -- no violation, pending
  sentence      TEXT,
  PRIMARY KEY (case_rowid, defendant_seq, seq)
) WITHOUT ROWID;
CREATE INDEX charges_by_law ON charges (law_rowid, article, case_rowid)
  WHERE law_rowid IS NOT NULL;

-- One row per instance of the procedure, in the order given.
CREATE TABLE proceedings (
  case_rowid INTEGER NOT NULL REFERENCES cases(rowid),
  seq        INTEGER NOT NULL,
  court      TEXT,
  date       TEXT,
  decision   TEXT,                  -- htkp/1: free text
  decision_number TEXT,             -- htkp/2
  outcome    TEXT,
  sentence   TEXT,
  PRIMARY KEY (case_rowid, seq)
) WITHOUT ROWID;

CREATE TABLE legislation (
  rowid   INTEGER PRIMARY KEY,
  id      TEXT NOT NULL UNIQUE,
  title   TEXT NOT NULL,
  country TEXT NOT NULL,
  year    INTEGER,                  -- from adopted when not given
  summary TEXT,
  url     TEXT,
  instrument_type TEXT,
  adopted         TEXT,
  in_force        TEXT,
  status          TEXT,             -- in force, amended, repealed
  added           TEXT              -- YYYY-MM-DD the record joined the data
);

-- htkp/2: a law's provisions in the order given; their Protocol/Convention
-- article tags and cross-cutting issues are in provision_tag, and (for
-- filtering the law) in facet as fields article and cross_cutting.
CREATE TABLE provisions (
  law_rowid INTEGER NOT NULL REFERENCES legislation(rowid),
  seq       INTEGER NOT NULL,
  article   TEXT NOT NULL,
  heading   TEXT,
  text      TEXT,
  PRIMARY KEY (law_rowid, seq)
) WITHOUT ROWID;
CREATE INDEX provisions_by_article ON provisions (law_rowid, article);

CREATE TABLE provision_tag (
  law_rowid INTEGER NOT NULL,
  seq       INTEGER NOT NULL,       -- the provision
  kind      TEXT NOT NULL,          -- 'implements' or 'cross_cutting'
  pos       INTEGER NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (law_rowid, seq, kind, pos)
) WITHOUT ROWID;

CREATE TABLE bibliography (
  rowid     INTEGER PRIMARY KEY,
  id        TEXT NOT NULL UNIQUE,
  title     TEXT NOT NULL,
  year      INTEGER,
  type      TEXT,
  publisher TEXT,
  method    TEXT,
  abstract  TEXT,                   -- the synopsis (htkp/2 synopsis)
  language  TEXT,
  url       TEXT,
  doi       TEXT,
  isbn      TEXT,
  added     TEXT                    -- YYYY-MM-DD the record joined the data
);

-- Every multi-valued field and every categorical field, one row per value,
-- for all three databases: what filters, facet counts and browsing query,
-- and (with seq) the order a record lists its values in. Read through the
-- view facet (db, field, value, rec, seq); stored as each value once
-- (facet_value) and the records that have it by its number (facet_rec).
--   db:    'cases', 'legislation' or 'bibliography'
--   field: cases: country, year, outcome (the verdict), court,
--          legal_system, form (Internal or Transnational), act, means,
--          purpose, sector, cooperation, country_involved, cross_cutting,
--          victim_gender, children (yes or no), victim_nationality,
--          defendant_gender, defendant_nationality, sentence_year,
--          latest_ruling, proceeding_type, court_type, law (the ids of
--          the laws applied);
--          legislation: country, year, topic, offence, act, means,
--          purpose, article (Protocol/Convention tags of its
--          provisions), cross_cutting, type (instrument), status;
--          bibliography: author, year, type, country, keyword, method,
--          language
-- n is the value's number of records, counted once at import: browsing by
-- country or keyword with no search or filter reads it (view facet_count)
-- instead of counting again (160 ms for four fields at 100,000 cases).
-- Ids are given in (db, field, value) order.
CREATE TABLE facet_value (
  id    INTEGER PRIMARY KEY,
  db    TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  n     INTEGER NOT NULL,
  UNIQUE (db, field, value)
);
CREATE TABLE facet_rec (
  value_id INTEGER NOT NULL REFERENCES facet_value(id),
  rec      INTEGER NOT NULL,          -- rowid in the db's table
  seq      INTEGER NOT NULL,          -- position within the record's list
  PRIMARY KEY (value_id, rec)
) WITHOUT ROWID;
CREATE INDEX facet_rec_by_rec ON facet_rec (rec, value_id, seq);
CREATE VIEW facet (db, field, value, rec, seq) AS
  SELECT v.db, v.field, v.value, r.rec, r.seq
  FROM facet_value AS v JOIN facet_rec AS r ON r.value_id = v.id;
CREATE VIEW facet_count (db, field, value, n) AS
  SELECT db, field, value, n FROM facet_value;
-- The query planner's statistics (sqlite_stat1) of these two tables only,
-- which htkp-import fills once they are loaded: without them it reads a
-- record's values by scanning every value of the field (a case's record
-- 0.2 ms, with it 7 ms; a bibliography list, 0.3 to 130 ms); the other
-- tables have none, and their queries' plans stay those SQLite makes
-- without statistics.
ANALYZE facet_value;
ANALYZE facet_rec;

-- Each value's records again, in one row: the facet counts of a search
-- (a picker, the browse view) mark the search's records in a bitmap and
-- count each value's records in it (src/store/store_facet.c), instead of
-- joining every facet row of the field with the search's matches.
--   recs: the value's rowids, ascending, each as the difference from the
--         one before (the first from 0) in 7-bit groups, low first, the
--         high bit set on all but the last group of a number
CREATE TABLE facet_recs (
  db    TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  recs  BLOB NOT NULL,
  PRIMARY KEY (db, field, value)
) WITHOUT ROWID;

-- How many records of each database joined the data on each day: the
-- home screen's "added in the last 30 days" reads these few rows instead
-- of every record (a second at 100,000 cases with a cold cache).
CREATE TABLE added_count (
  db    TEXT NOT NULL,
  added TEXT NOT NULL,
  n     INTEGER NOT NULL,
  PRIMARY KEY (db, added)
) WITHOUT ROWID;

-- The laws a case applied, in the order given; indexed both ways.
CREATE TABLE case_law (
  case_rowid INTEGER NOT NULL REFERENCES cases(rowid),
  law_rowid  INTEGER NOT NULL REFERENCES legislation(rowid),
  seq        INTEGER NOT NULL,
  PRIMARY KEY (case_rowid, law_rowid)
) WITHOUT ROWID;
CREATE INDEX case_law_by_law ON case_law (law_rowid, case_rowid);

-- The list orders other than newest (src/store/store_search.c), one pair
-- per record table, so that a list without words walks an index and stops
-- after its page instead of sorting every record (38 ms at 100,000
-- cases). "Oldest first" is ORDER BY year IS NULL, rowid DESC: undated
-- records last, then rowid order backwards; this index read backwards
-- gives exactly that. "Title" is ORDER BY title COLLATE NOCASE, rowid.
CREATE INDEX cases_oldest ON cases ((year IS NULL) DESC);
CREATE INDEX cases_title ON cases (title COLLATE NOCASE);
CREATE INDEX legislation_oldest ON legislation ((year IS NULL) DESC);
CREATE INDEX legislation_title ON legislation (title COLLATE NOCASE);
CREATE INDEX bibliography_oldest ON bibliography ((year IS NULL) DESC);
CREATE INDEX bibliography_title ON bibliography (title COLLATE NOCASE);

-- For each word (FTS5 token) found in at least 2,000 records of a
-- database, the records that rank best for it alone, so that a search
-- ranked by relevance reads a few hundred candidates instead of ranking
-- every record the word is in (src/store/store_toprank.c; filled by
-- src/import/import_toprank.c). g is the word's share of a record's bm25
-- score without its IDF: for one phrase p, bm25 = -idf(p) * g(p), where
-- g grows with the word's weighted count in the record (title 10, body 1,
-- names 0, as the kiosk ranks) and falls with the record's length.
--   rows:  the full-text table's rows when this was made (N of the IDF)
--   docs:  records holding the word (n of its IDF)
--   bound: no record outside best has a larger g for the word
--   best:  the records with the largest g, largest first, each its
--          rowid (4 bytes) and g rounded up in units of 2.2/65535 (2
--          bytes), little-endian (src/store/rank_top.h)
-- (A table with rowids: its rows of 1.2 KB fit three to a page; without
-- rowids each would spill onto a page of its own, 8 MB instead of 2.4.)
CREATE TABLE rank_top (
  db    TEXT NOT NULL,
  term  TEXT NOT NULL,
  rows  INTEGER NOT NULL,
  docs  INTEGER NOT NULL,
  bound REAL NOT NULL,
  best  BLOB NOT NULL,
  UNIQUE (db, term)
);

-- For each word of rank_top in a third of the records or more, its
-- weighted count (title 10, body 1, names 0, as bm25 weighs them) in
-- every record: counts holds the count plus one (0: the record lacks the
-- word) for each rowid from 0 to the number of records, in one byte
-- each when every one fits in a byte, else in two (little-endian): the
-- blob's length says which. A search for the
-- word within filters (trafficking in one country: 3,992 of 99,638
-- records) is ranked and counted from it without FTS5 reading the
-- word's every record (src/store/store_dense.c), and a picker marks the
-- word's records from it.
CREATE TABLE word_counts (
  db     TEXT NOT NULL,
  term   TEXT NOT NULL,
  counts BLOB NOT NULL,
  UNIQUE (db, term)
);

-- Every word (FTS5 token, as the tokenizer folds it) of each database's
-- full-text index, so that a prefix search (forc*) is searched as the
-- words it stands for ("force" OR "forced"): FTS5 merges a prefix's
-- lists of records, positions and all, before reading the first match
-- (counting forc* in 51,815 of 100,000 cases took 6.1 ms, its two words
-- 2.3). Filled by src/import/import_toprank.c; read by
-- src/store/fts_words.c.
CREATE TABLE vocab (
  db   TEXT NOT NULL,
  term TEXT NOT NULL,
  PRIMARY KEY (db, term)
) WITHOUT ROWID;

-- Full-text indexes, rowid = the record's rowid. Column 0 is the title
-- (weighted above the body by bm25 in src/store/store_search.c), column 1
-- every other text of the record, column 2 its names: its id and, for a
-- case, the ids and titles of the laws it applied ("TVPA" finds the cases
-- that applied USA-2000-TVPA); names find records but do not rank them.
-- remove_diacritics 2 folds case and all Latin marks. The indexes are
-- contentless (content = ''): they keep no copy of the text they index
-- (a third of the file), since the kiosk only matches and ranks with
-- them and builds its snippets from the records (src/store/snippet.c).
CREATE VIRTUAL TABLE cases_fts USING fts5 (
  title, body, names, content = '', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE legislation_fts USING fts5 (
  title, body, names, content = '', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE bibliography_fts USING fts5 (
  title, body, names, content = '', tokenize = 'unicode61 remove_diacritics 2');
