/* The catalog: everything that differs between Case Law, Legislation and
 * Bibliography, as tables. Field orders follow the portal (for cases, the
 * sections of a case brief). Nothing here is built from user text. */
#include "common/catalog.h"
#include "common/i18n.h"

#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The values of ours: closed vocabularies the portal defines, which the
 * kiosk shows in the reader's language through i18n_value (i18n.h) while
 * search, filters and the database keep the English value. Each is marked
 * NC_("value", ...), so that its msgid is "value\004<value>";
 * tests/unit/test_catalog.c checks po/htkp.pot has one for every value. */

/* The verdict of a case in lists and filters: htkp-import derives it from
 * the charges' verdicts (htkp/2) or maps the htkp/1 outcome onto it. */
static const char *const outcomes[] = {
	/* TRANSLATORS: the verdicts of a case or of a charge, lower case as
	   they are shown in lists, filters and a case's record. */
	NC_("value", "convicted"), NC_("value", "acquitted"),
	NC_("value", "partially convicted"), NC_("value", "violation found"),
	NC_("value", "no violation"), NC_("value", "pending"),
	/* TRANSLATORS: a verdict or research method of no listed kind. */
	NC_("value", "other"), NULL
};
/* What htkp/1 files may say: old files keep importing as they are.
 * "mixed" and "quashed or retrial" are stored as "partially convicted"
 * and "pending" (src/import/import_load.c): never shown, not marked. */
const char *const v1_outcomes[] = {
	"convicted", "acquitted", "mixed", "quashed or retrial",
	"violation found", "no violation", "other", NULL
};
const char *const charge_verdicts[] = {
	"convicted", "acquitted", "violation found", "no violation", "pending",
	NULL
};
static const char *const methods[] = {
	/* TRANSLATORS: categories of research method of a publication. */
	NC_("value", "legal analysis"), NC_("value", "quantitative"),
	NC_("value", "qualitative"), NC_("value", "review"),
	NC_("value", "policy analysis"), NC_("value", "training material"),
	"other", NULL
};
const char *const law_statuses[] = {
	/* TRANSLATORS: the status of a law. */
	NC_("value", "in force"), NC_("value", "amended"),
	NC_("value", "repealed"), NULL
};
/* The controlled vocabularies of the Protocol's definition (article 3)
 * and the form of trafficking, in the portal's words.
 * TRANSLATORS: the acts, means and purposes below are the wording of
 * article 3 of the Trafficking in Persons Protocol: use the Protocol's
 * authentic text in your language (the UN publishes it in Arabic,
 * Chinese, English, French, Russian and Spanish), with a capital first
 * letter as here. */
static const char *const acts[] = {
	/* TRANSLATORS: the acts of trafficking, Protocol article 3(a): use the
	   Protocol's authentic wording in your language. */
	NC_("value", "Recruitment"), NC_("value", "Transportation"),
	NC_("value", "Transfer"), NC_("value", "Harbouring"),
	NC_("value", "Receipt"), NULL
};
/* TRANSLATORS: the means of trafficking, Protocol article 3(a): use the
   Protocol's authentic wording in your language. */
#define COERCION NC_("value", "Threat or use of force or other forms of coercion")
/* TRANSLATORS: a means of trafficking, Protocol article 3(a). */
#define ABUSE NC_("value", "Abuse of power or of a position of vulnerability")
/* TRANSLATORS: a means of trafficking, Protocol article 3(a). */
#define PAYMENTS NC_("value", "Giving or receiving payments or benefits to " \
	"achieve the consent of a person having control over another person")
static const char *const means[] = {
	/* TRANSLATORS: means of trafficking, Protocol article 3(a). */
	COERCION, NC_("value", "Abduction"), NC_("value", "Fraud"),
	NC_("value", "Deception"), ABUSE, PAYMENTS, NULL
};
static const char *const means_aliases[] = {
	"threat", COERCION, "use of force", COERCION, "coercion", COERCION,
	"threat or use of force", COERCION,
	"abuse of power", ABUSE, "abuse of a position of vulnerability", ABUSE,
	"giving or receiving payments or benefits", PAYMENTS, NULL
};
/* TRANSLATORS: the purposes of exploitation, Protocol article 3(a): use
   the Protocol's authentic wording in your language. */
