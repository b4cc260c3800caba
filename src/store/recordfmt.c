/* The walk through a record's fields in the catalog's order, shared by
 * the record view and the command line so they always agree. */
#include "store/recordfmt.h"
#include "common/catalog.h"

#include <stdio.h>
#include <string.h>

struct walk {
	const struct record *r;
	rf_emit emit;
	void *ctx;
	const char *heading;   /* waiting for a field with a value */
};

static int flush_heading(struct walk *w)
{
	const char *h = w->heading;
	w->heading = NULL;
	return h ? w->emit(w->ctx, RF_HEADING, h, NULL, -1) : 0;
}

static int walk_proceedings(struct walk *w)
{
	const struct record *r = w->r;
	int rc = r->n_proc ? flush_heading(w) : 0;
	for (size_t i = 0; i < r->n_proc && rc == 0; i++) {
		const struct proceeding *p = &r->proc[i];
		char label[32];
		snprintf(label, sizeof label, "Instance %zu", i + 1);
		rc = w->emit(w->ctx, RF_FIELD, label, p->court ? p->court : "", -1);
		const char *parts[][2] = {{"Date", p->date}, {"Decision", p->decision},
					  {"Outcome", p->outcome}, {"Sentence", p->sentence}};
		for (size_t k = 0; k < 4 && rc == 0; k++)
			if (parts[k][1] && *parts[k][1])
				rc = w->emit(w->ctx, RF_SUBFIELD, parts[k][0], parts[k][1], -1);
	}
	return rc;
}

/* Links are always shown, "none recorded" included: their absence is
 * information for a reader following a case to its laws. */
static int walk_links(struct walk *w, const char *label)
{
	const struct record *r = w->r;
	int rc = w->emit(w->ctx, RF_HEADING, label, NULL, -1);
	if (rc == 0 && r->n_links == 0)
		rc = w->emit(w->ctx, RF_NOTE, NULL, "none recorded", -1);
	for (size_t i = 0; i < r->n_links && rc == 0; i++) {
		const struct record_link *l = &r->links[i];
		char line[1200];
		snprintf(line, sizeof line, "%s (%s%s%s)", l->title ? l->title : l->id,
			 l->country ? l->country : "", l->country && l->year ? ", " : "",
			 l->year ? l->year : "");
		rc = w->emit(w->ctx, RF_LINK, NULL, line, (int)i);
	}
	return rc;
}

static const char *field_value(const struct record *r, const struct field_info *f)
{
	char key[64];
	const char *v;
	switch (f->kind) {
	case FIELD_TEXT:
		return record_value(r, f->source);
	case FIELD_LIST:
		snprintf(key, sizeof key, "@%s", f->source);
		return record_value(r, key);
	case FIELD_FLAG:
		v = record_value(r, f->source);
		return v ? (strcmp(v, "0") ? f->yes : f->no) : NULL;
	default:
		return NULL;
	}
}

static int walk_field(struct walk *w, const struct field_info *f)
{
	switch (f->kind) {
	case FIELD_HEADING:
		w->heading = f->label;
		return 0;
	case FIELD_PROCEEDINGS:
		return walk_proceedings(w);
	case FIELD_LINKS:
		w->heading = NULL;
		return walk_links(w, f->label);
	default:
		break;
	}
	const char *value = field_value(w->r, f);
	if (!value)
		return 0;
	int rc = flush_heading(w);
	if (rc == 0)
		rc = w->emit(w->ctx, f->label[0] ? RF_FIELD : RF_TEXT, f->label, value, -1);
	return rc;
}

int record_walk(const struct record *r, rf_emit emit, void *ctx)
{
	const struct db_info *info = &catalog[r->db];
	struct walk w = {r, emit, ctx, NULL};
	const char *title = record_value(r, "title"), *id = record_value(r, "id");
	char idline[200];
	snprintf(idline, sizeof idline, "%s %s", info->title, id ? id : "");
	int rc = emit(ctx, RF_TITLE, NULL, title ? title : "", -1);
	if (rc == 0)
		rc = emit(ctx, RF_ID, NULL, idline, -1);
	for (size_t i = 0; i < info->n_fields && rc == 0; i++)
		rc = walk_field(&w, &info->fields[i]);
	return rc;
}
