/* One selectable list for every menu and list of the kiosk: the selection,
 * the first row shown, the keys that move them and type-to-jump, so that
 * every list moves the same way. Rows are drawn by their view. */
#ifndef HTKP_UI_SELECT_H
#define HTKP_UI_SELECT_H

#include "ui/ui_view.h"

#include <stdbool.h>
#include <stddef.h>

struct select {
	long n;            /* items */
	long sel, top;     /* selected item, first item shown */
	long page;         /* items shown, set by select_scroll */
	bool aligned;      /* pages start at multiples of page (the result list) */
	char jump[64];     /* letters typed to jump, while a jump is going on */
	size_t jump_len;
	double jump_at;    /* when the last of them was typed */
};

/* What the list knows about its items, through the view. */
struct select_src {
	/* Item i's label for type-to-jump (may use buf), or NULL. */
	const char *(*label)(void *ctx, long i, char *buf, size_t len);
	/* Whether item i can be selected (a heading cannot); NULL: all can. */
	bool (*selectable)(void *ctx, long i);
	/* Letters that are commands in the view, on top of the list's own
	 * (j k g G b h l q H): they start no jump. */
	const char *commands;
	void *ctx;
};

/* Sets the number of items, keeping the selection in range and on a
 * selectable item. */
void select_set_count(struct select *s, long n, const struct select_src *src);

/* Sets the rows there are room for and scrolls the selection into view. */
void select_scroll(struct select *s, long page);

/* Draws the highlight of row i at (y, x, w cells) when it is selected;
 * returns the role to draw the row's text in. */
enum role select_row(const struct select *s, long i, int y, int x, int w);

/* With on, the selected row is marked by an arrow, a plain '>' in the
 * first column of the screen, instead of a bar over the row: moving it
 * rewrites two cells, not two rows, and switches no attribute
 * ([display] low_bandwidth, as mutt's arrow_cursor). select_mark_arrow
 * draws it once the rows are drawn (every row leaves the first column
 * blank). */
void select_use_arrow(bool on);
void select_mark_arrow(void);

/* The terminal's cursor stands at the start of the selected row, hidden,
 * for screen readers and magnifiers that follow it: select_row notes
 * where that row is drawn, and the frame moves the cursor there.
 * select_cursor_reset forgets it before a frame is drawn; select_cursor
 * gives it, false when the frame has no selected row. */
void select_cursor_reset(void);
bool select_cursor(int *y, int *x);

/* Words are being typed at (y, x): the cursor stands there instead, this
 * frame, where a screen reader reads what is typed. */
void select_cursor_typing(int y, int x);

/* Up/Down j/k (stop at the ends), PgUp/PgDn b/Space, Home/End g/G, and
 * letters typed to jump to the next item whose label begins with them.
 * ACT_NONE when the key was the list's, else ACT_UNHANDLED. */
struct action select_key(struct select *s, int key, const struct select_src *src);

#endif
