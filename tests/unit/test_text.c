/* test_text.c: unit tests for src/text.c. Exact tables for text_wrap,
 * text_width, text_fit and text_clean, and property checks that every
 * wrap, cut and clean must satisfy (run over the tables, a seeded random
 * mix of scripts, random bytes and a 1 MB input). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "common/text.h"

/* Characters, as UTF-8 string literals to concatenate. */
#define E_ACUTE   "\xc3\xa9"           /* é precomposed */
#define ACUTE     "\xcc\x81"           /* U+0301 combining acute */
#define DIAER     "\xcc\x88"           /* U+0308 combining diaeresis */
#define DOT_BELOW "\xcc\xa3"           /* U+0323 */
#define ZHONG     "\xe4\xb8\xad"       /* 中 */
#define WEN       "\xe6\x96\x87"       /* 文 */
#define MARU      "\xe3\x80\x82"       /* 。 ideographic full stop */
#define GRIN      "\xf0\x9f\x98\x80"   /* U+1F600 */
#define FFFD      "\xef\xbf\xbd"
#define RLO       "\xe2\x80\xae"
#define ZWSP      "\xe2\x80\x8b"
#define BOM       "\xef\xbb\xbf"
#define SHY       "\xc2\xad"
#define LRI       "\xe2\x81\xa6"
#define RLI       "\xe2\x81\xa7"
#define FSI       "\xe2\x81\xa8"
#define PDI       "\xe2\x81\xa9"

#define OZTURK_NFC "\xc3\x96zt\xc3\xbcrk"
#define OZTURK_NFD "O" DIAER "ztu" DIAER "rk"
#define SHALOM     "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"               /* שלום */
#define OLAM       "\xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d"               /* עולם */
#define SHALOM_PTS "\xd7\xa9\xd6\xb8\xd7\x81\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d" /* NFC */
#define GREEK      "\xce\x95\xce\xbb\xce\xbb\xce\xb7\xce\xbd\xce\xb9\xce\xba\xce\xac"
#define MARHABA    "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7"       /* مرحبا */
#define BILALAM    "\xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85"

/* --- helpers ------------------------------------------------------------ */

static ucs4_t char_at(const char *s, size_t n, size_t i, int *len)
{
	ucs4_t c;
	*len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
	return c;
}

/* Columns of one character as text.c counts them: unmeasurable ones
 * (controls) take one. */
static int cols_of(ucs4_t c)
{
	int w = uc_width(c, "UTF-8");
	return w < 0 ? 1 : w;
}

static bool para_start(const char *s, size_t off)
{
	return off == 0 || s[off - 1] == '\n';
}

/* True if s[off..off+len) is one character plus zero-width characters:
 * the only kind of line allowed to be wider than the width. */
static bool one_cluster(const char *s, size_t off, size_t len)
{
	int k;
	char_at(s, off + len, off, &k);
	for (size_t i = off + (size_t)k; i < off + len; i += (size_t)k)
		if (cols_of(char_at(s, off + len, i, &k)) != 0)
			return false;
	return true;
}

/* The properties every wrap of clean text has. strict adds: no line
 * starts with a zero-width character (a mark stays with its base), and no
 * empty line comes out of a paragraph with text. Tolerated: a paragraph
 * whose leading blanks are wider than the line gives an empty first line
 * (the indentation) before its text. */
static void check_wrap(const char *s, size_t n, int width,
		       const struct text_lines *l, bool strict)
{
	size_t pos = 0, newlines = 0;
	if (width < 1)
		width = 1;
	for (size_t i = 0; i < n; i++)
		newlines += s[i] == '\n';
	assert_true(l->n >= newlines + 1);
	for (size_t i = 0; i < l->n; i++) {
		const struct text_line *ln = &l->v[i];
		const char *p = s + ln->off;
		assert_true(ln->off >= pos && ln->off + ln->len <= n);
		size_t gap_nl = 0;
		for (size_t k = pos; k < ln->off; k++) {
			assert_true(s[k] == ' ' || s[k] == '\n');
			gap_nl += s[k] == '\n';
		}
		assert_true(gap_nl <= 1);
		assert_null(u8_check((const uint8_t *)p, ln->len));
		assert_int_equal(ln->width, text_width(p, ln->len));
		assert_true(ln->width <= width || one_cluster(s, ln->off, ln->len));
		if (ln->len) {
			assert_int_not_equal(p[ln->len - 1], ' ');
			assert_null(memchr(p, '\n', ln->len));
			if (!para_start(s, ln->off))
				assert_int_not_equal(p[0], ' ');
		}
		if (strict && ln->len && !para_start(s, ln->off)) {
			int k;
			assert_int_not_equal(cols_of(char_at(s, n, ln->off, &k)), 0);
		}
		if (strict && ln->len == 0) {
			/* Empty: the paragraph is empty or blank, or starts with blanks. */
			size_t a = ln->off, b = ln->off;
			while (a > 0 && s[a - 1] != '\n')
				a--;
			while (b < n && s[b] != '\n')
				b++;
			bool blank = true;
			for (size_t k = a; k < b; k++)
				blank = blank && s[k] == ' ';
			assert_true(blank || (a == ln->off && s[a] == ' '));
		}
		pos = ln->off + ln->len;
	}
	for (size_t k = pos; k < n; k++)
		assert_true(s[k] == ' ' || s[k] == '\n');
}

