/* A word in many records, within filters (store_dense.h). */
#include "store/store_dense.h"
#include "store/store_toprank.h"
#include "store/store_facet.h"
#include "store/fts_words.h"
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
	const uint32_t *sum;   /* instead, a prefix's words' added up */
	size_t n, width;
};

static uint32_t count_at(const struct counts *c, size_t r)
{
	if (r >= c->n)
		return 0;
	if (c->sum)
		return c->sum[r];
	return c->width == 1 ? c->v[r] : c->v[2 * r] | (unsigned)c->v[2 * r + 1] << 8;
}

/* Adds a count v, in the form counts keep it (plus one; 0: none), to
 * the sum at *to, kept in the same form. */
static void sum_add(uint32_t *to, uint32_t v)
{
	if (v)
		*to = (*to ? *to : 1) + v - 1;
}

/* Which of records 64w to 64w + 63 have the word, as bits; a loop
 * without branches, that the compiler may run on several at once (a
 * record at a time, marking two words' 100,000 took 0.8 ms). */
static uint64_t present(const struct counts *c, size_t w)
{
	uint64_t m = 0;
	size_t from = w * 64, to = from + 64 < c->n ? from + 64 : c->n;
	if (c->sum)
		for (size_t r = from; r < to; r++)
			m |= (uint64_t)(c->sum[r] != 0) << (r - from);
	else if (c->width == 1)
		for (size_t r = from; r < to; r++)
			m |= (uint64_t)(c->v[r] != 0) << (r - from);
	else
		for (size_t r = from; r < to; r++)
			m |= (uint64_t)((c->v[2 * r] | c->v[2 * r + 1]) != 0) << (r - from);
	return m;
}

/* Scores the records bits marks (NULL: every record) that have the
 * word into top, counting them: the count, or -1 when a record's length
 * is not known. */
