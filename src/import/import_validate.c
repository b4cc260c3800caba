/* htkp-import record checks. The fields of htkp/1 and htkp/2 are described
 * as data (the tables below); one walk over json_tree() of every staged record
 * checks types, required fields, dates, years and categories against them.
 * Checks across records (duplicate ids, dangling law references) are SQL. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "import/import.h"

enum vtype { VT_TEXT, VT_INT, VT_BOOL, VT_LIST, VT_OBJECT, VT_OBJECTS };
enum vcheck {
	VC_NONE, VC_DATE, VC_DAY, VC_YEAR, VC_COUNT, VC_ID,
	VC_CHOICE,      /* one of the values of the catalog filter .choice */
	VC_ENUM,        /* one of .values, called .choice in messages */
	VC_VOCAB,       /* a value of the catalog vocabulary .choice */
	VC_TAG,         /* "Protocol art. N" or "UNTOC art. N" */
};

struct field {
	const char *name;
	enum vtype type;
	enum vcheck check;      /* for VT_LIST: of each element */
	int required;
	const struct field *sub;  /* fields of VT_OBJECT / VT_OBJECTS */
	const char *choice;     /* VC_CHOICE, VC_ENUM, VC_VOCAB: see above */
	const char *const *values;      /* VC_ENUM */
	int nonempty;           /* VT_OBJECTS: at least one element */
};

#define F(n, t) {.name = n, .type = t}
#define FC(n, t, c) {.name = n, .type = t, .check = c}
#define REQUIRED(n, c) {.name = n, .type = VT_TEXT, .check = c, .required = 1}
#define OBJECT(n, s) {.name = n, .type = VT_OBJECT, .sub = s}
#define OBJECTS(n, s) {.name = n, .type = VT_OBJECTS, .sub = s}
#define VOCAB(n, v) {.name = n, .type = VT_LIST, .check = VC_VOCAB, .choice = v}
#define ENUM(n, t, what, list) {.name = n, .type = t, .check = VC_ENUM, \
	.choice = what, .values = list}
#define END {.name = NULL}

/* htkp/1 */

static const struct field proceeding_fields[] = {
	F("court", VT_TEXT), FC("date", VT_TEXT, VC_DATE), F("decision", VT_TEXT),
	F("outcome", VT_TEXT), F("sentence", VT_TEXT), END
};

static const struct field victim_fields[] = {
	FC("count", VT_INT, VC_COUNT), F("gender", VT_LIST),
	F("children", VT_BOOL), F("nationalities", VT_LIST), END
};

static const struct field defendant_fields[] = {
	FC("count", VT_INT, VC_COUNT), F("gender", VT_LIST),
	F("nationalities", VT_LIST), END
};

static const struct field case_fields[] = {
	REQUIRED("id", VC_ID), FC("added", VT_TEXT, VC_DAY), REQUIRED("title", VC_NONE),
	REQUIRED("country", VC_NONE), F("court", VT_TEXT),
	FC("decision_date", VT_TEXT, VC_DATE), F("verdict", VT_TEXT),
	ENUM("outcome", VT_TEXT, "outcome", v1_outcomes),
	F("sentence", VT_TEXT), F("summary", VT_TEXT), F("commentary", VT_TEXT),
	VOCAB("acts", "act"), VOCAB("means", "means"),
	VOCAB("purposes", "purpose"), F("sectors", VT_LIST),
	F("cross_border", VT_BOOL), F("cooperation", VT_LIST),
	F("countries_involved", VT_LIST), F("legal_system", VT_TEXT),
	OBJECTS("proceedings", proceeding_fields),
	OBJECT("victims", victim_fields), OBJECT("defendants", defendant_fields),
	F("legislation", VT_LIST), F("source", VT_TEXT), END
};

