/* A database's screen: the search line, the active filters, and the ways
 * in (search, browse by country, browse by keyword, everything). */
#include "ui/ui_dbviews.h"
#include "ui/ui_select.h"
#include "ui/ui_hints.h"
#include "ui/ui_take.h"
#include "common/catalog.h"
#include "common/i18n.h"
#include "store/store.h"
#include "common/text.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct db_view {
	struct view v;
	struct dbshared *sh;       /* owned by app */
	struct select list;
	long total;                /* records in the database */
	long found;                /* records the current search finds */
	unsigned counted;          /* state generation `found` belongs to */
	unsigned data_gen;         /* database file `total` belongs to */
	bool narrow;               /* the short name: the portal's does not fit */
};

enum { WAY_SEARCH, WAY_COUNTRY, WAY_KEYWORD, WAY_FILTERS, WAY_LIST, WAY_RECENT, WAY_STATS,
       N_WAYS };

static void way_label(struct db_view *d, int way, char *buf, size_t len)
{
	const struct db_info *info = &catalog[d->sh->state.db];
	int db = d->sh->state.db;
	char n[24];
	unsigned long found = (unsigned long)d->found;
	switch (way) {
	case WAY_SEARCH:
		/* TRANSLATORS: a database's menu item; %s is the database's
		 * name, / the key that starts typing. */
		snprintf(buf, len, _("Search %s (/)"),
			 _(d->narrow ? info->title : info->portal_title));
		break;
	case WAY_COUNTRY:
		snprintf(buf, len, "%s", _("Browse by country"));
		break;
	case WAY_KEYWORD:
		snprintf(buf, len, "%s", _("Browse by keyword"));
		break;
	case WAY_FILTERS:
		/* TRANSLATORS: f is the key that opens the filters. */
		snprintf(buf, len, "%s", _("Filters (f)"));
		break;
	case WAY_LIST:
		format_count(n, sizeof n, d->found);
		if (dbstate_active(&d->sh->state))
			snprintf(buf, len, db_pick(db, ngettext("Show the %s case found",
								"Show the %s cases found", found),
						   ngettext("Show the %s law found",
							    "Show the %s laws found", found),
						   ngettext("Show the %s publication found",
							    "Show the %s publications found", found)),
				 n);
		else
			snprintf(buf, len, db_pick(db, ngettext("All %s case, newest first",
								"All %s cases, newest first", found),
						   ngettext("All %s law, newest first",
							    "All %s laws, newest first", found),
						   ngettext("All %s publication, newest first",
							    "All %s publications, newest first", found)),
				 n);
		break;
	case WAY_RECENT:
		snprintf(buf, len, "%s", _("Recently added"));
		break;
	case WAY_STATS:
		snprintf(buf, len, "%s", !dbstate_active(&d->sh->state) ? _("Statistics")
			 : db_pick(db, _("Statistics of the cases found"),
				   _("Statistics of the laws found"),
				   _("Statistics of the publications found")));
		break;
	}
}

static const char *way_jump_label(void *ctx, long i, char *buf, size_t len)
{
	way_label(ctx, (int)i, buf, len);
	return buf;
}

/* Counts again what the database holds and what the search finds, when
 * either changed. */
static void recount(struct db_view *d, struct app *app)
{
	if (d->data_gen != app->data_generation) {
		long n = store_count(app->store, d->sh->state.db);
		d->total = n >= 0 ? n : d->total;
		d->data_gen = app->data_generation;
		d->counted = d->sh->state.generation - 1;   /* count again too */
	}
	if (d->counted != d->sh->state.generation) {
		struct search q;
		dbstate_search(&d->sh->state, &q);
		d->found = store_search_count(app->store, &q);
		if (d->found < 0)
			ui_message(app, true, "%s", store_error(app->store));
		d->counted = d->sh->state.generation;
	}
}

