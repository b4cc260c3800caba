/* The catalog: everything that differs between Case Law, Legislation and
 * Bibliography, as tables. Field orders follow the portal (for cases, the
 * sections of a case brief). Nothing here is built from user text. */
#include "common/catalog.h"

#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct field_info case_fields[] = {
	{FIELD_TEXT, "Country", "country", 0, 0},
	{FIELD_TEXT, "Court", "court", 0, 0},
	{FIELD_TEXT, "Decision date", "decision_date", 0, 0},
	{FIELD_TEXT, "Verdict", "verdict", 0, 0},
	{FIELD_TEXT, "Outcome", "outcome", 0, 0},
	{FIELD_TEXT, "Sentence", "sentence", 0, 0},
	{FIELD_HEADING, "Fact summary", NULL, 0, 0},
	{FIELD_TEXT, "", "summary", 0, 0},
	{FIELD_HEADING, "Commentary and significant features", NULL, 0, 0},
	{FIELD_TEXT, "", "commentary", 0, 0},
	{FIELD_HEADING, "Keywords", NULL, 0, 0},
	{FIELD_LIST, "Acts", "act", 0, 0},
	{FIELD_LIST, "Means", "means", 0, 0},
	{FIELD_LIST, "Purpose of exploitation", "purpose", 0, 0},
	{FIELD_FLAG, "Form of trafficking", "cross_border", "cross-border", "internal"},
	{FIELD_LIST, "Sector", "sector", 0, 0},
	{FIELD_LIST, "International cooperation", "cooperation", 0, 0},
	{FIELD_LIST, "Countries involved", "country_involved", 0, 0},
	{FIELD_HEADING, "Procedure", NULL, 0, 0},
	{FIELD_TEXT, "Legal system", "legal_system", 0, 0},
	{FIELD_PROCEEDINGS, "Instances", NULL, 0, 0},
	{FIELD_HEADING, "Victims", NULL, 0, 0},
	{FIELD_TEXT, "Number", "victims_count", 0, 0},
	{FIELD_LIST, "Gender", "victim_gender", 0, 0},
	{FIELD_FLAG, "Children", "victims_children", "yes", "no"},
	{FIELD_LIST, "Nationality", "victim_nationality", 0, 0},
	{FIELD_HEADING, "Defendants", NULL, 0, 0},
	{FIELD_TEXT, "Number", "defendants_count", 0, 0},
	{FIELD_LIST, "Gender", "defendant_gender", 0, 0},
	{FIELD_LIST, "Nationality", "defendant_nationality", 0, 0},
	{FIELD_LINKS, "Laws applied", NULL, 0, 0},
	{FIELD_HEADING, "Source", NULL, 0, 0},
	{FIELD_TEXT, "", "source", 0, 0},
};

static const struct field_info law_fields[] = {
	{FIELD_TEXT, "Country", "country", 0, 0},
	{FIELD_TEXT, "Year", "year", 0, 0},
	{FIELD_LIST, "Topics", "topic", 0, 0},
	{FIELD_HEADING, "Summary", NULL, 0, 0},
	{FIELD_TEXT, "", "summary", 0, 0},
	{FIELD_TEXT, "Link", "url", 0, 0},
	{FIELD_LINKS, "Cases applying this law", NULL, 0, 0},
};

static const struct field_info bib_fields[] = {
	{FIELD_LIST, "Authors", "author", 0, 0},
	{FIELD_TEXT, "Year", "year", 0, 0},
	{FIELD_TEXT, "Type", "type", 0, 0},
	{FIELD_TEXT, "Publisher", "publisher", 0, 0},
	{FIELD_TEXT, "Language", "language", 0, 0},
	{FIELD_LIST, "Countries covered", "country", 0, 0},
	{FIELD_LIST, "Keywords", "keyword", 0, 0},
	{FIELD_TEXT, "Research method", "method", 0, 0},
	{FIELD_LIST, "Method categories", "method", 0, 0},
	{FIELD_HEADING, "Abstract", NULL, 0, 0},
	{FIELD_TEXT, "", "abstract", 0, 0},
	{FIELD_TEXT, "Link", "url", 0, 0},
	{FIELD_TEXT, "DOI", "doi", 0, 0},
	{FIELD_TEXT, "ISBN", "isbn", 0, 0},
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

static const struct filter_info case_filters[] = {
	{"country", "Country", FILTER_VALUE},
	{"year", "Decision year", FILTER_YEAR},
	{"outcome", "Outcome", FILTER_VALUE},
	{"court", "Court", FILTER_VALUE},
	{"legal_system", "Legal system", FILTER_VALUE},
	{"act", "Act", FILTER_VALUE},
	{"means", "Means", FILTER_VALUE},
	{"purpose", "Purpose of exploitation", FILTER_VALUE},
	{"form", "Form of trafficking", FILTER_VALUE},
	{"sector", "Sector", FILTER_VALUE},
	{"cooperation", "International cooperation", FILTER_VALUE},
	{"victim_gender", "Victims' gender", FILTER_VALUE},
	{"children", "Child victims", FILTER_VALUE},
	{"victim_nationality", "Victims' nationality", FILTER_VALUE},
	{"defendant_gender", "Defendants' gender", FILTER_VALUE},
	{"defendant_nationality", "Defendants' nationality", FILTER_VALUE},
};
static const struct filter_info law_filters[] = {
	{"country", "Country", FILTER_VALUE},
	{"year", "Year", FILTER_YEAR},
	{"topic", "Topic", FILTER_VALUE},
};
static const struct filter_info bib_filters[] = {
	{"year", "Year", FILTER_YEAR},
	{"type", "Publication type", FILTER_VALUE},
	{"country", "Country covered", FILTER_VALUE},
	{"keyword", "Keyword", FILTER_VALUE},
	{"method", "Research method", FILTER_VALUE},
	{"language", "Language", FILTER_VALUE},
};

static const char *const case_browse[] = {"act", "means", "purpose", "sector"};
static const char *const law_browse[] = {"topic"};
/* The short list first: a long one would push it out of sight. */
static const char *const bib_browse[] = {"method", "keyword"};

static const struct link_info case_link = {DB_LEGISLATION, "Laws applied",
					  "case_rowid", "law_rowid"};
static const struct link_info law_link = {DB_CASES, "Cases applying this law",
					 "law_rowid", "case_rowid"};

#define TABLES(f, c, fl, b) f, N(f), c, N(c), fl, N(fl), b, N(b)

const struct db_info catalog[DB_COUNT] = {
	[DB_CASES] = {"cases", "Case Law", "cases", "cases_fts", "case", "cases",
		      "decision_date",
		      TABLES(case_fields, case_columns, case_filters, case_browse),
		      "country", &case_link},
	[DB_LEGISLATION] = {"legislation", "Legislation", "legislation",
			    "legislation_fts", "law", "laws", "year",
			    TABLES(law_fields, law_columns, law_filters, law_browse),
			    "country", &law_link},
	[DB_BIBLIOGRAPHY] = {"bibliography", "Bibliography", "bibliography",
			     "bibliography_fts", "publication", "publications", "year",
			     TABLES(bib_fields, bib_columns, bib_filters, bib_browse),
			     "country", NULL},
};

int catalog_find(const char *name)
{
	for (int i = 0; i < DB_COUNT; i++)
		if (strcmp(name, catalog[i].name) == 0)
			return i;
	return -1;
}

const struct filter_info *catalog_filter(int db, const char *name)
{
	for (size_t i = 0; i < catalog[db].n_filters; i++)
		if (strcmp(name, catalog[db].filters[i].name) == 0)
			return &catalog[db].filters[i];
	return NULL;
}
