/* PC keyboards on any TERM. Many sites set TERM=vt100 (or ansi, linux...)
 * while the emulator on the desk (PuTTY, xterm, Windows Terminal) sends
 * PgDn as ESC [ 6 ~. vt100's terminfo lacks it, so ncurses would hand over
 * a bare Esc, which means "back": PgDn would throw the user out of a
 * record. Every sequence below is taught to ncurses unless terminfo
 * already binds it, so a terminal's own entry always wins. */
#include "ui/ui_keys.h"

#include <curses.h>
#include <stddef.h>

struct pc_key {
	const char *seq;
	int code;
};

static const struct pc_key pc_keys[] = {
	/* Cursor keys, in normal and in application mode. */
	{"\033[A", KEY_UP}, {"\033[B", KEY_DOWN},
	{"\033[C", KEY_RIGHT}, {"\033[D", KEY_LEFT},
	{"\033OA", KEY_UP}, {"\033OB", KEY_DOWN},
	{"\033OC", KEY_RIGHT}, {"\033OD", KEY_LEFT},
	/* VT220 editing keypad (PuTTY, xterm, Windows Terminal, Linux). */
	{"\033[1~", KEY_HOME}, {"\033[2~", KEY_IC}, {"\033[3~", KEY_DC},
	{"\033[4~", KEY_END}, {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
	/* rxvt's Home and End; xterm's, in both cursor modes. */
	{"\033[7~", KEY_HOME}, {"\033[8~", KEY_END},
	{"\033[H", KEY_HOME}, {"\033[F", KEY_END},
	{"\033OH", KEY_HOME}, {"\033OF", KEY_END},
	/* Shift-Tab. */
	{"\033[Z", KEY_BTAB},
	/* F1-F4: xterm and VT100 PF keys, VT220/PuTTY, Linux console. */
	{"\033OP", KEY_F(1)}, {"\033OQ", KEY_F(2)},
	{"\033OR", KEY_F(3)}, {"\033OS", KEY_F(4)},
	{"\033[11~", KEY_F(1)}, {"\033[12~", KEY_F(2)},
	{"\033[13~", KEY_F(3)}, {"\033[14~", KEY_F(4)},
	{"\033[[A", KEY_F(1)}, {"\033[[B", KEY_F(2)}, {"\033[[C", KEY_F(3)},
	{"\033[[D", KEY_F(4)}, {"\033[[E", KEY_F(5)},
	/* F5-F12, the same on VT220, xterm, PuTTY and rxvt. */
	{"\033[15~", KEY_F(5)}, {"\033[17~", KEY_F(6)}, {"\033[18~", KEY_F(7)},
	{"\033[19~", KEY_F(8)}, {"\033[20~", KEY_F(9)}, {"\033[21~", KEY_F(10)},
	{"\033[23~", KEY_F(11)}, {"\033[24~", KEY_F(12)},
};

/* A real VT220 has Find and Select where a PC has Home and End, and
 * vt220's terminfo says so; every emulator sends these for Home and End,
 * and the kiosk has no use for Find or Select: they replace terminfo. */
static const char *const find_select[] = {"\033[1~", "\033[4~"};

void keys_define_pc(void)
{
	for (size_t i = 0; i < sizeof find_select / sizeof find_select[0]; i++)
		if (key_defined(find_select[i]) > 0)
			define_key(find_select[i], 0);   /* a zero code unbinds */
	for (size_t i = 0; i < sizeof pc_keys / sizeof pc_keys[0]; i++) {
		/* key_defined() is 0 when no binding uses the sequence; a
		 * prefix of a longer binding (-1) is left alone as well. */
		if (key_defined(pc_keys[i].seq) == 0)
			define_key(pc_keys[i].seq, pc_keys[i].code);
	}
}
