/* htkp-import input: reads a file whole, then checks what must hold before
 * SQLite's JSON functions may see it (not empty, UTF-8, valid JSON). The
 * scanner below never builds anything: it runs only after json_valid()
 * said no, to tell the user where, as line and column. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "import/import.h"

#define MAX_DEPTH 2000          /* SQLite's own JSON nesting limit */

struct scan {
	const char *s;
	size_t n, pos;
	const char *why;        /* set at the first error */
	int depth;
};

static enum imp_status file_error(struct imp *imp, struct imp_file *f,
								  const char *what)
{
	struct imp_loc loc = { f->name, NULL, -1, NULL, NULL };
	imp_error(imp, &loc, "%s", what);
	return IMP_EDATA;
}

static enum imp_status read_all(int fd, char **text, size_t *len)
{
	struct stat st;
	size_t cap = 65536, n = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1;
	char *buf = malloc(cap);
	if (!buf)
		return IMP_EFATAL;
	for (;;) {
		if (n + 1 >= cap) {
			char *grown = realloc(buf, cap * 2);
			if (!grown)
				break;
			buf = grown;
			cap *= 2;
		}
		ssize_t got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			buf[n] = '\0';
			*text = buf;
			*len = n;
			return got == 0 ? IMP_OK : IMP_EDATA;
		}
		n += (size_t)got;
	}
	free(buf);
	return IMP_EFATAL;
}

/* Reads f->name into f->text. A file that cannot be read is a data error
 * (reported with the system's reason); so is an empty one. */
enum imp_status imp_read_file(struct imp *imp, struct imp_file *f)
{
	int fd = open(f->name, O_RDONLY | O_CLOEXEC);
	char why[256];
	if (fd < 0) {
		snprintf(why, sizeof why, "cannot read: %s", strerror(errno));
		return file_error(imp, f, why);
	}
	enum imp_status st = read_all(fd, &f->text, &f->len);
	int err = errno;
	close(fd);
	if (st == IMP_EFATAL) {
		imp_fatal(imp, "%s: out of memory", f->name);
		return st;
	}
	if (st == IMP_EDATA) {
		snprintf(why, sizeof why, "cannot read: %s", strerror(err));
		free(f->text);
		f->text = NULL;
		return file_error(imp, f, why);
	}
	if (f->len == 0)
		return file_error(imp, f, "empty file (want an htkp/1 JSON object)");
	return IMP_OK;
}

/* Line and column (both from 1, columns in characters) of byte off. */
static void line_col(const char *s, size_t off, size_t *line, size_t *col)
{
	const char *bol = s;
	*line = 1;
	for (const char *p = s; p < s + off; p++)
		if (*p == '\n') {
			(*line)++;
			bol = p + 1;
		}
	*col = u8_mbsnlen((const uint8_t *)bol, (size_t)(s + off - bol)) + 1;
}

static int fail(struct scan *sc, const char *why)
{
	if (!sc->why)
		sc->why = why;
	return 0;
}

static void skip_ws(struct scan *sc)
{
	while (sc->pos < sc->n && strchr(" \t\r\n", sc->s[sc->pos])
		   && sc->s[sc->pos])
		sc->pos++;
}

static int at(const struct scan *sc, char c)
{
	return sc->pos < sc->n && sc->s[sc->pos] == c;
}

static int is_digit_at(const struct scan *sc)
{
	return sc->pos < sc->n && sc->s[sc->pos] >= '0' && sc->s[sc->pos] <= '9';
}

static int scan_digits(struct scan *sc)
{
	if (!is_digit_at(sc))
		return fail(sc, "bad number");
	while (is_digit_at(sc))
		sc->pos++;
	return 1;
}

static int scan_number(struct scan *sc)
{
	if (at(sc, '-'))
		sc->pos++;
	if (at(sc, '0')) {
		sc->pos++;
		if (is_digit_at(sc))
			return fail(sc, "bad number (leading zero)");
	} else if (!scan_digits(sc)) {
		return 0;
	}
	if (at(sc, '.')) {
		sc->pos++;
		if (!scan_digits(sc))
			return 0;
	}
	if (at(sc, 'e') || at(sc, 'E')) {
		sc->pos++;
		if (at(sc, '+') || at(sc, '-'))
			sc->pos++;
		if (!scan_digits(sc))
			return 0;
	}
	return 1;
}

static int scan_escape(struct scan *sc)
{
	sc->pos++;              /* the backslash */
	if (sc->pos >= sc->n)
		return fail(sc, "unexpected end of file in a string");
	if (strchr("\"\\/bfnrt", sc->s[sc->pos]) && sc->s[sc->pos]) {
		sc->pos++;
		return 1;
	}
	if (sc->s[sc->pos] != 'u')
		return fail(sc, "bad escape in a string");
	sc->pos++;
	for (int i = 0; i < 4; i++, sc->pos++)
		if (sc->pos >= sc->n || !strchr("0123456789abcdefABCDEF", sc->s[sc->pos])
			|| !sc->s[sc->pos])
			return fail(sc, "bad \\u escape in a string");
	return 1;
}

static int scan_string(struct scan *sc)
{
	sc->pos++;              /* the opening quote */
	while (sc->pos < sc->n) {
		unsigned char c = (unsigned char)sc->s[sc->pos];
		if (c == '"') {
			sc->pos++;
			return 1;
		}
		if (c < 0x20)
			return fail(sc, c ? "control character in a string (escape it)"
							  : "NUL byte");
		if (c == '\\') {
			if (!scan_escape(sc))
				return 0;
		} else {
			sc->pos++;
		}
	}
	return fail(sc, "unexpected end of file in a string (missing '\"')");
}

