/* A database's search state: words, filters, year range and sort, with
 * the bookkeeping (ownership, a generation counter) the views rely on. */
#include "query/dbstate.h"
#include "common/catalog.h"

#include <errno.h>
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

static void remove_filter(struct dbstate *s, size_t i)
{
	free(s->filters[i].value);
	memmove(&s->filters[i], &s->filters[i + 1],
		(s->n_filters - i - 1) * sizeof s->filters[0]);
	s->n_filters--;
}

int dbstate_set_filter(struct dbstate *s, const char *field, const char *value)
{
	const struct filter_info *f = catalog_filter(s->db, field);
	if (!f || f->kind != FILTER_VALUE)
		return -1;
	char *copy = NULL;
	if (value && !(copy = strdup(value)))
		return -1;
	for (size_t i = 0; i < s->n_filters; i++)
		if (strcmp(s->filters[i].field, f->name) == 0) {
			remove_filter(s, i);
			break;
		}
	if (copy) {
		if (s->n_filters == sizeof s->filters / sizeof s->filters[0]) {
			free(copy);
			return -1;
		}
		s->filters[s->n_filters].field = f->name;
		s->filters[s->n_filters++].value = copy;
	}
	s->generation++;
	return 0;
}

const char *dbstate_filter(const struct dbstate *s, const char *field)
{
	for (size_t i = 0; i < s->n_filters; i++)
		if (strcmp(s->filters[i].field, field) == 0)
			return s->filters[i].value;
	return NULL;
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

int dbstate_set_years(struct dbstate *s, const char *range)
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
	s->year_from = from;
	s->year_to = to;
	s->generation++;
	return 0;
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
	s->year_from = s->year_to = 0;
	s->generation++;
}

bool dbstate_active(const struct dbstate *s)
{
	return s->text || s->n_filters || s->year_from || s->year_to;
}

const char *dbstate_sort_label(const struct dbstate *s)
{
	static const char *const labels[SORT_COUNT] = {
		"by relevance", "newest first", "oldest first", "by title"};
	if (s->sort == SORT_RELEVANCE && !s->q.fts)
		return labels[SORT_NEWEST];
	return labels[s->sort];
}

void dbstate_search(const struct dbstate *s, struct search *out)
{
	memset(out, 0, sizeof *out);
	out->db = s->db;
	out->fts = s->q.fts;
	for (size_t i = 0; i < s->n_filters; i++)
		out->filters[i] = (struct search_filter){s->filters[i].field,
							  s->filters[i].value};
	out->n_filters = s->n_filters;
	out->year_from = s->year_from;
	out->year_to = s->year_to;
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
	snprintf(s->relax->note, sizeof s->relax->note, "The %s with id %.*s%s",
		 catalog[s->db].noun, n, id, id[n] ? "..." : "");
	return s->relax->note;
}

void dbstate_describe(const struct dbstate *s, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < catalog[s->db].n_filters && n < len; i++) {
		const struct filter_info *f = &catalog[s->db].filters[i];
		const char *v = dbstate_filter(s, f->name);
		char years[16];
		if (f->kind == FILTER_YEAR && (s->year_from || s->year_to)) {
			if (s->year_from == s->year_to)
				snprintf(years, sizeof years, "%d", s->year_from);
			else if (s->year_from && s->year_to)
				snprintf(years, sizeof years, "%d-%d", s->year_from, s->year_to);
			else if (s->year_from)
				snprintf(years, sizeof years, "from %d", s->year_from);
			else
				snprintf(years, sizeof years, "to %d", s->year_to);
			v = years;
		}
		if (v)
			n += (size_t)snprintf(buf + n, len - n, "%s%s: %s", n ? "; " : "",
					      f->label, v);
	}
}
