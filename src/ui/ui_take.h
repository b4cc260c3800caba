/* Taking records away from the screen: marks (m), citations (y) and
 * printing (p), for one record or every marked one; the statistics,
 * recently added and marked views. */
#ifndef HTKP_UI_TAKE_H
#define HTKP_UI_TAKE_H

#include "ui/ui_dbviews.h"

#include <stddef.h>

/* The keys, which therefore start no jump in a list. */
#define TAKE_LETTERS "ymp"

/* Records marked at once; the next mark says so. */
#define MARKS_MAX 500

struct mark {
	int db;
	long rowid;
};

/* Session memory only: never written anywhere, forgotten at the idle
 * reset (ui.c) and at quit. */
bool marks_has(int db, long rowid);
/* Marks or unmarks, saying which (or the limit) on the status line. */
void marks_toggle(struct app *app, int db, long rowid);
/* Every mark, in the order made; *n of them. */
const struct mark *marks_all(size_t *n);
void marks_clear(void);

/* y: the citations of items on the status line (the first) and in a
 * small view to copy by hand. article: a law's provision to name, or NULL. */
struct action take_cite(struct app *app, const struct mark *items, size_t n,
			const char *article);
/* p: items printed as [print] method says, or why not (and then the
 * citations). */
struct action take_print(struct app *app, const struct mark *items, size_t n);
/* y, p and m for one record; ACT_UNHANDLED for other keys. */
struct action take_key(struct app *app, int key, int db, long rowid, const char *article);

/* The views. */
struct view *stats_view_new(struct app *app, struct dbshared *sh);
struct view *recent_view_new(struct app *app, int db);
struct view *marked_view_new(struct app *app);

#endif