#define SEXUAL NC_("value", "Exploitation of the prostitution of others or " \
	"other forms of sexual exploitation")
static const char *const purposes[] = {
	/* TRANSLATORS: purposes of exploitation: the first four are the
	   Protocol's words (article 3(a)); the rest are the portal's. */
	SEXUAL, NC_("value", "Forced labour or services"),
	NC_("value", "Slavery or practices similar to slavery"),
	NC_("value", "Servitude"), NC_("value", "Removal of organs"),
	NC_("value", "Forced begging"), NC_("value", "Forced criminality"),
	NC_("value", "Forced marriage"), NC_("value", "Illegal adoption"),
	/* TRANSLATORS: a purpose of exploitation of no listed kind. */
	NC_("value", "Other"), NULL
};
static const char *const purpose_aliases[] = {
	"sexual exploitation", SEXUAL, "prostitution", SEXUAL,
	"forced labour", "Forced labour or services",
	"forced labor", "Forced labour or services",
	"slavery", "Slavery or practices similar to slavery",
	"organ removal", "Removal of organs", NULL
};
static const char *const forms[] = {
	/* TRANSLATORS: the form of trafficking: within one country, or
	   across borders. */
	NC_("value", "Internal"), NC_("value", "Transnational"), NULL
};

/* One field_info each; members a kind has no use for stay NULL. */
#define F_TEXT(l, col) {.kind = FIELD_TEXT, .label = l, .source = col}
#define F_LIST(l, fac) {.kind = FIELD_LIST, .label = l, .source = fac}
/* A field holding values of ours (vals), shown translated. */
#define F_TEXT_V(l, col, vals) {.kind = FIELD_TEXT, .label = l, .source = col, \
	.values = vals}
#define F_LIST_V(l, fac, vals) {.kind = FIELD_LIST, .label = l, .source = fac, \
	.values = vals}
#define F_FLAG(l, col, y, n, fac) {.kind = FIELD_FLAG, .label = l, \
	.source = col, .yes = y, .no = n, .facet = fac}
#define F_HEADING(l) {.kind = FIELD_HEADING, .label = l}
#define F_PROCEEDINGS(l) {.kind = FIELD_PROCEEDINGS, .label = l}
#define F_LINKS(l) {.kind = FIELD_LINKS, .label = l}
#define F_DEFENDANTS(l) {.kind = FIELD_DEFENDANTS, .label = l}
#define F_PROVISIONS(l) {.kind = FIELD_PROVISIONS, .label = l}
#define F_SUMMARY(l, src) {.kind = FIELD_SUMMARY, .label = l, .source = src}

/* A case brief in the portal's order and words (PORTAL.md): the head of
 * the brief, Fact Summary, Keywords in six categories, then the sections
 * of the procedure and the people, the court, and the commentary last. */
