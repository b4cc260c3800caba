/* FTS5's bm25 computed by htkp itself, for the searches the kiosk ranks
 * (src/store: store_toprank.c, store_search.c) and for each frequent
 * word's best records at import (src/import/import_toprank.c): the same
 * operations in the same order as FTS5's own (fts5_aux.c,
 * fts5Bm25Function), so the same scores, but with each phrase's count of
 * records passed in (bm25 counts them again in every statement) and each
 * record's length read from memory (FTS5 runs a statement for each).
 *
 * SQL functions, registered on the connection's FTS5:
 *   htkp_rank(fts, db, rows, n_0, ..., n_k-1)
 *       the record's bm25 score on database db (enum db) of the catalog
 *       whose index has rows records, phrase i being in n_i of them;
 *       NULL when the index has another number of rows or of phrases
 *       (then ask bm25). n_i may be BM25_JOINED: phrase i is one more
 *       word of the phrase before it;
 *   htkp_collect(fts, top, db, rows, n_0, ...)
 *       the same score, kept in top (a struct bm25_top bound as a
 *       pointer of type "htkp_top") when it is among its best; 1. For a
 *       search of one phrase (with its joined words), n_0 may be -1,
 *       unknown: the statement counts it (the phrase is all the
 *       search), and bm25_top_finish
 *       turns what was kept into scores once it is known;
 *   htkp_pick(fts, pick, db, rows, -1)
 *       for a search of one phrase whose count is not known: 1, and
 *       when the record is one of pick's candidates (a struct bm25_pick
 *       bound as a pointer of type "htkp_pick"), its g kept there (its
 *       score without the IDF), so that the statement that counts the
 *       phrase scores its candidates too. */
#ifndef HTKP_COMMON_BM25_H
#define HTKP_COMMON_BM25_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Most phrases a search may have for the store to score it. */
#define BM25_MAX_PHRASES 64

/* A phrase's count (n_i) that says it is one more word of the phrase
 * before it: a prefix searched as the words it stands for
 * (store/fts_words.h). Its instances count as that phrase's, as FTS5
 * counts a prefix's, and the group is scored with the first one's IDF:
 * the prefix's score, the same double. */
#define BM25_JOINED -2

#define BM25_TOP_TYPE "htkp_top"

struct bm25_scored {
	long rowid;
	double bm25;
};

/* The best keep records seen, best first once sorted: lowest bm25, then
 * lowest rowid, the order of ORDER BY bm25, rowid. */
struct bm25_top {
	struct bm25_scored *v;   /* a heap, the worst kept on top */
	size_t n, keep;
	bool declined;           /* a record could not be scored here */
	bool unscaled;           /* n_0 was -1: each bm25 is minus g, the
				    score without its IDF */
	long rows;               /* the index's records */
	/* When not NULL: each record's weighted count of the one phrase
	 * plus one, at counts[rowid] (the import's word_counts); a record
	 * whose count does not fit sets counts_lost. */
	uint16_t *counts;
	size_t ncounts;
	bool counts_lost;
};

/* Keeps e in t when it is among the best t->keep seen. */
void bm25_top_add(struct bm25_top *t, struct bm25_scored e);

/* Room kept past the rows wanted while the IDF is unknown: records whose
 * g differ may still tie once multiplied by it. */
#define BM25_SLACK 64

#define BM25_PICK_TYPE "htkp_pick"

/* A phrase's candidates, scored as its matches are counted (htkp_pick).
 * bm25 of the one phrase is then -1.0 * (idf * g[i]): the operations of
 * bm25's own, so the same double. */
struct bm25_pick {
	const long *rowid;       /* sorted ascending */
	double *g;               /* g of rowid[i], or NAN: not a match */
	size_t n;
	bool declined;           /* a record could not be scored here */
};

/* Each record's length, per database, kept with the connection. */
struct bm25_lengths;

/* Registers htkp_rank, htkp_collect and htkp_pick on db (store_open, and the
 * import before rank_top). Returns FTS5's API (for its tokenizer), NULL
 * when there is none, and the lengths the functions read into *lengths
 * (unless NULL; valid while db is open). The lengths are read at a
 * database's first score: register after its index is built, or at
 * least score after. */
struct fts5_api *bm25_attach(sqlite3 *db, struct bm25_lengths **lengths);

/* bm25 of one phrase searched alone, from its weighted count in a
 * record, without FTS5 (store/store_dense.c): the operations of
 * htkp_rank, so the same double. */
struct bm25_direct {
	struct bm25_lengths *len;
	int db;
	double avgdl, idf;
};

/* Readies d for database dbi (enum db), whose index has rows records,
 * the phrase being in docs of them: 0, or -1 when the index's totals
 * or its records' lengths cannot be read, or it has another number of
 * records (then rank with FTS5). */
int bm25_direct_init(sqlite3 *db, struct bm25_lengths *len, int dbi, long rows, long docs,
		     struct bm25_direct *d);

/* The bm25 of record rowid, whose weighted count of the phrase is f;
 * NAN when its length is not known. */
double bm25_direct(const struct bm25_direct *d, long rowid, double f);

/* Orders a and b as ORDER BY bm25, rowid does (for qsort). */
int bm25_order(const void *a, const void *b);

/* Sorts top's records best first, scored with the phrase's count docs
 * when they were kept unscaled, and keeps the best want. 0, or -1 when
 * a record left out could tie with the last kept (the order of the
 * records kept is then not bm25's: rank again, with the count known). */
int bm25_top_finish(struct bm25_top *top, long docs, size_t want);

#endif
