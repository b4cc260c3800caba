/* htkp-import's own JSON scanner, run over every file before SQLite sees
 * it: it measures each string, number and record against the size limits
 * (SQLite would copy an oversized value many times over before any check
 * of ours could refuse it), and finds where invalid JSON goes wrong. It
 * builds nothing: it hands each record's text, and each member of the
 * top level, to its hooks (import_stage.c) as it goes, so that no part of
 * SQLite ever sees more than one record at a time. It reads a JSON
 * document (one object holding the record arrays) or JSON Lines (a first
 * line {"format": ...}, then one {"cases": {...}} a line). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "import/import.h"

/* One open object or array. */
struct spot {
	int is_array;
	size_t start;           /* offset of its '{' or '[' */
	size_t key, key_len;    /* object: the current member name, raw */
	long index;             /* array: the current element */
	size_t elem;            /* array: offset of the current element */
};

struct scan {
	const char *s;
	size_t n, pos;
	const char *why;        /* set at the first syntax error */
	int depth;
	/* Only when sizes are checked (else NULL): */
	struct imp *imp;
	const struct imp_file *f;
	struct spot *spots;     /* [IMP_MAX_DEPTH + 1], by depth */
	int db;                 /* the top-level member being scanned is this
				   database's record array; else -1 */
	unsigned long too_big;
	/* Only in the main scan (else NULL or 0): */
	struct imp_scan_hooks *hooks;
	int fatal;              /* a hook failed: stop */
	size_t nul_at;          /* the first \u0000 escape, or SIZE_MAX */
	unsigned arrays_seen;   /* document: record arrays met (1 << db) */
	int repeat;             /* document: this array was met before */
	size_t dropped;         /* pages before this were given back */
	/* JSON Lines: */
	int jsonl;
	long line;              /* the line being scanned, from 1 */
	int header;             /* it is the first: {"format": ...} */
	long members;           /* a record line's members so far */
	int line_db;            /* its first member's database, or -1 */
	size_t rec_start, rec_len; /* its first member's value */
	long count[DB_COUNT];   /* records of each database so far */
};

static int fail(struct scan *sc, const char *why)
{
	/* A value of JSON Lines cut by its line's end. */
	if (sc->jsonl && sc->pos >= sc->n && strncmp(why, "unexpected end", 14) != 0)
		why = "unexpected end of line";
	if (!sc->why)
		sc->why = why;
	return 0;
}

static void skip_ws(struct scan *sc)
{
	while (sc->pos < sc->n && strchr(" \t\r\n", sc->s[sc->pos])
	       && sc->s[sc->pos])
		sc->pos++;
}

static int at(const struct scan *sc, char c)
{
	return sc->pos < sc->n && sc->s[sc->pos] == c;
}

static int is_digit_at(const struct scan *sc)
{
	return sc->pos < sc->n && sc->s[sc->pos] >= '0' && sc->s[sc->pos] <= '9';
}

static unsigned hex4(const char *p)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++)
		v = v << 4 | (unsigned)(p[i] <= '9' ? p[i] - '0' : (p[i] | 0x20) - 'a' + 10);
	return v;
}

/* Whether s[i..n) is a \u escape (6 bytes, four hex digits). */
static int is_u_escape(const char *s, size_t i, size_t n)
{
	if (n - i < 6 || s[i] != '\\' || s[i + 1] != 'u')
		return 0;
	for (int k = 2; k < 6; k++)
		if (!strchr("0123456789abcdefABCDEF", s[i + k]) || !s[i + k])
			return 0;
	return 1;
}

/* Decodes the \u escape at s[*i] (checked by is_u_escape), joining a
 * surrogate pair as SQLite does; a lone surrogate is kept as such. */
static ucs4_t decode_u(const char *s, size_t *i, size_t n)
{
	ucs4_t c = hex4(s + *i + 2);
	*i += 6;
	if ((c & 0xfc00) == 0xd800 && is_u_escape(s, *i, n)
	    && (hex4(s + *i + 2) & 0xfc00) == 0xdc00) {
		c = 0x10000 + ((c & 0x3ff) << 10) + (hex4(s + *i + 2) & 0x3ff);
		*i += 6;
	}
	return c;
}

/* Copies the raw string contents s[0..n) (valid JSON, valid UTF-8) to out
 * with its escapes decoded, cut at a character boundary to fit room bytes
 * with the NUL. For messages only: a lone surrogate shows as U+FFFD.
 * Returns the bytes written. */
