/* A list of facet values with their counts, for browsing by country or
 * keyword and for choosing a filter's values. Counts take the search and
 * the other fields' filters into account (not the field's own values),
 * like the portal's left column.
 *
 * Several values: Space ticks or unticks the value under the cursor, and
 * Enter applies the ticked values of each field (any of them: OR). With
 * nothing ticked, Enter applies the value under the cursor alone. The
 * values in force come ticked; until Space changes a tick, Enter still
 * takes the value under the cursor, as with one value. Space is never
 * part of type-to-jump (a value's first letters find it); in the year
 * pickers, which take one year, it pages down as in every list. */
#include "ui/ui_dbviews.h"
#include "ui/ui_select.h"
#include "ui/ui_hints.h"
#include "common/catalog.h"
#include "common/grow.h"
#include "common/i18n.h"
#include "common/text.h"
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
	char *title;            /* the record a value is the id of, or NULL */
};

/* A ticked value; the values outlive a reload of the counts. */
struct tick {
	const char *field;      /* catalog name (static) */
	char *value;
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
	struct tick *ticks;
	size_t n_ticks, cap_ticks;
	bool ticks_changed;          /* Space was pressed: Enter applies the ticks */
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
	if (!p->items[i].value)
		return NULL;
	return p->items[i].title ? p->items[i].title : i18n_value(p->items[i].value);
}

/* Whether the mode takes several values (the year pickers take one). */
static bool can_tick(const struct pick_view *p)
{
	return p->mode == PICK_FILTER || p->mode == PICK_BROWSE;
}

/* The index of the tick of field's value, or -1. */
static long find_tick(const struct pick_view *p, const char *field, const char *value)
{
	for (size_t i = 0; i < p->n_ticks; i++)
		if (strcmp(p->ticks[i].field, field) == 0 && strcmp(p->ticks[i].value, value) == 0)
			return (long)i;
	return -1;
}

static size_t ticks_of(const struct pick_view *p, const char *field)
{
	size_t n = 0;
	for (size_t i = 0; i < p->n_ticks; i++)
		n += strcmp(p->ticks[i].field, field) == 0;
	return n;
}

static int add_tick(struct pick_view *p, const char *field, const char *value)
{
	char *copy = strdup(value);
	if (!copy || grow(&p->ticks, &p->cap_ticks, p->n_ticks, sizeof *p->ticks, 8) != 0) {
		free(copy);
		return -1;
	}
	p->ticks[p->n_ticks++] = (struct tick){field, copy};
	return 0;
}

static void remove_tick(struct pick_view *p, size_t i)
{
	free(p->ticks[i].value);
	memmove(&p->ticks[i], &p->ticks[i + 1], (p->n_ticks - i - 1) * sizeof *p->ticks);
	p->n_ticks--;
}

static void free_ticks(struct pick_view *p)
{
	while (p->n_ticks)
		remove_tick(p, p->n_ticks - 1);
	free(p->ticks);
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
		/* The heading keeps the catalog's English label: it is
		 * translated as it is drawn. */
		if (n_fields > 1 && add_item(p, &cap, (struct pick_item){
				.label = fi ? fi->label : fields[f]}) != 0)
			return -1;
		if (store_facet(app->store, &q, fields[f], &list) != 0) {
			ui_message(app, true, "%s", store_error(app->store));
			return -1;
		}
		for (size_t i = 0; i < list.n; i++) {
			if (add_item(p, &cap, (struct pick_item){fields[f], list.v[i].value,
					list.v[i].count, NULL, list.v[i].title}) != 0) {
				facet_list_free(&list);
				return -1;
			}
			list.v[i].value = list.v[i].title = NULL;   /* moved into the item */
		}
		facet_list_free(&list);
	}
	return 0;
}

static void free_items(struct pick_view *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i].value), free(p->items[i].title);
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
		ui_puts_fit(y + (int)p->n, a.x + 3,
			    _("Nothing to choose from: no record has a value here."), a.w - 4,
			    ROLE_NORMAL, NULL);
	for (long i = s->top; i < (long)p->n && y < a.y + a.h; i++, y++) {
		const struct pick_item *it = &p->items[i];
		if (!it->field && it->label) {
			ui_puts_fit(y, a.x + 1, _(it->label), a.w - 2, ROLE_HEADING, NULL);
			continue;
		}
		char count[32] = "", label[512];
		if (it->value)
			format_count(count, sizeof count, it->count);
		int cw = (int)strlen(count);
		enum role r = select_row(s, i, y, a.x + 1, a.w - 2);
		if (it->value && find_tick(p, it->field, it->value) >= 0)
			ui_puts(y, a.x + 1, ui_utf8() ? "\u2713" : "*", 1, r);
		if (it->title)   /* a law: its title, then the id the filter shows */
			snprintf(label, sizeof label, "%s (%s)", it->title, it->value);
		else
			snprintf(label, sizeof label, "%s",
				 it->value ? i18n_value(it->value) : _("(any: remove this filter)"));
		ui_puts_fit(y, a.x + 3, label, a.w - cw - 7, r, NULL);
		ui_puts(y, a.x + a.w - cw - 2, count, cw, r);
	}
	/* The position at the right of the status line: short. */
	char ticked[48] = "", rows[48] = "";
	if (p->n_ticks)
		/* TRANSLATORS: values ticked in a picker; at most 12 columns. */
		snprintf(ticked, sizeof ticked, ngettext("%zu ticked", "%zu ticked", p->n_ticks),
			 p->n_ticks);
	if ((long)p->n > s->page)
		/* TRANSLATORS: the rows shown of all ("1-20 of 143"). */
		snprintf(rows, sizeof rows, _("%1$ld-%2$ld of %3$zu"), s->top + 1,
			 s->top + s->page < (long)p->n ? s->top + s->page : (long)p->n, p->n);
	snprintf(app->position, sizeof app->position, "%s%s%s", ticked,
		 ticked[0] && rows[0] ? ", " : "", rows);
}

