/* test_roundtrip.c: the htkp/1 sample (the shipped one before htkp/2),
 * imported by today's htkp-import into a database of its own, read back
 * record by record through store.c and compared field by field with the
 * JSON, so that an htkp/1 file keeps every field it had, parsed here with SQLite's JSON functions:
 * every scalar, every list in order, victims and defendants, proceedings
 * and the laws each case applied. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/catalog.h"
#include "store/store.h"
#include "seed_words.h"

#define SEED "tests/data/sample-v1.json"
#define IMPORT "./htkp-import"
static char db_path[] = "/tmp/htkp-roundtrip-XXXXXX";

/* Where each JSON field lands in a struct record: a column, or a list
 * ("@facet"). Paths are relative to the record. */
struct mapping {
	const char *path, *key;
};

static const struct mapping case_map[] = {
	{"$.title", "title"}, {"$.country", "country"}, {"$.court", "court"},
	{"$.decision_date", "decision_date"}, {"$.verdict", "verdict"},
	{"$.outcome", "outcome"}, {"$.sentence", "sentence"},
	{"$.summary", "summary"}, {"$.commentary", "commentary"},
	{"$.cross_border", "cross_border"}, {"$.legal_system", "legal_system"},
	{"$.source", "source"}, {"$.acts", "@act"}, {"$.means", "@means"},
	{"$.purposes", "@purpose"}, {"$.sectors", "@sector"},
	{"$.cooperation", "@cooperation"}, {"$.countries_involved", "@country_involved"},
	{"$.victims.count", "victims_count"}, {"$.victims.children", "victims_children"},
	{"$.victims.gender", "@victim_gender"},
	{"$.victims.nationalities", "@victim_nationality"},
	{"$.defendants.count", "defendants_count"},
	{"$.defendants.gender", "@defendant_gender"},
	{"$.defendants.nationalities", "@defendant_nationality"},
};
static const struct mapping law_map[] = {
	{"$.title", "title"}, {"$.country", "country"}, {"$.year", "year"},
	{"$.summary", "summary"}, {"$.url", "url"}, {"$.topics", "@topic"},
};
static const struct mapping bib_map[] = {
	{"$.title", "title"}, {"$.authors", "@author"}, {"$.year", "year"},
	{"$.type", "type"}, {"$.publisher", "publisher"}, {"$.countries", "@country"},
	{"$.keywords", "@keyword"}, {"$.method", "method"}, {"$.methods", "@method"},
	{"$.abstract", "abstract"}, {"$.language", "language"}, {"$.url", "url"},
	{"$.doi", "doi"}, {"$.isbn", "isbn"},
};

static sqlite3 *json_db;   /* in-memory: only for its JSON functions */
static char *seed;
static struct store *st;

