/* Reading a case's defendants and charges and a law's provisions into a
 * struct record (store_record.c calls these). */
#ifndef HTKP_STORE_BRIEF_H
#define HTKP_STORE_BRIEF_H

#include "store/store.h"

/* Each returns 0, or -1 with the store's error set. */
int store_read_defendants(struct store *st, struct record *r);
int store_read_provisions(struct store *st, struct record *r);
/* Frees what those two read. */
void store_free_brief(struct record *r);

#endif
