/* htkp-import text rules shared by the C checks and the SQL that loads:
 * trimming (Unicode white space, via libunistring), the date format, and
 * the two SQL functions that let the loading stay in SQL. */
#define _POSIX_C_SOURCE 200809L
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "import/import.h"

/* Finds s[0..n) without leading and trailing white space: *start is the
 * offset of the first kept byte, *len the kept length (0 if all blank). */
void imp_trim(const char *s, size_t n, size_t *start, size_t *len)
{
	const uint8_t *b = (const uint8_t *)s;
	const uint8_t *p = b, *end = b + n;
	ucs4_t uc;
	while (p < end) {
		int k = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (!uc_is_property_white_space(uc))
			break;
		p += k;
	}
	while (end > p) {
		const uint8_t *q = u8_prev(&uc, end, p);
		if (!q || !uc_is_property_white_space(uc))
			break;
		end = q;
	}
	*start = (size_t)(p - b);
	*len = (size_t)(end - p);
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int number(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

/* Whether s[0..n) is YYYY, YYYY-MM or YYYY-MM-DD naming a real month and
 * day, with a year from 1000 to 9999 (the same range as a "year"). */
int imp_is_date(const char *s, size_t n)
{
	if ((n != 4 && n != 7 && n != 10) || !digits(s, 4))
		return 0;
	int year = number(s, 4);
	if (year < 1000)
		return 0;
	if (n == 4)
		return 1;
	if (s[4] != '-' || !digits(s + 5, 2))
		return 0;
	int month = number(s + 5, 2);
	if (month < 1 || month > 12)
		return 0;
	if (n == 7)
		return 1;
	if (s[7] != '-' || !digits(s + 8, 2))
		return 0;
	return number(s + 8, 2) >= 1 && number(s + 8, 2) <= days_in_month(year, month);
}

/* What makes s[0..n) (trimmed, valid UTF-8) no good as an id, or NULL if
 * it is one: an id is printed on one line (htkp query, the kiosk's
 * header) and may name a file, so it holds only printable characters,
 * and no slash. */
const char *imp_id_problem(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	while (p < end) {
		ucs4_t c;
		p += u8_mbtouc(&c, p, (size_t)(end - p));
		if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029)
			return "a line break";
		if (c == '/' || c == '\\')
			return "a slash";
		if (uc_is_general_category(c, UC_CONTROL))
			return "a control character";
		if (!uc_is_print(c) || uc_is_general_category(c, UC_FORMAT))
			return "a character that does not print";
	}
	return NULL;
}

/* SQL clean(x): x trimmed, NULL if nothing is left; non-text passes
 * through. The loader applies it to every string it stores, so the
 * database agrees with what the checks saw. */
static void sql_clean(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	size_t start, len;
	imp_trim(s, (size_t)sqlite3_value_bytes(argv[0]), &start, &len);
	if (len == 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, s + start, (int)len, SQLITE_TRANSIENT);
}

/* Copies the quoted key at s (SQLite quotes keys with anything but
 * letters and digits, "legal_system" too) to out; returns the end of it,
 * or NULL if the key holds '.' or '[' and so could pass for a path. */
static const char *copy_quoted(const char *s, char *out, size_t *o, size_t room)
{
	for (s++; *s && *s != '"'; s++) {
		if (*s == '.' || *s == '[' || *o >= room)
			return NULL;
		out[(*o)++] = *s;
	}
	return *s ? s + 1 : NULL;
}

/* SQL field_path(fullkey): a json_tree() fullkey without "$.", quotes and
 * array indices, "$.proceedings[2].court" -> "proceedings.court", so one
 * small table can say which facet or text each node feeds. NULL for what
 * no known field can be. */
static void sql_field_path(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s && sqlite3_value_type(argv[0]) != SQLITE_NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	char out[128];
	size_t o = 0;
	if (s && *s == '$')
		s++;
	while (s && *s && o < sizeof out) {
		if (*s == '[') {
			s = strchr(s, ']');
			s = s ? s + 1 : NULL;
		} else if (*s == '"') {
			s = copy_quoted(s, out, &o, sizeof out);
		} else if (*s == '.' && o == 0) {
			s++;
		} else {
			out[o++] = *s++;
		}
	}
	if (!s || *s)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, out, (int)o, SQLITE_TRANSIENT);
}

/* Adds clean() and field_path() to db; returns an SQLite result code. */
int imp_register_functions(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "clean", 1, flags, NULL, sql_clean,
								 NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "field_path", 1, flags, NULL,
									 sql_field_path, NULL, NULL);
	return rc;
}
