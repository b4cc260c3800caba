/* Searches: result counts, result pages and facet counts. Each statement
 * is assembled from constant pieces (the catalog's table and column names)
 * with every user value bound as a parameter, never pasted into SQL.
 * A search's near misses (struct search_relax) cost a query only when the
 * words as typed find nothing, except the id, an index lookup. */
#include "store/store.h"
#include "store/store_impl.h"
#include "store/store_ranked.h"
#include "store/store_toprank.h"
#include "store/fts_words.h"
#include "store/store_dense.h"
#include "common/bm25.h"
#include "store/store_facet.h"
#include "store/rank_top.h"
#include "common/catalog.h"
#include "common/grow.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const sort_names[SORT_COUNT] = {"relevance", "newest", "oldest", "title"};

/* Title above body: a word in the title weighs ten times one in the text;
 * a record's names (its id, the laws a case applied) find it but weigh
 * nothing in its rank. */
#define BM25 RANK_BM25

struct bind {
	const char *text;   /* NULL: an integer, or the pointer */
	long n;
	void *ptr;          /* a pointer of type ptype: a facet bitmap */
	const char *ptype;  /* (store_facet.h), a bm25_top (common/bm25.h) */
};

/* Room for the largest search: every filter with its most values. */
#define SQL_MAX_BINDS (STORE_MAX_FILTERS * (STORE_MAX_VALUES + 2) + 16)

struct sql {
	char s[4096 + 4 * SQL_MAX_BINDS];
	size_t len;
	struct bind b[SQL_MAX_BINDS];
	int nb;
	bool overflow;
	bool pasted;        /* a list of rowids is in the text */
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
		q->b[q->nb++] = (struct bind){text, 0, NULL, NULL};
	else
		q->overflow = true;
}

static void bind_int(struct sql *q, long n)
{
	if (q->nb < (int)(sizeof q->b / sizeof q->b[0]))
		q->b[q->nb++] = (struct bind){NULL, n, NULL, NULL};
	else
		q->overflow = true;
}

static void bind_ptr(struct sql *q, void *ptr, const char *ptype)
{
	if (q->nb < (int)(sizeof q->b / sizeof q->b[0]))
		q->b[q->nb++] = (struct bind){NULL, 0, ptr, ptype};
	else
		q->overflow = true;
}

static void bind_bits(struct sql *q, const struct facet_bits *bits)
{
	bind_ptr(q, (void *)bits, "htkp_bits");
}

/* The rowid a search's predicates test: with words, the FTS table's own,
 * so that FTS5 drives and no record row is read just to be counted. */
static const char *rowid_of(const struct search *s, char *buf, size_t len)
{
	snprintf(buf, len, "%s.rowid", s->fts ? catalog[s->db].fts : "t");
	return buf;
}

/* One filter's test of rowid r: the record has one of the values, or a
 * year in the range (year facets hold four digits, so text order is year
 * order and the facet's index answers the range). r NULL: only the test
 * of the facet rows, for a WHERE of the facet table. */
static void add_filter(struct sql *q, const struct db_info *d,
		       const struct search_filter *f, const char *r)
{
	if (r)
		sql_add(q, " AND %s IN (SELECT rec FROM facet WHERE", r);
	sql_add(q, " db = ? AND field = ? AND value");
	bind_text(q, d->table);
	bind_text(q, f->field);
	if (!f->values) {
		/* A parameter has no affinity: compared with the TEXT column,
		 * it is compared as text, "2005" with "2005". */
		sql_add(q, " BETWEEN ? AND ?%s", r ? ")" : "");
		bind_int(q, f->from ? f->from : 0);
		bind_int(q, f->to ? f->to : 9999);
		return;
	}
	sql_add(q, " IN (?");
	bind_text(q, f->values[0]);
	for (size_t i = 1; i < f->n_values; i++) {
		sql_add(q, ", ?");
		bind_text(q, f->values[i]);
	}
	sql_add(q, r ? "))" : ")");
}