static void wrap_checked(const char *s, int width, struct text_lines *l)
{
	*l = (struct text_lines){0};
	assert_int_equal(text_wrap(s, strlen(s), width, l), 0);
	check_wrap(s, strlen(s), width, l, true);
}

/* --- text_wrap: exact lines --------------------------------------------- */

#define MAX_LINES 8
struct wrap_case {
	const char *in;
	int width;
	const char *want[MAX_LINES];   /* NULL-terminated */
};

#define FOX "The quick brown fox jumps over the lazy dog"
static const struct wrap_case wrap_cases[] = {
	{FOX, 10, {"The quick", "brown fox", "jumps over", "the lazy", "dog"}},
	{FOX, 20, {"The quick brown fox", "jumps over the lazy", "dog"}},
	{FOX, 80, {FOX}},
	{"abcdefghijklmnopqrstuvwxyz", 10, {"abcdefghij", "klmnopqrst", "uvwxyz"}},
	{"a verylongwordhere b", 5, {"a", "veryl", "ongwo", "rdher", "e b"}},
	{"forced-labour cases", 8, {"forced-", "labour", "cases"}},
	{"a   b", 10, {"a   b"}},
	{"a   b", 2, {"a", "b"}},
	{"ab   ", 2, {"ab"}},
	/* Accented Latin, precomposed and decomposed: same columns. */
	{OZTURK_NFC " " E_ACUTE "t" E_ACUTE, 6, {OZTURK_NFC, E_ACUTE "t" E_ACUTE}},
	{OZTURK_NFD " e" ACUTE "te" ACUTE, 6, {OZTURK_NFD, "e" ACUTE "te" ACUTE}},
	{"e" ACUTE "e" ACUTE "e" ACUTE, 2, {"e" ACUTE "e" ACUTE, "e" ACUTE}},
	{"ax" DOT_BELOW ACUTE "b", 2, {"ax" DOT_BELOW ACUTE, "b"}},
	{"e" ACUTE "e" ACUTE, 1, {"e" ACUTE, "e" ACUTE}},
	/* CJK: two columns each, breaks between ideographs. */
	{ZHONG WEN ZHONG WEN ZHONG WEN, 5, {ZHONG WEN, ZHONG WEN, ZHONG WEN}},
	{ZHONG WEN ZHONG WEN ZHONG WEN, 4, {ZHONG WEN, ZHONG WEN, ZHONG WEN}},
	{ZHONG WEN ZHONG, 3, {ZHONG, WEN, ZHONG}},
	/* 。 may not start a line (UAX #14), so 文 goes down with it. */
	{ZHONG WEN MARU ZHONG WEN, 5, {ZHONG, WEN MARU, ZHONG WEN}},
	{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e text", 7,
	 {"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "text"}},
	/* Emoji: two columns. */
	{GRIN GRIN GRIN, 3, {GRIN, GRIN, GRIN}},
	{GRIN GRIN GRIN, 4, {GRIN GRIN, GRIN}},
	/* Right-to-left scripts: logical order kept, one column a letter. */
	{MARHABA " " BILALAM, 8, {MARHABA, BILALAM}},
	{MARHABA " " BILALAM, 6, {MARHABA, "\xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x84",
				  "\xd9\x85"}},
	{SHALOM " " OLAM, 5, {SHALOM, OLAM}},
	{SHALOM_PTS " " OLAM, 4, {SHALOM_PTS, OLAM}},
	/* Newlines end paragraphs; an empty paragraph is an empty line. */
	{"a\n\nb", 10, {"a", "", "b"}},
	{"a\n", 10, {"a", ""}},
	{"\n", 10, {"", ""}},
	{"", 10, {""}},
	{"one two\nthree", 3, {"one", "two", "thr", "ee"}},
	/* Width 1 and 2: a wide character stands alone on its line. */
	{"ab", 1, {"a", "b"}},
	{ZHONG WEN, 1, {ZHONG, WEN}},
	{"a" ZHONG "b", 1, {"a", ZHONG, "b"}},
	{ZHONG WEN, 2, {ZHONG, WEN}},
	{"a " ZHONG, 2, {"a", ZHONG}},
	{GRIN "a", 1, {GRIN, "a"}},
	{"ab", 0, {"a", "b"}},      /* below 1 counts as 1 */
	{"ab", -5, {"a", "b"}},
};

static void wrap_case(void **state)
{
	const struct wrap_case *wc = *state;
	struct text_lines l;
	wrap_checked(wc->in, wc->width, &l);
	size_t want_n = 0;
	while (want_n < MAX_LINES && wc->want[want_n])
		want_n++;
	size_t n = l.n;
	bool same = n == want_n;
	for (size_t i = 0; same && i < n; i++)
		same = l.v[i].len == strlen(wc->want[i])
		       && memcmp(wc->in + l.v[i].off, wc->want[i], l.v[i].len) == 0;
	for (size_t i = 0; !same && i < n; i++)
		print_message("# line %zu: \"%.*s\" (%d cols)\n", i, (int)l.v[i].len,
			      wc->in + l.v[i].off, l.v[i].width);
	text_lines_free(&l);
	assert_int_equal(n, want_n);
	assert_true(same);
}

/* --- text_wrap: properties ---------------------------------------------- */

#define ARTICLE "Trafficking in persons shall mean the recruitment, transportation, " \
	"transfer, harbouring or receipt of persons, by means of the threat or " \
	"use of force or other forms of coercion, of abduction, of fraud, of " \
	"deception, of the abuse of power or of a position of vulnerability."

static void wrap_ascii_paragraph(void **state)
{
	(void)state;
	static const char article[] = ARTICLE;
	static const int widths[] = {10, 20, 80};
	for (size_t wi = 0; wi < 3; wi++) {
		struct text_lines l;
		wrap_checked(article, widths[wi], &l);
		/* Joining the lines gives the text back: with a blank where the
		 * break ate one, without where a word was split. */
		char joined[sizeof ARTICLE + 64] = "";
		for (size_t i = 0; i < l.n; i++) {
			const struct text_line *ln = &l.v[i];
			assert_true(ln->len > 0);
			strncat(joined, &article[ln->off], ln->len);
			if (i + 1 < l.n && article[ln->off + ln->len] == ' ')
				strcat(joined, " ");
			/* Greedy: the next line's first word (or, inside a split
			 * word, its next letter) would not have fitted. */
			if (i + 1 < l.n) {
				const char *next = &article[l.v[i + 1].off];
				int word = (int)strcspn(next, " ");
				if (article[ln->off + ln->len] == ' ')
					assert_true(ln->width + 1 + word > widths[wi]);
				else if (article[ln->off + ln->len - 1] != '-')
					assert_int_equal(ln->width, widths[wi]);
			}
		}
		size_t n = l.n;
		text_lines_free(&l);
		assert_string_equal(joined, article);
		assert_true(n >= (sizeof ARTICLE - 1) / (size_t)widths[wi]);
	}
}

static void wrap_long_words_split_by_characters(void **state)
{
	(void)state;
	static const char *const words[] = {
		"Menschenhandelsbekampfungsgesetz",
		"Menschenhandelsbek" "\xc3\xa4" "mpfungsgesetz",
		"Menschenhandelsbeka" DIAER "mpfungsgesetz",
		ZHONG WEN ZHONG WEN ZHONG WEN ZHONG WEN ZHONG,
		"http://www.unodc.org/cld/case-law-doc/traffickingpersonscrimetype/",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		for (int width = 1; width <= 12; width++) {
			struct text_lines l;
			wrap_checked(words[i], width, &l);
			assert_true(l.n > 1);
			text_lines_free(&l);
		}
}

/* Appending wraps the new lines after the old ones, offsets from s. */
static void wrap_appends(void **state)
{
	(void)state;
	struct text_lines l = {0};
	assert_int_equal(text_wrap("ab cd", 5, 2, &l), 0);
	assert_int_equal(text_wrap("ef", 2, 2, &l), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[2].off, 0);
	assert_int_equal(l.v[2].len, 2);
	text_lines_free(&l);
	assert_null(l.v);
	assert_int_equal(l.n, 0);
}

/* A seeded random mix of scripts, at every width 1..30. */
static const char *const tokens[] = {
	"a", "b", "the", "Trafficking", "x", "ab-cd", ",", ".", "(", ")", "\"",
	" ", " ", " ", "  ", "\n", E_ACUTE, "e" ACUTE, "u" DIAER DOT_BELOW,
	OZTURK_NFC, OZTURK_NFD, ZHONG, WEN, MARU, ZHONG WEN, GRIN, MARHABA,
	SHALOM, SHALOM_PTS, "12", "3.5%", "\xe2\x80\x94", "\xc2\xa0", "/",
	"\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4",   /* 한국어 */
	"\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa\xe0\xb8\x94\xe0\xb8\xb5",
};
#define N_TOKENS (sizeof tokens / sizeof tokens[0])

static uint64_t rng = 0x2545f4914f6cdd1dULL;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void wrap_random_mix(void **state)
{
	(void)state;
	char s[1024];
	for (int iter = 0; iter < 3000; iter++) {
		size_t n = 0;
		int ntok = (int)rnd(40);
		for (int t = 0; t < ntok; t++) {
			const char *tok = tokens[rnd(N_TOKENS)];
			/* Paragraphs start with text (leading blanks: see
			 * check_wrap). */
			if (tok[0] == ' ' && (n == 0 || s[n - 1] == '\n'))
				continue;
			memcpy(s + n, tok, strlen(tok));
			n += strlen(tok);
		}
		s[n] = '\0';
		int width = 1 + (int)rnd(30);
		struct text_lines l = {0};
		assert_int_equal(text_wrap(s, n, width, &l), 0);
		check_wrap(s, n, width, &l, true);
		text_lines_free(&l);
	}
}

/* A zero-width mark after a character wider than the line (only possible
 * at width 1) stays with its base: the Ainu katakana U+31F7 U+309A (no
 * precomposed form, so NFC keeps two characters) is one line of 2 columns. */
static void wrap_mark_after_wide_char_width1(void **state)
{
	(void)state;
	static const char s[] = "\xe3\x87\xb7\xe3\x82\x9a";
	struct text_lines l = {0};
	assert_int_equal(text_wrap(s, strlen(s), 1, &l), 0);
	size_t n = l.n, len0 = n ? l.v[0].len : 0;
	text_lines_free(&l);
	assert_int_equal(n, 1);
	assert_int_equal(len0, 6);
}

/* --- text_width and text_fit -------------------------------------------- */

static const struct {
	const char *s;
	int width;
} width_cases[] = {
	{"", 0}, {"abc", 3}, {"Hello, world", 12},
	{OZTURK_NFC, 6}, {OZTURK_NFD, 6}, {"e" ACUTE, 1}, {ACUTE, 0},
	{"u" DIAER DOT_BELOW, 1},
	{ZHONG WEN, 4}, {ZHONG "a" WEN, 5}, {MARU, 2}, {GRIN, 2}, {GRIN "x", 3},
	{"\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4", 6},     /* 한국어 */
	{"\xef\xbd\xb1", 1},                           /* halfwidth katakana */
	{"\xef\xbc\xa1", 2},                           /* fullwidth A */
	{MARHABA, 5}, {SHALOM, 4}, {SHALOM_PTS, 4},
	/* East Asian ambiguous characters are one column ("UTF-8", not a
	 * CJK encoding): α, …, ①, °. */
	{"\xce\xb1\xe2\x80\xa6\xe2\x91\xa0\xc2\xb0", 4},
	{FFFD, 1},
};

static void width_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++) {
		const char *s = width_cases[i].s;
		int w = text_width(s, strlen(s));
		if (w != width_cases[i].width)
			print_message("# text_width(\"%s\") = %d\n", s, w);
		assert_int_equal(w, width_cases[i].width);
	}
}

/* NFC and NFD forms of the same text take the same columns. */
static void width_nfc_equals_nfd(void **state)
{
	(void)state;
	static const char *const words[] = {
		OZTURK_NFC, "Trait" E_ACUTE " des " "\xc3\xaa" "tres",
		"Vi\xe1\xbb\x87t Nam", GREEK, "\xc5\x81\xc3\xb3\x64\xc5\xba", "\xe1\xba\xa0\xcc\x80",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t dn = 0;
		uint8_t *d = u8_normalize(UNINORM_NFD, (const uint8_t *)words[i],
					  strlen(words[i]), NULL, &dn);
		assert_non_null(d);
		int wc = text_width(words[i], strlen(words[i]));
		int wd = text_width((const char *)d, dn);
		bool differs = dn != strlen(words[i]) || memcmp(d, words[i], dn) != 0;
		free(d);
		assert_true(differs);
		assert_int_equal(wc, wd);
	}
}

static const struct {
	const char *s;
	int cols;
	size_t bytes;
	int width;
} fit_cases[] = {
	{"abc", 0, 0, 0}, {"abc", 2, 2, 2}, {"abc", 3, 3, 3}, {"abc", 9, 3, 3},
	{"", 4, 0, 0}, {E_ACUTE, 0, 0, 0},
	{ZHONG WEN, 1, 0, 0}, {ZHONG WEN, 2, 3, 2}, {ZHONG WEN, 3, 3, 2},
	{ZHONG WEN, 4, 6, 4},
	{"e" ACUTE "x", 0, 0, 0}, {"e" ACUTE "x", 1, 3, 1}, {"e" ACUTE "x", 2, 4, 2},
	{"ab" ACUTE, 1, 1, 1}, {"ab" ACUTE, 2, 4, 2},
	{"u" DIAER DOT_BELOW "v", 1, 5, 1},
	{OZTURK_NFD, 1, 3, 1}, {OZTURK_NFD, 5, 9, 5},
	{GRIN "a", 1, 0, 0}, {GRIN "a", 2, 4, 2}, {GRIN "a", 3, 5, 3},
	{MARHABA, 3, 6, 3}, {SHALOM_PTS, 1, 6, 1},
	{"abc", -1, 0, 0},
};

static void fit_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof fit_cases / sizeof fit_cases[0]; i++) {
		int w = -1;
		const char *s = fit_cases[i].s;
		size_t b = text_fit(s, strlen(s), fit_cases[i].cols, &w);
		if (b != fit_cases[i].bytes || w != fit_cases[i].width)
			print_message("# text_fit(\"%s\", %d) = %zu bytes, %d cols\n", s,
				      fit_cases[i].cols, b, w);
		assert_int_equal(b, fit_cases[i].bytes);
		assert_int_equal(w, fit_cases[i].width);
		assert_int_equal(text_fit(s, strlen(s), fit_cases[i].cols, NULL), b);
	}
}

