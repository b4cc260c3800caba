/* htkp-import: table facet_recs (db/schema.sql): each facet value's
 * records in one blob of delta-coded rowids, read from the facet table
 * in its key's order once it is loaded. */
#include "import/import.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct blob {
	unsigned char *b;
	size_t len, cap;
	long last;
};

static int put_varint(struct blob *o, unsigned long v)
{
	if (o->len + 10 > o->cap) {
		size_t cap = o->cap ? 2 * o->cap : 256;
		unsigned char *b = realloc(o->b, cap);
		if (!b)
			return -1;
		o->b = b, o->cap = cap;
	}
	do {
		unsigned char c = v & 0x7f;
		v >>= 7;
		o->b[o->len++] = c | (v ? 0x80 : 0);
	} while (v);
	return 0;
}

static int flush(sqlite3_stmt *ins, const char *db, const char *field, const char *value,
		 const struct blob *o)
{
	sqlite3_bind_text(ins, 1, db, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 2, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 3, value, -1, SQLITE_STATIC);
	sqlite3_bind_blob(ins, 4, o->b, (int)o->len, SQLITE_STATIC);
	int rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

enum imp_status imp_facet_recs(struct imp *imp)
{
	sqlite3_stmt *rd = NULL, *ins = NULL;
	int rc = sqlite3_prepare_v2(imp->db, "SELECT db, field, value, rec FROM facet"
				    " ORDER BY db, field, value, rec", -1, &rd, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "INSERT INTO facet_recs (db, field, value, recs)"
					" VALUES (?, ?, ?, ?)", -1, &ins, NULL);
	struct blob o = {0};
	char *key[3] = {NULL, NULL, NULL};
	while (rc == SQLITE_OK && (rc = sqlite3_step(rd)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		bool same = key[0] != NULL;
		for (int i = 0; i < 3 && same; i++)
			same = strcmp(key[i], (const char *)sqlite3_column_text(rd, i)) == 0;
		if (!same) {
			if (key[0])
				rc = flush(ins, key[0], key[1], key[2], &o);
			for (int i = 0; i < 3; i++) {
				free(key[i]);
				key[i] = strdup((const char *)sqlite3_column_text(rd, i));
				if (!key[i])
					rc = SQLITE_NOMEM;
			}
			o.len = 0, o.last = 0;
		}
		long rec = sqlite3_column_int64(rd, 3);
		if (rc == SQLITE_OK && put_varint(&o, (unsigned long)(rec - o.last)) != 0)
			rc = SQLITE_NOMEM;
		o.last = rec;
	}
	if (rc == SQLITE_DONE)
		rc = key[0] ? flush(ins, key[0], key[1], key[2], &o) : SQLITE_OK;
	for (int i = 0; i < 3; i++)
		free(key[i]);
	free(o.b);
	sqlite3_finalize(rd), sqlite3_finalize(ins);
	return rc == SQLITE_OK ? IMP_OK : imp_sqlerr(imp, "listing each value's records");
}
