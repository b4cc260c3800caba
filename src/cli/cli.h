/* Command-line queries: the kiosk's engine answering `htkp query` and
 * `htkp show` as plain text, for scripts, screen readers and slow links. */
#ifndef HTKP_CLI_H
#define HTKP_CLI_H

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

#endif
