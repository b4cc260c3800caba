/* The catalog: everything that differs between Case Law, Legislation and
 * Bibliography, as tables. Field orders follow the portal (for cases, the
 * sections of a case brief). Nothing here is built from user text. */
#include "common/catalog.h"

#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* One field_info each; members a kind has no use for stay NULL. */
#define F_TEXT(l, col) {.kind = FIELD_TEXT, .label = l, .source = col}
#define F_LIST(l, fac) {.kind = FIELD_LIST, .label = l, .source = fac}
#define F_FLAG(l, col, y, n, fac) {.kind = FIELD_FLAG, .label = l, \
	.source = col, .yes = y, .no = n, .facet = fac}
#define F_HEADING(l) {.kind = FIELD_HEADING, .label = l}
#define F_PROCEEDINGS(l) {.kind = FIELD_PROCEEDINGS, .label = l}
#define F_LINKS(l) {.kind = FIELD_LINKS, .label = l}

static const struct field_info case_fields[] = {
	F_TEXT("Country", "country"),
	F_TEXT("Court", "court"),
	F_TEXT("Decision date", "decision_date"),
	F_TEXT("Verdict", "verdict"),
	F_TEXT("Outcome", "outcome"),
	F_TEXT("Sentence", "sentence"),
	F_HEADING("Fact summary"),
	F_TEXT("", "summary"),
	F_HEADING("Commentary and significant features"),
	F_TEXT("", "commentary"),
	F_HEADING("Keywords"),
	F_LIST("Acts", "act"),
	F_LIST("Means", "means"),
	F_LIST("Purpose of exploitation", "purpose"),
	F_FLAG("Form of trafficking", "cross_border", "cross-border", "internal", "form"),
	F_LIST("Sector", "sector"),
	F_LIST("International cooperation", "cooperation"),
	F_LIST("Countries involved", "country_involved"),
	F_HEADING("Procedure"),
	F_TEXT("Legal system", "legal_system"),
	F_PROCEEDINGS("Instances"),
	F_HEADING("Victims"),
	F_TEXT("Number", "victims_count"),
	F_LIST("Gender", "victim_gender"),
	F_FLAG("Children", "victims_children", "yes", "no", "children"),
	F_LIST("Nationality", "victim_nationality"),
	F_HEADING("Defendants"),
	F_TEXT("Number", "defendants_count"),
	F_LIST("Gender", "defendant_gender"),
	F_LIST("Nationality", "defendant_nationality"),
	F_LINKS("Laws applied"),
	F_HEADING("Source"),
	F_TEXT("", "source"),
};

static const struct field_info law_fields[] = {
	F_TEXT("Country", "country"),
	F_TEXT("Year", "year"),
	F_LIST("Topics", "topic"),
	F_HEADING("Summary"),
	F_TEXT("", "summary"),
	F_TEXT("Link", "url"),
	F_LINKS("Cases applying this law"),
};

static const struct field_info bib_fields[] = {
	F_LIST("Authors", "author"),
	F_TEXT("Year", "year"),
	F_TEXT("Type", "type"),
	F_TEXT("Publisher", "publisher"),
	F_TEXT("Language", "language"),
	F_LIST("Countries covered", "country"),
	F_LIST("Keywords", "keyword"),
	F_TEXT("Research method", "method"),
	F_LIST("Method categories", "method"),
	F_HEADING("Abstract"),
	F_TEXT("", "abstract"),
	F_TEXT("Link", "url"),
	F_TEXT("DOI", "doi"),
	F_TEXT("ISBN", "isbn"),
};

static const struct column_info case_columns[] = {
	{"Title", "title", 0, 0},
	{"Country", "country", 16, 50},
	{"Year", "year", 4, 0},
	{"Verdict", "outcome", 18, 64},
};
static const struct column_info law_columns[] = {
	{"Title", "title", 0, 0},
	{"Country", "country", 16, 50},
	{"Year", "year", 4, 0},
};
static const struct column_info bib_columns[] = {
	{"First author", "first_author", 22, 50},
	{"Year", "year", 4, 0},
	{"Title", "title", 0, 0},
};

/* The verdict of a case in lists and filters: htkp-import derives it from
 * the charges' verdicts (htkp/2) or maps the htkp/1 outcome onto it. */
