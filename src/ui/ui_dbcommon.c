/* What every database view shares: the search state (one per database,
 * owned by the loop), the search line (shown, and typed into after '/'),
 * the filters line, and the keys '/', 'f', 'c' and 's'. */
#include "ui/ui_select.h"
#include "ui/ui_dbviews.h"
#include "ui/ui_hints.h"
#include "common/catalog.h"
#include "common/i18n.h"
#include "common/text.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One of three messages by database: each names its own records, so that
 * a translator can make every word agree with the noun. */
const char *db_pick(int db, const char *cases, const char *laws, const char *publications)
{
	return db == DB_CASES ? cases : db == DB_LEGISLATION ? laws : publications;
}

void db_count_text(char *buf, size_t len, int db, long n)
{
	char num[24];
	format_count(num, sizeof num, n);
	/* TRANSLATORS: %s is a number with separators ("1,234"). */
	snprintf(buf, len, db_pick(db, ngettext("%s case", "%s cases", (unsigned long)n),
				   ngettext("%s law", "%s laws", (unsigned long)n),
				   ngettext("%s publication", "%s publications", (unsigned long)n)),
		 num);
}

void db_found_text(char *buf, size_t len, int db, long found, long total)
{
	char f[24], t[24];
	format_count(f, sizeof f, found);
	format_count(t, sizeof t, total);
	unsigned long n = (unsigned long)total;
	/* TRANSLATORS: records a search found of all the database holds:
	 * "3 of 46 cases"; the numbers have separators. */
	snprintf(buf, len, db_pick(db, ngettext("%s of %s case", "%s of %s cases", n),
				   ngettext("%s of %s law", "%s of %s laws", n),
				   ngettext("%s of %s publication", "%s of %s publications", n)),
		 f, t);
}

struct dbshared *db_shared_get(struct app *app, int db)
{
	if (app->shared[db])
		return app->shared[db];
	struct dbshared *sh = calloc(1, sizeof *sh);
	if (!sh) {
		ui_message(app, true, "%s", _("Out of memory."));
		return NULL;
	}
	dbstate_init(&sh->state, db);
	return app->shared[db] = sh;
}

void db_shared_free(struct dbshared *sh)
{
	if (!sh)
		return;
	dbstate_free(&sh->state);
	free(sh);
}

int db_header_draw(struct dbshared *sh, struct area a)
{
	const struct dbstate *st = &sh->state;
	/* TRANSLATORS: the label of the search line, before the words
	 * searched for; short (at most 12 columns). */
	int w = ui_puts(a.y, a.x + 1, _("Search:"), a.w - 2, ROLE_LABEL) + 2;
	if (sh->edit.active) {
		/* Show the end of what is being typed, then a block cursor. */
		const char *s = sh->edit.buf;
		size_t n = sh->edit.len;
		int room = a.w - w - 2;
		while (n > 0 && text_width(s, n) > room) {
			size_t skip = text_fit(s, n, 1, NULL);
			s += skip ? skip : n;
			n -= skip ? skip : n;
		}
		int tw = ui_put(a.y, a.x + w, s, n, room,
				sh->edit.fresh ? ROLE_SELECTED : ROLE_NORMAL);
		ui_puts(a.y, a.x + w + tw, " ", 1, ROLE_SELECTED);
		select_cursor_typing(a.y, a.x + w + tw);
		/* The last search is on the line: say what typing does to it. */
		/* TRANSLATORS: beside the last search, shown again on the
		 * search line; dropped when it does not fit whole. */
		const char *note = _("typing replaces it, Backspace edits it");
		if (sh->edit.fresh && w + tw + 3 + text_width(note, strlen(note)) <= a.w - 1)
			ui_puts(a.y, a.x + w + tw + 3, note, a.w - w - tw - 4, ROLE_DIM);
	} else if (st->text) {
		ui_puts(a.y, a.x + w, st->text, a.w - w - 1, ROLE_NORMAL);
	} else {
		ui_puts_fit(a.y, a.x + w, _("(none: press / to type words)"), a.w - w - 1,
			    ROLE_DIM, NULL);
	}
	char desc[600];
	/* TRANSLATORS: the label of the line of filters in force; short. */
	w = ui_puts(a.y + 1, a.x + 1, _("Filters:"), a.w - 2, ROLE_LABEL) + 2;
	/* Several values become "+N" where they do not fit, then "…". */
	dbstate_describe_fit(st, desc, sizeof desc, a.w - w - 1);
	if (desc[0])
		ui_puts_fit(a.y + 1, a.x + w, desc, a.w - w - 1, ROLE_NORMAL, NULL);
	else
		ui_puts_fit(a.y + 1, a.x + w, _("none (f to add)"), a.w - w - 1, ROLE_DIM, NULL);
	return 2;
}

