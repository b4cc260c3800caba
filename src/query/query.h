/* query.h: what a person typed in the search box, turned into a safe FTS5
 * MATCH expression plus the words to highlight in the results. The grammar
 * is described at the top of query.c. */
#ifndef HTKP_QUERY_H
#define HTKP_QUERY_H

#include <stdbool.h>
#include <stddef.h>

/* Input beyond this many bytes (after cleaning) is ignored, with a hint. */
#define QUERY_MAX_BYTES 500
/* Words and phrases beyond this many (excluded ones count) are ignored. */
#define QUERY_MAX_TERMS 32
/* A plain word stands for at most this many spellings (itself included). */
#define QUERY_MAX_VARIANTS 6
/* Leaving out one word at a time is tried for at most this many words. */
#define QUERY_MAX_DROP 6
#define QUERY_MAX_ALTS (1 + 2 * QUERY_MAX_DROP)
/* No expression query_parse makes is longer than this. */
#define QUERY_MAX_FTS_BYTES \
	(QUERY_MAX_VARIANTS * (2 * QUERY_MAX_BYTES + 16 * QUERY_MAX_TERMS) + 16)

/* Another reading of the words, for when they find nothing as typed. */
struct query_alt {
	char *fts;        /* FTS5 MATCH expression */
	char *note;       /* one line for people: what it shows instead, in the
			     language current at query_parse */
	int tier;         /* readings of one tier compete; a lower tier first */
};

struct query {
	char *fts;        /* FTS5 MATCH expression; NULL when the input holds nothing to search */
	char **terms;     /* positive words and phrases, case as typed, for highlighting;
						 a phrase's words joined by one space; prefix terms without '*' */
	bool *prefix;     /* prefix[i]: terms[i] was typed as prefix* */
	size_t n_terms;
	const char *hint; /* static one-line hint when input was dropped or adjusted,
			     in the language current at query_parse, else NULL */
	const char *id;   /* the one word typed, when it may be a record id
						 (not only letters): terms[0]; else NULL */
	struct query_alt *alts; /* prefix, then each word left out: see query.c */
	size_t n_alts;
};

/* Parses input (UTF-8, any bytes; NULL counts as empty) into *q; the caller
 * releases q with query_free. Returns 0, or -1 on out of memory (q then
 * holds nothing to free). */
int query_parse(const char *input, struct query *q);

/* Frees what query_parse allocated in q and empties it; safe to call twice. */
void query_free(struct query *q);

#endif
