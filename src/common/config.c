/* The INI file (inih): one table of keys gives the defaults, the parser's
 * validation and the documented default file (`htkp --print-config`), so
 * the three cannot disagree. Errors name the file, the line and the key. */
#include "common/config.h"

#include <errno.h>
#include <ini.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum key_type { KEY_STRING, KEY_INT, KEY_BOOL, KEY_CHOICE };

struct config_key {
	const char *section, *name;
	enum key_type type;
	size_t offset;
	const char *def;
	const char *const *choices;   /* KEY_CHOICE: NULL-terminated */
	int min, max;                 /* KEY_INT */
	const char *doc;
};

static const char *const theme_names[] = {"default", "mono", "high-contrast", NULL};
static const char *const tristate_names[] = {"auto", "yes", "no", NULL};
static const char *const print_names[] = {"terminal", "spool", "off", NULL};
static const char *const mode_names[] = {"full", "line", "auto", NULL};
const char *const config_language_names[] = {"auto", "ar", "en", "es", "fr", "ru", "zh", NULL};

#define AT(field) offsetof(struct config, field)
static const struct config_key keys[] = {
	{"database", "path", KEY_STRING, AT(db_path), "db/htkp.db", NULL, 0, 0,
	 "The database file htkp-import built. Replace it with htkp-import\n"
	 "while sessions run: each session reopens the new file."},
	{"database", "time_limit", KEY_INT, AT(time_limit), "5000", NULL, 100, 600000,
	 "Milliseconds one SQL statement may run before it is stopped and the\n"
	 "screen says the search took too long (a damaged or hostile file)."},
	{"display", "screens", KEY_STRING, AT(screens_dir), "screens", NULL, 0, 0,
	 "Directory of the static screens: welcome.txt, definition.txt,\n"
	 "help.txt, about.txt (UTF-8 text; edit or translate them). Several\n"
	 "directories, a:b, are searched in order for each file: a site's\n"
	 "own about.txt in a, the shipped ones in b."},
	{"display", "language", KEY_CHOICE, AT(language), "auto", config_language_names, 0, 0,
	 "The interface's language: ar, en, es, fr, ru or zh (Arabic, English,\n"
	 "Spanish, French, Russian, Chinese), or auto: the session's LANGUAGE,\n"
	 "LC_ALL, LC_MESSAGES or LANG (sshd passes them with AcceptEnv), else\n"
	 "English. A user may switch for one session with the home menu's l\n"
	 "key; the idle reset returns to this one. Records stay in their own\n"
	 "language."},
	{"display", "translations", KEY_STRING, AT(translations_dir), "build/locale", NULL, 0, 0,
	 "Directory of the compiled translations: LANG/LC_MESSAGES/htkp.mo."},
	{"display", "theme", KEY_CHOICE, AT(theme), "default", theme_names, 0, 0,
	 "Colours: default, mono or high-contrast. Without colour support,\n"
	 "or when NO_COLOR is set, mono is used."},
	{"display", "charset", KEY_STRING, AT(charset), "locale", NULL, 0, 0,
	 "The terminal's character set: locale (trust LANG/LC_*; a bare C\n"
	 "locale means ascii), utf-8, ascii, iso-8859-1 or another iconv name.\n"
	 "sshd passes no locale unless AcceptEnv LANG LC_* is set, so set this\n"
	 "when all users' terminals agree."},
	{"display", "ascii", KEY_CHOICE, AT(ascii), "auto", tristate_names, 0, 0,
	 "Line drawing with plain ASCII: auto (when the terminal has no\n"
	 "line-drawing set), yes or no."},
	{"display", "low_bandwidth", KEY_BOOL, AT(low_bandwidth), "no", NULL, 0, 0,
	 "yes drops decoration (rules, snippets under results) on slow links,\n"
	 "and marks the selected row with an arrow (>) instead of a bar."},
	{"display", "mode", KEY_CHOICE, AT(mode), "auto", mode_names, 0, 0,
	 "full: the full-screen kiosk. line: line mode, plain lines of text\n"
	 "read and typed a line at a time, for screen readers, braille\n"
	 "displays and very slow links (as htkp --line). auto: line mode when\n"
	 "TERM is dumb or unset, or its terminal cannot move the cursor."},
	{"display", "line_width", KEY_INT, AT(line_width), "0", NULL, 0, 1000,
	 "Line mode: wrap lines at this many columns; 0 asks the terminal\n"
	 "for its width (80 when it does not say)."},
	{"display", "line_pause", KEY_BOOL, AT(line_pause), "yes", NULL, 0, 0,
	 "Line mode: yes stops at each screenful of text and asks for Enter;\n"
	 "no never stops (braille displays and readers that scroll themselves)."},
	{"kiosk", "idle_timeout", KEY_INT, AT(idle_timeout), "600", NULL, 0, 86400,
	 "Seconds without a key before the kiosk returns to the home menu and\n"
	 "forgets its history (shared workstations). 0 = never."},
	{"kiosk", "allow_quit", KEY_BOOL, AT(allow_quit), "yes", NULL, 0, 0,
	 "Whether q on the home menu quits. no for a kiosk that must stay up."},
	{"kiosk", "esc_delay", KEY_INT, AT(esc_delay), "300", NULL, 10, 5000,
	 "Milliseconds to wait after Esc for the rest of a key's sequence.\n"
	 "Raise it on slow links, where arrow keys can arrive split."},
	{"kiosk", "audit", KEY_BOOL, AT(audit), "no", NULL, 0, 0,
	 "yes logs to syslog (authpriv, info) each session's start and end,\n"
	 "with the client's address, and the id of every record it opens."},
	{"print", "method", KEY_CHOICE, AT(print_method), "terminal", print_names, 0, 0,
	 "How p prints a record. terminal: through the terminal's printer port\n"
	 "(media copy, mc5/mc4: PuTTY, xterm, SecureCRT and VT terminals pass it\n"
	 "to the printer of the user's PC). spool: as a new text file in\n"
	 "directory, for an office print service to pick up (the kiosk runs no\n"
	 "program). off: no printing; y still gives the citation."},
	{"print", "directory", KEY_STRING, AT(spool_dir), "/var/spool/htkp", NULL, 0, 0,
	 "For method = spool: where each print is written, as htkp-*.txt (mode\n"
	 "0640; a name beginning with a dot is still being written). The only\n"
	 "place the kiosk may create files."},
};
#define N_KEYS (sizeof keys / sizeof keys[0])

