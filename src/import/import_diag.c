/* htkp-import diagnostics: every error and warning is one line on stderr
 * that names the file, the record and the field, so a data editor can go
 * straight to the mistake. Long runs of the same problem are capped. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <time.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unictype.h>
#include <unistr.h>

#include "import/import.h"

/* Beyond this many lines of one kind, only count: a generated file with
 * the same mistake in every record should not scroll for minutes. */
#define SHOW_MAX 100

/* What a user calls a json_type() name: "string" for text, and so on. */
const char *imp_type_name(const char *type)
{
	if (strcmp(type, "text") == 0)
		return "string";
	if (strcmp(type, "integer") == 0 || strcmp(type, "real") == 0)
		return "number";
	if (strcmp(type, "true") == 0 || strcmp(type, "false") == 0)
		return "boolean";
	return type;            /* null, array, object */
}

/* Whether character c (of k bytes) is shown as an escape: controls, and
 * the format characters and line separators a terminal would act on. */
static int is_hidden(ucs4_t c, int k)
{
	if (c < 0x20 || c == 0x7f)
		return 1;
	return k > 1 && (uc_is_general_category(c, UC_CONTROL)
			 || uc_is_general_category(c, UC_FORMAT)
			 || c == 0x2028 || c == 0x2029);
}

/* Writes s as a double-quoted string into out: quotes and backslashes
 * escaped, and control and format characters written as \x.. or \u....
 * (a record is data, not terminal commands: no bidi override reorders
 * the line); cut at a character boundary with "..." if long. Returns out. */
const char *imp_quote(char out[IMP_QUOTE_MAX], const char *s)
{
	size_t o = 0;
	const size_t room = IMP_QUOTE_MAX - 6;  /* '"', "...", '"', NUL */
	const uint8_t *p = (const uint8_t *)s;

	out[o++] = '"';
	while (*p) {
		char esc[16];
		ucs4_t c;
		int k = u8_strmbtouc(&c, p);
		if (k < 1)              /* not UTF-8: the byte itself */
			snprintf(esc, sizeof esc, "\\x%02x", *p);
		else if (c == '"' || c == '\\')
			snprintf(esc, sizeof esc, "\\%c", (char)c);
		else if (is_hidden(c, k))
			snprintf(esc, sizeof esc, c < 0x80 ? "\\x%02x" : "\\u%04x",
				 (unsigned)c);
		else
			snprintf(esc, sizeof esc, "%.*s", k, (const char *)p);
		size_t len = strlen(esc);
		if (o + len > room)
			break;
		memcpy(out + o, esc, len);
		o += len;
		p += k < 1 ? 1 : k;
	}
	if (*p) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o++] = '"';
	out[o] = '\0';
	return out;
}

static void put_loc(const struct imp_loc *loc)
{
	char q[IMP_QUOTE_MAX];
	int rec = loc->db && (loc->idx >= 0 || loc->line > 0);
	/* file:line, as compilers say it, for a line of JSON Lines. */
	if (loc->file && loc->line > 0)
		fprintf(stderr, "%s:%ld: ", loc->file, loc->line);
	else if (loc->file)
		fprintf(stderr, "%s: ", loc->file);
	if (rec && loc->line > 0)
		fputs(loc->db, stderr);
	else if (rec)
		fprintf(stderr, "%s[%ld]", loc->db, loc->idx);
	if (rec && loc->id)
		fprintf(stderr, " %s", imp_quote(q, loc->id));
	if (rec)
		fputs(": ", stderr);
	if (loc->field)
		fprintf(stderr, "field %s: ", imp_quote(q, loc->field));
}

