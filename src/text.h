/* Text as the terminal shows it: cleaning, display width, cutting and
 * wrapping by columns (libunistring). The only module that measures text. */
#ifndef HTKP_TEXT_H
#define HTKP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

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

/* Wraps clean UTF-8 s[0..n) to width columns at UAX #14 line breaks,
 * splitting words longer than a line by characters; newlines end
 * paragraphs. Appends to *out (caller frees out->v). Returns -1 on ENOMEM. */
int text_wrap(const char *s, size_t n, int width, struct text_lines *out);

/* Frees the lines' array. */
void text_lines_free(struct text_lines *l);

#endif
