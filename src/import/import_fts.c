/* htkp-import: the full-text indexes, on a second thread. One SQLite
 * connection does one thing at a time, and building the indexes was a
 * third of the load; the facets, the other large part, need nothing from
 * them. So the first thread writes what each record gives its index
 * (title, texts, names) to a temporary file; a second thread, with a
 * connection and a temporary database of its own, indexes those rows as
 * they are written and while the first builds the facets; then the first
 * copies the indexes' tables (FTS5's shadow tables, which are all an
 * index is) into the new file. The index is the one the same rows would
 * have made in place: same rows, same order, same settings. */
#define _GNU_SOURCE             /* fallocate */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
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
/* The first thread hands the rows over in pieces this large: the second
 * starts on the first while the rest are being written. */
#define PIECE (1u << 20)

struct imp_fts {
	pthread_t thread;
	int fd;                 /* the rows: an unlinked temporary file */
	pthread_mutex_t lock;   /* guards the three below */
	pthread_cond_t more;    /* signalled when one of them changes */
	off_t published;        /* how much of the file is written */
	int done;               /* no more will be */
	int stop;               /* the first thread gave up: drop the work */
	/* The first thread's: the piece being written. */
	unsigned char *out;
	size_t out_len;
	/* The second thread's: what it has read, where the next read starts,
	 * its database and how it ended. */
	unsigned char in[1 << 16];
	size_t in_pos, in_len;
	off_t in_off;
	off_t punched;          /* the part given back, from the start */
	char *schema;           /* CREATE statements of imp->db's indexes */
	sqlite3 *db;
	int rc;                 /* an SQLite code */
	int sys_errno;          /* with it, the system's reason, or 0 */
	char why[256];          /* its message */
};

/* ---- the first thread: the rows ---- */

/* Writes out the piece and says so to the second thread; -1 (errno set)
 * when the write fails. */
static int publish(struct imp_fts *f)
{
	for (size_t put = 0; put < f->out_len;) {
		ssize_t n = write(f->fd, f->out + put, f->out_len - put);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		put += (size_t)n;
	}
	pthread_mutex_lock(&f->lock);
	f->published += (off_t)f->out_len;
	pthread_cond_signal(&f->more);
	pthread_mutex_unlock(&f->lock);
	f->out_len = 0;
	return 0;
}

static int put(struct imp_fts *f, const void *p, size_t n)
{
	const unsigned char *from = p;
	while (n > 0) {
		size_t k = PIECE - f->out_len < n ? PIECE - f->out_len : n;
		memcpy(f->out + f->out_len, from, k);
		f->out_len += k, from += k, n -= k;
		if (f->out_len == PIECE && publish(f) != 0)
			return -1;
	}
	return 0;
}

static int put_text(struct imp_fts *f, const char *s, int n)
{
	uint32_t len = s ? (uint32_t)n : NO_TEXT;
	return put(f, &len, sizeof len) == 0 && (!s || put(f, s, (size_t)n) == 0);
}

/* Writes database d's rows: its number, then rowid, title, body, names. */
static enum imp_status write_rows(struct imp *imp, int d)
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
		written = put(imp->fts, &db, 1) == 0
			  && put(imp->fts, &rowid, sizeof rowid) == 0;
		for (int i = 1; i <= 3 && written; i++) {
			const char *text;
			if (imp_column_text(st, i, &text) != 0) {
				rc = SQLITE_NOMEM;
				break;
			}
			written = put_text(imp->fts, text, sqlite3_column_bytes(st, i));
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

/* Reads the next part of the rows into f->in, waiting for the first
 * thread to write it: 1, 0 at the end of the rows, -1 when the first
 * thread gave up or the read failed. */
static int fill(struct imp_fts *f)
{
	pthread_mutex_lock(&f->lock);
	while (f->published == f->in_off && !f->done)
		pthread_cond_wait(&f->more, &f->lock);
	off_t ready = f->published - f->in_off;
	int stop = f->stop;
	pthread_mutex_unlock(&f->lock);
	if (stop)
		return -1;
	if (ready == 0)
		return 0;
	size_t want = (off_t)sizeof f->in < ready ? sizeof f->in : (size_t)ready;
	ssize_t n;
	do
		n = pread(f->fd, f->in, want, f->in_off);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		f->sys_errno = n < 0 ? errno : 0;
		return -1;
	}
	f->in_off += n, f->in_pos = 0, f->in_len = (size_t)n;
	/* What is read is given back to temporary storage as it goes (where
	 * the file system can: else it stays until the import ends). */
	if (f->in_off - f->punched >= PIECE) {
		fallocate(f->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, f->punched,
			  f->in_off - f->punched);
		f->punched = f->in_off;
	}
	return 1;
}