void db_view_title(struct view *v, int db, const char *what)
{
	const struct db_info *d = &catalog[db];
	const char *names[2] = {_(d->portal_title), _(d->title)};
	char *to[2] = {v->title, v->short_title};
	for (int i = 0; i < 2; i++)
		if (what)
			/* TRANSLATORS: a screen's title: a database's name, then
			 * what the screen shows ("Case Law Database: results"). */
			snprintf(to[i], sizeof v->title, _("%1$s: %2$s"), names[i], what);
		else
			snprintf(to[i], sizeof v->title, "%s", names[i]);
}

unsigned db_edit_hints(const struct dbshared *sh)
{
	return HINT(HINT_SUBMIT) | (sh->edit.fresh ? HINT(HINT_REPLACE) : 0)
	       | HINT(HINT_CANCEL) | HINT(HINT_CLEAR_LINE);
}

void db_edit_start(struct dbshared *sh)
{
	struct line_edit *e = &sh->edit;
	e->active = true;
	e->fresh = false;
	e->len = 0;
	e->buf[0] = '\0';
	/* The last words stay on the line to be refined with Backspace, but
	 * typing a character starts a new search, as '/' promises. */
	if (sh->state.text && strlen(sh->state.text) < sizeof e->buf) {
		strcpy(e->buf, sh->state.text);
		e->len = strlen(e->buf);
		e->fresh = true;
	}
}

void db_edit_key(struct dbshared *sh, struct app *app, int key, bool *submitted)
{
	struct line_edit *e = &sh->edit;
	*submitted = false;
	/* Ctrl-C and Ctrl-G cancel too: on a slow link a lone Esc can wait
	 * for esc_delay, or arrive glued to the next key. */
	if (key == KEY_ESC || key == 3 || key == 7) {
		e->active = false;
	} else if (key_is_enter(key)) {
		e->active = false;
		if (dbstate_set_text(&sh->state, e->buf) != 0) {
			ui_message(app, true, "%s", _("Out of memory."));
			return;
		}
		*submitted = true;
		if (sh->state.q.hint)
			ui_message(app, false, "%s", _(sh->state.q.hint));
	} else if (key == KEY_BACKSPACE || key == 127 || key == 8) {
		e->fresh = false;
		text_drop_last_char(e->buf, &e->len);
	} else if (key == 21) {   /* Ctrl-U, as in a shell */
		e->fresh = false;
		e->len = 0;
		e->buf[0] = '\0';
	} else if (key_char(key)) {
		if (e->fresh)
			e->len = 0, e->buf[0] = '\0';
		e->fresh = false;
		if (text_append_char(e->buf, &e->len, sizeof e->buf, key_char(key)) != 0)
			ui_message(app, false, "%s", _("The search line is full."));
	}
}

/* The order the list is really in: without words, relevance has nothing
 * to rank by and the list comes newest first. */
static int shown_sort(const struct dbstate *st)
{
	return st->sort == SORT_RELEVANCE && !st->q.fts ? SORT_NEWEST : st->sort;
}

/* Moves to the next sort that changes what the list shows, so that every
 * press of s reorders it. */
static void next_sort(struct dbstate *st)
{
	int was = shown_sort(st);
	for (int i = 0; i < SORT_COUNT && shown_sort(st) == was; i++)
		st->sort = (st->sort + 1) % SORT_COUNT;
	st->generation++;
}

/* What s says on the status line: sort_names are the command line's
 * words, these whole sentences. */
static const char *sorted_by(int sort)
{
	switch (sort) {
	case SORT_RELEVANCE:
		return _("Sorted by relevance.");
	case SORT_NEWEST:
		return _("Sorted by newest.");
	case SORT_OLDEST:
		return _("Sorted by oldest.");
	default:
		return _("Sorted by title.");
	}
}

struct action db_common_key(struct dbshared *sh, struct app *app, int key, bool in_list)
{
	switch (key) {
	case '/':
		db_edit_start(sh);
		return ACTION(ACT_NONE);
	case 'f':
		return action_push(filters_view_new(app, sh, in_list));
	case 'c':
		if (dbstate_active(&sh->state)) {
			dbstate_clear(&sh->state);
			ui_message(app, false, "%s", _("Search and filters cleared."));
		}
		return ACTION(ACT_NONE);
	case 's':
		if (!in_list)
			return ACTION(ACT_UNHANDLED);
		next_sort(&sh->state);
		ui_message(app, false, "%s", sorted_by(shown_sort(&sh->state)));
		return ACTION(ACT_NONE);
	}
	return ACTION(ACT_UNHANDLED);
}
