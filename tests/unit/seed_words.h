/* seed_words.h: what htkp-import stores for the words of an htkp/1 seed
 * (htkp-import(1)): keywords in the catalog's vocabularies (old short
 * forms mapped, anything else as "Other: ..."), and the outcome in the
 * outcome filter's words. The tests that read the seed JSON back against
 * the database get it as SQL canon(KEY, VALUE), KEY a record_value key. */
#ifndef HTKP_SEED_WORDS_H
#define HTKP_SEED_WORDS_H

#include <sqlite3.h>
#include <string.h>

#include "common/catalog.h"

static void seed_canon(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *key = (const char *)sqlite3_value_text(argv[0]);
	const char *v = (const char *)sqlite3_value_text(argv[1]);
	if (!key || !v) {
		sqlite3_result_value(ctx, argv[1]);
		return;
	}
	const struct vocab *voc = key[0] == '@' ? catalog_vocab(key + 1) : NULL;
	const char *canon = voc ? vocab_match(voc, v, strlen(v), 1) : NULL;
	if (strcmp(key, "outcome") == 0 && strcmp(v, "mixed") == 0)
		canon = "partially convicted";
	else if (strcmp(key, "outcome") == 0 && strcmp(v, "quashed or retrial") == 0)
		canon = "pending";
	if (canon)
		sqlite3_result_text(ctx, canon, -1, SQLITE_TRANSIENT);
	else if (voc && *v)
		sqlite3_result_text(ctx, sqlite3_mprintf("Other: %s", v), -1, sqlite3_free);
	else
		sqlite3_result_value(ctx, argv[1]);
}

/* Adds canon() to db. */
static inline int seed_words_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "canon", 2, SQLITE_UTF8, NULL,
				       seed_canon, NULL, NULL);
}

#endif
