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
	struct dbstate_filter {
		const char *field;  /* the catalog's filter name (static) */
		char **values;      /* FILTER_VALUE: any of these (OR), 1 to
				       DBSTATE_MAX_VALUES; NULL for a year filter */
		size_t n_values;
		int from, to;       /* FILTER_YEAR: the range, 0 = open */
	} filters[STORE_MAX_FILTERS];   /* copied into struct search */
	size_t n_filters;
	int sort;
	unsigned generation;        /* bumped by every change: lists reload */
};

/* Starts an empty state for db. */
void dbstate_init(struct dbstate *s, int db);
void dbstate_free(struct dbstate *s);

/* Sets the search words (NULL or "" clears). Returns -1 on ENOMEM. */
int dbstate_set_text(struct dbstate *s, const char *text);

/* Values one filter may hold at once. */
#define DBSTATE_MAX_VALUES STORE_MAX_VALUES
/* What the setters below return when a filter would hold more. */
#define DBSTATE_TOO_MANY (-2)

/* Sets filter field (a catalog value filter) to value alone; NULL
 * removes it. Returns -1 on ENOMEM or an unknown field. */
int dbstate_set_filter(struct dbstate *s, const char *field, const char *value);

/* Sets filter field to any of values[0..n) (OR; n = 0 removes it);
 * repeated values count once. Returns 0, -1 on ENOMEM or an unknown
 * field, DBSTATE_TOO_MANY (filter unchanged) past DBSTATE_MAX_VALUES. */
int dbstate_set_filter_values(struct dbstate *s, const char *field,
			      const char *const *values, size_t n);

/* Adds value to the values of filter field (OR); a value already there
 * changes nothing. Returns as dbstate_set_filter_values. */
int dbstate_add_filter_value(struct dbstate *s, const char *field, const char *value);

/* The values of filter field into *values (points into s, valid until the
 * filter changes); returns how many, 0 when the filter is not set. */
size_t dbstate_filter_values(const struct dbstate *s, const char *field,
			     const char *const **values);

/* The first value of filter field, or NULL. */
const char *dbstate_filter(const struct dbstate *s, const char *field);

/* Parses "2005", "2005-2010", "2005-" or "-2010" into the range of year
 * filter field ("year", "sentence_year"). Returns -1 (range unchanged)
 * when it is not one of those or field is no year filter. */
int dbstate_set_years_of(struct dbstate *s, const char *field, const char *range);
/* The same for the database's first year filter. */
int dbstate_set_years(struct dbstate *s, const char *range);

/* Sets the range of year filter field (0 = open; 0 and 0 removes it); a
 * range given backwards is turned round. Returns -1 when field is no
 * year filter or the state is full. */
int dbstate_set_year_range(struct dbstate *s, const char *field, int from, int to);

/* The range of year filter field into *from and *to (0 = open). */
void dbstate_years(const struct dbstate *s, const char *field, int *from, int *to);

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

/* "Country: Nigeria, Ghana; Decision year: 2005-2010" into buf, "" when
 * none. */
void dbstate_describe(const struct dbstate *s, char *buf, size_t len);

/* The same, in at most cols display columns where it can be: a filter
 * with several values lists as many of them as fit, then "+N" for the
 * rest ("Country: Nigeria +3"). Still too wide (many filters), it is
 * left for the caller to cut. */
void dbstate_describe_fit(const struct dbstate *s, char *buf, size_t len, int cols);

#endif
