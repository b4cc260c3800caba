/* A word in many records, within filters (store_dense.h). */
#include "store/store_dense.h"
#include "store/store_toprank.h"
#include "store/store_facet.h"
#include "common/bm25.h"
#include "common/catalog.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A word's counts (db/schema.sql, word_counts): for each rowid from 0
 * to the index's records, the word's weighted count plus one (0: not
 * in the record), in width bytes, little-endian. */
struct counts {
	const unsigned char *v;
	size_t n, width;
};

static unsigned count_at(const struct counts *c, size_t r)
{
	if (r >= c->n)
		return 0;
	return c->width == 1 ? c->v[r] : c->v[2 * r] | (unsigned)c->v[2 * r + 1] << 8;
}

/* Which of records 64w to 64w + 63 have the word, as bits; a loop
 * without branches, that the compiler may run on several at once (a
 * record at a time, marking two words' 100,000 took 0.8 ms). */
static uint64_t present(const struct counts *c, size_t w)
{
	uint64_t m = 0;
	size_t from = w * 64, to = from + 64 < c->n ? from + 64 : c->n;
	if (c->width == 1)
		for (size_t r = from; r < to; r++)
			m |= (uint64_t)(c->v[r] != 0) << (r - from);
	else
		for (size_t r = from; r < to; r++)
			m |= (uint64_t)((c->v[2 * r] | c->v[2 * r + 1]) != 0) << (r - from);
	return m;
}

/* Scores the records bits marks that have the word into top, counting
 * them: the count, or -1 when a record's length is not known. */
static long score_marked(const struct facet_bits *bits, const struct counts *c,
			 const struct bm25_direct *d, struct bm25_top *top)
{
	long found = 0;
	for (size_t w = 0; w < bits->n_words; w++) {
		for (uint64_t x = bits->w[w]; x; x &= x - 1) {
			size_t r = w * 64 + (size_t)__builtin_ctzll(x);
			unsigned v = count_at(c, r);
			if (!v)
				continue;
			double score = bm25_direct(d, (long)r, (double)(v - 1));
			if (isnan(score))
				return -1;
			bm25_top_add(top, (struct bm25_scored){(long)r, score});
			found++;
		}
	}
	return found;
}

/* The word's counts for s when it is one word of the table searched
 * alone or with filters: q (give it back with store_done) holds them in
 * its row; *docs and *rows its IDF's. 1, 0 not such a search (or a row
 * of another index), -1 error. */
static int word_counts(struct store *st, const struct search *s, sqlite3_stmt **q,
		       struct counts *c, long *docs, long *rows)
{
	*q = NULL;
	if (!st->word_counts || !s->fts || s->id || s->added_since)
		return 0;
	char term[64];
	int word = toprank_word(st, s, term, docs, rows);
	if (word <= 0)
		return word;
	*q = store_cached(st, "SELECT counts FROM word_counts WHERE db = ? AND term = ?");
	if (!*q)
		return -1;
	sqlite3_bind_text(*q, 1, catalog[s->db].table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*q, 2, term, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(*q);
	size_t len = rc == SQLITE_ROW ? (size_t)sqlite3_column_bytes(*q, 0) : 0;
	c->n = (size_t)*rows + 1;
	c->width = len / c->n;
	if (rc == SQLITE_ROW && (c->v = sqlite3_column_blob(*q, 0)) && len % c->n == 0
	    && (c->width == 1 || c->width == 2))
		return 1;
	store_done(st, *q);
	*q = NULL;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, "ranking");
}

/* The operands of fts's top-level ANDs (query.c writes "w" AND ("v"
 * OR "v2") for two words), each a copy in op (the caller frees op[0],
 * which holds them all): their number, 0 when there are more than max
 * or fts is no AND of them. */