/* Filters that leave at most this many records are looked up record by
 * record (FTS5 seeks each one, SQLite reads each row); larger ones are
 * tested as the words' matches or the order's index are read: seeking
 * Nigeria's 4,000 cases costs 30 ms, reading the 100,000 matches of a
 * word in every record 7 ms, and a list sorted oldest first walks its
 * index and stops after its page instead of sorting the filter's
 * records. */
#define SEEK_MAX 300

/* At most how many records the narrowest filter of s leaves (the counts
 * of facet_count; an id: a few), skip left out; -1 when none narrows. */
static long narrowest(struct store *st, const struct search *s, const char *skip)
{
	const struct db_info *d = &catalog[s->db];
	long least = s->id ? 3 : -1;
	for (size_t i = 0; i < s->n_filters; i++) {
		const struct search_filter *f = &s->filters[i];
		if (skip && strcmp(skip, f->field) == 0)
			continue;
		char sql[160 + 4 * STORE_MAX_VALUES];
		int len = snprintf(sql, sizeof sql, "SELECT coalesce(sum(n), 0) FROM facet_count"
				   " WHERE db = ? AND field = ? AND value %s",
				   f->values ? "IN (?" : "BETWEEN ? AND ?");
		for (size_t v = 1; f->values && v < f->n_values; v++)
			len += snprintf(sql + len, sizeof sql - (size_t)len, ", ?");
		if (f->values)
			snprintf(sql + len, sizeof sql - (size_t)len, ")");
		sqlite3_stmt *stmt = store_cached(st, sql);
		if (!stmt)
			return -1;
		sqlite3_bind_text(stmt, 1, d->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, f->field, -1, SQLITE_STATIC);
		if (f->values) {
			for (size_t v = 0; v < f->n_values; v++)
				sqlite3_bind_text(stmt, 3 + (int)v, f->values[v], -1, SQLITE_STATIC);
		} else {
			sqlite3_bind_int(stmt, 3, f->from ? f->from : 0);
			sqlite3_bind_int(stmt, 4, f->to ? f->to : 9999);
		}
		if (sqlite3_step(stmt) == SQLITE_ROW) {
			long n = sqlite3_column_int64(stmt, 0);
			least = least < 0 || n < least ? n : least;
		}
		store_done(st, stmt);
	}
	return least;
}

/* Whether the filters of s are tested as rows are read (behind a unary
 * +) rather than looked up: they leave many records. */
static bool filters_tested(struct store *st, const struct search *s, const char *skip)
{
	return narrowest(st, s, skip) > SEEK_MAX;
}

/* FROM and WHERE of a search. join: the record table is needed too (to
 * sort by its columns). skip names a filter field to leave out (the facet
 * counts of that field), or NULL.
 *
 * A filter's "rowid IN (...)" lets FTS5 (or SQLite) look up just the
 * filter's records, which pays for a small filter; but FTS5 answers each
 * looked-up rowid with a cursor of its own, and bm25 recomputes the
 * words' statistics for every one (13 s for 4,000 records of a word in
 * every record). tested: the filters are tested on each row read instead
 * (when ranking with bm25, and when the filters leave many records:
 * filters_tested), against a bitmap of the records they leave
 * (facet_filtered): probing the subquery's rows cost 0.16 us a row, six
 * times what reading the row does. Returns -1 on error (recorded). */
