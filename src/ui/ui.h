/* The kiosk as the program starts it: the session's state and the loop.
 * The views and the drawing primitives have headers of their own
 * (ui_view.h, ui_draw.h); this one is what main.c needs. */
#ifndef HTKP_UI_H
#define HTKP_UI_H

#include "common/catalog.h"

#include <stdbool.h>

struct config;
struct store;
struct view;
struct dbshared;

struct app {
	const struct config *cfg;
	struct store *store;
	struct view *top;          /* current view; ->prev is the back stack */
	bool quit;
	char message[256];         /* one line for the status bar, then cleared */
	bool message_is_error;
	char position[96];         /* set by a view's draw: "Lines 1-22 of 57" */
	unsigned data_generation;  /* bumped when the database file was replaced */
	/* Each database's search and filters, shared by its views. Owned by
	 * the loop: made when a database is opened, freed when the stack is
	 * back at the home menu, so every view above home may point at it. */
	struct dbshared *shared[DB_COUNT];
};

/* False when the terminal cannot be drawn on as a screen: TERM is dumb,
 * empty or unset, or its terminfo entry cannot move the cursor (no cup).
 * Reads terminfo only; ncurses is not started. */
bool ui_terminal_addressable(void);

/* Runs the kiosk until quit, hang-up or a signal. Returns the exit status. */
int ui_run(struct app *app);

#endif
