/* bench/naive.h: the anchor of bench/queries.c, each question the kiosk
 * asks put to the same database file in plain SQL: FTS5's own bm25 for
 * relevance, count(*), GROUP BY over the facet rows, on a connection of
 * its own, with none of the store's tables made for speed (rank_top,
 * facet_recs, added_count) and nothing kept between runs. */
#ifndef HTKP_BENCH_NAIVE_H
#define HTKP_BENCH_NAIVE_H

#include "store/store.h"

#include <sqlite3.h>

enum op {
	OP_COUNT,       /* store_search_count */
	OP_PAGE,        /* store_search_page, PER_PAGE rows from offset */
	OP_SCREEN,      /* count + page + the page's snippets: what one list
			   screen costs */
	OP_FACET,       /* store_facet of one field */
	OP_BROWSE,      /* store_facet of each browse field (the Browse view) */
	OP_RECORD,      /* store_record */
	OP_PAINT,       /* store_open and what the home screen counts */
};

#define PER_PAGE 20

/* Asks s (op; offset for a page, facet for OP_FACET, rowid for
 * OP_RECORD) of db, a read-only connection to path (OP_PAINT opens its
 * own). Returns what it found (matches, rows, values, fields), or -1 with
 * a line on stderr. */
long naive_run(sqlite3 *db, const char *path, enum op op, const struct search *s,
	       long offset, const char *facet, long rowid);

#endif