static const struct field_info case_fields[] = {
	F_TEXT(N_("Crime type"), "crime_type"),
	F_TEXT(N_("Case number"), "case_number"),
	F_TEXT(N_("Country"), "country"),
	F_TEXT(N_("Decision date"), "decision_date"),
	F_TEXT_V(N_("Verdict"), "outcome", outcomes),
	F_TEXT(N_("Verdict as given"), "verdict"),
	/* TRANSLATORS: the penalty the court imposed. */
	F_TEXT(N_("Sentence"), "sentence"),
	F_HEADING(N_("Fact Summary")),
	F_TEXT("", "summary"),
	F_TEXT(N_("Sentence Date"), "sentence_date"),
	F_TEXT(N_("Author"), "author"),
	F_HEADING(N_("Keywords")),
	F_LIST_V(N_("Acts"), "act", acts),
	/* TRANSLATORS: a heading: the means of trafficking (Protocol art. 3). */
	F_LIST_V(N_("Means"), "means", means),
	F_LIST_V(N_("Purpose of exploitation"), "purpose", purposes),
	F_LIST_V(N_("Form of trafficking"), "form", forms),
	F_LIST(N_("Sector in which exploitation takes place"), "sector"),
	F_LIST(N_("International cooperation"), "cooperation"),
	F_HEADING(N_("Cross-Cutting Issues")),
	F_LIST("", "cross_cutting"),
	F_HEADING(N_("Involved Countries")),
	F_LIST("", "country_involved"),
	F_HEADING(N_("Procedural Information")),
	F_TEXT(N_("Legal System"), "legal_system"),
	F_TEXT(N_("Latest Court Ruling"), "latest_ruling"),
	F_TEXT(N_("Type of Proceeding"), "proceeding_type"),
	F_PROCEEDINGS(N_("Instances")),
	F_HEADING(N_("Victims")),
	/* TRANSLATORS: how many victims (or defendants) there were. */
	F_TEXT(N_("Number"), "victims_count"),
	F_LIST(N_("Gender"), "victim_gender"),
	F_TEXT(N_("Age"), "victims_age"),
	F_FLAG(N_("Children"), "victims_children",
	       NC_("value", "yes"), NC_("value", "no"), "children"),
	F_LIST(N_("Nationality"), "victim_nationality"),
	F_HEADING(N_("Defendants")),
	/* TRANSLATORS: shown as "Defendant 1", "Defendant 2": see "%1$s %2$zu". */
	F_DEFENDANTS(N_("Defendant")),
	F_SUMMARY(N_("Number"), "defendants_count"),
	F_SUMMARY(N_("Gender"), "@defendant_gender"),
	F_SUMMARY(N_("Nationality"), "@defendant_nationality"),
	F_LINKS(N_("Laws applied")),
	F_HEADING(N_("Court")),
	/* TRANSLATORS: the name of the court, under the heading "Court". */
	F_TEXT(N_("Name"), "court"),
	F_TEXT(N_("Location"), "court_location"),
	F_TEXT(N_("Type of court"), "court_type"),
	F_HEADING(N_("Sources / Citations")),
	F_TEXT("", "source"),
	F_TEXT(N_("Full decision"), "decision_url"),
	F_HEADING(N_("Commentary / Significant Features")),
	F_TEXT("", "commentary"),
};

static const struct field_info law_fields[] = {
	F_TEXT(N_("Country"), "country"),
	/* TRANSLATORS: law, code, decree... */
	F_TEXT(N_("Type of instrument"), "instrument_type"),
	F_TEXT(N_("Year"), "year"),
	F_TEXT(N_("Adoption date"), "adopted"),
	F_TEXT(N_("Entry into force"), "in_force"),
	/* TRANSLATORS: whether a law is in force, amended or repealed. */
	F_TEXT_V(N_("Status"), "status", law_statuses),
	F_LIST(N_("Offences"), "offence"),
	F_LIST_V(N_("Acts"), "act", acts),
	/* TRANSLATORS: a heading: the means of trafficking (Protocol art. 3). */
	F_LIST_V(N_("Means"), "means", means),
	F_LIST_V(N_("Purposes of exploitation"), "purpose", purposes),
	F_LIST(N_("Topics"), "topic"),
	F_HEADING(N_("Summary")),
	F_TEXT("", "summary"),
	F_PROVISIONS(N_("Provisions")),
	F_TEXT(N_("Full text"), "url"),
	F_LINKS(N_("Cases applying this law")),
};

static const struct field_info bib_fields[] = {
	F_LIST(N_("Authors"), "author"),
	F_TEXT(N_("Year"), "year"),
	/* TRANSLATORS: the type of a publication (book, article, report). */
	F_TEXT(N_("Type"), "type"),
	F_TEXT(N_("Publisher"), "publisher"),
	F_TEXT(N_("Language"), "language"),
	F_LIST(N_("Countries covered"), "country"),
	F_LIST(N_("Keywords"), "keyword"),
	F_TEXT(N_("Research method"), "method"),
	F_LIST_V(N_("Method categories"), "method", methods),
	F_HEADING(N_("Synopsis")),
	F_TEXT("", "abstract"),
	/* TRANSLATORS: the web address of a publication. */
	F_TEXT(N_("Link"), "url"),
	F_TEXT(N_("DOI"), "doi"),
	F_TEXT(N_("ISBN"), "isbn"),
};

