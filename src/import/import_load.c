/* htkp-import loading: once every check has passed, fills the schema from
 * the staged records in one transaction, almost all of it as INSERT ...
 * SELECT over json_extract()/json_each()/json_tree() of one record at a
 * time. Rowids are handed out newest first, so rowid order is "newest". */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "schema_sql.h"

/* Which text of a record feeds which facet (NULL: none) and whether it
 * goes into the full-text body. Paths are field_path() names. Title and
 * the derived facets (year, form, children) are handled in SQL below. */
struct text_use {
	enum imp_db db;
	const char *path;
	const char *facet;
	int body;
};

static const struct text_use text_uses[] = {
	{ DB_CASES, "country", "country", 1 },
	{ DB_CASES, "court", "court", 1 },
	{ DB_CASES, "verdict", NULL, 1 },
	{ DB_CASES, "outcome", "outcome", 0 },
	{ DB_CASES, "sentence", NULL, 1 },
	{ DB_CASES, "summary", NULL, 1 },
	{ DB_CASES, "commentary", NULL, 1 },
	{ DB_CASES, "legal_system", "legal_system", 0 },
	{ DB_CASES, "acts", "act", 1 },
	{ DB_CASES, "means", "means", 1 },
	{ DB_CASES, "purposes", "purpose", 1 },
	{ DB_CASES, "sectors", "sector", 1 },
	{ DB_CASES, "cooperation", "cooperation", 1 },
	{ DB_CASES, "countries_involved", "country_involved", 1 },
	{ DB_CASES, "proceedings.court", NULL, 1 },
	{ DB_CASES, "proceedings.decision", NULL, 1 },
	{ DB_CASES, "proceedings.sentence", NULL, 1 },
	{ DB_CASES, "victims.gender", "victim_gender", 0 },
	{ DB_CASES, "victims.nationalities", "victim_nationality", 1 },
	{ DB_CASES, "defendants.gender", "defendant_gender", 0 },
	{ DB_CASES, "defendants.nationalities", "defendant_nationality", 1 },
	{ DB_LEGISLATION, "country", "country", 1 },
	{ DB_LEGISLATION, "summary", NULL, 1 },
	{ DB_LEGISLATION, "topics", "topic", 1 },
	{ DB_BIBLIOGRAPHY, "authors", "author", 1 },
	{ DB_BIBLIOGRAPHY, "type", "type", 0 },
	{ DB_BIBLIOGRAPHY, "publisher", NULL, 1 },
	{ DB_BIBLIOGRAPHY, "countries", "country", 1 },
	{ DB_BIBLIOGRAPHY, "keywords", "keyword", 1 },
	{ DB_BIBLIOGRAPHY, "method", NULL, 1 },
	{ DB_BIBLIOGRAPHY, "methods", "method", 0 },
	{ DB_BIBLIOGRAPHY, "abstract", NULL, 1 },
	{ DB_BIBLIOGRAPHY, "language", "language", 0 },
};

static const char textmap_sql[] =
	"CREATE TEMP TABLE textmap ("
	"  db INTEGER, db_name TEXT, path TEXT, facet TEXT, body INTEGER,"
	"  PRIMARY KEY (db, path)) WITHOUT ROWID";

/* Newest first: by decision date or year descending, unknown last, then
 * by id so equal dates keep a stable order between imports. */
static const char order_sql[] =
	"UPDATE temp.rec AS r SET rno = o.n FROM ("
	"  SELECT rid, row_number() OVER ("
	"    PARTITION BY db ORDER BY k IS NULL, k DESC, id) AS n"
	"  FROM (SELECT rowid AS rid, db, id, CASE WHEN db = :cases"
	"      THEN clean(json_extract(json, '$.decision_date'))"
	"      ELSE json_extract(json, '$.year') END AS k"
	"    FROM temp.rec)) AS o "
	"WHERE r.rowid = o.rid";

