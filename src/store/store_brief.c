/* The parts of a record that are records of their own: a case's
 * defendants with their charges, a law's provisions with the cases that
 * applied each. A charge whose statute names a law record, and a case
 * under a provision, become links of the record (struct record_link),
 * so the record view follows them like any other. */
#include "store/store.h"
#include "store/store_impl.h"
#include "store/store_brief.h"
#include "common/catalog.h"
#include "common/grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Appends a link to the record of db whose rowid, id, title, country and
 * year are columns col..col+4 of s. Returns its index, or -1 on ENOMEM. */
static int push_link(struct record *r, sqlite3_stmt *s, int col, int db,
		     enum link_place place, size_t owner, const char *article)
{
	size_t cap = r->n_links;
	if (grow(&r->links, &cap, r->n_links, sizeof *r->links, 8) != 0)
		return -1;
	struct record_link *l = &r->links[r->n_links];
	*l = (struct record_link){db, sqlite3_column_int64(s, col),
		store_dup_col(s, col + 1), store_dup_col(s, col + 2), store_dup_col(s, col + 3),
		store_dup_col(s, col + 4), article ? strdup(article) : NULL, place, owner};
	return (int)r->n_links++;
}

/* Columns: defendant seq, name, gender, nationality, age; charge (NULL
 * for a defendant without one), statute, article, verdict, sentence; the
 * law's rowid, id, title, country, year (NULL when none); 1 on a
 * defendant's first row. Arrays grow from their count (cap = n): these
 * lists are short, and the count is all the record keeps. */
static int add_charge_row(struct record *r, sqlite3_stmt *s, size_t *unused)
{
	(void)unused;
	if (r->n_def == 0 || sqlite3_column_int64(s, 15) != 0) {
		size_t cap = r->n_def;
		if (grow(&r->def, &cap, r->n_def, sizeof *r->def, 4) != 0)
			return -1;
		r->def[r->n_def++] = (struct defendant){store_dup_col(s, 1), store_dup_col(s, 2),
			store_dup_col(s, 3), store_dup_col(s, 4), NULL, 0};
	}
	if (sqlite3_column_type(s, 5) == SQLITE_NULL)
		return 0;
	struct defendant *d = &r->def[r->n_def - 1];
	size_t cap = d->n_charges;
	if (grow(&d->charges, &cap, d->n_charges, sizeof *d->charges, 4) != 0)
		return -1;
	struct charge *c = &d->charges[d->n_charges++];
	*c = (struct charge){store_dup_col(s, 5), store_dup_col(s, 6), store_dup_col(s, 7),
		store_dup_col(s, 8), store_dup_col(s, 9), -1};
	if (!c->charge)
		return -1;
	if (sqlite3_column_type(s, 10) != SQLITE_NULL) {
		c->link = push_link(r, s, 10, DB_LEGISLATION, LINK_CHARGE, 0, c->article);
		if (c->link < 0)
			return -1;
	}
	return 0;
}

int store_read_defendants(struct store *st, struct record *r)
{
	sqlite3_stmt *s = store_cached(st,
		"SELECT d.seq, d.name, d.gender, d.nationality, d.age,"
		"  c.charge, c.statute, c.article, c.verdict, c.sentence,"
		"  l.rowid, l.id, l.title, l.country, l.year,"
		"  coalesce(c.seq = (SELECT min(seq) FROM charges m"
		"    WHERE m.case_rowid = d.case_rowid AND m.defendant_seq = d.seq), 1)"
		" FROM defendants d"
		" LEFT JOIN charges c ON c.case_rowid = d.case_rowid AND c.defendant_seq = d.seq"
		" LEFT JOIN legislation l ON l.rowid = c.law_rowid"
		" WHERE d.case_rowid = ? ORDER BY d.seq, c.seq");
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, r->rowid);
	return store_each_row(st, s, r, NULL, add_charge_row, "reading a case's defendants");
}

static int add_provision(struct record *r, sqlite3_stmt *s, size_t *unused)
{
	(void)unused;
	size_t cap = r->n_prov;
	if (grow(&r->prov, &cap, r->n_prov, sizeof *r->prov, 8) != 0)
		return -1;
	struct provision *p = &r->prov[r->n_prov++];
	*p = (struct provision){store_dup_col(s, 0), store_dup_col(s, 1), store_dup_col(s, 2),
		store_dup_col(s, 3), store_dup_col(s, 4)};
	return p->article ? 0 : -1;
}

/* Columns: the provision's index, then the case's rowid, id, title,
 * country, year. */
static int add_provision_case(struct record *r, sqlite3_stmt *s, size_t *unused)
{
	(void)unused;
	size_t owner = (size_t)sqlite3_column_int64(s, 0);
	if (owner >= r->n_prov)
		return 0;
	return push_link(r, s, 1, DB_CASES, LINK_PROVISION, owner, NULL) < 0 ? -1 : 0;
}

int store_read_provisions(struct store *st, struct record *r)
{
	sqlite3_stmt *s = store_cached(st,
		"SELECT article, heading, text,"
		"  (SELECT group_concat(value, '; ') FROM (SELECT value FROM provision_tag t"
		"    WHERE t.law_rowid = p.law_rowid AND t.seq = p.seq"
		"    AND t.kind = 'implements' ORDER BY pos)),"
		"  (SELECT group_concat(value, '; ') FROM (SELECT value FROM provision_tag t"
		"    WHERE t.law_rowid = p.law_rowid AND t.seq = p.seq"
		"    AND t.kind = 'cross_cutting' ORDER BY pos))"
		" FROM provisions p WHERE law_rowid = ? ORDER BY seq");
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, r->rowid);
	if (store_each_row(st, s, r, NULL, add_provision, "reading a law's provisions") != 0)
		return -1;
	if (r->n_prov == 0)
		return 0;
	/* The provision's index is its rank among the law's provisions. */
	s = store_cached(st,
		"SELECT (SELECT count(*) FROM provisions q WHERE q.law_rowid = p.law_rowid"
		"    AND q.seq < p.seq),"
		"  c.rowid, c.id, c.title, c.country, c.year"
		" FROM provisions p"
		" JOIN (SELECT DISTINCT case_rowid, law_rowid, article FROM charges"
		"   WHERE law_rowid = ?1) h ON h.article = p.article"
		" JOIN cases c ON c.rowid = h.case_rowid"
		" WHERE p.law_rowid = ?1 ORDER BY p.seq, c.rowid");
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, r->rowid);
	return store_each_row(st, s, r, NULL, add_provision_case, "reading the cases under a law's provisions");
}

void store_free_brief(struct record *r)
{
	for (size_t i = 0; i < r->n_def; i++) {
		struct defendant *d = &r->def[i];
		for (size_t k = 0; k < d->n_charges; k++) {
			struct charge *c = &d->charges[k];
			free(c->charge), free(c->statute), free(c->article);
			free(c->verdict), free(c->sentence);
		}
		free(d->name), free(d->gender), free(d->nationality), free(d->age);
		free(d->charges);
	}
	for (size_t i = 0; i < r->n_prov; i++) {
		struct provision *p = &r->prov[i];
		free(p->article), free(p->heading), free(p->text);
		free(p->implements), free(p->cross_cutting);
	}
	free(r->def);
	free(r->prov);
	r->def = NULL, r->prov = NULL;
	r->n_def = r->n_prov = 0;
}
