/* test_catalog.c: the catalog agrees with itself. Every facet field the
 * kiosk filters, browses or lists in a record must be one htkp-import
 * fills (from a record's text or from its columns), or
 * the kiosk would offer a filter or a list that is always empty. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/catalog.h"
#include "store/store.h"

/* Whether htkp-import fills facet field of database db. */
static int imported(int db, const char *field)
{
	const struct db_info *d = &catalog[db];
	for (size_t i = 0; i < d->n_texts; i++)
		if (d->texts[i].facet && strcmp(d->texts[i].facet, field) == 0)
			return 1;
	for (const char *const *c = column_facets[db]; *c; c++)
		if (strcmp(*c, field) == 0)
			return 1;
	return 0;
}

static void every_filter_is_imported(void **state)
{
	(void)state;
	for (int db = 0; db < DB_COUNT; db++)
		for (size_t i = 0; i < catalog[db].n_filters; i++)
			if (!imported(db, catalog[db].filters[i].name))
				fail_msg("%s: filter %s is filled by no import rule",
					 catalog[db].name, catalog[db].filters[i].name);
}

static void every_list_and_browse_is_imported(void **state)
{
	(void)state;
	for (int db = 0; db < DB_COUNT; db++) {
		const struct db_info *d = &catalog[db];
		for (size_t i = 0; i < d->n_fields; i++)
			if (d->fields[i].kind == FIELD_LIST && !imported(db, d->fields[i].source))
				fail_msg("%s: list field %s is filled by no import rule",
					 d->name, d->fields[i].source);
		for (size_t i = 0; i < d->n_browse; i++)
			if (!imported(db, d->browse[i]))
				fail_msg("%s: browse category %s is filled by no import rule",
					 d->name, d->browse[i]);
		if (!imported(db, d->country_facet))
			fail_msg("%s: country facet %s is filled by no import rule",
				 d->name, d->country_facet);
	}
}

/* A yes/no field's words are its facet's only values; a closed list has
 * at least one value, and a database's names are distinct. */
static void words_and_names(void **state)
{
	(void)state;
	for (int db = 0; db < DB_COUNT; db++) {
		const struct db_info *d = &catalog[db];
		assert_int_equal(catalog_find(d->name), db);
		for (size_t i = 0; i < d->n_fields; i++)
			if (d->fields[i].kind == FIELD_FLAG) {
				assert_non_null(d->fields[i].yes);
				assert_non_null(d->fields[i].no);
				assert_string_not_equal(d->fields[i].yes, d->fields[i].no);
			}
		for (size_t i = 0; i < d->n_filters; i++)
			if (d->filters[i].values)
				assert_non_null(d->filters[i].values[0]);
		assert_true(d->n_columns <= STORE_MAX_COLUMNS);
		assert_true(d->n_filters <= STORE_MAX_FILTERS);
	}
}

/* The entries of po/htkp.pot with context "value": their msgids. */
struct pot_values {
	char *v[512];
	size_t n;
};

/* The C string starting at the quote q, unescaped, appended to out. */
static void append_quoted(char *out, size_t size, const char *q)
{
	size_t n = strlen(out);
	for (const char *p = q + 1; *p && *p != '"' && n + 1 < size; p++) {
		if (*p == '\\' && p[1])
			p++;
		out[n++] = *p;
	}
	out[n] = '\0';
}

/* Reads po/htkp.pot (make pot writes it from the sources; the tests run
 * at the top of the tree). */
