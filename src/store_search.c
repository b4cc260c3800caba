/* Searches: result counts, result pages and facet counts. Each statement
 * is assembled from constant pieces (the catalog's table and column names)
 * with every user value bound as a parameter, never pasted into SQL. */
#include "store.h"
#include "store_impl.h"
#include "catalog.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const sort_names[SORT_COUNT] = {"relevance", "newest", "oldest", "title"};

/* Title above body: a word in the title weighs ten times one in the text. */
#define BM25 "bm25(%s, 10.0, 1.0)"

struct bind {
	const char *text;   /* NULL: an integer */
	long n;
};

struct sql {
	char s[4096];
	size_t len;
	struct bind b[64];
	int nb;
	bool overflow;
};

static void sql_add(struct sql *q, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void sql_add(struct sql *q, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(q->s + q->len, sizeof q->s - q->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof q->s - q->len)
		q->overflow = true;
	else
		q->len += (size_t)n;
}

static void bind_text(struct sql *q, const char *text)
{
	if (q->nb < (int)(sizeof q->b / sizeof q->b[0]))
		q->b[q->nb++] = (struct bind){text, 0};
	else
		q->overflow = true;
}

static void bind_int(struct sql *q, long n)
{
	if (q->nb < (int)(sizeof q->b / sizeof q->b[0]))
		q->b[q->nb++] = (struct bind){NULL, n};
	else
		q->overflow = true;
}

/* FROM and WHERE of a search; skip names a filter field to leave out
 * (facet counts of that field), or NULL. */
static void add_from_where(struct sql *q, const struct search *s, const char *skip)
{
	const struct db_info *d = &catalog[s->db];
	if (s->fts)
		sql_add(q, " FROM %s JOIN %s t ON t.rowid = %s.rowid WHERE %s MATCH ?",
			d->fts, d->table, d->fts, d->fts), bind_text(q, s->fts);
	else
		sql_add(q, " FROM %s t WHERE 1", d->table);
	for (size_t i = 0; i < s->n_filters; i++) {
		if (skip && strcmp(skip, s->filters[i].field) == 0)
			continue;
		sql_add(q, " AND t.rowid IN (SELECT rec FROM facet"
			   " WHERE db = ? AND field = ? AND value = ?)");
		bind_text(q, d->table);
		bind_text(q, s->filters[i].field);
		bind_text(q, s->filters[i].value);
	}
	bool skip_year = skip && strcmp(skip, "year") == 0;
	if (s->year_from && !skip_year)
		sql_add(q, " AND t.year >= ?"), bind_int(q, s->year_from);
	if (s->year_to && !skip_year)
		sql_add(q, " AND t.year <= ?"), bind_int(q, s->year_to);
}

static sqlite3_stmt *sql_prepare(struct store *st, struct sql *q)
{
	if (q->overflow) {
		snprintf(st->error, sizeof st->error, "Search too complex: remove a filter.");
		return NULL;
	}
	sqlite3_stmt *stmt = store_prepare(st, q->s);
	for (int i = 0; stmt && i < q->nb; i++) {
		int rc = q->b[i].text
			? sqlite3_bind_text(stmt, i + 1, q->b[i].text, -1, SQLITE_STATIC)
			: sqlite3_bind_int64(stmt, i + 1, q->b[i].n);
		if (rc != SQLITE_OK) {
			store_fail(st, "preparing a search");
			sqlite3_finalize(stmt);
			return NULL;
		}
	}
	return stmt;
}

long store_search_count(struct store *st, const struct search *s)
{
	struct sql q = {0};
	sql_add(&q, "SELECT count(*)");
	add_from_where(&q, s, NULL);
	sqlite3_stmt *stmt = sql_prepare(st, &q);
	if (!stmt)
		return -1;
	long n = -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	else
		store_fail(st, "counting results");
	sqlite3_finalize(stmt);
	return n;
}

/* The SQL expression of a list column. */
static void add_column(struct sql *q, const struct db_info *d, const char *source)
{
	if (strcmp(source, "first_author") == 0)
		sql_add(q, ", (SELECT value FROM facet WHERE db = '%s' AND field = 'author'"
			   " AND rec = t.rowid ORDER BY seq LIMIT 1)", d->table);
	else
		sql_add(q, ", t.%s", source);
}

static void add_order(struct sql *q, const struct search *s)
{
	const struct db_info *d = &catalog[s->db];
	/* Rowids are assigned newest first at import: the cheapest order. */
	switch (s->sort) {
	case SORT_RELEVANCE:
		/* Without words to rank by, relevance means newest. */
		if (s->fts)
			sql_add(q, " ORDER BY " BM25 ", t.rowid", d->fts);
		else
			sql_add(q, " ORDER BY t.rowid");
		break;
	case SORT_NEWEST:
		sql_add(q, " ORDER BY t.rowid");
		break;
	case SORT_OLDEST:
		/* Undated records have the last rowids; they stay last here too. */
		sql_add(q, " ORDER BY t.year IS NULL, t.rowid DESC");
		break;
	case SORT_TITLE:
		sql_add(q, " ORDER BY t.title COLLATE NOCASE, t.rowid");
		break;
	}
}

static char *column_dup(sqlite3_stmt *stmt, int i)
{
	const unsigned char *t = sqlite3_column_text(stmt, i);
	return t ? strdup((const char *)t) : NULL;
}

static int read_row(sqlite3_stmt *stmt, const struct db_info *d, bool snippet,
		    struct result *r)
{
	int c = 0;
	r->rowid = sqlite3_column_int64(stmt, c++);
	if (!(r->id = column_dup(stmt, c++)))
		return -1;
	for (size_t i = 0; i < d->n_columns; i++, c++)
		if (sqlite3_column_type(stmt, c) != SQLITE_NULL
		    && !(r->cols[i] = column_dup(stmt, c)))
			return -1;
	if (snippet && sqlite3_column_type(stmt, c) != SQLITE_NULL
	    && !(r->snippet = column_dup(stmt, c)))
		return -1;
	return 0;
}

int store_search_page(struct store *st, const struct search *s, long offset,
		      int limit, struct result_page *out)
{
	const struct db_info *d = &catalog[s->db];
	struct sql q = {0};
	*out = (struct result_page){0};
	sql_add(&q, "SELECT t.rowid, t.id");
	for (size_t i = 0; i < d->n_columns; i++)
		add_column(&q, d, d->columns[i].source);
	if (s->fts)
		sql_add(&q, ", snippet(%s, 1, char(1), char(2), '...', 12)", d->fts);
	add_from_where(&q, s, NULL);
	add_order(&q, s);
	sql_add(&q, " LIMIT ? OFFSET ?");
	bind_int(&q, limit);
	bind_int(&q, offset);
	sqlite3_stmt *stmt = sql_prepare(st, &q);
	if (!stmt)
		return -1;
	if (limit > 0 && !(out->v = calloc((size_t)limit, sizeof *out->v))) {
		sqlite3_finalize(stmt);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && out->n < (size_t)limit)
		if (read_row(stmt, d, s->fts != NULL, &out->v[out->n++]) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_fail(st, "reading results");
		result_page_free(out);
		sqlite3_finalize(stmt);
		return -1;
	}
	sqlite3_finalize(stmt);
	return 0;
}

void result_page_free(struct result_page *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].id);
		for (int c = 0; c < STORE_MAX_COLUMNS; c++)
			free(p->v[i].cols[c]);
		free(p->v[i].snippet);
	}
	free(p->v);
	*p = (struct result_page){0};
}

