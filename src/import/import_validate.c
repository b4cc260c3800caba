/* htkp-import record checks. The fields of htkp/1 are described as data
 * (the tables below); one walk over json_tree() of every staged record
 * checks types, required fields, dates, years and categories against them.
 * Checks across records (duplicate ids, dangling law references) are SQL. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "import/import.h"

enum vtype { VT_TEXT, VT_INT, VT_BOOL, VT_LIST, VT_OBJECT, VT_OBJECTS };
enum vcheck { VC_NONE, VC_DATE, VC_YEAR, VC_COUNT, VC_OUTCOME, VC_METHOD };

struct field {
	const char *name;
	enum vtype type;
	enum vcheck check;      /* for VT_LIST: of each element */
	int required;
	const struct field *sub;  /* fields of VT_OBJECT / VT_OBJECTS */
};

static const struct field proceeding_fields[] = {
	{ "court", VT_TEXT, VC_NONE, 0, NULL },
	{ "date", VT_TEXT, VC_DATE, 0, NULL },
	{ "decision", VT_TEXT, VC_NONE, 0, NULL },
	{ "outcome", VT_TEXT, VC_NONE, 0, NULL },
	{ "sentence", VT_TEXT, VC_NONE, 0, NULL },
	{ NULL, VT_TEXT, VC_NONE, 0, NULL }
};

static const struct field victim_fields[] = {
	{ "count", VT_INT, VC_COUNT, 0, NULL },
	{ "gender", VT_LIST, VC_NONE, 0, NULL },
	{ "children", VT_BOOL, VC_NONE, 0, NULL },
	{ "nationalities", VT_LIST, VC_NONE, 0, NULL },
	{ NULL, VT_TEXT, VC_NONE, 0, NULL }
};

static const struct field defendant_fields[] = {
	{ "count", VT_INT, VC_COUNT, 0, NULL },
	{ "gender", VT_LIST, VC_NONE, 0, NULL },
	{ "nationalities", VT_LIST, VC_NONE, 0, NULL },
	{ NULL, VT_TEXT, VC_NONE, 0, NULL }
};

static const struct field case_fields[] = {
	{ "id", VT_TEXT, VC_NONE, 1, NULL },
	{ "title", VT_TEXT, VC_NONE, 1, NULL },
	{ "country", VT_TEXT, VC_NONE, 1, NULL },
	{ "court", VT_TEXT, VC_NONE, 0, NULL },
	{ "decision_date", VT_TEXT, VC_DATE, 0, NULL },
	{ "verdict", VT_TEXT, VC_NONE, 0, NULL },
	{ "outcome", VT_TEXT, VC_OUTCOME, 0, NULL },
	{ "sentence", VT_TEXT, VC_NONE, 0, NULL },
	{ "summary", VT_TEXT, VC_NONE, 0, NULL },
	{ "commentary", VT_TEXT, VC_NONE, 0, NULL },
	{ "acts", VT_LIST, VC_NONE, 0, NULL },
	{ "means", VT_LIST, VC_NONE, 0, NULL },
	{ "purposes", VT_LIST, VC_NONE, 0, NULL },
	{ "sectors", VT_LIST, VC_NONE, 0, NULL },
	{ "cross_border", VT_BOOL, VC_NONE, 0, NULL },
	{ "cooperation", VT_LIST, VC_NONE, 0, NULL },
	{ "countries_involved", VT_LIST, VC_NONE, 0, NULL },
	{ "legal_system", VT_TEXT, VC_NONE, 0, NULL },
	{ "proceedings", VT_OBJECTS, VC_NONE, 0, proceeding_fields },
	{ "victims", VT_OBJECT, VC_NONE, 0, victim_fields },
	{ "defendants", VT_OBJECT, VC_NONE, 0, defendant_fields },
	{ "legislation", VT_LIST, VC_NONE, 0, NULL },
	{ "source", VT_TEXT, VC_NONE, 0, NULL },
	{ NULL, VT_TEXT, VC_NONE, 0, NULL }
};

