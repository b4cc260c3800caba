/* `htkp cite DB ID` prints a record's citation in the portal's style;
 * `htkp stats DB [WORDS] [--filter F=V]...` prints the kiosk's statistics
 * of a search as bar charts of text, each bar with its number. */
#include "cli/cli.h"
#include "common/catalog.h"
#include "common/i18n.h"
#include "common/text.h"
#include "query/dbstate.h"
#include "store/cite.h"
#include "store/stats.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints clean UTF-8 s and a newline in the terminal's charset. */
static void put_line(const char *s)
{
	text_print(s, stdout);
	fputc('\n', stdout);
}

/* Prints clean UTF-8 s wrapped to 80 columns. */
static void put_wrapped(const char *s)
{
	struct text_lines lines = {0};
	if (text_wrap(s, strlen(s), 80, &lines) != 0)
		put_line(s);
	for (size_t i = 0; i < lines.n; i++) {
		char *line = strndup(s + lines.v[i].off, lines.v[i].len);
		if (line)
			put_line(line);
		free(line);
	}
	text_lines_free(&lines);
}

int cli_cite(struct store *st, int db, int argc, char **argv)
{
	struct record r;
	int rc = cli_read_record(st, db, argc, argv, "cite", &r);
	if (rc != 0)
		return rc;
	char *cite = record_cite(&r, NULL);
	record_free(&r);
	if (!cite)
		return 2;
	put_line(cite);
	free(cite);
	return 0;
}

/* The values of ours among fl's (verdicts) as they are shown in the
 * language; data stays as it is. */
static void show_values(struct facet_list *fl)
{
	for (size_t i = 0; i < fl->n; i++) {
		const char *shown = i18n_value(fl->v[i].value);
		char *copy = shown != fl->v[i].value ? strdup(shown) : NULL;
		if (copy) {
			free(fl->v[i].value);
			fl->v[i].value = copy;
		}
	}
}

/* One chart: its heading with the total, then a line a value. */
static int print_chart(struct store *st, const struct search *q, const struct stat_field *f)
{
	struct facet_list fl;
	if (store_stats(st, q, f->field, &fl) != 0) {
		cli_printf(stderr, "htkp: %s\n", store_error(st));
		return -1;
	}
	fputc('\n', stdout);
	put_line(_(f->label));
	show_values(&fl);
	char *text = NULL;
	struct text_lines lines;
	if (fl.n == 0)
		cli_printf(stdout, "  %s\n", _("none recorded"));
	else if (stats_chart(&fl, 78, text_charset() != NULL, &text, &lines) == 0) {
		for (size_t i = 0; i < lines.n; i++) {
			printf("  ");
			char *line = strndup(text + lines.v[i].off, lines.v[i].len);
			if (line)
				put_line(line);
			free(line);
		}
		text_lines_free(&lines);
	}
	free(text);
	facet_list_free(&fl);
	return 0;
}

int cli_stats(struct store *st, int db, int argc, char **argv)
{
	struct dbstate s;
	dbstate_init(&s, db);
	if (cli_parse_search(st, &s, argc, argv, NULL, NULL) != 0) {
		dbstate_free(&s);
		return 2;
	}
	struct search q;
	dbstate_search(&s, &q);
	long total = store_search_count(st, &q);
	int rc = total < 0 ? 2 : total ? 0 : 1;
	if (total < 0) {
		cli_printf(stderr, "htkp: %s\n", store_error(st));
	} else {
		char count[64];
		snprintf(count, sizeof count, cli_count_format(db, total), total);
		/* TRANSLATORS: a database's name and how many records the search
		   finds ("Case Law: 46 cases"). */
		cli_printf(stdout, _("%s: %s\n"), _(catalog[db].title), count);
	}
	if (total > 0 && db == DB_CASES)
		put_wrapped(_(stats_case_caveat));
	size_t n;
	const struct stat_field *f = stats_fields(db, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (print_chart(st, &q, &f[i]) != 0)
			rc = 2;
	dbstate_free(&s);
	return rc;
}
