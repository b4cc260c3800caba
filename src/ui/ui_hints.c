/* The status line's key hints, built from one table for every screen.
 * Back names its quick keys first: Esc means back only after esc_delay,
 * the time it waits to tell a lone Esc from an arrow key's sequence. */
#include "ui/ui_hints.h"
#include "common/i18n.h"
#include "common/text.h"

#include <stdio.h>
#include <string.h>

/* Every "what", and the key names that are words (Enter, Space...), are
 * marked here and translated as the line is built; the key letters
 * themselves are the same in every language. */
struct hint_text {
	const char *key;     /* UTF-8 */
	const char *ascii;   /* the same key where arrows cannot be drawn; NULL: key */
	const char *what;
};

/* TRANSLATORS: the status line's key hints, "key what" two spaces apart
 * ("? help  q quit"); an 80-column line holds them all in English, a
 * 40-column one the first few: keep each short (one or two words). A key
 * name (context "key") is the name printed on the key; the letters (y, p,
 * m, /, q) stay as they are. */
static const struct hint_text hints[HINT_COUNT] = {
	[HINT_BACK] = {"\u2190/h", NC_("key", "Left/h"), N_("back")},
	[HINT_HELP] = {"?", NULL, N_("help")},
	[HINT_SUBMIT] = {NC_("key", "Enter"), NULL, N_("search")},
	[HINT_REPLACE] = {"", NULL, N_("typing replaces")},
	[HINT_CANCEL] = {NC_("key", "Ctrl-C/Esc"), NULL, N_("cancel")},
	[HINT_HOME] = {"H", NULL, N_("home")},
	[HINT_OPEN_1_8] = {"1-8", NULL, N_("open")},
	[HINT_LANGUAGE] = {"l", NULL, N_("language")},
	[HINT_OPEN_1_7] = {"1-7", NULL, N_("open")},
	[HINT_OPEN] = {NC_("key", "Enter"), NULL, N_("open")},
	[HINT_CHOOSE] = {NC_("key", "Enter"), NULL, N_("choose")},
	[HINT_SHOW] = {NC_("key", "Enter"), NULL, N_("show records")},
	[HINT_TICK] = {NC_("key", "Space"), NULL, N_("tick")},
	[HINT_NEXT_LINK] = {NC_("key", "Tab"), NULL, N_("next link")},
	[HINT_OPEN_LINK] = {NC_("key", "Enter"), NULL, N_("open link")},
	[HINT_CITE] = {"y", NULL, N_("cite")},
	[HINT_CITE_ALL] = {"y", NULL, N_("cite all")},
	[HINT_PRINT] = {"p", NULL, N_("print")},
	[HINT_PRINT_ALL] = {"p", NULL, N_("print all")},
	[HINT_MARK] = {"m", NULL, N_("mark")},
	[HINT_UNMARK] = {"m", NULL, N_("unmark")},
	[HINT_SEARCH] = {"/", NULL, N_("search")},
	[HINT_FILTERS] = {"f", NULL, N_("filters")},
	[HINT_SORT] = {"s", NULL, N_("sort")},
	[HINT_CLEAR] = {"c", NULL, N_("clear")},
	[HINT_CLEAR_LINE] = {NC_("key", "Ctrl-U"), NULL, N_("clear line")},
	[HINT_MOVE] = {"\u2191/\u2193", NC_("key", "Up/Down"), N_("move")},
	[HINT_SCROLL] = {"\u2191/\u2193", NC_("key", "Up/Down"), N_("scroll")},
	[HINT_PAGE] = {NC_("key", "PgDn/PgUp"), NULL, N_("page")},
	[HINT_QUIT] = {"q", NULL, N_("quit")},
};

/* A key's name in the current language (only names that are words are
 * translated: their msgids are "key" NC_ entries above). */
static const char *key_name(const char *key)
{
	char msgid[64];
	int n = snprintf(msgid, sizeof msgid, "key\004%s", key);
	if (!key[0] || n < 0 || (size_t)n >= sizeof msgid)
		return key;
	const char *t = gettext(msgid);
	return t == msgid ? key : t;
}

char *hints_line(unsigned mask, bool utf8, int cols, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int h = 0; h < HINT_COUNT; h++) {
		if (!(mask & HINT(h)))
			continue;
		const struct hint_text *t = &hints[h];
		const char *key = key_name(!utf8 && t->ascii ? t->ascii : t->key);
		int k = snprintf(buf + n, len - n, "%s%s%s%s", n ? "  " : "", key,
				 key[0] ? " " : "", _(t->what));
		if (k < 0 || (size_t)k >= len - n || text_width(buf, n + (size_t)k) > cols) {
			buf[n] = '\0';   /* this and every less needed hint go */
			break;
		}
		n += (size_t)k;
	}
	return buf;
}