static char *read_seed(void)
{
	FILE *f = fopen(SEED, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	return buf;
}

static int setup(void **state)
{
	(void)state;
	char err[256] = "";
	seed = read_seed();
	int fd = mkstemp(db_path);
	if (fd < 0)
		return -1;
	close(fd);
	char cmd[256];
	snprintf(cmd, sizeof cmd, IMPORT " -o %s " SEED " >/dev/null", db_path);
	st = system(cmd) == 0 ? store_open(db_path, err, sizeof err) : NULL;
	if (!seed || !st || sqlite3_open(":memory:", &json_db) != SQLITE_OK
	    || seed_words_register(json_db) != SQLITE_OK) {
		fprintf(stderr, "# cannot read %s or import it into %s: %s\n", SEED, db_path, err);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(st);
	unlink(db_path);
	sqlite3_close(json_db);
	free(seed);
	return 0;
}

/* What the JSON value at path of record json should read as in a record:
 * text trimmed, numbers as digits, booleans 1/0, arrays joined by "; "
 * without repeats; NULL when absent or empty. Caller frees. */
static char *expected(const char *json, const char *path, const char *key)
{
	static const char *sql =
		"SELECT CASE json_type(?1, ?2)"
		" WHEN 'array' THEN (SELECT group_concat(v, '; ') FROM (SELECT canon(?3, trim(value)) v,"
		"   min(key) k FROM json_each(?1, ?2) WHERE trim(value) <> '' GROUP BY v ORDER BY k))"
		" WHEN 'true' THEN '1' WHEN 'false' THEN '0'"
		" ELSE canon(?3, nullif(trim(json_extract(?1, ?2)), '')) END";
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(json_db, sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, key ? key : "", -1, SQLITE_STATIC);
	char *out = NULL;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		out = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

static void check_field(const struct record *r, const char *id, const char *json,
			const struct mapping *m)
{
	char *want = expected(json, m->path, m->key);
	const char *got = record_value(r, m->key);
	if ((want == NULL) != (got == NULL) || (want && strcmp(want, got) != 0))
		fail_msg("%s %s (%s): want \"%s\", got \"%s\"", id, m->path, m->key,
			 want ? want : "(none)", got ? got : "(none)");
	free(want);
}

static void check_proceedings(const struct record *r, const char *id, const char *json)
{
	static const char *fields[] = {"court", "date", "decision", "outcome", "sentence"};
	char path[64];
	for (size_t i = 0;; i++) {
		snprintf(path, sizeof path, "$.proceedings[%zu]", i);
		char *inst = expected(json, path, NULL);
		if (!inst) {
			assert_int_equal(r->n_proc, i);
			return;
		}
		free(inst);
		assert_true(i < r->n_proc);
		const struct proceeding *p = &r->proc[i];
		const char *got[] = {p->court, p->date, p->decision, p->outcome, p->sentence};
		for (size_t k = 0; k < 5; k++) {
			snprintf(path, sizeof path, "$.proceedings[%zu].%s", i, fields[k]);
			char *want = expected(json, path, NULL);
			if ((want == NULL) != (got[k] == NULL) || (want && strcmp(want, got[k])))
				fail_msg("%s %s: want \"%s\", got \"%s\"", id, path,
					 want ? want : "(none)", got[k] ? got[k] : "(none)");
			free(want);
		}
	}
}

/* The case's laws, in the order given, are its links. */
static void check_links(const struct record *r, const char *id, const char *json)
{
	char *want = expected(json, "$.legislation", NULL);
	char got[4096] = "";
	for (size_t i = 0; i < r->n_links; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i ? "; " : "",
			 r->links[i].id);
	if (strcmp(want ? want : "", got) != 0)
		fail_msg("%s legislation: want \"%s\", got \"%s\"", id, want ? want : "", got);
	free(want);
}

static void roundtrip(int db, const struct mapping *map, size_t n_map)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT json_extract(value, '$.id'), value"
		 " FROM json_each(?, '$.%s')", catalog[db].name);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(json_db, sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, seed, -1, SQLITE_STATIC);
	long seen = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		const char *json = (const char *)sqlite3_column_text(s, 1);
		long rowid = store_find_id(st, db, id);
		if (rowid <= 0)
			fail_msg("%s %s is not in the database", catalog[db].name, id);
		struct record r;
		assert_int_equal(store_record(st, db, rowid, &r), 0);
		for (size_t i = 0; i < n_map; i++)
			check_field(&r, id, json, &map[i]);
		if (db == DB_CASES) {
			check_proceedings(&r, id, json);
			check_links(&r, id, json);
		}
		record_free(&r);
		seen++;
	}
	sqlite3_finalize(s);
	assert_true(seen > 0);
	assert_int_equal(store_count(st, db), seen);   /* nothing more, nothing less */
}

static void cases_roundtrip(void **state)
{
	(void)state;
	roundtrip(DB_CASES, case_map, sizeof case_map / sizeof case_map[0]);
}

static void legislation_roundtrip(void **state)
{
	(void)state;
	roundtrip(DB_LEGISLATION, law_map, sizeof law_map / sizeof law_map[0]);
}

static void bibliography_roundtrip(void **state)
{
	(void)state;
	roundtrip(DB_BIBLIOGRAPHY, bib_map, sizeof bib_map / sizeof bib_map[0]);
}

/* Non-ASCII text comes back byte for byte (NFC as given). */
static void non_ascii_text(void **state)
{
	(void)state;
	long rowid = store_find_id(st, DB_CASES, "NOR-2017-001");
	assert_true(rowid > 0);
	struct record r;
	assert_int_equal(store_record(st, DB_CASES, rowid, &r), 0);
	assert_non_null(strstr(record_value(&r, "court"), "H\xc3\xb8yesterett"));
	assert_non_null(strstr(record_value(&r, "summary"), "B\xc3\xa5rdsen"));
	record_free(&r);
}

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cases_roundtrip),
		cmocka_unit_test(legislation_roundtrip),
		cmocka_unit_test(bibliography_roundtrip),
		cmocka_unit_test(non_ascii_text),
	};
	return cmocka_run_group_tests_name("roundtrip", tests, setup, teardown);
}
