/* The catalog: everything that differs between Case Law, Legislation and
 * Bibliography, as tables. No SQL is built here from user text. */
#include "catalog.h"

#include <string.h>

const struct db_info catalog[DB_COUNT] = {
	[DB_CASES] = {"cases", "Case Law", "cases", "cases_fts", "case", "cases"},
	[DB_LEGISLATION] = {"legislation", "Legislation", "legislation",
			    "legislation_fts", "law", "laws"},
	[DB_BIBLIOGRAPHY] = {"bibliography", "Bibliography", "bibliography",
			     "bibliography_fts", "publication", "publications"},
};

int catalog_find(const char *name)
{
	for (int i = 0; i < DB_COUNT; i++)
		if (strcmp(name, catalog[i].name) == 0)
			return i;
	return -1;
}