static const struct field law_fields[] = {
	REQUIRED("id", VC_ID), FC("added", VT_TEXT, VC_DAY), REQUIRED("title", VC_NONE),
	REQUIRED("country", VC_NONE), FC("year", VT_INT, VC_YEAR),
	F("summary", VT_TEXT), F("topics", VT_LIST), F("url", VT_TEXT), END
};

static const struct field publication_fields[] = {
	REQUIRED("id", VC_ID), FC("added", VT_TEXT, VC_DAY), REQUIRED("title", VC_NONE),
	F("authors", VT_LIST),
	FC("year", VT_INT, VC_YEAR), F("type", VT_TEXT), F("publisher", VT_TEXT),
	F("countries", VT_LIST), F("keywords", VT_LIST), F("method", VT_TEXT),
	{.name = "methods", .type = VT_LIST, .check = VC_CHOICE, .choice = "method"},
	F("abstract", VT_TEXT), F("language", VT_TEXT), F("url", VT_TEXT),
	F("doi", VT_TEXT), F("isbn", VT_TEXT), END
};

/* htkp/2: db/htkp2.schema.json says the same as a JSON Schema. */

static const struct field keyword_fields_2[] = {
	VOCAB("acts", "act"), VOCAB("means", "means"),
	VOCAB("purposes", "purpose"), VOCAB("form", "form"),
	F("sectors", VT_LIST), F("cooperation", VT_LIST), END
};

static const struct field instance_fields_2[] = {
	F("court", VT_TEXT), FC("date", VT_TEXT, VC_DATE),
	F("decision_number", VT_TEXT), F("outcome", VT_TEXT),
	F("sentence", VT_TEXT), END
};

static const struct field procedure_fields_2[] = {
	F("legal_system", VT_TEXT), F("latest_ruling", VT_TEXT),
	F("proceeding_type", VT_TEXT), OBJECTS("instances", instance_fields_2),
	END
};

static const struct field victim_fields_2[] = {
	FC("count", VT_INT, VC_COUNT), F("gender", VT_LIST), F("age", VT_TEXT),
	F("children", VT_BOOL), F("nationalities", VT_LIST), END
};

static const struct field charge_fields_2[] = {
	REQUIRED("charge", VC_NONE), F("statute", VT_TEXT),
	FC("law", VT_TEXT, VC_ID), F("article", VT_TEXT),
	ENUM("verdict", VT_TEXT, "verdict", charge_verdicts),
	F("sentence", VT_TEXT), END
};

static const struct field defendant_fields_2[] = {
	F("name", VT_TEXT), F("gender", VT_TEXT), F("nationality", VT_TEXT),
	F("age", VT_TEXT),
	{.name = "charges", .type = VT_OBJECTS, .required = 1,
	 .sub = charge_fields_2, .nonempty = 1},
	END
};

static const struct field case_fields_2[] = {
	REQUIRED("id", VC_ID), FC("added", VT_TEXT, VC_DAY), REQUIRED("title", VC_NONE),
	F("crime_type", VT_TEXT), F("case_number", VT_TEXT),
	REQUIRED("country", VC_NONE), FC("decision_date", VT_TEXT, VC_DATE),
	F("sentence", VT_TEXT),
	FC("sentence_date", VT_TEXT, VC_DATE), F("author", VT_TEXT),
	F("summary", VT_TEXT), OBJECT("keywords", keyword_fields_2),
	F("cross_cutting", VT_LIST), F("countries_involved", VT_LIST),
	OBJECT("procedure", procedure_fields_2),
	OBJECT("victims", victim_fields_2),
	OBJECTS("defendants", defendant_fields_2),
	FC("legislation", VT_LIST, VC_ID), F("court", VT_TEXT),
	F("court_location", VT_TEXT), F("court_type", VT_TEXT),
	F("sources", VT_LIST), F("decision_url", VT_TEXT),
	F("commentary", VT_TEXT), END
};

static const struct field provision_fields_2[] = {
	REQUIRED("article", VC_NONE), F("heading", VT_TEXT), F("text", VT_TEXT),
	FC("implements", VT_LIST, VC_TAG), F("cross_cutting", VT_LIST), END
};