static size_t unescape(const char *s, size_t n, char *out, size_t room)
{
	size_t i = 0, o = 0;
	while (i < n) {
		uint8_t buf[6];
		int k;
		if (s[i] == '\\' && s[i + 1] == 'u') {
			ucs4_t c = decode_u(s, &i, n);
			k = u8_uctomb(buf, c >= 0xd800 && c < 0xe000 ? 0xfffd : c, 6);
		} else if (s[i] == '\\') {
			const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
			buf[0] = (uint8_t)to[strchr(from, s[i + 1]) - from];
			k = 1;
			i += 2;
		} else {
			k = u8_mblen((const uint8_t *)s + i, n - i);
			k = k < 1 ? 1 : k;
			memcpy(buf, s + i, (size_t)k);
			i += (size_t)k;
		}
		if (k < 1 || o + (size_t)k >= room)
			break;
		memcpy(out + o, buf, (size_t)k);
		o += (size_t)k;
	}
	out[o] = '\0';
	return o;
}

/* The path of what is being scanned from depth `from` to `to`, as the
 * record checks print it: "proceedings[0].court". */
static void spot_path(const struct scan *sc, int from, int to, char *out,
		      size_t room)
{
	size_t o = 0;
	out[0] = '\0';
	for (int k = from; k <= to && o + 2 < room; k++) {
		const struct spot *sp = &sc->spots[k];
		if (sp->is_array) {
			int w = snprintf(out + o, room - o, "[%ld]", sp->index);
			o = w < 0 || (size_t)w >= room - o ? room - 1 : o + (size_t)w;
			continue;
		}
		if (o)
			out[o++] = '.';
		o += unescape(sc->s + sp->key, sp->key_len, out + o, room - o);
	}
	out[o] = '\0';
}

static int scan_value(struct scan *sc);
static int scan_string(struct scan *sc, int is_key);

/* The id of the record object at s[start], trimmed, into out; "" if it
 * has none that is a string. Scans the members afresh: the id may come
 * after the oversized value. */
static void find_id(const struct scan *sc, size_t start, char *out, size_t room)
{
	struct scan sub = { .s = sc->s, .n = sc->n, .pos = start + 1, .db = -1 };
	out[0] = '\0';
	for (;;) {
		skip_ws(&sub);
		size_t key = sub.pos + 1;
		if (!at(&sub, '"') || !scan_string(&sub, 1))
			return;
		int is_id = sub.pos - key == 3 && memcmp(sc->s + key, "id", 2) == 0;
		skip_ws(&sub);
		if (!at(&sub, ':'))
			return;
		sub.pos++;
		skip_ws(&sub);
		size_t value = sub.pos + 1;
		if (is_id && at(&sub, '"') && scan_string(&sub, 0)) {
			char raw[128];
			size_t from, len;
			unescape(sc->s + value, sub.pos - 1 - value, raw, sizeof raw);
			imp_trim(raw, strlen(raw), &from, &len);
			snprintf(out, room, "%.*s", (int)len, raw + from);
			return;
		}
		if (!scan_value(&sub))
			return;
		skip_ws(&sub);
		if (!at(&sub, ','))
			return;
		sub.pos++;
	}
}

/* Reports that what is being scanned, `what` of `size` bytes, is over
 * `limit`. field: whether the path goes down to the current member or
 * element (not for a member name, nor for a whole record). */
static void too_big(struct scan *sc, const char *what, size_t size,
		    size_t limit, int field)
{
	char path[256], id[128];
	struct imp_loc loc = { sc->f->name, NULL, -1, NULL, path, 0 };
	int last = field ? sc->depth : sc->depth - 1, first = 1;
	if (sc->jsonl)
		loc.line = sc->line;
	/* Inside a record: its array's element, or a JSON line's member. */
	int rec = sc->jsonl ? 1 : 2;
	if (sc->depth >= rec && sc->db >= 0 && sc->spots[rec].is_array == !sc->jsonl) {
		size_t start = sc->spots[rec].elem;
		loc.db = catalog[sc->db].name;
		loc.idx = sc->jsonl ? sc->count[sc->db] : sc->spots[rec].index;
		if (sc->s[start] == '{') {
			find_id(sc, start, id, sizeof id);
			loc.id = id[0] ? id : NULL;
		}
		first = rec + 1;
	}
	spot_path(sc, first, last, path, sizeof path);
	if (!path[0])
		loc.field = NULL;
	sc->too_big++;
	imp_error(sc->imp, &loc, "%s is %zu bytes; the limit is %zu", what,
		  size, limit);
}

/* The bytes \u escape i of a string stands for in UTF-8, as SQLite
 * decodes it; *i moves past it (and its pair's low half). */
