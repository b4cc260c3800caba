/* Facet counts from a bitmap of the search's records (store_facet.h).
 * Joining a field's facet rows with the matches of a word in every
 * record cost 60-70 ms at 100,000 cases (an index of the 100,000 matches
 * built, then 100,000 facet rows probed); marking the matches costs what
 * reading them does, and counting a value's records a few nanoseconds
 * each. */
#include "store/store_facet.h"
#include "store/store_ranked.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BITS_TYPE "htkp_bits"

static void mark_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct facet_bits *b = sqlite3_value_pointer(argv[0], BITS_TYPE);
	sqlite3_int64 r = sqlite3_value_int64(argv[1]);
	(void)argc;
	if (!b || r < 0) {
		sqlite3_result_error(ctx, "htkp_mark: no bitmap", -1);
		return;
	}
	size_t w = (size_t)r / 64;
	if (w >= b->n_words) {
		size_t n = (w + 1) * 2;
		uint64_t *more = realloc(b->w, n * sizeof *more);
		if (!more) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
		memset(more + b->n_words, 0, (n - b->n_words) * sizeof *more);
		b->w = more, b->n_words = n;
	}
	b->w[w] |= (uint64_t)1 << (r % 64);
	sqlite3_result_int(ctx, 1);
}

/* The records of a facet_recs blob marked in the bitmap. */
static void count_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct facet_bits *b = sqlite3_value_pointer(argv[0], BITS_TYPE);
	const unsigned char *p = sqlite3_value_blob(argv[1]);
	int len = sqlite3_value_bytes(argv[1]);
	(void)argc;
	if (!b) {
		sqlite3_result_error(ctx, "htkp_count: no bitmap", -1);
		return;
	}
	unsigned long rec = 0, d = 0;
	int shift = 0;
	long n = 0;
	for (int i = 0; p && i < len; i++) {
		d |= (unsigned long)(p[i] & 0x7f) << shift;
		shift += 7;
		if (p[i] & 0x80)
			continue;
		rec += d;
		d = 0, shift = 0;
		size_t w = rec / 64;
		n += w < b->n_words && (b->w[w] >> (rec % 64) & 1);
	}
	sqlite3_result_int64(ctx, n);
}

int facet_attach(sqlite3 *db)
{
	int f = SQLITE_UTF8 | SQLITE_DIRECTONLY;
	int rc = sqlite3_create_function_v2(db, "htkp_mark", 2, f, NULL, mark_fn, NULL,
					    NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "htkp_count", 2, f | SQLITE_DETERMINISTIC,
						NULL, count_fn, NULL, NULL, NULL);
	return rc;
}

void facet_bits_drop(struct store *st)
{
	if (!st->bits)
		return;
	free(st->bits->key);
	free(st->bits->w);
	free(st->bits);
	st->bits = NULL;
}

const struct facet_bits *facet_marked(struct store *st, const struct search *s,
				      const char *field)
{
	struct search k = *s;
	k.sort = 0;
	k.relax = NULL;
	k.n_filters = 0;
	for (size_t i = 0; i < s->n_filters; i++)
		if (strcmp(s->filters[i].field, field) != 0)
			k.filters[k.n_filters++] = s->filters[i];
	char *key = ranked_key(&k);
	if (!key) {
		snprintf(st->error, sizeof st->error, "Out of memory.");
		return NULL;
	}
	if (st->bits && strcmp(st->bits->key, key) == 0) {
		free(key);
		return st->bits;
	}
	facet_bits_drop(st);
	struct facet_bits *b = calloc(1, sizeof *b);
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
	sqlite3_finalize(stmt);
	st->bits = b;
	if (rc != SQLITE_ROW) {
		facet_bits_drop(st);
		return NULL;
	}
	return b;
}
