/* htkp-import: table added_count (db/schema.sql), the records of each
 * database by the day they joined the data, counted once the records
 * are dated (import_added.c), so that the home screen's count of recent
 * records reads a few rows (src/store/store_added.c). */
#include "import/import.h"

#include <stdio.h>

enum imp_status imp_added_count(struct imp *imp)
{
	char sql[256];
	for (int d = 0; d < DB_COUNT; d++) {
		snprintf(sql, sizeof sql, "INSERT INTO added_count (db, added, n)"
			 " SELECT '%s', added, count(*) FROM %s WHERE added IS NOT NULL"
			 " GROUP BY added", catalog[d].table, catalog[d].table);
		enum imp_status st = imp_exec(imp, sql, "counting the records by day");
		if (st != IMP_OK)
			return st;
	}
	return IMP_OK;
}
