/* Two lists of records by title: a database's recently added (newest
 * first, with the day each was added) and the marked records of all three
 * databases. Enter opens a record; y, p and m work on the selected one,
 * and in the marked list y and p take every marked record at once. */
#include "ui/ui_take.h"
#include "ui/ui_dbviews.h"
#include "ui/ui_hints.h"
#include "ui/ui_select.h"
#include "common/i18n.h"
#include "common/text.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many records "Recently added" lists. */
#define RECENT_MAX 200

struct reclist_view {
	struct view v;
	struct select list;
	struct rec_items items;
	int db;                  /* recently added: the database; marked: -1 */
	size_t marks_seen;       /* marked: the marks the items were read for */
	const struct mark *marks_at;
	unsigned data_gen;
	bool loaded;
};

static const char *item_title(void *ctx, long i, char *buf, size_t len)
{
	const struct reclist_view *r = ctx;
	(void)buf, (void)len;
	return i < (long)r->items.n ? r->items.v[i].title : NULL;
}

static struct select_src src_of(struct reclist_view *r)
{
	return (struct select_src){item_title, NULL, TAKE_LETTERS, r};
}

/* Reads the titles again when the marks or the database changed. */
static void load(struct reclist_view *r, struct app *app)
{
	size_t n;
	const struct mark *m = marks_all(&n);
	if (r->loaded && r->data_gen == app->data_generation
	    && (r->db >= 0 || (n == r->marks_seen && m == r->marks_at)))
		return;
	rec_items_free(&r->items);
	r->loaded = true;
	r->data_gen = app->data_generation;
	r->marks_seen = n;
	r->marks_at = m;
	if (r->db >= 0) {
		if (store_recent(app->store, r->db, RECENT_MAX, &r->items) != 0)
			ui_message(app, true, "%s", store_error(app->store));
	} else if (n && (r->items.v = calloc(n, sizeof *r->items.v))) {
		for (size_t i = 0; i < n; i++)
			if (store_item(app->store, m[i].db, m[i].rowid, &r->items.v[r->items.n]) == 0)
				r->items.n++;
	}
	struct select_src src = src_of(r);
	select_set_count(&r->list, (long)r->items.n, &src);
}

/* The marked list's first column: the widest database short name, in
 * the current language, between 12 and 20 columns. */
static int marked_first_cols(void)
{
	int w = 12;
	for (int db = 0; db < DB_COUNT; db++) {
		const char *t = _(catalog[db].title);
		int tw = text_width(t, strlen(t)) + 1;
		w = tw > w ? tw : w;
	}
	return w > 20 ? 20 : w;
}

static void reclist_draw(struct view *v, struct app *app, struct area a)
{
	struct reclist_view *r = (struct reclist_view *)v;
	load(r, app);
	int y = a.y + 1;
	char line[300];
	if (r->items.n == 0) {
		ui_puts_fit(y, a.x + 2, r->db >= 0 ? _("No record says when it was added.")
				/* TRANSLATORS: m is the key that marks. */
				: _("No records are marked: press m on a result or a record."),
			    a.w - 4, ROLE_NORMAL, NULL);
		return;
	}
	if (r->db >= 0)
		/* TRANSLATORS: %s is a database's short name ("Case Law"). */
		snprintf(line, sizeof line, _("%s, newest first"), _(catalog[r->db].title));
	else
		/* TRANSLATORS: y and p are keys. */
		snprintf(line, sizeof line, ngettext("%zu marked: y cites, p prints them all",
						     "%zu marked: y cites, p prints them all",
						     r->items.n), r->items.n);
	ui_puts_fit(y, a.x + 2, line, a.w - 4, ROLE_HEADING, NULL);
	y += 2;
	select_scroll(&r->list, a.y + a.h - y);
	for (long i = r->list.top; i < (long)r->items.n && y < a.y + a.h; i++, y++) {
		const struct rec_item *it = &r->items.v[i];
		enum role role = select_row(&r->list, i, y, a.x + 1, a.w - 2);
		const char *first = r->db >= 0 ? it->added : _(catalog[it->db].title);
		int w = r->db >= 0 ? 11 : marked_first_cols();
		if (r->db >= 0 && marks_has(it->db, it->rowid))
			ui_puts(y, a.x + 1, "*", 1, role);
		ui_puts_fit(y, a.x + 2, first, w - 1, role, NULL);
		ui_puts_fit(y, a.x + 2 + w, it->title, a.w - 4 - w, role, NULL);
	}
}

static const struct rec_item *selected(struct reclist_view *r)
{
	long s = r->list.sel;
	return s >= 0 && s < (long)r->items.n ? &r->items.v[s] : NULL;
}

static struct action reclist_key(struct view *v, struct app *app, int key, struct area a)
{
	struct reclist_view *r = (struct reclist_view *)v;
	(void)a;
	load(r, app);
	const struct rec_item *it = selected(r);
	if (r->db < 0 && (key == 'y' || key == 'p')) {
		size_t n;
		const struct mark *m = marks_all(&n);
		return key == 'y' ? take_cite(app, m, n, NULL) : take_print(app, m, n);
	}
	if (it && key_is_open(key))
		return action_push(record_view_new(app, it->db, it->rowid, false));
	if (it) {
		struct action act = take_key(app, key, it->db, it->rowid, NULL);
		if (act.kind != ACT_UNHANDLED)
			return act;
	}
	struct select_src src = src_of(r);
	return select_key(&r->list, key, &src);
}

static unsigned reclist_hints(struct view *v, const struct app *app)
{
	struct reclist_view *r = (struct reclist_view *)v;
	(void)app;
	unsigned take = !r->items.n ? 0 : r->db >= 0
		? HINT(HINT_CITE) | HINT(HINT_PRINT) | HINT(HINT_MARK)
		: HINT(HINT_CITE_ALL) | HINT(HINT_PRINT_ALL) | HINT(HINT_UNMARK);
	return HINT(HINT_BACK) | HINT(HINT_HELP) | HINT(HINT_HOME)
	       | (r->items.n ? HINT(HINT_OPEN) : 0) | take | HINT(HINT_MOVE);
}

static void reclist_destroy(struct view *v)
{
	struct reclist_view *r = (struct reclist_view *)v;
	rec_items_free(&r->items);
	free(r);
}

static const struct view_ops reclist_ops = {reclist_draw, reclist_key, reclist_hints,
					    reclist_destroy, NULL};

static struct view *reclist_new(int db)
{
	struct reclist_view *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->v.ops = &reclist_ops;
	r->db = db;
	if (db >= 0) /* named as the database's other views are */
		/* TRANSLATORS: in a screen's title, after a database's name. */
		db_view_title(&r->v, db, _("recently added"));
	else
		snprintf(r->v.title, sizeof r->v.title, "%s", _("Marked records"));
	return &r->v;
}

struct view *recent_view_new(struct app *app, int db)
{
	(void)app;
	return reclist_new(db);
}

struct view *marked_view_new(struct app *app)
{
	(void)app;
	return reclist_new(-1);
}
