/* Line mode's results: a page of numbered lines ("Results 1 to 10 of
 * 132, newest first"), each result's list columns read as one sentence;
 * Enter for the next page, a number to open, words to search again. */
#include "line/line_screen.h"
#include "common/i18n.h"
#include "common/numfmt.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PER_PAGE 10

struct list_screen {
	struct lscreen sc;
	int db;
	long offset;          /* the first result of the page shown */
	long total;           /* results, as of the last page shown */
	unsigned gen;         /* the search's generation offset belongs to */
};

/* One result as a line: the title first, then the other columns
 * ("Title. Nigeria, 2004, convicted."), so that it reads aloud well. */
static void result_text(int db, const struct result *r, char *buf, size_t len)
{
	const struct db_info *d = &catalog[db];
	size_t n = 0;
	for (size_t c = 0; c < d->n_columns; c++)
		if (d->columns[c].width == 0 && r->cols[c])
			n += (size_t)snprintf(buf, len, "%s", r->cols[c]);
	if (n == 0)
		n = (size_t)snprintf(buf, len, "%s", r->id ? r->id : _("(untitled)"));
	const char *sep = n && buf[n - 1] == '.' ? " " : ". ";
	for (size_t c = 0; c < d->n_columns && n < len; c++) {
		if (d->columns[c].width == 0 || !r->cols[c] || !r->cols[c][0])
			continue;
		/* A verdict is ours, said in the language; data stays as it is. */
		n += (size_t)snprintf(buf + n, len - n, "%s%s", sep, i18n_value(r->cols[c]));
		sep = ", ";
	}
	if (n < len && n && buf[n - 1] != '.')
		snprintf(buf + n, len - n, ".");
}

static void show_empty(struct lout *o, int db)
{
	static const char *const none[DB_COUNT] = {
		[DB_CASES] = N_("No cases match."),
		[DB_LEGISLATION] = N_("No laws match."),
		[DB_BIBLIOGRAPHY] = N_("No publications match."),
	};
	lout_line(o, _(none[db]));
	lout_line(o, _("Try fewer words, or other words for the same thing."));
	/* TRANSLATORS: * is typed as it is; traffick* is an example search
	   and may be a word of the language that records use. */
	lout_line(o, _("End a word with * to match words that begin with it: traffick*"));
	/* TRANSLATORS: f and c are keys. */
	lout_line(o, _("Type f to remove a filter, or c to clear the search and the filters."));
}

/* The order the results are in: relevance means newest first without
 * words to rank by (as dbstate_sort_label says). */
static int shown_sort(const struct dbstate *st)
{
	return st->sort == SORT_RELEVANCE && !st->q.fts ? SORT_NEWEST : st->sort;
}

/* Prints the page at l->offset. */
static void show_page(struct list_screen *l, struct lsession *s)
{
	struct lout *o = &s->out;
	struct dbstate *st = line_state(s, l->db);
	if (!st)
		return;
	if (st->generation != l->gen) {
		l->offset = 0;   /* a new search (or filter) starts at its first result */
		l->gen = st->generation;
	}
	struct search q;
	dbstate_search(st, &q);
	struct result_page rp = {0};
	l->total = store_search_count(s->store, &q);
	if (l->total < 0 || store_search_page(s->store, &q, l->offset, PER_PAGE, &rp) != 0) {
		lout_line(o, store_error(s->store));
		l->total = 0;
		return;
	}
	if (l->total == 0) {
		show_empty(o, l->db);
		result_page_free(&rp);
		return;
	}
	char from[24], to[24], total[24];
	format_count(from, sizeof from, l->offset + 1);
	format_count(to, sizeof to, l->offset + (long)rp.n);
	format_count(total, sizeof total, l->total);
	const char *note = dbstate_note(st);   /* what was shown instead */
	/* TRANSLATORS: the first and last results of a page, and how many
	   there are ("Results 1 to 10 of 132, newest first."). */
	static const char *const results[SORT_COUNT] = {
		[SORT_RELEVANCE] = N_("Results %s to %s of %s, by relevance."),
		[SORT_NEWEST] = N_("Results %s to %s of %s, newest first."),
		[SORT_OLDEST] = N_("Results %s to %s of %s, oldest first."),
		[SORT_TITLE] = N_("Results %s to %s of %s, by title."),
	};
	if (note)
		/* TRANSLATORS: %1$s says what was searched for instead of the
		   words typed; then the first and last results of the page and
		   how many there are. */
		lout_printf(o, _("%s. Results %s to %s of %s."), note, from, to, total);
	else
		lout_printf(o, _(results[shown_sort(st)]), from, to, total);
	for (size_t i = 0; i < rp.n; i++) {
		char line[1600];
		result_text(l->db, &rp.v[i], line, sizeof line);
		lout_item(o, l->offset + (long)i + 1, line);
	}
	result_page_free(&rp);
}

