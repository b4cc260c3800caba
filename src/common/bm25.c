/* bm25 as FTS5 computes it (bm25.h). */
#include "common/bm25.h"
#include "store/rank_top.h"
#include "common/catalog.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each record's length in tokens (all its fields), per database, read
 * whole from the index's own table of them the first time a statement
 * scores many of its records (a few ms, 4 bytes a record): FTS5 looks
 * each length up with a statement of its own, half the time of ranking
 * a prefix's 50,000 records. Freed with the connection. */
struct bm25_lengths {
	sqlite3 *db;
	uint32_t *len[DB_COUNT];
	size_t n[DB_COUNT];
	bool tried[DB_COUNT];
	int users;           /* the functions holding it */
};

static void lengths_free(void *p)
{
	struct bm25_lengths *l = p;
	if (!l || --l->users > 0)
		return;
	for (int i = 0; i < DB_COUNT; i++)
		free(l->len[i]);
	free(l);
}

/* SQLite's variable-length integer (FTS5 writes sizes with it): -1 when
 * the bytes end first. */
static int varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	*v = 0;
	for (int i = 0; i < 9 && *p < end; i++) {
		unsigned char c = *(*p)++;
		if (i == 8) {
			*v = *v << 8 | c;
			return 0;
		}
		*v = *v << 7 | (c & 0x7f);
		if (!(c & 0x80))
			return 0;
	}
	return -1;
}

/* Reads database i's lengths; on any failure leaves none (FTS5 then
 * gives each record's). */
static void lengths_load(struct bm25_lengths *l, int i)
{
	char sql[128];
	sqlite3_stmt *q = NULL;
	l->tried[i] = true;
	snprintf(sql, sizeof sql, "SELECT id, sz FROM \"%s_docsize\" ORDER BY id", catalog[i].fts);
	if (sqlite3_prepare_v2(l->db, sql, -1, &q, NULL) != SQLITE_OK) {
		sqlite3_finalize(q);
		return;
	}
	uint32_t *len = NULL;
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(q, 0);
		if (id < 0 || id > 100000000) {
			rc = SQLITE_CORRUPT;
			break;
		}
		if ((size_t)id >= n) {
			size_t more = n ? 2 * n : 1024;
			while (more <= (size_t)id)
				more *= 2;
			uint32_t *grown = realloc(len, more * sizeof *grown);
			if (!grown) {
				rc = SQLITE_NOMEM;
				break;
			}
			memset(grown + n, 0xff, (more - n) * sizeof *grown);   /* unknown */
			len = grown, n = more;
		}
		const unsigned char *b = sqlite3_column_blob(q, 1);
		const unsigned char *end = b + sqlite3_column_bytes(q, 1);
		uint64_t sum = 0, v;
		while (b && b < end && varint(&b, end, &v) == 0)
			sum += v;
		len[id] = sum < UINT32_MAX ? (uint32_t)sum : UINT32_MAX - 1;
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		free(len);
		return;
	}
	l->len[i] = len, l->n[i] = n;
}

/* Reading a database's lengths costs what looking up a few thousand
 * one by one does: a statement reads them once it has scored this many
 * records (a search ranked from its candidates scores a few hundred,
 * and a kiosk that only ever does that never holds them). */
#define LENGTHS_AFTER 2000

/* Record rowid's length in database i, or -1 when not known here; read
 * for the whole database first when load. */
static long length_of(struct bm25_lengths *l, int i, sqlite3_int64 rowid, bool load)
{
	if (!l || i < 0 || i >= DB_COUNT)
		return -1;
	if (!l->tried[i] && load)
		lengths_load(l, i);
	if (!l->len[i] || rowid < 0 || (size_t)rowid >= l->n[i] || l->len[i][rowid] == UINT32_MAX)
		return -1;
	return l->len[i][rowid];
}

/* One phrase's part of bm25: idf times g, g growing with the phrase's
 * weighted count f in the record and falling with its length D. One
 * function for htkp_rank and bm25_direct, so that both compile to the
 * same operations as FTS5's bm25 and give the same double. */
static double phrase_score(double idf, double f, double D, double avgdl)
{
	const double k1 = RANK_K1, b = RANK_B;
	return idf * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * D / avgdl)));
}

/* What a statement's every record shares, worked out at its first:
 * the index's size, the mean length, each phrase's IDF. */
