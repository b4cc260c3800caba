/* test_query.c: unit tests for src/query.c. Every input, ordinary or
 * hostile, must parse, and its expression must prepare and run against a
 * real FTS5 table built like the kiosk's; the behavioural tests check which
 * rows the expressions find and what the highlighting terms are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "query/query.h"

#define N_ROWS 14

static sqlite3 *db;

static const struct row {
	const char *title, *body;
} rows[N_ROWS] = {
	/*  1 */ { "Forced labour in fisheries", "Victims were forced to work at sea." },
	/*  2 */ { "A forced-labour case", "Brick kilns." },
	/*  3 */ { "\xc3\x96zt\xc3\xbcrk v. Turkey", "Judgment of the court." },
	/*  4 */ { "Who's responsible", "Recruiters." },
	/*  5 */ { "Art. 4 of the Code", "Definition of trafficking." },
	/*  6 */ { "c++ tooling", "Software." },
	/*  7 */ { "50% of victims", "Were children." },
	/*  8 */ { "Child soldiers", "Armed groups." },
	/*  9 */ { "Minor witnesses", "Testimony." },
	/* 10 */ { "Sexual exploitation", "forced prostitution" },
	/* 11 */ { "\xe4\xba\xba\xe5\x8f\xa3\xe8\xb4\xa9\xe5\x8d\x96\xe6\xa1\x88\xe4\xbb\xb6",
			   "\xe4\xb8\xad\xe5\x9b\xbd" },                      /* 人口贩卖案件, 中国 */
	/* 12 */ { "\xd0\xa2\xd0\xbe\xd1\x80\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbb\xd1\x8f "
			   "\xd0\xbb\xd1\x8e\xd0\xb4\xd1\x8c\xd0\xbc\xd0\xb8",
			   "\xd0\xa0\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd1\x8f" }, /* Торговля людьми, Россия */
	/* 13 */ { "Autopsy report", "the body: forced entry" },
	/* 14 */ { "Labour inspection", "forced overtime" },
};

