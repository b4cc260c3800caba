/* The last ranked search's rowids, in order, kept so that paging through
 * its results reads rows by rowid instead of ranking the matches again
 * (ranking a word found in almost every record takes tens of ms at
 * 100,000 cases; reading 20 rows by rowid, a fraction of one). Private to
 * the store: store_search.c fills and reads it, store.c drops it when the
 * file is reopened or closed. */
#ifndef HTKP_STORE_RANKED_H
#define HTKP_STORE_RANKED_H

#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>

/* Rowids kept, from the first result on: a search's first screen keeps
 * what proves its page (store_toprank.h), paging RANKED_FIRST (ten
 * pages of 20), five times more whenever paging goes past them, at most
 * RANKED_ROWS (250 pages, 40 KB); the kiosk asks for more while the
 * reader reads, ahead of the selection (store_search_prepare). Pages past
 * RANKED_ROWS are ranked again each time (the search itself), which is
 * correct, only as slow as before.
 * Ranking more rows costs more: 5000 of 10,000 matches about half as much
 * again as 20; 200 no more than 20. */
#define RANKED_FIRST 200
/* Counting a search ranks it too when ranking it means reading every
 * match (store_search.c), unless its first RANKED_PAGE rows can be had
 * without: a page of line mode and htkp query, more than the kiosk lists
 * at 80x24 (a taller list asks again, as a page past them does). */
#define RANKED_PAGE 20
#define RANKED_ROWS 5000

struct ranked {
	char *key;      /* everything that defines the search (ranked_key) */
	long *rowid;    /* the first n results, in the search's order */
	size_t n;
	bool whole;     /* n is every result: nothing lies past them */
	long count;     /* every result, counted, or -1 */
};

/* A string naming everything that decides a search's results and their
 * order: database, words, id, every filter with all its values or its
 * years, added_since, sort. Two searches with equal keys list the same
 * rows in the same order. Caller frees; NULL when out of memory. */
char *ranked_key(const struct search *s);

/* The kept list when its key is key, else NULL. */
const struct ranked *ranked_find(const struct store *st, const char *key);

/* Keeps key and rowid (taking both, freed on failure too) in place of the
 * list kept before. */
void ranked_keep(struct store *st, char *key, long *rowid, size_t n, bool whole);

/* Forgets the kept list (a new file, or closing). */
void ranked_drop(struct store *st);

#endif
