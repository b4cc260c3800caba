/* The home menu: the portal's screens and databases, opened by number or
 * by arrows and Enter. Each database shows how many records it holds, and
 * a line says how old the data is and how to search it. */
#include "ui/ui_view.h"
#include "ui/ui_hints.h"
#include "common/config.h"
#include "ui/ui_select.h"
#include "ui/ui_dbviews.h"
#include "ui/ui_take.h"
#include "common/catalog.h"
#include "common/homemenu.h"
#include "common/i18n.h"
#include "common/numfmt.h"
#include "store/store.h"
#include "common/text.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


struct home_view {
	struct view v;
	struct select list;
	long count[DB_COUNT];   /* records in each database, -1 unknown */
	char date[16];          /* the day the data was imported, "" unknown */
	long added;             /* records added in the last 30 days, -1 unknown */
	unsigned data_gen;      /* the database file these belong to */
	bool counted;
};

/* A database by the portal's name ("Case Law Database"); the short one
 * ("Case Law") where the portal's and the counts do not fit. */
static const char *db_label(long i, bool portal)
{
	return _(home_items[i].kind != HOME_DB ? home_items[i].label
		 : portal ? catalog[home_items[i].db].portal_title : catalog[home_items[i].db].title);
}

static const char *item_label(void *ctx, long i, char *buf, size_t len)
{
	(void)ctx, (void)buf, (void)len;
	return db_label(i, true);
}

static const struct select_src home_src = {item_label, NULL, NULL, NULL};

/* The records of all three databases added in the 30 days up to today,
 * or -1 when the file cannot say. */
static long recently_added(struct app *app)
{
	char since[16];
	time_t t = time(NULL) - 30L * 24 * 3600;
	struct tm tm;
	strftime(since, sizeof since, "%Y-%m-%d", localtime_r(&t, &tm));
	long n = 0;
	for (int db = 0; db < DB_COUNT; db++) {
		long k = store_added_since(app->store, db, since);
		if (k < 0)
			return -1;
		n += k;
	}
	return n;
}

/* Counts the records again when the database file was replaced. */
static void count_records(struct home_view *h, struct app *app)
{
	if (h->counted && h->data_gen == app->data_generation)
		return;
	for (int db = 0; db < DB_COUNT; db++)
		h->count[db] = store_count(app->store, db);
	if (store_data_date(app->store, h->date, sizeof h->date) != 0)
		h->date[0] = '\0';
	h->added = recently_added(app);
	h->data_gen = app->data_generation;
	h->counted = true;
}

/* "46 cases" for a database item, "" for the others. */
static void item_count(const struct home_view *h, long i, char *buf, size_t len)
{
	buf[0] = '\0';
	size_t marked;
	marks_all(&marked);
	if (home_items[i].kind == HOME_MARKED && marked)
		snprintf(buf, len, ngettext("%zu record", "%zu records", marked), marked);
	if (home_items[i].kind != HOME_DB || h->count[home_items[i].db] < 0)
		return;
	db_count_text(buf, len, home_items[i].db, h->count[home_items[i].db]);
}

/* The widest database name, and the widest count, in columns; the
 * counts line up after the names. */
static int names_cols(bool portal)
{
	int w = 0;
	for (long i = 0; i < HOME_N_ITEMS; i++)
		if (home_items[i].kind == HOME_DB) {
			const char *l = db_label(i, portal);
			int lw = text_width(l, strlen(l));
			w = lw > w ? lw : w;
		}
	return w;
}

static int counts_cols(const struct home_view *h)
{
	int w = 0;
	for (long i = 0; i < HOME_N_ITEMS; i++) {
		char count[96];
		item_count(h, i, count, sizeof count);
		int cw = text_width(count, strlen(count));
		w = cw > w ? cw : w;
	}
	return w;
}

/* ccols: counts_cols(h), measured once a frame. */
static void draw_item(const struct home_view *h, long i, int y, struct area a, int ccols)
{
	char num[32], count[96];
	snprintf(num, sizeof num, " %ld  ", i + 1);
	item_count(h, i, count, sizeof count);
	enum role r = select_row(&h->list, i, y, a.x + 2, a.w - 4);
	int w = ui_puts(y, a.x + 2, num, a.w - 4, r);
	/* The portal's names when they and the counts fit beside them; where
	 * even the short names do not (a longer language), the names are cut
	 * before the counts. */
	bool portal = w + names_cols(true) + 2 + ccols <= a.w - 5;
	int lw = count[0] ? names_cols(portal) + 1 : a.w - 4 - w;
	int room = a.w - 5 - w - ccols;
	if (count[0] && lw > room)
		lw = room > 8 ? room : 8;
	ui_puts_fit(y, a.x + 2 + w, db_label(i, portal), lw, r, NULL);
	if (count[0])
		ui_puts_fit(y, a.x + 3 + w + lw, count, a.w - 5 - w - lw, r, NULL);
}

