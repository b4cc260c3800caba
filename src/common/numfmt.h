/* Numbers as people read them: "1,532", "1 case", "12 cases". */
#ifndef HTKP_NUMFMT_H
#define HTKP_NUMFMT_H

#include <stddef.h>

/* Writes n with thousands separators ("1,532", the separator in the
 * current language); a negative n as 0. A separator of several bytes
 * needs a larger buf: 32 bytes hold any long. */
void format_count(char *buf, size_t len, long n);

/* Writes n records of database db (enum db) in the current language, the
 * plural by its rule: "1 case", "1,532 cases". */
void format_records(char *buf, size_t len, long n, int db);

#endif