static int add_from_where(struct store *st, struct sql *q, const struct search *s,
			  bool join, bool tested, const char *skip)
{
	const struct db_info *d = &catalog[s->db];
	char r[64], fr[66];
	rowid_of(s, r, sizeof r);
	snprintf(fr, sizeof fr, "%s%s", tested ? "+" : "", r);
	const struct facet_bits *bits = NULL;
	if (tested && facet_filtered(st, s, skip, &bits) != 0)
		return -1;
	if (s->fts && join)
		sql_add(q, " FROM %s JOIN %s t ON t.rowid = %s WHERE %s MATCH ?",
			d->fts, d->table, r, d->fts), bind_text(q, s->fts);
	else if (s->fts)
		sql_add(q, " FROM %s WHERE %s MATCH ?", d->fts, d->fts), bind_text(q, s->fts);
	else
		sql_add(q, " FROM %s t WHERE 1", d->table);
	if (s->id) {
		sql_add(q, " AND %s IN (SELECT rowid FROM %s WHERE id IN (?, upper(?), lower(?)))",
			fr, d->table);
		for (int i = 0; i < 3; i++)
			bind_text(q, s->id);
	}
	if (bits) {
		sql_add(q, " AND htkp_in(?, %s)", r);
		bind_bits(q, bits);
	} else {
		for (size_t i = 0; i < s->n_filters; i++)
			if (!skip || strcmp(skip, s->filters[i].field) != 0)
				add_filter(q, d, &s->filters[i], fr);
	}
	if (s->added_since) {
		sql_add(q, " AND %s IN (SELECT rowid FROM %s WHERE added >= ?)", fr, d->table);
		bind_text(q, s->added_since);
	}
	return 0;
}

static sqlite3_stmt *sql_prepare(struct store *st, struct sql *q)
{
	if (q->overflow) {
		snprintf(st->error, sizeof st->error, "Search too complex: remove a filter.");
		return NULL;
	}
	/* Rowids pasted in make a statement of their own: not kept. */
	sqlite3_stmt *stmt = q->pasted ? store_prepare(st, q->s) : store_cached(st, q->s);
	for (int i = 0; stmt && i < q->nb; i++) {
		int rc = q->b[i].text
			? sqlite3_bind_text(stmt, i + 1, q->b[i].text, -1, SQLITE_STATIC)
			: q->b[i].ptr
			? sqlite3_bind_pointer(stmt, i + 1, q->b[i].ptr, q->b[i].ptype, NULL)
			: sqlite3_bind_int64(stmt, i + 1, q->b[i].n);
		if (rc != SQLITE_OK) {
			store_fail(st, "preparing a search");
			store_done(st, stmt);
			return NULL;
		}
	}
	return stmt;
}

bool search_words_alone(const struct search *s)
{
	return s->fts && !s->id && !s->added_since && s->n_filters == 0;
}

long search_counted(struct store *st, int db, const char *fts)
{
	return st->counted_fts && st->counted_db == db && strcmp(st->counted_fts, fts) == 0
	       ? st->counted : -1;
}

void search_count_known(struct store *st, int db, const char *fts, long n)
{
	char *kept = n >= 0 ? strdup(fts) : NULL;
	if (kept) {
		free(st->counted_fts);
		st->counted_fts = kept;
		st->counted_db = db;
		st->counted = n;
	}
}

/* Kept for ranking (a phrase's count is its IDF's: store_toprank.c) and
 * for counting the same words again. */
static void remember_count(struct store *st, const struct search *s, long n)
{
	if (search_words_alone(s))
		search_count_known(st, s->db, s->fts, n);
}

/* The records s finds, counted while every one is ranked (htkp_collect
 * keeps the best keep): one pass over the matches where counting, then
 * ranking, took two. *top is filled unless it declined. -1 on error. */
static long count_collect(struct store *st, const struct search *s, const char *rank_args,
			  struct bm25_top *top)
{
	const char *fts = catalog[s->db].fts;
	struct sql q = {0};
	/* Last in the WHERE, which SQLite tests in order: only the records
	 * every other term lets through are ranked. (Inside count(), an
	 * FTS5 function cannot be called.) */
	sql_add(&q, "SELECT count(*)");
	if (add_from_where(st, &q, s, false, true, NULL) != 0)
		return -1;
	sql_add(&q, " AND htkp_collect(%s, ?%s)", fts, rank_args);
	bind_ptr(&q, top, BM25_TOP_TYPE);
	sqlite3_stmt *stmt = sql_prepare(st, &q);
	if (!stmt)
		return -1;
	long n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0)
						  : store_fail(st, "counting results");
	store_done(st, stmt);
	return n;
}

