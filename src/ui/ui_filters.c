/* The filters of a database, each with its current value; Enter chooses
 * a value from the counts, c clears them all. A year filter is two rows,
 * from and to. */
#include "ui/ui_dbviews.h"
#include "ui/ui_select.h"
#include "ui/ui_hints.h"
#include "common/catalog.h"
#include "common/i18n.h"
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
	int n;
	struct select list;
	bool over_list;        /* opened over the result list */
	unsigned opened_gen;   /* the search's generation when opened */
};

/* A year row's label, "Decision year from", in cols columns (0: any): a
 * label too long is cut (with an ellipsis) rather than the "from" or
 * "to" that tells the two rows apart. */
static void year_label(const struct filter_row *r, int cols, char *label, size_t label_len)
{
	/* TRANSLATORS: %s is a year filter's label ("Decision year"): the
	 * rows for the first and the last year of its range. */
	const char *fmt = r->mode == PICK_YEAR_FROM ? _("%s from") : _("%s to");
	const char *name = _(r->f->label);
	snprintf(label, label_len, fmt, name);
	int over = text_width(label, strlen(label)) - cols, ew;
	const char *ellipsis = ui_ellipsis(&ew);
	int keep = text_width(name, strlen(name)) - over - ew;
	if (cols <= 0 || over <= 0 || keep < 1)
		return;   /* fits, or the drawing cuts it at the end */
	char cut[160];
	size_t n = text_fit(name, strlen(name), keep, NULL);
	snprintf(cut, sizeof cut, "%.*s%s", (int)n, name, ellipsis);
	snprintf(label, label_len, fmt, cut);
}

/* The row's label and its current value (NULL when any): a filter's
 * values, comma-separated (the drawing cuts them to the row); the label
 * fits cols columns (0: any). */
static const char *row_text(const struct filters_view *fv, const struct filter_row *r,
			    int cols, char *label, size_t label_len, char *value, size_t value_len)
{
	const struct dbstate *st = &fv->sh->state;
	if (r->mode == PICK_FILTER) {
		const char *const *v;
		size_t n = dbstate_filter_values(st, r->f->name, &v), used = 0;
		snprintf(label, label_len, "%s", _(r->f->label));
		value[0] = '\0';
		for (size_t i = 0; i < n && used + 1 < value_len; i++) {
			int k = snprintf(value + used, value_len - used, "%s%s", i ? ", " : "",
					 i18n_value(v[i]));
			used += k > 0 ? (size_t)k : 0;
		}
		return n ? value : NULL;
	}
	int from, to;
	dbstate_years(st, r->f->name, &from, &to);
	int y = r->mode == PICK_YEAR_FROM ? from : to;
	year_label(r, cols, label, label_len);
	snprintf(value, value_len, "%d", y);
	return y ? value : NULL;
}

static const char *row_label(void *ctx, long i, char *buf, size_t len)
{
	struct filters_view *fv = ctx;
	char value[16];
	row_text(fv, &fv->rows[i], 0, buf, len, value, sizeof value);
	return buf;
}

static void filters_draw(struct view *v, struct app *app, struct area a)
{
	struct filters_view *fv = (struct filters_view *)v;
	(void)app;
	int y = a.y + db_header_draw(fv->sh, a);
	ui_rule(y++, a.x + 1, a.w - 2);
	select_scroll(&fv->list, a.y + a.h - y);
	int lw = a.w / 2 > 30 ? 30 : a.w / 2;
	for (long i = fv->list.top; i < fv->n && y < a.y + a.h; i++, y++) {
		char label[200], values[512];
		const char *value = row_text(fv, &fv->rows[i], lw, label, sizeof label,
					     values, sizeof values);
		enum role r = select_row(&fv->list, i, y, a.x + 1, a.w - 2);
		ui_puts_fit(y, a.x + 3, label, lw, r, NULL);
		/* TRANSLATORS: a filter that is not set: any value will do. */
		ui_puts_fit(y, a.x + 4 + lw, value ? value : _("any"), a.w - lw - 6,
			    value || r != ROLE_NORMAL ? r : ROLE_DIM, NULL);
	}
}

static struct action filters_key(struct view *v, struct app *app, int key, struct area a)
{
	struct filters_view *fv = (struct filters_view *)v;
	(void)a;
	if (key == '/') {
		/* Type the search where its results show: the view below. */
		db_edit_start(fv->sh);
		return ACTION(ACT_POP);
	}
	/* c clears, unless it continues a jump ("Verdict"): the list first. */
	struct select_src src = {row_label, NULL, "c", fv};
	if (key == 'c') {
		struct action act = select_key(&fv->list, key, &src);
		return act.kind != ACT_UNHANDLED ? act : db_common_key(fv->sh, app, key, false);
	}
	/* Back goes to the results the filters changed: the list below, or
	 * a new one in place of this view when it was opened from the menu. */
	if (key_is_back(key) && !fv->over_list && fv->sh->state.generation != fv->opened_gen)
		return action_replace(list_view_new(app, fv->sh));
	if (key_is_open(key)) {
		const struct filter_row *r = &fv->rows[fv->list.sel];
		const char *fields[] = {r->f->name};
		return action_push(pick_view_new(app, fv->sh, r->mode, fields, 1, _(r->f->label)));
	}
	return select_key(&fv->list, key, &src);
}

static unsigned filters_hints(struct view *v, const struct app *app)
{
	(void)v, (void)app;
	return HINT(HINT_BACK) | HINT(HINT_HELP) | HINT(HINT_HOME) | HINT(HINT_CHOOSE)
	       | HINT(HINT_CLEAR) | HINT(HINT_MOVE);
}

static void filters_destroy(struct view *v)
{
	free(v);
}

static const struct view_ops filters_ops = {filters_draw, filters_key, filters_hints,
					    filters_destroy, NULL};

struct view *filters_view_new(struct app *app, struct dbshared *sh, bool over_list)
{
	(void)app;
	struct filters_view *fv = calloc(1, sizeof *fv);
	if (!fv)
		return NULL;
	fv->v.ops = &filters_ops;
	fv->sh = sh;
	fv->over_list = over_list;
	fv->opened_gen = sh->state.generation;
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
	struct select_src src = {row_label, NULL, "c", fv};
	select_set_count(&fv->list, fv->n, &src);
	/* TRANSLATORS: in a screen's title, after a database's name. */
	db_view_title(&fv->v, sh->state.db, _("filters"));
	return &fv->v;
}
