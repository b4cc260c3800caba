/* A database's search state: words, filters, year range and sort, with
 * the bookkeeping (ownership, a generation counter) the views rely on. */
#include "query/dbstate.h"
#include "common/catalog.h"
#include "common/i18n.h"
#include "common/text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dbstate_relax {
	struct search_relax r;
	struct search_alt alt[QUERY_MAX_ALTS];
	char note[200];
};

void dbstate_init(struct dbstate *s, int db)
{
	memset(s, 0, sizeof *s);
	s->db = db;
	s->sort = SORT_RELEVANCE;
}

void dbstate_free(struct dbstate *s)
{
	dbstate_clear(s);
}

/* The near misses of q for the store (NULL without words); *r is NULL
 * only on ENOMEM. */
static int relax_new(const struct query *q, struct dbstate_relax **r)
{
	*r = NULL;
	if (!q->fts)
		return 0;
	if (!(*r = calloc(1, sizeof **r)))
		return -1;
	for (size_t i = 0; i < q->n_alts; i++)
		(*r)->alt[i] = (struct search_alt){q->alts[i].fts, q->alts[i].tier};
	(*r)->r = (struct search_relax){q->id, (*r)->alt, q->n_alts, SEARCH_AS_TYPED};
	return 0;
}

int dbstate_set_text(struct dbstate *s, const char *text)
{
	struct query q;
	struct dbstate_relax *relax = NULL;
	char *copy = NULL;
	if (text && *text && !(copy = strdup(text)))
		return -1;
	if (query_parse(copy, &q) != 0 || relax_new(&q, &relax) != 0) {
		query_free(&q);
		free(copy);
		return -1;
	}
	query_free(&s->q);
	free(s->relax);
	free(s->text);
	s->q = q;
	s->relax = relax;
	s->text = copy;
	s->generation++;
	return 0;
}

static void free_values(struct dbstate_filter *f)
{
	for (size_t i = 0; i < f->n_values; i++)
		free(f->values[i]);
	free(f->values);
	f->values = NULL;
	f->n_values = 0;
}

static void remove_filter(struct dbstate *s, size_t i)
{
	free_values(&s->filters[i]);
	memmove(&s->filters[i], &s->filters[i + 1],
		(s->n_filters - i - 1) * sizeof s->filters[0]);
	s->n_filters--;
}

/* The state's entry of filter field, or NULL. */
static struct dbstate_filter *find(const struct dbstate *s, const char *field)
{
	for (size_t i = 0; i < s->n_filters; i++)
		if (strcmp(s->filters[i].field, field) == 0)
			return (struct dbstate_filter *)&s->filters[i];
	return NULL;
}

/* The entry of filter f, made (empty) when missing; NULL when full. */
static struct dbstate_filter *entry(struct dbstate *s, const struct filter_info *f)
{
	struct dbstate_filter *e = find(s, f->name);
	if (e || s->n_filters == sizeof s->filters / sizeof s->filters[0])
		return e;
	e = &s->filters[s->n_filters++];
	*e = (struct dbstate_filter){.field = f->name};
	return e;
}

static void drop(struct dbstate *s, const char *field)
{
	struct dbstate_filter *e = find(s, field);
	if (e)
		remove_filter(s, (size_t)(e - s->filters));
}

static bool has_value(char *const *v, size_t n, const char *value)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], value) == 0)
			return true;
	return false;
}

int dbstate_set_filter_values(struct dbstate *s, const char *field,
			      const char *const *values, size_t n)
{
	const struct filter_info *f = catalog_filter(s->db, field);
	if (!f || f->kind != FILTER_VALUE)
		return -1;
	char **copy = n ? calloc(n, sizeof *copy) : NULL;
	size_t k = 0;
	if (n && !copy)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (has_value(copy, k, values[i]))
			continue;
		if (k == DBSTATE_MAX_VALUES || !(copy[k] = strdup(values[i]))) {
			struct dbstate_filter undo = {.values = copy, .n_values = k};
			free_values(&undo);
			return k == DBSTATE_MAX_VALUES ? DBSTATE_TOO_MANY : -1;
		}
		k++;
	}
	struct dbstate_filter *e = k ? entry(s, f) : NULL;
	if (k && !e) {
		struct dbstate_filter undo = {.values = copy, .n_values = k};
		free_values(&undo);
		return -1;
	}
	if (!k) {
		free(copy);
		drop(s, f->name);
	} else {
		free_values(e);
		e->values = copy;
		e->n_values = k;
	}
	s->generation++;
	return 0;
}

