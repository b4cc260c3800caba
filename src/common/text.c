/* Cleaning, measuring, cutting and wrapping UTF-8 for a character-cell
 * terminal, with libunistring. Widths are asked for "UTF-8" explicitly:
 * an East Asian locale name would make ambiguous characters double. */
#include "common/text.h"
#include "common/grow.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uniconv.h>
#include <unicase.h>
#include <unictype.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#define ENC "UTF-8"

static bool is_unsafe(ucs4_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0)
	       || uc_is_general_category(c, UC_CATEGORY_Cf)
	       || uc_is_property_default_ignorable_code_point(c)
	       || uc_is_property_bidi_control(c);
}

static char *out_charset;   /* NULL: UTF-8 */

/* glibc transliterates ("é" -> "e") by the rules of the current LC_CTYPE,
 * and the C locale has almost none: convert under C.UTF-8's rules, which
 * every Debian system has, whatever the terminal's locale is. */
static char *convert_to(const char *charset, const uint8_t *s, size_t n,
			size_t *offsets, size_t *len)
{
	static locale_t rules;
	if (!rules)
		rules = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	locale_t old = rules ? uselocale(rules) : (locale_t)0;
	char *out = u8_conv_to_encoding(charset, iconveh_question_mark, s, n, offsets,
					NULL, len);
	if (rules)
		uselocale(old);
	return out;
}

/* A run of characters the charset cannot show, all of one script (or
 * of the scripts one language writes with: Han with kana is Japanese). */
struct run {
	const uc_script_t *script;   /* NULL: no run open */
	bool cjk, kana, hangul;
};

static bool script_is(const uc_script_t *sc, const char *name)
{
	return sc && strcmp(sc->name, name) == 0;
}

static bool is_cjk(const uc_script_t *sc)
{
	return script_is(sc, "Han") || script_is(sc, "Hiragana") || script_is(sc, "Katakana")
	       || script_is(sc, "Hangul") || script_is(sc, "Bopomofo");
}

/* Whether a letter of script sc continues the open run. */
static bool run_takes(const struct run *r, const uc_script_t *sc)
{
	return r->script && (r->script == sc || (r->cjk && is_cjk(sc)));
}

static void run_open(struct run *r, const uc_script_t *sc)
{
	if (!run_takes(r, sc))
		*r = (struct run){sc, is_cjk(sc), false, false};
	r->kana |= script_is(sc, "Hiragana") || script_is(sc, "Katakana");
	r->hangul |= script_is(sc, "Hangul");
}

/* Writes the run's placeholder ("[Thai]", "[Old Italic]", "[Japanese]")
 * and closes it. */
static void run_close(struct run *r, struct bytes *o)
{
	if (!r->script)
		return;
	char name[40];
	const char *sn = r->hangul ? "Korean" : r->kana ? "Japanese" : r->cjk ? "Chinese"
		       : r->script->name;
	snprintf(name, sizeof name, "[%s]", sn);
	for (char *p = name; *p; p++)
		if (*p == '_')
			*p = ' ';
	bytes_add(o, name, strlen(name));
	r->script = NULL;
}

/* What one character became in the charset. */
enum piece {
	PIECE_SHOWN,      /* something readable */
	PIECE_BETWEEN,    /* a space, comma, stop or dash: may be inside a run */
	PIECE_GONE,       /* nothing (a mark glibc drops) */
	PIECE_LOST,       /* '?', for a letter of a script */
	PIECE_LOST_SIGN,  /* '?', for a mark, punctuation or symbol */
};

static enum piece classify(ucs4_t c, const uc_script_t *sc, const char *conv, size_t n)
{
	if (n == 0)
		return PIECE_GONE;
	if (n == 1 && conv[0] == '?' && c != '?')
		return !sc || script_is(sc, "Common") || script_is(sc, "Inherited")
		       ? PIECE_LOST_SIGN : PIECE_LOST;
	size_t spaces = 0;   /* glibc may give a dropped mark and a space as one */
	while (spaces < n && conv[spaces] == ' ')
		spaces++;
	/* Brackets and quotes are not "between": "[Cyrillic] ([Cyrillic])". */
	return spaces == n || uc_is_general_category(c, UC_CATEGORY_Zs)
	       || uc_is_general_category(c, UC_CATEGORY_Po)
	       || uc_is_general_category(c, UC_CATEGORY_Pd) ? PIECE_BETWEEN : PIECE_SHOWN;
}

