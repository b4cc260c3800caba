/* Facet counts from a bitmap of the search's records (store_facet.h).
 * Joining a field's facet rows with the matches of a word in every
 * record cost 60-70 ms at 100,000 cases (an index of the 100,000 matches
 * built, then 100,000 facet rows probed); marking the matches costs what
 * reading them does, and counting a value's records a few nanoseconds
 * each. */
#include "store/store_facet.h"
#include "store/store_dense.h"
#include "store/store_ranked.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BITS_TYPE "htkp_bits"
/* More records than a database of the portal will hold (a bitmap of 12
 * MB): a larger number in facet_recs is damage. */
#define FACET_MAX_ROWID 100000000UL

/* Room for rowid r in b (the words past the old end cleared); -1 when
 * memory ran out. */
static int bits_room(struct facet_bits *b, sqlite3_int64 r)
{
	size_t w = (size_t)r / 64;
	if (w < b->n_words)
		return 0;
	size_t n = (w + 1) * 2;
	uint64_t *more = realloc(b->w, n * sizeof *more);
	if (!more)
		return -1;
	memset(more + b->n_words, 0, (n - b->n_words) * sizeof *more);
	b->w = more, b->n_words = n;
	return 0;
}

static void mark_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct facet_bits *b = sqlite3_value_pointer(argv[0], BITS_TYPE);
	sqlite3_int64 r = sqlite3_value_int64(argv[1]);
	(void)argc;
	if (!b || r < 0) {
		sqlite3_result_error(ctx, "htkp_mark: no bitmap", -1);
		return;
	}
	if (bits_room(b, r) != 0) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	b->w[r / 64] |= (uint64_t)1 << (r % 64);
	sqlite3_result_int(ctx, 1);
}

static void in_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct facet_bits *b = sqlite3_value_pointer(argv[0], BITS_TYPE);
	sqlite3_int64 r = sqlite3_value_int64(argv[1]);
	(void)argc;
	if (!b) {
		sqlite3_result_error(ctx, "htkp_in: no bitmap", -1);
		return;
	}
	sqlite3_result_int(ctx, facet_has(b, (long)r));
}

/* A facet_recs blob's rowids, one by one (db/schema.sql: differences in
 * 7-bit groups, low first, the high bit on all but a number's last). */
struct recs {
	const unsigned char *p, *end;
	unsigned long rec;
};

static bool recs_next(struct recs *it)
{
	unsigned long d = 0;
	int shift = 0;
	while (it->p < it->end && shift < 64) {
		unsigned char c = *it->p++;
		d |= (unsigned long)(c & 0x7f) << shift;
		shift += 7;
		if (!(c & 0x80)) {
			it->rec += d;
			return true;
		}
	}
	return false;
}

static struct recs recs_of(sqlite3_value *v)
{
	const unsigned char *p = sqlite3_value_blob(v);
	int len = sqlite3_value_bytes(v);
	return (struct recs){p, p ? p + len : NULL, 0};
}

/* The records of a facet_recs blob marked in the bitmap. */
static void count_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct facet_bits *b = sqlite3_value_pointer(argv[0], BITS_TYPE);
	(void)argc;
	if (!b) {
		sqlite3_result_error(ctx, "htkp_count: no bitmap", -1);
		return;
	}
	long n = 0;
	for (struct recs it = recs_of(argv[1]); recs_next(&it);)
		n += facet_has(b, (long)it.rec);
	sqlite3_result_int64(ctx, n);
}

/* Marks the records of a facet_recs blob. */
static void or_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct facet_bits *b = sqlite3_value_pointer(argv[0], BITS_TYPE);
	(void)argc;
	if (!b) {
		sqlite3_result_error(ctx, "htkp_or: no bitmap", -1);
		return;
	}
	for (struct recs it = recs_of(argv[1]); recs_next(&it);) {
		/* A damaged list must not make the bitmap hundreds of MB. */
		if (it.rec > FACET_MAX_ROWID) {
			sqlite3_result_error(ctx, "htkp_or: a record number out of range", -1);
			return;
		}
		if (bits_room(b, (sqlite3_int64)it.rec) != 0) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		b->w[it.rec / 64] |= (uint64_t)1 << (it.rec % 64);
	}
	sqlite3_result_int(ctx, 1);
}

int facet_attach(sqlite3 *db)
{
	int f = SQLITE_UTF8 | SQLITE_DIRECTONLY;
	int rc = sqlite3_create_function_v2(db, "htkp_mark", 2, f, NULL, mark_fn, NULL,
					    NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "htkp_count", 2, f | SQLITE_DETERMINISTIC,
						NULL, count_fn, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "htkp_or", 2, f, NULL, or_fn, NULL, NULL,
						NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "htkp_in", 2, f, NULL, in_fn, NULL, NULL,
						NULL);
	return rc;
}

