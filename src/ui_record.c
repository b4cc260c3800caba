/* A record: every field with its label in the catalog's order, long texts
 * wrapped, the search terms marked, and links (a case's laws, a law's
 * cases) that Tab selects and Enter follows. */
#include "ui_dbviews.h"
#include "ui_doc.h"
#include "catalog.h"
#include "store.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record_view {
	struct view v;
	struct doc doc;
	struct record rec;
	const struct query *q;   /* owned by the database view below */
};

static int add_proceedings(struct doc *d, const struct record *r)
{
	int rc = 0;
	for (size_t i = 0; i < r->n_proc && rc == 0; i++) {
		const struct proceeding *p = &r->proc[i];
		char label[32];
		snprintf(label, sizeof label, "Instance %zu", i + 1);
		rc = doc_add_field(d, label, p->court ? p->court : "", 0);
		const char *parts[][2] = {{"Date", p->date}, {"Decision", p->decision},
					  {"Outcome", p->outcome}, {"Sentence", p->sentence}};
		for (size_t k = 0; k < 4 && rc == 0; k++)
			if (parts[k][1] && *parts[k][1])
				rc = doc_add_field(d, parts[k][0], parts[k][1], 2);
	}
	return rc;
}

static int add_links(struct doc *d, const struct record *r, const char *label)
{
	int rc = doc_blank(d);
	if (rc == 0)
		rc = doc_addz(d, label, ROLE_HEADING, 0);
	if (rc == 0 && r->n_links == 0)
		rc = doc_addz(d, "none recorded", ROLE_DIM, 2);
	for (size_t i = 0; i < r->n_links && rc == 0; i++) {
		const struct record_link *l = &r->links[i];
		char line[1200];
		snprintf(line, sizeof line, "%s (%s%s%s)", l->title ? l->title : l->id,
			 l->country ? l->country : "", l->country && l->year ? ", " : "",
			 l->year ? l->year : "");
		rc = doc_add(d, line, strlen(line), ROLE_LINK, 2, (int)i);
	}
	return rc;
}

/* One field of the catalog, skipped when the record has no value. */
static int add_field(struct doc *d, const struct record *r, const struct field_info *f,
		     bool *pending_heading, const char **heading)
{
	char key[64];
	const char *value = NULL;
	switch (f->kind) {
	case FIELD_HEADING:
		*heading = f->label;
		*pending_heading = true;
		return 0;
	case FIELD_TEXT:
		value = record_value(r, f->source);
		break;
	case FIELD_LIST:
		snprintf(key, sizeof key, "@%s", f->source);
		value = record_value(r, key);
		break;
	case FIELD_FLAG:
		value = record_value(r, f->source);
		if (value)
			value = strcmp(value, "0") ? f->yes : f->no;
		break;
	case FIELD_PROCEEDINGS:
		if (r->n_proc == 0)
			return 0;
		break;
	case FIELD_LINKS:
		return add_links(d, r, f->label);
	}
	if (!value && f->kind != FIELD_PROCEEDINGS)
		return 0;
	int rc = 0;
	if (*pending_heading) {
		rc |= doc_blank(d);
		rc |= doc_addz(d, *heading, ROLE_HEADING, 0);
		*pending_heading = false;
	}
	if (f->kind == FIELD_PROCEEDINGS)
		return rc | add_proceedings(d, r);
	if (f->label[0])
		return rc | doc_add_field(d, f->label, value, 0);
	return rc | doc_addz(d, value, ROLE_NORMAL, 0);
}

static int build(struct record_view *rv)
{
	const struct record *r = &rv->rec;
	const struct db_info *info = &catalog[r->db];
	struct doc *d = &rv->doc;
	int rc = doc_addz(d, record_value(r, "title") ? record_value(r, "title") : "",
			  ROLE_HEADING, 0);
	char id[200];
	snprintf(id, sizeof id, "%s %s", info->title, record_value(r, "id"));
	rc |= doc_addz(d, id, ROLE_DIM, 0);
	rc |= doc_blank(d);
	bool pending = false;
	const char *heading = NULL;
	for (size_t i = 0; i < info->n_fields && rc == 0; i++)
		rc = add_field(d, r, &info->fields[i], &pending, &heading);
	return rc;
}

static void record_draw(struct view *v, struct app *app, struct area a)
{
	struct record_view *rv = (struct record_view *)v;
	if (rv->q) {
		rv->doc.terms = rv->q->terms;
		rv->doc.prefix = rv->q->prefix;
		rv->doc.n_terms = rv->q->n_terms;
	}
	doc_draw(&rv->doc, app, (struct area){a.y, a.x + 1, a.h, a.w - 2});
}

static enum key_result record_key(struct view *v, struct app *app, int key, struct area a)
{
	struct record_view *rv = (struct record_view *)v;
	if (key_is_enter(key) || key == KEY_RIGHT) {
		if (rv->doc.sel_link < 0) {
			ui_message(app, false, rv->rec.n_links
				   ? "Press Tab to choose a link, then Enter."
				   : "This record has no links to follow.");
			return KEY_HANDLED;
		}
		const struct record_link *l = &rv->rec.links[rv->doc.sel_link];
		struct view *nv = record_view_new(app, l->db, l->rowid, rv->q);
		if (nv)
			view_push(app, nv);
		return KEY_HANDLED;
	}
	return doc_key(&rv->doc, key, (struct area){a.y, a.x + 1, a.h, a.w - 2});
}

static const char *record_hints(struct view *v)
{
	struct record_view *rv = (struct record_view *)v;
	return rv->rec.n_links ? "Tab: next link  Enter: open it  PgDn/PgUp  Esc: back"
			       : "Up/Down PgUp/PgDn: scroll  Esc: back  H: home";
}

static void record_destroy(struct view *v)
{
	struct record_view *rv = (struct record_view *)v;
	doc_free(&rv->doc);
	record_free(&rv->rec);
	free(rv);
}

static const struct view_ops record_ops = {record_draw, record_key, record_hints,
					   record_destroy};

struct view *record_view_new(struct app *app, int db, long rowid, const struct query *q)
{
	struct record_view *rv = calloc(1, sizeof *rv);
	if (!rv)
		return NULL;
	rv->v.ops = &record_ops;
	rv->doc = (struct doc)DOC_INIT;
	rv->q = q;
	int rc = store_record(app->store, db, rowid, &rv->rec);
	if (rc != 0) {
		ui_message(app, true, "%s", rc > 0 ? "That record is no longer in the database."
						 : store_error(app->store));
		free(rv);
		return NULL;
	}
	if (build(rv) != 0) {
		ui_message(app, true, "Out of memory.");
		record_destroy(&rv->v);
		return NULL;
	}
	snprintf(rv->v.title, sizeof rv->v.title, "%s: %s", catalog[db].title,
		 record_value(&rv->rec, "id"));
	return &rv->v;
}
