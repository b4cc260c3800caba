/* The words of a database's full-text index: how its tokenizer splits a
 * phrase, and which words a prefix stands for (table vocab, made at
 * import). FTS5 answers a prefix (forc*) by merging the lists of records
 * of every word it stands for, positions and all, before it reads the
 * first match; the same words searched as an OR are read side by side
 * (counting forc* in 51,815 of 100,000 cases: 6.1 ms as a prefix, 2.3 as
 * "force" OR "forced"). Private to the store. */
#ifndef HTKP_STORE_FTS_WORDS_H
#define HTKP_STORE_FTS_WORDS_H

#include "store/store_impl.h"
#include "common/grow.h"

#include <stdbool.h>

/* A phrase's words as the index's tokenizer splits them. */
struct tokens {
	char t[8][64];
	int n;
	bool overflow;
};

/* Splits text with the tokenizer of db/schema.sql's indexes: 0, or -1
 * (no FTS5, or more or longer words than struct tokens holds). */
int fts_tokenize(struct fts5_api *api, const char *text, struct tokens *k);

/* The phrase whose opening quote is at c, as query.c writes phrases:
 * its words, "" undone, added to body (ended by a NUL), and whether a *
 * follows it (a prefix). Returns the point past its closing quote and
 * *, or the end of the string when it has none. */
const char *fts_phrase(const char *c, struct bytes *body, bool *prefix);

/* Whether word is in database db's index: 1, 0 (or no table vocab), or
 * -1 on error (recorded). */
int fts_word_known(struct store *st, int db, const char *word);

/* Most words a prefix is searched as. At 100,000 cases an OR of up to
 * 19 words counted as fast as their prefix or up to three times faster
 * (th*, 13 words: 64 -> 22 ms); past 20 words, most of them rare, it
 * was up to a third slower (each word's list read on its own): FTS5's
 * one merge is left to do those. */
#define PREFIX_MAX_WORDS 16

/* The words of database db's index that begin with the one word of
 * body (a prefix's, as typed), in order, into word (room for
 * PREFIX_MAX_WORDS; the caller frees each): their number; 0 when there
 * are none or more, or body is not one word; -1 on error (recorded). */
int fts_prefix_words(struct store *st, int db, const char *body, char **word);

/* The words as phrases of an OR, ("w" OR "v"), or "w" alone: a new
 * string, NULL when memory ran out. */
char *fts_or(char *const *word, int n);

/* The expression fts (query.c's form: every phrase in double quotes)
 * with each prefix of one word ("forc"*) written as the words of
 * database db's index that begin with it: ("force" OR "forced"), or
 * "forced" alone. Phrases are numbered in the order they are written,
 * so phrase i of fts becomes words[i] phrases of the result (words has
 * room for max; 1 for a phrase left as it was). The result finds the
 * same records, and bm25 scores a prefix's words together as the
 * prefix (common/bm25.h, BM25_JOINED). Returns it (the caller frees),
 * or NULL: nothing rewritten (no table vocab, no prefix, a prefix of
 * no word or of too many, more than max phrases), *failed set on
 * error (recorded). */
char *fts_expand(struct store *st, int db, const char *fts, int *words, int max,
		 bool *failed);

/* The expression fts as FTS5 matches it fastest, for a statement that
 * only matches (counts, lists by date or title, marks a picker's
 * values): fts_expand's when it rewrote something, else fts itself.
 * Kept in st for the statements that follow (a screen counts, lists and
 * marks the same words): valid until words of another expression are
 * asked for, or fts_words_drop. */
const char *fts_matching(struct store *st, int db, const char *fts);

/* Forgets what fts_matching kept (the file closed or replaced). */
void fts_words_drop(struct store *st);

#endif
