/* The only module with SQL. Opens the database read-only and defensive
 * (no writes, no extensions, no fts3_tokenizer), checks that its schema is
 * exactly the one htkp-import writes, bounds every statement's time, and
 * answers counts, searches, facets, pages and records. */
#include "store/store.h"
#include "store/store_impl.h"
#include "store/store_ranked.h"
#include "common/bm25.h"
#include "store/store_facet.h"
#include "store/fts_words.h"
#include "common/catalog.h"

#include <ctype.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "schema_sql.h"   /* db/schema.sql, what htkp-import creates */

/* How many virtual-machine steps between two looks at the clock: about
 * 10 microseconds of work. */
#define PROGRESS_STEPS 1000

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A statement begins: it has time_limit from now. */
static void start_clock(struct store *st)
{
	st->deadline = now_seconds() + st->time_limit / 1000.0;
}

/* SQLite's progress handler: non-zero stops the statement (SQLITE_INTERRUPT).
 * A recursive view that never ends, planted in a file, is stopped here. */
static int over_time(void *user)
{
	const struct store *st = user;
	return now_seconds() > st->deadline;
}

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
	/* Sorts and temporary b-trees stay in memory: the kiosk never
	 * creates a file (its sandbox would kill it for trying). */
	rc |= sqlite3_exec(db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	/* Map the file: every kiosk session then reads the same pages from
	 * the page cache instead of copying them into its own. */
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA mmap_size = %ld", STORE_MMAP_SIZE);
	rc |= sqlite3_exec(db, pragma, NULL, NULL, NULL);
	return rc;
}

/* Every object of a schema in one order, with the SQL text of those
 * schema.sql creates; an FTS5 table's shadow tables are compared by name
 * and type only, since SQLite writes their SQL and may change it. */
static const char schema_rows[] =
	"SELECT type, name, tbl_name, CASE WHEN EXISTS (SELECT 1 FROM sqlite_master v"
	" WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND m.name LIKE v.name || '\\_%' ESCAPE '\\')"
	" THEN NULL ELSE sql END FROM sqlite_master m ORDER BY type, name";

/* Column i of s as text for a message: printable ASCII only, cut short. */
static void shown(sqlite3_stmt *s, int i, char *out, size_t len)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	size_t o = 0;
	for (; v && *v && o + 1 < len; v++)
		out[o++] = *v >= 0x20 && *v < 0x7f ? (char)*v : '?';
	out[o] = '\0';
}

static bool same_column(sqlite3_stmt *a, sqlite3_stmt *b, int i)
{
	const char *x = (const char *)sqlite3_column_text(a, i);
	const char *y = (const char *)sqlite3_column_text(b, i);
	return x && y ? strcmp(x, y) == 0 : x == y;
}

/* Compares the file's schema with ref's row by row. 0 when they agree,
 * else -1 with the first difference in what (one phrase). */
static int compare_rows(sqlite3_stmt *file, sqlite3_stmt *ref, char *what, size_t len)
{
	for (;;) {
		int f = sqlite3_step(file), r = sqlite3_step(ref);
		if (f != SQLITE_ROW && f != SQLITE_DONE) {
			snprintf(what, len, "%s", sqlite3_errmsg(sqlite3_db_handle(file)));
			return -1;
		}
		if (f == SQLITE_DONE && r == SQLITE_DONE)
			return 0;
		char type[16], name[48];
		sqlite3_stmt *diff = f == SQLITE_ROW ? file : ref;
		int order = f != SQLITE_ROW ? 1 : r != SQLITE_ROW ? -1 : 0;
		for (int i = 0; i < 2 && order == 0; i++) {
			const char *x = (const char *)sqlite3_column_text(file, i);
			const char *y = (const char *)sqlite3_column_text(ref, i);
			order = strcmp(x ? x : "", y ? y : "");
		}
		if (order == 0 && same_column(file, ref, 2) && same_column(file, ref, 3))
			continue;
		diff = order > 0 ? ref : file;
		shown(diff, 0, type, sizeof type);
		shown(diff, 1, name, sizeof name);
		snprintf(what, len, order < 0 ? "unexpected %s \"%s\"" : order > 0 ?
			 "missing %s \"%s\"" : "%s \"%s\" differs", type, name);
		return -1;
	}
}