/* Every cut, at every width, of strings from every table: on a character
 * boundary, never before a zero-width mark, within cols, as long as fits. */
static void check_fit(const char *s, size_t n)
{
	int total = text_width(s, n);
	for (int cols = 0; cols <= total + 2; cols++) {
		int w = -1;
		size_t b = text_fit(s, n, cols, &w);
		assert_true(b <= n);
		assert_true(b == n || ((unsigned char)s[b] & 0xc0) != 0x80);
		assert_int_equal(w, text_width(s, b));
		assert_true(w <= cols);
		if (b < n) {
			int k;
			int next = cols_of(char_at(s, n, b, &k));
			assert_true(next > 0);
			assert_true(w + next > cols);
		}
		if (cols == 0 && n > 0 && cols_of(char_at(s, n, 0, &(int){0})) > 0)
			assert_int_equal(b, 0);
	}
	assert_int_equal(text_fit(s, n, total, NULL), n);
}

static void fit_properties(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof wrap_cases / sizeof wrap_cases[0]; i++)
		check_fit(wrap_cases[i].in, strlen(wrap_cases[i].in));
	for (size_t i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++)
		check_fit(width_cases[i].s, strlen(width_cases[i].s));
	for (size_t i = 0; i < N_TOKENS; i++)
		check_fit(tokens[i], strlen(tokens[i]));
}

