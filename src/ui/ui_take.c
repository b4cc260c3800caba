/* y and p: citations on the status line and in a small view, and records
 * printed as plain text (store/cite.h) through the terminal's printer
 * port (media copy: mc5, the text, mc4, in one write by ncurses'
 * mcprint, which leaves the screen as it was) or into the print spool. */
#include "ui/ui_take.h"
#include "ui/ui_doc.h"
#include "ui/ui_hints.h"
#include "ui/ui_motion.h"
#include "common/config.h"
#include "common/i18n.h"
#include "common/spool.h"
#include "common/text.h"
#include "store/cite.h"
#include "store/store.h"

#include <curses.h>
#include <term.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cite_view {
	struct view v;
	struct doc doc;
};

static void cite_draw(struct view *v, struct app *app, struct area a)
{
	struct cite_view *c = (struct cite_view *)v;
	doc_draw(&c->doc, app, (struct area){a.y + 1, a.x + 1, a.h - 1, a.w - 2});
}

static struct action cite_key(struct view *v, struct app *app, int key, struct area a)
{
	(void)app;
	struct cite_view *c = (struct cite_view *)v;
	return doc_key(&c->doc, key, (struct area){a.y + 1, a.x + 1, a.h - 1, a.w - 2});
}

static unsigned cite_hints(struct view *v, const struct app *app)
{
	(void)v, (void)app;
	return HINT(HINT_BACK) | HINT(HINT_HELP) | HINT(HINT_HOME) | HINT(HINT_SCROLL);
}

static void cite_destroy(struct view *v)
{
	struct cite_view *c = (struct cite_view *)v;
	doc_free(&c->doc);
	free(c);
}

static const struct view_ops cite_ops = {cite_draw, cite_key, cite_hints, cite_destroy, NULL};

/* Reads item it's record and its citation; NULL after a status-bar message. */
static char *cite_of(struct app *app, const struct mark *it, const char *article,
		     struct record *rec)
{
	int rc = store_record(app->store, it->db, it->rowid, rec);
	if (rc != 0) {
		ui_message(app, true, "%s", rc > 0 ? _("That record is no longer in the database.")
						 : store_error(app->store));
		return NULL;
	}
	char *c = record_cite(rec, article);
	if (!c) {
		record_free(rec);
		ui_message(app, true, "%s", _("Out of memory."));
	}
	return c;
}

struct action take_cite(struct app *app, const struct mark *items, size_t n,
			const char *article)
{
	if (n == 0) {
		ui_message(app, false, "%s", _("No records to cite."));
		return ACTION(ACT_NONE);
	}
	struct cite_view *c = calloc(1, sizeof *c);
	if (!c)
		return ACTION(ACT_NONE);
	c->v.ops = &cite_ops;
	c->doc = (struct doc)DOC_INIT;
	if (n == 1)
		snprintf(c->v.title, sizeof c->v.title, "%s", _("Citation"));
	else
		snprintf(c->v.title, sizeof c->v.title, ngettext("Citations (%zu)", "Citations (%zu)",
								 n), n);
	for (size_t i = 0; i < n; i++) {
		struct record rec;
		char *line = cite_of(app, &items[i], article, &rec);
		if (!line) {
			cite_destroy(&c->v);
			return ACTION(ACT_NONE);
		}
		int rc = (i ? doc_blank(&c->doc) : 0) | doc_addz(&c->doc, line, ROLE_NORMAL, 0);
		if (i == 0)
			ui_message(app, false, "%s", line);
		free(line);
		record_free(&rec);
		if (rc != 0) {
			cite_destroy(&c->v);
			return ACTION(ACT_NONE);
		}
	}
	if (n > 1)
		ui_message(app, false, ngettext("%zu citation, one a paragraph, to copy.",
						"%zu citations, one a paragraph, to copy.", n), n);
	return action_push(&c->v);
}

struct printout {
	char *buf;
	size_t len, cap;
	long pages;
};

/* Appends a page break (form feed) to p. Returns 0 or -1. */
static int page_break(struct printout *p)
{
	if (p->len + 2 > p->cap) {
		char *nb = realloc(p->buf, p->len + 4096);
		if (!nb)
			return -1;
		p->buf = nb;
		p->cap = p->len + 4096;
	}
	p->buf[p->len++] = '\f';
	p->buf[p->len] = '\0';
	return 0;
}

/* Every item as plain text, a form feed between records; the pages a
 * record takes are counted by PRINT_PAGE_LINES. Returns 0 or -1. */
