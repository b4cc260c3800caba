/* Drawing primitives and the theme: every string goes through ui_put,
 * which cleans it, cuts it by display columns (never by bytes, never
 * mid-character) and maps a role to attributes that keep their meaning
 * in monochrome. */
#include "ui/ui_draw.h"
#include "common/config.h"
#include "common/text.h"

#include <curses.h>
#include <term.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static attr_t role_attr[ROLE_COUNT];

/* Monochrome attributes carry every distinction; colour only adds. */
static const attr_t mono[ROLE_COUNT] = {
	[ROLE_NORMAL] = A_NORMAL,       [ROLE_TITLE] = A_REVERSE | A_BOLD,
	[ROLE_STATUS] = A_REVERSE,      [ROLE_SELECTED] = A_REVERSE,
	[ROLE_HEADING] = A_BOLD,        [ROLE_LABEL] = A_BOLD,
	[ROLE_MATCH] = A_UNDERLINE | A_BOLD, [ROLE_LINK] = A_UNDERLINE,
	[ROLE_LINK_SELECTED] = A_REVERSE | A_UNDERLINE,
	[ROLE_DIM] = A_DIM,             [ROLE_ERROR] = A_REVERSE | A_BOLD,
	/* Bold among plain letters needs no colour: a match in a snippet
	 * costs one attribute change each way on the wire (ESC[1m, ESC[m). */
	[ROLE_SNIPPET_MATCH] = A_BOLD,
};

struct role_colour {
	short fg, bg;
};

static const struct role_colour colours[][ROLE_COUNT] = {
	[THEME_DEFAULT] = {
		[ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE},
		[ROLE_STATUS] = {COLOR_BLACK, COLOR_CYAN},
		[ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN},
		[ROLE_HEADING] = {COLOR_CYAN, -1},
		[ROLE_LABEL] = {COLOR_YELLOW, -1},
		[ROLE_MATCH] = {COLOR_BLACK, COLOR_YELLOW},
		[ROLE_LINK] = {COLOR_GREEN, -1},
		[ROLE_LINK_SELECTED] = {COLOR_BLACK, COLOR_GREEN},
		[ROLE_ERROR] = {COLOR_WHITE, COLOR_RED},
	},
	[THEME_HIGH_CONTRAST] = {
		[ROLE_NORMAL] = {COLOR_WHITE, COLOR_BLACK},
		[ROLE_TITLE] = {COLOR_BLACK, COLOR_WHITE},
		[ROLE_STATUS] = {COLOR_BLACK, COLOR_WHITE},
		[ROLE_SELECTED] = {COLOR_BLACK, COLOR_YELLOW},
		[ROLE_HEADING] = {COLOR_YELLOW, COLOR_BLACK},
		[ROLE_LABEL] = {COLOR_WHITE, COLOR_BLACK},
		[ROLE_MATCH] = {COLOR_BLACK, COLOR_YELLOW},
		[ROLE_LINK] = {COLOR_CYAN, COLOR_BLACK},
		[ROLE_LINK_SELECTED] = {COLOR_BLACK, COLOR_CYAN},
		[ROLE_DIM] = {COLOR_WHITE, COLOR_BLACK},
		[ROLE_ERROR] = {COLOR_WHITE, COLOR_RED},
		[ROLE_SNIPPET_MATCH] = {COLOR_BLACK, COLOR_YELLOW},
	},
};

/* Chooses attributes for the theme; mono when the terminal has no colour
 * or the user set NO_COLOR (https://no-color.org). */
static chtype rule_char;   /* 0: no rules */

static void theme_init(int theme)
{
	bool colour = theme != THEME_MONO && has_colors() && !getenv("NO_COLOR")
		      && start_color() == OK;
	/* Without default-colour support, -1 means black on white's terminal. */
	bool defaults = colour && use_default_colors() == OK;
	for (int r = 0; r < ROLE_COUNT; r++) {
		role_attr[r] = mono[r];
		const struct role_colour *c = &colours[theme][r];
		if (!colour || (c->fg == 0 && c->bg == 0))
			continue;
		short fg = c->fg, bg = c->bg;
		attr_t keep = mono[r] & ~A_REVERSE;
		/* A bright colour instead of bold where the terminal has
		 * them: ESC[93m is 5 bytes, ESC[1;33m 7, on every label of a
		 * record; bold on a black letter stays (bright black is grey). */
		if ((keep & A_BOLD) && fg > COLOR_BLACK && fg < 8 && COLORS >= 16) {
			fg = (short)(fg + 8);
			keep &= ~A_BOLD;
		}
		if (!defaults && bg < 0)
			bg = COLOR_BLACK;
		if (init_pair((short)(r + 1), fg, bg) != OK)
			continue;
		/* Colour replaces reverse video where it gives the contrast. */
		role_attr[r] = keep | COLOR_PAIR(r + 1);
	}
}