/* Copies the conversion conv[0..len) of s[0..n) (offsets: each input
 * character's place in conv) into o, each run of letters that became '?'
 * named by its script instead. Spaces, commas, stops and dashes between
 * the run's words ("ไทย, ไทย" is one [Thai]), and signs that became '?' within or
 * just before it, are part of the run: they wait in `held` until what
 * follows tells. Digits end a run: they can be read. */
static void name_runs(const uint8_t *s, size_t n, const char *conv, size_t len,
		      const size_t *offsets, struct bytes *o)
{
	struct run r = {0};
	struct bytes held = {0};
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		size_t next = i + (size_t)u8_mbtouc(&c, s + i, n - i);
		while (next < n && offsets[next] == (size_t)-1)
			next++;   /* glibc took the next character with this one */
		size_t from = offsets[i], to = next < n ? offsets[next] : len;
		const uc_script_t *sc = uc_script(c);
		enum piece piece = classify(c, sc, conv + from, to - from);
		switch (piece) {
		case PIECE_LOST:
			if (r.script && !run_takes(&r, sc)) {
				run_close(&r, o);
				bytes_add(o, held.v, held.n);   /* what separates two runs */
			}
			held.n = 0;
			run_open(&r, sc);
			break;
		case PIECE_LOST_SIGN:
			if (!r.script)
				bytes_add(&held, conv + from, to - from);
			break;
		case PIECE_BETWEEN:
		case PIECE_SHOWN:
			if (piece == PIECE_BETWEEN && r.script) {
				bytes_add(&held, conv + from, to - from);
				break;
			}
			run_close(&r, o);
			bytes_add(o, held.v, held.n);
			held.n = 0;
			bytes_add(o, conv + from, to - from);
			break;
		case PIECE_GONE:
			break;
		}
		i = next;
	}
	run_close(&r, o);
	bytes_add(o, held.v, held.n);
	o->failed |= held.failed;
	free(held.v);
}

/* Returns s[0..n) in the charset, *len bytes (caller frees; NULL on
 * ENOMEM or bytes that are not UTF-8): transliterated ("Ö" -> "O"), and
 * a run of a script with no equivalent as its name ("[Thai]"), which
 * says more than "?????" and takes the columns drawn. */
static char *to_charset(const uint8_t *s, size_t n, size_t *len)
{
	size_t *offsets = malloc((n ? n : 1) * sizeof *offsets), conv_len = 0;
	char *conv = offsets ? convert_to(out_charset, s, n, offsets, &conv_len) : NULL;
	struct bytes o = {0};
	if (conv)
		name_runs(s, n, conv, conv_len, offsets, &o);
	free(offsets);
	free(conv);
	if (!o.v && !o.failed)
		o.failed = !(o.v = malloc(1));
	if (!conv || o.failed) {
		free(o.v);
		return NULL;
	}
	*len = o.n;
	return o.v;
}

/* Replaces *s by what the terminal's charset can show, back in UTF-8.
 * Widths measured afterwards are then what the terminal will draw. */
static int restrict_to_charset(uint8_t **s, size_t *len)
{
	size_t n = 0, back_len = 0;
	char *conv = to_charset(*s, *len, &n);
	if (!conv)
		return -1;
	uint8_t *back = u8_conv_from_encoding(out_charset, iconveh_question_mark, conv, n,
					      NULL, NULL, &back_len);
	free(conv);
	if (!back)
		return -1;
	free(*s);
	*s = back;
	*len = back_len;
	return 0;
}

/* libunistring returns counted strings: make one a C string (freeing it
 * when there is no memory for that). */
static char *terminate(void *s, size_t len)
{
	char *z = realloc(s, len + 1);
	if (!z) {
		free(s);
		return NULL;
	}
	z[len] = '\0';
	return z;
}

