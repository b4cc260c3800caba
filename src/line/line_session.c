/* Line mode's loop: the stack of screens, the commands every screen
 * shares (back, home, help, repeat, quit), the idle reset, a database
 * replaced under the session, and the end (quit, end of input, signal). */
#include "line/line.h"
#include "line/line_screen.h"
#include "common/config.h"
#include "common/i18n.h"
#include "store/store.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool line_is(const char *line, const char *words)
{
	size_t n = strlen(line);
	for (const char *w = words; *w;) {
		size_t k = strcspn(w, "|");
		if (k == n && strncasecmp(w, line, n) == 0)
			return true;
		w += k + (w[k] == '|');
	}
	return false;
}

/* Every command the session answers, as line_is lists. */
#define CMD_BACK "b|back"
#define CMD_HOME "h|home"
#define CMD_HELP "?|help"
#define CMD_REPEAT "r|repeat|again"
#define CMD_QUIT "q|quit|exit"

bool line_is_command(const char *line)
{
	return line_is(line, CMD_BACK "|" CMD_HOME "|" CMD_HELP "|" CMD_REPEAT "|" CMD_QUIT);
}

long line_number(const char *line, long max)
{
	size_t n = strlen(line);
	if (n > 0 && line[n - 1] == '.')
		n--;   /* "3." as the list shows it */
	if (n == 0 || n > 9)
		return 0;
	long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)line[i]))
			return 0;
		v = v * 10 + (line[i] - '0');
	}
	return v >= 1 && v <= max ? v : 0;
}

struct dbstate *line_state(struct lsession *s, int db)
{
	if (s->state[db])
		return s->state[db];
	if (!(s->state[db] = malloc(sizeof *s->state[db]))) {
		lout_line(&s->out, _("Out of memory."));
		return NULL;
	}
	dbstate_init(s->state[db], db);
	return s->state[db];
}

/* Back at the home menu the next person starts afresh. */
static void forget_searches(struct lsession *s)
{
	for (int db = 0; db < DB_COUNT; db++) {
		if (s->state[db])
			dbstate_free(s->state[db]);
		free(s->state[db]);
		s->state[db] = NULL;
	}
}

static void pop(struct lsession *s)
{
	struct lscreen *sc = s->top;
	s->top = sc->prev;
	sc->ops->destroy(sc);
	if (s->top && !s->top->prev)
		forget_searches(s);
}

static void go_home(struct lsession *s)
{
	while (s->top && s->top->prev)
		pop(s);
}

static void show(struct lsession *s, bool again)
{
	lout_measure(&s->out, s->cfg);
	lout_blank(&s->out);
	s->top->ops->show(s->top, s, again);
}

/* The commands of every screen, for a line no screen took. */
static struct lact command(struct lsession *s, const char *line)
{
	if (line_is(line, CMD_BACK)) {
		if (s->top->prev)
			return LACT(LACT_BACK);
		lout_line(&s->out, _("This is the home menu; there is nothing to go back to."));
		return LACT(LACT_NONE);
	}
	if (line_is(line, CMD_HOME))
		return LACT(s->top->prev ? LACT_HOME : LACT_SHOW);
	if (line_is(line, CMD_HELP))
		return (struct lact){LACT_PUSH, line_help_new(s)};
	if (line_is(line, CMD_REPEAT))
		return LACT(LACT_SHOW);
	if (line_is(line, CMD_QUIT)) {
		if (s->cfg->allow_quit)
			return LACT(LACT_QUIT);
		/* TRANSLATORS: h is the key typed, and stays h. */
		lout_line(&s->out, _("This kiosk stays open; type h for the home menu."));
		return LACT(LACT_NONE);
	}
	if (line[0])
		/* TRANSLATORS: %s is what the person typed; ? is the key for help. */
		lout_printf(&s->out, _("Not understood: %s. Type ? for help."), line);
	return LACT(LACT_NONE);
}