/* Where the data comes from and how to search it, in the lines there are. */
static void draw_notes(const struct home_view *h, int y, int last, struct area a)
{
	char line[300];
	if (h->date[0] && y <= last) {
		unsigned long n = (unsigned long)h->added;
		/* The long form where it fits whole, else the short one. */
		if (h->added >= 0) {
			/* TRANSLATORS: %1$s is a date (2024-05-31), %2$ld a count
			 * of records. */
			snprintf(line, sizeof line, ngettext("Data of %1$s; %2$ld added in the last 30 days.",
							     "Data of %1$s; %2$ld added in the last 30 days.", n),
				 h->date, h->added);
			if (text_width(line, strlen(line)) > a.w - 4 || a.w < 60)
				/* TRANSLATORS: the same, for a 40-column screen:
				 * at most 36 columns. */
				snprintf(line, sizeof line, ngettext("Data %1$s, %2$ld new (30 days)",
								     "Data %1$s, %2$ld new (30 days)", n),
					 h->date, h->added);
		} else {
			/* TRANSLATORS: %s is a date (2024-05-31). */
			snprintf(line, sizeof line, _("Data imported %s."), h->date);
		}
		ui_puts_fit(y++, a.x + 2, line, a.w - 4, ROLE_DIM, NULL);
	}
	if (y <= last)
		ui_puts_fit(y, a.x + 2, _("To search, open 3-5 and press /."),
			    a.w - 4, ROLE_DIM, NULL);
}

static void home_draw(struct view *v, struct app *app, struct area a)
{
	struct home_view *h = (struct home_view *)v;
	count_records(h, app);
	/* A blank line, the items and two notes; the heading and more blank
	 * lines when there is room (the title bar names the portal anyway).
	 * The line under the title bar stays blank: where a terminal wraps
	 * differently from its TERM's terminfo (TERM=ansi in xterm or tmux),
	 * ncurses' step down from a full title bar lands on the wrong line. */
	int spare = a.h - HOME_N_ITEMS - 2;
	int y = a.y + 1;
	if (spare >= 3) {
		ui_puts_fit(y, a.x + 2, _("Human Trafficking Knowledge Portal"), a.w - 4,
			    ROLE_HEADING, NULL);
		y += 2;
	}
	int end = a.y + a.h - 2 - (spare >= 4);
	select_scroll(&h->list, end - y);
	int ccols = counts_cols(h);
	for (long i = h->list.top; i < HOME_N_ITEMS && y < end; i++, y++)
		draw_item(h, i, y, a, ccols);
	draw_notes(h, y + (spare >= 4), a.y + a.h - 1, a);
}

static struct view *open_item(struct app *app, long i)
{
	const struct home_item *it = &home_items[i];
	switch (it->kind) {
	case HOME_PAGE:
		return page_view_new(app, it->file, _(it->label));
	case HOME_DB:
		return db_view_new(app, it->db);
	case HOME_HELP:
		return help_view_new(app);
	case HOME_MARKED:
		return marked_view_new(app);
	}
	return NULL;
}

static struct action home_key(struct view *v, struct app *app, int key, struct area a)
{
	struct home_view *h = (struct home_view *)v;
	(void)a;
	if (key >= '1' && key < '1' + HOME_N_ITEMS) {
		h->list.sel = key - '1';
		return action_push(open_item(app, h->list.sel));
	}
	/* l is the language here (the hint says so), not "open" as in lists:
	 * a reader who cannot read the menu finds the key on the status line. */
	if (key == 'l')
		return action_push(language_view_new(app));
	if (key_is_open(key))
		return action_push(open_item(app, h->list.sel));
	return select_key(&h->list, key, &home_src);
}

static unsigned home_hints(struct view *v, const struct app *app)
{
	(void)v;
	return HINT(HINT_OPEN_1_8) | HINT(HINT_HELP) | HINT(HINT_LANGUAGE) | HINT(HINT_MOVE)
	       | (app->cfg->allow_quit ? HINT(HINT_QUIT) : 0);
}

static void home_destroy(struct view *v)
{
	free(v);
}

static const struct view_ops home_ops = {home_draw, home_key, home_hints, home_destroy, NULL};

struct view *home_view_new(void)
{
	struct home_view *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->v.ops = &home_ops;
	select_set_count(&h->list, HOME_N_ITEMS, &home_src);
	return &h->v;
}
