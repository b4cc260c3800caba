/* The database: every SQL statement of the kiosk lives in store.c. The
 * file is opened read-only and reopened when htkp-import replaces it. */
#ifndef HTKP_STORE_H
#define HTKP_STORE_H

#include "common/catalog.h"

#include <stdbool.h>
#include <stddef.h>

#define STORE_SCHEMA_VERSION 5

/* At most this much of the file is mapped into memory (shared between
 * sessions through the page cache). */
#define STORE_MMAP_SIZE (1L << 30)

/* store_open's time limit for one statement, milliseconds. */
#define STORE_TIME_LIMIT 5000

struct store;

/* Opens the database at path read-only. On failure returns NULL and
 * writes one line saying why into err. Caller closes with store_close. */
struct store *store_open(const char *path, char *err, size_t errlen);
/* The same, stopping any statement (from the checks at open on) that
 * runs longer than time_limit milliseconds with an error saying so. */
struct store *store_open_bounded(const char *path, int time_limit, char *err,
				 size_t errlen);
void store_close(struct store *st);

/* Number of records in database db (enum db), or -1 on error. */
long store_count(struct store *st, int db);

/* The day the data was imported ("2026-12-02", from the meta table) into
 * buf. Returns 0, or -1 when the file does not say. */
int store_data_date(struct store *st, char *buf, size_t len);

/* Reopens the database when its file was replaced (htkp-import renames a
 * new one into place). Returns 1 when it reopened, 0 otherwise. */
int store_reopen_if_replaced(struct store *st);

/* Forgets what the store keeps of the last search (its ranked rowids,
 * the count of its words):
 * the next page is ranked anew. Reopening a replaced file does it too. */
void store_forget(struct store *st);

/* The last error, one line for the status bar. */
const char *store_error(const struct store *st);

enum sort { SORT_RELEVANCE, SORT_NEWEST, SORT_OLDEST, SORT_TITLE, SORT_COUNT };
extern const char *const sort_names[SORT_COUNT];

/* Room for every filter and list column the catalog may give a database. */
#define STORE_MAX_FILTERS 32
#define STORE_MAX_COLUMNS 4
/* Values one filter may take at once (any of them: OR). Bounded so that a
 * search's SQL and its parameters have a known size. */
#define STORE_MAX_VALUES 50
_Static_assert(STORE_MAX_FILTERS >= CATALOG_MAX_FILTERS,
	       "struct search holds fewer filters than a database may have");
_Static_assert(STORE_MAX_COLUMNS >= CATALOG_MAX_COLUMNS,
	       "struct result holds fewer columns than a list may have");

/* Another reading of a search's words (query.c makes them). */
struct search_alt {
	const char *fts;
	int tier;   /* of one tier the reading finding most wins; lower tiers first */
};

/* What a search's words answer by; SEARCH_AS_TYPED, SEARCH_BY_ID or an
 * index of search_relax.alt. */
enum { SEARCH_AS_TYPED = -1, SEARCH_BY_ID = -2 };

/* Near misses: a record id the words may be, tried before them, and other
 * readings, tried when they find nothing. Every search call writes into
 * used what answered it. */
struct search_relax {
	const char *id;             /* NULL: none */
	const struct search_alt *alt;
	size_t n_alt;
	int used;
};

/* One filter: a record passes when facet field holds any of values (OR
 * within the field), or, for a year filter (values NULL), a year from
 * from to to. */
struct search_filter {
	const char *field;          /* a facet field of the catalog */
	const char *const *values;  /* 1 to STORE_MAX_VALUES; NULL: a year range */
	size_t n_values;
	int from, to;               /* a year range's ends, 0 = open */
};

/* What a list shows: a database, an FTS5 expression (query.c) and
 * filters (AND across fields). Strings are not owned. */
struct search {
	int db;
	const char *fts;            /* NULL: no text search */
	const char *id;             /* only the record with this id, as typed or
				       in capitals or small letters; NULL: any */
	struct search_relax *relax; /* NULL: the search as it is */
	struct search_filter filters[STORE_MAX_FILTERS];
	size_t n_filters;
	const char *added_since;    /* only records added on or after this
				       day ("YYYY-MM-DD"); NULL: any */
	int sort;                   /* enum sort */
};

/* One row of a result list: the catalog's list columns, in order. */
struct result {
	long rowid;
	char *id;
	char *cols[STORE_MAX_COLUMNS];
	char *snippet;   /* text around the match, terms between \1 and \2 */
};

struct result_page {
	struct result *v;
	size_t n;
};

