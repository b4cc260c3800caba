/* Growing arrays: one way to make room, used by every list the program
 * builds (records' values, result rows, facet values, wrapped lines). */
#ifndef HTKP_GROW_H
#define HTKP_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* Makes room for element n of the array *(void **)arrayp, which has *cap
 * elements of size bytes, doubling it (first: the size of a new array).
 * Returns 0, or -1 with the array unchanged when memory runs out. */
int grow(void *arrayp, size_t *cap, size_t n, size_t size, size_t first);

/* Bytes built up a few at a time (a string being written); failed once
 * memory ran out, and nothing is added after. */
struct bytes {
	char *v;
	size_t n, cap;
	bool failed;
};

/* Adds the n bytes at s to b. */
void bytes_add(struct bytes *b, const char *s, size_t n);

#endif