/* s ranked from its words' counts (dense_rowids, store_dense.h): 1 with
 * its best keep rows kept as s's ranked list under key and all its
 * records counted in *count, -1 on error, and key is used or freed; 0
 * when it cannot be ranked so, key left to the caller. */
static int ranked_dense(struct store *st, const struct search *s, char *key, long keep,
			long *count)
{
	long *rowid = NULL;
	size_t n = 0;
	int dense = dense_rowids(st, s, keep, &rowid, &n, count);
	if (dense == 1) {
		ranked_keep(st, key, rowid, n, *count <= keep);
		if (st->ranked)
			st->ranked->count = *count;
	} else if (dense < 0) {
		free(key);
	}
	return dense;
}

/* A search by relevance is about to be listed: its count, and its first
 * rowids kept (ranked_keep), in one pass when every match must be ranked
 * anyway (the frequent words' best records cannot prove its first
 * pages). Returns the count, -1 on error, -2 when it is to be counted
 * on its own (already ranked, or ranked from the best records). */
static long count_ranked(struct store *st, const struct search *s)
{
	char *key = ranked_key(s);
	const struct ranked *r = ranked_find(st, key);
	if (!key || r) {
		free(key);
		return r && r->count >= 0 ? r->count : -2;
	}
	long keep = RANKED_FIRST, *rowid = NULL, n = -2;
	size_t got = 0;
	char *args = NULL, *words = NULL;
	long found = 0;
	int dense = ranked_dense(st, s, key, keep, &found);
	if (dense != 0) {
		if (dense == 1)
			remember_count(st, s, found);
		return dense == 1 ? found : -1;
	}
	if (toprank_rowids(st, s, RANKED_PAGE, keep, &rowid, &got, &args, &words, true) == 1) {
		ranked_keep(st, key, rowid, got, false);
		return -2;
	}
	size_t room = (size_t)keep + BM25_SLACK;
	struct bm25_top top = {.v = args ? malloc(room * sizeof *top.v) : NULL, .keep = room};
	struct search ranked = *s;
	ranked.fts = words ? words : s->fts;
	if (top.v)
		n = count_collect(st, &ranked, args, &top);
	if (n >= 0 && !top.declined && bm25_top_finish(&top, n, (size_t)keep) == 0
	    && (rowid = malloc((size_t)keep * sizeof *rowid))) {
		for (size_t i = 0; i < top.n; i++)
			rowid[i] = top.v[i].rowid;
		ranked_keep(st, key, rowid, top.n, n <= keep);
		if (st->ranked)
			st->ranked->count = n;
		key = NULL;
	}
	free(key), free(args), free(words), free(top.v);
	remember_count(st, s, n);
	return n;
}

