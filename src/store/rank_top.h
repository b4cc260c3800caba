/* What the importer and the kiosk agree on about table rank_top
 * (db/schema.sql): which words get one, how many records each keeps, the
 * weights of bm25 and its IDF. The importer fills it
 * (src/import/import_toprank.c); store_toprank.c reads it. */
#ifndef HTKP_RANK_TOP_H
#define HTKP_RANK_TOP_H

#include <math.h>
#include <stdint.h>

/* A word in fewer records is ranked in full: that costs about a
 * millisecond per thousand records, and it keeps the table small. */
#define RANK_TOP_MIN_DOCS 2000
/* Records kept per word: the best 400 of one word hold the first pages
 * of any search that word dominates. 8 bytes each. */
#define RANK_TOP_KEEP 400

/* bm25's column weights (title, body, names): a title word weighs ten
 * body words; a record's names find it but do not rank it. */
#define RANK_WEIGHT_TITLE 10.0
#define RANK_WEIGHT_BODY 1.0
#define RANK_WEIGHT_NAMES 0.0
#define RANK_BM25 "bm25(%s, 10.0, 1.0, 0.0)"

/* bm25's k1: no record's g reaches k1 + 1. */
#define RANK_K1 1.2
#define RANK_B 0.75

/* FTS5's IDF of a phrase in n_hit of n_row records, computed as FTS5
 * computes it (sqlite/ext/fts5/fts5_aux.c), so that scores made with it
 * equal FTS5's bit for bit. */
static inline double rank_idf(int64_t n_row, int64_t n_hit)
{
	double idf = log((n_row - n_hit + 0.5) / (n_hit + 0.5));
	return idf <= 0.0 ? 1e-6 : idf;
}

/* A float at least x (a bound must never come out smaller). */
static inline float rank_float_up(double x)
{
	float f = (float)(x * (1.0 + 1e-6));
	return (double)f < x ? nextafterf(f, INFINITY) : f;
}

#endif
