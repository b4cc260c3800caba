/* test_catalog.c: the catalog agrees with itself. Every facet field the
 * kiosk filters, browses or lists in a record must be one htkp-import
 * fills (from a record's text, a yes/no field or the year column), or
 * the kiosk would offer a filter or a list that is always empty. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "common/catalog.h"
#include "store/store.h"
#include "pending_facets.h"

/* Whether htkp-import fills facet field of database db. */
static int imported(int db, const char *field)
{
	const struct db_info *d = &catalog[db];
	for (size_t i = 0; i < d->n_texts; i++)
		if (d->texts[i].facet && strcmp(d->texts[i].facet, field) == 0)
			return 1;
	for (size_t i = 0; i < d->n_fields; i++)
		if (d->fields[i].kind == FIELD_FLAG && d->fields[i].facet
		    && strcmp(d->fields[i].facet, field) == 0)
			return 1;
	const struct filter_info *f = catalog_filter(db, field);
	return f && f->kind == FILTER_YEAR && f->column;
}

/* Filled, or on the list of facets the import is about to fill. */
static int imported_or_pending(int db, const char *field)
{
	return imported(db, field) || facet_pending(catalog[db].name, field);
}

/* A pending facet the import now fills is taken off the list. */
static void pending_is_pending(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof pending_facets / sizeof pending_facets[0]; i++) {
		int db = catalog_find(pending_facets[i][0]);
		assert_true(db >= 0);
		if (imported(db, pending_facets[i][1]))
			fail_msg("%s: %s is imported now: take it off pending_facets.h",
				 pending_facets[i][0], pending_facets[i][1]);
	}
}

static void every_filter_is_imported(void **state)
{
	(void)state;
	for (int db = 0; db < DB_COUNT; db++)
		for (size_t i = 0; i < catalog[db].n_filters; i++)
			if (!imported_or_pending(db, catalog[db].filters[i].name))
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
			if (!imported_or_pending(db, d->browse[i]))
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

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_filter_is_imported),
		cmocka_unit_test(every_list_and_browse_is_imported),
		cmocka_unit_test(words_and_names),
		cmocka_unit_test(pending_is_pending),
	};
	return cmocka_run_group_tests_name("catalog", tests, NULL, NULL);
}