/* What version 5 added to version 4: a version 4 file has all the
 * rest. */
#define VERSION_5_TABLES_DROPPED "DROP TABLE vocab; DROP TABLE word_counts"

/* Refuses a file whose tables, indexes, views and triggers are not
 * exactly those of db/schema.sql: a view or trigger planted in a file
 * would otherwise run inside the kiosk's queries. */
static int check_objects(struct store *st, int version, char *err, size_t errlen)
{
	sqlite3 *ref = NULL;
	sqlite3_stmt *file = NULL, *want = NULL;
	char what[160] = "out of memory";
	int rc = -1;
	if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
	    && sqlite3_exec(ref, schema_sql, NULL, NULL, NULL) == SQLITE_OK
	    && (version > 4 || sqlite3_exec(ref, VERSION_5_TABLES_DROPPED, NULL, NULL, NULL)
			       == SQLITE_OK)
	    && sqlite3_prepare_v2(ref, schema_rows, -1, &want, NULL) == SQLITE_OK
	    && sqlite3_prepare_v2(st->db, schema_rows, -1, &file, NULL) == SQLITE_OK)
		rc = compare_rows(file, want, what, sizeof what);
	else if (ref && sqlite3_errcode(st->db) != SQLITE_OK)
		snprintf(what, sizeof what, "%s", sqlite3_errmsg(st->db));
	sqlite3_finalize(file);
	sqlite3_finalize(want);
	sqlite3_close(ref);
	if (rc != 0)
		snprintf(err, errlen, "%s: not the schema htkp-import writes (%s); "
			 "rebuild it with htkp-import", st->path, what);
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
	/* Version 4 lacks only vocab and word_counts: it is read as it
	 * was (a prefix, and a word in many records within filters,
	 * searched the slower way) until it is imported again. */
	if (version != STORE_SCHEMA_VERSION && version != 4) {
		snprintf(err, errlen,
			 "%s: database schema version %d, this htkp reads version %d "
			 "(rebuild it with this version's htkp-import)",
			 st->path, version, STORE_SCHEMA_VERSION);
		return -1;
	}
#ifdef HTKP_DEBUG_HOOKS
	/* Debug builds only: lets a planted view through, so that a test can
	 * see the time limit stop it. */
	if (!getenv("HTKP_DEBUG_TRUST_SCHEMA"))
#endif
	if (check_objects(st, version, err, errlen) != 0)
		return -1;
	st->vocab = st->word_counts = version > 4;
	for (int i = 0; i < DB_COUNT; i++)
		if (store_count(st, i) < 0) {
			snprintf(err, errlen, "%s: damaged database (%s)", st->path,
				 st->error);
			return -1;
		}
	return 0;
}

/* "file:PATH?immutable=1", PATH's bytes outside [A-Za-z0-9/._~-]
 * written %XX (SQLite's URI rules); an absolute path after an empty
 * authority, so that "//srv/htkp.db" is not read as host "srv". */
static char *immutable_uri(const char *path)
{
	static const char tail[] = "?immutable=1";
	char *uri = malloc(7 + 3 * strlen(path) + sizeof tail), *o = uri;
	if (!uri)
		return NULL;
	o += sprintf(o, path[0] == '/' ? "file://" : "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (isalnum(*p) || strchr("/._~-", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	strcpy(o, tail);
	return uri;
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
	/* immutable: no file locks and no look for a hot journal before every
	 * statement (a few system calls each, and a record read takes eight
	 * statements). The file is never written in place: htkp-import
	 * renames a new one over it, which the stat() above notices. */
	char *uri = immutable_uri(st->path);
	int rc = uri ? sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
				       | SQLITE_OPEN_URI, NULL)
		     : SQLITE_NOMEM;
	free(uri);
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
	st->fts5 = bm25_attach(st->db, &st->lengths);
	if (facet_attach(st->db) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open database %s: %s", st->path,
			 sqlite3_errmsg(st->db));
		return -1;
	}
	sqlite3_set_authorizer(st->db, authorize, NULL);
	sqlite3_progress_handler(st->db, PROGRESS_STEPS, over_time, st);
	start_clock(st);
	return check_schema(st, err, errlen);
}

