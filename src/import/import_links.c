/* htkp-import checks across records, over everything staged from all the
 * files: an id names one record of its database, and every law a case
 * or one of its charges cites is a legislation record of this import. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>

#include "import/import.h"

static const char duplicate_sql[] =
	"SELECT file_no, db, idx, id, first_file, first_idx, line, first_line FROM ("
	"  SELECT file_no, db, idx, id, line,"
	"    first_value(file_no) OVER w AS first_file,"
	"    first_value(idx) OVER w AS first_idx,"
	"    first_value(line) OVER w AS first_line,"
	"    row_number() OVER w AS n"
	"  FROM temp.rec WHERE id IS NOT NULL"
	"  WINDOW w AS (PARTITION BY db, id ORDER BY rowid)) "
	"WHERE n > 1 ORDER BY file_no, db, idx";

/* Each statement below gives a record's file, position and id as its
 * first three columns, and its line (JSON Lines) as the last. */

static const char dangling_sql[] =
	"SELECT r.file_no, r.idx, r.id, j.key, clean(j.value), r.line "
	"FROM temp.rec AS r, json_each(r.json, '$.legislation') AS j "
	"WHERE r.db = ?1 AND json_type(r.json, '$.legislation') = 'array' "
	"  AND j.type = 'text' AND clean(j.value) IS NOT NULL "
	"  AND NOT EXISTS (SELECT 1 FROM temp.rec AS l "
	"                  WHERE l.db = ?2 AND l.id = clean(j.value)) "
	"ORDER BY r.rowid, j.key";

/* htkp/2: the law a charge names. */
static const char charge_law_sql[] =
	"SELECT r.file_no, r.idx, r.id, d.key, c.key,"
	"  clean(json_extract(d.value, '$.name')),"
	"  clean(json_extract(c.value, '$.charge')), clean(json_extract(c.value, '$.law')),"
	"  r.line "
	"FROM temp.rec AS r, json_each(r.json, '$.defendants') AS d,"
	"  json_each(d.value, '$.charges') AS c "
	"WHERE r.db = ?1 AND r.fmt = 2 AND json_type(r.json, '$.defendants') = 'array'"
	"  AND d.type = 'object' AND json_type(d.value, '$.charges') = 'array'"
	"  AND c.type = 'object' AND json_type(c.value, '$.law') = 'text'"
	"  AND clean(json_extract(c.value, '$.law')) IS NOT NULL"
	"  AND NOT EXISTS (SELECT 1 FROM temp.rec AS l WHERE l.db = ?2"
	"                  AND l.id = clean(json_extract(c.value, '$.law'))) "
	"ORDER BY r.rowid, d.key, c.key";

/* Each report_* returns -1 when out of memory, else 0. */
static int report_duplicate(struct imp *imp, sqlite3_stmt *st)
{
	int db = sqlite3_column_int(st, 1);
	const char *id;
	if (imp_column_text(st, 3, &id) != 0 || !id)
		return -1;
	struct imp_loc loc = {
		imp->files[sqlite3_column_int(st, 0)].name, catalog[db].name,
		(long)sqlite3_column_int64(st, 2), id, "id", sqlite3_column_int64(st, 6)
	};
	char q[IMP_QUOTE_MAX];
	const char *first = imp->files[sqlite3_column_int(st, 4)].name;
	long long first_line = sqlite3_column_int64(st, 7);

	if (first_line)
		imp_error(imp, &loc, "duplicate id %s (first used by %s at %s:%lld)",
			  imp_quote(q, id), catalog[db].name, first, first_line);
	else
		imp_error(imp, &loc, "duplicate id %s (first used by %s[%lld] in %s)",
			  imp_quote(q, id), catalog[db].name,
			  (long long)sqlite3_column_int64(st, 5), first);
	return 0;
}

static int report_dangling(struct imp *imp, sqlite3_stmt *st)
{
	const char *ref, *id;
	if (imp_column_text(st, 4, &ref) != 0 || imp_column_text(st, 2, &id) != 0
	    || !ref)
		return -1;
	char field[64], q[IMP_QUOTE_MAX];
	struct imp_loc loc = {
		imp->files[sqlite3_column_int(st, 0)].name,
		catalog[DB_CASES].name, (long)sqlite3_column_int64(st, 1), id, field,
		sqlite3_column_int64(st, sqlite3_column_count(st) - 1)
	};

	snprintf(field, sizeof field, "legislation[%lld]",
			 (long long)sqlite3_column_int64(st, 3));
	imp_error(imp, &loc, "no legislation record has id %s", imp_quote(q, ref));
	return 0;
}

/* Names the case, the defendant (position and name) and the charge. */
static int report_charge_law(struct imp *imp, sqlite3_stmt *st)
{
	const char *id, *name, *charge, *ref;
	if (imp_column_text(st, 2, &id) || imp_column_text(st, 5, &name)
	    || imp_column_text(st, 6, &charge) || imp_column_text(st, 7, &ref)
	    || !ref)
		return -1;
	long long d = sqlite3_column_int64(st, 3), c = sqlite3_column_int64(st, 4);
	char field[96], q[IMP_QUOTE_MAX], qn[IMP_QUOTE_MAX], qc[IMP_QUOTE_MAX];
	struct imp_loc loc = {
		imp->files[sqlite3_column_int(st, 0)].name,
		catalog[DB_CASES].name, (long)sqlite3_column_int64(st, 1), id, field,
		sqlite3_column_int64(st, sqlite3_column_count(st) - 1)
	};
	snprintf(field, sizeof field, "defendants[%lld].charges[%lld].law", d, c);
	imp_error(imp, &loc, "no legislation record has id %s (defendant %lld%s%s, "
		  "charge %lld%s%s)", imp_quote(q, ref), d, name ? " " : "",
		  name ? imp_quote(qn, name) : "", c, charge ? " " : "",
		  charge ? imp_quote(qc, charge) : "");
	return 0;
}

/* Runs sql (binding DB_CASES and DB_LEGISLATION to ?1 and ?2 if it has
 * them) and hands every row to report. */
static enum imp_status each_row(struct imp *imp, const char *sql,
				int (*report)(struct imp *, sqlite3_stmt *))
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(imp->db, sql, -1, &st, NULL);
	int nomem = 0;
	if (rc == SQLITE_OK && sqlite3_bind_parameter_count(st) == 2) {
		rc = sqlite3_bind_int(st, 1, DB_CASES);
		if (rc == SQLITE_OK)
			rc = sqlite3_bind_int(st, 2, DB_LEGISLATION);
	}
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		if ((nomem = report(imp, st)))
			break;
	}
	sqlite3_finalize(st);
	if (nomem) {
		imp_fatal(imp, "out of memory while checking ids");
		return IMP_EFATAL;
	}
	return rc == SQLITE_DONE ? IMP_OK : imp_sqlerr(imp, "checking ids");
}

/* Reports duplicate ids and, if every file could be staged (otherwise
 * the missing file's laws would all look missing), dangling references. */
enum imp_status imp_check_links(struct imp *imp, int all_staged)
{
	enum imp_status st = imp_exec(imp, "CREATE INDEX temp.rec_by_id ON rec (db, id)",
				      "indexing ids");
	if (st == IMP_OK)
		st = each_row(imp, duplicate_sql, report_duplicate);
	if (st == IMP_OK && all_staged)
		st = each_row(imp, dangling_sql, report_dangling);
	if (st == IMP_OK && all_staged)
		st = each_row(imp, charge_law_sql, report_charge_law);
	return st;
}