/* Sets one end of the year range of field; a range given backwards is
 * turned round rather than left to match nothing. */
static void set_year(struct dbstate *st, struct app *app, const char *field, bool from,
		     int year)
{
	int f, t;
	dbstate_years(st, field, &f, &t);
	*(from ? &f : &t) = year;
	if (f && t && f > t)
		/* TRANSLATORS: a year range given backwards was turned round. */
		ui_message(app, false, _("Years turned round: %1$d to %2$d."), t, f);
	dbstate_set_year_range(st, field, f, t);
}

/* Applies the ticks of each field shown that has any. */
static int apply_ticks(struct pick_view *p)
{
	const char *values[DBSTATE_MAX_VALUES];
	for (size_t f = 0; f < p->n_fields; f++) {
		size_t n = 0;
		for (size_t i = 0; i < p->n_ticks && n < DBSTATE_MAX_VALUES; i++)
			if (strcmp(p->ticks[i].field, p->fields[f]) == 0)
				values[n++] = p->ticks[i].value;
		int rc = n ? dbstate_set_filter_values(&p->sh->state, p->fields[f], values, n) : 0;
		if (rc != 0)
			return rc;
	}
	return 0;
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
		set_year(st, app, it->field, p->mode == PICK_YEAR_FROM,
			 it->value ? atoi(it->value) : 0);
		break;
	case PICK_FILTER:
	case PICK_BROWSE:
		/* "(any)" removes the filter, ticks or not. */
		if (it->value && p->ticks_changed && p->n_ticks)
			rc = apply_ticks(p);
		else
			rc = dbstate_set_filter(st, it->field, it->value);
		break;
	}
	if (rc != 0) {
		ui_message(app, true, "%s", _("Cannot set this filter."));
		return ACTION(ACT_NONE);
	}
	if (p->mode == PICK_BROWSE)
		return action_push(list_view_new(app, p->sh));
	return ACTION(ACT_POP);
}

/* Space: ticks or unticks the value under the cursor. */
static void toggle(struct pick_view *p, struct app *app)
{
	p->list.jump_len = 0;   /* Space ends a jump, never extends one */
	if (!selectable(p, p->list.sel) || !p->items[p->list.sel].value)
		return;
	const struct pick_item *it = &p->items[p->list.sel];
	long t = find_tick(p, it->field, it->value);
	p->ticks_changed = true;
	if (t >= 0) {
		remove_tick(p, (size_t)t);
	} else if (ticks_of(p, it->field) >= DBSTATE_MAX_VALUES) {
		ui_message(app, true, ngettext("At most %d value per filter: untick one first.",
					       "At most %d values per filter: untick one first.",
					       DBSTATE_MAX_VALUES),
			   DBSTATE_MAX_VALUES);
	} else if (add_tick(p, it->field, it->value) != 0) {
		ui_message(app, true, "%s", _("Out of memory."));
	}
}

static struct action pick_key(struct view *v, struct app *app, int key, struct area a)
{
	struct pick_view *p = (struct pick_view *)v;
	(void)a;
	if (key_is_open(key))
		return choose(p, app);
	if (key == ' ' && can_tick(p)) {
		toggle(p, app);
		return ACTION(ACT_NONE);
	}
	struct select_src src = pick_src(p);
	return select_key(&p->list, key, &src);
}

static unsigned pick_hints(struct view *v, const struct app *app)
{
	struct pick_view *p = (struct pick_view *)v;
	(void)app;
	return HINT(HINT_BACK) | HINT(HINT_HELP) | HINT(HINT_HOME) | HINT(HINT_MOVE)
	       | HINT(HINT_PAGE) | HINT(p->mode == PICK_BROWSE ? HINT_SHOW : HINT_CHOOSE)
	       | (can_tick(p) ? HINT(HINT_TICK) : 0);
}

static void pick_destroy(struct view *v)
{
	struct pick_view *p = (struct pick_view *)v;
	free_items(p);
	free_ticks(p);
	free(p);
}

static const struct view_ops pick_ops = {pick_draw, pick_key, pick_hints, pick_destroy, NULL};

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
	db_view_title(&p->v, sh->state.db, title);
	/* The values in force come ticked, to be added to or taken away. */
	for (size_t f = 0; p->mode == PICK_FILTER && f < p->n_fields; f++) {
		const char *const *v;
		size_t n = dbstate_filter_values(&sh->state, p->fields[f], &v);
		for (size_t i = 0; i < n; i++)
			if (add_tick(p, p->fields[f], v[i]) != 0) {
				pick_destroy(&p->v);
				return NULL;
			}
	}
	if (load(p, app, p->fields, p->n_fields) != 0) {
		pick_destroy(&p->v);
		return NULL;
	}
	struct select_src src = pick_src(p);
	select_set_count(&p->list, (long)p->n, &src);
	return &p->v;
}
