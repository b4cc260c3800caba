/* The last ranked search's rowids (store_ranked.h). One list per store,
 * so one per kiosk session: at most RANKED_ROWS rowids and a key. */
#include "store/store_ranked.h"
#include "store/store_impl.h"
#include "store/store_facet.h"
#include "store/fts_words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct keybuf {
	char *s;
	size_t len, cap;
	bool failed;
};

static void put(struct keybuf *k, const char *bytes, size_t n)
{
	if (k->failed)
		return;
	if (k->len + n + 1 > k->cap) {
		size_t cap = (k->len + n + 1) * 2;
		char *s = realloc(k->s, cap);
		if (!s) {
			k->failed = true;
			return;
		}
		k->s = s;
		k->cap = cap;
	}
	memcpy(k->s + k->len, bytes, n);
	k->len += n;
	k->s[k->len] = '\0';
}

static void put_long(struct keybuf *k, long n)
{
	char b[32];
	put(k, b, (size_t)snprintf(b, sizeof b, "%ld;", n));
}

/* Length-prefixed, so that no value can pass for two ("a" "b;c" against
 * "a;b" "c"); "-" is NULL, which differs from the empty string. */
static void put_str(struct keybuf *k, const char *s)
{
	if (!s) {
		put(k, "-", 1);
		return;
	}
	put_long(k, (long)strlen(s));
	put(k, s, strlen(s));
}

char *ranked_key(const struct search *s)
{
	struct keybuf k = {0};
	put_long(&k, s->db);
	put_long(&k, s->sort);
	put_str(&k, s->fts);
	put_str(&k, s->id);
	put_str(&k, s->added_since);
	put_long(&k, (long)s->n_filters);
	for (size_t i = 0; i < s->n_filters; i++) {
		const struct search_filter *f = &s->filters[i];
		put_str(&k, f->field);
		if (!f->values) {
			put(&k, "y", 1);
			put_long(&k, f->from);
			put_long(&k, f->to);
			continue;
		}
		put_long(&k, (long)f->n_values);
		for (size_t v = 0; v < f->n_values; v++)
			put_str(&k, f->values[v]);
	}
	if (k.failed) {
		free(k.s);
		return NULL;
	}
	return k.s;
}

const struct ranked *ranked_find(const struct store *st, const char *key)
{
	const struct ranked *r = st->ranked;
	return r && key && strcmp(r->key, key) == 0 ? r : NULL;
}

void ranked_keep(struct store *st, char *key, long *rowid, size_t n, bool whole)
{
	ranked_drop(st);
	struct ranked *r = malloc(sizeof *r);
	if (!r || !key) {
		free(r), free(key), free(rowid);
		return;   /* nothing kept: the next page ranks again */
	}
	*r = (struct ranked){key, rowid, n, whole, -1};
	st->ranked = r;
}

void ranked_drop(struct store *st)
{
	if (!st->ranked)
		return;
	free(st->ranked->key);
	free(st->ranked->rowid);
	free(st->ranked);
	st->ranked = NULL;
}

void store_forget(struct store *st)
{
	ranked_drop(st);
	facet_bits_drop(st);
	free(st->counted_fts);
	st->counted_fts = NULL;
	fts_words_drop(st);
}