static int make_printout(struct app *app, const struct mark *items, size_t n,
			 struct printout *p)
{
	char date[16] = "";
	if (store_data_date(app->store, date, sizeof date) != 0)
		date[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		struct record rec;
		char *cite = cite_of(app, &items[i], NULL, &rec);
		if (!cite)
			return -1;
		size_t nlines = 0;
		int rc = i ? page_break(p) : 0;
		if (rc == 0)
			rc = record_text(&rec, cite, date, &p->buf, &p->len, &p->cap, &nlines);
		p->pages += ((long)nlines + PRINT_PAGE_LINES - 1) / PRINT_PAGE_LINES;
		free(cite);
		record_free(&rec);
		if (rc != 0) {
			ui_message(app, true, "%s", _("Out of memory."));
			return -1;
		}
	}
	return 0;
}

/* The text in the terminal's charset, lines ended by CR LF (the tty's own
 * newline translation is off under curses); a malloc'd copy, *len bytes. */
static char *for_terminal(const char *text, size_t *len)
{
	char *conv = text_convert(text);
	if (!conv)
		return NULL;
	size_t n = strlen(conv), lf = 0;
	for (size_t i = 0; i < n; i++)
		lf += conv[i] == '\n';
	char *out = malloc(n + lf + 1);
	if (out) {
		size_t o = 0;
		for (size_t i = 0; i < n; i++) {
			if (conv[i] == '\n')
				out[o++] = '\r';
			out[o++] = conv[i];
		}
		out[o] = '\0';
		*len = o;
	}
	free(conv);
	return out;
}

static bool has_cap(const char *name)
{
	const char *s = tigetstr(name);
	return s && s != (char *)-1 && *s;
}

/* Through the printer port. false when the terminal has none. */
static bool print_terminal(struct app *app, const struct printout *p)
{
	if (!has_cap("mc5") || !has_cap("mc4"))
		return false;
	size_t len = 0;
	char *out = for_terminal(p->buf, &len);
	if (!out || len > (size_t)0x7fffffff) {
		free(out);
		ui_message(app, true, "%s", _("Out of memory."));
		return true;
	}
	/* mcprint sends mc5, the text and mc4 in one write of its own; the
	 * screen ncurses keeps is not touched, so the next frame is as small
	 * as ever. */
	int rc = mcprint(out, (int)len);
	free(out);
	/* Where the terminal left its cursor while it printed is its own
	 * business: the next frame's first move does not count on it. */
	motion_forget();
	if (rc == ERR)
		ui_message(app, true, "%s", _("Could not send to your printer."));
	else
		ui_message(app, false, ngettext("Sent to your printer: %ld page.",
						"Sent to your printer: %ld pages.",
						(unsigned long)p->pages), p->pages);
	return true;
}

static void print_spool(struct app *app, const struct printout *p)
{
	char name[96], err[300];
	if (spool_write(p->buf, p->len, name, sizeof name, err, sizeof err) != 0)
		ui_message(app, true, "%s", err);
	else
		/* TRANSLATORS: %2$s is the name of the print job's file. */
		ui_message(app, false, ngettext("Sent to the print service: %1$ld page (%2$s).",
						"Sent to the print service: %1$ld pages (%2$s).",
						(unsigned long)p->pages), p->pages, name);
}

struct action take_print(struct app *app, const struct mark *items, size_t n)
{
	if (n == 0) {
		ui_message(app, false, "%s", _("No records to print."));
		return ACTION(ACT_NONE);
	}
	const char *why = NULL;
	if (app->cfg->print_method == PRINT_OFF)
		why = ngettext("Printing is off on this kiosk; copy the citation instead.",
			       "Printing is off on this kiosk; copy the citations instead.", n);
	else if (app->cfg->print_method == PRINT_TERMINAL && (!has_cap("mc5") || !has_cap("mc4")))
		why = ngettext("This terminal cannot print (no printer port); copy the citation instead.",
			       "This terminal cannot print (no printer port); copy the citations instead.",
			       n);
	if (why) {
		struct action a = take_cite(app, items, n, NULL);
		ui_message(app, true, "%s", why);
		return a;
	}
	struct printout p = {0};
	if (make_printout(app, items, n, &p) == 0) {
		if (app->cfg->print_method == PRINT_SPOOL)
			print_spool(app, &p);
		else
			print_terminal(app, &p);
	}
	free(p.buf);
	return ACTION(ACT_NONE);
}

struct action take_key(struct app *app, int key, int db, long rowid, const char *article)
{
	struct mark one = {db, rowid};
	switch (key) {
	case 'y':
		return take_cite(app, &one, 1, article);
	case 'p':
		return take_print(app, &one, 1);
	case 'm':
		marks_toggle(app, db, rowid);
		return ACTION(ACT_NONE);
	}
	return ACTION(ACT_UNHANDLED);
}
