/* query.c: turns what a person typed into a safe FTS5 MATCH expression.
 * Every word and phrase reaches FTS5 inside double quotes, so nothing typed
 * ever acts as FTS5 or SQL syntax; the only operators are the ones this
 * grammar emits, fully parenthesised.
 *
 * Grammar (the help screen says the same):
 *   two words       both must match (AND); words are separated by white space
 *   "a phrase"      its words next to each other, in order. A quote opens a
 *                   phrase only at the start of a word; without a closing
 *                   quote the phrase runs to the end of the input.
 *   word*  "a ph"*  prefix: words that begin with it (the phrase's last word)
 *   a OR b          either; OR in capitals. It binds tighter than the
 *                   implicit AND: child OR minor labour = (child OR minor) labour
 *   -word -"a ph"   leave out records that match; needs one word to search for
 *   NOT word        the same as -word (NOT in capitals)
 *   AND             in capitals: optional, the same as a space
 * Everything else is literal text. Lowercase or, and, not are ordinary words.
 * Words with punctuation inside (forced-labour, who's, art.4, c++) match
 * their parts as a phrase, the way the tokenizer split the records.
 * Characters the tokenizer skips are trimmed from either end of a word or
 * phrase ("(child)" is child, "50%" is 50), and one with no letter or digit
 * at all ("%", "*", "-", "") is dropped as if not typed: FTS5 matches nothing
 * for an empty phrase, which would empty the whole AND. An OR without a word
 * on each side or next to an excluded word, and a NOT with no word after it,
 * are ignored with a hint. Control characters and bytes that are not UTF-8
 * are dropped; any Unicode white space separates words. Only the first
 * QUERY_MAX_BYTES bytes and QUERY_MAX_TERMS words and phrases are used, with
 * a hint. Case and diacritics are left to the tokenizer.
 *
 * Near misses: a word typed without quotes or * also finds its other
 * spellings (spelling.c: labour finds labor, victims finds victim), and a
 * possessive 's is dropped (France's is France); phrases stay exact. When
 * the words find nothing, the store tries the alternatives made here, in
 * tiers: every word as a prefix (Togo finds Togolese); then, for 2 to
 * QUERY_MAX_DROP words, each word left out in turn; then the same with
 * prefixes. One word with something besides letters in it (NGA-2004-001)
 * is offered to the store as a record id too.
 */
#include "query/query.h"
#include "query/spelling.h"
#include "common/i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <unistr.h>

/* In rising importance: a later hint replaces an earlier one. */
enum hint {
	HINT_NONE,
	HINT_DANGLING_OR,
	HINT_DANGLING_NOT,
	HINT_NOT_UTF8,
	HINT_TOO_LONG,
	HINT_ONLY_EXCLUDED,
	HINT_NOTHING,
};

/* TRANSLATORS: OR, NOT and the - before a word are operators typed in a
   search, the same in every language: keep them as they are. */
static const char *const hint_text[] = {
	[HINT_NONE] = NULL,
	[HINT_DANGLING_OR] = N_("OR needs a word on each side; it was ignored."),
	[HINT_DANGLING_NOT] = N_("NOT needs a word after it; it was ignored."),
	[HINT_NOT_UTF8] = N_("Some characters could not be read and were ignored."),
	[HINT_TOO_LONG] = N_("Search too long: only its beginning was used."),
	[HINT_ONLY_EXCLUDED] = N_("Add a word to search for: - only excludes."),
	[HINT_NOTHING] = N_("Type a word or a number to search for."),
};

struct term {
	const char *text; /* tidied, NUL-terminated, inside parse.buf */
	size_t len;
	bool prefix;
	bool exclude;
	bool plain;       /* typed without quotes: a word its spellings stand for */
	size_t group;     /* positive terms: its OR group; members are adjacent */
	char var[QUERY_MAX_VARIANTS - 1][SPELLING_BYTES]; /* other spellings */
	size_t n_var;
};

struct parse {
	char buf[QUERY_MAX_BYTES + 1]; /* cleaned input, cut into terms in place */
	struct term terms[QUERY_MAX_TERMS];
	size_t n_terms;
	size_t n_groups;
	bool typed;         /* the input held something besides white space */
	bool pending_or;    /* an OR waits for the term after it */
	bool pending_not;   /* a NOT waits for the term after it */
	bool last_positive; /* the latest term kept was not excluded */
	enum hint hint;
};

static void note(struct parse *p, enum hint h)
{
	if (h > p->hint)
		p->hint = h;
}

static bool is_control(ucs4_t uc)
{
	return uc < 0x20 || (uc >= 0x7f && uc < 0xa0);
}

