/* The kiosk's screen: a stack of views drawn between a title bar and a
 * status line. Each view is a small ops table (draw, key, hints). */
#ifndef HTKP_UI_H
#define HTKP_UI_H

#include <stdbool.h>
#include <stddef.h>

struct config;
struct store;
struct view;

/* What a string is, for drawing: the theme maps each role to attributes
 * that survive in monochrome. */
enum role {
	ROLE_NORMAL, ROLE_TITLE, ROLE_STATUS, ROLE_SELECTED, ROLE_HEADING,
	ROLE_LABEL, ROLE_MATCH, ROLE_LINK, ROLE_LINK_SELECTED, ROLE_DIM,
	ROLE_ERROR, ROLE_COUNT
};

enum key_result { KEY_UNHANDLED, KEY_HANDLED };

struct app {
	const struct config *cfg;
	struct store *store;
	struct view *top;          /* current view; ->prev is the back stack */
	bool quit;
	char message[256];         /* one line for the status bar, then cleared */
	bool message_is_error;
	char position[48];         /* set by a view's draw: "Lines 1-22 of 57" */
	unsigned data_generation;  /* bumped when the database file was replaced */
};

/* The content area a view draws into. */
struct area {
	int y, x, h, w;
};

struct view_ops {
	void (*draw)(struct view *v, struct app *app, struct area a);
	enum key_result (*key)(struct view *v, struct app *app, int key, struct area a);
	/* The keys that work here, for the status line. */
	const char *(*hints)(struct view *v);
	void (*destroy)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	struct view *prev;
	char title[96];
};

/* Pushes v (owned by the stack from now on). */
void view_push(struct app *app, struct view *v);
/* Pops and frees the top view unless it is the last one. */
void view_pop(struct app *app);
/* Pops every view above the home menu. */
void view_home(struct app *app);

/* Shows one line on the status bar until the next key. */
void ui_message(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Draws clean UTF-8 s[0..n) at (y, x), cut to at most cols columns.
 * Returns the columns drawn. */
int ui_put(int y, int x, const char *s, size_t n, int cols, enum role role);
/* Same, for a NUL-terminated string. */
int ui_puts(int y, int x, const char *s, int cols, enum role role);
/* Chooses attributes and line-drawing characters for the configuration
 * and this terminal. Call after curses started. */
void ui_draw_init(const struct config *cfg);

/* A horizontal rule of cols cells at (y, x): the terminal's line-drawing
 * set, or '-' where it has none (or ascii = yes); nothing on a
 * low-bandwidth link, where it would be bytes for decoration. */
void ui_rule(int y, int x, int cols);

/* Fills cols cells at (y, x) with the role's background. */
void ui_fill(int y, int x, int cols, enum role role);

/* Keys are characters (Unicode code points) or ncurses KEY_* codes; a
 * character that would collide with a KEY_* code is moved up by
 * KEY_CHAR_BASE. key_char() gives the character back, or 0. */
#define KEY_ESC 27
#define KEY_CHAR_BASE 0x200000
int key_char(int key);
bool key_is_enter(int key);
bool key_is_back(int key);
bool key_is_down(int key);
bool key_is_up(int key);
bool key_is_page_down(int key);
bool key_is_page_up(int key);

/* Runs the kiosk until quit, hang-up or a signal. Returns the exit status. */
int ui_run(struct app *app);

/* Views. */
extern const struct view_ops help_view_ops;
struct view *home_view_new(void);
struct view *help_view_new(struct app *app);
/* A static screen from the screens directory; NULL after a status-bar
 * message when the file cannot be read. */
struct view *page_view_new(struct app *app, const char *file, const char *title);
struct view *db_view_new(struct app *app, int db);

#endif
