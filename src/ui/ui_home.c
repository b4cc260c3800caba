/* The home menu: the portal's screens and databases, opened by number or
 * by arrows and Enter. */
#include "ui/ui_view.h"
#include "ui/ui_select.h"
#include "common/catalog.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

enum item_kind { ITEM_PAGE, ITEM_DB, ITEM_HELP };

struct menu_item {
	const char *label;
	enum item_kind kind;
	const char *file;   /* ITEM_PAGE */
	int db;             /* ITEM_DB */
};

static const struct menu_item items[] = {
	{"Welcome", ITEM_PAGE, "welcome.txt", 0},
	{"Definition: article 3 of the Protocol", ITEM_PAGE, "definition.txt", 0},
	{"Case Law", ITEM_DB, NULL, DB_CASES},
	{"Legislation", ITEM_DB, NULL, DB_LEGISLATION},
	{"Bibliography", ITEM_DB, NULL, DB_BIBLIOGRAPHY},
	{"Help", ITEM_HELP, NULL, 0},
	{"About", ITEM_PAGE, "about.txt", 0},
};
#define N_ITEMS (int)(sizeof items / sizeof items[0])

struct home_view {
	struct view v;
	struct select list;
};

static const char *item_label(void *ctx, long i, char *buf, size_t len)
{
	(void)ctx, (void)buf, (void)len;
	return items[i].label;
}

static const struct select_src home_src = {item_label, NULL, NULL, NULL};

static void home_draw(struct view *v, struct app *app, struct area a)
{
	struct home_view *h = (struct home_view *)v;
	(void)app;
	int y = a.y + 1;
	ui_puts(y, a.x + 2, "Human Trafficking Knowledge Portal", a.w - 4, ROLE_HEADING);
	y += 2;
	select_scroll(&h->list, a.y + a.h - y);
	for (long i = h->list.top; i < N_ITEMS && y < a.y + a.h; i++, y++) {
		char num[32];
		snprintf(num, sizeof num, " %ld  ", i + 1);
		enum role r = select_row(&h->list, i, y, a.x + 2, a.w - 4);
		int w = ui_puts(y, a.x + 2, num, a.w - 4, r);
		ui_puts(y, a.x + 2 + w, items[i].label, a.w - 4 - w, r);
	}
}

static struct view *open_item(struct app *app, long i)
{
	const struct menu_item *it = &items[i];
	switch (it->kind) {
	case ITEM_PAGE:
		return page_view_new(app, it->file, it->label);
	case ITEM_DB:
		return db_view_new(app, it->db);
	case ITEM_HELP:
		return help_view_new(app);
	}
	return NULL;
}

static struct action home_key(struct view *v, struct app *app, int key, struct area a)
{
	struct home_view *h = (struct home_view *)v;
	(void)a;
	if (key >= '1' && key < '1' + N_ITEMS) {
		h->list.sel = key - '1';
		return action_push(open_item(app, h->list.sel));
	}
	if (key_is_enter(key) || key == KEY_RIGHT || key == 'l')
		return action_push(open_item(app, h->list.sel));
	return select_key(&h->list, key, &home_src);
}

static const char *home_hints(struct view *v)
{
	(void)v;
	return "1-7 or Up/Down+Enter: open  ?: help  q: quit";
}

static void home_destroy(struct view *v)
{
	free(v);
}

static const struct view_ops home_ops = {home_draw, home_key, home_hints, home_destroy};

struct view *home_view_new(void)
{
	struct home_view *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->v.ops = &home_ops;
	select_set_count(&h->list, N_ITEMS, &home_src);
	return &h->v;
}