/* --- text_clean --------------------------------------------------------- */

struct clean_case {
	const char *in;
	size_t n;          /* 0: strlen(in) */
	bool keep_newlines;
	const char *want;
};

static const struct clean_case clean_cases[] = {
	{"plain text", 0, false, "plain text"},
	{"", 0, false, ""},
	{"", 0, true, ""},
	/* Invalid UTF-8 becomes U+FFFD. */
	{"a\xff" "b", 0, false, "a" FFFD "b"},
	{"a\x80" "b", 0, false, "a" FFFD "b"},
	{"a\xc3", 0, false, "a" FFFD},
	{"a\xe2\x82" "z", 0, false, "a" FFFD "z"},
	{"\xed\xa0\x80", 0, false, FFFD},            /* a surrogate */
	{"\xf4\x90\x80\x80", 0, false, FFFD},        /* beyond U+10FFFF */
	{FFFD, 0, false, FFFD},
	/* C0 and C1 controls go; tab becomes a blank; newline per flag. */
	{"a\0b", 3, false, "ab"},
	{"a\x01" "b\x08" "c\x1f" "d\x7f" "e", 0, false, "abcde"},
	{"a\xc2\x80" "b\xc2\x85" "c\xc2\x9b" "d\xc2\x9f" "e", 0, false, "abcde"},
	{"a\x0b" "b\x0c" "c", 0, true, "abc"},
	{"a\tb", 0, false, "a b"},
	{"a\nb", 0, true, "a\nb"},
	{"a\nb", 0, false, "a b"},
	{"a\r\nb", 0, true, "a \nb"},     /* CR becomes a blank too */
	/* Escape sequences lose the ESC, so the terminal sees plain text. */
	{"\x1b[2J\x1b[H", 0, false, "[2J[H"},
	{"x\x1b]0;owned\x07y", 0, false, "x]0;ownedy"},
	{"\xc2\x9b" "31m", 0, false, "31m"},          /* C1 CSI */
	/* Bidi controls, zero-width and other invisible format characters. */
	{"abc" RLO "def", 0, false, "abcdef"},
	{"ab" ZWSP "cd", 0, false, "abcd"},
	{LRI "a" PDI RLI "b" PDI FSI "c" PDI, 0, false, "abc"},
	{BOM "a" BOM "b", 0, false, "ab"},
	{"traf" SHY "ficking", 0, false, "trafficking"},
	{"a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c" "d", 0, false, "abcd"}, /* LRM RLM ALM */
	{"\xe2\x80\xaa" "a\xe2\x80\xab" "b\xe2\x80\xac" "c\xe2\x80\xad" "d", 0, false, "abcd"},
	{"a\xe2\x81\xa0" "b", 0, false, "ab"},            /* word joiner */
	/* NFD comes out NFC. */
	{OZTURK_NFD, 0, false, OZTURK_NFC},
	{"Traite" ACUTE " des e\xcc\x82tres", 0, false, "Trait" E_ACUTE " des \xc3\xaatres"},
	{"e" ZWSP ACUTE, 0, false, E_ACUTE},   /* joined once the ZWSP is gone */
	{"x" DOT_BELOW ACUTE, 0, false, "x" DOT_BELOW ACUTE},   /* no precomposed form */
	{ZHONG WEN MARU GRIN MARHABA SHALOM_PTS, 0, false,
	 ZHONG WEN MARU GRIN MARHABA SHALOM_PTS},
};

