/* htkp-import: table rank_top (db/schema.sql, src/store/rank_top.h).
 * For each word in at least RANK_TOP_MIN_DOCS records of a database, its
 * RANK_TOP_KEEP best-ranked records when searched alone, with each one's
 * g (its bm25 score divided by the word's IDF) and a bound on the g of
 * every record left out. The kiosk ranks a search among these candidates
 * and checks against the bounds that no other record could rank above
 * them (src/store/store_toprank.c). Run once the full-text indexes are
 * built, inside the load's transaction.
 *
 * Each word's records are scored here, by an FTS5 auxiliary function
 * that computes bm25 as FTS5's own does (sqlite/ext/fts5/fts5_aux.c,
 * fts5Bm25Function), bit for bit, and keeps the best in a heap: bm25()
 * itself reads each matching record's length with a query of its own
 * and counts the word's records again for its IDF, which made this
 * table cost as much as a sixth of the import. The lengths are read
 * here once, from the index's docsize table; the result is the same as
 * ORDER BY bm25(...), rowid LIMIT RANK_TOP_KEEP + 1. */
#include "import/import.h"
#include "store/rank_top.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One scored record; a smaller bm25 ranks first, then a smaller rowid. */
struct scored {
	double bm25;
	int64_t rowid;
};

/* What the auxiliary function reads and fills, one word at a time. */
struct ranking {
	const int *doc_len;     /* tokens of record r (all columns), by rowid */
	int64_t n_len;          /* entries of doc_len */
	int have_totals;        /* avgdl is known (from the first row) */
	double avgdl;           /* FTS5's mean record length */
	sqlite3_int64 fts_rows; /* FTS5's row count, for the IDF */
	int64_t docs;           /* the word's records */
	int have_idf;
	double idf;             /* the word's IDF as bm25 computes it */
	struct scored heap[RANK_TOP_KEEP + 1];  /* the best so far; [0] worst */
	int n;
	int rc;                 /* an error met inside the function */
};

static int worse(const struct scored *a, const struct scored *b)
{
	return a->bm25 > b->bm25 || (a->bm25 == b->bm25 && a->rowid > b->rowid);
}

/* Offers s to the heap of the best RANK_TOP_KEEP + 1 (the worst on top). */
static void offer(struct ranking *r, struct scored s)
{
	struct scored *h = r->heap;
	int n = r->n, i;
	if (n < RANK_TOP_KEEP + 1) {
		for (i = r->n++; i > 0 && worse(&s, &h[(i - 1) / 2]); i = (i - 1) / 2)
			h[i] = h[(i - 1) / 2];
		h[i] = s;
		return;
	}
	if (!worse(&h[0], &s))
		return;
	for (i = 0;;) {
		int c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && worse(&h[c + 1], &h[c]))
			c++;
		if (!worse(&h[c], &s))
			break;
		h[i] = h[c], i = c;
	}
	h[i] = s;
}

static int by_rank(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	return worse(x, y) ? 1 : worse(y, x) ? -1 : 0;
}

/* The auxiliary function, once per record of the word: its bm25 with the
 * weights of RANK_BM25, computed in the same order of operations as
 * fts5Bm25Function so that the double comes out the same. */
