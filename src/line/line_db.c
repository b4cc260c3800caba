/* Line mode's database menu: what the search finds, and the kiosk's ways
 * in (src/ui/ui_db.c), in its order: search, browse by country, browse
 * by keyword, filters, the list. Words typed here are a search. */
#include "line/line_screen.h"
#include "common/i18n.h"
#include "common/numfmt.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WAY_SEARCH = 1, WAY_COUNTRY, WAY_KEYWORD, WAY_FILTERS, WAY_LIST, N_WAYS = WAY_LIST };

struct db_screen {
	struct lscreen sc;
	int db;
	bool asking_words;   /* 1 was chosen: the next line is the words */
};

int line_search(struct lsession *s, int db, const char *typed)
{
	struct dbstate *st = line_state(s, db);
	if (!st)
		return -1;
	if (typed[0] == '/')
		typed++;
	if (dbstate_set_text(st, typed) != 0) {
		lout_line(&s->out, _("Out of memory."));
		return -1;
	}
	if (st->q.hint)
		lout_line(&s->out, st->q.hint);
	return 0;
}

/* What the search finds, or -1 after saying why. */
static long found(struct lsession *s, const struct dbstate *st)
{
	struct search q;
	dbstate_search(st, &q);
	long n = store_search_count(s->store, &q);
	if (n < 0)
		lout_line(&s->out, store_error(s->store));
	return n;
}

static void db_show(struct lscreen *sc, struct lsession *s, bool again)
{
	struct db_screen *d = (struct db_screen *)sc;
	(void)again;
	struct lout *o = &s->out;
	const struct db_info *info = &catalog[d->db];
	struct dbstate *st = line_state(s, d->db);
	long total = store_count(s->store, d->db), n = st ? found(s, st) : -1;
	const char *title = _(info->title);
	char all[160], some[32], some_of[160], desc[600];
	format_records(all, sizeof all, total, d->db);
	format_count(some, sizeof some, n);
	format_records(some_of, sizeof some_of, n, d->db);
	if (st && dbstate_active(st) && n >= 0)
		/* TRANSLATORS: a database's name, how many records its search
		   finds, and how many it holds ("Case Law: 12 of 132 cases."). */
		lout_printf(o, _("%s: %s of %s."), title, some, all);
	else
		/* TRANSLATORS: a database's name and how many records it holds
		   ("Case Law: 132 cases."). */
		lout_printf(o, _("%s: %s."), title, all);
	if (st && st->text)
		/* TRANSLATORS: %s is the words searched for, as typed. */
		lout_printf(o, _("Search: %s."), st->text);
	if (st && (dbstate_describe(st, desc, sizeof desc), desc[0]))
		/* TRANSLATORS: %s lists the filters set and their values. */
		lout_printf(o, _("Filters: %s."), desc);
	char line[400];
	/* TRANSLATORS: %s is a database's name ("Search Case Law"). */
	snprintf(line, sizeof line, _("Search %s"), title);
	lout_item(o, WAY_SEARCH, line);
	lout_item(o, WAY_COUNTRY, _("Browse by country"));
	lout_item(o, WAY_KEYWORD, _("Browse by keyword"));
	lout_item(o, WAY_FILTERS, _("Filters"));
	if (st && dbstate_active(st))
		/* TRANSLATORS: %s is how many records the search found, with
		   their noun ("12 cases"). */
		snprintf(line, sizeof line, _("Show the %s found"), some_of);
	else
		/* TRANSLATORS: %s is how many records the database holds, with
		   their noun ("132 cases"). */
		snprintf(line, sizeof line, _("All %s, newest first"), all);
	lout_item(o, WAY_LIST, line);
}

static void db_prompt(struct lscreen *sc, struct lsession *s, char *buf, size_t len)
{
	struct db_screen *d = (struct db_screen *)sc;
	(void)s;
	if (d->asking_words)
		/* TRANSLATORS: %s is a database's name; Enter is the key. */
		snprintf(buf, len, _("Words to search %s for (Enter alone to cancel)"),
			 _(catalog[d->db].title));
	else
		/* TRANSLATORS: %s is a database's name; b and ? are keys. */
		snprintf(buf, len, _("Type a number to choose, or words to search %s; "
				     "b to go back, ? for help"), _(catalog[d->db].title));
}

static struct lact way(struct db_screen *d, struct lsession *s, long n)
{
	const struct db_info *info = &catalog[d->db];
	const char *country[] = {info->country_facet};
	switch (n) {
	case WAY_SEARCH:
		d->asking_words = true;
		return LACT(LACT_NONE);
	case WAY_COUNTRY:
		return (struct lact){LACT_PUSH, line_pick_new(s, d->db, LPICK_BROWSE, country, 1,
							      N_("Browse by country"))};
	case WAY_KEYWORD:
		return (struct lact){LACT_PUSH, line_pick_new(s, d->db, LPICK_BROWSE,
							      info->browse, info->n_browse,
							      N_("Browse by keyword"))};
	case WAY_FILTERS:
		return (struct lact){LACT_PUSH, line_filters_new(s, d->db, false)};
	default:
		return (struct lact){LACT_PUSH, line_list_new(s, d->db)};
	}
}

static struct lact db_input(struct lscreen *sc, struct lsession *s, const char *line)
{
	struct db_screen *d = (struct db_screen *)sc;
	if (d->asking_words) {
		d->asking_words = false;
		if (!line[0])
			return LACT(LACT_NONE);
		if (line_search(s, d->db, line) != 0)
			return LACT(LACT_NONE);
		return (struct lact){LACT_PUSH, line_list_new(s, d->db)};
	}
	long n = line_number(line, N_WAYS);
	if (n)
		return way(d, s, n);
	if (line_is(line, "f|filters"))
		return way(d, s, WAY_FILTERS);
	if (line_is(line, "c|clear")) {
		struct dbstate *st = line_state(s, d->db);
		if (st)
			dbstate_clear(st);
		lout_line(&s->out, _("Search and filters cleared."));
		return LACT(LACT_SHOW);
	}
	if (!line[0] || line_is_command(line))
		return LACT(LACT_UNHANDLED);
	if (line_search(s, d->db, line) != 0)
		return LACT(LACT_NONE);
	return (struct lact){LACT_PUSH, line_list_new(s, d->db)};
}

static void db_destroy(struct lscreen *sc)
{
	free(sc);
}

static const struct lscreen_ops db_ops = {db_show, db_prompt, db_input, db_destroy, NULL};

struct lscreen *line_db_new(struct lsession *s, int db)
{
	if (store_count(s->store, db) < 0) {
		lout_line(&s->out, store_error(s->store));
		return NULL;
	}
	struct db_screen *d = line_state(s, db) ? calloc(1, sizeof *d) : NULL;
	if (!d)
		return NULL;
	d->sc.ops = &db_ops;
	d->db = db;
	return &d->sc;
}