static int setup_db(void **state)
{
	(void)state;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		return -1;
	if (sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, body, "
					 "tokenize='unicode61 remove_diacritics 2')",
					 NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO t(rowid, title, body) VALUES(?, ?, ?)",
						   -1, &st, NULL) != SQLITE_OK)
		return -1;
	for (int i = 0; i < N_ROWS; i++) {
		sqlite3_bind_int(st, 1, i + 1);
		sqlite3_bind_text(st, 2, rows[i].title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, rows[i].body, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			return -1;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

static int teardown_db(void **state)
{
	(void)state;
	sqlite3_close(db);
	return 0;
}

/* Runs a MATCH expression; fails the test on any SQLite error. Returns the
 * number of rows, their rowids in rowid order in out (up to N_ROWS). */
static size_t run_match(const char *fts, sqlite3_int64 *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid",
								-1, &st, NULL);
	assert_int_equal(rc, SQLITE_OK);
	sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
	size_t n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		assert_true(n < N_ROWS);
		out[n++] = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE)
		fail_msg("MATCH %s: %s", fts, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return n;
}

/* What must hold for any parse: sizes in bounds, an expression exactly
 * when there is a positive term, clean terms. */
static void check_invariants(const char *input, const struct query *q)
{
	assert_true(q->n_terms <= QUERY_MAX_TERMS);
	assert_true(q->n_alts <= QUERY_MAX_ALTS);
	assert_int_equal(q->fts != NULL, q->n_terms > 0);
	if (q->fts == NULL)
		assert_true(q->terms == NULL && q->prefix == NULL);
	for (size_t i = 0; i < q->n_terms; i++) {
		const char *t = q->terms[i];
		assert_non_null(t);
		assert_true(t[0] != '\0' && t[0] != ' ');
		assert_true(strlen(t) <= QUERY_MAX_BYTES);
		assert_null(u8_check((const uint8_t *)t, strlen(t)));
		for (const unsigned char *c = (const unsigned char *)t; *c; c++)
			assert_true(*c >= 0x20 && *c != 0x7f);
	}
	if (q->fts != NULL)
		assert_true(strlen(q->fts) <= QUERY_MAX_FTS_BYTES);
	for (size_t i = 0; i < q->n_alts; i++) {
		assert_true(strlen(q->alts[i].fts) <= QUERY_MAX_FTS_BYTES);
		assert_non_null(q->alts[i].note);
		assert_null(strchr(q->alts[i].note, '\n'));
		assert_null(u8_check((const uint8_t *)q->alts[i].note, strlen(q->alts[i].note)));
	}
	(void)input;
}

/* Parses input and runs its expression; returns the row count or -1 when
 * the input gave no expression. */
static long check_safe(const char *input)
{
	struct query q;
	assert_int_equal(query_parse(input, &q), 0);
	check_invariants(input, &q);
	long n = -1;
	if (q.fts != NULL) {
		sqlite3_int64 found[N_ROWS];
		n = (long)run_match(q.fts, found);
		for (size_t i = 0; i < q.n_alts; i++)
			run_match(q.alts[i].fts, found);
	}
	query_free(&q);
	return n;
}

static void test_safe(void **state)
{
	assert_non_null(*state);
	check_safe(*state);
}

/* Asserts that input finds exactly the rows listed (0-terminated). */
static void expect_rows(const char *input, const sqlite3_int64 *want)
{
	struct query q;
	assert_int_equal(query_parse(input, &q), 0);
	if (q.fts == NULL)
		fail_msg("%s: no expression", input);
	sqlite3_int64 got[N_ROWS];
	size_t n = run_match(q.fts, got), n_want = 0;
	while (want[n_want] != 0)
		n_want++;
	if (n != n_want || memcmp(got, want, n * sizeof *got) != 0) {
		fprintf(stderr, "# %s -> %s:", input, q.fts);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, " %lld", (long long)got[i]);
		fprintf(stderr, "\n");
		fail_msg("%s: wrong rows", input);
	}
	query_free(&q);
}

#define ROWS(...) ((const sqlite3_int64[]){ __VA_ARGS__, 0 })
#define NO_ROWS ((const sqlite3_int64[]){ 0 })

static void expect_fts(const char *input, const char *want)
{
	struct query q;
	assert_int_equal(query_parse(input, &q), 0);
	if (want == NULL)
		assert_null(q.fts);
	else
		assert_string_equal(q.fts, want);
	query_free(&q);
}

static void expect_hint(const char *input, bool has_fts, bool has_hint)
{
	struct query q;
	assert_int_equal(query_parse(input, &q), 0);
	assert_int_equal(q.fts != NULL, has_fts);
	assert_int_equal(q.hint != NULL, has_hint);
	if (q.hint != NULL)
		assert_null(strchr(q.hint, '\n'));
	query_free(&q);
}

/* ---- behaviour ---- */

static void test_folding(void **state)
{
	(void)state;
	expect_rows("ozturk", ROWS(3));
	expect_rows("\xc3\x96ZT\xc3\x9cRK", ROWS(3));
	expect_rows("FORCED labour", ROWS(1, 2, 14));
}

static void test_words_and_phrases(void **state)
{
	(void)state;
	expect_rows("forced labour", ROWS(1, 2, 14));
	expect_rows("forced AND labour", ROWS(1, 2, 14));
	expect_rows("\"forced labour\"", ROWS(1, 2));
	expect_rows("\"forced   labour", ROWS(1, 2));
	expect_rows("-\"forced labour\" forced", ROWS(10, 13, 14));
}

static void test_punctuated_words(void **state)
{
	(void)state;
	expect_rows("forced-labour", ROWS(1, 2));
	expect_rows("who's", ROWS(4));
	expect_rows("art. 4", ROWS(5));
	expect_rows("c++", ROWS(6));
	expect_rows("50%", ROWS(7));
	expect_rows("(child)", ROWS(7, 8));   /* 7: children */
}

