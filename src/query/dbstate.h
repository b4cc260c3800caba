/* What a person has asked of one database: the words typed, the filters
 * and the sort. Shared by the kiosk's views and the command line, and
 * turned into a struct search for the store. */
#ifndef HTKP_DBSTATE_H
#define HTKP_DBSTATE_H

#include "query/query.h"
#include "store/store.h"

#include <stdbool.h>

struct dbstate_relax;

struct dbstate {
	int db;
	char *text;                 /* what was typed, NULL when nothing */
	struct query q;
	struct dbstate_relax *relax; /* the words' near misses, and what the
					store last answered them by */
	struct {
		const char *field;  /* the catalog's filter name (static) */
		char *value;
	} filters[STORE_MAX_FILTERS];   /* copied into struct search */
	size_t n_filters;
	int year_from, year_to;     /* 0 = open */
	int sort;
	unsigned generation;        /* bumped by every change: lists reload */
};

/* Starts an empty state for db. */
void dbstate_init(struct dbstate *s, int db);
void dbstate_free(struct dbstate *s);

/* Sets the search words (NULL or "" clears). Returns -1 on ENOMEM. */
int dbstate_set_text(struct dbstate *s, const char *text);

/* Sets filter field (a catalog filter name) to value; NULL removes it.
 * Returns -1 on ENOMEM or an unknown field. */
int dbstate_set_filter(struct dbstate *s, const char *field, const char *value);

/* The value of filter field, or NULL. */
const char *dbstate_filter(const struct dbstate *s, const char *field);

/* Parses "2005", "2005-2010", "2005-" or "-2010" into the year range.
 * Returns -1 (range unchanged) when it is not one of those. */
int dbstate_set_years(struct dbstate *s, const char *range);

/* Clears words and filters, keeps the sort. */
void dbstate_clear(struct dbstate *s);

/* True when words or filters are set. */
bool dbstate_active(const struct dbstate *s);

/* How the list is ordered, for people: "by relevance", "newest first"...
 * (relevance without words to rank by is newest first). */
const char *dbstate_sort_label(const struct dbstate *s);

/* Fills *out for the store; out points into s. */
void dbstate_search(const struct dbstate *s, struct search *out);

/* One line saying what the last search call showed instead of the words
 * as typed ("No exact match; showing Togo*"), or NULL when it showed
 * them. Points into s, valid until the next call. */
const char *dbstate_note(const struct dbstate *s);

/* "Country: Nigeria; Decision year: 2005-2010" into buf, "" when none. */
void dbstate_describe(const struct dbstate *s, char *buf, size_t len);

#endif
