/* test_store.c: unit tests for src/store*.c on the shipped sample database
 * (db/htkp.db, built from db/seed/sample.json by `make`): counts, searches,
 * filters, facet counts, paging and sorts, records and links read back
 * against the seed JSON, hostile search text, and store_open refusing
 * files that are not htkp databases. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "common/catalog.h"
#include "query/dbstate.h"
#include "query/query.h"
#include "store/snippet.h"
#include "store/store.h"
#include "store/store_ranked.h"
#include "store/fts_words.h"
#include "seed_words.h"

#define DB_PATH "db/htkp.db"
#define SEED_PATH "db/seed/sample.json"
#define ALL 10000   /* more rows than any sample database holds */
/* A page of ALL rows lies past the rowids a store keeps of a search, so
 * ids_of always runs the search itself: the reference for paging. */
_Static_assert(ALL > RANKED_ROWS, "ids_of would read the kept rowids");

static struct store *st;

/* ---- helpers --------------------------------------------------------- */

/* A search of db for typed text (NULL: none), parsed as the kiosk does. */
struct typed {
	struct query q;
	struct search s;
};

static void typed_init(struct typed *t, int db, const char *text)
{
	memset(t, 0, sizeof *t);
	assert_int_equal(query_parse(text, &t->q), 0);
	t->s.db = db;
	t->s.fts = t->q.fts;
	t->s.sort = SORT_RELEVANCE;
}

/* Values outlive the searches pointing at them: a ring far larger than
 * the values of the searches alive at once. */
static const char **keep(const char *value)
{
	static const char *ring[4096];
	static size_t next;
	const char **v = &ring[next++ % 4096];
	*v = value;
	return v;
}

static void add_filter(struct search *s, const char *field, const char *value)
{
	s->filters[s->n_filters++] = (struct search_filter){field, keep(value), 1, 0, 0};
}

/* The filter field (the search's own, or a new one) takes value too (OR). */
static void or_filter(struct search *s, const char *field, const char *const *values,
		      size_t n)
{
	s->filters[s->n_filters++] = (struct search_filter){field, values, n, 0, 0};
}

/* Sets year filter field's range (0 = open), replacing an earlier one. */
static void set_years(struct search *s, const char *field, int from, int to)
{
	for (size_t i = 0; i < s->n_filters; i++)
		if (strcmp(s->filters[i].field, field) == 0) {
			s->filters[i].from = from;
			s->filters[i].to = to;
			return;
		}
	s->filters[s->n_filters++] = (struct search_filter){field, NULL, 0, from, to};
}

/* Every id the search finds, in its order; NULL-terminated, caller frees. */
static char **ids_of(const struct search *s, size_t *n)
{
	struct result_page p;
	assert_int_equal(store_search_page(st, s, 0, ALL, &p), 0);
	char **ids = calloc(p.n + 1, sizeof *ids);
	assert_non_null(ids);
	for (size_t i = 0; i < p.n; i++)
		ids[i] = strdup(p.v[i].id);
	if (n)
		*n = p.n;
	result_page_free(&p);
	return ids;
}

