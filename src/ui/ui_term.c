/* Whether the terminal can be drawn on as a screen at all, for [display]
 * mode = auto: its terminfo entry (read, not started: no screen is set up
 * and nothing is written) must move the cursor. */
#include "ui/ui.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

bool ui_terminal_addressable(void)
{
	const char *term = getenv("TERM");
	if (!term || !*term)
		return false;
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)   /* not in terminfo */
		return strcmp(term, "dumb") != 0;   /* the kiosk falls back to vt100 */
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1;
	del_curterm(cur_term);
	return ok;
}
