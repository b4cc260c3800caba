/* `htkp query DB WORDS... [--filter F=V]... [--sort S] [--page N]` prints
 * one result page, one record a line; `htkp show DB ID` prints a record
 * with every field and the ids of the records it links to. Same engine,
 * filters and ranking as the kiosk, and as forgiving of case and accents. */
#define _GNU_SOURCE   /* vasprintf */
#include "cli/cli.h"
#include "common/catalog.h"
#include "common/i18n.h"
#include "query/dbstate.h"
#include "store/recordfmt.h"
#include "store/store.h"
#include "common/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PER_PAGE 20

/* TRANSLATORS: the subcommands' usage: commands, options and their
   values stay as they are (htkp, query, --filter, relevance, cases...);
   DATABASE, WORDS, FIELD, VALUE, FILE, N, ID may be translated. */
static const char usage[] = N_(
	"usage: htkp [-c FILE] [--db FILE] query DATABASE [WORDS...] [--filter FIELD=VALUE]...\n"
	"                                  [--sort relevance|newest|oldest|title] [--page N]\n"
	"                                  [--since YYYY-MM-DD]\n"
	"       htkp [-c FILE] [--db FILE] show DATABASE ID\n"
	"       htkp [-c FILE] [--db FILE] cite DATABASE ID\n"
	"       htkp [-c FILE] [--db FILE] stats DATABASE [WORDS...] [--filter FIELD=VALUE]...\n"
	"DATABASE is cases, legislation or bibliography.\n");

/* True when arg names a subcommand. */
int cli_is_command(const char *arg)
{
	return strcmp(arg, "query") == 0 || strcmp(arg, "show") == 0
	       || strcmp(arg, "cite") == 0 || strcmp(arg, "stats") == 0;
}

/* True when arg is a subcommand's option that takes the next argument. */
int cli_takes_value(const char *arg)
{
	return strcmp(arg, "--filter") == 0 || strcmp(arg, "--sort") == 0
	       || strcmp(arg, "--page") == 0 || strcmp(arg, "--since") == 0;
}

/* The database called name, in any case ("Cases"), or -1. */
static int find_db(const char *name)
{
	for (int i = 0; i < DB_COUNT; i++)
		if (strcasecmp(name, catalog[i].name) == 0)
			return i;
	return -1;
}

/* Whether a and b are the same words but for case and accents
 * ("nigeria", "Nigéria"): each begins the other, folded. */
static bool same_folded(const char *a, const char *b)
{
	return text_starts_with(a, b) && text_starts_with(b, a);
}

/* The value of fl as the database spells value ("nigeria" -> "Nigeria"),
 * or NULL when none matches. A value of ours may be given as it is shown
 * in the language too ("condamné" -> "convicted"). */
static const char *spelled(const struct facet_list *fl, const char *value)
{
	const char *best = NULL;
	for (size_t i = 0; i < fl->n; i++)
		if (strcmp(fl->v[i].value, value) == 0)
			return fl->v[i].value;
		else if (!best && (same_folded(fl->v[i].value, value)
				   || same_folded(i18n_value(fl->v[i].value), value)))
			best = fl->v[i].value;
	return best;
}

/* Prints s cleaned for a terminal (no controls, valid UTF-8, newlines
 * kept), in the terminal's character set. */
static void put_clean(const char *s, FILE *out)
{
	char *clean = text_clean(s, strlen(s), true);
	text_print(clean ? clean : "", out);
	free(clean);
}

void cli_printf(FILE *out, const char *fmt, ...)
{
	char *s;
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	put_clean(s, out);
	free(s);
}

const char *cli_count_format(int db, long n)
{
	switch (db) {
	case DB_CASES:
		return ngettext("%ld case", "%ld cases", n);
	case DB_LEGISLATION:
		return ngettext("%ld law", "%ld laws", n);
	default:
		return ngettext("%ld publication", "%ld publications", n);
	}
}

int cli_bad(const char *fmt, const char *arg)
{
	fputs("htkp: ", stderr);
	cli_printf(stderr, fmt, arg);
	fputc('\n', stderr);
	cli_printf(stderr, "%s", _(usage));
	return 2;
}

static void list_filters(int db)
{
	/* TRANSLATORS: %s is a database's name as typed (cases, legislation,
	   bibliography); the filters' names follow, as typed too. */
	cli_printf(stderr, _("filters of %s:"), catalog[db].name);
	for (size_t i = 0; i < catalog[db].n_filters; i++)
		fprintf(stderr, " %s", catalog[db].filters[i].name);
	fputc('\n', stderr);
}

