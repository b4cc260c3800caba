/* test_config.c: unit tests for src/config.c. The defaults and the shipped
 * config/htkp.ini agree; a file can override every key; every kind of bad
 * file fails with one exact line naming file, line and key (fixtures under
 * tests/data/config/, one test per fixture); value edge cases are written
 * to a temporary directory. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/config.h"

#define DIR "tests/data/config/"

static char tmpdir[] = "/tmp/htkp-test-config.XXXXXX";
static char tmpfile_path[sizeof tmpdir + 16];

/* Loads FILE over the defaults into *cfg; returns config_load's result.
 * err gets the message (or "" on success). Caller frees *cfg. */
static int load(struct config *cfg, const char *file, char *err, size_t errlen)
{
	config_defaults(cfg);
	memset(err, 0, errlen);
	return config_load(cfg, file, err, errlen);
}

/* Writes TEXT to the temporary file and returns its path. */
static const char *write_tmp(const char *text)
{
	FILE *f = fopen(tmpfile_path, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
	return tmpfile_path;
}

static void assert_same_config(const struct config *a, const struct config *b)
{
	assert_string_equal(a->db_path, b->db_path);
	assert_string_equal(a->screens_dir, b->screens_dir);
	assert_int_equal(a->theme, b->theme);
	assert_string_equal(a->charset, b->charset);
	assert_int_equal(a->ascii, b->ascii);
	assert_int_equal(a->low_bandwidth, b->low_bandwidth);
	assert_int_equal(a->idle_timeout, b->idle_timeout);
	assert_int_equal(a->allow_quit, b->allow_quit);
	assert_int_equal(a->esc_delay, b->esc_delay);
}

/* --- defaults ----------------------------------------------------------- */

/* The values documented in config/htkp.ini and htkp.ini(5). */
static void defaults_are_documented_values(void **state)
{
	(void)state;
	struct config c;
	config_defaults(&c);
	assert_string_equal(c.db_path, "db/htkp.db");
	assert_string_equal(c.screens_dir, "screens");
	assert_int_equal(c.theme, THEME_DEFAULT);
	assert_string_equal(c.charset, "locale");
	assert_int_equal(c.ascii, TRI_AUTO);
	assert_false(c.low_bandwidth);
	assert_int_equal(c.idle_timeout, 600);
	assert_true(c.allow_quit);
	assert_int_equal(c.esc_delay, 300);
	config_free(&c);
}

static void shipped_file_yields_defaults(void **state)
{
	(void)state;
	struct config def, c;
	char err[512];
	config_defaults(&def);
	int rc = load(&c, "config/htkp.ini", err, sizeof err);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	assert_same_config(&c, &def);
	config_free(&c);
	config_free(&def);
}

/* The key table feeds both: --print-config must be the shipped file. */
static void print_defaults_is_shipped_file(void **state)
{
	(void)state;
	char *printed = NULL, *shipped = NULL;
	size_t plen = 0, slen = 0;
	FILE *m = open_memstream(&printed, &plen);
	assert_non_null(m);
	config_print_defaults(m);
	assert_int_equal(fclose(m), 0);
	FILE *f = fopen("config/htkp.ini", "r");
	assert_non_null(f);
	m = open_memstream(&shipped, &slen);
	assert_non_null(m);
	int ch;
	while ((ch = getc(f)) != EOF)
		putc(ch, m);
	fclose(f);
	assert_int_equal(fclose(m), 0);
	bool same = plen == slen && memcmp(printed, shipped, plen) == 0;
	free(printed);
	free(shipped);
	assert_true(same);
}

/* --- good files --------------------------------------------------------- */

static void good_file_sets_every_key(void **state)
{
	(void)state;
	struct config c, def;
	char err[512];
	config_defaults(&def);
	int rc = load(&c, DIR "good.ini", err, sizeof err);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	assert_string_equal(c.db_path, "/srv/htkp/portal.db");
	assert_string_equal(c.screens_dir, "/srv/htkp/screens");
	assert_int_equal(c.theme, THEME_HIGH_CONTRAST);
	assert_string_equal(c.charset, "iso-8859-1");
	assert_int_equal(c.ascii, TRI_YES);
	assert_true(c.low_bandwidth);
	assert_int_equal(c.idle_timeout, 120);
	assert_false(c.allow_quit);
	assert_int_equal(c.esc_delay, 1000);
	/* Every value differs from its default, so each key reached its field. */
	assert_string_not_equal(c.db_path, def.db_path);
	assert_string_not_equal(c.screens_dir, def.screens_dir);
	assert_int_not_equal(c.theme, def.theme);
	assert_string_not_equal(c.charset, def.charset);
	assert_int_not_equal(c.ascii, def.ascii);
	assert_int_not_equal(c.low_bandwidth, def.low_bandwidth);
	assert_int_not_equal(c.idle_timeout, def.idle_timeout);
	assert_int_not_equal(c.allow_quit, def.allow_quit);
	assert_int_not_equal(c.esc_delay, def.esc_delay);
	config_free(&c);
	config_free(&def);
}

/* Loading twice replaces the strings (the old ones are freed: ASan). */
static void load_twice_then_free(void **state)
{
	(void)state;
	struct config c;
	char err[512];
	assert_int_equal(load(&c, DIR "good.ini", err, sizeof err), 0);
	assert_int_equal(config_load(&c, DIR "good.ini", err, sizeof err), 0);
	assert_string_equal(c.db_path, "/srv/htkp/portal.db");
	config_free(&c);
	assert_null(c.db_path);
	assert_null(c.screens_dir);
	assert_null(c.charset);
	config_free(&c);   /* a second free is harmless */
}

static void comments_and_blank_lines(void **state)
{
	(void)state;
	struct config c, def;
	char err[512];
	int rc = load(&c, DIR "comments.ini", err, sizeof err);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	assert_int_equal(c.theme, THEME_MONO);   /* "mono ; comment" */
	assert_true(c.low_bandwidth);            /* "on" with trailing blanks */
	config_defaults(&def);
	c.theme = def.theme;
	c.low_bandwidth = def.low_bandwidth;
	assert_same_config(&c, &def);
	config_free(&c);
	config_free(&def);
}

static void bom_and_crlf(void **state)
{
	(void)state;
	struct config c;
	char err[512];
	assert_int_equal(load(&c, DIR "bom_crlf.ini", err, sizeof err), 0);
	assert_int_equal(c.theme, THEME_MONO);
	assert_int_equal(c.idle_timeout, 0);
	config_free(&c);
}

/* Values are case-insensitive (keys and sections are not: see below). */
static void values_ignore_case(void **state)
{
	(void)state;
	struct config c;
	char err[512];
	assert_int_equal(load(&c, DIR "case_value.ini", err, sizeof err), 0);
	assert_int_equal(c.theme, THEME_MONO);
	assert_int_equal(c.ascii, TRI_NO);
	assert_true(c.low_bandwidth);
	assert_false(c.allow_quit);
	config_free(&c);
}

static void last_value_wins(void **state)
{
	(void)state;
	struct config c;
	char err[512];
	const char *f = write_tmp("[display]\ntheme = mono\ncharset = a\n"
				  "theme = default\ncharset = b\n");
	assert_int_equal(load(&c, f, err, sizeof err), 0);
	assert_int_equal(c.theme, THEME_DEFAULT);
	assert_string_equal(c.charset, "b");
	config_free(&c);
}

/* A section header with no keys under it is never seen by the key handler,
 * so a misspelt but empty section loads. htkp.ini(5) says an unknown
 * section stops htkp; harmless, but if the code starts rejecting it, turn
 * this into an error test. */
static void empty_unknown_section_is_accepted(void **state)
{
	(void)state;
	struct config c;
	char err[512];
	assert_int_equal(load(&c, DIR "bad_section_empty.ini", err, sizeof err), 0);
	assert_int_equal(c.theme, THEME_MONO);
	config_free(&c);
}

/* --- bad files: one exact line each ------------------------------------- */

struct bad_case {
	const char *file, *want;
};

#define SYNTAX "syntax error (want key = value or [section])"
#define INT_IDLE "(want a whole number 0..86400)"
#define INT_ESC "(want a whole number 10..5000)"

static const struct bad_case bad_cases[] = {
	{DIR "bad_section.ini",
	 DIR "bad_section.ini:4: unknown section [dispaly] (key \"theme\")"},
	{DIR "bad_key.ini", DIR "bad_key.ini:3: unknown key \"foo\" in [kiosk]"},
	{DIR "bad_int_word.ini",
	 DIR "bad_int_word.ini:2: [kiosk] idle_timeout: bad value \"soon\" " INT_IDLE},
	{DIR "bad_int_low.ini",
	 DIR "bad_int_low.ini:2: [kiosk] esc_delay: bad value \"9\" " INT_ESC},
	{DIR "bad_int_high.ini",
	 DIR "bad_int_high.ini:2: [kiosk] idle_timeout: bad value \"86401\" " INT_IDLE},
	{DIR "bad_int_negative.ini",
	 DIR "bad_int_negative.ini:2: [kiosk] idle_timeout: bad value \"-1\" " INT_IDLE},
	{DIR "bad_int_junk.ini",
	 DIR "bad_int_junk.ini:2: [kiosk] esc_delay: bad value \"300ms\" " INT_ESC},
	{DIR "bad_bool.ini",
	 DIR "bad_bool.ini:2: [kiosk] allow_quit: bad value \"maybe\" (want yes or no)"},
	{DIR "bad_theme.ini",
	 DIR "bad_theme.ini:2: [display] theme: bad value \"dark\" "
	 "(want default, mono, high-contrast)"},
	{DIR "bad_ascii.ini",
	 DIR "bad_ascii.ini:2: [display] ascii: bad value \"sometimes\" "
	 "(want auto, yes, no)"},
	{DIR "empty_string.ini", DIR "empty_string.ini:2: [database] path: empty value"},
	{DIR "syntax.ini", DIR "syntax.ini:3: " SYNTAX},
	/* A string already replaced before the error is freed by config_free. */
	{DIR "bad_after_string.ini",
	 DIR "bad_after_string.ini:4: [display] theme: bad value \"dark\" "
	 "(want default, mono, high-contrast)"},
	/* Only the first of two errors, whichever kind comes first. */
	{DIR "two_errors.ini", DIR "two_errors.ini:2: unknown key \"colour\" in [display]"},
	{DIR "two_errors_syntax_first.ini", DIR "two_errors_syntax_first.ini:2: " SYNTAX},
	{DIR "two_errors_key_first.ini",
	 DIR "two_errors_key_first.ini:2: unknown key \"foo\" in [display]"},
	/* Keys and sections are case-sensitive. */
	{DIR "case_key.ini", DIR "case_key.ini:2: unknown key \"Theme\" in [display]"},
	{DIR "case_section.ini",
	 DIR "case_section.ini:2: unknown section [Display] (key \"theme\")"},
	{DIR "missing.ini", DIR "missing.ini: cannot read: No such file or directory"},
	{"tests/data/config", "tests/data/config: cannot read: Is a directory"},
	/* inih's buffer holds 200 bytes (Debian's build); line 1 is a
	 * 199-byte comment, and "foo" must still be reported on line 3. */
	{DIR "long_line_numbers.ini",
	 DIR "long_line_numbers.ini:3: unknown key \"foo\" in [display]"},
};
#define N_BAD (sizeof bad_cases / sizeof bad_cases[0])

static void bad_file(void **state)
{
	const struct bad_case *bc = *state;
	struct config c;
	char err[512];
	int rc = load(&c, bc->file, err, sizeof err);
	config_free(&c);
	assert_int_equal(rc, -1);
	assert_string_equal(err, bc->want);
	assert_null(strchr(err, '\n'));
}

/* A short buffer gets a truncated, terminated message. */
static void short_error_buffer(void **state)
{
	(void)state;
	struct config c;
	char err[16];
	memset(err, 'Z', sizeof err);
	config_defaults(&c);
	int rc = config_load(&c, DIR "bad_theme.ini", err, 10);
	config_free(&c);
	assert_int_equal(rc, -1);
	assert_int_equal(strlen(err), 9);
	assert_memory_equal(err, DIR, 9);
	assert_int_equal(err[10], 'Z');
}

/* --- value edge cases (temporary files) --------------------------------- */

enum field { F_IDLE, F_ESC, F_QUIT, F_LOWBW, F_THEME, F_ASCII };

struct value_case {
	enum field field;
	const char *value;
	bool ok;
	int want;   /* field value when ok */
};

static const struct {
	const char *section, *key;
} field_keys[] = {
	[F_IDLE] = {"kiosk", "idle_timeout"}, [F_ESC] = {"kiosk", "esc_delay"},
	[F_QUIT] = {"kiosk", "allow_quit"}, [F_LOWBW] = {"display", "low_bandwidth"},
	[F_THEME] = {"display", "theme"}, [F_ASCII] = {"display", "ascii"},
};

static const struct value_case value_cases[] = {
	{F_IDLE, "0", true, 0}, {F_IDLE, "86400", true, 86400},
	{F_IDLE, "-1", false, 0}, {F_IDLE, "86401", false, 0},
	{F_IDLE, "007", true, 7}, {F_IDLE, "+5", true, 5},
	{F_IDLE, "  42  ", true, 42}, {F_IDLE, "0x10", false, 0},
	{F_IDLE, "1e3", false, 0}, {F_IDLE, "12 34", false, 0},
	{F_IDLE, "99999999999999999999", false, 0}, {F_IDLE, "", false, 0},
	{F_ESC, "10", true, 10}, {F_ESC, "5000", true, 5000},
	{F_ESC, "9", false, 0}, {F_ESC, "5001", false, 0}, {F_ESC, "3.5", false, 0},
	{F_QUIT, "yes", true, 1}, {F_QUIT, "true", true, 1}, {F_QUIT, "on", true, 1},
	{F_QUIT, "1", true, 1}, {F_QUIT, "no", true, 0}, {F_QUIT, "false", true, 0},
	{F_QUIT, "off", true, 0}, {F_QUIT, "0", true, 0}, {F_QUIT, "y", false, 0},
	{F_QUIT, "2", false, 0}, {F_QUIT, "", false, 0},
	{F_LOWBW, "YES", true, 1}, {F_LOWBW, "Off", true, 0},
	{F_THEME, "default", true, THEME_DEFAULT}, {F_THEME, "mono", true, THEME_MONO},
	{F_THEME, "high-contrast", true, THEME_HIGH_CONTRAST},
	{F_THEME, "high_contrast", false, 0}, {F_THEME, "monochrome", false, 0},
	{F_THEME, "# mono", false, 0},   /* '#' only starts a comment on its own line */
	{F_ASCII, "auto", true, TRI_AUTO}, {F_ASCII, "yes", true, TRI_YES},
	{F_ASCII, "no", true, TRI_NO}, {F_ASCII, "true", false, 0},
};

static int field_value(const struct config *c, enum field f)
{
	switch (f) {
	case F_IDLE: return c->idle_timeout;
	case F_ESC: return c->esc_delay;
	case F_QUIT: return c->allow_quit;
	case F_LOWBW: return c->low_bandwidth;
	case F_THEME: return c->theme;
	case F_ASCII: return c->ascii;
	}
	return -1;
}

static void value_edge_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof value_cases / sizeof value_cases[0]; i++) {
		const struct value_case *vc = &value_cases[i];
		const char *sec = field_keys[vc->field].section;
		const char *key = field_keys[vc->field].key;
		char text[256], err[512], want[512];
		snprintf(text, sizeof text, "[%s]\n%s = %s\n", sec, key, vc->value);
		const char *f = write_tmp(text);
		struct config c;
		int rc = load(&c, f, err, sizeof err);
		int got = field_value(&c, vc->field);
		config_free(&c);
		if (rc != (vc->ok ? 0 : -1) || (vc->ok && got != vc->want))
			print_message("# [%s] %s = \"%s\": rc %d, value %d, \"%s\"\n",
				      sec, key, vc->value, rc, got, err);
		if (vc->ok) {
			assert_int_equal(rc, 0);
			assert_int_equal(got, vc->want);
			continue;
		}
		assert_int_equal(rc, -1);
		/* inih strips the value, so the message quotes it stripped. */
		snprintf(want, sizeof want, "%s:2: [%s] %s: bad value \"%s\" (want ",
			 f, sec, key, vc->value);
		assert_memory_equal(err, want, strlen(want));
	}
}

