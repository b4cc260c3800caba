/* fuzz_config.c: libFuzzer target for src/config.c (over the system's
 * inih, which is not instrumented for coverage but runs under ASan's
 * interceptors).
 *
 * config_load takes a path, so each input is written to one temporary file
 * made once per process under /tmp (truncated and rewritten per input) and
 * loaded over the defaults, then loaded a second time over the result
 * (replacing strings the first load set) with a small err buffer. The
 * target aborts when
 *   - config_load returns anything but 0 or -1,
 *   - on -1 the message is empty, unterminated, longer than one line
 *     (holds a newline) or not "FILE:LINE: ..." with LINE a line of the
 *     input (the file is always readable, so no other form is expected),
 *   - the second load gives another result, writes past errlen, or its
 *     message is not the first one cut to errlen - 1 bytes,
 *   - a loaded setting is out of its documented range (theme and ascii
 *     choices, idle_timeout 0..86400, esc_delay 10..5000, non-empty paths);
 * ASan reports any overflow, and the leak check anything config_free
 * leaves behind. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/config.h"

#define FUZZ_NAME "fuzz_config"
#include "fuzz_file.h"

static void check_config(const struct config *cfg)
{
	if (!cfg->db_path || !*cfg->db_path || !cfg->screens_dir || !*cfg->screens_dir
	    || !cfg->charset || !*cfg->charset)
		die("a path or charset is NULL or empty", NULL);
	if (cfg->theme < THEME_DEFAULT || cfg->theme > THEME_HIGH_CONTRAST)
		die("theme out of range", NULL);
	if (cfg->ascii < TRI_AUTO || cfg->ascii > TRI_NO)
		die("ascii out of range", NULL);
	if (cfg->idle_timeout < 0 || cfg->idle_timeout > 86400)
		die("idle_timeout out of range", NULL);
	if (cfg->esc_delay < 10 || cfg->esc_delay > 5000)
		die("esc_delay out of range", NULL);
}

static void check_error(const char *err, size_t errlen, size_t lines)
{
	size_t len = strnlen(err, errlen);
	if (len == errlen)
		die("error message not NUL-terminated", NULL);
	if (len == 0)
		die("error message empty", NULL);
	if (strchr(err, '\n') != NULL)
		die("error message longer than one line", err);
	size_t plen = strlen(path);
	if (strncmp(err, path, plen) != 0 || err[plen] != ':')
		die("error message does not start with FILE:", err);
	char *end;
	long line = strtol(err + plen + 1, &end, 10);
	if (end == err + plen + 1 || *end != ':')
		die("error message without :LINE:", err);
	if (line < 1 || (size_t)line > lines)
		die("error message names a line the file does not have", err);
}

/* Loads the file into cfg with an err buffer of errlen bytes; returns
 * config_load's result, with the message (if any) in msg. */
static int load(struct config *cfg, size_t errlen, size_t lines, char msg[512])
{
	char err[512];
	memset(err, 0x55, sizeof err);
	int rc = config_load(cfg, path, err, errlen);
	if (rc == -1 && errlen >= sizeof err)
		check_error(err, errlen, lines);
	else if (rc == -1 && strnlen(err, errlen) == errlen)
		die("short error message not NUL-terminated", NULL);
	else if (rc != 0 && rc != -1)
		die("config_load returned neither 0 nor -1", NULL);
	for (size_t i = errlen; i < sizeof err; i++)
		if (err[i] != 0x55)
			die("config_load wrote past errlen", NULL);
	check_config(cfg);
	memcpy(msg, err, sizeof err);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	write_input(data, size);
	size_t lines = 0;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (size > 0 && data[size - 1] != '\n')
		lines++;

	struct config cfg;
	config_defaults(&cfg);
	check_config(&cfg);
	char first[512], second[512];
	int rc = load(&cfg, sizeof first, lines, first);
	/* Again over what it loaded, into a small buffer: the same outcome,
	 * and the message cut to fit. */
	size_t errlen = 1 + (size ? data[0] : 0) % 64;
	if (load(&cfg, errlen, lines, second) != rc)
		die("second load gave another result", NULL);
	if (rc == -1 && strncmp(first, second, errlen - 1) != 0)
		die("short error message is not the long one cut", second);
	config_free(&cfg);
	if (cfg.db_path || cfg.screens_dir || cfg.charset)
		die("config_free left a pointer behind", NULL);
	return 0;
}
