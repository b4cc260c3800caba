/* The only module with SQL. Opens the database read-only and defensive
 * (no writes, no extensions, no fts3_tokenizer), checks the schema
 * version, and answers counts, searches, facets, pages and records. */
#include "store/store.h"
#include "store/store_impl.h"
#include "common/catalog.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Reads only: whatever a statement tries, it can never change a byte. */
static int authorize(void *user, int action, const char *a, const char *b,
		     const char *c, const char *d)
{
	(void)user, (void)b, (void)c, (void)d;
	switch (action) {
	case SQLITE_UPDATE:
		/* FTS5 declares its table when it connects, which the
		 * authorizer sees as an update of sqlite_master; the file is
		 * open read-only, so nothing can be written either way. */
		return a && strcmp(a, "sqlite_master") == 0 ? SQLITE_OK : SQLITE_DENY;
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_FUNCTION:
	case SQLITE_RECURSIVE:
	case SQLITE_PRAGMA:   /* PRAGMA is also denied to writes by query_only */
		return SQLITE_OK;
	default:
		return SQLITE_DENY;
	}
}

static int configure(sqlite3 *db)
{
	int on = 1, off = 0, rc = 0;
	rc |= sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, on, NULL);
	rc |= sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, off, NULL);
	rc |= sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, off, NULL);
	rc |= sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, off, NULL);
	rc |= sqlite3_exec(db, "PRAGMA query_only = 1", NULL, NULL, NULL);
	/* Map the file: every kiosk session then reads the same pages from
	 * the page cache instead of copying them into its own. */
	rc |= sqlite3_exec(db, "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL);
	return rc;
}

/* Checks that the file is an htkp database of the version we read. */
static int check_schema(struct store *st, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL);
	int version = -1;
	if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		version = sqlite3_column_int(s, 0);
	rc = sqlite3_finalize(s);
	if (rc != SQLITE_OK || version < 0) {
		snprintf(err, errlen, "%s: not a database, or damaged (%s)", st->path,
			 sqlite3_errmsg(st->db));
		return -1;
	}
	if (version == 0) {
		snprintf(err, errlen, "%s: not an htkp database (build it with htkp-import)",
			 st->path);
		return -1;
	}
	if (version != STORE_SCHEMA_VERSION) {
		snprintf(err, errlen,
			 "%s: database schema version %d, this htkp reads version %d "
			 "(rebuild it with this version's htkp-import)",
			 st->path, version, STORE_SCHEMA_VERSION);
		return -1;
	}
	for (int i = 0; i < DB_COUNT; i++)
		if (store_count(st, i) < 0) {
			snprintf(err, errlen, "%s: damaged database (%s)", st->path,
				 st->error);
			return -1;
		}
	return 0;
}

static int open_file(struct store *st, char *err, size_t errlen)
{
	struct stat sb;
	if (stat(st->path, &sb) != 0) {
		snprintf(err, errlen, "cannot open database %s: %s", st->path,
			 strerror(errno));
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "cannot open database %s: it is a directory", st->path);
		return -1;
	}
	st->dev = sb.st_dev;
	st->ino = sb.st_ino;
	int rc = sqlite3_open_v2(st->path, &st->db,
				 SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot open database %s: %s", st->path,
			 st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		return -1;
	}
	if (configure(st->db) != 0) {
		snprintf(err, errlen, "cannot open database %s: %s", st->path,
			 sqlite3_errmsg(st->db));
		return -1;
	}
	sqlite3_set_authorizer(st->db, authorize, NULL);
	return check_schema(st, err, errlen);
}

static void close_file(struct store *st)
{
	sqlite3_close(st->db);
	st->db = NULL;
}

struct store *store_open(const char *path, char *err, size_t errlen)
{
	struct store *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		snprintf(err, errlen, "out of memory");
		free(st);
		return NULL;
	}
	if (open_file(st, err, errlen) != 0) {
		store_close(st);
		return NULL;
	}
	return st;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	close_file(st);
	free(st->path);
	free(st);
}

int store_reopen_if_replaced(struct store *st)
{
	struct stat sb;
	if (stat(st->path, &sb) != 0 || (sb.st_dev == st->dev && sb.st_ino == st->ino))
		return 0;   /* gone or unchanged: keep reading the file we have */
	struct store fresh = {.path = st->path};
	char err[256];
	if (open_file(&fresh, err, sizeof err) != 0) {
		close_file(&fresh);
		return 0;
	}
	close_file(st);
	fresh.path = st->path;
	*st = fresh;
	return 1;
}

const char *store_error(const struct store *st)
{
	return st->error;
}

int store_fail(struct store *st, const char *what)
{
	snprintf(st->error, sizeof st->error, "Database error while %s: %s", what,
		 sqlite3_errmsg(st->db));
	return -1;
}

sqlite3_stmt *store_prepare(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		store_fail(st, "preparing a query");
		return NULL;
	}
	return s;
}

long store_count(struct store *st, int db)
{
	struct search all = {.db = db};   /* no words, no filters */
	return store_search_count(st, &all);
}