static const struct field law_fields[] = {
	{ "id", VT_TEXT, VC_NONE, 1, NULL },
	{ "title", VT_TEXT, VC_NONE, 1, NULL },
	{ "country", VT_TEXT, VC_NONE, 1, NULL },
	{ "year", VT_INT, VC_YEAR, 0, NULL },
	{ "summary", VT_TEXT, VC_NONE, 0, NULL },
	{ "topics", VT_LIST, VC_NONE, 0, NULL },
	{ "url", VT_TEXT, VC_NONE, 0, NULL },
	{ NULL, VT_TEXT, VC_NONE, 0, NULL }
};

static const struct field publication_fields[] = {
	{ "id", VT_TEXT, VC_NONE, 1, NULL },
	{ "title", VT_TEXT, VC_NONE, 1, NULL },
	{ "authors", VT_LIST, VC_NONE, 0, NULL },
	{ "year", VT_INT, VC_YEAR, 0, NULL },
	{ "type", VT_TEXT, VC_NONE, 0, NULL },
	{ "publisher", VT_TEXT, VC_NONE, 0, NULL },
	{ "countries", VT_LIST, VC_NONE, 0, NULL },
	{ "keywords", VT_LIST, VC_NONE, 0, NULL },
	{ "method", VT_TEXT, VC_NONE, 0, NULL },
	{ "methods", VT_LIST, VC_METHOD, 0, NULL },
	{ "abstract", VT_TEXT, VC_NONE, 0, NULL },
	{ "language", VT_TEXT, VC_NONE, 0, NULL },
	{ "url", VT_TEXT, VC_NONE, 0, NULL },
	{ "doi", VT_TEXT, VC_NONE, 0, NULL },
	{ "isbn", VT_TEXT, VC_NONE, 0, NULL },
	{ NULL, VT_TEXT, VC_NONE, 0, NULL }
};

static const struct field *const record_fields[DB_COUNT] = {
	case_fields, law_fields, publication_fields
};

static const char *const outcomes[] = {
	"convicted", "acquitted", "mixed", "quashed or retrial",
	"violation found", "no violation", "other", NULL
};
#define OUTCOMES "\"convicted\", \"acquitted\", \"mixed\", " \
	"\"quashed or retrial\", \"violation found\", \"no violation\", \"other\""

static const char *const methods[] = {
	"legal analysis", "quantitative", "qualitative", "review",
	"policy analysis", "training material", "other", NULL
};
#define METHODS "\"legal analysis\", \"quantitative\", \"qualitative\", " \
	"\"review\", \"policy analysis\", \"training material\", \"other\""

/* What the walk knows about an open object or array of the record. */
enum frame_kind { FR_FIELDS, FR_LIST, FR_OBJECTS, FR_SKIP };

struct frame {
	sqlite3_int64 node;             /* json_tree id */
	enum frame_kind kind;
	const struct field *field;      /* FR_FIELDS: the table; else the field */
	unsigned long seen, present;    /* FR_FIELDS: bits by table index */
	size_t path_len;                /* of this container's path */
};

#define MAX_FRAMES 2048         /* > SQLite's JSON depth limit of 2000 */

struct walk {
	struct imp *imp;
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

static const char *type_name(const char *type)
{
	if (strcmp(type, "text") == 0)
		return "string";
	if (strcmp(type, "integer") == 0 || strcmp(type, "real") == 0)
		return "number";
	if (strcmp(type, "true") == 0 || strcmp(type, "false") == 0)
		return "boolean";
	return type;
}

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
	va_list ap;