static bool search_is_open(const struct search *s, const char *field)
{
	if (s->fts || s->year_from || s->year_to)
		return false;
	for (size_t i = 0; i < s->n_filters; i++)
		if (strcmp(s->filters[i].field, field) != 0)
			return false;
	return true;
}

int store_facet(struct store *st, const struct search *s, const char *field,
		struct facet_list *out)
{
	const struct db_info *d = &catalog[s->db];
	struct sql q = {0};
	*out = (struct facet_list){0};
	sql_add(&q, "SELECT value, count(*) FROM facet WHERE db = ? AND field = ?");
	bind_text(&q, d->table);
	bind_text(&q, field);
	if (!search_is_open(s, field)) {
		sql_add(&q, " AND rec IN (SELECT t.rowid");
		add_from_where(&q, s, field);
		sql_add(&q, ")");
	}
	sql_add(&q, strcmp(field, "year") == 0 ? " GROUP BY value ORDER BY value DESC"
		    : " GROUP BY value ORDER BY value COLLATE NOCASE");
	sqlite3_stmt *stmt = sql_prepare(st, &q);
	if (!stmt)
		return -1;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? 2 * cap : 32;
			struct facet_value *v = realloc(out->v, cap * sizeof *v);
			if (!v) {
				rc = SQLITE_NOMEM;
				break;
			}
			out->v = v;
		}
		struct facet_value *fv = &out->v[out->n];
		if (!(fv->value = column_dup(stmt, 0))) {
			rc = SQLITE_NOMEM;
			break;
		}
		fv->count = sqlite3_column_int64(stmt, 1);
		out->n++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		facet_list_free(out);
		snprintf(st->error, sizeof st->error, "Database error while counting %s.",
			 field);
		return -1;
	}
	return 0;
}

void facet_list_free(struct facet_list *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].value);
	free(f->v);
	*f = (struct facet_list){0};
}
