/* A record laid out as the portal shows it: the catalog's fields in order,
 * empty ones left out, headings only above fields that have a value. The
 * kiosk's record view and `htkp show` both walk records through this. */
#ifndef HTKP_RECORDFMT_H
#define HTKP_RECORDFMT_H

#include "store/store.h"

enum rf_kind {
	RF_TITLE,      /* value: the title */
	RF_ID,         /* value: "Case Law NOR-2017-001" */
	RF_HEADING,    /* label: a section heading */
	RF_FIELD,      /* label: value */
	RF_SUBFIELD,   /* label: value, part of the field above (an instance) */
	RF_TEXT,       /* value: a paragraph under the heading */
	RF_LINK,       /* value: a linked record's title, or with a label a
			  charge's statute; link: its index */
	RF_NOTE,       /* value: "none recorded" */
	RF_PART,       /* label: "Defendant 1", "Article 4"; value: what
			  follows it, may be ""; link: the provision's index
			  for a law's article (a link's landing place), else -1 */
};

/* Where the record view opens when a link names a provision: the index
 * of the provision of r whose article is article, or -1. */
int record_provision(const struct record *r, const char *article);

/* Called for each piece; returns 0 to go on, non-zero to stop. label and
 * value may live only during the call (a list of values in the reader's
 * language, a line of a text): copy what must be kept. */
typedef int (*rf_emit)(void *ctx, enum rf_kind kind, const char *label,
		       const char *value, int link);

/* Walks record r, calling emit for each piece. Returns emit's first
 * non-zero result, or 0. */
int record_walk(const struct record *r, rf_emit emit, void *ctx);

#endif