static long score_marked(const struct facet_bits *bits, const struct counts *c,
			 const struct bm25_direct *d, struct bm25_top *top)
{
	long found = 0;
	size_t words = bits ? bits->n_words : (c->n + 63) / 64;
	for (size_t w = 0; w < words; w++) {
		for (uint64_t x = bits ? bits->w[w] : present(c, w); x; x &= x - 1) {
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

/* Term's row of word_counts in database db, whose index has rows
 * records: q (give it back with store_done) holds it in its row. 1, 0
 * none (or a row of another index), -1 error. */
static int read_counts(struct store *st, int db, const char *term, long rows,
		       sqlite3_stmt **q, struct counts *c)
{
	*q = store_cached(st, "SELECT counts FROM word_counts WHERE db = ? AND term = ?");
	if (!*q)
		return -1;
	sqlite3_bind_text(*q, 1, catalog[db].table, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*q, 2, term, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(*q);
	size_t len = rc == SQLITE_ROW ? (size_t)sqlite3_column_bytes(*q, 0) : 0;
	*c = (struct counts){.n = (size_t)rows + 1};
	c->width = len / c->n;
	if (rc == SQLITE_ROW && (c->v = sqlite3_column_blob(*q, 0)) && len % c->n == 0
	    && (c->width == 1 || c->width == 2))
		return 1;
	store_done(st, *q);
	*q = NULL;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, "ranking");
}

/* The word's counts for s when it is one word of the table searched
 * alone or with filters (toprank_word): as read_counts; *docs and *rows
 * its IDF's. */
static int word_counts(struct store *st, const struct search *s, sqlite3_stmt **q,
		       struct counts *c, long *docs, long *rows)
{
	*q = NULL;
	if (!st->word_counts || !s->fts || s->id || s->added_since)
		return 0;
	char term[64];
	int word = toprank_word(st, s, term, docs, rows);
	return word <= 0 ? word : read_counts(st, s->db, term, *rows, q, c);
}

/* Adds the counts of the words of db's index in word (none with its
 * row of word_counts) to sum, read through FTS5 in one pass: htkp_collect
 * keeps each record's count of them as it scores it. 1, 0 when it
 * declined or a count did not fit (then rank with FTS5), -1 error. */
static int add_read(struct store *st, int db, long rows, char **word, int n, uint32_t *sum)
{
	const char *fts = catalog[db].fts;
	char *words = fts_or(word, n), sql[512];
	struct bm25_top top = {.counts = calloc((size_t)rows + 1, sizeof *top.counts),
			       .ncounts = (size_t)rows + 1};
	int result = words && top.counts ? 1 : -1;
	/* The words counted as one phrase (BM25_JOINED), its count not
	 * known (-1): only each record's count of them is kept. */
	char *o = sql + snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s MATCH ?"
				 " AND htkp_collect(%s, ?, %d, %ld, -1", fts, fts, fts, db, rows);
	for (int i = 1; i < n && o < sql + sizeof sql - 8; i++)
		o += sprintf(o, ", %d", BM25_JOINED);
	strcpy(o, ")");
	sqlite3_stmt *q = result == 1 ? store_cached(st, sql) : NULL;
	if (result < 0)
		snprintf(st->error, sizeof st->error, "Out of memory.");
	else if (!q)
		result = -1;
	if (q) {
		sqlite3_bind_text(q, 1, words, -1, SQLITE_STATIC);
		sqlite3_bind_pointer(q, 2, &top, BM25_TOP_TYPE, NULL);
		if (sqlite3_step(q) != SQLITE_ROW)
			result = store_fail(st, "ranking");
		else if (top.declined || top.counts_lost)
			result = 0;
		store_done(st, q);
	}
	for (size_t r = 0; result == 1 && r < top.ncounts; r++)
		sum_add(&sum[r], top.counts[r]);
	free(words), free(top.counts);
	return result;
}

/* The words of a prefix searched alone (s->fts is "forc"*, one phrase),
 * into word (room for PREFIX_MAX_WORDS; the caller frees each): their
 * number, 0 when s is no such search, -1 error. */
static int prefix_alone(struct store *st, const struct search *s, char **word)
{
	struct bytes body = {0};
	bool prefix = false;
	const char *end = *s->fts == '"' ? fts_phrase(s->fts, &body, &prefix) : s->fts;
	int n = 0;
	if (body.failed) {
		snprintf(st->error, sizeof st->error, "Out of memory.");
		n = -1;
	} else if (prefix && !*end) {
		n = fts_prefix_words(st, s->db, body.v, word);
	}
	free(body.v);
	return n;
}

/* A prefix searched alone, its words' counts added up into *sum (the
 * caller frees): each record's weighted count of the prefix plus one, 0
 * where it has none of its words; *docs the records that have one. The
 * counts are the words' own where they have a row of word_counts; the
 * others are read through FTS5 in one pass (forc*: "forced", in 43,872
 * records, has one; "force", in 14,125, is read). 1, 0 when s is no
 * such search or none of its words has counts, -1 error. */
static int prefix_counts(struct store *st, const struct search *s, long rows, uint32_t **sum,
			 long *docs)
{
	char *word[PREFIX_MAX_WORDS], *read[PREFIX_MAX_WORDS];
	int n = prefix_alone(st, s, word), nread = 0, counted = 0, result = n > 0;
	if (n <= 0)
		return n;
	if (!(*sum = calloc((size_t)rows + 1, sizeof **sum))) {
		snprintf(st->error, sizeof st->error, "Out of memory.");
		result = -1;
	}
	for (int i = 0; i < n && result == 1; i++) {
		sqlite3_stmt *q;
		struct counts c;
		int r = read_counts(st, s->db, word[i], rows, &q, &c);
		if (r == 0)
			read[nread++] = word[i];
		for (size_t k = 0; r == 1 && k < c.n; k++)
			sum_add(&(*sum)[k], count_at(&c, k));
		counted += r == 1;
		result = r < 0 ? -1 : result;
		if (q)
			store_done(st, q);
	}
	if (result == 1 && !counted)
		result = 0;
	if (result == 1 && nread)
		result = add_read(st, s->db, rows, read, nread, *sum);
	*docs = 0;
	for (long r = 0; result == 1 && r <= rows; r++)
		*docs += (*sum)[r] != 0;
	for (int i = 0; i < n; i++)
		free(word[i]);
	if (result != 1) {
		free(*sum);
		*sum = NULL;
	}
	return result;
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
		uint32_t *sum = NULL;
		long docs, rows;
		result = word_counts(st, &word, &q, &c, &docs, &rows);
		/* Or a prefix, its words' counts added up. */
		if (result == 0 && (rows = toprank_rows(st, s->db)) > 0
		    && (result = prefix_counts(st, &word, rows, &sum, &docs)) == 1)
			c = (struct counts){.sum = sum, .n = (size_t)rows + 1};
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
		free(sum);
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
	if (!st->word_counts || !s->fts || s->sort != SORT_RELEVANCE || s->id || s->added_since)
		return 0;
	sqlite3_stmt *q = NULL;
	struct counts c = {0};
	uint32_t *sum = NULL;
	long docs = 0, rows = toprank_rows(st, s->db);
	/* A word alone is ranked from rank_top unless filters leave few of
	 * its best records; a prefix alone, from its words' counts. */
	int r = s->n_filters ? word_counts(st, s, &q, &c, &docs, &rows) : 0;
	if (r == 0 && rows > 0 && (r = prefix_counts(st, s, rows, &sum, &docs)) == 1)
		c = (struct counts){.sum = sum, .n = (size_t)rows + 1};
	if (r <= 0)
		return r;
	const struct facet_bits *bits = NULL;
	struct bm25_direct d;
	int result = 0;
	if (facet_filtered(st, s, NULL, &bits) != 0)
		result = -1;
	else if ((bits || sum) && bm25_direct_init(st->db, st->lengths, s->db, rows, docs, &d) == 0)
		result = 1;
	struct bm25_top top = {.v = malloc((size_t)keep * sizeof *top.v), .keep = (size_t)keep};
	if (result == 1 && !top.v) {
		snprintf(st->error, sizeof st->error, "Out of memory.");
		result = -1;
	} else if (result == 1) {
		/* A length not known: left to FTS5, which reads it. */
		*count = score_marked(bits, &c, &d, &top);
		result = *count >= 0;
	}
	if (q)
		store_done(st, q);
	free(sum);
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
