/* Growing arrays: one way to make room, used by every list the program
 * builds (records' values, result rows, facet values, wrapped lines). */
#ifndef HTKP_GROW_H
#define HTKP_GROW_H

#include <stddef.h>

/* Makes room for element n of the array *(void **)arrayp, which has *cap
 * elements of size bytes, doubling it (first: the size of a new array).
 * Returns 0, or -1 with the array unchanged when memory runs out. */
int grow(void *arrayp, size_t *cap, size_t n, size_t size, size_t first);

#endif
