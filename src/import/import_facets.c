/* htkp-import: the facets (db/schema.sql): every value of every facet
 * field with its records, found in the records' texts and columns, read
 * once in (db, field, value, rec, seq) order and written in that order
 * to the three tables that hold them: facet_value (each value once,
 * numbered in that order, with its count of records), facet_rec (its
 * records by that number) and facet_recs (its records in one blob of
 * delta-coded rowids). Each insert lands at the end of its table, and
 * nothing is stored twice on the way. */
#include "import/import.h"

#include <stdlib.h>
#include <string.h>

/* Every facet value found as text in the records: a keyword as its
 * vocabulary's word, an open list's value with its spaces squeezed and
 * as first spelled (spelling(): the walk meets the records in file
 * order, before the sort); CROSS JOIN keeps json_tree() the outer loop,
 * so each record is parsed once, and the subquery is not flattened, so
 * value is computed once. Then the facets made from columns: the years,
 * the verdict, the yes/no fields' words, and the ids of the laws a case
 * applied (the form of an htkp/2 case comes from its texts; an htkp/1
 * case's is its cross_border flag). A value met twice in one record (a
 * list repeating it, a text and a column) keeps its first position: the
 * smallest seq, which the sort puts first. */
static const char facets_sql[] =
	"SELECT db_name, facet, value, rno, seq FROM ("
	"  SELECT m.db_name, m.facet, r.rno,"
	"    CASE m.merge WHEN 2 THEN vocab(m.vocab, r.fmt, t.atom)"
	"      WHEN 1 THEN spelling(m.db_name, m.facet, squeeze(t.atom))"
	"      ELSE clean(t.atom) END AS value,"
	"    CASE WHEN typeof(t.key) = 'integer' THEN t.key ELSE 0 END AS seq"
	"  FROM temp.rec AS r CROSS JOIN json_tree(r.json) AS t"
	"    CROSS JOIN temp.textmap AS m"
	"  WHERE t.type = 'text' AND m.db = r.db AND m.fmt = r.fmt"
	"    AND m.path = field_path(t.fullkey) AND m.facet IS NOT NULL"
	"  LIMIT -1 OFFSET 0) "
	"WHERE value IS NOT NULL"
	" UNION ALL SELECT 'cases', 'year', CAST(year AS TEXT), rowid, 0 FROM cases"
	"  WHERE year IS NOT NULL"
	" UNION ALL SELECT 'legislation', 'year', CAST(year AS TEXT), rowid, 0"
	"  FROM legislation WHERE year IS NOT NULL"
	" UNION ALL SELECT 'bibliography', 'year', CAST(year AS TEXT), rowid, 0"
	"  FROM bibliography WHERE year IS NOT NULL"
	" UNION ALL SELECT 'cases', 'sentence_year', substr(sentence_date, 1, 4),"
	"  rowid, 0 FROM cases WHERE sentence_date IS NOT NULL"
	" UNION ALL SELECT 'cases', 'outcome', outcome, rowid, 0 FROM cases"
	"  WHERE outcome IS NOT NULL"
	" UNION ALL SELECT 'cases', 'children',"
	"  CASE victims_children WHEN 1 THEN 'yes' ELSE 'no' END, rowid, 0"
	"  FROM cases WHERE victims_children IS NOT NULL"
	" UNION ALL SELECT 'cases', 'form',"
	"  CASE cross_border WHEN 1 THEN 'Transnational' ELSE 'Internal' END,"
	"  rowid, 0 FROM cases WHERE cross_border IS NOT NULL"
	" UNION ALL SELECT 'cases', 'law', l.id, c.case_rowid, c.seq"
	"  FROM case_law AS c JOIN legislation AS l ON l.rowid = c.law_rowid"
	" ORDER BY 1, 2, 3, 4, 5";

/* The value being read: its key, its number, its records so far. */
struct value {
	char *key[3];           /* db, field, value */
	int len[3];
	long id, n;
	long last;              /* its last record, 0 before the first */
	unsigned char *b;       /* facet_recs.recs */
	size_t blen, bcap;
};

static int put_varint(struct value *v, unsigned long x)
{
	if (v->blen + 10 > v->bcap) {
		size_t cap = v->bcap ? 2 * v->bcap : 256;
		unsigned char *b = realloc(v->b, cap);
		if (!b)
			return SQLITE_NOMEM;
		v->b = b, v->bcap = cap;
	}
	do {
		unsigned char c = x & 0x7f;
		x >>= 7;
		v->b[v->blen++] = c | (x ? 0x80 : 0);
	} while (x);
	return SQLITE_OK;
}

