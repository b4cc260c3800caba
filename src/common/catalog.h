/* The three databases described as data: tables, record fields, list
 * columns, filters, browse categories, links, and which texts of an htkp/1
 * record feed which facet. The kiosk's views, the command line and
 * htkp-import all read these tables, so a fourth database is a table
 * entry, not new screens or a second list in the importer. */
#ifndef HTKP_CATALOG_H
#define HTKP_CATALOG_H

#include <stddef.h>

enum db { DB_CASES, DB_LEGISLATION, DB_BIBLIOGRAPHY, DB_COUNT };

/* Where a record field's value comes from. */
enum field_kind {
	FIELD_TEXT,         /* a column of the database's table */
	FIELD_LIST,         /* every value of a facet field, in order */
	FIELD_FLAG,         /* a 0/1 column, shown as the field's yes/no words */
	FIELD_PROCEEDINGS,  /* each instance of a case's procedure */
	FIELD_DEFENDANTS,   /* each defendant with their charges; without
			       any, the summary fields that follow it */
	FIELD_PROVISIONS,   /* each provision of a law, with the cases that
			       applied it */
	FIELD_LINKS,        /* the database's links (see struct link_info) */
	FIELD_HEADING,      /* a section heading, no value */
	FIELD_SUMMARY,      /* like FIELD_TEXT or FIELD_LIST (source "@f"),
			       shown only when the record has no FIELD_DEFENDANTS
			       blocks: an htkp/1 case's counts and lists */
};

/* Every label and title in these tables is English, marked N_() for
 * xgettext: code that shows one passes it through _() at the moment of
 * drawing (never into a static: the language can change in a session).
 * An empty label ("": a text without one) stays "" through _().
 * Values of ours (struct field_info's values, yes and no; filter_info's
 * values) are shown through i18n_value() (common/i18n.h); search and
 * filters keep using them in English. */
struct field_info {
	enum field_kind kind;
	const char *label;      /* label: marked N_(), displayed with _() */
	const char *source;     /* column (TEXT, FLAG) or facet field (LIST) */
	const char *yes, *no;   /* FLAG: the words for 1 and 0, values of ours:
				   displayed with i18n_value() */
	const char *facet;      /* FLAG: the facet field holding those words */
	const char *const *values;  /* TEXT, LIST: the closed vocabulary of
				       ours its values come from, NULL-ended,
				       displayed with i18n_value(); NULL: data,
				       shown as stored */
};

/* A column of the result list. */
struct column_info {
	const char *label;      /* label: marked N_(), displayed with _() */
	const char *source;     /* column, or "first_author" */
	int width;              /* columns; 0 = takes the rest (the title) */
	int min_cols;           /* terminal width below which it is dropped */
};

enum filter_kind { FILTER_VALUE, FILTER_YEAR };

struct filter_info {
	const char *name;       /* the facet field, and --filter NAME=... */
	const char *label;      /* label: marked N_(), displayed with _() */
	enum filter_kind kind;
	const char *const *values;  /* the only values allowed, NULL-terminated;
				       NULL when any value is. Values of ours:
				       displayed with i18n_value() */
	const char *id_of;      /* the values are ids of this table's records
				   ("legislation"): shown with their titles */
};

/* A controlled vocabulary of the import formats: the only values a field
 * may hold, in the portal's (the Protocol's) wording. Matching ignores case
 * and runs of white space; the stored value is the canonical wording.
 * aliases: the old htkp/1 short forms, pairs {old, canonical}, NULL-ended. */
struct vocab {
	const char *name;       /* "act": names it in SQL (vocab()) and code */
	const char *noun;       /* "an Act": for "is not an Act keyword" */
	const char *const *values;      /* NULL-terminated */
	const char *const *aliases;     /* NULL-terminated pairs, or NULL */
};

/* Which import formats a text_source describes. */
enum { FMT_1 = 1, FMT_2 = 2, FMT_ANY = FMT_1 | FMT_2 };

