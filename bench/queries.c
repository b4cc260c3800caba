/* bench/queries.c: times the kiosk's own queries on a (synthetic) database
 * through the project's API only (dbstate.c, query.c, store*.c): counts,
 * result pages, facet counts and records, as the list, filter and record
 * views ask for them. Built and run by bench/queries.sh.
 *
 *     queries DB [RUNS]
 *
 * Each query runs once to warm up, then RUNS times (default 15, or
 * $BENCH_RUNS); it prints the median, p99, min and max in ms, what the
 * query found (matches, rows or values), the median of the same question
 * in naive SQL (bench/naive.c: the anchor; $BENCH_NAIVE=0 leaves it out),
 * and at the end the peak RSS; $BENCH_ONLY=text runs only the queries
 * whose label holds text. With $BENCH_RESULTS set, each query is also
 * appended to that file as a row of bench/results.py's table. The words
 * searched for are the ones bench/gen.py plants: keep them in step. */
#include "naive.h"

#include "common/catalog.h"
#include "query/dbstate.h"
#include "query/query.h"
#include "store/snippet.h"
#include "store/store.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* Planted by bench/gen.py. */
#define EVERY   "trafficking"     /* ~99.5% of records */
#define COMMON  "labour"          /* ~37% of cases */
#define COMMON2 "forced"          /* ~42% of cases */
#define RARE    "hawala"          /* 12 cases */
#define PREFIX  "forc*"           /* forced, force, forces... */

#define SLOW_MS 100.0             /* a kiosk user notices the wait */
#define MAX_RUNS 1000

/* Targets (median ms; the p99 may be three times as much): a search
 * screen, a page turned, a list sorted without words, the counts of a
 * picker with a search, the browse view with a search, the home screen
 * from a cold start. */
#define SCREEN_MS 10.0
#define PGDN_MS 2.0
#define NOWORDS_MS 1.0
#define PICKER_MS 10.0
#define BROWSE_MS 20.0
#define PAINT_MS 20.0
#define P99_TIMES 3.0

struct spec {
	const char *label;
	enum op op;
	int db;
	const char *words;          /* as typed; NULL: none */
	const char *filter;         /* "country": the largest country */
	int sort;
	long offset;
	const char *facet;
	long rowid;                 /* OP_RECORD; 0: the middle record */
	double target;              /* the median to stay under, ms; 0: none */
	bool paging;                /* the search's first page was shown just
				       before (PgDn): the store keeps what it
				       ranked; else each run is a new search */
	long ahead;                 /* then the first `ahead` rows were
				       ranked while the reader read (the
				       kiosk's store_search_prepare), untimed */
};

/* Filled in at start-up: the country with the most cases. */
static char big_country[200];

