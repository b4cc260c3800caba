/* Line mode's home menu: the kiosk's items (common/homemenu.c) as
 * numbered lines, each database with how many records it holds, and the
 * key that lists the languages. */
#include "line/line_screen.h"
#include "common/config.h"
#include "common/homemenu.h"
#include "common/i18n.h"
#include "common/numfmt.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>

/* The items line mode offers: those before Marked, which comes last and
 * belongs to the full-screen kiosk (line mode keeps no marks). */
static int shown_items(void)
{
	int n = 0;
	while (n < HOME_N_ITEMS && home_items[n].kind != HOME_MARKED)
		n++;
	return n;
}

static void home_show(struct lscreen *sc, struct lsession *s, bool again)
{
	(void)sc, (void)again;
	struct lout *o = &s->out;
	lout_line(o, _("Human Trafficking Knowledge Portal, home menu."));
	for (int i = 0; i < shown_items(); i++) {
		const struct home_item *it = &home_items[i];
		long n = it->kind == HOME_DB ? store_count(s->store, it->db) : -1;
		char line[400], count[160];   /* room for a translation */
		if (n >= 0) {
			format_records(count, sizeof count, n, it->db);
			/* TRANSLATORS: a home menu item: a database's name, then how
			   many records it holds ("Case Law, 132 cases"). */
			snprintf(line, sizeof line, _("%s, %s"), _(it->label), count);
		} else {
			snprintf(line, sizeof line, "%s", _(it->label));
		}
		lout_item(o, i + 1, line);
	}
	char date[16];
	if (store_data_date(s->store, date, sizeof date) == 0)
		/* TRANSLATORS: %s is a day, YYYY-MM-DD. */
		lout_printf(o, _("Data imported %s."), date);
	/* Short: every byte of the home menu is paid on a slow link, at
	 * every return to it (tests/bytes/line-budgets). */
	/* TRANSLATORS: on line mode's home menu; l is the key, and stays l. */
	lout_line(o, _("Type l for another language."));
}

static void home_prompt(struct lscreen *sc, struct lsession *s, char *buf, size_t len)
{
	(void)sc;
	/* TRANSLATORS: line mode's prompts name the keys to type (?, q, b,
	   h, r, f, c, s, l, Enter): they stay as they are. */
	snprintf(buf, len, "%s", s->cfg->allow_quit ? _("Type a number to open, ? for help, q to quit")
						    : _("Type a number to open, ? for help"));
}

static struct lact home_input(struct lscreen *sc, struct lsession *s, const char *line)
{
	(void)sc;
	if (line_is(line, LINE_CMD_LANGUAGE))
		return (struct lact){LACT_PUSH, line_language_new(s)};
	long n = line_number(line, shown_items());
	if (!n)
		return LACT(LACT_UNHANDLED);
	const struct home_item *it = &home_items[n - 1];
	switch (it->kind) {
	case HOME_PAGE:
		return (struct lact){LACT_PUSH, line_page_new(s, it->file, it->label)};
	case HOME_DB:
		return (struct lact){LACT_PUSH, line_db_new(s, it->db)};
	case HOME_HELP:
		return (struct lact){LACT_PUSH, line_help_new(s)};
	case HOME_MARKED:
		break;
	}
	return LACT(LACT_NONE);
}

static void home_destroy(struct lscreen *sc)
{
	free(sc);
}

static const struct lscreen_ops home_ops = {home_show, home_prompt, home_input, home_destroy,
					      NULL};

struct lscreen *line_home_new(struct lsession *s)
{
	struct lscreen *sc = calloc(1, sizeof *sc);
	if (!sc) {
		lout_line(&s->out, _("Out of memory."));
		return NULL;
	}
	sc->ops = &home_ops;
	return sc;
}
