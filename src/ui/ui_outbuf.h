/* The output of a pass over a frame (ui_wire.c, ui_motion.c): bytes
 * appended to a buffer the caller owns, grown as needed; failed once
 * memory ran out (the caller then sends the frame as it was). */
#ifndef HTKP_UI_OUTBUF_H
#define HTKP_UI_OUTBUF_H

#include "common/grow.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct outbuf {
	char **p;
	size_t *cap, len;
	bool failed;
};

static inline void outbuf_put(struct outbuf *o, const char *s, size_t n)
{
	if (o->failed || n == 0)
		return;
	if (grow(o->p, o->cap, o->len + n - 1, 1, 4096) != 0) {
		o->failed = true;
		return;
	}
	memcpy(*o->p + o->len, s, n);
	o->len += n;
}

#endif