static const struct field law_fields_2[] = {
	REQUIRED("id", VC_ID), FC("added", VT_TEXT, VC_DAY), REQUIRED("title", VC_NONE),
	REQUIRED("country", VC_NONE), F("instrument_type", VT_TEXT),
	FC("year", VT_INT, VC_YEAR), FC("adopted", VT_TEXT, VC_DATE), FC("in_force", VT_TEXT, VC_DATE),
	ENUM("status", VT_TEXT, "status", law_statuses), F("summary", VT_TEXT),
	F("offences", VT_LIST), VOCAB("acts", "act"), VOCAB("means", "means"),
	VOCAB("purposes", "purpose"), F("topics", VT_LIST),
	OBJECTS("provisions", provision_fields_2), F("url", VT_TEXT), END
};

static const struct field publication_fields_2[] = {
	REQUIRED("id", VC_ID), FC("added", VT_TEXT, VC_DAY), REQUIRED("title", VC_NONE),
	F("authors", VT_LIST),
	FC("year", VT_INT, VC_YEAR), F("type", VT_TEXT), F("publisher", VT_TEXT),
	F("language", VT_TEXT), F("countries", VT_LIST), F("method", VT_TEXT),
	{.name = "methods", .type = VT_LIST, .check = VC_CHOICE, .choice = "method"},
	F("keywords", VT_LIST), F("synopsis", VT_TEXT), F("url", VT_TEXT),
	F("doi", VT_TEXT), F("isbn", VT_TEXT), END
};

/* By format (1, 2) and database. */
static const struct field *const record_fields[3][DB_COUNT] = {
	[1] = { [DB_CASES] = case_fields, [DB_LEGISLATION] = law_fields,
		[DB_BIBLIOGRAPHY] = publication_fields },
	[2] = { [DB_CASES] = case_fields_2, [DB_LEGISLATION] = law_fields_2,
		[DB_BIBLIOGRAPHY] = publication_fields_2 },
};

/* A record's fields are bits of an unsigned long while it is walked. */
#define FIELD_BITS (sizeof(unsigned long) * CHAR_BIT)
_Static_assert(sizeof case_fields / sizeof case_fields[0] <= FIELD_BITS,
	       "more case fields than bits");
_Static_assert(sizeof publication_fields / sizeof publication_fields[0]
	       <= FIELD_BITS, "more publication fields than bits");
_Static_assert(sizeof case_fields_2 / sizeof case_fields_2[0] <= FIELD_BITS,
	       "more htkp/2 case fields than bits");

/* What the walk knows about an open object or array of the record. */
enum frame_kind { FR_FIELDS, FR_LIST, FR_OBJECTS, FR_SKIP };

struct frame {
	sqlite3_int64 node;             /* json_tree id */
	enum frame_kind kind;
	const struct field *field;      /* FR_FIELDS: the table; else the field */
	unsigned long seen, present;    /* FR_FIELDS: bits by table index */
	unsigned long twice;            /* FR_FIELDS: "given twice" said */
	size_t path_len;                /* of this container's path */
	long children;                  /* FR_OBJECTS: elements present */
};

#define MAX_FRAMES 2048         /* > SQLite's JSON depth limit of 2000 */

struct walk {
	struct imp *imp;
	enum db db;                     /* of the record being walked */
	int fmt;                        /* its format: 1 or 2 */
	struct imp_loc loc;             /* the record being walked */
	char id[128];                   /* loc.id points here */
	char path[256];                 /* field path for messages */
	struct frame frames[MAX_FRAMES];
	int depth;
};

/* One json_tree() row. */
struct node {
	sqlite3_int64 id;
	const char *key;                /* NULL for array elements */
	sqlite3_int64 index;            /* for array elements */
	const char *type;
	const char *text;               /* atom as text */
	int bytes;
	sqlite3_value *atom;
};

