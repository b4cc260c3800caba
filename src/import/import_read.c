/* htkp-import input: maps a file into memory and checks what must hold
 * before anything parses it: not empty, UTF-8. The file is read in one
 * pass from start to end (here, then by the scanner, import_scan.c), and
 * the pages behind that pass are given back (imp_drop_read), so memory
 * stays near one record's size whatever the file's: a 300 MB file read
 * whole, then parsed whole by SQLite, took 1 GB. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "import/import.h"

/* How much is checked between two hand-backs of the pages read. */
#define READ_CHUNK (4u << 20)

static enum imp_status file_error(struct imp *imp, const struct imp_file *f,
				  const char *what)
{
	struct imp_loc loc = { f->name, NULL, -1, NULL, NULL, 0 };
	imp_error(imp, &loc, "%s", what);
	return IMP_EDATA;
}

/* A new file in temporary storage, already unlinked: it goes away with
 * its descriptor, however the import ends. Where SQLite puts its own:
 * $TMPDIR, else /var/tmp, else /tmp. -1 on failure, errno set. */
int imp_temp_fd(void)
{
	const char *env = getenv("TMPDIR");
	const char *dirs[] = { env && *env ? env : "/var/tmp", "/tmp" };
	int fd = -1;
	for (size_t i = 0; fd < 0 && i < (env && *env ? 1 : 2); i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/htkp-import-XXXXXX", dirs[i]);
		if ((fd = mkstemp(path)) >= 0)
			unlink(path);
	}
	return fd;
}

/* Copies what fd gives (a pipe, a terminal) into an unnamed temporary
 * file, so it can be mapped like any other: -1 on failure, errno set. */
static int spool(int fd)
{
	int out = imp_temp_fd();
	if (out < 0)
		return -1;
	char buf[65536];
	for (;;) {
		ssize_t got = read(fd, buf, sizeof buf);
		if (got < 0 && errno == EINTR)
			continue;
		if (got == 0)
			return out;
		for (ssize_t put = 0; got > 0 && put < got;) {
			ssize_t w = write(out, buf + put, (size_t)(got - put));
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0)
				got = -1;
			else
				put += w;
		}
		if (got < 0) {
			int e = errno;
			close(out);
			errno = e;
			return -1;
		}
	}
}

/* Maps f->name: f->text and f->len. A file that cannot be read is a data
 * error (reported with the system's reason); so is an empty one. */
enum imp_status imp_read_file(struct imp *imp, struct imp_file *f)
{
	size_t n = strlen(f->name);
	f->jsonl = n > 6 && strcmp(f->name + n - 6, ".jsonl") == 0;
	int fd = open(f->name, O_RDONLY | O_CLOEXEC);
	char why[256];
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			close(fd);
			fd = -1;
			errno = EISDIR;
		} else {
			int copy = spool(fd);
			int e = errno;
			close(fd);
			fd = copy;
			errno = e;
		}
		if (fd >= 0 && fstat(fd, &st) != 0) {
			close(fd);
			fd = -1;
		}
	}
	if (fd < 0) {
		snprintf(why, sizeof why, "cannot read: %s", strerror(errno));
		return file_error(imp, f, why);
	}
	if (st.st_size == 0) {
		close(fd);
		return file_error(imp, f, "empty file (want an htkp JSON object)");
	}
	void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	int err = errno;
	close(fd);
	if (map == MAP_FAILED) {
		snprintf(why, sizeof why, "cannot read: %s", strerror(err));
		return file_error(imp, f, why);
	}
	madvise(map, (size_t)st.st_size, MADV_SEQUENTIAL);
	f->map = map;
	f->map_len = (size_t)st.st_size;
	f->text = map;
	f->len = f->map_len;
	return IMP_OK;
}

/* Gives back the pages of f wholly before byte upto of f->text: read
 * again, they come from the page cache (or the file) as they were. */
