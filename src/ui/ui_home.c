/* The home menu: the portal's screens and databases, opened by number or
 * by arrows and Enter. */
#include "ui/ui.h"
#include "common/catalog.h"

#include <curses.h>
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
	int sel;
};

static void home_draw(struct view *v, struct app *app, struct area a)
{
	struct home_view *h = (struct home_view *)v;
	(void)app;
	int y = a.y + 1;
	ui_puts(y, a.x + 2, "Human Trafficking Knowledge Portal", a.w - 4, ROLE_HEADING);
	y += 2;
	for (int i = 0; i < N_ITEMS && y < a.y + a.h; i++, y++) {
		char num[8];
		snprintf(num, sizeof num, " %d  ", i + 1);
		enum role r = i == h->sel ? ROLE_SELECTED : ROLE_NORMAL;
		if (i == h->sel)
			ui_fill(y, a.x + 2, a.w - 4, r);
		int w = ui_puts(y, a.x + 2, num, a.w - 4, r);
		ui_puts(y, a.x + 2 + w, items[i].label, a.w - 4 - w, r);
	}
}

static void open_item(struct app *app, int i)
{
	const struct menu_item *it = &items[i];
	struct view *v = NULL;
	switch (it->kind) {
	case ITEM_PAGE:
		v = page_view_new(app, it->file, it->label);
		break;
	case ITEM_DB:
		v = db_view_new(app, it->db);
		break;
	case ITEM_HELP:
		v = help_view_new(app);
		break;
	}
	if (v)
		view_push(app, v);
}

static enum key_result home_key(struct view *v, struct app *app, int key,
				struct area a)
{
	struct home_view *h = (struct home_view *)v;
	(void)a;
	if (key >= '1' && key < '1' + N_ITEMS) {
		h->sel = key - '1';
		open_item(app, h->sel);
	} else if (key_is_down(key)) {
		h->sel = (h->sel + 1) % N_ITEMS;
	} else if (key_is_up(key)) {
		h->sel = (h->sel + N_ITEMS - 1) % N_ITEMS;
	} else if (key == KEY_HOME) {
		h->sel = 0;
	} else if (key == KEY_END) {
		h->sel = N_ITEMS - 1;
	} else if (key_is_enter(key) || key == KEY_RIGHT || key == 'l') {
		open_item(app, h->sel);
	} else {
		return KEY_UNHANDLED;
	}
	return KEY_HANDLED;
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
	return &h->v;
}
