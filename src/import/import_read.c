/* htkp-import input: reads a file whole, then checks what must hold before
 * SQLite's JSON functions may see it: not empty, UTF-8, within the size
 * limits (import_scan.c), valid JSON. */
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
		return file_error(imp, f, "empty file (want an htkp JSON object)");
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

/* Reports invalid JSON: what the scanner found wrong (why) at byte off,
 * as line and column; why is NULL when it found nothing (it and SQLite
 * disagree). */
static enum imp_status report_syntax(struct imp *imp, struct imp_file *f,
				     size_t off, const char *why)
{
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
	/* Sizes first: SQLite copies a value whole, several times, before
	 * anything later could refuse it. */
	const char *why;
	size_t where;
	enum imp_status st = imp_scan_json(imp, f, &where, &why);
	if (st == IMP_EFATAL)
		return st;
	if (st == IMP_EDATA) {
		if (why)
			report_syntax(imp, f, where, why);
		return st;
	}
	int valid = 0;
	if (json_valid(imp, f, &valid) != SQLITE_OK)
		return imp_sqlerr(imp, "checking JSON");
	if (!valid || memchr(f->text, '\0', f->len))
		return report_syntax(imp, f, where, why);
	size_t off = find_nul_escape(f->text, f->len);
	if (off < f->len) {
		line_col(f->text, off, &line, &col);
		snprintf(msg, sizeof msg, "\\u0000 (NUL) in a string at line %zu, "
				 "column %zu: not allowed in text", line, col);
		return file_error(imp, f, msg);
	}
	return IMP_OK;
}
