/* A record as one line of citation in the portal's style, and as plain
 * text for a printer (80 columns, the portal's section order, a header).
 * Both read the record through record_walk's fields, so that what is
 * printed, cited and shown on screen agree. */
#ifndef HTKP_CITE_H
#define HTKP_CITE_H

#include "store/store.h"

#include <stddef.h>

/* Cases: title, court, decision date, decision number, country, the
 * portal's case number; laws: title, article (NULL: none), country, date;
 * publications: authors, year, title, publisher. A malloc'd line of clean
 * UTF-8 the caller frees; NULL on ENOMEM. */
char *record_cite(const struct record *r, const char *article);

/* Lines of a printed page. */
#define PRINT_PAGE_LINES 60
#define PRINT_COLS 80

/* Appends record r as plain text to *buf (*len bytes used, *cap
 * allocated; caller frees): the citation, the data's date, a rule, then
 * every field, wrapped to PRINT_COLS columns, lines ended by "\n".
 * *lines grows by the lines written. Returns 0, -1 on ENOMEM. */
int record_text(const struct record *r, const char *cite, const char *data_date,
		char **buf, size_t *len, size_t *cap, size_t *lines);

#endif
