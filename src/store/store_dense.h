/* Searches answered from the words' counts (table word_counts, made at
 * import: a word's weighted count in every record, for the words in a
 * third of the records or more) instead of FTS5 reading every record of
 * them: a word within filters (trafficking in one country, 3,992 of its
 * 99,638 records: 6.3 -> 0.65 ms at 100,000 cases), a prefix whose words
 * have counts (forc*, 7.4 -> 3.3 ms; its words without them read through
 * FTS5 in one pass), and the records an AND of such words finds, to
 * count them and for the pickers (forced labour). Records are scored as
 * htkp_rank would score them (common/bm25.h, bm25_direct): the same
 * order. Private to the store. */
#ifndef HTKP_STORE_DENSE_H
#define HTKP_STORE_DENSE_H

#include "store/store.h"
#include "store/store_impl.h"

#include <stddef.h>

/* The first keep rowids of s by relevance into *out (the caller frees),
 * their number in *n, and every record s finds counted in *count, when
 * s is one word of word_counts (toprank_word) with filters, or a prefix
 * alone (with filters or not) at least one of whose words has counts,
 * and nothing else: 1. 0 when s is not such a search (rank it with
 * FTS5), -1 on error (recorded). */
int dense_rowids(struct store *st, const struct search *s, long keep, long **out,
		 size_t *n, long *count);

struct facet_bits;

/* Marks in b (whose words it allocates) the records s finds, field's
 * filter left out, when s is words of word_counts that must all be in a
 * record (one, or an AND of them as query.c writes it, each with its
 * other spellings in no record, or a prefix as dense_rowids takes it)
 * with nothing but filters: 1. 0 when s is
 * not such a search (mark them with FTS5), -1 on error (recorded). A
 * picker's counts with trafficking read its 99,638 records from FTS5 to
 * mark them, and counting forced labour 33,560 records of two words. */
int dense_mark(struct store *st, const struct search *s, const char *field,
	       struct facet_bits *b);

#endif
