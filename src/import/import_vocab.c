/* htkp-import's SQL functions for keywords: a controlled vocabulary's
 * canonical wording (the lists are the catalog's), and the key under which
 * an open list's spellings are one value ("entertainment" and
 * "Entertainment " are one sector). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "import/import.h"

/* s[0..n) with every run of white space as one space and none at the
 * ends; caller frees. NULL when out of memory. */
static char *squeeze(const char *s, size_t n, size_t *len)
{
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	size_t o = 0;
	int gap = 0;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (uc_is_property_white_space(c)) {
			gap = o > 0;
		} else {
			if (gap)
				out[o++] = ' ';
			gap = 0;
			memcpy(out + o, p, (size_t)k);
			o += (size_t)k;
		}
		p += k;
	}
	out[o] = '\0';
	*len = o;
	return out;
}

/* The text argument i, or NULL (then the result is set: NULL or nomem). */
static const char *text_arg(sqlite3_context *ctx, sqlite3_value **argv, int i)
{
	const char *s = (const char *)sqlite3_value_text(argv[i]);
	if (!s && sqlite3_value_type(argv[i]) != SQLITE_NULL)
		sqlite3_result_error_nomem(ctx);
	else if (!s)
		sqlite3_result_null(ctx);
	return s;
}

/* SQL squeeze(x): x with white space runs as one space, trimmed; NULL if
 * blank. How an open list's value is stored. */
static void sql_squeeze(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = text_arg(ctx, argv, 0);
	if (!s)
		return;
	size_t len;
	char *out = squeeze(s, (size_t)sqlite3_value_bytes(argv[0]), &len);
	if (!out) {
		sqlite3_result_error_nomem(ctx);
	} else if (len == 0) {
		free(out);
		sqlite3_result_null(ctx);
	} else {
		sqlite3_result_text(ctx, out, (int)len, free);
	}
}

/* SQL fold(x): squeeze(x) case-folded: the spellings of one value of an
 * open list share it. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = text_arg(ctx, argv, 0);
	if (!s)
		return;
	size_t len, flen = 0;
	char *sq = squeeze(s, (size_t)sqlite3_value_bytes(argv[0]), &len);
	if (!sq) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (len == 0) {
		free(sq);
		sqlite3_result_null(ctx);
		return;
	}
	uint8_t *f = u8_casefold((const uint8_t *)sq, len, NULL, NULL, NULL, &flen);
	free(sq);
	if (!f)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, (const char *)f, (int)flen, free);
}

/* SQL vocab(name, fmt, x): the canonical wording of keyword x in the
 * catalog's vocabulary name; for an htkp/1 file its old short forms too,
 * and "Other: x" for anything else (the checks warned). NULL if blank. */
static void sql_vocab(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *name = text_arg(ctx, argv, 0);
	const char *s = name ? text_arg(ctx, argv, 2) : NULL;
	if (!s)
		return;
	const struct vocab *v = catalog_vocab(name);
	int fmt = sqlite3_value_int(argv[1]);
	size_t len;
	char *sq = squeeze(s, (size_t)sqlite3_value_bytes(argv[2]), &len);
	if (!sq) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	const char *canon = v && len ? vocab_match(v, sq, len, fmt == 1) : NULL;
	if (len == 0) {
		sqlite3_result_null(ctx);
	} else if (canon) {
		sqlite3_result_text(ctx, canon, -1, SQLITE_STATIC);
	} else if (fmt == 1) {
		char *other = sqlite3_mprintf("Other: %s", sq);
		if (other)
			sqlite3_result_text(ctx, other, -1, sqlite3_free);
		else
			sqlite3_result_error_nomem(ctx);
	} else {
		sqlite3_result_text(ctx, sq, (int)len, SQLITE_TRANSIENT);
	}
	free(sq);
}

/* Adds squeeze(), fold() and vocab() to db; returns an SQLite result code. */
int imp_register_vocab_functions(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "squeeze", 1, flags, NULL,
					 sql_squeeze, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "fold", 1, flags, NULL, sql_fold,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "vocab", 3, flags, NULL, sql_vocab,
					     NULL, NULL);
	return rc;
}
