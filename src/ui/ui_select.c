/* The selectable list: moving, scrolling and type-to-jump for every menu
 * and list. Moves stop at the ends; headings are stepped over; an empty
 * list takes the keys and does nothing (never loops). */
#include "ui/ui_select.h"
#include "common/text.h"

#include <curses.h>
#include <string.h>
#include <time.h>

/* Letters typed within this time of the last one extend the jump. */
#define JUMP_SECONDS 1.2

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static bool can_select(const struct select *s, const struct select_src *src, long i)
{
	return i >= 0 && i < s->n && (!src->selectable || src->selectable(src->ctx, i));
}

/* Selects the selectable item nearest to i going dir, else the nearest
 * going back; each way is at most n steps. */
static void settle(struct select *s, const struct select_src *src, long i, long dir)
{
	if (s->n <= 0) {
		s->sel = s->top = 0;
		return;
	}
	i = i < 0 ? 0 : i >= s->n ? s->n - 1 : i;
	for (long j = i; j >= 0 && j < s->n; j += dir)
		if (can_select(s, src, j)) {
			s->sel = j;
			return;
		}
	for (long j = i - dir; j >= 0 && j < s->n; j -= dir)
		if (can_select(s, src, j)) {
			s->sel = j;
			return;
		}
}

void select_set_count(struct select *s, long n, const struct select_src *src)
{
	s->n = n > 0 ? n : 0;
	settle(s, src, s->sel, 1);
}

void select_scroll(struct select *s, long page)
{
	s->page = page > 0 ? page : 1;
	if (s->aligned) {
		s->top = s->sel - s->sel % s->page;
		return;
	}
	long max_top = s->n - s->page > 0 ? s->n - s->page : 0;
	if (s->top > max_top)
		s->top = max_top;
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + s->page)
		s->top = s->sel - s->page + 1;
	if (s->top < 0)
		s->top = 0;
}

static int cursor_y = -1, cursor_x;   /* the selected row of this frame */
static int typing_y = -1, typing_x;   /* where words are typed, first */
static bool arrow;                    /* select_use_arrow */

void select_use_arrow(bool on)
{
	arrow = on;
}

void select_cursor_reset(void)
{
	cursor_y = typing_y = -1;
}

void select_cursor_typing(int y, int x)
{
	typing_y = y, typing_x = x;
}

bool select_cursor(int *y, int *x)
{
	if (typing_y >= 0) {
		*y = typing_y, *x = typing_x;
		return true;
	}
	*y = cursor_y, *x = cursor_x;
	return cursor_y >= 0;
}

enum role select_row(const struct select *s, long i, int y, int x, int w)
{
	if (i != s->sel || s->n == 0)
		return ROLE_NORMAL;
	if (arrow) {   /* select_mark_arrow draws it over the row's text */
		cursor_y = y, cursor_x = 0;
		return ROLE_NORMAL;
	}
	ui_fill(y, x, w, ROLE_SELECTED);
	cursor_y = y, cursor_x = x;
	return ROLE_SELECTED;
}

void select_mark_arrow(void)
{
	if (arrow && cursor_y >= 0)
		ui_puts(cursor_y, 0, ">", 1, ROLE_NORMAL);   /* no attribute to switch */
}

static bool is_command(const struct select_src *src, int c)
{
	return strchr("jkgGbhlqH", c) || (src->commands && strchr(src->commands, c));
}

/* The first selectable item from `from` on (wrapping) whose label begins
 * with want, or -1. */
static long find_prefix(const struct select *s, const struct select_src *src, long from,
			const char *want)
{
	for (long k = 0; k < s->n; k++) {
		long i = (from + k) % s->n;
		char buf[256];
		const char *label = can_select(s, src, i) ? src->label(src->ctx, i, buf, sizeof buf)
							  : NULL;
		if (label && text_starts_with(label, want))
			return i;
	}
	return -1;
}

/* Letter c typed: extends the jump when one is going on, else starts one
 * (unless c is a command), and selects the next item the letters begin.
 * A letter that extends the jump to no item starts a jump of its own, so
 * that letters typed soon after a jump elsewhere in the list (a label
 * typed, Enter, back) are never swallowed. False when c is a command to
 * leave to the view. */
static bool jump(struct select *s, const struct select_src *src, int c)
{
	double now = now_seconds();
	bool going = s->jump_len > 0 && now - s->jump_at < JUMP_SECONDS;
	bool command = c < 0x80 && is_command(src, c);
	if (!going && command)
		return false;
	s->jump_at = now;
	if (!src->label)
		return true;
	char want[sizeof s->jump];
	size_t len = going ? s->jump_len : 0;
	memcpy(want, s->jump, len);
	want[len] = '\0';
	/* A new jump looks past the selection, so that typing the same letter
	 * again goes to the next item; a longer prefix may still fit it. */
	long i = -1;
	if (going && text_append_char(want, &len, sizeof want, (unsigned)c) == 0)
		i = find_prefix(s, src, s->sel, want);
	if (i < 0) {
		if (going && command) {
			s->jump_len = 0;
			return false;
		}
		len = 0;
		want[0] = '\0';
		if (text_append_char(want, &len, sizeof want, (unsigned)c) == 0)
			i = find_prefix(s, src, s->sel + 1, want);
	}
	if (i < 0) {
		s->jump_len = 0;   /* nothing to extend: the next letter starts anew */
		return true;
	}
	s->sel = i;
	memcpy(s->jump, want, len + 1);
	s->jump_len = len;
	return true;
}

struct action select_key(struct select *s, int key, const struct select_src *src)
{
	int c = key_char(key);
	if (c && text_is_letter((unsigned)c) && jump(s, src, c))
		return ACTION(ACT_NONE);
	s->jump_len = 0;
	if (key_is_down(key))
		settle(s, src, s->sel + 1, 1);
	else if (key_is_up(key))
		settle(s, src, s->sel - 1, -1);
	else if (key_is_page_down(key)) {
		settle(s, src, s->sel + s->page, 1);
		if (!s->aligned)
			s->top += s->page;
	} else if (key_is_page_up(key)) {
		settle(s, src, s->sel - s->page, -1);
		if (!s->aligned)
			s->top -= s->page;
	} else if (key_is_first(key))
		settle(s, src, 0, 1);
	else if (key_is_last(key))
		settle(s, src, s->n - 1, -1);
	else
		return ACTION(ACT_UNHANDLED);
	if (s->n > 0 && !s->aligned)
		select_scroll(s, s->page);
	return ACTION(ACT_NONE);
}