static int and_operands(const char *fts, char **op, int max)
{
	char *all = strdup(fts);
	int n = 0, depth = 0;
	bool quoted = false;
	if (!all)
		return -1;
	op[n++] = all;
	for (char *c = all; *c; c++) {
		if (*c == '"')
			quoted = !quoted;   /* "" inside a phrase toggles twice */
		else if (!quoted && (*c == '(' || *c == ')'))
			depth += *c == '(' ? 1 : -1;
		else if (!quoted && depth == 0 && strncmp(c, " AND ", 5) == 0) {
			if (n == max) {
				free(all);
				return 0;
			}
			*c = '\0';
			op[n++] = c + 5;
			c += 4;   /* the loop's c++ steps onto the operand */
		}
	}
	return n;
}

/* Most words an AND of them is marked for from their counts. */
#define MAX_AND 8

int dense_mark(struct store *st, const struct search *s, const char *field,
	       struct facet_bits *b)
{
	char *op[MAX_AND];
	if (!st->word_counts || !s->fts || s->id || s->added_since)
		return 0;
	int nop = and_operands(s->fts, op, MAX_AND), result = 1;
	if (nop <= 0)
		return nop;
	/* Each word's records marked, then those of the next kept. */
	for (int i = 0; i < nop && result == 1; i++) {
		struct search word = *s;
		word.fts = op[i];
		sqlite3_stmt *q;
		struct counts c;
		long docs, rows;
		result = word_counts(st, &word, &q, &c, &docs, &rows);
		if (result == 1 && i == 0) {
			b->n_words = (c.n + 63) / 64;
			if (!(b->w = malloc((b->n_words ? b->n_words : 1) * sizeof *b->w))) {
				snprintf(st->error, sizeof st->error, "Out of memory.");
				result = -1;
			}
			for (size_t w = 0; result == 1 && w < b->n_words; w++)
				b->w[w] = present(&c, w);
		} else if (result == 1) {
			for (size_t w = 0; w < b->n_words; w++)
				b->w[w] &= present(&c, w);
		}
		if (q)
			store_done(st, q);
	}
	free(op[0]);
	/* And those the filters leave, field's left out. */
	const struct facet_bits *f = NULL;
	if (result == 1 && facet_filtered(st, s, field, &f) != 0)
		result = -1;
	for (size_t w = 0; result == 1 && f && w < b->n_words; w++)
		b->w[w] &= w < f->n_words ? f->w[w] : 0;
	if (result != 1) {
		free(b->w);
		b->w = NULL, b->n_words = 0;
	}
	return result;
}

int dense_rowids(struct store *st, const struct search *s, long keep, long **out,
		 size_t *n, long *count)
{
	*out = NULL, *n = 0, *count = 0;
	if (s->sort != SORT_RELEVANCE || s->n_filters == 0)
		return 0;
	sqlite3_stmt *q;
	struct counts c;
	long docs = 0, rows = 0;
	int r = word_counts(st, s, &q, &c, &docs, &rows);
	if (r <= 0)
		return r;
	const struct facet_bits *bits = NULL;
	struct bm25_direct d;
	int result = 0;
	if (facet_filtered(st, s, NULL, &bits) != 0)
		result = -1;
	if (result < 0 || !bits || bm25_direct_init(st->db, st->lengths, s->db, rows, docs, &d) != 0) {
		store_done(st, q);
		return result;
	}
	struct bm25_top top = {.v = malloc((size_t)keep * sizeof *top.v), .keep = (size_t)keep};
	if (!top.v) {
		snprintf(st->error, sizeof st->error, "Out of memory.");
		result = -1;
	} else {
		/* A length not known: left to FTS5, which reads it. */
		*count = score_marked(bits, &c, &d, &top);
		result = *count >= 0;
	}
	store_done(st, q);
	if (result == 1) {
		qsort(top.v, top.n, sizeof *top.v, bm25_order);
		if (!(*out = malloc((top.n ? top.n : 1) * sizeof **out))) {
			snprintf(st->error, sizeof st->error, "Out of memory.");
			result = -1;
		} else {
			for (size_t i = 0; i < top.n; i++)
				(*out)[i] = top.v[i].rowid;
			*n = top.n;
		}
	}
	free(top.v);
	return result;
}
