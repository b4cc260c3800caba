/* Facet counts of a search from a bitmap of its records: the search's
 * rowids are marked once (htkp_mark), then each value's records (table
 * facet_recs, one blob per value) are counted in it (htkp_count). The
 * bitmap is kept for the next field of the same search: the browse view
 * counts six. Private to the store. */
#ifndef HTKP_STORE_FACET_H
#define HTKP_STORE_FACET_H

#include "store/store.h"
#include "store/store_impl.h"

#include <stdint.h>

struct facet_bits {
	char *key;         /* the search it marks (ranked_key, field left out) */
	uint64_t *w;
	size_t n_words;
};

/* Registers htkp_mark(bits, rowid) and htkp_count(bits, recs) on db. */
int facet_attach(sqlite3 *db);

/* The bitmap of the records s finds with its filter on field left out,
 * kept or made now; NULL on error (recorded) or out of memory. */
const struct facet_bits *facet_marked(struct store *st, const struct search *s,
				      const char *field);

/* Forgets the kept bitmap. */
void facet_bits_drop(struct store *st);

/* store_search.c: the statement "SELECT sum(htkp_mark(bits, rowid))"
 * over the records s finds, field's filter left out. */
sqlite3_stmt *search_marking_stmt(struct store *st, const struct search *s,
				  const char *field, struct facet_bits *bits);

#endif