char *text_clean(const char *s, size_t n, bool keep_newlines)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	/* Each input byte yields at most 3 output bytes (U+FFFD). */
	uint8_t *buf = malloc(3 * n + 1);
	if (!buf)
		return NULL;
	size_t len = 0;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, end - p);   /* invalid -> U+FFFD, k=1.. */
		p += k;
		if (c == 0x2028 || c == 0x2029)   /* line, paragraph separator */
			c = '\n';
		if (c == '\t' || (c == '\n' && !keep_newlines) || c == '\r')
			c = ' ';
		else if (c != '\n' && is_unsafe(c))
			continue;
		len += u8_uctomb(buf + len, c, 4);
	}
	size_t nfc_len = 0;
	uint8_t *nfc = u8_normalize(UNINORM_NFC, buf, len, NULL, &nfc_len);
	free(buf);
	if (!nfc)
		return NULL;
	if (out_charset && restrict_to_charset(&nfc, &nfc_len) != 0) {
		free(nfc);
		return NULL;
	}
	return terminate(nfc, nfc_len);
}

/* Width of one character as drawn; anything unmeasurable takes one cell
 * so that a cut can never overflow. */
static int char_width(ucs4_t c)
{
	int w = uc_width(c, ENC);
	return w < 0 ? 1 : w;
}

int text_width(const char *s, size_t n)
{
	int w = 0;
	text_fit(s, n, 1 << 30, &w);
	return w;
}

size_t text_fit_wide(const wchar_t *wc, size_t n, int cols, int *width)
{
	size_t k = 0;
	int w = 0;
	for (; k < n; k++) {
		int cw = wcwidth(wc[k]);
		cw = cw < 0 ? 1 : cw;   /* a character the locale cannot size */
		if (w + cw > cols)
			break;
		w += cw;
	}
	*width = w;
	return k;
}

size_t text_fit(const char *s, size_t n, int cols, int *width)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	int w = 0;
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p + i, n - i);
		int cw = char_width(c);
		if (w + cw > cols)
			break;   /* zero-width marks never stop here: they stay with their base */
		w += cw;
		i += k;
	}
	if (width)
		*width = w;
	return i;
}

static int push_line(struct text_lines *out, size_t off, size_t len, int width)
{
	if (grow(&out->v, &out->cap, out->n, sizeof *out->v, 64) != 0)
		return -1;
	out->v[out->n++] = (struct text_line){off, len, width};
	return 0;
}

/* Emits s[start..stop) without its trailing spaces. */
static int emit(struct text_lines *out, const uint8_t *s, size_t base,
		size_t start, size_t stop)
{
	while (stop > start && s[stop - 1] == ' ')
		stop--;
	return push_line(out, base + start, stop - start,
			 text_width((const char *)s + start, stop - start));
}

/* Greedy fill of one paragraph (no newlines) of n bytes at offset base. */
static int wrap_paragraph(const uint8_t *s, size_t n, size_t base, int width,
			  struct text_lines *out)
{
	if (n == 0)
		return push_line(out, base, 0, 0);
	char *brk = malloc(n);
	if (!brk)
		return -1;
	u8_possible_linebreaks(s, n, ENC, brk);
	size_t start = 0, cand = 0;   /* cand: last break opportunity in line */
	int col = 0, col_at_cand = 0;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0;) {
		ucs4_t c;
		int k = u8_mbtouc(&c, s + i, n - i);
		if (brk[i] == UC_BREAK_POSSIBLE && i > start) {
			cand = i;
			col_at_cand = col;
		}
		int cw = char_width(c);
		/* A mark stays with its base, unless the base is a space hanging
		 * past the end of the line. */
		bool may_break = cw > 0 || s[i - (i > 0)] == ' ';
		if (col + cw > width && c != ' ' && i > start && may_break) {
			size_t stop = cand > start ? cand : i;
			rc = emit(out, s, base, start, stop);
			col = stop == cand ? col - col_at_cand : 0;
			start = stop;
			cand = start;
			while (start < i && s[start] == ' ')
				start++;   /* spaces at a break vanish */
			continue;     /* re-measure this character on the new line */
		}
		col += cw;
		i += k;
	}
	if (rc == 0)
		rc = emit(out, s, base, start, n);
	free(brk);
	return rc;
}

