/* Static screens (welcome, definition, about) read from the screens
 * directories, and the help screen: screens/help.txt followed by the key
 * table, so the help can never disagree with the keys. */
#include "ui/ui_view.h"
#include "ui/ui_doc.h"
#include "ui/ui_hints.h"
#include "common/config.h"
#include "common/screenfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct page_view {
	struct view v;
	struct doc doc;
};

static void page_draw(struct view *v, struct app *app, struct area a)
{
	struct page_view *p = (struct page_view *)v;
	struct area inner = {a.y, a.x + 1, a.h, a.w - 2};
	doc_draw(&p->doc, app, inner);
}

static struct action page_key(struct view *v, struct app *app, int key,
			     struct area a)
{
	(void)app;
	struct page_view *p = (struct page_view *)v;
	return doc_key(&p->doc, key, a);
}

static unsigned page_hints(struct view *v, const struct app *app)
{
	(void)app;
	/* On the help screen '?' is where you are already. */
	unsigned help = v->ops == &help_view_ops ? 0 : HINT(HINT_HELP);
	return HINT(HINT_BACK) | help | HINT(HINT_HOME) | HINT(HINT_SCROLL) | HINT(HINT_PAGE);
}

static void page_destroy(struct view *v)
{
	struct page_view *p = (struct page_view *)v;
	doc_free(&p->doc);
	free(p);
}

static const struct view_ops page_ops = {page_draw, page_key, page_hints, page_destroy};
const struct view_ops help_view_ops = {page_draw, page_key, page_hints, page_destroy};

static struct page_view *page_new(const struct view_ops *ops, const char *title)
{
	struct page_view *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->v.ops = ops;
	p->doc = (struct doc)DOC_INIT;
	snprintf(p->v.title, sizeof p->v.title, "%s", title);
	return p;
}

/* Adds the screen file's text; on failure says why on the status bar. */
static int add_screen_file(struct app *app, struct doc *d, const char *file)
{
	size_t len;
	char err[4200];
	char *text = screen_read(app->cfg->screens_dir, file, &len, err, sizeof err);
	if (!text) {
		ui_message(app, true, "%s", err);
		return -1;
	}
	int rc = doc_add(d, text, len, ROLE_NORMAL, 0, -1);
	free(text);
	return rc;
}

struct view *page_view_new(struct app *app, const char *file, const char *title)
{
	struct page_view *p = page_new(&page_ops, title);
	if (!p || add_screen_file(app, &p->doc, file) != 0) {
		if (p)
			page_destroy(&p->v);
		return NULL;
	}
	return &p->v;
}

struct key_help {
	const char *keys, *does;
};

/* The key contract (see README): one table for help and for review. */
static const struct key_help key_table[] = {
	{"1 .. 8", "open an item of the home menu or a database's menu"},
	{"Up/Down, j/k", "move the selection (it stops at the ends), or scroll a line"},
	{"PgDn/Space, PgUp/b", "next / previous page"},
	{"Space", "in a filter's values: tick or untick one; Enter"},
	{"", "applies the ticked ones (any of them), or else"},
	{"", "the one selected. Space never joins a jump"},
	{"Home/g, End/G", "first / last item or line"},
	{"letters", "in a list, jump to the next item beginning with them"},
	{"Enter", "open the selection, submit a search"},
	{"/", "search; typing replaces the last search"},
	{"Ctrl-C, Esc", "stop typing a search, keeping the last one"},
	{"Ctrl-U", "clear the search line while typing"},
	{"f", "filters of the current database"},
	{"c", "clear the search and the filters"},
	{"s", "sort: relevance, newest, oldest, title, in turn"},
	{"Tab, Shift-Tab", "next / previous link in a record"},
	{"y", "cite the record or the selected result (Marked: all)"},
	{"p", "print it on your printer (Marked: all)"},
	{"m", "mark or unmark it; 8 Marked on the home menu lists them"},
	{"Left, h, Backspace", "back one screen, at once"},
	{"Esc", "back too, after esc_delay: Esc waits to tell"},
	{"", "itself apart from arrow keys on slow links"},
	{"H", "home menu"},
	{"?", "this help"},
	{"Ctrl-L", "repaint the screen"},
	{"q", "quit (on the home menu, where allowed)"},
};

struct view *help_view_new(struct app *app)
{
	struct page_view *p = page_new(&help_view_ops, "Help");
	if (!p)
		return NULL;
	/* Without help.txt (said on the status bar) the keys still show. */
	add_screen_file(app, &p->doc, "help.txt");
	int rc = doc_blank(&p->doc);
	rc |= doc_addz(&p->doc, "Keys", ROLE_HEADING, 0);
	for (size_t i = 0; rc == 0 && i < sizeof key_table / sizeof key_table[0]; i++) {
		char line[160];
		snprintf(line, sizeof line, "%-20s %s", key_table[i].keys,
			 key_table[i].does);
		rc = doc_addz(&p->doc, line, ROLE_NORMAL, 2);
	}
	if (rc != 0) {
		page_destroy(&p->v);
		return NULL;
	}
	return &p->v;
}
