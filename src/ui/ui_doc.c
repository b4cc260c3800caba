/* The document scroller: blocks are wrapped once per width, then drawn a
 * screen at a time. Up/Down scroll by line, PgDn/PgUp by page, Home/End
 * jump; Tab/Shift-Tab select the next/previous link and bring it into view. */
#include "ui/ui_doc.h"
#include "common/grow.h"
#include "common/i18n.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

int doc_add(struct doc *d, const char *s, size_t n, enum role role, int indent,
	    int link)
{
	if (grow(&d->blocks, &d->cap_blocks, d->n_blocks, sizeof *d->blocks, 16) != 0)
		return -1;
	char *text = text_clean(s, n, true);
	if (!text)
		return -1;
	d->blocks[d->n_blocks++] = (struct doc_block){text, role, indent, link, 0};
	if (link >= d->n_links)
		d->n_links = link + 1;
	d->laid_width = 0;
	return 0;
}

int doc_addz(struct doc *d, const char *s, enum role role, int indent)
{
	return doc_add(d, s, strlen(s), role, indent, -1);
}

int doc_add_field(struct doc *d, const char *label, const char *value, int indent)
{
	return doc_add_labelled(d, label, value, ROLE_NORMAL, indent, -1);
}

int doc_add_labelled(struct doc *d, const char *label, const char *value,
		     enum role role, int indent, int link)
{
	size_t ll = strlen(label), vl = strlen(value);
	char *s = malloc(ll + vl + 3);
	if (!s)
		return -1;
	memcpy(s, label, ll);
	memcpy(s + ll, ": ", 2);
	memcpy(s + ll + 2, value, vl + 1);
	int rc = doc_add(d, s, ll + vl + 2, role, indent, link);
	free(s);
	if (rc == 0) {
		/* Cleaning may change the label's bytes; find its end again. */
		const char *t = d->blocks[d->n_blocks - 1].text, *colon = strstr(t, ": ");
		d->blocks[d->n_blocks - 1].label_len = colon ? (size_t)(colon - t) + 1 : 0;
	}
	return rc;
}

int doc_blank(struct doc *d)
{
	return doc_addz(d, "", ROLE_NORMAL, 0);
}

static int doc_layout(struct doc *d, int width)
{
	if (d->laid_width == width)
		return 0;
	free(d->lines);
	d->lines = NULL;
	d->n_lines = 0;
	size_t cap = 0;
	for (size_t b = 0; b < d->n_blocks; b++) {
		const struct doc_block *blk = &d->blocks[b];
		struct text_lines tl = {0};
		int w = width - blk->indent;
		if (text_wrap(blk->text, strlen(blk->text), w < 8 ? 8 : w, &tl) != 0)
			return text_lines_free(&tl), -1;
		if (d->n_lines + tl.n > cap) {
			cap = 2 * (d->n_lines + tl.n);
			struct doc_line *l = realloc(d->lines, cap * sizeof *l);
			if (!l)
				return text_lines_free(&tl), -1;
			d->lines = l;
		}
		for (size_t i = 0; i < tl.n; i++)
			d->lines[d->n_lines++] = (struct doc_line){b, tl.v[i]};
		text_lines_free(&tl);
	}
	d->laid_width = width;
	return 0;
}

static int max_top(const struct doc *d, int h)
{
	int m = (int)d->n_lines - h;
	return m > 0 ? m : 0;
}

static void clamp_top(struct doc *d, int h)
{
	if (d->top > max_top(d, h))
		d->top = max_top(d, h);
	if (d->top < 0)
		d->top = 0;
}

/* Draws one wrapped line in segments: its label part, the search terms it
 * holds (marked), and the rest in the block's role. */
