/* Searches: result counts, result pages and facet counts. Each statement
 * is assembled from constant pieces (the catalog's table and column names)
 * with every user value bound as a parameter, never pasted into SQL. */
#include "store/store.h"
#include "store/store_impl.h"
#include "common/catalog.h"
#include "common/grow.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const sort_names[SORT_COUNT] = {"relevance", "newest", "oldest", "title"};

/* Title above body: a word in the title weighs ten times one in the text. */
#define BM25 "bm25(%s, 10.0, 1.0, 0.0)"

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

/* The rowid a search's predicates test: with words, the FTS table's own,
 * so that FTS5 drives and no record row is read just to be counted. */
static const char *rowid_of(const struct search *s, char *buf, size_t len)
{
	snprintf(buf, len, "%s.rowid", s->fts ? catalog[s->db].fts : "t");
	return buf;
}

/* FROM and WHERE of a search. join: the record table is needed too (to
 * sort by its columns). skip names a filter field to leave out (the facet
 * counts of that field), or NULL.
 *
 * A filter's "rowid IN (...)" lets FTS5 look up just the filter's records,
 * which makes counting fast; but FTS5 answers each looked-up rowid with a
 * cursor of its own, and bm25 recomputes the words' statistics for every
 * one (13 s for 4,000 records of a word in every record). When ranking
 * (ranked), the unary + keeps the filter out of FTS5's hands. */
static void add_from_where(struct sql *q, const struct search *s, bool join,
			   bool ranked, const char *skip)
{
	const struct db_info *d = &catalog[s->db];
	char r[64], fr[66];
	rowid_of(s, r, sizeof r);
	snprintf(fr, sizeof fr, "%s%s", ranked ? "+" : "", r);
	if (s->fts && join)
		sql_add(q, " FROM %s JOIN %s t ON t.rowid = %s WHERE %s MATCH ?",
			d->fts, d->table, r, d->fts), bind_text(q, s->fts);
	else if (s->fts)
		sql_add(q, " FROM %s WHERE %s MATCH ?", d->fts, d->fts), bind_text(q, s->fts);
	else
		sql_add(q, " FROM %s t WHERE 1", d->table);
	for (size_t i = 0; i < s->n_filters; i++) {
		if (skip && strcmp(skip, s->filters[i].field) == 0)
			continue;
		sql_add(q, " AND %s IN (SELECT rec FROM facet"
			   " WHERE db = ? AND field = ? AND value = ?)", fr);
		bind_text(q, d->table);
		bind_text(q, s->filters[i].field);
		bind_text(q, s->filters[i].value);
	}
	if ((!s->year_from && !s->year_to) || (skip && strcmp(skip, "year") == 0))
		return;
	sql_add(q, " AND %s IN (SELECT rowid FROM %s WHERE year BETWEEN ? AND ?)", fr,
		d->table);
	bind_int(q, s->year_from ? s->year_from : 0);
	bind_int(q, s->year_to ? s->year_to : 9999);
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
	add_from_where(&q, s, false, false, NULL);
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

/* Sorting by the record's own columns needs its table joined. */
static bool order_needs_table(const struct search *s)
{
	return s->sort == SORT_OLDEST || s->sort == SORT_TITLE;
}

static void add_order(struct sql *q, const struct search *s)
{
	char r[64];
	rowid_of(s, r, sizeof r);
	/* Rowids are assigned newest first at import: the cheapest order. */
	switch (s->sort) {
	case SORT_RELEVANCE:
		/* Without words to rank by, relevance means newest. */
		if (s->fts)
			sql_add(q, " ORDER BY " BM25 ", %s", catalog[s->db].fts, r);
		else
			sql_add(q, " ORDER BY %s", r);
		break;
	case SORT_NEWEST:
		sql_add(q, " ORDER BY %s", r);
		break;
	case SORT_OLDEST:
		/* Undated records have the last rowids; they stay last here too. */
		sql_add(q, " ORDER BY t.year IS NULL, %s DESC", r);
		break;
	case SORT_TITLE:
		sql_add(q, " ORDER BY t.title COLLATE NOCASE, %s", r);
		break;
	}
}

static char *column_dup(sqlite3_stmt *stmt, int i)
{
	const unsigned char *t = sqlite3_column_text(stmt, i);
	return t ? strdup((const char *)t) : NULL;
}

/* Reads one row of the columns statement: id and the list columns. */
static int read_row(sqlite3_stmt *stmt, const struct db_info *d, struct result *r)
{
	int c = 0;
	if (!(r->id = column_dup(stmt, c++)))
		return -1;
	for (size_t i = 0; i < d->n_columns; i++, c++)
		if (sqlite3_column_type(stmt, c) != SQLITE_NULL
		    && !(r->cols[i] = column_dup(stmt, c)))
			return -1;
	return 0;
}

/* Step one: the page's rowids, in order. Only rowids go through the sort,
 * so ranking a large match set never carries its rows along. */
static int page_rowids(struct store *st, const struct search *s, long offset,
		       int limit, struct result_page *out)
{
	struct sql q = {0};
	char r[64];
	sql_add(&q, "SELECT %s", rowid_of(s, r, sizeof r));
	add_from_where(&q, s, order_needs_table(s), s->fts && s->sort == SORT_RELEVANCE,
		       NULL);
	add_order(&q, s);
	sql_add(&q, " LIMIT ? OFFSET ?");
	bind_int(&q, limit);
	bind_int(&q, offset);
	sqlite3_stmt *stmt = sql_prepare(st, &q);
	if (!stmt)
		return -1;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && out->n < (size_t)limit)
		out->v[out->n++].rowid = sqlite3_column_int64(stmt, 0);
	int result = rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : store_fail(st, "reading results");
	sqlite3_finalize(stmt);
	return result;
}