static void read_pot_values(struct pot_values *pv)
{
	FILE *f = fopen("po/htkp.pot", "r");
	if (!f)
		fail_msg("cannot read po/htkp.pot");
	char line[1024], ctx[256] = "", id[1024] = "";
	char *field = NULL;   /* what a "..." line continues */
	pv->n = 0;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, "msgctxt ", 8) == 0) {
			ctx[0] = id[0] = '\0';
			append_quoted(ctx, sizeof ctx, line + 8);
			field = ctx;
		} else if (strncmp(line, "msgid ", 6) == 0) {
			id[0] = '\0';
			append_quoted(id, sizeof id, line + 6);
			field = id;
		} else if (line[0] == '"' && field) {
			append_quoted(field, field == ctx ? sizeof ctx : sizeof id, line);
		} else if (strncmp(line, "msgstr", 6) == 0 || strncmp(line, "msgid_plural", 12) == 0) {
			if (field == id && strcmp(ctx, "value") == 0 && pv->n < 512)
				pv->v[pv->n++] = strdup(id);
			ctx[0] = '\0';
			field = NULL;
		}
	}
	fclose(f);
}

static bool in_pot(const struct pot_values *pv, const char *value)
{
	for (size_t i = 0; i < pv->n; i++)
		if (strcmp(pv->v[i], value) == 0)
			return true;
	return false;
}

/* Whether value is a value of ours: one of a shown vocabulary, or a yes/no
 * word of a flag field. */
static bool of_ours(const char *value)
{
	for (const char *const *const *l = shown_vocabularies; *l; l++)
		for (const char *const *v = *l; *v; v++)
			if (strcmp(*v, value) == 0)
				return true;
	for (int db = 0; db < DB_COUNT; db++)
		for (size_t i = 0; i < catalog[db].n_fields; i++) {
			const struct field_info *f = &catalog[db].fields[i];
			if (f->kind == FIELD_FLAG && (strcmp(f->yes, value) == 0
						      || strcmp(f->no, value) == 0))
				return true;
		}
	return false;
}

/* Each value of ours has its msgid "value\004<value>" in po/htkp.pot, so
 * a value renamed without its mark (or without `make pot`) cannot
 * silently lose its translations; and each msgid of context "value" is a
 * value of ours, so a mark left on an old value shows. */
static void values_of_ours_are_marked(void **state)
{
	(void)state;
	struct pot_values pv;
	read_pot_values(&pv);
	for (const char *const *const *l = shown_vocabularies; *l; l++)
		for (const char *const *v = *l; *v; v++)
			if (!in_pot(&pv, *v))
				fail_msg("value \"%s\" has no msgctxt \"value\" in po/htkp.pot"
					 " (mark it NC_(\"value\", ...), then make pot)", *v);
	for (int db = 0; db < DB_COUNT; db++) {
		const struct db_info *d = &catalog[db];
		for (size_t i = 0; i < d->n_fields; i++) {
			const struct field_info *f = &d->fields[i];
			if (f->kind == FIELD_FLAG && (!in_pot(&pv, f->yes) || !in_pot(&pv, f->no)))
				fail_msg("%s: the words of %s are not in po/htkp.pot", d->name,
					 f->label);
			for (const char *const *v = f->values; v && *v; v++)
				if (!of_ours(*v))
					fail_msg("%s: %s shows \"%s\", of no vocabulary", d->name,
						 f->label, *v);
		}
		for (size_t i = 0; i < d->n_filters; i++)
			for (const char *const *v = d->filters[i].values; v && *v; v++)
				if (!of_ours(*v))
					fail_msg("%s: filter %s offers \"%s\", of no vocabulary",
						 d->name, d->filters[i].name, *v);
	}
	for (const char *const *v = charge_verdicts; *v; v++)
		if (!of_ours(*v))
			fail_msg("charge verdict \"%s\" is of no vocabulary shown", *v);
	for (size_t i = 0; i < pv.n; i++)
		if (!of_ours(pv.v[i]))
			fail_msg("po/htkp.pot: msgctxt \"value\" \"%s\" is no value of ours",
				 pv.v[i]);
	assert_true(pv.n > 0);
	for (size_t i = 0; i < pv.n; i++)
		free(pv.v[i]);
}

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_filter_is_imported),
		cmocka_unit_test(every_list_and_browse_is_imported),
		cmocka_unit_test(words_and_names),
		cmocka_unit_test(values_of_ours_are_marked),
	};
	return cmocka_run_group_tests_name("catalog", tests, NULL, NULL);
}
