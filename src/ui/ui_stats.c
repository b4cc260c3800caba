/* Statistics of a database (S from its menu): the records of the current
 * search and filters counted by year, country, verdict... as bar charts,
 * each bar with its number, and the portal's caveat beside case counts.
 * Laid out again when the width, the search or the data changes. */
#include "ui/ui_take.h"
#include "ui/ui_doc.h"
#include "ui/ui_dbviews.h"
#include "ui/ui_hints.h"
#include "common/config.h"
#include "common/i18n.h"
#include "store/stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct stats_view {
	struct view v;
	struct dbshared *sh;
	struct doc doc;
	int width;                  /* what the charts were drawn for, 0: none */
	int header;                 /* rows the search and filters took */
	unsigned state_gen, data_gen;
};

/* One chart into the document; -1 on a database error (said). */
static int add_chart(struct stats_view *s, struct app *app, const struct search *q,
		     const struct stat_field *f)
{
	struct facet_list fl;
	if (store_stats(app->store, q, f->field, &fl) != 0) {
		ui_message(app, true, "%s", store_error(app->store));
		return -1;
	}
	/* The bars of our own categories (verdicts...) in the language shown. */
	for (size_t i = 0; i < fl.n; i++) {
		const char *shown = fl.v[i].value ? i18n_value(fl.v[i].value) : NULL;
		char *copy = shown && shown != fl.v[i].value ? strdup(shown) : NULL;
		if (copy) {
			free(fl.v[i].value);
			fl.v[i].value = copy;
		}
	}
	int rc = doc_blank(&s->doc) | doc_addz(&s->doc, _(f->label), ROLE_HEADING, 0);
	char *text = NULL;
	struct text_lines lines = {0};
	bool ascii = !ui_utf8() || app->cfg->ascii == TRI_YES;
	if (fl.n == 0)
		/* TRANSLATORS: under a chart's heading when no record has a
		 * value for it. */
		rc |= doc_addz(&s->doc, _("none recorded"), ROLE_DIM, 2);
	else if (stats_chart(&fl, s->width - 2, ascii, &text, &lines) == 0)
		for (size_t i = 0; i < lines.n; i++)
			rc |= doc_add(&s->doc, text + lines.v[i].off, lines.v[i].len,
				      ROLE_NORMAL, 2, -1);
	text_lines_free(&lines);
	free(text);
	facet_list_free(&fl);
	return rc;
}

static void build(struct stats_view *s, struct app *app, int width)
{
	doc_free(&s->doc);
	s->doc = (struct doc)DOC_INIT;
	s->width = width;
	s->state_gen = s->sh->state.generation;
	s->data_gen = app->data_generation;
	struct search q;
	dbstate_search(&s->sh->state, &q);
	int db = s->sh->state.db;
	long total = store_search_count(app->store, &q);
	char line[160];
	db_count_text(line, sizeof line, db, total);
	doc_addz(&s->doc, line, ROLE_HEADING, 0);
	if (db == DB_CASES)
		doc_addz(&s->doc, _(stats_case_caveat), ROLE_DIM, 0);
	size_t nf;
	const struct stat_field *f = stats_fields(db, &nf);
	for (size_t i = 0; total > 0 && i < nf; i++)
		if (add_chart(s, app, &q, &f[i]) != 0)
			break;
}

static void stats_draw(struct view *v, struct app *app, struct area a)
{
	struct stats_view *s = (struct stats_view *)v;
	int used = s->header = db_header_draw(s->sh, a);
	struct area in = {a.y + used, a.x + 1, a.h - used, a.w - 2};
	if (s->width != in.w || s->state_gen != s->sh->state.generation
	    || s->data_gen != app->data_generation)
		build(s, app, in.w);
	doc_draw(&s->doc, app, in);
}

static struct action stats_key(struct view *v, struct app *app, int key, struct area a)
{
	struct stats_view *s = (struct stats_view *)v;
	(void)app;
	return doc_key(&s->doc, key, (struct area){a.y + s->header, a.x + 1, a.h - s->header, a.w - 2});
}

static unsigned stats_hints(struct view *v, const struct app *app)
{
	(void)v, (void)app;
	return HINT(HINT_BACK) | HINT(HINT_HELP) | HINT(HINT_HOME) | HINT(HINT_SCROLL)
	       | HINT(HINT_PAGE);
}

static void stats_destroy(struct view *v)
{
	struct stats_view *s = (struct stats_view *)v;
	doc_free(&s->doc);
	free(s);
}

static const struct view_ops stats_ops = {stats_draw, stats_key, stats_hints, stats_destroy, NULL};

struct view *stats_view_new(struct app *app, struct dbshared *sh)
{
	(void)app;
	struct stats_view *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->v.ops = &stats_ops;
	s->sh = sh;
	s->doc = (struct doc)DOC_INIT;
	/* Named as the database's other views are: the portal's name, the
	 * short one where that does not fit. */
	/* TRANSLATORS: in a screen's title, after a database's name. */
	db_view_title(&s->v, sh->state.db, _("statistics"));
	return &s->v;
}
