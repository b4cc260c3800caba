/* Line mode's filters: each of the database's filters as a numbered line
 * with its value; a number lists that filter's values with their counts.
 * The values are set through the query layer (dbstate) alone. */
#include "line/line_screen.h"
#include "common/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct filters_screen {
	struct lscreen sc;
	int db;
	bool over_list;        /* opened from the results: back returns there */
	unsigned opened_gen;   /* the search's generation when opened */
};

/* Year filter field's range as words: "any", "2005", "2005 to 2010",
 * "from 2005". */
static void years_text(const struct dbstate *st, const char *field, char *buf, size_t len)
{
	int from, to;
	dbstate_years(st, field, &from, &to);
	if (!from && !to)
		/* TRANSLATORS: a filter's value when it is not set. */
		snprintf(buf, len, "%s", C_("filter", "any"));
	else if (from == to)
		snprintf(buf, len, "%d", from);
	else if (from && to)
		/* TRANSLATORS: a range of years, "2005 to 2010". */
		snprintf(buf, len, _("%d to %d"), from, to);
	else if (from)
		/* TRANSLATORS: years from this one on, "from 2005". */
		snprintf(buf, len, _("from %d"), from);
	else
		/* TRANSLATORS: years up to this one, "up to 2010". */
		snprintf(buf, len, _("up to %d"), to);
}

/* A filter's values as words read aloud: "Nigeria or Ghana", "any". */
static void values_text(const struct dbstate *st, const char *field, char *buf, size_t len)
{
	const char *const *v;
	size_t n = dbstate_filter_values(st, field, &v);
	snprintf(buf, len, "%s", n ? i18n_value(v[0]) : C_("filter", "any"));
	for (size_t i = 1; i < n; i++) {
		char *so_far = strdup(buf);
		if (!so_far)
			break;
		/* TRANSLATORS: a filter's values, any of which a record may have:
		   the values so far, then one more ("Nigeria or Ghana"). */
		snprintf(buf, len, _("%s or %s"), so_far, i18n_value(v[i]));
		free(so_far);
	}
}

static void filters_show(struct lscreen *sc, struct lsession *s, bool again)
{
	struct filters_screen *fs = (struct filters_screen *)sc;
	const struct db_info *d = &catalog[fs->db];
	struct dbstate *st = line_state(s, fs->db);
	(void)again;
	if (!st)
		return;
	/* TRANSLATORS: %s is a database's name. */
	lout_printf(&s->out, _("%s filters. Choose one to see its values, each with the "
			       "number of records it would leave."), _(d->title));
	for (size_t i = 0; i < d->n_filters; i++) {
		const struct filter_info *f = &d->filters[i];
		char value[480], line[600];
		if (f->kind == FILTER_YEAR)
			years_text(st, f->name, value, sizeof value);
		else
			values_text(st, f->name, value, sizeof value);
		/* TRANSLATORS: a filter's name and its value ("Country: any"). */
		snprintf(line, sizeof line, _("%s: %s"), _(f->label), value);
		lout_item(&s->out, (long)i + 1, line);
	}
}

static void filters_prompt(struct lscreen *sc, struct lsession *s, char *buf, size_t len)
{
	struct filters_screen *fs = (struct filters_screen *)sc;
	(void)s;
	snprintf(buf, len, "%s", fs->over_list
		 ? _("Type a number to choose a filter, c to clear all, b to go back to the results")
		 : _("Type a number to choose a filter, c to clear all, b to go back"));
}

static struct lact filters_input(struct lscreen *sc, struct lsession *s, const char *line)
{
	struct filters_screen *fs = (struct filters_screen *)sc;
	const struct db_info *d = &catalog[fs->db];
	struct dbstate *st = line_state(s, fs->db);
	if (!st)
		return LACT(LACT_NONE);
	long n = line_number(line, (long)d->n_filters);
	if (n) {
		const struct filter_info *f = &d->filters[n - 1];
		const char *fields[] = {f->name};
		return (struct lact){LACT_PUSH, line_pick_new(s, fs->db, f->kind == FILTER_YEAR
							      ? LPICK_YEARS : LPICK_FILTER,
							      fields, 1, f->label)};
	}
	if (line_is(line, "c|clear")) {
		dbstate_clear(st);
		lout_line(&s->out, _("Search and filters cleared."));
		return LACT(LACT_SHOW);
	}
	/* Back goes to the results the filters changed: a new list in place
	 * of this screen when it was opened from the database's menu. */
	if (line_is(line, "b|back") && !fs->over_list && st->generation != fs->opened_gen)
		return (struct lact){LACT_REPLACE, line_list_new(s, fs->db)};
	return LACT(LACT_UNHANDLED);
}

static void filters_destroy(struct lscreen *sc)
{
	free(sc);
}

static const struct lscreen_ops filters_ops = {filters_show, filters_prompt, filters_input,
					       filters_destroy, NULL};

struct lscreen *line_filters_new(struct lsession *s, int db, bool over_list)
{
	struct dbstate *st = line_state(s, db);
	struct filters_screen *fs = st ? calloc(1, sizeof *fs) : NULL;
	if (!fs)
		return NULL;
	fs->sc.ops = &filters_ops;
	fs->db = db;
	fs->over_list = over_list;
	fs->opened_gen = st->generation;
	return &fs->sc;
}
