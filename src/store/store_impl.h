/* Internals shared by the store_*.c files; nothing outside them sees
 * sqlite3.h. */
#ifndef HTKP_STORE_IMPL_H
#define HTKP_STORE_IMPL_H

#include <sqlite3.h>
#include <sys/types.h>

struct ranked;

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
	struct facet_bits *bits; /* the last search's records (store_facet.h) */
	struct facet_bits *filtered; /* the records its filters leave (same) */
	char *counted_fts;     /* the last words counted alone, */
	int counted_db;        /* in which database (enum db), and */
	long counted;          /* their count (store_search.c) */
};

/* Records "Database error while <what>: <sqlite message>"; returns -1. */
int store_fail(struct store *st, const char *what);
/* Prepares sql; NULL (after store_fail) on error. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);

struct record;

/* A column as a new string, NULL when it is NULL (or memory ran out). */
char *store_dup_col(sqlite3_stmt *s, int i);

/* Steps s to its end, handing each row to add (which grows the array cap
 * is the capacity of, when it keeps one), then finalizes s. Returns 0, or
 * -1 with the error recorded: SQLite's, or running out of memory while
 * what ("reading links"). */
int store_each_row(struct store *st, sqlite3_stmt *s, struct record *r, size_t *cap,
		   int (*add)(struct record *r, sqlite3_stmt *s, size_t *cap),
		   const char *what);

#endif