static void clean_case(void **state)
{
	const struct clean_case *cc = *state;
	size_t n = cc->n ? cc->n : strlen(cc->in);
	char *out = text_clean(cc->in, n, cc->keep_newlines);
	assert_non_null(out);
	if (strcmp(out, cc->want) != 0) {
		print_message("# got:");
		for (const unsigned char *p = (const unsigned char *)out; *p; p++)
			print_message(" %02x", *p);
		print_message("\n");
	}
	bool same = strcmp(out, cc->want) == 0;
	free(out);
	assert_true(same);
}

/* What text_clean promises, checked on its output. */
static void assert_safe(const char *s, size_t n, bool keep_newlines)
{
	assert_int_equal(strlen(s), n);
	assert_null(u8_check((const uint8_t *)s, n));
	for (size_t i = 0; i < n;) {
		int k;
		ucs4_t c = char_at(s, n, i, &k);
		if (c == '\n')
			assert_true(keep_newlines);
		else
			assert_false(c < 0x20 || (c >= 0x7f && c < 0xa0)
				     || uc_is_general_category(c, UC_CATEGORY_Cf)
				     || uc_is_property_default_ignorable_code_point(c)
				     || uc_is_property_bidi_control(c));
		i += (size_t)k;
	}
	size_t m = 0;
	uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &m);
	assert_non_null(nfc);
	bool is_nfc = m == n && memcmp(nfc, s, n) == 0;
	free(nfc);
	assert_true(is_nfc);
}

