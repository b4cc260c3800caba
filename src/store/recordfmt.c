/* The walk through a record's fields in the catalog's order, shared by
 * the record view and the command line so they always agree. */
#include "store/recordfmt.h"
#include "common/catalog.h"

#include <stdio.h>
#include <stdlib.h>
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

/* "1st Instance", "2nd Instance", ...: the portal's words. */
static void instance_label(char *buf, size_t len, size_t n)
{
	const char *suffix = "th";
	if (n % 100 < 11 || n % 100 > 13)
		suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
	snprintf(buf, len, "%zu%s Instance", n, suffix);
}

static int walk_proceedings(struct walk *w)
{
	const struct record *r = w->r;
	int rc = r->n_proc ? flush_heading(w) : 0;
	for (size_t i = 0; i < r->n_proc && rc == 0; i++) {
		const struct proceeding *p = &r->proc[i];
		char label[32];
		instance_label(label, sizeof label, i + 1);
		rc = w->emit(w->ctx, RF_FIELD, label, p->court ? p->court : "", -1);
		const char *parts[][2] = {{"Date", p->date},
					  {"Decision number", p->decision_number},
					  {"Decision", p->decision},
					  {"Outcome", p->outcome}, {"Sentence", p->sentence}};
		for (size_t k = 0; k < 5 && rc == 0; k++)
			if (parts[k][1] && *parts[k][1])
				rc = w->emit(w->ctx, RF_SUBFIELD, parts[k][0], parts[k][1], -1);
	}
	return rc;
}

/* Link i as "Title (Country, Year)", after label when there is one. */
static int emit_link(struct walk *w, const char *label, size_t i)
{
	const struct record_link *l = &w->r->links[i];
	char line[1200];
	snprintf(line, sizeof line, "%s (%s%s%s)", l->title ? l->title : l->id,
		 l->country ? l->country : "", l->country && l->year ? ", " : "",
		 l->year ? l->year : "");
	return w->emit(w->ctx, RF_LINK, label, line, (int)i);
}

/* The non-empty parts joined by ", ". */
static void join(char *buf, size_t len, const char *const *parts, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (!parts[i] || !*parts[i])
			continue;
		int k = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", parts[i]);
		if (k < 0 || (size_t)k >= len - used)
			return;
		used += (size_t)k;
	}
}

/* "Article 4"; an article already named ("Section 2", "s. 11") as is. */
static void article_label(char *buf, size_t len, const char *article)
{
	unsigned char c = (unsigned char)article[0];
	snprintf(buf, len, "%s%s", (c >= '0' && c <= '9') ? "Article " : "", article);
}

/* Links are always shown, "none recorded" included: their absence is
 * information for a reader following a case to its laws. */
static int walk_links(struct walk *w, const char *label)
{
	const struct record *r = w->r;
	int rc = w->emit(w->ctx, RF_HEADING, label, NULL, -1);
	size_t listed = 0;
	for (size_t i = 0; i < r->n_links && rc == 0; i++)
		if (r->links[i].place == LINK_LISTED) {
			rc = emit_link(w, NULL, i);
			listed++;
		}
	if (rc == 0 && listed == 0)
		rc = w->emit(w->ctx, RF_NOTE, NULL, "none recorded", -1);
	return rc;
}

/* Each defendant as a block: who, then each charge with its statute (a
 * link when it names a law record), verdict and sentence. */
static int walk_defendants(struct walk *w, const char *label)
{
	const struct record *r = w->r;
	int rc = r->n_def ? flush_heading(w) : 0;
	for (size_t i = 0; i < r->n_def && rc == 0; i++) {
		const struct defendant *d = &r->def[i];
		char head[64], who[600];
		snprintf(head, sizeof head, "%s %zu", label, i + 1);
		join(who, sizeof who, (const char *[]){d->name, d->gender, d->nationality,
						       d->age}, 4);
		rc = w->emit(w->ctx, RF_PART, head, who, -1);
		for (size_t k = 0; k < d->n_charges && rc == 0; k++) {
			const struct charge *c = &d->charges[k];
			rc = w->emit(w->ctx, RF_SUBFIELD, "Charge", c->charge, -1);
			/* The statute as the decision cites it; a link when it
			 * names a law record, to that law's provision. */
			if (rc == 0 && c->link >= 0 && c->statute)
				rc = w->emit(w->ctx, RF_LINK, "Statute", c->statute, c->link);
			else if (rc == 0 && c->link >= 0)
				rc = emit_link(w, "Statute", (size_t)c->link);
			else if (rc == 0 && c->statute)
				rc = w->emit(w->ctx, RF_SUBFIELD, "Statute", c->statute, -1);
			if (rc == 0 && c->verdict)
				rc = w->emit(w->ctx, RF_SUBFIELD, "Verdict", c->verdict, -1);
			if (rc == 0 && c->sentence)
				rc = w->emit(w->ctx, RF_SUBFIELD, "Sentence", c->sentence, -1);
		}
	}
	return rc;
}

/* Each article of a law: its heading, extract and tags, then the cases
 * whose charges cite it. */
static int walk_provisions(struct walk *w, const char *label)
{
	const struct record *r = w->r;
	if (r->n_prov == 0)
		return 0;
	int rc = w->emit(w->ctx, RF_HEADING, label, NULL, -1);
	for (size_t i = 0; i < r->n_prov && rc == 0; i++) {
		const struct provision *p = &r->prov[i];
		char head[300];
		article_label(head, sizeof head, p->article);
		rc = w->emit(w->ctx, RF_PART, head, p->heading ? p->heading : "", (int)i);
		if (rc == 0 && p->text)
			rc = w->emit(w->ctx, RF_SUBFIELD, "Text", p->text, -1);
		if (rc == 0 && p->implements)
			rc = w->emit(w->ctx, RF_SUBFIELD, "Implements", p->implements, -1);
		if (rc == 0 && p->cross_cutting)
			rc = w->emit(w->ctx, RF_SUBFIELD, "Cross-cutting issues",
				     p->cross_cutting, -1);
		for (size_t k = 0; k < r->n_links && rc == 0; k++)
			if (r->links[k].place == LINK_PROVISION && r->links[k].owner == i)
				rc = emit_link(w, "Applied in", k);
	}
	return rc;
}

int record_provision(const struct record *r, const char *article)
{
	for (size_t i = 0; article && i < r->n_prov; i++)
		if (strcmp(r->prov[i].article, article) == 0)
			return (int)i;
	return -1;
}

static const char *field_value(const struct record *r, const struct field_info *f)
{
	char key[64];
	const char *v;
	switch (f->kind) {
	case FIELD_TEXT:
	case FIELD_SUMMARY:
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
	case FIELD_DEFENDANTS:
		return walk_defendants(w, f->label);
	case FIELD_PROVISIONS:
		return walk_provisions(w, f->label);
	case FIELD_SUMMARY:
		if (w->r->n_def)
			return 0;
		break;
	default:
		break;
	}
	const char *value = field_value(w->r, f);
	if (!value)
		return 0;
	int rc = flush_heading(w);
	if (rc == 0 && f->label[0])
		return w->emit(w->ctx, RF_FIELD, f->label, value, -1);
	/* A text of several lines (a case's sources) is a paragraph each. */
	while (rc == 0) {
		const char *nl = strchr(value, '\n');
		if (!nl)
			return w->emit(w->ctx, RF_TEXT, NULL, value, -1);
		char *line = strndup(value, (size_t)(nl - value));
		rc = line ? w->emit(w->ctx, RF_TEXT, NULL, line, -1) : -1;
		free(line);
		value = nl + 1;
	}
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
