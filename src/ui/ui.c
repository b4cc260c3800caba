/* The kiosk's loop: terminal set-up and restore, the view stack, the title
 * and status bars, global keys, idle reset, resize and hang-up. Keys that
 * arrive together are all handled before one frame is drawn. */
#define _GNU_SOURCE   /* ppoll: in POSIX since 2024, in glibc 2.36 only here */
#include "ui/ui.h"
#include "ui/ui_dbviews.h"
#include "ui/ui_frame.h"
#include "ui/ui_motion.h"
#include "ui/ui_select.h"
#include "ui/ui_wire.h"
#include "ui/ui_hints.h"
#include "ui/ui_keys.h"
#include "ui/ui_size.h"
#include "ui/ui_take.h"
#ifdef HTKP_FUZZ
#include "ui/ui_fuzz.h"
#endif
#include "ui/ui_view.h"
#include "common/config.h"
#include "common/i18n.h"
#include "store/store.h"
#include "common/text.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/ioctl.h>
#include <unistd.h>


#define MIN_COLS 40
#define MIN_LINES 12

static volatile sig_atomic_t got_signal, got_resize;

static void on_signal(int sig)
{
	got_signal = sig;
}

/* SIGWINCH stays blocked but while the loop waits, so that a resize during
 * a frame is seen by the next wait rather than lost before it. */
static sigset_t wait_mask;

static void on_resize(int sig)
{
	(void)sig;
	got_resize = 1;
}

int key_char(int k)
{
	if (k >= KEY_CHAR_BASE)
		return k - KEY_CHAR_BASE;
	return k >= 0x20 && k < KEY_MIN && k != 127 ? k : 0;
}

bool key_is_enter(int k) { return k == '\n' || k == '\r' || k == KEY_ENTER; }
bool key_is_open(int k) { return key_is_enter(k) || k == KEY_RIGHT || k == 'l'; }
bool key_is_back(int k) { return k == KEY_ESC || k == KEY_BACKSPACE || k == 127 || k == 8 || k == 'h' || k == KEY_LEFT; }
bool key_is_down(int k) { return k == KEY_DOWN || k == 'j'; }
bool key_is_up(int k) { return k == KEY_UP || k == 'k'; }
bool key_is_page_down(int k) { return k == KEY_NPAGE || k == ' '; }
bool key_is_page_up(int k) { return k == KEY_PPAGE || k == 'b'; }
bool key_is_first(int k) { return k == KEY_HOME || k == 'g'; }
bool key_is_last(int k) { return k == KEY_END || k == 'G'; }

struct action action_push(struct view *v)
{
	return v ? (struct action){ACT_PUSH, v} : ACTION(ACT_NONE);
}

struct action action_replace(struct view *v)
{
	return v ? (struct action){ACT_REPLACE, v} : ACTION(ACT_POP);
}

static void view_push(struct app *app, struct view *v)
{
	v->prev = app->top;
	app->top = v;
}

static void view_free(struct view *v)
{
	v->ops->destroy(v);
}

/* Back at the home menu nothing points at a database's search any more:
 * the next person to open it starts afresh. */
static void forget_searches(struct app *app)
{
	for (int db = 0; db < DB_COUNT; db++) {
		db_shared_free(app->shared[db]);
		app->shared[db] = NULL;
	}
}

static void view_pop(struct app *app)
{
	struct view *v = app->top;
	if (!v || !v->prev)
		return;
	app->top = v->prev;
	view_free(v);
	if (!app->top->prev)
		forget_searches(app);
}

static void view_home(struct app *app)
{
	while (app->top && app->top->prev)
		view_pop(app);
}

void ui_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_is_error = error;
}

static struct area content_area(void)
{
	return (struct area){1, 0, LINES - 2, COLS};
}

static void draw_title(const struct app *app)
{
	ui_fill(0, 0, COLS, ROLE_TITLE);
	int w = ui_puts(0, 1, "htkp", COLS - 1, ROLE_TITLE);
	const char *title = app->top->prev ? app->top->title
					   : _("Human Trafficking Knowledge Portal");
	/* A database's short name ("Case Law") where the portal's does not fit. */
	if (app->top->short_title[0] && text_width(title, strlen(title)) > COLS - 4 - w)
		title = app->top->short_title;
	ui_puts_fit(0, 3 + w, title, COLS - 4 - w, ROLE_TITLE, NULL);
}

