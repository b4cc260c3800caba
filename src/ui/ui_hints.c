/* The status line's key hints, built from one table for every screen.
 * Back names its quick keys first: Esc means back only after esc_delay,
 * the time it waits to tell a lone Esc from an arrow key's sequence. */
#include "ui/ui_hints.h"
#include "common/text.h"

#include <stdio.h>
#include <string.h>

struct hint_text {
	const char *key;     /* UTF-8 */
	const char *ascii;   /* the same key where arrows cannot be drawn; NULL: key */
	const char *what;
};

static const struct hint_text hints[HINT_COUNT] = {
	[HINT_BACK] = {"\u2190/h", "Left/h", "back"},
	[HINT_HELP] = {"?", NULL, "help"},
	[HINT_SUBMIT] = {"Enter", NULL, "search"},
	[HINT_REPLACE] = {"", NULL, "typing replaces"},
	[HINT_CANCEL] = {"Ctrl-C/Esc", NULL, "cancel"},
	[HINT_HOME] = {"H", NULL, "home"},
	[HINT_OPEN_1_8] = {"1-8", NULL, "open"},
	[HINT_OPEN_1_7] = {"1-7", NULL, "open"},
	[HINT_OPEN] = {"Enter", NULL, "open"},
	[HINT_CHOOSE] = {"Enter", NULL, "choose"},
	[HINT_SHOW] = {"Enter", NULL, "show records"},
	[HINT_TICK] = {"Space", NULL, "tick"},
	[HINT_NEXT_LINK] = {"Tab", NULL, "next link"},
	[HINT_OPEN_LINK] = {"Enter", NULL, "open link"},
	[HINT_CITE] = {"y", NULL, "cite"},
	[HINT_CITE_ALL] = {"y", NULL, "cite all"},
	[HINT_PRINT] = {"p", NULL, "print"},
	[HINT_PRINT_ALL] = {"p", NULL, "print all"},
	[HINT_MARK] = {"m", NULL, "mark"},
	[HINT_UNMARK] = {"m", NULL, "unmark"},
	[HINT_SEARCH] = {"/", NULL, "search"},
	[HINT_FILTERS] = {"f", NULL, "filters"},
	[HINT_SORT] = {"s", NULL, "sort"},
	[HINT_CLEAR] = {"c", NULL, "clear"},
	[HINT_CLEAR_LINE] = {"Ctrl-U", NULL, "clear line"},
	[HINT_MOVE] = {"\u2191/\u2193", "Up/Down", "move"},
	[HINT_SCROLL] = {"\u2191/\u2193", "Up/Down", "scroll"},
	[HINT_PAGE] = {"PgDn/PgUp", NULL, "page"},
	[HINT_QUIT] = {"q", NULL, "quit"},
};

char *hints_line(unsigned mask, bool utf8, int cols, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int h = 0; h < HINT_COUNT; h++) {
		if (!(mask & HINT(h)))
			continue;
		const struct hint_text *t = &hints[h];
		const char *key = !utf8 && t->ascii ? t->ascii : t->key;
		int k = snprintf(buf + n, len - n, "%s%s%s%s", n ? "  " : "", key,
				 key[0] ? " " : "", t->what);
		if (k < 0 || (size_t)k >= len - n || text_width(buf, n + (size_t)k) > cols) {
			buf[n] = '\0';   /* this and every less needed hint go */
			break;
		}
		n += (size_t)k;
	}
	return buf;
}
