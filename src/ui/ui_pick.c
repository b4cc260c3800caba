/* A list of facet values with their counts, for browsing by country or
 * keyword and for choosing a filter's value. Counts take the search and
 * the other filters into account, like the portal's left column. */
#include "ui/ui_dbviews.h"
#include "ui/ui_select.h"
#include "ui/ui_hints.h"
#include "common/catalog.h"
#include "common/grow.h"
#include "store/store.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pick_item {
	const char *field;      /* NULL for a heading */
	char *value;            /* NULL for "(any)" */
	long count;
	const char *label;      /* heading text */
};

struct pick_view {
	struct view v;
	struct dbshared *sh;
	enum pick_mode mode;
	struct pick_item *items;
	size_t n;
	struct select list;
	const char *fields[CATALOG_MAX_FILTERS];   /* catalog names (static) */
	size_t n_fields;
	unsigned gen;                /* state generation the counts belong to */
};

static bool selectable(void *ctx, long i)
{
	const struct pick_view *p = ctx;
	return i >= 0 && i < (long)p->n && (p->items[i].field || !p->items[i].label);
}

static const char *item_label(void *ctx, long i, char *buf, size_t len)
{
	const struct pick_view *p = ctx;
	(void)buf, (void)len;
	return p->items[i].value;
}

static struct select_src pick_src(struct pick_view *p)
{
	return (struct select_src){item_label, selectable, DB_COMMAND_LETTERS, p};
}

static int add_item(struct pick_view *p, size_t *cap, struct pick_item it)
{
	if (grow(&p->items, cap, p->n, sizeof *p->items, 64) != 0)
		return -1;
	p->items[p->n++] = it;
	return 0;
}

/* Loads the values of each field, under a heading when there are several. */
static int load(struct pick_view *p, struct app *app, const char *const *fields,
		size_t n_fields)
{
	struct search q;
	size_t cap = 0;
	dbstate_search(&p->sh->state, &q);
	/* First, a way to remove the filter being chosen. */
	if (p->mode != PICK_BROWSE && add_item(p, &cap, (struct pick_item){.field = fields[0]}) != 0)
		return -1;
	for (size_t f = 0; f < n_fields; f++) {
		const struct filter_info *fi = catalog_filter(p->sh->state.db, fields[f]);
		struct facet_list list;
		if (n_fields > 1 && add_item(p, &cap, (struct pick_item){
				.label = fi ? fi->label : fields[f]}) != 0)
			return -1;
		if (store_facet(app->store, &q, fields[f], &list) != 0) {
			ui_message(app, true, "%s", store_error(app->store));
			return -1;
		}
		for (size_t i = 0; i < list.n; i++) {
			if (add_item(p, &cap, (struct pick_item){fields[f], list.v[i].value,
					list.v[i].count, NULL}) != 0) {
				facet_list_free(&list);
				return -1;
			}
			list.v[i].value = NULL;   /* moved into the item */
		}
		facet_list_free(&list);
	}
	return 0;
}

static void free_items(struct pick_view *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i].value);
	free(p->items);
	p->items = NULL;
	p->n = 0;
}

/* Counts again when the search or filters changed under the picker (a
 * search typed here, a filter cleared), keeping the selected value. */
static void refresh_counts(struct pick_view *p, struct app *app)
{
	if (p->gen == p->sh->state.generation)
		return;
	p->gen = p->sh->state.generation;
	free_items(p);
	if (load(p, app, p->fields, p->n_fields) != 0)
		free_items(p);
	struct select_src src = pick_src(p);
	select_set_count(&p->list, (long)p->n, &src);
}