static const char *const outcomes[] = {
	"convicted", "acquitted", "partially convicted", "violation found",
	"no violation", "pending", "other", NULL
};
/* What htkp/1 files may say: old files keep importing as they are. */
const char *const v1_outcomes[] = {
	"convicted", "acquitted", "mixed", "quashed or retrial",
	"violation found", "no violation", "other", NULL
};
static const char *const methods[] = {
	"legal analysis", "quantitative", "qualitative", "review",
	"policy analysis", "training material", "other", NULL
};

/* The portal's case filters, in its order where it has one. Sentence
 * date, latest court ruling, type of proceeding, type of court, law
 * applied and cross-cutting issues are facets of htkp/2 records. */
static const struct filter_info case_filters[] = {
	{"country", "Country", FILTER_VALUE, NULL, NULL, NULL},
	{"year", "Decision year", FILTER_YEAR, NULL, "year", NULL},
	{"sentence_year", "Sentence date", FILTER_YEAR, NULL, NULL, NULL},
	{"outcome", "Verdict", FILTER_VALUE, outcomes, NULL, NULL},
	{"court", "Court", FILTER_VALUE, NULL, NULL, NULL},
	{"court_type", "Type of court", FILTER_VALUE, NULL, NULL, NULL},
	{"legal_system", "Legal system", FILTER_VALUE, NULL, NULL, NULL},
	{"latest_ruling", "Latest court ruling", FILTER_VALUE, NULL, NULL, NULL},
	{"proceeding_type", "Type of proceeding", FILTER_VALUE, NULL, NULL, NULL},
	{"law", "Law applied", FILTER_VALUE, NULL, NULL, "legislation"},
	{"act", "Acts", FILTER_VALUE, NULL, NULL, NULL},
	{"means", "Means", FILTER_VALUE, NULL, NULL, NULL},
	{"purpose", "Purpose of exploitation", FILTER_VALUE, NULL, NULL, NULL},
	{"form", "Form of trafficking", FILTER_VALUE, NULL, NULL, NULL},
	{"sector", "Sector in which exploitation takes place", FILTER_VALUE, NULL, NULL, NULL},
	{"cooperation", "International cooperation", FILTER_VALUE, NULL, NULL, NULL},
	{"cross_cutting", "Cross-cutting issues", FILTER_VALUE, NULL, NULL, NULL},
	{"country_involved", "Involved countries", FILTER_VALUE, NULL, NULL, NULL},
	{"victim_gender", "Victims' gender", FILTER_VALUE, NULL, NULL, NULL},
	{"children", "Child victims", FILTER_VALUE, NULL, NULL, NULL},
	{"victim_nationality", "Victims' nationality", FILTER_VALUE, NULL, NULL, NULL},
	{"defendant_gender", "Defendants' gender", FILTER_VALUE, NULL, NULL, NULL},
	{"defendant_nationality", "Defendants' nationality", FILTER_VALUE, NULL, NULL, NULL},
};
/* The portal searches laws by country, Convention/Protocol article, crime
 * type (the offence) and cross-cutting issue. */
static const struct filter_info law_filters[] = {
	{"country", "Country", FILTER_VALUE, NULL, NULL, NULL},
	{"year", "Year", FILTER_YEAR, NULL, "year", NULL},
	{"topic", "Topic", FILTER_VALUE, NULL, NULL, NULL},
	{"offence", "Offence", FILTER_VALUE, NULL, NULL, NULL},
	{"article", "Protocol/Convention article", FILTER_VALUE, NULL, NULL, NULL},
	{"type", "Instrument type", FILTER_VALUE, NULL, NULL, NULL},
	{"status", "Status", FILTER_VALUE, NULL, NULL, NULL},
	{"cross_cutting", "Cross-cutting issues", FILTER_VALUE, NULL, NULL, NULL},
};
static const struct filter_info bib_filters[] = {
	{"year", "Year", FILTER_YEAR, NULL, "year", NULL},
	{"type", "Publication type", FILTER_VALUE, NULL, NULL, NULL},
	{"country", "Country covered", FILTER_VALUE, NULL, NULL, NULL},
	{"keyword", "Keyword", FILTER_VALUE, NULL, NULL, NULL},
	{"method", "Research method", FILTER_VALUE, methods, NULL, NULL},
	{"language", "Language", FILTER_VALUE, NULL, NULL, NULL},
};