static void rank_row(const Fts5ExtensionApi *api, Fts5Context *fts,
		     sqlite3_context *ctx, int n_val, sqlite3_value **val)
{
	static const double weight[] = { RANK_WEIGHT_TITLE, RANK_WEIGHT_BODY,
					 RANK_WEIGHT_NAMES };
	struct ranking *r = api->xUserData(fts);
	(void)ctx, (void)n_val, (void)val;
	if (r->rc != SQLITE_OK)
		return;
	if (!r->have_totals) {
		sqlite3_int64 tokens = 0;
		r->rc = api->xRowCount(fts, &r->fts_rows);
		if (r->rc == SQLITE_OK)
			r->rc = api->xColumnTotalSize(fts, -1, &tokens);
		if (r->rc != SQLITE_OK)
			return;
		r->avgdl = (double)tokens / (double)r->fts_rows;
		r->have_totals = 1;
	}
	if (!r->have_idf)
		r->idf = rank_idf(r->fts_rows, r->docs), r->have_idf = 1;
	int n_inst = 0;
	if ((r->rc = api->xInstCount(fts, &n_inst)) != SQLITE_OK)
		return;
	double freq = 0.0;
	for (int i = 0; i < n_inst; i++) {
		int phrase, col, off;
		if ((r->rc = api->xInst(fts, i, &phrase, &col, &off)) != SQLITE_OK)
			return;
		freq += col >= 0 && col < 3 ? weight[col] : 1.0;
	}
	int64_t rowid = api->xRowid(fts);
	if (rowid < 0 || rowid >= r->n_len) {
		r->rc = SQLITE_CORRUPT;
		return;
	}
	const double k1 = RANK_K1, b = RANK_B;
	double D = (double)r->doc_len[rowid];
	double score = 0.0;
	score += r->idf * ((freq * (k1 + 1.0)) / (freq + k1 * (1 - b + b * D / r->avgdl)));
	offer(r, (struct scored){ -1.0 * score, rowid });
}

/* An SQLite varint (as FTS5 writes its sizes); 0 past end. */
static int get_varint(const unsigned char *p, int len, int *off, uint64_t *v)
{
	*v = 0;
	for (int i = 0; i < 9; i++) {
		if (*off >= len)
			return 0;
		unsigned char c = p[(*off)++];
		if (i == 8) {
			*v = (*v << 8) | c;
			return 1;
		}
		*v = (*v << 7) | (c & 0x7f);
		if (!(c & 0x80))
			return 1;
	}
	return 1;
}

/* Every record's length in tokens (the sum over its columns, as
 * xColumnSize(-1) gives it) from the index's docsize table. */
static int read_lengths(sqlite3 *db, const char *fts, struct ranking *r, int **out)
{
	char sql[256];
	sqlite3_stmt *st = NULL;
	int64_t max = 0;
	snprintf(sql, sizeof sql, "SELECT max(id) FROM \"%s_docsize\"", fts);
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		max = sqlite3_column_int64(st, 0), rc = SQLITE_OK;
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;
	if (max < 0 || max > INT32_MAX)
		return SQLITE_CORRUPT;
	int *len = calloc((size_t)max + 1, sizeof *len);
	if (!len)
		return SQLITE_NOMEM;
	snprintf(sql, sizeof sql, "SELECT id, sz FROM \"%s_docsize\"", fts);
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const unsigned char *sz = sqlite3_column_blob(st, 1);
		int n = sqlite3_column_bytes(st, 1), off = 0;
		uint64_t total = 0, v;
		for (int c = 0; c < 3; c++) {
			if (!get_varint(sz, n, &off, &v))
				break;
			total += (uint32_t)v;
		}
		rc = id >= 0 && id <= max ? SQLITE_OK : SQLITE_CORRUPT;
		if (rc == SQLITE_OK)
			len[id] = (int)total;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(len);
		return rc;
	}
	r->doc_len = len, r->n_len = max + 1;
	*out = len;
	return SQLITE_OK;
}

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

