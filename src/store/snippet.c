/* Snippets that read. FTS5's snippet() cuts across the record's whole
 * indexed text, so a line under a result ran fields together ("...for
 * costs and expenses A Togolese girl..."). Here the line comes from one
 * field, found by walking the record as the record view shows it. */
#include "store/snippet.h"
#include "store/recordfmt.h"
#include "common/text.h"

#include <stdlib.h>
#include <string.h>

/* Bytes of context kept before the first match, and the most taken in
 * all: a result line is at most a terminal's width. */
#define LEAD_BYTES 40
#define SPAN_BYTES 240

struct find {
	char *const *terms;
	const bool *prefix;
	size_t n_terms;
	bool main_only;        /* first pass: the main text alone */
	bool seen_main;
	const char *heading;
	/* Copies: what record_walk emits lives only during the call (a
	 * list of values in the reader's language, a line of a text). */
	char *label;           /* where it was found; NULL for the main text */
	char *value;
	size_t start;          /* of the first match in value */
	char *first_text;
	bool failed;           /* out of memory */
};

static int find_piece(void *ctx, enum rf_kind kind, const char *label,
		      const char *value, int link)
{
	struct find *f = ctx;
	(void)link;
	if (kind == RF_HEADING) {
		f->heading = label;
		return 0;
	}
	if (kind != RF_TEXT && kind != RF_FIELD && kind != RF_SUBFIELD && kind != RF_LINK)
		return 0;
	bool is_main = kind == RF_TEXT && !f->seen_main;
	if (kind == RF_TEXT)
		f->seen_main = true;
	if (is_main && !f->first_text && value)
		f->failed |= !(f->first_text = strdup(value));
	if (f->main_only && !is_main)
		return 0;
	size_t s, e;
	if (!value || !text_match(value, strlen(value), 0, f->terms, f->prefix,
				  f->n_terms, &s, &e))
		return 0;
	const char *where = is_main ? NULL
			    : kind == RF_TEXT || kind == RF_LINK ? f->heading : label;
	f->value = strdup(value);
	f->label = where ? strdup(where) : NULL;
	f->failed |= !f->value || (where && !f->label);
	f->start = s;
	return 1;
}

/* The window around the match at byte `at`: from the first word that
 * begins within LEAD_BYTES before it, at most SPAN_BYTES, cut after a
 * word. Cuts fall after a space or on a character's first byte. */
static void window(const char *value, size_t at, size_t *from, size_t *to)
{
	size_t n = strlen(value), s = 0;
	if (at > LEAD_BYTES)
		for (s = at - LEAD_BYTES; s < at && value[s - 1] != ' '; s++)
			;
	size_t e = n - s > SPAN_BYTES ? s + SPAN_BYTES : n;
	if (e < n) {
		size_t cut = e;
		while (cut > at && value[cut] != ' ')
			cut--;
		if (cut > at)
			e = cut;
		else
			while (e > s && ((unsigned char)value[e] & 0xc0) == 0x80)
				e--;
	}
	*from = s, *to = e;
}

/* Appends value[from..to) with every match marked; matches with only
 * spaces between them (the words of a phrase) are one run. */
static void mark(char *out, size_t *len, const char *value, size_t from, size_t to,
		 const struct find *f)
{
	size_t at = from, s, e;
	while (at < to && text_match(value, to, at, f->terms, f->prefix, f->n_terms, &s, &e)
	       && e > at) {
		bool join = at > from && out[*len - 1] == '\2'
			    && strspn(value + at, " ") >= s - at;
		if (join)
			(*len)--;   /* reopen the run before */
		memcpy(out + *len, value + at, s - at), *len += s - at;
		if (!join)
			out[(*len)++] = '\1';
		memcpy(out + *len, value + s, e - s), *len += e - s;
		out[(*len)++] = '\2';
		at = e;
	}
	memcpy(out + *len, value + at, to - at), *len += to - at;
}

/* The snippet of what the walk found (f), or NULL. */
static char *snippet_of(const struct find *f)
{
	const char *value = f->value ? f->value : f->first_text;
	if (f->failed || !value || !*value)
		return NULL;
	size_t from = 0, to = strlen(value);
	if (f->value)
		window(value, f->start, &from, &to);
	else if (to > SPAN_BYTES)
		window(value, 0, &from, &to);
	size_t label_len = f->label ? strlen(f->label) + 2 : 0;
	/* Each byte may gain a mark before and after it, at worst. */
	char *out = malloc(label_len + 3 * (to - from) + 8);
	if (!out)
		return NULL;
	size_t len = 0;
	if (f->label)
		len += (size_t)sprintf(out, "%s: ", f->label);
	if (from > 0)
		memcpy(out + len, "...", 3), len += 3;
	mark(out, &len, value, from, to, f);
	if (to < strlen(value))
		memcpy(out + len, "...", 3), len += 3;
	out[len] = '\0';
	return out;
}

char *snippet_make(const struct record *r, char *const *terms, const bool *prefix,
		   size_t n_terms)
{
	struct find f = {.terms = terms, .prefix = prefix, .n_terms = n_terms,
			 .main_only = true};
	if (n_terms > 0 && !record_walk(r, find_piece, &f)) {
		f.main_only = false, f.seen_main = false, f.heading = NULL;
		record_walk(r, find_piece, &f);
	}
	char *out = snippet_of(&f);
	free(f.value);
	free(f.label);
	free(f.first_text);
	return out;
}

void snippet_page(struct store *st, int db, struct result_page *p,
		  char *const *terms, const bool *prefix, size_t n_terms)
{
	for (size_t i = 0; i < p->n; i++) {
		struct record rec;
		free(p->v[i].snippet);
		p->v[i].snippet = NULL;
		if (store_record(st, db, p->v[i].rowid, &rec) != 0)
			continue;
		p->v[i].snippet = snippet_make(&rec, terms, prefix, n_terms);
		record_free(&rec);
	}
}
