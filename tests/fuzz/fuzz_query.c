/* fuzz_query.c: libFuzzer target for src/query.c.
 *
 * Any bytes typed into the search box go through query_parse; the MATCH
 * expression it builds (when there is one) is then run against a small
 * in-memory FTS5 table with the kiosk's tokenizer. The target aborts when
 *   - SQLite reports any error for the expression (no input may ever give
 *     an FTS5 syntax error: that is the whole point of query.c),
 *   - query_parse fails without leaving q empty, or
 *   - the result breaks what query.h promises: at most QUERY_MAX_TERMS
 *     terms, an expression exactly when there is a term, terms that are
 *     non-empty valid UTF-8 without control characters, single-spaced,
 *     trimmed to a letter, digit or mark at either end, at most
 *     QUERY_MAX_BYTES long; a one-line hint.
 * query_free is called twice (it must be safe to), and ASan's leak check
 * covers what query_parse allocated. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <unictype.h>
#include <unistr.h>

#include "query/query.h"

static sqlite3 *db;
static sqlite3_stmt *select_st;

static const char *const rows[][2] = {
	{"Forced labour in fisheries", "Victims were forced to work at sea."},
	{"A forced-labour case", "Brick kilns; who's responsible? Art. 4, c++, 50%."},
	{"\xc3\x96zt\xc3\xbcrk v. Turkey", "Judgment of the court (\xc3\xa9t\xc3\xa9)."},
	{"\xe4\xba\xba\xe5\x8f\xa3\xe8\xb4\xa9\xe5\x8d\x96\xe6\xa1\x88\xe4\xbb\xb6",
	 "\xe4\xb8\xad\xe5\x9b\xbd"},
	{"\xd0\xa2\xd0\xbe\xd1\x80\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbb\xd1\x8f "
	 "\xd0\xbb\xd1\x8e\xd0\xb4\xd1\x8c\xd0\xbc\xd0\xb8",
	 "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 OR NOT AND \"quoted\" - * ( ) : ^ +"},
	{"Child soldiers", "Minor witnesses; sexual exploitation and forced prostitution"},
};

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_query: %s%s%s\n", what, detail ? ": " : "",
		detail ? detail : "");
	abort();
}

static void setup(void)
{
	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		die("sqlite3_open", sqlite3_errmsg(db));
	if (sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, body, "
			 "tokenize='unicode61 remove_diacritics 2')",
			 NULL, NULL, NULL) != SQLITE_OK)
		die("create table", sqlite3_errmsg(db));
	sqlite3_stmt *ins;
	if (sqlite3_prepare_v2(db, "INSERT INTO t(title, body) VALUES(?, ?)", -1,
			       &ins, NULL) != SQLITE_OK)
		die("prepare insert", sqlite3_errmsg(db));
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		sqlite3_bind_text(ins, 1, rows[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, rows[i][1], -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			die("insert", sqlite3_errmsg(db));
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	/* The kiosk ranks with bm25; ask for it so that the whole expression
	 * is evaluated, not only parsed. */
	if (sqlite3_prepare_v2(db, "SELECT rowid, bm25(t) FROM t WHERE t MATCH ?1 "
			       "ORDER BY rank", -1, &select_st, NULL) != SQLITE_OK)
		die("prepare select", sqlite3_errmsg(db));
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setup();
	return 0;
}

static void run_match(const char *fts)
{
	sqlite3_reset(select_st);
	sqlite3_clear_bindings(select_st);
	if (sqlite3_bind_text(select_st, 1, fts, -1, SQLITE_STATIC) != SQLITE_OK)
		die("bind", sqlite3_errmsg(db));
	int rc, n = 0;
	while ((rc = sqlite3_step(select_st)) == SQLITE_ROW)
		n++;
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "fuzz_query: MATCH expression: [%s]\n", fts);
		die("SQLite error", sqlite3_errmsg(db));
	}
	if (n > (int)(sizeof rows / sizeof rows[0]))
		die("more rows than the table holds", fts);
	sqlite3_reset(select_st);
}

static bool word_char(ucs4_t uc)
{
	return uc_is_general_category(uc, UC_CATEGORY_L)
		|| uc_is_general_category(uc, UC_CATEGORY_N)
		|| uc_is_general_category(uc, UC_CATEGORY_M)
		|| uc_is_general_category(uc, UC_CATEGORY_Co);
}

static void check_term(const char *t)
{
	if (t == NULL)
		die("NULL term", NULL);
	size_t len = strlen(t);
	if (len == 0)
		die("empty term", NULL);
	if (len > QUERY_MAX_BYTES)
		die("term longer than QUERY_MAX_BYTES", t);
	const uint8_t *u = (const uint8_t *)t;
	if (u8_check(u, len) != NULL)
		die("term is not valid UTF-8", t);
	if (t[0] == ' ' || t[len - 1] == ' ' || strstr(t, "  ") != NULL)
		die("term not single-spaced and trimmed", t);
	bool alnum = false;
	ucs4_t first = 0, last = 0;
	for (size_t i = 0; i < len;) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, u + i, len - i);
		if (uc < 0x20 || (uc >= 0x7f && uc < 0xa0))
			die("control character in term", t);
		if (uc != ' ' && uc_is_property_white_space(uc))
			die("white space other than U+0020 in term", t);
		if (i == 0)
			first = uc;
		last = uc;
		alnum = alnum || uc_is_general_category(uc, UC_CATEGORY_L)
			|| uc_is_general_category(uc, UC_CATEGORY_N)
			|| uc_is_general_category(uc, UC_CATEGORY_Co);
		i += (size_t)k;
	}
	if (!alnum)
		die("term without a letter or digit", t);
	if (!word_char(first) || !word_char(last))
		die("term not trimmed to word characters", t);
}

static void check_query(const struct query *q)
{
	if (q->n_terms > QUERY_MAX_TERMS)
		die("more than QUERY_MAX_TERMS terms", NULL);
	if ((q->fts != NULL) != (q->n_terms > 0))
		die("expression without a term or term without an expression", q->fts);
	if (q->n_terms == 0 && (q->terms != NULL || q->prefix != NULL))
		die("term arrays without terms", NULL);
	for (size_t i = 0; i < q->n_terms; i++)
		check_term(q->terms[i]);
	if (q->hint != NULL && (q->hint[0] == '\0' || strchr(q->hint, '\n') != NULL))
		die("hint empty or more than one line", q->hint);
	if (q->fts != NULL) {
		size_t n = strlen(q->fts);
		if (u8_check((const uint8_t *)q->fts, n) != NULL)
			die("expression is not valid UTF-8", q->fts);
		if (n > QUERY_MAX_FTS_BYTES)
			die("expression longer than its bound", q->fts);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *input = malloc(size + 1);
	if (input == NULL)
		return 0;
	memcpy(input, data, size);
	input[size] = '\0';

	struct query q;
	int rc = query_parse(size == 0 ? NULL : input, &q);
	if (rc != 0) {
		/* Only out of memory; q must then hold nothing. */
		if (q.fts || q.terms || q.prefix || q.n_terms)
			die("query_parse failed but left q filled", NULL);
	} else {
		check_query(&q);
		if (q.fts != NULL)
			run_match(q.fts);
	}
	query_free(&q);
	query_free(&q);   /* documented as safe */
	if (q.fts || q.terms || q.prefix || q.n_terms || q.hint)
		die("query_free did not empty q", NULL);
	free(input);
	return 0;
}