static size_t u_escape_bytes(const char *s, size_t *i, size_t n)
{
	ucs4_t c = decode_u(s, i, n);
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

static int scan_escape(struct scan *sc, size_t *bytes)
{
	if (sc->pos + 1 >= sc->n) {
		sc->pos++;
		return fail(sc, "unexpected end of file in a string");
	}
	char c = sc->s[sc->pos + 1];
	if (strchr("\"\\/bfnrt", c) && c) {
		sc->pos += 2;
		++*bytes;
		return 1;
	}
	if (c != 'u') {
		sc->pos++;
		return fail(sc, "bad escape in a string");
	}
	if (!is_u_escape(sc->s, sc->pos, sc->n)) {
		size_t end = sc->pos + 6;
		for (sc->pos += 2; sc->pos < end && sc->pos < sc->n
		     && strchr("0123456789abcdefABCDEF", sc->s[sc->pos])
		     && sc->s[sc->pos]; sc->pos++)
			;
		return fail(sc, "bad \\u escape in a string");
	}
	if (sc->nul_at == SIZE_MAX && hex4(sc->s + sc->pos + 2) == 0 && sc->hooks)
		sc->nul_at = sc->pos;
	*bytes += u_escape_bytes(sc->s, &sc->pos, sc->n);
	return 1;
}

/* A string at the opening quote; is_key: a member name. */
static int scan_string(struct scan *sc, int is_key)
{
	size_t bytes = 0;
	sc->pos++;              /* the opening quote */
	while (sc->pos < sc->n) {
		unsigned char c = (unsigned char)sc->s[sc->pos];
		if (c == '"') {
			sc->pos++;
			if (sc->imp && bytes > sc->imp->max_text)
				too_big(sc, is_key ? "a member name" : "text", bytes,
					sc->imp->max_text, !is_key);
			return 1;
		}
		if (c < 0x20)
			return fail(sc, c ? "control character in a string (escape it)"
				    : "NUL byte");
		if (c == '\\') {
			if (!scan_escape(sc, &bytes))
				return 0;
		} else {
			sc->pos++;
			bytes++;
		}
	}
	return fail(sc, "unexpected end of file in a string (missing '\"')");
}

static int scan_digits(struct scan *sc)
{
	if (!is_digit_at(sc))
		return fail(sc, "bad number");
	while (is_digit_at(sc))
		sc->pos++;
	return 1;
}

static int scan_number(struct scan *sc)
{
	size_t start = sc->pos;
	if (at(sc, '-'))
		sc->pos++;
	if (at(sc, '0')) {
		sc->pos++;
		if (is_digit_at(sc))
			return fail(sc, "bad number (leading zero)");
	} else if (!scan_digits(sc)) {
		return 0;
	}
	if (at(sc, '.')) {
		sc->pos++;
		if (!scan_digits(sc))
			return 0;
	}
	if (at(sc, 'e') || at(sc, 'E')) {
		sc->pos++;
		if (at(sc, '+') || at(sc, '-'))
			sc->pos++;
		if (!scan_digits(sc))
			return 0;
	}
	if (sc->imp && sc->pos - start > sc->imp->max_text)
		too_big(sc, "a number", sc->pos - start, sc->imp->max_text, 1);
	return 1;
}

static int scan_word(struct scan *sc, const char *word)
{
	size_t k = strlen(word);
	if (sc->n - sc->pos < k || memcmp(sc->s + sc->pos, word, k) != 0)
		return fail(sc, "unexpected character (want a value)");
	sc->pos += k;
	return 1;
}

/* A member name and its ':'; remembers the name for the messages. */
static int scan_name(struct scan *sc, struct spot *sp)
{
	if (!at(sc, '"'))
		return fail(sc, "want a member name in double quotes");
	size_t key = sc->pos + 1;
	if (!scan_string(sc, 1))
		return 0;
	if (sp) {
		sp->key = key;
		sp->key_len = sc->pos - 1 - key;
	}
	if (sp && sc->depth == 1) {
		char name[32];
		unescape(sc->s + key, sp->key_len, name, sizeof name);
		sc->db = sp->key_len < sizeof name ? catalog_find(name) : -1;
		/* Only a database's first array is read ("given twice"). */
		sc->repeat = sc->db >= 0 && !sc->jsonl && (sc->arrays_seen >> sc->db & 1);
		if (sc->db >= 0 && !sc->jsonl)
			sc->arrays_seen |= 1u << sc->db;
	}
	skip_ws(sc);
	if (!at(sc, ':'))
		return fail(sc, "want ':' after the member name");
	sc->pos++;
	return 1;
}

/* Whether the item just scanned in sp is a record: an element of a
 * record array, or the value of a JSON line's member. */
static int is_record(const struct scan *sc, const struct spot *sp)
{
	if (sc->jsonl)
		return sc->depth == 1 && !sc->header && !sp->is_array;
	return sc->depth == 2 && sc->db >= 0 && sp->is_array;
}

/* A record must fit IMP_MAX_RECORD; one already reported for a value too
 * big inside it is not reported again. before: sc->too_big when the
 * record started. */
static void check_record(struct scan *sc, const struct spot *sp,
			 unsigned long before)
{
	if (is_record(sc, sp) && sc->db >= 0 && sc->too_big == before
	    && sc->pos - sp->elem > sc->imp->max_record)
		too_big(sc, "the record", sc->pos - sp->elem, sc->imp->max_record, 0);
}

/* The json_type() name of the value at s[start..end). */
static const char *type_of(const char *s, size_t start, size_t end)
{
	switch (s[start]) {
	case '{': return "object";
	case '[': return "array";
	case '"': return "text";
	case 't': return "true";
	case 'f': return "false";
	case 'n': return "null";
	}
	for (size_t i = start; i < end; i++)
		if (strchr(".eE", s[i]) && s[i])
			return "real";
	return "integer";
}

/* A member of the top-level object (JSON Lines: of the first line), to
 * the member hook. */
static void top_member(struct scan *sc, const struct spot *sp)
{
	char key[IMP_NAME_MAX], atom[IMP_NAME_MAX] = "";
	unescape(sc->s + sp->key, sp->key_len, key, sizeof key);
	const char *type = type_of(sc->s, sp->elem, sc->pos);
	if (sc->s[sp->elem] == '"')
		unescape(sc->s + sp->elem + 1, sc->pos - sp->elem - 2, atom, sizeof atom);
	if (sc->hooks->member(sc->hooks->ctx, key, type, atom))
		sc->fatal = 1;
}

/* What the main scan does after each item of a container: a record goes
 * to the record hook; a member of the top level to the member hook; and
 * the pages of the file behind a record are given back. */
static void after_item(struct scan *sc, const struct spot *sp)
{
	if (!sc->hooks)
		return;
	if (sc->jsonl && sc->depth == 1 && !sc->header) {
		/* A record line is checked whole at its end (scan_line). */
		if (sc->members++ == 0) {
			sc->line_db = sc->db;
			sc->rec_start = sp->elem;
			sc->rec_len = sc->pos - sp->elem;
		}
		return;
	}
	if (sc->depth == 1 && !sp->is_array) {
		top_member(sc, sp);
	} else if (is_record(sc, sp) && !sc->repeat && !sc->too_big && !sc->fatal) {
		if (sc->hooks->record(sc->hooks->ctx, sc->db, sp->index, 0,
				      sc->s + sp->elem, sc->pos - sp->elem))
			sc->fatal = 1;
	}
	if (sc->depth <= 2 && sc->pos - sc->dropped > IMP_READ_BEHIND) {
		imp_drop_read(sc->f, sc->pos);
		sc->dropped = sc->pos;
	}
}

/* The members or elements of an object or array, up to its closer. */
static int scan_items(struct scan *sc, char closer)
{
	struct spot *sp = sc->spots ? &sc->spots[sc->depth] : NULL;
	skip_ws(sc);
	if (at(sc, closer)) {
		sc->pos++;
		return 1;
	}
	for (long i = 0;; i++) {
		if (closer == '}' && !scan_name(sc, sp))
			return 0;
		skip_ws(sc);
		if (sp) {
			sp->index = i;
			sp->elem = sc->pos;
		}
		unsigned long before = sc->too_big;
		if (!scan_value(sc))
			return 0;
		if (sp) {
			check_record(sc, sp, before);
			after_item(sc, sp);
			if (sc->fatal)
				return 0;
		}
		skip_ws(sc);
		if (at(sc, closer)) {
			sc->pos++;
			return 1;
		}
		if (!at(sc, ','))
			return fail(sc, closer == '}' ? "want ',' or '}'" : "want ',' or ']'");
		sc->pos++;
		skip_ws(sc);
		if (at(sc, closer))
			return fail(sc, "trailing comma");
	}
}

static int scan_container(struct scan *sc)
{
	if (++sc->depth > IMP_MAX_DEPTH)
		return fail(sc, "nested too deeply");
	char closer = sc->s[sc->pos] == '{' ? '}' : ']';
	if (sc->spots) {
		struct spot *sp = &sc->spots[sc->depth];
		memset(sp, 0, sizeof *sp);
		sp->is_array = closer == ']';
		sp->start = sc->pos;
	}
	sc->pos++;
	int ok = scan_items(sc, closer);
	sc->depth--;
	return ok;
}

static int scan_value(struct scan *sc)
{
	skip_ws(sc);
	if (sc->pos >= sc->n)
		return fail(sc, "unexpected end of file (want a value)");
	switch (sc->s[sc->pos]) {
	case '{':
	case '[': return scan_container(sc);
	case '"': return scan_string(sc, 0);
	case 't': return scan_word(sc, "true");
	case 'f': return scan_word(sc, "false");
	case 'n': return scan_word(sc, "null");
	case '\0': return fail(sc, "NUL byte");
	default:
		if (sc->s[sc->pos] == '-' || is_digit_at(sc))
			return scan_number(sc);
		return fail(sc, "unexpected character (want a value)");
	}
}

/* A line of JSON Lines past the first: one object of one member, its
 * database's name, whose value is the record. */
static void end_line(struct scan *sc, size_t start)
{
	struct imp_loc loc = { sc->f->name, NULL, -1, NULL, NULL, sc->line };
	if (sc->s[start] != '{' || sc->members != 1 || sc->line_db < 0) {
		imp_error(sc->imp, &loc, "want one record a line: {\"cases\": {...}}, "
			  "{\"legislation\": {...}} or {\"bibliography\": {...}}");
		return;
	}
	long idx = sc->count[sc->line_db]++;
	if (!sc->too_big && sc->hooks->record(sc->hooks->ctx, sc->line_db, idx,
					      sc->line, sc->s + sc->rec_start,
					      sc->rec_len))
		sc->fatal = 1;
}

/* JSON Lines: each line not blank is one JSON value; the first is the
 * header. A value may not go on past its line. */
static void scan_lines(struct scan *sc, size_t len)
{
	for (size_t p = 0; p < len && !sc->why && !sc->fatal; p = sc->n + 1) {
		const char *nl = memchr(sc->s + p, '\n', len - p);
		sc->n = nl ? (size_t)(nl - sc->s) : len;
		sc->pos = p;
		sc->line++;
		skip_ws(sc);
		if (sc->pos >= sc->n)
			continue;
		size_t start = sc->pos;
		sc->members = 0;
		sc->line_db = -1;
		if (sc->header)
			sc->hooks->top_is_object = sc->s[start] == '{';
		if (!scan_value(sc))
			break;
		skip_ws(sc);
		if (sc->pos < sc->n) {
			fail(sc, sc->s[sc->pos] ? "more text after the JSON value on its line"
			     : "NUL byte");
			break;
		}
		if (!sc->header)
			end_line(sc, start);
		sc->header = 0;
		if (sc->pos - sc->dropped > IMP_READ_BEHIND) {
			imp_drop_read(sc->f, sc->pos);
			sc->dropped = sc->pos;
		}
	}
	if (sc->header && !sc->why)
		sc->hooks->top_is_object = 0;   /* no line at all */
}

/* Scans f->text (valid UTF-8), handing records and top-level members to
 * hooks, and reports, as errors, each string, number and record over
 * imp's limits: IMP_EDATA if there was one, IMP_EFATAL if a hook failed.
 * On invalid JSON, *why says what is wrong at byte *off (else *why is
 * NULL); size errors up to there are reported all the same. *nul_at: the
 * first \u0000 escape, or SIZE_MAX. */
enum imp_status imp_scan_json(struct imp *imp, const struct imp_file *f,
			      struct imp_scan_hooks *hooks, size_t *off,
			      const char **why, size_t *nul_at)
{
	struct scan sc = {
		.s = f->text, .n = f->len, .imp = imp, .f = f, .db = -1,
		.spots = calloc(IMP_MAX_DEPTH + 1, sizeof(struct spot)),
		.hooks = hooks, .nul_at = SIZE_MAX, .jsonl = f->jsonl, .header = 1
	};
	if (!sc.spots) {
		imp_fatal(imp, "%s: out of memory", f->name);
		return IMP_EFATAL;
	}
	if (sc.jsonl) {
		scan_lines(&sc, f->len);
	} else {
		skip_ws(&sc);
		hooks->top_is_object = sc.pos < sc.n && sc.s[sc.pos] == '{';
		if (scan_value(&sc)) {
			skip_ws(&sc);
			if (sc.pos < sc.n)
				fail(&sc, sc.s[sc.pos] ? "more text after the JSON value"
				     : "NUL byte");
		}
	}
	free(sc.spots);
	*why = sc.why;
	*off = sc.pos;
	*nul_at = sc.nul_at;
	if (sc.fatal)
		return IMP_EFATAL;
	return sc.too_big ? IMP_EDATA : IMP_OK;
}
