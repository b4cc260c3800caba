/* Line mode's values of facet fields, each a numbered line with its
 * count (browse by country or keyword, a filter's values). Counts take
 * the search and the other filters into account, as in the kiosk's
 * picker. Letters typed list only the values beginning with them. */
#include "line/line_screen.h"
#include "common/grow.h"
#include "common/i18n.h"
#include "common/numfmt.h"
#include "common/text.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pick_item {
	const char *field;     /* NULL: "any", removing the filter */
	char *value;
	long count;
	const char *heading;   /* set on the first value of a field, when there
				  are several fields */
};

struct pick_screen {
	struct lscreen sc;
	int db;
	enum lpick_mode mode;
	char title[80];    /* English, translated where it is shown */
	const char *fields[CATALOG_MAX_FILTERS];   /* catalog names (static) */
	size_t n_fields;
	struct pick_item *items;
	size_t n, cap;
};

static void free_items(struct pick_screen *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i].value);
	free(p->items);
	p->items = NULL;
	p->n = p->cap = 0;
}

static int add_item(struct pick_screen *p, struct pick_item it)
{
	if (grow(&p->items, &p->cap, p->n, sizeof *p->items, 64) != 0)
		return -1;
	p->items[p->n++] = it;
	return 0;
}

/* Loads every field's values with their counts; -1 after a message. */
static int load(struct pick_screen *p, struct lsession *s)
{
	struct dbstate *st = line_state(s, p->db);
	if (!st)
		return -1;
	struct search q;
	dbstate_search(st, &q);
	free_items(p);
	if (p->mode != LPICK_BROWSE && add_item(p, (struct pick_item){0}) != 0)
		return -1;
	for (size_t f = 0; f < p->n_fields; f++) {
		const struct filter_info *fi = catalog_filter(p->db, p->fields[f]);
		struct facet_list list;
		if (store_facet(s->store, &q, p->fields[f], &list) != 0) {
			lout_line(&s->out, store_error(s->store));
			return -1;
		}
		for (size_t i = 0; i < list.n; i++) {
			const char *heading = i == 0 && p->n_fields > 1
					      ? (fi ? fi->label : p->fields[f]) : NULL;
			if (add_item(p, (struct pick_item){p->fields[f], list.v[i].value,
							   list.v[i].count, heading}) != 0) {
				facet_list_free(&list);
				return -1;
			}
			list.v[i].value = NULL;   /* moved into the item */
		}
		facet_list_free(&list);
	}
	return 0;
}

/* Prints the items beginning with prefix (NULL: all); returns how many. */
static size_t print_items(struct pick_screen *p, struct lsession *s, const char *prefix)
{
	size_t shown = 0;
	for (size_t i = 0; i < p->n && !s->out.stopped; i++) {
		const struct pick_item *it = &p->items[i];
		if (!it->field) {
			if (!prefix)
				lout_item(&s->out, (long)i + 1, _("Any: remove this filter"));
			continue;
		}
		/* A value of ours (a verdict) is shown in the language: letters
		   typed may begin either its words or the stored ones. */
		const char *value = i18n_value(it->value);
		if (prefix && !text_starts_with(value, prefix) && !text_starts_with(it->value, prefix))
			continue;
		if (it->heading && !prefix)
			/* TRANSLATORS: a heading over a list of values: a field's name. */
			lout_printf(&s->out, _("%s:"), _(it->heading));
		char count[160], line[1400];
		format_records(count, sizeof count, it->count, p->db);
		/* TRANSLATORS: a value and how many records have it ("Norway, 1
		   case"). */
		snprintf(line, sizeof line, _("%s, %s"), value, count);
		lout_item(&s->out, (long)i + 1, line);
		shown++;
	}
	return shown;
}

static void pick_show(struct lscreen *sc, struct lsession *s, bool again)
{
	struct pick_screen *p = (struct pick_screen *)sc;
	(void)again;
	if (load(p, s) != 0)
		return;
	/* TRANSLATORS: a database's name, then what is listed ("Case Law:
	   Browse by country."). */
	lout_printf(&s->out, _("%s: %s."), _(catalog[p->db].title), _(p->title));
	if (p->mode == LPICK_YEARS)
		/* TRANSLATORS: the ranges are typed as they are. */
		lout_line(&s->out, _("Type a year's number, or a range such as 2005-2010, "
				     "2005- or -2010."));
	if (print_items(p, s, NULL) == 0)
		lout_line(&s->out, _("Nothing to choose from: no record has a value here."));
}

static void pick_prompt(struct lscreen *sc, struct lsession *s, char *buf, size_t len)
{
	struct pick_screen *p = (struct pick_screen *)sc;
	(void)s;
	const char *text =
		p->mode == LPICK_BROWSE ? _("Type a number to see its records, letters to list only "
					    "the values beginning with them, b to go back")
		: p->mode == LPICK_FILTER ? _("Type a number to choose it, several numbers (3 5) "
					      "for any of them, letters to list only the values "
					      "beginning with them, b to go back")
		: _("Type a number to choose it, letters to list only the values beginning "
		    "with them, b to go back");
	snprintf(buf, len, "%s", text);
}