static void ids_free(char **ids)
{
	for (size_t i = 0; ids && ids[i]; i++)
		free(ids[i]);
	free(ids);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The search finds exactly the records in want (any order), and its
 * count agrees. want is NULL-terminated. */
static void expect_ids(const struct search *s, const char *const *want)
{
	size_t n, nw = 0;
	char **got = ids_of(s, &n);
	while (want[nw])
		nw++;
	qsort(got, n, sizeof *got, cmp_str);
	const char **w = malloc((nw + 1) * sizeof *w);
	memcpy(w, want, (nw + 1) * sizeof *w);
	qsort(w, nw, sizeof *w, cmp_str);
	for (size_t i = 0; i < n || i < nw; i++) {
		const char *g = i < n ? got[i] : "(none)", *e = i < nw ? w[i] : "(none)";
		if (strcmp(g, e) != 0)
			fail_msg("result %zu: got %s, want %s", i, g, e);
	}
	assert_int_equal(store_search_count(st, s), (long)nw);
	free(w);
	ids_free(got);
}

static void expect_text(int db, const char *text, const char *const *want)
{
	struct typed t;
	typed_init(&t, db, text);
	expect_ids(&t.s, want);
	query_free(&t.q);
}

/* Typed text finds n records of db. */
static void expect_count(int db, const char *text, long n)
{
	struct typed t;
	typed_init(&t, db, text);
	assert_int_equal(store_search_count(st, &t.s), n);
	query_free(&t.q);
}

#define IDS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NONE ((const char *const[]){NULL})

/* Reads record id of db; fails the test when it is not there. */
static void get_record(int db, const char *id, struct record *r)
{
	long rowid = store_find_id(st, db, id);
	if (rowid <= 0)
		fail_msg("no record %s in %s", id, catalog[db].name);
	assert_int_equal(store_record(st, db, rowid, r), 0);
}

static void value_is(const struct record *r, const char *key, const char *want)
{
	const char *got = record_value(r, key);
	if (!want && !got)
		return;
	if (!want || !got || strcmp(want, got) != 0)
		fail_msg("%s of %s: got \"%s\", want \"%s\"", key, record_value(r, "id"),
			 got ? got : "(null)", want ? want : "(null)");
}

static int group_setup(void **state)
{
	(void)state;
	char err[512];
	st = store_open(DB_PATH, err, sizeof err);
	if (!st) {
		fprintf(stderr, "# %s (run from the repository root after make)\n", err);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	store_close(st);
	return 0;
}

/* ---- counts and searches --------------------------------------------- */

static void test_counts(void **state)
{
	(void)state;
	assert_int_equal(store_count(st, DB_CASES), 46);
	assert_int_equal(store_count(st, DB_LEGISLATION), 33);
	assert_int_equal(store_count(st, DB_BIBLIOGRAPHY), 38);
	for (int db = 0; db < DB_COUNT; db++) {
		struct search s = {.db = db};
		assert_int_equal(store_search_count(st, &s), store_count(st, db));
	}
}

static void test_search_words(void **state)
{
	(void)state;
	expect_text(DB_CASES, "siliadin", IDS("ECHR-2005-001"));
	expect_text(DB_CASES, "Siliadin", IDS("ECHR-2005-001"));
	/* Two words: both must be there. */
	expect_text(DB_CASES, "garden centres", IDS("NOR-2017-001"));
	expect_text(DB_CASES, "siliadin garden", NONE);
	expect_text(DB_CASES, "debt bondage", NONE);
	expect_text(DB_BIBLIOGRAPHY, "health", IDS("BIB-2006-ZIMMERMAN-STOLEN",
		"BIB-2012-ORAM", "BIB-2017-ZIMMERMAN-KISS"));
	/* AUS-2008-002 applied the Slavery and Sexual Servitude Act: the
	 * titles of the laws a case applied are searched with it. */
	expect_text(DB_CASES, "servitude", IDS("AUS-2008-002", "COL-2018-001", "ECHR-2005-001",
		"ECHR-2012-001", "FSM-2015-001", "GBR-2011-001", "GBR-2014-001",
		"USA-2005-001", "USA-2010-001", "USA-2011-001"));
	expect_text(DB_CASES, "zzzqqxx", NONE);
}

static void test_search_phrase(void **state)
{
	(void)state;
	expect_text(DB_CASES, "\"domestic servitude\"", IDS("COL-2018-001"));
	/* The htkp/2 sample's purposes ("Forced labour or services") count. */
	expect_text(DB_LEGISLATION, "\"forced labour\"", IDS("ARG-2008-L26364",
		"BGD-2012-PSHTA", "GBR-2004-AITOCA", "GRC-2002-L3064", "ISR-2006-PTLA",
		"KEN-2010-CTIP", "KHM-2008-LSHTSE", "NLD-2005-273F", "NOR-PC1902-S224",
		"ROU-2001-L678", "USA-2000-TVPA"));
	/* Words in the wrong order are not the phrase. */
	expect_text(DB_CASES, "\"indigenous woman\"", IDS("COL-2018-001"));
	expect_text(DB_CASES, "\"woman indigenous\"", NONE);
	/* forced-labour is searched as the phrase "forced labour". */
	expect_count(DB_CASES, "forced-labour", 22);
	expect_count(DB_CASES, "\"forced labour\"", 22);
}

static void test_search_prefix(void **state)
{
	(void)state;
	expect_text(DB_CASES, "bogot*", IDS("COL-2018-001"));
	expect_text(DB_CASES, "siliad*", IDS("ECHR-2005-001"));
	struct typed word, prefix;
	typed_init(&word, DB_LEGISLATION, "organised");
	typed_init(&prefix, DB_LEGISLATION, "organ*");
	long nw = store_search_count(st, &word.s), np = store_search_count(st, &prefix.s);
	assert_int_equal(np, 16);
	assert_true(nw > 0 && nw < np);
	/* Every record with the whole word is among the prefix's. */
	char **w = ids_of(&word.s, NULL), **p = ids_of(&prefix.s, NULL);
	for (size_t i = 0; w[i]; i++) {
		bool found = false;
		for (size_t k = 0; p[k] && !found; k++)
			found = strcmp(w[i], p[k]) == 0;
		if (!found)
			fail_msg("%s has \"organised\" but not \"organ*\"", w[i]);
	}
	ids_free(w);
	ids_free(p);
	query_free(&word.q);
	query_free(&prefix.q);
}

/* A prefix is searched as the words of the index that begin with it
 * (table vocab): the same records, without FTS5 merging their lists
 * first. The other phrases stay as they were, in their order. */
static void test_prefix_words(void **state)
{
	(void)state;
	int words[4];
	bool failed = true;
	char *w = fts_expand(st, DB_LEGISLATION, "\"organ\"*", words, 4, &failed);
	assert_false(failed);
	assert_string_equal(w, "(\"organ\" OR \"organisations\" OR \"organised\" OR"
			       " \"organising\" OR \"organized\" OR \"organs\")");
	assert_int_equal(words[0], 6);
	free(w);
	/* Folded as the index folds its words: one word is itself. */
	w = fts_expand(st, DB_CASES, "(\"forced labour\") AND \"Organis\"* NOT (\"BOGOT\"*)",
		       words, 4, &failed);
	assert_string_equal(w, "(\"forced labour\") AND (\"organise\" OR \"organised\" OR"
			       " \"organising\") NOT (\"bogota\")");
	assert_int_equal(words[0], 1);
	assert_int_equal(words[1], 3);
	assert_int_equal(words[2], 1);
	free(w);
	/* Left to FTS5: no prefix, a prefix of no word, of more words than
	 * PREFIX_MAX_WORDS (126 begin with "a"), more phrases than room. */
	assert_null(fts_expand(st, DB_CASES, "\"organised\"", words, 4, &failed));
	assert_null(fts_expand(st, DB_CASES, "\"zzqx\"*", words, 4, &failed));
	assert_null(fts_expand(st, DB_CASES, "\"a\"*", words, 4, &failed));
	assert_null(fts_expand(st, DB_CASES, "\"a\" \"b\" \"organis\"*", words, 2, &failed));
	assert_false(failed);
	/* What each finds is what the prefix finds. */
	expect_text(DB_CASES, "organis* OR bogot*", IDS("COL-2018-001", "ECHR-2020-001",
		"EGY-2013-001", "NAM-2018-001", "NGA-2004-001", "NGA-2020-001"));
}

static void test_search_or_not(void **state)
{
	(void)state;
	expect_text(DB_CASES, "siliadin OR rantsev", IDS("ECHR-2005-001", "ECHR-2010-001"));
	expect_text(DB_CASES, "servitude OR slavery", IDS("AUS-2008-002", "COL-2018-001",
		"ECHR-2005-001", "ECHR-2012-001", "FSM-2015-001", "GBR-2011-001",
		"GBR-2014-001", "GBR-2018-001", "IACTHR-2016-001", "ISR-2012-001",
		"MYS-2023-001", "USA-2005-001", "USA-2010-001", "USA-2011-001"));
	expect_text(DB_CASES, "servitude -slavery", IDS("COL-2018-001", "ECHR-2005-001",
		"ECHR-2012-001", "GBR-2014-001", "USA-2010-001", "USA-2011-001"));
	expect_text(DB_CASES, "servitude NOT slavery", IDS("COL-2018-001", "ECHR-2005-001",
		"ECHR-2012-001", "GBR-2014-001", "USA-2010-001", "USA-2011-001"));
	/* OR binds tighter than the implicit AND (quoted: no other spellings). */
	expect_text(DB_CASES, "\"child\" OR \"minor\" labour", IDS("ECHR-2021-001",
		"GHA-2022-001"));
	expect_text(DB_BIBLIOGRAPHY, "slavery -sex", IDS("BIB-1999-BALES",
		"BIB-2006-BUCKWALTER", "BIB-2014-CHUANG", "BIB-2017-ILO-GEMS",
		"BIB-2017-STOYANOVA", "BIB-2018-MILANO"));
}

/* Typed text through dbstate, as the kiosk and htkp query search: finds
 * exactly want, on every page call and in the count, and the note says
 * what was shown instead (NULL: the words as typed). */
static void expect_near(int db, const char *text, const char *note,
			const char *const *want)
{
	struct dbstate d;
	struct search s;
	dbstate_init(&d, db);
	assert_int_equal(dbstate_set_text(&d, text), 0);
	dbstate_search(&d, &s);
	expect_ids(&s, want);
	const char *got = dbstate_note(&d);
	if (note ? !got || strcmp(got, note) != 0 : got != NULL)
		fail_msg("%s: note \"%s\", want \"%s\"", text, got ? got : "(none)",
			 note ? note : "(none)");
	/* A page past the end, and a facet, are answered the same way. */
	struct result_page p;
	assert_int_equal(store_search_page(st, &s, 1000, 20, &p), 0);
	assert_int_equal(p.n, 0);
	result_page_free(&p);
	struct facet_list f;
	assert_int_equal(store_facet(st, &s, "country", &f), 0);
	long sum = 0;
	for (size_t i = 0; i < f.n; i++)
		sum += f.v[i].count;
	size_t nw = 0;
	while (want[nw])
		nw++;
	if (db != DB_BIBLIOGRAPHY)   /* one country a case or law */
		assert_int_equal(sum, (long)nw);
	facet_list_free(&f);
	assert_true((dbstate_note(&d) == NULL) == (note == NULL));
	dbstate_free(&d);
}

static void test_near_misses(void **state)
{
	(void)state;
	/* "Togo" itself is an involved country of Siliadin: "Togoles" is not a word. */
	expect_near(DB_CASES, "Togoles", "No exact match; showing Togoles*", IDS("ECHR-2005-001"));
	expect_near(DB_CASES, "France's", NULL, IDS("ECHR-2005-001", "ECHR-2012-001"));
	expect_near(DB_LEGISLATION, "organizations", NULL, IDS("GBR-2015-MSA"));
	expect_near(DB_BIBLIOGRAPHY, "organisation", NULL, IDS("BIB-2005-LACZKO-GOZDZIAK",
		"BIB-2017-ILO-GEMS"));
	expect_near(DB_CASES, "France servitude Nigeria",
		    "None has all 3 words; without Nigeria",
		    IDS("ECHR-2005-001", "ECHR-2012-001"));
	/* Left out in turn, debt leaves 2 cases and France 1: the most win. */
	expect_near(DB_CASES, "France debt domestic", "None has all 3 words; without debt",
		    IDS("ECHR-2005-001", "ECHR-2012-001"));
	expect_near(DB_CASES, "Togoles France servitude",
		    "No exact match; showing Togoles* France* servitude*", IDS("ECHR-2005-001"));
	expect_near(DB_CASES, "Togoles Nigeria France", "None has all 3 words; without Nigeria, "
		    "showing Togoles* France*", IDS("ECHR-2005-001"));
	expect_near(DB_CASES, "nga-2004-001", "The case with id nga-2004-001",
		    IDS("NGA-2004-001"));
	expect_near(DB_CASES, "NGA-2004-001", "The case with id NGA-2004-001",
		    IDS("NGA-2004-001"));
	expect_near(DB_LEGISLATION, "gbr-2015-msa", "The law with id gbr-2015-msa",
		    IDS("GBR-2015-MSA"));
	expect_near(DB_LEGISLATION, "nga-2004-001", NULL, NONE);
	expect_near(DB_CASES, "zzzqqxx", NULL, NONE);
	expect_near(DB_CASES, "siliadin", NULL, IDS("ECHR-2005-001"));

	/* labor finds what labour finds; harboring what harbouring does. */
	expect_count(DB_CASES, "labor", 22);
	expect_count(DB_CASES, "\"labour\"", 22);
	expect_count(DB_CASES, "harboring", 23);
}

/* A filter the id's record does not pass leaves the words to FTS5. */
static void test_id_with_filter(void **state)
{
	(void)state;
	struct dbstate d;
	struct search s;
	dbstate_init(&d, DB_CASES);
	assert_int_equal(dbstate_set_text(&d, "nga-2004-001"), 0);
	assert_int_equal(dbstate_set_filter(&d, "country", "France"), 0);
	dbstate_search(&d, &s);
	assert_int_equal(store_search_count(st, &s), 0);
	assert_null(dbstate_note(&d));
	assert_int_equal(dbstate_set_filter(&d, "country", "Nigeria"), 0);
	dbstate_search(&d, &s);
	assert_int_equal(store_search_count(st, &s), 1);
	assert_non_null(dbstate_note(&d));
	dbstate_free(&d);
}

/* unicode61 remove_diacritics 2: plain letters find accented words. */
static void test_search_diacritics(void **state)
{
	(void)state;
	expect_text(DB_CASES, "bogota", IDS("COL-2018-001"));
	expect_text(DB_CASES, "BOGOTÁ", IDS("COL-2018-001"));
	expect_text(DB_CASES, "vaupes", IDS("COL-2018-001"));
	expect_text(DB_CASES, "bardsen", IDS("NOR-2017-001"));
	expect_text(DB_CASES, "quebec", IDS("CAN-2013-001"));
	expect_text(DB_CASES, "piaui", IDS("IACTHR-2016-001"));
	expect_text(DB_BIBLIOGRAPHY, "stockl", IDS("BIB-2012-ORAM"));
	expect_text(DB_LEGISLATION, "trafico", IDS("BRA-2016-L13344"));
}

/* The snippet marks the matched word between \1 and \2. */
static void test_snippet(void **state)
{
	(void)state;
	struct typed t;
	struct result_page p;
	typed_init(&t, DB_CASES, "bogota");
	assert_int_equal(store_search_page(st, &t.s, 0, 5, &p), 0);
	assert_int_equal(p.n, 1);
	assert_null(p.v[0].snippet);   /* made only for the kiosk's list */
	snippet_page(st, DB_CASES, &p, t.q.terms, t.q.prefix, t.q.n_terms);
	assert_non_null(p.v[0].snippet);
	assert_non_null(strstr(p.v[0].snippet, "\1Bogotá\2"));
	assert_string_equal(p.v[0].cols[0], "Trafficking for domestic servitude of an "
			    "indigenous woman from Vaupés (Bogotá)");
	assert_string_equal(p.v[0].cols[1], "Colombia");
	assert_string_equal(p.v[0].cols[2], "2018");
	assert_string_equal(p.v[0].cols[3], "convicted");
	result_page_free(&p);
	query_free(&t.q);
	/* No words: no snippet. */
	struct search s = {.db = DB_CASES};
	assert_int_equal(store_search_page(st, &s, 0, 3, &p), 0);
	assert_int_equal(p.n, 3);
	assert_null(p.v[0].snippet);
	result_page_free(&p);
}

/* ---- filters ---------------------------------------------------------- */

static void test_filters(void **state)
{
	(void)state;
	struct search s = {.db = DB_CASES};
	add_filter(&s, "country", "Kenya");
	expect_ids(&s, IDS("KEN-2017-001", "KEN-2022-001"));

	s = (struct search){.db = DB_CASES};
	add_filter(&s, "outcome", "acquitted");
	expect_ids(&s, IDS("DEU-2007-001", "KEN-2022-001"));

	s = (struct search){.db = DB_CASES};
	add_filter(&s, "country", "United Kingdom");
	add_filter(&s, "outcome", "pending");   /* a retrial ordered */
	expect_ids(&s, IDS("GBR-2011-001"));

	s = (struct search){.db = DB_CASES};
	set_years(&s, "year", 2005, 2005);
	expect_ids(&s, IDS("ECHR-2005-001", "GBR-2005-001", "USA-2005-001"));
	s = (struct search){.db = DB_CASES};
	set_years(&s, "year", 2010, 2012);
	expect_ids(&s, IDS("ECHR-2010-001", "ECHR-2012-001", "GBR-2011-001",
		"USA-2010-001", "USA-2011-001", "CAN-2012-001", "PHL-2011-001",
		"ISR-2012-001", "DEU-2010-001"));
	s = (struct search){.db = DB_CASES};
	set_years(&s, "year", 2023, 0);
	expect_ids(&s, IDS("NPL-2024-001", "MYS-2023-001"));
	s = (struct search){.db = DB_CASES};
	set_years(&s, "year", 0, 2004);
	expect_ids(&s, IDS("NGA-2004-001", "IND-1990-001"));

	s = (struct search){.db = DB_CASES};
	add_filter(&s, "act", "Receipt");
	expect_ids(&s, IDS("ECHR-2005-001", "ECHR-2010-001", "ECHR-2012-001",
		"GBR-2005-001", "GBR-2011-001", "MYS-2023-001", "NAM-2018-001",
		"NAM-2019-001", "ROU-2008-001"));

	s = (struct search){.db = DB_LEGISLATION};
	add_filter(&s, "country", "India");
	expect_ids(&s, IDS("IND-2013-CLA", "IND-1956-ITPA"));
	s = (struct search){.db = DB_LEGISLATION};
	set_years(&s, "year", 2005, 2005);
	expect_ids(&s, IDS("CAN-2005-C49", "AUS-2005-TIP", "MDA-2005-L241",
		"GHA-2005-ACT694", "NLD-2005-273F"));

	s = (struct search){.db = DB_BIBLIOGRAPHY};
	set_years(&s, "year", 2014, 2014);
	add_filter(&s, "type", "book");
	expect_ids(&s, IDS("BIB-2014-GALLAGHER-DAVID", "BIB-2014-CARR-HTLP"));
	s = (struct search){.db = DB_BIBLIOGRAPHY};
	add_filter(&s, "country", "Nigeria");
	expect_ids(&s, IDS("BIB-2019-MILLETT-BARRETT", "BIB-2019-ALEMIKA-IFEAKANDU",
		"BIB-2015-OLUWABIYI", "BIB-2017-ACCORD-NGA"));

	/* A value nobody has, and one that looks like SQL: nothing, no error. */
	s = (struct search){.db = DB_CASES};
	add_filter(&s, "country", "Atlantis");
	expect_ids(&s, NONE);
	s = (struct search){.db = DB_CASES};
	add_filter(&s, "country", "x' OR '1'='1");
	expect_ids(&s, NONE);
}

/* Several values of one field: any of them (OR); fields still AND. */
static void check_facet_counts(const struct search *base, const char *field);

static void test_filter_values_or(void **state)
{
	(void)state;
	static const char *const uk_us[] = {"United Kingdom", "United States"};
	struct search uk = {.db = DB_CASES}, us = {.db = DB_CASES}, both = {.db = DB_CASES};
	add_filter(&uk, "country", "United Kingdom");
	add_filter(&us, "country", "United States");
	or_filter(&both, "country", uk_us, 2);
	long n_uk = store_search_count(st, &uk), n_us = store_search_count(st, &us);
	assert_true(n_uk > 0 && n_us > 0);
	assert_int_equal(store_search_count(st, &both), n_uk + n_us);
	/* AND with another field: each country's convictions, added up. */
	add_filter(&uk, "outcome", "convicted");
	add_filter(&us, "outcome", "convicted");
	add_filter(&both, "outcome", "convicted");
	assert_int_equal(store_search_count(st, &both),
			 store_search_count(st, &uk) + store_search_count(st, &us));
	/* The field's own values leave its counts alone; the other field's
	 * filter narrows them. */
	check_facet_counts(&both, "country");
	check_facet_counts(&both, "outcome");
	check_facet_counts(&both, "year");

	/* Values of a field a record lists several of: a case with both is
	 * counted once, as it is listed once. */
	static const char *const two_acts[] = {"Recruitment", "Transportation"};
	struct search acts = {.db = DB_CASES}, one = {.db = DB_CASES};
	or_filter(&acts, "act", two_acts, 2);
	or_filter(&one, "act", two_acts, 1);
	or_filter(&one, "act", two_acts + 1, 1);
	assert_true(store_search_count(st, &one) > 0);   /* some case has both */
	size_t listed;
	ids_free(ids_of(&acts, &listed));
	assert_int_equal(store_search_count(st, &acts), (long)listed);

	/* Through dbstate: repeated values count once, the 51st is refused. */
	struct dbstate ds;
	dbstate_init(&ds, DB_CASES);
	assert_int_equal(dbstate_add_filter_value(&ds, "country", "United Kingdom"), 0);
	assert_int_equal(dbstate_add_filter_value(&ds, "country", "United States"), 0);
	assert_int_equal(dbstate_add_filter_value(&ds, "country", "United Kingdom"), 0);
	const char *const *v;
	assert_int_equal(dbstate_filter_values(&ds, "country", &v), 2);
	struct search q;
	dbstate_search(&ds, &q);
	assert_int_equal(store_search_count(st, &q), n_uk + n_us);
	char desc[200];
	dbstate_describe(&ds, desc, sizeof desc);
	assert_string_equal(desc, "Country: United Kingdom, United States");
	dbstate_describe_fit(&ds, desc, sizeof desc, 30);
	assert_string_equal(desc, "Country: United Kingdom +1");
	char names[DBSTATE_MAX_VALUES + 1][8];
	const char *many[DBSTATE_MAX_VALUES + 1];
	for (int i = 0; i <= DBSTATE_MAX_VALUES; i++) {
		snprintf(names[i], sizeof names[i], "v%d", i);
		many[i] = names[i];
	}
	assert_int_equal(dbstate_set_filter_values(&ds, "country", many, DBSTATE_MAX_VALUES + 1),
			 DBSTATE_TOO_MANY);
	assert_int_equal(dbstate_filter_values(&ds, "country", &v), 2);
	assert_int_equal(dbstate_set_filter_values(&ds, "country", many, DBSTATE_MAX_VALUES), 0);
	dbstate_search(&ds, &q);
	assert_int_equal(store_search_count(st, &q), 0);   /* the biggest SQL still runs */
	assert_int_equal(dbstate_set_filter_values(&ds, "country", NULL, 0), 0);
	assert_false(dbstate_active(&ds));
	/* Year filters keep a range each. */
	assert_int_equal(dbstate_set_years_of(&ds, "year", "2010-2012"), 0);
	assert_int_equal(dbstate_set_years_of(&ds, "sentence_year", "2011"), 0);
	assert_int_equal(dbstate_set_years_of(&ds, "country", "2011"), -1);
	int from, to;
	dbstate_years(&ds, "year", &from, &to);
	assert_true(from == 2010 && to == 2012);
	dbstate_describe(&ds, desc, sizeof desc);
	assert_string_equal(desc, "Decision year: 2010-2012; Sentence date: 2011");
	dbstate_free(&ds);
}

static void test_filters_with_search(void **state)
{
	(void)state;
	struct typed t;
	typed_init(&t, DB_CASES, "servitude");
	add_filter(&t.s, "country", "United States");
	expect_ids(&t.s, IDS("USA-2005-001", "USA-2010-001", "USA-2011-001"));
	set_years(&t.s, "year", 2010, 0);
	expect_ids(&t.s, IDS("USA-2010-001", "USA-2011-001"));
	add_filter(&t.s, "outcome", "convicted");
	expect_ids(&t.s, IDS("USA-2010-001", "USA-2011-001"));
	set_years(&t.s, "year", 2010, 2010);
	expect_ids(&t.s, IDS("USA-2010-001"));
	query_free(&t.q);

	/* The same through dbstate, as the kiosk and the command line build it. */
	struct dbstate ds;
	struct search s;
	dbstate_init(&ds, DB_CASES);
	assert_int_equal(dbstate_set_text(&ds, "servitude -slavery"), 0);
	assert_int_equal(dbstate_set_filter(&ds, "country", "European Court of Human Rights"), 0);
	assert_int_equal(dbstate_set_years(&ds, "2005-2010"), 0);
	dbstate_search(&ds, &s);
	expect_ids(&s, IDS("ECHR-2005-001"));
	assert_int_equal(dbstate_set_years(&ds, "2006-"), 0);
	dbstate_search(&ds, &s);
	expect_ids(&s, IDS("ECHR-2012-001"));
	dbstate_free(&ds);
}

/* ---- facets ----------------------------------------------------------- */

/* Number of records of db whose record carries key (a column or "@list"). */
static long records_with(int db, const char *key)
{
	struct search s = {.db = db};
	struct result_page p;
	long n = 0;
	assert_int_equal(store_search_page(st, &s, 0, ALL, &p), 0);
	for (size_t i = 0; i < p.n; i++) {
		struct record r;
		assert_int_equal(store_record(st, db, p.v[i].rowid, &r), 0);
		n += record_value(&r, key) != NULL;
		record_free(&r);
	}
	result_page_free(&p);
	return n;
}

static long facet_sum(const struct search *s, const char *field)
{
	struct facet_list f;
	long sum = 0;
	assert_int_equal(store_facet(st, s, field, &f), 0);
	for (size_t i = 0; i < f.n; i++)
		sum += f.v[i].count;
	facet_list_free(&f);
	return sum;
}

/* Single-valued fields: the counts add up to the records that have one. */
static void test_facet_sums(void **state)
{
	(void)state;
	struct search cases = {.db = DB_CASES}, laws = {.db = DB_LEGISLATION},
		      bib = {.db = DB_BIBLIOGRAPHY};
	assert_int_equal(facet_sum(&cases, "country"), 46);
	assert_int_equal(facet_sum(&cases, "outcome"), records_with(DB_CASES, "outcome"));
	/* The htkp/2 sample: 38 cases whose charges give a verdict. */
	assert_int_equal(facet_sum(&cases, "outcome"), 38);
	assert_int_equal(facet_sum(&cases, "year"), records_with(DB_CASES, "year"));
	assert_int_equal(facet_sum(&laws, "country"), 33);
	assert_int_equal(facet_sum(&laws, "year"), records_with(DB_LEGISLATION, "year"));
	assert_int_equal(facet_sum(&laws, "year"), 33);   /* htkp/2: every law dated */
	assert_int_equal(facet_sum(&bib, "type"), records_with(DB_BIBLIOGRAPHY, "type"));
	assert_int_equal(facet_sum(&bib, "language"), 38);
	/* With a search: the counts add up to the records found with a value. */
	struct typed t;
	typed_init(&t, DB_CASES, "trafficking");
	assert_int_equal(facet_sum(&t.s, "country"), store_search_count(st, &t.s));
	query_free(&t.q);
}

/* Each count of field equals a search with that value as one more filter
 * (the field's own filter, or the year range for "year", replaced). */
static void check_facet_counts(const struct search *base, const char *field)
{
	struct facet_list f;
	assert_int_equal(store_facet(st, base, field, &f), 0);
	for (size_t i = 0; i < f.n; i++) {
		struct search s = *base;
		s.n_filters = 0;
		for (size_t k = 0; k < base->n_filters; k++)
			if (strcmp(base->filters[k].field, field) != 0)
				s.filters[s.n_filters++] = base->filters[k];
		const struct filter_info *fi = catalog_filter(base->db, field);
		bool year = fi && fi->kind == FILTER_YEAR;   /* "year", "sentence_year" */
		if (year)
			set_years(&s, field, atoi(f.v[i].value), atoi(f.v[i].value));
		else
			add_filter(&s, field, f.v[i].value);
		long want = store_search_count(st, &s);
		if (f.v[i].count != want || want <= 0)
			fail_msg("%s facet %s = %s: %ld, but a search finds %ld",
				 catalog[base->db].name, field, f.v[i].value, f.v[i].count, want);
		/* Years newest first, other values alphabetical. */
		if (i > 0) {
			int c = year ? strcmp(f.v[i - 1].value, f.v[i].value)
				     : strcasecmp(f.v[i].value, f.v[i - 1].value);
			if (c <= 0 && !(c == 0 && !year))
				fail_msg("%s facet %s: \"%s\" then \"%s\" out of order",
					 catalog[base->db].name, field, f.v[i - 1].value,
					 f.v[i].value);
		}
	}
	facet_list_free(&f);
}

static void test_facet_counts(void **state)
{
	(void)state;
	struct search s = {.db = DB_CASES};
	for (size_t i = 0; i < catalog[DB_CASES].n_filters; i++)
		check_facet_counts(&s, catalog[DB_CASES].filters[i].name);

	add_filter(&s, "country", "United Kingdom");
	check_facet_counts(&s, "outcome");
	check_facet_counts(&s, "year");
	check_facet_counts(&s, "act");
	check_facet_counts(&s, "country");

	set_years(&s, "year", 2010, 0);
	add_filter(&s, "outcome", "convicted");
	check_facet_counts(&s, "country");
	check_facet_counts(&s, "year");
	check_facet_counts(&s, "purpose");

	struct typed t;
	typed_init(&t, DB_CASES, "trafficking");
	add_filter(&t.s, "outcome", "convicted");
	check_facet_counts(&t.s, "country");
	check_facet_counts(&t.s, "outcome");
	check_facet_counts(&t.s, "means");
	query_free(&t.q);

	s = (struct search){.db = DB_LEGISLATION};
	check_facet_counts(&s, "topic");
	add_filter(&s, "topic", "victim protection");
	check_facet_counts(&s, "country");
	check_facet_counts(&s, "year");

	s = (struct search){.db = DB_BIBLIOGRAPHY};
	set_years(&s, "year", 2010, 0);
	for (size_t i = 0; i < catalog[DB_BIBLIOGRAPHY].n_filters; i++)
		check_facet_counts(&s, catalog[DB_BIBLIOGRAPHY].filters[i].name);
	add_filter(&s, "type", "report");
	check_facet_counts(&s, "country");
	check_facet_counts(&s, "keyword");
}

/* A filter's own facet ignores that filter: the picker offers the others. */
static void test_facet_own_filter(void **state)
{
	(void)state;
	struct search s = {.db = DB_CASES};
	add_filter(&s, "country", "Kenya");
	struct facet_list f;
	assert_int_equal(store_facet(st, &s, "country", &f), 0);
	assert_int_equal(f.n, 24);
	bool uk = false;
	for (size_t i = 0; i < f.n; i++)
		if (strcmp(f.v[i].value, "United Kingdom") == 0)
			uk = f.v[i].count == 7;
	assert_true(uk);
	facet_list_free(&f);

	s = (struct search){.db = DB_CASES};
	set_years(&s, "year", 2020, 0);
	assert_int_equal(facet_sum(&s, "year"), 46);
	assert_int_equal(facet_sum(&s, "country"), 7);
}

/* Every filter of the catalog offers values when the data has them. */
static void test_filters_have_values(void **state)
{
	(void)state;
	/* Every court named by a case is a value of the Court filter. */
	struct search s = {.db = DB_CASES};
	assert_int_equal(records_with(DB_CASES, "court"), 44);
	struct facet_list f;
	assert_int_equal(store_facet(st, &s, "court", &f), 0);
	size_t n = f.n;
	facet_list_free(&f);
	if (n == 0)
		fail_msg("the Court filter has no values, yet 44 cases have a court");
	/* And every filter of every database with data offers values. */
	for (int db = 0; db < DB_COUNT; db++) {
		struct search all = {.db = db};
		for (size_t i = 0; i < catalog[db].n_filters; i++) {
			const char *name = catalog[db].filters[i].name;
			assert_int_equal(store_facet(st, &all, name, &f), 0);
			n = f.n;
			facet_list_free(&f);
			if (n == 0)
				fail_msg("%s filter %s has no values", catalog[db].name, name);
		}
	}
}

/* ---- paging and sorting ------------------------------------------------ */

/* Fetches the whole result in pages of n and compares with one big page. */
static void check_paging(const struct search *s, int per_page)
{
	size_t total;
	char **all = ids_of(s, &total);
	assert_int_equal((long)total, store_search_count(st, s));
	size_t k = 0;
	for (long off = 0;; off += per_page) {
		struct result_page p;
		assert_int_equal(store_search_page(st, s, off, per_page, &p), 0);
		assert_true(p.n <= (size_t)per_page);
		for (size_t i = 0; i < p.n; i++, k++) {
			if (k >= total || strcmp(p.v[i].id, all[k]) != 0)
				fail_msg("%s sort %s: row %zu is %s, want %s", catalog[s->db].name,
					 sort_names[s->sort], k, p.v[i].id,
					 k < total ? all[k] : "(end)");
		}
		size_t got = p.n;
		result_page_free(&p);
		if (got < (size_t)per_page)
			break;
	}
	assert_int_equal(k, total);
	for (size_t i = 0; i < total; i++)
		for (size_t j = i + 1; j < total; j++)
			if (strcmp(all[i], all[j]) == 0)
				fail_msg("%s listed twice", all[i]);
	ids_free(all);
}

static void test_paging(void **state)
{
	(void)state;
	static const char *const words[DB_COUNT] = {"trafficking", "trafficking", "human"};
	for (int db = 0; db < DB_COUNT; db++)
		for (int sort = 0; sort < SORT_COUNT; sort++) {
			struct search s = {.db = db, .sort = sort};
			check_paging(&s, 7);
			check_paging(&s, 20);
			struct typed t;
			typed_init(&t, db, words[db]);
			t.s.sort = sort;
			assert_true(store_search_count(st, &t.s) > 9);
			check_paging(&t.s, 9);
			query_free(&t.q);
		}
	/* Past the end: an empty page, not an error. */
	struct search s = {.db = DB_CASES};
	struct result_page p;
	assert_int_equal(store_search_page(st, &s, 46, 20, &p), 0);
	assert_int_equal(p.n, 0);
	result_page_free(&p);
	assert_int_equal(store_search_page(st, &s, 40, 20, &p), 0);
	assert_int_equal(p.n, 6);
	result_page_free(&p);
}

/* The ids of s from offset, per_page at a time, to the end, through
 * whatever the store keeps of s. */
static char **paged_ids(struct store *from, const struct search *s, int per_page,
			size_t *n)
{
	char **ids = calloc(ALL + 1, sizeof *ids);
	size_t k = 0;
	for (long off = 0;; off += per_page) {
		struct result_page p;
		assert_int_equal(store_search_page(from, s, off, per_page, &p), 0);
		for (size_t i = 0; i < p.n && k < ALL; i++)
			ids[k++] = strdup(p.v[i].id);
		size_t got = p.n;
		result_page_free(&p);
		if (got < (size_t)per_page)
			break;
	}
	*n = k;
	return ids;
}

static void same_ids(const char *what, char **got, size_t n_got, char **want,
		     size_t n_want)
{
	for (size_t i = 0; i < n_got || i < n_want; i++)
		if (i >= n_got || i >= n_want || strcmp(got[i], want[i]) != 0)
			fail_msg("%s: row %zu is %s, want %s", what, i,
				 i < n_got ? got[i] : "(end)", i < n_want ? want[i] : "(end)");
}

/* Paging through the rowids the store keeps of a search gives the rows
 * the search itself gives, in the same order: every database and sort,
 * with words, filters, both, and neither. */
static void test_kept_pages(void **state)
{
	(void)state;
	static const char *const words[DB_COUNT] = {"trafficking", "trafficking", "human"};
	static const char *const two[] = {"United States", "Philippines"};
	for (int db = 0; db < DB_COUNT; db++)
		for (int sort = 0; sort < SORT_COUNT; sort++)
			for (int kind = 0; kind < 4; kind++) {
				struct typed t;
				typed_init(&t, db, kind & 1 ? words[db] : NULL);
				t.s.sort = sort;
				if (kind & 2 && db == DB_CASES)
					or_filter(&t.s, "country", two, 2);
				else if (kind & 2)
					set_years(&t.s, "year", 2000, 0);
				size_t n_want, n_got;
				char **want = ids_of(&t.s, &n_want);
				assert_true(kind & 2 || n_want > 3);
				store_forget(st);
				char **got = paged_ids(st, &t.s, 3, &n_got);
				char what[96];
				snprintf(what, sizeof what, "%s sort %s, %s%s", catalog[db].name,
					 sort_names[sort], kind & 1 ? "words" : "no words",
					 kind & 2 ? ", filter" : "");
				same_ids(what, got, n_got, want, n_want);
				ids_free(got);
				ids_free(want);
				query_free(&t.q);
			}
}

/* Searches that differ in one value only (a filter's second value, a
 * year, the sort, the id) each keep their own rows: paging through two
 * of them in turn gives each one's rows. */
static void test_kept_pages_apart(void **state)
{
	(void)state;
	static const char *const one[] = {"United States"};
	static const char *const two[] = {"United States", "Philippines"};
	struct typed a, b;
	typed_init(&a, DB_CASES, "trafficking");
	typed_init(&b, DB_CASES, "trafficking");
	struct search pairs[4][2];
	pairs[0][0] = a.s, pairs[0][1] = b.s;
	or_filter(&pairs[0][0], "country", one, 1);
	or_filter(&pairs[0][1], "country", two, 2);
	pairs[1][0] = a.s, pairs[1][1] = b.s;
	set_years(&pairs[1][0], "year", 2005, 0);
	set_years(&pairs[1][1], "year", 2006, 0);
	pairs[2][0] = a.s, pairs[2][1] = b.s;
	pairs[2][1].sort = SORT_TITLE;
	pairs[3][0] = a.s, pairs[3][1] = b.s;
	pairs[3][1].added_since = "2100-01-01";
	for (int i = 0; i < 4; i++) {
		size_t n0, n1;
		char **want0 = ids_of(&pairs[i][0], &n0), **want1 = ids_of(&pairs[i][1], &n1);
		for (long off = 0; off < (long)(n0 > n1 ? n0 : n1); off += 2)
			for (int j = 0; j < 2; j++) {
				struct result_page p;
				char **want = j ? want1 : want0;
				size_t n = j ? n1 : n0;
				assert_int_equal(store_search_page(st, &pairs[i][j], off, 2, &p), 0);
				for (size_t r = 0; r < p.n; r++)
					if ((size_t)off + r >= n || strcmp(p.v[r].id, want[off + (long)r]) != 0)
						fail_msg("pair %d, search %d: row %ld is %s", i, j,
							 off + (long)r, p.v[r].id);
				assert_int_equal(p.n, off >= (long)n ? 0 : n - (size_t)off < 2 ? n - (size_t)off : 2);
				result_page_free(&p);
			}
		ids_free(want0);
		ids_free(want1);
	}
	query_free(&a.q);
	query_free(&b.q);
}

/* The dates of a whole list, in order: decision dates for cases, years
 * otherwise; NULL when the record has none. */
static char **dates_of(const struct search *s, size_t *n)
{
	struct result_page p;
	assert_int_equal(store_search_page(st, s, 0, ALL, &p), 0);
	char **d = calloc(p.n + 1, sizeof *d);
	for (size_t i = 0; i < p.n; i++) {
		struct record r;
		assert_int_equal(store_record(st, s->db, p.v[i].rowid, &r), 0);
		const char *v = record_value(&r, catalog[s->db].date_col);
		d[i] = v ? strdup(v) : NULL;
		record_free(&r);
	}
	*n = p.n;
	result_page_free(&p);
	return d;
}

static void free_dates(char **d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(d[i]);
	free(d);
}

/* Dates run in order (descending for newest), records without one last. */
static void check_date_order(int db, int sort, const char *text)
{
	struct typed t;
	typed_init(&t, db, text);
	t.s.sort = sort;
	size_t n;
	char **d = dates_of(&t.s, &n), bad[200] = "";
	for (size_t i = 1; i < n && !bad[0]; i++) {
		if (!d[i - 1] && d[i])
			snprintf(bad, sizeof bad, "%s by %s: a record without a date comes "
				 "before one dated %s (row %zu)", catalog[db].name,
				 sort_names[sort], d[i], i);
		else if (d[i - 1] && d[i]
			 && (sort == SORT_NEWEST ? strcmp(d[i - 1], d[i]) < 0
						 : strcmp(d[i - 1], d[i]) > 0))
			snprintf(bad, sizeof bad, "%s by %s: %s before %s", catalog[db].name,
				 sort_names[sort], d[i - 1], d[i]);
	}
	free_dates(d, n);
	query_free(&t.q);
	if (bad[0])
		fail_msg("%s", bad);
}

static void test_sort_newest(void **state)
{
	(void)state;
	for (int db = 0; db < DB_COUNT; db++) {
		check_date_order(db, SORT_NEWEST, NULL);
		check_date_order(db, SORT_NEWEST, "trafficking");
	}
	/* Without words, relevance is the newest-first list. */
	for (int db = 0; db < DB_COUNT; db++) {
		struct search a = {.db = db, .sort = SORT_RELEVANCE}, b = {.db = db, .sort = SORT_NEWEST};
		size_t na, nb;
		char **x = ids_of(&a, &na), **y = ids_of(&b, &nb);
		assert_int_equal(na, nb);
		for (size_t i = 0; i < na; i++)
			assert_string_equal(x[i], y[i]);
		ids_free(x);
		ids_free(y);
	}
	struct search s = {.db = DB_CASES, .sort = SORT_NEWEST};
	char **ids = ids_of(&s, NULL);
	assert_string_equal(ids[0], "NPL-2024-001");
	assert_string_equal(ids[45], "IND-1990-001");
	ids_free(ids);
}

static void test_sort_oldest(void **state)
{
	(void)state;
	struct search s = {.db = DB_CASES, .sort = SORT_OLDEST};
	char **ids = ids_of(&s, NULL);
	assert_string_equal(ids[0], "IND-1990-001");
	assert_string_equal(ids[45], "NPL-2024-001");
	ids_free(ids);
	check_date_order(DB_CASES, SORT_OLDEST, NULL);
	check_date_order(DB_BIBLIOGRAPHY, SORT_OLDEST, NULL);
	check_date_order(DB_CASES, SORT_OLDEST, "trafficking");
}

/* Records without a date come last whatever the order: import gives them
 * the last rowids, and "oldest first" must not start with them
 * (NOR-PC1902-S224 has no year; IND-1956-ITPA, 1956, is the oldest). */
static void test_sort_oldest_undated_last(void **state)
{
	(void)state;
	check_date_order(DB_LEGISLATION, SORT_OLDEST, NULL);
}

static void test_sort_title(void **state)
{
	(void)state;
	for (int db = 0; db < DB_COUNT; db++) {
		struct search s = {.db = db, .sort = SORT_TITLE};
		struct result_page p;
		assert_int_equal(store_search_page(st, &s, 0, ALL, &p), 0);
		assert_int_equal((long)p.n, store_count(st, db));
		int title_col = db == DB_BIBLIOGRAPHY ? 2 : 0;
		for (size_t i = 1; i < p.n; i++)
			if (strcasecmp(p.v[i - 1].cols[title_col], p.v[i].cols[title_col]) > 0)
				fail_msg("%s by title: \"%s\" before \"%s\"", catalog[db].name,
					 p.v[i - 1].cols[title_col], p.v[i].cols[title_col]);
		result_page_free(&p);
	}
	struct search s = {.db = DB_CASES, .sort = SORT_TITLE};
	char **ids = ids_of(&s, NULL);
	assert_string_equal(ids[0], "KEN-2022-001");   /* Alibhai v Republic */
	assert_string_equal(ids[1], "EGY-2013-001");   /* Appeal No. 6772 */
	ids_free(ids);
}

/* With words, relevance ranks a word in the title above one in the text. */
static void test_sort_relevance(void **state)
{
	(void)state;
	struct typed t;
	typed_init(&t, DB_CASES, "servitude");
	char **ids = ids_of(&t.s, NULL);
	assert_string_equal(ids[0], "COL-2018-001");
	ids_free(ids);
	query_free(&t.q);
}

/* ---- records ----------------------------------------------------------- */

static void test_record_known_values(void **state)
{
	(void)state;
	struct record r;
	get_record(DB_CASES, "COL-2018-001", &r);
	assert_int_equal(r.db, DB_CASES);
	value_is(&r, "id", "COL-2018-001");
	value_is(&r, "title", "Trafficking for domestic servitude of an indigenous "
		     "woman from Vaupés (Bogotá)");
	value_is(&r, "country", "Colombia");
	value_is(&r, "decision_date", "2018-09");
	value_is(&r, "year", "2018");
	value_is(&r, "outcome", "convicted");
	value_is(&r, "court", NULL);
	value_is(&r, "cross_border", "0");
	value_is(&r, "victims_count", "1");
	value_is(&r, "victims_children", "0");
	value_is(&r, "@act", "Recruitment; Transportation; Harbouring");
	value_is(&r, "@means", "Deception; Abuse of power or of a position of vulnerability");
	value_is(&r, "@victim_nationality", "Colombian");
	assert_int_equal(r.n_proc, 0);
	assert_int_equal(r.n_links, 0);
	record_free(&r);

	get_record(DB_CASES, "NOR-2017-001", &r);
	value_is(&r, "court", "Supreme Court of Norway (Høyesterett)");
	assert_non_null(strstr(record_value(&r, "summary"), "Justice Bårdsen"));
	record_free(&r);

	get_record(DB_CASES, "CAN-2013-001", &r);
	value_is(&r, "court", "Cour d'appel du Québec (Quebec Court of Appeal)");
	value_is(&r, "decision_date", "2013");
	record_free(&r);

	get_record(DB_LEGISLATION, "BRA-2016-L13344", &r);
	value_is(&r, "title", "Lei nº 13.344, de 6 de outubro de 2016 (tráfico de pessoas)");
	value_is(&r, "year", "2016");
	record_free(&r);

	/* The htkp/2 sample dates the Code by its title's year. */
	get_record(DB_LEGISLATION, "NOR-PC1902-S224", &r);
	value_is(&r, "year", "1902");
	record_free(&r);

	get_record(DB_BIBLIOGRAPHY, "BIB-2012-ORAM", &r);
	value_is(&r, "@author", "Oram, Siân; Stöckl, Heidi; Busza, Joanna; "
		     "Howard, Louise M.; Zimmerman, Cathy");
	value_is(&r, "doi", "10.1371/journal.pmed.1001224");
	value_is(&r, "@method", "review");
	value_is(&r, "method", "systematic review");
	assert_int_equal(r.n_links, 0);
	record_free(&r);

	/* No such record. */
	assert_int_equal(store_find_id(st, DB_CASES, "NOPE-0000"), 0);
	assert_int_equal(store_find_id(st, DB_CASES, "x' OR '1'='1"), 0);
	assert_int_equal(store_find_id(st, DB_LEGISLATION, "COL-2018-001"), 0);
	assert_int_equal(store_record(st, DB_CASES, 999999, &r), 1);
	record_free(&r);
}

/* A case's laws, and each law's cases, both ways and in order. */
/* The links of r in its list ("Laws applied"), leaving out a charge's
 * statute and the cases under a law's provisions. */
static size_t listed_links(const struct record *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_links; i++)
		n += r->links[i].place == LINK_LISTED;
	return n;
}

static void test_links(void **state)
{
	(void)state;
	struct record r;
	get_record(DB_CASES, "KEN-2017-001", &r);
	assert_int_equal(listed_links(&r), 1);
	/* Its charge's statute links to the same law, at article 3. */
	assert_int_equal(r.n_links, 2);
	assert_int_equal(r.links[1].place, LINK_CHARGE);
	assert_string_equal(r.links[1].id, "KEN-2010-CTIP");
	assert_string_equal(r.links[1].article, "3");
	assert_int_equal(r.links[0].db, DB_LEGISLATION);
	assert_string_equal(r.links[0].id, "KEN-2010-CTIP");
	assert_string_equal(r.links[0].title, "Counter-Trafficking in Persons Act, No. 8 of 2010");
	assert_string_equal(r.links[0].country, "Kenya");
	assert_string_equal(r.links[0].year, "2010");
	long law = r.links[0].rowid;
	record_free(&r);

	assert_int_equal(store_record(st, DB_LEGISLATION, law, &r), 0);
	value_is(&r, "id", "KEN-2010-CTIP");
	assert_int_equal(listed_links(&r), 2);
	assert_int_equal(r.links[0].db, DB_CASES);
	assert_string_equal(r.links[0].id, "KEN-2022-001");
	assert_string_equal(r.links[1].id, "KEN-2017-001");
	assert_string_equal(r.links[1].year, "2017");
	record_free(&r);

	/* Every link from a case is in the law's links, and back. */
	long total = 0;
	for (int db = DB_CASES; db <= DB_LEGISLATION; db++) {
		struct search s = {.db = db};
		struct result_page p;
		assert_int_equal(store_search_page(st, &s, 0, ALL, &p), 0);
		for (size_t i = 0; i < p.n; i++) {
			assert_int_equal(store_record(st, db, p.v[i].rowid, &r), 0);
			for (size_t k = 0; k < r.n_links; k++) {
				struct record o;
				assert_int_equal(store_record(st, r.links[k].db, r.links[k].rowid, &o), 0);
				value_is(&o, "id", r.links[k].id);
				bool back = false;
				for (size_t j = 0; j < o.n_links; j++)
					back |= o.links[j].rowid == p.v[i].rowid && o.links[j].db == db;
				if (!back)
					fail_msg("%s links to %s, but not back", p.v[i].id, r.links[k].id);
				record_free(&o);
				total += db == DB_CASES && r.links[k].place == LINK_LISTED;
			}
			record_free(&r);
		}
		result_page_free(&p);
	}
	assert_int_equal(total, 25);
}

/* Every record read back against the seed JSON, field by field, using
 * SQLite's JSON functions on the file (independent of htkp-import). */
struct json_field {
	const char *path;   /* JSON path within a record */
	const char *key;    /* record_value key */
	bool list;
};

/* The htkp/2 members the shipped sample has; what the import works out
 * (the verdict, the year, the sources' lines) is checked elsewhere. */
static const struct json_field case_json[] = {
	{"$.title", "title", 0}, {"$.country", "country", 0}, {"$.court", "court", 0},
	{"$.decision_date", "decision_date", 0}, {"$.sentence", "sentence", 0},
	{"$.summary", "summary", 0}, {"$.commentary", "commentary", 0},
	{"$.crime_type", "crime_type", 0}, {"$.case_number", "case_number", 0},
	{"$.sentence_date", "sentence_date", 0}, {"$.author", "author", 0},
	{"$.procedure.legal_system", "legal_system", 0},
	{"$.procedure.latest_ruling", "latest_ruling", 0},
	{"$.procedure.proceeding_type", "proceeding_type", 0},
	{"$.court_location", "court_location", 0}, {"$.court_type", "court_type", 0},
	{"$.decision_url", "decision_url", 0},
	{"$.victims.count", "victims_count", 0},
	{"$.victims.children", "victims_children", 0}, {"$.victims.age", "victims_age", 0},
	{"$.keywords.acts", "@act", 1}, {"$.keywords.means", "@means", 1},
	{"$.keywords.purposes", "@purpose", 1}, {"$.keywords.form", "@form", 1},
	{"$.keywords.sectors", "@sector", 1}, {"$.keywords.cooperation", "@cooperation", 1},
	{"$.cross_cutting", "@cross_cutting", 1},
	{"$.countries_involved", "@country_involved", 1},
	{"$.victims.gender", "@victim_gender", 1},
	{"$.victims.nationalities", "@victim_nationality", 1},
	{NULL, NULL, 0},
};
static const struct json_field law_json[] = {
	{"$.title", "title", 0}, {"$.country", "country", 0},
	{"$.summary", "summary", 0}, {"$.url", "url", 0}, {"$.topics", "@topic", 1},
	{"$.instrument_type", "instrument_type", 0}, {"$.adopted", "adopted", 0},
	{"$.in_force", "in_force", 0}, {"$.status", "status", 0},
	{"$.offences", "@offence", 1}, {"$.acts", "@act", 1}, {"$.means", "@means", 1},
	{"$.purposes", "@purpose", 1},
	{NULL, NULL, 0},
};
static const struct json_field bib_json[] = {
	{"$.title", "title", 0}, {"$.year", "year", 0}, {"$.type", "type", 0},
	{"$.publisher", "publisher", 0}, {"$.method", "method", 0},
	{"$.synopsis", "abstract", 0}, {"$.language", "language", 0},
	{"$.url", "url", 0}, {"$.doi", "doi", 0}, {"$.isbn", "isbn", 0},
	{"$.authors", "@author", 1}, {"$.countries", "@country", 1},
	{"$.keywords", "@keyword", 1}, {"$.methods", "@method", 1},
	{NULL, NULL, 0},
};

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The JSON value at path of record json: text, a number or boolean as
 * text, a list joined by "; ". NULL when missing, null, "" or []. */
static char *json_value(sqlite3 *j, const char *json, const struct json_field *f)
{
	const char *sql = f->list
		? "SELECT group_concat(v, '; ') FROM (SELECT canon(?3, value) AS v,"
		  " min(key) AS k FROM json_each(?1, ?2) GROUP BY v ORDER BY k)"
		: "SELECT canon(?3, CASE json_type(?1, ?2) WHEN 'true' THEN '1'"
		  " WHEN 'false' THEN '0' ELSE json_extract(?1, ?2) END)";
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(j, sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, f->path, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, f->key ? f->key : "", -1, SQLITE_STATIC);
	char *v = NULL;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		v = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (v && !*v) {
		free(v);
		v = NULL;
	}
	return v;
}

/* The ids of the laws a case's JSON names: its charges' laws in order,
 * then its legislation list, each once. NULL when none. */
static char *case_laws(sqlite3 *j, const char *json)
{
	const char *sql =
		"SELECT group_concat(v, '; ') FROM (SELECT v, min(k) AS k FROM ("
		"  SELECT json_extract(c.value, '$.law') AS v, d.key * 1000 + c.key AS k"
		"  FROM json_each(?1, '$.defendants') AS d, json_each(d.value, '$.charges') AS c"
		"  UNION ALL SELECT value, 1000000 + key FROM json_each(?1, '$.legislation'))"
		"  WHERE v IS NOT NULL GROUP BY v ORDER BY k)";
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(j, sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	char *v = NULL;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		v = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

/* The number of elements of the array at f->path, as text ("0" when none). */
static char *json_count(sqlite3 *j, const char *json, const struct json_field *f)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(j, "SELECT count(*) FROM json_each(?1, ?2)",
					    -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, f->path, -1, SQLITE_STATIC);
	char *v = NULL;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

static void test_records_match_seed(void **state)
{
	(void)state;
	static const char *const arrays[DB_COUNT] = {"$.cases", "$.legislation", "$.bibliography"};
	static const struct json_field *const fields[DB_COUNT] = {case_json, law_json, bib_json};
	char *seed = read_file(SEED_PATH);
	sqlite3 *j;
	assert_int_equal(sqlite3_open(":memory:", &j), SQLITE_OK);
	assert_int_equal(seed_words_register(j), SQLITE_OK);
	for (int db = 0; db < DB_COUNT; db++) {
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_prepare_v2(j, "SELECT json_extract(value, '$.id'), value"
						    " FROM json_each(?1, ?2)", -1, &s, NULL), SQLITE_OK);
		sqlite3_bind_text(s, 1, seed, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, arrays[db], -1, SQLITE_STATIC);
		long n = 0;
		while (sqlite3_step(s) == SQLITE_ROW) {
			const char *id = (const char *)sqlite3_column_text(s, 0);
			char *json = strdup((const char *)sqlite3_column_text(s, 1));
			struct record r;
			get_record(db, id, &r);
			for (const struct json_field *f = fields[db]; f->path; f++) {
				char *want = json_value(j, json, f);
				value_is(&r, f->key, want);
				free(want);
			}
			/* The laws a case applied, in the order htkp-import(1) gives:
			 * the charges' laws first, then the further ones listed. */
			if (db == DB_CASES) {
				char *want = case_laws(j, json), got[2000] = "";
				for (size_t k = 0; k < r.n_links; k++)
					if (r.links[k].place == LINK_LISTED)
						snprintf(got + strlen(got), sizeof got - strlen(got),
							 "%s%s", got[0] ? "; " : "", r.links[k].id);
				if (strcmp(want ? want : "", got) != 0)
					fail_msg("%s: laws \"%s\", want \"%s\"", id, got, want ? want : "");
				free(want);
				struct json_field pf = {"$.procedure.instances", NULL, 1};
				char *inst = json_count(j, json, &pf);
				assert_int_equal(r.n_proc, atol(inst));
				free(inst);
			}
			record_free(&r);
			free(json);
			n++;
		}
		sqlite3_finalize(s);
		assert_int_equal(n, store_count(st, db));
	}
	sqlite3_close(j);
	free(seed);
}

/* Proceedings: the sample has none, so import the test fixture (which has
 * two instances) with the real htkp-import and read it back. */
static void test_proceedings(void **state)
{
	(void)state;
	if (access("./htkp-import", X_OK) != 0)
		skip();
	char path[] = "/tmp/htkp-test-store-XXXXXX", db[64], cmd[256];
	assert_non_null(mkdtemp(path));
	snprintf(db, sizeof db, "%s/t.db", path);
	snprintf(cmd, sizeof cmd, "./htkp-import -o %s tests/data/import/good.json "
		 ">/dev/null 2>&1", db);
	assert_int_equal(system(cmd), 0);
	char err[512];
	struct store *t = store_open(db, err, sizeof err);
	assert_non_null(t);
	long rowid = store_find_id(t, DB_CASES, "TST-2019-001");
	assert_true(rowid > 0);
	struct record r;
	assert_int_equal(store_record(t, DB_CASES, rowid, &r), 0);
	assert_int_equal(r.n_proc, 2);
	assert_string_equal(r.proc[0].court, "District Court");
	assert_string_equal(r.proc[0].date, "2018-11");
	assert_string_equal(r.proc[0].decision, "Convicted");
	assert_string_equal(r.proc[0].outcome, "convicted");
	assert_string_equal(r.proc[0].sentence, "4 years");
	assert_string_equal(r.proc[1].court, "High Court of Testland");
	assert_string_equal(r.proc[1].decision, "Appeal dismissed, sentence raised");
	assert_null(r.proc[1].outcome);
	assert_null(r.proc[1].sentence);
	value_is(&r, "title", "Prosecutor v. Example");
	value_is(&r, "@act", "Recruitment; Harbouring");
	value_is(&r, "legal_system", "common law");
	assert_int_equal(r.n_links, 2);
	assert_string_equal(r.links[0].id, "TST-LAW-1");
	assert_string_equal(r.links[1].id, "TST-LAW-2");
	assert_null(r.links[1].year);
	record_free(&r);
	store_close(t);
	snprintf(cmd, sizeof cmd, "rm -rf %s", path);
	assert_int_equal(system(cmd), 0);
}

/* ---- hostile search text ------------------------------------------------ */

/* The FIELD-NOTES list of inputs FTS5 rejects or misreads, and more. */
static const char *const hostile[][2] = {
	{"forced-labour", "forced-labour"}, {"who's", "who's"}, {"art. 4", "art. 4"},
	{"50%", "50%"}, {"c++", "c++"}, {"(", "("}, {"NEAR(", "NEAR("},
	{"NEAR group", "NEAR(forced labour, 2)"}, {"trafficking OR", "trafficking OR"},
	{"OR", "OR"}, {"AND", "AND"}, {"NOT", "NOT"}, {"\"unbalanced", "\"unbalanced"},
	{"lone quote", "\""}, {"*", "*"}, {"-forced", "-forced"}, {"^forced", "^forced"},
	{"body:forced", "body:forced"}, {"title:forced", "title:forced"},
	{"{title body}:forced", "{title body}:forced"},
	{"'; DROP TABLE cases; --", "'; DROP TABLE cases; --"},
	{"' OR '1'='1", "' OR '1'='1"}, {"quote break", "x\" OR rowid > 0 OR \""},
	{"UNION", "x' UNION SELECT sql FROM sqlite_master --"},
	{"AND NOT", "forced AND NOT labour"}, {"backslashes", "\\\"forced\\\""},
	{"control characters", "\x01\x1b[31mforced\x7f"},
	{"bytes not UTF-8", "\xff\xfe trafficking"}, {"empty", ""}, {"spaces", "   "},
};

static void test_hostile(void **state)
{
	const char *input = *state;
	for (int db = 0; db < DB_COUNT; db++)
		for (int sort = 0; sort < SORT_COUNT; sort++) {
			struct typed t;
			typed_init(&t, db, input);
			t.s.sort = sort;
			long n = store_search_count(st, &t.s);
			if (n < 0)
				fail_msg("%s: count failed: %s", catalog[db].name, store_error(st));
			struct result_page p;
			if (store_search_page(st, &t.s, 0, 20, &p) != 0)
				fail_msg("%s: page failed: %s", catalog[db].name, store_error(st));
			assert_int_equal((long)p.n, n < 20 ? n : 20);
			result_page_free(&p);
			struct facet_list f;
			assert_int_equal(store_facet(st, &t.s, "country", &f), 0);
			facet_list_free(&f);
			add_filter(&t.s, "country", "'; DROP TABLE cases; --");
			assert_int_equal(store_search_count(st, &t.s), 0);
			query_free(&t.q);
		}
	/* Nothing was dropped. */
	assert_int_equal(store_count(st, DB_CASES), 46);
}

/* ---- store_open refuses what is not an htkp database ------------------- */

static char tmpdir[] = "/tmp/htkp-test-open-XXXXXX";

static void write_bytes(const char *path, const void *b, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, n, f), n);
	fclose(f);
}

