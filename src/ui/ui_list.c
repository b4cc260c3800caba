/* The result list: as many results as the window holds, one page of SQL
 * at a time, with the catalog's columns cut to their widths and, under
 * each row when there is room, the matching text with the terms marked. */
#include "ui/ui_dbviews.h"
#include "ui/ui_select.h"
#include "ui/ui_hints.h"
#include "ui/ui_take.h"
#include "common/catalog.h"
#include "common/config.h"
#include "common/i18n.h"
#include "common/text.h"
#include "store/snippet.h"
#include "store/store.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER_ROWS 4   /* search, filters, position, column titles */

struct list_view {
	struct view v;
	struct dbshared *sh;
	unsigned state_gen, data_gen;   /* what the count and page belong to */
	bool loaded;
	struct select list;             /* n: the results; pages stay aligned */
	struct result_page page;        /* rows [page_off, page_off + page.n) */
	bool snippets;                  /* the page's snippets are made */
	long page_off;
};

/* The title of result i, when i is on the page fetched: a jump looks
 * only at the rows shown, which cost no SQL. */
static const char *result_title(void *ctx, long i, char *buf, size_t len)
{
	const struct list_view *l = ctx;
	const struct db_info *d = &catalog[l->sh->state.db];
	(void)buf, (void)len;
	if (i < l->page_off || i >= l->page_off + (long)l->page.n)
		return NULL;
	for (size_t c = 0; c < d->n_columns; c++)
		if (d->columns[c].width == 0)
			return l->page.v[i - l->page_off].cols[c];
	return NULL;
}

static struct select_src list_src(struct list_view *l)
{
	return (struct select_src){result_title, NULL, DB_COMMAND_LETTERS TAKE_LETTERS, l};
}

static void reload(struct list_view *l, struct app *app)
{
	struct search q;
	dbstate_search(&l->sh->state, &q);
	result_page_free(&l->page);
	long total = store_search_count(app->store, &q);
	if (total < 0) {
		ui_message(app, true, "%s", store_error(app->store));
		total = 0;
	}
	if (l->state_gen != l->sh->state.generation || !l->loaded)
		l->list.sel = l->list.top = 0;   /* a new search starts at its first result */
	struct select_src src = list_src(l);
	select_set_count(&l->list, total, &src);
	l->state_gen = l->sh->state.generation;
	l->data_gen = app->data_generation;
	l->loaded = true;
}

static bool want_snippets(const struct list_view *l, const struct app *app, struct area a)
{
	return l->sh->state.q.fts && !app->cfg->low_bandwidth && a.h - HEADER_ROWS >= 10;
}

/* Makes sure the rows shown are in the cached page, with their snippets
 * when the list shows them. */
static void fetch(struct list_view *l, struct app *app, bool snippets)
{
	const struct select *s = &l->list;
	long want = s->n - s->top < s->page ? s->n - s->top : s->page;
	if (l->page_off != s->top || (long)l->page.n < want) {
		struct search q;
		dbstate_search(&l->sh->state, &q);
		result_page_free(&l->page);
		l->page_off = s->top;
		l->snippets = false;
		if (store_search_page(app->store, &q, s->top, s->page, &l->page) != 0) {
			ui_message(app, true, "%s", store_error(app->store));
			return;
		}
	}
	if (snippets && !l->snippets) {
		const struct query *words = &l->sh->state.q;
		snippet_page(app->store, l->sh->state.db, &l->page, words->terms,
			     words->prefix, words->n_terms);
		l->snippets = true;
	}
}

/* Column widths for this width: fixed columns, dropped when the terminal
 * is narrower than their min_cols, the title taking what is left. */
static void layout_columns(const struct db_info *d, int width, int *w)
{
	int used = 0, gaps = 0;
	for (size_t i = 0; i < d->n_columns; i++) {
		w[i] = width >= d->columns[i].min_cols ? d->columns[i].width : -1;
		if (w[i] > 0)
			used += w[i], gaps++;
	}
	for (size_t i = 0; i < d->n_columns; i++)
		if (w[i] == 0)
			w[i] = width - used - gaps > 10 ? width - used - gaps : 10;
}

/* Draws a row's cells, each ending in an ellipsis when cut; returns the
 * title cell when that was cut, else NULL. */
static const char *draw_cells(int y, int x, const struct db_info *d, const int *w,
			      char *const *cells, enum role role)
{
	const char *cut_title = NULL;
	for (size_t i = 0; i < d->n_columns; i++) {
		if (w[i] < 0)
			continue;
		bool cut = false;
		/* A verdict is ours to translate; the title, data. */
		if (cells[i])
			ui_puts_fit(y, x, d->columns[i].width ? i18n_value(cells[i]) : cells[i],
				    w[i], role, &cut);
		if (cut && d->columns[i].width == 0)
			cut_title = cells[i];
		x += w[i] + 1;
	}
	return cut_title;
}