struct shared {
	bool declined;           /* the arguments are not this index's */
	bool unscaled;           /* the one phrase's count is not known yet:
				    its IDF is taken as 1 (bm25.h) */
	long rows;               /* the index's records */
	long scored;             /* records scored so far */
	int nphrase;
	bool joined[BM25_MAX_PHRASES];   /* phrase i is counted as i - 1's */
	double avgdl;
	double idf[];
};

static struct shared *shared_of(const Fts5ExtensionApi *api, Fts5Context *fts, int nargs,
				sqlite3_value **arg)
{
	struct shared *c = api->xGetAuxdata(fts, 0);
	if (c)
		return c;
	int nphrase = api->xPhraseCount(fts);
	sqlite3_int64 rows = 0, tokens = 0;
	if (nphrase < 0 || nphrase > BM25_MAX_PHRASES
	    || !(c = calloc(1, sizeof *c + (size_t)nphrase * sizeof c->idf[0])))
		return NULL;
	c->nphrase = nphrase;
	c->declined = nargs < 2 || nphrase != nargs - 2
		      || api->xRowCount(fts, &rows) != SQLITE_OK || rows <= 0
		      || rows != sqlite3_value_int64(arg[1])
		      || api->xColumnTotalSize(fts, -1, &tokens) != SQLITE_OK;
	c->rows = (long)rows;
	if (!c->declined) {
		int groups = 0;
		for (int i = 0; i < nphrase; i++) {
			c->joined[i] = i > 0 && sqlite3_value_int64(arg[i + 2]) == BM25_JOINED;
			groups += !c->joined[i];
		}
		/* An unknown count (-1) only for a statement's one phrase. */
		c->unscaled = groups == 1 && sqlite3_value_int64(arg[2]) == -1;
		c->avgdl = (double)tokens / (double)rows;
		for (int i = 0; i < nphrase; i++) {
			sqlite3_int64 docs = sqlite3_value_int64(arg[i + 2]);
			c->declined |= docs < 0 && !c->unscaled && !c->joined[i];
			c->idf[i] = c->unscaled || c->joined[i] ? 1.0 : rank_idf(rows, docs);
		}
	}
	if (api->xSetAuxdata(fts, c, free) != SQLITE_OK)
		return NULL;   /* SQLite freed it */
	return c;
}

/* The record's bm25 score into *score from args (db, rows, n_0, ...):
 * SQLITE_OK; SQLITE_DONE when it cannot be computed here (another
 * index); else an error. */
static int score_of(const Fts5ExtensionApi *api, Fts5Context *fts, int nargs,
		    sqlite3_value **arg, double *score, double *f0, struct shared **shared)
{
	static const double weight[] = {RANK_WEIGHT_TITLE, RANK_WEIGHT_BODY,
					RANK_WEIGHT_NAMES};
	struct shared *c = *shared = shared_of(api, fts, nargs, arg);
	if (!c)
		return SQLITE_NOMEM;
	if (c->declined)
		return SQLITE_DONE;
	/* Each phrase's instances walked in its own list: xInst would first
	 * merge every phrase's into one array, in the order of the text
	 * (the screen of a prefix in 50,000 records: 8.9 -> 8.3 ms). A
	 * phrase's own instances come in the same order either way, so freq
	 * adds up to the same double as bm25's. */
	double freq[BM25_MAX_PHRASES];   /* zeroed as used: called 50,000 times */
	int ntok = 0, rc = SQLITE_OK;
	for (int ip = 0; rc == SQLITE_OK && ip < c->nphrase; ip++) {
		Fts5PhraseIter it;
		int ic, io;
		freq[ip] = 0;
		rc = api->xPhraseFirst(fts, ip, &it, &ic, &io);
		for (; rc == SQLITE_OK && ic >= 0; api->xPhraseNext(fts, &it, &ic, &io))
			freq[ip] += ic < 3 ? weight[ic] : 1.0;
	}
	long known = length_of(api->xUserData(fts), sqlite3_value_int(arg[0]),
			       api->xRowid(fts), ++c->scored > LENGTHS_AFTER);
	if (rc == SQLITE_OK && known >= 0 && known <= INT_MAX)
		ntok = (int)known;
	else if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &ntok);
	if (rc != SQLITE_OK)
		return rc;
	/* A prefix's words add up to the prefix's count: each freq is a sum
	 * of whole weights, so any order of adding gives the same double. */
	double D = (double)ntok, sum = 0.0;
	for (int i = 0; i < c->nphrase;) {
		int first = i;
		double f = freq[i++];
		while (i < c->nphrase && c->joined[i])
			f += freq[i++];
		if (first == 0 && f0)
			*f0 = f;
		sum += phrase_score(c->idf[first], f, D, c->avgdl);
	}
	*score = -1.0 * sum;
	return SQLITE_OK;
}

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		    int nval, sqlite3_value **val)
{
	double score;
	struct shared *c = NULL;
	int rc = score_of(api, fts, nval, val, &score, NULL, &c);
	if (rc == SQLITE_OK && c && c->unscaled)
		rc = SQLITE_DONE;   /* a score without its IDF is no bm25 */
	if (rc == SQLITE_OK)
		sqlite3_result_double(ctx, score);
	else if (rc == SQLITE_DONE)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_error_code(ctx, rc);
}