static void draw_status(struct app *app)
{
	int y = LINES - 1;
	if (app->message[0]) {
		enum role role = app->message_is_error ? ROLE_ERROR : ROLE_STATUS;
		ui_fill(y, 0, ui_bottom_cols(), role);
		ui_puts(y, 1, app->message, COLS - 2, role);
		return;
	}
	ui_fill(y, 0, ui_bottom_cols(), ROLE_STATUS);
	int right = 0;
	if (app->position[0]) {
		int pw = text_width(app->position, strlen(app->position));
		if (pw + 2 < COLS / 2) {
			right = pw + 2;
			ui_puts(y, COLS - pw - 1, app->position, pw, ROLE_STATUS);
		}
	}
	char hints[256];
	hints_line(app->top->ops->hints(app->top, app), ui_utf8(), COLS - 2 - right,
		   hints, sizeof hints);
	ui_puts(y, 1, hints, COLS - 2 - right, ROLE_STATUS);
}

/* The notice wraps onto as many lines as the window has. */
static void draw_too_small(void)
{
	/* TRANSLATORS: shown alone on a screen too small for the kiosk;
	 * wrapped to the width there is. */
	const char *msg = _("Terminal too small: make it at least 40x12.");
	struct text_lines lines = {0};
	if (COLS < 1 || text_wrap(msg, strlen(msg), COLS, &lines) != 0)
		return text_lines_free(&lines);
	/* Never into the bottom-right cell: ncurses writes that one by
	 * writing the cell before it and inserting, and a screen one column
	 * wide has no cell before it (at 1x1 it sent whatever lay in memory
	 * there, a stray wide letter in blinking reverse). */
	for (int y = 0; y < LINES && (size_t)y < lines.n; y++)
		ui_put(y, 0, msg + lines.v[y].off, lines.v[y].len,
		       y == LINES - 1 ? COLS - 1 : COLS, ROLE_NORMAL);
	text_lines_free(&lines);
}

static bool too_small(void)
{
	return LINES < MIN_LINES || COLS < MIN_COLS;
}

static void draw(struct app *app)
{
	erase();
	select_cursor_reset();
	app->position[0] = '\0';
	if (too_small()) {
		draw_too_small();
	} else {
		draw_title(app);
		app->top->ops->draw(app->top, app, content_area());
		select_mark_arrow();
		draw_status(app);
	}
	/* The hidden cursor stands on the selected row (screen readers and
	 * magnifiers follow it; lynx puts it on the selected link too): 4-6
	 * bytes a frame. Without a selected row it stays where drawing left
	 * it, and costs nothing. */
	int cy, cx;
	bool placed = select_cursor(&cy, &cx);
	leaveok(stdscr, !placed);
	if (placed)
		move(cy, cx);
	/* A repaint (Ctrl-L, a resize, the idle reset) sets every attribute
	 * again, whatever the terminal was left in. */
	if (is_cleared(curscr)) {
		wire_forget();
		motion_forget();
	}
	ui_frame_begin();
	refresh();
	ui_frame_end();
}

/* Keys that work on every screen, when the view did not take the key. */
static struct action global_key(struct app *app, int key)
{
	switch (key) {
	case 'H':
		return ACTION(ACT_HOME);
	case '?':
	case KEY_F(1):
		if (app->top->ops == &help_view_ops)
			return ACTION(ACT_NONE);
		return action_push(help_view_new(app));
	case 12:   /* Ctrl-L: repaint everything, e.g. after line noise */
		clearok(curscr, TRUE);
		return ACTION(ACT_NONE);
	case 'q':
		if (!app->top->prev && !app->cfg->allow_quit) {
			ui_message(app, false, "%s",
				   _("This kiosk stays open; choose a screen with 1-7."));
			return ACTION(ACT_NONE);
		}
		return ACTION(app->top->prev ? ACT_POP : ACT_QUIT);
	}
	return ACTION(key_is_back(key) ? ACT_POP : ACT_UNHANDLED);
}

/* Carries out what a key asked for: the one place views come and go. */
static void act(struct app *app, struct action a)
{
	switch (a.kind) {
	case ACT_PUSH:
		view_push(app, a.view);
		break;
	case ACT_POP:
		view_pop(app);
		break;
	case ACT_REPLACE: {
		/* Not view_pop: the view below stays, and so does the search
		 * the new view shows. */
		struct view *old = app->top;
		app->top = old->prev;
		view_free(old);
		view_push(app, a.view);
		break;
	}
	case ACT_HOME:
		view_home(app);
		break;
	case ACT_QUIT:
		app->quit = true;
		break;
	case ACT_UNHANDLED:
	case ACT_NONE:
		break;
	}
}