/* Copies the next n bytes of the rows to dst: 1, 0 at the end of the
 * rows, -1 when they stop short or cannot be read. */
static int get(struct imp_fts *f, void *dst, size_t n)
{
	unsigned char *to = dst;
	for (size_t got = 0; got < n;) {
		if (f->in_pos == f->in_len) {
			int r = fill(f);
			if (r <= 0)
				return r < 0 || got > 0 ? -1 : 0;
		}
		size_t k = f->in_len - f->in_pos < n - got ? f->in_len - f->in_pos : n - got;
		memcpy(to + got, f->in + f->in_pos, k);
		f->in_pos += k, got += k;
	}
	return 1;
}

/* Reads one row: 1, 0 at the end of the rows, -1 if cut short, -2 when
 * out of memory. */
static int read_row(struct imp_fts *f, unsigned char *d, int64_t *rowid,
		    char **text, uint32_t len[3], size_t cap[3])
{
	int r = get(f, d, 1);
	if (r <= 0)
		return r;
	if (*d >= DB_COUNT || get(f, rowid, sizeof *rowid) != 1)
		return -1;
	for (int i = 0; i < 3; i++) {
		if (get(f, &len[i], sizeof len[i]) != 1)
			return -1;
		if (len[i] == NO_TEXT)
			continue;
		if ((size_t)len[i] + 1 > cap[i]) {
			char *grown = realloc(text[i], (size_t)len[i] + 1);
			if (!grown)
				return -2;
			text[i] = grown, cap[i] = (size_t)len[i] + 1;
		}
		if (get(f, text[i], len[i]) != 1)
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
	while (rc == SQLITE_OK && (got = read_row(f, &d, &rowid, text, len, cap)) == 1) {
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
	if (rc == SQLITE_OK && got == -2)
		return SQLITE_NOMEM;
	if (rc == SQLITE_OK && got < 0) {   /* given up, or a failed read */
		snprintf(f->why, sizeof f->why, "the rows to index were cut short");
		return f->sys_errno ? SQLITE_IOERR : SQLITE_INTERNAL;
	}
	for (int i = 0; rc == SQLITE_OK && i < DB_COUNT; i++)
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

/* Tells the second thread the rows are all written (stop 0), or that its
 * work is to be dropped (stop 1). */
static void end_rows(struct imp_fts *f, int stop)
{
	pthread_mutex_lock(&f->lock);
	f->done = 1;
	f->stop = stop;
	pthread_cond_signal(&f->more);
	pthread_mutex_unlock(&f->lock);
}

static void release(struct imp *imp)
{
	struct imp_fts *f = imp->fts;
	if (!f)
		return;
	sqlite3_close(f->db);
	if (f->fd >= 0)
		close(f->fd);
	pthread_cond_destroy(&f->more);
	pthread_mutex_destroy(&f->lock);
	sqlite3_free(f->schema);
	free(f->out);
	free(f);
	imp->fts = NULL;
}

enum imp_status imp_fts_start(struct imp *imp)
{
	struct imp_fts *f = calloc(1, sizeof *f);
	if (!f || !(f->out = malloc(PIECE))) {
		free(f);
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->more, NULL);
	imp->fts = f;
	enum imp_status st = IMP_OK;
	if ((f->fd = imp_temp_fd()) < 0)
		st = imp_temp_error(imp, errno, "indexing records");
	if (st == IMP_OK && !(f->schema = index_schema(imp)))
		st = imp_sqlerr(imp, "indexing records");
	int err = st == IMP_OK ? pthread_create(&f->thread, NULL, index_thread, f) : 0;
	if (err) {
		imp_fatal(imp, "cannot start a thread while indexing records: %s",
			  strerror(err));
		st = IMP_EFATAL;
	}
	if (st != IMP_OK) {
		release(imp);
		return st;
	}
	for (int d = 0; st == IMP_OK && d < DB_COUNT; d++)
		st = write_rows(imp, d);
	if (st == IMP_OK && publish(f) != 0)
		st = imp_temp_error(imp, errno, "indexing records");
	if (st == IMP_OK)
		end_rows(f, 0);
	else
		imp_fts_cancel(imp);
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
	if (f->rc != SQLITE_OK) {
		imp_temp_sqlerr(imp, f->rc, f->sys_errno, "indexing records", f->why);
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
	end_rows(imp->fts, 1);
	pthread_join(imp->fts->thread, NULL);
	release(imp);
}