static void put_line(const struct imp_loc *loc, const char *kind,
					 const char *fmt, va_list ap)
{
	put_loc(loc);
	fputs(kind, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

/* Reports a data error at loc and counts it. */
void imp_error(struct imp *imp, const struct imp_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	imp_verror(imp, loc, fmt, ap);
	va_end(ap);
}

/* imp_error() for callers that take their own arguments. */
void imp_verror(struct imp *imp, const struct imp_loc *loc, const char *fmt,
				va_list ap)
{
	if (++imp->errors <= SHOW_MAX)
		put_line(loc, "", fmt, ap);
}

/* Reports a warning at loc and counts it; warnings never fail an import. */
void imp_warn(struct imp *imp, const struct imp_loc *loc, const char *fmt, ...)
{
	if (++imp->warnings > SHOW_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	put_line(loc, "warning: ", fmt, ap);
	va_end(ap);
}

/* Reports a failure that is not about one record, prefixed with the
 * program name, and counts it as an error. */
void imp_fatal(struct imp *imp, const char *fmt, ...)
{
	imp->errors++;
	fputs("htkp-import: ", stderr);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Says how many lines the caps above held back. */
void imp_diag_flush(const struct imp *imp)
{
	if (imp->errors > SHOW_MAX)
		fprintf(stderr, "htkp-import: %lu more errors not shown\n",
				imp->errors - SHOW_MAX);
	if (imp->warnings > SHOW_MAX)
		fprintf(stderr, "htkp-import: %lu more warnings not shown\n",
				imp->warnings - SHOW_MAX);
}

/* Whether errno value e means no room to write: a full disk, a quota or
 * a file size limit, which the user can fix. */
int imp_is_room_errno(int e)
{
	return e == ENOSPC || e == EFBIG
#ifdef EDQUOT
		   || e == EDQUOT
#endif
		   ;
}

/* After a failed write SQLite's own clean-up may have replaced errno, so
 * ask the system whether the new file hit a size limit or a full disk. */
static int guess_room_errno(const struct imp *imp)
{
	struct stat st;
	if (imp->out_fd < 0 || fstat(imp->out_fd, &st) != 0)
		return 0;
	struct rlimit rl;
	if (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
		&& (rlim_t)st.st_size + 65536 > rl.rlim_cur)
		return EFBIG;
	struct statvfs vfs;
	if (fstatvfs(imp->out_fd, &vfs) == 0
		&& (unsigned long long)vfs.f_bavail * vfs.f_frsize < 1u << 20)
		return ENOSPC;
	return 0;
}

/* The errno of the last failed system call on the new database file or
 * on SQLite's temporary file, if it says there is no room: SQLite keeps
 * it with each file, while the connection's own (sqlite3_system_errno)
 * may be that of the clean-up after the failure. 0 if neither does. */
static int file_room_errno(const struct imp *imp, const char **which)
{
	static const char *const schemas[] = { "main", "temp" };
	for (size_t i = 0; i < sizeof schemas / sizeof schemas[0]; i++) {
		int e = 0;
		if (sqlite3_file_control(imp->db, schemas[i], SQLITE_FCNTL_LAST_ERRNO,
					 &e) == SQLITE_OK && imp_is_room_errno(e)) {
			*which = schemas[i];
			return e;
		}
	}
	return 0;
}

/* One line for SQLite's failure rc, with the system's errno sys (0 if
 * none), while writing target: a full disk or a file size limit is the
 * user's to fix and said plainly, once; anything else is a bug or a
 * broken system, so the raw message (msg) helps. */
static enum imp_status say_sqlerr(struct imp *imp, int rc, int sys, const char *target,
				  const char *what, const char *msg)
{
	int code = rc & 0xff;
	if (code == SQLITE_FULL || (code == SQLITE_IOERR && imp_is_room_errno(sys))) {
		if (!imp->out_of_room)
			imp_fatal(imp, "no room to write %s: %s", target,
				  strerror(imp_is_room_errno(sys) ? sys : ENOSPC));
		imp->out_of_room = 1;
	} else if (code == SQLITE_NOMEM) {
		imp_fatal(imp, "out of memory while %s", what);
	} else if (code == SQLITE_IOERR) {
		imp_fatal(imp, "cannot write %s while %s: %s", target, what,
			  sys ? strerror(sys) : msg);
	} else {
		imp_fatal(imp, "internal error while %s: %s", what, msg);
	}
	return IMP_EFATAL;
}

enum imp_status imp_temp_sqlerr(struct imp *imp, int rc, int sys, const char *what,
				const char *msg)
{
	return say_sqlerr(imp, rc, sys, "temporary storage", what, msg);
}

enum imp_status imp_temp_error(struct imp *imp, int e, const char *what)
{
	return say_sqlerr(imp, SQLITE_IOERR, e, "temporary storage", what, strerror(e));
}

/* Turns the connection's last SQLite error into one line (say_sqlerr),
 * naming the file it was writing. */
enum imp_status imp_sqlerr(struct imp *imp, const char *what)
{
	int rc = sqlite3_extended_errcode(imp->db);
	int sys = sqlite3_system_errno(imp->db);
	const char *which = "main";
	if ((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_FULL) {
		int room = file_room_errno(imp, &which);
		int guess = room ? 0 : guess_room_errno(imp);
		/* Neither file says, and the new file has room: what was full
		 * is the storage of SQLite's other temporary files (a full one
		 * can leave SQLITE_FULL with no errno at all). */
		if (!room && !guess && (imp_is_room_errno(sys) || (rc & 0xff) == SQLITE_FULL))
			which = "temp";
		room = room ? room : guess;
		sys = room ? room : sys;
	}
	const char *target = imp->out_path && strcmp(which, "main") == 0
			     ? imp->out_path : "temporary storage";
	return say_sqlerr(imp, rc, sys, target, what, sqlite3_errmsg(imp->db));
}

/* With HTKP_IMPORT_PHASES set, says on stderr how long the work since the
 * last call took (wall and CPU seconds), to find where an import's time
 * goes; silent otherwise. */
void imp_phase(const char *what)
{
	static int on = -1;
	static struct timespec last_wall, last_cpu;
	if (on < 0) {
		on = getenv("HTKP_IMPORT_PHASES") != NULL;
		clock_gettime(CLOCK_MONOTONIC, &last_wall);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &last_cpu);
	}
	if (!on || !what)
		return;
	struct timespec wall, cpu;
	clock_gettime(CLOCK_MONOTONIC, &wall);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
	fprintf(stderr, "htkp-import: %-28s %7.2f s (CPU %7.2f s)\n", what,
		(wall.tv_sec - last_wall.tv_sec) + (wall.tv_nsec - last_wall.tv_nsec) / 1e9,
		(cpu.tv_sec - last_cpu.tv_sec) + (cpu.tv_nsec - last_cpu.tv_nsec) / 1e9);
	last_wall = wall, last_cpu = cpu;
}
