/* htkp-import: tables vocab, rank_top and word_counts (db/schema.sql,
 * src/store/rank_top.h). Every word of each full-text index goes into
 * vocab. For each word in at least RANK_TOP_MIN_DOCS records of a database, its
 * RANK_TOP_KEEP best-ranked records when searched alone, with each one's
 * g (its bm25 score divided by the word's IDF) and a bound on the g of
 * every record left out. The kiosk ranks a search among these candidates
 * and checks against the bounds that no other record could rank above
 * them (src/store/store_toprank.c). Run once the full-text indexes are
 * built, inside the load's transaction.
 *
 * Each word's records are scored by htkp_collect (src/common/bm25.c):
 * bm25 as FTS5 computes it, bit for bit, keeping the best in a heap.
 * bm25() itself reads each matching record's length with a query of its
 * own and counts the word's records again for its IDF, which made this
 * table cost as much as a sixth of the import. The result is the same as
 * ORDER BY bm25(...), rowid LIMIT RANK_TOP_KEEP + 1. */
#include "import/import.h"
#include "common/bm25.h"
#include "store/rank_top.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The word as an FTS5 phrase: "word", quotes doubled. */
static char *quoted(const char *term)
{
	size_t n = strlen(term);
	char *q = malloc(2 * n + 3), *o = q;
	if (!q)
		return NULL;
	*o++ = '"';
	for (const char *p = term; *p; p++) {
		if (*p == '"')
			*o++ = '"';
		*o++ = *p;
	}
	*o++ = '"';
	*o = '\0';
	return q;
}

static void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff, p[1] = (v >> 8) & 0xff, p[2] = (v >> 16) & 0xff, p[3] = v >> 24;
}

/* The word's row of word_counts, from the counts htkp_collect kept:
 * each one byte when all fit in one, else two (little-endian). */