/* The filter of db called name, in any case ("Country"), or NULL. */
static const struct filter_info *find_filter(int db, const char *name)
{
	for (size_t i = 0; i < catalog[db].n_filters; i++)
		if (strcasecmp(name, catalog[db].filters[i].name) == 0)
			return &catalog[db].filters[i];
	return NULL;
}

/* Adds value (as the database spells it, else as given: the search then
 * finds nothing) to the values of filter f. */
static int add_value(struct dbstate *s, const struct filter_info *f,
		     const struct facet_list *fl, const char *value)
{
	const char *v = spelled(fl, value);
	int rc = dbstate_add_filter_value(s, f->name, v ? v : value);
	if (rc == DBSTATE_TOO_MANY)
		/* TRANSLATORS: %2$s is a filter's name as typed (country). */
		cli_printf(stderr, ngettext("htkp: at most %d value for filter %s\n",
					    "htkp: at most %d values for filter %s\n",
					    DBSTATE_MAX_VALUES), DBSTATE_MAX_VALUES, f->name);
	return rc == 0 ? 0 : 2;
}

/* Adds the comma-separated values of text ("Nigeria,Ghana"; "\," is a
 * comma within a value, "\\" a backslash), each trimmed of spaces. */
static int add_values(struct dbstate *s, const struct filter_info *f,
		      const struct facet_list *fl, const char *text)
{
	char *buf = malloc(strlen(text) + 1);
	if (!buf)
		return 1;
	int rc = 0;
	const char *p = text;
	while (rc == 0) {
		size_t n = 0;
		for (; *p && *p != ','; p++)
			buf[n++] = p[0] == '\\' && (p[1] == ',' || p[1] == '\\') ? *++p : *p;
		buf[n] = '\0';
		char *v = buf;
		while (*v == ' ')
			v++;
		while (n > (size_t)(v - buf) && buf[n - 1] == ' ')
			buf[--n] = '\0';
		if (!*v) {
			rc = cli_bad(_("--filter has an empty value in \"%s\""), text);
			break;
		}
		rc = add_value(s, f, fl, v);
		if (!*p++)
			break;
	}
	free(buf);
	return rc;
}

/* Applies one --filter FIELD=VALUE; year takes 2005, 2005-2010, 2005-, -2010.
 * Values are ORed: "country=Nigeria,Ghana", or the option repeated. A
 * value with a comma of its own ("Korea, Republic of") is taken whole
 * when the database has it, or written with "\,". */
static int apply_filter(struct store *st, struct dbstate *s, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char field[64];
	if (!eq || eq == arg || (size_t)(eq - arg) >= sizeof field || !eq[1])
		return cli_bad(_("--filter wants FIELD=VALUE, not \"%s\""), arg);
	memcpy(field, arg, (size_t)(eq - arg));
	field[eq - arg] = '\0';
	const struct filter_info *f = find_filter(s->db, field);
	if (!f) {
		cli_bad(_("no filter \"%s\" in this database"), field);
		list_filters(s->db);
		return 2;
	}
	if (f->kind == FILTER_YEAR)
		return dbstate_set_years_of(s, f->name, eq + 1) == 0 ? 0
		       : cli_bad(_("bad filter value \"%s\" (a year is 2005, 2005-2010, 2005- or "
				   "-2010)"), eq + 1);
	struct search all = {.db = s->db};
	struct facet_list fl;
	if (store_facet(st, &all, f->name, &fl) != 0) {
		cli_printf(stderr, "htkp: %s\n", store_error(st));
		return 2;
	}
	int rc = spelled(&fl, eq + 1) ? add_value(s, f, &fl, eq + 1)
				      : add_values(s, f, &fl, eq + 1);
	facet_list_free(&fl);
	return rc;
}

static int parse_sort(const char *name)
{
	for (int i = 0; i < SORT_COUNT; i++)
		if (strcasecmp(name, sort_names[i]) == 0)
			return i;
	return -1;
}

/* Appends word to the words typed so far. */
static int add_words(char **words, const char *w)
{
	size_t a = *words ? strlen(*words) : 0, b = strlen(w);
	char *n = realloc(*words, a + b + 2);
	if (!n)
		return -1;
	if (a)
		n[a++] = ' ';
	memcpy(n + a, w, b + 1);
	*words = n;
	return 0;
}

/* A day as YYYY-MM-DD, checked by its shape. */
static bool is_day(const char *d)
{
	static const char shape[] = "dddd-dd-dd";
	for (size_t i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == 'd' ? !(d[i] >= '0' && d[i] <= '9') : d[i] != '-')
			return false;
	return d[sizeof shape - 1] == '\0';
}