static void *field_of(struct config *cfg, const struct config_key *k)
{
	return (char *)cfg + k->offset;
}

static int parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = {"yes", "true", "on", "1"};
	static const char *const no[] = {"no", "false", "off", "0"};
	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(v, yes[i]) == 0)
			return *out = true, 0;
		if (strcasecmp(v, no[i]) == 0)
			return *out = false, 0;
	}
	return -1;
}

static int parse_int(const char *v, int min, int max, int *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end != '\0' || n < min || n > max)
		return -1;
	*out = (int)n;
	return 0;
}

static int parse_choice(const char *v, const char *const *choices, int *out)
{
	for (int i = 0; choices[i]; i++)
		if (strcasecmp(v, choices[i]) == 0)
			return *out = i, 0;
	return -1;
}

/* Copies v for an error message: control characters as \xNN, so that a
 * bad value cannot move the cursor or clear the screen it is shown on. */
static void printable(const char *v, char *out, size_t len)
{
	size_t o = 0;
	for (; *v && o + 5 < len; v++) {
		unsigned char c = (unsigned char)*v;
		if (c < 0x20 || c == 0x7f)
			o += (size_t)snprintf(out + o, len - o, "\\x%02x", c);
		else
			out[o++] = (char)c;
	}
	out[o] = '\0';
}

/* Sets one key from its text; on a bad value writes why into err. */
static int key_set(struct config *cfg, const struct config_key *k,
		   const char *v, char *err, size_t errlen)
{
	void *f = field_of(cfg, k);
	char *copy, shown[128];
	printable(v, shown, sizeof shown);
	switch (k->type) {
	case KEY_STRING:
		if (*v == '\0') {
			snprintf(err, errlen, "empty value");
			return -1;
		}
		if (!(copy = strdup(v))) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		free(*(char **)f);
		*(char **)f = copy;
		return 0;
	case KEY_INT:
		if (parse_int(v, k->min, k->max, f) == 0)
			return 0;
		snprintf(err, errlen, "bad value \"%s\" (want a whole number %d..%d)",
			 shown, k->min, k->max);
		return -1;
	case KEY_BOOL:
		if (parse_bool(v, f) == 0)
			return 0;
		snprintf(err, errlen, "bad value \"%s\" (want yes or no)", shown);
		return -1;
	case KEY_CHOICE:
		if (parse_choice(v, k->choices, f) == 0)
			return 0;
		int n = snprintf(err, errlen, "bad value \"%s\" (want", shown);
		for (int i = 0; k->choices[i] && n > 0 && (size_t)n < errlen; i++)
			n += snprintf(err + n, errlen - n, "%s %s", i ? "," : "",
				      k->choices[i]);
		if (n > 0 && (size_t)n < errlen)
			snprintf(err + n, errlen - n, ")");
		return -1;
	}
	return -1;
}

