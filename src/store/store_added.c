/* What is new: the day each record joined the data (column added, set by
 * htkp-import) counted since a day, and the newest records listed. */
#include "store/store.h"
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long store_added_since(struct store *st, int db, const char *since)
{
	/* Counted by day at import: a few rows, not every record. */
	sqlite3_stmt *s = store_prepare(st, "SELECT coalesce(sum(n), 0) FROM added_count"
					    " WHERE db = ? AND added >= ?");
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, catalog[db].table, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, since, -1, SQLITE_STATIC);
	long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0)
					       : store_fail(st, "counting new records");
	sqlite3_finalize(s);
	return n;
}

static char *dup_col(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	return strdup(t ? t : "");
}

int store_recent(struct store *st, int db, int limit, struct rec_items *out)
{
	char sql[160];
	*out = (struct rec_items){0};
	snprintf(sql, sizeof sql, "SELECT rowid, title, added FROM %s WHERE added IS NOT NULL"
		 " ORDER BY added DESC, rowid LIMIT ?", catalog[db].table);
	sqlite3_stmt *s = store_prepare(st, sql);
	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, limit);
	if (!(out->v = calloc((size_t)limit, sizeof *out->v))) {
		sqlite3_finalize(s);
		return store_fail(st, "listing new records");
	}
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && out->n < (size_t)limit) {
		struct rec_item *b = &out->v[out->n++];
		b->db = db;
		b->rowid = sqlite3_column_int64(s, 0);
		b->title = dup_col(s, 1);
		b->added = dup_col(s, 2);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		rec_items_free(out);
		return store_fail(st, "listing new records");
	}
	return 0;
}

int store_item(struct store *st, int db, long rowid, struct rec_item *out)
{
	char sql[128];
	*out = (struct rec_item){.db = db, .rowid = rowid};
	snprintf(sql, sizeof sql, "SELECT title, added FROM %s WHERE rowid = ?",
		 catalog[db].table);
	sqlite3_stmt *s = store_prepare(st, sql);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, rowid);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->title = dup_col(s, 0);
		out->added = dup_col(s, 1);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : store_fail(st, "reading a record");
}

void rec_item_free(struct rec_item *b)
{
	free(b->title);
	free(b->added);
	b->title = b->added = NULL;
}

void rec_items_free(struct rec_items *l)
{
	for (size_t i = 0; i < l->n; i++)
		rec_item_free(&l->v[i]);
	free(l->v);
	*l = (struct rec_items){0};
}