/* TRANSLATORS: a column heading of a result list: as short as the
   language allows; the Year column is 4 columns wide. */
static const struct column_info case_columns[] = {
	{NC_("column heading", "Title"), "title", 0, 0},
	{NC_("column heading", "Country"), "country", 16, 50},
	{NC_("column heading", "Year"), "year", 4, 0},
	{NC_("column heading", "Verdict"), "outcome", 18, 64},
};
static const struct column_info law_columns[] = {
	{NC_("column heading", "Title"), "title", 0, 0},
	{NC_("column heading", "Country"), "country", 16, 50},
	{NC_("column heading", "Year"), "year", 4, 0},
};
static const struct column_info bib_columns[] = {
	{NC_("column heading", "First author"), "first_author", 22, 50},
	{NC_("column heading", "Year"), "year", 4, 0},
	{NC_("column heading", "Title"), "title", 0, 0},
};

/* The portal's case filters, in its order where it has one. Sentence
 * date, latest court ruling, type of proceeding, type of court, law
 * applied and cross-cutting issues are facets of htkp/2 records. */
static const struct filter_info case_filters[] = {
	{"country", N_("Country"), FILTER_VALUE, NULL, NULL},
	{"year", N_("Decision year"), FILTER_YEAR, NULL, NULL},
	{"sentence_year", N_("Sentence date"), FILTER_YEAR, NULL, NULL},
	{"outcome", N_("Verdict"), FILTER_VALUE, outcomes, NULL},
	{"court", N_("Court"), FILTER_VALUE, NULL, NULL},
	{"court_type", N_("Type of court"), FILTER_VALUE, NULL, NULL},
	{"legal_system", N_("Legal system"), FILTER_VALUE, NULL, NULL},
	{"latest_ruling", N_("Latest court ruling"), FILTER_VALUE, NULL, NULL},
	{"proceeding_type", N_("Type of proceeding"), FILTER_VALUE, NULL, NULL},
	{"law", N_("Law applied"), FILTER_VALUE, NULL, "legislation"},
	{"act", N_("Acts"), FILTER_VALUE, NULL, NULL},
	{"means", N_("Means"), FILTER_VALUE, NULL, NULL},
	{"purpose", N_("Purpose of exploitation"), FILTER_VALUE, NULL, NULL},
	{"form", N_("Form of trafficking"), FILTER_VALUE, NULL, NULL},
	{"sector", N_("Sector in which exploitation takes place"), FILTER_VALUE, NULL, NULL},
	{"cooperation", N_("International cooperation"), FILTER_VALUE, NULL, NULL},
	{"cross_cutting", N_("Cross-cutting issues"), FILTER_VALUE, NULL, NULL},
	{"country_involved", N_("Involved countries"), FILTER_VALUE, NULL, NULL},
	{"victim_gender", N_("Victims' gender"), FILTER_VALUE, NULL, NULL},
	{"children", N_("Child victims"), FILTER_VALUE, NULL, NULL},
	{"victim_nationality", N_("Victims' nationality"), FILTER_VALUE, NULL, NULL},
	{"defendant_gender", N_("Defendants' gender"), FILTER_VALUE, NULL, NULL},
	{"defendant_nationality", N_("Defendants' nationality"), FILTER_VALUE, NULL, NULL},
};
/* The portal searches laws by country, Convention/Protocol article, crime
 * type (the offence) and cross-cutting issue. */
