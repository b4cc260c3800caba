/* htkp-import staging: checks a file's top level (the "format" tag, the
 * three record arrays) and copies each record's JSON into temp.rec, one
 * row per record, so later passes parse one record at a time instead of
 * the whole file again. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"

/* The output file is deleted on any failure, so a rollback journal buys
 * nothing; one fsync at the end replaces SQLite's own. */
static const char setup_sql[] =
	/* db/schema.sql says why; only a new file takes it. */
	"PRAGMA main.page_size = 8192;"
	"PRAGMA main.journal_mode = OFF;"
	"PRAGMA main.synchronous = OFF;"
	"PRAGMA cache_size = -65536;"
	/* A second thread for SQLite's large sorts: the facets' 2 million
	 * rows at 100,000 cases sort in 2 s less, for 16 MB more. */
	"PRAGMA threads = 1;"
	"CREATE TEMP TABLE rec ("
	"  file_no INTEGER NOT NULL,"     /* index into imp->files */
	"  db      INTEGER NOT NULL,"     /* enum db */
	"  fmt     INTEGER NOT NULL,"     /* 1: htkp/1, 2: htkp/2 */
	"  idx     INTEGER NOT NULL,"     /* position among the file's records
					     of its database */
	"  line    INTEGER,"              /* JSON Lines: its line */
	"  type    TEXT NOT NULL,"        /* json_type of the record */
	"  id      TEXT,"                 /* clean(id) if id is a string */
	"  rno     INTEGER,"              /* rowid in the output, see load */
	"  json    TEXT"                  /* the record, if an object */
	");";

/* One record, as the scan hands it over. Its format is the file's, known
 * by then when the "format" member comes first, as it should (else it is
 * set once the file is read). */
static const char stage_sql[] =
	"INSERT INTO temp.rec (file_no, db, fmt, idx, line, type, id, json) "
	"SELECT ?1, ?2, ?3, ?4, nullif(?5, 0), t, "
	"  CASE WHEN t = 'object' AND json_type(?6, '$.id') = 'text' "
	"    THEN clean(json_extract(?6, '$.id')) END, "
	"  CASE WHEN t = 'object' THEN ?6 END "
	"FROM (SELECT json_type(?6) AS t) WHERE json_valid(?6)";