static const char *want_name(enum vtype t)
{
	static const char *const names[] = {
		"a string", "a whole number", "true or false",
		"an array of strings", "an object", "an array of objects"
	};
	return names[t];
}

static void report(struct walk *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void report(struct walk *w, const char *fmt, ...)
{
	struct imp_loc loc = w->loc;
	loc.field = w->path;
	va_list ap;
	va_start(ap, fmt);
	imp_verror(w->imp, &loc, fmt, ap);
	va_end(ap);
}

static int in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return 1;
	return 0;
}

/* A value of a closed list: one of values, which what names. */
static void check_choice(struct walk *w, const struct node *n, const char *s,
			 size_t len, const char *what, const char *const *values)
{
	if (!values || in_list(values, s, len))
		return;
	char want[512] = "";
	size_t used = 0;
	for (size_t i = 0; values[i] && used < sizeof want; i++)
		used += (size_t)snprintf(want + used, sizeof want - used, "%s\"%s\"",
					 i ? ", " : "", values[i]);
	char q[IMP_QUOTE_MAX];
	report(w, "bad %s %s (want one of %s)", what, imp_quote(q, n->text), want);
}

/* A keyword of a controlled vocabulary. htkp/2 must use its words; an
 * htkp/1 file may use the old short forms, and keeps any other value as
 * "Other: ..." with a warning, so that old data always imports. */
static void check_vocab(struct walk *w, const struct node *n, const char *s,
			size_t len, const char *name)
{
	const struct vocab *v = catalog_vocab(name);
	char q[IMP_QUOTE_MAX];
	if (!v || vocab_match(v, s, len, w->fmt == 1))
		return;
	if (w->fmt == 1) {
		struct imp_loc loc = w->loc;
		loc.field = w->path;
		char other[IMP_QUOTE_MAX + 8], qo[IMP_QUOTE_MAX];
		snprintf(other, sizeof other, "Other: %.*s",
			 (int)(len < IMP_QUOTE_MAX ? len : IMP_QUOTE_MAX), s);
		imp_warn(w->imp, &loc, "%s is not %s keyword: kept as %s",
			 imp_quote(q, n->text), v->noun, imp_quote(qo, other));
		return;
	}
	report(w, "%s is not %s keyword; did you mean \"%s\"?",
	       imp_quote(q, n->text), v->noun, vocab_closest(v, s, len));
}

/* An article tag of a provision: "Protocol art. 5", "UNTOC art. 16 ...". */
static int is_tag(const char *s, size_t len)
{
	static const char *const heads[] = { "Protocol art. ", "UNTOC art. " };
	for (size_t i = 0; i < 2; i++) {
		size_t h = strlen(heads[i]);
		if (len > h && memcmp(s, heads[i], h) == 0 && s[h] >= '0' && s[h] <= '9')
			return 1;
	}
	return 0;
}

/* A string's trimmed value against its field's rule (f NULL: none).
 * Returns whether the string holds anything (blank strings count as
 * absent). */