int dbstate_set_filter(struct dbstate *s, const char *field, const char *value)
{
	return dbstate_set_filter_values(s, field, &value, value ? 1 : 0) == 0 ? 0 : -1;
}

int dbstate_add_filter_value(struct dbstate *s, const char *field, const char *value)
{
	const char *const *old;
	size_t n = dbstate_filter_values(s, field, &old);
	const char **all = malloc((n + 1) * sizeof *all);
	if (!all)
		return -1;
	if (n)   /* old is NULL when the filter is not set */
		memcpy(all, old, n * sizeof *all);
	all[n] = value;
	int rc = dbstate_set_filter_values(s, field, all, n + 1);
	free(all);
	return rc;
}

size_t dbstate_filter_values(const struct dbstate *s, const char *field,
			     const char *const **values)
{
	const struct dbstate_filter *e = find(s, field);
	*values = e ? (const char *const *)e->values : NULL;
	return e ? e->n_values : 0;
}

const char *dbstate_filter(const struct dbstate *s, const char *field)
{
	const char *const *v;
	return dbstate_filter_values(s, field, &v) ? v[0] : NULL;
}

/* A year of four digits, or -1. */
static int parse_year(const char *p, const char *end)
{
	if (end - p != 4)
		return -1;
	int y = 0;
	for (; p < end; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		y = y * 10 + (*p - '0');
	}
	return y > 0 ? y : -1;
}

int dbstate_set_year_range(struct dbstate *s, const char *field, int from, int to)
{
	const struct filter_info *f = catalog_filter(s->db, field);
	if (!f || f->kind != FILTER_YEAR)
		return -1;
	if (from && to && from > to) {
		int t = from;
		from = to;
		to = t;
	}
	if (!from && !to) {
		drop(s, f->name);
	} else {
		struct dbstate_filter *e = entry(s, f);
		if (!e)
			return -1;
		e->from = from;
		e->to = to;
	}
	s->generation++;
	return 0;
}

void dbstate_years(const struct dbstate *s, const char *field, int *from, int *to)
{
	const struct dbstate_filter *e = find(s, field);
	*from = e ? e->from : 0;
	*to = e ? e->to : 0;
}

int dbstate_set_years_of(struct dbstate *s, const char *field, const char *range)
{
	const char *dash = strchr(range, '-'), *end = range + strlen(range);
	int from, to;
	if (!dash) {
		from = to = parse_year(range, end);
	} else {
		from = dash == range ? 0 : parse_year(range, dash);
		to = dash + 1 == end ? 0 : parse_year(dash + 1, end);
	}
	if (from < 0 || to < 0 || (from && to && from > to) || (!dash && !from))
		return -1;
	return dbstate_set_year_range(s, field, from, to);
}

int dbstate_set_years(struct dbstate *s, const char *range)
{
	for (size_t i = 0; i < catalog[s->db].n_filters; i++)
		if (catalog[s->db].filters[i].kind == FILTER_YEAR)
			return dbstate_set_years_of(s, catalog[s->db].filters[i].name, range);
	return -1;
}

void dbstate_clear(struct dbstate *s)
{
	query_free(&s->q);
	free(s->relax);
	s->relax = NULL;
	free(s->text);
	s->text = NULL;
	while (s->n_filters)
		remove_filter(s, s->n_filters - 1);
	s->generation++;
}

bool dbstate_active(const struct dbstate *s)
{
	return s->text || s->n_filters;
}

const char *dbstate_sort_label(const struct dbstate *s)
{
	/* TRANSLATORS: how a list of results is ordered, shown after
	   "Results 1-20 of 300, " and after "Sorted ". */
	static const char *const labels[SORT_COUNT] = {
		N_("by relevance"), N_("newest first"), N_("oldest first"), N_("by title")};
	if (s->sort == SORT_RELEVANCE && !s->q.fts)
		return _(labels[SORT_NEWEST]);
	return _(labels[s->sort]);
}