/* Runs SQL without parameters; what names the step for an error line. */
enum imp_status imp_exec(struct imp *imp, const char *sql, const char *what)
{
	if (sqlite3_exec(imp->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return imp_sqlerr(imp, what);
	return IMP_OK;
}

/* Column i of st as text into *out (NULL for an SQL NULL). Returns -1
 * when sqlite3_column_text() ran out of memory: it says so only by a NULL,
 * which the column's type, asked first, tells apart from an SQL NULL. */
int imp_column_text(sqlite3_stmt *st, int i, const char **out)
{
	int null = sqlite3_column_type(st, i) == SQLITE_NULL;
	*out = (const char *)sqlite3_column_text(st, i);
	return !*out && !null ? -1 : 0;
}

/* Opens path (the temporary output file, or ":memory:" for --check) as
 * imp->db, with the staging table and the SQL functions the load needs. */
enum imp_status imp_open(struct imp *imp, const char *path)
{
	/* One thread uses the connection (SQLite's sort threads take no
	 * connection lock): its mutex would be taken for nothing. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &imp->db, flags, NULL) != SQLITE_OK) {
		if (!imp->db) {
			imp_fatal(imp, "out of memory");
			return IMP_EFATAL;
		}
		return imp_sqlerr(imp, "opening the new database");
	}
	sqlite3_extended_result_codes(imp->db, 1);
	if (imp_register_functions(imp->db) != SQLITE_OK
	    || imp_register_vocab_functions(imp->db) != SQLITE_OK)
		return imp_sqlerr(imp, "setting up");
	return imp_exec(imp, setup_sql, "setting up");
}

/* The state of one file's staging, shared with the scan's hooks. */
struct stager {
	struct imp *imp;
	struct imp_file *f;
	int file_no;
	sqlite3_stmt *insert;
	int fmt;                /* of the first "format" member, if good */
	int not_json;           /* SQLite found a record not JSON */
	/* The top level's members, checked once the file is read, after
	 * its size errors, as they always were: those that matter (at most
	 * two of each known one) and the first unknown ones, then a count. */
	struct member {
		char key[IMP_NAME_MAX], type[8], atom[IMP_NAME_MAX];
	} kept[2 * (DB_COUNT + 1) + 128];
	size_t n_kept, n_unknown;
	unsigned long unknown_more;
	unsigned met, met_twice;
};

static int keep_member(void *ctx, const char *key, const char *type,
		       const char *atom)
{
	struct stager *sg = ctx;
	int d = catalog_find(key);
	unsigned bit = d < 0 ? 1u << DB_COUNT : 1u << d;
	int known = d >= 0 || strcmp(key, "format") == 0;
	if (known && (sg->met_twice & bit))
		return 0;       /* said once already: nothing more to say */
	if (known)
		sg->met_twice |= sg->met & bit;
	if (known)
		sg->met |= bit;
	if (known && !(sg->met_twice & bit) && strcmp(type, "text") == 0) {
		if (strcmp(atom, IMP_FORMAT_2) == 0)
			sg->fmt = 2;
		else if (strcmp(atom, IMP_FORMAT_1) == 0)
			sg->fmt = 1;
	}
	if (!known && sg->n_unknown >= 128) {
		sg->unknown_more++;
		return 0;
	}
	sg->n_unknown += !known;
	struct member *m = &sg->kept[sg->n_kept++];
	snprintf(m->key, sizeof m->key, "%s", key);
	snprintf(m->type, sizeof m->type, "%s", type);
	snprintf(m->atom, sizeof m->atom, "%s", atom);
	return 0;
}

static int stage_record(void *ctx, int db, long idx, long line,
			const char *json, size_t len)
{
	struct stager *sg = ctx;
	sqlite3_stmt *st = sg->insert;
	int rc = sqlite3_bind_int(st, 2, db);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(st, 3, sg->fmt);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(st, 4, idx);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(st, 5, line);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 6, json, (int)len, SQLITE_STATIC);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_DONE && sqlite3_changes(sg->imp->db) == 0)
		sg->not_json = 1;
	if (rc == SQLITE_DONE)
		rc = sqlite3_reset(st);
	if (rc != SQLITE_OK) {
		imp_sqlerr(sg->imp, "staging records");
		return -1;
	}
	return 0;
}

/* One top-level member: a record array, the format tag, or unknown.
 * *seen: a bit (1 << enum db, or 1 << DB_COUNT for the tag) for each
 * member met, and the same shifted by DB_COUNT + 1 for each met again. */
static void check_member(struct imp *imp, const struct imp_file *f,
			 const struct member *m, unsigned *seen,
			 int *format_ok, int *format)
{
	const char *key = m->key, *type = m->type, *atom = m->atom;
	struct imp_loc loc = { f->name, NULL, -1, NULL, key, 0 };
	int d = catalog_find(key);     /* -1: not a record array */
	unsigned bit = d < 0 ? 1u << DB_COUNT : 1u << d;
	if (d < 0 && strcmp(key, "format") != 0) {
		imp_warn(imp, &loc, "unknown field, ignored");
		return;
	}
	if (*seen & bit) {
		/* Only the first is read; a second one's value is not checked,
		 * so a repeated tag is one mistake, reported once. */
		if (!(*seen & bit << (DB_COUNT + 1)))
			imp_error(imp, &loc, "given twice");
		*seen |= bit << (DB_COUNT + 1);
		return;         /* a repeated member */
	}
	*seen |= bit;
	if (d >= 0 && f->jsonl) {
		imp_error(imp, &loc, "a record in the first line (want "
			  "{\"format\": " IMP_FORMATS "} first, then one record a line)");
	} else if (d >= 0) {
		if (strcmp(type, "array") != 0)
			imp_error(imp, &loc, "wrong type: %s (want an array of "
					  "records)", imp_type_name(type));
	} else if (strcmp(type, "text") != 0 || (strcmp(atom, IMP_FORMAT_1) != 0
						   && strcmp(atom, IMP_FORMAT_2) != 0)) {
		char q[IMP_QUOTE_MAX];
		imp_error(imp, &loc, "unsupported format %s (want " IMP_FORMATS ")",
				  strcmp(type, "text") == 0 ? imp_quote(q, atom)
											 : imp_type_name(type));
		*format_ok = 0;
	} else if (*format_ok < 0) {
		*format_ok = 1;
		*format = strcmp(atom, IMP_FORMAT_2) == 0 ? 2 : 1;
	}
}

/* Checks the members of the file's top-level object (JSON Lines: of its
 * first line); f->format gets the format. Returns IMP_EDATA if the file
 * is in no format known: then its records are not looked at. */
static enum imp_status check_top(struct imp *imp, struct imp_file *f,
				 const struct stager *sg, int top_is_object)
{
	struct imp_loc loc = { f->name, NULL, -1, NULL, NULL, 0 };
	if (!top_is_object) {
		imp_error(imp, &loc, f->jsonl ? "not an htkp file: want a first line "
			  "{\"format\": " IMP_FORMATS "}" : "not an htkp file: want a "
			  "JSON object with \"format\": " IMP_FORMATS);
		return IMP_EDATA;
	}
	unsigned seen = 0;
	int format_ok = -1;
	for (size_t i = 0; i < sg->n_kept; i++)
		check_member(imp, f, &sg->kept[i], &seen, &format_ok, &f->format);
	for (unsigned long i = 0; i < sg->unknown_more; i++)
		imp_warn(imp, &loc, "unknown field, ignored");
	if (format_ok < 0) {
		loc.field = "format";
		imp_error(imp, &loc, "missing format tag (want \"format\": "
				  IMP_FORMATS ")");
	}
	return format_ok > 0 ? IMP_OK : IMP_EDATA;
}

static enum imp_status exec_file(struct imp *imp, const char *sql, int file_no,
				 int fmt)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(imp->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(st, 1, file_no);
	if (rc == SQLITE_OK && sqlite3_bind_parameter_count(st) > 1)
		rc = sqlite3_bind_int(st, 2, fmt);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? IMP_OK : imp_sqlerr(imp, "staging records");
}

/* Reads file number file_no (mapped and checked by import_read.c): scans
 * it, staging each record as it comes, then checks its top level. A file
 * found wrong keeps nothing staged. */
enum imp_status imp_stage_file(struct imp *imp, int file_no)
{
	struct imp_file *f = &imp->files[file_no];
	struct stager *sg = calloc(1, sizeof *sg);
	if (!sg) {
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	sg->imp = imp;
	sg->f = f;
	sg->file_no = file_no;
	struct imp_scan_hooks hooks = { sg, stage_record, keep_member, 0 };
	enum imp_status st = IMP_OK;
	if (sqlite3_prepare_v2(imp->db, stage_sql, -1, &sg->insert, NULL) != SQLITE_OK
	    || sqlite3_bind_int(sg->insert, 1, file_no) != SQLITE_OK)
		st = imp_sqlerr(imp, "staging records");
	const char *why = NULL;
	size_t where = 0, nul_at = SIZE_MAX;
	if (st == IMP_OK)
		st = imp_scan_json(imp, f, &hooks, &where, &why, &nul_at);
	sqlite3_finalize(sg->insert);
	if (st == IMP_EDATA && why)
		imp_report_syntax(imp, f, where, why);
	else if (st == IMP_OK && (why || sg->not_json))
		st = imp_report_syntax(imp, f, where, why);
	else if (st == IMP_OK && nul_at != SIZE_MAX)
		st = imp_report_nul(imp, f, nul_at);
	if (st == IMP_OK)
		st = check_top(imp, f, sg, hooks.top_is_object);
	if (st == IMP_OK && f->format != sg->fmt)
		st = exec_file(imp, "UPDATE temp.rec SET fmt = ?2 WHERE file_no = ?1",
			       file_no, f->format);
	else if (st == IMP_EDATA)
		st = exec_file(imp, "DELETE FROM temp.rec WHERE file_no = ?1", file_no, 0)
			== IMP_OK ? IMP_EDATA : IMP_EFATAL;
	free(sg);
	if (st == IMP_OK)
		f->staged = 1;
	return st;
}
/* Fills the per-file and total record counts for the summary. */
enum imp_status imp_count_records(struct imp *imp)
{
	static const char sql[] =
		"SELECT file_no, db, count(*) FROM temp.rec GROUP BY file_no, db";
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(imp->db, sql, -1, &st, NULL);

	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int file_no = sqlite3_column_int(st, 0);
		int db = sqlite3_column_int(st, 1);
		long n = (long)sqlite3_column_int64(st, 2);
		imp->files[file_no].count[db] = n;
		imp->count[db] += n;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? IMP_OK : imp_sqlerr(imp, "counting records");
}
