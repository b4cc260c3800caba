/* Ranking by relevance from the best records of frequent words
 * (store_toprank.h, db/schema.sql: rank_top).
 *
 * FTS5's bm25 for a record r is -S(r), S(r) = sum over the phrases p of
 * the search of idf(p) * g(f_p(r), D(r)): f_p the phrase's weighted count
 * in r, D the record's length. g grows with f and stays under k1 + 1.
 * A phrase's count never exceeds the count of any one of its words, so
 * for a word t of p, g_p(r) <= g_t(r), and for r not among t's best,
 * g_t(r) <= bound(t). So every record outside the candidates has
 * S(r) <= sum of idf(p) * bound(t_p) over the phrases with a frequent
 * word; phrases with a rare word have all their records among the
 * candidates. The candidates are scored by FTS5 itself, one at a time,
 * with htkp_rank (common/bm25.c): bm25 with the IDFs passed in (bm25 would count
 * each phrase in the whole index again for every record looked up). A
 * candidate outranks everything unscored when its score beats the
 * largest bound left: those are returned, in bm25's order, which is
 * then exactly the order ORDER BY bm25, rowid gives. */
#include "store/store_toprank.h"
#include "common/bm25.h"
#include "store/rank_top.h"
#include "store/store_ranked.h"
#include "store/store_facet.h"
#include "store/fts_words.h"
#include "common/catalog.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PHRASES BM25_MAX_PHRASES
/* Looking a candidate up costs about 10-20 us (a seek per word);
 * reading every match about 0.1 us a record, and scoring one 1 us. So
 * candidates are looked up MAX_BATCH at a time while few are left, and
 * picked out of all the matches when more are; past MAX_SCAN it gives
 * up (the bounds are too loose to prove much). The list of a lookup
 * stays a few KB of SQL. */
#define MAX_BATCH 256
#define MAX_SCAN 20000
/* A word in fewer records than this is read whole rather than looked up
 * a record at a time: FTS5 seeks within a short doclist by reading it
 * from its start, so at 5,000 cases 200 lookups of a word in 2,224 of
 * them took 8 ms, and reading its every match 1. */
#define SEEK_MIN_DOCS 20000
/* Rows proven at the least when paging: the ten pages a ranked search
 * keeps at first (store_ranked.h), so that paging through them ranks
 * nothing. A search's first screen proves its page only: two frequent
 * words' 373 candidates took 6.8 ms to score at 100,000 cases, the 33
 * that prove their first page 0.6-0.8; the kiosk and line mode rank the
 * rest while the reader reads (store_search_prepare). */
#define MIN_WANT RANKED_FIRST
/* Scores closer than this to a bound count as not beating it. */
#define MARGIN 1e-9

/* ---- the phrases of a search ---------------------------------------- */

struct phrase {
	char *text;          /* as in the expression, quotes and all */
	const char *body;    /* inside the quotes, "" undone (in text's buffer) */
	bool prefix;
	long docs;           /* records it is in (IDF's n) */
	double idf;
	/* a frequent word's best records, or every record of a rare phrase */
	long *rowid;         /* sorted ascending */
	double *g;           /* NULL for a rare phrase: any g up to k1 + 1 */
	size_t n;
	double bound;        /* g of any record outside rowid; 0 when rare */
	double *picked;      /* the phrase's own g for each of rowid (NAN:
				not a match), scored while counting it */
	char *words;         /* a prefix as the words it stands for, an OR
				of them (fts_words.h), or NULL */
	int nwords;          /* the phrases it is in the expression ranked:
				1, or the words of a prefix */
};

static void phrases_free(struct phrase *p, int n)
{
	for (int i = 0; i < n; i++) {
		free(p[i].text);
		free((char *)p[i].body);
		free(p[i].rowid);
		free(p[i].g);
		free(p[i].picked);
		free(p[i].words);
	}
}

/* The quoted strings of the expression query.c made, in order: FTS5
 * numbers its phrases the same way. -1 (nothing to free) when there
 * are too many. */