#define TEXT(f) "clean(json_extract(json, '$." f "'))"

static const char cases_sql[] =
	"INSERT INTO cases (rowid, id, title, country, court, decision_date,"
	"  year, verdict, outcome, sentence, summary, commentary, cross_border,"
	"  legal_system, victims_count, victims_children, defendants_count,"
	"  source) "
	"SELECT rno, id, " TEXT("title") ", " TEXT("country") ", "
	TEXT("court") ", " TEXT("decision_date") ", "
	"  CAST(substr(" TEXT("decision_date") ", 1, 4) AS INTEGER), "
	TEXT("verdict") ", " TEXT("outcome") ", " TEXT("sentence") ", "
	TEXT("summary") ", " TEXT("commentary") ", "
	"  json_extract(json, '$.cross_border'), " TEXT("legal_system") ", "
	"  json_extract(json, '$.victims.count'),"
	"  json_extract(json, '$.victims.children'),"
	"  json_extract(json, '$.defendants.count'), " TEXT("source") " "
	"FROM temp.rec WHERE db = :cases ORDER BY rno";

static const char legislation_sql[] =
	"INSERT INTO legislation (rowid, id, title, country, year, summary, url) "
	"SELECT rno, id, " TEXT("title") ", " TEXT("country") ", "
	"  json_extract(json, '$.year'), " TEXT("summary") ", " TEXT("url") " "
	"FROM temp.rec WHERE db = :legislation ORDER BY rno";

static const char bibliography_sql[] =
	"INSERT INTO bibliography (rowid, id, title, year, type, publisher,"
	"  method, abstract, language, url, doi, isbn) "
	"SELECT rno, id, " TEXT("title") ", json_extract(json, '$.year'), "
	TEXT("type") ", " TEXT("publisher") ", " TEXT("method") ", "
	TEXT("abstract") ", " TEXT("language") ", " TEXT("url") ", "
	TEXT("doi") ", " TEXT("isbn") " "
	"FROM temp.rec WHERE db = :bibliography ORDER BY rno";

#define PROC(f) "clean(json_extract(p.value, '$." f "'))"

static const char proceedings_sql[] =
	"INSERT INTO proceedings (case_rowid, seq, court, date, decision,"
	"  outcome, sentence) "
	"SELECT r.rno, p.key, " PROC("court") ", " PROC("date") ", "
	PROC("decision") ", " PROC("outcome") ", " PROC("sentence") " "
	"FROM temp.rec AS r, json_each(r.json, '$.proceedings') AS p "
	"WHERE r.db = :cases AND json_type(r.json, '$.proceedings') = 'array' "
	"  AND p.type = 'object' "
	"ORDER BY r.rno";

/* A law cited twice keeps its first position. CROSS JOIN: the planner
 * cannot see that clean(j.value) is a key for l, and scans l otherwise. */
static const char case_law_sql[] =
	"INSERT INTO case_law (case_rowid, law_rowid, seq) "
	"SELECT r.rno, l.rno, j.key "
	"FROM temp.rec AS r CROSS JOIN json_each(r.json, '$.legislation') AS j"
	"  CROSS JOIN temp.rec AS l "
	"WHERE r.db = :cases AND json_type(r.json, '$.legislation') = 'array' "
	"  AND l.db = :legislation AND l.id = clean(j.value) "
	"ON CONFLICT DO UPDATE SET seq = min(seq, excluded.seq)";

/* Every facet value found as text in the records; a value repeated in one
 * record's list keeps its first position. CROSS JOIN keeps json_tree()
 * the outer loop, so each record is parsed once. */