static void test_prefix(void **state)
{
	(void)state;
	expect_rows("forc*", ROWS(1, 2, 10, 13, 14));
	expect_rows("\"forced lab\"*", ROWS(1, 2));
	expect_rows("forced-lab*", ROWS(1, 2));
	expect_rows("\xe4\xba\xba\xe5\x8f\xa3*", ROWS(11));                 /* 人口* */
	expect_rows("\xd0\xa2\xd0\x9e\xd0\xa0\xd0\x93\xd0\x9e\xd0\x92*", ROWS(12)); /* ТОРГОВ* */
}

static void test_scripts(void **state)
{
	(void)state;
	expect_rows("\xe4\xba\xba\xe5\x8f\xa3\xe8\xb4\xa9\xe5\x8d\x96\xe6\xa1\x88\xe4\xbb\xb6",
				ROWS(11));
	expect_rows("\xd1\x82\xd0\xbe\xd1\x80\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbb\xd1\x8f", ROWS(12));
}

static void test_or(void **state)
{
	(void)state;
	expect_rows("child OR minor", ROWS(7, 8, 9));
	expect_rows("child OR minor witnesses", ROWS(9));
	expect_rows("(child OR minor)", ROWS(7, 8, 9));
	expect_rows("child or minor", NO_ROWS);
	/* A word's other spellings join its OR group. */
	expect_fts("child OR minor labour", "(\"child\" OR \"children\" OR \"minor\" OR "
			   "\"minors\") AND (\"labour\" OR \"labor\" OR \"labours\" OR \"labors\")");
	expect_fts("a OR b OR c d", "(\"a\" OR \"b\" OR \"c\") AND \"d\"");
	expect_fts("a b OR c", "\"a\" AND (\"b\" OR \"c\")");
}

static void test_exclude(void **state)
{
	(void)state;
	expect_rows("forced -sexual", ROWS(1, 2, 13, 14));
	expect_rows("forced NOT sexual", ROWS(1, 2, 13, 14));
	expect_rows("forced -sexual -\"the body\"", ROWS(1, 2, 14));
	expect_fts("a -b -\"c d\"", "(\"a\") NOT (\"b\" OR \"c d\")");
	expect_fts("-b a OR c", "((\"a\" OR \"c\")) NOT (\"b\")");
}

static void test_syntax_is_literal(void **state)
{
	(void)state;
	expect_rows("forced", ROWS(1, 2, 10, 13, 14));
	expect_rows("^forced", ROWS(1, 2, 10, 13, 14));
	expect_rows("body:forced", ROWS(13));
	expect_rows("title:forced body", NO_ROWS);
	expect_rows("NEAR(forced labour)", NO_ROWS);
	expect_rows("trafficking OR", ROWS(5));
	expect_fts("a\"b", "\"a\"\"b\"");
	expect_fts("x\" OR rowid > 0 OR \"",
			   "(\"x\" OR \"rowid\" OR \"rowids\") AND \"0\"");
}

static void test_terms(void **state)
{
	(void)state;
	struct query q;
	assert_int_equal(query_parse("Forced \"Sexual   exploitation\" -child "
								 "minor* OR kid \"(c++)\"", &q), 0);
	assert_int_equal(q.n_terms, 5);
	const char *want[] = { "Forced", "Sexual exploitation", "minor", "kid", "c" };
	const bool want_prefix[] = { false, false, true, false, false };
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(q.terms[i], want[i]);
		assert_int_equal(q.prefix[i], want_prefix[i]);
	}
	assert_string_equal(q.fts, "(\"Forced\" AND \"Sexual exploitation\" AND "
						"(\"minor\"* OR \"kid\") AND \"c\") NOT (\"child\" OR \"children\")");
	assert_null(q.hint);
	query_free(&q);
	query_free(&q);
}