static void db_draw(struct view *v, struct app *app, struct area a)
{
	struct db_view *d = (struct db_view *)v;
	recount(d, app);
	int y = a.y + db_header_draw(d->sh, a);
	ui_rule(y++, a.x + 1, a.w - 2);
	char line[400], count[160];
	const struct db_info *info = &catalog[d->sh->state.db];
	if (dbstate_active(&d->sh->state) && d->found >= 0)
		db_found_text(count, sizeof count, d->sh->state.db, d->found, d->total);
	else
		db_count_text(count, sizeof count, d->sh->state.db, d->total);
	/* "Case Law Database: 3 of 46 cases", or "Case Law: ..." where the
	 * portal's name would not leave room for the counts. */
	for (int portal = 1; portal >= 0; portal--) {
		/* TRANSLATORS: a database's name, then how many records it
		 * holds or the search found ("Case Law Database: 46 cases"). */
		snprintf(line, sizeof line, _("%1$s: %2$s"),
			 _(portal ? info->portal_title : info->title), count);
		char search[300];
		d->narrow = false;
		way_label(d, WAY_SEARCH, search, sizeof search);
		d->narrow = !portal;
		if (text_width(line, strlen(line)) <= a.w - 4
		    && text_width(search, strlen(search)) + 4 <= a.w - 4)
			break;
	}
	ui_puts_fit(y, a.x + 2, line, a.w - 4, ROLE_HEADING, NULL);
	y += 2;
	select_scroll(&d->list, a.y + a.h - y);
	for (long i = d->list.top; i < N_WAYS && y < a.y + a.h; i++, y++) {
		char label[300];
		way_label(d, (int)i, label, sizeof label);
		snprintf(line, sizeof line, " %ld  %s", i + 1, label);
		ui_puts_fit(y, a.x + 2, line, a.w - 4,
			    select_row(&d->list, i, y, a.x + 2, a.w - 4), NULL);
	}
}

static struct action open_way(struct db_view *d, struct app *app, int way)
{
	const struct db_info *info = &catalog[d->sh->state.db];
	const char *country[] = {info->country_facet};
	switch (way) {
	case WAY_SEARCH:
		db_edit_start(d->sh);
		return ACTION(ACT_NONE);
	case WAY_COUNTRY:
		return action_push(pick_view_new(app, d->sh, PICK_BROWSE, country, 1,
						 _("Browse by country")));
	case WAY_KEYWORD:
		return action_push(pick_view_new(app, d->sh, PICK_BROWSE, info->browse,
						 info->n_browse, _("Browse by keyword")));
	case WAY_FILTERS:
		return action_push(filters_view_new(app, d->sh, false));
	case WAY_LIST:
		return action_push(list_view_new(app, d->sh));
	case WAY_RECENT:
		return action_push(recent_view_new(app, d->sh->state.db));
	case WAY_STATS:
		return action_push(stats_view_new(app, d->sh));
	}
	return ACTION(ACT_NONE);
}

static struct action db_key(struct view *v, struct app *app, int key, struct area a)
{
	struct db_view *d = (struct db_view *)v;
	(void)a;
	if (d->sh->edit.active) {
		bool submitted = false;
		db_edit_key(d->sh, app, key, &submitted);
		if (submitted && d->sh->state.q.fts)
			return open_way(d, app, WAY_LIST);
		return ACTION(ACT_NONE);
	}
	struct action act = db_common_key(d->sh, app, key, false);
	if (act.kind != ACT_UNHANDLED)
		return act;
	if (key >= '1' && key < '1' + N_WAYS)
		return open_way(d, app, (int)(d->list.sel = key - '1'));
	if (key_is_open(key))
		return open_way(d, app, (int)d->list.sel);
	struct select_src src = {way_jump_label, NULL, DB_COMMAND_LETTERS, d};
	return select_key(&d->list, key, &src);
}

static unsigned db_hints(struct view *v, const struct app *app)
{
	struct db_view *d = (struct db_view *)v;
	(void)app;
	if (d->sh->edit.active)
		return db_edit_hints(d->sh);
	return HINT(HINT_BACK) | HINT(HINT_HELP) | HINT(HINT_HOME) | HINT(HINT_OPEN_1_7)
	       | HINT(HINT_SEARCH) | HINT(HINT_FILTERS) | HINT(HINT_CLEAR);
}

static void db_destroy(struct view *v)
{
	free(v);
}

static const struct view_ops db_ops = {db_draw, db_key, db_hints, db_destroy, NULL};

struct view *db_view_new(struct app *app, int db)
{
	long n = store_count(app->store, db);
	if (n < 0) {
		ui_message(app, true, "%s", store_error(app->store));
		return NULL;
	}
	struct dbshared *sh = db_shared_get(app, db);
	struct db_view *d = sh ? calloc(1, sizeof *d) : NULL;
	if (!d)
		return NULL;
	d->v.ops = &db_ops;
	d->sh = sh;
	d->total = n;
	d->data_gen = app->data_generation;
	d->counted = sh->state.generation - 1;
	struct select_src src = {way_jump_label, NULL, DB_COMMAND_LETTERS, d};
	select_set_count(&d->list, N_WAYS, &src);
	db_view_title(&d->v, db, NULL);
	return &d->v;
}