	loc.field = w->path;
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

/* A string's trimmed value against its field's rule. Returns whether the
 * string holds anything (blank strings count as absent). */
static int check_text(struct walk *w, const struct node *n, enum vcheck c)
{
	char q[IMP_QUOTE_MAX];
	size_t start, len;
	const char *s = n->text;

	if (!s || strlen(s) != (size_t)n->bytes
		|| u8_check((const uint8_t *)s, (size_t)n->bytes)) {
		report(w, "bad text: a \\u escape of a lone surrogate");
		return 1;
	}
	imp_trim(s, (size_t)n->bytes, &start, &len);
	if (len == 0)
		return 0;
	s += start;
	if (c == VC_DATE && !imp_is_date(s, len))
		report(w, "bad date %s (want YYYY, YYYY-MM or YYYY-MM-DD)",
			   imp_quote(q, n->text));
	else if (c == VC_OUTCOME && !in_list(outcomes, s, len))
		report(w, "bad outcome %s (want one of %s)",
			   imp_quote(q, n->text), OUTCOMES);
	else if (c == VC_METHOD && !in_list(methods, s, len))
		report(w, "bad method %s (want one of %s)",
			   imp_quote(q, n->text), METHODS);
	return 1;
}

static void check_number(struct walk *w, const struct node *n, enum vcheck c)
{
	int whole = strcmp(n->type, "integer") == 0;
	sqlite3_int64 v = sqlite3_value_int64(n->atom);
	const char *num = n->text ? n->text : "?";

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
					   enum vcheck c, int *descend)
{
	char q[IMP_QUOTE_MAX];

	*descend = 0;
	if (strcmp(n->type, "null") == 0)
		return 0;
	if (!type_fits(t, n->type)) {
		if (strcmp(n->type, "text") == 0)
			report(w, "wrong type: string %s (want %s)",
				   imp_quote(q, n->text ? n->text : ""), want_name(t));
		else
			report(w, "wrong type: %s (want %s)", type_name(n->type),
				   want_name(t));
		return 1;
	}
	if (t == VT_TEXT)
		return check_text(w, n, c);
	if (t == VT_INT)
		check_number(w, n, c);
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
	struct frame *fr;

