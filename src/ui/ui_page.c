/* Static screens (welcome, definition, about) read from the screens
 * directories, and the help screen: screens/help.txt followed by the key
 * table, so the help can never disagree with the keys. */
#include "ui/ui_view.h"
#include "ui/ui_doc.h"
#include "ui/ui_hints.h"
#include "common/config.h"

#include <errno.h>
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

/* Reads a whole file; NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0;
	for (;;) {
		if (n + 4096 > cap) {
			char *b = realloc(buf, cap = 2 * cap + 4096);
			if (!b)
				break;
			buf = b;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int err = ferror(f) ? EIO : 0;
	fclose(f);
	if (err || !buf) {
		free(buf);
		errno = err ? err : ENOMEM;
		return NULL;
	}
	*len = n;
	return buf;
}

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

/* Joins the lines of each paragraph, so that a screen file reads well at
 * any width: a newline between two non-blank lines becomes a space unless
 * the second line is indented (lists, tables keep their lines). */
static void reflow(char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == '\n' && i > 0 && s[i - 1] != '\n' && s[i + 1] != '\n'
		    && s[i + 1] != ' ' && s[i + 1] != '\t')
			s[i] = ' ';
}

/* Reads FILE from the first directory of the screens list ("a:b", see
 * htkp.ini(5)) that holds it, so that a site's /etc/htkp/screens/about.txt
 * overrides the packaged one file by file. Only a missing file moves on to
 * the next directory: one that is there but unreadable is an error, not
 * silently replaced by the shipped text. NULL with path and errno set
 * (the last directory's path when no directory holds the file). */
static char *read_screen(const char *dirs, const char *file, char *path,
			 size_t pathlen, size_t *len)
{
	for (const char *d = dirs;;) {
		size_t n = strcspn(d, ":");
		snprintf(path, pathlen, "%.*s/%s", (int)n, d, file);
		char *text = read_file(path, len);
		if (text || errno != ENOENT || d[n] == '\0')
			return text;
		d += n + 1;
	}
}

/* Adds the screen file's text; on failure says why on the status bar. */
static int add_screen_file(struct app *app, struct doc *d, const char *file)
{
	char path[4096];
	size_t len;
	char *text = read_screen(app->cfg->screens_dir, file, path, sizeof path, &len);
	if (!text) {
		ui_message(app, true, "Cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	while (len > 0 && text[len - 1] == '\n')
		len--;
	reflow(text, len);
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
	{"1 .. 7", "open an item of the home menu"},
	{"Up/Down, j/k", "move the selection (it stops at the ends), or scroll a line"},
	{"PgDn/Space, PgUp/b", "next / previous page"},
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