void config_defaults(struct config *cfg)
{
	char err[160];
	memset(cfg, 0, sizeof *cfg);
	for (size_t i = 0; i < N_KEYS; i++)
		if (key_set(cfg, &keys[i], keys[i].def, err, sizeof err) != 0)
			abort();   /* a broken default is a programming error */
}

void config_free(struct config *cfg)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (keys[i].type == KEY_STRING) {
			char **s = field_of(cfg, &keys[i]);
			free(*s);
			*s = NULL;
		}
}

struct parse_state {
	struct config *cfg;
	FILE *fp;
	char *line_buf;       /* getline's buffer */
	size_t line_cap;
	int line;             /* lines read so far: the line being handled */
	int err_line;
	char err[256];
};

/* Gives inih one whole line per call, so that counting calls gives the
 * line number of each handler call. Leading blanks go (inih would read an
 * indented key as the continuation of the value above), and a line longer
 * than inih's buffer is an error on its own line, not two lines. */
static char *read_line(char *buf, int size, void *stream)
{
	struct parse_state *st = stream;
	ssize_t n = getline(&st->line_buf, &st->line_cap, st->fp);
	if (n < 0)
		return NULL;
	st->line++;
	/* The blanks inih's own lskip() skips, so no line is a continuation. */
	const char *p = st->line_buf + strspn(st->line_buf, " \t\v\f\r");
	if (strlen(p) + 1 > (size_t)size) {
		if (*p != ';' && *p != '#' && !st->err_line) {
			st->err_line = st->line;
			snprintf(st->err, sizeof st->err, "line too long (at most %d bytes)",
				 size - 2);
		}
		p = "#\n";   /* inih skips it */
	}
	snprintf(buf, (size_t)size, "%s", p);
	return buf;
}

static int on_key(void *user, const char *section, const char *name,
		  const char *value)
{
	struct parse_state *st = user;
	if (st->err_line)
		return 1;   /* keep the first error only */
	bool section_known = false;
	for (size_t i = 0; i < N_KEYS; i++) {
		if (strcmp(section, keys[i].section) != 0)
			continue;
		section_known = true;
		if (strcmp(name, keys[i].name) != 0)
			continue;
		char why[200];
		if (key_set(st->cfg, &keys[i], value, why, sizeof why) == 0)
			return 1;
		st->err_line = st->line;
		snprintf(st->err, sizeof st->err, "[%s] %s: %s", section, name, why);
		return 0;
	}
	st->err_line = st->line;
	char key[100], sect[100];
	printable(name, key, sizeof key);
	printable(section, sect, sizeof sect);
	if (section_known)
		snprintf(st->err, sizeof st->err, "unknown key \"%s\" in [%s]", key, sect);
	else
		snprintf(st->err, sizeof st->err, "unknown section [%s] (key \"%s\")",
			 sect, key);
	return 0;
}

int config_load(struct config *cfg, const char *file, char *err, size_t errlen)
{
	struct parse_state st = {.cfg = cfg};
	st.fp = fopen(file, "r");
	if (!st.fp) {
		snprintf(err, errlen, "%s: cannot read: %s", file, strerror(errno));
		return -1;
	}
	int rc = ini_parse_stream(read_line, &st, on_key, &st);
	bool read_error = ferror(st.fp);
	fclose(st.fp);
	free(st.line_buf);
	if (read_error) {
		snprintf(err, errlen, "%s: cannot read: %s", file, strerror(errno));
		return -1;
	}
	if (rc == 0 && !st.err_line)
		return 0;
	/* inih reports the first bad line; a syntax error before our first
	 * complaint has no key to name. */
	if (st.err_line && (rc <= 0 || rc >= st.err_line))
		snprintf(err, errlen, "%s:%d: %s", file, st.err_line, st.err);
	else
		snprintf(err, errlen, "%s:%d: syntax error (want key = value or [section])",
			 file, rc);
	return -1;
}

void config_print_defaults(FILE *out)
{
	const char *section = NULL;
	fputs("# htkp configuration. Every key, with its default.\n", out);
	for (size_t i = 0; i < N_KEYS; i++) {
		const struct config_key *k = &keys[i];
		if (!section || strcmp(section, k->section) != 0) {
			section = k->section;
			fprintf(out, "\n[%s]\n", section);
		}
		fputs("\n# ", out);
		for (const char *p = k->doc; *p; p++)
			fputs(*p == '\n' ? "\n# " : (char[]){*p, 0}, out);
		fprintf(out, "\n%s = %s\n", k->name, k->def);
	}
}