static const struct spec specs[] = {
	{"count: a word in every record (" EVERY ")", OP_COUNT, DB_CASES, EVERY, 0, SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"count: a word in ~37% (" COMMON ")", OP_COUNT, DB_CASES, COMMON, 0, SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"top 20 by relevance: " EVERY, OP_PAGE, DB_CASES, EVERY, 0, SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"top 20 by relevance: " COMMON, OP_PAGE, DB_CASES, COMMON, 0, SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"top 20 by relevance: " COMMON2 " " COMMON, OP_PAGE, DB_CASES, COMMON2 " " COMMON, 0, SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"top 20 by relevance: \"" COMMON2 " " COMMON "\"", OP_PAGE, DB_CASES, "\"" COMMON2 " " COMMON "\"", 0, SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"top 20 by relevance: " RARE " (rare)", OP_PAGE, DB_CASES, RARE, 0, SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"top 20 newest: " EVERY, OP_PAGE, DB_CASES, EVERY, 0, SORT_NEWEST, 0, 0, 0, 0, 0, 0},
	{"top 20 newest, no words", OP_PAGE, DB_CASES, NULL, 0, SORT_RELEVANCE, 0, 0, 0, NOWORDS_MS, 0, 0},
	{"top 20 oldest, no words", OP_PAGE, DB_CASES, NULL, 0, SORT_OLDEST, 0, 0, 0, NOWORDS_MS, 0, 0},
	{"top 20 by title, no words", OP_PAGE, DB_CASES, NULL, 0, SORT_TITLE, 0, 0, 0, NOWORDS_MS, 0, 0},
	{"top 20 oldest: filter country", OP_PAGE, DB_CASES, NULL, "country", SORT_OLDEST, 0, 0, 0, NOWORDS_MS, 0, 0},
	{"top 20 by title: filter country", OP_PAGE, DB_CASES, NULL, "country", SORT_TITLE, 0, 0, 0, NOWORDS_MS, 0, 0},
	{"page 50 newest, no words", OP_PAGE, DB_CASES, NULL, 0, SORT_RELEVANCE, 49 * PER_PAGE, 0, 0, NOWORDS_MS, 0, 0},
	{"page 50 by relevance: " COMMON, OP_PAGE, DB_CASES, COMMON, 0, SORT_RELEVANCE, 49 * PER_PAGE, 0, 0, 0, 0, 0},
	{"count: filter country", OP_COUNT, DB_CASES, NULL, "country", SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"top 20: filter country", OP_PAGE, DB_CASES, NULL, "country", SORT_RELEVANCE, 0, 0, 0, NOWORDS_MS, 0, 0},
	{"count: filter country + " EVERY, OP_COUNT, DB_CASES, EVERY, "country", SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"top 20 by relevance: country + " EVERY, OP_PAGE, DB_CASES, EVERY, "country", SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"facet country, no search", OP_FACET, DB_CASES, NULL, 0, 0, 0, "country", 0, 0, 0, 0},
	{"facet country, " COMMON, OP_FACET, DB_CASES, COMMON, 0, 0, 0, "country", 0, PICKER_MS, 0, 0},
	{"facet country, " EVERY, OP_FACET, DB_CASES, EVERY, 0, 0, 0, "country", 0, PICKER_MS, 0, 0},
	{"facet country, " PREFIX, OP_FACET, DB_CASES, PREFIX, 0, 0, 0, "country", 0, PICKER_MS, 0, 0},
	{"facet country, " RARE " (rare)", OP_FACET, DB_CASES, RARE, 0, 0, 0, "country", 0, 0, 0, 0},
	{"facet year, filter country", OP_FACET, DB_CASES, NULL, "country", 0, 0, "year", 0, 0, 0, 0},
	{"browse view (6 categories), no search", OP_BROWSE, DB_CASES, NULL, 0, 0, 0, 0, 0, 0, 0, 0},
	{"browse view (6 categories), " COMMON, OP_BROWSE, DB_CASES, COMMON, 0, 0, 0, 0, 0, BROWSE_MS, 0, 0},
	{"browse view (6 categories), " EVERY, OP_BROWSE, DB_CASES, EVERY, 0, 0, 0, 0, 0, BROWSE_MS, 0, 0},
	{"record: a case (middle rowid)", OP_RECORD, DB_CASES, NULL, 0, 0, 0, 0, 0, 0, 0, 0},
	{"record: a law (rowid 1)", OP_RECORD, DB_LEGISLATION, NULL, 0, 0, 0, 0, 1, 0, 0, 0},
	{"legislation top 20 by relevance: " EVERY, OP_PAGE, DB_LEGISLATION, EVERY, 0, SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"bibliography top 20 by relevance: " EVERY, OP_PAGE, DB_BIBLIOGRAPHY, EVERY, 0, SORT_RELEVANCE, 0, 0, 0, 0, 0, 0},
	{"bibliography top 20 newest, no words", OP_PAGE, DB_BIBLIOGRAPHY, NULL, 0, SORT_RELEVANCE, 0, 0, 0, NOWORDS_MS, 0, 0},
	{"bibliography top 20 oldest, no words", OP_PAGE, DB_BIBLIOGRAPHY, NULL, 0, SORT_OLDEST, 0, 0, 0, NOWORDS_MS, 0, 0},
	{"bibliography top 20 by title, no words", OP_PAGE, DB_BIBLIOGRAPHY, NULL, 0, SORT_TITLE, 0, 0, 0, NOWORDS_MS, 0, 0},
	/* PgDn: the next page of a search whose first page was just shown. */
	{"PgDn to page 2 by relevance: " EVERY, OP_PAGE, DB_CASES, EVERY, 0, SORT_RELEVANCE, PER_PAGE, 0, 0, PGDN_MS, true, 0},
	{"PgDn to page 9 by relevance: " COMMON, OP_PAGE, DB_CASES, COMMON, 0, SORT_RELEVANCE, 8 * PER_PAGE, 0, 0, PGDN_MS, true, 0},
	/* Past the 200 rows ranked at first: the kiosk ranked 1000 while the
	 * reader was on page 9 (src/ui/ui_list.c ranks four pages ahead of
	 * the selection; its median time is in the table's note). */
	{"PgDn to page 11 (ranked ahead): " COMMON, OP_PAGE, DB_CASES, COMMON, 0, SORT_RELEVANCE, 10 * PER_PAGE, 0, 0, PGDN_MS, true, 13 * PER_PAGE},
	{"PgDn to page 2: country + " EVERY, OP_PAGE, DB_CASES, EVERY, "country", SORT_RELEVANCE, PER_PAGE, 0, 0, PGDN_MS, true, 0},
	{"PgDn to page 2 by title: " COMMON, OP_PAGE, DB_CASES, COMMON, 0, SORT_TITLE, PER_PAGE, 0, 0, PGDN_MS, true, 0},
	{"PgDn to page 2 oldest: filter country", OP_PAGE, DB_CASES, NULL, "country", SORT_OLDEST, PER_PAGE, 0, 0, PGDN_MS, true, 0},
	{"PgDn to page 2 oldest: " COMMON, OP_PAGE, DB_CASES, COMMON, 0, SORT_OLDEST, PER_PAGE, 0, 0, PGDN_MS, true, 0},
	/* One screen of the list view: the count, then the page. */
	{"screen: " EVERY, OP_SCREEN, DB_CASES, EVERY, 0, SORT_RELEVANCE, 0, 0, 0, SCREEN_MS, 0, 0},
	{"screen: " COMMON " (a third)", OP_SCREEN, DB_CASES, COMMON, 0, SORT_RELEVANCE, 0, 0, 0, SCREEN_MS, 0, 0},
	{"screen: " COMMON2 " " COMMON, OP_SCREEN, DB_CASES, COMMON2 " " COMMON, 0, SORT_RELEVANCE, 0, 0, 0, SCREEN_MS, 0, 0},
	{"screen: \"" COMMON2 " " COMMON "\"", OP_SCREEN, DB_CASES, "\"" COMMON2 " " COMMON "\"", 0, SORT_RELEVANCE, 0, 0, 0, SCREEN_MS, 0, 0},
	{"screen: " PREFIX " (prefix)", OP_SCREEN, DB_CASES, PREFIX, 0, SORT_RELEVANCE, 0, 0, 0, SCREEN_MS, 0, 0},
	{"screen: " PREFIX ", newest first", OP_SCREEN, DB_CASES, PREFIX, 0, SORT_NEWEST, 0, 0, 0, SCREEN_MS, 0, 0},
	{"screen: country + " EVERY, OP_SCREEN, DB_CASES, EVERY, "country", SORT_RELEVANCE, 0, 0, 0, SCREEN_MS, 0, 0},
	{"screen: country + " COMMON, OP_SCREEN, DB_CASES, COMMON, "country", SORT_RELEVANCE, 0, 0, 0, SCREEN_MS, 0, 0},
	{"screen: " RARE " (rare)", OP_SCREEN, DB_CASES, RARE, 0, SORT_RELEVANCE, 0, 0, 0, SCREEN_MS, 0, 0},
	{"screen: no words (newest)", OP_SCREEN, DB_CASES, NULL, 0, SORT_RELEVANCE, 0, 0, 0, SCREEN_MS, 0, 0},
	{"screen: filter country, oldest", OP_SCREEN, DB_CASES, NULL, "country", SORT_OLDEST, 0, 0, 0, SCREEN_MS, 0, 0},
	{"first paint: open, home screen counts", OP_PAINT, DB_CASES, NULL, 0, 0, 0, 0, 0, PAINT_MS, 0, 0},
};

