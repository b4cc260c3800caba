/* Statistics (stats.h): facet counts kept to the search's own filters,
 * ordered for reading, and drawn as bars of text. */
#include "store/stats.h"
#include "common/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* TRANSLATORS: the portal's caveat, beside every count of cases. */
const char *const stats_case_caveat = N_(
	"Case counts per country do not show the real extent of trafficking there; "
	"some information has not been checked against primary sources.");

static const struct stat_field case_stats[] = {
	/* TRANSLATORS: the headings of statistics charts: the records
	   counted by year, by country... */
	{"year", N_("By year")}, {"country", N_("By country")},
	{"outcome", N_("By verdict")},
	{"purpose", N_("By purpose of exploitation")}, {"sector", N_("By sector")},
};
static const struct stat_field law_stats[] = {
	{"year", N_("By year")}, {"topic", N_("By topic")},
};
static const struct stat_field pub_stats[] = {
	/* TRANSLATORS: publications counted by their type (book, report...). */
	{"year", N_("By year")}, {"type", N_("By type")},
	/* TRANSLATORS: publications counted by research method. */
	{"method", N_("By method")},
};

const struct stat_field *stats_fields(int db, size_t *n)
{
	switch (db) {
	case DB_CASES:
		*n = sizeof case_stats / sizeof case_stats[0];
		return case_stats;
	case DB_LEGISLATION:
		*n = sizeof law_stats / sizeof law_stats[0];
		return law_stats;
	default:
		*n = sizeof pub_stats / sizeof pub_stats[0];
		return pub_stats;
	}
}

/* Whether value passes the search's own filter on field (store_facet
 * counts every value of the field as if that filter were not set). */
static bool kept(const struct search *q, const char *field, const char *value)
{
	bool filtered = false;
	for (size_t i = 0; i < q->n_filters; i++) {
		const struct search_filter *f = &q->filters[i];
		if (strcmp(f->field, field) != 0)
			continue;
		if (!f->values) {   /* a year range */
			int y = atoi(value);
			return (!f->from || y >= f->from) && (!f->to || y <= f->to);
		}
		for (size_t k = 0; k < f->n_values; k++)
			if (strcmp(f->values[k], value) == 0)
				return true;
		filtered = true;
	}
	return !filtered;
}

static int by_count(const void *a, const void *b)
{
	const struct facet_value *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->value, y->value);
}

int store_stats(struct store *st, const struct search *q, const char *field,
		struct facet_list *out)
{
	if (store_facet(st, q, field, out) != 0)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < out->n; i++) {
		if (out->v[i].count > 0 && kept(q, field, out->v[i].value)) {
			out->v[n++] = out->v[i];
		} else {
			free(out->v[i].value);
			free(out->v[i].title);
		}
	}
	out->n = n;
	if (strcmp(field, "year") != 0)
		qsort(out->v, out->n, sizeof *out->v, by_count);
	if (strcmp(field, "country") != 0 || out->n <= STATS_TOP + 1)
		return 0;
	long rest = 0;
	size_t others = out->n - STATS_TOP;
	for (size_t i = STATS_TOP; i < out->n; i++) {
		rest += out->v[i].count;
		free(out->v[i].value);
		free(out->v[i].title);
	}
	char label[128];
	/* TRANSLATORS: the bar of a chart summing the countries after the top
	   20; %zu is how many countries (at least 2). */
	snprintf(label, sizeof label, _("Other (%zu)"), others);
	out->v[STATS_TOP] = (struct facet_value){strdup(label), rest, NULL};
	out->n = STATS_TOP + 1;
	if (!out->v[STATS_TOP].value) {
		facet_list_free(out);
		return -1;
	}
	return 0;
}

int stats_chart(const struct facet_list *f, int width, bool ascii, char **text,
		struct text_lines *out)
{
	long max = 1;
	int label_w = 4, count_w = 1;
	for (size_t i = 0; i < f->n; i++) {
		char num[24];
		int nw = snprintf(num, sizeof num, "%ld", f->v[i].count);
		count_w = nw > count_w ? nw : count_w;
		max = f->v[i].count > max ? f->v[i].count : max;
		const char *shown = i18n_value(f->v[i].value);
		int lw = text_width(shown, strlen(shown));
		label_w = lw > label_w ? lw : label_w;
	}
	if (label_w > width * 2 / 5)
		label_w = width * 2 / 5;
	int bar_w = width - label_w - count_w - 2;
	if (bar_w < 1)
		bar_w = 1;
	const char *block = ascii ? "#" : "\u2588";
	size_t cap = f->n * ((size_t)width * 4 + 64) + 1, len = 0;
	*text = malloc(cap);
	*out = (struct text_lines){0};
	if (!*text || !(out->v = calloc(f->n ? f->n : 1, sizeof *out->v))) {
		free(*text);
		*text = NULL;
		return -1;
	}
	out->cap = f->n;
	for (size_t i = 0; i < f->n; i++) {
		size_t start = len;
		/* A value of ours (a verdict, a purpose) in the reader's
		 * language; data (countries, years) as it is. */
		const char *v = i18n_value(f->v[i].value);
		char *clean = text_clean(v, strlen(v), false);
		const char *l = clean ? clean : "";
		int lw;
		size_t cut = text_fit(l, strlen(l), label_w, &lw);
		memcpy(*text + len, l, cut);
		len += cut;
		free(clean);
		for (int k = lw; k < label_w + 1; k++)
			(*text)[len++] = ' ';
		long bars = f->v[i].count * bar_w / max;
		if (bars < 1)
			bars = 1;
		for (long k = 0; k < bars; k++)
			len += (size_t)sprintf(*text + len, "%s", block);
		len += (size_t)sprintf(*text + len, " %ld", f->v[i].count);
		out->v[out->n++] = (struct text_line){start, len - start,
						      label_w + 1 + (int)bars + 1 + count_w};
	}
	(*text)[len] = '\0';
	return 0;
}
