-- htkp database schema. PRAGMA user_version is the schema version: the
-- kiosk refuses a file whose version it does not know (src/store/store.c).
-- Version 2 added the names column of the full-text indexes.
-- htkp-import creates this schema in a fresh file, then loads the records.
--
-- Rowids are assigned newest first at import (cases by decision date,
-- legislation and publications by year), so rowid order is the cheap
-- "newest" sort and the default for a list without a search.

PRAGMA user_version = 2;

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
  verdict          TEXT,
  outcome          TEXT,
  sentence         TEXT,
  summary          TEXT,
  commentary       TEXT,
  cross_border     INTEGER,           -- 1, 0, NULL when unknown
  legal_system     TEXT,
  victims_count    INTEGER,
  victims_children INTEGER,           -- 1, 0, NULL when unknown
  defendants_count INTEGER,
  source           TEXT
);

-- One row per instance of the procedure, in the order given.
CREATE TABLE proceedings (
  case_rowid INTEGER NOT NULL REFERENCES cases(rowid),
  seq        INTEGER NOT NULL,
  court      TEXT,
  date       TEXT,
  decision   TEXT,
  outcome    TEXT,
  sentence   TEXT,
  PRIMARY KEY (case_rowid, seq)
) WITHOUT ROWID;

CREATE TABLE legislation (
  rowid   INTEGER PRIMARY KEY,
  id      TEXT NOT NULL UNIQUE,
  title   TEXT NOT NULL,
  country TEXT NOT NULL,
  year    INTEGER,
  summary TEXT,
  url     TEXT
);

CREATE TABLE bibliography (
  rowid     INTEGER PRIMARY KEY,
  id        TEXT NOT NULL UNIQUE,
  title     TEXT NOT NULL,
  year      INTEGER,
  type      TEXT,
  publisher TEXT,
  method    TEXT,
  abstract  TEXT,
  language  TEXT,
  url       TEXT,
  doi       TEXT,
  isbn      TEXT
);

-- Every multi-valued field and every categorical field, one row per value,
-- for all three databases: what filters, facet counts and browsing query,
-- and (with seq) the order a record lists its values in.
--   db:    'cases', 'legislation' or 'bibliography'
--   field: cases: country, year, outcome, court, legal_system, form (cross-border
--          or internal), act, means, purpose, sector, cooperation,
--          country_involved, victim_gender, children (yes or no),
--          victim_nationality, defendant_gender, defendant_nationality;
--          legislation: country, year, topic;
--          bibliography: author, year, type, country, keyword, method,
--          language
CREATE TABLE facet (
  db    TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  rec   INTEGER NOT NULL,             -- rowid in the db's table
  seq   INTEGER NOT NULL,             -- position within the record's list
  PRIMARY KEY (db, field, value, rec)
) WITHOUT ROWID;
CREATE INDEX facet_by_rec ON facet (db, rec, field, seq);

-- Each value's number of records, counted once at import: browsing by
-- country or keyword with no search or filter reads these instead of
-- counting the facet table again (160 ms for four fields at 100,000 cases).
CREATE TABLE facet_count (
  db    TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  n     INTEGER NOT NULL,
  PRIMARY KEY (db, field, value)
) WITHOUT ROWID;

-- The laws a case applied, in the order given; indexed both ways.
CREATE TABLE case_law (
  case_rowid INTEGER NOT NULL REFERENCES cases(rowid),
  law_rowid  INTEGER NOT NULL REFERENCES legislation(rowid),
  seq        INTEGER NOT NULL,
  PRIMARY KEY (case_rowid, law_rowid)
) WITHOUT ROWID;
CREATE INDEX case_law_by_law ON case_law (law_rowid, case_rowid);

-- Full-text indexes, rowid = the record's rowid. Column 0 is the title
-- (weighted above the body by bm25 in src/store/store_search.c), column 1
-- every other text of the record, column 2 its names: its id and, for a
-- case, the ids and titles of the laws it applied ("TVPA" finds the cases
-- that applied USA-2000-TVPA); names find records but do not rank them.
-- remove_diacritics 2 folds case and all Latin marks.
CREATE VIRTUAL TABLE cases_fts USING fts5 (
  title, body, names, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE legislation_fts USING fts5 (
  title, body, names, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE bibliography_fts USING fts5 (
  title, body, names, tokenize = 'unicode61 remove_diacritics 2');
