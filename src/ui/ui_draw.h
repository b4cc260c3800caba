/* Drawing primitives and the theme. Every string reaches the terminal
 * through ui_put, which cleans it (controls, bidi overrides, bad UTF-8)
 * and cuts it by display columns: a view cannot draw unsafe text. */
#ifndef HTKP_UI_DRAW_H
#define HTKP_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

struct config;

/* What a string is, for drawing: the theme maps each role to attributes
 * that survive in monochrome. ROLE_SNIPPET_MATCH is a match inside a
 * result's snippet (plain text), where bold alone stands out. */
enum role {
	ROLE_NORMAL, ROLE_TITLE, ROLE_STATUS, ROLE_SELECTED, ROLE_HEADING,
	ROLE_LABEL, ROLE_MATCH, ROLE_LINK, ROLE_LINK_SELECTED, ROLE_DIM,
	ROLE_ERROR, ROLE_SNIPPET_MATCH, ROLE_COUNT
};

/* The content area a view draws into. */
struct area {
	int y, x, h, w;
};

/* Draws s[0..n) (any bytes: it is cleaned here) at (y, x), cut to at most
 * cols columns. Returns the columns drawn. */
int ui_put(int y, int x, const char *s, size_t n, int cols, enum role role);
/* Same, for a NUL-terminated string. */
int ui_puts(int y, int x, const char *s, int cols, enum role role);
/* Same as ui_puts, but text that does not fit ends in an ellipsis ("…",
 * or "..." where the charset has none); *cut (may be NULL) says whether
 * it was cut. */
int ui_puts_fit(int y, int x, const char *s, int cols, enum role role, bool *cut);
/* The mark of cut text, "…" or "..."; *cols gets its width. */
const char *ui_ellipsis(int *cols);
/* Chooses attributes and line-drawing characters for the configuration
 * and this terminal. Call after curses started. */
void ui_draw_init(const struct config *cfg);

/* A horizontal rule of cols cells at (y, x): the terminal's line-drawing
 * set, or '-' where it has none (or ascii = yes); nothing on a
 * low-bandwidth link, where it would be bytes for decoration. */
void ui_rule(int y, int x, int cols);

/* True when the terminal is written in UTF-8: arrows and "…" can be
 * drawn; otherwise their ASCII names are. */
bool ui_utf8(void);

/* The cells of the bottom line a bar in colour or reverse may fill: on a
 * terminal without back_color_erase (vt100) a blank of the bar's colour
 * in the bottom-right cell costs 11 bytes each time the bar is drawn
 * (auto-margins off, the blank, on again), so there the bar ends one
 * column short; elsewhere the whole line. */
int ui_bottom_cols(void);

/* Fills cols cells at (y, x) with the role's background. */
void ui_fill(int y, int x, int cols, enum role role);

#endif
