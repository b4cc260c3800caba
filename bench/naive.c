/* bench/naive.c: the naive-SQL anchor of bench/queries.c (naive.h). Each
 * question is asked as someone who knows SQLite and FTS5, but none of the
 * store's shortcuts, would ask it: the words' MATCH expression (the one
 * query.c makes, so the same records match), bm25 with the kiosk's column
 * weights for relevance, count(*), a filter as "rowid IN (its facet
 * rows)", facet counts as a GROUP BY over the facet rows of the matches,
 * the other orders as the store writes them (so that they may use the
 * file's indexes). A screen's snippets are not made (FTS5's snippet()
 * needs the text, which the contentless index does not keep): the naive
 * screen reads each row's text instead. */
#include "naive.h"

#include "common/catalog.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAX_BINDS (4 + 2 * STORE_MAX_FILTERS * STORE_MAX_VALUES)

struct naive_sql {
	char s[4096];
	size_t len;
	const char *b[MAX_BINDS];   /* text parameters, in order */
	int nb;
	long offset;                /* bound after the texts when >= 0 */
};

static void add(struct naive_sql *q, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(q->s + q->len, sizeof q->s - q->len, fmt, ap);
	va_end(ap);
	if (n > 0 && q->len + (size_t)n < sizeof q->s)
		q->len += (size_t)n;
}

static void bind(struct naive_sql *q, const char *text)
{
	if (q->nb < MAX_BINDS)
		q->b[q->nb++] = text;
}

/* " AND rowid IN (...)" for each filter of s. */
static void add_filters(struct naive_sql *q, const struct search *s, const char *rowid)
{
	for (size_t i = 0; i < s->n_filters; i++) {
		const struct search_filter *f = &s->filters[i];
		add(q, " AND %s IN (SELECT rec FROM facet WHERE db = ? AND field = ? AND value", rowid);
		bind(q, catalog[s->db].table);
		bind(q, f->field);
		if (!f->values) {
			char from[16], to[16];
			snprintf(from, sizeof from, "%d", f->from ? f->from : 0);
			snprintf(to, sizeof to, "%d", f->to ? f->to : 9999);
			add(q, " BETWEEN %s AND %s)", from, to);
			continue;
		}
		for (size_t v = 0; v < f->n_values; v++) {
			add(q, v ? ", ?" : " IN (?");
			bind(q, f->values[v]);
		}
		add(q, "))");
	}
}

/* Runs q to the end, reading every column of every row (as a caller
 * would); returns the rows, or the first column of a single count. */
static long run_sql(sqlite3 *db, struct naive_sql *q, int count)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, q->s, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "naive: %s: %s\n", sqlite3_errmsg(db), q->s);
		return -1;
	}
	int i;
	for (i = 0; i < q->nb; i++)
		sqlite3_bind_text(st, i + 1, q->b[i], -1, SQLITE_STATIC);
	if (q->offset >= 0)
		sqlite3_bind_int64(st, i + 1, q->offset);
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count)
			n = sqlite3_column_int64(st, 0);
		else
			n++;
		for (int c = 0; c < sqlite3_column_count(st); c++)
			(void)sqlite3_column_text(st, c);
	}
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "naive: %s: %s\n", sqlite3_errmsg(db), q->s);
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}

static long count(sqlite3 *db, const struct search *s)
{
	const struct db_info *d = &catalog[s->db];
	struct naive_sql q = {.offset = -1};
	if (s->fts) {
		add(&q, "SELECT count(*) FROM %s WHERE %s MATCH ?", d->fts, d->fts);
		bind(&q, s->fts);
	} else {
		add(&q, "SELECT count(*) FROM %s WHERE 1", d->table);
	}
	add_filters(&q, s, "rowid");
	return run_sql(db, &q, 1);
}

/* The column a screen's snippet is cut from. */
static const char *text_column(int db)
{
	return db == DB_BIBLIOGRAPHY ? "abstract" : "summary";
}

