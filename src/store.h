/* The database: every SQL statement of the kiosk lives in store.c. The
 * file is opened read-only and reopened when htkp-import replaces it. */
#ifndef HTKP_STORE_H
#define HTKP_STORE_H

#include <stddef.h>

#define STORE_SCHEMA_VERSION 1

struct store;

/* Opens the database at path read-only. On failure returns NULL and
 * writes one line saying why into err. Caller closes with store_close. */
struct store *store_open(const char *path, char *err, size_t errlen);
void store_close(struct store *st);

/* Number of records in database db (enum db), or -1 on error. */
long store_count(struct store *st, int db);

/* The last error, one line for the status bar. */
const char *store_error(const struct store *st);

#endif
