/* A database's screen: the search line, the active filters, and the ways
 * in (search, browse by country, browse by keyword, everything). It owns
 * the search state that every view above it shares. */
#include "ui/ui_dbviews.h"
#include "common/catalog.h"
#include "store/store.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct db_view {
	struct view v;
	struct dbshared sh;
	int sel;
	long total;                /* records in the database */
	long found;                /* records the current search finds */
	unsigned counted;          /* state generation `found` belongs to */
	unsigned data_gen;         /* database file `total` belongs to */
};

enum { WAY_SEARCH, WAY_COUNTRY, WAY_KEYWORD, WAY_FILTERS, WAY_LIST, N_WAYS };

void format_count(char *buf, size_t len, long n)
{
	char digits[24];
	int nd = snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n);
	size_t o = 0;
	for (int i = 0; i < nd && o + 2 < len; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

static void way_label(struct db_view *d, int way, char *buf, size_t len)
{
	const struct db_info *info = &catalog[d->sh.state.db];
	char n[24];
	switch (way) {
	case WAY_SEARCH:
		snprintf(buf, len, "Search %s (/)", info->title);
		break;
	case WAY_COUNTRY:
		snprintf(buf, len, "Browse by country");
		break;
	case WAY_KEYWORD:
		snprintf(buf, len, "Browse by keyword");
		break;
	case WAY_FILTERS:
		snprintf(buf, len, "Filters (f)");
		break;
	case WAY_LIST:
		format_count(n, sizeof n, d->found);
		if (dbstate_active(&d->sh.state))
			snprintf(buf, len, "Show the %s %s found", n,
				 d->found == 1 ? info->noun : info->nouns);
		else
			snprintf(buf, len, "All %s %s, newest first", n, info->nouns);
		break;
	}
}

static void db_draw(struct view *v, struct app *app, struct area a)
{
	struct db_view *d = (struct db_view *)v;
	if (d->data_gen != app->data_generation) {
		long n = store_count(app->store, d->sh.state.db);
		d->total = n >= 0 ? n : d->total;
		d->data_gen = app->data_generation;
		d->counted = d->sh.state.generation - 1;   /* count again too */
	}
	if (d->counted != d->sh.state.generation) {
		struct search q;
		dbstate_search(&d->sh.state, &q);
		d->found = store_search_count(app->store, &q);
		if (d->found < 0)
			ui_message(app, true, "%s", store_error(app->store));
		d->counted = d->sh.state.generation;
	}
	int y = a.y + db_header_draw(&d->sh, a);
	ui_rule(y++, a.x + 1, a.w - 2);
	char line[160], n[24];
	format_count(n, sizeof n, d->total);
	snprintf(line, sizeof line, "%s: %s %s", catalog[d->sh.state.db].title, n,
		 d->total == 1 ? catalog[d->sh.state.db].noun : catalog[d->sh.state.db].nouns);
	ui_puts(y, a.x + 2, line, a.w - 4, ROLE_HEADING);
	y += 2;
	for (int i = 0; i < N_WAYS && y < a.y + a.h; i++, y++) {
		char label[120];
		way_label(d, i, label, sizeof label);
		snprintf(line, sizeof line, " %d  %s", i + 1, label);
		enum role r = i == d->sel ? ROLE_SELECTED : ROLE_NORMAL;
		if (i == d->sel)
			ui_fill(y, a.x + 2, a.w - 4, r);
		ui_puts(y, a.x + 2, line, a.w - 4, r);
	}
}

static void open_way(struct db_view *d, struct app *app, int way)
{
	const struct db_info *info = &catalog[d->sh.state.db];
	struct view *nv = NULL;
	const char *country[] = {info->country_facet};
	switch (way) {
	case WAY_SEARCH:
		db_edit_start(&d->sh);
		return;
	case WAY_COUNTRY:
		nv = pick_view_new(app, &d->sh, PICK_BROWSE, country, 1, "Browse by country");
		break;
	case WAY_KEYWORD:
		nv = pick_view_new(app, &d->sh, PICK_BROWSE, info->browse, info->n_browse,
				   "Browse by keyword");
		break;
	case WAY_FILTERS:
		nv = filters_view_new(app, &d->sh);
		break;
	case WAY_LIST:
		nv = list_view_new(app, &d->sh);
		break;
	}
	if (nv)
		view_push(app, nv);
}

static enum key_result db_key(struct view *v, struct app *app, int key, struct area a)
{
	struct db_view *d = (struct db_view *)v;
	(void)a;
	if (d->sh.edit.active) {
		bool submitted = false;
		db_edit_key(&d->sh, app, key, &submitted);
		if (submitted && d->sh.state.q.fts)
			open_way(d, app, WAY_LIST);
		return KEY_HANDLED;
	}
	if (db_common_key(&d->sh, app, key, false) == KEY_HANDLED)
		return KEY_HANDLED;
	if (key >= '1' && key < '1' + N_WAYS)
		open_way(d, app, d->sel = key - '1');
	else if (key_is_down(key))
		d->sel = (d->sel + 1) % N_WAYS;
	else if (key_is_up(key))
		d->sel = (d->sel + N_WAYS - 1) % N_WAYS;
	else if (key_is_enter(key) || key == KEY_RIGHT || key == 'l')
		open_way(d, app, d->sel);
	else
		return KEY_UNHANDLED;
	return KEY_HANDLED;
}

static const char *db_hints(struct view *v)
{
	struct db_view *d = (struct db_view *)v;
	if (d->sh.edit.active)
		return "Type words, Enter: search  Esc/Ctrl-C: cancel  Ctrl-U: clear";
	return "1-5 Enter: open  /: search  f: filters  c: clear  Esc: back  ?: help";
}

static void db_destroy(struct view *v)
{
	struct db_view *d = (struct db_view *)v;
	dbstate_free(&d->sh.state);
	free(d);
}

static const struct view_ops db_ops = {db_draw, db_key, db_hints, db_destroy};

struct view *db_view_new(struct app *app, int db)
{
	long n = store_count(app->store, db);
	if (n < 0) {
		ui_message(app, true, "%s", store_error(app->store));
		return NULL;
	}
	struct db_view *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->v.ops = &db_ops;
	dbstate_init(&d->sh.state, db);
	d->total = n;
	d->data_gen = app->data_generation;
	d->counted = d->sh.state.generation - 1;
	d->sel = WAY_SEARCH;
	snprintf(d->v.title, sizeof d->v.title, "%s", catalog[db].title);
	return &d->v;
}