/* Draws a snippet: text between \1 and \2 is a match, in bold. The rest
 * is plain, not dim: dim text is the hardest to read, terminals without
 * it (vt100) show it plain anyway, the snippet's indent and its "..."
 * already set it apart from the result's row, and on the wire each
 * match among dim letters cost ESC[2m ... ESC[0;1m ... ESC[0;2m ...
 * ESC[m (19 bytes) where plain text costs ESC[1m ... ESC[m (7). */
static void draw_snippet(int y, int x, int cols, const char *s)
{
	bool match = false;
	while (*s && cols > 0) {
		size_t n = strcspn(s, "\1\2");
		int w = ui_put(y, x, s, n, cols, match ? ROLE_SNIPPET_MATCH : ROLE_NORMAL);
		x += w, cols -= w;
		s += n;
		if (*s)
			match = *s++ == '\1';
	}
}

static void draw_position(struct list_view *l, struct area a, int y)
{
	const struct db_info *d = &catalog[l->sh->state.db];
	const struct select *s = &l->list;
	char from[24], to[24], total[24], line[400];
	const char *note;
	long last = s->top + s->page < s->n ? s->top + s->page : s->n;
	format_count(from, sizeof from, s->top + 1);
	format_count(to, sizeof to, last);
	format_count(total, sizeof total, s->n);
	int db = l->sh->state.db;
	(void)d;
	if (s->n == 0)
		snprintf(line, sizeof line, "%s", db_pick(db, _("No cases match."),
							  _("No laws match."),
							  _("No publications match.")));
	else if ((note = dbstate_note(&l->sh->state)))   /* what was shown instead */
		/* TRANSLATORS: %1$s says what was searched instead (a word
		 * spelled another way); then the results shown of all. */
		snprintf(line, sizeof line, _("%1$s. Results %2$s-%3$s of %4$s"), note, from, to,
			 total);
	else
		/* TRANSLATORS: the results shown of all, then the order they
		 * are in ("newest first"). */
		snprintf(line, sizeof line, _("Results %1$s-%2$s of %3$s, %4$s"), from, to, total,
			 dbstate_sort_label(&l->sh->state));
	ui_puts_fit(y, a.x + 1, line, a.w - 2, ROLE_HEADING, NULL);
}

static void draw_empty(struct list_view *l, struct area a, int y)
{
	const char *const advice[] = {
		_("Try fewer words, or other words for the same thing."),
		/* TRANSLATORS: * and the example word stay as they are. */
		_("End a word with * to match words that begin with it: traffick*"),
		/* TRANSLATORS: f and c are keys. */
		_("Remove a filter with f, or clear the search and filters with c."),
	};
	(void)l;
	for (int i = 0; i < 3 && y + 1 + i < a.y + a.h; i++)
		ui_puts_fit(y + 1 + i, a.x + 3, advice[i], a.w - 4, ROLE_NORMAL, NULL);
}

/* The width layout_columns gave the title column. */
static int title_cols(const struct db_info *d, const int *w)
{
	for (size_t i = 0; i < d->n_columns; i++)
		if (d->columns[i].width == 0)
			return w[i];
	return 0;
}

/* The selected title whose column cut it, whole on a line of its own; one
 * too long for that line goes on from where its row stopped ("…rest"),
 * so that the row and the line read as one title. */
static void draw_full_title(int y, struct area a, const char *title, int shown)
{
	int room = a.w - 5, ew;
	size_t n = strlen(title);
	ui_fill(y, a.x, a.w, ROLE_NORMAL);   /* over the last snippet */
	const char *ellipsis = ui_ellipsis(&ew);
	if (text_width(title, n) <= room || shown <= ew) {
		ui_puts_fit(y, a.x + 4, title, room, ROLE_HEADING, NULL);
		return;
	}
	size_t off = text_fit(title, n, shown - ew, NULL);
	while (title[off] == ' ')
		off++;
	int w = ui_puts(y, a.x + 4, ellipsis, room, ROLE_HEADING);
	ui_puts_fit(y, a.x + 4 + w, title + off, room - w, ROLE_HEADING, NULL);
}

