/* A search ranked by relevance without ranking every record it finds:
 * the best records of its frequent words (table rank_top, made at
 * import) are the candidates; FTS5 scores them exactly as bm25 would,
 * and the table's bounds prove that no other record ranks above the
 * ones returned. When they cannot prove it (a prefix, a filter that
 * leaves few candidates, words that rank no record high alone), the
 * caller ranks the search in full, as before. Private to the store. */
#ifndef HTKP_STORE_TOPRANK_H
#define HTKP_STORE_TOPRANK_H

#include "store/store.h"
#include "store/store_impl.h"

#include <stddef.h>

/* The first rowids of s (ranked by relevance, with words), at least need
 * and up to keep of them, in the order ORDER BY bm25, rowid gives, into
 * *out (caller frees), their number in *n. Returns 1 when done, 0 when
 * it could not be done this way (nothing in *out): the caller ranks
 * every match, with htkp_rank(<fts> *args) when *args is not NULL (the
 * counts of the phrases, made here; the caller frees it), matching the
 * expression *fts when that is not NULL: s's, its prefixes written as
 * the words they stand for (fts_words.h; the caller frees it). counting: a
 * search's first screen, counted as it is listed: need rows are proven
 * and no more (paging proves ten pages); the caller ranks with
 * htkp_collect while counting s, and *args may leave the count of a
 * search's only phrase to that count (common/bm25.h). */
int toprank_rowids(struct store *st, const struct search *s, long need, long keep,
		   long **out, size_t *n, char **args, char **fts, bool counting);

/* The count of a word and its other spellings searched alone, when one
 * of them is frequent (from rank_top); -1 when s is not such a search,
 * -2 on error (recorded). */
long toprank_count(struct store *st, const struct search *s);

/* The records of database db's index when rank_top was made (0 when no
 * word is frequent there, or on error). */
long toprank_rows(struct store *st, int db);

/* Whether s is one frequent word searched alone (with the other
 * spellings query.c adds, none of them in the index): 1 with the word
 * as the index keeps it in term, its records in *docs and the index's
 * in *rows; 0 not; -1 on error (recorded). */
int toprank_word(struct store *st, const struct search *s, char term[64], long *docs,
		 long *rows);

/* store_search.c: the statement giving rowid and htkp_rank(<fts>
 * rank_args) for each record s finds among rowids ("1,5,9"), looked up
 * one by one; rowids NULL: among those of its last parameter, a JSON
 * array, while reading every match. NULL on error (a list too long for
 * the statement: "Search too complex"). */
sqlite3_stmt *search_scored_stmt(struct store *st, const struct search *s,
				 const char *rank_args, const char *rowids);

/* store_search.c: whether nothing but the words of s (no filter, id or
 * day) decides what it finds. */
bool search_words_alone(const struct search *s);

/* store_search.c: records the words fts alone (no filter) find in
 * database db (enum db), when that was counted this session, else -1. */
long search_counted(struct store *st, int db, const char *fts);

/* store_search.c: the words fts alone find n records in database db
 * (kept for search_counted). */
void search_count_known(struct store *st, int db, const char *fts, long n);

#endif