/* Random bytes, weighted towards the troublesome ones. */
static void clean_random_bytes(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"\x1b", "[", "\x07", "\x00", "\x0d", "\x09", "\x0a", "\x7f", "\xc2\x9b",
		"\xc2", "\xe2", "\xed", "\xf0", "\xf4", "\x80", "\xbf", "\xff", "\xc0",
		RLO, ZWSP, BOM, SHY, LRI, PDI, ACUTE, DIAER, "e", "a", " ", ZHONG,
		GRIN, "\xe2\x80\xa8", MARHABA,
	};
	char s[256];
	for (int iter = 0; iter < 20000; iter++) {
		size_t n = 0;
		int np = (int)rnd(30);
		for (int i = 0; i < np; i++) {
			const char *p = pieces[rnd(sizeof pieces / sizeof pieces[0])];
			size_t len = p[0] ? strlen(p) : 1;
			memcpy(s + n, p, len);
			n += len;
		}
		bool keep = rnd(2);
		char *out = text_clean(s, n, keep);
		assert_non_null(out);
		size_t on = strlen(out);
		assert_safe(out, on, keep);
		assert_null(memchr(out, 0x1b, on));
		struct text_lines l = {0};
		int width = 1 + (int)rnd(20);
		assert_int_equal(text_wrap(out, on, width, &l), 0);
		check_wrap(out, on, width, &l, false);
		text_lines_free(&l);
		free(out);
	}
}

/* 1 MB in: cleaned, checked and wrapped in one go. */
/* Backspace in the search line: one character, with its marks, goes. */
static void drop_last_char(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} rows[] = {
		{"ab", "a"},
		{"a", ""},
		{"", ""},
		{"caf\xc3\xa9", "caf"},               /* precomposed é */
		{"cafe\xcc\x81", "caf"},              /* e + combining acute */
		{"\xe4\xb8\xad\xe6\x96\x87", "\xe4\xb8\xad"}, /* 中文 */
		{"x\xf0\x9f\x98\x80", "x"},          /* an emoji */
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char buf[32];
		snprintf(buf, sizeof buf, "%s", rows[i].in);
		size_t len = strlen(buf);
		text_drop_last_char(buf, &len);
		assert_string_equal(buf, rows[i].out);
		assert_int_equal(len, strlen(rows[i].out));
	}
}

/* Typing: characters go in as UTF-8; controls and overflow are refused. */
static void append_char(void **state)
{
	(void)state;
	char buf[8] = "";
	size_t len = 0;
	assert_int_equal(text_append_char(buf, &len, sizeof buf, 'a'), 0);
	assert_int_equal(text_append_char(buf, &len, sizeof buf, 0xe9), 0);
	assert_int_equal(text_append_char(buf, &len, sizeof buf, 0x4e2d), 0);
	assert_string_equal(buf, "a\xc3\xa9\xe4\xb8\xad");
	assert_int_equal(text_append_char(buf, &len, sizeof buf, 0x1b), -1);
	assert_int_equal(text_append_char(buf, &len, sizeof buf, 0x202e), -1);
	assert_int_equal(text_append_char(buf, &len, sizeof buf, 0x4e2d), -1); /* full */
	assert_string_equal(buf, "a\xc3\xa9\xe4\xb8\xad");
}

/* A phrase as long as a query (500 bytes) is found and marked whole: no
 * length limit below the query's. */
static void match_long_phrase(void **state)
{
	(void)state;
	char phrase[501], text[600];
	for (size_t i = 0; i < 500; i++)
		phrase[i] = i % 10 == 9 ? ' ' : 'a' + (char)(i % 10);
	phrase[499] = 'x';
	phrase[500] = '\0';
	snprintf(text, sizeof text, "Before %s after", phrase);
	char *terms[] = {phrase};
	bool prefix[] = {false};
	size_t start = 0, end = 0;
	assert_true(text_match(text, strlen(text), 0, terms, prefix, 1, &start, &end));
	assert_int_equal(start, 7);
	assert_int_equal(end, 507);
}