static int split_phrases(const char *fts, struct phrase *p, int max)
{
	int n = 0;
	for (const char *c = fts; *c;) {
		if (*c != '"') {
			c++;
			continue;
		}
		struct bytes body = {0};
		bool prefix;
		const char *end = fts_phrase(c, &body, &prefix);
		size_t len = (size_t)(end - c);
		char *text = n < max && !body.failed ? malloc(len + 1) : NULL;
		if (!text) {
			free(body.v);
			phrases_free(p, n);
			return -1;
		}
		memcpy(text, c, len);
		text[len] = '\0';
		p[n++] = (struct phrase){.text = text, .body = body.v, .prefix = prefix,
					 .nwords = 1};
		c = end;
	}
	return n;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

struct pair {
	long rowid;
	double g;
};

static int by_rowid(const void *a, const void *b)
{
	long x = ((const struct pair *)a)->rowid, y = ((const struct pair *)b)->rowid;
	return x < y ? -1 : x > y;
}

/* The word's row of rank_top: 1 found (p filled, rows its N), 0 none. */
static int read_top(struct store *st, const char *table, const char *term,
		    struct phrase *p, long *rows)
{
	sqlite3_stmt *s = store_cached(st, "SELECT rows, docs, bound, best FROM rank_top"
					    " WHERE db = ? AND term = ?");
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, term, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s), found = 0;
	if (rc == SQLITE_ROW) {
		size_t n = (size_t)sqlite3_column_bytes(s, 3) / RANK_TOP_ENTRY;
		const unsigned char *best = sqlite3_column_blob(s, 3);
		struct pair *v = malloc((n ? n : 1) * sizeof *v);
		p->rowid = malloc((n ? n : 1) * sizeof *p->rowid);
		p->g = malloc((n ? n : 1) * sizeof *p->g);
		if (!v || !p->rowid || !p->g) {
			free(v);
			store_done(st, s);
			return -1;
		}
		for (size_t i = 0; i < n; i++) {
			const unsigned char *e = best + RANK_TOP_ENTRY * i;
			v[i].rowid = le32(e);
			v[i].g = (e[4] | e[5] << 8) * RANK_G_UNIT;
		}
		qsort(v, n, sizeof *v, by_rowid);
		for (size_t i = 0; i < n; i++)
			p->rowid[i] = v[i].rowid, p->g[i] = v[i].g;
		free(v);
		p->n = n;
		*rows = sqlite3_column_int64(s, 0);
		p->docs = sqlite3_column_int64(s, 1);
		p->bound = sqlite3_column_double(s, 2);
		found = 1;
	} else if (rc != SQLITE_DONE) {
		found = store_fail(st, "reading the ranking table");
	}
	store_done(st, s);
	return found;
}

/* The records a frequent word is in, from its row of rank_top: -1 when
 * it has none (a rare word), -2 on error. */
static long term_docs(struct store *st, const char *table, const char *term)
{
	sqlite3_stmt *s = store_cached(st, "SELECT docs FROM rank_top WHERE db = ? AND term = ?");
	if (!s)
		return -2;
	sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, term, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	long docs = -1;
	if (rc == SQLITE_ROW)
		docs = (long)sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		store_fail(st, "reading the ranking table"), docs = -2;
	store_done(st, s);
	return docs;
}

/* Every record of a phrase with a rare word: its candidates. */
static int read_rare(struct store *st, const char *fts, struct phrase *p)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH ? ORDER BY rowid",
		 fts, fts);
	sqlite3_stmt *s = store_cached(st, sql);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, p->text, -1, SQLITE_STATIC);
	size_t cap = 64;
	p->rowid = malloc(cap * sizeof *p->rowid);
	int rc;
	while (p->rowid && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (p->n == cap) {
			long *more = realloc(p->rowid, 2 * cap * sizeof *more);
			if (!more)
				break;
			p->rowid = more, cap *= 2;
		}
		p->rowid[p->n++] = sqlite3_column_int64(s, 0);
	}
	store_done(st, s);
	if (!p->rowid || rc != SQLITE_DONE)
		return store_fail(st, "ranking");
	p->docs = (long)p->n;
	p->bound = 0;
	return 0;
}

/* Records the phrase is in, counted (the words' own counts bound it
 * only from above; a prefix's words count faster than the prefix). */
static long count_phrase(struct store *st, const char *fts, const struct phrase *p)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s MATCH ?", fts, fts);
	sqlite3_stmt *s = store_cached(st, sql);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, p->words ? p->words : p->text, -1, SQLITE_STATIC);
	long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	store_done(st, s);
	return n < 0 ? store_fail(st, "ranking") : n;
}