void dbstate_search(const struct dbstate *s, struct search *out)
{
	memset(out, 0, sizeof *out);
	out->db = s->db;
	out->fts = s->q.fts;
	for (size_t i = 0; i < s->n_filters; i++) {
		const struct dbstate_filter *f = &s->filters[i];
		out->filters[i] = (struct search_filter){f->field,
			(const char *const *)f->values, f->n_values, f->from, f->to};
	}
	out->n_filters = s->n_filters;
	out->sort = s->sort;
	out->relax = s->relax ? &s->relax->r : NULL;
}

const char *dbstate_note(const struct dbstate *s)
{
	if (!s->relax || s->relax->r.used == SEARCH_AS_TYPED)
		return NULL;
	if (s->relax->r.used >= 0)
		return s->q.alts[s->relax->r.used].note;
	/* A long id is cut at a character, so that the line stays UTF-8. */
	const char *id = s->relax->r.id;
	int n = (int)strlen(id);
	while (n > 120 || (n > 0 && (id[n] & 0xc0) == 0x80))
		n--;
	const char *fmt;
	/* TRANSLATORS: shown instead of the search's results when the words
	   typed are a record's id: %.*s is the id, %s "..." when it is cut. */
	switch (s->db) {
	case DB_CASES:
		fmt = _("The case with id %.*s%s");
		break;
	case DB_LEGISLATION:
		fmt = _("The law with id %.*s%s");
		break;
	default:
		fmt = _("The publication with id %.*s%s");
		break;
	}
	snprintf(s->relax->note, sizeof s->relax->note, fmt, n, id, id[n] ? "..." : "");
	return s->relax->note;
}

/* A year range for people: "2005", "2005-2010", "from 2005", "to 2010". */
static void describe_years(int from, int to, char *buf, size_t len)
{
	if (from == to)
		snprintf(buf, len, "%d", from);
	else if (from && to)
		snprintf(buf, len, "%d-%d", from, to);
	else if (from)
		/* TRANSLATORS: a year filter without an end: "from 2005". */
		snprintf(buf, len, _("from %d"), from);
	else
		/* TRANSLATORS: a year filter without a start: "to 2010". */
		snprintf(buf, len, _("to %d"), to);
}

/* Appends to buf at *n, cutting at len (a cut description is cut again
 * by its reader, at a character). */
static void put(char *buf, size_t len, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void put(char *buf, size_t len, size_t *n, const char *fmt, ...)
{
	if (*n + 1 >= len)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(buf + *n, len - *n, fmt, ap);
	va_end(ap);
	if (k > 0)
		*n = *n + (size_t)k < len ? *n + (size_t)k : len - 1;
}

/* The description with at most most values of each filter ("+N" for the
 * rest); 0: all of them. */
static void describe(const struct dbstate *s, char *buf, size_t len, size_t most)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < catalog[s->db].n_filters; i++) {
		const struct filter_info *f = &catalog[s->db].filters[i];
		const struct dbstate_filter *e = find(s, f->name);
		if (!e)
			continue;
		put(buf, len, &n, "%s", n ? "; " : "");
		/* TRANSLATORS: a label and its value(s): "Country: France". */
		put(buf, len, &n, _("%s: "), _(f->label));
		if (!e->values) {
			char years[32];
			describe_years(e->from, e->to, years, sizeof years);
			put(buf, len, &n, "%s", years);
			continue;
		}
		size_t shown = most && e->n_values > most ? most : e->n_values;
		for (size_t v = 0; v < shown; v++)
			put(buf, len, &n, "%s%s", v ? ", " : "", i18n_value(e->values[v]));
		if (shown < e->n_values)
			put(buf, len, &n, " +%zu", e->n_values - shown);
	}
}

void dbstate_describe(const struct dbstate *s, char *buf, size_t len)
{
	describe(s, buf, len, 0);
}

void dbstate_describe_fit(const struct dbstate *s, char *buf, size_t len, int cols)
{
	size_t most = 0;
	for (size_t i = 0; i < s->n_filters; i++)
		if (s->filters[i].n_values > most)
			most = s->filters[i].n_values;
	describe(s, buf, len, 0);
	while (most > 1 && text_width(buf, strlen(buf)) > cols)
		describe(s, buf, len, --most);
}
