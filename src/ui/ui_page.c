/* Static screens (welcome, definition, about) read from the screens
 * directories, and the help screen: screens/help.txt followed by the key
 * table, so the help can never disagree with the keys. */
#include "ui/ui_view.h"
#include "ui/ui_doc.h"
#include "ui/ui_hints.h"
#include "common/config.h"
#include "common/i18n.h"
#include "common/screenfile.h"
#include "common/text.h"

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

static const struct view_ops page_ops = {page_draw, page_key, page_hints, page_destroy, NULL};
const struct view_ops help_view_ops = {page_draw, page_key, page_hints, page_destroy, NULL};

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

/* The key contract (see README): one table for help and for review.
 * TRANSLATORS: the help screen's table of keys: key names (Enter, Space,
 * letters...) on the left, at most 20 columns, what they do on the right,
 * a line of at most 50 columns for each \n. The letters stay as they are. */
static const struct key_help key_table[] = {
	{"1 .. 8", N_("open an item of the home menu or a database's menu")},
	{N_("Up/Down, j/k"), N_("move the selection (it stops at the ends), or scroll a line")},
	{N_("PgDn/Space, PgUp/b"), N_("next / previous page")},
	{N_("Space"), N_("in a filter's values: tick or untick one; Enter\n"
			 "applies the ticked ones (any of them), or else\n"
			 "the one selected. Space never joins a jump")},
	{N_("Home/g, End/G"), N_("first / last item or line")},
	{N_("letters"), N_("in a list, jump to the next item beginning with them")},
	{N_("Enter"), N_("open the selection, submit a search")},
	{"/", N_("search; typing replaces the last search")},
	{N_("Ctrl-C, Esc"), N_("stop typing a search, keeping the last one")},
	{N_("Ctrl-U"), N_("clear the search line while typing")},
	{"f", N_("filters of the current database")},
	{"c", N_("clear the search and the filters")},
	{"s", N_("sort: relevance, newest, oldest, title, in turn")},
	{N_("Tab, Shift-Tab"), N_("next / previous link in a record")},
	{"y", N_("cite the record or the selected result (Marked: all)")},
	{"p", N_("print it on your printer (Marked: all)")},
	{"m", N_("mark or unmark it; 8 Marked on the home menu lists them")},
	{N_("Left, h, Backspace"), N_("back one screen, at once")},
	{N_("Esc"), N_("back too, after esc_delay: Esc waits to tell\n"
		       "itself apart from arrow keys on slow links")},
	{"H", N_("home menu")},
	{"?", N_("this help")},
	{N_("Ctrl-L"), N_("repaint the screen")},
	{"l", N_("language of the screens (on the home menu)")},
	{"q", N_("quit (on the home menu, where allowed)")},
};

/* One key's rows: the keys padded to 20 columns by display width (not
 * bytes), then each line of what it does, the lines after the first
 * under the first. */
static int add_key_help(struct doc *d, const char *keys, const char *does)
{
	int rc = 0;
	while (rc == 0) {
		size_t n = strcspn(does, "\n");
		char line[400];
		int pad = 20 - text_width(keys, strlen(keys));
		snprintf(line, sizeof line, "%s%*s %.*s", keys, pad > 0 ? pad : 0, "", (int)n, does);
		rc = doc_addz(d, line, ROLE_NORMAL, 2);
		if (!does[n])
			break;
		does += n + 1;
		keys = "";
	}
	return rc;
}

struct view *help_view_new(struct app *app)
{
	struct page_view *p = page_new(&help_view_ops, _("Help"));
	if (!p)
		return NULL;
	/* Without help.txt (said on the status bar) the keys still show. */
	add_screen_file(app, &p->doc, "help.txt");
	int rc = doc_blank(&p->doc);
	rc |= doc_addz(&p->doc, _("Keys"), ROLE_HEADING, 0);
	for (size_t i = 0; rc == 0 && i < sizeof key_table / sizeof key_table[0]; i++)
		rc = add_key_help(&p->doc, _(key_table[i].keys), _(key_table[i].does));
	if (rc != 0) {
		page_destroy(&p->v);
		return NULL;
	}
	return &p->v;
}
