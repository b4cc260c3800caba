/* htkp-import: builds the kiosk's database from htkp/1 and htkp/2 JSON files. This
 * file owns the command line and the order of the work: read and check
 * every file, check every record, and only then build the new file and
 * put it in place. Exit 0 on success, 1 on any error, 2 on misuse. */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import/import.h"

#define USAGE "usage: htkp-import [--check] -o DB FILE...\n" \
	"       htkp-import --check FILE...\n"

struct options {
	const char *out;
	int check;
	char **files;
	int nfiles;
};

enum parsed { ARGS_RUN, ARGS_DONE, ARGS_BAD };

static enum parsed usage_error(const char *what, const char *arg)
{
	fprintf(stderr, "htkp-import: %s%s\n" USAGE, what, arg);
	return ARGS_BAD;
}

static enum parsed help(void)
{
	fputs(USAGE "\n"
		  "Check htkp/1 and htkp/2 JSON files and build the htkp database DB from them.\n"
		  "DB is replaced in one step, and only if every file is correct.\n\n"
		  "  -o, --output DB  the database file to create or replace\n"
		  "  --check          check the files only; write nothing\n"
		  "  --help           show this help\n"
		  "  --version        show the version\n\n"
		  "See htkp-import(1) for the file format.\n", stdout);
	return ARGS_DONE;
}

/* An option's value: the rest of this argument, or the next one. */
static const char *option_value(char **argv, int *i, const char *inline_value)
{
	if (inline_value && *inline_value)
		return inline_value;
	return argv[*i + 1] ? argv[++*i] : NULL;
}

/* Parses the command line into o; files are collected in argv's order
 * (options and files may be mixed; "--" ends the options). */
static enum parsed parse_args(int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof *o);
	o->files = argv + 1;    /* reused in place: files never outnumber argv */
	int only_files = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_files || a[0] != '-' || a[1] == '\0') {
			o->files[o->nfiles++] = argv[i];
		} else if (strcmp(a, "--") == 0) {
			only_files = 1;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			return help();
		} else if (strcmp(a, "--version") == 0) {
			puts(IMP_VERSION);
			return ARGS_DONE;
		} else if (strcmp(a, "--check") == 0) {
			o->check = 1;
		} else if (strncmp(a, "-o", 2) == 0 || strcmp(a, "--output") == 0
				   || strncmp(a, "--output=", 9) == 0) {
			if (o->out)
				return usage_error("-o given twice", "");
			o->out = option_value(argv, &i, a[1] == 'o' ? a + 2
								  : strchr(a, '=') ? strchr(a, '=') + 1 : NULL);
			if (!o->out)
				return usage_error("-o needs a file name", "");
		} else {
			return usage_error("unknown option ", a);
		}
	}
	if (o->nfiles == 0)
		return usage_error("no input files", "");
	if (!o->out && !o->check)
		return usage_error("no output database: give -o DB, or --check", "");
	return ARGS_RUN;
}

/* Whether the output would overwrite one of the inputs. */
static int out_is_input(const struct options *o)
{
	struct stat out;
	if (o->check || stat(o->out, &out) != 0)
		return 0;
	for (int i = 0; i < o->nfiles; i++) {
		struct stat in;
		if (stat(o->files[i], &in) == 0 && in.st_dev == out.st_dev
		    && in.st_ino == out.st_ino)
			return 1;
	}
	return 0;
}

static void put_counts(const char *what, const long count[DB_COUNT])
{
	printf("%s:", what);
	for (int d = 0; d < DB_COUNT; d++)
		printf("%s %ld %s", d ? "," : "", count[d], catalog[d].name);
}

static void summary(const struct imp *imp, const struct options *o)
{
	for (int i = 0; i < imp->nfiles && imp->nfiles > 1; i++) {
		put_counts(imp->files[i].name, imp->files[i].count);
		putchar('\n');
	}
	put_counts(o->check ? "checked" : o->out, imp->count);
	printf("; %lu warning%s%s\n", imp->warnings, imp->warnings == 1 ? "" : "s",
		   o->check ? " (--check: nothing written)" : "");
}

static enum imp_status close_db(struct imp *imp)
{
	if (imp->db && sqlite3_close(imp->db) != SQLITE_OK) {
		imp_fatal(imp, "cannot close the new database: %s",
				  sqlite3_errmsg(imp->db));
		return IMP_EFATAL;
	}
	imp->db = NULL;
	return IMP_OK;
}

/* The whole import; the temporary file exists only inside this call. */
static enum imp_status run(struct imp *imp, const struct options *o)
{
	imp->out_path = o->check ? NULL : o->out;
	enum imp_status st = IMP_OK;
	char *tmp = NULL;
	int fd = -1;
	if (imp->out_path)
		st = imp_out_begin(imp, &tmp, &fd);
	imp->out_fd = fd;
	imp_phase(NULL);
	if (st == IMP_OK)
		st = imp_open(imp, tmp ? tmp : ":memory:");
	if (st == IMP_OK)
		st = imp_check_files(imp);
	if (st == IMP_OK && imp->errors == 0)
		st = imp_count_records(imp);
	imp_phase("counting");
	if (st == IMP_OK && imp->errors == 0 && tmp)
		st = imp_load(imp);
	enum imp_status closed = close_db(imp);
	imp_phase("closing");
	if (st == IMP_OK)
		st = closed;
	if (tmp && st == IMP_OK && imp->errors == 0)
		st = imp_out_commit(imp, tmp, fd);
	else if (tmp)
		imp_out_abort(tmp, fd);
	free(tmp);
	if (st == IMP_OK && imp->errors == 0)
		summary(imp, o);
	return st;
}

int main(int argc, char **argv)
{
	struct options o;
	switch (parse_args(argc, argv, &o)) {
	case ARGS_DONE: return 0;
	case ARGS_BAD: return 2;
	case ARGS_RUN: break;
	}
	if (o.nfiles < 1)
		return 2;       /* parse_args() said so already */
	if (out_is_input(&o)) {
		fprintf(stderr, "htkp-import: %s is one of the input files\n", o.out);
		return 2;
	}
	/* Past a size limit (ulimit -f), write() must fail with EFBIG and be
	 * reported, not kill the process with the temporary file left behind. */
	signal(SIGXFSZ, SIG_IGN);
	/* SQLite's memory statistics take a global mutex around every
	 * allocation; nothing here reads them, and the lock was 3% of the
	 * import's CPU (perf, 20,000 cases). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	struct imp imp;
	memset(&imp, 0, sizeof imp);
	imp.nfiles = o.nfiles;
	imp.max_text = IMP_MAX_TEXT;
	imp.max_record = IMP_MAX_RECORD;
	if (!(imp.files = calloc((size_t)o.nfiles, sizeof *imp.files))) {
		fputs("htkp-import: out of memory\n", stderr);
		return 1;
	}
	for (int i = 0; i < o.nfiles; i++)
		imp.files[i].name = o.files[i];
	enum imp_status st = run(&imp, &o);
	imp_diag_flush(&imp);
	free(imp.files);
	return st == IMP_OK && imp.errors == 0 ? 0 : 1;
}
