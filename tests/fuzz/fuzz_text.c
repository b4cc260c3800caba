/* fuzz_text.c: libFuzzer target for src/text.c.
 *
 * Input: byte 0 picks the wrap width (1..120); byte 1 picks the terminal
 * charset set with text_set_charset (top two bits: UTF-8, UTF-8, ASCII,
 * ISO-8859-1) and where a search term is taken from (low six bits); the
 * rest is the text. The target aborts when
 *   text_clean (keep_newlines true and false) gives anything but valid
 *     UTF-8 in NFC without C0/C1 controls (newline only when kept), tab,
 *     CR, bidi controls (U+202A-202E, U+2066-2069), U+200B or another
 *     format or default-ignorable character, or when cleaning its own
 *     output changes it; with an ASCII or ISO-8859-1 charset, when the
 *     output holds a character the charset lacks, or text_convert of it
 *     fails or (ASCII) is not ASCII;
 *   text_wrap gives a line wider than the width that is not one character
 *     plus zero-width ones, lines out of order or overlapping, a gap
 *     between lines holding anything but spaces and at most one newline,
 *     a line holding a newline, ending in a space, cutting a UTF-8
 *     sequence, a wrong width field, or a continuation line starting with
 *     a space (spaces at a break vanish);
 *   text_fit, for several column counts, cuts inside a UTF-8 sequence,
 *     returns more columns than asked or a width other than text_width of
 *     its prefix, stops before a zero-width character, or stops early
 *     (the next character would have fitted);
 *   text_match returns a range outside the string, before `from`, empty
 *     or not on character boundaries, or misses a term copied from the
 *     text at an ASCII word start;
 *   text_drop_last_char leaves invalid UTF-8 or does not shorten;
 *   text_append_char appends something other than the one character.
 * ASan and UBSan watch all of it, and the leak check what was allocated.
 *
 * FUZZ_SKIP (environment) is a list of checks to leave out, for fuzzing
 * the rest while a known crash is open: drop_last_char, append_char,
 * match, fit, wrap. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "common/text.h"

static bool skip_drop, skip_append, skip_match, skip_fit, skip_wrap;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *skip = getenv("FUZZ_SKIP");
	if (skip != NULL) {
		skip_drop = strstr(skip, "drop_last_char") != NULL;
		skip_append = strstr(skip, "append_char") != NULL;
		skip_match = strstr(skip, "match") != NULL;
		skip_fit = strstr(skip, "fit") != NULL;
		skip_wrap = strstr(skip, "wrap") != NULL;
		fprintf(stderr, "fuzz_text: FUZZ_SKIP=%s\n", skip);
	}
	return 0;
}

static void die(const char *what, const char *s, size_t n)
{
	fprintf(stderr, "fuzz_text: %s", what);
	if (s != NULL) {
		fprintf(stderr, " in (%zu bytes):", n);
		for (size_t i = 0; i < n && i < 256; i++)
			fprintf(stderr, " %02x", (unsigned char)s[i]);
	}
	fputc('\n', stderr);
	abort();
}

static int cols_of(ucs4_t c)
{
	int w = uc_width(c, "UTF-8");
	return w < 0 ? 1 : w;
}

static bool boundary(const char *s, size_t n, size_t i)
{
	return i == 0 || i >= n || ((unsigned char)s[i] & 0xc0) != 0x80;
}

static ucs4_t char_at(const char *s, size_t n, size_t i, int *len)
{
	ucs4_t c;
	*len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
	return c;
}

/* s[off..off+len) is one character plus zero-width characters. */
static bool one_cluster(const char *s, size_t off, size_t len)
{
	int k;
	size_t end = off + len;
	if (len == 0)
		return false;
	char_at(s, end, off, &k);
	for (size_t i = off + (size_t)k; i < end; i += (size_t)k)
		if (cols_of(char_at(s, end, i, &k)) != 0)
			return false;
	return true;
}

static void check_clean(const char *in, size_t n, const char *out, bool keep)
{
	if (out == NULL)
		die("text_clean returned NULL", in, n);
	size_t len = strlen(out);
	const uint8_t *u = (const uint8_t *)out;
	if (u8_check(u, len) != NULL)
		die("text_clean: invalid UTF-8", out, len);
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, u + i, len - i);
		if (c == '\n' ? !keep : (c < 0x20 || (c >= 0x7f && c < 0xa0)))
			die("text_clean: control character", out, len);
		if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
		    || c == 0x200b || c == 0x2028 || c == 0x2029)
			die("text_clean: bidi control, U+200B or separator", out, len);
		if (uc_is_general_category(c, UC_CATEGORY_Cf)
		    || uc_is_property_default_ignorable_code_point(c)
		    || uc_is_property_bidi_control(c))
			die("text_clean: format or default-ignorable character", out, len);
		i += (size_t)k;
	}
	size_t nfc_len = 0;
	uint8_t *nfc = u8_normalize(UNINORM_NFC, u, len, NULL, &nfc_len);
	if (nfc == NULL)
		die("u8_normalize failed", out, len);
	if (nfc_len != len || memcmp(nfc, u, len) != 0)
		die("text_clean: output not in NFC", out, len);
	free(nfc);
	char *again = text_clean(out, len, keep);
	if (again == NULL || strcmp(again, out) != 0)
		die("text_clean: not idempotent", out, len);
	free(again);
}

