/* htkp: the Human Trafficking Knowledge Portal as a terminal kiosk.
 * Reads the arguments and the configuration, opens the database, picks
 * the terminal's character set, and runs the kiosk. */
#include "cli/cli.h"
#include "cli/sandbox.h"
#include "common/audit.h"
#include "common/config.h"
#include "common/i18n.h"
#include "common/spool.h"
#include "store/store.h"
#include "common/text.h"
#include "line/line.h"
#include "ui/ui.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define DEFAULT_CONFIG SYSCONFDIR "/htkp.ini"

/* TRANSLATORS: the command line's usage: commands and options stay as
   they are (htkp, query, show, --filter...); DATABASE, WORDS, FILE, F=V
   may be translated. */
static const char *const usage = N_(
	"usage: htkp [-c FILE] [--db FILE] [--lang LANG] [--line]\n"
	"       htkp [-c FILE] [--db FILE] query DATABASE [WORDS...] [--filter F=V]...\n"
	"                                  [--sort S] [--page N]\n"
	"       htkp [-c FILE] [--db FILE] show DATABASE ID\n"
	"       htkp --print-config | --help | --version\n"
	"Options may also follow the subcommand; after \"--\" all are words.\n");

static const char *const help = N_(
	"The Human Trafficking Knowledge Portal in a terminal.\n"
	"\n"
	"  -c, --config FILE  read the configuration from FILE\n"
	"                     (default %s, when it exists)\n"
	"      --db FILE      use this database instead of the configured one\n"
	"      --lang LANG    the interface's language: ar, en, es, fr, ru, zh\n"
	"                     ([display] language)\n"
	"      --line         line mode: plain lines, for screen readers, braille\n"
	"                     displays and slow links ([display] mode = line)\n"
	"      --print-config print every configuration key with its default\n"
	"      --help         this text\n"
	"      --version      the version\n"
	"\n"
	"Exit status: 0 done, 1 cannot run (terminal), 2 bad arguments,\n"
	"configuration or database. See htkp(1) and htkp.ini(5).\n");

struct args {
	const char *config;
	const char *db;
	const char *lang;     /* --lang */
	int command;          /* the subcommand's arguments in argv[1..], 0: kiosk */
	bool line;            /* --line */
	bool help;            /* --help */
	const char *error;    /* a usage error's message (msgid), said once
				 the configuration tells the language */
	const char *error_arg;
};

/* Takes the global option at argv[*i], and its value. Returns 0 when it
 * was one, 1 when it is not, -1 to exit 0 (help, version), 2 on an error. */
static int global_option(int argc, char **argv, int *i, struct args *a)
{
	const char *arg = argv[*i];
	if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
		a->help = true;   /* shown in the configured language */
		return 0;
	} else if (!strcmp(arg, "--version")) {
		printf("htkp %s\n", HTKP_VERSION);
		return -1;
	} else if (!strcmp(arg, "--print-config")) {
		config_print_defaults(stdout);
		return -1;
	} else if (!strcmp(arg, "--line")) {
		a->line = true;
		return 0;
	}
	const char **value = !strcmp(arg, "-c") || !strcmp(arg, "--config") ? &a->config
			     : !strcmp(arg, "--db") ? &a->db
			     : !strcmp(arg, "--lang") ? &a->lang : NULL;
	if (!value)
		return 1;
	if (*i + 1 >= argc) {
		a->error = N_("htkp: %s needs a value\n");
		a->error_arg = arg;
		return 2;
	}
	*value = argv[++*i];
	return 0;
}

/* Reads the global options wherever they stand, before or after the
 * subcommand ("htkp query cases x --db FILE"), up to a "--" after which
 * all are words; moves the subcommand and its own arguments, in order,
 * to argv[1..a->command]. Returns -1 to exit 0, 0 to go on, 2 on a
 * usage error. */
static int parse_args(int argc, char **argv, struct args *a)
{
	bool words = false;   /* after "--" */
	for (int i = 1; i < argc; i++) {
		int rc = words ? 1 : global_option(argc, argv, &i, a);
		if (rc != 1) {
			if (rc != 0)
				return rc;
			continue;
		}
		const char *arg = argv[i];
		if (!a->command && !cli_is_command(arg)) {
			a->error = arg[0] == '-' ? N_("htkp: unknown option: %s\n")
						 : N_("htkp: unexpected argument: %s\n");
			a->error_arg = arg;
			return 2;
		}
		words |= !strcmp(arg, "--");
		argv[++a->command] = argv[i];
		if (!words && cli_takes_value(arg) && i + 1 < argc)
			argv[++a->command] = argv[++i];   /* "--filter -c" filters */
	}
	return 0;
}

