/* The loop's steps, one at a time, for tests/fuzz/fuzz_keys.c: keys and
 * resizes go straight to the view stack on a screen the fuzzer made with
 * newterm(), with no terminal to wait on. Built only with -DHTKP_FUZZ. */
#ifndef HTKP_UI_FUZZ_H
#define HTKP_UI_FUZZ_H

#include "ui/ui.h"

/* Pushes the home menu and draws it. 0, or -1 out of memory. */
int ui_fuzz_begin(struct app *app);
/* Handles one key (a character, or a KEY_* code) and draws the frame. */
void ui_fuzz_key(struct app *app, int key);
/* Resizes to lines x cols, clamped as a SIGWINCH would be, and draws. */
void ui_fuzz_resize(struct app *app, int lines, int cols);
/* The idle reset (back to the home menu), then a frame. */
void ui_fuzz_idle(struct app *app);
/* Frees every view and the searches; app can begin again. */
void ui_fuzz_end(struct app *app);

#endif
