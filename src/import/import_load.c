/* htkp-import loading: once every check has passed, fills the schema from
 * the staged records in one transaction, almost all of it as INSERT ...
 * SELECT over json_extract()/json_each()/json_tree() of one record at a
 * time. Rowids are handed out newest first, so rowid order is "newest". */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "schema_sql.h"

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

/* Title; the record's other searched texts (textmap.body) in file order;
 * its names: its id (so that "TVPA" finds USA-2000-TVPA) and what
 * linked_sql adds. %s: the FTS table, the record table twice, linked_sql
 * or ""; %d: the enum db. */
static const char fts_sql[] =
	"INSERT INTO %s (rowid, title, body, names) "
	"SELECT r.rno, (SELECT title FROM %s WHERE rowid = r.rno),"
	"  (SELECT group_concat(clean(t.atom), char(10))"
	"   FROM json_tree(r.json) AS t CROSS JOIN temp.textmap AS m"
	"   WHERE t.type = 'text' AND m.db = r.db AND m.body"
	"     AND m.path = field_path(t.fullkey)),"
	"  (SELECT id FROM %s WHERE rowid = r.rno)%s "
	"FROM temp.rec AS r WHERE r.db = %d ORDER BY r.rno";
/* The ids and titles of the records it links to, where the catalog says
 * they are searched; %s: the target table, its case_law column, this
 * record's case_law column. */
static const char linked_sql[] =
	" || coalesce(char(10) || (SELECT group_concat(o.id || ' ' || o.title, char(10))"
	"   FROM case_law AS c JOIN %s AS o ON o.rowid = c.%s"
	"   WHERE c.%s = r.rno), '')";

/* Facets a record's columns give rather than its texts: a year filter's
 * values, and a yes/no field's words. */
static const char year_facet_sql[] =
	"INSERT INTO facet (db, field, value, rec, seq) "
	"SELECT '%s', '%s', CAST(year AS TEXT), rowid, 0 FROM %s"
	"  WHERE year IS NOT NULL";
static const char flag_facet_sql[] =
	"INSERT INTO facet (db, field, value, rec, seq) "
	"SELECT '%s', '%s', CASE %s WHEN 1 THEN '%s' ELSE '%s' END, rowid, 0"
	"  FROM %s WHERE %s IS NOT NULL";

static const char optimize_sql[] = "INSERT INTO %s (%s) VALUES ('optimize')";

static const char meta_sql[] =
	"INSERT INTO meta (key, value) VALUES"
	"  ('format', :format),"
	"  ('imported_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  ('importer', :importer),"
	"  ('sources', :sources),"
	"  ('count_cases', (SELECT count(*) FROM cases)),"
	"  ('count_legislation', (SELECT count(*) FROM legislation)),"
	"  ('count_bibliography', (SELECT count(*) FROM bibliography))";

struct step {
	const char *sql;
	const char *what;       /* for an error line: "while ..." */
};

/* The loading steps that name a database's own columns; the steps that
 * are the same for every database are made from the catalog below. */
static const struct step steps[] = {
	{ order_sql, "ordering records" },
	{ "CREATE INDEX temp.rec_by_rno ON rec (db, rno)", "ordering records" },
	{ cases_sql, "loading cases" },
	{ legislation_sql, "loading legislation" },
	{ bibliography_sql, "loading bibliography" },
	{ proceedings_sql, "loading proceedings" },
	{ case_law_sql, "linking cases to laws" },
	{ facet_sql, "loading facets" },
};

static const struct step count_step = {
	"INSERT INTO facet_count (db, field, value, n)"
	" SELECT db, field, value, count(*) FROM facet GROUP BY db, field, value",
	"counting facets"
};

static const struct step meta_step = { meta_sql, "writing meta data" };

/* Binds the named parameters a statement uses: a database's name to its
 * enum db number, and the few strings of the meta table. */