/* Carries out what a line asked for: the one place screens come and go. */
static void act(struct lsession *s, struct lact a)
{
	switch (a.kind) {
	case LACT_PUSH:
	case LACT_REPLACE:
		if (!a.screen)
			return;   /* it said why */
		if (a.kind == LACT_REPLACE) {
			struct lscreen *old = s->top;
			s->top = old->prev;
			old->ops->destroy(old);
		}
		a.screen->prev = s->top;
		s->top = a.screen;
		show(s, false);
		return;
	case LACT_BACK:
		pop(s);
		show(s, true);
		return;
	case LACT_HOME:
		go_home(s);
		show(s, false);
		return;
	case LACT_SHOW:
		show(s, false);
		return;
	case LACT_QUIT:
		s->quit = true;
		return;
	case LACT_NONE:
	case LACT_UNHANDLED:
		return;
	}
}

static void handle_line(struct lsession *s, const struct lin_event *ev)
{
	if (ev->cut)
		lout_printf(&s->out, ngettext("That line was too long: only its first %d byte "
					      "was read.",
					      "That line was too long: only its first %d bytes "
					      "were read.", LINE_MAX_INPUT),
			    LINE_MAX_INPUT);
	if (store_reopen_if_replaced(s->store) == 1)
		lout_line(&s->out, _("The database was updated; lists show the new data."));
	lout_measure(&s->out, s->cfg);
	struct lact a = s->top->ops->input(s->top, s, ev->text);
	if (a.kind == LACT_UNHANDLED)
		a = command(s, ev->text);
	act(s, a);
}

/* Forgets everything a previous person looked at, the language they
 * chose too, and says so (in the configured language). */
static void idle_reset(struct lsession *s)
{
	go_home(s);
	i18n_set(config_language_names[s->cfg->language]);
	lout_measure(&s->out, s->cfg);
	lout_blank(&s->out);
	lout_line(&s->out, _("Nobody typed for a while, so the session went back to the home "
			     "menu and forgot its searches."));
	s->top->ops->show(s->top, s, false);
}

static void prompt(struct lsession *s)
{
	char text[1200];   /* room for a translation, longer than English */
	s->top->ops->prompt(s->top, s, text, sizeof text);
	lout_prompt(&s->out, text);
}

static int loop(struct lsession *s)
{
	bool idle_done = false;
	show(s, false);
	while (!s->quit) {
		int idle_ms = s->cfg->idle_timeout > 0 && !idle_done
			      ? s->cfg->idle_timeout * 1000 : -1;
		struct lin_event ev;
		if (s->out.stopped) {
			ev = s->out.answer;   /* the answer to a pause */
		} else {
			prompt(s);
			if (s->top->ops->ahead) {
				fflush(stdout);
				s->top->ops->ahead(s->top, s);
			}
			lin_read(idle_ms, &ev);
		}
		lout_reset(&s->out);
		s->out.timeout_ms = idle_ms;
		switch (ev.kind) {
		case LIN_EOF:
		case LIN_SIGNAL:
			fputc('\n', stdout);
			return 0;
		case LIN_TIMEOUT:
			fputc('\n', stdout);
			idle_reset(s);
			idle_done = true;
			break;
		case LIN_CANCEL:
			fputc('\n', stdout);
			break;
		case LIN_LINE:
			idle_done = false;
			s->out.timeout_ms = s->cfg->idle_timeout > 0
					    ? s->cfg->idle_timeout * 1000 : -1;
			handle_line(s, &ev);
			break;
		}
		lin_event_free(&ev);
	}
	fflush(stdout);
	return 0;
}

int line_run(const struct config *cfg, struct store *st)
{
	lin_init();
	struct lsession s = {.cfg = cfg, .store = st};
	s.out.timeout_ms = cfg->idle_timeout > 0 ? cfg->idle_timeout * 1000 : -1;
	lout_measure(&s.out, cfg);
	if (i18n_fallback())   /* the language asked for, this charset cannot show */
		lout_line(&s.out, i18n_fallback());
	s.top = line_home_new(&s);
	int rc = s.top ? loop(&s) : 1;
	while (s.top) {
		struct lscreen *sc = s.top;
		s.top = sc->prev;
		sc->ops->destroy(sc);
	}
	forget_searches(&s);
	fflush(stdout);
	return rc;
}
