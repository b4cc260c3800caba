/* Line mode's pages: the screen files (welcome, definition, about) read
 * paragraph by paragraph, and help: screens/linehelp.txt followed by the
 * table of what can be typed, so that help cannot disagree with it. */
#define _GNU_SOURCE   /* asprintf */
#include "line/line_screen.h"
#include "common/config.h"
#include "common/i18n.h"
#include "common/screenfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct page {
	struct lscreen sc;
	char title[80];    /* English, translated where it is shown */
	char *text;        /* NULL: the file could not be read */
	bool help;
};

struct command_help {
	const char *typed, *does;
};

/* What can be typed in line mode (README, "Line mode"). The commands
 * themselves are typed the same in every language: their descriptions
 * are translated, and the words of the commands stay. */
static const struct command_help commands[] = {
	/* TRANSLATORS: line mode's help: what can be typed, then what it
	   does. Keys and command words (p, previous, f, filters, /help,
	   More?...) stay as they are; "a number", "words", "Enter alone" and
	   "letters" describe what is typed and are translated. */
	{N_("a number"), N_("open that item, result, value or link")},
	{N_("words"), N_("in a database or its results: search for them")},
	{N_("/words"), N_("search for words that are also commands (/help)")},
	{N_("Enter alone"), N_("the next page of results, or read on after More?")},
	{N_("p or previous"), N_("the previous page of results")},
	{N_("f or filters"), N_("the filters of the database")},
	{N_("c or clear"), N_("clear the search and the filters")},
	{N_("s or sort"), N_("sort the results another way: relevance, newest, oldest, title")},
	{N_("letters"), N_("in a list of values, only the values beginning with them")},
	{N_("l or language"), N_("on the home menu: choose another language")},
	{N_("r or repeat"), N_("print the current screen again")},
	{N_("b or back"), N_("back one screen")},
	{N_("h or home"), N_("the home menu")},
	{N_("? or help"), N_("this help")},
	{N_("q or quit"), N_("end the session (where allowed)")},
};

static void page_show(struct lscreen *sc, struct lsession *s, bool again)
{
	struct page *p = (struct page *)sc;
	struct lout *o = &s->out;
	if (again) {
		/* TRANSLATORS: %s is a page's title ("Welcome", "Help"). */
		lout_printf(o, _("Back at %s."), _(p->title));
		return;
	}
	/* TRANSLATORS: a page's title as its first line. */
	lout_printf(o, _("%s."), _(p->title));
	if (p->text)
		lout_line(o, p->text);
	if (!p->help)
		return;
	lout_blank(o);
	lout_line(o, _("What you can type:"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		char *line;
		/* TRANSLATORS: a line of line mode's help: what is typed ("b or
		   back"), then what it does ("back one screen"). */
		if (asprintf(&line, _("%s: %s."), _(commands[i].typed), _(commands[i].does)) < 0)
			break;
		lout_text(o, "", line, 2);
		free(line);
	}
}

static void page_prompt(struct lscreen *sc, struct lsession *s, char *buf, size_t len)
{
	(void)sc, (void)s;
	snprintf(buf, len, "%s", _("r to read again, b to go back, h for home"));
}

static struct lact page_input(struct lscreen *sc, struct lsession *s, const char *line)
{
	(void)sc, (void)s, (void)line;
	return LACT(LACT_UNHANDLED);
}

static void page_destroy(struct lscreen *sc)
{
	struct page *p = (struct page *)sc;
	free(p->text);
	free(p);
}

static const struct lscreen_ops page_ops = {page_show, page_prompt, page_input, page_destroy,
					      NULL};

static struct page *page_open(struct lsession *s, const char *file, const char *title,
			      bool help)
{
	struct page *p = calloc(1, sizeof *p);
	if (!p) {
		lout_line(&s->out, _("Out of memory."));
		return NULL;
	}
	p->sc.ops = &page_ops;
	p->help = help;
	snprintf(p->title, sizeof p->title, "%s", title);
	size_t len;
	char err[4200];
	if (!(p->text = screen_read(s->cfg->screens_dir, file, &len, err, sizeof err)))
		lout_printf(&s->out, "%s.", err);
	return p;
}

struct lscreen *line_page_new(struct lsession *s, const char *file, const char *title)
{
	struct page *p = page_open(s, file, title, false);
	if (p && !p->text) {
		page_destroy(&p->sc);
		return NULL;
	}
	return p ? &p->sc : NULL;
}

struct lscreen *line_help_new(struct lsession *s)
{
	/* Without linehelp.txt (said in a line) the commands still show. */
	struct page *p = page_open(s, "linehelp.txt", N_("Help"), true);
	return p ? &p->sc : NULL;
}