static int bind_names(sqlite3_stmt *st, const char *sources)
{
	int rc = SQLITE_OK;
	for (int i = 1; rc == SQLITE_OK && i <= sqlite3_bind_parameter_count(st); i++) {
		const char *name = sqlite3_bind_parameter_name(st, i);
		int d = catalog_find(name + 1);
		if (d >= 0)
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

/* Fills temp.textmap from the catalog: which text of a record feeds which
 * facet, and which the full-text body. */
static enum imp_status fill_textmap(struct imp *imp)
{
	static const char sql[] =
		"INSERT INTO temp.textmap (db, db_name, path, facet, body) "
		"VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(imp->db, sql, -1, &st, NULL);

	for (int d = 0; rc == SQLITE_OK && d < DB_COUNT; d++) {
		for (size_t i = 0; rc == SQLITE_OK && i < catalog[d].n_texts; i++) {
			const struct text_source *t = &catalog[d].texts[i];
			sqlite3_bind_int(st, 1, d);
			sqlite3_bind_text(st, 2, catalog[d].table, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, t->path, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, t->facet, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 5, t->searched);
			rc = sqlite3_step(st);
			rc = rc == SQLITE_DONE ? sqlite3_reset(st) : rc;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? IMP_OK : imp_sqlerr(imp, "setting up");
}

/* Runs SQL made from fmt and catalog names (never from input). */
static enum imp_status run_made(struct imp *imp, const char *what,
				const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static enum imp_status run_made(struct imp *imp, const char *what,
				const char *fmt, ...)
{
	char sql[2048];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof sql) {
		imp_fatal(imp, "internal error while %s: statement too long", what);
		return IMP_EFATAL;
	}
	return imp_exec(imp, sql, what);
}

/* The facets of database d that come from its columns: the year of a year
 * filter, and each yes/no field's words. */
static enum imp_status load_column_facets(struct imp *imp, int d)
{
	const struct db_info *info = &catalog[d];
	enum imp_status st = IMP_OK;
	for (size_t i = 0; st == IMP_OK && i < info->n_filters; i++)
		if (info->filters[i].kind == FILTER_YEAR)
			st = run_made(imp, "loading facets", year_facet_sql, info->table,
				      info->filters[i].name, info->table);
	for (size_t i = 0; st == IMP_OK && i < info->n_fields; i++) {
		const struct field_info *f = &info->fields[i];
		if (f->kind == FIELD_FLAG && f->facet)
			st = run_made(imp, "loading facets", flag_facet_sql, info->table,
				      f->facet, f->source, f->yes, f->no, info->table,
				      f->source);
	}
	return st;
}

/* The full-text index of database d. */
static enum imp_status load_fts(struct imp *imp, int d)
{
	const struct link_info *l = catalog[d].link;
	char linked[512] = "";
	if (l && l->searched)
		snprintf(linked, sizeof linked, linked_sql, catalog[l->target].table,
			 l->to_col, l->from_col);
	return run_made(imp, "indexing records", fts_sql, catalog[d].fts,
			catalog[d].table, catalog[d].table, linked, d);
}

/* Facets, their counts and the full-text indexes of every database. */
static enum imp_status load_indexes(struct imp *imp, const char *sources)
{
	enum imp_status st = IMP_OK;
	for (int d = 0; st == IMP_OK && d < DB_COUNT; d++)
		st = load_column_facets(imp, d);
	if (st == IMP_OK)
		st = run_step(imp, &count_step, sources);
	for (int d = 0; st == IMP_OK && d < DB_COUNT; d++)
		st = load_fts(imp, d);
	if (st == IMP_OK)
		st = run_step(imp, &meta_step, sources);
	for (int d = 0; st == IMP_OK && d < DB_COUNT; d++)
		st = run_made(imp, "optimizing the index", optimize_sql,
			      catalog[d].fts, catalog[d].fts);
	return st;
}

/* The input file names, one a line, for meta.sources; caller frees. */
static char *source_list(const struct imp *imp)
{
	size_t len = 1;
	for (int i = 0; i < imp->nfiles; i++)
		len += strlen(imp->files[i].name) + 1;
	char *s = malloc(len);
	if (!s)
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
	if (!sources) {
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	enum imp_status st = imp_added_attach(imp);
	if (st == IMP_OK)
		st = imp_exec(imp, "BEGIN", "starting the load");
	if (st == IMP_OK)
		st = imp_exec(imp, schema_sql, "creating the schema");
	if (st == IMP_OK)
		st = imp_exec(imp, textmap_sql, "setting up");
	if (st == IMP_OK)
		st = fill_textmap(imp);
	size_t n = sizeof steps / sizeof steps[0];
	for (size_t i = 0; st == IMP_OK && i < n; i++)
		st = run_step(imp, &steps[i], sources);
	if (st == IMP_OK)
		st = load_indexes(imp, sources);
	if (st == IMP_OK)
		st = imp_added_load(imp);
	if (st == IMP_OK)
		st = imp_exec(imp, "COMMIT", "committing the load");
	imp_added_detach(imp);
	if (st == IMP_OK)
		st = imp_exec(imp, "PRAGMA main.journal_mode = DELETE",
					  "finishing the load");
	free(sources);
	return st;
}
