/* Line mode's language: l on the home menu lists the languages by their
 * own names, numbered; a number makes that one the session's, until the
 * idle reset returns to the configured one (line_session.c). The names
 * are in their own scripts so that someone who cannot read the current
 * language still finds theirs; a script this terminal cannot show is
 * named in English, and choosing it says why English stays. */
#include "line/line_screen.h"
#include "common/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void language_show(struct lscreen *sc, struct lsession *s, bool again)
{
	(void)sc, (void)again;
	/* TRANSLATORS: %s is the current language's own name ("Français"). */
	lout_printf(&s->out, _("Language: %s. The languages, each by its own name:"),
		    i18n_shown_name(i18n_current()));
	for (int i = 0; i < I18N_N_LANGUAGES; i++)
		lout_item(&s->out, i + 1, i18n_shown_name(&i18n_languages[i]));
}

static void language_prompt(struct lscreen *sc, struct lsession *s, char *buf, size_t len)
{
	(void)sc, (void)s;
	snprintf(buf, len, "%s", _("Type a language's number, b to go back"));
}

static struct lact language_input(struct lscreen *sc, struct lsession *s, const char *line)
{
	(void)sc;
	long n = line_number(line, I18N_N_LANGUAGES);
	if (!n)
		return LACT(LACT_UNHANDLED);
	i18n_set(i18n_languages[n - 1].code);
	if (i18n_fallback())
		lout_line(&s->out, i18n_fallback());
	return LACT(LACT_HOME);
}

static void language_destroy(struct lscreen *sc)
{
	free(sc);
}

static const struct lscreen_ops language_ops = {language_show, language_prompt,
						language_input, language_destroy, NULL};

struct lscreen *line_language_new(struct lsession *s)
{
	struct lscreen *sc = calloc(1, sizeof *sc);
	if (!sc) {
		lout_line(&s->out, _("Out of memory."));
		return NULL;
	}
	sc->ops = &language_ops;
	return sc;
}
