/* A word in many records, searched within filters (trafficking in one
 * country: 3,992 of its 99,638 records), ranked and counted from the
 * word's weighted count in every record (table word_counts, made at
 * import) instead of FTS5 reading all of its records (6.5 ms at 100,000
 * cases). The records the filters leave are scored as htkp_rank would
 * score them (common/bm25.h, bm25_direct): the same order. Private to
 * the store. */
#ifndef HTKP_STORE_DENSE_H
#define HTKP_STORE_DENSE_H

#include "store/store.h"
#include "store/store_impl.h"

#include <stddef.h>

/* The first keep rowids of s by relevance into *out (the caller frees),
 * their number in *n, and every record s finds counted in *count, when
 * s is one word of word_counts (toprank_word) with filters and nothing
 * else: 1. 0 when s is not such a search (rank it with FTS5), -1 on
 * error (recorded). */
int dense_rowids(struct store *st, const struct search *s, long keep, long **out,
		 size_t *n, long *count);

struct facet_bits;

/* Marks in b (whose words it allocates) the records s finds, field's
 * filter left out, when s is words of word_counts that must all be in a
 * record (one, or an AND of them as query.c writes it, each with its
 * other spellings in no record) with nothing but filters: 1. 0 when s is
 * not such a search (mark them with FTS5), -1 on error (recorded). A
 * picker's counts with trafficking read its 99,638 records from FTS5 to
 * mark them, and counting forced labour 33,560 records of two words. */
int dense_mark(struct store *st, const struct search *s, const char *field,
	       struct facet_bits *b);

#endif
