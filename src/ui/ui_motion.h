/* Cursor motion on the wire: each of ncurses' cursor moves sent in the
 * fewest bytes the terminal allows (ui_motion.c). */
#ifndef HTKP_UI_MOTION_H
#define HTKP_UI_MOTION_H

#include <stdbool.h>
#include <stddef.h>

/* Reads which motions the terminal has (after newterm). Until then, and
 * on a terminal whose cursor addressing is not ANSI, frames pass as
 * they are. */
void motion_init(void);

/* The cursor is somewhere unknown (a repaint after line noise, a
 * resize): the next move is sent as ncurses sent it. */
void motion_forget(void);

/* Rewrites the frame in[0..n) into *out (grown as needed; *cap its
 * size) with every run of cursor motions replaced by the shortest that
 * reaches the same cell; *len gets its length. height x width: the screen
 * the frame was drawn for. False when out of memory (nothing is kept:
 * send in as it is). */
bool motion_compact(const char *in, size_t n, int height, int width, char **out, size_t *cap,
		    size_t *len);

#endif