static void test_hints(void **state)
{
	(void)state;
	expect_hint("", false, false);
	expect_hint("   \t\n", false, false);
	expect_hint(NULL, false, false);
	expect_hint("forced labour", true, false);
	expect_hint("-forced", false, true);
	expect_hint("NOT forced", false, true);
	expect_hint("%", false, true);
	expect_hint("AND", false, true);
	expect_hint("OR OR OR", false, true);
	expect_hint("trafficking OR", true, true);
	expect_hint("OR trafficking", true, true);
	expect_hint("forced NOT", true, true);
	expect_hint("a OR -b", true, true);
	expect_hint("for\xff" "ced", true, true);
	expect_hint("forced % \"\"", true, false);
	expect_hint("\x01", false, true);
}

static void test_operators(void **state)
{
	(void)state;
	expect_fts("AND", NULL);
	expect_fts("OR OR OR", NULL);
	expect_fts("a OR OR b", "(\"a\" OR \"b\")");
	expect_fts("OR a OR", "\"a\"");
	expect_fts("a OR -b", "(\"a\") NOT (\"b\")");
	expect_fts("a NOT OR b", "(\"a\") NOT (\"b\")");
	expect_fts("a or and not b", "\"a\" AND \"or\" AND \"and\" AND \"not\" AND \"b\"");
	expect_fts("OR* -OR \"OR\"", "(\"OR\"* AND \"OR\") NOT (\"OR\")");
	expect_fts("a OR % b", "(\"a\" OR \"b\")");
	expect_fts("- a", "\"a\"");
	expect_fts("--a", NULL);
}

static void test_empty_phrase(void **state)
{
	(void)state;
	sqlite3_int64 got[N_ROWS];
	/* FTS5 accepts an empty phrase but matches nothing for it, so keeping
	 * one would empty every AND it is part of: it is dropped instead. */
	assert_int_equal(run_match("\"\"", got), 0);
	assert_int_equal(run_match("\"forced\" AND \"\"", got), 0);
	assert_int_equal(run_match("\"%\"", got), 0);
	expect_fts("\"\"", NULL);
	expect_fts("\"*\"", NULL);
	expect_fts("\"\"*", NULL);
	expect_fts("forced \"\" \"%\"", "\"forced\"");
}

static void test_cleaning(void **state)
{
	(void)state;
	expect_fts("for\x01" "ced", "\"forced\"");
	expect_fts("for\xff" "ced\xc0\xaf", "\"forced\"");
	expect_fts("\xed\xa0\x80" "a\xf4\x90\x80\x80", "\"a\"");
	expect_fts("forced\tlabor\r\nx", "\"forced\" AND (\"labor\" OR \"labour\" OR \"labors\" OR "
			   "\"labours\") AND \"x\"");
	expect_fts("forced\xc2\xa0lab\xe3\x80\x80x", "\"forced\" AND \"lab\" AND \"x\"");
	expect_fts("\x1b[31mred\x1b[0m", "\"31mred[0m\"");
	expect_fts("forced\xc2\x85lab", "\"forced\" AND \"lab\"");
	expect_fts("forced\xc2\x9b" "1", "\"forced1\"");
	expect_fts("\xf0\x9f\x98\x80", NULL);
	expect_fts("forced \xf0\x9f\x98\x80", "\"forced\"");
	expect_fts("forced\xe4\xba", "\"forced\"");
}

/* A plain word also finds its other spellings; phrases and prefixes do
 * not, and no rule turns one common word into another. */
