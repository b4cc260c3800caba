/* Marked records: a small array in the session's memory, nothing more.
 * The idle reset forgets it (a shared workstation's next person starts
 * with none) and nothing ever writes it out. */
#include "ui/ui_take.h"
#include "common/grow.h"
#include "common/i18n.h"

#include <stdlib.h>

static struct mark *marks;
static size_t n_marks, cap_marks;

bool marks_has(int db, long rowid)
{
	for (size_t i = 0; i < n_marks; i++)
		if (marks[i].db == db && marks[i].rowid == rowid)
			return true;
	return false;
}

void marks_toggle(struct app *app, int db, long rowid)
{
	for (size_t i = 0; i < n_marks; i++) {
		if (marks[i].db != db || marks[i].rowid != rowid)
			continue;
		for (; i + 1 < n_marks; i++)
			marks[i] = marks[i + 1];
		n_marks--;
		ui_message(app, false, ngettext("Unmarked; %zu marked.", "Unmarked; %zu marked.",
						n_marks), n_marks);
		return;
	}
	if (n_marks >= MARKS_MAX) {
		ui_message(app, true, ngettext("At most %d record can be marked; unmark some first.",
					       "At most %d records can be marked; unmark some first.",
					       MARKS_MAX), MARKS_MAX);
		return;
	}
	if (grow(&marks, &cap_marks, n_marks, sizeof *marks, 16) != 0) {
		ui_message(app, true, "%s", _("Out of memory."));
		return;
	}
	marks[n_marks++] = (struct mark){db, rowid};
	/* TRANSLATORS: "Marked" is the home menu's item of that name, 8 its
	 * number. */
	ui_message(app, false, ngettext("Marked; %zu marked (Marked, 8 on the home menu).",
					"Marked; %zu marked (Marked, 8 on the home menu).", n_marks),
		   n_marks);
}

const struct mark *marks_all(size_t *n)
{
	*n = n_marks;
	return marks;
}

void marks_clear(void)
{
	free(marks);
	marks = NULL;
	n_marks = cap_marks = 0;
}
