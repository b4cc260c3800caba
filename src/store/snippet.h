/* The line of matching text under a result: taken from one field of the
 * record, named when it is not the record's main text. */
#ifndef HTKP_SNIPPET_H
#define HTKP_SNIPPET_H

#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>

/* The snippet of record r for the search terms: the first match in the
 * main text (a case's fact summary, a law's summary, an abstract), else
 * in the first field in the portal's order that holds one, as "Label:
 * ...text...". Matches are between \1 and \2; adjacent matches (a phrase)
 * are one run. Without any match, the main text's opening words. NULL
 * when the record has no text to show, or out of memory. Caller frees. */
char *snippet_make(const struct record *r, char *const *terms, const bool *prefix,
		   size_t n_terms);

/* Gives each result of page p (database db) its snippet for the terms,
 * replacing any it had. A record that cannot be read keeps none. */
void snippet_page(struct store *st, int db, struct result_page *p,
		  char *const *terms, const bool *prefix, size_t n_terms);

#endif