static const struct filter_info law_filters[] = {
	{"country", N_("Country"), FILTER_VALUE, NULL, NULL},
	{"year", N_("Year"), FILTER_YEAR, NULL, NULL},
	{"topic", N_("Topic"), FILTER_VALUE, NULL, NULL},
	{"offence", N_("Offence"), FILTER_VALUE, NULL, NULL},
	{"article", N_("Protocol/Convention article"), FILTER_VALUE, NULL, NULL},
	{"type", N_("Instrument type"), FILTER_VALUE, NULL, NULL},
	{"status", N_("Status"), FILTER_VALUE, NULL, NULL},
	{"cross_cutting", N_("Cross-cutting issues"), FILTER_VALUE, NULL, NULL},
};
static const struct filter_info bib_filters[] = {
	{"year", N_("Year"), FILTER_YEAR, NULL, NULL},
	{"type", N_("Publication type"), FILTER_VALUE, NULL, NULL},
	{"country", N_("Country covered"), FILTER_VALUE, NULL, NULL},
	{"keyword", N_("Keyword"), FILTER_VALUE, NULL, NULL},
	{"method", N_("Research method"), FILTER_VALUE, methods, NULL},
	{"language", N_("Language"), FILTER_VALUE, NULL, NULL},
};

/* The six keyword categories of a case brief, in the portal's order. */
static const char *const case_browse[] = {"act", "means", "purpose", "form", "sector",
					  "cooperation"};
static const char *const law_browse[] = {"topic", "article", "offence"};
/* The short list first: a long one would push it out of sight. */
static const char *const bib_browse[] = {"method", "keyword"};

/* A case is found by the laws it applied; a law is not found by the
 * cases that applied it (their names would drown its own words). */
static const struct link_info case_link = {DB_LEGISLATION, N_("Laws applied"),
					  "case_rowid", "law_rowid", 1};
static const struct link_info law_link = {DB_CASES, N_("Cases applying this law"),
					 "law_rowid", "case_rowid", 0};

/* charge_verdicts are outcomes too; v1_outcomes are never stored. */
const char *const *const shown_vocabularies[] = {
	outcomes, methods, law_statuses, acts, means, purposes, forms, NULL
};

static const struct vocab vocabs[] = {
	{"act", "an Act", acts, NULL},
	{"means", "a Means", means, means_aliases},
	{"purpose", "a Purpose of exploitation", purposes, purpose_aliases},
	{"form", "a Form of trafficking", forms, NULL},
};

#define TS(p, f, s, fm) {p, f, s, fm, MERGE_NONE, NULL}
#define TS_OPEN(p, f, s, fm) {p, f, s, fm, MERGE_OPEN, NULL}
#define TS_VOCAB(p, f, s, fm, v) {p, f, s, fm, MERGE_VOCAB, v}

/* Defendants' names are not searched: a search for a word of the facts
 * should not land on a person's name. The verdict, sentence year, child
 * victims, form (htkp/1) and laws applied are facets made from columns
 * (src/import/import_load.c). */
