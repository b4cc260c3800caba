/* htkp-import: what the import_*.c files share. The program reads htkp/1
 * and htkp/2 JSON files, checks them, and builds a new database file that replaces the
 * old one in a single rename(); see man/htkp-import.1. */
#ifndef HTKP_IMPORT_H
#define HTKP_IMPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <sqlite3.h>

#include "common/catalog.h"

#define IMP_VERSION "htkp-import 0.1"
/* The formats read; a file is one of them (struct imp_file.format). */
#define IMP_FORMAT_1 "htkp/1"
#define IMP_FORMAT_2 "htkp/2"
#define IMP_FORMATS "\"" IMP_FORMAT_2 "\" or \"" IMP_FORMAT_1 "\""

/* The size limits of htkp-import(1), "LIMITS": far above any real record
 * (the sample's longest text is under 1 KB), low enough that the copies
 * SQLite makes of a value while checking and loading it stay small. */
#define IMP_MAX_TEXT   (1ul << 20)      /* bytes of one string or number */
#define IMP_MAX_RECORD (8ul << 20)      /* bytes of one record's JSON */
#define IMP_MAX_DEPTH  2000             /* SQLite's own JSON nesting limit */

/* Every fallible function returns one of these; the diagnostic line has
 * already been printed when it returns anything but IMP_OK. */
enum imp_status {
	IMP_OK = 0,
	IMP_EDATA,      /* the input is wrong: report and keep checking */
	IMP_EFATAL      /* I/O, memory or SQLite failure: stop */
};

struct imp_file {
	const char *name;       /* as given on the command line */
	const char *text;       /* the file mapped (import_read.c), past a
				   byte order mark; unmapped once staged */
	size_t len;
	void *map;              /* the mapping, for munmap and madvise */
	size_t map_len;
	int jsonl;              /* JSON Lines: the name ends in .jsonl */
	int staged;             /* its records are in temp.rec */
	int format;             /* 1 or 2 once its tag is read, else 0 */
	long count[DB_COUNT];
};

struct imp {
	sqlite3 *db;            /* main: the temp output file, or :memory: */
	const char *out_path;   /* NULL with --check */
	int out_fd;             /* the temporary output file, or -1 */
	struct imp_file *files;
	int nfiles;
	long count[DB_COUNT];
	unsigned long errors;
	unsigned long warnings;
	int out_of_room;        /* "no room to write" already said */
	size_t max_text;        /* IMP_MAX_TEXT; lower in the fuzz target */
	size_t max_record;      /* IMP_MAX_RECORD */
	struct imp_fts *fts;    /* the indexing thread, while it runs */
};

/* Where a diagnostic points: any member may be unset (NULL, idx < 0 or
 * line 0). A record of a JSON Lines file is named by its line, one of a
 * JSON document by its position in its array. */
struct imp_loc {
	const char *file;
	const char *db;
	long idx;
	const char *id;
	const char *field;
	long line;
};

