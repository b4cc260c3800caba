/* Line mode's results: a page of numbered lines ("Results 1 to 10 of
 * 132, newest first"), each result's list columns read as one sentence;
 * Enter for the next page, a number to open, words to search again. */
#include "line/line_screen.h"
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
		n = (size_t)snprintf(buf, len, "%s", r->id ? r->id : "(untitled)");
	const char *sep = n && buf[n - 1] == '.' ? " " : ". ";
	for (size_t c = 0; c < d->n_columns && n < len; c++) {
		if (d->columns[c].width == 0 || !r->cols[c] || !r->cols[c][0])
			continue;
		n += (size_t)snprintf(buf + n, len - n, "%s%s", sep, r->cols[c]);
		sep = ", ";
	}
	if (n < len && n && buf[n - 1] != '.')
		snprintf(buf + n, len - n, ".");
}

static void show_empty(struct lout *o, const struct db_info *d)
{
	lout_printf(o, "No %s match.", d->nouns);
	lout_line(o, "Try fewer words, or other words for the same thing.");
	lout_line(o, "End a word with * to match words that begin with it: traffick*");
	lout_line(o, "Type f to remove a filter, or c to clear the search and the filters.");
}

/* Prints the page at l->offset. */
static void show_page(struct list_screen *l, struct lsession *s)
{
	struct lout *o = &s->out;
	const struct db_info *d = &catalog[l->db];
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
		show_empty(o, d);
		result_page_free(&rp);
		return;
	}
	char from[24], to[24], total[24];
	format_count(from, sizeof from, l->offset + 1);
	format_count(to, sizeof to, l->offset + (long)rp.n);
	format_count(total, sizeof total, l->total);
	const char *note = dbstate_note(st);   /* what was shown instead */
	if (note)
		lout_printf(o, "%s. Results %s to %s of %s.", note, from, to, total);
	else
		lout_printf(o, "Results %s to %s of %s, %s.", from, to, total,
			    dbstate_sort_label(st));
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
	if (st && st->text)
		lout_printf(&s->out, "%s, search: %s.", catalog[l->db].title, st->text);
	else
		lout_printf(&s->out, "%s.", catalog[l->db].title);
	char desc[600];
	if (st && (dbstate_describe(st, desc, sizeof desc), desc[0]))
		lout_printf(&s->out, "Filters: %s.", desc);
	show_page(l, s);
}

static void list_prompt(struct lscreen *sc, struct lsession *s, char *buf, size_t len)
{
	struct list_screen *l = (struct list_screen *)sc;
	(void)s;
	if (l->offset + PER_PAGE < l->total)
		snprintf(buf, len, "More? Enter for more, a number to open, b to go back");
	else if (l->total > 0)
		snprintf(buf, len, "Type a number to open, words to search again, b to go back");
	else
		snprintf(buf, len, "Type words to search again, f for filters, b to go back");
}

/* Opens result n (1-based). */
static struct lact open_result(struct list_screen *l, struct lsession *s, long n)
{
	struct search q;
	struct result_page rp = {0};
	dbstate_search(line_state(s, l->db), &q);
	if (store_search_page(s->store, &q, n - 1, 1, &rp) != 0 || rp.n == 0) {
		lout_line(&s->out, rp.n == 0 ? "That result is no longer there."
					     : store_error(s->store));
		result_page_free(&rp);
		return LACT(LACT_NONE);
	}
	long rowid = rp.v[0].rowid;
	result_page_free(&rp);
	return (struct lact){LACT_PUSH, line_record_new(s, l->db, rowid)};
}

/* The next sort that changes the order shown: relevance means newest
 * first without words to rank by. */
static void next_sort(struct dbstate *st)
{
	const char *was = dbstate_sort_label(st);
	for (int i = 0; i < SORT_COUNT && dbstate_sort_label(st) == was; i++)
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
			lout_line(&s->out, back ? "This is the first page."
						: "That was the last result.");
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
		lout_printf(&s->out, "Sorted %s.", dbstate_sort_label(st));
		return LACT(LACT_SHOW);
	}
	if (line_is(line, "c|clear")) {
		dbstate_clear(st);
		l->offset = 0;
		lout_line(&s->out, "Search and filters cleared.");
		return LACT(LACT_SHOW);
	}
	if (line_is_command(line))
		return LACT(LACT_UNHANDLED);
	if (line_number(line, 999999999)) {
		lout_printf(&s->out, "There is no result %s.", line);
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

static const struct lscreen_ops list_ops = {list_show, list_prompt, list_input, list_destroy};

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
