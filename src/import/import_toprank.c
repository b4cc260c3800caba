/* htkp-import: table rank_top (db/schema.sql, src/store/rank_top.h).
 * For each word in at least RANK_TOP_MIN_DOCS records of a database, its
 * RANK_TOP_KEEP best-ranked records when searched alone, with each one's
 * g (its bm25 score divided by the word's IDF) and a bound on the g of
 * every record left out. The kiosk ranks a search among these candidates
 * and checks against the bounds that no other record could rank above
 * them (src/store/store_toprank.c). Run once the full-text indexes are
 * built, inside the load's transaction. */
#include "import/import.h"
#include "store/rank_top.h"

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

/* Ranks one word alone (rank: its statement) and inserts its row. */
static int one_term(sqlite3_stmt *rank, sqlite3_stmt *ins, const char *table,
		    const char *term, long rows, long docs)
{
	char *phrase = quoted(term);
	unsigned char *best = malloc(RANK_TOP_ENTRY * RANK_TOP_KEEP);
	if (!phrase || !best) {
		free(phrase), free(best);
		return SQLITE_NOMEM;
	}
	double idf = rank_idf(rows, docs), bound = 0.0;
	int n = 0, rc;
	sqlite3_bind_text(rank, 1, phrase, -1, SQLITE_STATIC);
	sqlite3_bind_int(rank, 2, RANK_TOP_KEEP + 1);
	while ((rc = sqlite3_step(rank)) == SQLITE_ROW) {
		/* bm25 = -idf * g; the division may be an ulp off: rounded up. */
		double g = -sqlite3_column_double(rank, 1) / idf;
		unsigned units = rank_g_units(g);
		if (n == RANK_TOP_KEEP) {
			bound = units * RANK_G_UNIT;
			break;
		}
		unsigned char *e = best + RANK_TOP_ENTRY * n;
		put_le32(e, (uint32_t)sqlite3_column_int64(rank, 0));
		e[4] = units & 0xff, e[5] = units >> 8;
		n++;
	}
	sqlite3_reset(rank);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		sqlite3_bind_text(ins, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, term, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 3, rows);
		sqlite3_bind_int64(ins, 4, docs);
		sqlite3_bind_double(ins, 5, bound);
		sqlite3_bind_blob(ins, 6, best, RANK_TOP_ENTRY * n, SQLITE_STATIC);
		rc = sqlite3_step(ins);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(ins);
	}
	free(phrase), free(best);
	return rc;
}

static enum imp_status one_db(struct imp *imp, int d)
{
	const struct db_info *di = &catalog[d];
	char sql[512];
	sqlite3_stmt *vocab = NULL, *rank = NULL, *ins = NULL, *cnt = NULL;
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
		rc = sqlite3_prepare_v2(imp->db, "SELECT term, doc FROM temp.rank_vocab"
					" WHERE doc >= ?", -1, &vocab, NULL);
	if (rc == SQLITE_OK) {
		char order[64];
		snprintf(order, sizeof order, RANK_BM25, di->fts);
		snprintf(sql, sizeof sql, "SELECT rowid, %s FROM %s WHERE %s MATCH ?"
			 " ORDER BY %s, rowid LIMIT ?", order, di->fts, di->fts, order);
		rc = sqlite3_prepare_v2(imp->db, sql, -1, &rank, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "INSERT INTO rank_top (db, term, rows,"
					" docs, bound, best) VALUES (?, ?, ?, ?, ?, ?)",
					-1, &ins, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int(vocab, 1, RANK_TOP_MIN_DOCS);
		while ((rc = sqlite3_step(vocab)) == SQLITE_ROW) {
			rc = one_term(rank, ins, di->table,
				      (const char *)sqlite3_column_text(vocab, 0), rows,
				      sqlite3_column_int64(vocab, 1));
			if (rc != SQLITE_OK)
				break;
		}
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	enum imp_status st = rc == SQLITE_OK ? IMP_OK : imp_sqlerr(imp, "ranking frequent words");
	sqlite3_finalize(vocab), sqlite3_finalize(rank), sqlite3_finalize(ins);
	if (st == IMP_OK)
		st = imp_exec(imp, "DROP TABLE temp.rank_vocab", "ranking frequent words");
	return st;
}

enum imp_status imp_toprank_load(struct imp *imp)
{
	enum imp_status st = IMP_OK;
	for (int d = 0; st == IMP_OK && d < DB_COUNT; d++)
		st = one_db(imp, d);
	return st;
}