/* A search of phrase p alone, not counted yet: counted, its candidates
 * (p->rowid) scored in the same pass (htkp_pick) into p->picked. Two
 * frequent words in a phrase took 6 ms to count and 2.8 more to look
 * their 200 candidates up one by one at 100,000 cases. Returns the
 * count, -1 on error, -2 when the function declined (another index):
 * nothing picked. */
static long count_picking(struct store *st, const struct search *s, struct phrase *p,
			  long rows)
{
	const char *fts = catalog[s->db].fts;
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s MATCH ?"
		 " AND htkp_pick(%s, ?, %d, %ld, -1)", fts, fts, fts, (int)s->db, rows);
	struct bm25_pick pick = {.rowid = p->rowid, .n = p->n,
				 .g = malloc((p->n ? p->n : 1) * sizeof *pick.g)};
	sqlite3_stmt *q = pick.g ? store_cached(st, sql) : NULL;
	if (!q) {
		free(pick.g);
		if (!pick.g)
			snprintf(st->error, sizeof st->error, "Out of memory.");
		return -1;
	}
	for (size_t i = 0; i < p->n; i++)
		pick.g[i] = NAN;
	sqlite3_bind_text(q, 1, p->text, -1, SQLITE_STATIC);
	sqlite3_bind_pointer(q, 2, &pick, BM25_PICK_TYPE, NULL);
	long n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	store_done(st, q);
	if (n < 0 || pick.declined) {
		free(pick.g);
		return n < 0 ? store_fail(st, "ranking") : -2;
	}
	p->picked = pick.g;
	return n;
}

/* Records phrase p (of np) is in: when it is all the words of s, their
 * count, made once a session. */
static long phrase_docs(struct store *st, const struct search *s, const struct phrase *p,
			int np)
{
	const char *fts = catalog[s->db].fts;
	if (np > 1)
		return count_phrase(st, fts, p);
	long n = search_counted(st, s->db, s->fts);
	if (n < 0 && (n = count_phrase(st, fts, p)) >= 0)
		search_count_known(st, s->db, s->fts, n);
	return n;
}

/* Whether the np phrases p of s are one word and its other spellings,
 * exactly the form query.c writes ("w" or ("w" OR "v" OR ...)), with
 * one of them frequent (a row of rank_top): 1 with that one's number in
 * *frequent, its records in *docs and each phrase's word in tok; 0 not
 * (two frequent spellings, a prefix, a phrase of words...); -1 error. */
static int word_and_spellings(struct store *st, const struct search *s,
			      const struct phrase *p, int np, int *frequent, long *docs,
			      char (*tok)[64])
{
	size_t len = 3;
	for (int i = 0; i < np; i++)
		len += strlen(p[i].text) + 4;
	char *form = malloc(len), *o = form;
	if (!form)
		return -1;
	o += sprintf(o, "%s", np > 1 ? "(" : "");
	for (int i = 0; i < np; i++)
		o += sprintf(o, "%s%s", i ? " OR " : "", p[i].text);
	sprintf(o, "%s", np > 1 ? ")" : "");
	int result = strcmp(form, s->fts) == 0;
	free(form);
	*frequent = -1;
	for (int i = 0; i < np && result == 1; i++) {
		struct tokens k;
		if (p[i].prefix || fts_tokenize(st->fts5, p[i].body, &k) != 0 || k.n != 1) {
			result = 0;
			break;
		}
		strcpy(tok[i], k.t[0]);
		long t = term_docs(st, catalog[s->db].table, k.t[0]);
		if (t == -2)
			result = -1;
		else if (t >= 0 && *frequent >= 0)
			result = 0;   /* two frequent spellings */
		else if (t >= 0)
			*frequent = i, *docs = t;
	}
	return result == 1 && *frequent < 0 ? 0 : result;
}

/* The records of one word and its other spellings, searched alone
 * ("w" or ("w" OR "v" OR ...)), when one of them is frequent: its count
 * at import (rank_top.docs) and, counted now, the records of the others
 * it is not in. Counting a word found in every record read 100,000
 * matches; the rare spellings' few records cost little. -1 when the
 * search is not of that form (count it in full), -2 on error. */