static int check_text(struct walk *w, const struct node *n, const struct field *f)
{
	const char *s = n->text;
	if (strlen(s) != (size_t)n->bytes
	    || u8_check((const uint8_t *)s, (size_t)n->bytes)) {
		report(w, "bad text: a \\u escape of a lone surrogate");
		return 1;
	}
	size_t start, len;
	imp_trim(s, (size_t)n->bytes, &start, &len);
	enum vcheck c = f ? f->check : VC_NONE;
	char q[IMP_QUOTE_MAX];
	const struct filter_info *filter;
	if (len == 0 && c == VC_VOCAB && w->fmt == 2) {
		const struct vocab *v = catalog_vocab(f->choice);
		report(w, "empty value (want %s keyword)", v ? v->noun : "a");
	}
	if (len == 0)
		return 0;
	s += start;
	const char *why;
	if (c == VC_DATE && !imp_is_date(s, len))
		report(w, "bad date %s (want YYYY, YYYY-MM or YYYY-MM-DD)",
		       imp_quote(q, n->text));
	else if (c == VC_DAY && (len != 10 || !imp_is_date(s, len)))
		report(w, "bad day %s (want YYYY-MM-DD)", imp_quote(q, n->text));
	else if (c == VC_CHOICE && (filter = catalog_filter(w->db, f->choice)))
		check_choice(w, n, s, len, f->choice, filter->values);
	else if (c == VC_ENUM)
		check_choice(w, n, s, len, f->choice, f->values);
	else if (c == VC_VOCAB)
		check_vocab(w, n, s, len, f->choice);
	else if (c == VC_TAG && !is_tag(s, len))
		report(w, "bad article tag %s (want \"Protocol art. N\" or "
		       "\"UNTOC art. N\")", imp_quote(q, n->text));
	else if (c == VC_ID && (why = imp_id_problem(s, len)))
		report(w, "bad id %s: it holds %s (an id is printable text, "
		       "without slashes)", imp_quote(q, n->text), why);
	return 1;
}

static void check_number(struct walk *w, const struct node *n, enum vcheck c)
{
	int whole = strcmp(n->type, "integer") == 0;
	sqlite3_int64 v = sqlite3_value_int64(n->atom);
	const char *num = n->text;
	if (c == VC_YEAR && (!whole || v < 1000 || v > 9999))
		report(w, "bad year %s (want a whole number from 1000 to 9999)",
			   num);
	else if (c == VC_COUNT && (!whole || v < 0))
		report(w, "bad count %s (want a whole number, 0 or more)", num);
}

static int type_fits(enum vtype t, const char *type)
{
	switch (t) {
	case VT_TEXT: return strcmp(type, "text") == 0;
	case VT_INT: return strcmp(type, "integer") == 0 || strcmp(type, "real") == 0;
	case VT_BOOL: return strcmp(type, "true") == 0 || strcmp(type, "false") == 0;
	case VT_OBJECT: return strcmp(type, "object") == 0;
	case VT_LIST:
	case VT_OBJECTS: return strcmp(type, "array") == 0;
	}
	return 0;
}

static int is_container(const char *type)
{
	return strcmp(type, "object") == 0 || strcmp(type, "array") == 0;
}

/* Checks a value of type t; returns whether it is present (not null, not
 * blank: both mean absent, in a list too). *descend says whether its
 * children are to be walked. */
static int check_value(struct walk *w, const struct node *n, enum vtype t,
		       const struct field *f, int *descend)
{
	*descend = 0;
	if (strcmp(n->type, "null") == 0)
		return 0;
	if (!type_fits(t, n->type)) {
		char q[IMP_QUOTE_MAX];
		if (strcmp(n->type, "text") == 0)
			report(w, "wrong type: string %s (want %s)",
			       imp_quote(q, n->text), want_name(t));
		else
			report(w, "wrong type: %s (want %s)", imp_type_name(n->type),
				   want_name(t));
		return 1;
	}
	if (t == VT_TEXT)
		return check_text(w, n, f);
	if (t == VT_INT)
		check_number(w, n, f ? f->check : VC_NONE);
	*descend = is_container(n->type);
	return 1;
}

static void path_push(struct walk *w, const struct node *n)
{
	size_t len = strlen(w->path), room = sizeof w->path - len;
	if (n->key)
		snprintf(w->path + len, room, "%s%s", len ? "." : "", n->key);
	else
		snprintf(w->path + len, room, "[%lld]", (long long)n->index);
}

static void frame_push(struct walk *w, const struct node *n,
					   enum frame_kind kind, const struct field *field)
{
	if (w->depth >= MAX_FRAMES)
		return;         /* deeper than SQLite parses: cannot happen */
	struct frame *fr = &w->frames[w->depth++];
	fr->node = n->id;
	fr->kind = kind;
	fr->field = field;
	fr->seen = fr->present = fr->twice = 0;
	fr->children = 0;
	fr->path_len = strlen(w->path);
}