static void handle_key(struct app *app, int key)
{
	app->message[0] = '\0';
	if (key == KEY_RESIZE || too_small())
		return;   /* the next frame is laid out for the new size */
	struct action a = app->top->ops->key(app->top, app, key, content_area());
	if (a.kind == ACT_UNHANDLED)
		a = global_key(app, key);
	act(app, a);
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Forgets everything a previous person looked at, the language they chose
 * too: back to the configured one ([display] language or --lang). */
static void idle_reset(struct app *app)
{
	view_home(app);
	i18n_set(config_language_names[app->cfg->language]);
	marks_clear();   /* the next person starts with none */
	app->message[0] = '\0';
	clearok(curscr, TRUE);
}

enum wait_result { WAIT_KEYS, WAIT_TIMEOUT, WAIT_HANGUP, WAIT_SIGNAL, WAIT_RESIZE };

static enum wait_result wait_for_input(int timeout_ms)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	struct timespec ts = {timeout_ms / 1000, timeout_ms % 1000 * 1000000L};
	int n = ppoll(&p, 1, timeout_ms < 0 ? NULL : &ts, &wait_mask);
	if (got_signal)
		return WAIT_SIGNAL;
	if (got_resize)
		return WAIT_RESIZE;
	if (n < 0)
		return errno == EINTR ? WAIT_KEYS : WAIT_HANGUP;
	if (n == 0)
		return WAIT_TIMEOUT;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL) && !(p.revents & POLLIN))
		return WAIT_HANGUP;
	return WAIT_KEYS;
}

/* Reads one key: a character, or a KEY_* code for a function key. */
static int read_key(void)
{
	wint_t c;
	int rc = get_wch(&c);
	if (rc == ERR)
		return ERR;
	if (rc == KEY_CODE_YES)
		return (int)c;
	return (int)c >= KEY_MIN ? (int)c + KEY_CHAR_BASE : (int)c;
}

/* Handles every key waiting, so that keys typed ahead of a slow link cost
 * one frame. Returns the number of keys read. */
static int drain_keys(struct app *app, double *last_key)
{
	int key, got = 0;
	while (!app->quit && (key = read_key()) != ERR) {
		got++;
		*last_key = now_seconds();
		handle_key(app, key);
	}
	return got;
}

/* A new database renamed into place: read it from now on. */
static void notice_new_database(struct app *app)
{
	if (store_reopen_if_replaced(app->store) == 1) {
		app->data_generation++;
		ui_message(app, false, "%s", _("The database was updated; lists show the new data."));
	}
}

/* The top view's work ahead, when it has some and nothing is waiting
 * (no key, resize or signal): a key typed meanwhile waits for it, once. */
static void idle_work(struct app *app)
{
	if (app->top && app->top->ops->idle && wait_for_input(0) == WAIT_TIMEOUT)
		app->top->ops->idle(app->top, app);
}

static int loop(struct app *app)
{
	double last_key = now_seconds();
	bool idle_done = false;
	int empty_wakeups = 0;
	draw(app);
	idle_work(app);
	while (!app->quit) {
		int ms = -1;
		if (app->cfg->idle_timeout > 0 && !idle_done) {
			double left = last_key + app->cfg->idle_timeout - now_seconds();
			ms = left > 0 ? (int)(left * 1000) + 1 : 0;
		}
		switch (wait_for_input(ms)) {
		case WAIT_SIGNAL:   /* SIGTERM, SIGHUP: leave through endwin() */
		case WAIT_HANGUP:
			return 0;
		case WAIT_RESIZE:
			/* Read here, not by ncurses: a huge size is clamped. */
			got_resize = 0;
			ui_size_apply(ui_size_of_terminal(STDOUT_FILENO));
			break;
		case WAIT_TIMEOUT:
			idle_reset(app);
			idle_done = true;
			break;
		case WAIT_KEYS: {
			/* Readable with nothing to read, again and again, is a
			 * dropped link (EOF or EIO): leave instead of spinning.
			 * Bytes that were there but made no key (a UTF-8 letter
			 * under the C locale) are input all the same. */
			int pending = 0;
			if (ioctl(STDIN_FILENO, FIONREAD, &pending) != 0)
				pending = 0;
			if (drain_keys(app, &last_key) > 0) {
				empty_wakeups = 0;
				idle_done = false;
				notice_new_database(app);
			} else if (pending > 0) {
				empty_wakeups = 0;
			} else if (++empty_wakeups > 3) {
				return 0;
			}
			break;
		}
		}
		if (!app->quit) {
			draw(app);
			idle_work(app);
		}
	}
	return 0;
}