int text_wrap(const char *s, size_t n, int width, struct text_lines *out)
{
	if (width < 1)
		width = 1;
	size_t start = 0;
	while (start <= n) {
		const char *nl = memchr(s + start, '\n', n - start);
		size_t stop = nl ? (size_t)(nl - s) : n;
		if (wrap_paragraph((const uint8_t *)s + start, stop - start, start,
				   width, out) != 0)
			return -1;
		if (!nl)
			break;
		start = stop + 1;
	}
	return 0;
}

void text_lines_free(struct text_lines *l)
{
	free(l->v);
	*l = (struct text_lines){0};
}

int text_append_char(char *buf, size_t *len, size_t cap, unsigned c)
{
	uint8_t tmp[6];
	if (c > 0x10ffff || is_unsafe(c) || (c >= 0xd800 && c < 0xe000))
		return -1;
	int k = u8_uctomb(tmp, c, sizeof tmp);
	if (k <= 0 || *len + (size_t)k + 1 > cap)
		return -1;
	memcpy(buf + *len, tmp, (size_t)k);
	*len += (size_t)k;
	buf[*len] = '\0';
	return 0;
}

void text_drop_last_char(char *buf, size_t *len)
{
	const uint8_t *s = (const uint8_t *)buf;
	while (*len > 0) {
		ucs4_t c;   /* u8_prev always stores the character it steps over */
		const uint8_t *prev = u8_prev(&c, s + *len, s);
		if (!prev) {
			*len = 0;
			break;
		}
		*len = (size_t)(prev - s);
		if (uc_width(c, ENC) != 0)
			break;   /* a base character: its marks went with it */
	}
	buf[*len] = '\0';
}

/* Case and diacritics folded: the lower case of the first character of
 * the canonical decomposition ("Ö" -> "o"), as the FTS5 tokenizer does. */
static ucs4_t fold(ucs4_t c)
{
	if (c < 0x80)   /* most record text: no decomposition to look up */
		return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	if (uc_canonical_decomposition(c, d) > 0)
		c = d[0];
	return uc_tolower(c);
}

/* Folds s[0..n) into out (one entry per character; combining marks are
 * dropped), with each entry's byte offset in off and the end in off[k]. */
static size_t fold_string(const uint8_t *s, size_t n, ucs4_t *out, size_t *off)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, s + i, n - i);
		if (!(uc_combining_class(c) != 0 && k > 0)) {
			off[k] = i;
			out[k++] = fold(c);
		}
		i += (size_t)len;
	}
	off[k] = n;
	return k;
}

static bool is_word_char(ucs4_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	return uc_is_alnum(c);
}

/* Whether the character before s[at] (combining marks skipped, as
 * fold_string drops them) is a word character. */
static bool word_char_before(const uint8_t *s, size_t at)
{
	const uint8_t *p = s + at;
	ucs4_t c;
	while ((p = u8_prev(&c, p, s)) != NULL)
		if (uc_combining_class(c) == 0)
			return is_word_char(fold(c));
	return false;
}