/* --- indented keys and long lines ----------------------------------------- */

/* inih's multi-line values are on: without care an indented key would be
 * read as a further value of the key above ("  charset = utf-8" under
 * "  screens = /srv/screens"). Indenting keys is a common style. */
static void indented_keys_are_keys(void **state)
{
	(void)state;
	struct config c;
	char err[512];
	int rc = load(&c, DIR "indented_keys.ini", err, sizeof err);
	char screens[256], charset[256];
	snprintf(screens, sizeof screens, "%s", c.screens_dir);
	snprintf(charset, sizeof charset, "%s", c.charset);
	config_free(&c);
	assert_int_equal(rc, 0);
	assert_string_equal(screens, "/srv/screens");
	assert_string_equal(charset, "utf-8");
}

/* A comment longer than inih's buffer is ignored whole, not cut into a
 * comment and a line of syntax errors. */
static void long_comment_is_ignored(void **state)
{
	(void)state;
	struct config c;
	char err[512];
	int rc = load(&c, DIR "long_comment.ini", err, sizeof err);
	int theme = c.theme;
	config_free(&c);
	assert_string_equal(err, "");
	assert_int_equal(rc, 0);
	assert_int_equal(theme, THEME_MONO);
}

/* A value line longer than inih's buffer (long_value.ini line 2, 305
 * bytes; in long_value_blank.ini its 199th byte is a blank, which inih
 * would take for a continuation) is either accepted whole or an error
 * naming line 2, never cut into a wrong value. */
