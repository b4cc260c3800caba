/* htkp-import: the full-text indexes, on a second thread. One SQLite
 * connection does one thing at a time, and building the indexes was a
 * third of the load; the facets, the other large part, need nothing from
 * them. So the first thread writes what each record gives its index
 * (title, texts, names) to a temporary file; a second thread, with a
 * connection and a temporary database of its own, indexes those rows
 * while the first builds the facets; then the first copies the indexes'
 * tables (FTS5's shadow tables, which are all an index is) into the new
 * file. The index is the one the same rows would have made in place:
 * same rows, same order, same settings. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/import.h"

/* What a record gives its index: its title; its other searched texts
 * (textmap.body) in file order; its names: its id (so that "TVPA" finds
 * USA-2000-TVPA) and what linked_sql adds. %s: the record table twice,
 * linked_sql or ""; %d: the enum db. */
static const char rows_sql[] =
	"SELECT r.rno, (SELECT title FROM %s WHERE rowid = r.rno),"
	"  (SELECT group_concat(clean(t.atom), char(10))"
	"   FROM json_tree(r.json) AS t CROSS JOIN temp.textmap AS m"
	"   WHERE t.type = 'text' AND m.db = r.db AND m.fmt = r.fmt AND m.body"
	"     AND m.path = field_path(t.fullkey)),"
	"  (SELECT id FROM %s WHERE rowid = r.rno)%s "
	"FROM temp.rec AS r WHERE r.db = %d ORDER BY r.rno";
/* The ids and titles of the records it links to, where the catalog says
 * they are searched; %s: the target table, its case_law column, this
 * record's case_law column. */
static const char linked_sql[] =
	" || coalesce(char(10) || (SELECT group_concat(o.id || ' ' || o.title, char(10))"
	"   FROM case_law AS c JOIN %s AS o ON o.rowid = c.%s"
	"   WHERE c.%s = r.rno), '')";

/* The indexing thread's database: private and temporary (SQLite deletes
 * it on close); no journal, as for the new file, and a small cache: it
 * only appends, and the first thread holds the large caches. */
static const char thread_setup_sql[] =
	"PRAGMA main.page_size = 8192;"
	"PRAGMA main.journal_mode = OFF;"
	"PRAGMA main.synchronous = OFF;"
	"PRAGMA cache_size = -4096;"
	"BEGIN";
/* While an index is built: FTS5 writes its pending terms out as a new
 * segment each time they pass hashsize (1 MB by default), and merges
 * segments as they pile up (automerge); with 16 MB and no merging but
 * the final 'optimize', building the cases' index takes a quarter less
 * time, for 26 MB more memory. %w: the FTS table. */
static const char build_config_sql[] =
	"INSERT INTO \"%w\" (\"%w\", rank) VALUES ('hashsize', 16777216);"
	"INSERT INTO \"%w\" (\"%w\", rank) VALUES ('automerge', 0)";
/* Then merged into one segment, and the settings dropped: the file keeps
 * FTS5's defaults, as if never set. */
static const char optimize_sql[] =
	"INSERT INTO \"%w\" (\"%w\") VALUES ('optimize');"
	"DELETE FROM \"%w_config\" WHERE k IN ('hashsize', 'automerge')";

/* An FTS5 index is these tables (content = '': no copy of the text). */
static const char *const shadow[] = { "data", "idx", "docsize", "config" };

#define NO_TEXT UINT32_MAX      /* a row's length for an SQL NULL */

struct imp_fts {
	pthread_t thread;
	FILE *rows;             /* the rows to index, then read by the thread */
	char *schema;           /* CREATE statements of imp->db's indexes */
	sqlite3 *db;            /* the thread's database */
	atomic_int stop;        /* the first thread gave up */
	int rc;                 /* the thread's outcome, an SQLite code */
	int sys_errno;          /* with it, the system's reason, or 0 */
	char why[256];          /* its message */
};

/* ---- the first thread: the rows ---- */

static int put_text(FILE *out, const unsigned char *s, int n)
{
	uint32_t len = s ? (uint32_t)n : NO_TEXT;
	return fwrite(&len, sizeof len, 1, out) == 1
	       && (!s || n == 0 || fwrite(s, (size_t)n, 1, out) == 1);
}