static void close_file(struct store *st)
{
	for (int i = 0; i < STORE_KEPT_STATEMENTS; i++) {
		sqlite3_finalize(st->kept[i].s);
		free(st->kept[i].sql);
		st->kept[i] = (struct kept_statement){0};
	}
	sqlite3_close(st->db);
	st->db = NULL;
}

struct store *store_open(const char *path, char *err, size_t errlen)
{
	return store_open_bounded(path, STORE_TIME_LIMIT, err, errlen);
}

struct store *store_open_bounded(const char *path, int time_limit, char *err,
				 size_t errlen)
{
	struct store *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		snprintf(err, errlen, "out of memory");
		free(st);
		return NULL;
	}
	st->time_limit = time_limit;
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
	ranked_drop(st);
	facet_bits_drop(st);
	fts_words_drop(st);
	free(st->counted_fts);
	free(st->path);
	free(st);
}

int store_reopen_if_replaced(struct store *st)
{
	struct stat sb;
	if (stat(st->path, &sb) != 0 || (sb.st_dev == st->dev && sb.st_ino == st->ino))
		return 0;   /* gone or unchanged: keep reading the file we have */
	struct store fresh = {.path = st->path, .time_limit = st->time_limit};
	char err[256];
	if (open_file(&fresh, err, sizeof err) != 0) {
		close_file(&fresh);
		return 0;
	}
	close_file(st);
	ranked_drop(st);   /* its rowids were the old file's */
	free(st->counted_fts);   /* and its count */
	facet_bits_drop(st);
	fts_words_drop(st);   /* and the words it had */
	fresh.path = st->path;
	*st = fresh;
	/* The handler was given fresh's address, which is about to go. */
	sqlite3_progress_handler(st->db, PROGRESS_STEPS, over_time, st);
	return 1;
}

const char *store_error(const struct store *st)
{
	return st->error;
}

int store_fail(struct store *st, const char *what)
{
	if (sqlite3_errcode(st->db) == SQLITE_INTERRUPT) {
		snprintf(st->error, sizeof st->error, "Stopped while %s: the database took "
			 "longer than %d ms ([database] time_limit)", what, st->time_limit);
		return -1;
	}
	snprintf(st->error, sizeof st->error, "Database error while %s: %s", what,
		 sqlite3_errmsg(st->db));
	return -1;
}

sqlite3_stmt *store_prepare(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	start_clock(st);
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		store_fail(st, "preparing a query");
		return NULL;
	}
	return s;
}

sqlite3_stmt *store_cached(struct store *st, const char *sql)
{
	struct kept_statement *slot = NULL;
	for (int i = 0; i < STORE_KEPT_STATEMENTS; i++) {
		struct kept_statement *k = &st->kept[i];
		if (k->sql && !k->busy && strcmp(k->sql, sql) == 0) {
			start_clock(st);
			k->busy = true;
			k->used = ++st->kept_clock;
			return k->s;
		}
		/* A free slot, else the one given back longest ago. */
		if (!k->busy && (!slot || (slot->sql && (!k->sql || k->used < slot->used))))
			slot = k;
	}
	sqlite3_stmt *s = store_prepare(st, sql);
	char *copy = s && slot ? strdup(sql) : NULL;
	if (!copy)
		return s;   /* every slot in use, or no memory: not kept */
	sqlite3_finalize(slot->s);
	free(slot->sql);
	*slot = (struct kept_statement){copy, s, true, ++st->kept_clock};
	return s;
}

void store_done(struct store *st, sqlite3_stmt *s)
{
	for (int i = 0; s && i < STORE_KEPT_STATEMENTS; i++)
		if (st->kept[i].s == s) {
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			st->kept[i].busy = false;
			return;
		}
	sqlite3_finalize(s);
}

int store_data_date(struct store *st, char *buf, size_t len)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT substr(value, 1, 10) FROM meta"
					    " WHERE key = 'imported_at'");
	if (!s)
		return -1;
	const unsigned char *v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_text(s, 0) : NULL;
	int rc = v && len > 0 ? 0 : -1;
	if (rc == 0)
		snprintf(buf, len, "%s", (const char *)v);
	sqlite3_finalize(s);
	return rc;
}

long store_count(struct store *st, int db)
{
	struct search all = {.db = db};   /* no words, no filters */
	return store_search_count(st, &all);
}