static void list_draw(struct view *v, struct app *app, struct area a)
{
	struct list_view *l = (struct list_view *)v;
	const struct db_info *d = &catalog[l->sh->state.db];
	if (!l->loaded || l->state_gen != l->sh->state.generation
	    || l->data_gen != app->data_generation)
		reload(l, app);
	/* The last line shows the selected title in full when its column
	 * cut it: kept free in a list of single lines, the last snippet's
	 * line in a list with snippets. */
	int rows = want_snippets(l, app, a) ? 2 : 1;
	int title_y = a.y + a.h - 1;
	select_scroll(&l->list, (a.h - HEADER_ROWS - (rows == 1)) / rows);
	int y = a.y + db_header_draw(l->sh, a);
	draw_position(l, a, y++);
	if (l->list.n == 0) {
		draw_empty(l, a, y);
		return;
	}
	int w[STORE_MAX_COLUMNS];
	layout_columns(d, a.w - 3, w);
	char *titles[STORE_MAX_COLUMNS] = {0};
	for (size_t i = 0; i < d->n_columns; i++)
		titles[i] = (char *)i18n_context("column heading", d->columns[i].label);
	draw_cells(y++, a.x + 2, d, w, titles, ROLE_LABEL);
	fetch(l, app, rows == 2);
	const char *full = NULL;
	for (size_t i = 0; i < l->page.n && (long)i < l->list.page; i++) {
		const struct result *r = &l->page.v[i];
		bool sel = l->page_off + (long)i == l->list.sel;
		enum role role = select_row(&l->list, l->page_off + (long)i, y, a.x, a.w);
		const char *cut = draw_cells(y, a.x + 2, d, w, r->cols, role);
		if (marks_has(l->sh->state.db, r->rowid))
			ui_puts(y, a.x + 1, "*", 1, role);   /* marked (m) */
		full = sel && cut ? cut : full;
		if (rows == 2 && r->snippet)
			draw_snippet(y + 1, a.x + 4, a.w - 5, r->snippet);
		y += rows;
	}
	if (full)
		draw_full_title(title_y, a, full, title_cols(d, w));
}

/* The selected result's row, loaded as the draw would have: a key typed
 * ahead of the first frame (5 Enter on a slow link) still finds it. */
static const struct result *selected_row(struct list_view *l, struct app *app)
{
	if (!l->loaded || l->state_gen != l->sh->state.generation
	    || l->data_gen != app->data_generation)
		reload(l, app);
	select_scroll(&l->list, l->list.page);
	fetch(l, app, false);   /* rows only */
	long sel = l->list.sel;
	if (sel < l->page_off || sel >= l->page_off + (long)l->page.n)
		return NULL;
	return &l->page.v[sel - l->page_off];
}

static struct action open_selected(struct list_view *l, struct app *app)
{
	const struct result *r = selected_row(l, app);
	return r ? action_push(record_view_new(app, l->sh->state.db, r->rowid, true))
		 : ACTION(ACT_NONE);
}

static struct action list_key(struct view *v, struct app *app, int key, struct area a)
{
	struct list_view *l = (struct list_view *)v;
	(void)a;
	if (l->sh->edit.active) {
		bool submitted;
		db_edit_key(l->sh, app, key, &submitted);
		return ACTION(ACT_NONE);
	}
	struct action act = db_common_key(l->sh, app, key, true);
	if (act.kind != ACT_UNHANDLED)
		return act;
	if (key_is_open(key))
		return open_selected(l, app);
	if (strchr(TAKE_LETTERS, key_char(key) ? key_char(key) : 1)) {
		const struct result *r = selected_row(l, app);
		return r ? take_key(app, key, l->sh->state.db, r->rowid, NULL) : ACTION(ACT_NONE);
	}
	struct select_src src = list_src(l);
	return select_key(&l->list, key, &src);
}

static unsigned list_hints(struct view *v, const struct app *app)
{
	struct list_view *l = (struct list_view *)v;
	(void)app;
	if (l->sh->edit.active)
		return db_edit_hints(l->sh);
	return HINT(HINT_BACK) | HINT(HINT_HELP) | HINT(HINT_HOME) | HINT(HINT_OPEN)
	       | HINT(HINT_SEARCH) | HINT(HINT_FILTERS) | HINT(HINT_SORT) | HINT(HINT_CLEAR)
	       | HINT(HINT_CITE) | HINT(HINT_PRINT) | HINT(HINT_MARK) | HINT(HINT_PAGE);
}

static void list_destroy(struct view *v)
{
	struct list_view *l = (struct list_view *)v;
	result_page_free(&l->page);
	free(l);
}

/* Pages kept ranked ahead of the selection: by the time PgDn reaches the
 * end of the ranked rows the store keeps (a first screen's own page,
 * then 200), the next ones were ranked while the reader read (ranking
 * 1000 of a word in a third of 100,000 cases takes about 10 ms; reading
 * a kept page, a tenth of one). */
#define PAGES_AHEAD 4

static void list_idle(struct view *v, struct app *app)
{
	struct list_view *l = (struct list_view *)v;
	if (!l->loaded || l->sh->edit.active || l->list.n <= 0)
		return;
	struct search q;
	dbstate_search(&l->sh->state, &q);
	long rows = l->list.sel + (PAGES_AHEAD + 1) * l->list.page;
	if (store_search_prepare(app->store, &q, rows < l->list.n ? rows : l->list.n) != 0)
		ui_message(app, true, "%s", store_error(app->store));
}

static const struct view_ops list_ops = {list_draw, list_key, list_hints, list_destroy,
					 list_idle};

struct view *list_view_new(struct app *app, struct dbshared *sh)
{
	(void)app;
	struct list_view *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->v.ops = &list_ops;
	l->sh = sh;
	l->page_off = -1;
	l->list.aligned = true;
	l->list.page = 1;   /* until the first draw measures the window */
	/* TRANSLATORS: in a screen's title, after a database's name. */
	db_view_title(&l->v, sh->state.db, _("results"));
	return &l->v;
}
