/* Text as the terminal shows it: cleaning, display width, cutting and
 * wrapping by columns (libunistring). The only module that measures text. */
#ifndef HTKP_TEXT_H
#define HTKP_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include <stdio.h>

/* One wrapped line: bytes [off, off+len) of the wrapped text. */
struct text_line {
	size_t off, len;
	int width;
};

struct text_lines {
	struct text_line *v;
	size_t n, cap;
};

/* Returns a malloc'd copy of s[0..n) that is safe to draw: valid UTF-8
 * (bad bytes become U+FFFD), NFC, no control characters (tab becomes a
 * space; newline kept only when keep_newlines), no bidi overrides, zero
 * width or other default-ignorable characters. Caller frees; NULL on ENOMEM. */
char *text_clean(const char *s, size_t n, bool keep_newlines);

/* Display columns of clean UTF-8 s[0..n). */
int text_width(const char *s, size_t n);

/* Bytes of the longest prefix of s[0..n) that fits in cols columns,
 * never cutting a character or separating it from its combining marks.
 * *width (if not NULL) gets the prefix's columns. */
size_t text_fit(const char *s, size_t n, int cols, int *width);

/* Of the locale's wide characters wc[0..n) (text_convert's output in a
 * legacy multibyte charset such as GB18030), how many fit in cols columns
 * by the locale's own widths, which may differ from UTF-8's; *width gets
 * the columns they take. */
size_t text_fit_wide(const wchar_t *wc, size_t n, int cols, int *width);

/* Wraps clean UTF-8 s[0..n) to width columns at UAX #14 line breaks,
 * splitting words longer than a line by characters; newlines end
 * paragraphs. Appends to *out (caller frees out->v). Returns -1 on ENOMEM. */
int text_wrap(const char *s, size_t n, int width, struct text_lines *out);

/* Appends character c as UTF-8 to buf (len bytes used, cap bytes in all,
 * kept NUL-terminated). Returns -1, changing nothing, when it does not fit
 * or c is not a character to type (a control, a non-character). */
int text_append_char(char *buf, size_t *len, size_t cap, unsigned c);

/* Removes the last character (with its combining marks) of buf. */
void text_drop_last_char(char *buf, size_t *len);

/* Finds the first match at or after byte `from` of s[0..n) of one of the
 * terms, ignoring case and diacritics: a match starts at a word start and,
 * unless prefix[i], ends at a word end. Returns true with the byte range
 * [*start, *end). */
bool text_match(const char *s, size_t n, size_t from, char *const *terms,
		const bool *prefix, size_t n_terms, size_t *start, size_t *end);

/* Whether s begins with prefix, ignoring case and diacritics ("nig"
 * begins "Nigéria"); both NUL-terminated UTF-8. */
bool text_starts_with(const char *s, const char *prefix);

/* Whether character c is a letter (any script). */
bool text_is_letter(unsigned c);

/* Sets the character set text_print and text_convert write in, and that
 * text_clean restricts text to (as text_convert would, back in UTF-8):
 * NULL or "UTF-8" write UTF-8 as it is. Returns -1 when iconv does not
 * know it. */
int text_set_charset(const char *charset);

/* The character set set by text_set_charset, NULL for UTF-8. */
const char *text_charset(void);

/* Whether the charset has every character of s (no transliteration). */
bool text_can_show(const char *s);

/* Returns s converted to the charset, with transliteration ("Öztürk" ->
 * "Ozturk"), each run of a script with no equivalent replaced by the
 * script's name ("[Thai]", "[Cyrillic]", "[Japanese]"; spaces between its
 * words included) and '?' for a lone sign; a malloc'd copy the caller
 * frees, NULL on ENOMEM. */
char *text_convert(const char *s);

/* Returns s[0..n), typed on a terminal in the charset, as clean UTF-8
 * (text_clean, newlines dropped). Under ASCII, text that is valid UTF-8
 * is taken as UTF-8: a UTF-8 terminal behind a bare C locale. A malloc'd
 * copy the caller frees, NULL on ENOMEM. */
char *text_from_terminal(const char *s, size_t n);

/* Writes clean UTF-8 s to out in the charset. */
void text_print(const char *s, FILE *out);

/* Frees the lines' array. */
void text_lines_free(struct text_lines *l);

#endif
