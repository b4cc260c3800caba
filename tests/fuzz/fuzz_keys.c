/* fuzz_keys.c: libFuzzer target for the kiosk's view stack (src/ui over
 * src/store, src/query and src/common) on the sample database, headless.
 *
 * ncurses runs on a screen made once with newterm() (TERM=xterm-256color,
 * output to /dev/null); db/htkp.db is opened read-only, once. Each input
 * starts at the home menu on 80x24 and is read one byte at a time:
 *   0x00-0x7f  that key (controls included: Esc, Tab, Enter, Ctrl-L...)
 *   0x80-0x8f  a function key (arrows, PgUp/PgDn, Home/End, F1, ...)
 *   0x90-0x9f  a resize, to one of sizes[] (below the 40x12 minimum, odd,
 *              and beyond what ncurses can hold, which the kiosk clamps)
 *   0xa0-0xa7  a non-ASCII character (accents, CJK, bidi, zero width)
 *   0xa8       the idle reset
 *   0xa9-0xff  a letter or digit
 * every one followed by a frame drawn as the loop would. The target
 * aborts when the view stack is empty, the screen size leaves 1..UI_MAX_*
 * or the status message is not a string; ASan and UBSan report the rest,
 * the leak check views or searches not freed. */
#include <curses.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/config.h"
#include "common/text.h"
#include "store/store.h"
#include "ui/ui_fuzz.h"
#include "ui/ui_size.h"
#include "ui/ui_view.h"

#define DB_PATH "db/htkp.db"

static struct config cfg;
static struct store *store;

static const int function_keys[16] = {
	KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_NPAGE, KEY_PPAGE, KEY_HOME,
	KEY_END, KEY_ENTER, KEY_BACKSPACE, KEY_DC, KEY_F(1), KEY_BTAB, KEY_RESIZE,
	KEY_IC, KEY_F(12),
};

/* lines x cols as a terminal would report them; 0x0 is "no size". */
static const struct { long lines, cols; } sizes[16] = {
	{1, 1}, {2, 10}, {11, 39}, {12, 40}, {13, 41}, {24, 80}, {25, 81},
	{40, 120}, {5, 200}, {200, 5}, {60, 200}, {0, 0}, {40000, 80},
	{50, 32768}, {12, 65535}, {65535, 40},
};

/* Characters as read_key() in ui.c gives them: below KEY_MIN as they are,
 * above it shifted past every KEY_* code. */
static const int wide_chars[8] = {
	0xe9, 0x15f + KEY_CHAR_BASE, 0xf1, 0xfc, 0x4e2d + KEY_CHAR_BASE,
	0x202e + KEY_CHAR_BASE, 0x200b + KEY_CHAR_BASE, 0xa0,
};

static const char letters[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_keys: %s%s%s\n", what, detail ? ": " : "",
		detail ? detail : "");
	abort();
}

static void start_screen(void)
{
	setenv("TERM", "xterm-256color", 1);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	if (!out || !in)
		die("cannot open /dev/null", NULL);
	ui_size_export((struct ui_size){UI_DEFAULT_LINES, UI_DEFAULT_COLS});
	if (!newterm(NULL, out, in))
		die("no terminfo entry for xterm-256color (Debian: ncurses-base)", NULL);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		die("the C.UTF-8 locale is missing", NULL);
	text_set_charset(NULL);
	config_defaults(&cfg);
	free(cfg.db_path);
	free(cfg.screens_dir);
	cfg.db_path = strdup(DB_PATH);
	cfg.screens_dir = strdup("screens");
	cfg.allow_quit = false;   /* 'q' at home leaves a message, not the run */
	char err[512];
	store = store_open(DB_PATH, err, sizeof err);
	if (!store)
		die("cannot open the sample database (run make first)", err);
	start_screen();
	return 0;
}

static void check(const struct app *app)
{
	if (!app->top || !app->top->ops)
		die("the view stack is empty", NULL);
	if (LINES < 1 || LINES > UI_MAX_LINES || COLS < 1 || COLS > UI_MAX_COLS)
		die("the screen size left its bounds", NULL);
	if (!memchr(app->message, '\0', sizeof app->message))
		die("the status message is not terminated", NULL);
}

static void step(struct app *app, uint8_t b)
{
	if (b < 0x80)
		ui_fuzz_key(app, b);
	else if (b < 0x90)
		ui_fuzz_key(app, function_keys[b - 0x80]);
	else if (b < 0xa0)
		ui_fuzz_resize(app, sizes[b - 0x90].lines, sizes[b - 0x90].cols);
	else if (b < 0xa8)
		ui_fuzz_key(app, wide_chars[b - 0xa0]);
	else if (b == 0xa8)
		ui_fuzz_idle(app);
	else
		ui_fuzz_key(app, letters[(b - 0xa9) % (sizeof letters - 1)]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct app app = {.cfg = &cfg, .store = store};
	ui_size_apply((struct ui_size){UI_DEFAULT_LINES, UI_DEFAULT_COLS});
	if (ui_fuzz_begin(&app) != 0)
		die("out of memory at the home menu", NULL);
	for (size_t i = 0; i < size && !app.quit; i++) {
		step(&app, data[i]);
		check(&app);
	}
	ui_fuzz_end(&app);
	return 0;
}