static const struct text_source case_texts[] = {
	TS("country", "country", 1, FMT_ANY),
	TS("court", "court", 1, FMT_ANY),
	TS("summary", NULL, 1, FMT_ANY),
	TS("commentary", NULL, 1, FMT_ANY),
	TS_OPEN("countries_involved", "country_involved", 1, FMT_ANY),
	TS("victims.gender", "victim_gender", 0, FMT_ANY),
	TS("victims.nationalities", "victim_nationality", 1, FMT_ANY),
	TS("defendants.gender", "defendant_gender", 0, FMT_ANY),
	/* htkp/1 */
	TS("verdict", NULL, 1, FMT_1),
	TS("sentence", NULL, 1, FMT_1),
	TS("legal_system", "legal_system", 0, FMT_1),
	TS_VOCAB("acts", "act", 1, FMT_1, "act"),
	TS_VOCAB("means", "means", 1, FMT_1, "means"),
	TS_VOCAB("purposes", "purpose", 1, FMT_1, "purpose"),
	TS_OPEN("sectors", "sector", 1, FMT_1),
	TS_OPEN("cooperation", "cooperation", 1, FMT_1),
	TS("proceedings.court", NULL, 1, FMT_1),
	TS("proceedings.decision", NULL, 1, FMT_1),
	TS("proceedings.sentence", NULL, 1, FMT_1),
	TS("defendants.nationalities", "defendant_nationality", 1, FMT_1),
	/* htkp/2 */
	TS("crime_type", NULL, 1, FMT_2),
	TS("case_number", NULL, 1, FMT_2),
	TS("author", NULL, 1, FMT_2),
	TS_VOCAB("keywords.acts", "act", 1, FMT_2, "act"),
	TS_VOCAB("keywords.means", "means", 1, FMT_2, "means"),
	TS_VOCAB("keywords.purposes", "purpose", 1, FMT_2, "purpose"),
	TS_VOCAB("keywords.form", "form", 0, FMT_2, "form"),
	TS_OPEN("keywords.sectors", "sector", 1, FMT_2),
	TS_OPEN("keywords.cooperation", "cooperation", 1, FMT_2),
	TS_OPEN("cross_cutting", "cross_cutting", 1, FMT_2),
	TS("procedure.legal_system", "legal_system", 0, FMT_2),
	TS("procedure.latest_ruling", "latest_ruling", 1, FMT_2),
	TS("procedure.proceeding_type", "proceeding_type", 1, FMT_2),
	TS("procedure.instances.court", NULL, 1, FMT_2),
	TS("procedure.instances.decision_number", NULL, 1, FMT_2),
	TS("procedure.instances.outcome", NULL, 1, FMT_2),
	TS("procedure.instances.sentence", NULL, 1, FMT_2),
	TS("victims.age", NULL, 1, FMT_2),
	TS("defendants.nationality", "defendant_nationality", 1, FMT_2),
	TS("defendants.charges.charge", NULL, 1, FMT_2),
	TS("defendants.charges.statute", NULL, 1, FMT_2),
	TS("defendants.charges.sentence", NULL, 1, FMT_2),
	TS("court_location", NULL, 1, FMT_2),
	TS("court_type", "court_type", 1, FMT_2),
	TS("sources", NULL, 1, FMT_2),
};
static const struct text_source law_texts[] = {
	TS("country", "country", 1, FMT_ANY),
	TS("summary", NULL, 1, FMT_ANY),
	TS_OPEN("topics", "topic", 1, FMT_ANY),
	/* htkp/2 */
	TS("instrument_type", "type", 1, FMT_2),
	TS("status", "status", 0, FMT_2),
	TS_OPEN("offences", "offence", 1, FMT_2),
	TS_VOCAB("acts", "act", 1, FMT_2, "act"),
	TS_VOCAB("means", "means", 1, FMT_2, "means"),
	TS_VOCAB("purposes", "purpose", 1, FMT_2, "purpose"),
	TS("provisions.article", NULL, 1, FMT_2),
	TS("provisions.heading", NULL, 1, FMT_2),
	TS("provisions.text", NULL, 1, FMT_2),
	TS("provisions.implements", "article", 0, FMT_2),
	TS_OPEN("provisions.cross_cutting", "cross_cutting", 1, FMT_2),
};
static const struct text_source bib_texts[] = {
	TS("authors", "author", 1, FMT_ANY),
	TS("type", "type", 0, FMT_ANY),
	TS("publisher", NULL, 1, FMT_ANY),
	TS("countries", "country", 1, FMT_ANY),
	TS("keywords", "keyword", 1, FMT_ANY),
	TS("method", NULL, 1, FMT_ANY),
	TS("methods", "method", 0, FMT_ANY),
	TS("abstract", NULL, 1, FMT_1),
	TS("synopsis", NULL, 1, FMT_2),
	TS("language", "language", 0, FMT_ANY),
};

