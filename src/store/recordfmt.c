/* The walk through a record's fields in the catalog's order, shared by
 * the record view and the command line so they always agree. */
#include "store/recordfmt.h"
#include "common/catalog.h"
#include "common/i18n.h"

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

/* "1st Instance", "2nd Instance", ...: the portal's words. English picks
 * a suffix by the number's last digits; a language with one ordinal form
 * translates the four formats alike. */
static void instance_label(char *buf, size_t len, size_t n)
{
	/* TRANSLATORS: the first instance (hearing) of a court procedure. */
	const char *fmt = _("1st Instance");
	if (n % 100 >= 11 && n % 100 <= 13)
		/* TRANSLATORS: the Nth instance of a court procedure, for N =
		   4 to 20, 24 to 30, ...; the four "Instance" formats after
		   "1st Instance" are the English suffixes st, nd, rd and th:
		   translate them alike if your language has one ordinal form. */
		fmt = _("%zuth Instance");
	else if (n != 1 && n % 10 == 1)
		/* TRANSLATORS: the 21st, 31st... instance of a procedure. */
		fmt = _("%zust Instance");
	else if (n % 10 == 2)
		/* TRANSLATORS: the 2nd, 22nd... instance of a procedure. */
		fmt = _("%zund Instance");
	else if (n % 10 == 3)
		/* TRANSLATORS: the 3rd, 23rd... instance of a procedure. */
		fmt = _("%zurd Instance");
	else if (n != 1)
		fmt = _("%zuth Instance");
	snprintf(buf, len, fmt, n);
}

