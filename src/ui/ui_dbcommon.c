/* What every database view shares: the search line (shown, and typed
 * into after '/'), the filters line, and the keys '/', 'f' and 'c'. */
#include "ui/ui_dbviews.h"
#include "common/catalog.h"
#include "common/text.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

int db_header_draw(struct dbshared *sh, struct area a)
{
	const struct dbstate *st = &sh->state;
	int w = ui_puts(a.y, a.x + 1, "Search: ", a.w - 2, ROLE_LABEL) + 1;
	if (sh->edit.active) {
		/* Show the end of what is being typed, then a block cursor. */
		const char *s = sh->edit.buf;
		size_t n = sh->edit.len;
		int room = a.w - w - 2;
		while (n > 0 && text_width(s, n) > room) {
			size_t skip = text_fit(s, n, 1, NULL);
			s += skip ? skip : n;
			n -= skip ? skip : n;
		}
		int tw = ui_put(a.y, a.x + w, s, n, room,
				sh->edit.fresh ? ROLE_SELECTED : ROLE_NORMAL);
		ui_puts(a.y, a.x + w + tw, " ", 1, ROLE_SELECTED);
	} else if (st->text) {
		char *clean = text_clean(st->text, strlen(st->text), false);
		ui_puts(a.y, a.x + w, clean ? clean : "", a.w - w - 1, ROLE_NORMAL);
		free(clean);
	} else {
		ui_puts(a.y, a.x + w, "(none: press / to type words)", a.w - w - 1, ROLE_DIM);
	}
	char desc[600];
	dbstate_describe(st, desc, sizeof desc);
	w = ui_puts(a.y + 1, a.x + 1, "Filters: ", a.w - 2, ROLE_LABEL) + 1;
	if (desc[0]) {
		char *clean = text_clean(desc, strlen(desc), false);
		ui_puts(a.y + 1, a.x + w, clean ? clean : "", a.w - w - 1, ROLE_NORMAL);
		free(clean);
	} else {
		ui_puts(a.y + 1, a.x + w, "none (f to add)", a.w - w - 1, ROLE_DIM);
	}
	return 2;
}

void db_edit_start(struct dbshared *sh)
{
	struct line_edit *e = &sh->edit;
	e->active = true;
	e->fresh = false;
	e->len = 0;
	e->buf[0] = '\0';
	/* The last words stay on the line to be refined with Backspace, but
	 * typing a character starts a new search, as '/' promises. */
	if (sh->state.text && strlen(sh->state.text) < sizeof e->buf) {
		strcpy(e->buf, sh->state.text);
		e->len = strlen(e->buf);
		e->fresh = true;
	}
}

enum key_result db_edit_key(struct dbshared *sh, struct app *app, int key,
			    bool *submitted)
{
	struct line_edit *e = &sh->edit;
	*submitted = false;
	/* Ctrl-C and Ctrl-G cancel too: on a slow link a lone Esc can wait
	 * for esc_delay, or arrive glued to the next key. */
	if (key == KEY_ESC || key == 3 || key == 7) {
		e->active = false;
	} else if (key_is_enter(key)) {
		e->active = false;
		if (dbstate_set_text(&sh->state, e->buf) != 0) {
			ui_message(app, true, "Out of memory.");
			return KEY_HANDLED;
		}
		*submitted = true;
		if (sh->state.q.hint)
			ui_message(app, false, "%s", sh->state.q.hint);
	} else if (key == KEY_BACKSPACE || key == 127 || key == 8) {
		e->fresh = false;
		text_drop_last_char(e->buf, &e->len);
	} else if (key == 21) {   /* Ctrl-U, as in a shell */
		e->len = 0;
		e->buf[0] = '\0';
	} else if (key_char(key)) {
		if (e->fresh)
			e->len = 0, e->buf[0] = '\0';
		e->fresh = false;
		if (text_append_char(e->buf, &e->len, sizeof e->buf, key_char(key)) != 0)
			ui_message(app, false, "The search line is full.");
	}
	return KEY_HANDLED;
}

enum key_result db_common_key(struct dbshared *sh, struct app *app, int key,
			      bool in_list)
{
	struct view *v;
	switch (key) {
	case '/':
		db_edit_start(sh);
		return KEY_HANDLED;
	case 'f':
		if ((v = filters_view_new(app, sh)))
			view_push(app, v);
		return KEY_HANDLED;
	case 'c':
		if (dbstate_active(&sh->state)) {
			dbstate_clear(&sh->state);
			ui_message(app, false, "Search and filters cleared.");
		}
		return KEY_HANDLED;
	case 's':
		if (!in_list)
			return KEY_UNHANDLED;
		sh->state.sort = (sh->state.sort + 1) % SORT_COUNT;
		sh->state.generation++;
		ui_message(app, false, "Sorted by %s.", sort_names[sh->state.sort]);
		return KEY_HANDLED;
	}
	return KEY_UNHANDLED;
}
