/* spelling.c: British and American spellings and singular and plural forms
 * of an English word, by a few rules with short word lists where a rule
 * alone would turn one real word into another (four is not for). A rule
 * may make a word no record holds; that costs a lookup, never a result.
 */
#include "query/spelling.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Two spellings of one piece of a word, the words it may end and what may
 * follow it. */
struct spelling_rule {
	const char *a, *b;
	const char *const *stems;    /* NULL: any stem of at least 3 letters */
	const char *const *suffixes;
};

static const char *const our_stems[] = {
	"lab", "harb", "col", "hon", "fav", "behavi", "neighb", "rum", "hum",
	"vig", "val", "endeav", "arm", "savi", "parl", "flav", "od", "rig",
	"clam", "cand", "splend", "tum", "vap", "ferv", "demean", "ard", NULL,
};
static const char *const our_suffixes[] = {
	"", "s", "ed", "ing", "er", "ers", "al", "able", "ably", "ite", "ites",
	"hood", "hoods", "less", NULL,
};
static const char *const ize_suffixes[] = {
	"e", "es", "ed", "ing", "er", "ers", "ation", "ations", NULL,
};
static const char *const ence_stems[] = {"offe", "defe", "lice", "prete", NULL};
static const char *const tre_stems[] = {"cen", "thea", "me", "li", "fib", NULL};
static const char *const dgement_stems[] = {"ju", "acknowle", "abri", NULL};
static const char *const e_suffixes[] = {"e", "es", NULL};
static const char *const plural_suffixes[] = {"", "s", NULL};

static const struct spelling_rule rules[] = {
	{"our", "or", our_stems, our_suffixes},
	{"is", "iz", NULL, ize_suffixes},       /* organise, organisation */
	{"ys", "yz", NULL, ize_suffixes},       /* analyse */
	{"nc", "ns", ence_stems, e_suffixes},   /* offence */
	{"tre", "ter", tre_stems, plural_suffixes},
	{"dgement", "dgment", dgement_stems, plural_suffixes},
};

/* Plurals no rule makes, and short words worth a plural. */
static const char *const irregular[][2] = {
	{"child", "children"}, {"woman", "women"}, {"man", "men"},
	{"law", "laws"}, {"act", "acts"}, {"boy", "boys"}, {"wife", "wives"},
};

struct forms {
	char (*v)[SPELLING_BYTES];
	size_t n, max;
	const char *word;   /* the word itself, in small letters */
};

static bool ends_with(const char *w, size_t len, const char *end)
{
	size_t n = strlen(end);
	return len >= n && memcmp(w + len - n, end, n) == 0;
}

/* Adds stem + mid + tail unless it is the word, is there already or does
 * not fit. */
static void add(struct forms *f, const char *stem, size_t stem_len,
				const char *mid, const char *tail)
{
	size_t m = strlen(mid), t = strlen(tail);
	if (f->n == f->max || stem_len + m + t >= SPELLING_BYTES)
		return;
	char buf[SPELLING_BYTES];
	memcpy(buf, stem, stem_len);
	memcpy(buf + stem_len, mid, m);
	memcpy(buf + stem_len + m, tail, t + 1);
	if (strcmp(buf, f->word) == 0)
		return;
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(buf, f->v[i]) == 0)
			return;
	memcpy(f->v[f->n++], buf, stem_len + m + t + 1);
}

static bool stem_ok(const struct spelling_rule *r, const char *w, size_t len)
{
	if (!r->stems)
		return len >= 3;
	for (const char *const *s = r->stems; *s; s++)
		if (strlen(*s) == len && memcmp(*s, w, len) == 0)
			return true;
	return false;
}

/* The word with one rule's other spelling into buf; false when no rule
 * fits. */
static bool respell(const char *w, size_t len, char *buf)
{
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		const struct spelling_rule *r = &rules[i];
		for (const char *const *sfx = r->suffixes; *sfx; sfx++) {
			const char *pair[2] = {r->a, r->b};
			for (int k = 0; k < 2; k++) {
				size_t tail = strlen(pair[k]) + strlen(*sfx);
				if (len <= tail || !ends_with(w, len, *sfx)
					|| !ends_with(w, len - strlen(*sfx), pair[k])
					|| !stem_ok(r, w, len - tail))
					continue;
				snprintf(buf, SPELLING_BYTES, "%.*s%s%s", (int)(len - tail), w,
						 pair[1 - k], *sfx);
				return true;
			}
		}
	}
	return false;
}

static bool is_vowel(char c)
{
	return strchr("aeiou", c) != NULL;
}

/* Adds the singular of a plural, or the plural of a singular. */
static void add_number(struct forms *f, const char *w)
{
	size_t len = strlen(w);
	for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
		for (int k = 0; k < 2; k++)
			if (strcmp(w, irregular[i][k]) == 0) {
				add(f, irregular[i][1 - k], strlen(irregular[i][1 - k]), "", "");
				return;
			}
	if (len < 4)
		return;
	if (ends_with(w, len, "ies") && len >= 5) {
		add(f, w, len - 3, "y", "");
	} else if (ends_with(w, len, "sses") || ends_with(w, len, "shes")) {
		add(f, w, len - 2, "", "");
	} else if (ends_with(w, len, "xes") || ends_with(w, len, "zes")
			   || ends_with(w, len, "ches")) {
		add(f, w, len - 2, "", "");     /* taxes: tax */
		add(f, w, len - 1, "", "");     /* caches: cache */
	} else if (w[len - 1] == 's') {
		if (!ends_with(w, len, "ss") && !ends_with(w, len, "us")
			&& !ends_with(w, len, "is"))
			add(f, w, len - 1, "", "");
		else if (ends_with(w, len, "ss"))
			add(f, w, len, "es", "");   /* witness: witnesses */
	} else if (w[len - 1] == 'y' && !is_vowel(w[len - 2])) {
		add(f, w, len - 1, "ies", "");
	} else if (ends_with(w, len, "x") || ends_with(w, len, "z")
			   || ends_with(w, len, "ch") || ends_with(w, len, "sh")) {
		add(f, w, len, "es", "");
	} else if (!ends_with(w, len, "ed")) {
		add(f, w, len, "s", "");
	}
}

size_t spelling_variants(const char *word, size_t len, char (*out)[SPELLING_BYTES],
						 size_t max)
{
	if (len < 3 || len > SPELLING_MAX_WORD)
		return 0;
	char low[SPELLING_BYTES], other[SPELLING_BYTES];
	for (size_t i = 0; i < len; i++) {
		char c = word[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z')
			return 0;
		low[i] = c;
	}
	low[len] = '\0';
	struct forms f = {out, 0, max, low};
	bool respelt = respell(low, len, other);
	if (respelt)
		add(&f, other, strlen(other), "", "");
	add_number(&f, low);
	if (respelt)
		add_number(&f, other);
	return f.n;
}