static void check_wrap(const char *s, size_t n, int width)
{
	struct text_lines l = {0};
	if (text_wrap(s, n, width, &l) != 0)
		die("text_wrap failed", s, n);
	size_t newlines = 0, pos = 0;
	for (size_t i = 0; i < n; i++)
		newlines += s[i] == '\n';
	if (l.n < newlines + 1)
		die("text_wrap: fewer lines than paragraphs", s, n);
	for (size_t i = 0; i < l.n; i++) {
		const struct text_line *ln = &l.v[i];
		const char *p = s + ln->off;
		if (ln->off < pos || ln->off > n || ln->len > n - ln->off)
			die("text_wrap: line out of order or out of the text", s, n);
		size_t gap_nl = 0;
		for (size_t k = pos; k < ln->off; k++) {
			if (s[k] != ' ' && s[k] != '\n')
				die("text_wrap: text lost between lines", s, n);
			gap_nl += s[k] == '\n';
		}
		if (gap_nl > 1)
			die("text_wrap: gap holds more than one newline", s, n);
		if (!boundary(s, n, ln->off) || !boundary(s, n, ln->off + ln->len))
			die("text_wrap: line cuts a UTF-8 sequence", s, n);
		if (ln->width != text_width(p, ln->len))
			die("text_wrap: wrong width field", s, n);
		if (ln->width > width && !one_cluster(s, ln->off, ln->len))
			die("text_wrap: line wider than the width", s, n);
		if (ln->len > 0) {
			if (memchr(p, '\n', ln->len) != NULL)
				die("text_wrap: newline inside a line", s, n);
			if (p[ln->len - 1] == ' ')
				die("text_wrap: line ends in a space", s, n);
			/* A line that does not start a paragraph starts after a break. */
			if (ln->off > 0 && s[ln->off - 1] != '\n' && p[0] == ' ')
				die("text_wrap: continuation line starts with a space", s, n);
		}
		pos = ln->off + ln->len;
	}
	for (size_t k = pos; k < n; k++)
		if (s[k] != ' ' && s[k] != '\n')
			die("text_wrap: text lost after the last line", s, n);
	text_lines_free(&l);
}

static void check_fit(const char *s, size_t n, int cols)
{
	int w = -1;
	size_t i = text_fit(s, n, cols, &w);
	if (i > n || !boundary(s, n, i))
		die("text_fit: cut inside a UTF-8 sequence", s, n);
	if (cols >= 0 && w > cols)
		die("text_fit: wider than cols", s, n);
	if (w != text_width(s, i))
		die("text_fit: width is not text_width of the prefix", s, n);
	if (text_fit(s, n, cols, NULL) != i)
		die("text_fit: result depends on width pointer", s, n);
	if (i < n && cols >= 0) {
		int k;
		ucs4_t c = char_at(s, n, i, &k);
		if (cols_of(c) == 0)
			die("text_fit: stopped before a zero-width character", s, n);
		if (w + cols_of(c) <= cols)
			die("text_fit: stopped although the next character fits", s, n);
	}
}

static void check_match_range(const char *s, size_t n, size_t from, bool found,
			      size_t start, size_t end)
{
	if (!found)
		return;
	if (start < from || start >= end || end > n)
		die("text_match: range outside the string or before from", s, n);
	if (!boundary(s, n, start) || !boundary(s, n, end))
		die("text_match: range not on character boundaries", s, n);
}