static void test_spellings(void **state)
{
	(void)state;
	expect_rows("who's", ROWS(4));
	expect_fts("who's", "\"who\"");
	expect_fts("France's", "(\"France\" OR \"frances\")");
	expect_fts("France\xe2\x80\x99s", "(\"France\" OR \"frances\")");
	expect_fts("\"France's\"", "\"France's\"");
	expect_fts("labor", "(\"labor\" OR \"labour\" OR \"labors\" OR \"labours\")");
	expect_fts("Harbouring", "(\"Harbouring\" OR \"harboring\" OR \"harbourings\" OR "
			   "\"harborings\")");
	expect_fts("organisation", "(\"organisation\" OR \"organization\" OR "
			   "\"organisations\" OR \"organizations\")");
	expect_fts("criminalized", "(\"criminalized\" OR \"criminalised\")");
	expect_fts("offences", "(\"offences\" OR \"offenses\" OR \"offence\" OR "
			   "\"offense\")");
	expect_fts("countries", "(\"countries\" OR \"country\")");
	expect_fts("witness", "(\"witness\" OR \"witnesses\")");
	expect_fts("women", "(\"women\" OR \"woman\")");
	expect_fts("four", "(\"four\" OR \"fours\")");
	expect_fts("status", "\"status\"");
	expect_fts("its", "\"its\"");
	expect_fts("forced", "\"forced\"");
	expect_fts("\"labour\"", "\"labour\"");
	expect_fts("labour*", "\"labour\"*");
	expect_fts("-labour x", "(\"x\") NOT (\"labour\" OR \"labor\" OR \"labours\" OR "
			   "\"labors\")");
	expect_fts("\xc3\xb6zt\xc3\xbcrks", "\"\xc3\xb6zt\xc3\xbcrks\"");
	expect_rows("labor", ROWS(1, 2, 14));
	expect_rows("inspections", ROWS(14));
}

/* The readings tried when the words find nothing, in tiers. */
static void test_alternatives(void **state)
{
	(void)state;
	struct query q;
	assert_int_equal(query_parse("Togo", &q), 0);
	assert_int_equal(q.n_alts, 1);
	assert_string_equal(q.alts[0].fts, "(\"Togo\"*)");
	assert_string_equal(q.alts[0].note, "No exact match; showing Togo*");
	assert_null(q.id);
	query_free(&q);

	assert_int_equal(query_parse("Togo France -x servitude", &q), 0);
	assert_int_equal(q.n_alts, 7);
	assert_int_equal(q.alts[0].tier, 1);
	assert_string_equal(q.alts[3].fts, "((\"Togo\" OR \"togos\") AND (\"France\" OR "
						"\"frances\")) NOT (\"x\")");
	assert_int_equal(q.alts[3].tier, 2);
	assert_string_equal(q.alts[3].note, "None has all 3 words; without servitude");
	assert_int_equal(q.alts[6].tier, 3);
	assert_string_equal(q.alts[6].note, "None has all 3 words; without servitude, "
						"showing Togo* France*");
	query_free(&q);

	/* Already prefixes, and too many words to leave out one by one. */
	assert_int_equal(query_parse("forc*", &q), 0);
	assert_int_equal(q.n_alts, 0);
	query_free(&q);
	assert_int_equal(query_parse("a b c d e f g", &q), 0);
	assert_int_equal(q.n_alts, 1);
	query_free(&q);
	assert_int_equal(query_parse("forced \"sea. brick\" OR c", &q), 0);
	assert_string_equal(q.alts[2].note, "None has both words; without \"sea. brick\" OR c");
	query_free(&q);
}

/* One word with a digit or a hyphen may be a record id. */
static void test_id(void **state)
{
	(void)state;
	const char *const ids[] = {"nga-2004-001", "(NGA-2004-001)", "x1"};
	const char *const not_ids[] = {"labour", "\"nga-2004-001\"", "nga-2004* ",
								   "a nga-2004-001", "-nga-2004-001", "nga-2004-001 OR b"};
	struct query q;
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		assert_int_equal(query_parse(ids[i], &q), 0);
		assert_non_null(q.id);
		assert_ptr_equal(q.id, q.terms[0]);
		query_free(&q);
	}
	for (size_t i = 0; i < sizeof not_ids / sizeof *not_ids; i++) {
		assert_int_equal(query_parse(not_ids[i], &q), 0);
		if (q.id)
			fail_msg("%s: taken for an id", not_ids[i]);
		query_free(&q);
	}
}

