/* The filters of a database, each with its current value; Enter chooses
 * a value from the counts, c clears them all. A year filter is two rows,
 * from and to. */
#include "ui/ui_dbviews.h"
#include "common/catalog.h"
#include "common/text.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct filter_row {
	const struct filter_info *f;
	enum pick_mode mode;   /* PICK_FILTER, PICK_YEAR_FROM or PICK_YEAR_TO */
};

struct filters_view {
	struct view v;
	struct dbshared *sh;
	struct filter_row rows[2 * CATALOG_MAX_FILTERS];
	int n, sel, top;
};

/* The row's label and its current value (NULL when any). */
static const char *row_text(const struct filters_view *fv, const struct filter_row *r,
			    char *label, size_t label_len, char *year, size_t year_len)
{
	const struct dbstate *st = &fv->sh->state;
	if (r->mode == PICK_FILTER) {
		snprintf(label, label_len, "%s", r->f->label);
		return dbstate_filter(st, r->f->name);
	}
	int y = r->mode == PICK_YEAR_FROM ? st->year_from : st->year_to;
	snprintf(label, label_len, "%s %s", r->f->label,
		 r->mode == PICK_YEAR_FROM ? "from" : "to");
	snprintf(year, year_len, "%d", y);
	return y ? year : NULL;
}

static void filters_draw(struct view *v, struct app *app, struct area a)
{
	struct filters_view *fv = (struct filters_view *)v;
	(void)app;
	int y = a.y + db_header_draw(fv->sh, a);
	ui_rule(y++, a.x + 1, a.w - 2);
	int page = a.y + a.h - y > 1 ? a.y + a.h - y : 1;
	if (fv->sel < fv->top)
		fv->top = fv->sel;
	if (fv->sel >= fv->top + page)
		fv->top = fv->sel - page + 1;
	int lw = a.w / 2 > 30 ? 30 : a.w / 2;
	for (int i = fv->top; i < fv->n && y < a.y + a.h; i++, y++) {
		char label[80], year[16];
		const char *value = row_text(fv, &fv->rows[i], label, sizeof label,
					     year, sizeof year);
		enum role r = i == fv->sel ? ROLE_SELECTED : ROLE_NORMAL;
		if (i == fv->sel)
			ui_fill(y, a.x + 1, a.w - 2, r);
		ui_puts(y, a.x + 3, label, lw, r);
		char *clean = value ? text_clean(value, strlen(value), false) : NULL;
		ui_puts(y, a.x + 4 + lw, clean ? clean : "any", a.w - lw - 6,
			clean || r != ROLE_NORMAL ? r : ROLE_DIM);
		free(clean);
	}
}

static enum key_result filters_key(struct view *v, struct app *app, int key, struct area a)
{
	struct filters_view *fv = (struct filters_view *)v;
	(void)a;
	if (key == '/') {
		/* Type the search where its results show: the view below. */
		struct dbshared *sh = fv->sh;
		view_pop(app);   /* frees fv */
		db_edit_start(sh);
		return KEY_HANDLED;
	}
	if (key == 'c')
		return db_common_key(fv->sh, app, key, false);
	if (key_is_down(key))
		fv->sel = fv->sel + 1 < fv->n ? fv->sel + 1 : fv->sel;
	else if (key_is_up(key))
		fv->sel = fv->sel > 0 ? fv->sel - 1 : 0;
	else if (key == KEY_HOME || key == 'g')
		fv->sel = 0;
	else if (key == KEY_END || key == 'G')
		fv->sel = fv->n - 1;
	else if (key_is_enter(key) || key == KEY_RIGHT || key == 'l') {
		const struct filter_row *r = &fv->rows[fv->sel];
		const char *fields[] = {r->f->name};
		struct view *nv = pick_view_new(app, fv->sh, r->mode, fields, 1, r->f->label);
		if (nv)
			view_push(app, nv);
	} else {
		return KEY_UNHANDLED;
	}
	return KEY_HANDLED;
}

static const char *filters_hints(struct view *v)
{
	struct filters_view *fv = (struct filters_view *)v;
	(void)fv;
	return "Up/Down  Enter: choose a value  c: clear all  Esc: back to the list";
}

static void filters_destroy(struct view *v)
{
	free(v);
}

static const struct view_ops filters_ops = {filters_draw, filters_key, filters_hints,
					    filters_destroy};

struct view *filters_view_new(struct app *app, struct dbshared *sh)
{
	(void)app;
	struct filters_view *fv = calloc(1, sizeof *fv);
	if (!fv)
		return NULL;
	fv->v.ops = &filters_ops;
	fv->sh = sh;
	const struct db_info *d = &catalog[sh->state.db];
	for (size_t i = 0; i < d->n_filters; i++) {
		const struct filter_info *f = &d->filters[i];
		if (f->kind == FILTER_YEAR) {
			fv->rows[fv->n++] = (struct filter_row){f, PICK_YEAR_FROM};
			fv->rows[fv->n++] = (struct filter_row){f, PICK_YEAR_TO};
		} else {
			fv->rows[fv->n++] = (struct filter_row){f, PICK_FILTER};
		}
	}
	snprintf(fv->v.title, sizeof fv->v.title, "%s: filters", d->title);
	return &fv->v;
}