/* Step two: each row's columns, by rowid. The snippets under the rows
 * are made from the records' own fields (snippet.c): FTS5's snippet()
 * ran fields together, and rebuilt a prefix's term list for every row. */
static int page_columns(struct store *st, const struct search *s, struct result_page *out)
{
	const struct db_info *d = &catalog[s->db];
	struct sql q = {0};
	sql_add(&q, "SELECT t.id");
	for (size_t i = 0; i < d->n_columns; i++)
		add_column(&q, d, d->columns[i].source);
	sql_add(&q, " FROM %s t WHERE t.rowid = ?", d->table);
	sqlite3_stmt *stmt = sql_prepare(st, &q);
	if (!stmt)
		return -1;
	int rc = SQLITE_DONE;
	for (size_t i = 0; i < out->n && rc == SQLITE_DONE; i++) {
		sqlite3_bind_int64(stmt, q.nb + 1, out->v[i].rowid);
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW)
			rc = read_row(stmt, d, &out->v[i]) == 0 ? SQLITE_DONE
										 : SQLITE_NOMEM;
		sqlite3_reset(stmt);
	}
	int result = rc == SQLITE_DONE ? 0 : store_fail(st, "reading results");
	sqlite3_finalize(stmt);
	return result;
}

int store_search_page(struct store *st, const struct search *s, long offset,
		      int limit, struct result_page *out)
{
	*out = (struct result_page){0};
	if (limit <= 0)
		return 0;
	if (!(out->v = calloc((size_t)limit, sizeof *out->v))) {
		snprintf(st->error, sizeof st->error, "Out of memory.");
		return -1;
	}
	if (page_rowids(st, s, offset, limit, out) != 0
	    || page_columns(st, s, out) != 0) {
		result_page_free(out);
		return -1;
	}
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
	bool open = search_is_open(s, field);
	/* Nothing narrows the records: the counts made at import answer. */
	sql_add(&q, open ? "SELECT value, n FROM facet_count WHERE db = ? AND field = ?"
			 : "SELECT value, count(*) FROM facet WHERE db = ? AND field = ?");
	bind_text(&q, d->table);
	bind_text(&q, field);
	if (!open) {
		char r[64];
		sql_add(&q, " AND rec IN (SELECT %s", rowid_of(s, r, sizeof r));
		add_from_where(&q, s, false, false, field);
		sql_add(&q, ") GROUP BY value");
	}
	sql_add(&q, strcmp(field, "year") == 0 ? " ORDER BY value DESC"
		    : " ORDER BY value COLLATE NOCASE");
	sqlite3_stmt *stmt = sql_prepare(st, &q);
	if (!stmt)
		return -1;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (grow(&out->v, &cap, out->n, sizeof *out->v, 32) != 0) {
			rc = SQLITE_NOMEM;
			break;
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