/* How a facet's values are written. */
enum text_merge {
	MERGE_NONE,     /* as given, trimmed */
	MERGE_OPEN,     /* an open list: spellings that differ only in case
			   and spacing are one value, the first seen one */
	MERGE_VOCAB,    /* a controlled vocabulary: its canonical wording */
};

/* A text of an import record, by member path ("victims.gender", array
 * indices left out): the facet field its values go to, and whether
 * full-text search covers it. The title is always searched. */
struct text_source {
	const char *path;
	const char *facet;      /* NULL: no facet */
	int searched;
	int formats;            /* FMT_1, FMT_2 or FMT_ANY */
	enum text_merge merge;
	const char *vocab;      /* MERGE_VOCAB: the struct vocab's name */
};

/* Records of another database this one links to, through table case_law. */
struct link_info {
	int target;             /* enum db */
	const char *label;      /* "Laws applied": marked N_(), displayed
				   with _() */
	const char *from_col;   /* case_law column holding this record */
	const char *to_col;     /* case_law column holding the target */
	int searched;           /* the targets' ids and titles are searched
				   with this record ("TVPA" finds the cases
				   that applied the TVPA) */
};

/* Fixed-size arrays elsewhere (store.h, the list and filter views) hold
 * this many; catalog.c refuses to compile a table that is longer. */
#define CATALOG_MAX_COLUMNS 4
#define CATALOG_MAX_FILTERS 28

struct db_info {
	const char *name;       /* "cases": the command-line name, and the
				   htkp/1 member holding its records */
	const char *title;      /* "Case Law": the short name, where the
				   portal's does not fit. Marked N_(),
				   displayed with _() */
	const char *portal_title;  /* "Case Law Database": the portal's name;
				      marked N_(), displayed with _() */
	const char *table;      /* SQL table, and the facet table's db value */
	const char *fts;        /* its FTS5 table */
	const char *date_col;   /* the column shown as the record's date */
	const struct field_info *fields;
	size_t n_fields;
	const struct column_info *columns;
	size_t n_columns;
	const struct filter_info *filters;
	size_t n_filters;
	const char *const *browse;   /* keyword categories: facet fields */
	size_t n_browse;
	const char *country_facet;   /* browse by country */
	const struct link_info *link;  /* NULL when it links nowhere */
	const struct text_source *texts;
	size_t n_texts;
};

extern const struct db_info catalog[DB_COUNT];

/* The database called name ("cases", "legislation", "bibliography"), or -1. */
int catalog_find(const char *name);

/* The filter of db called name, or NULL. */
const struct filter_info *catalog_filter(int db, const char *name);

/* The vocabulary called name ("act", "means", "purpose", "form"), or NULL. */
const struct vocab *catalog_vocab(const char *name);

/* The canonical value of vocabulary v that s[0..n) is (case and spacing
 * ignored), or NULL. aliases: also accept v's old short forms. */
const char *vocab_match(const struct vocab *v, const char *s, size_t n,
			int aliases);

/* The value of v closest to s[0..n): the first it is a prefix or a word
 * subset of, else the one at the smallest edit distance. */
const char *vocab_closest(const struct vocab *v, const char *s, size_t n);

/* The facet fields htkp-import makes from a record's columns rather than
 * its texts (src/import/import_load.c, column_facets_sql), per database,
 * NULL-terminated. */
extern const char *const *const column_facets[DB_COUNT];

/* The verdicts of htkp/2 charges, and the outcomes htkp/1 accepted; the
 * case outcome values (the outcome filter) are derived from either. */
extern const char *const charge_verdicts[];
extern const char *const v1_outcomes[];

/* The statuses of a law (htkp/2 "status"). */
extern const char *const law_statuses[];

/* Every closed vocabulary of ours shown through i18n_value() (the flag
 * fields' yes and no words besides), NULL-terminated. */
extern const char *const *const shown_vocabularies[];

#endif
