/* Internals shared by the store_*.c files; nothing outside them sees
 * sqlite3.h. */
#ifndef HTKP_STORE_IMPL_H
#define HTKP_STORE_IMPL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <sys/types.h>

struct ranked;

/* Statements kept prepared (store_cached): the record view and each
 * result's snippet read a record with eight of them, and preparing
 * them again each time cost most of the reading. */
#define STORE_KEPT_STATEMENTS 24

struct kept_statement {
	char *sql;
	sqlite3_stmt *s;
	bool busy;               /* handed out, not yet given back */
	unsigned long used;      /* when last handed out: the oldest goes */
};

struct store {
	sqlite3 *db;
	char *path;
	dev_t dev;           /* identity of the file we opened, to notice */
	ino_t ino;           /* a new one renamed into place */
	int time_limit;      /* milliseconds a statement may run */
	double deadline;     /* CLOCK_MONOTONIC seconds the current one must end by */
	char error[300];
	struct ranked *ranked; /* the last ranked search (store_ranked.h);
				  dropped with the file it was read from */
	struct fts5_api *fts5; /* the connection's FTS5 (store_toprank.c) */
	bool vocab;          /* the file has table vocab (schema version 5):
				prefixes are searched as their words
				(fts_words.h) */
	bool word_counts;    /* and table word_counts (store_dense.h) */
	struct bm25_lengths *lengths; /* the records' lengths bm25 reads */
	struct facet_bits *bits; /* the last search's records (store_facet.h) */
	struct facet_bits *filtered; /* the records its filters leave (same) */
	char *words_of;        /* the last expression fts_matching */
	int words_db;          /* rewrote, in which database, and */
	char *words;           /* what it became (NULL: itself) */
	char *counted_fts;     /* the last words counted alone, */
	int counted_db;        /* in which database (enum db), and */
	long counted;          /* their count (store_search.c) */
	struct kept_statement kept[STORE_KEPT_STATEMENTS];
	unsigned long kept_clock;
};

/* Records "Database error while <what>: <sqlite message>"; returns -1. */
int store_fail(struct store *st, const char *what);
/* Prepares sql; NULL (after store_fail) on error. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);

/* Like store_prepare, but the statement is kept prepared for the next
 * call with the same sql (which must then bind every value, never paste
 * one in). Give it back with store_done, never sqlite3_finalize. */
sqlite3_stmt *store_cached(struct store *st, const char *sql);

/* Gives back a statement of store_cached (reset, its values unbound,
 * kept), or finalizes one of store_prepare. NULL is ignored. */
void store_done(struct store *st, sqlite3_stmt *s);

struct record;

/* A column as a new string, NULL when it is NULL (or memory ran out). */
char *store_dup_col(sqlite3_stmt *s, int i);

/* Steps s to its end, handing each row to add (which grows the array cap
 * is the capacity of, when it keeps one), then gives s back (store_done). Returns 0, or
 * -1 with the error recorded: SQLite's, or running out of memory while
 * what ("reading links"). */
int store_each_row(struct store *st, sqlite3_stmt *s, struct record *r, size_t *cap,
		   int (*add)(struct record *r, sqlite3_stmt *s, size_t *cap),
		   const char *what);

#endif