static void make_sqlite(const char *path, const char *sql)
{
	sqlite3 *d;
	unlink(path);
	assert_int_equal(sqlite3_open(path, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(d);
}

static void expect_refused(const char *path)
{
	char err[512] = "";
	struct store *s = store_open(path, err, sizeof err);
	if (s) {
		store_close(s);
		fail_msg("store_open accepted %s", path);
	}
	if (!err[0] || !strstr(err, path) || strchr(err, '\n'))
		fail_msg("error for %s should be one line naming it: \"%s\"", path, err);
	printf("# %s\n", err);
}

static void test_open_bad_files(void **state)
{
	(void)state;
	char p[256];
	assert_non_null(mkdtemp(tmpdir));

	snprintf(p, sizeof p, "%s/missing.db", tmpdir);
	expect_refused(p);

	snprintf(p, sizeof p, "%s/empty.db", tmpdir);
	write_bytes(p, "", 0);
	expect_refused(p);

	unsigned char junk[8192];
	srand(42);
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (unsigned char)rand();
	snprintf(p, sizeof p, "%s/random.db", tmpdir);
	write_bytes(p, junk, sizeof junk);
	expect_refused(p);

	/* The SQLite header, then garbage: looks like a database, is not. */
	memcpy(junk, "SQLite format 3", 16);
	snprintf(p, sizeof p, "%s/header.db", tmpdir);
	write_bytes(p, junk, sizeof junk);
	expect_refused(p);

	snprintf(p, sizeof p, "%s/plain.db", tmpdir);
	make_sqlite(p, "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hi');");
	expect_refused(p);

	snprintf(p, sizeof p, "%s/future.db", tmpdir);
	make_sqlite(p, "CREATE TABLE cases (x); PRAGMA user_version = 99;");
	expect_refused(p);

	/* The right version number, but no tables. */
	snprintf(p, sizeof p, "%s/hollow.db", tmpdir);
	make_sqlite(p, "CREATE TABLE notes (x); PRAGMA user_version = 4;");
	expect_refused(p);

	/* A directory. */
	expect_refused(tmpdir);

	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	assert_int_equal(system(cmd), 0);
}

/* A file of schema version 4 (before tables vocab and word_counts) is
 * read as it was: prefixes find what they found, the slower way. */
static void test_schema_4(void **state)
{
	(void)state;
	char dir[] = "/tmp/htkp-test-v4-XXXXXX", p[64], cmd[256], err[512] = "";
	assert_non_null(mkdtemp(dir));
	snprintf(p, sizeof p, "%s/v4.db", dir);
	snprintf(cmd, sizeof cmd, "cp " DB_PATH " %s", p);
	assert_int_equal(system(cmd), 0);
	sqlite3 *d;
	assert_int_equal(sqlite3_open(p, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, "DROP TABLE vocab; DROP TABLE word_counts;"
				      " PRAGMA user_version = 4", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(d);
	struct store *v4 = store_open(p, err, sizeof err);
	if (!v4)
		fail_msg("%s", err);
	struct typed prefix;
	typed_init(&prefix, DB_LEGISLATION, "organ*");
	assert_int_equal(store_search_count(v4, &prefix.s), 16);
	int words[4];
	bool failed;
	assert_null(fts_expand(v4, DB_LEGISLATION, "\"organ\"*", words, 4, &failed));
	query_free(&prefix.q);
	store_close(v4);
	/* A version 4 file with the table is not what version 4 was. */
	assert_int_equal(system(cmd), 0);
	assert_int_equal(sqlite3_open(p, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, "PRAGMA user_version = 4", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(d);
	expect_refused(p);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* A new file renamed over the old one is picked up; nothing else is. */
static void test_reopen(void **state)
{
	(void)state;
	char dir[] = "/tmp/htkp-test-reopen-XXXXXX", a[64], b[64], cmd[256], err[512];
	assert_non_null(mkdtemp(dir));
	snprintf(a, sizeof a, "%s/h.db", dir);
	snprintf(b, sizeof b, "%s/new.db", dir);
	snprintf(cmd, sizeof cmd, "cp " DB_PATH " %s && cp " DB_PATH " %s", a, b);
	assert_int_equal(system(cmd), 0);
	struct store *s = store_open(a, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(store_reopen_if_replaced(s), 0);
	assert_int_equal(rename(b, a), 0);
	assert_int_equal(store_reopen_if_replaced(s), 1);
	assert_int_equal(store_count(s, DB_CASES), 46);
	assert_int_equal(store_reopen_if_replaced(s), 0);
	/* Replaced by junk: keep reading the good file already open. */
	write_bytes(b, "junk", 4);
	assert_int_equal(rename(b, a), 0);
	assert_int_equal(store_reopen_if_replaced(s), 0);
	assert_int_equal(store_count(s, DB_CASES), 46);
	store_close(s);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* Writes the seed without the case with this id to path. */
static void without_case(const char *id, const char *path)
{
	char *seed = read_file(SEED_PATH);
	sqlite3 *j;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(":memory:", &j), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(j,
		"SELECT json_remove(?1, '$.cases[' || (SELECT key FROM json_each(?1, '$.cases')"
		" WHERE json_extract(value, '$.id') = ?2) || ']')", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, seed, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs((const char *)sqlite3_column_text(st, 0), f);
	assert_int_equal(fclose(f), 0);
	sqlite3_finalize(st);
	sqlite3_close(j);
	free(seed);
}

/* A file renamed into place drops what the store kept of the old one:
 * the same search, paged again, gives the new file's rows. The new file
 * here no longer holds the old first result. */
static void test_kept_dropped_on_replace(void **state)
{
	(void)state;
	char dir[] = "/tmp/htkp-test-kept-XXXXXX", a[64], b[64], cmd[256], err[512];
	assert_non_null(mkdtemp(dir));
	snprintf(a, sizeof a, "%s/h.db", dir);
	snprintf(b, sizeof b, "%s/new.db", dir);
	snprintf(cmd, sizeof cmd, "cp " DB_PATH " %s", a);
	assert_int_equal(system(cmd), 0);
	struct store *s = store_open(a, err, sizeof err);
	assert_non_null(s);
	struct typed t;
	typed_init(&t, DB_CASES, "trafficking");
	struct result_page p;
	assert_int_equal(store_search_page(s, &t.s, 0, 3, &p), 0);
	assert_int_equal(p.n, 3);
	char *first_id = strdup(p.v[0].id);
	result_page_free(&p);

	/* The new file: the sample imported again without that case (the
	 * index keeps no text to delete a row by: content = ''). */
	char json[96];
	snprintf(json, sizeof json, "%s/less.json", dir);
	without_case(first_id, json);
	snprintf(cmd, sizeof cmd, "./htkp-import -o %s %s >/dev/null", b, json);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(rename(b, a), 0);
	assert_int_equal(store_reopen_if_replaced(s), 1);

	struct store *fresh = store_open(a, err, sizeof err);
	assert_non_null(fresh);
	size_t n_want, n_got;
	char **want = paged_ids(fresh, &t.s, ALL, &n_want);
	char **got = paged_ids(s, &t.s, 3, &n_got);
	for (size_t i = 0; i < n_got; i++)
		if (strcmp(got[i], first_id) == 0)
			fail_msg("%s, gone from the new file, is still listed", first_id);
	same_ids("after the replace", got, n_got, want, n_want);
	ids_free(got);
	ids_free(want);
	free(first_id);
	query_free(&t.q);
	store_close(fresh);
	store_close(s);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* ---- main ----------------------------------------------------------------- */

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	struct CMUnitTest tests[80];
	size_t n = 0;
	const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_search_words),
		cmocka_unit_test(test_search_phrase),
		cmocka_unit_test(test_search_prefix),
		cmocka_unit_test(test_prefix_words),
		cmocka_unit_test(test_search_or_not),
		cmocka_unit_test(test_search_diacritics),
		cmocka_unit_test(test_near_misses),
		cmocka_unit_test(test_id_with_filter),
		cmocka_unit_test(test_snippet),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_filters_with_search),
		cmocka_unit_test(test_filter_values_or),
		cmocka_unit_test(test_facet_sums),
		cmocka_unit_test(test_facet_counts),
		cmocka_unit_test(test_facet_own_filter),
		cmocka_unit_test(test_filters_have_values),
		cmocka_unit_test(test_paging),
		cmocka_unit_test(test_kept_pages),
		cmocka_unit_test(test_kept_pages_apart),
		cmocka_unit_test(test_sort_newest),
		cmocka_unit_test(test_sort_oldest),
		cmocka_unit_test(test_sort_oldest_undated_last),
		cmocka_unit_test(test_sort_title),
		cmocka_unit_test(test_sort_relevance),
		cmocka_unit_test(test_record_known_values),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_records_match_seed),
		cmocka_unit_test(test_proceedings),
		cmocka_unit_test(test_open_bad_files),
		cmocka_unit_test(test_schema_4),
		cmocka_unit_test(test_reopen),
		cmocka_unit_test(test_kept_dropped_on_replace),
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		tests[n++] = fixed[i];
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		tests[n] = (struct CMUnitTest)cmocka_unit_test_prestate(test_hostile,
									 (void *)hostile[i][1]);
		tests[n++].name = hostile[i][0];
	}
	return _cmocka_run_group_tests("store", tests, n, group_setup, group_teardown);
}
