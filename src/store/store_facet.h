/* Facet counts of a search from a bitmap of its records: the search's
 * rowids are marked once (htkp_mark), then each value's records (table
 * facet_recs, one blob per value) are counted in it (htkp_count). The
 * bitmap is kept for the next field of the same search: the browse view
 * counts six. Private to the store. */
#ifndef HTKP_STORE_FACET_H
#define HTKP_STORE_FACET_H

#include "store/store.h"
#include "store/store_impl.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct facet_bits {
	char *key;         /* the search it marks (ranked_key, field left out) */
	uint64_t *w;
	size_t n_words;
};

/* Whether record r is marked in b. */
static inline bool facet_has(const struct facet_bits *b, long r)
{
	size_t w = (size_t)r / 64;
	return r >= 0 && w < b->n_words && (b->w[w] >> (r % 64) & 1);
}

/* Registers htkp_mark(bits, rowid), htkp_count(bits, recs) (how many of
 * a facet_recs blob's records are marked), htkp_or(bits, recs) (marks
 * them) and htkp_in(bits, rowid) (whether it is marked) on db. */
int facet_attach(sqlite3 *db);

/* The bitmap of the records s finds with its filter on field left out,
 * kept or made now; NULL on error (recorded) or out of memory. */
const struct facet_bits *facet_marked(struct store *st, const struct search *s,
				      const char *field);

/* The bitmap of the records every filter of s leaves, skip's left out
 * (each filter's values' records from facet_recs, intersected), in *out;
 * NULL when no filter is left. Kept for the next call with the same
 * filters; valid until a call with others. Returns 0, or -1 on error
 * (recorded). The id and "added since" are not in it. */
int facet_filtered(struct store *st, const struct search *s, const char *skip,
		   const struct facet_bits **out);

/* How many records b marks (NULL: none). */
long facet_bits_count(const struct facet_bits *b);

/* Forgets the kept bitmaps. */
void facet_bits_drop(struct store *st);

/* store_search.c: the statement "SELECT sum(htkp_mark(bits, rowid))"
 * over the records s finds, field's filter left out. */
sqlite3_stmt *search_marking_stmt(struct store *st, const struct search *s,
				  const char *field, struct facet_bits *bits);

/* store_search.c: the statement marking in bits the records of the
 * values (or years) filter i of s names. */
sqlite3_stmt *search_filter_stmt(struct store *st, const struct search *s, size_t i,
				 struct facet_bits *bits);

#endif