bool text_match(const char *s, size_t n, size_t from, char *const *terms,
		const bool *prefix, size_t n_terms, size_t *start, size_t *end)
{
	if (n_terms == 0 || from >= n)
		return false;
	/* The terms are folded once, and the text only from `from` on: a
	 * snippet asks again after each match, and a record's text is long. */
	size_t total = 0;
	for (size_t j = 0; j < n_terms; j++)
		total += strlen(terms[j]) + 1;
	size_t rest = n - from;
	ucs4_t *f = malloc((rest + 1) * sizeof *f), *t = malloc((total + 1) * sizeof *t);
	size_t *off = malloc((rest + 1) * sizeof *off), *toff = malloc((total + 1) * sizeof *toff);
	size_t *tat = malloc((n_terms + 1) * sizeof *tat);   /* term j: t[tat[j]..tat[j+1]) */
	bool found = false;
	size_t k = 0;
	if (f && off && t && toff && tat) {
		tat[0] = 0;
		for (size_t j = 0; j < n_terms; j++)
			tat[j + 1] = tat[j] + fold_string((const uint8_t *)terms[j], strlen(terms[j]),
							  t + tat[j], toff + tat[j]);
		k = fold_string((const uint8_t *)s + from, rest, f, off);
	}
	bool word_before = k > 0 && word_char_before((const uint8_t *)s, from);
	for (size_t i = 0; i < k && !found; i++) {
		if ((i > 0 ? is_word_char(f[i - 1]) : word_before) || !is_word_char(f[i]))
			continue;
		for (size_t j = 0; j < n_terms && !found; j++) {
			size_t m = tat[j + 1] - tat[j];
			if (m == 0 || i + m > k || memcmp(f + i, t + tat[j], m * sizeof *t) != 0)
				continue;
			if (!prefix[j] && i + m < k && is_word_char(f[i + m]))
				continue;
			*start = from + off[i];
			*end = from + off[i + m];
			found = true;
		}
	}
	free(f);
	free(off);
	free(t);
	free(toff);
	free(tat);
	return found;
}

bool text_starts_with(const char *s, const char *prefix)
{
	const uint8_t *a = (const uint8_t *)s, *b = (const uint8_t *)prefix;
	size_t na = strlen(s), nb = strlen(prefix);
	for (size_t i = 0, j = 0; j < nb;) {
		ucs4_t ca, cb;
		/* Combining marks are skipped on both sides: "e" begins "é". */
		do
			j += (size_t)u8_mbtouc(&cb, b + j, nb - j);
		while (uc_combining_class(cb) != 0 && j < nb);
		if (uc_combining_class(cb) != 0)
			break;
		do {
			if (i >= na)
				return false;
			i += (size_t)u8_mbtouc(&ca, a + i, na - i);
		} while (uc_combining_class(ca) != 0);
		if (fold(ca) != fold(cb))
			return false;
	}
	return true;
}

bool text_is_letter(unsigned c)
{
	return c <= 0x10ffff && uc_is_alpha(c);
}

int text_set_charset(const char *charset)
{
	free(out_charset);
	out_charset = NULL;
	if (!charset || strcasecmp(charset, "UTF-8") == 0 || strcasecmp(charset, "UTF8") == 0)
		return 0;
	size_t n = 0;
	char *probe = convert_to(charset, (const uint8_t *)"a", 1, NULL, &n);
	if (!probe)
		return -1;
	free(probe);
	return (out_charset = strdup(charset)) ? 0 : -1;
}

const char *text_charset(void)
{
	return out_charset;
}

bool text_can_show(const char *s)
{
	if (!out_charset)
		return true;
	size_t len = 0;
	char *out = u8_conv_to_encoding(out_charset, iconveh_error, (const uint8_t *)s,
					strlen(s), NULL, NULL, &len);
	free(out);
	return out != NULL;
}

char *text_convert(const char *s)
{
	size_t n = strlen(s);
	if (!out_charset)
		return strdup(s);
	size_t len = 0;
	char *out = to_charset((const uint8_t *)s, n, &len);
	if (!out)
		return NULL;
	return terminate(out, len);
}

char *text_from_terminal(const char *s, size_t n)
{
	if (!out_charset || (strcasecmp(out_charset, "ASCII") == 0
			     && !u8_check((const uint8_t *)s, n)))
		return text_clean(s, n, false);
	size_t len = 0;
	uint8_t *u8 = u8_conv_from_encoding(out_charset, iconveh_question_mark, s, n, NULL,
					    NULL, &len);
	if (!u8)   /* bytes the charset does not have: '?' each */
		return text_clean(s, n, false);
	char *clean = text_clean((const char *)u8, len, false);
	free(u8);
	return clean;
}

void text_print(const char *s, FILE *out)
{
	char *c = text_convert(s);
	fputs(c ? c : s, out);
	free(c);
}
