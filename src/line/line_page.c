/* Line mode's pages: the screen files (welcome, definition, about) read
 * paragraph by paragraph, and help: screens/linehelp.txt followed by the
 * table of what can be typed, so that help cannot disagree with it. */
#include "line/line_screen.h"
#include "common/config.h"
#include "common/screenfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct page {
	struct lscreen sc;
	char title[80];
	char *text;        /* NULL: the file could not be read */
	bool help;
};

struct command_help {
	const char *typed, *does;
};

/* What can be typed in line mode (README, "Line mode"). */
static const struct command_help commands[] = {
	{"a number", "open that item, result, value or link"},
	{"words", "in a database or its results: search for them"},
	{"/words", "search for words that are also commands (/help)"},
	{"Enter alone", "the next page of results, or read on after More?"},
	{"p or previous", "the previous page of results"},
	{"f or filters", "the filters of the database"},
	{"c or clear", "clear the search and the filters"},
	{"s or sort", "sort the results another way: relevance, newest, oldest, title"},
	{"letters", "in a list of values, only the values beginning with them"},
	{"r or repeat", "print the current screen again"},
	{"b or back", "back one screen"},
	{"h or home", "the home menu"},
	{"? or help", "this help"},
	{"q or quit", "end the session (where allowed)"},
};

static void page_show(struct lscreen *sc, struct lsession *s, bool again)
{
	struct page *p = (struct page *)sc;
	struct lout *o = &s->out;
	if (again) {
		lout_printf(o, "Back at %s.", p->title);
		return;
	}
	lout_printf(o, "%s.", p->title);
	if (p->text)
		lout_line(o, p->text);
	if (!p->help)
		return;
	lout_blank(o);
	lout_line(o, "What you can type:");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		char line[200];
		snprintf(line, sizeof line, "%s: %s.", commands[i].typed, commands[i].does);
		lout_text(o, "", line, 2);
	}
}

static void page_prompt(struct lscreen *sc, struct lsession *s, char *buf, size_t len)
{
	(void)sc, (void)s;
	snprintf(buf, len, "r to read again, b to go back, h for home");
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

static const struct lscreen_ops page_ops = {page_show, page_prompt, page_input, page_destroy};

static struct page *page_open(struct lsession *s, const char *file, const char *title,
			      bool help)
{
	struct page *p = calloc(1, sizeof *p);
	if (!p) {
		lout_line(&s->out, "Out of memory.");
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
	struct page *p = page_open(s, "linehelp.txt", "Help", true);
	return p ? &p->sc : NULL;
}
