/* The language picker (l on the home menu): the six languages by their
 * own names, for this session only; the idle reset goes back to the
 * configured one. Each name is alone on its row, after its number, so
 * that the terminal orders the Arabic one right to left by itself. */
#include "ui/ui_view.h"
#include "ui/ui_hints.h"
#include "ui/ui_select.h"
#include "common/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lang_view {
	struct view v;
	struct select list;
};

static const char *lang_label(void *ctx, long i, char *buf, size_t len)
{
	(void)ctx, (void)buf, (void)len;
	return i18n_shown_name(&i18n_languages[i]);
}

static const struct select_src lang_src = {lang_label, NULL, NULL, NULL};

static void lang_draw(struct view *v, struct app *app, struct area a)
{
	struct lang_view *lv = (struct lang_view *)v;
	(void)app;
	int y = a.y + 1;
	/* TRANSLATORS: above the list of languages (each in its own name). */
	ui_puts_fit(y, a.x + 2, _("Choose a language for this session:"), a.w - 4,
		    ROLE_HEADING, NULL);
	y += 2;
	select_scroll(&lv->list, a.y + a.h - y);
	const struct language *now = i18n_current();
	for (long i = lv->list.top; i < I18N_N_LANGUAGES && y < a.y + a.h; i++, y++) {
		char num[32];
		snprintf(num, sizeof num, " %ld  ", i + 1);
		enum role r = select_row(&lv->list, i, y, a.x + 2, a.w - 4);
		if (&i18n_languages[i] == now)
			ui_puts(y, a.x + 1, ui_utf8() ? "\u2713" : "*", 1, r);
		int w = ui_puts(y, a.x + 2, num, a.w - 4, r);
		ui_puts_fit(y, a.x + 2 + w, i18n_shown_name(&i18n_languages[i]),
			    a.w - 4 - w, r, NULL);
	}
}

static struct action choose(struct app *app, long i)
{
	i18n_set(i18n_languages[i].code);
	if (i18n_fallback())
		ui_message(app, false, "%s", i18n_fallback());
	return ACTION(ACT_POP);
}

static struct action lang_key(struct view *v, struct app *app, int key, struct area a)
{
	struct lang_view *lv = (struct lang_view *)v;
	(void)a;
	if (key >= '1' && key < '1' + I18N_N_LANGUAGES)
		return choose(app, key - '1');
	if (key_is_open(key))
		return choose(app, lv->list.sel);
	return select_key(&lv->list, key, &lang_src);
}

static unsigned lang_hints(struct view *v, const struct app *app)
{
	(void)v, (void)app;
	return HINT(HINT_BACK) | HINT(HINT_CHOOSE) | HINT(HINT_MOVE);
}

static void lang_destroy(struct view *v)
{
	free(v);
}

static const struct view_ops lang_ops = {lang_draw, lang_key, lang_hints, lang_destroy, NULL};

struct view *language_view_new(struct app *app)
{
	(void)app;
	struct lang_view *lv = calloc(1, sizeof *lv);
	if (!lv)
		return NULL;
	lv->v.ops = &lang_ops;
	/* TRANSLATORS: the title of the language picker. */
	snprintf(lv->v.title, sizeof lv->v.title, "%s", _("Language"));
	select_set_count(&lv->list, I18N_N_LANGUAGES, &lang_src);
	for (long i = 0; i < I18N_N_LANGUAGES; i++)
		if (&i18n_languages[i] == i18n_current())
			lv->list.sel = i;
	return &lv->v;
}