static void bits_free(struct facet_bits *b)
{
	if (b) {
		free(b->key);
		free(b->w);
		free(b);
	}
}

long facet_bits_count(const struct facet_bits *b)
{
	long n = 0;
	for (size_t w = 0; b && w < b->n_words; w++)
		n += __builtin_popcountll(b->w[w]);
	return n;
}

void facet_bits_drop(struct store *st)
{
	bits_free(st->bits);
	st->bits = NULL;
	bits_free(st->filtered);
	st->filtered = NULL;
}

/* Marks in b the records of filter i of s; -1 on error (recorded). */
static int mark_filter(struct store *st, const struct search *s, size_t i,
		       struct facet_bits *b)
{
	sqlite3_stmt *stmt = search_filter_stmt(st, s, i, b);
	if (!stmt)
		return -1;
	int rc = sqlite3_step(stmt);
	store_done(st, stmt);
	return rc == SQLITE_ROW ? 0 : store_fail(st, "reading a filter's records");
}

/* The filters of s, skip's left out, as a search of their own: its key
 * names them. */
static struct search filters_of(const struct search *s, const char *skip)
{
	struct search k = {.db = s->db};
	for (size_t i = 0; i < s->n_filters; i++)
		if (!skip || strcmp(s->filters[i].field, skip) != 0)
			k.filters[k.n_filters++] = s->filters[i];
	return k;
}

int facet_filtered(struct store *st, const struct search *s, const char *skip,
		   const struct facet_bits **out)
{
	struct search k = filters_of(s, skip);
	*out = NULL;
	if (k.n_filters == 0)
		return 0;
	char *key = ranked_key(&k);
	if (!key) {
		snprintf(st->error, sizeof st->error, "Out of memory.");
		return -1;
	}
	if (st->filtered && strcmp(st->filtered->key, key) == 0) {
		free(key);
		*out = st->filtered;
		return 0;
	}
	bits_free(st->filtered);
	st->filtered = NULL;
	struct facet_bits *all = calloc(1, sizeof *all), one = {0};
	int rc = all ? 0 : -1;
	/* The first filter's records, then each further one's kept only
	 * where the ones before left a record. */
	for (size_t i = 0; rc == 0 && i < k.n_filters; i++) {
		struct facet_bits *into = i == 0 ? all : &one;
		if (one.w)
			memset(one.w, 0, one.n_words * sizeof *one.w);
		if ((rc = mark_filter(st, &k, i, into)) != 0 || i == 0)
			continue;
		for (size_t w = 0; w < all->n_words; w++)
			all->w[w] &= w < one.n_words ? one.w[w] : 0;
	}
	free(one.w);
	if (rc != 0 || !all) {
		if (!all)
			snprintf(st->error, sizeof st->error, "Out of memory.");
		bits_free(all);
		free(key);
		return -1;
	}
	all->key = key;
	st->filtered = all;
	*out = all;
	return 0;
}

const struct facet_bits *facet_marked(struct store *st, const struct search *s,
				      const char *field)
{
	struct search k = filters_of(s, field);
	k.fts = s->fts, k.id = s->id, k.added_since = s->added_since;
	char *key = ranked_key(&k);
	if (!key) {
		snprintf(st->error, sizeof st->error, "Out of memory.");
		return NULL;
	}
	if (st->bits && strcmp(st->bits->key, key) == 0) {
		free(key);
		return st->bits;
	}
	bits_free(st->bits);
	st->bits = NULL;
	/* Filters alone: their bitmap is the search's, no record read. */
	const struct facet_bits *f = NULL;
	if (!s->fts && !s->id && !s->added_since && facet_filtered(st, s, field, &f) != 0) {
		free(key);
		return NULL;
	}
	struct facet_bits *b = calloc(1, sizeof *b);
	if (b && f) {
		b->w = malloc((f->n_words ? f->n_words : 1) * sizeof *b->w);
		if (b->w) {
			memcpy(b->w, f->w, f->n_words * sizeof *b->w);
			b->n_words = f->n_words;
			b->key = key;
			return st->bits = b;
		}
		free(b);
		b = NULL;
	}
	/* A word in many records: marked from its counts, not its
	 * every record read through FTS5. */
	int dense = b ? dense_mark(st, s, field, b) : 0;
	if (dense != 0) {
		if (dense < 0) {
			bits_free(b), free(key);
			return NULL;
		}
		b->key = key;
		return st->bits = b;
	}
	sqlite3_stmt *stmt = b ? search_marking_stmt(st, s, field, b) : NULL;
	if (!stmt) {
		if (!b)
			snprintf(st->error, sizeof st->error, "Out of memory.");
		free(b), free(key);
		return NULL;
	}
	b->key = key;
	int rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW)
		store_fail(st, "counting results");
	store_done(st, stmt);
	if (rc != SQLITE_ROW) {
		bits_free(b);
		return NULL;
	}
	return st->bits = b;
}