/* Type-to-jump compares as search does: case and diacritics folded. */
static void starts_with_folded(void **state)
{
	(void)state;
	assert_true(text_starts_with("Nig\xc3\xa9ria", "nig"));
	assert_true(text_starts_with("\xc3\x96zt\xc3\xbcrk", "oz"));
	assert_true(text_starts_with("Ozturk", "\xc3\x96Z"));
	assert_true(text_starts_with(OZTURK_NFD, "ozt"));
	assert_true(text_starts_with("Nepal", ""));
	assert_false(text_starts_with("Nepal", "ni"));
	assert_false(text_starts_with("Ne", "nep"));
	assert_true(text_is_letter('a') && text_is_letter(0xe9) && text_is_letter(0x4e2d));
	assert_false(text_is_letter('1') || text_is_letter(' ') || text_is_letter('/'));
}

static void clean_one_megabyte(void **state)
{
	(void)state;
	static const char unit[] = "Forced labour\x1b[2J " OZTURK_NFD " \xff "
		ZHONG WEN RLO "\t" MARHABA "\r\n" ZWSP "end.";
	const size_t n = 1 << 20, ul = sizeof unit - 1;
	char *in = malloc(n);
	assert_non_null(in);
	for (size_t i = 0; i < n; i++)
		in[i] = unit[i % ul];
	char *out = text_clean(in, n, true);
	free(in);
	assert_non_null(out);
	size_t on = strlen(out);
	assert_true(on > n / 2 && on < 2 * n);
	assert_safe(out, on, true);
	struct text_lines l = {0};
	assert_int_equal(text_wrap(out, on, 80, &l), 0);
	assert_true(l.n > n / ul);
	check_wrap(out, on, 80, &l, true);
	text_lines_free(&l);
	free(out);

	/* All invalid: three bytes of U+FFFD for each. */
	in = malloc(n);
	assert_non_null(in);
	memset(in, 0xff, n);
	out = text_clean(in, n, false);
	free(in);
	assert_non_null(out);
	on = strlen(out);
	assert_int_equal(on, 3 * n);
	assert_memory_equal(out + on - 3, FFFD, 3);
	free(out);
}

/* --- a charset without the script: its name instead of '?'s ----------- */

#define THAI     "\xe0\xb8\xa0\xe0\xb8\xb2\xe0\xb8\xa9\xe0\xb8\xb2\xe0\xb9\x84\xe0\xb8\x97\xe0\xb8\xa2" /* ภาษาไทย */
#define THAI2    "\xe0\xb8\x84\xe0\xb8\xb3"                                   /* คำ */
#define DELO     "\xd0\x94\xd0\xb5\xd0\xbb\xd0\xbe"                           /* Дело */
#define KANJI    "\xe4\xba\xba\xe8\xba\xab"                                   /* 人身 */
#define HIRA_NO  "\xe3\x81\xae"                                               /* の */
#define HANGUL   "\xed\x95\x9c\xea\xb5\xad"                                   /* 한국 */
#define HINDI    "\xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\xa8\xe0\xa5\x8d\xe0\xa4\xa6\xe0\xa5\x80" /* हिन्दी */
#define AMHARIC  "\xe1\x8a\xa0\xe1\x88\x9b\xe1\x88\xad\xe1\x8a\x9b"           /* አማርኛ */
#define FATHA    "\xd9\x8e"                                                   /* U+064E, script Inherited */
#define FW_COMMA "\xef\xbc\x8c"                                             /* ， fullwidth comma */
#define INV_Q    "\xc2\xbf"                                                   /* ¿ */

struct conv_case {
	const char *charset, *in, *want;
};

static const struct conv_case conv_cases[] = {
	{"ASCII", "Bogot" "\xc3\xa1", "Bogota"},
	{"ASCII", OZTURK_NFC, "Ozturk"},
	{"ASCII", THAI, "[Thai]"},
	{"ASCII", THAI " " THAI2 " " THAI, "[Thai]"},
	{"ASCII", "Title: " THAI ", " THAI2 ".", "Title: [Thai]."},
	{"ASCII", THAI ", ok", "[Thai], ok"},
	{"ASCII", THAI " 2551 " THAI2, "[Thai] 2551 [Thai]"},
	{"ASCII", ZHONG FW_COMMA WEN, "[Chinese]"},
	{"ASCII", THAI "  ", "[Thai]  "},
	{"ASCII", DELO " o " DELO, "[Cyrillic] o [Cyrillic]"},
	{"ASCII", GREEK, "[Greek]"},
	{"ASCII", SHALOM " " OLAM, "[Hebrew]"},
	{"ASCII", MARHABA FATHA " " BILALAM, "[Arabic]"},
	{"ASCII", ZHONG WEN MARU, "[Chinese]"},
	{"ASCII", KANJI HIRA_NO KANJI, "[Japanese]"},
	{"ASCII", HANGUL " " ZHONG, "[Korean]"},
	{"ASCII", HINDI, "[Devanagari]"},
	{"ASCII", AMHARIC, "[Ethiopic]"},
	{"ASCII", MARHABA " " ZHONG " " DELO, "[Arabic] [Chinese] [Cyrillic]"},
	{"ASCII", DELO THAI, "[Cyrillic][Thai]"},
	{"ASCII", "(" THAI ")", "([Thai])"},
	{"ASCII", DELO " (" DELO ", 2003)", "[Cyrillic] ([Cyrillic], 2003)"},
	{"ASCII", THAI " \xe2\x80\x9c" THAI "\xe2\x80\x9d", "[Thai] \"[Thai]\""},
	{"ASCII", THAI " - " THAI2, "[Thai]"},
	{"ASCII", INV_Q "Qu" E_ACUTE "?", "?Que?"},
	{"ASCII", "", ""},
	/* A charset that has the script keeps it; only what it lacks is named. */
	{"KOI8-R", DELO " " THAI, DELO " [Thai]"},
	{"ISO-8859-1", "Bogot" "\xc3\xa1 " THAI, "Bogot" "\xc3\xa1 [Thai]"},
};