static int walk_proceedings(struct walk *w)
{
	const struct record *r = w->r;
	int rc = r->n_proc ? flush_heading(w) : 0;
	for (size_t i = 0; i < r->n_proc && rc == 0; i++) {
		const struct proceeding *p = &r->proc[i];
		char label[96];
		instance_label(label, sizeof label, i + 1);
		rc = w->emit(w->ctx, RF_FIELD, label, p->court ? p->court : "", -1);
		/* TRANSLATORS: the parts of one instance of a procedure: the
		   date of its decision, that decision's number, the decision
		   itself, its outcome and the penalty imposed. */
		const char *parts[][2] = {{_("Date"), p->date},
					  {_("Decision number"), p->decision_number},
					  {_("Decision"), p->decision},
					  {_("Outcome"), p->outcome},
					  {_("Sentence"), p->sentence}};
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
	if (c >= '0' && c <= '9')
		/* TRANSLATORS: an article of a law; %s is its number as the law
		   gives it ("4", "225-4-1", "2(1)"). */
		snprintf(buf, len, _("Article %s"), article);
	else
		snprintf(buf, len, "%s", article);
}

/* Links are always shown, "none recorded" included: their absence is
 * information for a reader following a case to its laws. */
static int walk_links(struct walk *w, const char *label)
{
	const struct record *r = w->r;
	int rc = w->emit(w->ctx, RF_HEADING, _(label), NULL, -1);
	size_t listed = 0;
	for (size_t i = 0; i < r->n_links && rc == 0; i++)
		if (r->links[i].place == LINK_LISTED) {
			rc = emit_link(w, NULL, i);
			listed++;
		}
	if (rc == 0 && listed == 0)
		/* TRANSLATORS: under "Laws applied": no law is recorded. */
		rc = w->emit(w->ctx, RF_NOTE, NULL, _("none recorded"), -1);
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
		char head[128], who[600];
		/* TRANSLATORS: "Defendant 1": %1$s is "Defendant", %2$zu the
		   defendant's number in the case. */
		snprintf(head, sizeof head, _("%s %zu"), _(label), i + 1);
		join(who, sizeof who, (const char *[]){d->name, d->gender, d->nationality,
						       d->age}, 4);
		rc = w->emit(w->ctx, RF_PART, head, who, -1);
		for (size_t k = 0; k < d->n_charges && rc == 0; k++) {
			const struct charge *c = &d->charges[k];
			/* TRANSLATORS: a charge brought against a defendant. */
			rc = w->emit(w->ctx, RF_SUBFIELD, _("Charge"), c->charge, -1);
			/* The statute as the decision cites it; a link when it
			 * names a law record, to that law's provision. */
			/* TRANSLATORS: the law and article a charge is brought
			   under. */
			const char *statute = _("Statute");
			if (rc == 0 && c->link >= 0 && c->statute)
				rc = w->emit(w->ctx, RF_LINK, statute, c->statute, c->link);
			else if (rc == 0 && c->link >= 0)
				rc = emit_link(w, statute, (size_t)c->link);
			else if (rc == 0 && c->statute)
				rc = w->emit(w->ctx, RF_SUBFIELD, statute, c->statute, -1);
			if (rc == 0 && c->verdict)
				rc = w->emit(w->ctx, RF_SUBFIELD, _("Verdict"),
					     i18n_value(c->verdict), -1);
			if (rc == 0 && c->sentence)
				rc = w->emit(w->ctx, RF_SUBFIELD, _("Sentence"), c->sentence, -1);
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
	int rc = w->emit(w->ctx, RF_HEADING, _(label), NULL, -1);
	for (size_t i = 0; i < r->n_prov && rc == 0; i++) {
		const struct provision *p = &r->prov[i];
		char head[300];
		article_label(head, sizeof head, p->article);
		rc = w->emit(w->ctx, RF_PART, head, p->heading ? p->heading : "", (int)i);
		if (rc == 0 && p->text)
			/* TRANSLATORS: an extract of a law's article. */
			rc = w->emit(w->ctx, RF_SUBFIELD, _("Text"), p->text, -1);
		if (rc == 0 && p->implements)
			/* TRANSLATORS: the article of the Protocol or Convention
			   that a law's article puts into effect. */
			rc = w->emit(w->ctx, RF_SUBFIELD, _("Implements"), p->implements, -1);
		if (rc == 0 && p->cross_cutting)
			rc = w->emit(w->ctx, RF_SUBFIELD, _("Cross-cutting issues"),
				     p->cross_cutting, -1);
		for (size_t k = 0; k < r->n_links && rc == 0; k++)
			if (r->links[k].place == LINK_PROVISION && r->links[k].owner == i)
				/* TRANSLATORS: a case whose charges cite this
				   article of a law. */
				rc = emit_link(w, _("Applied in"), k);
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
		return v ? i18n_value(strcmp(v, "0") ? f->yes : f->no) : NULL;
	default:
		return NULL;
	}
}

/* The next value of a list joined by "; " (store_record.c), or NULL. */
static const char *next_part(const char *p)
{
	p += strcspn(p, ";");
	return *p ? p + 1 + (p[1] == ' ') : NULL;
}

/* The value at p (up to the next ';') in the current language. */
static const char *part_value(const char *p, char *buf, size_t size)
{
	snprintf(buf, size, "%.*s", (int)strcspn(p, ";"), p);
	return i18n_value(buf);
}

/* A list of values of ours ("Fraud; Deception") in the current language;
 * malloc'd, NULL when out of memory. */
static char *shown_values(const char *list)
{
	char part[256];
	size_t cap = 1, n = 0;
	for (const char *p = list; p; p = next_part(p))
		cap += strlen(part_value(p, part, sizeof part)) + 2;
	char *out = malloc(cap);
	for (const char *p = list; out && p; p = next_part(p))
		n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? "; " : "",
				      part_value(p, part, sizeof part));
	return out;
}

static int walk_field(struct walk *w, const struct field_info *f)
{
	switch (f->kind) {
	case FIELD_HEADING:
		w->heading = _(f->label);
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
	if (rc == 0 && f->values && f->kind == FIELD_LIST && f->label[0]) {
		char *shown = shown_values(value);
		rc = shown ? w->emit(w->ctx, RF_FIELD, _(f->label), shown, -1) : -1;
		free(shown);
		return rc;
	}
	if (f->values)
		value = i18n_value(value);
	if (rc == 0 && f->label[0])
		return w->emit(w->ctx, RF_FIELD, _(f->label), value, -1);
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
	snprintf(idline, sizeof idline, "%s %s", _(info->title), id ? id : "");
	int rc = emit(ctx, RF_TITLE, NULL, title ? title : "", -1);
	if (rc == 0)
		rc = emit(ctx, RF_ID, NULL, idline, -1);
	for (size_t i = 0; i < info->n_fields && rc == 0; i++)
		rc = walk_field(&w, &info->fields[i]);
	return rc;
}