static bool is_utf8(const char *codeset)
{
	return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

/* Picks the terminal's character set and a locale ncurses can write it
 * in. A bare C locale says little (sshd passes none by default), so it
 * means ASCII; a charset without a matching locale installed falls back
 * to ASCII too, since ncurses shows other bytes as M-x in the C locale.
 * Returns -1 with a message when the configuration cannot be honoured. */
static int setup_charset(const struct config *cfg, char *err, size_t len)
{
	const char *want = cfg->charset, *have = nl_langinfo(CODESET);
	if (strcasecmp(want, "locale") == 0)
		want = strcmp(have, "ANSI_X3.4-1968") == 0 ? "ASCII" : have;
	if (is_utf8(want)) {
		if (!is_utf8(nl_langinfo(CODESET)) && !setlocale(LC_CTYPE, "C.UTF-8")
		    && !setlocale(LC_CTYPE, "en_US.UTF-8")) {
			snprintf(err, len, "charset = utf-8 needs a UTF-8 locale such as C.UTF-8 "
				 "(see locale -a)");
			return -1;
		}
		return text_set_charset(NULL);
	}
	if (text_set_charset(want) != 0) {
		snprintf(err, len, "[display] charset: unknown character set \"%s\"", want);
		return -1;
	}
	if (strcasecmp(want, have) != 0) {
		setlocale(LC_CTYPE, "C");
		text_set_charset("ASCII");
	}
	return 0;
}

/* The language: --lang over [display] language, kept in cfg as the
 * session's configured language (the idle reset returns to it). Under a
 * charset that cannot show it, English, and the line saying so goes to
 * the kiosk's first screen or, for a command, to stderr. */
static int setup_language(struct config *cfg, const struct args *a, bool command)
{
	i18n_init(cfg->translations_dir);
	if (a->lang && !i18n_known(a->lang)) {
		fprintf(stderr, _("htkp: --lang: unknown language \"%s\" (ar, en, es, fr, ru, zh)\n"),
			a->lang);
		return 2;
	}
	for (int i = 0; a->lang && config_language_names[i]; i++)
		if (strcmp(config_language_names[i], a->lang) == 0)
			cfg->language = i;
	i18n_set(config_language_names[cfg->language]);
	if (command && i18n_fallback())
		fprintf(stderr, "htkp: %s\n", i18n_fallback());
	return 0;
}

/* quiet: no message for a configuration that cannot be read (--help
 * and usage errors are then said in English). */
static int load_config(struct config *cfg, const struct args *a, bool quiet)
{
	config_defaults(cfg);
	const char *file = a->config;
	if (!file && access(DEFAULT_CONFIG, F_OK) == 0)
		file = DEFAULT_CONFIG;
	char err[512];
	if (file && config_load(cfg, file, err, sizeof err) != 0) {
		if (!quiet)
			fprintf(stderr, "htkp: %s\n", err);
		return 2;
	}
	if (a->db) {
		free(cfg->db_path);
		if (!(cfg->db_path = strdup(a->db)))
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	sandbox_clean_env();
	setlocale(LC_ALL, "");
	struct args a = {0};
	int rc = parse_args(argc, argv, &a);
	if (rc < 0)
		return 0;
	struct config cfg;
	char err[512];
	bool told = a.help || a.error;   /* only a message to give */
	if ((rc = load_config(&cfg, &a, told)) != 0 && !told) {
		config_free(&cfg);
		return rc;
	}
	if (told) {   /* in English when the configuration is unreadable */
		if (rc == 0 && setup_charset(&cfg, err, sizeof err) == 0)
			setup_language(&cfg, &a, true);
		if (a.error)
			cli_printf(stderr, _(a.error), a.error_arg);
		cli_printf(a.error ? stderr : stdout, "%s", _(usage));
		if (!a.error)
			cli_printf(stdout, _(help), DEFAULT_CONFIG);
		config_free(&cfg);
		return a.error ? 2 : 0;
	}
	if (setup_charset(&cfg, err, sizeof err) != 0) {
		fprintf(stderr, "htkp: %s\n", err);
		config_free(&cfg);
		return 2;
	}
	if ((rc = setup_language(&cfg, &a, a.command != 0)) != 0) {
		config_free(&cfg);
		return rc;
	}
	/* Decided before the sandbox: terminfo is read from files. */
	bool line = a.line || cfg.mode == MODE_LINE
		    || (cfg.mode == MODE_AUTO && !a.command && !ui_terminal_addressable());
	struct store *st = store_open_bounded(cfg.db_path, cfg.time_limit, err, sizeof err);
	if (!st) {
		fprintf(stderr, "htkp: %s\n", err);
		config_free(&cfg);
		return 2;
	}
	audit_open(cfg.audit && !a.command);
	if (!a.command && cfg.print_method == PRINT_SPOOL)
		spool_open(cfg.spool_dir);
	if (sandbox_enter(a.command ? SANDBOX_CLI : SANDBOX_KIOSK, text_charset(),
			  err, sizeof err) != 0) {
		fprintf(stderr, "htkp: %s\n", err);
		audit_close();
		store_close(st);
		config_free(&cfg);
		return 1;
	}
	if (a.command) {
		rc = cli_run(st, a.command, argv + 1);
	} else if (line) {
		rc = line_run(&cfg, st);
	} else {
		struct app app = {.cfg = &cfg, .store = st};
		rc = ui_run(&app);
	}
	audit_close();
	store_close(st);
	config_free(&cfg);
	text_set_charset(NULL);
	return rc;
}