/* Characters the unicode61 tokenizer keeps in a token (marks ride along). */
static bool is_word_char(ucs4_t uc)
{
	return uc_is_general_category(uc, UC_CATEGORY_L)
		|| uc_is_general_category(uc, UC_CATEGORY_N)
		|| uc_is_general_category(uc, UC_CATEGORY_M)
		|| uc_is_general_category(uc, UC_CATEGORY_Co);
}

static bool is_alnum(ucs4_t uc)
{
	return uc_is_general_category(uc, UC_CATEGORY_L)
		|| uc_is_general_category(uc, UC_CATEGORY_N)
		|| uc_is_general_category(uc, UC_CATEGORY_Co);
}

/* A non-space character did not fit: cut back to the last whole word, so a
 * half word does not narrow the search, unless the input is one long word. */
static size_t cut_at_word(const char *buf, size_t n, bool mid_word)
{
	if (!mid_word)
		return n;
	size_t k = n;
	while (k > 0 && buf[k - 1] != ' ')
		k--;
	return k > 0 ? k : n;
}

/* Copies input into p->buf as valid UTF-8 without control characters, any
 * white space as one ASCII space, and at most QUERY_MAX_BYTES bytes. */
static void clean_input(struct parse *p, const char *input)
{
	const uint8_t *s = (const uint8_t *)input;
	const uint8_t *end = s + strlen(input);
	size_t n = 0;
	bool prev_space = true;

	while (s < end) {
		ucs4_t uc;
		int len = u8_mbtoucr(&uc, s, (size_t)(end - s));
		if (len < 0) {
			p->typed = true;
			note(p, HINT_NOT_UTF8);
			s++;
			continue;
		}
		s += len;
		bool space = uc_is_property_white_space(uc);
		if (!space)
			p->typed = true;
		if (!space && is_control(uc))
			continue;
		size_t need = space ? 1 : (size_t)len;
		if (n + need > QUERY_MAX_BYTES) {
			if (space) {
				prev_space = true;
				continue;
			}
			note(p, HINT_TOO_LONG);
			n = cut_at_word(p->buf, n, !prev_space);
			break;
		}
		if (space)
			p->buf[n] = ' ';
		else
			memcpy(p->buf + n, s - len, need);
		n += need;
		prev_space = space;
	}
	p->buf[n] = '\0';
}

/* Collapses white space runs to one space and trims what the tokenizer
 * skips at either end, in place; returns the start, or NULL when no letter
 * or digit is left. */
static char *tidy(char *s, size_t *len)
{
	char *w = s;
	for (const char *r = s; *r != '\0'; r++)
		if (*r != ' ' || (w > s && w[-1] != ' '))
			*w++ = *r;
	*w = '\0';

	const uint8_t *u = (const uint8_t *)s;
	size_t size = (size_t)(w - s), first = SIZE_MAX, last = 0;
	bool alnum = false;
	for (size_t i = 0; i < size;) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, u + i, size - i);
		if (is_word_char(uc)) {
			if (first == SIZE_MAX)
				first = i;
			last = i + (size_t)n;
		}
		alnum = alnum || is_alnum(uc);
		i += (size_t)n;
	}
	if (!alnum)
		return NULL;
	s[last] = '\0';
	*len = last - first;
	return s + first;
}

/* Handles OR, NOT and AND typed in capitals as a whole word; returns false
 * for any other word. */
static bool take_operator(struct parse *p, const char *w, size_t len)
{
	if (len == 2 && memcmp(w, "OR", 2) == 0) {
		if (p->last_positive && !p->pending_or && !p->pending_not)
			p->pending_or = true;
		else
			note(p, HINT_DANGLING_OR);
		return true;
	}
	if (len == 3 && memcmp(w, "NOT", 3) == 0) {
		p->pending_not = true;
		return true;
	}
	return len == 3 && memcmp(w, "AND", 3) == 0;
}

/* Cuts a possessive 's (straight or curly apostrophe) off a tidied word,
 * so that France's finds France: the tokenizer made France's "france s". */
static char *drop_possessive(char *t, size_t *len)
{
	static const char *const marks[] = {"'s", "'S", "\xe2\x80\x99s", "\xe2\x80\x99S"};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t n = strlen(marks[i]);
		if (*len > n && memcmp(t + *len - n, marks[i], n) == 0) {
			t[*len - n] = '\0';
			return tidy(t, len);
		}
	}
	return t;
}

/* Adds a word or phrase, joining it to the previous term's group after an
 * OR; returns false once the term limit is reached. */