/* Writes database d's rows: its number, then rowid, title, body, names. */
static enum imp_status write_rows(struct imp *imp, FILE *out, int d)
{
	const struct link_info *l = catalog[d].link;
	char *linked = l && l->searched
		? sqlite3_mprintf(linked_sql, catalog[l->target].table, l->to_col, l->from_col)
		: sqlite3_mprintf("");
	char *sql = linked ? sqlite3_mprintf(rows_sql, catalog[d].table,
					     catalog[d].table, linked, d) : NULL;
	sqlite3_free(linked);
	if (!sql) {
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(imp->db, sql, -1, &st, NULL);
	sqlite3_free(sql);
	int written = 1;
	unsigned char db = (unsigned char)d;
	while (rc == SQLITE_OK && written && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		int64_t rowid = sqlite3_column_int64(st, 0);
		written = fwrite(&db, 1, 1, out) == 1
			  && fwrite(&rowid, sizeof rowid, 1, out) == 1;
		for (int i = 1; i <= 3 && written; i++) {
			const char *text;
			if (imp_column_text(st, i, &text) != 0) {
				rc = SQLITE_NOMEM;
				break;
			}
			written = put_text(out, (const unsigned char *)text,
					   sqlite3_column_bytes(st, i));
		}
	}
	sqlite3_finalize(st);
	if (!written)
		return imp_temp_error(imp, errno, "indexing records");
	if (rc == SQLITE_NOMEM) {
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	return rc == SQLITE_DONE ? IMP_OK : imp_sqlerr(imp, "indexing records");
}

/* The CREATE statements of imp->db's indexes, for the thread to make the
 * same ones. */
static char *index_schema(struct imp *imp)
{
	sqlite3_stmt *st = NULL;
	char *schema = NULL;
	if (sqlite3_prepare_v2(imp->db, "SELECT sql FROM main.sqlite_schema"
			       " WHERE type = 'table' AND name = ?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	schema = sqlite3_mprintf("");
	for (int d = 0; schema && d < DB_COUNT; d++) {
		sqlite3_bind_text(st, 1, catalog[d].fts, -1, SQLITE_STATIC);
		char *next = sqlite3_step(st) == SQLITE_ROW
			? sqlite3_mprintf("%s%s;", schema, sqlite3_column_text(st, 0)) : NULL;
		sqlite3_reset(st);
		sqlite3_free(schema);
		schema = next;
	}
	sqlite3_finalize(st);
	return schema;
}

/* ---- the second thread: the indexes ---- */

/* Reads one row: 1, 0 at the end of the rows, -1 if cut short. */
static int read_row(FILE *in, unsigned char *d, int64_t *rowid, char **text,
		    uint32_t len[3], size_t cap[3])
{
	if (fread(d, 1, 1, in) != 1)
		return feof(in) ? 0 : -1;
	if (*d >= DB_COUNT || fread(rowid, sizeof *rowid, 1, in) != 1)
		return -1;
	for (int i = 0; i < 3; i++) {
		if (fread(&len[i], sizeof len[i], 1, in) != 1)
			return -1;
		if (len[i] == NO_TEXT)
			continue;
		if ((size_t)len[i] + 1 > cap[i]) {
			char *grown = realloc(text[i], (size_t)len[i] + 1);
			if (!grown)
				return -1;
			text[i] = grown, cap[i] = (size_t)len[i] + 1;
		}
		if (len[i] && fread(text[i], len[i], 1, in) != 1)
			return -1;
	}
	return 1;
}

static int exec_made(sqlite3 *db, const char *fmt, const char *table)
{
	char *sql = sqlite3_mprintf(fmt, table, table, table, table);
	int rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	return rc;
}

static int index_all(struct imp_fts *f)
{
	int rc = sqlite3_open_v2("", &f->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
				 | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(f->db, thread_setup_sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(f->db, f->schema, NULL, NULL, NULL);
	sqlite3_stmt *ins[DB_COUNT] = {0};
	for (int d = 0; rc == SQLITE_OK && d < DB_COUNT; d++) {
		rc = exec_made(f->db, build_config_sql, catalog[d].fts);
		char *sql = sqlite3_mprintf("INSERT INTO \"%w\" (rowid, title, body, names)"
					    " VALUES (?, ?, ?, ?)", catalog[d].fts);
		if (rc == SQLITE_OK)
			rc = sql ? sqlite3_prepare_v2(f->db, sql, -1, &ins[d], NULL) : SQLITE_NOMEM;
		sqlite3_free(sql);
	}
	char *text[3] = {0};
	size_t cap[3] = {0};
	uint32_t len[3];
	unsigned char d;
	int64_t rowid;
	int got = 0;
	while (rc == SQLITE_OK && !atomic_load(&f->stop)
	       && (got = read_row(f->rows, &d, &rowid, text, len, cap)) == 1) {
		sqlite3_bind_int64(ins[d], 1, rowid);
		for (int i = 0; i < 3; i++)
			if (len[i] == NO_TEXT)
				sqlite3_bind_null(ins[d], 2 + i);
			else
				sqlite3_bind_text(ins[d], 2 + i, text[i], (int)len[i], SQLITE_STATIC);
		rc = sqlite3_step(ins[d]);
		sqlite3_reset(ins[d]);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	for (int i = 0; i < 3; i++)
		free(text[i]);
	for (int i = 0; i < DB_COUNT; i++)
		sqlite3_finalize(ins[i]);
	if (rc == SQLITE_OK && got < 0) {
		f->sys_errno = ferror(f->rows) ? errno : 0;
		snprintf(f->why, sizeof f->why, "the rows to index were cut short");
		return SQLITE_IOERR;
	}
	for (int i = 0; rc == SQLITE_OK && !atomic_load(&f->stop) && i < DB_COUNT; i++)
		rc = exec_made(f->db, optimize_sql, catalog[i].fts);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(f->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK && f->db) {
		snprintf(f->why, sizeof f->why, "%s", sqlite3_errmsg(f->db));
		f->sys_errno = sqlite3_system_errno(f->db);
	}
	return rc;
}

static void *index_thread(void *arg)
{
	struct imp_fts *f = arg;
	f->rc = index_all(f);
	return NULL;
}

/* ---- back in the first thread ---- */

static void release(struct imp *imp)
{
	struct imp_fts *f = imp->fts;
	if (!f)
		return;
	sqlite3_close(f->db);
	if (f->rows)
		fclose(f->rows);
	sqlite3_free(f->schema);
	free(f);
	imp->fts = NULL;
}

enum imp_status imp_fts_start(struct imp *imp)
{
	struct imp_fts *f = calloc(1, sizeof *f);
	if (!f) {
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	imp->fts = f;
	int fd = imp_temp_fd();
	if (fd < 0 || !(f->rows = fdopen(fd, "w+b"))) {
		imp_temp_error(imp, errno, "indexing records");
		if (fd >= 0)
			close(fd);
		release(imp);
		return IMP_EFATAL;
	}
	enum imp_status st = IMP_OK;
	for (int d = 0; st == IMP_OK && d < DB_COUNT; d++)
		st = write_rows(imp, f->rows, d);
	if (st == IMP_OK && (fflush(f->rows) != 0 || fseek(f->rows, 0, SEEK_SET) != 0))
		st = imp_temp_error(imp, errno, "indexing records");
	if (st == IMP_OK && !(f->schema = index_schema(imp)))
		st = imp_sqlerr(imp, "indexing records");
	atomic_init(&f->stop, 0);
	int err = st == IMP_OK ? pthread_create(&f->thread, NULL, index_thread, f) : 0;
	if (err) {
		imp_fatal(imp, "cannot start a thread while indexing records: %s",
			  strerror(err));
		st = IMP_EFATAL;
	}
	if (st != IMP_OK)
		release(imp);
	return st;
}

/* Copies table name of the thread's database into imp->db's, emptied
 * first (creating the index there wrote its first rows). */
static int copy_table(struct imp *imp, const char *name)
{
	sqlite3_stmt *rd = NULL, *ins = NULL;
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", name);
	int rc = sql ? sqlite3_prepare_v2(imp->fts->db, sql, -1, &rd, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	int n = rc == SQLITE_OK ? sqlite3_column_count(rd) : 0;
	char marks[4 * 8] = "?";        /* "?, ?, ...": a shadow table has 2-3 columns */
	for (int i = 1; i < n && strlen(marks) + 4 < sizeof marks; i++)
		strcat(marks, ", ?");
	sql = sqlite3_mprintf("DELETE FROM main.\"%w\"; ", name);
	if (rc == SQLITE_OK)
		rc = sql ? sqlite3_exec(imp->db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	sql = sqlite3_mprintf("INSERT INTO main.\"%w\" VALUES (%s)", name, marks);
	if (rc == SQLITE_OK)
		rc = sql ? sqlite3_prepare_v2(imp->db, sql, -1, &ins, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	while (rc == SQLITE_OK && (rc = sqlite3_step(rd)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(rd, i));
		rc = sqlite3_step(ins);
		sqlite3_reset(ins);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(rd);
	sqlite3_finalize(ins);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

enum imp_status imp_fts_finish(struct imp *imp)
{
	struct imp_fts *f = imp->fts;
	pthread_join(f->thread, NULL);
	int code = f->rc & 0xff;
	if (code == SQLITE_FULL)
		imp_temp_error(imp, imp_is_room_errno(f->sys_errno) ? f->sys_errno : ENOSPC,
			       "indexing records");
	else if (code == SQLITE_IOERR && f->sys_errno)
		imp_temp_error(imp, f->sys_errno, "indexing records");
	else if (code == SQLITE_NOMEM)
		imp_fatal(imp, "out of memory while indexing records");
	else if (code != SQLITE_OK)
		imp_fatal(imp, "internal error while indexing records: %s", f->why);
	if (code != SQLITE_OK) {
		release(imp);
		return IMP_EFATAL;
	}
	int rc = SQLITE_OK;
	for (int d = 0; rc == SQLITE_OK && d < DB_COUNT; d++)
		for (size_t i = 0; rc == SQLITE_OK && i < sizeof shadow / sizeof shadow[0]; i++) {
			char *name = sqlite3_mprintf("%s_%s", catalog[d].fts, shadow[i]);
			rc = name ? copy_table(imp, name) : SQLITE_NOMEM;
			sqlite3_free(name);
		}
	release(imp);
	return rc == SQLITE_OK ? IMP_OK : imp_sqlerr(imp, "indexing records");
}

void imp_fts_cancel(struct imp *imp)
{
	if (!imp->fts)
		return;
	atomic_store(&imp->fts->stop, 1);
	pthread_join(imp->fts->thread, NULL);
	release(imp);
}
