/* What a frame costs on the wire: ncurses' output with its redundant
 * attribute and charset changes taken out (ui_wire.c). */
#ifndef HTKP_UI_WIRE_H
#define HTKP_UI_WIRE_H

#include <stdbool.h>
#include <stddef.h>

/* Rewrites the frame in[0..n) into *out (grown with realloc as needed,
 * *cap its size) and sets *len to its new length. False when memory runs
 * out: send the frame as it is (the state is then unknown). The
 * terminal's state carries from one frame to the next. */
bool wire_compact(const char *in, size_t n, char **out, size_t *cap, size_t *len);

/* Attribute and charset changes that no text of the frame used are not
 * sent: the terminal keeps what the last text needed until text of the
 * next frame needs something else (ncurses resets at the end of each
 * frame, 3 bytes or more every time). wire_settle() sends what ncurses
 * believes the terminal has, before anything that is not a frame (the
 * end of the session) depends on it. Same returns as wire_compact. */
bool wire_settle(char **out, size_t *cap, size_t *len);

/* The terminal's attributes and charsets are no longer known (a repaint
 * after Ctrl-L or a resize, or start-up): the next frame sets them all. */
void wire_forget(void);

#endif
