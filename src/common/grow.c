/* Doubling growth of arrays, with the overflow and out-of-memory checks
 * written once. */
#include "common/grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int grow(void *arrayp, size_t *cap, size_t n, size_t size, size_t first)
{
	if (n < *cap)
		return 0;
	size_t want = *cap ? 2 * *cap : first;
	if (want <= n)
		want = n + 1;
	if (want > SIZE_MAX / size)
		return -1;
	void *old, *v;
	memcpy(&old, arrayp, sizeof old);
	if (!(v = realloc(old, want * size)))
		return -1;
	memcpy(arrayp, &v, sizeof v);
	*cap = want;
	return 0;
}

void bytes_add(struct bytes *b, const char *s, size_t n)
{
	if (n == 0 || b->failed)
		return;
	if (grow(&b->v, &b->cap, b->n + n, 1, 64) != 0) {
		b->failed = true;
		return;
	}
	memcpy(b->v + b->n, s, n);
	b->n += n;
}
