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
/* Records kept per word: the best 200 of one word hold the first pages
 * of any search that word dominates. 6 bytes each (RANK_TOP_ENTRY). */
#define RANK_TOP_KEEP 200

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

/* One record of rank_top.best: its rowid (4 bytes, little-endian),
 * then its g in units of RANK_G_UNIT rounded up (2 bytes): g is under
 * k1 + 1 = 2.2, so a unit is 2.2 / 65535, and a bound read back is at
 * most that much above the record's g. */
#define RANK_TOP_ENTRY 6
#define RANK_G_UNIT ((RANK_K1 + 1.0) / 65535.0)

/* g in units, never below g (a bound must never come out smaller). */
static inline unsigned rank_g_units(double g)
{
	double u = ceil(g * (1.0 + 1e-9) / RANK_G_UNIT);
	return u < 0 ? 0 : u > 65535 ? 65535 : (unsigned)u;
}

#endif
