/* The escape sequences PC keyboards send, known whatever TERM says. */
#ifndef HTKP_UI_KEYS_H
#define HTKP_UI_KEYS_H

/* Teaches ncurses the VT220, xterm, PuTTY, rxvt and Linux console
 * sequences for the editing, cursor and function keys that this
 * terminal's terminfo entry does not list. Call after newterm(). */
void keys_define_pc(void);

#endif