static void list_show(struct lscreen *sc, struct lsession *s, bool again)
{
	struct list_screen *l = (struct list_screen *)sc;
	struct dbstate *st = line_state(s, l->db);
	(void)again;
	const char *title = _(catalog[l->db].title);
	if (st && st->text)
		/* TRANSLATORS: a database's name and the words searched for. */
		lout_printf(&s->out, _("%s, search: %s."), title, st->text);
	else
		lout_printf(&s->out, _("%s."), title);
	char desc[600];
	if (st && (dbstate_describe(st, desc, sizeof desc), desc[0]))
		lout_printf(&s->out, _("Filters: %s."), desc);
	show_page(l, s);
}

static void list_prompt(struct lscreen *sc, struct lsession *s, char *buf, size_t len)
{
	struct list_screen *l = (struct list_screen *)sc;
	(void)s;
	const char *text;
	if (l->offset + PER_PAGE < l->total)
		text = _("More? Enter for more, a number to open, b to go back");
	else if (l->total > 0)
		text = _("Type a number to open, words to search again, b to go back");
	else
		text = _("Type words to search again, f for filters, b to go back");
	snprintf(buf, len, "%s", text);
}

/* Opens result n (1-based). */
static struct lact open_result(struct list_screen *l, struct lsession *s, long n)
{
	struct search q;
	struct result_page rp = {0};
	dbstate_search(line_state(s, l->db), &q);
	if (store_search_page(s->store, &q, n - 1, 1, &rp) != 0 || rp.n == 0) {
		lout_line(&s->out, rp.n == 0 ? _("That result is no longer there.")
					     : store_error(s->store));
		result_page_free(&rp);
		return LACT(LACT_NONE);
	}
	long rowid = rp.v[0].rowid;
	result_page_free(&rp);
	return (struct lact){LACT_PUSH, line_record_new(s, l->db, rowid)};
}

/* The next sort that changes the order shown. */
static void next_sort(struct dbstate *st)
{
	int was = shown_sort(st);
	for (int i = 0; i < SORT_COUNT && shown_sort(st) == was; i++)
		st->sort = (st->sort + 1) % SORT_COUNT;
	st->generation++;
}

static struct lact list_input(struct lscreen *sc, struct lsession *s, const char *line)
{
	struct list_screen *l = (struct list_screen *)sc;
	struct dbstate *st = line_state(s, l->db);
	if (!st)
		return LACT(LACT_NONE);
	long n = line_number(line, l->total);
	if (n)
		return open_result(l, s, n);
	if (!line[0] || line_is(line, "p|previous|n|next|more")) {
		bool back = line_is(line, "p|previous");
		if (back ? l->offset == 0 : l->offset + PER_PAGE >= l->total) {
			lout_line(&s->out, back ? _("This is the first page.")
						: _("That was the last result."));
			return LACT(LACT_NONE);
		}
		l->offset += back ? -PER_PAGE : PER_PAGE;
		lout_blank(&s->out);
		show_page(l, s);
		return LACT(LACT_NONE);
	}
	if (line_is(line, "f|filters"))
		return (struct lact){LACT_PUSH, line_filters_new(s, l->db, true)};
	if (line_is(line, "s|sort")) {
		next_sort(st);
		l->offset = 0;
		static const char *const sorted[SORT_COUNT] = {
			[SORT_RELEVANCE] = N_("Sorted by relevance."),
			[SORT_NEWEST] = N_("Sorted newest first."),
			[SORT_OLDEST] = N_("Sorted oldest first."),
			[SORT_TITLE] = N_("Sorted by title."),
		};
		lout_line(&s->out, _(sorted[shown_sort(st)]));
		return LACT(LACT_SHOW);
	}
	if (line_is(line, "c|clear")) {
		dbstate_clear(st);
		l->offset = 0;
		lout_line(&s->out, _("Search and filters cleared."));
		return LACT(LACT_SHOW);
	}
	if (line_is_command(line))
		return LACT(LACT_UNHANDLED);
	if (line_number(line, 999999999)) {
		/* TRANSLATORS: %s is the number typed. */
		lout_printf(&s->out, _("There is no result %s."), line);
		return LACT(LACT_NONE);
	}
	if (line_search(s, l->db, line) != 0)
		return LACT(LACT_NONE);
	l->offset = 0;
	return LACT(LACT_SHOW);
}

static void list_destroy(struct lscreen *sc)
{
	free(sc);
}

/* The next two pages ranked while the reader reads this one: Enter then
 * reads kept rows (a search's first screen ranks only its own page). An
 * error is left for the page that needs them to report. */
static void list_ahead(struct lscreen *sc, struct lsession *s)
{
	struct list_screen *l = (struct list_screen *)sc;
	struct dbstate *st = line_state(s, l->db);
	if (!st || l->total <= l->offset + PER_PAGE)
		return;
	struct search q;
	dbstate_search(st, &q);
	long rows = l->offset + 3 * PER_PAGE;
	store_search_prepare(s->store, &q, rows < l->total ? rows : l->total);
}

static const struct lscreen_ops list_ops = {list_show, list_prompt, list_input, list_destroy,
					    list_ahead};

struct lscreen *line_list_new(struct lsession *s, int db)
{
	struct list_screen *l = line_state(s, db) ? calloc(1, sizeof *l) : NULL;
	if (!l)
		return NULL;
	l->sc.ops = &list_ops;
	l->db = db;
	l->gen = s->state[db]->generation;
	return &l->sc;
}