int cli_parse_search(struct store *st, struct dbstate *s, int argc, char **argv,
		     long *page, const char **since)
{
	char *words = NULL;
	int rc = 0;
	for (int i = 0; i < argc && rc == 0; i++) {
		const char *a = argv[i];
		bool has_value = i + 1 < argc;
		if (!strcmp(a, "--filter") && has_value) {
			rc = apply_filter(st, s, argv[++i]);
		} else if (!strcmp(a, "--sort") && has_value) {
			if ((s->sort = parse_sort(argv[++i])) < 0)
				rc = cli_bad(_("unknown sort \"%s\""), argv[i]);
		} else if (!strcmp(a, "--since") && has_value && since) {
			*since = argv[++i];
			if (!is_day(*since))
				rc = cli_bad(_("--since wants a day, YYYY-MM-DD, not \"%s\""),
					     *since);
		} else if (!strcmp(a, "--page") && has_value && page) {
			char *end;
			*page = strtol(argv[++i], &end, 10);
			if (*end || *page < 1 || *page > 1000000)
				rc = cli_bad(_("--page wants a number from 1, not \"%s\""), argv[i]);
		} else if (!strcmp(a, "--")) {
			for (i++; i < argc && rc == 0; i++)
				rc = add_words(&words, argv[i]) ? 1 : 0;
		} else if (a[0] == '-' && a[1] == '-') {
			rc = cli_bad(_("unknown option or missing value: %s"), a);
		} else {
			rc = add_words(&words, a) ? 1 : 0;
		}
	}
	if (rc == 0 && words && dbstate_set_text(s, words) != 0)
		rc = 1;
	free(words);
	return rc;
}

/* Prints a result row: the id, then the list columns the catalog gives
 * the database, tab-separated for cut and awk (a cell never holds a tab).
 * Returns -1, printing nothing, for a row the store could not read. */
static int print_row(int db, const struct result *r)
{
	if (!r->id)
		return -1;
	put_clean(r->id, stdout);
	for (size_t i = 0; i < catalog[db].n_columns; i++) {
		fputc('\t', stdout);
		/* A verdict is ours, said in the language; data as it is. */
		put_clean(r->cols[i] ? i18n_value(r->cols[i]) : "", stdout);
	}
	fputc('\n', stdout);
	return 0;
}

/* Prints the page's rows. A row the store could not read (its record
 * gone from a damaged file) is said on stderr; returns the exit status. */
static int print_rows(int db, const struct result_page *rp)
{
	size_t unread = 0;
	for (size_t i = 0; i < rp->n; i++)
		if (print_row(db, &rp->v[i]) != 0)
			unread++;
	if (unread) {
		char page[64];
		snprintf(page, sizeof page, cli_count_format(db, (long)rp->n), (long)rp->n);
		/* TRANSLATORS: %zu records of the page (%s: "20 cases"). */
		cli_printf(stderr, _("htkp: %zu of %s on this page could not be read; "
				     "the database may be damaged\n"), unread, page);
	}
	return unread ? 2 : rp->n ? 0 : 1;
}

static int run_query(struct store *st, int db, int argc, char **argv)
{
	struct dbstate s;
	long page = 1;
	const char *since = NULL;
	dbstate_init(&s, db);
	int rc = cli_parse_search(st, &s, argc, argv, &page, &since);
	if (rc != 0) {
		dbstate_free(&s);
		return 2;
	}
	if (s.q.hint)
		cli_printf(stderr, "htkp: %s\n", s.q.hint);
	struct search q;
	struct result_page rp;
	dbstate_search(&s, &q);
	q.added_since = since;
	long total = store_search_count(st, &q);
	if (total < 0 || store_search_page(st, &q, (page - 1) * PER_PAGE, PER_PAGE, &rp) != 0) {
		cli_printf(stderr, "htkp: %s\n", store_error(st));
		dbstate_free(&s);
		return 2;
	}
	static const char *const none[DB_COUNT] = {
		[DB_CASES] = N_("No cases match."),
		[DB_LEGISLATION] = N_("No laws match."),
		[DB_BIBLIOGRAPHY] = N_("No publications match."),
	}, *const none_here[DB_COUNT] = {
		[DB_CASES] = N_("No cases match on this page."),
		[DB_LEGISLATION] = N_("No laws match on this page."),
		[DB_BIBLIOGRAPHY] = N_("No publications match on this page."),
	};
	if (dbstate_note(&s))
		cli_printf(stderr, "htkp: %s\n", dbstate_note(&s));
	if (rp.n == 0)
		cli_printf(stderr, "%s\n", _(total ? none_here[db] : none[db]));
	else
		/* TRANSLATORS: the first and last results of the page, and how
		   many there are ("Results 1-20 of 37"). */
		cli_printf(stderr, _("Results %ld-%ld of %ld\n"), (page - 1) * PER_PAGE + 1,
			   (page - 1) * PER_PAGE + (long)rp.n, total);
	rc = print_rows(db, &rp);
	result_page_free(&rp);
	dbstate_free(&s);
	return rc;
}