static void install_signals(void)
{
	struct sigaction sa = {.sa_handler = on_signal};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* Installed before newterm(), so ncurses installs no SIGWINCH handler
	 * of its own: it would read the terminal's raw size. */
	sigaction(SIGWINCH, &(struct sigaction){.sa_handler = on_resize}, NULL);
	sigset_t winch;
	sigemptyset(&winch);
	sigaddset(&winch, SIGWINCH);
	sigprocmask(SIG_BLOCK, &winch, &wait_mask);
	sigdelset(&wait_mask, SIGWINCH);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);   /* a kiosk cannot be suspended to a shell */
	signal(SIGTTOU, SIG_IGN);
}

/* Starts curses on the terminal, falling back to vt100 for an unknown
 * TERM rather than exiting as initscr() would. */
static SCREEN *start_terminal(void)
{
	/* The terminal's own size never reaches ncurses, only the clamped one
	 * (ui_size.h). How large ncurses makes its output buffer from it does
	 * not matter: a frame leaves in one write() anyway (ui_frame.c). */
	ui_size_export(ui_size_of_terminal(STDOUT_FILENO));
	/* Padding ($<5> in vt100's cup) is for hardware terminals on serial
	 * lines: a terminal emulator at the end of SSH needs none, and while
	 * ncurses counts it (5 ms weighs as 19 bytes at 38400 baud) it moves
	 * the cursor in two sequences (ESC[1B ESC[69D, 9 bytes) rather than
	 * one (ESC[7;8H, 6) and writes blanks where ESC[K would do. With
	 * NCURSES_NO_PADDING it weighs bytes alone (and sends no padding
	 * where the terminal has no XON/XOFF either). */
	setenv("NCURSES_NO_PADDING", "1", 1);
	/* What ncurses sends while it starts (the alternate screen, keypad
	 * mode, hiding the cursor) goes out with the first frame, in the
	 * same write(): draw() ends the frame begun here. */
	ui_frame_begin();
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		setenv("TERM", "vt100", 1);
		scr = newterm(NULL, stdout, stdin);
	}
	if (!scr) {
		ui_frame_end();
		return NULL;
	}
	ui_size_apply(ui_size_of_terminal(STDOUT_FILENO));
	motion_init();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	keys_define_pc();
	nodelay(stdscr, TRUE);
	curs_set(0);   /* hidden; draw() places it on the selected row */
	/* Keys typed while a frame is drawn would make ncurses send the part
	 * drawn so far at once (its typeahead check): the loop reads every
	 * key before it draws, so the check only splits frames (ui_frame.c). */
	typeahead(-1);
	return scr;
}

/* The theme, the rules and how the selection is marked, from the
 * configuration (the kiosk and the key fuzzer alike). */
static void drawing_init(const struct config *cfg)
{
	ui_draw_init(cfg);
	select_use_arrow(cfg->low_bandwidth);
}

static void views_free_all(struct app *app)
{
	while (app->top) {
		struct view *v = app->top;
		app->top = v->prev;
		view_free(v);
	}
	forget_searches(app);
	marks_clear();
}

int ui_run(struct app *app)
{
	install_signals();
	SCREEN *scr = start_terminal();
	if (!scr) {
		fprintf(stderr, "htkp: cannot use this terminal (TERM=%s)\n",
			getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	set_escdelay(app->cfg->esc_delay);
	drawing_init(app->cfg);
	struct view *home = home_view_new();
	int rc = 1;
	if (home) {
		view_push(app, home);
		/* The configured language could not be shown: say so once. */
		if (i18n_fallback())
			ui_message(app, false, "%s", i18n_fallback());
		rc = loop(app);
	}
	views_free_all(app);
	ui_frame_end();   /* when no frame was drawn, what start-up sent */
	ui_frame_settle();
	endwin();
	delscreen(scr);
	return rc;
}

#ifdef HTKP_FUZZ
/* The loop's steps for tests/fuzz/fuzz_keys.c (ui_fuzz.h). */
int ui_fuzz_begin(struct app *app)
{
	drawing_init(app->cfg);
	struct view *home = home_view_new();
	if (!home)
		return -1;
	view_push(app, home);
	draw(app);
	return 0;
}

void ui_fuzz_key(struct app *app, int key)
{
	handle_key(app, key);
	if (!app->quit)
		draw(app);
}

void ui_fuzz_resize(struct app *app, int lines, int cols)
{
	ui_size_apply((struct ui_size){lines, cols});
	draw(app);
}

void ui_fuzz_idle(struct app *app)
{
	idle_reset(app);
	draw(app);
}

void ui_fuzz_end(struct app *app)
{
	views_free_all(app);
	app->quit = false;
	app->message[0] = '\0';
}
#endif
