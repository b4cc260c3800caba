/* A scrollable document of blocks (headings, labels, paragraphs, links),
 * wrapped to the area's width: the body of static screens and records. */
#ifndef HTKP_UI_DOC_H
#define HTKP_UI_DOC_H

#include "ui/ui_view.h"
#include "common/text.h"

struct doc_block {
	char *text;        /* clean UTF-8 */
	enum role role;
	int indent;
	int link;          /* index among the document's links, or -1 */
	size_t label_len;  /* the first label_len bytes are a label */
};

struct doc_line {
	size_t block;
	struct text_line span;
};

/* Initialise with DOC_INIT: no link selected, no anchor. */
#define DOC_INIT {.sel_link = -1, .anchor = -1}

struct doc {
	struct doc_block *blocks;
	size_t n_blocks, cap_blocks;
	int n_links;
	struct doc_line *lines;
	size_t n_lines;
	int laid_width;     /* width the lines were wrapped for, 0 = stale */
	int top;            /* first visible line */
	int sel_link;       /* selected link, -1 when none */
	long anchor;        /* block the next draw scrolls to the top, -1: none */
	char *const *terms; /* words to highlight (not owned), may be NULL */
	const bool *prefix;
	size_t n_terms;
};

/* Appends a block holding a cleaned copy of s[0..n). link >= 0 makes it
 * link number `link`. Returns -1 on ENOMEM. */
int doc_add(struct doc *d, const char *s, size_t n, enum role role, int indent,
	    int link);
/* Same, NUL-terminated. */
int doc_addz(struct doc *d, const char *s, enum role role, int indent);
/* Appends "label: value" with the label drawn as one. Returns -1 on ENOMEM. */
int doc_add_field(struct doc *d, const char *label, const char *value, int indent);
/* Same, as link number `link` (-1: not a link) drawn in role. */
int doc_add_labelled(struct doc *d, const char *label, const char *value,
		     enum role role, int indent, int link);
/* Appends an empty line. */
int doc_blank(struct doc *d);
/* Draws the visible lines and sets app->position when the document is
 * longer than the area. */
void doc_draw(struct doc *d, struct app *app, struct area a);
/* Scrolling and (Tab) link keys; Enter is the owner's. */
struct action doc_key(struct doc *d, int key, struct area a);
/* Frees blocks and lines. */
void doc_free(struct doc *d);

#endif
