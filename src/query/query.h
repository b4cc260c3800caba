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

struct query {
	char *fts;        /* FTS5 MATCH expression; NULL when the input holds nothing to search */
	char **terms;     /* positive words and phrases, case as typed, for highlighting;
						 a phrase's words joined by one space; prefix terms without '*' */
	bool *prefix;     /* prefix[i]: terms[i] was typed as prefix* */
	size_t n_terms;
	const char *hint; /* static one-line hint when input was dropped or adjusted, else NULL */
};

/* Parses input (UTF-8, any bytes; NULL counts as empty) into *q; the caller
 * releases q with query_free. Returns 0, or -1 on out of memory (q then
 * holds nothing to free). */
int query_parse(const char *input, struct query *q);

/* Frees what query_parse allocated in q and empties it; safe to call twice. */
void query_free(struct query *q);

#endif
