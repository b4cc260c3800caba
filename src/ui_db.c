/* A database's screen. */
#include "ui.h"
#include "catalog.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>

struct db_view {
	struct view v;
	int db;
	long count;
};

static void db_draw(struct view *v, struct app *app, struct area a)
{
	struct db_view *d = (struct db_view *)v;
	(void)app;
	char line[128];
	snprintf(line, sizeof line, "%s: %ld %s", catalog[d->db].title, d->count,
		 d->count == 1 ? catalog[d->db].noun : catalog[d->db].nouns);
	ui_puts(a.y + 1, a.x + 2, line, a.w - 4, ROLE_HEADING);
}

static enum key_result db_key(struct view *v, struct app *app, int key, struct area a)
{
	(void)v, (void)app, (void)key, (void)a;
	return KEY_UNHANDLED;
}

static const char *db_hints(struct view *v)
{
	(void)v;
	return "Esc/h: back  H: home  ?: help";
}

static void db_destroy(struct view *v)
{
	free(v);
}

static const struct view_ops db_ops = {db_draw, db_key, db_hints, db_destroy};

struct view *db_view_new(struct app *app, int db)
{
	long n = store_count(app->store, db);
	if (n < 0) {
		ui_message(app, true, "%s", store_error(app->store));
		return NULL;
	}
	struct db_view *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->v.ops = &db_ops;
	d->db = db;
	d->count = n;
	snprintf(d->v.title, sizeof d->v.title, "%s", catalog[db].title);
	return &d->v;
}