int bm25_order(const void *a, const void *b)
{
	const struct bm25_scored *x = a, *y = b;
	return x->bm25 < y->bm25 ? -1 : x->bm25 > y->bm25 ? 1
	       : (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

static void swap(struct bm25_scored *a, struct bm25_scored *b)
{
	struct bm25_scored t = *a;
	*a = *b, *b = t;
}

void bm25_top_add(struct bm25_top *t, struct bm25_scored e)
{
	if (t->n < t->keep) {
		size_t i = t->n++;
		t->v[i] = e;
		while (i > 0 && bm25_order(&t->v[(i - 1) / 2], &t->v[i]) < 0) {
			swap(&t->v[(i - 1) / 2], &t->v[i]);
			i = (i - 1) / 2;
		}
		return;
	}
	if (t->n == 0 || bm25_order(&e, &t->v[0]) >= 0)
		return;
	t->v[0] = e;
	for (size_t i = 0;;) {
		size_t l = 2 * i + 1, r = l + 1, worst = i;
		if (l < t->n && bm25_order(&t->v[l], &t->v[worst]) > 0)
			worst = l;
		if (r < t->n && bm25_order(&t->v[r], &t->v[worst]) > 0)
			worst = r;
		if (worst == i)
			break;
		swap(&t->v[i], &t->v[worst]);
		i = worst;
	}
}

int bm25_top_finish(struct bm25_top *top, long docs, size_t want)
{
	bool full = top->n == top->keep;
	if (top->unscaled) {
		/* bm25 of one phrase is -1.0 * (0.0 + idf * g): the same
		 * operations give the same double. */
		double idf = rank_idf(top->rows, docs);
		for (size_t i = 0; i < top->n; i++)
			top->v[i].bm25 = -1.0 * (idf * -top->v[i].bm25);
	}
	qsort(top->v, top->n, sizeof *top->v, bm25_order);
	/* Any record left out scored no better than the last kept: the
	 * wanted ones must score strictly better for their order to be
	 * bm25's whatever rowids the others have. */
	if (top->unscaled && full && want < top->n
	    && !(top->v[want - 1].bm25 < top->v[top->n - 1].bm25))
		return -1;
	if (top->n > want)
		top->n = want;
	return 0;
}

static void collect_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		       int nval, sqlite3_value **val)
{
	struct bm25_top *top = nval > 0 ? sqlite3_value_pointer(val[0], BM25_TOP_TYPE) : NULL;
	if (!top) {
		sqlite3_result_error(ctx, "htkp_collect: no list", -1);
		return;
	}
	double score, f = 0;
	struct shared *c = NULL;
	int rc = score_of(api, fts, nval - 1, val + 1, &score, &f, &c);
	top->unscaled = c && c->unscaled;
	top->rows = c ? c->rows : 0;
	if (rc == SQLITE_OK) {
		long rowid = (long)api->xRowid(fts);
		bm25_top_add(top, (struct bm25_scored){rowid, score});
		if (top->counts && rowid >= 0 && (size_t)rowid < top->ncounts
		    && f >= 0 && f < 65535 && f == (double)(uint16_t)f)
			top->counts[rowid] = (uint16_t)(f + 1);
		else if (top->counts)
			top->counts_lost = true;
	}
	else if (rc == SQLITE_DONE)
		top->declined = true;
	else {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	sqlite3_result_int(ctx, 1);
}

static int by_rowid(const void *key, const void *elem)
{
	long x = *(const long *)key, y = *(const long *)elem;
	return x < y ? -1 : x > y;
}

static void pick_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		    int nval, sqlite3_value **val)
{
	struct bm25_pick *pick = nval > 0 ? sqlite3_value_pointer(val[0], BM25_PICK_TYPE) : NULL;
	if (!pick) {
		sqlite3_result_error(ctx, "htkp_pick: no candidates", -1);
		return;
	}
	long rowid = (long)api->xRowid(fts);
	const long *at = bsearch(&rowid, pick->rowid, pick->n, sizeof *pick->rowid, by_rowid);
	if (at) {
		double score;
		struct shared *c = NULL;
		int rc = score_of(api, fts, nval - 1, val + 1, &score, NULL, &c);
		if (rc == SQLITE_OK && c && c->unscaled)
			pick->g[at - pick->rowid] = -score;
		else if (rc == SQLITE_OK || rc == SQLITE_DONE)
			pick->declined = true;
		else {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
	}
	sqlite3_result_int(ctx, 1);
}

struct fts5_api *bm25_attach(sqlite3 *db, struct bm25_lengths **lengths)
{
	if (lengths)
		*lengths = NULL;
	fts5_api *api = NULL;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(s);
	}
	sqlite3_finalize(s);
	if (!api)
		return NULL;
	/* Without room for the lengths, FTS5 gives each record's. The
	 * lengths go with the connection: every function holds them, the
	 * last one destroyed frees them. */
	static const struct {
		const char *name;
		fts5_extension_function fn;
	} fns[] = {{"htkp_rank", rank_fn}, {"htkp_collect", collect_fn}, {"htkp_pick", pick_fn}};
	int nfns = (int)(sizeof fns / sizeof fns[0]);
	struct bm25_lengths *l = calloc(1, sizeof *l);
	if (l)
		l->db = db, l->users = nfns;
	for (int i = 0; i < nfns; i++) {
		if (api->xCreateFunction(api, fns[i].name, l, fns[i].fn, lengths_free) != SQLITE_OK) {
			/* The functions made before hold them; the rest never will. */
			if (l && i == 0)
				free(l);
			else if (l)
				l->users -= nfns - i;
			return NULL;
		}
	}
	if (lengths)
		*lengths = l;
	return api;
}

/* The index's records and tokens, from FTS5's totals (the record of its
 * %_data table with id 1: the records, then each column's tokens), as
 * xRowCount and xColumnTotalSize give them to htkp_rank. */
static int totals(sqlite3 *db, int dbi, sqlite3_int64 *rows, sqlite3_int64 *tokens)
{
	char sql[128];
	sqlite3_stmt *q = NULL;
	snprintf(sql, sizeof sql, "SELECT block FROM \"%s_data\" WHERE id = 1", catalog[dbi].fts);
	int result = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK
	    && sqlite3_step(q) == SQLITE_ROW) {
		const unsigned char *b = sqlite3_column_blob(q, 0);
		const unsigned char *end = b + sqlite3_column_bytes(q, 0);
		uint64_t v;
		if (b && varint(&b, end, &v) == 0) {
			*rows = (sqlite3_int64)v, *tokens = 0;
			while (b < end && varint(&b, end, &v) == 0)
				*tokens += (sqlite3_int64)v;
			result = 0;
		}
	}
	sqlite3_finalize(q);
	return result;
}

int bm25_direct_init(sqlite3 *db, struct bm25_lengths *len, int dbi, long rows, long docs,
		     struct bm25_direct *d)
{
	sqlite3_int64 n = 0, tokens = 0;
	if (!len || dbi < 0 || dbi >= DB_COUNT || totals(db, dbi, &n, &tokens) != 0
	    || n != rows || rows <= 0)
		return -1;
	if (!len->tried[dbi])
		lengths_load(len, dbi);
	if (!len->len[dbi])
		return -1;
	*d = (struct bm25_direct){.len = len, .db = dbi,
				  .avgdl = (double)tokens / (double)n,
				  .idf = rank_idf(rows, docs)};
	return 0;
}

double bm25_direct(const struct bm25_direct *d, long rowid, double f)
{
	long known = length_of(d->len, d->db, rowid, false);
	if (known < 0)
		return NAN;
	double sum = 0.0;
	sum += phrase_score(d->idf, f, (double)known, d->avgdl);
	return -1.0 * sum;
}