static void pick_draw(struct view *v, struct app *app, struct area a)
{
	struct pick_view *p = (struct pick_view *)v;
	refresh_counts(p, app);
	int y = a.y + db_header_draw(p->sh, a);
	ui_rule(y++, a.x + 1, a.w - 2);
	struct select *s = &p->list;
	select_scroll(s, a.y + a.h - y);
	bool only_any = p->n == 1 && !p->items[0].value;
	if (p->n == 0 || only_any)
		ui_puts(y + (int)p->n, a.x + 3,
			"Nothing to choose from: no record has a value here.", a.w - 4,
			ROLE_NORMAL);
	for (long i = s->top; i < (long)p->n && y < a.y + a.h; i++, y++) {
		const struct pick_item *it = &p->items[i];
		if (!it->field && it->label) {
			ui_puts(y, a.x + 1, it->label, a.w - 2, ROLE_HEADING);
			continue;
		}
		char count[32] = "";
		if (it->value)
			format_count(count, sizeof count, it->count);
		int cw = (int)strlen(count);
		enum role r = select_row(s, i, y, a.x + 1, a.w - 2);
		ui_puts_fit(y, a.x + 3, it->value ? it->value : "(any: remove this filter)",
			    a.w - cw - 7, r, NULL);
		ui_puts(y, a.x + a.w - cw - 2, count, cw, r);
	}
	if ((long)p->n > s->page)
		snprintf(app->position, sizeof app->position, "%ld-%ld of %zu", s->top + 1,
			 s->top + s->page < (long)p->n ? s->top + s->page : (long)p->n, p->n);
}

/* Sets one end of the year range; a range given backwards is turned
 * round rather than left to match nothing. */
static void set_year(struct dbstate *st, struct app *app, bool from, int year)
{
	*(from ? &st->year_from : &st->year_to) = year;
	if (st->year_from && st->year_to && st->year_from > st->year_to) {
		int t = st->year_from;
		st->year_from = st->year_to;
		st->year_to = t;
		ui_message(app, false, "Years turned round: %d to %d.", st->year_from,
			   st->year_to);
	}
	st->generation++;
}

static struct action choose(struct pick_view *p, struct app *app)
{
	if (!selectable(p, p->list.sel))
		return ACTION(ACT_NONE);
	const struct pick_item *it = &p->items[p->list.sel];
	struct dbstate *st = &p->sh->state;
	int rc = 0;
	switch (p->mode) {
	case PICK_YEAR_FROM:
	case PICK_YEAR_TO:
		set_year(st, app, p->mode == PICK_YEAR_FROM, it->value ? atoi(it->value) : 0);
		break;
	case PICK_FILTER:
	case PICK_BROWSE:
		rc = dbstate_set_filter(st, it->field, it->value);
		break;
	}
	if (rc != 0) {
		ui_message(app, true, "Cannot set this filter.");
		return ACTION(ACT_NONE);
	}
	if (p->mode == PICK_BROWSE)
		return action_push(list_view_new(app, p->sh));
	return ACTION(ACT_POP);
}

static struct action pick_key(struct view *v, struct app *app, int key, struct area a)
{
	struct pick_view *p = (struct pick_view *)v;
	(void)a;
	if (key_is_open(key))
		return choose(p, app);
	struct select_src src = pick_src(p);
	return select_key(&p->list, key, &src);
}

static unsigned pick_hints(struct view *v, const struct app *app)
{
	struct pick_view *p = (struct pick_view *)v;
	(void)app;
	return HINT(HINT_BACK) | HINT(HINT_HELP) | HINT(HINT_HOME) | HINT(HINT_MOVE)
	       | HINT(HINT_PAGE) | HINT(p->mode == PICK_BROWSE ? HINT_SHOW : HINT_CHOOSE);
}

static void pick_destroy(struct view *v)
{
	struct pick_view *p = (struct pick_view *)v;
	free_items(p);
	free(p);
}

static const struct view_ops pick_ops = {pick_draw, pick_key, pick_hints, pick_destroy};

struct view *pick_view_new(struct app *app, struct dbshared *sh, enum pick_mode mode,
			   const char *const *fields, size_t n_fields, const char *title)
{
	struct pick_view *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->v.ops = &pick_ops;
	p->sh = sh;
	p->mode = mode;
	for (size_t i = 0; i < n_fields && i < CATALOG_MAX_FILTERS; i++)
		p->fields[p->n_fields++] = fields[i];
	p->gen = sh->state.generation;
	snprintf(p->v.title, sizeof p->v.title, "%s: %s", catalog[sh->state.db].title, title);
	if (load(p, app, p->fields, p->n_fields) != 0) {
		pick_destroy(&p->v);
		return NULL;
	}
	struct select_src src = pick_src(p);
	select_set_count(&p->list, (long)p->n, &src);
	return &p->v;
}
