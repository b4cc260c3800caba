/* Line mode's screens and the session they share: each screen prints
 * itself, says what can be typed, and answers a line typed. The session
 * (line_session.c) keeps them on a stack, as the kiosk does its views. */
#ifndef HTKP_LINE_SCREEN_H
#define HTKP_LINE_SCREEN_H

#include "common/catalog.h"
#include "line/line_out.h"
#include "query/dbstate.h"

#include <stdbool.h>
#include <stddef.h>

struct config;
struct store;
struct lscreen;

struct lsession {
	const struct config *cfg;
	struct store *store;
	struct lout out;
	struct lscreen *top;        /* ->prev is the way back */
	/* Each database's search and filters, made when the database is
	 * opened, forgotten back at the home menu (as in the kiosk). */
	struct dbstate *state[DB_COUNT];
	bool quit;
};

enum lact_kind {
	LACT_NONE,       /* done: ask again */
	LACT_SHOW,       /* print the screen again */
	LACT_PUSH,       /* open screen */
	LACT_REPLACE,    /* open screen in place of this one */
	LACT_BACK,
	LACT_HOME,
	LACT_QUIT,
	LACT_UNHANDLED,  /* not this screen's: the session's commands */
};

struct lact {
	enum lact_kind kind;
	struct lscreen *screen;   /* PUSH, REPLACE; NULL: it could not open
				     (said already), stay */
};

#define LACT(k) ((struct lact){(k), NULL})

struct lscreen_ops {
	/* Prints the screen; again: the person came back to it, say less
	 * where it is long (a record). */
	void (*show)(struct lscreen *sc, struct lsession *s, bool again);
	/* What can be typed here, for the prompt. */
	void (*prompt)(struct lscreen *sc, struct lsession *s, char *buf, size_t len);
	/* Answers a line typed (trimmed, clean UTF-8, maybe empty). */
	struct lact (*input)(struct lscreen *sc, struct lsession *s, const char *line);
	void (*destroy)(struct lscreen *sc);
	/* Optional: work ahead of the next line typed, done once the
	 * prompt is out (a result list ranks its next pages). */
	void (*ahead)(struct lscreen *sc, struct lsession *s);
};

struct lscreen {
	const struct lscreen_ops *ops;
	struct lscreen *prev;
};

/* The words of the session's commands, for screens that must tell them
 * from a search: true when line is one (b, back, h, home, ?, help...). */
bool line_is_command(const char *line);
/* The number line is (1 to max), or 0 when it is not a number in range. */
long line_number(const char *line, long max);
/* Whether line is one of the words in the list ("f|filters"). */
bool line_is(const char *line, const char *words);

/* The database's search state, made on first use; NULL after a message
 * when out of memory. */
struct dbstate *line_state(struct lsession *s, int db);

/* The screens. Each returns NULL after saying why in a line. */
struct lscreen *line_home_new(struct lsession *s);
struct lscreen *line_page_new(struct lsession *s, const char *file, const char *title);
struct lscreen *line_help_new(struct lsession *s);
/* The languages, numbered by their own names: a number makes one the
 * session's until the idle reset (l or language, on the home menu). */
#define LINE_CMD_LANGUAGE "l|language"
struct lscreen *line_language_new(struct lsession *s);
struct lscreen *line_db_new(struct lsession *s, int db);
struct lscreen *line_list_new(struct lsession *s, int db);
struct lscreen *line_record_new(struct lsession *s, int db, long rowid);
/* The same, read from the provision whose article is article (a charge's
 * statute names it), or from the top when there is none such. */
struct lscreen *line_record_at(struct lsession *s, int db, long rowid, const char *article);
struct lscreen *line_filters_new(struct lsession *s, int db, bool over_list);

enum lpick_mode {
	LPICK_BROWSE,   /* a value sets the filter and shows the results */
	LPICK_FILTER,   /* a value sets the filter and goes back */
	LPICK_YEARS,    /* a year, or a range typed, sets the years, back */
};
struct lscreen *line_pick_new(struct lsession *s, int db, enum lpick_mode mode,
			      const char *const *fields, size_t n_fields, const char *title);

/* Sets the words of db's search from what was typed ("/words" or words)
 * and says a hint the parser gave. Returns -1 after a message. */
int line_search(struct lsession *s, int db, const char *typed);

#endif
