/* The views of a database (its menu, the result list, pickers, filters,
 * records) and what they share: the search state and the search line. */
#ifndef HTKP_UI_DBVIEWS_H
#define HTKP_UI_DBVIEWS_H

#include "common/numfmt.h"
#include "query/dbstate.h"
#include "ui/ui_view.h"

/* The search line being typed. */
struct line_edit {
	bool active;
	bool fresh;          /* holds the last search, untouched: typing replaces it */
	char buf[QUERY_MAX_BYTES + 1];
	size_t len;
};

/* A database's search, owned by the loop (struct app): it outlives every
 * view that points at it. */
struct dbshared {
	struct dbstate state;
	struct line_edit edit;
};

/* The search of database db, made on first use; NULL after a status-bar
 * message when out of memory. Owned by app. */
struct dbshared *db_shared_get(struct app *app, int db);
/* Frees a search made by db_shared_get (NULL is fine). */
void db_shared_free(struct dbshared *sh);

/* Draws the search line and the filters line at the top of a; returns
 * the rows used. */
int db_header_draw(struct dbshared *sh, struct area a);

/* The hints while a search is typed (HINT mask). */
unsigned db_edit_hints(const struct dbshared *sh);

/* Starts typing a search ('/'). */
void db_edit_start(struct dbshared *sh);

/* While typing, takes every key. Sets *submitted when Enter made the
 * typed words the new search. */
void db_edit_key(struct dbshared *sh, struct app *app, int key, bool *submitted);

/* Keys every database view shares ('/', 'f', 'c', 's'); in_list is true in
 * a result list, where a new search reloads in place instead of opening
 * one. */
struct action db_common_key(struct dbshared *sh, struct app *app, int key, bool in_list);

/* The letters db_common_key takes, which therefore start no jump. */
#define DB_COMMAND_LETTERS "fcs"

/* The result list of the current search. */
struct view *list_view_new(struct app *app, struct dbshared *sh);

/* A record of database db; highlight marks the words of db's current
 * search. */
struct view *record_view_new(struct app *app, int db, long rowid, bool highlight);
/* The same, opened at the provision whose article is article (a charge's
 * statute names it); at the top when there is none such or it is NULL. */
struct view *record_view_at(struct app *app, int db, long rowid, bool highlight,
			    const char *article);

enum pick_mode { PICK_BROWSE, PICK_FILTER, PICK_YEAR_FROM, PICK_YEAR_TO };

/* Values of facet fields with their counts. PICK_BROWSE: Enter sets the
 * filter and opens the list; otherwise Enter sets it and goes back. */
struct view *pick_view_new(struct app *app, struct dbshared *sh, enum pick_mode mode,
			   const char *const *fields, size_t n_fields, const char *title);

/* The filters of the database, each with its current value. Opened over
 * a result list, back returns to it; opened from the database's menu,
 * back shows the results when a filter changed. */
struct view *filters_view_new(struct app *app, struct dbshared *sh, bool over_list);

/* One of three translated messages, the one for database db (each names
 * its own records: a translator makes the words agree with the noun). */
const char *db_pick(int db, const char *cases, const char *laws, const char *publications);
/* "46 cases", "1 law": n records of db, in the current language. */
void db_count_text(char *buf, size_t len, int db, long n);
/* "3 of 46 cases": found of total records of db. */
void db_found_text(char *buf, size_t len, int db, long found, long total);

/* Titles v for database db, "Case Law Database: what" and, for narrow
 * screens, "Case Law: what" (what NULL: the name alone), in the current
 * language; what is translated already. A view lives under one language:
 * the language changes only on the home menu. */
void db_view_title(struct view *v, int db, const char *what);

#endif
