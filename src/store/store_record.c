/* One record with everything the record view shows: its columns, its
 * lists (facet values in their order), a case's proceedings and the
 * records it links to. */
#include "store/store.h"
#include "store/store_impl.h"
#include "store/store_brief.h"
#include "common/catalog.h"
#include "common/grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *store_dup_col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? strdup((const char *)t) : NULL;
}

static int push_value(struct record *r, size_t *cap, char *key, char *value)
{
	if (!key || !value)
		goto fail;
	if (grow(&r->values, cap, r->n_values, sizeof *r->values, 32) != 0)
		goto fail;
	r->values[r->n_values++] = (struct record_value){key, value};
	return 0;
fail:
	free(key);
	free(value);
	return -1;
}

/* Returns 0, 1 when no row, -1 on error. */
static int read_columns(struct store *st, struct record *r, size_t *cap)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE rowid = ?", catalog[r->db].table);
	sqlite3_stmt *s = store_cached(st, sql);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, r->rowid);
	int rc = sqlite3_step(s), result = rc == SQLITE_ROW ? 0 : 1;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		result = store_fail(st, "reading a record");
	for (int i = 0; rc == SQLITE_ROW && i < sqlite3_column_count(s); i++) {
		if (sqlite3_column_type(s, i) == SQLITE_NULL)
			continue;
		if (push_value(r, cap, strdup(sqlite3_column_name(s, i)), store_dup_col(s, i)) != 0) {
			result = -1;
			break;
		}
	}
	store_done(st, s);
	return result;
}

/* Appends value to the list under key "@field", joining with "; ". */
static int add_list_value(struct record *r, size_t *cap, const char *field,
			  const char *value)
{
	if (r->n_values > 0) {
		struct record_value *last = &r->values[r->n_values - 1];
		if (last->key[0] == '@' && strcmp(last->key + 1, field) == 0) {
			size_t a = strlen(last->value), b = strlen(value);
			char *v = realloc(last->value, a + b + 3);
			if (!v)
				return -1;
			memcpy(v + a, "; ", 2);
			memcpy(v + a + 2, value, b + 1);
			last->value = v;
			return 0;
		}
	}
	char *key = malloc(strlen(field) + 2);
	if (key)
		sprintf(key, "@%s", field);
	return push_value(r, cap, key, strdup(value));
}

int store_each_row(struct store *st, sqlite3_stmt *s, struct record *r, size_t *cap,
		   int (*add)(struct record *r, sqlite3_stmt *s, size_t *cap),
		   const char *what)
{
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && add(r, s, cap) == 0)
		;
	int result = 0;
	if (rc == SQLITE_ROW) {
		snprintf(st->error, sizeof st->error, "Out of memory while %s.", what);
		result = -1;
	} else if (rc != SQLITE_DONE) {
		result = store_fail(st, what);
	}
	store_done(st, s);
	return result;
}

static int add_list_row(struct record *r, sqlite3_stmt *s, size_t *cap)
{
	return add_list_value(r, cap, (const char *)sqlite3_column_text(s, 0),
			      (const char *)sqlite3_column_text(s, 1));
}

/* cap: the capacity of r->values, which the columns began to fill. */
static int read_lists(struct store *st, struct record *r, size_t *cap)
{
	sqlite3_stmt *s = store_cached(st,
		"SELECT field, value FROM facet WHERE db = ? AND rec = ? ORDER BY field, seq");
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, catalog[r->db].table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, r->rowid);
	return store_each_row(st, s, r, cap, add_list_row, "reading a record's lists");
}

static int add_proceeding(struct record *r, sqlite3_stmt *s, size_t *cap)
{
	if (grow(&r->proc, cap, r->n_proc, sizeof *r->proc, 4) != 0)
		return -1;
	r->proc[r->n_proc++] = (struct proceeding){store_dup_col(s, 0), store_dup_col(s, 1),
		store_dup_col(s, 2), store_dup_col(s, 3), store_dup_col(s, 4), store_dup_col(s, 5)};
	return 0;
}

