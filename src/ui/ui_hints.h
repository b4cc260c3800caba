/* The key hints of the status line: one table, so that every screen names
 * a key the same way, in the same order, and a narrow screen drops whole
 * hints (least needed first) instead of cutting one. */
#ifndef HTKP_UI_HINTS_H
#define HTKP_UI_HINTS_H

#include <stdbool.h>
#include <stddef.h>

/* In order of need: a hint is dropped only after every hint below it. */
enum hint {
	HINT_BACK, HINT_HELP, HINT_SUBMIT, HINT_REPLACE, HINT_CANCEL, HINT_HOME,
	HINT_OPEN_1_8, HINT_LANGUAGE, HINT_OPEN_1_7, HINT_OPEN, HINT_CHOOSE, HINT_SHOW, HINT_TICK,
	HINT_NEXT_LINK, HINT_OPEN_LINK, HINT_CITE, HINT_CITE_ALL, HINT_PRINT,
	HINT_PRINT_ALL, HINT_MARK, HINT_UNMARK, HINT_SEARCH, HINT_FILTERS, HINT_SORT,
	HINT_CLEAR, HINT_CLEAR_LINE, HINT_MOVE, HINT_SCROLL, HINT_PAGE, HINT_QUIT,
	HINT_COUNT
};
_Static_assert(HINT_COUNT <= 32, "a view's hints are a 32-bit mask");

#define HINT(h) (1u << (h))

/* Writes the hints of mask into buf, "key what" two spaces apart, keeping
 * only as many (most needed first) as fit in cols columns; utf8 chooses
 * arrows over their names. Returns buf. */
char *hints_line(unsigned mask, bool utf8, int cols, char *buf, size_t len);

#endif
