/* htkp-import's SQL functions for keywords: a controlled vocabulary's
 * canonical wording (the lists are the catalog's), and the one spelling
 * an open list's value keeps ("entertainment" and "Entertainment " are
 * one sector, spelled as first met). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
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

/* The first spelling met of each open list's value, by its database,
 * field and the value squeezed and case-folded (its spellings share
 * that): a hash table with open addressing. */
struct spelling {
	char *key;              /* db, NUL, field, NUL, folded value */
	size_t key_len;
	uint64_t hash;
	char *value;
	size_t value_len;
};

struct spellings {
	struct spelling *slot;
	size_t cap, n;          /* cap: a power of two */
};

static uint64_t hash_of(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;       /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

static struct spelling *slot_for(struct spellings *t, const char *key, size_t len,
				 uint64_t h)
{
	for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		struct spelling *e = &t->slot[i];
		if (!e->key || (e->hash == h && e->key_len == len
				&& memcmp(e->key, key, len) == 0))
			return e;
	}
}

static int grow(struct spellings *t)
{
	size_t cap = t->cap ? 2 * t->cap : 1024;
	struct spelling *old = t->slot, *slot = calloc(cap, sizeof *slot);
	if (!slot)
		return -1;
	size_t old_cap = t->cap;
	t->slot = slot, t->cap = cap;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].key)
			*slot_for(t, old[i].key, old[i].key_len, old[i].hash) = old[i];
	free(old);
	return 0;
}

static void free_spellings(void *p)
{
	struct spellings *t = p;
	for (size_t i = 0; i < t->cap; i++)
		free(t->slot[i].key), free(t->slot[i].value);
	free(t->slot);
	free(t);
}

/* *key = db NUL field NUL value squeezed and case-folded (caller
 * frees), or NULL when value is blank. Returns -1 when out of memory. */
static int spelling_key(const char *db, const char *field, const char *value,
			size_t n, char **key, size_t *len)
{
	size_t sq_len, f_len = 0;
	char *sq = squeeze(value, n, &sq_len);
	*key = NULL, *len = 0;
	if (!sq)
		return -1;
	if (sq_len == 0) {
		free(sq);
		return 0;
	}
	uint8_t *f = u8_casefold((const uint8_t *)sq, sq_len, NULL, NULL, NULL, &f_len);
	free(sq);
	size_t a = strlen(db) + 1, b = strlen(field) + 1;
	char *k = f ? malloc(a + b + f_len) : NULL;
	if (k) {
		memcpy(k, db, a), memcpy(k + a, field, b);
		memcpy(k + a + b, f, f_len);
		*key = k, *len = a + b + f_len;
	}
	free(f);
	return k ? 0 : -1;
}

/* SQL spelling(db, field, value): the first value met so far with the
 * same spelling_key(), value itself the first time: an open list's
 * spellings that differ in case or spacing become the first one in file
 * order, as long as the calls come in that order. NULL if value is blank
 * or NULL. */
static void sql_spelling(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct spellings *t = sqlite3_user_data(ctx);
	const char *db = text_arg(ctx, argv, 0);
	const char *field = db ? text_arg(ctx, argv, 1) : NULL;
	const char *value = field ? text_arg(ctx, argv, 2) : NULL;
	if (!value)
		return;
	size_t n = (size_t)sqlite3_value_bytes(argv[2]), len;
	char *key;
	if (spelling_key(db, field, value, n, &key, &len) != 0
	    || (key && (t->n + 1) * 10 > t->cap * 7 && grow(t) != 0)) {
		free(key);
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!key) {
		sqlite3_result_null(ctx);
		return;
	}
	uint64_t h = hash_of(key, len);
	struct spelling *e = slot_for(t, key, len, h);
	if (e->key) {
		free(key);
	} else {
		char *v = malloc(n + 1);
		if (!v) {
			free(key);
			sqlite3_result_error_nomem(ctx);
			return;
		}
		memcpy(v, value, n + 1);
		*e = (struct spelling){ key, len, h, v, n };
		t->n++;
	}
	sqlite3_result_text(ctx, e->value, (int)e->value_len, SQLITE_TRANSIENT);
}

/* Adds squeeze(), vocab() and spelling() to db; returns an SQLite
 * result code. */
int imp_register_vocab_functions(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "squeeze", 1, flags, NULL,
					 sql_squeeze, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "vocab", 3, flags, NULL, sql_vocab,
					     NULL, NULL);
	struct spellings *t = rc == SQLITE_OK ? calloc(1, sizeof *t) : NULL;
	if (rc == SQLITE_OK && !t)
		rc = SQLITE_NOMEM;
	/* Not deterministic: it remembers. The connection frees t. */
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "spelling", 3, SQLITE_UTF8
						| SQLITE_DIRECTONLY, t, sql_spelling,
						NULL, NULL, free_spellings);
	return rc;
}