static const char *const case_column_facets[] = {
	"year", "outcome", "children", "form", "sentence_year", "law", NULL
};
static const char *const year_facet[] = { "year", NULL };
const char *const *const column_facets[DB_COUNT] = {
	[DB_CASES] = case_column_facets, [DB_LEGISLATION] = year_facet,
	[DB_BIBLIOGRAPHY] = year_facet,
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
	[DB_CASES] = {"cases", N_("Case Law"), N_("Case Law Database"), "cases", "cases_fts",
		      "decision_date",
		      TABLES(case_fields, case_columns, case_filters, case_browse),
		      "country", &case_link, case_texts, N(case_texts)},
	[DB_LEGISLATION] = {"legislation", N_("Legislation"), N_("Database of Legislation"),
			    "legislation",
			    "legislation_fts", "year",
			    TABLES(law_fields, law_columns, law_filters, law_browse),
			    "country", &law_link, law_texts, N(law_texts)},
	[DB_BIBLIOGRAPHY] = {"bibliography", N_("Bibliography"), N_("Bibliographic Database"),
			     "bibliography",
			     "bibliography_fts", "year",
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

const struct vocab *catalog_vocab(const char *name)
{
	for (size_t i = 0; i < N(vocabs); i++)
		if (strcmp(name, vocabs[i].name) == 0)
			return &vocabs[i];
	return NULL;
}

/* ASCII folding is enough: every vocabulary value is ASCII, so text with
 * other letters matches none of them whatever its case. */
static int fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* s[0..n) folded, white space runs as one space, none at the ends, into
 * out (NUL-terminated, cut at size - 1); returns its length. */
static size_t vocab_key(const char *s, size_t n, char *out, size_t size)
{
	size_t o = 0;
	int gap = 0;
	for (size_t i = 0; i < n && o + 2 < size; i++) {
		if (is_space((unsigned char)s[i])) {
			gap = o > 0;
			continue;
		}
		if (gap)
			out[o++] = ' ';
		gap = 0;
		out[o++] = (char)fold((unsigned char)s[i]);
	}
	out[o] = '\0';
	return o;
}

static int same_key(const char *value, const char *key)
{
	char k[256];
	vocab_key(value, strlen(value), k, sizeof k);
	return strcmp(k, key) == 0;
}

const char *vocab_match(const struct vocab *v, const char *s, size_t n,
			int aliases)
{
	char key[256];
	if (n >= sizeof key - 1)
		return NULL;    /* longer than any value */
	vocab_key(s, n, key, sizeof key);
	for (size_t i = 0; v->values[i]; i++)
		if (same_key(v->values[i], key))
			return v->values[i];
	for (size_t i = 0; aliases && v->aliases && v->aliases[i]; i += 2)
		if (same_key(v->aliases[i], key))
			return v->aliases[i + 1];
	return NULL;
}

/* Whether every word of key is a word of value (both keys). */
static int words_within(const char *key, const char *value)
{
	size_t vlen = strlen(value);
	for (const char *w = key; *w;) {
		size_t len = strcspn(w, " ");
		int found = 0;
		for (const char *p = value; p < value + vlen && !found;) {
			size_t plen = strcspn(p, " ");
			found = plen == len && memcmp(p, w, len) == 0;
			p += plen + (p[plen] == ' ');
		}
		if (!found)
			return 0;
		w += len + (w[len] == ' ');
	}
	return 1;
}

/* Levenshtein distance of two keys of under 256 bytes. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[256];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *vocab_closest(const struct vocab *v, const char *s, size_t n)
{
	char key[256], k[256];
	vocab_key(s, n, key, sizeof key);
	for (size_t i = 0; key[0] && v->values[i]; i++) {
		vocab_key(v->values[i], strlen(v->values[i]), k, sizeof k);
		if (strncmp(k, key, strlen(key)) == 0 || words_within(key, k))
			return v->values[i];
	}
	const char *best = v->values[0];
	size_t best_d = (size_t)-1;
	for (size_t i = 0; v->values[i]; i++) {
		vocab_key(v->values[i], strlen(v->values[i]), k, sizeof k);
		size_t d = distance(key, k);
		if (d < best_d) {
			best_d = d;
			best = v->values[i];
		}
	}
	return best;
}
