/* The deployment's settings, read from an INI file (see config/htkp.ini). */
#ifndef HTKP_CONFIG_H
#define HTKP_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

enum theme { THEME_DEFAULT, THEME_MONO, THEME_HIGH_CONTRAST };
enum tristate { TRI_AUTO, TRI_YES, TRI_NO };
enum print_method { PRINT_TERMINAL, PRINT_SPOOL, PRINT_OFF };
enum display_mode { MODE_FULL, MODE_LINE, MODE_AUTO };

struct config {
	char *db_path;       /* [database] path */
	int time_limit;      /* [database] time_limit, milliseconds a statement may run */
	char *screens_dir;   /* [display] screens */
	int language;        /* [display] language: config_language_names[] */
	char *translations_dir; /* [display] translations: the .mo files */
	int theme;           /* [display] theme: enum theme */
	char *charset;       /* [display] charset: "locale" or an encoding name */
	int ascii;           /* [display] ascii: enum tristate */
	bool low_bandwidth;  /* [display] low_bandwidth */
	int mode;            /* [display] mode: enum display_mode */
	int line_width;      /* [display] line_width, columns, 0 = the terminal's */
	bool line_pause;     /* [display] line_pause: stop at each screenful */
	int idle_timeout;    /* [kiosk] idle_timeout, seconds, 0 = never */
	bool allow_quit;     /* [kiosk] allow_quit */
	int esc_delay;       /* [kiosk] esc_delay, milliseconds */
	bool audit;          /* [kiosk] audit: syslog the records a session opens */
	int print_method;    /* [print] method: enum print_method */
	char *spool_dir;     /* [print] directory, for method = spool */
};

/* [display] language's values: "auto" or a language code, NULL-ended. */
extern const char *const config_language_names[];

/* Fills *cfg with the built-in defaults. */
void config_defaults(struct config *cfg);

/* Reads FILE over the defaults already in *cfg. On error returns -1 and
 * writes one line naming file, line and key into err. */
int config_load(struct config *cfg, const char *file, char *err, size_t errlen);

/* Writes every key with its default and documentation, as an INI file. */
void config_print_defaults(FILE *out);

/* Frees the strings *cfg owns. */
void config_free(struct config *cfg);

#endif