long toprank_count(struct store *st, const struct search *s)
{
	struct phrase p[MAX_PHRASES];
	char tok[MAX_PHRASES][64];
	if (!s->fts || !st->fts5)
		return -1;
	int np = split_phrases(s->fts, p, MAX_PHRASES);
	if (np <= 0)
		return -1;
	int frequent;
	long docs = 0, n;
	int r = word_and_spellings(st, s, p, np, &frequent, &docs, tok);
	n = r < 0 ? -2 : r == 0 ? -1 : docs;
	size_t len = 8;
	for (int i = 0; i < np; i++)
		len += strlen(p[i].text) + 4;
	char *rest = r == 1 && np > 1 ? malloc(len) : NULL;
	if (r == 1 && np > 1 && !rest)
		n = -2;
	if (rest) {
		/* The other spellings' records without the frequent one. */
		char *o = rest + sprintf(rest, "(");
		for (int i = 0, first = 1; i < np; i++)
			if (i != frequent)
				o += sprintf(o, "%s%s", first ? "" : " OR ", p[i].text), first = 0;
		sprintf(o, ") NOT %s", p[frequent].text);
		struct phrase others = {.text = rest};
		long more = count_phrase(st, catalog[s->db].fts, &others);
		n = more < 0 ? -2 : n + more;
	}
	free(rest);
	phrases_free(p, np);
	return n;
}

/* Any row of rank_top for the database: the index's number of rows (0
 * when no word is frequent there, or on error). */