/* Closing an object: were its required fields there? */
static void frame_pop(struct walk *w)
{
	struct frame *fr = &w->frames[--w->depth];
	size_t len = fr->path_len;
	if (fr->kind == FR_OBJECTS && fr->field->nonempty && fr->children == 0) {
		w->path[len] = '\0';
		report(w, "empty list (want at least one)");
	}
	if (fr->kind != FR_FIELDS)
		return;
	for (int i = 0; fr->field[i].name; i++) {
		if (!fr->field[i].required || (fr->present >> i & 1))
			continue;
		snprintf(w->path + len, sizeof w->path - len, "%s%s",
				 len ? "." : "", fr->field[i].name);
		report(w, "missing required field");
	}
	w->path[len] = '\0';
}

/* Pushes the frame for a container just checked, so its children are
 * walked, or skipped (unknown or wrongly typed values) with descend 0. */
static void enter(struct walk *w, const struct node *n, int descend,
				  enum frame_kind kind, const struct field *f)
{
	if (is_container(n->type))
		frame_push(w, n, descend ? kind : FR_SKIP, f);
}

static void visit_member(struct walk *w, struct frame *fr, const struct node *n)
{
	static const enum frame_kind kinds[] = {
		[VT_LIST] = FR_LIST, [VT_OBJECT] = FR_FIELDS,
		[VT_OBJECTS] = FR_OBJECTS
	};
	const struct field *f = fr->field;
	int i = 0;
	while (f[i].name && strcmp(f[i].name, n->key) != 0)
		i++;
	if (!f[i].name) {
		struct imp_loc loc = w->loc;
		loc.field = w->path;
		imp_warn(w->imp, &loc, "unknown field, ignored");
		enter(w, n, 0, FR_SKIP, NULL);
		return;
	}
	if ((fr->seen >> i & 1) && !(fr->twice >> i & 1)) {
		report(w, "given twice");
		fr->twice |= 1ul << i;
	}
	fr->seen |= 1ul << i;
	int descend;
	if (check_value(w, n, f[i].type, &f[i], &descend))
		fr->present |= 1ul << i;
	enter(w, n, descend, kinds[f[i].type],
		  f[i].type == VT_OBJECT ? f[i].sub : &f[i]);
}

/* One node inside the record, after the frames are popped to its parent. */
static void visit(struct walk *w, const struct node *n)
{
	struct frame *fr = &w->frames[w->depth - 1];
	if (fr->kind == FR_SKIP) {
		enter(w, n, 0, FR_SKIP, NULL);
		return;
	}
	w->path[fr->path_len] = '\0';
	path_push(w, n);
	int descend;
	if (fr->kind == FR_FIELDS) {
		visit_member(w, fr, n);
	} else if (fr->kind == FR_LIST) {
		check_value(w, n, VT_TEXT, fr->field, &descend);
		enter(w, n, 0, FR_SKIP, NULL);
	} else {
		if (check_value(w, n, VT_OBJECT, NULL, &descend))
			fr->children++;
		enter(w, n, descend, FR_FIELDS, fr->field->sub);
	}
}

/* Fills *n from the json_tree() columns of st; -1 when out of memory. */
static int read_node(sqlite3_stmt *st, struct node *n)
{
	n->id = sqlite3_column_int64(st, 5);
	n->key = NULL;
	n->index = 0;
	int rc = 0;
	if (sqlite3_column_type(st, 7) == SQLITE_INTEGER)
		n->index = sqlite3_column_int64(st, 7);
	else
		rc |= imp_column_text(st, 7, &n->key);
	rc |= imp_column_text(st, 8, &n->type);
	n->atom = sqlite3_column_value(st, 9);
	rc |= imp_column_text(st, 9, &n->text);
	n->bytes = sqlite3_column_bytes(st, 9);
	return rc || !n->type ? -1 : 0;
}