void imp_drop_read(const struct imp_file *f, size_t upto)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t end = (size_t)(f->text - (const char *)f->map) + upto;
	end -= end % page;
	if (f->map && end > 0)
		madvise(f->map, end, MADV_DONTNEED);
}

void imp_unmap_file(struct imp_file *f)
{
	if (f->map)
		munmap(f->map, f->map_len);
	f->map = NULL;
	f->text = NULL;
	f->len = f->map_len = 0;
}

/* Line and column (both from 1, columns in characters) of byte off. */
static void line_col(const struct imp_file *f, size_t off, size_t *line,
		     size_t *col)
{
	const char *s = f->text, *bol = s;
	*line = 1;
	for (size_t from = 0; from < off; from += READ_CHUNK) {
		size_t to = off - from < READ_CHUNK ? off : from + READ_CHUNK;
		for (const char *p = s + from; (p = memchr(p, '\n', (size_t)(s + to - p)));
		     p++) {
			(*line)++;
			bol = p + 1;
		}
		imp_drop_read(f, from);
	}
	*col = u8_mbsnlen((const uint8_t *)bol, (size_t)(s + off - bol)) + 1;
}

/* Reports invalid JSON: what the scanner found wrong (why) at byte off,
 * as line and column; why is NULL when it found nothing (it and SQLite
 * disagree). */
enum imp_status imp_report_syntax(struct imp *imp, const struct imp_file *f,
				  size_t off, const char *why)
{
	if (!why)
		return file_error(imp, f, "not JSON");
	static const char eof[] = "unexpected end of file";
	char msg[200], end[64];
	/* A value of JSON Lines ends with its line. */
	if (f->jsonl && strncmp(why, eof, sizeof eof - 1) == 0) {
		snprintf(end, sizeof end, "unexpected end of line%s", why + sizeof eof - 1);
		why = end;
	}
	size_t line, col;
	line_col(f, off, &line, &col);
	snprintf(msg, sizeof msg, "not JSON: %s at line %zu, column %zu",
		 why, line, col);
	return file_error(imp, f, msg);
}

/* A \u0000 escape: SQLite would cut the string there without a word. */
enum imp_status imp_report_nul(struct imp *imp, const struct imp_file *f,
			       size_t off)
{
	size_t line, col;
	char msg[200];
	line_col(f, off, &line, &col);
	snprintf(msg, sizeof msg, "\\u0000 (NUL) in a string at line %zu, "
		 "column %zu: not allowed in text", line, col);
	return file_error(imp, f, msg);
}

static int is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n", s[i]) || !s[i])
			return 0;
	return 1;
}

/* Checks that f->text is UTF-8 and not blank. A UTF-8 byte order mark is
 * skipped first: editors add it, JSON forbids it. */
enum imp_status imp_check_text(struct imp *imp, struct imp_file *f)
{
	if (f->len >= 3 && memcmp(f->text, "\xef\xbb\xbf", 3) == 0) {
		f->text += 3;
		f->len -= 3;
	}
	const uint8_t *s = (const uint8_t *)f->text;
	for (size_t off = 0; off < f->len;) {
		size_t n = f->len - off < READ_CHUNK ? f->len - off : READ_CHUNK;
		const uint8_t *bad = u8_check(s + off, n);
		size_t at = bad ? (size_t)(bad - s) : off + n;
		/* A character cut by the chunk's end is checked with the next. */
		if (bad && off + n < f->len && at > off && at + 4 > off + n)
			bad = NULL;
		if (bad) {
			size_t line, col;
			char msg[200];
			line_col(f, at, &line, &col);
			snprintf(msg, sizeof msg, "invalid UTF-8 at byte %zu "
				 "(line %zu, column %zu)", at, line, col);
			return file_error(imp, f, msg);
		}
		imp_drop_read(f, at);
		off = at;
	}
	size_t blank = 0;
	while (blank < f->len && is_blank(f->text + blank, 1))
		blank++;
	if (blank == f->len)
		return file_error(imp, f, "empty file (only white space)");
	return IMP_OK;
}