static long index_rows(struct store *st, const char *table)
{
	sqlite3_stmt *q = store_cached(st, "SELECT rows FROM rank_top WHERE db = ? LIMIT 1");
	long rows = 0;
	if (q) {
		sqlite3_bind_text(q, 1, table, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			rows = sqlite3_column_int64(q, 0);
		store_done(st, q);
	}
	return rows;
}

long toprank_rows(struct store *st, int db)
{
	return index_rows(st, catalog[db].table);
}

int toprank_word(struct store *st, const struct search *s, char term[64], long *docs,
		 long *rows)
{
	struct phrase p[MAX_PHRASES];
	char tok[MAX_PHRASES][64];
	if (!s->fts || !st->fts5 || !st->vocab)
		return 0;
	int np = split_phrases(s->fts, p, MAX_PHRASES);
	if (np <= 0)
		return 0;
	int frequent;
	int r = word_and_spellings(st, s, p, np, &frequent, docs, tok);
	/* Its other spellings in no record: its records are the search's. */
	for (int i = 0; i < np && r == 1; i++) {
		int known = i == frequent ? 0 : fts_word_known(st, s->db, tok[i]);
		r = known < 0 ? -1 : known ? 0 : r;
	}
	if (r == 1) {
		strcpy(term, tok[frequent]);
		*rows = index_rows(st, catalog[s->db].table);
		r = *rows > 0;
	}
	phrases_free(p, np);
	return r;
}

/* Fills phrase i: 1 ready, 0 this way cannot rank it, -1 error. */
static int load_phrase(struct store *st, const struct search *s, struct phrase *p,
		       int nphrase, long *rows)
{
	const struct db_info *d = &catalog[s->db];
	struct tokens k;
	if (p->prefix || fts_tokenize(st->fts5, p->body, &k) != 0 || k.n == 0)
		return 0;
	/* The frequent word with the smallest bound bounds the phrase best. */
	struct phrase best = {0};
	bool rare = false;
	for (int i = 0; i < k.n && !rare; i++) {
		struct phrase w = {0};
		long r = 0;
		int found = read_top(st, d->table, k.t[i], &w, &r);
		if (found < 0) {
			free(best.rowid), free(best.g);
			return -1;
		}
		if (!found || (*rows && r != *rows)) {
			rare = found == 0;
			free(w.rowid), free(w.g);
			if (!rare) {
				free(best.rowid), free(best.g);
				return 0;   /* made for another index: stale */
			}
			continue;
		}
		*rows = r;
		if (!best.rowid || w.bound < best.bound) {
			free(best.rowid), free(best.g);
			best = w;
		} else {
			free(w.rowid), free(w.g);
		}
	}
	if (rare) {
		free(best.rowid), free(best.g);
		return read_rare(st, d->fts, p) < 0 ? -1 : 1;
	}
	p->rowid = best.rowid, p->g = best.g, p->n = best.n, p->bound = best.bound;
	if (k.n == 1) {
		p->docs = best.docs;
		return 1;
	}
	/* A phrase searched alone and not counted yet: its candidates are
	 * scored by the pass that counts it. */
	long n = -2;
	if (nphrase == 1 && search_counted(st, s->db, s->fts) < 0) {
		n = count_picking(st, s, p, *rows);
		if (n >= 0)
			search_count_known(st, s->db, s->fts, n);
	}
	p->docs = n == -2 ? phrase_docs(st, s, p, nphrase) : n;
	return p->docs < 0 ? -1 : 1;
}

/* ---- candidates ----------------------------------------------------- */

struct cand {
	long rowid;
	double ub;           /* its score can be no more than this */
};

static int by_ub(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	return x->ub > y->ub ? -1 : x->ub < y->ub ? 1 : (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

static int by_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? -1 : x > y;
}

static long find(const long *v, size_t n, long x)
{
	const long *f = bsearch(&x, v, n, sizeof *v, by_long);
	return f ? f - v : -1;
}

/* Every phrase's records, once each, with the most each may score. */
static struct cand *candidates(const struct phrase *p, int np, size_t *n)
{
	size_t total = 0;
	for (int i = 0; i < np; i++)
		total += p[i].n;
	long *all = malloc((total ? total : 1) * sizeof *all);
	struct cand *c = malloc((total ? total : 1) * sizeof *c);
	if (!all || !c) {
		free(all), free(c);
		return NULL;
	}
	size_t k = 0;
	for (int i = 0; i < np; i++)
		for (size_t j = 0; j < p[i].n; j++)
			all[k++] = p[i].rowid[j];
	qsort(all, k, sizeof *all, by_long);
	*n = 0;
	for (size_t j = 0; j < k; j++) {
		if (j > 0 && all[j] == all[j - 1])
			continue;
		double ub = 0;
		for (int i = 0; i < np; i++) {
			long at = find(p[i].rowid, p[i].n, all[j]);
			double g = at < 0 ? p[i].bound : p[i].g ? p[i].g[at] : RANK_K1 + 1.0;
			ub += p[i].idf * g;
		}
		c[(*n)++] = (struct cand){all[j], ub};
	}
	free(all);
	qsort(c, *n, sizeof *c, by_ub);
	return c;
}

/* htkp_rank's arguments after the table: ", db, rows, docs_0, ...",
 * a prefix's other words joined to its first (BM25_JOINED). */
static char *args_of(const struct search *s, long rows, const struct phrase *p, int np)
{
	size_t n = 2;
	for (int i = 0; i < np; i++)
		n += (size_t)p[i].nwords;
	char *args = malloc(24 * n + 1);
	if (!args)
		return NULL;
	char *o = args + sprintf(args, ", %d, %ld", (int)s->db, rows);
	for (int i = 0; i < np; i++) {
		o += sprintf(o, ", %ld", p[i].docs);
		for (int w = 1; w < p[i].nwords; w++)
			o += sprintf(o, ", %d", BM25_JOINED);
	}
	return args;
}

/* Scores c[from..to) that s finds, appending to out: looked up one by
 * one (seek), or picked out while FTS5 reads every match (scan: cheaper
 * for many candidates of a search with few matches). 1 done, 0 the
 * function declined (another index), -1 error. */
static int score(struct store *st, const struct search *s, const char *args,
		 const struct cand *c, size_t from, size_t to, bool scan,
		 struct bm25_scored *out, size_t *n)
{
	char *list = malloc(24 * (to - from) + 3), *o = list;
	if (!list) {
		snprintf(st->error, sizeof st->error, "Out of memory.");
		return -1;
	}
	if (scan)
		*o++ = '[';
	*o = '\0';
	for (size_t i = from; i < to; i++)
		o += sprintf(o, "%s%ld", i > from ? "," : "", c[i].rowid);
	if (scan)
		strcpy(o, "]");
	sqlite3_stmt *stmt = search_scored_stmt(st, s, args, scan ? NULL : list);
	if (stmt && scan)
		sqlite3_bind_text(stmt, sqlite3_bind_parameter_count(stmt), list, -1,
				  SQLITE_STATIC);
	if (!stmt) {
		free(list);
		return -1;
	}
	int rc, result = 1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (sqlite3_column_type(stmt, 1) == SQLITE_NULL) {
			result = 0;
			break;
		}
		out[(*n)++] = (struct bm25_scored){(long)sqlite3_column_int64(stmt, 0),
					      sqlite3_column_double(stmt, 1)};
	}
	if (result && rc != SQLITE_DONE)
		result = store_fail(st, "ranking");
	store_done(st, stmt);
	free(list);
	return result;
}

/* How many of the scored (sorted) beat everything unscored. */
static size_t proven(const struct bm25_scored *v, size_t n, double limit)
{
	double beat = limit * (1 + MARGIN) + 1e-12;
	size_t k = 0;
	while (k < n && -v[k].bm25 > beat)
		k++;
	return k;
}

/* Scores the candidates best first until want of them are proven (need
 * for a first screen, more when paging), or none is left. 1 with *n_out
 * proven (at least need, at most keep), 0 fewer, -1 error. */
static int rank_candidates(struct store *st, const struct search *s, const struct phrase *p,
			   int np, long rows, long need, long keep, bool first,
			   long **out, size_t *n_out)
{
	double outside = 0;
	for (int i = 0; i < np; i++)
		outside += p[i].idf * p[i].bound;
	size_t nc = 0;
	struct cand *c = candidates(p, np, &nc);
	char *args = args_of(s, rows, p, np);
	struct bm25_scored *sc = malloc((nc ? nc : 1) * sizeof *sc);
	if (!c || !args || !sc) {
		free(c), free(args), free(sc);
		snprintf(st->error, sizeof st->error, "Out of memory.");
		return -1;
	}
	/* Candidates the filters leave out cannot be listed: dropped
	 * unscored (any score of theirs is under the bound of the
	 * unscored). With fewer left than asked for, nothing can be proven:
	 * given up before any is looked up. */
	const struct facet_bits *bits = NULL;
	if (facet_filtered(st, s, NULL, &bits) != 0) {
		free(c), free(args), free(sc);
		return -1;
	}
	size_t kept = 0;
	for (size_t i = 0; bits && i < nc; i++)
		if (facet_has(bits, c[i].rowid))
			c[kept++] = c[i];
	nc = bits ? kept : nc;
	if (nc < (size_t)need) {
		free(c), free(args), free(sc);
		return 0;
	}
	/* Ten pages when paging starts (paging on reads them from the kept
	 * list), three times as many as asked for later. */
	size_t want = (size_t)(need * 3 > MIN_WANT ? need * 3 : MIN_WANT);
	want = first ? (size_t)need : want < (size_t)keep ? want : (size_t)keep;
	int result = 0;
	size_t done = 0, n = 0, ok = 0;
	size_t batch = want + want / 4 + 8;
	long most = 0;   /* the most records any phrase is in */
	for (int i = 0; i < np; i++)
		most = p[i].docs > most ? p[i].docs : most;
	if (np == 1 && p[0].picked) {
		/* Scored as the phrase was counted: bm25's operations. */
		for (size_t i = 0; i < nc; i++) {
			long at = find(p[0].rowid, p[0].n, c[i].rowid);
			double g = at < 0 ? NAN : p[0].picked[at];
			if (!isnan(g))
				sc[n++] = (struct bm25_scored){c[i].rowid, -1.0 * (p[0].idf * g)};
		}
		qsort(sc, n, sizeof *sc, bm25_order);
		ok = proven(sc, n, outside);
		done = nc, result = 1;
	}
	while (done < nc) {
		size_t left = nc - done;
		bool scan = left > 2 * MAX_BATCH || most < SEEK_MIN_DOCS;
		if (scan && left > MAX_SCAN)
			break;
		size_t to = scan ? nc : done + (batch < left ? batch : left);
		int r = score(st, s, args, c, done, to, scan, sc, &n);
		if (r <= 0) {
			result = r;
			break;
		}
		done = to;
		/* Twice as many each time: a search that proves its page
		 * early scores few, one that does not soon reaches full
		 * batches. */
		batch = 2 * batch < MAX_BATCH ? 2 * batch : MAX_BATCH;
		qsort(sc, n, sizeof *sc, bm25_order);
		double next = done < nc && c[done].ub > outside ? c[done].ub : outside;
		ok = proven(sc, n, next);
		if (ok >= want || done == nc) {
			result = 1;
			break;
		}
	}
	if (result == 1 && ok >= (size_t)need) {
		size_t k = ok < (size_t)keep ? ok : (size_t)keep;
		if (!(*out = malloc((k ? k : 1) * sizeof **out))) {
			result = -1;
		} else {
			for (size_t i = 0; i < k; i++)
				(*out)[i] = sc[i].rowid;
			*n_out = k;
		}
	} else if (result == 1) {
		result = 0;
	}
	free(c), free(args), free(sc);
	return result;
}

/* A search's prefixes as their words (fts_words.h): each prefix's OR
 * of them, to count it by, and into *fts the expression to rank with
 * them, each prefix's words in p[i].nwords (*fts NULL: s's own, each
 * phrase one). -1 on error (recorded). */
static int expand_prefixes(struct store *st, const struct search *s, struct phrase *p,
			   int np, char **fts)
{
	int words[MAX_PHRASES], one;
	bool failed = false;
	for (int i = 0; i < np && !failed; i++)
		if (p[i].prefix)
			p[i].words = fts_expand(st, s->db, p[i].text, &one, 1, &failed);
	if (!failed && (*fts = fts_expand(st, s->db, s->fts, words, MAX_PHRASES, &failed)))
		for (int i = 0; i < np; i++)
			p[i].nwords = words[i];
	return failed ? -1 : 0;
}

/* htkp_rank's arguments (args_of): every phrase's count known (a
 * prefix's or an unsplittable phrase's counted here), NULL when not.
 * counting: the caller counts s as it ranks it, so the one phrase of
 * words searched alone is left uncounted (-1: common/bm25.h). */
static char *rank_args(struct store *st, const struct search *s, struct phrase *p,
		       int np, long rows, bool counting)
{
	const struct db_info *d = &catalog[s->db];
	if (!rows && !(rows = index_rows(st, d->table)))
		return NULL;
	bool alone = np == 1 && search_words_alone(s);
	for (int i = 0; i < np; i++) {
		if (p[i].docs > 0 || p[i].rowid)
			continue;
		if (counting && alone && search_counted(st, s->db, s->fts) < 0) {
			p[i].docs = -1;
			continue;
		}
		p[i].docs = phrase_docs(st, s, &p[i], np);
		if (p[i].docs < 0)
			return NULL;
	}
	return args_of(s, rows, p, np);
}

int toprank_rowids(struct store *st, const struct search *s, long need, long keep,
		   long **out, size_t *n, char **args, char **fts, bool counting)
{
	*out = NULL, *n = 0, *args = NULL, *fts = NULL;
	if (!s->fts || s->sort != SORT_RELEVANCE || !st->fts5)
		return 0;
	struct phrase p[MAX_PHRASES];
	int np = split_phrases(s->fts, p, MAX_PHRASES);
	if (np <= 0)
		return 0;
	long rows = 0;
	int result = 1;
	bool frequent = false;
	for (int i = 0; i < np && result >= 0; i++) {
		int r = load_phrase(st, s, &p[i], np, &rows);
		result = r < 0 ? -1 : r == 0 ? 0 : result;
		frequent |= p[i].g != NULL;
	}
	/* Only rare phrases: ranking them all costs little. */
	if (result == 1 && !frequent)
		result = 0;
	if (result == 1) {
		for (int i = 0; i < np; i++)
			p[i].idf = rank_idf(rows, p[i].docs);
		result = rank_candidates(st, s, p, np, rows, need, keep, counting, out, n);
	}
	/* Ranked in full then, by htkp_rank with the counts known here:
	 * bm25 would count each phrase's records again, and read each
	 * record's length from the index's table of them. */
	if (result == 0 && expand_prefixes(st, s, p, np, fts) == 0)
		*args = rank_args(st, s, p, np, rows, counting);
	if (!*args) {
		free(*fts);
		*fts = NULL;
	}
	phrases_free(p, np);
	/* A statement this way could not make (a search with every filter
	 * and the candidates' list is too long) is no reason to fail the
	 * search: ranked in full, it says so itself if it cannot run. */
	return result < 0 ? 0 : result;
}