	if (w->depth >= MAX_FRAMES)
		return;         /* deeper than SQLite parses: cannot happen */
	fr = &w->frames[w->depth++];
	fr->node = n->id;
	fr->kind = kind;
	fr->field = field;
	fr->seen = fr->present = 0;
	fr->path_len = strlen(w->path);
}

/* Closing an object: were its required fields there? */
static void frame_pop(struct walk *w)
{
	struct frame *fr = &w->frames[--w->depth];
	size_t len = fr->path_len;

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
	struct imp_loc loc = w->loc;
	int i, descend;

	for (i = 0; f[i].name && strcmp(f[i].name, n->key) != 0; i++)
		;
	if (!f[i].name) {
		loc.field = w->path;
		imp_warn(w->imp, &loc, "unknown field, ignored");
		enter(w, n, 0, FR_SKIP, NULL);
		return;
	}
	if (fr->seen >> i & 1)
		report(w, "given twice");
	fr->seen |= 1ul << i;
	if (check_value(w, n, f[i].type, f[i].check, &descend))
		fr->present |= 1ul << i;
	enter(w, n, descend, kinds[f[i].type],
		  f[i].type == VT_OBJECT ? f[i].sub : &f[i]);
}

/* One node inside the record, after the frames are popped to its parent. */
static void visit(struct walk *w, const struct node *n)
{
	struct frame *fr = &w->frames[w->depth - 1];
	int descend;

	if (fr->kind == FR_SKIP) {
		enter(w, n, 0, FR_SKIP, NULL);
		return;
	}
	w->path[fr->path_len] = '\0';
	path_push(w, n);
	if (fr->kind == FR_FIELDS) {
		visit_member(w, fr, n);
	} else if (fr->kind == FR_LIST) {
		check_value(w, n, VT_TEXT, fr->field->check, &descend);
		enter(w, n, 0, FR_SKIP, NULL);
	} else {
		check_value(w, n, VT_OBJECT, VC_NONE, &descend);
		enter(w, n, descend, FR_FIELDS, fr->field->sub);
	}
}

static void read_node(sqlite3_stmt *st, struct node *n)
{
	n->id = sqlite3_column_int64(st, 5);
	n->key = NULL;
	n->index = 0;
	if (sqlite3_column_type(st, 7) == SQLITE_INTEGER)
		n->index = sqlite3_column_int64(st, 7);
	else
		n->key = (const char *)sqlite3_column_text(st, 7);
	n->type = (const char *)sqlite3_column_text(st, 8);
	n->atom = sqlite3_column_value(st, 9);
	n->text = (const char *)sqlite3_column_text(st, 9);
	n->bytes = sqlite3_column_bytes(st, 9);
}

/* A row without a parent starts a record: close the last one first. */
static void start_record(struct walk *w, sqlite3_stmt *st, const struct node *n)
{
	int file_no = sqlite3_column_int(st, 1);
	enum imp_db db = (enum imp_db)sqlite3_column_int(st, 2);
	const char *id = (const char *)sqlite3_column_text(st, 4);

	while (w->depth > 0)
		frame_pop(w);
	w->loc.file = w->imp->files[file_no].name;
	w->loc.db = imp_db_name(db);
	w->loc.idx = (long)sqlite3_column_int64(st, 3);
	snprintf(w->id, sizeof w->id, "%s", id ? id : "");
	w->loc.id = id ? w->id : NULL;
	w->path[0] = '\0';
	frame_push(w, n, FR_FIELDS, record_fields[db]);
}

/* A record must be an object; staging kept the others without JSON, so
 * json_tree() gave them no rows and the LEFT JOIN one of NULLs. */
static void report_shape(struct walk *w, sqlite3_stmt *st)
{
	struct imp_loc loc = { NULL, NULL, -1, NULL, NULL };

	while (w->depth > 0)
		frame_pop(w);
	loc.file = w->imp->files[sqlite3_column_int(st, 1)].name;
	loc.db = imp_db_name((enum imp_db)sqlite3_column_int(st, 2));
	loc.idx = (long)sqlite3_column_int64(st, 3);
	imp_error(w->imp, &loc, "wrong type: %s (want an object)",
			  type_name((const char *)sqlite3_column_text(st, 10)));
}

static void walk_row(struct walk *w, sqlite3_stmt *st)
{
	struct node n;
	sqlite3_int64 parent;

	if (sqlite3_column_type(st, 5) == SQLITE_NULL) {
		report_shape(w, st);
		return;
	}
	read_node(st, &n);
	if (!n.type)
		return;         /* out of memory: the step reports it */
	if (sqlite3_column_type(st, 6) == SQLITE_NULL) {
		start_record(w, st, &n);
		return;
	}
	parent = sqlite3_column_int64(st, 6);
	while (w->depth > 1 && w->frames[w->depth - 1].node != parent)
		frame_pop(w);
	visit(w, &n);
}

/* Checks every staged record's fields, reporting each problem. */
enum imp_status imp_validate_records(struct imp *imp)
{
	static const char sql[] =
		"SELECT r.rowid, r.file_no, r.db, r.idx, r.id, "
		"  t.id, t.parent, t.key, t.type, t.atom, r.type "
		"FROM temp.rec AS r LEFT JOIN json_tree(r.json) AS t "
		"ORDER BY r.rowid";
	struct walk *w = calloc(1, sizeof *w);
	sqlite3_stmt *st;
	int rc;

	if (!w) {
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	w->imp = imp;
	rc = sqlite3_prepare_v2(imp->db, sql, -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		walk_row(w, st);
		rc = SQLITE_OK;
	}
	while (w->depth > 0)
		frame_pop(w);
	sqlite3_finalize(st);
	free(w);
	return rc == SQLITE_DONE ? IMP_OK : imp_sqlerr(imp, "checking records");
}