static int read_proceedings(struct store *st, struct record *r)
{
	sqlite3_stmt *s = store_cached(st,
		"SELECT court, date, decision, decision_number, outcome, sentence FROM proceedings"
		" WHERE case_rowid = ? ORDER BY seq");
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, r->rowid);
	size_t cap = 0;
	return store_each_row(st, s, r, &cap, add_proceeding, "reading proceedings");
}

static int add_link(struct record *r, sqlite3_stmt *s, size_t *cap)
{
	if (grow(&r->links, cap, r->n_links, sizeof *r->links, 8) != 0)
		return -1;
	r->links[r->n_links++] = (struct record_link){catalog[r->db].link->target,
		sqlite3_column_int64(s, 0), store_dup_col(s, 1), store_dup_col(s, 2),
		store_dup_col(s, 3), store_dup_col(s, 4), NULL, LINK_LISTED, 0};
	return 0;
}

static int read_links(struct store *st, struct record *r)
{
	const struct link_info *l = catalog[r->db].link;
	if (!l)
		return 0;
	char sql[400];
	snprintf(sql, sizeof sql,
		 "SELECT x.rowid, x.id, x.title, x.country, x.year FROM case_law l"
		 " JOIN %s x ON x.rowid = l.%s WHERE l.%s = ? ORDER BY l.seq, x.rowid",
		 catalog[l->target].table, l->to_col, l->from_col);
	sqlite3_stmt *s = store_cached(st, sql);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, r->rowid);
	size_t cap = 0;
	return store_each_row(st, s, r, &cap, add_link, "reading links");
}

int store_record(struct store *st, int db, long rowid, struct record *out)
{
	*out = (struct record){.db = db, .rowid = rowid};
	size_t cap = 0;
	int rc = read_columns(st, out, &cap);
	if (rc == 0)
		rc = read_lists(st, out, &cap);
	if (rc == 0 && db == DB_CASES)
		rc = read_proceedings(st, out);
	/* The listed links first: they keep the indexes they always had. */
	if (rc == 0)
		rc = read_links(st, out);
	if (rc == 0 && db == DB_CASES)
		rc = store_read_defendants(st, out);
	if (rc == 0 && db == DB_LEGISLATION)
		rc = store_read_provisions(st, out);
	if (rc != 0)
		record_free(out);
	return rc;
}

const char *record_value(const struct record *r, const char *key)
{
	for (size_t i = 0; i < r->n_values; i++)
		if (strcmp(r->values[i].key, key) == 0)
			return r->values[i].value[0] ? r->values[i].value : NULL;
	return NULL;
}

void record_free(struct record *r)
{
	for (size_t i = 0; i < r->n_values; i++) {
		free(r->values[i].key);
		free(r->values[i].value);
	}
	for (size_t i = 0; i < r->n_proc; i++) {
		struct proceeding *p = &r->proc[i];
		free(p->court), free(p->date), free(p->decision);
		free(p->decision_number), free(p->outcome), free(p->sentence);
	}
	for (size_t i = 0; i < r->n_links; i++) {
		struct record_link *l = &r->links[i];
		free(l->id), free(l->title), free(l->country), free(l->year);
		free(l->article);
	}
	store_free_brief(r);
	free(r->values);
	free(r->proc);
	free(r->links);
	*r = (struct record){0};
}

long store_find_id(struct store *st, int db, const char *id)
{
	char sql[160];
	/* The exact id through the index first; only a miss scans the table
	 * for the id in another case ("nga-2004-001"). */
	snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE id = ?1 UNION ALL "
		 "SELECT rowid FROM %s WHERE id = ?1 COLLATE NOCASE LIMIT 1",
		 catalog[db].table, catalog[db].table);
	sqlite3_stmt *s = store_cached(st, sql);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	long rowid = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		rowid = store_fail(st, "finding a record");
	store_done(st, s);
	return rowid;
}
