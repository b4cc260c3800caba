/* fuzz_import.c: libFuzzer target for htkp-import's checks (src/import/,
 * all but the loading and the output file).
 *
 * Each input is an htkp/1 file: written to one temporary file made once
 * per process under /tmp, then read and checked exactly as htkp-import
 * --check does (imp_check_files over an in-memory database), with the
 * size limits lowered to 64 bytes a value and 1024 a record so that small
 * inputs reach them. Nothing else is ever written. The target aborts when
 *   - a check fails with IMP_EFATAL (an SQLite or internal error: no input
 *     may cause one),
 *   - a diagnostic line is not valid UTF-8, holds a control or formatting
 *     character (record text must come out escaped), does not start with
 *     the file's name or "htkp-import: ", or the lines do not match the
 *     error and warning counts (each mistake one line),
 *   - the file is accepted but what was staged breaks a promise: an id
 *     that does not print on one line or holds a slash, an id given to two
 *     records of one database, a string or member name over the limit, a
 *     record over the limit;
 *   - SQLite says "not JSON" where the scanner found nothing wrong.
 * ASan reports any overflow, and the leak check what a run leaves behind. */
#define _GNU_SOURCE             /* open_memstream; stderr is assignable */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unictype.h>
#include <unistr.h>

#include "import/import.h"

#define FUZZ_NAME "fuzz_import"
#include "fuzz_file.h"

#define MAX_TEXT 64
#define MAX_RECORD 1024

/* One diagnostic line (without its newline): printable, and about the file
 * or the program. */
static void check_line(const char *line, size_t n)
{
	char *copy = strndup(line, n);
	if (!copy || u8_check((const uint8_t *)line, n))
		die("diagnostic not UTF-8", copy);
	const uint8_t *p = (const uint8_t *)line, *end = p + n;
	while (p < end) {
		ucs4_t c;
		p += u8_mbtouc(&c, p, (size_t)(end - p));
		if (uc_is_general_category(c, UC_CONTROL)
		    || uc_is_general_category(c, UC_FORMAT) || c == 0x2028 || c == 0x2029)
			die("control or format character in a diagnostic", copy);
	}
	size_t k = strlen(path);
	if (!(n > k + 2 && memcmp(line, path, k) == 0 && memcmp(line + k, ": ", 2) == 0)
	    && strncmp(line, "htkp-import: ", 13) != 0)
		die("diagnostic about no file", copy);
	if (n == k + 10 && memcmp(line + k, ": not JSON", 10) == 0)
		die("SQLite refused JSON the scanner accepted", copy);
	free(copy);
}

/* The lines are clean, and one per counted error or warning (a quoted
 * value may hold ": warning: ", so only their sum is compared). */
static void check_diagnostics(const struct imp *imp, const char *out, size_t len)
{
	unsigned long lines = 0;
	const char *p = out, *end = out + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			die("diagnostic without a newline", p);
		check_line(p, (size_t)(nl - p));
		lines++;
		p = nl + 1;
	}
	unsigned long want = (imp->errors < 100 ? imp->errors : 100)
			     + (imp->warnings < 100 ? imp->warnings : 100);
	if (lines != want) {
		fprintf(stderr, "%lu lines for %lu errors and %lu warnings\n",
			lines, imp->errors, imp->warnings);
		die("not one line per mistake", out);
	}
}

/* An id the checks let through: printable on one line, no slash. */
static void check_id(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || u8_check((const uint8_t *)id, n))
		die("accepted an empty or broken id", id);
	const uint8_t *p = (const uint8_t *)id, *end = p + n;
	while (p < end) {
		ucs4_t c;
		p += u8_mbtouc(&c, p, (size_t)(end - p));
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '/'
		    || c == '\\' || c == 0x2028 || c == 0x2029 || c == 0x202e
		    || c == 0x200b)
			die("accepted an id that does not print on one line", id);
	}
}

static sqlite3_int64 one_number(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die("prepare", sqlite3_errmsg(db));
	if (sqlite3_step(st) != SQLITE_ROW)
		die("step", sqlite3_errmsg(db));
	sqlite3_int64 v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* What an accepted file staged keeps every promise. */
static void check_staged(sqlite3 *db)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT id FROM temp.rec", -1, &st, NULL) != SQLITE_OK)
		die("prepare", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		if (!id)
			die("accepted a record without an id", NULL);
		check_id(id);
	}
	sqlite3_finalize(st);
	if (one_number(db, "SELECT count(*) FROM (SELECT 1 FROM temp.rec "
		       "GROUP BY db, id HAVING count(*) > 1)"))
		die("accepted an id given to two records", NULL);
	if (one_number(db, "SELECT max(length(CAST(json AS BLOB))) FROM temp.rec")
	    > MAX_RECORD)
		die("accepted a record over the limit", NULL);
	if (one_number(db, "SELECT max(max(ifnull(length(CAST(t.atom AS BLOB)), 0),"
		       " ifnull(length(CAST(t.key AS BLOB)), 0))) FROM temp.rec AS r, "
		       "json_tree(r.json) AS t WHERE t.type = 'text' OR typeof(t.key) = 'text'")
	    > MAX_TEXT)
		die("accepted a string over the limit", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	write_input(data, size);
	struct imp_file file = { .name = path };
	struct imp imp = {
		.files = &file, .nfiles = 1, .out_fd = -1,
		.max_text = MAX_TEXT, .max_record = MAX_RECORD
	};
	char *out = NULL;
	size_t len = 0;
	FILE *real = stderr;
	stderr = open_memstream(&out, &len);
	if (!stderr) {
		stderr = real;
		die("open_memstream", NULL);
	}
	enum imp_status st = imp_open(&imp, ":memory:");
	if (st == IMP_OK)
		st = imp_check_files(&imp);
	if (st == IMP_OK && imp.errors == 0)
		st = imp_count_records(&imp);
	fclose(stderr);
	stderr = real;
	if (st == IMP_EFATAL)
		die("a check failed with an internal error", out);
	check_diagnostics(&imp, out, len);
	if (imp.errors == 0)
		check_staged(imp.db);
	if (sqlite3_close(imp.db) != SQLITE_OK)
		die("sqlite3_close", NULL);
	free(out);
	return 0;
}