static bool take_term(struct parse *p, char *text, bool prefix, bool exclude,
					  bool plain)
{
	size_t len;
	char *t = tidy(text, &len);
	if (t != NULL && plain)
		t = drop_possessive(t, &len);
	if (t == NULL)
		return true;
	if (p->n_terms == QUERY_MAX_TERMS) {
		note(p, HINT_TOO_LONG);
		return false;
	}
	exclude = exclude || p->pending_not;
	if (exclude && p->pending_or)
		note(p, HINT_DANGLING_OR);
	struct term *term = &p->terms[p->n_terms++];
	*term = (struct term){ .text = t, .len = len, .prefix = prefix,
						   .exclude = exclude, .plain = plain };
	if (plain && !prefix)
		term->n_var = spelling_variants(t, len, term->var, QUERY_MAX_VARIANTS - 1);
	if (!exclude) {
		if (!p->pending_or)
			p->n_groups++;
		term->group = p->n_groups - 1;
	}
	p->pending_or = false;
	p->pending_not = false;
	p->last_positive = !exclude;
	return true;
}

/* Splits p->buf into words, "phrases" and operators, in place. */
static void lex(struct parse *p)
{
	char *s = p->buf;
	while (*s != '\0') {
		if (*s == ' ') {
			s++;
			continue;
		}
		bool exclude = false, prefix = false;
		if (*s == '-' && s[1] != '\0' && s[1] != ' ') {
			exclude = true;
			s++;
		}
		char *start, *end;
		bool plain = *s != '"';
		if (!plain) {
			start = s + 1;
			end = strchr(start, '"');
			if (end == NULL)
				end = start + strlen(start);
			s = *end != '\0' ? end + 1 : end;
			for (; *s == '*'; s++)
				prefix = true;
		} else {
			start = s;
			end = s + strcspn(s, " ");
			s = *end != '\0' ? end + 1 : end;
			if (!exclude && take_operator(p, start, (size_t)(end - start)))
				continue;
			for (; end > start && end[-1] == '*'; end--)
				prefix = true;
		}
		*end = '\0';
		if (!take_term(p, start, prefix, exclude, plain))
			return;
	}
}

/* How an expression reads the terms: as typed, every positive term as a
 * prefix, and with one OR group of positive terms left out. */
struct reading {
	bool prefix;
	size_t skip;   /* group left out, or SIZE_MAX */
};

static const struct reading as_typed = {false, SIZE_MAX};

static size_t put(char *out, size_t n, const char *s)
{
	size_t len = strlen(s);
	memcpy(out + n, s, len);
	return n + len;
}

/* Appends one spelling as an FTS5 string: in double quotes, inner quotes
 * doubled, so the tokenizer sees it as one phrase and FTS5 sees no syntax
 * in it. */
static size_t put_string(char *out, size_t n, const char *s, size_t len, bool prefix)
{
	out[n++] = '"';
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			out[n++] = '"';
		out[n++] = s[i];
	}
	out[n++] = '"';
	if (prefix)
		out[n++] = '*';
	return n;
}

/* True when a spelling before variant i begins the way it does (labor*
 * finds labors already). */
static bool covered(const struct term *t, size_t i)
{
	if (strncasecmp(t->var[i], t->text, t->len) == 0)
		return true;
	for (size_t k = 0; k < i; k++)
		if (strncmp(t->var[i], t->var[k], strlen(t->var[k])) == 0)
			return true;
	return false;
}

/* Appends a term and its other spellings, joined by OR. */
static size_t put_term(char *out, size_t n, const struct term *t, struct reading r)
{
	bool prefix = t->prefix || (r.prefix && !t->exclude);
	n = put_string(out, n, t->text, t->len, prefix);
	for (size_t i = 0; i < t->n_var; i++) {
		if (prefix && covered(t, i))
			continue;
		n = put(out, n, " OR ");
		n = put_string(out, n, t->var[i], strlen(t->var[i]), prefix);
	}
	return n;
}

/* The most put_term may append for t. */
static size_t term_room(const struct term *t)
{
	size_t room = 2 * t->len + 9;
	for (size_t i = 0; i < t->n_var; i++)
		room += strlen(t->var[i]) + 8;
	return room;
}

/* Appends the positive terms: OR groups (and a word with other spellings)
 * in parentheses, joined by AND. */