static const char facet_sql[] =
	"INSERT INTO facet (db, field, value, rec, seq) "
	"SELECT m.db_name, m.facet, clean(t.atom), r.rno,"
	"  CASE WHEN typeof(t.key) = 'integer' THEN t.key ELSE 0 END "
	"FROM temp.rec AS r CROSS JOIN json_tree(r.json) AS t "
	"  CROSS JOIN temp.textmap AS m "
	"WHERE t.type = 'text' AND m.db = r.db AND m.path = field_path(t.fullkey)"
	"  AND m.facet IS NOT NULL AND clean(t.atom) IS NOT NULL "
	"ON CONFLICT DO UPDATE SET seq = min(seq, excluded.seq)";

/* Facets whose value is derived from a column, not copied from text. */
static const char derived_facet_sql[] =
	"INSERT INTO facet (db, field, value, rec, seq) "
	"SELECT 'cases', 'year', CAST(year AS TEXT), rowid, 0 FROM cases"
	"  WHERE year IS NOT NULL "
	"UNION ALL SELECT 'cases', 'form', CASE cross_border WHEN 1"
	"  THEN 'cross-border' ELSE 'internal' END, rowid, 0 FROM cases"
	"  WHERE cross_border IS NOT NULL "
	"UNION ALL SELECT 'cases', 'children', CASE victims_children WHEN 1"
	"  THEN 'yes' ELSE 'no' END, rowid, 0 FROM cases"
	"  WHERE victims_children IS NOT NULL "
	"UNION ALL SELECT 'legislation', 'year', CAST(year AS TEXT), rowid, 0"
	"  FROM legislation WHERE year IS NOT NULL "
	"UNION ALL SELECT 'bibliography', 'year', CAST(year AS TEXT), rowid, 0"
	"  FROM bibliography WHERE year IS NOT NULL";

/* Title, then the record's other texts (textmap.body) in file order. */
#define FTS_SQL(t) \
	"INSERT INTO " t "_fts (rowid, title, body) " \
	"SELECT r.rno, (SELECT title FROM " t " WHERE rowid = r.rno)," \
	"  (SELECT group_concat(clean(t.atom), char(10))" \
	"   FROM json_tree(r.json) AS t CROSS JOIN temp.textmap AS m" \
	"   WHERE t.type = 'text' AND m.db = r.db AND m.body" \
	"     AND m.path = field_path(t.fullkey)) " \
	"FROM temp.rec AS r WHERE r.db = :" t " ORDER BY r.rno"

static const char meta_sql[] =
	"INSERT INTO meta (key, value) VALUES"
	"  ('format', :format),"
	"  ('imported_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  ('importer', :importer),"
	"  ('sources', :sources),"
	"  ('count_cases', (SELECT count(*) FROM cases)),"
	"  ('count_legislation', (SELECT count(*) FROM legislation)),"
	"  ('count_bibliography', (SELECT count(*) FROM bibliography))";

#define OPTIMIZE_SQL(t) "INSERT INTO " t "_fts (" t "_fts) VALUES ('optimize')"

struct step {
	const char *sql;
	const char *what;       /* for an error line: "while ..." */
};

static const struct step steps[] = {
	{ order_sql, "ordering records" },
	{ "CREATE INDEX temp.rec_by_rno ON rec (db, rno)", "ordering records" },
	{ cases_sql, "loading cases" },
	{ legislation_sql, "loading legislation" },
	{ bibliography_sql, "loading bibliography" },
	{ proceedings_sql, "loading proceedings" },
	{ case_law_sql, "linking cases to laws" },
	{ facet_sql, "loading facets" },
	{ derived_facet_sql, "loading facets" },
	{ "INSERT INTO facet_count (db, field, value, n)"
	  " SELECT db, field, value, count(*) FROM facet GROUP BY db, field, value",
	  "counting facets" },
	{ FTS_SQL("cases"), "indexing cases" },
	{ FTS_SQL("legislation"), "indexing legislation" },
	{ FTS_SQL("bibliography"), "indexing bibliography" },
	{ meta_sql, "writing meta data" },
	{ OPTIMIZE_SQL("cases"), "optimizing the index" },
	{ OPTIMIZE_SQL("legislation"), "optimizing the index" },
	{ OPTIMIZE_SQL("bibliography"), "optimizing the index" },
};