/* Sets what item it chose; -1 after a message. */
static int choose(struct pick_screen *p, struct lsession *s, const struct pick_item *it)
{
	struct dbstate *st = line_state(s, p->db);
	int rc;
	if (!st)
		return -1;
	if (p->mode == LPICK_YEARS)
		rc = dbstate_set_years_of(st, p->fields[0], it->field ? it->value : "-");
	else
		rc = dbstate_set_filter(st, it->field ? it->field : p->fields[0], it->value);
	if (rc != 0)
		lout_line(&s->out, _("Cannot set this filter."));
	return rc;
}

/* "3 5" or "3, 5": several values of one filter, any of which a record
 * may have. Returns how many numbers were read into n[] (0 when line is
 * something else), -1 after a message. */
static int read_numbers(struct pick_screen *p, struct lsession *s, const char *line,
			long *n, int max)
{
	int k = 0;
	for (const char *c = line; *c;) {
		while (*c == ' ' || *c == ',')
			c++;
		if (!*c)
			break;
		char *end;
		long v = strtol(c, &end, 10);
		if (end == c || (*end && *end != ' ' && *end != ',') || k == max)
			return 0;
		if (v < 1 || v > (long)p->n) {
			/* TRANSLATORS: %ld is the number typed. */
			lout_printf(&s->out, _("There is no value %ld."), v);
			return -1;
		}
		n[k++] = v;
		c = end;
	}
	return k;
}

/* Sets the filter to the values numbered n[0..k); -1 after a message. */
static int choose_several(struct pick_screen *p, struct lsession *s, const long *n, int k)
{
	struct dbstate *st = line_state(s, p->db);
	const char *values[DBSTATE_MAX_VALUES];
	size_t nv = 0;
	if (!st)
		return -1;
	for (int i = 0; i < k; i++)
		if (p->items[n[i] - 1].field)   /* "any" among them adds nothing */
			values[nv++] = p->items[n[i] - 1].value;
	int rc = dbstate_set_filter_values(st, p->fields[0], values, nv);
	if (rc == DBSTATE_TOO_MANY)
		lout_printf(&s->out, ngettext("At most %d value per filter.",
					      "At most %d values per filter.", DBSTATE_MAX_VALUES),
			    DBSTATE_MAX_VALUES);
	else if (rc != 0)
		lout_line(&s->out, _("Cannot set this filter."));
	return rc ? -1 : 0;
}

static struct lact chosen(struct pick_screen *p, struct lsession *s)
{
	if (p->mode == LPICK_BROWSE)
		return (struct lact){LACT_PUSH, line_list_new(s, p->db)};
	lout_line(&s->out, _("Filter set."));
	return LACT(LACT_BACK);
}

static struct lact pick_input(struct lscreen *sc, struct lsession *s, const char *line)
{
	struct pick_screen *p = (struct pick_screen *)sc;
	struct dbstate *st = line_state(s, p->db);
	if (!st)
		return LACT(LACT_NONE);
	/* A year typed (four digits, or a range) is a year, not an item. */
	if (p->mode == LPICK_YEARS && (strchr(line, '-') || line_number(line, 9999) >= 1000)) {
		if (dbstate_set_years_of(st, p->fields[0], line) != 0) {
			/* TRANSLATORS: %s is what was typed. */
			lout_printf(&s->out, _("Not a year or a range of years: %s."), line);
			return LACT(LACT_NONE);
		}
		return chosen(p, s);
	}
	long n = line_number(line, (long)p->n);
	if (n)
		return choose(p, s, &p->items[n - 1]) == 0 ? chosen(p, s) : LACT(LACT_NONE);
	long several[DBSTATE_MAX_VALUES];
	int k = p->mode == LPICK_FILTER
		? read_numbers(p, s, line, several, DBSTATE_MAX_VALUES) : 0;
	if (k < 0)
		return LACT(LACT_NONE);
	if (k > 0)
		return choose_several(p, s, several, k) == 0 ? chosen(p, s) : LACT(LACT_NONE);
	if (!line[0] || line_is_command(line))
		return LACT(LACT_UNHANDLED);
	if (line_number(line, 999999999)) {
		/* TRANSLATORS: %s is the number typed. */
		lout_printf(&s->out, _("There is no value %s."), line);
		return LACT(LACT_NONE);
	}
	if (print_items(p, s, line) == 0)
		/* TRANSLATORS: %s is the letters typed. */
		lout_printf(&s->out, _("No value begins with %s."), line);
	return LACT(LACT_NONE);
}

static void pick_destroy(struct lscreen *sc)
{
	struct pick_screen *p = (struct pick_screen *)sc;
	free_items(p);
	free(p);
}

static const struct lscreen_ops pick_ops = {pick_show, pick_prompt, pick_input, pick_destroy,
					      NULL};

struct lscreen *line_pick_new(struct lsession *s, int db, enum lpick_mode mode,
			      const char *const *fields, size_t n_fields, const char *title)
{
	struct pick_screen *p = line_state(s, db) ? calloc(1, sizeof *p) : NULL;
	if (!p)
		return NULL;
	p->sc.ops = &pick_ops;
	p->db = db;
	p->mode = mode;
	snprintf(p->title, sizeof p->title, "%s", title);
	for (size_t i = 0; i < n_fields && i < CATALOG_MAX_FILTERS; i++)
		p->fields[p->n_fields++] = fields[i];
	return &p->sc;
}
