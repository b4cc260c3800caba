/* htkp-import staging: checks a file's top level (the "format" tag, the
 * three record arrays) and copies each record's JSON into temp.rec, one
 * row per record, so later passes parse one record at a time instead of
 * the whole file again. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "import/import.h"

/* The output file is deleted on any failure, so a rollback journal buys
 * nothing; one fsync at the end replaces SQLite's own. */
static const char setup_sql[] =
	"PRAGMA main.journal_mode = OFF;"
	"PRAGMA main.synchronous = OFF;"
	"PRAGMA cache_size = -65536;"
	"CREATE TEMP TABLE rec ("
	"  file_no INTEGER NOT NULL,"     /* index into imp->files */
	"  db      INTEGER NOT NULL,"     /* enum db */
	"  fmt     INTEGER NOT NULL,"     /* 1: htkp/1, 2: htkp/2 */
	"  idx     INTEGER NOT NULL,"     /* position in the file's array */
	"  type    TEXT NOT NULL,"        /* json_type of the record */
	"  id      TEXT,"                 /* clean(id) if id is a string */
	"  rno     INTEGER,"              /* rowid in the output, see load */
	"  json    TEXT"                  /* the record, if an object */
	");";

/* One database's records from one file. json_each(?1, ?4) rather than a
 * join over the top level: that would copy each array out as text and
 * parse it again, half as much memory again for a big file. */
static const char stage_sql[] =
	"INSERT INTO temp.rec (file_no, db, fmt, idx, type, id, json) "
	"SELECT ?2, ?3, ?5, r.key, r.type, "
	"  CASE WHEN r.type = 'object' AND json_type(r.value, '$.id') = 'text' "
	"    THEN clean(json_extract(r.value, '$.id')) END, "
	"  CASE WHEN r.type = 'object' THEN r.value END "
	"FROM json_each(?1, ?4) AS r";

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
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
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

/* One top-level member: a record array, the format tag, or unknown.
 * *seen: a bit (1 << enum db, or 1 << DB_COUNT for the tag) for each
 * member met, and the same shifted by DB_COUNT + 1 for each met again.
 * Returns -1 when out of memory. */
static int check_member(struct imp *imp, const struct imp_file *f,
			sqlite3_stmt *st, unsigned *seen, unsigned *arrays,
			int *format_ok, int *format)
{
	const char *key, *type, *atom;
	if (imp_column_text(st, 0, &key) || imp_column_text(st, 1, &type)
	    || imp_column_text(st, 2, &atom) || !key || !type
	    || (!atom && strcmp(type, "text") == 0))
		return -1;
	struct imp_loc loc = { f->name, NULL, -1, NULL, key };
	int d = catalog_find(key);     /* -1: not a record array */
	unsigned bit = d < 0 ? 1u << DB_COUNT : 1u << d;
	if (d < 0 && strcmp(key, "format") != 0) {
		imp_warn(imp, &loc, "unknown field, ignored");
		return 0;
	}
	if (*seen & bit) {
		/* Only the first is read; a second one's value is not checked,
		 * so a repeated tag is one mistake, reported once. */
		if (!(*seen & bit << (DB_COUNT + 1)))
			imp_error(imp, &loc, "given twice");
		*seen |= bit << (DB_COUNT + 1);
		return 0;       /* a repeated member */
	}
	*seen |= bit;
	if (d >= 0) {
		if (strcmp(type, "array") == 0)
			*arrays |= bit;
		else
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
	return 0;
}

/* Checks the members of the file's top-level object; *arrays gets a bit
 * (1 << enum db) for each record array, f->format the format. Returns
 * IMP_EDATA if the file is in no format known: then its records are not
 * looked at. */
static enum imp_status check_top(struct imp *imp, struct imp_file *f,
								 unsigned *arrays)
{
	struct imp_loc loc = { f->name, NULL, -1, NULL, NULL };
	const char *p = f->text + strspn(f->text, " \t\r\n");
	if (*p != '{') {
		imp_error(imp, &loc, "not an htkp file: want a JSON object "
			  "with \"format\": " IMP_FORMATS);
		return IMP_EDATA;
	}
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(imp->db, "SELECT key, type, atom FROM json_each(?1)",
				    -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 1, f->text, (int)f->len, SQLITE_STATIC);
	unsigned seen = 0;
	int format_ok = -1, nomem = 0;
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		if ((nomem = check_member(imp, f, st, &seen, arrays, &format_ok,
					      &f->format)))
			break;
	}
	sqlite3_finalize(st);
	if (nomem) {
		imp_fatal(imp, "out of memory while reading the top level");
		return IMP_EFATAL;
	}
	if (rc != SQLITE_DONE)
		return imp_sqlerr(imp, "reading the top level");
	if (format_ok < 0) {
		loc.field = "format";
		imp_error(imp, &loc, "missing format tag (want \"format\": "
				  IMP_FORMATS ")");
	}
	return format_ok > 0 ? IMP_OK : IMP_EDATA;
}

static int stage_db(sqlite3_stmt *st, enum db db)
{
	char path[32];
	snprintf(path, sizeof path, "$.%s", catalog[db].name);
	int rc = sqlite3_bind_int(st, 3, db);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 4, path, -1, SQLITE_TRANSIENT);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	return rc == SQLITE_DONE ? sqlite3_reset(st) : rc;
}

/* Checks file number file_no's top level and stages its records. */
enum imp_status imp_stage_file(struct imp *imp, int file_no)
{
	struct imp_file *f = &imp->files[file_no];
	unsigned arrays = 0;
	enum imp_status status = check_top(imp, f, &arrays);
	if (status != IMP_OK)
		return status;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(imp->db, stage_sql, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 1, f->text, (int)f->len, SQLITE_STATIC);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(st, 2, file_no);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(st, 5, f->format);
	for (int d = 0; rc == SQLITE_OK && d < DB_COUNT; d++)
		if (arrays >> d & 1)
			rc = stage_db(st, (enum db)d);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return imp_sqlerr(imp, "staging records");
	f->staged = 1;
	return IMP_OK;
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