static long count_plain(struct store *st, const struct search *s)
{
	struct sql q = {0};
	if (search_words_alone(s)) {
		long known = search_counted(st, s->db, s->fts);
		if (known < 0) {
			if ((known = toprank_count(st, s)) == -2)
				return -1;
			remember_count(st, s, known);
		}
		if (known >= 0)
			return known;
	}
	/* Words in many records (forced labour; trafficking in one
	 * country): their records marked from their counts, not read
	 * through FTS5. */
	struct facet_bits marked = {0};
	int dense = dense_mark(st, s, NULL, &marked);
	long counted = dense > 0 ? facet_bits_count(&marked) : -1;
	free(marked.w);
	if (dense != 0) {
		remember_count(st, s, counted);
		return counted;
	}
	/* Filters alone are counted in their bitmap, without reading a
	 * record (Nigeria's 4,000 cases read one by one cost 3 ms). */
	if (!s->fts && !s->id && !s->added_since && s->n_filters > 0) {
		const struct facet_bits *bits = NULL;
		return facet_filtered(st, s, NULL, &bits) != 0 ? -1 : facet_bits_count(bits);
	}
	struct search m = *s;
	m.fts = fts_matching(st, s->db, s->fts);
	sql_add(&q, "SELECT count(*)");
	if (add_from_where(st, &q, &m, false, filters_tested(st, s, NULL), NULL) != 0)
		return -1;
	sqlite3_stmt *stmt = sql_prepare(st, &q);
	if (!stmt)
		return -1;
	long n = -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	else
		store_fail(st, "counting results");
	store_done(st, stmt);
	remember_count(st, s, n);
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

/* rank_args: the phrases' counts for htkp_rank (store_toprank.h), or
 * NULL: bm25 counts them itself. htkp_rank gives bm25's very scores, and
 * declines (NULL) where its counts are not this index's: bm25 then. */
static void add_order(struct sql *q, const struct search *s, const char *rank_args)
{
	char r[64];
	rowid_of(s, r, sizeof r);
	/* Rowids are assigned newest first at import: the cheapest order. */
	switch (s->sort) {
	case SORT_RELEVANCE:
		/* Without words to rank by, relevance means newest. */
		if (s->fts && rank_args)
			sql_add(q, " ORDER BY coalesce(htkp_rank(%s%s), " BM25 "), %s",
				catalog[s->db].fts, rank_args, catalog[s->db].fts, r);
		else if (s->fts)
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

/* Runs the rowid query of s from offset: up to limit rowids, in order,
 * into rowid; their number in *n. rank_args: see add_order. */
static int query_rowids(struct store *st, const struct search *s, long offset,
			long limit, long *rowid, size_t *n, const char *rank_args)
{
	struct sql q = {0};
	char r[64];
	/* bm25 would score a prefix's words apart: only an order by the
	 * records' own columns reads them as the prefix. */
	struct search m = *s;
	if (s->sort != SORT_RELEVANCE)
		m.fts = fts_matching(st, s->db, s->fts);
	sql_add(&q, "SELECT %s", rowid_of(s, r, sizeof r));
	if (add_from_where(st, &q, &m, order_needs_table(s),
			   (s->fts && s->sort == SORT_RELEVANCE) || filters_tested(st, s, NULL),
			   NULL) != 0)
		return -1;
	add_order(&q, s, rank_args);
	sql_add(&q, " LIMIT ? OFFSET ?");
	bind_int(&q, limit);
	bind_int(&q, offset);
	sqlite3_stmt *stmt = sql_prepare(st, &q);
	if (!stmt)
		return -1;
	int rc;
	*n = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && *n < (size_t)limit)
		rowid[(*n)++] = sqlite3_column_int64(stmt, 0);
	int result = rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : store_fail(st, "reading results");
	store_done(st, stmt);
	return result;
}

sqlite3_stmt *search_scored_stmt(struct store *st, const struct search *s,
				 const char *rank_args, const char *rowids)
{
	const char *fts = catalog[s->db].fts;
	struct sql q = {0};
	sql_add(&q, "SELECT %s.rowid, htkp_rank(%s%s)", fts, fts, rank_args);
	/* The filters behind a unary +: FTS5 then looks up only the
	 * candidates, a list in the SQL text (from a parameter, the planner
	 * would not hand it to FTS5 and every match would be read). */
	if (add_from_where(st, &q, s, false, true, NULL) != 0)
		return NULL;
	if (!rowids) {
		sql_add(&q, " AND +%s.rowid IN (SELECT value FROM json_each(?))", fts);
		return sql_prepare(st, &q);
	}
	sql_add(&q, " AND %s.rowid IN (", fts);
	q.pasted = true;
	size_t len = strlen(rowids);
	if (len < sizeof q.s - q.len - 2) {
		memcpy(q.s + q.len, rowids, len + 1);
		q.len += len;
	} else {
		q.overflow = true;
	}
	sql_add(&q, ")");
	return sql_prepare(st, &q);
}

sqlite3_stmt *search_filter_stmt(struct store *st, const struct search *s, size_t i,
				 struct facet_bits *bits)
{
	struct sql q = {0};
	sql_add(&q, "SELECT count(htkp_or(?, recs)) FROM facet_recs WHERE");
	bind_bits(&q, bits);
	add_filter(&q, &catalog[s->db], &s->filters[i], NULL);
	return sql_prepare(st, &q);
}

sqlite3_stmt *search_marking_stmt(struct store *st, const struct search *s,
				  const char *field, struct facet_bits *bits)
{
	struct sql q = {0};
	char r[64];
	struct search m = *s;
	m.fts = fts_matching(st, s->db, s->fts);
	sql_add(&q, "SELECT sum(htkp_mark(?, %s))", rowid_of(s, r, sizeof r));
	bind_bits(&q, bits);
	if (add_from_where(st, &q, &m, false, filters_tested(st, s, field), field) != 0)
		return NULL;
	return sql_prepare(st, &q);
}

/* Whether s's order sorts every match, so that a page costs the whole
 * match set: ranking, or the record's columns with words or a filter
 * (SQLite reads the filter's records and sorts them rather than walk the
 * order's index). Those are kept in st->ranked. The others walk an index
 * (rowid order, with or without words; the order indexes with nothing to
 * narrow the records) and stop after the page. */
static bool order_sorts_matches(const struct search *s)
{
	if (s->fts)
		return s->sort != SORT_NEWEST;
	bool narrowed = s->n_filters > 0 || s->id || s->added_since;
	return narrowed && (s->sort == SORT_OLDEST || s->sort == SORT_TITLE);
}

/* How many rowids of a search to keep so that need of them are there:
 * ten pages at first (ranking 200 costs what ranking 20 does), five
 * times more each time paging goes past them, up to RANKED_ROWS (ranking
 * 5000 of 10,000 matches costs half as much again as ranking 20). */
static long rows_to_keep(long need)
{
	long n = RANKED_FIRST;
	while (n < need && n < RANKED_ROWS)
		n *= 5;
	return n < RANKED_ROWS ? n : RANKED_ROWS;
}

/* At least the first need (at most RANKED_ROWS) rowids of s, from the
 * kept list or, when it is another search's or too short, by running s
 * once and keeping them. NULL (nothing kept) when out of memory; *failed
 * on a database error. */
static const struct ranked *ranked_rowids(struct store *st, const struct search *s,
					  long need, bool *failed)
{
	char *key = ranked_key(s);
	const struct ranked *r = ranked_find(st, key);
	if (!key || (r && (r->whole || (long)r->n >= need))) {
		free(key);
		return r;
	}
	long keep = rows_to_keep(need);
	long *rowid = NULL;
	size_t n = 0;
	/* Ranked from the frequent words' best records when that proves
	 * enough of them; else every match ranked. */
	char *args = NULL, *words = NULL;
	long count = 0;
	int dense = ranked_dense(st, s, key, keep, &count);
	if (dense != 0) {
		*failed = dense < 0;
		return dense == 1 ? st->ranked : NULL;
	}
	int top = toprank_rowids(st, s, need, keep, &rowid, &n, &args, &words, false);
	if (top == 1) {
		ranked_keep(st, key, rowid, n, false);
		return st->ranked;
	}
	struct search ranked = *s;
	ranked.fts = words ? words : s->fts;
	rowid = malloc((size_t)keep * sizeof *rowid);
	if (!rowid || query_rowids(st, &ranked, 0, keep, rowid, &n, args) != 0) {
		*failed = rowid != NULL;
		free(rowid), free(key), free(args), free(words);
		return NULL;
	}
	free(args), free(words);
	long *fit = n > 0 ? realloc(rowid, n * sizeof *rowid) : NULL;
	if (fit)
		rowid = fit;
	ranked_keep(st, key, rowid, n, (long)n < keep);
	return st->ranked;   /* NULL when it could not be kept */
}

int store_search_prepare(struct store *st, const struct search *s, long rows)
{
	bool failed = false;
	rows = rows < RANKED_ROWS ? rows : RANKED_ROWS;
	if (rows > 0 && order_sorts_matches(s))
		ranked_rowids(st, s, rows, &failed);
	return failed ? -1 : 0;
}

/* Step one: the page's rowids, in order. Only rowids go through the sort,
 * so ranking a large match set never carries its rows along; a sorted
 * search's first rowids are kept (ranked_rowids), so that paging within
 * them never sorts again. */
static int page_rowids(struct store *st, const struct search *s, long offset,
		       int limit, struct result_page *out)
{
	long *rowid = malloc((size_t)limit * sizeof *rowid);
	if (!rowid) {
		snprintf(st->error, sizeof st->error, "Out of memory.");
		return -1;
	}
	bool failed = false;
	const struct ranked *r = order_sorts_matches(s) && offset + limit <= RANKED_ROWS
		? ranked_rowids(st, s, offset + limit, &failed) : NULL;
	size_t n = 0;
	int result = 0;
	if (r)
		for (long i = offset; i < (long)r->n && n < (size_t)limit; i++)
			rowid[n++] = r->rowid[i];
	else if (failed)
		result = -1;
	else
		result = query_rowids(st, s, offset, limit, rowid, &n, NULL);
	for (size_t i = 0; i < n; i++)
		out->v[out->n++].rowid = rowid[i];
	free(rowid);
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
	store_done(st, stmt);
	return result;
}

static int page_plain(struct store *st, const struct search *s, long offset,
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
	if (s->id)
		return false;
	if (s->fts || s->added_since)
		return false;
	for (size_t i = 0; i < s->n_filters; i++)
		if (strcmp(s->filters[i].field, field) != 0)
			return false;
	return true;
}

static int facet_plain(struct store *st, const struct search *s, const char *field,
		       struct facet_list *out)
{
	const struct db_info *d = &catalog[s->db];
	struct sql q = {0};
	*out = (struct facet_list){0};
	bool open = search_is_open(s, field);
	const struct filter_info *fi = catalog_filter(s->db, field);
	/* Nothing narrows the records: the counts made at import answer.
	 * Else each value's records counted in a bitmap of the search's. */
	const struct facet_bits *bits = open ? NULL : facet_marked(st, s, field);
	if (!open && !bits)
		return -1;
	if (open) {
		sql_add(&q, "SELECT value, n");
	} else {
		sql_add(&q, "SELECT value, htkp_count(?, recs) AS n");
		bind_bits(&q, bits);
	}
	if (fi && fi->id_of)
		sql_add(&q, ", (SELECT title FROM %s WHERE id = value)", fi->id_of);
	sql_add(&q, open ? " FROM facet_count WHERE db = ? AND field = ?"
			 : " FROM facet_recs WHERE db = ? AND field = ? AND n > 0");
	bind_text(&q, d->table);
	bind_text(&q, field);
	sql_add(&q, fi && fi->kind == FILTER_YEAR ? " ORDER BY value DESC"
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
		fv->title = NULL;
		out->n++;
		if (fi && fi->id_of && sqlite3_column_type(stmt, 2) != SQLITE_NULL
		    && !(fv->title = column_dup(stmt, 2))) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	store_done(st, stmt);
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
		free(f->v[i].value), free(f->v[i].title);
	free(f->v);
	*f = (struct facet_list){0};
}

/* ---- near misses: what answers a search with struct search_relax ---- */

/* s read by fts (or, when NULL, by id), with nothing left to relax. */
static struct search reading(const struct search *s, const char *fts, const char *id)
{
	struct search r = *s;
	r.fts = fts;
	r.id = id;
	r.relax = NULL;
	return r;
}

/* Starts answering s: by the record id its words may be, when there is
 * such a record (1, its count in *n), else by the words as typed (0).
 * -1 on error. */
static int answer_id(struct store *st, const struct search *s, struct search *r, long *n)
{
	*r = reading(s, s->fts, s->id);
	if (!s->relax)
		return 0;
	s->relax->used = SEARCH_AS_TYPED;
	if (!s->relax->id)
		return 0;
	struct search by_id = reading(s, NULL, s->relax->id);
	if ((*n = count_plain(st, &by_id)) <= 0)
		return *n < 0 ? -1 : 0;
	*r = by_id;
	s->relax->used = SEARCH_BY_ID;
	return 1;
}

/* The words as typed found nothing: r becomes the reading of the first
 * tier that finds something, the one finding most there. Returns its
 * count (0: none, r unchanged), or -1. */
static long answer_alt(struct store *st, const struct search *s, struct search *r)
{
	struct search_relax *x = s->relax;
	long best = 0;
	for (size_t i = 0; i < x->n_alt; i++) {
		if (best > 0 && x->alt[i].tier != x->alt[x->used].tier)
			break;
		struct search a = reading(s, x->alt[i].fts, s->id);
		long n = count_plain(st, &a);
		if (n < 0)
			return -1;
		if (n > best) {
			best = n;
			x->used = (int)i;
			*r = a;
		}
	}
	return best;
}

static bool relaxable(const struct search *s)
{
	return s->relax && s->relax->used == SEARCH_AS_TYPED && s->relax->n_alt > 0;
}

/* A page or facet call by r (the words as typed) came back empty: makes r
 * the reading that answers s instead. Returns 1 when r changed (ask again),
 * 0 when r stands, -1 on error. maybe_more: the words may find records
 * all the same (past the last page, or a facet left out). */
static int answer_empty(struct store *st, const struct search *s, struct search *r,
			bool maybe_more)
{
	if (!relaxable(s))
		return 0;
	long n = maybe_more ? count_plain(st, r) : 0;
	if (n == 0)
		n = answer_alt(st, s, r);
	if (n < 0)
		return -1;
	return n > 0 && s->relax->used != SEARCH_AS_TYPED;
}

long store_search_count(struct store *st, const struct search *s)
{
	struct search r;
	long n;
	int by_id = answer_id(st, s, &r, &n);
	if (by_id != 0)
		return by_id < 0 ? -1 : n;
	n = r.fts && r.sort == SORT_RELEVANCE ? count_ranked(st, &r) : -2;
	if (n == -2)
		n = count_plain(st, &r);
	return n == 0 && relaxable(s) ? answer_alt(st, s, &r) : n;
}

int store_search_page(struct store *st, const struct search *s, long offset,
		      int limit, struct result_page *out)
{
	struct search r;
	long n;
	*out = (struct result_page){0};
	if (answer_id(st, s, &r, &n) < 0 || page_plain(st, &r, offset, limit, out) != 0)
		return -1;
	if (out->n > 0 || limit <= 0)
		return 0;
	int again = answer_empty(st, s, &r, offset > 0);
	if (again == 0)
		return 0;
	result_page_free(out);
	if (again < 0)
		return -1;
	return page_plain(st, &r, offset, limit, out);
}

int store_facet(struct store *st, const struct search *s, const char *field,
		struct facet_list *out)
{
	struct search r;
	long n;
	*out = (struct facet_list){0};
	if (answer_id(st, s, &r, &n) < 0 || facet_plain(st, &r, field, out) != 0)
		return -1;
	if (out->n > 0)
		return 0;
	int again = answer_empty(st, s, &r, true);
	if (again == 0)
		return 0;
	facet_list_free(out);
	if (again < 0)
		return -1;
	return facet_plain(st, &r, field, out);
}
