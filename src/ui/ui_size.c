/* Clamps the terminal's size before ncurses sees it (ui_size.h): at start
 * and at every resize the kiosk reads the size itself, and ncurses reads
 * only the clamped one, through LINES and COLUMNS. */
#include "ui/ui_size.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>

static int clamp_side(long n, int max)
{
	return n > max ? max : (int)n;
}

struct ui_size ui_size_clamp(long lines, long cols)
{
	if (lines <= 0 || cols <= 0)
		return (struct ui_size){UI_DEFAULT_LINES, UI_DEFAULT_COLS};
	return (struct ui_size){clamp_side(lines, UI_MAX_LINES),
				clamp_side(cols, UI_MAX_COLS)};
}

struct ui_size ui_size_of_terminal(int fd)
{
	struct winsize ws;
	if (ioctl(fd, TIOCGWINSZ, &ws) != 0)
		return ui_size_clamp(0, 0);
	return ui_size_clamp(ws.ws_row, ws.ws_col);
}

/* ncurses reads the size again by itself on the first refresh after
 * endwin() (and would on SIGWINCH, had the loop not its own handler):
 * with LINES and COLUMNS set it takes them instead of the terminal's. */
void ui_size_export(struct ui_size s)
{
	s = ui_size_clamp(s.lines, s.cols);
	char buf[16];
	snprintf(buf, sizeof buf, "%d", s.lines);
	setenv("LINES", buf, 1);
	snprintf(buf, sizeof buf, "%d", s.cols);
	setenv("COLUMNS", buf, 1);
}

void ui_size_apply(struct ui_size s)
{
	s = ui_size_clamp(s.lines, s.cols);
	ui_size_export(s);
	if (s.lines != LINES || s.cols != COLS)
		resize_term(s.lines, s.cols);
	clearok(curscr, TRUE);
}