/* Ranks one word alone (scan: its query) and inserts its row. */
static int one_term(struct ranking *r, sqlite3_stmt *scan, sqlite3_stmt *ins,
		    const char *table, const char *term, long rows, long docs)
{
	char *phrase = quoted(term);
	unsigned char best[RANK_TOP_ENTRY * RANK_TOP_KEEP];
	if (!phrase)
		return SQLITE_NOMEM;
	r->n = 0, r->rc = SQLITE_OK, r->docs = docs, r->have_idf = 0;
	int rc = SQLITE_OK;
	sqlite3_bind_text(scan, 1, phrase, -1, SQLITE_STATIC);
	while (rc == SQLITE_OK && (rc = sqlite3_step(scan)) == SQLITE_ROW)
		rc = r->rc;
	if (rc == SQLITE_DONE)
		rc = r->rc;
	sqlite3_reset(scan);
	free(phrase);
	if (rc != SQLITE_OK)
		return rc;

	qsort(r->heap, (size_t)r->n, sizeof r->heap[0], by_rank);
	double idf = rank_idf(rows, docs), bound = 0.0;
	int n = r->n < RANK_TOP_KEEP ? r->n : RANK_TOP_KEEP;
	for (int i = 0; i < r->n; i++) {
		/* bm25 = -idf * g; the division may be an ulp off: rounded up. */
		unsigned units = rank_g_units(-r->heap[i].bm25 / idf);
		if (i == RANK_TOP_KEEP) {
			bound = units * RANK_G_UNIT;
			break;
		}
		unsigned char *e = best + RANK_TOP_ENTRY * i;
		put_le32(e, (uint32_t)r->heap[i].rowid);
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

/* The FTS5 API of db, to register the auxiliary function with. */
static fts5_api *fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

static enum imp_status one_db(struct imp *imp, int d, struct ranking *r)
{
	const struct db_info *di = &catalog[d];
	char sql[512];
	sqlite3_stmt *vocab = NULL, *scan = NULL, *ins = NULL, *cnt = NULL;
	long rows = 0;
	int *lengths = NULL;
	int rc;

	memset(r, 0, sizeof *r);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", di->table);
	rc = sqlite3_prepare_v2(imp->db, sql, -1, &cnt, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(cnt)) == SQLITE_ROW)
		rows = sqlite3_column_int64(cnt, 0), rc = SQLITE_OK;
	sqlite3_finalize(cnt);
	if (rc == SQLITE_OK)
		rc = read_lengths(imp->db, di->fts, r, &lengths);
	if (rc == SQLITE_OK) {
		snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE temp.rank_vocab"
			 " USING fts5vocab(main, %s, row)", di->fts);
		rc = sqlite3_exec(imp->db, sql, NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "SELECT term, doc FROM temp.rank_vocab"
					" WHERE doc >= ?", -1, &vocab, NULL);
	if (rc == SQLITE_OK) {
		snprintf(sql, sizeof sql, "SELECT htkp_rank_row(%s) FROM %s"
			 " WHERE %s MATCH ?", di->fts, di->fts, di->fts);
		rc = sqlite3_prepare_v2(imp->db, sql, -1, &scan, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "INSERT INTO rank_top (db, term, rows,"
					" docs, bound, best) VALUES (?, ?, ?, ?, ?, ?)",
					-1, &ins, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int(vocab, 1, RANK_TOP_MIN_DOCS);
		while ((rc = sqlite3_step(vocab)) == SQLITE_ROW) {
			rc = one_term(r, scan, ins, di->table,
				      (const char *)sqlite3_column_text(vocab, 0), rows,
				      sqlite3_column_int64(vocab, 1));
			if (rc != SQLITE_OK)
				break;
		}
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	enum imp_status st = rc == SQLITE_OK ? IMP_OK : imp_sqlerr(imp, "ranking frequent words");
	sqlite3_finalize(vocab), sqlite3_finalize(scan), sqlite3_finalize(ins);
	free(lengths);
	if (st == IMP_OK)
		st = imp_exec(imp, "DROP TABLE temp.rank_vocab", "ranking frequent words");
	return st;
}

enum imp_status imp_toprank_load(struct imp *imp)
{
	struct ranking *r = malloc(sizeof *r);
	fts5_api *api = fts5_of(imp->db);
	enum imp_status st = IMP_OK;
	if (!r || !api) {
		free(r);
		imp_fatal(imp, r ? "internal error: SQLite has no FTS5" : "out of memory");
		return IMP_EFATAL;
	}
	/* The connection frees r when it is closed. */
	if (api->xCreateFunction(api, "htkp_rank_row", r, rank_row, free) != SQLITE_OK) {
		free(r);
		return imp_sqlerr(imp, "ranking frequent words");
	}
	for (int d = 0; st == IMP_OK && d < DB_COUNT; d++)
		st = one_db(imp, d, r);
	return st;
}