/* import_diag.c */
#define IMP_QUOTE_MAX 96
void imp_error(struct imp *imp, const struct imp_loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void imp_verror(struct imp *imp, const struct imp_loc *loc, const char *fmt,
				va_list ap) __attribute__((format(printf, 3, 0)));
void imp_warn(struct imp *imp, const struct imp_loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void imp_fatal(struct imp *imp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void imp_diag_flush(const struct imp *imp);
const char *imp_quote(char out[IMP_QUOTE_MAX], const char *s);
enum imp_status imp_sqlerr(struct imp *imp, const char *what);
/* The same line for a failure in temporary storage outside imp->db's
 * files: SQLite's rc with errno sys and its message msg (another
 * connection's), or the import's own write failing with errno e. */
enum imp_status imp_temp_sqlerr(struct imp *imp, int rc, int sys, const char *what,
				const char *msg);
enum imp_status imp_temp_error(struct imp *imp, int e, const char *what);
int imp_is_room_errno(int e);
void imp_phase(const char *what);
const char *imp_type_name(const char *type);

/* import_text.c */
void imp_trim(const char *s, size_t n, size_t *start, size_t *len);
int imp_is_date(const char *s, size_t n);
const char *imp_id_problem(const char *s, size_t n);
int imp_register_functions(sqlite3 *db);

/* import_toprank.c: table rank_top, once the full-text indexes are built */
enum imp_status imp_toprank_load(struct imp *imp);
/* import_facets.c: tables facet_value, facet_rec and facet_recs, once
 * the records and case_law are loaded */
enum imp_status imp_facets_load(struct imp *imp);
/* import_added_count.c: table added_count, once the records are dated */
enum imp_status imp_added_count(struct imp *imp);

/* import_vocab.c */
int imp_register_vocab_functions(sqlite3 *db);

/* import_read.c. The scan gives back the pages it has read each time it
 * is this far past the last time (imp_drop_read). */
#define IMP_READ_BEHIND (4u << 20)
int imp_temp_fd(void);
enum imp_status imp_read_file(struct imp *imp, struct imp_file *f);
enum imp_status imp_check_text(struct imp *imp, struct imp_file *f);
void imp_drop_read(const struct imp_file *f, size_t upto);
void imp_unmap_file(struct imp_file *f);
enum imp_status imp_report_syntax(struct imp *imp, const struct imp_file *f,
				  size_t off, const char *why);
enum imp_status imp_report_nul(struct imp *imp, const struct imp_file *f,
			       size_t off);

/* import_scan.c: the scan hands what it finds to these, in file order;
 * each returns nonzero on a fatal error, which stops the scan. */
#define IMP_NAME_MAX 128        /* bytes kept of a member name or format */
struct imp_scan_hooks {
	void *ctx;
	/* A record: its database, its position among the file's records of
	 * that database, its line (JSON Lines; else 0), its JSON text. */
	int (*record)(void *ctx, int db, long idx, long line, const char *json,
		      size_t len);
	/* A member of the top-level object (JSON Lines: of the first line):
	 * its name and, for a string, its value, decoded and cut to
	 * IMP_NAME_MAX - 1 bytes; its json_type() name. */
	int (*member)(void *ctx, const char *key, const char *type,
		      const char *atom);
	int top_is_object;      /* set by the scan */
};
enum imp_status imp_scan_json(struct imp *imp, const struct imp_file *f,
			      struct imp_scan_hooks *hooks, size_t *off,
			      const char **why, size_t *nul_at);

/* import_check.c */
enum imp_status imp_check_files(struct imp *imp);

/* import_stage.c */
enum imp_status imp_open(struct imp *imp, const char *path);
enum imp_status imp_stage_file(struct imp *imp, int file_no);
enum imp_status imp_exec(struct imp *imp, const char *sql, const char *what);
int imp_column_text(sqlite3_stmt *st, int i, const char **out);
enum imp_status imp_count_records(struct imp *imp);

/* import_validate.c */
enum imp_status imp_validate_records(struct imp *imp);

/* import_links.c */
enum imp_status imp_check_links(struct imp *imp, int all_staged);

/* import_load.c */
enum imp_status imp_load(struct imp *imp);

/* import_fts.c: the full-text indexes, built on a second thread while
 * the first builds the facets. imp_fts_start starts the thread and
 * writes what each record gives its index to a temporary file, which
 * the thread indexes as it comes, in a temporary database of its own;
 * imp_fts_finish waits for it and copies the indexes' tables into
 * imp->db. Either releases everything when it fails; imp_fts_cancel
 * stops the thread and drops its work (a failure in between; nothing
 * started is fine too). */
enum imp_status imp_fts_start(struct imp *imp);
enum imp_status imp_fts_finish(struct imp *imp);
void imp_fts_cancel(struct imp *imp);

/* import_added.c: each record's day (column added). attach reads the
 * previous -o file, if it is an htkp database, before the load's
 * transaction; load dates every record inside it; detach after. */
enum imp_status imp_added_attach(struct imp *imp);
enum imp_status imp_added_load(struct imp *imp);
void imp_added_detach(struct imp *imp);

/* import_out.c */
enum imp_status imp_out_begin(struct imp *imp, char **tmp_path, int *fd);
enum imp_status imp_out_commit(struct imp *imp, const char *tmp_path, int fd);
void imp_out_abort(const char *tmp_path, int fd);

#endif