/* The six keyword categories of a case brief, in the portal's order. */
static const char *const case_browse[] = {"act", "means", "purpose", "form", "sector",
					  "cooperation"};
static const char *const law_browse[] = {"topic", "article", "offence"};
/* The short list first: a long one would push it out of sight. */
static const char *const bib_browse[] = {"method", "keyword"};

/* A case is found by the laws it applied; a law is not found by the
 * cases that applied it (their names would drown its own words). */
static const struct link_info case_link = {DB_LEGISLATION, "Laws applied",
					  "case_rowid", "law_rowid", 1};
static const struct link_info law_link = {DB_CASES, "Cases applying this law",
					 "law_rowid", "case_rowid", 0};

static const struct text_source case_texts[] = {
	{"country", "country", 1},
	{"court", "court", 1},
	{"verdict", NULL, 1},
	{"outcome", "outcome", 0},
	{"sentence", NULL, 1},
	{"summary", NULL, 1},
	{"commentary", NULL, 1},
	{"legal_system", "legal_system", 0},
	{"acts", "act", 1},
	{"means", "means", 1},
	{"purposes", "purpose", 1},
	{"sectors", "sector", 1},
	{"cooperation", "cooperation", 1},
	{"countries_involved", "country_involved", 1},
	{"proceedings.court", NULL, 1},
	{"proceedings.decision", NULL, 1},
	{"proceedings.sentence", NULL, 1},
	{"victims.gender", "victim_gender", 0},
	{"victims.nationalities", "victim_nationality", 1},
	{"defendants.gender", "defendant_gender", 0},
	{"defendants.nationalities", "defendant_nationality", 1},
};
static const struct text_source law_texts[] = {
	{"country", "country", 1},
	{"summary", NULL, 1},
	{"topics", "topic", 1},
};
static const struct text_source bib_texts[] = {
	{"authors", "author", 1},
	{"type", "type", 0},
	{"publisher", NULL, 1},
	{"countries", "country", 1},
	{"keywords", "keyword", 1},
	{"method", NULL, 1},
	{"methods", "method", 0},
	{"abstract", NULL, 1},
	{"language", "language", 0},
};

/* A longer table would overflow the arrays sized by these limits. */
#define FITS(a, max) _Static_assert(N(a) <= (max), #a " has more than " #max)
FITS(case_columns, CATALOG_MAX_COLUMNS);
FITS(law_columns, CATALOG_MAX_COLUMNS);
FITS(bib_columns, CATALOG_MAX_COLUMNS);
FITS(case_filters, CATALOG_MAX_FILTERS);
FITS(law_filters, CATALOG_MAX_FILTERS);
FITS(bib_filters, CATALOG_MAX_FILTERS);

#define TABLES(f, c, fl, b) f, N(f), c, N(c), fl, N(fl), b, N(b)

const struct db_info catalog[DB_COUNT] = {
	[DB_CASES] = {"cases", "Case Law", "Case Law Database", "cases", "cases_fts", "case", "cases",
		      "decision_date",
		      TABLES(case_fields, case_columns, case_filters, case_browse),
		      "country", &case_link, case_texts, N(case_texts)},
	[DB_LEGISLATION] = {"legislation", "Legislation", "Database of Legislation",
			    "legislation",
			    "legislation_fts", "law", "laws", "year",
			    TABLES(law_fields, law_columns, law_filters, law_browse),
			    "country", &law_link, law_texts, N(law_texts)},
	[DB_BIBLIOGRAPHY] = {"bibliography", "Bibliography", "Bibliographic Database",
			     "bibliography",
			     "bibliography_fts", "publication", "publications", "year",
			     TABLES(bib_fields, bib_columns, bib_filters, bib_browse),
			     "country", NULL, bib_texts, N(bib_texts)},
};

/* The database called name, or -1. */
int catalog_find(const char *name)
{
	for (int i = 0; i < DB_COUNT; i++)
		if (strcmp(name, catalog[i].name) == 0)
			return i;
	return -1;
}

/* The filter of db called name, or NULL. */
const struct filter_info *catalog_filter(int db, const char *name)
{
	for (size_t i = 0; i < catalog[db].n_filters; i++)
		if (strcmp(name, catalog[db].filters[i].name) == 0)
			return &catalog[db].filters[i];
	return NULL;
}