static int insert_counts(sqlite3_stmt *counts, const struct bm25_top *top,
			 const char *table, const char *term)
{
	size_t width = 1;
	for (size_t i = 0; i < top->ncounts; i++)
		width = top->counts[i] > 0xff ? 2 : width;
	unsigned char *blob = malloc(width * top->ncounts);
	if (!blob)
		return SQLITE_NOMEM;
	for (size_t i = 0; i < top->ncounts; i++) {
		blob[width * i] = top->counts[i] & 0xff;
		if (width == 2)
			blob[2 * i + 1] = top->counts[i] >> 8;
	}
	sqlite3_bind_text(counts, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(counts, 2, term, -1, SQLITE_STATIC);
	sqlite3_bind_blob(counts, 3, blob, (int)(width * top->ncounts), SQLITE_STATIC);
	int rc = sqlite3_step(counts);
	sqlite3_reset(counts);
	free(blob);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Ranks one word alone (scan: its query, counting while htkp_collect
 * keeps the best in top) and inserts its row; a word in a third of the
 * records or more also gets its row of word_counts (counts), its count
 * in every record kept by the same pass. */
static int one_term(struct bm25_top *top, sqlite3_stmt *scan, sqlite3_stmt *ins,
		    sqlite3_stmt *counts, const char *table, const char *term, long rows,
		    long docs)
{
	char *phrase = quoted(term);
	unsigned char best[RANK_TOP_ENTRY * RANK_TOP_KEEP];
	if (!phrase)
		return SQLITE_NOMEM;
	top->n = 0, top->declined = false, top->counts_lost = false;
	/* Rowids run from 1 to the number of records (import_load.c). */
	top->ncounts = 3 * docs >= rows ? (size_t)rows + 1 : 0;
	top->counts = top->ncounts ? calloc(top->ncounts, sizeof *top->counts) : NULL;
	if (top->ncounts && !top->counts) {
		free(phrase);
		return SQLITE_NOMEM;
	}
	sqlite3_bind_text(scan, 1, phrase, -1, SQLITE_STATIC);
	sqlite3_bind_pointer(scan, 2, top, BM25_TOP_TYPE, NULL);
	sqlite3_bind_int64(scan, 3, docs);
	int rc = sqlite3_step(scan);
	rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
	sqlite3_reset(scan);
	free(phrase);
	if (rc == SQLITE_OK && (top->declined || bm25_top_finish(top, docs, top->keep) != 0))
		rc = SQLITE_INTERNAL;   /* the index is not the one counted */
	/* A count too large to keep leaves the word to FTS5. */
	if (rc == SQLITE_OK && top->counts && !top->counts_lost)
		rc = insert_counts(counts, top, table, term);
	free(top->counts);
	top->counts = NULL;
	if (rc != SQLITE_OK)
		return rc;

	double idf = rank_idf(rows, docs), bound = 0.0;
	int n = top->n < RANK_TOP_KEEP ? (int)top->n : RANK_TOP_KEEP;
	for (size_t i = 0; i < top->n; i++) {
		/* bm25 = -idf * g; the division may be an ulp off: rounded up. */
		unsigned units = rank_g_units(-top->v[i].bm25 / idf);
		if (i == RANK_TOP_KEEP) {
			bound = units * RANK_G_UNIT;
			break;
		}
		unsigned char *e = best + RANK_TOP_ENTRY * i;
		put_le32(e, (uint32_t)top->v[i].rowid);
		e[4] = units & 0xff, e[5] = units >> 8;
	}
	sqlite3_bind_text(ins, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 2, term, -1, SQLITE_STATIC);
	sqlite3_bind_int64(ins, 3, rows);
	sqlite3_bind_int64(ins, 4, docs);
	sqlite3_bind_double(ins, 5, bound);
	sqlite3_bind_blob(ins, 6, best, RANK_TOP_ENTRY * n, SQLITE_STATIC);
	rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static enum imp_status one_db(struct imp *imp, int d, struct bm25_top *top)
{
	const struct db_info *di = &catalog[d];
	char sql[512];
	sqlite3_stmt *vocab = NULL, *scan = NULL, *ins = NULL, *cnt = NULL, *word = NULL;
	sqlite3_stmt *counts = NULL;
	long rows = 0;
	int rc;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", di->table);
	rc = sqlite3_prepare_v2(imp->db, sql, -1, &cnt, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(cnt)) == SQLITE_ROW)
		rows = sqlite3_column_int64(cnt, 0), rc = SQLITE_OK;
	sqlite3_finalize(cnt);
	if (rc == SQLITE_OK) {
		snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE temp.rank_vocab"
			 " USING fts5vocab(main, %s, row)", di->fts);
		rc = sqlite3_exec(imp->db, sql, NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "SELECT term, doc FROM temp.rank_vocab",
					-1, &vocab, NULL);
	if (rc == SQLITE_OK) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s MATCH ?1"
			 " AND htkp_collect(%s, ?2, %d, %ld, ?3)", di->fts, di->fts, di->fts, d,
			 rows);
		rc = sqlite3_prepare_v2(imp->db, sql, -1, &scan, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "INSERT INTO rank_top (db, term, rows,"
					" docs, bound, best) VALUES (?, ?, ?, ?, ?, ?)",
					-1, &ins, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "INSERT INTO vocab (db, term) VALUES (?, ?)",
					-1, &word, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "INSERT INTO word_counts (db, term, counts)"
					" VALUES (?, ?, ?)", -1, &counts, NULL);
	if (rc == SQLITE_OK) {
		/* The words come in order: vocab grows at its end. */
		sqlite3_bind_text(word, 1, di->table, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(vocab)) == SQLITE_ROW) {
			const char *term = (const char *)sqlite3_column_text(vocab, 0);
			long docs = sqlite3_column_int64(vocab, 1);
			sqlite3_bind_text(word, 2, term, -1, SQLITE_STATIC);
			rc = sqlite3_step(word);
			sqlite3_reset(word);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
			if (rc == SQLITE_OK && docs >= RANK_TOP_MIN_DOCS)
				rc = one_term(top, scan, ins, counts, di->table, term, rows, docs);
			if (rc != SQLITE_OK)
				break;
		}
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	enum imp_status st = rc == SQLITE_OK ? IMP_OK : imp_sqlerr(imp, "ranking frequent words");
	sqlite3_finalize(vocab), sqlite3_finalize(scan), sqlite3_finalize(ins);
	sqlite3_finalize(word), sqlite3_finalize(counts);
	if (st == IMP_OK)
		st = imp_exec(imp, "DROP TABLE temp.rank_vocab", "ranking frequent words");
	return st;
}

enum imp_status imp_toprank_load(struct imp *imp)
{
	/* The best RANK_TOP_KEEP and the first left out, whose g bounds
	 * every other record's. */
	struct bm25_scored v[RANK_TOP_KEEP + 1];
	struct bm25_top top = {.v = v, .keep = RANK_TOP_KEEP + 1};
	if (!bm25_attach(imp->db, NULL)) {
		imp_fatal(imp, "internal error: SQLite has no FTS5");
		return IMP_EFATAL;
	}
	enum imp_status st = IMP_OK;
	for (int d = 0; st == IMP_OK && d < DB_COUNT; d++)
		st = one_db(imp, d, &top);
	return st;
}
