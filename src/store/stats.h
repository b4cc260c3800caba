/* Statistics of a database: how many records of the current search fall
 * under each value of a few fields (year, country, verdict...), and those
 * counts drawn as bar charts of text, for the kiosk and `htkp stats`. */
#ifndef HTKP_STATS_H
#define HTKP_STATS_H

#include "store/store.h"
#include "common/text.h"

#include <stdbool.h>

struct stat_field {
	const char *field;   /* facet field */
	const char *label;   /* "By year": marked N_(), displayed with _() */
};

/* The portal's caveat, said beside every count of cases: marked N_(),
 * displayed with _(). */
extern const char *const stats_case_caveat;

/* The fields charted for db, *n of them. */
const struct stat_field *stats_fields(int db, size_t *n);

/* Countries shown before "Other": the portal's top 20. */
#define STATS_TOP 20

/* The counts of field under search q, its own filter kept (store_facet
 * drops it): years newest first, other values most first, countries cut
 * to STATS_TOP and the rest summed as "Other (N)". Caller frees. 0 or -1. */
int store_stats(struct store *st, const struct search *q, const char *field,
		struct facet_list *out);

/* Draws f as bar charts into *out, one line a value: the value (one of
 * ours through i18n_value, in the reader's language), a bar of
 * '#' (ascii) or full blocks, the count; each line at most width columns.
 * Lines are malloc'd clean UTF-8 (out->v[i].off indexes *text). 0 or -1. */
int stats_chart(const struct facet_list *f, int width, bool ascii, char **text,
		struct text_lines *out);

#endif