static size_t put_positive(char *out, size_t n, const struct parse *p, struct reading r)
{
	bool any = false;
	for (size_t i = 0; i < p->n_terms; i++) {
		const struct term *t = &p->terms[i];
		if (t->exclude || t->group == r.skip)
			continue;
		bool with_prev = i > 0 && !t[-1].exclude && t[-1].group == t->group;
		bool with_next = i + 1 < p->n_terms && !t[1].exclude
						 && t[1].group == t->group;
		bool parens = with_prev || with_next || t->n_var > 0;
		if (with_prev)
			n = put(out, n, " OR ");
		else if (any)
			n = put(out, n, " AND ");
		if (parens && !with_prev)
			n = put(out, n, "(");
		n = put_term(out, n, t, r);
		if (parens && !with_next)
			n = put(out, n, ")");
		any = true;
	}
	return n;
}

/* Builds the MATCH expression: (positive) NOT (excluded OR ...), since FTS5
 * ranks NOT above AND above OR. Returns NULL when out of memory. */
static char *build_fts(const struct parse *p, struct reading r)
{
	size_t cap = 16, n_excluded = 0;
	for (size_t i = 0; i < p->n_terms; i++) {
		cap += term_room(&p->terms[i]);
		n_excluded += p->terms[i].exclude;
	}
	char *out = malloc(cap);
	if (out == NULL)
		return NULL;
	size_t n = 0;
	if (n_excluded > 0)
		n = put(out, n, "(");
	n = put_positive(out, n, p, r);
	if (n_excluded > 0) {
		n = put(out, n, ") NOT (");
		bool any = false;
		for (size_t i = 0; i < p->n_terms; i++) {
			if (!p->terms[i].exclude)
				continue;
			if (any)
				n = put(out, n, " OR ");
			n = put_term(out, n, &p->terms[i], r);
			any = true;
		}
		n = put(out, n, ")");
	}
	out[n] = '\0';
	return out;
}

/* Appends to buf (room bytes, NUL-terminated) the positive terms of
 * group g, or of every group but g when others, as typed but with a * on
 * each in a prefix reading; "..." where room runs out. */
static void say_terms(char *buf, size_t room, const struct parse *p, size_t g,
					  bool others, bool prefix)
{
	size_t n = strlen(buf);
	const char *sep = "";
	for (size_t i = 0; i < p->n_terms; i++) {
		const struct term *t = &p->terms[i];
		if (t->exclude || (t->group == g) == others)
			continue;
		bool quote = strchr(t->text, ' ') != NULL;
		int w = snprintf(buf + n, room - n, "%s%s%s%s%s", sep, quote ? "\"" : "",
						 t->text, quote ? "\"" : "", prefix || t->prefix ? "*" : "");
		if (w < 0 || (size_t)w + 4 >= room - n) {
			snprintf(buf + n, room - n, "%s...", sep);
			return;
		}
		n += (size_t)w;
		bool or_next = i + 1 < p->n_terms && !t[1].exclude && t[1].group == t->group;
		sep = or_next ? " OR " : " ";
	}
}