static long page(sqlite3 *db, const struct search *s, long offset, int with_text)
{
	const struct db_info *d = &catalog[s->db];
	struct naive_sql q = {.offset = offset};
	add(&q, "SELECT t.rowid, t.id, t.title, t.year%s%s", with_text ? ", t." : "",
	    with_text ? text_column(s->db) : "");
	if (s->fts) {
		add(&q, " FROM %s JOIN %s t ON t.rowid = %s.rowid WHERE %s MATCH ?",
		    d->fts, d->table, d->fts, d->fts);
		bind(&q, s->fts);
	} else {
		add(&q, " FROM %s t WHERE 1", d->table);
	}
	add_filters(&q, s, "t.rowid");
	switch (s->sort) {
	case SORT_RELEVANCE:
		/* Relevance without words is newest first. */
		if (s->fts) {
			add(&q, " ORDER BY bm25(%s, 10.0, 1.0, 0.0), t.rowid", d->fts);
			break;
		}
		/* fall through */
	case SORT_NEWEST:
		add(&q, " ORDER BY t.rowid");
		break;
	case SORT_OLDEST:
		add(&q, " ORDER BY t.year IS NULL, t.rowid DESC");
		break;
	case SORT_TITLE:
		add(&q, " ORDER BY t.title COLLATE NOCASE, t.rowid");
		break;
	}
	add(&q, " LIMIT %d OFFSET ?", PER_PAGE);
	return run_sql(db, &q, 0);
}

static long facet(sqlite3 *db, const struct search *s, const char *field)
{
	const struct db_info *d = &catalog[s->db];
	struct naive_sql q = {.offset = -1};
	if (s->fts) {
		add(&q, "SELECT f.value, count(*) FROM %s JOIN facet f ON f.rec = %s.rowid"
			" WHERE %s MATCH ? AND f.db = ? AND f.field = ?", d->fts, d->fts, d->fts);
		bind(&q, s->fts);
	} else {
		add(&q, "SELECT f.value, count(*) FROM facet f WHERE f.db = ? AND f.field = ?");
	}
	bind(&q, d->table);
	bind(&q, field);
	add_filters(&q, s, "f.rec");
	add(&q, " GROUP BY f.value");
	return run_sql(db, &q, 0);
}

static long record(sqlite3 *db, int dbi, long rowid)
{
	char id[24];
	snprintf(id, sizeof id, "%ld", rowid);
	struct naive_sql q = {.offset = -1}, f = {.offset = -1};
	add(&q, "SELECT * FROM %s WHERE rowid = %s", catalog[dbi].table, id);
	add(&f, "SELECT field, value FROM facet WHERE db = ? AND rec = %s ORDER BY field, seq", id);
	bind(&f, catalog[dbi].table);
	long a = run_sql(db, &q, 0), b = run_sql(db, &f, 0);
	return a < 0 || b < 0 ? -1 : a + b;
}

/* The home screen: each database's count and what was added since a day,
 * and the data's date, on a new connection. */
static long paint(const char *path)
{
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "naive: cannot open %s\n", path);
		sqlite3_close(db);
		return -1;
	}
	long n = 0;
	for (int i = 0; i < DB_COUNT && n >= 0; i++) {
		struct naive_sql q = {.offset = -1}, a = {.offset = -1};
		add(&q, "SELECT count(*) FROM %s", catalog[i].table);
		add(&a, "SELECT count(*) FROM %s WHERE added >= '2026-01-01'", catalog[i].table);
		long c = run_sql(db, &q, 1), d = run_sql(db, &a, 1);
		n = c < 0 || d < 0 ? -1 : n + c + d;
	}
	struct naive_sql day = {.offset = -1};
	add(&day, "SELECT substr(value, 1, 10) FROM meta WHERE key = 'imported_at'");
	if (n >= 0 && run_sql(db, &day, 0) < 0)
		n = -1;
	sqlite3_close(db);
	return n;
}

long naive_run(sqlite3 *db, const char *path, enum op op, const struct search *s,
	       long offset, const char *field, long rowid)
{
	switch (op) {
	case OP_COUNT:
		return count(db, s);
	case OP_SCREEN: {
		long n = count(db, s);
		return n < 0 || page(db, s, 0, 1) < 0 ? -1 : n;
	}
	case OP_PAGE:
		return page(db, s, offset, 0);
	case OP_FACET:
		return facet(db, s, field);
	case OP_BROWSE: {
		long n = 0;
		for (size_t i = 0; i < catalog[s->db].n_browse && n >= 0; i++) {
			long v = facet(db, s, catalog[s->db].browse[i]);
			n = v < 0 ? -1 : n + v;
		}
		return n;
	}
	case OP_RECORD:
		return record(db, s->db, rowid);
	case OP_PAINT:
		return paint(path);
	}
	return -1;
}
