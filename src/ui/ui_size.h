/* The screen size the kiosk lays out for: the terminal's, clamped to what
 * ncurses can hold cheaply. ncurses keeps sizes in shorts (a side of 32768
 * or more crashes it) and allocates every cell (10000x10000 is gigabytes),
 * so no size reaches it that has not been through here. */
#ifndef HTKP_UI_SIZE_H
#define HTKP_UI_SIZE_H

/* Larger terminals get this much, drawn in their top left corner. */
#define UI_MAX_COLS 1000
#define UI_MAX_LINES 500
/* When the terminal tells no size (not a terminal, or 0x0). */
#define UI_DEFAULT_COLS 80
#define UI_DEFAULT_LINES 24

struct ui_size {
	int lines, cols;
};

/* The size to use for a terminal that reports lines x cols: each side
 * within 1..UI_MAX_*, and the default size when either side is 0. */
struct ui_size ui_size_clamp(long lines, long cols);

/* The clamped size of the terminal on fd (TIOCGWINSZ). */
struct ui_size ui_size_of_terminal(int fd);

/* Sets LINES and COLUMNS to s (clamped), which ncurses prefers to the
 * terminal's size whenever it reads the size by itself: before newterm(),
 * the size it starts with. */
void ui_size_export(struct ui_size s);

/* Makes a running ncurses screen use size s (clamped) from now on: every way ncurses reads the size
 * by itself (LINES and COLUMNS, which it prefers to the terminal's) says
 * s, then the screen is resized and fully repainted at the next refresh. */
void ui_size_apply(struct ui_size s);

#endif