static struct store *st;
static const char *db_path;

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void die(const char *what)
{
	fprintf(stderr, "queries: %s: %s\n", what, st ? store_error(st) : "");
	exit(1);
}

/* What the home screen asks for when it is first drawn (ui_home.c). */
static long paint(void)
{
	char err[300], day[16], since[16] = "2026-01-01";
	struct store *home = store_open(db_path, err, sizeof err);
	long n = 0;
	if (!home)
		return -1;
	for (int db = 0; db < DB_COUNT; db++)
		n += store_count(home, db) + store_added_since(home, db, since);
	store_data_date(home, day, sizeof day);
	store_close(home);
	return n;
}

/* Runs the query once; returns what it found (matches, rows, values). */
static long run(const struct spec *sp, const struct search *s, const struct query *words,
		long rowid)
{
	struct result_page p;
	struct facet_list f;
	struct record r;
	long n = 0;

	switch (sp->op) {
	case OP_COUNT:
		if ((n = store_search_count(st, s)) < 0)
			die(sp->label);
		return n;
	case OP_SCREEN:
		if ((n = store_search_count(st, s)) < 0)
			die(sp->label);
		/* fall through */
	case OP_PAGE:
		if (store_search_page(st, s, sp->offset, PER_PAGE, &p) != 0)
			die(sp->label);
		if (sp->op == OP_PAGE)
			n = (long)p.n;
		else if (words->fts)
			snippet_page(st, sp->db, &p, words->terms, words->prefix, words->n_terms);
		result_page_free(&p);
		return n;
	case OP_FACET:
		if (store_facet(st, s, sp->facet, &f) != 0)
			die(sp->label);
		n = (long)f.n;
		facet_list_free(&f);
		return n;
	case OP_BROWSE:
		for (size_t i = 0; i < catalog[sp->db].n_browse; i++) {
			if (store_facet(st, s, catalog[sp->db].browse[i], &f) != 0)
				die(sp->label);
			n += (long)f.n;
			facet_list_free(&f);
		}
		return n;
	case OP_RECORD:
		if (store_record(st, sp->db, rowid, &r) != 0)
			die(sp->label);
		n = (long)(r.n_values + r.n_proc + r.n_links);
		record_free(&r);
		return n;
	case OP_PAINT:
		if ((n = paint()) < 0)
			die(sp->label);
		return n;
	}
	return -1;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static const char *unit(const struct spec *sp)
{
	switch (sp->op) {
	case OP_COUNT: case OP_SCREEN: return "matches";
	case OP_PAGE: return "rows";
	case OP_FACET: case OP_BROWSE: return "values";
	case OP_RECORD: return "fields";
	case OP_PAINT: return "counted";
	}
	return "";
}

/* The country with the most cases, from the facet counts. */
static void find_big_country(void)
{
	struct search s = {.db = DB_CASES};
	struct facet_list f;
	long best = -1;

	if (store_facet(st, &s, "country", &f) != 0)
		die("country facet");
	for (size_t i = 0; i < f.n; i++)
		if (f.v[i].count > best) {
			best = f.v[i].count;
			snprintf(big_country, sizeof big_country, "%s", f.v[i].value);
		}
	facet_list_free(&f);
	if (best < 0)
		die("no country in the database");
}

/* The median and the nearest-rank p99 (with fewer than 100 runs, the
 * slowest) of t[0..runs), which it sorts. */
static void summarise(double *t, int runs, double *med, double *p99)
{
	qsort(t, (size_t)runs, sizeof t[0], cmp_double);
	*med = runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
	*p99 = t[(runs * 99 + 99) / 100 - 1];
}

/* A naive question whose warm-up takes longer than this is timed
 * NAIVE_SLOW_RUNS times at most: a filter with words ranked by bm25 can
 * take seconds a run at 100,000 cases (FTS5 answers each of the filter's
 * rowids with a cursor of its own). */
#define NAIVE_SLOW_MS 1000.0
#define NAIVE_SLOW_RUNS 3
#define STR_(x) #x
#define STR(x) STR_(x)

/* The naive SQL of sp (bench/naive.c), timed as the store's: one warm-up,
 * then *runs runs (fewer when it is slow); its median and p99 in *med and
 * *p99. Returns what it found. */
static long time_naive(sqlite3 *db, const struct spec *sp, const struct search *s,
		       long rowid, int *runs, double *med, double *p99)
{
	double t[MAX_RUNS], warm = now_ms();
	long found = naive_run(db, db_path, sp->op, s, sp->offset, sp->facet, rowid);
	if (found < 0)
		exit(1);
	if (now_ms() - warm > NAIVE_SLOW_MS && *runs > NAIVE_SLOW_RUNS)
		*runs = NAIVE_SLOW_RUNS;
	for (int k = 0; k < *runs; k++) {
		double t0 = now_ms();
		naive_run(db, db_path, sp->op, s, sp->offset, sp->facet, rowid);
		t[k] = now_ms() - t0;
	}
	summarise(t, *runs, med, p99);
	return found;
}

static long max_rss_kb(void)
{
	struct rusage ru;
	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

int main(int argc, char **argv)
{
	char err[300];
	int runs = 15;
	const char *env = getenv("BENCH_RUNS");

	if (argc < 2 || argc > 3) {
		fputs("usage: queries DB [RUNS]\n", stderr);
		return 2;
	}
	if (argc == 3)
		env = argv[2];
	if (env && *env)
		runs = atoi(env);
	if (runs < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "queries: RUNS must be 1 to %d\n", MAX_RUNS);
		return 2;
	}
	db_path = argv[1];
	if (!(st = store_open(argv[1], err, sizeof err))) {
		fprintf(stderr, "queries: %s\n", err);
		return 1;
	}
	long rss_open = max_rss_kb();
	/* The anchor's own connection, as a plain program would open it. */
	sqlite3 *naive = NULL;
	const char *no_naive = getenv("BENCH_NAIVE");
	if (!(no_naive && strcmp(no_naive, "0") == 0)
	    && sqlite3_open_v2(db_path, &naive, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "queries: cannot open %s for the naive SQL\n", db_path);
		return 1;
	}
	/* Rows of the one table of make bench (bench/results.py). */
	const char *results = getenv("BENCH_RESULTS");
	FILE *tsv = results && *results ? fopen(results, "a") : NULL;
	if (results && *results && !tsv) {
		perror(results);
		return 1;
	}
	long n_cases = store_count(st, DB_CASES);
	if (n_cases <= 0)
		die("no cases in the database");
	find_big_country();

	printf("%ld cases, %ld laws, %ld publications; %d runs after 1 warm-up;"
	       " %d rows a page; country filter: %s\n",
	       n_cases, store_count(st, DB_LEGISLATION),
	       store_count(st, DB_BIBLIOGRAPHY), runs, PER_PAGE, big_country);
	printf("%-48s %9s %-7s %9s %9s %9s %9s %9s  %s\n", "query", "found", "", "median",
	       "p99", "min", "max", naive ? "naive SQL" : "", "target (median / p99 ms)");

	double worst_screen = -1;
	const char *worst_label = "";
	/* BENCH_ONLY=word: only the queries whose label holds it. */
	const char *only = getenv("BENCH_ONLY");
	for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
		const struct spec *sp = &specs[i];
		if (only && *only && !strstr(sp->label, only))
			continue;
		struct dbstate ds;
		struct search s;
		double t[MAX_RUNS];
		long found = 0;
		long rowid = sp->rowid ? sp->rowid : (n_cases + 1) / 2;

		dbstate_init(&ds, sp->db);
		ds.sort = sp->sort;
		if (dbstate_set_text(&ds, sp->words) != 0
		    || (sp->filter && dbstate_set_filter(&ds, sp->filter, big_country) != 0)) {
			fprintf(stderr, "queries: cannot set up \"%s\"\n", sp->label);
			return 1;
		}
		dbstate_search(&ds, &s);
		/* A new search each time: nothing kept from the run before.
		 * Paging: the first page, as shown before PgDn, then the page. */
		struct spec first = *sp;
		first.offset = 0;
		double ahead[MAX_RUNS];
		run(sp, &s, &ds.q, rowid);     /* warm-up */
		for (int k = 0; k < runs; k++) {
			store_forget(st);
			if (sp->paging)
				run(&first, &s, &ds.q, rowid);
			double t0 = now_ms();
			if (sp->ahead && store_search_prepare(st, &s, sp->ahead) != 0)
				die(sp->label);
			ahead[k] = now_ms() - t0;
			t0 = now_ms();
			found = run(sp, &s, &ds.q, rowid);
			t[k] = now_ms() - t0;
		}
		double med, p99, naive_med = -1, naive_p99 = -1;
		long naive_found = found;
		int naive_runs = runs;
		summarise(t, runs, &med, &p99);
		if (naive)
			naive_found = time_naive(naive, sp, &s, rowid, &naive_runs, &naive_med,
						 &naive_p99);
		char target[48] = "", naive_ms[16] = "";
		if (sp->target > 0)
			snprintf(target, sizeof target, "< %g / %g %s", sp->target,
				 sp->target * P99_TIMES,
				 med < sp->target && p99 < sp->target * P99_TIMES ? "ok" : "OVER");
		if (naive)
			snprintf(naive_ms, sizeof naive_ms, "%.2f", naive_med);
		printf("%-48s %9ld %-7s %9.2f %9.2f %9.2f %9.2f %9s  %s%s\n", sp->label, found,
		       unit(sp), med, p99, t[0], t[runs - 1], naive_ms, target,
		       med > SLOW_MS ? "  SLOW" : "");
		fflush(stdout);
		if (tsv) {
			char naive_p99s[80] = "";
			/* Counts must agree; rows and values are counted differently
			 * (a page of a record's fields, facet rows). */
			if (naive)
				snprintf(naive_p99s, sizeof naive_p99s, "; naive p99 %.2f%s%s", naive_p99,
					 naive_runs < runs ? " (slow: " STR(NAIVE_SLOW_RUNS) " runs)" : "",
					 (sp->op == OP_COUNT || sp->op == OP_SCREEN) && naive_found != found
					 ? "; NAIVE COUNT DIFFERS" : "");
			fprintf(tsv, "queries\t%s\tms\t%.2f\t%.2f\t%s\t%s\t", sp->label, med, p99,
				naive ? "naive SQL" : "", naive_ms);
			if (sp->target > 0)
				fprintf(tsv, "<%g p99<%g", sp->target, sp->target * P99_TIMES);
			char ahead_ms[80] = "";
			if (sp->ahead) {
				double a_med, a_p99;
				summarise(ahead, runs, &a_med, &a_p99);
				snprintf(ahead_ms, sizeof ahead_ms,
					 "; ranking %ld ahead, while the reader read: %.2f ms",
					 sp->ahead, a_med);
			}
			fprintf(tsv, "\t%ld %s%s%s\n", found, unit(sp), naive_p99s, ahead_ms);
		}
		if (sp->op == OP_SCREEN && med > worst_screen) {
			worst_screen = med;
			worst_label = sp->label;
		}
		dbstate_free(&ds);
	}
	printf("worst one screen (count + page + snippets): %.1f ms median, %s\n",
	       worst_screen, worst_label);
	printf("peak RSS of this program: %ld KB (%ld KB after store_open)\n",
	       max_rss_kb(), rss_open);
	if (tsv) {
		fprintf(tsv, "queries\tpeak RSS of bench/queries\tMB\t%.1f\t\t\t\t\t%.1f MB after store_open%s\n",
			max_rss_kb() / 1024.0, rss_open / 1024.0,
			naive ? "; the naive SQL's connection included" : "");
		fclose(tsv);
	}
	if (naive)
		sqlite3_close(naive);
	store_close(st);
	return 0;
}
