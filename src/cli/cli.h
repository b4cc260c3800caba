/* Command-line queries: the kiosk's engine answering `htkp query` and
 * `htkp show` as plain text, for scripts, screen readers and slow links. */
#ifndef HTKP_CLI_H
#define HTKP_CLI_H

#include <stdio.h>

struct store;

/* True when argv[0] names a subcommand. */
int cli_is_command(const char *arg);

/* True when arg is a subcommand's option that takes the next argument
 * (--filter, --sort, --page): that argument is its value, never an option
 * of htkp's own. */
int cli_takes_value(const char *arg);

/* Runs the subcommand in argv[0]. Returns the exit status: 0 with
 * results, 1 with none, 2 on bad arguments, a damaged database or a
 * record of the page that could not be read. */
int cli_run(struct store *st, int argc, char **argv);

/* For the subcommands in cli_take.c. */
struct dbstate;
/* printf to out of a message, translated maybe, cleaned and in the
 * terminal's charset (transliterated where it must be). */
void cli_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The format of a count of db's records, for n: "%ld case", "%ld cases". */
const char *cli_count_format(int db, long n);
/* Prints "htkp: " fmt (with arg) and the usage; returns 2. */
int cli_bad(const char *fmt, const char *arg);
/* Reads words, --filter, --sort, and where page or since is given,
 * --page and --since (a day, YYYY-MM-DD, pointing into argv) into s.
 * 0, or 2 after saying what was wrong, 1 on ENOMEM. */
int cli_parse_search(struct store *st, struct dbstate *s, int argc, char **argv,
		     long *page, const char **since);
/* Reads the record whose id is argv[0] (argc must be 1; cmd names the
 * subcommand in the usage error) into *r (caller frees with
 * record_free). 0, or the exit status after saying why on stderr. */
struct record;
int cli_read_record(struct store *st, int db, int argc, char **argv, const char *cmd,
		    struct record *r);
/* `htkp cite DB ID`, `htkp stats DB [WORDS] [--filter F=V]...`. */
int cli_cite(struct store *st, int db, int argc, char **argv);
int cli_stats(struct store *st, int db, int argc, char **argv);

#endif