/* A row without a parent starts a record: close the last one first.
 * Returns -1 when out of memory. */
static int start_record(struct walk *w, sqlite3_stmt *st, const struct node *n)
{
	const char *id;
	if (imp_column_text(st, 4, &id) != 0)
		return -1;
	while (w->depth > 0)
		frame_pop(w);
	w->db = (enum db)sqlite3_column_int(st, 2);
	w->fmt = sqlite3_column_int(st, 11) == 2 ? 2 : 1;
	w->loc.file = w->imp->files[sqlite3_column_int(st, 1)].name;
	w->loc.db = catalog[w->db].name;
	w->loc.idx = (long)sqlite3_column_int64(st, 3);
	w->loc.line = (long)sqlite3_column_int64(st, 12);
	snprintf(w->id, sizeof w->id, "%s", id ? id : "");
	w->loc.id = id ? w->id : NULL;
	w->path[0] = '\0';
	frame_push(w, n, FR_FIELDS, record_fields[w->fmt][w->db]);
	return 0;
}

/* A record must be an object; staging kept the others without JSON, so
 * json_tree() gave them no rows and the LEFT JOIN one of NULLs. Returns
 * -1 when out of memory. */
static int report_shape(struct walk *w, sqlite3_stmt *st)
{
	const char *type;
	if (imp_column_text(st, 10, &type) != 0 || !type)
		return -1;
	while (w->depth > 0)
		frame_pop(w);
	struct imp_loc loc = {
		w->imp->files[sqlite3_column_int(st, 1)].name,
		catalog[sqlite3_column_int(st, 2)].name,
		(long)sqlite3_column_int64(st, 3), NULL, NULL,
		(long)sqlite3_column_int64(st, 12)
	};
	imp_error(w->imp, &loc, "wrong type: %s (want an object)", imp_type_name(type));
	return 0;
}

/* One row of the walk; -1 when out of memory. */
static int walk_row(struct walk *w, sqlite3_stmt *st)
{
	if (sqlite3_column_type(st, 5) == SQLITE_NULL)
		return report_shape(w, st);
	struct node n;
	if (read_node(st, &n) != 0)
		return -1;
	if (sqlite3_column_type(st, 6) == SQLITE_NULL)
		return start_record(w, st, &n);
	sqlite3_int64 parent = sqlite3_column_int64(st, 6);
	while (w->depth > 1 && w->frames[w->depth - 1].node != parent)
		frame_pop(w);
	visit(w, &n);
	return 0;
}

/* Checks every staged record's fields, reporting each problem. */
enum imp_status imp_validate_records(struct imp *imp)
{
	static const char sql[] =
		"SELECT r.rowid, r.file_no, r.db, r.idx, r.id, "
		"  t.id, t.parent, t.key, t.type, t.atom, r.type, r.fmt, r.line "
		"FROM temp.rec AS r INDEXED BY rec_in_order"
		"  LEFT JOIN json_tree(r.json) AS t "
		"ORDER BY r.file_no, r.db, r.idx";
	struct walk *w = calloc(1, sizeof *w);
	if (!w) {
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	w->imp = imp;
	sqlite3_stmt *st;
	/* Each file's cases, then laws, then publications, as they always
	 * were reported, whatever order the file gives them in. */
	int rc = sqlite3_exec(imp->db, "CREATE INDEX temp.rec_in_order ON rec "
			      "(file_no, db, idx)", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(imp->db, sql, -1, &st, NULL);
	int nomem = 0;
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		if (walk_row(w, st) != 0) {
			nomem = 1;
			break;
		}
	}
	while (w->depth > 0)
		frame_pop(w);
	sqlite3_finalize(st);
	free(w);
	if (nomem) {
		imp_fatal(imp, "out of memory while checking records");
		return IMP_EFATAL;
	}
	return rc == SQLITE_DONE ? IMP_OK : imp_sqlerr(imp, "checking records");
}