/* Prints one piece of the record ctx; a link as "  ID: title (country,
 * year)", the id being what `htkp show` takes next (a charge's statute:
 * "  Statute: text [ID art. 4]"). */
static int print_piece(void *ctx, enum rf_kind kind, const char *label,
		       const char *value, int link)
{
	const struct record *r = ctx;
	/* The walk gives labels and values of ours in the reader's language
	 * (recordfmt.c), as the kiosk shows them. */
	switch (kind) {
	case RF_HEADING:
		printf("\n");
		put_clean(label, stdout);
		printf("\n");
		return 0;
	case RF_FIELD:
	case RF_SUBFIELD:
		printf("%s", kind == RF_SUBFIELD ? "  " : "");
		put_clean(label, stdout);
		printf(": ");
		break;
	case RF_LINK:
		if (label) {
			const struct record_link *l = &r->links[link];
			printf("  ");
			put_clean(label, stdout);
			printf(": ");
			put_clean(value, stdout);
			printf(" [");
			put_clean(l->id ? l->id : "", stdout);
			if (l->article)
				/* TRANSLATORS: the article of the law just named, after
				   its id: "[NOR-PC1902 art. 224]". */
				cli_printf(stdout, _(" art. %s"), l->article);
			printf("]\n");
			return 0;
		}
		printf("  ");
		put_clean(r->links[link].id ? r->links[link].id : "", stdout);
		printf(": ");
		break;
	case RF_PART:
		printf("\n");
		put_clean(label, stdout);
		printf("%s", *value ? ": " : "");
		break;
	case RF_NOTE:
		printf("  ");
		break;
	default:
		break;
	}
	put_clean(value, stdout);
	printf("\n");
	return 0;
}

int cli_read_record(struct store *st, int db, int argc, char **argv, const char *cmd,
		    struct record *r)
{
	if (argc != 1)
		/* TRANSLATORS: %s is the subcommand, as typed (show, cite). */
		return cli_bad(_("%s wants one record id"), cmd);
	long rowid = store_find_id(st, db, argv[0]);
	if (rowid < 0) {
		cli_printf(stderr, "htkp: %s\n", store_error(st));
		return 2;
	}
	if (rowid == 0) {
		static const char *const none[DB_COUNT] = {
			[DB_CASES] = N_("htkp: no case with id \"%s\"\n"),
			[DB_LEGISLATION] = N_("htkp: no law with id \"%s\"\n"),
			[DB_BIBLIOGRAPHY] = N_("htkp: no publication with id \"%s\"\n"),
		};
		cli_printf(stderr, _(none[db]), argv[0]);
		return 1;
	}
	if (store_record(st, db, rowid, r) != 0) {
		cli_printf(stderr, "htkp: %s\n", store_error(st));
		return 2;
	}
	return 0;
}

static int run_show(struct store *st, int db, int argc, char **argv)
{
	struct record r;
	int rc = cli_read_record(st, db, argc, argv, "show", &r);
	if (rc != 0)
		return rc;
	record_walk(&r, print_piece, &r);
	record_free(&r);
	return 0;
}

/* Runs the subcommand in argv[0]; returns the exit status. */
int cli_run(struct store *st, int argc, char **argv)
{
	/* TRANSLATORS: the databases' names are typed as they are. */
	if (argc < 2)
		return cli_bad(_("%s wants a database: cases, legislation or bibliography"), argv[0]);
	int db = find_db(argv[1]);
	if (db < 0)
		return cli_bad(_("no database \"%s\" (cases, legislation or bibliography)"),
			       argv[1]);
	if (strcmp(argv[0], "query") == 0)
		return run_query(st, db, argc - 2, argv + 2);
	if (strcmp(argv[0], "cite") == 0)
		return cli_cite(st, db, argc - 2, argv + 2);
	if (strcmp(argv[0], "stats") == 0)
		return cli_stats(st, db, argc - 2, argv + 2);
	return run_show(st, db, argc - 2, argv + 2);
}