/* Binds the named parameters a statement uses: a database's name to its
 * enum imp_db number, and the few strings of the meta table. */
static int bind_names(sqlite3_stmt *st, const char *sources)
{
	int rc = SQLITE_OK;

	for (int i = 1; rc == SQLITE_OK && i <= sqlite3_bind_parameter_count(st); i++) {
		const char *name = sqlite3_bind_parameter_name(st, i);
		int d;

		for (d = 0; d < DB_COUNT && strcmp(name + 1, imp_db_name((enum imp_db)d)); d++)
			;
		if (d < DB_COUNT)
			rc = sqlite3_bind_int(st, i, d);
		else if (strcmp(name, ":format") == 0)
			rc = sqlite3_bind_text(st, i, IMP_FORMAT, -1, SQLITE_STATIC);
		else if (strcmp(name, ":importer") == 0)
			rc = sqlite3_bind_text(st, i, IMP_VERSION, -1, SQLITE_STATIC);
		else if (strcmp(name, ":sources") == 0)
			rc = sqlite3_bind_text(st, i, sources, -1, SQLITE_STATIC);
		else
			rc = SQLITE_MISUSE;
	}
	return rc;
}

static enum imp_status run_step(struct imp *imp, const struct step *s,
				const char *sources)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(imp->db, s->sql, -1, &st, NULL);

	if (rc == SQLITE_OK)
		rc = bind_names(st, sources);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? IMP_OK : imp_sqlerr(imp, s->what);
}

static enum imp_status fill_textmap(struct imp *imp)
{
	static const char sql[] =
		"INSERT INTO temp.textmap (db, db_name, path, facet, body) "
		"VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(imp->db, sql, -1, &st, NULL);
	size_t n = sizeof text_uses / sizeof text_uses[0];

	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		const struct text_use *u = &text_uses[i];
		sqlite3_bind_int(st, 1, u->db);
		sqlite3_bind_text(st, 2, imp_db_name(u->db), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, u->path, -1, SQLITE_STATIC);
		if (u->facet)
			sqlite3_bind_text(st, 4, u->facet, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 4);
		sqlite3_bind_int(st, 5, u->body);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? sqlite3_reset(st) : rc;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? IMP_OK : imp_sqlerr(imp, "setting up");
}

/* The input file names, one a line, for meta.sources; caller frees. */
static char *source_list(const struct imp *imp)
{
	size_t len = 1;
	char *s;

	for (int i = 0; i < imp->nfiles; i++)
		len += strlen(imp->files[i].name) + 1;
	if (!(s = malloc(len)))
		return NULL;
	s[0] = '\0';
	for (int i = 0; i < imp->nfiles; i++) {
		if (i)
			strcat(s, "\n");
		strcat(s, imp->files[i].name);
	}
	return s;
}

/* Creates the schema in imp->db and loads every staged record into it,
 * committed as one transaction; the file then needs no journal. */
enum imp_status imp_load(struct imp *imp)
{
	char *sources = source_list(imp);
	enum imp_status st;
	size_t n = sizeof steps / sizeof steps[0];

	if (!sources) {
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	st = imp_exec(imp, "BEGIN", "starting the load");
	if (st == IMP_OK)
		st = imp_exec(imp, schema_sql, "creating the schema");
	if (st == IMP_OK)
		st = imp_exec(imp, textmap_sql, "setting up");
	if (st == IMP_OK)
		st = fill_textmap(imp);
	for (size_t i = 0; st == IMP_OK && i < n; i++)
		st = run_step(imp, &steps[i], sources);
	if (st == IMP_OK)
		st = imp_exec(imp, "COMMIT", "committing the load");
	if (st == IMP_OK)
		st = imp_exec(imp, "PRAGMA main.journal_mode = DELETE",
					  "finishing the load");
	free(sources);
	return st;
}
