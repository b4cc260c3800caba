/* The views of a database (its menu, the result list, pickers, filters,
 * records) and what they share: the search state and the search line. */
#ifndef HTKP_UI_DBVIEWS_H
#define HTKP_UI_DBVIEWS_H

#include "query/dbstate.h"
#include "ui/ui.h"

/* The search line being typed. */
struct line_edit {
	bool active;
	bool fresh;          /* holds the last search, untouched: typing replaces it */
	char buf[QUERY_MAX_BYTES + 1];
	size_t len;
};

/* Owned by the database's menu view, which outlives every view above it. */
struct dbshared {
	struct dbstate state;
	struct line_edit edit;
};

/* Draws the search line and the filters line at the top of a; returns
 * the rows used. */
int db_header_draw(struct dbshared *sh, struct area a);

/* Starts typing a search ('/'). */
void db_edit_start(struct dbshared *sh);

/* While typing, takes every key. Returns KEY_HANDLED, and sets *submitted
 * when Enter made the typed words the new search. */
enum key_result db_edit_key(struct dbshared *sh, struct app *app, int key,
			    bool *submitted);

/* Keys every database view shares ('/', 'f', 'c', 's'); list is true in a
 * result list, where a new search reloads in place instead of opening one. */
enum key_result db_common_key(struct dbshared *sh, struct app *app, int key,
			      bool in_list);

/* The result list of the current search. */
struct view *list_view_new(struct app *app, struct dbshared *sh);

/* A record of database db; terms (may be NULL) are highlighted. */
struct view *record_view_new(struct app *app, int db, long rowid,
			     const struct query *terms);

enum pick_mode { PICK_BROWSE, PICK_FILTER, PICK_YEAR_FROM, PICK_YEAR_TO };

/* Values of facet fields with their counts. PICK_BROWSE: Enter sets the
 * filter and opens the list; otherwise Enter sets it and goes back. */
struct view *pick_view_new(struct app *app, struct dbshared *sh, enum pick_mode mode,
			   const char *const *fields, size_t n_fields, const char *title);

/* The filters of the database, each with its current value. */
struct view *filters_view_new(struct app *app, struct dbshared *sh);

/* Writes n with thousands separators ("1,532"). */
void format_count(char *buf, size_t len, long n);

#endif