static bool ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static void check_match(const char *s, size_t n, const uint8_t *data, size_t size,
			unsigned pick)
{
	if (n == 0)
		return;
	/* A term copied from the text at a character boundary. */
	size_t at = (pick * 2654435761u) % n, tl = 1 + pick % 40;
	while (at > 0 && !boundary(s, n, at))
		at--;
	if (tl > n - at)
		tl = n - at;
	while (at + tl < n && !boundary(s, n, at + tl))
		tl++;
	char *term = malloc(tl + 1);
	memcpy(term, s + at, tl);
	term[tl] = '\0';
	/* And raw bytes from the input, not cleaned, as another term. */
	size_t rl = size < 24 ? size : 24;
	char *raw = malloc(rl + 1);
	memcpy(raw, data, rl);
	raw[rl] = '\0';

	char *terms[2] = {term, raw};
	size_t froms[3] = {0, at, n / 2};
	for (int pv = 0; pv < 4; pv++) {
		bool prefix[2] = {pv & 1, pv & 2};
		for (int f = 0; f < 3; f++) {
			size_t start = SIZE_MAX, end = SIZE_MAX;
			bool found = text_match(s, n, froms[f], terms, prefix, 2,
						&start, &end);
			check_match_range(s, n, froms[f], found, start, end);
			found = text_match(s, n, froms[f], terms, prefix, 1, &start, &end);
			check_match_range(s, n, froms[f], found, start, end);
		}
	}
	/* The copied term must be found where it was copied from when it
	 * starts a word with an ASCII letter or digit (prefix match). */
	if (tl > 0 && tl < 256 && ascii_alnum((unsigned char)s[at])
	    && (at == 0 || ((unsigned char)s[at - 1] < 0x80
			    && !ascii_alnum((unsigned char)s[at - 1])))) {
		bool prefix = true;
		size_t start, end;
		if (!text_match(s, n, at, terms, &prefix, 1, &start, &end)
		    || start != at || end < at + tl)
			die("text_match: missed a term copied from the text", s, n);
	}
	free(term);
	free(raw);
}

static void check_edit(const char *s, size_t n, const uint8_t *data, size_t size)
{
	char buf[64];
	size_t len = n < sizeof buf - 1 ? n : sizeof buf - 1;
	while (len > 0 && !boundary(s, n, len))
		len--;
	memcpy(buf, s, len);
	buf[len] = '\0';
	/* Type characters made from the input's bytes. */
	for (size_t i = 0; !skip_append && i + 3 <= size && i < 24; i += 3) {
		unsigned c = ((unsigned)data[i] << 16 | (unsigned)data[i + 1] << 8
			      | data[i + 2]) % 0x110000u;
		size_t before = len;
		if (text_append_char(buf, &len, sizeof buf, c) == 0) {
			ucs4_t got;
			int k = u8_mbtouc(&got, (const uint8_t *)buf + before, len - before);
			if (got != c || (size_t)k != len - before || buf[len] != '\0')
				die("text_append_char: appended something else", buf, len);
		} else if (len != before) {
			die("text_append_char: failed but changed buf", buf, len);
		}
	}
	while (!skip_drop && len > 0) {
		size_t before = len;
		text_drop_last_char(buf, &len);
		if (len >= before || buf[len] != '\0'
		    || u8_check((const uint8_t *)buf, len) != NULL)
			die("text_drop_last_char: bad result", buf, before);
	}
}

/* Sets the charset text.c cleans for, when it is not already set. */
static void set_charset(const char *cs)
{
	const char *cur = text_charset();
	if (cs == NULL ? cur == NULL : cur != NULL && strcmp(cs, cur) == 0)
		return;
	if (text_set_charset(cs) != 0)
		die("text_set_charset failed", cs, cs ? strlen(cs) : 0);
}

/* What only a text cleaned for a narrower charset has to satisfy. */
static void check_charset(const char *cs, const char *s)
{
	if (cs == NULL)
		return;
	ucs4_t top = strcmp(cs, "ASCII") == 0 ? 0x7f : 0xff;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		int k;
		if (char_at(s, n, i, &k) > top)
			die("text_clean: character the charset lacks", s, n);
		i += (size_t)k;
	}
	char *conv = text_convert(s);
	if (conv == NULL)
		die("text_convert returned NULL", s, n);
	for (const unsigned char *p = (const unsigned char *)conv; top == 0x7f && *p; p++)
		if (*p >= 0x80)
			die("text_convert: not ASCII", conv, strlen(conv));
	free(conv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[4] = {NULL, NULL, "ASCII", "ISO-8859-1"};
	if (size < 2)
		return 0;
	int width = 1 + data[0] % 120;
	const char *cs = charsets[data[1] >> 6];
	unsigned pick = data[1] & 0x3f;
	const char *in = (const char *)data + 2;
	size_t n = size - 2;

	set_charset(cs);
	char *flat = text_clean(in, n, false);
	check_clean(in, n, flat, false);
	char *text = text_clean(in, n, true);
	check_clean(in, n, text, true);
	size_t len = strlen(text);
	check_charset(cs, flat);
	check_charset(cs, text);

	if (!skip_wrap) {
		check_wrap(text, len, width);
		check_wrap(flat, strlen(flat), width);
	}
	static const int cols[] = {-1, 0, 1, 2, 3, 7, 80};
	for (size_t i = 0; !skip_fit && i < sizeof cols / sizeof cols[0]; i++)
		check_fit(flat, strlen(flat), cols[i]);
	if (!skip_fit)
		check_fit(flat, strlen(flat), width);
	if (!skip_match)
		check_match(text, len, data + 2, n, pick);
	check_edit(flat, strlen(flat), data + 2, n);

	free(flat);
	free(text);
	return 0;
}