static void long_value_line(const char *file, const char *value)
{
	struct config c;
	char err[512], want[128], got[128];
	int rc = load(&c, file, err, sizeof err);
	bool whole = rc == 0 && strcmp(c.db_path, value) == 0;
	snprintf(want, sizeof want, "%s:2: ", file);
	snprintf(got, sizeof got, "%.*s", (int)strlen(want), err);
	if (!whole && (rc != -1 || strcmp(got, want) != 0))
		print_message("# %s: rc %d, path \"%.20s...\", err \"%s\"\n", file,
			      rc, c.db_path, err);
	config_free(&c);
	if (whole)
		return;
	assert_int_equal(rc, -1);
	assert_string_equal(got, want);
}

static void long_value_whole_or_error_on_its_line(void **state)
{
	(void)state;
	char value[400];
	memcpy(value, "/srv/", 5);
	memset(value + 5, 'd', 290);
	memcpy(value + 295, ".db", 4);
	long_value_line(DIR "long_value.ini", value);
}

static void long_value_split_at_blank(void **state)
{
	(void)state;
	char value[400];
	memcpy(value, "/srv/", 5);
	memset(value + 5, 'd', 187);
	memcpy(value + 192, " copy.db", 9);
	long_value_line(DIR "long_value_blank.ini", value);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(tmpfile_path, sizeof tmpfile_path, "%s/t.ini", tmpdir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(tmpfile_path);
	return rmdir(tmpdir);
}

static const struct CMUnitTest fixed_tests[] = {
	cmocka_unit_test(defaults_are_documented_values),
	cmocka_unit_test(shipped_file_yields_defaults),
	cmocka_unit_test(print_defaults_is_shipped_file),
	cmocka_unit_test(good_file_sets_every_key),
	cmocka_unit_test(load_twice_then_free),
	cmocka_unit_test(comments_and_blank_lines),
	cmocka_unit_test(bom_and_crlf),
	cmocka_unit_test(values_ignore_case),
	cmocka_unit_test(last_value_wins),
	cmocka_unit_test(empty_unknown_section_is_accepted),
	cmocka_unit_test(short_error_buffer),
	cmocka_unit_test(value_edge_cases),
	cmocka_unit_test(indented_keys_are_keys),
	cmocka_unit_test(long_comment_is_ignored),
	cmocka_unit_test(long_value_whole_or_error_on_its_line),
	cmocka_unit_test(long_value_split_at_blank),
};
#define N_FIXED (sizeof fixed_tests / sizeof fixed_tests[0])

/* The fixed tests, then one test per bad file, named after the file. */
static struct CMUnitTest tests[N_FIXED + N_BAD];

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	static char names[N_BAD][128];
	memcpy(tests, fixed_tests, sizeof fixed_tests);
	for (size_t i = 0; i < N_BAD; i++) {
		snprintf(names[i], sizeof names[i], "bad_file %s", bad_cases[i].file);
		tests[N_FIXED + i] = (struct CMUnitTest){
			names[i], bad_file, NULL, NULL, (void *)&bad_cases[i]};
	}
	return cmocka_run_group_tests_name("config", tests, setup, teardown);
}