static int scan_word(struct scan *sc, const char *word)
{
	size_t k = strlen(word);
	if (sc->n - sc->pos < k || memcmp(sc->s + sc->pos, word, k) != 0)
		return fail(sc, "unexpected character (want a value)");
	sc->pos += k;
	return 1;
}

static int scan_value(struct scan *sc);

/* The members or elements of an object or array, up to its closer. */
static int scan_items(struct scan *sc, char closer)
{
	skip_ws(sc);
	if (at(sc, closer)) {
		sc->pos++;
		return 1;
	}
	for (;;) {
		if (closer == '}') {
			if (!at(sc, '"'))
				return fail(sc, "want a member name in double quotes");
			if (!scan_string(sc))
				return 0;
			skip_ws(sc);
			if (!at(sc, ':'))
				return fail(sc, "want ':' after the member name");
			sc->pos++;
		}
		if (!scan_value(sc))
			return 0;
		skip_ws(sc);
		if (at(sc, closer)) {
			sc->pos++;
			return 1;
		}
		if (!at(sc, ','))
			return fail(sc, closer == '}' ? "want ',' or '}'" : "want ',' or ']'");
		sc->pos++;
		skip_ws(sc);
		if (at(sc, closer))
			return fail(sc, "trailing comma");
	}
}

static int scan_value(struct scan *sc)
{
	skip_ws(sc);
	if (sc->pos >= sc->n)
		return fail(sc, "unexpected end of file (want a value)");
	int ok;
	switch (sc->s[sc->pos]) {
	case '{':
	case '[':
		if (++sc->depth > MAX_DEPTH)
			return fail(sc, "nested too deeply");
		sc->pos++;
		ok = scan_items(sc, sc->s[sc->pos - 1] == '{' ? '}' : ']');
		sc->depth--;
		return ok;
	case '"': return scan_string(sc);
	case 't': return scan_word(sc, "true");
	case 'f': return scan_word(sc, "false");
	case 'n': return scan_word(sc, "null");
	case '\0': return fail(sc, "NUL byte");
	default:
		if (sc->s[sc->pos] == '-' || is_digit_at(sc))
			return scan_number(sc);
		return fail(sc, "unexpected character (want a value)");
	}
}

/* Where the JSON in s[0..n) first goes wrong; *why is NULL if the scanner
 * finds nothing (it and SQLite disagree). */
static size_t find_syntax_error(const char *s, size_t n, const char **why)
{
	struct scan sc = { s, n, 0, NULL, 0 };
	if (scan_value(&sc)) {
		skip_ws(&sc);
		if (sc.pos < n)
			fail(&sc, sc.s[sc.pos] ? "more text after the JSON value"
								   : "NUL byte");
	}
	*why = sc.why;
	return sc.pos;
}

static int json_valid(struct imp *imp, const struct imp_file *f, int *valid)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(imp->db, "SELECT json_valid(?1)", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 1, f->text, (int)f->len, SQLITE_STATIC);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*valid = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static enum imp_status report_syntax(struct imp *imp, struct imp_file *f)
{
	const char *why;
	size_t off = find_syntax_error(f->text, f->len, &why);
	if (!why)
		return file_error(imp, f, "not JSON");
	size_t line, col;
	char msg[200];
	line_col(f->text, off, &line, &col);
	snprintf(msg, sizeof msg, "not JSON: %s at line %zu, column %zu",
			 why, line, col);
	return file_error(imp, f, msg);
}

/* Offset of the first \u0000 escape in valid JSON s[0..n), or n. SQLite
 * would cut the string there without a word, so it is refused. In valid
 * JSON a backslash only ever starts an escape, so this needs no parser. */
static size_t find_nul_escape(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	while (p < end && (p = memchr(p, '\\', (size_t)(end - p)))) {
		if (end - p >= 6 && memcmp(p, "\\u0000", 6) == 0)
			return (size_t)(p - s);
		p += 2;         /* past the escaped character, maybe a backslash */
	}
	return n;
}

static int is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n", s[i]) || !s[i])
			return 0;
	return 1;
}

/* Checks that f->text is UTF-8 holding one valid JSON value. A UTF-8 byte
 * order mark is dropped first: editors add it, JSON forbids it. */
enum imp_status imp_check_syntax(struct imp *imp, struct imp_file *f)
{
	if (f->len >= 3 && memcmp(f->text, "\xef\xbb\xbf", 3) == 0) {
		f->len -= 3;
		memmove(f->text, f->text + 3, f->len + 1);
	}
	size_t line, col;
	char msg[200];
	const uint8_t *bad = u8_check((const uint8_t *)f->text, f->len);
	if (bad) {
		size_t off = (size_t)((const char *)bad - f->text);
		line_col(f->text, off, &line, &col);
		snprintf(msg, sizeof msg, "invalid UTF-8 at byte %zu "
				 "(line %zu, column %zu)", off, line, col);
		return file_error(imp, f, msg);
	}
	if (is_blank(f->text, f->len))
		return file_error(imp, f, "empty file (only white space)");
	if ((size_t)sqlite3_limit(imp->db, SQLITE_LIMIT_LENGTH, -1) <= f->len)
		return file_error(imp, f, "file too large for SQLite's JSON functions");
	int valid = 0;
	if (json_valid(imp, f, &valid) != SQLITE_OK)
		return imp_sqlerr(imp, "checking JSON");
	if (!valid || memchr(f->text, '\0', f->len))
		return report_syntax(imp, f);
	size_t off = find_nul_escape(f->text, f->len);
	if (off < f->len) {
		line_col(f->text, off, &line, &col);
		snprintf(msg, sizeof msg, "\\u0000 (NUL) in a string at line %zu, "
				 "column %zu: not allowed in text", line, col);
		return file_error(imp, f, msg);
	}
	return IMP_OK;
}
