/* The words of a database's full-text index (fts_words.h). */
#include "store/fts_words.h"
#include "common/bm25.h"
#include "common/catalog.h"
#include "common/grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int on_token(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	struct tokens *k = ctx;
	(void)start, (void)end;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	if (k->n == 8 || len >= 64) {
		k->overflow = true;
		return SQLITE_OK;
	}
	memcpy(k->t[k->n], tok, (size_t)len);
	k->t[k->n++][len] = '\0';
	return SQLITE_OK;
}

int fts_tokenize(struct fts5_api *api, const char *text, struct tokens *k)
{
	void *ud = NULL;
	fts5_tokenizer tk;
	Fts5Tokenizer *t = NULL;
	const char *args[] = {"remove_diacritics", "2"};
	*k = (struct tokens){0};
	if (!api || api->xFindTokenizer(api, "unicode61", &ud, &tk) != SQLITE_OK
	    || tk.xCreate(ud, args, 2, &t) != SQLITE_OK)
		return -1;
	int rc = tk.xTokenize(t, k, FTS5_TOKENIZE_QUERY, text, (int)strlen(text), on_token);
	tk.xDelete(t);
	return rc == SQLITE_OK && !k->overflow ? 0 : -1;
}

const char *fts_phrase(const char *c, struct bytes *body, bool *prefix)
{
	for (c++; *c && !(c[0] == '"' && c[1] != '"'); c++) {
		bytes_add(body, c, 1);
		if (*c == '"')
			c++;
	}
	bytes_add(body, "", 1);
	*prefix = *c == '"' && c[1] == '*';
	return *c ? c + 1 + *prefix : c;
}

int fts_word_known(struct store *st, int db, const char *word)
{
	if (!st->vocab)
		return 0;
	sqlite3_stmt *q = store_cached(st, "SELECT 1 FROM vocab WHERE db = ? AND term = ?");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, catalog[db].table, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, word, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	int known = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0
		    : store_fail(st, "reading the index's words");
	store_done(st, q);
	return known;
}

/* A word as an FTS5 phrase, its quotes doubled. */
static void put_phrase(struct bytes *o, const char *word)
{
	bytes_add(o, "\"", 1);
	for (const char *c = word; *c; c++)
		bytes_add(o, *c == '"' ? "\"\"" : c, *c == '"' ? 2 : 1);
	bytes_add(o, "\"", 1);
}

int fts_prefix_words(struct store *st, int db, const char *body, char **word)
{
	struct tokens k;
	if (fts_tokenize(st->fts5, body, &k) != 0 || k.n != 1)
		return 0;
	sqlite3_stmt *q = store_cached(st, "SELECT term FROM vocab WHERE db = ? AND term >= ?"
					   " ORDER BY term");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, catalog[db].table, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, k.t[0], -1, SQLITE_STATIC);
	size_t len = strlen(k.t[0]);
	int n = 0, rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(q, 0);
		if (!t || strncmp(t, k.t[0], len) != 0) {
			rc = SQLITE_DONE;
			break;
		}
		if (n == PREFIX_MAX_WORDS || !(word[n] = strdup(t)))
			break;
		n++;
	}
	int result = n;
	if (rc == SQLITE_ROW && n < PREFIX_MAX_WORDS)
		snprintf(st->error, sizeof st->error, "Out of memory."), result = -1;
	else if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		result = store_fail(st, "reading the index's words");
	else if (rc == SQLITE_ROW)
		result = 0;   /* more than PREFIX_MAX_WORDS */
	store_done(st, q);
	if (result <= 0)
		while (n > 0)
			free(word[--n]);
	return result;
}

static void put_or(struct bytes *o, char *const *word, int n)
{
	bytes_add(o, "(", n > 1);
	for (int i = 0; i < n; i++) {
		bytes_add(o, " OR ", i ? 4 : 0);
		put_phrase(o, word[i]);
	}
	bytes_add(o, ")", n > 1);
}

char *fts_or(char *const *word, int n)
{
	struct bytes o = {0};
	put_or(&o, word, n);
	bytes_add(&o, "", 1);
	if (o.failed)
		free(o.v);
	return o.failed ? NULL : o.v;
}

/* Writes the words of db's index that begin with the one word of body
 * as an OR of them: fts_prefix_words's result. */
static int put_words(struct store *st, int db, const char *body, struct bytes *o)
{
	char *word[PREFIX_MAX_WORDS];
	int n = fts_prefix_words(st, db, body, word);
	put_or(o, word, n > 0 ? n : 0);
	for (int i = 0; i < n; i++)
		free(word[i]);
	return n;
}

char *fts_expand(struct store *st, int db, const char *fts, int *words, int max,
		 bool *failed)
{
	*failed = false;
	if (!st->vocab || !fts || !strstr(fts, "\"*"))
		return NULL;
	struct bytes o = {0};
	int np = 0, total = 0;
	bool changed = false, declined = false;
	for (const char *c = fts; *c && !o.failed && !*failed && !declined;) {
		if (*c != '"') {
			bytes_add(&o, c++, 1);
			continue;
		}
		const char *start = c;
		struct bytes body = {0};
		bool prefix;
		const char *end = fts_phrase(start, &body, &prefix);
		int got = 0;   /* the words the phrase became; 0 left as it was */
		if (np == max)
			declined = true;
		else if (body.failed)
			o.failed = true;
		else if (prefix && (got = put_words(st, db, body.v, &o)) < 0)
			*failed = true;
		free(body.v);
		if (got <= 0)
			bytes_add(&o, start, (size_t)(end - start));
		changed |= got > 0;
		if (!declined) {
			words[np++] = got > 0 ? got : 1;
			total += got > 0 ? got : 1;
		}
		c = end;
	}
	bytes_add(&o, "", 1);
	if (o.failed && !*failed) {
		*failed = true;
		snprintf(st->error, sizeof st->error, "Out of memory.");
	}
	if (*failed || declined || !changed || total > BM25_MAX_PHRASES) {
		free(o.v);
		return NULL;
	}
	return o.v;
}

void fts_words_drop(struct store *st)
{
	free(st->words_of);
	free(st->words);
	st->words_of = st->words = NULL;
}

const char *fts_matching(struct store *st, int db, const char *fts)
{
	if (!fts || !st->vocab || !strstr(fts, "\"*"))
		return fts;
	if (st->words_of && st->words_db == db && strcmp(st->words_of, fts) == 0)
		return st->words ? st->words : fts;
	int words[BM25_MAX_PHRASES];
	bool failed;
	char *w = fts_expand(st, db, fts, words, BM25_MAX_PHRASES, &failed);
	char *of = failed ? NULL : strdup(fts);
	if (!of) {
		/* Not kept: the next statement tries again. */
		free(w);
		return fts;
	}
	fts_words_drop(st);
	st->words_of = of, st->words_db = db, st->words = w;
	return w ? w : fts;
}