static void test_limits(void **state)
{
	(void)state;
	struct query q;
	char *s = malloc(10241);
	assert_non_null(s);

	for (size_t i = 0; i < 10240; i++)
		s[i] = "ab "[i % 3];
	s[10240] = '\0';
	assert_int_equal(query_parse(s, &q), 0);
	assert_int_equal(q.n_terms, QUERY_MAX_TERMS);
	assert_non_null(q.hint);
	query_free(&q);

	memset(s, 'a', 10240);
	assert_int_equal(query_parse(s, &q), 0);
	assert_int_equal(q.n_terms, 1);
	assert_int_equal(strlen(q.terms[0]), QUERY_MAX_BYTES);
	assert_non_null(q.hint);
	query_free(&q);

	/* A cut inside a word drops that half word. */
	memset(s, 'a', QUERY_MAX_BYTES - 2);
	strcpy(s + QUERY_MAX_BYTES - 2, " bbbb");
	assert_int_equal(query_parse(s, &q), 0);
	assert_int_equal(q.n_terms, 1);
	assert_non_null(q.hint);
	query_free(&q);

	/* Exactly at the limit, followed only by white space: nothing cut. */
	memset(s, 'a', QUERY_MAX_BYTES);
	strcpy(s + QUERY_MAX_BYTES, "   \t ");
	assert_int_equal(query_parse(s, &q), 0);
	assert_int_equal(q.n_terms, 1);
	assert_null(q.hint);
	query_free(&q);
	free(s);
}

/* Long hostile inputs: each must parse and run. */
static void test_safe_long(void **state)
{
	(void)state;
	static const char *const units[] = {
		"a", "ab ", "\"", "OR ", "-x ", "\xcc\x81", "(", "\xff", "\"a\"*",
		"NEAR(", "\xe4\xba\xba", "x:", "\xf0\x9f\x98\x80 ",
	};
	char *s = malloc(10241);
	assert_non_null(s);
	for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
		size_t len = strlen(units[u]), n = 0;
		while (n + len <= 10240) {
			memcpy(s + n, units[u], len);
			n += len;
		}
		s[n] = '\0';
		check_safe(s);
	}
	free(s);
}

/* Random mixes of words, operators, FTS5 and SQL syntax and bad bytes. */
static void test_safe_random(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"forced", "labour", "OR", "AND", "NOT", "NEAR", "-", "\"", "*", " ",
		"  ", "(", ")", ":", "^", "+", "{", "}", "'", "%", ",", ".", ";",
		"\\", "c++", "who's", "title:", "body:", "--", "\xff", "\xc3",
		"\xc3\xa9", "\xc3\x96", "\xe4\xba\xba\xe5\x8f\xa3", "\xf0\x9f\x98\x80",
		"\t", "\x01", "\x7f", "\xe2\x80\xae", "\xe2\x80\x8b", "\xcc\x81",
		"DROP TABLE t", "\"\"", "1=1",
	};
	const size_t n_pieces = sizeof pieces / sizeof *pieces;
	uint32_t x = 2463534242u;
	char buf[512];

	for (int iter = 0; iter < 5000; iter++) {
		size_t n = 0;
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		int count = 1 + (int)(x % 24);
		for (int k = 0; k < count; k++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			const char *p = pieces[x % n_pieces];
			size_t len = strlen(p);
			if (n + len >= sizeof buf)
				break;
			memcpy(buf + n, p, len);
			n += len;
		}
		buf[n] = '\0';
		check_safe(buf);
	}
}

static void test_table_intact(void **state)
{
	(void)state;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM t", -1, &st, NULL),
					 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), N_ROWS);
	sqlite3_finalize(st);
}

#define SAFE(label, input)                                                   \
	{ .name = "safe: " label, .test_func = test_safe, .setup_func = NULL,    \
	  .teardown_func = NULL, .initial_state = (void *)(input) }