static char *dup_text(const char *s, size_t len)
{
	char *d = malloc(len + 1);
	if (d != NULL) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

#define NOTE_BYTES 160

/* Writes into buf (room bytes) the message fmt with the terms: those of
 * group g (every group but g when others; prefix: with a *), cut with
 * "..." so that the whole message fits. The room left for the terms
 * counts fmt's conversions as text: an upper bound. */
static void say_note(char *buf, size_t room, const char *fmt, const struct parse *p,
					 size_t g, bool others, bool prefix)
{
	char terms[NOTE_BYTES] = "";
	size_t fixed = strlen(fmt);
	if (fixed + 8 < room)
		say_terms(terms, room - fixed, p, g, others, prefix);
	snprintf(buf, room, fmt, terms);
}

/* "None has all 3 words; without servitude" (and the prefixes shown). */
static void drop_note(char *buf, size_t room, const struct parse *p, size_t g,
					  bool prefix)
{
	unsigned long n = p->n_groups;
	char without[NOTE_BYTES] = "", showing[NOTE_BYTES] = "";
	/* TRANSLATORS: no result has every word of a search; the results of
	   the search without the word(s) %s follow. */
	const char *fmt = n == 2 ? _("None has both words; without %s")
		: ngettext("None has all %zu word; without %s",
				   "None has all %zu words; without %s", n);
	if (prefix)
		/* TRANSLATORS: as "None has all %zu words; without %s", and the
		   results are of the other words as prefixes: %2$s (or %3$s)
		   is them, each with a * ("Togoles* France*"). */
		fmt = n == 2 ? _("None has both words; without %s, showing %s")
			: ngettext("None has all %zu word; without %s, showing %s",
					   "None has all %zu words; without %s, showing %s", n);
	size_t fixed = strlen(fmt);
	if (fixed + 8 < room)
		say_terms(without, room - fixed, p, g, false, false);
	if (prefix && fixed + strlen(without) + 8 < room)
		say_terms(showing, room - fixed - strlen(without), p, g, true, true);
	if (n == 2)
		snprintf(buf, room, fmt, without, showing);
	else
		snprintf(buf, room, fmt, p->n_groups, without, showing);
}

/* Adds the reading r, its note and tier to q->alts; -1 when out of
 * memory. */
static int add_alt(const struct parse *p, struct query *q, struct reading r,
				   int tier, const char *note)
{
	struct query_alt *a = &q->alts[q->n_alts++];
	a->fts = build_fts(p, r);
	a->note = dup_text(note, strlen(note));
	a->tier = tier;
	return a->fts != NULL && a->note != NULL ? 0 : -1;
}

/* The readings the store tries, in tiers, when the words as typed find
 * nothing; -1 when out of memory. */
static int add_alts(const struct parse *p, struct query *q)
{
	bool can_prefix = false;
	for (size_t i = 0; i < p->n_terms; i++)
		can_prefix = can_prefix || (!p->terms[i].exclude && !p->terms[i].prefix);
	q->alts = calloc(QUERY_MAX_ALTS, sizeof *q->alts);
	if (q->alts == NULL)
		return -1;
	char note[NOTE_BYTES];
	/* TRANSLATORS: nothing has the words as typed; %s is the words the
	   results have instead, as prefixes ("Togoles*"). */
	say_note(note, sizeof note, _("No exact match; showing %s"), p, SIZE_MAX, true, true);
	if (can_prefix && add_alt(p, q, (struct reading){true, SIZE_MAX}, 1, note) != 0)
		return -1;
	if (p->n_groups < 2 || p->n_groups > QUERY_MAX_DROP)
		return 0;
	for (int tier = 2; tier <= (can_prefix ? 3 : 2); tier++)
		for (size_t g = 0; g < p->n_groups; g++) {
			drop_note(note, sizeof note, p, g, tier == 3);
			if (add_alt(p, q, (struct reading){tier == 3, g}, tier, note) != 0)
				return -1;
		}
	return 0;
}

/* One plain word with a digit or a hyphen in it may be a record id. */
static bool may_be_id(const struct parse *p)
{
	const struct term *t = &p->terms[0];
	return p->n_terms == 1 && !t->exclude && !t->prefix && t->plain
		   && strpbrk(t->text, "0123456789-") != NULL;
}

/* Fills q with the expression and the positive terms; -1 when out of memory
 * (q is then partly filled, for query_free). */
static int fill_query(const struct parse *p, struct query *q, size_t n_pos)
{
	q->terms = calloc(n_pos, sizeof *q->terms);
	q->prefix = calloc(n_pos, sizeof *q->prefix);
	if (q->terms == NULL || q->prefix == NULL)
		return -1;
	q->n_terms = n_pos;
	size_t k = 0;
	for (size_t i = 0; i < p->n_terms; i++) {
		const struct term *t = &p->terms[i];
		if (t->exclude)
			continue;
		q->terms[k] = dup_text(t->text, t->len);
		if (q->terms[k] == NULL)
			return -1;
		q->prefix[k++] = t->prefix;
	}
	if (may_be_id(p))
		q->id = q->terms[0];
	q->fts = build_fts(p, as_typed);
	return q->fts != NULL ? add_alts(p, q) : -1;
}

int query_parse(const char *input, struct query *q)
{
	struct parse p = { .hint = HINT_NONE };

	memset(q, 0, sizeof *q);
	clean_input(&p, input != NULL ? input : "");
	lex(&p);
	if (p.pending_or)
		note(&p, HINT_DANGLING_OR);
	if (p.pending_not)
		note(&p, HINT_DANGLING_NOT);

	size_t n_pos = 0;
	for (size_t i = 0; i < p.n_terms; i++)
		n_pos += !p.terms[i].exclude;
	if (n_pos == 0 && p.n_terms > 0)
		note(&p, HINT_ONLY_EXCLUDED);
	else if (n_pos == 0 && p.typed)
		note(&p, HINT_NOTHING);
	if (n_pos > 0 && fill_query(&p, q, n_pos) != 0) {
		query_free(q);
		return -1;
	}
	q->hint = hint_text[p.hint] ? _(hint_text[p.hint]) : NULL;
	return 0;
}

void query_free(struct query *q)
{
	if (q->terms != NULL)
		for (size_t i = 0; i < q->n_terms; i++)
			free(q->terms[i]);
	free(q->terms);
	free(q->prefix);
	free(q->fts);
	for (size_t i = 0; i < q->n_alts; i++) {
		free(q->alts[i].fts);
		free(q->alts[i].note);
	}
	free(q->alts);
	memset(q, 0, sizeof *q);
}
