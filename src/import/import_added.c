/* htkp-import: the day each record joined the data (column added), so
 * that the kiosk can say what is new. A record's own `added` wins; else an
 * id the previous database (the -o file) held keeps the day it had there;
 * else the record is new today. The previous file is read only when it is
 * an htkp database with an added column; anything else counts as none. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "import/import.h"

/* Attached before the load's transaction (SQLite attaches outside one). */
static int attached;

/* Whether the attached file has what we read: each table with id and added. */
static int prev_usable(struct imp *imp)
{
	sqlite3_stmt *st;
	int n = 0;
	if (sqlite3_prepare_v2(imp->db,
			       "SELECT count(*) FROM prev.pragma_table_info(?1) "
			       "WHERE name IN ('id', 'added')", -1, &st, NULL) != SQLITE_OK)
		return 0;
	for (int d = 0; d < DB_COUNT; d++) {
		sqlite3_bind_text(st, 1, catalog[d].table, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 2)
			n++;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return n == DB_COUNT;
}

enum imp_status imp_added_attach(struct imp *imp)
{
	attached = 0;
	if (!imp->out_path || access(imp->out_path, R_OK) != 0)
		return IMP_OK;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(imp->db, "ATTACH ?1 AS prev",
			       -1, &st, NULL) != SQLITE_OK)
		return imp_sqlerr(imp, "reading the previous database");
	sqlite3_bind_text(st, 1, imp->out_path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return IMP_OK;   /* not a database: every record is new */
	attached = 1;
	if (!prev_usable(imp))
		imp_added_detach(imp);
	return IMP_OK;
}

void imp_added_detach(struct imp *imp)
{
	if (attached)
		sqlite3_exec(imp->db, "DETACH prev", NULL, NULL, NULL);
	attached = 0;
}

enum imp_status imp_added_load(struct imp *imp)
{
	char today[16], sql[1024];
	time_t now = time(NULL);
	struct tm tm;
	strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&now, &tm));
	for (int d = 0; d < DB_COUNT; d++) {
		const char *t = catalog[d].table;
		/* One pass over the staged records: each finds its row by
		 * rowid and its previous day by the unique id. */
		if (attached)
			snprintf(sql, sizeof sql,
				 "UPDATE main.%s AS t SET added = coalesce("
				 "clean(json_extract(r.json, '$.added')), p.added, '%s') "
				 "FROM temp.rec AS r LEFT JOIN prev.%s AS p ON p.id = r.id "
				 "WHERE r.db = %d AND r.rno = t.rowid", t, today, t, d);
		else
			snprintf(sql, sizeof sql,
				 "UPDATE main.%s AS t SET added = coalesce("
				 "clean(json_extract(r.json, '$.added')), '%s') "
				 "FROM temp.rec AS r WHERE r.db = %d AND r.rno = t.rowid",
				 t, today, d);
		enum imp_status st = imp_exec(imp, sql, "dating the records");
		if (st != IMP_OK)
			return st;
	}
	return IMP_OK;
}
