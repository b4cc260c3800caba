/* Citations and printable text of a record (cite.h). The citation picks
 * the portal's parts from the record's values; the text is record_walk's
 * pieces wrapped to a printer's width. */
#include "store/cite.h"
#include "store/recordfmt.h"
#include "common/grow.h"
#include "common/i18n.h"
#include "common/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parts {
	char buf[2048];
	size_t n;
};

/* Appends s after sep (sep left out before the first part); empty s adds
 * nothing. */
static void part(struct parts *p, const char *sep, const char *pre, const char *s)
{
	if (!s || !*s || p->n >= sizeof p->buf - 1)
		return;
	int k = snprintf(p->buf + p->n, sizeof p->buf - p->n, "%s%s%s",
			 p->n ? sep : "", pre, s);
	if (k > 0)
		p->n += (size_t)k < sizeof p->buf - p->n ? (size_t)k : sizeof p->buf - 1 - p->n;
}

static const char *decision_number(const struct record *r)
{
	for (size_t i = 0; i < r->n_proc; i++)
		if (r->proc[i].decision_number && *r->proc[i].decision_number)
			return r->proc[i].decision_number;
	return NULL;
}

char *record_cite(const struct record *r, const char *article)
{
	struct parts p = {.n = 0};
	const char *v = NULL;
	switch (r->db) {
	case DB_CASES:
		part(&p, ", ", "", record_value(r, "title"));
		part(&p, ", ", "", record_value(r, "court"));
		part(&p, ", ", "", record_value(r, "decision_date"));
		part(&p, ", ", "No. ", decision_number(r));
		part(&p, ", ", "", record_value(r, "country"));
		v = record_value(r, "case_number");
		part(&p, " ", "(", v ? v : record_value(r, "id"));
		if (v || record_value(r, "id"))
			part(&p, "", "", ")");
		break;
	case DB_LEGISLATION:
		part(&p, ", ", "", record_value(r, "title"));
		part(&p, ", ", "art. ", article);
		part(&p, ", ", "", record_value(r, "country"));
		v = record_value(r, "adopted");
		part(&p, ", ", "", v ? v : record_value(r, "year"));
		break;
	default:
		part(&p, "", "", record_value(r, "@author"));
		if ((v = record_value(r, "year"))) {
			part(&p, " ", "(", v);
			part(&p, "", "", ")");
		}
		part(&p, ". ", "", record_value(r, "title"));
		part(&p, ". ", "", record_value(r, "publisher"));
		part(&p, "", "", ".");
		break;
	}
	for (size_t i = 0; i < p.n; i++)
		if (p.buf[i] == '\n' || p.buf[i] == '\t')
			p.buf[i] = ' ';
	return text_clean(p.buf, p.n, false);
}

struct out {
	char **buf;
	size_t *len, *cap, *lines;
	const struct record *r;
	int failed;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->failed)
		return;
	for (size_t i = 0; i <= n; i++)
		if (grow(o->buf, o->cap, *o->len + i, 1, 4096) != 0) {
			o->failed = 1;
			return;
		}
	memcpy(*o->buf + *o->len, s, n);
	*o->len += n;
	(*o->buf)[*o->len] = '\0';
}

static void newline(struct out *o)
{
	put(o, "\n", 1);
	(*o->lines)++;
}

/* Writes head then text, wrapped to the printer's width; lines after the
 * first start at indent. */
static void para(struct out *o, int indent, const char *head, const char *text)
{
	size_t hn = strlen(head), tn = strlen(text);
	char *joined = malloc(hn + tn + 1);
	if (!joined) {
		o->failed = 1;
		return;
	}
	memcpy(joined, head, hn);
	memcpy(joined + hn, text, tn + 1);
	char *clean = text_clean(joined, hn + tn, true);
	free(joined);
	struct text_lines tl = {0};
	if (!clean || text_wrap(clean, strlen(clean), PRINT_COLS - indent, &tl) != 0) {
		o->failed = 1;
	} else {
		for (size_t i = 0; i < tl.n; i++) {
			put(o, "        ", (size_t)(indent < 8 ? indent : 8));
			put(o, clean + tl.v[i].off, tl.v[i].len);
			newline(o);
		}
	}
	text_lines_free(&tl);
	free(clean);
}

static int piece(void *ctx, enum rf_kind kind, const char *label, const char *value,
		 int link)
{
	struct out *o = ctx;
	char head[256];
	value = value ? value : "";   /* a heading has none */
	snprintf(head, sizeof head, "%s%s", label ? label : "", label && *value ? ": " : "");
	switch (kind) {
	case RF_TITLE:
		para(o, 0, "", value);
		break;
	case RF_ID:
		para(o, 0, "", value);
		newline(o);
		break;
	case RF_HEADING:
		newline(o);
		para(o, 0, "", label);
		break;
	case RF_PART:
		newline(o);
		para(o, 0, head, value);
		break;
	case RF_FIELD:
		para(o, 0, head, value);
		break;
	case RF_SUBFIELD:
	case RF_NOTE:
		para(o, 2, kind == RF_NOTE ? "" : head, value);
		break;
	case RF_LINK: {
		const struct record_link *l = &o->r->links[link];
		char text[1024];
		snprintf(text, sizeof text, "%s [%s]", value, l->id ? l->id : "");
		para(o, 2, label ? head : "", text);
		break;
	}
	case RF_TEXT:
		para(o, 0, "", value);
		break;
	}
	return o->failed;
}

int record_text(const struct record *r, const char *cite, const char *data_date,
		char **buf, size_t *len, size_t *cap, size_t *lines)
{
	struct out o = {buf, len, cap, lines, r, 0};
	para(&o, 0, "", cite);
	char line[256];
	if (data_date && *data_date)
		/* TRANSLATORS: under a printed record's citation; %s is the day
		   of the data (2026-03-14). The portal's name is UNODC's. */
		snprintf(line, sizeof line, _("Human Trafficking Knowledge Portal, data of %s"),
			 data_date);
	else
		snprintf(line, sizeof line, "%s",
			 _("Human Trafficking Knowledge Portal, data of an unknown day"));
	para(&o, 0, "", line);
	char rule[PRINT_COLS + 1];
	memset(rule, '-', PRINT_COLS);
	put(&o, rule, PRINT_COLS);
	newline(&o);
	newline(&o);
	record_walk(r, piece, &o);
	return o.failed ? -1 : 0;
}