static int same_value(const struct value *v, sqlite3_stmt *rd)
{
	if (!v->key[0])
		return 0;
	for (int i = 0; i < 3; i++) {
		const unsigned char *s = sqlite3_column_text(rd, i);
		int n = sqlite3_column_bytes(rd, i);
		if (!s || n != v->len[i] || memcmp(s, v->key[i], (size_t)n) != 0)
			return 0;
	}
	return 1;
}

static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Writes the value read to facet_value and facet_recs. */
static int flush(const struct value *v, sqlite3_stmt *value_ins, sqlite3_stmt *recs_ins)
{
	if (!v->key[0])
		return SQLITE_OK;
	sqlite3_bind_int64(value_ins, 1, v->id);
	for (int i = 0; i < 3; i++) {
		sqlite3_bind_text(value_ins, 2 + i, v->key[i], v->len[i], SQLITE_STATIC);
		sqlite3_bind_text(recs_ins, 1 + i, v->key[i], v->len[i], SQLITE_STATIC);
	}
	sqlite3_bind_int64(value_ins, 5, v->n);
	sqlite3_bind_blob(recs_ins, 4, v->b, (int)v->blen, SQLITE_STATIC);
	int rc = step_done(value_ins);
	return rc == SQLITE_OK ? step_done(recs_ins) : rc;
}

/* Starts the value of the row rd is on. */
static int start(struct value *v, sqlite3_stmt *rd)
{
	for (int i = 0; i < 3; i++) {
		const unsigned char *s = sqlite3_column_text(rd, i);
		int n = sqlite3_column_bytes(rd, i);
		free(v->key[i]);
		v->key[i] = s ? malloc((size_t)n + 1) : NULL;
		if (!v->key[i])
			return s ? SQLITE_NOMEM : SQLITE_CONSTRAINT_NOTNULL;
		memcpy(v->key[i], s, (size_t)n + 1);
		v->len[i] = n;
	}
	v->id++, v->n = 0, v->last = 0, v->blen = 0;
	return SQLITE_OK;
}

enum imp_status imp_facets_load(struct imp *imp)
{
	sqlite3_stmt *rd = NULL, *value_ins = NULL, *rec_ins = NULL, *recs_ins = NULL;
	int rc = sqlite3_prepare_v2(imp->db, facets_sql, -1, &rd, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "INSERT INTO facet_value (id, db, field,"
					" value, n) VALUES (?, ?, ?, ?, ?)", -1, &value_ins, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "INSERT INTO facet_rec (value_id, rec, seq)"
					" VALUES (?, ?, ?)", -1, &rec_ins, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, "INSERT INTO facet_recs (db, field, value,"
					" recs) VALUES (?, ?, ?, ?)", -1, &recs_ins, NULL);
	struct value v = {0};
	while (rc == SQLITE_OK && (rc = sqlite3_step(rd)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		if (!same_value(&v, rd)) {
			rc = flush(&v, value_ins, recs_ins);
			if (rc == SQLITE_OK)
				rc = start(&v, rd);
		}
		long rec = sqlite3_column_int64(rd, 3);
		if (rc != SQLITE_OK || (v.n > 0 && rec == v.last))
			continue;       /* the record again, at a later position */
		sqlite3_bind_int64(rec_ins, 1, v.id);
		sqlite3_bind_int64(rec_ins, 2, rec);
		sqlite3_bind_int64(rec_ins, 3, sqlite3_column_int64(rd, 4));
		rc = step_done(rec_ins);
		if (rc == SQLITE_OK)
			rc = put_varint(&v, (unsigned long)(rec - v.last));
		v.last = rec, v.n++;
	}
	if (rc == SQLITE_DONE)
		rc = flush(&v, value_ins, recs_ins);
	for (int i = 0; i < 3; i++)
		free(v.key[i]);
	free(v.b);
	sqlite3_finalize(rd), sqlite3_finalize(value_ins);
	sqlite3_finalize(rec_ins), sqlite3_finalize(recs_ins);
	return rc == SQLITE_OK ? IMP_OK : imp_sqlerr(imp, "loading facets");
}