void ui_draw_init(const struct config *cfg)
{
	theme_init(cfg->theme);
	/* acsc lists the line-drawing characters the terminal has. */
	const char *acsc = tigetstr("acsc");
	bool has_acs = acsc && acsc != (char *)-1 && strchr(acsc, 'q');
	bool ascii = cfg->ascii == TRI_YES || (cfg->ascii == TRI_AUTO && !has_acs);
	rule_char = cfg->low_bandwidth ? 0 : ascii ? '-' : ACS_HLINE;
}

int ui_bottom_cols(void)
{
	static int bce = -1;
	if (bce < 0)
		bce = tigetflag("bce") > 0;
	return bce || COLS < 2 ? COLS : COLS - 1;
}

void ui_rule(int y, int x, int cols)
{
	if (rule_char && cols > 0 && y >= 0 && y < LINES)
		mvhline(y, x, rule_char | role_attr[ROLE_DIM], cols < COLS - x ? cols : COLS - x);
}

/* Printable ASCII is clean in every charset the kiosk writes: most of
 * what is drawn (hints, labels, English text) skips cleaning. */
static bool plain_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return false;
	return true;
}

/* Writes the clean piece s[0..bytes) in a charset other than UTF-8 and
 * returns the columns it took. ncurses places the converted characters
 * by the locale's widths, which in an East Asian charset (GB18030,
 * EUC-JP) may be two for a letter UTF-8 counts as one, and any byte count
 * would cut a character: cut the converted text by those widths. */
static int put_converted(int y, int x, const char *s, size_t bytes, int cols)
{
	char *piece = strndup(s, bytes), *conv = piece ? text_convert(piece) : NULL;
	free(piece);
	size_t n = conv ? mbstowcs(NULL, conv, 0) : (size_t)-1;
	wchar_t *wc = n != (size_t)-1 ? malloc((n + 1) * sizeof *wc) : NULL;
	int w = 0;
	if (wc && mbstowcs(wc, conv, n + 1) == n)
		mvaddnwstr(y, x, wc, (int)text_fit_wide(wc, n, cols, &w));
	free(wc);
	free(conv);
	return w;
}

/* Draws s[0..n) cleaned and cut to cols; with mark, text that does not
 * fit ends in an ellipsis, so that a cut title never passes for a whole
 * one. *cut says whether it was cut. */
static int put_text(int y, int x, const char *s, size_t n, int cols, enum role role,
		    bool mark, bool *cut)
{
	*cut = false;
	if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (cols > COLS - x)
		cols = COLS - x;
	char *clean = NULL;
	if (!plain_ascii(s, n)) {
		if (!(clean = text_clean(s, n, false)))
			return 0;
		s = clean;
		n = strlen(clean);
	}
	int w;
	size_t bytes = text_fit(s, n, cols, &w);
	int ew;
	const char *ellipsis = ui_ellipsis(&ew);
	*cut = bytes < n;
	mark = mark && *cut && cols > ew;
	if (mark) {
		bytes = text_fit(s, n, cols - ew, &w);
		for (; bytes > 0 && s[bytes - 1] == ' '; bytes--)
			w--;   /* "and…", not "and …" */
	}
	attr_t old = getattrs(stdscr);
	attrset(role_attr[role]);
	if (clean && text_charset())
		w = put_converted(y, x, s, bytes, mark ? cols - ew : cols);
	else
		mvaddnstr(y, x, s, (int)bytes);
	if (mark) {
		mvaddstr(y, x + w, ellipsis);
		w += ew;
	}
	attrset(old);
	free(clean);
	return w;
}

int ui_put(int y, int x, const char *s, size_t n, int cols, enum role role)
{
	bool cut;
	return put_text(y, x, s, n, cols, role, false, &cut);
}

int ui_puts(int y, int x, const char *s, int cols, enum role role)
{
	return ui_put(y, x, s, strlen(s), cols, role);
}

int ui_puts_fit(int y, int x, const char *s, int cols, enum role role, bool *cut)
{
	bool was_cut;
	int w = put_text(y, x, s, strlen(s), cols, role, true, &was_cut);
	if (cut)
		*cut = was_cut;
	return w;
}

void ui_fill(int y, int x, int cols, enum role role)
{
	if (cols > COLS - x)
		cols = COLS - x;
	if (cols <= 0)
		return;
	attr_t old = getattrs(stdscr);
	attrset(role_attr[role]);
	mvhline(y, x, ' ', cols);
	attrset(old);
}

bool ui_utf8(void)
{
	return !text_charset();
}

const char *ui_ellipsis(int *cols)
{
	*cols = ui_utf8() ? 1 : 3;
	return ui_utf8() ? "\u2026" : "...";
}
