/* The three databases described as data: tables, labels, list columns,
 * filters and links. The list, record, search and filter views read
 * these tables, so a fourth database is a table entry, not new screens. */
#ifndef HTKP_CATALOG_H
#define HTKP_CATALOG_H

enum db { DB_CASES, DB_LEGISLATION, DB_BIBLIOGRAPHY, DB_COUNT };

struct db_info {
	const char *name;       /* "cases": the command-line name */
	const char *title;      /* "Case Law" */
	const char *table;      /* SQL table, also the facet table's db value */
	const char *fts;        /* its FTS5 table */
	const char *noun;       /* "case" */
	const char *nouns;      /* "cases" */
};

extern const struct db_info catalog[DB_COUNT];

/* The database called name ("cases", "legislation", "bibliography"), or -1. */
int catalog_find(const char *name);

#endif
