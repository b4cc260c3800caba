/* A record: every field with its label in the catalog's order, long texts
 * wrapped, the search terms marked, and links (a case's laws, a law's
 * cases) that Tab selects and Enter follows. */
#include "ui/ui_dbviews.h"
#include "ui/ui_doc.h"
#include "ui/ui_hints.h"
#include "ui/ui_take.h"
#include "common/audit.h"
#include "common/catalog.h"
#include "common/grow.h"
#include "common/i18n.h"
#include "store/recordfmt.h"
#include "store/store.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record_view {
	struct view v;
	struct doc doc;
	struct record rec;
	bool highlight;          /* mark the words of the database's search */
	int *link_of;            /* the document's link k is rec.links[link_of[k]] */
	size_t cap_link_of;
	int land;                /* the provision to open at, -1: the top */
};

/* The document numbers links in the order they are shown, so that Tab
 * goes down the screen; link_of maps them back to the record's links. */
static int doc_link(struct record_view *rv, int link)
{
	int k = rv->doc.n_links;
	if (grow(&rv->link_of, &rv->cap_link_of, (size_t)k, sizeof *rv->link_of, 8) != 0)
		return -2;
	rv->link_of[k] = link;
	return k;
}

/* Turns each piece of the record into blocks of the document. */
static int emit_block(void *ctx, enum rf_kind kind, const char *label,
		      const char *value, int link)
{
	struct record_view *rv = ctx;
	struct doc *d = &rv->doc;
	int k;
	switch (kind) {
	case RF_TITLE:
		return doc_addz(d, value, ROLE_HEADING, 0);
	case RF_ID:
		return doc_addz(d, value, ROLE_DIM, 0) | doc_blank(d);
	case RF_HEADING:
		return doc_blank(d) | doc_addz(d, label, ROLE_HEADING, 0);
	case RF_FIELD:
		return doc_add_field(d, label, value, 0);
	case RF_SUBFIELD:
		return doc_add_field(d, label, value, 2);
	case RF_TEXT:
		return doc_addz(d, value, ROLE_NORMAL, 0);
	case RF_LINK:
		if ((k = doc_link(rv, link)) < 0)
			return -1;
		return label ? doc_add_labelled(d, label, value, ROLE_LINK, 2, k)
			     : doc_add(d, value, strlen(value), ROLE_LINK, 2, k);
	case RF_NOTE:
		return doc_addz(d, value, ROLE_DIM, 2);
	case RF_PART:
		if (link >= 0 && link == rv->land)
			d->anchor = (long)d->n_blocks;
		return *value ? doc_add_field(d, label, value, 0)
			      : doc_addz(d, label, ROLE_NORMAL, 0);
	}
	return 0;
}

static int build(struct record_view *rv)
{
	return record_walk(&rv->rec, emit_block, rv);
}

static void record_draw(struct view *v, struct app *app, struct area a)
{
	struct record_view *rv = (struct record_view *)v;
	/* The search lives in app for as long as this view does; read it at
	 * each draw rather than keep pointers into it. */
	const struct dbshared *sh = rv->highlight ? app->shared[rv->rec.db] : NULL;
	rv->doc.terms = sh ? sh->state.q.terms : NULL;
	rv->doc.prefix = sh ? sh->state.q.prefix : NULL;
	rv->doc.n_terms = sh ? sh->state.q.n_terms : 0;
	doc_draw(&rv->doc, app, (struct area){a.y, a.x + 1, a.h, a.w - 2});
}

static struct action record_key(struct view *v, struct app *app, int key, struct area a)
{
	struct record_view *rv = (struct record_view *)v;
	if (key_is_enter(key) || key == KEY_RIGHT) {
		if (rv->doc.sel_link < 0) {
			ui_message(app, false, "%s", rv->rec.n_links
				   /* TRANSLATORS: Tab and Enter are keys. */
				   ? _("Press Tab to choose a link, then Enter.")
				   : _("This record has no links to follow."));
			return ACTION(ACT_NONE);
		}
		const struct record_link *l = &rv->rec.links[rv->link_of[rv->doc.sel_link]];
		/* The words searched for belong to this database's search. */
		return action_push(record_view_at(app, l->db, l->rowid,
						  l->db == rv->rec.db && rv->highlight,
						  l->article));
	}
	/* A law opened at a provision is cited at that article. */
	const char *article = rv->land >= 0 ? rv->rec.prov[rv->land].article : NULL;
	struct action take = take_key(app, key, rv->rec.db, rv->rec.rowid, article);
	if (take.kind != ACT_UNHANDLED)
		return take;
	return doc_key(&rv->doc, key, (struct area){a.y, a.x + 1, a.h, a.w - 2});
}

static unsigned record_hints(struct view *v, const struct app *app)
{
	struct record_view *rv = (struct record_view *)v;
	(void)app;
	unsigned links = rv->rec.n_links ? HINT(HINT_NEXT_LINK) | HINT(HINT_OPEN_LINK) : 0;
	return HINT(HINT_BACK) | HINT(HINT_HELP) | HINT(HINT_HOME) | links
	       | HINT(HINT_CITE) | HINT(HINT_PRINT)
	       | HINT(marks_has(rv->rec.db, rv->rec.rowid) ? HINT_UNMARK : HINT_MARK)
	       | HINT(HINT_SCROLL) | HINT(HINT_PAGE);
}

static void record_destroy(struct view *v)
{
	struct record_view *rv = (struct record_view *)v;
	doc_free(&rv->doc);
	record_free(&rv->rec);
	free(rv->link_of);
	free(rv);
}

static const struct view_ops record_ops = {record_draw, record_key, record_hints,
					   record_destroy, NULL};

struct view *record_view_new(struct app *app, int db, long rowid, bool highlight)
{
	return record_view_at(app, db, rowid, highlight, NULL);
}

struct view *record_view_at(struct app *app, int db, long rowid, bool highlight,
			    const char *article)
{
	struct record_view *rv = calloc(1, sizeof *rv);
	if (!rv)
		return NULL;
	rv->v.ops = &record_ops;
	rv->doc = (struct doc)DOC_INIT;
	rv->highlight = highlight;
	rv->land = -1;
	int rc = store_record(app->store, db, rowid, &rv->rec);
	if (rc != 0) {
		ui_message(app, true, "%s", rc > 0 ? _("That record is no longer in the database.")
						 : store_error(app->store));
		free(rv);
		return NULL;
	}
	rv->land = record_provision(&rv->rec, article);
	if (build(rv) != 0) {
		ui_message(app, true, "%s", _("Out of memory."));
		record_destroy(&rv->v);
		return NULL;
	}
	/* TRANSLATORS: a record's title bar: a database's short name, then
	 * the record's id ("Case Law: USA001"). */
	snprintf(rv->v.title, sizeof rv->v.title, _("%1$s: %2$s"), _(catalog[db].title),
		 record_value(&rv->rec, "id"));
	audit_record_opened(db, record_value(&rv->rec, "id"));
	return &rv->v;
}