/* Number of records the search finds, or -1 on error. With relax, the
 * search counted is the one relax->used names (so for the page and facet
 * calls below). */
long store_search_count(struct store *st, const struct search *q);

/* Up to limit rows from offset, in the search's order, into *out (caller
 * frees with result_page_free). Returns 0 or -1. */
int store_search_page(struct store *st, const struct search *q, long offset,
		      int limit, struct result_page *out);
void result_page_free(struct result_page *p);

/* Makes sure paging to the first rows results of q ranks nothing: ranks
 * and keeps them now when q's order needs ranking and they are not kept
 * yet (else does nothing). The kiosk calls it while it waits for keys,
 * as the reader nears the end of what is kept, so that the PgDn past it
 * reads rows by rowid. Returns 0 or -1 (a database error). */
int store_search_prepare(struct store *st, const struct search *q, long rows);

struct facet_value {
	char *value;
	long count;
	char *title;    /* a filter whose values are record ids (catalog's
			   id_of): that record's title, NULL when none */
};

struct facet_list {
	struct facet_value *v;
	size_t n;
};

/* Every value of facet field with the number of records it would leave
 * together with the search and the other fields' filters (its own field's
 * filter, values or year range, is left out). Years come newest
 * first, other values in alphabetical order. Caller frees. 0 or -1. */
int store_facet(struct store *st, const struct search *q, const char *field,
		struct facet_list *out);
void facet_list_free(struct facet_list *f);

struct proceeding {
	char *court, *date, *decision, *decision_number, *outcome, *sentence;
};

/* Where a link is shown in the record. */
enum link_place {
	LINK_LISTED,     /* in the record's list of links ("Laws applied") */
	LINK_CHARGE,     /* a charge's statute: a case to the law it names */
	LINK_PROVISION,  /* under a law's provision: a case that applied it */
};

struct record_link {
	int db;
	long rowid;
	char *id, *title, *country, *year;
	char *article;           /* the target's provision to land on, or NULL */
	enum link_place place;
	size_t owner;            /* LINK_PROVISION: index in record.prov */
};

/* A charge (claim, decision) against a defendant, as the portal lists
 * them under "Charges / Claims / Decisions". */
struct charge {
	char *charge, *statute, *article, *verdict, *sentence;
	int link;                /* index in record.links, -1 when the statute
				    names no law record */
};

struct defendant {
	char *name, *gender, *nationality, *age;
	struct charge *charges;
	size_t n_charges;
};

/* One article of a law: its tags joined by "; ". */
struct provision {
	char *article, *heading, *text, *implements, *cross_cutting;
};

/* One record with every field: columns by name, facet lists as "@field"
 * (values joined by "; "), a case's proceedings and defendants, a law's
 * provisions, and the links (every link of every place). */
struct record {
	int db;
	long rowid;
	struct record_value {
		char *key, *value;
	} *values;
	size_t n_values;
	struct proceeding *proc;
	size_t n_proc;
	struct defendant *def;
	size_t n_def;
	struct provision *prov;
	size_t n_prov;
	struct record_link *links;
	size_t n_links;
};

/* Reads record rowid of db into *out (caller frees with record_free).
 * Returns 0, 1 when there is no such record, -1 on error. */
int store_record(struct store *st, int db, long rowid, struct record *out);
/* The value of key (a column, or "@field" for a list), NULL when empty. */
const char *record_value(const struct record *r, const char *key);
void record_free(struct record *r);

/* A record named by its title and the day it joined the data (store_added.c). */
struct rec_item {
	int db;
	long rowid;
	char *title, *added;   /* added: "YYYY-MM-DD", "" when unknown */
};

struct rec_items {
	struct rec_item *v;
	size_t n;
};

/* Records of db added on or after since ("YYYY-MM-DD"), or -1 on error. */
long store_added_since(struct store *st, int db, const char *since);
/* Up to limit records of db, the most recently added first, into *out
 * (caller frees with rec_items_free). 0 or -1. */
int store_recent(struct store *st, int db, int limit, struct rec_items *out);
/* Title and day of record rowid into *out (caller frees with
 * rec_item_free). 0, 1 when there is no such record, -1 on error. */
int store_item(struct store *st, int db, long rowid, struct rec_item *out);
void rec_item_free(struct rec_item *it);
void rec_items_free(struct rec_items *l);

/* The rowid of the record with this id, or else with this id in another
 * case ("gbr-2015-msa"), 0 when none, -1 on error. */
long store_find_id(struct store *st, int db, const char *id);

#endif