#define TEST(f) cmocka_unit_test(f)

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	const struct CMUnitTest tests[] = {
		SAFE("ordinary words", "forced labour"),
		SAFE("phrase", "\"forced labour\""),
		SAFE("forced-labour", "forced-labour"),
		SAFE("who's", "who's"),
		SAFE("art. 4", "art. 4"),
		SAFE("50%", "50%"),
		SAFE("c++", "c++"),
		SAFE("open parenthesis", "("),
		SAFE("NEAR(", "NEAR("),
		SAFE("NEAR group", "NEAR(forced labour, 2)"),
		SAFE("trailing OR", "trafficking OR"),
		SAFE("leading OR", "OR trafficking"),
		SAFE("AND alone", "AND"),
		SAFE("NOT alone", "NOT"),
		SAFE("AND NOT", "forced AND NOT labour"),
		SAFE("unbalanced quote", "\"unbalanced"),
		SAFE("lone quote", "\""),
		SAFE("four quotes", "\"\"\"\""),
		SAFE("star", "*"),
		SAFE("star word", "*forced"),
		SAFE("inner star", "fo*rced"),
		SAFE("exclusion only", "-forced"),
		SAFE("double dash", "--forced"),
		SAFE("dash quote", "-\""),
		SAFE("caret", "^forced"),
		SAFE("column filter", "body:forced"),
		SAFE("column set", "{title body}:forced"),
		SAFE("plus", "forced + labour"),
		SAFE("parentheses", "((forced) OR (labour))"),
		SAFE("SQL quote", "'"),
		SAFE("SQL drop", "'; DROP TABLE t; --"),
		SAFE("SQL or", "' OR '1'='1"),
		SAFE("SQL union", "x' UNION SELECT sql FROM sqlite_master --"),
		SAFE("FTS quote break", "x\" OR rowid > 0 OR \""),
		SAFE("backslash", "\\\"forced\\\""),
		SAFE("control characters", "\x01\x02\x1b[31mforced\x1b[0m\x7f"),
		SAFE("C1 controls", "\xc2\x80\xc2\x9b" "forced\xc2\x9f"),
		SAFE("invalid UTF-8", "\xff\xfe forced \xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80"),
		SAFE("truncated UTF-8", "forced\xe4\xba"),
		SAFE("only spaces", "     "),
		SAFE("empty", ""),
		SAFE("OR OR OR", "OR OR OR"),
		SAFE("empty phrase", "\"\""),
		SAFE("star phrase", "\"*\""),
		SAFE("empty prefix phrase", "\"\"*"),
		SAFE("dash", "-"),
		SAFE("emoji", "\xf0\x9f\x98\x80"),
		SAFE("emoji sequence", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xe2\x9a\x96\xef\xb8\x8f"),
		SAFE("flag", "\xf0\x9f\x87\xba\xf0\x9f\x87\xb3"),
		SAFE("bidi override", "\xe2\x80\xae" "forced"),
		SAFE("zero-width space", "for\xe2\x80\x8b" "ced"),
		SAFE("combining mark alone", "\xcc\x81"),
		SAFE("CJK", "\xe4\xba\xba\xe5\x8f\xa3\xe8\xb4\xa9\xe5\x8d\x96"),
		SAFE("Cyrillic", "\xd1\x82\xd0\xbe\xd1\x80\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbb\xd1\x8f"),
		SAFE("private use", "\xee\x80\x80"),
		SAFE("column keywords", "rank rowid MATCH"),
		TEST(test_safe_long),
		TEST(test_safe_random),
		TEST(test_table_intact),
		TEST(test_folding),
		TEST(test_words_and_phrases),
		TEST(test_punctuated_words),
		TEST(test_prefix),
		TEST(test_scripts),
		TEST(test_or),
		TEST(test_exclude),
		TEST(test_syntax_is_literal),
		TEST(test_terms),
		TEST(test_hints),
		TEST(test_operators),
		TEST(test_empty_phrase),
		TEST(test_cleaning),
		TEST(test_limits),
		TEST(test_spellings),
		TEST(test_alternatives),
		TEST(test_id),
	};
	return cmocka_run_group_tests_name("query", tests, setup_db, teardown_db);
}
