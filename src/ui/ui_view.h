/* What a view is: an ops table (draw, key, hints, destroy) on the loop's
 * stack. A key handler returns an action and the loop carries it out, so
 * no view frees itself or another view. */
#ifndef HTKP_UI_VIEW_H
#define HTKP_UI_VIEW_H

#include "ui/ui.h"
#include "ui/ui_draw.h"

#include <stdbool.h>

enum action_kind {
	ACT_UNHANDLED,   /* not this view's key: the loop tries its own */
	ACT_NONE,        /* handled; stay */
	ACT_PUSH,        /* open .view on top */
	ACT_POP,         /* back one screen */
	ACT_REPLACE,     /* back one screen, then open .view there */
	ACT_HOME,        /* back to the home menu */
	ACT_QUIT,
};

struct action {
	enum action_kind kind;
	struct view *view;   /* ACT_PUSH, ACT_REPLACE: the new view, owned by the stack */
};

#define ACTION(k) ((struct action){(k), NULL})

/* Opens v; a view that could not be made (NULL, its reason already on
 * the status bar) opens nothing. */
struct action action_push(struct view *v);
/* Closes this view and opens v in its place; without v, only closes. */
struct action action_replace(struct view *v);

struct view_ops {
	void (*draw)(struct view *v, struct app *app, struct area a);
	struct action (*key)(struct view *v, struct app *app, int key, struct area a);
	/* The keys that work here, for the status line: a mask of
	 * HINT(enum hint) (ui_hints.h). */
	unsigned (*hints)(struct view *v, const struct app *app);
	void (*destroy)(struct view *v);
	/* Optional: work done ahead while the loop waits for keys (after a
	 * frame, when none is typed ahead), such as ranking the results
	 * the next pages will need. Draws nothing. */
	void (*idle)(struct view *v, struct app *app);
};

struct view {
	const struct view_ops *ops;
	struct view *prev;
	char title[96];
	char short_title[96];   /* shown when title does not fit; "" = none */
};

/* Shows one line on the status bar until the next key. */
void ui_message(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Keys are characters (Unicode code points) or ncurses KEY_* codes; a
 * character that would collide with a KEY_* code is moved up by
 * KEY_CHAR_BASE. key_char() gives the character back, or 0. */
#define KEY_ESC 27
#define KEY_CHAR_BASE 0x200000
int key_char(int key);
bool key_is_enter(int key);
/* Opens the selection: Enter, Right or l. */
bool key_is_open(int key);
bool key_is_back(int key);
bool key_is_down(int key);
bool key_is_up(int key);
bool key_is_page_down(int key);
bool key_is_page_up(int key);
bool key_is_first(int key);
bool key_is_last(int key);

/* Views. */
extern const struct view_ops help_view_ops;
struct view *home_view_new(void);
struct view *help_view_new(struct app *app);
/* A static screen from the screens directory; NULL after a status-bar
 * message when the file cannot be read. */
struct view *page_view_new(struct app *app, const char *file, const char *title);
struct view *db_view_new(struct app *app, int db);
/* The language picker: the current language changes for this session. */
struct view *language_view_new(struct app *app);

#endif