static void draw_line(const struct doc *d, const struct doc_line *l, int y, int x, int w)
{
	const struct doc_block *b = &d->blocks[l->block];
	enum role role = b->role;
	if (b->link >= 0)
		role = b->link == d->sel_link ? ROLE_LINK_SELECTED : ROLE_LINK;
	size_t pos = l->span.off, end = l->span.off + l->span.len;
	size_t m_start = end, m_end = end;
	x += b->indent;
	w -= b->indent;
	while (pos < end && w > 0) {
		if (m_start < pos || m_start == end) {
			size_t s, e;
			if (d->n_terms && text_match(b->text + l->span.off, l->span.len,
						     pos - l->span.off, d->terms, d->prefix,
						     d->n_terms, &s, &e))
				m_start = l->span.off + s, m_end = l->span.off + e;
			else
				m_start = m_end = end;
		}
		size_t stop = pos < m_start ? m_start : m_end;
		enum role r = pos < m_start ? role : ROLE_MATCH;
		if (pos < b->label_len && b->label_len < stop)
			stop = b->label_len;
		if (pos < b->label_len && r == role)
			r = ROLE_LABEL;
		int drawn = ui_put(y, x, b->text + pos, stop - pos, w, r);
		x += drawn;
		w -= drawn;
		pos = stop;
		if (pos == m_end)
			m_start = end;   /* look for the next match */
	}
}

void doc_draw(struct doc *d, struct app *app, struct area a)
{
	if (doc_layout(d, a.w) != 0) {
		ui_message(app, true, "%s", _("Out of memory."));
		return;
	}
	for (size_t i = 0; d->anchor >= 0 && i < d->n_lines; i++)
		if (d->lines[i].block == (size_t)d->anchor) {
			d->top = (int)i;
			d->anchor = -1;
		}
	d->anchor = -1;
	clamp_top(d, a.h);
	for (int r = 0; r < a.h && d->top + r < (int)d->n_lines; r++)
		draw_line(d, &d->lines[d->top + r], a.y + r, a.x, a.w);
	if ((int)d->n_lines > a.h) {
		int last = d->top + a.h < (int)d->n_lines ? d->top + a.h : (int)d->n_lines;
		/* TRANSLATORS: at the right of the status line: the lines
		 * shown of all; at most 20 columns. */
		snprintf(app->position, sizeof app->position, _("Lines %1$d-%2$d of %3$zu"),
			 d->top + 1, last, d->n_lines);
	}
}

/* First and last line of link k, or -1. */
static int link_line(const struct doc *d, int k, bool last)
{
	int found = -1;
	for (size_t i = 0; i < d->n_lines; i++)
		if (d->blocks[d->lines[i].block].link == k) {
			found = (int)i;
			if (!last)
				break;
		}
	return found;
}

static void select_link(struct doc *d, int step, int h)
{
	if (d->n_links == 0)
		return;
	d->sel_link = d->sel_link < 0 ? (step > 0 ? 0 : d->n_links - 1)
				      : (d->sel_link + step + d->n_links) % d->n_links;
	int first = link_line(d, d->sel_link, false), last = link_line(d, d->sel_link, true);
	if (first < d->top)
		d->top = first;
	else if (last >= d->top + h)
		d->top = last - h + 1;
}

struct action doc_key(struct doc *d, int key, struct area a)
{
	int page = a.h > 1 ? a.h - 1 : 1;   /* keep one line of context */
	if (key_is_down(key))
		d->top++;
	else if (key_is_up(key))
		d->top--;
	else if (key_is_page_down(key))
		d->top += page;
	else if (key_is_page_up(key))
		d->top -= page;
	else if (key_is_first(key))
		d->top = 0;
	else if (key_is_last(key))
		d->top = max_top(d, a.h);
	else if (key == '\t')
		select_link(d, 1, a.h);
	else if (key == KEY_BTAB)
		select_link(d, -1, a.h);
	else
		return ACTION(ACT_UNHANDLED);
	clamp_top(d, a.h);
	return ACTION(ACT_NONE);
}

void doc_free(struct doc *d)
{
	for (size_t i = 0; i < d->n_blocks; i++)
		free(d->blocks[i].text);
	free(d->blocks);
	free(d->lines);
	*d = (struct doc){0};
}