/* text_clean gives UTF-8 the charset can show; text_convert, that charset. */
static void convert_names_scripts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof conv_cases / sizeof conv_cases[0]; i++) {
		const struct conv_case *c = &conv_cases[i];
		assert_int_equal(text_set_charset(c->charset), 0);
		char *clean = text_clean(c->in, strlen(c->in), false);
		char *conv = text_convert(clean);
		char *back = text_convert(c->in);
		text_set_charset(NULL);
		assert_non_null(clean);
		assert_non_null(conv);
		assert_non_null(back);
		if (strcmp(clean, c->want) != 0)
			fail_msg("%s %s: got \"%s\", want \"%s\"", c->charset, c->in, clean, c->want);
		/* The placeholder's columns are what is drawn. */
		assert_int_equal(text_width(clean, strlen(clean)),
				 u8_strwidth((const uint8_t *)c->want, "UTF-8"));
		assert_string_equal(conv, back);
		if (strcmp(c->charset, "ASCII") == 0)
			assert_string_equal(conv, c->want);
		free(clean);
		free(conv);
		free(back);
	}
}

/* UTF-8 keeps every script as it is. */
/* Converted text is cut by the locale's own widths: a CJK character is
 * two columns, and never cut in half. */
static void fit_wide_by_locale(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	const wchar_t wc[] = {0x4e2d, 'a', 0x6587};
	int w = -1;
	assert_int_equal(text_fit_wide(wc, 3, 3, &w), 2);
	assert_int_equal(w, 3);
	assert_int_equal(text_fit_wide(wc, 3, 1, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(text_fit_wide(wc, 3, 80, &w), 3);
	assert_int_equal(w, 5);
	setlocale(LC_CTYPE, "C");
}

static void convert_utf8_untouched(void **state)
{
	(void)state;
	assert_int_equal(text_set_charset("UTF-8"), 0);
	char *c = text_convert(THAI " " DELO);
	assert_string_equal(c, THAI " " DELO);
	free(c);
	c = text_clean(THAI, strlen(THAI), false);
	assert_string_equal(c, THAI);
	free(c);
}

/* --- main --------------------------------------------------------------- */

#define N_WRAP (sizeof wrap_cases / sizeof wrap_cases[0])
#define N_CLEAN (sizeof clean_cases / sizeof clean_cases[0])

static const struct CMUnitTest fixed_tests[] = {
	cmocka_unit_test(wrap_ascii_paragraph),
	cmocka_unit_test(wrap_long_words_split_by_characters),
	cmocka_unit_test(wrap_appends),
	cmocka_unit_test(wrap_random_mix),
	cmocka_unit_test(wrap_mark_after_wide_char_width1),
	cmocka_unit_test(width_table),
	cmocka_unit_test(width_nfc_equals_nfd),
	cmocka_unit_test(fit_table),
	cmocka_unit_test(fit_properties),
	cmocka_unit_test(clean_random_bytes),
	cmocka_unit_test(clean_one_megabyte),
	cmocka_unit_test(drop_last_char),
	cmocka_unit_test(append_char),
	cmocka_unit_test(match_long_phrase),
	cmocka_unit_test(starts_with_folded),
	cmocka_unit_test(convert_names_scripts),
	cmocka_unit_test(convert_utf8_untouched),
	cmocka_unit_test(fit_wide_by_locale),
};
#define N_FIXED (sizeof fixed_tests / sizeof fixed_tests[0])

/* The fixed tests, then one test per wrap and clean table row. */
static struct CMUnitTest tests[N_FIXED + N_WRAP + N_CLEAN];
static char names[N_WRAP + N_CLEAN][48];

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	size_t t = 0;
	memcpy(tests, fixed_tests, sizeof fixed_tests);
	t = N_FIXED;
	for (size_t i = 0; i < N_WRAP; i++, t++) {
		snprintf(names[t - N_FIXED], sizeof names[0], "wrap_case %zu (width %d)",
			 i + 1, wrap_cases[i].width);
		tests[t] = (struct CMUnitTest){names[t - N_FIXED], wrap_case, NULL, NULL,
					       (void *)&wrap_cases[i]};
	}
	for (size_t i = 0; i < N_CLEAN; i++, t++) {
		snprintf(names[t - N_FIXED], sizeof names[0], "clean_case %zu", i + 1);
		tests[t] = (struct CMUnitTest){names[t - N_FIXED], clean_case, NULL, NULL,
					       (void *)&clean_cases[i]};
	}
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
